//! Turning wire names into valid, readable, unique Rust identifiers.

use crate::load::positions::{FastMap, FastSet};

use heck::{ToSnakeCase, ToUpperCamelCase};

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "union",
];

/// Whether `s` is a Rust keyword of the 2024 edition, strict or reserved (`gen` included): not
/// a name a crate or an identifier can have without `r#`.
pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s) || s == "_"
}

/// Type names a generated module must not define: the prelude's and the module's own.
const RESERVED_TYPES: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "ToString",
    "ToOwned",
    "Default",
    "Clone",
    "Copy",
    "Send",
    "Sync",
    "Sized",
    "Fn",
    "FnMut",
    "FnOnce",
    "Iterator",
    "IntoIterator",
    "Eq",
    "PartialEq",
    "Ord",
    "PartialOrd",
    "From",
    "Into",
    "Drop",
    "Client",
    "ClientBuilder",
    "Self",
    "Unpin",
    "AsRef",
    "AsMut",
    "TryFrom",
    "TryInto",
];

fn clean(raw: &str) -> String {
    // Keep letters and digits; everything else separates words. Leading `$`/`@`/`+`/`-` become
    // words so `+1` and `-1` (common enum values) stay distinct.
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '+' => out.push_str(" plus "),
            '-' if out.trim().is_empty() => out.push_str(" minus "),
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out
}

/// `UpperCamelCase` type or variant name.
pub fn type_name(raw: &str) -> String {
    let mut s: String = clean(raw)
        .to_upper_camel_case()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if s.is_empty() {
        s = "Value".into();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, 'V');
    }
    if RESERVED_TYPES.contains(&s.as_str()) {
        s.push_str("Type");
    }
    s
}

/// `UpperCamelCase` enum variant name: variants live in their enum's namespace, so only `Self`
/// needs avoiding.
pub fn variant_name(raw: &str) -> String {
    let mut s: String = clean(raw)
        .to_upper_camel_case()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if s.is_empty() {
        s = "Value".into();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, 'V');
    }
    if s == "Self" {
        s.push_str("Value");
    }
    s
}

/// `snake_case` field, function or module name.
pub fn snake_name(raw: &str) -> String {
    let mut s: String = clean(raw)
        .to_snake_case()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if s.is_empty() {
        s = "value".into();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    if KEYWORDS.contains(&s.as_str()) {
        s.push('_');
    }
    s
}

/// Hands out names that are unique within one scope by appending `2`, `3`, …
#[derive(Debug, Default, Clone)]
pub struct Unique {
    taken: FastSet<String>,
    /// Per base, the counter to try next, so claiming the same base n times is O(n), not O(n²).
    next: FastMap<String, u32>,
}

impl Unique {
    /// Marks `name` as taken without returning it.
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_owned());
    }

    /// Like [`Self::claim`], for a name that comes with companions (`name` + each suffix):
    /// the first candidate that is free with all of them; all are then taken.
    pub fn claim_with(&mut self, base: &str, companions: &[&str]) -> String {
        let free = |taken: &FastSet<String>, name: &str| {
            !taken.contains(name)
                && companions
                    .iter()
                    .all(|c| !taken.contains(&format!("{name}{c}")))
        };
        let name = if free(&self.taken, base) {
            base.to_owned()
        } else {
            let sep = if base.ends_with(|c: char| c.is_ascii_digit()) || base.contains('_') {
                "_"
            } else {
                ""
            };
            let next = self.next.entry(base.to_owned()).or_insert(2);
            loop {
                let candidate = format!("{base}{sep}{next}");
                *next += 1;
                if free(&self.taken, &candidate) {
                    break candidate;
                }
            }
        };
        self.taken.insert(name.clone());
        for c in companions {
            self.taken.insert(format!("{name}{c}"));
        }
        name
    }

    /// `base` if free, else `base2`, `base3`, … (with `_` for snake names).
    pub fn claim(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_owned()) {
            return base.to_owned();
        }
        let sep = if base.ends_with(|c: char| c.is_ascii_digit()) || base.contains('_') {
            "_"
        } else {
            ""
        };
        let next = self.next.entry(base.to_owned()).or_insert(2);
        loop {
            let candidate = format!("{base}{sep}{next}");
            *next += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// The name among `candidates` that `name` is most likely a typo of: the fewest single-character
/// edits (ignoring case), at most a third of the name's length and at least one. Names longer
/// than 128 characters are not compared (the distance is quadratic in the length).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    const LONGEST: usize = 128;
    let a: Vec<char> = name.to_lowercase().chars().collect();
    if a.len() > LONGEST {
        return None;
    }
    let limit = (a.len() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        let b: Vec<char> = c.to_lowercase().chars().collect();
        if b.len() > LONGEST || c == name || b.len().abs_diff(a.len()) > limit {
            continue;
        }
        let d = edit_distance(&a, &b);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance, one row at a time.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_and_its_companions_are_claimed_together() {
        let mut u = Unique::default();
        assert_eq!(
            u.claim_with("remove_friend_request", &["_request"]),
            "remove_friend_request"
        );
        // `remove_friend`'s companion `remove_friend_request` is taken.
        assert_eq!(
            u.claim_with("remove_friend", &["_request"]),
            "remove_friend_2"
        );
        assert_eq!(
            u.claim("remove_friend_2_request"),
            "remove_friend_2_request_2"
        );
    }

    #[test]
    fn closest_names_are_likely_typos_only() {
        let names = ["enableSync", "getSyncStatus", "pullRecords"];
        assert_eq!(closest("enabelSync", names), Some("enableSync"));
        assert_eq!(closest("pullrecords", names), Some("pullRecords"));
        assert_eq!(closest("getStatus", names), None);
        assert_eq!(closest("x", names), None);
        assert_eq!(closest(&"a".repeat(200), names), None);
        assert_eq!(edit_distance(&['a', 'b'], &[]), 2);
    }

    #[test]
    fn identifiers_are_valid_and_readable() {
        assert_eq!(type_name("workflow-execution"), "WorkflowExecution");
        assert_eq!(
            type_name("io.k8s.api.apps.v1.Deployment"),
            "IoK8sApiAppsV1Deployment"
        );
        assert_eq!(type_name("200"), "V200");
        assert_eq!(type_name("Option"), "OptionType");
        assert_eq!(type_name("+1"), "Plus1");
        assert_eq!(type_name("-1"), "Minus1");
        assert_eq!(type_name(""), "Value");
        assert_eq!(snake_name("nextLink"), "next_link");
        assert_eq!(snake_name("type"), "type_");
        assert_eq!(snake_name("$ref"), "ref_");
        assert_eq!(snake_name("2fa"), "_2fa");
        assert_eq!(snake_name("X-Rate-Limit"), "x_rate_limit");
    }

    #[test]
    fn unique_appends_counters() {
        let mut u = Unique::default();
        assert_eq!(u.claim("Pet"), "Pet");
        assert_eq!(u.claim("Pet"), "Pet2");
        assert_eq!(u.claim("get_pet"), "get_pet");
        assert_eq!(u.claim("get_pet"), "get_pet_2");
        assert_eq!(u.claim("V1"), "V1");
        assert_eq!(u.claim("V1"), "V1_2");
    }
}
