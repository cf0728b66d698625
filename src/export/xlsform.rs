//! XLSForm: the questionnaire as the .xlsx workbook KoboToolbox, ODK and
//! Enketo build forms from, with the sheets `survey`, `choices` and
//! `settings`.
//!
//! A question's `name` is its id, so the tool's exports name their columns
//! by it. A label column per language, `label::Svenska (sv)`, as ODK names
//! translations. The mapping of types:
//!
//! | rapport        | XLSForm                                        |
//! |----------------|------------------------------------------------|
//! | `scale`        | `select_one` a list named by the scale, choices `1`..`n` with the scale's labels |
//! | `nps`          | `range`, `start=0 end=10 step=1`               |
//! | `yes_no`       | `select_one yes_no`, choices `yes` and `no`     |
//! | `choice`       | `select_one` a list named by the question, choices named by option id |
//! | `multi_choice` | `select_multiple` likewise                     |
//! | `text`         | `text`                                         |
//!
//! A scale is a `select_one` rather than a `range` because a range shows no
//! labels; the choices' names are the scale's numbers, which is what the
//! import reads. An id that starts with a digit is no XML name, so the form
//! names that question `_<id>` (no rapport id starts with `_`), with a note.

use super::{in_each_language, scale_labels, yes_no_labels, ExportError, Exported};
use crate::model::{Kind, Survey};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};
use std::collections::BTreeSet;

/// One row of the `survey` sheet.
struct Row {
    kind: String,
    name: String,
    labels: Vec<String>,
    parameters: String,
}

/// One row of the `choices` sheet.
struct ChoiceRow {
    list: String,
    name: String,
    labels: Vec<String>,
}

/// The form's name for an id: the id, or `_<id>` when it starts with a
/// digit (XML names cannot).
pub fn form_name(id: &str) -> String {
    if id.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{id}")
    } else {
        id.to_owned()
    }
}

/// A list name not yet taken: `wanted`, else `wanted_2`, `wanted_3`...
fn fresh(taken: &mut BTreeSet<String>, wanted: &str) -> String {
    let mut name = wanted.to_owned();
    let mut n = 1;
    while taken.contains(&name) {
        n += 1;
        name = format!("{wanted}_{n}");
    }
    taken.insert(name.clone());
    name
}

/// The `survey` and `choices` rows of a survey, and its notes.
fn rows(survey: &Survey) -> (Vec<Row>, Vec<ChoiceRow>, Vec<String>) {
    let mut rows = Vec::new();
    let mut choices = Vec::new();
    let mut notes = Vec::new();
    // Lists by the question names first, so that a choice question's list is
    // named by it; scales and yes_no take what is left.
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for q in &survey.questions {
        if matches!(q.kind, Kind::Choice { .. } | Kind::MultiChoice { .. }) {
            taken.insert(form_name(&q.id));
        }
    }
    let mut scale_lists: Vec<Option<String>> = vec![None; survey.scales.len()];
    let mut yes_no_list: Option<String> = None;
    for q in &survey.questions {
        let name = form_name(&q.id);
        if name != q.id {
            notes.push(format!(
                "question `{}` is named `{name}` in the form: XLSForm names cannot start with a digit, \
                 so the form's exports name its column `{name}`",
                q.id
            ));
        }
        let labels = in_each_language(survey, &q.text);
        let mut parameters = String::new();
        let kind = match &q.kind {
            Kind::Scale { scale, .. } => {
                let list = match &scale_lists[*scale] {
                    Some(list) => list.clone(),
                    None => {
                        let s = &survey.scales[*scale];
                        let list = fresh(&mut taken, &form_name(&s.id));
                        for (i, labels) in scale_labels(survey, s).into_iter().enumerate() {
                            choices.push(ChoiceRow {
                                list: list.clone(),
                                name: (i + 1).to_string(),
                                labels,
                            });
                        }
                        scale_lists[*scale] = Some(list.clone());
                        list
                    }
                };
                format!("select_one {list}")
            }
            Kind::Nps => {
                parameters = "start=0 end=10 step=1".to_owned();
                "range".to_owned()
            }
            Kind::YesNo => {
                let list = match &yes_no_list {
                    Some(list) => list.clone(),
                    None => {
                        let list = fresh(&mut taken, "yes_no");
                        for (name, labels) in ["yes", "no"].into_iter().zip(yes_no_labels(survey)) {
                            choices.push(ChoiceRow {
                                list: list.clone(),
                                name: name.to_owned(),
                                labels,
                            });
                        }
                        yes_no_list = Some(list.clone());
                        list
                    }
                };
                format!("select_one {list}")
            }
            Kind::Choice { options, .. } | Kind::MultiChoice { options, .. } => {
                for o in options {
                    choices.push(ChoiceRow {
                        list: name.clone(),
                        name: o.id.clone(),
                        labels: in_each_language(survey, &o.label),
                    });
                }
                let select = if matches!(q.kind, Kind::Choice { .. }) {
                    "select_one"
                } else {
                    "select_multiple"
                };
                format!("{select} {name}")
            }
            Kind::Text { .. } => "text".to_owned(),
        };
        rows.push(Row {
            kind,
            name,
            labels,
            parameters,
        });
    }
    (rows, choices, notes)
}

