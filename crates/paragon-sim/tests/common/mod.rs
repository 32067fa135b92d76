//! Helpers shared by the integration tests: typed clients pointed at a simulator, raw HTTP for
//! what the typed clients cannot send, error-body decoding.
#![allow(dead_code)]

use std::sync::Arc;

use paragon_generated::{managed_sync, task_history};
use paragon_runtime::reqwest::{self, header::HeaderMap};
use paragon_runtime::{ManualClock, RetryPolicy};
use paragon_sim::{DEFAULT_TOKEN, SimHandle};
use serde_json::Value;

/// A Managed Sync client with the default token and a manual clock.
pub fn sync_client(sim: &SimHandle, clock: Arc<ManualClock>) -> managed_sync::Client {
    sync_client_with(sim, clock, Some(DEFAULT_TOKEN))
}

/// A Managed Sync client with `token` (none: no `Authorization` header).
pub fn sync_client_with(
    sim: &SimHandle,
    clock: Arc<ManualClock>,
    token: Option<&str>,
) -> managed_sync::Client {
    let mut builder = managed_sync::Client::builder()
        .base_url(&sim.base_url())
        .runtime(|r| r.clock(clock));
    if let Some(token) = token {
        builder = builder.bearer_auth(token);
    }
    builder.build().unwrap()
}

/// A Task History client with the default API key and a manual clock.
pub fn history_client(sim: &SimHandle, clock: Arc<ManualClock>) -> task_history::Client {
    history_client_with(sim, clock, Some(DEFAULT_TOKEN), RetryPolicy::default())
}

/// A Task History client with `key` (none: no `Authorization` header) and `retry`.
pub fn history_client_with(
    sim: &SimHandle,
    clock: Arc<ManualClock>,
    key: Option<&str>,
    retry: RetryPolicy,
) -> task_history::Client {
    let mut builder = task_history::Client::builder()
        .base_url(&sim.base_url())
        .runtime(|r| r.clock(clock).retry_policy(retry));
    if let Some(key) = key {
        builder = builder.api_key_auth(key);
    }
    builder.build().unwrap()
}

/// The `message` of a JSON error body kept in a runtime error.
pub fn message(err: &paragon_runtime::Error) -> String {
    let response = err
        .response()
        .unwrap_or_else(|| panic!("no response in {err:?}"));
    let body: Value = serde_json::from_slice(&response.body)
        .unwrap_or_else(|e| panic!("error body is not JSON ({e}): {}", response.body_text()));
    body["message"]
        .as_str()
        .unwrap_or_else(|| panic!("no message in {body}"))
        .to_owned()
}

/// Status, headers and JSON body (`Null` if empty or not JSON) of a raw response.
pub async fn decode(resp: reqwest::Response) -> (u16, HeaderMap, Value) {
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let bytes = resp.bytes().await.unwrap();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, headers, body)
}

/// A raw `GET` of `path_and_query`, with `token` as bearer if given.
pub async fn get(
    sim: &SimHandle,
    path_and_query: &str,
    token: Option<&str>,
) -> (u16, HeaderMap, Value) {
    let mut req = reqwest::Client::new().get(format!("{}{path_and_query}", sim.base_url()));
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    decode(req.send().await.unwrap()).await
}

/// A raw `POST` of `body` with `content_type` and the default token.
pub async fn post(
    sim: &SimHandle,
    path: &str,
    content_type: Option<&str>,
    body: &str,
) -> (u16, HeaderMap, Value) {
    let mut req = reqwest::Client::new()
        .post(format!("{}{path}", sim.base_url()))
        .bearer_auth(DEFAULT_TOKEN)
        .body(body.to_owned());
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    decode(req.send().await.unwrap()).await
}
