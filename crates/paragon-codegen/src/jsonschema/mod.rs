//! Standalone JSON Schema documents (2020-12) to Rust types that check what they decode.
//!
//! ```text
//! load → bundle (every $ref by URI, $id, $anchor or file → a pointer into one document)
//!      → patterns (ECMA-262 → regex) → plan (the OpenAPI type planner, checked mode)
//!      → emit (the types, each with its schema pointer, and the document as `SCHEMA`)
//! ```
//!
//! The planner gives each schema its Rust shape (structs, enums, unions, newtypes for scalars
//! with rules); what has no shape (`if`, `not`, `$dynamicRef`) is any JSON, with a warning.
//! Every rule the shape cannot say is checked on decode by `paragon_runtime::schema` against
//! the bundled document, which the module holds as text.

pub(crate) mod bundle;
pub(crate) mod ecma;
mod uri;

use std::path::Path;

use serde_json::Value;

use crate::diag::Diagnostics;
use crate::ir::types::{TypePlanner, box_recursion};
use crate::ir::{Ty, TypeDef, TypeKind};
use crate::load::{LoadOptions, Loc, Sources};
use crate::names::type_name;

/// How a schema document is turned into types.
#[derive(Debug, Clone, Default)]
pub struct SchemaOptions {
    /// String `enum`s refuse values they do not list. Off by default: an enum gets a
    /// catch-all variant that keeps an unknown value, so a producer that adds a value does
    /// not break its readers.
    pub closed_enums: bool,
}

/// The types of one schema document.
#[derive(Debug)]
pub struct GeneratedSchema {
    /// Formatted Rust items: `SCHEMA` and the types (no module wrapper, no inner attributes).
    pub source: String,
    /// The module's documentation, one line per entry (from the schema's title and
    /// description).
    pub doc: Vec<String>,
    /// The name of the root schema's type.
    pub root: String,
    /// Every type, as planned.
    pub types: Vec<TypeDef>,
    /// Every file read (the document and those its references name), for rebuild tracking.
    pub files: Vec<std::path::PathBuf>,
    /// Warnings.
    pub diagnostics: Diagnostics,
}

impl GeneratedSchema {
    /// The module as a file: its documentation, the lints generated code allows, the items.
    pub fn module_file(&self) -> String {
        let mut out = String::new();
        for line in &self.doc {
            if line.is_empty() {
                out.push_str("//!\n");
            } else {
                out.push_str(&format!("//! {line}\n"));
            }
        }
        if !self.doc.is_empty() {
            out.push_str("//!\n");
        }
        out.push_str(&format!(
            "//! Types of this JSON Schema; the root is [`{}`]. Each checks what it decodes against\n//! [`SCHEMA`] and names the JSON Pointer and keyword of a value it refuses.\n\n",
            self.root
        ));
        out.push_str(
            "#![allow(\n    clippy::large_enum_variant,\n    clippy::doc_lazy_continuation,\n    clippy::derive_partial_eq_without_eq,\n    rustdoc::all\n)]\n\n",
        );
        out.push_str(&self.source);
        out
    }
}

