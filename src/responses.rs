//! A survey's responses: every file is read, validated response by response
//! and counted into its own [`Tally`], in parallel; the tallies are then
//! merged in path order and response ids checked for duplicates across files.
//! Only one response per file is ever held in memory.

use crate::aggregate::Tally;
use crate::diagnostics::{slash, Diagnostic, Severity};
use crate::load::{read_text, syntax_error};
use crate::model::Survey;
use crate::validate::response::{response, Lookup, ResponseId};
use crate::validate::{code, Ctx};
use crate::yaml::{parse_sequence, Top};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What reading one response file gave.
#[derive(Debug, Default)]
pub struct FileResult {
    /// The counts of its valid responses.
    pub tally: Tally,
    /// The ids it declares, in order.
    pub ids: Vec<ResponseId>,
    /// Responses read (valid or not).
    pub responses: u64,
    /// Its problems.
    pub diags: Vec<Diagnostic>,
}

/// Reads one response file of `survey`.
pub fn read_file(root: &Path, rel: &Path, survey: &Survey, look: &Lookup) -> FileResult {
    let mut out = FileResult::default();
    let text = match read_text(root, rel) {
        Ok(t) => t,
        Err(d) => {
            out.diags.push(*d);
            return out;
        }
    };
    let mut ctx = Ctx {
        file: rel,
        diags: &mut out.diags,
    };
    let mut tally = Tally::default();
    let mut ids = Vec::new();
    let mut count = 0;
    let parsed = parse_sequence(&text, |node| {
        count += 1;
        let (r, id) = response(&mut ctx, look, &node);
        if let Some(r) = r {
            tally.add(survey, &r);
        }
        ids.extend(id);
    });
    match parsed {
        Ok(Top::Seq | Top::Null) => {}
        Ok(Top::Empty) => ctx.push(
            Diagnostic::general(
                Severity::Error,
                code::EMPTY,
                Some(rel),
                "the response file is empty",
            )
            .help("a response file holds a list of responses; write `[]` for none yet"),
        ),
        Err(e) => ctx.push(syntax_error(rel, &e)),
    }
    out.tally = tally;
    out.ids = ids;
    out.responses = count;
    out
}

/// Everything read from a survey's response files.
#[derive(Debug, Default)]
pub struct Collected {
    /// The merged counts.
    pub tally: Tally,
    /// Responses read.
    pub responses: u64,
    /// Files read.
    pub files: usize,
    /// Problems, in path order.
    pub diags: Vec<Diagnostic>,
}

/// Reads all of a survey's response files (in parallel) and merges them.
pub fn collect(root: &Path, files: &[PathBuf], survey: &Survey) -> Collected {
    let look = Lookup::new(survey);
    let results: Vec<FileResult> = files
        .par_iter()
        .map(|f| read_file(root, f, survey, &look))
        .collect();
    let mut out = Collected {
        files: files.len(),
        ..Collected::default()
    };
    let mut seen: HashMap<String, (usize, crate::yaml::Span2)> = HashMap::new();
    for (i, result) in results.into_iter().enumerate() {
        out.tally.merge(&result.tally);
        out.responses += result.responses;
        out.diags.extend(result.diags);
        for rid in result.ids {
            if let Some((file, first)) = seen.get(&rid.id) {
                let d = Diagnostic::error(
                    code::DUPLICATE_RESPONSE,
                    &files[i],
                    rid.span,
                    format!("response id {} is used twice", crate::yaml::quote(&rid.id)),
                )
                .label("second use")
                .note(format!(
                    "first used at {}:{}:{}",
                    slash(&files[*file]),
                    first.start.line,
                    first.start.col
                ))
                .help("response ids must be unique within a survey");
                out.diags.push(d);
            } else {
                seen.insert(rid.id, (i, rid.span));
            }
        }
    }
    out.tally.normalize();
    out
}
