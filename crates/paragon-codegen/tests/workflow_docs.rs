//! The Markdown page of a workflow: every action becomes a transition of the Mermaid diagram.

use std::path::Path;

fn page(workflow: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../paragon-macros/tests/fixtures/features.arazzo.yml");
    let g = paragon_codegen::Generator::new()
        .workflows(&path)
        .map_err(|d| d.to_string())
        .unwrap();
    let pages = g.pages("features.arazzo.yml").unwrap();
    pages
        .into_iter()
        .find(|(name, _)| *name == format!("{workflow}.md"))
        .map(|(_, page)| page)
        .unwrap()
}

#[test]
fn retry_with_a_target_step_goto_and_end_are_drawn() {
    let p = page("refresh-and-retry");
    assert!(p.contains("stateDiagram-v2"), "{p}");
    assert!(
        p.contains("s0 --> s1: failure, relogin (retry after 0.25 s, at most 2 times) when $statusCode == 401"),
        "{p}"
    );
    assert!(
        p.contains("s1 --> [*]: success, finished when $steps.get.outputs.name != null"),
        "{p}"
    );
    let p = page("create-or-find");
    assert!(
        p.contains("s0 --> s1: failure, exists (goto) when $statusCode == 409"),
        "{p}"
    );
    assert!(p.contains("s0 --> failed: failure, giveUp (end)"), "{p}");
    assert!(p.contains("| `created` | `created` | `i64` |"), "{p}");
}

#[test]
fn sub_workflow_steps_name_the_workflow() {
    let p = page("nested");
    assert!(p.contains("| `sub` | workflow `login-and-list` |"), "{p}");
}
