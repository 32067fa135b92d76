//! Hostile servers: one that never answers, one that stalls its body, one that sends more than the
//! client will hold. Each call ends with a typed error, within its limit.

use std::time::{Duration, Instant};

use paragon_runtime::reqwest::Method;
use paragon_runtime::{Client, Error, Limits};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpListener;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A server on loopback that reads each request, writes `head` (if any), then keeps the
/// connection open without another byte.
async fn silent_server(head: &'static [u8]) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = socket.read(&mut buf).await;
                let _ = socket.write_all(head).await;
                tokio::time::sleep(Duration::from_secs(60)).await;
                drop(socket);
            });
        }
    });
    format!("http://{addr}")
}

fn limits(total_ms: u64, idle_ms: u64, max_body_bytes: usize) -> Limits {
    Limits {
        total: Duration::from_millis(total_ms),
        read_idle: Duration::from_millis(idle_ms),
        max_body_bytes,
        ..Limits::default()
    }
}

#[test]
fn defaults_never_wait_forever() {
    let l = Limits::default();
    assert_eq!(l.connect, Duration::from_secs(10));
    assert_eq!(l.read_idle, Duration::from_secs(30));
    assert_eq!(l.total, Duration::from_secs(120));
    assert_eq!(l.max_body_bytes, 64 << 20);
}

#[tokio::test]
async fn a_server_that_never_answers_ends_in_a_timeout() {
    let base = silent_server(b"").await;
    let client = Client::builder(&base)
        .limits(limits(300, 10_000, 1 << 20))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.request(Method::GET, "/x").send().await.unwrap_err();
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert!(
        err.to_string().starts_with("HTTP request timed out"),
        "{err}"
    );
    // Bounded: well before the server would give up on its own.
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[tokio::test]
async fn a_stalled_body_ends_in_a_timeout_by_the_idle_limit() {
    let base = silent_server(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"a\":").await;
    let client = Client::builder(&base)
        .limits(limits(60_000, 300, 1 << 20))
        .build()
        .unwrap();
    let raw = client.request(Method::GET, "/x").send().await.unwrap();
    let err = raw.json::<serde_json::Value>().await.unwrap_err();
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
}

#[tokio::test]
async fn an_injected_client_still_gets_the_total_limit() {
    let base = silent_server(b"").await;
    let client = Client::builder(&base)
        .http_client(paragon_runtime::reqwest::Client::new())
        .limits(limits(300, 10_000, 1 << 20))
        .build()
        .unwrap();
    let err = client.request(Method::GET, "/x").send().await.unwrap_err();
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
}

#[tokio::test]
async fn bodies_over_the_cap_are_refused_with_or_without_a_length() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::path("/big"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(vec![b' '; 10 << 10]))
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path("/exact"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(vec![b' '; 1 << 10]))
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path("/error"))
        .respond_with(ResponseTemplate::new(500).set_body_bytes(vec![b'e'; 10 << 10]))
        .mount(&server)
        .await;
    let client = Client::builder(&server.uri())
        .limits(limits(10_000, 10_000, 1 << 10))
        .build()
        .unwrap();
    let get = |p: &'static str| client.request(Method::GET, p).send();
    // 10× the cap, announced by Content-Length.
    let err = get("/big").await.unwrap().bytes().await.unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit: 1024, status } if status == 200),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("larger than the limit of 1024 bytes")
    );
    // Exactly the cap is read.
    let ok = get("/exact").await.unwrap().bytes().await.unwrap();
    assert_eq!(ok.body.len(), 1 << 10);
    // An error body is kept, cut at the cap.
    let Error::UnexpectedStatus(r) = get("/error").await.unwrap().unexpected().await else {
        panic!("expected UnexpectedStatus")
    };
    assert_eq!(r.body.len(), 1 << 10);
    // The same through `fetch`, the one wait of a generated operation: the body is read once,
    // then decoded (or refused) without waiting.
    let fetch = |p: &'static str| client.request(Method::GET, p).fetch();
    let err = fetch("/big")
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit: 1024, .. }),
        "{err:?}"
    );
    let received = fetch("/error").await.unwrap();
    assert_eq!(received.status(), 500);
    let Error::UnexpectedStatus(r) = received.unexpected() else {
        panic!("expected UnexpectedStatus")
    };
    assert_eq!(r.body.len(), 1 << 10);
    assert!(r.body.iter().all(|b| *b == b'e'));

    // Chunked, no length: the cap is found while reading.
    let chunk = format!("400\r\n{}\r\n", "x".repeat(1024));
    let head: &'static [u8] = Box::leak(
        format!(
            "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n{}",
            chunk.repeat(10)
        )
        .into_bytes()
        .into_boxed_slice(),
    );
    let base = silent_server(head).await;
    let client = Client::builder(&base)
        .limits(limits(10_000, 10_000, 4 << 10))
        .build()
        .unwrap();
    let raw = client.request(Method::GET, "/x").send().await.unwrap();
    let err = raw.text().await.unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit: 4096, .. }),
        "{err:?}"
    );
    let received = client.request(Method::GET, "/x").fetch().await.unwrap();
    let err = received.bytes().unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit: 4096, .. }),
        "{err:?}"
    );
}
