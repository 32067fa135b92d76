//! `cargo xtask demo` (this binary, `paragon-demo`): the seed workflow (enable a sync, poll until
//! it is no longer SYNCING, pull the records) through `paragon-generated`, against the built-in
//! simulator or a real Paragon. It is its own crate, so xtask (and `cargo xtask regen`) does not
//! depend on the generated code it writes.
//!
//! Every transition is printed as it happens (step, HTTP status, attempt, what comes next and any
//! wait), with a countdown while a retry waits; then the records as a table and the outputs.

use std::future::Future;
use std::io::Write as _;
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result, bail};
use paragon_generated::sync_flow::enable_sync_and_pull_records::{
    Inputs, Outputs, State, Workflow,
};
use paragon_generated::sync_flow::managed_sync_api::Client;
use paragon_runtime::arazzo::{Event, Outcome, WorkflowError};
use paragon_runtime::{Clock, SystemClock};

const USAGE: &str = "\
usage: cargo xtask demo [--base-url URL] [--integration NAME] [--sync-type TYPE] [--real-time]
                        [--state FILE]

Without --base-url the built-in Paragon simulator is started on 127.0.0.1 and its retry waits
run 10 times faster (--real-time waits in full). With --base-url the workflow runs against that
server; PARAGON_PROJECT_ID and PARAGON_TOKEN (a Connected User JWT) must be set.

With --state FILE the workflow's state is saved to FILE before every request and after every
step, and a run started with an existing FILE resumes from it: killed at any moment, the demo
goes on where it stopped, waits only what was left of a retry, and never sends the enableSync
POST twice (a state saved while it was in flight stops with an in-doubt error instead).";

struct Options {
    base_url: Option<String>,
    integration: String,
    sync_type: String,
    real_time: bool,
    state: Option<std::path::PathBuf>,
}

fn parse(args: &[String]) -> Result<Option<Options>> {
    let mut o = Options {
        base_url: None,
        integration: "googleDrive".into(),
        sync_type: "files".into(),
        real_time: false,
        state: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .with_context(|| format!("`{a}` needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "-h" | "--help" => return Ok(None),
            "--base-url" => o.base_url = Some(value()?),
            "--integration" => o.integration = value()?,
            "--sync-type" => o.sync_type = value()?,
            "--real-time" => o.real_time = true,
            "--state" => o.state = Some(value()?.into()),
            other => bail!("unknown option `{other}`\n{USAGE}"),
        }
    }
    Ok(Some(o))
}

/// The system clock running `speedup` times faster (waits and wall-clock time alike, so a
/// wait until a wall-clock time ends on time), with a countdown on stderr while waiting.
#[derive(Debug)]
struct DemoClock {
    speedup: u32,
    start: std::time::Instant,
    wall_start: SystemTime,
}

impl DemoClock {
    fn new(speedup: u32) -> Self {
        Self {
            speedup: speedup.max(1),
            start: std::time::Instant::now(),
            wall_start: SystemClock.wall_now(),
        }
    }
}

impl Clock for DemoClock {
    fn now(&self) -> Duration {
        self.start.elapsed() * self.speedup
    }

    fn wall_now(&self) -> SystemTime {
        self.wall_start + self.start.elapsed() * self.speedup
    }

    fn sleep(&self, d: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + 'static>> {
        let speedup = self.speedup.max(1);
        let real = d / speedup;
        Box::pin(async move {
            const FRAMES: [char; 4] = ['|', '/', '-', '\\'];
            let tick = Duration::from_millis(100);
            let mut left = real;
            let mut frame = 0;
            while !left.is_zero() {
                let step = left.min(tick);
                eprint!(
                    "\r      {} waiting, {:>4.1} s left ",
                    FRAMES[frame % 4],
                    (left * speedup).as_secs_f64()
                );
                let _ = std::io::stderr().flush();
                tokio::time::sleep(step).await;
                left -= step;
                frame += 1;
            }
            eprint!("\r{:40}\r", "");
        })
    }
}

/// The largest state file read (a state holds one page of records).
const MAX_STATE_BYTES: u64 = 64 << 20;

/// The state saved in `file`, if there is one.
fn load_state(file: &std::path::Path) -> Result<Option<State>> {
    use std::io::Read as _;
    let mut text = String::new();
    match std::fs::File::open(file) {
        Ok(f) => f
            .take(MAX_STATE_BYTES)
            .read_to_string(&mut text)
            .with_context(|| format!("reading {}", file.display()))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("opening {}", file.display())),
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    paragon_runtime::serde_json::from_str(&text)
        .map(Some)
        .with_context(|| format!("{} is not a saved workflow state", file.display()))
}

/// The checkpoint hook: writes the state to `file` through a temporary file and a rename, so
/// a kill mid-write leaves the previous state whole.
fn save_state(file: std::path::PathBuf) -> impl FnMut(&State) + Send + 'static {
    let tmp = file.with_extension("tmp");
    move |state| {
        let written = paragon_runtime::serde_json::to_vec(state)
            .map_err(std::io::Error::other)
            .and_then(|bytes| {
                let mut f = std::fs::File::create(&tmp)?;
                f.write_all(&bytes)?;
                f.sync_all()?;
                std::fs::rename(&tmp, &file)
            });
        if let Err(e) = written {
            eprintln!("warning: cannot save the state to {}: {e}", file.display());
        }
    }
}

