//! Rendering: scores in, the site's files out, all in memory
//! ([`SiteFiles`]); only [`crate::write`] touches the disk.
//!
//! - [`data_json`] — `<survey>/data.json`, the machine-readable result
//! - [`data_csv`] — `<survey>/data.csv`, one row per question

pub mod data_csv;
pub mod data_json;

use crate::model::Survey;
use crate::score::Scores;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The files of a site: path relative to the output folder -> bytes, sorted.
pub type SiteFiles = BTreeMap<PathBuf, Vec<u8>>;

/// Renders one survey's files into `site`.
pub fn survey(site: &mut SiteFiles, survey: &Survey, scores: &Scores, min_group_size: u64) {
    let dir = PathBuf::from(&survey.id);
    site.insert(
        dir.join("data.json"),
        data_json::render(survey, scores, min_group_size),
    );
    site.insert(dir.join("data.csv"), data_csv::render(survey, scores));
}
