//! The commands: what `build`, `check`, `serve`, `init`, `diff` and
//! `export` do with
//! the stages, what they print, and why they fail.
//!
//! Problems in the user's files are reported as diagnostics while a command
//! runs; a command that fails returns an [`Error`], and the binary prints it,
//! once, as the last line.

pub mod build;
pub mod check;
pub mod diff;
pub mod export;
pub mod import;
pub mod init;
pub mod serve;
mod summary;

use crate::cli::{Cli, Color, Command};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use std::fmt;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Most problems printed in one run; the rest are counted.
pub const MAX_SHOWN: usize = 50;

/// Why a command failed. `Display` gives the line the binary prints after
/// `error: ` (or `error[code]: `, see [`Error::code`]).
#[derive(Debug)]
pub enum Error {
    /// `check` found errors; the diagnostics and the summary were its
    /// output, so nothing more is printed.
    CheckFoundErrors,
    /// `build` found errors (already listed); the site was left alone.
    BuildFoundErrors {
        /// How many errors and warnings, in words.
        problems: String,
        /// The site folder that was not changed.
        site: PathBuf,
    },
    /// `--base-url` is not an absolute http(s) URL.
    BaseUrl(String),
    /// `check --lang` names a language no survey has.
    UnknownLanguage(String),
    /// A template failed while rendering a page; the site was left alone.
    Render {
        /// The template's failure.
        error: crate::render::RenderError,
        /// The site folder that was not changed.
        site: PathBuf,
    },
    /// The site could not be written.
    Write(crate::write::WriteError),
    /// `init` could not make the project.
    Init(init::InitError),
    /// `diff` could not read a site.
    Diff(diff::DiffError),
    /// `serve` could not listen or watch.
    Serve(serve::ServeError),
    /// `export --survey` names no survey folder.
    UnknownSurvey {
        /// The id asked for.
        id: String,
        /// "did you mean", or the ids there are.
        help: String,
    },
    /// The survey to export or import into has errors (already listed);
    /// nothing was written.
    SurveyHasErrors {
        /// How many errors and warnings, in words.
        problems: String,
        /// The survey's id.
        survey: String,
        /// What did not happen: "exported", "imported".
        nothing_was: &'static str,
    },
    /// `export` would replace a file and `--force` was not given.
    OutExists(PathBuf),
    /// The form could not be made.
    Export(crate::export::ExportError),
    /// The form could not be written.
    ExportWrite(crate::fsx::FsError),
    /// The export could not be read, or has problems.
    Import(crate::import::ImportError),
    /// An option of `import` is malformed.
    ImportOption(String),
    /// The survey's response files could not be read for their ids.
    ImportRead(String),
    /// Messages could not be printed (a closed pipe, a full disk).
    Output(std::io::Error),
}

impl Error {
    /// The diagnostic code the failure is printed with, if it has one.
    pub fn code(&self) -> Option<&'static str> {
        match self {
            Error::Render { .. } => Some(crate::diagnostics::code::TEMPLATE),
            _ => None,
        }
    }

    /// The line to print, or `None` when the command's output already said
    /// everything.
    pub fn message(&self) -> Option<String> {
        match (self, self.code()) {
            (Error::CheckFoundErrors, _) => None,
            (_, Some(code)) => Some(format!("error[{code}]: {self}")),
            (_, None) => Some(format!("error: {self}")),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::CheckFoundErrors => f.write_str("the project has errors"),
            Error::BuildFoundErrors { problems, site } => {
                write!(f, "{problems}; {} was not changed", site.display())
            }
            Error::BaseUrl(message) => write!(f, "--base-url: {message}"),
            Error::UnknownLanguage(lang) => write!(f, "no survey has the language `{lang}`"),
            Error::Render { error, site } => write!(f, "{error}; {} was not changed", site.display()),
            Error::Write(e) => e.fmt(f),
            Error::Init(e) => e.fmt(f),
            Error::Diff(e) => e.fmt(f),
            Error::Serve(e) => e.fmt(f),
            Error::UnknownSurvey { id, help } => write!(f, "there is no survey `{id}` in surveys/; {help}"),
            Error::SurveyHasErrors {
                problems,
                survey,
                nothing_was,
            } => {
                write!(f, "survey `{survey}` has {problems}; nothing was {nothing_was}")
            }
            Error::OutExists(path) => {
                write!(f, "{} exists; pass --force to replace it", path.display())
            }
            Error::Export(e) => e.fmt(f),
            Error::ExportWrite(e) => e.fmt(f),
            Error::Import(e) => write!(f, "{e}; nothing was written"),
            Error::ImportOption(message) => f.write_str(message),
            Error::ImportRead(message) => write!(f, "{message}; nothing was written"),
            Error::Output(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Output(e)
    }
}

/// Runs a parsed command line; messages go to stderr, what a command makes
/// for another program (diff's Markdown, check's annotations) to stdout.
pub fn run(cli: Cli) -> Result<(), Error> {
    let mut err = StandardStream::stderr(color_choice(cli.color));
    let root = cli.root;
    let quiet = cli.quiet;
    let use_cache = !cli.no_cache;
    match cli.command {
        Command::Build(args) => build::run(&root, &args, &mut err, quiet, use_cache),
        Command::Check(args) => {
            let mut out = std::io::stdout().lock();
            check::run(&root, &args, &mut err, &mut out, quiet, use_cache)
        }
        Command::Serve(args) => serve::run(&root, &args, cli.color, quiet, use_cache),
        Command::Init(args) => init::run(&root, &args, &mut err, quiet),
        Command::Diff(args) => diff::run(&root, &args),
        Command::Export(args) => export::run(&root, &args, &mut err, quiet),
        Command::Import(args) => {
            let mut out = std::io::stdout().lock();
            import::run(&root, &args, &mut err, &mut out, quiet)
        }
    }
}

/// Survey `id` through load and validate (its problems printed), with its
/// response files and the largest file to read; an error when there is no
/// such survey or it has errors, saying that nothing was done
/// (`nothing_was`: "exported", "imported").
fn checked_survey(
    root: &std::path::Path,
    id: &str,
    err: &mut dyn codespan_reporting::term::termcolor::WriteColor,
    quiet: bool,
    nothing_was: &'static str,
) -> Result<(crate::model::Survey, Vec<PathBuf>, u64), Error> {
    let definition = crate::definition(root, id);
    definition.diagnostics.print(root, err, MAX_SHOWN, !quiet)?;
    if !definition.surveys.iter().any(|s| s == id) {
        let known: Vec<&str> = definition.surveys.iter().map(String::as_str).collect();
        return Err(Error::UnknownSurvey {
            id: id.to_owned(),
            help: crate::diagnostics::did_you_mean(id, &known),
        });
    }
    match definition.survey {
        Some(survey) if definition.diagnostics.errors() == 0 => {
            Ok((survey, definition.responses, definition.max_file_size))
        }
        _ => Err(Error::SurveyHasErrors {
            problems: summary::tally(&definition.diagnostics),
            survey: id.to_owned(),
            nothing_was,
        }),
    }
}

/// Whether to colour messages: `--color`, then `NO_COLOR`, then whether
/// stderr is a terminal.
pub fn color_choice(color: Color) -> ColorChoice {
    match color {
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
        Color::Auto if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => ColorChoice::Never,
        Color::Auto if std::io::stderr().is_terminal() => ColorChoice::Auto,
        Color::Auto => ColorChoice::Never,
    }
}
