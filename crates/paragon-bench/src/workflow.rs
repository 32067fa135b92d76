//! The seed workflow two ways against the same simulator: the compiled state machine, and the
//! same three requests written by hand with reqwest and serde_json into the same structs.

use paragon_generated::sync_flow::enable_sync_and_pull_records::{Inputs, Outputs, Workflow};
use paragon_generated::sync_flow::managed_sync_api::{
    Client, EnableSyncBody, PullSyncedRecordsResponse, SyncStatus, SyncStatusStatus,
};
use paragon_sim::{DEFAULT_TOKEN, Sim, SimConfig, SimHandle};

/// The project the benchmarks use.
pub const PROJECT: &str = "bench";

/// A simulator whose syncs are IDLE at once, so each run is exactly three requests.
pub async fn server() -> std::io::Result<SimHandle> {
    Sim::start(SimConfig::default().syncing_polls(0)).await
}

/// A simulator that answers a records page of `n` records.
pub async fn records_server(n: u32) -> std::io::Result<SimHandle> {
    Sim::start(
        SimConfig::default()
            .syncing_polls(0)
            .records(n)
            .records_page_size(n),
    )
    .await
}

/// The generated client for `base_url`.
pub fn client(base_url: &str) -> Client {
    Client::builder()
        .base_url(base_url)
        .bearer_auth(DEFAULT_TOKEN)
        .build()
        .unwrap_or_else(|e| panic!("client for {base_url}: {e}"))
}

fn inputs() -> Inputs {
    Inputs {
        project_id: PROJECT.into(),
        integration: "googleDrive".into(),
        sync_type: "files".into(),
        frequency: None,
    }
}

/// The hand-written side's HTTP client: plain reqwest, sending the same `User-Agent` as the
/// generated client, so both make the same requests.
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .user_agent(paragon_runtime::DEFAULT_USER_AGENT)
        .build()
        .unwrap_or_else(|e| panic!("reqwest client: {e}"))
}

/// The compiled state machine, run to the end.
pub async fn compiled(client: &Client) -> Outputs {
    Workflow::new(client.clone(), inputs())
        .run()
        .await
        .unwrap_or_else(|e| panic!("workflow: {e}"))
}

/// The same three requests through the generated client's typed operations, without the
/// workflow: what the runtime client costs on its own.
pub async fn typed_calls(client: &Client) -> PullSyncedRecordsResponse {
    let body = EnableSyncBody {
        integration: "googleDrive".into(),
        sync_type: "files".into(),
        frequency: None,
    };
    let _ = client
        .enable_sync(PROJECT, &body)
        .await
        .unwrap_or_else(|e| panic!("enable: {e}"));
    let status = client
        .get_sync_status(PROJECT, "googleDrive", "files")
        .await
        .unwrap_or_else(|e| panic!("status: {e}"));
    assert_ne!(status.status, Some(SyncStatusStatus::Syncing));
    client
        .pull_synced_records(PROJECT, "googleDrive", "files", &Default::default())
        .await
        .unwrap_or_else(|e| panic!("records: {e}"))
}

/// The same requests, checks and decoding, by hand.
pub async fn by_hand(http: &reqwest::Client, base: &str) -> PullSyncedRecordsResponse {
    let project = format!("{base}/projects/{PROJECT}");
    let enabled = http
        .post(format!("{project}/sync/enable"))
        .bearer_auth(DEFAULT_TOKEN)
        .json(&EnableSyncBody {
            integration: "googleDrive".into(),
            sync_type: "files".into(),
            frequency: None,
        })
        .send()
        .await
        .unwrap_or_else(|e| panic!("enable: {e}"));
    assert_eq!(enabled.status(), 201);
    let _: SyncStatus = serde_json::from_slice(&enabled.bytes().await.unwrap_or_default())
        .unwrap_or_else(|e| panic!("enable body: {e}"));
    let query = [("integration", "googleDrive"), ("syncType", "files")];
    let status = http
        .get(format!("{project}/sync/status"))
        .bearer_auth(DEFAULT_TOKEN)
        .query(&query)
        .send()
        .await
        .unwrap_or_else(|e| panic!("status: {e}"));
    assert_eq!(status.status(), 200);
    let status: SyncStatus = serde_json::from_slice(&status.bytes().await.unwrap_or_default())
        .unwrap_or_else(|e| panic!("status body: {e}"));
    assert_ne!(status.status, Some(SyncStatusStatus::Syncing));
    let records = http
        .get(format!("{project}/sync/records"))
        .bearer_auth(DEFAULT_TOKEN)
        .query(&query)
        .send()
        .await
        .unwrap_or_else(|e| panic!("records: {e}"));
    assert_eq!(records.status(), 200);
    serde_json::from_slice(&records.bytes().await.unwrap_or_default())
        .unwrap_or_else(|e| panic!("records body: {e}"))
}

/// The body of a records page with `n` records, as the simulator serves it.
pub async fn records_page(n: u32) -> bytes::Bytes {
    let sim = records_server(n)
        .await
        .unwrap_or_else(|e| panic!("simulator: {e}"));
    let base = sim.base_url();
    let http = reqwest::Client::new();
    let project = format!("{base}/projects/{PROJECT}");
    let query = [("integration", "googleDrive"), ("syncType", "files")];
    let _ = http
        .post(format!("{project}/sync/enable"))
        .bearer_auth(DEFAULT_TOKEN)
        .json(&serde_json::json!({"integration": "googleDrive", "syncType": "files"}))
        .send()
        .await;
    let _ = http
        .get(format!("{project}/sync/status"))
        .bearer_auth(DEFAULT_TOKEN)
        .query(&query)
        .send()
        .await;
    http.get(format!("{project}/sync/records"))
        .bearer_auth(DEFAULT_TOKEN)
        .query(&query)
        .send()
        .await
        .unwrap_or_else(|e| panic!("records: {e}"))
        .bytes()
        .await
        .unwrap_or_else(|e| panic!("records body: {e}"))
}

/// Decoding through the runtime (what a generated operation does with a 200 body).
pub async fn decode_with_runtime(body: bytes::Bytes) -> PullSyncedRecordsResponse {
    let response = http::Response::builder()
        .status(200)
        .header("content-type", "application/json")
        .body(body)
        .unwrap_or_else(|e| panic!("response: {e}"));
    let raw = paragon_runtime::RawResponse::from(reqwest::Response::from(response));
    raw.json::<PullSyncedRecordsResponse>()
        .await
        .unwrap_or_else(|e| panic!("decode: {e}"))
        .body
}

/// Decoding with plain serde_json into the same structs.
pub fn decode_plain(body: &[u8]) -> PullSyncedRecordsResponse {
    serde_json::from_slice(body).unwrap_or_else(|e| panic!("decode: {e}"))
}
