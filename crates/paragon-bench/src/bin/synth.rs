//! `synth MEGABYTES OUT.json [--indented]`: writes a synthetic OpenAPI 3.0 document of about
//! that size before indentation (see `paragon_bench::synth`), minified or indented by two
//! spaces as many vendors publish JSON, for the large-document benchmark.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mb, out, indented) = match args.as_slice() {
        [mb, out] => (mb, out, false),
        [mb, out, flag] if flag == "--indented" => (mb, out, true),
        _ => {
            eprintln!("usage: synth MEGABYTES OUT.json [--indented]");
            return ExitCode::from(2);
        }
    };
    let Ok(mb) = mb.parse::<f64>() else {
        eprintln!("`{mb}` is not a number of megabytes");
        return ExitCode::from(2);
    };
    let (ops, schemas) = paragon_bench::synth::counts(mb);
    let mut doc = paragon_bench::synth::document(ops, schemas);
    if indented {
        match serde_json::from_str::<serde_json::Value>(&doc)
            .and_then(|v| serde_json::to_string_pretty(&v))
        {
            Ok(pretty) => doc = pretty,
            Err(e) => {
                eprintln!("indenting the document: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
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
