//! `fix` writes the standard form of every dialect construct, in place, and nothing else: the
//! fixed document compiles to the same code as the original, with no dialect warning left.

use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../paragon-macros/tests/fixtures")
}

/// A fresh copy of the files under `names` in a directory of its own.
fn copy(test: &str, names: &[&str]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paragon-fix-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for name in names {
        let to = dir.join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(fixtures().join(name), to).unwrap();
    }
    dir
}

fn options(dir: &Path) -> paragon_codegen::LoadOptions {
    paragon_codegen::LoadOptions {
        root_dir: Some(dir.to_path_buf()),
        ..Default::default()
    }
}

fn dialect_warnings(path: &Path, dir: &Path) -> Vec<String> {
    paragon_codegen::Generator::new()
        .with_load((options(dir)).clone())
        .check(path)
        .iter()
        .filter(|d| d.code.is_some_and(|c| c.starts_with("dialect/")))
        .map(ToString::to_string)
        .collect()
}

fn generated(path: &Path, dir: &Path) -> String {
    match paragon_codegen::Generator::new()
        .with_load((options(dir)).clone())
        .workflows(path)
    {
        Ok(g) => g.tokens().to_string(),
        Err(d) => panic!("{d}"),
    }
}

#[test]
fn fix_rewrites_each_dialect_to_its_standard_form_and_changes_nothing_else() {
    let dir = copy("dialects", &["dialects.arazzo.yml", "pets.openapi.yml"]);
    let doc = dir.join("dialects.arazzo.yml");
    let before_text = std::fs::read_to_string(&doc).unwrap();
    let before_code = generated(&doc, &dir);
    assert_eq!(dialect_warnings(&doc, &dir).len(), 5);

    let (fixes, diags) =
        paragon_codegen::fix::fix_documents(std::slice::from_ref(&doc), &options(&dir));
    assert!(!diags.has_errors());
    let changes: Vec<(u32, &str, &str)> = fixes
        .iter()
        .flat_map(|f| &f.changes)
        .map(|c| (c.pos.line, c.from.as_str(), c.to.as_str()))
        .collect();
    assert_eq!(
        changes,
        [
            (
                24,
                "pets#/paths/~1login/post",
                "{$sourceDescriptions.pets.url}#/paths/~1login/post"
            ),
            (36, "$response.body.token", "$response.body#/token"),
            (42, "$steps.login.session", "$steps.login.outputs.session"),
            (
                50,
                "$response.body.items[0].name",
                "$response.body#/items/0/name"
            ),
            (
                57,
                "$steps.list.outputs.items[0].id",
                "$steps.list.outputs.items#/0/id"
            ),
        ]
    );
    let after_text = std::fs::read_to_string(&doc).unwrap();
    // Only the five lines changed; comments and layout are the same.
    let changed: Vec<usize> = before_text
        .lines()
        .zip(after_text.lines())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(changed, [24, 36, 42, 50, 57]);
    assert_eq!(before_text.lines().count(), after_text.lines().count());
    // A plain value that would read as a YAML mapping is quoted.
    assert!(
        after_text.contains("operationPath: '{$sourceDescriptions.pets.url}#/paths/~1login/post'")
    );

    assert_eq!(dialect_warnings(&doc, &dir), Vec::<String>::new());
    assert_eq!(
        generated(&doc, &dir),
        before_code,
        "the fixed document compiles differently"
    );
    // A second run has nothing to do.
    let (again, _) = paragon_codegen::fix::fix_documents(&[doc], &options(&dir));
    assert!(again.iter().all(|f| f.changes.is_empty()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fix_rewrites_an_operation_id_with_its_source_and_double_quoted_literals() {
    let dir = copy("more", &["dialects_more.arazzo.yml", "pets.openapi.yml"]);
    let doc = dir.join("dialects_more.arazzo.yml");
    let before_code = generated(&doc, &dir);
    assert_eq!(dialect_warnings(&doc, &dir).len(), 2);
    let (fixes, _) =
        paragon_codegen::fix::fix_documents(std::slice::from_ref(&doc), &options(&dir));
    let changes: Vec<(&str, &str)> = fixes
        .iter()
        .flat_map(|f| &f.changes)
        .map(|c| (c.from.as_str(), c.to.as_str()))
        .collect();
    assert_eq!(
        changes,
        [
            ("pets.getPet", "$sourceDescriptions.pets.getPet"),
            (
                r#"$response.body#/name == "Rex""#,
                "$response.body#/name == 'Rex'"
            ),
        ]
    );
    let text = std::fs::read_to_string(&doc).unwrap();
    assert!(
        text.contains("operationId: $sourceDescriptions.pets.getPet\n"),
        "{text}"
    );
    // A plain value that starts with `$` and holds `'` stays plain.
    assert!(
        text.contains("- condition: $response.body#/name == 'Rex'\n"),
        "{text}"
    );
    assert_eq!(dialect_warnings(&doc, &dir), Vec::<String>::new());
    // The criterion's text (kept for error messages) is the one thing that differs.
    assert_eq!(
        generated(&doc, &dir),
        before_code.replace("\\\"Rex\\\"", "'Rex'"),
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn deny_warnings_makes_each_dialect_an_error() {
    let doc = fixtures().join("dialects.arazzo.yml");
    let options = paragon_codegen::LoadOptions {
        root_dir: Some(fixtures()),
        deny_warnings: true,
        ..Default::default()
    };
    let Err(diags) = paragon_codegen::Generator::new()
        .with_load((options).clone())
        .workflows(&doc)
    else {
        panic!("warnings are denied, so the document does not compile");
    };
    assert!(diags.iter().all(paragon_codegen::Diagnostic::is_error));
    assert_eq!(
        diags
            .iter()
            .filter(|d| d.code.is_some_and(|c| c.starts_with("dialect/")))
            .count(),
        5
    );
}
