//! Seeded fault injection (`paragon-sim --faults …`, [`SimConfig::faults`]): for a soak or a
//! test, a share of requests gets a connection reset after the request was applied, a stall
//! past a client's timeout, a `500`, a `429` with `Retry-After`, a truncated or invalid JSON
//! body, or a body that trickles in slowly. The same seed and request order give the same
//! faults.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::config::SimConfig;
use crate::state::SimState;

/// How often each fault happens, in parts per million of requests, and how it behaves.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Faults {
    /// Seeds the choice of fault per request.
    pub seed: u64,
    /// The request is applied, then the connection is reset before the body is complete.
    pub reset: u32,
    /// The response waits `stall_for` first (past a client's read timeout).
    pub stall: u32,
    /// `500 Internal Server Error`, nothing applied.
    pub error_500: u32,
    /// `429 Too Many Requests` with `Retry-After: 1`, nothing applied.
    pub throttle: u32,
    /// The request is applied; the JSON body is cut in half.
    pub truncate: u32,
    /// The request is applied; the body is not JSON.
    pub invalid: u32,
    /// The request is applied; the body arrives in pieces `slow_for` apart.
    pub slow: u32,
    /// How long a stall lasts.
    pub stall_for: Duration,
    /// The pause between the pieces of a slow body.
    pub slow_for: Duration,
}

/// What happens to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Served as usual.
    None,
    /// Applied, then the connection is cut mid-body.
    Reset,
    /// Answered after [`Faults::stall_for`].
    Stall,
    /// `500`, not applied.
    Error500,
    /// `429` with `Retry-After: 1`, not applied.
    Throttle,
    /// Applied; half the body.
    Truncate,
    /// Applied; a body that is not JSON.
    Invalid,
    /// Applied; the body in three pieces [`Faults::slow_for`] apart.
    Slow,
}

impl Faults {
    /// Parses `seed=7,reset=0.01,stall=0.005,500=0.02,429=0.02,truncate=0.01,invalid=0.01,
    /// slow=0.01,stall-secs=3,slow-ms=200` (each share a fraction of requests; all optional).
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut f = Faults {
            stall_for: Duration::from_secs(40),
            slow_for: Duration::from_millis(200),
            ..Faults::default()
        };
        let share = |k: &str, v: &str| -> Result<u32, String> {
            let x: f64 = v
                .parse()
                .map_err(|_| format!("--faults: `{k}={v}`: expected a fraction such as 0.01"))?;
            if !(0.0..=1.0).contains(&x) {
                return Err(format!("--faults: `{k}={v}`: a fraction between 0 and 1"));
            }
            Ok((x * 1e6).round() as u32)
        };
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| format!("--faults: `{part}` is not KEY=VALUE"))?;
            let whole = |v: &str| {
                v.parse::<u64>()
                    .map_err(|_| format!("--faults: `{k}={v}`: expected a whole number"))
            };
            match k {
                "seed" => f.seed = whole(v)?,
                "reset" => f.reset = share(k, v)?,
                "stall" => f.stall = share(k, v)?,
                "500" => f.error_500 = share(k, v)?,
                "429" => f.throttle = share(k, v)?,
                "truncate" => f.truncate = share(k, v)?,
                "invalid" => f.invalid = share(k, v)?,
                "slow" => f.slow = share(k, v)?,
                "stall-secs" => f.stall_for = Duration::from_secs(whole(v)?),
                "slow-ms" => f.slow_for = Duration::from_millis(whole(v)?),
                other => {
                    return Err(format!(
                        "--faults: unknown key `{other}` (seed, reset, stall, 500, 429, truncate, invalid, slow, stall-secs, slow-ms)"
                    ));
                }
            }
        }
        let total: u64 = [
            f.reset,
            f.stall,
            f.error_500,
            f.throttle,
            f.truncate,
            f.invalid,
            f.slow,
        ]
        .iter()
        .map(|&x| u64::from(x))
        .sum();
        if total > 1_000_000 {
            return Err("--faults: the shares add up to more than 1".into());
        }
        Ok(f)
    }

    /// The fault of the `n`th request (a splitmix64 draw from the seed).
    pub fn pick(&self, n: u64) -> Fault {
        let mut z = self.seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let mut draw = (z % 1_000_000) as u32;
        for (share, fault) in [
            (self.reset, Fault::Reset),
            (self.stall, Fault::Stall),
            (self.error_500, Fault::Error500),
            (self.throttle, Fault::Throttle),
            (self.truncate, Fault::Truncate),
            (self.invalid, Fault::Invalid),
            (self.slow, Fault::Slow),
        ] {
            if draw < share {
                return fault;
            }
            draw -= share;
        }
        Fault::None
    }
}

