//! `rapport diff`: what moved between two built sites, in words.
//!
//! A pull request that adds responses or edits a survey changes the report,
//! but a built site is far too big to review by eye. This module reads the
//! `data.json` of every survey in two site folders (a base, such as the site
//! built from the main branch, and the new one) and describes what a reader of
//! the report would notice, as Markdown fit for a pull-request comment: the
//! number of responses, the overall score, level scores and targets, the focus
//! level, and breakdown cells that privacy newly hides or no longer hides.
//!
//! Scores are compared as the report shows them, rounded to one decimal: a
//! level is mentioned when its rounded score changed, when its target changed,
//! or when it started or stopped meeting its target. The output depends on
//! nothing but the two sites' data.json files: surveys come in sorted order,
//! levels and breakdown cells in the order data.json lists them.
//!
//! Reading the sites and putting changes into words are apart: one submodule
//! reads each data.json (through the types of
//! [`render::data_json`](crate::render::data_json) where the file's shape is
//! fixed, by hand where a field may be missing), the other compares what was
//! read and words it.

mod read;
mod wording;

use super::Error;
use crate::cli::DiffArgs;
use std::collections::BTreeSet;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// The heading every comparison starts with.
const HEADING: &str = "## rapport: what changed";

/// `rapport diff BASE [NEW]`: compares `BASE` with `NEW` (the project's
/// `site/` by default) and prints the Markdown on stdout.
pub fn run(root: &Path, args: &DiffArgs) -> Result<(), Error> {
    let new = args.new.clone().unwrap_or_else(|| root.join("site"));
    let markdown = diff(&args.base, &new).map_err(Error::Diff)?;
    print!("{markdown}");
    Ok(())
}

/// Compares two built sites' data.json files and describes what moved, as Markdown.
///
/// Every `<site>/<survey>/data.json` of either folder is read; a folder
/// without a data.json (or a file) beside the surveys is not a survey and is
/// skipped. Surveys that did not change are left out, and when none changed
/// the text says so.
pub fn diff(base: &Path, new: &Path) -> Result<String, DiffError> {
    let base = read::site(base)?;
    let new = read::site(new)?;
    let ids: BTreeSet<&String> = base.keys().chain(new.keys()).collect();
    let mut out = format!("{HEADING}\n");
    let mut changed = false;
    for id in ids {
        let lines = match (base.get(id), new.get(id)) {
            (Some(before), Some(after)) => {
                let mut lines = wording::compare(before, after);
                lines.extend(differencing(before, after));
                lines
            }
            (None, Some(after)) => vec![wording::introduce(after)],
            (Some(_), None) => vec!["removed".to_string()],
            (None, None) => Vec::new(),
        };
        if lines.is_empty() {
            continue;
        }
        changed = true;
        out.push_str(&format!("\n### {}\n", wording::md(id)));
        for line in lines {
            out.push_str("- ");
            out.push_str(&line);
            out.push('\n');
        }
    }
    if !changed {
        out.push_str("\nNothing changed.\n");
    }
    Ok(out)
}

/// Most cells a differencing warning names.
const NAMED: usize = 6;

/// The figures whose respondents grew by fewer than `min_group_size`: a
/// reader who keeps both sites can subtract one from the other and read
/// what those few answered. One warning line naming them, or none.
fn differencing(before: &read::Data, after: &read::Data) -> Option<String> {
    let min = after.min_group_size.or(before.min_group_size)?;
    let mut grown: Vec<(String, u64)> = after
        .counts
        .iter()
        .filter_map(|(at, &n)| {
            let was = *before.counts.get(at)?;
            (n > was && n - was < min).then(|| (at.clone(), n - was))
        })
        .collect();
    if grown.is_empty() {
        return None;
    }
    let total = grown.len();
    grown.truncate(NAMED);
    let named: Vec<String> = grown.iter().map(|(at, k)| format!("{at} +{k}")).collect();
    let more = if total > NAMED {
        format!(" and {} more", total - NAMED)
    } else {
        String::new()
    };
    Some(format!(
        "**privacy warning:** {} grew by fewer than {min} respondents ({}{more}): anyone who keeps both sites can subtract them and read what those respondents answered. With `publish: closed-periods` in survey.yaml, new responses are counted only once their period is over.",
        if total == 1 { "1 figure".to_owned() } else { format!("{total} figures") },
        named.join(", ")
    ))
}

