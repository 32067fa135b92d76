//! Support for [Arazzo] workflows compiled into Rust state machines.
//!
//! Generated code sends each step's request with [`StepResponse::send`],
//! evaluates the step's criteria with [`compare`], [`truthy`],
//! [`regex_matches`], [`jsonpath_exists`] and [`jsonpath_compare`], extracts
//! outputs with [`typed`], reports every transition with [`emit`] and fails
//! with a [`WorkflowError`].
//!
//! Runtime expressions read JSON values: anything missing (an absent member,
//! an index out of range, a header that was not sent, ...) reads as JSON
//! `null`, so conditions over it simply fail instead of erroring.
//!
//! [Arazzo]: https://spec.openapis.org/arazzo/latest.html

use std::cmp::Ordering;
use std::fmt;
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use reqwest::header::HeaderMap;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

pub use crate::durable::{
    Checkpoint, IDEMPOTENCY_KEY, InFlight, Resend, check_deadline, checkpoint, from_unix_millis,
    pending_wait, prepare_send, unix_millis, with_key_seed,
};
use crate::error::Error;
use crate::request::RequestBuilder;

/// What a step sent and what came back, captured for the runtime
/// expressions `$statusCode`, `$response.*`, `$request.*`, `$url` and
/// `$method`. Generated steps record only what their own expressions read:
/// `method` and `url` are empty and `request` is empty unless an expression
/// of the step uses `$method`, `$url` or `$request.*`.
#[derive(Debug, Clone)]
pub struct StepResponse {
    /// The HTTP method, e.g. `"GET"` (`$method`).
    pub method: String,
    /// The full URL as the generated code built it (`$url`).
    pub url: String,
    /// The HTTP status (`$statusCode`).
    pub status: u16,
    /// The response headers (`$response.header.*`).
    pub headers: HeaderMap,
    /// The raw response body.
    pub body: Bytes,
    /// What was sent (`$request.*`).
    pub request: RequestRecord,
    /// How many times the client sent the request again on its own before this response
    /// (`429`, `503`: the client's `RetryPolicy`); [`report_client_retries`] tells the observer.
    pub client_retries: u32,
    /// The body parsed as JSON, the first time an expression needs it; `null` when empty or
    /// not JSON. Typed outputs decode from `body` directly and never need it.
    json: std::sync::OnceLock<Value>,
}

/// The parameters and body a step sent, for `$request.*` expressions.
#[derive(Debug, Clone, Default)]
pub struct RequestRecord {
    /// Path parameters by name (`$request.path.name`).
    pub path: Map<String, Value>,
    /// Query parameters by name (`$request.query.name`).
    pub query: Map<String, Value>,
    /// Headers by name as given in the description; looked up
    /// case-insensitively (`$request.header.name`).
    pub header: Map<String, Value>,
    /// The JSON request body, if one was sent (`$request.body`).
    pub body: Option<Value>,
}

/// Parses a body as JSON; empty or invalid bodies give `null`.
fn parse_json(body: &[u8]) -> Value {
    if body.trim_ascii().is_empty() {
        return Value::Null;
    }
    serde_json::from_slice(body).unwrap_or(Value::Null)
}

/// Looks `name` up among `map`'s keys ignoring ASCII case; missing → `null`.
fn get_ignore_case(map: &Map<String, Value>, name: &str) -> Value {
    map.get(name)
        .or_else(|| {
            map.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v)
        })
        .cloned()
        .unwrap_or(Value::Null)
}

impl StepResponse {
    /// Sends `request` (already fully built, including auth via
    /// [`RequestBuilder::security`]) and reads the whole body.
    ///
    /// `method` and `url` are recorded as given, for `$method` and `$url`
    /// (the URL the server finally answered from is not used: it may carry
    /// API keys added as query parameters). Building and transport errors
    /// are returned as [`Error`]; any HTTP status is a success here.
    pub async fn send(
        request: RequestBuilder,
        method: &str,
        url: String,
        record: RequestRecord,
    ) -> Result<StepResponse, Error> {
        let raw = request.send().await?;
        let client_retries = raw.retries();
        let response = raw.bytes().await?;
        let mut step = StepResponse::new(
            method,
            url,
            response.status.as_u16(),
            response.headers,
            response.body,
            record,
        );
        step.client_retries = client_retries;
        Ok(step)
    }

    /// Builds a step response from parts already at hand (tests, replays);
    /// the body is parsed as JSON at most once, when first needed.
    pub fn new(
        method: &str,
        url: String,
        status: u16,
        headers: HeaderMap,
        body: Bytes,
        request: RequestRecord,
    ) -> StepResponse {
        StepResponse {
            method: method.to_owned(),
            url,
            status,
            headers,
            body,
            request,
            client_retries: 0,
            json: std::sync::OnceLock::new(),
        }
    }

    /// The result of a sub-workflow step, seen as a response: status 200 and the sub-workflow's
    /// outputs as the JSON body, so `$outputs.x` and criteria work as for operation steps.
    pub fn synthetic(outputs: Value) -> StepResponse {
        let body = serde_json::to_vec(&outputs).unwrap_or_default();
        StepResponse::new(
            "",
            String::new(),
            200,
            reqwest::header::HeaderMap::new(),
            Bytes::from(body),
            RequestRecord::default(),
        )
    }

    /// The body as JSON: `null` when the body is empty or not JSON.
    pub fn json(&self) -> &Value {
        self.json.get_or_init(|| parse_json(&self.body))
    }

    /// `$response.body` or `$response.body#/pointer` without a copy: `None` when the pointer
    /// reaches nothing. What typed step outputs decode from.
    pub fn body_ref(&self, pointer: Option<&str>) -> Option<&Value> {
        match pointer {
            None => Some(self.json()),
            Some(p) => pointer_ref(self.json(), p),
        }
    }

    /// `$response.body` (`pointer` is `None`) or `$response.body#/pointer`.
    ///
    /// `pointer` is an RFC 6901 JSON Pointer as written in the description,
    /// e.g. `"/data/0/id"` (`~1` and `~0` escapes are decoded, no
    /// percent-decoding is done). Missing → `null`.
    pub fn body_at(&self, pointer: Option<&str>) -> Value {
        self.body_ref(pointer).cloned().unwrap_or(Value::Null)
    }

