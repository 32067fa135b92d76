//! Arazzo document → [`WorkflowDoc`]: every check that can reject a document (each a located
//! diagnostic, all collected), then the plan the emitter reads.
//!
//! Checks: unknown or duplicate `stepId`; `goto`/`retry` to an unknown step or workflow; unknown
//! `operationId`, or one found in several sources without `$sourceDescriptions.<name>.`; an
//! `operationPath` that does not resolve; `$steps.x.outputs.y` where x defines no y; `$inputs.z`
//! not in the inputs schema; invalid runtime expressions and conditions (at their column);
//! invalid regex and JSONPath; `xpath` (not supported); a required OpenAPI parameter not supplied
//! (warning).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::condition::{self, CmpOp, Cond, Nav, Operand};
use super::dialect;
use super::documents::{Api0, OpRef, Run};
use super::expr::{self, Expr, ExprError, Part, Source, WorkflowField};
use super::model::{self, ActionKind, Criterion, CriterionKind, Target};
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::ir::operations::{Operation, ParamIn, plan_api_with};
use crate::ir::types::TypePlanner;
use crate::ir::workflow::*;
use crate::ir::{Ty, TypeKind};
use crate::load::{Loc, Sources};
use crate::names::{Unique, snake_name, type_name, variant_name};

/// The codes of warnings for another runner's spelling with one standard form (all start with
/// `dialect/`): navigation after an expression, an `operationPath` without its wrapper, an
/// `operationId` prefixed with its source, `$sourceDescription.` in the singular.
pub const DIALECT_NAVIGATION: &str = "dialect/navigation";
/// See [`DIALECT_NAVIGATION`].
pub const DIALECT_OPERATION_PATH: &str = "dialect/operation-path";
/// See [`DIALECT_NAVIGATION`].
pub const DIALECT_OPERATION_ID: &str = "dialect/operation-id";
/// See [`DIALECT_NAVIGATION`].
pub const DIALECT_SOURCE_DESCRIPTIONS: &str = "dialect/source-descriptions";
/// See [`DIALECT_NAVIGATION`].
pub const DIALECT_DOUBLE_QUOTES: &str = "dialect/double-quotes";

/// Context for checking and compiling expressions of one step or workflow.
struct Scope<'a> {
    /// Input fields (wire → field, type).
    inputs: &'a [(String, String, Ty)],
    /// Steps seen so far in this workflow: id → outputs (wire, type).
    steps: &'a HashMap<String, Vec<(String, WfTy)>>,
    /// All step ids of this workflow (for references to later steps).
    all_steps: &'a [String],
    /// How workflows are named from the document this code is in.
    names: &'a Names<'a>,
    /// Inputs the document reads and its inputs schema does not declare (added to `Inputs`
    /// as optional JSON).
    undeclared_inputs: &'a [String],
    /// A response exists (criteria, outputs, actions), as opposed to parameters and bodies.
    after_response: bool,
}

struct Compiler<'a> {
    sources: &'a Sources,
    diags: &'a mut Diagnostics,
}

