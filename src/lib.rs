//! rapport turns customer-expectation surveys kept as YAML in a git
//! repository into a report site. The modules, in the order data flows
//! through them:
//!
//! - [`load`] — find a project's files and read them as text
//! - [`yaml`] — parse YAML into trees that keep every value's line and column
//! - [`validate`] — check definitions and responses against the format
//! - [`responses`] — read a survey's response files in parallel, from the
//!   [`cache`] when they have not changed
//! - [`aggregate`] — count answers into mergeable tallies
//! - [`score`] — scores, targets, the focus level and privacy hiding
//! - [`render`] — report pages, charts, data.json and data.csv, in memory
//! - [`write`] — put the site in place only when everything succeeded
//!
//! Beside them: [`model`] (the checked types), [`period`] (dates and
//! periods), [`i18n`] (the report's own words in five languages), [`diagnostics`] (problems and how they are printed), [`fsx`]
//! (file access with paths in errors) and [`cli`] (the command line).

pub mod aggregate;
pub mod cache;
pub mod cli;
pub mod diagnostics;
pub mod diff;
pub mod fsx;
pub mod i18n;
pub mod init;
pub mod load;
pub mod model;
pub mod period;
pub mod progress;
pub mod render;
pub mod responses;
pub mod score;
pub mod serve;
pub mod validate;
pub mod write;
pub mod yaml;

use crate::cli::{Cli, Color, Command};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Config, Survey};
use crate::score::{Privacy, Scores};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Most problems printed in one run; the rest are counted.
pub const MAX_SHOWN: usize = 50;

/// A project read, checked and scored: everything but the output.
pub struct Analysis {
    /// The templates the site is rendered with (`None` when they have errors).
    pub templates: Option<render::templates::Templates>,
    /// Site settings.
    pub config: Config,
    /// Every valid survey with its scores.
    pub surveys: Vec<(Survey, Scores)>,
    /// Problems found.
    pub diagnostics: Diagnostics,
    /// Responses read.
    pub responses: u64,
    /// Response files read.
    pub files: usize,
    /// Response files whose counts came from the cache.
    pub cached: usize,
    /// What privacy hid, over all surveys.
    pub privacy: Privacy,
    /// Surveys whose responses were not read because survey.yaml has errors.
    pub unchecked: Vec<String>,
}

/// How a run uses the incremental cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheMode {
    /// Neither read nor write it (`--no-cache`).
    Off,
    /// Read it, never write it (`check` writes nothing).
    Read,
    /// Read it and bring it up to date (`build`).
    ReadWrite,
}

impl CacheMode {
    /// `ReadWrite`, or `Off` for `--no-cache`.
    pub fn writing(use_cache: bool) -> Self {
        if use_cache {
            CacheMode::ReadWrite
        } else {
            CacheMode::Off
        }
    }
}

/// How to run the stages.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Use of the cache.
    pub cache: CacheMode,
    /// Show a progress bar on a terminal.
    pub progress: bool,
}

/// Runs the stages from load to score over the project in `root`.
pub fn analyse(root: &Path, options: Options) -> Analysis {
    let mut diags: Vec<Diagnostic> = Vec::new();
    let project = load::discover(root, &mut diags);
    let config = match &project.config {
        Some(file) => match load::document(root, file, model::MAX_FILE_SIZE) {
            Ok(node) => validate::config::config(
                &mut validate::Ctx {
                    file,
                    diags: &mut diags,
                },
                &node,
            ),
            Err(d) => {
                diags.push(*d);
                Config::default()
            }
        },
        None => Config::default(),
    };
    let mut surveys = Vec::new();
    let (mut responses, mut files, mut cached) = (0, 0, 0);
    let total = project.surveys.iter().map(|s| s.responses.len()).sum();
    let progress = progress::Progress::new(total, options.progress);
    let mut privacy = Privacy::default();
    let mut unchecked = Vec::new();
    for files_of in &project.surveys {
        let file = &files_of.definition;
        let survey = match load::document(root, file, config.max_file_size) {
            Ok(node) => validate::survey::survey(
                &mut validate::Ctx {
                    file,
                    diags: &mut diags,
                },
                &files_of.id,
                &node,
            ),
            Err(d) => {
                diags.push(*d);
                None
            }
        };
        let Some(survey) = survey else {
            if !files_of.responses.is_empty() {
                unchecked.push(files_of.id.clone());
            }
            continue;
        };
        let cache = match options.cache {
            CacheMode::Off => None,
            mode => std::fs::read(root.join(file)).ok().map(|bytes| {
                cache::SurveyCache::new(
                    root,
                    &survey.id,
                    cache::content_hash(&bytes),
                    mode == CacheMode::ReadWrite,
                )
            }),
        };
        let collected = responses::collect(
            root,
            &files_of.responses,
            &survey,
            cache.as_ref(),
            &progress,
            config.max_file_size,
        );
        diags.extend(collected.diags);
        responses += collected.responses;
        files += collected.files;
        cached += collected.cached;
        let scores = score::score(&survey, &collected.tally, config.min_group_size);
        privacy.small += scores.privacy.small;
        privacy.complement += scores.privacy.complement;
        surveys.push((survey, scores));
    }
    progress.finish();
    let templates = render::templates::load(root, &mut diags);
    Analysis {
        cached,
        templates,
        config,
        surveys,
        diagnostics: Diagnostics::new(diags),
        responses,
        files,
        privacy,
        unchecked,
    }
}

