//! The runtime's error type.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::response::Response;

/// How many characters of a response body [`Error`]'s `Display` shows.
const EXCERPT_CHARS: usize = 200;

/// A response kept raw for error reporting.
#[derive(Debug, Clone)]
pub struct ErrorResponse {
    /// HTTP status of the response.
    pub status: StatusCode,
    /// Response headers.
    pub headers: HeaderMap,
    /// The complete, undecoded response body.
    pub body: Bytes,
}

impl ErrorResponse {
    /// The body as (lossy) UTF-8 text.
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Everything that can go wrong when calling an API.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be built (bad base URL, invalid header value,
    /// serialization failure, refused cross-origin URL, ...). Nothing was
    /// sent.
    InvalidRequest(String),
    /// Connecting, sending or reading the body failed. Any URL inside has its
    /// query string and user info removed, so credentials never show up.
    Transport(reqwest::Error),
    /// The server did not answer in time: no connection, a silence while reading, or an attempt
    /// longer than its total (see [`crate::Limits`]). The request may have reached the server.
    Timeout(reqwest::Error),
    /// The response body is larger than [`crate::Limits::max_body_bytes`]; reading stopped
    /// there.
    BodyTooLarge {
        /// HTTP status of the response.
        status: StatusCode,
        /// The cap that was reached, in bytes.
        limit: usize,
    },
    /// A status the operation documents as an error (non-2xx), body kept
    /// raw; the typed value is available from the operation's
    /// `*_with_response` fn.
    Status(Box<ErrorResponse>),
    /// A status the operation does not document.
    UnexpectedStatus(Box<ErrorResponse>),
    /// The body could not be decoded into the expected type.
    Decode {
        /// The response whose body failed to decode.
        response: Box<ErrorResponse>,
        /// The decoder's message (for JSON, with line and column).
        message: String,
    },
    /// The server kept answering `429 Too Many Requests`. The runtime itself
    /// never produces this (after exhausting retries [`crate::RequestBuilder::send`]
    /// returns the 429 response); generated code may map an undocumented 429
    /// to it.
    RateLimited {
        /// The wait the server asked for, if it said.
        retry_after: Option<Duration>,
    },
    /// Pagination stopped because the server returned a next-page cursor or
    /// link it had returned before on this stream, which would loop forever.
    RepeatedCursor,
    /// Pagination stopped after this many pages ([`crate::Limits::max_pages`]).
    TooManyPages {
        /// The cap that was reached.
        limit: usize,
    },
}

impl Error {
    /// The HTTP status involved, if any.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Status(r) | Error::UnexpectedStatus(r) => Some(r.status),
            Error::Decode { response, .. } => Some(response.status),
            Error::Transport(e) | Error::Timeout(e) => e.status(),
            Error::BodyTooLarge { status, .. } => Some(*status),
            Error::RateLimited { .. } => Some(StatusCode::TOO_MANY_REQUESTS),
            Error::InvalidRequest(_) | Error::RepeatedCursor | Error::TooManyPages { .. } => None,
        }
    }

    /// The raw response behind this error, if there is one.
    pub fn response(&self) -> Option<&ErrorResponse> {
        match self {
            Error::Status(r) | Error::UnexpectedStatus(r) => Some(r),
            Error::Decode { response, .. } => Some(response),
            _ => None,
        }
    }

    /// Builds [`Error::Status`] for a documented error status: keeps the
    /// status and headers of `resp` (whose decoded body is dropped) and the
    /// raw `body`.
    pub fn documented<T>(resp: Response<T>, body: Bytes) -> Error {
        Error::Status(Box::new(ErrorResponse {
            status: resp.status,
            headers: resp.headers,
            body,
        }))
    }

    /// Wraps a reqwest error, stripping query string, fragment and user info
    /// from its URL so that API keys never reach logs.
    pub(crate) fn transport(mut e: reqwest::Error) -> Error {
        if let Some(url) = e.url_mut() {
            url.set_query(None);
            url.set_fragment(None);
            // These only fail for URLs that cannot have credentials anyway.
            let _ = url.set_username("");
            let _ = url.set_password(None);
        }
        if e.is_timeout() {
            Error::Timeout(e)
        } else {
            Error::Transport(e)
        }
    }
}

/// One line, at most [`EXCERPT_CHARS`] characters of the body, or a size for
/// binary bodies.
fn excerpt(body: &Bytes) -> String {
    match std::str::from_utf8(body) {
        Ok(text) => {
            let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut chars = one_line.chars();
            let mut out: String = chars.by_ref().take(EXCERPT_CHARS).collect();
            if chars.next().is_some() {
                out.push('…');
            }
            out
        }
        Err(_) => format!("<{} bytes of binary data>", body.len()),
    }
}

fn write_with_body(f: &mut fmt::Formatter<'_>, prefix: &str, r: &ErrorResponse) -> fmt::Result {
    write!(f, "{prefix} {}", r.status)?;
    let body = excerpt(&r.body);
    if !body.is_empty() {
        write!(f, ": {body}")?;
    }
    Ok(())
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidRequest(msg) => write!(f, "invalid request: {msg}"),
            Error::Transport(e) => {
                write!(f, "HTTP transport error: {e}")?;
                // The root cause ("Connection refused", ...) is the useful part.
                let mut root: Option<&dyn std::error::Error> = None;
                let mut current = std::error::Error::source(e);
                while let Some(cause) = current {
                    root = Some(cause);
                    current = cause.source();
                }
                match root {
                    Some(cause) => write!(f, ": {cause}"),
                    None => Ok(()),
                }
            }
            Error::Timeout(e) => write!(f, "HTTP request timed out: {e}"),
            Error::BodyTooLarge { status, limit } => write!(
                f,
                "response body (status {status}) is larger than the limit of {limit} bytes"
            ),
            Error::Status(r) => write_with_body(f, "server returned error status", r),
            Error::UnexpectedStatus(r) => write_with_body(f, "unexpected response status", r),
            Error::Decode { response, message } => {
                write!(
                    f,
                    "failed to decode response body (status {}): {message}",
                    response.status
                )?;
                let body = excerpt(&response.body);
                if body.is_empty() {
                    write!(f, "; body was empty")
                } else {
                    write!(f, "; body: {body}")
                }
            }
            Error::RateLimited {
                retry_after: Some(d),
            } => write!(f, "rate limited by the server; retry after {d:?}"),
            Error::RateLimited { retry_after: None } => write!(f, "rate limited by the server"),
            Error::RepeatedCursor => write!(
                f,
                "pagination stopped: the server returned a next-page cursor it had returned before"
            ),
            Error::TooManyPages { limit } => {
                write!(f, "pagination stopped after {limit} pages (the page limit)")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(e) | Error::Timeout(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_is_one_line_and_truncated() {
        let long = Bytes::from(format!("a\nb  {}", "x".repeat(500)));
        let e = excerpt(&long);
        assert!(e.starts_with("a b x"));
        assert!(e.ends_with('…'));
        assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
        assert_eq!(
            excerpt(&Bytes::from_static(&[0xff, 0xfe])),
            "<2 bytes of binary data>"
        );
    }

    #[test]
    fn display_includes_status_and_body() {
        let err = Error::UnexpectedStatus(Box::new(ErrorResponse {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            headers: HeaderMap::new(),
            body: Bytes::from_static(b"{\"message\": \"boom\"}"),
        }));
        let text = err.to_string();
        assert!(text.contains("500"), "{text}");
        assert!(text.contains("boom"), "{text}");
        assert_eq!(err.status(), Some(StatusCode::INTERNAL_SERVER_ERROR));
    }
}
