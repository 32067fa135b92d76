//! Bad Arazzo documents: every problem located at its line and column, all in one run.
//! The same fixtures are compile-fail cases of `paragon-macros` (there as rendered snippets).

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../paragon-macros/tests/fixtures")
        .join(name)
}

/// `file:line:col: severity: message` of every diagnostic, the directory stripped.
fn diagnostics(name: &str) -> Vec<String> {
    let path = fixture(name);
    let dir = format!("{}/", path.parent().unwrap().display());
    let diags = match paragon_codegen::generate_workflows(&path) {
        Ok(g) => g.diagnostics,
        Err(d) => d,
    };
    diags
        .iter()
        .map(|d| d.to_string().replace(&dir, ""))
        .map(|s| s.lines().next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn step_and_target_errors() {
    assert_eq!(
        diagnostics("bad/steps.arazzo.yml"),
        [
            "steps.arazzo.yml:21:17: error: stepId `get` is used twice in workflow `flow`",
            "steps.arazzo.yml:17:47: error: action `again` goes to step `nowhere`, which this workflow does not have",
            "steps.arazzo.yml:18:52: error: action `other` goes to workflow `no-such-flow`, which this document does not define",
            "steps.arazzo.yml:26:13: error: step `get` defines no output `nickname` (help: its outputs are: name)",
        ]
    );
}

#[test]
fn operation_errors() {
    assert_eq!(
        diagnostics("bad/operations.arazzo.yml"),
        [
            "operations.arazzo.yml:10:22: error: source `pets` has no operation `feedPet`",
            "operations.arazzo.yml:12:22: error: operation `login` exists in several sources (pets, morePets) (help: write `$sourceDescriptions.pets.login`)",
            "operations.arazzo.yml:14:24: error: `{$sourceDescriptions.pets.url}#/paths/~1cats/get` does not resolve to an operation of `pets`",
        ]
    );
}

#[test]
fn expression_and_criterion_errors() {
    let d = diagnostics("bad/expressions.arazzo.yml");
    let located: Vec<&str> = d
        .iter()
        .map(|l| l.split(": ").next().unwrap_or_default())
        .collect();
    assert_eq!(
        located,
        [
            "expressions.arazzo.yml:15:44",
            "expressions.arazzo.yml:17:45",
            "expressions.arazzo.yml:18:38",
            "expressions.arazzo.yml:21:19",
            "expressions.arazzo.yml:23:24",
        ],
        "{d:#?}"
    );
    assert!(
        d[0].contains(
            "`$inputs.petID` is not in the workflow's inputs schema (help: inputs are: petId)"
        ),
        "{}",
        d[0]
    );
    assert!(
        d[3].contains("`xpath` criteria are not supported"),
        "{}",
        d[3]
    );
    assert!(d[4].contains("invalid regular expression"), "{}", d[4]);
}

#[test]
fn a_missing_required_parameter_is_a_warning_not_an_error() {
    let path = fixture("warn.arazzo.yml");
    let generated = paragon_codegen::generate_workflows(&path)
        .map_err(|d| d.to_string())
        .unwrap();
    let warnings: Vec<String> = generated
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("warn.arazzo.yml:8:9: warning: step `list` does not supply the required header parameter `X-Session` of `listPets`"),
        "{}",
        warnings[0]
    );
}

#[test]
fn the_features_fixture_is_clean() {
    let generated = paragon_codegen::generate_workflows(&fixture("features.arazzo.yml"))
        .map_err(|d| d.to_string())
        .unwrap();
    assert!(
        generated.diagnostics.is_empty(),
        "{}",
        generated.diagnostics
    );
}
