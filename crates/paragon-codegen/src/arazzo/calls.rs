//! A step's request, compiled: its parameters (each with the serialization its operation
//! declares), its body, and whether resuming may send it again; for an operation of one of the
//! APIs (`Call::Operation`) or Redocly's `x-operation` (`Call::Http`).

use serde_json::Value;

use super::compile::{Compiler, Scope};
use super::expr::Expr;
use super::model;
use crate::ir::operations::{Operation, ParamIn, Serialization};
use crate::ir::workflow::{BodyIr, Call, ParamIr, Payload, Resend, ValueExpr};

/// A step's parameters, each with the serialization its operation declares for it (the
/// default of its location when the operation has no such parameter, or for `x-operation`).
fn step_params(
    c: &mut Compiler<'_>,
    s: &model::Step,
    operation: Option<&Operation>,
    scope: &Scope<'_>,
) -> Vec<ParamIr> {
    let mut params = Vec::new();
    for p in &s.parameters {
        let Some(location) = p.location.as_deref().and_then(ParamIn::parse) else {
            c.err(&p.loc, format!("parameter `{}` of an operation step needs `in` (path, query, header or cookie)", p.name));
            continue;
        };
        let declared = operation.and_then(|op| {
            op.params
                .iter()
                .find(|d| d.location == location && d.wire == p.name)
        });
        let value = c.value(&p.value, &p.value_loc, scope);
        params.push(ParamIr {
            location,
            name: p.name.clone(),
            value,
            style: declared.map_or_else(|| Serialization::default_for(location), |d| d.style),
        });
    }
    params
}

fn step_body(c: &mut Compiler<'_>, s: &model::Step, scope: &Scope<'_>) -> Option<BodyIr> {
    s.request_body.as_ref().map(|b| {
        let payload = match &b.payload {
            Some(v) => c.payload(v, &b.payload_loc, scope),
            None => Payload::Value(ValueExpr::Lit(Value::Null)),
        };
        let replacements = b
            .replacements
            .iter()
            .map(|r| {
                (
                    r.target.clone(),
                    c.value(&r.value, &r.loc.join("value"), scope),
                )
            })
            .collect();
        BodyIr {
            content_type: b
                .content_type
                .clone()
                .unwrap_or_else(|| "application/json".into()),
            payload,
            replacements,
        }
    })
}

pub(super) fn compile_operation_call<'a>(
    c: &mut Compiler<'_>,
    s: &model::Step,
    api: usize,
    op: usize,
    operation: &Operation,
    scope: &Scope<'_>,
    may_be_absent: &dyn Fn(&str, &str) -> Option<&'a str>,
) -> Call {
    let params = step_params(c, s, Some(operation), scope);
    // A required parameter fed by an output the earlier response may lack: the step then fails
    // before sending (`WorkflowError::Request`), which a criterion on that step would catch
    // where the cause is.
    for sp in &s.parameters {
        let Some(p) = params.iter().find(|p| {
            Some(p.location) == sp.location.as_deref().and_then(ParamIn::parse) && p.name == sp.name
        }) else {
            continue;
        };
        let ValueExpr::Expr(
            Expr::Steps {
                step,
                output,
                pointer: None,
            },
            nav,
        ) = &p.value
        else {
            continue;
        };
        let required = operation
            .params
            .iter()
            .any(|d| d.required && d.location == p.location && d.wire == p.name);
        if !nav.is_empty() || !required {
            continue;
        }
        if let Some(member) = may_be_absent(step, output) {
            c.diags.push(
                c.sources
                    .warning_at(
                        &sp.value_loc,
                        format!(
                            "the required {} parameter `{}` of `{}` is fed by `$steps.{step}.outputs.{output}`, which a successful `{step}` may lack: its response schema does not require `{member}`",
                            p.location.as_str(),
                            p.name,
                            operation.id
                        ),
                    )
                    .with_help(format!(
                        "when it is absent this step fails before sending; to fail at `{step}` instead, add a success criterion there (`$response.body#/… != null`), or mark `{member}` required in the schema"
                    ))
                    .with_code("absent-output"),
            );
        }
    }
    for required in operation.params.iter().filter(|p| p.required) {
        if !params
            .iter()
            .any(|p| p.location == required.location && p.name == required.wire)
        {
            c.diags.push(c.sources.warning_at(
                &s.loc,
                format!(
                    "step `{}` does not supply the required {} parameter `{}` of `{}`",
                    s.id,
                    required.location.as_str(),
                    required.wire,
                    operation.id
                ),
            ));
        }
    }
    let body = step_body(c, s, scope);
    let declares_key = operation
        .params
        .iter()
        .any(|p| p.location == ParamIn::Header && is_idempotency_key(&p.wire));
    let resend = resend_of(c, s, &operation.method, declares_key, &params);
    Call::Operation {
        api,
        op,
        params,
        body,
        resend,
    }
}

/// Redocly's `x-operation`: the URL is a literal or a `{$…}` template; `{name}` in it is
/// filled by the step's path parameters.
pub(super) fn compile_http_call(
    c: &mut Compiler<'_>,
    s: &model::Step,
    api: usize,
    method: &str,
    url: &str,
    scope: &Scope<'_>,
) -> Call {
    let url_loc = s.loc.join("x-operation").join("url");
    let url_value = c.value(&Value::String(url.to_owned()), &url_loc, scope);
    let params = step_params(c, s, None, scope);
    let body = step_body(c, s, scope);
    let resend = resend_of(c, s, method, false, &params);
    Call::Http {
        api,
        method: method.to_owned(),
        url: url_value,
        params,
        body,
        resend,
    }
}

fn is_idempotency_key(name: &str) -> bool {
    name.eq_ignore_ascii_case("Idempotency-Key")
}

/// Whether a step's request may be sent again when a saved state is resumed with it in flight:
/// by method (RFC 9110's idempotent methods), unless the step says otherwise with
/// `x-paragon-idempotent: true|false`; else with a generated `Idempotency-Key` when the
/// operation declares that header (as Stripe-style APIs do) or the step asks for one with
/// `x-paragon-idempotency-key: true`; a step that sets the header itself resends its own value.
fn resend_of(
    c: &mut Compiler<'_>,
    s: &model::Step,
    method: &str,
    declares_key: bool,
    params: &[ParamIr],
) -> Resend {
    let mut flag = |name: &str| {
        let loc = s.loc.join(name);
        match c.sources.get(&loc) {
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => {
                c.err(&loc, format!("`{name}` is `true` or `false`"));
                None
            }
        }
    };
    let marked = flag("x-paragon-idempotent");
    let asks_key = flag("x-paragon-idempotency-key").unwrap_or(false);
    let idempotent_method = matches!(method, "GET" | "HEAD" | "OPTIONS" | "PUT" | "DELETE");
    let sets_key = params
        .iter()
        .any(|p| p.location == ParamIn::Header && is_idempotency_key(&p.name));
    if sets_key || marked.unwrap_or(idempotent_method) {
        Resend::Safe
    } else if asks_key || declares_key {
        Resend::Keyed
    } else {
        Resend::InDoubt
    }
}
