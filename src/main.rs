//! The `rapport` binary: parses the command line, runs it, and maps the
//! result to an exit status (0 success, 1 the project has errors, 2 usage).

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = rapport::cli::Cli::parse();
    match rapport::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(rapport::Error::Output(e)) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
        Err(_) => ExitCode::FAILURE,
    }
}
