//! Which operations and types a module holds, planned after the API and before emission.
//!
//! - Every one (the default).
//! - Those a caller names, and the types they reach ([`keep_operations`]): what
//!   `paragon_workflow!` expands, the operations its steps call.
//! - Every one, each under the cargo features of the tags that reach it ([`tag_features`]): a
//!   generated crate where a user who turns on one tag builds that tag's part.
//!
//! A type is reached from an operation through its parameters, request body and responses, then
//! through members, items, map values, union alternatives and newtypes, to any depth (a
//! worklist, so no recursion over the document's nesting).

use super::{Api, Ty, TypeId, TypeKind};

/// Whether an item is emitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    /// Always.
    Always,
    /// Never: nothing that is emitted needs it.
    Never,
    /// Under `#[cfg(any(feature = …))]` of these features (sorted, distinct).
    Features(Vec<String>),
}

/// A gate per operation and per type; empty vectors mean every item is [`Gate::Always`].
#[derive(Debug, Clone, Default)]
pub struct Gates {
    /// By index into [`Api::operations`].
    pub operations: Vec<Gate>,
    /// By index into [`Api::types`].
    pub types: Vec<Gate>,
}

const ALWAYS: &Gate = &Gate::Always;

impl Gates {
    /// The gate of operation `i`.
    pub fn operation(&self, i: usize) -> &Gate {
        self.operations.get(i).unwrap_or(ALWAYS)
    }

    /// The gate of type `i`.
    pub fn ty(&self, i: TypeId) -> &Gate {
        self.types.get(i).unwrap_or(ALWAYS)
    }
}

/// The named types `ty` mentions directly.
fn named_in(ty: &Ty, out: &mut Vec<TypeId>) {
    let mut stack = vec![ty];
    while let Some(t) = stack.pop() {
        match t {
            Ty::Named(id) => out.push(*id),
            Ty::Vec(i) | Ty::Map(i) | Ty::Option(i) | Ty::Boxed(i) => stack.push(i),
            _ => {}
        }
    }
}

/// The named types operation `op` mentions directly.
fn operation_roots(api: &Api, op: usize, out: &mut Vec<TypeId>) {
    let Some(op) = api.operations.get(op) else {
        return;
    };
    for p in &op.params {
        named_in(&p.ty, out);
    }
    if let Some(b) = &op.body {
        named_in(&b.ty, out);
    }
    for r in &op.responses {
        if let super::operations::ResponseBody::Json(ty) = &r.body {
            named_in(ty, out);
        }
    }
    if let Some(p) = &op.pagination {
        named_in(&p.item, out);
    }
}

/// Every type reached from `roots`, as a flag per type.
fn reach_from(api: &Api, mut work: Vec<TypeId>) -> Vec<bool> {
    let mut seen = vec![false; api.types.len()];
    while let Some(id) = work.pop() {
        let Some(flag) = seen.get_mut(id) else {
            continue;
        };
        if std::mem::replace(flag, true) {
            continue;
        }
        match &api.types[id].kind {
            TypeKind::Struct { fields, extra } => {
                for f in fields {
                    named_in(&f.ty, &mut work);
                }
                if let Some(e) = extra {
                    named_in(e, &mut work);
                }
            }
            TypeKind::Union { variants, .. } => {
                for v in variants {
                    named_in(&v.ty, &mut work);
                }
            }
            TypeKind::Newtype { inner } => named_in(inner, &mut work),
            TypeKind::StringEnum { .. } | TypeKind::Pending => {}
        }
    }
    seen
}

/// Keeps the operations `keep` flags (by index) and the types they reach; the rest is
/// [`Gate::Never`].
pub fn keep_operations(api: &mut Api, keep: &[bool]) {
    let mut roots = Vec::new();
    for (i, k) in keep.iter().enumerate() {
        if *k {
            operation_roots(api, i, &mut roots);
        }
    }
    let reached = reach_from(api, roots);
    let gate = |k: bool| if k { Gate::Always } else { Gate::Never };
    api.gates = Gates {
        operations: (0..api.operations.len())
            .map(|i| gate(keep.get(i).copied().unwrap_or(false)))
            .collect(),
        types: reached.into_iter().map(gate).collect(),
    };
}

