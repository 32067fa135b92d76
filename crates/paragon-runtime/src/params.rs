//! Parameter values to their wire text, by the OpenAPI serialization rules (`style`, `explode`,
//! `allowReserved`), which follow RFC 6570's expansions.
//!
//! One value is first read as a [`Shape`] (nothing, a scalar, a list, or key/value pairs); each
//! style then only decides prefixes and separators. Pieces are percent-encoded (everything but
//! RFC 3986 unreserved characters, so `a b` is `a%20b`); with `allowReserved`, the reserved
//! characters that do not end a query component (`:/?@!$'()*,;[]`) are kept, while `&`, `=`,
//! `#` and `+` are still encoded. Nested arrays or objects inside a list or an object have no
//! standard form and are written as compact JSON.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use serde_json::Value;

/// Everything except RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`).
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// [`UNRESERVED`] minus the reserved characters `allowReserved` keeps.
const RESERVED_KEPT: &AsciiSet = &UNRESERVED
    .remove(b':')
    .remove(b'/')
    .remove(b'?')
    .remove(b'@')
    .remove(b'!')
    .remove(b'$')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b',')
    .remove(b';')
    .remove(b'[')
    .remove(b']');

/// Characters not allowed in a cookie value (RFC 6265 `cookie-octet`), plus `%` so that
/// encoding is unambiguous.
const COOKIE_VALUE: &AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b',')
    .add(b';')
    .add(b'\\')
    .add(b'%');

/// An OpenAPI `style`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `blue,black` (path and header default).
    Simple,
    /// `.blue.black`
    Label,
    /// `;color=blue,black`
    Matrix,
    /// `color=blue&color=black` (query and cookie default).
    Form,
    /// `color=blue%20black`
    SpaceDelimited,
    /// `color=blue%7Cblack`
    PipeDelimited,
    /// `color[R]=100&color[G]=200`
    DeepObject,
}

/// How one parameter is serialized: its `style`, `explode` and `allowReserved`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamStyle {
    /// The style.
    pub style: Style,
    /// `explode`.
    pub explode: bool,
    /// `allowReserved` for a query parameter; for a path parameter, RFC 6570's reserved
    /// expansion (`{+name}`): `/` and the other characters a path allows are kept.
    pub allow_reserved: bool,
}

impl ParamStyle {
    /// A style with `explode` as given and reserved characters encoded.
    pub const fn new(style: Style, explode: bool) -> Self {
        Self {
            style,
            explode,
            allow_reserved: false,
        }
    }

    /// The same, keeping reserved characters (`allowReserved: true`).
    pub const fn reserved(mut self) -> Self {
        self.allow_reserved = true;
        self
    }

    /// The default of a path parameter: `simple`, not exploded.
    pub const PATH: Self = Self::new(Style::Simple, false);
    /// The default of a query parameter: `form`, exploded.
    pub const QUERY: Self = Self::new(Style::Form, true);
    /// The default of a header: `simple`, not exploded.
    pub const HEADER: Self = Self::new(Style::Simple, false);
    /// The default of a cookie: `form`, exploded.
    pub const COOKIE: Self = Self::new(Style::Form, true);
}

/// A value as the styles see it.
enum Shape {
    Absent,
    Scalar(String),
    List(Vec<String>),
    Pairs(Vec<(String, String)>),
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        nested => Some(nested.to_string()),
    }
}

