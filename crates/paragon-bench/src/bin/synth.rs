//! `synth MEGABYTES OUT.json`: writes a synthetic OpenAPI 3.0 document of about that size (see
//! `paragon_bench::synth`), for the large-document benchmark.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mb, out] = args.as_slice() else {
        eprintln!("usage: synth MEGABYTES OUT.json");
        return ExitCode::from(2);
    };
    let Ok(mb) = mb.parse::<f64>() else {
        eprintln!("`{mb}` is not a number of megabytes");
        return ExitCode::from(2);
    };
    let (ops, schemas) = paragon_bench::synth::counts(mb);
    let doc = paragon_bench::synth::document(ops, schemas);
    if let Err(e) = std::fs::write(out, &doc) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "{out}: {} bytes, {ops} operations, {schemas} schemas",
        doc.len()
    );
    ExitCode::SUCCESS
}
