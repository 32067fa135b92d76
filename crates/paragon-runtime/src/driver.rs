//! What every compiled workflow gives a driver, whichever drives it: this process
//! ([`run_to_end`]), a loop of the caller's that saves the state between steps, or a
//! durable-execution engine that journals each step's result and waits on its own timers.
//!
//! A driver only needs the workflow's types and three moves: start it from its inputs or
//! resume it from a saved state, advance it one transition ([`CompiledWorkflow::step`], which
//! never sleeps: a retry's wait comes back as [`Progress::Wait`]), and read the state to save.

use std::future::Future;
use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::arazzo::{Progress, WorkflowError};
use crate::clock::Clock;

/// A compiled workflow, as generated code implements it for each workflow's `Workflow`.
pub trait CompiledWorkflow: Sized + Send {
    /// The `workflowId`.
    const ID: &'static str;
    /// The clients it sends its requests with (one per source description).
    type Clients: Clone + Send + Sync + 'static;
    /// Its inputs.
    type Inputs: Serialize + DeserializeOwned + Send + 'static;
    /// Its outputs.
    type Outputs: Serialize + DeserializeOwned + Send + 'static;
    /// Everything it has recorded: what to save, and what it resumes from.
    type State: Serialize + DeserializeOwned + Clone + Send + 'static;

    /// A workflow about to run its first step.
    fn start(clients: Self::Clients, inputs: Self::Inputs) -> Self;
    /// Continues from a saved state.
    fn resume(clients: Self::Clients, state: Self::State) -> Self;
    /// The current state.
    fn state(&self) -> &Self::State;
    /// The current state, for saving.
    fn into_state(self) -> Self::State;
    /// The clock its clients wait on (retry waits, deadlines).
    fn clock(&self) -> Arc<dyn Clock>;
    /// Advances one transition; never sleeps.
    fn step(
        &mut self,
    ) -> impl Future<Output = Result<Progress<Self::Outputs>, WorkflowError>> + Send;
}

/// Drives `workflow` to its end in this process, sleeping through retry waits on its clock,
/// and calling `save` with the state after every transition (each call is a point a crashed
/// process can resume from with [`CompiledWorkflow::resume`]).
pub async fn run_to_end<W: CompiledWorkflow>(
    workflow: &mut W,
    mut save: impl FnMut(&W::State),
) -> Result<W::Outputs, WorkflowError> {
    loop {
        let progress = workflow.step().await;
        save(workflow.state());
        match progress? {
            Progress::Continue => {}
            Progress::Wait { until } => {
                let clock = workflow.clock();
                let left = until.duration_since(clock.wall_now()).unwrap_or_default();
                clock.sleep(left).await;
            }
            Progress::Done(outputs) => return Ok(outputs),
        }
    }
}

/// A [`WorkflowError`] as data: what a driver that crosses a process boundary (a durable
/// engine's failure message, a job queue's record) hands to whoever reads the result, so they
/// can tell the kinds of failure apart without parsing prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct FailureReport {
    /// The kind of failure: `transport`, `in-doubt`, `deadline-exceeded`, `step-failed`,
    /// `ended`, `too-many-transitions`, `output`, `inputs`, `request`, `sub-workflow`,
    /// `finished`.
    pub kind: String,
    /// The `workflowId` that failed, when the error names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<String>,
    /// The `stepId` that failed, when the error names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// The last HTTP status the step saw, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The error's message, as `Display` writes it.
    pub message: String,
}

impl From<&WorkflowError> for FailureReport {
    fn from(error: &WorkflowError) -> Self {
        let (kind, status) = match error {
            WorkflowError::Transport { .. } => ("transport", None),
            WorkflowError::InDoubt { .. } => ("in-doubt", None),
            WorkflowError::DeadlineExceeded { .. } => ("deadline-exceeded", None),
            WorkflowError::StepFailed { status, .. } => ("step-failed", *status),
            WorkflowError::Ended { status, .. } => ("ended", *status),
            WorkflowError::TooManyTransitions { .. } => ("too-many-transitions", None),
            WorkflowError::Output { .. } => ("output", None),
            WorkflowError::Inputs { .. } => ("inputs", None),
            WorkflowError::Request { .. } => ("request", None),
            WorkflowError::SubWorkflow { .. } => ("sub-workflow", None),
            WorkflowError::Finished { .. } => ("finished", None),
        };
        FailureReport {
            kind: kind.to_owned(),
            workflow: error.workflow().map(str::to_owned),
            step: error.step().map(str::to_owned),
            status,
            message: error.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_reports_carry_the_kind_step_and_status() {
        let failed = WorkflowError::StepFailed {
            workflow: "wf",
            step: "enableSync",
            status: Some(401),
            criterion: "$statusCode == 201".into(),
            attempts: 1,
            client_retries: 0,
        };
        let report = FailureReport::from(&failed);
        assert_eq!(report.kind, "step-failed");
        assert_eq!(report.workflow.as_deref(), Some("wf"));
        assert_eq!(report.step.as_deref(), Some("enableSync"));
        assert_eq!(report.status, Some(401));
        assert_eq!(report.message, failed.to_string());
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(
            serde_json::from_str::<FailureReport>(&json).unwrap(),
            report
        );

        let output = WorkflowError::Output {
            step: "s",
            output: "o",
            message: "bad".into(),
        };
        let report = FailureReport::from(&output);
        assert_eq!(
            (
                report.kind.as_str(),
                report.workflow.as_deref(),
                report.status
            ),
            ("output", None, None)
        );
        // Absent members are left out of the JSON, so a reader tells "none" from "unknown".
        assert!(!serde_json::to_string(&report).unwrap().contains("status"));
    }
}
