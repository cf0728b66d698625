//! rapport run as a user runs it, over small fixture projects in
//! `tests/fixtures/` and projects built in a temp folder by
//! [`project::Project`]. Expected output lives beside each fixture or inline
//! in the test; run with `SNAPSHOTS=overwrite` to accept new output after
//! checking it by eye.

mod attack;
mod build;
mod cli;
mod errors;
mod export;
mod hardening;
mod import;
mod init;
mod project;
mod serve;
mod site;
mod support;
mod words;
