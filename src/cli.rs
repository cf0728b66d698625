//! The command line: `rapport build` and `rapport check`.

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
    /// Check the project and report every problem; writes nothing.
    #[command(after_help = "Examples:\n  rapport check\n  rapport check --root ~/surveys --quiet")]
    Check,
}

/// Options of `rapport build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where to write the site [default: site/ in the project's root].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}
