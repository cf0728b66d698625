//! One test per kind of error: each builds a project that differs from a
//! valid one in one way, runs `rapport check` and asserts the whole message.

use crate::project::{Project, RESPONSES, SURVEY};
use snapbox::{file, str};

/// A survey small enough for a 200-byte limit: one yes/no question, texts
/// written as maps from language to text.
const SMALL_SURVEY: &str = "\
title: { en: Support }
languages: [en]
levels:
  - id: accuracy
    name: { en: Accuracy }
questions:
  - id: on-time
    level: accuracy
    type: yes_no
    text: { en: On time? }
";

/// A question of every other type, to add after those of [`SURVEY`].
const MORE_QUESTIONS: &str = "  - id: recommend
    level: accuracy
    type: nps
    text: Would you recommend us?
  - id: complete
    level: accuracy
    type: yes_no
    text: Was the order complete?
  - id: channel
    level: accuracy
    type: choice
    options: { email: E-mail, phone: Phone }
  - id: channels
    level: accuracy
    type: multi_choice
    options: { email: E-mail, phone: Phone, chat: Chat }
";

/// A survey with a question of each answer type: scale, nps, yes/no,
/// choice and multiple choice.
fn every_question_type(survey: &str) -> String {
    format!("{survey}{MORE_QUESTIONS}")
}

/// Responses answering yes to the yes/no question of [`SMALL_SURVEY`], one
/// for each of the given days of January 2026.
fn on_time_yes(days: impl IntoIterator<Item = u32>) -> String {
    days.into_iter()
        .map(|day| format!("- submitted: 2026-01-{day:02}\n  answers: {{ on-time: yes }}\n"))
        .collect()
}

/// A survey whose one question is a choice with `options` and `scores`.
fn scored_choice(options: &str, scores: &str) -> Project {
    Project::empty()
        .survey(
            "support",
            &format!(
                "\
title: Support
languages: [en]
levels:
  - id: availability
    name: Availability
questions:
  - id: channel
    level: availability
    type: choice
    options: {options}
    scores: {scores}
"
            ),
        )
        .responses(
            "support",
            "a.yaml",
            "- submitted: 2026-09-14\n  answers:\n    channel: email\n",
        )
}

/// A survey with a segment `group`, and a response with `segment` set to
/// `segment`.
fn with_segment(segment: &str) -> Project {
    Project::new()
        .survey_with(|s| {
            format!("{s}segments:\n  group:\n    name: Group\n    values: {{ customer: Customer, staff: Staff }}\n")
        })
        .responses_with(|r| r.replace("  answers:", &format!("  segment: {segment}\n  answers:")))
}

/// A response that answers `on-tme`, a misspelled question.
pub fn misspelled_question() -> Project {
    Project::new()
        .survey_with(every_question_type)
        .responses_with(|r| r.replace("on-time: 4", "on-tme: 4"))
}

/// A survey in English and Swedish with one question text not translated.
pub fn missing_translation_project() -> Project {
    Project::new().survey_with(|s| {
        s.replace("title: Support", "title: { en: Support, sv: Support }")
            .replace("languages: [en]", "languages: [en, sv]")
            .replace("name: Accuracy", "name: { en: Accuracy, sv: Noggrannhet }")
            .replace(
                "text: Was it delivered on time?",
                "text: { en: Was it delivered on time? }",
            )
    })
}

// Files, folders and YAML.

