//! Bad input, faults and hostile text: random and mutated files never make
//! rapport panic, a killed build never loses the previous site, builds at
//! once do not mix, and nothing a respondent typed runs in a reader's browser.

use crate::support::{copy_tree, fixtures, rapport, snapshot_tree};
use proptest::prelude::*;
use rapport::diagnostics::Diagnostic;
use rapport::validate::{response::Lookup, Ctx};
use rapport::yaml::{parse_document, parse_sequence, Top};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const SURVEY: &str = include_str!("../fixtures/build/hand/surveys/hand/survey.yaml");
const RESPONSES: &str = include_str!("../fixtures/build/hand/surveys/hand/responses/a.yaml");

fn hand_survey() -> rapport::model::Survey {
    let node = parse_document(SURVEY).expect("parses").expect("not empty");
    let mut diags = Vec::new();
    let file = Path::new("surveys/hand/survey.yaml");
    rapport::validate::survey::survey(
        &mut Ctx {
            file,
            diags: &mut diags,
            words: &rapport::i18n::WordFiles::none(),
        },
        "hand",
        &node,
    )
    .expect("valid")
}

/// A message without what it quotes of the user's file (in backticks or quotes).
fn own_words(message: &str) -> String {
    let mut out = String::new();
    let mut quote = None;
    let mut escaped = false;
    for c in message.chars() {
        match (quote, c) {
            (Some(_), _) if escaped => escaped = false,
            (Some(_), '\\') => escaped = true,
            (None, '`' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every diagnostic names the file, and a line and column inside it when it has one.
fn located(diags: &[Diagnostic], file: &Path, text: &str) {
    // YAML breaks lines at LF, CRLF and a lone CR.
    let lines = text
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || *c == '\r')
        .count() as u32
        + 1;
    for d in diags {
        assert_eq!(d.file.as_deref(), Some(file), "{d:?}");
        if let Some(span) = d.span {
            assert!(
                span.start.line >= 1 && span.start.line <= lines + 1,
                "{d:?} in {lines} lines"
            );
            assert!(span.start.col >= 1, "{d:?}");
        }
        assert!(!d.message.is_empty());
        for hint in [&d.message, &d.label] {
            let own = own_words(hint);
            for rust in ["Some(", "None", "::", "Error {", "panicked", "unwrap"] {
                assert!(!own.contains(rust), "Rust in a message: {hint}");
            }
        }
    }
}

/// Checks a survey file's text the way a build does.
fn check_survey(text: &str) -> Vec<Diagnostic> {
    let file = Path::new("surveys/hand/survey.yaml");
    let mut diags = Vec::new();
    match parse_document(text) {
        Ok(Some(node)) => {
            rapport::validate::survey::survey(
                &mut Ctx {
                    file,
                    diags: &mut diags,
                    words: &rapport::i18n::WordFiles::none(),
                },
                "hand",
                &node,
            );
        }
        Ok(None) => {}
        Err(e) => diags.push(e.diagnostic(file)),
    }
    located(&diags, file, text);
    diags
}

/// Checks a response file's text the way a build does.
fn check_responses(text: &str, survey: &rapport::model::Survey) -> Vec<Diagnostic> {
    let file = Path::new("surveys/hand/responses/a.yaml");
    let look = Lookup::new(survey);
    let mut diags = Vec::new();
    let mut ctx = Ctx {
        file,
        diags: &mut diags,
        words: &rapport::i18n::WordFiles::none(),
    };
    let result = parse_sequence(text, |node| {
        rapport::validate::response::response(&mut ctx, &look, &node);
    });
    match result {
        Ok(Top::Seq | Top::Null | Top::Empty) => {}
        Err(e) => diags.push(e.diagnostic(file)),
    }
    located(&diags, file, text);
    diags
}

/// One way of breaking a valid file.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, String),
    DuplicateLine(usize),
    Indent(usize, usize),
    Replace(usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let odd = prop_oneof![
        Just(":".to_string()),
        Just("- ".to_string()),
        Just("[".repeat(300)),
        Just("{".repeat(300)),
        Just("&a *a".to_string()),
        Just("99999999999999999999999999".to_string()),
        Just("1e400".to_string()),
        Just("\u{202e}\u{200b}\u{feff}é😀ё".to_string()),
        Just("x".repeat(100_000)),
        Just("\t".to_string()),
        Just("\"".to_string()),
        Just("---\n".to_string()),
        Just("!!binary ".to_string()),
        "\\PC{0,40}",
    ];
    prop_oneof![
        (0..4000usize, 1..200usize).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (0..4000usize, odd).prop_map(|(a, s)| Mutation::Insert(a, s)),
        (0..200usize).prop_map(Mutation::DuplicateLine),
        (0..200usize, 0..6usize).prop_map(|(l, n)| Mutation::Indent(l, n)),
        (
            0..4000usize,
            prop::sample::select(vec![
                ':', '[', ']', '{', '}', '-', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ',
                '\n'
            ])
        )
            .prop_map(|(a, c)| Mutation::Replace(a, c)),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in mutations {
        let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
        match m {
            Mutation::Delete(a, n) => {
                let start = at(*a, chars.len());
                let end = (start + n).min(chars.len());
                chars.drain(start..end);
            }
            Mutation::Insert(a, s) => {
                let start = at(*a, chars.len());
                chars.splice(start..start, s.chars());
            }
            Mutation::DuplicateLine(l) | Mutation::Indent(l, _) => {
                let text: String = chars.iter().collect();
                let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
                if lines.is_empty() {
                    continue;
                }
                let i = l % lines.len();
                match m {
                    Mutation::Indent(_, n) => {
                        lines[i] = format!("{}{}", " ".repeat(*n), lines[i].trim_start())
                    }
                    _ => lines.insert(i, lines[i].clone()),
                }
                chars = (lines.join("\n") + "\n").chars().collect();
            }
            Mutation::Replace(a, c) => {
                if !chars.is_empty() {
                    let i = a % chars.len();
                    chars[i] = *c;
                }
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        check_survey(&text);
        check_responses(&text, &hand_survey());
    }

    #[test]
    fn broken_survey_files_end_in_located_diagnostics(mutations in prop::collection::vec(mutation(), 1..4)) {
        check_survey(&apply(SURVEY, &mutations));
    }

    #[test]
    fn broken_response_files_end_in_located_diagnostics(mutations in prop::collection::vec(mutation(), 1..4)) {
        check_responses(&apply(RESPONSES, &mutations), &hand_survey());
    }
}

/// A valid response of the hand survey, from generated answers.
fn response_yaml(
    i: usize,
    (q, on_time, complete, waits, recommend, group): (u8, u8, bool, Option<u8>, u8, u8),
) -> String {
    let month = 1 + (q as usize * 3 + i) % 12;
    let group = ["customer", "staff", "partner"][group as usize % 3];
    let waits = waits.map_or("null".to_string(), |w| w.to_string());
    format!(
        "- id: g{i}\n  submitted: 2026-{month:02}-{:02}\n  segment: {{ group: {group} }}\n  answers: {{ on-time: {on_time}, complete: {complete}, waits: {waits}, recommend: {recommend} }}\n",
        1 + i % 28
    )
}

fn data_json(root: &Path) -> Vec<u8> {
    let analysis = rapport::analyse(
        root,
        rapport::Options {
            cache: rapport::CacheMode::Off,
            progress: false,
        },
    );
    assert_eq!(
        analysis.diagnostics.errors(),
        0,
        "{:?}",
        analysis.diagnostics.items()
    );
    let (survey, scores) = &analysis.surveys[0];
    rapport::render::data_json::render(survey, scores, analysis.config.min_group_size)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_split_of_the_responses_gives_the_same_data_json(
        answers in prop::collection::vec((0u8..4, 1u8..=5, any::<bool>(), prop::option::of(1u8..=5), 0u8..=10, 0u8..3), 1..60),
        splits in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        order in any::<u64>(),
    ) {
        let tmp = tempfile::tempdir().expect("temp dir");
        let one = tmp.path().join("one");
        let many = tmp.path().join("many");
        for root in [&one, &many] {
            std::fs::create_dir_all(root.join("surveys/hand/responses")).expect("create");
            std::fs::write(root.join("surveys/hand/survey.yaml"), SURVEY).expect("write");
            std::fs::write(root.join("rapport.yaml"), "min_group_size: 2\n").expect("write");
        }
        let items: Vec<String> = answers.iter().enumerate().map(|(i, a)| response_yaml(i, *a)).collect();
        std::fs::write(one.join("surveys/hand/responses/all.yaml"), items.concat()).expect("write");
        let mut cuts: Vec<usize> = splits.iter().map(|s| s.index(items.len() + 1)).collect();
        cuts.extend([0, items.len()]);
        cuts.sort_unstable();
        cuts.dedup();
        for (k, w) in cuts.windows(2).enumerate() {
            // File names in an order unrelated to the responses' order.
            let name = format!("d{}/part-{:x}.yaml", k % 3, (k as u64 + 1).wrapping_mul(order | 1) % 9973);
            let path = many.join("surveys/hand/responses").join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("create");
            let body = items[w[0]..w[1]].concat();
            std::fs::write(&path, if body.is_empty() { "[]\n".to_string() } else { body }).expect("write");
        }
        prop_assert_eq!(data_json(&one), data_json(&many));
    }
}

#[test]
fn an_alias_bomb_is_refused_within_a_second() {
    let mut text =
        String::from("title: x\nlanguages: [en]\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let p = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let started = std::time::Instant::now();
    let diags = check_survey(&text);
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(
        diags[0].message,
        "the file expands to more than 100 000 values (aliases repeated too often?)"
    );
}

/// Payloads a respondent might type, meant to run in a reader's browser.
const PAYLOADS: [&str; 16] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "javascript:alert(1)",
    "</li></ul><script src=//evil.example/x.js></script>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<style>body{display:none}</style>",
    "<!-- <script> -->",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "{{ 7 * 7 }} {% raw %}",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<body onload=alert(1)>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "\u{202e}<script>\u{200b}alert(1)</script>",
    "<base href=\"https://evil.example/\">",
];

#[test]
fn hostile_free_text_never_reaches_a_page_unescaped() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let project = tmp.path().join("project");
    copy_tree(&fixtures().join("site/langs"), &project);
    let mut responses = String::new();
    for (i, p) in PAYLOADS.iter().enumerate() {
        let quoted = p.replace('\\', "\\\\").replace('"', "\\\"");
        responses.push_str(&format!(
            "- submitted: 2026-05-{:02}\n  answers: {{ remarks: \"{quoted}\" }}\n",
            i + 1
        ));
    }
    std::fs::write(project.join("surveys/ladder/responses/hostile.yaml"), responses).expect("write");
    rapport(&project)
        .args(["build", "--no-cache", "--quiet"])
        .assert()
        .success();
    for page in [
        "ladder/index.html",
        "ladder/en/index.html",
        "index.html",
        "index.en.html",
    ] {
        let html = std::fs::read_to_string(project.join("site").join(page)).expect("page");
        for tag in [
            "<script",
            "<iframe",
            "<img",
            "<style",
            "<math",
            "<body onload",
            "<base",
            "<meta http-equiv=\"refresh\"",
            "<a href=\"javascript",
        ] {
            assert!(!html.contains(tag), "{page} contains {tag}");
        }
        assert!(
            html.contains("content=\"default-src 'none'; style-src 'self'"),
            "{page} lacks its CSP"
        );
        if page.starts_with("ladder") {
            for p in PAYLOADS {
                let escaped = rapport::render::templates::escape_html(p);
                assert!(html.contains(&escaped), "{page} lacks {escaped}");
            }
            assert!(!html.contains(">49<"), "{page} evaluated a template expression");
        }
    }
    // Free text never reaches data.json.
    let data = std::fs::read_to_string(project.join("site/ladder/data.json")).expect("data.json");
    assert!(!data.contains("alert"));
}

/// A project whose build takes a while: `n` responses over 20 files.
fn big_project(dir: &Path, n: usize) -> PathBuf {
    let project = dir.join("big");
    copy_tree(&fixtures().join("build/hand"), &project);
    let responses = project.join("surveys/hand/responses");
    for f in 0..20 {
        let body: String = (0..n / 20)
            .map(|i| {
                response_yaml(
                    f * 100_000 + i,
                    (
                        (i % 4) as u8,
                        1 + (i % 5) as u8,
                        i % 3 == 0,
                        Some(1 + (i % 5) as u8),
                        (i % 11) as u8,
                        (i % 3) as u8,
                    ),
                )
            })
            .collect();
        std::fs::write(responses.join(format!("big-{f:02}.yaml")), body).expect("write");
    }
    project
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".rapport-stage-") || n.contains(".rapport-old-"))
        .collect()
}

#[test]
fn a_killed_build_never_loses_the_previous_site() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let project = big_project(tmp.path(), 20_000);
    let bin = snapbox::cmd::cargo_bin!("rapport");
    let build = |out: &Path| {
        Command::new(bin)
            .current_dir(&project)
            .args(["--quiet", "build", "--no-cache", "--out"])
            .arg(out)
            .status()
    };
    assert!(build(&project.join("site")).expect("runs").success());
    let before = snapshot_tree(&project.join("site"));
    // The next version of the data, built elsewhere to know what it looks like.
    std::fs::write(
        project.join("surveys/hand/responses/new.yaml"),
        "- submitted: 2026-07-01\n  answers: { complete: no }\n",
    )
    .expect("write");
    assert!(build(&tmp.path().join("after")).expect("runs").success());
    let after = snapshot_tree(&tmp.path().join("after"));
    for delay in [0, 30, 100, 250, 500, 800, 1200, 1800, 2600] {
        let mut child = Command::new(bin)
            .current_dir(&project)
            .args(["--quiet", "build", "--no-cache"])
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let now = snapshot_tree(&project.join("site"));
        assert!(
            now == before || now == after,
            "killed after {delay} ms: the site is neither the old nor the new one"
        );
    }
    // The next build cleans up whatever the killed ones left.
    assert!(build(&project.join("site")).expect("runs").success());
    assert_eq!(snapshot_tree(&project.join("site")), after);
    assert_eq!(leftovers(&project), Vec::<String>::new());
}

#[test]
fn builds_at_once_take_turns() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let project = big_project(tmp.path(), 4_000);
    let bin = snapbox::cmd::cargo_bin!("rapport");
    let children: Vec<_> = (0..3)
        .map(|_| {
            Command::new(bin)
                .current_dir(&project)
                .args(["--quiet", "build"])
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("waits").success());
    }
    let expected = tmp.path().join("expected");
    assert!(Command::new(bin)
        .current_dir(&project)
        .args(["--quiet", "build", "--no-cache", "--out"])
        .arg(&expected)
        .status()
        .expect("runs")
        .success());
    assert_eq!(snapshot_tree(&project.join("site")), snapshot_tree(&expected));
    assert_eq!(leftovers(&project), Vec::<String>::new());
}
