//! URI references resolved against a base (RFC 3986 §5.2), as `$id` and `$ref` need them.

/// The five components of a URI reference.
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
}

fn parse(s: &str) -> Parts<'_> {
    let s = s.split_once('#').map_or(s, |(before, _)| before);
    let (scheme, rest) = match s.find(':') {
        Some(i)
            if i > 0
                && s[..i].starts_with(|c: char| c.is_ascii_alphabetic())
                && s[..i]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !s[..i].contains('/') =>
        {
            (Some(&s[..i]), &s[i + 1..])
        }
        _ => (None, s),
    };
    let (authority, rest) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find(['/', '?']).unwrap_or(after.len());
            (Some(&after[..end]), &after[end..])
        }
        None => (None, rest),
    };
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (rest, None),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
    }
}

/// `/a/./b/../c` → `/a/c`.
fn remove_dots(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *seg {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 || (out.len() == 1 && !out[0].is_empty()) {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if path.starts_with('/') && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The reference `r` resolved against `base` (an absolute URI), with `r`'s fragment kept.
pub(crate) fn resolve(base: &str, r: &str) -> String {
    let fragment = r.split_once('#').map(|(_, f)| f);
    let b = parse(base);
    let p = parse(r);
    let (scheme, authority, path, query);
    if p.scheme.is_some() {
        scheme = p.scheme;
        authority = p.authority;
        path = remove_dots(p.path);
        query = p.query;
    } else {
        scheme = b.scheme;
        if p.authority.is_some() {
            authority = p.authority;
            path = remove_dots(p.path);
            query = p.query;
        } else {
            authority = b.authority;
            if p.path.is_empty() {
                path = b.path.to_owned();
                query = p.query.or(b.query);
            } else {
                path = if p.path.starts_with('/') {
                    remove_dots(p.path)
                } else if b.authority.is_some() && b.path.is_empty() {
                    remove_dots(&format!("/{}", p.path))
                } else {
                    let dir = b.path.rfind('/').map_or("", |i| &b.path[..=i]);
                    remove_dots(&format!("{dir}{}", p.path))
                };
                query = p.query;
            }
        }
    }
    let mut out = String::new();
    if let Some(s) = scheme {
        out.push_str(s);
        out.push(':');
    }
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    }
    out.push_str(&path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// `(uri without fragment, fragment)`; the fragment is `""` when there is none.
pub(crate) fn split_fragment(uri: &str) -> (&str, &str) {
    uri.split_once('#').unwrap_or((uri, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The examples of RFC 3986 §5.4 that JSON Schema documents meet, and URNs.
    #[test]
    fn references_resolve_as_rfc_3986_says() {
        let base = "http://a/b/c/d;p?q";
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("", "http://a/b/c/d;p?q"),
            ("../g", "http://a/b/g"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ] {
            assert_eq!(resolve(base, r), want, "{r}");
        }
        assert_eq!(
            resolve("http://localhost:1234/draft2020-12/tree", "node"),
            "http://localhost:1234/draft2020-12/node"
        );
        assert_eq!(
            resolve(
                "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed",
                "#/$defs/bar"
            ),
            "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed#/$defs/bar"
        );
        assert_eq!(
            resolve("file:///x/y/root.json", "other.json#/a"),
            "file:///x/y/other.json#/a"
        );
        assert_eq!(split_fragment("a#b"), ("a", "b"));
    }
}
