//! The command line itself: version, help and exit statuses.

use crate::errors::{missing_translation_project, misspelled_question};
use crate::support::{fixtures, rapport};

#[test]
fn version_and_help() {
    let root = fixtures();
    rapport(&root)
        .arg("--version")
        .assert()
        .success()
        .stdout_eq(format!("rapport {}\n", env!("CARGO_PKG_VERSION")));
    let help = rapport(&root)
        .arg("--help")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let help = String::from_utf8(help).expect("UTF-8");
    assert!(
        help.contains("rapport build") && help.contains("Exit status"),
        "{help}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    rapport(&fixtures()).arg("bogus").assert().code(2);
    rapport(&fixtures()).args(["build", "--nope"]).assert().code(2);
}

#[test]
fn root_can_be_given() {
    let hand = fixtures().join("build/hand");
    rapport(&std::env::temp_dir())
        .arg("--root")
        .arg(&hand)
        .args(["check", "--quiet"])
        .assert()
        .success()
        .stderr_eq("");
}

#[test]
fn check_prints_github_annotations() {
    let project = misspelled_question();
    rapport(project.root())
        .args(["check", "--format", "github"])
        .assert()
        .code(1)
        .stdout_eq(snapbox::str![[r#"
::error file=surveys/support/responses/a.yaml,line=4,col=5,endColumn=11,title=rapport E0201::there is no question `on-tme`%0Ahelp: did you mean `on-time`?

"#]]);
}

#[test]
fn check_prints_json_for_tools() {
    let project = misspelled_question();
    rapport(project.root())
        .args(["check", "--format", "json"])
        .assert()
        .code(1)
        .stderr_eq("")
        .stdout_eq(snapbox::str![[r#"
{
  "surveys": 1,
  "responses": 1,
  "files": 1,
  "errors": 1,
  "warnings": 0,
  "diagnostics": [
    {
      "file": "surveys/support/responses/a.yaml",
      "line": 4,
      "column": 5,
      "end_line": 4,
      "end_column": 11,
      "severity": "error",
      "code": "E0201",
      "message": "there is no question `on-tme`",
      "label": "not a question of survey `support`",
      "notes": [
        "help: did you mean `on-time`?"
      ]
    }
  ],
  "translations": [],
  "words": [
    {
      "language": "en",
      "messages": 74,
      "translated": 74,
      "missing": [],
      "untranslated": []
    }
  ],
  "privacy": {
    "min_group_size": 5,
    "small_cells_hidden": 0,
    "complement_cells_hidden": 0,
    "audit_cells_hidden": 0,
    "narrowest_range": null,
    "unprotected_cells": 0
  }
}

"#]]);
}

#[test]
fn strict_turns_warnings_into_errors_and_lang_filters_translations() {
    let project = missing_translation_project();
    let root = project.root();
    rapport(root).args(["check", "--quiet"]).assert().success();
    rapport(root)
        .args(["check", "--quiet", "--strict"])
        .assert()
        .code(1);
    let out = rapport(root)
        .args(["check", "--lang", "sv"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(text.contains("translations:\n  support: sv "), "{text}");
    let out = rapport(root)
        .args(["check", "--lang", "SV", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).expect("one JSON object");
    let translations = report["translations"].as_array().expect("a list");
    assert_eq!(translations.len(), 1, "{report}");
    let sv = &translations[0];
    assert_eq!(
        (sv["survey"].as_str(), sv["language"].as_str()),
        (Some("support"), Some("sv"))
    );
    let (texts, translated) = (
        sv["texts"].as_u64().expect("texts"),
        sv["translated"].as_u64().expect("translated"),
    );
    assert!(translated < texts, "{sv}");
    assert_eq!(
        sv["missing"].as_array().map(Vec::len),
        Some((texts - translated) as usize)
    );
    assert_eq!(report["warnings"].as_u64(), Some(1), "{report}");
    assert_eq!(report["privacy"]["min_group_size"].as_u64(), Some(5));
    rapport(root)
        .args(["check", "--lang", "ru"])
        .assert()
        .code(1)
        .stderr_eq("error: no survey has the language `ru`\n");
}

#[test]
fn diff_prints_what_moved_as_markdown() {
    let root = fixtures().join("diff");
    let out = rapport(&root)
        .args(["diff", "base", "new"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(
        text.starts_with("## rapport: what changed\n\n### alpha\n- responses: 40 → 47 (+7)\n"),
        "{text}"
    );
    assert!(text.contains("- the focus level moves from accuracy to availability\n"));
    rapport(&root)
        .args(["diff", "base", "missing"])
        .assert()
        .code(1)
        .stderr_eq(snapbox::str![[r#"
error: no site at missing: the folder does not exist

"#]]);
}
