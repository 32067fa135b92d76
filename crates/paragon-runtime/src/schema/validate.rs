//! The 2020-12 applicator, validation and unevaluated vocabularies over one value.
//!
//! `format` is an annotation here, as 2020-12 says by default (the generated types check the
//! formats they have a Rust type for, such as `date-time`). The generator resolved every
//! `$dynamicRef` statically; one whose target has the `$dynamicAnchor` it names also carries
//! the name, and is resolved here in the dynamic scope: the outermost resource entered that
//! lists an anchor of that name.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::json;
use super::{MAX_CHECK_DEPTH, Schema, Violation};

/// Beside a `$dynamicRef` the generator resolved in the dynamic scope: the anchor's name.
const DYNAMIC_NAME: &str = "$paragonDynamicAnchor";
/// In a resource's root: its dynamic anchors, name → `#/pointer`.
const DYNAMIC_SCOPE: &str = "$paragonDynamicScope";

/// A step from a value to one inside it.
#[derive(Clone, Copy)]
enum Seg<'i> {
    Key(&'i str),
    Index(usize),
}

/// What the keywords that passed have looked at, for `unevaluated*` (tracked only when the
/// schema has one of those).
#[derive(Default)]
struct Seen<'i> {
    props: HashSet<&'i str>,
    all_props: bool,
    /// Items `0..items` were evaluated.
    items: usize,
    all_items: bool,
    contained: HashSet<usize>,
}

impl<'i> Seen<'i> {
    fn merge(&mut self, other: Seen<'i>) {
        self.props.extend(other.props);
        self.all_props |= other.all_props;
        self.items = self.items.max(other.items);
        self.all_items |= other.all_items;
        self.contained.extend(other.contained);
    }
}

struct Run<'s, 'i> {
    schema: &'s Schema,
    /// The resources entered, outermost first, that have dynamic anchors (the generator lists
    /// them in each resource's root as `$paragonDynamicScope`).
    scope: Vec<&'s Map<String, Value>>,
    path: Vec<Seg<'i>>,
    found: Vec<Violation>,
    limit: usize,
    more: usize,
    depth: usize,
}

/// Every violation (the first `limit`, and how many more).
pub(super) fn check(
    schema: &Schema,
    at: &Value,
    value: &Value,
    limit: usize,
) -> (Vec<Violation>, usize) {
    let mut run = Run::new(schema, limit);
    if run.eval(at, value, true).is_err() && run.found.is_empty() && run.more == 0 {
        run.found.push(Violation {
            pointer: String::new(),
            keyword: "$schema",
            message: "does not match the schema".into(),
        });
    }
    (run.found, run.more)
}

/// Whether the value passes; stops at the first violation.
pub(super) fn is_valid(schema: &Schema, at: &Value, value: &Value) -> bool {
    Run::new(schema, 0).eval(at, value, false).is_ok()
}

/// A value as a message quotes it: its JSON, cut at 60 characters.
fn short(v: &Value) -> String {
    let text = v.to_string();
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// A count keyword's value (`minLength: 2`, and `2.0` as 2020-12 allows).
fn count_of(v: Option<&Value>) -> Option<u64> {
    let n = v?.as_number()?;
    n.as_u64().or_else(|| {
        n.as_f64()
            .filter(|f| *f >= 0.0 && f.fract() == 0.0)
            .map(|f| f as u64)
    })
}

fn type_matches(name: &str, v: &Value) -> bool {
    match (name, v) {
        ("null", Value::Null)
        | ("boolean", Value::Bool(_))
        | ("string", Value::String(_))
        | ("array", Value::Array(_))
        | ("object", Value::Object(_))
        | ("number", Value::Number(_)) => true,
        ("integer", Value::Number(n)) => json::is_integer(n),
        _ => false,
    }
}

/// One keyword's outcome so far.
struct Frame<'i> {
    ok: bool,
    seen: Seen<'i>,
    collect: bool,
}

