//! The plan of an Arazzo document: per workflow its inputs, steps (with compiled calls,
//! criteria and actions) and outputs. Everything is resolved: step targets are indices, types are
//! planned, expressions are parsed.

use serde_json::Value;

use super::operations::{ParamIn, Serialization};
use super::{Api, Ty, TypeDef};
use crate::arazzo::condition::{CmpOp, Cond, Nav, Operand};
use crate::arazzo::expr::{Expr, Part, Source};

/// A type in a workflow module: from one of the APIs (`Some(index)`) or the workflow's own
/// namespace (`None`: inputs).
#[derive(Debug, Clone, PartialEq)]
pub struct WfTy {
    /// Which API's type space, or the workflow's own.
    pub api: Option<usize>,
    /// The type.
    pub ty: Ty,
}

impl WfTy {
    /// Any JSON.
    pub fn json() -> Self {
        Self {
            api: None,
            ty: Ty::Json,
        }
    }
}

/// A value computed at run time.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueExpr {
    /// A literal.
    Lit(Value),
    /// A runtime expression, with condition-style navigation.
    Expr(Expr, Vec<Nav>),
    /// A string with embedded `{$…}`.
    Template(Vec<Part>),
}

/// A request body payload with expressions inside.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// An object: members whose value is an expression that yields null are omitted.
    Object(Vec<(String, Payload)>),
    /// An array.
    Array(Vec<Payload>),
    /// A leaf.
    Value(ValueExpr),
}

/// A compiled criterion.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// `$statusCode OP n`, compiled to an integer comparison.
    Status(CmpOp, u16),
    /// Any other `simple` condition.
    Simple(Cond),
    /// `regex`.
    Regex {
        /// Context.
        context: ValueExpr,
        /// Pattern (validated at compile time).
        pattern: String,
    },
    /// `jsonpath`.
    JsonPath {
        /// Context.
        context: ValueExpr,
        /// RFC 9535 query (validated at compile time).
        query: String,
        /// The comparison form's operator and literal.
        compare: Option<(CmpOp, Value)>,
        /// The query ended in `.length`: what is compared is the length of each node it
        /// selects (an array's items, a string's characters; an object's member `length`).
        length: bool,
    },
    /// `xpath`: an XPath 1.0 expression, true as its `boolean()` (validated at compile time).
    XPath {
        /// Context.
        context: ValueExpr,
        /// The expression.
        query: String,
        /// When the context is the whole response body: the index of `query` in
        /// [`StepIr::xpath_body`], whose results are computed from one parse of the body.
        body_slot: Option<usize>,
    },
    /// Checks combined with `||` (the outer list) and `&&` (each inner list): a `jsonpath`
    /// condition written with JavaScript's operators.
    AnyOf(Vec<Vec<Check>>),
}

/// A criterion and its text (for error messages).
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionIr {
    /// As written.
    pub text: String,
    /// Compiled.
    pub check: Check,
}

/// Where an action goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionTarget {
    /// A step of this workflow.
    Step(usize),
    /// Another workflow of the document.
    Workflow(usize),
}

/// The kind of an action.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ActionIrKind {
    /// End the workflow (as success after onSuccess, as failure after onFailure).
    End,
    /// Go to a step or workflow.
    Goto(ActionTarget),
    /// Retry the current step, optionally after running a step or workflow.
    Retry {
        /// Seconds to wait unless the response says `Retry-After`.
        after: f64,
        /// How many retries.
        limit: u64,
        /// Run this first.
        target: Option<ActionTarget>,
    },
}

/// A compiled action.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionIr {
    /// `name`.
    pub name: String,
    /// What it does.
    pub kind: ActionIrKind,
    /// All must hold.
    pub criteria: Vec<CriterionIr>,
}

/// A request parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamIr {
    /// Where it goes.
    pub location: ParamIn,
    /// Wire name.
    pub name: String,
    /// Value.
    pub value: ValueExpr,
    /// How it is serialized: the operation's parameter's `style`/`explode`/`allowReserved`, or
    /// the default for its location when the operation does not declare it.
    pub style: Serialization,
}

/// What resuming a saved state may do with a step's request that was in flight (the runtime's
/// `Resend`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resend {
    /// An idempotent method, a step that sets its own `Idempotency-Key`, or
    /// `x-paragon-idempotent: true`.
    Safe,
    /// Sent with a generated `Idempotency-Key`: the operation declares the header, or the step
    /// has `x-paragon-idempotency-key: true`.
    Keyed,
    /// Neither: resuming is an `InDoubt` error.
    InDoubt,
}

/// A step's request body.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyIr {
    /// `contentType` (default `application/json`).
    pub content_type: String,
    /// The payload.
    pub payload: Payload,
    /// `replacements`: JSON Pointer target and value.
    pub replacements: Vec<(String, ValueExpr)>,
}