    /// `$response.header.Name`: looked up case-insensitively, as a string.
    /// Repeated headers are joined with `", "`; missing → `null`. Bytes that
    /// are not UTF-8 are replaced with U+FFFD.
    pub fn header(&self, name: &str) -> Value {
        let mut values = self.headers.get_all(name).iter().peekable();
        if values.peek().is_none() {
            return Value::Null;
        }
        let joined = values
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .collect::<Vec<_>>()
            .join(", ");
        Value::String(joined)
    }

    /// `$request.header.name`, looked up case-insensitively; missing → `null`.
    pub fn request_header(&self, name: &str) -> Value {
        get_ignore_case(&self.request.header, name)
    }

    /// `$request.query.name`; missing → `null`.
    pub fn request_query(&self, name: &str) -> Value {
        self.request.query.get(name).cloned().unwrap_or(Value::Null)
    }

    /// `$request.path.name`; missing → `null`.
    pub fn request_path(&self, name: &str) -> Value {
        self.request.path.get(name).cloned().unwrap_or(Value::Null)
    }

    /// `$request.body` (`pointer` is `None`) or `$request.body#/pointer`;
    /// missing (or no body sent) → `null`.
    pub fn request_body_at(&self, pointer: Option<&str>) -> Value {
        match (&self.request.body, pointer) {
            (None, _) => Value::Null,
            (Some(body), None) => body.clone(),
            (Some(body), Some(p)) => self::pointer(body, p),
        }
    }

    /// The `Retry-After` header: delta-seconds (fractions allowed) or an
    /// HTTP date, relative to `now` (a date in the past gives zero).
    /// `None` when absent or unparsable.
    pub fn retry_after(&self, now: SystemTime) -> Option<Duration> {
        let value = self.headers.get(reqwest::header::RETRY_AFTER)?;
        let text = value.to_str().ok()?;
        crate::retry::parse_retry_after(text, now)
    }

    /// How long a `retry` action waits: the `Retry-After` header when there is one (it
    /// overrides the action's `retryAfter`, `fallback` here), never more than `max`, so a
    /// server cannot stall a workflow for a year.
    pub fn retry_wait(&self, now: SystemTime, fallback: Duration, max: Duration) -> Duration {
        self.retry_after(now).map_or(fallback, |w| w.min(max))
    }
}

/// One navigation step after a runtime expression in a simple condition,
/// e.g. `$response.body.items[0].id` navigates `Member("items")`,
/// `Index(0)`, `Member("id")`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav<'a> {
    /// `.name`: a member of an object.
    Member(&'a str),
    /// `[i]`: an element of an array (0-based).
    Index(usize),
}

/// Applies `nav` to `value`. A member of a non-object, an index into a
/// non-array, an absent member or an index out of range give `null`.
pub fn navigate(value: Value, nav: &[Nav<'_>]) -> Value {
    let mut current = value;
    for step in nav {
        let next = match (current, step) {
            (Value::Object(mut map), Nav::Member(name)) => map.remove(*name),
            (Value::Array(mut items), Nav::Index(i)) if *i < items.len() => {
                Some(items.swap_remove(*i))
            }
            _ => None,
        };
        match next {
            Some(v) => current = v,
            None => return Value::Null,
        }
    }
    current
}

/// Resolves an RFC 6901 JSON Pointer (`""` is the whole value, `~1` is `/`,
/// `~0` is `~`) in `value`; missing or malformed → `null`.
pub fn pointer(value: &Value, pointer: &str) -> Value {
    pointer_ref(value, pointer).cloned().unwrap_or(Value::Null)
}

/// An RFC 6901 array index: digits, no sign, no leading zero.
fn array_index(token: &str) -> Option<usize> {
    let valid = !token.is_empty()
        && token.bytes().all(|b| b.is_ascii_digit())
        && (token == "0" || !token.starts_with('0'));
    if valid { token.parse().ok() } else { None }
}

/// The node `pointer` reaches in `value`, read with the same token decoding as the byte-level
/// reads ([`pointer_tokens`]), so a tree and the bytes answer alike (`~2` reaches nothing).
fn pointer_ref<'v>(value: &'v Value, pointer: &str) -> Option<&'v Value> {
    let mut current = value;
    for token in pointer_tokens(Some(pointer))? {
        current = match current {
            Value::Object(map) => map.get(&token)?,
            Value::Array(items) => items.get(array_index(&token)?)?,
            _ => return None,
        };
    }
    Some(current)
}

/// A comparison operator of a simple condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// The operator as written in a condition.
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

impl fmt::Display for CmpOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses a string holding a JSON number (surrounding whitespace allowed).
fn numeric_string(s: &str) -> Option<Number> {
    let trimmed = s.trim();
    // Only the JSON number grammar: no "inf", "NaN", "+1", "0x10", ...
    let first = trimmed.bytes().next()?;
    if !(first == b'-' || first.is_ascii_digit()) {
        return None;
    }
    serde_json::from_str::<Number>(trimmed).ok()
}

/// Compares an integer with a finite float exactly.
fn cmp_int_float(i: i128, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    // Outside the range of i64/u64 (and infinities): decided by the sign.
    if f >= 18_446_744_073_709_551_616.0 {
        return Some(Ordering::Less);
    }
    if f < -9_223_372_036_854_775_808.0 {
        return Some(Ordering::Greater);
    }
    let floor = f.floor();
    // |floor| < 2^64, and an integral f64 in that range converts exactly.
    let whole = floor as i128;
    Some(match i.cmp(&whole) {
        Ordering::Equal if f > floor => Ordering::Less,
        other => other,
    })
}

fn as_int(n: &Number) -> Option<i128> {
    n.as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from))
}

/// Orders two JSON numbers by value (`1 == 1.0`), exactly for integers.
fn cmp_numbers(a: &Number, b: &Number) -> Option<Ordering> {
    match (as_int(a), as_int(b)) {
        (Some(x), Some(y)) => Some(x.cmp(&y)),
        (Some(x), None) => cmp_int_float(x, b.as_f64()?),
        (None, Some(y)) => cmp_int_float(y, a.as_f64()?).map(Ordering::reverse),
        (None, None) => a.as_f64()?.partial_cmp(&b.as_f64()?),
    }
}

