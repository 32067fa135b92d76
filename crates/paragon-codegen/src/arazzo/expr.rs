//! Arazzo runtime expressions (1.0.1, plus 1.1's `$steps.x.outputs.y#/pointer` and
//! `$workflows.x.inputs.y`) and strings with embedded `{$…}` expressions.
//!
//! Errors carry the character offset inside the expression, so diagnostics can point at the
//! column of the offending character, not just the line.

use std::fmt;

/// Where a request/response/message value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `header.<token>`
    Header(String),
    /// `query.<name>`
    Query(String),
    /// `path.<name>`
    Path(String),
    /// `body[#pointer]`
    Body(Option<String>),
    /// `payload[#pointer]`
    Payload(Option<String>),
}

/// `inputs` or `outputs` of a workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkflowField {
    /// `$workflows.x.inputs.y`
    Inputs,
    /// `$workflows.x.outputs.y`
    Outputs,
}

impl WorkflowField {
    /// `inputs` or `outputs`, as written in an expression.
    pub fn as_str(self) -> &'static str {
        match self {
            WorkflowField::Inputs => "inputs",
            WorkflowField::Outputs => "outputs",
        }
    }
}

/// A parsed runtime expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// `$url`
    Url,
    /// `$method`
    Method,
    /// `$statusCode`
    StatusCode,
    /// `$self`
    SelfRef,
    /// `$request.…`
    Request(Source),
    /// `$response.…`
    Response(Source),
    /// `$message.…`
    Message(Source),
    /// `$inputs.name[#pointer]`
    Inputs {
        /// Input name.
        name: String,
        /// JSON Pointer into it.
        pointer: Option<String>,
    },
    /// `$outputs.name[#pointer]`
    Outputs {
        /// Output name.
        name: String,
        /// JSON Pointer into it.
        pointer: Option<String>,
    },
    /// `$steps.step.outputs.name[#pointer]`
    Steps {
        /// Step id.
        step: String,
        /// Output name.
        output: String,
        /// JSON Pointer into it.
        pointer: Option<String>,
    },
    /// `$workflows.id.(inputs|outputs).name[#pointer]`
    Workflows {
        /// Workflow id.
        workflow: String,
        /// Which side.
        field: WorkflowField,
        /// Name.
        name: String,
        /// JSON Pointer into it.
        pointer: Option<String>,
    },
    /// `$sourceDescriptions.name.reference`
    SourceDescriptions {
        /// Source description name.
        source: String,
        /// Operation id or field.
        reference: String,
    },
    /// `$components.(parameters|successActions|failureActions).name`
    Components {
        /// Component type.
        kind: String,
        /// Name.
        name: String,
    },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = |f: &mut fmt::Formatter<'_>, what: &str, p: &Option<String>| match p {
            Some(p) => write!(f, "{what}#{p}"),
            None => f.write_str(what),
        };
        match self {
            Source::Header(n) => write!(f, "header.{n}"),
            Source::Query(n) => write!(f, "query.{n}"),
            Source::Path(n) => write!(f, "path.{n}"),
            Source::Body(p) => pointer(f, "body", p),
            Source::Payload(p) => pointer(f, "payload", p),
        }
    }
}

/// The expression as written (canonical form).
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tail = |f: &mut fmt::Formatter<'_>, p: &Option<String>| match p {
            Some(p) => write!(f, "#{p}"),
            None => Ok(()),
        };
        match self {
            Expr::Url => f.write_str("$url"),
            Expr::Method => f.write_str("$method"),
            Expr::StatusCode => f.write_str("$statusCode"),
            Expr::SelfRef => f.write_str("$self"),
            Expr::Request(s) => write!(f, "$request.{s}"),
            Expr::Response(s) => write!(f, "$response.{s}"),
            Expr::Message(s) => write!(f, "$message.{s}"),
            Expr::Inputs { name, pointer } => {
                write!(f, "$inputs.{name}")?;
                tail(f, pointer)
            }
            Expr::Outputs { name, pointer } => {
                write!(f, "$outputs.{name}")?;
                tail(f, pointer)
            }
            Expr::Steps {
                step,
                output,
                pointer,
            } => {
                write!(f, "$steps.{step}.outputs.{output}")?;
                tail(f, pointer)
            }
            Expr::Workflows {
                workflow,
                field,
                name,
                pointer,
            } => {
                write!(f, "$workflows.{workflow}.{}.{name}", field.as_str())?;
                tail(f, pointer)
            }
            Expr::SourceDescriptions { source, reference } => {
                write!(f, "$sourceDescriptions.{source}.{reference}")
            }
            Expr::Components { kind, name } => write!(f, "$components.{kind}.{name}"),
        }
    }
}

