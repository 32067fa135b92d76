//! `cargo xtask bench [--write]`: runs the criterion benches of `paragon-bench`, measures peak
//! memory and the generated crate's build, and prints every figure with its ratio to the baseline
//! measured in the same run. `--write` also writes `BENCHMARKS.md`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::root;

pub(crate) fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

pub(crate) fn run(cmd: &mut Command, what: &str) -> Result<String> {
    let out = cmd.output().with_context(|| format!("running {what}"))?;
    if !out.status.success() {
        bail!(
            "{what} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Medians (ns) of every criterion benchmark under `target/criterion`, by `group/function`.
fn medians(dir: &Path) -> Result<BTreeMap<String, f64>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.ends_with("new/benchmark.json") {
                let meta: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p)?)?;
                let est: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
                    p.with_file_name("estimates.json"),
                )?)?;
                let id = format!(
                    "{}/{}",
                    meta["group_id"].as_str().unwrap_or("?"),
                    meta["function_id"].as_str().unwrap_or("?")
                );
                if let Some(m) = est["median"]["point_estimate"].as_f64() {
                    out.insert(id, m);
                }
            }
        }
    }
    Ok(out)
}

fn ms(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.1} ms", ns / 1e6)
    } else {
        format!("{:.1} µs", ns / 1e3)
    }
}

struct Once {
    ms: f64,
    rss_mib: f64,
}

fn gen_once(bin: &Path, which: &str, file: &Path) -> Option<Once> {
    let out = Command::new(bin).arg(which).arg(file).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |k: &str| -> Option<f64> {
        text.split_whitespace()
            .find_map(|w| w.strip_prefix(k))
            .and_then(|v| v.parse().ok())
    };
    Some(Once {
        ms: field("elapsed_ms=")?,
        rss_mib: field("peak_rss_kib=")? / 1024.0,
    })
}

/// Median time and largest peak memory of `n` fresh-process runs.
fn gen_median(bin: &Path, which: &str, file: &Path, n: usize) -> Option<Once> {
    let mut runs: Vec<Once> = (0..n).filter_map(|_| gen_once(bin, which, file)).collect();
    if runs.is_empty() {
        return None;
    }
    runs.sort_by(|a, b| a.ms.total_cmp(&b.ms));
    let mid = runs.len() / 2;
    let rss = runs.iter().map(|r| r.rss_mib).fold(0.0, f64::max);
    Some(Once {
        ms: runs[mid].ms,
        rss_mib: rss,
    })
}

/// Instructions and heap allocations of one seed-workflow run, counted under valgrind.
struct Counted {
    instructions: f64,
    allocations: f64,
}

