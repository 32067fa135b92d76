//! `paragon-codegen check FILE…`: every problem of every document, then a summary line.

use std::process::ExitCode;

use std::io::Write as _;

use crate::args::{CheckArgs, FixArgs, Format};

/// One diagnostic as a JSON object, for `--format json`.
fn json_line(d: &paragon_codegen::Diagnostic) -> String {
    let (line, column) = d.pos.map_or((None, None), |p| (Some(p.line), Some(p.col)));
    serde_json::json!({
        "file": d.file.display().to_string(),
        "line": line,
        "column": column,
        "severity": if d.is_error() { "error" } else { "warning" },
        "code": d.code,
        "message": d.message,
        "help": d.help,
    })
    .to_string()
}

pub fn run(opts: &CheckArgs) -> ExitCode {
    let files = &opts.files;
    let generator =
        paragon_codegen::Generator::new().with_load(opts.load.options(opts.deny_warnings));
    let human = opts.format == Format::Human;
    let mut stdout = std::io::stdout().lock();
    let (mut errors, mut warnings, mut failed) = (0, 0, 0);
    for file in files {
        let diags = generator.check(file);
        let e = diags.errors().count();
        errors += e;
        warnings += diags.len() - e;
        if e > 0 {
            failed += 1;
        }
        if !human {
            for d in diags.iter() {
                let _ = writeln!(stdout, "{}", json_line(d));
            }
            continue;
        }
        if !diags.is_empty() {
            eprint!("{}", diags.render());
        }
        if opts.quiet {
            continue;
        }
        let verdict = match (e, diags.len() - e) {
            (0, 0) => "ok".to_owned(),
            (0, w) => format!("ok, {w} warning(s)"),
            (e, w) => format!("{e} error(s), {w} warning(s)"),
        };
        let _ = writeln!(stdout, "{}: {verdict}", file.display());
    }
    if human && !opts.quiet {
        let _ = writeln!(
            stdout,
            "checked {} document(s): {errors} error(s), {warnings} warning(s)",
            files.len()
        );
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `paragon-codegen fix FILE…`: rewrites the dialects `check` warns about, prints each change,
/// then what is left.
pub fn fix(opts: &FixArgs) -> ExitCode {
    let load = opts.load.options(false);
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
