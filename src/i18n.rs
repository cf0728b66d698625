//! The report's own words ("3 responses", "Target") in the languages of
//! [`BUILT_IN`]. Messages are Fluent files in `i18n/` (embedded in the binary, editable
//! by a translator); plural forms follow CLDR through Fluent, and numbers are
//! formatted by ICU4X (`71,3` in Swedish, `1,234` in English). Every lookup
//! happens here, in Rust, so templates receive finished strings. Periods
//! are named in words by [`Words::period`].

mod periods;
pub mod project;

pub use project::WordFiles;

use fixed_decimal::Decimal;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_locale_core::Locale;
use unic_langid::LanguageIdentifier;

/// A language rapport has its own words in.
#[derive(Debug, Clone, Copy)]
pub struct BuiltIn {
    /// Its tag.
    pub tag: &'static str,
    /// Its name in itself, for the language switcher.
    pub name: &'static str,
    /// Its Fluent messages.
    pub messages: &'static str,
}

/// The languages with the report's words built in; English first, as the
/// fallback for every other language.
pub const BUILT_IN: [BuiltIn; 5] = [
    BuiltIn {
        tag: "en",
        name: "English",
        messages: include_str!("../i18n/en.ftl"),
    },
    BuiltIn {
        tag: "sv",
        name: "Svenska",
        messages: include_str!("../i18n/sv.ftl"),
    },
    BuiltIn {
        tag: "ru",
        name: "Русский",
        messages: include_str!("../i18n/ru.ftl"),
    },
    BuiltIn {
        tag: "nl",
        name: "Nederlands",
        messages: include_str!("../i18n/nl.ftl"),
    },
    BuiltIn {
        tag: "nb",
        name: "Norsk bokmål",
        messages: include_str!("../i18n/nb.ftl"),
    },
];

/// The built-in language of `tag`, by its primary subtag.
pub fn built_in(tag: &str) -> Option<&'static BuiltIn> {
    let primary = tag.split('-').next().unwrap_or(tag);
    BUILT_IN.iter().find(|b| b.tag == primary)
}

/// The built-in languages' tags as a list in words: `en, sv, ru, nl and nb`.
pub fn built_in_list() -> String {
    let tags: Vec<&str> = BUILT_IN.iter().map(|b| b.tag).collect();
    match tags.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => tags.join(""),
    }
}

/// The writing direction of a language, from CLDR: `rtl` for Arabic,
/// Hebrew, Persian, Urdu and the like, `ltr` otherwise (also for a tag
/// CLDR does not know).
pub fn direction(tag: &str) -> &'static str {
    let rtl = tag
        .parse::<icu_locale_core::LanguageIdentifier>()
        .is_ok_and(|id| icu_locale::LocaleDirectionality::new_common().is_right_to_left(&id));
    if rtl {
        "rtl"
    } else {
        "ltr"
    }
}

/// A language's name in itself, for the language switcher ("العربية",
/// "日本語", "Deutsch", "British English"), from CLDR; the tag itself for a
/// language CLDR has no name for.
pub fn language_name(tag: &str) -> String {
    use icu_experimental::displaynames::{multi::LocaleDisplayNamesFormatter, DisplayNamesOptions};
    let Ok(locale) = tag.parse::<Locale>() else {
        return tag.to_owned();
    };
    let named = LocaleDisplayNamesFormatter::try_new((&locale).into(), DisplayNamesOptions::default())
        .map(|names| names.of(&locale).into_owned());
    match named {
        Ok(name) if name != tag => {
            // CLDR writes names as they appear mid-sentence ("svenska");
            // as a label of its own the first letter is a capital.
            let mut chars = name.chars();
            chars
                .next()
                .map_or(name.clone(), |first| first.to_uppercase().chain(chars).collect())
        }
        _ => built_in(tag).map_or_else(|| tag.to_owned(), |b| b.name.to_owned()),
    }
}

/// True when rapport has its own words in `lang` (by its primary subtag).
pub fn is_supported(lang: &str) -> bool {
    built_in(lang).is_some()
}

/// The report's words and number formats in one language.
pub struct Words {
    bundle: FluentBundle<FluentResource>,
    /// True when the words are in the page's language (built in or the
    /// project's); false when they fell back to English.
    own: bool,
    decimals: DecimalFormatter,
    percents: Option<PercentFormatter<DecimalFormatter>>,
    periods: periods::Names,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Words")
    }
}

