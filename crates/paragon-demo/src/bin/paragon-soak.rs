//! `cargo xtask soak --runs N --concurrency C --seed S`: the seed workflow N times, C at once,
//! against the simulator with seeded faults (resets after applying, stalls past the timeout,
//! 500s, 429s, truncated and invalid JSON, slow bodies). Prints the count of each outcome, the
//! p99 duration and the memory; fails on any panic, any run that outlives its deadline, or
//! resident memory that grows with the number of runs.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use paragon_generated::sync_flow::enable_sync_and_pull_records::{Inputs, Workflow};
use paragon_generated::sync_flow::managed_sync_api::Client;
use paragon_runtime::arazzo::WorkflowError;
use paragon_runtime::{Clock, Error, Limits};
use paragon_sim::{Faults, Sim, SimConfig};

const USAGE: &str = "usage: paragon-soak [--runs N] [--concurrency C] [--seed S] [--faults SPEC]";

/// Time that runs 50 times faster than real time (waits and the wall clock alike, so a wait
/// until a wall-clock time ends when it should): a retryAfter of 5 s takes 100 ms.
#[derive(Debug)]
struct FastClock {
    start: Instant,
    wall_start: SystemTime,
}

const SPEEDUP: u32 = 50;

impl Clock for FastClock {
    fn now(&self) -> Duration {
        self.start.elapsed() * SPEEDUP
    }
    fn wall_now(&self) -> SystemTime {
        self.wall_start + self.start.elapsed() * SPEEDUP
    }
    fn sleep(&self, d: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + 'static>> {
        Box::pin(tokio::time::sleep(d / SPEEDUP))
    }
}

/// How long a run may take: its workflow deadline on the fast clock (10 minutes of it, 12 s of
/// real time), and a hard bound in real time past it that counts as a hang.
const DEADLINE: Duration = Duration::from_secs(600);
const HANG: Duration = Duration::from_secs(30);

fn kind(result: &Result<(), WorkflowError>) -> String {
    let transport = |e: &Error| match e {
        Error::Timeout { .. } => "timeout",
        Error::Transport(_) => "connection",
        Error::Decode { .. } => "invalid body",
        Error::Status(_) | Error::UnexpectedStatus(_) => "status",
        Error::BodyTooLarge { .. } => "body too large",
        _ => "other",
    };
    match result {
        Ok(()) => "ok".into(),
        Err(WorkflowError::Transport { source, .. }) => format!("transport: {}", transport(source)),
        Err(WorkflowError::StepFailed { step, .. }) => format!("step failed: {step}"),
        Err(WorkflowError::Output { step, .. }) => format!("output undecodable: {step}"),
        Err(WorkflowError::DeadlineExceeded { .. }) => "deadline".into(),
        Err(WorkflowError::InDoubt { .. }) => "in doubt".into(),
        Err(WorkflowError::Ended { .. }) => "ended".into(),
        Err(other) => format!("other: {other}"),
    }
}

fn rss_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(field))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

