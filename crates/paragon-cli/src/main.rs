//! `paragon-codegen`: generate a standalone crate from OpenAPI 3.0/3.1 and Arazzo 1.0.1
//! documents, or check documents and print every located problem.

mod args;
mod check;
mod generate;

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match args::parse(&argv) {
        Ok(args::Command::Help) => {
            print!("{}", args::HELP);
            ExitCode::SUCCESS
        }
        Ok(args::Command::Version) => {
            println!("paragon-codegen {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(args::Command::Check(opts)) => check::run(&opts),
        Ok(args::Command::Fix(opts)) => check::fix(&opts),
        Ok(args::Command::Generate(opts)) => match generate::run(&opts) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        },
        Err(message) => {
            eprintln!("error: {message}\n\nRun `paragon-codegen --help` for usage.");
            ExitCode::from(2)
        }
    }
}
