//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// The fixtures folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The rapport binary, ready to run with `root` as its working folder.
pub fn rapport(root: &Path) -> snapbox::cmd::Command {
    snapbox::cmd::Command::new(snapbox::cmd::cargo_bin!("rapport"))
        .current_dir(root)
        .env("NO_COLOR", "1")
        .arg("--color=never")
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir_like(from) {
        let rel = entry.strip_prefix(from).expect("inside");
        let target = to.join(rel);
        if entry.is_dir() {
            std::fs::create_dir_all(&target).expect("create dir");
        } else {
            std::fs::create_dir_all(target.parent().expect("parent")).expect("create dir");
            std::fs::copy(&entry, &target).expect("copy");
        }
    }
}

fn walkdir_like(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    let mut i = 0;
    while i < out.len() {
        if out[i].is_dir() {
            let mut children: Vec<PathBuf> = std::fs::read_dir(&out[i])
                .expect("read dir")
                .map(|e| e.expect("entry").path())
                .collect();
            children.sort();
            out.extend(children);
        }
        i += 1;
    }
    out
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn snapshot_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walkdir_like(dir)
        .into_iter()
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.strip_prefix(dir).expect("inside").to_path_buf(),
                std::fs::read(&p).expect("read"),
            )
        })
        .collect()
}
