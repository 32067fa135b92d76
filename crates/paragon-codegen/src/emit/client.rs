//! Operations to a `Client`: one function per operation (plus `_with_response` for every
//! documented status, and `_stream` for paged operations).
//!
//! What rustc spends its time on decides the shape (BENCHMARKS.md, "Compile time"):
//!
//! - An operation is a plain function that builds its request and returns
//!   `request.call(read)`, a `paragon_runtime::Call<T>`: the wait (retries, the body read under
//!   its cap) is one future compiled once in the runtime, and `read` is a plain function from
//!   the whole response to the result. No `async` state machine per operation: rustc would
//!   type-check, borrow-check and prove `Send` for each (a quarter of `cargo check` on a
//!   300-operation API). Operations whose response body is streamed to the caller stay `async`.
//! - Every function of an operation is `#[inline]`: its machine code, and that of the decoding
//!   of every type its responses hold, is made in the crate that calls it, for the operations
//!   that crate calls. The generated crate itself is type-checked, not compiled to machine code.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::doc_attrs;
use super::types::{ident, ty_tokens};
use crate::ir::operations::{
    BodyKind, Operation, PageKind, Param, ParamIn, PathPiece, ResponseBody, ResponseIr,
    Serialization, StatusKey, Style,
};
use crate::ir::select::Gate;
use crate::ir::{Api, SchemeKind, Ty, TypeKind};

