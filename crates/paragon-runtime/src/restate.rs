//! Durable execution on [Restate](https://restate.dev) (feature `restate`): any compiled workflow
//! served as a Restate workflow service, so it survives the crash of the process that runs it and
//! many processes can share the work.
//!
//! ```no_run
//! # async fn serve<W: paragon_runtime::CompiledWorkflow + 'static>(
//! #     clients: W::Clients,
//! # ) -> std::io::Result<()> {
//! use paragon_runtime::restate::{Durable, Endpoint, HttpServer};
//!
//! let endpoint = Endpoint::builder().bind(Durable::<W>::new(clients)).build();
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:9080").await?;
//! HttpServer::new(endpoint).serve(listener).await; // until SIGTERM or Ctrl-C
//! # Ok(()) }
//! ```
//!
//! # What Restate sees
//!
//! A service named after the `workflowId` (or [`Durable::named`]) with three handlers:
//! - `run` (the workflow handler; input: the workflow's `Inputs` as JSON; output: its `Outputs`).
//!   It runs once per workflow key, so submitting the same key twice starts one workflow.
//!   Whether the key and inputs make clients is journaled first. Then each transition
//!   ([`CompiledWorkflow::step`]) runs inside one journaled `run` whose result is the new
//!   `State` and what comes next, so a replay after a crash resumes from the last journaled
//!   state and sends no finished step's request again. A retry's wait is a durable timer
//!   (`sleep`) until the time the transition journaled.
//! - `state` (shared): the last journaled `State` as JSON, or `null` before the first step.
//! - `progress` (shared): a summary of it (`next`, `attempt`, `transitions`, `waitUntil`,
//!   `finished`), small enough to poll.
//!
//! A failure ends the invocation with a terminal error whose message is a [`FailureReport`] as
//! JSON, with status 400 for inputs that do not decode or a key the clients function refuses
//! (kind `inputs`), 422 when a step failed or an `end` action ended the workflow
//! (`step-failed`, `ended`), and 500 otherwise.
//!
//! # What to know
//!
//! - A transition that was sending a request when the service died runs again from the state
//!   before it: that one request may be sent twice (at-least-once), since Restate journals a
//!   step's result, not a request in flight. An idempotency key the step sends
//!   (`Resend::Keyed`) is derived from the invocation's seed and the transition's number, so
//!   the request sent again carries the same key, and a server that honours keys applies it
//!   once.
//! - Waits are slept on the system clock: give the clients the system clock (the default). A
//!   clock that runs at another speed makes each wait end early or late.
//! - The clients function must answer the same for a key every time, or the workflow stops
//!   with a retryable error until it does (Restate keeps retrying it).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use restate_sdk::context::RunFuture as _;
use restate_sdk::discovery;
use restate_sdk::endpoint::{ContextInternal, Error as EndpointError};
use restate_sdk::errors::{HandlerError, TerminalError};
use restate_sdk::serde::Json;
use restate_sdk::service::{IntoServiceDefinition, Service, ServiceDefinition, macro_support};
use serde::{Deserialize, Serialize};

pub use restate_sdk;
pub use restate_sdk::endpoint::Endpoint;
pub use restate_sdk::http_server::HttpServer;

use crate::arazzo::Progress;
use crate::driver::{CompiledWorkflow, FailureReport};

/// Makes the clients a workflow sends its requests with, from its key and inputs (for example
/// the connected user's credentials named by the key). An `Err` ends the workflow with a
/// terminal error (status 400) carrying the message.
pub type ClientsFor<W> = dyn Fn(&str, &<W as CompiledWorkflow>::Inputs) -> Result<<W as CompiledWorkflow>::Clients, String>
    + Send
    + Sync;

/// A compiled workflow served to Restate. Bind it to an [`Endpoint`].
pub struct Durable<W: CompiledWorkflow> {
    name: String,
    clients: Arc<ClientsFor<W>>,
}

impl<W: CompiledWorkflow> Clone for Durable<W> {
    fn clone(&self) -> Self {
        Self {
            name: self.name.clone(),
            clients: Arc::clone(&self.clients),
        }
    }
}

impl<W: CompiledWorkflow> Durable<W> {
    /// Every workflow of this service sends its requests with `clients`.
    pub fn new(clients: W::Clients) -> Self {
        Self::with_clients(move |_, _| Ok(clients.clone()))
    }

    /// Each workflow's clients are made from its key and inputs.
    pub fn with_clients(
        clients: impl Fn(&str, &W::Inputs) -> Result<W::Clients, String> + Send + Sync + 'static,
    ) -> Self {
        Self {
            name: served_name(W::ID).to_string(),
            clients: Arc::new(clients),
        }
    }

