//! `tradestat verify CLAIMS.toml [--data FILE]... [--rounding half-unit|exact|truncated]`
//!
//! Checks published figures against each other and the data. Exit code 1 when a claim is
//! inconsistent, a figure is contradicted by the data, or periods of different lengths are
//! compared; 2 on bad input.

use std::path::PathBuf;

use crate::commands::Outcome;
use crate::error::Result;
use crate::frame::TradeFrame;
use crate::ingest::Dataset;
use crate::render::Format;
use crate::render::verify::{Heading, render};
use crate::verify::check::verify;
use crate::verify::claims::ClaimsFile;
use crate::verify::lexicon::Lexicon;
use crate::verify::phrase::Rounding;

/// Check the figures and claims of a published text (a claims file, docs/verification.md).
///
/// Each claim gets a verdict — consistent, consistent-by-rounding, inconsistent,
/// unverifiable — and, when inconsistent, the plausible mistakes that reproduce it
/// (direction, inverse ratio, wrong base, percent vs points, periods of different length).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The claims file (TOML).
    #[arg(value_name = "CLAIMS.toml")]
    pub claims: PathBuf,

    /// Data files to check bound figures against, in addition to those the claims file
    /// names under [source] data.
    #[arg(long = "data", value_name = "FILE")]
    pub data: Vec<PathBuf>,

    /// How a printed number's precision becomes an interval.
    #[arg(long, value_enum, default_value = "half-unit")]
    pub rounding: Rounding,

    /// A lexicon file replacing the built-in one (see data/lexicon.toml for the layout).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,

    #[command(flatten)]
    pub read: crate::cli::ReadArgs,

    /// table (default), json (the stable contract for scripts) or markdown.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(args: &Args) -> Result<Outcome> {
    let lexicon = match &args.lexicon {
        Some(path) => Lexicon::load(path)?,
        None => Lexicon::built_in(),
    };
    let claims = ClaimsFile::load(&args.claims, &lexicon, args.rounding)?;
    let mut files = claims.source.data.clone();
    files.extend(args.data.iter().cloned());
    let frame = if files.is_empty() {
        None
    } else {
        let mut dataset = Dataset::read(&files, &args.read.read_options()?)?;
        dataset.apply_rates(&args.read.rates)?;
        crate::commands::report_rejections(&dataset);
        Some(TradeFrame::from_dataset(&dataset)?)
    };
    let verification = verify(&claims, frame.as_ref(), args.rounding, &lexicon.version);
    let heading = Heading {
        title: claims.source.title.as_deref(),
        claims_file: &args.claims.display().to_string(),
    };
    print!("{}", render(&verification, &heading, args.format));
    Ok(if verification.found_problem() {
        Outcome::ProblemFound
    } else {
        Outcome::Done
    })
}