/// Equality used for `==`/`!=`: numbers by value, strings ignoring case,
/// arrays and objects element by element with the same rules.
fn loose_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Number(x), Value::Number(y)) => cmp_numbers(x, y) == Some(Ordering::Equal),
        (Value::String(x), Value::String(y)) => {
            x == y
                || if x.is_ascii() && y.is_ascii() {
                    x.eq_ignore_ascii_case(y)
                } else {
                    x.to_lowercase() == y.to_lowercase()
                }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| loose_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| loose_eq(v, w)))
        }
        _ => false,
    }
}

/// The order of two values, where one exists: numbers by value, strings
/// lexicographically on their lowercase forms. Everything else is unordered.
fn order(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => cmp_numbers(x, y),
        (Value::String(x), Value::String(y)) => Some(x.to_lowercase().cmp(&y.to_lowercase())),
        _ => None,
    }
}

/// Compares two values with Arazzo simple-condition semantics.
///
/// * **Numbers** compare by value: `1 == 1.0`, `2 > 1.5` (integers exactly).
/// * **Strings**: `==`/`!=` ignore case (Unicode lowercase); `<`, `<=`, `>`,
///   `>=` compare the lowercase forms lexicographically (by code point).
/// * **Numeric strings vs numbers**: Arazzo 1.1.0 says numeric strings
///   SHOULD be coerced when compared with numbers, and header values are
///   always strings, so a string holding a JSON number (surrounding
///   whitespace allowed) compared with a number is compared as that number,
///   for every operator: `'200' == 200`, `'10' > 9`. Two strings are never
///   coerced (`'10' < '9'` lexicographically), and a non-numeric string vs
///   a number is a type mismatch.
/// * **Booleans**: only `==`/`!=`; every ordering is `false`.
/// * **`null`** only equals itself: `null == null` is `true`; `null` vs
///   anything else gives `==` false and `!=` true; orderings are `false`.
/// * **Different types**: `==` false, `!=` true, orderings `false`.
/// * **Arrays and objects**: `==`/`!=` by structural equality using the
///   rules above for their members (numbers by value, strings ignoring case,
///   object member order irrelevant); orderings are `false`.
///
/// `!=` is always the negation of `==`.
pub fn compare(left: &Value, op: CmpOp, right: &Value) -> bool {
    let coerced;
    let (left, right) = match (left, right) {
        (Value::String(s), Value::Number(_)) => match numeric_string(s) {
            Some(n) => {
                coerced = Value::Number(n);
                (&coerced, right)
            }
            None => (left, right),
        },
        (Value::Number(_), Value::String(s)) => match numeric_string(s) {
            Some(n) => {
                coerced = Value::Number(n);
                (left, &coerced)
            }
            None => (left, right),
        },
        _ => (left, right),
    };
    match op {
        CmpOp::Eq => loose_eq(left, right),
        CmpOp::Ne => !loose_eq(left, right),
        CmpOp::Lt => order(left, right) == Some(Ordering::Less),
        CmpOp::Le => matches!(order(left, right), Some(Ordering::Less | Ordering::Equal)),
        CmpOp::Gt => order(left, right) == Some(Ordering::Greater),
        CmpOp::Ge => matches!(
            order(left, right),
            Some(Ordering::Greater | Ordering::Equal)
        ),
    }
}

/// A lone operand in a simple condition (e.g. `$response.body.enabled` or
/// `!$inputs.dryRun`'s operand) passes only when it is JSON `true`; `null`,
/// `false`, numbers, strings (even `"true"`), arrays and objects fail.
pub fn truthy(value: &Value) -> bool {
    matches!(value, Value::Bool(true))
}

/// `type: regex`: whether `regex` matches somewhere in the context value
/// (unanchored, like [`regex::Regex::is_match`]; anchor with `^…$` in the
/// pattern). Strings are matched as they are, numbers and booleans in their
/// JSON text form (`$statusCode` matches `^2\d{2}$`); `null`, arrays and
/// objects fail.
pub fn regex_matches(regex: &regex::Regex, context: &Value) -> bool {
    match context {
        Value::String(s) => regex.is_match(s),
        Value::Number(n) => regex.is_match(&n.to_string()),
        Value::Bool(b) => regex.is_match(if *b { "true" } else { "false" }),
        Value::Null | Value::Array(_) | Value::Object(_) => false,
    }
}

/// `type: jsonpath`: passes when the RFC 9535 query selects at least one
/// node. A `null` context (e.g. a body that was empty or not JSON) fails, as
/// Arazzo requires.
pub fn jsonpath_exists(path: &serde_json_path::JsonPath, context: &Value) -> bool {
    if context.is_null() {
        return false;
    }
    !path.query(context).is_empty()
}

/// `type: jsonpath` comparison form, e.g. `$.status != 'SYNCING'` where
/// `path` is `$.status`: passes when the query selects at least one node and
/// every selected node satisfies [`compare`]`(node, op, literal)`.
///
/// An empty node list (the member is missing) fails for every operator,
/// `!=` included, and so does a `null` context.
pub fn jsonpath_compare(
    path: &serde_json_path::JsonPath,
    context: &Value,
    op: CmpOp,
    literal: &Value,
) -> bool {
    jsonpath_all(path, context, |node| compare(node, op, literal))
}

/// Whether `path` selects at least one node of a non-null `context` and `test` holds for
/// every one.
fn jsonpath_all(
    path: &serde_json_path::JsonPath,
    context: &Value,
    test: impl Fn(&Value) -> bool,
) -> bool {
    if context.is_null() {
        return false;
    }
    let nodes = path.query(context);
    !nodes.is_empty() && nodes.iter().all(|node| test(node))
}

