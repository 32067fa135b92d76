//! Command-line arguments, parsed by hand: two subcommands and a few flags.

use std::path::PathBuf;

pub const HELP: &str = "\
paragon-codegen: typed Rust clients and compiled Arazzo workflows from your API documents

USAGE:
    paragon-codegen generate --spec FILE [--spec FILE ...] --out DIR [OPTIONS]
    paragon-codegen check FILE [FILE ...] [--ref-map URL_PREFIX=DIR ...] [--allow-path DIR ...]
    paragon-codegen fix FILE [FILE ...] [--ref-map URL_PREFIX=DIR ...] [--allow-path DIR ...]

COMMANDS:
    generate    Write a standalone crate to DIR: one module per document. An OpenAPI 3.0/3.1
                document (YAML or JSON) becomes a typed client; an Arazzo 1.0.1 document becomes
                its workflows as state machines, with the clients of the APIs they call.
                The crate's Cargo.toml and README are written too; `cargo build` in DIR builds it.
    check       Load and check each document (OpenAPI or Arazzo, told apart by content) and
                print every problem with file:line:col and the offending line. Exits 1 when any
                document has an error, so it can gate CI like a linter.
    fix         Rewrite in place, to the standard spelling, every construct that `check`
                warns was read in another runner's dialect (`$response.body.token` becomes
                `$response.body#/token`, ...), in each document and the documents it names.
                Only those values change: comments, order and formatting stay. Prints each
                change; `check` then reports none of those warnings.

OPTIONS (generate):
    --spec FILE             A document to generate from; repeat for several.
    --out DIR               Where to write the crate (created if missing; files are overwritten).
    --crate-name NAME       The package name [default: the first document's file name].
    --runtime-path DIR      Depend on paragon-runtime at this path [default: the runtime next
                            to this tool's sources, when it is there].
    --runtime-version VER   Depend on paragon-runtime VER from the registry instead.
    --force                 Overwrite DIR's Cargo.toml even if paragon-codegen did not write it.
    --rustfmt               Pass the generated modules through rustfmt, for a repository that
                            checks `cargo fmt` (the output is prettyplease's otherwise; rustfmt
                            about doubles the time of a large document).

OPTIONS (generate and check):
    --deny-warnings         Treat every warning as an error (a dialect read as its standard
                            form, a schema read as any JSON, ...): nothing is written.
    --ref-map PREFIX=DIR    Read remote `$ref`s under URL PREFIX from local copies in DIR; repeat
                            for several. Nothing is fetched: a remote `$ref` under no prefix is
                            read as any JSON (`serde_json::Value`), with a warning.
    --allow-path DIR        Also read files under DIR; repeat for several. Files are read only
                            from the current directory (or the document's own directory, when
                            it is outside the current one), the --ref-map directories and these:
                            a `$ref` or source description that leaves them is an error, and
                            the file is never opened.

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
    Check(CheckOptions),
    Fix(CheckOptions),
    Generate(GenerateOptions),
}

/// `check`'s options.
#[derive(Debug, Default, PartialEq)]
pub struct CheckOptions {
    pub files: Vec<PathBuf>,
    /// `--ref-map` entries.
    pub ref_map: Vec<(String, PathBuf)>,
    /// `--allow-path` directories.
    pub allow_paths: Vec<PathBuf>,
    /// `--deny-warnings`.
    pub deny_warnings: bool,
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
    /// Run rustfmt over the generated modules.
    pub rustfmt: bool,
    /// `--ref-map` entries.
    pub ref_map: Vec<(String, PathBuf)>,
    /// `--allow-path` directories.
    pub allow_paths: Vec<PathBuf>,
    /// `--deny-warnings`.
    pub deny_warnings: bool,
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
        "check" | "fix" if argv[1..].iter().any(|a| a == "-h" || a == "--help") => {
            Ok(Command::Help)
        }
        "check" => check(&argv[1..]).map(Command::Check),
        "fix" => check(&argv[1..]).map(Command::Fix),
        "generate" => generate(&argv[1..]),
        other => Err(format!(
            "unknown command `{other}`; expected `generate`, `check` or `fix`"
        )),
    }
}