/// A cargo feature of a generated crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feature {
    /// Its name in `[features]`.
    pub name: String,
    /// What it holds, for the comment above it: the tag, as written.
    pub what: String,
    /// How many operations it turns on.
    pub operations: usize,
}

impl Feature {
    /// One line on what it holds, for a comment in Cargo.toml or a README: control characters
    /// from the document become spaces.
    pub fn description(&self) -> String {
        let text = if self.operations == 0 {
            self.what.clone()
        } else {
            format!("tag `{}` ({} operation(s))", self.what, self.operations)
        };
        text.replace(|c: char| c.is_control(), " ")
    }
}

/// The feature for operations without a tag.
pub const UNTAGGED: &str = "untagged";
/// The feature for types no operation reaches (component schemas kept for their own sake).
pub const UNREACHED: &str = "unreferenced-types";

/// A cargo feature name for a tag: lower case, runs of anything but letters and digits as one
/// `-`, never empty, never one of the crate's own feature names.
fn feature_name(tag: &str) -> String {
    let mut out = String::new();
    for c in tag.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("tag");
    }
    if ["default", "full", UNTAGGED, UNREACHED].contains(&out.as_str()) {
        out.push_str("-tag");
    }
    out
}

/// Puts every operation under the features of its tags (each named `{prefix}{tag}`) (an operation with several tags is on
/// when any of them is), every type under the features of the operations that reach it, and
/// the types no operation reaches under [`UNREACHED`]. Returns the features in the order their
/// tags first appear; two tags that make the same name share one feature.
pub fn tag_features(api: &mut Api, prefix: &str) -> Vec<Feature> {
    let mut features: Vec<Feature> = Vec::new();
    let mut op_features: Vec<Vec<String>> = Vec::with_capacity(api.operations.len());
    for op in &api.operations {
        let mut named: Vec<(String, &str)> = if op.tags.is_empty() {
            vec![(format!("{prefix}{UNTAGGED}"), "operations without a tag")]
        } else {
            op.tags
                .iter()
                .map(|t| (format!("{prefix}{}", feature_name(t)), t.as_str()))
                .collect()
        };
        named.sort();
        named.dedup_by(|a, b| a.0 == b.0);
        for (name, what) in &named {
            match features.iter_mut().find(|f| &f.name == name) {
                Some(f) => f.operations += 1,
                None => features.push(Feature {
                    name: name.clone(),
                    what: (*what).to_owned(),
                    operations: 1,
                }),
            }
        }
        let names: Vec<String> = named.into_iter().map(|(n, _)| n).collect();
        op_features.push(names);
    }
    // One walk per feature from the roots of all its operations (not one per operation: a
    // large API has many operations and few tags).
    let mut type_features: Vec<Vec<String>> = vec![Vec::new(); api.types.len()];
    for f in &features {
        let mut roots = Vec::new();
        for (i, names) in op_features.iter().enumerate() {
            if names.contains(&f.name) {
                operation_roots(api, i, &mut roots);
            }
        }
        for (t, reached) in reach_from(api, roots).into_iter().enumerate() {
            if reached {
                type_features[t].push(f.name.clone());
            }
        }
    }
    let mut unreached = false;
    let types = type_features
        .into_iter()
        .map(|mut names| {
            if names.is_empty() {
                unreached = true;
                names.push(format!("{prefix}{UNREACHED}"));
            }
            names.sort();
            names.dedup();
            Gate::Features(names)
        })
        .collect();
    if unreached {
        features.push(Feature {
            name: format!("{prefix}{UNREACHED}"),
            what: "the schemas no operation uses".to_owned(),
            operations: 0,
        });
    }
    api.gates = Gates {
        operations: op_features.into_iter().map(Gate::Features).collect(),
        types,
    };
    features
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_names_are_cargo_names() {
        assert_eq!(feature_name("Silos"), "silos");
        assert_eq!(feature_name("IP pools / v2"), "ip-pools-v2");
        assert_eq!(feature_name("  ---"), "tag");
        assert_eq!(feature_name("default"), "default-tag");
        assert_eq!(feature_name("ünïcode"), "n-code");
    }
}
