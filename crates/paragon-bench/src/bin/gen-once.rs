//! `gen-once (paragon|progenitor) FILE`: generates once and prints the process's peak resident
//! memory, so `cargo xtask bench` can compare both generators in fresh processes.

/// As the CLI does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [which, file] = args.as_slice() else {
        eprintln!("usage: gen-once (paragon|progenitor) FILE");
        return ExitCode::from(2);
    };
    let start = Instant::now();
    let result = match which.as_str() {
        "paragon" => paragon_bench::generate(Path::new(file)),
        "progenitor" => match std::fs::read_to_string(file) {
            Ok(text) => paragon_bench::progenitor(&text),
            Err(e) => Err(format!("{file}: {e}")),
        },
        other => Err(format!("unknown generator `{other}`")),
    };
    let elapsed = start.elapsed();
    match result {
        Ok(bytes) => {
            println!(
                "bytes={bytes} elapsed_ms={:.1} peak_rss_kib={}",
                elapsed.as_secs_f64() * 1000.0,
                paragon_bench::peak_rss_kib().unwrap_or(0)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
