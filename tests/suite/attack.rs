//! The privacy audit attacked from outside: a project is built twice, with
//! its `min_group_size` (what is published) and with 1 (the truth, every
//! cell shown). An attacker's linear program is written from the published
//! data.json alone, in this file's own words (it shares no code with
//! rapport's audit): every level's total is the sum of its periods and of
//! each segment's values; a period's total is the sum of its cells of each
//! segment; a value's overall cell is the sum of its period cells. A hidden
//! cell is at least 1; what a hidden period holds is at least 0. For each
//! hidden cell the attacker's least and most must leave it as open as the
//! rule does: a small cell spans at least `min_group_size - 1` values, a
//! cell hidden to protect another at least `min_group_size + 1`.
//!
//! The attacker knows the hiding rule too: a cell hidden to protect
//! another is the least of its sum that could be hidden, so it is at most
//! the least cell still shown beside it.
//!
//! Then the attacks that worked on earlier versions, each as a project:
//! two small cells that protect each other, a protecting cell published in
//! every period, two groups of hidden cells joined by one cell, the
//! respondents without a segment value, and a one-person week.

use crate::project::Project;
use microlp::{ComparisonOp, OptimizationDirection, Problem};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// A cell as the attacker names it: (period or "" for overall, segment or
/// "" for the period's total, value or "").
type Key = (String, String, String);

/// What the attacker reads of one level: known counts and unknowns (with
/// their least value), and the sums.
struct Level {
    known: BTreeMap<Key, f64>,
    unknown: BTreeMap<Key, f64>,
    /// Unknowns the site shows to be at most so much.
    most: BTreeMap<Key, f64>,
    /// The score sums of known cells: a score times its count (the
    /// surveys here have one question a level, so scores are means over
    /// respondents and their sums add up like the counts).
    scored: BTreeMap<Key, f64>,
    sums: Vec<(Key, Vec<Key>)>,
    /// Sums of counts only: a level's cell is some of the people of the
    /// same cell of a level everyone answered (the rest unknown).
    ties: Vec<(Key, Vec<Key>)>,
}

fn responses(cell: &Value) -> Option<f64> {
    cell.get("responses").and_then(Value::as_f64)
}

/// A published cell's score sum: its score times its count.
fn score_sum(cell: &Value) -> Option<f64> {
    let n = responses(cell)?;
    if n == 0.0 {
        return Some(0.0);
    }
    Some(cell.get("score")?.as_f64()? * n)
}