impl Compiler<'_> {
    fn err(&mut self, loc: &Loc, msg: impl Into<String>) {
        self.diags.push(self.sources.error_at(loc, msg));
    }

    /// A diagnostic at a character offset inside the string value at `loc`.
    fn err_in_string(&mut self, loc: &Loc, offset: usize, msg: String) {
        let file = self.sources.file(loc.file);
        let pos = self.sources.pos(loc).map(|p| {
            let start = crate::diag::byte_offset(&file.text, p);
            let quoted = matches!(file.text[start..].chars().next(), Some('\'' | '"'));
            Pos {
                line: p.line,
                col: p.col + u32::from(quoted) + u32::try_from(offset).unwrap_or(0),
            }
        });
        self.diags
            .push(Diagnostic::error(&file.path, pos, msg).with_source(file.text.clone()));
    }

    fn expr_error(&mut self, loc: &Loc, what: &str, e: ExprError) {
        self.err_in_string(loc, e.offset, format!("invalid {what}: {}", e.message));
        let text = self.sources.get(loc).and_then(Value::as_str).unwrap_or("");
        if let Some(help) = extension_help(text)
            && let Some(last) = self.diags.last_mut()
        {
            last.help = Some(help.to_owned());
        }
    }

    /// Checks the references of an expression and resolves its workflow references to the
    /// run's workflows; returns false when it is unusable.
    fn check_refs(&mut self, e: &mut Expr, loc: &Loc, scope: &Scope<'_>) -> bool {
        if let Some((message, help)) = ref_problem(e, scope) {
            let mut d = self.sources.error_at(loc, message);
            if let Some(help) = help {
                d = d.with_help(help);
            }
            self.diags.push(d);
            return false;
        }
        if let Expr::Inputs { name, .. } = e
            && scope.undeclared_inputs.contains(name)
        {
            let declared: Vec<&str> = scope
                .inputs
                .iter()
                .map(|(w, _, _)| w.as_str())
                .filter(|w| !scope.undeclared_inputs.iter().any(|u| u == w))
                .collect();
            let help = match crate::names::closest(name, declared.iter().copied()) {
                Some(c) => format!(
                    "did you mean `$inputs.{c}`? Else declare `{name}` in the workflow's `inputs`"
                ),
                None if declared.is_empty() => {
                    format!("declare `{name}` in the workflow's `inputs`")
                }
                None => format!(
                    "declared inputs are: {}; declare `{name}` there",
                    declared.join(", ")
                ),
            };
            self.diags.push(
                self.sources
                    .warning_at(
                        loc,
                        format!("`$inputs.{name}` is not in the workflow's inputs schema; read as an optional input of any JSON"),
                    )
                    .with_help(help)
                    .with_code("undeclared-input"),
            );
        }
        if let Expr::Message(_) = e {
            self.diags.push(self.sources.warning_at(
                loc,
                "`$message` expressions (AsyncAPI) are not supported; the value is null",
            ));
        }
        scope.names.resolve_workflow_expr(e);
        true
    }

    /// The standard text of `s` when it is written in one of the dialects of
    /// [`dialect::navigation`] and the standard reading of it does not resolve; the warning says
    /// how it is read and how to write it.
    fn navigation_dialect(&mut self, s: &str, loc: &Loc, scope: &Scope<'_>) -> Option<String> {
        let inputs: Vec<&str> = scope.inputs.iter().map(|(w, _, _)| w.as_str()).collect();
        let outputs = |step: &str| {
            scope
                .steps
                .get(step)
                .map(|outs| outs.iter().map(|(w, _)| w.clone()).collect())
        };
        let standard = if s.starts_with('$') {
            dialect::navigation(s, &inputs, &outputs)
        } else {
            dialect::navigation_in_template(s, &inputs, &outputs)
        }?;
        self.dialect(loc, s, &standard, DIALECT_NAVIGATION);
        Some(standard)
    }

    /// The one warning for a spelling of another runner that has one standard form: how it is
    /// read, and the text `fix` writes in its place.
    fn dialect(&mut self, loc: &Loc, written: &str, standard: &str, code: &'static str) {
        self.diags.push(
            self.sources
                .warning_at(loc, format!("`{written}` read as `{standard}`"))
                .with_help(format!("write `{standard}`, the standard form"))
                .with_code(code)
                .with_rewrite(written, standard),
        );
    }

    /// A parameter value, payload leaf or replacement value.
    fn value(&mut self, v: &Value, loc: &Loc, scope: &Scope<'_>) -> ValueExpr {
        let Value::String(s) = v else {
            return ValueExpr::Lit(v.clone());
        };
        // An input or step output whose declared name has characters the strict grammar stops
        // at (Google's APIs have a `$.xgafv` parameter, and documents over them
        // `$inputs.$.xgafv`; generated documents name outputs `items[0].id`): the 1.0.1 ABNF
        // allows any characters in a name, so this is that input or output.
        if expr::parse(s).is_err()
            && let Some(e) = declared_name(s, scope)
        {
            return ValueExpr::Expr(e, Vec::new());
        }
        // The standard reading first; a dialect only where that does not resolve.
        let standard_resolves = if s.starts_with('$') {
            expr::parse(s).is_ok_and(|e| self.resolves(&e, scope))
        } else if s.contains("{$") {
            expr::parse_template(s).is_ok_and(|parts| {
                parts.iter().all(|p| match p {
                    Part::Expr(e) => self.resolves(e, scope),
                    Part::Lit(_) => true,
                })
            })
        } else {
            true
        };
        let rewritten = if standard_resolves {
            None
        } else {
            self.navigation_dialect(s, loc, scope)
        };
        let s = rewritten.as_deref().unwrap_or(s);
        if s.starts_with('$') {
            match expr::parse(s) {
                Ok(mut e) => {
                    if let Some(absent) = self.undeclared_output(&e, loc, scope) {
                        return absent;
                    }
                    if self.check_refs(&mut e, loc, scope) {
                        return ValueExpr::Expr(e, Vec::new());
                    }
                    return ValueExpr::Lit(Value::Null);
                }
                Err(e) => {
                    self.expr_error(loc, "runtime expression", e);
                    return ValueExpr::Lit(Value::Null);
                }
            }
        }
        if s.contains("{$") {
            match expr::parse_template(s) {
                Ok(mut parts) => {
                    let mut ok = true;
                    for p in &mut parts {
                        if let Part::Expr(e) = p {
                            ok &= self.check_refs(e, loc, scope);
                        }
                    }
                    return if ok {
                        ValueExpr::Template(parts)
                    } else {
                        ValueExpr::Lit(Value::Null)
                    };
                }
                Err(e) => {
                    self.expr_error(loc, "embedded expression", e);
                    return ValueExpr::Lit(Value::Null);
                }
            }
        }
        ValueExpr::Lit(v.clone())
    }

    /// Whether the names an expression uses exist where it is used (what [`Self::check_refs`]
    /// checks, without reporting anything).
    fn resolves(&self, e: &Expr, scope: &Scope<'_>) -> bool {
        ref_problem(e, scope).is_none()
    }

    /// `$steps.x.outputs.y` where step `x` (an earlier one) declares no `y`: the runners give
    /// `undefined`, so the value is always absent, with a warning that names the declared
    /// outputs (a typo shows there).
    fn undeclared_output(&mut self, e: &Expr, loc: &Loc, scope: &Scope<'_>) -> Option<ValueExpr> {
        let Expr::Steps { step, output, .. } = e else {
            return None;
        };
        let outs = scope.steps.get(step)?;
        if outs.iter().any(|(w, _)| w == output) {
            return None;
        }
        let known: Vec<&str> = outs.iter().map(|(w, _)| w.as_str()).collect();
        self.diags.push(
            self.sources
                .warning_at(
                    loc,
                    format!(
                        "step `{step}` defines no output `{output}`; the value is always absent"
                    ),
                )
                .with_help(if known.is_empty() {
                    format!("step `{step}` has no outputs; declare `{output}` in its `outputs`")
                } else {
                    format!(
                        "its outputs are: {}; declare `{output}` there, or use one of them",
                        known.join(", ")
                    )
                })
                .with_code("undeclared-output"),
        );
        Some(ValueExpr::Lit(Value::Null))
    }

    /// An output's value: a runtime expression (or a string with embedded ones), else a
    /// constant, as other runners read one, with a warning (1.0.1 outputs are expressions).
    fn output(&mut self, name: &str, v: &Value, loc: &Loc, scope: &Scope<'_>) -> ValueExpr {
        if let Value::String(s) = v
            && (s.starts_with('$') || s.contains("{$"))
        {
            return self.value(v, loc, scope);
        }
        self.diags.push(
            self.sources
                .warning_at(
                    loc,
                    format!("output `{name}` is the constant `{v}`, not a runtime expression"),
                )
                .with_help("it has this value on every run; Arazzo 1.0.1 outputs are runtime expressions (a value that never changes can be a workflow input with a default)")
                .with_code("constant-output"),
        );
        ValueExpr::Lit(v.clone())
    }

    fn payload(&mut self, v: &Value, loc: &Loc, scope: &Scope<'_>) -> Payload {
        match v {
            Value::Object(m) => Payload::Object(
                m.iter()
                    .map(|(k, v)| (k.clone(), self.payload(v, &loc.join(k), scope)))
                    .collect(),
            ),
            Value::Array(a) => Payload::Array(
                a.iter()
                    .enumerate()
                    .map(|(i, v)| self.payload(v, &loc.index(i), scope))
                    .collect(),
            ),
            other => Payload::Value(self.value(other, loc, scope)),
        }
    }

    fn cond_refs(&mut self, c: &mut Cond, loc: &Loc, scope: &Scope<'_>) -> bool {
        match c {
            Cond::Or(items) | Cond::And(items) => {
                // Every operand is checked (no short circuit) so all problems are reported.
                let mut ok = true;
                for i in items {
                    ok &= self.cond_refs(i, loc, scope);
                }
                ok
            }
            Cond::Not(inner) => self.cond_refs(inner, loc, scope),
            Cond::Cmp(a, _, b) => {
                let a_ok = self.operand_refs(a, loc, scope);
                self.operand_refs(b, loc, scope) && a_ok
            }
            Cond::Test(a) => self.operand_refs(a, loc, scope),
        }
    }

    fn operand_refs(&mut self, o: &mut Operand, loc: &Loc, scope: &Scope<'_>) -> bool {
        match o {
            Operand::Lit(_) => true,
            Operand::Expr { expr, .. } => self.check_refs(expr, loc, scope),
        }
    }

    fn criterion(&mut self, c: &Criterion, scope: &Scope<'_>) -> Option<CriterionIr> {
        let cond_loc = c.loc.join("condition");
        let context = match &c.context {
            Some(ctx) => {
                let v = self.value(&Value::String(ctx.clone()), &c.loc.join("context"), scope);
                Some(v)
            }
            None => None,
        };
        let check = match c.kind {
            CriterionKind::Simple => match condition::parse_simple(&c.condition).or_else(|e| {
                // String literals in double quotes, as JavaScript and Python write them.
                let standard = dialect::double_quoted_literals(&c.condition).ok_or(e.clone())?;
                let cond = condition::parse_simple(&standard).map_err(|_| e)?;
                self.dialect(&cond_loc, &c.condition, &standard, DIALECT_DOUBLE_QUOTES);
                Ok(cond)
            }) {
                Ok(mut cond) => {
                    if !self.cond_refs(&mut cond, &cond_loc, scope) {
                        return None;
                    }
                    match &cond {
                        Cond::Cmp(
                            Operand::Expr {
                                expr: Expr::StatusCode,
                                nav,
                            },
                            op,
                            Operand::Lit(Value::Number(n)),
                        ) if nav.is_empty() && n.as_u64().is_some_and(|n| n <= 999) => {
                            Check::Status(
                                *op,
                                n.as_u64().and_then(|n| u16::try_from(n).ok()).unwrap_or(0),
                            )
                        }
                        _ => Check::Simple(cond),
                    }
                }
                Err(e) => {
                    self.expr_error(&cond_loc, "condition", e);
                    return None;
                }
            },
            CriterionKind::Regex => {
                let Some(context) = context else {
                    self.err(&c.loc, "a `regex` criterion needs a `context`");
                    return None;
                };
                if let Err(e) = regex::Regex::new(&c.condition) {
                    self.err(&cond_loc, format!("invalid regular expression: {e}"));
                    return None;
                }
                Check::Regex {
                    context,
                    pattern: c.condition.clone(),
                }
            }
            CriterionKind::JsonPath => {
                let Some(context) = context else {
                    self.err(
                        &c.loc,
                        "a `jsonpath` criterion needs a `context` (for example `$response.body`)",
                    );
                    return None;
                };
                let parsed = match condition::parse_jsonpath(&c.condition) {
                    Ok(p) => p,
                    Err(e) => {
                        self.expr_error(&cond_loc, "JSONPath condition", e);
                        return None;
                    }
                };
                if let Err(e) = serde_json_path::JsonPath::parse(&parsed.query) {
                    self.err(
                        &cond_loc,
                        format!("invalid JSONPath (RFC 9535) `{}`: {e}", parsed.query),
                    );
                    return None;
                }
                Check::JsonPath {
                    context,
                    query: parsed.query,
                    compare: parsed.compare,
                }
            }
            CriterionKind::XPath => {
                self.diags.push(
                    self.sources
                        .error_at(&c.loc.join("type"), "`xpath` criteria are not supported")
                        .with_help("XML responses are not supported by the generated clients; use a `simple`, `regex` or `jsonpath` criterion"),
                );
                return None;
            }
        };
        Some(CriterionIr {
            text: c.condition.clone(),
            check,
        })
    }

    fn actions(
        &mut self,
        actions: &[model::Action],
        step_index: &HashMap<String, usize>,
        scope: &Scope<'_>,
    ) -> Vec<ActionIr> {
        let mut out = Vec::new();
        for a in actions {
            let target = match (&a.step_id, &a.workflow_id) {
                (Some((id, loc)), _) => match step_index.get(id) {
                    Some(&i) => Some(ActionTarget::Step(i)),
                    None => {
                        let d = self
                            .sources
                            .error_at(loc, format!("action `{}` goes to step `{id}`, which this workflow does not have", a.name));
                        let d = match crate::names::closest(
                            id,
                            scope.all_steps.iter().map(String::as_str),
                        ) {
                            Some(c) => d.with_help(format!("did you mean `{c}`?")),
                            None => d,
                        };
                        self.diags.push(d);
                        continue;
                    }
                },
                (None, Some((id, loc))) => {
                    let what = format!("action `{}` goes to", a.name);
                    match self.workflow_ref(scope.names, id, loc, &what) {
                        Some(i) => Some(ActionTarget::Workflow(i)),
                        None => continue,
                    }
                }
                (None, None) => None,
            };
            let criteria: Vec<CriterionIr> = a
                .criteria
                .iter()
                .filter_map(|c| self.criterion(c, scope))
                .collect();
            let kind = match a.kind {
                ActionKind::End => ActionIrKind::End,
                ActionKind::Goto => match target {
                    Some(t) => ActionIrKind::Goto(t),
                    None => continue,
                },
                ActionKind::Retry => ActionIrKind::Retry {
                    after: a.retry_after.unwrap_or(0.0),
                    limit: a.retry_limit.unwrap_or(1),
                    target,
                },
            };
            out.push(ActionIr {
                name: a.name.clone(),
                kind,
                criteria,
            });
        }
        out
    }
}

