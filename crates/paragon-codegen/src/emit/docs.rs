//! Markdown pages for workflows: inputs, steps, a Mermaid state diagram of every transition, and
//! outputs. Rendered with minijinja from `templates/workflow.md.j2`; only the context is built here.

use serde::Serialize;

use crate::ir::Ty;
use crate::ir::workflow::{
    ActionIr, ActionIrKind, ActionTarget, Call, OutputIr, ValueExpr, WorkflowDoc, WorkflowIr,
};

const TEMPLATE: &str = include_str!("../../templates/workflow.md.j2");

#[derive(Serialize)]
struct Page {
    source: String,
    id: String,
    module: String,
    doc: Option<String>,
    inputs: Vec<Field>,
    steps: Vec<StepRow>,
    first: String,
    transitions: Vec<Transition>,
    outputs: Vec<Field>,
}

#[derive(Serialize)]
struct Field {
    wire: String,
    field: String,
    ty: String,
    from: String,
}

#[derive(Serialize)]
struct StepRow {
    id: String,
    node: String,
    call: String,
    criteria: Vec<String>,
}

#[derive(Serialize)]
struct Transition {
    from: String,
    to: String,
    label: String,
}

/// A Mermaid state id for a step: its index, so any stepId is safe.
fn node(i: usize) -> String {
    format!("s{i}")
}

/// The Rust type as a reader sees it; named types resolve in `api` (a workflow's own input
/// types when `None`).
fn ty_name(t: &Ty, names: &dyn Fn(usize) -> String) -> String {
    match t {
        Ty::String => "String".into(),
        Ty::Json => "serde_json::Value".into(),
        Ty::JsonObject => "serde_json::Map<String, Value>".into(),
        Ty::File => "FilePart".into(),
        Ty::Binary => "Binary".into(),
        Ty::DateTime => "DateTime".into(),
        Ty::Date => "Date".into(),
        Ty::Prim(p) => (*p).into(),
        Ty::Option(inner) => format!("Option<{}>", ty_name(inner, names)),
        Ty::Vec(inner) => format!("Vec<{}>", ty_name(inner, names)),
        Ty::Map(inner) => format!("HashMap<String, {}>", ty_name(inner, names)),
        Ty::Boxed(inner) => ty_name(inner, names),
        Ty::Named(id) => names(*id),
    }
}

fn source_text(v: &ValueExpr) -> String {
    match v {
        ValueExpr::Lit(l) => l.to_string(),
        ValueExpr::Expr(e, _) => e.to_string(),
        ValueExpr::Template(_) => "(template)".into(),
    }
}

fn outputs(doc: &WorkflowDoc, list: &[OutputIr]) -> Vec<Field> {
    list.iter()
        .map(|o| {
            let names = |id: usize| match o.ty.api {
                Some(a) => format!("{}::{}", doc.apis[a].module, doc.apis[a].api.types[id].name),
                None => format!("type #{id}"),
            };
            Field {
                wire: o.wire.clone(),
                field: o.field.clone(),
                ty: ty_name(&o.ty.ty, &names),
                from: source_text(&o.value),
            }
        })
        .collect()
}

fn criteria_label(a: &ActionIr) -> String {
    if a.criteria.is_empty() {
        String::new()
    } else {
        let texts: Vec<&str> = a.criteria.iter().map(|c| c.text.as_str()).collect();
        format!(" when {}", texts.join(" and "))
    }
}

/// Mermaid labels cannot hold `:` after the first, nor `;`, `#` or quotes.
fn label(text: String) -> String {
    text.replace(':', "꞉")
        .replace([';', '#'], " ")
        .replace('"', "'")
}

fn target(doc: &WorkflowDoc, t: ActionTarget) -> (String, String) {
    match t {
        ActionTarget::Step(j) => (node(j), String::new()),
        ActionTarget::Workflow(w) => (
            "[*]".into(),
            format!(" (runs workflow {})", doc.workflows[w].id),
        ),
    }
}

