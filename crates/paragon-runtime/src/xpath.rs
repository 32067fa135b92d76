//! `type: xpath` criteria (behind the `xpath` feature): XPath 1.0 over an XML body, through
//! `sxd-document` and `sxd-xpath`.
//!
//! A criterion passes when its expression's value is true as XPath's `boolean()` reads it (a
//! non-empty node-set, a non-empty string, a number other than zero and NaN, `true()`). A body
//! that is not XML, is nested deeper than [`MAX_XML_DEPTH`], or an expression that does not
//! evaluate, fails the criterion: a criterion that cannot be evaluated does not hold.
//!
//! The XML is parsed once for all the criteria of a step that read the same body
//! ([`body_tests`]); nothing is fetched (a DTD's internal subset is skipped, no entity is
//! expanded, no external DTD is read).

use serde_json::Value;

/// How deep elements may nest in an XML context. Deeper documents fail the criterion before
/// they are parsed (parsing and evaluating `//` walk ancestors and descendants).
pub const MAX_XML_DEPTH: usize = 256;

/// Evaluates each of `queries` against the XML text of `body`, parsing it once. `false` for
/// every query when the body is not UTF-8 XML within the bounds.
pub fn body_tests<const N: usize>(body: &[u8], queries: [&str; N]) -> [bool; N] {
    let mut out = [false; N];
    let Ok(text) = std::str::from_utf8(body) else {
        return out;
    };
    evaluate_all(text, &queries, &mut out);
    out
}

/// One `xpath` criterion whose context is not the whole response body: a string value is the
/// XML text; anything else fails.
pub fn value_test(context: &Value, query: &str) -> bool {
    let mut out = [false];
    if let Value::String(text) = context {
        evaluate_all(text, &[query], &mut out);
    }
    out[0]
}

fn evaluate_all(text: &str, queries: &[&str], out: &mut [bool]) {
    if !within_depth(text, MAX_XML_DEPTH) {
        return;
    }
    // The parser and evaluator are a third party's: a panic on a hostile body or an
    // expression it does not handle fails that criterion instead of the workflow's task.
    let guarded =
        |f: &mut dyn FnMut()| std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).is_ok();
    let mut package = None;
    if !guarded(&mut || package = sxd_document::parser::parse(text).ok()) {
        return;
    }
    let Some(package) = package else {
        return;
    };
    let document = package.as_document();
    let factory = sxd_xpath::Factory::new();
    let context = sxd_xpath::Context::new();
    for (query, slot) in queries.iter().zip(out.iter_mut()) {
        let mut holds = false;
        let finished = guarded(&mut || {
            holds = matches!(factory.build(query), Ok(Some(x))
                if x.evaluate(&context, document.root()).is_ok_and(|v| v.boolean()));
        });
        *slot = finished && holds;
    }
}

/// Whether no element of `text` nests deeper than `max`, counted over tags outside comments,
/// CDATA sections, processing instructions and declarations (a cheap over-estimate is fine: it
/// only refuses).
fn within_depth(text: &str, max: usize) -> bool {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        i += off;
        let rest = &bytes[i..];
        let skip_to = |end: &[u8]| {
            rest.windows(end.len())
                .position(|w| w == end)
                .map_or(bytes.len(), |p| i + p + end.len())
        };
        if rest.starts_with(b"<!--") {
            i = skip_to(b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = skip_to(b"]]>");
        } else if rest.starts_with(b"<?") {
            i = skip_to(b"?>");
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i += 2;
        } else if rest.starts_with(b"<!") {
            i += 2;
        } else {
            // An opening tag, unless it closes itself: find its `>` outside quoted values.
            let mut j = 1;
            let mut quote = None;
            while let Some(&b) = rest.get(j) {
                match (quote, b) {
                    (Some(q), _) if b == q => quote = None,
                    (None, b'"' | b'\'') => quote = Some(b),
                    (None, b'>') => break,
                    _ => {}
                }
                j += 1;
            }
            if rest.get(j.wrapping_sub(1)) != Some(&b'/') {
                depth += 1;
                if depth > max {
                    return false;
                }
            }
            i += j + 1;
        }
        if i >= bytes.len() {
            break;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const PETS: &str = r#"<?xml version="1.0"?>
<!-- a comment with <tags> -->
<pets>
  <pet><id>1</id><name>Rex</name><tag a="x>y"/></pet>
  <pet><id>2</id><name><![CDATA[<Tom>]]></name></pet>
</pets>"#;

    #[test]
    fn each_query_is_read_as_xpath_boolean() {
        let [a, b, c, d, e, f] = body_tests(
            PETS.as_bytes(),
            [
                "//pet[id = '1']",
                "//pet[id = '3']",
                "count(//pet) = 2",
                "count(//pet)",
                "string(//pet[2]/name)",
                "string(//missing)",
            ],
        );
        assert!(a && !b && c && d && e && !f);
        assert_eq!(
            body_tests(PETS.as_bytes(), ["//pet[name = '<Tom>']"]),
            [true]
        );
    }

    #[test]
    fn what_cannot_be_evaluated_fails() {
        assert_eq!(body_tests(b"{\"id\": 1}", ["//id", "true()"]), [false; 2]);
        assert_eq!(body_tests(b"\xff<a/>", ["true()"]), [false]);
        assert_eq!(body_tests(b"<a/>", ["//a[", "true()"]), [false, true]);
        assert_eq!(body_tests(b"<a/>", ["unknown-fn()"]), [false]);
        // The evaluator panics on an unbound prefix (found by the `xpath` fuzz target; the
        // compiler refuses such expressions): the criterion fails, the others still count.
        assert_eq!(body_tests(b"<a/>", ["p:Aancessttor", "/a"]), [false, true]);
        assert_eq!(body_tests(b"<a/>", ["T:\u{375}/x", "/a"]), [false, true]);
        assert!(value_test(&Value::String("<a><b/></a>".into()), "/a/b"));
        assert!(!value_test(&Value::from(1), "true()"));
    }

    #[test]
    fn nesting_is_bounded_before_parsing() {
        let nested = |n: usize| format!("{}{}", "<a>".repeat(n), "</a>".repeat(n));
        assert_eq!(body_tests(nested(MAX_XML_DEPTH).as_bytes(), ["/a"]), [true]);
        assert_eq!(
            body_tests(nested(MAX_XML_DEPTH + 1).as_bytes(), ["/a"]),
            [false]
        );
        assert_eq!(body_tests(nested(100_000).as_bytes(), ["/a"]), [false]);
        // Self-closing tags, closed siblings and markup that is not a tag do not count.
        let flat = format!(
            "<r>{}</r>",
            "<a/><b></b><!-- <c> --><![CDATA[<d>]]>".repeat(1000)
        );
        assert!(within_depth(&flat, 2));
    }

    #[test]
    fn entities_are_not_expanded_and_nothing_is_fetched() {
        let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol3;</lolz>"#;
        // An undefined entity reference is an XML error here: the criterion fails.
        assert_eq!(body_tests(laughs.as_bytes(), ["/lolz"]), [false]);
        let external = "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<r/>";
        assert_eq!(body_tests(external.as_bytes(), ["/r"]), [true]);
    }
}
