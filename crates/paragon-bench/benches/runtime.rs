//! Runtime: the compiled seed workflow against the same three requests written by hand, both
//! against one in-process simulator; decoding a 10,000-record page through the runtime against
//! plain serde_json into the same structs.
//!
//! Each pair is measured in three alternating rounds (ours, baseline, ours, baseline, …):
//! on two cores shared with the simulator, drift between two back-to-back measurements is as
//! large as the difference we look for. `cargo xtask bench` takes the median of the rounds.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use paragon_bench::workflow as w;

const ROUNDS: usize = 3;

fn runtime(c: &mut Criterion) {
    let rt = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => panic!("tokio runtime: {e}"),
    };
    let sim = rt
        .block_on(w::server())
        .unwrap_or_else(|e| panic!("simulator: {e}"));
    let base = sim.base_url();
    let client = w::client(&base);
    let http = reqwest::Client::new();
    let mut g = c.benchmark_group("workflow/seed");
    for round in 1..=ROUNDS {
        g.bench_function(format!("compiled/{round}"), |bench| {
            bench
                .to_async(&rt)
                .iter(|| async { black_box(w::compiled(&client).await) })
        });
        g.bench_function(format!("by-hand/{round}"), |bench| {
            bench
                .to_async(&rt)
                .iter(|| async { black_box(w::by_hand(&http, &base).await) })
        });
    }
    g.finish();

    let body = rt.block_on(w::records_page(10_000));
    let mut g = c.benchmark_group("decode/records-10000");
    // The same harness (an async iteration on the same runtime) for both sides, and the 10,000
    // records dropped outside the measurement: freeing them costs as much as decoding and swings
    // with the allocator's state.
    for round in 1..=ROUNDS {
        g.bench_function(format!("runtime/{round}"), |bench| {
            bench
                .to_async(&rt)
                .iter_with_large_drop(|| async { w::decode_with_runtime(body.clone()).await })
        });
        g.bench_function(format!("serde_json/{round}"), |bench| {
            bench
                .to_async(&rt)
                .iter_with_large_drop(|| async { w::decode_plain(&body) })
        });
    }
    g.finish();
    drop(sim);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    targets = runtime
}
criterion_main!(benches);