/// A number printed by valgrind after `label` on stderr (`Collected : 123`, `in 45 blocks`).
fn valgrind_number(stderr: &str, label: &str, after: &str) -> Option<f64> {
    let line = stderr.lines().find(|l| l.contains(label))?;
    let rest = &line[line.find(after)? + after.len()..];
    let digits: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Runs `workflow-once side n` under a valgrind tool and returns its stderr.
fn under_valgrind(bin: &Path, tool: &str, side: &str, n: u32) -> Option<String> {
    let out = Command::new("valgrind")
        .arg(format!("--tool={tool}"))
        .arg(format!("--{tool}-out-file=/dev/null"))
        .arg(bin)
        .arg(side)
        .arg(n.to_string())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Per-run counts for one side: the difference between 120 runs and 20, over 100, so the
/// simulator's start-up and the first connection cancel out. `None` without valgrind.
fn counted(bin: &Path, side: &str) -> Option<Counted> {
    let per_run = |tool: &str, label: &str, after: &str| -> Option<f64> {
        let few = valgrind_number(&under_valgrind(bin, tool, side, 20)?, label, after)?;
        let many = valgrind_number(&under_valgrind(bin, tool, side, 120)?, label, after)?;
        Some((many - few) / 100.0)
    };
    Some(Counted {
        instructions: per_run("callgrind", "Collected", ":")?,
        allocations: per_run("dhat", "Total:", "bytes in")?,
    })
}

pub(crate) fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or_else(
            || "?".into(),
            |kb| format!("{:.0} GiB", kb / 1024.0 / 1024.0),
        );
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    format!("{cpu}, {cores} cores, {mem} RAM; {rustc}")
}

/// What the figures say, kept with the generator of the page so `--write` does not lose it.
const NOTES: &str = "\
## Reading the figures

- **Which generation stage dominates.** Formatting. Of its serial time, about two thirds
  is `syn::parse2` of the emitted tokens and one third prettyplease (a one-off split measured by
  hand, not by these benches); emitting tokens and planning
  come next, loading (YAML/JSON with positions) is the smallest. What we did: the module is
  emitted and formatted in parts (64 operations per `impl Client` block, 128 types per part) on
  every core, each worker emitting its own parts (tokens are not `Send`), and the parts joined
  in order. The text is byte-identical to formatting the whole module
  (`crates/paragon-codegen/tests/parallel_format.rs`). On oxide.json this took the total from
  about 350 ms to 170 to 220 ms, depending on the run, and peak memory from 81 MiB to 34 MiB,
  since only a few parts' tokens and syntax trees are alive at once. The criterion median meets
  the 250 ms target; one fresh process took 189 to 352 ms over the runs so far on this shared
  2-core machine, so the target is not met with any margin. `syn::parse2` is now the floor.
- **Against progenitor.** Measured here on the same machine and documents, progenitor's own
  generation of oxide.json takes about 200 ms and 70 MiB: our wall-clock time is level with it
  (a ratio of 0.83 to 1.07 over the runs so far, with more CPU time than progenitor), and our peak memory is half. The 2.5 s and 90 MB quoted elsewhere
  include its rustfmt run, which neither side runs here. progenitor reads only OpenAPI 3.0
  (through `openapiv3`), so it is not run on the Paragon specs and Mistral's document (3.1).
- **Generated code.** One `impl Client` per 64 operations. Each operation has a private request
  builder, `op` and `op_with_response` (plain functions returning `paragon_runtime::Call<T>`,
  one boxed future per request). Retries, authentication, query encoding and error
  bodies live in `paragon-runtime`, once.
- **Workflow overhead.** Each compiled step keeps only what its own expressions read: the
  request record, `$url` and `$method` are built only for steps whose criteria or outputs use
  them, and a bare `$inputs.x` parameter goes to the request builder as it is. A JSONPath
  criterion made of member names (`$.status != 'SYNCING'`) reads the one value it can select
  straight from the body bytes, along the equivalent JSON Pointer, instead of parsing a JSON
  tree; other queries still run on the tree. Step outputs that are top-level members of the
  body decode together in one pass (a generated struct of `Option` fields), and one by one
  along their pointers when that pass cannot give the same answer (a duplicate key, a member of
  another shape). `run()` moves the outputs out of the finished state instead of copying them.
  The runtime client keeps a retry's copy of a request in parts (no `reqwest` extensions per
  request) and no longer allocates to pick a credential or to check a path for dot segments.
  Before these changes the wall-clock ratio was 1.05 to 1.17 and the instruction ratio 1.17;
  after them the instruction count is 1.02 of the hand-written sequence and the allocation
  count 1.03. The wall-clock ratio was 1.12, 1.02 and 1.01 in the three runs since (the
  first before the client changes and before both sides sent the same requests): between
  rounds of one run each side moves by 10 to 25 % on two cores shared with the simulator, and
  whichever side runs first in a round is faster, so the benches run five rounds with the
  order alternating and report the median of the rounds. On one thread (`workflow-once`, CPU time over 3,000 runs, seven
  alternating runs) the workflow takes 1.05 to 1.08 of the hand-written time and the typed
  operations alone 1.00 to 1.05; that gap moves with code layout (it changes sign when the
  same code is built with frame pointers), while the instruction count does not. The
  instruction and allocation counts under valgrind are the figures that no other load on the
  machine moves. Both sides send the same requests, `User-Agent` included.
