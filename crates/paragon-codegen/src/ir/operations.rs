//! OpenAPI paths to [`Operation`]s: parameters, bodies, every documented response, security and
//! pagination, all typed through [`TypePlanner`].

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::types::{TypePlanner, box_recursion};
use super::{Api, SchemeKind, SecurityScheme, Ty, TypeKind};
use crate::diag::Diagnostics;
use crate::load::{Loc, Sources};
use crate::names::{Unique, snake_name, type_name};

/// HTTP methods an OpenAPI path item may hold, in the order we emit them.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ParamIn {
    /// In the path template.
    Path,
    /// In the query string.
    Query,
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
}

impl ParamIn {
    /// `path`, `query`, `header` or `cookie`.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "path" => Self::Path,
            "query" => Self::Query,
            "header" => Self::Header,
            "cookie" => Self::Cookie,
            _ => return None,
        })
    }

    /// As OpenAPI spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Path => "path",
            Self::Query => "query",
            Self::Header => "header",
            Self::Cookie => "cookie",
        }
    }
}

/// An OpenAPI serialization `style`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `simple`
    Simple,
    /// `label`
    Label,
    /// `matrix`
    Matrix,
    /// `form`
    Form,
    /// `spaceDelimited`
    SpaceDelimited,
    /// `pipeDelimited`
    PipeDelimited,
    /// `deepObject`
    DeepObject,
}

/// How a parameter or form field is written: `style`, `explode`, `allowReserved`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Serialization {
    /// The style.
    pub style: Style,
    /// `explode`.
    pub explode: bool,
    /// `allowReserved`.
    pub allow_reserved: bool,
}

impl Serialization {
    /// What OpenAPI says when nothing is written: `simple` for paths and headers, `form` for
    /// queries and cookies (form bodies read as queries); `explode` is true for `form` only.
    pub fn default_for(location: ParamIn) -> Self {
        let style = match location {
            ParamIn::Path | ParamIn::Header => Style::Simple,
            ParamIn::Query | ParamIn::Cookie => Style::Form,
        };
        Self {
            style,
            explode: style == Style::Form,
            allow_reserved: false,
        }
    }
}

/// Reads `style`, `explode` and `allowReserved` from a Parameter or Encoding Object; a style
/// that does not fit the location is a warning and the default is used.
fn serialization(
    planner: &mut TypePlanner<'_>,
    owner: &Loc,
    map: &Map<String, Value>,
    location: ParamIn,
) -> Serialization {
    let default = Serialization::default_for(location);
    let style = match str_at(map, "style") {
        None => default.style,
        Some(name) => {
            let style = match name {
                "simple" => Some(Style::Simple),
                "label" => Some(Style::Label),
                "matrix" => Some(Style::Matrix),
                "form" => Some(Style::Form),
                "spaceDelimited" => Some(Style::SpaceDelimited),
                "pipeDelimited" => Some(Style::PipeDelimited),
                "deepObject" => Some(Style::DeepObject),
                _ => None,
            };
            let allowed: &[Style] = match location {
                ParamIn::Path => &[Style::Simple, Style::Label, Style::Matrix],
                ParamIn::Query => &[
                    Style::Form,
                    Style::SpaceDelimited,
                    Style::PipeDelimited,
                    Style::DeepObject,
                ],
                ParamIn::Header => &[Style::Simple],
                ParamIn::Cookie => &[Style::Form],
            };
            match style {
                Some(s) if allowed.contains(&s) => s,
                _ => {
                    planner.diags.push(planner.sources.warning_at(
                        &owner.join("style"),
                        format!(
                            "style `{name}` is not one of the styles of a {} parameter; the default is used",
                            match location {
                                ParamIn::Path => "path",
                                ParamIn::Query => "query (or form field)",
                                ParamIn::Header => "header",
                                ParamIn::Cookie => "cookie",
                            }
                        ),
                    ));
                    default.style
                }
            }
        }
    };
    Serialization {
        style,
        explode: map
            .get("explode")
            .and_then(Value::as_bool)
            .unwrap_or(style == Style::Form),
        allow_reserved: map.get("allowReserved") == Some(&Value::Bool(true)),
    }
}

/// One operation parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// Wire name.
    pub wire: String,
    /// Rust name.
    pub name: String,
    /// Where it goes.
    pub location: ParamIn,
    /// Its type (not wrapped in `Option` for optional parameters).
    pub ty: Ty,
    /// Must be sent.
    pub required: bool,
    /// From the document.
    pub doc: Option<String>,
    /// How its value is written.
    pub style: Serialization,
}

