//! The outermost middleware: the request budget (`429` with `Retry-After` once used up) and
//! the request log.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::state::{LoggedRequest, SimState};

/// Counts the request against the budget, answers it (or refuses it with `429`) and logs it.
pub(crate) async fn track(
    State(state): State<Arc<SimState>>,
    req: Request,
    next: Next,
) -> Response {
    let method = req.method().to_string();
    let path = req.uri().path().to_owned();
    let query = req.uri().query().map(str::to_owned);
    let user = Some(crate::auth::connected_user(req.headers())).filter(|u| !u.is_empty());
    let response = if state.take_budget() {
        next.run(req).await
    } else {
        ApiError::too_many_requests(state.config.retry_after_secs).into_response()
    };
    state.record(LoggedRequest {
        method,
        path,
        query,
        user,
        status: response.status().as_u16(),
    });
    response
}
