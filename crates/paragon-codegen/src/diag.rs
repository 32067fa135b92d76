//! Located diagnostics: every problem the generator finds names a file, a line and a column, and
//! all of them are collected before anything is reported (as serde_derive does with its `Ctxt`).

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
}

/// A string value of a document and the standard text to write in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    /// The value as the document has it.
    pub from: String,
    /// What it should be.
    pub to: String,
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Generation went ahead, degrading something (for example to `serde_json::Value`).
    Warning,
    /// The output would be wrong; nothing is written.
    Error,
}

/// One problem in one input file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file it is in.
    pub file: PathBuf,
    /// Where in the file, when known.
    pub pos: Option<Pos>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it, when we can say.
    pub help: Option<String>,
    /// What kind of warning it is, for counting and filtering (for example
    /// `dialect/navigation`: a spelling of another runner, read as its standard form; every
    /// dialect code starts with `dialect/`).
    pub code: Option<&'static str>,
    /// The standard text that the string value at `pos` should be replaced with (what
    /// `paragon-codegen fix` writes).
    pub rewrite: Option<Rewrite>,
    /// The file's text, for the snippet.
    pub(crate) source: Option<Arc<str>>,
}

impl Diagnostic {
    /// An error at `pos` in `file`.
    pub fn error(file: &Path, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.to_path_buf(),
            pos,
            message: message.into(),
            help: None,
            code: None,
            rewrite: None,
            source: None,
        }
    }

    /// A warning at `pos` in `file`.
    pub fn warning(file: &Path, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, pos, message)
        }
    }

    /// Adds a hint.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Names its kind.
    #[must_use]
    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    /// Says what the string value at its position should read instead.
    #[must_use]
    pub fn with_rewrite(mut self, from: impl Into<String>, to: impl Into<String>) -> Self {
        self.rewrite = Some(Rewrite {
            from: from.into(),
            to: to.into(),
        });
        self
    }

    pub(crate) fn with_source(mut self, source: Arc<str>) -> Self {
        self.source = Some(source);
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders with a source snippet: the `file:line:col: error: message` line, the line before,
    /// the offending line with the offending text underlined, the line after, and the help.
    /// On a line too long to show (a minified JSON document is one line of megabytes), the
    /// snippet is a window of the line around the column.
    pub fn render(&self) -> String {
        let mut out = self.headline();
        out.push('\n');
        let gutter = match (&self.source, self.pos) {
            (Some(text), Some(pos)) => snippet(&mut out, text, pos),
            _ => 1,
        };
        if let Some(help) = &self.help {
            out.push_str(&format!("{} = help: {help}\n", " ".repeat(gutter)));
        }
        out
    }

    /// `file:line:col: error: message`.
    fn headline(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.pos {
            Some(p) => format!(
                "{}:{}:{}: {kind}: {}",
                self.file.display(),
                p.line,
                p.col,
                self.message
            ),
            None => format!("{}: {kind}: {}", self.file.display(), self.message),
        }
    }
}

/// The lines of `text` around `pos` with the text at `pos` underlined, in the layout rustc
/// uses: line numbers in a gutter, `^` under the offending text, ` here` after it. Returns the
/// gutter's width.
fn snippet(out: &mut String, text: &str, pos: Pos) -> usize {
    let first = pos.line.saturating_sub(1).max(1);
    let last = pos.line.saturating_add(1);
    let shown: Vec<(u32, &str)> = numbered_lines(text, first, last);
    if !shown.iter().any(|&(n, _)| n == pos.line) {
        return 1;
    }
    let width = shown.last().map_or(1, |&(n, _)| n.to_string().len());
    let gutter = " ".repeat(width);
    out.push_str(&format!("{gutter} |\n"));
    for (n, line) in shown {
        if n != pos.line {
            out.push_str(&format!("{n:>width$} | {}\n", clip(line)));
            continue;
        }
        let (line, caret) = match long_line_window(text, pos) {
            Some((window, caret)) => (window, caret),
            None => (line.replace('\t', " "), pos.col.saturating_sub(1) as usize),
        };
        let rest = line.chars().count().saturating_sub(caret);
        let underline = rest.clamp(1, 80);
        out.push_str(&format!("{n:>width$} | {line}\n"));
        out.push_str(&format!(
            "{gutter} | {}{} here\n",
            " ".repeat(caret),
            "^".repeat(underline)
        ));
    }
    width
}

/// A context line as shown: tabs as spaces, and cut at [`LONG_LINE`] characters.
fn clip(line: &str) -> String {
    let mut shown: String = line
        .chars()
        .take(LONG_LINE)
        .collect::<String>()
        .replace('\t', " ");
    if line.chars().nth(LONG_LINE).is_some() {
        shown.push('…');
    }
    shown
}

