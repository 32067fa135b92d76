//! The synthetic document is the size and shape its documentation says.

use paragon_bench::synth::{counts, document};

#[test]
fn sizes_and_counts_are_as_documented() {
    let (ops, schemas) = counts(4.0);
    assert_eq!((ops, schemas), (1500, 7000));
    let doc = document(ops, schemas);
    let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
    assert_eq!(v["components"]["schemas"].as_object().unwrap().len(), 7000);
    // Two operations per path.
    assert_eq!(v["paths"].as_object().unwrap().len(), 750);
}
