//! `cargo xtask corpus openapi DIR`: generate every OpenAPI document under DIR, compile each
//! result as its own crate, and report `corpus: OK/TOTAL ok, P panics`.
//!
//! `cargo xtask corpus arazzo DIR`: the same for every Arazzo document under DIR. A document is a
//! negative fixture when its path has a `fail` folder or `xtask/corpus-arazzo.txt` lists it as
//! `invalid` (each with the reason, reviewed by hand): it counts as ok when it is rejected with
//! a located error. Every other document counts as ok when its generated code compiles.
//! Documents whose source descriptions are not on disk (remote URLs, missing files) cannot be
//! compiled by anyone offline, and those the list marks `out-of-scope` (Arazzo 1.1 AsyncAPI
//! features): both are reported and left out of the total. Documents the list marks
//! `unsupported` count in the total as not ok, and are expected to be refused with a located
//! error that says why.
//!
//! Generated crates are compiled with clippy. Both commands exit non-zero on a panic, on any
//! result the lists do not expect (a failure, or an `unsupported` document that now generates,
//! whose line should go) and on any compiler or clippy warning in generated code, so they can
//! gate a change.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::root;

pub fn run(args: &[String]) -> Result<()> {
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let rest: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with('-'))
        .collect();
    match rest.as_slice() {
        ["openapi", dir] => openapi(Path::new(dir), verbose),
        ["arazzo", dir] => arazzo(Path::new(dir)),
        ["json-schema", dir] => {
            crate::conformance::run(Path::new(dir), args.iter().any(|a| a == "--write"))
        }
        _ => bail!(
            "usage: cargo xtask corpus <openapi | arazzo> DIR [--verbose] | corpus json-schema DIR [--write]"
        ),
    }
}

