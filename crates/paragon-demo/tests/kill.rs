//! The demo killed with SIGKILL at the worst moments, then started again on the same state file:
//! during the `enableSync` POST (the server may have applied it, so the resume stops in doubt
//! instead of sending it again), and during a retry wait (the resume goes on with the saved
//! attempt count, and the POST is not repeated).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paragon-kill-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn demo(server: &MockServer, dir: &Path, run: &str) -> Child {
    let log = |ext: &str| std::fs::File::create(dir.join(format!("{run}.{ext}"))).unwrap();
    Command::new(env!("CARGO_BIN_EXE_paragon-demo"))
        .args(["--base-url", &server.uri(), "--state"])
        .arg(dir.join("state.json"))
        .env("PARAGON_PROJECT_ID", "p1")
        .env("PARAGON_TOKEN", "jwt")
        .stdout(Stdio::from(log("out")))
        .stderr(Stdio::from(log("err")))
        .spawn()
        .unwrap()
}

/// Waits (at most 60 s) until the saved state satisfies `ready`.
async fn wait_for_state(dir: &Path, ready: impl Fn(&Value) -> bool) -> Value {
    let started = Instant::now();
    loop {
        let state = std::fs::read_to_string(dir.join("state.json"))
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok());
        if let Some(state) = state.filter(|s| ready(s)) {
            return state;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the state never got there"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits (at most 60 s) for the process to end; its exit status and stderr.
async fn finish(mut child: Child, dir: &Path, run: &str) -> (bool, String) {
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("the resumed demo did not finish");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let stderr = std::fs::read_to_string(dir.join(format!("{run}.err"))).unwrap_or_default();
    (status.success(), stderr)
}

async fn count(server: &MockServer, verb: &str, suffix: &str) -> usize {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.method.as_str() == verb && r.url.path().ends_with(suffix))
        .count()
}

async fn records(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/projects/p1/sync/records"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"records": [{"id": "r1"}]})))
        .mount(server)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn killed_during_the_post_the_resume_ends_in_doubt_and_sends_nothing() {
    let dir = scratch("post");
    let server = MockServer::start().await;
    // The POST reaches the server, which never answers in time.
    Mock::given(method("POST"))
        .and(path("/projects/p1/sync/enable"))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(json!({"status": "SYNCING"}))
                .set_delay(Duration::from_secs(3600)),
        )
        .mount(&server)
        .await;
    records(&server).await;
    let mut child = demo(&server, &dir, "first");
    let state = wait_for_state(&dir, |s| s["in_flight"]["step"] == "enableSync").await;
    assert_eq!(state["in_flight"]["attempt"], 1);
    let started = Instant::now();
    while count(&server, "POST", "/enable").await == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the POST never arrived"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let (ok, stderr) = finish(demo(&server, &dir, "second"), &dir, "second").await;
    assert!(!ok, "the resumed run succeeded: {stderr}");
    assert!(
        stderr.contains("in flight") && stderr.contains("enableSync"),
        "{stderr}"
    );
    assert_eq!(
        count(&server, "POST", "/enable").await,
        1,
        "the POST was sent twice"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// SYNCING for the first poll, then IDLE.
struct SyncingOnce(std::sync::atomic::AtomicU32);

impl Respond for SyncingOnce {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let n = self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let status = if n == 0 { "SYNCING" } else { "IDLE" };
        ResponseTemplate::new(200).set_body_json(json!({"status": status}))
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn killed_during_a_retry_wait_the_resume_finishes_without_a_second_post() {
    let dir = scratch("wait");
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/projects/p1/sync/enable"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"status": "SYNCING"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/projects/p1/sync/status"))
        .respond_with(SyncingOnce(0.into()))
        .mount(&server)
        .await;
    records(&server).await;
    let mut child = demo(&server, &dir, "first");
    // Saved with the wait (retryAfter: 5 s) and the attempt it follows.
    let state = wait_for_state(&dir, |s| s["wait_until"].is_u64()).await;
    assert_eq!(state["next"], "pollSyncStatus");
    assert_eq!(state["attempt"], 1);
    child.kill().unwrap();
    child.wait().unwrap();

    let (ok, stderr) = finish(demo(&server, &dir, "second"), &dir, "second").await;
    assert!(ok, "{stderr}");
    let out = std::fs::read_to_string(dir.join("second.out")).unwrap();
    assert!(out.contains("resuming from"), "{out}");
    // The resumed poll is attempt 2: the count survived the kill.
    assert!(
        out.contains("pollSyncStatus       HTTP 200  attempt 2"),
        "{out}"
    );
    assert_eq!(count(&server, "POST", "/enable").await, 1);
    assert_eq!(count(&server, "GET", "/status").await, 2);
    let _ = std::fs::remove_dir_all(&dir);
}
