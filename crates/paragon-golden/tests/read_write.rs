//! `readOnly`/`writeOnly` against a mock server: the caller sends an account without inventing
//! its `id` or `createdAt`, and reads one back without a `password` to expect.

use paragon_golden::read_write::{AccountRequest, Client};
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn a_request_sends_no_read_only_member_and_a_response_needs_no_write_only_one() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/accounts"))
        .and(body_json(
            json!({"email": "ann@example.com", "password": "s3cret"}),
        ))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "id": "acc_1",
            "email": "ann@example.com",
            "createdAt": "2026-12-05T08:00:00Z"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(&server.uri()).build().unwrap();
    let created = client
        .create_account(&AccountRequest {
            email: "ann@example.com".into(),
            password: "s3cret".into(),
            label: None,
        })
        .await
        .unwrap();
    assert_eq!(created.id, "acc_1");
    assert_eq!(created.created_at.to_string(), "2026-12-05T08:00:00Z");
}

/// A schema whose members are all `writeOnly` reads back as a struct with none, whatever the
/// server echoes.
#[tokio::test]
async fn a_response_shape_without_members_reads_any_object() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/activations"))
        .and(body_json(json!({"token": "t0k"})))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"token": "t0k", "at": 1})))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(&server.uri()).build().unwrap();
    let activated = client
        .activate(&paragon_golden::read_write::ActivationRequest {
            token: Some("t0k".into()),
        })
        .await
        .unwrap();
    assert_eq!(activated, paragon_golden::read_write::Activation {});
}