/// Every `.json`/`.yaml`/`.yml` file under `dir`, sorted.
fn candidate_files(dir: &Path) -> Result<Vec<PathBuf>> {
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
            if ["json", "yaml", "yml"].contains(&ext) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// What a candidate file of the OpenAPI corpus is.
enum Candidate {
    /// A document to generate.
    Document,
    /// A file that cannot be read or parsed: a document that fails, unless another document
    /// reaches it through `$ref` (then its error shows there).
    Broken(String),
    /// Not a document, and why.
    Other(&'static str),
}

fn classify_openapi(path: &Path) -> Candidate {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Candidate::Broken(format!("{}: cannot be read: {e}", path.display())),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Candidate::Broken(format!("{}: error: not UTF-8 text", path.display()));
    };
    let (parsed, problems) = paragon_codegen::load::parse_text(path, &text);
    let top = parsed.value.as_object();
    if top.is_some_and(|m| m.contains_key("openapi") || m.contains_key("swagger")) {
        return Candidate::Document;
    }
    if let Some(p) = problems.first() {
        return Candidate::Broken(format!(
            "{}:{}:{}: error: {}",
            path.display(),
            p.pos.line,
            p.pos.col,
            p.message
        ));
    }
    Candidate::Other("no top-level `openapi` or `swagger` key")
}

/// Files under `dir` whose top level has one of `keys` (referenced fragments, like Lob's
/// hundreds of model files, are not documents of their own).
fn documents(dir: &Path, keys: &[&str]) -> Result<Vec<PathBuf>> {
    Ok(candidate_files(dir)?
        .into_iter()
        .filter(|path| {
            std::fs::read_to_string(path).is_ok_and(|text| has_top_level_key(path, &text, keys))
        })
        .collect())
}

fn has_top_level_key(path: &Path, text: &str, keys: &[&str]) -> bool {
    // Cheap pre-filter, then a real parse of the top level.
    if !keys.iter().any(|k| text.contains(k)) {
        return false;
    }
    let (parsed, _) = paragon_codegen::load::parse_text(path, text);
    parsed
        .value
        .as_object()
        .is_some_and(|m| keys.iter().any(|k| m.contains_key(*k)))
}

fn crate_name(dir: &Path, doc: &Path) -> String {
    let rel = doc.strip_prefix(dir).unwrap_or(doc);
    let mut name = String::from("corpus_");
    // The extension stays in the name: `minimal.yaml` and `minimal.json` are two documents.
    for c in rel.to_string_lossy().chars() {
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
    /// Refused without a position in the document: never what a list expects.
    RejectedUnlocated(String),
    Panicked(String),
    CompileFailed(String),
    /// A negative fixture that generated code.
    Accepted,
}

struct Entry {
    doc: PathBuf,
    krate: String,
    outcome: Outcome,
    /// Listed as `unsupported`, with the reason: a refusal is expected.
    unsupported: Option<String>,
    /// Compiler and clippy warnings in its generated code (short form, one per line).
    warnings: Vec<String>,
}

/// Reads confined to the corpus directory.
fn within(dir: &Path) -> paragon_codegen::LoadOptions {
    paragon_codegen::LoadOptions {
        root_dir: Some(dir.to_path_buf()),
        ..Default::default()
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "panic".into())
}

fn first_error(diags: &paragon_codegen::Diagnostics) -> String {
    diags
        .errors()
        .next()
        .map(ToString::to_string)
        .unwrap_or_else(|| "rejected without an error".into())
}

/// A scratch workspace of one crate per generated document, each depending on the runtime.
struct Scratch {
    work: PathBuf,
    members: Vec<String>,
}

impl Scratch {
    fn new(kind: &str) -> Result<Self> {
        let work = root().join("target/corpus").join(kind);
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir_all(&work)?;
        Ok(Self {
            work,
            members: Vec::new(),
        })
    }

    fn add(&mut self, name: &str, source: &str) -> Result<()> {
        let runtime = root().join("crates/paragon-runtime");
        let cdir = self.work.join(name);
        std::fs::create_dir_all(cdir.join("src"))?;
        std::fs::write(
            cdir.join("Cargo.toml"),
            format!(
                "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nparagon-runtime = {{ path = {:?}, features = [\"xpath\"] }}\n",
                runtime.display().to_string()
            ),
        )?;
        std::fs::write(cdir.join("src/lib.rs"), source)?;
        self.members.push(name.to_owned());
        Ok(())
    }

    /// Runs clippy over every crate (one cargo run, `--keep-going`), marks the entries whose
    /// crate has an error and counts each crate's warnings.
    fn compile(&self, entries: &mut [Entry]) -> Result<()> {
        if self.members.is_empty() {
            return Ok(());
        }
        let mut manifest = String::from("[workspace]\nresolver = \"3\"\nmembers = [\n");
        for m in &self.members {
            let _ = writeln!(manifest, "  {m:?},");
        }
        manifest.push_str("]\n");
        std::fs::write(self.work.join("Cargo.toml"), manifest)?;
        eprintln!("compiling {} crates", self.members.len());
        let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args([
                "clippy",
                "--quiet",
                "--workspace",
                "--keep-going",
                "--message-format=short",
            ])
            .arg("--manifest-path")
            .arg(self.work.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", root().join("target/corpus-target"))
            .output()
            .context("running cargo clippy")?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        for e in entries.iter_mut() {
            if !matches!(e.outcome, Outcome::Ok) {
                continue;
            }
            let prefix = format!("{}/", e.krate);
            e.warnings = stderr
                .lines()
                .filter(|l| l.contains(&prefix) && l.contains(": warning"))
                .map(str::to_owned)
                .collect();
            let mut errors = stderr
                .lines()
                .filter(|l| l.contains(&prefix) && l.contains(": error"));
            if let Some(first) = errors.next() {
                e.outcome = Outcome::CompileFailed(first.to_owned());
            } else if !out.status.success()
                && stderr.contains(&format!("could not compile `{}`", e.krate))
            {
                e.outcome = Outcome::CompileFailed("compile failed".into());
            }
        }
        Ok(())
    }
}

/// Prints every result that is not ok and the summary line; fails when a result is a panic or
/// is not what the lists expect.
fn report(entries: &[Entry], extra: &str) -> Result<()> {
    let total = entries.len();
    let ok = entries
        .iter()
        .filter(|e| matches!(e.outcome, Outcome::Ok))
        .count();
    let panics = entries
        .iter()
        .filter(|e| matches!(e.outcome, Outcome::Panicked(_)))
        .count();
    let mut unexpected = 0;
    for e in entries {
        let d = e.doc.display();
        // What to print, and whether the verdicts expected it.
        let (expected, text) = match (&e.outcome, &e.unsupported) {
            (Outcome::Ok, None) => continue,
            (Outcome::Ok, Some(reason)) => (
                false,
                format!("NOW OK   {d}\n    listed as unsupported ({reason}): remove its line"),
            ),
            (Outcome::Rejected(first), Some(reason)) => {
                (true, format!("UNSUPPORTED {d}\n    {reason}\n    {first}"))
            }
            (Outcome::Rejected(first), None) => (false, format!("REJECTED {d}\n    {first}")),
            (Outcome::RejectedUnlocated(first), _) => (
                false,
                format!("REJECTED {d} (with no location)\n    {first}"),
            ),
            (Outcome::Panicked(msg), _) => (false, format!("PANIC    {d}\n    {msg}")),
            (Outcome::CompileFailed(first), _) => (false, format!("NO BUILD {d}\n    {first}")),
            (Outcome::Accepted, _) => (
                false,
                format!("ACCEPTED {d}\n    a negative fixture generated code"),
            ),
        };
        if !expected {
            unexpected += 1;
        }
        println!("{text}");
    }
    let mut warnings = 0;
    for e in entries.iter().filter(|e| !e.warnings.is_empty()) {
        warnings += e.warnings.len();
        println!("WARNINGS {} ({})", e.doc.display(), e.warnings.len());
        for w in e.warnings.iter().take(3) {
            println!("    {w}");
        }
    }
    if !extra.is_empty() {
        println!("{extra}");
    }
    println!(
        "corpus: {ok}/{total} ok, {panics} panics, {unexpected} unexpected, {warnings} warnings in generated code"
    );
    if unexpected > 0 {
        bail!("{unexpected} results the corpus lists do not expect (see above)");
    }
    if warnings > 0 {
        bail!("{warnings} compiler or clippy warnings in generated code (see above)");
    }
    Ok(())
}

fn openapi(dir: &Path, verbose: bool) -> Result<()> {
    let files = candidate_files(dir)?;
    let mut docs = Vec::new();
    let mut broken = Vec::new();
    let mut others = Vec::new();
    for f in &files {
        match classify_openapi(f) {
            Candidate::Document => docs.push(f.clone()),
            Candidate::Broken(e) => broken.push((f.clone(), e)),
            Candidate::Other(why) => others.push((f.clone(), why.to_owned())),
        }
    }
    // Files the documents reach through `$ref` are parts of them, not documents of their own.
    let mut reached = std::collections::HashSet::new();
    for doc in &docs {
        let mut sources = paragon_codegen::load::Sources::new(within(dir));
        let mut diags = paragon_codegen::Diagnostics::default();
        let root = sources.load_tree(doc, &mut diags);
        for id in sources.ids() {
            if Some(id) != root {
                reached.insert(paragon_codegen::load::normalize(&sources.file(id).path));
            }
        }
    }
    let mut broken_docs = Vec::new();
    for (f, e) in broken {
        if reached.contains(&paragon_codegen::load::normalize(&f)) {
            others.push((
                f,
                "a part of another document that fails to parse (its error shows there)".into(),
            ));
        } else {
            broken_docs.push((f, e));
        }
    }
    for (f, why) in others.iter_mut() {
        if reached.contains(&paragon_codegen::load::normalize(f)) && why.starts_with("no top-level")
        {
            *why = "a part of another document (reached through `$ref`)".into();
        }
    }
    println!(
        "looked at {} files: {} documents, {} that fail to parse, {} parts or other files",
        files.len(),
        docs.len(),
        broken_docs.len(),
        others.len()
    );
    if verbose {
        for (f, why) in &others {
            println!("NOT A DOCUMENT {}: {why}", f.display());
        }
    }
    if docs.is_empty() && broken_docs.is_empty() {
        bail!("no OpenAPI documents under {}", dir.display());
    }
    let mut scratch = Scratch::new("openapi")?;
    let mut entries = Vec::new();
    for doc in docs {
        let krate = crate_name(dir, &doc);
        let started = std::time::Instant::now();
        let options = within(dir);
        let result = std::panic::catch_unwind(|| {
            paragon_codegen::Generator::new()
                .with_load(options.clone())
                .openapi(&doc)
                .map(|g| {
                    let source = g.source();
                    (g, source)
                })
        });
        let elapsed = started.elapsed();
        let outcome = match result {
            Err(payload) => Outcome::Panicked(panic_message(&*payload)),
            Ok(Err(diags)) => Outcome::Rejected(first_error(&diags)),
            Ok(Ok((_, Err(message)))) => Outcome::Rejected(message),
            Ok(Ok((g, Ok(source)))) => {
                scratch.add(&krate, &source)?;
                eprintln!(
                    "generated {} in {:.0} ms ({}, {} warnings)",
                    doc.display(),
                    elapsed.as_secs_f64() * 1000.0,
                    g.summary(),
                    g.diagnostics.len()
                );
                Outcome::Ok
            }
        };
        entries.push(Entry {
            doc,
            krate,
            outcome,
            unsupported: None,
            warnings: Vec::new(),
        });
    }
    for (doc, error) in broken_docs {
        entries.push(Entry {
            krate: crate_name(dir, &doc),
            doc,
            outcome: Outcome::Rejected(error),
            unsupported: None,
            warnings: Vec::new(),
        });
    }
    entries.sort_by(|a, b| a.doc.cmp(&b.doc));
    scratch.compile(&mut entries)?;
    report(&entries, "")
}

/// What `xtask/corpus-arazzo.txt` says of a document.
#[derive(Clone, Copy, PartialEq)]
enum Verdict {
    Invalid,
    OutOfScope,
    Unsupported,
}

/// `invalid|out-of-scope|unsupported PATH -- reason` lines, paths relative to the corpus.
/// The verdicts for the corpus in `dir`: `xtask/corpus-<name of dir>.txt` (`corpus-arazzo.txt`
/// for `../shared/corpus/arazzo`, `corpus-arazzo-jentic.txt` for `…/arazzo-jentic`); none when
/// there is no such file.
fn expectations(dir: &Path) -> Result<std::collections::HashMap<PathBuf, (Verdict, String)>> {
    let name = dir
        .file_name()
        .map_or_else(|| "arazzo".into(), |n| n.to_string_lossy().into_owned());
    let file = root().join(format!("xtask/corpus-{name}.txt"));
    if !file.is_file() {
        return Ok(std::collections::HashMap::new());
    }
    let text =
        std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
    let mut out = std::collections::HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (head, reason) = line.split_once(" -- ").unwrap_or((line, ""));
        let (verdict, path) = head.split_once(' ').with_context(|| {
            format!(
                "{}:{}: expected `VERDICT PATH -- reason`",
                file.display(),
                n + 1
            )
        })?;
        let verdict = match verdict {
            "invalid" => Verdict::Invalid,
            "out-of-scope" => Verdict::OutOfScope,
            "unsupported" => Verdict::Unsupported,
            other => bail!("{}:{}: unknown verdict `{other}`", file.display(), n + 1),
        };
        out.insert(
            PathBuf::from(path.trim()),
            (verdict, reason.trim().to_owned()),
        );
    }
    Ok(out)
}

/// The first source description whose document is not on disk, if any.
fn unavailable_source(doc: &Path) -> Option<String> {
    let text = std::fs::read_to_string(doc).ok()?;
    let (parsed, _) = paragon_codegen::load::parse_text(doc, &text);
    let sources = parsed.value.get("sourceDescriptions")?.as_array()?;
    let base = doc.parent()?;
    sources.iter().find_map(|sd| {
        let url = sd.get("url")?.as_str()?;
        let remote = paragon_codegen::load::is_remote(url);
        (remote || !base.join(url).is_file()).then(|| url.to_owned())
    })
}

fn arazzo(dir: &Path) -> Result<()> {
    let docs = documents(dir, &["arazzo"])?;
    if docs.is_empty() {
        bail!("no Arazzo documents under {}", dir.display());
    }
    let expected = expectations(dir)?;
    let mut scratch = Scratch::new("arazzo")?;
    let mut entries = Vec::new();
    let mut left_out = Vec::new();
    let (mut positive, mut negative) = (0, 0);
    // Per kind of warning, how many documents that compile needed it.
    let mut warning_kinds = std::collections::BTreeMap::<String, usize>::new();
    for doc in docs {
        let rel = doc.strip_prefix(dir).unwrap_or(&doc).to_path_buf();
        let verdict = expected.get(&rel);
        let in_fail_dir = rel
            .parent()
            .is_some_and(|p| p.components().any(|c| c.as_os_str() == "fail"));
        let negative_fixture = in_fail_dir || verdict.is_some_and(|(v, _)| *v == Verdict::Invalid);
        if let Some((Verdict::OutOfScope, reason)) = verdict {
            left_out.push(format!("{}: {reason}", rel.display()));
            continue;
        }
        if !negative_fixture && let Some(url) = unavailable_source(&doc) {
            left_out.push(format!("{}: source `{url}` is not on disk", rel.display()));
            continue;
        }
        if negative_fixture {
            negative += 1;
        } else {
            positive += 1;
        }
        let krate = crate_name(dir, &doc);
        let result = std::panic::catch_unwind(|| {
            paragon_codegen::Generator::new()
                .with_load(within(dir))
                .workflows(&doc)
                .map(|g| {
                    let kinds: std::collections::BTreeSet<String> =
                        g.diagnostics.iter().map(warning_kind).collect();
                    (kinds, g.source())
                })
        });
        let result = result.map(|r| {
            r.map(|(kinds, formatted)| {
                if !negative_fixture {
                    for k in kinds {
                        *warning_kinds.entry(k).or_insert(0) += 1;
                    }
                }
                formatted
            })
        });
        let unsupported = verdict
            .filter(|(v, _)| *v == Verdict::Unsupported && !negative_fixture)
            .map(|(_, reason)| reason.clone());
        let outcome = match (result, negative_fixture) {
            (Err(payload), _) => Outcome::Panicked(panic_message(&*payload)),
            (Ok(Err(diags)), false) if diags.errors().any(|d| d.pos.is_some()) => {
                Outcome::Rejected(first_error(&diags))
            }
            (Ok(Err(diags)), false) => Outcome::RejectedUnlocated(first_error(&diags)),
            (Ok(Err(diags)), true) if diags.errors().any(|d| d.pos.is_some()) => Outcome::Ok,
            (Ok(Err(diags)), true) => Outcome::Rejected(format!(
                "rejected, but with no located error: {}",
                first_error(&diags)
            )),
            (Ok(Ok(_)), true) => Outcome::Accepted,
            (Ok(Ok(Err(message))), false) => {
                Outcome::RejectedUnlocated(format!("formatting the generated code: {message}"))
            }
            (Ok(Ok(Ok(source))), false) => {
                scratch.add(&krate, &source)?;
                Outcome::Ok
            }
        };
        entries.push(Entry {
            doc,
            krate,
            outcome,
            unsupported,
            warnings: Vec::new(),
        });
    }
    scratch.compile(&mut entries)?;
    let mut extra = String::new();
    for l in &left_out {
        let _ = writeln!(extra, "LEFT OUT {l}");
    }
    let kinds = warning_kinds;
    if !kinds.is_empty() {
        let _ = writeln!(extra, "warnings, by kind: how many documents needed each");
        let mut by_count: Vec<(&String, &usize)> = kinds.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (kind, n) in by_count {
            let _ = writeln!(extra, "  {n:>4}  {kind}");
        }
    }
    let _ = write!(
        extra,
        "{positive} documents to generate and compile, {negative} negative fixtures to reject, {} left out",
        left_out.len()
    );
    report(&entries, &extra)
}

/// A warning's kind: its code, else its message with every `quoted` part and number left out
/// (so one kind of problem at many places counts once).
fn warning_kind(d: &paragon_codegen::Diagnostic) -> String {
    if let Some(code) = d.code {
        return code.to_owned();
    }
    let shape: String = d
        .message
        .split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 0 { part } else { "`…`" })
        .collect();
    let mut out = String::with_capacity(shape.len());
    for c in shape.chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('N') {
                out.push('N');
            }
        } else {
            out.push(c);
        }
    }
    out
}
