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
