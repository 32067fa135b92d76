//! `paragon-codegen fix`: writes the standard form of every construct that a warning says was
//! read in another runner's spelling ([`Diagnostic::rewrite`]), in place, changing nothing
//! else in the file: each edit replaces one string value, in the quoting style it was written
//! in, and comments, order and formatting stay as they are.

use std::path::PathBuf;

use crate::diag::{Diagnostic, Diagnostics, Pos, byte_offset};

/// One string value rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Where the value starts.
    pub pos: Pos,
    /// As it was.
    pub from: String,
    /// As it is now.
    pub to: String,
}

/// What `fix` did to one file.
#[derive(Debug, Clone, Default)]
pub struct FileFix {
    /// The file.
    pub path: PathBuf,
    /// The values rewritten, in file order.
    pub changes: Vec<Change>,
    /// Rewrites not made, and why (the value at the position is not the one the warning read,
    /// or the file cannot be written).
    pub skipped: Vec<(Pos, String)>,
}

/// Checks each document (with everything it names) and rewrites, in every file of it, the
/// values that warnings give a standard form for. Returns what was done per file, and the
/// diagnostics of the check (for errors that no rewrite can mend).
pub fn fix_documents(
    paths: &[PathBuf],
    options: &crate::LoadOptions,
) -> (Vec<FileFix>, Diagnostics) {
    let mut all = Diagnostics::default();
    let mut by_file: Vec<(PathBuf, Vec<Diagnostic>)> = Vec::new();
    for path in paths {
        for d in crate::check_document_with(path, options) {
            if d.rewrite.is_some() && d.pos.is_some() {
                let file = crate::load::normalize(&d.file);
                match by_file.iter_mut().find(|(f, _)| *f == file) {
                    Some((_, ds)) if !ds.iter().any(|o| o.pos == d.pos) => ds.push(d.clone()),
                    Some(_) => {}
                    None => by_file.push((file, vec![d.clone()])),
                }
            }
            all.push(d);
        }
    }
    let mut out = Vec::new();
    for (path, diags) in by_file {
        let mut fix = FileFix {
            path: path.clone(),
            ..FileFix::default()
        };
        let text = match crate::load::read_bounded(&path, options.max_file_bytes) {
            Ok(t) => t,
            Err(e) => {
                fix.skipped
                    .push((Pos::default(), format!("cannot read it: {e}")));
                out.push(fix);
                continue;
            }
        };
        let edits: Vec<Change> = diags
            .iter()
            .filter_map(|d| {
                let r = d.rewrite.as_ref()?;
                Some(Change {
                    pos: d.pos?,
                    from: r.from.clone(),
                    to: r.to.clone(),
                })
            })
            .collect();
        let (new_text, changes, skipped) = apply(&text, &edits);
        fix.changes = changes;
        fix.skipped = skipped;
        if !fix.changes.is_empty()
            && let Err(e) = std::fs::write(&path, new_text)
        {
            fix.skipped
                .push((Pos::default(), format!("cannot write it: {e}")));
            fix.changes.clear();
        }
        out.push(fix);
    }
    (out, all)
}

/// Applies edits to a YAML or JSON text: each replaces the scalar that starts at its position,
/// when that scalar reads as its `from`. Returns the text, the edits made and those skipped.
pub fn apply(text: &str, edits: &[Change]) -> (String, Vec<Change>, Vec<(Pos, String)>) {
    let mut located: Vec<(usize, usize, String, &Change)> = Vec::new();
    let mut skipped = Vec::new();
    for e in edits {
        let start = byte_offset(text, e.pos);
        match scalar_at(text, start, &e.from) {
            Some((end, value, style)) if value == e.from => {
                located.push((start, end, style.write(&e.to), e));
            }
            Some((_, value, _)) => skipped.push((
                e.pos,
                format!("the value there is `{value}`, not `{}`", e.from),
            )),
            None => skipped.push((e.pos, "no string value starts there".to_owned())),
        }
    }
    located.sort_by_key(|(start, ..)| *start);
    let mut out = String::with_capacity(text.len());
    let mut changes = Vec::new();
    let mut at = 0;
    for (start, end, replacement, e) in located {
        if start < at {
            skipped.push((e.pos, "overlaps another rewrite".to_owned()));
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(&replacement);
        at = end;
        changes.push(e.clone());
    }
    out.push_str(&text[at..]);
    (out, changes, skipped)
}

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
}

impl Style {
    fn write(self, s: &str) -> String {
        match self {
            Style::Double => serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\"")),
            Style::Single => format!("'{}'", s.replace('\'', "''")),
            Style::Plain if plain_is_safe(s) => s.to_owned(),
            Style::Plain => Style::Single.write(s),
        }
    }
}

