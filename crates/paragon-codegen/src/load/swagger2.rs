//! Swagger 2.0 → OpenAPI 3.0, in place, so one path serves 2.0, 3.0 and 3.1.
//!
//! What moves: `host`/`basePath`/`schemes` become `servers`; `definitions`, top-level
//! `parameters`, `responses` and `securityDefinitions` go under `components`; `body` and
//! `formData` parameters become a `requestBody` (JSON or the media types of `consumes`; a form or
//! `multipart/form-data` object with one property per field); other parameters get a `schema`
//! and a `style`/`explode` from `collectionFormat`; responses get `content` from `produces`;
//! `x-nullable` becomes `nullable`, `type: file` a binary string.
//!
//! Every node that moved keeps its position in the 2.0 text: the upgrade returns pointer
//! aliases (new location → old location) that [`super::Sources::pos`] follows.

use serde_json::{Map, Value, json};

use super::json::MAX_DEPTH;
use super::yaml::push_token;

/// What the upgrade did besides changing the value.
#[derive(Debug, Default)]
pub struct Upgraded {
    /// New pointer prefix → the pointer in the 2.0 text it came from.
    pub aliases: Vec<(String, String)>,
    /// Constructs with no exact 3.0 equivalent: (pointer in the 2.0 text, what was done).
    pub notes: Vec<(String, String)>,
}

/// Whether a document is Swagger 2.0.
pub fn is_swagger2(value: &Value) -> bool {
    let version = match value.get("swagger") {
        Some(Value::String(v)) => v.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return false,
    };
    value.get("openapi").is_none() && version.starts_with('2')
}

fn ptr(tokens: &[&str]) -> String {
    let mut p = String::new();
    for t in tokens {
        push_token(&mut p, t);
    }
    p
}

fn strings(v: Option<&Value>) -> Option<Vec<String>> {
    v.and_then(Value::as_array).map(|a| {
        a.iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect()
    })
}

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Keys of a 2.0 non-body parameter that describe its value (they go into `schema`).
const SCHEMA_KEYS: &[&str] = &[
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
    "x-nullable",
];

