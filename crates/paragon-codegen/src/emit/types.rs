//! [`TypeDef`]s to Rust items.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use super::doc_attrs;
use crate::ir::{Api, Ty, TypeDef, TypeKind, UnionVariant};

pub(crate) fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// The Rust type for a [`Ty`] of an API.
pub fn ty_tokens(api: &Api, ty: &Ty) -> TokenStream {
    ty_tokens_in(&api.types, ty, None)
}

/// The Rust type for a [`Ty`] whose named types are in `types`, written as `prefix::Name` when a
/// prefix is given (a workflow module naming an API module's types).
pub fn ty_tokens_in(types: &[TypeDef], ty: &Ty, prefix: Option<&TokenStream>) -> TokenStream {
    match ty {
        Ty::String => quote!(String),
        Ty::Prim(p) => {
            let p = ident(p);
            quote!(#p)
        }
        Ty::Json => quote!(::paragon_runtime::serde_json::Value),
        Ty::JsonObject => {
            quote!(::paragon_runtime::serde_json::Map<String, ::paragon_runtime::serde_json::Value>)
        }
        Ty::DateTime => quote!(::paragon_runtime::DateTime),
        Ty::Date => quote!(::paragon_runtime::Date),
        Ty::File => quote!(::paragon_runtime::FilePart),
        Ty::Named(id) => {
            let name = ident(&types[*id].name);
            quote!(#prefix #name)
        }
        Ty::Vec(inner) => {
            let inner = ty_tokens_in(types, inner, prefix);
            quote!(Vec<#inner>)
        }
        Ty::Map(inner) => {
            let inner = ty_tokens_in(types, inner, prefix);
            quote!(::std::collections::BTreeMap<String, #inner>)
        }
        Ty::Option(inner) => {
            let inner = ty_tokens_in(types, inner, prefix);
            quote!(Option<#inner>)
        }
        Ty::Boxed(inner) => {
            let inner = ty_tokens_in(types, inner, prefix);
            quote!(Box<#inner>)
        }
    }
}

/// Whether values of `ty` can be compared with `Eq` and hashed (no floats, no JSON).
fn total_eq(types: &[TypeDef], ty: &Ty, depth: usize) -> bool {
    if depth > 32 {
        return false;
    }
    match ty {
        Ty::String | Ty::DateTime | Ty::Date => true,
        Ty::Prim(p) => !p.starts_with('f'),
        Ty::Json | Ty::JsonObject | Ty::Map(_) | Ty::File => false,
        Ty::Vec(i) | Ty::Option(i) | Ty::Boxed(i) => total_eq(types, i, depth + 1),
        Ty::Named(id) => matches!(types[*id].kind, TypeKind::StringEnum { .. }),
    }
}

const SERDE_CRATE: &str = "::paragon_runtime::serde";

/// All named types of an API.
pub fn types(api: &Api) -> TokenStream {
    types_of(&api.types)
}

/// Types per part of [`types_part`].
pub const TYPES_PER_PART: usize = 128;

/// How many parts [`types_part`] splits the types into.
pub fn types_parts(api: &Api) -> usize {
    api.types.len().div_ceil(TYPES_PER_PART)
}

/// Part `k` of [`types`]: the definitions of types `k * TYPES_PER_PART ..`.
pub fn types_part(api: &Api, k: usize) -> TokenStream {
    api.types
        .iter()
        .skip(k * TYPES_PER_PART)
        .take(TYPES_PER_PART)
        .map(|t| type_def(&api.types, t))
        .collect()
}

/// Definitions of every type in `types`.
pub fn types_of(types: &[TypeDef]) -> TokenStream {
    types.iter().map(|t| type_def(types, t)).collect()
}

fn type_def(types: &[TypeDef], t: &TypeDef) -> TokenStream {
    let name = ident(&t.name);
    let doc = doc_attrs(t.doc.as_deref());
    match &t.kind {
        TypeKind::Struct { fields, extra } => {
            let all_optional = fields.iter().all(|f| matches!(f.ty, Ty::Option(_)));
            let default = all_optional.then(|| quote!(Default,));
            let eq = (extra.is_none() && fields.iter().all(|f| total_eq(types, &f.ty, 0)))
                .then(|| quote!(Eq,));
            let mut field_tokens: Vec<TokenStream> = fields
                .iter()
                .map(|f| {
                    let fname = ident(&f.name);
                    let fty = ty_tokens_in(types, &f.ty, None);
                    let fdoc = doc_attrs(f.doc.as_deref());
                    let wire = &f.wire;
                    let rename = (f.name != *wire).then(|| quote!(rename = #wire,));
                    let skip = (!f.required && matches!(f.ty, Ty::Option(_)))
                        .then(|| quote!(default, skip_serializing_if = "Option::is_none",));
                    let attr = (rename.is_some() || skip.is_some())
                        .then(|| quote!(#[serde(#rename #skip)]));
                    quote! { #fdoc #attr pub #fname: #fty, }
                })
                .collect();
            if let Some(extra) = extra {
                let mut fname = "additional_properties".to_owned();
                while fields.iter().any(|f| f.name == fname) {
                    fname.push('_');
                }
                let fname = ident(&fname);
                let vty = ty_tokens_in(types, extra, None);
                field_tokens.push(quote! {
                    /// Members not listed in the schema's `properties`.
                    #[serde(flatten)]
                    pub #fname: ::std::collections::BTreeMap<String, #vty>,
                });
            }
            quote! {
                #doc
                #[derive(Debug, Clone, PartialEq, #eq #default ::paragon_runtime::serde::Serialize, ::paragon_runtime::serde::Deserialize)]
                #[serde(crate = #SERDE_CRATE)]
                pub struct #name { #(#field_tokens)* }
            }
        }
        TypeKind::StringEnum { variants } => {
            let mut other = "Unknown".to_owned();
            while variants.iter().any(|v| v.name == other) {
                other.push_str("Value");
            }
            let other = ident(&other);
            let vnames: Vec<Ident> = variants.iter().map(|v| ident(&v.name)).collect();
            let wires: Vec<&str> = variants.iter().map(|v| v.wire.as_str()).collect();
            let vdocs = wires.iter().map(|w| format!(" `{w}`"));
            quote! {
                #doc
                #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, ::paragon_runtime::serde::Serialize, ::paragon_runtime::serde::Deserialize)]
                #[serde(crate = #SERDE_CRATE, from = "String", into = "String")]
                pub enum #name {
                    #( #[doc = #vdocs] #vnames, )*
                    /// A value this client does not know, kept as sent.
                    #other(String),
                }
                impl #name {
                    /// The value as it appears on the wire.
                    pub fn as_str(&self) -> &str {
                        match self {
                            #( Self::#vnames => #wires, )*
                            Self::#other(value) => value,
                        }
                    }
                }
                impl From<String> for #name {
                    fn from(value: String) -> Self {
                        match value.as_str() {
                            #( #wires => Self::#vnames, )*
                            _ => Self::#other(value),
                        }
                    }
                }
                impl From<&str> for #name {
                    fn from(value: &str) -> Self {
                        Self::from(value.to_owned())
                    }
                }
                impl From<#name> for String {
                    fn from(value: #name) -> Self {
                        match value {
                            #name::#other(value) => value,
                            known => known.as_str().to_owned(),
                        }
                    }
                }
                impl ::std::fmt::Display for #name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(self.as_str())
                    }
                }
            }
        }
        TypeKind::Union { tag, variants } => union_def(types, &name, doc, tag.as_deref(), variants),
        TypeKind::Pending => TokenStream::new(),
    }
}

fn union_def(
    types: &[TypeDef],
    name: &Ident,
    doc: TokenStream,
    tag: Option<&str>,
    variants: &[UnionVariant],
) -> TokenStream {
    let vnames: Vec<Ident> = variants.iter().map(|v| ident(&v.name)).collect();
    let vtys: Vec<TokenStream> = variants
        .iter()
        .map(|v| ty_tokens_in(types, &v.ty, None))
        .collect();
    let Some(tag) = tag else {
        return quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, ::paragon_runtime::serde::Serialize, ::paragon_runtime::serde::Deserialize)]
            #[serde(crate = #SERDE_CRATE, untagged)]
            pub enum #name { #( #vnames(#vtys), )* }
        };
    };
    let mut other = "Unknown".to_owned();
    while variants.iter().any(|v| v.name == other) {
        other.push_str("Variant");
    }
    let other = ident(&other);
    let tag_values: Vec<&str> = variants
        .iter()
        .map(|v| v.tag_value.as_deref().unwrap_or_default())
        .collect();
    let vdocs = tag_values.iter().map(|t| format!(" `{tag}: {t}`"));
    let other_doc = format!(" A `{tag}` this client does not know, kept as sent.");
    let err = format_ident!("D");
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, ::paragon_runtime::serde::Serialize)]
        #[serde(crate = #SERDE_CRATE, untagged)]
        pub enum #name {
            #( #[doc = #vdocs] #vnames(#vtys), )*
            #[doc = #other_doc]
            #other(::paragon_runtime::serde_json::Value),
        }
        impl<'de> ::paragon_runtime::serde::Deserialize<'de> for #name {
            fn deserialize<#err: ::paragon_runtime::serde::Deserializer<'de>>(deserializer: #err) -> Result<Self, #err::Error> {
                use ::paragon_runtime::serde::de::Error as _;
                let value = <::paragon_runtime::serde_json::Value as ::paragon_runtime::serde::Deserialize>::deserialize(deserializer)?;
                let tag = value.get(#tag).and_then(|t| t.as_str()).map(str::to_owned);
                match tag.as_deref() {
                    #( Some(#tag_values) => ::paragon_runtime::serde_json::from_value(value).map(Self::#vnames).map_err(#err::Error::custom), )*
                    _ => Ok(Self::#other(value)),
                }
            }
        }
    }
}
