//! Responses exported by a form tool, read into rapport's response format.
//!
//! The way through: [`table`] reads the file into rows of cells;
//! [`layout`] recognises the tool from its headers; [`columns`] decides
//! what each column holds; [`answer`] reads each cell as its question's
//! answer and [`when`] each submission time; [`emit`] writes the result as
//! one response file. Nothing here touches the project: the `import`
//! command reads the survey and the ids already there, and writes the file.

pub mod answer;
pub mod columns;
pub mod emit;
pub mod layout;
pub mod names;
pub mod table;
pub mod when;

use answer::{Reader, Value};
use columns::Target;
pub use layout::Layout;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use table::{Cell, Place, Table};
use time::{Date, UtcOffset};
use when::When;

/// How to read an export.
#[derive(Debug, Clone)]
pub struct Options {
    /// The layout, when not recognised from the headers.
    pub layout: Option<Layout>,
    /// The submission date of responses from a tool that records none
    /// (SurveyJS results); the day of the import when not given.
    pub submitted: Option<Date>,
    /// The offset of times the tool writes without a zone.
    pub zone: UtcOffset,
}

/// One imported response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The tool's respondent id, or `h-` and a hash of the row.
    pub id: String,
    /// When it was submitted.
    pub submitted: When,
    /// One of the survey's languages.
    pub language: Option<String>,
    /// Segment id -> value id.
    pub segment: Vec<(String, String)>,
    /// Question id -> answer, in the survey's order.
    pub answers: Vec<(String, Value)>,
}

/// What an import found.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The layout read.
    pub layout: Layout,
    /// New responses, sorted by submission time, then id.
    pub responses: Vec<Response>,
    /// Rows whose id is already in the survey or earlier in the export.
    pub known: usize,
    /// Rows without a submission time (not finished yet).
    pub incomplete: usize,
    /// Things worth knowing that are not errors.
    pub notes: Vec<String>,
    /// The offset of zone-less times.
    pub zone: UtcOffset,
}

/// A problem at a place in the export.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where.
    pub place: Place,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)?;
        if let Some(help) = &self.help {
            write!(f, "; {help}")?;
        }
        Ok(())
    }
}