/// Generates the types of the JSON Schema document at `path`, or every diagnostic when it
/// cannot.
pub fn generate_schema_with(
    path: &Path,
    load: &LoadOptions,
    options: &SchemaOptions,
) -> Result<GeneratedSchema, Diagnostics> {
    let mut diags = Diagnostics::default();
    let Some(plan) = plan(path, load, options, &mut diags) else {
        return Err(diags);
    };
    if load.deny_warnings {
        diags.deny_warnings();
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let mut source = String::new();
    let file = path
        .file_name()
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    source.push_str(&format!(
        "/// The schema these types check values against: `{file}`, with every `$ref` resolved\n/// inside it.\n"
    ));
    source.push_str("pub static SCHEMA: ::paragon_runtime::schema::Embedded =\n");
    source.push_str(&format!(
        "    ::paragon_runtime::schema::Embedded::new({});\n",
        raw_string(&plan.text)
    ));
    source.push_str(&crate::emit::types::types_text(&plan.types, 0));
    Ok(GeneratedSchema {
        source,
        doc: plan.doc,
        root: plan.root,
        types: plan.types,
        files: plan.files,
        diagnostics: diags,
    })
}

/// Every diagnostic of a schema document: what `paragon-codegen check` prints for one.
pub fn check_schema_with(path: &Path, load: &LoadOptions) -> Diagnostics {
    let mut diags = Diagnostics::default();
    plan(path, load, &SchemaOptions::default(), &mut diags);
    if load.deny_warnings {
        diags.deny_warnings();
    }
    diags
}

/// Keywords that only annotate: left out of the embedded schema.
const ANNOTATIONS: [&str; 4] = ["title", "description", "$comment", "examples"];

struct Plan {
    files: Vec<std::path::PathBuf>,
    types: Vec<TypeDef>,
    root: String,
    doc: Vec<String>,
    /// The bundled document, as embedded.
    text: String,
}

fn plan(
    path: &Path,
    load: &LoadOptions,
    options: &SchemaOptions,
    diags: &mut Diagnostics,
) -> Option<Plan> {
    let mut sources = Sources::new(load.clone());
    let root = sources.load_file(path, diags)?;
    if diags.has_errors() {
        return None;
    }
    let root_loc = Loc {
        file: root,
        ptr: String::new(),
    };
    if !matches!(sources.file(root).value, Value::Object(_) | Value::Bool(_)) {
        diags.push(
            sources
                .error_at(&root_loc, "a JSON Schema is an object or a boolean")
                .with_help("paragon-codegen reads JSON Schema 2020-12 documents"),
        );
        return None;
    }
    bundle::bundle(&mut sources, root, diags);
    if diags.has_errors() {
        return None;
    }
    patterns(&mut sources, root, diags);

    // `order.schema.json` is the `Order` schema.
    let stem = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .and_then(|s| s.split('.').find(|p| !p.is_empty()).map(str::to_owned))
        .unwrap_or_else(|| "Schema".to_owned());
    let name = type_name(&stem);
    let doc = module_doc(sources.file(root).value.as_object());
    let mut planner = TypePlanner::new(&sources, diags);
    planner.checked = true;
    planner.exact = true;
    planner.names.reserve("SCHEMA");
    let root_ty = planner.ty(&root_loc, &name);
    // With `readOnly`/`writeOnly` properties, the root also has a shape to send (`…Request`,
    // unchecked: the schema describes what is read).
    planner.writing = true;
    planner.ty(&root_loc, &name);
    planner.writing = false;
    let mut defs = Vec::new();
    for key in ["$defs", "definitions"] {
        let at = root_loc.join(key);
        let keys: Vec<String> = match sources.get(&at) {
            Some(Value::Object(m)) => m.keys().cloned().collect(),
            _ => Vec::new(),
        };
        for key in keys {
            let loc = at.join(&key);
            let ty = planner.ty(&loc, &key);
            defs.push((loc.ptr, key, ty));
        }
    }
    let mut types = std::mem::take(&mut planner.types);
    let mut names = std::mem::take(&mut planner.names);
    drop(planner);
    // A definition with no type of its own (a scalar, a list, any JSON) gets a newtype, so it
    // can be decoded, and checked, by name.
    for (ptr, key, ty) in defs {
        let named =
            matches!(&ty, Ty::Named(id) if types[*id].schema.as_deref() == Some(ptr.as_str()));
        if !named {
            types.push(TypeDef {
                name: names.claim(&type_name(&key)),
                doc: None,
                kind: TypeKind::Newtype { inner: ty },
                schema: Some(ptr),
            });
        }
    }
    let root_name = match root_ty {
        Ty::Named(id) if types[id].schema.as_deref() == Some("") => types[id].name.clone(),
        inner => {
            let name = names.claim(&name);
            types.push(TypeDef {
                name: name.clone(),
                doc: None,
                kind: TypeKind::Newtype { inner },
                schema: Some(String::new()),
            });
            name
        }
    };
    box_recursion(&mut types);

    // An open enum keeps values it does not list: the check must not refuse them either.
    if !options.closed_enums {
        let value = &mut sources.file_mut(root).value;
        for t in &types {
            if let (TypeKind::StringEnum { .. }, Some(at)) = (&t.kind, &t.schema)
                && let Some(Value::Object(m)) = crate::pointer::get_mut(value, at)
            {
                m.remove("enum");
            }
        }
    }
    // Words for readers are in the types' docs already; the checks do not read them.
    let mut annotated = Vec::new();
    bundle::each_schema(&sources.file(root).value, |ptr, map| {
        if ANNOTATIONS.iter().any(|k| map.contains_key(*k)) {
            annotated.push(ptr.to_owned());
        }
    });
    let value = &mut sources.file_mut(root).value;
    for ptr in annotated {
        if let Some(Value::Object(m)) = crate::pointer::get_mut(value, &ptr) {
            for k in ANNOTATIONS {
                m.remove(k);
            }
        }
    }
    let text = serde_json::to_string(&sources.file(root).value).ok()?;
    let files = sources
        .ids()
        .map(|id| sources.file(id).path.clone())
        .collect();
    Some(Plan {
        files,
        types,
        root: root_name,
        doc,
        text,
    })
}

/// Rewrites every `pattern` (and `patternProperties` key) in `regex` syntax, warning where one
/// cannot be checked.
fn patterns(sources: &mut Sources, root: crate::load::FileId, diags: &mut Diagnostics) {
    let mut edits: Vec<(String, Option<String>, String)> = Vec::new();
    bundle::each_schema(&sources.file(root).value, |ptr, map| {
        if let Some(Value::String(p)) = map.get("pattern") {
            edits.push((ptr.to_owned(), None, p.clone()));
        }
        if let Some(Value::Object(pp)) = map.get("patternProperties") {
            for k in pp.keys() {
                edits.push((ptr.to_owned(), Some(k.clone()), k.clone()));
            }
        }
    });
    for (ptr, key, pattern) in edits {
        let rust = ecma::to_rust(&pattern);
        let at = Loc {
            file: root,
            ptr: match &key {
                None => format!("{ptr}/pattern"),
                Some(k) => {
                    let mut p = format!("{ptr}/patternProperties");
                    crate::pointer::push_token(&mut p, k);
                    p
                }
            },
        };
        if let Err(e) = regex::RegexBuilder::new(&rust).size_limit(1 << 20).build() {
            let reason = e.to_string();
            let reason = reason.lines().last().unwrap_or("").trim();
            let reason = reason.strip_prefix("error: ").unwrap_or(reason);
            diags.push(
                sources
                    .warning_at(
                        &at,
                        format!("this pattern is not checked: the `regex` crate cannot read it ({reason})"),
                    )
                    .with_help("look-around and back-references have no `regex` equivalent")
                    .with_code("schema/pattern"),
            );
            continue;
        }
        if rust == pattern {
            continue;
        }
        let value = &mut sources.file_mut(root).value;
        let Some(Value::Object(map)) = crate::pointer::get_mut(value, &ptr) else {
            continue;
        };
        match key {
            None => {
                map.insert("pattern".into(), Value::String(rust));
            }
            Some(k) => {
                if let Some(Value::Object(pp)) = map.get_mut("patternProperties")
                    && let Some(s) = pp.remove(&k)
                {
                    pp.insert(rust, s);
                }
            }
        }
    }
}

fn module_doc(root: Option<&serde_json::Map<String, Value>>) -> Vec<String> {
    let mut out = Vec::new();
    let text = |k: &str| root.and_then(|m| m.get(k)).and_then(Value::as_str);
    if let Some(t) = text("title") {
        out.push(t.to_owned());
    }
    if let Some(d) = text("description") {
        if !out.is_empty() {
            out.push(String::new());
        }
        out.extend(d.lines().map(|l| l.trim_end().to_owned()));
    }
    out
}

/// `text` as a raw string literal with enough `#`s.
fn raw_string(text: &str) -> String {
    let mut hashes = 1;
    while text.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let h = "#".repeat(hashes);
    format!("r{h}\"{text}\"{h}")
}
