//! Which tool wrote an export, recognised from its headers: how many header
//! rows it has, which columns hold the respondent's id, the submission time
//! and the language, which columns are the tool's own, and how it joins the
//! options of a multi-select answer.

use super::table::{Cell, Source, Table};
use clap::ValueEnum;

/// The layouts rapport recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Layout {
    /// KoboToolbox: XML names as headers, `_uuid`, `_submission_time`.
    Kobo,
    /// ODK Central: `SubmissionDate`, `KEY`, groups joined by `-`.
    Odk,
    /// Google Forms: `Timestamp`, then one column per question text.
    #[value(name = "google-forms")]
    GoogleForms,
    /// Microsoft Forms: `ID`, `Start time`, `Completion time`, ...
    #[value(name = "microsoft-forms")]
    MicrosoftForms,
    /// Qualtrics: export tags, question texts and `{"ImportId": ...}` rows.
    Qualtrics,
    /// Qualtrics' legacy export: `V1`...`V10`, then labels.
    #[value(name = "qualtrics-legacy")]
    QualtricsLegacy,
    /// SurveyMonkey: question texts, then a row of answer options.
    Surveymonkey,
    /// LimeSurvey: `id`, `submitdate`, `startlanguage`, `Q[SQ001]`.
    Limesurvey,
    /// Typeform: `#`, ..., `Submit Date (UTC)`.
    Typeform,
    /// A SurveyJS result: a JSON object or array of `data` objects.
    Surveyjs,
    /// Any other table with one header row: question ids or texts, and
    /// optional `id`, `submitted` and `language` columns.
    Plain,
}

/// What rapport knows of a layout.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// The tool's name, for messages.
    pub name: &'static str,
    /// Header rows before the first response.
    pub header_rows: usize,
    /// Headers of the respondent id column, in order of preference.
    pub id: &'static [&'static str],
    /// Headers of the submission time column, in order of preference.
    pub submitted: &'static [&'static str],
    /// Headers of the language column.
    pub language: &'static [&'static str],
    /// The tool's own columns: never a question, never listed as unknown.
    pub meta: &'static [&'static str],
    /// Headers starting with one of these are the tool's own too.
    pub meta_prefixes: &'static [&'static str],
    /// What joins a multi-select answer's options in one cell.
    pub separators: &'static [char],
    /// The tool writes submission times in UTC without saying so.
    pub utc: bool,
    /// A question's column may carry a group path: `group/question` (Kobo)
    /// or `group-question` (ODK).
    pub path_separator: Option<char>,
}

const GOOGLE_TIMESTAMP: [&str; 8] = [
    "timestamp",
    "tidstämpel",
    "tidsmerke",
    "tijdstempel",
    "отметка времени",
    "zeitstempel",
    "marca temporal",
    "horodateur",
];

