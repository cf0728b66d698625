//! File system calls whose errors name the path they failed on.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// An I/O failure with the path it happened on.
#[derive(Debug)]
pub struct FsError {
    /// What rapport was doing, e.g. "write".
    pub action: &'static str,
    /// The path.
    pub path: PathBuf,
    /// The system's error.
    pub source: io::Error,
}

impl fmt::Display for FsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not {} {}: {}",
            self.action,
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for FsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

fn ctx<T>(action: &'static str, path: &Path, r: io::Result<T>) -> Result<T, FsError> {
    r.map_err(|source| FsError {
        action,
        path: path.to_path_buf(),
        source,
    })
}

/// Reads a whole file.
pub fn read(path: &Path) -> Result<Vec<u8>, FsError> {
    ctx("read", path, std::fs::read(path))
}

/// Writes a whole file.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    ctx("write", path, std::fs::write(path, bytes))
}

/// Writes a whole file atomically: into a hidden file beside it, then
/// moved into place, so the path never holds half a file. Without
/// `replace`, an existing file is an error (`AlreadyExists`) and is left
/// as it was.
pub fn write_new(path: &Path, bytes: &[u8], replace: bool) -> Result<(), FsError> {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let temp = path.with_file_name(format!(".{name}.rapport-{}", std::process::id()));
    write(&temp, bytes)?;
    let placed = if replace {
        std::fs::rename(&temp, path)
    } else {
        // A hard link never replaces what is there; where the file system
        // has none, the check and the rename are two steps.
        match std::fs::hard_link(&temp, path) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists && !path.exists() => {
                std::fs::rename(&temp, path)
            }
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => {
                Err(io::Error::new(io::ErrorKind::AlreadyExists, "the file exists"))
            }
            r => r,
        }
    };
    let _ = std::fs::remove_file(&temp);
    ctx("write", path, placed)
}

/// Creates a folder and its parents.
pub fn create_dir_all(path: &Path) -> Result<(), FsError> {
    ctx("create", path, std::fs::create_dir_all(path))
}

/// Renames a file or folder.
pub fn rename(from: &Path, to: &Path) -> Result<(), FsError> {
    ctx("rename", from, std::fs::rename(from, to))
}

/// Removes a folder and everything in it; a missing folder is fine.
pub fn remove_dir_all(path: &Path) -> Result<(), FsError> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        r => ctx("remove", path, r),
    }
}

/// The names of a folder's entries, sorted; empty when it does not exist.
pub fn list(path: &Path) -> Result<Vec<String>, FsError> {
    let entries = match std::fs::read_dir(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        r => ctx("read", path, r)?,
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = ctx("read", path, entry)?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    Ok(names)
}