/// Why two sites could not be compared (a missing folder, a data.json that is not valid JSON); Display names the path.
#[derive(Debug)]
pub enum DiffError {
    /// A site folder that does not exist.
    NoSite(PathBuf),
    /// A site path that is a file, not a folder.
    NotAFolder(PathBuf),
    /// A folder or file that could not be read.
    Read {
        /// The folder or file.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// A data.json that is not valid JSON.
    Json {
        /// The data.json.
        path: PathBuf,
        /// Where and how the JSON is broken.
        source: serde_json::Error,
    },
    /// A data.json that is valid JSON but lacks a field rapport writes, or
    /// has one of the wrong kind.
    Unexpected {
        /// The data.json.
        path: PathBuf,
        /// What is wrong, naming the field.
        problem: String,
    },
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiffError::NoSite(path) => write!(f, "no site at {}: the folder does not exist", path.display()),
            DiffError::NotAFolder(path) => {
                write!(f, "no site at {}: it is a file, not a folder", path.display())
            }
            DiffError::Read { path, source } => write!(f, "could not read {}: {source}", path.display()),
            DiffError::Json { path, source } => write!(f, "{} is not valid JSON: {source}", path.display()),
            DiffError::Unexpected { path, problem } => {
                write!(
                    f,
                    "{} is not a data.json as rapport writes it: {problem}",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for DiffError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DiffError::Read { source, .. } => Some(source),
            DiffError::Json { source, .. } => Some(source),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff")
    }

    #[test]
    fn describes_what_moved_between_the_fixture_sites() {
        let text = diff(&fixtures().join("base"), &fixtures().join("new")).expect("comparable sites");
        assert_eq!(
            text,
            "## rapport: what changed

### alpha
- responses: 40 → 47 (+7)
- overall score: 69.3 → 70.3 (+1.0)
- accuracy: 78.0 → 81.2 (+3.2), now meets its target 80
- availability: 60.5 → 59.5 (−1.0), below its target 60
- the focus level moves from accuracy to availability
- newly hidden: channel = web (accuracy, availability); group = staff (availability)
- no longer hidden: channel = partner (accuracy)

### beta
- new survey, 12 responses, overall 74.0

### delta
- responses: 21 → 20 (−1)
- overall score: 57.5 → 69.5 (+12.0)
- speed: 65.0 → 66.0 (+1.0), target 70 → 65, now meets its target 65
- care: no score → 70.0, now meets its target 50
- new level value: 72.4
- level price removed
- no level misses its target any more (the focus level was speed)
- min_group_size: 5 → 3

### gamma
- removed
"
        );
    }

    #[test]
    fn the_comparison_is_the_same_both_times() {
        let once = diff(&fixtures().join("base"), &fixtures().join("new")).expect("comparable sites");
        let twice = diff(&fixtures().join("base"), &fixtures().join("new")).expect("comparable sites");
        assert_eq!(once, twice);
    }

    #[test]
    fn a_site_compared_with_itself_has_nothing_changed() {
        let text = diff(&fixtures().join("new"), &fixtures().join("new")).expect("comparable sites");
        assert_eq!(text, "## rapport: what changed\n\nNothing changed.\n");
    }

    #[test]
    fn the_other_way_round_reads_as_the_reverse() {
        let text = diff(&fixtures().join("new"), &fixtures().join("base")).expect("comparable sites");
        assert_eq!(
            text,
            "## rapport: what changed

### alpha
- responses: 47 → 40 (−7)
- overall score: 70.3 → 69.3 (−1.0)
- accuracy: 81.2 → 78.0 (−3.2), below its target 80
- availability: 59.5 → 60.5 (+1.0), now meets its target 60
- the focus level moves from availability to accuracy
- newly hidden: channel = partner (accuracy)
- no longer hidden: channel = web (accuracy, availability); group = staff (availability)

### beta
- removed

### delta
- responses: 20 → 21 (+1)
- overall score: 69.5 → 57.5 (−12.0)
- speed: 66.0 → 65.0 (−1.0), target 65 → 70, below its target 70
- care: 70.0 → no score
- new level price: 50.0
- level value removed
- the focus level is now speed (was none)
- min_group_size: 3 → 5
- **privacy warning:** 4 figures grew by fewer than 5 respondents (`speed` +1, `speed`, 2026-Q3 +1, `speed`, 2026-Q3, region north +1, `speed`, region north +1): anyone who keeps both sites can subtract them and read what those respondents answered. With `publish: closed-periods` in survey.yaml, new responses are counted only once their period is over.

### gamma
- new survey, 1 response, no overall score
"
        );
    }

    #[test]
    fn a_missing_site_folder_is_an_error_naming_it() {
        let missing = fixtures().join("no-such-site");
        let err = diff(&fixtures().join("base"), &missing).expect_err("no new site");
        assert_eq!(
            err.to_string(),
            format!("no site at {}: the folder does not exist", missing.display())
        );
        let err = diff(&missing, &fixtures().join("new")).expect_err("no base site");
        assert!(matches!(err, DiffError::NoSite(ref p) if p == &missing));
    }

    #[test]
    fn a_file_given_as_a_site_is_an_error() {
        let file = fixtures().join("base/alpha/data.json");
        let err = diff(&file, &fixtures().join("new")).expect_err("a file is no site");
        assert_eq!(
            err.to_string(),
            format!("no site at {}: it is a file, not a folder", file.display())
        );
    }

    #[test]
    fn invalid_json_is_an_error_naming_the_file() {
        let err = diff(&fixtures().join("base"), &fixtures().join("invalid")).expect_err("broken JSON");
        let path = fixtures().join("invalid/alpha/data.json");
        assert_eq!(
            err.to_string(),
            format!(
                "{} is not valid JSON: EOF while parsing a value at line 4 column 0",
                path.display()
            )
        );
        assert!(std::error::Error::source(&err).is_some());
    }

    #[test]
    fn a_data_json_without_its_fields_is_an_error_naming_the_file_and_field() {
        let err = diff(&fixtures().join("incomplete"), &fixtures().join("new")).expect_err("no responses");
        let path = fixtures().join("incomplete/alpha/data.json");
        assert_eq!(
            err.to_string(),
            format!(
                "{} is not a data.json as rapport writes it: `responses` is missing",
                path.display()
            )
        );
    }
}
