//! `paragon-codegen check FILE…`: every problem of every document, then a summary line.

use std::process::ExitCode;

use crate::args::CheckOptions;

pub fn run(opts: &CheckOptions) -> ExitCode {
    let files = &opts.files;
    let load = paragon_codegen::LoadOptions {
        ref_map: opts.ref_map.clone(),
        allow_paths: opts.allow_paths.clone(),
        deny_warnings: opts.deny_warnings,
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

/// `paragon-codegen fix FILE…`: rewrites the dialects `check` warns about, prints each change,
/// then what is left.
pub fn fix(opts: &CheckOptions) -> ExitCode {
    let load = paragon_codegen::LoadOptions {
        ref_map: opts.ref_map.clone(),
        allow_paths: opts.allow_paths.clone(),
        ..Default::default()
    };
    let (fixes, diags) = paragon_codegen::fix::fix_documents(&opts.files, &load);
    let mut changed = 0;
    let mut skipped = 0;
    for f in &fixes {
        for c in &f.changes {
            println!(
                "{}:{}:{}: `{}` → `{}`",
                f.path.display(),
                c.pos.line,
                c.pos.col,
                c.from,
                c.to
            );
        }
        for (pos, why) in &f.skipped {
            eprintln!(
                "{}:{}:{}: not rewritten: {why}",
                f.path.display(),
                pos.line,
                pos.col
            );
        }
        changed += f.changes.len();
        skipped += f.skipped.len();
    }
    // Warnings with no standard form to write (an `x-operation` step, an output that may be
    // absent): said, left as they are.
    let mut unfixable = 0;
    for d in diags
        .iter()
        .filter(|d| !d.is_error() && d.rewrite.is_none())
    {
        unfixable += 1;
        let first = d.to_string();
        eprintln!(
            "{} (no standard form: left as it is)",
            first.lines().next().unwrap_or_default()
        );
    }
    let errors = diags.errors().count();
    println!(
        "fixed {changed} value(s) in {} file(s); {skipped} not rewritten; {unfixable} warning(s) with no standard form; {errors} error(s) that need a person",
        fixes.iter().filter(|f| !f.changes.is_empty()).count()
    );
    if errors > 0 {
        eprint!(
            "{}",
            diags
                .iter()
                .filter(|d| d.is_error())
                .map(paragon_codegen::Diagnostic::render)
                .collect::<String>()
        );
    }
    if errors > 0 || skipped > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
