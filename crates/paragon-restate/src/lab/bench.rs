//! Measured runs: Restate against the in-process driver, the in-process driver at scale, and a
//! three-node cluster that loses a node mid-run. Each prints its figures as Markdown.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use paragon_generated::sync_flow::enable_sync_and_pull_records::{Inputs, Workflow};
use paragon_generated::sync_flow::managed_sync_api::Client;
use paragon_restate::ingress::{Ended, Restate, Submitted};
use paragon_restate::node::{cpu_time, peak_rss, rss};
use paragon_restate::{SEED_SERVICE, SeedKey};
use paragon_runtime::arazzo::Progress;
use paragon_runtime::{Clock, CompiledWorkflow, ManualClock};
use paragon_sim::{Sim, SimConfig};
use tokio::sync::Semaphore;

use crate::Common;
use crate::harness::{Harness, PROJECT, Setup, inputs, keys_for, token_of, users};

/// The seed's wait between status polls (`retryAfter: 5`).
const POLL_WAIT: Duration = Duration::from_secs(5);
/// Status polls answered SYNCING in the measured runs: one wait per workflow.
const SYNCING_POLLS: u32 = 1;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
}

/// Figures of one run of `n` workflows.
struct Figures {
    wall: Duration,
    /// Each workflow's latency beyond its polls' waits.
    beyond: Vec<Duration>,
    /// Memory grown over the run (all processes that hold workflows).
    memory: u64,
}

impl Figures {
    fn row(&self, driver: &str, n: usize) -> String {
        let mut beyond = self.beyond.clone();
        beyond.sort();
        format!(
            "| {driver} | {n} | {:.1} s | {:.0} | {} | {} | {} | {:.1} KiB |",
            self.wall.as_secs_f64(),
            n as f64 / self.wall.as_secs_f64(),
            ms(percentile(&beyond, 0.5)),
            ms(percentile(&beyond, 0.99)),
            mib(self.memory),
            self.memory as f64 / 1024.0 / n as f64,
        )
    }
}

fn keys(n: usize) -> Result<Vec<SeedKey>> {
    keys_for(&users(n))
}

fn check_outputs(ended: &Ended, key: &SeedKey) -> Result<()> {
    match ended {
        Ended::Done(outputs) if outputs.get("status").and_then(|s| s.as_str()) == Some("IDLE") => {
            Ok(())
        }
        other => bail!("{key} ended with {other:?}"),
    }
}

/// The users of the warm-up workflows.
fn warm_up_users() -> Vec<String> {
    (1..=16).map(|i| format!("warm-{i:02}")).collect()
}

/// The measured run's users, then the warm-up's.
fn all_users(n: usize) -> Vec<String> {
    let mut all = users(n);
    all.extend(warm_up_users());
    all
}

/// Runs 16 workflows of users of their own to the end, so every partition has a leader and
/// the service its connections before anything is measured.
async fn warm_up(restate: &Restate) -> Result<()> {
    let keys: Vec<SeedKey> = warm_up_users()
        .iter()
        .map(|u| SeedKey::new(PROJECT, u, "googleDrive", "files").map_err(anyhow::Error::msg))
        .collect::<Result<_>>()?;
    for key in &keys {
        restate
            .submit(SEED_SERVICE, &key.to_string(), &inputs(key))
            .await?;
    }
    let names: Vec<String> = keys.iter().map(ToString::to_string).collect();
    for (key, end) in keys.iter().zip(
        restate
            .wait_all(SEED_SERVICE, &names, Duration::from_secs(120))
            .await?,
    ) {
        check_outputs(&end, key)?;
    }
    Ok(())
}