/// Why nothing was imported.
#[derive(Debug)]
pub enum ImportError {
    /// The file could not be read as a table.
    Read(table::ReadError),
    /// Cells or headers that are wrong, in file order.
    Problems(Vec<Problem>),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Read(e) => e.fmt(f),
            ImportError::Problems(all) => match all.len() {
                1 => f.write_str("the export has 1 problem"),
                n => write!(f, "the export has {n} problems"),
            },
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads `file` as responses to `survey`; `known` holds the response ids
/// the survey already has.
pub fn import(
    file: &std::path::Path,
    survey: &crate::model::Survey,
    known: &HashSet<String>,
    options: &Options,
) -> Result<Imported, ImportError> {
    let table = table::read(file).map_err(ImportError::Read)?;
    from_table(&table, survey, known, options)
}

/// [`import`] of a table already read.
pub fn from_table(
    table: &Table,
    survey: &crate::model::Survey,
    known: &HashSet<String>,
    options: &Options,
) -> Result<Imported, ImportError> {
    let layout = options.layout.unwrap_or_else(|| layout::detect(table));
    let spec = layout.spec();
    let readers: Vec<Reader> = survey.questions.iter().map(|q| Reader::new(survey, q)).collect();
    let cols = columns::map(table, layout, &spec, survey, &readers);
    let place = |row: usize, column: usize| Place {
        file: table.file.clone(),
        source: table.source,
        row: row + table.first_row,
        column: column + table.first_column,
        header: layout::headers(table, spec.header_rows, column)
            .first()
            .cloned()
            .unwrap_or_default(),
    };
    let mut problems: Vec<Problem> = cols
        .problems
        .iter()
        .map(|p| Problem {
            place: place(0, p.column),
            message: p.message.clone(),
            help: p.help.clone(),
        })
        .collect();
    if table.rows.len() < spec.header_rows || cols.targets.is_empty() {
        problems.push(Problem {
            place: place(0, 0),
            message: format!(
                "expected {} header row(s) of {}, found an empty file",
                spec.header_rows, spec.name
            ),
            help: None,
        });
        return Err(ImportError::Problems(problems));
    }
    let column = |t: &Target| cols.targets.iter().position(|x| x == t);
    let (id_col, time_col, lang_col) = (
        column(&Target::Id),
        column(&Target::Submitted),
        column(&Target::Language),
    );
    let data = &table.rows[spec.header_rows..];
    let order = time_col.map(|c| {
        let texts: Vec<String> = data.iter().filter_map(|r| r.get(c)).map(Cell::text).collect();
        when::order(texts.iter().map(String::as_str), when::Order::MonthFirst)
    });
    if let (Some(c), Some(None)) = (time_col, order) {
        problems.push(Problem {
            place: place(0, c),
            message: "this column has dates with the day first and others with the month first".into(),
            help: Some("export the dates as YYYY-MM-DD".into()),
        });
    }
    let order = order.flatten().unwrap_or(when::Order::MonthFirst);
    let zone = if spec.utc { UtcOffset::UTC } else { options.zone };
    let undated = options
        .submitted
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
    let mut seen: HashSet<String> = HashSet::new();
    let mut repeats: BTreeMap<u64, usize> = BTreeMap::new();
    let (mut responses, mut known_rows, mut incomplete) = (Vec::new(), 0, 0);
    for (r, row) in data.iter().enumerate() {
        if row.iter().all(Cell::is_empty) {
            continue;
        }
        let r = r + spec.header_rows;
        let cell = |c: usize| row.get(c).unwrap_or(&Cell::Empty);
        let submitted = match time_col {
            None => When {
                local: time::PrimitiveDateTime::new(undated, time::Time::MIDNIGHT),
                offset: None,
                date_only: true,
            },
            Some(c) if cell(c).is_empty() => {
                incomplete += 1;
                continue;
            }
            Some(c) => match submission(cell(c), order) {
                Some(w) => w,
                None => {
                    problems.push(Problem {
                        place: place(r, c),
                        message: format!("`{}` is not a submission time", cell(c).text().trim()),
                        help: Some("expected a date and time such as 2026-09-14 13:05:00".into()),
                    });
                    continue;
                }
            },
        };
        let id = match id_col
            .map(|c| cell(c).text().trim().to_owned())
            .filter(|t| !t.is_empty())
        {
            Some(id) => id,
            None => {
                let hash = row_hash(row);
                let n = repeats.entry(hash).or_default();
                *n += 1;
                match *n {
                    1 => format!("h-{hash:016x}"),
                    n => format!("h-{hash:016x}-{n}"),
                }
            }
        };
        let language = match lang_col.map(cell).filter(|c| !c.is_empty()) {
            None => None,
            Some(value) => match language_of(&value.text(), &survey.languages) {
                Some(lang) => Some(lang),
                None => {
                    problems.push(Problem {
                        place: place(r, lang_col.unwrap_or(0)),
                        message: format!("`{}` is not one of the survey's languages", value.text().trim()),
                        help: Some(format!("expected {}", survey.languages.join(", "))),
                    });
                    None
                }
            },
        };
        let mut answers: BTreeMap<usize, Value> = BTreeMap::new();
        let mut ticks: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut segment = Vec::new();
        for (c, target) in cols.targets.iter().enumerate() {
            let value = cell(c);
            match target {
                Target::Question(q) if !value.is_empty() => match readers[*q].read(value, spec.separators) {
                    Ok(Value::Many(ids)) if ids.is_empty() => {}
                    Ok(v) => {
                        answers.insert(*q, v);
                    }
                    Err(wrong) => {
                        problems.push(wrong_answer(place(r, c), value, &survey.questions[*q].id, wrong))
                    }
                },
                Target::Tick {
                    question,
                    option,
                    names,
                } => match answer::ticked(value, names) {
                    Some(true) => ticks.entry(*question).or_default().push(*option),
                    Some(false) => {}
                    None => problems.push(Problem {
                        place: place(r, c),
                        message: format!(
                            "`{}` is neither ticked nor blank (option `{}` of `{}`)",
                            value.text().trim(),
                            readers[*question].ids[*option],
                            survey.questions[*question].id
                        ),
                        help: Some("expected 1, Y, yes, true, the option's name, or an empty cell".into()),
                    }),
                },
                Target::Segment(s) if !value.is_empty() => {
                    let seg = &survey.segments[*s];
                    let mut names = names::Names::default();
                    for (i, v) in seg.values.iter().enumerate() {
                        names.add(&v.id, names::Tier::Id, i);
                        for label in v.label.by_lang.values() {
                            names.add(label, names::Tier::Label, i);
                        }
                    }
                    match names.find(&value.text()) {
                        names::Found::One(i) => segment.push((seg.id.clone(), seg.values[i].id.clone())),
                        _ => problems.push(Problem {
                            place: place(r, c),
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
            let mut all = chosen;
            if let Some(Value::Many(ids)) = answers.get(&q) {
                all.extend(
                    ids.iter()
                        .filter_map(|id| readers[q].ids.iter().position(|x| x == id)),
                );
            }
            answers.insert(q, Value::Many(readers[q].in_order(&all)));
        }
        if known.contains(&id) || !seen.insert(id.clone()) {
            known_rows += 1;
            continue;
        }
        responses.push(Response {
            id,
            submitted,
            language,
            segment,
            answers: answers
                .into_iter()
                .map(|(q, v)| (survey.questions[q].id.clone(), v))
                .collect(),
        });
    }
    if !problems.is_empty() {
        return Err(ImportError::Problems(problems));
    }
    responses.sort_by(|a, b| (a.submitted.instant(zone), &a.id).cmp(&(b.submitted.instant(zone), &b.id)));
    let mut notes = notes(table, &spec, &cols.targets, survey);
    if time_col.is_none() && options.submitted.is_none() && !responses.is_empty() {
        notes.push(format!(
            "the export has no submission times: every response is dated {}, today; give the date with --submitted",
            crate::period::iso_date(undated)
        ));
    }
    Ok(Imported {
        layout,
        notes,
        responses,
        known: known_rows,
        incomplete,
        zone,
    })
}

fn wrong_answer(place: Place, value: &Cell, question: &str, wrong: answer::Wrong) -> Problem {
    Problem {
        place,
        message: format!(
            "`{}` is not an answer to `{question}`: expected {}",
            value.text().trim(),
            wrong.expected
        ),
        help: wrong.help,
    }
}

/// A submission time in a cell.
fn submission(cell: &Cell, order: when::Order) -> Option<When> {
    match cell {
        Cell::DateTime(t) => Some(When::local(*t)),
        Cell::Number(n) => when::from_serial(*n),
        other => when::parse(&other.text(), order),
    }
}

/// The survey language a tool's language code stands for: the one it
/// starts with, ignoring case (`nl-informal` -> `nl`, `DE` -> `de`).
pub fn language_of(code: &str, languages: &[String]) -> Option<String> {
    let code = code.trim().to_lowercase().replace('_', "-");
    languages
        .iter()
        .filter(|l| {
            let l = l.to_lowercase();
            code == l || code.starts_with(&format!("{l}-")) || l.starts_with(&format!("{code}-"))
        })
        .max_by_key(|l| l.len())
        .cloned()
}

/// A stable hash of a row's cells, for tools that give no respondent id.
fn row_hash(row: &[Cell]) -> u64 {
    let mut text = String::new();
    for cell in row {
        text.push_str(&cell.text());
        text.push('\u{1f}');
    }
    xxhash_rust::xxh3::xxh3_64(text.trim_end_matches('\u{1f}').as_bytes())
}

/// Notes on columns no question took, questions no column answers, and
/// sheets not read.
fn notes(
    table: &Table,
    spec: &layout::Spec,
    targets: &[Target],
    survey: &crate::model::Survey,
) -> Vec<String> {
    let mut notes = Vec::new();
    let unknown: Vec<String> = targets
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == Target::Unknown)
        .map(|(c, _)| {
            let hs = layout::headers(table, spec.header_rows, c);
            let header = hs.iter().find(|h| !h.trim().is_empty()).map_or("", |h| h.trim());
            if table.source == table::Source::Json {
                format!("`{header}`")
            } else {
                format!("`{header}` ({})", table::column_letters(c + table.first_column))
            }
        })
        .collect();
    if !unknown.is_empty() {
        notes.push(format!(
            "{} belong{} to no question and {} not read: {}",
            if unknown.len() == 1 {
                "1 column".to_owned()
            } else {
                format!("{} columns", unknown.len())
            },
            if unknown.len() == 1 { "s" } else { "" },
            if unknown.len() == 1 { "was" } else { "were" },
            unknown.join(", ")
        ));
    }
    let unanswered: Vec<&str> = survey
        .questions
        .iter()
        .enumerate()
        .filter(|(q, _)| {
            !targets
                .iter()
                .any(|t| matches!(t, Target::Question(x) | Target::Tick { question: x, .. } if x == q))
        })
        .map(|(_, q)| q.id.as_str())
        .collect();
    if !unanswered.is_empty() {
        notes.push(format!(
            "no column answers {}; add the column's header to the question's `aliases`",
            crate::diagnostics::list(&unanswered)
        ));
    }
    if !table.other_sheets.is_empty() {
        notes.push(format!(
            "only the first sheet was read; not read: {}",
            table.other_sheets.join(", ")
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_map_to_the_survey_language_they_start_with() {
        let langs = vec!["en".to_owned(), "nl".to_owned(), "de".to_owned()];
        assert_eq!(language_of("nl-informal", &langs).as_deref(), Some("nl"));
        assert_eq!(language_of("DE", &langs).as_deref(), Some("de"));
        assert_eq!(language_of("EN_GB", &langs).as_deref(), Some("en"));
        assert_eq!(language_of("fr", &langs), None);
    }
}
