//! Wording shared by many diagnostics: quoting what a user wrote, listing
//! what is allowed, and "did you mean" for a name that is close to a known one.

/// The known name nearest to `unknown`, if one is close enough to be a typo.
pub fn suggest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(unknown, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// A "did you mean" hint, or a list of what is allowed when nothing is close.
pub fn did_you_mean(unknown: &str, known: &[&str]) -> String {
    match suggest(unknown, known.iter().copied()) {
        Some(k) => format!("did you mean `{k}`?"),
        None if known.is_empty() => "none are declared".into(),
        None => format!("expected one of {}", list(known)),
    }
}

/// `a`, `b` or `c`, shortened after eight.
pub fn list(known: &[&str]) -> String {
    let mut names: Vec<String> = known.iter().take(8).map(|k| format!("`{k}`")).collect();
    if known.len() > 8 {
        names.push(format!("{} more", known.len() - 8));
    }
    match names.len() {
        0 => String::new(),
        1 => names.remove(0),
        n => format!("{} or {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

impl super::Diagnostic {
    /// Adds the "did you mean" hint for `unknown`, a name not among `known`.
    pub fn suggesting(self, unknown: &str, known: &[&str]) -> Self {
        self.help(did_you_mean(unknown, known))
    }
}

/// Quotes a value for a message, shortened when long.
pub fn quote(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    format!("\"{}\"", short.escape_debug())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_find_typos_only() {
        let known = ["accuracy", "availability", "partnership", "advice"];
        assert_eq!(suggest("availabilty", known), Some("availability"));
        assert_eq!(suggest("zzz", known), None);
        assert_eq!(did_you_mean("acuracy", &known), "did you mean `accuracy`?");
        assert_eq!(
            did_you_mean("zzz", &known),
            "expected one of `accuracy`, `availability`, `partnership` or `advice`"
        );
    }
}
