//! `paragon_workflow!("specs/arazzo/flow.yml")`: compiles an Arazzo document, and the OpenAPI
//! documents it names, into Rust at the call site.
//!
//! The expansion is a module per source description (the typed client), a `Clients` struct, and a
//! module per workflow (typed `Inputs`/`Outputs`, a resumable `State`, and the `Workflow` state
//! machine). It names only `::paragon_runtime::…` paths, so the calling crate needs
//! `paragon-runtime` and nothing else (no serde, reqwest or tokio of its own).
//!
//! The path is relative to the calling crate's manifest directory (`CARGO_MANIFEST_DIR`); when no
//! file is there, it is tried relative to the file that contains the call. Cargo rebuilds the
//! crate when the Arazzo file or any OpenAPI file it references changes. Every problem in the
//! documents becomes a compile error showing `file:line:col` and the offending line.
//!
//! Remote `$ref`s are never fetched at build time. Map them to local copies with
//! `paragon_workflow!("flow.yml", ref_map("https://example.com/schemas/" = "vendor/schemas"))`
//! (directories relative to the directory the path was found in); an unmapped one is read as any
//! JSON, with a warning.
//!
//! Files are read only from inside the calling crate's directory (after resolving `..` and
//! symlinks), so a spec shipped with a dependency cannot make the build read other files of the
//! machine. A `$ref` or source description that leaves it is a compile error at the reference.
//! Allow more directories with `allow_path("../shared-specs", …)` (relative the same way).
//!
//! Warnings (a construct in another runner's dialect read as its standard form, a schema read
//! as any JSON) are compiler warnings; `deny_warnings` makes them compile errors:
//! `paragon_workflow!("flow.yml", deny_warnings)`.
//!
//! The clients hold the operations the workflows' steps call, and the types those reach:
//! nothing else of a large API is compiled. `all_operations` expands whole clients;
//! `operations("getPet", …)` and `tags("store", …)` add operations by `operationId` or tag.
//!
//! `check_schemas` makes the API types check what they decode against their schemas
//! (`minLength`, `pattern`, `maximum`, `required`, …), as `paragon_schema!`'s types always do;
//! it is off by default so a client can read a server that drifts from its description.

use std::path::{Path, PathBuf};

use proc_macro::TokenStream;
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token, parse_macro_input};

/// Expands an Arazzo document into typed workflow state machines. See the crate documentation.
#[proc_macro]
pub fn paragon_workflow(input: TokenStream) -> TokenStream {
    let args = parse_macro_input!(input as Args);
    let call_file = proc_macro::Span::call_site().local_file();
    expand(
        &args,
        std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from),
        call_file,
    )
    .into()
}