/// `QUERY.length OP literal` in a `jsonpath` condition: true when the query selects at least
/// one node and the length of each compares true. The length of an array is its number of
/// items, of a string its number of characters; an object has none, so its member `length`
/// is compared instead (what the query without the suffix would select); anything else fails.
pub fn jsonpath_length_compare(
    path: &serde_json_path::JsonPath,
    context: &Value,
    op: CmpOp,
    literal: &Value,
) -> bool {
    jsonpath_all(path, context, |node| match node {
        Value::Array(items) => compare(&Value::from(items.len()), op, literal),
        Value::String(s) => compare(&Value::from(s.chars().count()), op, literal),
        Value::Object(members) => members
            .get("length")
            .is_some_and(|length| compare(length, op, literal)),
        _ => false,
    })
}

/// Decodes the output `output` of step `step` into its Rust type.
/// `null` (including a missing value) gives `Ok(None)`; a value of another
/// shape gives [`WorkflowError::Output`].
pub fn typed<T: DeserializeOwned>(
    step: &'static str,
    output: &'static str,
    value: Value,
) -> Result<Option<T>, WorkflowError> {
    if value.is_null() {
        return Ok(None);
    }
    serde_json::from_value(value)
        .map(Some)
        .map_err(|e| WorkflowError::Output {
            step,
            output,
            message: e.to_string(),
        })
}

/// Like [`typed`], but decodes from a borrowed value (a part of the response body) without
/// copying it first. A missing value or `null` is `None`.
pub fn typed_ref<T: DeserializeOwned>(
    step: &'static str,
    output: &'static str,
    value: Option<&Value>,
) -> Result<Option<T>, WorkflowError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(v) => T::deserialize(v)
            .map(Some)
            .map_err(|e| WorkflowError::Output {
                step,
                output,
                message: e.to_string(),
            }),
    }
}

/// A typed step output straight from the response body: `$response.body` (`pointer` is
/// `None`) or `$response.body#/pointer`, decoded into `T` in one pass over the bytes, skipping
/// everything off the pointer's path and building no JSON tree. Missing, `null`, an empty body
/// or a body that is not JSON give `None` (as `$response.body` is `null` then); a value of
/// another shape gives [`WorkflowError::Output`].
pub fn typed_at<T: DeserializeOwned>(
    step: &'static str,
    output: &'static str,
    response: &StepResponse,
    pointer: Option<&str>,
) -> Result<Option<T>, WorkflowError> {
    // Already parsed for an expression: decode from the tree.
    if response.json.get().is_some() {
        return typed_ref(step, output, response.body_ref(pointer));
    }
    if response.body.trim_ascii().is_empty() {
        return Ok(None);
    }
    let Some(tokens) = pointer_tokens(pointer) else {
        return Ok(None);
    };
    match decode_at::<T>(&response.body, &tokens, false) {
        Ok(v) => Ok(v),
        // Not JSON: `$response.body` is null, so is every pointer into it.
        Err(e) if e.is_syntax() || e.is_eof() => Ok(None),
        // A shape error (or a duplicate key, which a tree would have merged): decide on the
        // tree, so the answer never depends on whether an expression parsed it first.
        Err(_) => typed_ref(step, output, response.body_ref(pointer)),
    }
}

/// The reference tokens of a JSON Pointer (`None` or `""`: the whole document), unescaped;
/// `None` for a pointer that does not start with `/`.
fn pointer_tokens(pointer: Option<&str>) -> Option<Vec<String>> {
    match pointer {
        None | Some("") => Some(Vec::new()),
        Some(p) => p
            .strip_prefix('/')?
            .split('/')
            .map(|t| unescape_token(t).ok())
            .collect(),
    }
}

/// Skipping JSON the way a parse into a tree would check it.
///
/// `serde::de::IgnoredAny` lets serde_json skip a value without looking inside strings and
/// numbers, so a body the tree parser refuses (invalid UTF-8, a lone surrogate escape, a number
/// out of range, nesting past the recursion limit) would still answer a pointer into another
/// member. [`Checked`] visits every part, borrowing strings, allocating nothing, and fails
/// exactly where the tree parser does, so the byte paths and the tree agree on what is JSON.
mod skip {
    use std::fmt;

    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

    /// A JSON value read and thrown away.
    pub struct Checked;

    impl<'de> Deserialize<'de> for Checked {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(CheckedVisitor)
        }
    }

    struct CheckedVisitor;

    impl<'de> Visitor<'de> for CheckedVisitor {
        type Value = Checked;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Checked, E> {
            Ok(Checked)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Checked, E> {
            Ok(Checked)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Checked, E> {
            Ok(Checked)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Checked, E> {
            Ok(Checked)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Checked, E> {
            Ok(Checked)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Checked, E> {
            Ok(Checked)
        }
        fn visit_none<E: de::Error>(self) -> Result<Checked, E> {
            Ok(Checked)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Checked, D::Error> {
            Checked::deserialize(d)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Checked, A::Error> {
            while seq.next_element::<Checked>()?.is_some() {}
            Ok(Checked)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checked, A::Error> {
            while map.next_key::<Checked>()?.is_some() {
                map.next_value::<Checked>()?;
            }
            Ok(Checked)
        }
    }
}

/// Decoding a struct of a body's top-level members in one pass, skipping (and checking, as
/// the tree parser would) every other member: a derived `Deserialize` skips unknown members
/// with `IgnoredAny`, which does not look inside them.
mod members {
    use std::fmt;

    use serde::de::value::CowStrDeserializer;
    use serde::de::{DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};

    /// Presents a JSON object to a derived struct with only the members it names.
    pub struct Only<D>(pub D);

    impl<'de, D: Deserializer<'de>> Deserializer<'de> for Only<D> {
        type Error = D::Error;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.deserialize_any(visitor)
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, D::Error> {
            self.0.deserialize_map(Filter { fields, visitor })
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }

    struct Filter<V> {
        fields: &'static [&'static str],
        visitor: V,
    }

    impl<'de, V: Visitor<'de>> Visitor<'de> for Filter<V> {
        type Value = V::Value;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
            self.visitor.visit_map(Known {
                fields: self.fields,
                map,
            })
        }
    }

    struct Known<A> {
        fields: &'static [&'static str],
        map: A,
    }

    impl<'de, A: MapAccess<'de>> MapAccess<'de> for Known<A> {
        type Error = A::Error;

        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, A::Error> {
            while let Some(key) = self.map.next_key::<std::borrow::Cow<'de, str>>()? {
                if self.fields.contains(&key.as_ref()) {
                    let key: CowStrDeserializer<'de, A::Error> = key.into_deserializer();
                    return seed.deserialize(key).map(Some);
                }
                self.map.next_value::<super::skip::Checked>()?;
            }
            Ok(None)
        }

        fn next_value_seed<S: DeserializeSeed<'de>>(
            &mut self,
            seed: S,
        ) -> Result<S::Value, A::Error> {
            self.map.next_value_seed(seed)
        }
    }
}

