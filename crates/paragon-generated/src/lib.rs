//! Typed clients for the Paragon APIs, generated from `specs/openapi` by `cargo xtask regen`.
//!
//! - [`task_history`]: the Task History API (project API key, bearer).
//! - [`managed_sync`]: the Managed Sync API (Connected User JWT, bearer).
//! - [`sync_flow`]: the Arazzo workflows of `specs/arazzo/paragon-enable-sync-and-pull-records-workflow.yml`,
//!   compiled to state machines ([`sync_flow::enable_sync_and_pull_records::Workflow`]).
//! - [`schemas`]: types of the JSON Schema documents in `specs/json-schema` (the Workflow
//!   Execution, [`schemas::workflow_execution::WorkflowExecution`]), which check what they decode.
//!
//! ```no_run
//! # async fn demo() -> Result<(), paragon_runtime::Error> {
//! use paragon_generated::managed_sync::{Client, EnableSyncBody};
//!
//! let client = Client::builder().bearer_auth("user-jwt").build()?;
//! let status = client
//!     .enable_sync("project-id", &EnableSyncBody {
//!         integration: "googleDrive".into(),
//!         sync_type: "files".into(),
//!         frequency: None,
//!     })
//!     .await?;
//! println!("{:?}", status.status);
//! # Ok(()) }
//! ```

pub mod schemas;
pub mod sync_flow;
pub mod task_history;

/// The Managed Sync API client. It is generated once, inside [`sync_flow`] (whose workflows call
/// it), and re-exported here.
pub use sync_flow::managed_sync_api as managed_sync;
