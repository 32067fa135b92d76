//! Restate server processes on loopback: one node, or a cluster of three, each started from a
//! configuration file this module writes, killed with SIGKILL and started again on the same
//! data directory.
//!
//! The server checks GitHub for a newer release when it starts, and that check cannot be turned
//! off. The harness runs inside a network namespace of its own when it can (`cargo xtask` sees
//! to it), where only loopback exists; `DO_NOT_TRACK` turns its telemetry off in any case.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use tokio::process::{Child, Command};

/// One node's addresses.
#[derive(Debug, Clone)]
pub struct NodeAddrs {
    /// Node-to-node (fabric) port.
    pub fabric: u16,
    /// Admin API port.
    pub admin: u16,
    /// Ingress port.
    pub ingress: u16,
}

impl NodeAddrs {
    /// Node `index` (0-based) of a layout whose ports start at `base`.
    pub fn nth(base: u16, index: u16) -> Self {
        let first = base + 10 * index;
        NodeAddrs {
            admin: first,
            ingress: first + 1,
            fabric: first + 2,
        }
    }

    /// `http://127.0.0.1:<admin>`.
    pub fn admin_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.admin)
    }

    /// `http://127.0.0.1:<ingress>`.
    pub fn ingress_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.ingress)
    }
}

/// A Restate server process.
pub struct Node {
    /// `n1`, `n2`, …
    pub name: String,
    /// Its addresses.
    pub addrs: NodeAddrs,
    process: Process,
}

/// The configuration of node `index` of `count` (all on loopback, data under `base_dir`).
fn node_toml(index: u16, count: u16, base: u16, base_dir: &Path) -> String {
    let me = NodeAddrs::nth(base, index);
    let peers: Vec<String> = (0..count)
        .map(|i| format!("\"http://127.0.0.1:{}/\"", NodeAddrs::nth(base, i).fabric))
        .collect();
    let replication = if count >= 3 { 2 } else { 1 };
    format!(
        r#"node-name = "n{n}"
cluster-name = "paragon-local"
base-dir = "{dir}"
roles = ["metadata-server", "admin", "worker", "log-server", "http-ingress"]
auto-provision = {provision}
default-replication = {replication}
default-num-partitions = 4
disable-telemetry = true
rocksdb-total-memory-size = "256 MiB"
listen-mode = "tcp"
bind-address = "127.0.0.1:{fabric}"
advertised-address = "http://127.0.0.1:{fabric}/"

[metadata-client]
addresses = [{peers}]

[admin]
bind-address = "127.0.0.1:{admin}"
advertised-address = "http://127.0.0.1:{admin}/"
disable-web-ui = true

[ingress]
bind-address = "127.0.0.1:{ingress}"
advertised-address = "http://127.0.0.1:{ingress}/"
"#,
        n = index + 1,
        dir = base_dir
            .display()
            .to_string()
            .replace('\\', "/")
            .replace('"', "\\\""),
        provision = index == 0,
        fabric = me.fabric,
        admin = me.admin,
        ingress = me.ingress,
        peers = peers.join(", "),
    )
}

impl Node {
    /// Writes the configurations of `count` nodes under `base_dir` and starts them.
    pub fn start_all(
        binary: &Path,
        base_dir: &Path,
        count: u16,
        base_port: u16,
    ) -> Result<Vec<Node>> {
        std::fs::create_dir_all(base_dir)
            .with_context(|| format!("creating {}", base_dir.display()))?;
        let mut nodes = Vec::new();
        for i in 0..count {
            let name = format!("n{}", i + 1);
            let config = base_dir.join(format!("{name}.toml"));
            std::fs::write(&config, node_toml(i, count, base_port, base_dir))
                .with_context(|| format!("writing {}", config.display()))?;
            let args = [
                "--no-logo".to_owned(),
                "--log-disable-ansi-codes".to_owned(),
                "true".to_owned(),
                "--config-file".to_owned(),
                config.display().to_string(),
            ];
            let process = Process::start(
                &format!("Restate node {name}"),
                binary,
                &args,
                &base_dir.join(format!("{name}.log")),
            )?;
            nodes.push(Node {
                name,
                addrs: NodeAddrs::nth(base_port, i),
                process,
            });
        }
        Ok(nodes)
    }