- **Decoding.** The runtime hands the body over without a copy and decodes it with the same
  `serde_json::from_slice`, so the ratio is 1 within noise (0.99 to 1.03 over the runs). Dropping 10,000 records costs as
  much as decoding them, and how long it takes depends on the allocator's state, so the records
  are dropped outside the measurement.
- **Large documents.** Time per MB is flat from 0.1 to 6 MB once the fixed cost of a
  generation is taken off. Where the time of the 4.7 MB document goes (`gen-stages`, one
  process): loading about 65 ms, planning about 330 ms, emitting and formatting about 250 ms on
  two cores. Types are written directly as formatted text (`emit/types.rs`), and only the
  client goes through prettyplease; JSON positions are recorded only when a diagnostic first
  needs one; objects and arrays are built at their exact size; the type planner's memo is keyed
  by node address; the module is joined once, at its exact size. Most of the peak memory is the
  document's `serde_json::Value` tree (about 9 bytes per byte of minified JSON).
  progenitor's memory grows with the document (870 MiB at 5.9 MB), ours stays at 150 MiB.
";

const BENCH_USAGE: &str =
    "usage: cargo xtask bench [--write] [--only generate|runtime|large|builds]";

/// Marks the soak section of BENCHMARKS.md (written from `cargo xtask soak` output; a full
/// `--write` keeps it).
const SOAK_BEGIN: &str =
    "<!-- soak: cargo xtask soak --release --runs 10000 --concurrency 200 --seed 1 -->";
const SOAK_END: &str = "<!-- /soak -->";

/// Marks the Restate section of BENCHMARKS.md (written from `cargo xtask restate bench|scale|
/// cluster` output; a full `--write` keeps it).
const RESTATE_BEGIN: &str = "<!-- restate: cargo xtask restate bench | scale | cluster -->";
const RESTATE_END: &str = "<!-- /restate -->";

/// Marks the cold-build section of BENCHMARKS.md (from `scripts/cold-build.sh`; a full
/// `--write` keeps it).
const COLD_BEGIN: &str = "<!-- cold-builds: bash scripts/cold-build.sh [BEFORE_COMMIT] -->";
const COLD_END: &str = "<!-- /cold-builds -->";

/// Marks the notes written by hand under the large-document table (from several runs); every
/// `--write` keeps them, right after that table.
const LARGE_NOTES_BEGIN: &str =
    "<!-- large-notes: written by hand from several runs; every `--write` keeps them -->";
const LARGE_NOTES_END: &str = "<!-- /large-notes -->";

/// Marks the large-document section of BENCHMARKS.md, which `--only large --write` replaces.
const LARGE_BEGIN: &str = "<!-- large-documents: cargo xtask bench --only large --write -->";
const LARGE_END: &str = "<!-- /large-documents -->";

