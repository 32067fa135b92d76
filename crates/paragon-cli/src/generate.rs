//! `paragon-codegen generate`: one module per document, plus Cargo.toml and README (minijinja
//! templates), written as a standalone crate.

use std::path::{Path, PathBuf};

use heck::ToKebabCase;
use paragon_codegen::DocumentKind;
use serde::Serialize;

use crate::args::{GenerateArgs, Runtime};

const CARGO_TOML: &str = include_str!("../templates/Cargo.toml.j2");
const README: &str = include_str!("../templates/README.md.j2");

/// A cargo feature of the crate, for Cargo.toml.
#[derive(Serialize)]
struct Feature {
    name: String,
    what: String,
}

#[derive(Serialize)]
struct Module {
    name: String,
    what: String,
}

/// A module name from a file name: `petstore.openapi.yaml` → `petstore`.
fn module_name(path: &Path, taken: &[Module]) -> String {
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = stem
        .split('.')
        .find(|s| !s.is_empty())
        .unwrap_or("api")
        .to_owned();
    // Keywords, leading digits and the like are handled as for any generated name.
    let base = paragon_codegen::names::snake_name(
        stem.trim_end_matches("-openapi")
            .trim_end_matches("-arazzo"),
    );
    let mut name = base.clone();
    let mut n = 2;
    // `lib` would collide with the crate root `src/lib.rs`.
    while name == "lib" || taken.iter().any(|m| m.name == name) {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}

/// prettyplease's output as it is, or rustfmt's when asked (and installed).
fn pretty(source: String, rustfmt: bool) -> String {
    if rustfmt {
        paragon_codegen::rustfmt(&source).unwrap_or(source)
    } else {
        source
    }
}

/// `target` as a path relative to `base` (both absolute and canonical), so a generated crate
/// and the runtime it points at can move together; `target` itself when they share no root.
fn relative_to(target: &Path, base: &Path) -> PathBuf {
    let (t, b): (Vec<_>, Vec<_>) = (target.components().collect(), base.components().collect());
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    // Sharing only the root (`/tmp/x` and `/home/y`) is no reason to move together.
    if common <= 1 {
        return target.to_path_buf();
    }
    let mut rel = PathBuf::new();
    for _ in common..b.len() {
        rel.push("..");
    }
    for c in &t[common..] {
        rel.push(c);
    }
    if rel.as_os_str().is_empty() {
        rel.push(".");
    }
    rel
}

/// The `paragon-runtime` dependency line: a registry version, or a path, relative to `out` (the
/// generated crate's directory, which need not exist yet) when both are in one tree.
fn runtime_dependency(runtime: &Runtime, out: &Path) -> Result<String, String> {
    let path = match runtime {
        Runtime::Version(v) => return Ok(format!("version = {v:?}")),
        Runtime::Path(p) => p.clone(),
        Runtime::Auto => {
            let sibling = Path::new(env!("CARGO_MANIFEST_DIR")).join("../paragon-runtime");
            if !sibling.join("Cargo.toml").is_file() {
                return Err(format!(
                    "error: paragon-runtime is not at `{}` (where this tool was built from) any more; say where it is with `--runtime-path DIR`, or `--runtime-version VER` for a published one",
                    sibling.display()
                ));
            }
            sibling
        }
    };
    let path = std::fs::canonicalize(&path)
        .map_err(|e| format!("error: paragon-runtime at `{}`: {e}", path.display()))?;
    // Cargo joins a dependency path to the manifest's directory as written and normalises it
    // without resolving symlinks, so the relative path is worked out the same way, and kept
    // only if it leads to the runtime that way.
    let out = std::path::absolute(out)
        .map(|o| paragon_codegen::load::normalize(&o))
        .map_err(|e| format!("error: `{}`: {e}", out.display()))?;
    let rel = relative_to(&path, &out);
    let reaches = rel.is_relative()
        && std::fs::canonicalize(paragon_codegen::load::normalize(&out.join(&rel)))
            .is_ok_and(|p| p == path);
    let text = if reaches {
        // TOML paths use `/` on every platform.
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    } else {
        path.display().to_string()
    };
    Ok(format!("path = {text:?}"))
}

/// Writes `pieces` one after the other as the file at `path`.
fn write_file(path: &Path, pieces: &[&String]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut file = std::fs::File::create(path)?;
    for piece in pieces {
        file.write_all(piece.as_bytes())?;
    }
    Ok(())
}

fn render(name: &str, template: &str, ctx: impl Serialize) -> Result<String, String> {
    let mut env = minijinja::Environment::new();
    env.add_template(name, template)
        .map_err(|e| format!("internal: template {name}: {e}"))?;
    env.get_template(name)
        .and_then(|t| t.render(ctx))
        .map_err(|e| format!("internal: template {name}: {e}"))
}

/// Generates the crate; returns a one-line summary or every diagnostic, rendered.
///
/// An OpenAPI document that is also a source of one of the Arazzo documents is not generated
/// twice: its module re-exports the workflow module's copy of the client (which may hold a few
/// more types, those the workflows' outputs need).
pub fn run(opts: &GenerateArgs) -> Result<String, String> {
    let generator = paragon_codegen::Generator::new()
        .with_load(paragon_codegen::LoadOptions {
            check_schemas: opts.check_schemas,
            ..opts.load.options(opts.deny_warnings)
        })
        .closed_enums(opts.closed_enums);
    let mut modules: Vec<Module> = Vec::new();
    // The crate's cargo features: a feature per tag of each OpenAPI client.
    let mut features: Vec<Feature> = Vec::new();
    // Path in the crate, then the text in two pieces (a header, the rest).
    let mut files: Vec<(String, String, String)> = Vec::new();
    let mut failures = String::new();
    let mut warnings = 0;
    let mut example = None;
    // The runtime's `xpath` feature, when a workflow has `xpath` criteria.
    let mut uses_xpath = false;
    // Module names first: they depend only on the file names and their order.
    let mut names: Vec<Module> = Vec::new();
    let docs: Vec<PathBuf> = opts.specs.iter().chain(&opts.schemas).cloned().collect();
    for spec in &docs {
        let name = module_name(spec, &names);
        names.push(Module {
            name,
            what: String::new(),
        });
    }
    let mut kinds = Vec::new();
    for (i, spec) in docs.iter().enumerate() {
        if i >= opts.specs.len() {
            kinds.push(Some(DocumentKind::JsonSchema));
            continue;
        }
        match paragon_codegen::document_kind(spec) {
            Ok(k) => kinds.push(Some(k)),
            Err(d) => {
                failures.push_str(&d.render());
                kinds.push(None);
            }
        }
    }
    let openapi_modules = kinds
        .iter()
        .filter(|k| **k == Some(DocumentKind::OpenApi))
        .count();
    // A workflow's clients hold the operations its steps call; when OpenAPI documents are given
    // too, every operation, since such a document's module re-exports the workflow's client
    // and must lose nothing.
    let workflow_generator = if openapi_modules > 0 {
        generator.clone().expand(paragon_codegen::Expand {
            all: true,
            ..Default::default()
        })
    } else {
        generator.clone()
    };
    // The Arazzo documents, and the OpenAPI files they read (canonical path → Rust path).
    let mut workflows = Vec::new();
    let mut embedded: Vec<(PathBuf, String)> = Vec::new();
    for (i, spec) in docs.iter().enumerate() {
        if kinds[i] != Some(DocumentKind::Arazzo) {
            workflows.push(None);
            continue;
        }
        match workflow_generator.workflows(spec) {
            Ok(g) => {
                for a in g.workflows().map(|d| d.apis.as_slice()).unwrap_or_default() {
                    if let Ok(path) = std::fs::canonicalize(&a.path) {
                        embedded.push((path, format!("crate::{}::{}", names[i].name, a.module)));
                    }
                }
                workflows.push(Some(g));
            }
            Err(d) => {
                failures.push_str(&d.render());
                workflows.push(None);
            }
        }
    }
    for (i, spec) in docs.iter().enumerate() {
        let name = names[i].name.clone();
        let reexport = std::fs::canonicalize(spec).ok().and_then(|c| {
            embedded
                .iter()
                .find(|(p, _)| *p == c)
                .map(|(_, m)| m.clone())
        });
        let (source, what, diags) = match (kinds[i], workflows[i].take(), reexport) {
            (None, _, _) => continue,
            (Some(DocumentKind::OpenApi), _, Some(target)) => {
                example.get_or_insert_with(|| {
                    format!("let client = {name}::Client::builder().build()?;")
                });
                (
                    format!(
                        "//! The client of this document, generated once, in `{target}`, which the workflows use.\n\npub use {target}::*;\n"
                    ),
                    format!("client re-exported from `{target}`"),
                    paragon_codegen::Diagnostics::default(),
                )
            }
            (Some(DocumentKind::JsonSchema), _, _) | (Some(DocumentKind::OpenApi), _, None) => {
                let made = if kinds[i] == Some(DocumentKind::OpenApi) {
                    example.get_or_insert_with(|| {
                        format!("let client = {name}::Client::builder().build()?;")
                    });
                    // With several clients in the crate, each one's features start with its
                    // module's name.
                    let prefix = if openapi_modules > 1 {
                        format!("{}-", name.replace('_', "-"))
                    } else {
                        String::new()
                    };
                    generator.clone().tag_features(Some(prefix)).openapi(spec)
                } else {
                    generator.schema(spec)
                };
                match made {
                    Ok(g) => {
                        let source = g
                            .source()
                            .map_err(|e| format!("error: {}: {e}", spec.display()))?;
                        features.extend(g.features.iter().map(|f| Feature {
                            name: f.name.clone(),
                            what: format!("`{name}`: {}", f.description()),
                        }));
                        (source, g.summary(), g.diagnostics)
                    }
                    Err(d) => {
                        failures.push_str(&d.render());
                        continue;
                    }
                }
            }
            (Some(DocumentKind::Arazzo), None, _) => continue,
            (Some(DocumentKind::Arazzo), Some(g), _) => {
                uses_xpath |= g.workflows().is_some_and(|d| d.uses_xpath());
                let source = g
                    .source()
                    .map_err(|e| format!("error: {}: {e}", spec.display()))?;
                (source, g.summary(), g.diagnostics)
            }
        };
        if !diags.is_empty() {
            warnings += diags.len();
            eprint!("{}", diags.render());
        }
        let header =
            paragon_codegen::generated_header("paragon-codegen", &spec.display().to_string(), None);
        // Without rustfmt the module is written as it is after its header, not copied to
        // prepend it (a large document's module is several times the document's size).
        let (header, source) = if opts.rustfmt {
            (String::new(), pretty(header + &source, true))
        } else {
            (header, source)
        };
        files.push((format!("src/{name}.rs"), header, source));
        modules.push(Module { name, what });
    }
    if !failures.is_empty() {
        return Err(format!("{failures}nothing written: fix the errors above"));
    }
    let crate_name = match &opts.crate_name {
        Some(n) => n.clone(),
        None => module_name(&docs[0], &[]).to_kebab_case(),
    };
    // Cargo's rule: ASCII letters, digits, `-` and `_`, starting with a letter or `_`.
    if !crate_name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        || !crate_name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(format!(
            "error: `{crate_name}` is not a valid crate name (ASCII letters, digits, `-`, `_`, starting with a letter or `_`); pass `--crate-name NAME`"
        ));
    }
    // Its library name (`-` becomes `_`) must not be a keyword: `gen` is one in edition 2024.
    if paragon_codegen::names::is_keyword(&crate_name.replace('-', "_")) {
        return Err(format!(
            "error: `{crate_name}` is a Rust keyword (edition 2024), so no crate can be named it; pass another `--crate-name NAME`"
        ));
    }
    // Never overwrite a crate this tool did not write, unless told to.
    let manifest = opts.out.join("Cargo.toml");
    if !opts.force
        && let Ok(existing) = std::fs::read_to_string(&manifest)
        && !existing.starts_with("# @generated by paragon-codegen")
    {
        return Err(format!(
            "error: `{}` exists and was not written by paragon-codegen; choose another `--out`, or pass `--force` to overwrite it",
            manifest.display()
        ));
    }
    let specs: Vec<String> = docs.iter().map(|s| s.display().to_string()).collect();
    let mut runtime = runtime_dependency(&opts.runtime(), &opts.out)?;
    if uses_xpath {
        runtime.push_str(", features = [\"xpath\"]");
    }
    let mut lib = String::from("//! Generated by paragon-codegen. Do not edit.\n\n");
    for m in &modules {
        lib.push_str(&format!("pub mod {};\n", m.name));
    }
    files.push(("src/lib.rs".into(), String::new(), lib));
    files.push((
        "Cargo.toml".into(),
        String::new(),
        render(
            "Cargo.toml",
            CARGO_TOML,
            minijinja::context! { name => &crate_name, specs => &specs, runtime => &runtime, features => &features },
        )?,
    ));
    files.push((
        "README.md".into(),
        String::new(),
        render(
            "README.md",
            README,
            minijinja::context! { name => &crate_name, specs => &specs, modules => &modules, example => &example, features => &features },
        )?,
    ));
    for (rel, head, body) in &files {
        let path: PathBuf = opts.out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("error: creating `{}`: {e}", dir.display()))?;
        }
        write_file(&path, &[head, body])
            .map_err(|e| format!("error: writing `{}`: {e}", path.display()))?;
    }
    Ok(format!(
        "wrote crate `{crate_name}` to {} ({} module(s), {warnings} warning(s)); build it with `cargo build --manifest-path {}`",
        opts.out.display(),
        modules.len(),
        opts.out.join("Cargo.toml").display()
    ))
}

#[cfg(test)]
mod tests {
    use super::relative_to;
    use std::path::{Path, PathBuf};

    #[test]
    fn runtime_paths_are_relative_within_a_tree() {
        let rel = |t: &str, b: &str| relative_to(Path::new(t), Path::new(b));
        assert_eq!(
            rel("/w/repo/crates/paragon-runtime", "/w/repo/target/gen"),
            PathBuf::from("../../crates/paragon-runtime")
        );
        assert_eq!(rel("/w/repo/rt", "/w/repo/rt/gen"), PathBuf::from(".."));
        assert_eq!(
            rel("/w/repo/rt/inner", "/w/repo/rt"),
            PathBuf::from("inner")
        );
        assert_eq!(rel("/w/repo", "/w/repo"), PathBuf::from("."));
        // Only the root in common: the absolute path.
        assert_eq!(rel("/work/rt", "/tmp/gen"), PathBuf::from("/work/rt"));
    }
}
