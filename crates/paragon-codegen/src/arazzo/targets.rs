//! Step targets: an `operationId` (plain, `$sourceDescriptions.<name>.<id>` or the
//! `<name>.<id>` dialect) or an `operationPath`, resolved to an operation of one of the
//! document's OpenAPI sources.

use super::compile::{Compiler, DIALECT_OPERATION_ID, DIALECT_OPERATION_PATH};
use super::dialect;
use super::documents::{Api0, OpRef};
use crate::load::Loc;

/// What one step resolved to before the APIs are planned.
pub(super) enum Resolved {
    Op {
        api: usize,
        op: OpRef,
    },
    /// A workflow of the run (of this document or of an Arazzo source).
    Workflow(usize),
    /// Redocly's `x-operation`: a request through the client of API `api` (the document's
    /// first OpenAPI source).
    Http {
        api: usize,
        method: String,
        url: String,
    },
}

/// An OpenAPI source as one document names it.
pub(super) struct ApiView<'a> {
    pub(super) name: &'a str,
    /// Index into the run's APIs.
    pub(super) index: usize,
    pub(super) api: &'a Api0,
}

/// `x-operation: { url, method }`: compiled with a warning that says what it sends (no
/// credentials, an untyped response), through the client of the document's first OpenAPI
/// source; a document with none has no client to send it with.
pub(super) fn resolve_x_operation(
    c: &mut Compiler<'_>,
    apis: &[ApiView<'_>],
    step: &str,
    method: &str,
    url: &str,
    loc: &Loc,
) -> Option<Resolved> {
    let Some(first) = apis.first() else {
        c.err(
            loc,
            format!("step `{step}`: an `x-operation` step is sent with the client of the document's first OpenAPI source, and this document has none"),
        );
        return None;
    };
    c.diags.push(
        c.sources
            .warning_at(
                loc,
                format!("step `{step}` sends `{method} {url}` through Redocly's `x-operation`: no OpenAPI operation describes it, so its response is untyped JSON and no credentials are sent (set headers as step parameters); it uses the timeouts and retries of `{}`'s client", first.name),
            )
            .with_help("describe the endpoint in an OpenAPI document, name it in `sourceDescriptions`, and call it by `operationId`")
            .with_code("x-operation"),
    );
    Some(Resolved::Http {
        api: first.index,
        method: method.to_owned(),
        url: url.to_owned(),
    })
}

pub(super) fn resolve_operation_id(
    c: &mut Compiler<'_>,
    apis: &[ApiView<'_>],
    id: &str,
    loc: &Loc,
) -> Option<Resolved> {
    if let Some(rest) = id.strip_prefix("$sourceDescriptions.") {
        let Some((source, op_id)) = rest.split_once('.') else {
            c.err(
                loc,
                format!("`{id}`: expected `$sourceDescriptions.<source>.<operationId>`"),
            );
            return None;
        };
        let Some(api) = apis.iter().find(|a| a.name == source) else {
            c.err(
                loc,
                format!("`{id}`: there is no source description `{source}`"),
            );
            return None;
        };
        return match api.api.ops.get(op_id) {
            Some(op) => Some(Resolved::Op {
                api: api.index,
                op: op.clone(),
            }),
            None => {
                let mut d = c
                    .sources
                    .error_at(loc, format!("source `{source}` has no operation `{op_id}`"));
                if let Some(close) =
                    crate::names::closest(op_id, api.api.ops.keys().map(String::as_str))
                {
                    d = d.with_help(format!("did you mean `{close}`?"));
                }
                c.diags.push(d);
                None
            }
        };
    }
    let found: Vec<(&ApiView<'_>, &OpRef)> = apis
        .iter()
        .filter_map(|a| a.api.ops.get(id).map(|o| (a, o)))
        .collect();
    match found.as_slice() {
        [(a, op)] => Some(Resolved::Op {
            api: a.index,
            op: (*op).clone(),
        }),
        // `<source>.<operationId>`, as Redocly's tools write it.
        [] if let Some((a, op)) = id.split_once('.').and_then(|(source, op_id)| {
            let a = apis.iter().find(|a| a.name == source)?;
            Some((a, a.api.ops.get(op_id)?))
        }) =>
        {
            c.dialect(
                loc,
                id,
                &format!("$sourceDescriptions.{id}"),
                DIALECT_OPERATION_ID,
            );
            Some(Resolved::Op {
                api: a.index,
                op: op.clone(),
            })
        }
        [] => {
            let all_ops = apis
                .iter()
                .flat_map(|a| a.api.ops.keys().map(String::as_str));
            let help = if let Some(file) = sibling_with_operation(c.sources, loc, id) {
                format!(
                    "`{id}` is in `{file}`, which is not a source of this document; add it to `sourceDescriptions`"
                )
            } else if let Some(close) = crate::names::closest(id, all_ops) {
                format!("did you mean `{close}`?")
            } else {
                format!(
                    "sources searched: {}",
                    apis.iter().map(|a| a.name).collect::<Vec<_>>().join(", ")
                )
            };
            c.diags.push(
                c.sources
                    .error_at(
                        loc,
                        format!("no source description has an operation `{id}`"),
                    )
                    .with_help(help),
            );
            None
        }
        many => {
            let names: Vec<&str> = many.iter().map(|(a, _)| a.name).collect();
            c.diags.push(
                c.sources
                    .error_at(
                        loc,
                        format!(
                            "operation `{id}` exists in several sources ({})",
                            names.join(", ")
                        ),
                    )
                    .with_help(format!("write `$sourceDescriptions.{}.{id}`", names[0])),
            );
            None
        }
    }
}

pub(super) fn resolve_operation_path(
    c: &mut Compiler<'_>,
    apis: &[ApiView<'_>],
    p: &str,
    loc: &Loc,
) -> Option<Resolved> {
    // `{$sourceDescriptions.<name>.url}#/paths/~1pets/get`
    let parse = |p: &str| -> Option<(String, String)> {
        p.strip_prefix("{$sourceDescriptions.")
            .and_then(|r| r.split_once("}#"))
            .and_then(|(inner, ptr)| {
                inner
                    .strip_suffix(".url")
                    .map(|name| (name.to_owned(), ptr.to_owned()))
            })
    };
    let parsed = parse(p).or_else(|| {
        let names: Vec<&str> = apis.iter().map(|a| a.name).collect();
        let standard = dialect::operation_path(p, &names)?;
        c.dialect(loc, p, &standard, DIALECT_OPERATION_PATH);
        parse(&standard)
    });
    let Some((name, pointer)) = parsed else {
        c.err(loc, format!("`{p}`: expected `{{$sourceDescriptions.<name>.url}}#/paths/<escaped path>/<method>`"));
        return None;
    };
    let (name, pointer) = (name.as_str(), pointer.as_str());
    let Some(api) = apis.iter().find(|a| a.name == name) else {
        c.err(
            loc,
            format!("`{p}`: there is no source description `{name}`"),
        );
        return None;
    };
    let decoded = percent_encoding::percent_decode_str(pointer)
        .decode_utf8_lossy()
        .into_owned();
    let tokens: Vec<String> = decoded
        .split('/')
        .skip(1)
        .map(|t| crate::pointer::unescape(t).into_owned())
        .collect();
    if let [paths, path, method] = tokens.as_slice()
        && paths == "paths"
    {
        let target = api.api.root.join("paths").join(path).join(method);
        if c.sources.get(&target).is_some() {
            return Some(Resolved::Op {
                api: api.index,
                op: OpRef {
                    path: path.clone(),
                    method: method.clone(),
                    loc: target,
                },
            });
        }
    }
    c.err(
        loc,
        format!("`{p}` does not resolve to an operation of `{name}`"),
    );
    None
}

/// How many files beside a document are looked at for an `operationId` it lacks, and the
/// largest read (a help message is not worth reading gigabytes for).
const MAX_SIBLINGS: usize = 64;
const MAX_SIBLING_BYTES: u64 = 8 << 20;

/// The name of an OpenAPI document in the directory of the document at `loc`, not one of its
/// sources, that defines `operationId: id` (found by its text: this only feeds a help).
fn sibling_with_operation(sources: &crate::load::Sources, loc: &Loc, id: &str) -> Option<String> {
    let dir = match sources.file(loc.file).path.parent()? {
        d if d.as_os_str().is_empty() => std::path::PathBuf::from("."),
        d => d.to_path_buf(),
    };
    let mut entries: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "yml" || e == "yaml" || e == "json")
        })
        .take(MAX_SIBLINGS * 4)
        .collect();
    entries.sort();
    // YAML: the whole line; JSON (minified too): anywhere, the quotes delimit the id.
    let yaml = [
        format!("operationId: {id}"),
        format!("operationId: '{id}'"),
        format!("operationId: \"{id}\""),
    ];
    let json = [
        format!("\"operationId\": \"{id}\""),
        format!("\"operationId\":\"{id}\""),
    ];
    entries
        .into_iter()
        .filter(|p| !sources.is_loaded(p))
        .take(MAX_SIBLINGS)
        .find_map(|p| {
            let text = sources.peek(&p, MAX_SIBLING_BYTES)?;
            let is_openapi = crate::load::top_level_keys(&text)
                .iter()
                .any(|k| *k == "openapi" || *k == "swagger");
            let defines = json.iter().any(|pat| text.contains(pat.as_str()))
                || text
                    .lines()
                    .any(|line| yaml.iter().any(|pat| line.trim() == pat));
            (is_openapi && defines).then(|| {
                p.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            })
        })
}
