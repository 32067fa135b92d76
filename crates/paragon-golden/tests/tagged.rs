//! The `tagged` client built with its `pets` feature alone: the operations of that tag (`adopt`
//! is in two tags) and the types they reach work; the rest is not compiled (see the golden test
//! in paragon-codegen for the gates).

use paragon_golden::tagged::{Adoption, Client, Kind, ListPetsOptions, Owner, Pet, Tag};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_operations_of_the_enabled_tag_work() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .and(query_param("kind", "cat"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([{"name": "Tom", "kind": "cat", "tag": 7}])),
        )
        .expect(1)
        .mount(&server)
        .await;
    let adoption = json!({"pet": {"name": "Tom", "tag": "striped"}, "owner": {"name": "Ann"}});
    Mock::given(method("POST"))
        .and(path("/adoptions"))
        .and(body_json(adoption.clone()))
        .respond_with(ResponseTemplate::new(201).set_body_json(adoption))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(&server.uri()).build().unwrap();
    let pets = client
        .list_pets(&ListPetsOptions {
            kind: Some(Kind::Cat),
        })
        .await
        .unwrap();
    assert_eq!(pets.len(), 1);
    assert_eq!(pets[0].name, "Tom");
    assert!(
        matches!(pets[0].tag, Some(Tag::Integer(7))),
        "{:?}",
        pets[0].tag
    );
    let adopted = client
        .adopt(&Adoption {
            pet: Pet {
                name: "Tom".into(),
                kind: None,
                tag: Some(Tag::String("striped".into())),
            },
            owner: Owner {
                name: Some("Ann".into()),
            },
        })
        .await
        .unwrap();
    assert_eq!(adopted.owner.name.as_deref(), Some("Ann"));
}
