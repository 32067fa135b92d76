//! The Managed Sync API of the simulator through the generated client: sync life cycle, cursor
//! pages, single records, content downloads, permissions.

mod common;

use futures_util::{StreamExt, TryStreamExt};
use paragon_generated::managed_sync::{
    AccessCheck, BatchCheckAccessBody, Client, EnableSyncBody, PullSyncedRecordsOptions,
    SyncStatusStatus,
};
use paragon_runtime::{Error, ManualClock};
use paragon_sim::{Sim, SimConfig, SimHandle};
use serde_json::json;

fn body(integration: &str, sync_type: &str) -> EnableSyncBody {
    EnableSyncBody {
        integration: integration.into(),
        sync_type: sync_type.into(),
        frequency: None,
    }
}

/// Enables `googleDrive`/`sync_type` in `p1` and polls until it is idle.
async fn synced(sim: &SimHandle, sync_type: &str) -> Client {
    let client = common::sync_client(sim, ManualClock::new());
    client
        .enable_sync("p1", &body("googleDrive", sync_type))
        .await
        .unwrap();
    for _ in 0..sim.config().syncing_polls + 1 {
        client
            .get_sync_status("p1", "googleDrive", sync_type)
            .await
            .unwrap();
    }
    client
}

#[tokio::test]
async fn a_sync_is_disabled_then_syncing_per_poll_then_idle() {
    let sim = Sim::start(SimConfig::default().syncing_polls(3))
        .await
        .unwrap();
    let c = common::sync_client(&sim, ManualClock::new());
    let before = c
        .get_sync_status("p1", "salesforce", "contacts")
        .await
        .unwrap();
    assert_eq!(before.status, Some(SyncStatusStatus::Disabled));

    let enabled = c
        .enable_sync_with_response("p1", &body("salesforce", "contacts"))
        .await
        .unwrap();
    assert_eq!(enabled.status.as_u16(), 201);
    assert_eq!(enabled.body.status, Some(SyncStatusStatus::Syncing));
    assert_eq!(enabled.body.integration.as_deref(), Some("salesforce"));

    let mut seen = Vec::new();
    for _ in 0..5 {
        let s = c
            .get_sync_status("p1", "salesforce", "contacts")
            .await
            .unwrap();
        seen.push(s.status.unwrap());
    }
    use SyncStatusStatus::{Idle, Syncing};
    assert_eq!(seen, [Syncing, Syncing, Syncing, Idle, Idle]);
    let idle = c
        .get_sync_status("p1", "salesforce", "contacts")
        .await
        .unwrap();
    assert_eq!(idle.record_count, Some(25));
    assert!(idle.last_synced_at.is_some());

    // Polls count per integration and sync type, and per project.
    let other = c
        .get_sync_status("p1", "salesforce", "deals")
        .await
        .unwrap();
    assert_eq!(other.status, Some(SyncStatusStatus::Disabled));
    let elsewhere = c
        .get_sync_status("p2", "salesforce", "contacts")
        .await
        .unwrap();
    assert_eq!(elsewhere.status, Some(SyncStatusStatus::Disabled));

    // Enabling again keeps the progress.
    let again = c
        .enable_sync("p1", &body("salesforce", "contacts"))
        .await
        .unwrap();
    assert_eq!(again.status, Some(SyncStatusStatus::Idle));
}

#[tokio::test]
async fn records_are_empty_while_syncing_and_missing_for_a_disabled_sync() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let c = common::sync_client(&sim, ManualClock::new());
    let opts = PullSyncedRecordsOptions::default();
    let err = c
        .pull_synced_records("p1", "googleDrive", "files", &opts)
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert!(
        common::message(&err).contains("no sync is enabled"),
        "{err}"
    );

    c.enable_sync("p1", &body("googleDrive", "files"))
        .await
        .unwrap();
    let page = c
        .pull_synced_records("p1", "googleDrive", "files", &opts)
        .await
        .unwrap();
    assert_eq!(page.records, Some(vec![]));
    assert_eq!(page.next_cursor, None);
}

#[tokio::test]
async fn cursor_pages_collect_every_record_once() {
    let sim = Sim::start(SimConfig::default().records(23).records_page_size(5))
        .await
        .unwrap();
    let c = synced(&sim, "contacts").await;
    sim.clear_requests();
    let records: Vec<_> = c
        .pull_synced_records_stream("p1", "googleDrive", "contacts", &Default::default())
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<String> = records.iter().filter_map(|r| r.id.clone()).collect();
    let expected: Vec<String> = (1..=23)
        .map(|n| format!("googleDrive-contacts-{n:04}"))
        .collect();
    assert_eq!(ids, expected);
    assert!(
        records
            .iter()
            .all(|r| r.data.as_ref().is_some_and(|d| d.contains_key("email")))
    );

    let log = sim.request_log();
    assert_eq!(log.len(), 5, "23 records in pages of 5");
    let cursors: Vec<Option<&str>> = log
        .iter()
        .map(|r| {
            r.query
                .as_deref()
                .and_then(|q| q.split('&').find_map(|p| p.strip_prefix("cursor=")))
        })
        .collect();
    assert_eq!(
        cursors,
        [
            None,
            Some("cursor-5"),
            Some("cursor-10"),
            Some("cursor-15"),
            Some("cursor-20")
        ]
    );

    // The last page has no nextCursor; a made-up cursor is a 400.
    let last = c
        .pull_synced_records(
            "p1",
            "googleDrive",
            "contacts",
            &PullSyncedRecordsOptions {
                cursor: Some("cursor-20".into()),
            },
        )
        .await
        .unwrap();
    assert_eq!(last.records.map(|r| r.len()), Some(3));
    assert_eq!(last.next_cursor, None);
    let bad = c
        .pull_synced_records(
            "p1",
            "googleDrive",
            "contacts",
            &PullSyncedRecordsOptions {
                cursor: Some("bogus".into()),
            },
        )
        .await
        .unwrap_err();
    assert_eq!(bad.status().map(|s| s.as_u16()), Some(400));
    assert!(common::message(&bad).contains("invalid cursor"));
}

