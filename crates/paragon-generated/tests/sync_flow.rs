//! The compiled seed workflow against a local mock server: the happy path with the exact request
//! sequence, retry exhaustion, a non-200 status, resuming from a saved state, and the observer.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use paragon_generated::managed_sync::SyncStatusStatus;
use paragon_generated::sync_flow::enable_sync_and_pull_records::{Inputs, State, StepId, Workflow};
use paragon_generated::sync_flow::managed_sync_api;
use paragon_runtime::arazzo::{Outcome, Progress, WorkflowError};
use paragon_runtime::{Clock, ManualClock};
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

/// Advances the workflow one transition at a time, each from a state saved as JSON and loaded
/// in a new `Workflow` (a process restart between every two steps), waiting out retries on
/// the manual clock.
async fn run_restarting(
    server: &MockServer,
    clock: &Arc<ManualClock>,
    mut saved: String,
) -> Result<(), WorkflowError> {
    loop {
        let state: State = serde_json::from_str(&saved).unwrap();
        let mut wf = Workflow::resume(client(server, clock.clone()), state);
        let progress = wf.step().await;
        saved = serde_json::to_string(wf.state()).unwrap();
        match progress? {
            Progress::Continue => {}
            Progress::Wait { until } => {
                clock.advance(until.duration_since(clock.wall_now()).unwrap_or_default())
            }
            Progress::Done(_) => return Ok(()),
        }
    }
}

/// `step()` never sleeps: a retry's wait comes back as `Progress::Wait`, with its end and the
/// attempt count in the state, so a resumed workflow waits only what is left and sends nothing
/// early.
#[tokio::test]
async fn a_retry_wait_is_returned_to_the_driver_and_saved_in_the_state() {
    let server = server(2).await;
    let clock = ManualClock::new();
    let start = clock.wall_now();
    let mut wf = Workflow::new(client(&server, clock.clone()), inputs());
    assert_eq!(wf.step().await.unwrap(), Progress::Continue);
    let until = match wf.step().await.unwrap() {
        Progress::Wait { until } => until,
        other => panic!("expected a wait, got {other:?}"),
    };
    assert_eq!(until, start + Duration::from_secs(5));
    assert!(clock.sleeps().is_empty(), "step() slept");
    assert_eq!(wf.state().attempt, 1);
    assert_eq!(wf.state().next, Some(StepId::PollSyncStatus));
    // Asked again before the time: the same wait, no request.
    assert_eq!(wf.step().await.unwrap(), Progress::Wait { until });
    assert_eq!(sequence(&server).await.len(), 2);
    // Saved, then resumed 3 s later: 2 s are left.
    let saved = serde_json::to_string(wf.state()).unwrap();
    clock.advance(Duration::from_secs(3));
    let mut resumed = Workflow::resume(
        client(&server, clock.clone()),
        serde_json::from_str(&saved).unwrap(),
    );
    assert_eq!(resumed.step().await.unwrap(), Progress::Wait { until });
    assert_eq!(sequence(&server).await.len(), 2);
    clock.advance(Duration::from_secs(2));
    // The second poll: attempt 2, counted from the saved attempt.
    assert!(matches!(
        resumed.step().await.unwrap(),
        Progress::Wait { .. }
    ));
    assert_eq!(resumed.state().attempt, 2);
    assert_eq!(sequence(&server).await.len(), 3);
}

/// A restart after every step (during every wait) neither forgets attempts nor exceeds
/// `retryLimit`: the same 31 polls as an uninterrupted run.
#[tokio::test]
async fn restarts_never_exceed_the_retry_limit() {
    let server = server(u32::MAX).await;
    let clock = ManualClock::new();
    let saved = serde_json::to_string(&State::new(inputs())).unwrap();
    let err = run_restarting(&server, &clock, saved).await.unwrap_err();
    assert!(
        matches!(err, WorkflowError::StepFailed { attempts: 31, .. }),
        "{err:?}"
    );
    assert_eq!(sequence(&server).await.len(), 1 + 31);
}

/// Every state the checkpoint hook is given during one uninterrupted run.
async fn checkpoints(server: &MockServer) -> Vec<State> {
    let states = Arc::new(Mutex::new(Vec::new()));
    let seen = states.clone();
    Workflow::new(client(server, ManualClock::new()), inputs())
        .with_checkpoint(move |s| seen.lock().unwrap().push(s.clone()))
        .run()
        .await
        .unwrap();
    states.lock().unwrap().clone()
}

