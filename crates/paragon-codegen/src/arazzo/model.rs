//! The Arazzo document as the compiler reads it: every object keeps its [`Loc`] so checks can
//! point at the line and column. Reusable objects (`reference` + `value` override) are resolved
//! here, so later stages see plain parameters and actions.

use serde_json::{Map, Value};

use crate::diag::Diagnostics;
use crate::load::{Loc, Sources};

/// A source description.
#[derive(Debug, Clone)]
pub struct SourceDescription {
    /// `name`.
    pub name: String,
    /// `url`, relative to the Arazzo file.
    pub url: String,
    /// `openapi` or `arazzo`.
    pub kind: String,
    /// Where it is.
    pub loc: Loc,
}

/// A criterion's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CriterionKind {
    /// `simple` (the default).
    Simple,
    /// `regex`.
    Regex,
    /// `jsonpath`.
    JsonPath,
    /// `xpath`, with the `version` of a Criterion Expression Type Object (`xpath-10`,
    /// `xpath-20`, `xpath-30`; none for the plain `xpath`, which 1.0.1 reads as XPath 3.1).
    XPath(Option<String>),
}

/// A Criterion Object.
#[derive(Debug, Clone)]
pub struct Criterion {
    /// `context`, a runtime expression (required for regex/jsonpath).
    pub context: Option<String>,
    /// `condition`.
    pub condition: String,
    /// `type`.
    pub kind: CriterionKind,
    /// The criterion object.
    pub loc: Loc,
}

/// `end`, `goto` or `retry`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    /// Ends the workflow.
    End,
    /// Continues at a step or workflow.
    Goto,
    /// Retries the current step (failure actions only).
    Retry,
}

/// A Success or Failure Action Object.
#[derive(Debug, Clone)]
pub struct Action {
    /// `name`.
    pub name: String,
    /// `type`.
    pub kind: ActionKind,
    /// `stepId`.
    pub step_id: Option<(String, Loc)>,
    /// `workflowId`.
    pub workflow_id: Option<(String, Loc)>,
    /// `retryAfter` in seconds.
    pub retry_after: Option<f64>,
    /// `retryLimit` (absent: one retry, per the specification).
    pub retry_limit: Option<u64>,
    /// `criteria`: all must hold.
    pub criteria: Vec<Criterion>,
    /// Where it is.
    pub loc: Loc,
}

/// A Parameter Object (after resolving reusable ones).
#[derive(Debug, Clone)]
pub struct Parameter {
    /// `name`.
    pub name: String,
    /// `in` (absent for workflow steps).
    pub location: Option<String>,
    /// `value`: a literal, a runtime expression, or a string with `{$…}`.
    pub value: Value,
    /// Where the value is.
    pub value_loc: Loc,
    /// Where the parameter is.
    pub loc: Loc,
}

/// A Payload Replacement Object.
#[derive(Debug, Clone)]
pub struct Replacement {
    /// JSON Pointer target.
    pub target: String,
    /// Value (literal or expression).
    pub value: Value,
    /// Where it is.
    pub loc: Loc,
}

/// A Request Body Object.
#[derive(Debug, Clone)]
pub struct RequestBody {
    /// `contentType`.
    pub content_type: Option<String>,
    /// `payload`.
    pub payload: Option<Value>,
    /// Where the payload is.
    pub payload_loc: Loc,
    /// `replacements`.
    pub replacements: Vec<Replacement>,
}

/// What a step calls.
#[derive(Debug, Clone)]
pub enum Target {
    /// `operationId`.
    OperationId(String),
    /// `operationPath`.
    OperationPath(String),
    /// `workflowId`.
    WorkflowId(String),
    /// Redocly's `x-operation: { url, method }`: a request to a URL that no OpenAPI operation
    /// describes. `method` is upper-case.
    XOperation {
        /// `url` (a literal or a `{$…}` template).
        url: String,
        /// `method`.
        method: String,
    },
}

