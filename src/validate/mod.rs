//! Validation: YAML trees in, checked types ([`crate::model`]) and
//! diagnostics out. Every rule of the format lives here, and every problem
//! points at the value's own line and column.
//!
//! - [`config`] — rapport.yaml
//! - [`survey`] — survey.yaml
//! - [`response`] — one response of a response file

pub mod config;
pub mod response;
pub mod survey;

use crate::diagnostics::{code, quote, Diagnostic, Span};
use crate::model::Text;
use crate::yaml::{Node, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// The file being validated and where its problems go.
pub struct Ctx<'a> {
    /// The file, relative to the project root.
    pub file: &'a Path,
    /// Problems found so far.
    pub diags: &'a mut Vec<Diagnostic>,
    /// The project's word files: a language they cover has words.
    pub words: &'a crate::i18n::WordFiles,
}

impl Ctx<'_> {
    /// Records an error at `span`.
    pub fn error(
        &mut self,
        code: &'static str,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
    ) {
        let d = Diagnostic::error(code, self.file, span, message).label(label);
        self.diags.push(d);
    }

    /// Records a finished diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Records an error for a name that is not among `known`, with a "did
    /// you mean" hint (or the list of what is allowed).
    pub fn unknown(
        &mut self,
        code: &'static str,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
        name: &str,
        known: &[&str],
    ) {
        let d = self
            .make(code, span, message)
            .label(label)
            .suggesting(name, known);
        self.push(d);
    }

    /// Starts an error at `span` for the caller to finish and push.
    pub fn make(&self, code: &'static str, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(code, self.file, span, message)
    }

    /// Reports a value of the wrong kind.
    pub fn wrong_type(&mut self, node: &Node, what: &str, expected: &str) {
        let found = node.describe();
        let label = if expected.len() > 30 {
            format!("found {found}")
        } else {
            format!("expected {expected}")
        };
        self.error(
            code::WRONG_TYPE,
            node.span,
            format!("{what}: expected {expected}, found {found}"),
            label,
        );
    }
}

/// The entries of a mapping, checked against the keys a place allows.
pub struct Fields<'n> {
    entries: &'n [(Node, Node)],
    /// The mapping itself.
    pub node: &'n Node,
    /// Keys that an unknown key was probably meant to be: their absence is
    /// already explained by the typo.
    typos: Vec<&'static str>,
}

impl<'n> Fields<'n> {
    /// Reads `node` as a mapping with only `allowed` keys; reports anything
    /// else. `None` (and an error) when it is not a mapping.
    pub fn read(ctx: &mut Ctx, node: &'n Node, what: &str, allowed: &[&'static str]) -> Option<Self> {
        let Value::Map(entries) = &node.value else {
            ctx.wrong_type(node, what, "a mapping");
            return None;
        };
        let mut typos = Vec::new();
        for (key, _) in entries {
            let name = key.text().unwrap_or("");
            if !allowed.contains(&name) {
                typos.extend(unknown_key(ctx, key, what, allowed));
            }
        }
        Some(Fields { entries, node, typos })
    }

    /// True when `key` is missing because an unknown key was probably meant
    /// to be it (and that typo is already reported).
    pub fn is_typo(&self, key: &str) -> bool {
        self.typos.contains(&key)
    }

    /// The key node `key` is written with, to point at the field itself.
    pub fn key(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.text() == Some(key))
            .map(|(k, _)| k)
    }

    /// The value of `key`, unless absent or null.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.text() == Some(key))
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())
    }

    /// The value of a required `key`; reports it when missing.
    pub fn require(&self, ctx: &mut Ctx, key: &str, what: &str) -> Option<&'n Node> {
        let found = self.get(key);
        if found.is_none() && !self.typos.contains(&key) {
            let d = ctx
                .make(code::MISSING, self.node.span, format!("{what} has no `{key}`"))
                .label(format!("`{key}` is required here"));
            ctx.push(d);
        }
        found
    }
}

/// Reports a key that `allowed` does not hold; returns the key it was
/// probably meant to be.
pub fn unknown_key(ctx: &mut Ctx, key: &Node, what: &str, allowed: &[&'static str]) -> Option<&'static str> {
    let name = key.text().unwrap_or("");
    ctx.unknown(
        code::UNKNOWN_KEY,
        key.span,
        format!("unknown field `{name}` in {what}"),
        format!("not a field of {what}"),
        name,
        allowed,
    );
    crate::diagnostics::suggest(name, allowed.iter().copied())
}

/// The entries of a mapping node, or an error.
pub fn entries<'n>(ctx: &mut Ctx, node: &'n Node, what: &str) -> Option<&'n [(Node, Node)]> {
    match &node.value {
        Value::Map(e) => Some(e),
        _ => {
            ctx.wrong_type(node, what, "a mapping");
            None
        }
    }
}

