//! `tradestat check ARTICLE.txt [--data FILE]... [--format table|json|markdown|html]
//! [--emit-claims FILE]`
//!
//! Reads an article's raw text, finds what it asserts between its numbers, and checks it
//! with the same checker as `verify` (docs/verification.md). Exit code 1 when something is
//! inconsistent, 2 on bad input.

use std::io::Write;
use std::path::PathBuf;

use tradestat::error::{Error, Result};
use tradestat::frame::TradeFrame;
use tradestat::render::verify::article as render;
use tradestat::verify::article::{self, Options};
use tradestat::verify::check::verify;
use tradestat::verify::lexicon::Lexicon;

use crate::cli::ReadArgs;
use crate::cli::commands::{Outcome, emit};
use crate::cli::values::{CheckFormat, Rounding};

/// Check an article's own arithmetic, and its figures against data: paste the text, get
/// every relation between its numbers with the arithmetic and a verdict.
///
/// Finds changes ("rose 12% to $45.6 billion from $40.6 billion"), multiples ("a triple
/// growth", "3.9 times"), sums (exports + imports = trade, "of which"), balances, shares
/// and point changes; reads each amount's period, measure and economies from the text;
/// lists the numbers that are not trade figures (years, codes, distances) with the reason.
/// With --data, amounts are also checked against the records, months rolled up to the
/// period the text names.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article as plain text (UTF-8), pasted as is.
    #[arg(value_name = "ARTICLE.txt")]
    pub article: PathBuf,

    /// Data files to check the amounts against.
    #[arg(long = "data", value_name = "FILE")]
    pub data: Vec<PathBuf>,

    /// The reporter figures are bound to (else the economies the text names most).
    #[arg(long)]
    pub reporter: Option<String>,

    /// The partner figures are bound to.
    #[arg(long)]
    pub partner: Option<String>,

    /// Also write the claims read from the text as a claims file, to correct and run with
    /// `verify`.
    #[arg(long, value_name = "FILE")]
    pub emit_claims: Option<PathBuf>,

    /// How a printed number's precision becomes an interval.
    #[arg(long, value_enum, default_value = "half-unit")]
    pub rounding: Rounding,

    /// A lexicon file replacing the built-in one (see data/lexicon.toml for the layout).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,

    #[command(flatten)]
    pub read: ReadArgs,

    /// How to print the verdicts: a table, JSON (the contract), Markdown, or the article
    /// as HTML with each number marked.
    #[arg(long, value_enum, default_value = "table")]
    pub format: CheckFormat,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    let rounding = args.rounding.into();
    let lexicon = Lexicon::load_or_built_in(args.lexicon.as_deref())?;
    let text = article::read_file(&args.article)?;
    let options = Options {
        reporter: args.reporter.clone(),
        partner: args.partner.clone(),
        bind: !args.data.is_empty(),
    };
    let read = article::read(&text, &lexicon, &options).map_err(|message| Error::Article {
        path: args.article.clone(),
        message,
    })?;
    let mut model = article::to_claims(&read, &lexicon, rounding, &args.article);
    if let Some(path) = &args.emit_claims {
        let data: Vec<String> = args.data.iter().map(|d| d.display().to_string()).collect();
        let toml = article::claims_toml(&read, &model, None, &data);
        tradestat::atomic::write_file(path, toml.as_bytes())?;
    }
    let frame = if args.data.is_empty() {
        None
    } else {
        let input = crate::cli::Input {
            files: args.data.clone(),
            read: args.read.clone(),
        };
        Some(TradeFrame::from_dataset(&crate::cli::load(&input, &[])?)?)
    };
    let mut verification = verify(&model.claims, frame.as_ref(), rounding, &lexicon.version);
    article::vet(&read, &mut model, &mut verification);
    // The file name heads the page and the table; the path is the user's own.
    let name = args.article.file_name().map_or_else(
        || args.article.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let result = match args.format {
        CheckFormat::Table => render::text(&read, &model, &verification, &name, false),
        CheckFormat::Markdown => render::text(&read, &model, &verification, &name, true),
        CheckFormat::Json => render::json(&read, &model, &verification),
        CheckFormat::Html => render::html(&read, &model, &verification, &name),
    };
    emit(out, &result)?;
    Ok(Outcome::of_check(render::found_problem(
        &read,
        &model,
        &verification,
    )))
}