/// The checkpoint hook sees the state just before each request is sent (the request recorded
/// as in flight) and after every transition.
#[tokio::test]
async fn the_checkpoint_sees_each_request_in_flight_before_it_is_sent() {
    let server = server(1).await;
    let states = checkpoints(&server).await;
    let in_flight: Vec<Option<(String, u32)>> = states
        .iter()
        .map(|s| s.in_flight.as_ref().map(|f| (f.step.clone(), f.attempt)))
        .collect();
    let f = |s: &str, a: u32| Some((s.to_owned(), a));
    // enable (send, after), poll 1 (send, after: a wait), poll 2 (send, after), records.
    assert_eq!(
        in_flight,
        [
            f("enableSync", 1),
            None,
            f("pollSyncStatus", 1),
            None,
            f("pollSyncStatus", 2),
            None,
            f("pullSyncedRecords", 1),
            None,
        ]
    );
    assert!(states[3].wait_until.is_some() && states[3].attempt == 1);
    assert!(states.iter().all(|s| {
        s.in_flight
            .as_ref()
            .is_none_or(|f| f.idempotency_key.is_none())
    }));
}

/// A state saved while the `enableSync` POST was in flight: resuming does not send it again
/// (the server may have applied it) but ends in `InDoubt`, keeping the record; clearing it
/// sends the POST. A GET in flight is simply sent again, as the same attempt.
#[tokio::test]
async fn a_post_in_flight_is_in_doubt_on_resume_and_a_get_is_resent() {
    let server = server(0).await;
    let states = checkpoints(&server).await;
    let server = self::server(0).await;
    let during_post = states[0].clone();
    let mut wf = Workflow::resume(client(&server, ManualClock::new()), during_post.clone());
    let err = wf.step().await.unwrap_err();
    assert!(
        matches!(
            err,
            WorkflowError::InDoubt {
                step: "enableSync",
                attempt: 1,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("in_flight"), "{err}");
    assert!(
        sequence(&server).await.is_empty(),
        "the POST was sent again"
    );
    assert_eq!(wf.state().in_flight, during_post.in_flight);
    // The caller decides: cleared, the POST is sent.
    let mut cleared = wf.into_state();
    cleared.in_flight = None;
    Workflow::resume(client(&server, ManualClock::new()), cleared)
        .run()
        .await
        .unwrap();
    assert_eq!(sequence(&server).await[0], "POST /projects/p1/sync/enable");
    // The poll's GET in flight: sent again as attempt 1.
    let server = self::server(0).await;
    let during_get = states[2].clone();
    assert_eq!(
        during_get.in_flight.as_ref().map(|f| f.step.as_str()),
        Some("pollSyncStatus")
    );
    let mut wf = Workflow::resume(client(&server, ManualClock::new()), during_get);
    wf.step().await.unwrap();
    assert_eq!(wf.state().next, Some(StepId::PullSyncedRecords));
    assert_eq!(sequence(&server).await, ["GET /projects/p1/sync/status"]);
}

/// A deadline ends the workflow when a retry would wait past it, before any further request.
#[tokio::test]
async fn a_deadline_ends_the_workflow_instead_of_waiting_past_it() {
    let server = server(u32::MAX).await;
    let clock = ManualClock::new();
    let deadline = clock.wall_now() + Duration::from_secs(12);
    let err = Workflow::new(client(&server, clock.clone()), inputs())
        .with_deadline(deadline)
        .run()
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            WorkflowError::DeadlineExceeded {
                step: "pollSyncStatus",
                ..
            }
        ),
        "{err:?}"
    );
    // Polls at 0 s, 5 s and 10 s; the wait to 15 s would pass the deadline.
    assert_eq!(sequence(&server).await.len(), 1 + 3);
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(5); 2]);
}