/// Whether `s` reads back as itself as a plain YAML scalar, in block or flow context.
fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !first.is_whitespace()
        && !s.ends_with(char::is_whitespace)
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains(['\n', '\r', '\t', ',', '[', ']', '{', '}'])
        && !s.ends_with(':')
}

/// The scalar starting at byte `start`: where it ends, its value and its style. Double-quoted
/// values are read with JSON's escapes (what both formats share); a double-quoted value with
/// YAML-only escapes is not found, so it is skipped, never mangled. A plain scalar is
/// `expected` when the text there is `expected` followed by what can end a plain scalar (the
/// characters a plain scalar may hold depend on the context, which the text before tells).
fn scalar_at(text: &str, start: usize, expected: &str) -> Option<(usize, String, Style)> {
    let rest = text.get(start..)?;
    if rest.starts_with('"') {
        let mut escaped = false;
        for (i, c) in rest.char_indices().skip(1) {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    let token = &rest[..=i];
                    let value: String = serde_json::from_str(token).ok()?;
                    return Some((start + i + 1, value, Style::Double));
                }
                '\n' | '\r' => return None,
                _ => {}
            }
        }
        return None;
    }
    if let Some(body) = rest.strip_prefix('\'') {
        let mut value = String::new();
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\'' if chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                    chars.next();
                    value.push('\'');
                }
                '\'' => return Some((start + 1 + i + 1, value, Style::Single)),
                '\n' | '\r' => return None,
                c => value.push(c),
            }
        }
        return None;
    }
    if let Some(after) = rest.strip_prefix(expected) {
        let next = after.trim_start_matches([' ', '\t']);
        let ends = next.is_empty()
            || next.starts_with(['\n', '\r', ',', '}', ']'])
            || (next.starts_with('#') && next.len() < after.len());
        if ends && !expected.is_empty() {
            return Some((start + expected.len(), expected.to_owned(), Style::Plain));
        }
    }
    // Something else: read up to a comment, a flow indicator or the end of the line, to say
    // what is there.
    let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let line = &rest[..line_end];
    let mut end = line.len();
    for (i, c) in line.char_indices() {
        let comment = c == '#' && line[..i].ends_with([' ', '\t']);
        if comment || c == ',' || c == ']' || c == '}' {
            end = i;
            break;
        }
    }
    let value = line[..end].trim_end();
    (!value.is_empty()).then(|| (start + value.len(), value.to_owned(), Style::Plain))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(line: u32, col: u32, from: &str, to: &str) -> Change {
        Change {
            pos: Pos { line, col },
            from: from.into(),
            to: to.into(),
        }
    }

    #[test]
    fn each_style_is_kept_and_the_rest_is_untouched() {
        let text = "a: $response.body.token # the token\nb: '$steps.x.y'\nc: {name: q, value: $steps.x.z}\nd: \"x.op\"\n";
        let (out, changes, skipped) = apply(
            text,
            &[
                change(1, 4, "$response.body.token", "$response.body#/token"),
                change(2, 4, "$steps.x.y", "$steps.x.outputs.y"),
                change(3, 21, "$steps.x.z", "$steps.x.outputs.z"),
                change(4, 4, "x.op", "$sourceDescriptions.x.op"),
            ],
        );
        assert_eq!(
            out,
            "a: $response.body#/token # the token\nb: '$steps.x.outputs.y'\nc: {name: q, value: $steps.x.outputs.z}\nd: \"$sourceDescriptions.x.op\"\n"
        );
        assert_eq!(changes.len(), 4);
        assert!(skipped.is_empty());
    }

    #[test]
    fn a_plain_value_that_would_read_differently_is_quoted() {
        let (out, ..) = apply(
            "operationPath: pets#/paths/~1a/get\n",
            &[change(
                1,
                16,
                "pets#/paths/~1a/get",
                "{$sourceDescriptions.pets.url}#/paths/~1a/get",
            )],
        );
        assert_eq!(
            out,
            "operationPath: '{$sourceDescriptions.pets.url}#/paths/~1a/get'\n"
        );
    }

    #[test]
    fn a_value_that_is_not_the_one_read_is_skipped() {
        let text = "a: other\nb: 'it''s'\n";
        let (out, changes, skipped) = apply(
            text,
            &[change(1, 4, "$x", "$y"), change(2, 4, "it's", "it is")],
        );
        assert_eq!(out, "a: other\nb: 'it is'\n");
        assert_eq!(changes.len(), 1);
        assert_eq!(skipped.len(), 1);
    }

    #[test]
    fn json_strings_stay_json() {
        let text = "{\"value\": \"$steps.a.b\", \"n\": 1}";
        let (out, ..) = apply(text, &[change(1, 11, "$steps.a.b", "$steps.a.outputs.b")]);
        assert_eq!(out, "{\"value\": \"$steps.a.outputs.b\", \"n\": 1}");
    }
}