/// Decodes the value at `tokens` in `body` in one pass, or `None` when nothing is there.
/// `keep_null`: a `null` found there is `Some` (a node that exists), not `None`.
fn decode_at<T: DeserializeOwned>(
    body: &[u8],
    tokens: &[String],
    keep_null: bool,
) -> Result<Option<T>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let seed = at_pointer::At::<T>::new(tokens, keep_null);
    serde::de::DeserializeSeed::deserialize(seed, &mut de).and_then(|v| de.end().map(|()| v))
}

/// The node at `pointer` in the response body, a `null` included; `None` when the body is not
/// JSON or nothing is there. Decoded from the bytes unless a tree was already parsed.
fn body_node<'a>(response: &'a StepResponse, pointer: &str) -> Option<std::borrow::Cow<'a, Value>> {
    if response.json.get().is_some() {
        return response
            .body_ref(Some(pointer))
            .map(std::borrow::Cow::Borrowed);
    }
    let tokens = pointer_tokens(Some(pointer))?;
    decode_at::<Value>(&response.body, &tokens, true)
        .ok()
        .flatten()
        .map(std::borrow::Cow::Owned)
}

/// `type: jsonpath` comparison for a query of member names only (`$.status != 'SYNCING'`
/// becomes the pointer `/status`): the same answer as [`jsonpath_compare`] on the parsed body,
/// without parsing it. Such a query selects at most one node; none fails.
pub fn body_compare(response: &StepResponse, pointer: &str, op: CmpOp, literal: &Value) -> bool {
    body_node(response, pointer).is_some_and(|v| compare(&v, op, literal))
}

/// `type: jsonpath` existence test for a query of member names only: whether the body has a
/// node (even `null`) at `pointer`; the same answer as [`jsonpath_exists`] on the parsed body.
pub fn body_exists(response: &StepResponse, pointer: &str) -> bool {
    body_node(response, pointer).is_some()
}

/// Several typed outputs of one step that are top-level members of the response body, decoded
/// into `B` (a struct of `Option` fields, one per member) in a single pass over the bytes.
/// `None` when that cannot give the same answer as decoding each output on its own with
/// [`typed_at`] (the body is not a JSON object, has a duplicate key, or a member has another
/// shape); the caller then does that.
pub fn decode_members<B: DeserializeOwned>(response: &StepResponse) -> Option<B> {
    if let Some(tree) = response.json.get() {
        return if tree.is_object() {
            B::deserialize(tree).ok()
        } else {
            None
        };
    }
    // A struct would also accept a JSON array, field by field.
    if response.body.trim_ascii_start().first() != Some(&b'{') {
        return None;
    }
    let mut de = serde_json::Deserializer::from_slice(&response.body);
    let decoded = <B as serde::Deserialize>::deserialize(members::Only(&mut de)).ok()?;
    de.end().ok()?;
    Some(decoded)
}

/// A `DeserializeSeed` that follows JSON Pointer tokens through maps and arrays, skipping the
/// rest, and decodes the value at the end.
mod at_pointer {
    use std::fmt;
    use std::marker::PhantomData;

    use serde::Deserialize;
    use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

    pub struct At<'p, T> {
        tokens: &'p [String],
        /// Whether a `null` at the end is `Some` (decoded as `T`) rather than `None`.
        keep_null: bool,
        _t: PhantomData<T>,
    }

    impl<'p, T> At<'p, T> {
        pub fn new(tokens: &'p [String], keep_null: bool) -> Self {
            Self {
                tokens,
                keep_null,
                _t: PhantomData,
            }
        }
    }

    impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for At<'_, T> {
        type Value = Option<T>;

        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
            match self.tokens.split_first() {
                None if self.keep_null => T::deserialize(d).map(Some),
                None => Option::<T>::deserialize(d),
                Some((head, rest)) => d.deserialize_any(Step::<T> {
                    head,
                    rest,
                    keep_null: self.keep_null,
                    _t: PhantomData,
                }),
            }
        }
    }

    struct Step<'p, T> {
        head: &'p str,
        rest: &'p [String],
        keep_null: bool,
        _t: PhantomData<T>,
    }

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Step<'_, T> {
        type Value = Option<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a JSON object or array holding `{}`", self.head)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<T>, A::Error> {
            // The last of duplicate keys wins, as in a parsed `serde_json::Value`.
            let mut found = None;
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                if key == self.head {
                    found = map.next_value_seed(At::<T>::new(self.rest, self.keep_null))?;
                } else {
                    map.next_value::<super::skip::Checked>()?;
                }
            }
            Ok(found)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<T>, A::Error> {
            let index = super::array_index(self.head);
            let mut found = None;
            let mut i = 0usize;
            loop {
                if Some(i) == index {
                    match seq.next_element_seed(At::<T>::new(self.rest, self.keep_null))? {
                        Some(v) => found = v,
                        None => break,
                    }
                } else if seq.next_element::<super::skip::Checked>()?.is_none() {
                    break;
                }
                i += 1;
            }
            Ok(found)
        }

        // A pointer into a scalar reaches nothing.
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
    }
}

/// Serializes a typed value (inputs, outputs) to JSON for expression
/// evaluation; a serialization failure gives `null`.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A required path parameter's value, checked before anything is sent: when it is absent
/// (null), the step fails with an error that names the parameter and the expression, instead
/// of sending an empty path segment.
pub fn require_path<T: Serialize + ?Sized>(
    workflow: &'static str,
    step: &'static str,
    parameter: &str,
    expression: &str,
    value: &T,
) -> Result<(), WorkflowError> {
    if to_value(value).is_null() {
        return Err(WorkflowError::Request {
            workflow,
            step,
            message: format!(
                "the required path parameter `{parameter}` has no value (`{expression}` is absent); nothing was sent"
            ),
        });
    }
    Ok(())
}

