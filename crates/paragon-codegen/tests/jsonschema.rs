//! JSON Schema documents: references by `$id`, `$anchor`, relative URI and mapped URL resolve
//! into one document; what cannot be resolved or typed is reported where it is written; reads
//! stay inside the allowed tree.

use std::path::PathBuf;

use paragon_codegen::LoadOptions;
use paragon_codegen::{GeneratedSchema, Generator, Output};

fn dir(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("paragon-jsonschema-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (file, text) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn within(root: &std::path::Path) -> LoadOptions {
    LoadOptions {
        root_dir: Some(root.to_path_buf()),
        ..Default::default()
    }
}

#[test]
fn references_by_id_anchor_file_and_mapped_url_resolve_into_one_document() {
    let d = dir(
        "resolve",
        &[
            (
                "root.json",
                r##"{
  "$id": "https://example.com/s/root.json",
  "type": "object",
  "properties": {
    "a": {"$ref": "#thing"},
    "b": {"$ref": "other.json#/$defs/b"},
    "c": {"$ref": "https://vendor.example/v1/c.json"},
    "d": {"$ref": "nested/inner.json"}
  },
  "$defs": {"thing": {"$anchor": "thing", "type": "string", "minLength": 2}}
}"##,
            ),
            (
                "other.json",
                r#"{"$defs": {"b": {"type": "integer", "maximum": 5}}}"#,
            ),
            ("vendor/c.json", r#"{"type": "boolean"}"#),
            (
                "nested/inner.json",
                r#"{"$id": "https://example.com/s/nested/inner.json", "type": "object", "properties": {"up": {"$ref": "../other.json#/$defs/b"}}}"#,
            ),
        ],
    );
    let mut load = within(&d);
    load.ref_map = vec![("https://vendor.example/v1/".into(), d.join("vendor"))];
    let out = Generator::new()
        .with_load(load)
        .schema(&d.join("root.json"))
        .unwrap_or_else(|e| panic!("{}", e.render()));
    let g: &GeneratedSchema = out.schema().unwrap();
    assert_eq!(g.root, "Root");
    // Every reference is a pointer into the one embedded document; the other files are in it.
    assert!(
        g.source.contains(r##""a":{"$ref":"#/$defs/thing"}"##),
        "{}",
        g.source
    );
    assert!(
        g.source
            .contains(r##""$ref":"#/$paragonBundle/1/$defs/b""##),
        "{}",
        g.source
    );
    assert!(!g.source.contains("https://vendor.example"), "{}", g.source);
    assert_eq!(out.files.len(), 4);
    // `other.json` is reached twice (from the root and from nested/) and embedded once.
    assert_eq!(
        g.source.matches(r#""maximum":5"#).count(),
        1,
        "{}",
        g.source
    );
    let names: Vec<&str> = g.types.iter().map(|t| t.name.as_str()).collect();
    assert!(names.contains(&"Thing"), "{names:?}");
}

#[test]
fn what_cannot_be_resolved_or_typed_is_reported_where_it_is_written() {
    let d = dir(
        "report",
        &[(
            "s.json",
            "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": {\"$ref\": \"#/$defs/none\"},\n    \"b\": {\"not\": {\"type\": \"string\"}},\n    \"c\": {\"type\": \"string\", \"pattern\": \"(?<=x)y\"},\n    \"d\": {\"properties\": {\"e\": true}}\n  }\n}\n",
        )],
    );
    let e = Generator::new()
        .with_load(within(&d))
        .schema(&d.join("s.json"))
        .expect_err("a dangling reference is an error");
    let text = e.render();
    assert!(text.contains("s.json:4:19"), "{text}");
    assert!(text.contains("`#/$defs/none` points at nothing"), "{text}");
    // Fixed, the rest are warnings, each at its keyword.
    std::fs::write(
        d.join("s.json"),
        std::fs::read_to_string(d.join("s.json"))
            .unwrap()
            .replace("#/$defs/none", "#/properties/c"),
    )
    .unwrap();
    let g: Output = Generator::new()
        .with_load(within(&d))
        .schema(&d.join("s.json"))
        .unwrap_or_else(|e| panic!("{}", e.render()));
    let warnings: Vec<String> = g.diagnostics.iter().map(ToString::to_string).collect();
    let at = |line_col: &str, text: &str| {
        assert!(
            warnings
                .iter()
                .any(|w| w.contains(line_col) && w.contains(text)),
            "{line_col} {text}: {warnings:#?}"
        );
    };
    at("s.json:5:11", "`not` has no Rust shape");
    at("s.json:6:40", "this pattern is not checked");
    at(
        "s.json:7:5",
        "without `type` this schema accepts any JSON value",
    );
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
}

#[test]
fn a_reference_outside_the_allowed_tree_is_refused_unread() {
    let d = dir(
        "confine",
        &[
            (
                "project/s.json",
                r#"{"properties": {"x": {"$ref": "../outside/secret.json"}}, "type": "object"}"#,
            ),
            (
                "outside/secret.json",
                r#"{"description": "TOP-SECRET", "type": "string"}"#,
            ),
        ],
    );
    let e = Generator::new()
        .with_load(within(&d.join("project")))
        .schema(&d.join("project/s.json"))
        .expect_err("outside");
    let text = e.render();
    assert!(text.contains("outside the allowed director"), "{text}");
    assert!(!text.contains("TOP-SECRET"), "{text}");
}
