//! [`Call`]: the future a generated operation returns.
//!
//! A generated operation builds its request, then returns `request.call(read)`, where `read`
//! is a plain function from the whole response to the operation's result. The wait itself
//! (rate limit, retries, reading the body under its cap) is one future compiled once, here,
//! instead of one `async` state machine per operation in the generated crate: on an API with
//! hundreds of operations, that is most of what `cargo check` spends on the client.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::error::Error;
use crate::request::RequestBuilder;
use crate::response::Received;

/// Reads a whole response into an operation's result (status match, body decoding).
pub type Read<T> = fn(Received) -> Result<T, Error>;

type Fetch = Pin<Box<dyn Future<Output = Result<Received, Error>> + Send>>;

/// The answer to one request, read by the operation's own function: what a generated
/// operation such as `client.get_pet(id)` returns. Await it (it is `Send`, `Unpin` and owns
/// everything it needs, so it can also be spawned or stored).
#[must_use = "a call does nothing until it is awaited"]
pub struct Call<T> {
    fetch: Fetch,
    read: Read<T>,
}

impl<T> Call<T> {
    pub(crate) fn new(request: RequestBuilder, read: Read<T>) -> Self {
        Self {
            fetch: Box::pin(request.fetch()),
            read,
        }
    }
}

impl<T> Future for Call<T> {
    type Output = Result<T, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.fetch.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(received) => Poll::Ready(received.and_then(self.read)),
        }
    }
}

impl<T> fmt::Debug for Call<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call").finish_non_exhaustive()
    }
}
