//! [`SimConfig`]: what the simulator accepts and how much data it seeds.

use time::OffsetDateTime;
use time::macros::datetime;

/// The token every API accepts by default.
pub const DEFAULT_TOKEN: &str = "sim-token";

/// Settings of a simulator: accepted credentials, sync timing, seeded data, request budget.
///
/// Start from [`SimConfig::default`] and adjust with the builder-style setters:
///
/// ```
/// use paragon_sim::SimConfig;
///
/// let config = SimConfig::default()
///     .token("secret")
///     .syncing_polls(3)
///     .records(40)
///     .request_budget(100);
/// assert_eq!(config.managed_sync_tokens, ["secret"]);
/// assert_eq!(config.task_history_api_keys, ["secret"]);
/// assert_eq!(config.request_budget, Some(100));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimConfig {
    /// Bearer tokens the Managed Sync API accepts (its `bearerAuth` scheme: a Connected User
    /// JWT). Default: [`DEFAULT_TOKEN`].
    pub managed_sync_tokens: Vec<String>,
    /// Bearer tokens the Task History API accepts (its `apiKeyAuth` scheme: the project API key
    /// sent as a bearer token). Default: [`DEFAULT_TOKEN`].
    pub task_history_api_keys: Vec<String>,
    /// How many `getSyncStatus` polls of a sync answer `SYNCING` before it turns `IDLE`, counted
    /// per project, integration and sync type. Default 2.
    pub syncing_polls: u32,
    /// Records each sync produces once it is `IDLE`. Default 25.
    pub records: u32,
    /// Records per `pullSyncedRecords` page (0 counts as 1). Default 10.
    pub records_page_size: u32,
    /// Workflow executions seeded in each project's task history. Default 250.
    pub executions: u32,
    /// Requests served normally before every further request gets `429 Too Many Requests`
    /// (all requests count, whatever their path or outcome). `None` (the default): unlimited.
    pub request_budget: Option<u32>,
    /// The `Retry-After` value, in seconds, of those `429` responses. Default 1.
    pub retry_after_secs: u32,
    /// The project ids the simulator knows; other ids get `404`. Empty (the default): every
    /// project id exists.
    pub project_ids: Vec<String>,
    /// The simulator's fixed "now": syncs finish at this time and replays start just after it.
    /// Seeded executions run during the 31 days before it, seeded records were updated in the
    /// hours before it. Default 2026-02-01T00:00:00Z.
    pub now: OffsetDateTime,
    /// Injected faults (`--faults`); `None` (the default): none.
    pub faults: Option<crate::faults::Faults>,
}

impl Default for SimConfig {
    fn default() -> Self {
        Self {
            managed_sync_tokens: vec![DEFAULT_TOKEN.to_owned()],
            task_history_api_keys: vec![DEFAULT_TOKEN.to_owned()],
            syncing_polls: 2,
            records: 25,
            records_page_size: 10,
            executions: 250,
            request_budget: None,
            retry_after_secs: 1,
            project_ids: Vec::new(),
            now: datetime!(2026-02-01 00:00:00 UTC),
            faults: None,
        }
    }
}

impl SimConfig {
    /// Both APIs accept only `token`.
    pub fn token(self, token: impl Into<String>) -> Self {
        let token = token.into();
        self.managed_sync_token(token.clone())
            .task_history_api_key(token)
    }

    /// The Managed Sync API accepts only `token` (a Connected User JWT in the real service).
    pub fn managed_sync_token(mut self, token: impl Into<String>) -> Self {
        self.managed_sync_tokens = vec![token.into()];
        self
    }

    /// The Task History API accepts only `key` (a project API key in the real service).
    pub fn task_history_api_key(mut self, key: impl Into<String>) -> Self {
        self.task_history_api_keys = vec![key.into()];
        self
    }

    /// Sets [`SimConfig::syncing_polls`].
    pub fn syncing_polls(mut self, polls: u32) -> Self {
        self.syncing_polls = polls;
        self
    }

    /// Sets [`SimConfig::records`].
    pub fn records(mut self, records: u32) -> Self {
        self.records = records;
        self
    }

    /// Sets [`SimConfig::records_page_size`].
    pub fn records_page_size(mut self, size: u32) -> Self {
        self.records_page_size = size;
        self
    }

    /// Sets [`SimConfig::executions`].
    pub fn executions(mut self, executions: u32) -> Self {
        self.executions = executions;
        self
    }

    /// Sets [`SimConfig::request_budget`] to `Some(requests)`.
    pub fn request_budget(mut self, requests: u32) -> Self {
        self.request_budget = Some(requests);
        self
    }

    /// Sets [`SimConfig::retry_after_secs`].
    pub fn retry_after_secs(mut self, secs: u32) -> Self {
        self.retry_after_secs = secs;
        self
    }

    /// Adds `id` to [`SimConfig::project_ids`]: from then on only the listed projects exist.
    pub fn project_id(mut self, id: impl Into<String>) -> Self {
        self.project_ids.push(id.into());
        self
    }

    /// Sets [`SimConfig::now`].
    pub fn now(mut self, now: OffsetDateTime) -> Self {
        self.now = now;
        self
    }

    /// Whether project `id` exists.
    pub(crate) fn knows_project(&self, id: &str) -> bool {
        self.project_ids.is_empty() || self.project_ids.iter().any(|p| p == id)
    }

    /// [`SimConfig::records_page_size`], at least 1.
    pub(crate) fn page_size(&self) -> usize {
        usize::try_from(self.records_page_size.max(1)).unwrap_or(usize::MAX)
    }
}
