//! An export read as rows of cells: CSV (any delimiter, with or without a
//! byte-order mark, UTF-8 or UTF-16), a spreadsheet's first sheet (XLSX,
//! XLS, ODS) or a SurveyJS result (a JSON object or an array of them).

use std::fmt;
use std::path::{Path, PathBuf};
use time::{Date, Month, PrimitiveDateTime, Time};

/// One cell of an export.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing: a skipped question.
    Empty,
    /// Text as written.
    Text(String),
    /// A number cell of a spreadsheet, or a JSON number.
    Number(f64),
    /// A date or date-time cell of a spreadsheet.
    DateTime(PrimitiveDateTime),
    /// A JSON or spreadsheet boolean.
    Bool(bool),
    /// A JSON array of scalars (a SurveyJS checkbox answer).
    List(Vec<String>),
}

impl Cell {
    /// True for a cell that holds no answer (empty, or blank text).
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            Cell::List(items) => items.is_empty(),
            _ => false,
        }
    }

    /// The cell as text, the way a person reads it (`5`, not `5.0`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::DateTime(t) => {
                let (d, c) = (t.date(), t.time());
                format!(
                    "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                    d.year(),
                    u8::from(d.month()),
                    d.day(),
                    c.hour(),
                    c.minute(),
                    c.second()
                )
            }
            Cell::Bool(b) => b.to_string(),
            Cell::List(items) => items.join(", "),
        }
    }
}

/// A number without a needless `.0` (spreadsheets read `1` back as 1.0).
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// What kind of file a table came from: it decides how places are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Comma-, semicolon- or tab-separated text.
    Csv,
    /// A spreadsheet's sheet.
    Sheet,
    /// A SurveyJS result JSON.
    Json,
}

/// A whole export: its rows as a spreadsheet shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The export's path, as given.
    pub file: PathBuf,
    /// What it was read from.
    pub source: Source,
    /// Every row, header rows included. Rows may be shorter than others.
    pub rows: Vec<Vec<Cell>>,
    /// The row number (1-based) of `rows[0]`.
    pub first_row: usize,
    /// The column number (1-based) of each row's first cell.
    pub first_column: usize,
    /// Sheets after the first, which are not read.
    pub other_sheets: Vec<String>,
}

/// Where a cell is, named as the tool that shows the file would.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The export.
    pub file: PathBuf,
    /// What it was read from.
    pub source: Source,
    /// The row, 1-based, header rows included (a JSON result's position).
    pub row: usize,
    /// The column, 1-based.
    pub column: usize,
    /// The column's header (a JSON result's key).
    pub header: String,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display();
        match self.source {
            Source::Csv => write!(f, "{file}:{}:{}", self.row, self.column),
            Source::Sheet => write!(
                f,
                "{file}: row {}, column {}",
                self.row,
                column_letters(self.column)
            ),
            Source::Json if self.row == 0 => write!(f, "{file}: `{}`", self.header),
            Source::Json => write!(f, "{file}: result {}, `{}`", self.row, self.header),
        }
    }
}

/// A spreadsheet's column name: 1 -> A, 27 -> AA.
pub fn column_letters(mut column: usize) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rest = (column - 1) % 26;
        letters.push(b'A' + rest as u8);
        column = (column - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Why an export could not be read as a table.
#[derive(Debug)]
pub struct ReadError {
    /// The export.
    pub file: PathBuf,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.message)
    }
}

impl std::error::Error for ReadError {}

/// Reads an export by its extension: `.xlsx`, `.xlsm`, `.xls`, `.ods` as
/// spreadsheets, `.json` as a SurveyJS result, anything else as CSV. A file
/// larger than `max` bytes, or no regular file, is refused.
pub fn read(file: &Path, max: u64) -> Result<Table, ReadError> {
    let fail = |message: String| ReadError {
        file: file.to_owned(),
        message,
    };
    let meta = std::fs::metadata(file).map_err(|e| fail(e.to_string()))?;
    if !meta.is_file() {
        return Err(fail("not a file".into()));
    }
    if meta.len() > max {
        return Err(fail(format!(
            "the file has {} bytes, more than max_file_size ({max}) in rapport.yaml",
            meta.len()
        )));
    }
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => sheet(file).map_err(fail),
        _ => {
            let bytes = crate::fsx::read(file).map_err(|e| fail(e.source.to_string()))?;
            let text = decode(&bytes).map_err(fail)?;
            if text.contains('\0') {
                return Err(fail(
                    "the file holds NUL characters: it is no CSV or JSON export".into(),
                ));
            }
            if extension == "json" {
                json(file, &text).map_err(fail)
            } else {
                csv(file, &text).map_err(fail)
            }
        }
    }
}