impl Words {
    /// The words for `lang`; English words for a language rapport has no
    /// words in, but numbers and period names in `lang` all the same, from
    /// CLDR, for every locale ICU4X has data for.
    pub fn new(lang: &str) -> Self {
        Words::in_project(lang, &WordFiles::none())
    }

    /// The words for `lang` with the project's word files over rapport's
    /// own: a project's `i18n/<lang>.ftl` replaces the messages it has.
    pub fn in_project(lang: &str, files: &WordFiles) -> Self {
        let BuiltIn {
            tag,
            messages: source,
            ..
        } = *built_in(lang).unwrap_or(&BUILT_IN[0]);
        let project = files.get(lang);
        // Plural forms follow the page's language when its words are the
        // project's: Arabic messages may ask for `[two]` and `[few]`.
        let langid: LanguageIdentifier = match project {
            Some(_) => lang.parse().or_else(|_| tag.parse()).unwrap_or_default(),
            None => tag.parse().unwrap_or_default(),
        };
        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(false);
        // The built-in files are tested to parse; a broken one would only lose messages.
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
        if let Some(text) = project {
            // A file with errors never gets here: loading it stops the build.
            let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
            bundle.add_resource_overriding(resource);
        }
        let locale: Locale = lang.parse().or_else(|_| tag.parse()).unwrap_or(Locale::UNKNOWN);
        let decimals = DecimalFormatter::try_new((&locale).into(), Default::default())
            .or_else(|_| DecimalFormatter::try_new(Default::default(), Default::default()))
            .expect("the root locale's number data is compiled in");
        let percents = PercentFormatter::try_new((&locale).into(), Default::default()).ok();
        let periods = periods::Names::new(&locale);
        Words {
            bundle,
            own: built_in(lang).is_some() || project.is_some(),
            decimals,
            percents,
            periods,
        }
    }

    /// The attributes that mark rapport's words on the page: empty when
    /// they are in the page's language, else those of the English they
    /// fell back to (` lang="en" dir="ltr"`).
    pub fn attr(&self) -> String {
        if self.own {
            return String::new();
        }
        let fallback = BUILT_IN[0].tag;
        format!(" lang=\"{fallback}\" dir=\"{}\"", direction(fallback))
    }

