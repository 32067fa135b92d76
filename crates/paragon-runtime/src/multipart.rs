//! `multipart/form-data` bodies (RFC 7578) with typed parts: text, JSON and files.
//!
//! The body is encoded to bytes when the request is built rather than streamed through
//! reqwest's `multipart::Form`, because a form stream cannot be sent twice and the client
//! resends a request after a 429 or 503. Files are therefore held in memory ([`FilePart`]).

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A file to upload: its bytes, and optionally its name and media type.
///
/// In a saved workflow state or any other JSON it is `{"bytes": "<base64>", "fileName": …,
/// "contentType": …}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FilePart {
    /// The content.
    #[serde(with = "crate::base64_bytes")]
    pub bytes: Vec<u8>,
    /// The `filename` of the part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// The part's `Content-Type` [default: `application/octet-stream`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
}

impl FilePart {
    /// A file of these bytes, with no name.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self {
            bytes: bytes.into(),
            file_name: None,
            content_type: None,
        }
    }

    /// Names the file.
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// Sets the part's media type.
    pub fn content_type(mut self, media_type: impl Into<String>) -> Self {
        self.content_type = Some(media_type.into());
        self
    }
}

struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    body: Bytes,
}

/// A `multipart/form-data` body being built; see [`crate::RequestBuilder::multipart`].
#[derive(Default)]
pub struct Multipart {
    parts: Vec<Part>,
    error: Option<String>,
}

impl std::fmt::Debug for Multipart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Multipart")
            .field(
                "parts",
                &self.parts.iter().map(|p| &p.name).collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl Multipart {
    /// No parts yet.
    pub fn new() -> Self {
        Self::default()
    }

    fn push(&mut self, name: &str, content_type: Option<&str>, body: Bytes) {
        self.parts.push(Part {
            name: name.to_owned(),
            file_name: None,
            content_type: content_type.map(str::to_owned),
            body,
        });
    }

    /// A text part per scalar: strings as they are, numbers and booleans in their usual form.
    /// `null` (so `None`) adds nothing; an array adds one part per element; an object, or an
    /// array element that is not a scalar, is a JSON part.
    pub fn text<T: Serialize + ?Sized>(mut self, name: &str, value: &T) -> Self {
        match serde_json::to_value(value) {
            Ok(Value::Array(items)) => {
                for item in &items {
                    self.text_value(name, item);
                }
            }
            Ok(v) => self.text_value(name, &v),
            Err(e) => self.error = Some(format!("cannot serialize part `{name}`: {e}")),
        }
        self
    }

    fn text_value(&mut self, name: &str, v: &Value) {
        match crate::params::scalar(v) {
            Some(text) => self.push(name, None, Bytes::from(text)),
            None if v.is_null() => {}
            None => self.push(name, Some("application/json"), Bytes::from(v.to_string())),
        }
    }

    /// A JSON part (`Content-Type: application/json`); `null` adds nothing.
    pub fn json<T: Serialize + ?Sized>(mut self, name: &str, value: &T) -> Self {
        match serde_json::to_value(value) {
            Ok(Value::Null) => {}
            Ok(v) => self.push(name, Some("application/json"), Bytes::from(v.to_string())),
            Err(e) => self.error = Some(format!("cannot serialize part `{name}`: {e}")),
        }
        self
    }

    /// A part per member of `value`'s JSON object (text for scalars and lists of them, JSON
    /// otherwise); anything but an object is one JSON part named `body`.
    pub fn fields<T: Serialize + ?Sized>(mut self, value: &T) -> Self {
        match serde_json::to_value(value) {
            Ok(Value::Object(map)) => {
                for (k, v) in &map {
                    match v {
                        Value::Array(items) => {
                            for item in items {
                                self.text_value(k, item);
                            }
                        }
                        other => self.text_value(k, other),
                    }
                }
            }
            Ok(Value::Null) => {}
            Ok(other) => self.push(
                "body",
                Some("application/json"),
                Bytes::from(other.to_string()),
            ),
            Err(e) => self.error = Some(format!("cannot serialize the multipart body: {e}")),
        }
        self
    }

    /// A file part.
    pub fn file(mut self, name: &str, file: &FilePart) -> Self {
        self.parts.push(Part {
            name: name.to_owned(),
            file_name: Some(file.file_name.clone().unwrap_or_else(|| name.to_owned())),
            content_type: Some(
                file.content_type
                    .clone()
                    .unwrap_or_else(|| "application/octet-stream".into()),
            ),
            body: Bytes::copy_from_slice(&file.bytes),
        });
        self
    }

    /// A file part when there is a file.
    pub fn file_opt(self, name: &str, file: Option<&FilePart>) -> Self {
        match file {
            Some(f) => self.file(name, f),
            None => self,
        }
    }

    /// Files, one part each.
    pub fn files(self, name: &str, files: &[FilePart]) -> Self {
        files.iter().fold(self, |m, f| m.file(name, f))
    }

    /// Sets the media type of the parts added under `name` so far (the request body's
    /// `encoding.<name>.contentType`).
    pub fn content_type(mut self, name: &str, media_type: &str) -> Self {
        for p in self.parts.iter_mut().filter(|p| p.name == name) {
            p.content_type = Some(media_type.to_owned());
        }
        self
    }

    /// The `Content-Type` header value and the body.
    pub(crate) fn encode(self) -> Result<(String, Bytes), String> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let boundary = boundary(&self.parts);
        let mut out = Vec::new();
        for p in &self.parts {
            out.extend_from_slice(b"--");
            out.extend_from_slice(boundary.as_bytes());
            out.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
            out.extend_from_slice(quoted(&p.name).as_bytes());
            out.push(b'"');
            if let Some(f) = &p.file_name {
                out.extend_from_slice(b"; filename=\"");
                out.extend_from_slice(quoted(f).as_bytes());
                out.push(b'"');
            }
            out.extend_from_slice(b"\r\n");
            if let Some(ct) = &p.content_type {
                if ct.bytes().any(|b| b == b'\r' || b == b'\n') {
                    return Err(format!("invalid content type for part `{}`", p.name));
                }
                out.extend_from_slice(b"Content-Type: ");
                out.extend_from_slice(ct.as_bytes());
                out.extend_from_slice(b"\r\n");
            }
            out.extend_from_slice(b"\r\n");
            out.extend_from_slice(&p.body);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"--");
        out.extend_from_slice(boundary.as_bytes());
        out.extend_from_slice(b"--\r\n");
        Ok((
            format!("multipart/form-data; boundary={boundary}"),
            Bytes::from(out),
        ))
    }
}

