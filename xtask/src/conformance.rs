//! `cargo xtask corpus json-schema DIR [--write]`: the JSON Schema Test Suite (2020-12) through
//! the generator.
//!
//! For every schema of `DIR/tests/draft2020-12/*.json` it generates a module of types (string
//! enums closed, as the suite means `enum`), compiles them all in one crate, decodes every test
//! instance into the schema's root type with `serde_json`, and compares "decoded" with the
//! case's `valid`. `DIR/remotes` is what `http://localhost:1234/` maps to.
//!
//! It prints a table per keyword file (cases that agree, that differ, schemas typed as any JSON
//! somewhere, schemas refused), and fails when a case listed in
//! `xtask/json-schema-agree.txt` (the cases that once agreed) now differs. `--write` puts the
//! table in CONFORMANCE.md and adds newly agreeing cases to the list.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::root;

const AGREE_LIST: &str = "xtask/json-schema-agree.txt";
const REPORT: &str = "CONFORMANCE.md";

/// The keywords the types enforce on decode (issue 14, point 2): every case of their files
/// must agree.
const ENFORCED: &[&str] = &[
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "required",
    "additionalProperties",
    "const",
    "enum",
];

/// One schema of the suite.
struct Group {
    file: String,
    index: usize,
    description: String,
    cases: Vec<(String, Value, bool)>,
    /// The module and root type, when it generated.
    generated: Option<(String, String)>,
    refused: Option<String>,
    untyped: bool,
}