/// Renders an analysed project's site into memory.
pub fn render(analysis: &Analysis) -> Result<render::SiteFiles, Error> {
    let Some(templates) = &analysis.templates else {
        return Err(Error::Invalid);
    };
    render::site(&analysis.config, &analysis.surveys, templates).map_err(Error::Render)
}

/// Why a command failed.
#[derive(Debug)]
pub enum Error {
    /// The project has errors (already printed).
    Invalid,
    /// A template failed while rendering a page.
    Render(render::RenderError),
    /// The site could not be written.
    Write(write::WriteError),
    /// Messages could not be printed.
    Output(std::io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Invalid => f.write_str("the project has errors"),
            Error::Render(e) => write!(f, "template {} failed: {}", e.template, e.message),
            Error::Write(e) => e.fmt(f),
            Error::Output(e) => write!(f, "could not print messages: {e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Output(e)
    }
}

fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One line on what privacy hid.
pub fn privacy_line(p: Privacy, min_group_size: u64) -> String {
    format!(
        "privacy: {} hidden (fewer than {min_group_size} respondents), {} more hidden so that they cannot be worked out by subtraction",
        plural(p.small, "breakdown cell", "breakdown cells"),
        p.complement
    )
}

fn report(analysis: &Analysis, root: &Path, out: &mut dyn WriteColor, quiet: bool) -> std::io::Result<()> {
    analysis.diagnostics.print(root, out, MAX_SHOWN, !quiet)?;
    for id in &analysis.unchecked {
        writeln!(
            out,
            "note: the responses of `{id}` were not checked: fix its survey.yaml first"
        )?;
    }
    Ok(())
}

fn counts(analysis: &Analysis) -> String {
    let cached = match analysis.cached {
        0 => String::new(),
        n => format!(", {n} from the cache"),
    };
    format!(
        "{} ({} in {}{cached})",
        plural(analysis.surveys.len() as u64, "survey", "surveys"),
        plural(analysis.responses, "response", "responses"),
        plural(analysis.files as u64, "file", "files"),
    )
}

fn problems(d: &Diagnostics) -> String {
    format!(
        "{}, {}",
        plural(d.errors() as u64, "error", "errors"),
        plural(d.warnings() as u64, "warning", "warnings")
    )
}

/// The translation coverage lines of `check`, optionally for one language.
pub fn coverage_lines(analysis: &Analysis, lang: Option<&str>) -> Vec<String> {
    analysis
        .surveys
        .iter()
        .filter_map(|(survey, _)| {
            let parts: Vec<String> = survey
                .translations
                .iter()
                .filter(|c| lang.is_none_or(|l| l == c.lang))
                .map(|c| {
                    let done = c.texts - c.missing.len().min(c.texts);
                    let mut part = format!("{} {:.0}% ({done} of {})", c.lang, c.share() * 100.0, c.texts);
                    if !c.missing.is_empty() {
                        part.push_str(&format!(", {} missing", c.missing.len()));
                    }
                    part
                })
                .collect();
            (!parts.is_empty()).then(|| format!("  {}: {}", survey.id, parts.join("; ")))
        })
        .collect()
}

/// `rapport check`: reports every problem in the chosen format; writes
/// nothing (it reads the cache unless `use_cache` is false). Human output and
/// the summary go to `err`; GitHub annotations and JSON go to `out`.
pub fn check(
    root: &Path,
    err: &mut dyn WriteColor,
    out: &mut dyn Write,
    args: &cli::CheckArgs,
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
            progress: !quiet && args.format == cli::Format::Human,
        },
    );
    // The pages are rendered in memory too, so a template that fails while
    // rendering fails check as it would fail build.
    if analysis.diagnostics.errors() == 0 {
        if let Err(Error::Render(e)) = render(&analysis) {
            analysis.diagnostics.push(diagnostics::Diagnostic::general(
                diagnostics::Severity::Error,
                validate::code::TEMPLATE,
                Some(&Path::new("templates").join(e.template)),
                format!("template `{}` failed: {}", e.template, e.message),
            ));
        }
    }
    // The language as the surveys spell it (tags compare without case).
    let lang = match &args.lang {
        None => None,
        Some(asked) => {
            let found = analysis
                .surveys
                .iter()
                .flat_map(|(s, _)| s.languages.iter())
                .find(|l| l.eq_ignore_ascii_case(asked))
                .cloned();
            let Some(tag) = found else {
                writeln!(err, "error: no survey has the language `{asked}`")?;
                return Err(Error::Invalid);
            };
            analysis.diagnostics.only_language(&tag);
            Some(tag)
        }
    };
    if args.strict {
        analysis.diagnostics.strict();
    }
    match args.format {
        cli::Format::Human => report(&analysis, root, err, quiet)?,
        cli::Format::Github => {
            for d in analysis.diagnostics.items() {
                writeln!(out, "{}", d.github())?;
            }
        }
        cli::Format::Json => {
            let all: Vec<serde_json::Value> = analysis.diagnostics.items().iter().map(|d| d.json()).collect();
            let text = serde_json::to_string_pretty(&all).map_err(|e| Error::Output(e.into()))?;
            writeln!(out, "{text}")?;
        }
    }
    let d = &analysis.diagnostics;
    if !quiet && args.format != cli::Format::Json {
        writeln!(err, "checked {}: {}", counts(&analysis), problems(d))?;
        let coverage = coverage_lines(&analysis, lang.as_deref());
        if !coverage.is_empty() {
            writeln!(err, "translations:")?;
            for line in coverage {
                writeln!(err, "{line}")?;
            }
        }
        if !analysis.surveys.is_empty() {
            writeln!(
                err,
                "{}",
                privacy_line(analysis.privacy, analysis.config.min_group_size)
            )?;
        }
    }
    if d.errors() > 0 {
        return Err(Error::Invalid);
    }
    Ok(())
}

