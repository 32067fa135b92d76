//! Kitchen Sink (version 1)
//!
//! Every construct the generator types, in one small document.
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
pub const DEFAULT_BASE_URL: &str = "https://eu.example.com/v1";
/// The document's security schemes, also used by requests built outside this
/// module (compiled workflows).
pub const SECURITY_SCHEMES: &[::paragon_runtime::SecurityScheme] = &[
    ::paragon_runtime::SecurityScheme {
        name: "token",
        kind: ::paragon_runtime::SchemeKind::Bearer,
    },
    ::paragon_runtime::SecurityScheme {
        name: "basic",
        kind: ::paragon_runtime::SchemeKind::Basic,
    },
    ::paragon_runtime::SecurityScheme {
        name: "apiKey",
        kind: ::paragon_runtime::SchemeKind::ApiKey {
            location: ::paragon_runtime::ApiKeyLocation::Query,
            name: "api_key",
        },
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
    /// Credentials for the `token` security scheme.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.runtime = self
            .runtime
            .credential("token", ::paragon_runtime::Credential::Bearer(token.into()));
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
    /// Credentials for the `apiKey` security scheme.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.runtime = self
            .runtime
            .credential("apiKey", ::paragon_runtime::Credential::ApiKey(key.into()));
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
/// A client for Kitchen Sink.
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
            .security(SECURITY_SCHEMES, &[&["token"]])
            .accept("application/json")
            .query("cursor", &options.cursor)
            .query("tags", &options.tags)
            .header("X-Request-Id", x_request_id)
            .cookie("session", &options.session)
    }
    /// List pets, a page at a time.
    ///
    /// `GET /pets`
    #[inline]
    pub fn list_pets(
        &self,
        x_request_id: &str,
        options: &ListPetsOptions,
    ) -> ::paragon_runtime::Call<ListPetsResponse> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<ListPetsResponse, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.json::<ListPetsResponse>()?.body),
                400..=599 => Err(raw.documented_error()),
                _ => Err(raw.unexpected()),
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
                200 => raw.json::<ListPetsResponse>()?.map(ListPetsResponses::Ok),
                400..=499 => raw.json::<Problem>()?.map(ListPetsResponses::ClientError),
                500..=599 => raw.json::<Problem>()?.map(ListPetsResponses::ServerError),
                _ => return Err(raw.unexpected()),
            })
        }
        self.list_pets_request(x_request_id, options).call(read)
    }
    /// Every item of [`Client::list_pets`], following the pages the server links until the last one.
    #[inline]
    pub fn list_pets_stream(
        &self,
        x_request_id: &str,
        options: &ListPetsOptions,
    ) -> impl ::paragon_runtime::futures_util::Stream<Item = Result<Pet, ::paragon_runtime::Error>>
    + Send
    + 'static {
        let this = self.clone();
        let x_request_id: String = x_request_id.to_owned();
        let options: ListPetsOptions = options.clone();
        let first = {
            let this = this.clone();
            let x_request_id = x_request_id.clone();
            let options = options.clone();
            async move { this.list_pets(&x_request_id, &options).await }
        };
        ::paragon_runtime::paginate_with(
            this.runtime.limits().max_pages,
            first,
            |page: &ListPetsResponse| page.next_cursor.clone(),
            move |__page_token: String| {
                let this = this.clone();
                let x_request_id = x_request_id.clone();
                let options = options.clone();
                async move {
                    let mut options = options.clone();
                    options.cursor = Some(__page_token);
                    this.list_pets(&x_request_id, &options).await
                }
            },
            |page: ListPetsResponse| page.items,
        )
    }
    #[inline]
    fn create_pet_request(&self, body: &Pet) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::POST, "/pets")
            .operation("createPet")
            .security(SECURITY_SCHEMES, &[&["basic"], &["apiKey"]])
            .accept("application/json")
            .json(body)
    }
    /// `POST /pets`
    #[inline]
    pub fn create_pet(&self, body: &Pet) -> ::paragon_runtime::Call<CreatePetResponses> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<CreatePetResponses, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                201 => Ok(CreatePetResponses::Created(raw.json::<Pet>()?.body)),
                202 => Ok(CreatePetResponses::Accepted(
                    raw.json::<CreatePetAcceptedResponse>()?.body,
                )),
                _ => Err(raw.documented_error()),
            }
        }
        self.create_pet_request(body).call(read)
    }
    /// Like [`Client::create_pet`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn create_pet_with_response(
        &self,
        body: &Pet,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<CreatePetResponses>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<CreatePetResponses>, ::paragon_runtime::Error>
        {
            Ok(match raw.status().as_u16() {
                201 => raw.json::<Pet>()?.map(CreatePetResponses::Created),
                202 => raw
                    .json::<CreatePetAcceptedResponse>()?
                    .map(CreatePetResponses::Accepted),
                _ => raw.json::<Problem>()?.map(CreatePetResponses::Default),
            })
        }
        self.create_pet_request(body).call(read)
    }
    #[inline]
    fn get_pets_pet_id_photo_request(&self, pet_id: i64) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::GET,
                &format!("/pets/{}/photo", ::paragon_runtime::path_param(&pet_id)),
            )
            .operation("get/pets/pet-id/photo")
            .security(SECURITY_SCHEMES, &[&["token"]])
    }
    /// `GET /pets/{pet-id}/photo`
    #[inline]
    pub async fn get_pets_pet_id_photo(
        &self,
        pet_id: i64,
    ) -> Result<::paragon_runtime::ByteStream, ::paragon_runtime::Error> {
        let raw = self.get_pets_pet_id_photo_request(pet_id).send().await?;
        match raw.status().as_u16() {
            200 => Ok(raw.stream().body),
            404 => Err(raw.documented_error().await),
            _ => Err(raw.unexpected().await),
        }
    }
    /// Like [`Client::get_pets_pet_id_photo`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub async fn get_pets_pet_id_photo_with_response(
        &self,
        pet_id: i64,
    ) -> Result<::paragon_runtime::Response<GetPetsPetIdPhotoResponses>, ::paragon_runtime::Error>
    {
        let raw = self.get_pets_pet_id_photo_request(pet_id).send().await?;
        Ok(match raw.status().as_u16() {
            200 => raw.stream().map(GetPetsPetIdPhotoResponses::Ok),
            404 => raw
                .empty()
                .await?
                .map(|()| GetPetsPetIdPhotoResponses::NotFound),
            _ => return Err(raw.unexpected().await),
        })
    }
    #[inline]
    fn upload_photo_request(
        &self,
        pet_id: i64,
        body: ::paragon_runtime::bytes::Bytes,
    ) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::PUT,
                &format!("/pets/{}/photo", ::paragon_runtime::path_param(&pet_id)),
            )
            .operation("uploadPhoto")
            .security(SECURITY_SCHEMES, &[&["token"]])
            .body_bytes("image/png", body)
    }
    /// `PUT /pets/{pet-id}/photo`
    #[inline]
    pub fn upload_photo(
        &self,
        pet_id: i64,
        body: ::paragon_runtime::bytes::Bytes,
    ) -> ::paragon_runtime::Call<()> {
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
        self.upload_photo_request(pet_id, body).call(read)
    }
    /// Like [`Client::upload_photo`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn upload_photo_with_response(
        &self,
        pet_id: i64,
        body: ::paragon_runtime::bytes::Bytes,
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
        self.upload_photo_request(pet_id, body).call(read)
    }
    #[inline]
    fn login_request(&self, body: &LoginBody) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::POST, "/login")
            .operation("login")
            .form(body)
    }
    /// `POST /login`
    #[inline]
    pub fn login(&self, body: &LoginBody) -> ::paragon_runtime::Call<String> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<String, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.text()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.login_request(body).call(read)
    }
    /// Like [`Client::login`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn login_with_response(
        &self,
        body: &LoginBody,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<String>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<String>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                200 => raw.text()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.login_request(body).call(read)
    }
    #[inline]
    fn list_legacy_pets_request(
        &self,
        options: &ListLegacyPetsOptions,
    ) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::GET, "/pets/legacy")
            .operation("listLegacyPets")
            .security(SECURITY_SCHEMES, &[&["token"]])
            .accept("application/json")
            .query("cursor", &options.cursor)
    }
    /// The old listing, deprecated but still paged.
    ///
    /// `GET /pets/legacy`
    #[deprecated]
    #[inline]
    pub fn list_legacy_pets(
        &self,
        options: &ListLegacyPetsOptions,
    ) -> ::paragon_runtime::Call<LegacyPage> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<LegacyPage, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200 => Ok(raw.json::<LegacyPage>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.list_legacy_pets_request(options).call(read)
    }
    /// Like [`Client::list_legacy_pets`], but returns the status, the headers and the typed body of every documented response.
    #[deprecated]
    #[inline]
    pub fn list_legacy_pets_with_response(
        &self,
        options: &ListLegacyPetsOptions,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<LegacyPage>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<LegacyPage>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                200 => raw.json::<LegacyPage>()?,
                _ => return Err(raw.unexpected()),
            })
        }
        self.list_legacy_pets_request(options).call(read)
    }
    /// Every item of [`Client::list_legacy_pets`], following the pages the server links until the last one.
    #[deprecated]
    #[allow(deprecated)]
    #[inline]
    pub fn list_legacy_pets_stream(
        &self,
        options: &ListLegacyPetsOptions,
    ) -> impl ::paragon_runtime::futures_util::Stream<Item = Result<Pet, ::paragon_runtime::Error>>
    + Send
    + 'static {
        let this = self.clone();
        let options: ListLegacyPetsOptions = options.clone();
        let first = {
            let this = this.clone();
            let options = options.clone();
            async move { this.list_legacy_pets(&options).await }
        };
        ::paragon_runtime::paginate_with(
            this.runtime.limits().max_pages,
            first,
            |page: &LegacyPage| page.next_cursor.clone(),
            move |__page_token: String| {
                let this = this.clone();
                let options = options.clone();
                async move {
                    let mut options = options.clone();
                    options.cursor = Some(__page_token);
                    this.list_legacy_pets(&options).await
                }
            },
            |page: LegacyPage| page.items,
        )
    }
    #[inline]
    fn first_legacy_page_request(&self) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::GET,
                "/pets/legacy/first",
            )
            .operation("firstLegacyPage")
            .security(SECURITY_SCHEMES, &[&["token"]])
            .accept("application/json")
    }
    /// 200, 201 and 202 carry the same page.
    ///
    /// `GET /pets/legacy/first`
    #[inline]
    pub fn first_legacy_page(&self) -> ::paragon_runtime::Call<LegacyPage> {
        #[inline]
        fn read(raw: ::paragon_runtime::Received) -> Result<LegacyPage, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                200..=202 => Ok(raw.json::<LegacyPage>()?.body),
                _ => Err(raw.unexpected()),
            }
        }
        self.first_legacy_page_request().call(read)
    }
    /// Like [`Client::first_legacy_page`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn first_legacy_page_with_response(
        &self,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<FirstLegacyPageResponses>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<FirstLegacyPageResponses>, ::paragon_runtime::Error>
        {
            Ok(match raw.status().as_u16() {
                200 => raw.json::<LegacyPage>()?.map(FirstLegacyPageResponses::Ok),
                201 => raw
                    .json::<LegacyPage>()?
                    .map(FirstLegacyPageResponses::Created),
                202 => raw
                    .json::<LegacyPage>()?
                    .map(FirstLegacyPageResponses::Accepted),
                _ => return Err(raw.unexpected()),
            })
        }
        self.first_legacy_page_request().call(read)
    }
    #[inline]
    fn ping_request(&self) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::GET, "/ping")
            .operation("ping")
            .accept("application/json")
    }
    /// `GET /ping`
    #[inline]
    pub fn ping(&self) -> ::paragon_runtime::Call<PingResponse> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<PingResponse, ::paragon_runtime::Error> {
            match raw.status().as_u16() {
                _ => Ok(raw.json::<PingResponse>()?.body),
            }
        }
        self.ping_request().call(read)
    }
    /// Like [`Client::ping`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn ping_with_response(
        &self,
    ) -> ::paragon_runtime::Call<::paragon_runtime::Response<PingResponse>> {
        #[inline]
        fn read(
            raw: ::paragon_runtime::Received,
        ) -> Result<::paragon_runtime::Response<PingResponse>, ::paragon_runtime::Error> {
            Ok(match raw.status().as_u16() {
                _ => raw.json::<PingResponse>()?,
            })
        }
        self.ping_request().call(read)
    }
    #[inline]
    fn styled_request(
        &self,
        label: &[String],
        matrix: &::std::collections::BTreeMap<String, i64>,
        options: &StyledOptions,
    ) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::GET,
                &format!(
                    "/styles/{}/{}",
                    ::paragon_runtime::path_param_with(
                        "label",
                        label,
                        ::paragon_runtime::ParamStyle::new(::paragon_runtime::Style::Label, true)
                    ),
                    ::paragon_runtime::path_param_with(
                        "matrix",
                        matrix,
                        ::paragon_runtime::ParamStyle::new(::paragon_runtime::Style::Matrix, false)
                    )
                ),
            )
            .operation("styled")
            .query_with(
                "csv",
                &options.csv,
                ::paragon_runtime::ParamStyle::new(::paragon_runtime::Style::Form, false),
            )
            .query_with(
                "ssv",
                &options.ssv,
                ::paragon_runtime::ParamStyle::new(::paragon_runtime::Style::SpaceDelimited, false),
            )
            .query_with(
                "pipes",
                &options.pipes,
                ::paragon_runtime::ParamStyle::new(::paragon_runtime::Style::PipeDelimited, false),
            )
            .query_with(
                "filter",
                &options.filter,
                ::paragon_runtime::ParamStyle::new(::paragon_runtime::Style::DeepObject, true),
            )
            .query_with(
                "next",
                &options.next,
                ::paragon_runtime::ParamStyle::new(::paragon_runtime::Style::Form, true).reserved(),
            )
            .query("odd", &options.odd)
            .header_with("X-Pairs", &options.x_pairs, true)
            .cookie_with("prefs", &options.prefs, false)
    }
    /// Every parameter style that is not the default.
    ///
    /// `GET /styles/{label}/{matrix}`
    #[inline]
    pub fn styled(
        &self,
        label: &[String],
        matrix: &::std::collections::BTreeMap<String, i64>,
        options: &StyledOptions,
    ) -> ::paragon_runtime::Call<()> {
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
        self.styled_request(label, matrix, options).call(read)
    }
    /// Like [`Client::styled`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn styled_with_response(
        &self,
        label: &[String],
        matrix: &::std::collections::BTreeMap<String, i64>,
        options: &StyledOptions,
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
        self.styled_request(label, matrix, options).call(read)
    }
    #[inline]
    fn summarize_request(&self, name: &str) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::GET,
                &format!(
                    "/resources/{}:summary",
                    ::paragon_runtime::path_param_with(
                        "name",
                        name,
                        ::paragon_runtime::ParamStyle::new(::paragon_runtime::Style::Simple, false)
                            .reserved()
                    )
                ),
            )
            .operation("summarize")
    }
    /// `GET /resources/{+name}:summary`
    #[inline]
    pub fn summarize(&self, name: &str) -> ::paragon_runtime::Call<()> {
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
        self.summarize_request(name).call(read)
    }
    /// Like [`Client::summarize`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn summarize_with_response(
        &self,
        name: &str,
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
        self.summarize_request(name).call(read)
    }
    #[inline]
    fn styled_form_request(&self, body: &StyledFormBody) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::POST, "/styles/form")
            .operation("styledForm")
            .form_with(
                body,
                &[
                    (
                        "tags",
                        ::paragon_runtime::ParamStyle::new(::paragon_runtime::Style::Form, false),
                    ),
                    (
                        "meta",
                        ::paragon_runtime::ParamStyle::new(
                            ::paragon_runtime::Style::DeepObject,
                            true,
                        ),
                    ),
                ],
            )
    }
    /// `POST /styles/form`
    #[inline]
    pub fn styled_form(&self, body: &StyledFormBody) -> ::paragon_runtime::Call<()> {
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
        self.styled_form_request(body).call(read)
    }
    /// Like [`Client::styled_form`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn styled_form_with_response(
        &self,
        body: &StyledFormBody,
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
        self.styled_form_request(body).call(read)
    }
    #[inline]
    fn upload_documents_request(
        &self,
        pet_id: i64,
        body: &UploadDocumentsBody,
    ) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::POST,
                &format!("/pets/{}/documents", ::paragon_runtime::path_param(&pet_id)),
            )
            .operation("uploadDocuments")
            .security(SECURITY_SCHEMES, &[&["token"]])
            .multipart(
                ::paragon_runtime::Multipart::new()
                    .file("file", &body.file)
                    .file_opt("thumbnail", body.thumbnail.as_ref())
                    .files("pages", body.pages.as_deref().unwrap_or_default())
                    .text("title", &body.title)
                    .text("tags", &body.tags)
                    .json("meta", &body.meta)
                    .content_type("meta", "application/vnd.meta+json"),
            )
    }
    /// A multipart body with files, text and JSON parts.
    ///
    /// `POST /pets/{pet-id}/documents`
    #[inline]
    pub fn upload_documents(
        &self,
        pet_id: i64,
        body: &UploadDocumentsBody,
    ) -> ::paragon_runtime::Call<()> {
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
        self.upload_documents_request(pet_id, body).call(read)
    }
    /// Like [`Client::upload_documents`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn upload_documents_with_response(
        &self,
        pet_id: i64,
        body: &UploadDocumentsBody,
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
        self.upload_documents_request(pet_id, body).call(read)
    }
    #[inline]
    fn replace_notes_request(
        &self,
        pet_id: i64,
        body: Option<
            &::paragon_runtime::serde_json::Map<String, ::paragon_runtime::serde_json::Value>,
        >,
    ) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::PUT,
                &format!("/pets/{}/notes", ::paragon_runtime::path_param(&pet_id)),
            )
            .operation("replaceNotes")
            .security(SECURITY_SCHEMES, &[&["token"]])
            .multipart_opt(body.map(|body| ::paragon_runtime::Multipart::new().fields(body)))
    }
    /// An optional multipart body whose schema names no members.
    ///
    /// `PUT /pets/{pet-id}/notes`
    #[inline]
    pub fn replace_notes(
        &self,
        pet_id: i64,
        body: Option<
            &::paragon_runtime::serde_json::Map<String, ::paragon_runtime::serde_json::Value>,
        >,
    ) -> ::paragon_runtime::Call<()> {
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
        self.replace_notes_request(pet_id, body).call(read)
    }
    /// Like [`Client::replace_notes`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn replace_notes_with_response(
        &self,
        pet_id: i64,
        body: Option<
            &::paragon_runtime::serde_json::Map<String, ::paragon_runtime::serde_json::Value>,
        >,
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
        self.replace_notes_request(pet_id, body).call(read)
    }
    #[inline]
    fn restore_retention_request(&self, body: i64) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(
                ::paragon_runtime::reqwest::Method::PUT,
                "/settings/retention",
            )
            .operation("restoreRetention")
            .json(&body)
    }
    /// A scalar JSON body (an integer), sent as `42`.
    ///
    /// `PUT /settings/retention`
    #[inline]
    pub fn restore_retention(&self, body: i64) -> ::paragon_runtime::Call<()> {
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
        self.restore_retention_request(body).call(read)
    }
    /// Like [`Client::restore_retention`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn restore_retention_with_response(
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
        self.restore_retention_request(body).call(read)
    }
    #[inline]
    fn set_banner_request(
        &self,
        strict: bool,
        body: Option<&f64>,
    ) -> ::paragon_runtime::RequestBuilder {
        self.runtime
            .request(::paragon_runtime::reqwest::Method::PUT, "/settings/banner")
            .operation("setBanner")
            .query("strict", &strict)
            .json_opt(body)
    }
    /// Scalar bodies of the other kinds; this one optional.
    ///
    /// `PUT /settings/banner`
    #[inline]
    pub fn set_banner(&self, strict: bool, body: Option<&f64>) -> ::paragon_runtime::Call<()> {
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
        self.set_banner_request(strict, body).call(read)
    }
    /// Like [`Client::set_banner`], but returns the status, the headers and the typed body of every documented response.
    #[inline]
    pub fn set_banner_with_response(
        &self,
        strict: bool,
        body: Option<&f64>,
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
        self.set_banner_request(strict, body).call(read)
    }
}
/// The optional parameters of [`Client::list_pets`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListPetsOptions {
    pub cursor: Option<String>,
    pub tags: Option<Vec<String>>,
    pub session: Option<String>,
}
/// Every documented response of [`Client::list_pets`].
#[derive(Debug)]
pub enum ListPetsResponses {
    /// 200: A page of pets.
    Ok(ListPetsResponse),
    /// 4XX: Client error.
    ClientError(Problem),
    /// 5XX: Server error.
    ServerError(Problem),
}
/// Every documented response of [`Client::create_pet`].
#[derive(Debug)]
pub enum CreatePetResponses {
    /// 201: Created.
    Created(Pet),
    /// 202: Accepted for later.
    Accepted(CreatePetAcceptedResponse),
    /// Any other status: Anything else.
    Default(Problem),
}
/// Every documented response of [`Client::get_pets_pet_id_photo`].
#[derive(Debug)]
pub enum GetPetsPetIdPhotoResponses {
    /// 200: The photo.
    Ok(::paragon_runtime::ByteStream),
    /// 404: No photo.
    NotFound,
}
/// The optional parameters of [`Client::list_legacy_pets`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListLegacyPetsOptions {
    pub cursor: Option<String>,
}
/// Every documented response of [`Client::first_legacy_page`].
#[derive(Debug)]
pub enum FirstLegacyPageResponses {
    /// 200: A page of pets.
    Ok(LegacyPage),
    /// 201: A page of pets.
    Created(LegacyPage),
    /// 202: A page of pets.
    Accepted(LegacyPage),
}
/// The optional parameters of [`Client::styled`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StyledOptions {
    pub csv: Option<Vec<String>>,
    pub ssv: Option<Vec<i64>>,
    pub pipes: Option<Vec<i64>>,
    pub filter: Option<::std::collections::BTreeMap<String, String>>,
    pub next: Option<String>,
    pub odd: Option<String>,
    pub x_pairs: Option<::std::collections::BTreeMap<String, String>>,
    pub prefs: Option<Vec<String>>,
}
#[derive(Debug, Clone, PartialEq)]
pub struct LegacyPage {
    pub items: Vec<Pet>,
    pub next_cursor: Option<String>,
}
impl ::paragon_runtime::codec::Object for LegacyPage {
    const NAME: &'static str = "LegacyPage";
    const MEMBERS: &'static [&'static str] = &["items", "nextCursor"];
    type Partial = (Option<Vec<Pet>>, Option<String>);
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
            items: ::paragon_runtime::codec::required(partial.0, "items")?,
            next_cursor: partial.1,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for LegacyPage {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("items", &self.items)?;
        members.optional("nextCursor", &self.next_cursor)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for LegacyPage {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
/// A pet, of one kind or another.
#[derive(Debug, Clone, PartialEq)]
pub enum Pet {
    /// `kind: cat`
    Cat(Cat),
    /// `kind: dog`
    Dog(Dog),
    /// A `kind` this client does not know, kept as sent.
    Unknown(::paragon_runtime::serde_json::Value),
}
impl Pet {
    #[inline]
    fn read_value(value: ::paragon_runtime::serde_json::Value) -> Result<Self, String> {
        let tag = value
            .get("kind")
            .and_then(|t| t.as_str())
            .map(str::to_owned);
        match tag.as_deref() {
            Some("cat") => ::paragon_runtime::codec::from_value(&value).map(Self::Cat),
            Some("dog") => ::paragon_runtime::codec::from_value(&value).map(Self::Dog),
            _ => Ok(Self::Unknown(value)),
        }
    }
}
impl ::paragon_runtime::serde::Serialize for Pet {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match self {
            Self::Cat(v) => ::paragon_runtime::serde::Serialize::serialize(v, serializer),
            Self::Dog(v) => ::paragon_runtime::serde::Serialize::serialize(v, serializer),
            Self::Unknown(v) => ::paragon_runtime::serde::Serialize::serialize(v, serializer),
        }
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Pet {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::via_value(deserializer, Self::read_value)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct Cat {
    pub id: i64,
    pub kind: String,
    pub born: Option<::paragon_runtime::Date>,
    pub updated_at: Option<::paragon_runtime::DateTime>,
    pub labels: Option<::std::collections::BTreeMap<String, String>>,
    /// A field named after a keyword.
    pub type_: Option<String>,
    pub lives: Option<i32>,
    pub mood: Option<Mood>,
}
impl ::paragon_runtime::codec::Object for Cat {
    const NAME: &'static str = "Cat";
    const MEMBERS: &'static [&'static str] = &[
        "id",
        "kind",
        "born",
        "updatedAt",
        "labels",
        "type",
        "lives",
        "mood",
    ];
    type Partial = (
        Option<i64>,
        Option<String>,
        Option<::paragon_runtime::Date>,
        Option<::paragon_runtime::DateTime>,
        Option<::std::collections::BTreeMap<String, String>>,
        Option<String>,
        Option<i32>,
        Option<Mood>,
    );
    #[inline]
    fn start() -> Self::Partial {
        (None, None, None, None, None, None, None, None)
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
            4 => partial.4 = map.next_value()?,
            5 => partial.5 = map.next_value()?,
            6 => partial.6 = map.next_value()?,
            7 => partial.7 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            id: ::paragon_runtime::codec::required(partial.0, "id")?,
            kind: ::paragon_runtime::codec::required(partial.1, "kind")?,
            born: partial.2,
            updated_at: partial.3,
            labels: partial.4,
            type_: partial.5,
            lives: partial.6,
            mood: partial.7,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for Cat {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("id", &self.id)?;
        members.member("kind", &self.kind)?;
        members.optional("born", &self.born)?;
        members.optional("updatedAt", &self.updated_at)?;
        members.optional("labels", &self.labels)?;
        members.optional("type", &self.type_)?;
        members.optional("lives", &self.lives)?;
        members.optional("mood", &self.mood)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Cat {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct Dog {
    pub id: i64,
    pub kind: String,
    pub born: Option<::paragon_runtime::Date>,
    pub updated_at: Option<::paragon_runtime::DateTime>,
    pub labels: Option<::std::collections::BTreeMap<String, String>>,
    /// A field named after a keyword.
    pub type_: Option<String>,
    pub good: bool,
    pub friend: Option<Box<Dog>>,
}
impl ::paragon_runtime::codec::Object for Dog {
    const NAME: &'static str = "Dog";
    const MEMBERS: &'static [&'static str] = &[
        "id",
        "kind",
        "born",
        "updatedAt",
        "labels",
        "type",
        "good",
        "friend",
    ];
    type Partial = (
        Option<i64>,
        Option<String>,
        Option<::paragon_runtime::Date>,
        Option<::paragon_runtime::DateTime>,
        Option<::std::collections::BTreeMap<String, String>>,
        Option<String>,
        Option<bool>,
        Option<Box<Dog>>,
    );
    #[inline]
    fn start() -> Self::Partial {
        (None, None, None, None, None, None, None, None)
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
            4 => partial.4 = map.next_value()?,
            5 => partial.5 = map.next_value()?,
            6 => partial.6 = Some(map.next_value()?),
            7 => partial.7 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            id: ::paragon_runtime::codec::required(partial.0, "id")?,
            kind: ::paragon_runtime::codec::required(partial.1, "kind")?,
            born: partial.2,
            updated_at: partial.3,
            labels: partial.4,
            type_: partial.5,
            good: ::paragon_runtime::codec::required(partial.6, "good")?,
            friend: partial.7,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for Dog {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("id", &self.id)?;
        members.member("kind", &self.kind)?;
        members.optional("born", &self.born)?;
        members.optional("updatedAt", &self.updated_at)?;
        members.optional("labels", &self.labels)?;
        members.optional("type", &self.type_)?;
        members.member("good", &self.good)?;
        members.optional("friend", &self.friend)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Dog {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Mood {
    /// `happy`
    Happy,
    /// `grumpy`
    Grumpy,
    /// `sleepy-ish`
    SleepyIsh,
    /// A value this client does not know, kept as sent.
    Unknown(String),
}
impl Mood {
    /// The value as it appears on the wire.
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Happy => "happy",
            Self::Grumpy => "grumpy",
            Self::SleepyIsh => "sleepy-ish",
            Self::Unknown(value) => value,
        }
    }
}
impl From<String> for Mood {
    #[inline]
    fn from(value: String) -> Self {
        match value.as_str() {
            "happy" => Self::Happy,
            "grumpy" => Self::Grumpy,
            "sleepy-ish" => Self::SleepyIsh,
            _ => Self::Unknown(value),
        }
    }
}
impl From<&str> for Mood {
    #[inline]
    fn from(value: &str) -> Self {
        Self::from(value.to_owned())
    }
}
impl From<Mood> for String {
    #[inline]
    fn from(value: Mood) -> Self {
        match value {
            Mood::Unknown(value) => value,
            known => known.as_str().to_owned(),
        }
    }
}
impl ::std::fmt::Display for Mood {
    #[inline]
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::paragon_runtime::serde::Serialize for Mood {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        ::paragon_runtime::codec::write_str(self.as_str(), serializer)
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Mood {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::string(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    pub id: i64,
    pub kind: String,
    pub born: Option<::paragon_runtime::Date>,
    pub updated_at: Option<::paragon_runtime::DateTime>,
    pub labels: Option<::std::collections::BTreeMap<String, String>>,
    /// A field named after a keyword.
    pub type_: Option<String>,
}
impl ::paragon_runtime::codec::Object for Base {
    const NAME: &'static str = "Base";
    const MEMBERS: &'static [&'static str] = &["id", "kind", "born", "updatedAt", "labels", "type"];
    type Partial = (
        Option<i64>,
        Option<String>,
        Option<::paragon_runtime::Date>,
        Option<::paragon_runtime::DateTime>,
        Option<::std::collections::BTreeMap<String, String>>,
        Option<String>,
    );
    #[inline]
    fn start() -> Self::Partial {
        (None, None, None, None, None, None)
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
            4 => partial.4 = map.next_value()?,
            5 => partial.5 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            id: ::paragon_runtime::codec::required(partial.0, "id")?,
            kind: ::paragon_runtime::codec::required(partial.1, "kind")?,
            born: partial.2,
            updated_at: partial.3,
            labels: partial.4,
            type_: partial.5,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for Base {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("id", &self.id)?;
        members.member("kind", &self.kind)?;
        members.optional("born", &self.born)?;
        members.optional("updatedAt", &self.updated_at)?;
        members.optional("labels", &self.labels)?;
        members.optional("type", &self.type_)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Base {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// `shape: circle`
    Circle(ShapeCircle),
    /// `shape: square`
    Square(ShapeSquare),
    /// A `shape` this client does not know, kept as sent.
    Unknown(::paragon_runtime::serde_json::Value),
}
impl Shape {
    #[inline]
    fn read_value(value: ::paragon_runtime::serde_json::Value) -> Result<Self, String> {
        let tag = value
            .get("shape")
            .and_then(|t| t.as_str())
            .map(str::to_owned);
        match tag.as_deref() {
            Some("circle") => ::paragon_runtime::codec::from_value(&value).map(Self::Circle),
            Some("square") => ::paragon_runtime::codec::from_value(&value).map(Self::Square),
            _ => Ok(Self::Unknown(value)),
        }
    }
}
impl ::paragon_runtime::serde::Serialize for Shape {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match self {
            Self::Circle(v) => ::paragon_runtime::serde::Serialize::serialize(v, serializer),
            Self::Square(v) => ::paragon_runtime::serde::Serialize::serialize(v, serializer),
            Self::Unknown(v) => ::paragon_runtime::serde::Serialize::serialize(v, serializer),
        }
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Shape {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::via_value(deserializer, Self::read_value)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct ShapeCircle {
    pub shape: String,
    pub radius: f64,
}
impl ::paragon_runtime::codec::Object for ShapeCircle {
    const NAME: &'static str = "ShapeCircle";
    const MEMBERS: &'static [&'static str] = &["shape", "radius"];
    type Partial = (Option<String>, Option<f64>);
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
            shape: ::paragon_runtime::codec::required(partial.0, "shape")?,
            radius: ::paragon_runtime::codec::required(partial.1, "radius")?,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for ShapeCircle {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("shape", &self.shape)?;
        members.member("radius", &self.radius)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for ShapeCircle {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct ShapeSquare {
    pub shape: String,
    pub side: f64,
}
impl ::paragon_runtime::codec::Object for ShapeSquare {
    const NAME: &'static str = "ShapeSquare";
    const MEMBERS: &'static [&'static str] = &["shape", "side"];
    type Partial = (Option<String>, Option<f64>);
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
            shape: ::paragon_runtime::codec::required(partial.0, "shape")?,
            side: ::paragon_runtime::codec::required(partial.1, "side")?,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for ShapeSquare {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("shape", &self.shape)?;
        members.member("side", &self.side)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for ShapeSquare {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub enum Id {
    String(String),
    Integer(i64),
}
impl Id {
    #[inline]
    fn read_value(value: ::paragon_runtime::serde_json::Value) -> Result<Self, String> {
        if let Ok(v) = ::paragon_runtime::codec::from_value(&value) {
            return Ok(Self::String(v));
        }
        if let Ok(v) = ::paragon_runtime::codec::from_value(&value) {
            return Ok(Self::Integer(v));
        }
        Err(::paragon_runtime::codec::no_variant("Id"))
    }
}
impl ::paragon_runtime::serde::Serialize for Id {
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
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Id {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::via_value(deserializer, Self::read_value)
    }
}
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tree {
    pub value: Option<String>,
    pub children: Option<Vec<Tree>>,
    pub parent: Option<Box<Tree>>,
}
impl ::paragon_runtime::codec::Object for Tree {
    const NAME: &'static str = "Tree";
    const MEMBERS: &'static [&'static str] = &["value", "children", "parent"];
    type Partial = (Option<String>, Option<Vec<Tree>>, Option<Box<Tree>>);
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
            value: partial.0,
            children: partial.1,
            parent: partial.2,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for Tree {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("value", &self.value)?;
        members.optional("children", &self.children)?;
        members.optional("parent", &self.parent)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Tree {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Problem {
    pub title: Option<String>,
    pub status: Option<i64>,
}
impl ::paragon_runtime::codec::Object for Problem {
    const NAME: &'static str = "Problem";
    const MEMBERS: &'static [&'static str] = &["title", "status"];
    type Partial = (Option<String>, Option<i64>);
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
            title: partial.0,
            status: partial.1,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for Problem {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("title", &self.title)?;
        members.optional("status", &self.status)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for Problem {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct ListPetsResponse {
    pub items: Vec<Pet>,
    pub next_cursor: Option<String>,
}
impl ::paragon_runtime::codec::Object for ListPetsResponse {
    const NAME: &'static str = "ListPetsResponse";
    const MEMBERS: &'static [&'static str] = &["items", "nextCursor"];
    type Partial = (Option<Vec<Pet>>, Option<String>);
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
            items: ::paragon_runtime::codec::required(partial.0, "items")?,
            next_cursor: partial.1,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for ListPetsResponse {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("items", &self.items)?;
        members.optional("nextCursor", &self.next_cursor)?;
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
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CreatePetAcceptedResponse {
    pub ticket: Option<String>,
}
impl ::paragon_runtime::codec::Object for CreatePetAcceptedResponse {
    const NAME: &'static str = "CreatePetAcceptedResponse";
    const MEMBERS: &'static [&'static str] = &["ticket"];
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
        Ok(Self { ticket: partial.0 })
    }
}
impl ::paragon_runtime::serde::Serialize for CreatePetAcceptedResponse {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("ticket", &self.ticket)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for CreatePetAcceptedResponse {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct LoginBody {
    pub user: String,
    pub password: Option<String>,
}
impl ::paragon_runtime::codec::Object for LoginBody {
    const NAME: &'static str = "LoginBody";
    const MEMBERS: &'static [&'static str] = &["user", "password"];
    type Partial = (Option<String>, Option<String>);
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
            user: ::paragon_runtime::codec::required(partial.0, "user")?,
            password: partial.1,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for LoginBody {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("user", &self.user)?;
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
pub struct PingResponse {
    pub ok: Option<bool>,
}
impl ::paragon_runtime::codec::Object for PingResponse {
    const NAME: &'static str = "PingResponse";
    const MEMBERS: &'static [&'static str] = &["ok"];
    type Partial = (Option<bool>,);
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
        Ok(Self { ok: partial.0 })
    }
}
impl ::paragon_runtime::serde::Serialize for PingResponse {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("ok", &self.ok)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for PingResponse {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StyledFormBody {
    pub tags: Option<Vec<String>>,
    pub meta: Option<::std::collections::BTreeMap<String, String>>,
    pub name: Option<String>,
}
impl ::paragon_runtime::codec::Object for StyledFormBody {
    const NAME: &'static str = "StyledFormBody";
    const MEMBERS: &'static [&'static str] = &["tags", "meta", "name"];
    type Partial = (
        Option<Vec<String>>,
        Option<::std::collections::BTreeMap<String, String>>,
        Option<String>,
    );
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
            tags: partial.0,
            meta: partial.1,
            name: partial.2,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for StyledFormBody {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("tags", &self.tags)?;
        members.optional("meta", &self.meta)?;
        members.optional("name", &self.name)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for StyledFormBody {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct UploadDocumentsBody {
    pub file: ::paragon_runtime::FilePart,
    pub thumbnail: Option<::paragon_runtime::FilePart>,
    pub pages: Option<Vec<::paragon_runtime::FilePart>>,
    pub title: Option<String>,
    pub tags: Option<Vec<String>>,
    pub meta: Option<UploadDocumentsBodyMeta>,
}
impl ::paragon_runtime::codec::Object for UploadDocumentsBody {
    const NAME: &'static str = "UploadDocumentsBody";
    const MEMBERS: &'static [&'static str] =
        &["file", "thumbnail", "pages", "title", "tags", "meta"];
    type Partial = (
        Option<::paragon_runtime::FilePart>,
        Option<::paragon_runtime::FilePart>,
        Option<Vec<::paragon_runtime::FilePart>>,
        Option<String>,
        Option<Vec<String>>,
        Option<UploadDocumentsBodyMeta>,
    );
    #[inline]
    fn start() -> Self::Partial {
        (None, None, None, None, None, None)
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
            5 => partial.5 = map.next_value()?,
            _ => {}
        }
        Ok(())
    }
    #[inline]
    fn finish(partial: Self::Partial) -> Result<Self, &'static str> {
        Ok(Self {
            file: ::paragon_runtime::codec::required(partial.0, "file")?,
            thumbnail: partial.1,
            pages: partial.2,
            title: partial.3,
            tags: partial.4,
            meta: partial.5,
        })
    }
}
impl ::paragon_runtime::serde::Serialize for UploadDocumentsBody {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.member("file", &self.file)?;
        members.optional("thumbnail", &self.thumbnail)?;
        members.optional("pages", &self.pages)?;
        members.optional("title", &self.title)?;
        members.optional("tags", &self.tags)?;
        members.optional("meta", &self.meta)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for UploadDocumentsBody {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UploadDocumentsBodyMeta {
    pub source: Option<String>,
}
impl ::paragon_runtime::codec::Object for UploadDocumentsBodyMeta {
    const NAME: &'static str = "UploadDocumentsBodyMeta";
    const MEMBERS: &'static [&'static str] = &["source"];
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
        Ok(Self { source: partial.0 })
    }
}
impl ::paragon_runtime::serde::Serialize for UploadDocumentsBodyMeta {
    fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut members = ::paragon_runtime::codec::Members::start(serializer)?;
        members.optional("source", &self.source)?;
        members.end()
    }
}
impl<'de> ::paragon_runtime::serde::Deserialize<'de> for UploadDocumentsBodyMeta {
    fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::paragon_runtime::codec::object(deserializer)
    }
}
