//! [`TypeDef`]s to Rust items, written as formatted source text.
//!
//! Types are most of a large API's module (three quarters of its bytes), and their shapes are
//! few and regular, so they are written here already formatted instead of being built as tokens
//! and parsed back for prettyplease: that round trip was the largest cost of generating a large
//! document. Where tokens are needed (the macro, a workflow's input types) the text is lexed.

use std::fmt::Write as _;

use proc_macro2::{Ident, Span, TokenStream};

use super::doc_lines;
use crate::ir::select::Gate;
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
    let mut one = String::new();
    for (i, t) in api
        .types
        .iter()
        .enumerate()
        .skip(k * TYPES_PER_PART)
        .take(TYPES_PER_PART)
    {
        match api.gates.ty(i) {
            Gate::Always => type_def(&api.types, t, &mut Writer::new(&mut out)),
            Gate::Never => {}
            Gate::Features(names) => {
                one.clear();
                type_def(&api.types, t, &mut Writer::new(&mut one));
                let features: Vec<String> =
                    names.iter().map(|n| format!("feature = {n:?}")).collect();
                let cfg = match features.as_slice() {
                    [single] => format!("#[cfg({single})]"),
                    _ => format!("#[cfg(any({}))]", features.join(", ")),
                };
                gate_items(&one, &cfg, &mut out);
            }
        }
    }
    out
}