/// The inputs a workflow reads (`$inputs.<name>` anywhere in its steps and outputs) that its
/// inputs schema does not declare, added to its `Inputs` struct as optional JSON (the struct is
/// made when there is no schema). Runners read such an input as whatever the caller passed, so
/// a document that relies on that still runs; each use gets a warning. Nothing is added when
/// the inputs schema is not a struct (that is an error of its own).
fn add_undeclared_inputs(
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
            let known = declared.iter().any(|d| rest.starts_with(d.as_str()));
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
fn for_each_string(w: &model::Workflow, f: &mut impl FnMut(&str)) {
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

/// What to write instead of a runner's own expressions, which have no meaning in Arazzo 1.0.1.
fn extension_help(text: &str) -> Option<&'static str> {
    if text.contains("$faker") {
        Some(
            "`$faker.…` is an extension of Redocly Respect (generated test data), not an Arazzo runtime expression; declare a workflow input and pass the value in",
        )
    } else if text.contains("$datetime") || text.contains("$now") || text.contains("$random") {
        Some(
            "this is one runner's own extension, not an Arazzo runtime expression; declare a workflow input and pass the value in",
        )
    } else {
        None
    }
}

/// Why the names an expression uses do not exist where it is used: the message and a help.
fn ref_problem(e: &Expr, scope: &Scope<'_>) -> Option<(String, Option<String>)> {
    let list = |what: &str, names: &[&str], none: String| {
        Some(if names.is_empty() {
            none
        } else {
            format!("{what}: {}", names.join(", "))
        })
    };
    match e {
        Expr::Inputs { name, .. } if !scope.inputs.iter().any(|(w, _, _)| w == name) => {
            let known: Vec<&str> = scope.inputs.iter().map(|(w, _, _)| w.as_str()).collect();
            Some((
                format!("`$inputs.{name}` is not in the workflow's inputs schema"),
                list("inputs are", &known, "the workflow declares no inputs".into()),
            ))
        }
        Expr::Steps { step, output, .. } => match scope.steps.get(step) {
            Some(outs) if !outs.iter().any(|(w, _)| w == output) => {
                let known: Vec<&str> = outs.iter().map(|(w, _)| w.as_str()).collect();
                Some((
                    format!("step `{step}` defines no output `{output}`"),
                    list(
                        "its outputs are",
                        &known,
                        format!("step `{step}` has no outputs"),
                    ),
                ))
            }
            Some(_) => None,
            None if scope.all_steps.contains(step) => None,
            None => Some((
                format!("`$steps.{step}` names no step of this workflow"),
                crate::names::closest(step, scope.all_steps.iter().map(String::as_str))
                    .map(|c| format!("did you mean `{c}`?")),
            )),
        },
        Expr::Workflows { workflow, .. } => scope.names.local(workflow).err().map(|help| {
            (
                format!("`$workflows.{workflow}` names no workflow of this document"),
                help,
            )
        }),
        Expr::SourceDescriptions { source, reference } => {
            scope.names.source_workflow_expr(source, reference).err()
        }
        Expr::StatusCode | Expr::Response(_) | Expr::Url | Expr::Method | Expr::Request(_)
            if !scope.after_response =>
        {
            Some((
                "this expression needs the step's response, which does not exist yet where it is used".into(),
                None,
            ))
        }
        _ => None,
    }
}

/// Finds the schema reached by following `pointer` (RFC 6901) from `schema`: through
/// `properties`, array `items`, `allOf` members and `additionalProperties`.
/// `$inputs.<name>` or `$steps.<id>.outputs.<name>` whose whole tail is a name the workflow
/// declares, whatever characters it holds.
fn declared_name(s: &str, scope: &Scope<'_>) -> Option<Expr> {
    if let Some(name) = s.strip_prefix("$inputs.") {
        return scope
            .inputs
            .iter()
            .any(|(w, _, _)| w == name)
            .then(|| Expr::Inputs {
                name: name.to_owned(),
                pointer: None,
            });
    }
    let (step, rest) = s.strip_prefix("$steps.")?.split_once('.')?;
    let output = rest.strip_prefix("outputs.")?;
    scope
        .steps
        .get(step)?
        .iter()
        .any(|(w, _)| w == output)
        .then(|| Expr::Steps {
            step: step.to_owned(),
            output: output.to_owned(),
            pointer: None,
        })
}

fn schema_at(sources: &Sources, schema: &Loc, pointer: &str) -> Option<Loc> {
    let mut current = sources.deref(schema).ok()?;
    for raw in pointer.split('/').skip(1) {
        let token = raw.replace("~1", "/").replace("~0", "~");
        current = step_into(sources, &current, &token, 0)?;
    }
    Some(current)
}

fn step_into(sources: &Sources, at: &Loc, token: &str, depth: usize) -> Option<Loc> {
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

/// The schema of the first 2xx JSON response of an operation.
fn success_schema(sources: &Sources, op: &Loc) -> Option<Loc> {
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

/// What one step resolved to before the APIs are planned.
enum Resolved {
    Op {
        api: usize,
        op: OpRef,
    },
    /// A workflow of the run (of this document or of an Arazzo source).
    Workflow(usize),
}

/// How the workflows of the run are named from one of its documents.
struct Names<'a> {
    run: &'a Run,
    /// Per document: workflowId → index into the run's workflows.
    index: &'a [HashMap<String, usize>],
    /// Per workflow of the run: the key of its record in the state's `workflows`.
    keys: &'a [String],
    /// The document this is for.
    doc: usize,
}

/// A problem with a name: the message and a help.
type Problem = (String, Option<String>);

impl Names<'_> {
    /// A workflow of this document; else a help naming the closest one, or the ones there are.
    fn local(&self, id: &str) -> Result<usize, Option<String>> {
        self.index[self.doc]
            .get(id)
            .copied()
            .ok_or_else(|| self.known(self.doc, id))
    }

    fn known(&self, doc: usize, id: &str) -> Option<String> {
        let ids = || {
            self.run.docs[doc]
                .doc
                .workflows
                .iter()
                .map(|w| w.id.as_str())
        };
        if let Some(c) = crate::names::closest(id, ids()) {
            return Some(format!("did you mean `{c}`?"));
        }
        let all: Vec<&str> = ids().collect();
        (!all.is_empty()).then(|| format!("its workflows are: {}", all.join(", ")))
    }

    /// A `workflowId` of a step, an action or `dependsOn`: one of this document, or
    /// `$sourceDescriptions.<source>.<workflowId>` of an Arazzo source. `what` starts the
    /// message for a local miss ("step `x` calls").
    fn workflow(&self, id: &str, what: &str) -> Result<usize, Problem> {
        let Some(rest) = id.strip_prefix("$sourceDescriptions.") else {
            return self.local(id).map_err(|help| {
                (
                    format!("{what} workflow `{id}`, which this document does not define"),
                    help,
                )
            });
        };
        let Some((source, wf)) = rest.split_once('.') else {
            return Err((
                format!("`{id}`: expected `$sourceDescriptions.<source>.<workflowId>`"),
                None,
            ));
        };
        let target = self.arazzo_source(id, source)?;
        self.index[target].get(wf).copied().ok_or_else(|| {
            (
                format!("`{id}`: source `{source}` has no workflow `{wf}`"),
                self.known(target, wf),
            )
        })
    }

    /// The document of the Arazzo source `source` of this document.
    fn arazzo_source(&self, written: &str, source: &str) -> Result<usize, Problem> {
        let d = &self.run.docs[self.doc];
        if let Some((_, target)) = d.arazzo.iter().find(|(n, _)| n == source) {
            return Ok(*target);
        }
        let problem = if d.broken.iter().any(|n| n == source) {
            format!("`{written}`: source `{source}` did not load (its error is above)")
        } else if d.apis.iter().any(|(n, _)| n == source) {
            format!(
                "`{written}`: `{source}` is an OpenAPI source; workflows are in sources of `type: arazzo`"
            )
        } else {
            format!("`{written}`: there is no source description `{source}`")
        };
        let names: Vec<&str> = d.doc.sources.iter().map(|s| s.name.as_str()).collect();
        Err((problem, Some(format!("sources are: {}", names.join(", ")))))
    }

    /// `$sourceDescriptions.<source>.<reference>` read as the `$workflows.…` expression it is
    /// when `source` is an Arazzo source (`None` for other sources: their fields are not
    /// workflows).
    fn source_workflow_expr(&self, source: &str, reference: &str) -> Result<Option<Expr>, Problem> {
        let d = &self.run.docs[self.doc];
        if !d.arazzo.iter().any(|(n, _)| n == source) {
            return Ok(None);
        }
        let written = format!("$sourceDescriptions.{source}.{reference}");
        let target = self.arazzo_source(&written, source)?;
        let Ok(Expr::Workflows {
            workflow,
            field,
            name,
            pointer,
        }) = expr::parse(&format!("$workflows.{reference}"))
        else {
            return Err((
                format!(
                    "`{written}`: expected `$sourceDescriptions.{source}.<workflowId>.outputs.<name>`"
                ),
                None,
            ));
        };
        let Some(&g) = self.index[target].get(&workflow) else {
            return Err((
                format!("`{written}`: source `{source}` has no workflow `{workflow}`"),
                self.known(target, &workflow),
            ));
        };
        Ok(Some(Expr::Workflows {
            workflow: self.keys[g].clone(),
            field,
            name,
            pointer,
        }))
    }

    /// Rewrites a checked workflow reference to the key of the workflow's record in the state.
    fn resolve_workflow_expr(&self, e: &mut Expr) {
        match e {
            Expr::Workflows { workflow, .. } => {
                if let Ok(g) = self.local(workflow) {
                    *workflow = self.keys[g].clone();
                }
            }
            Expr::SourceDescriptions { source, reference } => {
                if let Ok(Some(resolved)) = self.source_workflow_expr(source, reference) {
                    *e = resolved;
                }
            }
            _ => {}
        }
    }
}

impl Compiler<'_> {
    /// [`Names::workflow`], reported; `$sourceDescription.` (singular) is read as the plural
    /// with a warning.
    fn workflow_ref(
        &mut self,
        names: &Names<'_>,
        id: &str,
        loc: &Loc,
        what: &str,
    ) -> Option<usize> {
        let standard = id
            .strip_prefix("$sourceDescription.")
            .map(|rest| format!("$sourceDescriptions.{rest}"));
        if let Some(standard) = &standard {
            self.dialect(loc, id, standard, DIALECT_SOURCE_DESCRIPTIONS);
        }
        match names.workflow(standard.as_deref().unwrap_or(id), what) {
            Ok(i) => Some(i),
            Err((message, help)) => {
                let mut d = self.sources.error_at(loc, message);
                if let Some(help) = help {
                    d = d.with_help(help);
                }
                self.diags.push(d);
                None
            }
        }
    }
}

