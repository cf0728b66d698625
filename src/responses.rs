//! A survey's responses: every file is read, validated response by response
//! and counted into its own [`Tally`], in parallel; unchanged files come
//! from the [cache](crate::cache). Tallies merge in any order, so files are
//! folded as they finish and only the counts, never the responses, are
//! kept. Response ids are kept as 64-bit hashes with their positions;
//! duplicates are found by sorting, and a hash collision is told apart from
//! a real duplicate by reading the two ids again.

use crate::aggregate::Tally;
use crate::cache::{content_hash, id_hash, FileSummary, Stamp, SurveyCache};
use crate::diagnostics::{code, quote, slash, Diagnostic, Pos, Severity, Span};
use crate::load::{decode, read_bytes};
use crate::model::Survey;
use crate::progress::Progress;
use crate::validate::response::{response, Lookup};
use crate::validate::Ctx;
use crate::yaml::{parse_sequence, Node, Top, Value};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What reading one response file gave.
#[derive(Debug, Default)]
struct FileResult {
    summary: FileSummary,
    diags: Vec<Diagnostic>,
    cached: bool,
}

/// The id of a response node and where it is written.
fn node_id(node: &Node) -> Option<(&str, Pos)> {
    let Value::Map(entries) = &node.value else {
        return None;
    };
    let (_, value) = entries.iter().find(|(k, _)| k.text() == Some("id"))?;
    let s = value.scalar().filter(|s| !s.is_null())?;
    Some((s.text.as_str(), value.span.start))
}

/// Parses and counts one file's text.
fn count(text: &str, rel: &Path, survey: &Survey, look: &Lookup) -> (FileSummary, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut summary = FileSummary::default();
    let mut ctx = Ctx {
        file: rel,
        diags: &mut diags,
        words: &crate::i18n::WordFiles::none(),
    };
    let parsed = parse_sequence(text, |node| {
        summary.responses += 1;
        let r = response(&mut ctx, look, &node);
        if let Some(r) = r {
            summary.tally.add(survey, &r);
        }
        if let Some((id, pos)) = node_id(&node) {
            summary.ids.push((id_hash(id), pos));
        }
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
        Err(e) => ctx.push(e.diagnostic(rel)),
    }
    (summary, diags)
}

/// Reads one response file of `survey`, from the cache when it can.
fn read_file(
    root: &Path,
    rel: &Path,
    survey: &Survey,
    look: &Lookup,
    cache: Option<&SurveyCache>,
    max: u64,
) -> FileResult {
    let stamp = Stamp::of(&root.join(rel));
    let cached = |summary| FileResult {
        summary,
        diags: Vec::new(),
        cached: true,
    };
    // A file over the size limit is never taken from the cache: reading it reports the limit.
    let cache = cache.filter(|_| stamp.is_some_and(|st| st.size <= max));
    if let (Some(c), Some(st)) = (cache, stamp) {
        if let Some(s) = c.fresh(rel, st) {
            return cached(s);
        }
    }
    let bytes = match read_bytes(root, rel, max) {
        Ok(b) => b,
        Err(d) => {
            return FileResult {
                diags: vec![*d],
                ..FileResult::default()
            }
        }
    };
    let content = content_hash(&bytes);
    if let (Some(c), Some(st)) = (cache, stamp) {
        if let Some(s) = c.same_content(rel, st, content) {
            return cached(s);
        }
    }
    let text = match decode(rel, bytes) {
        Ok(t) => t,
        Err(d) => {
            return FileResult {
                diags: vec![*d],
                ..FileResult::default()
            }
        }
    };
    let (summary, diags) = count(&text, rel, survey, look);
    if let (Some(c), Some(st), true) = (cache, stamp, diags.is_empty()) {
        c.store(rel, st, content, &summary);
    }
    FileResult {
        summary,
        diags,
        cached: false,
    }
}

/// The results of the files read so far, folded together as they finish.
#[derive(Debug, Default)]
struct Folded {
    tally: Tally,
    ids: Vec<(u32, Vec<(u64, Pos)>)>,
    responses: u64,
    cached: usize,
    diags: Vec<(usize, Vec<Diagnostic>)>,
}

impl Folded {
    fn add(mut self, (i, file_result): (usize, FileResult)) -> Self {
        self.tally.merge(&file_result.summary.tally);
        self.responses += file_result.summary.responses;
        let file = u32::try_from(i).unwrap_or(u32::MAX);
        self.ids.push((file, file_result.summary.ids));
        self.cached += usize::from(file_result.cached);
        if !file_result.diags.is_empty() {
            self.diags.push((i, file_result.diags));
        }
        self
    }

    fn merge(mut self, other: Folded) -> Self {
        self.tally.merge(&other.tally);
        self.ids.extend(other.ids);
        self.responses += other.responses;
        self.cached += other.cached;
        self.diags.extend(other.diags);
        self
    }
}

/// How much was read: responses and files, and files that came from the
/// cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Responses read.
    pub responses: u64,
    /// Files read.
    pub files: usize,
    /// Files whose counts came from the cache.
    pub cached: usize,
}

