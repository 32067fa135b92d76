//! Golden files: each fixture's generated module is compared with `tests/output/<name>.rs`, and the
//! `paragon-golden` crate compiles those files, so a golden file is never code that does not build.
//! Refresh them with `PARAGON_BLESS=1 cargo test -p paragon-codegen --test golden`.

use std::path::Path;

use paragon_codegen::LoadOptions;

fn check(name: &str) {
    check_file(name, &format!("{name}.yml"), &LoadOptions::default());
}

/// Generates `fixtures/<file>` and compares it with `output/<name>.rs`; returns the warnings.
fn check_file(name: &str, file: &str, options: &LoadOptions) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let spec = dir.join("fixtures").join(file);
    let (generated, warnings) = match paragon_codegen::Generator::new()
        .with_load(options.clone())
        .openapi(&spec)
    {
        Ok(g) => (
            g.formatted(true).unwrap(),
            g.diagnostics.iter().map(ToString::to_string).collect(),
        ),
        Err(d) => panic!("{name} has errors:\n{}", d.render()),
    };
    compare(name, &generated);
    warnings
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
    let warnings = check_file("kitchen_sink", "kitchen_sink.yml", &LoadOptions::default());
    let styles: Vec<&String> = warnings.iter().filter(|w| w.contains("style")).collect();
    assert_eq!(styles.len(), 1, "{warnings:#?}");
    assert!(
        styles[0].contains("kitchen_sink.yml:")
            && styles[0].contains("style `matrix` is not one of the styles of a query"),
        "{}",
        styles[0]
    );
}

/// Swagger 2.0 in JSON (escapes, body and form parameters, collection formats, security
/// definitions, `x-nullable`), upgraded on load. `paragon-golden`'s tests run it against a mock.
#[test]
fn swagger2() {
    let warnings = check_file("swagger2", "swagger2.json", &LoadOptions::default());
    assert!(warnings.is_empty(), "{warnings:#?}");
}

/// A multi-file description as vendors publish it: Markdown and code samples behind `$ref`,
/// `$ref` members inside example data, remote references (one mapped to a local copy, one not),
/// and scalar request bodies.
#[test]
fn vendor() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let options = LoadOptions {
        ref_map: vec![(
            "https://schemas.vendor.example/common/".into(),
            fixtures.join("vendor/mirror/schemas"),
        )],
        ..LoadOptions::default()
    };
    let warnings = check_file("vendor", "vendor/openapi.yaml", &options);
    let fixtures = format!("{}/", fixtures.display());
    let warnings: Vec<String> = warnings.iter().map(|w| w.replace(&fixtures, "")).collect();
    assert_eq!(
        warnings,
        [
            "vendor/openapi.yaml:25:19: warning: `$ref` to `vendor/samples/missing.go` cannot be read: No such file or directory (os error 2)",
            "vendor/openapi.yaml:121:17: warning: remote `$ref` `https://unmapped.example.org/locale.json#/Locale` is not fetched; what it points at is read as any JSON (`serde_json::Value`) (help: keep a copy of it and map it with `--ref-map https://unmapped.example.org/=DIR` (the CLI), or the same `ref_map` setting of `regen` and the macro)",
        ],
        "{warnings:#?}"
    );
}

/// `readOnly` and `writeOnly`: a request body has no `readOnly` member (a required `id` need not
/// be invented) and a response no `writeOnly` one; a schema that reaches neither (`Label`) has
/// one type both ways, one that does (`Team`, through `Account`) a `…Request` shape too.
#[test]
fn read_write() {
    check("read_write");
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/output/read_write.rs"),
    )
    .unwrap();
    let body = |name: &str| {
        let start = text
            .find(&format!("pub struct {name} {{"))
            .unwrap_or_else(|| panic!("{name}"));
        let end = start + text[start..].find("\n}").unwrap();
        text[start..end].to_owned()
    };
    let account = body("Account");
    assert!(account.contains("pub id: String,") && account.contains("pub created_at:"));
    assert!(!account.contains("password"), "{account}");
    let request = body("AccountRequest");
    assert!(request.contains("pub password: String,") && request.contains("pub email: String,"));
    assert!(
        !request.contains("pub id:") && !request.contains("created_at"),
        "{request}"
    );
    assert!(body("TeamRequest").contains("Option<AccountRequest>"));
    assert!(body("Team").contains("Option<Account>"));
    assert!(!text.contains("LabelRequest"), "one type serves both ways");
    assert!(
        text.contains("body: &AccountRequest"),
        "the request body is the request shape"
    );
}

