//! Error answers: 401 per API, 429 with Retry-After once the budget is used up, 400 for
//! requests the spec does not allow, 404 for unknown projects and paths.

mod common;

use std::time::Duration;

use paragon_generated::managed_sync::EnableSyncBody;
use paragon_generated::task_history::{
    GetWorkflowExecutionsOptions, GetWorkflowExecutionsResponses, GetWorkflowExecutionsSortBy,
    GetWorkflowExecutionsStatus,
};
use paragon_runtime::{Error, ManualClock, RetryPolicy};
use paragon_sim::{DEFAULT_TOKEN, Sim, SimConfig};

fn enable_body() -> EnableSyncBody {
    EnableSyncBody {
        integration: "googleDrive".into(),
        sync_type: "files".into(),
        frequency: None,
    }
}

#[tokio::test]
async fn a_missing_or_wrong_token_is_a_401_with_a_message() {
    let sim = Sim::start(
        SimConfig::default()
            .managed_sync_token("user-jwt")
            .task_history_api_key("project-key"),
    )
    .await
    .unwrap();
    let clock = ManualClock::new();
    let opts = GetWorkflowExecutionsOptions::default();

    // Task History documents 401: a typed status error, and the typed variant.
    let no_key = common::history_client_with(&sim, clock.clone(), None, RetryPolicy::default());
    let err = no_key
        .get_workflow_executions("p1", &opts)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Status(_)), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert!(common::message(&err).contains("missing API Key"));
    let typed = no_key
        .get_workflow_executions_with_response("p1", &opts)
        .await
        .unwrap();
    assert!(matches!(
        typed.body,
        GetWorkflowExecutionsResponses::Unauthorized
    ));
    assert_eq!(typed.headers["www-authenticate"], "Bearer");

    // Each API accepts its own credential only.
    let user_jwt_as_key = common::history_client_with(
        &sim,
        clock.clone(),
        Some("user-jwt"),
        RetryPolicy::default(),
    );
    let err = user_jwt_as_key
        .get_workflow_executions("p1", &opts)
        .await
        .unwrap_err();
    assert_eq!(
        common::message(&err),
        "Unauthorized. Invalid or missing API Key."
    );
    let key = common::history_client_with(
        &sim,
        clock.clone(),
        Some("project-key"),
        RetryPolicy::default(),
    );
    assert_eq!(
        key.get_workflow_executions("p1", &opts)
            .await
            .unwrap()
            .total,
        Some(250)
    );

    let key_as_jwt = common::sync_client_with(&sim, clock.clone(), Some("project-key"));
    let err = key_as_jwt
        .enable_sync("p1", &enable_body())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::UnexpectedStatus(_)), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert!(common::message(&err).contains("invalid Paragon User Token"));
    let no_jwt = common::sync_client_with(&sim, clock.clone(), None);
    let err = no_jwt
        .get_sync_status("p1", "googleDrive", "files")
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert!(common::message(&err).contains("missing bearer token"));
    let jwt = common::sync_client_with(&sim, clock, Some("user-jwt"));
    assert!(jwt.enable_sync("p1", &enable_body()).await.is_ok());

    let statuses: Vec<u16> = sim.request_log().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [401, 401, 401, 200, 401, 401, 201]);
}

#[tokio::test]
async fn past_the_budget_every_request_is_a_429_with_retry_after() {
    let sim = Sim::start(SimConfig::default().request_budget(2).retry_after_secs(7))
        .await
        .unwrap();
    let clock = ManualClock::new();
    let c = common::history_client(&sim, clock.clone());
    let opts = GetWorkflowExecutionsOptions::default();
    c.get_workflow_executions("p1", &opts).await.unwrap();
    c.get_workflow_executions("p1", &opts).await.unwrap();

    // The runtime retries a 429 (3 times by default) after the server's Retry-After, then
    // returns it: Task History documents 429, so it is a typed status error.
    let err = c.get_workflow_executions("p1", &opts).await.unwrap_err();
    assert!(matches!(err, Error::Status(_)), "{err:?}");
    let response = err.response().unwrap();
    assert_eq!(response.status.as_u16(), 429);
    assert_eq!(response.headers["retry-after"], "7");
    assert!(common::message(&err).contains("Rate limit exceeded"));
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(7); 3]);
    let statuses: Vec<u16> = sim.request_log().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [200, 200, 429, 429, 429, 429]);

    // Without retries: one request, the typed 429 variant.
    let no_retry = common::history_client_with(
        &sim,
        clock.clone(),
        Some(DEFAULT_TOKEN),
        RetryPolicy::none(),
    );
    let typed = no_retry
        .get_workflow_executions_with_response("p1", &opts)
        .await
        .unwrap();
    assert!(matches!(
        typed.body,
        GetWorkflowExecutionsResponses::TooManyRequests
    ));
    assert_eq!(sim.requests().len(), 7);

    // The budget covers both APIs, and resets on demand.
    let sync = common::sync_client(&sim, clock.clone());
    let err = sync.enable_sync("p1", &enable_body()).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    sim.reset_request_budget();
    assert!(sync.enable_sync("p1", &enable_body()).await.is_ok());
}

#[tokio::test]
async fn the_client_retry_policy_bounds_the_429_attempts() {
    let sim = Sim::start(SimConfig::default().request_budget(0).retry_after_secs(2))
        .await
        .unwrap();
    let clock = ManualClock::new();
    let c = common::history_client_with(
        &sim,
        clock.clone(),
        Some(DEFAULT_TOKEN),
        RetryPolicy {
            max_retries: 1,
            ..RetryPolicy::default()
        },
    );
    let err = c
        .get_workflow_executions("p1", &Default::default())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(clock.sleeps(), [Duration::from_secs(2)]);
    assert_eq!(sim.requests().len(), 2);
}

