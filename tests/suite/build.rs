//! `rapport build` over a survey small enough to score by hand, and the
//! promises around the output folder.

use crate::support::{copy_tree, fixtures, rapport, snapshot_tree};
use serde_json::Value;
use std::path::Path;

fn build(root: &Path, out: &Path) -> Value {
    rapport(root)
        .args(["build", "--no-cache", "--out"])
        .arg(out)
        .assert()
        .success();
    let bytes = std::fs::read(out.join("hand/data.json")).expect("data.json written");
    serde_json::from_slice(&bytes).expect("valid JSON")
}

/// The data.json of survey `support` in a built site.
fn data_json(site: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(site.join("support/data.json")).expect("data.json")).expect("JSON")
}

fn close(v: &Value, expected: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("{v} is not a number"));
    assert!((got - expected).abs() < 1e-9, "{got} != {expected}");
}

/// Six responses in two files (the second with a BOM and CRLF), scored by hand:
///
/// | id | period | group    | on-time | complete | waits (rev) | recommend |
/// |----|--------|----------|---------|----------|-------------|-----------|
/// | r1 | Q1     | customer | 5 (100) | yes      | 2 (75)      | 10        |
/// | r2 | Q1     | customer | 4 (75)  | no       | 4 (25)      | 6         |
/// | r3 | Q1 (*) | customer | 3 (50)  | yes      | null        | 9         |
/// | r4 | Q2     | staff    | 5 (100) | yes      | 1 (100)     | 10        |
/// | r5 | Q2     | staff    | 5 (100) | yes      | 1 (100)     | 9         |
/// | -  | Q2     | partner  | 1 (0)   | no       | missing     | 3         |
///
/// (*) 2026-03-31T23:30:00-05:00 counts on its own date, not in UTC's April.
#[test]
fn scores_match_a_hand_computation() {
    let root = fixtures().join("build/hand");
    let tmp = tempfile::tempdir().expect("temp dir");
    let d = build(&root, &tmp.path().join("site"));

    assert_eq!(d["responses"], 6);
    assert_eq!(d["periods"], serde_json::json!(["2026-Q1", "2026-Q2"]));
    let acc = &d["levels"][0];
    let on_time = &acc["questions"][0];
    // (100 + 75 + 50 + 100 + 100 + 0) / 6
    close(&on_time["score"], 425.0 / 6.0);
    assert_eq!(
        on_time["counts"],
        serde_json::json!({"1": 1, "2": 0, "3": 1, "4": 1, "5": 3})
    );
    // four answers of 4 or 5 out of six
    close(&on_time["top2"], 4.0 / 6.0);
    // four yes of six
    close(&acc["questions"][1]["score"], 400.0 / 6.0);
    // accuracy = mean(70.83, 66.67) = 68.75, below its target of 80
    close(&acc["score"], 68.75);
    assert_eq!(acc["meets_target"], false);

    let avail = &d["levels"][1];
    let waits = &avail["questions"][0];
    // reversed: (5 - v) / 4 * 100 for 2, 4, 1, 1 = 75, 25, 100, 100
    close(&waits["score"], 75.0);
    assert_eq!(waits["answers"], 4);
    assert_eq!(waits["reverse"], true);
    // the best two values of a reversed scale are 1 and 2: three of four
    close(&waits["top2"], 0.75);
    let recommend = &avail["questions"][1];
    // (100 + 60 + 90 + 100 + 90 + 30) / 6
    close(&recommend["score"], 470.0 / 6.0);
    // promoters r1 r3 r4 r5, detractors r2 (6) and the partner (3): (4 - 2) / 6
    close(&recommend["nps"], 200.0 / 6.0);
    // the unscored choice is counted but does not weigh in
    assert_eq!(
        avail["questions"][2]["counts"],
        serde_json::json!({"email": 1, "phone": 1})
    );
    assert_eq!(avail["questions"][2]["score"], Value::Null);
    // availability = mean(75, 78.33) = 76.67, meets its target of 75
    close(&avail["score"], (75.0 + 470.0 / 6.0) / 2.0);
    assert_eq!(avail["meets_target"], true);

    close(&d["overall"]["score"], (68.75 + (75.0 + 470.0 / 6.0) / 2.0) / 2.0);
    assert_eq!(d["focus_level"], "accuracy");

    // Q1 accuracy: on-time 75, complete 66.67; Q2: on-time 66.67, complete 66.67
    close(&acc["by_period"]["2026-Q1"]["score"], (75.0 + 200.0 / 3.0) / 2.0);
    close(&acc["by_period"]["2026-Q2"]["score"], 200.0 / 3.0);
    assert_eq!(acc["by_period"]["2026-Q1"]["responses"], 3);
    // Q1 availability: waits mean(75, 25) = 50, recommend mean(100, 60, 90)
    close(
        &avail["by_period"]["2026-Q1"]["score"],
        (50.0 + 250.0 / 3.0) / 2.0,
    );

    // min_group_size 1: every group is shown (what privacy hides is tested
    // on its own).
    let groups = &acc["by_segment"]["group"];
    assert_eq!(groups["customer"]["responses"], 3);
    close(&groups["customer"]["score"], (75.0 + 200.0 / 3.0) / 2.0);
    assert_eq!(groups["staff"]["responses"], 2);
    assert_eq!(groups["partner"]["responses"], 1);
    // Q2 split by group: nobody from customer (no data).
    let q2 = &acc["by_period"]["2026-Q2"]["by_segment"]["group"];
    assert_eq!(
        q2["customer"],
        serde_json::json!({"responses": 0, "score": null, "ci95": null})
    );
    assert_eq!(q2["staff"]["responses"], 2);

    // Free text never reaches data.json, and nothing of a `publish: false`
    // question does: not its answers, not its id, not its count.
    let text = std::fs::read_to_string(tmp.path().join("site/hand/data.json")).expect("read");
    assert!(!text.contains("delivery") && !text.contains("r1"));
    assert!(!text.contains("\"comment\""));
    assert_eq!(d["text_questions"], serde_json::json!([]));
    let csv = std::fs::read_to_string(tmp.path().join("site/hand/data.csv")).expect("read");
    assert!(!csv.contains("comment"), "{csv}");
}

