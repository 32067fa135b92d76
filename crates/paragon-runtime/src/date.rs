//! Serde `with` module for `format: date` fields ([`time::Date`] as
//! `YYYY-MM-DD`).
//!
//! ```
//! #[derive(serde::Serialize, serde::Deserialize)]
//! struct Person {
//!     #[serde(with = "paragon_runtime::date")]
//!     born: time::Date,
//!     #[serde(default, with = "paragon_runtime::date::option")]
//!     died: Option<time::Date>,
//! }
//! let p: Person = serde_json::from_str(r#"{"born": "1815-12-10", "died": null}"#).unwrap();
//! assert_eq!(p.born, time::macros::date!(1815 - 12 - 10));
//! assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"born":"1815-12-10","died":null}"#);
//! ```
//!
//! Parsing also accepts a full RFC 3339 date-time and keeps its date part, as
//! some servers send one for date fields.

use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serializer};
use time::Date;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;

const FORMAT: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// Parses `YYYY-MM-DD` (or the date part of an RFC 3339 date-time).
pub(crate) fn parse(s: &str) -> Result<Date, String> {
    let s = s.trim();
    match Date::parse(s, FORMAT) {
        Ok(d) => Ok(d),
        Err(e) => crate::rfc3339::parse(s)
            .map(|dt| dt.date())
            .map_err(|_| format!("invalid date {s:?} (expected YYYY-MM-DD): {e}")),
    }
}

/// Serializes as `YYYY-MM-DD`.
pub fn serialize<S: Serializer>(value: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    let text = value.format(FORMAT).map_err(S::Error::custom)?;
    serializer.serialize_str(&text)
}

/// Deserializes from `YYYY-MM-DD`.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(D::Error::custom)
}

/// The same for `Option<Date>` (`null` is `None`). Add `#[serde(default)]`
/// so a missing field is `None` too.
pub mod option {
    use super::*;

    /// Serializes `Some` as `YYYY-MM-DD` and `None` as `null`.
    pub fn serialize<S: Serializer>(
        value: &Option<Date>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => super::serialize(v, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Deserializes `YYYY-MM-DD` or `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Date>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| parse(&text).map_err(D::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates() {
        let d = Date::from_calendar_date(2024, time::Month::February, 29).ok();
        assert_eq!(parse("2024-02-29").ok(), d);
        assert_eq!(parse("2024-02-29T10:00:00Z").ok(), d);
        assert!(parse("2023-02-29").is_err());
        assert!(parse("29/02/2024").is_err());
    }
}
