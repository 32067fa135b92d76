//! RFC 9535 JSONPath queries, checked at compile time: the grammar (section 2 and its
//! appendix A) and the well-typedness of the five standard functions (section 2.4.3), so a
//! criterion the compiler accepts is one the runtime's parser (`serde_json_path`) accepts too.
//! Only the answer (and where a query goes wrong) is needed here, so nothing is built.

/// Where a query goes wrong: a byte offset into it and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonPathError {
    pub(crate) offset: usize,
    pub(crate) message: String,
}

/// How deep filters, parentheses and function calls may nest.
const MAX_DEPTH: usize = 64;

/// The largest index or slice bound (I-JSON's exact integers, RFC 9535 section 2.1).
const MAX_INT: i64 = (1 << 53) - 1;

/// Checks `query`, a whole RFC 9535 query (`$…`).
pub(crate) fn check(query: &str) -> Result<(), JsonPathError> {
    let mut p = Parser {
        s: query.as_bytes(),
        text: query,
        i: 0,
        depth: 0,
    };
    p.expect(b'$', "a query starts with `$`")?;
    p.segments()?;
    if p.i < p.s.len() {
        return p.fail("unexpected text after the query");
    }
    Ok(())
}

/// What an expression gives (RFC 9535 section 2.4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    /// A JSON value or nothing: literals, singular queries, `length`, `count`, `value`.
    Value,
    /// True or false: `match`, `search`, logical expressions.
    Logical,
    /// A node list: queries.
    Nodes { singular: bool },
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn fail<T>(&self, message: impl Into<String>) -> Result<T, JsonPathError> {
        Err(JsonPathError {
            offset: self.i.min(self.s.len()),
            message: message.into(),
        })
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        self.s.get(self.i + n).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn eat_str(&mut self, s: &str) -> bool {
        if self.s[self.i..].starts_with(s.as_bytes()) {
            self.i += s.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, b: u8, message: &str) -> Result<(), JsonPathError> {
        if self.eat(b) {
            Ok(())
        } else {
            self.fail(message)
        }
    }

    /// Blank space (`S`): spaces, tabs, line feeds, carriage returns.
    fn blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn enter(&mut self) -> Result<(), JsonPathError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.fail(format!("nested more than {MAX_DEPTH} deep"));
        }
        Ok(())
    }

    /// The character at the cursor (the text is UTF-8, so this is a whole character).
    fn char_here(&self) -> Option<char> {
        self.text.get(self.i..).and_then(|t| t.chars().next())
    }

    /// `*(S segment)`; whether every segment selected at most one node (a singular query).
    fn segments(&mut self) -> Result<bool, JsonPathError> {
        let mut singular = true;
        loop {
            let save = self.i;
            self.blank();
            match self.peek() {
                Some(b'.') if self.peek_at(1) == Some(b'.') && self.i > save => {
                    // RFC 9535 allows it; the runtime's parser does not.
                    return self
                        .fail("no blank space before `..` (the runtime's parser refuses it)");
                }
                Some(b'.') if self.peek_at(1) == Some(b'.') => {
                    self.i += 2;
                    singular = false;
                    match self.peek() {
                        Some(b'*') => self.i += 1,
                        Some(b'[') => {
                            self.bracketed()?;
                        }
                        _ => self.member_name()?,
                    }
                }
                Some(b'.') => {
                    self.i += 1;
                    if self.eat(b'*') {
                        singular = false;
                    } else {
                        self.member_name()?;
                    }
                }
                Some(b'[') => {
                    if !self.bracketed()? {
                        singular = false;
                    }
                }
                _ => {
                    // Blank space belongs to what follows the query, not to it.
                    self.i = save;
                    return Ok(singular);
                }
            }
        }
    }

    /// `member-name-shorthand`: a letter, `_` or non-ASCII, then those or digits.
    fn member_name(&mut self) -> Result<(), JsonPathError> {
        let first = |c: char| c.is_ascii_alphabetic() || c == '_' || !c.is_ascii();
        match self.char_here() {
            Some(c) if first(c) => self.i += c.len_utf8(),
            _ => return self.fail("expected a member name, `*` or `[` after `.`"),
        }
        while let Some(c) = self.char_here() {
            if first(c) || c.is_ascii_digit() {
                self.i += c.len_utf8();
            } else {
                break;
            }
        }
        Ok(())
    }

    /// `[ selector, … ]`; whether it is one name or index selector (singular).
    fn bracketed(&mut self) -> Result<bool, JsonPathError> {
        self.expect(b'[', "expected `[`")?;
        let mut count = 0;
        let mut singular = true;
        loop {
            self.blank();
            singular &= self.selector()?;
            count += 1;
            self.blank();
            if self.eat(b',') {
                continue;
            }
            self.expect(b']', "expected `,` or `]` after a selector")?;
            return Ok(singular && count == 1);
        }
    }

    /// One selector; whether it selects at most one node.
    fn selector(&mut self) -> Result<bool, JsonPathError> {
        match self.peek() {
            Some(b'\'' | b'"') => {
                self.string()?;
                Ok(true)
            }
            Some(b'*') => {
                self.i += 1;
                Ok(false)
            }
            Some(b'?') => {
                self.i += 1;
                self.blank();
                self.enter()?;
                self.logical_or()?;
                self.depth -= 1;
                Ok(false)
            }
            Some(b'-' | b'0'..=b'9' | b':') => self.index_or_slice(),
            _ => self.fail("expected a selector: a name in quotes, `*`, an index, a slice or `?`"),
        }
    }

    /// An index or a slice (`start:end:step`, each optional); whether it is an index.
    fn index_or_slice(&mut self) -> Result<bool, JsonPathError> {
        let int_next = |p: &Self| matches!(p.peek(), Some(b'-' | b'0'..=b'9'));
        if int_next(self) {
            self.int()?;
            self.blank();
        }
        if !self.eat(b':') {
            return Ok(true);
        }
        self.blank();
        if int_next(self) {
            self.int()?;
            self.blank();
        }
        if self.eat(b':') {
            self.blank();
            if int_next(self) {
                self.int()?;
            }
        }
        Ok(false)
    }

    /// `int`: `0`, or an optional `-` and digits without a leading zero, within I-JSON's range.
    fn int(&mut self) -> Result<i64, JsonPathError> {
        let start = self.i;
        let negative = self.eat(b'-');
        match self.peek() {
            Some(b'0') => {
                self.i += 1;
                if negative {
                    self.i = start;
                    return self.fail("`-0` is not an integer here");
                }
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    self.i = start;
                    return self.fail("an integer has no leading zero");
                }
                return Ok(0);
            }
            Some(b'1'..=b'9') => {}
            _ => return self.fail("expected digits"),
        }
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        let digits = &self.text[start..self.i];
        match digits.parse::<i64>() {
            Ok(n) if (-MAX_INT..=MAX_INT).contains(&n) => Ok(n),
            _ => {
                self.i = start;
                self.fail(format!(
                    "{digits} is outside the exact integers (±(2^53 - 1))"
                ))
            }
        }
    }

    /// A string literal in single or double quotes, with JSON's escapes (and `\'` in single
    /// quotes); surrogates only as a high-low pair.
    fn string(&mut self) -> Result<(), JsonPathError> {
        let quote = match self.peek() {
            Some(q @ (b'\'' | b'"')) => q,
            _ => return self.fail("expected a string"),
        };
        self.i += 1;
        loop {
            let Some(c) = self.char_here() else {
                return self.fail("the string is not closed");
            };
            match c {
                '\\' => {
                    self.i += 1;
                    match self.peek() {
                        Some(b'b' | b'f' | b'n' | b'r' | b't' | b'/' | b'\\') => self.i += 1,
                        Some(q) if q == quote => self.i += 1,
                        Some(b'u') => {
                            self.i += 1;
                            // The runtime's parser (serde_json_path 0.7) reads a high surrogate
                            // only when it starts `\uD`; `\ud83d…` is a lone surrogate to it.
                            let lower_d = self.peek() == Some(b'd');
                            let unit = self.hex4()?;
                            if lower_d && (0xD800..=0xDBFF).contains(&unit) {
                                return self.fail(
                                    "write a high surrogate as `\\uD…` (upper-case D): the runtime reads `\\ud…` as a lone surrogate",
                                );
                            }
                            if (0xDC00..=0xDFFF).contains(&unit) {
                                return self.fail("a low surrogate without a high one");
                            }
                            if (0xD800..=0xDBFF).contains(&unit) {
                                if !self.eat_str("\\u") {
                                    return self.fail("a high surrogate without a low one");
                                }
                                let low = self.hex4()?;
                                if !(0xDC00..=0xDFFF).contains(&low) {
                                    return self.fail("a high surrogate without a low one");
                                }
                            }
                        }
                        _ => return self.fail("not an escape of a JSONPath string"),
                    }
                }
                c if c == char::from(quote) => {
                    self.i += 1;
                    return Ok(());
                }
                c if (c as u32) < 0x20 => {
                    return self.fail("a control character must be escaped in a string");
                }
                c => self.i += c.len_utf8(),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonPathError> {
        let digits = self.text.get(self.i..self.i + 4).unwrap_or("");
        match u32::from_str_radix(digits, 16) {
            Ok(n) if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.i += 4;
                Ok(n)
            }
            _ => self.fail("`\\u` needs four hex digits"),
        }
    }

    /// `logical-or-expr`.
    fn logical_or(&mut self) -> Result<(), JsonPathError> {
        self.joined("||", Self::logical_and)
    }

    /// `logical-and-expr`.
    fn logical_and(&mut self) -> Result<(), JsonPathError> {
        self.joined("&&", Self::basic)
    }

    /// One or more `operand`s joined by `op` (blank space allowed around it).
    fn joined(
        &mut self,
        op: &str,
        operand: fn(&mut Self) -> Result<(), JsonPathError>,
    ) -> Result<(), JsonPathError> {
        operand(self)?;
        loop {
            let save = self.i;
            self.blank();
            if !self.eat_str(op) {
                self.i = save;
                return Ok(());
            }
            self.blank();
            operand(self)?;
        }
    }

    /// `basic-expr`: a parenthesised expression, a comparison or a test, each maybe negated.
    fn basic(&mut self) -> Result<(), JsonPathError> {
        if self.eat(b'!') {
            self.blank();
            if self.eat(b'(') {
                return self.paren();
            }
            // A negated test: a query or a function whose result is logical or nodes.
            let at = self.i;
            let ty = self.operand()?;
            return self.as_test(ty, at);
        }
        if self.eat(b'(') {
            return self.paren();
        }
        let at = self.i;
        let ty = self.operand()?;
        let save = self.i;
        self.blank();
        let op = ["==", "!=", "<=", ">=", "<", ">"]
            .into_iter()
            .find(|op| self.s[self.i..].starts_with(op.as_bytes()));
        match op {
            Some(op) => {
                self.comparable(ty, at)?;
                self.i += op.len();
                self.blank();
                let right = self.i;
                let ty = self.operand()?;
                self.comparable(ty, right)
            }
            None => {
                self.i = save;
                self.as_test(ty, at)
            }
        }
    }

    fn paren(&mut self) -> Result<(), JsonPathError> {
        self.enter()?;
        self.blank();
        self.logical_or()?;
        self.blank();
        self.expect(b')', "expected `)`")?;
        self.depth -= 1;
        Ok(())
    }

    /// A test expression must give a logical value or nodes (a literal or `length(…)` alone is
    /// not a test).
    fn as_test(&mut self, ty: Ty, at: usize) -> Result<(), JsonPathError> {
        match ty {
            Ty::Logical | Ty::Nodes { .. } => Ok(()),
            Ty::Value => {
                self.i = at;
                self.fail("this is a value, not a test: compare it with something")
            }
        }
    }

    /// One side of a comparison must be a value: a literal, a singular query or a function
    /// that gives a value.
    fn comparable(&mut self, ty: Ty, at: usize) -> Result<(), JsonPathError> {
        match ty {
            Ty::Value | Ty::Nodes { singular: true } => Ok(()),
            Ty::Nodes { singular: false } => {
                self.i = at;
                self.fail("a query compared with something must select at most one node (names and indices only)")
            }
            Ty::Logical => {
                self.i = at;
                self.fail("a function that gives true or false cannot be compared")
            }
        }
    }

    /// A literal, a query (`@…` or `$…`) or a function call.
    fn operand(&mut self) -> Result<Ty, JsonPathError> {
        match self.peek() {
            Some(b'@' | b'$') => {
                self.i += 1;
                let singular = self.segments()?;
                Ok(Ty::Nodes { singular })
            }
            Some(b'\'' | b'"') => {
                self.string()?;
                Ok(Ty::Value)
            }
            Some(b'-' | b'0'..=b'9') => {
                self.number()?;
                Ok(Ty::Value)
            }
            Some(b'a'..=b'z') => {
                for word in ["true", "false", "null"] {
                    let end = self.i + word.len();
                    if self.s[self.i..].starts_with(word.as_bytes())
                        && !matches!(
                            self.s.get(end),
                            Some(b'a'..=b'z' | b'0'..=b'9' | b'_' | b'(')
                        )
                    {
                        self.i = end;
                        return Ok(Ty::Value);
                    }
                }
                self.function()
            }
            _ => self.fail("expected a query, a literal or a function"),
        }
    }

    /// A number literal: `int` or `-0`, then an optional fraction and exponent.
    fn number(&mut self) -> Result<(), JsonPathError> {
        let start = self.i;
        self.eat(b'-');
        match self.peek() {
            Some(b'0') => {
                self.i += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    self.i = start;
                    return self.fail("a number has no leading zero");
                }
            }
            Some(b'1'..=b'9') => {
                while matches!(self.peek(), Some(b'0'..=b'9')) {
                    self.i += 1;
                }
            }
            _ => return self.fail("expected digits"),
        }
        if self.eat(b'.') {
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.fail("expected digits after `.`");
            }
            while matches!(self.peek(), Some(b'0'..=b'9')) {
                self.i += 1;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.fail("expected digits in the exponent");
            }
            while matches!(self.peek(), Some(b'0'..=b'9')) {
                self.i += 1;
            }
        }
        Ok(())
    }

    /// A call of one of the standard functions, its arguments checked against its parameters.
    fn function(&mut self) -> Result<Ty, JsonPathError> {
        let start = self.i;
        while matches!(self.peek(), Some(b'a'..=b'z' | b'0'..=b'9' | b'_')) {
            self.i += 1;
        }
        let name = &self.text[start..self.i];
        let (params, result): (&[Param], Ty) = match name {
            "length" => (&[Param::Value], Ty::Value),
            "count" => (&[Param::Nodes], Ty::Value),
            "value" => (&[Param::Nodes], Ty::Value),
            "match" | "search" => (&[Param::Value, Param::Value], Ty::Logical),
            _ => {
                self.i = start;
                return self.fail(format!(
                    "unknown function `{name}`: RFC 9535 has length, count, match, search and value"
                ));
            }
        };
        if !self.eat(b'(') {
            return self.fail(format!("expected `(` after `{name}`"));
        }
        self.enter()?;
        self.blank();
        let mut given = 0;
        if !self.eat(b')') {
            loop {
                let at = self.i;
                let ty = self.operand()?;
                if let Some(param) = params.get(given) {
                    let fits = match param {
                        Param::Value => matches!(ty, Ty::Value | Ty::Nodes { singular: true }),
                        Param::Nodes => matches!(ty, Ty::Nodes { .. }),
                    };
                    if !fits {
                        self.i = at;
                        return self.fail(match param {
                            Param::Value => format!(
                                "argument {} of `{name}` must be a value: a literal, a query of at most one node or a function that gives a value",
                                given + 1
                            ),
                            Param::Nodes => format!("argument {} of `{name}` must be a query", given + 1),
                        });
                    }
                }
                given += 1;
                self.blank();
                if self.eat(b',') {
                    self.blank();
                    continue;
                }
                self.expect(b')', "expected `,` or `)` in the arguments")?;
                break;
            }
        }
        self.depth -= 1;
        if given != params.len() {
            self.i = start;
            return self.fail(format!(
                "`{name}` takes {} argument(s), not {given}",
                params.len()
            ));
        }
        Ok(result)
    }
}

