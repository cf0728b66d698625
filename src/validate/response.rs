//! One response of a response file: its date, language, segment values and
//! answers, each checked against the survey it belongs to.

use super::Ctx;
use crate::diagnostics::{code, quote, Span};
use crate::model::{Answer, Kind, Response, Survey};
use crate::period::parse_date;
use crate::yaml::{Node, Value};
use std::collections::HashMap;

const FIELDS: [&str; 5] = ["id", "submitted", "language", "segment", "answers"];

/// A survey's ids in hash maps, built once and shared by every response.
pub struct Lookup<'s> {
    survey: &'s Survey,
    questions: HashMap<&'s str, usize>,
    question_ids: Vec<&'s str>,
    segment_ids: Vec<&'s str>,
    languages: Vec<&'s str>,
}

impl<'s> Lookup<'s> {
    /// Indexes a survey.
    pub fn new(survey: &'s Survey) -> Self {
        Lookup {
            survey,
            questions: survey
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| (q.id.as_str(), i))
                .collect(),
            question_ids: survey.questions.iter().map(|q| q.id.as_str()).collect(),
            segment_ids: survey.segments.iter().map(|s| s.id.as_str()).collect(),
            languages: survey.languages.iter().map(String::as_str).collect(),
        }
    }
}

/// Checks one response; returns it when it is valid. (Its id is collected
/// for the duplicate check by [`crate::responses`], even when it is not.)
pub fn response(ctx: &mut Ctx, look: &Lookup, node: &Node) -> Option<Response> {
    let Value::Map(entries) = &node.value else {
        ctx.wrong_type(
            node,
            "response",
            "a response (a mapping with `submitted` and `answers`)",
        );
        return None;
    };
    let before = ctx.diags.len();
    let survey = look.survey;
    let mut date = None;
    let mut segment = vec![None; survey.segments.len()];
    let mut answers = Vec::new();
    let mut has_submitted = false;
    let mut lang = None;
    for (key, value) in entries {
        let name = key.text().unwrap_or("");
        if value.is_null() && name != "submitted" {
            continue;
        }
        match name {
            "id" => {
                if value.scalar().is_none() {
                    ctx.wrong_type(value, "id", "a text");
                }
            }
            "submitted" => {
                has_submitted = true;
                date = submitted(ctx, value);
            }
            "language" => lang = language(ctx, look, value),
            "segment" => segments(ctx, look, value, &mut segment),
            "answers" => answers_of(ctx, look, value, &mut answers),
            _ => {
                if super::unknown_key(ctx, key, "a response", &FIELDS) == Some("submitted") {
                    has_submitted = true;
                }
            }
        }
    }
    if !has_submitted {
        let d = ctx
            .make(code::MISSING, node.span, "this response has no `submitted` date")
            .label("`submitted` is required")
            .help("add e.g. `submitted: 2026-09-14`");
        ctx.push(d);
    }
    let valid = ctx.diags.len() == before;
    match (valid, date) {
        (true, Some(date)) => Some(Response {
            submitted: date,
            period: survey.period.of(date),
            segment,
            language: lang,
            answers,
        }),
        _ => None,
    }
}

fn submitted(ctx: &mut Ctx, value: &Node) -> Option<time::Date> {
    let expected = "a date (2026-09-14) or an RFC 3339 date-time (2026-09-14T10:30:00+02:00)";
    let Some(text) = value.text() else {
        ctx.wrong_type(value, "submitted", expected);
        return None;
    };
    let date = parse_date(text);
    if date.is_none() {
        let (why, fix) = crate::period::explain_bad_date(text);
        let mut d = ctx
            .make(
                code::BAD_DATE,
                value.span,
                format!("submitted: {} is not a valid date", quote(text)),
            )
            .label(why);
        if let Some(fix) = fix {
            d = d.help(fix);
        }
        ctx.push(d);
    }
    date
}

fn language(ctx: &mut Ctx, look: &Lookup, value: &Node) -> Option<u32> {
    let tag = super::language(ctx, value, "language")?;
    let found = look.languages.iter().position(|l| l.eq_ignore_ascii_case(tag));
    if found.is_none() {
        ctx.unknown(
            code::UNKNOWN_LANGUAGE,
            value.span,
            format!("language `{tag}` is not one of the survey's languages"),
            "not in the survey's `languages`",
            tag,
            &look.languages,
        );
    }
    found.and_then(|i| u32::try_from(i).ok())
}

fn segments(ctx: &mut Ctx, look: &Lookup, value: &Node, out: &mut [Option<u32>]) {
    let Value::Map(pairs) = &value.value else {
        ctx.wrong_type(
            value,
            "segment",
            "a mapping from segment to value, e.g. `{ group: customer }`",
        );
        return;
    };
    for (key, v) in pairs {
        let name = key.text().unwrap_or("");
        let Some(s) = look.segment_ids.iter().position(|id| *id == name) else {
            ctx.unknown(
                code::UNKNOWN_SEGMENT,
                key.span,
                format!("there is no segment `{name}`"),
                "not declared under `segments` in survey.yaml",
                name,
                &look.segment_ids,
            );
            continue;
        };
        if v.is_null() {
            continue;
        }
        let segment = &look.survey.segments[s];
        let Some(text) = v.text() else {
            ctx.wrong_type(v, &format!("segment `{name}`"), "one of its values");
            continue;
        };
        match segment.values.iter().position(|o| o.id == text) {
            Some(i) => out[s] = u32::try_from(i).ok(),
            None => {
                let known: Vec<&str> = segment.values.iter().map(|o| o.id.as_str()).collect();
                ctx.unknown(
                    code::UNKNOWN_SEGMENT,
                    v.span,
                    format!("segment `{name}` has no value {}", quote(text)),
                    "not declared in survey.yaml",
                    text,
                    &known,
                );
            }
        }
    }
}

