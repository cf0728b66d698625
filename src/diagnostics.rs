//! Problems in a project, as data: each has a stable code, a place
//! (`file:line:col`), what was found and what was expected, and an optional
//! hint. Every stage pushes into a [`Diagnostics`] collector and keeps going,
//! so one run reports all problems; the printer renders them the way rustc
//! does, with the source line and a marker under the spot.

use crate::yaml::{Pos, Span2};
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor, Chars, Config};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build cannot go on.
    Error,
    /// The build goes on, but something deserves a look.
    Warning,
}

/// One problem, tied to a place in a file when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code, e.g. `E0301`; documented in docs/diagnostics.md.
    pub code: &'static str,
    /// What is wrong, in one line.
    pub message: String,
    /// The file, relative to the project root.
    pub file: Option<PathBuf>,
    /// Where in the file.
    pub span: Option<Span2>,
    /// The words under the marker.
    pub label: String,
    /// Hints and notes shown after the snippet.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error at a place in a file.
    pub fn error(code: &'static str, file: &Path, span: Span2, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            file: Some(file.to_path_buf()),
            span: Some(span),
            label: String::new(),
            notes: Vec::new(),
        }
    }

    /// A warning at a place in a file.
    pub fn warning(code: &'static str, file: &Path, span: Span2, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, span, message)
        }
    }

    /// A problem with a whole file, or with no file at all.
    pub fn general(
        severity: Severity,
        code: &'static str,
        file: Option<&Path>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            file: file.map(Path::to_path_buf),
            span: None,
            label: String::new(),
            notes: Vec::new(),
        }
    }

    /// Sets the words under the marker.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Adds a note, shown as `= note`.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Adds a hint, shown as `= help`.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.notes.push(format!("help: {}", help.into()));
        self
    }

    /// `file:line:col`, or as much of it as is known.
    pub fn location(&self) -> String {
        match (&self.file, self.span) {
            (Some(f), Some(s)) => format!("{}:{}:{}", slash(f), s.start.line, s.start.col),
            (Some(f), None) => slash(f),
            _ => String::new(),
        }
    }
}

/// A path with forward slashes, the same on every system.
pub fn slash(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Everything one run found.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Collects the problems of a run.
    pub fn new(items: Vec<Diagnostic>) -> Self {
        Diagnostics { items }
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.items.len() - self.errors()
    }

    /// The problems, in the order found.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// Adds a problem found after the analysis (e.g. while rendering).
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Turns every warning into an error (`--strict`).
    pub fn strict(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }

    /// Keeps only the missing-translation warnings of `lang` (`--lang`).
    pub fn only_language(&mut self, lang: &str) {
        let tag = format!("`{lang}`");
        self.items
            .retain(|d| d.code != "W0001" || d.message.contains(&tag));
    }

    /// Writes at most `limit` problems (errors first, each kind in the order
    /// found; warnings only when `warnings` is set), then a line saying how
    /// many more there were. Source lines are read from the files under `root`.
    pub fn print(
        &self,
        root: &Path,
        out: &mut dyn WriteColor,
        limit: usize,
        warnings: bool,
    ) -> std::io::Result<()> {
        let mut ordered: Vec<&Diagnostic> = self
            .items
            .iter()
            .filter(|d| warnings || d.severity == Severity::Error)
            .collect();
        ordered.sort_by_key(|d| d.severity);
        let shown = &ordered[..ordered.len().min(limit)];
        let mut files = SimpleFiles::new();
        let mut ids = BTreeMap::new();
        let mut sources: BTreeMap<PathBuf, Arc<str>> = BTreeMap::new();
        for d in shown {
            if let (Some(f), Some(_)) = (&d.file, d.span) {
                if !ids.contains_key(f) {
                    if let Ok(bytes) = std::fs::read(root.join(f)) {
                        // Positions are counted after a byte order mark, as the parser saw the text.
                        let text = String::from_utf8_lossy(&bytes);
                        let text: Arc<str> = text.strip_prefix('\u{feff}').unwrap_or(&text).into();
                        ids.insert(f.clone(), files.add(slash(f), text.clone()));
                        sources.insert(f.clone(), text);
                    }
                }
            }
        }
        let config = Config {
            chars: Chars::ascii(),
            ..Config::default()
        };
        for d in shown {
            let report = to_report(d, &ids, &sources);
            term::emit(out, &config, &files, &report).map_err(std::io::Error::other)?;
        }
        if ordered.len() > shown.len() {
            let rest = &ordered[shown.len()..];
            let errors = rest.iter().filter(|d| d.severity == Severity::Error).count();
            writeln!(
                out,
                "... and {} more ({} errors, {} warnings) not shown",
                rest.len(),
                errors,
                rest.len() - errors
            )?;
        }
        Ok(())
    }
}

/// Escapes a GitHub workflow command's message (`%`, CR, LF).
fn github_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a GitHub workflow command's property (also `:` and `,`).
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