fn describe(e: &Event) -> String {
    let status = e.status.map_or_else(|| "-".to_owned(), |s| s.to_string());
    let next = match &e.outcome {
        Outcome::Next { to } => format!("next: {to}"),
        Outcome::Retry { wait, action } => {
            format!("retry ({action}) after {:.1} s", wait.as_secs_f64())
        }
        Outcome::End => "end".into(),
        Outcome::Goto { to, action } => format!("goto {to} ({action})"),
        Outcome::GotoWorkflow { to, action } => format!("goto workflow {to} ({action})"),
        Outcome::ClientRetried { retries } => {
            format!("the client retried the request {retries} time(s)")
        }
        other => other.kind().to_owned(),
    };
    format!(
        "  {:<20} HTTP {status:<4} attempt {:<3} -> {next}",
        e.step, e.attempt
    )
}

fn print_outputs(o: &Outputs) {
    let records = o.records.as_deref().unwrap_or_default();
    println!("\nrecords ({} on the first page):", records.len());
    println!(
        "  {:<24} {:<14} {:<10} {:<22} data",
        "id", "integration", "syncType", "updatedAt"
    );
    for r in records {
        let data = r
            .data
            .as_ref()
            .map(|d| {
                let mut s = paragon_runtime::serde_json::to_string(d).unwrap_or_default();
                // Cut at a character boundary: record data is anyone's text.
                if let Some((cut, _)) = s.char_indices().nth(45) {
                    s.truncate(cut);
                    s.push_str("...");
                }
                s
            })
            .unwrap_or_default();
        println!(
            "  {:<24} {:<14} {:<10} {:<22} {data}",
            r.id.as_deref().unwrap_or("-"),
            r.integration.as_deref().unwrap_or("-"),
            r.sync_type.as_deref().unwrap_or("-"),
            r.updated_at
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        );
    }
    println!("\noutputs:");
    println!(
        "  status     {}",
        o.status.as_ref().map_or("-".into(), ToString::to_string)
    );
    println!("  records    {}", records.len());
    println!(
        "  nextCursor {}",
        o.next_cursor.as_deref().unwrap_or("- (last page)")
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<()> {
    let Some(opts) = parse(args)? else {
        println!("{USAGE}");
        return Ok(());
    };
    let runtime = tokio::runtime::Runtime::new().context("starting tokio")?;
    runtime.block_on(demo(opts))
}

async fn demo(opts: Options) -> Result<()> {
    let (sim, base_url, project, token, speedup) = match &opts.base_url {
        Some(url) => {
            let project = std::env::var("PARAGON_PROJECT_ID")
                .context("PARAGON_PROJECT_ID must be set with --base-url")?;
            let token = std::env::var("PARAGON_TOKEN")
                .context("PARAGON_TOKEN (a Connected User JWT) must be set with --base-url")?;
            (None, url.clone(), project, token, 1)
        }
        None => {
            let sim = paragon_sim::Sim::start(paragon_sim::SimConfig::default())
                .await
                .context("starting the Paragon simulator")?;
            let url = sim.base_url();
            println!("Paragon simulator listening on {url}");
            let speedup = if opts.real_time { 1 } else { 10 };
            (
                Some(sim),
                url,
                "demo-project".to_owned(),
                paragon_sim::DEFAULT_TOKEN.to_owned(),
                speedup,
            )
        }
    };
    let client = Client::builder()
        .base_url(&base_url)
        .bearer_auth(&token)
        .runtime(|r| r.clock(Arc::new(DemoClock::new(speedup))))
        .build()
        .context("building the Managed Sync client")?;
    println!(
        "workflow enable-sync-and-pull-records: project {project}, integration {}, syncType {}\n",
        opts.integration, opts.sync_type
    );
    let inputs = Inputs {
        project_id: project,
        integration: opts.integration.clone(),
        sync_type: opts.sync_type.clone(),
        frequency: None,
    };
    let workflow = match &opts.state {
        Some(file) => match load_state(file)? {
            Some(state) => {
                println!("resuming from {}", file.display());
                Workflow::resume(client, state)
            }
            None => Workflow::new(client, inputs),
        }
        .with_checkpoint(save_state(file.clone())),
        None => Workflow::new(client, inputs),
    };
    let result = workflow
        .with_observer(|e| println!("{}", describe(e)))
        .run()
        .await;
    if let (Err(WorkflowError::InDoubt { step, .. }), Some(file)) = (&result, &opts.state) {
        eprintln!(
            "the `{step}` request was in flight when {} was saved, so it may have been applied; \
             check the server, then remove `in_flight` from the file to send it again",
            file.display()
        );
    }
    if let Some(sim) = sim {
        let requests = sim.requests();
        println!("\n{} requests reached the simulator", requests.len());
        let _ = sim.shutdown().await;
    }
    let outputs = result.context("the workflow failed")?;
    print_outputs(&outputs);
    Ok(())
}