/// How a request body is encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyKind {
    /// JSON (`application/json` or `+json`).
    Json,
    /// `application/x-www-form-urlencoded`, with the styles its `encoding` gives members.
    Form {
        /// (member, how it is written), for members whose encoding is not the default.
        encoding: Vec<(String, Serialization)>,
    },
    /// `multipart/form-data`: typed parts (`format: binary` members are files).
    Multipart {
        /// (member, media type) from the `encoding` object's `contentType`.
        content_types: Vec<(String, String)>,
    },
    /// Anything else, sent as bytes with this content type.
    Bytes(String),
}

/// A request body.
#[derive(Debug, Clone)]
pub struct Body {
    /// Its type (for `Bytes`, ignored).
    pub ty: Ty,
    /// Encoding.
    pub kind: BodyKind,
    /// Must be sent.
    pub required: bool,
}

/// Which statuses a response covers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum StatusKey {
    /// One code.
    Code(u16),
    /// `1XX` … `5XX`.
    Range(u16),
    /// `default`.
    Default,
}

impl StatusKey {
    /// 2xx, or `default` when the operation documents no 2xx at all (decided by the caller).
    pub fn is_success(&self) -> bool {
        match self {
            StatusKey::Code(c) => (200..300).contains(c),
            StatusKey::Range(r) => *r == 2,
            StatusKey::Default => false,
        }
    }
}

/// What a response carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponseBody {
    /// Nothing we read.
    Empty,
    /// JSON of this type.
    Json(Ty),
    /// Text.
    Text,
    /// Bytes, streamed.
    Binary,
}

/// One documented response.
#[derive(Debug, Clone)]
pub struct ResponseIr {
    /// Which statuses.
    pub status: StatusKey,
    /// Rust variant name in the responses enum.
    pub variant: String,
    /// Its body.
    pub body: ResponseBody,
    /// Treated as success.
    pub success: bool,
    /// From the document.
    pub doc: Option<String>,
}

/// How an operation pages.
#[derive(Debug, Clone)]
pub enum PageKind {
    /// The response holds a URL of the next page.
    Link,
    /// The response holds a cursor to pass back in this query parameter.
    Cursor {
        /// Index into [`Operation::params`].
        param: usize,
    },
}

/// Pagination found on an operation.
#[derive(Debug, Clone)]
pub struct Pagination {
    /// Link or cursor.
    pub kind: PageKind,
    /// Rust field of the page holding the link or cursor.
    pub next_field: String,
    /// Whether that field is an `Option`.
    pub next_optional: bool,
    /// Rust field of the page holding the items.
    pub items_field: String,
    /// Whether that field is an `Option`.
    pub items_optional: bool,
    /// The item type.
    pub item: Ty,
}

/// One piece of a path template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPiece<'a> {
    /// Text sent as it is.
    Lit(&'a str),
    /// `{name}`, or `{+name}` (RFC 6570 reserved expansion: the value keeps its `/`).
    Param {
        /// The parameter's name.
        wire: &'a str,
        /// Written `{+name}`.
        reserved: bool,
    },
}

/// A path template in pieces: `/v1/{+name}/items/{id}` is `/v1/`, `name` (reserved), `/items/`,
/// `id`. A `{` without its `}` is text. The one reading of templates, for the planner's checks
/// and both emitters.
pub fn path_pieces(path: &str) -> Vec<PathPiece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start + 1..].find('}') else {
            break;
        };
        if start > 0 {
            pieces.push(PathPiece::Lit(&rest[..start]));
        }
        let inner = &rest[start + 1..start + 1 + len];
        pieces.push(match inner.strip_prefix('+') {
            Some(wire) => PathPiece::Param {
                wire,
                reserved: true,
            },
            None => PathPiece::Param {
                wire: inner,
                reserved: false,
            },
        });
        rest = &rest[start + 2 + len..];
    }
    if !rest.is_empty() {
        pieces.push(PathPiece::Lit(rest));
    }
    pieces
}