/// A name in a `Content-Disposition` header, with `"`, CR and LF percent-encoded as the HTML
/// standard does.
fn quoted(s: &str) -> String {
    s.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A boundary that occurs in no part: derived from the parts' lengths and a counter, lengthened
/// until no part contains it.
fn boundary(parts: &[Part]) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    for p in parts {
        h.write_usize(p.body.len());
    }
    let mut candidate = format!("paragon-{:016x}", h.finish());
    let mut n = 0u32;
    while parts
        .iter()
        .any(|p| contains(&p.body, candidate.as_bytes()))
    {
        n += 1;
        candidate = format!("{candidate}{n:x}");
    }
    candidate
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.len() <= haystack.len() && haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_encoded_with_a_boundary_they_do_not_contain() {
        let (ct, body) = Multipart::new()
            .text("note", "hi")
            .text("n", &3)
            .text("skip", &None::<String>)
            .json("meta", &serde_json::json!({"a": 1}))
            .file(
                "file",
                &FilePart::new(b"\x00\x01paragon-".to_vec())
                    .file_name("a\"b.png")
                    .content_type("image/png"),
            )
            .encode()
            .unwrap();
        let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
        let text = String::from_utf8_lossy(&body);
        let expected = format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--{b}\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\n3\r\n--{b}\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{{\"a\":1}}\r\n--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a%22b.png\"\r\nContent-Type: image/png\r\n\r\n\u{0}\u{1}paragon-\r\n--{b}--\r\n",
            b = boundary
        );
        assert_eq!(text, expected);
    }

    #[test]
    fn a_file_part_round_trips_through_json() {
        let f = FilePart::new(vec![0, 255, 7]).file_name("x.bin");
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(json, r#"{"bytes":"AP8H","fileName":"x.bin"}"#);
        assert_eq!(serde_json::from_str::<FilePart>(&json).unwrap(), f);
    }
}
