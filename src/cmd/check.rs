//! `rapport check`: every problem of a project, in the format asked for,
//! and nothing written (the cache is read, never written).

use super::{summary, Error};
use crate::cli::{CheckArgs, Format};
use crate::diagnostics::{code, Diagnostic, Severity};
use crate::{analyse, CacheMode, Options};
use codespan_reporting::term::termcolor::WriteColor;
use std::io::Write;
use std::path::Path;

/// Reports every problem in the chosen format. Human output and the summary
/// go to `err`; GitHub annotations and JSON go to `out`.
pub fn run(
    root: &Path,
    args: &CheckArgs,
    err: &mut dyn WriteColor,
    out: &mut dyn Write,
    quiet: bool,
    use_cache: bool,
) -> Result<(), Error> {
    let mut analysis = analyse(
        root,
        Options {
            cache: if use_cache {
                CacheMode::Read
            } else {
                CacheMode::Off
            },
            progress: !quiet && args.format == Format::Human,
        },
    );
    // The pages are rendered in memory too, so a template that fails while
    // rendering fails check as it would fail build.
    if analysis.diagnostics.errors() == 0 {
        if let Some(Err(e)) = crate::render_site(&analysis) {
            analysis.diagnostics.push(Diagnostic::general(
                Severity::Error,
                code::TEMPLATE,
                Some(&Path::new("templates").join(e.template)),
                format!("template `{}` failed: {}", e.template, e.message),
            ));
        }
    }
    // The language as the surveys spell it (tags compare without case).
    let lang = match &args.lang {
        None => None,
        Some(asked) => {
            let tag = analysis
                .surveys
                .iter()
                .flat_map(|(s, _)| s.languages.iter())
                .find(|l| l.eq_ignore_ascii_case(asked))
                .cloned()
                .ok_or_else(|| Error::UnknownLanguage(asked.clone()))?;
            analysis.diagnostics.only_language(&tag);
            Some(tag)
        }
    };
    if args.strict {
        analysis.diagnostics.strict();
    }
    match args.format {
        Format::Human => summary::problems(&analysis, root, err, quiet)?,
        Format::Github => {
            for d in analysis.diagnostics.items() {
                writeln!(out, "{}", d.github())?;
            }
        }
        Format::Json => {
            let report = summary::json(&analysis, lang.as_deref());
            let text = serde_json::to_string_pretty(&report).map_err(|e| Error::Output(e.into()))?;
            writeln!(out, "{text}")?;
        }
    }
    let d = &analysis.diagnostics;
    if !quiet && args.format != Format::Json {
        writeln!(
            err,
            "checked {}: {}",
            summary::counts(&analysis),
            summary::tally(d)
        )?;
        let coverage = summary::coverage_lines(&analysis, lang.as_deref());
        if !coverage.is_empty() {
            writeln!(err, "translations:")?;
            for line in coverage {
                writeln!(err, "{line}")?;
            }
        }
        let words = summary::word_lines(&analysis, lang.as_deref());
        if !words.is_empty() {
            writeln!(err, "rapport's own words:")?;
            for line in words {
                writeln!(err, "{line}")?;
            }
        }
        if !analysis.surveys.is_empty() {
            writeln!(
                err,
                "{}",
                summary::privacy_line(analysis.privacy, analysis.config.min_group_size)
            )?;
        }
    }
    if d.errors() > 0 {
        return Err(Error::CheckFoundErrors);
    }
    Ok(())
}