/// One operation.
#[derive(Debug, Clone)]
pub struct Operation {
    /// `operationId`, or one derived from method and path.
    pub id: String,
    /// Rust function name.
    pub fn_name: String,
    /// Prefix for the operation's own types.
    pub type_prefix: String,
    /// Upper-case HTTP method.
    pub method: String,
    /// The path template.
    pub path: String,
    /// Summary and description.
    pub doc: Option<String>,
    /// Deprecated in the document.
    pub deprecated: bool,
    /// The operation's `tags`, as written (the strings only; other entries are skipped).
    pub tags: Vec<String>,
    /// Path-level and operation-level parameters, path ones first.
    pub params: Vec<Param>,
    /// The request body.
    pub body: Option<Body>,
    /// Every documented response.
    pub responses: Vec<ResponseIr>,
    /// Alternatives, each a set of scheme names; empty means none required.
    pub security: Vec<Vec<String>>,
    /// Paging, when recognised.
    pub pagination: Option<Pagination>,
    /// Name of the struct holding the optional parameters, when there are any.
    pub options_type: Option<String>,
    /// Name of the enum over every documented response, when there is more than one.
    pub responses_type: Option<String>,
}

impl Operation {
    /// The success responses.
    pub fn successes(&self) -> impl Iterator<Item = &ResponseIr> {
        self.responses.iter().filter(|r| r.success)
    }
}

/// The names the client derives from an operation's function name; each must be free too, or
/// one operation's `x_request` builder is another operation's `x_request` function (Bungie's
/// API has `RemoveFriend` and `RemoveFriendRequest`).
const COMPANIONS: [&str; 3] = ["_request", "_with_response", "_stream"];

fn claim_fn_name(fn_names: &mut Unique, base: &str) -> String {
    fn_names.claim_with(base, &COMPANIONS)
}

fn doc2(a: Option<&str>, b: Option<&str>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) if a.trim() != b.trim() => Some(format!("{a}\n\n{b}")),
        (Some(a), _) => Some(a.to_owned()),
        (None, Some(b)) => Some(b.to_owned()),
        (None, None) => None,
    }
}

fn str_at<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    map.get(key).and_then(Value::as_str)
}

/// Plans a whole OpenAPI document.
pub fn plan_api(sources: &Sources, root: &Loc, diags: &mut Diagnostics) -> Api {
    plan_api_with(sources, root, diags, &[]).0
}

/// Plans a document and also types `extra` schema locations (with name hints), for callers that
/// need types of schemas inside it (workflow outputs following a JSON Pointer into a response).
pub fn plan_api_with(
    sources: &Sources,
    root: &Loc,
    diags: &mut Diagnostics,
    extra: &[(Loc, String)],
) -> (Api, Vec<Ty>) {
    let doc = sources.get(root).and_then(Value::as_object);
    let empty = Map::new();
    let doc = doc.unwrap_or(&empty);
    let info = doc.get("info").and_then(Value::as_object).unwrap_or(&empty);
    let title = str_at(info, "title").unwrap_or("API").to_owned();
    let description = str_at(info, "description").map(str::to_owned);
    let version = str_at(info, "version").unwrap_or("").to_owned();
    let default_base_url = base_url(doc);
    let security_schemes = security_schemes(sources, root, diags);

    let mut planner = TypePlanner::new(sources, diags);
    let check_schemas = sources.options().check_schemas;
    planner.checked = check_schemas;
    planner.multi_file = check_schemas;
    planner.plan_components(root);
    let mut operations = Vec::new();
    let mut fn_names = Unique::default();
    for reserved in ["new", "builder", "from_runtime", "runtime", "base_url"] {
        fn_names.reserve(reserved);
    }
    let root_security = doc.get("security");
    if let Some(Value::Object(paths)) = doc.get("paths") {
        for path in paths.keys() {
            let item_loc = root.join("paths").join(path);
            // A path item may itself be a `$ref`.
            let item_loc = match planner.sources.deref(&item_loc) {
                Ok(l) => l,
                Err(message) => {
                    planner
                        .diags
                        .push(planner.sources.error_at(&item_loc, message));
                    continue;
                }
            };
            if !matches!(planner.sources.get(&item_loc), Some(Value::Object(_))) {
                continue;
            }
            for method in METHODS {
                let op_loc = item_loc.join(method);
                if planner.sources.get(&op_loc).is_none() {
                    continue;
                }
                if let Some(op) = plan_operation(
                    &mut planner,
                    &item_loc,
                    &op_loc,
                    path,
                    method,
                    root_security,
                    &mut fn_names,
                ) {
                    operations.push(op);
                }
            }
        }
    }
    let extra_tys: Vec<Ty> = extra.iter().map(|(l, hint)| planner.ty(l, hint)).collect();
    let mut types = std::mem::take(&mut planner.types);
    box_recursion(&mut types);
    for t in &types {
        if matches!(t.kind, TypeKind::Pending) {
            // Unreachable in practice: every define() is completed before returning.
            diags.push(crate::diag::Diagnostic::error(
                &sources.file(root.file).path,
                None,
                format!("internal: type `{}` was never completed", t.name),
            ));
        }
    }
    let api = Api {
        title,
        description,
        version,
        default_base_url,
        security_schemes,
        types,
        operations,
        schema_text: check_schemas.then(|| checked_text(sources)),
        gates: Default::default(),
    };
    (api, extra_tys)
}

