//! Command-line arguments, parsed by hand: two subcommands and a few flags.

use std::path::PathBuf;

pub const HELP: &str = "\
paragon-codegen: typed Rust clients and compiled Arazzo workflows from your API documents

USAGE:
    paragon-codegen generate --spec FILE [--spec FILE ...] --out DIR [OPTIONS]
    paragon-codegen check FILE [FILE ...]

COMMANDS:
    generate    Write a standalone crate to DIR: one module per document. An OpenAPI 3.0/3.1
                document (YAML or JSON) becomes a typed client; an Arazzo 1.0.1 document becomes
                its workflows as state machines, with the clients of the APIs they call.
                The crate's Cargo.toml and README are written too; `cargo build` in DIR builds it.
    check       Load and check each document (OpenAPI or Arazzo, told apart by content) and
                print every problem with file:line:col and the offending line. Exits 1 when any
                document has an error, so it can gate CI like a linter.

OPTIONS (generate):
    --spec FILE             A document to generate from; repeat for several.
    --out DIR               Where to write the crate (created if missing; files are overwritten).
    --crate-name NAME       The package name [default: the first document's file name].
    --runtime-path DIR      Depend on paragon-runtime at this path [default: the runtime next
                            to this tool's sources, when it is there].
    --runtime-version VER   Depend on paragon-runtime VER from the registry instead.
    --force                 Overwrite DIR's Cargo.toml even if paragon-codegen did not write it.

GLOBAL:
    -h, --help              Print this help.
    -V, --version           Print the version.

EXAMPLES:
    paragon-codegen generate --spec petstore.yaml --out ../petstore-client
    paragon-codegen generate --spec api.yml --spec flows.arazzo.yml --out gen --crate-name my-api
    paragon-codegen check specs/openapi/*.yml specs/arazzo/*.yml
";

/// What to do.
#[derive(Debug, PartialEq)]
pub enum Command {
    Help,
    Version,
    Check(Vec<PathBuf>),
    Generate(GenerateOptions),
}

/// `generate`'s options.
#[derive(Debug, Default, PartialEq)]
pub struct GenerateOptions {
    pub specs: Vec<PathBuf>,
    pub out: PathBuf,
    pub crate_name: Option<String>,
    pub runtime: Runtime,
    /// Overwrite a crate in `out` that this tool did not write.
    pub force: bool,
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

pub fn parse(argv: &[String]) -> Result<Command, String> {
    let Some(first) = argv.first() else {
        return Ok(Command::Help);
    };
    match first.as_str() {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "-V" | "--version" => Ok(Command::Version),
        "check" => {
            let rest = &argv[1..];
            if rest.iter().any(|a| a == "-h" || a == "--help") {
                return Ok(Command::Help);
            }
            if let Some(flag) = rest.iter().find(|a| a.starts_with('-')) {
                return Err(format!("`check` takes no option `{flag}`"));
            }
            if rest.is_empty() {
                return Err("`check` needs at least one FILE".into());
            }
            Ok(Command::Check(rest.iter().map(PathBuf::from).collect()))
        }
        "generate" => generate(&argv[1..]),
        other => Err(format!(
            "unknown command `{other}`; expected `generate` or `check`"
        )),
    }
}

fn generate(rest: &[String]) -> Result<Command, String> {
    let mut opts = GenerateOptions::default();
    let mut out = None;
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(Command::Help);
        }
        if flag == "--force" {
            opts.force = true;
            continue;
        }
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next().filter(|v| !v.starts_with("--")).cloned())
                .ok_or_else(|| format!("`{flag}` needs a value"))
        };
        match flag {
            "--spec" => opts.specs.push(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--crate-name" => opts.crate_name = Some(value()?),
            "--runtime-path" => opts.runtime = Runtime::Path(PathBuf::from(value()?)),
            "--runtime-version" => opts.runtime = Runtime::Version(value()?),
            other if !other.starts_with('-') => {
                return Err(format!(
                    "`{other}`: documents are given with `--spec {other}`"
                ));
            }
            other => return Err(format!("unknown option `{other}` for `generate`")),
        }
    }
    if opts.specs.is_empty() {
        return Err("`generate` needs at least one `--spec FILE`".into());
    }
    opts.out = out.ok_or("`generate` needs `--out DIR`")?;
    Ok(Command::Generate(opts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn generate_takes_repeated_specs_and_inline_values() {
        let Command::Generate(o) = parse(&argv(
            "generate --spec a.yml --spec=b.yml --out x --crate-name n",
        ))
        .unwrap() else {
            panic!("not generate");
        };
        assert_eq!(o.specs, [PathBuf::from("a.yml"), PathBuf::from("b.yml")]);
        assert_eq!(o.out, PathBuf::from("x"));
        assert_eq!(o.crate_name.as_deref(), Some("n"));
        assert_eq!(o.runtime, Runtime::Auto);
    }

    #[test]
    fn mistakes_are_named() {
        assert!(
            parse(&argv("generate --out x"))
                .unwrap_err()
                .contains("--spec")
        );
        assert!(
            parse(&argv("generate --spec a.yml"))
                .unwrap_err()
                .contains("--out")
        );
        assert!(
            parse(&argv("generate --spec"))
                .unwrap_err()
                .contains("needs a value")
        );
        assert!(
            parse(&argv("generate --frob"))
                .unwrap_err()
                .contains("--frob")
        );
        assert!(parse(&argv("check")).unwrap_err().contains("FILE"));
        assert!(parse(&argv("build")).unwrap_err().contains("`build`"));
        assert_eq!(parse(&argv("")).unwrap(), Command::Help);
        assert_eq!(parse(&argv("check --help")).unwrap(), Command::Help);
    }
}
