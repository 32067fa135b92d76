//! The Managed Sync Sync API: enable a sync, poll its status, page through its records, read
//! one record, download a file record's content.
//!
//! A sync is keyed by project, connected user (the bearer token), integration and sync type. Enabling it starts its first run,
//! which lasts [`SimConfig::syncing_polls`] status polls (each answered `SYNCING`); after that
//! the sync is `IDLE` with [`SimConfig::records`] records. A sync never enabled reports
//! `DISABLED`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::config::SimConfig;
use crate::error::ApiError;
use crate::extract::{ApiPath, JsonBody, Query};
use crate::records::{Record, records};
use crate::seed::rfc3339;
use std::collections::BTreeSet;

use axum::http::HeaderMap;

use crate::auth::connected_user;
use crate::state::{Phase, Project, SimState, Sync, SyncKey};

/// The routes of the Sync API.
pub(crate) fn routes() -> Router<Arc<SimState>> {
    Router::new()
        .route("/projects/{project_id}/sync/enable", post(enable_sync))
        .route("/projects/{project_id}/sync/status", get(get_sync_status))
        .route(
            "/projects/{project_id}/sync/records",
            get(pull_synced_records),
        )
        .route(
            "/projects/{project_id}/sync/records/{record_id}",
            get(get_synced_record),
        )
        .route(
            "/projects/{project_id}/sync/records/{record_id}/content",
            get(download_content),
        )
}

impl Sync {
    /// The phase, without counting a poll.
    fn phase(&self, config: &SimConfig) -> Phase {
        if self.polls < config.syncing_polls {
            Phase::Syncing
        } else {
            Phase::Idle
        }
    }
}

/// The spec's `SyncStatus`.
fn status_json(key: &SyncKey, phase: Phase, config: &SimConfig) -> Value {
    let mut status = json!({
        "integration": key.0,
        "syncType": key.1,
        "status": phase.as_str(),
    });
    match phase {
        Phase::Idle => {
            status["lastSyncedAt"] = json!(rfc3339(config.now));
            status["recordCount"] = json!(config.records);
        }
        Phase::Syncing => status["recordCount"] = json!(0),
        Phase::Disabled => {}
    }
    status
}

/// The records of every finished sync of `project`, in sync order (a sync several connected
/// users finished counts once: its records are the same).
pub(crate) fn synced_records(project: &Project, config: &SimConfig) -> Vec<Record> {
    let finished: BTreeSet<&SyncKey> = project
        .syncs
        .iter()
        .filter(|(_, sync)| sync.phase(config) == Phase::Idle)
        .map(|((_, key), _)| key)
        .collect();
    finished
        .into_iter()
        .flat_map(|(integration, sync_type)| {
            records(integration, sync_type, config.records, config.now)
        })
        .collect()
}

/// The body of `enableSync`.
#[derive(Debug, Deserialize)]
struct EnableSyncBody {
    integration: String,
    #[serde(rename = "syncType")]
    sync_type: String,
    #[serde(default)]
    frequency: Option<String>,
}

/// The `(integration, syncType)` query parameters, both required.
fn sync_key(query: &Query) -> Result<SyncKey, ApiError> {
    Ok((
        query.required("integration")?.to_owned(),
        query.required("syncType")?.to_owned(),
    ))
}

/// `POST /projects/{projectId}/sync/enable` (`enableSync`): `201` with the `SyncStatus`
/// (`SYNCING` unless `syncing_polls` is 0). Enabling an enabled sync keeps its progress. The
/// frequency is accepted and not simulated.
async fn enable_sync(
    State(state): State<Arc<SimState>>,
    headers: HeaderMap,
    ApiPath(project_id): ApiPath<String>,
    JsonBody(body): JsonBody<EnableSyncBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    if body.integration.is_empty() || body.sync_type.is_empty() {
        return Err(ApiError::bad_request(
            "`integration` and `syncType` must not be empty",
        ));
    }
    if body.frequency.as_deref() == Some("") {
        return Err(ApiError::bad_request(
            "`frequency` must not be empty (e.g. 1m, 15m, 1h, 1d)",
        ));
    }
    let key = (body.integration, body.sync_type);
    let status = state.with_project(&project_id, |project, config| {
        let sync = project
            .syncs
            .entry((connected_user(&headers), key.clone()))
            .or_default();
        status_json(&key, sync.phase(config), config)
    })?;
    Ok((StatusCode::CREATED, Json(status)))
}

