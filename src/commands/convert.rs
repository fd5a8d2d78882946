//! `tradestat convert FILE... [--out FILE]`: any layout tradestat reads, written as
//! canonical records (docs/format.md) — to check what was read, or to edit and reuse it.

use std::path::PathBuf;

use crate::cli::Input;
use crate::commands::{Outcome, load};
use crate::error::Result;

/// Write the records read from any supported layout in the canonical format.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,

    /// Write to this file (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &Args) -> Result<Outcome> {
    let dataset = load(&args.input)?;
    let text = crate::ingest::canonical::write(&dataset.records);
    match &args.out {
        Some(path) => crate::render::write_atomically(path, text.as_bytes())?,
        None => print!("{text}"),
    }
    Ok(Outcome::Done)
}
