//! Building and sending one request.

use std::fmt;

use base64::Engine as _;
use bytes::Bytes;
use reqwest::Method;
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, COOKIE, HeaderMap, HeaderName, HeaderValue, USER_AGENT,
};
use serde::Serialize;
use url::Url;

use crate::client::{ApiKeyLocation, Client, Credential, SchemeKind, SecurityScheme};
use crate::error::Error;
use crate::multipart::Multipart;
use crate::params::{ParamStyle, cookie_pairs, form_body, header_value, query_param};
use crate::response::RawResponse;

type Requirements = &'static [&'static [&'static str]];

/// One request being built; see [`Client::request`]. All methods take and
/// return the builder by value. Errors (bad header value, serialization
/// failure, ...) are kept and reported by [`RequestBuilder::send`].
pub struct RequestBuilder {
    client: Client,
    method: Method,
    url: Result<Url, Error>,
    /// The first error met while building.
    error: Option<Error>,
    /// Encoded `name=value` pieces, joined with `&` when sent.
    query: Vec<String>,
    headers: HeaderMap,
    cookies: Vec<(String, String)>,
    body: Option<Bytes>,
    security: Option<(&'static [SecurityScheme], Requirements)>,
    operation: Option<&'static str>,
}

impl fmt::Debug for RequestBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestBuilder")
            .field("operation", &self.operation)
            .field("method", &self.method)
            .field("path", &self.url.as_ref().map(Url::path).ok())
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

fn serialize<T: Serialize + ?Sized>(what: &str, value: &T) -> Result<serde_json::Value, Error> {
    serde_json::to_value(value)
        .map_err(|e| Error::InvalidRequest(format!("cannot serialize {what}: {e}")))
}

fn header_name(name: &str) -> Result<HeaderName, Error> {
    HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| Error::InvalidRequest(format!("invalid header name {name:?}")))
}

/// A header value marked sensitive; the error never repeats the value.
fn secret_header(value: &str, scheme: &str) -> Result<HeaderValue, Error> {
    let mut v = HeaderValue::from_str(value).map_err(|_| {
        Error::InvalidRequest(format!(
            "the credential for security scheme {scheme:?} is not a valid header value"
        ))
    })?;
    v.set_sensitive(true);
    Ok(v)
}

/// Whether `cred` can satisfy a scheme of kind `kind`.
fn compatible(kind: SchemeKind, cred: &Credential) -> bool {
    match kind {
        SchemeKind::Basic => matches!(cred, Credential::Basic { .. }),
        SchemeKind::Bearer | SchemeKind::ApiKey { .. } => {
            matches!(cred, Credential::Bearer(_) | Credential::ApiKey(_))
        }
    }
}

impl RequestBuilder {
    pub(crate) fn new(client: Client, method: Method, url: Result<Url, Error>) -> Self {
        Self {
            client,
            method,
            url,
            error: None,
            query: Vec::new(),
            headers: HeaderMap::with_capacity(8),
            cookies: Vec::new(),
            body: None,
            security: None,
            operation: None,
        }
    }

    fn fail(mut self, e: Error) -> Self {
        if self.error.is_none() {
            self.error = Some(e);
        }
        self
    }

    /// Adds a query parameter in the default style (OpenAPI `form`, exploded). The value is
    /// serialized with `serde_json::to_value`: strings as-is, numbers and booleans in their
    /// usual text form, `null` (so `Option::None`) skipped, arrays as one `name=element` pair
    /// per element, objects as one `key=value` pair per member. Pieces are percent-encoded.
    pub fn query<T: Serialize + ?Sized>(self, name: &str, value: &T) -> Self {
        self.query_with(name, value, ParamStyle::QUERY)
    }

    /// Adds a query parameter in any OpenAPI style ([`ParamStyle`]).
    pub fn query_with<T: Serialize + ?Sized>(
        mut self,
        name: &str,
        value: &T,
        style: ParamStyle,
    ) -> Self {
        match query_param(name, value, style) {
            Ok(pieces) => {
                self.query.extend(pieces);
                self
            }
            Err(e) => self.fail(Error::InvalidRequest(e)),
        }
    }

    /// Sets a header (OpenAPI `simple` style, not exploded): scalars as for
    /// [`RequestBuilder::query`], arrays comma-joined, objects `key,value,...`, `null`
    /// skipped. An invalid name or value is reported by [`RequestBuilder::send`].
    pub fn header<T: Serialize + ?Sized>(self, name: &str, value: &T) -> Self {
        self.header_with(name, value, false)
    }

    /// Sets a header in the `simple` style, exploded (`key=value,...` for objects) or not.
    pub fn header_with<T: Serialize + ?Sized>(
        mut self,
        name: &str,
        value: &T,
        explode: bool,
    ) -> Self {
        let value = match serialize("header", value) {
            Ok(v) => v,
            Err(e) => return self.fail(e),
        };
        let Some(text) = header_value(&value, explode) else {
            return self;
        };
        let name = match header_name(name) {
            Ok(n) => n,
            Err(e) => return self.fail(e),
        };
        match HeaderValue::from_str(&text) {
            Ok(v) => {
                self.headers.insert(name, v);
                self
            }
            Err(_) => self.fail(Error::InvalidRequest(format!(
                "invalid value for header {name}"
            ))),
        }
    }

    /// Adds a cookie (OpenAPI `form` style, exploded); all cookies are sent in one `Cookie`
    /// header. Characters not allowed in cookies are percent-encoded; `null` is skipped.
    pub fn cookie<T: Serialize + ?Sized>(self, name: &str, value: &T) -> Self {
        self.cookie_with(name, value, true)
    }

    /// Adds a cookie parameter, exploded (a list or object as several cookies) or not
    /// (`name=a,b`).
    pub fn cookie_with<T: Serialize + ?Sized>(
        mut self,
        name: &str,
        value: &T,
        explode: bool,
    ) -> Self {
        match serialize("cookie", value) {
            Ok(v) => {
                self.cookies.extend(cookie_pairs(name, &v, explode));
                self
            }
            Err(e) => self.fail(e),
        }
    }

    /// Sets a JSON body (`Content-Type: application/json`).
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => {
                self.headers
                    .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                self.body = Some(Bytes::from(bytes));
                self
            }
            Err(e) => self.fail(Error::InvalidRequest(format!(
                "cannot serialize JSON body: {e}"
            ))),
        }
    }

    /// Sets a JSON body when `body` is `Some`; sends no body otherwise.
    pub fn json_opt<T: Serialize + ?Sized>(self, body: Option<&T>) -> Self {
        match body {
            Some(b) => self.json(b),
            None => self,
        }
    }

    /// Sets a form body when `body` is `Some`; sends no body otherwise.
    pub fn form_opt<T: Serialize + ?Sized>(self, body: Option<&T>) -> Self {
        match body {
            Some(b) => self.form(b),
            None => self,
        }
    }

    /// Sets a raw body with the given content type.
    pub fn body_bytes(mut self, content_type: &str, body: Bytes) -> Self {
        match HeaderValue::from_str(content_type) {
            Ok(v) => {
                self.headers.insert(CONTENT_TYPE, v);
                self.body = Some(body);
                self
            }
            Err(_) => self.fail(Error::InvalidRequest(format!(
                "invalid content type {content_type:?}"
            ))),
        }
    }

    /// Sets an `application/x-www-form-urlencoded` body. `body` must serialize to an object;
    /// each member is written like an exploded `form` query parameter.
    pub fn form<T: Serialize + ?Sized>(self, body: &T) -> Self {
        self.form_with(body, &[])
    }

    /// Sets a form body whose members are written in the styles of the request body's
    /// `encoding` object (members it does not name: `form`, exploded).
    pub fn form_with<T: Serialize + ?Sized>(
        mut self,
        body: &T,
        encoding: &[(&str, ParamStyle)],
    ) -> Self {
        let encoded = serialize("form body", body)
            .and_then(|v| form_body(&v, encoding).map_err(Error::InvalidRequest));
        match encoded {
            Ok(encoded) => {
                self.headers.insert(
                    CONTENT_TYPE,
                    HeaderValue::from_static("application/x-www-form-urlencoded"),
                );
                self.body = Some(Bytes::from(encoded));
                self
            }
            Err(e) => self.fail(e),
        }
    }

    /// Sets a form body with an encoding when `body` is `Some`; sends no body otherwise.
    pub fn form_with_opt<T: Serialize + ?Sized>(
        self,
        body: Option<&T>,
        encoding: &[(&str, ParamStyle)],
    ) -> Self {
        match body {
            Some(b) => self.form_with(b, encoding),
            None => self,
        }
    }

    /// Sets a multipart body when there is one; sends no body otherwise.
    pub fn multipart_opt(self, form: Option<Multipart>) -> Self {
        match form {
            Some(f) => self.multipart(f),
            None => self,
        }
    }

    /// Sets a `multipart/form-data` body. It is encoded once, here, so a retry resends the
    /// same bytes.
    pub fn multipart(mut self, form: Multipart) -> Self {
        match form.encode() {
            Ok((content_type, bytes)) => match HeaderValue::from_str(&content_type) {
                Ok(v) => {
                    self.headers.insert(CONTENT_TYPE, v);
                    self.body = Some(bytes);
                    self
                }
                Err(_) => self.fail(Error::InvalidRequest("invalid multipart boundary".into())),
            },
            Err(e) => self.fail(Error::InvalidRequest(e)),
        }
    }

    /// Security requirements of the operation, OpenAPI style: alternatives,
    /// each a set of scheme names (looked up in `schemes`). The first
    /// alternative whose schemes all have a configured, compatible credential
    /// is applied; an empty alternative means "no auth needed". If none is
    /// satisfiable the request is sent without auth.
    pub fn security(
        mut self,
        schemes: &'static [SecurityScheme],
        requirements: &'static [&'static [&'static str]],
    ) -> Self {
        self.security = Some((schemes, requirements));
        self
    }

    /// Names the operation (its `operationId`), for tracing.
    pub fn operation(mut self, operation_id: &'static str) -> Self {
        self.operation = Some(operation_id);
        self
    }

    /// Sets the `Accept` header.
    pub fn accept(mut self, media_type: &str) -> Self {
        match HeaderValue::from_str(media_type) {
            Ok(v) => {
                self.headers.insert(ACCEPT, v);
                self
            }
            Err(_) => self.fail(Error::InvalidRequest(format!(
                "invalid media type {media_type:?}"
            ))),
        }
    }

    /// Applies the first satisfiable security alternative.
    fn apply_security(&mut self) -> Result<(), Error> {
        let Some((schemes, requirements)) = self.security else {
            return Ok(());
        };
        // The credentials are read through a second handle to the client (a reference count,
        // not a copy) while the headers are written.
        let client = self.client.clone();
        let credentials = &client.inner.credentials;
        let usable = |name: &str| {
            let scheme = schemes.iter().find(|s| s.name == name)?;
            let cred = credentials.get(name)?;
            compatible(scheme.kind, cred).then_some((*scheme, cred))
        };
        let Some(chosen) = requirements
            .iter()
            .find(|alternative| alternative.iter().all(|name| usable(name).is_some()))
        else {
            return Ok(());
        };
        for (scheme, cred) in chosen.iter().filter_map(|name| usable(name)) {
            self.apply_credential(scheme, cred)?;
        }
        Ok(())
    }

    fn apply_credential(&mut self, scheme: SecurityScheme, cred: &Credential) -> Result<(), Error> {
        let secret = match cred {
            Credential::Bearer(s) | Credential::ApiKey(s) => s.as_str(),
            Credential::Basic { username, password } => {
                let encoded = base64::engine::general_purpose::STANDARD
                    .encode(format!("{username}:{password}"));
                let value = secret_header(&format!("Basic {encoded}"), scheme.name)?;
                self.headers.insert(AUTHORIZATION, value);
                return Ok(());
            }
        };
        match scheme.kind {
            SchemeKind::Bearer | SchemeKind::Basic => {
                let value = secret_header(&format!("Bearer {secret}"), scheme.name)?;
                self.headers.insert(AUTHORIZATION, value);
            }
            SchemeKind::ApiKey { location, name } => match location {
                ApiKeyLocation::Header => {
                    let value = secret_header(secret, scheme.name)?;
                    self.headers.insert(header_name(name)?, value);
                }
                ApiKeyLocation::Query => self.query.extend(
                    query_param(name, secret, ParamStyle::QUERY).map_err(Error::InvalidRequest)?,
                ),
                ApiKeyLocation::Cookie => {
                    self.cookies
                        .extend(cookie_pairs(name, &serde_json::Value::from(secret), true))
                }
            },
        }
        Ok(())
    }

    /// [`RequestBuilder::send`], then [`RawResponse::receive`]: the request and its whole
    /// response, the one wait of a generated operation.
    pub async fn fetch(self) -> Result<crate::Received, Error> {
        Ok(self.send().await?.receive().await)
    }

    /// [`RequestBuilder::fetch`], then `read` on the response: the future a generated
    /// operation returns (see [`crate::Call`]).
    pub fn call<T>(self, read: crate::Read<T>) -> crate::Call<T> {
        crate::Call::new(self, read)
    }

    /// Sends the request, applying the client's rate limit and retry policy
    /// (see [`crate::RetryPolicy`]). Returns the response whatever its status;
    /// only invalid requests ([`Error::InvalidRequest`]) and transport
    /// failures ([`Error::Transport`]) are errors.
    pub async fn send(mut self) -> Result<RawResponse, Error> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.apply_security()?;
        let Self {
            client,
            method,
            url,
            query,
            mut headers,
            cookies,
            body,
            operation,
            ..
        } = self;
        let mut url = url?;
        if !query.is_empty() {
            // Pieces are encoded already; a URL that has a query (a next-page link) keeps it.
            let mut joined = url.query().unwrap_or("").to_owned();
            for piece in &query {
                if !joined.is_empty() {
                    joined.push('&');
                }
                joined.push_str(piece);
            }
            url.set_query(Some(&joined));
        }
        if !cookies.is_empty() {
            for (name, _) in &cookies {
                if name.is_empty()
                    || name
                        .bytes()
                        .any(|b| !b.is_ascii_graphic() || b"=;,\"".contains(&b))
                {
                    return Err(Error::InvalidRequest(format!(
                        "invalid cookie name {name:?}"
                    )));
                }
            }
            let joined = cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            headers.insert(COOKIE, secret_header(&joined, "cookie")?);
        }
        if !headers.contains_key(USER_AGENT) {
            headers.insert(USER_AGENT, client.inner.user_agent.clone());
        }
        let req = crate::retry::Outgoing {
            method,
            url,
            headers,
            body,
        };
        crate::retry::execute(&client, req, operation).await
    }
}
