//! The `tradestat` binary: parse arguments, run the command, map the outcome to an exit
//! code (0 fine, 1 a check found a problem, 2 bad input or usage). Results go to stdout
//! through one locked, buffered writer; a reader that closes the pipe early (`| head`) is
//! a normal end: exit 0, no message.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use tradestat::Error;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    cli::set_quiet(cli.quiet);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = cli::commands::run(cli, &mut out).and_then(|outcome| {
        out.flush().map_err(Error::Stdout)?;
        Ok(outcome)
    });
    match result {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(Error::Stdout(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("tradestat: error: {error}");
            ExitCode::from(2)
        }
    }
}