/// A syntax error at a character offset of the expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    /// Character offset of the problem, from the start of the expression.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.offset + 1)
    }
}

fn err<T>(offset: usize, message: impl Into<String>) -> Result<T, ExprError> {
    Err(ExprError {
        offset,
        message: message.into(),
    })
}

/// How identifiers are read: the full grammar allows dots in names (`$inputs.my.nested.name`);
/// inside a condition a dot starts navigation (`$inputs.customer.name`), so names stop there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A standalone expression: the whole string must be consumed.
    Whole,
    /// Inside a condition or template: stop at the end of the expression, return the rest.
    Prefix,
}

fn is_strict(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

struct Cursor<'a> {
    s: &'a str,
    pos: usize, // byte position
    mode: Mode,
}

impl<'a> Cursor<'a> {
    fn offset(&self) -> usize {
        self.s[..self.pos].chars().count()
    }
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }
    fn eat(&mut self, lit: &str) -> bool {
        if self.rest().starts_with(lit) {
            self.pos += lit.len();
            true
        } else {
            false
        }
    }
    fn expect(&mut self, lit: &str, what: &str) -> Result<(), ExprError> {
        if self.eat(lit) {
            Ok(())
        } else {
            err(self.offset(), format!("expected {what}"))
        }
    }
    fn take_while(&mut self, f: impl Fn(char) -> bool) -> &'a str {
        let start = self.pos;
        for c in self.rest().chars() {
            if !f(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        &self.s[start..self.pos]
    }
    /// An identifier (dots allowed in whole mode).
    fn identifier(&mut self, what: &str) -> Result<String, ExprError> {
        let whole = self.mode == Mode::Whole;
        let id = self.take_while(|c| is_strict(c) || (whole && c == '.'));
        if id.is_empty() {
            return err(self.offset(), format!("expected {what}"));
        }
        Ok(id.to_owned())
    }
    fn strict(&mut self, what: &str) -> Result<String, ExprError> {
        let id = self.take_while(is_strict);
        if id.is_empty() {
            return err(
                self.offset(),
                format!("expected {what} (letters, digits, `-`, `_`)"),
            );
        }
        Ok(id.to_owned())
    }
    fn pointer(&mut self) -> Result<Option<String>, ExprError> {
        if !self.eat("#") {
            return Ok(None);
        }
        let start_offset = self.offset();
        let stop_at_space = self.mode == Mode::Prefix;
        let p = self.take_while(|c| c != '{' && c != '}' && !(stop_at_space && c.is_whitespace()));
        if !p.is_empty() && !p.starts_with('/') {
            return err(start_offset, "a JSON Pointer after `#` must start with `/`");
        }
        let mut chars = p.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '~' && !matches!(chars.peek(), Some((_, '0' | '1'))) {
                return err(
                    start_offset + p[..i].chars().count(),
                    "`~` in a JSON Pointer must be followed by `0` or `1`",
                );
            }
        }
        Ok(Some(p.to_owned()))
    }
    fn source(&mut self) -> Result<Source, ExprError> {
        if self.eat("header.") {
            let t = self.take_while(is_tchar);
            if t.is_empty() {
                return err(self.offset(), "expected a header name");
            }
            return Ok(Source::Header(t.to_owned()));
        }
        for (prefix, is_query) in [("query.", true), ("path.", false)] {
            if self.eat(prefix) {
                let name = match self.mode {
                    Mode::Whole => {
                        let n = self.rest();
                        self.pos = self.s.len();
                        n
                    }
                    Mode::Prefix => self.take_while(is_strict),
                };
                if name.is_empty() {
                    return err(self.offset(), "expected a parameter name");
                }
                let name = name.to_owned();
                return Ok(if is_query {
                    Source::Query(name)
                } else {
                    Source::Path(name)
                });
            }
        }
        if self.eat("body") {
            return Ok(Source::Body(self.pointer()?));
        }
        if self.eat("payload") {
            return Ok(Source::Payload(self.pointer()?));
        }
        err(
            self.offset(),
            "expected `header.`, `query.`, `path.`, `body` or `payload`",
        )
    }

    fn expr(&mut self) -> Result<Expr, ExprError> {
        if !self.eat("$") {
            return err(self.offset(), "a runtime expression starts with `$`");
        }
        let at = self.offset();
        let word = self.take_while(|c| c.is_ascii_alphabetic());
        let e = match word {
            "url" => Expr::Url,
            "method" => Expr::Method,
            "statusCode" => Expr::StatusCode,
            "self" => Expr::SelfRef,
            "request" | "response" | "message" => {
                self.expect(".", "`.` after the source")?;
                let s = self.source()?;
                match word {
                    "request" => Expr::Request(s),
                    "response" => Expr::Response(s),
                    _ => Expr::Message(s),
                }
            }
            "inputs" | "outputs" => {
                self.expect(".", &format!("`.` after `${word}`"))?;
                let name = self.identifier("a name")?;
                let pointer = self.pointer()?;
                if word == "inputs" {
                    Expr::Inputs { name, pointer }
                } else {
                    Expr::Outputs { name, pointer }
                }
            }
            "steps" => {
                self.expect(".", "`.` after `$steps`")?;
                let step = self.strict("a step id")?;
                self.expect(".outputs.", "`.outputs.` after the step id")?;
                let output = self.identifier("an output name")?;
                let pointer = self.pointer()?;
                Expr::Steps {
                    step,
                    output,
                    pointer,
                }
            }
            "workflows" => {
                self.expect(".", "`.` after `$workflows`")?;
                let workflow = self.strict("a workflow id")?;
                let field = if self.eat(".inputs.") {
                    WorkflowField::Inputs
                } else if self.eat(".outputs.") {
                    WorkflowField::Outputs
                } else {
                    return err(self.offset(), "expected `.inputs.` or `.outputs.`");
                };
                let name = self.identifier("a name")?;
                let pointer = self.pointer()?;
                Expr::Workflows {
                    workflow,
                    field,
                    name,
                    pointer,
                }
            }
            "sourceDescriptions" => {
                self.expect(".", "`.` after `$sourceDescriptions`")?;
                let source = self.strict("a source description name")?;
                self.expect(".", "`.` after the source description name")?;
                let reference = match self.mode {
                    Mode::Whole => {
                        let r = self.rest();
                        self.pos = self.s.len();
                        r
                    }
                    Mode::Prefix => self.take_while(|c| is_strict(c) || c == '.'),
                };
                if reference.is_empty() {
                    return err(self.offset(), "expected an operation id or field");
                }
                Expr::SourceDescriptions {
                    source,
                    reference: reference.to_owned(),
                }
            }
            "components" => {
                self.expect(".", "`.` after `$components`")?;
                let kind = self.take_while(|c| c.is_ascii_alphabetic());
                if !["parameters", "successActions", "failureActions", "inputs"].contains(&kind) {
                    return err(
                        self.offset(),
                        "expected `parameters`, `successActions`, `failureActions` or `inputs`",
                    );
                }
                let kind = kind.to_owned();
                self.expect(".", "`.` after the component type")?;
                let name = self.identifier("a component name")?;
                Expr::Components { kind, name }
            }
            "" => return err(at, "expected an expression name after `$`"),
            other => {
                return err(
                    at,
                    format!(
                        "unknown runtime expression `${other}`; expected one of $url, $method, $statusCode, $request, $response, $message, $inputs, $outputs, $steps, $workflows, $sourceDescriptions, $components, $self"
                    ),
                );
            }
        };
        Ok(e)
    }
}

