//! `check_schemas` against a mock server: a response that breaks its schema is refused with the
//! JSON Pointer and keyword, a valid one decodes, and a constrained parameter is a newtype
//! built through `TryFrom`.

use paragon_golden::checked::{Client, Sku};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn serve(body: serde_json::Value) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/items/ABC-123"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(&server.uri()).build().unwrap();
    (server, client)
}

#[tokio::test]
async fn a_valid_response_decodes_and_an_invalid_one_names_pointer_and_keyword() {
    let sku = Sku::try_from("ABC-123".to_owned()).unwrap();
    assert!(Sku::try_from("abc-123".to_owned()).is_err());
    assert!(
        Sku::try_from("ABC-١٢٣".to_owned()).is_err(),
        "`\\d` is ASCII"
    );

    let (_s, client) = serve(json!({"sku": "ABC-123", "stock": 4, "price": 2.5})).await;
    let item = client.get_item(&sku).await.unwrap();
    assert_eq!(*item.stock, 4);
    assert_eq!(item.price.map(|p| *p), Some(2.5));

    for (body, expected) in [
        (
            json!({"sku": "ABC-123", "stock": -1}),
            "/stock: must be at least 0 (`minimum`)",
        ),
        (
            json!({"sku": "ABC-123", "stock": 1, "price": 0}),
            "/price: must be greater than 0 (`exclusiveMinimum`)",
        ),
        (
            json!({"sku": "nope", "stock": 1}),
            "/sku: does not match the pattern",
        ),
        (
            json!({"sku": "ABC-123", "stock": 1, "extra": true}),
            "/extra: is not a property the schema allows",
        ),
        (
            json!({"sku": "ABC-123", "stock": 1, "tags": ["a", "b", "c", "d"]}),
            "/tags: has 4 items; at most 3",
        ),
        (json!({"stock": 1}), "`sku` is missing (`required`)"),
    ] {
        let (_s, client) = serve(body).await;
        let err = client.get_item(&sku).await.unwrap_err().to_string();
        assert!(err.contains(expected), "{expected}: {err}");
    }
    // `nullable: true` (OpenAPI 3.0) is read as 3.1's type list.
    let (_s, client) = serve(json!({"sku": "ABC-123", "stock": 0, "price": null})).await;
    assert!(client.get_item(&sku).await.unwrap().price.is_none());
}
