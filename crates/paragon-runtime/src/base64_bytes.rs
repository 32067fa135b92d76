//! Serde `with` module for `format: byte` fields (bytes as a base64
//! string).
//!
//! Serializes with the standard alphabet and padding. Deserializing accepts
//! the standard and URL-safe alphabets, with or without padding, and ignores
//! ASCII whitespace (line-wrapped base64).
//!
//! ```
//! #[derive(serde::Serialize, serde::Deserialize)]
//! struct Blob {
//!     #[serde(with = "paragon_runtime::base64_bytes")]
//!     data: Vec<u8>,
//!     #[serde(default, with = "paragon_runtime::base64_bytes::option")]
//!     extra: Option<Vec<u8>>,
//! }
//! let b: Blob = serde_json::from_str(r#"{"data": "aGk="}"#).unwrap();
//! assert_eq!(b.data, b"hi");
//! assert_eq!(serde_json::to_string(&b).unwrap(), r#"{"data":"aGk=","extra":null}"#);
//! ```

use base64::Engine as _;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::{DecodePaddingMode, general_purpose};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serializer};

const LENIENT: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
const STANDARD_LENIENT: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::STANDARD, LENIENT);
const URL_SAFE_LENIENT: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::URL_SAFE, LENIENT);

/// Decodes base64 leniently (see the module docs).
pub(crate) fn decode(text: &str) -> Result<Vec<u8>, String> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    STANDARD_LENIENT
        .decode(&compact)
        .or_else(|_| URL_SAFE_LENIENT.decode(&compact))
        .map_err(|e| format!("invalid base64: {e}"))
}

/// Serializes bytes as a standard, padded base64 string.
pub fn serialize<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    T: AsRef<[u8]> + ?Sized,
    S: Serializer,
{
    serializer.serialize_str(&general_purpose::STANDARD.encode(value.as_ref()))
}

/// Deserializes bytes from a base64 string.
pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: From<Vec<u8>>,
    D: Deserializer<'de>,
{
    let text = String::deserialize(deserializer)?;
    decode(&text).map(T::from).map_err(D::Error::custom)
}

/// The same for `Option<Vec<u8>>` (`null` is `None`). Add
/// `#[serde(default)]` so a missing field is `None` too.
pub mod option {
    use super::*;

    /// Serializes `Some` as base64 and `None` as `null`.
    pub fn serialize<T, S>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: AsRef<[u8]>,
        S: Serializer,
    {
        match value {
            Some(v) => super::serialize(v, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Deserializes a base64 string or `null`.
    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<Option<T>, D::Error>
    where
        T: From<Vec<u8>>,
        D: Deserializer<'de>,
    {
        Option::<String>::deserialize(deserializer)?
            .map(|text| decode(&text).map(T::from).map_err(D::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_variants() {
        let want = vec![0xfb, 0xff, 0xfe];
        assert_eq!(decode("+//+").ok(), Some(want.clone()));
        assert_eq!(decode("-__-").ok(), Some(want));
        assert_eq!(decode("aGk").ok(), Some(b"hi".to_vec()));
        assert_eq!(decode("aG\nk=").ok(), Some(b"hi".to_vec()));
        assert!(decode("!!!").is_err());
    }
}