/// `text` (items written by [`type_def`] at the top level) with `cfg` before each item. An
/// item ends at a line at the top level that closes it: `}`, or one ending in `;` or `{}`.
fn gate_items(text: &str, cfg: &str, out: &mut String) {
    let mut at_start = true;
    for line in text.lines() {
        if at_start && !line.is_empty() {
            out.push_str(cfg);
            out.push('\n');
            at_start = false;
        }
        out.push_str(line);
        out.push('\n');
        let top = !line.starts_with([' ', '/', '#']);
        if top && (line == "}" || line.ends_with(';') || line.ends_with("{}")) {
            at_start = true;
        }
    }
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
            // Derived: what users of an API value reach for (print, copy, compare in a test),
            // and `Default` when every member may be absent. Not `Eq`/`Hash`/`Ord`: a struct
            // of a response is no map key, and each derive is code rustc checks per type.
            let mut derives = vec!["Debug", "Clone", "PartialEq"];
            derives.extend(all_optional.then_some("Default"));
            w.derive(&derives);
            let mut extra_name = "additional_properties".to_owned();
            while fields.iter().any(|f| f.name == extra_name) {
                extra_name.push('_');
            }
            if fields.is_empty() && extra.is_none() {
                w.line(&format!("pub struct {name} {{}}"));
            } else {
                w.line(&format!("pub struct {name} {{"));
                let mut line = String::new();
                for f in fields {
                    w.doc(f.doc.as_deref());
                    line.clear();
                    let _ = write!(line, "pub {}: ", f.name);
                    ty_text(types, &f.ty, "", &mut line);
                    line.push(',');
                    w.line(&line);
                }
                if let Some(extra) = extra {
                    w.line("/// Members not listed in the schema's `properties`.");
                    line.clear();
                    let _ = write!(
                        line,
                        "pub {extra_name}: ::std::collections::BTreeMap<String, "
                    );
                    ty_text(types, extra, "", &mut line);
                    line.push_str(">,");
                    w.line(&line);
                }
                w.line("}");
            }
            object_impls(
                types,
                t,
                fields,
                extra.as_ref().map(|ty| (&*extra_name, ty)),
                w,
            );
        }
        TypeKind::StringEnum { variants } => {
            let mut other = "Unknown".to_owned();
            while variants.iter().any(|v| v.name == other) {
                other.push_str("Value");
            }
            w.doc(t.doc.as_deref());
            // `Eq` and `Hash` so a value can key a map or a set. Not `Ord`: the order the
            // document lists values in says nothing about them.
            w.derive(&["Debug", "Clone", "PartialEq", "Eq", "Hash"]);
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
                #[inline]
                pub fn as_str(&self) -> &str {{
                match self {{
                {as_str}Self::{other}(value) => value,
                }}
                }}
                }}
                impl From<String> for {name} {{
                #[inline]
                fn from(value: String) -> Self {{
                match value.as_str() {{
                {from}_ => Self::{other}(value),
                }}
                }}
                }}
                impl From<&str> for {name} {{
                #[inline]
                fn from(value: &str) -> Self {{
                Self::from(value.to_owned())
                }}
                }}
                impl From<{name}> for String {{
                #[inline]
                fn from(value: {name}) -> Self {{
                match value {{
                {name}::{other}(value) => value,
                known => known.as_str().to_owned(),
                }}
                }}
                }}
                impl ::std::fmt::Display for {name} {{
                #[inline]
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {{
                f.write_str(self.as_str())
                }}
                }}"
            ));
            serialize_impl(
                w,
                name,
                "::paragon_runtime::codec::write_str(self.as_str(), serializer)",
            );
            deserialize_impl(w, t, |d| format!("::paragon_runtime::codec::string({d})"));
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
            let mut inner_text = String::new();
            ty_text(types, inner, "", &mut inner_text);
            w.derive(&derives);
            let read = |d: &str| {
                format!(
                    "<{inner_text} as ::paragon_runtime::serde::Deserialize>::deserialize({d}).map(Self)"
                )
            };
            if t.schema.is_none() {
                w.line(&format!("pub struct {name}(pub {inner_text});"));
                serialize_impl(w, name, SERIALIZE_INNER);
                deserialize_impl(w, t, read);
                return;
            }
            w.line(&format!("pub struct {name}({inner_text});"));
            serialize_impl(w, name, SERIALIZE_INNER);
            deserialize_impl(w, t, read);
            let at = t.schema.as_deref().unwrap_or_default();
            w.lines(&format!(
                "impl ::std::convert::TryFrom<{inner_text}> for {name} {{
                type Error = ::paragon_runtime::schema::Invalid;
                /// Checks the value against the schema.
                #[inline]
                fn try_from(value: {inner_text}) -> Result<Self, Self::Error> {{
                SCHEMA.check_serialized({at:?}, &value)?;
                Ok(Self(value))
                }}
                }}
                impl ::std::ops::Deref for {name} {{
                type Target = {inner_text};
                #[inline]
                fn deref(&self) -> &Self::Target {{
                &self.0
                }}
                }}
                impl {name} {{
                /// The value inside.
                #[inline]
                pub fn into_inner(self) -> {inner_text} {{
                self.0
                }}
                }}"
            ));
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
    w.derive(&["Debug", "Clone", "PartialEq"]);
    w.line(&format!("pub enum {name} {{"));
    let mut other = None;
    match tag {
        None => {
            for v in variants {
                w.line(&variant(v));
            }
        }
        Some(tag) => {
            let mut unknown = "Unknown".to_owned();
            while variants.iter().any(|v| v.name == unknown) {
                unknown.push_str("Variant");
            }
            for v in variants {
                w.doc(Some(&format!(
                    "`{tag}: {}`",
                    v.tag_value.as_deref().unwrap_or_default()
                )));
                w.line(&variant(v));
            }
            w.doc(Some(&format!(
                "A `{tag}` this client does not know, kept as sent."
            )));
            w.line(&format!("{unknown}(::paragon_runtime::serde_json::Value),"));
            other = Some(unknown);
        }
    }
    w.line("}");
    // The value is read once, then each alternative reads it in place: in order (untagged),
    // or the one its tag names.
    w.line(&format!("impl {name} {{"));
    w.line("#[inline]");
    w.line("fn read_value(");
    w.line("value: ::paragon_runtime::serde_json::Value,");
    w.line(") -> Result<Self, String> {");
    match (tag, &other) {
        (Some(tag), Some(other)) => {
            w.line(&format!(
                "let tag = value.get({tag:?}).and_then(|t| t.as_str()).map(str::to_owned);"
            ));
            w.line("match tag.as_deref() {");
            // Two alternatives with the same tag value (a mapping that names one value twice,
            // or schemas that share a `const`): the first one decodes it, as a reader of the
            // document would try them in order; a second arm could never be reached.
            let mut seen: Vec<&str> = Vec::new();
            for v in variants {
                let value = v.tag_value.as_deref().unwrap_or_default();
                if seen.contains(&value) {
                    continue;
                }
                seen.push(value);
                w.line(&format!(
                    "Some({value:?}) => ::paragon_runtime::codec::from_value(&value).map(Self::{}),",
                    v.name
                ));
            }
            w.line(&format!("_ => Ok(Self::{other}(value)),"));
            w.line("}");
        }
        _ => {
            for v in variants {
                w.line("if let Ok(v) = ::paragon_runtime::codec::from_value(&value) {");
                w.line(&format!("return Ok(Self::{}(v));", v.name));
                w.line("}");
            }
            w.line(&format!(
                "Err(::paragon_runtime::codec::no_variant({name:?}))"
            ));
        }
    }
    w.line("}");
    w.line("}");
    let mut body = "match self {\n".to_owned();
    for v in variants
        .iter()
        .map(|v| v.name.as_str())
        .chain(other.as_deref())
    {
        let _ = writeln!(
            body,
            "Self::{v}(v) => ::paragon_runtime::serde::Serialize::serialize(v, serializer),"
        );
    }
    body.push('}');
    serialize_impl(w, name, &body);
    deserialize_impl(w, t, |d| {
        format!("::paragon_runtime::codec::via_value({d}, Self::read_value)")
    });
}

