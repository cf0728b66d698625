//! How diagnostics are shown: rustc-style text with the source line and a
//! marker (codespan-reporting), GitHub workflow commands, and JSON.

use super::{byte_range, slash, Diagnostic, Diagnostics, Severity};
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor, Chars, Config};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

impl Diagnostics {
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
