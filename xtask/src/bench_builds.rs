//! How long generated clients take to compile: `cargo xtask bench --only builds [--write]`, and
//! part of every full `cargo xtask bench`.
//!
//! The crate `paragon-codegen generate` writes for oxide.json is built beside progenitor's crate
//! for the same document (written by the `progenitor-crate` bench binary), in one target
//! directory, in interleaved rounds: each round cleans one crate (`cargo clean -p`) and times a
//! clean `cargo build`, then a `cargo check`, with the dependencies already built. The same for
//! our crate with one tag's feature on, and for a synthetic 4 MB document (ours only: progenitor
//! cannot read one). Peak memory is the largest resident set of the cargo process tree, from
//! `/usr/bin/time` when the machine has it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::bench::{cargo, machine, run};
use crate::root;

/// Marks the section of BENCHMARKS.md this writes.
pub const BEGIN: &str = "<!-- builds: cargo xtask bench --only builds --write -->";
pub const END: &str = "<!-- /builds -->";

/// Rounds per figure.
const ROUNDS: usize = 3;

/// One crate to build, with the cargo arguments that pick its features.
struct Subject {
    label: String,
    package: &'static str,
    manifest: PathBuf,
    features: Vec<String>,
    lines: usize,
    builds: Vec<Timed>,
    checks: Vec<Timed>,
}

#[derive(Clone, Copy)]
struct Timed {
    secs: f64,
    /// Peak resident set of the cargo process tree, MiB (when `/usr/bin/time` is there).
    mib: Option<f64>,
}

/// The shared target directory of every crate measured here.
fn target_dir() -> PathBuf {
    root().join("target/bench-builds/target")
}

impl Subject {
    /// `cargo <verb>` of this crate, quiet, in the shared target directory.
    fn cargo(&self, verb: &str) -> Command {
        let mut cmd = cargo();
        cmd.args([verb, "--quiet", "--manifest-path"])
            .arg(&self.manifest)
            .env("CARGO_TARGET_DIR", target_dir());
        if verb != "clean" && !self.features.is_empty() {
            cmd.args(["--no-default-features", "--features"])
                .arg(self.features.join(","));
        }
        cmd
    }

    /// A clean `cargo build` or `cargo check` of this crate alone.
    fn timed(&self, verb: &str, time: Option<&Path>) -> Result<Timed> {
        let mut clean = self.cargo("clean");
        clean.args(["-p", self.package]);
        run(&mut clean, &format!("cargo clean -p {}", self.package))?;
        let what = format!("cargo {verb} of {}", self.label);
        let report = target_dir().join("time.txt");
        let start = Instant::now();
        match time {
            Some(time) => {
                let inner = self.cargo(verb);
                let mut cmd = Command::new(time);
                cmd.args(["-f", "%e %M", "-o"]).arg(&report);
                cmd.arg(inner.get_program()).args(inner.get_args());
                for (k, v) in inner.get_envs() {
                    if let Some(v) = v {
                        cmd.env(k, v);
                    }
                }
                run(&mut cmd, &what)?;
            }
            None => {
                run(&mut self.cargo(verb), &what)?;
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let mib = time.and_then(|_| {
            let text = std::fs::read_to_string(&report).ok()?;
            let kib: f64 = text
                .lines()
                .last()?
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()?;
            Some(kib / 1024.0)
        });
        Ok(Timed { secs, mib })
    }
}

/// The median of `xs` (by time), with the median of their peaks.
fn median(xs: &[Timed]) -> Option<Timed> {
    let mut secs: Vec<f64> = xs.iter().map(|t| t.secs).collect();
    secs.sort_by(f64::total_cmp);
    let mut mib: Vec<f64> = xs.iter().filter_map(|t| t.mib).collect();
    mib.sort_by(f64::total_cmp);
    Some(Timed {
        secs: *secs.get(secs.len() / 2)?,
        mib: mib.get(mib.len() / 2).copied(),
    })
}

fn release_bin(package: &str, bin: &str, features: &[&str]) -> Result<PathBuf> {
    let mut cmd = cargo();
    cmd.args(["build", "--release", "--quiet", "-p", package, "--bin", bin]);
    for f in features {
        cmd.args(["--features", f]);
    }
    run(&mut cmd, &format!("building {bin}"))?;
    Ok(root().join("target/release").join(bin))
}

/// Writes our crate for `doc` into `dir` with the CLI, as a user gets it; returns its lines.
fn generate_ours(cli: &Path, doc: &Path, dir: &Path, name: &str) -> Result<usize> {
    let _ = std::fs::remove_dir_all(dir);
    run(
        Command::new(cli)
            .args(["generate", "--spec"])
            .arg(doc)
            .arg("--out")
            .arg(dir)
            .args(["--crate-name", name]),
        &format!("paragon-codegen generate {}", doc.display()),
    )?;
    count_lines(&dir.join("src"))
}

fn count_lines(dir: &Path) -> Result<usize> {
    let mut n = 0;
    for e in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "rs") {
            n += std::fs::read_to_string(&p)?.lines().count();
        }
    }
    Ok(n)
}

