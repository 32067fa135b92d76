//! JSON Schema (2020-12, as OpenAPI 3.1 uses it; 3.0 after the upgrade pass) to [`Ty`] and
//! [`TypeDef`]s. Every schema location is planned once and memoised, so shared and recursive
//! schemas resolve to one type.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::{EnumVariant, Field, Ty, TypeDef, TypeId, TypeKind, UnionVariant};
use crate::diag::Diagnostics;
use crate::load::{Loc, Sources};
use crate::names::{Unique, snake_name, type_name, variant_name};

/// Plans types for one API. Holds the memo and the diagnostics sink.
pub struct TypePlanner<'a> {
    pub(crate) sources: &'a Sources,
    pub(crate) diags: &'a mut Diagnostics,
    pub(crate) types: Vec<TypeDef>,
    /// The type of each schema object planned so far, by [`node_key`].
    memo: crate::load::positions::FastMap<usize, Ty>,
    pub(crate) names: Unique,
    /// Set while a `multipart/form-data` body is planned: `format: binary` is a file there.
    pub(crate) binary_as_file: bool,
    /// Structs whose fields are still to be planned. A struct is named first and filled in
    /// from this list, so a chain of schemas that refer to each other is planned one after
    /// another, not by recursing once per link (a large document has chains thousands long).
    pending: Vec<Job>,
    /// How deep [`TypePlanner::plan`] is in nested inline schemas.
    depth: usize,
    /// Types check their values against the schema when decoded (JSON Schema documents):
    /// each [`TypeDef`] records where its schema is, scalars with rules become newtypes, and
    /// keywords with no Rust shape are typed as any JSON with a warning.
    pub(crate) checked: bool,
    /// Types hold every value their schema accepts (a JSON Schema document): without `type`
    /// an object or array schema is any JSON, and so is what has no Rust shape (`if`, `not`,
    /// `$dynamicRef`), with a warning. An OpenAPI document keeps its structs.
    pub(crate) exact: bool,
    /// Schema pointers name the file too (`/<file>/<pointer>`): the checked text of an OpenAPI
    /// document holds all its files.
    pub(crate) multi_file: bool,
    /// Types planned now are for values sent in a request: `readOnly` properties are left out
    /// (the server sets them; a caller must not have to invent a required `id`).
    pub(crate) writing: bool,
    /// The schema being planned has a request shape of its own: `writing` is set and it
    /// reaches a `readOnly` or `writeOnly` property. Otherwise one type serves both ways, and
    /// a response type leaves `writeOnly` properties out.
    write_shape: bool,
    /// Whether a schema reaches a `readOnly`/`writeOnly` property, by [`node_key`].
    reaches: crate::load::positions::FastMap<usize, bool>,
}

/// Inline schemas nested deeper than this (arrays of arrays of …) are typed as any JSON, with
/// a located warning.
pub const MAX_SCHEMA_DEPTH: usize = 64;

/// A struct to fill in.
struct Job {
    id: TypeId,
    /// The schemas whose properties it has: one object, or the members of an `allOf`.
    members: Vec<Loc>,
    /// Where `additionalProperties` is, if it has a schema.
    extra: Option<Loc>,
    /// What [`TypePlanner::binary_as_file`] was when the struct was named.
    binary_as_file: bool,
    /// What [`TypePlanner::writing`] and `write_shape` were.
    writing: bool,
    write_shape: bool,
}

/// A schema object's identity while the planner runs: its address in the loaded tree, which the
/// planner only reads. Every location resolves to one node, so two locations that name the same
/// schema (`#/components/schemas/Pet` and a `$ref` to it) share a memo entry, and the key costs
/// eight bytes, where a key by pointer text costs an allocation per schema of a large document.
fn node_key(map: &Map<String, Value>) -> usize {
    std::ptr::from_ref(map) as usize
}

fn doc_of(map: &Map<String, Value>) -> Option<String> {
    let title = map.get("title").and_then(Value::as_str);
    let desc = map.get("description").and_then(Value::as_str);
    match (title, desc) {
        (Some(t), Some(d)) => Some(format!("{t}\n\n{d}")),
        (Some(t), None) => Some(t.to_owned()),
        (None, Some(d)) => Some(d.to_owned()),
        (None, None) => None,
    }
}

/// The last meaningful segment of a `$ref`: `#/components/schemas/Pet` → `Pet`,
/// `models/bank_account.yml` → `bank_account`.
pub fn ref_name(reference: &str) -> String {
    let (file, frag) = crate::load::split_ref(reference);
    let from_frag = frag
        .rsplit('/')
        .find(|s| !s.is_empty())
        .map(|s| crate::pointer::unescape(s).into_owned());
    from_frag.unwrap_or_else(|| {
        let stem = file.rsplit('/').next().unwrap_or(file);
        stem.split('.').next().unwrap_or(stem).to_owned()
    })
}