/// Upgrades a Swagger 2.0 document to the OpenAPI 3.0 shape.
pub fn upgrade(doc: &mut Value) -> Upgraded {
    let mut up = Upgraded::default();
    let Value::Object(root) = doc else {
        return up;
    };
    root.remove("swagger");
    root.insert("openapi".into(), Value::String("3.0.3".into()));
    up.aliases.push(("/openapi".into(), "/swagger".into()));

    // servers
    let host = root.remove("host");
    let base_path = root.remove("basePath");
    let schemes = strings(root.remove("schemes").as_ref()).filter(|s| !s.is_empty());
    let base = base_path.as_ref().and_then(Value::as_str).unwrap_or("");
    let servers: Vec<Value> = match host.as_ref().and_then(Value::as_str) {
        Some(host) => schemes
            .unwrap_or_else(|| vec!["https".into()])
            .iter()
            .map(|s| json!({ "url": format!("{s}://{host}{base}") }))
            .collect(),
        None => vec![json!({ "url": if base.is_empty() { "/" } else { base } })],
    };
    root.insert("servers".into(), Value::Array(servers));
    let server_origin = if host.is_some() { "/host" } else { "/basePath" };
    up.aliases.push(("/servers".into(), server_origin.into()));

    let global_consumes = strings(root.remove("consumes").as_ref());
    let global_produces = strings(root.remove("produces").as_ref());

    // components
    let mut components = Map::new();
    if let Some(Value::Object(mut defs)) = root.remove("definitions") {
        for (name, schema) in defs.iter_mut() {
            upgrade_schema(schema, 0, &ptr(&["definitions", name]), &mut up);
        }
        components.insert("schemas".into(), Value::Object(defs));
        up.aliases
            .push(("/components/schemas".into(), "/definitions".into()));
    }
    let mut top = Top {
        bodies: Vec::new(),
        form: Map::new(),
    };
    if let Some(Value::Object(params)) = root.remove("parameters") {
        let mut plain = Map::new();
        let mut bodies = Map::new();
        for (name, p) in params {
            let old = ptr(&["parameters", &name]);
            match p.get("in").and_then(Value::as_str) {
                Some("body") => {
                    let body = body_from_param(&p, global_consumes.as_deref(), &old, &mut up);
                    let new = ptr(&["components", "requestBodies", &name]);
                    alias_content(&mut up, &new, &body, &format!("{old}/schema"));
                    up.aliases.push((new, old.clone()));
                    top.bodies.push(name.clone());
                    bodies.insert(name, body);
                }
                Some("formData") => {
                    top.form.insert(name, p);
                }
                _ => {
                    let mut p = p;
                    upgrade_param(&mut p, &old, &mut up);
                    up.aliases
                        .push((ptr(&["components", "parameters", &name]), old.clone()));
                    up.aliases.push((
                        format!("{}/schema", ptr(&["components", "parameters", &name])),
                        old,
                    ));
                    plain.insert(name, p);
                }
            }
        }
        if !plain.is_empty() {
            components.insert("parameters".into(), Value::Object(plain));
        }
        if !bodies.is_empty() {
            components.insert("requestBodies".into(), Value::Object(bodies));
        }
    }
    if let Some(Value::Object(mut responses)) = root.remove("responses") {
        for (name, r) in responses.iter_mut() {
            let old = ptr(&["responses", name]);
            upgrade_response(r, global_produces.as_deref(), &old, &mut up);
            let new = ptr(&["components", "responses", name]);
            alias_content(&mut up, &new, r, &format!("{old}/schema"));
            up.aliases.push((new, old.clone()));
        }
        components.insert("responses".into(), Value::Object(responses));
    }
    if let Some(Value::Object(mut schemes)) = root.remove("securityDefinitions") {
        for (name, s) in schemes.iter_mut() {
            upgrade_security_scheme(s, &ptr(&["securityDefinitions", name]), &mut up);
        }
        components.insert("securitySchemes".into(), Value::Object(schemes));
        up.aliases.push((
            "/components/securitySchemes".into(),
            "/securityDefinitions".into(),
        ));
    }
    if !components.is_empty() {
        root.insert("components".into(), Value::Object(components));
    }

    // paths
    if let Some(Value::Object(paths)) = root.get_mut("paths") {
        for (path, item) in paths.iter_mut() {
            let Value::Object(item) = item else { continue };
            let item_ptr = ptr(&["paths", path]);
            // Path-level parameters: a body or form field there applies to every operation.
            let mut shared_body: Vec<(Value, String)> = Vec::new();
            if let Some(Value::Array(list)) = item.get_mut("parameters") {
                let old_list = std::mem::take(list);
                for (i, p) in old_list.into_iter().enumerate() {
                    let old = format!("{item_ptr}/parameters/{i}");
                    match param_in(&p, &top) {
                        Some("body" | "formData") => shared_body.push((p, old)),
                        _ => {
                            let mut p = p;
                            upgrade_param(&mut p, &old, &mut up);
                            let new = format!("{item_ptr}/parameters/{}", list.len());
                            alias_param(&mut up, &new, &old, &p);
                            list.push(p);
                        }
                    }
                }
            }
            for method in METHODS {
                let Some(Value::Object(op)) = item.get_mut(*method) else {
                    continue;
                };
                let mut op_ptr = item_ptr.clone();
                push_token(&mut op_ptr, method);
                let consumes =
                    strings(op.remove("consumes").as_ref()).or_else(|| global_consumes.clone());
                let produces =
                    strings(op.remove("produces").as_ref()).or_else(|| global_produces.clone());
                let mut body_params = shared_body.clone();
                if let Some(Value::Array(list)) = op.get_mut("parameters") {
                    let old_list = std::mem::take(list);
                    for (i, p) in old_list.into_iter().enumerate() {
                        let old = format!("{op_ptr}/parameters/{i}");
                        match param_in(&p, &top) {
                            Some("body" | "formData") => body_params.push((p, old)),
                            _ => {
                                let mut p = p;
                                upgrade_param(&mut p, &old, &mut up);
                                let new = format!("{op_ptr}/parameters/{}", list.len());
                                alias_param(&mut up, &new, &old, &p);
                                list.push(p);
                            }
                        }
                    }
                    if list.is_empty() {
                        op.remove("parameters");
                    }
                }
                if let Some(body) =
                    request_body(&body_params, &top, consumes.as_deref(), &op_ptr, &mut up)
                {
                    op.insert("requestBody".into(), body);
                }
                if let Some(Value::Object(responses)) = op.get_mut("responses") {
                    for (status, r) in responses.iter_mut() {
                        let mut old = format!("{op_ptr}/responses");
                        push_token(&mut old, status);
                        upgrade_response(r, produces.as_deref(), &old, &mut up);
                        alias_content(&mut up, &old, r, &format!("{old}/schema"));
                    }
                }
            }
        }
    }
    up
}