/// Synthetic documents of 0.1 to 5 MB, generated in fresh processes by us and by progenitor.
fn large_report(r: &mut String, gen_once: &Path, synth: &Path) -> Result<()> {
    let dir = root().join("target/synth");
    std::fs::create_dir_all(&dir)?;
    let _ = writeln!(r, "{LARGE_BEGIN}\n## Large documents\n");
    let _ = writeln!(
        r,
        "Synthetic OpenAPI 3.0 documents as minified JSON (`crates/paragon-bench/src/synth.rs`: object schemas in ten layers that refer to lower layers and to themselves, enums, `allOf`, two operations per path with parameters, bodies and several responses; 1,500 operations and 7,000 schemas at \"4 MB\"). Each figure is one fresh process that generates the whole module (load, plan, emit, prettyplease; `gen-once`, with the CLI's allocator), median of 5 runs (3 for progenitor), peak memory the largest `VmHWM`. progenitor-impl 0.15 runs on the same files in the same run.\n"
    );
    // The fixed cost of a process that generates anything: the smallest document the
    // generator writes (2 operations, 8 schemas), so time per MB can be told from start-up.
    let tiny = dir.join("synth-0.json");
    run(
        Command::new(synth).arg("0").arg(&tiny),
        "writing the smallest document",
    )?;
    let fixed = gen_median(gen_once, "paragon", &tiny, 5)
        .context("our generator failed on the smallest synthetic document")?;
    let _ = writeln!(
        r,
        "| document | operations | schemas | ours | ours per MB | per MB less the fixed cost | ours peak | progenitor | progenitor peak | time ratio | memory ratio |"
    );
    let _ = writeln!(r, "|---|---|---|---|---|---|---|---|---|---|---|");
    let mut per_mb = Vec::new();
    let mut marginal = Vec::new();
    for mb in ["0.1", "1", "2.5", "4", "5"] {
        let file = dir.join(format!("synth-{mb}.json"));
        let said = run(
            Command::new(synth).arg(mb).arg(&file),
            &format!("writing the {mb} MB document"),
        )?;
        let field = |k: &str| {
            said.split_whitespace()
                .zip(said.split_whitespace().skip(1))
                .find_map(|(n, w)| (w.trim_end_matches(',') == k).then(|| n.to_owned()))
                .unwrap_or_default()
        };
        let bytes: f64 = std::fs::metadata(&file)
            .map(|m| m.len() as f64)
            .unwrap_or(0.0);
        let size_mb = bytes / 1e6;
        eprintln!("generating {} ({size_mb:.2} MB)…", file.display());
        let ours = gen_median(gen_once, "paragon", &file, 5)
            .context("our generator failed on a synthetic document")?;
        let theirs = gen_median(gen_once, "progenitor", &file, 3);
        per_mb.push(ours.ms / size_mb);
        marginal.push((ours.ms - fixed.ms) / size_mb);
        let (p_ms, p_rss, t_ratio, m_ratio) = match &theirs {
            Some(t) => (
                format!("{:.0} ms", t.ms),
                format!("{:.0} MiB", t.rss_mib),
                format!("{:.2}", ours.ms / t.ms),
                format!("{:.2}", ours.rss_mib / t.rss_mib),
            ),
            None => ("fails".into(), "".into(), "".into(), "".into()),
        };
        let _ = writeln!(
            r,
            "| {size_mb:.2} MB | {} | {} | {:.0} ms | {:.0} ms | {:.0} ms | {:.0} MiB | {p_ms} | {p_rss} | {t_ratio} | {m_ratio} |",
            field("operations"),
            field("schemas"),
            ours.ms,
            ours.ms / size_mb,
            (ours.ms - fixed.ms) / size_mb,
            ours.rss_mib,
        );
    }
    let spread = |v: &[f64]| {
        let max = v.iter().copied().fold(f64::MIN, f64::max);
        let min = v.iter().copied().fold(f64::MAX, f64::min);
        max / min
    };
    let _ = writeln!(
        r,
        "\nThe smallest document the generator writes (2 operations, 8 schemas) generates in {:.0} ms, in a process of {:.0} MiB: the fixed cost of a generation. Time per MB, largest over smallest across the sizes: {:.2} with that fixed cost taken off, {:.2} with it.\n",
        fixed.ms,
        fixed.rss_mib,
        spread(&marginal),
        spread(&per_mb),
    );
    huge_report(r, gen_once, synth, &dir)?;
    let _ = writeln!(r, "{LARGE_END}");
    Ok(())
}