impl Layout {
    /// What rapport knows of this layout.
    pub fn spec(self) -> Spec {
        let base = Spec {
            name: "a plain table",
            header_rows: 1,
            id: &[],
            submitted: &[],
            language: &[],
            meta: &[],
            meta_prefixes: &[],
            separators: &[';', ','],
            utc: false,
            path_separator: None,
        };
        match self {
            Layout::Kobo => Spec {
                name: "KoboToolbox",
                id: &["_uuid", "meta/instanceid", "_id"],
                submitted: &["_submission_time"],
                meta: &[
                    "start",
                    "end",
                    "today",
                    "deviceid",
                    "username",
                    "simserial",
                    "subscriberid",
                    "phonenumber",
                    "audit",
                    "audit_url",
                    "meta/instanceid",
                    "meta/deprecatedid",
                    "meta/instancename",
                    "meta/rootuuid",
                    "formhub/uuid",
                ],
                meta_prefixes: &["_", "$"],
                separators: &[' '],
                utc: true,
                path_separator: Some('/'),
                ..base
            },
            Layout::Odk => Spec {
                name: "ODK Central",
                id: &["key", "meta-instanceid", "instanceid"],
                submitted: &["submissiondate"],
                meta: &[
                    "start",
                    "end",
                    "today",
                    "deviceid",
                    "username",
                    "simserial",
                    "subscriberid",
                    "phonenumber",
                    "audit",
                    "meta-instanceid",
                    "meta-instancename",
                    "meta-deprecatedid",
                    "submitterid",
                    "submittername",
                    "attachmentspresent",
                    "attachmentsexpected",
                    "status",
                    "reviewstate",
                    "devicename",
                    "edits",
                    "formversion",
                ],
                separators: &[' '],
                utc: false,
                path_separator: Some('-'),
                ..base
            },
            Layout::GoogleForms => Spec {
                name: "Google Forms",
                submitted: &GOOGLE_TIMESTAMP,
                meta: &[
                    "email address",
                    "score",
                    "e-postadress",
                    "e-postadresse",
                    "e-mailadres",
                ],
                separators: &[';', ','],
                ..base
            },
            Layout::MicrosoftForms => Spec {
                name: "Microsoft Forms",
                id: &["id"],
                submitted: &["completion time"],
                language: &["language"],
                meta: &[
                    "start time",
                    "email",
                    "name",
                    "last modified time",
                    "total points",
                    "quiz feedback",
                ],
                separators: &[';'],
                ..base
            },
            Layout::Qualtrics => Spec {
                name: "Qualtrics",
                header_rows: 3,
                id: &["responseid"],
                submitted: &["recordeddate", "enddate"],
                language: &["userlanguage"],
                meta: QUALTRICS_META,
                separators: &[','],
                ..base
            },
            Layout::QualtricsLegacy => Spec {
                name: "Qualtrics (legacy)",
                header_rows: 2,
                id: &["responseid"],
                submitted: &["enddate"],
                language: &["userlanguage"],
                meta: &[
                    "responseset",
                    "name",
                    "externaldatareference",
                    "emailaddress",
                    "ipaddress",
                    "status",
                    "startdate",
                    "enddate",
                    "finished",
                    "locationlatitude",
                    "locationlongitude",
                    "locationaccuracy",
                    "v1",
                    "v2",
                    "v3",
                    "v4",
                    "v5",
                    "v6",
                    "v7",
                    "v8",
                    "v9",
                    "v10",
                ],
                separators: &[','],
                ..base
            },
            Layout::Surveymonkey => Spec {
                name: "SurveyMonkey",
                header_rows: 2,
                id: &["respondent id"],
                submitted: &["end date"],
                meta: &[
                    "collector id",
                    "start date",
                    "ip address",
                    "email address",
                    "first name",
                    "last name",
                    "custom data 1",
                    "custom data",
                ],
                separators: &[],
                ..base
            },
            Layout::Limesurvey => Spec {
                name: "LimeSurvey",
                id: &["id", "response id"],
                submitted: &["submitdate", "date submitted"],
                language: &["startlanguage", "start language"],
                meta: &[
                    "lastpage",
                    "last page",
                    "seed",
                    "startdate",
                    "date started",
                    "datestamp",
                    "date last action",
                    "ipaddr",
                    "ip address",
                    "refurl",
                    "referrer url",
                    "token",
                    "interviewtime",
                    "total time",
                ],
                separators: &[],
                ..base
            },
            Layout::Typeform => Spec {
                name: "Typeform",
                id: &["#"],
                submitted: &["submit date (utc)"],
                meta: &[
                    "start date (utc)",
                    "stage date (utc)",
                    "network id",
                    "response type",
                    "tags",
                ],
                separators: &[','],
                utc: true,
                ..base
            },
            Layout::Surveyjs => Spec {
                name: "SurveyJS",
                ..base
            },
            Layout::Plain => Spec {
                id: &["id"],
                submitted: &["submitted", "timestamp", "date"],
                language: &["language"],
                ..base
            },
        }
    }
}

const QUALTRICS_META: &[&str] = &[
    "startdate",
    "enddate",
    "status",
    "ipaddress",
    "progress",
    "duration (in seconds)",
    "finished",
    "recordeddate",
    "recipientlastname",
    "recipientfirstname",
    "recipientemail",
    "externalreference",
    "locationlatitude",
    "locationlongitude",
    "distributionchannel",
];

/// A header as rapport compares it: lower case, trimmed, inner runs of
/// white space as one space.
pub fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The layout of a table, from its first rows.
pub fn detect(table: &Table) -> Layout {
    if table.source == Source::Json {
        return Layout::Surveyjs;
    }
    let row = |i: usize| -> Vec<String> {
        table
            .rows
            .get(i)
            .map(|r| r.iter().map(|c| normalize(&c.text())).collect())
            .unwrap_or_default()
    };
    let first = row(0);
    let has = |name: &str| first.iter().any(|h| h == name);
    if has("_submission_time") || has("_uuid") {
        Layout::Kobo
    } else if has("submissiondate") && (has("key") || has("meta-instanceid")) {
        Layout::Odk
    } else if has("respondent id") && has("collector id") {
        Layout::Surveymonkey
    } else if has("responseid") {
        let import_ids = row(2).iter().any(|c| c.contains("importid"));
        if import_ids {
            Layout::Qualtrics
        } else {
            Layout::QualtricsLegacy
        }
    } else if first.first().is_some_and(|h| h == "v1") && row(1).iter().any(|h| h == "responseid") {
        Layout::QualtricsLegacy
    } else if (has("id") && has("submitdate")) || (has("response id") && has("date submitted")) {
        Layout::Limesurvey
    } else if first.first().is_some_and(|h| h == "#") && has("submit date (utc)") {
        Layout::Typeform
    } else if has("id") && has("start time") && has("completion time") {
        Layout::MicrosoftForms
    } else if first
        .first()
        .is_some_and(|h| GOOGLE_TIMESTAMP.contains(&h.as_str()))
    {
        Layout::GoogleForms
    } else {
        Layout::Plain
    }
}

