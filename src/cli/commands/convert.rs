//! `tradestat convert FILE... [--out FILE]`: any layout tradestat reads, written as
//! canonical records (docs/format.md) — to check what was read, or to edit and reuse it.

use std::io::Write;
use std::path::PathBuf;

use tradestat::Result;
use tradestat::atomic::write_file;
use tradestat::ingest::canonical;

use crate::cli::Input;
use crate::cli::commands::{Outcome, emit};

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
    let text = canonical::write(&dataset.records);
    match &args.out {
        Some(path) => write_file(path, text.as_bytes())?,
        None => emit(out, &text)?,
    }
    Ok(Outcome::Done)
}