    /// Serves it under another service name than the `workflowId` (letters, digits, `_`, `-`
    /// and `.`, starting with a letter; a `workflowId` that is not one is served under its
    /// letters, digits, `_`, `-` and `.`).
    pub fn named(mut self, name: &str) -> Result<Self, String> {
        checked_name(name)?;
        self.name = name.to_owned();
        Ok(self)
    }

    /// The service name Restate knows it by.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// One journaled transition: the state after it and what comes next.
#[derive(Serialize, Deserialize)]
struct Transition<S, O> {
    state: S,
    next: Next<O>,
}

#[derive(Serialize, Deserialize)]
enum Next<O> {
    Continue,
    /// Wait until this time (milliseconds since the Unix epoch, rounded up) before the next
    /// step. Absolute, so a replay that reaches the wait later sleeps only what is left.
    Wait {
        until_ms: u64,
    },
    Done(O),
    Failed(FailureReport),
}

/// What the `progress` handler answers.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ProgressSummary {
    /// The step to run next (`null` once the workflow ended).
    pub next: Option<String>,
    /// Tries of that step made so far (the state's `attempt`).
    pub attempt: u32,
    /// Transitions taken so far.
    pub transitions: u32,
    /// When a retry's wait ends (milliseconds since the Unix epoch), while one is pending.
    pub wait_until: Option<u64>,
    /// Whether the workflow has ended.
    pub finished: bool,
}

impl ProgressSummary {
    /// Reads the summary off a generated `State` (every generated state has these fields).
    fn of(state: &serde_json::Value) -> Self {
        let text = |k: &str| state.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        let number = |k: &str| state.get(k).and_then(serde_json::Value::as_u64);
        ProgressSummary {
            next: text("next"),
            attempt: number("attempt").map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX)),
            transitions: number("transitions").map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX)),
            wait_until: number("wait_until"),
            finished: state
                .get("finished")
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false),
        }
    }
}

/// `name` as a Restate service name, or why it is not one.
fn checked_name(name: &str) -> Result<discovery::ServiceName, String> {
    discovery::ServiceName::try_from(name.to_owned())
        .map_err(|e| format!("`{name}` is not a Restate service name: {e}"))
}

/// The service name of a workflow: its id, or (an id may hold any character) its letters,
/// digits, `_`, `-` and `.`, starting with a letter.
fn served_name(id: &str) -> discovery::ServiceName {
    if let Ok(name) = checked_name(id) {
        return name;
    }
    let cleaned: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .collect();
    let cleaned = match cleaned.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => cleaned,
        _ => format!("W{cleaned}"),
    };
    // A letter, then letters, digits, `_`, `-` and `.`, is a name by the manifest's pattern.
    checked_name(&cleaned).unwrap_or_else(|e| unreachable!("{e}"))
}

/// The Restate state key of the last journaled `State`.
const STATE_KEY: &str = "state";
/// The most transitions one invocation takes (a generated workflow stops itself far earlier,
/// at its own transition limit; this bounds the driver's loop whatever the workflow does).
const MAX_TRANSITIONS: u32 = 1_000_000;

fn terminal(code: u16, report: &FailureReport) -> HandlerError {
    let message = serde_json::to_string(report).unwrap_or_else(|_| report.message.clone());
    TerminalError::new_with_code(code, message).into()
}

/// A report of `kind` about the workflow as a whole.
fn report(workflow: &str, kind: &str, message: String) -> FailureReport {
    FailureReport {
        kind: kind.into(),
        workflow: Some(workflow.into()),
        step: None,
        status: None,
        message,
    }
}

/// The HTTP status a failure of `kind` ends the invocation with.
fn status_of(kind: &str) -> u16 {
    match kind {
        "inputs" => 400,
        "step-failed" | "ended" => 422,
        _ => 500,
    }
}

/// `t` as milliseconds since the Unix epoch, rounded up.
fn unix_millis_up(t: SystemTime) -> u64 {
    let d = t.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    u64::try_from(d.as_nanos().div_ceil(1_000_000)).unwrap_or(u64::MAX)
}

