//! Writing: the site goes into a stage folder beside the output and replaces
//! it only when every file is written. A failed or interrupted build leaves
//! the previous site exactly as it was.
//!
//! The output folder carries a marker file; rapport replaces only a folder
//! that is empty, missing, or has the marker, so a mistyped `--out` cannot
//! delete anything else.

use crate::fsx::{self, FsError};
use crate::render::SiteFiles;
use std::fmt;
use std::path::{Path, PathBuf};

/// The marker file in every folder rapport builds.
pub const MARKER: &str = ".rapport-site";

const MARKER_TEXT: &str = "This folder is made by `rapport build` and replaced by every build.\n";

/// Why the site could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// A file system operation failed.
    Fs(FsError),
    /// The output folder holds files rapport did not make.
    Foreign(PathBuf),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Fs(e) => e.fmt(f),
            WriteError::Foreign(p) => write!(
                f,
                "refusing to replace {}: the folder is not empty and was not made by rapport (it has no {MARKER} file); remove it or choose another --out",
                p.display()
            ),
        }
    }
}

impl std::error::Error for WriteError {}

impl From<FsError> for WriteError {
    fn from(e: FsError) -> Self {
        WriteError::Fs(e)
    }
}

fn sibling(out: &Path, what: &str) -> PathBuf {
    let name = out
        .file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!(".{name}.rapport-{what}-{}", std::process::id()))
}

/// Writes `files` into `out`, replacing what was there only on success.
pub fn write_site(out: &Path, files: &SiteFiles) -> Result<(), WriteError> {
    let existing = fsx::list(out)?;
    if !existing.is_empty() && !existing.iter().any(|n| n == MARKER) {
        return Err(WriteError::Foreign(out.to_path_buf()));
    }
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fsx::create_dir_all(parent)?;
    }
    let stage = sibling(out, "stage");
    fsx::remove_dir_all(&stage)?;
    let result = fill(&stage, files).and_then(|()| swap(&stage, out));
    if result.is_err() {
        let _ = fsx::remove_dir_all(&stage);
    }
    result.map_err(WriteError::from)
}

fn fill(stage: &Path, files: &SiteFiles) -> Result<(), FsError> {
    fsx::create_dir_all(stage)?;
    fsx::write(&stage.join(MARKER), MARKER_TEXT.as_bytes())?;
    for (path, bytes) in files {
        let target = stage.join(path);
        if let Some(dir) = target.parent() {
            fsx::create_dir_all(dir)?;
        }
        fsx::write(&target, bytes)?;
    }
    Ok(())
}

fn swap(stage: &Path, out: &Path) -> Result<(), FsError> {
    if !out.exists() {
        return fsx::rename(stage, out);
    }
    let old = sibling(out, "old");
    fsx::remove_dir_all(&old)?;
    fsx::rename(out, &old)?;
    if let Err(e) = fsx::rename(stage, out) {
        // Put the previous site back before reporting.
        let _ = fsx::rename(&old, out);
        return Err(e);
    }
    fsx::remove_dir_all(&old)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("rapport-write-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn replaces_a_previous_site_and_leaves_no_stage() {
        let dir = temp("replace");
        let out = dir.join("site");
        let mut files = SiteFiles::new();
        files.insert("a/data.json".into(), b"1".to_vec());
        write_site(&out, &files).expect("first build");
        files.clear();
        files.insert("b/data.json".into(), b"2".to_vec());
        write_site(&out, &files).expect("second build");
        assert!(!out.join("a").exists());
        assert_eq!(std::fs::read(out.join("b/data.json")).expect("written"), b"2");
        let names = fsx::list(&dir).expect("list");
        assert_eq!(names, vec!["site".to_string()]);
    }

    #[test]
    fn refuses_a_folder_it_did_not_make() {
        let dir = temp("foreign");
        std::fs::write(dir.join("precious.txt"), "keep me").expect("write");
        let err = write_site(&dir, &SiteFiles::new()).expect_err("refused");
        assert!(matches!(err, WriteError::Foreign(_)));
        assert_eq!(
            std::fs::read_to_string(dir.join("precious.txt")).expect("kept"),
            "keep me"
        );
    }
}
