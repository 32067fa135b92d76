//! The `paragon-codegen` binary as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the binary from the repository's root, as a user of this repository would.
fn bin(args: &[&str]) -> Output {
    bin_in(Path::new(&repo("")), args)
}

fn bin_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paragon-codegen"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// Runs `paragon-codegen generate ARGS…` and asserts that it succeeded.
#[track_caller]
fn generate_ok(args: &[&str]) {
    let out = bin(&[&["generate"], args].concat());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn repo(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
        .display()
        .to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paragon-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `DIR/bad.yml`: an OpenAPI document with one error, a misspelt type on line 11.
fn bad_document(dir: &Path) -> PathBuf {
    let bad = dir.join("bad.yml");
    std::fs::write(
        &bad,
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: strnig}\n",
    )
    .unwrap();
    bad
}

#[test]
fn help_version_and_mistakes_are_conventional() {
    let out = bin(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        ["generate", "check", "fix", "completions"]
            .iter()
            .all(|c| text.contains(c)),
        "{text}"
    );
    // Every subcommand has its own help, with every flag.
    let out = bin(&["generate", "--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for flag in [
        "--spec",
        "--out",
        "--crate-name",
        "--runtime-path",
        "--runtime-version",
        "--force",
        "--rustfmt",
        "--deny-warnings",
        "--ref-map",
        "--allow-path",
    ] {
        assert!(
            text.contains(flag),
            "{flag} missing from generate --help:\n{text}"
        );
    }
    let out = bin(&["check", "--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("--format") && text.contains("--quiet"),
        "{text}"
    );

    let out = bin(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("paragon-codegen {}", env!("CARGO_PKG_VERSION"))
    );

    let out = bin(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("frobnicate"));
    let out = bin(&["check", "--deny-warning", "a.yml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--deny-warnings"),
        "no suggestion: {stderr}"
    );

    let out = bin(&["completions", "bash"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("paragon-codegen"));
}

#[test]
fn check_writes_one_json_object_per_diagnostic() {
    let dir = scratch("check-json");
    let bad = bad_document(&dir);
    let good = repo("specs/openapi/paragon-managed-sync-api-openapi.yml");
    let out = bin(&["check", "--format", "json", bad.to_str().unwrap(), &good]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let objects: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(objects.len(), 1, "{stdout}");
    let d = &objects[0];
    assert!(d["file"].as_str().unwrap().ends_with("bad.yml"), "{d}");
    assert_eq!(d["line"], 11, "{d}");
    assert!(d["column"].as_u64().unwrap() > 1, "{d}");
    assert_eq!(d["severity"], "error");
    assert!(d["message"].as_str().unwrap().contains("strnig"), "{d}");
    assert!(d.get("help").is_some() && d.get("code").is_some(), "{d}");

    // --quiet: the diagnostics, and nothing else.
    let out = bin(&["check", "--quiet", &good]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn check_prints_located_errors_and_fails() {
    let dir = scratch("check");
    let bad = bad_document(&dir);
    let out = bin(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.yml:11:"), "{stderr}");
    assert!(stderr.contains("strnig"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("1 error(s)"), "{stdout}");
}

#[test]
fn check_passes_the_paragon_specs_and_names_a_non_document() {
    let out = bin(&[
        "check",
        &repo("specs/openapi/paragon-managed-sync-api-openapi.yml"),
        &repo("specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("checked 2 document(s): 0 error(s)"));
    let out = bin(&["check", &repo("Cargo.toml")]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn generate_writes_a_crate_with_a_module_per_document() {
    let dir = scratch("generate");
    generate_ok(&[
        "--spec",
        &repo("specs/openapi/paragon-task-history-api-openapi.yml"),
        "--spec",
        &repo("specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml"),
        "--out",
        dir.to_str().unwrap(),
        "--crate-name",
        "paragon-client",
    ]);
    let lib = std::fs::read_to_string(dir.join("src/lib.rs")).unwrap();
    assert!(lib.contains("pub mod paragon_task_history_api;"), "{lib}");
    assert!(
        lib.contains("pub mod paragon_enable_sync_and_pull_records_workflow;"),
        "{lib}"
    );
    let flow =
        std::fs::read_to_string(dir.join("src/paragon_enable_sync_and_pull_records_workflow.rs"))
            .unwrap();
    assert!(flow.contains("pub mod enable_sync_and_pull_records"));
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    assert!(manifest.contains("name = \"paragon-client\""), "{manifest}");
    assert!(
        manifest.contains("paragon-runtime = { path = "),
        "{manifest}"
    );
    assert!(manifest.contains("[workspace]"));
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    assert!(
        readme.contains("`enable-sync-and-pull-records`"),
        "{readme}"
    );
}

#[test]
fn the_runtime_path_is_relative_when_the_crate_is_beside_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/tmp")
        .join(format!("paragon-cli-relative-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    generate_ok(&[
        "--spec",
        &repo("specs/openapi/paragon-task-history-api-openapi.yml"),
        "--out",
        dir.to_str().unwrap(),
    ]);
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        manifest.contains(r#"paragon-runtime = { path = "../../../crates/paragon-runtime" }"#),
        "{manifest}"
    );
}

/// Cargo resolves a dependency path from the manifest's directory as written, without following
/// symlinks: through a link from elsewhere, a path relative to the link's target would miss.
#[cfg(unix)]
#[test]
fn the_runtime_path_resolves_as_cargo_reads_it_through_a_link() {
    let real = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/tmp")
        .join(format!("paragon-cli-real-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&real);
    std::fs::create_dir_all(&real).unwrap();
    let link = scratch("link").join("to-repo");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let crate_dir = link.join("c");
    generate_ok(&[
        "--spec",
        &repo("specs/openapi/paragon-task-history-api-openapi.yml"),
        "--out",
        crate_dir.to_str().unwrap(),
    ]);
    let manifest = std::fs::read_to_string(real.join("c/Cargo.toml")).unwrap();
    let _ = std::fs::remove_dir_all(&real);
    let written = manifest
        .lines()
        .find_map(|l| l.strip_prefix("paragon-runtime = { path = \""))
        .and_then(|l| l.strip_suffix("\" }"))
        .unwrap_or_else(|| panic!("no runtime path in\n{manifest}"));
    // As Cargo does: joined to the directory as given, normalised without following links.
    let resolved = paragon_codegen::load::normalize(&crate_dir.join(written));
    assert_eq!(
        std::fs::canonicalize(&resolved).ok(),
        std::fs::canonicalize(repo("crates/paragon-runtime")).ok(),
        "{written} from {}",
        crate_dir.display()
    );
}

#[test]
fn an_api_that_a_workflow_document_also_reads_is_generated_once() {
    let dir = scratch("dedupe");
    generate_ok(&[
        "--spec",
        &repo("specs/openapi/paragon-managed-sync-api-openapi.yml"),
        "--spec",
        &repo("specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml"),
        "--out",
        dir.to_str().unwrap(),
    ]);
    let api = std::fs::read_to_string(dir.join("src/paragon_managed_sync_api.rs")).unwrap();
    assert!(
        api.contains(
            "pub use crate::paragon_enable_sync_and_pull_records_workflow::managed_sync_api::*;"
        ),
        "{api}"
    );
    assert!(!api.contains("pub struct Client"), "{api}");
    let flow =
        std::fs::read_to_string(dir.join("src/paragon_enable_sync_and_pull_records_workflow.rs"))
            .unwrap();
    assert_eq!(flow.matches("pub struct Client {").count(), 1);
    // The re-exported client is the whole API, not only what the workflow calls.
    assert!(
        flow.contains("pub fn check_access("),
        "an uncalled operation"
    );
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    assert!(readme.contains("client re-exported from"), "{readme}");
}

/// A feature per tag, all on by default; with two APIs in one crate each one's features start
/// with its module's name. With one feature on, the crate builds (see `paragon-golden`'s
/// `tagged` module for a build of a part, and `cargo xtask bench --only builds`).
#[test]
fn generate_writes_a_feature_per_tag() {
    let dir = scratch("features");
    generate_ok(&[
        "--spec",
        &repo("specs/openapi/paragon-task-history-api-openapi.yml"),
        "--spec",
        &repo("specs/openapi/paragon-managed-sync-api-openapi.yml"),
        "--out",
        dir.to_str().unwrap(),
    ]);
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    let features = &manifest[manifest.find("[features]").expect("a [features] table")..];
    assert!(
        features.contains(r#"default = ["full"]"#)
            && features.contains(
                r#"full = ["paragon-task-history-api-task-history", "paragon-managed-sync-api-sync", "paragon-managed-sync-api-permissions"]"#
            ),
        "{manifest}"
    );
    assert!(
        features.contains(
            "# `paragon_managed_sync_api`: tag `Sync` (5 operation(s))\nparagon-managed-sync-api-sync = []"
        ),
        "{manifest}"
    );
    let api = std::fs::read_to_string(dir.join("src/paragon_managed_sync_api.rs")).unwrap();
    assert!(
        api.contains(r#"#[cfg(feature = "paragon-managed-sync-api-permissions")]"#),
        "{api}"
    );
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    assert!(
        readme.contains("- `paragon-managed-sync-api-sync`:"),
        "{readme}"
    );

    // One API: the features are the tags' names.
    let one = scratch("features-one");
    generate_ok(&[
        "--spec",
        &repo("specs/openapi/paragon-task-history-api-openapi.yml"),
        "--out",
        one.to_str().unwrap(),
    ]);
    let manifest = std::fs::read_to_string(one.join("Cargo.toml")).unwrap();
    assert!(
        manifest.contains(r#"full = ["task-history"]"#),
        "{manifest}"
    );
}

#[test]
fn generate_writes_nothing_when_a_document_has_errors() {
    let dir = scratch("gen-bad");
    let bad = dir.join("bad.yml");
    std::fs::write(&bad, "openapi: 3.1.0\ninfo: {title: t}\npaths: []\n").unwrap();
    let out_dir = dir.join("out");
    let out = bin(&[
        "generate",
        "--spec",
        bad.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing written"));
    assert!(!out_dir.exists());
}

#[test]
fn generate_refuses_to_overwrite_a_crate_it_did_not_write_and_bad_names() {
    let dir = scratch("no-clobber");
    std::fs::write(dir.join("Cargo.toml"), "[package]\nname = \"mine\"\n").unwrap();
    let spec = repo("specs/openapi/paragon-task-history-api-openapi.yml");
    let out = bin(&["generate", "--spec", &spec, "--out", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(dir.join("Cargo.toml")).unwrap(),
        "[package]\nname = \"mine\"\n"
    );
    generate_ok(&["--spec", &spec, "--out", dir.to_str().unwrap(), "--force"]);
    // Generated once, it may be regenerated in place.
    let out = bin(&["generate", "--spec", &spec, "--out", dir.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = bin(&[
        "generate",
        "--spec",
        &spec,
        "--out",
        dir.to_str().unwrap(),
        "--crate-name",
        "1client",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a valid crate name"));
    // `gen` is a keyword of edition 2024: a crate named so would not build.
    let out = bin(&[
        "generate",
        "--spec",
        &spec,
        "--out",
        dir.to_str().unwrap(),
        "--crate-name",
        "gen",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("`gen` is a Rust keyword"));
}

#[test]
fn a_document_named_lib_does_not_replace_the_crate_root() {
    let dir = scratch("lib-name");
    std::fs::copy(
        repo("specs/openapi/paragon-task-history-api-openapi.yml"),
        dir.join("lib.yml"),
    )
    .unwrap();
    let out_dir = dir.join("out");
    generate_ok(&[
        "--spec",
        dir.join("lib.yml").to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--crate-name",
        "libby",
    ]);
    let lib = std::fs::read_to_string(out_dir.join("src/lib.rs")).unwrap();
    assert!(lib.contains("pub mod lib_2;"), "{lib}");
    assert!(out_dir.join("src/lib_2.rs").is_file());
}

#[test]
fn check_maps_remote_refs_to_local_copies() {
    let spec = repo("crates/paragon-codegen/tests/fixtures/vendor/openapi.yaml");
    let mirror = repo("crates/paragon-codegen/tests/fixtures/vendor/mirror/schemas");
    // Unmapped: both remote schemas are read as any JSON, each with a located warning.
    let out = bin(&["check", &spec]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("is not fetched").count(), 3, "{stderr}");
    // Mapped: only the one under no prefix is left.
    let map = format!("https://schemas.vendor.example/common/={mirror}");
    let out = bin(&["check", &spec, "--ref-map", &map]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("is not fetched").count(), 1, "{stderr}");
    assert!(stderr.contains("unmapped.example.org"), "{stderr}");
    let out = bin(&["check", &spec, "--ref-map", "nope"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Files are read from the current directory, or from the spec's own directory when the spec is
/// outside it; `--allow-path` allows more. The refusal is located and names the flag.
#[test]
fn reads_stay_in_the_tree_unless_allowed() {
    let dir = scratch("confine");
    std::fs::create_dir_all(dir.join("project/specs")).unwrap();
    std::fs::create_dir_all(dir.join("shared")).unwrap();
    std::fs::write(
        dir.join("shared/pet.yml"),
        "type: object\ndescription: SHARED-PET\nproperties: {name: {type: string}}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("project/specs/api.yml"),
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    Pet:\n      $ref: ../../shared/pet.yml\npaths:\n  /pet:\n    get:\n      operationId: getPet\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Pet'}\n",
    )
    .unwrap();
    // From the project: the current directory is the tree, and `../shared` is outside it.
    let project = dir.join("project");
    let out = bin_in(&project, &["check", "specs/api.yml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("specs/api.yml:6:13") && stderr.contains("--allow-path"),
        "{stderr}"
    );
    assert!(!stderr.contains("SHARED-PET"), "{stderr}");
    // From elsewhere, the spec's own directory is the tree: refused too.
    let out = bin_in(
        Path::new(&repo("")),
        &[
            "check",
            &project.join("specs/api.yml").display().to_string(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    // Allowed, it reads.
    let out = bin_in(
        &project,
        &["check", "specs/api.yml", "--allow-path", "../shared"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let crate_dir = dir.join("out");
    let out = bin_in(
        &project,
        &[
            "generate",
            "--spec",
            "specs/api.yml",
            "--out",
            &crate_dir.display().to_string(),
            "--allow-path=../shared",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lib = std::fs::read_to_string(crate_dir.join("src/api.rs")).unwrap();
    assert!(lib.contains("SHARED-PET"), "{lib}");
}

/// A workflow with `xpath` criteria needs the runtime's `xpath` feature: the written manifest
/// turns it on; a crate without such criteria does not.
#[test]
fn the_xpath_feature_is_on_only_when_a_workflow_needs_it() {
    let manifest = |spec: &str, name: &str| {
        let dir = scratch(name);
        generate_ok(&[
            "--spec",
            &repo(spec),
            "--out",
            dir.to_str().unwrap(),
            "--allow-path",
            &repo("crates/paragon-macros/tests/fixtures"),
            "--runtime-version",
            "0.1",
        ]);
        let text = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        text
    };
    let xml = manifest(
        "crates/paragon-macros/tests/fixtures/xml.arazzo.yml",
        "xpath",
    );
    assert!(
        xml.contains(r#"paragon-runtime = { version = "0.1", features = ["xpath"] }"#),
        "{xml}"
    );
    let files = manifest(
        "crates/paragon-macros/tests/fixtures/files.arazzo.yml",
        "no-xpath",
    );
    assert!(!files.contains("xpath"), "{files}");
}

/// `fix` says which warnings it leaves because they have no standard form (an `x-operation`
/// step), and changes nothing in such a file.
#[test]
fn fix_names_the_warnings_it_cannot_rewrite() {
    let dir = scratch("fix-x-operation");
    for f in ["requests.arazzo.yml", "requests.openapi.yml"] {
        std::fs::copy(
            repo(&format!("crates/paragon-macros/tests/fixtures/{f}")),
            dir.join(f),
        )
        .unwrap();
    }
    let before = std::fs::read_to_string(dir.join("requests.arazzo.yml")).unwrap();
    let out = bin_in(&dir, &["fix", "requests.arazzo.yml"]);
    let after = std::fs::read_to_string(dir.join("requests.arazzo.yml")).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(before, after);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("requests.arazzo.yml:28:9: warning: step `health` sends `GET {$inputs.health}/health/{service}` through Redocly's `x-operation`")
            && stderr.contains("(no standard form: left as it is)"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("fixed 0 value(s) in 0 file(s); 0 not rewritten; 1 warning(s) with no standard form; 0 error(s)"),
        "{stdout}"
    );
}
