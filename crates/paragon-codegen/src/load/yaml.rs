//! YAML (and therefore JSON) text to a [`serde_json::Value`] plus the line and column of every node.
//!
//! We drive `saphyr-parser`'s event stream ourselves instead of deserialising, because we need
//! three things a plain deserialiser throws away: the position of every node (keyed by JSON
//! Pointer), duplicate keys (an error the YAML spec requires and serde would silently resolve), and
//! YAML 1.2 core-schema scalar resolution that does not turn `yes` into `true`.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use serde_json::{Map, Number, Value};

use crate::diag::Pos;

/// A parsed document: its value and where each node came from.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The document as JSON.
    pub value: Value,
    /// JSON Pointer (RFC 6901, unescaped-safe form as produced by [`push_token`]) to the
    /// position of the node. For mapping entries whose value is a collection, the key's position.
    pub positions: super::positions::Positions,
}

/// A problem found while parsing; always located.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseProblem {
    /// Where it is.
    pub pos: Pos,
    /// What is wrong.
    pub message: String,
}

pub use crate::pointer::push_token;

enum Frame {
    Seq {
        items: Vec<Value>,
        anchor: usize,
        /// Pointer length to truncate back to when the sequence ends.
        base_len: usize,
    },
    Map {
        map: Map<String, Value>,
        anchor: usize,
        base_len: usize,
        /// The key waiting for its value, with the key's position.
        pending_key: Option<(String, Pos)>,
        /// Entries to merge from `<<` keys, applied at the end (explicit keys win).
        merges: Vec<Value>,
    },
}

struct Builder {
    stack: Vec<Frame>,
    pointer: String,
    positions: super::positions::Positions,
    /// Anchored values and how many nodes each holds.
    anchors: HashMap<usize, (Value, usize)>,
    problems: Vec<ParseProblem>,
    root: Option<Value>,
    documents: usize,
    /// Nodes that aliases may still add (a budget relative to the document's size).
    alias_budget: usize,
    /// Set on a problem that ends the parse (too deep, too many alias nodes).
    stop: bool,
}

/// Nesting deeper than this is refused with a located error, as in [`super::json`].
pub const MAX_DEPTH: usize = super::json::MAX_DEPTH;

/// Aliases may add at most this many nodes per byte of the document (plus a small allowance):
/// enough for any document that reuses parts of itself, far from an alias bomb's billions.
pub const ALIAS_NODES_PER_BYTE: usize = 10;

/// The nodes of `v`, counting up to `cap` (iteratively, so depth does not matter).
fn count_nodes(v: &Value, cap: usize) -> usize {
    let mut n = 0;
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        n += 1;
        if n > cap {
            return n;
        }
        match v {
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => stack.extend(map.values()),
            _ => {}
        }
    }
    n
}

fn pos_of(span: &Span) -> Pos {
    Pos {
        line: u32::try_from(span.start.line()).unwrap_or(u32::MAX),
        col: u32::try_from(span.start.col() + 1).unwrap_or(u32::MAX),
    }
}

