//! Spellings that other Arazzo runners accept and the 1.0.1 grammar does not, each rewritten to
//! the one standard text it means. The compiler tries them only where the standard reading
//! fails, compiles the rewritten text, and says so with a warning whose help is that text, so a
//! user can see (and `fix` can write) what the document should say.
//!
//! Everything here works on text and on the names the document declares; nothing here reads the
//! OpenAPI documents.

use crate::pointer::push_token;

/// Navigation written after a runtime expression, as JavaScript reads it, rewritten to the JSON
/// Pointer form the grammar has:
///
/// - `$response.body.data.items[0].id` → `$response.body#/data/items/0/id` (and `$request.body`);
/// - `$steps.list.outputs.items[0].id` → `$steps.list.outputs.items#/0/id`, where `items` is a
///   declared output of `list` (the longest declared name that the text starts with: output
///   names may contain dots);
/// - `$steps.login.token` (the `outputs` segment left out) → `$steps.login.outputs.token`;
/// - `$inputs.customer.address[0]` → `$inputs.customer#/address/0`, where `customer` is an input;
/// - `$response.headers.X-Rate` → `$response.header.X-Rate` (and `$request.headers`).
///
/// A step output path that starts with no declared output keeps its first segment as the
/// output name (`$steps.list.outputs.other[0]` → `$steps.list.outputs.other#/0`): the output
/// is undeclared, so the compiler reads it as always absent, with its own warning.
///
/// `outputs(step)` gives a step's declared output names (`None` for no such step). Returns
/// `None` when the text is standard already or is none of these.
pub fn navigation(
    s: &str,
    inputs: &[&str],
    outputs: &dyn Fn(&str) -> Option<Vec<String>>,
) -> Option<String> {
    // `$response.headers.X-Rate` (plural, as the runners' own objects are named).
    for (plural, standard) in [
        ("$response.headers.", "$response.header."),
        ("$request.headers.", "$request.header."),
    ] {
        if let Some(name) = s.strip_prefix(plural)
            && !name.is_empty()
        {
            return Some(format!("{standard}{name}"));
        }
    }
    for body in ["$response.body", "$request.body"] {
        if let Some(tail) = s.strip_prefix(body)
            && tail.starts_with(['.', '['])
        {
            return Some(format!("{body}#{}", pointer_of(tail)?));
        }
    }
    if let Some(rest) = s.strip_prefix("$inputs.") {
        let (name, pointer) = named(rest, inputs.iter().copied())?;
        let standard = format!("$inputs.{name}{pointer}");
        return (standard != s).then_some(standard);
    }
    if let Some(rest) = s.strip_prefix("$steps.") {
        let (step, rest) = rest.split_once('.')?;
        let declared = outputs(step)?;
        let rest = rest.strip_prefix("outputs.").unwrap_or(rest);
        // No declared name: the first segment is the (undeclared, so always absent) output.
        let first = &rest[..rest.find(['.', '[']).unwrap_or(rest.len())];
        let (name, pointer) = named(rest, declared.iter().map(String::as_str))
            .or_else(|| named(rest, std::iter::once(first)))?;
        let standard = format!("$steps.{step}.outputs.{name}{pointer}");
        return (standard != s).then_some(standard);
    }
    None
}

/// The declared name that `rest` starts with (the longest, at a segment boundary) and the JSON
/// Pointer (`#/…`, or nothing) of what follows it; `None` when `rest` starts with no name.
fn named<'n>(rest: &str, names: impl Iterator<Item = &'n str>) -> Option<(&'n str, String)> {
    let name = names
        .filter(|n| {
            rest.strip_prefix(*n)
                .is_some_and(|t| t.is_empty() || t.starts_with(['.', '[']))
        })
        .max_by_key(|n| n.len())?;
    let tail = &rest[name.len()..];
    if tail.is_empty() {
        return Some((name, String::new()));
    }
    Some((name, format!("#{}", pointer_of(tail)?)))
}

