//! Putting what moved into words: the lines of a survey's section, with
//! scores as the report rounds them, a real minus sign, and ids escaped so
//! that no data.json can change the comment's layout.

use super::read::{Data, Level};
use crate::render::data_json::{Cell, ChangeFigures, NowFigures};
use std::collections::BTreeMap;

/// The minus sign of negative numbers and deltas (not a hyphen).
const MINUS: char = '\u{2212}';

/// The single line for a survey that only the new site has.
pub(super) fn introduce(data: &Data) -> String {
    let responses = match data.responses {
        1 => "1 response".to_string(),
        n => format!("{n} responses"),
    };
    let overall = match data.overall {
        Some(x) => format!("overall {}", one_decimal(tenths(x))),
        None => "no overall score".to_string(),
    };
    format!("new survey, {responses}, {overall}")
}

/// The lines (without their `- `) on what moved in a survey both sites have.
pub(super) fn compare(base: &Data, new: &Data) -> Vec<String> {
    let mut lines = Vec::new();
    if base.responses != new.responses {
        let delta = i128::from(new.responses) - i128::from(base.responses);
        let sign = if delta < 0 { MINUS } else { '+' };
        lines.push(format!(
            "responses: {} → {} ({sign}{})",
            base.responses,
            new.responses,
            delta.unsigned_abs()
        ));
    }
    if let Some(moved) = score_change(base.overall, new.overall) {
        lines.push(format!("overall score: {moved}"));
    }
    for level in &new.levels {
        match base.levels.iter().find(|l| l.id == level.id) {
            Some(old) => lines.extend(level_change(old, level)),
            None => lines.push(format!(
                "new level {}: {}",
                md(&level.id),
                score_text(level.score.flatten())
            )),
        }
    }
    for old in &base.levels {
        if !new.levels.iter().any(|l| l.id == old.id) {
            lines.push(format!("level {} removed", md(&old.id)));
        }
    }
    if let (Some(before), Some(after)) = (&base.focus, &new.focus) {
        lines.extend(focus_change(before.as_deref(), after.as_deref()));
    }
    if let (Some(before), Some(after)) = (base.min_group_size, new.min_group_size) {
        if before != after {
            lines.push(format!("min_group_size: {before} → {after}"));
        }
    }
    lines.extend(current_change(base, new));
    let (hidden, shown) = hiding(base, new);
    if !hidden.is_empty() {
        lines.push(format!("newly hidden: {hidden}"));
    }
    if !shown.is_empty() {
        lines.push(format!("no longer hidden: {shown}"));
    }
    lines
}

/// A current-period figure as the report rounds it, to tell whether it moved.
fn shown_tenths(now: Option<&NowFigures>) -> Option<Option<i64>> {
    match now? {
        NowFigures::Shown { score, .. } => Some(score.map(tenths)),
        NowFigures::Hidden { .. } => None,
    }
}

/// The current period of the new site, when it or its figures differ from
/// the base's: the overall score with its change from the previous period,
/// and each level whose change is significant.
fn current_change(base: &Data, new: &Data) -> Vec<String> {
    let Some(now) = &new.current else {
        return Vec::new();
    };
    let same = base.current.as_ref().is_some_and(|before| {
        before.period == now.period
            && before.previous == now.previous
            && shown_tenths(Some(&before.overall)) == shown_tenths(Some(&now.overall))
            && new.levels.iter().all(|l| {
                let old = base.levels.iter().find(|o| o.id == l.id);
                shown_tenths(old.and_then(|o| o.current.as_ref())) == shown_tenths(l.current.as_ref())
            })
    });
    if same {
        return Vec::new();
    }
    let against = now
        .previous
        .as_deref()
        .map(|p| format!(" (against {})", md(p)))
        .unwrap_or_default();
    let mut lines = vec![match &now.overall {
        NowFigures::Shown {
            score: Some(s),
            change,
            ..
        } => format!(
            "current period {}{against}: overall {}{}",
            md(&now.period),
            one_decimal(tenths(*s)),
            change_text(change.as_ref())
        ),
        NowFigures::Shown { score: None, .. } => {
            format!("current period {}: no overall score", md(&now.period))
        }
        NowFigures::Hidden { .. } => format!("current period {}: overall hidden", md(&now.period)),
    }];
    for level in &new.levels {
        if let Some(NowFigures::Shown {
            score: Some(s),
            change: Some(change),
            ..
        }) = &level.current
        {
            if change.significant == Some(true) {
                lines.push(format!(
                    "{} in {}: {}{}",
                    md(&level.id),
                    md(&now.period),
                    one_decimal(tenths(*s)),
                    change_text(Some(change))
                ));
            }
        }
    }
    lines
}

