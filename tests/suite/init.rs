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
            ".github/workflows/report-comment.yml",
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
        assert!(page.contains(&format!("<html lang=\"{first}\" dir=\"ltr\">")));
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

/// The value at `path` (mapping keys) in a YAML tree.
fn at<'n>(node: &'n rapport::yaml::Node, path: &[&str]) -> Option<&'n rapport::yaml::Node> {
    let mut node = node;
    for key in path {
        let rapport::yaml::Value::Map(entries) = &node.value else {
            return None;
        };
        node = entries
            .iter()
            .find(|(k, _)| k.text() == Some(key))
            .map(|(_, v)| v)?;
    }
    Some(node)
}

#[test]
fn the_workflows_install_exactly_this_rapport_and_keep_tokens_apart() {
    let tmp = tempfile::tempdir().expect("temp dir");
    rapport(tmp.path()).args(["init", "p"]).assert().success();
    let read = |name: &str| {
        std::fs::read_to_string(tmp.path().join("p/.github/workflows").join(name)).expect("read workflow")
    };
    let report = read("report.yml");
    let comment = read("report-comment.yml");

    // Pinned to the version that wrote it, downloaded from the package's repository.
    let version = env!("CARGO_PKG_VERSION");
    assert!(report.contains(&format!("RAPPORT_VERSION: \"{version}\"")));
    let releases = format!(
        "RAPPORT_RELEASES: \"{}/releases/download\"",
        env!("CARGO_PKG_REPOSITORY")
    );
    assert!(report.contains(&releases), "{releases}");
    assert!(report.contains("sha256sum --check --strict"));
    // Every install names the package and the exact version; nothing unpinned.
    let installs: Vec<&str> = report
        .lines()
        .chain(comment.lines())
        .filter(|l| l.contains("cargo install") || l.contains("cargo binstall"))
        .collect();
    assert_eq!(installs.len(), 1, "{installs:?}");
    for line in installs {
        assert!(
            line.contains("--locked")
                && line.contains("--version \"=$RAPPORT_VERSION\"")
                && line.trim_end().ends_with("rapport-surveys"),
            "unpinned install: {line}"
        );
    }
    assert!(!report.contains("@VERSION@") && !report.contains("@RELEASES@"));

    // The job that runs the pull request's files reads only; the job that
    // comments never checks anything out.
    let report = rapport::yaml::parse_document(&report)
        .expect("YAML")
        .expect("a document");
    let top = at(&report, &["permissions", "contents"]).and_then(|n| n.text());
    assert_eq!(top, Some("read"));
    assert!(at(&report, &["jobs", "check", "permissions"]).is_none());
    assert!(at(&report, &["jobs", "publish", "concurrency", "group"]).is_some());
    assert!(!comment.contains("actions/checkout"));
    let comment = rapport::yaml::parse_document(&comment)
        .expect("YAML")
        .expect("a document");
    let trigger = at(&comment, &["on", "workflow_run", "workflows"]).expect("workflow_run");
    assert!(matches!(&trigger.value, rapport::yaml::Value::Seq(w) if w[0].text() == Some("report")));
}
