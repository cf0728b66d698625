//! A project's own word files (`i18n/<lang>.ftl`): words for a language
//! rapport has none in, and what `check` says about them.

use crate::project::Project;
use crate::support::rapport;

/// Support's survey in Arabic and English, Arabic first.
fn arabic() -> Project {
    Project::new()
        .survey_with(|s| {
            s.replace("languages: [en]", "languages: [ar, en]")
                .replace("title: Support", "title: {ar: الدعم, en: Support}")
                .replace(
                    "text: Was it delivered on time?",
                    "text: {ar: هل وصل في الوقت المحدد؟, en: Was it delivered on time?}",
                )
        })
        .survey_with(|s| s.replace("    name: Accuracy", "    name: {ar: الدقة, en: Accuracy}"))
}

#[test]
fn a_word_file_gives_a_language_its_words_and_plurals() {
    // Arabic has six plural forms; 1 response is `one`, 2 is `two`.
    let project = arabic().file(
        "i18n/ar.ftl",
        "responses = { $n ->\n    [one] رد واحد\n    [two] ردان\n   *[other] { $shown } ردود\n}\ntarget = الهدف\n",
    );
    let site = project.build();
    let page = std::fs::read_to_string(site.join("support/index.html")).expect("read");
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{page}");
    assert!(page.contains("رد واحد"), "the Arabic count is missing");
    // Its words are the page's own, so they are not marked as English.
    assert!(!page.contains("<p class=\"figures\" lang=\"en\""));
    // A message the file lacks falls back to English.
    assert!(page.contains("Overall score"));

    let project = project.responses(
        "support",
        "b.yaml",
        "- id: r2\n  submitted: 2026-09-15\n  answers:\n    on-time: 5\n",
    );
    let site = project.build();
    let page = std::fs::read_to_string(site.join("support/index.html")).expect("read");
    assert!(page.contains("ردان"), "two responses take the `two` form");
}

#[test]
fn check_counts_missing_and_copied_words() {
    let expected = "\
rapport's own words:
  ar 1% (1 of 74), 72 missing, 1 the English words unchanged: shown in English; translate them in i18n/ar.ftl
";
    let project = arabic().file("i18n/ar.ftl", "target = الهدف\nsurveys = Surveys\n");
    let out = rapport(project.root()).arg("check").assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains(expected), "{stderr}");
}

#[test]
fn a_word_file_fluent_cannot_read_stops_the_build() {
    arabic()
        .file(
            "i18n/ar.ftl",
            "target = الهدف\nresponses = { $n ->\n   [one] رد\n}\n",
        )
        .status(1)
        .stderr(snapbox::str![[r#"
error[E0302]: the select expression must have a default variant
  --> i18n/ar.ftl:4:1
  |
4 | }
  | ^ Fluent cannot read this
  |
  = the format is Fluent's: https://projectfluent.org/fluent/guide/

warning[W0004]: rapport has no words of its own in `ar`
...
"#]])
        .check();
}

#[test]
fn unknown_messages_and_file_names_are_warned_about() {
    arabic()
        .file("i18n/ar.ftl", "targte = الهدف\n")
        .file("i18n/arabic words.ftl", "target = الهدف\n")
        .stderr(snapbox::str![[r#"
warning[W0007]: rapport has no message `targte`, so it is not used
  --> i18n/ar.ftl:1:1
  |
1 | targte = الهدف
  | ^^^^^^ unknown message
  |
  = help: did you mean `target`?

warning[W0007]: `arabic words` is not a language tag, so `arabic words.ftl` is not used
 = in i18n/arabic words.ftl
 = help: name a word file by its language: `i18n/ar.ftl`, `i18n/pt-BR.ftl`

checked 1 survey (1 response in 1 file): 0 errors, 2 warnings
translations:
...
"#]])
        .check();
}

#[test]
fn a_language_without_words_is_warned_about_unless_the_project_has_them() {
    let out = rapport(arabic().root()).arg("check").assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("warning[W0004]: rapport has no words of its own in `ar`"),
        "{stderr}"
    );
    let out = rapport(arabic().file("i18n/ar.ftl", "target = الهدف\n").root())
        .arg("check")
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(!stderr.contains("W0004"), "{stderr}");
}

#[test]
fn init_writes_a_word_file_to_translate_and_counts_nothing_untranslated() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("p");
    rapport(tmp.path())
        .arg("init")
        .arg(&dir)
        .args(["--languages", "en,ar,ja"])
        .assert()
        .success();
    let ar = std::fs::read_to_string(dir.join("i18n/ar.ftl")).expect("i18n/ar.ftl");
    assert!(ar.contains("[zero] [one] [two] [few] [many] [other]"), "{ar}");
    assert!(ar.contains("\n# target = Target\n"));
    assert!(!dir.join("i18n/en.ftl").exists());
    let out = rapport(&dir).arg("check").assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    for expected in [
        "customer-expectations: ar 0% (0 of 19), 19 missing; ja 0% (0 of 19), 19 missing",
        "  ar 0% (0 of 74), 74 missing: shown in English; translate them in i18n/ar.ftl",
        "  ja 0% (0 of 74), 74 missing: shown in English; translate them in i18n/ja.ftl",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    rapport(&dir).arg("build").assert().success();
}