/// A Step Object.
#[derive(Debug, Clone)]
pub struct Step {
    /// `stepId`.
    pub id: String,
    /// `description`.
    pub description: Option<String>,
    /// What it calls, and where that field is.
    pub target: Option<(Target, Loc)>,
    /// Step parameters merged over workflow parameters.
    pub parameters: Vec<Parameter>,
    /// `requestBody`.
    pub request_body: Option<RequestBody>,
    /// `successCriteria`.
    pub success_criteria: Vec<Criterion>,
    /// `onSuccess` (step's, then the workflow's).
    pub on_success: Vec<Action>,
    /// `onFailure` (step's, then the workflow's).
    pub on_failure: Vec<Action>,
    /// `outputs`: name, value (a runtime expression, or a constant), location of the value.
    pub outputs: Vec<(String, Value, Loc)>,
    /// Where it is.
    pub loc: Loc,
}

/// A Workflow Object.
#[derive(Debug, Clone)]
pub struct Workflow {
    /// `workflowId`.
    pub id: String,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// The `inputs` JSON Schema, when present.
    pub inputs: Option<Loc>,
    /// `dependsOn`.
    pub depends_on: Vec<(String, Loc)>,
    /// `steps`.
    pub steps: Vec<Step>,
    /// `outputs`: name, value (a runtime expression, or a constant), location.
    pub outputs: Vec<(String, Value, Loc)>,
    /// Where it is.
    pub loc: Loc,
}

/// The document.
#[derive(Debug, Clone)]
pub struct Document {
    /// `info.title`.
    pub title: String,
    /// `info.summary`/`description`.
    pub description: Option<String>,
    /// `sourceDescriptions`.
    pub sources: Vec<SourceDescription>,
    /// `workflows`.
    pub workflows: Vec<Workflow>,
    /// The root.
    pub loc: Loc,
}

struct Reader<'a> {
    sources: &'a Sources,
    diags: &'a mut Diagnostics,
}

fn s(map: &Map<String, Value>, key: &str) -> Option<String> {
    map.get(key).and_then(Value::as_str).map(str::to_owned)
}

