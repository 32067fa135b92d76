//! `xpath` criteria on hostile input: any condition text is checked by the compiler without a
//! panic, and any body with any condition the compiler accepts is evaluated by the runtime
//! without a panic, an abort or a stack overflow (nesting past the bound fails the criterion).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use paragon_codegen::arazzo::condition::check_xpath;
use paragon_runtime::xpath::{body_tests, value_test};

#[derive(Debug, Arbitrary)]
struct Input {
    condition: String,
    body: Vec<u8>,
    /// Wrap the body in this many elements (deep documents are what the bound is for).
    depth: u16,
}

fuzz_target!(|input: Input| {
    if check_xpath(&input.condition).is_err() {
        return;
    }
    let _ = body_tests(&input.body, [input.condition.as_str(), "/*"]);
    let depth = usize::from(input.depth % 2048);
    let mut nested = "<a>".repeat(depth).into_bytes();
    nested.extend_from_slice(&input.body);
    nested.extend("</a>".repeat(depth).into_bytes());
    let _ = body_tests(&nested, [input.condition.as_str()]);
    if let Ok(text) = String::from_utf8(nested) {
        let _ = value_test(&serde_json::Value::String(text), &input.condition);
    }
});
