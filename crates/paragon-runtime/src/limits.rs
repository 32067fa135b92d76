//! Limits on what a server can make a client wait for or hold in memory.

use std::time::Duration;

/// Timeouts and the response-body cap of a [`crate::Client`]; see
/// [`crate::ClientBuilder::limits`]. Every field has a default, so a server that accepts a
/// connection and never answers, or stalls a body, ends the call with [`crate::Error::Timeout`],
/// and a body larger than the cap ends it with [`crate::Error::BodyTooLarge`].
///
/// With an injected reqwest client ([`crate::ClientBuilder::http_client`]), `connect` and
/// `read_idle` are that client's own (reqwest sets them when a client is built);
/// `total` and `max_body_bytes` apply to every request whichever client sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Time to establish a connection (TCP and TLS). Default 10 s.
    pub connect: Duration,
    /// Longest silence while reading a response (between two chunks). Default 30 s.
    pub read_idle: Duration,
    /// Longest time for one attempt, from sending to the last byte of the body. Default 120 s.
    /// Retries each get their own.
    pub total: Duration,
    /// The largest body [`crate::RawResponse::bytes`], `json`, `text` and `empty` read: the
    /// call fails once more arrives. Error bodies kept in [`crate::Error::Status`] are cut at this
    /// size instead. Bodies read through [`crate::RawResponse::stream`] are not capped. Default
    /// 64 MiB.
    pub max_body_bytes: usize,
    /// The most pages one generated `*_stream` fetches; the stream then ends with
    /// [`crate::Error::TooManyPages`]. Default 10,000.
    pub max_pages: usize,
}

/// Default of [`Limits::max_pages`].
pub const DEFAULT_MAX_PAGES: usize = 10_000;

/// Default of [`Limits::max_body_bytes`].
pub const DEFAULT_MAX_BODY_BYTES: usize = 64 << 20;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect: Duration::from_secs(10),
            read_idle: Duration::from_secs(30),
            total: Duration::from_secs(120),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_pages: DEFAULT_MAX_PAGES,
        }
    }
}
