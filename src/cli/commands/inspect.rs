//! `tradestat inspect FILE...`: what was read — the layout detected, rows read, rows
//! rejected and why, records kept, and the exact totals per flow and currency. The first
//! command to run on a new download, and what the conformance script checks.

use std::io::Write;

use tradestat::Result;
use tradestat::frame::TradeFrame;
use tradestat::ingest::Dataset;
use tradestat::render::inspect;

use crate::cli::Input;
use crate::cli::commands::{Outcome, emit};
use crate::cli::values::InspectFormat;

/// Show what tradestat reads from files: layout, rows, rejections, exact totals.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,

    /// How to print what was read.
    #[arg(long, value_enum, default_value = "table")]
    pub format: InspectFormat,

    /// List every rejected row (by default the first 20).
    #[arg(long)]
    pub all_rejections: bool,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    // Warnings and rejections are the result here: printed on stdout, not stderr.
    let dataset = Dataset::read(&args.input.files, &args.input.read_options()?)?;
    let frame = TradeFrame::from_dataset(&dataset)?;
    let totals = frame
        .totals_by_file()?
        .into_iter()
        .map(|(file, flow, currency, sum)| ((file, flow, currency), sum))
        .collect();
    let text = match args.format {
        InspectFormat::Json => inspect::json(&dataset, &totals),
        InspectFormat::Table => {
            inspect::text(&dataset, &totals, (!args.all_rejections).then_some(20))
        }
    };
    emit(out, &text)?;
    Ok(Outcome::Done)
}
