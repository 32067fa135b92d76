//! The Task History API: search workflow executions (filters, sort, offset pages of 100 with
//! `nextLink`), read one, replay one.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, Uri, header};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::executions::{self, Execution, Filter, Status};
use crate::extract::{ApiPath, Query};
use crate::state::SimState;

/// Executions per page, as the spec says ("up to 100 records per page").
pub(crate) const PAGE_SIZE: usize = 100;

/// The routes of the Task History API.
pub(crate) fn routes() -> Router<Arc<SimState>> {
    Router::new()
        .route(
            "/projects/{project_id}/task-history/workflow-executions",
            get(get_workflow_executions),
        )
        .route(
            "/projects/{project_id}/task-history/workflow-executions/{execution_id}",
            get(get_workflow_execution),
        )
        .route(
            "/projects/{project_id}/task-history/workflow-executions/{execution_id}/replay",
            post(replay_workflow_execution),
        )
}

/// The filters of the query string; a bad `status` or date is a 400.
fn filter(query: &Query) -> Result<Filter, ApiError> {
    let status = query.one_of("status", &["SUCCEEDED", "FAILED"])?.map(|s| {
        if s == "FAILED" {
            Status::Failed
        } else {
            Status::Succeeded
        }
    });
    Ok(Filter {
        integration: query.get("integration").map(str::to_owned),
        workflow_id: query.get("workflowId").map(str::to_owned),
        user_id: query.get("userId").map(str::to_owned),
        status,
        after: query.date_time("afterDate")?,
        before: query.date_time("beforeDate")?,
    })
}

/// The link to the page at `offset`: this request's URL (origin from the request's authority
/// or `Host` header) with every query parameter kept except `offset`.
fn next_link(uri: &Uri, headers: &HeaderMap, query: &Query, offset: usize) -> String {
    let mut params = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in query.pairs().filter(|(name, _)| *name != "offset") {
        params.append_pair(name, value);
    }
    params.append_pair("offset", &offset.to_string());
    let path_and_query = format!("{}?{}", uri.path(), params.finish());
    let host = uri.authority().map(|a| a.as_str().to_owned()).or_else(|| {
        headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(str::to_owned)
    });
    match host {
        Some(host) => format!("http://{host}{path_and_query}"),
        None => path_and_query,
    }
}

/// `GET /projects/{projectId}/task-history/workflow-executions` (`getWorkflowExecutions`):
/// `{"data": [...], "total": n, "nextLink": url | null}`. Sorted by `dateStarted`, newest
/// first unless `sortBy=ASC`; `afterDate`/`beforeDate` are exclusive.
async fn get_workflow_executions(
    State(state): State<Arc<SimState>>,
    ApiPath(project_id): ApiPath<String>,
    query: Query,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let filter = filter(&query)?;
    let descending = query.one_of("sortBy", &["ASC", "DESC"])? != Some("ASC");
    let offset = query.non_negative("offset")?.unwrap_or(0);
    let (data, total) = state.with_project(&project_id, |project, config| {
        let mut matching: Vec<&Execution> = project
            .history(config)
            .executions
            .iter()
            .filter(|e| filter.matches(e))
            .collect();
        matching.sort_by(|a, b| (a.started, &a.id).cmp(&(b.started, &b.id)));
        if descending {
            matching.reverse();
        }
        let data: Vec<Value> = matching
            .iter()
            .skip(offset)
            .take(PAGE_SIZE)
            .map(|e| e.to_json())
            .collect();
        (data, matching.len())
    })?;
    let next = offset
        .checked_add(PAGE_SIZE)
        .filter(|next| *next < total)
        .map(|next| next_link(&uri, &headers, &query, next));
    Ok(Json(
        json!({ "data": data, "total": total, "nextLink": next }),
    ))
}

fn not_found(execution_id: &str) -> ApiError {
    ApiError::not_found(format!("workflow execution {execution_id:?} not found"))
}

/// `GET /projects/{projectId}/task-history/workflow-executions/{executionId}`: one execution,
/// or `404`. Not in the spec: a simulator extension for checking state.
async fn get_workflow_execution(
    State(state): State<Arc<SimState>>,
    ApiPath((project_id, execution_id)): ApiPath<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    state
        .with_project(&project_id, |project, config| {
            project
                .history(config)
                .executions
                .iter()
                .find(|e| e.id == execution_id)
                .map(Execution::to_json)
        })?
        .map(Json)
        .ok_or_else(|| not_found(&execution_id))
}

/// `POST /projects/{projectId}/task-history/workflow-executions/{executionId}/replay`
/// (`replayWorkflowExecution`): `200` with a new `SUCCEEDED` execution of the same workflow and
/// user, started just after the configured "now" (one second per replay), listed from then on;
/// `404` for an unknown execution.
async fn replay_workflow_execution(
    State(state): State<Arc<SimState>>,
    ApiPath((project_id, execution_id)): ApiPath<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    state
        .with_project(&project_id, |project, config| {
            let history = project.history(config);
            let original = history
                .executions
                .iter()
                .find(|e| e.id == execution_id)?
                .clone();
            history.replays += 1;
            let n = u32::try_from(history.executions.len() + 1).unwrap_or(u32::MAX);
            let started = config.now + time::Duration::seconds(i64::from(history.replays));
            let replay = original.replay(executions::execution_id(n), started);
            let body = replay.to_json();
            history.executions.push(replay);
            Some(body)
        })?
        .map(Json)
        .ok_or_else(|| not_found(&execution_id))
}