#[test]
fn output_is_byte_identical_and_independent_of_how_files_are_split() {
    let root = fixtures().join("build/hand");
    let tmp = tempfile::tempdir().expect("temp dir");
    build(&root, &tmp.path().join("one"));
    build(&root, &tmp.path().join("two"));
    let one = snapshot_tree(&tmp.path().join("one"));
    assert_eq!(one, snapshot_tree(&tmp.path().join("two")));

    // The same six responses, each in a file of its own, in another order.
    let split = tmp.path().join("split");
    copy_tree(&root, &split);
    let responses = split.join("surveys/hand/responses");
    std::fs::remove_dir_all(&responses).expect("remove");
    std::fs::create_dir_all(responses.join("deep/er")).expect("create");
    let a = std::fs::read_to_string(root.join("surveys/hand/responses/a.yaml")).expect("read");
    let b = std::fs::read_to_string(root.join("surveys/hand/responses/nested/b.yml")).expect("read");
    let all = format!("{a}\n{}", b.trim_start_matches('\u{feff}').replace("\r\n", "\n"));
    let items: Vec<&str> = all.split("\n- ").collect();
    for (i, item) in items.iter().enumerate() {
        let item = item.trim_start_matches("- ");
        let name = format!("{}/{}.yaml", if i % 2 == 0 { "deep/er" } else { "." }, 9 - i);
        std::fs::write(responses.join(name), format!("- {item}\n")).expect("write");
    }
    build(&split, &tmp.path().join("three"));
    assert_eq!(one, snapshot_tree(&tmp.path().join("three")));
}

