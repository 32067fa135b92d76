//! Turns OpenAPI 3.0/3.1 documents into typed Rust clients, Arazzo 1.0.1 workflows into
//! compiled state machines, and JSON Schema documents into types that check what they decode.
//!
//! One pipeline, stages that only look forward:
//!
//! ```text
//! load (text → JSON + positions, $ref, 3.0→3.1) → check (diagnostics) → ir (types, operations)
//!      → emit (tokens) → prettyplease (source)
//! ```
//!
//! Everything goes through [`Generator`]: settings in, an [`Output`] out.
//!
//! ```no_run
//! let generator = paragon_codegen::Generator::new();
//! let out = generator
//!     .generate(std::path::Path::new("specs/openapi/api.yml"))
//!     .map_err(|d| d.render())?;
//! println!("{}", out.file("my-tool", "specs/openapi/api.yml", None, false)?);
//! # Ok::<(), String>(())
//! ```
//!
//! The modules other than [`stages`] and the items re-exported here are the generator's
//! internals: public for the repository's own tests, benchmarks and fuzz targets, and hidden
//! from the documentation, as they change without notice.

#[doc(hidden)]
pub mod arazzo;
pub(crate) mod check;
pub mod diag;
pub(crate) mod emit;
#[doc(hidden)]
pub mod fix;
mod generator;
#[doc(hidden)]
pub mod ir;
#[doc(hidden)]
pub mod jsonschema;
#[doc(hidden)]
pub mod load;
#[doc(hidden)]
pub mod names;
pub(crate) mod pointer;
pub mod stages;

pub use generator::{Expand, Generator, Output, generated_header};
pub use jsonschema::GeneratedSchema;

use std::path::Path;

use proc_macro2::TokenStream;
use quote::quote;

pub use diag::{Diagnostic, Diagnostics, Pos, Severity};
pub use ir::Api;
pub use load::LoadOptions;
use load::{Loc, Sources};

/// Loads an OpenAPI document and everything it references, checks it, and plans it. Errors
/// and warnings are all in the returned [`Diagnostics`].
pub(crate) fn plan_openapi_with(path: &Path, options: &LoadOptions) -> (Option<Api>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut sources = Sources::new(options.clone());
    let Some(root) = load_openapi(&mut sources, path, &mut diags) else {
        if options.deny_warnings {
            diags.deny_warnings();
        }
        return (None, diags);
    };
    let api = ir::operations::plan_api(&sources, &root, &mut diags);
    if options.deny_warnings {
        diags.deny_warnings();
    }
    (Some(api), diags)
}

/// The one OpenAPI front end: loads `path` and what it references into `sources`, upgrades
/// Swagger 2.0 to 3.0 and 3.0 to 3.1 (files loaded before are left as they are), and checks
/// the document. `None` when it cannot be planned; the reasons are in `diags`.
pub(crate) fn load_openapi(
    sources: &mut Sources,
    path: &Path,
    diags: &mut Diagnostics,
) -> Option<Loc> {
    let errors_before = diags.errors().count();
    let before = sources.ids().len();
    let root = sources.load_tree(path, diags)?;
    if diags.errors().count() > errors_before {
        return None;
    }
    sources.upgrade_swagger2(diags);
    let root = Loc {
        file: root,
        ptr: String::new(),
    };
    let version = check::openapi(sources, &root, diags)?;
    for id in before..sources.ids().len() {
        let upgraded = load::upgrade::upgrade(
            &mut sources.file_mut(id).value,
            version == check::Version::V30,
        );
        for ptr in upgraded.nullable_in_31 {
            diags.push(
                sources
                    .warning_at(
                        &Loc { file: id, ptr },
                        "`nullable` is not an OpenAPI 3.1 keyword",
                    )
                    .with_help("write `type: [string, \"null\"]`; it is read that way here"),
            );
        }
    }
    Some(root)
}

/// Tokens of one API module: inner attributes, types, client.
pub(crate) fn module_tokens(api: &Api) -> TokenStream {
    let mut tokens = module_header(api);
    tokens.extend(emit::api_tokens(api));
    tokens
}

#[cfg(feature = "format")]
/// The module's formatted source, emitted and formatted in parallel parts (the same text as
/// formatting [`module_tokens`]).
pub(crate) fn module_source(api: &Api) -> Result<String, String> {
    emit::format_parts(api, module_header(api), &emit::api_parts(api))
}