/// Parses `text`. Problems (syntax errors, duplicate keys, several documents) are all returned;
/// on a syntax error the value is whatever was built up to that point.
pub fn parse(text: &str) -> (Parsed, Vec<ParseProblem>) {
    let mut b = Builder {
        stack: Vec::new(),
        pointer: String::new(),
        positions: super::positions::Positions::default(),
        anchors: HashMap::new(),
        problems: Vec::new(),
        root: None,
        documents: 0,
        alias_budget: 10_000 + ALIAS_NODES_PER_BYTE.saturating_mul(text.len()),
        stop: false,
    };
    let parser = Parser::new_from_str(text);
    for item in parser {
        if b.stop {
            break;
        }
        match item {
            Ok((event, span)) => b.event(event, &span),
            Err(e) => {
                let m = e.marker();
                b.problems.push(ParseProblem {
                    pos: Pos {
                        line: u32::try_from(m.line()).unwrap_or(u32::MAX),
                        col: u32::try_from(m.col() + 1).unwrap_or(u32::MAX),
                    },
                    message: format!("invalid YAML: {}", e.info()),
                });
                break;
            }
        }
    }
    let value = b.root.take().unwrap_or(Value::Null);
    (
        Parsed {
            value,
            positions: b.positions,
        },
        b.problems,
    )
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: &Span) {
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    self.problems.push(ParseProblem {
                        pos: pos_of(span),
                        message: "a second YAML document in one file; only one is allowed".into(),
                    });
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let tag = tag.map(|t| t.suffix.clone());
                let value = resolve_scalar(&text, style, tag.as_deref());
                self.value(value, anchor, span, false);
            }
            Event::Alias(id) => {
                let (value, nodes) = self.anchors.get(&id).cloned().unwrap_or((Value::Null, 1));
                if nodes > self.alias_budget {
                    self.problems.push(ParseProblem {
                        pos: pos_of(span),
                        message: format!(
                            "YAML aliases expand to more than {ALIAS_NODES_PER_BYTE} nodes per byte of the document; refused (an alias bomb?)"
                        ),
                    });
                    self.stop = true;
                    return;
                }
                self.alias_budget -= nodes;
                self.value(value, 0, span, false);
            }
            Event::SequenceStart(..) | Event::MappingStart(..) if self.stack.len() >= MAX_DEPTH => {
                self.problems.push(ParseProblem {
                    pos: pos_of(span),
                    message: format!("nesting deeper than {MAX_DEPTH} levels is not supported"),
                });
                self.stop = true;
            }
            Event::SequenceStart(anchor, _) => {
                let base_len = self.pointer.len();
                self.enter(span);
                self.stack.push(Frame::Seq {
                    items: Vec::new(),
                    anchor,
                    base_len,
                });
            }
            Event::MappingStart(anchor, _) => {
                let base_len = self.pointer.len();
                self.enter(span);
                self.stack.push(Frame::Map {
                    map: Map::new(),
                    anchor,
                    base_len,
                    pending_key: None,
                    merges: Vec::new(),
                });
            }
            Event::SequenceEnd => {
                if let Some(Frame::Seq {
                    items,
                    anchor,
                    base_len,
                }) = self.stack.pop()
                {
                    self.pointer.truncate(base_len);
                    // Closed collections keep exactly the room they need (as in `super::json`).
                    let mut items = items;
                    items.shrink_to_fit();
                    self.value(Value::Array(items), anchor, span, true);
                }
            }
            Event::MappingEnd => {
                if let Some(Frame::Map {
                    mut map,
                    anchor,
                    base_len,
                    merges,
                    ..
                }) = self.stack.pop()
                {
                    for merge in merges {
                        merge_into(&mut map, merge);
                    }
                    self.pointer.truncate(base_len);
                    let mut exact = Map::with_capacity(map.len());
                    exact.extend(map);
                    self.value(Value::Object(exact), anchor, span, true);
                }
            }
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
        }
    }

    /// Extends the pointer for a collection that starts at `span`, recording its position.
    fn enter(&mut self, span: &Span) {
        match self.stack.last_mut() {
            Some(Frame::Seq { items, .. }) => {
                let idx = items.len().to_string();
                push_token(&mut self.pointer, &idx);
                self.positions.insert_if_absent(&self.pointer, pos_of(span));
            }
            Some(Frame::Map {
                pending_key: Some((key, key_pos)),
                ..
            }) => {
                let (key, key_pos) = (key.clone(), *key_pos);
                push_token(&mut self.pointer, &key);
                self.positions.insert(&self.pointer, key_pos);
            }
            Some(Frame::Map { .. }) => {
                // A collection used as a mapping key: not representable in JSON.
                self.problems.push(ParseProblem {
                    pos: pos_of(span),
                    message: "a mapping or sequence used as a key; keys must be scalars".into(),
                });
                push_token(&mut self.pointer, "?");
            }
            None => {
                self.positions.insert("", pos_of(span));
            }
        }
    }

    /// Places a finished value (scalar, alias or closed collection) into its parent.
    fn value(&mut self, value: Value, anchor: usize, span: &Span, closed_collection: bool) {
        if anchor != 0 {
            let nodes = count_nodes(&value, self.alias_budget);
            self.anchors.insert(anchor, (value.clone(), nodes));
        }
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    if !closed_collection {
                        self.positions.insert("", pos_of(span));
                    }
                    self.root = Some(value);
                }
            }
            Some(Frame::Seq { items, .. }) => {
                if !closed_collection {
                    let len = self.pointer.len();
                    push_token(&mut self.pointer, &items.len().to_string());
                    self.positions.insert(&self.pointer, pos_of(span));
                    self.pointer.truncate(len);
                }
                items.push(value);
            }
            Some(Frame::Map {
                map,
                pending_key,
                merges,
                ..
            }) => match pending_key.take() {
                None => {
                    // This value is a key.
                    let key = match value {
                        Value::String(s) => s,
                        Value::Null => "null".to_owned(),
                        other => other.to_string(),
                    };
                    *pending_key = Some((key, pos_of(span)));
                }
                Some((key, key_pos)) => {
                    if !closed_collection {
                        let len = self.pointer.len();
                        push_token(&mut self.pointer, &key);
                        self.positions.insert(&self.pointer, pos_of(span));
                        self.pointer.truncate(len);
                    }
                    if key == "<<" {
                        merges.push(value);
                    } else if map.contains_key(&key) {
                        self.problems.push(ParseProblem {
                            pos: key_pos,
                            message: format!("duplicate key `{key}` in this mapping"),
                        });
                    } else {
                        map.insert(key, value);
                    }
                }
            },
        }
    }
}