#[test]
fn every_page_says_how_recent_its_data_is() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("project");
    copy_tree(&fixtures().join("build/hand"), &root);
    // A second survey whose latest response is a date-time late on New
    // Year's Eve: it counts on its own date, not on UTC's 1 January.
    copy_tree(&root.join("surveys/hand"), &root.join("surveys/late"));
    std::fs::write(
        root.join("surveys/late/responses/c.yaml"),
        "- submitted: 2026-12-31T23:30:00-05:00\n  answers: { complete: yes }\n",
    )
    .expect("write");
    let out = tmp.path().join("site");
    rapport(&root)
        .args(["build", "--no-cache", "--out"])
        .arg(&out)
        .assert()
        .success();
    let footer = |page: &str| {
        let html = std::fs::read_to_string(out.join(page)).expect("read a page");
        let start = html.find("<footer class=\"site\">").expect("a footer");
        html[start..].lines().nth(1).unwrap_or_default().to_owned()
    };
    let made_with = format!("Made with rapport {}", env!("CARGO_PKG_VERSION"));
    assert_eq!(
        footer("hand/index.html"),
        format!("<p>Data up to 2026-06-30 · {made_with}</p>")
    );
    assert_eq!(
        footer("late/index.html"),
        format!("<p>Data up to 2026-12-31 · {made_with}</p>")
    );
    assert_eq!(
        footer("index.html"),
        format!("<p>Data up to 2026-12-31 · {made_with}</p>")
    );
    // A latest response in a period too small to be shown (here, one that
    // answered no scored question, so the current period is earlier) does
    // not give its day away.
    std::fs::write(
        root.join("surveys/late/responses/c.yaml"),
        "- submitted: 2026-12-31T23:30:00-05:00\n  answers: {}\n",
    )
    .expect("write");
    rapport(&root)
        .args(["build", "--no-cache", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(footer("late/index.html"), format!("<p>{made_with}</p>"));
    assert_eq!(
        footer("index.html"),
        format!("<p>Data up to 2026-06-30 · {made_with}</p>")
    );
}

#[test]
fn data_json_matches_its_snapshot() {
    let root = fixtures().join("build/hand");
    let tmp = tempfile::tempdir().expect("temp dir");
    build(&root, &tmp.path().join("site"));
    let site = tmp.path().join("site/hand");
    for name in ["data.json", "data.csv"] {
        snapbox::assert_data_eq!(
            snapbox::Data::read_from(&site.join(name), None).raw(),
            snapbox::Data::read_from(&root.join("expected").join(name), None).raw()
        );
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_as_it_was() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let project = tmp.path().join("project");
    copy_tree(&fixtures().join("build/hand"), &project);
    let out = project.join("site");
    build(&project, &out);
    let before = snapshot_tree(&out);
    std::fs::write(
        project.join("surveys/hand/responses/bad.yaml"),
        "- submitted: 2026-13-01\n  answers: { on-time: 9 }\n",
    )
    .expect("write");
    rapport(&project)
        .arg("build")
        .assert()
        .code(1)
        .stderr_eq(snapbox::str![[r#"
error[E0203]: submitted: "2026-13-01" is not a valid date
  --> surveys/hand/responses/bad.yaml:1:14
  |
1 | - submitted: 2026-13-01
  |              ^^^^^^^^^^ the date does not exist

error[E0202]: answer to `on-time`: expected a whole number from 1 to 5, found the number 9
  --> surveys/hand/responses/bad.yaml:2:23
  |
2 |   answers: { on-time: 9 }
  |                       ^ expected a whole number from 1 to 5

error: 2 errors, 0 warnings; site was not changed

"#]]);
    assert_eq!(before, snapshot_tree(&out));
    let names: Vec<String> = std::fs::read_dir(&project)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".") && n != ".rapport-cache" && n != ".site.rapport-lock")
        .collect();
    assert!(names.is_empty(), "leftovers: {names:?}");
}

#[test]
fn check_writes_nothing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_tree(&fixtures().join("build/hand"), tmp.path());
    let before = snapshot_tree(tmp.path());
    rapport(tmp.path()).arg("check").assert().success().stderr_eq(snapbox::str![[r#"
checked 1 survey (6 responses in 2 files): 0 errors, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 1 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]]);
    assert_eq!(before, snapshot_tree(tmp.path()));
}

#[test]
fn out_refuses_a_folder_rapport_did_not_make() {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_tree(&fixtures().join("build/hand"), tmp.path());
    rapport(tmp.path())
        .args(["build", "--out", "surveys"])
        .assert()
        .code(1)
        .stderr_eq(snapbox::str![[r#"
error: refusing to replace surveys: the folder is not empty and was not made by rapport (it has no .rapport-site file); remove it or choose another --out

"#]]);
    assert!(tmp.path().join("surveys/hand/survey.yaml").is_file());
    // A mistyped --out . or --out .. deletes nothing either.
    let before = snapshot_tree(tmp.path());
    for out in [".", ".."] {
        rapport(tmp.path())
            .args(["build", "--no-cache", "--out", out])
            .assert()
            .code(1);
    }
    assert_eq!(before, snapshot_tree(tmp.path()));
}

/// Intervals, the current period, its change and the focus questions of a
/// survey small enough to check with scipy (`stats.t.ppf`,
/// `stats.ttest_ind(..., equal_var=False)`): one five-point question,
/// five answers of 50 in the 4th quarter of 2025, five in the 1st quarter
/// (100, 75, 75, 50, 100) and five in the 2nd (25, 50, 25, 0, 50). (How a
/// small period is hidden is tested on its own.)
#[test]
fn intervals_changes_and_focus_questions_match_scipy() {
    let mut responses = String::new();
    for (date, value) in [
        ("2025-11-10", 3),
        ("2025-11-11", 3),
        ("2025-11-12", 3),
        ("2025-11-13", 3),
        ("2025-11-14", 3),
        ("2026-02-10", 5),
        ("2026-02-11", 4),
        ("2026-02-12", 4),
        ("2026-02-13", 3),
        ("2026-02-14", 5),
        ("2026-05-10", 2),
        ("2026-05-11", 3),
        ("2026-05-12", 2),
        ("2026-05-13", 1),
        ("2026-05-14", 3),
    ] {
        responses.push_str(&format!(
            "- submitted: {date}\n  answers: {{ on-time: {value} }}\n"
        ));
    }
    let project = crate::project::Project::new().responses("support", "a.yaml", responses.as_str());
    let out = project.build();
    let d = data_json(&out);
    let interval = |v: &Value, low: f64, high: f64| {
        close(&v[0], low);
        close(&v[1], high);
    };
    let level = &d["levels"][0];
    close(&level["score"], 800.0 / 15.0);
    interval(&level["ci95"], 38.65675426241232, 68.00991240425435);
    interval(
        &level["questions"][0]["ci95"],
        38.65675426241232,
        68.00991240425435,
    );
    interval(&d["overall"]["ci95"], 38.65675426241232, 68.00991240425435);
    // 54.03 to 105.97, clipped at 100.
    interval(&level["by_period"]["2026-Q1"]["ci95"], 54.028734157910804, 100.0);
    assert_eq!(d["focus_level"], "accuracy");
    assert_eq!(d["focus_questions"], serde_json::json!(["on-time"]));

    // The current period is the latest, the 2nd, compared with the 1st.
    let current = &d["current"];
    assert_eq!(current["period"], "2026-Q2");
    assert_eq!(current["previous"], "2026-Q1");
    assert_eq!(current["focus_level"], "accuracy");
    assert_eq!(current["focus_questions"], serde_json::json!(["on-time"]));
    let now = &level["current"];
    close(&now["score"], 30.0);
    interval(&now["ci95"], 4.028734157910808, 55.971265842089196);
    assert_eq!(now["responses"], 5);
    assert_eq!(now["meets_target"], false);
    close(&now["change"]["from"], 80.0);
    close(&now["change"]["difference"], -50.0);
    let p = now["change"]["p"].as_f64().expect("a p-value");
    assert!((p - 0.0053908820195155945).abs() < 1e-6, "{p}");
    assert_eq!(now["change"]["significant"], true);
    close(&current["overall"]["change"]["difference"], -50.0);
}

/// With `audience: { group: customer }`, scores count only customers; staff
/// stand beside them with the gap, and respondents without a group form a
/// comparison group of their own (`_none`). Customers answer 25, 50, 25, 0,
/// 50; staff 100, 75, 75, 50, 100 (Welch's p from scipy, as in the test
/// above); five respondents without a group answer 100.
#[test]
fn an_audience_is_scored_alone_and_compared_with_the_other_groups() {
    let mut responses = String::new();
    for (i, (group, value)) in [
        ("customer", 2),
        ("customer", 3),
        ("customer", 2),
        ("customer", 1),
        ("customer", 3),
        ("staff", 5),
        ("staff", 4),
        ("staff", 4),
        ("staff", 3),
        ("staff", 5),
    ]
    .into_iter()
    .enumerate()
    {
        responses.push_str(&format!(
            "- submitted: 2026-05-{:02}\n  segment: {{ group: {group} }}\n  answers: {{ on-time: {value} }}\n",
            i + 1
        ));
    }
    for day in 20..25 {
        responses.push_str(&format!(
            "- submitted: 2026-05-{day}\n  answers: {{ on-time: 5 }}\n"
        ));
    }
    let project = crate::project::Project::new()
        .survey_with(|s| {
            format!(
                "{s}audience: {{ group: customer }}\nsegments:\n  group:\n    name: Group\n    values: {{ customer: Customer, staff: Staff }}\n"
            )
        })
        .responses("support", "a.yaml", responses.as_str());
    let out = project.build();
    let d = data_json(&out);
    assert_eq!(d["responses"], 15);
    assert_eq!(
        d["audience"],
        serde_json::json!({ "segment": "group", "value": "customer", "responses": 5 })
    );
    let level = &d["levels"][0];
    close(&level["score"], 30.0);
    assert_eq!(level["responses"], 5);
    close(&level["questions"][0]["score"], 30.0);
    assert_eq!(level["questions"][0]["answers"], 5);
    // The audience's own segment lists every value, each from its own respondents.
    close(&level["by_segment"]["group"]["customer"]["score"], 30.0);
    close(&level["by_segment"]["group"]["staff"]["score"], 80.0);
    let staff = &level["gap"]["staff"];
    close(&staff["score"], 80.0);
    close(&staff["difference"], 50.0);
    assert_eq!(staff["responses"], 5);
    let p = staff["p"].as_f64().expect("a p-value");
    assert!((p - 0.0053908820195155945).abs() < 1e-6, "{p}");
    assert_eq!(staff["significant"], true);
    close(&level["questions"][0]["gap"]["staff"]["difference"], 50.0);
    let none = &level["gap"]["_none"];
    close(&none["difference"], 70.0);
    assert_eq!(none["responses"], 5);
    // scipy: ttest_ind([100] * 5, [25, 50, 25, 0, 50], equal_var=False).
    let p = none["p"].as_f64().expect("a p-value");
    assert!((p - 0.0017051574847275712).abs() < 1e-6, "{p}");
    close(&level["by_segment"]["group"]["_none"]["score"], 100.0);
    // The current period counts the audience only.
    assert_eq!(d["current"]["period"], "2026-Q2");
    close(&level["current"]["score"], 30.0);
}

/// A period hidden to protect a small one hides what would repeat it: the
/// change from it (its `from` is its score) and, when it is the current
/// period, the current figures. Here the 1st quarter (6) is taken along
/// with the single respondent of the 3rd (together 7, so either may be 1
/// to 6); the 2nd quarter is current.
#[test]
fn a_hidden_previous_period_is_not_compared_with() {
    let mut responses = String::new();
    let periods = [("2025-11", 20), ("2026-02", 6), ("2026-05", 20), ("2026-08", 1)];
    for (month, n) in periods {
        for day in 1..=n {
            // Everyone answers 4 in the current quarter, and 2 to 5 in the
            // others (were every answer the same, every hidden score would
            // be known, and more would be hidden).
            let value = if month == "2026-05" { 4 } else { 2 + day % 4 };
            responses.push_str(&format!(
                "- submitted: {month}-{day:02}\n  answers: {{ on-time: {value} }}\n"
            ));
        }
    }
    let project = crate::project::Project::new().responses("support", "a.yaml", responses.as_str());
    let out = project.build();
    let d = data_json(&out);
    let level = &d["levels"][0];
    assert_eq!(
        level["by_period"]["2026-Q1"],
        serde_json::json!({ "hidden": true })
    );
    assert_eq!(
        level["by_period"]["2026-Q3"],
        serde_json::json!({ "hidden": true })
    );
    assert_eq!(d["current"]["period"], "2026-Q2");
    assert_eq!(d["current"]["previous"], "2026-Q1");
    close(&level["current"]["score"], 75.0);
    assert_eq!(level["current"]["change"], Value::Null);
    assert_eq!(d["current"]["overall"]["change"], Value::Null);
    let page = std::fs::read_to_string(out.join("support/index.html")).expect("page");
    assert!(!page.contains("since"), "a change from a hidden period is shown");
}

/// `publish: closed-periods`: the latest period with a response is open;
/// its responses count nowhere but in `open_period`, so adding one to it
/// changes nothing else anyone can compare.
#[test]
fn an_open_period_publishes_only_how_many_it_has() {
    let response =
        |date: &str, value: u32| format!("- submitted: {date}\n  answers: {{ on-time: {value} }}\n");
    let mut closed = String::new();
    for day in 1..=6 {
        closed.push_str(&response(&format!("2026-05-{day:02}"), 4));
    }
    let open = response("2026-08-03", 1) + &response("2026-08-04", 2);
    let project = crate::project::Project::new()
        .survey_with(|s| s.replace("languages: [en]", "languages: [en]\npublish: closed-periods"))
        .responses("support", "a.yaml", closed.as_str())
        .responses("support", "b.yaml", open.as_str());
    let before = std::fs::read(project.build().join("support/data.json")).expect("data.json");
    let d: Value = serde_json::from_slice(&before).expect("JSON");
    // a.yaml of Project::new() was replaced: six responses in 2026-Q2.
    assert_eq!(d["responses"], 6);
    assert_eq!(d["periods"], serde_json::json!(["2026-Q2"]));
    assert_eq!(
        d["open_period"],
        serde_json::json!({"period": "2026-Q3", "responses": 2})
    );
    close(&d["levels"][0]["score"], 75.0);
    let page = std::fs::read_to_string(project.root().join("site/support/index.html")).expect("page");
    assert!(
        page.contains("2 responses in 3rd quarter 2026 count once the period is over."),
        "{page}"
    );

    // One more response in the open period: only the count moves.
    let project = project.responses("support", "c.yaml", response("2026-08-05", 5));
    let after: Value =
        serde_json::from_slice(&std::fs::read(project.build().join("support/data.json")).expect("data.json"))
            .expect("JSON");
    let mut expected = d.clone();
    expected["open_period"]["responses"] = 3.into();
    assert_eq!(after, expected);
}

/// `rapport diff` warns when two builds differ by fewer than
/// `min_group_size` respondents in a published figure; with
/// `publish: closed-periods`, a response in the open period changes no
/// figure, and one backdated into a closed period is warned about.
#[test]
fn diff_warns_when_a_few_new_respondents_can_be_subtracted() {
    let response = |date: &str| format!("- submitted: {date}\n  answers: {{ on-time: 4 }}\n");
    let closed: String = (1..=6).map(|d| response(&format!("2026-05-{d:02}"))).collect();
    let project = crate::project::Project::new()
        .survey_with(|s| s.replace("languages: [en]", "languages: [en]\npublish: closed-periods"))
        .responses("support", "a.yaml", closed.as_str())
        .responses("support", "b.yaml", response("2026-08-03"));
    let base = tempfile::tempdir().expect("temp dir");
    crate::support::copy_tree(&project.build(), base.path());
    let diff = |project: &crate::project::Project| {
        project.build();
        let out = crate::support::rapport(project.root())
            .args(["diff"])
            .arg(base.path())
            .output()
            .expect("diff runs");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let project = project.responses("support", "c.yaml", response("2026-08-04"));
    assert!(
        !diff(&project).contains("privacy warning"),
        "a response in the open period"
    );
    let project = project.responses("support", "d.yaml", response("2026-05-20"));
    let text = diff(&project);
    assert!(text.contains("**privacy warning:** 2 figures grew by fewer than 5 respondents (`accuracy` +1, `accuracy`, 2026-Q2 +1)"), "{text}");
}
