use serde_json::json;

use super::*;

fn schema(doc: Value) -> Schema {
    Schema::new(doc)
}

#[test]
fn a_violation_names_the_pointer_and_the_keyword() {
    let s = schema(json!({
        "type": "object",
        "required": ["id"],
        "properties": {
            "taskCount": {"type": "integer"},
            "tags": {"type": "array", "items": {"type": "string", "maxLength": 3}}
        }
    }));
    let err = s
        .check("", &json!({"taskCount": "7", "tags": ["ok", "long/one"]}))
        .unwrap_err();
    let got: Vec<(&str, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.pointer.as_str(), v.keyword))
        .collect();
    assert_eq!(
        got,
        [
            ("/taskCount", "type"),
            ("/tags/1", "maxLength"),
            ("", "required")
        ]
    );
    assert!(
        err.to_string()
            .starts_with("/taskCount: expected integer, found string (`type`)"),
        "{err}"
    );
    assert!(s.check("", &json!({"id": "x", "taskCount": 7.0})).is_ok());
}

#[test]
fn unevaluated_properties_see_what_applicators_evaluated() {
    let s = schema(json!({
        "allOf": [{"properties": {"a": true}}],
        "anyOf": [{"properties": {"b": true}, "required": ["b"]}, true],
        "unevaluatedProperties": false
    }));
    assert!(s.is_valid("", &json!({"a": 1, "b": 2})));
    let err = s.check("", &json!({"a": 1, "c": 3})).unwrap_err();
    assert_eq!(err.violations()[0].pointer, "/c");
    assert_eq!(err.violations()[0].keyword, "unevaluatedProperties");
}

#[test]
fn references_resolve_and_a_loop_ends_as_invalid() {
    let s = schema(json!({
        "$defs": {"pos": {"type": "integer", "minimum": 0}, "a~b/c%": {"const": 1}},
        "properties": {
            "n": {"$ref": "#/$defs/pos"},
            "m": {"$ref": "#/$defs/a~0b~1c%25"},
            "loop": {"$ref": "#/properties/loop"}
        }
    }));
    assert!(s.is_valid("", &json!({"n": 3, "m": 1})));
    assert!(!s.is_valid("", &json!({"n": -1})));
    assert!(!s.is_valid("", &json!({"m": 2})));
    let err = s.check("", &json!({"loop": 1})).unwrap_err();
    assert_eq!(err.violations()[0].keyword, "$ref");
    assert!(err.to_string().contains("levels deep"), "{err}");
}

#[test]
fn arrays_objects_and_combinators() {
    let s = schema(json!({
        "prefixItems": [{"type": "integer"}],
        "items": {"type": "string"},
        "contains": {"const": "x"},
        "maxContains": 1,
        "uniqueItems": true
    }));
    assert!(s.is_valid("", &json!([1, "x", "y"])));
    assert!(!s.is_valid("", &json!([1, "x", "x"])));
    assert!(!s.is_valid("", &json!([1, "y"])));
    assert!(!s.is_valid("", &json!(["1", "x"])));
    let s = schema(json!({
        "oneOf": [{"type": "integer"}, {"minimum": 2}],
        "not": {"const": 7},
        "if": {"minimum": 10}, "then": {"multipleOf": 5}, "else": {"maximum": 5}
    }));
    assert!(s.is_valid("", &json!(1)));
    assert!(!s.is_valid("", &json!(3)), "both oneOf branches match");
    assert!(s.is_valid("", &json!(2.5)));
    assert!(!s.is_valid("", &json!(7.5)), "else: maximum 5");
    let s = schema(json!({
        "patternProperties": {"^x-": {"type": "string"}},
        "additionalProperties": false,
        "propertyNames": {"maxLength": 4},
        "dependentRequired": {"a": ["b"]}
    }));
    assert!(s.is_valid("", &json!({"x-a": "s"})));
    assert!(!s.is_valid("", &json!({"x-a": 1})));
    assert!(!s.is_valid("", &json!({"y": 1})));
    assert!(!s.is_valid("", &json!({"x-abc": "s"})));
    assert!(!s.is_valid("", &json!({"a": 1})));
}

#[test]
fn a_pattern_that_does_not_compile_is_not_checked() {
    let s = schema(json!({"pattern": "(?<=a)b"}));
    assert!(s.is_valid("", &json!("cb")));
}

#[derive(Debug, serde::Deserialize)]
struct Inner {
    #[allow(dead_code)]
    n: i64,
}

static OUTER: Embedded = Embedded::new(
    r#"{"properties": {"inner": {"properties": {"n": {"type": "integer", "maximum": 9}}}}}"#,
);

#[derive(Debug)]
struct Outer {
    inner: Inner,
}

impl<'de> Deserialize<'de> for Outer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Shape {
            inner: Inner,
        }
        decode(
            d,
            &OUTER,
            "",
            |d| Shape::deserialize(d).map(|s| Outer { inner: s.inner }),
            |v| serde_json::from_value::<Shape>(v).map(|s| Outer { inner: s.inner }),
        )
    }
}

#[test]
fn decode_checks_then_builds_and_says_where() {
    let ok: Outer = serde_json::from_str(r#"{"inner": {"n": 3}}"#).unwrap();
    assert_eq!(ok.inner.n, 3);
    let err = serde_json::from_str::<Outer>(r#"{"inner": {"n": 30}}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/inner/n: must be at most 9 (`maximum`)"),
        "{err}"
    );
    assert!(!CHECKED.with(Cell::get), "the scope is left");
}

/// A `$dynamicRef` that carries its anchor's name resolves to the outermost resource in the
/// dynamic scope with that anchor: a generic list whose items an extending schema types.
#[test]
fn a_dynamic_reference_resolves_in_the_dynamic_scope() {
    let s = schema(json!({
        "$paragonDynamicScope": {"item": "#/$defs/strings"},
        "$ref": "#/$defs/list",
        "$defs": {
            "strings": {"$dynamicAnchor": "item", "type": "string"},
            "list": {
                "$paragonDynamicScope": {"item": "#/$defs/list/$defs/any"},
                "type": "array",
                "items": {"$dynamicRef": "#/$defs/list/$defs/any", "$paragonDynamicAnchor": "item"},
                "$defs": {"any": {"$dynamicAnchor": "item"}}
            }
        }
    }));
    assert!(s.is_valid("", &json!(["a", "b"])));
    assert!(
        !s.is_valid("", &json!(["a", 1])),
        "the outer anchor types the items"
    );
    // Entered at the list alone, the list's own anchor is the outermost.
    assert!(s.is_valid("/$defs/list", &json!(["a", 1])));
}
