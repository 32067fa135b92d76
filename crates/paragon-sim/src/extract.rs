//! Request extractors whose rejections are [`ApiError`]s (JSON `400`s), not axum's plain-text
//! ones: path parameters, query parameters and JSON bodies.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::error::ApiError;

/// Path parameters, percent-decoded.
#[derive(Debug)]
pub(crate) struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Self(value)),
            Err(rejection) => Err(ApiError::bad_request(format!(
                "invalid path parameter: {}",
                rejection.body_text()
            ))),
        }
    }
}

/// The query string as decoded `(name, value)` pairs, in order.
#[derive(Debug, Default)]
pub(crate) struct Query(Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for Query {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        Ok(Self::parse(parts.uri.query().unwrap_or("")))
    }
}

impl Query {
    /// Decodes `a=1&b=x%20y`.
    pub(crate) fn parse(query: &str) -> Self {
        Self(
            url::form_urlencoded::parse(query.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// Every `(name, value)` pair, in order.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The first value of `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of a required parameter; missing or empty is a 400.
    pub(crate) fn required(&self, name: &str) -> Result<&str, ApiError> {
        match self.get(name) {
            None => Err(ApiError::missing_query(name)),
            Some("") => Err(ApiError::bad_request(format!(
                "query parameter `{name}` must not be empty"
            ))),
            Some(value) => Ok(value),
        }
    }

    /// An optional parameter restricted to `allowed` values (a spec `enum`).
    pub(crate) fn one_of(
        &self,
        name: &str,
        allowed: &[&'static str],
    ) -> Result<Option<&'static str>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        match allowed.iter().find(|a| **a == value) {
            Some(known) => Ok(Some(known)),
            None => Err(ApiError::bad_request(format!(
                "invalid value {value:?} for query parameter `{name}`: expected one of {}",
                allowed.join(", ")
            ))),
        }
    }

    /// An optional non-negative integer parameter.
    pub(crate) fn non_negative(&self, name: &str) -> Result<Option<usize>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        value.parse::<usize>().map(Some).map_err(|_| {
            ApiError::bad_request(format!(
                "invalid value {value:?} for query parameter `{name}`: expected a non-negative integer"
            ))
        })
    }

    /// An optional RFC 3339 (`format: date-time`) parameter.
    pub(crate) fn date_time(&self, name: &str) -> Result<Option<OffsetDateTime>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        OffsetDateTime::parse(value, &Rfc3339).map(Some).map_err(|e| {
            ApiError::bad_request(format!(
                "invalid value {value:?} for query parameter `{name}`: expected an ISO 8601 / RFC 3339 date-time ({e})"
            ))
        })
    }
}

/// A required JSON request body decoded into `T`; an empty, non-JSON or mistyped body is a 400,
/// a non-JSON `Content-Type` a 415.
#[derive(Debug)]
pub(crate) struct JsonBody<T>(pub T);

impl<T, S> FromRequest<S> for JsonBody<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        if let Some(content_type) = req.headers().get(CONTENT_TYPE) {
            let is_json = content_type.to_str().is_ok_and(|ct| {
                let essence = ct.split(';').next().unwrap_or("").trim();
                essence.eq_ignore_ascii_case("application/json")
                    || essence.to_ascii_lowercase().ends_with("+json")
            });
            if !is_json {
                return Err(ApiError::unsupported_media_type(
                    "the request body must be application/json",
                ));
            }
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| ApiError::bad_request(format!("unreadable request body: {e}")))?;
        if bytes.trim_ascii().is_empty() {
            return Err(ApiError::bad_request("a JSON request body is required"));
        }
        serde_json::from_slice(&bytes)
            .map(Self)
            .map_err(|e| ApiError::bad_request(format!("invalid request body: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_decodes_and_validates() {
        let q = Query::parse("a=x%20y&n=12&n=13&e=ASC&d=2026-01-02T03%3A04%3A05Z&empty=");
        assert_eq!(q.get("a"), Some("x y"));
        assert_eq!(q.non_negative("n"), Ok(Some(12)));
        assert_eq!(q.one_of("e", &["ASC", "DESC"]), Ok(Some("ASC")));
        assert!(q.one_of("a", &["ASC", "DESC"]).is_err());
        assert!(q.non_negative("a").is_err());
        assert!(q.date_time("d").is_ok_and(|d| d.is_some()));
        assert!(q.date_time("a").is_err());
        assert!(q.required("empty").is_err());
        assert!(q.required("missing").is_err());
        assert_eq!(q.one_of("missing", &["X"]), Ok(None));
    }
}
