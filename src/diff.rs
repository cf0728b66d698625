//! `rapport diff`: what moved between two built sites, in words.
//!
//! A pull request that adds responses or edits a survey changes the report,
//! but a built site is far too big to review by eye. This module reads the
//! `data.json` of every survey in two site folders (a base, such as the site
//! built from the main branch, and the new one) and describes what a reader of
//! the report would notice, as Markdown fit for a pull-request comment: the
//! number of responses, the overall score, level scores and targets, the focus
//! level, and breakdown cells that privacy newly hides or no longer hides.
//!
//! Scores are compared as the report shows them, rounded to one decimal: a
//! level is mentioned when its rounded score changed, when its target changed,
//! or when it started or stopped meeting its target. The output depends on
//! nothing but the two sites' data.json files: surveys come in sorted order,
//! levels and breakdown cells in the order data.json lists them.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// The heading every comparison starts with.
const HEADING: &str = "## rapport: what changed";
/// The minus sign of negative numbers and deltas (not a hyphen).
const MINUS: char = '\u{2212}';

/// Compares two built sites' data.json files and describes what moved, as Markdown.
///
/// Every `<site>/<survey>/data.json` of either folder is read; a folder
/// without a data.json (or a file) beside the surveys is not a survey and is
/// skipped. Surveys that did not change are left out, and when none changed
/// the text says so.
pub fn diff(base: &Path, new: &Path) -> Result<String, DiffError> {
    let base = read_site(base)?;
    let new = read_site(new)?;
    let ids: BTreeSet<&String> = base.keys().chain(new.keys()).collect();
    let mut out = format!("{HEADING}\n");
    let mut changed = false;
    for id in ids {
        let lines = match (base.get(id), new.get(id)) {
            (Some(before), Some(after)) => compare(before, after),
            (None, Some(after)) => vec![introduce(after)],
            (Some(_), None) => vec!["removed".to_string()],
            (None, None) => Vec::new(),
        };
        if lines.is_empty() {
            continue;
        }
        changed = true;
        out.push_str(&format!("\n### {}\n", md(id)));
        for line in lines {
            out.push_str("- ");
            out.push_str(&line);
            out.push('\n');
        }
    }
    if !changed {
        out.push_str("\nNothing changed.\n");
    }
    Ok(out)
}

