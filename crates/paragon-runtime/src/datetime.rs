//! `DateTime` and `Date`: the types generated code uses for `format: date-time` and
//! `format: date`. Newtypes instead of `#[serde(with)]` attributes, so they nest anywhere
//! (`Vec<DateTime>`, `Option<Date>`, map values) without per-field annotations.

use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date as TimeDate, OffsetDateTime};

/// An RFC 3339 timestamp (`format: date-time`), a thin wrapper over [`time::OffsetDateTime`].
///
/// ```
/// use paragon_runtime::DateTime;
/// let t: DateTime = "2026-11-23T19:00:00Z".parse().unwrap();
/// assert_eq!(t.year(), 2026);
/// assert_eq!(t.to_string(), "2026-11-23T19:00:00Z");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime(pub OffsetDateTime);

/// A calendar date (`format: date`, `YYYY-MM-DD`), a thin wrapper over [`time::Date`].
///
/// ```
/// use paragon_runtime::Date;
/// let d: Date = "1815-12-10".parse().unwrap();
/// assert_eq!(d.to_string(), "1815-12-10");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(pub TimeDate);

impl Deref for DateTime {
    type Target = OffsetDateTime;
    fn deref(&self) -> &OffsetDateTime {
        &self.0
    }
}

impl Deref for Date {
    type Target = TimeDate;
    fn deref(&self) -> &TimeDate {
        &self.0
    }
}

impl From<OffsetDateTime> for DateTime {
    fn from(t: OffsetDateTime) -> Self {
        Self(t)
    }
}

impl From<TimeDate> for Date {
    fn from(d: TimeDate) -> Self {
        Self(d)
    }
}

impl FromStr for DateTime {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        crate::rfc3339::parse(s).map(Self)
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        crate::date::parse(s).map(Self)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self
            .0
            .format(&time::format_description::well_known::Rfc3339)
            .map_err(|_| fmt::Error)?;
        f.write_str(&s)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            u8::from(self.0.month()),
            self.0.day()
        )
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::rfc3339::serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(D::Error::custom)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_garbage() {
        let t: DateTime = serde_json::from_str("\"2026-01-02T03:04:05.5+01:00\"").unwrap();
        assert_eq!(t.hour(), 3);
        let back = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<DateTime>(&back).unwrap(), t);
        assert!(serde_json::from_str::<DateTime>("\"yesterday\"").is_err());
        let d: Date = serde_json::from_str("\"2026-02-28\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-02-28\"");
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
        let v: Vec<Option<Date>> = serde_json::from_str("[\"2026-01-01\", null]").unwrap();
        assert_eq!(v[1], None);
    }
}