/// Aliases `{new}/content/<media type>/schema` → `old_schema` for every media type of `body`.
fn alias_content(up: &mut Upgraded, new: &str, body: &Value, old_schema: &str) {
    if let Some(Value::Object(content)) = body.get("content") {
        for mt in content.keys() {
            let mut p = format!("{new}/content");
            push_token(&mut p, mt);
            p.push_str("/schema");
            up.aliases.push((p, old_schema.to_owned()));
        }
    }
}

fn alias_param(up: &mut Upgraded, new: &str, old: &str, p: &Value) {
    if new != old {
        up.aliases.push((new.to_owned(), old.to_owned()));
    }
    if p.get("schema").is_some() {
        up.aliases.push((format!("{new}/schema"), old.to_owned()));
    }
}

/// A top-level form field that `p` refers to.
fn form_field<'t>(p: &Value, top: &'t Top) -> Option<&'t Value> {
    let r = p.get("$ref")?.as_str()?;
    top.form.get(r.strip_prefix("#/parameters/")?)
}

/// Where a parameter goes, following a `#/parameters/…` reference: `body` (moved to
/// `requestBodies`), `formData` (inlined into the form schema), or the location of any other.
fn param_in<'v>(p: &'v Value, top: &Top) -> Option<&'v str> {
    if let Some(r) = p.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/parameters/")?;
        if top.bodies.iter().any(|b| b == name) {
            return Some("body");
        }
        if top.form.contains_key(name) {
            return Some("formData");
        }
        return None;
    }
    p.get("in").and_then(Value::as_str)
}

/// The document's top-level `parameters` that are not parameters in 3.0.
struct Top {
    /// `in: body`: now `components/requestBodies/<name>`.
    bodies: Vec<String>,
    /// `in: formData`: inlined where used.
    form: Map<String, Value>,
}

/// A non-body parameter: its value keywords go into `schema`, `collectionFormat` into
/// `style`/`explode`.
fn upgrade_param(p: &mut Value, old: &str, up: &mut Upgraded) {
    let Value::Object(map) = p else { return };
    if map.contains_key("$ref") {
        return;
    }
    let location = map
        .get("in")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let mut schema = Map::new();
    for key in SCHEMA_KEYS {
        if let Some(v) = map.remove(*key) {
            schema.insert((*key).to_owned(), v);
        }
    }
    let format = map.remove("collectionFormat");
    let is_array = schema.get("type").and_then(Value::as_str) == Some("array");
    if is_array {
        let (style, explode) = match format.as_ref().and_then(Value::as_str).unwrap_or("csv") {
            "multi" => ("form", true),
            "ssv" => ("spaceDelimited", false),
            "pipes" => ("pipeDelimited", false),
            "tsv" => {
                up.notes.push((
                    format!("{old}/collectionFormat"),
                    "`collectionFormat: tsv` has no OpenAPI 3 style; values are sent comma-separated".into(),
                ));
                ("form", false)
            }
            _ => ("form", false),
        };
        match location.as_str() {
            "query" | "cookie" => {
                map.insert("style".into(), Value::String(style.into()));
                map.insert("explode".into(), Value::Bool(explode));
            }
            _ => {
                map.insert("style".into(), Value::String("simple".into()));
                map.insert("explode".into(), Value::Bool(false));
            }
        }
    }
    let mut schema = Value::Object(schema);
    upgrade_schema(&mut schema, 0, old, up);
    map.insert("schema".into(), schema);
}

/// A `body` parameter as a Request Body Object.
fn body_from_param(p: &Value, consumes: Option<&[String]>, old: &str, up: &mut Upgraded) -> Value {
    let mut schema = p.get("schema").cloned().unwrap_or_else(|| json!({}));
    upgrade_schema(&mut schema, 0, &format!("{old}/schema"), up);
    let types: Vec<String> = consumes
        .filter(|c| !c.is_empty())
        .map(<[String]>::to_vec)
        .unwrap_or_else(|| vec!["application/json".into()]);
    let content: Map<String, Value> = types
        .into_iter()
        .map(|t| (t, json!({ "schema": schema.clone() })))
        .collect();
    let mut body = Map::new();
    if let Some(d) = p.get("description") {
        body.insert("description".into(), d.clone());
    }
    body.insert("content".into(), Value::Object(content));
    if p.get("required") == Some(&Value::Bool(true)) {
        body.insert("required".into(), Value::Bool(true));
    }
    Value::Object(body)
}

