//! More dialects (see the fixture) compile with warnings and run as the warnings say: an
//! `operationId` prefixed with its source, a double-quoted literal in a condition, constant
//! outputs, an input the schema does not declare, a `jsonpath` condition with `&&`, `||`,
//! `.length` and a quoted expression (each operator tried both ways).

use paragon_runtime::arazzo::WorkflowError;
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

paragon_macros::paragon_workflow!("../fixtures/dialects_more.arazzo.yml", allow_path("../fixtures"));

#[tokio::main]
async fn main() {
    let s = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/pets/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 7, "name": "Rex"})))
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets/8"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 8, "name": "Tom"})))
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .and(header("X-Session", "s-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [], "total": 4})))
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .and(header("X-Session", "s-2"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"items": [{"id": 1, "name": "A"}], "total": 2})),
        )
        .mount(&s)
        .await;
    let client = || pets::Client::builder().base_url(&s.uri()).key("k").build().unwrap();
    let run = |session: &str, mode: &str| {
        more::Workflow::new(
            client(),
            more::Inputs { pet_id: 7, mode: Some(mode.into()), session: Some(json!(session)) },
        )
        .run()
    };

    // The undeclared input is an optional `serde_json::Value` field of `Inputs`.
    // `[].length == 0` and `mode == 'strict'`: the first alternative holds.
    let out = run("s-1", "strict").await.unwrap();
    assert_eq!(out.name.as_deref(), Some("Rex"));
    assert_eq!(out.kind.as_deref(), Some("pet"));
    assert_eq!(out.count, Some(2));
    assert_eq!(out.total, Some(4));
    assert_eq!(out.fixed, Some(7));

    // `== "Rex"` is the comparison with the string `Rex`: `Tom` fails it.
    // `&&` with one side false, `||` with the other side true (`total` 4 > 3).
    assert_eq!(run("s-1", "loose").await.unwrap().total, Some(4));
    // Both alternatives false (one item; `total` 2): the criterion fails.
    match run("s-2", "strict").await.unwrap_err() {
        WorkflowError::StepFailed { step, .. } => assert_eq!(step, "list"),
        other => panic!("expected `list` to fail, got {other:?}"),
    }

    let err = more::Workflow::new(client(), more::Inputs { pet_id: 8, mode: None, session: None })
        .run()
        .await
        .unwrap_err();
    match err {
        WorkflowError::StepFailed { step, criterion, .. } => {
            assert_eq!(step, "get");
            assert_eq!(criterion, r#"$response.body#/name == "Rex""#);
        }
        other => panic!("expected the criterion to fail, got {other:?}"),
    }
}