/// The bytes of a binary response body, kept whole: a step output of `$response.body` when the
/// operation answers with bytes (`format: binary`, `application/octet-stream`, images, ...).
/// In JSON (a saved [`State`](crate::arazzo), an expression that reads the output) it is the
/// base64 text of the bytes, so a saved state gives back the same bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Binary(#[serde(with = "crate::base64_bytes")] pub Vec<u8>);

impl std::ops::Deref for Binary {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Binary> for Vec<u8> {
    fn from(b: Binary) -> Self {
        b.0
    }
}

/// `$response.body` of a binary response: the bytes (`None` for an empty body).
pub fn binary_body(response: &StepResponse) -> Option<Binary> {
    (!response.body.is_empty()).then(|| Binary(response.body.to_vec()))
}

/// `$response.body` of a text response: the text (`None` for an empty body; bytes that are not
/// UTF-8 are replaced with U+FFFD).
pub fn text_body(response: &StepResponse) -> Option<String> {
    (!response.body.is_empty()).then(|| String::from_utf8_lossy(&response.body).into_owned())
}

/// Adds one member to a request body object being built: inserts
/// `(key, value)` unless `omit_if_null` is set and `value` is `null` (an
/// absent optional input is omitted rather than sent as `null`).
pub fn insert(map: &mut Map<String, Value>, key: &str, value: Value, omit_if_null: bool) {
    if omit_if_null && value.is_null() {
        return;
    }
    map.insert(key.to_owned(), value);
}

/// Decodes one RFC 6901 reference token (`~1` → `/`, `~0` → `~`; any other `~` is an error):
/// the one decoding of the runtime's pointer reads and replacement targets.
fn unescape_token(token: &str) -> Result<String, String> {
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => {
                    return Err(format!(
                        "invalid escape `~` in JSON Pointer token {token:?}"
                    ));
                }
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// Parses an array index token: digits without leading zeros.
fn parse_index(token: &str) -> Option<usize> {
    let valid = !token.is_empty()
        && token.bytes().all(|b| b.is_ascii_digit())
        && (token == "0" || !token.starts_with('0'));
    if valid { token.parse().ok() } else { None }
}

/// Applies a request body `replacements` entry: sets the value at the
/// JSON Pointer `target` in `body`.
///
/// * `""` replaces the whole body.
/// * In an object, the last token's member is set (added or overwritten).
/// * In an array, an index below the length replaces that element, an index
///   equal to the length or `-` appends.
///
/// Nothing else is created: a target whose parent does not exist (or is not
/// an object or array), an index past the end or a malformed pointer is an
/// error describing the problem.
pub fn replace(body: &mut Value, target: &str, value: Value) -> Result<(), String> {
    if target.is_empty() {
        *body = value;
        return Ok(());
    }
    let Some(rest) = target.strip_prefix('/') else {
        return Err(format!(
            "replacement target {target:?} is not a JSON Pointer (it must start with `/`)"
        ));
    };
    let tokens = rest
        .split('/')
        .map(unescape_token)
        .collect::<Result<Vec<_>, _>>()?;
    let Some((last, parents)) = tokens.split_last() else {
        return Err(format!("replacement target {target:?} is empty"));
    };
    let mut current = body;
    for token in parents {
        let next = match current {
            Value::Object(map) => map.get_mut(token.as_str()),
            Value::Array(items) => parse_index(token).and_then(|i| items.get_mut(i)),
            _ => None,
        };
        current = next.ok_or_else(|| {
            format!("replacement target {target:?}: `{token}` does not exist in the request body")
        })?;
    }
    match current {
        Value::Object(map) => {
            map.insert(last.clone(), value);
            Ok(())
        }
        Value::Array(items) => {
            let index = if last == "-" {
                items.len()
            } else {
                parse_index(last).ok_or_else(|| {
                    format!("replacement target {target:?}: `{last}` is not an array index")
                })?
            };
            match index.cmp(&items.len()) {
                Ordering::Less => {
                    if let Some(slot) = items.get_mut(index) {
                        *slot = value;
                    }
                    Ok(())
                }
                Ordering::Equal => {
                    items.push(value);
                    Ok(())
                }
                Ordering::Greater => Err(format!(
                    "replacement target {target:?}: index {index} is past the end of an array of {} elements",
                    items.len()
                )),
            }
        }
        _ => Err(format!(
            "replacement target {target:?}: its parent is neither an object nor an array"
        )),
    }
}

/// An `x-operation` URL with each `{name}` of `params` replaced by its value, already encoded
/// by the caller as a path segment; a `{name}` that no parameter fills is left as it is.
pub fn fill_url(url: &str, params: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(url.len());
    let mut rest = url;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let (_, value) = params.iter().find(|(n, _)| *n == &after[..close])?;
            Some((close, value))
        });
        match filled {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Renders a value for embedding in a string with `{$…}`: strings as they
/// are (no quotes), `null` as the empty string, everything else as JSON text
/// (`42`, `true`, `[1,2]`).
pub fn render(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// What happened in one transition of a workflow; delivered to the
/// observer and as a tracing event (target `paragon.workflow`) by [`emit`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// The workflow's `workflowId`.
    pub workflow: &'static str,
    /// The step's `stepId`.
    pub step: &'static str,
    /// HTTP status of the step's request; `None` for sub-workflow steps.
    pub status: Option<u16>,
    /// 1 for a step's first try, 2 for its first retry, ...
    pub attempt: u32,
    /// What the workflow does next.
    pub outcome: Outcome,
}

/// What a workflow does after a step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Outcome {
    /// The step succeeded; the workflow goes on with step `to` (the next
    /// one, or a success action's target).
    Next {
        /// The next step's `stepId`.
        to: &'static str,
    },
    /// A failure action of type `retry`: the step is retried after `wait`.
    Retry {
        /// How long the workflow waits before retrying.
        wait: Duration,
        /// The failure action's name.
        action: &'static str,
    },
    /// The workflow finished successfully.
    End,
    /// An action of type `goto` to step `to`.
    Goto {
        /// The target `stepId`.
        to: &'static str,
        /// The action's name.
        action: &'static str,
    },
    /// An action of type `goto` to workflow `to`.
    GotoWorkflow {
        /// The target `workflowId`.
        to: &'static str,
        /// The action's name.
        action: &'static str,
    },
    /// The step failed on `criterion` and the workflow fails.
    Failed {
        /// The criterion that did not hold, as written in the description.
        criterion: String,
    },
    /// Before the step's response, the client sent its request again on its own `retries`
    /// times (`429`, or `503` to an idempotent request, under its `RetryPolicy`): requests the
    /// server saw that the step's `attempt` does not count. `status` is the response's.
    ClientRetried {
        /// How many times the request was sent again.
        retries: u32,
    },
}

impl Outcome {
    /// A short name for the kind of outcome (`next`, `retry`, `end`, `goto`,
    /// `goto_workflow`, `failed`, `client_retried`).
    pub fn kind(&self) -> &'static str {
        match self {
            Outcome::Next { .. } => "next",
            Outcome::Retry { .. } => "retry",
            Outcome::End => "end",
            Outcome::Goto { .. } => "goto",
            Outcome::GotoWorkflow { .. } => "goto_workflow",
            Outcome::Failed { .. } => "failed",
            Outcome::ClientRetried { .. } => "client_retried",
        }
    }
}