/// What a step does.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)] // one per step; boxing buys nothing
pub enum Call {
    /// An HTTP operation of one of the APIs.
    Operation {
        /// Index into [`WorkflowDoc::apis`].
        api: usize,
        /// Index into that API's `operations`: the step is sent as the operation's request
        /// builder sends it (method, path, security, `Accept`, parameter styles, body kind).
        op: usize,
        /// Parameters.
        params: Vec<ParamIr>,
        /// Body.
        body: Option<BodyIr>,
        /// What resuming may do when the request was in flight.
        resend: Resend,
    },
    /// A request to a URL that no OpenAPI operation describes (Redocly's `x-operation`): sent
    /// through the first API's client settings (timeouts, retries, clock) with no credentials;
    /// the response is untyped.
    Http {
        /// Index into [`WorkflowDoc::apis`] of the client whose settings it uses.
        api: usize,
        /// Upper-case method.
        method: String,
        /// The absolute URL.
        url: ValueExpr,
        /// Parameters (path parameters fill `{name}` in the URL).
        params: Vec<ParamIr>,
        /// Body.
        body: Option<BodyIr>,
        /// What resuming may do when the request was in flight.
        resend: Resend,
    },
    /// Another workflow of the document, with its inputs.
    Workflow {
        /// Index into [`WorkflowDoc::workflows`].
        workflow: usize,
        /// Inputs by name.
        inputs: Vec<(String, ValueExpr)>,
    },
}

/// A step or workflow output.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputIr {
    /// Name in the document.
    pub wire: String,
    /// Rust field.
    pub field: String,
    /// Its type (the field is `Option` of it).
    pub ty: WfTy,
    /// How it is computed.
    pub value: ValueExpr,
    /// How the response body is read when the value is the whole `$response.body`.
    pub read: BodyRead,
}

/// How a step output that is the whole response body reads it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BodyRead {
    /// As JSON (the default; any other output reads JSON too).
    #[default]
    Json,
    /// As text: the operation's success responses are text.
    Text,
    /// As bytes: the operation's success responses are binary.
    Binary,
}

/// A compiled step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepIr {
    /// `stepId`.
    pub id: String,
    /// `StepId` variant.
    pub variant: String,
    /// Snake-case name (field of `StepOutputs`, method name).
    pub field: String,
    /// Name of its outputs struct.
    pub outputs_type: String,
    /// `description`.
    pub doc: Option<String>,
    /// What it calls.
    pub call: Call,
    /// `successCriteria`.
    pub success: Vec<CriterionIr>,
    /// `onSuccess` (with workflow-level ones merged).
    pub on_success: Vec<ActionIr>,
    /// `onFailure` (with workflow-level ones merged).
    pub on_failure: Vec<ActionIr>,
    /// `outputs`.
    pub outputs: Vec<OutputIr>,
    /// The `xpath` expressions of its criteria (success and actions) whose context is the
    /// whole response body, each once: the body is parsed once for all of them.
    pub xpath_body: Vec<String>,
}

impl ValueExpr {
    /// The value as a reader would write it (for messages and docs).
    pub fn text(&self) -> String {
        match self {
            ValueExpr::Lit(l) => l.to_string(),
            ValueExpr::Expr(e, nav) if nav.is_empty() => e.to_string(),
            ValueExpr::Expr(e, _) => format!("{e}…"),
            ValueExpr::Template(parts) => parts
                .iter()
                .map(|p| match p {
                    Part::Lit(s) => s.clone(),
                    Part::Expr(e) => format!("{{{e}}}"),
                })
                .collect(),
        }
    }

    /// Adds the runtime expressions this value reads to `out`.
    fn collect<'a>(&'a self, out: &mut Vec<&'a Expr>) {
        match self {
            ValueExpr::Lit(_) => {}
            ValueExpr::Expr(e, _) => out.push(e),
            ValueExpr::Template(parts) => out.extend(parts.iter().filter_map(|p| match p {
                Part::Expr(e) => Some(e),
                Part::Lit(_) => None,
            })),
        }
    }
}

fn collect_cond<'a>(c: &'a Cond, out: &mut Vec<&'a Expr>) {
    let operand = |o: &'a Operand, out: &mut Vec<&'a Expr>| {
        if let Operand::Expr { expr, .. } = o {
            out.push(expr);
        }
    };
    match c {
        Cond::Or(items) | Cond::And(items) => items.iter().for_each(|i| collect_cond(i, out)),
        Cond::Not(inner) => collect_cond(inner, out),
        Cond::Cmp(a, _, b) => {
            operand(a, out);
            operand(b, out);
        }
        Cond::Test(a) => operand(a, out),
    }
}

impl CriterionIr {
    fn collect<'a>(&'a self, out: &mut Vec<&'a Expr>) {
        self.check.collect(out);
    }
}

