//! `tradestat chart FILE... [selection] --kind KIND --out PATH.png|.svg`
//!
//! Charts of one pair (flows, turnover, balance, composition) or of one reporter's
//! partners, computed with the same code as `summary` and `metrics`.

use std::path::PathBuf;

use tradestat::error::Result;
use tradestat::frame::TradeFrame;
use tradestat::render::chart::{self, spec};

use crate::cli::commands::Outcome;
use crate::cli::values::{By, ChartKind, FlowChoice};
use crate::cli::{Input, Select};

/// Draw a chart for an article or a report (PNG, or SVG when PATH ends in .svg).
///
/// Titles say what, who, when and in what unit; labels come from exact values; colours
/// are colour-blind safe (Okabe-Ito) and the same for exports and imports in every chart.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,
    #[command(flatten)]
    pub select: Select,
    #[command(flatten)]
    pub engine: crate::cli::Engine,

    #[arg(long, value_enum)]
    pub kind: ChartKind,

    /// Where to write the chart: .png or .svg.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,

    #[arg(long, default_value_t = chart::DEFAULT_SIZE.0)]
    pub width: u32,

    #[arg(long, default_value_t = chart::DEFAULT_SIZE.1)]
    pub height: u32,

    /// The source line at the bottom (default: the data's `source` column).
    #[arg(long)]
    pub source: Option<String>,

    /// Roll periods up before charting.
    #[arg(long, value_enum)]
    pub by: Option<By>,

    /// The flow for composition and partners charts.
    #[arg(long, value_enum)]
    pub flow: Option<FlowChoice>,

    /// Draw partial periods (a quarter with two months of data) instead of leaving them out.
    #[arg(long)]
    pub allow_partial: bool,

    /// How many commodities or partners to show before "others".
    #[arg(long, default_value_t = 6)]
    pub top: usize,
}

pub fn run(args: &Args) -> Result<Outcome> {
    let kind = spec::ChartKind::from(args.kind);
    let asked = args.select.selection();
    // Only the rows a chart draws from are read from a BACI file (`ReadOptions::involving`).
    let involving = spec::involving(kind, &asked);
    let dataset = crate::cli::load_on(&args.engine.choice()?, &args.input, &involving)?;
    let frame = TradeFrame::from_dataset(&dataset)?;
    let opts = spec::ChartOptions {
        source: args.source.clone(),
        by: args.by.map(Into::into),
        flow: args.flow.map(Into::into),
        top: args.top,
        allow_partial: args.allow_partial,
        level: args.select.level,
    };
    let chart = spec::build(&dataset, &frame, &asked, kind, &opts)?;
    chart::write(&chart, &args.out, (args.width, args.height))?;
    crate::cli::say(&format!("tradestat: wrote {}", args.out.display()));
    Ok(Outcome::Done)
}
