//! A builder for small rapport projects in a temp folder, so that a test
//! states only how its project differs from a valid one, then runs
//! `rapport check` and asserts its exit status, an empty stdout and the
//! whole of stderr:
//!
//! ```ignore
//! Project::new()
//!     .survey_with(|s| s.replace("level: accuracy", "level: acuracy"))
//!     .status(1)
//!     .stderr(str![[r#"
//! error[E0103]: questions.on-time.level: there is no level `acuracy`
//! ...
//! "#]])
//!     .check();
//! ```
//!
//! [`Project::new`] starts from one valid survey, `support`, with
//! [`SURVEY`] as its survey.yaml and [`RESPONSES`] as `responses/a.yaml`;
//! [`Project::empty`] starts from nothing. Paths are relative to the
//! project's root and use `/`. The root is a folder inside the temp folder,
//! so `../` reaches files outside the project (for links that point out of
//! it).
//!
//! Expected stderr is any snapbox data: inline `str![[...]]` or
//! `file![...]`, both rewritten by `SNAPSHOTS=overwrite`.

use crate::support::rapport;
use snapbox::{Data, IntoData};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The survey.yaml of [`Project::new`]: one level, one scale question.
pub const SURVEY: &str = "\
title: Support
languages: [en]
scales:
  agree5:
    labels: [Strongly disagree, Disagree, Neither, Agree, Strongly agree]
levels:
  - id: accuracy
    name: Accuracy
questions:
  - id: on-time
    level: accuracy
    type: scale
    scale: agree5
    text: Was it delivered on time?
";

/// The `responses/a.yaml` of [`Project::new`]: one valid response.
pub const RESPONSES: &str = "\
- id: r1
  submitted: 2026-09-14
  answers:
    on-time: 4
";

/// The id of the survey that [`Project::new`] writes.
const ID: &str = "support";

/// A rapport project in a temp folder, and what `rapport check` must print
/// over it. The folder is deleted when the builder is dropped.
#[must_use = "a project does nothing until `.check()`"]
pub struct Project {
    /// Kept for its `Drop`, which deletes the folder.
    _tmp: TempDir,
    root: PathBuf,
    status: i32,
    stderr: Data,
}

impl Project {
    /// A valid project: survey `support` with [`SURVEY`] and one response
    /// file, `a.yaml`, with [`RESPONSES`].
    pub fn new() -> Self {
        Self::empty()
            .survey(ID, SURVEY)
            .responses(ID, "a.yaml", RESPONSES)
    }

    /// A project with no files at all, not even a `surveys` folder.
    pub fn empty() -> Self {
        let tmp = tempfile::tempdir().expect("temp folder");
        let root = tmp.path().join("project");
        std::fs::create_dir(&root).expect("create the project folder");
        Self {
            _tmp: tmp,
            root,
            status: 0,
            stderr: Data::new(),
        }
    }

    /// Writes a file, creating the folders above it; replaces what was there.
    pub fn file(self, path: &str, contents: impl AsRef<[u8]>) -> Self {
        let path = self.root.join(path);
        std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("create folders");
        std::fs::write(&path, contents).expect("write a file");
        self
    }

    /// Writes `surveys/<id>/survey.yaml`.
    pub fn survey(self, id: &str, yaml: &str) -> Self {
        self.file(&format!("surveys/{id}/survey.yaml"), yaml)
    }

    /// Writes `surveys/<id>/responses/<name>`; the text may be any bytes.
    pub fn responses(self, id: &str, name: &str, yaml: impl AsRef<[u8]>) -> Self {
        self.file(&format!("surveys/{id}/responses/{name}"), yaml)
    }

    /// Rewrites a text file with `edit`, which must change it.
    pub fn edit(self, path: &str, edit: impl FnOnce(&str) -> String) -> Self {
        let before = std::fs::read_to_string(self.root.join(path)).expect("read the file to edit");
        let after = edit(&before);
        assert_ne!(before, after, "the edit of {path} changed nothing");
        self.file(path, after)
    }

    /// Rewrites the survey.yaml of `support` with `edit`, which must change it.
    pub fn survey_with(self, edit: impl FnOnce(&str) -> String) -> Self {
        self.edit(&format!("surveys/{ID}/survey.yaml"), edit)
    }

    /// Rewrites `responses/a.yaml` of `support` with `edit`, which must change it.
    pub fn responses_with(self, edit: impl FnOnce(&str) -> String) -> Self {
        self.edit(&format!("surveys/{ID}/responses/a.yaml"), edit)
    }

    /// Deletes a file.
    pub fn remove(self, path: &str) -> Self {
        std::fs::remove_file(self.root.join(path)).expect("remove a file");
        self
    }

    /// Makes `path` a symbolic link to `target`, written as given: a
    /// relative target is relative to the link's folder, and need not exist.
    #[cfg(unix)]
    pub fn symlink(self, path: &str, target: &str) -> Self {
        let path = self.root.join(path);
        std::fs::create_dir_all(path.parent().expect("a link has a folder")).expect("create folders");
        std::os::unix::fs::symlink(target, &path).expect("create a symbolic link");
        self
    }

    /// The project's root folder, to run other commands over it.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Runs `rapport build --no-cache` into `site/` of the project, which
    /// must succeed; returns that folder.
    pub fn build(&self) -> PathBuf {
        let out = self.root.join("site");
        rapport(&self.root)
            .args(["build", "--no-cache", "--out"])
            .arg(&out)
            .assert()
            .success();
        out
    }

    /// The exit status `rapport check` must end with; 0 unless told.
    pub fn status(mut self, code: i32) -> Self {
        self.status = code;
        self
    }

    /// The whole of what `rapport check` must print to stderr; nothing
    /// unless told.
    pub fn stderr(mut self, expected: impl IntoData) -> Self {
        self.stderr = expected.into_data();
        self
    }

    /// Runs `rapport check` in the project's root and asserts the exit
    /// status, an empty stdout and the expected stderr.
    pub fn check(self) {
        rapport(&self.root)
            .arg("check")
            .assert()
            .code(self.status)
            .stdout_eq("")
            .stderr_eq(self.stderr);
    }
}
