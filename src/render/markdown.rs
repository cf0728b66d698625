//! Markdown to HTML with pulldown-cmark. Survey authors are trusted like the
//! authors of any static site, so their Markdown may hold HTML; respondents'
//! text never passes through here.

use pulldown_cmark::{html, Options, Parser};

/// Renders CommonMark (with tables and strikethrough) to HTML.
pub fn to_html(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(markdown, options));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_lists_and_emphasis() {
        assert_eq!(
            to_html("- **a**\n- b\n"),
            "<ul>\n<li><strong>a</strong></li>\n<li>b</li>\n</ul>\n"
        );
    }
}