/// Tells the observer when the client retried a step's request on its own before `response`
/// (an [`Outcome::ClientRetried`] event; nothing when it did not).
pub fn report_client_retries(
    observer: &mut Observer,
    workflow: &'static str,
    step: &'static str,
    attempt: u32,
    response: &StepResponse,
) {
    if response.client_retries > 0 {
        emit(
            observer,
            Event {
                workflow,
                step,
                status: Some(response.status),
                attempt,
                outcome: Outcome::ClientRetried {
                    retries: response.client_retries,
                },
            },
        );
    }
}

/// An optional observer of workflow transitions, as held by generated
/// workflows and passed to [`emit`].
pub type Observer = Option<Box<dyn FnMut(&Event) + Send>>;

/// Reports a transition: a `tracing` info event with target
/// `paragon.workflow` and fields `workflow`, `step`, `status`, `attempt`,
/// `outcome` (its [`Outcome::kind`]), `to`, `action`, `wait_ms` and
/// `criterion` (the last four when they apply), then the observer, if any.
pub fn emit(observer: &mut Observer, event: Event) {
    let (to, action, wait_ms, criterion) = match &event.outcome {
        Outcome::Next { to } => (Some(*to), None, None, None),
        Outcome::Retry { wait, action } => (
            None,
            Some(*action),
            Some(u64::try_from(wait.as_millis()).unwrap_or(u64::MAX)),
            None,
        ),
        Outcome::End | Outcome::ClientRetried { .. } => (None, None, None, None),
        Outcome::Goto { to, action } | Outcome::GotoWorkflow { to, action } => {
            (Some(*to), Some(*action), None, None)
        }
        Outcome::Failed { criterion } => (None, None, None, Some(criterion.as_str())),
    };
    tracing::info!(
        target: "paragon.workflow",
        workflow = event.workflow,
        step = event.step,
        status = event.status,
        attempt = event.attempt,
        outcome = event.outcome.kind(),
        to,
        action,
        wait_ms,
        criterion,
        "workflow transition"
    );
    if let Some(observer) = observer.as_mut() {
        observer(&event);
    }
}

/// The result of advancing a workflow by one transition.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress<O> {
    /// The workflow moved on; call `step()` again.
    Continue,
    /// A retry waits until this (wall-clock) time; `State::wait_until` holds it, so a workflow
    /// resumed from a saved state waits only what is left. Call `step()` again after it (an
    /// earlier call returns `Wait` again, having done nothing). `run()` sleeps on the client's
    /// clock.
    Wait {
        /// When the wait ends.
        until: SystemTime,
    },
    /// The workflow finished successfully with these outputs.
    Done(O),
}