/// Memory per input byte at about 50 MB, minified and indented (ours only: progenitor takes
/// minutes and gigabytes there). One run each.
fn huge_report(r: &mut String, gen_once: &Path, synth: &Path, dir: &Path) -> Result<()> {
    let _ = writeln!(
        r,
        "### 50 MB\n\nThe same generator at about 50 MB, one fresh process each: the densest shape (minified) and the same schemas indented by two spaces, as most vendors publish JSON (YAML is indented by nature). Peak memory per input byte is the whole process's `VmHWM` over the document's size; `cargo test -p paragon-codegen --test memory` checks the heap's share of it on every run.\n"
    );
    let _ = writeln!(
        r,
        "| document | operations | schemas | time | peak memory | memory per input byte |"
    );
    let _ = writeln!(r, "|---|---|---|---|---|---|");
    for (mb, indented) in [("50", false), ("20", true)] {
        let file = dir.join(format!(
            "synth-{mb}{}.json",
            if indented { "-indented" } else { "" }
        ));
        let mut cmd = Command::new(synth);
        cmd.arg(mb).arg(&file);
        if indented {
            cmd.arg("--indented");
        }
        let said = run(&mut cmd, &format!("writing the {mb} MB document"))?;
        let count = |k: &str| {
            said.split_whitespace()
                .zip(said.split_whitespace().skip(1))
                .find_map(|(n, w)| (w.trim_end_matches(',') == k).then(|| n.to_owned()))
                .unwrap_or_default()
        };
        let bytes = std::fs::metadata(&file)
            .map(|m| m.len() as f64)
            .unwrap_or(0.0);
        eprintln!("generating {} ({:.1} MB)…", file.display(), bytes / 1e6);
        let ours = gen_median(gen_once, "paragon", &file, 1)
            .context("our generator failed on a 50 MB document")?;
        let _ = writeln!(
            r,
            "| {:.1} MB {} | {} | {} | {:.1} s | {:.0} MiB | {:.1} |",
            bytes / 1e6,
            if indented { "indented" } else { "minified" },
            count("operations"),
            count("schemas"),
            ours.ms / 1000.0,
            ours.rss_mib,
            ours.rss_mib * 1024.0 * 1024.0 / bytes,
        );
    }
    Ok(())
}

