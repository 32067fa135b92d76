//! Bearer authentication, per API: Managed Sync's `bearerAuth` (a Connected User JWT) and Task
//! History's `apiKeyAuth` (the project API key, sent as a bearer token). Both are
//! `type: http, scheme: bearer` in the specs.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::state::SimState;

/// What went wrong with a request's credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    Missing,
    Invalid,
}

/// The token of `Authorization: Bearer <token>` (scheme case-insensitive).
fn bearer_token(headers: &HeaderMap) -> Result<&str, Refusal> {
    let value = headers
        .get(AUTHORIZATION)
        .ok_or(Refusal::Missing)?
        .to_str()
        .map_err(|_| Refusal::Invalid)?;
    let (scheme, token) = value.trim().split_once(' ').ok_or(Refusal::Invalid)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(Refusal::Invalid);
    }
    Ok(token.trim())
}

/// The connected user a request acts for: its bearer token (a Connected User token names one
/// user), or an empty name when it has none.
pub(crate) fn connected_user(headers: &HeaderMap) -> String {
    bearer_token(headers).unwrap_or_default().to_owned()
}

/// Checks `Authorization: Bearer <token>` (scheme case-insensitive) against `accepted`.
fn check(headers: &HeaderMap, accepted: &[String]) -> Result<(), Refusal> {
    let token = bearer_token(headers)?;
    if accepted.iter().any(|t| t == token) {
        Ok(())
    } else {
        Err(Refusal::Invalid)
    }
}

/// Middleware of the Managed Sync routes.
pub(crate) async fn managed_sync(
    State(state): State<Arc<SimState>>,
    req: Request,
    next: Next,
) -> Response {
    match check(req.headers(), &state.config.managed_sync_tokens) {
        Ok(()) => next.run(req).await,
        Err(Refusal::Missing) => ApiError::unauthorized(
            "Unauthorized: missing bearer token. Send `Authorization: Bearer <Paragon User Token>`.",
        )
        .into_response(),
        Err(Refusal::Invalid) => {
            ApiError::unauthorized("Unauthorized: invalid Paragon User Token.").into_response()
        }
    }
}

/// Middleware of the Task History routes.
pub(crate) async fn task_history(
    State(state): State<Arc<SimState>>,
    req: Request,
    next: Next,
) -> Response {
    match check(req.headers(), &state.config.task_history_api_keys) {
        Ok(()) => next.run(req).await,
        Err(Refusal::Missing) => ApiError::unauthorized(
            "Unauthorized. Invalid or missing API Key: send `Authorization: Bearer <project API key>`.",
        )
        .into_response(),
        Err(Refusal::Invalid) => {
            ApiError::unauthorized("Unauthorized. Invalid or missing API Key.").into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(value: Option<&'static str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(v) = value {
            h.insert(AUTHORIZATION, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn bearer_tokens_are_checked() {
        let accepted = ["t1".to_owned(), "t2".to_owned()];
        assert_eq!(check(&headers(Some("Bearer t1")), &accepted), Ok(()));
        assert_eq!(check(&headers(Some("bearer t2")), &accepted), Ok(()));
        assert_eq!(check(&headers(None), &accepted), Err(Refusal::Missing));
        assert_eq!(
            check(&headers(Some("Bearer t3")), &accepted),
            Err(Refusal::Invalid)
        );
        assert_eq!(
            check(&headers(Some("Basic t1")), &accepted),
            Err(Refusal::Invalid)
        );
        assert_eq!(
            check(&headers(Some("t1")), &accepted),
            Err(Refusal::Invalid)
        );
    }
}
