//! The command line, declared with clap's derive: `--help` per subcommand, `--version`, `--`,
//! did-you-mean for a mistyped flag or command, and shell completions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  paragon-codegen generate --spec petstore.yaml --out ../petstore-client
  paragon-codegen generate --spec api.yml --spec flows.arazzo.yml --out gen --crate-name my-api
  paragon-codegen check specs/openapi/*.yml specs/arazzo/*.yml
  paragon-codegen check --format json specs/*.yml      # one JSON object per diagnostic
  paragon-codegen completions bash > ~/.local/share/bash-completion/completions/paragon-codegen";

/// Typed Rust clients and compiled Arazzo workflows from your API documents.
#[derive(Debug, Parser)]
#[command(
    name = "paragon-codegen",
    version,
    arg_required_else_help = true,
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a standalone crate to DIR: one module per document.
    ///
    /// An OpenAPI 3.0/3.1 document (YAML or JSON) becomes a typed client; an Arazzo 1.0.1
    /// document becomes its workflows as state machines, with the clients of the APIs they
    /// call. The crate's Cargo.toml and README are written too; `cargo build` in DIR builds it.
    Generate(GenerateArgs),
    /// Check documents and print every problem with file:line:col.
    ///
    /// Loads and checks each document (OpenAPI or Arazzo, told apart by content) and prints
    /// every problem with file:line:col and the offending line. Exits 1 when any document has an
    /// error, so it can gate CI like a linter.
    Check(CheckArgs),
    /// Rewrite other runners' dialects to the standard spelling, in place.
    ///
    /// Rewrites every construct that `check` warns was read in another runner's dialect
    /// (`$response.body.token` becomes `$response.body#/token`, ...), in each document and the
    /// documents it names. Only those values change: comments, order and formatting stay. Prints
    /// each change; `check` then reports none of those warnings.
    Fix(FixArgs),
    /// Print a completion script for a shell.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Where files may be read from, for every command that reads documents.
#[derive(Debug, Default, Args)]
pub struct LoadArgs {
    /// Read remote `$ref`s under URL PREFIX from local copies in DIR (repeatable). Nothing is
    /// fetched: a remote `$ref` under no prefix is read as any JSON, with a warning.
    #[arg(long = "ref-map", value_name = "PREFIX=DIR", value_parser = ref_map)]
    pub ref_map: Vec<(String, PathBuf)>,
    /// Also read files under DIR (repeatable). Files are read only from the current directory
    /// (or the document's own, when it is outside), the --ref-map directories and these; a
    /// `$ref` or source description that leaves them is an error, and the file is never opened.
    #[arg(long = "allow-path", value_name = "DIR")]
    pub allow_paths: Vec<PathBuf>,
}

fn ref_map(value: &str) -> Result<(String, PathBuf), String> {
    paragon_codegen::LoadOptions::parse_ref_map(value)
}

/// `generate`'s options.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// A document to generate from (repeatable): OpenAPI, Arazzo, or a JSON Schema with a
    /// `$schema` key, told apart by content.
    #[arg(
        long = "spec",
        value_name = "FILE",
        required_unless_present = "schemas"
    )]
    pub specs: Vec<PathBuf>,
    /// A JSON Schema document to generate types from (repeatable): each type checks what it
    /// decodes against the schema.
    #[arg(long = "schema", value_name = "FILE")]
    pub schemas: Vec<PathBuf>,
    /// The types of OpenAPI documents check what they decode against their schemas
    /// (`minLength`, `pattern`, `maximum`, `required`, … named by JSON Pointer and keyword in
    /// the error), as the types of `--schema` documents always do [default: off, so a client
    /// can read a server that drifts from its description].
    #[arg(long)]
    pub check_schemas: bool,
    /// JSON Schema string `enum`s refuse values they do not list [default: an enum keeps an
    /// unknown value in a catch-all variant].
    #[arg(long)]
    pub closed_enums: bool,
    /// Where to write the crate (created if missing; files are overwritten).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The package name [default: the first document's file name].
    #[arg(long, value_name = "NAME")]
    pub crate_name: Option<String>,
    /// Depend on paragon-runtime at this path [default: the runtime next to this tool's
    /// sources, when it is there, else the registry].
    #[arg(long, value_name = "DIR", conflicts_with = "runtime_version")]
    pub runtime_path: Option<PathBuf>,
    /// Depend on paragon-runtime VER from the registry.
    #[arg(long, value_name = "VER")]
    pub runtime_version: Option<String>,
    /// Overwrite DIR's Cargo.toml even if paragon-codegen did not write it.
    #[arg(long)]
    pub force: bool,
    /// Pass the generated modules through rustfmt (prettyplease's output otherwise; rustfmt
    /// about doubles the time of a large document).
    #[arg(long)]
    pub rustfmt: bool,
    /// Treat every warning as an error: nothing is written.
    #[arg(long)]
    pub deny_warnings: bool,
    #[command(flatten)]
    pub load: LoadArgs,
}

/// How `check` prints diagnostics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `file:line:col: error: …` with the offending line, on stderr; a verdict per file and a
    /// summary on stdout.
    #[default]
    Human,
    /// One JSON object per diagnostic and line, on stdout (`file`, `line`, `column`,
    /// `severity`, `code`, `message`, `help`); nothing else.
    Json,
}

/// `check`'s options.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The documents.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Treat every warning as an error.
    #[arg(long)]
    pub deny_warnings: bool,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Print the diagnostics only: no verdict per file, no summary.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub load: LoadArgs,
}

/// `fix`'s options.
#[derive(Debug, Args)]
pub struct FixArgs {
    /// The documents.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
}

/// Where the generated crate finds `paragon-runtime`.
#[derive(Debug, Default, PartialEq)]
pub enum Runtime {
    /// Next to this tool's sources, else the registry.
    #[default]
    Auto,
    Path(PathBuf),
    Version(String),
}

impl GenerateArgs {
    /// Where the generated crate finds `paragon-runtime`.
    pub fn runtime(&self) -> Runtime {
        match (&self.runtime_path, &self.runtime_version) {
            (Some(p), _) => Runtime::Path(p.clone()),
            (None, Some(v)) => Runtime::Version(v.clone()),
            (None, None) => Runtime::Auto,
        }
    }
}

impl LoadArgs {
    /// The load options these flags ask for.
    pub fn options(&self, deny_warnings: bool) -> paragon_codegen::LoadOptions {
        paragon_codegen::LoadOptions {
            ref_map: self.ref_map.clone(),
            allow_paths: self.allow_paths.clone(),
            deny_warnings,
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(s: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("paragon-codegen").chain(s.split_whitespace()))
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn generate_takes_repeated_specs_and_inline_values() {
        let Command::Generate(o) =
            parse("generate --spec a.yml --spec=b.yml --out x --crate-name n")
                .unwrap()
                .command
        else {
            panic!("not generate");
        };
        assert_eq!(o.specs, [PathBuf::from("a.yml"), PathBuf::from("b.yml")]);
        assert_eq!(o.out, PathBuf::from("x"));
        assert_eq!(o.crate_name.as_deref(), Some("n"));
        assert_eq!(o.runtime(), Runtime::Auto);
        let Command::Generate(o) = parse("generate --spec a.yml --out x --runtime-version 0.2")
            .unwrap()
            .command
        else {
            panic!("not generate");
        };
        assert_eq!(o.runtime(), Runtime::Version("0.2".into()));
        assert!(parse("generate --spec a --out x --runtime-path p --runtime-version 1").is_err());
    }

    #[test]
    fn ref_maps_and_allowed_paths_for_every_command() {
        let Command::Generate(o) = parse(
            "generate --spec a.yml --out x --ref-map https://h.example/s/=vendor --ref-map=https://k.example/=k",
        )
        .unwrap()
        .command
        else {
            panic!("not generate");
        };
        assert_eq!(
            o.load.ref_map,
            [
                ("https://h.example/s/".to_owned(), PathBuf::from("vendor")),
                ("https://k.example/".to_owned(), PathBuf::from("k")),
            ]
        );
        let Command::Check(c) = parse("check a.yml --ref-map https://h.example/=v b.yml")
            .unwrap()
            .command
        else {
            panic!("not check");
        };
        assert_eq!(c.files, [PathBuf::from("a.yml"), PathBuf::from("b.yml")]);
        assert_eq!(c.load.ref_map.len(), 1);
        assert_eq!(c.format, Format::Human);
        let Command::Check(c) = parse("check --format json -q -- --odd-name.yml")
            .unwrap()
            .command
        else {
            panic!("not check");
        };
        assert_eq!(c.files, [PathBuf::from("--odd-name.yml")]);
        assert_eq!(c.format, Format::Json);
        assert!(c.quiet);
        let Command::Fix(f) = parse("fix a.yml --allow-path d").unwrap().command else {
            panic!("not fix");
        };
        assert_eq!(f.load.allow_paths, [PathBuf::from("d")]);
        let e = parse("check a.yml --ref-map vendor")
            .unwrap_err()
            .to_string();
        assert!(e.contains("URL_PREFIX=DIR"), "{e}");
    }

    #[test]
    fn mistakes_are_named_with_a_suggestion() {
        let e = parse("generate --out x").unwrap_err().to_string();
        assert!(e.contains("--spec"), "{e}");
        let e = parse("generate --spec a.yml").unwrap_err().to_string();
        assert!(e.contains("--out"), "{e}");
        let e = parse("check a.yml --deny-warning").unwrap_err().to_string();
        assert!(e.contains("--deny-warnings"), "did-you-mean: {e}");
        let e = parse("chek a.yml").unwrap_err().to_string();
        assert!(e.contains("check"), "did-you-mean: {e}");
        assert!(parse("check").is_err());
        assert!(parse("check --format xml a.yml").is_err());
    }
}