pub fn run_bench(args: &[String]) -> Result<()> {
    let mut write = false;
    let mut only: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--write" => write = true,
            "--only" => only = Some(it.next().cloned().context(BENCH_USAGE)?),
            other => bail!("unknown option `{other}`\n{BENCH_USAGE}"),
        }
    }
    let (generation, runtime) = match only.as_deref() {
        None => (true, true),
        Some("generate") => (true, false),
        Some("runtime") => (false, true),
        Some("large") => return large_only(write),
        Some("builds") => {
            return crate::bench_builds::only(
                write,
                &root().join("../shared/corpus/openapi/oxide/oxide.json"),
            );
        }
        Some(other) => {
            bail!(
                "`--only {other}`: there are `generate`, `runtime`, `large` and `builds`\n{BENCH_USAGE}"
            )
        }
    };
    if write && only.is_some() {
        bail!("`--write` needs every figure, so it goes with no `--only` but `large` and `builds`");
    }
    let root = root();
    let criterion_dir = root.join("target/criterion");
    let _ = std::fs::remove_dir_all(&criterion_dir);
    eprintln!("running the criterion benches (a few minutes)…");
    let mut benches = vec!["bench", "-p", "paragon-bench", "--features", "baselines"];
    if generation {
        benches.extend(["--bench", "generate"]);
    }
    if runtime {
        benches.extend(["--bench", "runtime"]);
    }
    // Criterion's progress goes to stderr, so stdout is only the report.
    let status = cargo()
        .args(&benches)
        .stdout(std::process::Stdio::from(std::io::stderr()))
        .status()
        .context("running cargo bench")?;
    if !status.success() {
        bail!("cargo bench failed");
    }
    let m = medians(&criterion_dir)?;
    if m.is_empty() {
        bail!(
            "no criterion results under {} (is CARGO_TARGET_DIR set elsewhere?)",
            criterion_dir.display()
        );
    }
    // A benchmark measured in rounds (`id/1`, `id/2`, …) counts as the median of its rounds.
    let get = |id: &str| {
        m.get(id).copied().or_else(|| {
            let prefix = format!("{id}/");
            let mut rounds: Vec<f64> = m
                .iter()
                .filter(|(k, _)| k.starts_with(&prefix))
                .map(|(_, v)| *v)
                .collect();
            rounds.sort_by(f64::total_cmp);
            rounds.get(rounds.len() / 2).copied()
        })
    };

    let release_bin = build_bench_bin;
    let counts = if runtime {
        eprintln!("counting the workflow's instructions and allocations under valgrind…");
        let once = release_bin("workflow-once")?;
        let counts = (counted(&once, "compiled"), counted(&once, "by-hand"));
        if counts.0.is_none() || counts.1.is_none() {
            eprintln!("valgrind not found or failed: instruction and allocation counts left out");
        }
        counts
    } else {
        (None, None)
    };
    let corpus = root.join("../shared/corpus/openapi");
    let oxide = corpus.join("oxide/oxide.json");
    let mistral = corpus.join("mistral/openapi.yaml");

    let mut r = String::new();
    let _ = writeln!(r, "Machine: {}\n", machine());
    let _ = writeln!(
        r,
        "Command: `cargo xtask bench` (criterion medians; ratios are against the baseline measured in the same run)\n"
    );

    if generation {
        generation_report(&mut r, &get, &release_bin("gen-once")?, &oxide, &mistral)?;
        large_report(&mut r, &release_bin("gen-once")?, &release_bin("synth")?)?;
        eprintln!("timing the builds of generated crates (several minutes)…");
        crate::bench_builds::report(&mut r, &oxide)?;
    }
    if runtime {
        runtime_report(&mut r, &get, &counts);
    }
    println!("{r}");
    if write {
        let text = format!(
            "# Benchmarks\n\nThe tables are from one run of the command on the machine named; the notes after them were written from that run and earlier ones.\n\nHow to reproduce: `cargo xtask bench --write` (needs `../shared/corpus` for oxide.json and Mistral's document; without it only the Paragon specs are measured). Benches live in `crates/paragon-bench` (criterion: `benches/generate.rs`, `benches/runtime.rs`); peak memory is `VmHWM` of a fresh process (`gen-once`) that generates once; instruction and allocation counts come from `valgrind --tool=callgrind` and `--tool=dhat` on `workflow-once` (one thread, 120 runs minus 20, left out when valgrind is missing). The baselines run in the same process and run: progenitor-impl {} on the OpenAPI 3.0 document (tokens then prettyplease, as ours; it takes no 3.1, so it is not run on the others), and the same requests written by hand with reqwest and serde_json against the same in-process simulator.\n\n{r}\n{NOTES}",
            "0.15"
        );
        let path: PathBuf = root.join("BENCHMARKS.md");
        // The soak, Restate and cold-build sections are measured by other commands: kept as
        // they are.
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        let mut kept = String::new();
        for (begin, end) in [
            (SOAK_BEGIN, SOAK_END),
            (RESTATE_BEGIN, RESTATE_END),
            (COLD_BEGIN, COLD_END),
        ] {
            if let Some(block) = marked(&old, begin, end) {
                kept.push_str(&format!("\n{}\n", &old[block]));
            }
        }
        let text = format!("{}\n{kept}", text.trim_end());
        let text = keep_after(&old, text, (LARGE_NOTES_BEGIN, LARGE_NOTES_END), LARGE_END);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// Where the block from the line mark `begin` to `end` (both included) lies in `text`.
fn marked(text: &str, begin: &str, end: &str) -> Option<std::ops::Range<usize>> {
    let (a, b) = (text.find(begin)?, text.find(end)?);
    (b > a).then(|| a..b + end.len())
}

/// `text` with its block `begin`…`end` replaced by `section` (which carries both marks), or
/// with `section` added at the end when it has no such block.
pub(crate) fn replace_marked(text: &str, begin: &str, end: &str, section: &str) -> String {
    match marked(text, begin, end) {
        Some(block) => format!("{}{section}{}", &text[..block.start], &text[block.end..]),
        None => format!("{}\n\n{section}\n", text.trim_end()),
    }
}

/// `new` with the block `begin`…`end` of `old` (if it has one) put right after the line that
/// holds `anchor` in `new` (or at the end when `new` has no such line): notes written by hand
/// survive a rewrite of the tables around them.
fn keep_after(old: &str, new: String, (begin, end): (&str, &str), anchor: &str) -> String {
    let Some(block) = marked(old, begin, end).map(|r| &old[r]) else {
        return new;
    };
    match new.find(anchor) {
        Some(at) => {
            let cut = new[at..].find('\n').map_or(new.len(), |n| at + n + 1);
            format!("{}\n{block}\n{}", &new[..cut], &new[cut..])
        }
        None => format!("{}\n\n{block}\n", new.trim_end()),
    }
}

fn build_bench_bin(name: &str) -> Result<PathBuf> {
    run(
        cargo().args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "paragon-bench",
            "--features",
            "baselines",
            "--bin",
            name,
        ]),
        &format!("building {name}"),
    )?;
    Ok(root().join("target/release").join(name))
}

