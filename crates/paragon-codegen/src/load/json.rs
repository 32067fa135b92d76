//! JSON text (RFC 8259) to a [`serde_json::Value`] plus the line and column of every node.
//!
//! JSON documents are not read through the YAML parser: YAML 1.2 is a superset of JSON in its
//! grammar but not in its escapes (a surrogate pair `\ud83d\udc4d` is two invalid characters to a
//! YAML parser), and an event parser built for indentation is slow on a minified document of
//! several megabytes on one line. This is a small recursive-descent parser with JSON's exact rules
//! that records positions with the same conventions as [`super::yaml`] (a scalar at its value, a
//! collection under a key at its key), so everything after loading is the same for both.
//!
//! Columns count characters, tracked incrementally, so a one-line document costs O(n).

use serde_json::{Map, Number, Value};

use super::yaml::{ParseProblem, Parsed, push_token};
use crate::diag::Pos;

/// Nesting deeper than this is refused with a located error (the parser recurses once per level).
pub const MAX_DEPTH: usize = 256;

/// Parses `text` as one JSON value. On an error the value is `null` and the one problem says
/// where and what; duplicate keys are reported (the first one is kept) and parsing goes on.
pub fn parse(text: &str) -> (Parsed, Vec<ParseProblem>) {
    let mut p = JsonParser::new(text, true);
    let value = p.document();
    match value {
        Ok(value) => (
            Parsed {
                value,
                positions: p.positions,
            },
            p.problems,
        ),
        Err(e) => {
            let mut problems = p.problems;
            problems.push(e);
            (
                Parsed {
                    value: Value::Null,
                    positions: p.positions,
                },
                problems,
            )
        }
    }
}

/// The value of a document that parses without a problem, without recording positions (half
/// the work on a large document). Positions are recorded only when a diagnostic needs one, by
/// [`parse`] over the same text; a document with a problem is parsed again by [`parse`] at once.
pub fn parse_unrecorded(text: &str) -> Option<Value> {
    let mut p = JsonParser::new(text, false);
    let value = p.document().ok()?;
    p.problems.is_empty().then_some(value)
}

impl<'t> JsonParser<'t> {
    fn new(text: &'t str, record: bool) -> Self {
        JsonParser {
            text,
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
            line_start: 0,
            col_at: 0,
            col_chars: 0,
            pointer: String::new(),
            positions: super::positions::Positions::default(),
            problems: Vec::new(),
            record,
            members: Vec::new(),
            items: Vec::new(),
        }
    }
}

struct JsonParser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    line: u32,
    /// Byte offset of the current line's start.
    line_start: usize,
    /// A byte offset on the current line whose character column is known…
    col_at: usize,
    /// …and that column (0-based), so columns are counted incrementally.
    col_chars: u32,
    pointer: String,
    positions: super::positions::Positions,
    problems: Vec<ParseProblem>,
    /// Whether to keep the pointer and position of every node.
    record: bool,
    /// The members of the objects being parsed, innermost last, and the items of the arrays:
    /// a collection is built at its end with exactly the room it needs (growing one as it is
    /// read leaves a third of it unused on average, which is most of a large document's
    /// memory).
    members: Vec<(String, Value, Pos)>,
    items: Vec<Value>,
}

type Result<T> = std::result::Result<T, ParseProblem>;

