//! End-to-end tests against a local wiremock server.

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt as _;
use paragon_runtime::reqwest::{Method, StatusCode};
use paragon_runtime::{
    ApiKeyLocation, Client, Credential, Error, ManualClock, RateLimit, RetryPolicy, SchemeKind,
    SecurityScheme, paginate, path_param,
};
use serde::Deserialize;
use serde_json::json;
use wiremock::matchers::{basic_auth, bearer_token, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SCHEMES: &[SecurityScheme] = &[
    SecurityScheme {
        name: "bearerAuth",
        kind: SchemeKind::Bearer,
    },
    SecurityScheme {
        name: "basicAuth",
        kind: SchemeKind::Basic,
    },
    SecurityScheme {
        name: "headerKey",
        kind: SchemeKind::ApiKey {
            location: ApiKeyLocation::Header,
            name: "X-API-Key",
        },
    },
    SecurityScheme {
        name: "queryKey",
        kind: SchemeKind::ApiKey {
            location: ApiKeyLocation::Query,
            name: "api_key",
        },
    },
    SecurityScheme {
        name: "cookieKey",
        kind: SchemeKind::ApiKey {
            location: ApiKeyLocation::Cookie,
            name: "session",
        },
    },
];

fn client_with(base: &str, clock: &Arc<ManualClock>) -> paragon_runtime::ClientBuilder {
    Client::builder(base).clock(clock.clone())
}

async fn ok_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    server
}

async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}

#[tokio::test]
async fn path_is_joined_and_params_percent_encoded() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/items/a%2F..%2Fb%3Fx/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
        .expect(2)
        .mount(&server)
        .await;
    let clock = ManualClock::new();
    for base in [
        format!("{}/api", server.uri()),
        format!("{}/api/", server.uri()),
    ] {
        let client = client_with(&base, &clock).build().unwrap();
        let p = format!("/items/{}/{}", path_param("a/../b?x"), path_param(&7));
        let resp = client.request(Method::GET, &p).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let body: serde_json::Value = resp.json().await.unwrap().into_body();
        assert_eq!(body, json!({"ok": true}));
    }
}

