//! `rapport import`: one export per form tool's layout, written the way
//! that tool writes it, read into the same responses; importing again adds
//! nothing; and every problem named by file, row and column, with nothing
//! written.

use crate::support::{copy_tree, fixtures, rapport};
use snapbox::{str, Data};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The import fixture project, with the exports in `exports/`.
fn project() -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temp folder");
    let root = tmp.path().join("project");
    copy_tree(&fixtures().join("import/project"), &root);
    copy_tree(&fixtures().join("import/exports"), &root.join("exports"));
    (tmp, root)
}

fn exports() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("import/exports"))
        .expect("the exports")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `--submitted` for the export that has no times of its own (SurveyJS).
fn dated(name: &str) -> &'static [&'static str] {
    if name.ends_with(".json") {
        &["--submitted", "2026-09-14"]
    } else {
        &[]
    }
}

fn responses(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("surveys/support/responses"))
        .map(|dir| {
            dir.map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn every_layout_reads_into_the_same_responses() {
    let (_tmp, root) = project();
    let expected = fixtures().join("import/expected");
    let names = exports();
    assert_eq!(names.len(), 11, "one export per layout, and a Google Sheet");
    for name in names {
        let stem = name.split('.').next().expect("a name").to_owned();
        let ext = name.rsplit('.').next().expect("an extension");
        let snapshot = |suffix: &str| {
            let file = expected.join(format!("{stem}-{ext}.{suffix}"));
            Data::read_from(&file, None).raw()
        };
        rapport(&root)
            .args([
                "import",
                &format!("exports/{name}"),
                "--survey",
                "support",
                "--dry-run",
            ])
            .args(dated(&name))
            .assert()
            .success()
            .stdout_eq(snapshot("yaml"))
            .stderr_eq(snapshot("stderr"));
    }
    assert!(responses(&root) == ["a.yaml"], "a dry run writes nothing");
}

#[test]
fn imported_responses_build_and_a_second_import_adds_nothing() {
    let (_tmp, root) = project();
    for name in exports() {
        rapport(&root)
            .args([
                "import",
                &format!("exports/{name}"),
                "--survey",
                "support",
                "--quiet",
            ])
            .args(dated(&name))
            // LimeSurvey and Microsoft Forms both count their ids from 1.
            .args([
                "--id-prefix",
                if name.starts_with("microsoft") { "ms-" } else { "" },
            ])
            .assert()
            .success()
            .stderr_eq("");
    }
    // Without the prefix, the second form's ids meet the first's.
    rapport(&root)
        .args(["import", "exports/microsoft-forms.xlsx", "--survey", "support"])
        .assert()
        .code(1)
        .stderr_eq(str![[r#"
error: exports/microsoft-forms.xlsx: row 2, column A: response id `1` is already in surveys/support/responses/limesurvey.yaml with other answers; if this export is another form's, whose ids count from 1 too, give its ids a prefix with --id-prefix
error: the export has 1 problem; nothing was written

"#]]);
    assert_eq!(responses(&root).len(), 12);
    rapport(&root).arg("check").assert().success().stderr_eq(str![[r#"
checked 1 survey (24 responses in 12 files): 0 errors, 0 warnings
translations:
  support: sv 100% (18 of 18)
privacy: 4 breakdown cells hidden (fewer than 5 respondents), 2 more hidden so that they cannot be worked out by subtraction (2 of them found by the audit of every published sum); each hidden cell can still be any of at least 22 values

"#]]);
    rapport(&root)
        .args(["import", "exports/google-forms.csv", "--survey", "support"])
        .assert()
        .success()
        .stderr_eq(str![[r#"
nothing new in google-forms.csv (Google Forms); skipped 3 already imported

"#]]);
    // A later download of the same form: its first rows again, and one more.
    let later = std::fs::read_to_string(root.join("exports/google-forms.csv")).expect("the export")
        + "2026/09/16 8:00:00 am CEST,Agree,8,Yes,E-post,Butik,,\n";
    std::fs::write(root.join("Form responses (later).csv"), later).expect("write");
    rapport(&root)
        .args(["import", "Form responses (later).csv", "--survey", "support"])
        .assert()
        .success()
        .stderr_eq(str![[r#"
imported 1 response from Form responses (later).csv (Google Forms) into surveys/support/responses/form-responses-later.yaml; skipped 3 already imported

"#]]);
    let added = std::fs::read_to_string(root.join("surveys/support/responses/form-responses-later.yaml"))
        .expect("added");
    assert_eq!(added.matches("- id:").count(), 1);
    assert!(
        added.contains("contact: email") && added.contains("channels: [store]"),
        "{added}"
    );
}

/// Runs `rapport import` of `file` (written into the project) and asserts
/// it fails with `expected` on stderr and leaves the responses as they were.
fn refused(file: &str, contents: &[u8], args: &[&str], expected: impl snapbox::IntoData) {
    let (_tmp, root) = project();
    std::fs::write(root.join(file), contents).expect("write the export");
    rapport(&root)
        .args(["import", file, "--survey", "support"])
        .args(args)
        .assert()
        .code(1)
        .stdout_eq("")
        .stderr_eq(expected);
    assert!(
        responses(&root) == ["a.yaml"],
        "nothing is written after an error"
    );
}

#[test]
fn a_wrong_answer_is_named_by_row_and_column_with_a_suggestion() {
    refused(
        "export.csv",
        b"id,submitted,How did you contact us?,Was it delivered on time?,recommend\n\
          r1,2026-09-14,E-mial,Agree,11\n\
          r2,2026-09-14,Phone,6,10\n",
        &[],
        str![[r#"
error: export.csv:2:3: `E-mial` is not an answer to `contact`: expected an option: `email`, `phone` or `chat`; did you mean `E-mail`?
error: export.csv:2:5: `11` is not an answer to `recommend`: expected a whole number from 0 to 10
error: export.csv:3:4: `6` is not an answer to `on-time`: expected a whole number from 1 to 5 or one of the scale's labels
error: the export has 3 problems; nothing was written

"#]],
    );
}

#[test]
fn a_label_two_options_share_is_an_error_not_a_guess() {
    let (_tmp, root) = project();
    let survey = root.join("surveys/support/survey.yaml");
    let yaml = std::fs::read_to_string(&survey)
        .expect("survey")
        .replace("sv: Chatt", "sv: Telefon");
    std::fs::write(&survey, yaml).expect("write");
    std::fs::write(
        root.join("export.csv"),
        "id,submitted,contact\nr1,2026-09-14,Telefon\n",
    )
    .expect("write");
    rapport(&root)
        .args(["import", "export.csv", "--survey", "support"])
        .assert()
        .code(1)
        .stderr_eq(str![[r#"
error: export.csv:2:3: `Telefon` is not an answer to `contact`: expected one option; it names `phone` or `chat`; give the options distinct labels or add `option_aliases`
error: the export has 1 problem; nothing was written

"#]]);
}

#[test]
fn bad_times_languages_and_doubled_columns_are_named() {
    refused(
        "export.csv",
        "id,submitted,language,contact,Hur kontaktade du oss?\n\
          r1,last tuesday,sv,email,\n\
          r2,2026-09-14,fi,email,\n"
            .as_bytes(),
        &[],
        str![[r#"
error: export.csv:1:5: this column and column D both answer `contact`; remove one of them from the export
error: export.csv:2:2: `last tuesday` is not a submission time; expected a date and time from 1990 on, such as 2026-09-14 13:05:00
error: export.csv:3:3: `fi` is not one of the survey's languages; expected en, sv
error: the export has 3 problems; nothing was written

"#]],
    );
}

#[test]
fn spreadsheet_and_json_places_are_named_as_their_tools_show_them() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, header) in [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Did you return anything?",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, c as u16, *header).expect("a header");
    }
    for (c, value) in [
        "1",
        "9/14/2026 10:00:00",
        "9/14/2026 10:02:00",
        "anonymous",
        "anonymous",
        "Maybe",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(1, c as u16, *value).expect("a cell");
    }
    let bytes = book.save_to_buffer().expect("a workbook");
    refused(
        "forms.xlsx",
        &bytes,
        &[],
        str![[r#"
error: forms.xlsx: row 2, column F: `Maybe` is not an answer to `returned`: expected yes, no, true, false, 1 or 0
error: the export has 1 problem; nothing was written

"#]],
    );
    refused(
        "results.json",
        br#"[{"recommend": 9}, {"recommend": "ten"}]"#,
        &["--submitted", "2026-09-14"],
        str![[r#"
error: results.json: result 2, `recommend`: `ten` is not an answer to `recommend`: expected a whole number from 0 to 10
error: the export has 1 problem; nothing was written

"#]],
    );
}

#[test]
fn unknown_columns_and_unanswered_questions_are_noted_once() {
    let (_tmp, root) = project();
    std::fs::write(
        root.join("export.csv"),
        "id,submitted,on-time,Wait time,Colour\nr1,2026-09-14,4,3,blue\nr2,2026-09-15,5,2,red\n",
    )
    .expect("write");
    rapport(&root)
        .args(["import", "export.csv", "--survey", "support"])
        .assert()
        .success()
        .stderr_eq(str![[r#"
note: 2 columns belong to no question and were not read: `Wait time` (D), `Colour` (E)
note: no column answers `recommend`, `returned`, `contact`, `channels` or `comment`; add the column's header to the question's `aliases`
imported 2 responses from export.csv (a plain table) into surveys/support/responses/export.yaml

"#]]);
    assert_eq!(
        std::fs::read_to_string(root.join("surveys/support/responses/export.yaml")).expect("written"),
        "\
# Responses imported by `rapport import` from export.csv (a plain table).
- id: \"r1\"
  submitted: 2026-09-14
  answers:
    on-time: 4
- id: \"r2\"
  submitted: 2026-09-15
  answers:
    on-time: 5
"
    );
}

#[test]
fn exports_that_cannot_be_read_safely_are_refused() {
    // Nothing in it answers a question: another survey's export.
    refused(
        "other.csv",
        b"foo,bar\n1,2\n",
        &[],
        str![[r#"
error: other.csv:1:1: no column answers a question of survey `support`; is it an export of another survey? Its headers begin `foo`, `bar`; add a question's header to its `aliases`
error: the export has 1 problem; nothing was written

"#]],
    );
    // No time: every row would be dated today.
    refused(
        "undated.csv",
        b"id,Datum,on-time\nr1,2026-09-14,4\n",
        &[],
        str![[r#"
error: undated.csv:1:1: no column gives the submission time (expected one headed `submitted` or `timestamp` or `date`); name that column so, or give one date for every row with --submitted YYYY-MM-DD
error: the export has 1 problem; nothing was written

"#]],
    );
    // One id, two different responses; a cell without a column.
    refused(
        "twice.csv",
        b"id,submitted,on-time\ndup,2026-09-14,4\ndup,2026-09-15,5,extra\n",
        &[],
        str![[r#"
error: twice.csv:3:1: response id `dup` is also on row 2, with other answers; an id names one response; remove one of the rows
error: twice.csv:3:4: `extra` lies beyond the last header; every cell needs a column with a header
error: the export has 2 problems; nothing was written

"#]],
    );
    // A quote never closed would swallow the rows after it.
    refused(
        "open.csv",
        b"id,submitted,comment\nr1,2026-09-14,\"never closed\nr2,2026-09-14,x\n",
        &[],
        str![[r#"
error: open.csv: row 2: a quoted field opens here and is never closed; nothing was written

"#]],
    );
    // One question in one cell and option by option.
    refused(
        "both.csv",
        b"id,submitted,channels,channels[web]\nr1,2026-09-14,web,1\n",
        &[],
        str![[r#"
error: both.csv:1:4: this column and column C both answer `channels`; remove one of them from the export
error: the export has 1 problem; nothing was written

"#]],
    );
    // A placeholder date, and an offset beyond a day.
    refused(
        "old.csv",
        b"id,submitted,on-time\nr1,1980-01-01 00:00:00,4\nr2,2026-09-14T10:00:00+25:00,4\n",
        &[],
        str![[r#"
error: old.csv:2:2: `1980-01-01 00:00:00` is not a submission time; expected a date and time from 1990 on, such as 2026-09-14 13:05:00
error: old.csv:3:2: `2026-09-14T10:00:00+25:00` is not a submission time; expected a date and time from 1990 on, such as 2026-09-14 13:05:00
error: the export has 2 problems; nothing was written

"#]],
    );
}

#[test]
fn the_response_file_is_one_the_survey_reads() {
    let (_tmp, root) = project();
    std::fs::write(root.join("export.csv"), "id,submitted,on-time\nr9,2026-09-14,4\n").expect("write");
    for out in [
        "x.yaml",
        "surveys/support/responses/.hidden.yaml",
        "surveys/support/responses/x.csv",
        "surveys/support/responses/../../support.yaml",
    ] {
        rapport(&root)
            .args(["import", "export.csv", "--survey", "support", "--out", out])
            .assert()
            .code(1)
            .stderr_eq(format!(
                "error: --out: {out} is not a response file of the survey; name a .yaml file in surveys/support/responses\n"
            ));
    }
    rapport(&root)
        .args(["import", "export.csv", "--survey", "support", "--quiet"])
        .args(["--out", "surveys/support/responses/2026/september.yaml"])
        .assert()
        .success();
    assert!(root
        .join("surveys/support/responses/2026/september.yaml")
        .is_file());
}

#[test]
fn a_header_close_to_a_question_is_suggested() {
    let (_tmp, root) = project();
    std::fs::write(
        root.join("export.csv"),
        "id,submitted,on-time,How likely are you to recomend us?\nr1,2026-09-14,4,9\n",
    )
    .expect("write");
    rapport(&root)
        .args([
            "import",
            "export.csv",
            "--survey",
            "support",
            "--dry-run",
            "--quiet",
        ])
        .assert()
        .success();
    rapport(&root)
        .args(["import", "export.csv", "--survey", "support", "--dry-run"])
        .assert()
        .success()
        .stderr_eq(str![[r#"
note: 1 column belongs to no question and was not read: `How likely are you to recomend us?` (D, did you mean `How likely are you to recommend us?`?)
note: no column answers `recommend`, `returned`, `contact`, `channels` or `comment`; add the column's header to the question's `aliases`
would import 1 response from export.csv (a plain table); nothing was written

"#]]);
}

#[test]
fn options_are_checked_before_anything_is_read() {
    let (_tmp, root) = project();
    rapport(&root)
        .args(["import", "nowhere.csv", "--survey", "suport"])
        .assert()
        .code(1)
        .stderr_eq(str![[r#"
error: there is no survey `suport` in surveys/; did you mean `support`?

"#]]);
    rapport(&root)
        .args(["import", "nowhere.csv", "--survey", "support"])
        .assert()
        .code(1)
        .stderr_eq(str![[r#"
error: nowhere.csv: No such file or directory (os error 2); nothing was written

"#]]);
    rapport(&root)
        .args([
            "import",
            "nowhere.csv",
            "--survey",
            "support",
            "--utc-offset",
            "CET",
        ])
        .assert()
        .code(1)
        .stderr_eq(str![[r#"
error: --utc-offset: `CET` is not an offset; expected e.g. +01:00 or -05:00

"#]]);
    std::fs::write(root.join("export.csv"), "id,submitted,on-time\nr9,2026-09-14,4\n").expect("write");
    rapport(&root)
        .args(["import", "export.csv", "--survey", "support", "--out", "surveys/support/responses/a.yaml"])
        .assert()
        .code(1)
        .stderr_eq(str![[r#"
note: no column answers `recommend`, `returned`, `contact`, `channels` or `comment`; add the column's header to the question's `aliases`
error: surveys/support/responses/a.yaml exists; name a new file with --out, or leave --out off for a free name

"#]]);
}