impl Diagnostic {
    /// The message with its hints, one per line.
    pub fn full_message(&self) -> String {
        let mut out = self.message.clone();
        for note in &self.notes {
            out.push('\n');
            out.push_str(note);
        }
        out
    }

    /// The diagnostic as a GitHub Actions workflow command, so it shows as an
    /// annotation on the file's line in a pull request.
    pub fn github(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(file) = &self.file {
            props.push(format!("file={}", github_property(&slash(file))));
        }
        if let Some(span) = self.span {
            props.push(format!("line={}", span.start.line));
            props.push(format!("col={}", span.start.col));
            if span.end.line == span.start.line && span.end.col > span.start.col {
                props.push(format!("endColumn={}", span.end.col));
            }
        }
        props.push(format!(
            "title={}",
            github_property(&format!("rapport {}", self.code))
        ));
        format!(
            "::{kind} {}::{}",
            props.join(","),
            github_data(&self.full_message())
        )
    }

    /// The diagnostic as JSON, for tools.
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "file": self.file.as_deref().map(slash),
            "line": self.span.map(|s| s.start.line),
            "column": self.span.map(|s| s.start.col),
            "end_line": self.span.map(|s| s.end.line),
            "end_column": self.span.map(|s| s.end.col),
            "severity": match self.severity { Severity::Error => "error", Severity::Warning => "warning" },
            "code": self.code,
            "message": self.message,
            "label": self.label,
            "notes": self.notes,
        })
    }
}

fn to_report(
    d: &Diagnostic,
    ids: &BTreeMap<PathBuf, usize>,
    sources: &BTreeMap<PathBuf, Arc<str>>,
) -> Report<usize> {
    let report = match d.severity {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    }
    .with_code(d.code)
    .with_message(&d.message);
    let mut notes = Vec::new();
    let located = d.file.as_ref().and_then(|f| {
        let span = d.span?;
        let id = *ids.get(f)?;
        let text = sources.get(f)?;
        Some((id, byte_range(text, span)))
    });
    let report = match located {
        Some((id, range)) => report.with_labels(vec![Label::primary(id, range).with_message(&d.label)]),
        None => {
            let at = d.location();
            if !at.is_empty() {
                notes.push(format!("in {at}"));
            }
            report
        }
    };
    notes.extend(d.notes.iter().cloned());
    report.with_notes(notes)
}

/// Turns a line and column span into a byte range of `text` (the marker
/// stays on the first line and covers at least one character).
pub fn byte_range(text: &str, span: Span2) -> std::ops::Range<usize> {
    let start = offset(text, span.start);
    let line_end = text[start..].find(['\n', '\r']).map_or(text.len(), |i| start + i);
    let end = if span.end.line > span.start.line {
        line_end
    } else if span.end > span.start {
        offset(text, span.end).min(line_end)
    } else {
        start
    };
    if end > start {
        start..end
    } else {
        let next = text[start..].chars().next().map_or(0, char::len_utf8);
        start..start + next
    }
}

fn offset(text: &str, pos: Pos) -> usize {
    let mut line_start = 0;
    for _ in 1..pos.line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line = &text[line_start..];
    let col = line
        .char_indices()
        .nth(pos.col.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    line_start + col
}

/// The known name nearest to `unknown`, if one is close enough to be a typo.
pub fn suggest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(unknown, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// A "did you mean" hint, or a list of what is allowed when nothing is close.
pub fn did_you_mean(unknown: &str, known: &[&str]) -> String {
    match suggest(unknown, known.iter().copied()) {
        Some(k) => format!("did you mean `{k}`?"),
        None if known.is_empty() => "none are declared".into(),
        None => format!("expected one of {}", list(known)),
    }
}

/// `a`, `b` or `c`, shortened after eight.
pub fn list(known: &[&str]) -> String {
    let mut names: Vec<String> = known.iter().take(8).map(|k| format!("`{k}`")).collect();
    if known.len() > 8 {
        names.push(format!("{} more", known.len() - 8));
    }
    match names.len() {
        0 => String::new(),
        1 => names.remove(0),
        n => format!("{} or {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_find_typos_only() {
        let known = ["accuracy", "availability", "partnership", "advice"];
        assert_eq!(suggest("availabilty", known), Some("availability"));
        assert_eq!(suggest("zzz", known), None);
        assert_eq!(did_you_mean("acuracy", &known), "did you mean `accuracy`?");
        assert_eq!(
            did_you_mean("zzz", &known),
            "expected one of `accuracy`, `availability`, `partnership` or `advice`"
        );
    }

    #[test]
    fn byte_ranges_count_characters_not_bytes() {
        let text = "a: ё\nτέλος: x\n";
        let span = Span2 {
            start: Pos { line: 2, col: 8 },
            end: Pos { line: 2, col: 9 },
        };
        assert_eq!(&text[byte_range(text, span)], "x");
    }
}