/// The attacker's view of level `l` of a published data.json. The
/// current period is the latest with `min_group_size` respondents and the
/// previous one the latest before it: the periods after the current one,
/// and between the two, have fewer.
fn read(d: &Value, l: usize, min_group_size: u64) -> Level {
    let level = &d["levels"][l];
    let mut known = BTreeMap::new();
    let mut unknown = BTreeMap::new();
    let key = |p: &str, s: &str, v: &str| (p.to_owned(), s.to_owned(), v.to_owned());
    let total = key("", "", "");
    known.insert(total.clone(), responses(level).expect("a level's total"));
    let segments: Vec<(String, Vec<String>)> = level["by_segment"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(s, vals)| {
                    (
                        s.clone(),
                        vals.as_object().expect("values").keys().cloned().collect(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let periods: Vec<String> = level["by_period"]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let mut sums = vec![(total.clone(), periods.iter().map(|p| key(p, "", "")).collect())];
    // With an audience, the level's figures are the audience's; only the
    // audience's own segment counts everyone (`*`, published nowhere, at
    // most the survey's responses).
    let audience: Option<(String, String)> = d["audience"]["segment"]
        .as_str()
        .zip(d["audience"]["value"].as_str())
        .map(|(a, v)| (a.to_owned(), v.to_owned()));
    let everyone = |p: &str| key(p, "*", "");
    if let Some((a, v)) = &audience {
        unknown.insert(everyone(""), 0.0);
        sums.push((everyone(""), periods.iter().map(|p| everyone(p)).collect()));
        sums.push((total.clone(), vec![key("", a, v)]));
        for p in &periods {
            unknown.insert(everyone(p), 0.0);
            sums.push((key(p, "", ""), vec![key(p, a, v)]));
        }
    }
    let row_total = |p: &str, s: &str| match &audience {
        Some((a, _)) if a == s => everyone(p),
        _ => key(p, "", ""),
    };
    for p in &periods {
        let period = &level["by_period"][p];
        let hidden_period = period.get("hidden").is_some();
        match responses(period) {
            Some(n) => known.insert(key(p, "", ""), n),
            None => unknown.insert(key(p, "", ""), 1.0),
        };
        for (s, values) in &segments {
            sums.push((row_total(p, s), values.iter().map(|v| key(p, s, v)).collect()));
            for v in values {
                let cell = &period["by_segment"][s][v];
                match (hidden_period, responses(cell)) {
                    (true, _) => unknown.insert(key(p, s, v), 0.0),
                    (false, Some(n)) => known.insert(key(p, s, v), n),
                    (false, None) => unknown.insert(key(p, s, v), 1.0),
                };
            }
        }
    }
    for (s, values) in &segments {
        sums.push((row_total("", s), values.iter().map(|v| key("", s, v)).collect()));
        for v in values {
            match responses(&level["by_segment"][s][v]) {
                Some(n) => known.insert(key("", s, v), n),
                None => unknown.insert(key("", s, v), 1.0),
            };
            sums.push((key("", s, v), periods.iter().map(|p| key(p, s, v)).collect()));
        }
    }
    let mut most = BTreeMap::new();
    if audience.is_some() {
        // Everyone is at most the published responses; when the others were
        // too few and left out of that count, fewer than min_group_size more.
        let withheld = d["audience"]["others_withheld"].as_bool().unwrap_or(false);
        let extra = if withheld {
            (min_group_size - 1) as f64
        } else {
            0.0
        };
        most.insert(everyone(""), d["responses"].as_f64().expect("responses") + extra);
    }
    let current = d["current"]["period"].as_str();
    let previous = d["current"]["previous"].as_str();
    for p in &periods {
        // No current period: none has min_group_size respondents; no
        // previous one: none before the current one has.
        let small = match (previous, current) {
            (_, None) => true,
            (Some(a), Some(c)) => p.as_str() > c || (p.as_str() > a && p.as_str() < c),
            (None, Some(c)) => p.as_str() != c,
        };
        if small {
            most.insert(key(p, "", ""), (min_group_size - 1) as f64);
        }
    }
    // The current and previous periods have at least min_group_size
    // respondents (of the audience, with one): this level's too, when it
    // holds every response.
    let everyone_answered = match &audience {
        Some(_) => d["audience"]["responses"].as_f64(),
        None => d["responses"].as_f64(),
    };
    if responses(level) == everyone_answered {
        for p in current.iter().chain(previous.iter()) {
            if let Some(least) = unknown.get_mut(&key(p, "", "")) {
                *least = min_group_size as f64;
            }
        }
    }
    let mut scored = BTreeMap::new();
    scored.extend(score_sum(level).map(|s| (total.clone(), s)));
    for p in &periods {
        let period = &level["by_period"][p];
        scored.extend(score_sum(period).map(|s| (key(p, "", ""), s)));
        for (s, values) in &segments {
            for v in values {
                scored.extend(score_sum(&period["by_segment"][s][v]).map(|x| (key(p, s, v), x)));
            }
        }
    }
    for (s, values) in &segments {
        for v in values {
            scored.extend(score_sum(&level["by_segment"][s][v]).map(|x| (key("", s, v), x)));
        }
    }
    rule_bounds(
        &known,
        &unknown,
        &mut most,
        &sums,
        &total,
        audience.as_ref(),
        min_group_size,
    );
    Level {
        known,
        unknown,
        most,
        scored,
        sums,
        ties: Vec::new(),
    }
}

/// Every level of a published data.json as one: levels share respondents,
/// so each cell of a level is at most the same cell of a level that every
/// respondent answered (whose total is the survey's), the rest unknown.
/// Keys get their level's index before the period.
fn read_all(d: &Value, min_group_size: u64) -> Level {
    let levels = d["levels"].as_array().map_or(0, Vec::len);
    let everyone = d["audience"]["responses"].as_f64().or(d["responses"].as_f64());
    let full = (0..levels).find(|&l| responses(&d["levels"][l]) == everyone);
    let tag = |l: usize, k: &Key| (format!("{l}|{}", k.0), k.1.clone(), k.2.clone());
    let mut all = Level {
        known: BTreeMap::new(),
        unknown: BTreeMap::new(),
        most: BTreeMap::new(),
        scored: BTreeMap::new(),
        sums: Vec::new(),
        ties: Vec::new(),
    };
    for l in 0..levels {
        let level = read(d, l, min_group_size);
        all.known.extend(level.known.iter().map(|(k, &v)| (tag(l, k), v)));
        all.unknown
            .extend(level.unknown.iter().map(|(k, &v)| (tag(l, k), v)));
        all.most.extend(level.most.iter().map(|(k, &v)| (tag(l, k), v)));
        all.scored
            .extend(level.scored.iter().map(|(k, &v)| (tag(l, k), v)));
        all.sums.extend(
            level
                .sums
                .iter()
                .map(|(t, parts)| (tag(l, t), parts.iter().map(|p| tag(l, p)).collect())),
        );
        let Some(f) = full.filter(|&f| f != l) else {
            continue;
        };
        for k in level.known.keys().chain(level.unknown.keys()) {
            let rest = (format!("{l}|rest|{}", k.0), k.1.clone(), k.2.clone());
            all.unknown.insert(rest.clone(), 0.0);
            all.ties.push((tag(f, k), vec![tag(l, k), rest]));
        }
    }
    all
}

/// What the published rule tells of each hidden cell: a cell hidden to
/// protect another was the published cell with the fewest respondents in
/// one of its sums, so it is at most the least cell still shown there that
/// could have been hidden instead; a small one is at most
/// `min_group_size - 1`. Not knowing which, the attacker takes the larger
/// of these over the cell's sums. A level's total, a cell that is the
/// total by another name (a sum of one part), and the audience's own
/// cells are never hidden.
fn rule_bounds(
    known: &BTreeMap<Key, f64>,
    unknown: &BTreeMap<Key, f64>,
    most: &mut BTreeMap<Key, f64>,
    sums: &[(Key, Vec<Key>)],
    total: &Key,
    audience: Option<&(String, String)>,
    min_group_size: u64,
) {
    // A sum of one part makes two names for one cell: the total's other
    // name is never hidden either, and what bounds one name bounds both.
    let ones: Vec<(&Key, &Key)> = sums
        .iter()
        .filter(|(_, parts)| parts.len() == 1)
        .map(|(t, parts)| (t, &parts[0]))
        .collect();
    let names = |k: &Key| {
        let mut class = vec![k.clone()];
        let mut i = 0;
        while i < class.len() {
            for &(a, b) in &ones {
                for (x, y) in [(a, b), (b, a)] {
                    if *x == class[i] && !class.contains(y) {
                        class.push(y.clone());
                    }
                }
            }
            i += 1;
        }
        class
    };
    // The audience's own cells are the level's figures: never hidden.
    let fixed = names(total);
    let audience_cell = |k: &Key| audience.is_some_and(|(a, v)| &k.1 == a && &k.2 == v);
    let could_hide =
        |k: &Key| !fixed.contains(k) && !audience_cell(k) && known.get(k).is_some_and(|&n| n > 0.0);
    for (k, &least) in unknown {
        if least < 1.0 {
            continue; // inside a hidden period
        }
        let class = names(k);
        let mut bound: f64 = 0.0;
        let touching = |(t, parts): &&(Key, Vec<Key>)| {
            parts.len() > 1 && class.iter().any(|c| t == c || parts.contains(c))
        };
        for (t, parts) in sums.iter().filter(touching) {
            let shown = std::iter::once(t)
                .chain(parts)
                .filter(|c| could_hide(c))
                .map(|c| known[c])
                .fold(f64::INFINITY, f64::min);
            bound = bound.max(shown.max((min_group_size - 1) as f64));
        }
        if bound.is_finite() && bound > 0.0 {
            let m = most.entry(k.clone()).or_insert(f64::INFINITY);
            *m = m.min(bound);
        }
    }
}

/// The attacker's least or most for `target`: `None` when unbounded.
fn extreme(level: &Level, target: &Key, direction: OptimizationDirection) -> Option<f64> {
    let mut problem = Problem::new(direction);
    let vars: BTreeMap<&Key, _> = level
        .unknown
        .iter()
        .map(|(k, &least)| {
            let most = level.most.get(k).copied().unwrap_or(f64::INFINITY);
            (
                k,
                problem.add_var(if k == target { 1.0 } else { 0.0 }, (least, most)),
            )
        })
        .collect();
    // Each unknown's score sum, from 0 to 100 a respondent.
    let sums: BTreeMap<&Key, _> = vars
        .iter()
        .map(|(k, &x)| {
            let s = problem.add_var(0.0, (0.0, f64::INFINITY));
            problem.add_constraint([(s, 1.0), (x, -100.0)].as_slice(), ComparisonOp::Le, 0.0);
            (*k, s)
        })
        .collect();
    for (total, parts) in &level.sums {
        let cells = || std::iter::once((total, -1.0)).chain(parts.iter().map(|p| (p, 1.0)));
        let mut terms = Vec::new();
        let mut rhs = 0.0;
        for (k, sign) in cells() {
            match vars.get(k) {
                Some(&v) => terms.push((v, sign)),
                None => rhs -= sign * level.known.get(k).copied().unwrap_or(0.0),
            }
        }
        if !terms.is_empty() {
            problem.add_constraint(terms.as_slice(), ComparisonOp::Eq, rhs);
        }
        // The same sum over score sums, when every known cell has one.
        let mut terms = Vec::new();
        let mut rhs = Some(0.0);
        for (k, sign) in cells() {
            match sums.get(k) {
                Some(&v) => terms.push((v, sign)),
                None => rhs = rhs.zip(level.scored.get(k)).map(|(r, s)| r - sign * s),
            }
        }
        if let (Some(rhs), false) = (rhs, terms.is_empty()) {
            problem.add_constraint(terms.as_slice(), ComparisonOp::Le, rhs + 1e-3);
            problem.add_constraint(terms.as_slice(), ComparisonOp::Ge, rhs - 1e-3);
        }
    }
    for (total, parts) in &level.ties {
        let mut terms = Vec::new();
        let mut rhs = 0.0;
        for (k, sign) in std::iter::once((total, -1.0)).chain(parts.iter().map(|p| (p, 1.0))) {
            match vars.get(k) {
                Some(&v) => terms.push((v, sign)),
                None => rhs -= sign * level.known.get(k).copied().unwrap_or(0.0),
            }
        }
        if !terms.is_empty() {
            problem.add_constraint(terms.as_slice(), ComparisonOp::Eq, rhs);
        }
    }
    match problem.solve() {
        Ok(outcome) => Some(outcome.into_solution().expect("solved").objective()),
        Err(microlp::Error::Unbounded) => None,
        Err(e) => panic!("the published figures are inconsistent: {e:?}"),
    }
}

/// Every hidden cell the attacker narrows more than the rule allows, with
/// its truth and range.
fn narrowed(published: &Value, truth: &Value, min_group_size: u64) -> Vec<String> {
    let mut found = Vec::new();
    let mut level = read_all(published, min_group_size);
    let whole = read_all(truth, 1);
    // A cell hidden in one level is hidden in all, so a cell may be hidden
    // by another level's rule: its own level's bound may not hold. The
    // attacker here keeps every bound the truth does not break, as if it
    // knew which rule hid each cell.
    level
        .most
        .retain(|k, most| whole.known.get(k).is_none_or(|&n| n <= *most));
    for (k, &least) in &level.unknown {
        if least == 0.0 {
            continue; // inside a hidden period, or never published
        }
        let true_count = whole.known.get(k).copied().unwrap_or(0.0) as u64;
        let (Some(lo), hi) = (
            extreme(&level, k, OptimizationDirection::Minimize),
            extreme(&level, k, OptimizationDirection::Maximize),
        ) else {
            continue;
        };
        let Some(hi) = hi else { continue };
        let width = ((hi + 1e-6).floor() - (lo - 1e-6).ceil()) as u64;
        let safe = if true_count < min_group_size {
            width + 2 >= min_group_size
        } else {
            width >= min_group_size
        };
        if !safe {
            found.push(format!("{k:?}: {true_count} respondents, narrowed to {lo}..{hi}"));
        }
    }
    found
}

fn data(site: &std::path::Path) -> Value {
    serde_json::from_slice(&std::fs::read(site.join("support/data.json")).expect("data.json")).expect("JSON")
}

/// The survey of these tests: one level, one yes/no question, a segment
/// `group` with the given values, quarterly unless `period` says otherwise.
fn survey(values: &[&str], period: &str) -> String {
    let values: Vec<String> = values.iter().map(|v| format!("{v}: {v}")).collect();
    let period = period.replace('+', "\naudience: { group: a }\n");
    format!(
        "title: Support\nlanguages: [en]\nperiod: {period}\nlevels:\n  - id: accuracy\n    name: Accuracy\n\
         segments:\n  group:\n    name: Group\n    values: {{ {} }}\n\
         questions:\n  - id: ok\n    level: accuracy\n    type: yes_no\n",
        values.join(", ")
    )
}

/// Responses: (date, group or "" for none, yes).
fn responses_yaml(rows: &[(String, String, bool)]) -> String {
    rows.iter()
        .map(|(date, group, yes)| {
            let segment = if group.is_empty() {
                String::new()
            } else {
                format!("  segment: {{ group: {group} }}\n")
            };
            format!("- submitted: {date}\n{segment}  answers: {{ ok: {yes} }}\n")
        })
        .collect()
}

/// Builds the project with `min_group_size` and with 1; returns what the
/// attacker narrows, and the published data.json.
fn attack(
    values: &[&str],
    period: &str,
    rows: &[(String, String, bool)],
    min_group_size: u64,
) -> (Vec<String>, Value) {
    let build = |m: u64| {
        let project = Project::empty()
            .file("rapport.yaml", format!("min_group_size: {m}\n"))
            .survey("support", &survey(values, period))
            .responses("support", "a.yaml", responses_yaml(rows));
        let site = project.build();
        data(&site)
    };
    let published = build(min_group_size);
    let truth = build(1);
    (narrowed(&published, &truth, min_group_size), published)
}

/// How many hidden cells `rapport check` reports it could not protect in
/// the project of [`attack`] (a level whose own total is too small for its
/// cells): those are told, not hidden.
fn unprotected(values: &[&str], period: &str, rows: &[(String, String, bool)], min_group_size: u64) -> u64 {
    let project = Project::empty()
        .file("rapport.yaml", format!("min_group_size: {min_group_size}\n"))
        .survey("support", &survey(values, period))
        .responses("support", "a.yaml", responses_yaml(rows));
    let out = crate::support::rapport(project.root())
        .args(["check", "--format", "json"])
        .output()
        .expect("check runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    report["privacy"]["unprotected_cells"].as_u64().expect("a count")
}

/// `n` responses on `date` in `group`.
fn many(n: usize, date: &str, group: &str) -> Vec<(String, String, bool)> {
    (0..n)
        .map(|i| (date.to_owned(), group.to_owned(), i % 2 == 0))
        .collect()
}

/// The responses of a random table: `cells[p][g]` respondents on
/// `dates[p]` in group `values[g]`, and after the last group, respondents
/// without one.
fn table_rows(cells: &[Vec<usize>], values: &[&str], dates: &[&str]) -> Vec<(String, String, bool)> {
    let mut rows = Vec::new();
    for (p, counts) in cells.iter().enumerate() {
        for (g, &n) in counts.iter().take(values.len() + 1).enumerate() {
            rows.extend(many(n, dates[p], values.get(g).copied().unwrap_or("")));
        }
    }
    rows
}

fn hidden(cell: &Value) -> bool {
    cell.get("hidden").is_some()
}

#[test]
fn the_rule_that_picks_a_protecting_cell_gives_nothing_away() {
    // a 4 is small; b 5 protects it, the least other (before c, also 5).
    // Knowing the rule, b is at most c's 5 and at least 5, not being
    // small; a + b = 34 - 25 = 9 leaves a at 4 or 5. c must go too.
    let mut rows = many(4, "2026-09-01", "a");
    rows.extend(many(5, "2026-09-02", "b"));
    rows.extend(many(5, "2026-09-03", "c"));
    rows.extend(many(20, "2026-09-04", "d"));
    let (found, d) = attack(&["a", "b", "c", "d"], "quarter", &rows, 5);
    assert!(found.is_empty(), "{found:#?}");
    let group = &d["levels"][0]["by_segment"]["group"];
    assert!(
        hidden(&group["a"]) && hidden(&group["b"]) && hidden(&group["c"]),
        "{group}"
    );
    assert!(!hidden(&group["d"]));
}

#[test]
fn a_current_period_without_a_previous_one_says_the_earlier_ones_are_small() {
    // The current period is the latest with 5 respondents; with no
    // previous one, every period before it has fewer: Q2 is at most 4.
    let mut rows = many(3, "2026-05-01", "a");
    rows.extend(many(9, "2026-08-01", "a"));
    let (found, d) = attack(&["a", "b"], "quarter", &rows, 5);
    assert_eq!(d["current"]["previous"], Value::Null);
    // Q2 and Q3 add up to the level's 12: with Q2 at most 4, Q3 is 8 to
    // 11, whatever is hidden. rapport cannot protect it, and says so.
    assert!(!found.is_empty());
    assert!(unprotected(&["a", "b"], "quarter", &rows, 5) > 0, "{found:#?}");
}

#[test]
fn the_current_and_previous_periods_have_at_least_min_group_size() {
    // 2, 5 and 5 respondents: Q2 is hidden as small and Q3 to protect it;
    // Q3, the previous period, has at least 5, so Q2 would be 1 or 2.
    let mut rows = many(2, "2026-05-01", "a");
    rows.extend(many(5, "2026-08-01", "a"));
    rows.extend(many(5, "2026-11-01", "a"));
    let (found, d) = attack(&["a", "b"], "quarter", &rows, 5);
    assert_eq!(d["current"]["previous"], "2026-Q3");
    assert!(
        found.is_empty() || unprotected(&["a", "b"], "quarter", &rows, 5) > 0,
        "{found:#?}"
    );
}

#[test]
fn with_an_audience_the_current_and_previous_periods_have_as_many_of_it() {
    // Customers (a): 2, 5 and 5; ten staff (b) each quarter. The current
    // period counts customers alone, so Q3 has at least 5 of them.
    let mut rows = Vec::new();
    for (date, a) in [("2026-05-01", 2), ("2026-08-01", 5), ("2026-11-01", 5)] {
        rows.extend(many(a, date, "a"));
        rows.extend(many(10, date, "b"));
    }
    let (found, d) = attack(&["a", "b"], "quarter+", &rows, 5);
    assert_eq!(d["current"]["previous"], "2026-Q3");
    assert!(
        found.is_empty() || unprotected(&["a", "b"], "quarter+", &rows, 5) > 0,
        "{found:#?}"
    );
}

#[test]
fn two_small_cells_that_protect_each_other_are_not_left_at_one_each() {
    // a 18, b 1, c 1: b and c hide each other, but add up to 2.
    let mut rows = many(18, "2026-09-01", "a");
    rows.extend(many(1, "2026-09-02", "b"));
    rows.extend(many(1, "2026-09-03", "c"));
    let (found, d) = attack(&["a", "b", "c"], "quarter", &rows, 5);
    assert!(found.is_empty(), "{found:#?}");
    assert!(hidden(&d["levels"][0]["by_segment"]["group"]["a"]), "a goes too");
}

#[test]
fn a_protecting_cell_published_in_every_period_does_not_give_the_small_one_away() {
    // b: 6 in each of three quarters (18 overall), c: 2 overall.
    let mut rows = Vec::new();
    for (q, date) in ["2026-02-01", "2026-05-01", "2026-08-01"].iter().enumerate() {
        rows.extend(many(20, date, "a"));
        rows.extend(many(6, date, "b"));
        if q < 2 {
            rows.extend(many(1, date, "c"));
        }
    }
    let (found, _) = attack(&["a", "b", "c"], "quarter", &rows, 5);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn hidden_cells_joined_by_a_bridge_are_not_solved() {
    // Two periods, three groups; small cells in different rows and columns.
    let mut rows = Vec::new();
    rows.extend(many(12, "2026-02-01", "a"));
    rows.extend(many(2, "2026-02-01", "b"));
    rows.extend(many(9, "2026-02-01", "c"));
    rows.extend(many(11, "2026-05-01", "a"));
    rows.extend(many(8, "2026-05-01", "b"));
    rows.extend(many(3, "2026-05-01", "c"));
    let (found, _) = attack(&["a", "b", "c"], "quarter", &rows, 5);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn respondents_without_a_value_are_a_cell_protected_like_the_others() {
    let mut rows = Vec::new();
    for date in ["2026-02-01", "2026-05-01", "2026-08-01"] {
        rows.extend(many(10, date, "a"));
        rows.extend(many(9, date, "b"));
        rows.extend(many(2, date, ""));
    }
    let (found, d) = attack(&["a", "b"], "quarter", &rows, 5);
    assert!(found.is_empty(), "{found:#?}");
    let q1 = &d["levels"][0]["by_period"]["2026-Q1"];
    assert!(hidden(q1) || hidden(&q1["by_segment"]["group"]["_none"]));
}

#[test]
fn the_current_period_does_not_give_later_small_periods_away() {
    // 10, 4 and 4 respondents a year: the current period is 2023, so 2024
    // and 2025 have fewer than 5 each, and they add up to 8.
    let mut rows = many(10, "2023-06-01", "a");
    rows.extend(many(4, "2024-06-01", "a"));
    rows.extend(many(4, "2025-06-01", "a"));
    let (found, _) = attack(&["a"], "year", &rows, 5);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn scores_times_counts_do_not_pin_a_hidden_count() {
    // 2025: north 3, south 10, all yes; 2026: north 6, south 10, all no.
    // North overall (9) scores 33.3: three yes, all in 2025.
    let yes = |n: usize, date: &str, group: &str| -> Vec<(String, String, bool)> {
        (0..n)
            .map(|_| (date.to_owned(), group.to_owned(), true))
            .collect()
    };
    let no = |n: usize, date: &str, group: &str| -> Vec<(String, String, bool)> {
        (0..n)
            .map(|_| (date.to_owned(), group.to_owned(), false))
            .collect()
    };
    let mut rows = yes(3, "2025-06-01", "north");
    rows.extend(yes(10, "2025-06-01", "south"));
    rows.extend(no(6, "2026-06-01", "north"));
    rows.extend(no(10, "2026-06-01", "south"));
    let (found, _) = attack(&["north", "south"], "year", &rows, 5);
    assert!(found.is_empty(), "{found:#?}");
}

/// The places of a level's hidden cells: periods, period cells and
/// overall cells.
fn hidden_places(level: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (p, period) in level["by_period"].as_object().expect("periods") {
        if hidden(period) {
            out.push(p.clone());
            continue;
        }
        for (s, row) in period["by_segment"].as_object().expect("segments") {
            for (v, cell) in row.as_object().expect("values") {
                if hidden(cell) {
                    out.push(format!("{p} {s}={v}"));
                }
            }
        }
    }
    for (s, row) in level["by_segment"].as_object().expect("segments") {
        for (v, cell) in row.as_object().expect("values") {
            if hidden(cell) {
                out.push(format!("{s}={v}"));
            }
        }
    }
    out
}

#[test]
fn levels_everyone_answered_hide_the_same_cells() {
    // As above, with a second level of two questions that everyone
    // answered: its cells count the same people as the first level's, so
    // what the first hides for its scores' sake, the second must hide too.
    let survey = survey(&["north", "south"], "year")
        .replace(
            "    name: Accuracy\n",
            "    name: Accuracy\n  - id: availability\n    name: Availability\n",
        )
        .replace(
            "questions:\n",
            "questions:\n  - id: fast\n    level: availability\n    type: yes_no\n  - id: kind\n    level: availability\n    type: yes_no\n",
        );
    let mut yaml = String::new();
    for (n, date, group, ok) in [
        (3, "2025-06-01", "north", true),
        (10, "2025-06-01", "south", true),
        (6, "2026-06-01", "north", false),
        (10, "2026-06-01", "south", false),
    ] {
        for i in 0..n {
            yaml.push_str(&format!(
                "- submitted: {date}\n  segment: {{ group: {group} }}\n  answers: {{ ok: {ok}, fast: {}, kind: yes }}\n",
                i % 2 == 0
            ));
        }
    }
    let project = Project::empty()
        .survey("support", &survey)
        .responses("support", "a.yaml", yaml);
    let d = data(&project.build());
    let (first, second) = (hidden_places(&d["levels"][0]), hidden_places(&d["levels"][1]));
    assert!(
        first.len() > 2,
        "the scores hide more than the small cell: {first:?}"
    );
    assert_eq!(first, second);
}

/// What a reader works out of a published cell of a one-question level:
/// its count, its sum of scores, and from its 95 % interval (score ± t ·
/// s / √n) its sum of squared scores.
fn moments(cell: &Value) -> Option<(f64, f64, f64)> {
    use statrs::distribution::{ContinuousCDF, StudentsT};
    let n = responses(cell)?;
    let mean = cell.get("score")?.as_f64()?;
    if n == 1.0 {
        return Some((n, mean, mean * mean));
    }
    let ci = cell.get("ci95")?.as_array()?;
    let (low, high) = (ci[0].as_f64()?, ci[1].as_f64()?);
    let half = (mean - low).max(high - mean);
    let t = StudentsT::new(0.0, 1.0, n - 1.0).ok()?.inverse_cdf(0.975);
    let s = half * n.sqrt() / t;
    Some((n, mean * n, (n - 1.0) * s * s + n * mean * mean))
}

#[test]
fn intervals_do_not_tell_that_hidden_respondents_all_answered_alike() {
    // One five-point question: x has one respondent (3), y six (all 3), z
    // ten (1, 2, 4, 5, 5, twice). The level's and z's intervals give the
    // hidden respondents' sum of squares: with x and y hidden and z shown,
    // their spread would be nil, and both scores exactly 50.
    let survey = "title: S\nlanguages: [en]\nperiod: quarter\nscales:\n  five:\n    labels: [a, b, c, d, e]\n\
                  levels:\n  - id: la\n    name: LA\nsegments:\n  group:\n    name: Group\n    values: { x: x, y: y, z: z }\n\
                  questions:\n  - id: qa\n    level: la\n    type: scale\n    scale: five\n";
    let mut yaml = String::new();
    let answers = [
        ("x", vec![3]),
        ("y", vec![3; 6]),
        ("z", vec![1, 2, 4, 5, 5, 1, 2, 4, 5, 5]),
    ];
    for (group, values) in answers {
        for v in values {
            yaml.push_str(&format!(
                "- submitted: 2026-02-01\n  segment: {{ group: {group} }}\n  answers: {{ qa: {v} }}\n"
            ));
        }
    }
    let project = Project::empty()
        .survey("support", survey)
        .responses("support", "a.yaml", yaml);
    let d = data(&project.build());
    let level = &d["levels"][0];
    let row = level["by_segment"]["group"].as_object().expect("groups");
    let (mut n, mut sum, mut squares) = moments(level).expect("the level's figures");
    let mut hidden_cells = 0;
    for cell in row.values() {
        match moments(cell) {
            Some((cn, cs, cq)) => (n, sum, squares) = (n - cn, sum - cs, squares - cq),
            None => hidden_cells += 1,
        }
    }
    assert!(hidden_cells >= 2, "{row:?}");
    // What the hidden cells hold together: their scores' spread.
    let spread = squares / n - (sum / n).powi(2);
    assert!(
        spread > 1.0,
        "every hidden respondent scored {}: {row:?}",
        sum / n
    );
}

#[test]
fn a_one_person_week_is_hidden_and_cannot_be_worked_out() {
    let mut rows = Vec::new();
    rows.extend(many(7, "2026-09-07", "a"));
    rows.extend(many(1, "2026-09-14", "a"));
    rows.extend(many(8, "2026-09-21", "a"));
    rows.extend(many(9, "2026-09-28", "a"));
    let (found, d) = attack(&["a"], "week", &rows, 5);
    assert!(found.is_empty(), "{found:#?}");
    let week = &d["levels"][0]["by_period"]["2026-W38"];
    assert!(hidden(week), "{week}");
    assert!(!serde_json::to_string(week).expect("JSON").contains("score"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Random tables: 1 to 4 quarters, 2 to 4 groups and respondents
    /// without one, each cell 0 to 12 respondents, 10 in all at least;
    /// half of them with group `a` as the audience.
    #[test]
    fn no_hidden_cell_of_a_random_table_can_be_narrowed(
        cells in prop::collection::vec(prop::collection::vec(0usize..13, 5), 1..5),
        groups in 2usize..5,
        audience in any::<bool>(),
    ) {
        let values = ["a", "b", "c", "d"];
        let dates = ["2026-02-01", "2026-05-01", "2026-08-01", "2026-11-01"];
        let rows = table_rows(&cells, &values[..groups], &dates);
        // Below twice min_group_size respondents, the level's own total
        // (always published) bounds its cells, whatever is hidden; `check`
        // says so.
        prop_assume!(rows.len() >= 10);
        // `quarter+`: quarterly, with `a` as the audience, whose total is
        // then the level's and must be as large.
        let period = if audience { "quarter+" } else { "quarter" };
        prop_assume!(!audience || rows.iter().filter(|r| r.1 == "a").count() >= 10);
        let (found, _) = attack(&values[..groups], period, &rows, 5);
        // What rapport cannot protect, it must say.
        prop_assert!(
            found.is_empty() || unprotected(&values[..groups], period, &rows, 5) > 0,
            "{:#?}",
            found
        );
    }

    /// The same with a second level that some respondents skip: its cells
    /// are at most the first level's, which everyone answered.
    #[test]
    fn no_hidden_cell_of_two_levels_sharing_respondents_can_be_narrowed(
        cells in prop::collection::vec(prop::collection::vec(0usize..13, 5), 1..4),
        groups in 2usize..4,
        skip in 2usize..9,
    ) {
        let values = ["a", "b", "c"];
        let dates = ["2026-02-01", "2026-05-01", "2026-08-01"];
        let rows = table_rows(&cells, &values[..groups], &dates);
        prop_assume!(rows.len() >= 10);
        let (found, unprotected) = attack_two_levels(&values[..groups], "quarter", &rows, skip);
        prop_assert!(found.is_empty() || unprotected > 0, "{:#?}", found);
    }
}

/// The project of [`attack`] with a second level (`fast`, yes/no) that the
/// respondents whose index is a multiple of `skip` do not answer; returns
/// what the attacker narrows and how many cells `check` says it could not
/// protect.
fn attack_two_levels(
    values: &[&str],
    period: &str,
    rows: &[(String, String, bool)],
    skip: usize,
) -> (Vec<String>, u64) {
    let survey = survey(values, period)
        .replace(
            "    name: Accuracy\n",
            "    name: Accuracy\n  - id: availability\n    name: Availability\n",
        )
        .replace(
            "questions:\n",
            "questions:\n  - id: fast\n    level: availability\n    type: yes_no\n",
        );
    let yaml: String = rows
        .iter()
        .enumerate()
        .map(|(i, (date, group, yes))| {
            let segment = if group.is_empty() {
                String::new()
            } else {
                format!("  segment: {{ group: {group} }}\n")
            };
            let fast = if i % skip == 0 {
                String::new()
            } else {
                format!(", fast: {}", i % 3 == 0)
            };
            format!("- submitted: {date}\n{segment}  answers: {{ ok: {yes}{fast} }}\n")
        })
        .collect();
    let project = |m: u64| {
        Project::empty()
            .file("rapport.yaml", format!("min_group_size: {m}\n"))
            .survey("support", &survey)
            .responses("support", "a.yaml", yaml.as_str())
    };
    let published = project(5);
    let d = data(&published.build());
    let truth = data(&project(1).build());
    let out = crate::support::rapport(published.root())
        .args(["check", "--format", "json"])
        .output()
        .expect("check runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let unprotected = report["privacy"]["unprotected_cells"].as_u64().expect("a count");
    (narrowed(&d, &truth, 5), unprotected)
}

/// A survey with an audience (`group: customer`) and a second segment,
/// `region`: the region breakdown counts customers only.
fn audience_survey() -> String {
    r#"title: Support
languages: [en]
period: year
audience: { group: customer }
levels:
  - id: accuracy
    name: Accuracy
segments:
  group:
    name: Group
    values: { customer: Customer, staff: Staff, partner: Partner }
  region:
    name: Region
    values: { north: North, south: South, east: East }
questions:
  - id: ok
    level: accuracy
    type: yes_no
"#
    .to_owned()
}

fn audience_build(rows: &[(&str, &str, usize)]) -> Value {
    let mut yaml = String::new();
    for (group, region, n) in rows {
        for i in 0..*n {
            let mut segment = format!("group: {group}");
            if !region.is_empty() {
                segment.push_str(&format!(", region: {region}"));
            }
            if group.is_empty() {
                segment = format!("region: {region}");
            }
            yaml.push_str(&format!(
                "- submitted: 2026-0{}-01\n  segment: {{ {segment} }}\n  answers: {{ ok: {} }}\n",
                1 + i % 2,
                i % 2 == 0
            ));
        }
    }
    let project = Project::empty()
        .survey("support", &audience_survey())
        .responses("support", "a.yaml", yaml);
    data(&project.build())
}

#[test]
fn a_second_segment_beside_an_audience_adds_up_to_the_audience() {
    // Customers by region: north 1, south 1, east 6; ten staff. The two
    // small regions add up to the level's 8 minus east's 6: east goes too.
    let d = audience_build(&[
        ("customer", "north", 1),
        ("customer", "south", 1),
        ("customer", "east", 6),
        ("staff", "east", 10),
    ]);
    let region = &d["levels"][0]["by_segment"]["region"];
    assert!(hidden(&region["north"]) && hidden(&region["south"]), "{region}");
    assert!(
        hidden(&region["east"]),
        "east would give north and south away: {region}"
    );
}

#[test]
fn respondents_without_a_group_are_hidden_in_the_gap_where_the_breakdown_hides_them() {
    // 20 customers, 3 staff, 7 without a group: staff is small, and the
    // unnamed cell is hidden to protect it; the gap must not show it.
    let d = audience_build(&[("customer", "east", 20), ("staff", "east", 3), ("", "east", 7)]);
    let level = &d["levels"][0];
    assert!(hidden(&level["by_segment"]["group"]["staff"]));
    if hidden(&level["by_segment"]["group"]["_none"]) {
        assert!(hidden(&level["gap"]["_none"]), "{}", level["gap"]);
        assert!(
            hidden(&level["questions"][0]["gap"]["_none"]),
            "{}",
            level["questions"][0]["gap"]
        );
    }
}

#[test]
fn too_few_others_beside_the_audience_are_left_out_of_the_count() {
    // 12 customers and 3 staff: everyone's 15 less the customers' 12 would
    // say the hidden staff cell is exactly 3.
    let yaml: String = (0..12)
        .map(|_| {
            "- submitted: 2026-01-01\n  segment: { group: customer }\n  answers: { ok: yes }\n".to_owned()
        })
        .chain((0..3).map(|_| {
            "- submitted: 2026-01-01\n  segment: { group: staff }\n  answers: { ok: no }\n".to_owned()
        }))
        .collect();
    let project = Project::empty()
        .survey("support", &audience_survey())
        .responses("support", "a.yaml", yaml);
    let site = project.build();
    let d = data(&site);
    assert_eq!(d["responses"], 12);
    assert_eq!(d["audience"]["others_withheld"], true);
    assert!(hidden(&d["levels"][0]["by_segment"]["group"]["staff"]));
    let page = std::fs::read_to_string(site.join("support/index.html")).expect("the page");
    assert!(
        page.contains("12 responses. Fewer than 5 others answered"),
        "{page}"
    );
    let mut truth = d.clone();
    truth["levels"][0]["by_segment"]["group"]["staff"] = serde_json::json!({ "responses": 3 });
    let found = narrowed(&d, &truth, 5);
    assert!(found.is_empty(), "{found:#?}");
    let out = crate::support::rapport(project.root())
        .args(["check", "--format", "json"])
        .output()
        .expect("check runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["privacy"]["unprotected_cells"], 0);
}

#[test]
fn too_few_others_are_left_out_of_a_free_text_question_too() {
    // 12 customers and 3 staff, as above, and a free-text question: its 15
    // answers would say what the top-level count leaves out.
    let survey = format!(
        "{}  - id: say\n    type: text\n    publish: true\n",
        audience_survey()
    );
    let build = |staff_say: bool| {
        let customers = (0..12).map(|i| {
            format!(
                "- submitted: 2026-01-01\n  segment: {{ group: customer }}\n  answers: {{ ok: yes, say: \"fine {}\" }}\n",
                i % 3
            )
        });
        let staff = (0..3).map(|_| {
            let say = if staff_say { ", say: slow" } else { "" };
            format!("- submitted: 2026-01-01\n  segment: {{ group: staff }}\n  answers: {{ ok: no{say} }}\n")
        });
        let project = Project::empty().survey("support", &survey).responses(
            "support",
            "a.yaml",
            customers.chain(staff).collect::<String>(),
        );
        let site = project.build();
        let page = std::fs::read_to_string(site.join("support/index.html")).expect("the page");
        (data(&site), page)
    };
    let (d, page) = build(true);
    assert_eq!(d["audience"]["others_withheld"], true);
    assert_eq!(d["text_questions"][0]["answers"], 12, "{}", d["text_questions"]);
    assert!(!page.contains("slow") && !page.contains("fine 1"), "{page}");
    // When none of the others wrote anything, the answers are the audience's.
    let (d, page) = build(false);
    assert_eq!(d["text_questions"][0]["answers"], 12);
    assert!(
        page.contains("fine 1") && page.contains("12 answers in all"),
        "{page}"
    );
}

#[test]
fn a_period_only_the_withheld_others_answered_is_not_listed() {
    // 10 customers in the first quarter, 2 staff in the third: listing the
    // third quarter, or its day, would say when the withheld staff answered.
    let survey = audience_survey().replace("period: year", "period: quarter");
    let customers = (0..10).map(|_| {
        "- submitted: 2026-02-01\n  segment: { group: customer }\n  answers: { ok: yes }\n".to_owned()
    });
    let staff = (0..2)
        .map(|_| "- submitted: 2026-08-17\n  segment: { group: staff }\n  answers: { ok: no }\n".to_owned());
    let project = Project::empty().survey("support", &survey).responses(
        "support",
        "a.yaml",
        customers.chain(staff).collect::<String>(),
    );
    let site = project.build();
    let d = data(&site);
    assert_eq!(d["audience"]["others_withheld"], true);
    assert_eq!(d["periods"], serde_json::json!(["2026-Q1"]));
    let by_period = d["levels"][0]["by_period"].as_object().expect("periods");
    assert_eq!(by_period.keys().collect::<Vec<_>>(), ["2026-Q1"]);
    let page = std::fs::read_to_string(site.join("support/index.html")).expect("the page");
    assert!(
        !page.contains("2026-08-17") && !page.contains("3rd quarter"),
        "{page}"
    );
}

#[test]
fn check_reports_a_hidden_cell_nothing_bounds() {
    // Respondents without a group, beside an audience: everyone's total is
    // published nowhere, so some hidden cells have no upper bound at all.
    let yaml: String = (0..20)
        .map(|_| {
            "- submitted: 2026-01-01\n  segment: { group: customer }\n  answers: { ok: yes }\n".to_owned()
        })
        .chain((0..3).map(|_| {
            "- submitted: 2026-01-01\n  segment: { group: staff }\n  answers: { ok: no }\n".to_owned()
        }))
        .chain((0..7).map(|_| "- submitted: 2026-01-01\n  answers: { ok: no }\n".to_owned()))
        .collect();
    let project = Project::empty()
        .survey("support", &audience_survey())
        .responses("support", "a.yaml", yaml);
    let out = crate::support::rapport(project.root())
        .arg("check")
        .output()
        .expect("check runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("privacy: 2 breakdown cells hidden"), "{stderr}");
}
