//! Periods in words: `2026-Q3` becomes "3rd quarter 2026", `2026-07`
//! "juli 2026" in Swedish. Months and years are CLDR's own patterns,
//! formatted by ICU4X (`icu_datetime`, always in the Gregorian calendar the
//! keys are counted in, in the standalone form: "июль 2026 г." in Russian,
//! with CLDR's narrow no-break space before "г.").
//! CLDR's quarter names and week patterns are not exposed by ICU4X, so
//! quarters and ISO weeks are Fluent messages (`quarter-name`, `week-name`)
//! filled with numbers ICU4X formats for the language. The keys themselves
//! (data.json, data.csv) never change.

use super::Words;
use crate::period::{Period, PeriodKind};
use fixed_decimal::Decimal;
use fluent_bundle::{FluentArgs, FluentValue};
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{Y, YM};
use icu_datetime::options::YearStyle;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;

/// The formatters that name periods in one language.
pub(super) struct Names {
    month: Option<FixedCalendarDateTimeFormatter<Gregorian, YM>>,
    year: Option<FixedCalendarDateTimeFormatter<Gregorian, Y>>,
    /// Numbers as written in the language, without grouping: `2026`, never `2,026`.
    plain: Option<DecimalFormatter>,
}

impl Names {
    /// The formatters for `locale`. Compiled data covers every locale
    /// through fallback; a formatter that still cannot be made leaves its
    /// periods as their keys.
    pub(super) fn new(locale: &Locale) -> Self {
        let mut options = DecimalFormatterOptions::default();
        options.grouping_strategy = Some(GroupingStrategy::Never);
        Names {
            month: FixedCalendarDateTimeFormatter::try_new(
                locale.into(),
                YM::long().with_year_style(YearStyle::Full),
            )
            .ok(),
            year: FixedCalendarDateTimeFormatter::try_new(
                locale.into(),
                Y::long().with_year_style(YearStyle::Full),
            )
            .ok(),
            plain: DecimalFormatter::try_new(locale.into(), options).ok(),
        }
    }

    fn plain(&self, n: i32) -> String {
        match &self.plain {
            Some(f) => f.format(&Decimal::from(n)).to_string(),
            None => n.to_string(),
        }
    }

    fn date(year: i32, month: u8) -> Option<Date<Gregorian>> {
        Date::try_new_gregorian(year, month, 1).ok()
    }
}

impl Words {
    /// A period in words in this language: "3rd quarter 2026", "July 2026",
    /// "2026", "week 36 of 2026" (an ISO week is named with its week-year).
    pub fn period(&self, period: Period) -> String {
        let names = &self.periods;
        let named = match period.kind {
            PeriodKind::Month => names
                .month
                .as_ref()
                .zip(Names::date(period.year, period.sub))
                .map(|(f, d)| f.format(&d).to_string()),
            PeriodKind::Year => names
                .year
                .as_ref()
                .zip(Names::date(period.year, 1))
                .map(|(f, d)| f.format(&d).to_string()),
            PeriodKind::Quarter => Some(self.numbered("quarter-name", "quarter", period)),
            PeriodKind::Week => Some(self.numbered("week-name", "week", period)),
        };
        named.unwrap_or_else(|| period.to_string())
    }

