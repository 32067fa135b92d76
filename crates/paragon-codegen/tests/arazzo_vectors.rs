//! The expression and condition vectors from the Arazzo corpus (copied into `tests/vectors`).

use paragon_codegen::arazzo::{condition, expr};

#[test]
fn every_valid_runtime_expression_parses() {
    let text = include_str!("vectors/runtime-expressions-valid.json");
    let list: Vec<String> = serde_json::from_str(text).unwrap();
    assert!(list.len() > 60);
    let failures: Vec<_> = list
        .iter()
        .filter_map(|e| expr::parse(e).err().map(|err| format!("{e}: {err}")))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn every_valid_condition_parses() {
    let text = include_str!("vectors/conditions-valid.json");
    let list: Vec<String> = serde_json::from_str(text).unwrap();
    assert!(list.len() > 30);
    let failures: Vec<_> = list
        .iter()
        .filter_map(|c| {
            condition::parse_simple(c)
                .err()
                .map(|err| format!("{c}: {err}"))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}
