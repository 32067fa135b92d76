//! The key of one seed workflow: which project, connected user, integration and sync type it
//! syncs. Restate runs one workflow per key, so submitting a key twice starts it once.

use std::fmt;
use std::str::FromStr;

/// `projectId:user:integration:syncType`, each part non-empty, without `:` or `/`, at most 128
/// bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SeedKey {
    /// The Paragon project.
    pub project_id: String,
    /// The connected user (whose token the workflow's requests carry).
    pub user: String,
    /// The integration, e.g. `googleDrive`.
    pub integration: String,
    /// The sync type, e.g. `files`.
    pub sync_type: String,
}

const MAX_PART: usize = 128;

fn check_part(what: &str, part: &str) -> Result<(), String> {
    if part.is_empty() {
        return Err(format!("the {what} is empty"));
    }
    if part.len() > MAX_PART {
        return Err(format!("the {what} is longer than {MAX_PART} bytes"));
    }
    if let Some(c) = part
        .chars()
        .find(|c| matches!(c, ':' | '/' | '?' | '#' | '%') || c.is_control() || c.is_whitespace())
    {
        return Err(format!("the {what} {part:?} holds {c:?}"));
    }
    Ok(())
}

impl SeedKey {
    /// A key, checked.
    pub fn new(
        project_id: &str,
        user: &str,
        integration: &str,
        sync_type: &str,
    ) -> Result<Self, String> {
        check_part("project id", project_id)?;
        check_part("user", user)?;
        check_part("integration", integration)?;
        check_part("sync type", sync_type)?;
        Ok(SeedKey {
            project_id: project_id.to_owned(),
            user: user.to_owned(),
            integration: integration.to_owned(),
            sync_type: sync_type.to_owned(),
        })
    }
}

impl fmt::Display for SeedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}:{}",
            self.project_id, self.user, self.integration, self.sync_type
        )
    }
}

impl FromStr for SeedKey {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let parts: Vec<&str> = s.split(':').collect();
        match parts.as_slice() {
            [project, user, integration, sync_type] => {
                SeedKey::new(project, user, integration, sync_type)
            }
            _ => Err(format!(
                "{s:?} is not a workflow key: expected projectId:user:integration:syncType"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_bad_keys_are_refused() {
        let key = SeedKey::new("p1", "user-07", "googleDrive", "files").unwrap();
        assert_eq!(key.to_string(), "p1:user-07:googleDrive:files");
        assert_eq!(key.to_string().parse::<SeedKey>().unwrap(), key);
        for bad in [
            "p1:u:i",
            "p1:u:i:s:x",
            "p1::i:s",
            "p1:u/2:i:s",
            "p1:u i:i:s",
            "p1:u%2F:i:s",
        ] {
            assert!(bad.parse::<SeedKey>().is_err(), "{bad} was accepted");
        }
        let long = "x".repeat(129);
        assert!(SeedKey::new(&long, "u", "i", "s").is_err());
    }
}