/// `Serialize` for a newtype: the value inside.
const SERIALIZE_INNER: &str = "::paragon_runtime::serde::Serialize::serialize(&self.0, serializer)";

/// `impl Serialize for {name}` with `body` (which has `self` and `serializer`).
fn serialize_impl(w: &mut Writer<'_>, name: &str, body: &str) {
    w.line(&format!(
        "impl ::paragon_runtime::serde::Serialize for {name} {{"
    ));
    w.line("fn serialize<S: ::paragon_runtime::serde::Serializer>(");
    w.line("&self,");
    w.line("serializer: S,");
    w.line(") -> Result<S::Ok, S::Error> {");
    w.lines(body);
    w.line("}");
    w.line("}");
}

/// `impl Deserialize` through `read` (the expression that reads the type from the deserializer
/// it is given the name of). A checked type reads through `paragon_runtime::schema::decode`
/// (the same `read` builds the value from the checked JSON) and gets `validate()` for values
/// built in code.
fn deserialize_impl(w: &mut Writer<'_>, t: &TypeDef, read: impl Fn(&str) -> String) {
    let name = &t.name;
    w.line(&format!(
        "impl<'de> ::paragon_runtime::serde::Deserialize<'de> for {name} {{"
    ));
    w.line("fn deserialize<D: ::paragon_runtime::serde::Deserializer<'de>>(");
    w.line("deserializer: D,");
    w.line(") -> Result<Self, D::Error> {");
    let Some(at) = t.schema.as_deref() else {
        w.line(&read("deserializer"));
        w.line("}");
        w.line("}");
        return;
    };
    // A plain call passes the function itself (clippy's `redundant_closure`).
    let call = read("d");
    let read = match call.strip_suffix("(d)") {
        Some(path) if !path.contains(['(', ' ']) => path.to_owned(),
        _ => format!("|d| {call}"),
    };
    w.lines(&format!(
        "::paragon_runtime::schema::decode(
        deserializer,
        &SCHEMA,
        {at:?},
        {read},
        {read},
        )
        }}
        }}
        impl {name} {{
        /// Checks the value against the schema it was generated from (decoded values are
        /// checked already; this is for values built in code).
                #[inline]
        pub fn validate(&self) -> Result<(), ::paragon_runtime::schema::Invalid> {{
        SCHEMA.check_serialized({at:?}, self)
        }}
        }}"
    ));
}

