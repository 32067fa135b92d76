//! Structure-aware: whole OpenAPI documents built from the fuzzer's bytes (schemas that refer to
//! each other and to themselves, `allOf`/`oneOf`/`anyOf`, discriminators, enums, maps, every
//! parameter location and style, bodies and responses of every kind), so that most inputs are
//! valid documents and reach the type planner and the emitter. Byte mutation of YAML rarely
//! gets that far. Whatever plans without errors must emit Rust that parses.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value, json};

const NAMES: &[&str] = &[
    "id", "name", "type", "self", "Self", "1st", "a-b", "x y", "Ünï", "", "_", "r#fn", "status",
    "value", "items", "$ref", "default", "crate", "super", "Option",
];

fn name(i: u8) -> &'static str {
    NAMES[usize::from(i) % NAMES.len()]
}

#[derive(Debug, Arbitrary)]
enum Shape {
    Ref(u8),
    Object(Vec<(u8, Shape)>, Vec<u8>, Option<bool>),
    Array(Box<Shape>),
    AllOf(Vec<Shape>),
    OneOf(Vec<Shape>, bool),
    AnyOf(Vec<Shape>),
    Enum(Vec<u8>, bool),
    Scalar(u8, bool),
    Map(Box<Shape>),
    Const(u8),
    Empty,
}

#[derive(Debug, Arbitrary)]
struct Param {
    name: u8,
    location: u8,
    style: u8,
    explode: Option<bool>,
    required: bool,
    schema: Shape,
}

#[derive(Debug, Arbitrary)]
struct Op {
    path: u8,
    method: u8,
    params: Vec<Param>,
    body: Option<(u8, Shape)>,
    responses: Vec<(u8, u8, Shape)>,
}

#[derive(Debug, Arbitrary)]
struct Doc {
    v31: bool,
    schemas: Vec<Shape>,
    ops: Vec<Op>,
}

struct Ctx {
    schemas: usize,
    v31: bool,
}

impl Ctx {
    fn schema(&self, s: &Shape, depth: u32) -> Value {
        if depth > 24 {
            return json!({"type": "string"});
        }
        let d = depth + 1;
        match s {
            Shape::Ref(i) => {
                let n = self.schemas.max(1);
                json!({"$ref": format!("#/components/schemas/S{}", usize::from(*i) % n)})
            }
            Shape::Object(props, required, additional) => {
                let mut p = Map::new();
                for (k, v) in props.iter().take(8) {
                    p.insert(name(*k).to_owned(), self.schema(v, d));
                }
                let mut o = json!({"type": "object", "properties": p});
                if !required.is_empty() {
                    o["required"] = required
                        .iter()
                        .take(4)
                        .map(|r| Value::from(name(*r)))
                        .collect();
                }
                if let Some(a) = additional {
                    o["additionalProperties"] = Value::Bool(*a);
                }
                o
            }
            Shape::Array(items) => json!({"type": "array", "items": self.schema(items, d)}),
            Shape::AllOf(xs) => {
                json!({"allOf": xs.iter().take(4).map(|x| self.schema(x, d)).collect::<Vec<_>>()})
            }
            Shape::OneOf(xs, disc) => {
                let mut o = json!({"oneOf": xs.iter().take(4).map(|x| self.schema(x, d)).collect::<Vec<_>>()});
                if *disc {
                    o["discriminator"] = json!({"propertyName": "type"});
                }
                o
            }
            Shape::AnyOf(xs) => {
                json!({"anyOf": xs.iter().take(4).map(|x| self.schema(x, d)).collect::<Vec<_>>()})
            }
            Shape::Enum(vs, strings) => {
                let vs: Vec<Value> = vs
                    .iter()
                    .take(6)
                    .map(|v| {
                        if *strings {
                            Value::from(name(*v))
                        } else {
                            Value::from(*v)
                        }
                    })
                    .collect();
                json!({"type": if *strings { "string" } else { "integer" }, "enum": vs})
            }
            Shape::Scalar(kind, nullable) => {
                let (t, f) = match kind % 9 {
                    0 => ("string", None),
                    1 => ("integer", Some("int64")),
                    2 => ("integer", Some("int32")),
                    3 => ("number", None),
                    4 => ("boolean", None),
                    5 => ("string", Some("date-time")),
                    6 => ("string", Some("binary")),
                    7 => ("string", Some("date")),
                    _ => ("string", Some("byte")),
                };
                let mut o = if *nullable && self.v31 {
                    json!({"type": [t, "null"]})
                } else {
                    json!({"type": t})
                };
                if *nullable && !self.v31 {
                    o["nullable"] = Value::Bool(true);
                }
                if let Some(f) = f {
                    o["format"] = Value::from(f);
                }
                o
            }
            Shape::Map(v) => json!({"type": "object", "additionalProperties": self.schema(v, d)}),
            Shape::Const(c) => json!({"const": name(*c)}),
            Shape::Empty => json!({}),
        }
    }
}

