//! The client, its builder and credentials.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use reqwest::Method;
use reqwest::header::HeaderValue;
use url::Url;

use crate::clock::{Clock, SystemClock};
use crate::error::Error;
use crate::limits::Limits;
use crate::params::is_dot_segment;
use crate::request::RequestBuilder;
use crate::retry::{RateLimit, RateLimiter, RetryPolicy};

/// The `User-Agent` every request carries unless [`ClientBuilder::user_agent`] sets another:
/// `paragon-runtime/VERSION`.
pub const DEFAULT_USER_AGENT: &str = concat!("paragon-runtime/", env!("CARGO_PKG_VERSION"));

/// A secret used to satisfy a security scheme. Its `Debug` output never shows
/// the secret.
#[derive(Clone, PartialEq, Eq)]
pub enum Credential {
    /// A bearer token, sent as `Authorization: Bearer <token>`. Also accepted
    /// for `apiKey` schemes.
    Bearer(String),
    /// HTTP basic authentication.
    Basic {
        /// User name.
        username: String,
        /// Password.
        password: String,
    },
    /// An API key, placed where the scheme says. Also accepted for `bearer`
    /// schemes.
    ApiKey(String),
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credential::Bearer(_) => f.write_str("Bearer(<redacted>)"),
            Credential::Basic { username, .. } => f
                .debug_struct("Basic")
                .field("username", username)
                .field("password", &format_args!("<redacted>"))
                .finish(),
            Credential::ApiKey(_) => f.write_str("ApiKey(<redacted>)"),
        }
    }
}

/// Where an `apiKey` security scheme puts the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApiKeyLocation {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie.
    Cookie,
}

/// How a security scheme is applied; generated code declares these as
/// consts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SchemeKind {
    /// `http` scheme `bearer`: `Authorization: Bearer <token>`.
    Bearer,
    /// `http` scheme `basic`: `Authorization: Basic <base64(user:password)>`.
    Basic,
    /// `apiKey` scheme.
    ApiKey {
        /// Where the key goes.
        location: ApiKeyLocation,
        /// Header, query parameter or cookie name.
        name: &'static str,
    },
}

/// One OpenAPI security scheme, as declared under
/// `components.securitySchemes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SecurityScheme {
    /// The scheme's name (its key in `securitySchemes`); credentials are
    /// registered under this name with [`ClientBuilder::credential`].
    pub name: &'static str,
    /// How the credential is applied.
    pub kind: SchemeKind,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: Url,
    pub(crate) credentials: HashMap<String, Credential>,
    pub(crate) retry: RetryPolicy,
    pub(crate) rate_limiter: Option<RateLimiter>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) user_agent: HeaderValue,
    pub(crate) limits: Limits,
}