/// Loads, checks and plans the Arazzo document at `path` and the documents it names.
pub fn plan_document(path: &Path) -> (Option<WorkflowDoc>, Diagnostics) {
    plan_document_with(path, &crate::LoadOptions::default())
}

/// [`plan_document`] with how files are found and read.
pub fn plan_document_with(
    path: &Path,
    options: &crate::LoadOptions,
) -> (Option<WorkflowDoc>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let plan = Run::load(path, options, &mut diags).map(|run| plan_run(&run, &mut diags));
    if options.deny_warnings {
        diags.deny_warnings();
    }
    (plan, diags)
}

/// The run's workflows in order, with their document: the documents' order (a document after
/// the ones it names), then document order.
fn workflow_order(run: &Run) -> Vec<(usize, usize)> {
    run.docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.doc.workflows.len()).map(move |w| (d, w)))
        .collect()
}

fn plan_run(run: &Run, diags: &mut Diagnostics) -> WorkflowDoc {
    let sources = &run.sources;
    let mut c = Compiler { sources, diags };
    let order = workflow_order(run);
    let root = run.root();

    // Workflow ids per document, and their index in the run.
    let mut index: Vec<HashMap<String, usize>> = vec![HashMap::new(); run.docs.len()];
    for (g, &(d, w)) in order.iter().enumerate() {
        let wf = &run.docs[d].doc.workflows[w];
        if index[d].contains_key(&wf.id) {
            c.err(
                &wf.loc.join("workflowId"),
                format!("workflowId `{}` is defined twice", wf.id),
            );
        } else {
            index[d].insert(wf.id.clone(), g);
        }
    }

    // Rust names, the given document's first so its names are the plain ones.
    let mut api_modules = Unique::default();
    let mut module_names: Vec<Option<String>> = vec![None; run.apis.len()];
    for d in (0..run.docs.len()).rev() {
        for (name, i) in &run.docs[d].apis {
            if module_names[*i].is_none() {
                module_names[*i] = Some(api_modules.claim(&snake_name(name)));
            }
        }
    }
    let module_names: Vec<String> = module_names
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    let mut wf_modules = Unique::default();
    for m in &module_names {
        wf_modules.reserve(m);
    }
    let mut wf_module = vec![String::new(); order.len()];
    for d in (0..run.docs.len()).rev() {
        for (g, _) in order.iter().enumerate().filter(|(_, (od, _))| *od == d) {
            let (_, w) = order[g];
            wf_module[g] = wf_modules.claim(&snake_name(&run.docs[d].doc.workflows[w].id));
        }
    }
    // The given document's workflows are recorded under their id (as `$workflows.<id>` reads
    // them); the others under their module name, which is unique in the run.
    let keys: Vec<String> = order
        .iter()
        .enumerate()
        .map(|(g, &(d, w))| {
            if d == root {
                run.docs[d].doc.workflows[w].id.clone()
            } else {
                wf_module[g].clone()
            }
        })
        .collect();

    // Resolve step targets and collect the schema locations whose types outputs need.
    let mut resolved: Vec<Vec<Option<Resolved>>> = Vec::new();
    let mut extra: Vec<Vec<(Loc, String)>> = run.apis.iter().map(|_| Vec::new()).collect();
    // (workflow, step, output) → (api, index into extra[api])
    let mut output_slots: HashMap<(usize, usize, usize), (usize, usize)> = HashMap::new();
    for (g, &(d, w)) in order.iter().enumerate() {
        let names = Names {
            run,
            index: &index,
            keys: &keys,
            doc: d,
        };
        let apis: Vec<ApiView<'_>> = run.docs[d]
            .apis
            .iter()
            .map(|(name, i)| ApiView {
                name,
                index: *i,
                api: &run.apis[*i],
            })
            .collect();
        let mut row = Vec::new();
        for (si, step) in run.docs[d].doc.workflows[w].steps.iter().enumerate() {
            let r = match &step.target {
                Some((Target::OperationId(id), loc)) => {
                    resolve_operation_id(&mut c, &apis, id, loc)
                }
                Some((Target::OperationPath(p), loc)) => {
                    resolve_operation_path(&mut c, &apis, p, loc)
                }
                Some((Target::WorkflowId(id), loc)) => c
                    .workflow_ref(&names, id, loc, &format!("step `{}` calls", step.id))
                    .map(Resolved::Workflow),
                None => None,
            };
            if let Some(Resolved::Op { api, op }) = &r
                && let Some(schema) = success_schema(sources, &op.loc)
            {
                for (oi, (name, e, _)) in step.outputs.iter().enumerate() {
                    let Value::String(e) = e else {
                        continue;
                    };
                    // `$response.body.a.b` is typed as `$response.body#/a/b`, which it is
                    // compiled as (with its warning, where the output is compiled).
                    let standard = dialect::navigation(e, &[], &|_| None);
                    let Ok(Expr::Response(Source::Body(ptr))) =
                        expr::parse(standard.as_deref().unwrap_or(e))
                    else {
                        continue;
                    };
                    let target = match ptr {
                        Some(p) => schema_at(sources, &schema, &p),
                        None => Some(schema.clone()),
                    };
                    if let Some(t) = target {
                        output_slots.insert((g, si, oi), (*api, extra[*api].len()));
                        extra[*api]
                            .push((t, format!("{}{}", type_name(&step.id), type_name(name))));
                    }
                }
            }
            row.push(r);
        }
        resolved.push(row);
    }

    // Plan every API (types and operations), typing the output locations too.
    let mut apis = Vec::new();
    let mut extra_tys = Vec::new();
    for (i, a) in run.apis.iter().enumerate() {
        let (api, tys) = plan_api_with(sources, &a.root, c.diags, &extra[i]);
        extra_tys.push(tys);
        apis.push(SourceApi {
            name: a.name.clone(),
            path: sources.file(a.root.file).path.clone(),
            module: module_names[i].clone(),
            api,
        });
    }

    let plan = Plan {
        run,
        index: &index,
        keys: &keys,
        apis: &apis,
        resolved: &resolved,
        output_slots: &output_slots,
        extra_tys: &extra_tys,
    };
    let mut workflows = Vec::new();
    let mut typed_outputs: TypedOutputs = HashMap::new();
    for (g, &(d, w)) in order.iter().enumerate() {
        let wf = plan.workflow(&mut c, g, d, w, wf_module[g].clone(), &typed_outputs);
        typed_outputs.insert(
            keys[g].clone(),
            wf.outputs
                .iter()
                .map(|o| (o.wire.clone(), o.ty.clone()))
                .collect(),
        );
        workflows.push(wf);
    }
    let files: Vec<PathBuf> = sources
        .ids()
        .map(|i| sources.file(i).path.clone())
        .collect();
    let doc = &run.docs[root].doc;
    WorkflowDoc {
        title: doc.title.clone(),
        description: doc.description.clone(),
        apis,
        workflows,
        files,
    }
}

