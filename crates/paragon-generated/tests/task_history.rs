//! The generated Task History client against a local mock server: method, path, query, auth,
//! every documented status, an undocumented one, retries, pagination, unknown enum values.

use std::sync::Arc;
use std::time::Duration;

use futures_util::TryStreamExt;
use paragon_generated::task_history::{
    Client, GetWorkflowExecutionsOptions, GetWorkflowExecutionsResponses,
    GetWorkflowExecutionsSortBy, GetWorkflowExecutionsStatus, ReplayWorkflowExecutionResponses,
    WorkflowExecutionStatus,
};
use paragon_runtime::{Error, ManualClock};
use serde_json::json;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "project-api-key";

fn client(server: &MockServer, clock: Arc<ManualClock>) -> Client {
    Client::builder()
        .base_url(&server.uri())
        .api_key_auth(KEY)
        .runtime(|r| r.clock(clock))
        .build()
        .unwrap()
}

fn execution(id: &str, status: &str) -> serde_json::Value {
    json!({
        "id": id, "userId": "u1", "workflowId": "w1", "status": status,
        "taskCount": 3, "runDuration": 1200,
        "dateStarted": "2026-11-20T10:00:00Z", "dateEnded": "2026-11-20T10:00:01.2Z"
    })
}

#[tokio::test]
async fn lists_executions_with_filters_and_bearer_key() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/projects/p1/task-history/workflow-executions"))
        .and(header("authorization", "Bearer project-api-key"))
        .and(query_param("status", "FAILED"))
        .and(query_param("sortBy", "DESC"))
        .and(query_param("offset", "100"))
        .and(query_param("afterDate", "2026-11-01T00:00:00Z"))
        .and(query_param("integration", "salesforce"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [execution("e1", "FAILED"), execution("e2", "RUNNING")],
            "total": 2,
            "nextLink": null
        })))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server, ManualClock::new());
    let options = GetWorkflowExecutionsOptions {
        status: Some(GetWorkflowExecutionsStatus::Failed),
        sort_by: Some(GetWorkflowExecutionsSortBy::Desc),
        offset: Some(100),
        after_date: Some("2026-11-01T00:00:00Z".parse().unwrap()),
        integration: Some("salesforce".into()),
        ..Default::default()
    };
    let list = c.get_workflow_executions("p1", &options).await.unwrap();
    assert_eq!(list.total, Some(2));
    assert_eq!(
        list.next_link, None,
        "nextLink: null is Option<String>::None"
    );
    let data = list.data.unwrap();
    assert_eq!(data[0].status, Some(WorkflowExecutionStatus::Failed));
    // A status the spec does not list decodes and keeps its value.
    assert_eq!(
        data[1].status,
        Some(WorkflowExecutionStatus::Unknown("RUNNING".into()))
    );
    assert_eq!(data[1].status.as_ref().unwrap().as_str(), "RUNNING");
    assert_eq!(data[0].date_ended.unwrap().millisecond(), 200);
}

#[tokio::test]
async fn documented_errors_are_typed_and_undocumented_ones_keep_the_body() {
    let server = MockServer::start().await;
    Mock::given(path("/projects/p1/task-history/workflow-executions"))
        .respond_with(ResponseTemplate::new(401).set_body_string("bad key"))
        .mount(&server)
        .await;
    Mock::given(path("/projects/p2/task-history/workflow-executions"))
        .respond_with(ResponseTemplate::new(500).set_body_string("boom"))
        .mount(&server)
        .await;
    let c = client(&server, ManualClock::new());
    let opts = GetWorkflowExecutionsOptions::default();

    let full = c
        .get_workflow_executions_with_response("p1", &opts)
        .await
        .unwrap();
    assert_eq!(full.status.as_u16(), 401);
    assert!(matches!(
        full.body,
        GetWorkflowExecutionsResponses::Unauthorized
    ));

    match c.get_workflow_executions("p1", &opts).await {
        Err(Error::Status(r)) => {
            assert_eq!(r.status.as_u16(), 401);
            assert_eq!(&r.body[..], b"bad key");
        }
        other => panic!("expected a documented status error, got {other:?}"),
    }
    match c.get_workflow_executions("p2", &opts).await {
        Err(Error::UnexpectedStatus(r)) => {
            assert_eq!(r.status.as_u16(), 500);
            assert_eq!(&r.body[..], b"boom");
        }
        other => panic!("expected an undocumented status error, got {other:?}"),
    }
    assert!(matches!(
        c.get_workflow_executions_with_response("p2", &opts).await,
        Err(Error::UnexpectedStatus(_))
    ));
}

