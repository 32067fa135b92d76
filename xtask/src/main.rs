//! Project automation: `cargo xtask <command>`.
//!
//! - `regen`: writes `crates/paragon-generated/src/*.rs` (and `docs/*.md`, and the `[features]`
//!   of its Cargo.toml, one per tag) from `specs/`.
//! - `check`: fails when the committed generated code is stale.
//! - `bench`: every benchmark, with ratios to baselines (`--write` updates BENCHMARKS.md).
//! - `demo`: the seed workflow against the built-in Paragon simulator (or `--base-url`).
//! - `corpus openapi DIR`, `corpus arazzo DIR`: generates and compiles every document under DIR.
//! - `fuzz [--seconds N] [TARGET…]`: the cargo-fuzz targets in `fuzz/`, seeded from fixtures.
//! - `soak [--release] [--runs N] [--concurrency C] [--seed S]`: the seed workflow against the
//!   simulator with seeded faults; fails on a panic, a hang or growing memory.

mod bench;
mod bench_builds;
mod conformance;
mod corpus;
mod fuzz;
mod restate;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

/// The committed client: (spec, module) pairs, in `specs/openapi`.
/// APIs used by a workflow are generated inside the workflow's module instead (and re-exported
/// from `lib.rs`), so each type exists once.
const APIS: &[(&str, &str)] = &[(
    "specs/openapi/paragon-task-history-api-openapi.yml",
    "task_history",
)];

/// The committed workflows: (Arazzo document, module), in `specs/arazzo`.
const WORKFLOWS: &[(&str, &str)] = &[(
    "specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml",
    "sync_flow",
)];

/// The JSON Schema documents `regen` writes types for (every `.json` file in it).
const SCHEMAS_DIR: &str = "specs/json-schema";

/// Where `regen` reads remote `$ref`s from: (URL prefix, directory relative to the repository).
/// Nothing is fetched; the Paragon specs have no remote references today, so it is empty. An
/// entry here is the `--ref-map` of the CLI and the `ref_map(…)` setting of the macro.
const REF_MAP: &[(&str, &str)] = &[];

/// Directories besides `specs/` that `regen` may read (relative to the repository); the
/// `--allow-path` of the CLI and the `allow_path(…)` setting of the macro. Empty: every file a
/// spec names is under `specs/`.
const ALLOW_PATHS: &[&str] = &[];

/// `deny_warnings`: `regen --deny-warnings` and `check --deny-warnings` make every warning an
/// error, as the CLI's flag and the macro's setting do (Paragon's Task History description
/// has a `nullable` in OpenAPI 3.1, a warning, so it is not the default).
fn load_options(deny_warnings: bool) -> paragon_codegen::LoadOptions {
    paragon_codegen::LoadOptions {
        ref_map: REF_MAP
            .iter()
            .map(|(prefix, dir)| ((*prefix).to_owned(), root().join(dir)))
            .collect(),
        root_dir: Some(root().join("specs")),
        allow_paths: ALLOW_PATHS.iter().map(|dir| root().join(dir)).collect(),
        deny_warnings,
        check_schemas: CHECK_SCHEMAS,
        ..Default::default()
    }
}

/// Whether the committed clients check what they decode against their schemas (the CLI's
/// `--check-schemas`, the macro's `check_schemas`). Off: a client should read a server that
/// drifts from its description; the JSON Schema types of `specs/json-schema` always check.
const CHECK_SCHEMAS: bool = false;

