//! The compiled seed workflow against a local mock server: the happy path with the exact request
//! sequence, retry exhaustion, a non-200 status, resuming from a saved state, and the observer.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use paragon_generated::managed_sync::SyncStatusStatus;
use paragon_generated::sync_flow::enable_sync_and_pull_records::{Inputs, State, StepId, Workflow};
use paragon_generated::sync_flow::managed_sync_api;
use paragon_runtime::ManualClock;
use paragon_runtime::arazzo::{Outcome, Progress, WorkflowError};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// Answers SYNCING `syncing` times, then IDLE.
struct Status {
    calls: Mutex<u32>,
    syncing: u32,
}

impl Respond for Status {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let mut calls = self.calls.lock().unwrap();
        *calls += 1;
        let status = if *calls <= self.syncing {
            "SYNCING"
        } else {
            "IDLE"
        };
        ResponseTemplate::new(200).set_body_json(json!({
            "integration": "googleDrive", "syncType": "files", "status": status,
            "lastSyncedAt": "2026-11-23T10:00:00Z", "recordCount": 2
        }))
    }
}

async fn server(syncing: u32) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/projects/p1/sync/enable"))
        .and(body_json(
            json!({"integration": "googleDrive", "syncType": "files"}),
        ))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"status": "SYNCING"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/projects/p1/sync/status"))
        .and(query_param("integration", "googleDrive"))
        .and(query_param("syncType", "files"))
        .respond_with(Status {
            calls: Mutex::new(0),
            syncing,
        })
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/projects/p1/sync/records"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "records": [{"id": "r1", "data": {"name": "a.pdf"}}, {"id": "r2"}],
            "nextCursor": "c2"
        })))
        .mount(&server)
        .await;
    server
}

fn client(server: &MockServer, clock: Arc<ManualClock>) -> managed_sync_api::Client {
    managed_sync_api::Client::builder()
        .base_url(&server.uri())
        .bearer_auth("jwt")
        .runtime(|r| r.clock(clock))
        .build()
        .unwrap()
}

fn inputs() -> Inputs {
    Inputs {
        project_id: "p1".into(),
        integration: "googleDrive".into(),
        sync_type: "files".into(),
        frequency: None,
    }
}

async fn sequence(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect()
}

#[tokio::test]
async fn syncing_twice_then_idle_then_records() {
    let server = server(2).await;
    let clock = ManualClock::new();
    let events = Arc::new(Mutex::new(Vec::new()));
    let seen = events.clone();
    let outputs = Workflow::new(client(&server, clock.clone()), inputs())
        .with_observer(move |e| seen.lock().unwrap().push(e.clone()))
        .run()
        .await
        .unwrap();
    assert_eq!(outputs.status, Some(SyncStatusStatus::Idle));
    let records = outputs.records.unwrap();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].id.as_deref(), Some("r1"));
    assert_eq!(outputs.next_cursor.as_deref(), Some("c2"));
    assert_eq!(
        sequence(&server).await,
        [
            "POST /projects/p1/sync/enable",
            "GET /projects/p1/sync/status",
            "GET /projects/p1/sync/status",
            "GET /projects/p1/sync/status",
            "GET /projects/p1/sync/records",
        ]
    );
    // Two waits of retryAfter (5 s) on the mock clock: nothing really slept.
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(5); 2]);
    let events = events.lock().unwrap();
    let kinds: Vec<(&str, u32, &str)> = events
        .iter()
        .map(|e| (e.step, e.attempt, e.outcome.kind()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("enableSync", 1, "next"),
            ("pollSyncStatus", 1, "retry"),
            ("pollSyncStatus", 2, "retry"),
            ("pollSyncStatus", 3, "goto"),
            ("pullSyncedRecords", 1, "end"),
        ]
    );
}

#[tokio::test]
async fn always_syncing_fails_after_the_retry_limit() {
    let server = server(u32::MAX).await;
    let clock = ManualClock::new();
    let err = Workflow::new(client(&server, clock.clone()), inputs())
        .run()
        .await
        .unwrap_err();
    match &err {
        WorkflowError::StepFailed {
            step,
            status,
            criterion,
            attempts,
            ..
        } => {
            assert_eq!(*step, "pollSyncStatus");
            assert_eq!(*status, Some(200));
            assert_eq!(criterion, "$.status != 'SYNCING'");
            assert_eq!(*attempts, 31);
        }
        other => panic!("expected StepFailed, got {other:?}"),
    }
    let message = err.to_string();
    assert!(
        message.contains("pollSyncStatus") && message.contains("SYNCING"),
        "{message}"
    );
    let requests = sequence(&server).await;
    // One enable, then the first poll and its 30 retries (retryLimit: 30).
    assert_eq!(requests.len(), 1 + 31);
    assert!(
        requests[1..]
            .iter()
            .all(|r| r == "GET /projects/p1/sync/status")
    );
    assert_eq!(clock.sleeps().len(), 30);
}

