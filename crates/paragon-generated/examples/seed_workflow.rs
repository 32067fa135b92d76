//! The seed workflow against the built-in simulator, saving the state after every step and
//! resuming from it, as a long-running job would between restarts.
//!
//! ```sh
//! cargo run -p paragon-generated --example seed_workflow
//! ```

use paragon_generated::sync_flow::enable_sync_and_pull_records::{Inputs, State, Workflow};
use paragon_generated::sync_flow::managed_sync_api::Client;
use paragon_runtime::arazzo::Progress;
use std::time::SystemTime;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The simulator answers SYNCING twice, then IDLE.
    let sim = paragon_sim::Sim::start(paragon_sim::SimConfig::default()).await?;
    let client = Client::builder()
        .base_url(&sim.base_url())
        .bearer_auth(paragon_sim::DEFAULT_TOKEN)
        .build()?;
    let inputs = Inputs {
        project_id: "example-project".into(),
        integration: "googleDrive".into(),
        sync_type: "files".into(),
        frequency: Some("1h".into()),
    };
    let mut saved = serde_json::to_string(&State::new(inputs))?;
    loop {
        // Resume from the checkpoint, advance one transition, checkpoint again.
        let state: State = serde_json::from_str(&saved)?;
        let mut workflow = Workflow::resume(client.clone(), state).with_observer(|e| {
            println!(
                "{} -> {} (HTTP {:?}, attempt {})",
                e.step,
                e.outcome.kind(),
                e.status,
                e.attempt
            )
        });
        let progress = workflow.step().await?;
        saved = serde_json::to_string(workflow.state())?;
        // `step()` never sleeps: a retry's wait comes back to the driver, and the saved state
        // says until when, so a driver restarted mid-wait waits only what is left.
        if let Progress::Wait { until } = progress {
            let left = until.duration_since(SystemTime::now()).unwrap_or_default();
            tokio::time::sleep(left).await;
            continue;
        }
        if let Progress::Done(outputs) = progress {
            let records = outputs.records.unwrap_or_default();
            println!(
                "status {:?}, {} records, first {:?}",
                outputs.status,
                records.len(),
                records.first().and_then(|r| r.id.as_deref())
            );
            break;
        }
    }
    println!("{} requests: {:?}", sim.requests().len(), sim.requests());
    Ok(())
}