pub fn run(dir: &Path, write: bool) -> Result<()> {
    let tests = dir.join("tests/draft2020-12");
    let remotes = dir.join("remotes");
    let work = root().join("target/corpus/json-schema");
    let _ = std::fs::remove_dir_all(&work);
    let schemas = work.join("schemas");
    std::fs::create_dir_all(&schemas)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&tests)
        .with_context(|| format!("reading {}", tests.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();

    let load = paragon_codegen::LoadOptions {
        ref_map: vec![("http://localhost:1234/".into(), remotes.clone())],
        root_dir: Some(work.clone()),
        allow_paths: vec![remotes.clone()],
        ..Default::default()
    };
    let generator = paragon_codegen::Generator::new()
        .with_load(load)
        .closed_enums(true);
    let mut groups = Vec::new();
    let mut modules = String::new();
    for file in &files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(file)?;
        let list: Vec<Value> =
            serde_json::from_str(&text).with_context(|| format!("parsing {name}"))?;
        for (index, g) in list.into_iter().enumerate() {
            let stem = name.trim_end_matches(".json");
            let path = schemas.join(format!("{stem}-{index}.json"));
            std::fs::write(&path, serde_json::to_string_pretty(&g["schema"])?)?;
            let cases = g["tests"]
                .as_array()
                .map(|t| {
                    t.iter()
                        .map(|c| {
                            (
                                c["description"].as_str().unwrap_or("").to_owned(),
                                c["data"].clone(),
                                c["valid"].as_bool().unwrap_or(false),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            let mut group = Group {
                file: name.clone(),
                index,
                description: g["description"].as_str().unwrap_or("").to_owned(),
                cases,
                generated: None,
                refused: None,
                untyped: false,
            };
            let result = std::panic::catch_unwind(|| generator.schema(&path));
            match result {
                Err(_) => group.refused = Some("the generator panicked".into()),
                Ok(Err(d)) => {
                    group.refused = Some(
                        d.errors()
                            .next()
                            .map(|e| e.message.clone())
                            .unwrap_or_else(|| "refused".into()),
                    );
                }
                Ok(Ok(g)) => {
                    group.untyped = g
                        .diagnostics
                        .iter()
                        .any(|d| d.code == Some("schema/untyped"));
                    let module = format!(
                        "m_{}_{index}",
                        paragon_codegen::names::snake_name(stem).trim_start_matches("r#")
                    );
                    std::fs::create_dir_all(work.join("suite/src/m"))?;
                    let (Some(schema), Ok(source)) = (g.schema(), g.source()) else {
                        bail!("{name}: no module for a generated schema");
                    };
                    std::fs::write(work.join(format!("suite/src/m/{module}.rs")), source)?;
                    let _ = writeln!(modules, "#[path = \"m/{module}.rs\"]\nmod {module};");
                    group.generated = Some((module, schema.root.clone()));
                }
            }
            groups.push(group);
        }
    }
    if groups
        .iter()
        .any(|g| g.refused.as_deref() == Some("the generator panicked"))
    {
        bail!("the generator panicked on a schema of the suite");
    }

    let results = compile_and_run(&work, &mut groups, &modules)?;
    report(&groups, &results, write)
}

/// Writes the crate, compiles it (leaving out modules that do not compile, each recorded as
/// refused), runs it, and returns `decoded` per (file, group, case).
fn compile_and_run(
    work: &Path,
    groups: &mut [Group],
    modules: &str,
) -> Result<BTreeMap<(String, usize, usize), bool>> {
    let krate = work.join("suite");
    std::fs::create_dir_all(krate.join("src"))?;
    std::fs::write(
        krate.join("Cargo.toml"),
        format!(
            "[package]\nname = \"json-schema-suite\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nparagon-runtime = {{ path = {:?} }}\n\n[workspace]\n",
            root().join("crates/paragon-runtime").display().to_string()
        ),
    )?;
    let mut excluded: BTreeSet<String> = BTreeSet::new();
    for _round in 0..4 {
        let mut main = String::from("#![allow(dead_code, unused)]\n");
        for block in modules.split_inclusive(";\n") {
            if !excluded
                .iter()
                .any(|m| block.contains(&format!("mod {m};")))
            {
                main.push_str(block);
            }
        }
        main.push_str(
            "\nfn decode(module: &str, data: &str) -> Option<bool> {\n    use paragon_runtime::serde_json::from_str;\n    Some(match module {\n",
        );
        for g in groups.iter() {
            if let Some((m, root)) = &g.generated
                && !excluded.contains(m)
            {
                let _ = writeln!(
                    main,
                    "        {m:?} => from_str::<{m}::{root}>(data).is_ok(),"
                );
            }
        }
        main.push_str(
            "        _ => return None,\n    })\n}\n\nfn main() {\n    use std::io::BufRead as _;\n    for line in std::io::stdin().lock().lines() {\n        let Ok(line) = line else { break };\n        let Some((module, data)) = line.split_once('\\t') else { continue };\n        let answer = match std::panic::catch_unwind(|| decode(module, data)) {\n            Ok(Some(true)) => \"ok\",\n            Ok(Some(false)) => \"err\",\n            Ok(None) => \"missing\",\n            Err(_) => \"panic\",\n        };\n        println!(\"{answer}\");\n    }\n}\n",
        );
        std::fs::write(krate.join("src/main.rs"), &main)?;
        eprintln!("compiling the suite's types");
        let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "--release", "--quiet", "--message-format=short"])
            .arg("--manifest-path")
            .arg(krate.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", root().join("target/corpus-target"))
            .output()
            .context("running cargo build")?;
        if out.status.success() {
            break;
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mut bad = BTreeSet::new();
        for line in stderr.lines().filter(|l| l.contains(": error")) {
            if let Some(i) = line.find("src/m/") {
                let rest = &line[i + 6..];
                if let Some(end) = rest.find(".rs") {
                    bad.insert(rest[..end].to_owned());
                }
            }
        }
        if bad.is_empty() {
            bail!("the suite's crate does not compile:\n{stderr}");
        }
        for g in groups.iter_mut() {
            if let Some((m, _)) = &g.generated
                && bad.contains(m)
            {
                let first = stderr
                    .lines()
                    .find(|l| l.contains(&format!("src/m/{m}.rs")) && l.contains(": error"))
                    .unwrap_or("does not compile");
                g.refused = Some(format!("generated code does not compile: {first}"));
            }
        }
        excluded.extend(bad);
    }
    for g in groups.iter_mut() {
        if g.generated
            .as_ref()
            .is_some_and(|(m, _)| excluded.contains(m))
        {
            g.generated = None;
        }
    }

    let mut input = String::new();
    let mut keys = Vec::new();
    for g in groups.iter() {
        let Some((m, _)) = &g.generated else {
            continue;
        };
        for (i, (_, data, _)) in g.cases.iter().enumerate() {
            let _ = writeln!(input, "{m}\t{}", serde_json::to_string(data)?);
            keys.push((g.file.clone(), g.index, i));
        }
    }
    let bin = root().join("target/corpus-target/release/json-schema-suite");
    let mut child = Command::new(&bin)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .with_context(|| format!("running {}", bin.display()))?;
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().context("stdin")?;
        stdin.write_all(input.as_bytes())?;
    }
    let out = child.wait_with_output()?;
    let answers: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    if answers.len() != keys.len() {
        bail!(
            "the suite runner answered {} of {} cases",
            answers.len(),
            keys.len()
        );
    }
    if answers.iter().any(|a| a == "panic") {
        bail!("decoding panicked on a case of the suite");
    }
    Ok(keys
        .into_iter()
        .zip(answers)
        .map(|(k, a)| (k, a == "ok"))
        .collect())
}

fn case_id(file: &str, group: usize, case: usize) -> String {
    format!("{file}#{group}#{case}")
}

fn report(
    groups: &[Group],
    results: &BTreeMap<(String, usize, usize), bool>,
    write: bool,
) -> Result<()> {
    #[derive(Default)]
    struct Row {
        schemas: usize,
        cases: usize,
        agree: usize,
        untyped: usize,
        refused: usize,
    }
    let mut rows: BTreeMap<&str, Row> = BTreeMap::new();
    let mut agreeing = BTreeSet::new();
    let mut differing = Vec::new();
    for g in groups {
        let row = rows.entry(g.file.as_str()).or_default();
        row.schemas += 1;
        row.untyped += usize::from(g.untyped);
        row.refused += usize::from(g.generated.is_none());
        for (i, (desc, _, valid)) in g.cases.iter().enumerate() {
            row.cases += 1;
            let decoded = results.get(&(g.file.clone(), g.index, i)).copied();
            if decoded == Some(*valid) {
                row.agree += 1;
                agreeing.insert(case_id(&g.file, g.index, i));
            } else {
                let why = match (&g.refused, decoded) {
                    (Some(r), _) => format!("schema refused: {r}"),
                    (None, Some(true)) => "decoded, but the case is invalid".into(),
                    _ => "refused, but the case is valid".into(),
                };
                differing.push(format!(
                    "{} — {} / {}: {why}",
                    case_id(&g.file, g.index, i),
                    g.description,
                    desc
                ));
            }
        }
    }
    let total = |f: fn(&Row) -> usize| rows.values().map(f).sum::<usize>();
    let (schemas, cases, agree) = (total(|r| r.schemas), total(|r| r.cases), total(|r| r.agree));
    let (untyped, refused) = (total(|r| r.untyped), total(|r| r.refused));
    let mut table = String::from(
        "| keyword file | schemas | cases | agree | differ | typed as `Value` somewhere | refused |\n|---|---:|---:|---:|---:|---:|---:|\n",
    );
    for (file, r) in &rows {
        let name = file.trim_end_matches(".json");
        let mark = if ENFORCED.contains(&name) { " ¹" } else { "" };
        let _ = writeln!(
            table,
            "| {name}{mark} | {} | {} | {} | {} | {} | {} |",
            r.schemas,
            r.cases,
            r.agree,
            r.cases - r.agree,
            r.untyped,
            r.refused
        );
    }
    let _ = writeln!(
        table,
        "| **total** | **{schemas}** | **{cases}** | **{agree}** ({:.1}%) | **{}** | **{untyped}** | **{refused}** |",
        100.0 * agree as f64 / cases.max(1) as f64,
        cases - agree
    );
    println!("{table}");
    for d in &differing {
        println!("differs: {d}");
    }
    let enforced_differ: Vec<&String> = differing
        .iter()
        .filter(|d| {
            ENFORCED
                .iter()
                .any(|k| d.starts_with(&format!("{k}.json#")))
        })
        .collect();
    println!(
        "json-schema suite: {agree}/{cases} cases agree ({:.1}%), {refused} of {schemas} schemas refused, {untyped} typed as Value somewhere; {} differ in the enforced keywords' files",
        100.0 * agree as f64 / cases.max(1) as f64,
        enforced_differ.len()
    );

    let list_path = root().join(AGREE_LIST);
    let listed: BTreeSet<String> = std::fs::read_to_string(&list_path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let flipped: Vec<&String> = listed.iter().filter(|c| !agreeing.contains(*c)).collect();
    if write {
        let mut list = String::from(
            "# Cases of the JSON Schema Test Suite (2020-12) whose decode agrees with `valid`.\n# `cargo xtask corpus json-schema DIR` fails when one of them stops agreeing;\n# `--write` adds the cases that newly agree. FILE#GROUP#CASE, indices from 0.\n",
        );
        for c in listed.union(&agreeing) {
            if agreeing.contains(c) {
                list.push_str(c);
                list.push('\n');
            }
        }
        if flipped.is_empty() {
            std::fs::write(&list_path, list)?;
        }
        let page = format!(
            "# JSON Schema conformance\n\nThe types `paragon-codegen` generates from a JSON Schema check what they decode. This is\nhow well, measured on the official [JSON Schema Test Suite](https://github.com/json-schema-org/JSON-Schema-Test-Suite)\n(draft 2020-12, its `tests/draft2020-12/*.json`; the optional tests are left out). For every\nschema the generator writes a module of types (string enums closed, as the suite means\n`enum`), the modules are compiled in one crate, every test instance is decoded into the\nschema's root type with `serde_json::from_str`, and \"decoded\" is compared with the case's\n`valid`.\n\nReproduce: `cargo xtask corpus json-schema ../shared/corpus/json-schema-test-suite --write`\n(written by that command; the cases that agree are kept in `{AGREE_LIST}`, and the command\nfails when one of them stops agreeing).\n\n{table}\n¹ a keyword the types enforce on decode (issue 14, point 2).\n\n\"typed as `Value` somewhere\": the schema has a keyword with no Rust shape (`if`, `not`,\n`$dynamicRef`), which is typed as `serde_json::Value`; decoding still checks it.\n\nMost suite schemas have no `type` (they test one keyword on every kind of value), so they are\ntyped as `Value`: a Rust type holds every value its schema accepts, and a schema without\n`type` accepts any JSON. Documents that say `type: object` get structs.\n\nFor comparison, measured on the same suite: typify 0.8.0 refuses 155 of the 383 schemas, and\nits types agree with `valid` on 579 of 1,299 cases (45%).\n\n## Cases that differ\n\nWhat is left, by cause: the 2020-12 meta-schema is referenced by URL and nothing is fetched\n(keep a copy and map it with `ref_map` to check against it); `$vocabulary` is not read (every\nvocabulary is applied); a `$dynamicRef` finds its anchor among the resources entered by their\nroot, so a resource entered through a `$ref` to one of its subschemas is not in the dynamic\nscope.\n\n{}\n",
            differing
                .iter()
                .map(|d| format!("- {d}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
        std::fs::write(root().join(REPORT), page)?;
        println!("wrote {REPORT} and {AGREE_LIST}");
    }
    if !flipped.is_empty() {
        bail!(
            "{} case(s) that agreed no longer do:\n{}",
            flipped.len(),
            flipped
                .iter()
                .map(|c| format!("  {c}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    Ok(())
}
