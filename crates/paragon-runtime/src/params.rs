//! Conversion of parameter values to their wire strings.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use serde_json::Value;

/// Everything except RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`).
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Characters not allowed in a cookie value (RFC 6265 `cookie-octet`), plus
/// `%` so that encoding is unambiguous.
const COOKIE_VALUE: &AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b',')
    .add(b';')
    .add(b'\\')
    .add(b'%');

/// Percent-encodes one path parameter value: everything except RFC 3986
/// unreserved characters is escaped, so `"a/../b?x"` becomes
/// `"a%2F..%2Fb%3Fx"`.
///
/// Accepts anything [`Serialize`]: strings (and string enums) use their wire
/// string, numbers and booleans their decimal/`true`/`false` form. Arrays use
/// OpenAPI `simple` style (`1,2,3`, each element escaped), objects
/// `key,value,...`. `null` and values that fail to serialize give an empty
/// string.
///
/// ```
/// assert_eq!(paragon_runtime::path_param("a/../b?x"), "a%2F..%2Fb%3Fx");
/// assert_eq!(paragon_runtime::path_param(&42), "42");
/// assert_eq!(paragon_runtime::path_param(&["a b", "c"]), "a%20b,c");
/// ```
pub fn path_param<T: Serialize + ?Sized>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(v) => simple_style(&v, &|s| utf8_percent_encode(s, PATH_SEGMENT).to_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// The string form of a scalar; `None` for null, arrays and objects.
pub(crate) fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

/// OpenAPI `simple` style (explode=false): scalars as-is, arrays comma
/// joined, objects `k,v,k,v`. Each piece goes through `encode`. `None` for
/// null.
pub(crate) fn simple_style(value: &Value, encode: &dyn Fn(&str) -> String) -> Option<String> {
    let piece = |v: &Value| match scalar(v) {
        Some(s) => Some(encode(&s)),
        None if v.is_null() => None,
        // Nested structures have no standard form; use compact JSON.
        None => Some(encode(&v.to_string())),
    };
    match value {
        Value::Null => None,
        Value::Array(items) => Some(items.iter().filter_map(piece).collect::<Vec<_>>().join(",")),
        Value::Object(map) => Some(
            map.iter()
                .filter_map(|(k, v)| piece(v).map(|v| format!("{},{v}", encode(k))))
                .collect::<Vec<_>>()
                .join(","),
        ),
        scalar_value => piece(scalar_value),
    }
}

/// OpenAPI `form` style with explode=true: arrays repeat the key, objects
/// become `name[key]=value` (deepObject-like), nulls are skipped.
pub(crate) fn form_pairs(name: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Null => {}
        Value::Array(items) => {
            for item in items {
                form_pairs(name, item, out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                form_pairs(&format!("{name}[{key}]"), item, out);
            }
        }
        other => {
            if let Some(s) = scalar(other) {
                out.push((name.to_owned(), s));
            }
        }
    }
}

/// A whole body serialized as `application/x-www-form-urlencoded` pairs:
/// the top-level value must be an object (or null, giving no pairs).
pub(crate) fn form_body_pairs(value: &Value) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    match value {
        Value::Null => {}
        Value::Object(map) => {
            for (key, item) in map {
                form_pairs(key, item, &mut out);
            }
        }
        _ => return Err("a form body must serialize to an object".to_owned()),
    }
    Ok(out)
}

/// Escapes characters that may not appear in a cookie value.
pub(crate) fn cookie_value(s: &str) -> String {
    utf8_percent_encode(s, COOKIE_VALUE).to_string()
}

/// Whether `segment` is `.` or `..`, also in percent-encoded spellings that
/// URL parsers treat the same way.
pub(crate) fn is_dot_segment(segment: &str) -> bool {
    [".", "..", "%2e", "%2e%2e", ".%2e", "%2e."]
        .iter()
        .any(|dot| segment.eq_ignore_ascii_case(dot))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn path_param_escapes_reserved() {
        assert_eq!(path_param("a/../b?x"), "a%2F..%2Fb%3Fx");
        assert_eq!(path_param("ü #%"), "%C3%BC%20%23%25");
        assert_eq!(path_param("A-z_0.9~"), "A-z_0.9~");
        assert_eq!(path_param(&true), "true");
        assert_eq!(path_param(&1.5), "1.5");
        assert_eq!(path_param(&None::<u8>), "");
        assert_eq!(path_param(&["a,b", "c"]), "a%2Cb,c");
    }

    #[test]
    fn form_pairs_explode() {
        let mut out = Vec::new();
        form_pairs(
            "f",
            &json!({"a": [1, null, "x"], "b": {"c": true}}),
            &mut out,
        );
        let expected = [("f[a]", "1"), ("f[a]", "x"), ("f[b][c]", "true")];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(out, expected);
        assert!(form_body_pairs(&json!([1])).is_err());
    }

    #[test]
    fn simple_style_objects_and_arrays() {
        let id = |s: &str| s.to_owned();
        assert_eq!(
            simple_style(&json!({"a": 1, "b": "x"}), &id).as_deref(),
            Some("a,1,b,x")
        );
        assert_eq!(
            simple_style(&json!([1, null, 2]), &id).as_deref(),
            Some("1,2")
        );
        assert_eq!(simple_style(&json!(null), &id), None);
    }

    #[test]
    fn dot_segments() {
        for s in [".", "..", "%2E", "%2e%2E", ".%2e", "%2E."] {
            assert!(is_dot_segment(s), "{s}");
        }
        for s in ["...", "a..", "%2e%2e%2e", ""] {
            assert!(!is_dot_segment(s), "{s}");
        }
    }

    #[test]
    fn cookie_values_are_escaped() {
        assert_eq!(cookie_value("a b;c=d"), "a%20b%3Bc=d");
    }
}
