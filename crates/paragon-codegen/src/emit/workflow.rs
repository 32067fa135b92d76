//! [`WorkflowDoc`] to Rust: per document the API modules and a `Clients` struct; per workflow a
//! module with typed `Inputs`, step outputs, `Outputs`, a serialisable `State`, and a `Workflow`
//! whose `step()` advances one transition (criteria and actions compiled to Rust) and `run()`
//! drives to the end.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

use super::types::{ident, ty_tokens_in, types_of};
use crate::arazzo::condition::{CmpOp, Cond, Nav, Operand, member_path};
use crate::arazzo::expr::{Expr, Part, Source};
use crate::ir::Ty;
use crate::ir::workflow::*;

mod request;
use request::Target;

/// A JSON literal as an expression of type `serde_json::Value`.
fn lit(v: &Value) -> TokenStream {
    match v {
        Value::Null => quote!(::paragon_runtime::serde_json::Value::Null),
        Value::Bool(b) => quote!(::paragon_runtime::serde_json::Value::Bool(#b)),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                quote!(::paragon_runtime::serde_json::Value::from(#i))
            } else if let Some(u) = n.as_u64() {
                quote!(::paragon_runtime::serde_json::Value::from(#u))
            } else {
                let f = n.as_f64().unwrap_or(0.0);
                quote!(::paragon_runtime::serde_json::Value::from(#f))
            }
        }
        Value::String(s) => quote!(::paragon_runtime::serde_json::Value::String(#s.to_owned())),
        Value::Array(items) => {
            let items = items.iter().map(lit);
            quote!(::paragon_runtime::serde_json::Value::Array(
                vec![#(#items),*]
            ))
        }
        Value::Object(m) => {
            let inserts = m.iter().map(|(k, v)| {
                let v = lit(v);
                quote!(m.insert(#k.to_owned(), #v);)
            });
            quote!({
                let mut m = ::paragon_runtime::serde_json::Map::new();
                #(#inserts)*
                ::paragon_runtime::serde_json::Value::Object(m)
            })
        }
    }
}

fn cmp_op(op: CmpOp) -> TokenStream {
    match op {
        CmpOp::Eq => quote!(rt::CmpOp::Eq),
        CmpOp::Ne => quote!(rt::CmpOp::Ne),
        CmpOp::Lt => quote!(rt::CmpOp::Lt),
        CmpOp::Le => quote!(rt::CmpOp::Le),
        CmpOp::Gt => quote!(rt::CmpOp::Gt),
        CmpOp::Ge => quote!(rt::CmpOp::Ge),
    }
}

/// Emission context for one workflow.
struct Ctx<'a> {
    doc: &'a WorkflowDoc,
    wf: &'a WorkflowIr,
}

impl Ctx<'_> {
    fn wf_ty(&self, t: &WfTy) -> TokenStream {
        match t.api {
            Some(i) => {
                let a = &self.doc.apis[i];
                ty_tokens_in(&a.api.types, &t.ty, &format!("super::{}::", a.module))
            }
            None => ty_tokens_in(&self.wf.input_types, &t.ty, ""),
        }
    }

    fn step_field(&self, id: &str) -> Option<&StepIr> {
        self.wf.steps.iter().find(|s| s.id == id)
    }

    /// An expression of type `serde_json::Value`. `resp` is a `StepResponse` in scope where the
    /// expression is evaluated after the request.
    fn value(&self, v: &ValueExpr) -> TokenStream {
        match v {
            ValueExpr::Lit(l) => lit(l),
            ValueExpr::Template(parts) => {
                let pushes = parts.iter().map(|p| match p {
                    Part::Lit(s) => match s.chars().collect::<Vec<_>>().as_slice() {
                        [c] => quote!(s.push(#c);),
                        _ => quote!(s.push_str(#s);),
                    },
                    Part::Expr(e) => {
                        let v = self.expr(e);
                        quote!(s.push_str(&rt::render(&#v));)
                    }
                });
                quote!({
                    let mut s = String::new();
                    #(#pushes)*
                    ::paragon_runtime::serde_json::Value::String(s)
                })
            }
            ValueExpr::Expr(e, nav) => {
                let base = self.expr(e);
                if nav.is_empty() {
                    base
                } else {
                    let steps = nav.iter().map(|n| match n {
                        Nav::Member(m) => quote!(rt::Nav::Member(#m)),
                        Nav::Index(i) => quote!(rt::Nav::Index(#i)),
                    });
                    quote!(rt::navigate(#base, &[#(#steps),*]))
                }
            }
        }
    }

    fn expr(&self, e: &Expr) -> TokenStream {
        let null = quote!(::paragon_runtime::serde_json::Value::Null);
        let with_pointer = |base: TokenStream, p: &Option<String>| match p {
            Some(p) => quote!(rt::pointer(&#base, #p)),
            None => base,
        };
        match e {
            Expr::Url => quote!(::paragon_runtime::serde_json::Value::String(
                resp.url.clone()
            )),
            Expr::Method => quote!(::paragon_runtime::serde_json::Value::String(
                resp.method.clone()
            )),
            Expr::StatusCode => quote!(::paragon_runtime::serde_json::Value::from(resp.status)),
            Expr::Response(s) => match s {
                Source::Body(p) => {
                    let p = p.as_deref();
                    match p {
                        Some(p) => quote!(resp.body_at(Some(#p))),
                        None => quote!(resp.body_at(None)),
                    }
                }
                Source::Header(h) => quote!(resp.header(#h)),
                _ => null,
            },
            Expr::Request(s) => match s {
                Source::Header(h) => quote!(resp.request_header(#h)),
                Source::Query(q) => quote!(resp.request_query(#q)),
                Source::Path(p) => quote!(resp.request_path(#p)),
                Source::Body(p) | Source::Payload(p) => match p.as_deref() {
                    Some(p) => quote!(resp.request_body_at(Some(#p))),
                    None => quote!(resp.request_body_at(None)),
                },
            },
            Expr::Inputs { name, pointer } => {
                match self.wf.input_fields.iter().find(|(w, _, _)| w == name) {
                    Some((_, f, _)) => {
                        let f = ident(f);
                        with_pointer(quote!(rt::to_value(&self.state.inputs.#f)), pointer)
                    }
                    None => null,
                }
            }
            Expr::Outputs { name, pointer } => {
                // In a workflow step, `$outputs` are the sub-workflow's outputs (the body of the
                // synthetic response).
                let mut p = String::new();
                crate::pointer::push_token(&mut p, name);
                p.push_str(pointer.as_deref().unwrap_or(""));
                quote!(resp.body_at(Some(#p)))
            }
            Expr::Steps {
                step,
                output,
                pointer,
            } => {
                let Some(s) = self.step_field(step) else {
                    return null;
                };
                let Some(o) = s.outputs.iter().find(|o| &o.wire == output) else {
                    return null;
                };
                let sf = ident(&s.field);
                let of = ident(&o.field);
                with_pointer(
                    quote!(rt::to_value(&self.state.steps.#sf.as_ref().and_then(|o| o.#of.as_ref()))),
                    pointer,
                )
            }
            Expr::Workflows {
                workflow,
                field,
                name,
                pointer,
            } => {
                let side = field.as_str();
                let mut p = String::new();
                crate::pointer::push_token(&mut p, workflow);
                crate::pointer::push_token(&mut p, side);
                crate::pointer::push_token(&mut p, name);
                p.push_str(pointer.as_deref().unwrap_or(""));
                quote!(rt::pointer(&::paragon_runtime::serde_json::Value::Object(self.state.workflows.clone()), #p))
            }
            Expr::SourceDescriptions { .. }
            | Expr::Components { .. }
            | Expr::SelfRef
            | Expr::Message(_) => null,
        }
    }

    fn cond(&self, c: &Cond) -> TokenStream {
        match c {
            Cond::Or(items) => {
                let items = items.iter().map(|i| self.cond(i));
                quote!((#(#items)||*))
            }
            Cond::And(items) => {
                let items = items.iter().map(|i| self.cond(i));
                quote!((#(#items)&&*))
            }
            // `||` and `&&` come back parenthesized: negated as they are.
            Cond::Not(inner) if matches!(**inner, Cond::Or(_) | Cond::And(_)) => {
                let inner = self.cond(inner);
                quote!(!#inner)
            }
            Cond::Not(inner) => {
                let inner = self.cond(inner);
                quote!(!(#inner))
            }
            Cond::Cmp(a, op, b) => {
                let (a, b, op) = (self.operand(a), self.operand(b), cmp_op(*op));
                quote!(rt::compare(&#a, #op, &#b))
            }
            Cond::Test(a) => {
                let a = self.operand(a);
                quote!(rt::truthy(&#a))
            }
        }
    }

    fn operand(&self, o: &Operand) -> TokenStream {
        match o {
            Operand::Lit(v) => lit(v),
            Operand::Expr { expr, nav } => self.value(&ValueExpr::Expr(expr.clone(), nav.clone())),
        }
    }

    fn check(&self, c: &CriterionIr) -> TokenStream {
        self.check_of(&c.check)
    }

    fn check_of(&self, check: &Check) -> TokenStream {
        match check {
            Check::Status(op, n) => {
                let n = proc_macro2::Literal::u16_unsuffixed(*n);
                match op {
                    CmpOp::Eq => quote!(resp.status == #n),
                    CmpOp::Ne => quote!(resp.status != #n),
                    CmpOp::Lt => quote!(resp.status < #n),
                    CmpOp::Le => quote!(resp.status <= #n),
                    CmpOp::Gt => quote!(resp.status > #n),
                    CmpOp::Ge => quote!(resp.status >= #n),
                }
            }
            Check::Simple(cond) => self.cond(cond),
            Check::Regex { context, pattern } => {
                let ctx = self.value(context);
                quote!({
                    static PATTERN: ::std::sync::LazyLock<Option<::paragon_runtime::regex::Regex>> =
                        ::std::sync::LazyLock::new(|| ::paragon_runtime::regex::Regex::new(#pattern).ok());
                    PATTERN.as_ref().is_some_and(|p| rt::regex_matches(p, &#ctx))
                })
            }
            Check::XPath {
                body_slot: Some(i), ..
            } => {
                let i = proc_macro2::Literal::usize_unsuffixed(*i);
                quote!(xpath_body[#i])
            }
            Check::XPath { context, query, .. } => {
                let ctx = self.value(context);
                quote!(
                    ::paragon_runtime::__xpath!(::paragon_runtime::xpath::value_test(&#ctx, #query))
                )
            }
            Check::AnyOf(alternatives) => {
                let any = alternatives.iter().map(|all| {
                    let all = all.iter().map(|c| self.check_of(c));
                    quote!((#(#all)&&*))
                });
                quote!((#(#any)||*))
            }
            Check::JsonPath {
                context,
                query,
                compare,
                length,
            } => {
                // A query of member names into the response body reads the one value it can
                // select straight from the bytes, as a JSON Pointer, with no JSON tree.
                if let (false, Some(base), Some(names)) =
                    (*length, body_pointer_str(context), member_path(query))
                {
                    let mut pointer = base.unwrap_or("").to_owned();
                    for n in &names {
                        crate::pointer::push_token(&mut pointer, n);
                    }
                    return match compare {
                        Some((op, l)) => {
                            let (op, l) = (cmp_op(*op), lit(l));
                            quote!(rt::body_compare(&resp, #pointer, #op, &#l))
                        }
                        None => quote!(rt::body_exists(&resp, #pointer)),
                    };
                }
                let ctx = self.value(context);
                let test = match compare {
                    Some((op, l)) if *length => {
                        let (op, l) = (cmp_op(*op), lit(l));
                        quote!(rt::jsonpath_length_compare(p, context, #op, &#l))
                    }
                    Some((op, l)) => {
                        let (op, l) = (cmp_op(*op), lit(l));
                        quote!(rt::jsonpath_compare(p, context, #op, &#l))
                    }
                    None => quote!(rt::jsonpath_exists(p, context)),
                };
                // The response body (or a part of it) is borrowed, not copied, for the query.
                let bind = match body_pointer(context) {
                    Some(p) => quote! {
                        let null = ::paragon_runtime::serde_json::Value::Null;
                        let context: &::paragon_runtime::serde_json::Value = resp.body_ref(#p).unwrap_or(&null);
                    },
                    None => quote!(let context = &#ctx;),
                };
                quote!({
                    static PATH: ::std::sync::LazyLock<Option<::paragon_runtime::serde_json_path::JsonPath>> =
                        ::std::sync::LazyLock::new(|| ::paragon_runtime::serde_json_path::JsonPath::parse(#query).ok());
                    #bind
                    PATH.as_ref().is_some_and(|p| #test)
                })
            }
        }
    }

    fn all(&self, criteria: &[CriterionIr]) -> TokenStream {
        if criteria.is_empty() {
            return quote!(true);
        }
        let checks = criteria.iter().map(|c| self.check(c));
        quote!(#(#checks)&&*)
    }

    fn step_id(&self, i: usize) -> TokenStream {
        let v = ident(&self.wf.steps[i].variant);
        quote!(StepId::#v)
    }

    fn sub_workflow_call(&self, target: usize, inputs: TokenStream) -> TokenStream {
        let m = ident(&self.doc.workflows[target].module);
        let key = &self.doc.workflows[target].key;
        quote!({
            let inputs_json = #inputs;
            let inputs: super::#m::Inputs = ::paragon_runtime::serde_json::from_value(inputs_json.clone())
                .map_err(|e| rt::WorkflowError::Inputs { workflow: super::#m::WORKFLOW, message: e.to_string() })?;
            let outputs = Box::pin(super::#m::Workflow::new(self.clients.clone(), inputs).run())
                .await
                .map_err(|e| rt::WorkflowError::SubWorkflow { workflow: WORKFLOW, step: STEP, source: Box::new(e) })?;
            let outputs = rt::to_value(&outputs);
            let mut record = ::paragon_runtime::serde_json::Map::new();
            record.insert("inputs".to_owned(), inputs_json);
            record.insert("outputs".to_owned(), outputs.clone());
            self.state.workflows.insert(#key.to_owned(), ::paragon_runtime::serde_json::Value::Object(record));
            outputs
        })
    }

    fn success_action(&self, a: &ActionIr) -> TokenStream {
        let name = &a.name;
        let body = match a.kind {
            ActionIrKind::End => {
                quote!(return Ok(self.go(None, STEP, status, attempt, rt::Outcome::End));)
            }
            ActionIrKind::Goto(ActionTarget::Step(i)) => {
                let to = self.step_id(i);
                let to_name = &self.wf.steps[i].id;
                quote!(return Ok(self.go(Some(#to), STEP, status, attempt, rt::Outcome::Goto { to: #to_name, action: #name }));)
            }
            ActionIrKind::Goto(ActionTarget::Workflow(w))
            | ActionIrKind::Retry {
                target: Some(ActionTarget::Workflow(w)),
                ..
            } => {
                let call = self.sub_workflow_call(w, quote!(rt::to_value(&self.state.inputs)));
                let to_name = &self.doc.workflows[w].id;
                quote! {
                    let _ = #call;
                    return Ok(self.go(None, STEP, status, attempt, rt::Outcome::GotoWorkflow { to: #to_name, action: #name }));
                }
            }
            ActionIrKind::Retry { .. } => quote!(),
        };
        let cond = self.all(&a.criteria);
        quote!(if #cond { #body })
    }

    fn failure_action(&self, a: &ActionIr, current: usize) -> TokenStream {
        let name = &a.name;
        let cond = self.all(&a.criteria);
        let body = match a.kind {
            ActionIrKind::End => quote! {
                rt::emit(&mut self.observer, rt::Event { workflow: WORKFLOW, step: STEP, status, attempt, outcome: rt::Outcome::Failed { criterion: criterion.to_owned() } });
                return Err(rt::WorkflowError::Ended { workflow: WORKFLOW, step: STEP, action: #name, status });
            },
            ActionIrKind::Goto(ActionTarget::Step(i)) => {
                let to = self.step_id(i);
                let to_name = &self.wf.steps[i].id;
                quote!(return Ok(self.go(Some(#to), STEP, status, attempt, rt::Outcome::Goto { to: #to_name, action: #name }));)
            }
            ActionIrKind::Goto(ActionTarget::Workflow(w)) => {
                let call = self.sub_workflow_call(w, quote!(rt::to_value(&self.state.inputs)));
                let to_name = &self.doc.workflows[w].id;
                quote! {
                    let _ = #call;
                    return Ok(self.go(None, STEP, status, attempt, rt::Outcome::GotoWorkflow { to: #to_name, action: #name }));
                }
            }
            ActionIrKind::Retry {
                after,
                limit,
                target,
            } => {
                let limit = u32::try_from(limit).unwrap_or(u32::MAX);
                let current_id = self.step_id(current);
                let before = match target {
                    Some(ActionTarget::Step(i)) => {
                        let to = self.step_id(i);
                        let to_name = &self.wf.steps[i].id;
                        quote! {
                            self.state.resume = Some((#current_id, attempt));
                            return Ok(self.go(Some(#to), STEP, status, attempt, rt::Outcome::Goto { to: #to_name, action: #name }));
                        }
                    }
                    Some(ActionTarget::Workflow(w)) => {
                        let call =
                            self.sub_workflow_call(w, quote!(rt::to_value(&self.state.inputs)));
                        quote!(let _ = #call;)
                    }
                    None => quote!(),
                };
                quote! {
                    if attempt <= #limit {
                        let clock = self.clock();
                        let wait = resp.retry_wait(
                            clock.wall_now(),
                            ::std::time::Duration::from_secs_f64(#after),
                            self.max_retry_after(),
                        );
                        rt::emit(&mut self.observer, rt::Event { workflow: WORKFLOW, step: STEP, status, attempt, outcome: rt::Outcome::Retry { wait, action: #name } });
                        // The driver waits (`Progress::Wait`); the state says until when.
                        self.state.wait_until = Some(rt::unix_millis(clock.wall_now() + wait));
                        #before
                        return Ok(rt::Progress::Continue);
                    }
                }
            }
        };
        quote!(if #cond { #body })
    }

    fn step_method(&self, index: usize) -> TokenStream {
        let s = &self.wf.steps[index];
        let method = format_ident!("step_{}", s.field);
        let step_name = &s.id;
        let send = match &s.call {
            Call::Operation {
                api,
                op,
                params,
                body,
                resend,
            } => {
                let operation = &self.doc.apis[*api].api.operations[*op];
                self.request(
                    s,
                    *api,
                    Target::Op(operation),
                    params,
                    body.as_ref(),
                    *resend,
                )
            }
            Call::Http {
                api,
                method,
                url,
                params,
                body,
                resend,
            } => self.request(
                s,
                *api,
                Target::Url { method, url },
                params,
                body.as_ref(),
                *resend,
            ),
            Call::Workflow { workflow, inputs } => {
                let inserts = inputs.iter().map(|(name, v)| {
                    let v = self.value(v);
                    quote!(rt::insert(&mut m, #name, #v, true);)
                });
                let call = self.sub_workflow_call(
                    *workflow,
                    quote!({
                        let mut m = ::paragon_runtime::serde_json::Map::new();
                        #(#inserts)*
                        ::paragon_runtime::serde_json::Value::Object(m)
                    }),
                );
                quote! {
                    let outputs = #call;
                    let resp = rt::StepResponse::synthetic(outputs);
                }
            }
        };
        let (status, client_retries) = match s.call {
            Call::Operation { .. } | Call::Http { .. } => {
                (quote!(Some(resp.status)), quote!(resp.client_retries))
            }
            Call::Workflow { .. } => (quote!(None), quote!(0)),
        };
        // An operation step counts its attempt in `rt::prepare_send` (which knows about a
        // request in flight when the state was saved).
        let count = match s.call {
            Call::Operation { .. } | Call::Http { .. } => quote!(),
            Call::Workflow { .. } => quote! {
                self.state.attempt += 1;
                let attempt = self.state.attempt;
            },
        };
        // The response body parsed once as XML for every `xpath` criterion that reads it.
        let xpath_body = (!s.xpath_body.is_empty()).then(|| {
            let queries = &s.xpath_body;
            quote! {
                let xpath_body = ::paragon_runtime::__xpath!(::paragon_runtime::xpath::body_tests(&resp.body, [#(#queries),*]));
            }
        });
        // Success criteria: the first that fails is named in the error.
        let mut failed = quote!(None);
        for c in s.success.iter().rev() {
            let check = self.check(c);
            let text = &c.text;
            // A condition of `||` or `&&` is parenthesized already.
            let negated = match &c.check {
                Check::Simple(Cond::Or(_) | Cond::And(_)) => quote!(!#check),
                _ => quote!(!(#check)),
            };
            failed = quote!(if #negated { Some(#text) } else { #failed });
        }
        let outputs_value = self.step_outputs(s);
        let field = ident(&s.field);
        let success_actions = s.on_success.iter().map(|a| self.success_action(a));
        let failure_actions = s.on_failure.iter().map(|a| self.failure_action(a, index));
        let next = match self.wf.steps.get(index + 1) {
            Some(n) => {
                let v = ident(&n.variant);
                let name = &n.id;
                quote!(self.go(Some(StepId::#v), STEP, status, attempt, rt::Outcome::Next { to: #name }))
            }
            None => quote!(self.go(None, STEP, status, attempt, rt::Outcome::End)),
        };
        let doc = format!(" Runs step `{step_name}` once and picks the next transition.");
        quote! {
            #[doc = #doc]
            async fn #method(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
                const STEP: &str = #step_name;
                #count
                #send
                #xpath_body
                let status: Option<u16> = #status;
                let failed: Option<&'static str> = #failed;
                let Some(criterion) = failed else {
                    self.state.steps.#field = Some(#outputs_value);
                    #(#success_actions)*
                    if let Some((step, attempts)) = self.state.resume.take() {
                        let to = step.as_str();
                        let progress = self.go(Some(step), STEP, status, attempt, rt::Outcome::Next { to });
                        self.state.attempt = attempts;
                        return Ok(progress);
                    }
                    return Ok(#next);
                };
                #(#failure_actions)*
                rt::emit(&mut self.observer, rt::Event { workflow: WORKFLOW, step: STEP, status, attempt, outcome: rt::Outcome::Failed { criterion: criterion.to_owned() } });
                Err(rt::WorkflowError::StepFailed { workflow: WORKFLOW, step: STEP, status, criterion: criterion.to_owned(), attempts: attempt, client_retries: #client_retries })
            }
        }
    }

    /// The input `v` is, whole (`$inputs.name`, no pointer or navigation): wire name, field,
    /// type.
    fn whole_input(&self, v: &ValueExpr) -> Option<&(String, String, Ty)> {
        match v {
            ValueExpr::Expr(
                Expr::Inputs {
                    name,
                    pointer: None,
                },
                nav,
            ) if nav.is_empty() => self.wf.input_fields.iter().find(|(w, _, _)| w == name),
            _ => None,
        }
    }

    /// The `Inputs` field when `v` is a whole input.
    fn bare_input(&self, v: &ValueExpr) -> Option<proc_macro2::Ident> {
        self.whole_input(v).map(|(_, f, _)| ident(f))
    }

    /// Whether a value can be absent at run time (so a required parameter fed by it is checked
    /// before the request is sent): a `null` literal, an expression other than a required
    /// typed input.
    fn may_be_absent(&self, v: &ValueExpr) -> bool {
        match v {
            ValueExpr::Lit(l) => l.is_null(),
            ValueExpr::Template(_) => false,
            ValueExpr::Expr(..) => self
                .whole_input(v)
                .is_none_or(|(_, _, t)| matches!(t, Ty::Option(_) | Ty::Json)),
        }
    }

    /// One output of a step, decoded on its own: `field: value?,`.
    fn step_output(&self, o: &OutputIr) -> TokenStream {
        let f = ident(&o.field);
        let wire = &o.wire;
        let t = self.wf_ty(&o.ty);
        match o.read {
            BodyRead::Binary => return quote!(#f: rt::binary_body(&resp),),
            BodyRead::Text => return quote!(#f: rt::text_body(&resp),),
            BodyRead::Json => {}
        }
        // A part of the response body decodes straight from the bytes, no JSON tree.
        if let Some(p) = body_pointer(&o.value) {
            return quote!(#f: rt::typed_at::<#t>(STEP, #wire, &resp, #p)?,);
        }
        let v = self.value(&o.value);
        quote!(#f: rt::typed::<#t>(STEP, #wire, #v)?,)
    }

    /// The value of a step's outputs struct, once its response is in.
    fn step_outputs(&self, s: &StepIr) -> TokenStream {
        let outputs_type = ident(&s.outputs_type);
        let one_by_one = s.outputs.iter().map(|o| self.step_output(o));
        let one_by_one = quote!(#outputs_type { #(#one_by_one)* });
        // Two or more outputs that are distinct top-level members of the body: one pass over
        // the bytes for all of them, and each on its own only if that pass cannot answer.
        let members: Vec<(&OutputIr, String)> = s
            .outputs
            .iter()
            .filter_map(|o| top_level_member(&o.value).map(|m| (o, m)))
            .collect();
        let distinct = members
            .iter()
            .enumerate()
            .all(|(i, (_, m))| members[..i].iter().all(|(_, n)| n != m));
        if members.len() < 2 || !distinct {
            return one_by_one;
        }
        let struct_fields = members.iter().map(|(o, m)| {
            let f = ident(&o.field);
            let t = self.wf_ty(&o.ty);
            quote!(#[serde(rename = #m, default)] #f: Option<#t>,)
        });
        let from_members = s.outputs.iter().map(|o| {
            if members.iter().any(|(m, _)| m.field == o.field) {
                let f = ident(&o.field);
                quote!(#f: members.#f,)
            } else {
                self.step_output(o)
            }
        });
        quote!({
            #[derive(::paragon_runtime::serde::Deserialize)]
            #[serde(crate = #SERDE)]
            struct Members { #(#struct_fields)* }
            match rt::decode_members::<Members>(&resp) {
                Some(members) => #outputs_type { #(#from_members)* },
                None => #one_by_one,
            }
        })
    }

    fn payload(&self, p: &Payload) -> TokenStream {
        match p {
            Payload::Value(v) => self.value(v),
            Payload::Array(items) => {
                let items = items.iter().map(|i| self.payload(i));
                quote!(::paragon_runtime::serde_json::Value::Array(
                    vec![#(#items),*]
                ))
            }
            Payload::Object(members) => {
                let inserts = members.iter().map(|(k, v)| {
                    let omit = matches!(v, Payload::Value(ValueExpr::Expr(..)));
                    let v = self.payload(v);
                    quote!(rt::insert(&mut m, #k, #v, #omit);)
                });
                quote!({
                    let mut m = ::paragon_runtime::serde_json::Map::new();
                    #(#inserts)*
                    ::paragon_runtime::serde_json::Value::Object(m)
                })
            }
        }
    }
}

/// `Some(pointer)` when `v` is `$response.body[#pointer]` with no navigation.
/// A value as the document wrote it, for error messages.
fn body_pointer_str(v: &ValueExpr) -> Option<Option<&str>> {
    match v {
        ValueExpr::Expr(Expr::Response(Source::Body(p)), nav) if nav.is_empty() => {
            Some(p.as_deref())
        }
        _ => None,
    }
}

/// The member name when `v` is `$response.body#/name`: one top-level member of the body.
fn top_level_member(v: &ValueExpr) -> Option<String> {
    let token = body_pointer_str(v)??.strip_prefix('/')?;
    (!token.contains('/')).then(|| crate::pointer::unescape(token).into_owned())
}

/// `Some(#pointer)`/`None` tokens when `v` is `$response.body[#pointer]` with no navigation:
/// such values are read from the response in place (`body_ref`, `typed_at`) instead of copied.
fn body_pointer(v: &ValueExpr) -> Option<TokenStream> {
    body_pointer_str(v).map(|p| match p {
        Some(p) => quote!(Some(#p)),
        None => quote!(None),
    })
}

const SERDE: &str = "::paragon_runtime::serde";

fn outputs_struct(ctx: &Ctx<'_>, name: &str, doc: &str, outputs: &[OutputIr]) -> TokenStream {
    let name = ident(name);
    let fields = outputs.iter().map(|o| {
        let f = ident(&o.field);
        let t = ctx.wf_ty(&o.ty);
        let wire = &o.wire;
        let rename = (o.field != o.wire).then(|| quote!(#[serde(rename = #wire)]));
        let d = format!(" `{wire}`");
        quote!(#[doc = #d] #rename pub #f: Option<#t>,)
    });
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Default, PartialEq, ::paragon_runtime::serde::Serialize, ::paragon_runtime::serde::Deserialize)]
        #[serde(crate = #SERDE)]
        pub struct #name { #(#fields)* }
    }
}

/// The step output a workflow output reads whole, when it has the same type: its
/// `StepOutputs` field and field.
fn direct_step_output(
    ctx: &Ctx<'_>,
    o: &OutputIr,
) -> Option<(proc_macro2::Ident, proc_macro2::Ident)> {
    if let ValueExpr::Expr(
        Expr::Steps {
            step,
            output,
            pointer: None,
        },
        nav,
    ) = &o.value
        && nav.is_empty()
        && let Some(s) = ctx.step_field(step)
        && let Some(so) = s.outputs.iter().find(|so| &so.wire == output)
        && so.ty == o.ty
    {
        return Some((ident(&s.field), ident(&so.field)));
    }
    None
}

/// A workflow output computed through JSON (an `Option` of its type).
fn converted_output(ctx: &Ctx<'_>, o: &OutputIr) -> TokenStream {
    let t = ctx.wf_ty(&o.ty);
    let v = ctx.value(&o.value);
    let wire = &o.wire;
    quote!(rt::typed::<#t>(WORKFLOW, #wire, #v).ok().flatten())
}

fn workflow_module(doc: &WorkflowDoc, wf: &WorkflowIr) -> TokenStream {
    let ctx = Ctx { doc, wf };
    let module = ident(&wf.module);
    let id = &wf.id;
    let module_doc = {
        let mut d = format!("Workflow `{id}`.");
        if let Some(text) = &wf.doc {
            d.push_str("\n\n");
            d.push_str(text);
        }
        d
    };
    let module_doc_lines = module_doc.lines().map(|l| format!(" {l}"));
    let has_inputs_struct = wf.input_types.iter().any(|t| t.name == "Inputs");
    let input_types = types_of(&wf.input_types);
    let empty_inputs = (!has_inputs_struct).then(|| {
        quote! {
            /// This workflow takes no inputs.
            #[derive(Debug, Clone, Default, PartialEq, ::paragon_runtime::serde::Serialize, ::paragon_runtime::serde::Deserialize)]
            #[serde(crate = #SERDE)]
            pub struct Inputs {}
        }
    });
    let variants: Vec<_> = wf.steps.iter().map(|s| ident(&s.variant)).collect();
    let step_names: Vec<&str> = wf.steps.iter().map(|s| s.id.as_str()).collect();
    let step_docs = wf.steps.iter().map(|s| {
        let mut d = format!(" `{}`", s.id);
        if let Some(text) = &s.doc {
            d.push_str(": ");
            d.push_str(text.trim());
        }
        d
    });
    let step_outputs_structs = wf.steps.iter().map(|s| {
        outputs_struct(
            &ctx,
            &s.outputs_type,
            &format!(" Outputs of step `{}`.", s.id),
            &s.outputs,
        )
    });
    let step_fields = wf.steps.iter().map(|s| {
        let f = ident(&s.field);
        let t = ident(&s.outputs_type);
        let d = format!(" Outputs of `{}`, once it has succeeded.", s.id);
        quote!(#[doc = #d] pub #f: Option<#t>,)
    });
    let outputs = outputs_struct(&ctx, "Outputs", " The workflow's outputs.", &wf.outputs);
    // A workflow output that is a step output of the same type is copied by `outputs()` and
    // moved by `into_outputs()` (unless another output takes the same one); any other is
    // converted through JSON, before anything is moved.
    let direct: Vec<Option<(proc_macro2::Ident, proc_macro2::Ident)>> = wf
        .outputs
        .iter()
        .map(|o| direct_step_output(&ctx, o))
        .collect();
    let output_values = wf.outputs.iter().zip(&direct).map(|(o, d)| {
        let f = ident(&o.field);
        match d {
            Some((sf, of)) => {
                quote!(#f: self.state.steps.#sf.as_ref().and_then(|o| o.#of.clone()),)
            }
            None => {
                let v = converted_output(&ctx, o);
                quote!(#f: #v,)
            }
        }
    });
    let converted_lets = wf
        .outputs
        .iter()
        .zip(&direct)
        .filter(|(_, d)| d.is_none())
        .map(|(o, _)| {
            let f = ident(&o.field);
            let v = converted_output(&ctx, o);
            quote!(let #f = #v;)
        });
    let moved_values = wf.outputs.iter().zip(&direct).map(|(o, d)| {
        let f = ident(&o.field);
        match d {
            Some((sf, of))
                if direct
                    .iter()
                    .flatten()
                    .filter(|(s, o)| s == sf && o == of)
                    .count()
                    == 1 =>
            {
                quote!(#f: self.state.steps.#sf.as_mut().and_then(|o| o.#of.take()),)
            }
            Some((sf, of)) => {
                quote!(#f: self.state.steps.#sf.as_ref().and_then(|o| o.#of.clone()),)
            }
            None => quote!(#f,),
        }
    });
    let first = match wf.steps.first() {
        Some(s) => {
            let v = ident(&s.variant);
            quote!(Some(StepId::#v))
        }
        None => quote!(None),
    };
    let arms = wf.steps.iter().map(|s| {
        let v = ident(&s.variant);
        let m = format_ident!("step_{}", s.field);
        quote!(StepId::#v => self.#m().await,)
    });
    let methods = (0..wf.steps.len()).map(|i| ctx.step_method(i));
    let has_retry = wf.steps.iter().any(|s| {
        s.on_failure
            .iter()
            .any(|a| matches!(a.kind, ActionIrKind::Retry { .. }))
    });
    let (clock, max_retry_after) = match doc.apis.first() {
        Some(a) => {
            let m = ident(&a.module);
            (
                quote!(self.clients.#m.clock().clone()),
                quote!(self.clients.#m.retry_policy().max_retry_after),
            )
        }
        None => (
            quote!(::std::sync::Arc::new(::paragon_runtime::SystemClock)),
            quote!(::paragon_runtime::RetryPolicy::default().max_retry_after),
        ),
    };
    // Only workflows that retry read the retry policy; others get no unused helper.
    let retry_helpers = has_retry.then(|| {
        quote! {
            /// The longest a `Retry-After` header may make a retry wait (the client's
            /// `RetryPolicy::max_retry_after`).
            fn max_retry_after(&self) -> ::std::time::Duration {
                #max_retry_after
            }
        }
    });
    let deps = wf.depends_on.iter().map(|&d| {
        let call = ctx.sub_workflow_call(d, quote!(rt::to_value(&self.state.inputs)));
        quote!(let _ = #call;)
    });
    let deps_block = (!wf.depends_on.is_empty()).then(|| {
        quote! {
            if self.state.transitions == 0 {
                const STEP: &str = "dependsOn";
                #(#deps)*
            }
        }
    });
    let step_enum_doc = format!(" The steps of `{id}`.");
    let uses_rt = quote!(
        use ::paragon_runtime::arazzo as rt;
    );
    quote! {
        pub mod #module {
            #(#![doc = #module_doc_lines])*
            #![allow(clippy::needless_return, clippy::collapsible_if, clippy::blocks_in_conditions, clippy::nonminimal_bool, clippy::overly_complex_bool_expr, clippy::clone_on_copy, unused_variables, unused_mut, unreachable_code)]
            #uses_rt

            /// The `workflowId`.
            pub const WORKFLOW: &str = #id;

            #input_types
            #empty_inputs

            #[doc = #step_enum_doc]
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ::paragon_runtime::serde::Serialize, ::paragon_runtime::serde::Deserialize)]
            #[serde(crate = #SERDE)]
            pub enum StepId { #( #[doc = #step_docs] #[serde(rename = #step_names)] #variants, )* }

            impl StepId {
                /// The `stepId` as written in the document.
                pub fn as_str(self) -> &'static str {
                    match self { #( Self::#variants => #step_names, )* }
                }
            }

            #(#step_outputs_structs)*

            /// Outputs of every step that has succeeded.
            #[derive(Debug, Clone, Default, PartialEq, ::paragon_runtime::serde::Serialize, ::paragon_runtime::serde::Deserialize)]
            #[serde(crate = #SERDE)]
            pub struct StepOutputs { #(#step_fields)* }

            #outputs

            /// Everything needed to resume: save it after any `step()` (it is `Serialize`) and pass
            /// it to [`Workflow::resume`] later.
            #[derive(Debug, Clone, PartialEq, ::paragon_runtime::serde::Serialize, ::paragon_runtime::serde::Deserialize)]
            #[serde(crate = #SERDE)]
            pub struct State {
                /// The inputs the workflow runs with.
                pub inputs: Inputs,
                /// The step to run next; `None` once finished.
                pub next: Option<StepId>,
                /// Tries made of `next` so far (1 after its first try).
                pub attempt: u32,
                /// Transitions taken so far.
                pub transitions: u32,
                /// Outputs of the steps that have succeeded.
                pub steps: StepOutputs,
                /// Inputs and outputs of sub-workflows run so far, by workflowId.
                pub workflows: ::paragon_runtime::serde_json::Map<String, ::paragon_runtime::serde_json::Value>,
                /// The step to come back to after a `retry` action that ran another step first.
                pub resume: Option<(StepId, u32)>,
                /// Whether the workflow has finished; its outputs are computed from `steps`.
                /// (States saved before this field existed load with `false`; a state with no
                /// `next` step after some transitions counts as finished too.)
                #[serde(default)]
                pub finished: bool,
                /// When a retry's wait ends, in Unix milliseconds of the client clock's wall
                /// time: a workflow resumed from this state waits only what is left.
                #[serde(default)]
                pub wait_until: Option<u64>,
                /// The request of `next` that was being sent when this state was saved (by the
                /// checkpoint hook): resuming sends it again only where that is safe, else ends
                /// in [`rt::WorkflowError::InDoubt`]. Clear it to send it again anyway.
                #[serde(default)]
                pub in_flight: Option<rt::InFlight>,
            }

            impl State {
                /// The state before the first step.
                pub fn new(inputs: Inputs) -> Self {
                    Self { inputs, next: #first, attempt: 0, transitions: 0, steps: StepOutputs::default(), workflows: ::paragon_runtime::serde_json::Map::new(), resume: None, finished: false, wait_until: None, in_flight: None }
                }
            }

            /// The default bound on transitions: a `goto` loop ends in an error instead of running forever.
            pub const MAX_TRANSITIONS: u32 = 10_000;

            /// The compiled state machine.
            pub struct Workflow {
                clients: super::Clients,
                state: State,
                observer: rt::Observer,
                checkpoint: rt::Checkpoint<State>,
                max_transitions: u32,
                deadline: Option<::std::time::SystemTime>,
            }

            impl ::std::fmt::Debug for Workflow {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.debug_struct("Workflow").field("state", &self.state).finish_non_exhaustive()
                }
            }

            /// What a driver needs (this process's `run_to_end`, or a durable engine's).
            impl ::paragon_runtime::CompiledWorkflow for Workflow {
                const ID: &'static str = WORKFLOW;
                type Clients = super::Clients;
                type Inputs = Inputs;
                type Outputs = Outputs;
                type State = State;

                fn start(clients: super::Clients, inputs: Inputs) -> Self {
                    Self::new(clients, inputs)
                }
                fn resume(clients: super::Clients, state: State) -> Self {
                    Workflow::resume(clients, state)
                }
                fn state(&self) -> &State {
                    &self.state
                }
                fn into_state(self) -> State {
                    self.state
                }
                fn clock(&self) -> ::std::sync::Arc<dyn ::paragon_runtime::Clock> {
                    Workflow::clock(self)
                }
                fn step(&mut self) -> impl ::std::future::Future<Output = Result<rt::Progress<Outputs>, rt::WorkflowError>> + Send {
                    Workflow::step(self)
                }
            }

            impl Workflow {
                /// A workflow about to run its first step.
                pub fn new(clients: impl Into<super::Clients>, inputs: Inputs) -> Self {
                    Self::resume(clients, State::new(inputs))
                }
                /// Continues from a saved state.
                pub fn resume(clients: impl Into<super::Clients>, state: State) -> Self {
                    Self { clients: clients.into(), state, observer: None, checkpoint: None, max_transitions: MAX_TRANSITIONS, deadline: None }
                }
                /// Calls `checkpoint` with the state just before each request is sent and after
                /// every transition, wait or error: a caller that saves it there can resume after
                /// a crash without losing an attempt, a wait or a request in flight (see
                /// [`State::in_flight`]).
                pub fn with_checkpoint(mut self, checkpoint: impl FnMut(&State) + Send + 'static) -> Self {
                    self.checkpoint = Some(Box::new(checkpoint));
                    self
                }
                /// Ends the workflow with [`rt::WorkflowError::DeadlineExceeded`] once the client
                /// clock's wall time passes `at`, or when a retry would wait past it. (A request
                /// under way is bounded by the client's `Limits`, not by this.)
                pub fn with_deadline(mut self, at: ::std::time::SystemTime) -> Self {
                    self.deadline = Some(at);
                    self
                }
                /// Calls `observer` on every transition (step, status, attempt, wait).
                pub fn with_observer(mut self, observer: impl FnMut(&rt::Event) + Send + 'static) -> Self {
                    self.observer = Some(Box::new(observer));
                    self
                }
                /// Changes the bound on transitions.
                pub fn with_max_transitions(mut self, limit: u32) -> Self {
                    self.max_transitions = limit;
                    self
                }
                /// The current state.
                pub fn state(&self) -> &State {
                    &self.state
                }
                /// The current state, for saving.
                pub fn into_state(self) -> State {
                    self.state
                }
                /// Runs to the end, sleeping through retry waits on the client's clock. The
                /// outputs are moved out of the state, not copied.
                pub async fn run(mut self) -> Result<Outputs, rt::WorkflowError> {
                    self.drive().await?;
                    Ok(self.into_outputs())
                }
                /// Like [`Self::run`], but the workflow stays: after an error, [`Self::state`]
                /// still has everything recorded (the outputs of the steps that succeeded, the
                /// attempts, a request in doubt), to read, save or resume.
                pub async fn run_in_place(&mut self) -> Result<Outputs, rt::WorkflowError> {
                    self.drive().await?;
                    Ok(self.outputs())
                }
                async fn drive(&mut self) -> Result<(), rt::WorkflowError> {
                    loop {
                        match self.advance().await? {
                            rt::Progress::Continue => {}
                            rt::Progress::Wait { until } => {
                                let clock = self.clock();
                                let left = until.duration_since(clock.wall_now()).unwrap_or_default();
                                clock.sleep(left).await;
                            }
                            rt::Progress::Done(()) => return Ok(()),
                        }
                    }
                }
                /// Advances one transition: runs the next step once and applies its action.
                /// It never sleeps: a retry's wait is returned as [`rt::Progress::Wait`] for the
                /// caller to wait out.
                pub async fn step(&mut self) -> Result<rt::Progress<Outputs>, rt::WorkflowError> {
                    Ok(match self.advance().await? {
                        rt::Progress::Continue => rt::Progress::Continue,
                        rt::Progress::Wait { until } => rt::Progress::Wait { until },
                        rt::Progress::Done(()) => rt::Progress::Done(self.outputs()),
                    })
                }
                /// One transition, then the checkpoint (after an error too, so a request in
                /// doubt is on record).
                async fn advance(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
                    let progress = self.transition().await;
                    rt::checkpoint(&mut self.checkpoint, &self.state);
                    progress
                }
                async fn transition(&mut self) -> Result<rt::Progress<()>, rt::WorkflowError> {
                    let Some(next) = self.state.next else {
                        return if self.state.finished || self.state.transitions > 0 {
                            Ok(rt::Progress::Done(()))
                        } else {
                            Err(rt::WorkflowError::Finished { workflow: WORKFLOW })
                        };
                    };
                    let now = self.clock().wall_now();
                    if let Some(until) = rt::pending_wait(self.state.wait_until, self.deadline, WORKFLOW, next.as_str())? {
                        if now < until {
                            return Ok(rt::Progress::Wait { until });
                        }
                        self.state.wait_until = None;
                    }
                    rt::check_deadline(self.deadline, now, WORKFLOW, next.as_str())?;
                    if self.state.transitions >= self.max_transitions {
                        return Err(rt::WorkflowError::TooManyTransitions { workflow: WORKFLOW, limit: self.max_transitions });
                    }
                    #deps_block
                    self.state.transitions += 1;
                    let progress = match next { #(#arms)* }?;
                    let at = self.state.next.map_or(next.as_str(), StepId::as_str);
                    Ok(match rt::pending_wait(self.state.wait_until, self.deadline, WORKFLOW, at)? {
                        Some(until) if matches!(progress, rt::Progress::Continue) => rt::Progress::Wait { until },
                        _ => progress,
                    })
                }
                fn clock(&self) -> ::std::sync::Arc<dyn ::paragon_runtime::Clock> {
                    #clock
                }
                #retry_helpers
                /// Moves to `to` (or finishes), emitting the event.
                fn go(&mut self, to: Option<StepId>, from: &'static str, status: Option<u16>, attempt: u32, outcome: rt::Outcome) -> rt::Progress<()> {
                    rt::emit(&mut self.observer, rt::Event { workflow: WORKFLOW, step: from, status, attempt, outcome });
                    self.state.next = to;
                    self.state.attempt = 0;
                    if to.is_some() {
                        return rt::Progress::Continue;
                    }
                    // The outputs are built from the step outputs on demand, not stored twice.
                    self.state.finished = true;
                    rt::Progress::Done(())
                }
                fn outputs(&self) -> Outputs {
                    Outputs { #(#output_values)* }
                }
                fn into_outputs(mut self) -> Outputs {
                    #(#converted_lets)*
                    Outputs { #(#moved_values)* }
                }
                #(#methods)*
            }
        }
    }
}

/// Every item of one Arazzo document: API modules, `Clients`, workflow modules.
pub fn document_tokens(doc: &WorkflowDoc) -> TokenStream {
    let api_modules = doc.apis.iter().map(|a| {
        let m = ident(&a.module);
        let inner = crate::module_tokens(&a.api);
        quote! {
            pub mod #m { #inner }
        }
    });
    let client_fields = doc.apis.iter().map(|a| {
        let m = ident(&a.module);
        let d = format!(" The client for `{}` (base URL and credentials).", a.name);
        quote!(#[doc = #d] pub #m: ::paragon_runtime::Client,)
    });
    let single = (doc.apis.len() == 1).then(|| {
        let m = ident(&doc.apis[0].module);
        quote! {
            impl From<::paragon_runtime::Client> for Clients {
                fn from(client: ::paragon_runtime::Client) -> Self {
                    Self { #m: client }
                }
            }
            impl From<#m::Client> for Clients {
                fn from(client: #m::Client) -> Self {
                    Self { #m: client.runtime().clone() }
                }
            }
        }
    });
    let workflows = doc.workflows.iter().map(|w| workflow_module(doc, w));
    quote! {
        #(#api_modules)*

        /// One client per source description; every workflow of the document runs with these.
        #[derive(Debug, Clone)]
        pub struct Clients { #(#client_fields)* }
        #single

        #(#workflows)*
    }
}