/// `, up 7.5 since the previous period, a real change (p = 0.009)`.
fn change_text(change: Option<&ChangeFigures>) -> String {
    let Some(change) = change else {
        return String::new();
    };
    let moved = tenths(change.difference);
    let direction = match moved {
        d if d > 0 => format!("up {}", one_decimal(d)),
        d if d < 0 => format!("down {}", one_decimal(-d)),
        _ => "unchanged".to_string(),
    };
    let verdict = match (change.significant, change.p) {
        (Some(true), Some(p)) => format!("a real change (p = {p:.3})"),
        (Some(false), Some(p)) => format!("within the margin of error (p = {p:.2})"),
        _ => "too few answers to tell".to_string(),
    };
    format!(", {direction} since the previous period, {verdict}")
}

/// `before → after (delta)`, or `None` when the score looks the same at one decimal.
fn score_change(before: Option<f64>, after: Option<f64>) -> Option<String> {
    match (before.map(tenths), after.map(tenths)) {
        (Some(b), Some(a)) if b != a => {
            let delta = a.saturating_sub(b);
            let sign = if delta < 0 { MINUS } else { '+' };
            Some(format!(
                "{} → {} ({sign}{})",
                one_decimal(b),
                one_decimal(a),
                one_decimal(i64::try_from(delta.unsigned_abs()).unwrap_or(i64::MAX))
            ))
        }
        (None, Some(_)) | (Some(_), None) => Some(format!("{} → {}", score_text(before), score_text(after))),
        _ => None,
    }
}

/// A level's line (without its `- `), when anything about it moved.
fn level_change(old: &Level, new: &Level) -> Option<String> {
    let mut parts = Vec::new();
    let mut moved = false;
    if let (Some(before), Some(after)) = (old.score, new.score) {
        if let Some(text) = score_change(before, after) {
            parts.push(text);
            moved = true;
        }
    }
    let target = new.target.flatten();
    if let (Some(before), Some(after)) = (old.target, new.target) {
        if before != after {
            parts.push(format!("target {} → {}", target_text(before), target_text(after)));
        }
    }
    if let (Some(before), Some(Some(after))) = (old.meets_target, new.meets_target) {
        if before != Some(after) {
            let target = target.map(|t| format!(" {}", number(t))).unwrap_or_default();
            parts.push(if after {
                format!("now meets its target{target}")
            } else {
                format!("below its target{target}")
            });
        }
    }
    if parts.is_empty() {
        return None;
    }
    if !moved {
        // What the score is, for a line about the target alone.
        if let Some(score) = new.score {
            parts.insert(0, score_text(score));
        }
    }
    Some(format!("{}: {}", md(&new.id), parts.join(", ")))
}

/// The line on the focus level, when it changed.
fn focus_change(before: Option<&str>, after: Option<&str>) -> Option<String> {
    match (before, after) {
        (Some(b), Some(a)) if b != a => Some(format!("the focus level moves from {} to {}", md(b), md(a))),
        (None, Some(a)) => Some(format!("the focus level is now {} (was none)", md(a))),
        (Some(b), None) => Some(format!(
            "no level misses its target any more (the focus level was {})",
            md(b)
        )),
        _ => None,
    }
}

