//! `pattern`s are ECMA-262 regular expressions; the runtime matches them with the `regex`
//! crate. Where the two read the same text differently, the text is rewritten here, once,
//! when the schema is generated:
//!
//! - `\d`, `\w` (and `\D`, `\W`) are ASCII in ECMA-262 and Unicode in `regex`: written as
//!   ASCII classes;
//! - `\s` includes U+FEFF in ECMA-262: added;
//! - `.` stops at `\r`, U+2028 and U+2029 too in ECMA-262: written as that class;
//! - `\cX` (a control character) and `\/` have no `regex` spelling: written as the character;
//! - a `[` inside a class is a literal in ECMA-262 and a nested class in `regex`; so are `&&`
//!   and `~~`: escaped.
//!
//! What `regex` does not have at all (look-around, back-references) fails to compile; the
//! generator then warns that the pattern is not checked.

/// The `regex` spelling of an ECMA-262 pattern.
pub(crate) fn to_rust(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut in_class = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() => {
                let e = chars[i + 1];
                i += 2;
                let (inside, outside): (&str, &str) = match e {
                    'd' => ("0-9", "[0-9]"),
                    'D' => ("[^0-9]", "[^0-9]"),
                    'w' => ("0-9A-Za-z_", "[0-9A-Za-z_]"),
                    'W' => ("[^0-9A-Za-z_]", "[^0-9A-Za-z_]"),
                    's' => ("\\s\\x{FEFF}", "[\\s\\x{FEFF}]"),
                    'S' => ("[^\\s\\x{FEFF}]", "[^\\s\\x{FEFF}]"),
                    'c' if chars.get(i).is_some_and(char::is_ascii_alphabetic) => {
                        let code = (chars[i] as u32) % 32;
                        i += 1;
                        out.push_str(&format!("\\x{{{code:02X}}}"));
                        continue;
                    }
                    'u' if chars.get(i) == Some(&'{') => {
                        out.push_str("\\x");
                        continue;
                    }
                    'u' if chars.len() >= i + 4
                        && chars[i..i + 4].iter().all(char::is_ascii_hexdigit) =>
                    {
                        let hex: String = chars[i..i + 4].iter().collect();
                        i += 4;
                        out.push_str(&format!("\\x{{{hex}}}"));
                        continue;
                    }
                    '/' => ("/", "/"),
                    other => {
                        out.push('\\');
                        out.push(other);
                        continue;
                    }
                };
                out.push_str(if in_class { inside } else { outside });
                continue;
            }
            '[' if in_class => out.push_str("\\["),
            '[' => {
                in_class = true;
                out.push('[');
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                // `[]` matches nothing and `[^]` anything in ECMA-262; `regex` reads a `]`
                // right after the bracket as a literal.
                if chars.get(i + 1) == Some(&']') {
                    let negated = out.ends_with('^');
                    out.truncate(out.len() - if negated { 2 } else { 1 });
                    out.push_str(if negated { "[\\s\\S]" } else { "[^\\s\\S]" });
                    in_class = false;
                    i += 2;
                    continue;
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            '&' | '~' if in_class && chars.get(i + 1) == Some(&c) => {
                out.push('\\');
                out.push(c);
            }
            '.' if !in_class => out.push_str("[^\\n\\r\\x{2028}\\x{2029}]"),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, text: &str) -> bool {
        regex::Regex::new(&to_rust(pattern))
            .unwrap_or_else(|e| panic!("{pattern} → {}: {e}", to_rust(pattern)))
            .is_match(text)
    }

    #[test]
    fn ecma_classes_keep_their_ecma_meaning() {
        assert!(matches("^\\d+$", "123"));
        assert!(
            !matches("^\\d+$", "१२३"),
            "Devanagari digits are not \\d in ECMA-262"
        );
        assert!(!matches("^\\w$", "é"));
        assert!(matches("^[\\w-]+$", "a_b-c"));
        assert!(matches("^\\s$", "\u{feff}"));
        assert!(!matches("^.$", "\r"));
        assert!(matches("^\\cJ$", "\n"));
        assert!(matches("^\\u0041\\/$", "A/"));
        assert!(matches("^[[a]+$", "[a["));
        assert!(matches("^[a&&b]+$", "a&b"));
        assert!(!matches("^[]$", ""));
        assert!(matches("^[^]$", "x"));
        assert!(regex::Regex::new(&to_rust("(?=a)")).is_err());
    }
}