/// Why two sites could not be compared (a missing folder, a data.json that is not valid JSON); Display names the path.
#[derive(Debug)]
pub enum DiffError {
    /// A site folder that does not exist.
    NoSite(PathBuf),
    /// A site path that is a file, not a folder.
    NotAFolder(PathBuf),
    /// A folder or file that could not be read.
    Read {
        /// The folder or file.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// A data.json that is not valid JSON.
    Json {
        /// The data.json.
        path: PathBuf,
        /// Where and how the JSON is broken.
        source: serde_json::Error,
    },
    /// A data.json that is valid JSON but lacks a field rapport writes, or
    /// has one of the wrong kind.
    Unexpected {
        /// The data.json.
        path: PathBuf,
        /// What is wrong, naming the field.
        problem: String,
    },
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiffError::NoSite(path) => write!(f, "no site at {}: the folder does not exist", path.display()),
            DiffError::NotAFolder(path) => {
                write!(f, "no site at {}: it is a file, not a folder", path.display())
            }
            DiffError::Read { path, source } => write!(f, "could not read {}: {source}", path.display()),
            DiffError::Json { path, source } => write!(f, "{} is not valid JSON: {source}", path.display()),
            DiffError::Unexpected { path, problem } => {
                write!(
                    f,
                    "{} is not a data.json as rapport writes it: {problem}",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for DiffError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DiffError::Read { source, .. } => Some(source),
            DiffError::Json { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// One survey's data.json, as far as the comparison needs it. An optional
/// field is `None` when data.json does not have it; its value may itself be
/// an `Option` for JSON `null`.
#[derive(Debug)]
struct Data {
    responses: u64,
    overall: Option<f64>,
    focus: Option<Option<String>>,
    min_group_size: Option<u64>,
    levels: Vec<Level>,
}

/// One level of a data.json.
#[derive(Debug)]
struct Level {
    id: String,
    score: Option<Option<f64>>,
    target: Option<Option<f64>>,
    meets_target: Option<Option<bool>>,
    /// `(segment, value) -> state`, in data.json's order.
    cells: Vec<(String, String, Cell)>,
}

/// What a `by_segment` cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    /// A score and a number of responses.
    Shown,
    /// `{ "hidden": true }`.
    Hidden,
    /// Nobody in the cell: `{ "responses": 0, "score": null }`.
    Empty,
}

/// Reads every `<survey>/data.json` of a site folder, keyed by the survey
/// folder's name.
fn read_site(dir: &Path) -> Result<BTreeMap<String, Data>, DiffError> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(DiffError::NotAFolder(dir.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(DiffError::NoSite(dir.to_path_buf())),
        Err(source) => {
            return Err(DiffError::Read {
                path: dir.to_path_buf(),
                source,
            })
        }
    }
    let read_error = |source| DiffError::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        names.push(entry.map_err(read_error)?.file_name());
    }
    // Sorted, so that of several broken files the same one is reported.
    names.sort();
    let mut surveys = BTreeMap::new();
    for name in names {
        let folder = dir.join(&name);
        if !folder.is_dir() {
            continue;
        }
        let path = folder.join("data.json");
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(source) => return Err(DiffError::Read { path, source }),
        };
        let value: Value = match serde_json::from_slice(&bytes) {
            Ok(value) => value,
            Err(source) => return Err(DiffError::Json { path, source }),
        };
        let data = parse(&value).map_err(|problem| DiffError::Unexpected { path, problem })?;
        surveys.insert(name.to_string_lossy().into_owned(), data);
    }
    Ok(surveys)
}

/// Picks the fields the comparison needs out of a data.json; the error names
/// the field that is missing or of the wrong kind.
fn parse(value: &Value) -> Result<Data, String> {
    let top = value
        .as_object()
        .ok_or_else(|| "it does not hold a JSON object".to_string())?;
    let responses = count(required(top, "responses", "")?, "responses")?;
    let overall = object(required(top, "overall", "")?, "overall")?;
    let overall = score(required(overall, "score", "overall")?, "overall.score")?;
    let focus = optional(top, "focus_level", "", |v, at| match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        _ => Err(format!("`{at}` is not a level id or null")),
    })?;
    let min_group_size = optional(top, "min_group_size", "", count)?;
    let Value::Array(items) = required(top, "levels", "")? else {
        return Err("`levels` is not an array".to_string());
    };
    let mut levels = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        levels.push(level(item, &format!("levels[{i}]"))?);
    }
    Ok(Data {
        responses,
        overall,
        focus,
        min_group_size,
        levels,
    })
}

/// One entry of `levels`, found at `at`.
fn level(value: &Value, at: &str) -> Result<Level, String> {
    let obj = object(value, at)?;
    let id = match required(obj, "id", at)? {
        Value::String(id) => id.clone(),
        _ => return Err(format!("`{at}.id` is not a string")),
    };
    let mut cells = Vec::new();
    if let Some(segments) = obj.get("by_segment") {
        let at = join(at, "by_segment");
        for (segment, values) in object(segments, &at)? {
            let at = format!("{at}.{segment}");
            for (value, shown) in object(values, &at)? {
                cells.push((
                    segment.clone(),
                    value.clone(),
                    cell(shown, &format!("{at}.{value}"))?,
                ));
            }
        }
    }
    Ok(Level {
        id,
        score: optional(obj, "score", at, score)?,
        target: optional(obj, "target", at, score)?,
        meets_target: optional(obj, "meets_target", at, |v, at| match v {
            Value::Null => Ok(None),
            Value::Bool(b) => Ok(Some(*b)),
            _ => Err(format!("`{at}` is not true, false or null")),
        })?,
        cells,
    })
}

/// A breakdown cell: shown when it has a score or respondents.
fn cell(value: &Value, at: &str) -> Result<Cell, String> {
    let obj = object(value, at)?;
    let hidden = optional(obj, "hidden", at, |v, at| {
        v.as_bool().ok_or_else(|| format!("`{at}` is not true or false"))
    })?;
    if hidden == Some(true) {
        return Ok(Cell::Hidden);
    }
    let score = optional(obj, "score", at, score)?.flatten();
    let responses = optional(obj, "responses", at, count)?;
    if score.is_some() || responses.is_some_and(|n| n > 0) {
        Ok(Cell::Shown)
    } else {
        Ok(Cell::Empty)
    }
}