/// A struct's `codec::Object` (its members read by position into a tuple of slots), and its
/// `Serialize` and `Deserialize` over it. `extra` names the additional-properties map.
fn object_impls(
    types: &[TypeDef],
    t: &TypeDef,
    fields: &[crate::ir::Field],
    extra: Option<(&str, &Ty)>,
    w: &mut Writer<'_>,
) {
    let name = t.name.as_str();
    let optional = |f: &crate::ir::Field| matches!(f.ty, Ty::Option(_));
    w.line(&format!(
        "impl ::paragon_runtime::codec::Object for {name} {{"
    ));
    w.line(&format!("const NAME: &'static str = {name:?};"));
    let members: Vec<String> = fields.iter().map(|f| format!("{:?}", f.wire)).collect();
    w.line(&format!(
        "const MEMBERS: &'static [&'static str] = &[{}];",
        members.join(", ")
    ));
    if extra.is_some() {
        w.line("const KEEPS_OTHERS: bool = true;");
    }
    // One slot per member: an `Option` member's own type (absent reads as `None`), else an
    // `Option` of it; then the map of other members.
    let mut slots: Vec<String> = fields
        .iter()
        .map(|f| {
            let mut s = String::new();
            if optional(f) {
                ty_text(types, &f.ty, "", &mut s);
            } else {
                s.push_str("Option<");
                ty_text(types, &f.ty, "", &mut s);
                s.push('>');
            }
            s
        })
        .collect();
    let mut starts: Vec<&str> = vec!["None"; fields.len()];
    if let Some((_, ty)) = extra {
        let mut s = "::std::collections::BTreeMap<String, ".to_owned();
        ty_text(types, ty, "", &mut s);
        s.push('>');
        slots.push(s);
        starts.push("::std::collections::BTreeMap::new()");
    }
    let tuple = |items: &[String]| match items {
        [one] => format!("({one},)"),
        _ => format!("({})", items.join(", ")),
    };
    w.line(&format!("type Partial = {};", tuple(&slots)));
    w.line("#[inline]");
    if starts.is_empty() {
        // Nothing to hold: `()`, which a body of `()` would spell twice (clippy's `unused_unit`).
        w.line("fn start() -> Self::Partial {}");
    } else {
        w.line("fn start() -> Self::Partial {");
        let starts: Vec<String> = starts.iter().map(|s| (*s).to_owned()).collect();
        w.line(&tuple(&starts));
        w.line("}");
    }
    if !fields.is_empty() {
        w.line("fn member<'de, A: ::paragon_runtime::serde::de::MapAccess<'de>>(");
        w.line("partial: &mut Self::Partial,");
        w.line("index: usize,");
        w.line("map: &mut A,");
        w.line(") -> Result<(), A::Error> {");
        let read = |i: usize, f: &crate::ir::Field| {
            if optional(f) {
                format!("partial.{i} = map.next_value()?")
            } else {
                format!("partial.{i} = Some(map.next_value()?)")
            }
        };
        if let [f] = fields {
            w.line("if index == 0 {");
            w.line(&format!("{};", read(0, f)));
            w.line("}");
        } else {
            w.line("match index {");
            for (i, f) in fields.iter().enumerate() {
                w.line(&format!("{i} => {},", read(i, f)));
            }
            w.line("_ => {}");
            w.line("}");
        }
        w.line("Ok(())");
        w.line("}");
    }
    if extra.is_some() {
        let i = fields.len();
        w.line("fn other<'de, A: ::paragon_runtime::serde::de::MapAccess<'de>>(");
        w.line("partial: &mut Self::Partial,");
        w.line("name: String,");
        w.line("map: &mut A,");
        w.line(") -> Result<(), A::Error> {");
        w.line(&format!("partial.{i}.insert(name, map.next_value()?);"));
        w.line("Ok(())");
        w.line("}");
    }
    if slots.is_empty() {
        w.line("#[inline]");
        w.line("fn finish(_: Self::Partial) -> Result<Self, &'static str> {");
        w.line("Ok(Self {})");
    } else {
        w.line("#[inline]");
        w.line("fn finish(partial: Self::Partial) -> Result<Self, &'static str> {");
        w.line("Ok(Self {");
        for (i, f) in fields.iter().enumerate() {
            if optional(f) {
                w.line(&format!("{}: partial.{i},", f.name));
            } else {
                w.line(&format!(
                    "{}: ::paragon_runtime::codec::required(partial.{i}, {:?})?,",
                    f.name, f.wire
                ));
            }
        }
        if let Some((map, _)) = extra {
            w.line(&format!("{map}: partial.{},", fields.len()));
        }
        w.line("})");
    }
    w.line("}");
    w.line("}");
    let mut body = if fields.is_empty() && extra.is_none() {
        "::paragon_runtime::codec::Members::start(serializer)?.end()".to_owned()
    } else {
        "let mut members = ::paragon_runtime::codec::Members::start(serializer)?;\n".to_owned()
    };
    if !(fields.is_empty() && extra.is_none()) {
        for f in fields {
            let how = if !f.required && optional(f) {
                "optional"
            } else {
                "member"
            };
            let _ = writeln!(body, "members.{how}({:?}, &self.{})?;", f.wire, f.name);
        }
        if let Some((map, _)) = extra {
            let _ = writeln!(body, "members.others(&self.{map})?;");
        }
        body.push_str("members.end()");
    }
    serialize_impl(w, name, &body);
    deserialize_impl(w, t, |d| format!("::paragon_runtime::codec::object({d})"));
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
        // The struct, its `Object`, `Serialize` and `Deserialize`; the enum, its five impls,
        // `Serialize` and `Deserialize`.
        assert_eq!(file.items.len(), 12, "{text}");
        assert!(
            text.contains("#[doc = \" a \\\"quoted\\\" \\\\ */ line\\rwith a bare CR\"]"),
            "{text}"
        );
        assert!(text.contains("/// second\n"), "{text}");
        assert!(text.contains("#[doc = \" third \\u{202e}\"]"), "{text}");
        assert!(!text.contains('\u{202e}'), "{text}");
        assert!(
            text.contains("const MEMBERS: &'static [&'static str] = &[\"a\\\"b\\\\c\", \"kind\"];"),
            "{text}"
        );
        assert!(
            text.contains("members.optional(\"a\\\"b\\\\c\", &self.a)?;"),
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
            text.starts_with("    #[derive(Debug, Clone, PartialEq)]\n"),
            "{text}"
        );
        let deep = types_text(&types, 22);
        assert!(
            deep.starts_with(&format!("{0}#[derive(\n{0}    Debug,\n", " ".repeat(88))),
            "{deep}"
        );
        assert!(
            text.contains("\n    pub enum Small {\n        A(String),\n    }\n"),
            "{text}"
        );
    }
}
