//! The incremental cache: what each valid response file counted, so an
//! unchanged file is not parsed again.
//!
//! It lives in `.rapport-cache/` in the project's root (safe to delete), one
//! small file per response file. An entry is used only when it was written
//! by this version of rapport, with the same layout of counts, for the same
//! survey definition, and the
//! response file still has the same size and modification time, or else the
//! same content (xxh3 hash): a `git checkout` that touches every file costs a
//! read and a hash, not a parse. Files with problems are never cached, so
//! their diagnostics are shown on every run.

use crate::aggregate::Tally;
use crate::diagnostics::Pos;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use xxhash_rust::xxh3::{xxh3_128, xxh3_64};

/// The cache folder, relative to the project root.
pub const DIR: &str = ".rapport-cache";

/// What an entry's `version` must be: rapport's version and the layout of
/// [`FileSummary`]. postcard is not self-describing, so an entry of another
/// layout may decode into wrong counts instead of failing; the layout number
/// goes up whenever [`FileSummary`] or anything in it changes shape, also
/// between two releases. Entries of another version are not used.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+layout.3");

/// What one valid response file counted: all that later stages need of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileSummary {
    /// The counts.
    pub tally: Tally,
    /// Each response id's hash and position, in file order.
    pub ids: Vec<(u64, Pos)>,
    /// Responses in the file.
    pub responses: u64,
}

/// A response file as it was when it was counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    version: String,
    definition: u128,
    size: u64,
    modified: u128,
    content: u128,
    summary: FileSummary,
}

/// The size and modification time of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since 1970.
    pub modified: u128,
}

impl Stamp {
    /// Reads a file's stamp.
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
        Some(Stamp {
            size: meta.len(),
            modified,
        })
    }
}

/// The hash of a file's content.
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// The hash of a response id, for finding duplicates without keeping ids.
pub fn id_hash(id: &str) -> u64 {
    xxh3_64(id.as_bytes())
}

/// How a run uses the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheMode {
    /// Neither read nor write it (`--no-cache`).
    Off,
    /// Read it, never write it (`check` writes nothing).
    Read,
    /// Read it and bring it up to date (`build`).
    ReadWrite,
}

impl CacheMode {
    /// `ReadWrite`, or `Off` for `--no-cache`.
    pub fn writing(use_cache: bool) -> Self {
        if use_cache {
            CacheMode::ReadWrite
        } else {
            CacheMode::Off
        }
    }
}

/// One survey's part of the cache.
#[derive(Debug, Clone)]
pub struct SurveyCache {
    dir: PathBuf,
    definition: u128,
    write: bool,
}

impl SurveyCache {
    /// The cache of `survey` under `root`, for a definition with hash
    /// `definition`. `write` is false for `rapport check`, which writes nothing.
    pub fn new(root: &Path, survey: &str, definition: u128, write: bool) -> Self {
        SurveyCache {
            dir: root.join(DIR).join(survey),
            definition,
            write,
        }
    }

    /// The cache of `survey`, whose definition is the file `definition`
    /// under `root`, as `mode` asks; `None` when it is off (or the
    /// definition cannot be read to hash it).
    pub fn open(root: &Path, survey: &str, definition: &Path, mode: CacheMode) -> Option<Self> {
        if mode == CacheMode::Off {
            return None;
        }
        let bytes = std::fs::read(root.join(definition)).ok()?;
        Some(SurveyCache::new(
            root,
            survey,
            content_hash(&bytes),
            mode == CacheMode::ReadWrite,
        ))
    }

    fn entry_path(&self, rel: &Path) -> PathBuf {
        let key = crate::diagnostics::slash(rel);
        self.dir.join(format!("{:016x}.bin", xxh3_64(key.as_bytes())))
    }

    fn read(&self, rel: &Path) -> Option<Entry> {
        let bytes = std::fs::read(self.entry_path(rel)).ok()?;
        let entry: Entry = postcard::from_bytes(&bytes).ok()?;
        (entry.version == VERSION && entry.definition == self.definition).then_some(entry)
    }

