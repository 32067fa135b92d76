//! Shelter (version 1)
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
pub const DEFAULT_BASE_URL: &str = "https://shelter.example/v1";
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
/// A client for Shelter.
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
    #[cfg(feature = "pets")]
    #[inline]
    fn list_pets_request(&self, options: &ListPetsOptions) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::GET, "/pets")
            .operation("listPets")
            .accept("application/json")
            .query("kind", &options.kind)
    }
    /// `GET /pets`
    #[cfg(feature = "pets")]
    #[inline]
    pub fn list_pets(&self, options: &ListPetsOptions) -> ::paragon_runtime::Call<Vec<Pet>> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Vec<Pet>, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.json::<Vec<Pet>>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.list_pets_request(options).call(read)
    }
    /// Like [`Client::list_pets`], but returns the status, the headers and the typed body of every documented response.
    #[cfg(feature = "pets")]
    #[inline]
    pub fn list_pets_with_response(
        &self,
        options: &ListPetsOptions,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<Vec<Pet>>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<Vec<Pet>>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                200 => raw.json::<Vec<Pet>>()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.list_pets_request(options).call(read)
    }
    #[cfg(feature = "store-front-v2")]
    #[inline]
    fn get_store_request(&self, id: &str) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::GET,
                &format!("/stores/{}", ::paragon_runtime::path_param(id)),
            )
            .operation("getStore")
            .accept("application/json")
    }
    /// `GET /stores/{id}`
    #[cfg(feature = "store-front-v2")]
    #[inline]
    pub fn get_store(&self, id: &str) -> ::paragon_runtime::Call<Store> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Store, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.json::<Store>()?.body),
                404 => Err(raw.documented_error()),
                _ => Err(raw.unexpected()),
            }
        }
        self.get_store_request(id).call(read)
    }
    /// Like [`Client::get_store`], but returns the status, the headers and the typed body of every documented response.
    #[cfg(feature = "store-front-v2")]
    #[inline]
    pub fn get_store_with_response(
        &self,
        id: &str,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<GetStoreResponses>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<GetStoreResponses>, ::paragon_runtime::Error>
        {
            Ok(match raw.status().as_u16() {
                200 => raw.json::<Store>()?.map(GetStoreResponses::Ok),
                404 => raw.json::<Problem>()?.map(GetStoreResponses::NotFound),
                _ => return Err(raw.unexpected()),
            })
        }
        self.get_store_request(id).call(read)
    }
    #[cfg(any(feature = "pets", feature = "store-front-v2"))]
    #[inline]
    fn adopt_request(&self, body: &Adoption) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::POST, "/adoptions")
            .operation("adopt")
            .accept("application/json")
            .json(body)
    }
    /// `POST /adoptions`
    #[cfg(any(feature = "pets", feature = "store-front-v2"))]
    #[inline]
    pub fn adopt(&self, body: &Adoption) -> ::paragon_runtime::Call<Adoption> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Adoption, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                201 => Ok(raw.json::<Adoption>()?.body),
                _ => Err(raw.documented_error()),
            }
        }
        self.adopt_request(body).call(read)
    }
    /// Like [`Client::adopt`], but returns the status, the headers and the typed body of every documented response.
    #[cfg(any(feature = "pets", feature = "store-front-v2"))]
    #[inline]
    pub fn adopt_with_response(
        &self,
        body: &Adoption,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<AdoptResponses>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<AdoptResponses>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                201 => raw.json::<Adoption>()?.map(AdoptResponses::Created),
                _ => raw.json::<Problem>()?.map(AdoptResponses::Default),
            })
        }
        self.adopt_request(body).call(read)
    }
    #[cfg(feature = "untagged")]
    #[inline]
    fn ping_request(&self) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::GET, "/ping")
            .operation("ping")
    }
    /// `GET /ping`
    #[cfg(feature = "untagged")]
    #[inline]
    pub fn ping(&self) -> ::paragon_runtime::Call<()> {
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
        self.ping_request().call(read)
    }
    /// Like [`Client::ping`], but returns the status, the headers and the typed body of every documented response.
    #[cfg(feature = "untagged")]
    #[inline]
    pub fn ping_with_response(&self) -> ::paragon_runtime::Call<::paragon_runtime::Response<()>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<()>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                204 => raw.empty()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.ping_request().call(read)
    }
}
/// The optional parameters of [`Client::list_pets`].
#[cfg(feature = "pets")]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListPetsOptions {
    pub kind: Option<Kind>,
}
/// Every documented response of [`Client::get_store`].
#[cfg(feature = "store-front-v2")]
#[derive(Debug)]
pub enum GetStoreResponses {
    /// 200: a store
    Ok(Store),
    /// 404: no such store
    NotFound(Problem),
}
/// Every documented response of [`Client::adopt`].
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
#[derive(Debug)]
pub enum AdoptResponses {
    /// 201: adopted
    Created(Adoption),
    /// Any other status: failed
    Default(Problem),
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `cat`
    Cat,
    /// `dog`
    Dog,
    /// A value this client does not know, kept as sent.
    Unknown(String),
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl Kind {
    /// The value as it appears on the wire.
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Cat => "cat",
            Self::Dog => "dog",
            Self::Unknown(value) => value,
        }
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl From<String> for Kind {
    #[inline]
    fn from(value: String) -> Self {
        match value.as_str() {
            "cat" => Self::Cat,
            "dog" => Self::Dog,
            _ => Self::Unknown(value),
        }
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl From<&str> for Kind {
    #[inline]
    fn from(value: &str) -> Self {
        Self::from(value.to_owned())
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl From<Kind> for String {
    #[inline]
    fn from(value: Kind) -> Self {
        match value {
            Kind::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl ::std::fmt::Display for Kind {
    #[inline]
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl ::paragon_runtime::serde::Serialize for Kind {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        ::paragon_runtime::codec::write_str(self.as_str(), serializer)
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Kind {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::string(deserializer)
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
#[derive(Debug, Clone, PartialEq)]
pub struct Pet {
    pub name: String,
    pub kind: Option<Kind>,
    pub tag: Option<Tag>,
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl ::paragon_runtime::codec::Object for Pet {
    const NAME: &'static str = "Pet";
    const MEMBERS: &'static [&'static str] = &["name", "kind", "tag"];
    type Partial = (Option<String>, Option<Kind>, Option<Tag>);
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
            1 => partial.1 = map.next_value()?,
            2 => partial.2 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            name: ::paragon_runtime::codec::required(partial.0, "name")?,
            kind: partial.1,
            tag: partial.2,
        })
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl ::paragon_runtime::serde::Serialize for Pet {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("name", &self.name)?;
        members.optional("kind", &self.kind)?;
        members.optional("tag", &self.tag)?;
        members.end()
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Pet {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
#[derive(Debug, Clone, PartialEq)]
pub enum Tag {
    String(String),
    Integer(i64),
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl Tag {
    #[inline]
    fn read_value(value: ::paragon_runtime::serde_json::Value) -> Result<Self, String> {
        if let Ok(v) = ::paragon_runtime::codec::from_value(&value) {
            return Ok(Self::String(v));
        }
        if let Ok(v) = ::paragon_runtime::codec::from_value(&value) {
            return Ok(Self::Integer(v));
        }
        Err(::paragon_runtime::codec::no_variant("Tag"))
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl ::paragon_runtime::serde::Serialize for Tag {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match self {
            Self::String(v) => ::paragon_runtime::serde::Serialize::serialize(v, serializer),
            Self::Integer(v) => ::paragon_runtime::serde::Serialize::serialize(v, serializer),
        }
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Tag {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::via_value(deserializer, Self::read_value)
    }
}
#[cfg(feature = "store-front-v2")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Store {
    pub address: Option<Address>,
}
#[cfg(feature = "store-front-v2")]
impl ::paragon_runtime::codec::Object for Store {
    const NAME: &'static str = "Store";
    const MEMBERS: &'static [&'static str] = &["address"];
    type Partial = (Option<Address>,);
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
        Ok(Self { address: partial.0 })
    }
}
#[cfg(feature = "store-front-v2")]
impl ::paragon_runtime::serde::Serialize for Store {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("address", &self.address)?;
        members.end()
    }
}
#[cfg(feature = "store-front-v2")]
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Store {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[cfg(feature = "store-front-v2")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Address {
    pub city: Option<String>,
}
#[cfg(feature = "store-front-v2")]
impl ::paragon_runtime::codec::Object for Address {
    const NAME: &'static str = "Address";
    const MEMBERS: &'static [&'static str] = &["city"];
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
        Ok(Self { city: partial.0 })
    }
}
#[cfg(feature = "store-front-v2")]
impl ::paragon_runtime::serde::Serialize for Address {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("city", &self.city)?;
        members.end()
    }
}
#[cfg(feature = "store-front-v2")]
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Address {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
#[derive(Debug, Clone, PartialEq)]
pub struct Adoption {
    pub pet: Pet,
    pub owner: Owner,
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl ::paragon_runtime::codec::Object for Adoption {
    const NAME: &'static str = "Adoption";
    const MEMBERS: &'static [&'static str] = &["pet", "owner"];
    type Partial = (Option<Pet>, Option<Owner>);
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
            0 => partial.0 = Some(map.next_value()?),
            1 => partial.1 = Some(map.next_value()?),
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            pet: ::paragon_runtime::codec::required(partial.0, "pet")?,
            owner: ::paragon_runtime::codec::required(partial.1, "owner")?,
        })
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl ::paragon_runtime::serde::Serialize for Adoption {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("pet", &self.pet)?;
        members.member("owner", &self.owner)?;
        members.end()
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Adoption {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Owner {
    pub name: Option<String>,
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
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
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
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
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Owner {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Problem {
    pub title: Option<String>,
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl ::paragon_runtime::codec::Object for Problem {
    const NAME: &'static str = "Problem";
    const MEMBERS: &'static [&'static str] = &["title"];
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
        Ok(Self { title: partial.0 })
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl ::paragon_runtime::serde::Serialize for Problem {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("title", &self.title)?;
        members.end()
    }
}
#[cfg(any(feature = "pets", feature = "store-front-v2"))]
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Problem {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[cfg(feature = "unreferenced-types")]
/// No operation uses it; kept as a type of its own.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Audit {
    pub at: Option<::paragon_runtime::DateTime>,
}
#[cfg(feature = "unreferenced-types")]
impl ::paragon_runtime::codec::Object for Audit {
    const NAME: &'static str = "Audit";
    const MEMBERS: &'static [&'static str] = &["at"];
    type Partial = (Option<::paragon_runtime::DateTime>,);
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
        Ok(Self { at: partial.0 })
    }
}
#[cfg(feature = "unreferenced-types")]
impl ::paragon_runtime::serde::Serialize for Audit {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("at", &self.at)?;
        members.end()
    }
}
#[cfg(feature = "unreferenced-types")]
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Audit {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