/// Breakdown cells that privacy newly hides, and those it no longer hides,
/// each as `segment = value (level, level); ...`, over the levels both sites have.
fn hiding(base: &Data, new: &Data) -> (String, String) {
    type Groups<'a> = Vec<((&'a str, &'a str), Vec<&'a str>)>;
    fn add<'a>(groups: &mut Groups<'a>, cell: (&'a str, &'a str), level: &'a str) {
        match groups.iter_mut().find(|(c, _)| *c == cell) {
            Some((_, levels)) => levels.push(level),
            None => groups.push((cell, vec![level])),
        }
    }
    fn text(groups: &Groups<'_>) -> String {
        let groups: Vec<String> = groups
            .iter()
            .map(|((segment, value), levels)| {
                let levels: Vec<String> = levels.iter().map(|l| md(l)).collect();
                format!("{} = {} ({})", md(segment), md(value), levels.join(", "))
            })
            .collect();
        groups.join("; ")
    }
    let (mut hidden, mut shown): (Groups<'_>, Groups<'_>) = (Vec::new(), Vec::new());
    for level in &new.levels {
        let Some(old) = base.levels.iter().find(|l| l.id == level.id) else {
            continue;
        };
        let before: BTreeMap<(&str, &str), Cell> = old
            .cells
            .iter()
            .map(|(s, v, c)| ((s.as_str(), v.as_str()), *c))
            .collect();
        for (segment, value, after) in &level.cells {
            let key = (segment.as_str(), value.as_str());
            match (before.get(&key), after) {
                (Some(Cell::Score { .. }), Cell::Hidden) => add(&mut hidden, key, &level.id),
                (Some(Cell::Hidden), Cell::Score { .. }) => add(&mut shown, key, &level.id),
                _ => {}
            }
        }
    }
    (text(&hidden), text(&shown))
}

/// A score in tenths, as the report rounds it.
fn tenths(x: f64) -> i64 {
    // `as` saturates; scores are 0..100 anyway.
    (x * 10.0).round() as i64
}

/// Tenths as `12.3`, with a real minus sign when negative.
fn one_decimal(tenths: i64) -> String {
    let sign = if tenths < 0 {
        MINUS.to_string()
    } else {
        String::new()
    };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}", abs / 10, abs % 10)
}

fn score_text(score: Option<f64>) -> String {
    match score {
        Some(x) => one_decimal(tenths(x)),
        None => "no score".to_string(),
    }
}

fn target_text(target: Option<f64>) -> String {
    target.map(number).unwrap_or_else(|| "none".to_string())
}

/// A target as written: `75`, `72.5`.
fn number(x: f64) -> String {
    if x < 0.0 {
        format!("{MINUS}{}", -x)
    } else {
        // `+ 0.0` turns -0 into 0.
        format!("{}", x + 0.0)
    }
}