#[tokio::test]
async fn unknown_enum_values_are_a_400_with_a_message() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let c = common::history_client(&sim, ManualClock::new());
    let err = c
        .get_workflow_executions(
            "p1",
            &GetWorkflowExecutionsOptions {
                status: Some(GetWorkflowExecutionsStatus::Unknown("RUNNING".into())),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::UnexpectedStatus(_)), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(
        common::message(&err),
        "invalid value \"RUNNING\" for query parameter `status`: expected one of SUCCEEDED, FAILED"
    );
    let err = c
        .get_workflow_executions(
            "p1",
            &GetWorkflowExecutionsOptions {
                sort_by: Some(GetWorkflowExecutionsSortBy::Unknown("RANDOM".into())),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert!(common::message(&err).contains("`sortBy`: expected one of ASC, DESC"));

    for (query, parameter) in [
        ("offset=-1", "offset"),
        ("offset=ten", "offset"),
        ("afterDate=yesterday", "afterDate"),
        ("beforeDate=2026-13-01T00:00:00Z", "beforeDate"),
    ] {
        let (status, _, body) = common::get(
            &sim,
            &format!("/projects/p1/task-history/workflow-executions?{query}"),
            Some(DEFAULT_TOKEN),
        )
        .await;
        assert_eq!(status, 400, "{query}");
        let message = body["message"].as_str().unwrap();
        assert!(message.contains(&format!("`{parameter}`")), "{message}");
    }
}

#[tokio::test]
async fn missing_required_parameters_are_a_400_with_a_message() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    for path in [
        "/projects/p1/sync/status?integration=googleDrive",
        "/projects/p1/sync/records?integration=googleDrive",
    ] {
        let (status, _, body) = common::get(&sim, path, Some(DEFAULT_TOKEN)).await;
        assert_eq!(status, 400, "{path}");
        assert_eq!(
            body["message"],
            "missing required query parameter `syncType`"
        );
    }
    let (status, _, body) = common::get(
        &sim,
        "/projects/p1/sync/status?syncType=files",
        Some(DEFAULT_TOKEN),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        body["message"],
        "missing required query parameter `integration`"
    );

    // The typed client always sends required parameters, but may send them empty.
    let c = common::sync_client(&sim, ManualClock::new());
    let err = c.get_sync_status("p1", "", "files").await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert!(common::message(&err).contains("`integration` must not be empty"));
}

#[tokio::test]
async fn bad_bodies_are_a_400_or_415_with_a_message() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let json = Some("application/json");
    let cases = [
        (
            "/projects/p1/sync/enable",
            json,
            "",
            400,
            "a JSON request body is required",
        ),
        (
            "/projects/p1/sync/enable",
            json,
            "{not json",
            400,
            "invalid request body",
        ),
        (
            "/projects/p1/sync/enable",
            json,
            r#"{"integration": "x"}"#,
            400,
            "missing field `syncType`",
        ),
        (
            "/projects/p1/sync/enable",
            json,
            r#"{"integration": 1, "syncType": "files"}"#,
            400,
            "invalid type",
        ),
        (
            "/projects/p1/sync/enable",
            json,
            r#"{"integration": "x", "syncType": "files", "frequency": 5}"#,
            400,
            "invalid type",
        ),
        (
            "/projects/p1/sync/enable",
            Some("text/plain"),
            "{}",
            415,
            "application/json",
        ),
        (
            "/projects/p1/permissions/check-access",
            json,
            r#"{"subject": "a", "relation": "viewer"}"#,
            400,
            "missing field `object`",
        ),
        (
            "/projects/p1/permissions/batch-check-access",
            json,
            r#"{"checks": [{"subject": "a"}]}"#,
            400,
            "missing field",
        ),
        (
            "/projects/p1/permissions/list-users",
            json,
            r#"{"relation": "viewer"}"#,
            400,
            "`object` is required",
        ),
        (
            "/projects/p1/permissions/list-objects",
            json,
            "{}",
            400,
            "`subject` is required",
        ),
        (
            "/projects/p1/permissions/expand",
            json,
            "[]",
            400,
            "invalid request body",
        ),
    ];
    for (path, content_type, body, status, needle) in cases {
        let (got, headers, answer) = common::post(&sim, path, content_type, body).await;
        assert_eq!(got, status, "{path} {body}");
        assert_eq!(headers["content-type"], "application/json");
        let message = answer["message"].as_str().unwrap_or_default();
        assert!(message.contains(needle), "{path} {body}: {message}");
    }
    // None of them changed state: the sync is still disabled.
    let c = common::sync_client(&sim, ManualClock::new());
    let status = c.get_sync_status("p1", "x", "files").await.unwrap();
    assert_eq!(status.status.unwrap().as_str(), "DISABLED");
}

#[tokio::test]
async fn unknown_projects_paths_and_methods_are_json_errors() {
    let sim = Sim::start(SimConfig::default().project_id("p1"))
        .await
        .unwrap();
    let c = common::history_client(&sim, ManualClock::new());
    assert!(
        c.get_workflow_executions("p1", &Default::default())
            .await
            .is_ok()
    );
    let err = c
        .get_workflow_executions("p2", &Default::default())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(common::message(&err), "project \"p2\" not found");

    let (status, _, body) = common::get(&sim, "/nowhere", None).await;
    assert_eq!(status, 404);
    assert_eq!(body["message"], "no Paragon endpoint at GET /nowhere");
    let (status, _, body) = common::post(&sim, "/projects/p1/sync/status", None, "").await;
    assert_eq!(status, 405);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("does not accept POST")
    );
}