/// Lines `first..=last` of `text` (1-based, breaks as YAML counts them), with their numbers.
fn numbered_lines(text: &str, first: u32, last: u32) -> Vec<(u32, &str)> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let (mut n, mut start, mut i) = (1u32, 0usize, 0usize);
    while i <= bytes.len() && n <= last {
        let at_end = i == bytes.len();
        let brk = !at_end && (bytes[i] == b'\n' || bytes[i] == b'\r');
        if at_end || brk {
            if n >= first && !(at_end && start == i && n > 1) {
                lines.push((n, &text[start..i]));
            }
            if at_end {
                break;
            }
            // `\r\n` is one break.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            n += 1;
            start = i + 1;
        }
        i += 1;
    }
    lines
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: error: message`, the form editors and CI annotate.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}", self.file.display())?;
        if let Some(p) = self.pos {
            write!(f, ":{}:{}", p.line, p.col)?;
        }
        write!(f, ": {kind}: {}", self.message)?;
        if let Some(h) = &self.help {
            write!(f, " (help: {h})")?;
        }
        Ok(())
    }
}

/// Lines longer than this (in characters) are shown as a window around the column.
const LONG_LINE: usize = 240;

/// For a position on a line longer than [`LONG_LINE`]: up to 60 characters before the column
/// and 100 after, with `…` where it was cut, and the caret's column in it.
fn long_line_window(text: &str, pos: Pos) -> Option<(String, usize)> {
    let start = byte_offset(
        text,
        Pos {
            line: pos.line,
            col: 1,
        },
    );
    let line = text.get(start..)?.split('\n').next()?;
    if line.len() <= LONG_LINE || line.chars().nth(LONG_LINE).is_none() {
        return None;
    }
    let col = pos.col.saturating_sub(1) as usize;
    let from = col.saturating_sub(60);
    let mut window: String = line.chars().skip(from).take(col - from + 100).collect();
    let mut caret = col - from;
    if from > 0 {
        window.insert(0, '…');
        caret += 1;
    }
    if line.chars().nth(col + 100).is_some() {
        window.push('…');
    }
    Some((window, caret))
}

/// Byte offset of a 1-based line and character column in `text`.
pub(crate) fn byte_offset(text: &str, pos: Pos) -> usize {
    let mut line = 1u32;
    let mut line_start = 0usize;
    if pos.line > 1 {
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            // Line breaks as YAML counts them: `\n`, `\r\n` and a lone `\r`.
            let brk = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if brk {
                line += 1;
                if line == pos.line {
                    line_start = i + 1;
                    break;
                }
            }
        }
        if line != pos.line {
            return text.len();
        }
    }
    let rest = &text[line_start..];
    let col = pos.col.saturating_sub(1) as usize;
    line_start + rest.char_indices().nth(col).map_or(rest.len(), |(i, _)| i)
}

/// Everything found in one run, errors and warnings, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records one.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// The last one recorded, to add to it.
    pub fn last_mut(&mut self) -> Option<&mut Diagnostic> {
        self.items.last_mut()
    }

    /// True when any is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// All of them.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// None at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.is_error())
    }

    /// Makes every warning an error (`--deny-warnings`): for users who want documents that
    /// need no reading in other runners' dialects and lose nothing to `serde_json::Value`.
    pub fn deny_warnings(&mut self) {
        for d in &mut self.items {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
                let note = "a warning, denied";
                d.help = Some(match d.help.take() {
                    Some(h) => format!("{h}; {note}"),
                    None => note.to_owned(),
                });
            }
        }
    }

    /// Renders every diagnostic with its snippet.
    pub fn render(&self) -> String {
        self.items.iter().map(Diagnostic::render).collect()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.items {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod long_line_tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_column() {
        let line = format!("{}X{}", "a".repeat(5_000), "b".repeat(5_000));
        let text = std::sync::Arc::<str>::from(format!("first\n{line}\nlast\n"));
        let d = Diagnostic::warning(
            Path::new("big.json"),
            Some(Pos {
                line: 2,
                col: 5_001,
            }),
            "odd",
        )
        .with_source(text);
        let out = d.render();
        assert!(out.starts_with("big.json:2:5001: warning: odd\n"), "{out}");
        assert!(out.len() < 500, "{}", out.len());
        let lines: Vec<&str> = out.lines().collect();
        let under = lines.iter().position(|l| l.contains('^')).unwrap();
        let caret = lines[under].chars().position(|c| c == '^').unwrap();
        assert_eq!(lines[under - 1].chars().nth(caret), Some('X'), "{out}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_count_characters() {
        let text = "ab\nçd: x\n";
        assert_eq!(byte_offset(text, Pos { line: 1, col: 1 }), 0);
        assert_eq!(byte_offset(text, Pos { line: 2, col: 2 }), 5);
        assert_eq!(byte_offset(text, Pos { line: 9, col: 1 }), text.len());
    }

    #[test]
    fn rendering_shows_location_and_snippet() {
        let text: Arc<str> = Arc::from("a: 1\nb: [oops\n");
        let d = Diagnostic::error(Path::new("spec.yml"), Some(Pos { line: 2, col: 4 }), "bad")
            .with_help("fix it")
            .with_source(text);
        assert_eq!(d.to_string(), "spec.yml:2:4: error: bad (help: fix it)");
        assert_eq!(
            d.render(),
            "spec.yml:2:4: error: bad\n  |\n1 | a: 1\n2 | b: [oops\n  |    ^^^^^ here\n  = help: fix it\n"
        );
        // Without a source: the headline and the help.
        let bare = Diagnostic::error(Path::new("x.yml"), None, "gone").with_help("look");
        assert_eq!(bare.render(), "x.yml: error: gone\n  = help: look\n");
    }

    #[test]
    fn lines_are_counted_as_yaml_counts_them() {
        let text = "one\r\ntwo\rthree\nfour\n";
        assert_eq!(numbered_lines(text, 2, 3), [(2, "two"), (3, "three")]);
        assert_eq!(numbered_lines(text, 4, 9), [(4, "four")]);
        assert_eq!(numbered_lines("", 1, 2), [(1, "")]);
        // The line after the last one shown, at the end of a file without a final newline.
        let d = Diagnostic::error(Path::new("f"), Some(Pos { line: 2, col: 1 }), "m")
            .with_source(Arc::from("a\nb"));
        assert_eq!(
            d.render(),
            "f:2:1: error: m\n  |\n1 | a\n2 | b\n  | ^ here\n"
        );
    }
}
