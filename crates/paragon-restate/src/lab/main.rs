//! `paragon-restate-lab`: the seed workflow on Restate, end to end on this machine. It starts
//! the simulator, Restate server nodes and the `paragon-restate` service, and stops every
//! process it started (by PID) when it ends. `cargo xtask` runs it inside a network namespace
//! where only loopback exists, after installing the server with npm.

mod bench;
mod harness;
mod scenarios;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

const USAGE: &str = "\
usage: paragon-restate-lab COMMAND --server RESTATE_SERVER_BINARY [--dir DIR] [OPTIONS]

commands:
  demo   [--users N]       N connected users (default 20) run the seed workflow through one
                           Restate node; their progress live, then their outputs
  test                     the kill tests: SIGKILL the service, then the server, mid-run; the
                           same key twice; a step that fails for good; every check must hold
  bench  [--workflows N]   N seed workflows (default 1000) through one Restate node, then the
                           same N with the in-process driver; figures as Markdown
  scale  [--workflows N]   N workflows (default 100000) in this process, retry waits on a
                           manual clock: memory per workflow and steps per second
  cluster [--workflows N]  a three-node cluster; node 3 is killed during a run of N workflows
                           (default 1000); all must finish

--dir DIR holds the nodes' data (DIR/restate), the logs, the PIDs started (DIR/pids,
DIR/restate/pids) and the tokens file; those are cleared when a run starts, and removed when it
succeeds (default DIR: a new directory under the system's temporary directory).";

/// What every command needs.
pub struct Common {
    /// The `restate-server` binary.
    pub server: PathBuf,
    /// The `paragon-restate` binary.
    pub service: PathBuf,
    /// Where data and logs go.
    pub dir: PathBuf,
    /// How many workflows or users.
    pub count: Option<usize>,
}

fn parse(args: &[String]) -> Result<Option<(String, Common)>> {
    let mut it = args.iter();
    let Some(command) = it.next() else {
        return Ok(None);
    };
    if command == "-h" || command == "--help" {
        return Ok(None);
    }
    let mut server = None;
    let mut dir = None;
    let mut count = None;
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .with_context(|| format!("`{a}` needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--server" => server = Some(PathBuf::from(value()?)),
            "--dir" => dir = Some(PathBuf::from(value()?)),
            "--users" | "--workflows" => {
                let v = value()?;
                let n: usize = v
                    .parse()
                    .with_context(|| format!("{a} {v:?} is not a number"))?;
                if n == 0 || n > 1_000_000 {
                    bail!("{a} must be between 1 and 1000000");
                }
                count = Some(n);
            }
            other => bail!("unknown option `{other}`\n{USAGE}"),
        }
    }
    let server = server.with_context(|| format!("--server is required\n{USAGE}"))?;
    let exe = std::env::current_exe().context("locating this binary")?;
    let service = exe
        .parent()
        .context("locating this binary's directory")?
        .join(format!("paragon-restate{}", std::env::consts::EXE_SUFFIX));
    if !service.is_file() {
        bail!(
            "{} is missing: build it with `cargo build -p paragon-restate`",
            service.display()
        );
    }
    let dir = match dir {
        Some(d) => d,
        None => std::env::temp_dir().join(format!("paragon-restate-{}", std::process::id())),
    };
    Ok(Some((
        command.clone(),
        Common {
            server,
            service,
            dir,
            count,
        },
    )))
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, common) = match parse(&args) {
        Ok(Some(parsed)) => parsed,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("paragon-restate-lab: {e:#}");
            return ExitCode::from(2);
        }
    };
    let result = match command.as_str() {
        "demo" => scenarios::demo(&common).await,
        "test" => scenarios::test(&common).await,
        "bench" => bench::bench(&common).await,
        "scale" => bench::scale(&common).await,
        "cluster" => bench::cluster(&common).await,
        other => Err(anyhow::anyhow!("unknown command `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => {
            // Only what the run wrote, then the directory if that left it empty.
            let _ = harness::clear(&common.dir);
            let _ = std::fs::remove_dir(&common.dir);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "paragon-restate-lab {command}: {e:#}\n(logs are in {})",
                common.dir.display()
            );
            ExitCode::FAILURE
        }
    }
}
