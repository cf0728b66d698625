//! Imported responses written as a response file: one YAML sequence in
//! rapport's format, every text a respondent typed double-quoted and
//! escaped, so the file reads back exactly as imported.

use super::answer::Value;
use super::{Imported, Response};
use std::fmt::Write;

/// The response file for `imported`, with a comment naming the export.
pub fn yaml(imported: &Imported, export_name: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Responses imported by `rapport import` from {} ({}).",
        one_line(export_name),
        imported.layout.spec().name
    );
    for r in &imported.responses {
        response(&mut out, r, imported.zone);
    }
    out
}

fn response(out: &mut String, r: &Response, zone: time::UtcOffset) {
    let _ = writeln!(out, "- id: {}", quoted(&r.id));
    let _ = writeln!(out, "  submitted: {}", r.submitted.rfc3339(zone));
    if let Some(lang) = &r.language {
        let _ = writeln!(out, "  language: {}", word(lang));
    }
    if !r.segment.is_empty() {
        let _ = writeln!(out, "  segment:");
        for (id, value) in &r.segment {
            let _ = writeln!(out, "    {}: {}", word(id), word(value));
        }
    }
    if r.answers.is_empty() {
        let _ = writeln!(out, "  answers: {{}}");
        return;
    }
    let _ = writeln!(out, "  answers:");
    for (id, value) in &r.answers {
        let text = match value {
            Value::Number(n) => n.to_string(),
            Value::Word(w) => word(w),
            Value::Many(ids) => format!("[{}]", ids.iter().map(|i| word(i)).collect::<Vec<_>>().join(", ")),
            Value::Text(t) => quoted(t),
        };
        let _ = writeln!(out, "    {}: {text}", word(id));
    }
}

/// An id (`[a-z0-9][a-z0-9_-]*`) plain when YAML reads it back as the same
/// text, quoted otherwise (`1`, `null`, `true`).
fn word(id: &str) -> String {
    let plain = id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && !matches!(id, "null" | "true" | "false" | "nan" | "inf");
    if plain {
        id.to_owned()
    } else {
        quoted(id)
    }
}

/// A double-quoted YAML scalar: quotes, backslashes, control characters
/// and YAML's own line breaks escaped, everything else as typed.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            // Control and format characters (the byte-order mark, bidi
            // overrides that reorder a diff) and noncharacters, which some
            // YAML readers refuse.
            c if c.is_control() || is_format(c) || is_nonchar(c) => {
                if (c as u32) > 0xFFFF {
                    let _ = write!(out, "\\U{:08x}", c as u32);
                } else {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A file name for the comment: anything that is no plain printable
/// character becomes `?`.
fn one_line(name: &str) -> String {
    let odd =
        |c: char| c.is_control() || is_format(c) || is_nonchar(c) || matches!(c, '\u{2028}' | '\u{2029}');
    name.chars().map(|c| if odd(c) { '?' } else { c }).collect()
}

/// Invisible characters that change how the text around them is shown: the
/// byte-order mark, zero-width and bidirectional controls.
fn is_format(c: char) -> bool {
    matches!(c, '\u{feff}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}')
}

/// Unicode noncharacters: U+FDD0..U+FDEF, and the last two code points of
/// every plane.
fn is_nonchar(c: char) -> bool {
    let c = c as u32;
    (0xFDD0..=0xFDEF).contains(&c) || c & 0xFFFE == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_reads_back_as_typed() {
        let nasty =
            "a \"quote\", a \\ and\na line\u{2028}sep\u{7}bell: #not-a-comment 'x' {y} [z] * & ! % @ ` \u{202e}rtl\u{fffe}\u{10fffe}";
        assert!(quoted(nasty).contains("\\u202e") && quoted(nasty).contains("\\U0010fffe"));
        let yaml = format!("- {}\n", quoted(nasty));
        let mut got = Vec::new();
        crate::yaml::parse_sequence(&yaml, |node| got.push(node.text().map(str::to_owned))).expect("parses");
        assert_eq!(got, vec![Some(nasty.to_owned())]);
    }

    #[test]
    fn the_comment_holds_the_export_s_name_on_one_plain_line() {
        assert_eq!(one_line("a\u{2028}b\nc\u{202e}.csv"), "a?b?c?.csv");
    }

    #[test]
    fn ids_that_yaml_would_read_as_other_things_are_quoted() {
        assert_eq!(word("email"), "email");
        assert_eq!(word("1"), "\"1\"");
        assert_eq!(word("null"), "\"null\"");
        assert_eq!(word("R_2YPOQ"), "\"R_2YPOQ\"");
    }
}