impl Check {
    fn collect<'a>(&'a self, out: &mut Vec<&'a Expr>) {
        match self {
            Check::Status(..) => {}
            Check::Simple(c) => collect_cond(c, out),
            Check::Regex { context, .. }
            | Check::JsonPath { context, .. }
            | Check::XPath { context, .. } => context.collect(out),
            Check::AnyOf(alternatives) => {
                for c in alternatives.iter().flatten() {
                    c.collect(out);
                }
            }
        }
    }
}

impl StepIr {
    /// Gives each `xpath` check of the step whose context is the whole response body its slot
    /// in [`StepIr::xpath_body`] (the same expression shares one).
    pub fn assign_xpath_slots(&mut self) {
        fn walk(check: &mut Check, queries: &mut Vec<String>) {
            match check {
                Check::XPath {
                    context: ValueExpr::Expr(Expr::Response(Source::Body(None)), nav),
                    query,
                    body_slot,
                } if nav.is_empty() => {
                    let i = queries.iter().position(|q| q == query).unwrap_or_else(|| {
                        queries.push(query.clone());
                        queries.len() - 1
                    });
                    *body_slot = Some(i);
                }
                Check::AnyOf(alternatives) => {
                    for c in alternatives.iter_mut().flatten() {
                        walk(c, queries);
                    }
                }
                _ => {}
            }
        }
        let mut queries = Vec::new();
        let actions = self.on_success.iter_mut().chain(self.on_failure.iter_mut());
        for c in self
            .success
            .iter_mut()
            .chain(actions.flat_map(|a| a.criteria.iter_mut()))
        {
            walk(&mut c.check, &mut queries);
        }
        self.xpath_body = queries;
    }

    /// Every runtime expression evaluated once the step's response is in: success criteria,
    /// outputs and the criteria of its actions. What the step must keep of its request
    /// (`$request.*`, `$url`, `$method`) is decided from these.
    pub fn response_exprs(&self) -> Vec<&Expr> {
        let mut out = Vec::new();
        for c in &self.success {
            c.collect(&mut out);
        }
        for a in self.on_success.iter().chain(&self.on_failure) {
            for c in &a.criteria {
                c.collect(&mut out);
            }
        }
        for o in &self.outputs {
            o.value.collect(&mut out);
        }
        out
    }
}

/// A compiled workflow.
#[derive(Debug, Clone)]
pub struct WorkflowIr {
    /// `workflowId`.
    pub id: String,
    /// The key of its record in a calling workflow's `State::workflows`: the `workflowId` for
    /// workflows of the document given, the module name for those of its Arazzo sources (ids
    /// may repeat across documents).
    pub key: String,
    /// Rust module name.
    pub module: String,
    /// Summary and description.
    pub doc: Option<String>,
    /// Types of the inputs (`Inputs` first when the schema is an object).
    pub input_types: Vec<TypeDef>,
    /// Input fields: wire name, Rust field, type.
    pub input_fields: Vec<(String, String, Ty)>,
    /// Steps in document order.
    pub steps: Vec<StepIr>,
    /// `outputs`.
    pub outputs: Vec<OutputIr>,
    /// Workflows to run first.
    pub depends_on: Vec<usize>,
}

/// One OpenAPI source description, planned.
#[derive(Debug, Clone)]
pub struct SourceApi {
    /// Source description name.
    pub name: String,
    /// The OpenAPI document's file, as loaded.
    pub path: std::path::PathBuf,
    /// Rust module name.
    pub module: String,
    /// The planned API.
    pub api: Api,
}

impl WorkflowDoc {
    /// Whether a step has an `xpath` criterion: the runtime's `xpath` feature is then needed.
    pub fn uses_xpath(&self) -> bool {
        fn has(c: &Check) -> bool {
            match c {
                Check::XPath { .. } => true,
                Check::AnyOf(alternatives) => alternatives.iter().flatten().any(has),
                _ => false,
            }
        }
        self.workflows.iter().flat_map(|w| &w.steps).any(|s| {
            s.success
                .iter()
                .chain(
                    s.on_success
                        .iter()
                        .chain(&s.on_failure)
                        .flat_map(|a| &a.criteria),
                )
                .any(|c| has(&c.check))
        })
    }
}

/// A planned Arazzo document.
#[derive(Debug, Clone)]
pub struct WorkflowDoc {
    /// `info.title`.
    pub title: String,
    /// `info.summary`/`description`.
    pub description: Option<String>,
    /// Source descriptions of type `openapi` (of every document of the run, each once).
    pub apis: Vec<SourceApi>,
    /// Workflows: those of the documents the given one names (`type: arazzo`) first, each
    /// document after the ones it names.
    pub workflows: Vec<WorkflowIr>,
    /// Every file read (for rebuild tracking).
    pub files: Vec<std::path::PathBuf>,
}
