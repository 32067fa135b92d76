//! The seed workflow served durably to [Restate](https://restate.dev), and the harness that runs
//! it on this machine.
//!
//! - [`seed_service`] is what the `paragon-restate` binary serves: the compiled workflow
//!   `enable-sync-and-pull-records` behind [`paragon_runtime::restate::Durable`], each workflow's
//!   client made from its key ([`SeedKey`]: project, connected user, integration, syncType) and
//!   that user's token.
//! - [`node`] starts, kills and restarts Restate server processes (one node or a cluster of
//!   three on loopback); [`ingress`] registers the service and submits, watches and collects
//!   workflows over Restate's HTTP APIs.
//! - The `paragon-restate-lab` binary puts them together: the demo of 20 connected users, the
//!   kill tests, the benchmark and the cluster run (`cargo xtask demo --restate`,
//!   `cargo xtask restate test|bench|cluster`).

pub mod ingress;
mod key;
pub mod node;
mod service;

pub use key::SeedKey;
pub use service::{Tokens, seed_client, seed_service};

/// The Restate service name of the seed workflow (its `workflowId`).
pub const SEED_SERVICE: &str =
    <paragon_generated::sync_flow::enable_sync_and_pull_records::Workflow as paragon_runtime::CompiledWorkflow>::ID;
