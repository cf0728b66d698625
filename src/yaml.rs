//! YAML with positions: saphyr-parser's event stream turned into small trees
//! whose every node knows its line and column.
//!
//! rapport reads YAML 1.2: scalars stay text until a validator asks for a
//! number or a boolean, so `no` is the string "no" and `2026-09-14` is a
//! string that the date parser reads. Survey definitions are read whole
//! ([`parse_document`]); response files are streamed one response at a time
//! ([`parse_sequence`]) so a file of any size costs the memory of one response.
//!
//! Limits keep hostile files harmless: nesting deeper than [`MAX_DEPTH`] is
//! refused, aliases are refused in response files and capped by a node budget
//! elsewhere, so an alias bomb ends in an error within milliseconds.

use crate::diagnostics::{code, quote, Diagnostic, Pos, Span};
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// Deepest nesting of sequences and mappings that rapport accepts.
pub const MAX_DEPTH: usize = 64;

/// Most nodes (after alias expansion) that one definition file may hold.
pub const MAX_NODES: usize = 100_000;

/// The span of a saphyr event, as rapport's 1-based [`Span`].
fn span_of(span: &saphyr_parser::Span) -> Span {
    Span {
        start: pos(span.start.line(), span.start.col()),
        end: pos(span.end.line(), span.end.col()),
    }
}

fn pos(line: usize, col0: usize) -> Pos {
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col0 + 1).unwrap_or(u32::MAX),
    }
}

/// A scalar as written: its text and whether it was plain (unquoted).
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    /// The scalar's value, after YAML's escapes and folding.
    pub text: String,
    /// True for a plain scalar (no quotes, no block style, no tag): only
    /// plain scalars can be null, booleans or numbers.
    pub plain: bool,
}

/// The value of a node.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar.
    Scalar(Scalar),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, its entries in the order written; keys are scalars.
    Map(Vec<(Node, Node)>),
}

/// A YAML node with its position in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The node's value.
    pub value: Value,
    /// Where it is written.
    pub span: Span,
}

/// What kind of problem a [`YamlError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not valid YAML.
    Syntax,
    /// Valid YAML that rapport refuses: too deep, aliases, a second document.
    Limit,
    /// A response file whose top level is not a list.
    NotAList,
}

/// A YAML syntax error, or a file that breaks one of the limits.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    /// What kind of problem.
    pub kind: ErrorKind,
    /// What went wrong, in words.
    pub message: String,
    /// Where.
    pub span: Span,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.span.start.line, self.span.start.col
        )
    }
}

impl YamlError {
    /// The error as a diagnostic in `file`, with a hint where one helps.
    pub fn diagnostic(&self, file: &Path) -> Diagnostic {
        match self.kind {
            ErrorKind::Syntax => {
                let d = Diagnostic::error(code::SYNTAX, file, self.span, format!("invalid YAML: {}", self.message))
                    .label("the YAML parser stopped here");
                if self.message.contains("mapping") || self.message.contains("indentation") {
                    d.help("keys of one mapping start in the same column; check the indentation of this line and the one above it, and quote a value that contains `: `")
                } else {
                    d
                }
            }
            ErrorKind::Limit => {
                let d = Diagnostic::error(code::SYNTAX, file, self.span, self.message.clone()).label("refused here");
                if self.message.contains("not allowed in response files") {
                    d.help("write the value out in each response instead")
                } else {
                    d
                }
            }
            ErrorKind::NotAList => Diagnostic::error(code::WRONG_TYPE, file, self.span, self.message.clone())
                .label("expected `- ` here")
                .help("a response file is a list: start each response with `- `, e.g. `- submitted: 2026-09-14`"),
        }
    }
}