/// Every file of a run as one JSON object keyed by file number, every `$ref` rewritten as a
/// pointer into it (`#/<file>/<pointer>`): what the checked types of an OpenAPI document
/// check against.
fn checked_text(sources: &Sources) -> String {
    let mut all = Map::new();
    for id in sources.ids() {
        let mut value = sources.file(id).value.clone();
        let mut stack = vec![&mut value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Object(map) => {
                    if let Some(Value::String(r)) = map.get("$ref")
                        && let Ok(target) = sources.resolve(id, r)
                    {
                        let text = format!("#/{}{}", target.file, target.ptr.replace('%', "%25"));
                        map.insert("$ref".into(), Value::String(text));
                    }
                    // Patterns are ECMA-262; the runtime reads `regex` syntax.
                    if let Some(Value::String(p)) = map.get_mut("pattern") {
                        *p = crate::jsonschema::ecma::to_rust(p);
                    }
                    stack.extend(map.values_mut());
                }
                Value::Array(items) => stack.extend(items.iter_mut()),
                _ => {}
            }
        }
        all.insert(id.to_string(), value);
    }
    serde_json::to_string(&Value::Object(all)).unwrap_or_default()
}

fn base_url(doc: &Map<String, Value>) -> String {
    let server = doc
        .get("servers")
        .and_then(Value::as_array)
        .and_then(|s| s.first())
        .and_then(Value::as_object);
    let Some(server) = server else {
        return "http://localhost".into();
    };
    let mut url = str_at(server, "url").unwrap_or("/").to_owned();
    if let Some(Value::Object(vars)) = server.get("variables") {
        for (name, var) in vars {
            let default = var.get("default").and_then(Value::as_str).unwrap_or("");
            url = url.replace(&format!("{{{name}}}"), default);
        }
    }
    if url.starts_with('/') || !url.contains("://") {
        url = format!("http://localhost/{}", url.trim_start_matches('/'));
    }
    url.trim_end_matches('/').to_owned()
}

fn security_schemes(sources: &Sources, root: &Loc, diags: &mut Diagnostics) -> Vec<SecurityScheme> {
    let loc = root.join("components").join("securitySchemes");
    let Some(Value::Object(schemes)) = sources.get(&loc) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut methods = Unique::default();
    for name in schemes.keys() {
        let sloc = match sources.deref(&loc.join(name)) {
            Ok(l) => l,
            Err(message) => {
                diags.push(sources.error_at(&loc.join(name), message));
                continue;
            }
        };
        let Some(Value::Object(s)) = sources.get(&sloc) else {
            continue;
        };
        let kind = match (
            str_at(s, "type"),
            str_at(s, "scheme").map(str::to_ascii_lowercase),
        ) {
            (Some("http"), Some(scheme)) if scheme == "basic" => SchemeKind::Basic,
            (Some("http"), _) | (Some("oauth2"), _) | (Some("openIdConnect"), _) => {
                SchemeKind::Bearer
            }
            (Some("apiKey"), _) => SchemeKind::ApiKey {
                location: str_at(s, "in").unwrap_or("header").to_owned(),
                name: str_at(s, "name").unwrap_or("").to_owned(),
            },
            (other, _) => {
                diags.push(sources.warning_at(
                    &sloc,
                    format!(
                        "security scheme type `{}` is not supported; configure it on the reqwest client yourself",
                        other.unwrap_or("?")
                    ),
                ));
                continue;
            }
        };
        out.push(SecurityScheme {
            name: name.clone(),
            method: methods.claim(&snake_name(name)),
            kind,
            doc: str_at(s, "description").map(str::to_owned),
        });
    }
    out
}