/// Why a workflow failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum WorkflowError {
    /// The request of a step could not be built, sent or its response read.
    Transport {
        /// The workflow's `workflowId`.
        workflow: &'static str,
        /// The step's `stepId`.
        step: &'static str,
        /// Which try of the step it was (1 for the first).
        attempt: u32,
        /// The runtime error (a timeout is [`Error::Timeout`], a body over the cap
        /// [`Error::BodyTooLarge`]).
        source: Error,
    },
    /// A state was resumed while a step's request was in flight (the state was saved after the
    /// request was sent and before its response was read), and the request is not safe to send
    /// again (see [`Resend`]): the server may or may not have applied it. `State::in_flight`
    /// keeps the record; clear it and resume to send the request again, or move the state on.
    InDoubt {
        /// The workflow's `workflowId`.
        workflow: &'static str,
        /// The step's `stepId`.
        step: &'static str,
        /// Which try of the step was in flight.
        attempt: u32,
    },
    /// The workflow's deadline (`Workflow::with_deadline`) passed, or a retry would wait past
    /// it.
    DeadlineExceeded {
        /// The workflow's `workflowId`.
        workflow: &'static str,
        /// The step it was at.
        step: &'static str,
    },
    /// A step failed and no failure action handled it (or its retries were
    /// exhausted).
    StepFailed {
        /// The workflow's `workflowId`.
        workflow: &'static str,
        /// The step's `stepId`.
        step: &'static str,
        /// HTTP status of the last attempt; `None` for sub-workflow steps.
        status: Option<u16>,
        /// The criterion that did not hold, as written in the description
        /// (may be empty when no particular criterion is to blame).
        criterion: String,
        /// How many times the step was tried.
        attempts: u32,
        /// How many times the client sent the last attempt's request again on its own (`429`,
        /// `503`: the client's `RetryPolicy`) before the response the criterion failed on; 0
        /// for sub-workflow steps.
        client_retries: u32,
    },
    /// A failure action of type `end`: the workflow ends as failed.
    Ended {
        /// The workflow's `workflowId`.
        workflow: &'static str,
        /// The step's `stepId`.
        step: &'static str,
        /// The failure action's name.
        action: &'static str,
        /// HTTP status of the step's request; `None` for sub-workflow steps.
        status: Option<u16>,
    },
    /// More transitions than the bound: most likely a `goto` loop.
    TooManyTransitions {
        /// The workflow's `workflowId`.
        workflow: &'static str,
        /// The bound that was exceeded.
        limit: u32,
    },
    /// An output could not be decoded into its type.
    Output {
        /// The step's `stepId` (or the workflow's, for workflow outputs).
        step: &'static str,
        /// The output's name.
        output: &'static str,
        /// The decoder's message.
        message: String,
    },
    /// The inputs (or a sub-workflow's inputs) did not match the inputs
    /// schema.
    Inputs {
        /// The workflow's `workflowId`.
        workflow: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A step's request could not be prepared: a request body replacement
    /// target does not exist, an embedded expression could not be
    /// rendered, ...
    Request {
        /// The workflow's `workflowId`.
        workflow: &'static str,
        /// The step's `stepId`.
        step: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A sub-workflow called by a step failed.
    SubWorkflow {
        /// The calling workflow's `workflowId`.
        workflow: &'static str,
        /// The calling step's `stepId`.
        step: &'static str,
        /// The sub-workflow's error.
        source: Box<WorkflowError>,
    },
    /// `step()` was called after the workflow finished.
    Finished {
        /// The workflow's `workflowId`.
        workflow: &'static str,
    },
}

impl WorkflowError {
    /// The `workflowId` of the workflow that failed, where known.
    pub fn workflow(&self) -> Option<&'static str> {
        match self {
            WorkflowError::Transport { workflow, .. }
            | WorkflowError::InDoubt { workflow, .. }
            | WorkflowError::DeadlineExceeded { workflow, .. }
            | WorkflowError::StepFailed { workflow, .. }
            | WorkflowError::Ended { workflow, .. }
            | WorkflowError::TooManyTransitions { workflow, .. }
            | WorkflowError::Inputs { workflow, .. }
            | WorkflowError::Request { workflow, .. }
            | WorkflowError::SubWorkflow { workflow, .. }
            | WorkflowError::Finished { workflow } => Some(workflow),
            WorkflowError::Output { .. } => None,
        }
    }

    /// The `stepId` of the step that failed, where there is one.
    pub fn step(&self) -> Option<&'static str> {
        match self {
            WorkflowError::Transport { step, .. }
            | WorkflowError::InDoubt { step, .. }
            | WorkflowError::DeadlineExceeded { step, .. }
            | WorkflowError::StepFailed { step, .. }
            | WorkflowError::Ended { step, .. }
            | WorkflowError::Output { step, .. }
            | WorkflowError::Request { step, .. }
            | WorkflowError::SubWorkflow { step, .. } => Some(step),
            WorkflowError::TooManyTransitions { .. }
            | WorkflowError::Inputs { .. }
            | WorkflowError::Finished { .. } => None,
        }
    }
}

impl fmt::Display for WorkflowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkflowError::Transport {
                workflow,
                step,
                attempt,
                source,
            } => write!(
                f,
                "step `{step}` of workflow `{workflow}` (attempt {attempt}): request failed: {source}"
            ),
            WorkflowError::InDoubt {
                workflow,
                step,
                attempt,
            } => write!(
                f,
                "step `{step}` of workflow `{workflow}`: attempt {attempt} was in flight when the state was saved, and resending it is not safe (the server may have applied it); clear `State::in_flight` to send it again"
            ),
            WorkflowError::DeadlineExceeded { workflow, step } => write!(
                f,
                "workflow `{workflow}` passed its deadline at step `{step}`"
            ),
            WorkflowError::StepFailed {
                workflow,
                step,
                status,
                criterion,
                attempts,
                client_retries,
            } => {
                write!(f, "step `{step}` of workflow `{workflow}` failed")?;
                if let Some(status) = status {
                    write!(f, " with status {status}")?;
                }
                if !criterion.is_empty() {
                    write!(f, ": criterion `{criterion}` did not hold")?;
                }
                match (*attempts > 1, *client_retries) {
                    (false, 0) => {}
                    (true, 0) => write!(f, " (after {attempts} attempts)")?,
                    (false, r) => write!(f, " (the client sent the request {} times)", r + 1)?,
                    (true, r) => write!(
                        f,
                        " (after {attempts} attempts; the client sent the last one {} times)",
                        r + 1
                    )?,
                }
                Ok(())
            }
            WorkflowError::Ended {
                workflow,
                step,
                action,
                status,
            } => {
                write!(
                    f,
                    "workflow `{workflow}` ended as failed by failure action `{action}` of step `{step}`"
                )?;
                match status {
                    Some(status) => write!(f, " (status {status})"),
                    None => Ok(()),
                }
            }
            WorkflowError::TooManyTransitions { workflow, limit } => write!(
                f,
                "workflow `{workflow}` exceeded {limit} transitions (a goto loop?)"
            ),
            WorkflowError::Output {
                step,
                output,
                message,
            } => write!(
                f,
                "output `{output}` of step `{step}` has an unexpected type: {message}"
            ),
            WorkflowError::Inputs { workflow, message } => {
                write!(f, "invalid inputs for workflow `{workflow}`: {message}")
            }
            WorkflowError::Request {
                workflow,
                step,
                message,
            } => write!(
                f,
                "cannot build the request of step `{step}` of workflow `{workflow}`: {message}"
            ),
            WorkflowError::SubWorkflow {
                workflow,
                step,
                source,
            } => write!(
                f,
                "step `{step}` of workflow `{workflow}`: sub-workflow failed: {source}"
            ),
            WorkflowError::Finished { workflow } => write!(
                f,
                "workflow `{workflow}` has already finished; step() must not be called again"
            ),
        }
    }
}

impl std::error::Error for WorkflowError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WorkflowError::Transport { source, .. } => Some(source),
            WorkflowError::SubWorkflow { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}