/// Text from UTF-8 (with or without a byte-order mark) or UTF-16 with one.
fn decode(bytes: &[u8]) -> Result<String, String> {
    let utf16 = |le: bool| {
        if !bytes.len().is_multiple_of(2) {
            return Err("the file is UTF-16 with an odd number of bytes: it is cut short".to_owned());
        }
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|p| {
                if le {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| "the file is not valid UTF-16".to_owned())
    };
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => {
            Err("the file is UTF-32; save it as CSV UTF-8".to_owned())
        }
        [0xFF, 0xFE, ..] => utf16(true),
        [0xFE, 0xFF, ..] => utf16(false),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned()),
            Err(e) => Err(format!(
                "the file is not UTF-8 (byte {} is not); save it as CSV UTF-8",
                e.valid_up_to() + 1
            )),
        },
    }
}

/// The delimiter of a CSV, among `,` `;` tab `|`: the one that splits the
/// first 50 rows into the same number of fields, more than one, then the
/// one that gives the most fields (so commas in a header of a semicolon
/// file do not decide).
pub fn delimiter(text: &str) -> u8 {
    let score = |d: u8| {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d)
            .from_reader(text.as_bytes());
        let counts: Vec<usize> = reader
            .records()
            .take(50)
            .map_while(Result::ok)
            .map(|r| r.len())
            .collect();
        let first = counts.first().copied().unwrap_or(0);
        (first > 1 && counts.iter().all(|&n| n == first), first)
    };
    let mut best = (b',', (false, 0));
    for d in [b',', b';', b'\t', b'|'] {
        let s = score(d);
        if s > best.1 {
            best = (d, s);
        }
    }
    best.0
}

fn csv(file: &Path, text: &str) -> Result<Table, String> {
    // Excel's hint line, `sep=;` (or `"sep=;"`), names the delimiter and is
    // no row.
    let hint = text
        .strip_prefix("sep=")
        .or_else(|| text.strip_prefix("\"sep="))
        .and_then(|rest| rest.split_once('\n'))
        .map(|(sep, rest)| (sep.trim_end_matches(['\r', '"']), rest))
        .filter(|(sep, _)| sep.len() == 1);
    let (text, delimiter, first_row) = match hint {
        Some((sep, rest)) => (rest, sep.as_bytes()[0], 2),
        None => (text, delimiter(text), 1),
    };
    if let Some(line) = unclosed_quote(text, delimiter) {
        return Err(format!(
            "row {}: a quoted field opens here and is never closed",
            line + first_row - 1
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // A quoted field left open swallows the rest of the file; the csv crate
    // still returns it, so every row is kept.
    while reader.read_record(&mut record).unwrap_or(false) {
        rows.push(
            record
                .iter()
                .map(|v| {
                    if v.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(v.to_owned())
                    }
                })
                .collect(),
        );
    }
    Ok(Table {
        file: file.to_owned(),
        source: Source::Csv,
        rows,
        first_row,
        first_column: 1,
        other_sheets: Vec::new(),
    })
}

/// The line (1-based) of a quoted field that the file never closes, if any.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let (mut quoted, mut opened, mut line, mut at_field_start) = (false, 0, 1, true);
    for b in text.bytes() {
        match b {
            b'"' if quoted => quoted = false,
            b'"' if at_field_start => {
                quoted = true;
                opened = line;
            }
            b'\n' => {
                line += 1;
                if !quoted {
                    at_field_start = true;
                    continue;
                }
            }
            _ => {}
        }
        if !quoted {
            at_field_start = b == delimiter;
        }
    }
    quoted.then_some(opened)
}

fn sheet(file: &Path) -> Result<Table, String> {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(file).map_err(|e| e.to_string())?;
    let names = book.sheet_names();
    let range = match book.worksheet_range_at(0) {
        Some(range) => range.map_err(|e| e.to_string())?,
        None => return Err("the workbook has no sheet".into()),
    };
    let (first_row, first_column) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut rows: Vec<Vec<Cell>> = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|data| match data {
                    Data::Empty => Cell::Empty,
                    Data::String(s) if s.is_empty() => Cell::Empty,
                    Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
                    Data::Int(i) => Cell::Number(*i as f64),
                    Data::Float(f) => Cell::Number(*f),
                    Data::Bool(b) => Cell::Bool(*b),
                    Data::DateTime(d) if d.is_datetime() => excel_time(d.to_ymd_hms_milli()),
                    Data::DateTime(d) => Cell::Number(d.as_f64()),
                    Data::Error(e) => Cell::Text(e.to_string()),
                })
                .collect()
        })
        .collect();
    // Formatted but empty rows at the end (some sheets claim a million).
    while rows
        .last()
        .is_some_and(|r: &Vec<Cell>| r.iter().all(Cell::is_empty))
    {
        rows.pop();
    }
    if rows.is_empty() {
        let first = names.first().map_or("", String::as_str);
        return Err(format!(
            "the first sheet, `{first}`, is empty; rapport reads the first sheet only"
        ));
    }
    Ok(Table {
        file: file.to_owned(),
        source: Source::Sheet,
        rows,
        first_row: first_row + 1,
        first_column: first_column + 1,
        other_sheets: names.into_iter().skip(1).collect(),
    })
}