/// `check_schemas`: the types of an OpenAPI document check what they decode, against the
/// document embedded with every `$ref` a pointer into it (OpenAPI 3.0's boolean
/// `exclusiveMinimum` and `nullable` read as 3.1 says; the ECMA-262 pattern in `regex` syntax).
#[test]
fn checked() {
    let options = LoadOptions {
        check_schemas: true,
        ..Default::default()
    };
    let warnings = check_file("checked", "checked.yml", &options);
    assert!(warnings.is_empty(), "{warnings:#?}");
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/output/checked.rs"),
    )
    .unwrap();
    assert!(
        text.contains("pub struct Sku(String);"),
        "a constrained scalar is a newtype"
    );
    assert!(
        text.contains(r##"\"$ref\":\"#/0/components/schemas/Sku\""##),
        "{text}"
    );
    assert!(text.contains(r#"\"exclusiveMinimum\":0"#), "{text}");
    assert!(text.contains("[0-9]{3}"), "ECMA-262 `\\d` is ASCII");
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
    let generated = match paragon_codegen::Generator::new().workflows(&spec) {
        Ok(g) => g.formatted(true).unwrap(),
        Err(d) => panic!("features has errors:\n{}", d.render()),
    };
    compare("features_workflow", &generated);
}

/// A feature per tag: an operation is under the features of its tags (`adopt` has two), one
/// without a tag under `untagged`, a type under the features of every operation that reaches
/// it, through members, items, unions and enums, and a schema no operation uses under
/// `unreferenced-types`. `paragon-golden` builds the file with only `pets` on.
#[test]
fn tagged() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let g = paragon_codegen::Generator::new()
        .tag_features(Some(String::new()))
        .openapi(&dir.join("fixtures/tagged.yml"))
        .unwrap_or_else(|d| panic!("tagged has errors:\n{}", d.render()));
    let features: Vec<(&str, &str, usize)> = g
        .features
        .iter()
        .map(|f| (f.name.as_str(), f.what.as_str(), f.operations))
        .collect();
    assert_eq!(
        features,
        [
            ("pets", "Pets", 2),
            ("store-front-v2", "Store Front / v2", 2),
            ("untagged", "operations without a tag", 1),
            ("unreferenced-types", "the schemas no operation uses", 0),
        ]
    );
    let text = g.formatted(true).unwrap();
    compare("tagged", &text);
    // The attribute right before an item (past its doc comment and other attributes).
    let gate = |item: &str| {
        let at = text
            .find(item)
            .unwrap_or_else(|| panic!("no `{item}` in\n{text}"));
        text[..at]
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| l.starts_with("#[cfg("))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    let pets = r#"#[cfg(feature = "pets")]"#;
    let store = r#"#[cfg(feature = "store-front-v2")]"#;
    let both = r#"#[cfg(any(feature = "pets", feature = "store-front-v2"))]"#;
    assert_eq!(gate("pub fn list_pets("), pets);
    assert_eq!(gate("pub fn get_store("), store);
    assert_eq!(gate("pub fn adopt("), both);
    assert_eq!(gate("pub fn ping("), r#"#[cfg(feature = "untagged")]"#);
    assert_eq!(gate("pub struct Address {"), store);
    assert_eq!(gate("pub struct Owner {"), both);
    assert_eq!(
        gate("pub struct Pet {"),
        both,
        "reached through `Adoption` too"
    );
    assert_eq!(gate("pub enum Tag {"), both);
    assert_eq!(gate("pub enum Kind {"), both);
    assert_eq!(gate("pub struct Problem {"), both, "an error body of both");
    assert_eq!(
        gate("pub struct Audit {"),
        r#"#[cfg(feature = "unreferenced-types")]"#
    );
    // Every item that belongs to a gated type carries its gate.
    let lines: Vec<&str> = text.lines().collect();
    let mut impls = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("impl")
            && (line.contains(" for Address ") || line.starts_with("impl Address "))
        {
            impls += 1;
            assert_eq!(lines[i - 1], store, "{line}");
        }
    }
    assert!(impls >= 3, "the codec's impls of `Address`:\n{text}");
}
