//! `tradestat metrics FILE... [selection] --metric NAME[,NAME...] [--by year|half|quarter|month]`
//!
//! The standard trade indicators, each with its formula printed above its table. See
//! docs/metrics.md for definitions, conventions and worked examples.

use crate::cli::{Input, Output, Select};
use crate::commands::{Outcome, load};
use crate::error::Result;
use crate::frame::TradeFrame;
use crate::metrics::engine::{FlowChoice, Metric, Over, Request, compute};
use crate::metrics::periods::By;
use crate::model::Period;
use crate::render::metrics::{display_unit, render};

/// Compute trade indicators: flows, growth, shares, concentration, specialisation.
///
/// Comparisons are made only between periods of equal length and position; a value that
/// cannot be computed is shown as — with the reason, never as 0.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,
    #[command(flatten)]
    pub select: Select,

    /// Metrics to compute, comma-separated.
    #[arg(long = "metric", value_enum, value_delimiter = ',', required = true)]
    pub metrics: Vec<Metric>,

    /// Roll periods up (months → quarters → halves → years) before computing.
    #[arg(long, value_enum)]
    pub by: Option<By>,

    /// Compare partial periods too (a quarter with only two months of data).
    #[arg(long)]
    pub allow_partial: bool,

    /// The flow partner shares, HHI and top-N measure.
    #[arg(long, value_enum, default_value = "turnover")]
    pub flow: FlowChoice,

    /// Show only the N largest partners or commodities, then "others".
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    /// What the HHI is computed over.
    #[arg(long, value_enum, default_value = "partners")]
    pub over: Over,

    /// Base period of the index (default: the first period).
    #[arg(long, value_parser = crate::cli::parse_period)]
    pub base: Option<Period>,

    /// Keep World, regions and "areas nes" among partners in shares.
    #[arg(long)]
    pub include_aggregates: bool,

    #[command(flatten)]
    pub output: Output,
}

pub fn run(args: &Args) -> Result<Outcome> {
    let dataset = load(&args.input)?;
    let frame = TradeFrame::from_dataset(&dataset)?;
    let request = Request {
        metrics: args.metrics.clone(),
        by: args.by,
        allow_partial: args.allow_partial,
        flow: args.flow,
        top: args.top,
        over: args.over,
        base: args.base,
        include_aggregates: args.include_aggregates,
        level: args.select.level,
    };
    let mut report = compute(&frame, &args.select.selection(), &request)?;
    if !dataset.rejected.is_empty() {
        report.notes.push(format!(
            "{} rejected row(s) are NOT included (listed on stderr; --strict makes them an error)",
            dataset.rejected.len()
        ));
    }
    let mut unit = display_unit(&report);
    unit.decimals = args.output.decimals;
    print!("{}", render(&report, args.output.format, &unit));
    Ok(Outcome::Done)
}
