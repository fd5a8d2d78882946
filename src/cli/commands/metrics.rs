//! `tradestat metrics FILE... [selection] --metric NAME[,NAME...] [--by year|half|quarter|month]`
//!
//! The standard trade indicators, each with its formula printed above its table. See
//! docs/metrics.md for definitions, conventions and worked examples.

use std::io::Write;

use tradestat::engine::EngineChoice;
use tradestat::error::Result;
use tradestat::frame::TradeFrame;
use tradestat::ingest::baci_world::Keep;
use tradestat::ingest::{Dataset, ReadOptions};
use tradestat::metrics::request::{Request, compute, compute_with_world};
use tradestat::metrics::world::WorldExports;
use tradestat::model::Period;
use tradestat::render::metrics::{display_unit, render};

use crate::cli::commands::{Outcome, emit};
use crate::cli::values::{By, FlowChoice, Metric, Over};
use crate::cli::{Input, Output, Select};

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
    #[command(flatten)]
    pub engine: crate::cli::Engine,

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

pub fn run(args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    let request = Request {
        metrics: args.metrics.iter().map(|&m| m.into()).collect(),
        by: args.by.map(Into::into),
        allow_partial: args.allow_partial,
        flow: args.flow.into(),
        top: args.top,
        over: args.over.into(),
        base: args.base,
        include_aggregates: args.include_aggregates,
        level: args.select.level,
    };
    let selection = args.select.selection();
    let engine = args.engine.choice()?;
    // Two narrower reads first: RCA of one reporter (one pass that sums the world's
    // exports and keeps the reporter's rows), and any other metric of one reporter (only
    // the rows that involve it are parsed, the others skipped unread, as `summary` does).
    // Locally, a question they cannot answer (no such reporter, ...) is asked again of
    // every row, so its error names what the files hold; a cluster answers or fails.
    let local = engine == EngineChoice::Local;
    let answer = |read: Result<(Dataset, Option<WorldExports>)>| -> Result<Option<_>> {
        let answered = read.and_then(|(dataset, world)| {
            let frame = TradeFrame::from_dataset(&dataset)?;
            let report = compute_with_world(&frame, &selection, &request, world.as_ref())?;
            Ok((dataset, report))
        });
        match answered {
            Ok(answer) => Ok(Some(answer)),
            Err(_) if local => Ok(None),
            Err(e) => Err(e),
        }
    };
    let narrow = match read_world(args, &request, &engine)? {
        Some((dataset, world)) => answer(Ok((dataset, Some(world))))?,
        None => match reporter_rows(args, &request) {
            Some(options) => answer(
                tradestat::engine::read::involving(&engine, &args.input.files, &options)
                    .map(|dataset| (dataset, None)),
            )?,
            None => None,
        },
    };
    let (dataset, mut report) = match narrow {
        Some((dataset, report)) => {
            crate::cli::report_rejections(&dataset.warnings, &dataset.rejected, &dataset.repeated);
            (dataset, report)
        }
        None if !local => {
            return Err(tradestat::Error::Options(format!(
                "--engine {}: on a cluster, metrics are of one reporter (--reporter): RCA, \
                 partner shares, HHI and every metric of its own trade; trade intensity and \
                 roll-ups of RCA (--by) read every row, so they need the local engine",
                args.engine.engine
            )));
        }
        None => {
            let dataset = crate::cli::load_on(&engine, &args.input, &[])?;
            let report = compute(&TradeFrame::from_dataset(&dataset)?, &selection, &request)?;
            (dataset, report)
        }
    };
    report.rejected_rows = dataset.rejected.len();
    let unit = args.output.unit(display_unit(&report));
    emit(out, &render(&report, args.output.format.into(), &unit))?;
    Ok(Outcome::Done)
}

/// The reading options that keep only the rows involving the reporter, when the request
/// needs no other (every metric but the world indices, RCA and trade intensity).
fn reporter_rows(args: &Args, request: &Request) -> Option<ReadOptions> {
    let reporter = args.select.reporter.clone()?;
    if request.needs_world() {
        return None;
    }
    let mut options = args.input.read_options().ok()?;
    options.involving = vec![reporter];
    Some(options)
}

/// The reporter's records and the world's exports, summed as plain BACI files are read
/// (`ingest::baci_world`) or on a cluster, when the request is RCA of one reporter; `None`
/// otherwise.
fn read_world(
    args: &Args,
    request: &Request,
    engine: &EngineChoice,
) -> Result<Option<(Dataset, WorldExports)>> {
    let Some(reporter) = &args.select.reporter else {
        return Ok(None);
    };
    if !request.needs_only_world_exports() {
        return Ok(None);
    }
    let options = args.input.read_options()?;
    let level = args.select.level;
    let keep = match request.needs_only_partner_totals() {
        true => Keep::Totals,
        false => Keep::Rows,
    };
    let read =
        tradestat::engine::read::world(engine, &args.input.files, &options, reporter, level, keep);
    let Ok(world) = read? else {
        return Ok(None);
    };
    let exports = WorldExports::from_exporter_sums(world.level, &world.exports, &world.economies)?;
    Ok(Some((world.dataset, exports)))
}