impl JsonParser<'_> {
    /// The position of the current byte.
    fn pos(&mut self) -> Pos {
        if self.col_at < self.line_start || self.col_at > self.at {
            self.col_at = self.line_start;
            self.col_chars = 0;
        }
        let counted = self.text[self.col_at..self.at].chars().count();
        self.col_chars = self
            .col_chars
            .saturating_add(u32::try_from(counted).unwrap_or(u32::MAX));
        self.col_at = self.at;
        Pos {
            line: self.line,
            col: self.col_chars.saturating_add(1),
        }
    }

    fn error(&mut self, message: impl Into<String>) -> ParseProblem {
        ParseProblem {
            pos: self.pos(),
            message: format!("invalid JSON: {}", message.into()),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b' ' | b'\t' => self.at += 1,
                // `\r\n` is one line break; a lone `\r` is one too, as in YAML and editors.
                b'\r' if self.bytes.get(self.at + 1) == Some(&b'\n') => self.at += 1,
                b'\n' | b'\r' => {
                    self.at += 1;
                    self.line = self.line.saturating_add(1);
                    self.line_start = self.at;
                    self.col_at = self.at;
                    self.col_chars = 0;
                }
                _ => break,
            }
        }
    }

    fn document(&mut self) -> Result<Value> {
        if self.text.starts_with('\u{feff}') {
            self.at = 3;
            self.line_start = 3;
            self.col_at = 3;
        }
        self.skip_ws();
        if self.record {
            let pos = self.pos();
            self.positions.insert("", pos);
        }
        let value = self.value(0)?;
        self.skip_ws();
        if self.at < self.bytes.len() {
            return Err(self.error("unexpected text after the document's value"));
        }
        Ok(value)
    }

    /// A value at the current position; its own position was recorded by the caller.
    fn value(&mut self, depth: usize) -> Result<Value> {
        match self.bytes.get(self.at) {
            None => Err(self.error("unexpected end of input, expected a value")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                let c = self.text[self.at..].chars().next().unwrap_or('?');
                Err(self.error(format!("unexpected `{c}`, expected a value")))
            }
        }
    }

    fn too_deep(&mut self, depth: usize) -> Result<()> {
        if depth > MAX_DEPTH {
            return Err(self.error(format!(
                "nesting deeper than {MAX_DEPTH} levels is not supported"
            )));
        }
        Ok(())
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error(format!("expected `{word}`")))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value> {
        self.too_deep(depth)?;
        self.at += 1; // `{`
        self.skip_ws();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Ok(Value::Object(Map::new()));
        }
        let first = self.members.len();
        let result = self.members(depth);
        let members = self.members.split_off(first);
        result?;
        let mut map = Map::with_capacity(members.len());
        for (key, value, key_pos) in members {
            match map.entry(key) {
                serde_json::map::Entry::Vacant(slot) => {
                    slot.insert(value);
                }
                serde_json::map::Entry::Occupied(slot) => {
                    self.problems.push(ParseProblem {
                        pos: key_pos,
                        message: format!("duplicate key `{}` in this object", slot.key()),
                    });
                }
            }
        }
        Ok(Value::Object(map))
    }

    /// The members of an object after its `{`, through its `}`, onto `self.members`.
    fn members(&mut self, depth: usize) -> Result<()> {
        loop {
            self.skip_ws();
            if self.bytes.get(self.at) != Some(&b'"') {
                return Err(self.error("expected a string key"));
            }
            let key_pos = if self.record {
                self.pos()
            } else {
                Pos::default()
            };
            let key = self.string()?;
            self.skip_ws();
            if self.bytes.get(self.at) != Some(&b':') {
                return Err(self.error("expected `:` after the key"));
            }
            self.at += 1;
            self.skip_ws();
            let base = self.pointer.len();
            if self.record {
                push_token(&mut self.pointer, &key);
                let pos = match self.bytes.get(self.at) {
                    Some(b'{' | b'[') => key_pos,
                    _ => self.pos(),
                };
                self.positions.insert(&self.pointer, pos);
            }
            let value = self.value(depth)?;
            self.pointer.truncate(base);
            self.members.push((key, value, key_pos));
            self.skip_ws();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value> {
        self.too_deep(depth)?;
        self.at += 1; // `[`
        self.skip_ws();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Ok(Value::Array(Vec::new()));
        }
        let first = self.items.len();
        let result = self.items(depth, first);
        let items = self.items.split_off(first);
        result?;
        Ok(Value::Array(items))
    }

    /// The items of an array after its `[`, through its `]`, onto `self.items` (from `first`).
    fn items(&mut self, depth: usize, first: usize) -> Result<()> {
        loop {
            self.skip_ws();
            let base = self.pointer.len();
            if self.record {
                use std::fmt::Write as _;
                let _ = write!(self.pointer, "/{}", self.items.len() - first);
                let pos = self.pos();
                self.positions.insert(&self.pointer, pos);
            }
            let value = self.value(depth)?;
            self.pointer.truncate(base);
            self.items.push(value);
            self.skip_ws();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    /// A string starting at `"`, with every JSON escape (surrogate pairs joined).
    fn string(&mut self) -> Result<String> {
        self.at += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(&self.text[start..self.at]);
            match self.bytes.get(self.at) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    return Err(self.error("a control character in a string must be escaped"));
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<()> {
        let Some(&b) = self.bytes.get(self.at) else {
            return Err(self.error("unterminated escape"));
        };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                match hi {
                    0xD800..=0xDBFF => {
                        if !self.bytes[self.at..].starts_with(b"\\u") {
                            return Err(self.error(
                                "a high surrogate must be followed by `\\u` and a low surrogate",
                            ));
                        }
                        self.at += 2;
                        let lo = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&lo) {
                            return Err(
                                self.error("a high surrogate must be followed by a low surrogate")
                            );
                        }
                        let code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        char::from_u32(code).ok_or_else(|| self.error("invalid code point"))?
                    }
                    0xDC00..=0xDFFF => {
                        return Err(
                            self.error("a low surrogate without a high surrogate before it")
                        );
                    }
                    _ => char::from_u32(hi).ok_or_else(|| self.error("invalid code point"))?,
                }
            }
            _ => {
                self.at -= 1;
                let c = self.text[self.at..].chars().next().unwrap_or('?');
                return Err(self.error(format!("`\\{c}` is not a JSON escape")));
            }
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self.bytes.get(self.at..self.at + 4);
        let parsed = digits
            .and_then(|d| std::str::from_utf8(d).ok())
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|d| u32::from_str_radix(d, 16).ok());
        match parsed {
            Some(v) => {
                self.at += 4;
                Ok(v)
            }
            None => Err(self.error("`\\u` must be followed by four hex digits")),
        }
    }

    fn number(&mut self) -> Result<Value> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let s = p.at;
            while p.bytes.get(p.at).is_some_and(u8::is_ascii_digit) {
                p.at += 1;
            }
            p.at - s
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        let int_start = self.at;
        let n = digits(self);
        if n == 0 {
            return Err(self.error("expected a digit"));
        }
        if n > 1 && self.bytes[int_start] == b'0' {
            self.at = int_start;
            return Err(self.error("a number must not have a leading zero"));
        }
        let mut integer = true;
        if self.bytes.get(self.at) == Some(&b'.') {
            integer = false;
            self.at += 1;
            if digits(self) == 0 {
                return Err(self.error("expected a digit after `.`"));
            }
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            integer = false;
            self.at += 1;
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        let text = &self.text[start..self.at];
        if integer {
            if let Ok(i) = text.parse::<i64>() {
                return Ok(Value::from(i));
            }
            if let Ok(u) = text.parse::<u64>() {
                return Ok(Value::from(u));
            }
        }
        match text.parse::<f64>().ok().and_then(Number::from_f64) {
            Some(n) => Ok(Value::Number(n)),
            None => {
                self.at = start;
                Err(self.error(format!("the number {text} is out of range")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ok(text: &str) -> Parsed {
        let (p, problems) = parse(text);
        assert!(problems.is_empty(), "{problems:?}");
        p
    }

    fn err(text: &str) -> ParseProblem {
        let (_, mut problems) = parse(text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems.remove(0)
    }

    #[test]
    fn every_escape_including_surrogate_pairs() {
        let p = ok(r#"{"a": "\ud83d\udc4d \/ \" \\ \b\f\n\r\t \u00e9"}"#);
        assert_eq!(p.value["a"], "👍 / \" \\ \u{8}\u{c}\n\r\t é");
    }

    #[test]
    fn numbers_as_serde_json_reads_them() {
        let p = ok("[0, -1, 12.5, 1e3, -0.5E-2, 18446744073709551615, 9223372036854775807]");
        assert_eq!(
            p.value,
            json!([
                0,
                -1,
                12.5,
                1000.0,
                -0.005,
                18446744073709551615u64,
                9223372036854775807i64
            ])
        );
        assert!(err("[1e400]").message.contains("out of range"));
        assert!(err("[01]").message.contains("leading zero"));
        assert!(err("[1.]").message.contains("after `.`"));
    }

    #[test]
    fn positions_follow_the_yaml_conventions() {
        let text = "{\n  \"paths\": {\n    \"/a\": {\"get\": {\"operationId\": \"x\"}}\n  },\n  \"list\": [\"one\", {\"k\": \"v\"}]\n}";
        let p = ok(text);
        let at = |ptr: &str| p.positions.get(ptr).map(|p| (p.line, p.col));
        assert_eq!(at(""), Some((1, 1)));
        assert_eq!(at("/paths"), Some((2, 3)));
        assert_eq!(at("/paths/~1a"), Some((3, 5)));
        assert_eq!(at("/paths/~1a/get/operationId"), Some((3, 35)));
        assert_eq!(at("/list/0"), Some((5, 12)));
        assert_eq!(at("/list/1"), Some((5, 19)));
        assert_eq!(at("/list/1/k"), Some((5, 25)));
    }

    #[test]
    fn columns_count_characters_on_one_long_line() {
        let mut text = String::from("{");
        for i in 0..20_000 {
            text.push_str(&format!("\"k{i}\":\"é\","));
        }
        text.push_str("\"last\":[1,2}");
        let e = err(&text);
        assert_eq!(e.pos.line, 1);
        // Each entry is 9 + digits characters; the error is at the `}` after `2`.
        let before: usize = (0..20_000)
            .map(|i| format!("\"k{i}\":\"é\",").chars().count())
            .sum();
        assert_eq!(e.pos.col as usize, 1 + before + "\"last\":[1,2".len() + 1);
        assert!(e.message.contains("`,` or `]`"), "{}", e.message);
    }

    #[test]
    fn bad_json_is_located() {
        assert_eq!(err("{\"a\": tru}").pos.col, 7);
        assert!(err(r#"["\ud83d"]"#).message.contains("surrogate"));
        assert!(err(r#"["\udc4d"]"#).message.contains("low surrogate"));
        assert!(err(r#"["\x"]"#).message.contains("not a JSON escape"));
        assert!(err("[\"a\u{1}\"]").message.contains("control character"));
        assert!(err("{\"a\": 1} x").message.contains("after the document"));
        assert!(err("{a: 1}").message.contains("string key"));
        let (_, problems) = parse("{\"a\": 1, \"a\": 2}");
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].pos.line, problems[0].pos.col), (1, 10));
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "[".repeat(MAX_DEPTH * 10);
        assert!(err(&deep).message.contains("nesting deeper"));
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        ok(&fine);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let p = ok("\u{feff}{\"a\": 1}");
        assert_eq!(p.value, json!({"a": 1}));
    }
}