#[tokio::test]
async fn one_record_by_id_or_a_404_with_a_message() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let c = synced(&sim, "tickets").await;
    let record = c
        .get_synced_record("p1", "googleDrive-tickets-0007")
        .await
        .unwrap();
    assert_eq!(record.id.as_deref(), Some("googleDrive-tickets-0007"));
    assert_eq!(record.sync_type.as_deref(), Some("tickets"));
    let data = record.data.unwrap();
    assert!(data.contains_key("priority") && data.contains_key("title"));
    let permissions = record.permissions.unwrap();
    assert_eq!(permissions["object"], "ticket:googleDrive-tickets-0007");
    assert!(record.updated_at.is_some() && record.source_id.is_some());

    let err = c
        .get_synced_record("p1", "googleDrive-tickets-0026")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::UnexpectedStatus(_)), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(
        common::message(&err),
        "record \"googleDrive-tickets-0026\" not found"
    );
}

#[tokio::test]
async fn file_content_downloads_with_its_content_type() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let c = synced(&sim, "files").await;
    let mut kinds = Vec::new();
    for n in 1..=5 {
        let id = format!("googleDrive-files-{n:04}");
        let record = c.get_synced_record("p1", &id).await.unwrap();
        let data = record.data.unwrap();
        let response = c.download_content_with_response("p1", &id).await.unwrap();
        assert_eq!(response.status.as_u16(), 200);
        let content_type = response.headers["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(data["mimeType"], content_type.as_str());
        let bytes: Vec<u8> = response
            .body
            .map(|chunk| chunk.unwrap().to_vec())
            .concat()
            .await;
        assert_eq!(Some(bytes.len() as u64), data["size"].as_u64());
        if n == 1 {
            assert!(bytes.starts_with(b"%PDF-"));
        }
        kinds.push(content_type);
    }
    assert_eq!(
        kinds,
        [
            "application/pdf",
            "text/plain",
            "text/markdown",
            "text/csv",
            "application/json"
        ]
    );

    // Only file records have content.
    let c2 = synced(&sim, "deals").await;
    let err = c2
        .download_content("p1", "googleDrive-deals-0001")
        .await
        .err()
        .unwrap();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert!(common::message(&err).contains("no file content"));
}

fn check(subject: &str, relation: &str, object: &str) -> AccessCheck {
    AccessCheck {
        subject: subject.into(),
        relation: relation.into(),
        object: object.into(),
    }
}

#[tokio::test]
async fn access_checks_follow_the_record_permissions() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let c = common::sync_client(&sim, ManualClock::new());
    // Before any sync has finished there is nothing to have access to.
    let early = c
        .check_access(
            "p1",
            &check("bob@example.com", "owner", "file:googleDrive-files-0001"),
        )
        .await
        .unwrap();
    assert_eq!(early.allowed, Some(false));

    let c = synced(&sim, "files").await;
    // Record 1: owner bob, editor carol, viewer dave.
    // Record 2: owner carol, editor dave, viewers group:engineering (bob, carol).
    let cases = [
        (
            "bob@example.com",
            "owner",
            "file:googleDrive-files-0001",
            true,
        ),
        ("bob@example.com", "viewer", "googleDrive-files-0001", true),
        (
            "carol@example.com",
            "owner",
            "file:googleDrive-files-0001",
            false,
        ),
        (
            "dave@example.com",
            "viewer",
            "file:googleDrive-files-0001",
            true,
        ),
        (
            "dave@example.com",
            "editor",
            "file:googleDrive-files-0001",
            false,
        ),
        (
            "alice@example.com",
            "viewer",
            "file:googleDrive-files-0001",
            false,
        ),
        (
            "bob@example.com",
            "viewer",
            "file:googleDrive-files-0002",
            true,
        ),
        (
            "bob@example.com",
            "editor",
            "file:googleDrive-files-0002",
            false,
        ),
        ("bob@example.com", "viewer", "file:nope", false),
    ];
    for (subject, relation, object, allowed) in cases {
        let answer = c
            .check_access("p1", &check(subject, relation, object))
            .await
            .unwrap();
        assert_eq!(
            answer.allowed,
            Some(allowed),
            "{subject} {relation} {object}"
        );
    }
    let batch = c
        .batch_check_access(
            "p1",
            &BatchCheckAccessBody {
                checks: Some(cases.iter().map(|(s, r, o, _)| check(s, r, o)).collect()),
            },
        )
        .await
        .unwrap();
    let allowed: Vec<bool> = batch
        .results
        .unwrap()
        .iter()
        .map(|r| r.allowed.unwrap())
        .collect();
    assert_eq!(allowed, cases.map(|c| c.3));
}

