//! The index page: the site's surveys, each with its figures and its focus
//! level in one sentence, in every site language (`index.html` in the
//! first, `index.<lang>.html` in the others).

use super::parts::{alternates, fixed_words, footer, period_range, site_title};
use super::report::page_path;
use super::view::{IndexPage, Localized, ReportPage, SurveyLink};
use crate::i18n::Words;
use crate::model::{Config, Survey};
use crate::score::Scores;
use std::collections::BTreeMap;

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

/// The index page in `lang`, relative to the site root.
pub fn path(lang: &str, default: &str) -> String {
    if lang == default {
        "index.html".into()
    } else {
        format!("index.{lang}.html")
    }
}

/// The index page in `lang`. `pages` holds the report pages already built,
/// by survey (index into `surveys`) and language.
pub fn page(
    config: &Config,
    word_files: &crate::i18n::WordFiles,
    surveys: &[(Survey, Scores)],
    pages: &BTreeMap<(usize, String), ReportPage>,
    lang: &String,
    languages: &[String],
) -> IndexPage {
    let default = &languages[0];
    let root = config.base_url.clone().unwrap_or_default();
    let words = Words::in_project(lang, word_files);
    let site_title = site_title(config.title.as_ref(), &words, lang, default);
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
            summary.extend(period_range(&scores.periods, &words));
            if let Some(o) = scores.overall {
                summary.push(format!("{} {}", words.get("overall-score"), words.number(o, 1)));
            }
            Some(SurveyLink {
                title: Localized {
                    text: page.title.text.clone(),
                    lang: other.clone().or_else(|| page.title.lang.clone()),
                },
                href: format!("{root}{}", page_path(survey, &page_lang)),
                summary: summary.join(" · "),
                sentence: Localized {
                    text: page.headline.sentence.clone(),
                    lang: other,
                },
            })
        })
        .collect();
    IndexPage {
        lang: lang.clone(),
        dir: crate::i18n::direction(lang),
        words_attr: words.attr(),
        root: root.clone(),
        home: format!("{root}{}", path(lang, default)),
        site_title,
        alternates: alternates(languages, lang, |l| format!("{root}{}", path(l, default))),
        t: fixed_words(&words),
        surveys: links,
        // The latest response of all surveys.
        footer: footer(surveys.iter().filter_map(|(_, s)| s.latest).max(), &words),
    }
}
