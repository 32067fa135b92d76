//! Inventory (version 1)
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
pub const DEFAULT_BASE_URL: &str = "https://inventory.example";
/// The document's schemas (every file, every `$ref` a pointer into this text), which
/// the types check what they decode against (`check_schemas`).
pub static SCHEMA: ::paragon_runtime::schema::Embedded = ::paragon_runtime::schema::Embedded::new(
    "{\"0\":{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Inventory\",\"version\":\"1\"},\"servers\":[{\"url\":\"https://inventory.example\"}],\"paths\":{\"/items/{sku}\":{\"get\":{\"operationId\":\"getItem\",\"parameters\":[{\"name\":\"sku\",\"in\":\"path\",\"required\":true,\"schema\":{\"$ref\":\"#/0/components/schemas/Sku\"}}],\"responses\":{\"200\":{\"description\":\"the item\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/0/components/schemas/Item\"}}}}}}}},\"components\":{\"schemas\":{\"Sku\":{\"type\":\"string\",\"pattern\":\"^[A-Z]{3}-[0-9]{3}$\"},\"Item\":{\"type\":\"object\",\"required\":[\"sku\",\"stock\"],\"additionalProperties\":false,\"properties\":{\"sku\":{\"$ref\":\"#/0/components/schemas/Sku\"},\"stock\":{\"type\":\"integer\",\"minimum\":0},\"price\":{\"type\":[\"number\",\"null\"],\"exclusiveMinimum\":0},\"tags\":{\"type\":\"array\",\"maxItems\":3,\"items\":{\"type\":\"string\"}}}}}}}}",
);
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
/// A client for Inventory.
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
    fn get_item_request(&self, sku: &Sku) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::GET,
                &format!("/items/{}", ::paragon_runtime::path_param(sku)),
            )
            .operation("getItem")
            .accept("application/json")
    }
    /// `GET /items/{sku}`
    #[inline]
    pub fn get_item(&self, sku: &Sku) -> ::paragon_runtime::Call<Item> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Item, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.json::<Item>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.get_item_request(sku).call(read)
    }
    /// Like [`Client::get_item`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn get_item_with_response(
        &self,
        sku: &Sku,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<Item>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<Item>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                200 => raw.json::<Item>()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.get_item_request(sku).call(read)
    }
}
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sku(String);
impl ::paragon_runtime::serde::Serialize for Sku {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        ::paragon_runtime::serde::Serialize::serialize(&self.0, serializer)
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Sku {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::schema::decode(
            deserializer,
            &SCHEMA,
            "/0/components/schemas/Sku",
            |d| <String as ::paragon_runtime::serde::Deserialize>::deserialize(d).map(Self),
            |d| <String as ::paragon_runtime::serde::Deserialize>::deserialize(d).map(Self),
        )
    }
}
impl Sku {
    /// Checks the value against the schema it was generated from (decoded values are
    /// checked already; this is for values built in code).
    #[inline]
    pub fn validate(&self) -> Result<(), ::paragon_runtime::schema::Invalid> {
        SCHEMA.check_serialized("/0/components/schemas/Sku", self)
    }
}
impl ::std::convert::TryFrom<String> for Sku {
    type Error = ::paragon_runtime::schema::Invalid;
    /// Checks the value against the schema.
    #[inline]
    fn try_from(value: String) -> Result<Self, Self::Error> {
        SCHEMA.check_serialized("/0/components/schemas/Sku", &value)?;
        Ok(Self(value))
    }
}
impl ::std::ops::Deref for Sku {
    type Target = String;
    #[inline]
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}
impl Sku {
    /// The value inside.
    #[inline]
    pub fn into_inner(self) -> String {
        self.0
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub sku: Sku,
    pub stock: ItemStock,
    pub price: Option<ItemPrice>,
    pub tags: Option<Vec<String>>,
}
impl ::paragon_runtime::codec::Object for Item {
    const NAME: &'static str = "Item";
    const MEMBERS: &'static [&'static str] = &["sku", "stock", "price", "tags"];
    type Partial = (
        Option<Sku>,
        Option<ItemStock>,
        Option<ItemPrice>,
        Option<Vec<String>>,
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
            sku: ::paragon_runtime::codec::required(partial.0, "sku")?,
            stock: ::paragon_runtime::codec::required(partial.1, "stock")?,
            price: partial.2,
            tags: partial.3,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for Item {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("sku", &self.sku)?;
        members.member("stock", &self.stock)?;
        members.optional("price", &self.price)?;
        members.optional("tags", &self.tags)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Item {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::schema::decode(
            deserializer,
            &SCHEMA,
            "/0/components/schemas/Item",
            ::paragon_runtime::codec::object,
            ::paragon_runtime::codec::object,
        )
    }
}
impl Item {
    /// Checks the value against the schema it was generated from (decoded values are
    /// checked already; this is for values built in code).
    #[inline]
    pub fn validate(&self) -> Result<(), ::paragon_runtime::schema::Invalid> {
        SCHEMA.check_serialized("/0/components/schemas/Item", self)
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ItemStock(i64);
impl ::paragon_runtime::serde::Serialize for ItemStock {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        ::paragon_runtime::serde::Serialize::serialize(&self.0, serializer)
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for ItemStock {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::schema::decode(
            deserializer,
            &SCHEMA,
            "/0/components/schemas/Item/properties/stock",
            |d| <i64 as ::paragon_runtime::serde::Deserialize>::deserialize(d).map(Self),
            |d| <i64 as ::paragon_runtime::serde::Deserialize>::deserialize(d).map(Self),
        )
    }
}
impl ItemStock {
    /// Checks the value against the schema it was generated from (decoded values are
    /// checked already; this is for values built in code).
    #[inline]
    pub fn validate(&self) -> Result<(), ::paragon_runtime::schema::Invalid> {
        SCHEMA.check_serialized("/0/components/schemas/Item/properties/stock", self)
    }
}
impl ::std::convert::TryFrom<i64> for ItemStock {
    type Error = ::paragon_runtime::schema::Invalid;
    /// Checks the value against the schema.
    #[inline]
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        SCHEMA.check_serialized("/0/components/schemas/Item/properties/stock", &value)?;
        Ok(Self(value))
    }
}
impl ::std::ops::Deref for ItemStock {
    type Target = i64;
    #[inline]
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}
impl ItemStock {
    /// The value inside.
    #[inline]
    pub fn into_inner(self) -> i64 {
        self.0
    }
}
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemPrice(f64);
impl ::paragon_runtime::serde::Serialize for ItemPrice {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        ::paragon_runtime::serde::Serialize::serialize(&self.0, serializer)
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for ItemPrice {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::schema::decode(
            deserializer,
            &SCHEMA,
            "/0/components/schemas/Item/properties/price",
            |d| <f64 as ::paragon_runtime::serde::Deserialize>::deserialize(d).map(Self),
            |d| <f64 as ::paragon_runtime::serde::Deserialize>::deserialize(d).map(Self),
        )
    }
}
impl ItemPrice {
    /// Checks the value against the schema it was generated from (decoded values are
    /// checked already; this is for values built in code).
    #[inline]
    pub fn validate(&self) -> Result<(), ::paragon_runtime::schema::Invalid> {
        SCHEMA.check_serialized("/0/components/schemas/Item/properties/price", self)
    }
}
impl ::std::convert::TryFrom<f64> for ItemPrice {
    type Error = ::paragon_runtime::schema::Invalid;
    /// Checks the value against the schema.
    #[inline]
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        SCHEMA.check_serialized("/0/components/schemas/Item/properties/price", &value)?;
        Ok(Self(value))
    }
}
impl ::std::ops::Deref for ItemPrice {
    type Target = f64;
    #[inline]
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}
impl ItemPrice {
    /// The value inside.
    #[inline]
    pub fn into_inner(self) -> f64 {
        self.0
    }
}