fn shape(value: &Value) -> Shape {
    match value {
        Value::Null => Shape::Absent,
        Value::Array(items) => Shape::List(items.iter().filter_map(text_of).collect()),
        Value::Object(map) => Shape::Pairs(
            map.iter()
                .filter_map(|(k, v)| text_of(v).map(|t| (k.clone(), t)))
                .collect(),
        ),
        scalar => text_of(scalar).map_or(Shape::Absent, Shape::Scalar),
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

fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<Value, String> {
    serde_json::to_value(value).map_err(|e| format!("cannot serialize a parameter: {e}"))
}

fn enc_unreserved(s: &str) -> String {
    utf8_percent_encode(s, UNRESERVED).to_string()
}

/// What a path keeps in reserved expansion: the unreserved characters, `/`, and the
/// sub-delimiters, `:` and `@` RFC 3986 allows in a path segment. `?`, `#`, `[`, `]`, `%` and
/// the rest are escaped, so a value can neither start a query or a fragment nor smuggle an
/// escape; dot segments are refused later, for every path, before anything is sent.
const PATH_RESERVED: &AsciiSet = &UNRESERVED
    .remove(b'/')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@');

fn enc_path_reserved(s: &str) -> String {
    utf8_percent_encode(s, PATH_RESERVED).to_string()
}

/// Percent-encodes one path parameter value in the default `simple` style: everything except
/// RFC 3986 unreserved characters is escaped, so `"a/../b?x"` becomes `"a%2F..%2Fb%3Fx"`.
///
/// Strings (and string enums) use their wire string, numbers and booleans their usual text.
/// Arrays are `1,2,3` (each element escaped), objects `key,value,...`. `null` and values that
/// fail to serialize give an empty string.
///
/// ```
/// assert_eq!(paragon_runtime::path_param("a/../b?x"), "a%2F..%2Fb%3Fx");
/// assert_eq!(paragon_runtime::path_param(&42), "42");
/// assert_eq!(paragon_runtime::path_param(&["a b", "c"]), "a%20b,c");
/// ```
pub fn path_param<T: Serialize + ?Sized>(value: &T) -> String {
    path_param_with("", value, ParamStyle::PATH)
}

/// One path parameter in any path style (`simple`, `label`, `matrix`; others are read as
/// `simple`). `name` is used by `matrix`.
///
/// ```
/// use paragon_runtime::{ParamStyle, Style, path_param_with};
/// let rgb = serde_json::json!({"R": 100, "G": 200});
/// assert_eq!(path_param_with("color", &["blue", "black"], ParamStyle::new(Style::Label, true)), ".blue.black");
/// assert_eq!(path_param_with("color", &rgb, ParamStyle::new(Style::Matrix, true)), ";R=100;G=200");
/// assert_eq!(path_param_with("color", &rgb, ParamStyle::new(Style::Simple, false)), "R,100,G,200");
/// ```
pub fn path_param_with<T: Serialize + ?Sized>(name: &str, value: &T, style: ParamStyle) -> String {
    let Ok(v) = to_value(value) else {
        return String::new();
    };
    // `{+name}` in a path template (RFC 6570 reserved expansion, as Google's descriptions
    // write `/v1/{+name}` for `name: accounts/1/items/2`) keeps `/` and the other characters
    // allowed in a path; everything else is escaped as usual.
    let e: fn(&str) -> String = if style.allow_reserved {
        enc_path_reserved
    } else {
        enc_unreserved
    };
    let explode = style.explode;
    let join_pairs = |pairs: &[(String, String)], kv: &str, sep: &str| {
        pairs
            .iter()
            .map(|(k, v)| format!("{}{kv}{}", e(k), e(v)))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let join_list =
        |items: &[String], sep: &str| items.iter().map(|s| e(s)).collect::<Vec<_>>().join(sep);
    let name = e(name);
    match (style.style, shape(&v)) {
        (Style::Label, Shape::Absent) => ".".into(),
        (Style::Matrix, Shape::Absent) => format!(";{name}"),
        (_, Shape::Absent) => String::new(),
        (Style::Label, Shape::Scalar(s)) => format!(".{}", e(&s)),
        (Style::Label, Shape::List(items)) => {
            format!(".{}", join_list(&items, if explode { "." } else { "," }))
        }
        (Style::Label, Shape::Pairs(pairs)) => {
            if explode {
                format!(".{}", join_pairs(&pairs, "=", "."))
            } else {
                format!(".{}", join_pairs(&pairs, ",", ","))
            }
        }
        (Style::Matrix, Shape::Scalar(s)) if s.is_empty() => format!(";{name}"),
        (Style::Matrix, Shape::Scalar(s)) => format!(";{name}={}", e(&s)),
        (Style::Matrix, Shape::List(items)) if items.is_empty() => format!(";{name}"),
        (Style::Matrix, Shape::List(items)) => {
            if explode {
                items.iter().map(|s| format!(";{name}={}", e(s))).collect()
            } else {
                format!(";{name}={}", join_list(&items, ","))
            }
        }
        (Style::Matrix, Shape::Pairs(pairs)) => {
            if explode {
                pairs
                    .iter()
                    .map(|(k, v)| format!(";{}={}", e(k), e(v)))
                    .collect()
            } else {
                format!(";{name}={}", join_pairs(&pairs, ",", ","))
            }
        }
        (_, Shape::Scalar(s)) => e(&s),
        (_, Shape::List(items)) => join_list(&items, ","),
        (_, Shape::Pairs(pairs)) => {
            if explode {
                join_pairs(&pairs, "=", ",")
            } else {
                join_pairs(&pairs, ",", ",")
            }
        }
    }
}

/// How the pieces of a query string or a form body are encoded.
pub(crate) struct Encoding {
    piece: fn(&str, bool) -> String,
    space: &'static str,
    pipe: &'static str,
}

/// A URL's query string.
pub(crate) const QUERY: Encoding = Encoding {
    piece: |s, reserved| {
        utf8_percent_encode(s, if reserved { RESERVED_KEPT } else { UNRESERVED }).to_string()
    },
    space: "%20",
    pipe: "%7C",
};

/// An `application/x-www-form-urlencoded` body (spaces as `+`).
pub(crate) const FORM_BODY: Encoding = Encoding {
    piece: |s, _| url::form_urlencoded::byte_serialize(s.as_bytes()).collect(),
    space: "+",
    pipe: "%7C",
};

/// The `name=value` pieces (encoded, to be joined with `&`) of one query parameter or form
/// field in a query style (`form`, `spaceDelimited`, `pipeDelimited`, `deepObject`; path styles
/// are read as `form`).
pub(crate) fn query_pieces(
    name: &str,
    value: &Value,
    style: ParamStyle,
    enc: &Encoding,
) -> Vec<String> {
    let e = |s: &str| (enc.piece)(s, style.allow_reserved);
    let n = e(name);
    let joined =
        |items: &[String], sep: &str| items.iter().map(|s| e(s)).collect::<Vec<_>>().join(sep);
    let flat = |pairs: &[(String, String)], sep: &str| {
        pairs
            .iter()
            .map(|(k, v)| format!("{}{sep}{}", e(k), e(v)))
            .collect::<Vec<_>>()
            .join(sep)
    };
    match (style.style, shape(value)) {
        (_, Shape::Absent) => Vec::new(),
        (Style::DeepObject, _) => {
            let mut out = Vec::new();
            deep_object(&n, value, &e, &mut out, 0);
            out
        }
        (_, Shape::Scalar(s)) => vec![format!("{n}={}", e(&s))],
        (Style::SpaceDelimited, Shape::List(items)) if !style.explode => {
            vec![format!("{n}={}", joined(&items, enc.space))]
        }
        (Style::PipeDelimited, Shape::List(items)) if !style.explode => {
            vec![format!("{n}={}", joined(&items, enc.pipe))]
        }
        (Style::SpaceDelimited, Shape::Pairs(pairs)) if !style.explode => {
            vec![format!("{n}={}", flat(&pairs, enc.space))]
        }
        (Style::PipeDelimited, Shape::Pairs(pairs)) if !style.explode => {
            vec![format!("{n}={}", flat(&pairs, enc.pipe))]
        }
        (_, Shape::List(items)) if style.explode => {
            items.iter().map(|s| format!("{n}={}", e(s))).collect()
        }
        (_, Shape::List(items)) => vec![format!("{n}={}", joined(&items, ","))],
        (_, Shape::Pairs(pairs)) if style.explode => pairs
            .iter()
            .map(|(k, v)| format!("{}={}", e(k), e(v)))
            .collect(),
        (_, Shape::Pairs(pairs)) => vec![format!("{n}={}", flat(&pairs, ","))],
    }
}

/// Nesting followed by `deepObject` before the rest is written as JSON.
const DEEP_OBJECT_DEPTH: usize = 16;

/// `name[key]=value`, nested objects as `name[a][b]=value`, arrays as one pair per element.
fn deep_object(
    name: &str,
    value: &Value,
    e: &dyn Fn(&str) -> String,
    out: &mut Vec<String>,
    depth: usize,
) {
    match value {
        Value::Null => {}
        Value::Object(map) if depth < DEEP_OBJECT_DEPTH => {
            for (k, v) in map {
                deep_object(&format!("{name}[{}]", e(k)), v, e, out, depth + 1);
            }
        }
        Value::Array(items) if depth < DEEP_OBJECT_DEPTH => {
            for item in items {
                deep_object(name, item, e, out, depth + 1);
            }
        }
        other => {
            if let Some(t) = text_of(other) {
                out.push(format!("{name}={}", e(&t)));
            }
        }
    }
}

/// A query parameter's pieces from any serializable value.
pub(crate) fn query_param<T: Serialize + ?Sized>(
    name: &str,
    value: &T,
    style: ParamStyle,
) -> Result<Vec<String>, String> {
    Ok(query_pieces(name, &to_value(value)?, style, &QUERY))
}

/// A header value (`simple` style, not percent-encoded; exploded objects as `k=v,k=v`).
/// `None` for null.
pub(crate) fn header_value(value: &Value, explode: bool) -> Option<String> {
    match shape(value) {
        Shape::Absent => None,
        Shape::Scalar(s) => Some(s),
        Shape::List(items) => Some(items.join(",")),
        Shape::Pairs(pairs) => Some(
            pairs
                .iter()
                .map(|(k, v)| {
                    if explode {
                        format!("{k}={v}")
                    } else {
                        format!("{k},{v}")
                    }
                })
                .collect::<Vec<_>>()
                .join(","),
        ),
    }
}

/// The `(name, value)` cookies of one cookie parameter (`form` style): not exploded, one cookie
/// `name=a,b`; exploded, a list is one cookie per element and an object one cookie per member.
pub(crate) fn cookie_pairs(name: &str, value: &Value, explode: bool) -> Vec<(String, String)> {
    let c = |s: &str| utf8_percent_encode(s, COOKIE_VALUE).to_string();
    match shape(value) {
        Shape::Absent => Vec::new(),
        Shape::Scalar(s) => vec![(name.to_owned(), c(&s))],
        Shape::List(items) if explode => items.iter().map(|s| (name.to_owned(), c(s))).collect(),
        Shape::List(items) => vec![(
            name.to_owned(),
            items.iter().map(|s| c(s)).collect::<Vec<_>>().join(","),
        )],
        Shape::Pairs(pairs) if explode => pairs.iter().map(|(k, v)| (k.clone(), c(v))).collect(),
        Shape::Pairs(pairs) => vec![(
            name.to_owned(),
            pairs
                .iter()
                .map(|(k, v)| format!("{},{}", c(k), c(v)))
                .collect::<Vec<_>>()
                .join(","),
        )],
    }
}

/// A whole body as `application/x-www-form-urlencoded`: the top-level value must be an object
/// (or null, giving an empty body); each member is written as a query parameter in the style
/// its `encoding` entry names (`form`, exploded, by default).
pub(crate) fn form_body(value: &Value, encoding: &[(&str, ParamStyle)]) -> Result<String, String> {
    let mut pieces = Vec::new();
    match value {
        Value::Null => {}
        Value::Object(map) => {
            for (key, item) in map {
                let style = encoding
                    .iter()
                    .find(|(k, _)| k == key)
                    .map_or(ParamStyle::QUERY, |(_, s)| *s);
                pieces.extend(query_pieces(key, item, style, &FORM_BODY));
            }
        }
        _ => return Err("a form body must serialize to an object".to_owned()),
    }
    Ok(pieces.join("&"))
}

/// Whether `segment` is `.` or `..`, also in percent-encoded spellings that URL parsers treat
/// the same way.
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
    fn reserved_path_expansion_keeps_slashes_and_escapes_what_would_leave_the_path() {
        let r = ParamStyle::PATH.reserved();
        assert_eq!(
            path_param_with("", "accounts/1/adclients/ca-2:x@y", r),
            "accounts/1/adclients/ca-2:x@y"
        );
        assert_eq!(
            path_param_with("", "a?b#c[d]%e f", r),
            "a%3Fb%23c%5Bd%5D%25e%20f"
        );
        // Without `+`, the same value is one segment.
        assert_eq!(path_param("accounts/1"), "accounts%2F1");
    }

    #[test]
    fn allow_reserved_keeps_what_does_not_end_a_component() {
        let kept =
            query_param("q", "a/b:c?d,e[f] g&h=i#j+k", ParamStyle::QUERY.reserved()).unwrap();
        assert_eq!(kept, ["q=a/b:c?d,e[f]%20g%26h%3Di%23j%2Bk"]);
        let plain = query_param("q", "a/b", ParamStyle::QUERY).unwrap();
        assert_eq!(plain, ["q=a%2Fb"]);
    }

    #[test]
    fn deep_objects_nest_and_stop_at_their_depth() {
        let out = query_param(
            "f",
            &json!({"a": [1, null, "x"], "b": {"c": true}}),
            ParamStyle::new(Style::DeepObject, true),
        )
        .unwrap();
        assert_eq!(out, ["f[a]=1", "f[a]=x", "f[b][c]=true"]);
        let mut deep = json!(1);
        for _ in 0..40 {
            deep = json!({ "k": deep });
        }
        let out = query_param("d", &deep, ParamStyle::new(Style::DeepObject, true)).unwrap();
        assert_eq!(out.len(), 1);
        assert!(out[0].starts_with(&format!("d{}", "[k]".repeat(DEEP_OBJECT_DEPTH))));
    }

    #[test]
    fn form_bodies_follow_their_encoding() {
        let body = json!({"name": "a b", "tags": ["x", "y"], "meta": {"k": "v"}});
        assert_eq!(form_body(&body, &[]).unwrap(), "name=a+b&tags=x&tags=y&k=v");
        let enc = [
            ("tags", ParamStyle::new(Style::Form, false)),
            ("meta", ParamStyle::new(Style::DeepObject, true)),
        ];
        assert_eq!(
            form_body(&body, &enc).unwrap(),
            "name=a+b&tags=x,y&meta[k]=v"
        );
        assert!(form_body(&json!([1]), &[]).is_err());
        assert_eq!(form_body(&json!(null), &[]).unwrap(), "");
    }

    #[test]
    fn headers_and_cookies() {
        assert_eq!(
            header_value(&json!({"a": 1, "b": "x"}), false).as_deref(),
            Some("a,1,b,x")
        );
        assert_eq!(header_value(&json!({"a": 1}), true).as_deref(), Some("a=1"));
        assert_eq!(
            header_value(&json!([1, null, 2]), false).as_deref(),
            Some("1,2")
        );
        assert_eq!(header_value(&json!(null), false), None);
        assert_eq!(
            cookie_pairs("c", &json!("a b;c=d"), false),
            [("c".to_owned(), "a%20b%3Bc=d".to_owned())]
        );
        assert_eq!(cookie_pairs("c", &json!(["x", "y"]), true).len(), 2);
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
}
