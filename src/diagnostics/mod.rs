//! Problems in a project, as data: each has a stable code ([`code`]), a
//! place (`file:line:col`, a [`Span`]), what was found and what was expected,
//! and an optional hint. Every stage pushes into a [`Diagnostics`] collector
//! and keeps going, so one run reports all problems; the printers render them
//! the way rustc does, with the source line and a marker under the spot, or
//! as GitHub annotations or JSON.
//!
//! This module sits below every stage: the codes, positions and wording
//! helpers here are shared by all of them.

pub mod code;
mod hint;
mod print;
mod span;

pub use hint::{did_you_mean, list, quote, suggest};
pub use span::{byte_range, position, Pos, Span};

use std::path::{Path, PathBuf};

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
    pub span: Option<Span>,
    /// The words under the marker.
    pub label: String,
    /// Hints and notes shown after the snippet.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error at a place in a file.
    pub fn error(code: &'static str, file: &Path, span: Span, message: impl Into<String>) -> Self {
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
    pub fn warning(code: &'static str, file: &Path, span: Span, message: impl Into<String>) -> Self {
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
            .retain(|d| d.code != code::MISSING_TRANSLATION || d.message.contains(&tag));
    }
}