/// An API client: base URL, credentials, retry policy, optional rate limit
/// and clock. Cheap to clone (an [`Arc`] inside); clones share the rate
/// limit.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut schemes: Vec<&str> = self.inner.credentials.keys().map(String::as_str).collect();
        schemes.sort_unstable();
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url.as_str())
            .field("credentials_for", &schemes)
            .field("retry", &self.inner.retry)
            .field(
                "rate_limit",
                &self.inner.rate_limiter.as_ref().map(|r| r.limit()),
            )
            .field("clock", &self.inner.clock)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Starts building a client whose base URL is `default_base_url` (the
    /// spec's first server, typically) unless overridden with
    /// [`ClientBuilder::base_url`].
    pub fn builder(default_base_url: &str) -> ClientBuilder {
        ClientBuilder {
            base_url: default_base_url.to_owned(),
            http: None,
            credentials: HashMap::new(),
            retry: RetryPolicy::default(),
            rate_limit: None,
            clock: None,
            user_agent: None,
            limits: Limits::default(),
        }
    }

    /// The timeouts and caps this client applies.
    pub fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    /// The base URL every path is appended to.
    pub fn base_url(&self) -> &Url {
        &self.inner.base_url
    }

    /// The clock used for all sleeping.
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.inner.clock
    }

    /// The retry policy; compiled workflows also cap a `Retry-After` wait at its
    /// `max_retry_after`.
    pub fn retry_policy(&self) -> RetryPolicy {
        self.inner.retry
    }

    /// Starts a request. `path` is already percent-encoded by the generated
    /// code and starts with `/`. It is appended to the base URL's path (base
    /// `https://h/api` + `/x` gives `https://h/api/x`; a trailing slash on the
    /// base is ignored).
    ///
    /// A path containing a `.` or `..` segment is refused at
    /// [`RequestBuilder::send`] with [`Error::InvalidRequest`], since URL
    /// normalization would silently remove it.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let url = self.join_path(path);
        RequestBuilder::new(self.clone(), method, url)
    }

    /// Starts a request to a URL returned by the server (e.g. a `nextLink`).
    /// Relative URLs are resolved against the base URL. URLs whose origin
    /// (scheme, host, port) differs from the base URL's are refused with
    /// [`Error::InvalidRequest`] (at [`RequestBuilder::send`]), so
    /// credentials are never sent to another host.
    pub fn request_url(&self, method: Method, url: &str) -> RequestBuilder {
        let base = &self.inner.base_url;
        let resolved = match base.join(url) {
            Ok(u) if u.origin() == base.origin() => Ok(u),
            Ok(u) => Err(Error::InvalidRequest(format!(
                "refusing to send a request to {}://{}: its origin differs from the base URL's",
                u.scheme(),
                u.host_str().unwrap_or("")
            ))),
            Err(e) => Err(Error::InvalidRequest(format!(
                "invalid URL returned by the server: {e}"
            ))),
        };
        RequestBuilder::new(self.clone(), method, resolved)
    }

    /// Starts a request to an absolute `http`/`https` URL that no operation of this client
    /// describes (a workflow's `x-operation` step). It uses this client's limits, retries,
    /// rate limit and clock, and carries no credentials: nothing calls
    /// [`RequestBuilder::security`] for it.
    pub fn request_absolute(&self, method: Method, url: &str) -> RequestBuilder {
        let parsed = match Url::parse(url) {
            Ok(u) if matches!(u.scheme(), "http" | "https") => Ok(u),
            Ok(u) => Err(Error::InvalidRequest(format!(
                "refusing to send a request to a `{}:` URL: only http and https",
                u.scheme()
            ))),
            Err(e) => Err(Error::InvalidRequest(format!("invalid URL {url:?}: {e}"))),
        };
        RequestBuilder::new(self.clone(), method, parsed)
    }

    fn join_path(&self, path: &str) -> Result<Url, Error> {
        if path.split('/').any(is_dot_segment) {
            return Err(Error::InvalidRequest(format!(
                "path {path:?} contains a '.' or '..' segment"
            )));
        }
        let mut url = self.inner.base_url.clone();
        let base_path = url.path().trim_end_matches('/');
        let joined = if path.starts_with('/') {
            format!("{base_path}{path}")
        } else {
            format!("{base_path}/{path}")
        };
        url.set_path(&joined);
        Ok(url)
    }
}

/// Follows at most 10 redirects, and only within the origin of the first
/// request: reqwest strips `Authorization` and `Cookie` on cross-host
/// redirects but not API-key headers. A cross-origin redirect response is
/// returned to the caller as-is.
fn same_origin_redirects() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let same_origin = attempt
            .previous()
            .first()
            .is_some_and(|first| first.origin() == attempt.url().origin());
        if attempt.previous().len() > 10 {
            attempt.error("too many redirects")
        } else if same_origin {
            attempt.follow()
        } else {
            attempt.stop()
        }
    })
}

/// Builder for [`Client`]; see [`Client::builder`].
pub struct ClientBuilder {
    base_url: String,
    http: Option<reqwest::Client>,
    credentials: HashMap<String, Credential>,
    retry: RetryPolicy,
    rate_limit: Option<RateLimit>,
    clock: Option<Arc<dyn Clock>>,
    user_agent: Option<String>,
    limits: Limits,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("retry", &self.retry)
            .field("rate_limit", &self.rate_limit)
            .field("clock", &self.clock)
            .field("user_agent", &self.user_agent)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// Overrides the base URL. An invalid URL is reported by
    /// [`ClientBuilder::build`].
    pub fn base_url(mut self, url: &str) -> Self {
        url.clone_into(&mut self.base_url);
        self
    }

