//! Generation: each stage (load, plan, emit, format) and the whole, per document; progenitor on
//! the same documents where it accepts them; the macro's expansion of the seed workflow.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use paragon_bench as b;

fn generation(c: &mut Criterion) {
    for input in b::openapi_inputs() {
        let mut g = c.benchmark_group(format!("generate/{}", input.name));
        let path = input.path.as_path();
        g.bench_function("load", |bench| bench.iter(|| black_box(b::load(path))));
        g.bench_function("plan", |bench| bench.iter(|| black_box(b::plan(path))));
        let Some(api) = b::plan(path) else {
            eprintln!(
                "{} does not plan; only load and plan are measured",
                input.name
            );
            continue;
        };
        g.bench_function("emit", |bench| bench.iter(|| black_box(b::emit(&api))));
        let tokens = b::emit(&api);
        g.bench_function("format", |bench| {
            bench.iter(|| black_box(b::format(tokens.clone())))
        });
        g.bench_function("total", |bench| bench.iter(|| black_box(b::generate(path))));
        if input.progenitor {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            match b::progenitor(&text) {
                Ok(_) => {
                    g.bench_function("progenitor", |bench| {
                        bench.iter(|| black_box(b::progenitor(&text)))
                    });
                }
                Err(e) => eprintln!("progenitor rejects {}: {e}", input.name),
            }
        }
        g.finish();
    }
    let seed = b::seed_workflow();
    c.benchmark_group("macro")
        .bench_function("seed-workflow", |bench| {
            bench.iter(|| black_box(b::expand_workflow(&seed)))
        });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = generation
}
criterion_main!(benches);
