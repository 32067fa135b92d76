//! Responses.

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use futures_util::{Stream, StreamExt as _};
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;

use crate::error::{Error, ErrorResponse};

/// A decoded response: status, headers and body.
#[derive(Debug, Clone)]
pub struct Response<T> {
    /// HTTP status.
    pub status: StatusCode,
    /// Response headers.
    pub headers: HeaderMap,
    /// The decoded body.
    pub body: T,
}

impl<T> Response<T> {
    /// Transforms the body, keeping status and headers.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Response<U> {
        Response {
            status: self.status,
            headers: self.headers,
            body: f(self.body),
        }
    }

    /// The body alone.
    pub fn into_body(self) -> T {
        self.body
    }
}

impl From<reqwest::Response> for RawResponse {
    /// Wraps the response with the default body cap ([`crate::DEFAULT_MAX_BODY_BYTES`]).
    fn from(inner: reqwest::Response) -> Self {
        Self::new(inner, crate::DEFAULT_MAX_BODY_BYTES, 0)
    }
}

/// Reads the whole body, refusing one longer than `limit`: by its `Content-Length` before
/// reading, or once more than `limit` bytes have arrived.
async fn read_capped(inner: &mut reqwest::Response, limit: usize) -> Result<Bytes, Error> {
    let too_large = |status| Error::BodyTooLarge { status, limit };
    let status = inner.status();
    if inner.content_length().is_some_and(|n| n > limit as u64) {
        return Err(too_large(status));
    }
    // A body in one chunk (the common case) is kept without a copy.
    let mut only: Option<Bytes> = None;
    let mut body = BytesMut::new();
    while let Some(chunk) = inner.chunk().await.map_err(Error::transport)? {
        let held = body.len() + only.as_ref().map_or(0, Bytes::len);
        if chunk.len() > limit - held {
            return Err(too_large(status));
        }
        if let Some(first) = only.take() {
            body.extend_from_slice(&first);
            body.extend_from_slice(&chunk);
        } else if body.is_empty() {
            only = Some(chunk);
        } else {
            body.extend_from_slice(&chunk);
        }
    }
    Ok(only.unwrap_or_else(|| body.freeze()))
}

/// An error body, cut at `limit` bytes; an unreadable rest is left out.
async fn read_error_body(inner: &mut reqwest::Response, limit: usize) -> Bytes {
    let mut body = BytesMut::new();
    while let Ok(Some(chunk)) = inner.chunk().await {
        let room = limit - body.len();
        if chunk.len() >= room {
            body.extend_from_slice(&chunk[..room]);
            break;
        }
        body.extend_from_slice(&chunk);
    }
    body.freeze()
}

/// A response whose body has not been read yet; returned by
/// [`crate::RequestBuilder::send`] for any status. `From<reqwest::Response>`
/// wraps a response made elsewhere (a test, a benchmark, a cache) so it decodes
/// the same way.
#[derive(Debug)]
pub struct RawResponse {
    inner: reqwest::Response,
    max_body_bytes: usize,
    retries: u32,
}

impl RawResponse {
    pub(crate) fn new(inner: reqwest::Response, max_body_bytes: usize, retries: u32) -> Self {
        Self {
            inner,
            max_body_bytes,
            retries,
        }
    }

    /// How many times the client sent the request again on its own before this response (a
    /// `429`, or a `503` to an idempotent request, under the client's `RetryPolicy`).
    pub fn retries(&self) -> u32 {
        self.retries
    }

    /// HTTP status.
    pub fn status(&self) -> StatusCode {
        self.inner.status()
    }

    /// Response headers.
    pub fn headers(&self) -> &HeaderMap {
        self.inner.headers()
    }

    /// The underlying reqwest response.
    pub fn into_inner(self) -> reqwest::Response {
        self.inner
    }