    /// Uses this reqwest client (timeouts, proxies, TLS settings, ...)
    /// instead of a default one. The default client follows redirects only
    /// within the same origin; an injected client keeps its own redirect
    /// policy.
    pub fn http_client(mut self, c: reqwest::Client) -> Self {
        self.http = Some(c);
        self
    }

    /// Registers a credential for the security scheme named `scheme_name`
    /// (its key in the spec's `securitySchemes`).
    pub fn credential(mut self, scheme_name: &str, cred: Credential) -> Self {
        self.credentials.insert(scheme_name.to_owned(), cred);
        self
    }

    /// Sets the retry policy (default: [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, p: RetryPolicy) -> Self {
        self.retry = p;
        self
    }

    /// Enables a client-side rate limit (off by default).
    pub fn rate_limit(mut self, r: RateLimit) -> Self {
        self.rate_limit = Some(r);
        self
    }

    /// Sets the clock (default: [`SystemClock`]).
    pub fn clock(mut self, c: Arc<dyn Clock>) -> Self {
        self.clock = Some(c);
        self
    }

    /// Sets the timeouts and the response-body cap (default: [`Limits::default`]).
    pub fn limits(mut self, l: Limits) -> Self {
        self.limits = l;
        self
    }

    /// Sets the `User-Agent` header (default `paragon-runtime/<version>`).
    pub fn user_agent(mut self, ua: &str) -> Self {
        self.user_agent = Some(ua.to_owned());
        self
    }

    /// Builds the client. An invalid base URL (or one that is not `http` or
    /// `https`) or user agent gives [`Error::InvalidRequest`]; failing to set
    /// up the default HTTP client gives [`Error::Transport`].
    pub fn build(self) -> Result<Client, Error> {
        let base_url = Url::parse(&self.base_url)
            .map_err(|e| Error::InvalidRequest(format!("invalid base URL: {e}")))?;
        if !matches!(base_url.scheme(), "http" | "https") || base_url.host_str().is_none() {
            return Err(Error::InvalidRequest(
                "invalid base URL: it must be an http or https URL with a host".to_owned(),
            ));
        }
        let user_agent =
            HeaderValue::from_str(self.user_agent.as_deref().unwrap_or(DEFAULT_USER_AGENT))
                .map_err(|_| Error::InvalidRequest("invalid user agent".to_owned()))?;
        let http = match self.http {
            Some(c) => c,
            None => reqwest::Client::builder()
                .redirect(same_origin_redirects())
                .connect_timeout(self.limits.connect)
                .read_timeout(self.limits.read_idle)
                .build()
                .map_err(Error::transport)?,
        };
        let clock = self.clock.unwrap_or_else(|| Arc::new(SystemClock));
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                credentials: self.credentials,
                retry: self.retry,
                rate_limiter: self.rate_limit.map(RateLimiter::new),
                clock,
                user_agent,
                limits: self.limits,
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(base: &str) -> Client {
        match Client::builder(base).build() {
            Ok(c) => c,
            Err(e) => panic!("build failed: {e}"),
        }
    }

    #[test]
    fn join_handles_trailing_slash() {
        for base in ["https://h/api", "https://h/api/"] {
            let c = client(base);
            let url = c.join_path("/x/y%2Fz").ok().map(|u| u.to_string());
            assert_eq!(url.as_deref(), Some("https://h/api/x/y%2Fz"));
        }
        let c = client("https://h");
        let url = c.join_path("/x").ok().map(|u| u.to_string());
        assert_eq!(url.as_deref(), Some("https://h/x"));
        assert!(c.join_path("/a/../b").is_err());
    }

    #[test]
    fn invalid_base_urls_are_refused() {
        for base in ["not a url", "mailto:x@y", "file:///tmp"] {
            assert!(matches!(
                Client::builder(base).build(),
                Err(Error::InvalidRequest(_))
            ));
        }
        assert!(
            Client::builder("https://ok")
                .base_url("::bad")
                .build()
                .is_err()
        );
    }

    #[test]
    fn credential_debug_is_redacted() {
        let text = format!(
            "{:?} {:?} {:?}",
            Credential::Bearer("tok-secret".into()),
            Credential::ApiKey("key-secret".into()),
            Credential::Basic {
                username: "bob".into(),
                password: "pw-secret".into()
            }
        );
        assert!(!text.contains("secret"), "{text}");
        assert!(text.contains("bob"));
    }
}
