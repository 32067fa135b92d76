//! Criterion conditions.
//!
//! - `simple`: the grammar of `criterion-condition.abnf` (literals, `== != < <= > >=`,
//!   `! && ||`, parentheses, `.member`/`[i]` navigation after a runtime expression).
//! - `jsonpath`: an RFC 9535 query (passes on a non-empty node list) **or** the comparison form
//!   the Paragon specs use, `$.status != 'SYNCING'`: a query, an operator, a literal. The
//!   comparison form passes when the query selects at least one node and every selected node
//!   satisfies the comparison; an empty node list fails (a missing `status` is not "not SYNCING").

use serde_json::Value;

use super::expr::{self, Expr, ExprError};

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// Navigation after a runtime expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Nav {
    /// `.name`
    Member(String),
    /// `[i]`
    Index(usize),
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// A literal.
    Lit(Value),
    /// A runtime expression with navigation.
    Expr {
        /// The expression.
        expr: Expr,
        /// Then these steps.
        nav: Vec<Nav>,
    },
}

/// A parsed `simple` condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// `a || b || …`
    Or(Vec<Cond>),
    /// `a && b && …`
    And(Vec<Cond>),
    /// `!a`
    Not(Box<Cond>),
    /// `a OP b`
    Cmp(Operand, CmpOp, Operand),
    /// A lone operand: true when it is `true` (a test expression).
    Test(Operand),
}

/// The deepest nesting of parentheses a `simple` condition may have. Real conditions nest two or
/// three levels; the parser recurses once per level, so this bounds its stack.
pub const MAX_CONDITION_DEPTH: usize = 32;

/// The most operands one `simple` condition may have. The emitted Rust is one `&&`/`||` chain,
/// which rustc and the formatter walk recursively; criteria of a step are already `&&`-ed, so a
/// longer condition can always be split into several criteria.
pub const MAX_CONDITION_OPERANDS: usize = 256;

struct P<'a> {
    s: &'a str,
    pos: usize,
    depth: usize,
    operands: usize,
}

fn err<T>(s: &str, pos: usize, message: impl Into<String>) -> Result<T, ExprError> {
    Err(ExprError {
        offset: s[..pos.min(s.len())].chars().count(),
        message: message.into(),
    })
}

