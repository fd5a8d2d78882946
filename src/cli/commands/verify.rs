//! `tradestat verify CLAIMS.toml [--data FILE]... [--rounding half-unit|exact|truncated]`
//!
//! Checks published figures against each other and the data. Exit code 1 when a claim is
//! inconsistent, a figure is contradicted by the data, or periods of different lengths are
//! compared; 2 on bad input.

use std::io::Write;
use std::path::PathBuf;

use tradestat::error::Result;
use tradestat::frame::TradeFrame;
use tradestat::render::verify::{Heading, json, text};
use tradestat::verify::check::verify;
use tradestat::verify::claims::ClaimsFile;
use tradestat::verify::lexicon::Lexicon;

use crate::cli::ReadArgs;
use crate::cli::commands::{Outcome, emit};
use crate::cli::values::{Rounding, VerifyFormat};

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
    pub read: ReadArgs,

    /// How to print the verdicts.
    #[arg(long, value_enum, default_value = "table")]
    pub format: VerifyFormat,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    let rounding = args.rounding.into();
    let lexicon = Lexicon::load_or_built_in(args.lexicon.as_deref())?;
    let claims = ClaimsFile::load(&args.claims, &lexicon, rounding)?;
    let mut files = claims.source.data.clone();
    files.extend(args.data.iter().cloned());
    let frame = if files.is_empty() {
        None
    } else {
        let input = crate::cli::Input {
            files,
            read: args.read.clone(),
        };
        Some(TradeFrame::from_dataset(&crate::cli::load(&input, &[])?)?)
    };
    let verification = verify(&claims, frame.as_ref(), rounding, &lexicon.version);
    let heading = Heading {
        title: claims.source.title.as_deref(),
        claims_file: &args.claims.display().to_string(),
    };
    let result = match args.format {
        VerifyFormat::Json => json(&verification),
        VerifyFormat::Table => text(&verification, &heading, false),
        VerifyFormat::Markdown => text(&verification, &heading, true),
    };
    emit(out, &result)?;
    Ok(Outcome::of_check(verification.found_problem()))
}