struct Options {
    runs: usize,
    concurrency: usize,
    seed: u64,
    faults: String,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        runs: 1000,
        concurrency: 50,
        seed: 1,
        faults: "reset=0.01,stall=0.005,500=0.02,429=0.02,truncate=0.01,invalid=0.01,slow=0.01,stall-secs=3,slow-ms=50".into(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or(format!("`{a}` needs a value\n{USAGE}"))
        };
        let number = |v: String| {
            v.parse::<u64>()
                .map_err(|_| format!("`{a}`: expected a number, got {v:?}"))
        };
        match a.as_str() {
            "--runs" => o.runs = number(value()?)? as usize,
            "--concurrency" => o.concurrency = (number(value()?)? as usize).max(1),
            "--seed" => o.seed = number(value()?)?,
            "--faults" => o.faults = value()?,
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown option `{other}`\n{USAGE}")),
        }
    }
    Ok(o)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = match parse(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match soak(opts).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn soak(opts: Options) -> Result<bool, String> {
    let faults = Faults::parse(&format!("seed={},{}", opts.seed, opts.faults))?;
    let sim = Sim::start(SimConfig::default().records(5).faults(faults))
        .await
        .map_err(|e| format!("starting the simulator: {e}"))?;
    let clock = Arc::new(FastClock {
        start: Instant::now(),
        wall_start: SystemTime::now(),
    });
    let client = Client::builder()
        .base_url(&sim.base_url())
        .bearer_auth(paragon_sim::DEFAULT_TOKEN)
        .runtime(|r| {
            r.clock(clock.clone()).limits(Limits {
                connect: Duration::from_secs(2),
                read_idle: Duration::from_secs(1),
                total: Duration::from_secs(5),
                ..Limits::default()
            })
        })
        .build()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let semaphore = Arc::new(tokio::sync::Semaphore::new(opts.concurrency));
    let mut tasks = tokio::task::JoinSet::new();
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    let mut durations = Vec::with_capacity(opts.runs);
    let (mut panics, mut hangs) = (0usize, 0usize);
    let mut mid_rss = 0;
    let mut finished = 0usize;
    let mut record =
        |joined: Result<(Result<(), WorkflowError>, Duration), tokio::task::JoinError>,
         outcomes: &mut BTreeMap<String, usize>| match joined {
            Ok((result, took)) => {
                if took > HANG {
                    hangs += 1;
                }
                durations.push(took);
                *outcomes.entry(kind(&result)).or_default() += 1;
            }
            Err(e) if e.is_panic() => panics += 1,
            Err(_) => hangs += 1,
        };
    for i in 0..opts.runs {
        let permit = semaphore
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| e.to_string())?;
        let client = client.clone();
        let deadline = clock.wall_now() + DEADLINE;
        tasks.spawn(async move {
            let _permit = permit;
            let begun = Instant::now();
            let inputs = Inputs {
                project_id: format!("soak-{i}"),
                integration: "googleDrive".into(),
                sync_type: "files".into(),
                frequency: None,
            };
            let run = Workflow::new(client, inputs).with_deadline(deadline).run();
            let result = match tokio::time::timeout(HANG, run).await {
                Ok(r) => r.map(|_| ()),
                Err(_) => Err(WorkflowError::DeadlineExceeded {
                    workflow: "hang",
                    step: "-",
                }),
            };
            (result, begun.elapsed())
        });
        while let Some(joined) = tasks.try_join_next() {
            record(joined, &mut outcomes);
            finished += 1;
            if finished == opts.runs / 2 {
                mid_rss = rss_kib("VmRSS:");
            }
        }
    }
    while let Some(joined) = tasks.join_next().await {
        record(joined, &mut outcomes);
        finished += 1;
        if finished == opts.runs / 2 {
            mid_rss = rss_kib("VmRSS:");
        }
    }
    let elapsed = started.elapsed();
    let end_rss = rss_kib("VmRSS:");
    durations.sort();
    let p = |q: f64| {
        durations
            .get(((durations.len() as f64 * q).ceil() as usize).saturating_sub(1))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "soak: {} runs, concurrency {}, seed {}, faults {} ({:.1} s)",
        opts.runs,
        opts.concurrency,
        opts.seed,
        opts.faults,
        elapsed.as_secs_f64()
    );
    println!("\n| outcome | runs |\n|---|---|");
    for (k, n) in &outcomes {
        println!("| {k} | {n} |");
    }
    println!(
        "\np50 {:.0} ms, p99 {:.0} ms, max {:.0} ms; {} requests reached the simulator",
        p(0.5).as_secs_f64() * 1e3,
        p(0.99).as_secs_f64() * 1e3,
        p(1.0).as_secs_f64() * 1e3,
        sim.requests().len()
    );
    println!(
        "memory: peak {} MiB resident; {} MiB after half the runs, {} MiB at the end",
        rss_kib("VmHWM:") / 1024,
        mid_rss / 1024,
        end_rss / 1024
    );
    println!("panics: {panics}, runs past their deadline: {hangs}");
    // The simulator keeps each run's sync and its request log: a few KiB per run is expected.
    let allowance = 16 * 1024 + (opts.runs as u64 / 2) * 8;
    let grew = end_rss > mid_rss + allowance;
    if grew {
        println!(
            "memory grew by {} KiB in the second half (allowed {allowance} KiB)",
            end_rss - mid_rss
        );
    }
    let _ = sim.shutdown().await;
    Ok(panics == 0 && hangs == 0 && !grew)
}