impl<'a> P<'a> {
    fn at(s: &'a str, pos: usize) -> Self {
        P {
            s,
            pos,
            depth: 0,
            operands: 0,
        }
    }
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }
    fn ws(&mut self) {
        let n = self.rest().len()
            - self
                .rest()
                .trim_start_matches([' ', '\t', '\n', '\r'])
                .len();
        self.pos += n;
    }
    fn eat(&mut self, lit: &str) -> bool {
        if self.rest().starts_with(lit) {
            self.pos += lit.len();
            true
        } else {
            false
        }
    }
    fn or(&mut self) -> Result<Cond, ExprError> {
        let mut items = vec![self.and()?];
        loop {
            self.ws();
            if self.eat("||") {
                self.ws();
                items.push(self.and()?);
            } else {
                break;
            }
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Cond::Or(items)
        })
    }
    fn and(&mut self) -> Result<Cond, ExprError> {
        let mut items = vec![self.basic()?];
        loop {
            self.ws();
            if self.eat("&&") {
                self.ws();
                items.push(self.basic()?);
            } else {
                break;
            }
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Cond::And(items)
        })
    }
    fn basic(&mut self) -> Result<Cond, ExprError> {
        self.ws();
        let negated = if self.rest().starts_with('!') && !self.rest().starts_with("!=") {
            self.pos += 1;
            self.ws();
            true
        } else {
            false
        };
        let inner = if self.rest().starts_with('(') {
            if self.depth == MAX_CONDITION_DEPTH {
                return err(
                    self.s,
                    self.pos,
                    format!(
                        "parentheses nested more than {MAX_CONDITION_DEPTH} deep; \
                         split the condition into several criteria"
                    ),
                );
            }
            self.pos += 1;
            self.depth += 1;
            self.ws();
            let c = self.or()?;
            self.depth -= 1;
            self.ws();
            if !self.eat(")") {
                return err(self.s, self.pos, "expected `)`");
            }
            c
        } else {
            let left = self.operand()?;
            self.ws();
            match self.op() {
                Some(op) if !negated => {
                    self.ws();
                    let right = self.operand()?;
                    Cond::Cmp(left, op, right)
                }
                Some(_) => {
                    return err(
                        self.s,
                        self.pos,
                        "`!` applies to a test or a parenthesised condition; write `!(a == b)`",
                    );
                }
                None => Cond::Test(left),
            }
        };
        Ok(if negated {
            Cond::Not(Box::new(inner))
        } else {
            inner
        })
    }
    fn op(&mut self) -> Option<CmpOp> {
        for (lit, op) in [
            ("==", CmpOp::Eq),
            ("!=", CmpOp::Ne),
            ("<=", CmpOp::Le),
            (">=", CmpOp::Ge),
            ("<", CmpOp::Lt),
            (">", CmpOp::Gt),
        ] {
            if self.eat(lit) {
                return Some(op);
            }
        }
        None
    }
    fn operand(&mut self) -> Result<Operand, ExprError> {
        let start = self.pos;
        self.operands += 1;
        if self.operands > MAX_CONDITION_OPERANDS {
            return err(
                self.s,
                start,
                format!(
                    "more than {MAX_CONDITION_OPERANDS} operands in one condition; \
                     split it into several criteria (a step's criteria must all pass)"
                ),
            );
        }
        let rest = self.rest();
        if rest.starts_with('$') {
            let (e, n) = expr::parse_prefix(rest).map_err(|e| ExprError {
                offset: self.s[..start].chars().count() + e.offset,
                message: e.message,
            })?;
            self.pos += n;
            let mut nav = Vec::new();
            loop {
                if self.eat(".") {
                    let name: String = self
                        .rest()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    if name.is_empty() {
                        return err(self.s, self.pos, "expected a member name after `.`");
                    }
                    self.pos += name.len();
                    nav.push(Nav::Member(name));
                } else if self.rest().starts_with('[') {
                    let bracket = self.pos;
                    self.pos += 1;
                    let digits: String = self
                        .rest()
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .collect();
                    if digits.is_empty() {
                        return err(self.s, self.pos, "expected an index inside `[ ]`");
                    }
                    self.pos += digits.len();
                    if !self.eat("]") {
                        return err(self.s, self.pos, "expected `]`");
                    }
                    let Ok(i) = digits.parse() else {
                        return err(self.s, bracket, "index too large");
                    };
                    nav.push(Nav::Index(i));
                } else {
                    break;
                }
            }
            // The operand token must end here.
            if let Some(c) = self.rest().chars().next()
                && !(c.is_whitespace() || "!&()<=>|".contains(c))
            {
                return err(self.s, self.pos, format!("unexpected `{c}` in an operand"));
            }
            return Ok(Operand::Expr { expr: e, nav });
        }
        literal(self).map(Operand::Lit)
    }
}

fn literal(p: &mut P<'_>) -> Result<Value, ExprError> {
    let rest = p.rest();
    if rest.starts_with('\'') {
        let mut out = String::new();
        let mut chars = rest.char_indices().skip(1).peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\'' {
                if matches!(chars.peek(), Some((_, '\''))) {
                    chars.next();
                    out.push('\'');
                    continue;
                }
                p.pos += i + 1;
                return Ok(Value::String(out));
            }
            out.push(c);
        }
        return err(
            p.s,
            p.pos,
            "unterminated string literal (strings use single quotes)",
        );
    }
    for (word, v) in [
        ("true", Value::Bool(true)),
        ("false", Value::Bool(false)),
        ("null", Value::Null),
    ] {
        if rest.starts_with(word)
            && !rest[word.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        {
            p.pos += word.len();
            return Ok(v);
        }
    }
    let num: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || "+-.eE".contains(*c))
        .collect();
    if !num.is_empty() && is_number(&num) {
        if let Ok(i) = num.parse::<i64>() {
            p.pos += num.len();
            return Ok(Value::from(i));
        }
        if let Some(n) = num
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
        {
            p.pos += num.len();
            return Ok(Value::Number(n));
        }
    }
    if rest.starts_with('"') {
        return err(p.s, p.pos, "string literals use single quotes: 'text'");
    }
    err(
        p.s,
        p.pos,
        "expected a runtime expression (`$…`) or a literal (number, 'string', true, false, null)",
    )
}