impl<'a> TypePlanner<'a> {
    /// A planner writing diagnostics to `diags`.
    pub fn new(sources: &'a Sources, diags: &'a mut Diagnostics) -> Self {
        let mut names = Unique::default();
        for reserved in ["Client", "ClientBuilder"] {
            names.reserve(reserved);
        }
        Self {
            sources,
            diags,
            types: Vec::new(),
            memo: Default::default(),
            names,
            binary_as_file: false,
            pending: Vec::new(),
            depth: 0,
            checked: false,
            exact: false,
            multi_file: false,
            writing: false,
            write_shape: false,
            reaches: Default::default(),
        }
    }

    /// The type of the schema at `loc`, with every struct it reaches complete; `hint` names it
    /// if it needs a definition.
    pub fn ty(&mut self, loc: &Loc, hint: &str) -> Ty {
        let t = self.plan(loc, hint);
        self.finish();
        t
    }

    /// Fills in the structs named so far (and those their fields name in turn).
    fn finish(&mut self) {
        while let Some(job) = self.pending.pop() {
            let saved = std::mem::replace(&mut self.binary_as_file, job.binary_as_file);
            let saved_writing = std::mem::replace(&mut self.writing, job.writing);
            let saved_shape = std::mem::replace(&mut self.write_shape, job.write_shape);
            let name = self.types[job.id].name.clone();
            let mut fields = Vec::new();
            let mut unique = Unique::default();
            let mut left_out = Vec::new();
            for member in &job.members {
                if let Some(Value::Object(m)) = self.sources.get(member) {
                    self.fields_of(member, m, &name, &mut fields, &mut unique, &mut left_out);
                }
            }
            if !left_out.is_empty() {
                let list = left_out
                    .iter()
                    .map(|w| format!("`{w}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let why = if job.write_shape {
                    format!(
                        "As sent in a request: without {list}, which the server sets (`readOnly`)."
                    )
                } else {
                    format!(
                        "As read from a response: without {list}, which only requests carry (`writeOnly`)."
                    )
                };
                let doc = &mut self.types[job.id].doc;
                *doc = Some(match doc.take() {
                    Some(d) => format!("{d}\n\n{why}"),
                    None => why,
                });
            }
            let extra = job.extra.map(|e| {
                if e.ptr.ends_with("/patternProperties") {
                    Ty::Json
                } else {
                    self.plan(&e, &format!("{name}Value"))
                }
            });
            // Structs are most of a large document's plan: kept without room to spare.
            fields.shrink_to_fit();
            self.types[job.id].kind = TypeKind::Struct { fields, extra };
            self.binary_as_file = saved;
            self.writing = saved_writing;
            self.write_shape = saved_shape;
        }
    }

    /// Plans every schema in `components.schemas` first so they get their own names.
    pub fn plan_components(&mut self, root: &Loc) {
        let schemas = root.join("components").join("schemas");
        let Some(Value::Object(map)) = self.sources.get(&schemas) else {
            return;
        };
        let keys: Vec<String> = map.keys().cloned().collect();
        for key in keys {
            self.ty(&schemas.join(&key), &key);
        }
    }

    /// The type of the schema at `loc`; structs it names may still be [`TypeKind::Pending`]
    /// until [`TypePlanner::finish`].
    fn plan(&mut self, loc: &Loc, hint: &str) -> Ty {
        let map = match self.sources.get(loc) {
            None => return Ty::Json,
            Some(Value::Object(m)) => m,
            Some(Value::Bool(_)) => return Ty::Json,
            Some(_) => {
                self.diags.push(self.sources.warning_at(
                    loc,
                    "a schema must be an object or a boolean; using any JSON",
                ));
                return Ty::Json;
            }
        };
        let shape = self.writing && self.reaches_read_write(loc);
        let saved = std::mem::replace(&mut self.write_shape, shape);
        let t = self.plan_node(loc, map, hint);
        self.write_shape = saved;
        t
    }

    /// The memo key of a schema object in the current direction.
    fn key(&self, map: &Map<String, Value>) -> usize {
        // Node addresses are aligned, so the low bit is free for the request shape.
        node_key(map) | usize::from(self.write_shape)
    }

    fn plan_node(&mut self, loc: &Loc, map: &'a Map<String, Value>, hint: &str) -> Ty {
        if let Some(t) = self.memo.get(&self.key(map)) {
            return t.clone();
        }
        if self.depth >= MAX_SCHEMA_DEPTH {
            self.diags.push(self.sources.warning_at(
                loc,
                format!(
                    "schemas nested deeper than {MAX_SCHEMA_DEPTH} levels are typed as any JSON"
                ),
            ));
            return Ty::Json;
        }
        self.depth += 1;
        let t = self.plan_here(loc, map, hint);
        self.depth -= 1;
        t
    }

    fn plan_here(&mut self, loc: &Loc, map: &'a Map<String, Value>, hint: &str) -> Ty {
        let key = self.key(map);
        if let Some(Value::String(reference)) = map.get("$ref") {
            let nullable = map.get("nullable") == Some(&Value::Bool(true));
            // A chain of references that never reaches a schema (`A: {$ref: A}`, or two that
            // name each other) has no type to give: an error, reported once.
            let target = self
                .sources
                .resolve(loc.file, reference)
                .and_then(|target| self.sources.deref(&target).map(|_| target));
            let t = match target {
                Ok(target) => self.plan(&target, &ref_name(reference)),
                Err(message) => {
                    self.diags
                        .push(self.sources.error_at(&loc.join("$ref"), message));
                    self.memo.insert(key, Ty::Json);
                    Ty::Json
                }
            };
            return if nullable { t.optional() } else { t };
        }
        // Break cycles through non-definition schemas (an array of itself, say).
        self.memo.insert(key, Ty::Json);
        let t = self.classify(loc, map, hint);
        self.memo.insert(key, t.clone());
        t
    }

    fn define(&mut self, loc: &Loc, map: &Map<String, Value>, hint: &str) -> TypeId {
        // A request shape is named for what it is; a body schema is one already.
        let name = if self.write_shape && !hint.ends_with("Body") && !hint.ends_with("Request") {
            self.names.claim(&type_name(&format!("{hint}Request")))
        } else {
            self.names.claim(&type_name(hint))
        };
        let id = self.types.len();
        self.types.push(TypeDef {
            name,
            doc: doc_of(map),
            kind: TypeKind::Pending,
            // What is checked on decode is what is read; a request shape is sent.
            schema: (self.checked && !self.write_shape).then(|| self.pointer_of(loc)),
        });
        let key = self.key(map);
        self.memo.insert(key, Ty::Named(id));
        id
    }

    /// Where a schema is in the checked text.
    fn pointer_of(&self, loc: &Loc) -> String {
        if self.multi_file {
            format!("/{}{}", loc.file, loc.ptr)
        } else {
            loc.ptr.clone()
        }
    }

    /// Whether the schema at `loc` reaches a property marked `readOnly` or `writeOnly`
    /// (through properties, items, combinators and references): only then do its request and
    /// response shapes differ.
    fn reaches_read_write(&mut self, loc: &Loc) -> bool {
        let Some(Value::Object(start)) = self.sources.get(loc) else {
            return false;
        };
        if let Some(known) = self.reaches.get(&node_key(start)) {
            return *known;
        }
        let mut seen: Vec<usize> = Vec::new();
        let mut visited = crate::load::positions::FastSet::default();
        let mut stack = vec![loc.clone()];
        let mut found = false;
        'walk: while let Some(l) = stack.pop() {
            let Ok(l) = self.sources.deref(&l) else {
                continue;
            };
            let Some(Value::Object(m)) = self.sources.get(&l) else {
                continue;
            };
            let k = node_key(m);
            if let Some(known) = self.reaches.get(&k) {
                if *known {
                    found = true;
                    break;
                }
                continue;
            }
            if !visited.insert(k) {
                continue;
            }
            seen.push(k);
            if let Some(Value::Object(props)) = m.get("properties") {
                for name in props.keys() {
                    let p = l.join("properties").join(name);
                    let (ro, wo) = self.read_write(&p);
                    if ro || wo {
                        found = true;
                        break 'walk;
                    }
                    stack.push(p);
                }
            }
            for key in ["items", "additionalProperties"] {
                if matches!(m.get(key), Some(Value::Object(_))) {
                    stack.push(l.join(key));
                }
            }
            for key in ["allOf", "anyOf", "oneOf", "prefixItems"] {
                if let Some(Value::Array(xs)) = m.get(key) {
                    for i in 0..xs.len() {
                        stack.push(l.join(key).index(i));
                    }
                }
            }
        }
        if found {
            self.reaches.insert(node_key(start), true);
        } else {
            // Nothing reachable from here reaches one either.
            for k in seen {
                self.reaches.insert(k, false);
            }
        }
        found
    }

