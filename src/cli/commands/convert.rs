//! `tradestat convert FILE... [--out FILE]`: any layout tradestat reads, written as
//! canonical records (docs/format.md) — to check what was read, or to edit and reuse it.

use std::io::Write;
use std::path::PathBuf;

use tradestat::atomic::write_streamed;
use tradestat::error::{Error, Result};
use tradestat::ingest::canonical;

use crate::cli::Input;
use crate::cli::commands::Outcome;

/// Write the records read from any supported layout in the canonical format.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,

    /// Write to this file (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    let dataset = crate::cli::load(&args.input, &[])?;
    let rows = || dataset.records.iter();
    match &args.out {
        Some(path) => write_streamed(path, |file| canonical::write_to(rows(), file))?,
        None => canonical::write_to(rows(), out).map_err(Error::Stdout)?,
    }
    Ok(Outcome::Done)
}
