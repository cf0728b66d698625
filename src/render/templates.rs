//! Templates: the built-in files of `templates/` are embedded in the binary;
//! a project's own `templates/` folder replaces them file by file (same
//! name). Autoescaping is on for `.html`, so nothing a respondent typed
//! reaches a page unescaped.

use crate::diagnostics::{code, Diagnostic, Severity};
use std::path::Path;
use tera::Tera;

/// The built-in templates and stylesheet, by name.
pub const BUILT_IN: [(&str, &str); 4] = [
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("report.html", include_str!("../../templates/report.html")),
    ("style.css", include_str!("../../templates/style.css")),
];

/// The templates a site is rendered with.
pub struct Templates {
    /// Parsed HTML templates.
    pub tera: Tera,
    /// The stylesheet.
    pub css: String,
}

/// Loads the built-ins, then the project's overrides from `root/templates`.
/// A file that does not override a built-in gets a warning; a template that
/// does not parse is an error.
pub fn load(root: &Path, diags: &mut Vec<Diagnostic>) -> Option<Templates> {
    let mut files: Vec<(String, String)> = BUILT_IN
        .iter()
        .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
        .collect();
    let dir = root.join("templates");
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        for name in names {
            let rel = Path::new("templates").join(&name);
            let Some(slot) = files.iter_mut().find(|(n, _)| *n == name) else {
                let known: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
                diags.push(
                    Diagnostic::general(
                        Severity::Warning,
                        code::UNUSED_TEMPLATE,
                        Some(&rel),
                        format!("`{name}` does not replace any built-in template, so it is not used"),
                    )
                    .suggesting(&name, &known),
                );
                continue;
            };
            match crate::load::read_text(root, &rel, crate::model::MAX_FILE_SIZE) {
                Ok(text) => slot.1 = text,
                Err(d) => diags.push(*d),
            }
        }
    }
    let css = files
        .iter()
        .find(|(n, _)| n == "style.css")
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    let mut tera = Tera::default();
    tera.set_escape_fn(escape_html);
    // `{{ tag | dir }}`: a language's writing direction, `ltr` or `rtl`,
    // for a passage in another language than the page's.
    tera.register_filter(
        "dir",
        |value: &tera::Value, _: &std::collections::HashMap<String, tera::Value>| {
            Ok(tera::Value::String(
                crate::i18n::direction(value.as_str().unwrap_or("")).to_owned(),
            ))
        },
    );
    let html: Vec<(String, String)> = files.into_iter().filter(|(n, _)| n.ends_with(".html")).collect();
    if let Err(e) = tera.add_raw_templates(html) {
        diags.push(parse_error(&chain(&e)));
        return None;
    }
    Some(Templates { tera, css })
}

/// Escapes text for HTML content and attribute values. Unlike tera's
/// default it leaves `/` alone, so relative links stay readable.
pub fn escape_html(input: &str) -> String {
    escape(input, true)
}

/// The one escaper of text put into HTML or SVG: `&`, `<`, `>` and `"`
/// always, `'` too when `apostrophe` is set (for text that may end up in a
/// single-quoted attribute; chart titles, in element content only, keep it).
pub fn escape(input: &str, apostrophe: bool) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' if apostrophe => out.push_str("&#x27;"),
            _ => out.push(c),
        }
    }
    out
}

/// A template that does not parse, as a diagnostic at its file, line and
/// column (tera writes them as `Failed to parse 'x.html'` and ` --> 30:32`).
fn parse_error(text: &str) -> Diagnostic {
    let name = text
        .split("Failed to parse '")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or("");
    let at = text
        .split("--> ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|lc| lc.split_once(':'))
        .and_then(|(l, c)| Some((l.parse::<u32>().ok()?, c.parse::<u32>().ok()?)));
    let expected = text
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with('='))
        .map(|l| l.trim_start_matches([' ', '=']).trim());
    let file = Path::new("templates").join(name);
    let message = format!("template `{name}` does not parse");
    let d = match at {
        Some((line, col)) if !name.is_empty() => {
            let pos = crate::diagnostics::Pos { line, col };
            Diagnostic::error(code::TEMPLATE, &file, crate::diagnostics::Span::at(pos), message)
                .label(expected.unwrap_or("here").to_owned())
        }
        _ => Diagnostic::general(
            Severity::Error,
            code::TEMPLATE,
            Some(&file),
            format!("{message}: {text}"),
        ),
    };
    d.help("templates use Tera's syntax: https://keats.github.io/tera/docs/")
}

/// A tera error with its causes, in one line.
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// The stylesheet with the width classes the templates use (`w-0`..`w-100`),
/// so that no inline style is needed and the pages' CSP can forbid them.
pub fn stylesheet(css: &str) -> String {
    let mut out = css.to_owned();
    out.push_str("\n/* widths of bars and bands, generated */\n");
    for w in 0..=100 {
        out.push_str(&format!(".w-{w}{{--w:{w}%}}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape_html("<a href=\"x\" onclick='y'>&</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#x27;y&#x27;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn built_ins_parse() {
        let mut diags = Vec::new();
        let t = load(Path::new("/nonexistent"), &mut diags).expect("built-ins parse");
        assert!(diags.is_empty());
        let names: Vec<&str> = t.tera.get_template_names().collect();
        assert!(names.contains(&"report.html") && names.contains(&"index.html"));
    }
}