/// `n` workflows through Restate: submitted together, each attached to until it ends.
async fn through_restate(h: &Harness, restate: &Restate, keys: &[SeedKey]) -> Result<Figures> {
    let pids: Vec<u32> = h
        .nodes
        .iter()
        .filter_map(|n| n.pid())
        .chain(h.service.pid())
        .collect();
    let before: u64 = pids.iter().filter_map(|&p| rss(p)).sum();
    let cpu_before: Vec<Duration> = pids
        .iter()
        .map(|&p| cpu_time(p).unwrap_or_default())
        .collect();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for key in keys {
        let restate = restate.clone();
        let key = key.clone();
        tasks.spawn(async move {
            let t0 = Instant::now();
            let name = key.to_string();
            let taken = restate.submit(SEED_SERVICE, &name, &inputs(&key)).await?;
            ensure!(
                taken == Submitted::Accepted,
                "{key} was not a new workflow ({taken:?})"
            );
            let ended = restate.attach(SEED_SERVICE, &name).await?;
            check_outputs(&ended, &key)?;
            anyhow::Ok(t0.elapsed())
        });
    }
    let mut beyond = Vec::new();
    while let Some(done) = tasks.join_next().await {
        let latency = done.context("a submission task panicked")??;
        beyond.push(latency.saturating_sub(POLL_WAIT * SYNCING_POLLS));
    }
    let wall = started.elapsed();
    let peak: u64 = pids.iter().filter_map(|&p| peak_rss(p)).sum();
    let cpu: Vec<String> = pids
        .iter()
        .zip(&cpu_before)
        .map(|(&p, b)| {
            format!(
                "{:.1} s",
                cpu_time(p)
                    .unwrap_or_default()
                    .saturating_sub(*b)
                    .as_secs_f64()
            )
        })
        .collect();
    eprintln!(
        "CPU time over the run: nodes then service: {}",
        cpu.join(", ")
    );
    Ok(Figures {
        wall,
        beyond,
        memory: peak.saturating_sub(before),
    })
}