/// RFC 9535 number: `(int / "-0") [frac] [exp]`.
fn is_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    i == b.len()
}

/// Parses a `simple` condition.
pub fn parse_simple(s: &str) -> Result<Cond, ExprError> {
    let mut p = P::at(s, 0);
    p.ws();
    if p.rest().is_empty() {
        return err(s, 0, "empty condition");
    }
    let c = p.or()?;
    p.ws();
    if !p.rest().is_empty() {
        return err(s, p.pos, format!("unexpected `{}`", p.rest()));
    }
    Ok(c)
}

/// A `jsonpath` criterion: either a plain query or `query OP literal`.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonPathCond {
    /// The RFC 9535 query.
    pub query: String,
    /// The comparison, when the condition has one.
    pub compare: Option<(CmpOp, Value)>,
}

/// A `jsonpath` condition that combines terms with `||` and `&&`, as other runners accept
/// (`$.items.length > 0 && '$inputs.action' == 'update'`): the terms of each `||` alternative,
/// split at the operators outside quotes, brackets and parentheses (`&&` binds tighter, as in
/// JavaScript). `None` when the condition has no such operator; each term is a text slice with
/// its character offset in the condition.
pub fn split_jsonpath_terms(s: &str) -> Option<Vec<Vec<(usize, &str)>>> {
    let bytes = s.as_bytes();
    let mut alternatives: Vec<Vec<(usize, &str)>> = vec![Vec::new()];
    let mut start = 0;
    let mut split = false;
    let mut top = TopLevel::new(bytes);
    while let Some((i, c, depth)) = top.next() {
        if matches!(c, b'&' | b'|') && depth == 0 && bytes.get(i + 1) == Some(&c) {
            let term = &s[start..i];
            if let Some(last) = alternatives.last_mut() {
                last.push((term_offset(s, start, term), term.trim()));
            }
            if c == b'|' {
                alternatives.push(Vec::new());
            }
            split = true;
            start = i + 2;
            top.pos = start;
        }
    }
    if !split {
        return None;
    }
    let term = &s[start..];
    if let Some(last) = alternatives.last_mut() {
        last.push((term_offset(s, start, term), term.trim()));
    }
    Some(alternatives)
}

/// The bytes of a condition outside quoted strings (`'…'` or `"…"`, with `\` escapes), each
/// with the depth of brackets and parentheses it is at (an opening bracket counts itself).
/// The scan of `jsonpath` conditions for their operators.
struct TopLevel<'a> {
    bytes: &'a [u8],
    /// The next byte to look at; a caller may move it on.
    pos: usize,
    depth: i32,
}

impl<'a> TopLevel<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            pos: 0,
            depth: 0,
        }
    }
}

impl Iterator for TopLevel<'_> {
    type Item = (usize, u8, i32);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let i = self.pos;
            let c = *self.bytes.get(i)?;
            self.pos += 1;
            match c {
                b'\'' | b'"' => {
                    while let Some(&d) = self.bytes.get(self.pos) {
                        self.pos += 1;
                        if d == b'\\' {
                            self.pos += 1;
                        } else if d == c {
                            break;
                        }
                    }
                    continue;
                }
                b'[' | b'(' => self.depth += 1,
                b']' | b')' => self.depth -= 1,
                _ => {}
            }
            return Some((i, c, self.depth));
        }
    }
}

/// The character offset in `s` of `term` (which starts at byte `start`) once its leading
/// whitespace is left out.
fn term_offset(s: &str, start: usize, term: &str) -> usize {
    let leading = term.len() - term.trim_start().len();
    s[..start].chars().count() + term[..leading].chars().count()
}

