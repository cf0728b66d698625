//! rapport.yaml: the project's optional site settings.

use super::{string, text, Ctx, Fields, Langs};
use crate::diagnostics::{code, quote};
use crate::model::Config;
use crate::yaml::Node;

const FIELDS: [&str; 5] = [
    "title",
    "languages",
    "min_group_size",
    "base_url",
    "max_file_size",
];

/// Checks rapport.yaml; problems go to `ctx`, and the defaults stand in for
/// whatever could not be read.
pub fn config(ctx: &mut Ctx, node: &Node) -> Config {
    let mut config = Config::default();
    let Some(fields) = Fields::read(ctx, node, "rapport.yaml", &FIELDS) else {
        return config;
    };
    if let Some(n) = fields.get("languages") {
        config.languages =
            super::languages(ctx, n, "the list of surveys in this language will be in English");
    }
    if let Some(n) = fields.get("title") {
        let mut langs = Langs {
            list: &config.languages,
            gaps: Vec::new(),
            texts: 0,
        };
        config.title = text(ctx, &mut langs, n, "title");
    }
    if let Some(n) = fields.get("min_group_size") {
        match n.scalar().and_then(|s| s.as_int()) {
            Some(v) if v >= 1 => config.min_group_size = v.unsigned_abs(),
            Some(_) => ctx.error(
                code::OUT_OF_RANGE,
                n.span,
                "min_group_size must be at least 1",
                "expected a whole number of 1 or more",
            ),
            None => ctx.wrong_type(n, "min_group_size", "a whole number"),
        }
    }
    if let Some(n) = fields.get("max_file_size") {
        match n.scalar().and_then(|s| s.as_number()) {
            Some(mb) if mb > 0.0 && mb <= 1_000_000.0 => config.max_file_size = (mb * 1e6) as u64,
            _ => ctx.wrong_type(n, "max_file_size", "a size in MB, more than 0"),
        }
    }
    if let Some(n) = fields.get("base_url") {
        config.base_url = string(ctx, n, "base_url").and_then(|url| base_url(ctx, n, url));
    }
    config
}

/// Checks a base URL (`/reports/` or `https://example.org/reports/`) and
/// gives it its trailing slash; the error says what is expected.
pub fn normalize_base_url(url: &str) -> Result<String, String> {
    let ok = url.starts_with('/') || url.starts_with("https://") || url.starts_with("http://");
    if !ok || url.contains(['"', '<', '>', ' ', '\\']) {
        return Err(format!(
            "base_url {} is not a path or an http(s) URL: expected e.g. `/reports/` or `https://example.org/reports/`",
            quote(url)
        ));
    }
    Ok(if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    })
}

/// Checks `base_url` in rapport.yaml.
pub fn base_url(ctx: &mut Ctx, node: &Node, url: &str) -> Option<String> {
    match normalize_base_url(url) {
        Ok(u) => Some(u),
        Err(message) => {
            ctx.error(
                code::WRONG_TYPE,
                node.span,
                message,
                "expected `/reports/` or `https://...`",
            );
            None
        }
    }
}
