//! Which column holds what: the respondent's id, the submission time, the
//! language, a question (by its id, an alias or its text in any language),
//! one option of a multi-select question, a segment, the tool's own data,
//! or nothing rapport knows.

use super::answer::Reader;
use super::layout::{headers, normalize, Layout, Spec};
use super::names::{Found, Names, Tier};
use super::table::Table;
use crate::model::{Kind, Survey};

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// The respondent's id.
    Id,
    /// The submission time.
    Submitted,
    /// The respondent's language.
    Language,
    /// The tool's own data (start time, IP address...): not read.
    Tool,
    /// Answers to question `.0`.
    Question(usize),
    /// One option of a multi-select question, ticked or not.
    Tick {
        /// The question's index.
        question: usize,
        /// The option's index.
        option: usize,
        /// What a ticked cell may hold besides 1/Y/yes/true/x: the
        /// option's names as the header gives them.
        names: Vec<String>,
    },
    /// Values of segment `.0`.
    Segment(usize),
    /// Nothing rapport knows.
    Unknown,
}

/// A problem with a header: the column (0-based) and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderProblem {
    /// The column, 0-based.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

/// Every column's target.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// One per column.
    pub targets: Vec<Target>,
    /// Problems that stop the import.
    pub problems: Vec<HeaderProblem>,
}

/// The names questions and segments go by.
fn question_names(survey: &Survey) -> (Names, Names) {
    let mut questions = Names::default();
    for (i, q) in survey.questions.iter().enumerate() {
        questions.add(&q.id, Tier::Id, i);
        for alias in &q.aliases {
            questions.add(alias, Tier::Alias, i);
        }
        for text in q.text.by_lang.values() {
            questions.add(text, Tier::Label, i);
        }
    }
    let mut segments = Names::default();
    for (i, s) in survey.segments.iter().enumerate() {
        segments.add(&s.id, Tier::Id, i);
        for name in s.name.by_lang.values() {
            segments.add(name, Tier::Label, i);
        }
    }
    (questions, segments)
}

/// The first column whose header (on any header row) is one of `names`,
/// in the order of `names`.
fn find_column(all: &[Vec<String>], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|name| all.iter().position(|hs| hs.iter().any(|h| normalize(h) == *name)))
}

/// Maps every column of `table`.
pub fn map(table: &Table, layout: Layout, spec: &Spec, survey: &Survey, readers: &[Reader]) -> Columns {
    let width = table
        .rows
        .iter()
        .take(spec.header_rows)
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let all: Vec<Vec<String>> = (0..width).map(|c| headers(table, spec.header_rows, c)).collect();
    let mut targets = vec![Target::Unknown; width];
    for (names, target) in [
        (spec.id, Target::Id),
        (spec.submitted, Target::Submitted),
        (spec.language, Target::Language),
    ] {
        if let Some(c) = find_column(&all, names) {
            targets[c] = target;
        }
    }
    let (questions, segments) = question_names(survey);
    let mut problems = Vec::new();
    let mut answered: Vec<Option<usize>> = vec![None; survey.questions.len()];
    for c in 0..width {
        if targets[c] != Target::Unknown {
            continue;
        }
        let hs = &all[c];
        let target = match question_of(&questions, hs, spec) {
            Err(several) => {
                problems.push(HeaderProblem {
                    column: c,
                    message: format!(
                        "the header `{}` names {} questions: {}",
                        hs.iter().find(|h| !h.trim().is_empty()).map_or("", |h| h.trim()),
                        several.len(),
                        id_list(survey, &several)
                    ),
                    help: Some("give one of them an `aliases` entry that matches this column".into()),
                });
                continue;
            }
            Ok(Some(q)) => monkey_tick(layout, hs, q, readers).unwrap_or(Target::Question(q)),
            Ok(None) => {
                let previous = c.checked_sub(1).map(|p| &targets[p]);
                monkey_continued(layout, hs, previous, readers)
                    .or_else(|| tick(&questions, hs, readers))
                    .or_else(|| hs.iter().find_map(|h| one(&segments, h)).map(Target::Segment))
                    .unwrap_or_else(|| {
                        let tool = hs.iter().any(|h| {
                            let h = normalize(h);
                            spec.meta.contains(&h.as_str())
                                || spec.meta_prefixes.iter().any(|p| h.starts_with(p))
                        });
                        if tool || hs.iter().all(|h| h.trim().is_empty()) {
                            Target::Tool
                        } else {
                            Target::Unknown
                        }
                    })
            }
        };
        if let Target::Question(q) = target {
            if let Some(first) = answered[q] {
                problems.push(HeaderProblem {
                    column: c,
                    message: format!(
                        "this column and column {} both answer `{}`",
                        super::table::column_letters(first + table.first_column),
                        survey.questions[q].id
                    ),
                    help: Some("remove one of them from the export".into()),
                });
            }
            answered[q].get_or_insert(c);
        }
        targets[c] = target;
    }
    // A question answered in one cell and also option by option.
    for (c, target) in targets.iter().enumerate() {
        if let Target::Tick { question, .. } = target {
            if let Some(first) = answered[*question] {
                problems.push(HeaderProblem {
                    column: c,
                    message: format!(
                        "this column and column {} both answer `{}`",
                        super::table::column_letters(first + table.first_column),
                        survey.questions[*question].id
                    ),
                    help: Some("remove one of them from the export".into()),
                });
            }
        }
    }
    Columns { targets, problems }
}