#[tokio::test]
async fn dot_segments_are_refused() {
    let server = ok_server().await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let err = client
        .request(Method::GET, "/items/../admin")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err}");
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn query_arrays_objects_and_none() {
    let server = ok_server().await;
    let client = Client::builder(&server.uri()).build().unwrap();
    client
        .request(Method::GET, "/search")
        .query("tags", &["a b", "c&d"])
        .query("limit", &Some(5))
        .query("missing", &None::<u32>)
        .query("exact", &true)
        // `form`, exploded: an object is one pair per member (OpenAPI's default style).
        .query("filter", &json!({"x": 1, "y": null}))
        .send()
        .await
        .unwrap();
    let reqs = received(&server).await;
    assert_eq!(reqs.len(), 1);
    let pairs: Vec<(String, String)> = reqs[0].url.query_pairs().into_owned().collect();
    let expected: Vec<(String, String)> = [
        ("tags", "a b"),
        ("tags", "c&d"),
        ("limit", "5"),
        ("exact", "true"),
        ("x", "1"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    assert_eq!(pairs, expected);
}

#[tokio::test]
async fn headers_cookies_and_bodies() {
    let server = ok_server().await;
    let client = Client::builder(&server.uri())
        .user_agent("my-agent/1")
        .build()
        .unwrap();
    client
        .request(Method::POST, "/things")
        .header("X-Ids", &[1, 2, 3])
        .header("X-Skip", &None::<String>)
        .cookie("lang", &"en")
        .cookie("theme", &"dark mode")
        .accept("application/json")
        .json(&json!({"name": "n"}))
        .send()
        .await
        .unwrap();
    client
        .request(Method::PUT, "/form")
        .form(&json!({"a": "x y", "b": [1, 2], "c": null}))
        .send()
        .await
        .unwrap();
    client
        .request(Method::PUT, "/raw")
        .body_bytes(
            "application/octet-stream",
            bytes::Bytes::from_static(b"\x00\x01"),
        )
        .send()
        .await
        .unwrap();
    let reqs = received(&server).await;
    assert_eq!(reqs.len(), 3);
    let h = |i: usize, name: &str| {
        reqs[i]
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(h(0, "x-ids").as_deref(), Some("1,2,3"));
    assert_eq!(h(0, "x-skip"), None);
    assert_eq!(
        h(0, "cookie").as_deref(),
        Some("lang=en; theme=dark%20mode")
    );
    assert_eq!(h(0, "accept").as_deref(), Some("application/json"));
    assert_eq!(h(0, "content-type").as_deref(), Some("application/json"));
    assert_eq!(h(0, "user-agent").as_deref(), Some("my-agent/1"));
    assert_eq!(reqs[0].body, br#"{"name":"n"}"#);
    assert_eq!(
        h(1, "content-type").as_deref(),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(reqs[1].body, b"a=x+y&b=1&b=2");
    assert_eq!(
        h(2, "content-type").as_deref(),
        Some("application/octet-stream")
    );
    assert_eq!(reqs[2].body, b"\x00\x01");
}

#[tokio::test]
async fn invalid_header_value_is_reported_at_send() {
    let server = ok_server().await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let err = client
        .request(Method::GET, "/x")
        .header("X-Bad", &"line\nbreak")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err}");
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn bearer_from_first_satisfiable_alternative() {
    let server = MockServer::start().await;
    Mock::given(bearer_token("tok"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder(&server.uri())
        .credential("bearerAuth", Credential::Bearer("tok".into()))
        .build()
        .unwrap();
    // "basicAuth" has no credential, so the second alternative applies.
    let resp = client
        .request(Method::GET, "/me")
        .security(SCHEMES, &[&["basicAuth"], &["bearerAuth"]])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
}

#[tokio::test]
async fn first_alternative_wins_when_several_are_satisfiable() {
    let server = MockServer::start().await;
    Mock::given(basic_auth("bob", "pw"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder(&server.uri())
        .credential("bearerAuth", Credential::Bearer("tok".into()))
        .credential(
            "basicAuth",
            Credential::Basic {
                username: "bob".into(),
                password: "pw".into(),
            },
        )
        .build()
        .unwrap();
    let resp = client
        .request(Method::GET, "/me")
        .security(SCHEMES, &[&["basicAuth"], &["bearerAuth"]])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
}

#[tokio::test]
async fn api_keys_in_header_query_and_cookie() {
    let server = ok_server().await;
    let client = Client::builder(&server.uri())
        .credential("headerKey", Credential::ApiKey("hk".into()))
        .credential("queryKey", Credential::ApiKey("qk".into()))
        .credential("cookieKey", Credential::ApiKey("ck".into()))
        .build()
        .unwrap();
    client
        .request(Method::GET, "/a")
        .cookie("lang", &"en")
        .security(
            SCHEMES,
            &[&["bearerAuth"], &["headerKey", "queryKey", "cookieKey"]],
        )
        .send()
        .await
        .unwrap();
    let reqs = received(&server).await;
    assert_eq!(reqs.len(), 1);
    let r = &reqs[0];
    assert_eq!(
        r.headers.get("x-api-key").map(|v| v.as_bytes()),
        Some(&b"hk"[..])
    );
    assert_eq!(r.url.query(), Some("api_key=qk"));
    assert_eq!(
        r.headers.get("cookie").map(|v| v.as_bytes()),
        Some(&b"lang=en; session=ck"[..])
    );
    assert!(r.headers.get("authorization").is_none());
}

#[tokio::test]
async fn no_auth_without_credentials_or_with_empty_alternative() {
    let server = ok_server().await;
    let bare = Client::builder(&server.uri()).build().unwrap();
    bare.request(Method::GET, "/a")
        .security(SCHEMES, &[&["bearerAuth"], &["queryKey"]])
        .send()
        .await
        .unwrap();
    let with_cred = Client::builder(&server.uri())
        .credential("bearerAuth", Credential::Bearer("tok".into()))
        .build()
        .unwrap();
    // An empty alternative first means "no auth needed".
    with_cred
        .request(Method::GET, "/b")
        .security(SCHEMES, &[&[], &["bearerAuth"]])
        .send()
        .await
        .unwrap();
    // A credential of the wrong kind does not satisfy a basic scheme.
    with_cred
        .request(Method::GET, "/c")
        .security(SCHEMES, &[&["basicAuth"]])
        .send()
        .await
        .unwrap();
    let reqs = received(&server).await;
    assert_eq!(reqs.len(), 3);
    for r in &reqs {
        assert!(r.headers.get("authorization").is_none(), "{}", r.url);
        assert!(r.url.query().is_none(), "{}", r.url);
    }
}

#[tokio::test]
async fn retry_after_429_then_success() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "2"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("done"))
        .mount(&server)
        .await;
    let clock = ManualClock::new();
    let client = client_with(&server.uri(), &clock).build().unwrap();
    let resp = client.request(Method::GET, "/r").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.text().await.unwrap().body, "done");
    assert_eq!(clock.sleeps(), [Duration::from_secs(2)]);
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn post_429_is_retried_with_body_and_fractional_retry_after() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "0.25"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201))
        .mount(&server)
        .await;
    let clock = ManualClock::new();
    let client = client_with(&server.uri(), &clock).build().unwrap();
    let resp = client
        .request(Method::POST, "/r")
        .json(&json!({"k": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    assert_eq!(clock.sleeps(), [Duration::from_millis(250)]);
    let reqs = received(&server).await;
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[1].body, br#"{"k":1}"#);
}

#[tokio::test]
async fn retry_after_http_date_uses_clock_wall_time() {
    let clock = ManualClock::new();
    let at = paragon_runtime::Clock::wall_now(&*clock) + Duration::from_secs(7);
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(503).insert_header("Retry-After", httpdate::fmt_http_date(at)),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let client = client_with(&server.uri(), &clock).build().unwrap();
    let resp = client.request(Method::GET, "/r").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(clock.sleeps(), [Duration::from_secs(7)]);
}

#[tokio::test]
async fn post_503_is_not_retried_but_get_503_is() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .expect(2)
        .mount(&server)
        .await;
    let clock = ManualClock::new();
    let client = client_with(&server.uri(), &clock)
        .retry_policy(RetryPolicy {
            max_retries: 1,
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let resp = client.request(Method::POST, "/p").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(clock.sleeps().is_empty());
    let resp = client.request(Method::GET, "/g").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(clock.sleeps(), [Duration::from_millis(500)]);
}

#[tokio::test]
async fn retries_are_bounded_and_last_429_returned() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).set_body_string("slow down"))
        .mount(&server)
        .await;
    let clock = ManualClock::new();
    let client = client_with(&server.uri(), &clock)
        .retry_policy(RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(3),
            max_retry_after: Duration::from_secs(60),
        })
        .build()
        .unwrap();
    let resp = client.request(Method::GET, "/r").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(received(&server).await.len(), 4);
    assert_eq!(clock.sleeps(), [1, 2, 3].map(Duration::from_secs));
    assert_eq!(resp.text().await.unwrap().body, "slow down");

    let none = client_with(&server.uri(), &clock)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let resp = none.request(Method::GET, "/r").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(received(&server).await.len(), 5);
}

#[tokio::test]
async fn retry_after_above_cap_is_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "300"))
        .mount(&server)
        .await;
    let clock = ManualClock::new();
    let client = client_with(&server.uri(), &clock).build().unwrap();
    let resp = client.request(Method::GET, "/r").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(received(&server).await.len(), 1);
    assert!(clock.sleeps().is_empty());
}

#[tokio::test]
async fn rate_limit_makes_third_request_wait() {
    let server = ok_server().await;
    let clock = ManualClock::new();
    let client = client_with(&server.uri(), &clock)
        .rate_limit(RateLimit::new(2, Duration::from_secs(10)))
        .build()
        .unwrap();
    for _ in 0..2 {
        client.request(Method::GET, "/x").send().await.unwrap();
    }
    assert!(clock.sleeps().is_empty());
    // Clones share the limit.
    client
        .clone()
        .request(Method::GET, "/x")
        .send()
        .await
        .unwrap();
    assert_eq!(clock.sleeps(), [Duration::from_secs(10)]);
    assert_eq!(clock.elapsed(), Duration::from_secs(10));
    assert_eq!(received(&server).await.len(), 3);
}

#[tokio::test]
async fn request_url_refuses_other_origins() {
    let server = ok_server().await;
    let client = Client::builder(&format!("{}/api", server.uri()))
        .credential("bearerAuth", Credential::Bearer("tok".into()))
        .build()
        .unwrap();
    let other_port = server.uri().replace("127.0.0.1", "localhost");
    for url in [
        "https://evil.example/steal".to_owned(),
        format!("{other_port}/api/x"),
        "//evil.example/x".to_owned(),
    ] {
        let err = client
            .request_url(Method::GET, &url)
            .security(SCHEMES, &[&["bearerAuth"]])
            .send()
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{url}: {err}");
    }
    assert!(received(&server).await.is_empty());

    client
        .request_url(Method::GET, &format!("{}/api/items?page=2", server.uri()))
        .query("extra", &1)
        .send()
        .await
        .unwrap();
    client
        .request_url(Method::GET, "/api/items?page=3")
        .send()
        .await
        .unwrap();
    let reqs = received(&server).await;
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].url.query(), Some("page=2&extra=1"));
    assert_eq!(reqs[1].url.path(), "/api/items");
    assert_eq!(reqs[1].url.query(), Some("page=3"));
}

