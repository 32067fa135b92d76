//! Legacy (version 2.0.0)
//!
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
pub const DEFAULT_BASE_URL: &str = "http://localhost";
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
/// A client for Legacy.
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
    fn get_account_request(&self, id: &str) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::GET,
                &format!("/accounts/{}", ::paragon_runtime::path_param(id)),
            )
            .operation("getAccount")
            .accept("application/json")
    }
    /// `GET /accounts/{id}`
    #[inline]
    pub fn get_account(&self, id: &str) -> ::paragon_runtime::Call<Account> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Account, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.json::<Account>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.get_account_request(id).call(read)
    }
    /// Like [`Client::get_account`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn get_account_with_response(
        &self,
        id: &str,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<Account>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<Account>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                200 => raw.json::<Account>()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.get_account_request(id).call(read)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub id: String,
    pub balance: i64,
    pub closed_at: Option<::paragon_runtime::DateTime>,
    pub owner: Option<Owner>,
}
impl ::paragon_runtime::codec::Object for Account {
    const NAME: &'static str = "Account";
    const MEMBERS: &'static [&'static str] = &["id", "balance", "closedAt", "owner"];
    type Partial = (
        Option<String>,
        Option<i64>,
        Option<::paragon_runtime::DateTime>,
        Option<Owner>,
    );
    #[inline]
    fn start() -> Self::Partial {
        (None, None, None, None)
    }
    fn member<'de, A: ::paragon_runtime::serde::de::MapAccess<'de>>(
        partial: &mut Self::Partial,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match index {
            0 => partial.0 = Some(map.next_value()?),
            1 => partial.1 = Some(map.next_value()?),
            2 => partial.2 = map.next_value()?,
            3 => partial.3 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            id: ::paragon_runtime::codec::required(partial.0, "id")?,
            balance: ::paragon_runtime::codec::required(partial.1, "balance")?,
            closed_at: partial.2,
            owner: partial.3,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for Account {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("id", &self.id)?;
        members.member("balance", &self.balance)?;
        members.optional("closedAt", &self.closed_at)?;
        members.optional("owner", &self.owner)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Account {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Owner {
    pub name: Option<String>,
}
impl ::paragon_runtime::codec::Object for Owner {
    const NAME: &'static str = "Owner";
    const MEMBERS: &'static [&'static str] = &["name"];
    type Partial = (Option<String>,);
    #[inline]
    fn start() -> Self::Partial {
        (None,)
    }
    fn member<'de, A: ::paragon_runtime::serde::de::MapAccess<'de>>(
        partial: &mut Self::Partial,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        if index == 0 {
            partial.0 = map.next_value()?;
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self { name: partial.0 })
    }
}
impl ::paragon_runtime::serde::Serialize for Owner {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("name", &self.name)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Owner {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