/// The features of a crate the CLI wrote, from its Cargo.toml: (name, operations), read from
/// the comment above each (`… (N operation(s))`).
fn tag_features(manifest: &Path) -> Result<Vec<(String, usize)>> {
    let text = std::fs::read_to_string(manifest)?;
    let mut out = Vec::new();
    let mut ops = None;
    for line in text.lines() {
        if let Some(comment) = line.strip_prefix("# ") {
            ops = comment
                .rsplit_once(" (")
                .and_then(|(_, n)| n.strip_suffix(" operation(s))"))
                .and_then(|n| n.parse::<usize>().ok());
        } else if let (Some(name), Some(n)) = (line.strip_suffix(" = []"), ops.take()) {
            out.push((name.to_owned(), n));
        }
    }
    Ok(out)
}

/// Measures everything and appends the section (between [`BEGIN`] and [`END`]) to `r`.
pub fn report(r: &mut String, oxide: &Path) -> Result<()> {
    if !oxide.is_file() {
        let _ = writeln!(
            r,
            "{BEGIN}\n## Compile time of generated clients\n\nnot measured: {} is missing (it is in ../shared/corpus)\n{END}\n",
            oxide.display()
        );
        return Ok(());
    }
    eprintln!("building the generators…");
    let cli = release_bin("paragon-cli", "paragon-codegen", &[])?;
    let progenitor_crate = release_bin("paragon-bench", "progenitor-crate", &["baselines"])?;
    let synth = release_bin("paragon-bench", "synth", &["baselines"])?;
    let dir = root().join("target/bench-builds");
    std::fs::create_dir_all(&dir)?;

    eprintln!("generating the crates…");
    let ours_dir = dir.join("ours-oxide");
    let ours_lines = generate_ours(&cli, oxide, &ours_dir, "bench-ours")?;
    let prog_dir = dir.join("progenitor-oxide");
    let _ = std::fs::remove_dir_all(&prog_dir);
    run(
        Command::new(&progenitor_crate).arg(oxide).arg(&prog_dir),
        "progenitor-crate",
    )?;
    let prog_lines = count_lines(&prog_dir.join("src"))?;
    let synth_doc = dir.join("synth-4.json");
    run(
        Command::new(&synth).arg("4").arg(&synth_doc),
        "writing the 4 MB document",
    )?;
    let synth_mb = std::fs::metadata(&synth_doc)
        .map(|m| m.len() as f64 / 1e6)
        .unwrap_or(0.0);
    let synth_dir = dir.join("ours-synth");
    let synth_lines = generate_ours(&cli, &synth_doc, &synth_dir, "bench-synth")?;

    // One tag: the largest, and the one of median size.
    let mut tags = tag_features(&ours_dir.join("Cargo.toml"))?;
    tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let total_ops: usize = tags.iter().map(|t| t.1).sum();
    let picked: Vec<(String, usize)> = match (tags.first(), tags.get(tags.len() / 2)) {
        (Some(big), Some(mid)) if big.0 != mid.0 => vec![big.clone(), mid.clone()],
        (Some(big), _) => vec![big.clone()],
        _ => bail!("the oxide.json crate has no tag features"),
    };

    let subject = |label: String, package, dir: &Path, features: Vec<String>, lines| Subject {
        label,
        package,
        manifest: dir.join("Cargo.toml"),
        features,
        lines,
        builds: Vec::new(),
        checks: Vec::new(),
    };
    let mut subjects = vec![
        subject(
            "paragon, oxide.json".into(),
            "bench-ours",
            &ours_dir,
            Vec::new(),
            ours_lines,
        ),
        subject(
            "progenitor-impl 0.15, oxide.json".into(),
            "bench-progenitor",
            &prog_dir,
            Vec::new(),
            prog_lines,
        ),
    ];
    for (tag, ops) in &picked {
        subjects.push(subject(
            format!("paragon, oxide.json, feature `{tag}` alone ({ops} of {total_ops} operations)"),
            "bench-ours",
            &ours_dir,
            vec![tag.clone()],
            ours_lines,
        ));
    }
    subjects.push(subject(
        format!("paragon, synthetic {synth_mb:.1} MB document"),
        "bench-synth",
        &synth_dir,
        Vec::new(),
        synth_lines,
    ));

    let time = Path::new("/usr/bin/time");
    let time = time.is_file().then_some(time);
    eprintln!("building every crate's dependencies…");
    for s in &subjects {
        run(&mut s.cargo("build"), &format!("warming {}", s.label))?;
        run(&mut s.cargo("check"), &format!("warming {}", s.label))?;
    }
    for round in 1..=ROUNDS {
        for s in &mut subjects {
            eprintln!("round {round}/{ROUNDS}: {}…", s.label);
            let b = s.timed("build", time)?;
            let c = s.timed("check", time)?;
            s.builds.push(b);
            s.checks.push(c);
        }
    }

    let _ = writeln!(
        r,
        "{BEGIN}\n## Compile time of generated clients\n\nMachine: {}\n",
        machine()
    );
    let _ = writeln!(
        r,
        "Command: `cargo xtask bench --only builds --write` (`xtask/src/bench_builds.rs`). Our crate is what `paragon-codegen generate` writes; progenitor's is progenitor-impl 0.15's module for the same document with the dependencies its code names (`progenitor-crate`). One target directory, dependencies built first; then {ROUNDS} interleaved rounds, each a `cargo clean -p` of the crate and a timed clean `cargo build` (debug), then the same for `cargo check`. Medians; peak memory is the largest resident set in the cargo process tree (`/usr/bin/time`).\n"
    );
    let _ = writeln!(
        r,
        "| crate | lines | `cargo build` | peak memory | `cargo check` | peak memory |"
    );
    let _ = writeln!(r, "|---|---|---|---|---|---|");
    let mib = |t: Timed| t.mib.map_or("–".into(), |m| format!("{m:.0} MiB"));
    let mut medians = Vec::new();
    for s in &subjects {
        let (Some(b), Some(c)) = (median(&s.builds), median(&s.checks)) else {
            continue;
        };
        let _ = writeln!(
            r,
            "| {} | {} | {:.1} s | {} | {:.1} s | {} |",
            s.label,
            s.lines,
            b.secs,
            mib(b),
            c.secs,
            mib(c)
        );
        medians.push((b, c));
    }
    if let [ours, prog, rest @ ..] = medians.as_slice() {
        let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { f64::NAN };
        let _ = writeln!(
            r,
            "\nOurs / progenitor's, same run: `cargo build` **{:.2}**, `cargo check` **{:.2}**; peak memory {}.",
            ratio(ours.0.secs, prog.0.secs),
            ratio(ours.1.secs, prog.1.secs),
            match (ours.0.mib, prog.0.mib) {
                (Some(a), Some(b)) => format!("{:.2} of progenitor's (build)", a / b),
                _ => "not measured".into(),
            }
        );
        for ((tag, _), tagged) in picked.iter().zip(rest) {
            let _ = writeln!(
                r,
                "One tag (`{tag}`) alone: `cargo build` **{:.3}** of progenitor's whole crate.",
                ratio(tagged.0.secs, prog.0.secs)
            );
        }
    }
    let _ = writeln!(r, "\n{WHY}\n{END}\n");
    Ok(())
}

