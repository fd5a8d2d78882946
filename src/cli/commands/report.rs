//! `tradestat report FILE... [--claims CLAIMS.toml] [selection] --out reports/NAME/`
//!
//! One folder from data (and claims) to a complete, reproducible report: index.html,
//! report.md, charts (PNG), tables (CSV), verification.json and provenance.json. Written
//! into a temporary folder and renamed into place, so a failed run leaves no half report.

use std::path::PathBuf;

use tradestat::atomic::{check_folder_target, write_folder};
use tradestat::diag::Rejection;
use tradestat::error::Result;
use tradestat::flows::pair_flows;
use tradestat::frame::TradeFrame;
use tradestat::ingest::Dataset;
use tradestat::report::{Contents, extra_files, fill};
use tradestat::verify::check::verify;
use tradestat::verify::claims::ClaimsFile;
use tradestat::verify::lexicon::Lexicon;

use crate::cli::commands::Outcome;
use crate::cli::values::Rounding;
use crate::cli::{Input, Select};

/// Write a complete report folder: summary, charts, verification and provenance.
///
/// An existing folder is replaced only with --force. The report holds no timestamps: the
/// same inputs give the same files.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,
    #[command(flatten)]
    pub select: Select,

    /// A claims file to verify against the data (docs/verification.md).
    #[arg(long, value_name = "CLAIMS.toml")]
    pub claims: Option<PathBuf>,

    /// The report folder to write.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Replace the folder if it exists.
    #[arg(long)]
    pub force: bool,

    /// How a printed number's precision becomes an interval (see `verify --help`).
    #[arg(long, value_enum, default_value = "half-unit")]
    pub rounding: Rounding,

    /// A lexicon file replacing the built-in one.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
}

pub fn run(args: &Args) -> Result<Outcome> {
    check_folder_target(&args.out, args.force)?;
    let rounding = args.rounding.into();
    let asked = args.select.selection();
    let dataset = crate::cli::load(&args.input, &[])?;
    let frame = TradeFrame::from_dataset(&dataset)?;
    let flows = pair_flows(&dataset, &frame, &asked, None, args.select.level)?;

    let lexicon = Lexicon::load_or_built_in(args.lexicon.as_deref())?;
    let claims = match &args.claims {
        Some(path) => Some((path, ClaimsFile::load(path, &lexicon, rounding)?)),
        None => None,
    };
    // Claims are checked against the report's data plus any other file they name, read
    // the same way (rates, rejections reported).
    let mut claims_data = Vec::new();
    let verification = match &claims {
        None => None,
        Some((_, c)) => {
            let extra = extra_files(c, &dataset);
            let more = if extra.is_empty() {
                None
            } else {
                let mut files = args.input.files.clone();
                files.extend(extra);
                let more = Dataset::read(&files, &args.input.read_options()?)?;
                // What the report's own files said has been said already.
                let warnings: Vec<String> = (more.warnings.iter())
                    .filter(|w| !dataset.warnings.contains(w))
                    .cloned()
                    .collect();
                let new_rows = |all: &[Rejection], known: &[Rejection]| -> Vec<Rejection> {
                    all.iter().filter(|r| !known.contains(r)).cloned().collect()
                };
                let rejected = new_rows(&more.rejected, &dataset.rejected);
                let repeated = new_rows(&more.repeated, &dataset.repeated);
                crate::cli::report_rejections(&warnings, &rejected, &repeated);
                claims_data = more.files[dataset.files.len()..].to_vec();
                Some(TradeFrame::from_dataset(&more)?)
            };
            let against = more.as_ref().unwrap_or(&frame);
            Some(verify(c, Some(against), rounding, &lexicon.version))
        }
    };
    let contents = Contents {
        dataset: &dataset,
        frame: &frame,
        flows: &flows,
        periods: &asked.periods,
        claims: claims
            .as_ref()
            .zip(verification.as_ref())
            .map(|((path, c), v)| (c, path.as_path(), v)),
        claims_data: &claims_data,
        rounding,
        level: args.select.level,
        command: command_line(),
    };
    write_folder(&args.out, args.force, |dir| fill(dir, &contents))?;
    crate::cli::say(&format!("tradestat: wrote {}", args.out.display()));
    Ok(Outcome::of_check(
        verification.as_ref().is_some_and(|v| v.found_problem()),
    ))
}

/// The command line, with the program as `tradestat` (not where it was installed).
fn command_line() -> Vec<String> {
    let mut args: Vec<String> = std::env::args().collect();
    if let Some(first) = args.first_mut() {
        *first = "tradestat".to_string();
    }
    args
}
