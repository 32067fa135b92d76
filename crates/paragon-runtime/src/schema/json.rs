//! JSON values as JSON Schema compares them: `1` and `1.0` are the same number.

use std::cmp::Ordering;
use std::fmt::Write as _;

use serde_json::{Number, Value};

/// A number as an exact integer, when it is one that fits.
fn exact(n: &Number) -> Option<i128> {
    n.as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from))
}

/// Orders two numbers: exactly when both are integers, else as `f64`.
pub(super) fn cmp_num(a: &Number, b: &Number) -> Option<Ordering> {
    match (exact(a), exact(b)) {
        (Some(x), Some(y)) => Some(x.cmp(&y)),
        _ => a.as_f64()?.partial_cmp(&b.as_f64()?),
    }
}

/// Whether a number is an integer (`1.0` is).
pub(super) fn is_integer(n: &Number) -> bool {
    exact(n).is_some()
        || n.as_f64()
            .is_some_and(|f| f.is_finite() && f.fract() == 0.0)
}

/// Whether `x` is a multiple of `m` (`m` > 0): exactly for integers; for others, whether the
/// quotient is an integer up to the rounding of one division.
pub(super) fn is_multiple(x: &Number, m: &Number) -> bool {
    if let (Some(a), Some(b)) = (exact(x), exact(m))
        && b != 0
    {
        return a % b == 0;
    }
    let (Some(a), Some(b)) = (x.as_f64(), m.as_f64()) else {
        return false;
    };
    let q = a / b;
    if !q.is_finite() {
        return false;
    }
    (q - q.round()).abs() <= q.abs().max(1.0) * f64::EPSILON * 4.0
}

/// JSON Schema equality: numbers by value, objects without regard to member order.
pub(super) fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => cmp_num(x, y) == Some(Ordering::Equal),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| equal(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| equal(v, w)))
        }
        _ => a == b,
    }
}

/// A text that two values share exactly when they are [`equal`]: members sorted, integers
/// (however written) as integers. `uniqueItems` compares these, in O(n log n).
pub(super) fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Number(n) => match exact(n) {
            Some(i) => {
                let _ = write!(out, "{i}");
            }
            None => match n.as_f64() {
                Some(f) if f.fract() == 0.0 && f.abs() < 1e30 => {
                    let _ = write!(out, "{}", f as i128);
                }
                Some(f) => {
                    let _ = write!(out, "{f:e}");
                }
                None => out.push_str(&n.to_string()),
            },
        },
        Value::Array(items) => {
            out.push('[');
            for i in items {
                canonical(i, out);
                out.push(',');
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for k in keys {
                let _ = write!(out, "{k:?}:");
                canonical(&map[k], out);
                out.push(',');
            }
            out.push('}');
        }
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

/// Writes every number with a zero fraction (`1.0`) as the integer it is, so a type made for
/// `type: integer` reads it as JSON Schema does; `f64` fields read integers as well.
pub(super) fn integral_floats(value: &mut Value) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Number(n) if exact(n).is_none() => {
                if let Some(f) = n.as_f64()
                    && f.fract() == 0.0
                    && f.abs() < 9.2e18
                {
                    *v = Value::Number(Number::from(f as i64));
                }
            }
            Value::Array(items) => stack.extend(items.iter_mut()),
            Value::Object(map) => stack.extend(map.values_mut()),
            _ => {}
        }
    }
}

/// The JSON type name of a value, as error messages say it.
pub(super) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if is_integer(n) => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Decodes `%XX` escapes (a `$ref`'s fragment); anything else is kept as written.
pub(super) fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Appends one escaped JSON Pointer token.
pub(super) fn push_token(out: &mut String, token: &str) {
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_compare_by_value() {
        assert!(equal(&json!(1), &json!(1.0)));
        assert!(equal(&json!({"a": [1, 2.0]}), &json!({"a": [1.0, 2]})));
        assert!(!equal(&json!(1), &json!(true)));
        assert!(is_integer(&Number::from_f64(3.0).unwrap()));
        assert!(!is_integer(&Number::from_f64(3.5).unwrap()));
        let mut a = String::new();
        let mut b = String::new();
        canonical(&json!({"b": 1.0, "a": [2]}), &mut a);
        canonical(&json!({"a": [2.0], "b": 1}), &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn multiples_survive_decimal_rounding() {
        let n = |f: f64| Number::from_f64(f).unwrap();
        assert!(is_multiple(&n(0.0075), &n(0.0001)));
        assert!(!is_multiple(&n(0.00751), &n(0.0001)));
        assert!(is_multiple(&Number::from(10), &Number::from(5)));
        assert!(!is_multiple(&Number::from(7), &Number::from(2)));
        assert!(!is_multiple(&n(1e308), &n(0.123456789)));
    }

    #[test]
    fn fragments_decode_and_tokens_escape() {
        assert_eq!(percent_decode("/a%25b/c%22d/%zz"), "/a%b/c\"d/%zz");
        let mut p = String::new();
        push_token(&mut p, "a/b~c");
        assert_eq!(p, "/a~1b~0c");
    }
}