/// The request body of an operation from its `body` or `formData` parameters.
fn request_body(
    params: &[(Value, String)],
    top: &Top,
    consumes: Option<&[String]>,
    op_ptr: &str,
    up: &mut Upgraded,
) -> Option<Value> {
    let new = format!("{op_ptr}/requestBody");
    // A body parameter: by reference (moved to requestBodies) or inline.
    for (p, old) in params {
        if let Some(r) = p.get("$ref").and_then(Value::as_str) {
            if let Some(name) = r.strip_prefix("#/parameters/")
                && top.bodies.iter().any(|b| b == name)
            {
                up.aliases.push((new.clone(), old.clone()));
                return Some(json!({ "$ref": format!("#/components/requestBodies/{name}") }));
            }
            continue;
        }
        if p.get("in").and_then(Value::as_str) == Some("body") {
            let body = body_from_param(p, consumes, old, up);
            alias_content(up, &new, &body, &format!("{old}/schema"));
            up.aliases.push((new.clone(), old.clone()));
            return Some(body);
        }
    }
    // Form fields: one object schema, one property per field.
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut has_file = false;
    let mut first_old = None;
    let mut field_ptrs = Vec::new();
    for (p, old) in params {
        let field = match form_field(p, top) {
            Some(resolved) => resolved,
            None if p.get("$ref").is_some() => continue,
            None => p,
        };
        let Some(name) = field.get("name").and_then(Value::as_str).map(str::to_owned) else {
            continue;
        };
        first_old.get_or_insert_with(|| old.clone());
        let mut schema = Map::new();
        for key in SCHEMA_KEYS {
            if let Some(v) = field.get(*key) {
                schema.insert((*key).to_owned(), v.clone());
            }
        }
        if let Some(d) = field.get("description") {
            schema.insert("description".into(), d.clone());
        }
        if schema.get("type").and_then(Value::as_str) == Some("file") {
            has_file = true;
        }
        let mut schema = Value::Object(schema);
        upgrade_schema(&mut schema, 0, old, up);
        if field.get("required") == Some(&Value::Bool(true)) {
            required.push(Value::String(name.clone()));
        }
        field_ptrs.push((name.clone(), old.clone()));
        properties.insert(name, schema);
    }
    let first_old = first_old?;
    let multipart = has_file
        || consumes.is_some_and(|c| c.iter().any(|t| t.starts_with("multipart/form-data")));
    let media = if multipart {
        "multipart/form-data"
    } else {
        "application/x-www-form-urlencoded"
    };
    let mut schema = json!({ "type": "object", "properties": properties });
    if !required.is_empty() {
        schema["required"] = Value::Array(required.clone());
    }
    up.aliases.push((new.clone(), first_old));
    for (name, old) in field_ptrs {
        let mut p = format!("{new}/content");
        push_token(&mut p, media);
        p.push_str("/schema/properties");
        push_token(&mut p, &name);
        up.aliases.push((p, old));
    }
    let mut body = Map::new();
    body.insert("content".into(), json!({ media: { "schema": schema } }));
    if !required.is_empty() {
        body.insert("required".into(), Value::Bool(true));
    }
    Some(Value::Object(body))
}

