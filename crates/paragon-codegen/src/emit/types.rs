//! [`TypeDef`]s to Rust items, written as formatted source text.
//!
//! Types are most of a large API's module (three quarters of its bytes), and their shapes are
//! few and regular, so they are written here already formatted instead of being built as tokens
//! and parsed back for prettyplease: that round trip was the largest cost of generating a large
//! document. Where tokens are needed (the macro, a workflow's input types) the text is lexed.

use std::fmt::Write as _;

use proc_macro2::{Ident, Span, TokenStream};

use super::doc_lines;
use crate::ir::{Api, Ty, TypeDef, TypeKind, UnionVariant};

pub(crate) fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// The Rust type for a [`Ty`] of an API.
pub fn ty_tokens(api: &Api, ty: &Ty) -> TokenStream {
    ty_tokens_in(&api.types, ty, "")
}

/// The Rust type for a [`Ty`] whose named types are in `types`, written as `prefix::Name` when a
/// prefix is given (a workflow module naming an API module's types).
pub fn ty_tokens_in(types: &[TypeDef], ty: &Ty, prefix: &str) -> TokenStream {
    let mut s = String::new();
    ty_text(types, ty, prefix, &mut s);
    lex(&s)
}

/// Tokens of text this module wrote. It always lexes; were it not to (a bug here), the tokens
/// are a `compile_error!` saying so, never a panic in a build script or a proc-macro.
pub(crate) fn lex(text: &str) -> TokenStream {
    text.parse().unwrap_or_else(|e| {
        let msg = format!("internal: paragon-codegen wrote Rust that does not lex: {e}");
        quote::quote!(::core::compile_error!(#msg);)
    })
}

/// Appends the Rust spelling of `ty` to `out`.
pub fn ty_text(types: &[TypeDef], ty: &Ty, prefix: &str, out: &mut String) {
    let wrap = |open: &str, inner: &Ty, out: &mut String| {
        out.push_str(open);
        ty_text(types, inner, prefix, out);
        out.push('>');
    };
    match ty {
        Ty::String => out.push_str("String"),
        Ty::Prim(p) => out.push_str(p),
        Ty::Json => out.push_str("::paragon_runtime::serde_json::Value"),
        Ty::JsonObject => out.push_str(
            "::paragon_runtime::serde_json::Map<String, ::paragon_runtime::serde_json::Value>",
        ),
        Ty::DateTime => out.push_str("::paragon_runtime::DateTime"),
        Ty::Date => out.push_str("::paragon_runtime::Date"),
        Ty::File => out.push_str("::paragon_runtime::FilePart"),
        Ty::Binary => out.push_str("::paragon_runtime::arazzo::Binary"),
        Ty::Named(id) => {
            out.push_str(prefix);
            out.push_str(&types[*id].name);
        }
        Ty::Vec(inner) => wrap("Vec<", inner, out),
        Ty::Map(inner) => wrap("::std::collections::BTreeMap<String, ", inner, out),
        Ty::Option(inner) => wrap("Option<", inner, out),
        Ty::Boxed(inner) => wrap("Box<", inner, out),
    }
}

/// Whether values of `ty` can be compared with `Eq` and hashed (no floats, no JSON).
fn total_eq(types: &[TypeDef], ty: &Ty, depth: usize) -> bool {
    if depth > 32 {
        return false;
    }
    match ty {
        Ty::String | Ty::DateTime | Ty::Date | Ty::Binary => true,
        Ty::Prim(p) => !p.starts_with('f'),
        Ty::Json | Ty::JsonObject | Ty::Map(_) | Ty::File => false,
        Ty::Vec(i) | Ty::Option(i) | Ty::Boxed(i) => total_eq(types, i, depth + 1),
        Ty::Named(id) => matches!(types[*id].kind, TypeKind::StringEnum { .. }),
    }
}

const SERDE: &str = "::paragon_runtime::serde";

/// The widest line the writer puts a list on; longer lists get one item per line.
const WIDTH: usize = 100;

/// Types per part of [`types_part`].
pub const TYPES_PER_PART: usize = 128;

/// How many parts [`types_part`] splits the types into.
pub fn types_parts(api: &Api) -> usize {
    api.types.len().div_ceil(TYPES_PER_PART)
}

/// Part `k` of the API's types as formatted source: the definitions of types `k * TYPES_PER_PART ..`.
pub fn types_part_text(api: &Api, k: usize) -> String {
    let mut out = String::new();
    for t in api
        .types
        .iter()
        .skip(k * TYPES_PER_PART)
        .take(TYPES_PER_PART)
    {
        type_def(&api.types, t, &mut Writer::new(&mut out));
    }
    out
}

/// Part `k` of the API's types, as tokens.
pub fn types_part(api: &Api, k: usize) -> TokenStream {
    lex(&types_part_text(api, k))
}

/// Definitions of every type in `types`, as formatted source at `indent` levels.
pub fn types_text(types: &[TypeDef], indent: usize) -> String {
    let mut out = String::new();
    for t in types {
        let mut w = Writer::new(&mut out);
        w.indent = indent;
        type_def(types, t, &mut w);
    }
    out
}

/// Definitions of every type in `types`, as tokens.
pub fn types_of(types: &[TypeDef]) -> TokenStream {
    lex(&types_text(types, 0))
}

/// Writes lines at an indentation of four spaces per level.
struct Writer<'a> {
    out: &'a mut String,
    indent: usize,
}

impl<'a> Writer<'a> {
    fn new(out: &'a mut String) -> Self {
        Writer { out, indent: 0 }
    }

    /// One line; `{` at its end opens a level, `}` at its start closes one.
    fn line(&mut self, text: &str) {
        if text.starts_with('}') || text.starts_with(')') {
            self.indent = self.indent.saturating_sub(1);
        }
        if !text.is_empty() {
            for _ in 0..self.indent {
                self.out.push_str("    ");
            }
        }
        self.out.push_str(text);
        self.out.push('\n');
        if text.ends_with('{') || text.ends_with('(') {
            self.indent += 1;
        }
    }

    /// Several lines, each as [`Writer::line`] (leading space in `text` is ignored: the writer
    /// indents).
    fn lines(&mut self, text: &str) {
        for l in text.lines() {
            self.line(l.trim_start());
        }
    }

    fn doc(&mut self, doc: Option<&str>) {
        for l in doc_lines(doc) {
            if l.chars()
                .any(|c| (c.is_control() && c != '\t') || is_bidi(c))
            {
                // A comment cannot hold a bare CR, and rustc denies text-direction controls in
                // comments (other controls read badly): an attribute with an escaped string
                // holds them all.
                self.line(&format!("#[doc = {l:?}]"));
            } else {
                self.line(format!("///{l}").trim_end());
            }
        }
    }

    /// `#[derive(...)]` on one line when it fits, else one name per line.
    fn derive(&mut self, names: &[&str]) {
        let one = format!("#[derive({})]", names.join(", "));
        if self.indent * 4 + one.len() <= WIDTH {
            self.line(&one);
        } else {
            self.line("#[derive(");
            for n in names {
                self.line(&format!("{n},"));
            }
            self.line(")]");
        }
    }
}

/// The text-direction controls rustc denies unescaped in comments and literals.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn type_def(types: &[TypeDef], t: &TypeDef, w: &mut Writer<'_>) {
    let name = t.name.as_str();
    match &t.kind {
        TypeKind::Struct { fields, extra } => {
            w.doc(t.doc.as_deref());
            let all_optional = fields.iter().all(|f| matches!(f.ty, Ty::Option(_)));
            let eq = extra.is_none() && fields.iter().all(|f| total_eq(types, &f.ty, 0));
            let mut derives = vec!["Debug", "Clone", "PartialEq"];
            derives.extend(eq.then_some("Eq"));
            derives.extend(all_optional.then_some("Default"));
            derives.extend([
                "::paragon_runtime::serde::Serialize",
                "::paragon_runtime::serde::Deserialize",
            ]);
            w.derive(&derives);
            serde_attr(w, t, "");
            if fields.is_empty() && extra.is_none() {
                w.line(&format!("pub struct {name} {{}}"));
                remote_impls(w, t);
                return;
            }
            w.line(&format!("pub struct {name} {{"));
            let mut line = String::new();
            for f in fields {
                w.doc(f.doc.as_deref());
                let mut attrs = Vec::new();
                if f.name != f.wire {
                    attrs.push(format!("rename = {:?}", f.wire));
                }
                if !f.required && matches!(f.ty, Ty::Option(_)) {
                    attrs.push("default, skip_serializing_if = \"Option::is_none\"".to_owned());
                }
                if !attrs.is_empty() {
                    w.line(&format!("#[serde({})]", attrs.join(", ")));
                }
                line.clear();
                let _ = write!(line, "pub {}: ", f.name);
                ty_text(types, &f.ty, "", &mut line);
                line.push(',');
                w.line(&line);
            }
            if let Some(extra) = extra {
                let mut fname = "additional_properties".to_owned();
                while fields.iter().any(|f| f.name == fname) {
                    fname.push('_');
                }
                w.line("/// Members not listed in the schema's `properties`.");
                w.line("#[serde(flatten)]");
                line.clear();
                let _ = write!(line, "pub {fname}: ::std::collections::BTreeMap<String, ");
                ty_text(types, extra, "", &mut line);
                line.push_str(">,");
                w.line(&line);
            }
            w.line("}");
            remote_impls(w, t);
        }
        TypeKind::StringEnum { variants } => {
            let mut other = "Unknown".to_owned();
            while variants.iter().any(|v| v.name == other) {
                other.push_str("Value");
            }
            w.doc(t.doc.as_deref());
            let mut derives = vec![
                "Debug",
                "Clone",
                "PartialEq",
                "Eq",
                "Hash",
                "PartialOrd",
                "Ord",
                "::paragon_runtime::serde::Serialize",
            ];
            if t.schema.is_none() {
                derives.push("::paragon_runtime::serde::Deserialize");
                w.derive(&derives);
                w.line(&format!(
                    "#[serde(crate = {SERDE:?}, from = \"String\", into = \"String\")]"
                ));
            } else {
                w.derive(&derives);
                w.line(&format!("#[serde(crate = {SERDE:?}, into = \"String\")]"));
            }
            w.line(&format!("pub enum {name} {{"));
            for v in variants {
                w.doc(Some(&format!("`{}`", v.wire)));
                w.line(&format!("{},", v.name));
            }
            w.line("/// A value this client does not know, kept as sent.");
            w.line(&format!("{other}(String),"));
            w.line("}");
            let arms = |arm: &dyn Fn(&str, &str) -> String| -> String {
                variants.iter().map(|v| arm(&v.name, &v.wire)).collect()
            };
            let as_str = arms(&|v, wire| format!("Self::{v} => {wire:?},\n"));
            let from = arms(&|v, wire| format!("{wire:?} => Self::{v},\n"));
            w.lines(&format!(
                "impl {name} {{
                /// The value as it appears on the wire.
                pub fn as_str(&self) -> &str {{
                match self {{
                {as_str}Self::{other}(value) => value,
                }}
                }}
                }}
                impl From<String> for {name} {{
                fn from(value: String) -> Self {{
                match value.as_str() {{
                {from}_ => Self::{other}(value),
                }}
                }}
                }}
                impl From<&str> for {name} {{
                fn from(value: &str) -> Self {{
                Self::from(value.to_owned())
                }}
                }}
                impl From<{name}> for String {{
                fn from(value: {name}) -> Self {{
                match value {{
                {name}::{other}(value) => value,
                known => known.as_str().to_owned(),
                }}
                }}
                }}
                impl ::std::fmt::Display for {name} {{
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {{
                f.write_str(self.as_str())
                }}
                }}"
            ));
            checked_decode(w, t, "String", "Self::from");
        }
        TypeKind::Union { tag, variants } => {
            w.doc(t.doc.as_deref());
            union_def(types, t, tag.as_deref(), variants, w);
        }
        TypeKind::Newtype { inner } => {
            w.doc(t.doc.as_deref());
            let mut derives = vec!["Debug", "Clone"];
            if matches!(inner, Ty::Prim(_)) {
                derives.push("Copy");
            }
            derives.push("PartialEq");
            if total_eq(types, inner, 0) {
                derives.extend(["Eq", "Hash"]);
            }
            derives.push("::paragon_runtime::serde::Serialize");
            let mut inner_text = String::new();
            ty_text(types, inner, "", &mut inner_text);
            if t.schema.is_none() {
                derives.push("::paragon_runtime::serde::Deserialize");
                w.derive(&derives);
                w.line(&format!("#[serde(crate = {SERDE:?}, transparent)]"));
                w.line(&format!("pub struct {name}(pub {inner_text});"));
                return;
            }
            w.derive(&derives);
            w.line(&format!("#[serde(crate = {SERDE:?}, transparent)]"));
            w.line(&format!("pub struct {name}({inner_text});"));
            let at = t.schema.as_deref().unwrap_or_default();
            w.lines(&format!(
                "impl ::std::convert::TryFrom<{inner_text}> for {name} {{
                type Error = ::paragon_runtime::schema::Invalid;
                /// Checks the value against the schema.
                fn try_from(value: {inner_text}) -> Result<Self, Self::Error> {{
                SCHEMA.check_serialized({at:?}, &value)?;
                Ok(Self(value))
                }}
                }}
                impl ::std::ops::Deref for {name} {{
                type Target = {inner_text};
                fn deref(&self) -> &Self::Target {{
                &self.0
                }}
                }}
                impl {name} {{
                /// The value inside.
                pub fn into_inner(self) -> {inner_text} {{
                self.0
                }}
                }}"
            ));
            checked_decode(w, t, &inner_text, "Self");
        }
        TypeKind::Pending => {}
    }
}