/// An OpenAPI source as one document names it.
struct ApiView<'a> {
    name: &'a str,
    /// Index into the run's APIs.
    index: usize,
    api: &'a Api0,
}

/// What compiling one workflow reads: the run and what the passes before found.
struct Plan<'a> {
    run: &'a Run,
    index: &'a [HashMap<String, usize>],
    keys: &'a [String],
    apis: &'a [SourceApi],
    resolved: &'a [Vec<Option<Resolved>>],
    output_slots: &'a HashMap<(usize, usize, usize), (usize, usize)>,
    extra_tys: &'a [Vec<Ty>],
}

impl Plan<'_> {
    /// Compiles workflow `w` of document `d`, the run's workflow `g`.
    fn workflow(
        &self,
        c: &mut Compiler<'_>,
        g: usize,
        d: usize,
        w: usize,
        module: String,
        typed_outputs: &TypedOutputs,
    ) -> WorkflowIr {
        let w = &self.run.docs[d].doc.workflows[w];
        let names = Names {
            run: self.run,
            index: self.index,
            keys: self.keys,
            doc: d,
        };
        // Inputs.
        let mut planner = TypePlanner::new(c.sources, c.diags);
        for reserved in [
            "Outputs",
            "State",
            "StepId",
            "StepOutputs",
            "Workflow",
            "Clients",
            "WORKFLOW",
        ] {
            planner.names.reserve(reserved);
        }
        let input_ty = w.inputs.as_ref().map(|l| planner.ty(l, "Inputs"));
        let mut input_types = std::mem::take(&mut planner.types);
        let mut type_names = planner.names.clone();
        drop(planner);
        crate::ir::types::box_recursion(&mut input_types);
        let undeclared_inputs = add_undeclared_inputs(w, &input_ty, &mut input_types);
        let input_fields: Vec<(String, String, Ty)> = input_types
            .iter()
            .find(|t| t.name == "Inputs")
            .map(|t| match &t.kind {
                TypeKind::Struct { fields, .. } => fields
                    .iter()
                    .map(|f| (f.wire.clone(), f.name.clone(), f.ty.clone()))
                    .collect(),
                _ => Vec::new(),
            })
            .unwrap_or_default();
        if let (Some(t), Some(l)) = (&input_ty, &w.inputs)
            && !matches!(t, Ty::Named(id) if matches!(input_types[*id].kind, TypeKind::Struct { .. }))
            && !matches!(t, Ty::JsonObject)
        {
            c.err(
                l,
                "workflow `inputs` must be an object schema with `properties`",
            );
        }
        let mut step_names = Unique::default();
        let mut step_index = HashMap::new();
        let all_steps: Vec<String> = w.steps.iter().map(|s| s.id.clone()).collect();
        for (si, s) in w.steps.iter().enumerate() {
            if step_index.contains_key(&s.id) {
                c.err(
                    &s.loc.join("stepId"),
                    format!("stepId `{}` is used twice in workflow `{}`", s.id, w.id),
                );
            } else {
                step_index.insert(s.id.clone(), si);
            }
        }
        let mut known_steps: HashMap<String, Vec<(String, WfTy)>> = HashMap::new();
        // Outputs are declared up front so forward references check by name.
        // A duplicated stepId keeps its first definition (the duplicate is an error already).
        for s in &w.steps {
            known_steps.entry(s.id.clone()).or_insert_with(|| {
                s.outputs
                    .iter()
                    .map(|(n, _, _)| (n.clone(), WfTy::json()))
                    .collect()
            });
        }
        let mut steps = Vec::new();
        for (si, s) in w.steps.iter().enumerate() {
            let before = Scope {
                inputs: &input_fields,
                steps: &known_steps,
                all_steps: &all_steps,
                names: &names,
                undeclared_inputs: &undeclared_inputs,
                after_response: false,
            };
            let operation = match &self.resolved[g][si] {
                Some(Resolved::Op { api, op }) => self.apis[*api]
                    .api
                    .operations
                    .iter()
                    .find(|o| o.path == op.path && o.method.eq_ignore_ascii_case(&op.method)),
                _ => None,
            };
            let call = match &self.resolved[g][si] {
                Some(Resolved::Op { api, .. }) => {
                    compile_operation_call(c, s, *api, operation, &before)
                }
                Some(Resolved::Workflow(target)) => {
                    let mut inputs = Vec::new();
                    for p in &s.parameters {
                        let v = c.value(&p.value, &p.value_loc, &before);
                        inputs.push((p.name.clone(), v));
                    }
                    Some(Call::Workflow {
                        workflow: *target,
                        inputs,
                    })
                }
                None => None,
            };
            let after = Scope {
                after_response: true,
                ..before
            };
            let success: Vec<CriterionIr> = s
                .success_criteria
                .iter()
                .filter_map(|cr| c.criterion(cr, &after))
                .collect();
            let on_success = c.actions(&s.on_success, &step_index, &after);
            let on_failure = c.actions(&s.on_failure, &step_index, &after);
            let mut fields = Unique::default();
            let mut outputs = Vec::new();
            for (oi, (name, e, loc)) in s.outputs.iter().enumerate() {
                let value = c.output(name, e, loc, &after);
                let read = match (operation, &value) {
                    (Some(op), ValueExpr::Expr(Expr::Response(Source::Body(None)), nav))
                        if nav.is_empty() =>
                    {
                        body_read(op)
                    }
                    _ => BodyRead::Json,
                };
                let ty = match (read, self.output_slots.get(&(g, si, oi))) {
                    (BodyRead::Binary, _) => WfTy {
                        api: None,
                        ty: Ty::Binary,
                    },
                    (BodyRead::Text, _) => WfTy {
                        api: None,
                        ty: Ty::String,
                    },
                    (BodyRead::Json, Some((api, k))) => WfTy {
                        api: Some(*api),
                        ty: self.extra_tys[*api][*k].clone(),
                    },
                    (BodyRead::Json, None) => {
                        let sub = match &self.resolved[g][si] {
                            Some(Resolved::Workflow(t)) => typed_outputs.get(&self.keys[*t]),
                            _ => None,
                        };
                        expr_type(&value, &input_fields, &known_steps, typed_outputs, sub)
                    }
                };
                outputs.push(OutputIr {
                    wire: name.clone(),
                    field: fields.claim(&snake_name(name)),
                    ty: WfTy {
                        api: ty.api,
                        ty: strip_option(ty.ty),
                    },
                    value,
                    read,
                });
            }
            if step_index.get(&s.id) == Some(&si) {
                known_steps.insert(
                    s.id.clone(),
                    outputs
                        .iter()
                        .map(|o| (o.wire.clone(), o.ty.clone()))
                        .collect(),
                );
            }
            let field = step_names.claim(&snake_name(&s.id));
            if let Some(call) = call {
                steps.push(StepIr {
                    id: s.id.clone(),
                    variant: variant_name(&s.id),
                    outputs_type: type_names.claim(&format!("{}Outputs", type_name(&s.id))),
                    field,
                    doc: s.description.clone(),
                    call,
                    success,
                    on_success,
                    on_failure,
                    outputs,
                });
            }
        }
        let scope = Scope {
            inputs: &input_fields,
            steps: &known_steps,
            all_steps: &all_steps,
            names: &names,
            undeclared_inputs: &undeclared_inputs,
            after_response: false,
        };
        let mut fields = Unique::default();
        let mut outputs = Vec::new();
        for (name, e, loc) in &w.outputs {
            let value = c.output(name, e, loc, &scope);
            let ty = expr_type(&value, &input_fields, &known_steps, typed_outputs, None);
            outputs.push(OutputIr {
                wire: name.clone(),
                field: fields.claim(&snake_name(name)),
                ty: WfTy {
                    api: ty.api,
                    ty: strip_option(ty.ty),
                },
                value,
                read: BodyRead::Json,
            });
        }
        let depends_on = w
            .depends_on
            .iter()
            .filter_map(
                |(id, loc)| match c.workflow_ref(&names, id, loc, "`dependsOn` names") {
                    Some(i) if i == g => {
                        c.err(loc, format!("workflow `{id}` depends on itself"));
                        None
                    }
                    other => other,
                },
            )
            .collect();
        let doc_text = match (&w.summary, &w.description) {
            (Some(s), Some(d)) => Some(format!("{s}\n\n{d}")),
            (Some(s), None) => Some(s.clone()),
            (None, d) => d.clone(),
        };
        WorkflowIr {
            id: w.id.clone(),
            key: self.keys[g].clone(),
            module,
            doc: doc_text,
            input_types,
            input_fields,
            steps,
            outputs,
            depends_on,
        }
    }
}