/// `::paragon_runtime::ParamStyle::new(Style::…, explode)`, with `.reserved()` when asked.
fn style_tokens(s: &Serialization) -> TokenStream {
    let style = match s.style {
        Style::Simple => quote!(Simple),
        Style::Label => quote!(Label),
        Style::Matrix => quote!(Matrix),
        Style::Form => quote!(Form),
        Style::SpaceDelimited => quote!(SpaceDelimited),
        Style::PipeDelimited => quote!(PipeDelimited),
        Style::DeepObject => quote!(DeepObject),
    };
    let explode = s.explode;
    let reserved = s.allow_reserved.then(|| quote!(.reserved()));
    quote!(::paragon_runtime::ParamStyle::new(::paragon_runtime::Style::#style, #explode)#reserved)
}

/// One path parameter's text in the URL: `path_param(value)` in the default style, else
/// `path_param_with(wire, value, style)`; `reserved` is the template's `{+name}`. `value` is a
/// reference. The operation's request builder and workflow steps both write path parameters
/// through this.
pub(crate) fn path_arg(
    wire: &str,
    style: &Serialization,
    reserved: bool,
    value: TokenStream,
) -> TokenStream {
    let style = Serialization {
        allow_reserved: style.allow_reserved || reserved,
        ..*style
    };
    if style == Serialization::default_for(ParamIn::Path) {
        quote!(::paragon_runtime::path_param(#value))
    } else {
        let st = style_tokens(&style);
        quote!(::paragon_runtime::path_param_with(#wire, #value, #st))
    }
}

/// An operation's path as an expression of type `&str`: the template with each parameter that
/// `arg(wire, reserved)` gives a value for filled in (a `format!`), the others left as written.
pub(crate) fn path_expr(
    path: &str,
    mut arg: impl FnMut(&str, bool) -> Option<TokenStream>,
) -> TokenStream {
    let mut fmt = String::new();
    let mut args = Vec::new();
    for piece in crate::ir::operations::path_pieces(path) {
        match piece {
            PathPiece::Lit(text) => fmt.push_str(&text.replace('{', "{{").replace('}', "}}")),
            PathPiece::Param { wire, reserved } => match arg(wire, reserved) {
                Some(a) => {
                    fmt.push_str("{}");
                    args.push(a);
                }
                None => {
                    let plus = if reserved { "+" } else { "" };
                    fmt.push_str(&format!("{{{{{plus}{wire}}}}}"));
                }
            },
        }
    }
    if args.is_empty() {
        quote!(#fmt)
    } else {
        quote!(&format!(#fmt, #(#args),*))
    }
}

/// The call that puts one query, header or cookie parameter on a `RequestBuilder`, in its
/// style; `value` is a reference. One spelling for request builders and workflow steps.
pub(crate) fn param_call(
    location: ParamIn,
    wire: &str,
    style: &Serialization,
    value: TokenStream,
) -> TokenStream {
    let default = *style == Serialization::default_for(location);
    let explode = style.explode;
    match location {
        ParamIn::Query if default => quote!(.query(#wire, #value)),
        ParamIn::Query => {
            let st = style_tokens(style);
            quote!(.query_with(#wire, #value, #st))
        }
        ParamIn::Header if default => quote!(.header(#wire, #value)),
        ParamIn::Header => quote!(.header_with(#wire, #value, #explode)),
        ParamIn::Cookie if default => quote!(.cookie(#wire, #value)),
        ParamIn::Cookie => quote!(.cookie_with(#wire, #value, #explode)),
        ParamIn::Path => quote!(),
    }
}

/// `&[(member, style), …]` of a form body's `encoding`.
pub(crate) fn encoding_tokens(encoding: &[(String, Serialization)]) -> TokenStream {
    let entries = encoding.iter().map(|(m, st)| {
        let st = style_tokens(st);
        quote!((#m, #st))
    });
    quote!(&[#(#entries),*])
}

/// What every request of an operation starts with after `request(method, path)`: its name,
/// its security alternatives (`schemes` is the path of the API's `SECURITY_SCHEMES`), and
/// `Accept` when a success response is JSON.
pub(crate) fn request_head(op: &Operation, schemes: TokenStream) -> TokenStream {
    let op_id = &op.id;
    let security = if op.security.is_empty() {
        quote!()
    } else {
        let alts = op.security.iter().map(|alt| quote!(&[#(#alt),*]));
        quote!(.security(#schemes, &[#(#alts),*]))
    };
    let accept = op
        .successes()
        .find_map(|r| match r.body {
            ResponseBody::Json(_) => Some(quote!(.accept("application/json"))),
            _ => None,
        })
        .unwrap_or_default();
    quote!(.operation(#op_id) #security #accept)
}

/// Whether a member is sent as a text part (scalars, string enums and lists of them).
fn is_text(api: &Api, ty: &Ty) -> bool {
    match ty.strip_option() {
        Ty::String | Ty::Prim(_) | Ty::DateTime | Ty::Date => true,
        Ty::Vec(inner) => !matches!(**inner, Ty::Vec(_)) && is_text(api, inner),
        Ty::Named(id) => matches!(api.types[*id].kind, TypeKind::StringEnum { .. }),
        _ => false,
    }
}

/// A `Multipart` of `body`'s members: files as file parts, scalars as text parts, the rest as
/// JSON parts; members the `encoding` gives a media type get it.
fn multipart_tokens(api: &Api, ty: &Ty, content_types: &[(String, String)]) -> TokenStream {
    let mut parts = TokenStream::new();
    let fields = match ty.strip_option() {
        Ty::Named(id) => match &api.types[*id].kind {
            TypeKind::Struct { fields, .. } => Some(fields),
            _ => None,
        },
        _ => None,
    };
    let Some(fields) = fields else {
        // Not an object we know the members of: each member of its JSON is a part.
        return quote!(::paragon_runtime::Multipart::new().fields(body));
    };
    for f in fields {
        let wire = &f.wire;
        let n = ident(&f.name);
        let optional = matches!(f.ty, Ty::Option(_));
        parts.extend(match (f.ty.strip_option(), optional) {
            (Ty::File, false) => quote!(.file(#wire, &body.#n)),
            (Ty::File, true) => quote!(.file_opt(#wire, body.#n.as_ref())),
            (Ty::Vec(inner), false) if **inner == Ty::File => quote!(.files(#wire, &body.#n)),
            (Ty::Vec(inner), true) if **inner == Ty::File => {
                quote!(.files(#wire, body.#n.as_deref().unwrap_or_default()))
            }
            (t, _) if is_text(api, t) => quote!(.text(#wire, &body.#n)),
            _ => quote!(.json(#wire, &body.#n)),
        });
    }
    for (member, ct) in content_types {
        parts.extend(quote!(.content_type(#member, #ct)));
    }
    quote!(::paragon_runtime::Multipart::new() #parts)
}

/// How a positional argument is declared, passed on, and owned for a stream.
enum ArgKind {
    /// `&str`
    Str,
    /// A `Copy` primitive, by value.
    Copy,
    /// `&T`
    Ref,
    /// `&[T]` for a `Vec<T>` (what clippy's `ptr_arg` asks for).
    Slice,
}

fn arg_kind(ty: &Ty) -> ArgKind {
    match ty {
        Ty::String => ArgKind::Str,
        Ty::Prim(_) | Ty::DateTime | Ty::Date => ArgKind::Copy,
        Ty::Vec(_) => ArgKind::Slice,
        _ => ArgKind::Ref,
    }
}

struct Arg {
    name: proc_macro2::Ident,
    /// Passed by value and `Copy`: moved into closures without a `clone()`.
    is_copy: bool,
    decl: TokenStream,
    /// Expression giving `&T` (or `&str`) for the runtime's generic `&T` parameters.
    as_ref: TokenStream,
    /// Owned type and how to make it, for streams.
    owned_ty: TokenStream,
    to_owned: TokenStream,
    /// How to pass the owned value back as this argument.
    pass_owned: TokenStream,
}

fn arg(api: &Api, name: &str, ty: &Ty, optional_body: bool) -> Arg {
    let n = ident(name);
    let t = ty_tokens(api, ty);
    match (arg_kind(ty), optional_body) {
        (_, true) => Arg {
            decl: quote!(#n: Option<&#t>),
            as_ref: quote!(#n),
            owned_ty: quote!(Option<#t>),
            to_owned: quote!(#n.cloned()),
            pass_owned: quote!(#n.as_ref()),
            is_copy: false,
            name: n,
        },
        (ArgKind::Str, _) => Arg {
            decl: quote!(#n: &str),
            as_ref: quote!(#n),
            owned_ty: quote!(String),
            to_owned: quote!(#n.to_owned()),
            pass_owned: quote!(&#n),
            is_copy: false,
            name: n,
        },
        (ArgKind::Copy, _) => Arg {
            decl: quote!(#n: #t),
            as_ref: quote!(&#n),
            owned_ty: quote!(#t),
            to_owned: quote!(#n),
            pass_owned: quote!(#n),
            is_copy: true,
            name: n,
        },
        (ArgKind::Ref, _) => Arg {
            decl: quote!(#n: &#t),
            as_ref: quote!(#n),
            owned_ty: quote!(#t),
            to_owned: quote!(#n.clone()),
            pass_owned: quote!(&#n),
            is_copy: false,
            name: n,
        },
        (ArgKind::Slice, _) => {
            let item = match ty {
                Ty::Vec(inner) => ty_tokens(api, inner),
                _ => t.clone(),
            };
            Arg {
                decl: quote!(#n: &[#item]),
                as_ref: quote!(#n),
                owned_ty: quote!(#t),
                to_owned: quote!(#n.to_vec()),
                pass_owned: quote!(&#n),
                is_copy: false,
                name: n,
            }
        }
    }
}

/// Operations per `impl Client` block. Large APIs get several blocks, so the emitter and the
/// formatter can work on them in parallel; an API this size or smaller has one.
pub const OPS_PER_PART: usize = 64;

/// How many parts [`client_part`] splits the client into.
pub fn client_parts(api: &Api) -> usize {
    api.operations.len().div_ceil(OPS_PER_PART).max(1)
}

/// Part `k` of the client (base URL, security schemes, `ClientBuilder`, `Client`, operations):
/// part 0 has the module-level items and the first operations; part
/// `k > 0` is one more `impl Client` block with its operations' option and response types.
pub fn client_part(api: &Api, k: usize) -> TokenStream {
    // The part's operations: methods for the `impl Client` block, option and response types
    // beside it.
    let mut options_and_responses = TokenStream::new();
    let mut methods = TokenStream::new();
    for (i, op) in api
        .operations
        .iter()
        .enumerate()
        .skip(k * OPS_PER_PART)
        .take(OPS_PER_PART)
    {
        let Some(cfg) = gate_attr(api.gates.operation(i)) else {
            continue;
        };
        let (items, fns) = operation(api, op, &cfg);
        options_and_responses.extend(items);
        methods.extend(fns);
    }
    if k > 0 {
        return quote! {
            impl Client {
                #methods
            }

            #options_and_responses
        };
    }
    let base = &api.default_base_url;
    let schemes = api.security_schemes.iter().map(|s| {
        let name = &s.name;
        let kind = match &s.kind {
            SchemeKind::Bearer => quote!(::paragon_runtime::SchemeKind::Bearer),
            SchemeKind::Basic => quote!(::paragon_runtime::SchemeKind::Basic),
            SchemeKind::ApiKey { location, name } => {
                let loc = match location.as_str() {
                    "query" => quote!(Query),
                    "cookie" => quote!(Cookie),
                    _ => quote!(Header),
                };
                quote!(::paragon_runtime::SchemeKind::ApiKey { location: ::paragon_runtime::ApiKeyLocation::#loc, name: #name })
            }
        };
        quote!(::paragon_runtime::SecurityScheme { name: #name, kind: #kind })
    });
    let scheme_methods = api.security_schemes.iter().map(|s| {
        let m = ident(&s.method);
        let name = &s.name;
        let doc = doc_attrs(Some(&format!(
            "Credentials for the `{name}` security scheme{}",
            s.doc.as_deref().map(|d| format!(": {d}")).unwrap_or_else(|| ".".into())
        )));
        match &s.kind {
            SchemeKind::Basic => quote! {
                #doc
                pub fn #m(mut self, username: impl Into<String>, password: impl Into<String>) -> Self {
                    self.runtime = self.runtime.credential(#name, ::paragon_runtime::Credential::Basic { username: username.into(), password: password.into() });
                    self
                }
            },
            SchemeKind::Bearer => quote! {
                #doc
                pub fn #m(mut self, token: impl Into<String>) -> Self {
                    self.runtime = self.runtime.credential(#name, ::paragon_runtime::Credential::Bearer(token.into()));
                    self
                }
            },
            SchemeKind::ApiKey { .. } => quote! {
                #doc
                pub fn #m(mut self, key: impl Into<String>) -> Self {
                    self.runtime = self.runtime.credential(#name, ::paragon_runtime::Credential::ApiKey(key.into()));
                    self
                }
            },
        }
    });
    let security_table = api
        .operations
        .iter()
        .any(|op| !op.security.is_empty())
        .then(|| {
            quote! {
                /// The document's security schemes, also used by requests built outside this
                /// module (compiled workflows).
                pub const SECURITY_SCHEMES: &[::paragon_runtime::SecurityScheme] = &[#(#schemes),*];
            }
        });
    let title_doc = format!(" A client for {}.", api.title);
    let schema = api.schema_text.as_deref().map(|text| {
        quote! {
            /// The document's schemas (every file, every `$ref` a pointer into this text), which
            /// the types check what they decode against (`check_schemas`).
            pub static SCHEMA: ::paragon_runtime::schema::Embedded =
                ::paragon_runtime::schema::Embedded::new(#text);
        }
    });
    quote! {
        /// The server from the document's `servers`; override it with [`ClientBuilder::base_url`].
        pub const DEFAULT_BASE_URL: &str = #base;

        #security_table
        #schema

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
            #(#scheme_methods)*
            /// Adjusts the runtime settings (retry policy, rate limit, clock, reqwest client).
            pub fn runtime(mut self, configure: impl FnOnce(::paragon_runtime::ClientBuilder) -> ::paragon_runtime::ClientBuilder) -> Self {
                self.runtime = configure(self.runtime);
                self
            }
            /// Builds the client; fails on an invalid base URL.
            pub fn build(self) -> Result<Client, ::paragon_runtime::Error> {
                Ok(Client { runtime: self.runtime.build()? })
            }
        }

        #[doc = #title_doc]
        #[derive(Debug, Clone)]
        pub struct Client {
            runtime: ::paragon_runtime::Client,
        }

        impl Client {
            /// Starts configuring a client for [`DEFAULT_BASE_URL`].
            pub fn builder() -> ClientBuilder {
                ClientBuilder { runtime: ::paragon_runtime::Client::builder(DEFAULT_BASE_URL) }
            }
            /// Wraps an already configured runtime client.
            pub fn from_runtime(runtime: ::paragon_runtime::Client) -> Self {
                Self { runtime }
            }
            /// The runtime client underneath.
            pub fn runtime(&self) -> &::paragon_runtime::Client {
                &self.runtime
            }
            #methods
        }

        #options_and_responses
    }
}

/// How a response's body is read from `raw`: a `RawResponse` when `aw` is `.await` (an
/// operation with a streamed body), else a `Received`, whose body is read already.
fn body_expr(body: &ResponseBody, api: &Api, aw: &TokenStream) -> TokenStream {
    match body {
        ResponseBody::Empty => quote!(raw.empty() #aw ?),
        ResponseBody::Json(ty) => {
            let t = ty_tokens(api, ty);
            quote!(raw.json::<#t>() #aw ?)
        }
        ResponseBody::Text => quote!(raw.text() #aw ?),
        ResponseBody::Binary => quote!(raw.stream()),
    }
}

fn body_type(body: &ResponseBody, api: &Api) -> TokenStream {
    match body {
        ResponseBody::Empty => quote!(()),
        ResponseBody::Json(ty) => ty_tokens(api, ty),
        ResponseBody::Text => quote!(String),
        ResponseBody::Binary => quote!(::paragon_runtime::ByteStream),
    }
}

fn status_pattern(r: &ResponseIr) -> TokenStream {
    match r.status {
        StatusKey::Code(c) => {
            let c = proc_macro2::Literal::u16_unsuffixed(c);
            quote!(#c)
        }
        StatusKey::Range(x) => {
            let lo = proc_macro2::Literal::u16_unsuffixed(x * 100);
            let hi = proc_macro2::Literal::u16_unsuffixed(x * 100 + 99);
            quote!(#lo..=#hi)
        }
        StatusKey::Default => quote!(_),
    }
}

/// The documented error statuses (not `default`) as match patterns.
fn error_patterns(op: &Operation) -> Vec<TokenStream> {
    joined_patterns(op.responses.iter().filter(|r| !r.success))
}

/// Statuses (not `default`) as match patterns, sorted, with touching codes and ranges joined
/// (`4XX` and `5XX` give `400..=599`; `200`, `201`, `202` give `200..=202`).
fn joined_patterns<'a>(responses: impl Iterator<Item = &'a ResponseIr>) -> Vec<TokenStream> {
    let mut spans: Vec<(u16, u16)> = responses
        .filter_map(|r| match r.status {
            StatusKey::Code(c) => Some((c, c)),
            StatusKey::Range(x) => Some((x * 100, x * 100 + 99)),
            StatusKey::Default => None,
        })
        .collect();
    spans.sort_unstable();
    let mut joined: Vec<(u16, u16)> = Vec::new();
    for (lo, hi) in spans {
        match joined.last_mut() {
            Some(last) if lo <= last.1.saturating_add(1) => last.1 = last.1.max(hi),
            _ => joined.push((lo, hi)),
        }
    }
    joined
        .into_iter()
        .map(|(lo, hi)| {
            let (l, h) = (
                proc_macro2::Literal::u16_unsuffixed(lo),
                proc_macro2::Literal::u16_unsuffixed(hi),
            );
            if lo == hi {
                quote!(#l)
            } else {
                quote!(#l..=#h)
            }
        })
        .collect()
}

/// Responses in match order: exact codes, then ranges, then `default`.
fn ordered(op: &Operation) -> Vec<&ResponseIr> {
    let mut rs: Vec<&ResponseIr> = op.responses.iter().collect();
    rs.sort_by_key(|r| match r.status {
        StatusKey::Code(_) => 0,
        StatusKey::Range(_) => 1,
        StatusKey::Default => 2,
    });
    rs
}

/// The attribute an item under `gate` carries (`#[cfg(feature = …)]`, `#[cfg(any(feature = …,
/// …))]`, or nothing), or
/// `None` when the item is not emitted.
pub(crate) fn gate_attr(gate: &Gate) -> Option<TokenStream> {
    match gate {
        Gate::Always => Some(TokenStream::new()),
        Gate::Never => None,
        Gate::Features(names) if names.len() == 1 => {
            let name = &names[0];
            Some(quote!(#[cfg(feature = #name)]))
        }
        Gate::Features(names) => Some(quote!(#[cfg(any(#(feature = #names),*))])),
    }
}

/// The items beside `impl Client` and the methods in it for one operation, each with `cfg`.
fn operation(api: &Api, op: &Operation, cfg: &TokenStream) -> (TokenStream, TokenStream) {
    let mut items = TokenStream::new();
    let fn_name = ident(&op.fn_name);
    let request_fn = format_ident!("{}_request", op.fn_name);
    let with_response_fn = format_ident!("{}_with_response", op.fn_name);
    let method = ident(&op.method);

    // Positional arguments: required parameters, then the body, then the options.
    let required: Vec<&Param> = op.params.iter().filter(|p| p.required).collect();
    let optional: Vec<&Param> = op.params.iter().filter(|p| !p.required).collect();
    let mut args: Vec<Arg> = required
        .iter()
        .map(|p| arg(api, &p.name, &p.ty, false))
        .collect();
    let body_arg = op.body.as_ref().map(|b| {
        let ty = match &b.kind {
            BodyKind::Bytes(_) => Ty::Json,
            _ => b.ty.clone(),
        };
        match &b.kind {
            BodyKind::Bytes(_) => Arg {
                name: ident("body"),
                decl: quote!(body: ::paragon_runtime::bytes::Bytes),
                as_ref: quote!(body),
                owned_ty: quote!(::paragon_runtime::bytes::Bytes),
                to_owned: quote!(body.clone()),
                pass_owned: quote!(body.clone()),
                is_copy: false,
            },
            _ => arg(api, "body", &ty, !b.required),
        }
    });
    if let Some(b) = body_arg {
        args.push(b);
    }
    if let Some(options_type) = &op.options_type {
        let oname = ident(options_type);
        let fields = optional.iter().map(|p| {
            let n = ident(&p.name);
            let t = ty_tokens(api, &p.ty);
            let d = doc_attrs(p.doc.as_deref());
            quote!(#d pub #n: Option<#t>,)
        });
        let doc = format!(" The optional parameters of [`Client::{}`].", op.fn_name);
        items.extend(quote! {
            #[doc = #doc]
            #cfg
            #[derive(Debug, Clone, Default, PartialEq)]
            pub struct #oname { #(#fields)* }
        });
        args.push(Arg {
            name: ident("options"),
            decl: quote!(options: &#oname),
            as_ref: quote!(options),
            owned_ty: quote!(#oname),
            to_owned: quote!(options.clone()),
            pass_owned: quote!(&options),
            is_copy: false,
        });
    }
    let decls: Vec<&TokenStream> = args.iter().map(|a| &a.decl).collect();
    let names: Vec<&proc_macro2::Ident> = args.iter().map(|a| &a.name).collect();

    // The path, each parameter percent-encoded.
    let path_expr = path_expr(&op.path, |wire, reserved| {
        let p = op
            .params
            .iter()
            .find(|p| p.location == ParamIn::Path && p.wire == wire)?;
        let n = ident(&p.name);
        let r = match arg_kind(&p.ty) {
            ArgKind::Copy => quote!(&#n),
            _ => quote!(#n),
        };
        Some(path_arg(&p.wire, &p.style, reserved, r))
    });
    let param_calls = op
        .params
        .iter()
        .filter(|p| p.location != ParamIn::Path)
        .map(|p| {
            let value = if p.required {
                arg(api, &p.name, &p.ty, false).as_ref
            } else {
                let n = ident(&p.name);
                quote!(&options.#n)
            };
            param_call(p.location, &p.wire, &p.style, value)
        });
    // A required scalar body is passed by value (`Copy`); the builder takes a reference.
    let body_ref = op
        .body
        .as_ref()
        .filter(|b| b.required && !matches!(b.kind, BodyKind::Bytes(_)))
        .map(|b| arg(api, "body", &b.ty, false).as_ref);
    let body_call = op.body.as_ref().map(|b| {
        let encoding = encoding_tokens;
        match &b.kind {
            BodyKind::Json if b.required => quote!(.json(#body_ref)),
            BodyKind::Json => quote!(.json_opt(body)),
            BodyKind::Form { encoding: e } if e.is_empty() && b.required => {
                quote!(.form(#body_ref))
            }
            BodyKind::Form { encoding: e } if e.is_empty() => quote!(.form_opt(body)),
            BodyKind::Form { encoding: e } if b.required => {
                let e = encoding(e);
                quote!(.form_with(#body_ref, #e))
            }
            BodyKind::Form { encoding: e } => {
                let e = encoding(e);
                quote!(.form_with_opt(body, #e))
            }
            BodyKind::Multipart { content_types } => {
                let m = multipart_tokens(api, &b.ty, content_types);
                // A nullable body schema makes the body type an `Option` itself.
                match (b.required, matches!(b.ty, Ty::Option(_))) {
                    (true, false) => quote!(.multipart(#m)),
                    (true, true) => quote!(.multipart_opt(body.as_ref().map(|body| #m))),
                    (false, false) => quote!(.multipart_opt(body.map(|body| #m))),
                    (false, true) => {
                        quote!(.multipart_opt(body.and_then(|body| body.as_ref()).map(|body| #m)))
                    }
                }
            }
            BodyKind::Bytes(ct) => quote!(.body_bytes(#ct, body)),
        }
    });
    let head = request_head(op, quote!(SECURITY_SCHEMES));
    let request_builder = quote! {
        self.runtime.request(::paragon_runtime::reqwest::Method::#method, #path_expr)
            #head
            #(#param_calls)*
            #body_call
    };

    let doc = {
        let mut d = op.doc.clone().unwrap_or_default();
        if !d.is_empty() {
            d.push_str("\n\n");
        }
        d.push_str(&format!("`{} {}`", op.method, op.path));
        d
    };
    let doc_tokens = doc_attrs(Some(&doc));
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));

    // Success type of the short form.
    let successes: Vec<&ResponseIr> = ordered(op).into_iter().filter(|r| r.success).collect();
    let distinct: Vec<&ResponseBody> = {
        let mut v: Vec<&ResponseBody> = Vec::new();
        for r in &successes {
            if !v.contains(&&r.body) {
                v.push(&r.body);
            }
        }
        v
    };
    // An operation whose every body is read whole awaits once (`fetch`) and decodes in a
    // plain function; one with a streamed body awaits each read on the `RawResponse`.
    let streamed = streams_a_body(op);
    let aw = if streamed { quote!(.await) } else { quote!() };
    let errors = error_patterns(op);
    // A success arm that matches every status (a `default` response read as the success)
    // leaves nothing for an error arm to match.
    let success_catches_all = successes
        .iter()
        .any(|r| status_pattern(r).to_string() == "_");
    let documented_error_arm = if success_catches_all {
        TokenStream::new()
    } else if op
        .responses
        .iter()
        .any(|r| !r.success && r.status == StatusKey::Default)
    {
        quote!(_ => Err(raw.documented_error() #aw),)
    } else if errors.is_empty() {
        quote!(_ => Err(raw.unexpected() #aw),)
    } else {
        quote! {
            #(#errors)|* => Err(raw.documented_error() #aw),
            _ => Err(raw.unexpected() #aw),
        }
    };
    let responses_type = op.responses_type.as_ref().map(|n| ident(n));
    let (short_ty, short_arms) = match (distinct.as_slice(), &responses_type) {
        ([], _) => (
            quote!(()),
            quote!(200..=299 => { raw.empty() #aw ?; Ok(()) }),
        ),
        ([one], _) => {
            let t = body_type(one, api);
            let pats = if successes.iter().any(|r| r.status == StatusKey::Default) {
                vec![quote!(_)]
            } else {
                joined_patterns(successes.iter().copied())
            };
            let arm = if **one == ResponseBody::Empty {
                quote!(#(#pats)|* => { raw.empty() #aw ?; Ok(()) })
            } else {
                let e = body_expr(one, api, &aw);
                quote!(#(#pats)|* => Ok(#e.body),)
            };
            (quote!(#t), arm)
        }
        (_, Some(rt)) => {
            let arms = successes.iter().map(|r| {
                let pat = status_pattern(r);
                let v = ident(&r.variant);
                if r.body == ResponseBody::Empty {
                    quote!(#pat => { raw.empty() #aw ?; Ok(#rt::#v) })
                } else {
                    let e = body_expr(&r.body, api, &aw);
                    quote!(#pat => Ok(#rt::#v(#e.body)),)
                }
            });
            (quote!(#rt), quote!(#(#arms)*))
        }
        (_, None) => (
            quote!(()),
            quote!(200..=299 => { raw.empty() #aw ?; Ok(()) }),
        ),
    };

    // The full form: every documented status.
    let (full_ty, full_arms) = match &responses_type {
        Some(rt) => {
            let variants = ordered(op).into_iter().map(|r| {
                let v = ident(&r.variant);
                let t = body_type(&r.body, api);
                let d = doc_attrs(Some(&format!(
                    "{}{}",
                    match r.status {
                        StatusKey::Code(c) => format!("{c}"),
                        StatusKey::Range(x) => format!("{x}XX"),
                        StatusKey::Default => "Any other status".into(),
                    },
                    r.doc
                        .as_deref()
                        .map(|d| format!(": {d}"))
                        .unwrap_or_default()
                )));
                if r.body == ResponseBody::Empty {
                    quote!(#d #v,)
                } else {
                    quote!(#d #v(#t),)
                }
            });
            let edoc = format!(" Every documented response of [`Client::{}`].", op.fn_name);
            items.extend(quote! {
                #[doc = #edoc]
                #cfg
                #[derive(Debug)]
                pub enum #rt { #(#variants)* }
            });
            let has_default = op.responses.iter().any(|r| r.status == StatusKey::Default);
            let arms = ordered(op).into_iter().map(|r| {
                let pat = status_pattern(r);
                let v = ident(&r.variant);
                let e = body_expr(&r.body, api, &aw);
                if r.body == ResponseBody::Empty {
                    quote!(#pat => #e.map(|()| #rt::#v),)
                } else {
                    quote!(#pat => #e.map(#rt::#v),)
                }
            });
            let fallback = (!has_default).then(|| quote!(_ => return Err(raw.unexpected() #aw),));
            (quote!(#rt), quote!(#(#arms)* #fallback))
        }
        None => {
            let (t, arm) = match op.responses.first() {
                Some(r) => {
                    let t = body_type(&r.body, api);
                    let pat = status_pattern(r);
                    let e = body_expr(&r.body, api, &aw);
                    let fallback = (r.status != StatusKey::Default)
                        .then(|| quote!(_ => return Err(raw.unexpected() #aw),));
                    (t, quote!(#pat => #e, #fallback))
                }
                None => (
                    quote!(()),
                    quote!(200..=299 => raw.empty() #aw ?, _ => return Err(raw.unexpected() #aw),),
                ),
            };
            (t, arm)
        }
    };
    let with_response_doc = format!(
        " Like [`Client::{}`], but returns the status, the headers and the typed body of every documented response.",
        op.fn_name
    );

    let request = quote! {
        #cfg
        #[inline]
        fn #request_fn(&self, #(#decls),*) -> ::paragon_runtime::RequestBuilder {
            #request_builder
        }
    };
    let mut fns = if streamed {
        quote! {
            #request

            #doc_tokens
            #cfg
            #deprecated
            #[inline]
            pub async fn #fn_name(&self, #(#decls),*) -> Result<#short_ty, ::paragon_runtime::Error> {
                let raw = self.#request_fn(#(#names),*).send().await?;
                match raw.status().as_u16() {
                    #short_arms
                    #documented_error_arm
                }
            }

            #[doc = #with_response_doc]
            #cfg
            #deprecated
            #[inline]
            pub async fn #with_response_fn(&self, #(#decls),*) -> Result<::paragon_runtime::Response<#full_ty>, ::paragon_runtime::Error> {
                let raw = self.#request_fn(#(#names),*).send().await?;
                Ok(match raw.status().as_u16() {
                    #full_arms
                })
            }
        }
    } else {
        // The async functions only wait for the response; reading it is a plain function
        // (rustc checks and compiles far less per operation than with a wait per status).
        // Clippy does not weigh an async function's return type, but it does the `read`
        // function's: a deeply nested body type (maps of maps in a list) is allowed there.
        let nested = |ty: &TokenStream, wrappers: usize| {
            let allow = ty.to_string().matches('<').count() + wrappers >= 4;
            allow.then(|| quote!(#[allow(clippy::type_complexity)]))
        };
        let short_allow = nested(&short_ty, 1);
        let full_allow = nested(&full_ty, 2);
        quote! {
            #request

            #doc_tokens
            #cfg
            #deprecated
            #[inline]
            pub fn #fn_name(&self, #(#decls),*) -> ::paragon_runtime::Call<#short_ty> {
                #[inline]
                #short_allow
                fn read(raw: ::paragon_runtime::Received) -> Result<#short_ty, ::paragon_runtime::Error> {
                    match raw.status().as_u16() {
                        #short_arms
                        #documented_error_arm
                    }
                }
                self.#request_fn(#(#names),*).call(read)
            }

            #[doc = #with_response_doc]
            #cfg
            #deprecated
            #[inline]
            pub fn #with_response_fn(&self, #(#decls),*) -> ::paragon_runtime::Call<::paragon_runtime::Response<#full_ty>> {
                #[inline]
                #full_allow
                fn read(raw: ::paragon_runtime::Received) -> Result<::paragon_runtime::Response<#full_ty>, ::paragon_runtime::Error> {
                    Ok(match raw.status().as_u16() {
                        #full_arms
                    })
                }
                self.#request_fn(#(#names),*).call(read)
            }
        }
    };
    if let Some(page) = &op.pagination {
        fns.extend(cfg.clone());
        fns.extend(stream_fn(
            api,
            op,
            &args,
            page,
            &short_ty,
            &short_arms,
            &documented_error_arm,
        ));
    }
    (items, fns)
}

/// Whether a response of `op` is a body streamed to the caller (read on a `RawResponse`).
fn streams_a_body(op: &Operation) -> bool {
    op.responses.iter().any(|r| r.body == ResponseBody::Binary)
}

fn stream_fn(
    api: &Api,
    op: &Operation,
    args: &[Arg],
    page: &crate::ir::operations::Pagination,
    page_ty: &TokenStream,
    short_arms: &TokenStream,
    error_arm: &TokenStream,
) -> TokenStream {
    let streamed = streams_a_body(op);
    let fn_name = ident(&op.fn_name);
    let stream_fn = format_ident!("{}_stream", op.fn_name);
    let item = ty_tokens(api, &page.item);
    let decls = args.iter().map(|a| &a.decl);
    let owned = args.iter().map(|a| {
        let n = &a.name;
        let t = &a.owned_ty;
        let e = &a.to_owned;
        quote!(let #n: #t = #e;)
    });
    let pass: Vec<_> = args.iter().map(|a| &a.pass_owned).collect();
    let next_field = ident(&page.next_field);
    let items_field = ident(&page.items_field);
    let next = if page.next_optional {
        quote!(page.#next_field.clone())
    } else {
        quote!(Some(page.#next_field.clone()))
    };
    let items = if page.items_optional {
        quote!(page.#items_field.unwrap_or_default())
    } else {
        quote!(page.#items_field)
    };
    let head = request_head(op, quote!(SECURITY_SCHEMES));
    let fetch = match &page.kind {
        PageKind::Cursor { param } => {
            let cursor = ident(&op.params[*param].name);
            quote! {
                let mut options = options.clone();
                options.#cursor = Some(__page_token);
                this.#fn_name(#(#pass),*).await
            }
        }
        PageKind::Link => {
            let send = if streamed {
                quote!(send)
            } else {
                quote!(fetch)
            };
            quote! {
            let raw = this.runtime.request_url(::paragon_runtime::reqwest::Method::GET, &__page_token)
                #head
                .#send()
                .await?;
            match raw.status().as_u16() {
                #short_arms
                #error_arm
            }
            }
        }
    };
    let clones: Vec<TokenStream> = args
        .iter()
        .filter(|a| !a.is_copy)
        .map(|a| {
            let n = &a.name;
            quote!(let #n = #n.clone();)
        })
        .collect();
    let fetch_clones = match page.kind {
        PageKind::Cursor { .. } => quote!(#(#clones)*),
        PageKind::Link => quote!(),
    };
    let doc = format!(
        " Every item of [`Client::{}`], following the pages the server links until the last one.",
        op.fn_name
    );
    // A deprecated operation's stream is deprecated too; inside it, calling the operation is
    // not a use to warn about.
    let deprecated = op
        .deprecated
        .then(|| quote!(#[deprecated] #[allow(deprecated)]));
    quote! {
        #[doc = #doc]
        #deprecated
        #[inline]
        pub fn #stream_fn(&self, #(#decls),*) -> impl ::paragon_runtime::futures_util::Stream<Item = Result<#item, ::paragon_runtime::Error>> + Send + 'static {
            let this = self.clone();
            #(#owned)*
            let first = {
                let this = this.clone();
                #(#clones)*
                async move { this.#fn_name(#(#pass),*).await }
            };
            ::paragon_runtime::paginate_with(
                this.runtime.limits().max_pages,
                first,
                |page: &#page_ty| #next,
                // Named so that no parameter of the operation (Slack's have `token`) is shadowed.
                move |__page_token: String| {
                    let this = this.clone();
                    #fetch_clones
                    async move { #fetch }
                },
                |page: #page_ty| #items,
            )
        }
    }
}