/// `at.key`, or `key` at the top.
fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

fn required<'v>(obj: &'v Map<String, Value>, key: &str, at: &str) -> Result<&'v Value, String> {
    obj.get(key)
        .ok_or_else(|| format!("`{}` is missing", join(at, key)))
}

/// A field that may be left out: `None` when it is.
fn optional<T>(
    obj: &Map<String, Value>,
    key: &str,
    at: &str,
    read: impl Fn(&Value, &str) -> Result<T, String>,
) -> Result<Option<T>, String> {
    obj.get(key).map(|v| read(v, &join(at, key))).transpose()
}

fn object<'v>(value: &'v Value, at: &str) -> Result<&'v Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("`{at}` is not an object"))
}

fn count(value: &Value, at: &str) -> Result<u64, String> {
    value
        .as_u64()
        .ok_or_else(|| format!("`{at}` is not a whole number"))
}

fn score(value: &Value, at: &str) -> Result<Option<f64>, String> {
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => n
            .as_f64()
            .map(Some)
            .ok_or_else(|| format!("`{at}` is not a number or null")),
        _ => Err(format!("`{at}` is not a number or null")),
    }
}

/// The single line for a survey that only the new site has.
fn introduce(data: &Data) -> String {
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
fn compare(base: &Data, new: &Data) -> Vec<String> {
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
    let (hidden, shown) = hiding(base, new);
    if !hidden.is_empty() {
        lines.push(format!("newly hidden: {hidden}"));
    }
    if !shown.is_empty() {
        lines.push(format!("no longer hidden: {shown}"));
    }
    lines
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
                (Some(Cell::Shown), Cell::Hidden) => add(&mut hidden, key, &level.id),
                (Some(Cell::Hidden), Cell::Shown) => add(&mut shown, key, &level.id),
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
fn md(text: &str) -> String {
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
    use super::*;
    use serde_json::json;

    fn fixtures() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff")
    }

    fn data(value: Value) -> Data {
        parse(&value).expect("a valid data.json")
    }

    #[test]
    fn describes_what_moved_between_the_fixture_sites() {
        let text = diff(&fixtures().join("base"), &fixtures().join("new")).expect("comparable sites");
        assert_eq!(
            text,
            "## rapport: what changed

### alpha
- responses: 40 → 47 (+7)
- overall score: 69.3 → 70.3 (+1.0)
- accuracy: 78.0 → 81.2 (+3.2), now meets its target 80
- availability: 60.5 → 59.5 (−1.0), below its target 60
- the focus level moves from accuracy to availability
- newly hidden: channel = web (accuracy, availability); group = staff (availability)
- no longer hidden: channel = partner (accuracy)

### beta
- new survey, 12 responses, overall 74.0

### delta
- responses: 21 → 20 (−1)
- overall score: 57.5 → 69.5 (+12.0)
- speed: 65.0 → 66.0 (+1.0), target 70 → 65, now meets its target 65
- care: no score → 70.0, now meets its target 50
- new level value: 72.4
- level price removed
- no level misses its target any more (the focus level was speed)
- min_group_size: 5 → 3

### gamma
- removed
"
        );
    }

    #[test]
    fn the_comparison_is_the_same_both_times() {
        let once = diff(&fixtures().join("base"), &fixtures().join("new")).expect("comparable sites");
        let twice = diff(&fixtures().join("base"), &fixtures().join("new")).expect("comparable sites");
        assert_eq!(once, twice);
    }

    #[test]
    fn a_site_compared_with_itself_has_nothing_changed() {
        let text = diff(&fixtures().join("new"), &fixtures().join("new")).expect("comparable sites");
        assert_eq!(text, "## rapport: what changed\n\nNothing changed.\n");
    }

    #[test]
    fn the_other_way_round_reads_as_the_reverse() {
        let text = diff(&fixtures().join("new"), &fixtures().join("base")).expect("comparable sites");
        assert_eq!(
            text,
            "## rapport: what changed

### alpha
- responses: 47 → 40 (−7)
- overall score: 70.3 → 69.3 (−1.0)
- accuracy: 81.2 → 78.0 (−3.2), below its target 80
- availability: 59.5 → 60.5 (+1.0), now meets its target 60
- the focus level moves from availability to accuracy
- newly hidden: channel = partner (accuracy)
- no longer hidden: channel = web (accuracy, availability); group = staff (availability)

### beta
- removed

### delta
- responses: 20 → 21 (+1)
- overall score: 69.5 → 57.5 (−12.0)
- speed: 66.0 → 65.0 (−1.0), target 65 → 70, below its target 70
- care: 70.0 → no score
- new level price: 50.0
- level value removed
- the focus level is now speed (was none)
- min_group_size: 3 → 5

### gamma
- new survey, 1 response, no overall score
"
        );
    }

    #[test]
    fn a_missing_site_folder_is_an_error_naming_it() {
        let missing = fixtures().join("no-such-site");
        let err = diff(&fixtures().join("base"), &missing).expect_err("no new site");
        assert_eq!(
            err.to_string(),
            format!("no site at {}: the folder does not exist", missing.display())
        );
        let err = diff(&missing, &fixtures().join("new")).expect_err("no base site");
        assert!(matches!(err, DiffError::NoSite(ref p) if p == &missing));
    }

    #[test]
    fn a_file_given_as_a_site_is_an_error() {
        let file = fixtures().join("base/alpha/data.json");
        let err = diff(&file, &fixtures().join("new")).expect_err("a file is no site");
        assert_eq!(
            err.to_string(),
            format!("no site at {}: it is a file, not a folder", file.display())
        );
    }

    #[test]
    fn invalid_json_is_an_error_naming_the_file() {
        let err = diff(&fixtures().join("base"), &fixtures().join("invalid")).expect_err("broken JSON");
        let path = fixtures().join("invalid/alpha/data.json");
        assert_eq!(
            err.to_string(),
            format!(
                "{} is not valid JSON: EOF while parsing a value at line 4 column 0",
                path.display()
            )
        );
        assert!(std::error::Error::source(&err).is_some());
    }

    #[test]
    fn a_data_json_without_its_fields_is_an_error_naming_the_file_and_field() {
        let err = diff(&fixtures().join("incomplete"), &fixtures().join("new")).expect_err("no responses");
        let path = fixtures().join("incomplete/alpha/data.json");
        assert_eq!(
            err.to_string(),
            format!(
                "{} is not a data.json as rapport writes it: `responses` is missing",
                path.display()
            )
        );
    }

    #[test]
    fn fields_of_the_wrong_kind_are_named() {
        let problem = |value: Value| parse(&value).expect_err("a malformed data.json");
        assert_eq!(problem(json!([1, 2])), "it does not hold a JSON object");
        assert_eq!(
            problem(json!({ "responses": -1, "overall": { "score": null }, "levels": [] })),
            "`responses` is not a whole number"
        );
        assert_eq!(
            problem(json!({ "responses": 1, "overall": 3, "levels": [] })),
            "`overall` is not an object"
        );
        assert_eq!(
            problem(json!({ "responses": 1, "overall": {}, "levels": [] })),
            "`overall.score` is missing"
        );
        assert_eq!(
            problem(json!({ "responses": 1, "overall": { "score": "high" }, "levels": [] })),
            "`overall.score` is not a number or null"
        );
        assert_eq!(
            problem(json!({ "responses": 1, "overall": { "score": 1 }, "levels": {} })),
            "`levels` is not an array"
        );
        assert_eq!(
            problem(json!({ "responses": 1, "overall": { "score": 1 }, "levels": [{ "id": 7 }] })),
            "`levels[0].id` is not a string"
        );
        assert_eq!(
            problem(json!({ "responses": 1, "overall": { "score": 1 },
                            "levels": [{ "id": "a", "meets_target": "yes" }] })),
            "`levels[0].meets_target` is not true, false or null"
        );
        assert_eq!(
            problem(json!({ "responses": 1, "overall": { "score": 1 },
                            "levels": [{ "id": "a", "by_segment": { "region": { "north": 3 } } }] })),
            "`levels[0].by_segment.region.north` is not an object"
        );
        assert_eq!(
            problem(json!({ "responses": 1, "overall": { "score": 1 }, "focus_level": 2, "levels": [] })),
            "`focus_level` is not a level id or null"
        );
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