fn union_def(
    types: &[TypeDef],
    t: &TypeDef,
    tag: Option<&str>,
    variants: &[UnionVariant],
    w: &mut Writer<'_>,
) {
    let variant = |v: &UnionVariant| {
        let mut s = format!("{}(", v.name);
        ty_text(types, &v.ty, "", &mut s);
        s.push_str("),");
        s
    };
    let name = t.name.as_str();
    let Some(tag) = tag else {
        w.derive(&[
            "Debug",
            "Clone",
            "PartialEq",
            "::paragon_runtime::serde::Serialize",
            "::paragon_runtime::serde::Deserialize",
        ]);
        serde_attr(w, t, ", untagged");
        w.line(&format!("pub enum {name} {{"));
        for v in variants {
            w.line(&variant(v));
        }
        w.line("}");
        remote_impls(w, t);
        return;
    };
    let mut other = "Unknown".to_owned();
    while variants.iter().any(|v| v.name == other) {
        other.push_str("Variant");
    }
    let tag_value = |v: &UnionVariant| v.tag_value.clone().unwrap_or_default();
    w.derive(&[
        "Debug",
        "Clone",
        "PartialEq",
        "::paragon_runtime::serde::Serialize",
    ]);
    w.line(&format!("#[serde(crate = {SERDE:?}, untagged)]"));
    w.line(&format!("pub enum {name} {{"));
    for v in variants {
        w.doc(Some(&format!("`{tag}: {}`", tag_value(v))));
        w.line(&variant(v));
    }
    w.doc(Some(&format!(
        "A `{tag}` this client does not know, kept as sent."
    )));
    w.line(&format!("{other}(::paragon_runtime::serde_json::Value),"));
    w.line("}");
    // A checked union decodes by tag in an inherent function, and its `Deserialize` checks
    // the schema first.
    if t.schema.is_some() {
        w.line(&format!("impl {name} {{"));
        w.line("fn deserialize<'de, D: ::paragon_runtime::serde::Deserializer<'de>>(");
    } else {
        w.line(&format!(
            "impl<'de> ::paragon_runtime::serde::Deserialize<'de> for {name} {{"
        ));
        w.line("fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(");
    }
    w.line("deserializer: D,");
    w.line(") -> Result<Self, D::Error> {");
    w.line("use ::paragon_runtime::serde::de::Error as _;");
    w.line("let value = <::paragon_runtime::serde_json::Value as ::paragon_runtime::serde::Deserialize>::deserialize(");
    w.line("deserializer,");
    w.line(")?;");
    w.line(&format!(
        "let tag = value.get({tag:?}).and_then(|t| t.as_str()).map(str::to_owned);"
    ));
    w.line("match tag.as_deref() {");
    // Two alternatives with the same tag value (a mapping that names one value twice, or
    // schemas that share a `const`): the first one decodes it, as a reader of the document
    // would try them in order; a second arm could never be reached.
    let mut seen: Vec<String> = Vec::new();
    for v in variants {
        let tag = tag_value(v);
        if seen.contains(&tag) {
            continue;
        }
        seen.push(tag.clone());
        w.line(&format!(
            "Some({tag:?}) => ::paragon_runtime::serde_json::from_value(value)"
        ));
        w.indent += 1;
        w.line(&format!(".map(Self::{})", v.name));
        w.line(".map_err(D::Error::custom),");
        w.indent -= 1;
    }
    w.line(&format!("_ => Ok(Self::{other}(value)),"));
    w.line("}");
    w.line("}");
    w.line("}");
    if t.schema.is_some() {
        decode_impl(w, t, "Self::deserialize", "Self::deserialize");
    }
}

