//! The dialects of other runners (see the fixture) compile, with warnings, and run as the
//! warnings say: each rewritten expression reads what its standard spelling reads.

use paragon_runtime::ManualClock;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

paragon_macros::paragon_workflow!("../fixtures/dialects.arazzo.yml", allow_path("../fixtures"));

#[tokio::main]
async fn main() {
    let s = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/login"))
        .and(body_json(json!({"user": "ada", "password": "pw", "greeting": "2"})))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("X-Session", "s-42")
                .set_body_json(json!({"token": "t1", "expiresIn": 60})),
        )
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .and(header("X-Session", "s-42"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"items": [{"id": 7, "name": "Rex"}, {"id": 8, "name": "Tom"}], "total": 2}),
        ))
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 7, "name": "Rex the first"})))
        .mount(&s)
        .await;
    let client = pets::Client::builder()
        .base_url(&s.uri())
        .key("api-key")
        .runtime(|r| r.clock(ManualClock::new()))
        .build()
        .unwrap();
    let out = dialects::Workflow::new(
        client,
        dialects::Inputs { user: "ada".into(), password: "pw".into(), xgafv: Some("2".into()) },
    )
    .run()
    .await
    .unwrap();
    assert_eq!(out.token.as_deref(), Some("t1"));
    assert_eq!(out.first.as_deref(), Some("Rex"));
    assert_eq!(out.fetched.as_deref(), Some("Rex the first"));
    assert_eq!(out.first_id, Some(7));
    let requests = s.received_requests().await.unwrap();
    let seen: Vec<String> = requests.iter().map(|r| format!("{} {}", r.method, r.url.path())).collect();
    assert_eq!(seen, ["POST /login", "GET /pets", "GET /pets/7"]);
    // The undeclared output is absent, so `status` is not sent.
    assert!(requests[1].url.query().is_none(), "{:?}", requests[1].url);
}
