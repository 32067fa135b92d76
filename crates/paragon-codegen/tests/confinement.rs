//! Reads stay inside the allowed tree: a `$ref` or a source description that leaves it (by
//! `..`, by an absolute path, by a symlink) is a located error with a help naming the setting,
//! and nothing of the file outside reaches a diagnostic or the generated code.

use std::path::{Path, PathBuf};

use paragon_codegen::{Diagnostics, LoadOptions};

/// What the file outside the tree holds: if it is read, this shows up in a description, a
/// diagnostic snippet or an enum.
const SECRET: &str = "TOP-SECRET-LINE";

/// `<tmp>/<name>/project` (the allowed root) and `<tmp>/<name>/outside/secret.yml`.
fn tree(name: &str, files: &[(&str, String)]) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("paragon-confine-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let project = dir.join("project");
    std::fs::create_dir_all(project.join("specs")).unwrap();
    std::fs::create_dir_all(dir.join("outside")).unwrap();
    std::fs::write(
        dir.join("outside/secret.yml"),
        format!("type: string\ndescription: {SECRET}\nenum: [{SECRET}]\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("outside/api.yml"),
        format!("openapi: 3.1.0\ninfo: {{title: {SECRET}, version: '1'}}\npaths: {{}}\n"),
    )
    .unwrap();
    for (file, text) in files {
        std::fs::write(project.join(file), text).unwrap();
    }
    (project, dir.join("outside"))
}

fn api_with_ref(target: &str) -> String {
    format!(
        "openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    A:\n      $ref: '{target}'\n"
    )
}

/// Whether it generated, and every diagnostic both as one line and as a rendered snippet.
fn rendered(result: Result<paragon_codegen::Output, Diagnostics>) -> (bool, String) {
    let text = |d: &Diagnostics| {
        let lines: Vec<String> = d.iter().map(ToString::to_string).collect();
        format!("{}\n{}", lines.join("\n"), d.render())
    };
    match result {
        Ok(g) => (
            true,
            format!("{}\n{}", g.source().unwrap(), text(&g.diagnostics)),
        ),
        Err(d) => (false, text(&d)),
    }
}

fn options(root: &Path) -> LoadOptions {
    LoadOptions {
        root_dir: Some(root.to_path_buf()),
        ..Default::default()
    }
}

#[test]
fn refs_that_leave_the_tree_are_located_errors_and_never_read() {
    let outside_abs = std::env::temp_dir()
        .join(format!("paragon-confine-refs-{}", std::process::id()))
        .join("outside/secret.yml");
    let cases = [
        ("dotdot", "../../outside/secret.yml".to_owned()),
        (
            "deep",
            "../../../../../../../../../../etc/passwd".to_owned(),
        ),
        ("absolute", outside_abs.display().to_string()),
        ("absolute-etc", "/etc/passwd".to_owned()),
    ];
    for (name, target) in cases {
        let (project, _) = tree("refs", &[("specs/api.yml", api_with_ref(&target))]);
        let spec = project.join("specs/api.yml");
        let (ok, text) = rendered(
            paragon_codegen::Generator::new()
                .with_load((options(&project)).clone())
                .openapi(&spec),
        );
        assert!(
            !ok,
            "{name}: generated from a file outside the tree:\n{text}"
        );
        assert!(
            text.contains("api.yml:7:13"),
            "{name}: not located:\n{text}"
        );
        assert!(
            text.contains("outside the allowed directory") && text.contains("--allow-path"),
            "{name}: no reason or help:\n{text}"
        );
        assert!(
            !text.contains(SECRET) && !text.contains("root:x:0"),
            "{name}: quoted:\n{text}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_cannot_leave_the_tree() {
    let (project, outside) = tree("symlink", &[("specs/api.yml", api_with_ref("link.yml"))]);
    std::os::unix::fs::symlink(outside.join("secret.yml"), project.join("specs/link.yml")).unwrap();
    let spec = project.join("specs/api.yml");
    let (ok, text) = rendered(
        paragon_codegen::Generator::new()
            .with_load((options(&project)).clone())
            .openapi(&spec),
    );
    assert!(
        !ok && text.contains("api.yml:7:13") && text.contains("outside the allowed"),
        "{text}"
    );
    assert!(!text.contains(SECRET), "{text}");
    // A symlinked directory is the same.
    std::os::unix::fs::symlink(&outside, project.join("specs/vendor")).unwrap();
    std::fs::write(&spec, api_with_ref("vendor/secret.yml")).unwrap();
    let (ok, text) = rendered(
        paragon_codegen::Generator::new()
            .with_load((options(&project)).clone())
            .openapi(&spec),
    );
    assert!(
        !ok && text.contains("outside the allowed") && !text.contains(SECRET),
        "{text}"
    );
}

#[test]
fn allow_paths_and_ref_map_directories_are_read() {
    let (project, outside) = tree(
        "allowed",
        &[("specs/api.yml", api_with_ref("../../outside/secret.yml"))],
    );
    let spec = project.join("specs/api.yml");
    let allowed = LoadOptions {
        allow_paths: vec![outside.clone()],
        ..options(&project)
    };
    let (ok, text) = rendered(
        paragon_codegen::Generator::new()
            .with_load((allowed).clone())
            .openapi(&spec),
    );
    assert!(ok, "{text}");
    // Read now: the description reaches the generated type.
    assert!(text.contains(SECRET), "{text}");
    // A ref_map directory is allowed with it.
    std::fs::write(&spec, api_with_ref("https://vendor.example/s/secret.yml")).unwrap();
    let mapped = LoadOptions {
        ref_map: vec![("https://vendor.example/s/".into(), outside)],
        ..options(&project)
    };
    let (ok, text) = rendered(
        paragon_codegen::Generator::new()
            .with_load((mapped).clone())
            .openapi(&spec),
    );
    assert!(ok && text.contains(SECRET), "{text}");
}

#[test]
fn the_root_document_itself_must_be_inside() {
    let (project, outside) = tree("root", &[]);
    let (ok, text) = rendered(
        paragon_codegen::Generator::new()
            .with_load((options(&project)).clone())
            .openapi(&outside.join("api.yml")),
    );
    assert!(
        !ok && text.contains("outside the allowed") && !text.contains(SECRET),
        "{text}"
    );
}

#[test]
fn source_descriptions_outside_the_tree_are_located_errors() {
    let arazzo = "arazzo: 1.0.1\ninfo: {title: t, version: '1'}\nsourceDescriptions:\n  - name: api\n    url: ../../outside/api.yml\n    type: openapi\nworkflows:\n  - workflowId: flow\n    steps:\n      - stepId: s\n        operationId: op\n".to_owned();
    let (project, _) = tree("sources", &[("specs/flow.arazzo.yml", arazzo)]);
    let spec = project.join("specs/flow.arazzo.yml");
    let result = paragon_codegen::Generator::new()
        .with_load((options(&project)).clone())
        .workflows(&spec);
    let (ok, text) = match result {
        Ok(g) => (
            true,
            g.diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<String>(),
        ),
        Err(d) => (
            false,
            d.iter().map(ToString::to_string).collect::<String>() + &d.render(),
        ),
    };
    assert!(!ok, "{text}");
    assert!(
        text.contains("flow.arazzo.yml:5:10")
            && text.contains("outside the allowed directory")
            && text.contains("--allow-path"),
        "{text}"
    );
    assert!(!text.contains(SECRET), "{text}");
}

/// With no root set, the tree is the current directory, or the spec's own directory when the
/// spec is outside it (the temporary directory here): `..` from there is refused.
#[test]
fn by_default_the_specs_directory_when_outside_the_current_one() {
    let (project, _) = tree(
        "default",
        &[("specs/api.yml", api_with_ref("../../outside/secret.yml"))],
    );
    let spec = project.join("specs/api.yml");
    let (ok, text) = rendered(
        paragon_codegen::Generator::new()
            .with_load((LoadOptions::default()).clone())
            .openapi(&spec),
    );
    assert!(
        !ok && text.contains("outside the allowed") && !text.contains(SECRET),
        "{text}"
    );
    std::fs::write(project.join("specs/b.yml"), "type: integer\n").unwrap();
    std::fs::write(&spec, api_with_ref("b.yml")).unwrap();
    let (ok, text) = rendered(
        paragon_codegen::Generator::new()
            .with_load((LoadOptions::default()).clone())
            .openapi(&spec),
    );
    assert!(ok, "{text}");
}