impl Reader<'_> {
    fn obj(&mut self, loc: &Loc, what: &str) -> Option<&Map<String, Value>> {
        match self.sources.get(loc) {
            Some(Value::Object(m)) => Some(m),
            Some(_) => {
                self.diags.push(
                    self.sources
                        .error_at(loc, format!("{what} must be a mapping")),
                );
                None
            }
            None => None,
        }
    }

    fn list(&mut self, loc: &Loc, what: &str) -> usize {
        match self.sources.get(loc) {
            Some(Value::Array(a)) => a.len(),
            Some(Value::Null) | None => 0,
            Some(_) => {
                self.diags.push(
                    self.sources
                        .error_at(loc, format!("`{what}` must be a list")),
                );
                0
            }
        }
    }

    fn required(
        &mut self,
        map: &Map<String, Value>,
        loc: &Loc,
        key: &str,
        what: &str,
    ) -> Option<String> {
        match map.get(key) {
            Some(Value::String(v)) => Some(v.clone()),
            Some(_) => {
                self.diags.push(self.sources.error_at(
                    &loc.join(key),
                    format!("`{key}` of {what} must be a string"),
                ));
                None
            }
            None => {
                self.diags
                    .push(self.sources.error_at(loc, format!("{what} has no `{key}`")));
                None
            }
        }
    }

    /// Resolves a Reusable Object (`reference: $components.<kind>.<name>`), returning the
    /// location of the component and the `value` override, if any.
    fn reusable(&mut self, root: &Loc, loc: &Loc, kind: &str) -> Option<(Loc, Option<Value>)> {
        let map = self.obj(loc, "a reusable object")?;
        let reference = map.get("reference")?.as_str()?.to_owned();
        let value = map.get("value").cloned();
        let prefix = format!("$components.{kind}.");
        let Some(name) = reference.strip_prefix(&prefix) else {
            self.diags.push(self.sources.error_at(
                &loc.join("reference"),
                format!(
                    "a reusable object here must reference `{prefix}<name>`, not `{reference}`"
                ),
            ));
            return None;
        };
        let target = root.join("components").join(kind).join(name);
        if self.sources.get(&target).is_none() {
            self.diags.push(self.sources.error_at(
                &loc.join("reference"),
                format!("`{reference}` is not defined in `components.{kind}`"),
            ));
            return None;
        }
        Some((target, value))
    }

    /// Redocly's `x-operation: { url, method }`, with the method checked.
    fn x_operation(&mut self, loc: &Loc) -> Option<(Target, Loc)> {
        let map = self.obj(loc, "`x-operation`")?.clone();
        let url = self.required(&map, loc, "url", "`x-operation`")?;
        let method = self.required(&map, loc, "method", "`x-operation`")?;
        let upper = method.to_ascii_uppercase();
        if !matches!(
            upper.as_str(),
            "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS" | "TRACE"
        ) {
            self.diags.push(self.sources.error_at(
                &loc.join("method"),
                format!("`{method}` is not an HTTP method OpenAPI knows (get, put, post, delete, patch, head, options, trace)"),
            ));
            return None;
        }
        Some((Target::XOperation { url, method: upper }, loc.clone()))
    }

    fn criteria(&mut self, loc: &Loc) -> Vec<Criterion> {
        let n = self.list(loc, "criteria");
        let mut out = Vec::new();
        for i in 0..n {
            let cloc = loc.index(i);
            let Some(map) = self.obj(&cloc, "a criterion") else {
                continue;
            };
            let map = map.clone();
            let Some(condition) = self.required(&map, &cloc, "condition", "a criterion") else {
                continue;
            };
            let kind = match map.get("type") {
                None => CriterionKind::Simple,
                Some(Value::String(t)) => match t.as_str() {
                    "simple" => CriterionKind::Simple,
                    "regex" => CriterionKind::Regex,
                    "jsonpath" => CriterionKind::JsonPath,
                    "xpath" => CriterionKind::XPath(None),
                    other => {
                        self.diags.push(self.sources.error_at(
                            &cloc.join("type"),
                            format!("unknown criterion type `{other}`; expected simple, regex, jsonpath or xpath"),
                        ));
                        continue;
                    }
                },
                // Criterion Expression Type Object: { type: jsonpath, version: … }
                Some(Value::Object(t)) => match t.get("type").and_then(Value::as_str) {
                    Some("jsonpath") => CriterionKind::JsonPath,
                    Some("xpath") => CriterionKind::XPath(
                        t.get("version").and_then(Value::as_str).map(str::to_owned),
                    ),
                    _ => {
                        self.diags.push(self.sources.error_at(
                            &cloc.join("type"),
                            "a criterion expression type object needs `type: jsonpath` or `type: xpath`",
                        ));
                        continue;
                    }
                },
                Some(_) => {
                    self.diags.push(
                        self.sources
                            .error_at(&cloc.join("type"), "a criterion `type` must be a string"),
                    );
                    continue;
                }
            };
            out.push(Criterion {
                context: s(&map, "context"),
                condition,
                kind,
                loc: cloc,
            });
        }
        out
    }

    fn actions(&mut self, root: &Loc, loc: &Loc, kind: &str) -> Vec<Action> {
        let n = self.list(loc, kind);
        let mut out = Vec::new();
        for i in 0..n {
            let aloc = loc.index(i);
            let Some(map) = self.obj(&aloc, "an action") else {
                continue;
            };
            let (aloc, map) = if map.contains_key("reference") {
                let Some((target, _)) = self.reusable(root, &aloc, kind) else {
                    continue;
                };
                let Some(m) = self.obj(&target, "an action") else {
                    continue;
                };
                (target, m.clone())
            } else {
                (aloc, map.clone())
            };
            let Some(name) = self.required(&map, &aloc, "name", "an action") else {
                continue;
            };
            let Some(t) = self.required(&map, &aloc, "type", "an action") else {
                continue;
            };
            let action_kind = match (t.as_str(), kind) {
                ("end", _) => ActionKind::End,
                ("goto", _) => ActionKind::Goto,
                ("retry", "failureActions") => ActionKind::Retry,
                (other, _) => {
                    self.diags.push(self.sources.error_at(
                        &aloc.join("type"),
                        format!(
                            "action type `{other}` is not allowed here; expected {}",
                            if kind == "successActions" {
                                "end or goto"
                            } else {
                                "end, goto or retry"
                            }
                        ),
                    ));
                    continue;
                }
            };
            let step_id = s(&map, "stepId").map(|v| (v, aloc.join("stepId")));
            let workflow_id = s(&map, "workflowId").map(|v| (v, aloc.join("workflowId")));
            if step_id.is_some() && workflow_id.is_some() {
                self.diags.push(self.sources.error_at(
                    &aloc,
                    "an action names both `stepId` and `workflowId`; they are mutually exclusive",
                ));
            }
            if action_kind == ActionKind::Goto && step_id.is_none() && workflow_id.is_none() {
                self.diags.push(
                    self.sources
                        .error_at(&aloc, "a `goto` action needs `stepId` or `workflowId`"),
                );
            }
            let retry_after = match map.get("retryAfter") {
                None => None,
                Some(v) => match v.as_f64() {
                    Some(x) if x >= 0.0 => Some(x),
                    _ => {
                        self.diags.push(self.sources.error_at(
                            &aloc.join("retryAfter"),
                            "`retryAfter` must be a non-negative number of seconds",
                        ));
                        None
                    }
                },
            };
            let retry_limit = match map.get("retryLimit") {
                None => None,
                Some(v) => match v.as_u64() {
                    Some(x) => Some(x),
                    None => {
                        self.diags.push(self.sources.error_at(
                            &aloc.join("retryLimit"),
                            "`retryLimit` must be a non-negative integer",
                        ));
                        None
                    }
                },
            };
            out.push(Action {
                name,
                kind: action_kind,
                step_id,
                workflow_id,
                retry_after,
                retry_limit,
                criteria: self.criteria(&aloc.join("criteria")),
                loc: aloc,
            });
        }
        out
    }

    fn parameters(&mut self, root: &Loc, loc: &Loc) -> Vec<Parameter> {
        let n = self.list(loc, "parameters");
        let mut out: Vec<Parameter> = Vec::new();
        for i in 0..n {
            let ploc = loc.index(i);
            let Some(map) = self.obj(&ploc, "a parameter") else {
                continue;
            };
            let (ploc, map, override_value) = if map.contains_key("reference") {
                let Some((target, value)) = self.reusable(root, &ploc, "parameters") else {
                    continue;
                };
                let Some(m) = self.obj(&target, "a parameter") else {
                    continue;
                };
                let ov = value.map(|v| (v, loc.index(i).join("value")));
                (target, m.clone(), ov)
            } else {
                (ploc, map.clone(), None)
            };
            let Some(name) = self.required(&map, &ploc, "name", "a parameter") else {
                continue;
            };
            let location = s(&map, "in");
            if let Some(l) = &location
                && !["path", "query", "header", "cookie"].contains(&l.as_str())
            {
                self.diags.push(self.sources.error_at(
                    &ploc.join("in"),
                    format!("parameter location `{l}` is not one of path, query, header, cookie"),
                ));
                continue;
            }
            let (value, value_loc) = match override_value {
                Some(v) => v,
                None => match map.get("value") {
                    Some(v) => (v.clone(), ploc.join("value")),
                    None => {
                        self.diags
                            .push(self.sources.error_at(&ploc, "a parameter has no `value`"));
                        continue;
                    }
                },
            };
            if out.iter().any(|p| p.name == name && p.location == location) {
                self.diags.push(
                    self.sources
                        .error_at(&ploc, format!("parameter `{name}` is listed twice")),
                );
                continue;
            }
            out.push(Parameter {
                name,
                location,
                value,
                value_loc,
                loc: ploc,
            });
        }
        out
    }

    /// Outputs as written; the compiler reads a value that is no expression as a constant.
    fn outputs(&mut self, loc: &Loc) -> Vec<(String, Value, Loc)> {
        let Some(map) = self.obj(loc, "`outputs`") else {
            return Vec::new();
        };
        map.iter()
            .map(|(k, v)| (k.clone(), v.clone(), loc.join(k)))
            .collect()
    }
}