/// The items of a sequence node, or an error.
pub fn items<'n>(ctx: &mut Ctx, node: &'n Node, what: &str) -> Option<&'n [Node]> {
    match &node.value {
        Value::Seq(i) => Some(i),
        _ => {
            ctx.wrong_type(node, what, "a list");
            None
        }
    }
}

/// A scalar's text, or an error when the node is a list, mapping or null.
pub fn string<'n>(ctx: &mut Ctx, node: &'n Node, what: &str) -> Option<&'n str> {
    match node.text() {
        Some(t) => Some(t),
        None => {
            ctx.wrong_type(node, what, "a text");
            None
        }
    }
}

/// A number within `lo..=hi`, or an error.
pub fn number(ctx: &mut Ctx, node: &Node, what: &str, lo: f64, hi: f64) -> Option<f64> {
    let Some(n) = node.scalar().and_then(|s| s.as_number()) else {
        ctx.wrong_type(node, what, &format!("a number from {lo} to {hi}"));
        return None;
    };
    if !(lo..=hi).contains(&n) {
        ctx.error(
            code::OUT_OF_RANGE,
            node.span,
            format!("{what}: {n} is out of range"),
            format!("expected a number from {lo} to {hi}"),
        );
        return None;
    }
    Some(n)
}

/// True when `id` follows the id rule: `^[a-z0-9][a-z0-9_-]{0,63}$`.
pub fn is_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_' || *c == b'-')
}

/// A valid id close to `text` (lowercased, spaces as `-`), if there is one.
pub fn id_like(text: &str) -> Option<String> {
    let better: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' { '-' } else { c })
        .collect();
    is_id(&better).then_some(better)
}

/// Reads an id and checks its form; `None` (and an error) when it is bad.
pub fn id<'n>(ctx: &mut Ctx, node: &'n Node, what: &str) -> Option<&'n str> {
    let text = string(ctx, node, what)?;
    if !is_id(text) {
        let mut d = ctx
            .make(
                code::BAD_ID,
                node.span,
                format!("{what} {} is not a valid id", quote(text)),
            )
            .label("expected lowercase letters, digits, `-` and `_`, starting with a letter or digit")
            .note("ids match ^[a-z0-9][a-z0-9_-]{0,63}$");
        if let Some(better) = id_like(text) {
            d = d.help(format!("try `{better}`"));
        }
        ctx.push(d);
        return None;
    }
    Some(text)
}

/// True when `tag` is a well-formed BCP 47 language tag (language subtag of
/// 2-3 letters, then subtags of 1-8 letters or digits).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Reads a language tag. `no` and `false` get a hint towards `nb`.
pub fn language<'n>(ctx: &mut Ctx, node: &'n Node, what: &str) -> Option<&'n str> {
    let text = node.scalar().map(|s| s.text.as_str());
    if matches!(text, Some("no" | "false" | "NO" | "No")) {
        let d = ctx
            .make(
                code::BAD_LANGUAGE,
                node.span,
                format!("{what}: `{}` is ambiguous", text.unwrap_or("")),
            )
            .label("YAML 1.1 tools read this as false")
            .help("did you mean `nb`? Write `nb` for Norwegian Bokmål or `nn` for Nynorsk");
        ctx.push(d);
        return None;
    }
    let tag = string(ctx, node, what)?;
    if !is_language_tag(tag) {
        ctx.error(
            code::BAD_LANGUAGE,
            node.span,
            format!("{what}: {} is not a language tag", quote(tag)),
            "expected a BCP 47 tag such as `en`, `sv` or `pt-BR`",
        );
        return None;
    }
    Some(tag)
}

/// Reads a list of language tags: each valid, none twice. A tag rapport has
/// no words of its own in gets warning W0004 with `no_words` as its label.
pub fn languages(ctx: &mut Ctx, node: &Node, no_words: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let Some(list) = items(ctx, node, "languages") else {
        return out;
    };
    for item in list {
        let Some(tag) = language(ctx, item, "languages") else {
            continue;
        };
        if out.iter().any(|l| l == tag) {
            ctx.error(
                code::DUPLICATE_ID,
                item.span,
                format!("language `{tag}` is listed twice"),
                "listed twice",
            );
            continue;
        }
        if !crate::i18n::is_supported(tag) && !ctx.words.has(tag) {
            let d = Diagnostic::warning(
                code::NO_WORDS,
                ctx.file,
                item.span,
                format!("rapport has no words of its own in `{tag}`"),
            )
            .label(no_words)
            .note(format!(
                "rapport's own words exist in {}",
                crate::i18n::built_in_list()
            ))
            .help(format!(
                "give them in `i18n/{tag}.ftl` beside `surveys/` (see rapport's docs/templates.md)"
            ));
            ctx.push(d);
        }
        out.push(tag.to_owned());
    }
    out
}

