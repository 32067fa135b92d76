//! A step sends its parameters as its operation declares them (matrix, form without explode,
//! deepObject, exploded header objects), as the operation's own client function does; an
//! `x-operation` step sends to its URL with no credentials and reads the untyped response.

use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

paragon_macros::paragon_workflow!("../fixtures/requests.arazzo.yml", allow_path("../fixtures"));

#[tokio::main]
async fn main() {
    let api = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/items/;ids=1;ids=2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"count": 2})))
        .mount(&api)
        .await;
    let health = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/health/catalog%20api"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
        .mount(&health)
        .await;
    let client = catalog::Client::builder().base_url(&api.uri()).build().unwrap();
    let inputs = find::Inputs { health: health.uri() };
    let out = find::Workflow::new(client.clone(), inputs).run().await.unwrap();
    assert_eq!(out.count, Some(2));
    assert_eq!(out.ok, Some(json!(true)));
    // `$url` is the URL without its query, as for operation steps.
    let expected_url = format!("{}/health/catalog%20api", health.uri());
    assert_eq!(out.url.as_deref(), Some(expected_url.as_str()));

    // The step's request is the one the client function writes for the same values.
    let sent = &api.received_requests().await.unwrap()[0];
    let query = sent.url.query().unwrap_or_default().to_owned();
    assert_eq!(query, "tags=red,blue&filter[kind]=book&filter[lang]=en", "{query}");
    assert_eq!(sent.headers["x-ids"], "a=1,b=2");
    assert_eq!(sent.headers["accept"], "application/json");
    let filter: std::collections::BTreeMap<String, String> =
        [("kind".into(), "book".into()), ("lang".into(), "en".into())].into();
    let options = catalog::FindItemsOptions {
        tags: Some(vec!["red".into(), "blue".into()]),
        filter: Some(filter),
        x_ids: Some([("a".to_owned(), 1), ("b".to_owned(), 2)].into()),
    };
    client.find_items(&[1, 2], &options).await.unwrap();
    let by_client = &api.received_requests().await.unwrap()[1];
    assert_eq!(by_client.url.path(), sent.url.path());
    assert_eq!(by_client.url.query(), sent.url.query());
    assert_eq!(by_client.headers["x-ids"], sent.headers["x-ids"]);

    // The x-operation request carried no credentials and no operation's `Accept`.
    let sent = &health.received_requests().await.unwrap()[0];
    assert!(!sent.headers.contains_key("authorization"));
    assert_eq!(sent.url.query(), Some("verbose=true"));
}
