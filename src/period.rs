//! Dates and the periods a report groups them into: month, quarter, year or
//! ISO week (numbered in the ISO week-year). A date-time counts on the local
//! date written in it, never converted to UTC.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

/// How a survey groups responses in time.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum PeriodKind {
    /// `2026-09`
    Month,
    /// `2026-Q3`
    #[default]
    Quarter,
    /// `2026`
    Year,
    /// `2026-W37`
    Week,
}

impl PeriodKind {
    /// The names survey.yaml accepts.
    pub const NAMES: [&'static str; 4] = ["month", "quarter", "year", "week"];

    /// Reads a name from survey.yaml.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "month" => Some(PeriodKind::Month),
            "quarter" => Some(PeriodKind::Quarter),
            "year" => Some(PeriodKind::Year),
            "week" => Some(PeriodKind::Week),
            _ => None,
        }
    }

    /// The name as written in survey.yaml.
    pub fn name(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Year => "year",
            PeriodKind::Week => "week",
        }
    }

    /// The period a date falls in.
    pub fn of(self, date: Date) -> Period {
        let (year, sub) = match self {
            PeriodKind::Month => (date.year(), u8::from(date.month())),
            PeriodKind::Quarter => (date.year(), (u8::from(date.month()) - 1) / 3 + 1),
            PeriodKind::Year => (date.year(), 0),
            PeriodKind::Week => {
                let (year, week, _) = date.to_iso_week_date();
                (year, week)
            }
        };
        Period {
            kind: self,
            year,
            sub,
        }
    }
}

/// A period: sorts in time order and prints as its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Period {
    /// Only periods of one kind are ever compared.
    pub kind: PeriodKind,
    /// The calendar year, or the ISO week-year for weeks.
    pub year: i32,
    /// Month 1-12, quarter 1-4, ISO week 1-53, or 0 for a year.
    pub sub: u8,
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            PeriodKind::Month => write!(f, "{:04}-{:02}", self.year, self.sub),
            PeriodKind::Quarter => write!(f, "{:04}-Q{}", self.year, self.sub),
            PeriodKind::Year => write!(f, "{:04}", self.year),
            PeriodKind::Week => write!(f, "{:04}-W{:02}", self.year, self.sub),
        }
    }
}

/// Reads `YYYY-MM-DD` or an RFC 3339 date-time and returns the calendar
/// date as written (a date-time's own local date).
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if text.len() == 10 {
        return Date::parse(text, format_description!("[year]-[month]-[day]")).ok();
    }
    OffsetDateTime::parse(text, &Rfc3339).ok().map(|t| t.date())
}

/// A date as `YYYY-MM-DD`.
pub fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Why `text` is not a date rapport reads, with a fix where one is clear.
pub fn explain_bad_date(text: &str) -> (String, Option<String>) {
    let t = text.trim();
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if t.len() == 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) {
        return ("the date does not exist".into(), None);
    }
    if t.len() == 10 && digits(0..2) && digits(3..5) && digits(6..10) && matches!(b[2], b'.' | b'/') {
        let iso = format!("{}-{}-{}", &t[6..10], &t[3..5], &t[0..2]);
        return (
            "dates are written year first".into(),
            Some(format!("write `{iso}`")),
        );
    }
    if let Some((date, time)) = t.split_once(['T', 't', ' ']) {
        let has_offset = time.ends_with(['Z', 'z']) || time.contains(['+', '-']);
        if parse_date(date).is_some() && !has_offset {
            // RFC 3339 wants seconds: 10:00 becomes 10:00:00.
            let time = if time.len() == 5 {
                format!("{time}:00")
            } else {
                time.to_owned()
            };
            return (
                "a date-time needs its time zone offset".into(),
                Some(format!(
                    "write e.g. `{date}T{time}Z` (UTC) or `{date}T{time}+02:00`"
                )),
            );
        }
        if parse_date(date).is_some() && time.len() < 8 {
            return (
                "a time needs seconds".into(),
                Some("write the time as HH:MM:SS, e.g. `10:00:00`".into()),
            );
        }
    }
    (
        "not a date".into(),
        Some("write `YYYY-MM-DD` or an RFC 3339 date-time".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(kind: PeriodKind, text: &str) -> String {
        kind.of(parse_date(text).expect("a date")).to_string()
    }

    #[test]
    fn keys_of_each_kind() {
        assert_eq!(key(PeriodKind::Month, "2026-09-14"), "2026-09");
        assert_eq!(key(PeriodKind::Quarter, "2026-09-14"), "2026-Q3");
        assert_eq!(key(PeriodKind::Quarter, "2026-10-01"), "2026-Q4");
        assert_eq!(key(PeriodKind::Year, "2026-09-14"), "2026");
        assert_eq!(key(PeriodKind::Week, "2026-09-14"), "2026-W38");
    }

    #[test]
    fn iso_weeks_use_the_iso_week_year() {
        // 2027-01-01 is a Friday: it belongs to the last week of 2026.
        assert_eq!(key(PeriodKind::Week, "2027-01-01"), "2026-W53");
        // 2024-12-30 is a Monday: week 1 of 2025.
        assert_eq!(key(PeriodKind::Week, "2024-12-30"), "2025-W01");
    }

    #[test]
    fn date_times_count_on_their_own_local_date() {
        // 00:20 at +01:00 is still 3 January in UTC, but 4 January as written.
        assert_eq!(key(PeriodKind::Week, "2027-01-04T00:20:00+01:00"), "2027-W01");
        assert_eq!(key(PeriodKind::Month, "2026-09-30T23:30:00-05:00"), "2026-09");
        assert_eq!(key(PeriodKind::Quarter, "2026-03-31T22:00:00Z"), "2026-Q1");
    }

    #[test]
    fn bad_dates_are_refused() {
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "14.09.2026",
            "2026-9-14",
            "2026-09-14T25:00:00Z",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn bad_dates_are_explained() {
        assert_eq!(explain_bad_date("2026-02-30").0, "the date does not exist");
        assert_eq!(
            explain_bad_date("14.09.2026").1.as_deref(),
            Some("write `2026-09-14`")
        );
        assert_eq!(
            explain_bad_date("2026-09-14T10:30:00").1.as_deref(),
            Some("write e.g. `2026-09-14T10:30:00Z` (UTC) or `2026-09-14T10:30:00+02:00`")
        );
        assert_eq!(explain_bad_date("soon").0, "not a date");
        let (_, fix) = explain_bad_date("2026-06-01 10:00");
        assert_eq!(
            fix.as_deref(),
            Some("write e.g. `2026-06-01T10:00:00Z` (UTC) or `2026-06-01T10:00:00+02:00`")
        );
        assert!(parse_date("2026-06-01T10:00:00Z").is_some());
    }

    #[test]
    fn dates_print_as_written_in_iso_form() {
        assert_eq!(iso_date(parse_date("2026-09-04").expect("date")), "2026-09-04");
        let local = parse_date("2026-09-14T23:30:00-05:00").expect("date-time");
        assert_eq!(iso_date(local), "2026-09-14");
        assert_eq!(iso_date(parse_date("0999-01-02").expect("date")), "0999-01-02");
    }

    #[test]
    fn periods_sort_in_time_order() {
        let a = PeriodKind::Month.of(parse_date("2026-02-01").expect("date"));
        let b = PeriodKind::Month.of(parse_date("2026-10-01").expect("date"));
        assert!(a < b);
    }
}