    /// The language rapport's words are in: `lang`, or English when it
    /// has none in `lang`.
    pub fn lang<'a>(&self, lang: &'a str) -> &'a str {
        if self.own {
            lang
        } else {
            BUILT_IN[0].tag
        }
    }

    /// A message without arguments.
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// A message with string arguments.
    pub fn with(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, FluentValue::from(*v));
        }
        self.format(id, Some(&fa))
    }

    /// A counted message ("3 responses"): `n` picks the plural form and is
    /// shown formatted for the language.
    pub fn count(&self, id: &str, n: u64) -> String {
        let mut fa = FluentArgs::new();
        fa.set("n", FluentValue::from(n as f64));
        fa.set("shown", FluentValue::from(self.integer(n)));
        self.format(id, Some(&fa))
    }

    /// A message with a count (`$n`, `$shown`) and other text arguments.
    pub fn count_with(&self, id: &str, n: u64, args: &[(&str, &str)]) -> String {
        let mut fa = FluentArgs::new();
        fa.set("n", FluentValue::from(n as f64));
        fa.set("shown", FluentValue::from(self.integer(n)));
        for (k, v) in args {
            fa.set(*k, FluentValue::from(*v));
        }
        self.format(id, Some(&fa))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    /// A whole number with the language's grouping (`12 345` in Swedish).
    pub fn integer(&self, n: u64) -> String {
        self.decimals.format(&Decimal::from(n)).to_string()
    }

    /// A number rounded to `digits` decimals, with the language's separators.
    pub fn number(&self, x: f64, digits: i16) -> String {
        let scaled = (x * 10f64.powi(i32::from(digits))).round() as i64;
        let mut d = Decimal::from(scaled);
        d.multiply_pow10(-digits);
        self.decimals.format(&d).to_string()
    }

    /// A share (0..1) as a percentage with one decimal, as CLDR writes it
    /// in this language: `71.3%`, `71,3 %`, `%71,3` in Turkish.
    pub fn percent(&self, share: f64) -> String {
        self.percent_rounded(share, 1)
    }

    /// A share (0..1) as a percentage rounded to `digits` decimals.
    pub fn percent_rounded(&self, share: f64, digits: i16) -> String {
        let scaled = (share * 100.0 * 10f64.powi(i32::from(digits))).round() as i64;
        let mut d = Decimal::from(scaled);
        d.multiply_pow10(-digits);
        match &self.percents {
            Some(f) => f.format(&d).to_string(),
            None => format!("{}\u{a0}%", self.decimals.format(&d)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_parses_and_has_every_english_message() {
        let english = FluentResource::try_new(BUILT_IN[0].messages.to_owned()).expect("en parses");
        let ids: Vec<String> = english
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect();
        assert!(ids.len() > 30);
        for BuiltIn {
            tag: lang,
            messages: source,
            ..
        } in BUILT_IN
        {
            let r = FluentResource::try_new(source.to_owned())
                .unwrap_or_else(|(_, e)| panic!("{lang} does not parse: {e:?}"));
            let mine: Vec<String> = r
                .entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                    _ => None,
                })
                .collect();
            for id in &ids {
                assert!(mine.contains(id), "{lang} lacks {id}");
            }
        }
    }

    #[test]
    fn russian_plurals() {
        let ru = Words::new("ru");
        assert_eq!(ru.count("responses", 1), "1 ответ");
        assert_eq!(ru.count("responses", 2), "2 ответа");
        assert_eq!(ru.count("responses", 5), "5 ответов");
        assert_eq!(ru.count("responses", 21), "21 ответ");
        assert_eq!(ru.count("responses", 12), "12 ответов");
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(Words::new("sv").number(71.26, 1), "71,3");
        assert_eq!(Words::new("en").number(71.26, 1), "71.3");
        assert_eq!(Words::new("en").integer(12345), "12,345");
        assert_eq!(Words::new("sv").integer(12345), "12\u{a0}345");
        assert_eq!(Words::new("en").count("responses", 1), "1 response");
        assert_eq!(Words::new("nb").count("responses", 1234), "1\u{a0}234 svar");
    }

    #[test]
    fn unknown_languages_get_english() {
        assert!(!is_supported("de"));
        assert!(is_supported("nb"));
        for (tag, dir) in [
            ("ar", "rtl"),
            ("he", "rtl"),
            ("fa-IR", "rtl"),
            ("ur", "rtl"),
            ("en", "ltr"),
            ("ru", "ltr"),
            ("ja", "ltr"),
            ("zz", "ltr"),
        ] {
            assert_eq!(direction(tag), dir, "{tag}");
        }
        assert_eq!(built_in_list(), "en, sv, ru, nl and nb");
        for (tag, name) in [
            ("en", "English"),
            ("sv", "Svenska"),
            ("ru", "Русский"),
            ("nl", "Nederlands"),
            ("nb", "Norsk bokmål"),
            ("ar", "العربية"),
            ("ja", "日本語"),
            ("de", "Deutsch"),
            ("fa-IR", "فارسی (ایران)"),
            ("zz", "zz"),
        ] {
            assert_eq!(language_name(tag), name, "{tag}");
        }
        assert_eq!(Words::new("de").get("target"), "Target");
        // English words, German numbers: CLDR has them for any locale.
        assert_eq!(Words::new("de").integer(12345), "12.345");
        assert_eq!(Words::new("de").number(70.14, 1), "70,1");
        assert_eq!(Words::new("fr").number(70.14, 1), "70,1");
        assert_eq!(Words::new("ja").integer(12345), "12,345");
        // Percent signs where CLDR puts them, with its spaces.
        assert_eq!(Words::new("en").percent(0.7126), "71.3%");
        assert_eq!(Words::new("sv").percent(0.7126), "71,3\u{a0}%");
        assert_eq!(Words::new("de").percent(0.7126), "71,3\u{a0}%");
        assert_eq!(Words::new("tr").percent(0.7126), "%71,3");
        assert_eq!(Words::new("en").percent_rounded(0.126, 0), "13%");
    }
}
