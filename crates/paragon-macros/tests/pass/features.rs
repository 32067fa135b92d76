//! Every compiled feature, run against a mock Pets server: request bodies with templates,
//! omitted absent inputs and replacements; header, query, cookie and path parameters;
//! reusable parameters with a `value` override and reusable failure actions; regex and simple
//! criteria with navigation; `goto` on failure; `end`; `retry` that runs another step first;
//! sub-workflow steps; `dependsOn`; `$workflows` outputs; `operationPath`; `$request.*`,
//! `$url` and `$method`; JSONPath criteria of member names; outputs decoded in one pass and
//! their fallbacks; one step output behind two workflow outputs.

use paragon_runtime::ManualClock;
use paragon_runtime::arazzo::WorkflowError;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

paragon_macros::paragon_workflow!("../fixtures/features.arazzo.yml", allow_path("../fixtures"));

fn client(server: &MockServer) -> pets::Client {
    pets::Client::builder()
        .base_url(&server.uri())
        .key("api-key")
        .runtime(|r| r.clock(ManualClock::new()))
        .build()
        .unwrap()
}

async fn sequence(server: &MockServer) -> Vec<String> {
    let requests = server.received_requests().await.unwrap();
    requests.iter().map(|r| format!("{} {}", r.method, r.url.path())).collect()
}

async fn login_mock(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/login"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("X-Session", "s-42")
                .set_body_json(json!({"token": "t1", "expiresIn": 60})),
        )
        .mount(server)
        .await;
}

async fn login_and_list() {
    let s = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/login"))
        // `extra: $inputs.status` is absent, so it is omitted, not sent as null.
        .and(body_json(json!({"user": "ada", "password": "pw", "greeting": "Hello ada!"})))
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
        .and(header("X-Api-Key", "api-key"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [{"id": 1, "name": "Rex"}], "total": 1})))
        .mount(&s)
        .await;
    let out = login_and_list::Workflow::new(
        client(&s),
        login_and_list::Inputs { user: "ada".into(), password: "pw".into(), status: None },
    )
    .run()
    .await
    .unwrap();
    assert_eq!(out.token.as_deref(), Some("t1"));
    assert_eq!(out.first.as_deref(), Some("Rex"));
    let pets: Vec<pets::Pet> = out.pets.unwrap();
    assert_eq!(pets[0].id, 1);
    assert_eq!(sequence(&s).await, ["POST /login", "GET /pets"]);
    let list = &s.received_requests().await.unwrap()[1];
    assert!(list.url.query().is_none(), "an absent status is not sent: {:?}", list.url);

    // An empty list fails `$response.body.total > 0`.
    let s = MockServer::start().await;
    login_mock(&s).await;
    Mock::given(path("/pets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [], "total": 0})))
        .mount(&s)
        .await;
    let err = login_and_list::Workflow::new(
        client(&s),
        login_and_list::Inputs { user: "ada".into(), password: "pw".into(), status: Some("sold".into()) },
    )
    .run()
    .await
    .unwrap_err();
    assert!(matches!(err, WorkflowError::StepFailed { step: "list", .. }), "{err}");
    assert_eq!(s.received_requests().await.unwrap()[1].url.query(), Some("status=sold"));
}

async fn create_or_find() {
    let s = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/pets"))
        .and(header("cookie", "theme=dark"))
        .and(body_json(json!({"name": "Rex", "status": "available", "tags": ["blue", "fixed"]})))
        .respond_with(ResponseTemplate::new(409))
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 7, "name": "Rex"})))
        .mount(&s)
        .await;
    let inputs = create_or_find::Inputs { name: Some("Rex".into()), tag: Some("blue".into()), pet_id: Some(7) };
    let out = create_or_find::Workflow::new(client(&s), inputs.clone()).run().await.unwrap();
    assert_eq!(out.found.as_deref(), Some("Rex"));
    assert_eq!(out.created, None);
    assert_eq!(sequence(&s).await, ["POST /pets", "GET /pets/7"]);

    // `createPet` declares `Idempotency-Key`: the POST carries a generated key, and a state
    // saved while it was in flight resends it with the same key (the server applies it once).
    let states = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = states.clone();
    let _ = create_or_find::Workflow::new(client(&s), inputs.clone())
        .with_checkpoint(move |st| seen.lock().unwrap().push(st.clone()))
        .run()
        .await
        .unwrap();
    let in_flight = states.lock().unwrap()[0].clone();
    let key = in_flight.in_flight.as_ref().and_then(|f| f.idempotency_key.clone()).unwrap();
    assert!(key.starts_with("create-or-find.create."), "{key}");
    let requests = s.received_requests().await.unwrap();
    assert_eq!(requests[2].headers.get("idempotency-key").unwrap().to_str().unwrap(), key);
    let resumed = create_or_find::Workflow::resume(client(&s), in_flight).run().await.unwrap();
    assert_eq!(resumed.found.as_deref(), Some("Rex"));
    let requests = s.received_requests().await.unwrap();
    assert_eq!(requests[4].method.as_str(), "POST");
    assert_eq!(requests[4].headers.get("idempotency-key").unwrap().to_str().unwrap(), key);

    // 500 matches no `goto`; the reusable `giveUp` action ends the workflow as failed.
    let s = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&s)
        .await;
    let err = create_or_find::Workflow::new(client(&s), inputs).run().await.unwrap_err();
    assert!(matches!(err, WorkflowError::Ended { action: "giveUp", status: Some(500), .. }), "{err}");
}

