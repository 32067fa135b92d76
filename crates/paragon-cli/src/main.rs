//! `paragon-codegen`: generate a standalone crate from OpenAPI 3.0/3.1 and Arazzo 1.0.1
//! documents, or check documents and print every located problem.

mod args;
mod check;
mod generate;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match cli.command {
        args::Command::Check(opts) => check::run(&opts),
        args::Command::Fix(opts) => check::fix(&opts),
        args::Command::Generate(opts) => match generate::run(&opts) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        },
        args::Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut args::Cli::command(),
                "paragon-codegen",
                &mut std::io::stdout(),
            );
            ExitCode::SUCCESS
        }
    }
}