#[derive(Debug, Deserialize, PartialEq)]
struct Thing {
    id: u32,
}

#[tokio::test]
async fn decode_error_carries_status_and_raw_body() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("X-Trace", "t1")
                .set_body_string("{\"id\": \"nope\"}"),
        )
        .mount(&server)
        .await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let resp = client.request(Method::GET, "/t").send().await.unwrap();
    let err = resp.json::<Thing>().await.unwrap_err();
    let Error::Decode { response, message } = &err else {
        panic!("expected a decode error, got {err:?}");
    };
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(&response.body[..], b"{\"id\": \"nope\"}");
    assert_eq!(
        response.headers.get("x-trace").map(|v| v.as_bytes()),
        Some(&b"t1"[..])
    );
    assert!(message.contains("line 1 column"), "{message}");
    assert_eq!(err.status(), Some(StatusCode::OK));
    let shown = err.to_string();
    assert!(shown.contains("200") && shown.contains("nope"), "{shown}");
}

#[tokio::test]
async fn empty_body_decodes_as_unit_and_none() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let send = || client.request(Method::GET, "/e").send();
    let unit = send().await.unwrap().json::<()>().await.unwrap();
    assert_eq!(unit.status, StatusCode::NO_CONTENT);
    let none = send().await.unwrap().json::<Option<Thing>>().await.unwrap();
    assert_eq!(none.into_body(), None);
    let empty = send().await.unwrap().empty().await.unwrap();
    assert_eq!(empty.status, StatusCode::NO_CONTENT);
    // A required value still fails, with a decode error.
    let err = send().await.unwrap().json::<Thing>().await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err}");
}

