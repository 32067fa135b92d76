//! Retries and client-side rate limiting.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use tracing::Instrument;

use crate::client::Client;
use crate::clock::Clock;
use crate::error::Error;
use crate::response::RawResponse;

/// When and how long to wait before retrying a request.
///
/// A response is retried when its status is `429 Too Many Requests` (any
/// method) or `503 Service Unavailable` (idempotent methods only: `GET`,
/// `HEAD`, `PUT`, `DELETE`, `OPTIONS`), up to `max_retries` times, and only
/// if the request body can be replayed.
///
/// The wait is the response's `Retry-After` header (delta-seconds, possibly
/// fractional, or an HTTP date relative to the clock's wall time). If that
/// is longer than `max_retry_after`, the response is returned without
/// retrying. Without the header the wait is `initial_backoff * 2^n`
/// (n = retries so far) capped at `max_backoff`, without jitter.
///
/// When retries are exhausted the last response is returned as-is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// Back-off before the first retry when the server gives no
    /// `Retry-After`.
    pub initial_backoff: Duration,
    /// Upper bound of the exponential back-off.
    pub max_backoff: Duration,
    /// The longest `Retry-After` the client is willing to wait.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    /// 3 retries, 500 ms initial back-off, 30 s maximum back-off, 120 s
    /// maximum `Retry-After`.
    fn default() -> Self {
        Self {
            max_retries: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(120),
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// Back-off before retry number `retry` (0-based) when the server gave no
    /// `Retry-After`.
    fn backoff(&self, retry: u32) -> Duration {
        2u32.checked_pow(retry)
            .and_then(|factor| self.initial_backoff.checked_mul(factor))
            .map_or(self.max_backoff, |d| d.min(self.max_backoff))
    }
}

/// A client-side limit of `requests` requests per `per` (a sliding window).
/// When the limit is reached, requests sleep (through the client's
/// [`Clock`]) until a slot frees up; they never fail because of it. Every
/// attempt, retries included, takes a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed per window (0 is treated as 1).
    pub requests: u32,
    /// Length of the window.
    pub per: Duration,
}

impl RateLimit {
    /// `requests` per `per`, e.g. `RateLimit::new(1000, Duration::from_secs(600))`.
    pub fn new(requests: u32, per: Duration) -> Self {
        Self { requests, per }
    }
}

/// Sliding-window limiter shared by all clones of a client.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    limit: RateLimit,
    /// Start times (clock `now`) of requests inside the current window.
    sent: Mutex<VecDeque<Duration>>,
}

impl RateLimiter {
    pub(crate) fn new(limit: RateLimit) -> Self {
        Self {
            limit,
            sent: Mutex::new(VecDeque::new()),
        }
    }

    pub(crate) fn limit(&self) -> RateLimit {
        self.limit
    }

    /// Takes a slot now, or returns how long to wait before trying again.
    fn try_acquire(&self, now: Duration) -> Result<(), Duration> {
        let max = usize::try_from(self.limit.requests.max(1)).unwrap_or(usize::MAX);
        let mut sent = self
            .sent
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        while sent
            .front()
            .is_some_and(|&t| now.saturating_sub(t) >= self.limit.per)
        {
            sent.pop_front();
        }
        if sent.len() < max {
            sent.push_back(now);
            return Ok(());
        }
        let oldest = sent.front().copied().unwrap_or(now);
        Err((oldest.saturating_add(self.limit.per))
            .saturating_sub(now)
            .max(Duration::from_millis(1)))
    }

    /// Waits until a slot is free and takes it.
    pub(crate) async fn acquire(&self, clock: &dyn Clock) {
        loop {
            match self.try_acquire(clock.now()) {
                Ok(()) => return,
                Err(wait) => {
                    tracing::debug!(wait = ?wait, "client-side rate limit reached; waiting");
                    clock.sleep(wait).await;
                }
            }
        }
    }
}

/// Parses a `Retry-After` value: delta-seconds (fractions accepted) or an
/// HTTP date, relative to `wall_now`. Dates in the past give zero.
pub(crate) fn parse_retry_after(value: &str, wall_now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        let secs: f64 = value.parse().ok()?;
        // Only digits and dots: never negative or NaN, so failure means overflow.
        return Some(Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(wall_now).unwrap_or(Duration::ZERO))
}

fn retry_after(headers: &HeaderMap, wall_now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?;
    parse_retry_after(value, wall_now)
}

fn is_idempotent(method: &Method) -> bool {
    [
        Method::GET,
        Method::HEAD,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
    ]
    .contains(method)
}

/// A request ready to send, kept in parts so a retry can send it again.
pub(crate) struct Outgoing {
    pub(crate) method: Method,
    pub(crate) url: url::Url,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Option<bytes::Bytes>,
}

