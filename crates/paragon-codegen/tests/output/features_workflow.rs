pub mod pets {
    //! Pets (version 1)
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
    /// The document's security schemes, also used by requests built outside this
    /// module (compiled workflows).
    pub const SECURITY_SCHEMES: &[::paragon_runtime::SecurityScheme] =
        &[::paragon_runtime::SecurityScheme {
            name: "key",
            kind: ::paragon_runtime::SchemeKind::ApiKey {
                location: ::paragon_runtime::ApiKeyLocation::Header,
                name: "X-Api-Key",
            },
        }];
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
        /// Credentials for the `key` security scheme.
        pub fn key(mut self, key: impl Into<String>) -> Self {
            self.runtime = self
                .runtime
                .credential("key", ::paragon_runtime::Credential::ApiKey(key.into()));
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
    /// A client for Pets.
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
        fn login_request(&self, body: Option<&LoginBody>) -> ::paragon_runtime::RequestBuilder {
            self.runtime
                .request(::paragon_runtime::reqwest::Method::POST, "/login")
                .operation("login")
                .accept("application/json")
                .json_opt(body)
        }
        /// `POST /login`
        #[inline]
        pub fn login(&self, body: Option<&LoginBody>) -> ::paragon_runtime::Call<LoginResponse> {
            #[inline]
            fn read(
                raw: ::paragon_runtime::Received,
            ) -> Result<LoginResponse, ::paragon_runtime::Error> {
                match raw.status().as_u16() {
                    200 => Ok(raw.json::<LoginResponse>()?.body),
                    _ => Err(raw.unexpected()),
                }
            }
            self.login_request(body).call(read)
        }
        /// Like [`Client::login`], but returns the status, the headers and the typed body of every documented response.
        #[inline]
        pub fn login_with_response(
            &self,
            body: Option<&LoginBody>,
        ) -> ::paragon_runtime::Call<::paragon_runtime::Response<LoginResponse>> {
            #[inline]
            fn read(
                raw: ::paragon_runtime::Received,
            ) -> Result<::paragon_runtime::Response<LoginResponse>, ::paragon_runtime::Error>
            {
                Ok(match raw.status().as_u16() {
                    200 => raw.json::<LoginResponse>()?,
                    _ => return Err(raw.unexpected()),
                })
            }
            self.login_request(body).call(read)
        }
        #[inline]
        fn list_pets_request(
            &self,
            x_session: &str,
            options: &ListPetsOptions,
        ) -> ::paragon_runtime::RequestBuilder {
            self.runtime
                .request(::paragon_runtime::reqwest::Method::GET, "/pets")
                .operation("listPets")
                .security(SECURITY_SCHEMES, &[&["key"]])
                .accept("application/json")
                .query("status", &options.status)
                .header("X-Session", x_session)
        }
        /// `GET /pets`
        #[inline]
        pub fn list_pets(
            &self,
            x_session: &str,
            options: &ListPetsOptions,
        ) -> ::paragon_runtime::Call<ListPetsResponse> {
            #[inline]
            fn read(
                raw: ::paragon_runtime::Received,
            ) -> Result<ListPetsResponse, ::paragon_runtime::Error> {
                match raw.status().as_u16() {
                    200 => Ok(raw.json::<ListPetsResponse>()?.body),
                    _ => Err(raw.unexpected()),
                }
            }
            self.list_pets_request(x_session, options).call(read)
        }
        /// Like [`Client::list_pets`], but returns the status, the headers and the typed body of every documented response.
        #[inline]
        pub fn list_pets_with_response(
            &self,
            x_session: &str,
            options: &ListPetsOptions,
        ) -> ::paragon_runtime::Call<::paragon_runtime::Response<ListPetsResponse>> {
            #[inline]
            fn read(
                raw: ::paragon_runtime::Received,
            ) -> Result<::paragon_runtime::Response<ListPetsResponse>, ::paragon_runtime::Error>
            {
                Ok(match raw.status().as_u16() {
                    200 => raw.json::<ListPetsResponse>()?,
                    _ => return Err(raw.unexpected()),
                })
            }
            self.list_pets_request(x_session, options).call(read)
        }
        #[inline]
        fn create_pet_request(
            &self,
            body: Option<&NewPet>,
            options: &CreatePetOptions,
        ) -> ::paragon_runtime::RequestBuilder {
            self.runtime
                .request(::paragon_runtime::reqwest::Method::POST, "/pets")
                .operation("createPet")
                .security(SECURITY_SCHEMES, &[&["key"]])
                .accept("application/json")
                .header("Idempotency-Key", &options.idempotency_key)
                .cookie("theme", &options.theme)
                .json_opt(body)
        }
        /// `POST /pets`
        #[inline]
        pub fn create_pet(
            &self,
            body: Option<&NewPet>,
            options: &CreatePetOptions,
        ) -> ::paragon_runtime::Call<Pet> {
            #[inline]
            fn read(raw: ::paragon_runtime::Received) -> Result<Pet, ::paragon_runtime::Error> {
                match raw.status().as_u16() {
                    201 => Ok(raw.json::<Pet>()?.body),
                    409 => Err(raw.documented_error()),
                    _ => Err(raw.unexpected()),
                }
            }
            self.create_pet_request(body, options).call(read)
        }
        /// Like [`Client::create_pet`], but returns the status, the headers and the typed body of every documented response.
        #[inline]
        pub fn create_pet_with_response(
            &self,
            body: Option<&NewPet>,
            options: &CreatePetOptions,
        ) -> ::paragon_runtime::Call<::paragon_runtime::Response<CreatePetResponses>> {
            #[inline]
            fn read(
                raw: ::paragon_runtime::Received,
            ) -> Result<::paragon_runtime::Response<CreatePetResponses>, ::paragon_runtime::Error>
            {
                Ok(match raw.status().as_u16() {
                    201 => raw.json::<Pet>()?.map(CreatePetResponses::Created),
                    409 => raw.empty()?.map(|()| CreatePetResponses::Conflict),
                    _ => return Err(raw.unexpected()),
                })
            }
            self.create_pet_request(body, options).call(read)
        }
        #[inline]
        fn get_pet_request(&self, pet_id: i64) -> ::paragon_runtime::RequestBuilder {
            self.runtime
                .request(
                    ::paragon_runtime::reqwest::Method::GET,
                    &format!("/pets/{}", ::paragon_runtime::path_param(&pet_id)),
                )
                .operation("getPet")
                .security(SECURITY_SCHEMES, &[&["key"]])
                .accept("application/json")
        }
        /// `GET /pets/{petId}`
        #[inline]
        pub fn get_pet(&self, pet_id: i64) -> ::paragon_runtime::Call<Pet> {
            #[inline]
            fn read(raw: ::paragon_runtime::Received) -> Result<Pet, ::paragon_runtime::Error> {
                match raw.status().as_u16() {
                    200 => Ok(raw.json::<Pet>()?.body),
                    401 => Err(raw.documented_error()),
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
                    401 => raw.empty()?.map(|()| GetPetResponses::Unauthorized),
                    _ => return Err(raw.unexpected()),
                })
            }
            self.get_pet_request(pet_id).call(read)
        }
    }
    /// The optional parameters of [`Client::list_pets`].
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ListPetsOptions {
        pub status: Option<Status>,
    }
    /// The optional parameters of [`Client::create_pet`].
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct CreatePetOptions {
        pub idempotency_key: Option<String>,
        pub theme: Option<String>,
    }
    /// Every documented response of [`Client::create_pet`].
    #[derive(Debug)]
    pub enum CreatePetResponses {
        /// 201: Created.
        Created(Pet),
        /// 409: Exists.
        Conflict,
    }
    /// Every documented response of [`Client::get_pet`].
    #[derive(Debug)]
    pub enum GetPetResponses {
        /// 200: A pet.
        Ok(Pet),
        /// 401: Session expired.
        Unauthorized,
    }
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub enum Status {
        /// `available`
        Available,
        /// `sold`
        Sold,
        /// A value this client does not know, kept as sent.
        Unknown(String),
    }
    impl Status {
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
    impl From<String> for Status {
        #[inline]
        fn from(value: String) -> Self {
            match value.as_str() {
                "available" => Self::Available,
                "sold" => Self::Sold,
                _ => Self::Unknown(value),
            }
        }
    }
    impl From<&str> for Status {
        #[inline]
        fn from(value: &str) -> Self {
            Self::from(value.to_owned())
        }
    }
    impl From<Status> for String {
        #[inline]
        fn from(value: Status) -> Self {
            match value {
                Status::Unknown(value) => value,
                known => known.as_str().to_owned(),
            }
        }
    }
    impl ::std::fmt::Display for Status {
        #[inline]
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::paragon_runtime::serde::Serialize for Status {
        fn serialize<S: ::paragon_runtime::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            ::paragon_runtime::codec::write_str(self.as_str(), serializer)
        }
    }
    impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Status {
        fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            ::paragon_runtime::codec::string(deserializer)
        }
    }
    #[derive(Debug, Clone, PartialEq)]
    pub struct Pet {
        pub id: i64,
        pub name: String,
        pub status: Option<Status>,
        pub tags: Option<Vec<String>>,
    }
    impl ::paragon_runtime::codec::Object for Pet {
        const NAME: &'static str = "Pet";
        const MEMBERS: &'static [&'static str] = &["id", "name", "status", "tags"];
        type Partial = (
            Option<i64>,
            Option<String>,
            Option<Status>,
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
                id: ::paragon_runtime::codec::required(partial.0, "id")?,
                name: ::paragon_runtime::codec::required(partial.1, "name")?,
                status: partial.2,
                tags: partial.3,
            })
        }
    }
    impl ::paragon_runtime::serde::Serialize for Pet {
        fn serialize<S: ::paragon_runtime::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
            members.member("id", &self.id)?;
            members.member("name", &self.name)?;
            members.optional("status", &self.status)?;
            members.optional("tags", &self.tags)?;
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
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct NewPet {
        pub name: Option<String>,
        pub status: Option<Status>,
        pub tags: Option<Vec<String>>,
    }
    impl ::paragon_runtime::codec::Object for NewPet {
        const NAME: &'static str = "NewPet";
        const MEMBERS: &'static [&'static str] = &["name", "status", "tags"];
        type Partial = (Option<String>, Option<Status>, Option<Vec<String>>);
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
                name: partial.0,
                status: partial.1,
                tags: partial.2,
            })
        }
    }
    impl ::paragon_runtime::serde::Serialize for NewPet {
        fn serialize<S: ::paragon_runtime::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
            members.optional("name", &self.name)?;
            members.optional("status", &self.status)?;
            members.optional("tags", &self.tags)?;
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
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct LoginBody {
        pub user: Option<String>,
        pub greeting: Option<String>,
        pub password: Option<String>,
    }
    impl ::paragon_runtime::codec::Object for LoginBody {
        const NAME: &'static str = "LoginBody";
        const MEMBERS: &'static [&'static str] = &["user", "greeting", "password"];
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
                user: partial.0,
                greeting: partial.1,
                password: partial.2,
            })
        }
    }
    impl ::paragon_runtime::serde::Serialize for LoginBody {
        fn serialize<S: ::paragon_runtime::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
            members.optional("user", &self.user)?;
            members.optional("greeting", &self.greeting)?;
            members.optional("password", &self.password)?;
            members.end()
        }
    }
    impl<'de> ::paragon_runtime::serde::Deserialize<'de> for LoginBody {
        fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            ::paragon_runtime::codec::object(deserializer)
        }
    }
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct LoginResponse {
        pub token: Option<String>,
        pub expires_in: Option<i32>,
    }
    impl ::paragon_runtime::codec::Object for LoginResponse {
        const NAME: &'static str = "LoginResponse";
        const MEMBERS: &'static [&'static str] = &["token", "expiresIn"];
        type Partial = (Option<String>, Option<i32>);
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
                token: partial.0,
                expires_in: partial.1,
            })
        }
    }
    impl ::paragon_runtime::serde::Serialize for LoginResponse {
        fn serialize<S: ::paragon_runtime::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
            members.optional("token", &self.token)?;
            members.optional("expiresIn", &self.expires_in)?;
            members.end()
        }
    }
    impl<'de> ::paragon_runtime::serde::Deserialize<'de> for LoginResponse {
        fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            ::paragon_runtime::codec::object(deserializer)
        }
    }
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct ListPetsResponse {
        pub items: Option<Vec<Pet>>,
        pub total: Option<i64>,
    }
    impl ::paragon_runtime::codec::Object for ListPetsResponse {
        const NAME: &'static str = "ListPetsResponse";
        const MEMBERS: &'static [&'static str] = &["items", "total"];
        type Partial = (Option<Vec<Pet>>, Option<i64>);
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
                items: partial.0,
                total: partial.1,
            })
        }
    }
    impl ::paragon_runtime::serde::Serialize for ListPetsResponse {
        fn serialize<S: ::paragon_runtime::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
            members.optional("items", &self.items)?;
            members.optional("total", &self.total)?;
            members.end()
        }
    }
    impl<'de> ::paragon_runtime::serde::Deserialize<'de> for ListPetsResponse {
        fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            ::paragon_runtime::codec::object(deserializer)
        }
    }
}
/// One client per source description; every workflow of the document runs with these.
#[derive(Debug, Clone)]
pub struct Clients {
    /// The client for `pets` (base URL and credentials).
    pub pets: ::paragon_runtime::Client,
}
impl From<::paragon_runtime::Client> for Clients {
    fn from(client: ::paragon_runtime::Client) -> Self {
        Self { pets: client }
    }
}
impl From<pets::Client> for Clients {
    fn from(client: pets::Client) -> Self {
        Self {
            pets: client.runtime().clone(),
        }
    }
}
pub mod login_and_list {
    //! Workflow `login-and-list`.
    //!
    //! Log in, then list pets with the session.
    #![allow(
        clippy::needless_return,
        clippy::collapsible_if,
        clippy::blocks_in_conditions,
        clippy::nonminimal_bool,
        clippy::overly_complex_bool_expr,
        clippy::clone_on_copy,
        unused_variables,
        unused_mut,
        unreachable_code
    )]
    use ::paragon_runtime::arazzo as rt;
    /// The `workflowId`.
    pub const WORKFLOW: &str = "login-and-list";
    #[derive(Debug, Clone, PartialEq)]
    pub struct Inputs {
        pub user: String,
        pub password: String,
        pub status: Option<String>,
    }
    impl ::paragon_runtime::codec::Object for Inputs {
        const NAME: &'static str = "Inputs";
        const MEMBERS: &'static [&'static str] = &["user", "password", "status"];
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
                user: ::paragon_runtime::codec::required(partial.0, "user")?,
                password: ::paragon_runtime::codec::required(partial.1, "password")?,
                status: partial.2,
            })
        }
    }
    impl ::paragon_runtime::serde::Serialize for Inputs {
        fn serialize<S: ::paragon_runtime::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
            members.member("user", &self.user)?;
            members.member("password", &self.password)?;
            members.optional("status", &self.status)?;
            members.end()
        }
    }
    impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Inputs {
        fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            ::paragon_runtime::codec::object(deserializer)
        }
    }
    /// The steps of `login-and-list`.
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Hash,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub enum StepId {
        /// `login`
        #[serde(rename = "login")]
        Login,
        /// `list`
        #[serde(rename = "list")]
        List,
    }
    impl StepId {
        /// The `stepId` as written in the document.
        pub fn as_str(self) -> &'static str {
            match self {
                Self::Login => "login",
                Self::List => "list",
            }
        }
    }
    /// Outputs of step `login`.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct LoginOutputs {
        /// `token`
        pub token: Option<String>,
        /// `session`
        pub session: Option<String>,
        /// `expires`
        pub expires: Option<i32>,
    }
    /// Outputs of step `list`.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct ListOutputs {
        /// `pets`
        pub pets: Option<Vec<super::pets::Pet>>,
        /// `first`
        pub first: Option<String>,
    }
    /// Outputs of every step that has succeeded.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct StepOutputs {
        /// Outputs of `login`, once it has succeeded.
        pub login: Option<LoginOutputs>,
        /// Outputs of `list`, once it has succeeded.
        pub list: Option<ListOutputs>,
    }
    /// The workflow's outputs.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct Outputs {
        /// `pets`
        pub pets: Option<Vec<super::pets::Pet>>,
        /// `token`
        pub token: Option<String>,
        /// `first`
        pub first: Option<String>,
    }
    /// Everything needed to resume: save it after any `step()` (it is `Serialize`) and pass
    /// it to [`Workflow::resume`] later.
    #[derive(
        Debug,
        Clone,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct State {
        /// The inputs the workflow runs with.
        pub inputs: Inputs,
        /// The step to run next; `None` once finished.
        pub next: Option<StepId>,
        /// Tries made of `next` so far (1 after its first try).
        pub attempt: u32,
        /// Transitions taken so far.
        pub transitions: u32,
        /// Outputs of the steps that have succeeded.
        pub steps: StepOutputs,
        /// Inputs and outputs of sub-workflows run so far, by workflowId.
        pub workflows:
            ::paragon_runtime::serde_json::Map<String, ::paragon_runtime::serde_json::Value>,
        /// The step to come back to after a `retry` action that ran another step first.
        pub resume: Option<(StepId, u32)>,
        /// Whether the workflow has finished; its outputs are computed from `steps`.
        /// (States saved before this field existed load with `false`; a state with no
        /// `next` step after some transitions counts as finished too.)
        #[serde(default)]
        pub finished: bool,
        /// When a retry's wait ends, in Unix milliseconds of the client clock's wall
        /// time: a workflow resumed from this state waits only what is left.
        #[serde(default)]
        pub wait_until: Option<u64>,
        /// The request of `next` that was being sent when this state was saved (by the
        /// checkpoint hook): resuming sends it again only where that is safe, else ends
        /// in [`rt::WorkflowError::InDoubt`]. Clear it to send it again anyway.
        #[serde(default)]
        pub in_flight: Option<rt::InFlight>,
    }
    impl State {
        /// The state before the first step.
        pub fn new(inputs: Inputs) -> Self {
            Self {
                inputs,
                next: Some(StepId::Login),
                attempt: 0,
                transitions: 0,
                steps: StepOutputs::default(),
                workflows: ::paragon_runtime::serde_json::Map::new(),
                resume: None,
                finished: false,
                wait_until: None,
                in_flight: None,
            }
        }
    }
    /// The default bound on transitions: a `goto` loop ends in an error instead of running forever.
    pub const MAX_TRANSITIONS: u32 = 10_000;
    /// The compiled state machine.
    pub struct Workflow {
        clients: super::Clients,
        state: State,
        observer: rt::Observer,
        checkpoint: rt::Checkpoint<State>,
        max_transitions: u32,
        deadline: Option<::std::time::SystemTime>,
    }
    impl ::std::fmt::Debug for Workflow {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("Workflow")
                .field("state", &self.state)
                .finish_non_exhaustive()
        }
    }
    /// What a driver needs (this process's `run_to_end`, or a durable engine's).
    impl ::paragon_runtime::CompiledWorkflow for Workflow {
        const ID: &'static str = WORKFLOW;
        type Clients = super::Clients;
        type Inputs = Inputs;
        type Outputs = Outputs;
        type State = State;
        fn start(clients: super::Clients, inputs: Inputs) -> Self {
            Self::new(clients, inputs)
        }
        fn resume(clients: super::Clients, state: State) -> Self {
            Workflow::resume(clients, state)
        }
        fn state(&self) -> &State {
            &self.state
        }
        fn into_state(self) -> State {
            self.state
        }
        fn clock(&self) -> ::std::sync::Arc<dyn ::paragon_runtime::Clock> {
            Workflow::clock(self)
        }
        fn step(
            &mut self,
        ) -> impl ::std::future::Future<Output = Result<rt::Progress<Outputs>, rt::WorkflowError>> + Send
        {
            Workflow::step(self)
        }
    }
    impl Workflow {
        /// A workflow about to run its first step.
        pub fn new(clients: impl Into<super::Clients>, inputs: Inputs) -> Self {
            Self::resume(clients, State::new(inputs))
        }
        /// Continues from a saved state.
        pub fn resume(clients: impl Into<super::Clients>, state: State) -> Self {
            Self {
                clients: clients.into(),
                state,
                observer: None,
                checkpoint: None,
                max_transitions: MAX_TRANSITIONS,
                deadline: None,
            }
        }
        /// Calls `checkpoint` with the state just before each request is sent and after
        /// every transition, wait or error: a caller that saves it there can resume after
        /// a crash without losing an attempt, a wait or a request in flight (see
        /// [`State::in_flight`]).
        pub fn with_checkpoint(mut self, checkpoint: impl FnMut(&State) + Send + 'static) -> Self {
            self.checkpoint = Some(Box::new(checkpoint));
            self
        }
        /// Ends the workflow with [`rt::WorkflowError::DeadlineExceeded`] once the client
        /// clock's wall time passes `at`, or when a retry would wait past it. (A request
        /// under way is bounded by the client's `Limits`, not by this.)
        pub fn with_deadline(mut self, at: ::std::time::SystemTime) -> Self {
            self.deadline = Some(at);
            self
        }
        /// Calls `observer` on every transition (step, status, attempt, wait).
        pub fn with_observer(mut self, observer: impl FnMut(&rt::Event) + Send + 'static) -> Self {
            self.observer = Some(Box::new(observer));
            self
        }
        /// Changes the bound on transitions.
        pub fn with_max_transitions(mut self, limit: u32) -> Self {
            self.max_transitions = limit;
            self
        }
        /// The current state.
        pub fn state(&self) -> &State {
            &self.state
        }
        /// The current state, for saving.
        pub fn into_state(self) -> State {
            self.state
        }
        /// Runs to the end, sleeping through retry waits on the client's clock. The
        /// outputs are moved out of the state, not copied.
        pub async fn run(mut self) -> Result<Outputs, rt::WorkflowError> {
            self.drive().await?;
            Ok(self.into_outputs())
        }
        /// Like [`Self::run`], but the workflow stays: after an error, [`Self::state`]
        /// still has everything recorded (the outputs of the steps that succeeded, the
        /// attempts, a request in doubt), to read, save or resume.
        pub async fn run_in_place(&mut self) -> Result<Outputs, rt::WorkflowError> {
            self.drive().await?;
            Ok(self.outputs())
        }
        async fn drive(&mut self) -> Result<(), rt::WorkflowError> {
            loop {
                match self.advance().await? {
                    rt::Progress::Continue => {}
                    rt::Progress::Wait { until } => {
                        let clock = self.clock();
                        let left = until.duration_since(clock.wall_now()).unwrap_or_default();
                        clock.sleep(left).await;
                    }
                    rt::Progress::Done(()) => return Ok(()),
                }
            }
        }
        /// Advances one transition: runs the next step once and applies its action.
        /// It never sleeps: a retry's wait is returned as [`rt::Progress::Wait`] for the
        /// caller to wait out.
        pub async fn step(&mut self) -> Result<rt::Progress<Outputs>, rt::WorkflowError> {
            Ok(match self.advance().await? {
                rt::Progress::Continue => rt::Progress::Continue,
                rt::Progress::Wait { until } => rt::Progress::Wait { until },
                rt::Progress::Done(()) => rt::Progress::Done(self.outputs()),
            })
        }
        /// One transition, then the checkpoint (after an error too, so a request in
        /// doubt is on record).
        async fn advance(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            let progress = self.transition().await;
            rt::checkpoint(&mut self.checkpoint, &self.state);
            progress
        }
        async fn transition(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            let Some(next) = self.state.next else {
                return if self.state.finished || self.state.transitions > 0 {
                    Ok(rt::Progress::Done(()))
                } else {
                    Err(rt::WorkflowError::Finished { workflow: WORKFLOW })
                };
            };
            let now = self.clock().wall_now();
            if let Some(until) = rt::pending_wait(
                self.state.wait_until,
                self.deadline,
                WORKFLOW,
                next.as_str(),
            )? {
                if now < until {
                    return Ok(rt::Progress::Wait { until });
                }
                self.state.wait_until = None;
            }
            rt::check_deadline(self.deadline, now, WORKFLOW, next.as_str())?;
            if self.state.transitions >= self.max_transitions {
                return Err(rt::WorkflowError::TooManyTransitions {
                    workflow: WORKFLOW,
                    limit: self.max_transitions,
                });
            }
            self.state.transitions += 1;
            let progress = match next {
                StepId::Login => self.step_login().await,
                StepId::List => self.step_list().await,
            }?;
            let at = self.state.next.map_or(next.as_str(), StepId::as_str);
            Ok(
                match rt::pending_wait(self.state.wait_until, self.deadline, WORKFLOW, at)? {
                    Some(until) if matches!(progress, rt::Progress::Continue) => {
                        rt::Progress::Wait { until }
                    }
                    _ => progress,
                },
            )
        }
        fn clock(&self) -> ::std::sync::Arc<dyn ::paragon_runtime::Clock> {
            self.clients.pets.clock().clone()
        }
        /// Moves to `to` (or finishes), emitting the event.
        fn go(
            &mut self,
            to: Option<StepId>,
            from: &'static str,
            status: Option<u16>,
            attempt: u32,
            outcome: rt::Outcome,
        ) -> rt::Progress<()> {
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: from,
                    status,
                    attempt,
                    outcome,
                },
            );
            self.state.next = to;
            self.state.attempt = 0;
            if to.is_some() {
                return rt::Progress::Continue;
            }
            self.state.finished = true;
            rt::Progress::Done(())
        }
        fn outputs(&self) -> Outputs {
            Outputs {
                pets: self.state.steps.list.as_ref().and_then(|o| o.pets.clone()),
                token: self
                    .state
                    .steps
                    .login
                    .as_ref()
                    .and_then(|o| o.token.clone()),
                first: self.state.steps.list.as_ref().and_then(|o| o.first.clone()),
            }
        }
        fn into_outputs(mut self) -> Outputs {
            Outputs {
                pets: self.state.steps.list.as_mut().and_then(|o| o.pets.take()),
                token: self.state.steps.login.as_mut().and_then(|o| o.token.take()),
                first: self.state.steps.list.as_mut().and_then(|o| o.first.take()),
            }
        }
        /// Runs step `login` once and picks the next transition.
        async fn step_login(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            const STEP: &str = "login";
            let (attempt, _) = rt::prepare_send(
                &mut self.state.in_flight,
                &mut self.state.attempt,
                WORKFLOW,
                STEP,
                rt::Resend::InDoubt,
            )?;
            let api = &self.clients.pets;
            let record = rt::RequestRecord::default();
            let path: &str = "/login";
            let request = api
                .request(::paragon_runtime::reqwest::Method::POST, path)
                .operation("login")
                .accept("application/json");
            let url = String::new();
            #[allow(unused_mut)]
            let mut body = {
                let mut m = ::paragon_runtime::serde_json::Map::new();
                rt::insert(&mut m, "user", rt::to_value(&self.state.inputs.user), true);
                rt::insert(
                    &mut m,
                    "password",
                    rt::to_value(&self.state.inputs.password),
                    true,
                );
                rt::insert(
                    &mut m,
                    "greeting",
                    {
                        let mut s = String::new();
                        s.push_str("Hello ");
                        s.push_str(&rt::render(&rt::to_value(&self.state.inputs.user)));
                        s.push('!');
                        ::paragon_runtime::serde_json::Value::String(s)
                    },
                    false,
                );
                rt::insert(
                    &mut m,
                    "extra",
                    rt::to_value(&self.state.inputs.status),
                    true,
                );
                ::paragon_runtime::serde_json::Value::Object(m)
            };
            let request = request.json(&body);
            self.state.in_flight = Some(rt::InFlight {
                step: STEP.to_owned(),
                attempt,
                idempotency_key: None,
            });
            rt::checkpoint(&mut self.checkpoint, &self.state);
            let resp = rt::StepResponse::send(request, "", url, record)
                .await
                .map_err(|source| rt::WorkflowError::Transport {
                    workflow: WORKFLOW,
                    step: STEP,
                    attempt,
                    source,
                })?;
            rt::report_client_retries(&mut self.observer, WORKFLOW, STEP, attempt, &resp);
            self.state.in_flight = None;
            let status: Option<u16> = Some(resp.status);
            let failed: Option<&'static str> = if !(resp.status == 200) {
                Some("$statusCode == 200")
            } else {
                if !({
                    static PATTERN: ::std::sync::LazyLock<Option<::paragon_runtime::regex::Regex>> =
                        ::std::sync::LazyLock::new(|| {
                            ::paragon_runtime::regex::Regex::new("^s-[0-9]+$").ok()
                        });
                    PATTERN
                        .as_ref()
                        .is_some_and(|p| rt::regex_matches(p, &resp.header("X-Session")))
                }) {
                    Some("^s-[0-9]+$")
                } else {
                    None
                }
            };
            let Some(criterion) = failed else {
                self.state.steps.login = Some({
                    #[derive(::paragon_runtime::serde::Deserialize)]
                    #[serde(crate = "::paragon_runtime::serde")]
                    struct Members {
                        #[serde(rename = "token", default)]
                        token: Option<String>,
                        #[serde(rename = "expiresIn", default)]
                        expires: Option<i32>,
                    }
                    match rt::decode_members::<Members>(&resp) {
                        Some(members) => LoginOutputs {
                            token: members.token,
                            session: rt::typed::<String>(
                                STEP,
                                "session",
                                resp.header("X-Session"),
                            )?,
                            expires: members.expires,
                        },
                        None => LoginOutputs {
                            token: rt::typed_at::<String>(STEP, "token", &resp, Some("/token"))?,
                            session: rt::typed::<String>(
                                STEP,
                                "session",
                                resp.header("X-Session"),
                            )?,
                            expires: rt::typed_at::<i32>(
                                STEP,
                                "expires",
                                &resp,
                                Some("/expiresIn"),
                            )?,
                        },
                    }
                });
                if let Some((step, attempts)) = self.state.resume.take() {
                    let to = step.as_str();
                    let progress =
                        self.go(Some(step), STEP, status, attempt, rt::Outcome::Next { to });
                    self.state.attempt = attempts;
                    return Ok(progress);
                }
                return Ok(self.go(
                    Some(StepId::List),
                    STEP,
                    status,
                    attempt,
                    rt::Outcome::Next { to: "list" },
                ));
            };
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: STEP,
                    status,
                    attempt,
                    outcome: rt::Outcome::Failed {
                        criterion: criterion.to_owned(),
                    },
                },
            );
            Err(rt::WorkflowError::StepFailed {
                workflow: WORKFLOW,
                step: STEP,
                status,
                criterion: criterion.to_owned(),
                attempts: attempt,
                client_retries: resp.client_retries,
            })
        }
        /// Runs step `list` once and picks the next transition.
        async fn step_list(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            const STEP: &str = "list";
            let (attempt, _) = rt::prepare_send(
                &mut self.state.in_flight,
                &mut self.state.attempt,
                WORKFLOW,
                STEP,
                rt::Resend::Safe,
            )?;
            let api = &self.clients.pets;
            let record = rt::RequestRecord::default();
            let p0 = rt::to_value(
                &self
                    .state
                    .steps
                    .login
                    .as_ref()
                    .and_then(|o| o.session.as_ref()),
            );
            let path: &str = "/pets";
            let request = api
                .request(::paragon_runtime::reqwest::Method::GET, path)
                .operation("listPets")
                .security(super::pets::SECURITY_SCHEMES, &[&["key"]])
                .accept("application/json");
            let url = String::new();
            let request = request.header("X-Session", &p0);
            let request = request.query("status", &self.state.inputs.status);
            self.state.in_flight = Some(rt::InFlight {
                step: STEP.to_owned(),
                attempt,
                idempotency_key: None,
            });
            rt::checkpoint(&mut self.checkpoint, &self.state);
            let resp = rt::StepResponse::send(request, "", url, record)
                .await
                .map_err(|source| rt::WorkflowError::Transport {
                    workflow: WORKFLOW,
                    step: STEP,
                    attempt,
                    source,
                })?;
            rt::report_client_retries(&mut self.observer, WORKFLOW, STEP, attempt, &resp);
            self.state.in_flight = None;
            let status: Option<u16> = Some(resp.status);
            let failed: Option<&'static str> = if !(rt::compare(
                &::paragon_runtime::serde_json::Value::from(resp.status),
                rt::CmpOp::Eq,
                &::paragon_runtime::serde_json::Value::from(200i64),
            ) && rt::compare(
                &rt::navigate(resp.body_at(None), &[rt::Nav::Member("total")]),
                rt::CmpOp::Gt,
                &::paragon_runtime::serde_json::Value::from(0i64),
            ) && rt::compare(
                &rt::navigate(
                    resp.body_at(None),
                    &[
                        rt::Nav::Member("items"),
                        rt::Nav::Index(0usize),
                        rt::Nav::Member("name"),
                    ],
                ),
                rt::CmpOp::Ne,
                &::paragon_runtime::serde_json::Value::Null,
            )) {
                Some(
                    "$statusCode == 200 && $response.body.total > 0 && $response.body.items[0].name != null",
                )
            } else {
                None
            };
            let Some(criterion) = failed else {
                self.state.steps.list = Some(ListOutputs {
                    pets: rt::typed_at::<Vec<super::pets::Pet>>(
                        STEP,
                        "pets",
                        &resp,
                        Some("/items"),
                    )?,
                    first: rt::typed_at::<String>(STEP, "first", &resp, Some("/items/0/name"))?,
                });
                if let Some((step, attempts)) = self.state.resume.take() {
                    let to = step.as_str();
                    let progress =
                        self.go(Some(step), STEP, status, attempt, rt::Outcome::Next { to });
                    self.state.attempt = attempts;
                    return Ok(progress);
                }
                return Ok(self.go(None, STEP, status, attempt, rt::Outcome::End));
            };
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: STEP,
                    status,
                    attempt,
                    outcome: rt::Outcome::Failed {
                        criterion: criterion.to_owned(),
                    },
                },
            );
            Err(rt::WorkflowError::StepFailed {
                workflow: WORKFLOW,
                step: STEP,
                status,
                criterion: criterion.to_owned(),
                attempts: attempt,
                client_retries: resp.client_retries,
            })
        }
    }
}
pub mod create_or_find {
    //! Workflow `create-or-find`.
    #![allow(
        clippy::needless_return,
        clippy::collapsible_if,
        clippy::blocks_in_conditions,
        clippy::nonminimal_bool,
        clippy::overly_complex_bool_expr,
        clippy::clone_on_copy,
        unused_variables,
        unused_mut,
        unreachable_code
    )]
    use ::paragon_runtime::arazzo as rt;
    /// The `workflowId`.
    pub const WORKFLOW: &str = "create-or-find";
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct Inputs {
        pub name: Option<String>,
        pub tag: Option<String>,
        pub pet_id: Option<i64>,
    }
    impl ::paragon_runtime::codec::Object for Inputs {
        const NAME: &'static str = "Inputs";
        const MEMBERS: &'static [&'static str] = &["name", "tag", "petId"];
        type Partial = (Option<String>, Option<String>, Option<i64>);
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
                name: partial.0,
                tag: partial.1,
                pet_id: partial.2,
            })
        }
    }
    impl ::paragon_runtime::serde::Serialize for Inputs {
        fn serialize<S: ::paragon_runtime::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
            members.optional("name", &self.name)?;
            members.optional("tag", &self.tag)?;
            members.optional("petId", &self.pet_id)?;
            members.end()
        }
    }
    impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Inputs {
        fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            ::paragon_runtime::codec::object(deserializer)
        }
    }
    /// The steps of `create-or-find`.
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Hash,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub enum StepId {
        /// `create`
        #[serde(rename = "create")]
        Create,
        /// `find`
        #[serde(rename = "find")]
        Find,
    }
    impl StepId {
        /// The `stepId` as written in the document.
        pub fn as_str(self) -> &'static str {
            match self {
                Self::Create => "create",
                Self::Find => "find",
            }
        }
    }
    /// Outputs of step `create`.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct CreateOutputs {
        /// `id`
        pub id: Option<i64>,
    }
    /// Outputs of step `find`.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct FindOutputs {
        /// `id`
        pub id: Option<i64>,
        /// `name`
        pub name: Option<String>,
    }
    /// Outputs of every step that has succeeded.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct StepOutputs {
        /// Outputs of `create`, once it has succeeded.
        pub create: Option<CreateOutputs>,
        /// Outputs of `find`, once it has succeeded.
        pub find: Option<FindOutputs>,
    }
    /// The workflow's outputs.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct Outputs {
        /// `created`
        pub created: Option<i64>,
        /// `found`
        pub found: Option<String>,
    }
    /// Everything needed to resume: save it after any `step()` (it is `Serialize`) and pass
    /// it to [`Workflow::resume`] later.
    #[derive(
        Debug,
        Clone,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct State {
        /// The inputs the workflow runs with.
        pub inputs: Inputs,
        /// The step to run next; `None` once finished.
        pub next: Option<StepId>,
        /// Tries made of `next` so far (1 after its first try).
        pub attempt: u32,
        /// Transitions taken so far.
        pub transitions: u32,
        /// Outputs of the steps that have succeeded.
        pub steps: StepOutputs,
        /// Inputs and outputs of sub-workflows run so far, by workflowId.
        pub workflows:
            ::paragon_runtime::serde_json::Map<String, ::paragon_runtime::serde_json::Value>,
        /// The step to come back to after a `retry` action that ran another step first.
        pub resume: Option<(StepId, u32)>,
        /// Whether the workflow has finished; its outputs are computed from `steps`.
        /// (States saved before this field existed load with `false`; a state with no
        /// `next` step after some transitions counts as finished too.)
        #[serde(default)]
        pub finished: bool,
        /// When a retry's wait ends, in Unix milliseconds of the client clock's wall
        /// time: a workflow resumed from this state waits only what is left.
        #[serde(default)]
        pub wait_until: Option<u64>,
        /// The request of `next` that was being sent when this state was saved (by the
        /// checkpoint hook): resuming sends it again only where that is safe, else ends
        /// in [`rt::WorkflowError::InDoubt`]. Clear it to send it again anyway.
        #[serde(default)]
        pub in_flight: Option<rt::InFlight>,
    }
    impl State {
        /// The state before the first step.
        pub fn new(inputs: Inputs) -> Self {
            Self {
                inputs,
                next: Some(StepId::Create),
                attempt: 0,
                transitions: 0,
                steps: StepOutputs::default(),
                workflows: ::paragon_runtime::serde_json::Map::new(),
                resume: None,
                finished: false,
                wait_until: None,
                in_flight: None,
            }
        }
    }
    /// The default bound on transitions: a `goto` loop ends in an error instead of running forever.
    pub const MAX_TRANSITIONS: u32 = 10_000;
    /// The compiled state machine.
    pub struct Workflow {
        clients: super::Clients,
        state: State,
        observer: rt::Observer,
        checkpoint: rt::Checkpoint<State>,
        max_transitions: u32,
        deadline: Option<::std::time::SystemTime>,
    }
    impl ::std::fmt::Debug for Workflow {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("Workflow")
                .field("state", &self.state)
                .finish_non_exhaustive()
        }
    }
    /// What a driver needs (this process's `run_to_end`, or a durable engine's).
    impl ::paragon_runtime::CompiledWorkflow for Workflow {
        const ID: &'static str = WORKFLOW;
        type Clients = super::Clients;
        type Inputs = Inputs;
        type Outputs = Outputs;
        type State = State;
        fn start(clients: super::Clients, inputs: Inputs) -> Self {
            Self::new(clients, inputs)
        }
        fn resume(clients: super::Clients, state: State) -> Self {
            Workflow::resume(clients, state)
        }
        fn state(&self) -> &State {
            &self.state
        }
        fn into_state(self) -> State {
            self.state
        }
        fn clock(&self) -> ::std::sync::Arc<dyn ::paragon_runtime::Clock> {
            Workflow::clock(self)
        }
        fn step(
            &mut self,
        ) -> impl ::std::future::Future<Output = Result<rt::Progress<Outputs>, rt::WorkflowError>> + Send
        {
            Workflow::step(self)
        }
    }
    impl Workflow {
        /// A workflow about to run its first step.
        pub fn new(clients: impl Into<super::Clients>, inputs: Inputs) -> Self {
            Self::resume(clients, State::new(inputs))
        }
        /// Continues from a saved state.
        pub fn resume(clients: impl Into<super::Clients>, state: State) -> Self {
            Self {
                clients: clients.into(),
                state,
                observer: None,
                checkpoint: None,
                max_transitions: MAX_TRANSITIONS,
                deadline: None,
            }
        }
        /// Calls `checkpoint` with the state just before each request is sent and after
        /// every transition, wait or error: a caller that saves it there can resume after
        /// a crash without losing an attempt, a wait or a request in flight (see
        /// [`State::in_flight`]).
        pub fn with_checkpoint(mut self, checkpoint: impl FnMut(&State) + Send + 'static) -> Self {
            self.checkpoint = Some(Box::new(checkpoint));
            self
        }
        /// Ends the workflow with [`rt::WorkflowError::DeadlineExceeded`] once the client
        /// clock's wall time passes `at`, or when a retry would wait past it. (A request
        /// under way is bounded by the client's `Limits`, not by this.)
        pub fn with_deadline(mut self, at: ::std::time::SystemTime) -> Self {
            self.deadline = Some(at);
            self
        }
        /// Calls `observer` on every transition (step, status, attempt, wait).
        pub fn with_observer(mut self, observer: impl FnMut(&rt::Event) + Send + 'static) -> Self {
            self.observer = Some(Box::new(observer));
            self
        }
        /// Changes the bound on transitions.
        pub fn with_max_transitions(mut self, limit: u32) -> Self {
            self.max_transitions = limit;
            self
        }
        /// The current state.
        pub fn state(&self) -> &State {
            &self.state
        }
        /// The current state, for saving.
        pub fn into_state(self) -> State {
            self.state
        }
        /// Runs to the end, sleeping through retry waits on the client's clock. The
        /// outputs are moved out of the state, not copied.
        pub async fn run(mut self) -> Result<Outputs, rt::WorkflowError> {
            self.drive().await?;
            Ok(self.into_outputs())
        }
        /// Like [`Self::run`], but the workflow stays: after an error, [`Self::state`]
        /// still has everything recorded (the outputs of the steps that succeeded, the
        /// attempts, a request in doubt), to read, save or resume.
        pub async fn run_in_place(&mut self) -> Result<Outputs, rt::WorkflowError> {
            self.drive().await?;
            Ok(self.outputs())
        }
        async fn drive(&mut self) -> Result<(), rt::WorkflowError> {
            loop {
                match self.advance().await? {
                    rt::Progress::Continue => {}
                    rt::Progress::Wait { until } => {
                        let clock = self.clock();
                        let left = until.duration_since(clock.wall_now()).unwrap_or_default();
                        clock.sleep(left).await;
                    }
                    rt::Progress::Done(()) => return Ok(()),
                }
            }
        }
        /// Advances one transition: runs the next step once and applies its action.
        /// It never sleeps: a retry's wait is returned as [`rt::Progress::Wait`] for the
        /// caller to wait out.
        pub async fn step(&mut self) -> Result<rt::Progress<Outputs>, rt::WorkflowError> {
            Ok(match self.advance().await? {
                rt::Progress::Continue => rt::Progress::Continue,
                rt::Progress::Wait { until } => rt::Progress::Wait { until },
                rt::Progress::Done(()) => rt::Progress::Done(self.outputs()),
            })
        }
        /// One transition, then the checkpoint (after an error too, so a request in
        /// doubt is on record).
        async fn advance(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            let progress = self.transition().await;
            rt::checkpoint(&mut self.checkpoint, &self.state);
            progress
        }
        async fn transition(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            let Some(next) = self.state.next else {
                return if self.state.finished || self.state.transitions > 0 {
                    Ok(rt::Progress::Done(()))
                } else {
                    Err(rt::WorkflowError::Finished { workflow: WORKFLOW })
                };
            };
            let now = self.clock().wall_now();
            if let Some(until) = rt::pending_wait(
                self.state.wait_until,
                self.deadline,
                WORKFLOW,
                next.as_str(),
            )? {
                if now < until {
                    return Ok(rt::Progress::Wait { until });
                }
                self.state.wait_until = None;
            }
            rt::check_deadline(self.deadline, now, WORKFLOW, next.as_str())?;
            if self.state.transitions >= self.max_transitions {
                return Err(rt::WorkflowError::TooManyTransitions {
                    workflow: WORKFLOW,
                    limit: self.max_transitions,
                });
            }
            self.state.transitions += 1;
            let progress = match next {
                StepId::Create => self.step_create().await,
                StepId::Find => self.step_find().await,
            }?;
            let at = self.state.next.map_or(next.as_str(), StepId::as_str);
            Ok(
                match rt::pending_wait(self.state.wait_until, self.deadline, WORKFLOW, at)? {
                    Some(until) if matches!(progress, rt::Progress::Continue) => {
                        rt::Progress::Wait { until }
                    }
                    _ => progress,
                },
            )
        }
        fn clock(&self) -> ::std::sync::Arc<dyn ::paragon_runtime::Clock> {
            self.clients.pets.clock().clone()
        }
        /// Moves to `to` (or finishes), emitting the event.
        fn go(
            &mut self,
            to: Option<StepId>,
            from: &'static str,
            status: Option<u16>,
            attempt: u32,
            outcome: rt::Outcome,
        ) -> rt::Progress<()> {
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: from,
                    status,
                    attempt,
                    outcome,
                },
            );
            self.state.next = to;
            self.state.attempt = 0;
            if to.is_some() {
                return rt::Progress::Continue;
            }
            self.state.finished = true;
            rt::Progress::Done(())
        }
        fn outputs(&self) -> Outputs {
            Outputs {
                created: self.state.steps.create.as_ref().and_then(|o| o.id.clone()),
                found: self.state.steps.find.as_ref().and_then(|o| o.name.clone()),
            }
        }
        fn into_outputs(mut self) -> Outputs {
            Outputs {
                created: self.state.steps.create.as_mut().and_then(|o| o.id.take()),
                found: self.state.steps.find.as_mut().and_then(|o| o.name.take()),
            }
        }
        /// Runs step `create` once and picks the next transition.
        async fn step_create(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            const STEP: &str = "create";
            let (attempt, key) = rt::prepare_send(
                &mut self.state.in_flight,
                &mut self.state.attempt,
                WORKFLOW,
                STEP,
                rt::Resend::Keyed,
            )?;
            let api = &self.clients.pets;
            let record = rt::RequestRecord::default();
            let p0 = ::paragon_runtime::serde_json::Value::String("dark".to_owned());
            let path: &str = "/pets";
            let request = api
                .request(::paragon_runtime::reqwest::Method::POST, path)
                .operation("createPet")
                .security(super::pets::SECURITY_SCHEMES, &[&["key"]])
                .accept("application/json");
            let url = String::new();
            let request = request.cookie("theme", &p0);
            #[allow(unused_mut)]
            let mut body = {
                let mut m = ::paragon_runtime::serde_json::Map::new();
                rt::insert(&mut m, "name", rt::to_value(&self.state.inputs.name), true);
                rt::insert(
                    &mut m,
                    "status",
                    ::paragon_runtime::serde_json::Value::String("available".to_owned()),
                    false,
                );
                rt::insert(
                    &mut m,
                    "tags",
                    ::paragon_runtime::serde_json::Value::Array(vec![
                        ::paragon_runtime::serde_json::Value::String("placeholder".to_owned()),
                        ::paragon_runtime::serde_json::Value::String("fixed".to_owned()),
                    ]),
                    false,
                );
                ::paragon_runtime::serde_json::Value::Object(m)
            };
            rt::replace(&mut body, "/tags/0", rt::to_value(&self.state.inputs.tag)).map_err(
                |message| rt::WorkflowError::Request {
                    workflow: WORKFLOW,
                    step: STEP,
                    message,
                },
            )?;
            let request = request.json(&body);
            let request = match &key {
                Some(k) => request.header(rt::IDEMPOTENCY_KEY, k),
                None => request,
            };
            self.state.in_flight = Some(rt::InFlight {
                step: STEP.to_owned(),
                attempt,
                idempotency_key: key,
            });
            rt::checkpoint(&mut self.checkpoint, &self.state);
            let resp = rt::StepResponse::send(request, "", url, record)
                .await
                .map_err(|source| rt::WorkflowError::Transport {
                    workflow: WORKFLOW,
                    step: STEP,
                    attempt,
                    source,
                })?;
            rt::report_client_retries(&mut self.observer, WORKFLOW, STEP, attempt, &resp);
            self.state.in_flight = None;
            let status: Option<u16> = Some(resp.status);
            let failed: Option<&'static str> = if !(resp.status == 201) {
                Some("$statusCode == 201")
            } else {
                None
            };
            let Some(criterion) = failed else {
                self.state.steps.create = Some(CreateOutputs {
                    id: rt::typed_at::<i64>(STEP, "id", &resp, Some("/id"))?,
                });
                if true {
                    return Ok(self.go(None, STEP, status, attempt, rt::Outcome::End));
                }
                if let Some((step, attempts)) = self.state.resume.take() {
                    let to = step.as_str();
                    let progress =
                        self.go(Some(step), STEP, status, attempt, rt::Outcome::Next { to });
                    self.state.attempt = attempts;
                    return Ok(progress);
                }
                return Ok(self.go(
                    Some(StepId::Find),
                    STEP,
                    status,
                    attempt,
                    rt::Outcome::Next { to: "find" },
                ));
            };
            if resp.status == 409 {
                return Ok(self.go(
                    Some(StepId::Find),
                    STEP,
                    status,
                    attempt,
                    rt::Outcome::Goto {
                        to: "find",
                        action: "exists",
                    },
                ));
            }
            if true {
                rt::emit(
                    &mut self.observer,
                    rt::Event {
                        workflow: WORKFLOW,
                        step: STEP,
                        status,
                        attempt,
                        outcome: rt::Outcome::Failed {
                            criterion: criterion.to_owned(),
                        },
                    },
                );
                return Err(rt::WorkflowError::Ended {
                    workflow: WORKFLOW,
                    step: STEP,
                    action: "giveUp",
                    status,
                });
            }
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: STEP,
                    status,
                    attempt,
                    outcome: rt::Outcome::Failed {
                        criterion: criterion.to_owned(),
                    },
                },
            );
            Err(rt::WorkflowError::StepFailed {
                workflow: WORKFLOW,
                step: STEP,
                status,
                criterion: criterion.to_owned(),
                attempts: attempt,
                client_retries: resp.client_retries,
            })
        }
        /// Runs step `find` once and picks the next transition.
        async fn step_find(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            const STEP: &str = "find";
            let (attempt, _) = rt::prepare_send(
                &mut self.state.in_flight,
                &mut self.state.attempt,
                WORKFLOW,
                STEP,
                rt::Resend::Safe,
            )?;
            let api = &self.clients.pets;
            let record = rt::RequestRecord::default();
            rt::require_path(
                WORKFLOW,
                STEP,
                "petId",
                "$inputs.petId",
                &self.state.inputs.pet_id,
            )?;
            let path: &str = &format!(
                "/pets/{}",
                ::paragon_runtime::path_param(&self.state.inputs.pet_id)
            );
            let request = api
                .request(::paragon_runtime::reqwest::Method::GET, path)
                .operation("getPet")
                .security(super::pets::SECURITY_SCHEMES, &[&["key"]])
                .accept("application/json");
            let url = String::new();
            self.state.in_flight = Some(rt::InFlight {
                step: STEP.to_owned(),
                attempt,
                idempotency_key: None,
            });
            rt::checkpoint(&mut self.checkpoint, &self.state);
            let resp = rt::StepResponse::send(request, "", url, record)
                .await
                .map_err(|source| rt::WorkflowError::Transport {
                    workflow: WORKFLOW,
                    step: STEP,
                    attempt,
                    source,
                })?;
            rt::report_client_retries(&mut self.observer, WORKFLOW, STEP, attempt, &resp);
            self.state.in_flight = None;
            let status: Option<u16> = Some(resp.status);
            let failed: Option<&'static str> = if !(resp.status == 200) {
                Some("$statusCode == 200")
            } else {
                None
            };
            let Some(criterion) = failed else {
                self.state.steps.find = Some({
                    #[derive(::paragon_runtime::serde::Deserialize)]
                    #[serde(crate = "::paragon_runtime::serde")]
                    struct Members {
                        #[serde(rename = "id", default)]
                        id: Option<i64>,
                        #[serde(rename = "name", default)]
                        name: Option<String>,
                    }
                    match rt::decode_members::<Members>(&resp) {
                        Some(members) => FindOutputs {
                            id: members.id,
                            name: members.name,
                        },
                        None => FindOutputs {
                            id: rt::typed_at::<i64>(STEP, "id", &resp, Some("/id"))?,
                            name: rt::typed_at::<String>(STEP, "name", &resp, Some("/name"))?,
                        },
                    }
                });
                if let Some((step, attempts)) = self.state.resume.take() {
                    let to = step.as_str();
                    let progress =
                        self.go(Some(step), STEP, status, attempt, rt::Outcome::Next { to });
                    self.state.attempt = attempts;
                    return Ok(progress);
                }
                return Ok(self.go(None, STEP, status, attempt, rt::Outcome::End));
            };
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: STEP,
                    status,
                    attempt,
                    outcome: rt::Outcome::Failed {
                        criterion: criterion.to_owned(),
                    },
                },
            );
            Err(rt::WorkflowError::StepFailed {
                workflow: WORKFLOW,
                step: STEP,
                status,
                criterion: criterion.to_owned(),
                attempts: attempt,
                client_retries: resp.client_retries,
            })
        }
    }
}
pub mod refresh_and_retry {
    //! Workflow `refresh-and-retry`.
    #![allow(
        clippy::needless_return,
        clippy::collapsible_if,
        clippy::blocks_in_conditions,
        clippy::nonminimal_bool,
        clippy::overly_complex_bool_expr,
        clippy::clone_on_copy,
        unused_variables,
        unused_mut,
        unreachable_code
    )]
    use ::paragon_runtime::arazzo as rt;
    /// The `workflowId`.
    pub const WORKFLOW: &str = "refresh-and-retry";
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct Inputs {
        pub user: Option<String>,
        pub password: Option<String>,
        pub pet_id: Option<i64>,
    }
    impl ::paragon_runtime::codec::Object for Inputs {
        const NAME: &'static str = "Inputs";
        const MEMBERS: &'static [&'static str] = &["user", "password", "petId"];
        type Partial = (Option<String>, Option<String>, Option<i64>);
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
                user: partial.0,
                password: partial.1,
                pet_id: partial.2,
            })
        }
    }
    impl ::paragon_runtime::serde::Serialize for Inputs {
        fn serialize<S: ::paragon_runtime::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
            members.optional("user", &self.user)?;
            members.optional("password", &self.password)?;
            members.optional("petId", &self.pet_id)?;
            members.end()
        }
    }
    impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Inputs {
        fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            ::paragon_runtime::codec::object(deserializer)
        }
    }
    /// The steps of `refresh-and-retry`.
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Hash,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub enum StepId {
        /// `get`
        #[serde(rename = "get")]
        Get,
        /// `relogin`
        #[serde(rename = "relogin")]
        Relogin,
    }
    impl StepId {
        /// The `stepId` as written in the document.
        pub fn as_str(self) -> &'static str {
            match self {
                Self::Get => "get",
                Self::Relogin => "relogin",
            }
        }
    }
    /// Outputs of step `get`.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct GetOutputs {
        /// `name`
        pub name: Option<String>,
    }
    /// Outputs of step `relogin`.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct ReloginOutputs {}
    /// Outputs of every step that has succeeded.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct StepOutputs {
        /// Outputs of `get`, once it has succeeded.
        pub get: Option<GetOutputs>,
        /// Outputs of `relogin`, once it has succeeded.
        pub relogin: Option<ReloginOutputs>,
    }
    /// The workflow's outputs.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct Outputs {
        /// `name`
        pub name: Option<String>,
    }
    /// Everything needed to resume: save it after any `step()` (it is `Serialize`) and pass
    /// it to [`Workflow::resume`] later.
    #[derive(
        Debug,
        Clone,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct State {
        /// The inputs the workflow runs with.
        pub inputs: Inputs,
        /// The step to run next; `None` once finished.
        pub next: Option<StepId>,
        /// Tries made of `next` so far (1 after its first try).
        pub attempt: u32,
        /// Transitions taken so far.
        pub transitions: u32,
        /// Outputs of the steps that have succeeded.
        pub steps: StepOutputs,
        /// Inputs and outputs of sub-workflows run so far, by workflowId.
        pub workflows:
            ::paragon_runtime::serde_json::Map<String, ::paragon_runtime::serde_json::Value>,
        /// The step to come back to after a `retry` action that ran another step first.
        pub resume: Option<(StepId, u32)>,
        /// Whether the workflow has finished; its outputs are computed from `steps`.
        /// (States saved before this field existed load with `false`; a state with no
        /// `next` step after some transitions counts as finished too.)
        #[serde(default)]
        pub finished: bool,
        /// When a retry's wait ends, in Unix milliseconds of the client clock's wall
        /// time: a workflow resumed from this state waits only what is left.
        #[serde(default)]
        pub wait_until: Option<u64>,
        /// The request of `next` that was being sent when this state was saved (by the
        /// checkpoint hook): resuming sends it again only where that is safe, else ends
        /// in [`rt::WorkflowError::InDoubt`]. Clear it to send it again anyway.
        #[serde(default)]
        pub in_flight: Option<rt::InFlight>,
    }
    impl State {
        /// The state before the first step.
        pub fn new(inputs: Inputs) -> Self {
            Self {
                inputs,
                next: Some(StepId::Get),
                attempt: 0,
                transitions: 0,
                steps: StepOutputs::default(),
                workflows: ::paragon_runtime::serde_json::Map::new(),
                resume: None,
                finished: false,
                wait_until: None,
                in_flight: None,
            }
        }
    }
    /// The default bound on transitions: a `goto` loop ends in an error instead of running forever.
    pub const MAX_TRANSITIONS: u32 = 10_000;
    /// The compiled state machine.
    pub struct Workflow {
        clients: super::Clients,
        state: State,
        observer: rt::Observer,
        checkpoint: rt::Checkpoint<State>,
        max_transitions: u32,
        deadline: Option<::std::time::SystemTime>,
    }
    impl ::std::fmt::Debug for Workflow {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("Workflow")
                .field("state", &self.state)
                .finish_non_exhaustive()
        }
    }
    /// What a driver needs (this process's `run_to_end`, or a durable engine's).
    impl ::paragon_runtime::CompiledWorkflow for Workflow {
        const ID: &'static str = WORKFLOW;
        type Clients = super::Clients;
        type Inputs = Inputs;
        type Outputs = Outputs;
        type State = State;
        fn start(clients: super::Clients, inputs: Inputs) -> Self {
            Self::new(clients, inputs)
        }
        fn resume(clients: super::Clients, state: State) -> Self {
            Workflow::resume(clients, state)
        }
        fn state(&self) -> &State {
            &self.state
        }
        fn into_state(self) -> State {
            self.state
        }
        fn clock(&self) -> ::std::sync::Arc<dyn ::paragon_runtime::Clock> {
            Workflow::clock(self)
        }
        fn step(
            &mut self,
        ) -> impl ::std::future::Future<Output = Result<rt::Progress<Outputs>, rt::WorkflowError>> + Send
        {
            Workflow::step(self)
        }
    }
    impl Workflow {
        /// A workflow about to run its first step.
        pub fn new(clients: impl Into<super::Clients>, inputs: Inputs) -> Self {
            Self::resume(clients, State::new(inputs))
        }
        /// Continues from a saved state.
        pub fn resume(clients: impl Into<super::Clients>, state: State) -> Self {
            Self {
                clients: clients.into(),
                state,
                observer: None,
                checkpoint: None,
                max_transitions: MAX_TRANSITIONS,
                deadline: None,
            }
        }
        /// Calls `checkpoint` with the state just before each request is sent and after
        /// every transition, wait or error: a caller that saves it there can resume after
        /// a crash without losing an attempt, a wait or a request in flight (see
        /// [`State::in_flight`]).
        pub fn with_checkpoint(mut self, checkpoint: impl FnMut(&State) + Send + 'static) -> Self {
            self.checkpoint = Some(Box::new(checkpoint));
            self
        }
        /// Ends the workflow with [`rt::WorkflowError::DeadlineExceeded`] once the client
        /// clock's wall time passes `at`, or when a retry would wait past it. (A request
        /// under way is bounded by the client's `Limits`, not by this.)
        pub fn with_deadline(mut self, at: ::std::time::SystemTime) -> Self {
            self.deadline = Some(at);
            self
        }
        /// Calls `observer` on every transition (step, status, attempt, wait).
        pub fn with_observer(mut self, observer: impl FnMut(&rt::Event) + Send + 'static) -> Self {
            self.observer = Some(Box::new(observer));
            self
        }
        /// Changes the bound on transitions.
        pub fn with_max_transitions(mut self, limit: u32) -> Self {
            self.max_transitions = limit;
            self
        }
        /// The current state.
        pub fn state(&self) -> &State {
            &self.state
        }
        /// The current state, for saving.
        pub fn into_state(self) -> State {
            self.state
        }
        /// Runs to the end, sleeping through retry waits on the client's clock. The
        /// outputs are moved out of the state, not copied.
        pub async fn run(mut self) -> Result<Outputs, rt::WorkflowError> {
            self.drive().await?;
            Ok(self.into_outputs())
        }
        /// Like [`Self::run`], but the workflow stays: after an error, [`Self::state`]
        /// still has everything recorded (the outputs of the steps that succeeded, the
        /// attempts, a request in doubt), to read, save or resume.
        pub async fn run_in_place(&mut self) -> Result<Outputs, rt::WorkflowError> {
            self.drive().await?;
            Ok(self.outputs())
        }
        async fn drive(&mut self) -> Result<(), rt::WorkflowError> {
            loop {
                match self.advance().await? {
                    rt::Progress::Continue => {}
                    rt::Progress::Wait { until } => {
                        let clock = self.clock();
                        let left = until.duration_since(clock.wall_now()).unwrap_or_default();
                        clock.sleep(left).await;
                    }
                    rt::Progress::Done(()) => return Ok(()),
                }
            }
        }
        /// Advances one transition: runs the next step once and applies its action.
        /// It never sleeps: a retry's wait is returned as [`rt::Progress::Wait`] for the
        /// caller to wait out.
        pub async fn step(&mut self) -> Result<rt::Progress<Outputs>, rt::WorkflowError> {
            Ok(match self.advance().await? {
                rt::Progress::Continue => rt::Progress::Continue,
                rt::Progress::Wait { until } => rt::Progress::Wait { until },
                rt::Progress::Done(()) => rt::Progress::Done(self.outputs()),
            })
        }
        /// One transition, then the checkpoint (after an error too, so a request in
        /// doubt is on record).
        async fn advance(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            let progress = self.transition().await;
            rt::checkpoint(&mut self.checkpoint, &self.state);
            progress
        }
        async fn transition(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            let Some(next) = self.state.next else {
                return if self.state.finished || self.state.transitions > 0 {
                    Ok(rt::Progress::Done(()))
                } else {
                    Err(rt::WorkflowError::Finished { workflow: WORKFLOW })
                };
            };
            let now = self.clock().wall_now();
            if let Some(until) = rt::pending_wait(
                self.state.wait_until,
                self.deadline,
                WORKFLOW,
                next.as_str(),
            )? {
                if now < until {
                    return Ok(rt::Progress::Wait { until });
                }
                self.state.wait_until = None;
            }
            rt::check_deadline(self.deadline, now, WORKFLOW, next.as_str())?;
            if self.state.transitions >= self.max_transitions {
                return Err(rt::WorkflowError::TooManyTransitions {
                    workflow: WORKFLOW,
                    limit: self.max_transitions,
                });
            }
            self.state.transitions += 1;
            let progress = match next {
                StepId::Get => self.step_get().await,
                StepId::Relogin => self.step_relogin().await,
            }?;
            let at = self.state.next.map_or(next.as_str(), StepId::as_str);
            Ok(
                match rt::pending_wait(self.state.wait_until, self.deadline, WORKFLOW, at)? {
                    Some(until) if matches!(progress, rt::Progress::Continue) => {
                        rt::Progress::Wait { until }
                    }
                    _ => progress,
                },
            )
        }
        fn clock(&self) -> ::std::sync::Arc<dyn ::paragon_runtime::Clock> {
            self.clients.pets.clock().clone()
        }
        /// The longest a `Retry-After` header may make a retry wait (the client's
        /// `RetryPolicy::max_retry_after`).
        fn max_retry_after(&self) -> ::std::time::Duration {
            self.clients.pets.retry_policy().max_retry_after
        }
        /// Moves to `to` (or finishes), emitting the event.
        fn go(
            &mut self,
            to: Option<StepId>,
            from: &'static str,
            status: Option<u16>,
            attempt: u32,
            outcome: rt::Outcome,
        ) -> rt::Progress<()> {
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: from,
                    status,
                    attempt,
                    outcome,
                },
            );
            self.state.next = to;
            self.state.attempt = 0;
            if to.is_some() {
                return rt::Progress::Continue;
            }
            self.state.finished = true;
            rt::Progress::Done(())
        }
        fn outputs(&self) -> Outputs {
            Outputs {
                name: self.state.steps.get.as_ref().and_then(|o| o.name.clone()),
            }
        }
        fn into_outputs(mut self) -> Outputs {
            Outputs {
                name: self.state.steps.get.as_mut().and_then(|o| o.name.take()),
            }
        }
        /// Runs step `get` once and picks the next transition.
        async fn step_get(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            const STEP: &str = "get";
            let (attempt, _) = rt::prepare_send(
                &mut self.state.in_flight,
                &mut self.state.attempt,
                WORKFLOW,
                STEP,
                rt::Resend::Safe,
            )?;
            let api = &self.clients.pets;
            let record = rt::RequestRecord::default();
            rt::require_path(
                WORKFLOW,
                STEP,
                "petId",
                "$inputs.petId",
                &self.state.inputs.pet_id,
            )?;
            let path: &str = &format!(
                "/pets/{}",
                ::paragon_runtime::path_param(&self.state.inputs.pet_id)
            );
            let request = api
                .request(::paragon_runtime::reqwest::Method::GET, path)
                .operation("getPet")
                .security(super::pets::SECURITY_SCHEMES, &[&["key"]])
                .accept("application/json");
            let url = String::new();
            self.state.in_flight = Some(rt::InFlight {
                step: STEP.to_owned(),
                attempt,
                idempotency_key: None,
            });
            rt::checkpoint(&mut self.checkpoint, &self.state);
            let resp = rt::StepResponse::send(request, "", url, record)
                .await
                .map_err(|source| rt::WorkflowError::Transport {
                    workflow: WORKFLOW,
                    step: STEP,
                    attempt,
                    source,
                })?;
            rt::report_client_retries(&mut self.observer, WORKFLOW, STEP, attempt, &resp);
            self.state.in_flight = None;
            let status: Option<u16> = Some(resp.status);
            let failed: Option<&'static str> = if !(resp.status == 200) {
                Some("$statusCode == 200")
            } else {
                None
            };
            let Some(criterion) = failed else {
                self.state.steps.get = Some(GetOutputs {
                    name: rt::typed_at::<String>(STEP, "name", &resp, Some("/name"))?,
                });
                if let Some((step, attempts)) = self.state.resume.take() {
                    let to = step.as_str();
                    let progress =
                        self.go(Some(step), STEP, status, attempt, rt::Outcome::Next { to });
                    self.state.attempt = attempts;
                    return Ok(progress);
                }
                return Ok(self.go(
                    Some(StepId::Relogin),
                    STEP,
                    status,
                    attempt,
                    rt::Outcome::Next { to: "relogin" },
                ));
            };
            if resp.status == 401 {
                if attempt <= 2u32 {
                    let clock = self.clock();
                    let wait = resp.retry_wait(
                        clock.wall_now(),
                        ::std::time::Duration::from_secs_f64(0.25f64),
                        self.max_retry_after(),
                    );
                    rt::emit(
                        &mut self.observer,
                        rt::Event {
                            workflow: WORKFLOW,
                            step: STEP,
                            status,
                            attempt,
                            outcome: rt::Outcome::Retry {
                                wait,
                                action: "relogin",
                            },
                        },
                    );
                    self.state.wait_until = Some(rt::unix_millis(clock.wall_now() + wait));
                    self.state.resume = Some((StepId::Get, attempt));
                    return Ok(self.go(
                        Some(StepId::Relogin),
                        STEP,
                        status,
                        attempt,
                        rt::Outcome::Goto {
                            to: "relogin",
                            action: "relogin",
                        },
                    ));
                    return Ok(rt::Progress::Continue);
                }
            }
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: STEP,
                    status,
                    attempt,
                    outcome: rt::Outcome::Failed {
                        criterion: criterion.to_owned(),
                    },
                },
            );
            Err(rt::WorkflowError::StepFailed {
                workflow: WORKFLOW,
                step: STEP,
                status,
                criterion: criterion.to_owned(),
                attempts: attempt,
                client_retries: resp.client_retries,
            })
        }
        /// Runs step `relogin` once and picks the next transition.
        async fn step_relogin(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            const STEP: &str = "relogin";
            let (attempt, _) = rt::prepare_send(
                &mut self.state.in_flight,
                &mut self.state.attempt,
                WORKFLOW,
                STEP,
                rt::Resend::InDoubt,
            )?;
            let api = &self.clients.pets;
            let record = rt::RequestRecord::default();
            let path: &str = "/login";
            let request = api
                .request(::paragon_runtime::reqwest::Method::POST, path)
                .operation("login")
                .accept("application/json");
            let url = String::new();
            #[allow(unused_mut)]
            let mut body = {
                let mut m = ::paragon_runtime::serde_json::Map::new();
                rt::insert(&mut m, "user", rt::to_value(&self.state.inputs.user), true);
                rt::insert(
                    &mut m,
                    "password",
                    rt::to_value(&self.state.inputs.password),
                    true,
                );
                ::paragon_runtime::serde_json::Value::Object(m)
            };
            let request = request.json(&body);
            self.state.in_flight = Some(rt::InFlight {
                step: STEP.to_owned(),
                attempt,
                idempotency_key: None,
            });
            rt::checkpoint(&mut self.checkpoint, &self.state);
            let resp = rt::StepResponse::send(request, "", url, record)
                .await
                .map_err(|source| rt::WorkflowError::Transport {
                    workflow: WORKFLOW,
                    step: STEP,
                    attempt,
                    source,
                })?;
            rt::report_client_retries(&mut self.observer, WORKFLOW, STEP, attempt, &resp);
            self.state.in_flight = None;
            let status: Option<u16> = Some(resp.status);
            let failed: Option<&'static str> = if !(resp.status == 200) {
                Some("$statusCode == 200")
            } else {
                None
            };
            let Some(criterion) = failed else {
                self.state.steps.relogin = Some(ReloginOutputs {});
                if rt::compare(
                    &rt::to_value(&self.state.steps.get.as_ref().and_then(|o| o.name.as_ref())),
                    rt::CmpOp::Ne,
                    &::paragon_runtime::serde_json::Value::Null,
                ) {
                    return Ok(self.go(None, STEP, status, attempt, rt::Outcome::End));
                }
                if let Some((step, attempts)) = self.state.resume.take() {
                    let to = step.as_str();
                    let progress =
                        self.go(Some(step), STEP, status, attempt, rt::Outcome::Next { to });
                    self.state.attempt = attempts;
                    return Ok(progress);
                }
                return Ok(self.go(None, STEP, status, attempt, rt::Outcome::End));
            };
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: STEP,
                    status,
                    attempt,
                    outcome: rt::Outcome::Failed {
                        criterion: criterion.to_owned(),
                    },
                },
            );
            Err(rt::WorkflowError::StepFailed {
                workflow: WORKFLOW,
                step: STEP,
                status,
                criterion: criterion.to_owned(),
                attempts: attempt,
                client_retries: resp.client_retries,
            })
        }
    }
}
pub mod nested {
    //! Workflow `nested`.
    #![allow(
        clippy::needless_return,
        clippy::collapsible_if,
        clippy::blocks_in_conditions,
        clippy::nonminimal_bool,
        clippy::overly_complex_bool_expr,
        clippy::clone_on_copy,
        unused_variables,
        unused_mut,
        unreachable_code
    )]
    use ::paragon_runtime::arazzo as rt;
    /// The `workflowId`.
    pub const WORKFLOW: &str = "nested";
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct Inputs {
        pub user: Option<String>,
        pub password: Option<String>,
        pub name: Option<String>,
        pub tag: Option<String>,
        pub pet_id: Option<i64>,
    }
    impl ::paragon_runtime::codec::Object for Inputs {
        const NAME: &'static str = "Inputs";
        const MEMBERS: &'static [&'static str] = &["user", "password", "name", "tag", "petId"];
        type Partial = (
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<i64>,
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
                0 => partial.0 = map.next_value()?,
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
                user: partial.0,
                password: partial.1,
                name: partial.2,
                tag: partial.3,
                pet_id: partial.4,
            })
        }
    }
    impl ::paragon_runtime::serde::Serialize for Inputs {
        fn serialize<S: ::paragon_runtime::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
            members.optional("user", &self.user)?;
            members.optional("password", &self.password)?;
            members.optional("name", &self.name)?;
            members.optional("tag", &self.tag)?;
            members.optional("petId", &self.pet_id)?;
            members.end()
        }
    }
    impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Inputs {
        fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            ::paragon_runtime::codec::object(deserializer)
        }
    }
    /// The steps of `nested`.
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Hash,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub enum StepId {
        /// `sub`
        #[serde(rename = "sub")]
        Sub,
    }
    impl StepId {
        /// The `stepId` as written in the document.
        pub fn as_str(self) -> &'static str {
            match self {
                Self::Sub => "sub",
            }
        }
    }
    /// Outputs of step `sub`.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct SubOutputs {
        /// `token`
        pub token: Option<String>,
    }
    /// Outputs of every step that has succeeded.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct StepOutputs {
        /// Outputs of `sub`, once it has succeeded.
        pub sub: Option<SubOutputs>,
    }
    /// The workflow's outputs.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct Outputs {
        /// `token`
        pub token: Option<String>,
        /// `created`
        pub created: Option<i64>,
    }
    /// Everything needed to resume: save it after any `step()` (it is `Serialize`) and pass
    /// it to [`Workflow::resume`] later.
    #[derive(
        Debug,
        Clone,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct State {
        /// The inputs the workflow runs with.
        pub inputs: Inputs,
        /// The step to run next; `None` once finished.
        pub next: Option<StepId>,
        /// Tries made of `next` so far (1 after its first try).
        pub attempt: u32,
        /// Transitions taken so far.
        pub transitions: u32,
        /// Outputs of the steps that have succeeded.
        pub steps: StepOutputs,
        /// Inputs and outputs of sub-workflows run so far, by workflowId.
        pub workflows:
            ::paragon_runtime::serde_json::Map<String, ::paragon_runtime::serde_json::Value>,
        /// The step to come back to after a `retry` action that ran another step first.
        pub resume: Option<(StepId, u32)>,
        /// Whether the workflow has finished; its outputs are computed from `steps`.
        /// (States saved before this field existed load with `false`; a state with no
        /// `next` step after some transitions counts as finished too.)
        #[serde(default)]
        pub finished: bool,
        /// When a retry's wait ends, in Unix milliseconds of the client clock's wall
        /// time: a workflow resumed from this state waits only what is left.
        #[serde(default)]
        pub wait_until: Option<u64>,
        /// The request of `next` that was being sent when this state was saved (by the
        /// checkpoint hook): resuming sends it again only where that is safe, else ends
        /// in [`rt::WorkflowError::InDoubt`]. Clear it to send it again anyway.
        #[serde(default)]
        pub in_flight: Option<rt::InFlight>,
    }
    impl State {
        /// The state before the first step.
        pub fn new(inputs: Inputs) -> Self {
            Self {
                inputs,
                next: Some(StepId::Sub),
                attempt: 0,
                transitions: 0,
                steps: StepOutputs::default(),
                workflows: ::paragon_runtime::serde_json::Map::new(),
                resume: None,
                finished: false,
                wait_until: None,
                in_flight: None,
            }
        }
    }
    /// The default bound on transitions: a `goto` loop ends in an error instead of running forever.
    pub const MAX_TRANSITIONS: u32 = 10_000;
    /// The compiled state machine.
    pub struct Workflow {
        clients: super::Clients,
        state: State,
        observer: rt::Observer,
        checkpoint: rt::Checkpoint<State>,
        max_transitions: u32,
        deadline: Option<::std::time::SystemTime>,
    }
    impl ::std::fmt::Debug for Workflow {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("Workflow")
                .field("state", &self.state)
                .finish_non_exhaustive()
        }
    }
    /// What a driver needs (this process's `run_to_end`, or a durable engine's).
    impl ::paragon_runtime::CompiledWorkflow for Workflow {
        const ID: &'static str = WORKFLOW;
        type Clients = super::Clients;
        type Inputs = Inputs;
        type Outputs = Outputs;
        type State = State;
        fn start(clients: super::Clients, inputs: Inputs) -> Self {
            Self::new(clients, inputs)
        }
        fn resume(clients: super::Clients, state: State) -> Self {
            Workflow::resume(clients, state)
        }
        fn state(&self) -> &State {
            &self.state
        }
        fn into_state(self) -> State {
            self.state
        }
        fn clock(&self) -> ::std::sync::Arc<dyn ::paragon_runtime::Clock> {
            Workflow::clock(self)
        }
        fn step(
            &mut self,
        ) -> impl ::std::future::Future<Output = Result<rt::Progress<Outputs>, rt::WorkflowError>> + Send
        {
            Workflow::step(self)
        }
    }
    impl Workflow {
        /// A workflow about to run its first step.
        pub fn new(clients: impl Into<super::Clients>, inputs: Inputs) -> Self {
            Self::resume(clients, State::new(inputs))
        }
        /// Continues from a saved state.
        pub fn resume(clients: impl Into<super::Clients>, state: State) -> Self {
            Self {
                clients: clients.into(),
                state,
                observer: None,
                checkpoint: None,
                max_transitions: MAX_TRANSITIONS,
                deadline: None,
            }
        }
        /// Calls `checkpoint` with the state just before each request is sent and after
        /// every transition, wait or error: a caller that saves it there can resume after
        /// a crash without losing an attempt, a wait or a request in flight (see
        /// [`State::in_flight`]).
        pub fn with_checkpoint(mut self, checkpoint: impl FnMut(&State) + Send + 'static) -> Self {
            self.checkpoint = Some(Box::new(checkpoint));
            self
        }
        /// Ends the workflow with [`rt::WorkflowError::DeadlineExceeded`] once the client
        /// clock's wall time passes `at`, or when a retry would wait past it. (A request
        /// under way is bounded by the client's `Limits`, not by this.)
        pub fn with_deadline(mut self, at: ::std::time::SystemTime) -> Self {
            self.deadline = Some(at);
            self
        }
        /// Calls `observer` on every transition (step, status, attempt, wait).
        pub fn with_observer(mut self, observer: impl FnMut(&rt::Event) + Send + 'static) -> Self {
            self.observer = Some(Box::new(observer));
            self
        }
        /// Changes the bound on transitions.
        pub fn with_max_transitions(mut self, limit: u32) -> Self {
            self.max_transitions = limit;
            self
        }
        /// The current state.
        pub fn state(&self) -> &State {
            &self.state
        }
        /// The current state, for saving.
        pub fn into_state(self) -> State {
            self.state
        }
        /// Runs to the end, sleeping through retry waits on the client's clock. The
        /// outputs are moved out of the state, not copied.
        pub async fn run(mut self) -> Result<Outputs, rt::WorkflowError> {
            self.drive().await?;
            Ok(self.into_outputs())
        }
        /// Like [`Self::run`], but the workflow stays: after an error, [`Self::state`]
        /// still has everything recorded (the outputs of the steps that succeeded, the
        /// attempts, a request in doubt), to read, save or resume.
        pub async fn run_in_place(&mut self) -> Result<Outputs, rt::WorkflowError> {
            self.drive().await?;
            Ok(self.outputs())
        }
        async fn drive(&mut self) -> Result<(), rt::WorkflowError> {
            loop {
                match self.advance().await? {
                    rt::Progress::Continue => {}
                    rt::Progress::Wait { until } => {
                        let clock = self.clock();
                        let left = until.duration_since(clock.wall_now()).unwrap_or_default();
                        clock.sleep(left).await;
                    }
                    rt::Progress::Done(()) => return Ok(()),
                }
            }
        }
        /// Advances one transition: runs the next step once and applies its action.
        /// It never sleeps: a retry's wait is returned as [`rt::Progress::Wait`] for the
        /// caller to wait out.
        pub async fn step(&mut self) -> Result<rt::Progress<Outputs>, rt::WorkflowError> {
            Ok(match self.advance().await? {
                rt::Progress::Continue => rt::Progress::Continue,
                rt::Progress::Wait { until } => rt::Progress::Wait { until },
                rt::Progress::Done(()) => rt::Progress::Done(self.outputs()),
            })
        }
        /// One transition, then the checkpoint (after an error too, so a request in
        /// doubt is on record).
        async fn advance(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            let progress = self.transition().await;
            rt::checkpoint(&mut self.checkpoint, &self.state);
            progress
        }
        async fn transition(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            let Some(next) = self.state.next else {
                return if self.state.finished || self.state.transitions > 0 {
                    Ok(rt::Progress::Done(()))
                } else {
                    Err(rt::WorkflowError::Finished { workflow: WORKFLOW })
                };
            };
            let now = self.clock().wall_now();
            if let Some(until) = rt::pending_wait(
                self.state.wait_until,
                self.deadline,
                WORKFLOW,
                next.as_str(),
            )? {
                if now < until {
                    return Ok(rt::Progress::Wait { until });
                }
                self.state.wait_until = None;
            }
            rt::check_deadline(self.deadline, now, WORKFLOW, next.as_str())?;
            if self.state.transitions >= self.max_transitions {
                return Err(rt::WorkflowError::TooManyTransitions {
                    workflow: WORKFLOW,
                    limit: self.max_transitions,
                });
            }
            if self.state.transitions == 0 {
                const STEP: &str = "dependsOn";
                let _ = {
                    let inputs_json = rt::to_value(&self.state.inputs);
                    let inputs: super::create_or_find::Inputs =
                        ::paragon_runtime::serde_json::from_value(inputs_json.clone()).map_err(
                            |e| rt::WorkflowError::Inputs {
                                workflow: super::create_or_find::WORKFLOW,
                                message: e.to_string(),
                            },
                        )?;
                    let outputs = Box::pin(
                        super::create_or_find::Workflow::new(self.clients.clone(), inputs).run(),
                    )
                    .await
                    .map_err(|e| rt::WorkflowError::SubWorkflow {
                        workflow: WORKFLOW,
                        step: STEP,
                        source: Box::new(e),
                    })?;
                    let outputs = rt::to_value(&outputs);
                    let mut record = ::paragon_runtime::serde_json::Map::new();
                    record.insert("inputs".to_owned(), inputs_json);
                    record.insert("outputs".to_owned(), outputs.clone());
                    self.state.workflows.insert(
                        "create-or-find".to_owned(),
                        ::paragon_runtime::serde_json::Value::Object(record),
                    );
                    outputs
                };
            }
            self.state.transitions += 1;
            let progress = match next {
                StepId::Sub => self.step_sub().await,
            }?;
            let at = self.state.next.map_or(next.as_str(), StepId::as_str);
            Ok(
                match rt::pending_wait(self.state.wait_until, self.deadline, WORKFLOW, at)? {
                    Some(until) if matches!(progress, rt::Progress::Continue) => {
                        rt::Progress::Wait { until }
                    }
                    _ => progress,
                },
            )
        }
        fn clock(&self) -> ::std::sync::Arc<dyn ::paragon_runtime::Clock> {
            self.clients.pets.clock().clone()
        }
        /// Moves to `to` (or finishes), emitting the event.
        fn go(
            &mut self,
            to: Option<StepId>,
            from: &'static str,
            status: Option<u16>,
            attempt: u32,
            outcome: rt::Outcome,
        ) -> rt::Progress<()> {
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: from,
                    status,
                    attempt,
                    outcome,
                },
            );
            self.state.next = to;
            self.state.attempt = 0;
            if to.is_some() {
                return rt::Progress::Continue;
            }
            self.state.finished = true;
            rt::Progress::Done(())
        }
        fn outputs(&self) -> Outputs {
            Outputs {
                token: self.state.steps.sub.as_ref().and_then(|o| o.token.clone()),
                created: rt::typed::<i64>(
                    WORKFLOW,
                    "created",
                    rt::pointer(
                        &::paragon_runtime::serde_json::Value::Object(self.state.workflows.clone()),
                        "/create-or-find/outputs/created",
                    ),
                )
                .ok()
                .flatten(),
            }
        }
        fn into_outputs(mut self) -> Outputs {
            let created = rt::typed::<i64>(
                WORKFLOW,
                "created",
                rt::pointer(
                    &::paragon_runtime::serde_json::Value::Object(self.state.workflows.clone()),
                    "/create-or-find/outputs/created",
                ),
            )
            .ok()
            .flatten();
            Outputs {
                token: self.state.steps.sub.as_mut().and_then(|o| o.token.take()),
                created,
            }
        }
        /// Runs step `sub` once and picks the next transition.
        async fn step_sub(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            const STEP: &str = "sub";
            self.state.attempt += 1;
            let attempt = self.state.attempt;
            let outputs = {
                let inputs_json = {
                    let mut m = ::paragon_runtime::serde_json::Map::new();
                    rt::insert(&mut m, "user", rt::to_value(&self.state.inputs.user), true);
                    rt::insert(
                        &mut m,
                        "password",
                        rt::to_value(&self.state.inputs.password),
                        true,
                    );
                    rt::insert(
                        &mut m,
                        "status",
                        ::paragon_runtime::serde_json::Value::String("sold".to_owned()),
                        true,
                    );
                    ::paragon_runtime::serde_json::Value::Object(m)
                };
                let inputs: super::login_and_list::Inputs =
                    ::paragon_runtime::serde_json::from_value(inputs_json.clone()).map_err(
                        |e| rt::WorkflowError::Inputs {
                            workflow: super::login_and_list::WORKFLOW,
                            message: e.to_string(),
                        },
                    )?;
                let outputs = Box::pin(
                    super::login_and_list::Workflow::new(self.clients.clone(), inputs).run(),
                )
                .await
                .map_err(|e| rt::WorkflowError::SubWorkflow {
                    workflow: WORKFLOW,
                    step: STEP,
                    source: Box::new(e),
                })?;
                let outputs = rt::to_value(&outputs);
                let mut record = ::paragon_runtime::serde_json::Map::new();
                record.insert("inputs".to_owned(), inputs_json);
                record.insert("outputs".to_owned(), outputs.clone());
                self.state.workflows.insert(
                    "login-and-list".to_owned(),
                    ::paragon_runtime::serde_json::Value::Object(record),
                );
                outputs
            };
            let resp = rt::StepResponse::synthetic(outputs);
            let status: Option<u16> = None;
            let failed: Option<&'static str> = if !(rt::compare(
                &resp.body_at(Some("/token")),
                rt::CmpOp::Ne,
                &::paragon_runtime::serde_json::Value::Null,
            )) {
                Some("$outputs.token != null")
            } else {
                None
            };
            let Some(criterion) = failed else {
                self.state.steps.sub = Some(SubOutputs {
                    token: rt::typed::<String>(STEP, "token", resp.body_at(Some("/token")))?,
                });
                if let Some((step, attempts)) = self.state.resume.take() {
                    let to = step.as_str();
                    let progress =
                        self.go(Some(step), STEP, status, attempt, rt::Outcome::Next { to });
                    self.state.attempt = attempts;
                    return Ok(progress);
                }
                return Ok(self.go(None, STEP, status, attempt, rt::Outcome::End));
            };
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: STEP,
                    status,
                    attempt,
                    outcome: rt::Outcome::Failed {
                        criterion: criterion.to_owned(),
                    },
                },
            );
            Err(rt::WorkflowError::StepFailed {
                workflow: WORKFLOW,
                step: STEP,
                status,
                criterion: criterion.to_owned(),
                attempts: attempt,
                client_retries: 0,
            })
        }
    }
}
pub mod inspect {
    //! Workflow `inspect`.
    //!
    //! Reads back what each step sent, with JSONPath criteria on the body.
    #![allow(
        clippy::needless_return,
        clippy::collapsible_if,
        clippy::blocks_in_conditions,
        clippy::nonminimal_bool,
        clippy::overly_complex_bool_expr,
        clippy::clone_on_copy,
        unused_variables,
        unused_mut,
        unreachable_code
    )]
    use ::paragon_runtime::arazzo as rt;
    /// The `workflowId`.
    pub const WORKFLOW: &str = "inspect";
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct Inputs {
        pub pet_id: Option<i64>,
        pub status: Option<String>,
    }
    impl ::paragon_runtime::codec::Object for Inputs {
        const NAME: &'static str = "Inputs";
        const MEMBERS: &'static [&'static str] = &["petId", "status"];
        type Partial = (Option<i64>, Option<String>);
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
                pet_id: partial.0,
                status: partial.1,
            })
        }
    }
    impl ::paragon_runtime::serde::Serialize for Inputs {
        fn serialize<S: ::paragon_runtime::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
            members.optional("petId", &self.pet_id)?;
            members.optional("status", &self.status)?;
            members.end()
        }
    }
    impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Inputs {
        fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            ::paragon_runtime::codec::object(deserializer)
        }
    }
    /// The steps of `inspect`.
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Hash,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub enum StepId {
        /// `get`
        #[serde(rename = "get")]
        Get,
        /// `list`
        #[serde(rename = "list")]
        List,
        /// `login`
        #[serde(rename = "login")]
        Login,
    }
    impl StepId {
        /// The `stepId` as written in the document.
        pub fn as_str(self) -> &'static str {
            match self {
                Self::Get => "get",
                Self::List => "list",
                Self::Login => "login",
            }
        }
    }
    /// Outputs of step `get`.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct GetOutputs {
        /// `id`
        pub id: Option<i64>,
        /// `name`
        pub name: Option<String>,
        /// `url`
        pub url: Option<String>,
    }
    /// Outputs of step `list`.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct ListOutputs {
        /// `total`
        pub total: Option<i64>,
    }
    /// Outputs of step `login`.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct LoginOutputs {}
    /// Outputs of every step that has succeeded.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct StepOutputs {
        /// Outputs of `get`, once it has succeeded.
        pub get: Option<GetOutputs>,
        /// Outputs of `list`, once it has succeeded.
        pub list: Option<ListOutputs>,
        /// Outputs of `login`, once it has succeeded.
        pub login: Option<LoginOutputs>,
    }
    /// The workflow's outputs.
    #[derive(
        Debug,
        Clone,
        Default,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct Outputs {
        /// `id`
        pub id: Option<i64>,
        /// `sameId`
        #[serde(rename = "sameId")]
        pub same_id: Option<i64>,
        /// `name`
        pub name: Option<String>,
        /// `url`
        pub url: Option<String>,
        /// `total`
        pub total: Option<i64>,
    }
    /// Everything needed to resume: save it after any `step()` (it is `Serialize`) and pass
    /// it to [`Workflow::resume`] later.
    #[derive(
        Debug,
        Clone,
        PartialEq,
        ::paragon_runtime::serde::Serialize,
        ::paragon_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::paragon_runtime::serde")]
    pub struct State {
        /// The inputs the workflow runs with.
        pub inputs: Inputs,
        /// The step to run next; `None` once finished.
        pub next: Option<StepId>,
        /// Tries made of `next` so far (1 after its first try).
        pub attempt: u32,
        /// Transitions taken so far.
        pub transitions: u32,
        /// Outputs of the steps that have succeeded.
        pub steps: StepOutputs,
        /// Inputs and outputs of sub-workflows run so far, by workflowId.
        pub workflows:
            ::paragon_runtime::serde_json::Map<String, ::paragon_runtime::serde_json::Value>,
        /// The step to come back to after a `retry` action that ran another step first.
        pub resume: Option<(StepId, u32)>,
        /// Whether the workflow has finished; its outputs are computed from `steps`.
        /// (States saved before this field existed load with `false`; a state with no
        /// `next` step after some transitions counts as finished too.)
        #[serde(default)]
        pub finished: bool,
        /// When a retry's wait ends, in Unix milliseconds of the client clock's wall
        /// time: a workflow resumed from this state waits only what is left.
        #[serde(default)]
        pub wait_until: Option<u64>,
        /// The request of `next` that was being sent when this state was saved (by the
        /// checkpoint hook): resuming sends it again only where that is safe, else ends
        /// in [`rt::WorkflowError::InDoubt`]. Clear it to send it again anyway.
        #[serde(default)]
        pub in_flight: Option<rt::InFlight>,
    }
    impl State {
        /// The state before the first step.
        pub fn new(inputs: Inputs) -> Self {
            Self {
                inputs,
                next: Some(StepId::Get),
                attempt: 0,
                transitions: 0,
                steps: StepOutputs::default(),
                workflows: ::paragon_runtime::serde_json::Map::new(),
                resume: None,
                finished: false,
                wait_until: None,
                in_flight: None,
            }
        }
    }
    /// The default bound on transitions: a `goto` loop ends in an error instead of running forever.
    pub const MAX_TRANSITIONS: u32 = 10_000;
    /// The compiled state machine.
    pub struct Workflow {
        clients: super::Clients,
        state: State,
        observer: rt::Observer,
        checkpoint: rt::Checkpoint<State>,
        max_transitions: u32,
        deadline: Option<::std::time::SystemTime>,
    }
    impl ::std::fmt::Debug for Workflow {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.debug_struct("Workflow")
                .field("state", &self.state)
                .finish_non_exhaustive()
        }
    }
    /// What a driver needs (this process's `run_to_end`, or a durable engine's).
    impl ::paragon_runtime::CompiledWorkflow for Workflow {
        const ID: &'static str = WORKFLOW;
        type Clients = super::Clients;
        type Inputs = Inputs;
        type Outputs = Outputs;
        type State = State;
        fn start(clients: super::Clients, inputs: Inputs) -> Self {
            Self::new(clients, inputs)
        }
        fn resume(clients: super::Clients, state: State) -> Self {
            Workflow::resume(clients, state)
        }
        fn state(&self) -> &State {
            &self.state
        }
        fn into_state(self) -> State {
            self.state
        }
        fn clock(&self) -> ::std::sync::Arc<dyn ::paragon_runtime::Clock> {
            Workflow::clock(self)
        }
        fn step(
            &mut self,
        ) -> impl ::std::future::Future<Output = Result<rt::Progress<Outputs>, rt::WorkflowError>> + Send
        {
            Workflow::step(self)
        }
    }
    impl Workflow {
        /// A workflow about to run its first step.
        pub fn new(clients: impl Into<super::Clients>, inputs: Inputs) -> Self {
            Self::resume(clients, State::new(inputs))
        }
        /// Continues from a saved state.
        pub fn resume(clients: impl Into<super::Clients>, state: State) -> Self {
            Self {
                clients: clients.into(),
                state,
                observer: None,
                checkpoint: None,
                max_transitions: MAX_TRANSITIONS,
                deadline: None,
            }
        }
        /// Calls `checkpoint` with the state just before each request is sent and after
        /// every transition, wait or error: a caller that saves it there can resume after
        /// a crash without losing an attempt, a wait or a request in flight (see
        /// [`State::in_flight`]).
        pub fn with_checkpoint(mut self, checkpoint: impl FnMut(&State) + Send + 'static) -> Self {
            self.checkpoint = Some(Box::new(checkpoint));
            self
        }
        /// Ends the workflow with [`rt::WorkflowError::DeadlineExceeded`] once the client
        /// clock's wall time passes `at`, or when a retry would wait past it. (A request
        /// under way is bounded by the client's `Limits`, not by this.)
        pub fn with_deadline(mut self, at: ::std::time::SystemTime) -> Self {
            self.deadline = Some(at);
            self
        }
        /// Calls `observer` on every transition (step, status, attempt, wait).
        pub fn with_observer(mut self, observer: impl FnMut(&rt::Event) + Send + 'static) -> Self {
            self.observer = Some(Box::new(observer));
            self
        }
        /// Changes the bound on transitions.
        pub fn with_max_transitions(mut self, limit: u32) -> Self {
            self.max_transitions = limit;
            self
        }
        /// The current state.
        pub fn state(&self) -> &State {
            &self.state
        }
        /// The current state, for saving.
        pub fn into_state(self) -> State {
            self.state
        }
        /// Runs to the end, sleeping through retry waits on the client's clock. The
        /// outputs are moved out of the state, not copied.
        pub async fn run(mut self) -> Result<Outputs, rt::WorkflowError> {
            self.drive().await?;
            Ok(self.into_outputs())
        }
        /// Like [`Self::run`], but the workflow stays: after an error, [`Self::state`]
        /// still has everything recorded (the outputs of the steps that succeeded, the
        /// attempts, a request in doubt), to read, save or resume.
        pub async fn run_in_place(&mut self) -> Result<Outputs, rt::WorkflowError> {
            self.drive().await?;
            Ok(self.outputs())
        }
        async fn drive(&mut self) -> Result<(), rt::WorkflowError> {
            loop {
                match self.advance().await? {
                    rt::Progress::Continue => {}
                    rt::Progress::Wait { until } => {
                        let clock = self.clock();
                        let left = until.duration_since(clock.wall_now()).unwrap_or_default();
                        clock.sleep(left).await;
                    }
                    rt::Progress::Done(()) => return Ok(()),
                }
            }
        }
        /// Advances one transition: runs the next step once and applies its action.
        /// It never sleeps: a retry's wait is returned as [`rt::Progress::Wait`] for the
        /// caller to wait out.
        pub async fn step(&mut self) -> Result<rt::Progress<Outputs>, rt::WorkflowError> {
            Ok(match self.advance().await? {
                rt::Progress::Continue => rt::Progress::Continue,
                rt::Progress::Wait { until } => rt::Progress::Wait { until },
                rt::Progress::Done(()) => rt::Progress::Done(self.outputs()),
            })
        }
        /// One transition, then the checkpoint (after an error too, so a request in
        /// doubt is on record).
        async fn advance(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            let progress = self.transition().await;
            rt::checkpoint(&mut self.checkpoint, &self.state);
            progress
        }
        async fn transition(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            let Some(next) = self.state.next else {
                return if self.state.finished || self.state.transitions > 0 {
                    Ok(rt::Progress::Done(()))
                } else {
                    Err(rt::WorkflowError::Finished { workflow: WORKFLOW })
                };
            };
            let now = self.clock().wall_now();
            if let Some(until) = rt::pending_wait(
                self.state.wait_until,
                self.deadline,
                WORKFLOW,
                next.as_str(),
            )? {
                if now < until {
                    return Ok(rt::Progress::Wait { until });
                }
                self.state.wait_until = None;
            }
            rt::check_deadline(self.deadline, now, WORKFLOW, next.as_str())?;
            if self.state.transitions >= self.max_transitions {
                return Err(rt::WorkflowError::TooManyTransitions {
                    workflow: WORKFLOW,
                    limit: self.max_transitions,
                });
            }
            self.state.transitions += 1;
            let progress = match next {
                StepId::Get => self.step_get().await,
                StepId::List => self.step_list().await,
                StepId::Login => self.step_login().await,
            }?;
            let at = self.state.next.map_or(next.as_str(), StepId::as_str);
            Ok(
                match rt::pending_wait(self.state.wait_until, self.deadline, WORKFLOW, at)? {
                    Some(until) if matches!(progress, rt::Progress::Continue) => {
                        rt::Progress::Wait { until }
                    }
                    _ => progress,
                },
            )
        }
        fn clock(&self) -> ::std::sync::Arc<dyn ::paragon_runtime::Clock> {
            self.clients.pets.clock().clone()
        }
        /// Moves to `to` (or finishes), emitting the event.
        fn go(
            &mut self,
            to: Option<StepId>,
            from: &'static str,
            status: Option<u16>,
            attempt: u32,
            outcome: rt::Outcome,
        ) -> rt::Progress<()> {
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: from,
                    status,
                    attempt,
                    outcome,
                },
            );
            self.state.next = to;
            self.state.attempt = 0;
            if to.is_some() {
                return rt::Progress::Continue;
            }
            self.state.finished = true;
            rt::Progress::Done(())
        }
        fn outputs(&self) -> Outputs {
            Outputs {
                id: self.state.steps.get.as_ref().and_then(|o| o.id.clone()),
                same_id: self.state.steps.get.as_ref().and_then(|o| o.id.clone()),
                name: self.state.steps.get.as_ref().and_then(|o| o.name.clone()),
                url: self.state.steps.get.as_ref().and_then(|o| o.url.clone()),
                total: self.state.steps.list.as_ref().and_then(|o| o.total.clone()),
            }
        }
        fn into_outputs(mut self) -> Outputs {
            Outputs {
                id: self.state.steps.get.as_ref().and_then(|o| o.id.clone()),
                same_id: self.state.steps.get.as_ref().and_then(|o| o.id.clone()),
                name: self.state.steps.get.as_mut().and_then(|o| o.name.take()),
                url: self.state.steps.get.as_mut().and_then(|o| o.url.take()),
                total: self.state.steps.list.as_mut().and_then(|o| o.total.take()),
            }
        }
        /// Runs step `get` once and picks the next transition.
        async fn step_get(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            const STEP: &str = "get";
            let (attempt, _) = rt::prepare_send(
                &mut self.state.in_flight,
                &mut self.state.attempt,
                WORKFLOW,
                STEP,
                rt::Resend::Safe,
            )?;
            let api = &self.clients.pets;
            let mut record = rt::RequestRecord::default();
            let p0 = rt::to_value(&self.state.inputs.pet_id);
            record.path.insert("petId".to_owned(), p0.clone());
            rt::require_path(WORKFLOW, STEP, "petId", "$inputs.petId", &p0)?;
            let path: &str = &format!("/pets/{}", ::paragon_runtime::path_param(&p0));
            let request = api
                .request(::paragon_runtime::reqwest::Method::GET, path)
                .operation("getPet")
                .security(super::pets::SECURITY_SCHEMES, &[&["key"]])
                .accept("application/json");
            let url = format!("{}{}", api.base_url().as_str().trim_end_matches('/'), path);
            self.state.in_flight = Some(rt::InFlight {
                step: STEP.to_owned(),
                attempt,
                idempotency_key: None,
            });
            rt::checkpoint(&mut self.checkpoint, &self.state);
            let resp = rt::StepResponse::send(request, "GET", url, record)
                .await
                .map_err(|source| rt::WorkflowError::Transport {
                    workflow: WORKFLOW,
                    step: STEP,
                    attempt,
                    source,
                })?;
            rt::report_client_retries(&mut self.observer, WORKFLOW, STEP, attempt, &resp);
            self.state.in_flight = None;
            let status: Option<u16> = Some(resp.status);
            let failed: Option<&'static str> = if !(resp.status == 200) {
                Some("$statusCode == 200")
            } else {
                if !(rt::body_exists(&resp, "/name")) {
                    Some("$.name")
                } else {
                    if !(rt::body_compare(
                        &resp,
                        "/name",
                        rt::CmpOp::Eq,
                        &::paragon_runtime::serde_json::Value::String("rex".to_owned()),
                    )) {
                        Some("$['name'] == 'rex'")
                    } else {
                        if !(rt::compare(
                            &::paragon_runtime::serde_json::Value::String(resp.method.clone()),
                            rt::CmpOp::Eq,
                            &::paragon_runtime::serde_json::Value::String("GET".to_owned()),
                        ) && rt::compare(
                            &resp.request_path("petId"),
                            rt::CmpOp::Eq,
                            &rt::to_value(&self.state.inputs.pet_id),
                        )) {
                            Some("$method == 'GET' && $request.path.petId == $inputs.petId")
                        } else {
                            None
                        }
                    }
                }
            };
            let Some(criterion) = failed else {
                self.state.steps.get = Some({
                    #[derive(::paragon_runtime::serde::Deserialize)]
                    #[serde(crate = "::paragon_runtime::serde")]
                    struct Members {
                        #[serde(rename = "id", default)]
                        id: Option<i64>,
                        #[serde(rename = "name", default)]
                        name: Option<String>,
                    }
                    match rt::decode_members::<Members>(&resp) {
                        Some(members) => GetOutputs {
                            id: members.id,
                            name: members.name,
                            url: rt::typed::<String>(
                                STEP,
                                "url",
                                ::paragon_runtime::serde_json::Value::String(resp.url.clone()),
                            )?,
                        },
                        None => GetOutputs {
                            id: rt::typed_at::<i64>(STEP, "id", &resp, Some("/id"))?,
                            name: rt::typed_at::<String>(STEP, "name", &resp, Some("/name"))?,
                            url: rt::typed::<String>(
                                STEP,
                                "url",
                                ::paragon_runtime::serde_json::Value::String(resp.url.clone()),
                            )?,
                        },
                    }
                });
                if let Some((step, attempts)) = self.state.resume.take() {
                    let to = step.as_str();
                    let progress =
                        self.go(Some(step), STEP, status, attempt, rt::Outcome::Next { to });
                    self.state.attempt = attempts;
                    return Ok(progress);
                }
                return Ok(self.go(
                    Some(StepId::List),
                    STEP,
                    status,
                    attempt,
                    rt::Outcome::Next { to: "list" },
                ));
            };
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: STEP,
                    status,
                    attempt,
                    outcome: rt::Outcome::Failed {
                        criterion: criterion.to_owned(),
                    },
                },
            );
            Err(rt::WorkflowError::StepFailed {
                workflow: WORKFLOW,
                step: STEP,
                status,
                criterion: criterion.to_owned(),
                attempts: attempt,
                client_retries: resp.client_retries,
            })
        }
        /// Runs step `list` once and picks the next transition.
        async fn step_list(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            const STEP: &str = "list";
            let (attempt, _) = rt::prepare_send(
                &mut self.state.in_flight,
                &mut self.state.attempt,
                WORKFLOW,
                STEP,
                rt::Resend::Safe,
            )?;
            let api = &self.clients.pets;
            let mut record = rt::RequestRecord::default();
            let p0 = ::paragon_runtime::serde_json::Value::String("s-1".to_owned());
            let p1 = rt::to_value(&self.state.inputs.status);
            record.header.insert("X-Session".to_owned(), p0.clone());
            record.query.insert("status".to_owned(), p1.clone());
            let path: &str = "/pets";
            let request = api
                .request(::paragon_runtime::reqwest::Method::GET, path)
                .operation("listPets")
                .security(super::pets::SECURITY_SCHEMES, &[&["key"]])
                .accept("application/json");
            let url = String::new();
            let request = request.header("X-Session", &p0);
            let request = request.query("status", &p1);
            self.state.in_flight = Some(rt::InFlight {
                step: STEP.to_owned(),
                attempt,
                idempotency_key: None,
            });
            rt::checkpoint(&mut self.checkpoint, &self.state);
            let resp = rt::StepResponse::send(request, "", url, record)
                .await
                .map_err(|source| rt::WorkflowError::Transport {
                    workflow: WORKFLOW,
                    step: STEP,
                    attempt,
                    source,
                })?;
            rt::report_client_retries(&mut self.observer, WORKFLOW, STEP, attempt, &resp);
            self.state.in_flight = None;
            let status: Option<u16> = Some(resp.status);
            let failed: Option<&'static str> = if !(rt::compare(
                &resp.request_header("X-Session"),
                rt::CmpOp::Eq,
                &::paragon_runtime::serde_json::Value::String("s-1".to_owned()),
            ) && rt::compare(
                &resp.request_query("status"),
                rt::CmpOp::Eq,
                &rt::to_value(&self.state.inputs.status),
            )) {
                Some(
                    "$request.header.X-Session == 's-1' && $request.query.status == $inputs.status",
                )
            } else {
                None
            };
            let Some(criterion) = failed else {
                self.state.steps.list = Some(ListOutputs {
                    total: rt::typed_at::<i64>(STEP, "total", &resp, Some("/total"))?,
                });
                if let Some((step, attempts)) = self.state.resume.take() {
                    let to = step.as_str();
                    let progress =
                        self.go(Some(step), STEP, status, attempt, rt::Outcome::Next { to });
                    self.state.attempt = attempts;
                    return Ok(progress);
                }
                return Ok(self.go(
                    Some(StepId::Login),
                    STEP,
                    status,
                    attempt,
                    rt::Outcome::Next { to: "login" },
                ));
            };
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: STEP,
                    status,
                    attempt,
                    outcome: rt::Outcome::Failed {
                        criterion: criterion.to_owned(),
                    },
                },
            );
            Err(rt::WorkflowError::StepFailed {
                workflow: WORKFLOW,
                step: STEP,
                status,
                criterion: criterion.to_owned(),
                attempts: attempt,
                client_retries: resp.client_retries,
            })
        }
        /// Runs step `login` once and picks the next transition.
        async fn step_login(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
            const STEP: &str = "login";
            let (attempt, _) = rt::prepare_send(
                &mut self.state.in_flight,
                &mut self.state.attempt,
                WORKFLOW,
                STEP,
                rt::Resend::Safe,
            )?;
            let api = &self.clients.pets;
            let mut record = rt::RequestRecord::default();
            let path: &str = "/login";
            let request = api
                .request(::paragon_runtime::reqwest::Method::POST, path)
                .operation("login")
                .accept("application/json");
            let url = String::new();
            #[allow(unused_mut)]
            let mut body = {
                let mut m = ::paragon_runtime::serde_json::Map::new();
                rt::insert(
                    &mut m,
                    "user",
                    ::paragon_runtime::serde_json::Value::String("ada".to_owned()),
                    false,
                );
                rt::insert(
                    &mut m,
                    "password",
                    ::paragon_runtime::serde_json::Value::String("pw".to_owned()),
                    false,
                );
                ::paragon_runtime::serde_json::Value::Object(m)
            };
            record.body = Some(body.clone());
            let request = request.json(&body);
            self.state.in_flight = Some(rt::InFlight {
                step: STEP.to_owned(),
                attempt,
                idempotency_key: None,
            });
            rt::checkpoint(&mut self.checkpoint, &self.state);
            let resp = rt::StepResponse::send(request, "", url, record)
                .await
                .map_err(|source| rt::WorkflowError::Transport {
                    workflow: WORKFLOW,
                    step: STEP,
                    attempt,
                    source,
                })?;
            rt::report_client_retries(&mut self.observer, WORKFLOW, STEP, attempt, &resp);
            self.state.in_flight = None;
            let status: Option<u16> = Some(resp.status);
            let failed: Option<&'static str> = if !(rt::compare(
                &resp.request_body_at(Some("/user")),
                rt::CmpOp::Eq,
                &::paragon_runtime::serde_json::Value::String("ada".to_owned()),
            )) {
                Some("$request.body#/user == 'ada'")
            } else {
                None
            };
            let Some(criterion) = failed else {
                self.state.steps.login = Some(LoginOutputs {});
                if let Some((step, attempts)) = self.state.resume.take() {
                    let to = step.as_str();
                    let progress =
                        self.go(Some(step), STEP, status, attempt, rt::Outcome::Next { to });
                    self.state.attempt = attempts;
                    return Ok(progress);
                }
                return Ok(self.go(None, STEP, status, attempt, rt::Outcome::End));
            };
            rt::emit(
                &mut self.observer,
                rt::Event {
                    workflow: WORKFLOW,
                    step: STEP,
                    status,
                    attempt,
                    outcome: rt::Outcome::Failed {
                        criterion: criterion.to_owned(),
                    },
                },
            );
            Err(rt::WorkflowError::StepFailed {
                workflow: WORKFLOW,
                step: STEP,
                status,
                criterion: criterion.to_owned(),
                attempts: attempt,
                client_retries: resp.client_retries,
            })
        }
    }
}
