//! `tradestat summary FILE... [--reporter R] [--partner P] [--period P]`
//!
//! Per period: exports, imports, turnover, balance, turnover growth against the same months
//! a year earlier, exports' share of turnover, and the commodity breakdown with each part's
//! share of its flow.

use crate::aggregate::{PairFlows, one_pair};
use crate::cli::{Input, Output, Select};
use crate::codes::economy_key;
use crate::commands::{Outcome, load_involving};
use crate::error::Result;
use crate::frame::TradeFrame;
use crate::metrics::summary::PairSummary;
use crate::render::summary::{Context, display_unit, render};

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
    pub output: Output,
}

pub fn run(args: &Args) -> Result<Outcome> {
    let asked = args.select.selection();
    // Only the pair's rows matter: a BACI file is filtered as it is read.
    let pair: Vec<String> = asked
        .reporter
        .iter()
        .chain(&asked.partner)
        .cloned()
        .collect();
    let dataset = load_involving(&args.input, &pair)?;
    let frame = TradeFrame::from_dataset(&dataset)?;
    let selection = one_pair(&frame, &asked)?;
    // Growth needs the same months a year earlier: compute on every period, show the
    // periods asked for.
    let totals = frame.totals(&crate::frame::Selection {
        periods: Vec::new(),
        ..selection.clone()
    })?;
    let mut flows = PairFlows::from_totals(&totals, |t| dataset.origin_text(t.origin))?;
    if let Some(level) = args.select.level {
        flows = flows.at_level(level);
    }
    let mut summary = PairSummary::from_flows(&flows);
    if !asked.periods.is_empty() {
        summary
            .periods
            .retain(|p| asked.periods.contains(&p.period));
        summary.parts.retain(|p| asked.periods.contains(&p.period));
    }
    let mut unit = display_unit(&summary);
    unit.decimals = args.output.decimals;
    let mut sources: Vec<String> = Vec::new();
    let key = |s: &Option<String>| s.as_deref().map(economy_key);
    let in_pair = |r: &&crate::ingest::Record| {
        Some(economy_key(&r.reporter)) == key(&selection.reporter)
            && Some(economy_key(&r.partner)) == key(&selection.partner)
    };
    for r in dataset.records.iter().filter(in_pair) {
        if !r.source.is_empty() && !sources.contains(&r.source) {
            sources.push(r.source.clone());
        }
    }
    let context = Context {
        sources,
        rejected_rows: dataset.rejected.len(),
    };
    print!("{}", render(&summary, args.output.format, &unit, &context));
    Ok(Outcome::Done)
}
