//! Pieces that report pages and index pages are both built from, so that
//! each is made one way: the fixed words, the site's title, a range of
//! periods, the links to the same page in other languages, and the footer.

use super::view::{Alternate, Footer};
use crate::i18n::{language_name, Words};
use crate::model::Text;
use crate::period::Period;
use std::collections::BTreeMap;

/// The site's title in `lang`: rapport.yaml's `title` (falling back to
/// `default`), or rapport's own words.
pub fn site_title(title: Option<&Text>, words: &Words, lang: &str, default: &str) -> String {
    title.map_or_else(|| words.get("site-title"), |t| t.get(lang, default).0.to_owned())
}

/// "2nd quarter 2025 to 3rd quarter 2026" in the page's words, one period
/// alone, or `None` without periods (`periods` in time order).
pub fn period_range(periods: &[Period], words: &Words) -> Option<String> {
    match (periods.first(), periods.last()) {
        (Some(a), Some(b)) if a == b => Some(words.period(*a)),
        (Some(a), Some(b)) => Some(words.with(
            "period-range",
            &[("from", &words.period(*a)), ("to", &words.period(*b))],
        )),
        _ => None,
    }
}

/// The foot of a page whose latest response was submitted on `latest`.
pub fn footer(latest: Option<time::Date>, words: &Words) -> Footer {
    let latest = latest.map(crate::period::iso_date);
    let version = env!("CARGO_PKG_VERSION");
    Footer {
        data_up_to: latest.as_ref().map(|d| words.with("data-up-to", &[("date", d)])),
        latest,
        version: version.to_owned(),
        made_with: words.with("made-with", &[("version", version)]),
    }
}

/// The same page in each of `languages`, `current` marked; `href` gives the
/// link of the page in a language.
pub fn alternates(languages: &[String], current: &str, href: impl Fn(&str) -> String) -> Vec<Alternate> {
    languages
        .iter()
        .map(|l| Alternate {
            lang: l.clone(),
            name: language_name(l),
            href: href(l),
            current: l == current,
        })
        .collect()
}

/// Words every page needs, looked up once.
pub const FIXED: [&str; 14] = [
    "surveys",
    "language",
    "overall-score",
    "score",
    "target",
    "pyramid",
    "pyramid-note",
    "questions",
    "show-numbers",
    "answer",
    "count",
    "share",
    "comments",
    "site-title",
];

/// Looks up the fixed words in `words`.
pub fn fixed_words(words: &Words) -> BTreeMap<&'static str, String> {
    FIXED.iter().map(|k| (*k, words.get(k))).collect()
}
