//! Vendor API (version 2)
//!
//! The Vendor API, as published in several files.
//!
//! Texts live in Markdown files and code samples in their own files.
#![allow(
    clippy::too_many_arguments,
    clippy::large_enum_variant,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::empty_docs,
    clippy::tabs_in_doc_comments,
    clippy::needless_lifetimes,
    clippy::match_single_binding,
    clippy::enum_variant_names,
    clippy::derive_partial_eq_without_eq,
    rustdoc::all
)]
/// The server from the document's `servers`; override it with [`ClientBuilder::base_url`].
pub const DEFAULT_BASE_URL: &str = "https://api.vendor.example/v2";
/// Configures a [`Client`]: base URL, credentials, and (through [`ClientBuilder::runtime`])
/// retries, rate limit, clock and the reqwest client.
#[derive(Debug)]
pub struct ClientBuilder {
    runtime: ::paragon_runtime::ClientBuilder,
}
impl ClientBuilder {
    /// Sends requests to `url` instead of [`DEFAULT_BASE_URL`].
    pub fn base_url(mut self, url: &str) -> Self {
        self.runtime = self.runtime.base_url(url);
        self
    }
    /// Adjusts the runtime settings (retry policy, rate limit, clock, reqwest client).
    pub fn runtime(
        mut self,
        configure: impl FnOnce(::paragon_runtime::ClientBuilder) -> ::paragon_runtime::ClientBuilder,
    ) -> Self {
        self.runtime = configure(self.runtime);
        self
    }
    /// Builds the client; fails on an invalid base URL.
    pub fn build(self) -> Result<Client, ::paragon_runtime::Error> {
        Ok(Client {
            runtime: self.runtime.build()?,
        })
    }
}
/// A client for Vendor API.
#[derive(Debug, Clone)]
pub struct Client {
    runtime: ::paragon_runtime::Client,
}
impl Client {
    /// Starts configuring a client for [`DEFAULT_BASE_URL`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder {
            runtime: ::paragon_runtime::Client::builder(DEFAULT_BASE_URL),
        }
    }
    /// Wraps an already configured runtime client.
    pub fn from_runtime(runtime: ::paragon_runtime::Client) -> Self {
        Self { runtime }
    }
    /// The runtime client underneath.
    pub fn runtime(&self) -> &::paragon_runtime::Client {
        &self.runtime
    }
    fn create_user_request(&self, body: &User) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::POST, "/users")
            .operation("createUser")
            .accept("application/json")
            .json(body)
    }
    /// Creates a user from a SCIM body.
    ///
    /// `POST /users`
    pub async fn create_user(&self, body: &User) -> Result<User, ::paragon_runtime::Error> {
        let raw = self.create_user_request(body).send().await?;
        match raw.status().as_u16() {
            201 => Ok(raw.json::<User>().await?.body),
            _ => Err(raw.unexpected().await),
        }
    }
    /// Like [`Client::create_user`], but returns the status, the headers and the typed body of every documented response.
    pub async fn create_user_with_response(
        &self,
        body: &User,
    ) -> Result<::paragon_runtime::Response<User>, ::paragon_runtime::Error> {
        let raw = self.create_user_request(body).send().await?;
        Ok(match raw.status().as_u16() {
            201 => raw.json::<User>().await?,
            _ => return Err(raw.unexpected().await),
        })
    }
    fn set_retention_request(&self, body: i64) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::PUT, "/config/retention")
            .operation("setRetention")
            .json(&body)
    }
    /// Restores the retention setting (an integer body)
    ///
    /// `PUT /config/retention`
    pub async fn set_retention(&self, body: i64) -> Result<(), ::paragon_runtime::Error> {
        let raw = self.set_retention_request(body).send().await?;
        match raw.status().as_u16() {
            204 => {
                raw.empty().await?;
                Ok(())
            }
            _ => Err(raw.unexpected().await),
        }
    }
    /// Like [`Client::set_retention`], but returns the status, the headers and the typed body of every documented response.
    pub async fn set_retention_with_response(
        &self,
        body: i64,
    ) -> Result<::paragon_runtime::Response<()>, ::paragon_runtime::Error> {
        let raw = self.set_retention_request(body).send().await?;
        Ok(match raw.status().as_u16() {
            204 => raw.empty().await?,
            _ => return Err(raw.unexpected().await),
        })
    }
    fn set_motd_request(&self, body: &str) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::PUT, "/config/motd")
            .operation("setMotd")
            .json(body)
    }
    /// `PUT /config/motd`
    pub async fn set_motd(&self, body: &str) -> Result<(), ::paragon_runtime::Error> {
        let raw = self.set_motd_request(body).send().await?;
        match raw.status().as_u16() {
            204 => {
                raw.empty().await?;
                Ok(())
            }
            _ => Err(raw.unexpected().await),
        }
    }
    /// Like [`Client::set_motd`], but returns the status, the headers and the typed body of every documented response.
    pub async fn set_motd_with_response(
        &self,
        body: &str,
    ) -> Result<::paragon_runtime::Response<()>, ::paragon_runtime::Error> {
        let raw = self.set_motd_request(body).send().await?;
        Ok(match raw.status().as_u16() {
            204 => raw.empty().await?,
            _ => return Err(raw.unexpected().await),
        })
    }
    fn set_maintenance_request(&self, body: Option<&bool>) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::PUT,
                "/config/maintenance",
            )
            .operation("setMaintenance")
            .json_opt(body)
    }
    /// `PUT /config/maintenance`
    pub async fn set_maintenance(
        &self,
        body: Option<&bool>,
    ) -> Result<(), ::paragon_runtime::Error> {
        let raw = self.set_maintenance_request(body).send().await?;
        match raw.status().as_u16() {
            204 => {
                raw.empty().await?;
                Ok(())
            }
            _ => Err(raw.unexpected().await),
        }
    }
    /// Like [`Client::set_maintenance`], but returns the status, the headers and the typed body of every documented response.
    pub async fn set_maintenance_with_response(
        &self,
        body: Option<&bool>,
    ) -> Result<::paragon_runtime::Response<()>, ::paragon_runtime::Error> {
        let raw = self.set_maintenance_request(body).send().await?;
        Ok(match raw.status().as_u16() {
            204 => raw.empty().await?,
            _ => return Err(raw.unexpected().await),
        })
    }
    fn set_ratio_request(&self, body: f64) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::PUT, "/config/ratio")
            .operation("setRatio")
            .json(&body)
    }
    /// `PUT /config/ratio`
    pub async fn set_ratio(&self, body: f64) -> Result<(), ::paragon_runtime::Error> {
        let raw = self.set_ratio_request(body).send().await?;
        match raw.status().as_u16() {
            204 => {
                raw.empty().await?;
                Ok(())
            }
            _ => Err(raw.unexpected().await),
        }
    }
    /// Like [`Client::set_ratio`], but returns the status, the headers and the typed body of every documented response.
    pub async fn set_ratio_with_response(
        &self,
        body: f64,
    ) -> Result<::paragon_runtime::Response<()>, ::paragon_runtime::Error> {
        let raw = self.set_ratio_request(body).send().await?;
        Ok(match raw.status().as_u16() {
            204 => raw.empty().await?,
            _ => return Err(raw.unexpected().await),
        })
    }
}
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::paragon_runtime::serde::Serialize,
    ::paragon_runtime::serde::Deserialize,
)]
#[serde(crate = "::paragon_runtime::serde")]
pub struct User {
    #[serde(rename = "userName")]
    pub user_name: String,
    /// A property named `default` is a name, not data, so its `$ref` is followed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<::paragon_runtime::serde_json::Value>,
}
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Default,
    ::paragon_runtime::serde::Serialize,
    ::paragon_runtime::serde::Deserialize,
)]
#[serde(crate = "::paragon_runtime::serde")]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// ISO 3166 code — two letters
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}
