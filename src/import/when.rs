//! Submission times as form tools write them: ISO 8601 with or without a
//! zone, `2023/11/13 4:20:37 pm CET` (Google Forms), `11/13/2023 04:20:37 PM`
//! (SurveyMonkey), `13.11.2023 16:20`, and spreadsheet date cells.

use time::{Date, Month, PrimitiveDateTime, Time, UtcOffset};

/// A submission time as the tool wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// The wall-clock date and time the tool wrote.
    pub local: PrimitiveDateTime,
    /// Its offset from UTC, when the tool named one.
    pub offset: Option<UtcOffset>,
    /// True when the tool wrote a date without a time.
    pub date_only: bool,
}

impl When {
    /// A wall-clock time without a zone.
    pub fn local(local: PrimitiveDateTime) -> Self {
        When {
            local,
            offset: None,
            date_only: false,
        }
    }

    /// The value of `submitted`: `YYYY-MM-DD`, or RFC 3339 with the
    /// tool's offset, else `zone` (the wall-clock time is kept as written,
    /// so the date is the one the tool shows).
    pub fn rfc3339(&self, zone: UtcOffset) -> String {
        let d = self.local.date();
        let date = format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
        if self.date_only {
            return date;
        }
        let t = self.local.time();
        let offset = self.offset.unwrap_or(zone);
        let zone = if offset.is_utc() {
            "Z".to_owned()
        } else {
            let (h, m, _) = offset.as_hms();
            let sign = if offset.is_negative() { '-' } else { '+' };
            format!("{sign}{:02}:{:02}", h.unsigned_abs(), m.unsigned_abs())
        };
        format!("{date}T{:02}:{:02}:{:02}{zone}", t.hour(), t.minute(), t.second())
    }

    /// Seconds since 1970 in UTC, for ordering.
    pub fn instant(&self, zone: UtcOffset) -> i64 {
        self.local
            .assume_offset(self.offset.unwrap_or(zone))
            .unix_timestamp()
    }
}

/// Which comes first in a date like `03/04/2024`: the month (as in the
/// US) or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Month, day, year.
    MonthFirst,
    /// Day, month, year.
    DayFirst,
}

/// The order of a column's slashed dates: day first when some first number
/// exceeds 12, month first when some second one does, else `default`.
/// `None` when the column has both.
pub fn order<'a>(values: impl Iterator<Item = &'a str>, default: Order) -> Option<Order> {
    let (mut day_first, mut month_first) = (false, false);
    for value in values {
        let Some(date) = value.split_whitespace().next() else {
            continue;
        };
        let parts: Vec<&str> = date.split('/').collect();
        if parts.len() != 3 || parts[0].len() == 4 {
            continue;
        }
        let n = |s: &str| s.parse::<u32>().unwrap_or(0);
        day_first |= n(parts[0]) > 12;
        month_first |= n(parts[1]) > 12;
    }
    match (day_first, month_first) {
        (true, true) => None,
        (true, false) => Some(Order::DayFirst),
        (false, true) => Some(Order::MonthFirst),
        (false, false) => Some(default),
    }
}

/// A spreadsheet's serial date (days since 1899-12-30).
pub fn from_serial(serial: f64) -> Option<When> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let epoch = Date::from_calendar_date(1899, Month::December, 30).ok()?;
    let seconds = (serial * 86_400.0).round() as i64;
    let local =
        PrimitiveDateTime::new(epoch, Time::MIDNIGHT).checked_add(time::Duration::seconds(seconds))?;
    Some(When {
        local,
        offset: None,
        date_only: serial.fract() == 0.0,
    })
}

/// Parses a submission time; `None` when it is none of the known forms.
pub fn parse(text: &str, order: Order) -> Option<When> {
    let text = text.trim();
    let (date_part, rest) = match text.find(['T', ' ']) {
        Some(i) => (&text[..i], text[i + 1..].trim_start()),
        None => (text, ""),
    };
    let date = date(date_part, order)?;
    if rest.is_empty() {
        return Some(When {
            local: PrimitiveDateTime::new(date, Time::MIDNIGHT),
            offset: None,
            date_only: true,
        });
    }
    let (time, rest) = clock(rest)?;
    let offset = zone(rest.trim())?;
    Some(When {
        local: PrimitiveDateTime::new(date, time),
        offset,
        date_only: false,
    })
}

/// `2024-01-17`, `2023/11/13`, `11/13/2023`, `13.11.2023`.
fn date(text: &str, order: Order) -> Option<Date> {
    let sep = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = text.split(sep).collect();
    let [a, b, c] = parts[..] else { return None };
    let n = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i32>().ok())
            .flatten()
    };
    let (year, month, day) = if a.len() == 4 {
        (n(a)?, n(b)?, n(c)?)
    } else if c.len() == 4 {
        match (sep, order) {
            ('.', _) | (_, Order::DayFirst) => (n(c)?, n(b)?, n(a)?),
            _ => (n(c)?, n(a)?, n(b)?),
        }
    } else {
        return None;
    };
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

