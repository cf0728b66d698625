//! The command line itself: version, help and exit statuses.

use crate::support::{fixtures, rapport};

#[test]
fn version_and_help() {
    let root = fixtures();
    rapport(&root)
        .arg("--version")
        .assert()
        .success()
        .stdout_eq(format!("rapport {}\n", env!("CARGO_PKG_VERSION")));
    let help = rapport(&root)
        .arg("--help")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let help = String::from_utf8(help).expect("UTF-8");
    assert!(
        help.contains("rapport build") && help.contains("Exit status"),
        "{help}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    rapport(&fixtures()).arg("bogus").assert().code(2);
    rapport(&fixtures()).args(["build", "--nope"]).assert().code(2);
}

#[test]
fn root_can_be_given() {
    let hand = fixtures().join("build/hand");
    rapport(&std::env::temp_dir())
        .arg("--root")
        .arg(&hand)
        .args(["check", "--quiet"])
        .assert()
        .success()
        .stderr_eq("");
}