/// The longest `xpath` condition, in characters (the XPath parser and evaluator recurse over
/// the expression; with brackets bounded too, this bounds their depth).
pub const MAX_XPATH_CHARS: usize = 1024;

/// Checks an `xpath` condition at compile time: at most [`MAX_XPATH_CHARS`] characters,
/// parentheses and brackets at most [`MAX_CONDITION_DEPTH`] deep, and an XPath 1.0 expression
/// (what the runtime evaluates). The error is a character offset and a message.
pub fn check_xpath(s: &str) -> Result<(), (usize, String)> {
    if let Some((i, _)) = s.char_indices().nth(MAX_XPATH_CHARS) {
        return Err((
            s[..i].chars().count(),
            format!("an `xpath` condition longer than {MAX_XPATH_CHARS} characters"),
        ));
    }
    // XPath string literals have no escapes: a quote ends at the next same quote.
    let mut quote = None;
    let mut depth = 0usize;
    for (n, c) in s.chars().enumerate() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[') => {
                depth += 1;
                if depth > MAX_CONDITION_DEPTH {
                    return Err((
                        n,
                        format!("brackets nested more than {MAX_CONDITION_DEPTH} deep"),
                    ));
                }
            }
            (None, ')' | ']') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if let Some((offset, prefix)) = namespace_prefix(s) {
        return Err((
            offset,
            format!(
                "the namespace prefix `{prefix}` is bound to nothing: `xpath` criteria are evaluated without namespace bindings; match the local name instead (`*[local-name() = '…']`)"
            ),
        ));
    }
    match super::xpath::check(s) {
        Ok(()) => Ok(()),
        Err((_, message)) if message.starts_with("an empty") => {
            let leading = s.chars().take_while(|c| c.is_whitespace()).count();
            Err((leading, message))
        }
        Err((offset, why)) => Err((
            offset,
            format!(
                "not an XPath 1.0 expression ({why}); `xpath` criteria are evaluated as XPath 1.0"
            ),
        )),
    }
}