#[tokio::test]
async fn rate_limited_requests_wait_for_retry_after_then_succeed() {
    let server = MockServer::start().await;
    Mock::given(path("/projects/p1/task-history/workflow-executions"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "7"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/projects/p1/task-history/workflow-executions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": [], "total": 0})))
        .mount(&server)
        .await;
    let clock = ManualClock::new();
    let c = client(&server, clock.clone());
    let list = c
        .get_workflow_executions("p1", &GetWorkflowExecutionsOptions::default())
        .await
        .unwrap();
    assert_eq!(list.total, Some(0));
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(7)]);
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn the_stream_follows_next_link_across_three_pages() {
    let server = MockServer::start().await;
    let base = server.uri();
    let page = |ids: &[&str], next: Option<String>| {
        json!({
            "data": ids.iter().map(|i| execution(i, "SUCCEEDED")).collect::<Vec<_>>(),
            "total": 5,
            "nextLink": next,
        })
    };
    Mock::given(path("/projects/p1/task-history/workflow-executions"))
        .and(query_param("offset", "100"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            &["e3", "e4"],
            Some(format!(
                "{base}/projects/p1/task-history/workflow-executions?offset=200"
            )),
        )))
        .mount(&server)
        .await;
    Mock::given(path("/projects/p1/task-history/workflow-executions"))
        .and(query_param("offset", "200"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&["e5"], None)))
        .mount(&server)
        .await;
    Mock::given(path("/projects/p1/task-history/workflow-executions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            &["e1", "e2"],
            Some(format!(
                "{base}/projects/p1/task-history/workflow-executions?offset=100"
            )),
        )))
        .with_priority(10)
        .mount(&server)
        .await;
    let c = client(&server, ManualClock::new());
    let items: Vec<_> = c
        .get_workflow_executions_stream("p1", &GetWorkflowExecutionsOptions::default())
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = items.iter().filter_map(|e| e.id.clone()).collect();
    assert_eq!(ids, ["e1", "e2", "e3", "e4", "e5"]);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 3);
    assert!(
        requests
            .iter()
            .all(|r| r.headers.get("authorization").is_some())
    );
}

#[tokio::test]
async fn a_next_link_to_another_host_is_refused() {
    let server = MockServer::start().await;
    Mock::given(path("/projects/p1/task-history/workflow-executions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [execution("e1", "SUCCEEDED")],
            "nextLink": "https://evil.example/steal"
        })))
        .mount(&server)
        .await;
    let c = client(&server, ManualClock::new());
    let result: Result<Vec<_>, _> = c
        .get_workflow_executions_stream("p1", &GetWorkflowExecutionsOptions::default())
        .try_collect()
        .await;
    assert!(
        matches!(result, Err(Error::InvalidRequest(_))),
        "{result:?}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn replay_encodes_the_execution_id_and_types_every_status() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(
            "/projects/p1/task-history/workflow-executions/a%2F..%2Fb%3Fx/replay",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(execution("new", "SUCCEEDED")))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(
            "/projects/p1/task-history/workflow-executions/gone/replay",
        ))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(
            "/projects/p1/task-history/workflow-executions/limited/replay",
        ))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "100000"))
        .mount(&server)
        .await;
    let c = client(&server, ManualClock::new());
    let replayed = c.replay_workflow_execution("p1", "a/../b?x").await.unwrap();
    assert_eq!(replayed.id.as_deref(), Some("new"));

    let gone = c
        .replay_workflow_execution_with_response("p1", "gone")
        .await
        .unwrap();
    assert!(matches!(
        gone.body,
        ReplayWorkflowExecutionResponses::NotFound
    ));
    // Retry-After beyond the policy's cap: no waiting, the 429 is returned typed.
    let limited = c
        .replay_workflow_execution_with_response("p1", "limited")
        .await
        .unwrap();
    assert!(matches!(
        limited.body,
        ReplayWorkflowExecutionResponses::TooManyRequests
    ));
    assert_eq!(limited.headers["retry-after"], "100000");
}

#[tokio::test]
async fn an_undecodable_body_is_an_error_with_the_raw_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"id\": 12"))
        .mount(&server)
        .await;
    let c = client(&server, ManualClock::new());
    match c.replay_workflow_execution("p1", "e1").await {
        Err(Error::Decode { response, message }) => {
            assert_eq!(response.status.as_u16(), 200);
            assert_eq!(&response.body[..], b"{\"id\": 12");
            assert!(!message.is_empty());
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}