    /// A message that names a period by its number within the year: `$q`
    /// to choose words by, `$<name>` and `$year` as the language writes them.
    fn numbered(&self, id: &str, name: &str, period: Period) -> String {
        let mut args = FluentArgs::new();
        args.set("q", FluentValue::from(period.sub));
        args.set(name, FluentValue::from(self.periods.plain(i32::from(period.sub))));
        args.set("year", FluentValue::from(self.periods.plain(period.year)));
        self.format(id, Some(&args))
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Words;
    use crate::period::{parse_date, PeriodKind};

    /// `date` (YYYY-MM-DD) named as a period of `kind` in `lang`.
    fn name(lang: &str, kind: PeriodKind, date: &str) -> String {
        let date = parse_date(date).expect("a date");
        Words::new(lang).period(kind.of(date))
    }

    #[test]
    fn months_are_standalone_names_with_the_year() {
        use PeriodKind::Month;
        assert_eq!(name("en", Month, "2026-07-15"), "July 2026");
        assert_eq!(name("en", Month, "2026-01-01"), "January 2026");
        assert_eq!(name("sv", Month, "2026-07-15"), "juli 2026");
        assert_eq!(name("sv", Month, "2026-01-31"), "januari 2026");
        // Nominative, not the genitive of a date ("июля").
        assert_eq!(name("ru", Month, "2026-07-15"), "июль 2026\u{202f}г.");
        assert_eq!(name("ru", Month, "2026-01-15"), "январь 2026\u{202f}г.");
        assert_eq!(name("nl", Month, "2026-07-15"), "juli 2026");
        assert_eq!(name("nl", Month, "2026-01-15"), "januari 2026");
        assert_eq!(name("nb", Month, "2026-07-15"), "juli 2026");
        assert_eq!(name("nb", Month, "2026-01-15"), "januar 2026");
    }

    #[test]
    fn quarters_are_ordinals() {
        // Russian keeps CLDR's narrow no-break space before "г.", as months do.
        use PeriodKind::Quarter;
        assert_eq!(name("en", Quarter, "2026-01-01"), "1st quarter 2026");
        assert_eq!(name("en", Quarter, "2026-04-01"), "2nd quarter 2026");
        assert_eq!(name("en", Quarter, "2026-09-30"), "3rd quarter 2026");
        assert_eq!(name("en", Quarter, "2026-12-31"), "4th quarter 2026");
        assert_eq!(name("sv", Quarter, "2026-01-01"), "1:a kvartalet 2026");
        assert_eq!(name("sv", Quarter, "2026-05-01"), "2:a kvartalet 2026");
        assert_eq!(name("sv", Quarter, "2026-09-30"), "3:e kvartalet 2026");
        assert_eq!(name("sv", Quarter, "2026-12-31"), "4:e kvartalet 2026");
        assert_eq!(
            name("ru", Quarter, "2026-09-30"),
            "3\u{2011}й квартал 2026\u{202f}г."
        );
        assert_eq!(
            name("ru", Quarter, "2026-01-01"),
            "1\u{2011}й квартал 2026\u{202f}г."
        );
        assert_eq!(name("nl", Quarter, "2026-09-30"), "3e kwartaal 2026");
        assert_eq!(name("nl", Quarter, "2026-01-01"), "1e kwartaal 2026");
        assert_eq!(name("nb", Quarter, "2026-09-30"), "3. kvartal 2026");
        assert_eq!(name("nb", Quarter, "2026-01-01"), "1. kvartal 2026");
    }

    #[test]
    fn years_follow_cldr() {
        use PeriodKind::Year;
        assert_eq!(name("en", Year, "2026-01-01"), "2026");
        assert_eq!(name("sv", Year, "2026-06-01"), "2026");
        assert_eq!(name("ru", Year, "2026-06-01"), "2026");
        assert_eq!(name("nl", Year, "2026-06-01"), "2026");
        assert_eq!(name("nb", Year, "2026-12-31"), "2026");
    }

    #[test]
    fn weeks_are_named_in_their_week_year() {
        use PeriodKind::Week;
        assert_eq!(name("en", Week, "2026-09-01"), "week 36 of 2026");
        assert_eq!(name("sv", Week, "2026-09-01"), "vecka 36, 2026");
        assert_eq!(
            name("ru", Week, "2026-09-01"),
            "36\u{2011}я неделя 2026\u{202f}г."
        );
        assert_eq!(name("nl", Week, "2026-09-01"), "week 36 van 2026");
        assert_eq!(name("nb", Week, "2026-09-01"), "uke 36, 2026");
        // 1 January 2021 is in week 53 of 2020.
        assert_eq!(name("en", Week, "2021-01-01"), "week 53 of 2020");
        assert_eq!(name("sv", Week, "2021-01-01"), "vecka 53, 2020");
        assert_eq!(
            name("ru", Week, "2021-01-01"),
            "53\u{2011}я неделя 2020\u{202f}г."
        );
        assert_eq!(name("nl", Week, "2021-01-01"), "week 53 van 2020");
        assert_eq!(name("nb", Week, "2021-01-01"), "uke 53, 2020");
        // 29 December 2025 is in week 1 of 2026.
        assert_eq!(name("en", Week, "2025-12-29"), "week 1 of 2026");
        assert_eq!(name("nb", Week, "2025-12-29"), "uke 1, 2026");
    }

    #[test]
    fn unknown_languages_get_cldr_months_and_english_words() {
        // Month names are CLDR's, for any locale; quarters and weeks are
        // rapport's own words, English where it has none.
        assert_eq!(name("de", PeriodKind::Month, "2026-07-15"), "Juli 2026");
        assert_eq!(name("de", PeriodKind::Quarter, "2026-07-15"), "3rd quarter 2026");
        assert_eq!(name("fr-CA", PeriodKind::Week, "2026-09-01"), "week 36 of 2026");
    }

    #[test]
    fn years_are_never_grouped() {
        assert_eq!(name("en", PeriodKind::Week, "9999-06-01"), "week 22 of 9999");
        assert_eq!(name("en", PeriodKind::Quarter, "1999-06-01"), "2nd quarter 1999");
    }
}
