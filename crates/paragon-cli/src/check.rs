//! `paragon-codegen check FILE…`: every problem of every document, then a summary line.

use std::process::ExitCode;

use crate::args::CheckOptions;

pub fn run(opts: &CheckOptions) -> ExitCode {
    let files = &opts.files;
    let load = paragon_codegen::LoadOptions {
        ref_map: opts.ref_map.clone(),
        allow_paths: opts.allow_paths.clone(),
        ..Default::default()
    };
    let (mut errors, mut warnings, mut failed) = (0, 0, 0);
    for file in files {
        let diags = paragon_codegen::check_document_with(file, &load);
        let e = diags.errors().count();
        errors += e;
        warnings += diags.len() - e;
        if e > 0 {
            failed += 1;
        }
        if !diags.is_empty() {
            eprint!("{}", diags.render());
        }
        let verdict = match (e, diags.len() - e) {
            (0, 0) => "ok".to_owned(),
            (0, w) => format!("ok, {w} warning(s)"),
            (e, w) => format!("{e} error(s), {w} warning(s)"),
        };
        println!("{}: {verdict}", file.display());
    }
    println!(
        "checked {} document(s): {errors} error(s), {warnings} warning(s)",
        files.len()
    );
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
