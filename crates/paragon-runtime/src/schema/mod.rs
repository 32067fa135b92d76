//! JSON Schema (2020-12) checks for generated types.
//!
//! A type generated from a JSON Schema document (and, when asked for, from an OpenAPI schema)
//! checks every value it decodes against the schema it was made from: the generated module
//! holds the schema as text in an [`Embedded`], its `Deserialize` impls call [`decode`], and a
//! value that breaks a rule is refused with an [`Invalid`] naming the JSON Pointer of the
//! offending value and the keyword it breaks.
//!
//! The code generator prepares the embedded text: every `$ref` (by relative URI, `$id` or
//! `$anchor`, to another file) is rewritten to a pointer into that one document, and every
//! `pattern` is already in the syntax of the [`regex`] crate. What is checked
//! here is therefore one self-contained document.
//!
//! ```
//! use paragon_runtime::schema::Embedded;
//! static SCHEMA: Embedded = Embedded::new(r#"{"properties": {"n": {"type": "integer", "minimum": 1}}}"#);
//! let err = SCHEMA.check("", &paragon_runtime::serde_json::json!({"n": 0})).unwrap_err();
//! assert_eq!(err.violations()[0].pointer, "/n");
//! assert_eq!(err.violations()[0].keyword, "minimum");
//! ```

mod json;
mod validate;

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;
use serde::de::{Deserialize, Deserializer, Error as _};
use serde_json::Value;

/// How deep one check may go through subschemas and references before it gives up (a
/// reference loop that consumes nothing, `{"$ref": "#"}`, ends here, as an invalid value).
pub const MAX_CHECK_DEPTH: usize = 200;

/// Most violations one check reports; past this it says how many more there were.
pub const MAX_REPORTED: usize = 16;

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON Pointer of the value that breaks the rule (`""` is the whole value).
    pub pointer: String,
    /// The schema keyword it breaks (`type`, `minLength`, `required`, …).
    pub keyword: &'static str,
    /// What is wrong, in words.
    pub message: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.pointer.is_empty() {
            "the value"
        } else {
            &self.pointer
        };
        write!(f, "{at}: {} (`{}`)", self.message, self.keyword)
    }
}

/// A value the schema refuses: every rule it breaks (the first [`MAX_REPORTED`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    violations: Vec<Violation>,
    more: usize,
}

