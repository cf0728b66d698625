//! rapport run as a user runs it, over small fixture projects in
//! `tests/fixtures/`. Expected output lives beside each fixture; run with
//! `SNAPSHOTS=overwrite` to accept new output after checking it by eye.

mod build;
mod cli;
mod errors;
mod hardening;
mod init;
mod serve;
mod site;
mod support;