impl Outgoing {
    /// The request for one attempt: a copy while retries remain, the parts themselves for the
    /// last one. (A copy made here shares the body's bytes and, unlike
    /// `reqwest::Request::try_clone`, sets up no extensions.)
    fn attempt(
        this: &mut Option<Self>,
        last: bool,
        total: std::time::Duration,
    ) -> Option<reqwest::Request> {
        let (method, url, headers, body) = if last {
            let o = this.take()?;
            (o.method, o.url, o.headers, o.body)
        } else {
            let o = this.as_ref()?;
            (
                o.method.clone(),
                o.url.clone(),
                o.headers.clone(),
                o.body.clone(),
            )
        };
        let mut req = reqwest::Request::new(method, url);
        *req.headers_mut() = headers;
        *req.body_mut() = body.map(reqwest::Body::from);
        *req.timeout_mut() = Some(total);
        Some(req)
    }
}

/// Sends `req` with rate limiting and retries, inside one
/// `paragon.request` span.
pub(crate) async fn execute(
    client: &Client,
    req: Outgoing,
    operation: Option<&'static str>,
) -> Result<RawResponse, Error> {
    // Only the path is recorded: the query string may carry an API key.
    let span = tracing::info_span!(
        "paragon.request",
        operation = operation.unwrap_or(""),
        method = %req.method,
        url_path = %req.url.path(),
        status = tracing::field::Empty,
        attempt = tracing::field::Empty,
    );
    execute_with_retries(client, req, &span)
        .instrument(span.clone())
        .await
}

async fn execute_with_retries(
    client: &Client,
    req: Outgoing,
    span: &tracing::Span,
) -> Result<RawResponse, Error> {
    let inner = &client.inner;
    let policy = inner.retry;
    let clock: &dyn Clock = &*inner.clock;
    let idempotent = is_idempotent(&req.method);
    let mut parts = Some(req);
    let mut retries: u32 = 0;
    loop {
        let last = retries >= policy.max_retries;
        let Some(req) = Outgoing::attempt(&mut parts, last, inner.limits.total) else {
            return Err(Error::InvalidRequest(
                "internal: a request was sent again after its last attempt".to_owned(),
            ));
        };
        if let Some(limiter) = &inner.rate_limiter {
            limiter.acquire(clock).await;
        }
        span.record("attempt", retries.saturating_add(1));
        let resp = inner.http.execute(req).await.map_err(Error::transport)?;
        let status = resp.status();
        span.record("status", status.as_u16());

        let retryable = status == StatusCode::TOO_MANY_REQUESTS
            || (status == StatusCode::SERVICE_UNAVAILABLE && idempotent);
        if last || !retryable {
            return Ok(RawResponse::new(resp, inner.limits.max_body_bytes, retries));
        }
        let wait = match retry_after(resp.headers(), clock.wall_now()) {
            Some(wait) if wait > policy.max_retry_after => {
                tracing::debug!(
                    status = status.as_u16(),
                    retry_after = ?wait,
                    "not retrying: Retry-After exceeds max_retry_after"
                );
                return Ok(RawResponse::new(resp, inner.limits.max_body_bytes, retries));
            }
            Some(wait) => wait,
            None => policy.backoff(retries),
        };
        tracing::debug!(
            status = status.as_u16(),
            retry = retries + 1,
            wait = ?wait,
            "retrying request"
        );
        drop(resp);
        clock.sleep(wait).await;
        retries += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_caps() {
        let p = RetryPolicy {
            max_retries: 10,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(3),
            max_retry_after: Duration::from_secs(10),
        };
        let waits: Vec<_> = (0..5).map(|n| p.backoff(n)).collect();
        assert_eq!(
            waits,
            [500, 1000, 2000, 3000, 3000].map(Duration::from_millis)
        );
        assert_eq!(p.backoff(100), Duration::from_secs(3));
    }

    #[test]
    fn retry_after_forms() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(parse_retry_after("2", now), Some(Duration::from_secs(2)));
        assert_eq!(
            parse_retry_after(" 1.5 ", now),
            Some(Duration::from_millis(1500))
        );
        let later = httpdate::fmt_http_date(now + Duration::from_secs(30));
        assert_eq!(
            parse_retry_after(&later, now),
            Some(Duration::from_secs(30))
        );
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(30));
        assert_eq!(parse_retry_after(&earlier, now), Some(Duration::ZERO));
        for bad in ["", "-1", "soon", "1e9999", "1..2"] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad}");
        }
        assert_eq!(
            parse_retry_after("99999999999999999999999", now),
            Some(Duration::MAX)
        );
    }

    #[test]
    fn limiter_window_slides() {
        let l = RateLimiter::new(RateLimit::new(2, Duration::from_secs(10)));
        let s = Duration::from_secs;
        assert_eq!(l.try_acquire(s(0)), Ok(()));
        assert_eq!(l.try_acquire(s(1)), Ok(()));
        assert_eq!(l.try_acquire(s(2)), Err(s(8)));
        assert_eq!(l.try_acquire(s(10)), Ok(()));
        assert_eq!(l.try_acquire(s(10)), Err(s(1)));
    }
}
