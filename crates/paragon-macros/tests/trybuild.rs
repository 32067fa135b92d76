//! The macro's expansions compile and behave (`tests/pass`: each `main` drives workflows against
//! a mock server and asserts outputs and request sequences), and every check rejects its
//! document with a located compile error (`tests/fail/*.stderr`).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/pass/*.rs");
    t.compile_fail("tests/fail/*.rs");
}
