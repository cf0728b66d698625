//! data.json: the aggregates behind a report, for scripts and other tools.
//! Keys keep a fixed order, scores are unrounded, and a missing score is
//! `null`, never NaN. No free text and no response id ever appears here.

use crate::model::{Kind, Survey};
use crate::privacy::{Breakdown, BreakdownCell};
use crate::score::{QuestionScore, Scores};
use serde_json::{json, Map, Value};

/// Renders data.json (pretty-printed, ending in a newline).
pub fn render(survey: &Survey, scores: &Scores, min_group_size: u64) -> Vec<u8> {
    let lang = survey.default_language();
    let levels: Vec<Value> = survey
        .levels
        .iter()
        .zip(&scores.levels)
        .map(|(level, ls)| {
            let mut by_period = Map::new();
            for p in &ls.by_period {
                by_period.insert(
                    p.period.to_string(),
                    json!({
                        "score": p.score,
                        "responses": p.responses,
                        "by_segment": segments(survey, &p.by_segment),
                    }),
                );
            }
            json!({
                "id": level.id,
                "score": ls.score,
                "target": level.target,
                "meets_target": ls.meets_target,
                "responses": ls.responses,
                "questions": ls.questions.iter().map(|q| question(survey, q)).collect::<Vec<_>>(),
                "by_period": by_period,
                "by_segment": segments(survey, &ls.by_segment),
            })
        })
        .collect();
    let texts: Vec<Value> = scores
        .texts
        .iter()
        .map(|t| json!({ "id": survey.questions[t.question].id, "type": "text", "answers": t.answers }))
        .collect();
    let doc = json!({
        "survey": survey.id,
        "title": survey.title.get(lang, lang).0,
        "languages": survey.languages,
        "period": survey.period.name(),
        "min_group_size": min_group_size,
        "responses": scores.responses,
        "periods": scores.periods.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "overall": { "score": scores.overall },
        "focus_level": scores.focus.map(|i| survey.levels[i].id.as_str()),
        "levels": levels,
        "text_questions": texts,
    });
    let mut bytes = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

fn question(survey: &Survey, q: &QuestionScore) -> Value {
    let question = &survey.questions[q.question];
    let mut counts = Map::new();
    let labels = question.kind.answer_keys();
    for (label, n) in labels.into_iter().zip(&q.counts) {
        counts.insert(label, json!(n));
    }
    let mut out = Map::new();
    out.insert("id".into(), json!(question.id));
    out.insert("type".into(), json!(question.kind.name()));
    if let Kind::Scale { reverse: true, .. } = question.kind {
        out.insert("reverse".into(), json!(true));
    }
    out.insert("answers".into(), json!(q.answers));
    out.insert("score".into(), json!(q.score));
    out.insert("counts".into(), Value::Object(counts));
    if let Kind::Scale { points, .. } = question.kind {
        if points >= 4 {
            out.insert("top2".into(), json!(q.top2));
        }
    }
    if let Kind::Nps = question.kind {
        out.insert("nps".into(), json!(q.nps));
    }
    Value::Object(out)
}

fn segments(survey: &Survey, breakdowns: &[Breakdown]) -> Value {
    let mut out = Map::new();
    for (segment, cells) in survey.segments.iter().zip(breakdowns) {
        let mut values = Map::new();
        for (value, cell) in segment.values.iter().zip(cells) {
            let v = match cell {
                BreakdownCell::Score { responses, score } => {
                    json!({ "score": score, "responses": responses })
                }
                BreakdownCell::Hidden { .. } => json!({ "hidden": true }),
                BreakdownCell::NoData => json!({ "responses": 0, "score": null }),
            };
            values.insert(value.id.clone(), v);
        }
        out.insert(segment.id.clone(), Value::Object(values));
    }
    Value::Object(out)
}