async fn refresh_and_retry() {
    let s = MockServer::start().await;
    login_mock(&s).await;
    Mock::given(method("GET"))
        .and(path("/pets/7"))
        .respond_with(ResponseTemplate::new(401))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 7, "name": "Rex"})))
        .mount(&s)
        .await;
    let clock = ManualClock::new();
    let c = pets::Client::builder()
        .base_url(&s.uri())
        .runtime(|r| r.clock(clock.clone()))
        .build()
        .unwrap();
    let out = refresh_and_retry::Workflow::new(
        c,
        refresh_and_retry::Inputs { user: Some("ada".into()), password: Some("pw".into()), pet_id: Some(7) },
    )
    .run()
    .await
    .unwrap();
    assert_eq!(out.name.as_deref(), Some("Rex"));
    // get (401) → relogin → get again (200) → relogin (its `end` criterion now holds).
    assert_eq!(sequence(&s).await, ["GET /pets/7", "POST /login", "GET /pets/7", "POST /login"]);
    assert_eq!(clock.sleeps(), vec![std::time::Duration::from_millis(250)]);
}

async fn nested() {
    let s = MockServer::start().await;
    login_mock(&s).await;
    Mock::given(method("POST"))
        .and(path("/pets"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"id": 9, "name": "Rex"})))
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .and(query_param("status", "sold"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [{"id": 9, "name": "Rex"}], "total": 1})))
        .mount(&s)
        .await;
    let out = nested::Workflow::new(
        client(&s),
        nested::Inputs {
            user: Some("ada".into()),
            password: Some("pw".into()),
            name: Some("Rex".into()),
            tag: Some("x".into()),
            pet_id: Some(9),
        },
    )
    .run()
    .await
    .unwrap();
    assert_eq!(out.token.as_deref(), Some("t1"));
    assert_eq!(out.created, Some(9));
    // dependsOn first (create), then the sub-workflow (login, list).
    assert_eq!(sequence(&s).await, ["POST /pets", "POST /login", "GET /pets"]);
}

async fn inspect_mocks(server: &MockServer, pet: ResponseTemplate) {
    login_mock(server).await;
    Mock::given(method("GET")).and(path("/pets/7")).respond_with(pet).mount(server).await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .and(header("X-Session", "s-1"))
        .and(query_param("status", "sold"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [], "total": 3})))
        .mount(server)
        .await;
}

async fn inspect_run(pet: ResponseTemplate) -> Result<inspect::Outputs, WorkflowError> {
    let s = MockServer::start().await;
    inspect_mocks(&s, pet).await;
    let inputs = inspect::Inputs { pet_id: Some(7), status: Some("sold".into()) };
    inspect::Workflow::new(client(&s), inputs).run().await
}

async fn inspect() {
    let s = MockServer::start().await;
    inspect_mocks(&s, ResponseTemplate::new(200).set_body_json(json!({"id": 7, "name": "Rex"}))).await;
    let inputs = inspect::Inputs { pet_id: Some(7), status: Some("sold".into()) };
    let out = inspect::Workflow::new(client(&s), inputs.clone()).run().await.unwrap();
    assert_eq!(out.id, Some(7));
    // Moved by `run()` for one output, copied for the other: both are there.
    assert_eq!(out.same_id, Some(7));
    assert_eq!(out.name.as_deref(), Some("Rex"));
    assert_eq!(out.url, Some(format!("{}/pets/7", s.uri())));
    assert_eq!(out.total, Some(3));
    // `step()` hands out a copy and keeps the state; the outputs are the same.
    let mut wf = inspect::Workflow::new(client(&s), inputs);
    let stepped = loop {
        if let paragon_runtime::arazzo::Progress::Done(o) = wf.step().await.unwrap() {
            break o;
        }
    };
    assert_eq!(stepped, out);
    assert_eq!(wf.state().steps.get.as_ref().and_then(|g| g.id), Some(7));

    // A duplicated key: the last one wins, as in a parsed JSON tree.
    let dup = ResponseTemplate::new(200).set_body_raw(r#"{"id": 1, "name": "Rex", "id": 7}"#, "application/json");
    assert_eq!(inspect_run(dup).await.unwrap().id, Some(7));
    // `null` is a node, so `$.name` selects it, but it is not 'rex'.
    let null_name = ResponseTemplate::new(200).set_body_json(json!({"id": 7, "name": null}));
    let err = inspect_run(null_name).await.unwrap_err();
    assert!(matches!(&err, WorkflowError::StepFailed { step: "get", criterion, .. } if criterion == "$['name'] == 'rex'"), "{err}");
    // A missing member, or a body that is no object: `$.name` selects nothing.
    for body in [json!({"id": 7}), json!([{"name": "Rex"}])] {
        let err = inspect_run(ResponseTemplate::new(200).set_body_json(body)).await.unwrap_err();
        assert!(matches!(&err, WorkflowError::StepFailed { step: "get", criterion, .. } if criterion == "$.name"), "{err}");
    }
    // A member of the wrong type is an output error naming it.
    let bad = ResponseTemplate::new(200).set_body_json(json!({"id": "seven", "name": "Rex"}));
    let err = inspect_run(bad).await.unwrap_err();
    assert!(matches!(err, WorkflowError::Output { step: "get", output: "id", .. }), "{err}");
}

#[tokio::main]
async fn main() {
    login_and_list().await;
    create_or_find().await;
    refresh_and_retry().await;
    nested().await;
    inspect().await;
}
