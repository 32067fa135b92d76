//! The types of outputs: a `$response.body` pointer followed through the schema of the
//! operation's success response, non-JSON bodies read as bytes or text, and what other
//! expressions are known to hold.

use std::collections::HashMap;

use serde_json::Value;

use super::expr::{Expr, Source, WorkflowField};
use crate::ir::Ty;
use crate::ir::operations::Operation;
use crate::ir::workflow::{BodyRead, ValueExpr, WfTy};
use crate::load::{Loc, Sources};

/// Finds the schema reached by following `pointer` (RFC 6901) from `schema`: through
/// `properties`, array `items`, `allOf` members and `additionalProperties`.
pub(super) fn schema_at(sources: &Sources, schema: &Loc, pointer: &str) -> Option<Loc> {
    let mut current = sources.deref(schema).ok()?;
    for raw in pointer.split('/').skip(1) {
        let token = crate::pointer::unescape(raw);
        current = step_into(sources, &current, &token, 0)?;
    }
    Some(current)
}

pub(super) fn step_into(sources: &Sources, at: &Loc, token: &str, depth: usize) -> Option<Loc> {
    if depth > 16 {
        return None;
    }
    let at = sources.deref(at).ok()?;
    let Value::Object(m) = sources.get(&at)? else {
        return None;
    };
    if let Some(Value::Object(p)) = m.get("properties")
        && p.contains_key(token)
    {
        return sources.deref(&at.join("properties").join(token)).ok();
    }
    if m.contains_key("items") && token.parse::<usize>().is_ok() {
        return sources.deref(&at.join("items")).ok();
    }
    if let Some(Value::Array(parts)) = m.get("allOf") {
        for i in 0..parts.len() {
            if let Some(l) = step_into(sources, &at.join("allOf").index(i), token, depth + 1) {
                return Some(l);
            }
        }
    }
    if let Some(Value::Object(_)) = m.get("additionalProperties") {
        return sources.deref(&at.join("additionalProperties")).ok();
    }
    None
}

/// The first member along `pointer` (from `schema`) that a successful response may lack: one
/// its object schema does not list in `required` (nor any `allOf` member does), one that may be
/// `null`, or an array index (an array may be shorter). `None` when every member is required,
/// or when a schema along the way is not known well enough to say.
pub(super) fn first_optional_member(
    sources: &Sources,
    schema: &Loc,
    pointer: &str,
) -> Option<String> {
    let mut current = sources.deref(schema).ok()?;
    for raw in pointer.split('/').skip(1) {
        let token = crate::pointer::unescape(raw);
        let Some(Value::Object(m)) = sources.get(&current) else {
            return None;
        };
        if m.get("type").and_then(Value::as_str) == Some("array") || m.contains_key("items") {
            return Some(token.into_owned());
        }
        let next = step_into(sources, &current, &token, 0)?;
        let required = requires(sources, &current, &token, 0);
        let nullable = match sources.get(&next) {
            Some(Value::Object(p)) => {
                p.get("nullable") == Some(&Value::Bool(true))
                    || p.get("type")
                        .and_then(Value::as_array)
                        .is_some_and(|t| t.iter().any(|t| t == "null"))
            }
            _ => false,
        };
        if !required || nullable {
            return Some(token.into_owned());
        }
        current = next;
    }
    None
}

/// Whether the object schema at `at` (or one of its `allOf` members) requires `member`.
fn requires(sources: &Sources, at: &Loc, member: &str, depth: usize) -> bool {
    if depth > 16 {
        return false;
    }
    let Ok(at) = sources.deref(at) else {
        return false;
    };
    let Some(Value::Object(m)) = sources.get(&at) else {
        return false;
    };
    if let Some(Value::Array(r)) = m.get("required")
        && r.iter().any(|r| r == member)
    {
        return true;
    }
    match m.get("allOf") {
        Some(Value::Array(parts)) => (0..parts.len())
            .any(|i| requires(sources, &at.join("allOf").index(i), member, depth + 1)),
        _ => false,
    }
}