fn answers_of(ctx: &mut Ctx, look: &Lookup, value: &Node, out: &mut Vec<(u32, Answer)>) {
    let Value::Map(pairs) = &value.value else {
        ctx.wrong_type(value, "answers", "a mapping from question id to answer");
        return;
    };
    for (key, v) in pairs {
        let name = key.text().unwrap_or("");
        let Some(&q) = look.questions.get(name) else {
            ctx.unknown(
                code::UNKNOWN_QUESTION,
                key.span,
                format!("there is no question `{name}`"),
                format!("not a question of survey `{}`", look.survey.id),
                name,
                &look.question_ids,
            );
            continue;
        };
        if v.is_null() {
            continue;
        }
        if let Some(a) = answer(ctx, &look.survey.questions[q].kind, name, v) {
            out.push((u32::try_from(q).unwrap_or(u32::MAX), a));
        }
    }
}

fn bad(ctx: &mut Ctx, v: &Node, question: &str, expected: &str) {
    let mut d = ctx
        .make(
            code::BAD_ANSWER,
            v.span,
            format!(
                "answer to `{question}`: expected {expected}, found {}",
                v.describe()
            ),
        )
        .label(format!("expected {expected}"));
    let quoted_number = v
        .scalar()
        .is_some_and(|s| !s.plain && !s.text.is_empty() && s.text.bytes().all(|b| b.is_ascii_digit()));
    if quoted_number {
        d = d.help("remove the quotes: a number in quotes is text");
    }
    ctx.push(d);
}

/// Checks an answer against its question's type. `None` for an error and
/// for a skipped answer (an empty list or blank text).
fn answer(ctx: &mut Ctx, kind: &Kind, question: &str, v: &Node) -> Option<Answer> {
    match kind {
        Kind::Scale { points, .. } => {
            let expected = format!("a whole number from 1 to {points}");
            match v.scalar().and_then(|s| s.as_int()) {
                Some(n) if (1..=i64::from(*points)).contains(&n) => {
                    Some(Answer::Code(u32::try_from(n - 1).ok()?))
                }
                _ => {
                    bad(ctx, v, question, &expected);
                    None
                }
            }
        }
        Kind::Nps => match v.scalar().and_then(|s| s.as_int()) {
            Some(n) if (0..=10).contains(&n) => Some(Answer::Code(u32::try_from(n).ok()?)),
            _ => {
                bad(ctx, v, question, "a whole number from 0 to 10");
                None
            }
        },
        Kind::YesNo => {
            let code = v
                .scalar()
                .and_then(|s| match s.text.to_ascii_lowercase().as_str() {
                    "yes" | "true" => Some(0),
                    "no" | "false" => Some(1),
                    _ => None,
                });
            if code.is_none() {
                bad(ctx, v, question, "yes or no");
            }
            code.map(Answer::Code)
        }
        Kind::Choice { options, .. } => {
            let Some(text) = v.scalar().map(|s| s.text.as_str()) else {
                bad(ctx, v, question, "one option id");
                return None;
            };
            option(ctx, options, question, text, v.span).map(Answer::Code)
        }
        Kind::MultiChoice { options, .. } => {
            let Value::Seq(items) = &v.value else {
                let d = ctx
                    .make(
                        code::BAD_ANSWER,
                        v.span,
                        format!(
                            "answer to `{question}`: expected a list of option ids, found {}",
                            v.describe()
                        ),
                    )
                    .label("expected a list of option ids")
                    .help(format!(
                        "write the options as a list, e.g. `[{}]`",
                        v.text()
                            .unwrap_or_else(|| options.first().map_or("", |o| o.id.as_str()))
                    ));
                ctx.push(d);
                return None;
            };
            let mut mask = 0u64;
            let mut ok = true;
            for item in items {
                let Some(text) = item.text() else {
                    bad(ctx, item, question, "an option id");
                    ok = false;
                    continue;
                };
                let Some(i) = option(ctx, options, question, text, item.span) else {
                    ok = false;
                    continue;
                };
                let bit = 1u64 << i;
                if mask & bit != 0 {
                    ctx.error(
                        code::BAD_ANSWER,
                        item.span,
                        format!("answer to `{question}`: option `{text}` is chosen twice"),
                        "already in this list",
                    );
                    ok = false;
                }
                mask |= bit;
            }
            (ok && mask != 0).then_some(Answer::Many(mask))
        }
        Kind::Text { .. } => match v.scalar() {
            Some(s) if s.text.trim().is_empty() => None,
            Some(s) => Some(Answer::Text(s.text.clone())),
            None => {
                bad(ctx, v, question, "a text");
                None
            }
        },
    }
}

fn option(
    ctx: &mut Ctx,
    options: &[crate::model::Choice],
    question: &str,
    text: &str,
    span: Span,
) -> Option<u32> {
    match options.iter().position(|o| o.id == text) {
        Some(i) => u32::try_from(i).ok(),
        None => {
            let known: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            ctx.unknown(
                code::BAD_ANSWER,
                span,
                format!("answer to `{question}`: there is no option {}", quote(text)),
                "not one of the question's options",
                text,
                &known,
            );
            None
        }
    }
}