/// `--only large [--write]`: the large-document table alone; `--write` replaces its section
/// of BENCHMARKS.md and leaves the rest as the last full run wrote it.
fn large_only(write: bool) -> Result<()> {
    let mut r = String::new();
    let _ = writeln!(r, "Machine: {}\n", machine());
    large_report(
        &mut r,
        &build_bench_bin("gen-once")?,
        &build_bench_bin("synth")?,
    )?;
    println!("{r}");
    if write {
        let path = root().join("BENCHMARKS.md");
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let section = r[r.find(LARGE_BEGIN).unwrap_or(0)..].trim_end().to_owned();
        let updated = replace_marked(&text, LARGE_BEGIN, LARGE_END, &section);
        std::fs::write(&path, updated).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote the large-document section of {}", path.display());
    }
    Ok(())
}

/// Generation, fresh processes, the generated crate and the macro.
fn generation_report(
    r: &mut String,
    get: &dyn Fn(&str) -> Option<f64>,
    bin: &Path,
    oxide: &Path,
    mistral: &Path,
) -> Result<()> {
    eprintln!("measuring peak memory in fresh processes…");
    let _ = writeln!(r, "## Generation (load + check + plan + emit + format)\n");
    let _ = writeln!(
        r,
        "| document | load | plan (incl. load) | emit | format | total | progenitor | ratio |"
    );
    let _ = writeln!(r, "|---|---|---|---|---|---|---|---|");
    for name in [
        "paragon-task-history",
        "paragon-managed-sync",
        "oxide",
        "mistral-3.1",
    ] {
        let g = |s: &str| get(&format!("generate/{name}/{s}"));
        let Some(total) = g("total") else { continue };
        let cell = |v: Option<f64>| v.map_or("–".into(), ms);
        let (prog, ratio) = match g("progenitor") {
            Some(p) => (ms(p), format!("{:.2}", total / p)),
            None => ("not run (3.1)".into(), "–".into()),
        };
        let _ = writeln!(
            r,
            "| {name} | {} | {} | {} | {} | {} | {prog} | {ratio} |",
            cell(g("load")),
            cell(g("plan")),
            cell(g("emit")),
            cell(g("format")),
            ms(total)
        );
    }
    let _ = writeln!(
        r,
        "\n`emit` and `format` are the serial stage times; `total` is wall-clock with them run in parallel parts on every core (its CPU time is about plan + emit + format). Ratio = total / progenitor's single-threaded wall-clock (lower is better).\n"
    );
    let _ = writeln!(r, "| one fresh process | time | peak RSS |\n|---|---|---|");
    for (label, which, file) in [
        ("paragon, oxide.json", "paragon", oxide),
        ("progenitor, oxide.json", "progenitor", oxide),
        ("paragon, mistral (3.1)", "paragon", mistral),
    ] {
        if let Some(o) = gen_median(bin, which, file, 5) {
            let _ = writeln!(r, "| {label} | {:.0} ms | {:.1} MiB |", o.ms, o.rss_mib);
        }
    }
    // 3. Macro.
    if let Some(t) = get("macro/seed-workflow") {
        let _ = writeln!(
            r,
            "## Macro\n\n`paragon_workflow!` on the seed workflow (the library work of the expansion): {}.\n",
            ms(t)
        );
    }
    Ok(())
}