impl Invalid {
    /// The broken rules, in the order they were found.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    fn one(keyword: &'static str, message: impl Into<String>) -> Self {
        Invalid {
            violations: vec![Violation {
                pointer: String::new(),
                keyword,
                message: message.into(),
            }],
            more: 0,
        }
    }
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        if self.more > 0 {
            write!(f, "; and {} more", self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for Invalid {}

/// A schema ready to check values: the document and its patterns, compiled once.
#[derive(Debug)]
pub struct Schema {
    doc: Value,
    patterns: HashMap<String, Regex>,
    /// Whether any `unevaluated*` keyword is present (only then are annotations tracked).
    annotations: bool,
}

impl Schema {
    /// A schema from its document. Every `$ref` must be a pointer into this document
    /// (`#/…`, percent-encoded); patterns that do not compile are not checked (the code
    /// generator has warned about them).
    pub fn new(doc: Value) -> Self {
        let mut patterns = HashMap::new();
        let mut annotations = false;
        let mut stack = vec![(&doc, 0usize)];
        while let Some((v, depth)) = stack.pop() {
            match v {
                Value::Object(map) => {
                    for (k, child) in map {
                        match (k.as_str(), child) {
                            ("pattern", Value::String(p)) => compile_into(&mut patterns, p),
                            ("patternProperties", Value::Object(pp)) => {
                                for p in pp.keys() {
                                    compile_into(&mut patterns, p);
                                }
                            }
                            ("unevaluatedProperties" | "unevaluatedItems", _) => {
                                annotations = true;
                            }
                            _ => {}
                        }
                        if depth < 512 {
                            stack.push((child, depth + 1));
                        }
                    }
                }
                Value::Array(items) if depth < 512 => {
                    stack.extend(items.iter().map(|i| (i, depth + 1)));
                }
                _ => {}
            }
        }
        Schema {
            doc,
            patterns,
            annotations,
        }
    }

    /// Checks `value` against the subschema at `at` (a JSON Pointer into the document).
    pub fn check(&self, at: &str, value: &Value) -> Result<(), Invalid> {
        let Some(schema) = self.doc.pointer(at) else {
            return Err(Invalid::one(
                "$ref",
                format!("the schema has nothing at `{at}`"),
            ));
        };
        let (violations, more) = validate::check(self, schema, value, MAX_REPORTED);
        if violations.is_empty() {
            Ok(())
        } else {
            Err(Invalid { violations, more })
        }
    }

    /// Whether `value` passes, without collecting what is wrong.
    pub fn is_valid(&self, at: &str, value: &Value) -> bool {
        self.doc
            .pointer(at)
            .is_some_and(|schema| validate::is_valid(self, schema, value))
    }
}

fn compile_into(patterns: &mut HashMap<String, Regex>, pattern: &str) {
    if !patterns.contains_key(pattern)
        && let Ok(re) = regex::RegexBuilder::new(pattern)
            .size_limit(1 << 20)
            .build()
    {
        patterns.insert(pattern.to_owned(), re);
    }
}

/// A schema held as text in a `static`, compiled at its first use.
#[derive(Debug)]
pub struct Embedded {
    text: &'static str,
    compiled: OnceLock<Option<Schema>>,
}

impl Embedded {
    /// The schema document as JSON text.
    pub const fn new(text: &'static str) -> Self {
        Embedded {
            text,
            compiled: OnceLock::new(),
        }
    }

    /// The compiled schema; `None` only if the text is not JSON (a generator bug, reported as
    /// an [`Invalid`] by the checks rather than as a panic).
    pub fn schema(&self) -> Option<&Schema> {
        self.compiled
            .get_or_init(|| serde_json::from_str(self.text).ok().map(Schema::new))
            .as_ref()
    }

    /// [`Schema::check`] on the embedded schema.
    pub fn check(&self, at: &str, value: &Value) -> Result<(), Invalid> {
        match self.schema() {
            Some(s) => s.check(at, value),
            None => Err(Invalid::one(
                "$schema",
                "internal: the embedded schema is not JSON",
            )),
        }
    }

    /// Checks any serialisable value (a newtype's content, a struct built in code) against the
    /// subschema at `at`.
    pub fn check_serialized<T: serde::Serialize + ?Sized>(
        &self,
        at: &str,
        value: &T,
    ) -> Result<(), Invalid> {
        let value = serde_json::to_value(value)
            .map_err(|e| Invalid::one("type", format!("cannot be written as JSON: {e}")))?;
        self.check(at, &value)
    }
}

thread_local! {
    /// Set while a checked value is turned into its type: the types it contains were checked
    /// with it and decode without checking again.
    static CHECKED: Cell<bool> = const { Cell::new(false) };
}

/// Resets [`CHECKED`] when the decode that set it ends, however it ends.
struct CheckedScope(bool);

impl CheckedScope {
    fn enter() -> Self {
        CheckedScope(CHECKED.with(|c| c.replace(true)))
    }
}

impl Drop for CheckedScope {
    fn drop(&mut self) {
        let before = self.0;
        CHECKED.with(|c| c.set(before));
    }
}

/// What a generated type's `Deserialize` calls: reads the value, checks it against the
/// subschema at `at`, then builds the type with `checked`. Inside a value that was checked
/// as a whole, `direct` builds it without a second check.
pub fn decode<'de, D, T>(
    deserializer: D,
    schema: &'static Embedded,
    at: &str,
    direct: impl FnOnce(D) -> Result<T, D::Error>,
    checked: impl FnOnce(Value) -> Result<T, serde_json::Error>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    if CHECKED.with(Cell::get) {
        return direct(deserializer);
    }
    let mut value = Value::deserialize(deserializer)?;
    schema.check(at, &value).map_err(D::Error::custom)?;
    json::integral_floats(&mut value);
    let _scope = CheckedScope::enter();
    checked(value).map_err(D::Error::custom)
}

#[cfg(test)]
mod tests;
