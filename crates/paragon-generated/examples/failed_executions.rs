//! Every failed workflow execution of a project, across pages (`nextLink`), as a stream.
//!
//! ```sh
//! cargo run -p paragon-generated --example failed_executions
//! ```

use futures_util::TryStreamExt;
use paragon_generated::task_history::{
    Client, GetWorkflowExecutionsOptions, GetWorkflowExecutionsStatus,
};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sim = paragon_sim::Sim::start(paragon_sim::SimConfig::default()).await?;
    let client = Client::builder()
        .base_url(&sim.base_url())
        .api_key_auth(paragon_sim::DEFAULT_TOKEN)
        .build()?;
    let options = GetWorkflowExecutionsOptions {
        status: Some(GetWorkflowExecutionsStatus::Failed),
        ..Default::default()
    };
    let failed: Vec<_> = client
        .get_workflow_executions_stream("example-project", &options)
        .try_collect()
        .await?;
    println!(
        "{} failed executions over {} requests",
        failed.len(),
        sim.requests().len()
    );
    for e in failed.iter().take(5) {
        println!("  {:?} {:?} {:?}", e.id, e.workflow_id, e.status);
    }
    Ok(())
}
