//! The compiled seed workflow (enableSync → poll getSyncStatus → pullSyncedRecords) against the
//! simulator.

mod common;

use std::time::Duration;

use paragon_generated::managed_sync::SyncStatusStatus;
use paragon_generated::sync_flow::enable_sync_and_pull_records::{Inputs, Workflow};
use paragon_runtime::arazzo::{Progress, WorkflowError};
use paragon_runtime::{Clock, ManualClock};
use paragon_sim::{Sim, SimConfig};

fn inputs() -> Inputs {
    Inputs {
        project_id: "p1".into(),
        integration: "googleDrive".into(),
        sync_type: "files".into(),
        frequency: Some("1h".into()),
    }
}

#[tokio::test]
async fn the_seed_workflow_sees_syncing_twice_then_idle_then_records() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let clock = ManualClock::new();
    let outputs = Workflow::new(common::sync_client(&sim, clock.clone()), inputs())
        .run()
        .await
        .unwrap();

    assert_eq!(outputs.status, Some(SyncStatusStatus::Idle));
    let records = outputs.records.unwrap();
    assert_eq!(records.len(), 10, "the first page of 25 records");
    assert_eq!(records[0].id.as_deref(), Some("googleDrive-files-0001"));
    assert!(
        records
            .iter()
            .all(|r| r.integration.as_deref() == Some("googleDrive")
                && r.sync_type.as_deref() == Some("files"))
    );
    assert_eq!(outputs.next_cursor.as_deref(), Some("cursor-10"));
    assert_eq!(
        sim.requests(),
        [
            "POST /projects/p1/sync/enable",
            "GET /projects/p1/sync/status",
            "GET /projects/p1/sync/status",
            "GET /projects/p1/sync/status",
            "GET /projects/p1/sync/records",
        ]
    );
    let statuses: Vec<u16> = sim.request_log().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [201, 200, 200, 200, 200]);
    // Two retryAfter waits (5 s) on the manual clock; nothing really slept.
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(5); 2]);
}

#[tokio::test]
async fn poll_outputs_carry_last_synced_at_and_record_count() {
    let sim = Sim::start(SimConfig::default().syncing_polls(1).records(3))
        .await
        .unwrap();
    let clock = ManualClock::new();
    let mut wf = Workflow::new(common::sync_client(&sim, clock.clone()), inputs());
    while wf.state().next.is_some() {
        // `step()` never sleeps: the driver waits out a retry (here on the manual clock).
        if let Progress::Wait { until } = wf.step().await.unwrap() {
            clock.advance(until.duration_since(clock.wall_now()).unwrap_or_default());
        }
    }
    let poll = wf.state().steps.poll_sync_status.clone().unwrap();
    assert_eq!(poll.status, Some(SyncStatusStatus::Idle));
    assert_eq!(poll.record_count, Some(3));
    assert_eq!(
        poll.last_synced_at.map(|t| t.to_string()).as_deref(),
        Some("2026-02-01T00:00:00Z")
    );
    let pulled = wf.state().steps.pull_synced_records.clone().unwrap();
    assert_eq!(pulled.records.map(|r| r.len()), Some(3));
    assert_eq!(pulled.next_cursor, None, "3 records fit one page");
    assert_eq!(sim.requests().len(), 4);
}

#[tokio::test]
async fn zero_syncing_polls_goes_straight_to_the_records() {
    let sim = Sim::start(SimConfig::default().syncing_polls(0))
        .await
        .unwrap();
    let clock = ManualClock::new();
    let outputs = Workflow::new(common::sync_client(&sim, clock.clone()), inputs())
        .run()
        .await
        .unwrap();
    assert_eq!(outputs.status, Some(SyncStatusStatus::Idle));
    assert_eq!(
        sim.requests(),
        [
            "POST /projects/p1/sync/enable",
            "GET /projects/p1/sync/status",
            "GET /projects/p1/sync/records",
        ]
    );
    assert!(clock.sleeps().is_empty());
}

#[tokio::test]
async fn a_sync_that_keeps_syncing_exhausts_the_retry_limit() {
    let sim = Sim::start(SimConfig::default().syncing_polls(1000))
        .await
        .unwrap();
    let clock = ManualClock::new();
    let err = Workflow::new(common::sync_client(&sim, clock.clone()), inputs())
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
            assert_eq!(*attempts, 31, "the first poll and its 30 retries");
        }
        other => panic!("expected StepFailed, got {other:?}"),
    }
    let requests = sim.requests();
    assert_eq!(requests.len(), 1 + 31);
    assert_eq!(requests[0], "POST /projects/p1/sync/enable");
    assert!(
        requests[1..]
            .iter()
            .all(|r| r == "GET /projects/p1/sync/status")
    );
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(5); 30]);
}

#[tokio::test]
async fn a_wrong_token_fails_the_first_step() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let client = common::sync_client_with(&sim, ManualClock::new(), Some("not-the-token"));
    let err = Workflow::new(client, inputs()).run().await.unwrap_err();
    match err {
        WorkflowError::StepFailed { step, status, .. } => {
            assert_eq!((step, status), ("enableSync", Some(401)));
        }
        other => panic!("expected StepFailed, got {other:?}"),
    }
    assert_eq!(sim.request_log()[0].status, 401);
}