impl Node {
    /// The scalar, if this node is one.
    pub fn scalar(&self) -> Option<&Scalar> {
        match &self.value {
            Value::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The scalar's text, if this node is a scalar that is not null.
    pub fn text(&self) -> Option<&str> {
        self.scalar().filter(|s| !s.is_null()).map(|s| s.text.as_str())
    }

    /// True when the node is YAML null (`~`, `null` or nothing at all).
    pub fn is_null(&self) -> bool {
        self.scalar().is_some_and(Scalar::is_null)
    }

    /// Describes the node for "found ..." in messages.
    pub fn describe(&self) -> String {
        match &self.value {
            Value::Seq(_) => "a list".into(),
            Value::Map(_) => "a mapping".into(),
            Value::Scalar(s) if s.is_null() => "nothing (null)".into(),
            Value::Scalar(s) if s.as_int().is_some() || s.as_number().is_some() => {
                format!("the number {}", s.text)
            }
            Value::Scalar(s) if s.as_bool().is_some() => format!("`{}`", s.text),
            Value::Scalar(s) => format!("the text {}", quote(&s.text)),
        }
    }
}

impl Scalar {
    /// YAML 1.2 null: `~`, `null` in any of its three spellings, or empty.
    pub fn is_null(&self) -> bool {
        self.plain && matches!(self.text.as_str(), "" | "~" | "null" | "Null" | "NULL")
    }

    /// YAML 1.2 boolean: `true` or `false` (three spellings each).
    pub fn as_bool(&self) -> Option<bool> {
        if !self.plain {
            return None;
        }
        match self.text.as_str() {
            "true" | "True" | "TRUE" => Some(true),
            "false" | "False" | "FALSE" => Some(false),
            _ => None,
        }
    }

    /// A YAML 1.2 integer (decimal, `0o` octal or `0x` hexadecimal).
    pub fn as_int(&self) -> Option<i64> {
        if !self.plain {
            return None;
        }
        let t = self.text.as_str();
        if let Some(hex) = t.strip_prefix("0x") {
            return i64::from_str_radix(hex, 16).ok();
        }
        if let Some(oct) = t.strip_prefix("0o") {
            return i64::from_str_radix(oct, 8).ok();
        }
        let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    }

    /// A YAML 1.2 number (an integer or a finite float).
    pub fn as_number(&self) -> Option<f64> {
        if let Some(i) = self.as_int() {
            return Some(i as f64);
        }
        if !self.plain {
            return None;
        }
        let t = self.text.as_str();
        let body = t.strip_prefix(['-', '+']).unwrap_or(t);
        let looks_numeric = body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
            && body
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'));
        if !looks_numeric {
            return None;
        }
        t.parse::<f64>().ok().filter(|f| f.is_finite())
    }
}

fn scan_error(e: &ScanError) -> YamlError {
    let m = e.marker();
    let p = pos(m.line(), m.col());
    YamlError {
        kind: ErrorKind::Syntax,
        message: e.info().to_owned(),
        span: Span { start: p, end: p },
    }
}

fn what(ev: &Event) -> &'static str {
    match ev {
        Event::Scalar(..) => "a value",
        Event::SequenceStart(..) => "a list",
        Event::MappingStart(..) => "a mapping",
        Event::Alias(_) => "an alias",
        _ => "the end of a block",
    }
}

/// How aliases are treated.
#[derive(Clone, Copy, PartialEq)]
enum Aliases {
    Refuse,
    Expand,
}

struct Builder<'a> {
    parser: Parser<'a, saphyr_parser::StrInput<'a>>,
    aliases: Aliases,
    anchors: HashMap<usize, Node>,
    nodes: usize,
    last: Span,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str, aliases: Aliases) -> Self {
        Builder {
            parser: Parser::new_from_str(text),
            aliases,
            anchors: HashMap::new(),
            nodes: 0,
            last: Span::default(),
        }
    }

    fn next(&mut self) -> Result<(Event<'a>, Span), YamlError> {
        match self.parser.next_event() {
            Some(Ok((ev, span))) => {
                let span = span_of(&span);
                self.last = span;
                Ok((ev, span))
            }
            Some(Err(e)) => Err(scan_error(&e)),
            None => Err(YamlError {
                kind: ErrorKind::Syntax,
                message: "unexpected end of the file".into(),
                span: self.last,
            }),
        }
    }

    fn count(&mut self, n: usize, span: Span) -> Result<(), YamlError> {
        self.nodes += n;
        if self.nodes > MAX_NODES {
            return Err(YamlError {
                kind: ErrorKind::Limit,
                message: "the file expands to more than 100 000 values (aliases repeated too often?)".into(),
                span,
            });
        }
        Ok(())
    }

    /// Builds the node that starts with `ev`.
    fn node(&mut self, ev: Event<'a>, span: Span, depth: usize) -> Result<Node, YamlError> {
        if depth > MAX_DEPTH {
            return Err(YamlError {
                kind: ErrorKind::Limit,
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
                span,
            });
        }
        self.count(1, span)?;
        let (node, anchor) = match ev {
            Event::Scalar(text, style, anchor, tag) => {
                let plain = style == ScalarStyle::Plain && tag.is_none();
                let scalar = Scalar {
                    text: text.into_owned(),
                    plain,
                };
                (
                    Node {
                        value: Value::Scalar(scalar),
                        span,
                    },
                    anchor,
                )
            }
            Event::SequenceStart(anchor, _) => {
                let mut items = Vec::new();
                loop {
                    let (ev, item_span) = self.next()?;
                    if matches!(ev, Event::SequenceEnd) {
                        let end = item_span.end;
                        let node = Node {
                            value: Value::Seq(items),
                            span: Span {
                                start: span.start,
                                end,
                            },
                        };
                        break (node, anchor);
                    }
                    items.push(self.node(ev, item_span, depth + 1)?);
                }
            }
            Event::MappingStart(anchor, _) => {
                let mut entries: Vec<(Node, Node)> = Vec::new();
                loop {
                    let (ev, key_span) = self.next()?;
                    match ev {
                        Event::MappingEnd => {
                            let node = Node {
                                value: Value::Map(entries),
                                span: Span {
                                    start: span.start,
                                    end: key_span.end,
                                },
                            };
                            break (node, anchor);
                        }
                        Event::Scalar(..) => {}
                        other => {
                            return Err(YamlError {
                                kind: ErrorKind::Limit,
                                message: format!("expected a key (a plain name), found {}", what(&other)),
                                span: key_span,
                            })
                        }
                    }
                    let key = self.node(ev, key_span, depth + 1)?;
                    if let Some((first, _)) = entries.iter().find(|(k, _)| k.scalar() == key.scalar()) {
                        return Err(YamlError {
                            kind: ErrorKind::Syntax,
                            message: format!(
                                "duplicate key {}: it is already used on line {}",
                                quote(key.text().unwrap_or("")),
                                first.span.start.line
                            ),
                            span: key.span,
                        });
                    }
                    let (ev, value_span) = self.next()?;
                    let value = self.node(ev, value_span, depth + 1)?;
                    entries.push((key, value));
                }
            }
            Event::Alias(id) => {
                if self.aliases == Aliases::Refuse {
                    return Err(YamlError {
                        kind: ErrorKind::Limit,
                        message: "aliases (`*name`) are not allowed in response files".into(),
                        span,
                    });
                }
                let Some(target) = self.anchors.get(&id) else {
                    return Err(YamlError {
                        kind: ErrorKind::Limit,
                        message: "alias to an unknown anchor".into(),
                        span,
                    });
                };
                let mut copy = target.clone();
                let size = node_count(&copy);
                self.count(size, span)?;
                copy.span = span;
                return Ok(copy);
            }
            other => {
                return Err(YamlError {
                    kind: ErrorKind::Limit,
                    message: format!("unexpected {}", what(&other)),
                    span,
                })
            }
        };
        if anchor != 0 {
            if self.aliases == Aliases::Refuse {
                return Err(YamlError {
                    kind: ErrorKind::Limit,
                    message: "anchors (`&name`) are not allowed in response files".into(),
                    span,
                });
            }
            self.anchors.insert(anchor, node.clone());
        }
        Ok(node)
    }

    /// Reads up to the first document's content; `None` for an empty stream.
    fn start(&mut self) -> Result<Option<(Event<'a>, Span)>, YamlError> {
        loop {
            let (ev, span) = self.next()?;
            match ev {
                Event::StreamStart => continue,
                Event::StreamEnd => return Ok(None),
                Event::DocumentStart(_) => {
                    let (ev, span) = self.next()?;
                    if matches!(ev, Event::DocumentEnd) {
                        return Ok(None);
                    }
                    return Ok(Some((ev, span)));
                }
                other => {
                    return Err(YamlError {
                        kind: ErrorKind::Limit,
                        message: format!("unexpected {}", what(&other)),
                        span,
                    })
                }
            }
        }
    }

    /// Checks that nothing follows the first document.
    fn finish(&mut self) -> Result<(), YamlError> {
        loop {
            let (ev, span) = self.next()?;
            match ev {
                Event::DocumentEnd => continue,
                Event::StreamEnd => return Ok(()),
                _ => {
                    return Err(YamlError {
                        kind: ErrorKind::Limit,
                        message: "a second YAML document (after `---`): rapport reads one document a file"
                            .into(),
                        span,
                    })
                }
            }
        }
    }
}