/// Samples this process's resident memory every 20 ms until stopped; the peak.
fn sample_peak() -> (Arc<AtomicU64>, tokio::task::JoinHandle<()>) {
    let peak = Arc::new(AtomicU64::new(0));
    let p = peak.clone();
    let task = tokio::spawn(async move {
        loop {
            if let Some(now) = rss(std::process::id()) {
                p.fetch_max(now, Ordering::Relaxed);
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    });
    (peak, task)
}

fn client_for(
    base_url: &str,
    user: &str,
    http: &paragon_runtime::reqwest::Client,
    clock: Option<Arc<dyn Clock>>,
) -> Result<Client> {
    paragon_restate::seed_client(base_url, &token_of(user), http, clock).map_err(anyhow::Error::msg)
}

fn seed_inputs(key: &SeedKey) -> Inputs {
    Inputs {
        project_id: key.project_id.clone(),
        integration: key.integration.clone(),
        sync_type: key.sync_type.clone(),
        frequency: None,
    }
}

/// `n` workflows with the in-process driver (`run()` on this tokio runtime).
async fn in_process(base_url: &str, keys: &[SeedKey]) -> Result<Figures> {
    let http = paragon_runtime::reqwest::Client::builder()
        .build()
        .context("building the HTTP client")?;
    let before = rss(std::process::id()).unwrap_or(0);
    let (peak, sampler) = sample_peak();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for key in keys {
        let client = client_for(base_url, &key.user, &http, None)?;
        let key = key.clone();
        tasks.spawn(async move {
            let t0 = Instant::now();
            let outputs = Workflow::new(client, seed_inputs(&key))
                .run()
                .await
                .with_context(|| format!("{key}"))?;
            ensure!(outputs.records.is_some(), "{key} has no records");
            anyhow::Ok(t0.elapsed())
        });
    }
    let mut beyond = Vec::new();
    while let Some(done) = tasks.join_next().await {
        let latency = done.context("a workflow task panicked")??;
        beyond.push(latency.saturating_sub(POLL_WAIT * SYNCING_POLLS));
    }
    let wall = started.elapsed();
    sampler.abort();
    Ok(Figures {
        wall,
        beyond,
        memory: peak.load(Ordering::Relaxed).saturating_sub(before),
    })
}

const HEADER: &str = "| driver | workflows | wall time | completions/s | p50 beyond polls | p99 beyond polls | memory grown | per workflow |\n|---|---:|---:|---:|---:|---:|---:|---:|";

/// `bench`: the same `n` workflows through one Restate node, then with the in-process driver.
pub async fn bench(common: &Common) -> Result<()> {
    let n = common.count;
    let h = Harness::up(
        common,
        &Setup {
            nodes: 1,
            users: all_users(n),
            syncing_polls: SYNCING_POLLS,
            refused_users: Vec::new(),
        },
    )
    .await?;
    let long = paragon_runtime::reqwest::Client::builder()
        .timeout(Duration::from_secs(900))
        .pool_max_idle_per_host(1024)
        .build()
        .context("building the HTTP client")?;
    let restate = Restate::new(long, h.restate.admin.clone(), h.restate.ingress.clone());
    let keys = keys(n)?;
    warm_up(&restate).await?;
    let durable = through_restate(&h, &restate, &keys).await?;
    // The in-process run uses the same users against a fresh simulator, so its syncs start
    // from scratch too.
    let sim = Sim::start({
        let mut c = SimConfig::default().syncing_polls(SYNCING_POLLS);
        c.managed_sync_tokens = users(n).iter().map(|u| token_of(u)).collect();
        c
    })
    .await
    .context("starting a second simulator")?;
    let local = in_process(&sim.base_url(), &keys).await?;
    sim.shutdown().await.context("stopping the simulator")?;
    h.down().await?;
    println!("{HEADER}");
    println!("{}", durable.row("Restate, 1 node (server + service)", n));
    println!("{}", local.row("in-process `run()`", n));
    println!(
        "\nEach workflow: enableSync, 1 status poll answered SYNCING, a {} s wait, 1 poll IDLE, 1 page of records. Latency beyond polls = submit-to-end minus that wait.",
        POLL_WAIT.as_secs()
    );
    Ok(())
}

/// `scale`: `n` workflows at once in this process, their retry waits on a manual clock, and
/// at most 512 requests in flight.
pub async fn scale(common: &Common) -> Result<()> {
    let n = common.count;
    // One user, a distinct integration per workflow (the simulator keys syncs by both).
    let sim = Sim::start(
        SimConfig::default()
            .syncing_polls(SYNCING_POLLS)
            .token(token_of("scale")),
    )
    .await
    .context("starting the simulator")?;
    let base_url = sim.base_url();
    let http = paragon_runtime::reqwest::Client::builder()
        .pool_max_idle_per_host(512)
        .build()
        .context("building the HTTP client")?;
    let clock: Arc<dyn Clock> = ManualClock::new();
    let client = client_for(&base_url, "scale", &http, Some(clock))?;
    let gate = Arc::new(Semaphore::new(512));
    let steps = Arc::new(AtomicU64::new(0));
    let before = rss(std::process::id()).unwrap_or(0);
    let (peak, sampler) = sample_peak();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..n {
        let key = SeedKey::new(PROJECT, "scale", &format!("int{i}"), "files")
            .map_err(anyhow::Error::msg)?;
        let mut workflow = Workflow::new(client.clone(), seed_inputs(&key));
        let gate = gate.clone();
        let steps = steps.clone();
        tasks.spawn(async move {
            loop {
                let progress = {
                    let _permit = gate.acquire().await.context("the gate closed")?;
                    CompiledWorkflow::step(&mut workflow).await
                };
                steps.fetch_add(1, Ordering::Relaxed);
                match progress.with_context(|| key.to_string())? {
                    Progress::Continue => {}
                    Progress::Wait { until } => {
                        let clock = CompiledWorkflow::clock(&workflow);
                        let left = until.duration_since(clock.wall_now()).unwrap_or_default();
                        clock.sleep(left).await;
                    }
                    Progress::Done(_) => return anyhow::Ok(()),
                }
            }
        });
    }
    let spawned = started.elapsed();
    let mut failed = 0usize;
    while let Some(done) = tasks.join_next().await {
        if !matches!(done, Ok(Ok(()))) {
            failed += 1;
        }
    }
    let wall = started.elapsed();
    sampler.abort();
    sim.shutdown().await.context("stopping the simulator")?;
    ensure!(failed == 0, "{failed} of {n} workflows failed");
    let grown = peak.load(Ordering::Relaxed).saturating_sub(before);
    let steps = steps.load(Ordering::Relaxed);
    println!(
        "| workflows | started in | wall time | steps | steps/s | memory grown (incl. simulator) | per workflow |\n|---:|---:|---:|---:|---:|---:|---:|"
    );
    println!(
        "| {n} | {} | {:.1} s | {steps} | {:.0} | {} | {:.1} KiB |",
        ms(spawned),
        wall.as_secs_f64(),
        steps as f64 / wall.as_secs_f64(),
        mib(grown),
        grown as f64 / 1024.0 / n as f64
    );
    Ok(())
}

/// `cluster`: three nodes; node 3 is killed while `n` workflows run; all must finish.
pub async fn cluster(common: &Common) -> Result<()> {
    let n = common.count;
    let mut h = Harness::up(
        common,
        &Setup {
            nodes: 3,
            users: all_users(n),
            syncing_polls: SYNCING_POLLS,
            refused_users: Vec::new(),
        },
    )
    .await?;
    println!(
        "3 nodes up: {}",
        h.nodes
            .iter()
            .map(|n| format!(
                "{} (ingress {}, pid {})",
                n.name,
                n.addrs.ingress_url(),
                n.pid().unwrap_or(0)
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let long = paragon_runtime::reqwest::Client::builder()
        .timeout(Duration::from_secs(900))
        .build()
        .context("building the HTTP client")?;
    let restate = Restate::new(long, h.restate.admin.clone(), h.restate.ingress.clone());
    let keys = keys(n)?;
    warm_up(&restate).await?;
    let started = Instant::now();
    for chunk in keys.chunks(100) {
        let mut submits = tokio::task::JoinSet::new();
        for key in chunk {
            let restate = restate.clone();
            let key = key.clone();
            submits.spawn(async move {
                restate
                    .submit(SEED_SERVICE, &key.to_string(), &inputs(&key))
                    .await
            });
        }
        while let Some(s) = submits.join_next().await {
            let taken = s.context("a submission task panicked")??;
            ensure!(
                taken == Submitted::Accepted,
                "a key was not a new workflow ({taken:?})"
            );
        }
    }
    println!(
        "submitted {n} workflows in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    let victim = h.nodes.len() - 1;
    let pid = h.nodes[victim].pid().unwrap_or(0);
    h.nodes[victim].kill().await?;
    println!(
        "SIGKILLed {} (pid {pid}) at {:.1} s",
        h.nodes[victim].name,
        started.elapsed().as_secs_f64()
    );
    let names: Vec<String> = keys.iter().map(ToString::to_string).collect();
    let ended = restate
        .wait_all(SEED_SERVICE, &names, Duration::from_secs(600))
        .await?;
    let wall = started.elapsed();
    for (key, end) in keys.iter().zip(&ended) {
        check_outputs(end, key)?;
    }
    // A node killed while it ran a transition re-runs that transition (at-least-once for its
    // request), so repeats are counted and shown, not failed.
    let enables = h.enables_by_token();
    let sent = |k: &SeedKey| enables.get(&token_of(&k.user)).copied().unwrap_or(0);
    let missing = keys.iter().filter(|k| sent(k) == 0).count();
    let repeated = keys.iter().filter(|k| sent(k) > 1).count();
    h.down().await?;
    ensure!(
        missing == 0,
        "{missing} workflows finished without the simulator seeing enableSync"
    );
    let enable_note = match repeated {
        0 => "enableSync once each".to_owned(),
        r => format!("enableSync sent again for {r}"),
    };
    println!(
        "| nodes | workflows | node killed | all finished | wall time | completions/s |\n|---:|---:|---|---|---:|---:|"
    );
    println!(
        "| 3 | {n} | n3 at 2 s after the last submission | {} of {n}, {enable_note} | {:.1} s | {:.0} |",
        ended.len(),
        wall.as_secs_f64(),
        n as f64 / wall.as_secs_f64()
    );
    Ok(())
}
