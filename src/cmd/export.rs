//! `rapport export`: one survey's questionnaire written for a form tool.
//! The survey goes through load and validate alone (its responses are not
//! read); with any error in it nothing is written.

use super::{summary, Error};
use crate::cli::{ExportArgs, FormTool};
use crate::export::{self, Tool};
use codespan_reporting::term::termcolor::WriteColor;
use std::path::{Path, PathBuf};

/// Exports survey `--survey` as `--to` into `--out` (`<ID>.xlsx` or
/// `<ID>.json` in the current folder), refusing to replace a file unless
/// `--force`.
pub fn run(root: &Path, args: &ExportArgs, err: &mut dyn WriteColor, quiet: bool) -> Result<(), Error> {
    let tool = match args.to {
        FormTool::Xlsform => Tool::XlsForm,
        FormTool::Surveyjs => Tool::SurveyJs,
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.{}", args.survey, tool.extension())));
    if !args.force && out.exists() {
        return Err(Error::OutExists(out));
    }
    let (survey, _, _) = super::checked_survey(root, &args.survey, err, quiet, "exported")?;
    let exported = export::export(&survey, tool).map_err(Error::Export)?;
    if !quiet {
        for note in &exported.notes {
            writeln!(err, "note: {note}")?;
        }
    }
    crate::fsx::write_new(&out, &exported.bytes, args.force).map_err(|e| {
        if e.source.kind() == std::io::ErrorKind::AlreadyExists {
            Error::OutExists(out.clone())
        } else {
            Error::ExportWrite(e)
        }
    })?;
    if !quiet {
        writeln!(
            err,
            "exported `{}` ({}, {}) as {} to {}",
            survey.id,
            summary::plural(survey.questions.len() as u64, "question", "questions"),
            summary::plural(survey.languages.len() as u64, "language", "languages"),
            tool.name(),
            out.display()
        )?;
    }
    Ok(())
}
