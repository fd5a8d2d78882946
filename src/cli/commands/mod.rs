//! One module per subcommand, each with its arguments and its `run`: options → the
//! library's pipeline → render → write. No arithmetic and no wording here: numbers are
//! computed in the library's stages and every sentence is made in `render`.

pub mod chart;
pub mod check;
#[cfg(feature = "distributed")]
pub mod cluster;
pub mod convert;
pub mod extract;
pub mod fetch;
pub mod inspect;
pub mod metrics;
pub mod mirror;
pub mod profile;
pub mod report;
pub mod shell;
pub mod summary;
pub mod verify;

use std::io::Write;

use tradestat::{Error, Result};

use crate::cli::{Cli, Command};

/// What a command concluded, beyond "it ran".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Ran and found nothing wrong.
    Done,
    /// A check found a problem (a contradicted figure, an inconsistent claim).
    ProblemFound,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Done => 0,
            Outcome::ProblemFound => 1,
        }
    }

    /// `ProblemFound` when a check found one.
    pub fn of_check(found_problem: bool) -> Outcome {
        if found_problem {
            Outcome::ProblemFound
        } else {
            Outcome::Done
        }
    }
}

pub fn run(cli: Cli, out: &mut dyn Write) -> Result<Outcome> {
    match cli.command {
        Command::Summary(args) => summary::run(&args, out),
        Command::Metrics(args) => metrics::run(&args, out),
        Command::Verify(args) => verify::run(&args, out),
        Command::Check(args) => check::run(&args, out),
        Command::Extract(args) => extract::run(&args, out),
        Command::Inspect(args) => inspect::run(&args, out),
        Command::Mirror(args) => mirror::run(&args, out),
        Command::Profile(args) => profile::run(&args, out),
        Command::Convert(args) => convert::run(&args, out),
        Command::Chart(args) => chart::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Fetch(source) => fetch::run(&source),
        Command::Completions(args) => shell::completions(&args, out),
        Command::Man(args) => shell::man(&args, out),
        #[cfg(feature = "distributed")]
        Command::Cluster(args) => cluster::run(&args, out),
    }
}

/// Writes a result to standard output.
pub fn emit(out: &mut dyn Write, text: &str) -> Result<()> {
    out.write_all(text.as_bytes()).map_err(Error::Stdout)
}
