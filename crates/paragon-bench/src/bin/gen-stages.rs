//! `gen-stages FILE`: one generation of an OpenAPI document, timed stage by stage (load, plan,
//! emit, format), each stage run once on the previous stage's output, so `cargo xtask bench`
//! can say where the time and the memory of a large document go. The peak resident set is
//! read after each stage; it only grows, so the stage where it grows most is the one to look at.

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
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    let mib = || paragon_bench::peak_rss_kib().unwrap_or(0) / 1024;
    let t = Instant::now();
    let sources = paragon_bench::load(path);
    println!("load: {:.1} ms, peak {} MiB", ms(t.elapsed()), mib());
    drop(sources);
    let t = Instant::now();
    let Some(api) = paragon_bench::plan(path) else {
        eprintln!("{file}: does not plan");
        return ExitCode::FAILURE;
    };
    println!(
        "load and plan: {:.1} ms, peak {} MiB",
        ms(t.elapsed()),
        mib()
    );
    let t = Instant::now();
    let parts = paragon_codegen::stages::api_parts(&api);
    println!(
        "emit ({} parts): {:.1} ms, peak {} MiB",
        parts.len(),
        ms(t.elapsed()),
        mib()
    );
    drop(parts);
    let t = Instant::now();
    let source = paragon_codegen::stages::module_source(&api);
    println!(
        "emit and format ({} bytes): {:.1} ms, peak {} MiB",
        source.as_ref().map(|s| s.len()).unwrap_or(0),
        ms(t.elapsed()),
        mib()
    );
    ExitCode::SUCCESS
}