/// `"path.yml"` then optional settings: `ref_map("URL_PREFIX" = "DIR", …)`,
/// `allow_path("DIR", …)`, `deny_warnings`.
struct Args {
    path: LitStr,
    ref_map: Vec<(LitStr, LitStr)>,
    allow_paths: Vec<LitStr>,
    deny_warnings: bool,
    /// `paragon_schema!` only.
    closed_enums: Option<Ident>,
    check_schemas: bool,
    /// `paragon_workflow!` only: which operations the clients hold besides those called.
    all_operations: bool,
    operations: Vec<LitStr>,
    tags: Vec<LitStr>,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse()?;
        let mut ref_map = Vec::new();
        let mut allow_paths = Vec::new();
        let mut deny_warnings = false;
        let mut closed_enums = None;
        let mut check_schemas = false;
        let mut all_operations = false;
        let mut operations = Vec::new();
        let mut tags = Vec::new();
        while input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let setting: Ident = input.parse()?;
            let content;
            if setting == "deny_warnings" {
                deny_warnings = true;
            } else if setting == "check_schemas" {
                check_schemas = true;
            } else if setting == "all_operations" {
                all_operations = true;
            } else if setting == "operations" || setting == "tags" {
                syn::parenthesized!(content in input);
                let names = content
                    .parse_terminated(|c: ParseStream<'_>| c.parse::<LitStr>(), Token![,])?;
                if setting == "tags" {
                    tags.extend(names);
                } else {
                    operations.extend(names);
                }
            } else if setting == "closed_enums" {
                closed_enums = Some(setting);
            } else if setting == "ref_map" {
                syn::parenthesized!(content in input);
                let pairs = content.parse_terminated(
                    |c: ParseStream<'_>| {
                        let prefix: LitStr = c.parse()?;
                        c.parse::<Token![=]>()?;
                        let dir: LitStr = c.parse()?;
                        if !paragon_codegen::load::is_remote(&prefix.value()) {
                            return Err(syn::Error::new(
                                prefix.span(),
                                "a `ref_map` prefix is an `http://` or `https://` URL",
                            ));
                        }
                        Ok((prefix, dir))
                    },
                    Token![,],
                )?;
                ref_map.extend(pairs);
            } else if setting == "allow_path" {
                syn::parenthesized!(content in input);
                let dirs = content
                    .parse_terminated(|c: ParseStream<'_>| c.parse::<LitStr>(), Token![,])?;
                allow_paths.extend(dirs);
            } else {
                return Err(syn::Error::new(
                    setting.span(),
                    format!(
                        "unknown setting `{setting}`; expected `ref_map(\"URL_PREFIX\" = \"DIR\", …)`, `allow_path(\"DIR\", …)`, `deny_warnings`, `check_schemas`, (for `paragon_workflow!`) `all_operations`, `operations(\"operationId\", …)`, `tags(\"tag\", …)` or (for `paragon_schema!`) `closed_enums`"
                    ),
                ));
            }
        }
        Ok(Args {
            path,
            ref_map,
            allow_paths,
            deny_warnings,
            closed_enums,
            check_schemas,
            all_operations,
            operations,
            tags,
        })
    }
}

/// Where the document is: relative to the manifest directory, else to the calling file.
fn resolve(
    relative: &str,
    manifest: Option<&Path>,
    call_file: Option<&Path>,
) -> Option<(PathBuf, PathBuf)> {
    let given = Path::new(relative);
    if given.is_absolute() {
        let base = given.parent().map(Path::to_path_buf).unwrap_or_default();
        return given.is_file().then(|| (given.to_path_buf(), base));
    }
    let bases = [
        manifest.map(Path::to_path_buf),
        call_file.and_then(|f| f.parent().map(Path::to_path_buf)),
    ];
    bases
        .into_iter()
        .flatten()
        .map(|b| (b.join(given), b))
        .find(|(p, _)| p.is_file())
}

/// A document found and how its files may be read.
struct Located {
    path: PathBuf,
    /// Where the literal was resolved from: diagnostics show paths relative to it.
    base: PathBuf,
    options: paragon_codegen::LoadOptions,
}

/// Finds the document and turns the settings into load options; the error is a compile error
/// at the literal.
fn locate(
    args: &Args,
    manifest: Option<PathBuf>,
    call_file: Option<PathBuf>,
    macro_name: &str,
) -> Result<Located, proc_macro2::TokenStream> {
    let lit = &args.path;
    let relative = lit.value();
    let Some((path, base)) = resolve(&relative, manifest.as_deref(), call_file.as_deref()) else {
        let message = format!(
            "{macro_name}!: no file `{relative}`, relative to the crate's manifest directory (where its Cargo.toml is) or to the file that calls the macro"
        );
        return Err(syn::Error::new(lit.span(), message).to_compile_error());
    };
    let options = paragon_codegen::LoadOptions {
        ref_map: args
            .ref_map
            .iter()
            .map(|(prefix, dir)| (prefix.value(), base.join(dir.value())))
            .collect(),
        // Files are read from the calling crate's directory only, unless allowed: a spec that
        // comes with a dependency cannot make the build read the rest of the machine.
        root_dir: Some(manifest.clone().unwrap_or_else(|| base.clone())),
        allow_paths: args
            .allow_paths
            .iter()
            .map(|dir| base.join(dir.value()))
            .collect(),
        deny_warnings: args.deny_warnings,
        check_schemas: args.check_schemas,
        ..Default::default()
    };
    Ok(Located {
        path,
        base,
        options,
    })
}

