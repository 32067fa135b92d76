//! Workflow executions of the Task History API: the model, the deterministic seed, the JSON
//! shape (`WorkflowExecution`) and filtering.

use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use crate::seed::{hash, pick, rfc3339};

/// The integrations seeded executions belong to, each with its two workflows.
pub(crate) const WORKFLOWS: &[(&str, [&str; 2])] = &[
    (
        "salesforce",
        ["salesforce-sync-contacts", "salesforce-create-lead"],
    ),
    ("hubspot", ["hubspot-sync-deals", "hubspot-enrich-company"]),
    ("slack", ["slack-notify-channel", "slack-daily-digest"]),
    (
        "googleDrive",
        ["googledrive-sync-files", "googledrive-share-folder"],
    ),
    ("jira", ["jira-create-issue", "jira-sync-tickets"]),
];

/// Connected Users of seeded executions: `user-1` … `user-8`.
pub(crate) const USERS: u64 = 8;

/// The span of time seeded executions cover, ending at the configured "now".
const SPAN_SECS: i64 = 31 * 24 * 60 * 60;

/// `WorkflowExecution.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Succeeded,
    Failed,
}

impl Status {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Succeeded => "SUCCEEDED",
            Status::Failed => "FAILED",
        }
    }
}

/// One workflow execution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Execution {
    pub(crate) id: String,
    pub(crate) user_id: String,
    pub(crate) workflow_id: String,
    pub(crate) integration: String,
    pub(crate) status: Status,
    pub(crate) task_count: u32,
    pub(crate) run_duration_ms: u32,
    pub(crate) started: OffsetDateTime,
}

/// The id of the `n`th execution (1-based): `exec-0001`.
pub(crate) fn execution_id(n: u32) -> String {
    format!("exec-{n:04}")
}

/// `count` executions spread evenly (with jitter) over the 31 days before `now`, oldest first,
/// cycling through [`WORKFLOWS`]; about one in five `FAILED`.
pub(crate) fn seed(count: u32, now: OffsetDateTime) -> Vec<Execution> {
    let step = SPAN_SECS / i64::from(count.max(1));
    (0..count)
        .map(|i| {
            let h = hash(&["execution"], u64::from(i));
            let (integration, workflows) = pick(WORKFLOWS, u64::from(i));
            let workflow = workflows[usize::from((i / 5) % 2 == 1)];
            let jitter =
                i64::try_from(h % u64::try_from((step / 2).max(1)).unwrap_or(1)).unwrap_or(0);
            let failed = h.is_multiple_of(5);
            let tasks = 1 + (h >> 8) % 25;
            let duration = 150 + (h >> 16) % 9_000;
            Execution {
                id: execution_id(i + 1),
                user_id: format!("user-{}", (h >> 24) % USERS + 1),
                workflow_id: workflow.to_owned(),
                integration: integration.to_owned(),
                status: if failed {
                    Status::Failed
                } else {
                    Status::Succeeded
                },
                task_count: u32::try_from(tasks).unwrap_or(1),
                run_duration_ms: u32::try_from(duration).unwrap_or(150),
                started: now - Duration::seconds(SPAN_SECS)
                    + Duration::seconds(i64::from(i) * step + jitter),
            }
        })
        .collect()
}

impl Execution {
    /// The spec's `WorkflowExecution`.
    pub(crate) fn to_json(&self) -> Value {
        let ended = self.started + Duration::milliseconds(i64::from(self.run_duration_ms));
        json!({
            "id": self.id,
            "userId": self.user_id,
            "workflowId": self.workflow_id,
            "status": self.status.as_str(),
            "taskCount": self.task_count,
            "runDuration": self.run_duration_ms,
            "dateStarted": rfc3339(self.started),
            "dateEnded": rfc3339(ended),
        })
    }

    /// A replay of this execution: a new id, started at `started`, same workflow, user and
    /// integration, always `SUCCEEDED`.
    pub(crate) fn replay(&self, id: String, started: OffsetDateTime) -> Execution {
        Execution {
            id,
            status: Status::Succeeded,
            started,
            ..self.clone()
        }
    }
}

/// The filters of `getWorkflowExecutions`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Filter {
    pub(crate) integration: Option<String>,
    pub(crate) workflow_id: Option<String>,
    pub(crate) user_id: Option<String>,
    pub(crate) status: Option<Status>,
    /// Started strictly after.
    pub(crate) after: Option<OffsetDateTime>,
    /// Started strictly before.
    pub(crate) before: Option<OffsetDateTime>,
}

impl Filter {
    pub(crate) fn matches(&self, e: &Execution) -> bool {
        self.integration
            .as_ref()
            .is_none_or(|i| *i == e.integration)
            && self
                .workflow_id
                .as_ref()
                .is_none_or(|w| *w == e.workflow_id)
            && self.user_id.as_ref().is_none_or(|u| *u == e.user_id)
            && self.status.is_none_or(|s| s == e.status)
            && self.after.is_none_or(|a| e.started > a)
            && self.before.is_none_or(|b| e.started < b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn seed_is_deterministic_ordered_and_varied() {
        let now = datetime!(2026-02-01 00:00:00 UTC);
        let a = seed(250, now);
        assert_eq!(a, seed(250, now));
        assert_eq!(a.len(), 250);
        assert_eq!(a[0].id, "exec-0001");
        assert!(a.windows(2).all(|w| w[0].started < w[1].started));
        assert!(a[0].started >= now - Duration::days(31));
        assert!(a.iter().all(|e| e.started < now));
        let failed = a.iter().filter(|e| e.status == Status::Failed).count();
        assert!((20..100).contains(&failed), "{failed}");
        for (integration, workflows) in WORKFLOWS {
            for w in workflows {
                assert!(
                    a.iter()
                        .any(|e| e.integration == *integration && e.workflow_id == *w)
                );
            }
        }
        assert!(seed(0, now).is_empty());
    }
}
