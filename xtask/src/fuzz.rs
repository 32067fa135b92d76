//! `cargo xtask fuzz [--seconds N] [TARGET…]`: runs the cargo-fuzz targets in `fuzz/` (nightly,
//! libFuzzer), each for N seconds (600 by default), seeded from the repository's fixtures and,
//! when it is beside the repository, `../shared/corpus`. Prints the executions and crashes of
//! each target and fails when any crashed. cargo-fuzz is installed under `target/tools` when it
//! is not on the PATH.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::root;

/// Every target, in the order they run.
pub const TARGETS: &[&str] = &[
    "load",
    "openapi",
    "openapi_structured",
    "arazzo",
    "expressions",
    "body_readers",
    "xpath",
];

/// Seed files larger than this are left out: libFuzzer mutates small inputs best.
const MAX_SEED_BYTES: u64 = 256 << 10;

pub fn run(args: &[String]) -> Result<()> {
    let mut seconds = 600u64;
    let mut targets: Vec<String> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" => {
                seconds = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .context("`--seconds` needs a whole number")?;
            }
            t if TARGETS.contains(&t) => targets.push(t.to_owned()),
            other => bail!(
                "unknown fuzz target or option `{other}`; targets: {}",
                TARGETS.join(", ")
            ),
        }
    }
    if targets.is_empty() {
        targets = TARGETS.iter().map(|t| (*t).to_owned()).collect();
    }
    let path = cargo_fuzz()?;
    let fuzz = root().join("fuzz");
    let mut report = Vec::new();
    for target in &targets {
        let corpus = fuzz.join("corpus").join(target);
        std::fs::create_dir_all(&corpus)?;
        let seeded = seed(target, &corpus)?;
        let artifacts = fuzz.join("artifacts").join(target);
        let before = count_files(&artifacts);
        eprintln!("== {target}: {seconds} s, {seeded} seed files");
        let mut cmd = Command::new("cargo");
        if let Some(path) = &path {
            cmd.env("PATH", path);
        }
        let out = cmd
            .current_dir(&fuzz)
            .args(["+nightly", "fuzz", "run", target])
            .arg(&corpus)
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-print_final_stats=1",
                "-rss_limit_mb=4096",
                "-timeout=20",
            ])
            .output()
            .with_context(|| format!("running cargo fuzz run {target}"))?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        let executions = stderr
            .lines()
            .find_map(|l| l.strip_prefix("stat::number_of_executed_units:"))
            .map(|n| n.trim().to_owned())
            .unwrap_or_else(|| "?".into());
        let crashes = count_files(&artifacts).saturating_sub(before);
        if !out.status.success() {
            // The crash report: the last lines say what and where.
            let tail: Vec<&str> = stderr.lines().rev().take(40).collect();
            for line in tail.into_iter().rev() {
                eprintln!("   {line}");
            }
        }
        report.push((target.clone(), executions, crashes, out.status.success()));
    }
    println!("\n| target | seconds | executions | crashes |\n|---|---|---|---|");
    for (target, executions, crashes, _) in &report {
        println!("| {target} | {seconds} | {executions} | {crashes} |");
    }
    if report.iter().any(|(_, _, c, ok)| *c > 0 || !ok) {
        bail!(
            "a target crashed: the input is in fuzz/artifacts/<target>/; minimise it with `cargo +nightly fuzz tmin <target> <file>` and add it as a regression test"
        );
    }
    Ok(())
}

/// `cargo-fuzz` on the PATH, else installed under `target/tools` (from crates.io): the PATH
/// the `cargo fuzz` child needs, when it differs from ours.
fn cargo_fuzz() -> Result<Option<std::ffi::OsString>> {
    let on_path = Command::new("cargo")
        .args(["fuzz", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if on_path {
        return Ok(None);
    }
    let tools = root().join("target/tools");
    let bin = tools.join("bin");
    if !bin.join("cargo-fuzz").is_file() {
        eprintln!("installing cargo-fuzz under {}", tools.display());
        let status = Command::new("cargo")
            .args(["install", "cargo-fuzz", "--locked", "--root"])
            .arg(&tools)
            .status()
            .context("running cargo install cargo-fuzz")?;
        if !status.success() {
            bail!("cargo install cargo-fuzz failed");
        }
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![bin];
    dirs.extend(std::env::split_paths(&path));
    Ok(Some(std::env::join_paths(dirs)?))
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.flatten().filter(|e| e.path().is_file()).count())
}

/// Copies the seeds of `target` into its corpus directory (once: a corpus that has files keeps
/// what earlier runs found). Returns how many files the corpus starts with.
fn seed(target: &str, corpus: &Path) -> Result<usize> {
    if count_files(corpus) > 0 {
        return Ok(count_files(corpus));
    }
    let repo = root();
    let shared = repo.join("../shared/corpus");
    let docs = |dirs: &[PathBuf], exts: &[&str]| -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut stack: Vec<PathBuf> = dirs.to_vec();
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| exts.contains(&x))
                    && p.metadata().is_ok_and(|m| m.len() <= MAX_SEED_BYTES)
                {
                    out.push(p);
                }
            }
        }
        out.sort();
        out
    };
    let openapi_dirs = [
        repo.join("specs/openapi"),
        repo.join("crates/paragon-codegen/tests/fixtures"),
        repo.join("crates/paragon-macros/tests/fixtures"),
        shared.join("openapi"),
    ];
    let arazzo_dirs = [
        repo.join("specs/arazzo"),
        repo.join("crates/paragon-macros/tests/fixtures"),
        shared.join("arazzo"),
    ];
    let files = match target {
        "load" | "openapi" => docs(&openapi_dirs, &["yml", "yaml", "json"]),
        "arazzo" => docs(&arazzo_dirs, &["yml", "yaml"]),
        _ => Vec::new(),
    };
    for (i, f) in files.iter().enumerate() {
        std::fs::copy(f, corpus.join(format!("seed-{i:04}")))?;
    }
    let mut n = files.len();
    if target == "expressions" {
        // Every `condition:`, `context:` and expression-valued line of the Arazzo seeds.
        for f in docs(&arazzo_dirs, &["yml", "yaml"]) {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            for line in text.lines() {
                let value = line.trim().trim_start_matches("- ");
                let Some((_, v)) = value.split_once(": ") else {
                    continue;
                };
                let v = v.trim().trim_matches('\'').trim_matches('"');
                if v.contains('$') {
                    std::fs::write(corpus.join(format!("seed-{n:05}")), v)?;
                    n += 1;
                }
            }
        }
    }
    Ok(n)
}