/// The workflow against the hand-written requests, the counts, and decoding.
fn runtime_report(
    r: &mut String,
    get: &dyn Fn(&str) -> Option<f64>,
    counts: &(Option<Counted>, Option<Counted>),
) {
    let _ = writeln!(
        r,
        "## Runtime\n\n| measure | ours | baseline | ratio |\n|---|---|---|---|"
    );
    if let (Some(c), Some(h)) = (get("workflow/seed/compiled"), get("workflow/seed/by-hand")) {
        let _ = writeln!(
            r,
            "| seed workflow, 3 steps against the simulator (per step) | {} | {} (hand-written reqwest) | {:.3} |",
            ms(c / 3.0),
            ms(h / 3.0),
            c / h
        );
    }
    if let (Some(t), Some(h)) = (
        get("workflow/seed/typed-calls"),
        get("workflow/seed/by-hand"),
    ) {
        let _ = writeln!(
            r,
            "| the same 3 requests through the generated client's typed operations, no workflow (per step) | {} | {} (hand-written reqwest) | {:.3} |",
            ms(t / 3.0),
            ms(h / 3.0),
            t / h
        );
    }
    if let (Some(c), Some(h)) = (&counts.0, &counts.1) {
        let _ = writeln!(
            r,
            "| seed workflow, instructions per run (callgrind, client and simulator) | {:.0} | {:.0} | {:.3} |",
            c.instructions,
            h.instructions,
            c.instructions / h.instructions
        );
        let _ = writeln!(
            r,
            "| seed workflow, heap allocations per run (dhat, client and simulator) | {:.0} | {:.0} | {:.3} |",
            c.allocations,
            h.allocations,
            c.allocations / h.allocations
        );
    }
    if let (Some(rt), Some(p)) = (
        get("decode/records-10000/runtime"),
        get("decode/records-10000/serde_json"),
    ) {
        let _ = writeln!(
            r,
            "| decode a 10,000-record page | {} | {} (serde_json::from_slice) | {:.3} |",
            ms(rt),
            ms(p),
            rt / p
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marked_section_is_replaced_in_place_or_added_at_the_end() {
        let section = format!("{LARGE_BEGIN}\nnew\n{LARGE_END}");
        let text = format!("# B\n{LARGE_BEGIN}\nold\n{LARGE_END}\n## After\n");
        assert_eq!(
            replace_marked(&text, LARGE_BEGIN, LARGE_END, &section),
            format!("# B\n{section}\n## After\n")
        );
        assert_eq!(
            replace_marked("# B\n\n", LARGE_BEGIN, LARGE_END, &section),
            format!("# B\n\n{section}\n")
        );
    }

    #[test]
    fn hand_notes_survive_a_rewrite_right_after_their_table() {
        let notes = (LARGE_NOTES_BEGIN, LARGE_NOTES_END);
        let old = format!("# B\n{LARGE_END}\n\n{LARGE_NOTES_BEGIN}\nby hand\n{LARGE_NOTES_END}\n");
        let new = format!("# B\n| new |\n{LARGE_END}\n\n## Next\n");
        let kept = keep_after(&old, new.clone(), notes, LARGE_END);
        assert_eq!(
            kept,
            format!(
                "# B\n| new |\n{LARGE_END}\n\n{LARGE_NOTES_BEGIN}\nby hand\n{LARGE_NOTES_END}\n\n## Next\n"
            )
        );
        // Nothing to keep: the text is as written.
        assert_eq!(keep_after("# B\n", new.clone(), notes, LARGE_END), new);
        // No table to follow: the notes go at the end, not lost.
        let end = keep_after(&old, "# B\n".into(), notes, LARGE_END);
        assert!(
            end.ends_with(&format!("by hand\n{LARGE_NOTES_END}\n")),
            "{end}"
        );
    }
}
