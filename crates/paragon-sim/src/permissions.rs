//! The Managed Sync Permissions API: a small ReBAC model over the records of a project's
//! finished syncs.
//!
//! Subjects are `alice@example.com`, `bob@example.com`, `carol@example.com`,
//! `dave@example.com` (optionally written `user:<email>`) and the group `group:engineering`
//! (bob and carol). Relations are `owner`, `editor` and `viewer`; each implies the next
//! (an owner is an editor, an editor a viewer). Record number `n` of a sync is owned by
//! `USERS[n % 4]`, edited by `USERS[(n + 1) % 4]` and viewed by `group:engineering` when `n`
//! is even, by `USERS[(n + 2) % 4]` when odd. Objects are named `file:<recordId>` (or
//! `contact:`, `deal:`, `ticket:`, …); any `prefix:<recordId>` or the bare record id works too.
//! Unknown objects, subjects and relations have no access; they are not errors.

use std::sync::Arc;

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::extract::{ApiPath, JsonBody};
use crate::managed_sync::synced_records;
use crate::records::Record;
use crate::state::SimState;

/// The users of the model.
pub(crate) const USERS: [&str; 4] = [
    "alice@example.com",
    "bob@example.com",
    "carol@example.com",
    "dave@example.com",
];
/// The one group.
pub(crate) const GROUP: &str = "group:engineering";
/// Its members.
pub(crate) const GROUP_MEMBERS: [&str; 2] = ["bob@example.com", "carol@example.com"];
/// Relations from strongest to weakest; each implies the ones after it.
pub(crate) const RELATIONS: [&str; 3] = ["owner", "editor", "viewer"];

/// The direct permissions of one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Acl {
    owner: &'static str,
    editors: Vec<&'static str>,
    viewers: Vec<&'static str>,
}

/// A subject as written in a request, without a `user:` prefix.
fn normalize(subject: &str) -> &str {
    subject.strip_prefix("user:").unwrap_or(subject)
}

impl Acl {
    /// The permissions of record number `index` of any sync.
    pub(crate) fn for_record(index: u32) -> Acl {
        let i = usize::try_from(index).unwrap_or(0);
        let user = |k: usize| USERS[(i + k) % USERS.len()];
        Acl {
            owner: user(0),
            editors: vec![user(1)],
            viewers: if i.is_multiple_of(2) {
                vec![GROUP]
            } else {
                vec![user(2)]
            },
        }
    }

    /// Subjects given exactly `relation` (not through a stronger one).
    fn direct(&self, relation: &str) -> Vec<&'static str> {
        match relation {
            "owner" => vec![self.owner],
            "editor" => self.editors.clone(),
            "viewer" => self.viewers.clone(),
            _ => Vec::new(),
        }
    }

    /// Subjects holding `relation`, directly or through a stronger relation.
    fn holders(&self, relation: &str) -> Vec<&'static str> {
        let Some(rank) = RELATIONS.iter().position(|r| *r == relation) else {
            return Vec::new();
        };
        RELATIONS[..=rank]
            .iter()
            .flat_map(|r| self.direct(r))
            .collect()
    }

    /// Whether `subject` (a user or the group) holds `relation`.
    pub(crate) fn allows(&self, subject: &str, relation: &str) -> bool {
        let subject = normalize(subject);
        self.holders(relation).iter().any(|h| {
            h.eq_ignore_ascii_case(subject)
                || (*h == GROUP
                    && GROUP_MEMBERS
                        .iter()
                        .any(|m| m.eq_ignore_ascii_case(subject)))
        })
    }

    /// The users holding `relation`, groups expanded, sorted and without duplicates.
    pub(crate) fn users(&self, relation: &str) -> Vec<&'static str> {
        let mut users: Vec<&'static str> = self
            .holders(relation)
            .into_iter()
            .flat_map(|h| {
                if h == GROUP {
                    GROUP_MEMBERS.to_vec()
                } else {
                    vec![h]
                }
            })
            .collect();
        users.sort_unstable();
        users.dedup();
        users
    }

    /// The relationship tree of `relation`: its direct subjects, groups with their members,
    /// and the stronger relation that implies it.
    pub(crate) fn expand(&self, relation: &str) -> Value {
        let Some(rank) = RELATIONS.iter().position(|r| *r == relation) else {
            return json!({ "relation": relation, "direct": [], "groups": [] });
        };
        let direct = self.direct(relation);
        let groups: Vec<Value> = direct
            .iter()
            .filter(|s| **s == GROUP)
            .map(|g| json!({ "group": g, "members": GROUP_MEMBERS }))
            .collect();
        let mut node = json!({ "relation": relation, "direct": direct, "groups": groups });
        if let Some(stronger) = rank.checked_sub(1).map(|r| RELATIONS[r]) {
            node["implied"] = self.expand(stronger);
        }
        node
    }

    /// The `permissions` object of a `SyncedRecord`.
    pub(crate) fn to_json(&self, object: &str) -> Value {
        json!({
            "object": object,
            "owner": self.owner,
            "editors": self.editors,
            "viewers": self.viewers,
        })
    }
}