fn security_of(value: Option<&Value>) -> Vec<Vec<String>> {
    match value {
        Some(Value::Array(alts)) => alts
            .iter()
            .filter_map(Value::as_object)
            .map(|alt| alt.keys().cloned().collect())
            .collect(),
        _ => Vec::new(),
    }
}

fn plan_operation(
    planner: &mut TypePlanner<'_>,
    item_loc: &Loc,
    op_loc: &Loc,
    path: &str,
    method: &str,
    root_security: Option<&Value>,
    fn_names: &mut Unique,
) -> Option<Operation> {
    let sources = planner.sources;
    let Some(Value::Object(op)) = sources.get(op_loc) else {
        return None;
    };
    let id = match str_at(op, "operationId") {
        Some(id) if !id.trim().is_empty() => id.to_owned(),
        _ => format!("{method}{}", path.replace(['{', '}'], "")),
    };
    let fn_name = claim_fn_name(fn_names, &snake_name(&id));
    let type_prefix = type_name(&id);
    let doc = doc2(str_at(op, "summary"), str_at(op, "description"));

    // Parameters: path-level first, then operation-level overriding by (name, in).
    let mut raw_params: Vec<(Loc, String, String)> = Vec::new();
    for owner in [item_loc, op_loc] {
        let ploc = owner.join("parameters");
        let Some(Value::Array(list)) = sources.get(&ploc) else {
            continue;
        };
        for i in 0..list.len() {
            let l = ploc.index(i);
            let target = match sources.deref(&l) {
                Ok(t) => t,
                Err(message) => {
                    planner.diags.push(sources.error_at(&l, message));
                    continue;
                }
            };
            let Some(Value::Object(p)) = sources.get(&target) else {
                continue;
            };
            let (Some(name), Some(location)) = (str_at(p, "name"), str_at(p, "in")) else {
                planner
                    .diags
                    .push(sources.error_at(&target, "a parameter needs `name` and `in`"));
                continue;
            };
            raw_params.retain(|(_, n, l)| !(n == name && l == location));
            raw_params.push((target, name.to_owned(), location.to_owned()));
        }
    }
    let mut params = Vec::new();
    let mut param_names = Unique::default();
    for reserved in ["body", "options", "self"] {
        param_names.reserve(reserved);
    }
    for (ploc, wire, location) in raw_params {
        let Some(location) = ParamIn::parse(&location) else {
            planner.diags.push(sources.error_at(
                &ploc.join("in"),
                format!(
                    "parameter location `{location}` is not one of path, query, header, cookie"
                ),
            ));
            continue;
        };
        if location == ParamIn::Header
            && ["accept", "content-type", "authorization"]
                .contains(&wire.to_ascii_lowercase().as_str())
        {
            // OpenAPI says these are ignored as parameters.
            continue;
        }
        let Some(Value::Object(p)) = sources.get(&ploc) else {
            continue;
        };
        let required = location == ParamIn::Path || p.get("required") == Some(&Value::Bool(true));
        let hint = format!("{}{}", type_prefix, type_name(&wire));
        let ty = if p.contains_key("schema") {
            planner.ty(&ploc.join("schema"), &hint)
        } else if let Some(Value::Object(content)) = p.get("content") {
            match content.keys().next() {
                Some(mt) => planner.ty(&ploc.join("content").join(mt).join("schema"), &hint),
                None => Ty::String,
            }
        } else {
            Ty::String
        };
        let ty = match ty {
            Ty::Option(inner) => *inner,
            other => other,
        };
        let style = serialization(planner, &ploc, p, location);
        params.push(Param {
            name: param_names.claim(&snake_name(&wire)),
            wire,
            location,
            ty,
            required,
            doc: str_at(p, "description").map(str::to_owned),
            style,
        });
    }
    // Every `{name}` in the template needs a path parameter.
    for piece in path_pieces(path) {
        let PathPiece::Param { wire: name, .. } = piece else {
            continue;
        };
        if !params
            .iter()
            .any(|p| p.location == ParamIn::Path && p.wire == name)
        {
            planner.diags.push(sources.warning_at(
                op_loc,
                format!("path `{path}` has `{{{name}}}` but no path parameter declares it; it is taken as a string"),
            ));
            params.push(Param {
                name: param_names.claim(&snake_name(name)),
                wire: name.to_owned(),
                location: ParamIn::Path,
                ty: Ty::String,
                required: true,
                doc: None,
                style: Serialization::default_for(ParamIn::Path),
            });
        }
    }
    // A path parameter the template has no `{name}` for cannot be sent: it is left out (an
    // argument nothing reads would be a trap for the caller).
    let in_template: Vec<String> = path_pieces(path)
        .into_iter()
        .filter_map(|p| match p {
            PathPiece::Param { wire, .. } => Some(wire.to_owned()),
            PathPiece::Lit(_) => None,
        })
        .collect();
    params.retain(|p| {
        let kept = p.location != ParamIn::Path || in_template.contains(&p.wire);
        if !kept {
            planner.diags.push(sources.warning_at(
                op_loc,
                format!(
                    "path parameter `{}` is not in the path `{path}`; it is left out (nothing would send it)",
                    p.wire
                ),
            ));
        }
        kept
    });
    params.sort_by_key(|p| p.location);

    let body = request_body(planner, op_loc, &type_prefix);
    let responses = responses(planner, op_loc, &type_prefix);
    let security = match op.get("security") {
        Some(s) => security_of(Some(s)),
        None => security_of(root_security),
    };
    let mut operation = Operation {
        id,
        fn_name,
        type_prefix,
        method: method.to_ascii_uppercase(),
        path: path.to_owned(),
        doc,
        deprecated: op.get("deprecated") == Some(&Value::Bool(true)),
        tags: op
            .get("tags")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect(),
        params,
        body,
        responses,
        security,
        pagination: None,
        options_type: None,
        responses_type: None,
    };
    if operation.params.iter().any(|p| !p.required) {
        operation.options_type = Some(
            planner
                .names
                .claim(&format!("{}Options", operation.type_prefix)),
        );
    }
    if operation.responses.len() > 1 {
        operation.responses_type = Some(
            planner
                .names
                .claim(&format!("{}Responses", operation.type_prefix)),
        );
    }
    operation.pagination = pagination(planner, &operation);
    Some(operation)
}

