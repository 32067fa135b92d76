//! `gen-stages FILE`: one generation of an OpenAPI document, timed stage by stage (load, plan,
//! emit, format), each stage run once on the previous stage's output, so `cargo xtask bench`
//! can say where the time of a large document goes.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file] = args.as_slice() else {
        eprintln!("usage: gen-stages FILE");
        return ExitCode::from(2);
    };
    let path = Path::new(file);
    let t = Instant::now();
    let sources = paragon_bench::load(path);
    let load = t.elapsed();
    drop(sources);
    let t = Instant::now();
    let Some(api) = paragon_bench::plan(path) else {
        eprintln!("{file}: does not plan");
        return ExitCode::FAILURE;
    };
    let plan = t.elapsed();
    let t = Instant::now();
    let tokens = paragon_codegen::emit::api_tokens(&api);
    let parts = paragon_codegen::emit::api_parts(&api);
    let emit = t.elapsed();
    drop(tokens);
    let t = Instant::now();
    let source = paragon_codegen::module_source(&api);
    let emit_and_format = t.elapsed();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "load_ms={:.1} plan_ms={:.1} (including load) emit_ms={:.1} emit_and_format_ms={:.1} parts={} bytes={}",
        ms(load),
        ms(plan),
        ms(emit),
        ms(emit_and_format),
        parts.len(),
        source.map(|s| s.len()).unwrap_or(0)
    );
    ExitCode::SUCCESS
}
