//! The checked shape of a project: what validation produces from the YAML
//! trees and what every later stage can rely on (ids unique, references
//! resolved to indices, every text present in the default language).

use crate::period::{Period, PeriodKind};
use std::collections::BTreeMap;

/// A text in several languages (a plain string is the same in all of them).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// Language tag -> text: the default language and its translations, or
    /// a plain string (the same in every language) under the empty tag.
    pub by_lang: BTreeMap<String, String>,
}

impl Text {
    /// The same text in every language.
    pub fn plain(text: impl Into<String>) -> Self {
        let mut by_lang = BTreeMap::new();
        by_lang.insert(String::new(), text.into());
        Text { by_lang }
    }

    /// The text in `lang`, or in `default` when it has no translation; the
    /// flag is true when it fell back.
    pub fn get<'a>(&'a self, lang: &str, default: &str) -> (&'a str, bool) {
        in_language(&self.by_lang, lang, default).map_or(("", true), |(t, fell_back)| (t.as_str(), fell_back))
    }
}

/// The rule every translated value follows (texts, scale labels): the
/// value in `lang`; else the one written once for every language (stored
/// under the empty tag); else the one in `default`, with the flag set to
/// say it fell back.
pub fn in_language<'a, T>(
    by_lang: &'a BTreeMap<String, T>,
    lang: &str,
    default: &str,
) -> Option<(&'a T, bool)> {
    by_lang
        .get(lang)
        .or_else(|| by_lang.get(""))
        .map(|v| (v, false))
        .or_else(|| by_lang.get(default).map(|v| (v, true)))
}

/// Project-wide settings from `rapport.yaml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The site's title.
    pub title: Option<Text>,
    /// Site languages; empty means the union of the surveys'.
    pub languages: Vec<String>,
    /// The smallest group shown in any breakdown.
    pub min_group_size: u64,
    /// Absolute base for links, when the site is served under a fixed path.
    pub base_url: Option<String>,
    /// The largest file rapport reads, in bytes.
    pub max_file_size: u64,
}

/// The default of `max_file_size`: 256 MB.
pub const MAX_FILE_SIZE: u64 = 256_000_000;

impl Default for Config {
    fn default() -> Self {
        Config {
            title: None,
            languages: Vec::new(),
            min_group_size: 5,
            base_url: None,
            max_file_size: MAX_FILE_SIZE,
        }
    }
}

/// A rating scale: n labels give the values 1..n.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// The scale's id.
    pub id: String,
    /// Number of points.
    pub points: u32,
    /// Labels per language (a plain list, the same in every language, is
    /// stored under the empty tag); read them with [`in_language`].
    pub labels: BTreeMap<String, Vec<String>>,
}

/// One level of the pyramid.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// The level's id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// What it means (Markdown).
    pub description: Option<Text>,
    /// Its target score, 0-100.
    pub target: f64,
    /// What to do when it falls short (Markdown).
    pub recommendations: Option<Text>,
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The option's id, as respondents write it.
    pub id: String,
    /// Its label.
    pub label: Text,
    /// Other names a form tool's export gives it (`option_aliases`).
    pub aliases: Vec<String>,
}

/// What kind of answer a question takes, with what that kind needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// An integer 1..=points on a scale.
    Scale {
        /// Index into [`Survey::scales`].
        scale: usize,
        /// The scale's number of points.
        points: u32,
        /// True when a high value is bad.
        reverse: bool,
    },
    /// An integer 0..=10.
    Nps,
    /// yes or no.
    YesNo,
    /// One option.
    Choice {
        /// The options, in order.
        options: Vec<Choice>,
        /// Each option's score, when the question is scored.
        scores: Option<Vec<f64>>,
    },
    /// A set of distinct options.
    MultiChoice {
        /// The options, in order.
        options: Vec<Choice>,
        /// Each option's score, when the question is scored.
        scores: Option<Vec<f64>>,
    },
    /// Free text.
    Text {
        /// Whether answers may appear in the report.
        publish: bool,
    },
}

