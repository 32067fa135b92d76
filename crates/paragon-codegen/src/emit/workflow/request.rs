//! A step's request: what `step_*` methods send, written with the same helpers as the
//! operation's own request builder (`emit::client`), so both send a parameter alike.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::Ctx;
use crate::arazzo::expr::Expr;
use crate::emit::types::ident;
use crate::ir::operations::{BodyKind, Operation, ParamIn};
use crate::ir::workflow::{BodyIr, ParamIr, Resend, StepIr, ValueExpr};

/// Where a step's request goes: an operation of an API, or an `x-operation` URL.
#[derive(Clone, Copy)]
pub(super) enum Target<'a> {
    Op(&'a Operation),
    Url { method: &'a str, url: &'a ValueExpr },
}

impl Ctx<'_> {
    /// Sends a step's request: the parameters and body as the operation's own request builder
    /// writes them (`emit::client`'s `path_expr`, `path_arg`, `param_call`, `request_head`),
    /// recording what `$request.*`, `$url` and `$method` read, with the in-flight record and
    /// checkpoint before it goes out. Leaves `resp` and `attempt` bound.
    pub(super) fn request(
        &self,
        s: &StepIr,
        api: usize,
        target: Target<'_>,
        params: &[ParamIr],
        body: Option<&BodyIr>,
        resend: Resend,
    ) -> TokenStream {
        use crate::emit::client::{encoding_tokens, param_call, path_arg, path_expr, request_head};
        let a = &self.doc.apis[api];
        let client = ident(&a.module);
        // Only what the step's expressions read of its request is kept.
        let exprs = s.response_exprs();
        let keep_request = exprs.iter().any(|e| matches!(e, Expr::Request(_)));
        let keep_url = exprs.iter().any(|e| matches!(e, Expr::Url));
        let keep_method = exprs.iter().any(|e| matches!(e, Expr::Method));
        let mut lets = Vec::new();
        let mut records = Vec::new();
        let mut calls = Vec::new();
        let mut path_values: Vec<(&ParamIr, TokenStream)> = Vec::new();
        let mut required_checks = Vec::new();
        for (i, p) in params.iter().enumerate() {
            let var = format_ident!("p{}", i);
            // A bare input goes to the request builder as it is, serialized once there,
            // unless `$request.*` needs its JSON value too.
            let arg = match self.bare_input(&p.value).filter(|_| !keep_request) {
                Some(field) => quote!(self.state.inputs.#field),
                None => {
                    let v = self.value(&p.value);
                    lets.push(quote!(let #var = #v;));
                    quote!(#var)
                }
            };
            let name = &p.name;
            let record = match p.location {
                ParamIn::Path => Some(quote!(path)),
                ParamIn::Query => Some(quote!(query)),
                ParamIn::Header => Some(quote!(header)),
                ParamIn::Cookie => None,
            };
            if let Some(r) = record {
                records.push(quote!(record.#r.insert(#name.to_owned(), #var.clone());));
            }
            if p.location == ParamIn::Path {
                if self.may_be_absent(&p.value) {
                    let text = p.value.text();
                    required_checks
                        .push(quote!(rt::require_path(WORKFLOW, STEP, #name, #text, &#arg)?;));
                }
                path_values.push((p, arg));
            } else {
                let call = param_call(p.location, name, &p.style, quote!(&#arg));
                calls.push(quote!(let request = request #call;));
            }
        }
        let module = ident(&a.module);
        let (method, start, url) = match target {
            Target::Op(op) => {
                let path = path_expr(&op.path, |wire, reserved| {
                    let (p, arg) = path_values.iter().find(|(p, _)| p.name == wire)?;
                    Some(path_arg(wire, &p.style, reserved, quote!(&#arg)))
                });
                let head = request_head(op, quote!(super::#module::SECURITY_SCHEMES));
                let method = ident(&op.method);
                let start = quote! {
                    let path: &str = #path;
                    let request = api.request(::paragon_runtime::reqwest::Method::#method, path) #head;
                };
                let url = quote!(format!(
                    "{}{}",
                    api.base_url().as_str().trim_end_matches('/'),
                    path
                ));
                (op.method.as_str(), start, url)
            }
            Target::Url { method, url } => {
                let url_value = self.value(url);
                let fills = path_values.iter().map(|(p, arg)| {
                    let wire = &p.name;
                    let text = path_arg(wire, &p.style, false, quote!(&#arg));
                    quote!((#wire, #text))
                });
                let m = ident(method);
                let start = quote! {
                    let target = rt::fill_url(&rt::render(&#url_value), &[#(#fills),*]);
                    let request = api.request_absolute(::paragon_runtime::reqwest::Method::#m, &target).operation(STEP);
                };
                (method, start, quote!(target.clone()))
            }
        };
        let keep_body = keep_request.then(|| quote!(record.body = Some(body.clone());));
        let operation_body = match target {
            Target::Op(op) => op.body.as_ref().map(|b| &b.kind),
            Target::Url { .. } => None,
        };
        let body_tokens = body.map(|BodyIr { content_type, payload, replacements }| {
            let payload = self.payload(payload);
            let repl = replacements.iter().map(|(target, v)| {
                let v = self.value(v);
                quote! {
                    rt::replace(&mut body, #target, #v)
                        .map_err(|message| rt::WorkflowError::Request { workflow: WORKFLOW, step: STEP, message })?;
                }
            });
            // The step's content type decides the kind; the operation's form `encoding` is
            // kept.
            let set = if crate::ir::operations::is_json(content_type) {
                quote!(let request = request.json(&body);)
            } else if content_type.starts_with("application/x-www-form-urlencoded") {
                match operation_body {
                    Some(BodyKind::Form { encoding }) if !encoding.is_empty() => {
                        let e = encoding_tokens(encoding);
                        quote!(let request = request.form_with(&body, #e);)
                    }
                    _ => quote!(let request = request.form(&body);),
                }
            } else if content_type.starts_with("multipart/") {
                quote!(let request = request.multipart(::paragon_runtime::Multipart::new().fields(&body));)
            } else {
                quote! {
                    let request = request.body_bytes(#content_type, ::paragon_runtime::bytes::Bytes::from(rt::render(&body)));
                }
            };
            quote! {
                #[allow(unused_mut)]
                let mut body = #payload;
                #(#repl)*
                #keep_body
                #set
            }
        });
        let record = if keep_request {
            quote! {
                let mut record = rt::RequestRecord::default();
                #(#lets)*
                #(#records)*
            }
        } else {
            quote! {
                let record = rt::RequestRecord::default();
                #(#lets)*
            }
        };
        let url = if keep_url { url } else { quote!(String::new()) };
        let method_name = if keep_method { method } else { "" };
        let resend_variant = match resend {
            Resend::Safe => quote!(Safe),
            Resend::Keyed => quote!(Keyed),
            Resend::InDoubt => quote!(InDoubt),
        };
        let (key_binding, key_header, key_record) = if resend == Resend::Keyed {
            (
                quote!(key),
                quote! {
                    let request = match &key {
                        Some(k) => request.header(rt::IDEMPOTENCY_KEY, k),
                        None => request,
                    };
                },
                quote!(key),
            )
        } else {
            (quote!(_), quote!(), quote!(None))
        };
        quote! {
            let (attempt, #key_binding) = rt::prepare_send(&mut self.state.in_flight, &mut self.state.attempt, WORKFLOW, STEP, rt::Resend::#resend_variant)?;
            let api = &self.clients.#client;
            #record
            #(#required_checks)*
            #start
            let url = #url;
            #(#calls)*
            #body_tokens
            #key_header
            self.state.in_flight = Some(rt::InFlight { step: STEP.to_owned(), attempt, idempotency_key: #key_record });
            rt::checkpoint(&mut self.checkpoint, &self.state);
            let resp = rt::StepResponse::send(request, #method_name, url, record)
                .await
                .map_err(|source| rt::WorkflowError::Transport { workflow: WORKFLOW, step: STEP, attempt, source })?;
            rt::report_client_retries(&mut self.observer, WORKFLOW, STEP, attempt, &resp);
            self.state.in_flight = None;
        }
    }
}
