//! Typed clients for the Paragon APIs, generated from `specs/openapi` by `cargo xtask regen`.
//!
//! - [`task_history`]: the Task History API (project API key, bearer).
//! - [`managed_sync`]: the Managed Sync API (Connected User JWT, bearer).
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

pub mod managed_sync;
pub mod task_history;
