//! JSON Pointers (RFC 6901): escaping a reference token, and following a pointer into a value.
//!
//! [`get`] walks the value without allocating when a token has no escape (the usual case),
//! where `serde_json::Value::pointer` allocates a string for every token; the planner follows
//! pointers millions of times on a large document.

use std::borrow::Cow;

use serde_json::Value;

/// Appends one reference token to a pointer, escaping `~` as `~0` and `/` as `~1`.
pub fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    if !token.contains(['~', '/']) {
        pointer.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// One token, unescaped (`~1` is `/`, `~0` is `~`, in that order as RFC 6901 says).
pub fn unescape(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

/// The value at `pointer` (`""` is the whole value), or `None` when it leads nowhere. Array
/// indices are decimal without leading zeros.
pub fn get<'v>(value: &'v Value, pointer: &str) -> Option<&'v Value> {
    if pointer.is_empty() {
        return Some(value);
    }
    let rest = pointer.strip_prefix('/')?;
    let mut current = value;
    for raw in rest.split('/') {
        let token = unescape(raw);
        current = match current {
            Value::Object(map) => map.get(token.as_ref())?,
            Value::Array(items) => items.get(index(&token)?)?,
            _ => return None,
        };
    }
    Some(current)
}

/// [`get`], for changing the value found.
pub fn get_mut<'v>(value: &'v mut Value, pointer: &str) -> Option<&'v mut Value> {
    if pointer.is_empty() {
        return Some(value);
    }
    let rest = pointer.strip_prefix('/')?;
    let mut current = value;
    for raw in rest.split('/') {
        let token = unescape(raw);
        current = match current {
            Value::Object(map) => map.get_mut(token.as_ref())?,
            Value::Array(items) => items.get_mut(index(&token)?)?,
            _ => return None,
        };
    }
    Some(current)
}

fn index(token: &str) -> Option<usize> {
    if token.is_empty() || (token.len() > 1 && token.starts_with('0')) {
        return None;
    }
    if !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn follows_rfc_6901() {
        let v = json!({"a/b": {"m~n": [10, 20]}, "": 1, "x": {"01": 2}});
        let mut p = String::new();
        push_token(&mut p, "a/b");
        push_token(&mut p, "m~n");
        push_token(&mut p, "1");
        assert_eq!(p, "/a~1b/m~0n/1");
        assert_eq!(get(&v, &p), Some(&json!(20)));
        assert_eq!(get(&v, ""), Some(&v));
        assert_eq!(get(&v, "/"), Some(&json!(1)));
        assert_eq!(get(&v, "/a~1b/m~0n/01"), None);
        assert_eq!(get(&v, "/x/01"), Some(&json!(2)));
        assert_eq!(get(&v, "a"), None);
        assert_eq!(get(&v, "/a~1b/m~0n/9"), None);
        // `~01` is `~1`, not `/`.
        assert_eq!(unescape("~01"), "~1");
        for probe in ["/a~1b/m~0n/0", "/x/01", "/zz", ""] {
            assert_eq!(get(&v, probe), v.pointer(probe), "{probe}");
        }
    }
}