/// What a standard function's parameter takes.
enum Param {
    Value,
    Nodes,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Queries RFC 9535 accepts, from its examples and the corner cases of its grammar.
    pub(crate) const VALID: &[&str] = &[
        "$",
        "$.store.book[*].author",
        "$..author",
        "$.store.*",
        "$.store..price",
        "$..book[2]",
        "$..book[-1]",
        "$..book[0,1]",
        "$..book[:2]",
        "$..book[?@.isbn]",
        "$..book[?@.price<10]",
        "$..*",
        "$['store']['book'][0]",
        "$[\"a\\\"b\"]",
        "$['a\\'b']",
        "$['\\u00e9']",
        "$['\\uD83D\\uDE00']",
        "$['\\u00E9']",
        "$[1:3]",
        "$[5:]",
        "$[1:5:2]",
        "$[5:1:-2]",
        "$[::-1]",
        "$[::]",
        "$[ 1 : 3 ]",
        "$[ 'a' , 1 ]",
        "$ .a",
        "$.é",
        "$._a1",
        "$[?@.a == 'b']",
        "$[?(@.a == 1)]",
        "$[?!@.a]",
        "$[?!(@.a == 1)]",
        "$[?@.a && @.b || @.c]",
        "$[?@.a == -0]",
        "$[?@.a == 1.5e-3]",
        "$[?@.a == 1E+2]",
        "$[?@.a == true]",
        "$[?@.a != null]",
        "$[?@.a <= $.b]",
        "$[?@['a'][0] > 1]",
        "$[?length(@.a) > 2]",
        "$[?length(@) == 1]",
        "$[?count(@.*) == 1]",
        "$[?count(@..a) > 0]",
        "$[?value(@..a) == 1]",
        "$[?match(@.date, '1974-05-..')]",
        "$[?search(@.author, '[BR]ob')]",
        "$[?!match(@.a, 'x')]",
        "$[?@.a == length('abc')]",
        "$[?@[?@.b]]",
        "$.a[?@.b == $.c[0]]",
        "$[0]",
        "$[-9007199254740991]",
        "$[9007199254740991]",
    ];