/// Applies a YAML merge (`<<: *base` or `<<: [*a, *b]`): keys already present win.
fn merge_into(map: &mut Map<String, Value>, merge: Value) {
    match merge {
        Value::Object(src) => {
            for (k, v) in src {
                map.entry(k).or_insert(v);
            }
        }
        Value::Array(items) => {
            for item in items {
                merge_into(map, item);
            }
        }
        _ => {}
    }
}

/// YAML 1.2 core schema resolution of a scalar.
fn resolve_scalar(text: &str, style: ScalarStyle, tag: Option<&str>) -> Value {
    match tag {
        Some("str") => return Value::String(text.to_owned()),
        Some("null") => return Value::Null,
        Some("bool") | Some("int") | Some("float") => {
            if let Some(v) = resolve_plain(text) {
                return v;
            }
        }
        _ => {}
    }
    if style != ScalarStyle::Plain {
        return Value::String(text.to_owned());
    }
    resolve_plain(text).unwrap_or_else(|| Value::String(text.to_owned()))
}

fn resolve_plain(text: &str) -> Option<Value> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF"
        | ".nan" | ".NaN" | ".NAN" => return Some(Value::String(text.to_owned())),
        _ => {}
    }
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if !(first.is_ascii_digit() || first == b'-' || first == b'+' || first == b'.') {
        return None;
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return u64::from_str_radix(hex, 16).ok().map(Value::from);
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return u64::from_str_radix(oct, 8).ok().map(Value::from);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        let t = text.strip_prefix('+').unwrap_or(text);
        if let Ok(i) = t.parse::<i64>() {
            return Some(Value::from(i));
        }
        if let Ok(u) = t.parse::<u64>() {
            return Some(Value::from(u));
        }
        return t
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number);
    }
    if is_float(digits) {
        let t = text.strip_prefix('+').unwrap_or(text);
        return t
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number);
    }
    None
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` without the sign.
fn is_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let all_digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match frac {
        Some(f) => all_digits(int) && all_digits(f) && !(int.is_empty() && f.is_empty()),
        None => !int.is_empty() && all_digits(int),
    };
    let exponent_ok = match exponent {
        None => true,
        Some(e) => {
            let e = e.strip_prefix(['-', '+']).unwrap_or(e);
            !e.is_empty() && all_digits(e)
        }
    };
    mantissa_ok && exponent_ok && (frac.is_some() || exponent.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scalars_follow_the_core_schema() {
        let (p, problems) =
            parse("a: yes\nb: true\nc: 12\nd: -1.5e3\ne: '12'\nf: ~\ng: 0x1F\nh: 1.0.3\n200: ok\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            p.value,
            json!({"a": "yes", "b": true, "c": 12, "d": -1500.0, "e": "12", "f": null, "g": 31, "h": "1.0.3", "200": "ok"})
        );
    }

    #[test]
    fn positions_are_recorded_per_pointer() {
        let text = "paths:\n  /a/{b}:\n    get:\n      operationId: x\nlist:\n  - one\n  - k: v\n";
        let (p, problems) = parse(text);
        assert!(problems.is_empty());
        let at = |ptr: &str| p.positions.get(ptr).map(|p| (p.line, p.col));
        assert_eq!(at("/paths/~1a~1{b}/get/operationId"), Some((4, 20)));
        assert_eq!(at("/paths/~1a~1{b}"), Some((2, 3)));
        assert_eq!(at("/list/0"), Some((6, 5)));
        assert_eq!(at("/list/1/k"), Some((7, 8)));
    }

    #[test]
    fn duplicate_keys_are_reported_at_the_second_key() {
        let (_, problems) = parse("a: 1\nb:\n  c: 1\n  c: 2\n");
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].pos.line, problems[0].pos.col), (4, 3));
        assert!(problems[0].message.contains("duplicate key `c`"));
    }

    #[test]
    fn anchors_aliases_and_merges() {
        let (p, problems) = parse("base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\ncopy: *b\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(p.value["derived"], json!({"y": 3, "x": 1}));
        assert_eq!(p.value["copy"], json!({"x": 1, "y": 2}));
    }

    #[test]
    fn syntax_errors_are_located() {
        let (_, problems) = parse("a: [1, 2\nb: 3\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].pos.line >= 1);
        assert!(problems[0].message.starts_with("invalid YAML"));
    }

    /// A lone `\r` is a line break in YAML: positions after one count it, and the snippet of a
    /// diagnostic finds the same line (found by `cargo xtask fuzz load`).
    #[test]
    fn a_lone_carriage_return_is_a_line_break_everywhere() {
        let text = "a: 1\rb: [\rc: \u{1}\n";
        let (_, problems) = parse(text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].pos.line, 3, "{problems:?}");
        let offset = crate::diag::byte_offset(text, problems[0].pos);
        // On the third line, not past the end of the text.
        assert!(
            text[..offset].ends_with("b: [\r") || text[..offset].contains("\rc"),
            "{:?} {:?}",
            problems[0],
            &text[..offset]
        );
        assert!(offset < text.len());
        let (_, json_problems) = crate::load::json::parse("{\"a\": 1,\r\"b\": x}");
        assert_eq!(json_problems[0].pos.line, 2, "{json_problems:?}");
        let (_, json_problems) = crate::load::json::parse("{\"a\": 1,\r\n\"b\": x}");
        assert_eq!(json_problems[0].pos.line, 2, "{json_problems:?}");
    }

    #[test]
    fn an_alias_bomb_is_refused_with_its_position() {
        // Each level doubles: 2^40 nodes if expanded.
        let mut text = String::from("a0: &a0 [x, x]\n");
        for i in 1..40 {
            text.push_str(&format!("a{i}: &a{i} [*a{}, *a{}]\n", i - 1, i - 1));
        }
        let (_, problems) = parse(&text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.contains("alias bomb"),
            "{}",
            problems[0].message
        );
        assert!(problems[0].pos.line > 10);
        // Reuse at a normal scale is fine.
        let (p, problems) = parse("base: &b {x: 1}\nuses: [*b, *b, *b]\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(p.value["uses"][2]["x"], 1);
    }

    #[test]
    fn nesting_is_bounded() {
        let block = |levels: usize| {
            (0..levels)
                .map(|i| format!("{}a:\n", "  ".repeat(i)))
                .collect::<String>()
                + &format!("{}b: 1\n", "  ".repeat(levels))
        };
        let (_, problems) = parse(&block(MAX_DEPTH * 2));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.contains("nesting deeper"),
            "{}",
            problems[0].message
        );
        assert_eq!(problems[0].pos.line as usize, MAX_DEPTH + 1);
        let (_, problems) = parse(&block(MAX_DEPTH - 2));
        assert!(problems.is_empty(), "{problems:?}");
        // Flow collections meet the parser's own limit first: also a located error.
        let deep = format!(
            "{}1{}",
            "[".repeat(MAX_DEPTH * 10),
            "]".repeat(MAX_DEPTH * 10)
        );
        let (_, problems) = parse(&deep);
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn json_is_yaml() {
        let (p, problems) = parse("{\"a\": [1, {\"b\": null}], \"c\": \"d\"}");
        assert!(problems.is_empty());
        assert_eq!(p.value, json!({"a": [1, {"b": null}], "c": "d"}));
    }
}