impl Kind {
    /// The name used in survey.yaml.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Scale { .. } => "scale",
            Kind::Nps => "nps",
            Kind::YesNo => "yes_no",
            Kind::Choice { .. } => "choice",
            Kind::MultiChoice { .. } => "multi_choice",
            Kind::Text { .. } => "text",
        }
    }

    /// How many distinct answer codes the question has (its histogram's size).
    pub fn codes(&self) -> usize {
        match self {
            Kind::Scale { points, .. } => *points as usize,
            Kind::Nps => 11,
            Kind::YesNo => 2,
            Kind::Choice { options, .. } | Kind::MultiChoice { options, .. } => options.len(),
            Kind::Text { .. } => 0,
        }
    }

    /// The keys of the answers' counts: scale values `1`..`n`, nps `0`..`10`,
    /// `yes` and `no`, or option ids.
    pub fn answer_keys(&self) -> Vec<String> {
        match self {
            Kind::Scale { points, .. } => (1..=*points).map(|v| v.to_string()).collect(),
            Kind::Nps => (0..=10u32).map(|v| v.to_string()).collect(),
            Kind::YesNo => vec!["yes".into(), "no".into()],
            Kind::Choice { options, .. } | Kind::MultiChoice { options, .. } => {
                options.iter().map(|o| o.id.clone()).collect()
            }
            Kind::Text { .. } => Vec::new(),
        }
    }

    /// The score (0..100) of one answer, as the format defines it; `None`
    /// for a question without scores.
    pub fn answer_score(&self, answer: &Answer) -> Option<f64> {
        match (self, answer) {
            (Kind::Scale { points, reverse, .. }, Answer::Code(c)) => {
                let top = f64::from(points - 1);
                let c = f64::from(*c);
                Some(if *reverse { top - c } else { c } * 100.0 / top)
            }
            (Kind::Nps, Answer::Code(c)) => Some(f64::from(*c) * 10.0),
            (Kind::YesNo, Answer::Code(c)) => Some(if *c == 0 { 100.0 } else { 0.0 }),
            (Kind::Choice { scores: Some(s), .. }, Answer::Code(c)) => s.get(*c as usize).copied(),
            (Kind::MultiChoice { scores: Some(s), .. }, Answer::Many(set)) => Some(set_score(s, *set)),
            _ => None,
        }
    }

    /// True when answers have a score.
    pub fn is_scored(&self) -> bool {
        match self {
            Kind::Scale { .. } | Kind::Nps | Kind::YesNo => true,
            Kind::Choice { scores, .. } | Kind::MultiChoice { scores, .. } => scores.is_some(),
            Kind::Text { .. } => false,
        }
    }
}

/// The score of a multi_choice answer: the mean of its chosen options'
/// scores (`set` holds one bit per option).
pub fn set_score(scores: &[f64], set: u64) -> f64 {
    let chosen: Vec<f64> = (0..scores.len())
        .filter(|i| set >> i & 1 == 1)
        .map(|i| scores[i])
        .collect();
    chosen.iter().sum::<f64>() / chosen.len() as f64
}

/// A question.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// The question's id.
    pub id: String,
    /// Index into [`Survey::levels`]; `None` for text questions.
    pub level: Option<usize>,
    /// The question as asked.
    pub text: Text,
    /// Its answer type.
    pub kind: Kind,
    /// Other names a form tool's export gives its column (`aliases`).
    pub aliases: Vec<String>,
}

/// An attribute respondents carry, for breakdowns.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// The segment's id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Its values, in order.
    pub values: Vec<Choice>,
}

/// The respondents whose experience a survey scores: one segment value.
/// The segment's other values, and respondents without a value for it,
/// are the comparison groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Audience {
    /// Index into [`Survey::segments`].
    pub segment: usize,
    /// Index into that segment's values.
    pub value: usize,
}

/// A checked survey definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    /// The folder name.
    pub id: String,
    /// The title.
    pub title: Text,
    /// An introduction (Markdown).
    pub description: Option<Text>,
    /// Languages; the first is the default.
    pub languages: Vec<String>,
    /// How responses are grouped in time.
    pub period: PeriodKind,
    /// The survey-wide target.
    pub target: f64,
    /// Rating scales.
    pub scales: Vec<Scale>,
    /// Levels, the foundation first.
    pub levels: Vec<Level>,
    /// Questions in order.
    pub questions: Vec<Question>,
    /// Segments for breakdowns.
    pub segments: Vec<Segment>,
    /// Whose experience is scored, when not everyone's.
    pub audience: Option<Audience>,
    /// `publish: closed-periods`: the latest period with a response is
    /// open, and nothing of it is published but how many responses it has.
    pub closed_periods: bool,
    /// How far each language other than the default is translated.
    pub translations: Vec<Coverage>,
}

/// How much of a survey is translated into one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// The language.
    pub lang: String,
    /// Texts written per language (plain strings need no translation).
    pub texts: usize,
    /// What lacks a translation, e.g. `questions.wait-time.text`.
    pub missing: Vec<String>,
}

impl Coverage {
    /// The share translated, 0..1 (1 when there is nothing to translate).
    pub fn share(&self) -> f64 {
        if self.texts == 0 {
            1.0
        } else {
            (self.texts - self.missing.len().min(self.texts)) as f64 / self.texts as f64
        }
    }
}

impl Survey {
    /// The default language.
    pub fn default_language(&self) -> &str {
        self.languages.first().map_or("en", String::as_str)
    }
}

/// One answer, reduced to what aggregation needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The answer's index: scale value - 1, nps value, yes = 0 / no = 1, or
    /// the option's position.
    Code(u32),
    /// The chosen options of a multi_choice question, as a bit set.
    Many(u64),
    /// A free-text answer as written.
    Text(String),
}

/// One checked response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The date it was submitted on (a date-time's own local date).
    pub submitted: time::Date,
    /// The period it was submitted in.
    pub period: Period,
    /// For each segment of the survey, the value's index, if the respondent has one.
    pub segment: Vec<Option<u32>>,
    /// The index of the response's language in the survey's, when given.
    pub language: Option<u32>,
    /// (question index, answer), skipped questions left out.
    pub answers: Vec<(u32, Answer)>,
}
