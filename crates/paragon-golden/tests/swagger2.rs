//! The client generated from a Swagger 2.0 document (`paragon-codegen/tests/fixtures/swagger2.json`)
//! against a mock server: the upgraded servers, security definitions, body and form parameters,
//! `collectionFormat`s and shared responses behave as the 2.0 text says.

use paragon_golden::swagger2::{
    Client, ListPetsOptions, ListPetsStatusItem, NewPet, NewPetKind, RenamePetBody, UploadPhotoBody,
};
use paragon_runtime::{Error, FilePart};
use serde_json::json;
use wiremock::matchers::{body_json, body_string, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(&format!("{}/v2", server.uri()))
        .api_key("secret-key")
        .basic("ann", "pw")
        .build()
        .unwrap()
}

#[test]
fn servers_come_from_host_base_path_and_schemes() {
    assert_eq!(
        paragon_golden::swagger2::DEFAULT_BASE_URL,
        "https://pets.example.com/v2"
    );
}

#[tokio::test]
async fn query_collection_formats_header_and_api_key() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/pets"))
        .and(header("x-api-key", "secret-key"))
        .and(header("x-request-id", "r-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"id": 1, "name": "Rex", "kind": "dog"},
            {"id": 2, "name": "Tom", "kind": "cat", "tag": null}
        ])))
        .expect(1)
        .mount(&server)
        .await;
    let options = ListPetsOptions {
        limit: Some(10),
        tags: Some(vec!["small".into(), "brown dog".into()]),
        status: Some(vec![
            ListPetsStatusItem::Available,
            ListPetsStatusItem::Sold,
        ]),
    };
    let pets = client(&server).list_pets("r-1", &options).await.unwrap();
    assert_eq!(pets.len(), 2);
    assert_eq!(pets[0].kind, Some(NewPetKind::Dog));
    assert_eq!(pets[1].tag, None);
    let reqs = server.received_requests().await.unwrap();
    // `csv` is one comma-joined value, `multi` one pair per value.
    assert_eq!(
        reqs[0].url.query(),
        Some("limit=10&tags=small,brown%20dog&status=available&status=sold")
    );
}

#[tokio::test]
async fn a_body_parameter_is_the_json_request_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/pets"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"name": "Rex", "kind": "dog"})))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"id": 7, "name": "Rex"})))
        .expect(1)
        .mount(&server)
        .await;
    let pet = client(&server)
        .create_pet(&NewPet {
            name: "Rex".into(),
            tag: None,
            kind: Some(NewPetKind::Dog),
        })
        .await
        .unwrap();
    assert_eq!(pet.id, 7);
}

#[tokio::test]
async fn basic_auth_and_a_shared_error_response() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/pets/9"))
        .and(header("authorization", "Basic YW5uOnB3"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"code": 404, "message": "no pet 9"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    match client(&server).get_pet(9).await {
        Err(Error::Status(e)) => {
            assert_eq!(e.status.as_u16(), 404);
            assert!(String::from_utf8_lossy(&e.body).contains("no pet 9"));
        }
        other => panic!("expected the documented 404, got {other:?}"),
    }
}

#[tokio::test]
async fn form_data_with_a_file_is_multipart_and_without_one_is_urlencoded() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/v2/pets/3/name"))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(body_string("name=Rex+II"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 3, "name": "Rex II"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2/pets/3/photo"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 3, "name": "Rex"})))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    let renamed = c
        .rename_pet(
            3,
            &RenamePetBody {
                name: "Rex II".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.name, "Rex II");
    let photo = UploadPhotoBody {
        file: FilePart::new(b"\x89PNG".to_vec())
            .file_name("rex.png")
            .content_type("image/png"),
        note: Some("at the beach".into()),
    };
    c.upload_photo(3, &photo).await.unwrap();
    let reqs = server.received_requests().await.unwrap();
    let upload = reqs
        .iter()
        .find(|r| r.url.path().ends_with("/photo"))
        .unwrap();
    let ct = upload
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(ct.starts_with("multipart/form-data; boundary="), "{ct}");
    let body = String::from_utf8_lossy(&upload.body);
    assert!(
        body.contains(
            "name=\"file\"; filename=\"rex.png\"\r\nContent-Type: image/png\r\n\r\n\u{FFFD}PNG\r\n"
        ),
        "{body}"
    );
    assert!(
        body.contains("name=\"note\"\r\n\r\nat the beach\r\n"),
        "{body}"
    );
}