/// `check`'s and `fix`'s arguments (`--help` is handled before).
fn check(rest: &[String]) -> Result<CheckOptions, String> {
    let mut opts = CheckOptions::default();
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        match flag {
            "--deny-warnings" => opts.deny_warnings = true,
            "--ref-map" => {
                let v = inline
                    .or_else(|| it.next().cloned())
                    .ok_or("`--ref-map` needs a value")?;
                opts.ref_map
                    .push(paragon_codegen::LoadOptions::parse_ref_map(&v)?);
            }
            "--allow-path" => {
                let v = inline
                    .or_else(|| it.next().cloned())
                    .ok_or("`--allow-path` needs a value")?;
                opts.allow_paths.push(PathBuf::from(v));
            }
            other if other.starts_with('-') => {
                return Err(format!("unknown option `{other}` for `check`"));
            }
            file => opts.files.push(PathBuf::from(file)),
        }
    }
    if opts.files.is_empty() {
        return Err("`check` and `fix` need at least one FILE".into());
    }
    Ok(opts)
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
        if flag == "--rustfmt" {
            opts.rustfmt = true;
            continue;
        }
        if flag == "--deny-warnings" {
            opts.deny_warnings = true;
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
            "--ref-map" => opts
                .ref_map
                .push(paragon_codegen::LoadOptions::parse_ref_map(&value()?)?),
            "--allow-path" => opts.allow_paths.push(PathBuf::from(value()?)),
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
    fn ref_maps_for_both_commands() {
        let Command::Generate(o) = parse(&argv(
            "generate --spec a.yml --out x --ref-map https://h.example/s/=vendor --ref-map=https://k.example/=k",
        ))
        .unwrap() else {
            panic!("not generate");
        };
        assert_eq!(
            o.ref_map,
            [
                ("https://h.example/s/".to_owned(), PathBuf::from("vendor")),
                ("https://k.example/".to_owned(), PathBuf::from("k")),
            ]
        );
        let Command::Check(c) =
            parse(&argv("check a.yml --ref-map https://h.example/=v b.yml")).unwrap()
        else {
            panic!("not check");
        };
        assert_eq!(c.files, [PathBuf::from("a.yml"), PathBuf::from("b.yml")]);
        assert_eq!(c.ref_map.len(), 1);
        let Command::Check(c) = parse(&argv(
            "check a.yml --allow-path ../shared --allow-path=/srv/specs",
        ))
        .unwrap() else {
            panic!("not check");
        };
        assert_eq!(
            c.allow_paths,
            [PathBuf::from("../shared"), PathBuf::from("/srv/specs")]
        );
        let Command::Generate(o) =
            parse(&argv("generate --spec a.yml --out x --allow-path vendor")).unwrap()
        else {
            panic!("not generate");
        };
        assert_eq!(o.allow_paths, [PathBuf::from("vendor")]);
        assert!(
            parse(&argv("check a.yml --ref-map vendor"))
                .unwrap_err()
                .contains("URL_PREFIX=DIR")
        );
        assert!(
            parse(&argv("check a.yml --frob"))
                .unwrap_err()
                .contains("--frob")
        );
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
        assert_eq!(parse(&argv("fix a.yml --help")).unwrap(), Command::Help);
        let Command::Fix(f) = parse(&argv("fix a.yml --allow-path d")).unwrap() else {
            panic!("not fix");
        };
        assert_eq!(f.files, [PathBuf::from("a.yml")]);
        let Command::Check(c) = parse(&argv("check a.yml --deny-warnings")).unwrap() else {
            panic!("not check");
        };
        assert!(c.deny_warnings);
    }
}