/// `label::Svenska (sv)`: how XLSForm names a language, by its name and tag.
fn language_column(lang: &str) -> String {
    format!("{} ({lang})", crate::i18n::language_name(lang))
}

/// Writes a header row and then the rows, each a list of cells.
fn fill(sheet: &mut Worksheet, header: &[String], rows: &[Vec<&str>]) -> Result<(), XlsxError> {
    for (col, title) in (0u16..).zip(header) {
        sheet.write_string(0, col, title)?;
    }
    for (row, cells) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(cells) {
            if !cell.is_empty() {
                sheet.write_string(row, col, *cell)?;
            }
        }
    }
    Ok(())
}

/// The survey's questionnaire as an XLSForm workbook. The document's
/// creation date is fixed, so the same survey gives the same bytes.
pub fn write(survey: &Survey) -> Result<Exported, ExportError> {
    workbook(survey).map_err(|e| ExportError(e.to_string()))
}

fn workbook(survey: &Survey) -> Result<Exported, XlsxError> {
    let (rows, choices, notes) = rows(survey);
    let labels: Vec<String> = survey
        .languages
        .iter()
        .map(|l| format!("label::{}", language_column(l)))
        .collect();
    let with_parameters = rows.iter().any(|r| !r.parameters.is_empty());

    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));

    let mut header: Vec<String> = vec!["type".into(), "name".into()];
    header.extend(labels.iter().cloned());
    if with_parameters {
        header.push("parameters".into());
    }
    let cells: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| {
            let mut cells = vec![r.kind.as_str(), r.name.as_str()];
            cells.extend(r.labels.iter().map(String::as_str));
            if with_parameters {
                cells.push(r.parameters.as_str());
            }
            cells
        })
        .collect();
    fill(book.add_worksheet().set_name("survey")?, &header, &cells)?;

    let mut header: Vec<String> = vec!["list_name".into(), "name".into()];
    header.extend(labels.iter().cloned());
    let cells: Vec<Vec<&str>> = choices
        .iter()
        .map(|c| {
            let mut cells = vec![c.list.as_str(), c.name.as_str()];
            cells.extend(c.labels.iter().map(String::as_str));
            cells
        })
        .collect();
    fill(book.add_worksheet().set_name("choices")?, &header, &cells)?;

    let default = survey.default_language();
    let header = ["form_title", "form_id", "default_language"].map(String::from);
    let title = survey.title.get(default, default).0;
    let language = language_column(default);
    let cells = vec![vec![title, survey.id.as_str(), language.as_str()]];
    fill(book.add_worksheet().set_name("settings")?, &header, &cells)?;

    Ok(Exported {
        bytes: book.save_to_buffer()?,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Reader, Xlsx};
    use std::io::Cursor;

    /// Every sheet of a workbook as rows of strings.
    fn read(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("an xlsx");
        let names = book.sheet_names();
        names
            .into_iter()
            .map(|name| {
                let range = book.worksheet_range(&name).expect("a sheet");
                let rows = range
                    .rows()
                    .map(|r| r.iter().map(|c| c.to_string()).collect())
                    .collect();
                (name, rows)
            })
            .collect()
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn writes_the_three_sheets_in_every_language() {
        let survey = crate::export::tests::survey();
        let exported = write(&survey).expect("a workbook");
        let sheets = read(&exported.bytes);
        let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["survey", "choices", "settings"]);
        assert_eq!(
            sheets[0].1,
            vec![
                row(&[
                    "type",
                    "name",
                    "label::English (en)",
                    "label::Svenska (sv)",
                    "parameters"
                ]),
                row(&["select_one good3", "on-time", "On time?", "I tid?", ""]),
                row(&[
                    "range",
                    "recommend",
                    "Recommend us?",
                    "Recommend us?",
                    "start=0 end=10 step=1"
                ]),
                row(&["select_one yes_no", "solved", "Solved?", "Löst?", ""]),
                row(&["select_one channel", "channel", "Channel?", "Kanal?", ""]),
                row(&[
                    "select_multiple _2nd-topics",
                    "_2nd-topics",
                    "Topics?",
                    "Ämnen?",
                    ""
                ]),
                row(&["text", "comment", "Anything else?", "Något mer?", ""]),
            ]
        );
        assert_eq!(
            sheets[1].1,
            vec![
                row(&["list_name", "name", "label::English (en)", "label::Svenska (sv)"]),
                row(&["good3", "1", "Bad", "Dålig"]),
                row(&["good3", "2", "OK", "OK"]),
                row(&["good3", "3", "Good", "Bra"]),
                row(&["yes_no", "yes", "Yes", "Ja"]),
                row(&["yes_no", "no", "No", "Nej"]),
                row(&["channel", "email", "E-mail", "E-post"]),
                row(&["channel", "phone", "Phone", "Telefon"]),
                row(&["_2nd-topics", "billing", "Billing", "Fakturor"]),
                row(&["_2nd-topics", "setup", "Setup", "Installation"]),
            ]
        );
        assert_eq!(
            sheets[2].1,
            vec![
                row(&["form_title", "form_id", "default_language"]),
                row(&["Support", "support", "English (en)"]),
            ]
        );
        assert_eq!(exported.notes.len(), 1);
        assert!(exported.notes[0].starts_with("question `2nd-topics` is named `_2nd-topics`"));
    }

    #[test]
    fn list_names_do_not_clash_and_without_nps_there_are_no_parameters() {
        let mut survey = crate::export::tests::survey();
        survey.questions.retain(|q| !matches!(q.kind, Kind::Nps));
        // A choice question named like the scale and like the yes_no list.
        survey.questions[2].id = "good3".into();
        survey.questions[3].id = "yes_no".into();
        let sheets = read(&write(&survey).expect("a workbook").bytes);
        let types: Vec<&str> = sheets[0].1.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(
            types,
            [
                "type",
                "select_one good3_2",
                "select_one yes_no_2",
                "select_one good3",
                "select_multiple yes_no",
                "text"
            ]
        );
        assert_eq!(sheets[0].1[0].len(), 4);
    }

    #[test]
    fn the_same_survey_gives_the_same_bytes() {
        let survey = crate::export::tests::survey();
        let a = write(&survey).expect("a workbook");
        let b = write(&survey).expect("a workbook");
        assert!(a.bytes == b.bytes);
    }
}
