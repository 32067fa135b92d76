//! The simulator's mutable state: per-project syncs and task history, the request log and the
//! request budget.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::config::SimConfig;
use crate::error::ApiError;
use crate::executions::{self, Execution};

/// One request the simulator answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedRequest {
    /// The HTTP method, e.g. `GET`.
    pub method: String,
    /// The path as sent (still percent-encoded), without the query string.
    pub path: String,
    /// The raw query string, if there was one.
    pub query: Option<String>,
    /// The bearer token it carried, if any: for the Managed Sync API, the connected user it
    /// acted for; for Task History, the project's API key.
    pub user: Option<String>,
    /// The status the simulator answered with.
    pub status: u16,
}

impl fmt::Display for LoggedRequest {
    /// `METHOD /path`, e.g. `GET /projects/p1/sync/status`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// Where a sync is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Never enabled (the spec's `DISABLED`).
    Disabled,
    /// Enabled, first run not finished.
    Syncing,
    /// First run finished: records are available.
    Idle,
}

impl Phase {
    /// The spec's `SyncStatus.status` value.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Phase::Disabled => "DISABLED",
            Phase::Syncing => "SYNCING",
            Phase::Idle => "IDLE",
        }
    }
}

/// One enabled sync pipeline.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sync {
    /// Status polls answered so far.
    pub(crate) polls: u32,
}

/// `(integration, syncType)`.
pub(crate) type SyncKey = (String, String);

/// A sync belongs to one connected user (named by their bearer token) of a project.
pub(crate) type UserSync = (String, SyncKey);

/// A project's task history: seeded executions plus replays.
#[derive(Debug, Clone)]
pub(crate) struct History {
    pub(crate) executions: Vec<Execution>,
    /// Replays made so far.
    pub(crate) replays: u32,
}

/// Everything a project holds.
#[derive(Debug, Default)]
pub(crate) struct Project {
    pub(crate) syncs: BTreeMap<UserSync, Sync>,
    history: Option<History>,
}

impl Project {
    /// The task history, seeded on first use.
    pub(crate) fn history(&mut self, config: &SimConfig) -> &mut History {
        self.history.get_or_insert_with(|| History {
            executions: executions::seed(config.executions, config.now),
            replays: 0,
        })
    }
}

/// State shared by all handlers.
#[derive(Debug)]
pub(crate) struct SimState {
    pub(crate) config: SimConfig,
    served: AtomicU64,
    log: Mutex<Vec<LoggedRequest>>,
    projects: Mutex<HashMap<String, Project>>,
    pub(crate) fault_counter: crate::faults::FaultCounter,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl SimState {
    pub(crate) fn new(config: SimConfig) -> Self {
        Self {
            config,
            served: AtomicU64::new(0),
            log: Mutex::new(Vec::new()),
            projects: Mutex::new(HashMap::new()),
            fault_counter: Default::default(),
        }
    }

    /// Counts one request against the budget; `false` once the budget is used up.
    pub(crate) fn take_budget(&self) -> bool {
        let n = self.served.fetch_add(1, Ordering::SeqCst) + 1;
        self.config
            .request_budget
            .is_none_or(|budget| n <= u64::from(budget))
    }

    /// Makes the whole budget available again.
    pub(crate) fn reset_budget(&self) {
        self.served.store(0, Ordering::SeqCst);
    }

    pub(crate) fn record(&self, request: LoggedRequest) {
        lock(&self.log).push(request);
    }

    pub(crate) fn log(&self) -> Vec<LoggedRequest> {
        lock(&self.log).clone()
    }

    pub(crate) fn clear_log(&self) {
        lock(&self.log).clear();
    }

    /// Runs `f` on project `id` (created on first use); an unknown project is a 404.
    pub(crate) fn with_project<R>(
        &self,
        id: &str,
        f: impl FnOnce(&mut Project, &SimConfig) -> R,
    ) -> Result<R, ApiError> {
        if !self.config.knows_project(id) {
            return Err(ApiError::not_found(format!("project {id:?} not found")));
        }
        let mut projects = lock(&self.projects);
        let project = projects.entry(id.to_owned()).or_default();
        Ok(f(project, &self.config))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_counts_every_request_and_resets() {
        let state = SimState::new(SimConfig::default().request_budget(2));
        assert!(state.take_budget());
        assert!(state.take_budget());
        assert!(!state.take_budget());
        state.reset_budget();
        assert!(state.take_budget());
        let unlimited = SimState::new(SimConfig::default());
        assert!((0..1000).all(|_| unlimited.take_budget()));
    }

    #[test]
    fn unknown_projects_are_not_found() {
        let state = SimState::new(SimConfig::default().project_id("p1"));
        assert!(state.with_project("p1", |_, _| ()).is_ok());
        assert!(state.with_project("p2", |_, _| ()).is_err());
    }
}