/// A text that lacks a translation, remembered for one warning per language.
#[derive(Debug, Clone)]
pub struct Gap {
    /// The language it lacks.
    pub lang: String,
    /// Where the text is.
    pub span: Span,
    /// What the text is, e.g. `questions.wait-time.text`.
    pub path: String,
}

/// The languages texts are checked against, and the gaps found.
pub struct Langs<'a> {
    /// The declared languages, default first; empty when unknown.
    pub list: &'a [String],
    /// Translations found missing.
    pub gaps: Vec<Gap>,
    /// Texts written per language (maps), which a translator has to translate.
    pub texts: usize,
}

impl Langs<'_> {
    fn default(&self) -> Option<&str> {
        self.list.first().map(String::as_str)
    }
}

/// Reads a Text: a plain string, or a map from language tag to string.
pub fn text(ctx: &mut Ctx, langs: &mut Langs, node: &Node, path: &str) -> Option<Text> {
    if let Some(s) = node.scalar() {
        if s.is_null() {
            ctx.wrong_type(node, path, "a text");
            return None;
        }
        return Some(Text::plain(s.text.clone()));
    }
    let Value::Map(entries) = &node.value else {
        ctx.wrong_type(node, path, "a text, or a map from language to text");
        return None;
    };
    let mut by_lang = BTreeMap::new();
    let mut ok = true;
    for (key, value) in entries {
        let Some(tag) = language(ctx, key, path) else {
            ok = false;
            continue;
        };
        if !langs.list.is_empty() && !langs.list.iter().any(|l| l == tag) {
            let d = Diagnostic::warning(
                code::EXTRA_LANGUAGE,
                ctx.file,
                key.span,
                format!("{path}: `{tag}` is not one of the languages declared in `languages`"),
            )
            .label("this translation is never shown");
            ctx.push(d);
        }
        match string(ctx, value, path) {
            Some(t) => {
                by_lang.insert(tag.to_owned(), t.to_owned());
            }
            None => ok = false,
        }
    }
    if !ok {
        return None;
    }
    langs.texts += 1;
    if let Some(default) = langs.default() {
        if !by_lang.contains_key(default) {
            ctx.error(
                code::NO_DEFAULT_TEXT,
                node.span,
                format!("{path} has no text in `{default}`, the default language"),
                format!("add `{default}: ...` here"),
            );
            return None;
        }
        for lang in langs.list {
            if !by_lang.contains_key(lang) {
                langs.gaps.push(Gap {
                    lang: lang.clone(),
                    span: node.span,
                    path: path.to_owned(),
                });
            }
        }
    } else if by_lang.is_empty() {
        ctx.wrong_type(node, path, "a text");
        return None;
    }
    Some(Text { by_lang })
}

/// One warning per language that some texts lack, listing each of them.
pub fn report_gaps(ctx: &mut Ctx, gaps: &[Gap], list: &[String]) {
    for lang in list {
        let missing: Vec<&Gap> = gaps.iter().filter(|g| &g.lang == lang).collect();
        let Some(first) = missing.first() else {
            continue;
        };
        let n = missing.len();
        let mut d = Diagnostic::warning(
            code::MISSING_TRANSLATION,
            ctx.file,
            first.span,
            format!(
                "{n} {} no `{lang}` translation",
                if n == 1 { "text has" } else { "texts have" }
            ),
        )
        .label(format!("no `{lang}` here"));
        for g in &missing {
            d = d.note(format!("line {}: {}", g.span.start.line, g.path));
        }
        let d = d.note(format!(
            "the report shows the default language where `{lang}` is missing"
        ));
        ctx.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_rule() {
        for good in ["a", "accuracy", "q1", "delivered-on-time", "x_y", "0abc"] {
            assert!(is_id(good), "{good}");
        }
        for bad in ["", "-a", "_a", "Accuracy", "a b", "å", &"a".repeat(65)] {
            assert!(!is_id(bad), "{bad}");
        }
    }

    #[test]
    fn language_tags() {
        for good in ["en", "sv", "nb", "pt-BR", "zh-Hant-TW", "sr-Latn"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "e", "english", "en_US", "en-", "1a"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