/// A status the client retries on its own (429) is reported: each response the step gets
/// after such retries reaches the observer as `ClientRetried`, and the error after the last
/// one counts them beside the workflow's attempts.
#[tokio::test]
async fn requests_the_client_retried_reach_the_observer_and_the_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"status": "SYNCING"})))
        .mount(&server)
        .await;
    Mock::given(path("/projects/p1/sync/status"))
        .respond_with(ResponseTemplate::new(429))
        .mount(&server)
        .await;
    let clock = ManualClock::new();
    let client = managed_sync_api::Client::builder()
        .base_url(&server.uri())
        .bearer_auth("jwt")
        .runtime(|r| {
            r.clock(clock.clone())
                .retry_policy(paragon_runtime::RetryPolicy {
                    max_retries: 2,
                    ..Default::default()
                })
        })
        .build()
        .unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let err = Workflow::new(client, inputs())
        .with_observer(move |e| log.lock().unwrap().push(e.outcome.clone()))
        .run()
        .await
        .unwrap_err();
    match &err {
        WorkflowError::StepFailed {
            step,
            status,
            attempts,
            client_retries,
            ..
        } => assert_eq!(
            (*step, *status, *attempts, *client_retries),
            ("pollSyncStatus", Some(429), 1, 2)
        ),
        other => panic!("expected StepFailed, got {other:?}"),
    }
    assert!(
        err.to_string()
            .ends_with("(the client sent the request 3 times)"),
        "{err}"
    );
    let retried: Vec<Outcome> = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|o| matches!(o, Outcome::ClientRetried { .. }))
        .cloned()
        .collect();
    assert_eq!(retried, [Outcome::ClientRetried { retries: 2 }]);
    // One POST, then the first status request and its two client retries.
    assert_eq!(sequence(&server).await.len(), 4);
}

/// A driver that knows the workflow only through `CompiledWorkflow`: after every transition
/// the state goes through JSON and a new workflow resumes from it (a process restart each
/// time), waits slept on the workflow's clock.
async fn drive_restarting<W: paragon_runtime::CompiledWorkflow>(
    clients: W::Clients,
    inputs: W::Inputs,
) -> (W::Outputs, usize) {
    let mut workflow = W::start(clients.clone(), inputs);
    let mut restarts = 0;
    loop {
        let progress = workflow.step().await.unwrap();
        let saved = serde_json::to_string(workflow.state()).unwrap();
        let clock = workflow.clock();
        workflow = W::resume(clients.clone(), serde_json::from_str(&saved).unwrap());
        restarts += 1;
        match progress {
            Progress::Continue => {}
            Progress::Wait { until } => {
                clock
                    .sleep(until.duration_since(clock.wall_now()).unwrap_or_default())
                    .await;
            }
            Progress::Done(outputs) => return (outputs, restarts),
        }
    }
}

/// Every compiled workflow can be driven generically: through `run_to_end` and through a
/// driver of the caller's that restarts after every transition, the seed workflow sends the
/// same requests and ends with the same outputs as `run()`.
#[tokio::test]
async fn generic_drivers_run_the_workflow_as_run_does() {
    use paragon_runtime::CompiledWorkflow;
    assert_eq!(Workflow::ID, "enable-sync-and-pull-records");

    let by_run = server(2).await;
    let expected = Workflow::new(client(&by_run, ManualClock::new()), inputs())
        .run()
        .await
        .unwrap();

    let generic = server(2).await;
    let clock = ManualClock::new();
    let mut saved = Vec::new();
    let mut workflow =
        <Workflow as CompiledWorkflow>::start(client(&generic, clock.clone()).into(), inputs());
    let outputs = paragon_runtime::run_to_end(&mut workflow, |s: &State| saved.push(s.clone()))
        .await
        .unwrap();
    assert_eq!(
        serde_json::to_value(&outputs).unwrap(),
        serde_json::to_value(&expected).unwrap()
    );
    assert_eq!(saved.len(), 5, "one save per transition");
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(5); 2]);
    assert_eq!(sequence(&generic).await, sequence(&by_run).await);

    let restarting = server(2).await;
    let (outputs, restarts) =
        drive_restarting::<Workflow>(client(&restarting, ManualClock::new()).into(), inputs())
            .await;
    assert_eq!(
        serde_json::to_value(&outputs).unwrap(),
        serde_json::to_value(&expected).unwrap()
    );
    assert_eq!(restarts, 5);
    assert_eq!(sequence(&restarting).await, sequence(&by_run).await);
}
