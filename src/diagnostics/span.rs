//! Places in a file: a 1-based line and column ([`Pos`]) and the stretch of
//! text a value covers ([`Span`]), as the YAML parser reports them and the
//! printer marks them.

/// A 1-based line and column (the column counts characters, not bytes).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize,
)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub col: u32,
}

/// Where a value starts and ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Span {
    /// First character.
    pub start: Pos,
    /// Just after the last character.
    pub end: Pos,
}

impl Span {
    /// A span that starts and ends at `pos`: a point.
    pub fn at(pos: Pos) -> Self {
        Span { start: pos, end: pos }
    }
}

/// Turns a line and column span into a byte range of `text` (the marker
/// stays on the first line and covers at least one character).
pub fn byte_range(text: &str, span: Span) -> std::ops::Range<usize> {
    let start = offset(text, span.start);
    let line_end = text[start..].find(['\n', '\r']).map_or(text.len(), |i| start + i);
    let end = if span.end.line > span.start.line {
        line_end
    } else if span.end > span.start {
        offset(text, span.end).min(line_end)
    } else {
        start
    };
    if end > start {
        start..end
    } else {
        let next = text[start..].chars().next().map_or(0, char::len_utf8);
        start..start + next
    }
}

/// The 1-based line and column (in characters) of byte `offset` of
/// `text`: what [`byte_range`] turns back into bytes.
pub fn position(text: &str, offset: usize) -> Pos {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos {
        line,
        col: before[line_start..].chars().count() as u32 + 1,
    }
}

fn offset(text: &str, pos: Pos) -> usize {
    let mut line_start = 0;
    for _ in 1..pos.line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line = &text[line_start..];
    let col = line
        .char_indices()
        .nth(pos.col.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    line_start + col
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "a = x\nbé = ÿ z\n";
        assert_eq!(position(text, 0), Pos { line: 1, col: 1 });
        assert_eq!(position(text, 6), Pos { line: 2, col: 1 });
        assert_eq!(
            position(text, text.find('z').unwrap_or(0)),
            Pos { line: 2, col: 8 }
        );
    }

    #[test]
    fn byte_ranges_count_characters_not_bytes() {
        let text = "a: ё\nτέλος: x\n";
        let span = Span {
            start: Pos { line: 2, col: 8 },
            end: Pos { line: 2, col: 9 },
        };
        assert_eq!(&text[byte_range(text, span)], "x");
    }
}
