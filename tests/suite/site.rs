//! The report site: pages per language, fallbacks marked, respondents'
//! text escaped, templates replaced file by file.

use crate::support::{copy_tree, fixtures, rapport};
use std::path::Path;

fn build(root: &Path, out: &Path) {
    rapport(root)
        .args(["build", "--no-cache", "--out"])
        .arg(out)
        .assert()
        .success();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The page with each chart's SVG cut down to its title, so the snapshot
/// shows the page's structure; the charts have tests of their own.
fn without_svg(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("</svg>").map_or(rest.len(), |e| start + e + 6);
        let title = rest[start..end]
            .split("<title")
            .nth(1)
            .and_then(|t| t.split('>').nth(1))
            .and_then(|t| t.split('<').next())
            .unwrap_or("");
        out.push_str(&format!("<svg>{title}</svg>"));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn pages_per_language_with_switcher_and_alternates() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("site");
    build(&fixtures().join("site/langs"), &out);
    for page in [
        "index.html",
        "index.en.html",
        "ladder/index.html",
        "ladder/en/index.html",
        "style.css",
    ] {
        assert!(out.join(page).is_file(), "{page} missing");
    }
    let nl = read(&out.join("ladder/index.html"));
    let en = read(&out.join("ladder/en/index.html"));
    assert!(nl.starts_with("<!DOCTYPE html>\n<html lang=\"nl\" dir=\"ltr\">"));
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
    assert!(en.contains("<link rel=\"alternate\" hreflang=\"nl\" href=\"../../ladder/index.html\">"));
    assert!(nl.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"../ladder/en/index.html\">"));
    // The question without an English text falls back to Dutch, marked as such.
    assert!(
        en.contains("<h3 lang=\"nl\" dir=\"ltr\">Zou je ons &lt;aanbevelen&gt;?</h3>"),
        "{en}"
    );
    assert!(en.contains("class=\"description markdown\" lang=\"nl\" dir=\"ltr\""));
    // So do scale labels without an English translation, in the numbers' table.
    assert!(
        en.contains("<th scope=\"row\" lang=\"nl\" dir=\"ltr\">Oneens</th>"),
        "{en}"
    );
    // Every link is relative.
    assert!(
        !en.contains("href=\"/")
            && !en.contains("src=\"/")
            && !en.contains("href=\"http")
            && !en.contains("src=\"http")
    );
}

#[test]
fn what_respondents_typed_is_escaped() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("site");
    build(&fixtures().join("site/langs"), &out);
    for page in ["ladder/index.html", "ladder/en/index.html"] {
        let html = read(&out.join(page));
        assert!(!html.contains("<script"), "{page}");
        assert!(!html.contains("<img"), "{page}");
        assert!(
            html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"),
            "{page}"
        );
        assert!(
            html.contains("&quot;quoted&quot; &amp; &lt;img src=x onerror=alert(1)&gt;"),
            "{page}"
        );
        assert!(html.contains("Content-Security-Policy"));
    }
    // Author Markdown is trusted, like a static site's.
    assert!(read(&out.join("ladder/index.html")).contains("<li>Bel <em>terug</em>.</li>"));
}

#[test]
fn a_projects_templates_replace_the_built_in_ones() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("site");
    build(&fixtures().join("site/langs"), &out);
    assert!(read(&out.join("style.css")).starts_with("body { font-family: serif; }"));

    let project = tmp.path().join("project");
    copy_tree(&fixtures().join("site/langs"), &project);
    std::fs::write(project.join("templates/reprot.html"), "x").expect("write");
    std::fs::write(project.join("templates/index.html"), "{% if %}").expect("write");
    let before = std::fs::read_dir(&project).expect("list").count();
    rapport(&project)
        .args(["build", "--no-cache"])
        .assert()
        .code(1)
        .stderr_eq(snapbox::str![[r#"
error[E0301]: template `index.html` does not parse
  --> templates/index.html:1:7
  |
1 | {% if %}
  |       ^ expected a value that can be negated
  |
  = help: templates use Tera's syntax: https://keats.github.io/tera/docs/

warning[W0001]: 3 texts have no `en` translation
  --> surveys/ladder/survey.yaml:2:14
  |
...
"#]]);
    assert_eq!(before, std::fs::read_dir(&project).expect("list").count());
}

#[test]
fn report_page_snapshot() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("site");
    let root = fixtures().join("site/langs");
    build(&root, &out);
    for (page, expected) in [
        ("ladder/en/index.html", "ladder.en.html"),
        ("index.html", "index.html"),
    ] {
        snapbox::assert_data_eq!(
            without_svg(&read(&out.join(page))),
            snapbox::Data::read_from(&root.join("expected").join(expected), None).raw()
        );
    }
}

#[test]
fn base_url_makes_links_absolute() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("site");
    rapport(&fixtures().join("site/langs"))
        .args(["build", "--no-cache", "--base-url", "/reports", "--out"])
        .arg(&out)
        .assert()
        .success();
    let en = read(&out.join("ladder/en/index.html"));
    assert!(en.contains("<link rel=\"stylesheet\" href=\"/reports/style.css\">"));
    assert!(en.contains("hreflang=\"nl\" href=\"/reports/ladder/index.html\""));
    let index = read(&out.join("index.html"));
    assert!(
        index.contains("<a href=\"/reports/ladder/index.html\""),
        "{index}"
    );
    // Without it, every link stays relative.
    build(&fixtures().join("site/langs"), &tmp.path().join("relative"));
    assert!(!read(&tmp.path().join("relative/index.html")).contains("href=\"/"));
}

