//! Pet store (Swagger 2.0) 👍 (version 1.0.0)
//!
//! A Swagger 2.0 document: JSON escapes such as /pets and "quotes\" load as JSON.
//!
//! Upgraded to OpenAPI 3 on load.
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
pub const DEFAULT_BASE_URL: &str = "https://pets.example.com/v2";
/// The document's security schemes, also used by requests built outside this
/// module (compiled workflows).
pub const SECURITY_SCHEMES: &[::paragon_runtime::SecurityScheme] = &[
    ::paragon_runtime::SecurityScheme {
        name: "api_key",
        kind: ::paragon_runtime::SchemeKind::ApiKey {
            location: ::paragon_runtime::ApiKeyLocation::Header,
            name: "X-Api-Key",
        },
    },
    ::paragon_runtime::SecurityScheme {
        name: "basic",
        kind: ::paragon_runtime::SchemeKind::Basic,
    },
    ::paragon_runtime::SecurityScheme {
        name: "oauth",
        kind: ::paragon_runtime::SchemeKind::Bearer,
    },
];
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
    /// Credentials for the `api_key` security scheme.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.runtime = self
            .runtime
            .credential("api_key", ::paragon_runtime::Credential::ApiKey(key.into()));
        self
    }
    /// Credentials for the `basic` security scheme.
    pub fn basic(mut self, username: impl Into<String>, password: impl Into<String>) -> Self {
        self.runtime = self.runtime.credential(
            "basic",
            ::paragon_runtime::Credential::Basic {
                username: username.into(),
                password: password.into(),
            },
        );
        self
    }
    /// Credentials for the `oauth` security scheme.
    pub fn oauth(mut self, token: impl Into<String>) -> Self {
        self.runtime = self
            .runtime
            .credential("oauth", ::paragon_runtime::Credential::Bearer(token.into()));
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
/// A client for Pet store (Swagger 2.0) 👍.
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
    fn list_pets_request(
        &self,
        x_request_id: &str,
        options: &ListPetsOptions,
    ) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::GET, "/pets")
            .operation("listPets")
            .security(SECURITY_SCHEMES, &[&["api_key"]])
            .accept("application/json")
            .query("limit", &options.limit)
            .query_with(
                "tags",
                &options.tags,
                ::paragon_runtime::ParamStyle::new(::paragon_runtime::Style::Form, false),
            )
            .query("status", &options.status)
            .header("X-Request-Id", x_request_id)
    }
    /// Lists pets
    ///
    /// `GET /pets`
    #[inline]
    pub fn list_pets(
        &self,
        x_request_id: &str,
        options: &ListPetsOptions,
    ) -> ::paragon_runtime::Call<Vec<Pet>> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Vec<Pet>, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.json::<Vec<Pet>>()?.body),
                _ => Err(raw.documented_error()),
            }
        }
        self.list_pets_request(x_request_id, options).call(read)
    }
    /// Like [`Client::list_pets`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn list_pets_with_response(
        &self,
        x_request_id: &str,
        options: &ListPetsOptions,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<ListPetsResponses>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<ListPetsResponses>, ::paragon_runtime::Error>
        {
            Ok(match raw.status().as_u16() {
                200 => raw.json::<Vec<Pet>>()?.map(ListPetsResponses::Ok),
                _ => raw.json::<Error>()?.map(ListPetsResponses::Default),
            })
        }
        self.list_pets_request(x_request_id, options).call(read)
    }
    #[inline]
    fn create_pet_request(&self, body: &NewPet) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::POST, "/pets")
            .operation("createPet")
            .security(SECURITY_SCHEMES, &[&["api_key"]])
            .accept("application/json")
            .json(body)
    }
    /// `POST /pets`
    #[inline]
    pub fn create_pet(&self, body: &NewPet) -> ::paragon_runtime::Call<Pet> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Pet, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                201 => Ok(raw.json::<Pet>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.create_pet_request(body).call(read)
    }
    /// Like [`Client::create_pet`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn create_pet_with_response(
        &self,
        body: &NewPet,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<Pet>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<Pet>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                201 => raw.json::<Pet>()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.create_pet_request(body).call(read)
    }
    #[inline]
    fn get_pet_request(&self, pet_id: i64) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::GET,
                &format!("/pets/{}", ::paragon_runtime::path_param(&pet_id)),
            )
            .operation("getPet")
            .security(SECURITY_SCHEMES, &[&["basic"]])
            .accept("application/json")
    }
    /// `GET /pets/{petId}`
    #[inline]
    pub fn get_pet(&self, pet_id: i64) -> ::paragon_runtime::Call<Pet> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Pet, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.json::<Pet>()?.body),
                404 => Err(raw.documented_error()),
                _ => Err(raw.unexpected()),
            }
        }
        self.get_pet_request(pet_id).call(read)
    }
    /// Like [`Client::get_pet`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn get_pet_with_response(
        &self,
        pet_id: i64,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<GetPetResponses>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<GetPetResponses>, ::paragon_runtime::Error>
        {
            Ok(match raw.status().as_u16() {
                200 => raw.json::<Pet>()?.map(GetPetResponses::Ok),
                404 => raw.json::<Error>()?.map(GetPetResponses::NotFound),
                _ => return Err(raw.unexpected()),
            })
        }
        self.get_pet_request(pet_id).call(read)
    }
    #[inline]
    fn delete_pet_request(&self, pet_id: i64) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::DELETE,
                &format!("/pets/{}", ::paragon_runtime::path_param(&pet_id)),
            )
            .operation("deletePet")
            .security(SECURITY_SCHEMES, &[&["oauth"]])
    }
    /// `DELETE /pets/{petId}`
    #[inline]
    pub fn delete_pet(&self, pet_id: i64) -> ::paragon_runtime::Call<()> {
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
        self.delete_pet_request(pet_id).call(read)
    }
    /// Like [`Client::delete_pet`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn delete_pet_with_response(
        &self,
        pet_id: i64,
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
        self.delete_pet_request(pet_id).call(read)
    }
    #[inline]
    fn upload_photo_request(
        &self,
        pet_id: i64,
        body: &UploadPhotoBody,
    ) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::POST,
                &format!("/pets/{}/photo", ::paragon_runtime::path_param(&pet_id)),
            )
            .operation("uploadPhoto")
            .security(SECURITY_SCHEMES, &[&["api_key"]])
            .accept("application/json")
            .multipart(
                ::paragon_runtime::Multipart::new()
                    .file("file", &body.file)
                    .text("note", &body.note),
            )
    }
    /// `POST /pets/{petId}/photo`
    #[inline]
    pub fn upload_photo(
        &self,
        pet_id: i64,
        body: &UploadPhotoBody,
    ) -> ::paragon_runtime::Call<Pet> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Pet, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.json::<Pet>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.upload_photo_request(pet_id, body).call(read)
    }
    /// Like [`Client::upload_photo`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn upload_photo_with_response(
        &self,
        pet_id: i64,
        body: &UploadPhotoBody,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<Pet>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<Pet>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                200 => raw.json::<Pet>()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.upload_photo_request(pet_id, body).call(read)
    }
    #[inline]
    fn rename_pet_request(
        &self,
        pet_id: i64,
        body: &RenamePetBody,
    ) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::PUT,
                &format!("/pets/{}/name", ::paragon_runtime::path_param(&pet_id)),
            )
            .operation("renamePet")
            .security(SECURITY_SCHEMES, &[&["api_key"]])
            .accept("application/json")
            .form(body)
    }
    /// `PUT /pets/{petId}/name`
    #[inline]
    pub fn rename_pet(&self, pet_id: i64, body: &RenamePetBody) -> ::paragon_runtime::Call<Pet> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<Pet, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.json::<Pet>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.rename_pet_request(pet_id, body).call(read)
    }
    /// Like [`Client::rename_pet`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn rename_pet_with_response(
        &self,
        pet_id: i64,
        body: &RenamePetBody,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<Pet>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<Pet>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                200 => raw.json::<Pet>()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.rename_pet_request(pet_id, body).call(read)
    }
}
/// The optional parameters of [`Client::list_pets`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListPetsOptions {
    pub limit: Option<i32>,
    pub tags: Option<Vec<String>>,
    pub status: Option<Vec<ListPetsStatusItem>>,
}
/// Every documented response of [`Client::list_pets`].
#[derive(Debug)]
pub enum ListPetsResponses {
    /// 200: The pets
    Ok(Vec<Pet>),
    /// Any other status: An error
    Default(Error),
}
/// Every documented response of [`Client::get_pet`].
#[derive(Debug)]
pub enum GetPetResponses {
    /// 200: The pet
    Ok(Pet),
    /// 404: No such pet
    NotFound(Error),
}
#[derive(Debug, Clone, PartialEq)]
pub struct NewPet {
    pub name: String,
    pub tag: Option<String>,
    pub kind: Option<NewPetKind>,
}
impl ::paragon_runtime::codec::Object for NewPet {
    const NAME: &'static str = "NewPet";
    const MEMBERS: &'static [&'static str] = &["name", "tag", "kind"];
    type Partial = (Option<String>, Option<String>, Option<NewPetKind>);
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
            tag: partial.1,
            kind: partial.2,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for NewPet {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("name", &self.name)?;
        members.optional("tag", &self.tag)?;
        members.optional("kind", &self.kind)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for NewPet {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NewPetKind {
    /// `dog`
    Dog,
    /// `cat`
    Cat,
    /// A value this client does not know, kept as sent.
    Unknown(String),
}
impl NewPetKind {
    /// The value as it appears on the wire.
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Dog => "dog",
            Self::Cat => "cat",
            Self::Unknown(value) => value,
        }
    }
}
impl From<String> for NewPetKind {
    #[inline]
    fn from(value: String) -> Self {
        match value.as_str() {
            "dog" => Self::Dog,
            "cat" => Self::Cat,
            _ => Self::Unknown(value),
        }
    }
}
impl From<&str> for NewPetKind {
    #[inline]
    fn from(value: &str) -> Self {
        Self::from(value.to_owned())
    }
}
impl From<NewPetKind> for String {
    #[inline]
    fn from(value: NewPetKind) -> Self {
        match value {
            NewPetKind::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}
impl ::std::fmt::Display for NewPetKind {
    #[inline]
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::paragon_runtime::serde::Serialize for NewPetKind {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        ::paragon_runtime::codec::write_str(self.as_str(), serializer)
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for NewPetKind {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::string(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct Pet {
    pub name: String,
    pub tag: Option<String>,
    pub kind: Option<NewPetKind>,
    pub id: i64,
}
impl ::paragon_runtime::codec::Object for Pet {
    const NAME: &'static str = "Pet";
    const MEMBERS: &'static [&'static str] = &["name", "tag", "kind", "id"];
    type Partial = (
        Option<String>,
        Option<String>,
        Option<NewPetKind>,
        Option<i64>,
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
            1 => partial.1 = map.next_value()?,
            2 => partial.2 = map.next_value()?,
            3 => partial.3 = Some(map.next_value()?),
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            name: ::paragon_runtime::codec::required(partial.0, "name")?,
            tag: partial.1,
            kind: partial.2,
            id: ::paragon_runtime::codec::required(partial.3, "id")?,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for Pet {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("name", &self.name)?;
        members.optional("tag", &self.tag)?;
        members.optional("kind", &self.kind)?;
        members.member("id", &self.id)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Pet {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub code: i32,
    pub message: String,
}
impl ::paragon_runtime::codec::Object for Error {
    const NAME: &'static str = "Error";
    const MEMBERS: &'static [&'static str] = &["code", "message"];
    type Partial = (Option<i32>, Option<String>);
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
            code: ::paragon_runtime::codec::required(partial.0, "code")?,
            message: ::paragon_runtime::codec::required(partial.1, "message")?,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for Error {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("code", &self.code)?;
        members.member("message", &self.message)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Error {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ListPetsStatusItem {
    /// `available`
    Available,
    /// `sold`
    Sold,
    /// A value this client does not know, kept as sent.
    Unknown(String),
}
impl ListPetsStatusItem {
    /// The value as it appears on the wire.
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Available => "available",
            Self::Sold => "sold",
            Self::Unknown(value) => value,
        }
    }
}
impl From<String> for ListPetsStatusItem {
    #[inline]
    fn from(value: String) -> Self {
        match value.as_str() {
            "available" => Self::Available,
            "sold" => Self::Sold,
            _ => Self::Unknown(value),
        }
    }
}
impl From<&str> for ListPetsStatusItem {
    #[inline]
    fn from(value: &str) -> Self {
        Self::from(value.to_owned())
    }
}
impl From<ListPetsStatusItem> for String {
    #[inline]
    fn from(value: ListPetsStatusItem) -> Self {
        match value {
            ListPetsStatusItem::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}
impl ::std::fmt::Display for ListPetsStatusItem {
    #[inline]
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::paragon_runtime::serde::Serialize for ListPetsStatusItem {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        ::paragon_runtime::codec::write_str(self.as_str(), serializer)
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for ListPetsStatusItem {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::string(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct UploadPhotoBody {
    /// The photo
    pub file: ::paragon_runtime::FilePart,
    pub note: Option<String>,
}
impl ::paragon_runtime::codec::Object for UploadPhotoBody {
    const NAME: &'static str = "UploadPhotoBody";
    const MEMBERS: &'static [&'static str] = &["file", "note"];
    type Partial = (Option<::paragon_runtime::FilePart>, Option<String>);
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
            1 => partial.1 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            file: ::paragon_runtime::codec::required(partial.0, "file")?,
            note: partial.1,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for UploadPhotoBody {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("file", &self.file)?;
        members.optional("note", &self.note)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for UploadPhotoBody {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct RenamePetBody {
    pub name: String,
}
impl ::paragon_runtime::codec::Object for RenamePetBody {
    const NAME: &'static str = "RenamePetBody";
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
            partial.0 = Some(map.next_value()?);
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            name: ::paragon_runtime::codec::required(partial.0, "name")?,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for RenamePetBody {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("name", &self.name)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for RenamePetBody {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
