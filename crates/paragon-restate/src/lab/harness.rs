//! The processes of one run: the simulator (in this process, so its request log can be read),
//! Restate nodes and the `paragon-restate` service.

use std::collections::HashMap;
use std::time::Duration;

use anyhow::{Context, Result};
use paragon_restate::SeedKey;
use paragon_restate::ingress::Restate;
use paragon_restate::node::{Node, Process};
use paragon_runtime::reqwest::Client;
use paragon_runtime::serde_json::{self, Value, json};
use paragon_sim::{Sim, SimConfig, SimHandle};

use crate::Common;

/// The first port of the layout (node `i` uses `base + 10 i` … `+ 2`, the service `base + 100`).
/// Inside the lab's own network namespace nothing else listens; outside it, set
/// `PARAGON_RESTATE_PORT_BASE` to move them.
fn port_base() -> u16 {
    std::env::var("PARAGON_RESTATE_PORT_BASE")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|p: &u16| (1024..=60_000).contains(p))
        .unwrap_or(21_000)
}

/// The project every workflow of the lab syncs for.
pub const PROJECT: &str = "lab-project";

/// What to start.
pub struct Setup {
    /// Restate nodes (1 or 3).
    pub nodes: u16,
    /// Connected users the simulator knows (each with the token [`token_of`] gives).
    pub users: Vec<String>,
    /// Status polls the simulator answers SYNCING (each followed by the workflow's 5 s wait).
    pub syncing_polls: u32,
    /// Users the service has a token for that the simulator refuses (their requests get 401).
    pub refused_users: Vec<String>,
}

/// A connected user's token in the simulator.
pub fn token_of(user: &str) -> String {
    format!("token-{user}")
}

/// `user-001`, …
pub fn users(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("user-{i:03}")).collect()
}

/// The integration and sync type of the `i`th user's workflow (the simulator has data for all).
fn sync_of(i: usize) -> (&'static str, &'static str) {
    const SYNCS: [(&str, &str); 4] = [
        ("googleDrive", "files"),
        ("salesforce", "contacts"),
        ("hubspot", "deals"),
        ("jira", "tickets"),
    ];
    SYNCS[i % SYNCS.len()]
}

pub fn keys_for(users: &[String]) -> Result<Vec<SeedKey>> {
    users
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let (integration, sync_type) = sync_of(i);
            SeedKey::new(PROJECT, u, integration, sync_type).map_err(anyhow::Error::msg)
        })
        .collect()
}

/// The seed workflow's inputs for a key.
pub fn inputs(key: &SeedKey) -> Value {
    json!({
        "projectId": key.project_id,
        "integration": key.integration,
        "syncType": key.sync_type,
    })
}

/// Removes what a run writes in `dir` (node data, logs, the PID list, the tokens file), and
/// nothing else.
pub fn clear(dir: &std::path::Path) -> Result<()> {
    let data = dir.join("restate");
    if data.exists() {
        std::fs::remove_dir_all(&data).with_context(|| format!("clearing {}", data.display()))?;
    }
    for file in ["service.log", "pids", "tokens.json"] {
        let path = dir.join(file);
        if path.exists() {
            std::fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    Ok(())
}

/// The running processes.
pub struct Harness {
    pub sim: SimHandle,
    pub nodes: Vec<Node>,
    pub service: Process,
    pub restate: Restate,
    pub http: Client,
}

impl Harness {
    /// Starts everything and registers the service; every process started is stopped if a
    /// later one fails (they are killed on drop).
    pub async fn up(common: &Common, setup: &Setup) -> Result<Harness> {
        std::fs::create_dir_all(&common.dir)
            .with_context(|| format!("creating {}", common.dir.display()))?;
        // A run starts from empty nodes (data left by an earlier run would answer its keys)
        // and fresh logs.
        clear(&common.dir)?;
        let mut config = SimConfig::default().syncing_polls(setup.syncing_polls);
        config.managed_sync_tokens = setup.users.iter().map(|u| token_of(u)).collect();
        let sim = Sim::start(config).await.context("starting the simulator")?;
        let tokens: HashMap<&str, String> = setup
            .users
            .iter()
            .chain(&setup.refused_users)
            .map(|u| (u.as_str(), token_of(u)))
            .collect();
        let tokens_file = common.dir.join("tokens.json");
        std::fs::write(&tokens_file, serde_json::to_vec(&tokens)?)
            .with_context(|| format!("writing {}", tokens_file.display()))?;

        let base = port_base();
        let http = Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .context("building the HTTP client")?;
        let mut nodes = Node::start_all(
            &common.server,
            &common.dir.join("restate"),
            setup.nodes,
            base,
        )?;
        for node in &mut nodes {
            node.wait_ready(&http, Duration::from_secs(90)).await?;
        }
        let service_addr = format!("127.0.0.1:{}", base + 100);
        let service = Process::start(
            "the paragon-restate service",
            &common.service,
            &[
                "--bind".into(),
                service_addr.clone(),
                "--base-url".into(),
                sim.base_url(),
                "--tokens".into(),
                tokens_file.display().to_string(),
            ],
            &common.dir.join("service.log"),
        )?;
        let restate = Restate::new(
            http.clone(),
            nodes[0].addrs.admin_url(),
            nodes[0].addrs.ingress_url(),
        );
        restate
            .register(&format!("http://{service_addr}"), Duration::from_secs(60))
            .await
            .with_context(|| format!("service log:\n{}", service.log_tail()))?;
        Ok(Harness {
            sim,
            nodes,
            service,
            restate,
            http,
        })
    }

    /// Stops every process (by PID) and the simulator.
    pub async fn down(mut self) -> Result<()> {
        self.service.kill().await?;
        for node in &mut self.nodes {
            node.kill().await?;
        }
        self.sim
            .shutdown()
            .await
            .context("stopping the simulator")?;
        Ok(())
    }

    /// How many `enableSync` requests the simulator answered, per connected user's token.
    pub fn enables_by_token(&self) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for r in self.sim.request_log() {
            if r.method == "POST" && r.path.ends_with("/sync/enable") {
                *counts.entry(r.user.unwrap_or_default()).or_insert(0) += 1;
            }
        }
        counts
    }
}
