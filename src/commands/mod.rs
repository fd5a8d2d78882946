//! One module per subcommand. Each wires library stages together and owns no arithmetic.

pub mod chart;
#[cfg(feature = "distributed")]
pub mod cluster;
pub mod convert;
pub mod extract;
pub mod inspect;
pub mod metrics;
pub mod mirror;
pub mod profile;
pub mod report;
pub mod summary;
pub mod verify;

use crate::cli::{Cli, Command, Input};
use crate::error::Result;
use crate::ingest::Dataset;

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
}

pub fn run(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Summary(args) => summary::run(&args),
        Command::Metrics(args) => metrics::run(&args),
        Command::Verify(args) => verify::run(&args),
        Command::Extract(args) => extract::run(&args),
        Command::Inspect(args) => inspect::run(&args),
        Command::Mirror(args) => mirror::run(&args),
        Command::Profile(args) => profile::run(&args),
        Command::Convert(args) => convert::run(&args),
        Command::Chart(args) => chart::run(&args),
        Command::Report(args) => report::run(&args),
        #[cfg(feature = "distributed")]
        Command::Cluster(args) => cluster::run(&args),
    }
}

/// Reads the inputs, applies rates, and reports warnings and rejected rows on stderr.
pub(crate) fn load(input: &Input) -> Result<Dataset> {
    load_involving(input, &[])
}

/// As `load`, skipping the rows of BACI files that do not involve every one of `economies`
/// (a pair's figures need only the pair's rows; see `ReadOptions::involving`).
pub(crate) fn load_involving(input: &Input, economies: &[String]) -> Result<Dataset> {
    let mut options = input.read_options()?;
    options.involving = economies.to_vec();
    let mut dataset = Dataset::read(&input.files, &options)?;
    dataset.apply_rates(&input.rates)?;
    report_rejections(&dataset);
    Ok(dataset)
}

/// Warnings and rejected rows go to stderr, so stdout stays the result.
pub(crate) fn report_rejections(dataset: &Dataset) {
    for warning in &dataset.warnings {
        eprintln!("tradestat: warning: {warning}");
    }
    if !dataset.rejected.is_empty() {
        eprintln!(
            "tradestat: warning: {} row(s) rejected and left out (use --strict to stop instead):",
            dataset.rejected.len()
        );
        const SHOWN: usize = 20;
        for r in dataset.rejected.iter().take(SHOWN) {
            eprintln!("  {r}");
        }
        if dataset.rejected.len() > SHOWN {
            eprintln!(
                "  ... and {} more (`tradestat inspect` lists them all)",
                dataset.rejected.len() - SHOWN
            );
        }
    }
}
