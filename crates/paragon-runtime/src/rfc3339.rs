//! Serde `with` module for `format: date-time` fields
//! ([`time::OffsetDateTime`] as an RFC 3339 string).
//!
//! ```
//! #[derive(serde::Serialize, serde::Deserialize)]
//! struct Event {
//!     #[serde(with = "paragon_runtime::rfc3339")]
//!     at: time::OffsetDateTime,
//!     #[serde(default, with = "paragon_runtime::rfc3339::option")]
//!     ended: Option<time::OffsetDateTime>,
//! }
//! let e: Event = serde_json::from_str(r#"{"at": "2024-05-06T07:08:09.5+02:00"}"#).unwrap();
//! assert_eq!(e.at.unix_timestamp(), 1_714_972_089);
//! assert!(e.ended.is_none());
//! assert_eq!(
//!     serde_json::to_string(&e).unwrap(),
//!     r#"{"at":"2024-05-06T07:08:09.5+02:00","ended":null}"#
//! );
//! ```
//!
//! Parsing is slightly lenient: a lowercase `t`/`z` and a missing offset
//! (taken as UTC) are accepted, as some servers send them.

use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serializer};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

/// Parses an RFC 3339 date-time (leniently, see the module docs).
pub(crate) fn parse(s: &str) -> Result<OffsetDateTime, String> {
    let s = s.trim();
    match OffsetDateTime::parse(s, &Rfc3339) {
        Ok(v) => Ok(v),
        Err(strict_err) => {
            let upper = s.to_ascii_uppercase();
            if let Ok(v) = OffsetDateTime::parse(&upper, &Rfc3339) {
                return Ok(v);
            }
            let no_offset = format_description!(
                "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
            );
            PrimitiveDateTime::parse(&upper, no_offset)
                .map(PrimitiveDateTime::assume_utc)
                .map_err(|_| format!("invalid RFC 3339 date-time {s:?}: {strict_err}"))
        }
    }
}

/// Serializes as an RFC 3339 string.
pub fn serialize<S: Serializer>(value: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error> {
    let text = value.format(&Rfc3339).map_err(S::Error::custom)?;
    serializer.serialize_str(&text)
}

/// Deserializes from an RFC 3339 string.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<OffsetDateTime, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(D::Error::custom)
}

/// The same for `Option<OffsetDateTime>` (`null` is `None`). Add
/// `#[serde(default)]` so a missing field is `None` too.
pub mod option {
    use super::*;

    /// Serializes `Some` as an RFC 3339 string and `None` as `null`.
    pub fn serialize<S: Serializer>(
        value: &Option<OffsetDateTime>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => super::serialize(v, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Deserializes an RFC 3339 string or `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| parse(&text).map_err(D::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_forms() {
        let utc = OffsetDateTime::from_unix_timestamp(1_700_000_000).ok();
        for s in [
            "2023-11-14T22:13:20Z",
            "2023-11-14t22:13:20z",
            "2023-11-14T22:13:20",
            "2023-11-14T23:13:20+01:00",
        ] {
            assert_eq!(parse(s).ok(), utc, "{s}");
        }
        assert!(parse("2023-11-14").is_err());
        assert!(parse("garbage").is_err());
    }
}
