//! `rapport diff BASE [NEW]`: what moved between two built sites, as
//! Markdown on stdout (see [`crate::diff`]).

use super::Error;
use crate::cli::DiffArgs;
use std::path::Path;

pub use crate::diff::DiffError;

/// Compares `BASE` with `NEW` (the project's `site/` by default).
pub fn run(root: &Path, args: &DiffArgs) -> Result<(), Error> {
    let new = args.new.clone().unwrap_or_else(|| root.join("site"));
    let markdown = crate::diff::diff(&args.base, &new).map_err(Error::Diff)?;
    print!("{markdown}");
    Ok(())
}
