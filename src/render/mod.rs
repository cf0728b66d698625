//! Rendering: scores in, the site's files out, all in memory
//! ([`SiteFiles`]); only [`crate::write`] touches the disk.
//!
//! - [`view`] holds what templates receive; [`report`] builds each report
//!   page's view, [`charts`] its SVG charts and [`markdown`] its authors'
//!   Markdown; [`index`] builds the index of the surveys
//! - [`templates`] holds the tera templates (built in, or the project's own)
//! - [`data_json`] and [`data_csv`] write the machine-readable results
//!
//! Pages: `index.html` lists the surveys (`index.<lang>.html` in the site's
//! other languages); `<survey>/index.html` is a survey's report in its
//! default language and `<survey>/<lang>/index.html` in each other one.

pub mod charts;
pub mod data_csv;
pub mod data_json;
pub mod index;
pub mod markdown;
mod parts;
pub mod report;
pub mod templates;
pub mod view;

use crate::i18n::WordFiles;
use crate::model::{Config, Survey};
use crate::score::Scores;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use templates::Templates;
use view::ReportPage;

/// The files of a site: path relative to the output folder -> bytes, sorted.
pub type SiteFiles = BTreeMap<PathBuf, Vec<u8>>;

/// Why a page could not be rendered.
#[derive(Debug)]
pub struct RenderError {
    /// The template.
    pub template: &'static str,
    /// What tera said.
    pub message: String,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "template {} failed: {}", self.template, self.message)
    }
}

impl std::error::Error for RenderError {}

fn render_page<T: Serialize>(t: &Templates, name: &'static str, page: &T) -> Result<Vec<u8>, RenderError> {
    let context = tera::Context::from_serialize(page).map_err(|e| RenderError {
        template: name,
        message: templates::chain(&e),
    })?;
    t.tera
        .render(name, &context)
        .map(String::into_bytes)
        .map_err(|e| RenderError {
            template: name,
            message: templates::chain(&e),
        })
}

/// A rendered report page: survey index, language, context and bytes.
type Rendered = (usize, String, ReportPage, Vec<u8>);

/// Renders the whole site.
pub fn site(
    config: &Config,
    words: &WordFiles,
    surveys: &[(Survey, Scores)],
    t: &Templates,
) -> Result<SiteFiles, RenderError> {
    let mut files = SiteFiles::new();
    for (survey, scores) in surveys {
        let dir = PathBuf::from(&survey.id);
        files.insert(
            dir.join("data.json"),
            data_json::render(survey, scores, config.min_group_size),
        );
        files.insert(dir.join("data.csv"), data_csv::render(survey, scores));
    }
    // Report pages (and their charts) are independent: render them in parallel.
    let site_langs = index::site_languages(config, surveys);
    let jobs: Vec<(usize, &String)> = surveys
        .iter()
        .enumerate()
        .flat_map(|(i, (s, _))| s.languages.iter().map(move |l| (i, l)))
        .collect();
    let rendered: Vec<Result<Rendered, RenderError>> = jobs
        .par_iter()
        .map(|&(i, lang)| {
            let (survey, scores) = &surveys[i];
            let page = report::page(&report::PageSpec {
                survey,
                scores,
                lang,
                words,
                site_title: config.title.as_ref(),
                min_group_size: config.min_group_size,
                base_url: config.base_url.as_deref(),
                home: if site_langs.contains(lang) {
                    index::path(lang, &site_langs[0])
                } else {
                    "index.html".into()
                },
            });
            let bytes = render_page(t, "report.html", &page)?;
            Ok((i, lang.clone(), page, bytes))
        })
        .collect();
    let mut pages: BTreeMap<(usize, String), ReportPage> = BTreeMap::new();
    for r in rendered {
        let (i, lang, page, bytes) = r?;
        files.insert(PathBuf::from(report::page_path(&surveys[i].0, &lang)), bytes);
        pages.insert((i, lang), page);
    }
    for lang in &site_langs {
        let page = index::page(config, words, surveys, &pages, lang, &site_langs);
        files.insert(
            PathBuf::from(index::path(lang, &site_langs[0])),
            render_page(t, "index.html", &page)?,
        );
    }
    files.insert(
        PathBuf::from("style.css"),
        templates::stylesheet(&t.css).into_bytes(),
    );
    Ok(files)
}
