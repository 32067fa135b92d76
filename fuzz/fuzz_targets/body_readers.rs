//! The runtime's byte-level body readers against the parsed tree: for any JSON body and any
//! pointer, reading the bytes along the pointer answers as the parsed body does (existence,
//! comparison, typed decode, member decode).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use paragon_runtime::arazzo::{
    CmpOp, StepResponse, body_compare, body_exists, decode_members, typed_at,
};
use paragon_runtime::bytes::Bytes;
use serde_json::{Map, Value};

#[derive(Debug, Arbitrary)]
struct Input {
    /// Tokens of the pointer.
    tokens: Vec<String>,
    /// Compared with `==` and `<`.
    literal: i8,
    body: Vec<u8>,
}

fn response(body: &[u8]) -> StepResponse {
    StepResponse::new(
        "GET",
        String::new(),
        200,
        Default::default(),
        Bytes::copy_from_slice(body),
        Default::default(),
    )
}

fuzz_target!(|input: Input| {
    // Only valid JSON has one meaning to agree on.
    if serde_json::from_slice::<Value>(&input.body).is_err() {
        return;
    }
    let pointer: String = input
        .tokens
        .iter()
        .take(8)
        .map(|t| format!("/{}", t.replace('~', "~0").replace('/', "~1")))
        .collect();
    let bytes = response(&input.body);
    let tree = response(&input.body);
    let _ = tree.json();
    assert_eq!(
        body_exists(&bytes, &pointer),
        body_exists(&tree, &pointer),
        "exists {pointer}"
    );
    let literal = Value::from(input.literal);
    for op in [CmpOp::Eq, CmpOp::Lt] {
        assert_eq!(
            body_compare(&bytes, &pointer, op, &literal),
            body_compare(&tree, &pointer, op, &literal),
            "compare {pointer}"
        );
    }
    let a = typed_at::<Value>("s", "o", &bytes, Some(&pointer)).ok();
    let b = typed_at::<Value>("s", "o", &tree, Some(&pointer)).ok();
    assert_eq!(a, b, "typed_at {pointer}");
    let a = typed_at::<i64>("s", "o", &bytes, Some(&pointer)).ok();
    let b = typed_at::<i64>("s", "o", &tree, Some(&pointer)).ok();
    assert_eq!(a, b, "typed_at::<i64> {pointer}");
    let a = decode_members::<Map<String, Value>>(&bytes);
    let b = decode_members::<Map<String, Value>>(&tree);
    assert_eq!(a, b, "decode_members");
});