/// `GET /projects/{projectId}/sync/status` (`getSyncStatus`): counts one poll of the sync.
async fn get_sync_status(
    State(state): State<Arc<SimState>>,
    headers: HeaderMap,
    ApiPath(project_id): ApiPath<String>,
    query: Query,
) -> Result<Json<Value>, ApiError> {
    let key = sync_key(&query)?;
    let status = state.with_project(&project_id, |project, config| {
        let phase = match project
            .syncs
            .get_mut(&(connected_user(&headers), key.clone()))
        {
            None => Phase::Disabled,
            Some(sync) => {
                let phase = sync.phase(config);
                if phase == Phase::Syncing {
                    sync.polls += 1;
                }
                phase
            }
        };
        status_json(&key, phase, config)
    })?;
    Ok(Json(status))
}

/// The `cursor` of the page starting at record `offset`.
fn cursor(offset: usize) -> String {
    format!("cursor-{offset}")
}

fn parse_cursor(cursor: &str) -> Result<usize, ApiError> {
    cursor
        .strip_prefix("cursor-")
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| {
            ApiError::bad_request(format!(
                "invalid cursor {cursor:?}: pass a nextCursor from a previous page"
            ))
        })
}

/// `GET /projects/{projectId}/sync/records` (`pullSyncedRecords`): a page of
/// [`SimConfig::records_page_size`] records, with `nextCursor` unless it is the last page. An
/// empty page while the sync's first run is in progress; `404` for a sync never enabled.
async fn pull_synced_records(
    State(state): State<Arc<SimState>>,
    headers: HeaderMap,
    ApiPath(project_id): ApiPath<String>,
    query: Query,
) -> Result<Json<Value>, ApiError> {
    let key = sync_key(&query)?;
    let offset = query
        .get("cursor")
        .map(parse_cursor)
        .transpose()?
        .unwrap_or(0);
    let page = state.with_project(&project_id, |project, config| {
        let Some(sync) = project.syncs.get(&(connected_user(&headers), key.clone())) else {
            return Err(ApiError::not_found(format!(
                "no sync is enabled for integration {:?} and syncType {:?}: enable it with POST /projects/{project_id}/sync/enable",
                key.0, key.1
            )));
        };
        if sync.phase(config) != Phase::Idle {
            return Ok(json!({ "records": [] }));
        }
        let all = records(&key.0, &key.1, config.records, config.now);
        if offset > all.len() {
            return Err(ApiError::bad_request(format!(
                "cursor out of range: this sync has {} records",
                all.len()
            )));
        }
        let end = offset.saturating_add(config.page_size()).min(all.len());
        let items: Vec<Value> = all[offset..end].iter().map(Record::to_json).collect();
        let mut page = json!({ "records": items });
        if end < all.len() {
            page["nextCursor"] = json!(cursor(end));
        }
        Ok(page)
    })??;
    Ok(Json(page))
}

/// The record `record_id` among the project's finished syncs.
fn find_record(state: &SimState, project_id: &str, record_id: &str) -> Result<Record, ApiError> {
    state
        .with_project(project_id, |project, config| {
            synced_records(project, config)
                .into_iter()
                .find(|r| r.id == record_id)
        })?
        .ok_or_else(|| ApiError::not_found(format!("record {record_id:?} not found")))
}

/// `GET /projects/{projectId}/sync/records/{recordId}` (`getSyncedRecord`): the record, or
/// `404`.
async fn get_synced_record(
    State(state): State<Arc<SimState>>,
    ApiPath((project_id, record_id)): ApiPath<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(
        find_record(&state, &project_id, &record_id)?.to_json(),
    ))
}

/// `GET /projects/{projectId}/sync/records/{recordId}/content` (`downloadContent`): the bytes
/// of a file record with its MIME type; `404` for an unknown record or one that is not a file.
async fn download_content(
    State(state): State<Arc<SimState>>,
    ApiPath((project_id, record_id)): ApiPath<(String, String)>,
) -> Result<Response, ApiError> {
    let record = find_record(&state, &project_id, &record_id)?;
    let file = record.content().ok_or_else(|| {
        ApiError::not_found(format!(
            "record {record_id:?} is a {:?} record and has no file content",
            record.sync_type
        ))
    })?;
    Ok((
        [
            (header::CONTENT_TYPE, file.mime_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", file.name),
            ),
        ],
        file.bytes,
    )
        .into_response())
}
