//! The `rapport` binary: parses the command line, runs it, prints why it
//! failed, and maps the result to an exit status (0 success, 1 the project
//! has errors or the command failed, 2 usage).

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = rapport::cli::Cli::parse();
    match rapport::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(line) = e.message() {
                eprintln!("{line}");
            }
            ExitCode::FAILURE
        }
    }
}