/// The routes of the Permissions API.
pub(crate) fn routes() -> Router<Arc<SimState>> {
    Router::new()
        .route(
            "/projects/{project_id}/permissions/check-access",
            post(check_access),
        )
        .route(
            "/projects/{project_id}/permissions/batch-check-access",
            post(batch_check_access),
        )
        .route(
            "/projects/{project_id}/permissions/list-users",
            post(list_users),
        )
        .route(
            "/projects/{project_id}/permissions/list-objects",
            post(list_objects),
        )
        .route("/projects/{project_id}/permissions/expand", post(expand))
}

/// The spec's `AccessCheck` (all three fields required).
#[derive(Debug, Deserialize)]
struct AccessCheck {
    subject: String,
    relation: String,
    object: String,
}

impl AccessCheck {
    fn validate(&self) -> Result<(), ApiError> {
        for (name, value) in [
            ("subject", &self.subject),
            ("relation", &self.relation),
            ("object", &self.object),
        ] {
            if value.is_empty() {
                return Err(ApiError::bad_request(format!("`{name}` must not be empty")));
            }
        }
        Ok(())
    }

    fn allowed(&self, records: &[Record]) -> bool {
        find(records, &self.object).is_some_and(|r| r.acl().allows(&self.subject, &self.relation))
    }
}

fn find<'a>(records: &'a [Record], object: &str) -> Option<&'a Record> {
    records.iter().find(|r| r.is_named(object))
}

fn project_records(state: &SimState, project_id: &str) -> Result<Vec<Record>, ApiError> {
    state.with_project(project_id, |project, config| {
        synced_records(project, config)
    })
}

/// `POST /projects/{projectId}/permissions/check-access` (`checkAccess`): `{"allowed": bool}`.
async fn check_access(
    State(state): State<Arc<SimState>>,
    ApiPath(project_id): ApiPath<String>,
    JsonBody(check): JsonBody<AccessCheck>,
) -> Result<Json<Value>, ApiError> {
    check.validate()?;
    let records = project_records(&state, &project_id)?;
    Ok(Json(json!({ "allowed": check.allowed(&records) })))
}

#[derive(Debug, Deserialize)]
struct BatchBody {
    #[serde(default)]
    checks: Option<Vec<AccessCheck>>,
}

/// `POST /projects/{projectId}/permissions/batch-check-access` (`batchCheckAccess`):
/// `{"results": [{"allowed": bool}, ...]}`, one per check, in order.
async fn batch_check_access(
    State(state): State<Arc<SimState>>,
    ApiPath(project_id): ApiPath<String>,
    JsonBody(body): JsonBody<BatchBody>,
) -> Result<Json<Value>, ApiError> {
    let checks = body.checks.unwrap_or_default();
    for (i, check) in checks.iter().enumerate() {
        check.validate().map_err(|_| {
            ApiError::bad_request(format!(
                "checks[{i}]: subject, relation and object must not be empty"
            ))
        })?;
    }
    let records = project_records(&state, &project_id)?;
    let results: Vec<Value> = checks
        .iter()
        .map(|c| json!({ "allowed": c.allowed(&records) }))
        .collect();
    Ok(Json(json!({ "results": results })))
}

/// A relation from a body where the spec makes it optional: `viewer` (any access) if absent.
fn relation_or_viewer(relation: Option<String>) -> String {
    relation
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| "viewer".to_owned())
}

#[derive(Debug, Deserialize)]
struct ListUsersBody {
    #[serde(default)]
    object: Option<String>,
    #[serde(default)]
    relation: Option<String>,
}

