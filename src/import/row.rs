//! One row of an export read as a response's content: its language,
//! segment values and answers, each cell through its column's target.

use super::answer::{self, Reader, Value};
use super::columns::Target;
use super::names::{Found, Names, Tier};
use super::table::{Cell, Place};
use super::Problem;
use crate::model::Survey;
use std::collections::BTreeMap;

/// What a row says, apart from its id and time.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Content {
    /// One of the survey's languages.
    pub language: Option<String>,
    /// Segment id -> value id.
    pub segment: Vec<(String, String)>,
    /// Question id -> answer, in the survey's order.
    pub answers: Vec<(String, Value)>,
}

/// Everything a row is read with.
pub struct Context<'a> {
    /// The survey.
    pub survey: &'a Survey,
    /// One reader per question.
    pub readers: &'a [Reader],
    /// One target per column.
    pub targets: &'a [Target],
    /// The layout's multi-select separators.
    pub separators: &'a [char],
    /// Names of each segment's values.
    pub segment_values: Vec<Names>,
}

impl<'a> Context<'a> {
    /// The context for `survey`'s columns.
    pub fn new(
        survey: &'a Survey,
        readers: &'a [Reader],
        targets: &'a [Target],
        separators: &'a [char],
    ) -> Self {
        let segment_values = survey
            .segments
            .iter()
            .map(|seg| {
                let mut names = Names::default();
                for (i, v) in seg.values.iter().enumerate() {
                    names.add(&v.id, Tier::Id, i);
                    for label in v.label.by_lang.values() {
                        names.add(label, Tier::Label, i);
                    }
                }
                names
            })
            .collect();
        Context {
            survey,
            readers,
            targets,
            separators,
            segment_values,
        }
    }

    /// Reads a row; `place(c)` names column `c` of it.
    pub fn read(&self, row: &[Cell], place: impl Fn(usize) -> Place, problems: &mut Vec<Problem>) -> Content {
        let survey = self.survey;
        let mut content = Content::default();
        let mut answers: BTreeMap<usize, Value> = BTreeMap::new();
        let mut ticks: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (c, target) in self.targets.iter().enumerate() {
            let value = row.get(c).unwrap_or(&Cell::Empty);
            match target {
                Target::Language if !value.is_empty() => {
                    match super::language_of(&value.text(), &survey.languages) {
                        Some(lang) => content.language = Some(lang),
                        None => problems.push(Problem {
                            place: place(c),
                            message: format!(
                                "`{}` is not one of the survey's languages",
                                value.text().trim()
                            ),
                            help: Some(format!("expected {}", survey.languages.join(", "))),
                        }),
                    }
                }
                Target::Question(q) if !value.is_empty() => {
                    match self.readers[*q].read(value, self.separators) {
                        Ok(Value::Many(ids)) if ids.is_empty() => {}
                        Ok(v) => {
                            answers.insert(*q, v);
                        }
                        Err(wrong) => problems.push(Problem {
                            place: place(c),
                            message: format!(
                                "`{}` is not an answer to `{}`: expected {}",
                                value.text().trim(),
                                survey.questions[*q].id,
                                wrong.expected
                            ),
                            help: wrong.help,
                        }),
                    }
                }
                Target::Tick {
                    question,
                    option,
                    names,
                } => match answer::ticked(value, names) {
                    Some(true) => ticks.entry(*question).or_default().push(*option),
                    Some(false) => {}
                    None => problems.push(Problem {
                        place: place(c),
                        message: format!(
                            "`{}` is neither ticked nor blank (option `{}` of `{}`)",
                            value.text().trim(),
                            self.readers[*question].ids[*option],
                            survey.questions[*question].id
                        ),
                        help: Some("expected 1, Y, yes, true, the option's name, or an empty cell".into()),
                    }),
                },
                Target::Segment(s) if !value.is_empty() => {
                    let seg = &survey.segments[*s];
                    match self.segment_values[*s].find(&value.text()) {
                        Found::One(i) => content.segment.push((seg.id.clone(), seg.values[i].id.clone())),
                        _ => problems.push(Problem {
                            place: place(c),
                            message: format!(
                                "`{}` is not a value of segment `{}`",
                                value.text().trim(),
                                seg.id
                            ),
                            help: Some(format!(
                                "expected {}",
                                crate::diagnostics::list(
                                    &seg.values.iter().map(|v| v.id.as_str()).collect::<Vec<_>>()
                                )
                            )),
                        }),
                    }
                }
                _ => {}
            }
        }
        for (q, chosen) in ticks {
            answers.insert(q, Value::Many(self.readers[q].in_order(&chosen)));
        }
        content.answers = answers
            .into_iter()
            .map(|(q, v)| (survey.questions[q].id.clone(), v))
            .collect();
        content
    }
}

/// A response's answers as one comparable text: `question=value` pairs
/// sorted by question, a multi-select's options joined by commas, yes/no
/// as `yes`/`no`. Two responses with the same fingerprint say the same.
pub fn fingerprint(mut pairs: Vec<(String, String)>) -> String {
    pairs.sort();
    let mut out = String::new();
    for (q, v) in pairs {
        let v = match v.as_str() {
            "true" => "yes".to_owned(),
            "false" => "no".to_owned(),
            _ => v,
        };
        out.push_str(&q);
        out.push('=');
        out.push_str(&v);
        out.push('\u{1f}');
    }
    out
}

/// The fingerprint of imported answers.
pub fn fingerprint_of(answers: &[(String, Value)]) -> String {
    fingerprint(
        answers
            .iter()
            .map(|(q, v)| {
                let text = match v {
                    Value::Number(n) => n.to_string(),
                    Value::Word(w) | Value::Text(w) => w.clone(),
                    Value::Many(ids) => {
                        let mut ids = ids.clone();
                        ids.sort();
                        ids.join(",")
                    }
                };
                (q.clone(), text)
            })
            .collect(),
    )
}
