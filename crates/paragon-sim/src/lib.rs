//! An in-process, stateful simulator of the two Paragon APIs described in `specs/openapi`:
//! Managed Sync (sync pipelines, records, file content, permissions) and Task History
//! (workflow executions and replays). Demos, examples and tests point the generated clients of
//! `paragon-generated` at it instead of the real service.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use paragon_sim::{Sim, SimConfig};
//!
//! let sim = Sim::start(SimConfig::default()).await?;
//! let base_url = sim.base_url(); // http://127.0.0.1:<port>
//! // Managed Sync: `bearer_auth("sim-token")`; Task History: `api_key_auth("sim-token")`.
//! # let _ = base_url;
//! # Ok(()) }
//! ```
//!
//! # What it simulates
//!
//! - **Managed Sync** (bearer token from [`SimConfig::managed_sync_tokens`]):
//!   `POST /projects/{projectId}/sync/enable` answers `201` and starts a sync, which answers
//!   `SYNCING` to [`SimConfig::syncing_polls`] status polls, then `IDLE` with `lastSyncedAt`
//!   and `recordCount`; records come in cursor pages (`cursor` / `nextCursor`); one record by
//!   id; file records' content with their MIME type; the Permissions API over a small
//!   deterministic ReBAC model (below).
//! - **Task History** (bearer API key from [`SimConfig::task_history_api_keys`]): seeded
//!   executions with every filter of the spec, `sortBy`, offset pages of 100 with `nextLink`,
//!   replay (a new execution, listed afterwards) and, as an extension outside the spec,
//!   `GET .../workflow-executions/{executionId}`.
//! - **Errors**: `401` without or with a wrong bearer token, `429` with `Retry-After` once
//!   [`SimConfig::request_budget`] requests have been served, `400` for a request the spec does
//!   not allow (missing required parameter, unknown enum value, malformed date or integer,
//!   bad body), `404` for unknown projects (when [`SimConfig::project_ids`] is set), records
//!   and executions. Every error body is `{"message": "..."}`.
//!
//! # Seeded data
//!
//! - Sync `(integration, syncType)` has records `{integration}-{syncType}-0001` … (newest
//!   first); their `data` depends on the sync type (`files`: name, mimeType, size, path;
//!   `contacts`, `deals`, `tickets`: typical fields). `files` records have content (PDF, text,
//!   Markdown, CSV, JSON in turn) whose length is `data.size`. Cursors are `cursor-<offset>`.
//! - Permissions: users `alice@`, `bob@`, `carol@`, `dave@example.com` (also written
//!   `user:<email>`) and `group:engineering` (bob, carol); relations `owner` ⊃ `editor` ⊃
//!   `viewer`. Record `n` is owned by user `n % 4` (alice = 0), edited by user `(n + 1) % 4`,
//!   viewed by `group:engineering` when `n` is even and by user `(n + 2) % 4` when odd; its
//!   `permissions` field shows this. Objects are `file:<recordId>` (`contact:`, `deal:`,
//!   `ticket:`; any `prefix:<recordId>` or the bare id matches). Only records of `IDLE` syncs
//!   exist; unknown objects, subjects and relations have no access (not an error).
//!   `list-users` answers `{"object", "relation", "users"}` (groups expanded), `list-objects`
//!   `{"subject", "relation", "objects"}` (relation defaults to `viewer` in both), `expand`
//!   `{"subject", "relation", "object", "allowed", "tree"}` where a tree node is
//!   `{"relation", "direct", "groups", "implied"}`.
//! - Task history: executions `exec-0001` (oldest) … over the 31 days before
//!   [`SimConfig::now`], across integrations `salesforce`, `hubspot`, `slack`, `googleDrive`,
//!   `jira` (two workflows each, named `<integration>-…` in lower case), users `user-1` …
//!   `user-8`, about one in five `FAILED`. Lists are newest first unless `sortBy=ASC`;
//!   `afterDate`/`beforeDate` are exclusive; `nextLink` is an absolute URL on the host the
//!   request was sent to, with the same filters and the next `offset`.
//!
//! All data is deterministic: the same configuration gives the same answers on every run.
#![warn(missing_docs)]

mod auth;
mod config;
mod error;
mod executions;
mod extract;
mod faults;
mod managed_sync;
mod permissions;
mod records;
mod seed;
mod server;
mod state;
mod task_history;
mod traffic;

pub use config::{DEFAULT_TOKEN, SimConfig};
pub use faults::{Fault, Faults};
pub use server::{Sim, SimHandle};
pub use state::LoggedRequest;