/// Parses a whole runtime expression such as `$response.body#/status`.
pub fn parse(s: &str) -> Result<Expr, ExprError> {
    let mut c = Cursor {
        s,
        pos: 0,
        mode: Mode::Whole,
    };
    let e = c.expr()?;
    if !c.rest().is_empty() {
        return err(
            c.offset(),
            format!("unexpected `{}` after the expression", c.rest()),
        );
    }
    Ok(e)
}

/// Parses the expression at the start of `s` (condition mode: names stop at `.`) and returns it
/// with the number of bytes consumed.
pub fn parse_prefix(s: &str) -> Result<(Expr, usize), ExprError> {
    let mut c = Cursor {
        s,
        pos: 0,
        mode: Mode::Prefix,
    };
    let e = c.expr()?;
    Ok((e, c.pos))
}

/// A piece of a string with embedded expressions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Literal text.
    Lit(String),
    /// `{$…}`
    Expr(Expr),
}

/// Parses `"Bearer {$steps.login.outputs.token}"` into parts. A string without `{$` is one
/// literal; a `{` not followed by `$` is literal text.
pub fn parse_template(s: &str) -> Result<Vec<Part>, ExprError> {
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut rest = s;
    let mut consumed_chars = 0usize;
    while let Some(i) = rest.find("{$") {
        lit.push_str(&rest[..i]);
        consumed_chars += rest[..i].chars().count();
        let inner_start = i + 1;
        let Some(close) = rest[inner_start..].find('}') else {
            return err(consumed_chars, "`{$` without a closing `}`");
        };
        let inner = &rest[inner_start..inner_start + close];
        let e = parse(inner).map_err(|e| ExprError {
            offset: consumed_chars + 1 + e.offset,
            message: e.message,
        })?;
        if !lit.is_empty() {
            parts.push(Part::Lit(std::mem::take(&mut lit)));
        }
        parts.push(Part::Expr(e));
        consumed_chars += inner.chars().count() + 2;
        rest = &rest[inner_start + close + 1..];
    }
    lit.push_str(rest);
    if !lit.is_empty() {
        parts.push(Part::Lit(lit));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(parse("$statusCode"), Ok(Expr::StatusCode));
        assert_eq!(
            parse("$response.body#/data/0/id"),
            Ok(Expr::Response(Source::Body(Some("/data/0/id".into()))))
        );
        assert_eq!(
            parse("$steps.login.outputs.user#/name"),
            Ok(Expr::Steps {
                step: "login".into(),
                output: "user".into(),
                pointer: Some("/name".into())
            })
        );
        assert_eq!(
            parse("$inputs.my.nested.name"),
            Ok(Expr::Inputs {
                name: "my.nested.name".into(),
                pointer: None
            })
        );
        assert_eq!(
            parse("$request.header.X-Custom-Header"),
            Ok(Expr::Request(Source::Header("X-Custom-Header".into())))
        );
    }

    #[test]
    fn errors_point_at_the_character() {
        let e = parse("$respons.body").unwrap_err();
        assert_eq!(e.offset, 1);
        let e = parse("$steps.a.output.x").unwrap_err();
        assert!(e.message.contains(".outputs."), "{e}");
        assert_eq!(e.offset, 8);
        assert!(parse("statusCode").is_err());
        assert!(parse("$response.body#status").is_err());
        assert!(parse("$response.body#/a~2").is_err());
    }

    #[test]
    fn templates() {
        let parts = parse_template("Bearer {$steps.login.outputs.token}!").unwrap();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], Part::Lit("Bearer ".into()));
        assert_eq!(
            parse_template("{not an expr}").unwrap(),
            vec![Part::Lit("{not an expr}".into())]
        );
        let e = parse_template("id: {$inputs.}").unwrap_err();
        assert_eq!(e.offset, 13);
    }

    #[test]
    fn prefix_mode_stops_at_navigation() {
        let (e, n) = parse_prefix("$response.body.data[0].id").unwrap();
        assert_eq!(e, Expr::Response(Source::Body(None)));
        assert_eq!(n, "$response.body".len());
        let (e, n) = parse_prefix("$inputs.customer.name").unwrap();
        assert_eq!(
            e,
            Expr::Inputs {
                name: "customer".into(),
                pointer: None
            }
        );
        assert_eq!(n, "$inputs.customer".len());
    }
}