/// The request counter faults are drawn from.
#[derive(Debug, Default)]
pub(crate) struct FaultCounter(AtomicU64);

/// The middleware: inside the request log, so every faulted request is logged with the status
/// it was given.
pub(crate) async fn inject(
    State(state): State<Arc<SimState>>,
    req: Request,
    next: Next,
) -> Response {
    let Some(faults) = &state.config.faults else {
        return next.run(req).await;
    };
    let n = state.fault_counter.0.fetch_add(1, Ordering::SeqCst);
    match faults.pick(n) {
        Fault::None => next.run(req).await,
        Fault::Error500 => (StatusCode::INTERNAL_SERVER_ERROR, "injected fault").into_response(),
        Fault::Throttle => {
            let mut r = (StatusCode::TOO_MANY_REQUESTS, "injected fault").into_response();
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            r
        }
        Fault::Stall => {
            tokio::time::sleep(faults.stall_for).await;
            next.run(req).await
        }
        fault => {
            let response = next.run(req).await;
            let (parts, body) = response.into_parts();
            let bytes = axum::body::to_bytes(body, 16 << 20)
                .await
                .unwrap_or_default();
            let body = match fault {
                Fault::Truncate => Body::from(bytes.slice(..bytes.len() / 2)),
                Fault::Invalid => Body::from("{\"status\": SYNC"),
                Fault::Reset => {
                    // Half the body, then an error: the connection is cut mid-response.
                    let half = bytes.slice(..bytes.len() / 2);
                    Body::from_stream(futures_util::stream::iter([
                        Ok(half),
                        Err(std::io::Error::other("injected reset")),
                    ]))
                }
                _ => {
                    let delay = faults.slow_for;
                    let pieces: Vec<Bytes> = bytes
                        .chunks(bytes.len().div_ceil(3).max(1))
                        .map(Bytes::copy_from_slice)
                        .collect();
                    Body::from_stream(futures_util::stream::unfold(
                        pieces.into_iter(),
                        move |mut it| async move {
                            let piece = it.next()?;
                            tokio::time::sleep(delay).await;
                            Some((Ok::<_, std::io::Error>(piece), it))
                        },
                    ))
                }
            };
            let mut parts = parts;
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, body)
        }
    }
}

impl SimConfig {
    /// Injects `faults` (see [`Faults`]).
    pub fn faults(mut self, faults: Faults) -> Self {
        self.faults = Some(faults);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_draw() {
        let f = Faults::parse("seed=7,reset=0.1,500=0.2,stall-secs=3").unwrap();
        assert_eq!(
            (f.seed, f.reset, f.error_500, f.stall_for),
            (7, 100_000, 200_000, Duration::from_secs(3))
        );
        let picks: Vec<Fault> = (0..10_000).map(|n| f.pick(n)).collect();
        let share = |x: Fault| picks.iter().filter(|&&p| p == x).count();
        // About 10% and 20% of 10,000, and the same again for the same seed.
        assert!(
            (800..1200).contains(&share(Fault::Reset)),
            "{}",
            share(Fault::Reset)
        );
        assert!((1700..2300).contains(&share(Fault::Error500)));
        assert_eq!(picks, (0..10_000).map(|n| f.pick(n)).collect::<Vec<_>>());
        assert!(Faults::parse("reset=2").is_err());
        assert!(Faults::parse("reset=0.6,500=0.6").is_err());
        assert!(Faults::parse("boom=1").unwrap_err().contains("unknown key"));
        assert_eq!(Faults::parse("").unwrap().pick(3), Fault::None);
    }
}
