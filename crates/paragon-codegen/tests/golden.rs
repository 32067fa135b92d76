//! Golden files: each fixture's generated module is compared with `tests/output/<name>.rs`, and the
//! `paragon-golden` crate compiles those files, so a golden file is never code that does not build.
//! Refresh them with `PARAGON_BLESS=1 cargo test -p paragon-codegen --test golden`.

use std::path::Path;

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let spec = dir.join("fixtures").join(format!("{name}.yml"));
    let generated = match paragon_codegen::generate_openapi(&spec) {
        Ok(g) => paragon_codegen::rustfmt(&g.source).unwrap(),
        Err(d) => panic!("{name} has errors:\n{}", d.render()),
    };
    compare(name, &generated);
}

/// Compares `generated` with `tests/output/<name>.rs` (or writes it, with `PARAGON_BLESS`).
fn compare(name: &str, generated: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let golden_path = dir.join("output").join(format!("{name}.rs"));
    if std::env::var_os("PARAGON_BLESS").is_some() {
        std::fs::write(&golden_path, generated).unwrap();
        return;
    }
    let golden = std::fs::read_to_string(&golden_path).unwrap_or_default();
    if golden != generated {
        let first_diff = golden
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| golden.lines().count().min(generated.lines().count()));
        panic!(
            "{} is stale (first difference at line {}); rerun with PARAGON_BLESS=1 and review the diff",
            golden_path.display(),
            first_diff + 1
        );
    }
}

#[test]
fn kitchen_sink() {
    check("kitchen_sink");
}

#[test]
fn legacy_30() {
    check("legacy_30");
}

/// Every Arazzo feature (the trybuild fixture that also runs them), so the emitted workflow code
/// is compiled by `paragon-golden` under the workspace's clippy settings.
#[test]
fn features_workflow() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../paragon-macros/tests/fixtures/features.arazzo.yml");
    let generated = match paragon_codegen::generate_workflows(&spec) {
        Ok(g) => paragon_codegen::format_items(g.tokens, true).unwrap(),
        Err(d) => panic!("features has errors:\n{}", d.render()),
    };
    compare("features_workflow", &generated);
}