fn transitions(doc: &WorkflowDoc, w: &WorkflowIr) -> Vec<Transition> {
    let mut out = Vec::new();
    for (i, s) in w.steps.iter().enumerate() {
        let from = node(i);
        for a in &s.on_success {
            let (to, extra) = match a.kind {
                ActionIrKind::End => ("[*]".into(), String::new()),
                ActionIrKind::Goto(t) => target(doc, t),
                ActionIrKind::Retry { .. } => continue,
            };
            out.push(Transition {
                from: from.clone(),
                to,
                label: label(format!("success, {}{}{extra}", a.name, criteria_label(a))),
            });
        }
        let next = if i + 1 < w.steps.len() {
            node(i + 1)
        } else {
            "[*]".into()
        };
        out.push(Transition {
            from: from.clone(),
            to: next,
            label: "success".into(),
        });
        for a in &s.on_failure {
            let (to, what) = match a.kind {
                ActionIrKind::End => ("failed".into(), "end".to_owned()),
                ActionIrKind::Goto(t) => {
                    let (to, extra) = target(doc, t);
                    (to, format!("goto{extra}"))
                }
                ActionIrKind::Retry {
                    after,
                    limit,
                    target: t,
                } => {
                    let (to, extra) = match t {
                        Some(t) => target(doc, t),
                        None => (from.clone(), String::new()),
                    };
                    (
                        to,
                        format!("retry after {after} s, at most {limit} times{extra}"),
                    )
                }
            };
            out.push(Transition {
                from: from.clone(),
                to,
                label: label(format!("failure, {} ({what}){}", a.name, criteria_label(a))),
            });
        }
        out.push(Transition {
            from,
            to: "failed".into(),
            label: "failure".into(),
        });
    }
    out
}

/// The Markdown page of one workflow. `source` is the Arazzo file as the reader should see it.
pub fn workflow_page(doc: &WorkflowDoc, w: &WorkflowIr, source: &str) -> Result<String, String> {
    let steps = w
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| StepRow {
            id: s.id.clone(),
            node: node(i),
            call: match &s.call {
                Call::Operation { api, op, .. } => {
                    let o = &doc.apis[*api].api.operations[*op];
                    format!("`{}` (`{} {}`)", o.id, o.method.to_uppercase(), o.path)
                }
                Call::Http { method, url, .. } => {
                    format!("`{method} {}` (`x-operation`)", url.text())
                }
                Call::Workflow { workflow, .. } => {
                    format!("workflow `{}`", doc.workflows[*workflow].id)
                }
            },
            criteria: s.success.iter().map(|c| c.text.clone()).collect(),
        })
        .collect();
    let page = Page {
        source: source.to_owned(),
        id: w.id.clone(),
        module: w.module.clone(),
        doc: w.doc.clone(),
        inputs: w
            .input_fields
            .iter()
            .map(|(wire, field, ty)| Field {
                wire: wire.clone(),
                field: field.clone(),
                ty: ty_name(ty, &|id| {
                    w.input_types
                        .get(id)
                        .map_or_else(|| format!("type #{id}"), |t| t.name.clone())
                }),
                from: String::new(),
            })
            .collect(),
        steps,
        first: if w.steps.is_empty() {
            "[*]".into()
        } else {
            node(0)
        },
        transitions: transitions(doc, w),
        outputs: outputs(doc, &w.outputs),
    };
    let mut env = minijinja::Environment::new();
    env.set_trim_blocks(false);
    env.add_template("workflow.md", TEMPLATE)
        .map_err(|e| format!("internal: workflow template: {e}"))?;
    let template = env
        .get_template("workflow.md")
        .map_err(|e| format!("internal: workflow template: {e}"))?;
    template
        .render(&page)
        .map_err(|e| format!("internal: rendering the workflow page: {e}"))
}
