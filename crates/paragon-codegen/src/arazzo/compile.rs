//! The documents of a run (`documents.rs`) → [`WorkflowDoc`]: every check that can reject a
//! document (each a located diagnostic, all collected), then the plan the emitter reads, with
//! the workflows of every document of the run.
//!
//! Errors: unknown or duplicate `stepId`; `goto`/`retry`/`dependsOn`/a step to an unknown step or
//! workflow (of this document or of an Arazzo source); an unknown `operationId` (the help names a
//! sibling document that has it, or the closest id), or one found in several sources without
//! `$sourceDescriptions.<name>.`; an `operationPath` that does not resolve; invalid runtime
//! expressions and conditions (at their column); invalid regex and JSONPath; `xpath`.
//! Warnings: other runners' dialects read as their standard form (with the text `fix` writes);
//! `$steps.x.outputs.y` where x defines no y (always absent); `$inputs.z` not in the inputs
//! schema (added as optional JSON); constant outputs; a required OpenAPI parameter not
//! supplied; a last success action that changes nothing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::calls::{compile_http_call, compile_operation_call};
use super::condition::{self, CmpOp, Cond, Nav, Operand};
use super::dialect;
use super::documents::Run;
use super::expr::{self, Expr, ExprError, Part, Source};
use super::inputs::add_undeclared_inputs;
use super::model::{self, ActionKind, Criterion, CriterionKind, Target};
use super::outputs::{
    TypedOutputs, body_read, expr_type, first_optional_member, schema_at, strip_option,
    success_schema,
};
use super::targets::{
    ApiView, Resolved, resolve_operation_id, resolve_operation_path, resolve_x_operation,
};
use super::workflow_refs::Names;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::ir::operations::plan_api_with;
use crate::ir::types::plan_standalone;
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
pub(super) struct Scope<'a> {
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

pub(super) struct Compiler<'a> {
    pub(super) sources: &'a Sources,
    pub(super) diags: &'a mut Diagnostics,
}