#[test]
fn no_surveys_folder() {
    Project::empty()
        .file("rapport.yaml", "title: nothing here\n")
        .status(1)
        .stderr(str![[r#"
error[E0108]: no `surveys` folder in the current folder
 = help: run rapport in a project's root folder, or pass `--root DIR`

checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn file_too_big() {
    Project::empty()
        .file(
            "rapport.yaml",
            "max_file_size: 0.0002  # 200 bytes, to show the limit\n",
        )
        .survey("support", SMALL_SURVEY)
        .responses("support", "a.yaml", on_time_yes(1..=19))
        .status(1)
        .stderr(str![[r#"
error[E0008]: the file is 988 bytes, more than the limit of 200 bytes
 = in surveys/support/responses/a.yaml
 = help: split it into smaller files, or raise `max_file_size` (in MB) in rapport.yaml

checked 1 survey (0 responses in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn bad_survey_folder_name() {
    Project::empty()
        .survey("My Survey", SURVEY)
        .responses("My Survey", "a.yaml", RESPONSES)
        .status(1)
        .stderr(str![[r#"
error[E0101]: the folder name "My Survey" is not a valid survey id
 = in surveys/My Survey
 = a survey's id is its folder's name and matches ^[a-z0-9][a-z0-9-]{0,63}$
 = help: rename the folder to `my-survey`

checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

/// Problems are reported in the order files are found: the survey folders
/// first, then rapport.yaml, then each survey's files.
#[test]
fn folders_are_reported_before_rapport_yaml() {
    Project::empty()
        .file("rapport.yaml", "min_group_size: many\n")
        .survey("My Survey", SURVEY)
        .status(1)
        .stderr(str![[r#"
error[E0101]: the folder name "My Survey" is not a valid survey id
 = in surveys/My Survey
 = a survey's id is its folder's name and matches ^[a-z0-9][a-z0-9-]{0,63}$
 = help: rename the folder to `my-survey`

error[E0006]: min_group_size: expected a whole number, found the text "many"
  --> rapport.yaml:1:17
  |
1 | min_group_size: many
  |                 ^^^^ expected a whole number

checked 0 surveys (0 responses in 0 files): 2 errors, 0 warnings

"#]])
        .check();
}

#[test]
fn no_survey_file() {
    Project::new()
        .remove("surveys/support/survey.yaml")
        .status(1)
        .stderr(str![[r#"
error[E0108]: survey `support` has no survey.yaml
 = in surveys/support
 = help: create surveys/support/survey.yaml with the survey's definition

checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn empty_survey_file() {
    Project::new()
        .survey("support", "")
        .status(1)
        .stderr(str![[r#"
error[E0004]: the file is empty
 = in surveys/support/survey.yaml
 = help: a survey.yaml holds at least `title`, `languages`, `levels` and `questions`

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn empty_response_file() {
    Project::new()
        .responses("support", "a.yaml", "")
        .status(1)
        .stderr(str![[r#"
error[E0004]: the response file is empty
 = in surveys/support/responses/a.yaml
 = help: a response file holds a list of responses; write `[]` for none yet

checked 1 survey (0 responses in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn yaml_syntax_survey() {
    Project::new()
        .survey(
            "support",
            "\
title: Support
languages: [en]
levels:
  - id: accuracy
    name: Accuracy
questions:
  - id: on-time
    level: accuracy
     type: nps
",
        )
        .status(1)
        .stderr(str![[r#"
error[E0003]: invalid YAML: mapping values are not allowed in this context
  --> surveys/support/survey.yaml:9:10
  |
9 |      type: nps
  |          ^ the YAML parser stopped here
  |
  = help: keys of one mapping start in the same column; check the indentation of this line and the one above it, and quote a value that contains `: `

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn yaml_syntax_response() {
    Project::new()
        .responses_with(|r| format!("{r}   language: en\n"))
        .status(1)
        .stderr(str![[r#"
error[E0003]: invalid YAML: while parsing a block mapping, did not find expected key
  --> surveys/support/responses/a.yaml:5:4
  |
5 |    language: en
  |    ^ the YAML parser stopped here
  |
  = help: keys of one mapping start in the same column; check the indentation of this line and the one above it, and quote a value that contains `: `

checked 1 survey (0 responses in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn response_file_is_mapping() {
    Project::new()
        .responses(
            "support",
            "a.yaml",
            "id: r1\nsubmitted: 2026-09-14\nanswers:\n  on-time: 4\n",
        )
        .status(1)
        .stderr(str![[r#"
error[E0006]: expected a list of responses (each starting with `- `), found a mapping
  --> surveys/support/responses/a.yaml:1:1
  |
1 | id: r1
  | ^^^^^^ expected `- ` here
  |
  = help: a response file is a list: start each response with `- `, e.g. `- submitted: 2026-09-14`

checked 1 survey (0 responses in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn alias_in_response() {
    Project::new()
        .responses(
            "support",
            "a.yaml",
            "\
- id: r1
  submitted: 2026-09-14
  answers: &same
    on-time: 4
- id: r2
  submitted: 2026-09-15
  answers: *same
",
        )
        .status(1)
        .stderr(str![[r#"
error[E0003]: anchors (`&name`) are not allowed in response files
  --> surveys/support/responses/a.yaml:3:12
  |
3 |   answers: &same
  |            ^^^^^ refused here
  |
  = help: write the value out in each response instead

checked 1 survey (0 responses in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn alias_bomb_survey() {
    Project::new()
        .survey(
            "support",
            "\
title: Support
languages: [en]
a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]
a1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]
a2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]
a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
a5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
a6: &a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]
a7: &a7 [*a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6]
a8: &a8 [*a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7]
levels: [*a8, *a8, *a8, *a8, *a8, *a8, *a8, *a8, *a8]
",
        )
        .status(1)
        .stderr(str![[r#"
error[E0003]: the file expands to more than 100 000 values (aliases repeated too often?)
  --> surveys/support/survey.yaml:8:10
  |
8 | a5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
  |          ^^^ refused here

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn nesting_too_deep_response() {
    Project::new()
        .responses_with(|r| {
            let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
            r.replace("on-time: 4", &format!("on-time: {deep}"))
        })
        .status(1)
        .stderr(str![[r#"
error[E0003]: nesting deeper than 64 levels
  --> surveys/support/responses/a.yaml:4:76
  |
4 |     on-time: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
  |                                                                            ^ refused here

checked 1 survey (0 responses in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn not_utf8_response() {
    Project::new()
        .survey_with(|s| format!("{s}  - id: comment\n    type: text\n"))
        .responses(
            "support",
            "a.yaml",
            b"- id: r1\n  submitted: 2026-09-14\n  answers: { on-time: 4, comment: \"Sm\xE5 fel\" }\n",
        )
        .status(1)
        .stderr(str![[r#"
error[E0002]: the file is not UTF-8: byte 0xE5 at line 3, column 38 is not valid UTF-8
  --> surveys/support/responses/a.yaml:3:38
  |
3 |   answers: { on-time: 4, comment: "Sm� fel" }
  |                                      ^ invalid UTF-8 here
  |
  = help: save the file as UTF-8 (it may be in Latin-1 or Windows-1252)

checked 1 survey (0 responses in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn bom_error_on_first_line() {
    Project::new()
        .responses(
            "support",
            "a.yaml",
            "\u{feff}- submitted: 2026-02-30\r\n  answers:\r\n    on-time: 4\r\n",
        )
        .status(1)
        .stderr(str![[r#"
error[E0203]: submitted: "2026-02-30" is not a valid date
  --> surveys/support/responses/a.yaml:1:14
  |
1 | - submitted: 2026-02-30
  |              ^^^^^^^^^^ the date does not exist

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn not_utf8_after_bom() {
    Project::new()
        .responses(
            "support",
            "a.yaml",
            b"\xEF\xBB\xBF- id: r\xE5-1\r\n  submitted: 2026-09-14\r\n  answers:\r\n    on-time: 4\r\n",
        )
        .status(1)
        .stderr(str![[r#"
error[E0002]: the file is not UTF-8: byte 0xE5 at line 1, column 8 is not valid UTF-8
  --> surveys/support/responses/a.yaml:1:8
  |
1 | - id: r�-1
  |        ^ invalid UTF-8 here
  |
  = help: save the file as UTF-8 (it may be in Latin-1 or Windows-1252)

checked 1 survey (0 responses in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn duplicate_key() {
    Project::new()
        .responses_with(|r| format!("{r}    on-time: 5\n"))
        .status(1)
        .stderr(str![[r#"
error[E0003]: invalid YAML: duplicate key "on-time": it is already used on line 4
  --> surveys/support/responses/a.yaml:5:5
  |
5 |     on-time: 5
  |     ^^^^^^^ the YAML parser stopped here

checked 1 survey (0 responses in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

// survey.yaml.

#[test]
fn unknown_field_survey() {
    Project::new()
        .survey_with(|s| s.replace("levels:", "levles:"))
        .status(1)
        .stderr(str![[r#"
error[E0005]: unknown field `levles` in survey.yaml
  --> surveys/support/survey.yaml:6:1
  |
6 | levles:
  | ^^^^^^ not a field of survey.yaml
  |
  = help: did you mean `levels`?

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn unknown_field_level() {
    Project::new()
        .survey_with(|s| s.replace("name: Accuracy", "nmae: Accuracy"))
        .status(1)
        .stderr(str![[r#"
error[E0005]: unknown field `nmae` in a level
  --> surveys/support/survey.yaml:8:5
  |
8 |     nmae: Accuracy
  |     ^^^^ not a field of a level
  |
  = help: did you mean `name`?

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn unknown_field_question() {
    Project::new()
        .survey_with(|s| s.replace("text:", "txet:"))
        .status(1)
        .stderr(str![[r#"
error[E0005]: unknown field `txet` in a question
   --> surveys/support/survey.yaml:14:5
   |
14 |     txet: Was it delivered on time?
   |     ^^^^ not a field of a question
   |
   = help: did you mean `text`?

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn wrong_type_title_list() {
    Project::new()
        .survey_with(|s| s.replace("title: Support", "title: [Support, Survey]"))
        .status(1)
        .stderr(str![[r#"
error[E0006]: title: expected a text, or a map from language to text, found a list
  --> surveys/support/survey.yaml:1:8
  |
1 | title: [Support, Survey]
  |        ^^^^^^^^^^^^^^^^^ found a list

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn wrong_type_levels_mapping() {
    Project::new()
        .survey_with(|s| s.replace("  - id: accuracy\n", "  accuracy:\n"))
        .status(1)
        .stderr(str![[r#"
error[E0006]: levels: expected a list, found a mapping
  --> surveys/support/survey.yaml:7:3
  |
7 |   accuracy:
  |   ^^^^^^^^^ expected a list

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn missing_languages() {
    Project::new()
        .survey_with(|s| s.replace("languages: [en]\n", ""))
        .status(1)
        .stderr(str![[r#"
error[E0007]: survey.yaml has no `languages`
  --> surveys/support/survey.yaml:1:1
  |
1 | title: Support
  | ^^^^^^^^^^^^^^ `languages` is required here
  |
  = help: add e.g. `languages: [en]`; the first language is the default

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn bad_question_id() {
    Project::new()
        .survey_with(|s| s.replace("id: on-time", "id: On-Time"))
        .responses_with(|r| r.replace("on-time:", "On-Time:"))
        .status(1)
        .stderr(str![[r#"
error[E0101]: question id "On-Time" is not a valid id
   --> surveys/support/survey.yaml:10:9
   |
10 |   - id: On-Time
   |         ^^^^^^^ expected lowercase letters, digits, `-` and `_`, starting with a letter or digit
   |
   = ids match ^[a-z0-9][a-z0-9_-]{0,63}$
   = help: try `on-time`

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn duplicate_level_id() {
    Project::new()
        .survey_with(|s| {
            s.replace(
                "    name: Accuracy\n",
                "    name: Accuracy\n  - id: accuracy\n    name: Availability\n",
            )
        })
        .status(1)
        .stderr(str![[r#"
error[E0102]: level `accuracy` is defined twice
  --> surveys/support/survey.yaml:9:9
  |
9 |   - id: accuracy
  |         ^^^^^^^^ second definition
  |
  = first defined on line 7

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn duplicate_question_id() {
    Project::new()
        .survey_with(|s| {
            format!("{s}  - id: on-time\n    level: accuracy\n    type: yes_no\n    text: Was it complete?\n")
        })
        .status(1)
        .stderr(str![[r#"
error[E0102]: question `on-time` is defined twice
   --> surveys/support/survey.yaml:15:9
   |
15 |   - id: on-time
   |         ^^^^^^^ second definition
   |
   = first defined on line 10

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn unknown_level() {
    Project::new()
        .survey_with(|s| s.replace("level: accuracy", "level: acuracy"))
        .status(1)
        .stderr(str![[r#"
error[E0103]: questions.on-time.level: there is no level `acuracy`
   --> surveys/support/survey.yaml:11:12
   |
11 |     level: acuracy
   |            ^^^^^^^ not a level of this survey
   |
   = help: did you mean `accuracy`?

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn unknown_scale() {
    Project::new()
        .survey_with(|s| s.replace("scale: agree5", "scale: agree7"))
        .status(1)
        .stderr(str![[r#"
error[E0103]: questions.on-time.scale: there is no scale `agree7`
   --> surveys/support/survey.yaml:13:12
   |
13 |     scale: agree7
   |            ^^^^^^ not declared under `scales`
   |
   = help: did you mean `agree5`?

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn scores_unknown_option() {
    scored_choice(
        "{ email: E-mail, phone: Phone }",
        "{ email: 100, phone: 50, fax: 0 }",
    )
    .status(1)
    .stderr(str![[r#"
error[E0103]: questions.channel.scores: there is no option `fax`
   --> surveys/support/survey.yaml:11:38
   |
11 |     scores: { email: 100, phone: 50, fax: 0 }
   |                                      ^^^ not one of the question's options
   |
   = help: expected one of `email` or `phone`

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
    .check();
}

#[test]
fn scores_missing_option() {
    scored_choice(
        "{ email: E-mail, phone: Phone, chat: Chat }",
        "{ email: 100, phone: 50 }",
    )
    .status(1)
    .stderr(str![[r#"
error[E0007]: questions.channel.scores: no score for `chat`
   --> surveys/support/survey.yaml:11:13
   |
11 |     scores: { email: 100, phone: 50 }
   |             ^^^^^^^^^^^^^^^^^^^^^^^^^ every option needs a score when any has one

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
    .check();
}

#[test]
fn bad_language_tag() {
    Project::new()
        .survey_with(|s| s.replace("languages: [en]", "languages: [english]"))
        .status(1)
        .stderr(str![[r#"
error[E0104]: languages: "english" is not a language tag
  --> surveys/support/survey.yaml:2:13
  |
2 | languages: [english]
  |             ^^^^^^^ expected a BCP 47 tag such as `en`, `sv` or `pt-BR`

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn language_no() {
    Project::new()
        .survey_with(|s| s.replace("languages: [en]", "languages: [en, no]"))
        .status(1)
        .stderr(str![[r#"
error[E0104]: languages: `no` is ambiguous
  --> surveys/support/survey.yaml:2:17
  |
2 | languages: [en, no]
  |                 ^^ YAML 1.1 tools read this as false
  |
  = help: did you mean `nb`? Write `nb` for Norwegian Bokmål or `nn` for Nynorsk

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn text_without_default_language() {
    Project::new()
        .survey_with(|s| {
            s.replace("title: Support", "title: { en: Support }")
                .replace("languages: [en]", "languages: [sv, en]")
        })
        .status(1)
        .stderr(str![[r#"
error[E0105]: title has no text in `sv`, the default language
  --> surveys/support/survey.yaml:1:8
  |
1 | title: { en: Support }
  |        ^^^^^^^^^^^^^^^ add `sv: ...` here

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn target_out_of_range() {
    Project::new()
        .survey_with(|s| s.replace("languages: [en]\n", "languages: [en]\ntarget: 120\n"))
        .status(1)
        .stderr(str![[r#"
error[E0106]: target: 120 is out of range
  --> surveys/support/survey.yaml:3:9
  |
3 | target: 120
  |         ^^^ expected a number from 0 to 100

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn scale_on_nps() {
    Project::new().survey_with(|s| {
        format!(
            "{s}  - id: recommend\n    level: accuracy\n    type: nps\n    scale: agree5\n    text: Would you recommend us?\n"
        )
    })
        .status(1)
        .stderr(str![[r#"
error[E0107]: `scale` does not apply to a question of type nps
   --> surveys/support/survey.yaml:18:5
   |
18 |     scale: agree5
   |     ^^^^^ remove this field

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn level_on_text() {
    Project::new()
        .survey_with(|s| format!("{s}  - id: comment\n    level: accuracy\n    type: text\n"))
        .status(1)
        .stderr(str![[r#"
error[E0107]: `level` does not apply to a question of type text
   --> surveys/support/survey.yaml:16:5
   |
16 |     level: accuracy
   |     ^^^^^ remove this field

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

#[test]
fn publish_on_scale() {
    Project::new()
        .survey_with(|s| format!("{s}    publish: true\n"))
        .status(1)
        .stderr(str![[r#"
error[E0107]: `publish` does not apply to a question of type scale
   --> surveys/support/survey.yaml:15:5
   |
15 |     publish: true
   |     ^^^^^^^ remove this field

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}

// Responses.

#[test]
fn unknown_field_response() {
    Project::new()
        .responses_with(|r| r.replace("answers:", "answer:"))
        .status(1)
        .stderr(str![[r#"
error[E0005]: unknown field `answer` in a response
  --> surveys/support/responses/a.yaml:3:3
  |
3 |   answer:
  |   ^^^^^^ not a field of a response
  |
  = help: did you mean `answers`?

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn unknown_field_response_submitted() {
    Project::new()
        .responses_with(|r| r.replace("submitted:", "submited:"))
        .status(1)
        .stderr(str![[r#"
error[E0005]: unknown field `submited` in a response
  --> surveys/support/responses/a.yaml:2:3
  |
2 |   submited: 2026-09-14
  |   ^^^^^^^^ not a field of a response
  |
  = help: did you mean `submitted`?

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn wrong_type_submitted_list() {
    Project::new()
        .responses_with(|r| r.replace("2026-09-14", "[2026-09-14]"))
        .status(1)
        .stderr(str![[r#"
error[E0006]: submitted: expected a date (2026-09-14) or an RFC 3339 date-time (2026-09-14T10:30:00+02:00), found a list
  --> surveys/support/responses/a.yaml:2:14
  |
2 |   submitted: [2026-09-14]
  |              ^^^^^^^^^^^^ found a list

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn missing_submitted() {
    Project::new()
        .responses_with(|r| r.replace("  submitted: 2026-09-14\n", ""))
        .status(1)
        .stderr(str![[r#"
error[E0007]: this response has no `submitted` date
  --> surveys/support/responses/a.yaml:1:3
  |
1 | - id: r1
  |   ^^^^^^ `submitted` is required
  |
  = help: add e.g. `submitted: 2026-09-14`

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn response_language_not_in_survey() {
    Project::new()
        .survey_with(|s| {
            s.replace("title: Support", "title: { en: Support, sv: Support }")
                .replace("languages: [en]", "languages: [en, sv]")
                .replace(
                    "    labels: [Strongly disagree, Disagree, Neither, Agree, Strongly agree]\n",
                    "    labels:
      en: [Strongly disagree, Disagree, Neither, Agree, Strongly agree]
      sv: [Instämmer inte alls, Instämmer inte, Varken eller, Instämmer, Instämmer helt]
",
                )
                .replace("name: Accuracy", "name: { en: Accuracy, sv: Noggrannhet }")
                .replace(
                    "text: Was it delivered on time?",
                    "text: { en: Was it delivered on time?, sv: Levererades det i tid? }",
                )
        })
        .responses_with(|r| r.replace("  answers:", "  language: de\n  answers:"))
        .status(1)
        .stderr(str![[r#"
error[E0204]: language `de` is not one of the survey's languages
  --> surveys/support/responses/a.yaml:3:13
  |
3 |   language: de
  |             ^^ not in the survey's `languages`
  |
  = help: expected one of `en` or `sv`

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
translations:
  support: sv 100% (4 of 4)
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn scale_answer_out_of_range() {
    Project::new()
        .survey_with(every_question_type)
        .responses_with(|r| r.replace("on-time: 4", "on-time: 7"))
        .status(1)
        .stderr(str![[r#"
error[E0202]: answer to `on-time`: expected a whole number from 1 to 5, found the number 7
  --> surveys/support/responses/a.yaml:4:14
  |
4 |     on-time: 7
  |              ^ expected a whole number from 1 to 5

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn scale_answer_quoted() {
    Project::new()
        .survey_with(every_question_type)
        .responses_with(|r| r.replace("on-time: 4", "on-time: \"4\""))
        .status(1)
        .stderr(str![[r#"
error[E0202]: answer to `on-time`: expected a whole number from 1 to 5, found the text "4"
  --> surveys/support/responses/a.yaml:4:14
  |
4 |     on-time: "4"
  |              ^^^ expected a whole number from 1 to 5
  |
  = help: remove the quotes: a number in quotes is text

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn nps_out_of_range() {
    Project::new()
        .survey_with(every_question_type)
        .responses_with(|r| r.replace("on-time: 4", "recommend: 11"))
        .status(1)
        .stderr(str![[r#"
error[E0202]: answer to `recommend`: expected a whole number from 0 to 10, found the number 11
  --> surveys/support/responses/a.yaml:4:16
  |
4 |     recommend: 11
  |                ^^ expected a whole number from 0 to 10

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn yes_no_maybe() {
    Project::new()
        .survey_with(every_question_type)
        .responses_with(|r| r.replace("on-time: 4", "complete: maybe"))
        .status(1)
        .stderr(str![[r#"
error[E0202]: answer to `complete`: expected yes or no, found the text "maybe"
  --> surveys/support/responses/a.yaml:4:15
  |
4 |     complete: maybe
  |               ^^^^^ expected yes or no

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn choice_unknown_option() {
    Project::new()
        .survey_with(every_question_type)
        .responses_with(|r| r.replace("on-time: 4", "channel: emial"))
        .status(1)
        .stderr(str![[r#"
error[E0202]: answer to `channel`: there is no option "emial"
  --> surveys/support/responses/a.yaml:4:14
  |
4 |     channel: emial
  |              ^^^^^ not one of the question's options
  |
  = help: did you mean `email`?

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn multi_choice_repeated() {
    Project::new()
        .survey_with(every_question_type)
        .responses_with(|r| r.replace("on-time: 4", "channels: [email, chat, email]"))
        .status(1)
        .stderr(str![[r#"
error[E0202]: answer to `channels`: option `email` is chosen twice
  --> surveys/support/responses/a.yaml:4:29
  |
4 |     channels: [email, chat, email]
  |                             ^^^^^ already in this list

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn multi_choice_scalar() {
    Project::new()
        .survey_with(every_question_type)
        .responses_with(|r| r.replace("on-time: 4", "channels: chat"))
        .status(1)
        .stderr(str![[r#"
error[E0202]: answer to `channels`: expected a list of option ids, found the text "chat"
  --> surveys/support/responses/a.yaml:4:15
  |
4 |     channels: chat
  |               ^^^^ expected a list of option ids
  |
  = help: write the options as a list, e.g. `[chat]`

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn unknown_question_in_response() {
    misspelled_question()
        .status(1)
        .stderr(str![[r#"
error[E0201]: there is no question `on-tme`
  --> surveys/support/responses/a.yaml:4:5
  |
4 |     on-tme: 4
  |     ^^^^^^ not a question of survey `support`
  |
  = help: did you mean `on-time`?

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn undeclared_segment() {
    with_segment("{ grop: customer }")
        .status(1)
        .stderr(str![[r#"
error[E0205]: there is no segment `grop`
  --> surveys/support/responses/a.yaml:3:14
  |
3 |   segment: { grop: customer }
  |              ^^^^ not declared under `segments` in survey.yaml
  |
  = help: did you mean `group`?

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn undeclared_segment_value() {
    with_segment("{ group: custmer }")
        .status(1)
        .stderr(str![[r#"
error[E0205]: segment `group` has no value "custmer"
  --> surveys/support/responses/a.yaml:3:21
  |
3 |   segment: { group: custmer }
  |                     ^^^^^^^ not declared in survey.yaml
  |
  = help: did you mean `customer`?

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn bad_date() {
    Project::new()
        .responses_with(|r| r.replace("2026-09-14", "2026-02-30"))
        .status(1)
        .stderr(str![[r#"
error[E0203]: submitted: "2026-02-30" is not a valid date
  --> surveys/support/responses/a.yaml:2:14
  |
2 |   submitted: 2026-02-30
  |              ^^^^^^^^^^ the date does not exist

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn bad_date_format() {
    Project::new()
        .responses_with(|r| r.replace("2026-09-14", "14.09.2026"))
        .status(1)
        .stderr(str![[r#"
error[E0203]: submitted: "14.09.2026" is not a valid date
  --> surveys/support/responses/a.yaml:2:14
  |
2 |   submitted: 14.09.2026
  |              ^^^^^^^^^^ dates are written year first
  |
  = help: write `2026-09-14`

checked 1 survey (1 response in 1 file): 1 error, 0 warnings
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
fn duplicate_response_id() {
    Project::new()
        .responses(
            "support",
            "b.yaml",
            "\
- id: r2
  submitted: 2026-09-15
  answers:
    on-time: 5
- id: r1
  submitted: 2026-09-16
  answers:
    on-time: 3
",
        )
        .status(1)
        .stderr(str![[r#"
error[E0206]: response id "r1" is used twice
  --> surveys/support/responses/b.yaml:5:7
  |
5 | - id: r1
  |       ^^ second use
  |
  = first used at surveys/support/responses/a.yaml:1:7
  = help: response ids must be unique within a survey

checked 1 survey (3 responses in 2 files): 1 error, 0 warnings
privacy: 1 breakdown cell hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction; each hidden cell can still be any of at least 1 value; 1 hidden cell can be worked out all the same from what a level always publishes (its total, when it has fewer than 5 respondents, or its score, when everyone gave the same answer)

"#]])
        .check();
}

#[test]
fn many_errors() {
    Project::new()
        .responses(
            "support",
            "a.yaml",
            (6..=65)
                .map(|n| format!("- submitted: 2026-09-14\n  answers: {{ on-time: {n} }}\n"))
                .collect::<String>(),
        )
        .status(1)
        .stderr(file!["../fixtures/errors/many_errors.stderr"])
        .check();
}

// Warnings only, and files that must be accepted.

#[test]
fn bom_crlf_accepted() {
    Project::new()
        .responses_with(|r| {
            let two = format!("{r}- id: r2\n  submitted: 2026-09-15\n  answers:\n    on-time: 5\n");
            format!("\u{feff}{}", two.replace('\n', "\r\n"))
        })
        .stderr(str![[r#"
checked 1 survey (2 responses in 1 file): 0 errors, 0 warnings
privacy: 1 breakdown cell hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction; each hidden cell can still be any of at least 1 value; 1 hidden cell can be worked out all the same from what a level always publishes (its total, when it has fewer than 5 respondents, or its score, when everyone gave the same answer)

"#]])
        .check();
}

#[test]
fn missing_translation() {
    missing_translation_project()
        .stderr(str![[r#"
warning[W0001]: 1 text has no `sv` translation
   --> surveys/support/survey.yaml:14:11
   |
14 |     text: { en: Was it delivered on time? }
   |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ no `sv` here
   |
   = line 14: questions.on-time.text
   = the report shows the default language where `sv` is missing

checked 1 survey (1 response in 1 file): 0 errors, 1 warning
translations:
  support: sv 67% (2 of 3), 1 missing
privacy: 1 breakdown cell hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction; each hidden cell can still be any of at least 1 value; 1 hidden cell can be worked out all the same from what a level always publishes (its total, when it has fewer than 5 respondents, or its score, when everyone gave the same answer)

"#]])
        .check();
}

#[test]
fn extra_language() {
    Project::new()
        .survey_with(|s| {
            s.replace(
                "text: Was it delivered on time?",
                "text: { en: Was it delivered on time?, de: Wurde es pünktlich geliefert? }",
            )
        })
        .stderr(str![[r#"
warning[W0002]: questions.on-time.text: `de` is not one of the languages declared in `languages`
   --> surveys/support/survey.yaml:14:44
   |
14 |     text: { en: Was it delivered on time?, de: Wurde es pünktlich geliefert? }
   |                                            ^^ this translation is never shown

checked 1 survey (1 response in 1 file): 0 errors, 1 warning
privacy: 1 breakdown cell hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction; each hidden cell can still be any of at least 1 value; 1 hidden cell can be worked out all the same from what a level always publishes (its total, when it has fewer than 5 respondents, or its score, when everyone gave the same answer)

"#]])
        .check();
}

#[test]
#[cfg(unix)]
fn symlinked_response() {
    Project::new()
        .symlink("surveys/support/responses/b.yaml", "a.yaml")
        .stderr(str![[r#"
warning[W0003]: symbolic link not followed (it points to a.yaml): its responses are not counted
 = in surveys/support/responses/b.yaml
 = help: copy the file into responses/ instead of linking it

checked 1 survey (1 response in 1 file): 0 errors, 1 warning
privacy: 1 breakdown cell hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction; each hidden cell can still be any of at least 1 value; 1 hidden cell can be worked out all the same from what a level always publishes (its total, when it has fewer than 5 respondents, or its score, when everyone gave the same answer)

"#]])
        .check();
}

#[test]
fn files_in_responses_that_are_not_read() {
    Project::new()
        .responses("support", "google-forms.csv", "Timestamp,Was it delivered on time?\n")
        .responses("support", "2026/q3/answers.XLSX", "not really a spreadsheet")
        .responses("support", "2026/README.md", "# Answers of 2026\n")
        .responses("support", "b.YML", RESPONSES)
        // Hidden files and folders are skipped without a word.
        .responses("support", ".gitkeep", "")
        .responses("support", ".a.yaml.swp", "")
        .responses("support", ".old/export.csv", "")
        .stderr(str![[r#"
warning[W0006]: `README.md` is not read: rapport reads only .yaml and .yml files in responses/
 = in surveys/support/responses/2026/README.md
 = help: move it out of responses/, or start its name with `.` to keep it there unread

warning[W0006]: `answers.XLSX` is not read: it is a form tool's export, and rapport reads only .yaml and .yml files in responses/
 = in surveys/support/responses/2026/q3/answers.XLSX
 = help: convert it into a response file first: https://github.com/rapport-surveys/rapport/blob/main/docs/format.md#response-files

warning[W0006]: `b.YML` is not read: rapport reads only .yaml and .yml files in responses/, in lowercase
 = in surveys/support/responses/b.YML
 = help: rename it to `b.yml`

warning[W0006]: `google-forms.csv` is not read: it is a form tool's export, and rapport reads only .yaml and .yml files in responses/
 = in surveys/support/responses/google-forms.csv
 = help: convert it into a response file first: https://github.com/rapport-surveys/rapport/blob/main/docs/format.md#response-files

checked 1 survey (1 response in 1 file): 0 errors, 4 warnings
privacy: 1 breakdown cell hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction; each hidden cell can still be any of at least 1 value; 1 hidden cell can be worked out all the same from what a level always publishes (its total, when it has fewer than 5 respondents, or its score, when everyone gave the same answer)

"#]])
        .check();
}

#[test]
#[cfg(unix)]
fn symlinked_export() {
    Project::new()
        .file("form.csv", "Timestamp\n")
        .symlink("surveys/support/responses/form.csv", "../../../form.csv")
        .stderr(str![[r#"
warning[W0006]: `form.csv` is not read: it is a form tool's export, and rapport reads only .yaml and .yml files in responses/
 = in surveys/support/responses/form.csv
 = help: convert it into a response file first: https://github.com/rapport-surveys/rapport/blob/main/docs/format.md#response-files

checked 1 survey (1 response in 1 file): 0 errors, 1 warning
privacy: 1 breakdown cell hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction; each hidden cell can still be any of at least 1 value; 1 hidden cell can be worked out all the same from what a level always publishes (its total, when it has fewer than 5 respondents, or its score, when everyone gave the same answer)

"#]])
        .check();
}

#[test]
fn unsupported_language() {
    Project::empty()
        .survey(
            "support",
            "\
title: { en: Support, de: Kundendienst }
languages: [en, de]
levels:
  - id: accuracy
    name: { en: Accuracy, de: Genauigkeit }
questions:
  - id: on-time
    level: accuracy
    type: yes_no
    text: { en: On time?, de: Pünktlich? }
",
        )
        .stderr(str![[r#"
warning[W0004]: rapport has no words of its own in `de`
  --> surveys/support/survey.yaml:2:17
  |
2 | languages: [en, de]
  |                 ^^ headings and labels will be in English
  |
  = rapport's own words exist in en, sv, ru, nl and nb
  = help: give them in `i18n/de.ftl` beside `surveys/` (see rapport's docs/templates.md)

checked 1 survey (0 responses in 0 files): 0 errors, 1 warning
translations:
  support: de 100% (3 of 3)
rapport's own words:
  de 0% (0 of 74), 74 missing: shown in English; translate them in i18n/de.ftl
privacy: 0 breakdown cells hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction

"#]])
        .check();
}

#[test]
#[cfg(unix)]
fn symlinked_survey() {
    Project::empty()
        // A valid survey outside the project, where the links point.
        .file("../file_too_big/surveys/support/survey.yaml", SMALL_SURVEY)
        .file(
            "../file_too_big/surveys/support/responses/a.yaml",
            on_time_yes(1..=19),
        )
        .symlink("surveys/elsewhere", "../../file_too_big/surveys/support")
        .symlink("surveys/outside", "/etc")
        .survey("real", SMALL_SURVEY)
        .responses("real", "a.yaml", on_time_yes([2]))
        .symlink(
            "surveys/real/responses/escape.yaml",
            "../../../../file_too_big/surveys/support/responses/a.yaml",
        )
        .symlink("surveys/real/responses/loop", ".")
        .stderr(str![[r#"
warning[W0003]: symbolic link not followed (it points to ../../file_too_big/surveys/support): it is not read as a survey
 = in surveys/elsewhere
 = help: rapport reads only what is inside the project; copy the folder instead

warning[W0003]: symbolic link not followed (it points to /etc): it is not read as a survey
 = in surveys/outside
 = help: rapport reads only what is inside the project; copy the folder instead

warning[W0003]: symbolic link not followed (it points to ../../../../file_too_big/surveys/support/responses/a.yaml): its responses are not counted
 = in surveys/real/responses/escape.yaml
 = help: copy the file into responses/ instead of linking it

warning[W0003]: symbolic link not followed (it points to .): its responses are not counted
 = in surveys/real/responses/loop
 = help: copy the file into responses/ instead of linking it

checked 1 survey (1 response in 1 file): 0 errors, 4 warnings
privacy: 1 breakdown cell hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction; each hidden cell can still be any of at least 1 value; 1 hidden cell can be worked out all the same from what a level always publishes (its total, when it has fewer than 5 respondents, or its score, when everyone gave the same answer)

"#]])
        .check();
}

#[test]
fn unused_template() {
    Project::new()
        .file("templates/reprot.html", "<h1>{{ title }}</h1>\n")
        .stderr(str![[r#"
warning[W0005]: `reprot.html` does not replace any built-in template, so it is not used
 = in templates/reprot.html
 = help: did you mean `report.html`?

checked 1 survey (1 response in 1 file): 0 errors, 1 warning
privacy: 1 breakdown cell hidden (fewer than 5 respondents), 0 more hidden so that they cannot be worked out by subtraction; each hidden cell can still be any of at least 1 value; 1 hidden cell can be worked out all the same from what a level always publishes (its total, when it has fewer than 5 respondents, or its score, when everyone gave the same answer)

"#]])
        .check();
}

#[test]
fn audience_unknown_value() {
    Project::new()
        .survey_with(|s| {
            format!(
                "{s}audience: {{ group: custmer }}\nsegments:\n  group:\n    name: Group\n    values: {{ customer: Customer, staff: Staff }}\n"
            )
        })
        .status(1)
        .stderr(str![[r#"
error[E0103]: audience: segment `group` has no value `custmer`
   --> surveys/support/survey.yaml:15:20
   |
15 | audience: { group: custmer }
   |                    ^^^^^^^ not one of the segment's values
   |
   = help: did you mean `customer`?

note: the responses of `support` were not checked: fix its survey.yaml first
checked 0 surveys (0 responses in 0 files): 1 error, 0 warnings

"#]])
        .check();
}