/// The `#[serde(...)]` line of a derived type: `remote = "Self"` when it is checked, so the
/// derive writes inherent functions that [`remote_impls`] wraps in the check.
fn serde_attr(w: &mut Writer<'_>, t: &TypeDef, more: &str) {
    if t.schema.is_some() {
        w.line(&format!(
            "#[serde(crate = {SERDE:?}, remote = \"Self\"{more})]"
        ));
    } else {
        w.line(&format!("#[serde(crate = {SERDE:?}{more})]"));
    }
}

/// The `Serialize` and checking `Deserialize` impls over the inherent functions a
/// `remote = "Self"` derive writes.
fn remote_impls(w: &mut Writer<'_>, t: &TypeDef) {
    if t.schema.is_none() {
        return;
    }
    w.lines(&format!(
        "impl ::paragon_runtime::serde::Serialize for {} {{
        fn serialize<S: ::paragon_runtime::serde::Serializer>(
        &self,
        serializer: S,
        ) -> Result<S::Ok, S::Error> {{
        Self::serialize(self, serializer)
        }}
        }}",
        t.name
    ));
    decode_impl(w, t, "Self::deserialize", "Self::deserialize");
}

/// A checking `Deserialize` for a type that reads as `inner` and is made by `make`.
fn checked_decode(w: &mut Writer<'_>, t: &TypeDef, inner: &str, make: &str) {
    if t.schema.is_none() {
        return;
    }
    let read = format!("<{inner} as ::paragon_runtime::serde::Deserialize>::deserialize");
    decode_impl(
        w,
        t,
        &format!("|d| {read}(d).map({make})"),
        &format!("|v| {read}(v).map({make})"),
    );
}