/// The schema of the first 2xx JSON response of an operation.
pub(super) fn success_schema(sources: &Sources, op: &Loc) -> Option<Loc> {
    let responses = op.join("responses");
    let Some(Value::Object(map)) = sources.get(&responses) else {
        return None;
    };
    let mut keys: Vec<&String> = map.keys().filter(|k| k.starts_with('2')).collect();
    keys.sort();
    for k in keys {
        let r = sources.deref(&responses.join(k)).ok()?;
        let Some(Value::Object(content)) = sources.get(&r.join("content")) else {
            continue;
        };
        if let Some(mt) = content.keys().find(|m| crate::ir::operations::is_json(m)) {
            let s = r.join("content").join(mt).join("schema");
            if sources.get(&s).is_some() {
                return Some(s);
            }
        }
    }
    None
}

/// How a step output of the whole `$response.body` reads the body of `op`: as JSON when a
/// success response is JSON (or none says), else as bytes or text.
pub(super) fn body_read(op: &Operation) -> BodyRead {
    use crate::ir::operations::ResponseBody;
    let bodies: Vec<&ResponseBody> = op.successes().map(|r| &r.body).collect();
    if bodies.iter().any(|b| matches!(b, ResponseBody::Json(_))) {
        BodyRead::Json
    } else if bodies.iter().any(|b| matches!(b, ResponseBody::Binary)) {
        BodyRead::Binary
    } else if bodies.iter().any(|b| matches!(b, ResponseBody::Text)) {
        BodyRead::Text
    } else {
        BodyRead::Json
    }
}

pub(super) fn strip_option(t: Ty) -> Ty {
    match t {
        Ty::Option(inner) => *inner,
        other => other,
    }
}

/// Output names and types of the workflows compiled so far, by workflowId.
pub(super) type TypedOutputs = HashMap<String, Vec<(String, WfTy)>>;

/// The static type of a value expression, where we know it. `sub` is the outputs of the
/// workflow a `workflowId` step calls (what `$outputs.x` means there), when already compiled.
pub(super) fn expr_type(
    v: &ValueExpr,
    inputs: &[(String, String, Ty)],
    steps: &HashMap<String, Vec<(String, WfTy)>>,
    workflows: &TypedOutputs,
    sub: Option<&Vec<(String, WfTy)>>,
) -> WfTy {
    let find = |outs: Option<&Vec<(String, WfTy)>>, name: &str| {
        outs.and_then(|o| o.iter().find(|(w, _)| w == name))
            .map(|(_, t)| t.clone())
            .unwrap_or_else(WfTy::json)
    };
    let ValueExpr::Expr(e, nav) = v else {
        let ty = match v {
            ValueExpr::Template(_) | ValueExpr::Lit(Value::String(_)) => Ty::String,
            ValueExpr::Lit(Value::Bool(_)) => Ty::Prim("bool"),
            ValueExpr::Lit(Value::Number(n)) if n.is_i64() => Ty::Prim("i64"),
            ValueExpr::Lit(Value::Number(_)) => Ty::Prim("f64"),
            _ => Ty::Json,
        };
        return WfTy { api: None, ty };
    };
    if !nav.is_empty() {
        return WfTy::json();
    }
    match e {
        Expr::Inputs {
            name,
            pointer: None,
        } => inputs
            .iter()
            .find(|(w, _, _)| w == name)
            .map(|(_, _, t)| WfTy {
                api: None,
                ty: t.clone(),
            })
            .unwrap_or_else(WfTy::json),
        Expr::Steps {
            step,
            output,
            pointer: None,
        } => find(steps.get(step), output),
        Expr::Outputs {
            name,
            pointer: None,
        } => find(sub, name),
        Expr::Workflows {
            workflow,
            field: WorkflowField::Outputs,
            name,
            pointer: None,
        } => find(workflows.get(workflow), name),
        Expr::StatusCode => WfTy {
            api: None,
            ty: Ty::Prim("u16"),
        },
        Expr::Url | Expr::Method | Expr::Response(Source::Header(_)) => WfTy {
            api: None,
            ty: Ty::String,
        },
        _ => WfTy::json(),
    }
}