/// What the generated code does to compile fast, under the table.
const WHY: &str = "\
Where the time went, and what changed (rustc `-Z time-passes` on the oxide.json crate, a debug build of the library alone; details in `docs/notes/compile-time.md`). Before: 18.0 s, of which borrow checking 6.1 s, type checking 6.0 s, coherence 3.2 s, serde's derive expansion 1.4 s; after: 5.2 s `check`, type checking 1.6 s, borrow checking 2.0 s, coherence 0.4 s.

- **serde derives → a spelled-out impl over `paragon_runtime::codec`.** A derived `Deserialize` is a field enum, a visitor and `visit_map`/`visit_seq` per type: most of the bodies rustc type-checks and borrow-checks. A generated struct now lists its members and a tuple of partial values (`codec::Object`) and its `Deserialize` is one call to `codec::object`, so the visitor is compiled once, in the runtime; string enums go through `codec::string`, unions through `codec::via_value`. On 1,400 structs of 8 fields, `cargo check` fell from 23.8 s to 4.8 s. Wire behaviour is unchanged (the golden clients' and the Paragon clients' tests run against the same bodies).
- **No async state machine per operation.** `op` and `op_with_response` are plain functions that build the request and return `request.call(read)`, a `paragon_runtime::Call<T>`: the wait (rate limit, retries, the body read under its cap) is one boxed future compiled once in the runtime, and `read` is a plain `fn(Received)` that matches the status, not generic over the response. With an `async fn` per operation rustc type-checked, borrow-checked and proved `Send` for 630 state machines: a quarter of the check (rustc's count 6.9 s before, 5.2 s after). The price is one allocation per request; the future is `Send`, `Unpin` and `'static`, so it can be spawned or stored.
- **`#[inline]` on every operation and type function**, so their machine code is made in the crate that calls them (a user who calls 5 of 315 operations compiles 5): monomorphised items in the build fell from 34,053 to 6,204, and `cargo build` is now close to `cargo check`.
- **Derives users need**: `Debug, Clone, PartialEq` on structs, `Debug, Clone, PartialEq, Eq, Hash` on string enums (map keys, sets); no `Eq` on structs (a float member cannot have it) and no `Ord` anywhere: fewer impls for coherence to check.
- **A feature per tag.** Each operation is under the features of its tags and each type under the features of the operations that reach it, so one tag compiles only its part (`ir/select.rs`).

The 4 MB document (1,500 operations, 7,000 schemas) is 800,000 lines; its build needs about 7 GB at its peak (one rustc on one crate), so a machine with less memory should build it with a feature per tag turned on as needed. Our crate has more lines than progenitor's for the same document (doc comments from every description, one line per member in the codec impls) and still compiles in well under half the time: lines are not what the compiler pays for.";

/// `--only builds [--write]`: the section alone; `--write` replaces it in BENCHMARKS.md and
/// leaves the rest as the last full run wrote it.
pub fn only(write: bool, oxide: &Path) -> Result<()> {
    let mut r = String::new();
    report(&mut r, oxide)?;
    println!("{r}");
    if write {
        let path = root().join("BENCHMARKS.md");
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let section = r.trim_end();
        let updated = crate::bench::replace_marked(&text, BEGIN, END, section);
        std::fs::write(&path, updated).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote the compile-time section of {}", path.display());
    }
    Ok(())
}