fn document(doc: &Doc) -> Value {
    let ctx = Ctx {
        schemas: doc.schemas.len().min(12),
        v31: doc.v31,
    };
    let mut schemas = Map::new();
    for (i, s) in doc.schemas.iter().take(12).enumerate() {
        schemas.insert(format!("S{i}"), ctx.schema(s, 0));
    }
    let mut paths = Map::new();
    for (i, op) in doc.ops.iter().take(8).enumerate() {
        let path = match op.path % 4 {
            0 => "/a".to_owned(),
            1 => "/a/{id}".to_owned(),
            2 => format!("/p{i}/{{name}}/x"),
            _ => format!("/p{i}"),
        };
        let method = ["get", "post", "put", "patch", "delete"][usize::from(op.method) % 5];
        let mut params = Vec::new();
        for p in op.params.iter().take(6) {
            let location = ["query", "header", "path", "cookie"][usize::from(p.location) % 4];
            let style = [
                "form",
                "simple",
                "label",
                "matrix",
                "spaceDelimited",
                "pipeDelimited",
                "deepObject",
            ][usize::from(p.style) % 7];
            let mut v = json!({"name": name(p.name), "in": location, "style": style, "required": p.required || location == "path", "schema": ctx.schema(&p.schema, 0)});
            if let Some(e) = p.explode {
                v["explode"] = Value::Bool(e);
            }
            params.push(v);
        }
        let mut o = json!({"operationId": format!("op{i}"), "parameters": params});
        if let Some((media, body)) = &op.body {
            let media = [
                "application/json",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "application/octet-stream",
                "text/plain",
            ][usize::from(*media) % 5];
            o["requestBody"] = json!({"content": {media: {"schema": ctx.schema(body, 0)}}});
        }
        let mut responses = Map::new();
        for (status, media, body) in op.responses.iter().take(4) {
            let status =
                ["200", "201", "204", "2XX", "400", "404", "default"][usize::from(*status) % 7];
            let media = [
                "application/json",
                "text/plain",
                "application/octet-stream",
                "application/problem+json",
            ][usize::from(*media) % 4];
            responses.insert(
                status.to_owned(),
                json!({"description": "r", "content": {media: {"schema": ctx.schema(body, 0)}}}),
            );
        }
        if responses.is_empty() {
            responses.insert("204".to_owned(), json!({"description": "none"}));
        }
        o["responses"] = Value::Object(responses);
        let entry = paths.entry(path).or_insert_with(|| json!({}));
        entry[method] = o;
    }
    json!({
        "openapi": if doc.v31 { "3.1.0" } else { "3.0.3" },
        "info": {"title": "fuzz", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas},
    })
}

fuzz_target!(|doc: Doc| {
    let text = serde_json::to_vec(&document(&doc)).unwrap_or_default();
    let Some(path) = paragon_fuzz::write("structured.json", &text) else {
        return;
    };
    let (api, diags) = paragon_codegen::stages::plan_openapi(&path, &paragon_fuzz::options());
    paragon_fuzz::render(&diags);
    if let Some(api) = api.filter(|_| !diags.has_errors()) {
        if let Err(e) = paragon_codegen::stages::module_source(&api) {
            panic!("planned without errors, but the emitted Rust does not parse: {e}");
        }
    }
});
