//! `tradestat extract ARTICLE.txt > draft.toml`
//!
//! Drafts a claims file from an article: every amount, percentage and multiple, with its
//! sentence as the quote. See docs/verification.md.

use std::path::PathBuf;

use crate::commands::Outcome;
use crate::error::{Error, Result};
use crate::verify::extract::{Options, extract};
use crate::verify::lexicon::Lexicon;

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

pub fn run(args: &Args) -> Result<Outcome> {
    let lexicon = match &args.lexicon {
        Some(path) => Lexicon::load(path)?,
        None => Lexicon::built_in(),
    };
    let bytes = std::fs::read(&args.article).map_err(|source| Error::Io {
        path: args.article.clone(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::Usage(format!(
            "{}: the text is not valid UTF-8 (byte {})",
            args.article.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    let options = Options {
        reporter: args.reporter.clone(),
        partner: args.partner.clone(),
        title: args.title.clone(),
        data: args.data.clone(),
    };
    let draft = extract(&text, &lexicon, &options)
        .map_err(|e| Error::Usage(format!("{}: {e}", args.article.display())))?;
    print!("{draft}");
    Ok(Outcome::Done)
}
