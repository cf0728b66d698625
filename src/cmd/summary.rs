//! What the commands say about a run: the problems found, the counts of what
//! was read, what privacy hid, and how far translations have come.

use super::MAX_SHOWN;
use crate::diagnostics::Diagnostics;
use crate::privacy::Privacy;
use crate::Analysis;
use codespan_reporting::term::termcolor::WriteColor;
use std::path::Path;

/// `1 survey`, `2 surveys`.
pub fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The diagnostics (warnings unless `quiet`), then a note for each survey
/// whose responses were not checked.
pub fn problems(
    analysis: &Analysis,
    root: &Path,
    out: &mut dyn WriteColor,
    quiet: bool,
) -> std::io::Result<()> {
    analysis.diagnostics.print(root, out, MAX_SHOWN, !quiet)?;
    for id in &analysis.unchecked {
        writeln!(
            out,
            "note: the responses of `{id}` were not checked: fix its survey.yaml first"
        )?;
    }
    Ok(())
}

/// `2 surveys (120 responses in 3 files, 1 from the cache)`.
pub fn counts(analysis: &Analysis) -> String {
    let read = analysis.read_counts;
    let cached = match read.cached {
        0 => String::new(),
        n => format!(", {n} from the cache"),
    };
    format!(
        "{} ({} in {}{cached})",
        plural(analysis.surveys.len() as u64, "survey", "surveys"),
        plural(read.responses, "response", "responses"),
        plural(read.files as u64, "file", "files"),
    )
}

/// `1 error, 0 warnings`.
pub fn tally(d: &Diagnostics) -> String {
    format!(
        "{}, {}",
        plural(d.errors() as u64, "error", "errors"),
        plural(d.warnings() as u64, "warning", "warnings")
    )
}

/// One line on what privacy hid.
pub fn privacy_line(p: Privacy, min_group_size: u64) -> String {
    let mut line = format!(
        "privacy: {} hidden (fewer than {min_group_size} respondents), {} more hidden so that they cannot be worked out by subtraction",
        plural(p.small, "breakdown cell", "breakdown cells"),
        p.complement
    );
    if p.audit > 0 {
        line.push_str(&format!(
            " ({} of them found by the audit of every published sum)",
            p.audit
        ));
    }
    // An unbounded cell's width is u64::MAX: nothing to say about it.
    if let Some(width) = p.narrowest.filter(|w| *w < u64::MAX) {
        line.push_str(&format!(
            "; each hidden cell can still be any of at least {}",
            plural(width + 1, "value", "values")
        ));
    }
    if p.unsafe_cells > 0 {
        line.push_str(&format!(
            "; {} can be worked out all the same from what a level always publishes (its total, when it has fewer than {min_group_size} respondents, or its score, when everyone gave the same answer)",
            plural(p.unsafe_cells, "hidden cell", "hidden cells")
        ));
    }
    line
}

/// Everything `check` found, for tools (`check --format json`): the counts,
/// the diagnostics, translation coverage per survey and language (only
/// `lang` when given), and what privacy hid. docs/diagnostics.md documents
/// the shape; keys are only ever added.
pub fn json(analysis: &Analysis, lang: Option<&str>) -> serde_json::Value {
    let d = &analysis.diagnostics;
    let translations: Vec<serde_json::Value> = analysis
        .surveys
        .iter()
        .flat_map(|(survey, _)| {
            survey
                .translations
                .iter()
                .filter(move |c| lang.is_none_or(|l| l == c.lang))
                .map(|c| {
                    serde_json::json!({
                        "survey": survey.id,
                        "language": c.lang,
                        "texts": c.texts,
                        "translated": c.texts - c.missing.len().min(c.texts),
                        "share": c.share(),
                        "missing": c.missing,
                    })
                })
        })
        .collect();
    let read = analysis.read_counts;
    serde_json::json!({
        "surveys": analysis.surveys.len(),
        "responses": read.responses,
        "files": read.files,
        "errors": d.errors(),
        "warnings": d.warnings(),
        "diagnostics": d.items().iter().map(|d| d.json()).collect::<Vec<_>>(),
        "translations": translations,
        "words": word_coverage(analysis, lang),
        "privacy": {
            "min_group_size": analysis.config.min_group_size,
            "small_cells_hidden": analysis.privacy.small,
            "complement_cells_hidden": analysis.privacy.complement,
            "audit_cells_hidden": analysis.privacy.audit,
            "narrowest_range": analysis.privacy.narrowest.filter(|w| *w < u64::MAX).map(|w| w + 1),
            "unprotected_cells": analysis.privacy.unsafe_cells,
        },
    })
}

/// How far rapport's own words are translated into each language of the
/// site (only `lang` when given): built in, the project's `i18n/` files, or
/// English.
pub fn word_coverage(analysis: &Analysis, lang: Option<&str>) -> Vec<crate::i18n::project::Coverage> {
    let mut langs: Vec<&str> = analysis.config.languages.iter().map(String::as_str).collect();
    for (survey, _) in &analysis.surveys {
        for l in &survey.languages {
            if !langs.contains(&l.as_str()) {
                langs.push(l);
            }
        }
    }
    langs
        .into_iter()
        .filter(|l| lang.is_none_or(|only| only == *l))
        .map(|l| crate::i18n::project::coverage(l, &analysis.words))
        .collect()
}

/// The lines of `check` on rapport's own words, for languages where some
/// are not translated.
pub fn word_lines(analysis: &Analysis, lang: Option<&str>) -> Vec<String> {
    word_coverage(analysis, lang)
        .into_iter()
        .filter(|c| c.translated < c.messages)
        .map(|c| {
            let mut line = format!(
                "  {} {:.0}% ({} of {})",
                c.language,
                100.0 * c.translated as f64 / c.messages.max(1) as f64,
                c.translated,
                c.messages
            );
            if !c.missing.is_empty() {
                line.push_str(&format!(", {} missing", c.missing.len()));
            }
            if !c.untranslated.is_empty() {
                line.push_str(&format!(", {} the English words unchanged", c.untranslated.len()));
            }
            line.push_str(&format!(
                ": shown in English; translate them in i18n/{}.ftl",
                c.language
            ));
            line
        })
        .collect()
}

/// The translation coverage lines of `check`, optionally for one language.
pub fn coverage_lines(analysis: &Analysis, lang: Option<&str>) -> Vec<String> {
    analysis
        .surveys
        .iter()
        .filter_map(|(survey, _)| {
            let parts: Vec<String> = survey
                .translations
                .iter()
                .filter(|c| lang.is_none_or(|l| l == c.lang))
                .map(|c| {
                    let done = c.texts - c.missing.len().min(c.texts);
                    let mut part = format!("{} {:.0}% ({done} of {})", c.lang, c.share() * 100.0, c.texts);
                    if !c.missing.is_empty() {
                        part.push_str(&format!(", {} missing", c.missing.len()));
                    }
                    part
                })
                .collect();
            (!parts.is_empty()).then(|| format!("  {}: {}", survey.id, parts.join("; ")))
        })
        .collect()
}
