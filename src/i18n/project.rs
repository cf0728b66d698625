//! A project's own word files: `i18n/<lang>.ftl` beside `surveys/`, in the
//! Fluent format of rapport's built-in files. A file adds a language
//! rapport has no words in (`i18n/ar.ftl`), or replaces some of the
//! built-in words of one it has (`i18n/sv.ftl`); messages it lacks keep
//! rapport's own, in English for a new language.

use crate::diagnostics::{code, position, Diagnostic, Pos, Severity, Span};
use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use std::collections::BTreeMap;
use std::path::Path;

/// The word files of a project, by language tag.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordFiles {
    files: BTreeMap<String, String>,
}

impl WordFiles {
    /// No word files: rapport's own words only.
    pub fn none() -> Self {
        WordFiles::default()
    }

    /// The Fluent source for `lang`: its own file, else that of its primary
    /// language (`i18n/pt.ftl` serves `pt-BR`).
    pub fn get(&self, lang: &str) -> Option<&str> {
        let primary = lang.split('-').next().unwrap_or(lang);
        self.files
            .get(lang)
            .or_else(|| self.files.get(primary))
            .map(String::as_str)
    }

    /// True when the project gives words in `lang`.
    pub fn has(&self, lang: &str) -> bool {
        self.get(lang).is_some()
    }
}

/// The ids of the messages in a Fluent source, in order.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// How far rapport's words are translated into one language.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Coverage {
    /// The language.
    pub language: String,
    /// How many messages rapport has.
    pub messages: usize,
    /// How many of them are in the language (built in or the project's).
    pub translated: usize,
    /// Messages with no words in the language: they are shown in English.
    pub missing: Vec<String>,
    /// Messages of the project's file that are the English words unchanged.
    pub untranslated: Vec<String>,
}

/// The translation of rapport's words into `lang`: built-in messages and
/// the project's own, less those that are missing or copied from English
/// unchanged.
pub fn coverage(lang: &str, files: &WordFiles) -> Coverage {
    let english = super::BUILT_IN[0].messages;
    let ids = message_ids(english);
    let primary = lang.split('-').next().unwrap_or(lang);
    let mut have: Vec<String> = match super::built_in(lang) {
        Some(b) => message_ids(b.messages),
        None => Vec::new(),
    };
    let mut untranslated = Vec::new();
    if let Some(text) = files.get(lang) {
        let theirs = values(text);
        let ours = values(english);
        for (id, value) in &theirs {
            if primary != "en" && ours.get(id) == Some(value) {
                untranslated.push(id.clone());
            } else {
                have.push(id.clone());
            }
        }
    }
    let missing: Vec<String> = ids
        .iter()
        .filter(|id| !have.contains(id) && !untranslated.contains(id))
        .cloned()
        .collect();
    untranslated.retain(|id| ids.contains(id) && !have.contains(id));
    Coverage {
        language: lang.to_owned(),
        messages: ids.len(),
        translated: ids.len() - missing.len() - untranslated.len(),
        missing,
        untranslated,
    }
}

/// Each message's value as Fluent reads it, by id (whitespace and
/// comments aside, so a copy with other line breaks still compares equal).
fn values(source: &str) -> BTreeMap<String, String> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
    resource
        .body
        .into_iter()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => Some((m.id.name.to_owned(), format!("{:?}", m.value))),
            _ => None,
        })
        .collect()
}

