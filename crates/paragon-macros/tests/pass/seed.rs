//! The seed workflow, expanded by the macro, against wiremock: SYNCING twice, then IDLE, then the
//! records; then a server that is always SYNCING (an error after retryLimit: 30, 31 polls); then a
//! non-201 enable.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use paragon_runtime::ManualClock;
use paragon_runtime::arazzo::WorkflowError;
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

// trybuild builds this file in a crate of its own under `target/`: the repository's `specs/` is
// outside it, so it is allowed explicitly (relative to this file, as the path is).
paragon_macros::paragon_workflow!(
    "../../../../specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml",
    allow_path("../../../../specs")
);

use enable_sync_and_pull_records::{Inputs, Workflow};
use managed_sync_api::SyncStatusStatus;

struct Status {
    calls: Mutex<u32>,
    syncing: u32,
}

impl Respond for Status {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let mut calls = self.calls.lock().unwrap();
        *calls += 1;
        let status = if *calls <= self.syncing { "SYNCING" } else { "IDLE" };
        ResponseTemplate::new(200).set_body_json(json!({
            "integration": "googleDrive", "syncType": "files", "status": status, "recordCount": 2
        }))
    }
}

async fn server(enable_status: u16, syncing: u32) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/projects/p1/sync/enable"))
        .and(body_json(json!({"integration": "googleDrive", "syncType": "files"})))
        .respond_with(ResponseTemplate::new(enable_status).set_body_json(json!({"status": "SYNCING"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/projects/p1/sync/status"))
        .and(query_param("integration", "googleDrive"))
        .and(query_param("syncType", "files"))
        .respond_with(Status { calls: Mutex::new(0), syncing })
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/projects/p1/sync/records"))
        .and(query_param("integration", "googleDrive"))
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
    let requests = server.received_requests().await.unwrap();
    for r in &requests {
        assert_eq!(r.headers.get("authorization").unwrap(), "Bearer jwt");
    }
    requests.iter().map(|r| format!("{} {}", r.method, r.url.path())).collect()
}

#[tokio::main]
async fn main() {
    // SYNCING twice, then IDLE, then records.
    let mock = server(201, 2).await;
    let clock = ManualClock::new();
    let outputs = Workflow::new(client(&mock, clock.clone()), inputs()).run().await.unwrap();
    assert_eq!(outputs.status, Some(SyncStatusStatus::Idle));
    let records: Vec<managed_sync_api::SyncedRecord> = outputs.records.unwrap();
    assert_eq!(records.iter().map(|r| r.id.as_deref().unwrap()).collect::<Vec<_>>(), ["r1", "r2"]);
    assert_eq!(outputs.next_cursor.as_deref(), Some("c2"));
    assert_eq!(
        sequence(&mock).await,
        [
            "POST /projects/p1/sync/enable",
            "GET /projects/p1/sync/status",
            "GET /projects/p1/sync/status",
            "GET /projects/p1/sync/status",
            "GET /projects/p1/sync/records",
        ]
    );
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(5); 2]);

    // Always SYNCING: the first poll and 30 retries, then an error naming the step and criterion.
    let mock = server(201, u32::MAX).await;
    let clock = ManualClock::new();
    let err = Workflow::new(client(&mock, clock.clone()), inputs()).run().await.unwrap_err();
    match &err {
        WorkflowError::StepFailed { step, status, criterion, attempts, .. } => {
            assert_eq!((*step, *status, criterion.as_str(), *attempts), ("pollSyncStatus", Some(200), "$.status != 'SYNCING'", 31));
        }
        other => panic!("expected StepFailed, got {other:?}"),
    }
    let requests = sequence(&mock).await;
    assert_eq!(requests.len(), 32);
    assert!(requests[1..].iter().all(|r| r == "GET /projects/p1/sync/status"));
    assert_eq!(clock.sleeps().len(), 30);

    // A non-201 enable: the workflow stops at once with the status and the failed criterion.
    let mock = server(403, 0).await;
    let err = Workflow::new(client(&mock, ManualClock::new()), inputs()).run().await.unwrap_err();
    match &err {
        WorkflowError::StepFailed { step, status, criterion, attempts, .. } => {
            assert_eq!((*step, *status, criterion.as_str(), *attempts), ("enableSync", Some(403), "$statusCode == 201", 1));
        }
        other => panic!("expected StepFailed, got {other:?}"),
    }
    assert_eq!(sequence(&mock).await, ["POST /projects/p1/sync/enable"]);
}