/// How a step output of the whole `$response.body` reads the body of `op`: as JSON when a
/// success response is JSON (or none says), else as bytes or text.
fn body_read(op: &Operation) -> BodyRead {
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

fn strip_option(t: Ty) -> Ty {
    match t {
        Ty::Option(inner) => *inner,
        other => other,
    }
}

/// Output names and types of the workflows compiled so far, by workflowId.
type TypedOutputs = HashMap<String, Vec<(String, WfTy)>>;

/// The static type of a value expression, where we know it. `sub` is the outputs of the
/// workflow a `workflowId` step calls (what `$outputs.x` means there), when already compiled.
fn expr_type(
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

fn resolve_operation_id(
    c: &mut Compiler<'_>,
    apis: &[ApiView<'_>],
    id: &str,
    loc: &Loc,
) -> Option<Resolved> {
    if let Some(rest) = id.strip_prefix("$sourceDescriptions.") {
        let Some((source, op_id)) = rest.split_once('.') else {
            c.err(
                loc,
                format!("`{id}`: expected `$sourceDescriptions.<source>.<operationId>`"),
            );
            return None;
        };
        let Some(api) = apis.iter().find(|a| a.name == source) else {
            c.err(
                loc,
                format!("`{id}`: there is no source description `{source}`"),
            );
            return None;
        };
        return match api.api.ops.get(op_id) {
            Some(op) => Some(Resolved::Op {
                api: api.index,
                op: op.clone(),
            }),
            None => {
                c.err(loc, format!("source `{source}` has no operation `{op_id}`"));
                None
            }
        };
    }
    let found: Vec<(&ApiView<'_>, &OpRef)> = apis
        .iter()
        .filter_map(|a| a.api.ops.get(id).map(|o| (a, o)))
        .collect();
    match found.as_slice() {
        [(a, op)] => Some(Resolved::Op {
            api: a.index,
            op: (*op).clone(),
        }),
        // `<source>.<operationId>`, as Redocly's tools write it.
        [] if let Some((a, op)) = id.split_once('.').and_then(|(source, op_id)| {
            let a = apis.iter().find(|a| a.name == source)?;
            Some((a, a.api.ops.get(op_id)?))
        }) =>
        {
            c.dialect(
                loc,
                id,
                &format!("$sourceDescriptions.{id}"),
                DIALECT_OPERATION_ID,
            );
            Some(Resolved::Op {
                api: a.index,
                op: op.clone(),
            })
        }
        [] => {
            c.diags.push(
                c.sources
                    .error_at(
                        loc,
                        format!("no source description has an operation `{id}`"),
                    )
                    .with_help(format!(
                        "sources searched: {}",
                        apis.iter().map(|a| a.name).collect::<Vec<_>>().join(", ")
                    )),
            );
            None
        }
        many => {
            let names: Vec<&str> = many.iter().map(|(a, _)| a.name).collect();
            c.diags.push(
                c.sources
                    .error_at(
                        loc,
                        format!(
                            "operation `{id}` exists in several sources ({})",
                            names.join(", ")
                        ),
                    )
                    .with_help(format!("write `$sourceDescriptions.{}.{id}`", names[0])),
            );
            None
        }
    }
}

fn resolve_operation_path(
    c: &mut Compiler<'_>,
    apis: &[ApiView<'_>],
    p: &str,
    loc: &Loc,
) -> Option<Resolved> {
    // `{$sourceDescriptions.<name>.url}#/paths/~1pets/get`
    let parse = |p: &str| -> Option<(String, String)> {
        p.strip_prefix("{$sourceDescriptions.")
            .and_then(|r| r.split_once("}#"))
            .and_then(|(inner, ptr)| {
                inner
                    .strip_suffix(".url")
                    .map(|name| (name.to_owned(), ptr.to_owned()))
            })
    };
    let parsed = parse(p).or_else(|| {
        let names: Vec<&str> = apis.iter().map(|a| a.name).collect();
        let standard = dialect::operation_path(p, &names)?;
        c.dialect(loc, p, &standard, DIALECT_OPERATION_PATH);
        parse(&standard)
    });
    let Some((name, pointer)) = parsed else {
        c.err(loc, format!("`{p}`: expected `{{$sourceDescriptions.<name>.url}}#/paths/<escaped path>/<method>`"));
        return None;
    };
    let (name, pointer) = (name.as_str(), pointer.as_str());
    let Some(api) = apis.iter().find(|a| a.name == name) else {
        c.err(
            loc,
            format!("`{p}`: there is no source description `{name}`"),
        );
        return None;
    };
    let decoded = percent_encoding::percent_decode_str(pointer)
        .decode_utf8_lossy()
        .into_owned();
    let tokens: Vec<String> = decoded
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    if let [paths, path, method] = tokens.as_slice()
        && paths == "paths"
    {
        let target = api.api.root.join("paths").join(path).join(method);
        if c.sources.get(&target).is_some() {
            return Some(Resolved::Op {
                api: api.index,
                op: OpRef {
                    path: path.clone(),
                    method: method.clone(),
                    loc: target,
                },
            });
        }
    }
    c.err(
        loc,
        format!("`{p}` does not resolve to an operation of `{name}`"),
    );
    None
}

fn compile_operation_call(
    c: &mut Compiler<'_>,
    s: &model::Step,
    api: usize,
    operation: Option<&Operation>,
    scope: &Scope<'_>,
) -> Option<Call> {
    let operation = operation?;
    let mut params = Vec::new();
    for p in &s.parameters {
        let Some(location) = &p.location else {
            c.err(&p.loc, format!("parameter `{}` of an operation step needs `in` (path, query, header or cookie)", p.name));
            continue;
        };
        let value = c.value(&p.value, &p.value_loc, scope);
        params.push(ParamIr {
            location: location.clone(),
            name: p.name.clone(),
            value,
        });
    }
    for required in operation.params.iter().filter(|p| p.required) {
        let loc_name = match required.location {
            ParamIn::Path => "path",
            ParamIn::Query => "query",
            ParamIn::Header => "header",
            ParamIn::Cookie => "cookie",
        };
        if !params
            .iter()
            .any(|p| p.location == loc_name && p.name == required.wire)
        {
            c.diags.push(c.sources.warning_at(
                &s.loc,
                format!(
                    "step `{}` does not supply the required {loc_name} parameter `{}` of `{}`",
                    s.id, required.wire, operation.id
                ),
            ));
        }
    }
    let body = s.request_body.as_ref().map(|b| {
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
    });
    let resend = resend_of(c, s, operation, &params);
    Some(Call::Operation {
        api,
        operation_id: operation.id.clone(),
        method: operation.method.clone(),
        path: operation.path.clone(),
        security: operation.security.clone(),
        params,
        body,
        resend,
    })
}

/// Whether a step's request may be sent again when a saved state is resumed with it in flight:
/// by method (RFC 9110's idempotent methods), unless the step says otherwise with
/// `x-paragon-idempotent: true|false`; else with a generated `Idempotency-Key` when the
/// operation declares that header (as Stripe-style APIs do) or the step asks for one with
/// `x-paragon-idempotency-key: true`; a step that sets the header itself resends its own value.
fn resend_of(
    c: &mut Compiler<'_>,
    s: &model::Step,
    operation: &Operation,
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
    let is_key = |name: &str| name.eq_ignore_ascii_case("Idempotency-Key");
    let idempotent_method = matches!(
        operation.method.as_str(),
        "GET" | "HEAD" | "OPTIONS" | "PUT" | "DELETE"
    );
    let sets_key = params
        .iter()
        .any(|p| p.location == "header" && is_key(&p.name));
    if sets_key || marked.unwrap_or(idempotent_method) {
        Resend::Safe
    } else if asks_key
        || operation
            .params
            .iter()
            .any(|p| matches!(p.location, ParamIn::Header) && is_key(&p.wire))
    {
        Resend::Keyed
    } else {
        Resend::InDoubt
    }
}

/// Convenience: `CmpOp` is re-exported for the emitter.
pub type Op = CmpOp;
/// Convenience: `Nav` is re-exported for the emitter.
pub type Navigation = Nav;