    /// The process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.process.pid()
    }

    /// Kills it with SIGKILL and reaps it.
    pub async fn kill(&mut self) -> Result<()> {
        self.process.kill().await
    }

    /// Starts it again on the same data directory.
    pub fn restart(&mut self) -> Result<()> {
        self.process.restart()
    }

    /// Waits until its admin API and ingress answer, or fails after `timeout` with the end of
    /// its log.
    pub async fn wait_ready(
        &mut self,
        http: &paragon_runtime::reqwest::Client,
        timeout: Duration,
    ) -> Result<()> {
        let deadline = Instant::now() + timeout;
        let admin = format!("{}/health", self.addrs.admin_url());
        let ingress = format!("{}/restate/health", self.addrs.ingress_url());
        loop {
            if let Some(status) = self.process.exited() {
                bail!("node {} exited ({status}):\n{}", self.name, self.log_tail());
            }
            let ok = |r: Result<paragon_runtime::reqwest::Response, _>| {
                r.map(|r| r.status().is_success()).unwrap_or(false)
            };
            if ok(http.get(&admin).send().await) && ok(http.get(&ingress).send().await) {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!(
                    "node {} did not answer on {admin} within {timeout:?}:\n{}",
                    self.name,
                    self.log_tail()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The last lines of its log.
    pub fn log_tail(&self) -> String {
        self.process.log_tail()
    }
}

/// A child process of the harness (the service), killed by PID when dropped.
pub struct Process {
    what: String,
    program: PathBuf,
    args: Vec<String>,
    log: PathBuf,
    child: Option<Child>,
}

impl Process {
    /// Starts `program` with `args`, its output appended to `log`.
    pub fn start(what: &str, program: &Path, args: &[String], log: &Path) -> Result<Self> {
        let mut p = Process {
            what: what.to_owned(),
            program: program.to_owned(),
            args: args.to_vec(),
            log: log.to_owned(),
            child: None,
        };
        p.spawn()?;
        Ok(p)
    }

    fn spawn(&mut self) -> Result<()> {
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .with_context(|| format!("opening {}", self.log.display()))?;
        let err = out.try_clone().context("duplicating the log file")?;
        let child = Command::new(&self.program)
            .args(&self.args)
            // Restate's telemetry off (harmless for other programs).
            .env("DO_NOT_TRACK", "1")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {} ({})", self.what, self.program.display()))?;
        record_pid(&self.log, child.id());
        self.child = Some(child);
        Ok(())
    }

    /// The process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().and_then(Child::id)
    }

    /// How it ended, if it has (it is reaped then).
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child
            .as_mut()
            .and_then(|c| c.try_wait().ok().flatten())
    }

    /// Kills it with SIGKILL and reaps it (nothing to kill if it has already exited).
    pub async fn kill(&mut self) -> Result<()> {
        if let Some(mut child) = self.child.take() {
            if let Ok(Some(_)) = child.try_wait() {
                return Ok(());
            }
            child
                .start_kill()
                .with_context(|| format!("killing {}", self.what))?;
            child
                .wait()
                .await
                .with_context(|| format!("reaping {}", self.what))?;
        }
        Ok(())
    }

    /// Starts it again with the same arguments.
    pub fn restart(&mut self) -> Result<()> {
        if self.child.is_some() {
            bail!("{} is still running", self.what);
        }
        self.spawn()
    }

    /// The last lines of its log.
    pub fn log_tail(&self) -> String {
        tail(&self.log)
    }
}

/// Appends `pid` to the file `pids` beside `log`, so that whoever started the harness can stop
/// every process it started by PID even if the harness itself is killed (processes are also
/// killed when the harness drops them).
fn record_pid(log: &Path, pid: Option<u32>) {
    use std::io::Write as _;
    // With its start time (field 22 of /proc/PID/stat), so a PID the system has since given
    // to another process is not taken for this one.
    if let (Some(pid), Some(dir)) = (pid, log.parent())
        && let Some(started) = stat_field(pid, 22)
        && let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("pids"))
    {
        let _ = writeln!(f, "{pid} {started}");
    }
}

/// Field `n` (1-based, as `proc(5)` numbers them) of `/proc/PID/stat`.
fn stat_field(pid: u32, n: usize) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(") ")?.1;
    rest.split(' ').nth(n.checked_sub(3)?).map(str::to_owned)
}

/// The last 4 KiB of a log file.
fn tail(log: &Path) -> String {
    use std::io::{Read as _, Seek as _, SeekFrom};
    const TAIL: u64 = 4096;
    let Ok(mut file) = std::fs::File::open(log) else {
        return String::new();
    };
    let len = file.metadata().map_or(0, |m| m.len());
    let _ = file.seek(SeekFrom::Start(len.saturating_sub(TAIL)));
    let mut bytes = Vec::new();
    let _ = file.take(TAIL).read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A size field of `/proc/PID/status` (`VmHWM`, `VmRSS`, …), in bytes.
fn status_bytes(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map(|kb| kb * 1024)
}

/// Peak resident memory of process `pid` so far (`VmHWM`), in bytes, on Linux.
pub fn peak_rss(pid: u32) -> Option<u64> {
    status_bytes(pid, "VmHWM")
}

/// Current resident memory of process `pid` (`VmRSS`), in bytes, on Linux.
pub fn rss(pid: u32) -> Option<u64> {
    status_bytes(pid, "VmRSS")
}

/// CPU time (user + system) process `pid` has used so far, on Linux.
pub fn cpu_time(pid: u32) -> Option<Duration> {
    let ticks =
        stat_field(pid, 14)?.parse::<u64>().ok()? + stat_field(pid, 15)?.parse::<u64>().ok()?;
    // The kernel's USER_HZ is 100 on every Linux this runs on.
    Some(Duration::from_millis(ticks * 10))
}
