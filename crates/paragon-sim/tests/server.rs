//! Serving: shutdown, drop, embedding the router, and the `paragon-sim` binary.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use paragon_runtime::ManualClock;
use paragon_sim::{DEFAULT_TOKEN, Sim, SimConfig, SimHandle};

async fn answers(base_url: &str) -> bool {
    paragon_runtime::reqwest::Client::new()
        .get(format!(
            "{base_url}/projects/p1/sync/status?integration=a&syncType=b"
        ))
        .bearer_auth(DEFAULT_TOKEN)
        .timeout(Duration::from_secs(2))
        .send()
        .await
        .is_ok_and(|r| r.status().as_u16() == 200)
}

async fn stops_answering(base_url: &str) -> bool {
    for _ in 0..50 {
        if !answers(base_url).await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    false
}

#[tokio::test]
async fn shutdown_and_drop_stop_the_server() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let url = sim.base_url();
    assert_eq!(url, format!("http://{}", sim.addr()));
    assert!(sim.addr().ip().is_loopback());
    assert!(answers(&url).await);
    sim.shutdown().await.unwrap();
    assert!(stops_answering(&url).await);

    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let url = sim.base_url();
    assert!(answers(&url).await);
    drop(sim);
    assert!(stops_answering(&url).await);
}

#[tokio::test]
async fn two_simulators_do_not_share_state() {
    let a = Sim::start(SimConfig::default().syncing_polls(0))
        .await
        .unwrap();
    let b: SimHandle = Sim::start(SimConfig::default().syncing_polls(0))
        .await
        .unwrap();
    assert_ne!(a.addr(), b.addr());
    let body = paragon_generated::managed_sync::EnableSyncBody {
        integration: "hubspot".into(),
        sync_type: "deals".into(),
        frequency: None,
    };
    common::sync_client(&a, ManualClock::new())
        .enable_sync("p1", &body)
        .await
        .unwrap();
    let in_b = common::sync_client(&b, ManualClock::new())
        .get_sync_status("p1", "hubspot", "deals")
        .await
        .unwrap();
    assert_eq!(in_b.status.unwrap().as_str(), "DISABLED");
    assert_eq!(a.requests().len(), 1);
    assert_eq!(b.requests().len(), 1);
}

#[tokio::test]
async fn the_router_can_be_embedded() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = Sim::router(SimConfig::default().token("embedded"));
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let (status, _, body) = {
        let resp = paragon_runtime::reqwest::Client::new()
            .get(format!(
                "{url}/projects/p1/task-history/workflow-executions?userId=user-1"
            ))
            .bearer_auth("embedded")
            .send()
            .await
            .unwrap();
        common::decode(resp).await
    };
    assert_eq!(status, 200);
    assert!(body["total"].as_u64().is_some_and(|t| t > 0 && t < 250));
    server.abort();
}

#[test]
fn the_binary_prints_help() {
    let out = Command::new(env!("CARGO_BIN_EXE_paragon-sim"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for flag in ["--port", "--token", "--syncing-polls", "--request-budget"] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_paragon-sim"))
        .arg("--bogus")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--bogus"));
}

#[tokio::test]
async fn the_binary_serves_on_the_url_it_prints() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paragon-sim"))
        .args([
            "--port",
            "0",
            "--token",
            "cli-token",
            "--syncing-polls",
            "0",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let url = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).map(|_| line)
    })
    .await
    .unwrap();
    let result = async {
        let url = url.map_err(|e| e.to_string())?.trim().to_owned();
        if !url.starts_with("http://127.0.0.1:") {
            return Err(format!("unexpected first line {url:?}"));
        }
        let client = paragon_generated::managed_sync::Client::builder()
            .base_url(&url)
            .bearer_auth("cli-token")
            .build()
            .map_err(|e| e.to_string())?;
        let body = paragon_generated::managed_sync::EnableSyncBody {
            integration: "slack".into(),
            sync_type: "messages".into(),
            frequency: None,
        };
        let status = client
            .enable_sync("p1", &body)
            .await
            .map_err(|e| e.to_string())?;
        Ok(status.status.map(|s| s.as_str().to_owned()))
    }
    .await;
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        result,
        Ok(Some("IDLE".to_owned())),
        "syncing_polls 0: idle at once"
    );
}
