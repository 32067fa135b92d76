//! Memory per input byte of a whole generation (load, check, plan, emit, format), on the
//! benchmarks' synthetic vendor document, minified (the densest shape a description takes, so
//! the most memory per byte) and indented. A 50 MB document once took 28 bytes of memory per input
//! byte (1.4 GB); the heap now stays under [`MAX_HEAP_PER_BYTE`] (minified) and
//! [`MAX_HEAP_PER_BYTE_INDENTED`] (indented), and grows in proportion to the document.
//!
//! The peak is of the heap (what the generator asks the allocator for), counted by a global
//! allocator wrapper, so it does not depend on the machine or on what else runs; the whole
//! process's resident figures for 0.1 to 60 MB documents are in BENCHMARKS.md. One test in this
//! file, so no other test's allocations are counted.

use std::path::Path;

use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc, PeakMemAllocTrait};

#[global_allocator]
static GLOBAL: &PeakMemAlloc<std::alloc::System> = &INSTRUMENTED_SYSTEM;

#[path = "../../paragon-bench/src/synth.rs"]
#[allow(dead_code)]
mod synth;

/// Heap bytes per input byte at the peak of one generation, for minified JSON (16.7 here; 20.5
/// before the document's collections were built at their exact size, the type memo was keyed by
/// node and the module was joined without copies; 13.8 before the module spelled out its types'
/// serde code and each operation's reading function, which made it about half as long again and
/// about twice as quick to compile).
const MAX_HEAP_PER_BYTE: f64 = 18.5;

/// The same for the document indented, as most vendors publish JSON and as YAML always is (8.5
/// here; 10.4 before, 7.2 before the longer module).
const MAX_HEAP_PER_BYTE_INDENTED: f64 = 9.5;

/// Peak heap bytes per document byte for a synthetic document of `megabytes`, and its size.
fn heap_per_byte(dir: &Path, megabytes: f64, indented: bool) -> (f64, usize) {
    let (operations, schemas) = synth::counts(megabytes);
    let mut text = synth::document(operations, schemas);
    if indented {
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        text = serde_json::to_string_pretty(&value).unwrap();
    }
    let len = text.len();
    let path = dir.join(format!("synth-{megabytes}-{indented}.json"));
    std::fs::write(&path, text).unwrap();
    let options = paragon_codegen::LoadOptions {
        root_dir: Some(dir.to_path_buf()),
        ..Default::default()
    };
    GLOBAL.reset_peak_memory();
    // Planned and formatted, as the CLI does.
    let generated = paragon_codegen::Generator::new()
        .with_load(options)
        .openapi(&path)
        .map(|g| {
            let source = g.source();
            (g, source)
        });
    let peak = GLOBAL.get_peak_memory();
    let (generated, source) = generated.map_err(|d| d.render()).unwrap();
    // Operations come in pairs (a `get` and a `put` per path).
    assert_eq!(
        generated.api().unwrap().operations.len(),
        operations.div_ceil(2) * 2
    );
    assert!(
        source.unwrap().len() > len,
        "the module is larger than the document"
    );
    drop(generated);
    (peak as f64 / len as f64, len)
}

#[test]
fn memory_grows_with_the_document_and_stays_within_a_small_multiple_of_it() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("memory-per-byte");
    std::fs::create_dir_all(&dir).unwrap();
    let (small, small_len) = heap_per_byte(&dir, 1.0, false);
    let (large, large_len) = heap_per_byte(&dir, 2.0, false);
    let (indented, indented_len) = heap_per_byte(&dir, 1.0, true);
    eprintln!(
        "peak heap per input byte: {small:.1} at {small_len} bytes, {large:.1} at {large_len} bytes; {indented:.1} at {indented_len} bytes indented"
    );
    assert!(
        large <= MAX_HEAP_PER_BYTE,
        "{large:.1} heap bytes per input byte at {large_len} bytes (at most {MAX_HEAP_PER_BYTE})"
    );
    assert!(
        indented <= MAX_HEAP_PER_BYTE_INDENTED,
        "{indented:.1} heap bytes per input byte at {indented_len} bytes indented (at most {MAX_HEAP_PER_BYTE_INDENTED})"
    );
    // In proportion: twice the document, not more than twice the memory (within a tenth).
    assert!(
        large <= small * 1.1,
        "memory per byte grew from {small:.1} to {large:.1} between {small_len} and {large_len} bytes"
    );
}
