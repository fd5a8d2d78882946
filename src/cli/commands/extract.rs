//! `tradestat extract ARTICLE.txt > draft.toml`
//!
//! Writes the claims `check` reads from an article as a claims file, to correct and run
//! with `verify` (the same as `check --emit-claims`). See docs/verification.md.

use std::io::Write;
use std::path::PathBuf;

use tradestat::error::{Error, Result};
use tradestat::verify::article::{self, Options};
use tradestat::verify::lexicon::Lexicon;

use crate::cli::commands::{Outcome, emit};

/// Write the claims read from an article as a claims file (TOML, on stdout).
///
/// Every amount becomes a [[figure]] with the period, measure and economies read from the
/// text, every relation between the text's numbers a [[claim]] — what `check` checks.
/// Correct what was misread, then run `tradestat verify` on it.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article as plain text (UTF-8).
    #[arg(value_name = "ARTICLE.txt")]
    pub article: PathBuf,

    /// The reporter figures are bound to (else the economies the text names most).
    #[arg(long)]
    pub reporter: Option<String>,

    /// The partner figures are bound to.
    #[arg(long)]
    pub partner: Option<String>,

    /// Data files to name under [source] (paths as the draft should refer to them); with
    /// them, figures are bound to the data.
    #[arg(long = "data", value_name = "FILE")]
    pub data: Vec<String>,

    /// A title for [source].
    #[arg(long)]
    pub title: Option<String>,

    /// A lexicon file replacing the built-in one.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    let lexicon = Lexicon::load_or_built_in(args.lexicon.as_deref())?;
    let text = article::read_file(&args.article)?;
    let options = Options {
        reporter: args.reporter.clone(),
        partner: args.partner.clone(),
        // Bound when told the pair or given data: the draft is for checking against data.
        bind: !args.data.is_empty() || (args.reporter.is_some() && args.partner.is_some()),
    };
    let draft = article::draft(&text, &lexicon, &options, args.title.as_deref(), &args.data)
        .map_err(|message| Error::Article {
            path: args.article.clone(),
            message,
        })?;
    emit(out, &draft)?;
    Ok(Outcome::Done)
}
