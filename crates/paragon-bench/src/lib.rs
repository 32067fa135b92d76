//! What the benchmarks share: the documents they generate from, each generation stage as a
//! function, the progenitor baseline, and the two ways of running the seed workflow.
//!
//! Run everything with `cargo xtask bench`; it prints medians and ratios and can write
//! `BENCHMARKS.md`.

use std::path::{Path, PathBuf};

use paragon_codegen::load::Sources;
use paragon_codegen::{Api, Diagnostics};

pub mod synth;
pub mod workflow;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// How the benchmarks read files: the repository and `../shared` beside it, as `regen` and the
/// corpus commands would (a bench's current directory is its crate, which the seed workflow's
/// `../openapi/` source would leave under the default).
pub fn options() -> paragon_codegen::LoadOptions {
    paragon_codegen::LoadOptions {
        root_dir: Some(root()),
        allow_paths: vec![root().join("../shared")],
        ..Default::default()
    }
}

/// `VmHWM` (this process's peak resident set so far) from `/proc/self/status`, in KiB; `None`
/// where there is no `/proc`.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// A document to generate from.
#[derive(Debug, Clone)]
pub struct Input {
    /// Short name used in benchmark ids.
    pub name: &'static str,
    /// Where it is.
    pub path: PathBuf,
    /// Whether progenitor (OpenAPI 3.0 only) can take it.
    pub progenitor: bool,
}

/// The OpenAPI documents: the Paragon specs always; oxide.json (947 KB, 3.0) and the largest
/// 3.1 document (Mistral's, 662 KB) when `../shared/corpus` is beside the repository.
pub fn openapi_inputs() -> Vec<Input> {
    let root = root();
    let mut out = vec![
        Input {
            name: "paragon-task-history",
            path: root.join("specs/openapi/paragon-task-history-api-openapi.yml"),
            progenitor: false,
        },
        Input {
            name: "paragon-managed-sync",
            path: root.join("specs/openapi/paragon-managed-sync-api-openapi.yml"),
            progenitor: false,
        },
    ];
    let corpus = root.join("../shared/corpus/openapi");
    for (name, rel, progenitor) in [
        ("oxide", "oxide/oxide.json", true),
        ("mistral-3.1", "mistral/openapi.yaml", false),
    ] {
        let path = corpus.join(rel);
        if path.is_file() {
            out.push(Input {
                name,
                path,
                progenitor,
            });
        }
    }
    out
}

/// The seed Arazzo workflow.
pub fn seed_workflow() -> PathBuf {
    root().join("specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml")
}

/// Stage 1: read and parse the document and every file it references.
pub fn load(path: &Path) -> Sources {
    let mut diags = Diagnostics::default();
    let mut sources = Sources::new(options());
    let _ = sources.load_tree(path, &mut diags);
    sources
}

/// Stages 1 and 2: load, check and plan (the IR).
pub fn plan(path: &Path) -> Option<Api> {
    paragon_codegen::stages::plan_openapi(path, &options()).0
}

/// Stage 3: IR to tokens.
pub fn emit(api: &Api) -> proc_macro2::TokenStream {
    paragon_codegen::stages::module_tokens(api)
}

/// Stage 4: tokens to source (prettyplease).
pub fn format(tokens: proc_macro2::TokenStream) -> String {
    paragon_codegen::stages::format_file(tokens).unwrap_or_default()
}

/// Every stage: what `cargo xtask regen` and the CLI run per OpenAPI document (less rustfmt).
pub fn generate(path: &Path) -> Result<usize, String> {
    let g = paragon_codegen::Generator::new()
        .with_load(options())
        .openapi(path)
        .map_err(|d| d.to_string())?;
    g.source().map(|s| s.len())
}

/// What `paragon_workflow!` does for a document: compile it to tokens (the proc-macro bridge
/// itself is rustc's and is not measured).
pub fn expand_workflow(path: &Path) -> usize {
    paragon_codegen::Generator::new()
        .with_load(options())
        .workflows(path)
        .map(|g| g.tokens().into_iter().count())
        .unwrap_or(0)
}

#[cfg(feature = "baselines")]
/// The baseline: progenitor parses the document (serde_json into `openapiv3`), generates tokens,
/// and the tokens are formatted with prettyplease as ours are. `Err` when it rejects or panics.
pub fn progenitor(text: &str) -> Result<usize, String> {
    progenitor_source(text).map(|s| s.len())
}

#[cfg(feature = "baselines")]
/// progenitor's module for the document, formatted: what [`progenitor`] times, kept.
pub fn progenitor_source(text: &str) -> Result<String, String> {
    let spec: openapiv3::OpenAPI =
        serde_json::from_str(text).map_err(|e| format!("openapiv3: {e}"))?;
    let run = std::panic::catch_unwind(|| {
        let mut generator =
            progenitor_impl::Generator::new(&progenitor_impl::GenerationSettings::default());
        generator.generate_tokens(&spec).map_err(|e| e.to_string())
    })
    .map_err(|_| "progenitor panicked".to_owned())??;
    let file: syn::File = syn::parse2(run).map_err(|e| e.to_string())?;
    Ok(prettyplease::unparse(&file))
}
