//! A binary response body as a step output is its exact bytes, through a saved and resumed
//! state; a text body is its text; a required path parameter whose value is absent fails its
//! step before anything is sent.

use paragon_runtime::arazzo::{Progress, WorkflowError};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

paragon_macros::paragon_workflow!("../fixtures/files.arazzo.yml", allow_path("../fixtures"));

#[tokio::main]
async fn main() {
    let s = MockServer::start().await;
    // Not UTF-8, not JSON: only bytes survive this.
    let bytes: Vec<u8> = vec![0x00, 0x9f, 0xff, b'\n', b'{', 0x80, 0x7f];
    Mock::given(method("GET"))
        .and(path("/files/a/content"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(bytes.clone(), "application/octet-stream"))
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/files/a/readme"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("hello\nworld", "text/plain"))
        .mount(&s)
        .await;
    Mock::given(method("GET"))
        .and(path("/files/a"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "a"})))
        .mount(&s)
        .await;
    let client = || files::Client::builder().base_url(&s.uri()).build().unwrap();

    // One step, then the state is saved as JSON and the workflow resumed from it.
    let mut wf = fetch::Workflow::new(client(), fetch::Inputs { id: "a".into() });
    assert!(matches!(wf.step().await.unwrap(), Progress::Continue));
    let saved = serde_json::to_string(wf.state()).unwrap();
    assert!(saved.contains(r#""bytes":"AJ//CnuAfw==""#), "{saved}");
    let state: fetch::State = serde_json::from_str(&saved).unwrap();
    let out = fetch::Workflow::resume(client(), state).run().await.unwrap();
    assert_eq!(out.bytes.as_deref(), Some(&bytes[..]));
    assert_eq!(out.text.as_deref(), Some("hello\nworld"));

    // `meta` answers without `next`: `content` fails before its request. The workflow run in
    // place keeps what `meta` recorded.
    let mut wf = follow::Workflow::new(client(), follow::Inputs { id: "a".into() });
    let err = wf.run_in_place().await.unwrap_err();
    assert!(wf.state().steps.meta.is_some());
    assert_eq!(wf.state().next, Some(follow::StepId::Content));
    match &err {
        WorkflowError::Request { step, message, .. } => {
            assert_eq!(*step, "content");
            assert!(message.contains("`id`"), "{message}");
            assert!(message.contains("$steps.meta.outputs.next"), "{message}");
        }
        other => panic!("expected a request error, got {other:?}"),
    }
    let seen: Vec<String> = s
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    // `content` once (the resumed state has its bytes), `readme`, then `follow`'s `meta` only.
    assert_eq!(seen, ["/files/a/content", "/files/a/readme", "/files/a"]);
}