fn excel_time((y, mo, d, h, mi, s, _): (u16, u8, u8, u8, u8, u8, u16)) -> Cell {
    let date = Month::try_from(mo)
        .ok()
        .and_then(|m| Date::from_calendar_date(i32::from(y), m, d).ok());
    match (date, Time::from_hms(h, mi, s)) {
        (Some(date), Ok(t)) => Cell::DateTime(PrimitiveDateTime::new(date, t)),
        _ => Cell::Text(format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")),
    }
}

/// A SurveyJS result: one object, or an array of them, each mapping a
/// question's name to its value. The first row of the table is the union of
/// their keys in order of appearance.
fn json(file: &Path, text: &str) -> Result<Table, String> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let results = match value {
        Value::Array(items) => items,
        object @ Value::Object(_) => vec![object],
        _ => return Err("expected a SurveyJS result: an object or an array of objects".into()),
    };
    if results.is_empty() {
        return Err("the file holds no results".into());
    }
    let mut keys: Vec<String> = Vec::new();
    let mut objects = Vec::new();
    for (i, result) in results.into_iter().enumerate() {
        let Value::Object(map) = result else {
            return Err(format!("result {} is not an object", i + 1));
        };
        for key in map.keys() {
            if !keys.contains(key) {
                keys.push(key.clone());
            }
        }
        objects.push(map);
    }
    let scalar = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut rows = vec![keys.iter().map(|k| Cell::Text(k.clone())).collect()];
    for map in &objects {
        rows.push(
            keys.iter()
                .map(|k| match map.get(k) {
                    None | Some(Value::Null) => Cell::Empty,
                    Some(Value::String(s)) if s.is_empty() => Cell::Empty,
                    Some(Value::String(s)) => Cell::Text(s.clone()),
                    Some(Value::Number(n)) => n.as_f64().map_or(Cell::Text(n.to_string()), Cell::Number),
                    Some(Value::Bool(b)) => Cell::Bool(*b),
                    Some(Value::Array(items)) => Cell::List(items.iter().map(scalar).collect()),
                    Some(object) => Cell::Text(object.to_string()),
                })
                .collect(),
        );
    }
    // Row 1 is the keys; a result's row number is its position plus one,
    // so first_row 0 makes result n row n.
    Ok(Table {
        file: file.to_owned(),
        source: Source::Json,
        rows,
        first_row: 0,
        first_column: 1,
        other_sheets: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(7), "G");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(703), "AAA");
    }

    #[test]
    fn the_delimiter_is_the_one_that_splits_every_row_alike() {
        assert_eq!(delimiter("a,b,c\n1,2,3"), b',');
        assert_eq!(delimiter("a;b;\"c,d,e\"\n1;2;3\n"), b';');
        assert_eq!(delimiter("a\tb\tc"), b'\t');
        assert_eq!(delimiter("single"), b',');
        // Swedish Excel: semicolons, and commas inside an unquoted header.
        assert_eq!(
            delimiter("id;submitted;Notes, remarks, etc.\nr1;2026-09-14;a, b\n"),
            b';'
        );
    }

    #[test]
    fn a_quote_left_open_is_found() {
        assert_eq!(unclosed_quote("a,b\n1,\"never closed\n2,x\n", b','), Some(2));
        assert_eq!(unclosed_quote("a,b\n1,\"two\nlines\"\n2,x\n", b','), None);
        assert_eq!(unclosed_quote("a,b\n1,say \"hi\n", b','), None);
    }

    #[test]
    fn excel_s_separator_hint_names_the_delimiter_and_is_no_row() {
        let table = csv(Path::new("x.csv"), "sep=;\r\na,b;c\n1;2\n").expect("a table");
        assert_eq!(table.first_row, 2);
        assert_eq!(table.rows[0], [Cell::Text("a,b".into()), Cell::Text("c".into())]);
        assert_eq!(table.rows.len(), 2);
    }

    #[test]
    fn utf8_and_utf16_with_marks_decode() {
        assert_eq!(decode(b"\xEF\xBB\xBFa,b").as_deref(), Ok("a,b"));
        assert_eq!(decode(b"\xFF\xFEa\0,\0b\0").as_deref(), Ok("a,b"));
        assert!(decode(b"caf\xE9").is_err_and(|e| e.contains("byte 4")));
    }

    #[test]
    fn spreadsheet_numbers_read_back_without_a_fraction() {
        assert_eq!(Cell::Number(1.0).text(), "1");
        assert_eq!(Cell::Number(2.5).text(), "2.5");
    }
}