impl Counts {
    /// Adds another survey's counts.
    pub fn add(&mut self, other: Counts) {
        self.responses += other.responses;
        self.files += other.files;
        self.cached += other.cached;
    }
}

/// Everything read from a survey's response files.
#[derive(Debug, Default)]
pub struct Collected {
    /// The merged counts.
    pub tally: Tally,
    /// How much was read.
    pub counts: Counts,
    /// Problems, in path order.
    pub diags: Vec<Diagnostic>,
}

/// Reads all of a survey's response files (in parallel) and merges them.
pub fn collect(
    root: &Path,
    files: &[PathBuf],
    survey: &Survey,
    cache: Option<&SurveyCache>,
    progress: &Progress,
    max_file_size: u64,
) -> Collected {
    let look = Lookup::new(survey);
    let mut fold = files
        .par_iter()
        .enumerate()
        .map(|(i, f)| {
            let one = read_file(root, f, survey, &look, cache, max_file_size);
            progress.inc();
            (i, one)
        })
        .fold(Folded::default, Folded::add)
        .reduce(Folded::default, Folded::merge);
    fold.diags.sort_by_key(|(i, _)| *i);
    let mut diags: Vec<Diagnostic> = fold.diags.into_iter().flat_map(|(_, d)| d).collect();
    // One exact allocation for all ids; each file's list is freed as it is copied.
    let total = fold.ids.iter().map(|(_, ids)| ids.len()).sum();
    let mut ids = Vec::with_capacity(total);
    for (file, list) in fold.ids {
        ids.extend(list.into_iter().map(|(h, p)| (h, file, p)));
    }
    diags.extend(duplicates(root, files, ids));
    let tally = fold.tally;
    if let Some(c) = cache {
        c.prune(files);
    }
    Collected {
        tally,
        counts: Counts {
            responses: fold.responses,
            files: files.len(),
            cached: fold.cached,
        },
        diags,
    }
}

/// The ids of a file with their positions, read again to name duplicates.
fn ids_of(root: &Path, rel: &Path) -> Vec<(Pos, String)> {
    let mut out = Vec::new();
    if let Ok(text) = std::fs::read(root.join(rel)).map(|b| String::from_utf8_lossy(&b).into_owned()) {
        let _ = parse_sequence(&text, |node| {
            if let Some((id, pos)) = node_id(&node) {
                out.push((pos, id.to_owned()));
            }
        });
    }
    out
}

/// Finds response ids used more than once. `ids` holds (hash, file, position);
/// equal hashes are checked against the ids' text, so a collision of two
/// different ids is not reported.
fn duplicates(root: &Path, files: &[PathBuf], mut ids: Vec<(u64, u32, Pos)>) -> Vec<Diagnostic> {
    ids.sort_unstable();
    let mut texts: BTreeMap<u32, Vec<(Pos, String)>> = BTreeMap::new();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let mut j = i + 1;
        while j < ids.len() && ids[j].0 == ids[i].0 {
            j += 1;
        }
        if j - i > 1 {
            let mut named: Vec<(String, u32, Pos)> = ids[i..j]
                .iter()
                .map(|&(_, file, pos)| {
                    let known = texts
                        .entry(file)
                        .or_insert_with(|| ids_of(root, &files[file as usize]));
                    let text = known
                        .iter()
                        .find(|(p, _)| *p == pos)
                        .map(|(_, t)| t.clone())
                        .unwrap_or_default();
                    (text, file, pos)
                })
                .collect();
            named.sort();
            for pair in named.windows(2) {
                let (first, second) = (&pair[0], &pair[1]);
                if first.0 != second.0 {
                    continue;
                }
                let original = named.iter().find(|n| n.0 == second.0).unwrap_or(first);
                out.push((
                    second.1,
                    second.2,
                    Diagnostic::error(
                        code::DUPLICATE_RESPONSE,
                        &files[second.1 as usize],
                        Span {
                            start: second.2,
                            end: Pos {
                                line: second.2.line,
                                col: second.2.col + u32::try_from(second.0.chars().count()).unwrap_or(0),
                            },
                        },
                        format!("response id {} is used twice", quote(&second.0)),
                    )
                    .label("second use")
                    .note(format!(
                        "first used at {}:{}:{}",
                        slash(&files[original.1 as usize]),
                        original.2.line,
                        original.2.col
                    ))
                    .help("response ids must be unique within a survey"),
                ));
            }
        }
        i = j;
    }
    out.sort_by_key(|(file, pos, _)| (*file, *pos));
    out.into_iter().map(|(_, _, d)| d).collect()
}
