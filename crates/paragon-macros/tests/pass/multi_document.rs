//! A workflow that runs a workflow of another Arazzo document (`type: arazzo`) and uses its
//! outputs, by the step's `$outputs` and by `$sourceDescriptions.<name>.<workflowId>.outputs`;
//! `dependsOn` across documents; a workflowId that both documents define stays two workflows.

use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

paragon_macros::paragon_workflow!("../fixtures/multi/adopt.arazzo.yml", allow_path("../fixtures"));

#[tokio::main]
async fn main() {
    let s = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/login"))
        .and(body_json(json!({"user": "ada", "password": "pw"})))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("X-Session", "s-42")
                .set_body_json(json!({"token": "t1"})),
        )
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .and(header("X-Session", "s-42"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [], "total": 3})))
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 7, "name": "Rex"})))
        .mount(&s)
        .await;
    let client = pets::Client::builder().base_url(&s.uri()).key("api-key").build().unwrap();

    let out = adopt::Workflow::new(
        client.clone(),
        adopt::Inputs { user: "ada".into(), password: "pw".into(), pet_id: 7 },
    )
    .run()
    .await
    .unwrap();
    assert_eq!(out.session.as_deref(), Some("s-42"));
    assert_eq!(out.total, Some(3));
    assert_eq!(out.name.as_deref(), Some("Rex"));
    let seen = |requests: &[wiremock::Request]| -> Vec<String> {
        requests.iter().map(|r| format!("{} {}", r.method, r.url.path())).collect()
    };
    assert_eq!(seen(&s.received_requests().await.unwrap()), ["POST /login", "GET /pets", "GET /pets/7"]);

    // The other document's `signIn` has a module of its own, beside this document's `signIn`.
    assert_eq!(sign_in::WORKFLOW, "signIn");
    assert_eq!(sign_in_2::WORKFLOW, "signIn");
    s.reset().await;
    Mock::given(method("POST"))
        .and(path("/login"))
        .respond_with(ResponseTemplate::new(200).insert_header("X-Session", "s-43").set_body_json(json!({})))
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .and(header("X-Session", "s-43"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [], "total": 5})))
        .mount(&s)
        .await;
    let out = sign_in::Workflow::new(
        client,
        sign_in::Inputs { user: Some("bob".into()), password: Some("pw2".into()) },
    )
    .run()
    .await
    .unwrap();
    assert_eq!(out.total, Some(5));
    let requests = s.received_requests().await.unwrap();
    assert_eq!(seen(&requests), ["POST /login", "GET /pets"]);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&requests[0].body).unwrap(),
        json!({"user": "bob", "password": "pw2"})
    );
}
