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

fn name_of(out: &Path) -> String {
    out.file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned())
}

fn sibling(out: &Path, what: &str) -> PathBuf {
    out.with_file_name(format!(".{}.rapport-{what}-{}", name_of(out), std::process::id()))
}

/// Holds the output folder's lock file, so that two builds into the same
/// folder take turns instead of mixing their files.
fn lock(out: &Path) -> Result<std::fs::File, FsError> {
    let path = out.with_file_name(format!(".{}.rapport-lock", name_of(out)));
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| FsError {
            action: "create",
            path: path.clone(),
            source,
        })?;
    file.lock().map_err(|source| FsError {
        action: "lock",
        path,
        source,
    })?;
    Ok(file)
}

/// Removes what earlier builds left behind when they were killed. Called
/// with the lock held, so no other build is using them. A build killed
/// between moving the old site aside and moving the new one in left the old
/// site in an `old` folder: it is put back first.
fn clean_up(out: &Path) -> Result<(), FsError> {
    let Some(parent) = out.parent() else {
        return Ok(());
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let prefix = format!(".{}.rapport-", name_of(out));
    for name in fsx::list(parent)? {
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let path = parent.join(&name);
        if rest.starts_with("old-") && !out.exists() {
            fsx::rename(&path, out)?;
        } else if rest.starts_with("old-") || rest.starts_with("stage-") {
            fsx::remove_dir_all(&path)?;
        }
    }
    Ok(())
}

fn refuse_foreign(out: &Path) -> Result<(), WriteError> {
    let existing = fsx::list(out)?;
    if !existing.is_empty() && !existing.iter().any(|n| n == MARKER) {
        return Err(WriteError::Foreign(out.to_path_buf()));
    }
    Ok(())
}

/// Writes `files` into `out`, replacing what was there only on success.
pub fn write_site(out: &Path, files: &SiteFiles) -> Result<(), WriteError> {
    // Checked before anything is created beside a folder that is not ours,
    // and again under the lock.
    refuse_foreign(out)?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fsx::create_dir_all(parent)?;
    }
    let _lock = lock(out)?;
    clean_up(out)?;
    refuse_foreign(out)?;
    let stage = sibling(out, "stage");
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

/// Puts the stage in place of `out`. On Linux the two folders are exchanged
/// in one step (`renameat2` with `RENAME_EXCHANGE`), so there is no moment
/// without a site; elsewhere, or on file systems without it, the old site is
/// moved aside first and [`clean_up`] puts it back if a build dies between
/// the two renames.
fn swap(stage: &Path, out: &Path) -> Result<(), FsError> {
    if !out.exists() {
        return fsx::rename(stage, out);
    }
    if exchange(stage, out) {
        // `stage` now holds the previous site.
        return fsx::remove_dir_all(stage);
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

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
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
        assert_eq!(names, vec![".site.rapport-lock".to_string(), "site".to_string()]);
    }

    #[test]
    fn leftovers_of_a_killed_build_are_cleaned_up_or_put_back() {
        let dir = temp("leftovers");
        let out = dir.join("site");
        let mut files = SiteFiles::new();
        files.insert("a.txt".into(), b"new".to_vec());
        // A build killed while filling its stage, and one killed between its
        // two renames: the previous site sits in `old`, `site` is missing.
        std::fs::create_dir_all(dir.join(".site.rapport-stage-999999/x")).expect("stage");
        std::fs::create_dir_all(dir.join(".site.rapport-old-999998")).expect("old");
        std::fs::write(dir.join(".site.rapport-old-999998").join(MARKER), "").expect("marker");
        std::fs::write(dir.join(".site.rapport-old-999998/a.txt"), "previous").expect("old site");
        clean_up(&out).expect("clean up");
        assert_eq!(std::fs::read(out.join("a.txt")).expect("put back"), b"previous");
        write_site(&out, &files).expect("build");
        assert_eq!(std::fs::read(out.join("a.txt")).expect("written"), b"new");
        let names = fsx::list(&dir).expect("list");
        assert_eq!(names, vec![".site.rapport-lock".to_string(), "site".to_string()]);
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