/// `rapport build`: checks, renders and writes the site into `site_dir`,
/// leaving the previous site untouched on any error.
pub fn build(
    root: &Path,
    site_dir: &Path,
    out: &mut dyn WriteColor,
    quiet: bool,
    use_cache: bool,
    base_url: Option<&str>,
) -> Result<(), Error> {
    let started = Instant::now();
    let mut analysis = analyse(
        root,
        Options {
            cache: CacheMode::writing(use_cache),
            progress: !quiet,
        },
    );
    if let Some(url) = base_url {
        match validate::config::normalize_base_url(url) {
            Ok(url) => analysis.config.base_url = Some(url),
            Err(message) => {
                writeln!(out, "error: --base-url: {message}")?;
                return Err(Error::Invalid);
            }
        }
    }
    report(&analysis, root, out, quiet)?;
    let d = &analysis.diagnostics;
    if d.errors() > 0 {
        writeln!(
            out,
            "error: {}; {} was not changed",
            problems(d),
            site_dir.display()
        )?;
        return Err(Error::Invalid);
    }
    let site = match render(&analysis) {
        Ok(site) => site,
        Err(e) => {
            writeln!(
                out,
                "error[{}]: {e}; {} was not changed",
                validate::code::TEMPLATE,
                site_dir.display()
            )?;
            return Err(e);
        }
    };
    write::write_site(site_dir, &site).map_err(Error::Write)?;
    if !quiet {
        writeln!(
            out,
            "built {} into {} in {:.2} s",
            counts(&analysis),
            site_dir.display(),
            started.elapsed().as_secs_f64()
        )?;
    }
    Ok(())
}

