//! Runtime: the compiled seed workflow against the same three requests written by hand, both
//! against one in-process simulator; decoding a 10,000-record page through the runtime against
//! plain serde_json into the same structs.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use paragon_bench::workflow as w;

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
    g.bench_function("compiled", |bench| {
        bench
            .to_async(&rt)
            .iter(|| async { black_box(w::compiled(&client).await) })
    });
    g.bench_function("by-hand", |bench| {
        bench
            .to_async(&rt)
            .iter(|| async { black_box(w::by_hand(&http, &base).await) })
    });
    g.finish();

    let body = rt.block_on(w::records_page(10_000));
    let mut g = c.benchmark_group("decode/records-10000");
    g.bench_function("runtime", |bench| {
        bench
            .to_async(&rt)
            .iter(|| async { black_box(w::decode_with_runtime(body.clone()).await) })
    });
    g.bench_function("serde_json", |bench| {
        bench.iter(|| black_box(w::decode_plain(&body)))
    });
    g.finish();
    drop(sim);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = runtime
}
criterion_main!(benches);