#[test]
fn identical_answers_are_shown_once_with_their_count_latest_first() {
    let survey = "\
title: Support
languages: [en, sv]
levels:
  - id: accuracy
    name: Accuracy
questions:
  - id: on-time
    level: accuracy
    type: yes_no
    text: { en: On time?, sv: I tid? }
  - id: say
    type: text
    publish: true
    text: { en: Anything else?, sv: Något mer? }
";
    let answers = [
        ("2026-03-01", "en", "Fast delivery"),
        ("2026-03-02", "sv", "Tack för snabb hjälp!"),
        ("2026-03-03", "en", "Fast delivery"),
        ("2026-03-03", "en", "Slow <b>chat</b>"),
        ("2026-01-05", "en", "Fast delivery"),
        ("2026-02-01", "en", "Old news"),
    ];
    let file = |part: &[(&str, &str, &str)]| {
        part.iter()
            .map(|(date, lang, text)| {
                format!("- submitted: {date}\n  language: {lang}\n  answers: {{ on-time: yes, say: \"{text}\" }}\n")
            })
            .collect::<String>()
    };
    let site = |files: &[&[(&str, &str, &str)]]| {
        let mut project = crate::project::Project::empty().survey("support", survey);
        for (i, part) in files.iter().enumerate() {
            project = project.responses("support", &format!("{i}.yaml"), file(part));
        }
        let out = project.root().join("site");
        build(project.root(), &out);
        let pages = ["support/index.html", "support/sv/index.html", "support/data.json"];
        pages.map(|p| read(&out.join(p)))
    };
    let [en, sv, json] = site(&[&answers]);
    let list = |html: &str| {
        let section = html.find("class=\"comments\"").expect("the comments section");
        let start = section + html[section..].find("<ul>").expect("a list of answers");
        let end = start + html[start..].find("</p>").expect("the note") + 4;
        html[start..end].to_owned()
    };
    assert_eq!(
        list(&en),
        "<ul><li>Fast delivery <span class=\"count\">(×3)</span></li>\
         <li>Slow &lt;b&gt;chat&lt;/b&gt;</li>\
         <li lang=\"sv\" dir=\"ltr\">Tack för snabb hjälp! <span class=\"language\">Svenska</span></li>\
         <li>Old news</li></ul>\n\
         <p class=\"note\">6 answers in all. 4 distinct answers shown, the latest first.</p>"
    );
    assert!(list(&sv).contains(
        "<li lang=\"en\" dir=\"ltr\">Fast delivery <span class=\"count\" lang=\"sv\" dir=\"ltr\">(×3)</span> \
         <span class=\"language\">English</span></li>"
    ));
    assert!(list(&sv).contains("<li>Tack för snabb hjälp!</li>"));
    assert!(list(&sv).contains("6 svar totalt. 4 unika svar visas, det senaste först."));
    assert!(!json.contains("Fast delivery"));
    // The same answers in other files, in another order: the same pages.
    let (a, b) = answers.split_at(2);
    let mut reversed = answers.to_vec();
    reversed.reverse();
    assert_eq!(site(&[b, a]), [en.clone(), sv.clone(), json.clone()]);
    assert_eq!(site(&[&reversed[..1], &reversed[1..]]), [en, sv, json]);
}

/// A language rapport has no words in still gets its writing direction and
/// its number formats from CLDR: Arabic pages are right to left, German
/// ones write 75,0.
#[test]
fn any_language_gets_its_direction_and_numbers() {
    for (lang, dir, number) in [("ar", "rtl", None), ("de", "ltr", Some("75,0"))] {
        let project = crate::project::Project::new()
            .survey_with(|s| s.replace("languages: [en]", &format!("languages: [{lang}]")));
        let out = project.build();
        let page = std::fs::read_to_string(out.join("support/index.html")).expect("page");
        assert!(
            page.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
            "{lang}"
        );
        if let Some(number) = number {
            assert!(page.contains(number), "{lang}: no {number}");
        }
        // rapport has no words of its own in either: its English ones say so.
        assert!(
            page.contains("<p class=\"sentence\" lang=\"en\" dir=\"ltr\">"),
            "{lang}"
        );
    }
}

/// A passage in another language than the page's carries that language's
/// direction: an English text shown on an Arabic page reads left to right.
#[test]
fn passages_carry_their_own_direction() {
    let project = crate::project::Project::new().survey_with(|s| {
        s.replace("languages: [en]", "languages: [en, ar]")
            .replace("title: Support", "title: { en: Support }")
    });
    let out = project.build();
    let page = std::fs::read_to_string(out.join("support/ar/index.html")).expect("page");
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(
        page.contains("<h1 lang=\"en\" dir=\"ltr\">Support</h1>"),
        "{page}"
    );
}