#[tokio::test]
async fn a_non_201_enable_ends_with_the_failed_criterion() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(409).set_body_json(json!({"message": "exists"})))
        .mount(&server)
        .await;
    let err = Workflow::new(client(&server, ManualClock::new()), inputs())
        .run()
        .await
        .unwrap_err();
    match err {
        WorkflowError::StepFailed {
            step,
            status,
            criterion,
            attempts,
            ..
        } => {
            assert_eq!(
                (step, status, criterion.as_str(), attempts),
                ("enableSync", Some(409), "$statusCode == 201", 1)
            );
        }
        other => panic!("expected StepFailed, got {other:?}"),
    }
    assert_eq!(sequence(&server).await.len(), 1);
}

#[tokio::test]
async fn state_saved_after_a_step_resumes_where_it_stopped() {
    let server = server(1).await;
    let clock = ManualClock::new();
    let mut wf = Workflow::new(client(&server, clock.clone()), inputs());
    assert_eq!(wf.step().await.unwrap(), Progress::Continue);
    assert_eq!(wf.state().next, Some(StepId::PollSyncStatus));
    // Save as JSON, as a caller would between processes.
    let saved = serde_json::to_string(&wf.into_state()).unwrap();
    let state: State = serde_json::from_str(&saved).unwrap();
    assert_eq!(
        state.steps.enable_sync.as_ref().unwrap().status,
        Some(SyncStatusStatus::Syncing)
    );
    let outputs = Workflow::resume(client(&server, clock), state)
        .run()
        .await
        .unwrap();
    assert_eq!(outputs.status, Some(SyncStatusStatus::Idle));
    // enable once (not repeated by the resumed run), poll twice, records once.
    assert_eq!(sequence(&server).await.len(), 4);
}

#[tokio::test]
async fn a_goto_loop_is_bounded() {
    let server = server(u32::MAX).await;
    let err = Workflow::new(client(&server, ManualClock::new()), inputs())
        .with_max_transitions(5)
        .run()
        .await
        .unwrap_err();
    assert!(
        matches!(err, WorkflowError::TooManyTransitions { limit: 5, .. }),
        "{err:?}"
    );
    assert_eq!(sequence(&server).await.len(), 5);
}

#[test]
fn outcome_kinds_are_stable() {
    assert_eq!(Outcome::End.kind(), "end");
}

#[tokio::test]
async fn a_finished_workflow_keeps_answering_its_outputs() {
    let server = server(0).await;
    let mut wf = Workflow::new(client(&server, ManualClock::new()), inputs());
    let outputs = loop {
        if let Progress::Done(o) = wf.step().await.unwrap() {
            break o;
        }
    };
    assert!(wf.state().finished);
    assert_eq!(wf.state().next, None);
    // Saved and resumed after the end: the same outputs, no request.
    let saved = serde_json::to_string(&wf.into_state()).unwrap();
    let requests = sequence(&server).await.len();
    let mut again = Workflow::resume(
        client(&server, ManualClock::new()),
        serde_json::from_str(&saved).unwrap(),
    );
    assert_eq!(again.step().await.unwrap(), Progress::Done(outputs));
    assert_eq!(sequence(&server).await.len(), requests);
}

/// SYNCING once with a `Retry-After` header, then IDLE.
struct SyncingWithRetryAfter(Mutex<u32>, &'static str);

impl Respond for SyncingWithRetryAfter {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let mut calls = self.0.lock().unwrap();
        *calls += 1;
        let status = if *calls == 1 { "SYNCING" } else { "IDLE" };
        ResponseTemplate::new(200)
            .insert_header("Retry-After", self.1)
            .set_body_json(json!({"status": status}))
    }
}

async fn retry_after_server(header: &'static str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"status": "SYNCING"})))
        .mount(&server)
        .await;
    Mock::given(path("/projects/p1/sync/status"))
        .respond_with(SyncingWithRetryAfter(Mutex::new(0), header))
        .mount(&server)
        .await;
    Mock::given(path("/projects/p1/sync/records"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"records": []})))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn retry_after_overrides_retry_after_seconds_but_is_capped() {
    // A header within the cap replaces the action's 5 s.
    let server = retry_after_server("2").await;
    let clock = ManualClock::new();
    Workflow::new(client(&server, clock.clone()), inputs())
        .run()
        .await
        .unwrap();
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(2)]);
    // A year is capped at the client's RetryPolicy::max_retry_after (120 s by default).
    let server = retry_after_server("31536000").await;
    let clock = ManualClock::new();
    Workflow::new(client(&server, clock.clone()), inputs())
        .run()
        .await
        .unwrap();
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(120)]);
}