    /// Queries it refuses.
    pub(crate) const INVALID: &[&str] = &[
        "",
        "a",
        "$.",
        "$..",
        "$.1a",
        "$[",
        "$[]",
        "$[01]",
        "$[-0]",
        "$[9007199254740992]",
        "$[1:2:3:4]",
        "$['a]",
        "$['\\q']",
        "$['\\ud83d']",
        "$['\\ud83d\\ude00']",
        "$['\\ude00']",
        "$[?@.a = 1]",
        "$[?1]",
        "$[?'a']",
        "$[?length(@.a)]",
        "$[?count(@.a) == 1 == 2]",
        "$[?@.* == 1]",
        "$[?@..a == 1]",
        "$[?@[0,1] == 1]",
        "$[?match(@.a, 'x') == true]",
        "$[?nosuch(@.a)]",
        "$[?length(@.*) == 1]",
        "$[?count(1) == 1]",
        "$[?length(@.a, 1) == 1]",
        "$[?@.a == 01]",
        "$[?@.a == 1.]",
        "$[?@.a == .5]",
        "$[?@.a == True]",
        "$.a b",
        "$[?(@.a == 1]",
        "$[?@.a &&]",
    ];

    #[test]
    fn the_grammar_and_the_function_types() {
        for q in VALID {
            assert_eq!(check(q), Ok(()), "{q}");
        }
        for q in INVALID {
            assert!(check(q).is_err(), "{q} was accepted");
        }
    }

