//! Synced records of the Managed Sync API: generated deterministically from a sync's
//! integration, sync type and index, with file content for `files` syncs.

use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use crate::permissions::Acl;
use crate::seed::{hash, pick, rfc3339};

/// One normalized record (the spec's `SyncedRecord`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub(crate) id: String,
    /// 1-based position in its sync.
    pub(crate) index: u32,
    pub(crate) integration: String,
    pub(crate) sync_type: String,
    pub(crate) updated_at: OffsetDateTime,
}

/// A file record's downloadable content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileContent {
    pub(crate) name: String,
    pub(crate) mime_type: &'static str,
    pub(crate) bytes: Vec<u8>,
}

/// File kinds of `files` records: extension, MIME type, title.
const FILE_KINDS: &[(&str, &str, &str)] = &[
    ("pdf", "application/pdf", "Quarterly report"),
    ("txt", "text/plain", "Meeting notes"),
    ("md", "text/markdown", "Design doc"),
    ("csv", "text/csv", "Pipeline export"),
    ("json", "application/json", "Config snapshot"),
];

const FIRST_NAMES: &[&str] = &[
    "Ada", "Grace", "Alan", "Barbara", "Edsger", "Frances", "Donald",
];
const LAST_NAMES: &[&str] = &[
    "Lovelace", "Hopper", "Turing", "Liskov", "Dijkstra", "Allen", "Knuth",
];
const COMPANIES: &[&str] = &["Acme", "Globex", "Initech", "Umbrella", "Hooli"];
const STAGES: &[&str] = &[
    "prospecting",
    "qualification",
    "proposal",
    "closedWon",
    "closedLost",
];
const TICKET_STATES: &[&str] = &["open", "pending", "solved"];
const PRIORITIES: &[&str] = &["low", "normal", "high", "urgent"];

/// The records of a finished sync: `count` of them, newest first.
pub(crate) fn records(
    integration: &str,
    sync_type: &str,
    count: u32,
    now: OffsetDateTime,
) -> Vec<Record> {
    (1..=count)
        .map(|index| Record {
            id: format!("{integration}-{sync_type}-{index:04}"),
            index,
            integration: integration.to_owned(),
            sync_type: sync_type.to_owned(),
            updated_at: now - Duration::hours(i64::from(index)),
        })
        .collect()
}

impl Record {
    fn hash(&self) -> u64 {
        hash(&[&self.integration, &self.sync_type], u64::from(self.index))
    }

    /// Whether this is a file record (its sync type is `files`), which has content.
    pub(crate) fn is_file(&self) -> bool {
        self.sync_type.eq_ignore_ascii_case("files")
    }

    /// The permission-object name of this record, e.g. `file:googleDrive-files-0001`.
    pub(crate) fn object(&self) -> String {
        let kind = match self.sync_type.as_str() {
            "files" => "file",
            "contacts" => "contact",
            "deals" => "deal",
            "tickets" => "ticket",
            other => other,
        };
        format!("{kind}:{}", self.id)
    }

    /// Whether `object` names this record: its [`Record::object`] name, its bare id, or any
    /// `prefix:id`.
    pub(crate) fn is_named(&self, object: &str) -> bool {
        object == self.id || object.rsplit_once(':').is_some_and(|(_, id)| id == self.id)
    }

    /// The record's source-system permissions.
    pub(crate) fn acl(&self) -> Acl {
        Acl::for_record(self.index)
    }