    /// `(readOnly, writeOnly)` of a property schema, or of what its `$ref` names.
    fn read_write(&self, loc: &Loc) -> (bool, bool) {
        let flags = |l: &Loc| match self.sources.get(l) {
            Some(Value::Object(m)) => (
                m.get("readOnly") == Some(&Value::Bool(true)),
                m.get("writeOnly") == Some(&Value::Bool(true)),
            ),
            _ => (false, false),
        };
        let (ro, wo) = flags(loc);
        match self.sources.deref(loc) {
            Ok(target) if target != *loc => {
                let (tro, two) = flags(&target);
                (ro || tro, wo || two)
            }
            _ => (ro, wo),
        }
    }

    fn classify(&mut self, loc: &Loc, map: &Map<String, Value>, hint: &str) -> Ty {
        let mut types: BTreeSet<&str> = match map.get("type") {
            Some(Value::String(t)) => BTreeSet::from([t.as_str()]),
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => BTreeSet::new(),
        };
        let nullable = types.remove("null") || map.get("nullable") == Some(&Value::Bool(true));
        let wrap = |t: Ty| if nullable { t.optional() } else { t };
        if self.exact
            && let Some(key) = ["if", "not", "$dynamicRef"]
                .into_iter()
                .find(|k| map.contains_key(*k))
        {
            self.diags.push(
                self.sources
                    .warning_at(
                        &loc.join(key),
                        format!(
                            "`{key}` has no Rust shape: this schema is typed as any JSON (`serde_json::Value`); decoding still checks it"
                        ),
                    )
                    .with_code("schema/untyped"),
            );
            return Ty::Json;
        }

        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(alts)) = map.get(key) {
                let alts = alts.len();
                return self.union(loc, map, key, alts, hint, nullable);
            }
        }
        if let Some(Value::Array(parts)) = map.get("allOf") {
            return wrap(self.all_of(loc, map, parts.len(), hint));
        }
        if let Some(Value::Array(values)) = map.get("enum") {
            let strings: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
            let non_null = values.iter().filter(|v| !v.is_null()).count();
            if non_null > 0 && strings.len() == non_null {
                let id = self.define(loc, map, hint);
                let mut unique = Unique::default();
                let mut seen = BTreeSet::new();
                let variants = strings
                    .iter()
                    .filter(|s| seen.insert(**s))
                    .map(|s| EnumVariant {
                        name: unique.claim(&variant_name(s)),
                        wire: (*s).to_owned(),
                    })
                    .collect();
                self.types[id].kind = TypeKind::StringEnum { variants };
                let has_null = values.iter().any(Value::is_null);
                return if nullable || has_null {
                    Ty::Named(id).optional()
                } else {
                    Ty::Named(id)
                };
            }
        }
        if let Some(c) = map.get("const") {
            return wrap(match c {
                Value::String(_) => Ty::String,
                Value::Bool(_) => Ty::Prim("bool"),
                Value::Number(n) if n.is_i64() => Ty::Prim("i64"),
                Value::Number(_) => Ty::Prim("f64"),
                _ => Ty::Json,
            });
        }
        if types.len() > 1 {
            return wrap(Ty::Json);
        }
        let ty = match types.iter().next().copied() {
            Some("object") => self.object(loc, map, hint),
            Some("array") => self.array(loc, map, hint),
            Some("string")
                if self.binary_as_file
                    && map.get("format").and_then(Value::as_str) == Some("binary") =>
            {
                Ty::File
            }
            Some("string") => string_format(map),
            Some("integer") => integer_format(map),
            Some("number") => match map.get("format").and_then(Value::as_str) {
                Some("float") => Ty::Prim("f32"),
                _ => Ty::Prim("f64"),
            },
            Some("boolean") => Ty::Prim("bool"),
            Some("null") | None if self.exact && has_scalar_rules(map) => Ty::Json,
            // A checked type holds every value its schema accepts: without `type`, an object
            // or array schema accepts any JSON.
            Some("null") | None
                if self.exact
                    && ["properties", "additionalProperties", "items", "prefixItems"]
                        .iter()
                        .any(|k| map.contains_key(*k)) =>
            {
                let shape = if map.contains_key("items") || map.contains_key("prefixItems") {
                    "array"
                } else {
                    "object"
                };
                self.diags.push(
                    self.sources
                        .warning_at(
                            loc,
                            "without `type` this schema accepts any JSON value, so it is typed as `serde_json::Value`; decoding still checks it",
                        )
                        .with_help(format!("add `type: {shape}` for a Rust {}", if shape == "array" { "`Vec`" } else { "struct" }))
                        .with_code("schema/untyped"),
                );
                Ty::Json
            }
            Some("null") | None => {
                if map.contains_key("properties") || map.contains_key("additionalProperties") {
                    self.object(loc, map, hint)
                } else if map.contains_key("items") {
                    self.array(loc, map, hint)
                } else {
                    Ty::Json
                }
            }
            // Type names of programming languages, as hand-written descriptions have them
            // (`type: int` in httpbin's, `type: float` in remove.bg's): one clear meaning each.
            Some(other) => {
                let (standard, ty) = match other {
                    "int" | "int32" | "int64" | "long" | "short" => {
                        ("integer", integer_format(map))
                    }
                    "float" | "double" | "decimal" => ("number", Ty::Prim("f64")),
                    "bool" => ("boolean", Ty::Prim("bool")),
                    "str" => ("string", string_format(map)),
                    _ => ("", Ty::Json),
                };
                // Anything else has no one meaning (a typo such as `strnig` most often).
                let diag = if standard.is_empty() {
                    self.sources
                        .error_at(&loc.join("type"), format!("unknown schema type `{other}`"))
                        .with_help("JSON Schema's types are string, number, integer, boolean, object, array and null")
                } else {
                    self.sources
                        .warning_at(
                            &loc.join("type"),
                            format!(
                                "`type: {other}` is not a JSON Schema type; read as `{standard}`"
                            ),
                        )
                        .with_help(format!("write `type: {standard}`"))
                        .with_code("dialect/type-name")
                        .with_rewrite(other, standard)
                };
                self.diags.push(diag);
                ty
            }
        };
        let scalar = matches!(
            ty,
            Ty::String | Ty::Prim(_) | Ty::DateTime | Ty::Date | Ty::Json
        );
        if self.checked && scalar && has_scalar_rules(map) {
            let id = self.define(loc, map, hint);
            self.types[id].kind = TypeKind::Newtype { inner: ty };
            return wrap(Ty::Named(id));
        }
        wrap(ty)
    }

    fn array(&mut self, loc: &Loc, map: &Map<String, Value>, hint: &str) -> Ty {
        // `items` applies after the `prefixItems`, whose types differ: no one item type.
        if map.contains_key("items") && !map.contains_key("prefixItems") {
            Ty::Vec(Box::new(
                self.plan(&loc.join("items"), &format!("{hint}Item")),
            ))
        } else {
            Ty::Vec(Box::new(Ty::Json))
        }
    }

    fn object(&mut self, loc: &Loc, map: &Map<String, Value>, hint: &str) -> Ty {
        let has_props = matches!(map.get("properties"), Some(Value::Object(p)) if !p.is_empty());
        let extra_schema = match map.get("additionalProperties") {
            // Members matching a `patternProperties` pattern land in the same map, with
            // their own schemas: the map holds any JSON.
            Some(Value::Object(_) | Value::Bool(true)) if matches!(map.get("patternProperties"), Some(Value::Object(p)) if !p.is_empty()) => {
                Some(loc.join("patternProperties"))
            }
            Some(Value::Object(_)) => Some(loc.join("additionalProperties")),
            _ => None,
        };
        if !has_props {
            return match extra_schema {
                Some(extra) => {
                    let t = self.plan(&extra, &format!("{hint}Value"));
                    if t == Ty::Json {
                        Ty::JsonObject
                    } else {
                        Ty::Map(Box::new(t))
                    }
                }
                None => Ty::JsonObject,
            };
        }
        let id = self.define(loc, map, hint);
        self.pending.push(Job {
            id,
            members: vec![loc.clone()],
            extra: extra_schema,
            binary_as_file: self.binary_as_file,
            writing: self.writing,
            write_shape: self.write_shape,
        });
        Ty::Named(id)
    }

    /// Appends the fields of an object schema (its `properties`, honouring `required`).
    fn fields_of(
        &mut self,
        loc: &Loc,
        map: &Map<String, Value>,
        owner: &str,
        fields: &mut Vec<Field>,
        unique: &mut Unique,
        left_out: &mut Vec<String>,
    ) {
        let required: BTreeSet<&str> = match map.get("required") {
            Some(Value::Array(r)) => r.iter().filter_map(Value::as_str).collect(),
            _ => BTreeSet::new(),
        };
        let Some(Value::Object(props)) = map.get("properties") else {
            return;
        };
        for (wire, schema) in props {
            if let Some(existing) = fields.iter_mut().find(|f| &f.wire == wire) {
                // allOf members repeating a property: the later `required` still counts.
                if required.contains(wire.as_str()) && !existing.required {
                    existing.required = true;
                    if let Ty::Option(inner) = &existing.ty {
                        existing.ty = (**inner).clone();
                    }
                }
                continue;
            }
            let ploc = loc.join("properties").join(wire);
            // A request does not send what the server sets; a response does not carry what
            // only requests do.
            let (read_only, write_only) = self.read_write(&ploc);
            if (self.write_shape && read_only) || (!self.writing && !self.write_shape && write_only)
            {
                left_out.push(wire.clone());
                continue;
            }
            let hint = format!("{owner}{}", type_name(wire));
            let ty = self.plan(&ploc, &hint);
            let is_required = required.contains(wire.as_str());
            let doc = match schema {
                Value::Object(m) => doc_of(m).or_else(|| {
                    // A `$ref` property: take the target's description.
                    let target = self.sources.deref(&ploc).ok()?;
                    match self.sources.get(&target) {
                        Some(Value::Object(t)) => t
                            .get("description")
                            .and_then(Value::as_str)
                            .map(str::to_owned),
                        _ => None,
                    }
                }),
                _ => None,
            };
            fields.push(Field {
                name: unique.claim(&snake_name(wire)),
                wire: wire.clone(),
                ty: if is_required { ty } else { ty.optional() },
                required: is_required,
                doc,
            });
        }
    }

    fn all_of(&mut self, loc: &Loc, map: &Map<String, Value>, parts: usize, hint: &str) -> Ty {
        let own_props = matches!(map.get("properties"), Some(Value::Object(p)) if !p.is_empty());
        if parts == 1 && !own_props {
            return self.plan(&loc.join("allOf").index(0), hint);
        }
        // Collect every object member, flattening nested allOf and following references.
        let mut members = Vec::new();
        let mut stack = vec![loc.clone()];
        let mut bad = None;
        let mut explicit = false;
        // A member reached twice (an `allOf` that names itself, or two that name each other)
        // adds its properties once.
        let mut seen = crate::load::positions::FastSet::default();
        while let Some(l) = stack.pop() {
            let target = match self.sources.deref(&l) {
                Ok(t) => t,
                Err(message) => {
                    self.diags.push(self.sources.error_at(&l, message));
                    continue;
                }
            };
            if !seen.insert(target.clone()) {
                continue;
            }
            let Some(Value::Object(m)) = self.sources.get(&target) else {
                continue;
            };
            if let Some(Value::Array(inner)) = m.get("allOf") {
                for i in (0..inner.len()).rev() {
                    stack.push(target.join("allOf").index(i));
                }
            }
            let is_object = match m.get("type") {
                Some(Value::String(t)) => t == "object",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "object"),
                None => true,
                _ => false,
            };
            if !is_object || m.contains_key("oneOf") || m.contains_key("anyOf") {
                bad = Some(target.clone());
            }
            explicit |= match m.get("type") {
                Some(Value::String(t)) => t == "object",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "object"),
                _ => false,
            };
            members.push(target);
        }
        // A checked type holds every value its schema accepts: a struct only when a member
        // says the value is an object.
        if self.exact && (!explicit || bad.is_some()) {
            return Ty::Json;
        }
        if let Some(bad) = bad {
            self.diags.push(self.sources.warning_at(
                &bad,
                "`allOf` combines a schema that is not a plain object; the result is typed as any JSON",
            ));
            return Ty::Json;
        }
        let id = self.define(loc, map, hint);
        let extra = members
            .iter()
            .rev()
            .find_map(|member| match self.sources.get(member) {
                Some(Value::Object(m))
                    if matches!(m.get("additionalProperties"), Some(Value::Object(_))) =>
                {
                    Some(member.join("additionalProperties"))
                }
                _ => None,
            });
        self.pending.push(Job {
            id,
            members,
            extra,
            binary_as_file: self.binary_as_file,
            writing: self.writing,
            write_shape: self.write_shape,
        });
        Ty::Named(id)
    }

    fn union(
        &mut self,
        loc: &Loc,
        map: &Map<String, Value>,
        key: &str,
        count: usize,
        hint: &str,
        mut nullable: bool,
    ) -> Ty {
        let mut alts = Vec::new();
        for i in 0..count {
            let l = loc.join(key).index(i);
            let target = self.sources.deref(&l).unwrap_or_else(|_| l.clone());
            let is_null = matches!(
                self.sources.get(&target),
                Some(Value::Object(m)) if m.get("type") == Some(&Value::String("null".into()))
                    && m.len() <= 3 && !m.contains_key("properties")
            );
            if is_null {
                nullable = true;
            } else {
                alts.push((l, target));
            }
        }
        let wrap = |t: Ty| if nullable { t.optional() } else { t };
        match alts.len() {
            0 => return Ty::Json,
            1 => {
                let (l, _) = &alts[0];
                return wrap(self.plan(l, hint));
            }
            _ => {}
        }
        let id = self.define(loc, map, hint);
        let name = self.types[id].name.clone();
        let (tag, tag_values) = self.find_tag(loc, map, &alts);
        let mut unique = Unique::default();
        let mut variants = Vec::new();
        for (i, (l, target)) in alts.iter().enumerate() {
            let raw_ref = match self.sources.get(l) {
                Some(Value::Object(m)) => m.get("$ref").and_then(Value::as_str).map(ref_name),
                _ => None,
            };
            let tag_value = tag_values.get(i).cloned().flatten();
            let base = raw_ref
                .clone()
                .or_else(|| tag_value.clone())
                .or_else(|| self.kind_word(target))
                .unwrap_or_else(|| format!("Variant{i}"));
            let vname = unique.claim(&variant_name(&base));
            let ty = self.plan(l, &format!("{name}{vname}"));
            variants.push(UnionVariant {
                name: vname,
                ty,
                tag_value,
            });
        }
        // Untagged unions try variants in order: any-JSON variants must come last or they swallow
        // everything.
        if tag.is_none() {
            variants.sort_by_key(|v| matches!(v.ty, Ty::Json | Ty::JsonObject));
        }
        self.types[id].kind = TypeKind::Union { tag, variants };
        wrap(Ty::Named(id))
    }

    /// A discriminator (explicit, or a property every alternative fixes with `const` or a
    /// one-value `enum`) and the tag value of each alternative.
    fn find_tag(
        &mut self,
        loc: &Loc,
        map: &Map<String, Value>,
        alts: &[(Loc, Loc)],
    ) -> (Option<String>, Vec<Option<String>>) {
        if let Some(Value::Object(d)) = map.get("discriminator")
            && let Some(prop) = d.get("propertyName").and_then(Value::as_str)
        {
            {
                let mapping: Vec<(String, Loc)> = match d.get("mapping") {
                    Some(Value::Object(m)) => m
                        .iter()
                        .filter_map(|(k, v)| {
                            let r = v.as_str()?;
                            let r = if r.contains('#') || r.contains('/') || r.contains('.') {
                                r.to_owned()
                            } else {
                                format!("#/components/schemas/{r}")
                            };
                            match self.sources.resolve(loc.file, &r) {
                                Ok(t) => self.sources.deref(&t).ok().map(|t| (k.clone(), t)),
                                Err(message) => {
                                    self.diags.push(self.sources.error_at(
                                        &loc.join("discriminator").join("mapping").join(k),
                                        message,
                                    ));
                                    None
                                }
                            }
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                let values = alts
                    .iter()
                    .map(|(l, target)| {
                        mapping
                            .iter()
                            .find(|(_, t)| t == target)
                            .map(|(k, _)| k.clone())
                            .or_else(|| match self.sources.get(l) {
                                Some(Value::Object(m)) => {
                                    m.get("$ref").and_then(Value::as_str).map(ref_name)
                                }
                                _ => None,
                            })
                    })
                    .collect::<Vec<_>>();
                if values.iter().all(Option::is_some) {
                    return (Some(prop.to_owned()), values);
                }
            }
        }
        // Implicit: a property fixed to a distinct constant in every alternative.
        let first = match self.sources.get(&alts[0].1) {
            Some(Value::Object(m)) => m.get("properties").and_then(Value::as_object),
            _ => None,
        };
        let Some(first) = first else {
            return (None, Vec::new());
        };
        'props: for prop in first.keys() {
            let mut values = Vec::new();
            for (_, target) in alts {
                let pl = target.join("properties").join(prop);
                let Ok(pl) = self.sources.deref(&pl) else {
                    continue 'props;
                };
                let fixed = match self.sources.get(&pl) {
                    Some(Value::Object(p)) => match (p.get("const"), p.get("enum")) {
                        (Some(Value::String(c)), _) => Some(c.clone()),
                        (None, Some(Value::Array(e))) if e.len() == 1 => {
                            e[0].as_str().map(str::to_owned)
                        }
                        _ => None,
                    },
                    _ => None,
                };
                match fixed {
                    Some(v) if !values.contains(&Some(v.clone())) => values.push(Some(v)),
                    _ => continue 'props,
                }
            }
            return (Some(prop.clone()), values);
        }
        (None, Vec::new())
    }

    fn kind_word(&self, target: &Loc) -> Option<String> {
        let Some(Value::Object(m)) = self.sources.get(target) else {
            return None;
        };
        if let Some(t) = m.get("title").and_then(Value::as_str) {
            return Some(t.to_owned());
        }
        let t = match m.get("type") {
            Some(Value::String(t)) => t.as_str(),
            _ if m.contains_key("properties") => "object",
            _ => return None,
        };
        Some(
            match t {
                "string" => "String",
                "integer" => "Integer",
                "number" => "Number",
                "boolean" => "Boolean",
                "array" => "Array",
                "object" => "Object",
                _ => return None,
            }
            .to_owned(),
        )
    }
}

/// Whether a schema has rules on scalar values that a Rust type cannot say: such a value gets
/// a newtype that checks them.
fn has_scalar_rules(map: &Map<String, Value>) -> bool {
    [
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
    ]
    .iter()
    .any(|k| map.contains_key(*k))
}

fn string_format(map: &Map<String, Value>) -> Ty {
    match map.get("format").and_then(Value::as_str) {
        Some("date-time") => Ty::DateTime,
        Some("date") => Ty::Date,
        _ => Ty::String,
    }
}

fn integer_format(map: &Map<String, Value>) -> Ty {
    Ty::Prim(match map.get("format").and_then(Value::as_str) {
        Some("int8") => "i8",
        Some("int16") => "i16",
        Some("int32") => "i32",
        Some("uint8") => "u8",
        Some("uint16") => "u16",
        Some("uint32") => "u32",
        Some("uint64") | Some("uint") => "u64",
        Some("int64") => "i64",
        _ => "i64",
    })
}

/// Named types a field holds by value (not behind `Vec`, a map or a `Box`).
fn direct_targets(ty: &Ty, out: &mut Vec<TypeId>) {
    match ty {
        Ty::Named(id) => out.push(*id),
        Ty::Option(inner) => direct_targets(inner, out),
        _ => {}
    }
}

fn boxed(ty: &Ty) -> Ty {
    match ty {
        Ty::Option(inner) => Ty::Option(Box::new(boxed(inner))),
        other => Ty::Boxed(Box::new(other.clone())),
    }
}

/// How many structs deep one type may hold others by value before a field is boxed. Longer
/// chains (a large document's schemas referring to each other without a cycle) make types of
/// enormous size and overflow rustc's drop check.
pub const MAX_INLINE_DEPTH: usize = 12;

/// The fields or variants of a type, as mutable types.
fn members_mut(kind: &mut TypeKind) -> Vec<&mut Ty> {
    match kind {
        TypeKind::Struct { fields, .. } => fields.iter_mut().map(|f| &mut f.ty).collect(),
        TypeKind::Union { variants, .. } => variants.iter_mut().map(|v| &mut v.ty).collect(),
        TypeKind::Newtype { inner } => vec![inner],
        _ => Vec::new(),
    }
}

/// Plans one schema on its own, in a namespace of its own (a workflow's `inputs`): its type
/// (named `name` when it needs a definition), every type it needs with recursion boxed, and
/// the names they took. `reserved` names are kept free for the caller's own items.
pub fn plan_standalone(
    sources: &Sources,
    diags: &mut Diagnostics,
    schema: Option<&Loc>,
    name: &str,
    reserved: &[&str],
) -> (Option<Ty>, Vec<TypeDef>, Unique) {
    let mut planner = TypePlanner::new(sources, diags);
    for r in reserved {
        planner.names.reserve(r);
    }
    let ty = schema.map(|l| planner.ty(l, name));
    let mut types = std::mem::take(&mut planner.types);
    let names = std::mem::take(&mut planner.names);
    box_recursion(&mut types);
    (ty, types, names)
}

/// Boxes the fields that would make a struct infinitely sized (a by-value path from a type back
/// to itself), then those that would make one hold more than [`MAX_INLINE_DEPTH`] levels of
/// others by value.
pub fn box_recursion(types: &mut [TypeDef]) {
    box_cycles(types);
    bound_inline_depth(types);
}

/// With cycles boxed, the by-value graph is acyclic: each type's depth is one more than its
/// deepest by-value member, worked out in post-order without recursion; a member that would
/// take the depth past the bound is boxed instead.
fn bound_inline_depth(types: &mut [TypeDef]) {
    let n = types.len();
    let mut depth: Vec<Option<usize>> = vec![None; n];
    let targets_of = |kind: &mut TypeKind| -> Vec<TypeId> {
        let mut out = Vec::new();
        for t in members_mut(kind) {
            direct_targets(t, &mut out);
        }
        out
    };
    for start in 0..n {
        let mut stack = vec![(start, false)];
        while let Some((node, expanded)) = stack.pop() {
            if depth[node].is_some() {
                continue;
            }
            if !expanded {
                stack.push((node, true));
                for t in targets_of(&mut types[node].kind) {
                    if depth[t].is_none() && t != node {
                        stack.push((t, false));
                    }
                }
                continue;
            }
            let mut own = 1;
            for member in members_mut(&mut types[node].kind) {
                let mut t = Vec::new();
                direct_targets(member, &mut t);
                // Not yet known only on a cycle, which `box_cycles` has broken: box it.
                let d = t
                    .iter()
                    .map(|&id| depth[id].unwrap_or(MAX_INLINE_DEPTH))
                    .max()
                    .unwrap_or(0);
                if d + 1 > MAX_INLINE_DEPTH {
                    *member = boxed(member);
                } else {
                    own = own.max(d + 1);
                }
            }
            depth[node] = Some(own);
        }
    }
}

/// Boxes every by-value member whose target is in the same strongly connected component as its
/// owner (it can reach the owner back). Components come from Tarjan's algorithm run with an
/// explicit stack: linear in the types and members, and no recursion however long the chains.
fn box_cycles(types: &mut [TypeDef]) {
    let mut edges: Vec<Vec<TypeId>> = Vec::with_capacity(types.len());
    for t in types.iter_mut() {
        let mut out = Vec::new();
        for m in members_mut(&mut t.kind) {
            direct_targets(m, &mut out);
        }
        edges.push(out);
    }
    let component = strongly_connected(&edges);
    for (id, t) in types.iter_mut().enumerate() {
        for member in members_mut(&mut t.kind) {
            let mut targets = Vec::new();
            direct_targets(member, &mut targets);
            if targets.iter().any(|&to| component[to] == component[id]) {
                *member = boxed(member);
            }
        }
    }
}

/// The strongly connected component of every node (Tarjan's algorithm, iterative). A node with
/// an edge to itself is in a component with itself, which is what boxing needs.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, how many of its edges have been looked at)
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (node, ref mut seen)) = work.last_mut() {
            if *seen == 0 && index[node] == UNSEEN {
                index[node] = next_index;
                low[node] = next_index;
                next_index += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&to) = edges[node].get(*seen) {
                *seen += 1;
                if index[to] == UNSEEN {
                    work.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(index[to]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                while let Some(m) = stack.pop() {
                    on_stack[m] = false;
                    component[m] = next_component;
                    if m == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}