/// A word file for `lang` to translate: rapport's English messages, each
/// as a comment, so that none counts as translated before it is. The head
/// names the plural forms the language has in CLDR.
pub fn to_translate(lang: &str) -> String {
    let categories = lang
        .parse::<icu_locale_core::Locale>()
        .ok()
        .and_then(|l| icu_plurals::PluralRules::try_new_cardinal((&l).into()).ok())
        .map(|rules| {
            rules
                .categories()
                .map(|c| format!("[{}]", format!("{c:?}").to_lowercase()))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| "[one] [other]".to_owned());
    let mut out = format!(
        "# rapport's own words in {name} ({lang}), over its English ones.\n\
         # To translate a message, write it in {name} and remove the `# ` before\n\
         # each of its lines. Messages left as comments are shown in English,\n\
         # and `rapport check` counts them as missing. Counted messages pick a\n\
         # form by CLDR's plural rules; {name} has {categories}, and the form\n\
         # marked with `*` is used for any other. `{{ $name }}` is filled in by rapport.\n",
        name = super::language_name(lang),
    );
    for block in super::BUILT_IN[0].messages.split("\n\n").skip(1) {
        out.push('\n');
        for line in block.lines() {
            if line.starts_with('#') {
                out.push_str(line);
            } else {
                out.push_str("# ");
                out.push_str(line);
            }
            out.push('\n');
        }
    }
    out
}

/// Reads `root/i18n/*.ftl`. A file that does not parse is an error at the
/// place Fluent names; a name that is no language tag, and a message
/// rapport has no use for, are warnings.
pub fn load(root: &Path, diags: &mut Vec<Diagnostic>) -> WordFiles {
    let mut out = WordFiles::none();
    let Ok(entries) = std::fs::read_dir(root.join("i18n")) else {
        return out;
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && n.ends_with(".ftl"))
        .collect();
    names.sort();
    let known = message_ids(super::BUILT_IN[0].messages);
    for name in names {
        let rel = Path::new("i18n").join(&name);
        let tag = name.trim_end_matches(".ftl");
        if tag.parse::<icu_locale_core::LanguageIdentifier>().is_err() {
            diags.push(
                Diagnostic::general(
                    Severity::Warning,
                    code::UNUSED_WORDS,
                    Some(&rel),
                    format!("`{tag}` is not a language tag, so `{name}` is not used"),
                )
                .help("name a word file by its language: `i18n/ar.ftl`, `i18n/pt-BR.ftl`"),
            );
            continue;
        }
        let text = match crate::load::read_text(root, &rel, crate::model::MAX_FILE_SIZE) {
            Ok(text) => text,
            Err(d) => {
                diags.push(*d);
                continue;
            }
        };
        if let Err((_, errors)) = FluentResource::try_new(text.clone()) {
            for e in errors {
                let start = position(&text, e.pos.start);
                let end = position(&text, e.pos.end.max(e.pos.start));
                diags.push(
                    Diagnostic::error(
                        code::BAD_WORDS,
                        &rel,
                        Span { start, end },
                        lowercase_first(&e.kind.to_string()),
                    )
                    .label("Fluent cannot read this")
                    .note("the format is Fluent's: https://projectfluent.org/fluent/guide/"),
                );
            }
            continue;
        }
        let known_refs: Vec<&str> = known.iter().map(String::as_str).collect();
        for (id, at) in message_places(&text) {
            if !known.contains(&id) {
                let pos = position(&text, at);
                diags.push(
                    Diagnostic::warning(
                        code::UNUSED_WORDS,
                        &rel,
                        Span {
                            start: pos,
                            end: Pos {
                                col: pos.col + id.chars().count() as u32,
                                ..pos
                            },
                        },
                        format!("rapport has no message `{id}`, so it is not used"),
                    )
                    .label("unknown message")
                    .suggesting(&id, &known_refs),
                );
            }
        }
        out.files.insert(tag.to_owned(), text);
    }
    out
}

/// Each message's id with the byte offset where it starts.
fn message_places(text: &str) -> Vec<(String, usize)> {
    let mut offset = 0;
    let mut out = Vec::new();
    for line in text.split_inclusive('\n') {
        let id: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        let rest = line[id.len()..].trim_start();
        if !id.is_empty() && id.starts_with(|c: char| c.is_ascii_alphabetic()) && rest.starts_with('=') {
            out.push((id, offset));
        }
        offset += line.len();
    }
    out
}

/// Fluent's message as a diagnostic's: starting in lowercase.
fn lowercase_first(message: &str) -> String {
    let mut chars = message.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ids_before_an_equals_sign_are_messages() {
        let text = "a = x\nbé = ÿ z\n";
        assert_eq!(
            message_places(text),
            vec![("a".to_owned(), 0)],
            "`bé` is not a message id"
        );
    }

    #[test]
    fn untranslated_copies_and_missing_messages_are_not_counted() {
        let english = crate::i18n::BUILT_IN[0].messages;
        let all = message_ids(english).len();
        let mut files = WordFiles::none();
        // A file that translates one message and copies another unchanged.
        files
            .files
            .insert("ar".into(), "target = الهدف\nsurveys    =   Surveys\n".into());
        let ar = coverage("ar", &files);
        assert_eq!(ar.translated, 1);
        assert_eq!(ar.untranslated, vec!["surveys".to_owned()]);
        assert_eq!(ar.missing.len(), all - 2);
        // No file at all: everything is missing.
        assert_eq!(coverage("ja", &files).missing.len(), all);
        // Built-in languages are complete; English is English.
        assert_eq!(coverage("sv", &files).translated, all);
        assert_eq!(coverage("en-GB", &files).translated, all);
    }

    #[test]
    fn a_region_falls_back_to_its_language() {
        let mut files = WordFiles::none();
        files.files.insert("pt".into(), "target = Meta\n".into());
        assert!(files.has("pt-BR") && files.has("pt") && !files.has("es"));
    }
}