/// A media type without its parameters, lower-case (`Application/JSON; charset=utf-8` is
/// `application/json`).
fn essence(media: &str) -> String {
    media
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Whether a media type is text: `text/*`, and XML (`application/xml`, `*+xml`), which is
/// read as text (an `xpath` criterion or the caller parses it).
pub(crate) fn is_text(media: &str) -> bool {
    let m = essence(media);
    m.starts_with("text/") || m == "application/xml" || m.ends_with("+xml")
}

pub(crate) fn is_json(media: &str) -> bool {
    let m = essence(media);
    m == "application/json"
        || m.ends_with("+json")
        || m == "*/*"
        || m == "application/*"
        || (m.starts_with("application/") && m.contains("json"))
}

fn request_body(planner: &mut TypePlanner<'_>, op_loc: &Loc, prefix: &str) -> Option<Body> {
    let sources = planner.sources;
    let bloc = op_loc.join("requestBody");
    sources.get(&bloc)?;
    let bloc = match sources.deref(&bloc) {
        Ok(l) => l,
        Err(message) => {
            planner.diags.push(sources.error_at(&bloc, message));
            return None;
        }
    };
    let Some(Value::Object(b)) = sources.get(&bloc) else {
        return None;
    };
    let required = b.get("required") == Some(&Value::Bool(true));
    let Some(Value::Object(content)) = b.get("content") else {
        return None;
    };
    let hint = format!("{prefix}Body");
    if let Some(mt) = content.keys().find(|m| is_json(m)) {
        let sloc = bloc.join("content").join(mt).join("schema");
        let ty = if sources.get(&sloc).is_some() {
            planner.writing = true;
            let ty = planner.ty(&sloc, &hint);
            planner.writing = false;
            ty
        } else {
            Ty::Json
        };
        return Some(Body {
            ty,
            kind: BodyKind::Json,
            required,
        });
    }
    let form = content
        .keys()
        .find(|m| m.starts_with("application/x-www-form-urlencoded"));
    let multipart = content
        .keys()
        .find(|m| m.starts_with("multipart/form-data"));
    if let Some(mt) = form.or(multipart) {
        let mloc = bloc.join("content").join(mt);
        let sloc = mloc.join("schema");
        let is_multipart = form.is_none();
        planner.binary_as_file = is_multipart;
        planner.writing = true;
        let ty = if sources.get(&sloc).is_some() {
            planner.ty(&sloc, &hint)
        } else {
            Ty::JsonObject
        };
        planner.writing = false;
        planner.binary_as_file = false;
        let mut encoding = Vec::new();
        let mut content_types = Vec::new();
        if let Some(Value::Object(enc)) = sources.get(&mloc.join("encoding")) {
            for (member, e) in enc {
                let Value::Object(e) = e else { continue };
                let eloc = mloc.join("encoding").join(member);
                if let Some(ct) = str_at(e, "contentType") {
                    content_types.push((member.clone(), ct.to_owned()));
                }
                let style = serialization(planner, &eloc, e, ParamIn::Query);
                if style != Serialization::default_for(ParamIn::Query) {
                    encoding.push((member.clone(), style));
                }
            }
        }
        let kind = if is_multipart {
            BodyKind::Multipart { content_types }
        } else {
            BodyKind::Form { encoding }
        };
        return Some(Body { ty, kind, required });
    }
    let mt = content.keys().next()?.clone();
    Some(Body {
        ty: Ty::Json,
        kind: BodyKind::Bytes(mt),
        required,
    })
}

fn status_variant(key: &StatusKey) -> String {
    match key {
        StatusKey::Code(c) => match c {
            200 => "Ok".into(),
            201 => "Created".into(),
            202 => "Accepted".into(),
            203 => "NonAuthoritativeInformation".into(),
            204 => "NoContent".into(),
            206 => "PartialContent".into(),
            301 => "MovedPermanently".into(),
            302 => "Found".into(),
            303 => "SeeOther".into(),
            304 => "NotModified".into(),
            307 => "TemporaryRedirect".into(),
            308 => "PermanentRedirect".into(),
            400 => "BadRequest".into(),
            401 => "Unauthorized".into(),
            402 => "PaymentRequired".into(),
            403 => "Forbidden".into(),
            404 => "NotFound".into(),
            405 => "MethodNotAllowed".into(),
            406 => "NotAcceptable".into(),
            408 => "RequestTimeout".into(),
            409 => "Conflict".into(),
            410 => "Gone".into(),
            411 => "LengthRequired".into(),
            412 => "PreconditionFailed".into(),
            413 => "PayloadTooLarge".into(),
            415 => "UnsupportedMediaType".into(),
            416 => "RangeNotSatisfiable".into(),
            422 => "UnprocessableEntity".into(),
            423 => "Locked".into(),
            424 => "FailedDependency".into(),
            425 => "TooEarly".into(),
            428 => "PreconditionRequired".into(),
            429 => "TooManyRequests".into(),
            451 => "UnavailableForLegalReasons".into(),
            500 => "InternalServerError".into(),
            501 => "NotImplemented".into(),
            502 => "BadGateway".into(),
            503 => "ServiceUnavailable".into(),
            504 => "GatewayTimeout".into(),
            other => format!("Status{other}"),
        },
        StatusKey::Range(1) => "Informational".into(),
        StatusKey::Range(2) => "Success".into(),
        StatusKey::Range(3) => "Redirection".into(),
        StatusKey::Range(4) => "ClientError".into(),
        StatusKey::Range(5) => "ServerError".into(),
        StatusKey::Range(r) => format!("Status{r}xx"),
        StatusKey::Default => "Default".into(),
    }
}

fn responses(planner: &mut TypePlanner<'_>, op_loc: &Loc, prefix: &str) -> Vec<ResponseIr> {
    let sources = planner.sources;
    let rloc = op_loc.join("responses");
    let Some(Value::Object(map)) = sources.get(&rloc) else {
        return Vec::new();
    };
    let mut keyed: BTreeMap<StatusKey, String> = BTreeMap::new();
    for key in map.keys() {
        let status = if key == "default" {
            StatusKey::Default
        } else if let Ok(code) = key.parse::<u16>() {
            StatusKey::Code(code)
        } else if key.len() == 3 && key[1..].eq_ignore_ascii_case("xx") {
            match key[..1].parse::<u16>() {
                Ok(r) => StatusKey::Range(r),
                Err(_) => continue,
            }
        } else {
            planner.diags.push(sources.warning_at(
                &rloc.join(key),
                format!("`{key}` is not a status code, a range like `4XX`, or `default`; ignored"),
            ));
            continue;
        };
        keyed.insert(status, key.clone());
    }
    let any_success = keyed.keys().any(StatusKey::is_success);
    let json_statuses = keyed
        .iter()
        .filter(|(s, key)| {
            s.is_success() && {
                let l = rloc.join(key);
                sources
                    .deref(&l)
                    .ok()
                    .and_then(|t| sources.get(&t).cloned())
                    .and_then(|v| v.get("content").and_then(Value::as_object).cloned())
                    .is_some_and(|c| c.keys().any(|m| is_json(m)))
            }
        })
        .count();
    let mut out = Vec::new();
    for (status, key) in keyed {
        let l = rloc.join(&key);
        let target = match sources.deref(&l) {
            Ok(t) => t,
            Err(message) => {
                planner.diags.push(sources.error_at(&l, message));
                continue;
            }
        };
        let Some(Value::Object(resp)) = sources.get(&target) else {
            continue;
        };
        let success = status.is_success() || (!any_success && status == StatusKey::Default);
        let variant = status_variant(&status);
        let hint = if success && json_statuses <= 1 {
            format!("{prefix}Response")
        } else {
            format!("{prefix}{variant}Response")
        };
        let body = match resp.get("content") {
            Some(Value::Object(content)) if !content.is_empty() => {
                if let Some(mt) = content.keys().find(|m| is_json(m)) {
                    let sloc = target.join("content").join(mt).join("schema");
                    if sources.get(&sloc).is_some() {
                        ResponseBody::Json(planner.ty(&sloc, &hint))
                    } else {
                        ResponseBody::Json(Ty::Json)
                    }
                } else if content.keys().any(|m| is_text(m)) {
                    ResponseBody::Text
                } else {
                    ResponseBody::Binary
                }
            }
            _ => ResponseBody::Empty,
        };
        out.push(ResponseIr {
            status,
            variant,
            body,
            success,
            doc: str_at(resp, "description").map(str::to_owned),
        });
    }
    out
}

const LINK_FIELDS: &[&str] = &[
    "nextLink",
    "next_link",
    "nextPageUrl",
    "next_page_url",
    "nextUrl",
    "next",
];
const CURSOR_FIELDS: &[&str] = &[
    "nextCursor",
    "next_cursor",
    "nextPageToken",
    "next_page_token",
    "nextToken",
    "next_token",
];
const CURSOR_PARAMS: &[&str] = &[
    "cursor",
    "pageToken",
    "page_token",
    "nextToken",
    "next_token",
];

fn pagination(planner: &TypePlanner<'_>, op: &Operation) -> Option<Pagination> {
    if op.method != "GET" {
        return None;
    }
    let mut successes = op.successes();
    let first = successes.next()?;
    if successes.next().is_some() {
        return None;
    }
    let ResponseBody::Json(Ty::Named(id)) = &first.body else {
        return None;
    };
    let TypeKind::Struct { fields, .. } = &planner.types[*id].kind else {
        return None;
    };
    let arrays: Vec<_> = fields
        .iter()
        .filter(|f| matches!(f.ty.strip_option(), Ty::Vec(_)))
        .collect();
    let [items] = arrays.as_slice() else {
        return None;
    };
    let Ty::Vec(item) = items.ty.strip_option() else {
        return None;
    };
    let string_field = |names: &[&str]| {
        fields
            .iter()
            .find(|f| names.contains(&f.wire.as_str()) && *f.ty.strip_option() == Ty::String)
    };
    let (kind, next) = if let Some(next) = string_field(CURSOR_FIELDS) {
        let param = op.params.iter().position(|p| {
            p.location == ParamIn::Query
                && !p.required
                && CURSOR_PARAMS.contains(&p.wire.as_str())
                && p.ty == Ty::String
        })?;
        (PageKind::Cursor { param }, next)
    } else {
        (PageKind::Link, string_field(LINK_FIELDS)?)
    };
    Some(Pagination {
        kind,
        next_field: next.name.clone(),
        next_optional: matches!(next.ty, Ty::Option(_)),
        items_field: items.name.clone(),
        items_optional: matches!(items.ty, Ty::Option(_)),
        item: (**item).clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_templates_split_into_text_and_parameters() {
        use PathPiece::*;
        assert_eq!(
            path_pieces("/v1/{+name}/items/{id}:run"),
            [
                Lit("/v1/"),
                Param {
                    wire: "name",
                    reserved: true
                },
                Lit("/items/"),
                Param {
                    wire: "id",
                    reserved: false
                },
                Lit(":run"),
            ]
        );
        assert_eq!(path_pieces("/a/{open"), [Lit("/a/{open")]);
        assert_eq!(
            path_pieces("{x}"),
            [Param {
                wire: "x",
                reserved: false
            }]
        );
    }
}
