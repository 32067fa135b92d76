//! The kitchen-sink client against a mock server, for what its golden file alone cannot show.

use paragon_golden::kitchen_sink::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// `{+name}` (RFC 6570 reserved expansion, as Google's descriptions write resource names) keeps
/// the value's slashes in the path, and still escapes what would end the path.
#[tokio::test]
async fn a_reserved_path_parameter_keeps_its_slashes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/resources/accounts/1/items/a%3Fb:summary"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(&format!("{}/v1", server.uri()))
        .build()
        .unwrap();
    client.summarize("accounts/1/items/a?b").await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        requests[0].url.path(),
        "/v1/resources/accounts/1/items/a%3Fb:summary"
    );
    assert_eq!(requests[0].url.query(), None);
}
