//! The generated Managed Sync client against a local mock server: all 10 operations, JSON
//! bodies, query parameters, auth, cursor pagination, binary download.

use futures_util::{StreamExt, TryStreamExt};
use paragon_generated::managed_sync::{
    AccessCheck, BatchCheckAccessBody, Client, EnableSyncBody, ListObjectsBody, ListUsersBody,
    PullSyncedRecordsOptions, SyncStatusStatus,
};
use paragon_runtime::{Error, ManualClock};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(&server.uri())
        .bearer_auth("user-jwt")
        .runtime(|r| r.clock(ManualClock::new()))
        .build()
        .unwrap()
}

fn access() -> AccessCheck {
    AccessCheck {
        subject: "ada@example.com".into(),
        relation: "viewer".into(),
        object: "file:1".into(),
    }
}

#[tokio::test]
async fn enable_sync_posts_the_typed_body_and_omits_absent_fields() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/projects/p1/sync/enable"))
        .and(header("authorization", "Bearer user-jwt"))
        .and(header("content-type", "application/json"))
        .and(body_json(
            json!({"integration": "googleDrive", "syncType": "files"}),
        ))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "integration": "googleDrive", "syncType": "files", "status": "SYNCING"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let status = client(&server)
        .enable_sync(
            "p1",
            &EnableSyncBody {
                integration: "googleDrive".into(),
                sync_type: "files".into(),
                frequency: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(status.status, Some(SyncStatusStatus::Syncing));
}

#[tokio::test]
async fn enable_sync_with_an_undocumented_status_is_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"message": "no"})))
        .mount(&server)
        .await;
    let body = EnableSyncBody {
        integration: "x".into(),
        sync_type: "files".into(),
        frequency: Some("1h".into()),
    };
    let err = client(&server).enable_sync("p1", &body).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(403));
    assert!(matches!(err, Error::UnexpectedStatus(_)));
}

#[tokio::test]
async fn sync_status_sends_required_query_parameters() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/projects/p1/sync/status"))
        .and(query_param("integration", "salesforce"))
        .and(query_param("syncType", "contacts"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": "IDLE", "lastSyncedAt": "2026-11-23T10:00:00Z", "recordCount": 12
        })))
        .mount(&server)
        .await;
    let s = client(&server)
        .get_sync_status("p1", "salesforce", "contacts")
        .await
        .unwrap();
    assert_eq!(s.status, Some(SyncStatusStatus::Idle));
    assert_eq!(s.record_count, Some(12));
    assert_eq!(s.last_synced_at.unwrap().hour(), 10);
}

#[tokio::test]
async fn records_stream_follows_the_cursor_across_three_pages() {
    let server = MockServer::start().await;
    let rec = |id: &str| json!({"id": id, "integration": "googleDrive", "syncType": "files", "data": {"name": id}});
    Mock::given(path("/projects/p1/sync/records"))
        .and(query_param_is_missing("cursor"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"records": [rec("r1"), rec("r2")], "nextCursor": "c2"})),
        )
        .mount(&server)
        .await;
    Mock::given(path("/projects/p1/sync/records"))
        .and(query_param("cursor", "c2"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"records": [rec("r3")], "nextCursor": "c3"})),
        )
        .mount(&server)
        .await;
    Mock::given(path("/projects/p1/sync/records"))
        .and(query_param("cursor", "c3"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"records": [rec("r4")]})))
        .mount(&server)
        .await;
    let c = client(&server);
    let records: Vec<_> = c
        .pull_synced_records_stream(
            "p1",
            "googleDrive",
            "files",
            &PullSyncedRecordsOptions::default(),
        )
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = records.iter().filter_map(|r| r.id.as_deref()).collect();
    assert_eq!(ids, ["r1", "r2", "r3", "r4"]);
    assert_eq!(records[0].data.as_ref().unwrap()["name"], "r1");
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), 3);
    assert!(
        reqs.iter()
            .all(|r| r.url.query().unwrap_or("").contains("syncType=files"))
    );

    // One page, with the cursor passed explicitly.
    let page = c
        .pull_synced_records(
            "p1",
            "googleDrive",
            "files",
            &PullSyncedRecordsOptions {
                cursor: Some("c3".into()),
            },
        )
        .await
        .unwrap();
    assert_eq!(page.next_cursor, None);
}