#[tokio::test]
async fn unexpected_and_documented_statuses() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(418).set_body_string("short and stout"))
        .mount(&server)
        .await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let err = client
        .request(Method::GET, "/tea")
        .send()
        .await
        .unwrap()
        .unexpected()
        .await;
    assert!(matches!(err, Error::UnexpectedStatus(_)));
    assert_eq!(err.status(), Some(StatusCode::IM_A_TEAPOT));
    assert!(err.to_string().contains("short and stout"), "{err}");

    let resp = client
        .request(Method::GET, "/tea")
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let body = resp.body.clone();
    let err = Error::documented(resp.map(|_| "typed"), body);
    let Error::Status(r) = &err else {
        panic!("expected Status, got {err:?}");
    };
    assert_eq!(r.status, StatusCode::IM_A_TEAPOT);
    assert_eq!(&r.body[..], b"short and stout");
}

#[tokio::test]
async fn byte_stream_collects_whole_body() {
    let payload: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(payload.clone()))
        .mount(&server)
        .await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let resp = client
        .request(Method::GET, "/dl")
        .send()
        .await
        .unwrap()
        .stream();
    assert_eq!(resp.status, StatusCode::OK);
    assert!(format!("{:?}", resp.body).contains("ByteStream"));
    let got = resp.body.collect().await.unwrap();
    assert_eq!(&got[..], &payload[..]);

    // And chunk by chunk through the Stream impl.
    let mut stream = client
        .request(Method::GET, "/dl")
        .send()
        .await
        .unwrap()
        .stream()
        .into_body();
    let mut total = 0;
    while let Some(chunk) = stream.next().await {
        total += chunk.unwrap().len();
    }
    assert_eq!(total, payload.len());
}

#[derive(Debug, Deserialize)]
struct Page {
    data: Vec<u32>,
    next: Option<String>,
}

async fn get_page(client: &Client, cursor: Option<&str>) -> Result<Page, Error> {
    let resp = client
        .request(Method::GET, "/items")
        .query("cursor", &cursor)
        .send()
        .await?;
    Ok(resp.json::<Page>().await?.into_body())
}