/// `.data.items[0]['a b']` → `/data/items/0/a b` (escaped as RFC 6901 says). `None` for what has
/// no single JSON Pointer: a wildcard (`[*]`), an empty name, text that is not navigation.
fn pointer_of(tail: &str) -> Option<String> {
    let mut pointer = String::new();
    let mut rest = tail;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let name = &after[..end];
            if name.is_empty() || !name.chars().all(is_name_char) {
                return None;
            }
            push_token(&mut pointer, name);
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']')?;
            let inside = &after[..close];
            let token = match inside.as_bytes() {
                [q @ (b'\'' | b'"'), .., last] if last == q && inside.len() >= 2 => {
                    &inside[1..inside.len() - 1]
                }
                _ if !inside.is_empty() && inside.bytes().all(|b| b.is_ascii_digit()) => inside,
                _ => return None,
            };
            push_token(&mut pointer, token);
            rest = &after[close + 1..];
        } else {
            return None;
        }
    }
    Some(pointer)
}

/// What a member name written after a dot may hold: no spaces or operators, so that trailing
/// prose (`$response.body.id (the new id)`) is not read as navigation.
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '$' | '@')
}

/// Strings with embedded expressions (`"Bearer {$steps.login.token}"`): each `{$…}` that
/// [`navigation`] rewrites is rewritten in place. `None` when none is.
pub fn navigation_in_template(
    s: &str,
    inputs: &[&str],
    outputs: &dyn Fn(&str) -> Option<Vec<String>>,
) -> Option<String> {
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    let mut changed = false;
    while let Some(open) = rest.find("{$") {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        out.push_str(&rest[..=open]);
        match navigation(inner, inputs, outputs) {
            Some(standard) => {
                out.push_str(&standard);
                changed = true;
            }
            None => out.push_str(inner),
        }
        out.push('}');
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// An `operationPath` that names its source without the runtime-expression wrapper, as
/// generated documents write it: `petstore#/paths/~1pets/get` or
/// `$sourceDescriptions.petstore.url#/paths/~1pets/get` → `{$sourceDescriptions.petstore.url}#/paths/~1pets/get`,
/// when `petstore` is a source description. `None` otherwise.
pub fn operation_path(p: &str, sources: &[&str]) -> Option<String> {
    let (head, pointer) = p.split_once('#')?;
    let name = head
        .strip_prefix("$sourceDescriptions.")
        .and_then(|h| h.strip_suffix(".url"))
        .unwrap_or(head);
    sources
        .contains(&name)
        .then(|| format!("{{$sourceDescriptions.{name}.url}}#{pointer}"))
}

/// A condition with string literals in double quotes, as JavaScript and Python write them
/// (`$response.body#/model == "humanoid"`) → the same literals in single quotes, the only
/// quotes of the condition grammar (`== 'humanoid'`; a `'` inside is doubled, `\"` and `\\`
/// are read as JSON reads them). Text inside single quotes is left alone. `None` when there
/// is no double-quoted literal, or one is not closed.
pub fn double_quoted_literals(condition: &str) -> Option<String> {
    let mut out = String::with_capacity(condition.len());
    let mut chars = condition.chars().peekable();
    let mut changed = false;
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                out.push(c);
                // Copy the single-quoted literal as it is (`''` is a quote inside it).
                loop {
                    let inner = chars.next()?;
                    out.push(inner);
                    if inner == '\'' {
                        if chars.peek() == Some(&'\'') {
                            out.extend(chars.next());
                        } else {
                            break;
                        }
                    }
                }
            }
            '"' => {
                let mut literal = String::new();
                loop {
                    match chars.next()? {
                        '\\' => literal.push(chars.next()?),
                        '"' => break,
                        other => literal.push(other),
                    }
                }
                out.push('\'');
                out.push_str(&literal.replace('\'', "''"));
                out.push('\'');
                changed = true;
            }
            other => out.push(other),
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outputs(step: &str) -> Option<Vec<String>> {
        match step {
            "list" => Some(vec!["items".into(), "items.count".into()]),
            "login" => Some(vec!["token".into(), "session".into()]),
            _ => None,
        }
    }

    fn nav(s: &str) -> Option<String> {
        navigation(s, &["customer", "$.xgafv"], &outputs)
    }

    #[test]
    fn navigation_after_an_expression_becomes_a_json_pointer() {
        assert_eq!(
            nav("$response.body.data.items[0].id").as_deref(),
            Some("$response.body#/data/items/0/id")
        );
        assert_eq!(
            nav("$response.body[0]").as_deref(),
            Some("$response.body#/0")
        );
        assert_eq!(
            nav("$request.body.a/b['c~d']").as_deref(),
            None,
            "a `/` is not part of a dotted name"
        );
        assert_eq!(
            nav("$request.body['a/b']['c~d']").as_deref(),
            Some("$request.body#/a~1b/c~0d")
        );
        assert_eq!(
            nav("$steps.list.outputs.items[0].id").as_deref(),
            Some("$steps.list.outputs.items#/0/id")
        );
        assert_eq!(
            nav("$steps.login.outputs.session.id").as_deref(),
            Some("$steps.login.outputs.session#/id")
        );
        assert_eq!(
            nav("$steps.login.token").as_deref(),
            Some("$steps.login.outputs.token")
        );
        assert_eq!(
            nav("$inputs.customer.address[1].city").as_deref(),
            Some("$inputs.customer#/address/1/city")
        );
        assert_eq!(
            nav("$response.headers.X-Rate").as_deref(),
            Some("$response.header.X-Rate")
        );
        // An undeclared output keeps its name (the compiler reads it as absent).
        assert_eq!(
            nav("$steps.list.outputs.other[0].id").as_deref(),
            Some("$steps.list.outputs.other#/0/id")
        );
    }

    #[test]
    fn declared_names_win_and_standard_text_is_left_alone() {
        // A declared name with a dot is the name, not navigation.
        assert_eq!(nav("$steps.list.outputs.items.count"), None);
        assert_eq!(
            nav("$steps.list.outputs.items.count.total").as_deref(),
            Some("$steps.list.outputs.items.count#/total")
        );
        assert_eq!(nav("$steps.list.outputs.items"), None);
        assert_eq!(nav("$inputs.$.xgafv"), None);
        assert_eq!(nav("$response.body#/a"), None);
        assert_eq!(nav("$response.body"), None);
    }

    #[test]
    fn what_has_no_single_meaning_is_not_rewritten() {
        assert_eq!(nav("$response.body.items[*].id"), None);
        assert_eq!(nav("$response.body.id (the new id)"), None);
        assert_eq!(nav("$response.body..id"), None);
        assert_eq!(nav("$steps.list.outputs.other[0][*]"), None);
        assert_eq!(nav("$steps.nope.outputs.items[0]"), None);
        assert_eq!(nav("$inputs.unknown.x"), None);
    }

    #[test]
    fn templates_are_rewritten_expression_by_expression() {
        assert_eq!(
            navigation_in_template(
                "Bearer {$steps.login.token} for {$inputs.customer}",
                &["customer"],
                &outputs
            )
            .as_deref(),
            Some("Bearer {$steps.login.outputs.token} for {$inputs.customer}")
        );
        assert_eq!(
            navigation_in_template("{$inputs.customer}", &["customer"], &outputs),
            None
        );
    }

    #[test]
    fn double_quoted_literals_become_single_quoted() {
        assert_eq!(
            double_quoted_literals(r#"$response.body#/model == "humanoid""#).as_deref(),
            Some("$response.body#/model == 'humanoid'")
        );
        assert_eq!(
            double_quoted_literals(r#"$inputs.a == "it's" && $inputs.b != "say \"hi\"""#)
                .as_deref(),
            Some(r#"$inputs.a == 'it''s' && $inputs.b != 'say "hi"'"#)
        );
        // Double quotes inside a single-quoted literal are text.
        assert_eq!(double_quoted_literals(r#"$inputs.a == 'say "hi"'"#), None);
        assert_eq!(double_quoted_literals("$statusCode == 200"), None);
        assert_eq!(double_quoted_literals(r#"$inputs.a == "open"#), None);
    }

    #[test]
    fn an_operation_path_gets_its_wrapper() {
        let sources = ["petstore"];
        assert_eq!(
            operation_path("petstore#/paths/~1pets/get", &sources).as_deref(),
            Some("{$sourceDescriptions.petstore.url}#/paths/~1pets/get")
        );
        assert_eq!(
            operation_path(
                "$sourceDescriptions.petstore.url#/paths/~1pets/get",
                &sources
            )
            .as_deref(),
            Some("{$sourceDescriptions.petstore.url}#/paths/~1pets/get")
        );
        assert_eq!(operation_path("other#/paths/~1pets/get", &sources), None);
        assert_eq!(operation_path("petstore/paths", &sources), None);
    }
}
