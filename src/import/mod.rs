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
pub mod row;
pub mod table;
pub mod when;

use answer::{Reader, Value};
use columns::Target;
pub use layout::Layout;
use std::collections::HashMap;
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
    /// Put before every response id (for a second form whose ids count
    /// from 1 like the first's).
    pub id_prefix: String,
    /// The largest export read, in bytes.
    pub max_file_size: u64,
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

/// A response already in the survey: where it is and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Existing {
    /// The response file that holds it.
    pub file: std::path::PathBuf,
    /// Its answers' [`row::fingerprint`].
    pub fingerprint: String,
}

/// The responses a survey already has, by id.
pub type Known = HashMap<String, Existing>;

/// Reads `file` as responses to `survey`; `known` holds the responses the
/// survey already has.
pub fn import(
    file: &std::path::Path,
    survey: &crate::model::Survey,
    known: &Known,
    options: &Options,
) -> Result<Imported, ImportError> {
    let table = table::read(file, options.max_file_size).map_err(ImportError::Read)?;
    from_table(&table, survey, known, options)
}

/// The earliest submission time taken: anything before is a tool's
/// placeholder (LimeSurvey writes 1980-01-01 when it keeps no dates) or a
/// time-only cell.
const EARLIEST_YEAR: i32 = 1990;

