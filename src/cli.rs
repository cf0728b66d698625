//! The command line: `rapport build`, `check`, `serve`, `init`, `diff`,
//! `export` and `import`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Customer-expectation surveys in git, compiled into a static report site.
#[derive(Debug, Parser)]
#[command(name = "rapport", version, about, propagate_version = true)]
#[command(after_help = "Examples:
  rapport check                  report every problem in ./surveys
  rapport build                  build the site into ./site
  rapport --root ../acme build --out public

Exit status: 0 success, 1 the project has errors, 2 usage error.")]
pub struct Cli {
    /// The project's root folder (the one holding `surveys/`).
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Print errors only: no warnings, no summary.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Neither read nor write the cache in `.rapport-cache/`.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// When to colour messages.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// A subcommand.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the project and build the site into the output folder.
    #[command(after_help = "Examples:\n  rapport build\n  rapport build --root ~/surveys --out public")]
    Build(BuildArgs),
    /// Make a new project that builds at once.
    #[command(after_help = "Examples:\n  rapport init demo\n  rapport init --languages en,sv,nb")]
    Init(InitArgs),
    /// Build in memory, serve on 127.0.0.1, rebuild and reload on every change.
    #[command(
        after_help = "Examples:\n  rapport serve\n  rapport serve --port 8000\n  rapport serve --bind 0.0.0.0    (let other machines see it)"
    )]
    Serve(ServeArgs),
    /// Compare two builds' data.json and print what moved, as Markdown for a pull request.
    #[command(
        after_help = "Examples:\n  rapport diff ../base-site\n  rapport diff old-site new-site > comment.md"
    )]
    Diff(DiffArgs),
    /// Check the project and report every problem; writes nothing.
    #[command(
        after_help = "Examples:\n  rapport check\n  rapport check --format github --strict    (in CI)\n  rapport check --lang sv                   (what a translator has to do)"
    )]
    Check(CheckArgs),
    /// Write a survey's questionnaire for a form tool: XLSForm (KoboToolbox, ODK) or SurveyJS JSON.
    #[command(
        after_help = "Examples:\n  rapport export --survey support --to xlsform            (writes support.xlsx)\n  rapport export --survey support --to surveyjs --out form.json --force"
    )]
    Export(ExportArgs),
    /// Add the responses in a form tool's export (CSV, XLSX, XLS, ODS, SurveyJS JSON) to a survey.
    #[command(after_help = "Examples:
  rapport import ~/Downloads/responses.csv --survey support
  rapport import export.xlsx --survey support --dry-run
  rapport import results.json --survey support --submitted 2026-09-14

Rows already in the survey (by the tool's response id) are not added again.")]
    Import(ImportArgs),
}

/// Options of `rapport import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The export to read.
    pub file: PathBuf,
    /// The survey's id (its folder in `surveys/`).
    #[arg(long, value_name = "ID")]
    pub survey: String,
    /// The tool that wrote the export [default: recognised from its headers].
    #[arg(long, value_enum, value_name = "TOOL")]
    pub from: Option<crate::import::Layout>,
    /// The response file to write, in surveys/ID/responses/ [default: <export's name>.yaml there].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Print the responses that would be added; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The submission date for a tool that records none (SurveyJS results) [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub submitted: Option<String>,
    /// The UTC offset of times the export gives without a zone.
    #[arg(
        long,
        value_name = "±HH:MM",
        default_value = "+00:00",
        allow_hyphen_values = true
    )]
    pub utc_offset: String,
    /// Put before every response id: for a second form whose ids count from 1 too.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub id_prefix: String,
}

/// The form tools `export` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormTool {
    /// An XLSForm workbook (.xlsx) for KoboToolbox, ODK and Enketo.
    Xlsform,
    /// SurveyJS JSON (.json) for a survey-core Model or SurveyJS Creator.
    Surveyjs,
}

/// Options of `rapport export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The survey's id (its folder in `surveys/`).
    #[arg(long, value_name = "ID")]
    pub survey: String,
    /// The format to write.
    #[arg(long, value_enum, value_name = "TOOL")]
    pub to: FormTool,
    /// The file to write [default: ID.xlsx or ID.json in the current folder].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Options of `rapport init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to make the project in [default: the current folder].
    pub dir: Option<PathBuf>,
    /// The surveys' languages, the default first.
    #[arg(long, value_name = "LANGS", value_delimiter = ',', default_value = "en")]
    pub languages: Vec<String>,
}

/// Options of `rapport diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The site built before the change.
    pub base: PathBuf,
    /// The site built after it [default: site/ in the project's root].
    pub new: Option<PathBuf>,
}

/// Options of `rapport serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port; another free one is used when it is taken.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The interface to listen on; other machines can reach anything but
    /// 127.0.0.1.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
    pub bind: std::net::IpAddr,
}

/// How `check` prints problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: the source line with a marker, on stderr.
    Human,
    /// GitHub Actions workflow commands on stdout: annotations on the pull request's lines.
    Github,
    /// A JSON array on stdout, for tools.
    Json,
}

/// Options of `rapport check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
    /// List only this language's missing translations, and its coverage.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

/// Options of `rapport build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where to write the site [default: site/ in the project's root].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Make links absolute under this path or URL (e.g. /reports/), for hosts
    /// that need it; overrides base_url in rapport.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}