/// `Deserialize` through `paragon_runtime::schema::decode`, and `validate()` for values built
/// in code.
fn decode_impl(w: &mut Writer<'_>, t: &TypeDef, direct: &str, checked: &str) {
    let at = t.schema.as_deref().unwrap_or_default();
    w.lines(&format!(
        "impl<'de> ::paragon_runtime::serde::Deserialize<'de> for {name} {{
        fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(
        deserializer: D,
        ) -> Result<Self, D::Error> {{
        ::paragon_runtime::schema::decode(
        deserializer,
        &SCHEMA,
        {at:?},
        {direct},
        {checked},
        )
        }}
        }}
        impl {name} {{
        /// Checks the value against the schema it was generated from (decoded values are
        /// checked already; this is for values built in code).
        pub fn validate(&self) -> Result<(), ::paragon_runtime::schema::Invalid> {{
        SCHEMA.check_serialized({at:?}, self)
        }}
        }}",
        name = t.name
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{EnumVariant, Field};

    fn field(name: &str, wire: &str, ty: Ty, doc: Option<&str>) -> Field {
        Field {
            name: name.into(),
            wire: wire.into(),
            ty,
            required: false,
            doc: doc.map(Into::into),
        }
    }

    /// Text from descriptions and wire names of any content lexes, and says the same as written:
    /// quotes, backslashes and `*/` in strings, and a bare CR (which a `///` comment cannot hold)
    /// in an attribute.
    #[test]
    fn written_types_lex_whatever_the_document_says() {
        let types = vec![
            TypeDef {
                schema: None,
                name: "Odd".into(),
                doc: Some(
                    "a \"quoted\" \\ */ line\rwith a bare CR\n\nsecond\nthird \u{202e}".into(),
                ),
                kind: TypeKind::Struct {
                    fields: vec![
                        field(
                            "a",
                            "a\"b\\c",
                            Ty::Option(Box::new(Ty::String)),
                            Some("/* x"),
                        ),
                        field("kind", "kind", Ty::Named(1), None),
                    ],
                    extra: Some(Ty::Json),
                },
            },
            TypeDef {
                schema: None,
                name: "Kind".into(),
                doc: None,
                kind: TypeKind::StringEnum {
                    variants: vec![EnumVariant {
                        name: "Quote".into(),
                        wire: "\"\u{2028}\u{202e}".into(),
                    }],
                },
            },
        ];
        let text = types_text(&types, 0);
        let tokens: TokenStream = text.parse().expect("lexes");
        let file: syn::File = syn::parse2(tokens).expect("parses as items");
        assert_eq!(file.items.len(), 7, "{text}");
        assert!(
            text.contains("#[doc = \" a \\\"quoted\\\" \\\\ */ line\\rwith a bare CR\"]"),
            "{text}"
        );
        assert!(text.contains("/// second\n"), "{text}");
        assert!(text.contains("#[doc = \" third \\u{202e}\"]"), "{text}");
        assert!(!text.contains('\u{202e}'), "{text}");
        assert!(
            text.contains("#[serde(rename = \"a\\\"b\\\\c\", default, skip_serializing_if"),
            "{text}"
        );
        assert!(text.contains("pub additional_properties: ::std::collections::BTreeMap<String, ::paragon_runtime::serde_json::Value>,"), "{text}");
        assert!(
            text.contains("\"\\\"\\u{2028}\\u{202e}\" => Self::Quote,"),
            "{text}"
        );
    }

    /// A derive list that fits stays on one line; one that does not gets a name per line, and
    /// nesting indents by four spaces.
    #[test]
    fn derives_wrap_at_the_width_and_nesting_indents() {
        let types = vec![TypeDef {
            schema: None,
            name: "Small".into(),
            doc: None,
            kind: TypeKind::Union {
                tag: None,
                variants: vec![crate::ir::UnionVariant {
                    name: "A".into(),
                    ty: Ty::String,
                    tag_value: None,
                }],
            },
        }];
        let text = types_text(&types, 1);
        assert!(
            text.starts_with("    #[derive(\n        Debug,\n"),
            "{text}"
        );
        assert!(
            text.contains("\n    pub enum Small {\n        A(String),\n    }\n"),
            "{text}"
        );
    }
}
