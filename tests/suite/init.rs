//! `rapport init`: a project that builds at once, and never an overwrite.

use crate::support::{rapport, snapshot_tree};

#[test]
fn init_then_build_succeeds_without_warnings() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for langs in ["en", "sv,en", "nb,en,ru,nl,sv"] {
        let dir = tmp.path().join(langs.replace(',', "-"));
        rapport(tmp.path())
            .arg("init")
            .arg(&dir)
            .args(["--languages", langs])
            .assert()
            .success();
        for f in [
            "rapport.yaml",
            "surveys/customer-expectations/survey.yaml",
            "surveys/customer-expectations/responses/example.yaml",
            ".gitignore",
            ".github/workflows/report.yml",
        ] {
            assert!(dir.join(f).is_file(), "{langs}: {f} missing");
        }
        let workflow = std::fs::read_to_string(dir.join(".github/workflows/report.yml")).expect("read");
        assert!(
            rapport::yaml::parse_document(&workflow).is_ok(),
            "the workflow is not YAML"
        );
        rapport(&dir).args(["check", "--strict"]).assert().success();
        rapport(&dir).arg("build").assert().success();
        let first = langs.split(',').next().expect("a language");
        assert!(dir.join("site/customer-expectations/index.html").is_file());
        let page = std::fs::read_to_string(dir.join("site/customer-expectations/index.html")).expect("read");
        assert!(page.contains(&format!("<html lang=\"{first}\">")));
    }
}

#[test]
fn init_never_overwrites() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::write(tmp.path().join("rapport.yaml"), "title: mine\n").expect("write");
    let before = snapshot_tree(tmp.path());
    rapport(tmp.path())
        .arg("init")
        .assert()
        .code(1)
        .stderr_eq(snapbox::str![[r#"
error: refusing to overwrite ./rapport.yaml; nothing was written

"#]]);
    assert_eq!(before, snapshot_tree(tmp.path()));
    rapport(tmp.path())
        .args(["init", "new", "--languages", "no"])
        .assert()
        .code(1)
        .stderr_eq(snapbox::str![[r#"
error: `no` is not a language tag (write e.g. --languages en,sv; `nb` for Norwegian Bokmål)

"#]]);
    assert!(!tmp.path().join("new").exists());
}