    /// Reads the whole body; one larger than the client's
    /// [`crate::Limits::max_body_bytes`] gives [`Error::BodyTooLarge`].
    pub async fn bytes(mut self) -> Result<Response<Bytes>, Error> {
        let status = self.inner.status();
        let headers = std::mem::take(self.inner.headers_mut());
        let body = read_capped(&mut self.inner, self.max_body_bytes).await?;
        Ok(Response {
            status,
            headers,
            body,
        })
    }

    /// Reads the body and decodes it as JSON. An empty (or all-whitespace)
    /// body decodes as JSON `null`, so `Option<T>` and `()` work. A decode
    /// failure gives [`Error::Decode`] with status, headers, raw body and the
    /// serde message (including line and column).
    pub async fn json<T: DeserializeOwned>(self) -> Result<Response<T>, Error> {
        let raw = self.bytes().await?;
        let text: &[u8] = if raw.body.trim_ascii().is_empty() {
            b"null"
        } else {
            &raw.body
        };
        match serde_json::from_slice(text) {
            Ok(body) => Ok(Response {
                status: raw.status,
                headers: raw.headers,
                body,
            }),
            Err(e) => Err(Error::Decode {
                message: e.to_string(),
                response: Box::new(ErrorResponse {
                    status: raw.status,
                    headers: raw.headers,
                    body: raw.body,
                }),
            }),
        }
    }

    /// Reads the body as text (invalid UTF-8 is replaced with U+FFFD).
    pub async fn text(self) -> Result<Response<String>, Error> {
        Ok(self
            .bytes()
            .await?
            .map(|b| String::from_utf8_lossy(&b).into_owned()))
    }

    /// Returns the body unread, as a stream; for binary downloads.
    pub fn stream(mut self) -> Response<ByteStream> {
        let status = self.inner.status();
        let headers = std::mem::take(self.inner.headers_mut());
        Response {
            status,
            headers,
            body: ByteStream {
                inner: Box::pin(self.inner.bytes_stream()),
            },
        }
    }

    /// For a documented status without a body (or whose body is ignored):
    /// reads and discards the body.
    pub async fn empty(self) -> Result<Response<()>, Error> {
        Ok(self.bytes().await?.map(|_| ()))
    }

    /// For a status the spec documents as an error: reads the body (an unreadable body is kept
    /// empty) and returns [`Error::Status`]. The typed value is available from the operation's
    /// `*_with_response` function.
    pub async fn documented_error(mut self) -> Error {
        let status = self.inner.status();
        let headers = std::mem::take(self.inner.headers_mut());
        let body = read_error_body(&mut self.inner, self.max_body_bytes).await;
        Error::Status(Box::new(ErrorResponse {
            status,
            headers,
            body,
        }))
    }

    /// For a status the spec does not document: reads the body (an
    /// unreadable body is kept empty) and returns [`Error::UnexpectedStatus`].
    pub async fn unexpected(mut self) -> Error {
        let status = self.inner.status();
        let headers = std::mem::take(self.inner.headers_mut());
        let body = read_error_body(&mut self.inner, self.max_body_bytes).await;
        Error::UnexpectedStatus(Box::new(ErrorResponse {
            status,
            headers,
            body,
        }))
    }
}

type ChunkStream = Pin<Box<dyn Stream<Item = Result<Bytes, reqwest::Error>> + Send>>;

/// A response body as a stream of chunks
/// (`Stream<Item = Result<Bytes, Error>>`).
pub struct ByteStream {
    inner: ChunkStream,
}

impl fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ByteStream").finish_non_exhaustive()
    }
}

impl ByteStream {
    /// Reads the rest of the stream into one buffer.
    pub async fn collect(mut self) -> Result<Bytes, Error> {
        let mut buf = BytesMut::new();
        while let Some(chunk) = self.next().await {
            buf.extend_from_slice(&chunk?);
        }
        Ok(buf.freeze())
    }
}

impl Stream for ByteStream {
    type Item = Result<Bytes, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner
            .as_mut()
            .poll_next(cx)
            .map(|chunk| chunk.map(|r| r.map_err(Error::transport)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}
