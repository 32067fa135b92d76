//! Runtime expressions, templates, simple conditions and JSONPath criteria on any string: a
//! value or an error at a character offset inside the string.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paragon_codegen::arazzo::{condition, expr};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let chars = s.chars().count();
    let within =
        |e: &expr::ExprError| assert!(e.offset <= chars, "offset {} past {chars}", e.offset);
    if let Err(e) = expr::parse(s) {
        within(&e);
    }
    if let Err(e) = expr::parse_template(s) {
        within(&e);
    }
    if let Err(e) = condition::parse_simple(s) {
        within(&e);
    }
    if let Err(e) = condition::parse_jsonpath(s) {
        within(&e);
    }
    let _ = condition::member_path(s);
    // Terms of a combined JSONPath condition: slices of the input, at offsets inside it.
    if let Some(alternatives) = condition::split_jsonpath_terms(s) {
        for (offset, term) in alternatives.iter().flatten() {
            assert!(*offset <= chars, "term offset {offset} past {chars}");
            assert!(s.contains(term), "{term:?} is not part of the input");
        }
    }
    let _ = paragon_codegen::arazzo::dialect::double_quoted_literals(s);
});