    /// The runtime parses criteria with `serde_json_path`: every query this check accepts, it
    /// must accept too (else a criterion compiles and never holds), and the other way round.
    #[test]
    fn agrees_with_the_runtime_parser() {
        let differ: Vec<String> = VALID
            .iter()
            .chain(INVALID)
            .filter_map(|q| {
                let runtime = serde_json_path::JsonPath::parse(q).is_ok();
                (check(q).is_ok() != runtime).then(|| format!("{q} (serde_json_path: {runtime})"))
            })
            .collect();
        assert!(differ.is_empty(), "{differ:#?}");
    }

    /// Many queries made of JSONPath's pieces (most of them wrong, some right), each checked
    /// against the runtime's parser: any disagreement is listed.
    #[test]
    fn agrees_with_the_runtime_parser_on_generated_queries() {
        const PIECES: &[&str] = &[
            "$",
            "@",
            ".",
            "..",
            "[",
            "]",
            "?",
            "*",
            "'a'",
            "\"b\"",
            "1",
            "-1",
            "0",
            "01",
            ":",
            ",",
            "==",
            "<",
            ">=",
            "&&",
            "||",
            "!",
            "(",
            ")",
            "a",
            "_b",
            " ",
            "length(",
            "count(",
            "match(",
            "value(",
            "true",
            "null",
            "1.5",
            "-0",
            "e2",
            "'\\u00e9'",
        ];
        let mut seed: u64 = 0x5eed;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let mut differ = Vec::new();
        for _ in 0..50_000 {
            let mut q = String::from("$");
            for _ in 0..next() % 10 {
                q.push_str(PIECES[next() % PIECES.len()]);
            }
            let runtime = serde_json_path::JsonPath::parse(&q).is_ok();
            if check(&q).is_ok() != runtime && differ.len() < 20 {
                differ.push(format!("{q} (serde_json_path: {runtime})"));
            }
        }
        assert!(differ.is_empty(), "{differ:#?}");
    }

    #[test]
    fn errors_say_where() {
        let e = check("$.a[?length(@.*) == 1]").unwrap_err();
        assert_eq!(e.offset, 12, "{e:?}");
        assert!(e.message.contains("argument 1 of `length`"), "{e:?}");
        let e = check("$[?@.a == 1").unwrap_err();
        assert_eq!(e.offset, 11, "{e:?}");
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!("$[?{}@.a{}]", "(".repeat(200), ")".repeat(200));
        let e = check(&deep).unwrap_err();
        assert!(e.message.contains("nested"), "{e:?}");
    }
}