/// The inner attributes of an API module: its doc and the lints generated code allows.
fn module_header(api: &Api) -> TokenStream {
    let mut doc = format!(" {}", api.title);
    if !api.version.is_empty() {
        doc.push_str(&format!(" (version {})", api.version));
    }
    let desc = api.description.as_deref().map(|d| {
        let lines = d.lines().map(|l| format!(" {}", l.trim_end()));
        quote!(#(#![doc = #lines])*)
    });
    quote! {
        #![doc = #doc]
        #![doc = ""]
        #desc
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
    }
}

/// Runs `rustfmt` (edition 2024) over generated source, so files written to disk pass
/// `cargo fmt --check` in the crate that holds them. prettyplease output is already readable;
/// rustfmt makes it canonical. Fails if rustfmt cannot be run or rejects the source.
pub fn rustfmt(source: &str) -> Result<String, String> {
    use std::io::Write as _;
    let rustfmt = std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".into());
    let mut child = std::process::Command::new(&rustfmt)
        .args(["--edition", "2024", "--emit", "stdout", "--quiet"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run `{rustfmt}`: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("rustfmt has no stdin")?;
    let input = source.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("rustfmt failed: {e}"))?;
    writer
        .join()
        .map_err(|_| "rustfmt input thread panicked".to_owned())?
        .map_err(|e| format!("writing to rustfmt: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "rustfmt rejected the generated source: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("rustfmt output is not UTF-8: {e}"))
}

/// What a document is, told by its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// `openapi: 3.x` (or `swagger: 2.0`, which the checks then refuse with help).
    OpenApi,
    /// `arazzo: 1.x`.
    Arazzo,
    /// A JSON Schema document (a top-level `$schema`, and neither of the others).
    JsonSchema,
}

/// Reads `path` far enough to tell an OpenAPI document from an Arazzo one. The error is a
/// located diagnostic (unreadable file, YAML error, neither kind).
pub fn document_kind(path: &Path) -> Result<DocumentKind, Diagnostics> {
    // The top-level keys are usually found by a scan of the text, without parsing a document
    // that is about to be parsed again; anything the scan cannot tell is parsed.
    if let Ok(text) = load::read_bounded(path, load::DEFAULT_MAX_FILE_BYTES) {
        let keys = load::top_level_keys(&text);
        for key in &keys {
            match *key {
                "arazzo" => return Ok(DocumentKind::Arazzo),
                "openapi" | "swagger" => return Ok(DocumentKind::OpenApi),
                _ => {}
            }
        }
        if keys.contains(&"$schema") {
            return Ok(DocumentKind::JsonSchema);
        }
    }
    let mut diags = Diagnostics::default();
    let mut sources = Sources::default();
    let Some(id) = sources.load_file(path, &mut diags) else {
        return Err(diags);
    };
    let value = &sources.file(id).value;
    if value.get("arazzo").is_some() {
        Ok(DocumentKind::Arazzo)
    } else if value.get("openapi").is_some() || value.get("swagger").is_some() {
        Ok(DocumentKind::OpenApi)
    } else if value.get("$schema").is_some() {
        Ok(DocumentKind::JsonSchema)
    } else {
        if !diags.has_errors() {
            diags.push(
                Diagnostic::error(
                    path,
                    Some(Pos { line: 1, col: 1 }),
                    "neither an OpenAPI nor an Arazzo document: no top-level `openapi` or `arazzo` key",
                )
                .with_help("paragon-codegen reads OpenAPI 3.0/3.1 and Arazzo 1.0.x documents"),
            );
        }
        Err(diags)
    }
}

/// Every diagnostic of one document of any kind: what `paragon-codegen check` prints.
pub(crate) fn check_document_with(path: &Path, options: &LoadOptions) -> Diagnostics {
    match document_kind(path) {
        Err(diags) => diags,
        Ok(DocumentKind::OpenApi) => plan_openapi_with(path, options).1,
        Ok(DocumentKind::Arazzo) => arazzo::compile::plan_document_with(path, options).1,
        Ok(DocumentKind::JsonSchema) => jsonschema::check_schema_with(path, options),
    }
}