#[tokio::test]
async fn a_server_repeating_its_cursor_ends_the_stream_with_an_error() {
    let server = MockServer::start().await;
    Mock::given(path("/projects/p1/sync/records"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"records": [{"id": "r"}], "nextCursor": "same"})),
        )
        .mount(&server)
        .await;
    let c = client(&server);
    let results: Vec<_> = c
        .pull_synced_records_stream("p1", "i", "files", &PullSyncedRecordsOptions::default())
        .collect()
        .await;
    assert!(results.len() < 10, "stream must stop");
    assert!(
        matches!(results.last(), Some(Err(Error::RepeatedCursor))),
        "{results:?}"
    );
}

#[tokio::test]
async fn single_record_and_binary_download() {
    let server = MockServer::start().await;
    Mock::given(path("/projects/p1/sync/records/r%2F1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "r/1", "permissions": {"owner": "ada"}})),
        )
        .mount(&server)
        .await;
    let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    Mock::given(path("/projects/p1/sync/records/r1/content"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(bytes.clone(), "application/pdf"))
        .mount(&server)
        .await;
    let c = client(&server);
    let r = c.get_synced_record("p1", "r/1").await.unwrap();
    assert_eq!(r.permissions.unwrap()["owner"], "ada");
    let stream = c.download_content("p1", "r1").await.unwrap();
    let downloaded = stream.collect().await.unwrap();
    assert_eq!(&downloaded[..], &bytes[..]);
    let full = c.download_content_with_response("p1", "r1").await.unwrap();
    assert_eq!(full.headers["content-type"], "application/pdf");
}

#[tokio::test]
async fn permission_endpoints() {
    let server = MockServer::start().await;
    let check = json!({"subject": "ada@example.com", "relation": "viewer", "object": "file:1"});
    Mock::given(method("POST"))
        .and(path("/projects/p1/permissions/check-access"))
        .and(body_json(check.clone()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"allowed": true})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/projects/p1/permissions/batch-check-access"))
        .and(body_json(json!({"checks": [check.clone(), check.clone()]})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"results": [{"allowed": true}, {"allowed": false}]})),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/projects/p1/permissions/list-users"))
        .and(body_json(json!({"object": "file:1", "relation": "viewer"})))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/projects/p1/permissions/list-objects"))
        .and(body_json(json!({"subject": "ada@example.com"})))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/projects/p1/permissions/expand"))
        .and(body_json(check))
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"tree\": {}}"))
        .mount(&server)
        .await;
    let c = client(&server);
    assert_eq!(
        c.check_access("p1", &access()).await.unwrap().allowed,
        Some(true)
    );
    let batch = c
        .batch_check_access(
            "p1",
            &BatchCheckAccessBody {
                checks: Some(vec![access(), access()]),
            },
        )
        .await
        .unwrap();
    let allowed: Vec<_> = batch.results.unwrap().iter().map(|r| r.allowed).collect();
    assert_eq!(allowed, [Some(true), Some(false)]);
    c.list_users(
        "p1",
        &ListUsersBody {
            object: Some("file:1".into()),
            relation: Some("viewer".into()),
        },
    )
    .await
    .unwrap();
    c.list_objects(
        "p1",
        &ListObjectsBody {
            subject: Some("ada@example.com".into()),
            relation: None,
        },
    )
    .await
    .unwrap();
    // A documented response without a schema: the body is read and dropped.
    c.expand_relationships("p1", &access()).await.unwrap();
    assert_eq!(server.received_requests().await.unwrap().len(), 5);
}
