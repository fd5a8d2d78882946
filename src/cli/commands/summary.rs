//! `tradestat summary FILE... [--reporter R] [--partner P] [--period P]`
//!
//! Per period: exports, imports, turnover, balance, turnover growth against the same months
//! a year earlier, exports' share of turnover, and the commodity breakdown with each part's
//! share of its flow.

use std::io::Write;

use tradestat::Result;
use tradestat::flows::pair_flows;
use tradestat::frame::TradeFrame;
use tradestat::metrics::summary::PairSummary;
use tradestat::render::summary::{Context, display_unit, render};

use crate::cli::commands::{Outcome, emit};
use crate::cli::{Engine, Input, Output, Select};

/// Summarise the trade of one reporter with one partner.
///
/// When the data holds one pair, it is used; otherwise name it with --reporter and
/// --partner. Growth compares only periods of equal months a year apart (a January–November
/// figure is never compared with a full year).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,
    #[command(flatten)]
    pub select: Select,
    #[command(flatten)]
    pub engine: Engine,
    #[command(flatten)]
    pub output: Output,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    let asked = args.select.selection();
    // Only the pair's rows matter: a BACI file is filtered as it is read.
    let dataset = crate::cli::load_on(&args.engine.choice()?, &args.input, &asked.economies())?;
    let frame = TradeFrame::from_dataset(&dataset)?;
    let flows = pair_flows(&dataset, &frame, &asked, None, args.select.level)?;
    let mut summary = PairSummary::from_flows(&flows);
    summary.show_only(&asked.periods);
    let unit = args.output.unit(display_unit(&summary));
    let context = Context {
        sources: dataset.sources(Some(&flows.reporter), Some(&flows.partner)),
        rejected_rows: dataset.rejected.len(),
    };
    emit(
        out,
        &render(&summary, args.output.format.into(), &unit, &context),
    )?;
    Ok(Outcome::Done)
}