/// Merges workflow-level items under step-level ones: a step's definition overrides one with the
/// same identity but never removes a workflow-level one.
fn merge<T: Clone>(step: Vec<T>, workflow: &[T], same: impl Fn(&T, &T) -> bool) -> Vec<T> {
    let mut out = step;
    for w in workflow {
        if !out.iter().any(|s| same(s, w)) {
            out.push(w.clone());
        }
    }
    out
}

/// Reads the document at `root`. Structural problems go to `diags`; what can be read is returned.
pub fn read(sources: &Sources, root: &Loc, diags: &mut Diagnostics) -> Option<Document> {
    let mut r = Reader { sources, diags };
    let doc = r.obj(root, "an Arazzo document")?.clone();
    match doc.get("arazzo").and_then(Value::as_str) {
        Some(v) if v.starts_with("1.") => {}
        Some(v) => {
            r.diags.push(sources.error_at(
                &root.join("arazzo"),
                format!("unsupported Arazzo version {v}; 1.0.x is supported"),
            ));
            return None;
        }
        None => {
            r.diags.push(sources.error_at(
                root,
                "not an Arazzo document: there is no `arazzo` version field",
            ));
            return None;
        }
    }
    let info = doc
        .get("info")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let title = s(&info, "title").unwrap_or_else(|| "Arazzo workflows".into());
    let description = s(&info, "summary").or_else(|| s(&info, "description"));

    let sloc = root.join("sourceDescriptions");
    let mut descs = Vec::new();
    for i in 0..r.list(&sloc, "sourceDescriptions") {
        let l = sloc.index(i);
        let Some(m) = r.obj(&l, "a source description") else {
            continue;
        };
        let m = m.clone();
        let (Some(name), Some(url)) = (
            r.required(&m, &l, "name", "a source description"),
            r.required(&m, &l, "url", "a source description"),
        ) else {
            continue;
        };
        if descs.iter().any(|d: &SourceDescription| d.name == name) {
            r.diags.push(
                sources.error_at(&l, format!("source description `{name}` is defined twice")),
            );
            continue;
        }
        descs.push(SourceDescription {
            name,
            url,
            kind: s(&m, "type").unwrap_or_else(|| "openapi".into()),
            loc: l,
        });
    }
    if descs.is_empty() {
        r.diags.push(sources.error_at(
            root,
            "an Arazzo document needs at least one source description",
        ));
    }

    let wloc = root.join("workflows");
    let mut workflows = Vec::new();
    for i in 0..r.list(&wloc, "workflows") {
        let l = wloc.index(i);
        let Some(m) = r.obj(&l, "a workflow") else {
            continue;
        };
        let m = m.clone();
        let Some(id) = r.required(&m, &l, "workflowId", "a workflow") else {
            continue;
        };
        let wf_params = r.parameters(root, &l.join("parameters"));
        let wf_success = r.actions(root, &l.join("successActions"), "successActions");
        let wf_failure = r.actions(root, &l.join("failureActions"), "failureActions");
        let inputs = if m.contains_key("inputs") {
            // `inputs` may itself be a reference to `components.inputs`.
            let il = l.join("inputs");
            match sources.get(&il) {
                Some(Value::Object(im)) if im.contains_key("$ref") => match sources.deref(&il) {
                    Ok(t) => Some(t),
                    Err(message) => {
                        r.diags.push(sources.error_at(&il.join("$ref"), message));
                        None
                    }
                },
                _ => Some(il),
            }
        } else {
            None
        };
        let depends_on = match m.get("dependsOn") {
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .filter_map(|(j, v)| {
                    v.as_str()
                        .map(|s| (s.to_owned(), l.join("dependsOn").index(j)))
                })
                .collect(),
            _ => Vec::new(),
        };
        let stloc = l.join("steps");
        let n = r.list(&stloc, "steps");
        if n == 0 {
            r.diags
                .push(sources.error_at(&l, format!("workflow `{id}` has no steps")));
        }
        let mut steps = Vec::new();
        for j in 0..n {
            let sl = stloc.index(j);
            let Some(sm) = r.obj(&sl, "a step") else {
                continue;
            };
            let sm = sm.clone();
            let Some(step_id) = r.required(&sm, &sl, "stepId", "a step") else {
                continue;
            };
            let targets: Vec<(Target, Loc)> = [
                ("operationId", Target::OperationId as fn(String) -> Target),
                ("operationPath", Target::OperationPath),
                ("workflowId", Target::WorkflowId),
            ]
            .into_iter()
            .filter_map(|(k, f)| s(&sm, k).map(|v| (f(v), sl.join(k))))
            .collect();
            let x_operation = sm
                .contains_key("x-operation")
                .then(|| r.x_operation(&sl.join("x-operation")));
            let target = match (targets.len(), x_operation) {
                (1, None) => targets.into_iter().next(),
                (0, Some(x)) => x,
                (0, None) => {
                    r.diags.push(sources.error_at(
                        &sl,
                        format!("step `{step_id}` needs one of `operationId`, `operationPath`, `workflowId`"),
                    ));
                    None
                }
                _ => {
                    r.diags.push(sources.error_at(
                        &sl,
                        format!("step `{step_id}` names more than one of `operationId`, `operationPath`, `workflowId`, `x-operation`; they are mutually exclusive"),
                    ));
                    None
                }
            };
            let step_params = r.parameters(root, &sl.join("parameters"));
            let parameters = merge(step_params, &wf_params, |a, b| {
                a.name == b.name && a.location == b.location
            });
            let request_body = match sm.get("requestBody") {
                Some(Value::Object(b)) => {
                    let bl = sl.join("requestBody");
                    let mut replacements = Vec::new();
                    let rl = bl.join("replacements");
                    for k in 0..r.list(&rl, "replacements") {
                        let xl = rl.index(k);
                        let Some(x) = r.obj(&xl, "a replacement") else {
                            continue;
                        };
                        let x = x.clone();
                        let Some(target) = r.required(&x, &xl, "target", "a replacement") else {
                            continue;
                        };
                        replacements.push(Replacement {
                            target,
                            value: x.get("value").cloned().unwrap_or(Value::Null),
                            loc: xl,
                        });
                    }
                    Some(RequestBody {
                        content_type: s(b, "contentType"),
                        payload: b.get("payload").cloned(),
                        payload_loc: bl.join("payload"),
                        replacements,
                    })
                }
                _ => None,
            };
            let on_success = merge(
                r.actions(root, &sl.join("onSuccess"), "successActions"),
                &wf_success,
                |a, b| a.name == b.name,
            );
            let on_failure = merge(
                r.actions(root, &sl.join("onFailure"), "failureActions"),
                &wf_failure,
                |a, b| a.name == b.name,
            );
            steps.push(Step {
                id: step_id,
                description: s(&sm, "description"),
                target,
                parameters,
                request_body,
                success_criteria: r.criteria(&sl.join("successCriteria")),
                on_success,
                on_failure,
                outputs: r.outputs(&sl.join("outputs")),
                loc: sl,
            });
        }
        workflows.push(Workflow {
            id,
            summary: s(&m, "summary"),
            description: s(&m, "description"),
            inputs,
            depends_on,
            steps,
            outputs: r.outputs(&l.join("outputs")),
            loc: l,
        });
    }
    if workflows.is_empty() {
        r.diags
            .push(sources.error_at(root, "an Arazzo document needs at least one workflow"));
    }
    Some(Document {
        title,
        description,
        sources: descs,
        workflows,
        loc: root.clone(),
    })
}
