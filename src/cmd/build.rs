//! `rapport build`: check, render and write the site, leaving the previous
//! site untouched on any error; and the build in memory that `serve` shows.

use super::{summary, Error, MAX_SHOWN};
use crate::cli::BuildArgs;
use crate::render::SiteFiles;
use crate::{analyse, CacheMode, Options};
use codespan_reporting::term::termcolor::{NoColor, WriteColor};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Builds the project in `root` into `--out` (`site/` by default).
pub fn run(
    root: &Path,
    args: &BuildArgs,
    err: &mut dyn WriteColor,
    quiet: bool,
    use_cache: bool,
) -> Result<(), Error> {
    let site_dir: PathBuf = args.out.clone().unwrap_or_else(|| {
        if root == Path::new(".") {
            PathBuf::from("site")
        } else {
            root.join("site")
        }
    });
    build(root, &site_dir, err, quiet, use_cache, args.base_url.as_deref())
}

/// Checks, renders and writes the site into `site_dir`. A `base_url` given
/// here replaces the one in rapport.yaml; it is checked before any work.
pub fn build(
    root: &Path,
    site_dir: &Path,
    err: &mut dyn WriteColor,
    quiet: bool,
    use_cache: bool,
    base_url: Option<&str>,
) -> Result<(), Error> {
    let started = Instant::now();
    let base_url = base_url
        .map(crate::validate::config::normalize_base_url)
        .transpose()
        .map_err(Error::BaseUrl)?;
    let mut analysis = analyse(
        root,
        Options {
            cache: CacheMode::writing(use_cache),
            progress: !quiet,
        },
    );
    if base_url.is_some() {
        analysis.config.base_url = base_url;
    }
    summary::problems(&analysis, root, err, quiet)?;
    let unchanged = |problems| Error::BuildFoundErrors {
        problems,
        site: site_dir.to_path_buf(),
    };
    if analysis.diagnostics.errors() > 0 {
        return Err(unchanged(summary::tally(&analysis.diagnostics)));
    }
    let Some(rendered) = crate::render_site(&analysis) else {
        return Err(unchanged(summary::tally(&analysis.diagnostics)));
    };
    let site = rendered.map_err(|error| Error::Render {
        error,
        site: site_dir.to_path_buf(),
    })?;
    crate::write::write_site(site_dir, &site).map_err(Error::Write)?;
    if !quiet {
        writeln!(
            err,
            "built {} into {} in {:.2} s",
            summary::counts(&analysis),
            site_dir.display(),
            started.elapsed().as_secs_f64()
        )?;
    }
    Ok(())
}

/// One build for `serve`, kept in memory. Problems go to `err`, and as
/// plain text into the `Err` the pages show when the build fails. Served
/// pages live at the server's root, whatever base_url says.
pub fn in_memory(
    root: &Path,
    err: &mut dyn WriteColor,
    quiet: bool,
    use_cache: bool,
) -> Result<SiteFiles, String> {
    let started = Instant::now();
    let mut analysis = analyse(
        root,
        Options {
            cache: CacheMode::writing(use_cache),
            progress: false,
        },
    );
    analysis.config.base_url = None;
    let _ = summary::problems(&analysis, root, err, quiet);
    if analysis.diagnostics.errors() > 0 {
        let mut text = NoColor::new(Vec::new());
        let _ = analysis.diagnostics.print(root, &mut text, MAX_SHOWN, false);
        let _ = writeln!(
            err,
            "error: {}; the pages show them, and reload once they are fixed",
            summary::tally(&analysis.diagnostics)
        );
        return Err(String::from_utf8_lossy(&text.into_inner()).into_owned());
    }
    match crate::render_site(&analysis) {
        Some(Ok(site)) => {
            if !quiet {
                let _ = writeln!(
                    err,
                    "built {} in {:.2} s",
                    summary::counts(&analysis),
                    started.elapsed().as_secs_f64()
                );
            }
            Ok(site)
        }
        Some(Err(e)) => {
            let e = e.to_string();
            let _ = writeln!(err, "error: {e}; the pages show it, and reload once it is fixed");
            Err(e)
        }
        // Templates that do not load are among the diagnostics, so this is
        // not reached; it is worded like the failure above all the same.
        None => {
            let problems = summary::tally(&analysis.diagnostics);
            let _ = writeln!(
                err,
                "error: {problems}; the pages show them, and reload once they are fixed"
            );
            Err(problems)
        }
    }
}