/// A broken rule: recorded when collecting, else the answer is already known.
macro_rules! fail {
    ($run:expr, $f:expr, $kw:expr, $msg:expr) => {{
        $f.ok = false;
        if !$f.collect {
            return Err(());
        }
        let message: String = $msg;
        $run.report($kw, message);
    }};
}

/// A subschema's outcome: its annotations if it passed.
macro_rules! passed {
    ($f:expr, $result:expr) => {
        match $result {
            Ok(s) => Some(s),
            Err(()) => {
                $f.ok = false;
                if !$f.collect {
                    return Err(());
                }
                None
            }
        }
    };
}

impl<'s, 'i> Run<'s, 'i> {
    fn new(schema: &'s Schema, limit: usize) -> Self {
        Run {
            schema,
            scope: Vec::new(),
            path: Vec::new(),
            found: Vec::new(),
            limit,
            more: 0,
            depth: 0,
        }
    }

    fn pointer(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Seg::Key(k) => json::push_token(&mut out, k),
                Seg::Index(i) => {
                    out.push('/');
                    out.push_str(&i.to_string());
                }
            }
        }
        out
    }

    fn report(&mut self, keyword: &'static str, message: String) {
        if self.found.len() < self.limit {
            let pointer = self.pointer();
            self.found.push(Violation {
                pointer,
                keyword,
                message,
            });
        } else {
            self.more += 1;
        }
    }

    /// What a `$dynamicRef` to the anchor `name` resolves to: the outermost resource in the
    /// dynamic scope that has it.
    fn dynamic(&self, name: &str) -> Option<&'s Value> {
        self.scope.iter().find_map(|resource| {
            let r = resource.get(DYNAMIC_SCOPE)?.get(name)?.as_str()?;
            self.target(r)
        })
    }

    /// A member that only `s` may allow (`additionalProperties`, `unevaluated*`): `false` is a
    /// violation named by `keyword` (where the false schema's own would say less), any other
    /// schema is checked.
    fn remainder(
        &mut self,
        f: &mut Frame<'i>,
        (seg, value): (Seg<'i>, &'i Value),
        s: &'s Value,
        keyword: &'static str,
        message: &str,
    ) -> Result<(), ()> {
        if *s == Value::Bool(false) {
            f.ok = false;
            if !f.collect {
                return Err(());
            }
            self.path.push(seg);
            self.report(keyword, message.to_owned());
            self.path.pop();
        } else {
            passed!(f, self.child(seg, s, value, f.collect));
        }
        Ok(())
    }

    /// The subschema a local `$ref` (`#/…`) names.
    fn target(&self, reference: &str) -> Option<&'s Value> {
        let fragment = reference.strip_prefix('#')?;
        let doc: &'s Value = &self.schema.doc;
        doc.pointer(&json::percent_decode(fragment))
    }

    fn eval(&mut self, s: &'s Value, inst: &'i Value, collect: bool) -> Result<Seen<'i>, ()> {
        let map = match s {
            Value::Object(map) => map,
            Value::Bool(false) => {
                if collect {
                    self.report("false", "no value is allowed here".into());
                }
                return Err(());
            }
            _ => return Ok(Seen::default()),
        };
        if self.depth >= MAX_CHECK_DEPTH {
            if collect {
                self.report(
                    "$ref",
                    format!(
                        "the schema nests (or refers to itself) more than {MAX_CHECK_DEPTH} levels deep here"
                    ),
                );
            }
            return Err(());
        }
        self.depth += 1;
        let resource = map.get(DYNAMIC_SCOPE).is_some_and(Value::is_object);
        if resource {
            self.scope.push(map);
        }
        let out = self.keywords(map, inst, collect);
        if resource {
            self.scope.pop();
        }
        self.depth -= 1;
        out
    }

    /// Evaluates `s` on a value inside the current one.
    fn child(
        &mut self,
        seg: Seg<'i>,
        s: &'s Value,
        inst: &'i Value,
        collect: bool,
    ) -> Result<Seen<'i>, ()> {
        self.path.push(seg);
        let out = self.eval(s, inst, collect);
        self.path.pop();
        out
    }

    fn keywords(
        &mut self,
        map: &'s Map<String, Value>,
        inst: &'i Value,
        collect: bool,
    ) -> Result<Seen<'i>, ()> {
        // Each group of keywords is its own function, so the frame that recurses stays small.
        type Part<'s, 'i> = fn(
            &mut Run<'s, 'i>,
            &'s Map<String, Value>,
            &'i Value,
            &mut Frame<'i>,
        ) -> Result<(), ()>;
        let parts: [Part<'s, 'i>; 8] = [
            Self::refs,
            Self::basic,
            Self::numbers,
            Self::strings,
            Self::arrays,
            Self::objects,
            Self::combinators,
            Self::unevaluated,
        ];
        let mut f = Frame {
            ok: true,
            seen: Seen::default(),
            collect,
        };
        for part in parts {
            part(self, map, inst, &mut f)?;
        }
        if f.ok { Ok(f.seen) } else { Err(()) }
    }

    /// `$ref` and `$dynamicRef`.
    fn refs(
        &mut self,
        map: &'s Map<String, Value>,
        inst: &'i Value,
        f: &mut Frame<'i>,
    ) -> Result<(), ()> {
        for key in ["$ref", "$dynamicRef"] {
            if let Some(Value::String(r)) = map.get(key) {
                let dynamic = match map.get(DYNAMIC_NAME) {
                    Some(Value::String(name)) if key == "$dynamicRef" => self.dynamic(name),
                    _ => None,
                };
                match dynamic.or_else(|| self.target(r)) {
                    Some(t) => {
                        if let Some(s) = passed!(f, self.eval(t, inst, f.collect)) {
                            f.seen.merge(s);
                        }
                    }
                    None => fail!(self, f, "$ref", format!("`{r}` points at nothing")),
                }
            }
        }
        Ok(())
    }
    /// `type`, `enum` and `const`.
    fn basic(
        &mut self,
        map: &'s Map<String, Value>,
        inst: &'i Value,
        f: &mut Frame<'i>,
    ) -> Result<(), ()> {
        if let Some(t) = map.get("type") {
            let good = match t {
                Value::String(name) => type_matches(name, inst),
                Value::Array(names) => names
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|n| type_matches(n, inst)),
                _ => true,
            };
            if !good {
                let want = match t {
                    Value::Array(names) => names
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(" or "),
                    other => other.as_str().unwrap_or("?").to_owned(),
                };
                fail!(
                    self,
                    f,
                    "type",
                    format!("expected {want}, found {}", json::type_name(inst))
                );
            }
        }
        if let Some(Value::Array(values)) = map.get("enum")
            && !values.iter().any(|v| json::equal(v, inst))
        {
            fail!(
                self,
                f,
                "enum",
                format!(
                    "{} is not one of the {} allowed values",
                    short(inst),
                    values.len()
                )
            );
        }
        if let Some(c) = map.get("const")
            && !json::equal(c, inst)
        {
            fail!(self, f, "const", format!("must be {}", short(c)));
        }

        Ok(())
    }
    /// The keywords of number values.
    fn numbers(
        &mut self,
        map: &'s Map<String, Value>,
        inst: &'i Value,
        f: &mut Frame<'i>,
    ) -> Result<(), ()> {
        let Value::Number(n) = inst else {
            return Ok(());
        };
        if let Some(Value::Number(m)) = map.get("multipleOf")
            && m.as_f64().is_some_and(|f| f > 0.0)
            && !json::is_multiple(n, m)
        {
            fail!(self, f, "multipleOf", format!("must be a multiple of {m}"));
        }
        use std::cmp::Ordering::{Greater, Less};
        let bound = |k: &str| match map.get(k) {
            Some(Value::Number(b)) => Some(b),
            _ => None,
        };
        if let Some(b) = bound("maximum")
            && json::cmp_num(n, b) == Some(Greater)
        {
            fail!(self, f, "maximum", format!("must be at most {b}"));
        }
        if let Some(b) = bound("exclusiveMaximum")
            && json::cmp_num(n, b) != Some(Less)
        {
            fail!(
                self,
                f,
                "exclusiveMaximum",
                format!("must be less than {b}")
            );
        }
        if let Some(b) = bound("minimum")
            && json::cmp_num(n, b) == Some(Less)
        {
            fail!(self, f, "minimum", format!("must be at least {b}"));
        }
        if let Some(b) = bound("exclusiveMinimum")
            && json::cmp_num(n, b) != Some(Greater)
        {
            fail!(
                self,
                f,
                "exclusiveMinimum",
                format!("must be greater than {b}")
            );
        }
        Ok(())
    }
    /// The keywords of string values.
    fn strings(
        &mut self,
        map: &'s Map<String, Value>,
        inst: &'i Value,
        f: &mut Frame<'i>,
    ) -> Result<(), ()> {
        let Value::String(s) = inst else {
            return Ok(());
        };
        let (max, min) = (
            count_of(map.get("maxLength")),
            count_of(map.get("minLength")),
        );
        if max.is_some() || min.is_some() {
            let len = s.chars().count() as u64;
            if let Some(max) = max.filter(|m| len > *m) {
                fail!(
                    self,
                    f,
                    "maxLength",
                    format!("is {len} characters long; at most {max} are allowed")
                );
            }
            if let Some(min) = min.filter(|m| len < *m) {
                fail!(
                    self,
                    f,
                    "minLength",
                    format!("is {len} characters long; at least {min} are needed")
                );
            }
        }
        if let Some(Value::String(p)) = map.get("pattern")
            && let Some(re) = self.schema.patterns.get(p)
            && !re.is_match(s)
        {
            fail!(
                self,
                f,
                "pattern",
                format!("does not match the pattern `{p}`")
            );
        }
        Ok(())
    }
    /// The keywords of array values.
    fn arrays(
        &mut self,
        map: &'s Map<String, Value>,
        inst: &'i Value,
        f: &mut Frame<'i>,
    ) -> Result<(), ()> {
        let Value::Array(items) = inst else {
            return Ok(());
        };
        let prefix: &'s [Value] = match (map.get("prefixItems"), map.get("items")) {
            (Some(Value::Array(p)), _) | (None, Some(Value::Array(p))) => p,
            _ => &[],
        };
        for (i, (s, item)) in prefix.iter().zip(items).enumerate() {
            passed!(f, self.child(Seg::Index(i), s, item, f.collect));
        }
        f.seen.items = f.seen.items.max(prefix.len().min(items.len()));
        if let Some(s @ (Value::Object(_) | Value::Bool(_))) = map.get("items") {
            for (i, item) in items.iter().enumerate().skip(prefix.len()) {
                passed!(f, self.child(Seg::Index(i), s, item, f.collect));
            }
            f.seen.all_items = true;
        }
        if let Some(c) = map.get("contains") {
            let mut matched = 0u64;
            for (i, item) in items.iter().enumerate() {
                if self.child(Seg::Index(i), c, item, false).is_ok() {
                    matched += 1;
                    if self.schema.annotations {
                        f.seen.contained.insert(i);
                    }
                }
            }
            let min = count_of(map.get("minContains")).unwrap_or(1);
            if matched < min {
                fail!(
                    self,
                    f,
                    "contains",
                    format!("{matched} items match the `contains` schema; at least {min} must")
                );
            }
            if let Some(max) = count_of(map.get("maxContains")).filter(|m| matched > *m) {
                fail!(
                    self,
                    f,
                    "maxContains",
                    format!("{matched} items match the `contains` schema; at most {max} may")
                );
            }
        }
        let len = items.len() as u64;
        if let Some(max) = count_of(map.get("maxItems")).filter(|m| len > *m) {
            fail!(
                self,
                f,
                "maxItems",
                format!("has {len} items; at most {max} are allowed")
            );
        }
        if let Some(min) = count_of(map.get("minItems")).filter(|m| len < *m) {
            fail!(
                self,
                f,
                "minItems",
                format!("has {len} items; at least {min} are needed")
            );
        }
        if map.get("uniqueItems") == Some(&Value::Bool(true)) {
            let mut keys = std::collections::HashMap::new();
            for (i, item) in items.iter().enumerate() {
                let mut key = String::new();
                json::canonical(item, &mut key);
                if let Some(first) = keys.insert(key, i) {
                    fail!(
                        self,
                        f,
                        "uniqueItems",
                        format!("items {first} and {i} are equal; items must be unique")
                    );
                    break;
                }
            }
        }
        Ok(())
    }
    /// The keywords of object values.
    fn objects(
        &mut self,
        map: &'s Map<String, Value>,
        inst: &'i Value,
        f: &mut Frame<'i>,
    ) -> Result<(), ()> {
        let Value::Object(obj) = inst else {
            return Ok(());
        };
        let props = match map.get("properties") {
            Some(Value::Object(p)) => Some(p),
            _ => None,
        };
        let patterns: Vec<(&regex::Regex, &'s Value)> = match map.get("patternProperties") {
            Some(Value::Object(pp)) => pp
                .iter()
                .filter_map(|(p, s)| Some((self.schema.patterns.get(p)?, s)))
                .collect(),
            _ => Vec::new(),
        };
        let additional = map.get("additionalProperties");
        for (k, v) in obj {
            let mut listed = false;
            if let Some(s) = props.and_then(|p| p.get(k)) {
                listed = true;
                passed!(f, self.child(Seg::Key(k), s, v, f.collect));
            }
            for (re, s) in &patterns {
                if re.is_match(k) {
                    listed = true;
                    passed!(f, self.child(Seg::Key(k), s, v, f.collect));
                }
            }
            if listed {
                if self.schema.annotations {
                    f.seen.props.insert(k);
                }
            } else if let Some(s) = additional {
                self.remainder(
                    f,
                    (Seg::Key(k), v),
                    s,
                    "additionalProperties",
                    "is not a property the schema allows",
                )?;
            }
        }
        if additional.is_some() {
            f.seen.all_props = true;
        }
        if let Some(names) = map.get("propertyNames") {
            for k in obj.keys() {
                let name = Value::String(k.clone());
                let mut inner = Run::new(self.schema, 0);
                inner.depth = self.depth;
                if inner.eval(names, &name, false).is_err() {
                    fail!(
                        self,
                        f,
                        "propertyNames",
                        format!("the property name `{k}` is not allowed")
                    );
                }
            }
        }
        if let Some(Value::Array(required)) = map.get("required") {
            for r in required.iter().filter_map(Value::as_str) {
                if !obj.contains_key(r) {
                    fail!(self, f, "required", format!("`{r}` is missing"));
                }
            }
        }
        if let Some(Value::Object(deps)) = map.get("dependentRequired") {
            for (k, needs) in deps {
                if !obj.contains_key(k) {
                    continue;
                }
                for n in needs
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    if !obj.contains_key(n) {
                        fail!(
                            self,
                            f,
                            "dependentRequired",
                            format!("`{n}` is required when `{k}` is present")
                        );
                    }
                }
            }
        }
        if let Some(Value::Object(deps)) = map.get("dependentSchemas") {
            for (k, s) in deps {
                if obj.contains_key(k)
                    && let Some(x) = passed!(f, self.eval(s, inst, f.collect))
                {
                    f.seen.merge(x);
                }
            }
        }
        let len = obj.len() as u64;
        if let Some(max) = count_of(map.get("maxProperties")).filter(|m| len > *m) {
            fail!(
                self,
                f,
                "maxProperties",
                format!("has {len} properties; at most {max} are allowed")
            );
        }
        if let Some(min) = count_of(map.get("minProperties")).filter(|m| len < *m) {
            fail!(
                self,
                f,
                "minProperties",
                format!("has {len} properties; at least {min} are needed")
            );
        }
        Ok(())
    }
    /// `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`.
    fn combinators(
        &mut self,
        map: &'s Map<String, Value>,
        inst: &'i Value,
        f: &mut Frame<'i>,
    ) -> Result<(), ()> {
        if let Some(Value::Array(all)) = map.get("allOf") {
            for s in all {
                if let Some(x) = passed!(f, self.eval(s, inst, f.collect)) {
                    f.seen.merge(x);
                }
            }
        }
        if let Some(Value::Array(any)) = map.get("anyOf") {
            let mut matched = false;
            for s in any {
                if let Ok(x) = self.eval(s, inst, false) {
                    matched = true;
                    f.seen.merge(x);
                    if !self.schema.annotations {
                        break;
                    }
                }
            }
            if !matched {
                fail!(
                    self,
                    f,
                    "anyOf",
                    format!("matches none of the {} alternatives", any.len())
                );
            }
        }
        if let Some(Value::Array(one)) = map.get("oneOf") {
            let mut matched = 0;
            for s in one {
                if let Ok(x) = self.eval(s, inst, false) {
                    matched += 1;
                    f.seen.merge(x);
                }
            }
            if matched != 1 {
                fail!(
                    self,
                    f,
                    "oneOf",
                    if matched == 0 {
                        format!("matches none of the {} alternatives", one.len())
                    } else {
                        format!("matches {matched} of the alternatives; exactly one must match")
                    }
                );
            }
        }
        if let Some(not) = map.get("not")
            && self.eval(not, inst, false).is_ok()
        {
            fail!(self, f, "not", "matches the schema under `not`".into());
        }
        if let Some(cond) = map.get("if") {
            match self.eval(cond, inst, false) {
                Ok(x) => {
                    f.seen.merge(x);
                    if let Some(then) = map.get("then")
                        && let Some(x) = passed!(f, self.eval(then, inst, f.collect))
                    {
                        f.seen.merge(x);
                    }
                }
                Err(()) => {
                    if let Some(other) = map.get("else")
                        && let Some(x) = passed!(f, self.eval(other, inst, f.collect))
                    {
                        f.seen.merge(x);
                    }
                }
            }
        }

        Ok(())
    }
    /// `unevaluatedItems` and `unevaluatedProperties`, after every other keyword.
    fn unevaluated(
        &mut self,
        map: &'s Map<String, Value>,
        inst: &'i Value,
        f: &mut Frame<'i>,
    ) -> Result<(), ()> {
        if let (Some(s), Value::Array(items)) = (map.get("unevaluatedItems"), inst) {
            for (i, item) in items.iter().enumerate() {
                if f.seen.all_items || i < f.seen.items || f.seen.contained.contains(&i) {
                    continue;
                }
                self.remainder(
                    f,
                    (Seg::Index(i), item),
                    s,
                    "unevaluatedItems",
                    "is an item no other keyword of the schema allows",
                )?;
            }
            f.seen.all_items = true;
        }
        if let (Some(s), Value::Object(obj)) = (map.get("unevaluatedProperties"), inst) {
            for (k, v) in obj {
                if f.seen.all_props || f.seen.props.contains(k.as_str()) {
                    continue;
                }
                self.remainder(
                    f,
                    (Seg::Key(k), v),
                    s,
                    "unevaluatedProperties",
                    "is a property no other keyword of the schema allows",
                )?;
            }
            f.seen.all_props = true;
        }

        Ok(())
    }
}
