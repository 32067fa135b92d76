//! OpenAPI 3.0 schemas rewritten into the 3.1 (JSON Schema 2020-12) shape, so the rest of the
//! pipeline reads one dialect:
//!
//! - `nullable: true` → `"null"` added to `type` (and to `enum`); where there is no `type`
//!   (a `$ref` or a composition), `nullable` stays and the planner reads it as "or null".
//! - boolean `exclusiveMinimum`/`exclusiveMaximum` → the numeric 3.1 form taken from
//!   `minimum`/`maximum`.
//! - a schema's `example` → `examples: [example]`.
//!
//! `nullable` is also honoured in 3.1 documents (the Paragon Task History spec uses it), with a
//! warning since 3.1 dropped the keyword.

use serde_json::{Map, Value};

use super::yaml::push_token;

/// What the pass did, for diagnostics.
#[derive(Debug, Default)]
pub struct Upgraded {
    /// Pointers of `nullable` keywords met in a 3.1 document.
    pub nullable_in_31: Vec<String>,
}

/// Upgrades every schema-looking object under `value`. `is_30` selects the full 3.0 conversion;
/// otherwise only `nullable` is rewritten.
pub fn upgrade(value: &mut Value, is_30: bool) -> Upgraded {
    let mut out = Upgraded::default();
    walk(value, &mut String::new(), is_30, &mut out);
    out
}

fn walk(value: &mut Value, ptr: &mut String, is_30: bool, out: &mut Upgraded) {
    match value {
        Value::Object(map) => {
            if looks_like_schema(map) {
                upgrade_schema(map, ptr, is_30, out);
            }
            for (k, v) in map.iter_mut() {
                let len = ptr.len();
                push_token(ptr, k);
                walk(v, ptr, is_30, out);
                ptr.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                let len = ptr.len();
                push_token(ptr, &i.to_string());
                walk(v, ptr, is_30, out);
                ptr.truncate(len);
            }
        }
        _ => {}
    }
}

/// A schema object, as opposed to a parameter (`in`), a media type (`schema`), or a property map
/// that merely has a property called `nullable`.
fn looks_like_schema(map: &Map<String, Value>) -> bool {
    let schema_key = [
        "type",
        "properties",
        "items",
        "allOf",
        "anyOf",
        "oneOf",
        "$ref",
        "format",
        "enum",
    ]
    .iter()
    .any(|k| map.contains_key(*k));
    let keyword_flag = matches!(map.get("nullable"), Some(Value::Bool(_)))
        || matches!(map.get("exclusiveMinimum"), Some(Value::Bool(_)))
        || matches!(map.get("exclusiveMaximum"), Some(Value::Bool(_)));
    (schema_key || keyword_flag) && !map.contains_key("in") && !map.contains_key("schema")
}

fn upgrade_schema(map: &mut Map<String, Value>, ptr: &str, is_30: bool, out: &mut Upgraded) {
    if let Some(Value::Bool(nullable)) = map.get("nullable").cloned() {
        if !is_30 {
            let mut p = ptr.to_owned();
            push_token(&mut p, "nullable");
            out.nullable_in_31.push(p);
        }
        if nullable {
            let mut rewritten = false;
            match map.get_mut("type") {
                Some(Value::String(t)) => {
                    let t = std::mem::take(t);
                    map.insert("type".into(), Value::Array(vec![t.into(), "null".into()]));
                    rewritten = true;
                }
                Some(Value::Array(types)) => {
                    if !types.iter().any(|t| t == "null") {
                        types.push("null".into());
                    }
                    rewritten = true;
                }
                _ => {}
            }
            if let Some(Value::Array(values)) = map.get_mut("enum")
                && !values.iter().any(Value::is_null)
            {
                values.push(Value::Null);
            }
            if rewritten {
                map.remove("nullable");
            }
        } else {
            map.remove("nullable");
        }
    }
    if !is_30 {
        return;
    }
    for (flag, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if let Some(Value::Bool(b)) = map.get(flag).cloned() {
            map.remove(flag);
            if b && let Some(n) = map.remove(bound) {
                map.insert(flag.into(), n);
            }
        }
    }
    if let Some(example) = map.remove("example") {
        map.entry("examples")
            .or_insert_with(|| Value::Array(vec![example]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn openapi_30_schemas_become_31() {
        let mut v = json!({
            "components": {"schemas": {
                "A": {"type": "string", "nullable": true, "example": "x"},
                "B": {"type": "integer", "minimum": 1, "exclusiveMinimum": true, "maximum": 9, "exclusiveMaximum": false},
                "C": {"allOf": [{"$ref": "#/components/schemas/A"}], "nullable": true},
                "D": {"type": "string", "enum": ["a"], "nullable": true},
                "E": {"type": "object", "properties": {"nullable": {"type": "boolean"}}}
            }},
            "paths": {"/x": {"get": {"parameters": [{"in": "query", "name": "q", "example": 1, "schema": {"type": "string"}}]}}}
        });
        let out = upgrade(&mut v, true);
        assert!(out.nullable_in_31.is_empty());
        let s = &v["components"]["schemas"];
        assert_eq!(
            s["A"],
            json!({"type": ["string", "null"], "examples": ["x"]})
        );
        assert_eq!(
            s["B"],
            json!({"type": "integer", "exclusiveMinimum": 1, "maximum": 9})
        );
        assert_eq!(s["C"]["nullable"], json!(true));
        assert_eq!(s["D"]["enum"], json!(["a", null]));
        assert_eq!(s["E"]["properties"]["nullable"], json!({"type": "boolean"}));
        assert_eq!(
            v["paths"]["/x"]["get"]["parameters"][0]["example"],
            json!(1)
        );
    }

    #[test]
    fn nullable_in_31_is_honoured_and_reported() {
        let mut v = json!({"nextLink": {"type": "string", "nullable": true}});
        let out = upgrade(&mut v, false);
        assert_eq!(v["nextLink"]["type"], json!(["string", "null"]));
        assert_eq!(out.nullable_in_31, vec!["/nextLink/nullable".to_string()]);
    }
}
