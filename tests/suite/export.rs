//! `rapport export`: a small project's questionnaire written for the form
//! tools, byte for byte the same each time, and the ways it refuses.

use crate::project::Project;
use crate::support::rapport;
use snapbox::str;

#[test]
fn exports_both_formats_the_same_each_time() {
    let project = Project::new().survey_with(|s| s.replace("languages: [en]", "languages: [en, sv]"));
    let root = project.root();
    rapport(root)
        .args(["export", "--survey", "support", "--to", "xlsform"])
        .assert()
        .success()
        .stdout_eq("")
        .stderr_eq(str![[r#"
exported `support` (1 question, 2 languages) as XLSForm to support.xlsx

"#]]);
    let first = std::fs::read(root.join("support.xlsx")).expect("the workbook");
    assert_eq!(&first[..2], b"PK");
    rapport(root)
        .args([
            "export",
            "--survey",
            "support",
            "--to",
            "xlsform",
            "--out",
            "again.xlsx",
            "--quiet",
        ])
        .assert()
        .success()
        .stderr_eq("");
    let again = std::fs::read(root.join("again.xlsx")).expect("the workbook");
    assert!(first == again, "two exports of one survey differ");

    rapport(root)
        .args(["export", "--survey", "support", "--to", "surveyjs", "--quiet"])
        .assert()
        .success();
    let form: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("support.json")).expect("the form")).expect("JSON");
    assert_eq!(form["pages"][0]["elements"][0]["name"], "on-time");
    assert_eq!(form["pages"][0]["elements"][0]["type"], "rating");
    assert_eq!(form["title"]["default"], "Support");
    assert_eq!(form["title"]["en"], "Support");
    assert_eq!(form["title"]["sv"], "Support");
    // No stage file is left beside the output.
    let mut names: Vec<String> = std::fs::read_dir(root)
        .expect("the project")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["again.xlsx", "support.json", "support.xlsx", "surveys"]);
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let project = Project::new().file("support.json", "mine");
    let root = project.root();
    rapport(root)
        .args(["export", "--survey", "support", "--to", "surveyjs"])
        .assert()
        .code(1)
        .stderr_eq(str![[r#"
error: support.json exists; pass --force to replace it

"#]]);
    assert_eq!(
        std::fs::read_to_string(root.join("support.json")).expect("kept"),
        "mine"
    );
    rapport(root)
        .args([
            "export", "--survey", "support", "--to", "surveyjs", "--force", "--quiet",
        ])
        .assert()
        .success();
    assert!(std::fs::read_to_string(root.join("support.json"))
        .expect("replaced")
        .contains("\"on-time\""));
}

#[test]
fn an_unknown_survey_gets_a_did_you_mean() {
    let project = Project::new();
    rapport(project.root())
        .args(["export", "--survey", "suport", "--to", "xlsform"])
        .assert()
        .code(1)
        .stderr_eq(str![[r#"
error: there is no survey `suport` in surveys/; did you mean `support`?

"#]]);
    assert!(!project.root().join("suport.xlsx").exists());
}

#[test]
fn a_survey_with_errors_is_refused_with_its_diagnostics() {
    let project = Project::new().survey_with(|s| s.replace("scale: agree5", "scale: agree7"));
    rapport(project.root())
        .args(["export", "--survey", "support", "--to", "xlsform"])
        .assert()
        .code(1)
        .stderr_eq(str![[r#"
...
error: survey `support` has 1 error, 0 warnings; nothing was exported

"#]]);
    assert!(!project.root().join("support.xlsx").exists());
}