/// One build for `serve`: problems go to the terminal, and as plain text to
/// the pages when the build fails.
fn build_in_memory(root: &Path, color: Color, quiet: bool, use_cache: bool) -> serve::Built {
    let started = Instant::now();
    let mut analysis = analyse(
        root,
        Options {
            cache: CacheMode::writing(use_cache),
            progress: false,
        },
    );
    // Served pages live at the server's root, whatever base_url says.
    analysis.config.base_url = None;
    let mut err = StandardStream::stderr(color_choice(color));
    let _ = report(&analysis, root, &mut err, quiet);
    if analysis.diagnostics.errors() > 0 {
        let mut text = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
        let _ = analysis.diagnostics.print(root, &mut text, MAX_SHOWN, false);
        let _ = writeln!(
            err,
            "error: {}; the pages show them, and reload once they are fixed",
            problems(&analysis.diagnostics)
        );
        return Err(String::from_utf8_lossy(&text.into_inner()).into_owned());
    }
    match render(&analysis) {
        Ok(site) => {
            if !quiet {
                let _ = writeln!(
                    err,
                    "built {} in {:.2} s",
                    counts(&analysis),
                    started.elapsed().as_secs_f64()
                );
            }
            Ok(site)
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}; the pages show it, and reload once it is fixed");
            Err(e.to_string())
        }
    }
}

fn color_choice(color: Color) -> ColorChoice {
    match color {
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
        Color::Auto if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => ColorChoice::Never,
        Color::Auto if std::io::stderr().is_terminal() => ColorChoice::Auto,
        Color::Auto => ColorChoice::Never,
    }
}

/// Runs a parsed command line; messages go to stderr.
pub fn run(cli: Cli) -> Result<(), Error> {
    let mut err = StandardStream::stderr(color_choice(cli.color));
    let root = cli.root;
    match cli.command {
        Command::Diff(args) => {
            let new = args.new.unwrap_or_else(|| root.join("site"));
            match diff::diff(&args.base, &new) {
                Ok(markdown) => {
                    print!("{markdown}");
                    Ok(())
                }
                Err(e) => {
                    writeln!(err, "error: {e}")?;
                    Err(Error::Invalid)
                }
            }
        }
        Command::Serve(args) => {
            let options = serve::ServeOptions {
                bind: args.bind,
                port: args.port,
            };
            let color = cli.color;
            let (build_root, quiet, use_cache) = (root.clone(), cli.quiet, !cli.no_cache);
            let build = move || build_in_memory(&build_root, color, quiet, use_cache);
            serve::serve(&root, &options, build, |addr| {
                eprintln!(
                    "serving http://{addr}/ (Ctrl-C to stop); watching surveys/, templates/ and rapport.yaml"
                );
            })
            .map_err(|e| {
                eprintln!("error: {e}");
                Error::Invalid
            })
        }
        Command::Init(args) => {
            let dir = args.dir.unwrap_or_else(|| root.clone());
            match init::init(&dir, &args.languages) {
                Ok(files) => {
                    if !cli.quiet {
                        for f in &files {
                            writeln!(err, "created {}", dir.join(f).display())?;
                        }
                        let cd = if dir == Path::new(".") {
                            String::new()
                        } else {
                            format!("cd {} && ", dir.display())
                        };
                        writeln!(err, "next: {cd}rapport build, then open site/index.html")?;
                    }
                    Ok(())
                }
                Err(e) => {
                    writeln!(err, "error: {e}")?;
                    Err(Error::Invalid)
                }
            }
        }
        Command::Check(args) => {
            let mut out = std::io::stdout().lock();
            check(&root, &mut err, &mut out, &args, cli.quiet, !cli.no_cache)
        }
        Command::Build(args) => {
            let site_dir: PathBuf = args.out.unwrap_or_else(|| {
                if root == Path::new(".") {
                    PathBuf::from("site")
                } else {
                    root.join("site")
                }
            });
            let result = build(
                &root,
                &site_dir,
                &mut err,
                cli.quiet,
                !cli.no_cache,
                args.base_url.as_deref(),
            );
            if let Err(Error::Write(e)) = &result {
                writeln!(err, "error: {e}")?;
            }
            result
        }
    }
}