#[tokio::test]
async fn users_objects_and_relationship_trees() {
    let sim = Sim::start(SimConfig::default().records(4)).await.unwrap();
    let c = synced(&sim, "files").await;
    // The generated client discards these bodies (the spec gives no schema): it must succeed.
    c.list_users(
        "p1",
        &paragon_generated::managed_sync::ListUsersBody {
            object: Some("file:googleDrive-files-0002".into()),
            relation: Some("viewer".into()),
        },
    )
    .await
    .unwrap();

    let (status, _, users) = common::post(
        &sim,
        "/projects/p1/permissions/list-users",
        Some("application/json"),
        &json!({"object": "file:googleDrive-files-0002", "relation": "viewer"}).to_string(),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        users["users"],
        json!(["bob@example.com", "carol@example.com", "dave@example.com"])
    );

    let (status, _, objects) = common::post(
        &sim,
        "/projects/p1/permissions/list-objects",
        Some("application/json"),
        &json!({"subject": "bob@example.com", "relation": "viewer"}).to_string(),
    )
    .await;
    assert_eq!(status, 200);
    // bob owns record 1, views 2 through group:engineering, views 3 directly and edits 4.
    assert_eq!(
        objects["objects"],
        json!([
            "file:googleDrive-files-0001",
            "file:googleDrive-files-0002",
            "file:googleDrive-files-0003",
            "file:googleDrive-files-0004"
        ])
    );
    let (_, _, owned) = common::post(
        &sim,
        "/projects/p1/permissions/list-objects",
        None,
        &json!({"subject": "user:bob@example.com", "relation": "owner"}).to_string(),
    )
    .await;
    assert_eq!(owned["objects"], json!(["file:googleDrive-files-0001"]));

    let (status, _, expanded) = common::post(
        &sim,
        "/projects/p1/permissions/expand",
        Some("application/json"),
        &json!({"subject": "carol@example.com", "relation": "viewer", "object": "file:googleDrive-files-0002"})
            .to_string(),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(expanded["allowed"], true);
    assert_eq!(expanded["tree"]["direct"], json!(["group:engineering"]));
    assert_eq!(
        expanded["tree"]["groups"][0]["members"],
        json!(["bob@example.com", "carol@example.com"])
    );
    assert_eq!(
        expanded["tree"]["implied"]["direct"],
        json!(["dave@example.com"])
    );
    assert_eq!(
        expanded["tree"]["implied"]["implied"],
        json!({"relation": "owner", "direct": ["carol@example.com"], "groups": []})
    );
    c.expand_relationships(
        "p1",
        &check("carol@example.com", "viewer", "file:googleDrive-files-0002"),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn each_connected_user_has_syncs_of_their_own_and_the_log_names_them() {
    let mut config = SimConfig::default().syncing_polls(1);
    config.managed_sync_tokens = vec!["token-ann".into(), "token-bob".into()];
    let sim = Sim::start(config).await.unwrap();
    let ann = common::sync_client_with(&sim, ManualClock::new(), Some("token-ann"));
    let bob = common::sync_client_with(&sim, ManualClock::new(), Some("token-bob"));
    ann.enable_sync("p1", &body("googleDrive", "files"))
        .await
        .unwrap();
    // Ann's sync is not Bob's: his is still disabled, and Ann's polls do not move his.
    let status = |c: &Client| {
        let c = c.clone();
        async move {
            c.get_sync_status("p1", "googleDrive", "files")
                .await
                .unwrap()
                .status
        }
    };
    assert_eq!(status(&bob).await, Some(SyncStatusStatus::Disabled));
    assert_eq!(status(&ann).await, Some(SyncStatusStatus::Syncing));
    assert_eq!(status(&ann).await, Some(SyncStatusStatus::Idle));
    bob.enable_sync("p1", &body("googleDrive", "files"))
        .await
        .unwrap();
    assert_eq!(status(&bob).await, Some(SyncStatusStatus::Syncing));
    // Records of a sync both finished are listed once.
    assert_eq!(status(&bob).await, Some(SyncStatusStatus::Idle));
    let record = ann.get_synced_record("p1", "googleDrive-files-0001").await;
    assert!(record.is_ok(), "{record:?}");

    let enables: Vec<Option<String>> = sim
        .request_log()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/sync/enable"))
        .map(|r| r.user)
        .collect();
    assert_eq!(
        enables,
        [Some("token-ann".to_owned()), Some("token-bob".to_owned())]
    );
}