fn id_list(survey: &Survey, several: &[usize]) -> String {
    crate::diagnostics::list(
        &several
            .iter()
            .map(|&i| survey.questions[i].id.as_str())
            .collect::<Vec<_>>(),
    )
}

fn one(names: &Names, header: &str) -> Option<usize> {
    match names.find(header) {
        Found::One(i) => Some(i),
        _ => None,
    }
}

/// The question a column's headers name: `Ok(None)` for none, `Err` with
/// the questions when a header names several. A header with a group path
/// (`group/question`) names the question at its end.
fn question_of(questions: &Names, hs: &[String], spec: &Spec) -> Result<Option<usize>, Vec<usize>> {
    for h in hs {
        let mut candidates = vec![h.as_str()];
        if let Some(sep) = spec.path_separator {
            candidates.extend(
                h.char_indices()
                    .filter(|&(_, c)| c == sep)
                    .map(|(i, _)| &h[i + 1..]),
            );
        }
        for candidate in candidates {
            match questions.find(candidate) {
                Found::One(q) => return Ok(Some(q)),
                Found::Several(qs) => return Err(qs),
                Found::None => {}
            }
        }
    }
    Ok(None)
}

/// A column for one option of a multi-select question, named
/// `question[option]` (LimeSurvey), `question/option` (Kobo),
/// `question - option`, `question: option` or `question_option` (Qualtrics).
fn tick(questions: &Names, hs: &[String], readers: &[Reader]) -> Option<Target> {
    for h in hs {
        let h = h.trim();
        let mut splits: Vec<(&str, &str)> = Vec::new();
        if let Some(inner) = h.strip_suffix(']') {
            if let Some(open) = inner.rfind('[') {
                splits.push((&inner[..open], &inner[open + 1..]));
            }
        }
        for sep in ["/", " - ", ":", "_", "."] {
            splits.extend(h.match_indices(sep).map(|(i, _)| (&h[..i], &h[i + sep.len()..])));
        }
        for (question, option) in splits {
            let Some(q) = one(questions, question) else {
                continue;
            };
            if !matches!(readers[q].kind, Kind::MultiChoice { .. }) {
                continue;
            }
            if let Ok(o) = readers[q].option(option) {
                return Some(Target::Tick {
                    question: q,
                    option: o,
                    names: vec![option.trim().to_owned()],
                });
            }
        }
    }
    None
}

/// SurveyMonkey: a multi-select question's first column is headed by the
/// question and, on row 2, its first option.
fn monkey_tick(layout: Layout, hs: &[String], q: usize, readers: &[Reader]) -> Option<Target> {
    if layout != Layout::Surveymonkey || !matches!(readers[q].kind, Kind::MultiChoice { .. }) {
        return None;
    }
    monkey_option(hs, q, readers)
}

/// The option of question `q` that SurveyMonkey names on row 2.
fn monkey_option(hs: &[String], q: usize, readers: &[Reader]) -> Option<Target> {
    let label = hs.get(1)?.trim();
    let option = readers[q].option(label).ok()?;
    Some(Target::Tick {
        question: q,
        option,
        names: vec![label.to_owned()],
    })
}

/// SurveyMonkey: a blank top header continues the question to its left,
/// with the option on row 2.
fn monkey_continued(
    layout: Layout,
    hs: &[String],
    previous: Option<&Target>,
    readers: &[Reader],
) -> Option<Target> {
    if layout != Layout::Surveymonkey || !hs.first().is_some_and(|h| h.trim().is_empty()) {
        return None;
    }
    match previous? {
        Target::Question(q) | Target::Tick { question: q, .. } => monkey_option(hs, *q, readers),
        _ => None,
    }
}
