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
    #[inline]
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
    #[inline]
    pub fn create_user(&self, body: &User) -> ::paragon_runtime::Call<User> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<User, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                201 => Ok(raw.json::<User>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.create_user_request(body).call(read)
    }
    /// Like [`Client::create_user`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn create_user_with_response(
        &self,
        body: &User,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<User>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<User>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                201 => raw.json::<User>()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.create_user_request(body).call(read)
    }
    #[inline]
    fn set_retention_request(&self, body: i64) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::PUT, "/config/retention")
            .operation("setRetention")
            .json(&body)
    }
    /// Restores the retention setting (an integer body)
    ///
    /// `PUT /config/retention`
    #[inline]
    pub fn set_retention(&self, body: i64) -> ::paragon_runtime::Call<()> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<(), ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                204 => {
                    raw.empty()?;
                    Ok(())
                }
                _ => Err(raw.unexpected()),
            }
        }
        self.set_retention_request(body).call(read)
    }
    /// Like [`Client::set_retention`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn set_retention_with_response(
        &self,
        body: i64,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<()>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<()>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                204 => raw.empty()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.set_retention_request(body).call(read)
    }
    #[inline]
    fn set_motd_request(&self, body: &str) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::PUT, "/config/motd")
            .operation("setMotd")
            .json(body)
    }
    /// `PUT /config/motd`
    #[inline]
    pub fn set_motd(&self, body: &str) -> ::paragon_runtime::Call<()> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<(), ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                204 => {
                    raw.empty()?;
                    Ok(())
                }
                _ => Err(raw.unexpected()),
            }
        }
        self.set_motd_request(body).call(read)
    }
    /// Like [`Client::set_motd`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn set_motd_with_response(
        &self,
        body: &str,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<()>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<()>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                204 => raw.empty()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.set_motd_request(body).call(read)
    }
    #[inline]
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
    #[inline]
    pub fn set_maintenance(&self, body: Option<&bool>) -> ::paragon_runtime::Call<()> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<(), ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                204 => {
                    raw.empty()?;
                    Ok(())
                }
                _ => Err(raw.unexpected()),
            }
        }
        self.set_maintenance_request(body).call(read)
    }
    /// Like [`Client::set_maintenance`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn set_maintenance_with_response(
        &self,
        body: Option<&bool>,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<()>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<()>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                204 => raw.empty()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.set_maintenance_request(body).call(read)
    }
    #[inline]
    fn set_ratio_request(&self, body: f64) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::PUT, "/config/ratio")
            .operation("setRatio")
            .json(&body)
    }
    /// `PUT /config/ratio`
    #[inline]
    pub fn set_ratio(&self, body: f64) -> ::paragon_runtime::Call<()> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<(), ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                204 => {
                    raw.empty()?;
                    Ok(())
                }
                _ => Err(raw.unexpected()),
            }
        }
        self.set_ratio_request(body).call(read)
    }
    /// Like [`Client::set_ratio`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn set_ratio_with_response(
        &self,
        body: f64,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<()>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<()>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                204 => raw.empty()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.set_ratio_request(body).call(read)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub user_name: String,
    /// A property named `default` is a name, not data, so its `$ref` is followed.
    pub default: Option<Address>,
    pub kind: Option<String>,
    pub address: Option<Address>,
    pub locale: Option<::paragon_runtime::serde_json::Value>,
}
impl ::paragon_runtime::codec::Object for User {
    const NAME: &'static str = "User";
    const MEMBERS: &'static [&'static str] = &["userName", "default", "kind", "address", "locale"];
    type Partial = (
        Option<String>,
        Option<Address>,
        Option<String>,
        Option<Address>,
        Option<::paragon_runtime::serde_json::Value>,
    );
    #[inline]
    fn start() -> Self::Partial {
        (None, None, None, None, None)
    }
    fn member<'de, A: ::paragon_runtime::serde::de::MapAccess<'de>>(
        partial: &mut Self::Partial,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match index {
            0 => partial.0 = Some(map.next_value()?),
            1 => partial.1 = map.next_value()?,
            2 => partial.2 = map.next_value()?,
            3 => partial.3 = map.next_value()?,
            4 => partial.4 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            user_name: ::paragon_runtime::codec::required(partial.0, "userName")?,
            default: partial.1,
            kind: partial.2,
            address: partial.3,
            locale: partial.4,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for User {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("userName", &self.user_name)?;
        members.optional("default", &self.default)?;
        members.optional("kind", &self.kind)?;
        members.optional("address", &self.address)?;
        members.optional("locale", &self.locale)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for User {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Address {
    pub street: Option<String>,
    pub city: Option<String>,
    /// ISO 3166 code — two letters
    pub country: Option<String>,
}
impl ::paragon_runtime::codec::Object for Address {
    const NAME: &'static str = "Address";
    const MEMBERS: &'static [&'static str] = &["street", "city", "country"];
    type Partial = (Option<String>, Option<String>, Option<String>);
    #[inline]
    fn start() -> Self::Partial {
        (None, None, None)
    }
    fn member<'de, A: ::paragon_runtime::serde::de::MapAccess<'de>>(
        partial: &mut Self::Partial,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match index {
            0 => partial.0 = map.next_value()?,
            1 => partial.1 = map.next_value()?,
            2 => partial.2 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            street: partial.0,
            city: partial.1,
            country: partial.2,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for Address {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("street", &self.street)?;
        members.optional("city", &self.city)?;
        members.optional("country", &self.country)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Address {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