impl Compiler<'_> {
    pub(super) fn err(&mut self, loc: &Loc, msg: impl Into<String>) {
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
    pub(super) fn dialect(&mut self, loc: &Loc, written: &str, standard: &str, code: &'static str) {
        self.diags.push(
            self.sources
                .warning_at(loc, format!("`{written}` read as `{standard}`"))
                .with_help(format!("write `{standard}`, the standard form"))
                .with_code(code)
                .with_rewrite(written, standard),
        );
    }

    /// A parameter value, payload leaf or replacement value.
    pub(super) fn value(&mut self, v: &Value, loc: &Loc, scope: &Scope<'_>) -> ValueExpr {
        let Value::String(s) = v else {
            return ValueExpr::Lit(v.clone());
        };
        // An input or step output whose declared name has characters the strict grammar stops
        // at (Google's APIs have a `$.xgafv` parameter, and documents over them
        // `$inputs.$.xgafv`; generated documents name outputs `items[0].id`): the 1.0.1 ABNF
        // allows any characters in a name, so this is that input or output.
        // Parsed once; again only when a dialect rewrote the text.
        let parsed = s.starts_with('$').then(|| expr::parse(s));
        if matches!(parsed, Some(Err(_)))
            && let Some(e) = declared_name(s, scope)
        {
            return ValueExpr::Expr(e, Vec::new());
        }
        // The standard reading first; a dialect only where that does not resolve.
        let standard_resolves = match &parsed {
            Some(result) => result.as_ref().is_ok_and(|e| self.resolves(e, scope)),
            None if s.contains("{$") => expr::parse_template(s).is_ok_and(|parts| {
                parts.iter().all(|p| match p {
                    Part::Expr(e) => self.resolves(e, scope),
                    Part::Lit(_) => true,
                })
            }),
            None => true,
        };
        let rewritten = if standard_resolves {
            None
        } else {
            self.navigation_dialect(s, loc, scope)
        };
        let (s, parsed) = match rewritten.as_deref() {
            Some(r) => (r, r.starts_with('$').then(|| expr::parse(r))),
            None => (s.as_str(), parsed),
        };
        if let Some(result) = parsed {
            match result {
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

    pub(super) fn payload(&mut self, v: &Value, loc: &Loc, scope: &Scope<'_>) -> Payload {
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
                match condition::split_jsonpath_terms(&c.condition) {
                    None => self.jsonpath_term(&c.condition, 0, &context, &cond_loc, scope)?,
                    Some(alternatives) => {
                        self.diags.push(
                            self.sources
                                .warning_at(&cond_loc, "a `jsonpath` condition with `&&`/`||` is read term by term: each term is a JSONPath comparison on the context, or a quoted runtime expression compared as a `simple` condition would; `&&` binds tighter than `||`")
                                .with_help("Arazzo 1.0.1 has one query per `jsonpath` criterion: several criteria are all required, so `&&` can be written as one criterion per term")
                                .with_code("jsonpath-combined"),
                        );
                        let mut any = Vec::new();
                        for alternative in alternatives {
                            let mut all = Vec::new();
                            for (offset, term) in alternative {
                                all.push(
                                    self.jsonpath_term(term, offset, &context, &cond_loc, scope)?,
                                );
                            }
                            any.push(all);
                        }
                        Check::AnyOf(any)
                    }
                }
            }
            CriterionKind::XPath(ref version) => {
                let Some(context) = context else {
                    self.err(
                        &c.loc,
                        "an `xpath` criterion needs a `context` (for example `$response.body`)",
                    );
                    return None;
                };
                if let Some(v) = version.as_deref()
                    && !matches!(v, "xpath-10" | "xpath-20" | "xpath-30")
                {
                    self.err(
                        &c.loc.join("type").join("version"),
                        format!(
                            "unknown XPath version `{v}`; expected xpath-10, xpath-20 or xpath-30"
                        ),
                    );
                    return None;
                }
                if let Err((offset, message)) = condition::check_xpath(&c.condition) {
                    self.err_in_string(&cond_loc, offset, message);
                    return None;
                }
                Check::XPath {
                    context,
                    query: c.condition.trim().to_owned(),
                    body_slot: None,
                }
            }
        };
        Some(CriterionIr {
            text: c.condition.clone(),
            check,
        })
    }

    /// One term of a `jsonpath` condition (the whole condition, or one term between `&&`/`||`,
    /// `offset` characters into it): a JSONPath comparison (`.length` at the end of the query
    /// compares lengths), or a runtime expression in quotes (`'$inputs.action' == 'update'`,
    /// as other runners write one into a JSONPath condition) read as a `simple` condition.
    fn jsonpath_term(
        &mut self,
        term: &str,
        offset: usize,
        context: &ValueExpr,
        cond_loc: &Loc,
        scope: &Scope<'_>,
    ) -> Option<Check> {
        if let Some(q) = term.chars().next().filter(|q| *q == '\'' || *q == '"')
            && term[1..].starts_with('$')
            && let Some(end) = term[1..].find(q)
        {
            // `'$inputs.action' == 'update'` → `$inputs.action == 'update'`.
            let simple = format!("{}{}", &term[1..=end], &term[end + 2..]);
            return match condition::parse_simple(&simple) {
                Ok(mut cond) => self
                    .cond_refs(&mut cond, cond_loc, scope)
                    .then_some(Check::Simple(cond)),
                Err(e) => {
                    self.err_in_string(
                        cond_loc,
                        offset + 1 + e.offset,
                        format!("invalid condition: {}", e.message),
                    );
                    None
                }
            };
        }
        let parsed = match condition::parse_jsonpath(term) {
            Ok(p) => p,
            Err(e) => {
                self.err_in_string(
                    cond_loc,
                    offset + e.offset,
                    format!("invalid JSONPath condition: {}", e.message),
                );
                return None;
            }
        };
        let (query, length) = match parsed.query.strip_suffix(".length") {
            Some(q) if !q.is_empty() && parsed.compare.is_some() => (q.to_owned(), true),
            _ => (parsed.query, false),
        };
        if let Err(e) = super::jsonpath::check(&query) {
            let at = query[..e.offset].chars().count() + 1;
            self.err(
                cond_loc,
                format!(
                    "invalid JSONPath (RFC 9535) `{query}`: {} (at character {at})",
                    e.message
                ),
            );
            return None;
        }
        Some(Check::JsonPath {
            context: context.clone(),
            query,
            compare: parsed.compare,
            length,
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
    // (workflow, step, output) → the member of the response a successful step may lack.
    let mut may_be_absent: HashMap<(usize, usize, usize), String> = HashMap::new();
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
                Some((Target::XOperation { url, method }, loc)) => {
                    resolve_x_operation(&mut c, &apis, &step.id, method, url, loc)
                }
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
                    if let Some(p) = &ptr
                        && let Some(member) = first_optional_member(sources, &schema, p)
                    {
                        may_be_absent.insert((g, si, oi), member);
                    }
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
        may_be_absent: &may_be_absent,
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

/// What compiling one workflow reads: the run and what the passes before found.
struct Plan<'a> {
    run: &'a Run,
    index: &'a [HashMap<String, usize>],
    keys: &'a [String],
    apis: &'a [SourceApi],
    resolved: &'a [Vec<Option<Resolved>>],
    output_slots: &'a HashMap<(usize, usize, usize), (usize, usize)>,
    may_be_absent: &'a HashMap<(usize, usize, usize), String>,
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
        let (input_ty, mut input_types, mut type_names) = plan_standalone(
            c.sources,
            c.diags,
            w.inputs.as_ref(),
            "Inputs",
            &[
                "Outputs",
                "State",
                "StepId",
                "StepOutputs",
                "Workflow",
                "Clients",
                "WORKFLOW",
            ],
        );
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
                    .position(|o| o.path == op.path && o.method.eq_ignore_ascii_case(&op.method))
                    .map(|i| (i, &self.apis[*api].api.operations[i])),
                _ => None,
            };
            let call = match &self.resolved[g][si] {
                Some(Resolved::Op { api, .. }) => {
                    let absent = |step: &str, output: &str| {
                        let si = w.steps.iter().position(|x| x.id == step)?;
                        let oi = w.steps[si]
                            .outputs
                            .iter()
                            .position(|(n, _, _)| n == output)?;
                        self.may_be_absent.get(&(g, si, oi)).map(String::as_str)
                    };
                    operation
                        .map(|(i, op)| compile_operation_call(c, s, *api, i, op, &before, &absent))
                }
                Some(Resolved::Http { api, method, url }) => {
                    Some(compile_http_call(c, s, *api, method, url, &before))
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
            // The last success action going to the step that follows anyway changes nothing.
            if let (
                Some(ActionIr {
                    kind: ActionIrKind::Goto(ActionTarget::Step(to)),
                    name,
                    ..
                }),
                Some(action),
            ) = (on_success.last(), s.on_success.last())
                && *to == si + 1
            {
                let next = &w.steps[*to].id;
                c.diags.push(
                    c.sources
                        .warning_at(
                            &action.loc,
                            format!("action `{name}` goes to step `{next}`, which follows anyway: whether its criteria hold or not, the workflow goes on to `{next}`"),
                        )
                        .with_help("remove the action, or make it go where the workflow would not go by itself")
                        .with_code("no-op-action"),
                );
            }
            let mut fields = Unique::default();
            let mut outputs = Vec::new();
            for (oi, (name, e, loc)) in s.outputs.iter().enumerate() {
                let value = c.output(name, e, loc, &after);
                let read = match (operation.map(|(_, op)| op), &value) {
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
                let mut step = StepIr {
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
                    xpath_body: Vec::new(),
                };
                step.assign_xpath_slots();
                steps.push(step);
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

/// Convenience: `CmpOp` is re-exported for the emitter.
pub type Op = CmpOp;
/// Convenience: `Nav` is re-exported for the emitter.
pub type Navigation = Nav;