/// The `run` handler: the workflow from its inputs to its outputs, one journaled transition at
/// a time. `seed` is the invocation's random seed (the same on every replay).
async fn run<W: CompiledWorkflow>(
    service: &Durable<W>,
    ctx: &ContextInternal,
    key: &str,
    seed: u64,
    input: serde_json::Value,
) -> Result<Json<W::Outputs>, HandlerError> {
    // Inputs are decoded here, not by the SDK, so that bad inputs end in a report too.
    let inputs: W::Inputs = serde_json::from_value(input).map_err(|e| {
        let message = format!("the inputs do not decode: {e}");
        terminal(400, &report(W::ID, "inputs", message))
    })?;
    // Whether the key and inputs make clients is journaled: a replay takes the first answer.
    // The clients themselves are not data: they are made again on every replay. If that fails
    // where the first run succeeded, the service's configuration changed since the workflow
    // started: the error is retryable, so Restate tries again (after the configuration is
    // fixed) rather than ending a workflow that was going well.
    let made = (service.clients)(key, &inputs);
    let first_answer = made.as_ref().err().cloned();
    let refused: Json<Option<String>> = ctx
        .run(move || async move { Ok(Json(first_answer)) })
        .name("clients")
        .await?;
    if let Some(message) = refused.into_inner() {
        return Err(terminal(400, &report(W::ID, "inputs", message)));
    }
    let clients =
        made.map_err(|m| HandlerError::from(format!("the clients of {key} cannot be made: {m}")))?;
    let mut state = W::start(clients.clone(), inputs).into_state();
    for transition in 0..MAX_TRANSITIONS {
        let from = state.clone();
        let clients = clients.clone();
        let key_seed = crate::durable::mix(seed ^ crate::durable::mix(u64::from(transition)));
        let journaled: Json<Transition<W::State, W::Outputs>> = ctx
            .run(move || async move {
                let mut workflow = W::resume(clients, from);
                let progress = crate::durable::with_key_seed(key_seed, workflow.step()).await;
                let next = match progress {
                    Ok(Progress::Continue) => Next::Continue,
                    Ok(Progress::Wait { until }) => Next::Wait {
                        until_ms: unix_millis_up(until),
                    },
                    Ok(Progress::Done(outputs)) => Next::Done(outputs),
                    Err(error) => Next::Failed(FailureReport::from(&error)),
                };
                Ok(Json(Transition {
                    state: workflow.into_state(),
                    next,
                }))
            })
            .name(format!("transition {}", transition + 1))
            .await?;
        let Transition { state: after, next } = journaled.into_inner();
        ctx.set(STATE_KEY, Json(&after));
        state = after;
        match next {
            Next::Continue => {}
            Next::Wait { until_ms } => {
                // The timer's length is not compared on replay: what is left is right.
                let left = until_ms.saturating_sub(unix_millis_up(SystemTime::now()));
                ctx.sleep(Duration::from_millis(left)).await?;
            }
            Next::Done(outputs) => return Ok(Json(outputs)),
            Next::Failed(report) => return Err(terminal(status_of(&report.kind), &report)),
        }
    }
    let message = format!("the driver stopped after {MAX_TRANSITIONS} transitions");
    Err(terminal(
        500,
        &report(W::ID, "too-many-transitions", message),
    ))
}

/// The last journaled state, as JSON.
async fn last_state(ctx: &ContextInternal) -> Result<Option<serde_json::Value>, HandlerError> {
    let state: Option<Json<serde_json::Value>> = ctx.get(STATE_KEY).await?;
    Ok(state.map(Json::into_inner))
}

struct Dispatch<W: CompiledWorkflow> {
    service: Durable<W>,
}

impl<W: CompiledWorkflow + 'static> Service for Dispatch<W> {
    type Future = macro_support::ServiceBoxFuture;

    fn handle(&self, ctx: ContextInternal) -> Self::Future {
        let service = self.service.clone();
        let fut: Pin<Box<dyn Future<Output = Result<(), EndpointError>> + Send>> =
            Box::pin(async move {
                match ctx.handler_name() {
                    "run" => {
                        let (Json(input), metadata): (Json<serde_json::Value>, _) =
                            ctx.input().await;
                        let result =
                            run(&service, &ctx, &metadata.key, metadata.random_seed, input).await;
                        ctx.handle_handler_result(result);
                    }
                    "state" => {
                        let _ = ctx.input::<()>().await;
                        let result = last_state(&ctx).await.map(Json);
                        ctx.handle_handler_result(result);
                    }
                    "progress" => {
                        let _ = ctx.input::<()>().await;
                        let result = last_state(&ctx).await.map(|state| {
                            Json(state.as_ref().map(ProgressSummary::of).unwrap_or_default())
                        });
                        ctx.handle_handler_result(result);
                    }
                    _ => {
                        return Err(EndpointError::unknown_handler(
                            ctx.service_name(),
                            ctx.handler_name(),
                        ));
                    }
                }
                ctx.end();
                Ok(())
            });
        fut
    }
}

