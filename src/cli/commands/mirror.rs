//! `tradestat mirror FILE... --reporter A --partner B [--cif-fob 1.06]`
//!
//! A's reported exports to B against B's reported imports from A (and the reverse), per
//! period: the gap after the CIF/FOB adjustment and the ratio.

use std::io::Write;
use std::str::FromStr;

use rust_decimal::Decimal;

use tradestat::error::{Error, Result};
use tradestat::frame::TradeFrame;
use tradestat::metrics::mirror::{DEFAULT_CIF_FOB, mirror};
use tradestat::model::Period;
use tradestat::render::DisplayUnit;
use tradestat::render::mirror::render;

use crate::cli::commands::{Outcome, emit};
use crate::cli::{Input, Output};

/// Compare what two economies report about their trade with each other (mirror statistics).
///
/// Imports are valued CIF and exports FOB: imports are divided by the CIF/FOB factor before
/// the gap is taken. A large gap points at misreporting, re-exports through third
/// countries, or timing.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,

    /// One economy (A).
    #[arg(long, value_name = "ECONOMY")]
    pub reporter: String,

    /// The other economy (B).
    #[arg(long, value_name = "ECONOMY")]
    pub partner: String,

    /// Only these periods (repeatable or comma-separated).
    #[arg(long = "period", value_name = "PERIOD", value_delimiter = ',', value_parser = crate::cli::parse_period)]
    pub periods: Vec<Period>,

    /// Imports CIF ÷ this factor = imports FOB.
    #[arg(long = "cif-fob", default_value = DEFAULT_CIF_FOB, value_name = "FACTOR", value_parser = parse_factor)]
    pub cif_fob: Decimal,

    #[command(flatten)]
    pub engine: crate::cli::Engine,

    #[command(flatten)]
    pub output: Output,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    // Only the pair's rows matter: others are skipped unread (on a cluster, not sent back).
    let pair = [args.reporter.clone(), args.partner.clone()];
    let dataset = crate::cli::load_on(&args.engine.choice()?, &args.input, &pair)?;
    let frame = TradeFrame::from_dataset(&dataset)?;
    let m = mirror(
        &frame,
        &args.reporter,
        &args.partner,
        &args.periods,
        args.cif_fob,
    )?;
    if m.a_to_b.is_empty() && m.b_to_a.is_empty() {
        return Err(Error::EmptySelection {
            selection: format!("--reporter {} --partner {}", args.reporter, args.partner),
            hint: "; neither side reports trade with the other".to_string(),
        });
    }
    let values = m
        .a_to_b
        .iter()
        .chain(&m.b_to_a)
        .flat_map(|r| [r.exports_reported.known(), r.imports_mirror.known()])
        .flatten();
    let unit = args
        .output
        .unit(DisplayUnit::for_values(&m.currency, values));
    emit(out, &render(&m, &unit, args.output.format.into()))?;
    Ok(Outcome::Done)
}

fn parse_factor(text: &str) -> Result<Decimal, String> {
    Decimal::from_str(text.trim())
        .ok()
        .filter(|f| *f > Decimal::ZERO)
        .ok_or_else(|| format!("`{text}`: expected a positive decimal such as 1.06"))
}
