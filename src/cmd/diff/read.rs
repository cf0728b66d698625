//! Reading the two sites: every `<survey>/data.json` of a site folder, as far
//! as the comparison needs it.
//!
//! A data.json is parsed as JSON first and then read field by field, so that
//! a problem names its field (`` `levels[0].id` is not a string ``). Only
//! `responses`, `overall.score` and each level's `id` must be there; any
//! other field the comparison uses may be missing, and a field missing on
//! either side is not compared. That is why the document is not read into
//! the writer's [`Document`](crate::render::data_json::Document), which has
//! every field and no way to tell a missing one from `null`. Breakdown cells,
//! whose shapes are fixed, are read through the writer's own [`Cell`].

use super::DiffError;
use crate::render::data_json::{Cell, CurrentFigures, NowFigures};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io;
use std::path::Path;

/// One survey's data.json, as far as the comparison needs it. An optional
/// field is `None` when data.json does not have it; its value may itself be
/// an `Option` for JSON `null`.
#[derive(Debug)]
pub(super) struct Data {
    pub(super) responses: u64,
    pub(super) overall: Option<f64>,
    pub(super) focus: Option<Option<String>>,
    pub(super) min_group_size: Option<u64>,
    /// The current period, when data.json has one (v2).
    pub(super) current: Option<CurrentFigures>,
    pub(super) levels: Vec<Level>,
    /// The respondents of every published figure that has them, by where
    /// it is: `accuracy`, `accuracy, 2026-Q3`, `accuracy, group staff`,
    /// `accuracy, 2026-Q3, group staff`.
    pub(super) counts: BTreeMap<String, u64>,
}

/// One level of a data.json.
#[derive(Debug)]
pub(super) struct Level {
    pub(super) id: String,
    pub(super) score: Option<Option<f64>>,
    pub(super) target: Option<Option<f64>>,
    pub(super) meets_target: Option<Option<bool>>,
    /// Its figures in the current period, when data.json has them (v2).
    pub(super) current: Option<NowFigures>,
    /// `(segment, value, cell)`, in data.json's order.
    pub(super) cells: Vec<(String, String, Cell)>,
}

/// Reads every `<survey>/data.json` of a site folder, keyed by the survey
/// folder's name.
pub(super) fn site(dir: &Path) -> Result<BTreeMap<String, Data>, DiffError> {
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
pub(super) fn parse(value: &Value) -> Result<Data, String> {
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
    let current = optional(top, "current", "", fixed)?.flatten();
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
        current,
        levels,
        counts: counts(items),
    })
}

/// The respondents of every published level, period and breakdown cell
/// (hidden and malformed figures have none).
fn counts(levels: &[Value]) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    let n = |v: &Value| v.get("responses").and_then(Value::as_u64);
    let cells = |out: &mut BTreeMap<String, u64>, at: &str, v: &Value| {
        for (segment, values) in v
            .get("by_segment")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            for (value, cell) in values.as_object().into_iter().flatten() {
                if let Some(k) = n(cell) {
                    out.insert(format!("{at}, {segment} {value}"), k);
                }
            }
        }
    };
    for level in levels {
        let Some(id) = level.get("id").and_then(Value::as_str) else {
            continue;
        };
        let at = format!("`{id}`");
        if let Some(k) = n(level) {
            out.insert(at.clone(), k);
        }
        cells(&mut out, &at, level);
        for (period, figures) in level
            .get("by_period")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let at = format!("{at}, {period}");
            if let Some(k) = n(figures) {
                out.insert(at.clone(), k);
            }
            cells(&mut out, &at, figures);
        }
    }
    out
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
        current: optional(obj, "current", at, fixed)?.flatten(),
        cells,
    })
}

/// A part of data.json whose shape is fixed, read as the writer's type;
/// `null` is `None`.
fn fixed<T: for<'de> Deserialize<'de>>(value: &Value, at: &str) -> Result<Option<T>, String> {
    Option::<T>::deserialize(value).map_err(|e| format!("`{at}` is not as rapport writes it: {e}"))
}

/// A breakdown cell, read as the writer's [`Cell`].
fn cell(value: &Value, at: &str) -> Result<Cell, String> {
    object(value, at)?;
    Cell::deserialize(value).map_err(|e| format!("`{at}` is not a breakdown cell: {e}"))
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
    fn a_cell_of_the_wrong_kind_is_named() {
        let problem = parse(&json!({ "responses": 1, "overall": { "score": 1 },
                                     "levels": [{ "id": "a", "by_segment": { "s": { "x": { "hidden": "yes" } } } }] }))
        .expect_err("a malformed cell");
        assert!(
            problem.starts_with("`levels[0].by_segment.s.x` is not a breakdown cell: "),
            "{problem}"
        );
    }

    #[test]
    fn cells_are_read_as_the_writer_writes_them() {
        let data = parse(&json!({ "responses": 3, "overall": { "score": 50.0 },
                                  "levels": [{ "id": "a", "by_segment": { "s": {
                                      "x": { "score": 50.0, "responses": 7 },
                                      "y": { "hidden": true },
                                      "z": { "responses": 0, "score": null } } } }] }))
        .expect("a valid data.json");
        let cells: Vec<(&str, Cell)> = data.levels[0]
            .cells
            .iter()
            .map(|(_, v, c)| (v.as_str(), *c))
            .collect();
        assert_eq!(
            cells,
            [
                (
                    "x",
                    Cell::Score {
                        score: Some(50.0),
                        ci95: None,
                        responses: 7,
                    }
                ),
                ("y", Cell::Hidden),
                ("z", Cell::NoData),
            ]
        );
    }
}