/// `16:20:37`, `4:20:37 pm`, `16:20`, `11:58:11.597`, then the rest.
fn clock(text: &str) -> Option<(Time, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.' || c == ','))
        .unwrap_or(text.len());
    let (digits, mut rest) = text.split_at(end);
    let mut parts = digits.split(':');
    let hour: u8 = parts.next()?.parse().ok()?;
    let minute: u8 = parts.next()?.parse().ok()?;
    let second: f64 = match parts.next() {
        Some(s) => s.replace(',', ".").parse().ok()?,
        None => 0.0,
    };
    if parts.next().is_some() {
        return None;
    }
    let mut hour = hour;
    let trimmed = rest.trim_start();
    let lower = trimmed.get(..2).map(str::to_ascii_lowercase);
    let meridiem = match lower.as_deref() {
        Some("am") => Some(false),
        Some("pm") => Some(true),
        _ => None,
    };
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + if pm { 12 } else { 0 };
        rest = &trimmed[2..];
    }
    let time = Time::from_hms(hour, minute, second.floor() as u8).ok()?;
    Some((time, rest))
}

/// Time-zone abbreviations the tools print, with their offsets in minutes.
const ZONES: [(&str, i32); 24] = [
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("WET", 0),
    ("WEST", 60),
    ("BST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("MET", 60),
    ("MEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("EST", -300),
    ("EDT", -240),
    ("CST", -360),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
    ("JST", 540),
    ("AEST", 600),
    ("AEDT", 660),
];

/// The zone after a time: nothing, `Z`, `+01:00`, `+0100`, `CET`,
/// `GMT+1`, `UTC+05:30`. `Some(None)` when there is none; `None` when it
/// is not understood.
fn zone(text: &str) -> Option<Option<UtcOffset>> {
    if text.is_empty() {
        return Some(None);
    }
    let upper = text.to_ascii_uppercase();
    let (name, numeric) = match upper.find(['+', '-']) {
        Some(i) => (&upper[..i], &upper[i..]),
        None => (upper.as_str(), ""),
    };
    let base = match name.trim() {
        "" => 0,
        abbreviation => ZONES.iter().find(|(z, _)| *z == abbreviation)?.1,
    };
    let extra = if numeric.is_empty() {
        0
    } else {
        let sign = if numeric.starts_with('-') { -1 } else { 1 };
        let digits = numeric[1..].replace(':', "");
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (h, m) = match digits.len() {
            1 | 2 => (digits.parse::<i32>().ok()?, 0),
            4 => (digits[..2].parse::<i32>().ok()?, digits[2..].parse::<i32>().ok()?),
            _ => return None,
        };
        if h >= 24 || m >= 60 {
            return None;
        }
        sign * (h * 60 + m)
    };
    UtcOffset::from_whole_seconds((base + extra) * 60).ok().map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str, order: Order) -> Option<String> {
        parse(text, order).map(|w| w.rfc3339(UtcOffset::UTC))
    }

    #[test]
    fn every_tool_s_times_read() {
        let m = Order::MonthFirst;
        assert_eq!(
            iso("2023/11/13 4:20:37 pm CET", m).as_deref(),
            Some("2023-11-13T16:20:37+01:00")
        );
        assert_eq!(
            iso("2023/11/13 12:05:00 am CET", m).as_deref(),
            Some("2023-11-13T00:05:00+01:00")
        );
        assert_eq!(
            iso("11/13/2023 04:20:37 PM", m).as_deref(),
            Some("2023-11-13T16:20:37Z")
        );
        assert_eq!(
            iso("2024-01-17T11:58:11", m).as_deref(),
            Some("2024-01-17T11:58:11Z")
        );
        assert_eq!(
            iso("2017-12-28T15:02:02.123+03:00", m).as_deref(),
            Some("2017-12-28T15:02:02+03:00")
        );
        assert_eq!(
            iso("2017-07-18 08:28:09", m).as_deref(),
            Some("2017-07-18T08:28:09Z")
        );
        assert_eq!(
            iso("13.11.2023 16:20", m).as_deref(),
            Some("2023-11-13T16:20:00Z")
        );
        assert_eq!(
            iso("03/04/2024 10:00 GMT+2", Order::DayFirst).as_deref(),
            Some("2024-04-03T10:00:00+02:00")
        );
        assert_eq!(
            iso("2024-03-01T10:00:00-0530", m).as_deref(),
            Some("2024-03-01T10:00:00-05:30")
        );
        assert_eq!(iso("2024-03-01", m).as_deref(), Some("2024-03-01"));
    }

    #[test]
    fn nonsense_is_refused() {
        let m = Order::MonthFirst;
        for bad in [
            "yesterday",
            "2023/13/45",
            "2023-11-13 25:00",
            "2023-11-13 10:00 XYZ",
            "13 pm",
        ] {
            assert_eq!(parse(bad, m), None, "{bad}");
        }
    }

    #[test]
    fn a_column_decides_its_date_order() {
        let d = Order::MonthFirst;
        assert_eq!(
            order(["13/11/2023 10:00", "01/02/2023"].into_iter(), d),
            Some(Order::DayFirst)
        );
        assert_eq!(
            order(["11/13/2023", "01/02/2023"].into_iter(), Order::DayFirst),
            Some(Order::MonthFirst)
        );
        assert_eq!(order(["01/02/2023"].into_iter(), d), Some(d));
        assert_eq!(order(["13/01/2023", "01/13/2023"].into_iter(), d), None);
    }

    #[test]
    fn serial_dates_count_from_1899() {
        let w = from_serial(45308.5).map(|w| w.rfc3339(UtcOffset::UTC));
        assert_eq!(w.as_deref(), Some("2024-01-17T12:00:00Z"));
        assert_eq!(
            from_serial(45308.0).map(|w| w.rfc3339(UtcOffset::UTC)).as_deref(),
            Some("2024-01-17")
        );
    }
}
