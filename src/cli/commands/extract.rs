//! `tradestat extract ARTICLE.txt > draft.toml`
//!
//! Drafts a claims file from an article: every amount, percentage and multiple, with its
//! sentence as the quote. See docs/verification.md.

use std::io::Write;
use std::path::PathBuf;

use tradestat::error::{Error, Result};
use tradestat::verify::extract::{Options, extract, read_article};
use tradestat::verify::lexicon::Lexicon;

use crate::cli::commands::{Outcome, emit};

/// Draft a claims file (TOML, on stdout) from the text of an article.
///
/// Amounts become [[figure]]s, percentages and multiples [[claim]]s. Flows and periods are
/// filled in where the sentence says them, and a claim's value expression where the
/// sentence makes the link clear — each marked GUESS. Review the draft, then run
/// `tradestat verify` on it.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article as plain text (UTF-8).
    #[arg(value_name = "ARTICLE.txt")]
    pub article: PathBuf,

    /// Bind figures to this reporter (with --partner), so they are checked against data.
    #[arg(long)]
    pub reporter: Option<String>,

    /// Bind figures to this partner (with --reporter).
    #[arg(long)]
    pub partner: Option<String>,

    /// Data files to name under [source] (paths as the draft should refer to them).
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
    let text = read_article(&args.article)?;
    let options = Options {
        reporter: args.reporter.clone(),
        partner: args.partner.clone(),
        title: args.title.clone(),
        data: args.data.clone(),
    };
    let draft = extract(&text, &lexicon, &options).map_err(|message| Error::Article {
        path: args.article.clone(),
        message,
    })?;
    emit(out, &draft)?;
    Ok(Outcome::Done)
}