/// The first QName prefix of an XPath expression (`p` in `p:name` or `p:*`), with its
/// character offset: XPath 1.0 has no other use for a single `:` outside string literals
/// (`::` is an axis), so any such colon counts, whatever characters the name is made of.
fn namespace_prefix(s: &str) -> Option<(usize, String)> {
    let chars: Vec<char> = s.chars().collect();
    let in_name = |c: char| !c.is_whitespace() && !"/[]()@,|=!<>+-*$'\":".contains(c);
    let mut quote = None;
    for (i, &c) in chars.iter().enumerate() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, ':') => {
                let double = (i > 0 && chars[i - 1] == ':') || chars.get(i + 1) == Some(&':');
                if !double {
                    let start = chars[..i]
                        .iter()
                        .rposition(|&c| !in_name(c))
                        .map_or(0, |p| p + 1);
                    return Some((start, chars[start..i].iter().collect()));
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits a `jsonpath` condition into its query and optional comparison. The query itself is
/// validated by the caller with an RFC 9535 parser.
pub fn parse_jsonpath(s: &str) -> Result<JsonPathCond, ExprError> {
    let trimmed = s.trim();
    // Find a top-level comparison operator outside brackets, parentheses and quotes.
    for (i, c, depth) in TopLevel::new(trimmed.as_bytes()) {
        match c {
            // The RFC 9535 parser recurses once per level.
            b'[' | b'(' if depth > MAX_CONDITION_DEPTH as i32 => {
                return err(
                    trimmed,
                    i,
                    format!("brackets nested more than {MAX_CONDITION_DEPTH} deep"),
                );
            }
            b'=' | b'!' | b'<' | b'>' if depth == 0 => {
                let mut p = P::at(trimmed, i);
                if let Some(op) = p.op() {
                    let query = trimmed[..i].trim_end().to_owned();
                    p.ws();
                    let lit = literal(&mut p)?;
                    p.ws();
                    if !p.rest().is_empty() {
                        return err(trimmed, p.pos, format!("unexpected `{}`", p.rest()));
                    }
                    return Ok(JsonPathCond {
                        query,
                        compare: Some((op, lit)),
                    });
                }
            }
            _ => {}
        }
    }
    Ok(JsonPathCond {
        query: trimmed.to_owned(),
        compare: None,
    })
}

/// The member names of a query that only walks object members from the root (`$.a.b`,
/// `$['a']`), at least one: such a query selects at most one node, the one a JSON Pointer to
/// `/a/b` reaches in objects. `None` for anything else (wildcards, filters, slices, indices,
/// descendants, names that could be array indices, escapes), which stays a full RFC 9535 query.
pub fn member_path(query: &str) -> Option<Vec<String>> {
    let mut rest = query.strip_prefix('$')?;
    let mut names = Vec::new();
    while !rest.is_empty() {
        let (name, after) = if let Some(r) = rest.strip_prefix('.') {
            let end = r
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(r.len());
            let name = &r[..end];
            if !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                return None;
            }
            (name, &r[end..])
        } else if let Some(r) = rest.strip_prefix("['") {
            let end = r.find('\'')?;
            let name = &r[..end];
            if name.contains('\\') {
                return None;
            }
            (name, r[end + 1..].strip_prefix(']')?)
        } else {
            return None;
        };
        // A JSON Pointer token of digits would also index arrays; a name selector never does.
        if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        names.push(name.to_owned());
        rest = after;
    }
    (!names.is_empty()).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure() {
        let c =
            parse_simple("($statusCode == 200 || $statusCode == 201) && $response.body != null")
                .unwrap();
        let Cond::And(items) = c else { panic!() };
        assert!(matches!(items[0], Cond::Or(_)));
        assert_eq!(
            parse_simple("$inputs.name == 'it''s ok'").unwrap(),
            Cond::Cmp(
                Operand::Expr {
                    expr: Expr::Inputs {
                        name: "name".into(),
                        pointer: None
                    },
                    nav: vec![]
                },
                CmpOp::Eq,
                Operand::Lit(Value::String("it's ok".into()))
            )
        );
        let Cond::Cmp(Operand::Expr { nav, .. }, CmpOp::Gt, _) =
            parse_simple("$response.body.data[0].id > 10").unwrap()
        else {
            panic!()
        };
        assert_eq!(
            nav,
            vec![
                Nav::Member("data".into()),
                Nav::Index(0),
                Nav::Member("id".into())
            ]
        );
        assert!(matches!(
            parse_simple("!$response.body.active").unwrap(),
            Cond::Not(_)
        ));
    }

    #[test]
    fn jsonpath_terms_split_outside_quotes_and_brackets() {
        let t = split_jsonpath_terms("$.a.length > 0 && '$inputs.x' == 'y' || $.b[?(@.c && @.d)]")
            .unwrap();
        assert_eq!(
            t,
            [
                vec![(0, "$.a.length > 0"), (18, "'$inputs.x' == 'y'")],
                vec![(40, "$.b[?(@.c && @.d)]")],
            ]
        );
        assert_eq!(split_jsonpath_terms("$.a == 'x && y'"), None);
        // Offsets count characters, whitespace that is not ASCII included (found by fuzzing).
        assert_eq!(
            split_jsonpath_terms("\u{a0}\u{a0}$.a||\u{a0}$.b"),
            Some(vec![vec![(2, "$.a")], vec![(8, "$.b")]])
        );
        assert_eq!(split_jsonpath_terms("$.a[?(@.b || @.c)]"), None);
    }

    #[test]
    fn rejections_point_at_the_column() {
        let e = parse_simple("$statusCode = 200").unwrap_err();
        assert_eq!(e.offset, 12);
        let e = parse_simple("$statusCode == \"a\"").unwrap_err();
        assert!(e.message.contains("single quotes"));
        assert_eq!(
            parse_simple("$statusCode == 200 &&").unwrap_err().offset,
            21
        );
        assert!(parse_simple("1 < 2 < 3").is_err());
        assert!(parse_simple("$statusCode == 01").is_err());
        // The index error points at its `[`, counted in characters.
        let e = parse_simple("'é' == $response.body[99999999999999999999999]").unwrap_err();
        assert_eq!((e.offset, e.message.as_str()), (21, "index too large"));
    }

    #[test]
    fn xpath_conditions_with_namespace_prefixes_are_refused() {
        let e = check_xpath("//p:Aancessttor").unwrap_err();
        assert_eq!(e.0, 2);
        assert!(e.1.contains("`p`"), "{}", e.1);
        assert_eq!(check_xpath("count(ns:*) > 0").unwrap_err().0, 6);
        assert!(check_xpath("child::pet[@id = 'a:b']").is_ok());
        assert!(check_xpath("ancestor-or-self::node()").is_ok());
        assert!(check_xpath("//*[local-name() = 'pet']").is_ok());
        // Name characters beyond the alphanumerics (found by the fuzz target: U+0375).
        assert_eq!(check_xpath("T:\u{375}/x").unwrap_err().0, 0);
        assert!(check_xpath(":a").is_err());
    }

    #[test]
    fn nesting_and_length_are_bounded() {
        let nested = |n: usize| format!("{}$statusCode == 200{}", "(".repeat(n), ")".repeat(n));
        assert!(parse_simple(&nested(MAX_CONDITION_DEPTH)).is_ok());
        for n in [MAX_CONDITION_DEPTH + 1, 10 * MAX_CONDITION_DEPTH, 5_000] {
            let e = parse_simple(&nested(n)).unwrap_err();
            assert!(e.message.contains("nested more than"), "{}", e.message);
            assert_eq!(e.offset, MAX_CONDITION_DEPTH);
        }
        let filter = |n: usize| format!("$[?{}@.a{}]", "(".repeat(n), ")".repeat(n));
        assert!(parse_jsonpath(&filter(MAX_CONDITION_DEPTH - 1)).is_ok());
        let e = parse_jsonpath(&filter(5_000)).unwrap_err();
        assert_eq!(e.offset, MAX_CONDITION_DEPTH + 2);
        // `!(` nests too.
        assert!(parse_simple(&"!(".repeat(5_000)).is_err());
        let chain = |n: usize| vec!["$statusCode == 200"; n].join(" && ");
        // Each comparison has two operands.
        assert!(parse_simple(&chain(MAX_CONDITION_OPERANDS / 2)).is_ok());
        for n in [
            MAX_CONDITION_OPERANDS / 2 + 1,
            10 * MAX_CONDITION_OPERANDS,
            50_000,
        ] {
            let e = parse_simple(&chain(n)).unwrap_err();
            assert!(e.message.contains("operands"), "{}", e.message);
        }
    }

    #[test]
    fn jsonpath_forms() {
        let c = parse_jsonpath("$.status != 'SYNCING'").unwrap();
        assert_eq!(c.query, "$.status");
        assert_eq!(
            c.compare,
            Some((CmpOp::Ne, Value::String("SYNCING".into())))
        );
        let c = parse_jsonpath("$[?@.count > 1]").unwrap();
        assert_eq!(c.compare, None);
        let c = parse_jsonpath("$.total > 0").unwrap();
        assert_eq!(c.compare, Some((CmpOp::Gt, Value::from(0))));
        assert!(parse_jsonpath("$.a == nope").is_err());
    }

    #[test]
    fn member_paths() {
        let names = |q| member_path(q);
        assert_eq!(names("$.status"), Some(vec!["status".to_owned()]));
        assert_eq!(
            names("$.data['next page']._x1"),
            Some(vec![
                "data".to_owned(),
                "next page".to_owned(),
                "_x1".to_owned()
            ])
        );
        assert_eq!(names("$['']"), Some(vec![String::new()]));
        for other in [
            "$",
            "$.*",
            "$..a",
            "$[0]",
            "$['0']",
            "$.a[0]",
            "$[?@.a]",
            "$.1a",
            "$['a\\'b']",
            "$[\"a\"]",
            "$.a.",
            "$ .a",
            "@.a",
            "$['a'",
            "$.a-b",
        ] {
            assert_eq!(names(other), None, "{other}");
        }
    }
}