/// What a macro expands to around the generated items: `include_bytes!` of every file read
/// (so Cargo rebuilds when one changes) and each warning as a deprecation note (stable Rust
/// has no warning API for proc macros; a deprecated item used once makes rustc print it, and
/// `-D warnings` denies it).
fn around(
    base: &Path,
    files: &[PathBuf],
    diagnostics: &paragon_codegen::Diagnostics,
) -> proc_macro2::TokenStream {
    let prefix = format!("{}/", base.display());
    let warnings = diagnostics.iter().filter(|d| !d.is_error()).map(|d| {
        let note = d.to_string().replace(&prefix, "");
        quote! {
            const _: () = {
                #[deprecated(note = #note)]
                struct ParagonWorkflowWarning;
                let _ = ParagonWorkflowWarning;
            };
        }
    });
    let tracked = files.iter().filter_map(|f| {
        let abs = std::fs::canonicalize(f).ok()?;
        let abs = abs.to_str()?.to_owned();
        Some(quote!(
            const _: &[u8] = include_bytes!(#abs);
        ))
    });
    quote! {
        #(#tracked)*
        #(#warnings)*
    }
}

/// Every error, as compile errors at the literal, with paths shown as the user wrote them.
fn errors(
    lit: &LitStr,
    base: &Path,
    diagnostics: &paragon_codegen::Diagnostics,
) -> proc_macro2::TokenStream {
    let prefix = format!("{}/", base.display());
    let errors = diagnostics.errors().map(|d| {
        // rustc says `error:` already: the headline keeps its place, not its kind.
        let message = d
            .render()
            .replace(&prefix, "")
            .replacen(": error: ", ": ", 1);
        syn::Error::new(lit.span(), message.trim_end()).to_compile_error()
    });
    quote!(#(#errors)*)
}

fn expand(
    args: &Args,
    manifest: Option<PathBuf>,
    call_file: Option<PathBuf>,
) -> proc_macro2::TokenStream {
    if let Some(setting) = &args.closed_enums {
        return syn::Error::new(
            setting.span(),
            "`closed_enums` is a setting of `paragon_schema!`",
        )
        .to_compile_error();
    }
    let at = match locate(args, manifest, call_file, "paragon_workflow") {
        Ok(at) => at,
        Err(e) => return e,
    };
    let generator = paragon_codegen::Generator::new()
        .with_load(at.options.clone())
        .expand(paragon_codegen::Expand {
            all: args.all_operations,
            operations: args.operations.iter().map(LitStr::value).collect(),
            tags: args.tags.iter().map(LitStr::value).collect(),
        });
    expansion(args, &at, generator.workflows(&at.path))
}

/// The items of a generated document with their rebuild tracking and warnings, or its errors.
fn expansion(
    args: &Args,
    at: &Located,
    generated: Result<paragon_codegen::Output, paragon_codegen::Diagnostics>,
) -> proc_macro2::TokenStream {
    match generated {
        Ok(generated) => {
            let tokens = generated.tokens();
            let around = around(&at.base, &generated.files, &generated.diagnostics);
            quote! {
                #tokens
                #around
            }
        }
        Err(diagnostics) => errors(&args.path, &at.base, &diagnostics),
    }
}

/// Expands a JSON Schema document into types that check what they decode (the items of
/// `paragon_generated::schemas::*`): a `SCHEMA` static and one type per schema, the root named
/// after the file. Same path rules, settings and rebuild tracking as `paragon_workflow!`, plus
/// `closed_enums` (string enums refuse values they do not list). One per module, as each
/// expansion defines `SCHEMA`.
#[proc_macro]
pub fn paragon_schema(input: TokenStream) -> TokenStream {
    let args = parse_macro_input!(input as Args);
    let call_file = proc_macro::Span::call_site().local_file();
    expand_schema(
        &args,
        std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from),
        call_file,
    )
    .into()
}

fn expand_schema(
    args: &Args,
    manifest: Option<PathBuf>,
    call_file: Option<PathBuf>,
) -> proc_macro2::TokenStream {
    if args.all_operations || !args.operations.is_empty() || !args.tags.is_empty() {
        return syn::Error::new(
            args.path.span(),
            "`all_operations`, `operations(…)` and `tags(…)` are settings of `paragon_workflow!`",
        )
        .to_compile_error();
    }
    let at = match locate(args, manifest, call_file, "paragon_schema") {
        Ok(at) => at,
        Err(e) => return e,
    };
    let generator = paragon_codegen::Generator::new()
        .with_load(at.options.clone())
        .closed_enums(args.closed_enums.is_some());
    expansion(args, &at, generator.schema(&at.path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(path: &str) -> Args {
        Args {
            path: LitStr::new(path, proc_macro2::Span::call_site()),
            ref_map: Vec::new(),
            allow_paths: Vec::new(),
            deny_warnings: false,
            closed_enums: None,
            check_schemas: false,
            all_operations: false,
            operations: Vec::new(),
            tags: Vec::new(),
        }
    }

    #[test]
    fn settings_parse_and_mistakes_are_named() {
        let a: Args = syn::parse_str(
            r#""flow.yml", ref_map("https://example.com/s/" = "vendor/s", "http://x.example/" = "x"),"#,
        )
        .unwrap();
        assert_eq!(a.path.value(), "flow.yml");
        assert_eq!(a.ref_map.len(), 2);
        assert_eq!(a.ref_map[0].0.value(), "https://example.com/s/");
        assert!(!a.deny_warnings);
        let strict: Args = syn::parse_str(r#""flow.yml", deny_warnings"#).unwrap();
        assert!(strict.deny_warnings);
        let bad = syn::parse_str::<Args>(r#""flow.yml", refmap("https://e/" = "v")"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(bad.contains("unknown setting `refmap`"), "{bad}");
        let bad = syn::parse_str::<Args>(r#""flow.yml", ref_map("vendor" = "v")"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(bad.contains("http"), "{bad}");
    }

    fn workspace() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    /// The items of an expansion or a file, as token text: the `include_bytes!`/warning consts
    /// of an expansion and the comments and inner attributes of a file left out; string
    /// literals by value (`quote` writes doc comments as raw strings, a file as `///`); and a
    /// comma that ends a group (rustfmt adds one where it breaks a list) ignored.
    fn items(file: syn::File) -> String {
        fn norm(tokens: proc_macro2::TokenStream, out: &mut String) {
            let trees: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
            for (i, tree) in trees.iter().enumerate() {
                match tree {
                    proc_macro2::TokenTree::Group(g) => {
                        out.push_str(&format!("{:?}(", g.delimiter()));
                        norm(g.stream(), out);
                        out.push_str(") ");
                    }
                    proc_macro2::TokenTree::Literal(l) => {
                        match syn::parse_str::<syn::LitStr>(&l.to_string()) {
                            // rustfmt trims the blank of an empty `/// ` line.
                            Ok(s) => out.push_str(&format!("{:?} ", s.value().trim_end())),
                            Err(_) => out.push_str(&format!("{l} ")),
                        }
                    }
                    proc_macro2::TokenTree::Punct(p)
                        if p.as_char() == ','
                            && match trees.get(i + 1) {
                                None => true,
                                Some(proc_macro2::TokenTree::Punct(next)) => next.as_char() == '>',
                                _ => false,
                            } => {}
                    other => out.push_str(&format!("{other} ")),
                }
            }
        }
        let kept = file
            .items
            .into_iter()
            .filter(|i| !matches!(i, syn::Item::Const(c) if c.ident == "_"));
        let mut out = String::new();
        norm(quote!(#(#kept)*), &mut out);
        out
    }

    /// An expansion is, token for token, the committed file `regen` writes.
    fn assert_expands_to(expanded: proc_macro2::TokenStream, committed: &str) {
        let expanded: syn::File = syn::parse2(expanded).unwrap();
        let text = std::fs::read_to_string(workspace().join(committed)).unwrap();
        let file: syn::File = syn::parse_str(&text).unwrap();
        let (a, b) = (items(expanded), items(file));
        let at = a
            .char_indices()
            .zip(b.chars())
            .find(|((_, x), y)| x != y)
            .map_or(a.len().min(b.len()), |((i, _), _)| i);
        assert!(
            a == b,
            "the expansion differs from {committed} at `{}` (the file has `{}`); run `cargo xtask regen`",
            &a[at.saturating_sub(80)..(at + 80).min(a.len())],
            &b[at.saturating_sub(80)..(at + 80).min(b.len())]
        );
    }

    /// The macro's expansion, formatted as `cargo xtask regen` formats files, is exactly the
    /// committed `paragon-generated/src/sync_flow.rs`.
    #[test]
    fn expansion_equals_the_committed_generated_code() {
        let spec = "specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml";
        let whole = Args {
            all_operations: true,
            ..args(spec)
        };
        let expanded: syn::File = syn::parse2(expand(&whole, Some(workspace()), None)).unwrap();
        // The macro adds `include_bytes!` consts for rebuild tracking (and one per warning); the
        // file has none.
        let items: Vec<syn::Item> = expanded
            .items
            .into_iter()
            .filter(|i| !matches!(i, syn::Item::Const(c) if c.ident == "_"))
            .collect();
        let body = paragon_codegen::stages::format_file(quote!(#(#items)*)).unwrap();
        let header = paragon_codegen::generated_header(
            "`cargo xtask regen`",
            spec,
            Some(&format!("paragon_workflow!(\"{spec}\", all_operations)")),
        );
        let formatted = paragon_codegen::rustfmt(&(header + &body)).unwrap();
        let committed =
            std::fs::read_to_string(workspace().join("crates/paragon-generated/src/sync_flow.rs"))
                .unwrap();
        if formatted != committed {
            let line = formatted
                .lines()
                .zip(committed.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            panic!(
                "the expansion differs from crates/paragon-generated/src/sync_flow.rs at line {}; run `cargo xtask regen`",
                line + 1
            );
        }
    }

    /// Whether a method of `Client` is an operation: it returns a `paragon_runtime::Call` (or is
    /// async, for a body streamed to the caller).
    fn is_operation(sig: &syn::Signature) -> bool {
        let output = &sig.output;
        sig.asyncness.is_some() || quote!(#output).to_string().contains(":: Call <")
    }

    /// The operations of every `impl Client` and the types of the expansion.
    fn client_fns_and_types(tokens: proc_macro2::TokenStream) -> (Vec<String>, Vec<String>) {
        let file: syn::File = syn::parse2(tokens).unwrap();
        let (mut fns, mut types) = (Vec::new(), Vec::new());
        let mut stack: Vec<syn::Item> = file.items;
        while let Some(item) = stack.pop() {
            match item {
                syn::Item::Mod(m) => {
                    stack.extend(m.content.map(|(_, items)| items).unwrap_or_default())
                }
                syn::Item::Impl(i) => {
                    let ty = &i.self_ty;
                    if i.trait_.is_some() || quote!(#ty).to_string() != "Client" {
                        continue;
                    }
                    for it in i.items {
                        if let syn::ImplItem::Fn(f) = it
                            && is_operation(&f.sig)
                        {
                            fns.push(f.sig.ident.to_string());
                        }
                    }
                }
                syn::Item::Struct(s) => types.push(s.ident.to_string()),
                syn::Item::Enum(e) => types.push(e.ident.to_string()),
                _ => {}
            }
        }
        fns.sort();
        types.sort();
        (fns, types)
    }

    /// By default the seed workflow's expansion holds the three operations its steps call, and
    /// none of the seven others of the Managed Sync API, nor the types only those reach;
    /// `all_operations`, `operations(…)` and `tags(…)` add them.
    #[test]
    fn the_expansion_holds_only_the_operations_the_steps_call() {
        let spec = "specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml";
        let (fns, types) = client_fns_and_types(expand(&args(spec), Some(workspace()), None));
        assert_eq!(
            fns,
            [
                "enable_sync",
                "enable_sync_with_response",
                "get_sync_status",
                "get_sync_status_with_response",
                "pull_synced_records",
                "pull_synced_records_with_response",
            ]
        );
        for absent in [
            "AccessCheck",
            "CheckAccessResponse",
            "BatchCheckAccessBody",
            "ListUsersBody",
        ] {
            assert!(!types.iter().any(|t| t == absent), "{absent} in {types:?}");
        }
        assert!(types.iter().any(|t| t == "EnableSyncBody"), "{types:?}");

        let whole = Args {
            all_operations: true,
            ..args(spec)
        };
        let (all, all_types) = client_fns_and_types(expand(&whole, Some(workspace()), None));
        assert_eq!(all.len(), 20, "{all:?}");
        assert!(all_types.len() > types.len());

        let more: Args = syn::parse_str(&format!(
            "{spec:?}, operations(\"listUsers\"), tags(\"Permissions\")"
        ))
        .unwrap();
        let (some, _) = client_fns_and_types(expand(&more, Some(workspace()), None));
        assert!(some.iter().any(|f| f == "list_users"), "{some:?}");
        assert!(!some.iter().any(|f| f == "get_synced_record"), "{some:?}");

        let wrong: Args = syn::parse_str(&format!("{spec:?}, operations(\"nope\")")).unwrap();
        let out = expand(&wrong, Some(workspace()), None).to_string();
        assert!(
            out.contains("operationId `nope` is in none of the document's source descriptions"),
            "{out}"
        );
    }

    #[test]
    fn schema_expansion_equals_the_committed_generated_code() {
        let spec = "specs/json-schema/workflow-execution.json";
        assert_expands_to(
            expand_schema(&args(spec), Some(workspace()), None),
            "crates/paragon-generated/src/schemas/workflow_execution.rs",
        );
        let out = expand_schema(&args(spec), Some(workspace()), None).to_string();
        assert_eq!(
            out.matches("include_bytes").count(),
            1,
            "the schema is tracked"
        );
    }

    #[test]
    fn the_expansion_tracks_every_input_file() {
        let lit = args("specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml");
        let out = expand(&lit, Some(workspace()), None).to_string();
        assert!(out.contains("paragon-enable-sync-and-pull-records-workflow.yml"));
        assert!(out.contains("paragon-managed-sync-api-openapi.yml"));
        assert_eq!(out.matches("include_bytes").count(), 2);
    }

    #[test]
    fn warnings_become_deprecation_notes() {
        let lit = args("tests/fixtures/warn.arazzo.yml");
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
        let out = expand(&lit, Some(manifest), None).to_string();
        assert!(!out.contains("compile_error"), "{out}");
        assert!(out.contains("deprecated"), "{out}");
        assert!(
            out.contains("tests/fixtures/warn.arazzo.yml:8:9: warning: step `list` does not supply the required header parameter `X-Session`"),
            "{out}"
        );
    }

    /// A spec that reaches outside the calling crate (here the crate is `crates/paragon-macros`
    /// and the seed's source is under the repository's `specs/`) is a compile error at the
    /// reference; `allow_path` lets it read there.
    #[test]
    fn reads_outside_the_crate_are_refused_unless_allowed() {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
        let spec = "../../specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml";
        let out = expand(&args(spec), Some(manifest.clone()), None).to_string();
        assert!(
            out.contains("compile_error") && out.contains("outside the allowed directory"),
            "{out}"
        );
        assert!(out.contains("allow_path"), "{out}");
        let allowed: Args =
            syn::parse_str(&format!(r#""{spec}", allow_path("../../specs")"#)).unwrap();
        assert_eq!(allowed.allow_paths.len(), 1);
        let out = expand(&allowed, Some(manifest), None).to_string();
        assert!(!out.contains("compile_error"), "{out}");
        assert_eq!(out.matches("include_bytes").count(), 2);
    }

    #[test]
    fn a_missing_file_is_a_compile_error() {
        let lit = args("nope.yml");
        let out = expand(&lit, Some(workspace()), None).to_string();
        assert!(
            out.contains("compile_error") && out.contains("no file `nope.yml`"),
            "{out}"
        );
    }
}
