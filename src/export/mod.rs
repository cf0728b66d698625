//! Export: a checked [`Survey`]'s questionnaire in a form tool's format, so
//! the tool collects the answers and its exports import back by question id.
//!
//! Beside render, and like it in memory: a survey in, the file's bytes out.
//! [`xlsform`] writes an XLSForm workbook (KoboToolbox, ODK, Enketo) and
//! [`surveyjs`] SurveyJS JSON. Both write every text in every language of
//! the survey, a missing translation as the default language's text (the
//! rule of [`crate::model::in_language`]), and both give the same bytes for
//! the same survey. Segments are not asked: responses carry them from the
//! team's own records, and the import maps columns to questions only.

pub mod surveyjs;
pub mod xlsform;

use crate::model::{in_language, Scale, Survey, Text};
use std::fmt;

/// The form tools rapport writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// XLSForm: an .xlsx workbook for KoboToolbox, ODK and Enketo.
    XlsForm,
    /// SurveyJS: the JSON a survey-core `Model` is made from.
    SurveyJs,
}

impl Tool {
    /// The file extension of the tool's format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Tool::XlsForm => "xlsx",
            Tool::SurveyJs => "json",
        }
    }

    /// The format's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Tool::XlsForm => "XLSForm",
            Tool::SurveyJs => "SurveyJS JSON",
        }
    }
}

/// An exported questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    /// The file's contents.
    pub bytes: Vec<u8>,
    /// What the user should know about the file, e.g. a question whose id
    /// the tool does not accept as a name and that was renamed.
    pub notes: Vec<String>,
}

/// The workbook could not be made (the spreadsheet library refused it).
#[derive(Debug, Clone, PartialEq)]
pub struct ExportError(pub String);

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not write the form: {}", self.0)
    }
}

impl std::error::Error for ExportError {}

/// Writes `survey`'s questionnaire in `tool`'s format.
pub fn export(survey: &Survey, tool: Tool) -> Result<Exported, ExportError> {
    match tool {
        Tool::XlsForm => xlsform::write(survey),
        Tool::SurveyJs => Ok(surveyjs::write(survey)),
    }
}

/// A text in each of the survey's languages, in their order; a missing
/// translation is the default language's text.
fn in_each_language(survey: &Survey, text: &Text) -> Vec<String> {
    let default = survey.default_language();
    survey
        .languages
        .iter()
        .map(|lang| text.get(lang, default).0.to_owned())
        .collect()
}

/// A scale's labels: for each point, its label in each of the survey's
/// languages.
fn scale_labels(survey: &Survey, scale: &Scale) -> Vec<Vec<String>> {
    let default = survey.default_language();
    let by_lang: Vec<&Vec<String>> = survey
        .languages
        .iter()
        .filter_map(|lang| in_language(&scale.labels, lang, default).map(|(l, _)| l))
        .collect();
    (0..scale.points as usize)
        .map(|i| {
            by_lang
                .iter()
                .map(|labels| labels.get(i).cloned().unwrap_or_else(|| (i + 1).to_string()))
                .collect()
        })
        .collect()
}

/// rapport's own words for yes and no in each of the survey's languages.
fn yes_no_labels(survey: &Survey) -> [Vec<String>; 2] {
    let words: Vec<crate::i18n::Words> = survey
        .languages
        .iter()
        .map(|l| crate::i18n::Words::new(l))
        .collect();
    [
        words.iter().map(|w| w.get("yes")).collect(),
        words.iter().map(|w| w.get("no")).collect(),
    ]
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::model::{Choice, Kind, Level, Question, Scale, Survey, Text};
    use crate::period::PeriodKind;
    use std::collections::BTreeMap;

    /// A text in English and Swedish.
    pub fn en_sv(en: &str, sv: &str) -> Text {
        let mut by_lang = BTreeMap::new();
        by_lang.insert("en".to_owned(), en.to_owned());
        by_lang.insert("sv".to_owned(), sv.to_owned());
        Text { by_lang }
    }

    fn options(ids: &[(&str, &str, &str)]) -> Vec<Choice> {
        ids.iter()
            .map(|(id, en, sv)| Choice {
                id: (*id).to_owned(),
                label: en_sv(en, sv),
                aliases: Vec::new(),
            })
            .collect()
    }

    fn question(id: &str, level: Option<usize>, text: Text, kind: Kind) -> Question {
        Question {
            id: id.to_owned(),
            level,
            text,
            kind,
            aliases: Vec::new(),
        }
    }

    /// A survey in English and Swedish with one question of every type.
    pub fn survey() -> Survey {
        let mut labels = BTreeMap::new();
        labels.insert(
            "en".to_owned(),
            vec!["Bad".to_owned(), "OK".to_owned(), "Good".to_owned()],
        );
        labels.insert(
            "sv".to_owned(),
            vec!["Dålig".to_owned(), "OK".to_owned(), "Bra".to_owned()],
        );
        Survey {
            id: "support".to_owned(),
            title: en_sv("Support", "Kundtjänst"),
            description: None,
            languages: vec!["en".to_owned(), "sv".to_owned()],
            period: PeriodKind::Month,
            target: 75.0,
            scales: vec![Scale {
                id: "good3".to_owned(),
                points: 3,
                labels,
            }],
            levels: vec![Level {
                id: "accuracy".to_owned(),
                name: Text::plain("Accuracy"),
                description: None,
                target: 75.0,
                recommendations: None,
            }],
            questions: vec![
                question(
                    "on-time",
                    Some(0),
                    en_sv("On time?", "I tid?"),
                    Kind::Scale {
                        scale: 0,
                        points: 3,
                        reverse: false,
                    },
                ),
                question("recommend", Some(0), Text::plain("Recommend us?"), Kind::Nps),
                question("solved", Some(0), en_sv("Solved?", "Löst?"), Kind::YesNo),
                question(
                    "channel",
                    Some(0),
                    en_sv("Channel?", "Kanal?"),
                    Kind::Choice {
                        options: options(&[("email", "E-mail", "E-post"), ("phone", "Phone", "Telefon")]),
                        scores: None,
                    },
                ),
                question(
                    "2nd-topics",
                    Some(0),
                    en_sv("Topics?", "Ämnen?"),
                    Kind::MultiChoice {
                        options: options(&[
                            ("billing", "Billing", "Fakturor"),
                            ("setup", "Setup", "Installation"),
                        ]),
                        scores: None,
                    },
                ),
                question(
                    "comment",
                    None,
                    en_sv("Anything else?", "Något mer?"),
                    Kind::Text { publish: false },
                ),
            ],
            segments: Vec::new(),
            audience: None,
            closed_periods: false,
            translations: Vec::new(),
        }
    }
}
