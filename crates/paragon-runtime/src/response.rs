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

/// Reads the body: all of it, or the first `limit` bytes and why the rest is missing (more
/// than `limit` bytes, or a failed read). A success status whose `Content-Length` is over
/// `limit` is refused before anything is read; the body of another status is read up to
/// `limit`, since an error's first bytes are worth keeping.
async fn read_body(inner: &mut reqwest::Response, limit: usize) -> (Bytes, Option<Error>) {
    let status = inner.status();
    let too_large = Error::BodyTooLarge { status, limit };
    if status.is_success() && inner.content_length().is_some_and(|n| n > limit as u64) {
        return (Bytes::new(), Some(too_large));
    }
    // A body in one chunk (the common case) is kept without a copy.
    let mut only: Option<Bytes> = None;
    let mut body = BytesMut::new();
    let missing = loop {
        let chunk = match inner.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break None,
            Err(e) => break Some(Error::transport(e)),
        };
        let held = body.len() + only.as_ref().map_or(0, Bytes::len);
        let room = limit - held;
        let (chunk, over) = if chunk.len() > room {
            (chunk.slice(..room), true)
        } else {
            (chunk, false)
        };
        if let Some(first) = only.take() {
            body.extend_from_slice(&first);
            body.extend_from_slice(&chunk);
        } else if body.is_empty() {
            only = Some(chunk);
        } else {
            body.extend_from_slice(&chunk);
        }
        if over {
            break Some(too_large);
        }
    };
    (only.unwrap_or_else(|| body.freeze()), missing)
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

    /// Reads the body (see [`Received`]): the one wait every decoding method below starts
    /// with, so decoding itself awaits nothing.
    pub async fn receive(mut self) -> Received {
        let status = self.inner.status();
        let headers = std::mem::take(self.inner.headers_mut());
        let (body, missing) = read_body(&mut self.inner, self.max_body_bytes).await;
        Received {
            status,
            headers,
            body,
            missing,
            retries: self.retries,
        }
    }

    /// Reads the whole body; one larger than the client's
    /// [`crate::Limits::max_body_bytes`] gives [`Error::BodyTooLarge`].
    pub async fn bytes(self) -> Result<Response<Bytes>, Error> {
        self.receive().await.bytes()
    }

    /// Reads the body and decodes it as JSON: [`Received::json`].
    pub async fn json<T: DeserializeOwned>(self) -> Result<Response<T>, Error> {
        self.receive().await.json()
    }

    /// Reads the body as text (invalid UTF-8 is replaced with U+FFFD).
    pub async fn text(self) -> Result<Response<String>, Error> {
        self.receive().await.text()
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
        self.receive().await.empty()
    }

    /// For a status the spec documents as an error: [`Received::documented_error`].
    pub async fn documented_error(self) -> Error {
        self.receive().await.documented_error()
    }

    /// For a status the spec does not document: [`Received::unexpected`].
    pub async fn unexpected(self) -> Error {
        self.receive().await.unexpected()
    }
}

/// A response with its body read ([`RawResponse::receive`], or
/// [`crate::RequestBuilder::fetch`]): generated operations await this once, then decode
/// without awaiting, in code that is not generic over the response.
#[derive(Debug)]
pub struct Received {
    status: StatusCode,
    headers: HeaderMap,
    /// All of the body, or its first bytes when `missing` says why the rest is not here.
    body: Bytes,
    missing: Option<Error>,
    retries: u32,
}

impl Received {
    /// HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// How many times the client sent the request again before this response.
    pub fn retries(&self) -> u32 {
        self.retries
    }

    /// The whole body; [`Error::BodyTooLarge`] when it is larger than the client's
    /// [`crate::Limits::max_body_bytes`], the transport error when it could not be read.
    pub fn bytes(self) -> Result<Response<Bytes>, Error> {
        match self.missing {
            Some(e) => Err(e),
            None => Ok(Response {
                status: self.status,
                headers: self.headers,
                body: self.body,
            }),
        }
    }

    /// The body decoded as JSON. An empty (or all-whitespace) body decodes as JSON `null`, so
    /// `Option<T>` and `()` work. A decode failure gives [`Error::Decode`] with status,
    /// headers, raw body and the serde message (including line and column).
    pub fn json<T: DeserializeOwned>(self) -> Result<Response<T>, Error> {
        let raw = self.bytes()?;
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

    /// The body as text (invalid UTF-8 is replaced with U+FFFD).
    pub fn text(self) -> Result<Response<String>, Error> {
        Ok(self
            .bytes()?
            .map(|b| String::from_utf8_lossy(&b).into_owned()))
    }

    /// For a documented status without a body (or whose body is ignored): the body must
    /// still have been read whole.
    pub fn empty(self) -> Result<Response<()>, Error> {
        Ok(self.bytes()?.map(|_| ()))
    }

    /// For a status the spec documents as an error: [`Error::Status`], with the body as far
    /// as it was read (an unreadable body is kept empty). The typed value is available from
    /// the operation's `*_with_response` function.
    pub fn documented_error(self) -> Error {
        Error::Status(Box::new(self.error_response()))
    }

    /// For a status the spec does not document: [`Error::UnexpectedStatus`], with the body as
    /// far as it was read.
    pub fn unexpected(self) -> Error {
        Error::UnexpectedStatus(Box::new(self.error_response()))
    }

    fn error_response(self) -> ErrorResponse {
        ErrorResponse {
            status: self.status,
            headers: self.headers,
            body: self.body,
        }
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