/// [`import`] of a table already read.
pub fn from_table(
    table: &Table,
    survey: &crate::model::Survey,
    known: &Known,
    options: &Options,
) -> Result<Imported, ImportError> {
    let layout = options.layout.unwrap_or_else(|| layout::detect(table));
    let spec = layout.spec();
    let readers: Vec<Reader> = survey.questions.iter().map(|q| Reader::new(survey, q)).collect();
    let mut cols = columns::map(table, layout, &spec, survey, &readers);
    let data = table.rows.get(spec.header_rows..).unwrap_or_default();
    let place = |row: usize, column: usize| Place {
        file: table.file.clone(),
        source: table.source,
        row: row + table.first_row,
        column: column + table.first_column,
        header: layout::headers(table, spec.header_rows, column)
            .into_iter()
            .find(|h| !h.trim().is_empty())
            .unwrap_or_default(),
    };
    // A column without a header is the tool's own unless it holds answers.
    for (c, target) in cols.targets.iter_mut().enumerate() {
        let unnamed = layout::headers(table, spec.header_rows, c)
            .iter()
            .all(|h| h.trim().is_empty());
        if unnamed && *target == Target::Tool && data.iter().any(|r| r.get(c).is_some_and(|v| !v.is_empty()))
        {
            *target = Target::Unknown;
        }
    }
    let mut problems: Vec<Problem> = cols
        .problems
        .iter()
        .map(|p| Problem {
            place: place(0, p.column),
            message: p.message.clone(),
            help: p.help.clone(),
        })
        .collect();
    let column = |t: &Target| cols.targets.iter().position(|x| x == t);
    let (id_col, time_col) = (column(&Target::Id), column(&Target::Submitted));
    let answers_any = cols
        .targets
        .iter()
        .any(|t| matches!(t, Target::Question(_) | Target::Tick { .. }));
    if table.rows.len() < spec.header_rows || !answers_any {
        let headers: Vec<String> = (0..cols.targets.len().min(6))
            .map(|c| format!("`{}`", place(0, c).header))
            .collect();
        problems.push(Problem {
            place: place(0, 0),
            message: if table.rows.len() < spec.header_rows {
                format!(
                    "expected {} header rows of {}, found {}",
                    spec.header_rows,
                    spec.name,
                    table.rows.len()
                )
            } else {
                format!("no column answers a question of survey `{}`", survey.id)
            },
            help: Some(if headers.is_empty() {
                "the export is empty".to_owned()
            } else {
                format!(
                    "is it an export of another survey? Its headers begin {}; add a question's header to its `aliases`",
                    headers.join(", ")
                )
            }),
        });
        return Err(ImportError::Problems(problems));
    }
    if time_col.is_none() && !spec.submitted.is_empty() && options.submitted.is_none() {
        problems.push(Problem {
            place: place(0, 0),
            message: format!(
                "no column gives the submission time (expected one headed {})",
                spec.submitted
                    .iter()
                    .map(|h| format!("`{h}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
            help: Some(
                "name that column so, or give one date for every row with --submitted YYYY-MM-DD".into(),
            ),
        });
    }
    let width = (0..spec.header_rows)
        .map(|r| {
            table.rows[r]
                .iter()
                .rposition(|c| !c.is_empty())
                .map_or(0, |i| i + 1)
        })
        .max()
        .unwrap_or(0);
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
    let reader = row::Context::new(survey, &readers, &cols.targets, spec.separators);
    // Responses by id, with the row each came from and its fingerprint.
    let mut seen: HashMap<String, (usize, String)> = HashMap::new();
    let mut repeats: HashMap<u64, usize> = HashMap::new();
    let (mut responses, mut known_rows, mut repeated, mut incomplete) = (Vec::new(), 0, 0, 0);
    for (r, row) in data.iter().enumerate() {
        if row.iter().all(Cell::is_empty) {
            continue;
        }
        let r = r + spec.header_rows;
        if let Some(c) = row.iter().skip(width).position(|v| !v.is_empty()) {
            problems.push(Problem {
                place: place(r, width + c),
                message: format!("`{}` lies beyond the last header", row[width + c].text().trim()),
                help: Some("every cell needs a column with a header".into()),
            });
        }
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
            Some(c) => match submission(cell(c), order).filter(|w| w.local.year() >= EARLIEST_YEAR) {
                Some(w) => w,
                None => {
                    problems.push(Problem {
                        place: place(r, c),
                        message: format!("`{}` is not a submission time", cell(c).text().trim()),
                        help: Some(format!(
                            "expected a date and time from {EARLIEST_YEAR} on, such as 2026-09-14 13:05:00"
                        )),
                    });
                    continue;
                }
            },
        };
        let content = reader.read(row, |c| place(r, c), &mut problems);
        let fingerprint = row::fingerprint_of(&content.answers);
        let id = match id_col.map(|c| cell(c).text()).filter(|t| !t.trim().is_empty()) {
            Some(id) => format!("{}{id}", options.id_prefix),
            None => {
                let hash = content_hash(&submitted, zone, &content, &fingerprint);
                let n = repeats.entry(hash).or_default();
                *n += 1;
                match *n {
                    1 => format!("{}h-{hash:016x}", options.id_prefix),
                    n => format!("{}h-{hash:016x}-{n}", options.id_prefix),
                }
            }
        };
        if let Some((first_row, first)) = seen.get(&id) {
            if *first != fingerprint {
                problems.push(Problem {
                    place: place(r, id_col.unwrap_or(0)),
                    message: format!(
                        "response id `{id}` is also on row {}, with other answers",
                        first_row + table.first_row
                    ),
                    help: Some("an id names one response; remove one of the rows".into()),
                });
            }
            repeated += 1;
            continue;
        }
        seen.insert(id.clone(), (r, fingerprint.clone()));
        if let Some(existing) = known.get(&id) {
            if existing.fingerprint != fingerprint {
                problems.push(Problem {
                    place: place(r, id_col.unwrap_or(0)),
                    message: format!(
                        "response id `{id}` is already in {} with other answers",
                        existing.file.display()
                    ),
                    help: Some(
                        "if this export is another form's, whose ids count from 1 too, give its ids a prefix with --id-prefix"
                            .into(),
                    ),
                });
            }
            known_rows += 1;
            continue;
        }
        responses.push(Response {
            id,
            submitted,
            language: content.language,
            segment: content.segment,
            answers: content.answers,
        });
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| (p.place.row, p.place.column));
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
    if time_col.is_some() && options.submitted.is_some() {
        notes.push("--submitted was not used: the export has its own submission times".into());
    }
    if repeated > 0 {
        notes.push(format!(
            "{repeated} row{} repeated an earlier row of the export and {} skipped",
            if repeated == 1 { "" } else { "s" },
            if repeated == 1 { "was" } else { "were" }
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

/// A stable hash of what a response says, for tools that give no id: the
/// same answers give the same id whatever the order of the export's
/// columns and whatever else it holds.
fn content_hash(submitted: &When, zone: UtcOffset, content: &row::Content, fingerprint: &str) -> u64 {
    let mut text = submitted.rfc3339(zone);
    text.push('\u{1f}');
    text.push_str(content.language.as_deref().unwrap_or(""));
    for (s, v) in &content.segment {
        text.push_str(&format!("\u{1f}{s}={v}"));
    }
    text.push('\u{1e}');
    text.push_str(fingerprint);
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
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

/// Notes on columns no question took, questions no column answers, and
/// sheets not read.
fn notes(
    table: &Table,
    spec: &layout::Spec,
    targets: &[Target],
    survey: &crate::model::Survey,
) -> Vec<String> {
    let mut notes = Vec::new();
    // What a column might have meant: the questions' ids, aliases and texts
    // not answered by any column yet.
    let answered = |q: usize| {
        targets
            .iter()
            .any(|t| matches!(t, Target::Question(x) | Target::Tick { question: x, .. } if *x == q))
    };
    let names: Vec<&str> = survey
        .questions
        .iter()
        .enumerate()
        .filter(|(q, _)| !answered(*q))
        .flat_map(|(_, q)| {
            std::iter::once(q.id.as_str())
                .chain(q.aliases.iter().map(String::as_str))
                .chain(q.text.by_lang.values().map(String::as_str))
        })
        .collect();
    let unknown: Vec<String> = targets
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == Target::Unknown)
        .map(|(c, _)| {
            let hs = layout::headers(table, spec.header_rows, c);
            let header = hs.iter().find(|h| !h.trim().is_empty()).map_or("", |h| h.trim());
            let hint = crate::diagnostics::suggest(header, names.iter().copied())
                .map(|k| format!("did you mean `{k}`?"));
            let column = table::column_letters(c + table.first_column);
            match (table.source == table::Source::Json, hint) {
                (true, None) => format!("`{header}`"),
                (true, Some(hint)) => format!("`{header}` ({hint})"),
                (false, None) => format!("`{header}` ({column})"),
                (false, Some(hint)) => format!("`{header}` ({column}, {hint})"),
            }
        })
        .collect();
    if !unknown.is_empty() {
        notes.push(format!(
            "{} belong{} to no question and {} not read: {}",
            match (unknown.len(), table.source == table::Source::Json) {
                (1, true) => "1 key".to_owned(),
                (n, true) => format!("{n} keys"),
                (1, false) => "1 column".to_owned(),
                (n, false) => format!("{n} columns"),
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
