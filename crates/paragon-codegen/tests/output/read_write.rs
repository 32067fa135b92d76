//! Accounts (version 1)
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
pub const DEFAULT_BASE_URL: &str = "https://accounts.example/v1";
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
/// A client for Accounts.
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
    fn create_account_request(&self, body: &AccountRequest) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::POST, "/accounts")
            .operation("createAccount")
            .accept("application/json")
            .json(body)
    }
    /// `POST /accounts`
    #[inline]
    pub fn create_account(&self, body: &AccountRequest) -> ::paragon_runtime::Call<Account> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Account, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                201 => Ok(raw.json::<Account>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.create_account_request(body).call(read)
    }
    /// Like [`Client::create_account`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn create_account_with_response(
        &self,
        body: &AccountRequest,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<Account>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<Account>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                201 => raw.json::<Account>()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.create_account_request(body).call(read)
    }
    #[inline]
    fn get_label_request(&self, id: &str) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::GET,
                &format!("/accounts/{}", ::paragon_runtime::path_param(id)),
            )
            .operation("getLabel")
            .accept("application/json")
    }
    /// `GET /accounts/{id}`
    #[inline]
    pub fn get_label(&self, id: &str) -> ::paragon_runtime::Call<Label> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Label, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.json::<Label>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.get_label_request(id).call(read)
    }
    /// Like [`Client::get_label`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn get_label_with_response(
        &self,
        id: &str,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<Label>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<Label>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                200 => raw.json::<Label>()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.get_label_request(id).call(read)
    }
    #[inline]
    fn replace_account_request(
        &self,
        id: &str,
        body: Option<&TeamRequest>,
    ) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::PUT,
                &format!("/accounts/{}", ::paragon_runtime::path_param(id)),
            )
            .operation("replaceAccount")
            .accept("application/json")
            .json_opt(body)
    }
    /// `PUT /accounts/{id}`
    #[inline]
    pub fn replace_account(
        &self,
        id: &str,
        body: Option<&TeamRequest>,
    ) -> ::paragon_runtime::Call<Team> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Team, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.json::<Team>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.replace_account_request(id, body).call(read)
    }
    /// Like [`Client::replace_account`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn replace_account_with_response(
        &self,
        id: &str,
        body: Option<&TeamRequest>,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<Team>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<Team>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                200 => raw.json::<Team>()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.replace_account_request(id, body).call(read)
    }
    #[inline]
    fn activate_request(&self, body: &ActivationRequest) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::POST, "/activations")
            .operation("activate")
            .accept("application/json")
            .json(body)
    }
    /// `POST /activations`
    #[inline]
    pub fn activate(&self, body: &ActivationRequest) -> ::paragon_runtime::Call<Activation> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Activation, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                201 => Ok(raw.json::<Activation>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.activate_request(body).call(read)
    }
    /// Like [`Client::activate`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn activate_with_response(
        &self,
        body: &ActivationRequest,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<Activation>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<Activation>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                201 => raw.json::<Activation>()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.activate_request(body).call(read)
    }
}
/// As read from a response: without `password`, which only requests carry (`writeOnly`).
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub id: String,
    pub email: String,
    pub created_at: ::paragon_runtime::DateTime,
    pub label: Option<Label>,
}
impl ::paragon_runtime::codec::Object for Account {
    const NAME: &'static str = "Account";
    const MEMBERS: &'static [&'static str] = &["id", "email", "createdAt", "label"];
    type Partial = (
        Option<String>,
        Option<String>,
        Option<::paragon_runtime::DateTime>,
        Option<Label>,
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
            2 => partial.2 = Some(map.next_value()?),
            3 => partial.3 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            id: ::paragon_runtime::codec::required(partial.0, "id")?,
            email: ::paragon_runtime::codec::required(partial.1, "email")?,
            created_at: ::paragon_runtime::codec::required(partial.2, "createdAt")?,
            label: partial.3,
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
        members.member("email", &self.email)?;
        members.member("createdAt", &self.created_at)?;
        members.optional("label", &self.label)?;
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
pub struct Label {
    pub text: Option<String>,
}
impl ::paragon_runtime::codec::Object for Label {
    const NAME: &'static str = "Label";
    const MEMBERS: &'static [&'static str] = &["text"];
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
        Ok(Self { text: partial.0 })
    }
}
impl ::paragon_runtime::serde::Serialize for Label {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("text", &self.text)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Label {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Team {
    pub name: Option<String>,
    pub owner: Option<Account>,
}
impl ::paragon_runtime::codec::Object for Team {
    const NAME: &'static str = "Team";
    const MEMBERS: &'static [&'static str] = &["name", "owner"];
    type Partial = (Option<String>, Option<Account>);
    #[inline]
    fn start() -> Self::Partial {
        (None, None)
    }
    fn member<'de, A: ::paragon_runtime::serde::de::MapAccess<'de>>(
        partial: &mut Self::Partial,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match index {
            0 => partial.0 = map.next_value()?,
            1 => partial.1 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            name: partial.0,
            owner: partial.1,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for Team {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("name", &self.name)?;
        members.optional("owner", &self.owner)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Team {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
/// Every member is `writeOnly`, so its response shape has none.
///
/// As read from a response: without `token`, which only requests carry (`writeOnly`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Activation {}
impl ::paragon_runtime::codec::Object for Activation {
    const NAME: &'static str = "Activation";
    const MEMBERS: &'static [&'static str] = &[];
    type Partial = ();
    #[inline]
    fn start() -> Self::Partial {}
    #[inline]
    fn finish(_: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {})
    }
}
impl ::paragon_runtime::serde::Serialize for Activation {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        ::paragon_runtime::codec::Members::start(serializer)?.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Activation {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
/// As sent in a request: without `id`, `createdAt`, which the server sets (`readOnly`).
#[derive(Debug, Clone, PartialEq)]
pub struct AccountRequest {
    pub email: String,
    pub password: String,
    pub label: Option<Label>,
}
impl ::paragon_runtime::codec::Object for AccountRequest {
    const NAME: &'static str = "AccountRequest";
    const MEMBERS: &'static [&'static str] = &["email", "password", "label"];
    type Partial = (Option<String>, Option<String>, Option<Label>);
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
            0 => partial.0 = Some(map.next_value()?),
            1 => partial.1 = Some(map.next_value()?),
            2 => partial.2 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            email: ::paragon_runtime::codec::required(partial.0, "email")?,
            password: ::paragon_runtime::codec::required(partial.1, "password")?,
            label: partial.2,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for AccountRequest {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("email", &self.email)?;
        members.member("password", &self.password)?;
        members.optional("label", &self.label)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for AccountRequest {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TeamRequest {
    pub name: Option<String>,
    pub owner: Option<AccountRequest>,
}
impl ::paragon_runtime::codec::Object for TeamRequest {
    const NAME: &'static str = "TeamRequest";
    const MEMBERS: &'static [&'static str] = &["name", "owner"];
    type Partial = (Option<String>, Option<AccountRequest>);
    #[inline]
    fn start() -> Self::Partial {
        (None, None)
    }
    fn member<'de, A: ::paragon_runtime::serde::de::MapAccess<'de>>(
        partial: &mut Self::Partial,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match index {
            0 => partial.0 = map.next_value()?,
            1 => partial.1 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            name: partial.0,
            owner: partial.1,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for TeamRequest {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("name", &self.name)?;
        members.optional("owner", &self.owner)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for TeamRequest {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
/// Every member is `writeOnly`, so its response shape has none.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActivationRequest {
    pub token: Option<String>,
}
impl ::paragon_runtime::codec::Object for ActivationRequest {
    const NAME: &'static str = "ActivationRequest";
    const MEMBERS: &'static [&'static str] = &["token"];
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
        Ok(Self { token: partial.0 })
    }
}
impl ::paragon_runtime::serde::Serialize for ActivationRequest {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("token", &self.token)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for ActivationRequest {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