    /// The summary of `rel` if it is unchanged since it was cached.
    pub fn fresh(&self, rel: &Path, stamp: Stamp) -> Option<FileSummary> {
        let entry = self.read(rel)?;
        (entry.size == stamp.size && entry.modified == stamp.modified).then_some(entry.summary)
    }

    /// The summary of `rel` if its content is what was cached; refreshes the
    /// entry's stamp so the next run skips the read.
    pub fn same_content(&self, rel: &Path, stamp: Stamp, content: u128) -> Option<FileSummary> {
        let entry = self.read(rel)?;
        if entry.content != content {
            return None;
        }
        self.store(rel, stamp, content, &entry.summary);
        Some(entry.summary)
    }

    /// Remembers what a valid file counted. Failing to write only costs a
    /// parse next time, so errors are ignored.
    pub fn store(&self, rel: &Path, stamp: Stamp, content: u128, summary: &FileSummary) {
        if !self.write {
            return;
        }
        let entry = Entry {
            version: VERSION.to_owned(),
            definition: self.definition,
            size: stamp.size,
            modified: stamp.modified,
            content,
            summary: summary.clone(),
        };
        let Ok(bytes) = postcard::to_stdvec(&entry) else {
            return;
        };
        let path = self.entry_path(rel);
        if std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        // Write beside and rename, so a reader never sees half an entry.
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&tmp, bytes).is_ok() && std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }

    /// Removes entries of files that no longer exist.
    pub fn prune(&self, files: &[PathBuf]) {
        if !self.write {
            return;
        }
        let keep: std::collections::BTreeSet<PathBuf> = files.iter().map(|f| self.entry_path(f)).collect();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if !keep.contains(&path) {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_used_only_while_file_and_definition_are_unchanged() {
        let dir = std::env::temp_dir().join(format!("rapport-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let rel = Path::new("surveys/s/responses/a.yaml");
        let cache = SurveyCache::new(&dir, "s", 7, true);
        let stamp = Stamp {
            size: 10,
            modified: 99,
        };
        let summary = FileSummary {
            responses: 3,
            ..FileSummary::default()
        };
        cache.store(rel, stamp, 42, &summary);
        assert_eq!(cache.fresh(rel, stamp), Some(summary.clone()));
        let touched = Stamp {
            size: 10,
            modified: 100,
        };
        assert_eq!(cache.fresh(rel, touched), None);
        assert_eq!(cache.same_content(rel, touched, 43), None);
        assert_eq!(cache.same_content(rel, touched, 42), Some(summary.clone()));
        assert_eq!(cache.fresh(rel, touched), Some(summary));
        // Another survey definition: nothing is reused.
        assert_eq!(SurveyCache::new(&dir, "s", 8, true).fresh(rel, touched), None);
        // check reads but never writes.
        let read_only = SurveyCache::new(&dir, "t", 7, false);
        read_only.store(rel, stamp, 42, &FileSummary::default());
        assert!(!dir.join(DIR).join("t").exists());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn entries_of_another_layout_are_not_used() {
        let dir = std::env::temp_dir().join(format!("rapport-cache-layout-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let rel = Path::new("surveys/s/responses/a.yaml");
        let cache = SurveyCache::new(&dir, "s", 7, true);
        let stamp = Stamp {
            size: 10,
            modified: 99,
        };
        cache.store(rel, stamp, 42, &FileSummary::default());
        assert!(cache.fresh(rel, stamp).is_some());
        // The same entry as written by this version before the layout changed.
        let old = Entry {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            definition: 7,
            size: 10,
            modified: 99,
            content: 42,
            summary: FileSummary::default(),
        };
        let bytes = postcard::to_stdvec(&old).expect("encode");
        std::fs::write(cache.entry_path(rel), bytes).expect("write");
        assert_eq!(cache.fresh(rel, stamp), None);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