/// `POST /projects/{projectId}/permissions/list-users` (`listUsers`):
/// `{"object", "relation", "users": [...]}`, groups expanded to their members.
async fn list_users(
    State(state): State<Arc<SimState>>,
    ApiPath(project_id): ApiPath<String>,
    JsonBody(body): JsonBody<ListUsersBody>,
) -> Result<Json<Value>, ApiError> {
    let object = body.object.filter(|o| !o.is_empty()).ok_or_else(|| {
        ApiError::bad_request("`object` is required: the object whose users to list")
    })?;
    let relation = relation_or_viewer(body.relation);
    let records = project_records(&state, &project_id)?;
    let users = find(&records, &object)
        .map(|r| r.acl().users(&relation))
        .unwrap_or_default();
    Ok(Json(
        json!({ "object": object, "relation": relation, "users": users }),
    ))
}

#[derive(Debug, Deserialize)]
struct ListObjectsBody {
    #[serde(default)]
    subject: Option<String>,
    #[serde(default)]
    relation: Option<String>,
}

/// `POST /projects/{projectId}/permissions/list-objects` (`listObjects`):
/// `{"subject", "relation", "objects": [...]}` in record order.
async fn list_objects(
    State(state): State<Arc<SimState>>,
    ApiPath(project_id): ApiPath<String>,
    JsonBody(body): JsonBody<ListObjectsBody>,
) -> Result<Json<Value>, ApiError> {
    let subject = body.subject.filter(|s| !s.is_empty()).ok_or_else(|| {
        ApiError::bad_request("`subject` is required: the subject whose objects to list")
    })?;
    let relation = relation_or_viewer(body.relation);
    let records = project_records(&state, &project_id)?;
    let objects: Vec<String> = records
        .iter()
        .filter(|r| r.acl().allows(&subject, &relation))
        .map(Record::object)
        .collect();
    Ok(Json(
        json!({ "subject": subject, "relation": relation, "objects": objects }),
    ))
}

/// `POST /projects/{projectId}/permissions/expand` (`expandRelationships`):
/// `{"subject", "relation", "object", "allowed", "tree"}`; the tree is empty for an unknown
/// object.
async fn expand(
    State(state): State<Arc<SimState>>,
    ApiPath(project_id): ApiPath<String>,
    JsonBody(check): JsonBody<AccessCheck>,
) -> Result<Json<Value>, ApiError> {
    check.validate()?;
    let records = project_records(&state, &project_id)?;
    let record = find(&records, &check.object);
    let tree = match record {
        Some(r) => r.acl().expand(&check.relation),
        None => json!({ "relation": check.relation, "direct": [], "groups": [] }),
    };
    Ok(Json(json!({
        "subject": check.subject,
        "relation": check.relation,
        "object": check.object,
        "allowed": check.allowed(&records),
        "tree": tree,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_imply_weaker_ones_and_groups_expand() {
        // Record 2: owner carol, editor dave, viewers group:engineering (bob, carol).
        let acl = Acl::for_record(2);
        assert!(acl.allows("carol@example.com", "owner"));
        assert!(acl.allows("user:carol@example.com", "viewer"));
        assert!(acl.allows("dave@example.com", "editor"));
        assert!(!acl.allows("dave@example.com", "owner"));
        assert!(acl.allows("bob@example.com", "viewer"));
        assert!(!acl.allows("bob@example.com", "editor"));
        assert!(acl.allows(GROUP, "viewer"));
        assert!(!acl.allows("alice@example.com", "viewer"));
        assert!(!acl.allows("carol@example.com", "admin"));
        assert_eq!(
            acl.users("viewer"),
            ["bob@example.com", "carol@example.com", "dave@example.com"]
        );
        let tree = acl.expand("viewer");
        assert_eq!(tree["direct"], json!([GROUP]));
        assert_eq!(tree["implied"]["relation"], "editor");
        assert_eq!(
            tree["implied"]["implied"]["direct"],
            json!(["carol@example.com"])
        );
        assert!(tree["implied"]["implied"].get("implied").is_none());
    }

    #[test]
    fn odd_records_have_a_single_viewer() {
        // Record 1: owner bob, editor carol, viewer dave.
        let acl = Acl::for_record(1);
        assert_eq!(
            acl.users("viewer"),
            ["bob@example.com", "carol@example.com", "dave@example.com"]
        );
        assert_eq!(
            acl.users("editor"),
            ["bob@example.com", "carol@example.com"]
        );
        assert!(!acl.allows("alice@example.com", "viewer"));
    }
}