async fn mount_page(server: &MockServer, cursor: Option<&str>, body: serde_json::Value) {
    let mock = match cursor {
        Some(c) => Mock::given(query_param("cursor", c)),
        None => Mock::given(wiremock::matchers::query_param_is_missing("cursor")),
    };
    mock.and(path("/items"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(server)
        .await;
}

fn pages<'a>(client: &'a Client) -> futures_util::stream::BoxStream<'a, Result<u32, Error>> {
    let c = client.clone();
    paginate(
        get_page(client, None),
        |page: &Page| page.next.clone(),
        move |cursor: String| {
            let c = c.clone();
            async move { get_page(&c, Some(&cursor)).await }
        },
        |page: Page| page.data,
    )
}

#[tokio::test]
async fn pagination_walks_three_pages() {
    let server = MockServer::start().await;
    mount_page(&server, None, json!({"data": [1, 2], "next": "c2"})).await;
    mount_page(&server, Some("c2"), json!({"data": [], "next": "c3"})).await;
    mount_page(
        &server,
        Some("c3"),
        json!({"data": [3, 4, 5], "next": null}),
    )
    .await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let items: Vec<u32> = pages(&client).map(Result::unwrap).collect().await;
    assert_eq!(items, [1, 2, 3, 4, 5]);
    assert_eq!(received(&server).await.len(), 3);
}

