//! `cargo xtask corpus openapi DIR`: generate every OpenAPI document under DIR, compile each
//! result as its own crate, and report `corpus: OK/TOTAL ok, P panics`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::root;

pub fn run(args: &[String]) -> Result<()> {
    match (args.first().map(String::as_str), args.get(1)) {
        (Some("openapi"), Some(dir)) => openapi(Path::new(dir)),
        _ => bail!("usage: cargo xtask corpus openapi DIR"),
    }
}

/// Files under `dir` whose top level has an `openapi` or `swagger` key (referenced fragments,
/// like Lob's hundreds of model files, are not documents of their own).
fn documents(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !["json", "yaml", "yml"].contains(&ext) {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            if looks_like_openapi(&text) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn looks_like_openapi(text: &str) -> bool {
    // Cheap pre-filter, then a real parse of the top level.
    if !text.contains("openapi") && !text.contains("swagger") {
        return false;
    }
    let (parsed, _) = paragon_codegen::load::yaml::parse(text);
    parsed
        .value
        .as_object()
        .is_some_and(|m| m.contains_key("openapi") || m.contains_key("swagger"))
}

fn crate_name(dir: &Path, doc: &Path) -> String {
    let rel = doc.strip_prefix(dir).unwrap_or(doc);
    let mut name = String::from("corpus_");
    for c in rel.with_extension("").to_string_lossy().chars() {
        name.push(if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '_'
        });
    }
    name
}

enum Outcome {
    Ok,
    Rejected(String),
    Panicked(String),
    CompileFailed(String),
}

fn openapi(dir: &Path) -> Result<()> {
    let docs = documents(dir)?;
    if docs.is_empty() {
        bail!("no OpenAPI documents under {}", dir.display());
    }
    let root = root();
    let work = root.join("target/corpus/openapi");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)?;
    let runtime = root.join("crates/paragon-runtime");
    let mut members = Vec::new();
    let mut outcomes: Vec<(PathBuf, String, Outcome)> = Vec::new();
    for doc in &docs {
        let name = crate_name(dir, doc);
        let started = std::time::Instant::now();
        let result = std::panic::catch_unwind(|| paragon_codegen::generate_openapi(doc));
        let elapsed = started.elapsed();
        let outcome = match result {
            Err(payload) => {
                let msg = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_else(|| "panic".into());
                Outcome::Panicked(msg)
            }
            Ok(Err(diags)) => Outcome::Rejected(
                diags
                    .errors()
                    .next()
                    .map(ToString::to_string)
                    .unwrap_or_else(|| "rejected without an error".into()),
            ),
            Ok(Ok(g)) => {
                let cdir = work.join(&name);
                std::fs::create_dir_all(cdir.join("src"))?;
                std::fs::write(
                    cdir.join("Cargo.toml"),
                    format!(
                        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nparagon-runtime = {{ path = {:?} }}\n",
                        runtime.display().to_string()
                    ),
                )?;
                std::fs::write(cdir.join("src/lib.rs"), &g.source)?;
                members.push(name.clone());
                eprintln!(
                    "generated {} in {:.0} ms ({} types, {} operations, {} warnings)",
                    doc.display(),
                    elapsed.as_secs_f64() * 1000.0,
                    g.api.types.len(),
                    g.api.operations.len(),
                    g.diagnostics.len()
                );
                Outcome::Ok
            }
        };
        outcomes.push((doc.clone(), name, outcome));
    }
    let mut manifest = String::from("[workspace]\nresolver = \"3\"\nmembers = [\n");
    for m in &members {
        let _ = writeln!(manifest, "  {m:?},");
    }
    manifest.push_str("]\n");
    std::fs::write(work.join("Cargo.toml"), manifest)?;
    // Compile each crate on its own so a failure is attributed to its document.
    let target = root.join("target/corpus-target");
    for (doc, name, outcome) in &mut outcomes {
        if !matches!(outcome, Outcome::Ok) {
            continue;
        }
        eprintln!("compiling {}", doc.display());
        let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["check", "--quiet", "--message-format=short", "-p", name])
            .arg("--manifest-path")
            .arg(work.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", &target)
            .output()
            .context("running cargo check")?;
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let first = stderr
                .lines()
                .find(|l| l.contains("error"))
                .unwrap_or("compile failed")
                .to_owned();
            *outcome = Outcome::CompileFailed(first);
        }
    }
    let total = outcomes.len();
    let ok = outcomes
        .iter()
        .filter(|(_, _, o)| matches!(o, Outcome::Ok))
        .count();
    let panics = outcomes
        .iter()
        .filter(|(_, _, o)| matches!(o, Outcome::Panicked(_)))
        .count();
    for (doc, _, outcome) in &outcomes {
        let d = doc.display();
        match outcome {
            Outcome::Ok => {}
            Outcome::Rejected(first) => println!("REJECTED {d}\n    {first}"),
            Outcome::Panicked(msg) => println!("PANIC    {d}\n    {msg}"),
            Outcome::CompileFailed(first) => println!("NO BUILD {d}\n    {first}"),
        }
    }
    println!("corpus: {ok}/{total} ok, {panics} panics");
    Ok(())
}