const GENERATED_DIR: &str = "crates/paragon-generated/src";
const DOCS_DIR: &str = "crates/paragon-generated/docs";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn usage() -> &'static str {
    "usage: cargo xtask <regen [--deny-warnings] | check [--deny-warnings] | demo [--restate [--users N]] | restate <install | test | bench | scale | cluster> | bench [--write] | corpus <openapi | arazzo | json-schema> DIR | fuzz [--seconds N] [TARGET...] | soak [--release] [--runs N] [--concurrency C] [--seed S]>"
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("regen") => regen(deny_warnings(&args[1..])),
        Some("check") => check(deny_warnings(&args[1..])),
        Some("corpus") => corpus::run(&args[1..]),
        // The demo reports its own errors; its exit status is passed on.
        Some("demo") if args.iter().any(|a| a == "--restate") => {
            let rest: Vec<String> = args[1..]
                .iter()
                .filter(|a| *a != "--restate")
                .cloned()
                .collect();
            restate::lab("demo", &rest, false)
        }
        Some("restate") => restate::run(&args[1..]),
        Some("demo") => match demo(&args[1..]) {
            Ok(code) => return code,
            Err(e) => Err(e),
        },
        Some("bench") => bench::run_bench(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("soak") => match soak(&args[1..]) {
            Ok(code) => return code,
            Err(e) => Err(e),
        },
        Some("-h" | "--help" | "help") | None => {
            println!("{}", usage());
            Ok(())
        }
        Some(other) => Err(anyhow::anyhow!("unknown command `{other}`\n{}", usage())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask soak [--release] [--runs N] [--concurrency C] [--seed S] [--faults SPEC]`: the
/// seed workflow against the faulty simulator (the `paragon-soak` binary of `paragon-demo`).
fn deny_warnings(args: &[String]) -> bool {
    args.iter().any(|a| a == "--deny-warnings")
}

fn soak(args: &[String]) -> Result<ExitCode> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let release = args.iter().any(|a| a == "--release");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--release").collect();
    let mut cmd = std::process::Command::new(cargo);
    cmd.args([
        "run",
        "--quiet",
        "--locked",
        "-p",
        "paragon-demo",
        "--bin",
        "paragon-soak",
    ]);
    if release {
        cmd.arg("--release");
    }
    let status = cmd
        .arg("--")
        .args(rest)
        .status()
        .context("running cargo run -p paragon-demo --bin paragon-soak")?;
    Ok(if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `cargo xtask demo …`: runs the `paragon-demo` binary, which depends on the generated crate
/// (xtask does not, so `regen` works even when the committed generated code does not compile).
fn demo(args: &[String]) -> Result<ExitCode> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = std::process::Command::new(cargo)
        .args(["run", "--quiet", "-p", "paragon-demo", "--"])
        .args(args)
        .status()
        .context("running cargo run -p paragon-demo")?;
    Ok(match status.code().and_then(|c| u8::try_from(c).ok()) {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(code),
        None => ExitCode::FAILURE,
    })
}

/// The generator `regen` and `check` use.
fn generator(deny_warnings: bool) -> paragon_codegen::Generator {
    paragon_codegen::Generator::new().with_load(load_options(deny_warnings))
}

/// Who writes the committed files, as their header says.
const BY: &str = "`cargo xtask regen`";

/// Every generated file: (path relative to the repo root, contents).
fn generated_files(deny_warnings: bool) -> Result<Vec<(PathBuf, String)>> {
    let root = root();
    let generator = generator(deny_warnings);
    let mut out = Vec::new();
    let report = |g: &paragon_codegen::Output| {
        for w in g.diagnostics.iter() {
            eprintln!("{w}");
        }
    };
    // A cargo feature per tag of each API (all on by default), written into the crate's
    // Cargo.toml; with several APIs each one's start with its module's name.
    let mut features = Vec::new();
    for (spec, module) in APIS {
        let prefix = if APIS.len() > 1 {
            format!("{}-", module.replace('_', "-"))
        } else {
            String::new()
        };
        let g = generator
            .clone()
            .tag_features(Some(prefix))
            .openapi(&root.join(spec))
            .map_err(|d| anyhow::anyhow!("{spec} has errors:\n{}", d.render()))?;
        report(&g);
        for f in &g.features {
            features.push((format!("`{module}`: {}", f.description()), f.name.clone()));
        }
        let source = g
            .file(BY, spec, None, true)
            .map_err(|e| anyhow::anyhow!("formatting {spec}: {e}"))?;
        out.push((
            PathBuf::from(GENERATED_DIR).join(format!("{module}.rs")),
            source,
        ));
    }
    // The committed workflow module keeps the whole client of each API it calls
    // (`paragon_workflow!` holds only the operations the steps call unless told otherwise).
    let whole = generator.clone().expand(paragon_codegen::Expand {
        all: true,
        ..Default::default()
    });
    for (spec, module) in WORKFLOWS {
        let g = whole
            .workflows(&root.join(spec))
            .map_err(|d| anyhow::anyhow!("{spec} has errors:\n{}", d.render()))?;
        report(&g);
        let call = format!("paragon_workflow!(\"{spec}\", all_operations)");
        let source = g
            .file(BY, spec, Some(&call), true)
            .map_err(|e| anyhow::anyhow!("formatting {spec}: {e}"))?;
        out.push((
            PathBuf::from(GENERATED_DIR).join(format!("{module}.rs")),
            source,
        ));
        // A Markdown page with a Mermaid state diagram per workflow.
        for (name, page) in g.pages(spec).map_err(|e| anyhow::anyhow!("{spec}: {e}"))? {
            out.push((PathBuf::from(DOCS_DIR).join(name), page));
        }
    }
    out.extend(schema_files(&generator)?);
    out.push(manifest_with_features(&features)?);
    Ok(out)
}

/// Where the generated `[features]` table of `paragon-generated`'s Cargo.toml starts and ends.
const FEATURES_BEGIN: &str = "# @generated by `cargo xtask regen`: the features, one per tag.";
const FEATURES_END: &str = "# end of the generated features";

/// `crates/paragon-generated/Cargo.toml` with its `[features]` table written for `features`
/// ((what, name) pairs): between the markers, or appended when it has none.
fn manifest_with_features(features: &[(String, String)]) -> Result<(PathBuf, String)> {
    let path = PathBuf::from(GENERATED_DIR)
        .parent()
        .map(|crate_dir| crate_dir.join("Cargo.toml"))
        .context("the generated crate's directory")?;
    let old = std::fs::read_to_string(root().join(&path))
        .with_context(|| format!("reading {}", path.display()))?;
    let mut table = format!("{FEATURES_BEGIN}\n[features]\ndefault = [\"full\"]\nfull = [");
    let names: Vec<String> = features.iter().map(|(_, n)| format!("{n:?}")).collect();
    table.push_str(&names.join(", "));
    table.push_str("]\n");
    for (what, name) in features {
        table.push_str(&format!("# {what}\n{name} = []\n"));
    }
    table.push_str(FEATURES_END);
    let text = match (old.find(FEATURES_BEGIN), old.find(FEATURES_END)) {
        (Some(start), Some(end)) if start < end => {
            format!(
                "{}{table}{}",
                &old[..start],
                &old[end + FEATURES_END.len()..]
            )
        }
        _ => format!("{}\n\n{table}\n", old.trim_end()),
    };
    Ok((path, text))
}

/// The types of every JSON Schema document in `specs/json-schema/`, one module each under
/// `schemas/`, and the `schemas/mod.rs` that lists them.
fn schema_files(generator: &paragon_codegen::Generator) -> Result<Vec<(PathBuf, String)>> {
    let root = root();
    let dir = root.join(SCHEMAS_DIR);
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    specs.sort();
    let mut out = Vec::new();
    let mut index = paragon_codegen::generated_header(BY, SCHEMAS_DIR, None);
    index.push_str(
        "//! Types of the JSON Schema documents in `specs/json-schema/`. Each checks what it decodes\n//! against its schema and names the JSON Pointer and keyword of a value it refuses.\n\n",
    );
    for path in specs {
        let rel = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let g = generator
            .schema(&path)
            .map_err(|d| anyhow::anyhow!("{rel} has errors:\n{}", d.render()))?;
        for w in g.diagnostics.iter() {
            eprintln!("{w}");
        }
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let module = paragon_codegen::names::snake_name(&stem);
        let call = format!("paragon_schema!(\"{rel}\")");
        let source = g
            .file(BY, &rel, Some(&call), true)
            .map_err(|e| anyhow::anyhow!("formatting {rel}: {e}"))?;
        index.push_str(&format!("pub mod {module};\n"));
        out.push((
            PathBuf::from(GENERATED_DIR).join(format!("schemas/{module}.rs")),
            source,
        ));
    }
    out.push((PathBuf::from(GENERATED_DIR).join("schemas/mod.rs"), index));
    Ok(out)
}

fn regen(deny_warnings: bool) -> Result<()> {
    let root = root();
    for (path, text) in generated_files(deny_warnings)? {
        let full = root.join(&path);
        let old = std::fs::read_to_string(&full).unwrap_or_default();
        if old != text {
            if let Some(dir) = full.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&full, text).with_context(|| format!("writing {}", path.display()))?;
            println!("wrote {}", path.display());
        } else {
            println!("unchanged {}", path.display());
        }
    }
    Ok(())
}

fn check(deny_warnings: bool) -> Result<()> {
    let root = root();
    let mut stale = Vec::new();
    for (path, text) in generated_files(deny_warnings)? {
        let old = std::fs::read_to_string(root.join(&path)).unwrap_or_default();
        if old != text {
            stale.push(path.display().to_string());
        }
    }
    if stale.is_empty() {
        println!("generated code is fresh");
        Ok(())
    } else {
        bail!(
            "generated code is stale: {}\nrun `cargo xtask regen` and commit the result",
            stale.join(", ")
        )
    }
}