/// The header texts of column `c` on each header row (Qualtrics'
/// `{"ImportId":"QID1"}` read as `QID1`).
pub fn headers(table: &Table, header_rows: usize, c: usize) -> Vec<String> {
    (0..header_rows)
        .filter_map(|r| table.rows.get(r).and_then(|row| row.get(c)))
        .map(|cell| match cell {
            Cell::Empty => String::new(),
            other => import_id(&other.text()).unwrap_or_else(|| other.text()),
        })
        .collect()
}

/// The id inside Qualtrics' `{"ImportId":"QID1"}` (or the older
/// `{'ImportId': 'QID1'}`); a column for one choice,
/// `{"ImportId":"QID5","choiceId":"2"}`, reads `QID5[2]`.
fn import_id(text: &str) -> Option<String> {
    let rest = text.trim().strip_prefix('{')?.strip_suffix('}')?;
    let unquote = |s: &str| s.trim().trim_matches(|c| c == '"' || c == '\'').to_owned();
    let mut id = None;
    let mut choice = None;
    for pair in rest.split(',') {
        let (key, value) = pair.split_once(':')?;
        match unquote(key).as_str() {
            "ImportId" => id = Some(unquote(value)),
            "choiceId" => choice = Some(unquote(value)),
            _ => {}
        }
    }
    let id = id?;
    Some(match choice {
        Some(choice) => format!("{id}[{choice}]"),
        None => id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            file: PathBuf::from("x.csv"),
            source: Source::Csv,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| Cell::Text((*c).to_owned())).collect())
                .collect(),
            first_row: 1,
            first_column: 1,
            other_sheets: Vec::new(),
        }
    }

    #[test]
    fn each_tool_is_recognised_by_its_headers() {
        let cases: [(&[&[&str]], Layout); 9] = [
            (&[&["start", "q1", "_uuid", "_submission_time"]], Layout::Kobo),
            (&[&["SubmissionDate", "q1", "KEY"]], Layout::Odk),
            (&[&["Timestamp", "Your fave fruit?"]], Layout::GoogleForms),
            (
                &[&["ID", "Start time", "Completion time", "Email", "Name", "Q"]],
                Layout::MicrosoftForms,
            ),
            (
                &[
                    &["ResponseId", "Q1"],
                    &["Response ID", "Text"],
                    &["{\"ImportId\":\"_recordId\"}", "{\"ImportId\":\"QID1\"}"],
                ],
                Layout::Qualtrics,
            ),
            (
                &[&["V1", "V2", "Q1"], &["ResponseID", "ResponseSet", "Text"]],
                Layout::QualtricsLegacy,
            ),
            (
                &[&["Respondent ID", "Collector ID", "Q"], &["", "", "Response"]],
                Layout::Surveymonkey,
            ),
            (
                &[&["id", "submitdate", "lastpage", "startlanguage", "Q1"]],
                Layout::Limesurvey,
            ),
            (
                &[&["#", "Q", "Start Date (UTC)", "Submit Date (UTC)", "Network ID"]],
                Layout::Typeform,
            ),
        ];
        for (rows, layout) in cases {
            assert_eq!(detect(&table(rows)), layout, "{rows:?}");
        }
        assert_eq!(detect(&table(&[&["id", "submitted", "wait"]])), Layout::Plain);
    }

    #[test]
    fn qualtrics_import_ids_are_read_in_both_styles() {
        assert_eq!(import_id("{\"ImportId\":\"QID1\"}").as_deref(), Some("QID1"));
        assert_eq!(import_id("{'ImportId': 'QID4-1-1'}").as_deref(), Some("QID4-1-1"));
        assert_eq!(
            import_id("{\"ImportId\":\"QID2\",\"choiceId\":\"1\"}").as_deref(),
            Some("QID2[1]")
        );
        assert_eq!(import_id("Q1"), None);
    }

    #[test]
    fn headers_compare_without_case_or_extra_space() {
        assert_eq!(normalize("  On   time?\n"), "on time?");
    }
}