fn handler(name: &str, ty: discovery::HandlerType, input: bool) -> Option<discovery::Handler> {
    Some(discovery::Handler {
        name: discovery::HandlerName::try_from(name).ok()?,
        input: Some(if input {
            discovery::InputPayload::from_metadata::<Json<serde_json::Value>>()
        } else {
            discovery::InputPayload::empty()
        }),
        output: Some(discovery::OutputPayload::from_metadata::<
            Json<serde_json::Value>,
        >()),
        ty: Some(ty),
        documentation: None,
        metadata: Default::default(),
        abort_timeout: None,
        inactivity_timeout: None,
        journal_retention: None,
        idempotency_retention: None,
        workflow_completion_retention: None,
        enable_lazy_state: None,
        ingress_private: None,
        retry_policy_initial_interval: None,
        retry_policy_max_interval: None,
        retry_policy_max_attempts: None,
        retry_policy_exponentiation_factor: None,
        retry_policy_on_max_attempts: None,
    })
}

impl<W: CompiledWorkflow + 'static> IntoServiceDefinition for Durable<W> {
    fn into_service_definition(self) -> ServiceDefinition {
        let name = served_name(&self.name);
        let handlers = [
            handler("run", discovery::HandlerType::Workflow, true),
            handler("state", discovery::HandlerType::Shared, false),
            handler("progress", discovery::HandlerType::Shared, false),
        ]
        .into_iter()
        .flatten()
        .collect();
        let discovery = discovery::Service {
            ty: discovery::ServiceType::Workflow,
            name,
            handlers,
            documentation: Some(format!(
                "The Arazzo workflow `{}`, compiled by paragon-codegen.",
                W::ID
            )),
            metadata: Default::default(),
            abort_timeout: None,
            inactivity_timeout: None,
            journal_retention: None,
            idempotency_retention: None,
            enable_lazy_state: None,
            ingress_private: None,
            retry_policy_initial_interval: None,
            retry_policy_max_interval: None,
            retry_policy_max_attempts: None,
            retry_policy_exponentiation_factor: None,
            retry_policy_on_max_attempts: None,
        };
        macro_support::service_definition(Dispatch { service: self }, discovery)
    }
}

/// When the durable wait that `State::wait_until` records ends, as a `SystemTime`.
pub fn wait_until(summary: &ProgressSummary) -> Option<SystemTime> {
    summary
        .wait_until
        .map(|ms| SystemTime::UNIX_EPOCH + Duration::from_millis(ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_read_off_a_generated_state() {
        let state = serde_json::json!({
            "inputs": {}, "next": "pollSyncStatus", "attempt": 2, "transitions": 3,
            "steps": {}, "workflows": {}, "resume": null, "finished": false,
            "wait_until": 1_700_000_005_000u64, "in_flight": null,
        });
        let summary = ProgressSummary::of(&state);
        assert_eq!(
            summary,
            ProgressSummary {
                next: Some("pollSyncStatus".into()),
                attempt: 2,
                transitions: 3,
                wait_until: Some(1_700_000_005_000),
                finished: false,
            }
        );
        assert_eq!(
            wait_until(&summary),
            Some(SystemTime::UNIX_EPOCH + Duration::from_millis(1_700_000_005_000))
        );
        // The end of a workflow, and a state of another shape, read as what they hold.
        let ended = ProgressSummary::of(&serde_json::json!({"next": null, "finished": true}));
        assert!(ended.finished && ended.next.is_none());
        assert_eq!(
            ProgressSummary::of(&serde_json::json!([1])),
            ProgressSummary::default()
        );
        let json = serde_json::to_value(&summary).unwrap();
        assert!(json.get("waitUntil").is_some(), "{json}");
    }

    #[test]
    fn service_names_are_checked_and_workflow_ids_cleaned() {
        assert!(checked_name("enable-sync.v2").is_ok());
        let err = checked_name("a b").unwrap_err();
        assert!(err.contains("`a b` is not a Restate service name"), "{err}");
        assert_eq!(
            served_name("enable-sync-and-pull-records").to_string(),
            "enable-sync-and-pull-records"
        );
        assert_eq!(served_name("sync flow/2").to_string(), "syncflow2");
        assert_eq!(served_name("2nd-flow").to_string(), "W2nd-flow");
        assert_eq!(served_name("").to_string(), "W");
    }
}