    /// The content of a file record.
    pub(crate) fn content(&self) -> Option<FileContent> {
        if !self.is_file() {
            return None;
        }
        let (ext, mime_type, title) = pick(FILE_KINDS, u64::from(self.index.saturating_sub(1)));
        let slug = title.to_ascii_lowercase().replace(' ', "-");
        let name = format!("{slug}-{:03}.{ext}", self.index);
        let id = &self.id;
        let text = match ext {
            "pdf" => format!(
                "%PDF-1.4\n% {name}: simulated by paragon-sim\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            ),
            "txt" => format!(
                "{title} #{}\nSimulated content of record {id}.\n",
                self.index
            ),
            "md" => format!(
                "# {title} #{}\n\nSimulated content of record `{id}`.\n",
                self.index
            ),
            "csv" => format!(
                "id,name,amount\n{id}-1,first,{}\n{id}-2,second,{}\n",
                self.hash() % 1000,
                (self.hash() >> 10) % 1000
            ),
            _ => json!({ "record": id, "title": title, "index": self.index }).to_string() + "\n",
        };
        Some(FileContent {
            name,
            mime_type,
            bytes: text.into_bytes(),
        })
    }

    /// The normalized `data` of the record, shaped by its sync type.
    fn data(&self) -> Value {
        let h = self.hash();
        let first = pick(FIRST_NAMES, h);
        let last = pick(LAST_NAMES, h >> 8);
        let company = pick(COMPANIES, h >> 16);
        match self.sync_type.as_str() {
            "files" => match self.content() {
                Some(file) => json!({
                    "name": file.name,
                    "mimeType": file.mime_type,
                    "size": file.bytes.len(),
                    "path": format!("/Shared/{}", file.name),
                }),
                None => json!({}),
            },
            "contacts" => json!({
                "firstName": first,
                "lastName": last,
                "email": format!("{}.{}@{}.example", first.to_ascii_lowercase(), last.to_ascii_lowercase(), company.to_ascii_lowercase()),
                "company": company,
            }),
            "deals" => json!({
                "name": format!("{company} renewal #{}", self.index),
                "amount": 1000 * ((h >> 24) % 100 + 1),
                "stage": pick(STAGES, h >> 32),
                "owner": format!("{}@example.com", first.to_ascii_lowercase()),
            }),
            "tickets" => json!({
                "title": format!("{company}: issue #{}", self.index),
                "status": pick(TICKET_STATES, h >> 24),
                "priority": pick(PRIORITIES, h >> 32),
                "assignee": format!("{}@example.com", first.to_ascii_lowercase()),
            }),
            other => json!({ "title": format!("{other} record {}", self.index) }),
        }
    }

    /// The spec's `SyncedRecord`.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "integration": self.integration,
            "syncType": self.sync_type,
            "sourceId": format!("src-{:012x}", self.hash() >> 16),
            "data": self.data(),
            "permissions": self.acl().to_json(&self.object()),
            "updatedAt": rfc3339(self.updated_at),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-02-01 00:00:00 UTC);

    #[test]
    fn file_records_have_content_matching_their_size() {
        let files = records("googleDrive", "files", 5, NOW);
        let kinds: Vec<_> = files
            .iter()
            .filter_map(|r| r.content())
            .map(|c| c.mime_type)
            .collect();
        assert_eq!(
            kinds,
            [
                "application/pdf",
                "text/plain",
                "text/markdown",
                "text/csv",
                "application/json"
            ]
        );
        for r in &files {
            let json = r.to_json();
            let size = r.content().map(|c| c.bytes.len());
            assert_eq!(json["data"]["size"].as_u64(), size.map(|s| s as u64));
        }
        assert_eq!(files[0].id, "googleDrive-files-0001");
        assert!(files[0].is_named("file:googleDrive-files-0001"));
        assert!(files[0].is_named("googleDrive-files-0001"));
        assert!(!files[0].is_named("googleDrive-files-0002"));
    }

    #[test]
    fn other_sync_types_have_no_content_and_typed_data() {
        let contacts = records("salesforce", "contacts", 2, NOW);
        assert!(contacts[0].content().is_none());
        let json = contacts[0].to_json();
        assert!(
            json["data"]["email"]
                .as_str()
                .is_some_and(|e| e.contains('@'))
        );
        assert_eq!(json["updatedAt"], "2026-01-31T23:00:00Z");
        assert_eq!(contacts[0].object(), "contact:salesforce-contacts-0001");
        assert_eq!(json, records("salesforce", "contacts", 2, NOW)[0].to_json());
    }
}
