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
    fn from(inner: reqwest::Response) -> Self {
        Self { inner }
    }
}

/// A response whose body has not been read yet; returned by
/// [`crate::RequestBuilder::send`] for any status. `From<reqwest::Response>`
/// wraps a response made elsewhere (a test, a benchmark, a cache) so it decodes
/// the same way.
#[derive(Debug)]
pub struct RawResponse {
    inner: reqwest::Response,
}

impl RawResponse {
    pub(crate) fn new(inner: reqwest::Response) -> Self {
        Self { inner }
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

    /// Reads the whole body.
    pub async fn bytes(mut self) -> Result<Response<Bytes>, Error> {
        let status = self.inner.status();
        let headers = std::mem::take(self.inner.headers_mut());
        let body = self.inner.bytes().await.map_err(Error::transport)?;
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
        let body = self.inner.bytes().await.unwrap_or_default();
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
        let body = self.inner.bytes().await.unwrap_or_default();
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