fn upgrade_response(r: &mut Value, produces: Option<&[String]>, old: &str, up: &mut Upgraded) {
    let Value::Object(map) = r else { return };
    if map.contains_key("$ref") {
        return;
    }
    if !map.contains_key("description") {
        map.insert("description".into(), Value::String(String::new()));
    }
    let examples = map.remove("examples");
    if let Some(mut schema) = map.remove("schema") {
        upgrade_schema(&mut schema, 0, &format!("{old}/schema"), up);
        let types: Vec<String> = produces
            .filter(|p| !p.is_empty())
            .map(<[String]>::to_vec)
            .unwrap_or_else(|| vec!["application/json".into()]);
        let content: Map<String, Value> = types
            .into_iter()
            .map(|t| {
                let mut media = json!({ "schema": schema.clone() });
                if let Some(ex) = examples.as_ref().and_then(|e| e.get(&t)) {
                    media["example"] = ex.clone();
                }
                (t, media)
            })
            .collect();
        map.insert("content".into(), Value::Object(content));
    }
    if let Some(Value::Object(headers)) = map.get_mut("headers") {
        for (name, h) in headers.iter_mut() {
            let Value::Object(hmap) = h else { continue };
            if hmap.contains_key("$ref") || hmap.contains_key("schema") {
                continue;
            }
            let mut schema = Map::new();
            for key in SCHEMA_KEYS {
                if let Some(v) = hmap.remove(*key) {
                    schema.insert((*key).to_owned(), v);
                }
            }
            hmap.remove("collectionFormat");
            let mut schema = Value::Object(schema);
            upgrade_schema(&mut schema, 0, &format!("{old}/headers/{name}"), up);
            hmap.insert("schema".into(), schema);
        }
    }
}

fn upgrade_security_scheme(s: &mut Value, old: &str, up: &mut Upgraded) {
    let Value::Object(map) = s else { return };
    match map.get("type").and_then(Value::as_str) {
        Some("basic") => {
            map.insert("type".into(), Value::String("http".into()));
            map.insert("scheme".into(), Value::String("basic".into()));
        }
        Some("oauth2") => {
            let flow = map
                .remove("flow")
                .and_then(|f| f.as_str().map(str::to_owned))
                .unwrap_or_default();
            let name = match flow.as_str() {
                "implicit" => "implicit",
                "password" => "password",
                "application" => "clientCredentials",
                "accessCode" => "authorizationCode",
                other => {
                    up.notes.push((
                        format!("{old}/flow"),
                        format!("OAuth 2 flow `{other}` is not a Swagger 2.0 flow"),
                    ));
                    "implicit"
                }
            };
            let mut f = Map::new();
            for key in ["authorizationUrl", "tokenUrl"] {
                if let Some(v) = map.remove(key) {
                    f.insert(key.into(), v);
                }
            }
            f.insert(
                "scopes".into(),
                map.remove("scopes").unwrap_or_else(|| json!({})),
            );
            map.insert("flows".into(), json!({ name: f }));
        }
        _ => {}
    }
}

/// A 2.0 schema in place: `x-nullable`, `type: file`, a string `discriminator`. Nested schemas
/// are walked down to [`MAX_DEPTH`] levels.
fn upgrade_schema(s: &mut Value, depth: usize, at: &str, up: &mut Upgraded) {
    if depth > MAX_DEPTH {
        up.notes.push((
            at.to_owned(),
            format!("schema nesting deeper than {MAX_DEPTH} levels is not upgraded further"),
        ));
        return;
    }
    let Value::Object(map) = s else { return };
    if let Some(n) = map.remove("x-nullable") {
        map.insert("nullable".into(), n);
    }
    if map.get("type").and_then(Value::as_str) == Some("file") {
        map.insert("type".into(), Value::String("string".into()));
        map.insert("format".into(), Value::String("binary".into()));
    }
    if let Some(Value::String(prop)) = map.get("discriminator") {
        let prop = prop.clone();
        map.insert("discriminator".into(), json!({ "propertyName": prop }));
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(child) = map.get_mut(key) {
            upgrade_schema(child, depth + 1, &format!("{at}/{key}"), up);
        }
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(Value::Array(list)) = map.get_mut(key) {
            for (i, child) in list.iter_mut().enumerate() {
                upgrade_schema(child, depth + 1, &format!("{at}/{key}/{i}"), up);
            }
        }
    }
    if let Some(Value::Object(props)) = map.get_mut("properties") {
        for (name, child) in props.iter_mut() {
            let mut p = format!("{at}/properties");
            push_token(&mut p, name);
            upgrade_schema(child, depth + 1, &p, up);
        }
    }
}

/// Rewrites a `$ref` fragment that points into a 2.0 document's moved sections.
pub fn rewrite_fragment(fragment: &str) -> Option<String> {
    for (old, new) in [
        ("/definitions/", "/components/schemas/"),
        ("/parameters/", "/components/parameters/"),
        ("/responses/", "/components/responses/"),
        ("/securityDefinitions/", "/components/securitySchemes/"),
    ] {
        if let Some(rest) = fragment.strip_prefix(old) {
            return Some(format!("{new}{rest}"));
        }
    }
    None
}