#[tokio::test]
async fn pagination_stops_on_repeated_cursor() {
    let server = MockServer::start().await;
    mount_page(&server, None, json!({"data": [1], "next": "c2"})).await;
    mount_page(&server, Some("c2"), json!({"data": [2], "next": "c2"})).await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let results: Vec<Result<u32, Error>> = pages(&client).collect().await;
    assert_eq!(results.len(), 3, "{results:?}");
    assert_eq!(results[0].as_ref().ok(), Some(&1));
    assert_eq!(results[1].as_ref().ok(), Some(&2));
    assert!(matches!(results[2], Err(Error::RepeatedCursor)));
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn pagination_ends_after_an_error() {
    let server = MockServer::start().await;
    mount_page(&server, None, json!({"data": [1], "next": "c2"})).await;
    mount_page(&server, Some("c2"), json!({"oops": true})).await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let results: Vec<Result<u32, Error>> = pages(&client).collect().await;
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(matches!(results[1], Err(Error::Decode { .. })));
}

#[test]
fn credential_debug_redacts_secrets() {
    let shown = format!(
        "{:?}",
        [
            Credential::Bearer("s3cret-token".into()),
            Credential::ApiKey("s3cret-key".into()),
            Credential::Basic {
                username: "bob".into(),
                password: "s3cret-pw".into(),
            },
        ]
    );
    assert!(!shown.contains("s3cret"), "{shown}");
    let client = Client::builder("https://example.invalid")
        .credential("bearerAuth", Credential::Bearer("s3cret-token".into()))
        .build()
        .unwrap();
    let shown = format!("{client:?}");
    assert!(!shown.contains("s3cret"), "{shown}");
    assert!(shown.contains("bearerAuth"), "{shown}");
}

#[tokio::test]
async fn transport_error_display_hides_credentials() {
    // A port nobody listens on.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let clock = ManualClock::new();
    let client = client_with(&format!("http://{addr}/api"), &clock)
        .credential("bearerAuth", Credential::Bearer("s3cret-token".into()))
        .credential("queryKey", Credential::ApiKey("s3cret-key".into()))
        .build()
        .unwrap();
    let err = client
        .request(Method::GET, "/x")
        .security(SCHEMES, &[&["bearerAuth", "queryKey"]])
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    let shown = format!("{err} / {err:?}");
    assert!(!shown.contains("s3cret"), "{shown}");
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn send_future_is_send() {
    fn assert_send<T: Send>(_: &T) {}
    let client = Client::builder("https://example.invalid").build().unwrap();
    let fut = client.request(Method::GET, "/x").send();
    assert_send(&fut);
    let raw_json = async move {
        let resp = fut.await?;
        resp.json::<serde_json::Value>().await
    };
    assert_send(&raw_json);
}

#[tokio::test]
async fn cross_origin_redirect_is_not_followed() {
    let target = ok_server().await;
    let server = MockServer::start().await;
    Mock::given(path("/same"))
        .respond_with(ResponseTemplate::new(302).insert_header("Location", "/final"))
        .mount(&server)
        .await;
    Mock::given(path("/final"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    Mock::given(path("/away"))
        .respond_with(
            ResponseTemplate::new(302).insert_header("Location", format!("{}/x", target.uri())),
        )
        .mount(&server)
        .await;
    let client = Client::builder(&server.uri())
        .credential("headerKey", Credential::ApiKey("s3cret".into()))
        .build()
        .unwrap();
    let send = |p: &'static str| {
        client
            .request(Method::GET, p)
            .security(SCHEMES, &[&["headerKey"]])
            .send()
    };
    assert_eq!(send("/same").await.unwrap().status(), StatusCode::OK);
    assert_eq!(send("/away").await.unwrap().status(), StatusCode::FOUND);
    assert!(received(&target).await.is_empty());
}

#[tokio::test]
async fn a_response_made_elsewhere_decodes_like_a_sent_one() {
    #[derive(Debug, Deserialize, PartialEq)]
    struct Pet {
        id: u32,
    }
    let ok = paragon_runtime::http::Response::builder()
        .status(200)
        .header("x-trace", "t1")
        .body(r#"{"id": 7}"#)
        .unwrap();
    let raw = paragon_runtime::RawResponse::from(paragon_runtime::reqwest::Response::from(ok));
    let decoded = raw.json::<Pet>().await.unwrap();
    assert_eq!(decoded.body, Pet { id: 7 });
    assert_eq!(decoded.headers["x-trace"], "t1");
    let bad = paragon_runtime::http::Response::builder()
        .status(200)
        .body("{\"id\": \"seven\"}")
        .unwrap();
    let raw = paragon_runtime::RawResponse::from(paragon_runtime::reqwest::Response::from(bad));
    match raw.json::<Pet>().await {
        Err(paragon_runtime::Error::Decode { message, response }) => {
            assert!(message.contains("line 1"), "{message}");
            assert_eq!(&response.body[..], b"{\"id\": \"seven\"}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn pagination_stops_on_a_cursor_cycle() {
    // A → B → A: the cursor repeats one seen two pages before, not the previous one.
    let server = MockServer::start().await;
    mount_page(&server, None, json!({"data": [1], "next": "a"})).await;
    mount_page(&server, Some("a"), json!({"data": [2], "next": "b"})).await;
    mount_page(&server, Some("b"), json!({"data": [3], "next": "a"})).await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let results: Vec<Result<u32, Error>> = pages(&client).collect().await;
    assert_eq!(results.len(), 4, "{results:?}");
    assert_eq!(results[2].as_ref().ok(), Some(&3));
    assert!(matches!(results[3], Err(Error::RepeatedCursor)));
    assert_eq!(received(&server).await.len(), 3);
}

#[tokio::test]
async fn pagination_stops_at_the_page_cap() {
    let fetched = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = fetched.clone();
    // A server whose cursors never repeat.
    let stream = paragon_runtime::paginate_with(
        5,
        async { Ok(0u64) },
        |page: &u64| Some(page + 1),
        move |next: u64| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            async move { Ok(next) }
        },
        |page: u64| [page],
    );
    let results: Vec<Result<u64, Error>> = stream.collect().await;
    assert_eq!(results.len(), 6, "{results:?}");
    assert_eq!(results[4].as_ref().ok(), Some(&4));
    assert!(matches!(results[5], Err(Error::TooManyPages { limit: 5 })));
    assert_eq!(fetched.load(std::sync::atomic::Ordering::SeqCst), 4);
}

/// What a generated operation returns: `request.call(read)` owns everything it needs (the
/// client and the request builder can be dropped, the future spawned), runs `read` on the
/// whole response, and never calls `read` when the request fails before an answer.
#[tokio::test]
async fn a_call_owns_its_request_and_reads_the_answer_once() {
    fn assert_spawnable<F: std::future::Future + Send + Unpin + 'static>(f: F) -> F {
        f
    }
    fn read(raw: paragon_runtime::Received) -> Result<(u16, String), Error> {
        let status = raw.status().as_u16();
        Ok((status, raw.text()?.body))
    }
    let server = MockServer::start().await;
    Mock::given(path("/hello"))
        .respond_with(ResponseTemplate::new(201).set_body_string("hi"))
        .mount(&server)
        .await;
    let client = Client::builder(&server.uri()).build().unwrap();
    let call = assert_spawnable(client.request(Method::GET, "/hello").call(read));
    drop(client);
    let answer = tokio::spawn(call).await.unwrap().unwrap();
    assert_eq!(answer, (201, "hi".to_owned()));

    // An invalid request ends before `read`: its error is the call's.
    fn never(_: paragon_runtime::Received) -> Result<(), Error> {
        panic!("read must not run without a response")
    }
    let client = Client::builder(&server.uri()).build().unwrap();
    let err = client
        .request(Method::GET, "/x")
        .header("X-Bad", &"line\nbreak")
        .call(never)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
}
