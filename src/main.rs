//! The `tradestat` binary: parse arguments, run the library, map the outcome to an exit
//! code (0 fine, 1 a check found a problem, 2 bad input or usage).

use std::process::ExitCode;

use clap::Parser;
use tradestat::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match tradestat::commands::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(error) => {
            eprintln!("tradestat: error: {error}");
            ExitCode::from(2)
        }
    }
}
