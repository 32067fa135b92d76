//! Inputs a workflow reads that its inputs schema does not declare: found in its steps and
//! outputs, and added to its `Inputs` as optional JSON (each use is warned about where it is
//! compiled).

use serde_json::Value;

use super::model::{self, Criterion};
use crate::ir::{Ty, TypeKind};
use crate::names::{Unique, snake_name};

/// The inputs a workflow reads (`$inputs.<name>` anywhere in its steps and outputs) that its
/// inputs schema does not declare, added to its `Inputs` struct as optional JSON (the struct is
/// made when there is no schema). Runners read such an input as whatever the caller passed, so
/// a document that relies on that still runs; each use gets a warning. Nothing is added when
/// the inputs schema is not a struct (that is an error of its own).
pub(super) fn add_undeclared_inputs(
    w: &model::Workflow,
    input_ty: &Option<Ty>,
    input_types: &mut Vec<crate::ir::TypeDef>,
) -> Vec<String> {
    let index = match input_ty {
        None => None,
        Some(Ty::Named(id)) if matches!(input_types[*id].kind, TypeKind::Struct { .. }) => {
            Some(*id)
        }
        Some(_) => return Vec::new(),
    };
    let declared: Vec<String> = index
        .map(|i| match &input_types[i].kind {
            TypeKind::Struct { fields, .. } => fields.iter().map(|f| f.wire.clone()).collect(),
            _ => Vec::new(),
        })
        .unwrap_or_default();
    let mut names: Vec<String> = Vec::new();
    let mut note = |text: &str| {
        for (at, _) in text.match_indices("$inputs.") {
            let rest = &text[at + "$inputs.".len()..];
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            let name = &rest[..len];
            // A declared name that goes on past the grammar's characters (`$.xgafv`,
            // `a.b`) is that input.
            let known = declared.iter().any(|d| {
                rest.strip_prefix(d.as_str()).is_some_and(|after| {
                    !after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                })
            });
            if !name.is_empty() && !known && !names.iter().any(|n| n == name) {
                names.push(name.to_owned());
            }
        }
    };
    for_each_string(w, &mut note);
    if names.is_empty() {
        return names;
    }
    let i = index.unwrap_or_else(|| {
        input_types.push(crate::ir::TypeDef {
            schema: None,
            name: "Inputs".into(),
            doc: Some(
                "The workflow's inputs (it declares none; these are the ones it reads).".into(),
            ),
            kind: TypeKind::Struct {
                fields: Vec::new(),
                extra: None,
            },
        });
        input_types.len() - 1
    });
    if let TypeKind::Struct { fields, .. } = &mut input_types[i].kind {
        let mut taken = Unique::default();
        for f in fields.iter() {
            taken.reserve(&f.name);
        }
        for n in &names {
            fields.push(crate::ir::Field {
                name: taken.claim(&snake_name(n)),
                wire: n.clone(),
                ty: Ty::Option(Box::new(Ty::Json)),
                required: false,
                doc: Some("Read by the workflow but not in its inputs schema: any JSON.".into()),
            });
        }
    }
    names
}

/// Every string a workflow's steps and outputs hold (parameter values, bodies, criteria,
/// actions' criteria, outputs), nested values included.
pub(super) fn for_each_string(w: &model::Workflow, f: &mut impl FnMut(&str)) {
    fn value(v: &Value, f: &mut impl FnMut(&str), depth: usize) {
        if depth > crate::load::json::MAX_DEPTH {
            return;
        }
        match v {
            Value::String(s) => f(s),
            Value::Array(a) => a.iter().for_each(|v| value(v, f, depth + 1)),
            Value::Object(m) => m.values().for_each(|v| value(v, f, depth + 1)),
            _ => {}
        }
    }
    fn criteria(cs: &[Criterion], f: &mut impl FnMut(&str)) {
        for c in cs {
            f(&c.condition);
            if let Some(ctx) = &c.context {
                f(ctx);
            }
        }
    }
    for s in &w.steps {
        for p in &s.parameters {
            value(&p.value, f, 0);
        }
        if let Some(b) = &s.request_body {
            if let Some(p) = &b.payload {
                value(p, f, 0);
            }
            for r in &b.replacements {
                value(&r.value, f, 0);
            }
        }
        criteria(&s.success_criteria, f);
        for a in s.on_success.iter().chain(&s.on_failure) {
            criteria(&a.criteria, f);
        }
        for (_, v, _) in &s.outputs {
            value(v, f, 0);
        }
    }
    for (_, v, _) in &w.outputs {
        value(v, f, 0);
    }
}
