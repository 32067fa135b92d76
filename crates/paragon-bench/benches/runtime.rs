//! Runtime: the compiled seed workflow against the same three requests written by hand, both
//! against one in-process simulator (and, to split the difference, the same requests through
//! the generated client's typed operations); decoding a 10,000-record page through the runtime against
//! plain serde_json into the same structs.
//!
//! Each pair is measured in five rounds, the side that goes first alternating from round to
//! round (ours then the baseline, then the baseline then ours, …): on two cores shared with the
//! simulator, drift between two back-to-back measurements is as large as the difference we look
//! for, and whichever runs first after a pause is slower. `cargo xtask bench` takes the median
//! of the rounds. `cargo xtask bench` also counts instructions and allocations of the same
//! workflow pair under valgrind, which no other load on the machine moves.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use paragon_bench::workflow as w;

const ROUNDS: usize = 5;

/// Which side goes first in `round`: ours in odd rounds, the baseline in even ones.
fn first_then_second(round: usize) -> [bool; 2] {
    let ours_first = round % 2 == 1;
    [ours_first, !ours_first]
}

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
    let http = w::http_client();
    let mut g = c.benchmark_group("workflow/seed");
    for round in 1..=ROUNDS {
        // The typed operations without the workflow come between the two, to tell the
        // runtime client's share of the overhead from the state machine's.
        for ours in first_then_second(round) {
            if ours {
                g.bench_function(format!("compiled/{round}"), |bench| {
                    bench
                        .to_async(&rt)
                        .iter(|| async { black_box(w::compiled(&client).await) })
                });
                g.bench_function(format!("typed-calls/{round}"), |bench| {
                    bench
                        .to_async(&rt)
                        .iter(|| async { black_box(w::typed_calls(&client).await) })
                });
            } else {
                g.bench_function(format!("by-hand/{round}"), |bench| {
                    bench
                        .to_async(&rt)
                        .iter(|| async { black_box(w::by_hand(&http, &base).await) })
                });
            }
        }
    }
    g.finish();

    let body = rt.block_on(w::records_page(10_000));
    let mut g = c.benchmark_group("decode/records-10000");
    // The same harness (an async iteration on the same runtime) for both sides, and the 10,000
    // records dropped outside the measurement: freeing them costs as much as decoding and swings
    // with the allocator's state.
    for round in 1..=ROUNDS {
        for ours in first_then_second(round) {
            if ours {
                g.bench_function(format!("runtime/{round}"), |bench| {
                    bench.to_async(&rt).iter_with_large_drop(|| async {
                        w::decode_with_runtime(body.clone()).await
                    })
                });
            } else {
                g.bench_function(format!("serde_json/{round}"), |bench| {
                    bench
                        .to_async(&rt)
                        .iter_with_large_drop(|| async { w::decode_plain(&body) })
                });
            }
        }
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