/// An id or a folder name for Markdown: a rapport id (`[a-z0-9_-]`) as it
/// is, anything else with its punctuation escaped and control characters
/// made spaces, so that no data.json can change the comment's layout.
pub(super) fn md(text: &str) -> String {
    let plain = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    if text.chars().all(plain) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
            out.push(c);
        } else if c.is_control() {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::read::parse;
    use super::*;
    use serde_json::{json, Value};

    fn data(value: Value) -> Data {
        parse(&value).expect("a valid data.json")
    }

    #[test]
    fn the_current_period_is_described_with_its_significance() {
        let now = |period: &str, overall: f64, level: f64, p: f64| {
            json!({ "responses": 40, "overall": { "score": overall },
                    "current": { "period": period, "previous": "2026-Q1", "focus_level": null,
                                 "focus_questions": [],
                                 "overall": { "score": overall, "ci95": [60.0, 80.0], "responses": 40,
                                              "change": { "from": 65.0, "difference": overall - 65.0,
                                                          "p": p, "significant": p < 0.05 } } },
                    "levels": [{ "id": "a", "score": level,
                                 "current": { "score": level, "ci95": null, "responses": 40,
                                              "meets_target": true,
                                              "change": { "from": 60.0, "difference": level - 60.0,
                                                          "p": p, "significant": p < 0.05 } } }] })
        };
        let before = data(now("2026-Q2", 70.0, 70.0, 0.2));
        let after = data(now("2026-Q2", 73.3, 72.0, 0.004));
        assert_eq!(
            compare(&before, &after),
            vec![
                "overall score: 70.0 → 73.3 (+3.3)".to_string(),
                "a: 70.0 → 72.0 (+2.0)".to_string(),
                // Markdown shows `2026\-Q2` as 2026-Q2.
                "current period 2026\\-Q2 (against 2026\\-Q1): overall 73.3, up 8.3 since the previous period, \
                 a real change (p = 0.004)"
                    .to_string(),
                "a in 2026\\-Q2: 72.0, up 12.0 since the previous period, a real change (p = 0.004)".to_string(),
            ]
        );
        // Nothing moved in the current period: nothing said about it.
        assert!(compare(&after, &after).is_empty());
        let noise = data(now("2026-Q2", 66.0, 61.0, 0.4));
        assert!(compare(&after, &noise)
            .iter()
            .any(|l| l.ends_with("up 1.0 since the previous period, within the margin of error (p = 0.40)")));
    }

    #[test]
    fn missing_optional_fields_are_skipped() {
        let before = data(json!({ "responses": 3, "overall": { "score": 50.0 },
                                  "levels": [{ "id": "a", "score": 50.0 }] }));
        let after = data(
            json!({ "responses": 3, "overall": { "score": 50.0 }, "focus_level": "a",
                                 "levels": [{ "id": "a", "meets_target": false,
                                              "by_segment": { "s": { "x": { "hidden": true } } } }] }),
        );
        assert_eq!(compare(&before, &after), Vec::<String>::new());
    }

    #[test]
    fn a_cell_that_loses_its_respondents_is_not_newly_hidden() {
        let level = |cell: Value| {
            json!({ "responses": 3, "overall": { "score": 50.0 },
                    "levels": [{ "id": "a", "by_segment": { "s": { "x": cell } } }] })
        };
        let shown = data(level(json!({ "score": 50.0, "responses": 7 })));
        let empty = data(level(json!({ "responses": 0, "score": null })));
        let hidden = data(level(json!({ "hidden": true })));
        assert_eq!(compare(&shown, &empty), Vec::<String>::new());
        assert_eq!(compare(&empty, &hidden), Vec::<String>::new());
        assert_eq!(
            compare(&shown, &hidden),
            vec!["newly hidden: s = x (a)".to_string()]
        );
        assert_eq!(
            compare(&hidden, &shown),
            vec!["no longer hidden: s = x (a)".to_string()]
        );
    }

    #[test]
    fn only_a_level_whose_rounded_score_moved_is_mentioned() {
        let level = |score: f64, meets: bool| {
            data(json!({ "responses": 3, "overall": { "score": 50.0 },
                         "levels": [{ "id": "a", "score": score, "target": 75.0, "meets_target": meets }] }))
        };
        assert_eq!(
            compare(&level(60.04, false), &level(59.96, false)),
            Vec::<String>::new()
        );
        assert_eq!(
            compare(&level(60.04, false), &level(60.06, false)),
            vec!["a: 60.0 → 60.1 (+0.1)".to_string()]
        );
        assert_eq!(
            compare(&level(74.96, false), &level(75.0, true)),
            vec!["a: 75.0, now meets its target 75".to_string()]
        );
    }

    #[test]
    fn numbers_use_a_real_minus_sign() {
        assert_eq!(one_decimal(-4), "−0.4");
        assert_eq!(one_decimal(0), "0.0");
        assert_eq!(one_decimal(693), "69.3");
        assert_eq!(tenths(69.25), 693);
        assert_eq!(tenths(f64::MAX), i64::MAX);
        assert_eq!(number(75.0), "75");
        assert_eq!(number(72.5), "72.5");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(-5.0), "−5");
        assert_eq!(
            score_change(Some(-1e300), Some(1e300)).as_deref(),
            Some("−922337203685477580.8 → 922337203685477580.7 (+922337203685477580.7)")
        );
    }

    #[test]
    fn odd_ids_cannot_change_the_layout() {
        assert_eq!(md("customer_type"), "customer_type");
        assert_eq!(md("a*b\n# c"), "a\\*b \\# c");
        assert_eq!(md("[x](y)"), "\\[x\\]\\(y\\)");
    }
}