fn node_count(node: &Node) -> usize {
    match &node.value {
        Value::Scalar(_) => 1,
        Value::Seq(items) => 1 + items.iter().map(node_count).sum::<usize>(),
        Value::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| node_count(k) + node_count(v))
                .sum::<usize>()
        }
    }
}

/// Strips a UTF-8 byte order mark, which YAML parsers may misread.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses a whole file of one document. `Ok(None)` when it holds nothing.
/// Aliases are expanded within [`MAX_NODES`].
pub fn parse_document(text: &str) -> Result<Option<Node>, YamlError> {
    let mut b = Builder::new(strip_bom(text), Aliases::Expand);
    let Some((ev, span)) = b.start()? else {
        return Ok(None);
    };
    let node = b.node(ev, span, 0)?;
    b.finish()?;
    Ok(Some(node))
}

/// What a streamed file held at its top level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Top {
    /// Nothing at all: an empty file, or only comments.
    Empty,
    /// A sequence (its items went to the callback).
    Seq,
    /// Null written out (`~` or `null`).
    Null,
}

/// Streams a file whose top level is a sequence: each item is built and
/// handed to `item` in turn, so only one item is in memory at a time.
/// Aliases and anchors are refused. A top level that is not a sequence is an
/// error that says what was found.
pub fn parse_sequence(text: &str, mut item: impl FnMut(Node)) -> Result<Top, YamlError> {
    let mut b = Builder::new(strip_bom(text), Aliases::Refuse);
    let Some((ev, span)) = b.start()? else {
        return Ok(Top::Empty);
    };
    let top = match ev {
        Event::SequenceStart(anchor, _) => {
            if anchor != 0 {
                return Err(YamlError {
                    kind: ErrorKind::Limit,
                    message: "anchors (`&name`) are not allowed in response files".into(),
                    span,
                });
            }
            loop {
                let (ev, span) = b.next()?;
                if matches!(ev, Event::SequenceEnd) {
                    break;
                }
                let node = b.node(ev, span, 1)?;
                b.nodes = 0;
                item(node);
            }
            Top::Seq
        }
        other => {
            let node = b.node(other, span, 0)?;
            if node.is_null() {
                Top::Null
            } else {
                return Err(YamlError {
                    kind: ErrorKind::NotAList,
                    message: format!(
                        "expected a list of responses (each starting with `- `), found {}",
                        node.describe()
                    ),
                    span: node.span,
                });
            }
        }
    };
    b.finish()?;
    Ok(top)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Node {
        parse_document(text).expect("parses").expect("not empty")
    }

    #[test]
    fn positions_are_one_based_lines_and_columns() {
        let node = doc("a: 1\nb:\n  - x\n  - \"y\"\n");
        let Value::Map(entries) = &node.value else {
            panic!("a mapping")
        };
        let (key, value) = &entries[1];
        assert_eq!(key.span.start, Pos { line: 2, col: 1 });
        let Value::Seq(items) = &value.value else {
            panic!("a list")
        };
        assert_eq!(items[1].span.start, Pos { line: 4, col: 5 });
        assert!(!items[1].scalar().expect("scalar").plain);
    }

    #[test]
    fn yaml_1_2_scalars() {
        let s = |t: &str| Scalar {
            text: t.into(),
            plain: true,
        };
        assert_eq!(s("no").as_bool(), None);
        assert_eq!(s("yes").as_bool(), None);
        assert_eq!(s("true").as_bool(), Some(true));
        assert!(s("~").is_null() && s("").is_null() && s("null").is_null());
        assert_eq!(s("12").as_int(), Some(12));
        assert_eq!(s("-3").as_int(), Some(-3));
        assert_eq!(s("0x1f").as_int(), Some(31));
        assert_eq!(s("1.5").as_int(), None);
        assert_eq!(s("1.5").as_number(), Some(1.5));
        assert_eq!(s("2026-09-14").as_number(), None);
        assert_eq!(s(".nan").as_number(), None);
        let quoted = Scalar {
            text: "4".into(),
            plain: false,
        };
        assert_eq!(quoted.as_int(), None);
    }

    #[test]
    fn bom_and_crlf_are_read_like_plain_lf() {
        let a = doc("\u{feff}a: 1\r\nb: \"x\r\n  y\"\r\n");
        let b = doc("a: 1\nb: \"x\n  y\"\n");
        assert_eq!(a, b);
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = parse_document("a: 1\nb: 2\na: 3\n").expect_err("duplicate");
        assert_eq!(err.message, "duplicate key \"a\": it is already used on line 1");
        assert_eq!(err.span.start, Pos { line: 3, col: 1 });
    }

    #[test]
    fn alias_bombs_are_refused_quickly() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        let err = parse_document(&text).expect_err("bomb");
        assert!(err.message.contains("expands to more than"), "{}", err.message);
        let err = parse_sequence("- &a x\n- *a\n", |_| {}).expect_err("refused");
        assert_eq!(err.message, "anchors (`&name`) are not allowed in response files");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let err = parse_document(&text).expect_err("too deep");
        assert_eq!(err.message, "nesting deeper than 64 levels");
    }

    #[test]
    fn sequences_stream_item_by_item() {
        let mut seen = Vec::new();
        let top = parse_sequence("- a: 1\n- b: 2\n", |n| seen.push(n.span.start.line)).expect("ok");
        assert_eq!((top, seen), (Top::Seq, vec![1, 2]));
        assert_eq!(parse_sequence("# nothing\n", |_| {}), Ok(Top::Empty));
        let err = parse_sequence("a: 1\n", |_| {}).expect_err("mapping");
        assert_eq!(
            err.message,
            "expected a list of responses (each starting with `- `), found a mapping"
        );
    }
}
