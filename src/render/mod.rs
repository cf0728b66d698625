//! Rendering: scores in, the site's files out, all in memory
//! ([`SiteFiles`]); only [`crate::write`] touches the disk.
//!
//! - [`report`] builds each report page's context, [`charts`] its SVG charts
//!   and [`markdown`] its authors' Markdown
//! - [`templates`] holds the tera templates (built in, or the project's own)
//! - [`data_json`] and [`data_csv`] write the machine-readable results
//!
//! Pages: `index.html` lists the surveys (`index.<lang>.html` in the site's
//! other languages); `<survey>/index.html` is a survey's report in its
//! default language and `<survey>/<lang>/index.html` in each other one.

pub mod charts;
pub mod data_csv;
pub mod data_json;
pub mod markdown;
pub mod report;
pub mod templates;

use crate::i18n::Words;
use crate::model::{Config, Survey};
use crate::score::Scores;
use rayon::prelude::*;
use report::{Alternate, Localized, ReportPage};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use templates::Templates;

/// The files of a site: path relative to the output folder -> bytes, sorted.
pub type SiteFiles = BTreeMap<PathBuf, Vec<u8>>;

/// A survey on the index page.
#[derive(Debug, Clone, Serialize)]
pub struct SurveyLink {
    /// Its title.
    pub title: Localized,
    /// Link to its report in the index's language (or its default one).
    pub href: String,
    /// "354 responses · 2025-Q2 to 2026-Q3 · Overall score 69.3".
    pub summary: String,
    /// The focus level in one sentence, in the report's language.
    pub sentence: Localized,
}

/// The index page.
#[derive(Debug, Clone, Serialize)]
pub struct IndexPage {
    /// The page's language.
    pub lang: String,
    /// Relative path to the site root (empty: the index is at the root).
    pub root: String,
    /// The index in the page's language.
    pub home: String,
    /// The site's title.
    pub site_title: String,
    /// The index in each site language.
    pub alternates: Vec<Alternate>,
    /// Fixed words.
    pub t: BTreeMap<&'static str, String>,
    /// The surveys.
    pub surveys: Vec<SurveyLink>,
}

/// The site's languages: rapport.yaml's, or every survey's in order of appearance.
pub fn site_languages(config: &Config, surveys: &[(Survey, Scores)]) -> Vec<String> {
    if !config.languages.is_empty() {
        return config.languages.clone();
    }
    let mut out: Vec<String> = Vec::new();
    for (s, _) in surveys {
        for l in &s.languages {
            if !out.contains(l) {
                out.push(l.clone());
            }
        }
    }
    if out.is_empty() {
        out.push("en".into());
    }
    out
}

fn index_path(lang: &str, default: &str) -> String {
    if lang == default {
        "index.html".into()
    } else {
        format!("index.{lang}.html")
    }
}

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
pub fn site(config: &Config, surveys: &[(Survey, Scores)], t: &Templates) -> Result<SiteFiles, RenderError> {
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
    let site_langs = site_languages(config, surveys);
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
                site_title: config.title.as_ref(),
                min_group_size: config.min_group_size,
                base_url: config.base_url.as_deref(),
                home: if site_langs.contains(lang) {
                    index_path(lang, &site_langs[0])
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
    let languages = site_languages(config, surveys);
    let default = languages[0].clone();
    let root = config.base_url.clone().unwrap_or_default();
    for lang in &languages {
        let words = Words::new(lang);
        let site_title = config
            .title
            .as_ref()
            .map_or_else(|| words.get("site-title"), |s| s.get(lang, &default).0.to_owned());
        let links = surveys
            .iter()
            .enumerate()
            .filter_map(|(i, (survey, scores))| {
                let page_lang = if survey.languages.contains(lang) {
                    lang.clone()
                } else {
                    survey.default_language().to_owned()
                };
                let page = pages.get(&(i, page_lang.clone()))?;
                let other = (&page_lang != lang).then(|| page_lang.clone());
                // The figures in the index's language; the survey's own words
                // in the language of the report the link opens.
                let mut summary = vec![words.count("responses", scores.responses)];
                if let (Some(a), Some(b)) = (scores.periods.first(), scores.periods.last()) {
                    summary.push(if a == b {
                        a.to_string()
                    } else {
                        words.with(
                            "period-range",
                            &[("from", &a.to_string()), ("to", &b.to_string())],
                        )
                    });
                }
                if let Some(o) = scores.overall {
                    summary.push(format!("{} {}", words.get("overall-score"), words.number(o, 1)));
                }
                Some(SurveyLink {
                    title: Localized {
                        text: page.title.text.clone(),
                        lang: other.clone().or_else(|| page.title.lang.clone()),
                    },
                    href: format!("{root}{}", report::page_path(survey, &page_lang)),
                    summary: summary.join(" · "),
                    sentence: Localized {
                        text: page.headline.sentence.clone(),
                        lang: other,
                    },
                })
            })
            .collect();
        let index = IndexPage {
            lang: lang.clone(),
            root: root.clone(),
            home: format!("{root}{}", index_path(lang, &default)),
            site_title,
            alternates: languages
                .iter()
                .map(|l| Alternate {
                    lang: l.clone(),
                    name: crate::i18n::language_name(l),
                    href: format!("{root}{}", index_path(l, &default)),
                    current: l == lang,
                })
                .collect(),
            t: report::fixed_words(&words),
            surveys: links,
        };
        files.insert(
            PathBuf::from(index_path(lang, &default)),
            render_page(t, "index.html", &index)?,
        );
    }
    files.insert(
        PathBuf::from("style.css"),
        templates::stylesheet(&t.css).into_bytes(),
    );
    Ok(files)
}
