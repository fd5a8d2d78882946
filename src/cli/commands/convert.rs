//! `tradestat convert FILE... [--to csv|parquet|arrow] [--out FILE]`: any layout tradestat
//! reads, written as canonical records (docs/format.md) — to check what was read, to edit
//! and reuse it, or to hand it to Polars, pandas or R as Parquet or Arrow.

use std::io::Write;
use std::path::PathBuf;

use tradestat::atomic::{write_streamed, write_streamed_with};
use tradestat::error::{Error, Result};
use tradestat::frame::columnar;
use tradestat::ingest::baci_world::{self, Keep};
use tradestat::ingest::{canonical, stream};

use crate::cli::Input;
use crate::cli::commands::Outcome;
use crate::cli::values::OutputFormat;

/// Write the records read from any supported layout in the canonical format.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,

    /// Write to this file (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// The format to write: csv, parquet or arrow (Arrow IPC). Default: from the --out
    /// file's extension (.parquet, .arrow, .ipc, .feather), else csv. Parquet and Arrow
    /// keep the value as a decimal column (exact) and need --out.
    #[arg(long, value_enum)]
    pub to: Option<OutputFormat>,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    let format = args
        .to
        .or_else(|| args.out.as_deref().and_then(OutputFormat::from_extension))
        .unwrap_or(OutputFormat::Csv);
    let binary_to_stdout = format.columnar().is_some() && args.out.is_none();
    if !binary_to_stdout && plain_baci(args, format, out)? {
        return Ok(Outcome::Done);
    }
    // Written as read (`ingest::stream`): memory holds a batch, not the records.
    let options = args.input.read_options()?;
    let files = &args.input.files;
    let dataset = match (format.columnar(), &args.out) {
        (None, Some(path)) => {
            let mut dataset = None;
            write_streamed_with(path, |file| {
                let (read, ()) = stream::stream(files, &options, |records| {
                    canonical::write_to(records, file).map_err(|source| Error::Write {
                        path: path.clone(),
                        source,
                    })
                })?;
                dataset = Some(read);
                Ok(())
            })?;
            dataset
        }
        (None, None) => {
            let (read, ()) = stream::stream(files, &options, |records| {
                canonical::write_to(records, out).map_err(Error::Stdout)
            })?;
            Some(read)
        }
        (Some(columns), Some(path)) => {
            let mut dataset = None;
            write_streamed_with(path, |file| {
                let (read, ()) = stream::stream(files, &options, |records| {
                    let scale = records.value_decimals;
                    columnar::write_stream(records, scale, columns, file)
                })?;
                dataset = Some(read);
                Ok(())
            })?;
            dataset
        }
        (Some(columns), None) => {
            return Err(Error::Options(format!(
                "{} is a binary format: give --out FILE",
                columns.name()
            )));
        }
    };
    if let Some(dataset) = dataset {
        crate::cli::report_rejections(&dataset.warnings, &dataset.rejected, &dataset.repeated);
    }
    Ok(Outcome::Done)
}

/// BACI files as CEPII ships them: a first pass proves them plain (no row repeats, none
/// refused: `ingest::baci_world`) and finds the most decimals of a value, then each row is
/// written as it is read (CSV), or a million at a time (Parquet, Arrow), so memory does
/// not grow with the files. False when the files are not plain (read in general).
fn plain_baci(args: &Args, format: OutputFormat, out: &mut dyn Write) -> Result<bool> {
    let options = args.input.read_options()?;
    let Ok(read) = baci_world::read(&args.input.files, &options, None, Some(2), Keep::Totals)?
    else {
        return Ok(false);
    };
    crate::cli::report_rejections(&read.dataset.warnings, &[], &[]);
    // A refusal inside the stream (not expected after the first pass) stops the writing
    // and is the command's error; a file written to --out is then not replaced.
    let failed = std::cell::RefCell::new(None);
    let records = || {
        baci_world::records(&args.input.files).map_while(|r| match r {
            Ok(record) => Some(record),
            Err(e) => {
                *failed.borrow_mut() = Some(e);
                None
            }
        })
    };
    match (&args.out, format.columnar()) {
        (Some(path), Some(columns)) => write_streamed_with(path, |file| {
            columnar::write_stream(records(), read.value_decimals, columns, file)?;
            match failed.borrow_mut().take() {
                Some(e) => Err(e),
                None => Ok(()),
            }
        })?,
        (Some(path), None) => write_streamed(path, |file| {
            canonical::write_to(records(), file)?;
            match failed.borrow_mut().take() {
                Some(e) => Err(std::io::Error::other(e.to_string())),
                None => Ok(()),
            }
        })?,
        (None, _) => {
            canonical::write_to(records(), out).map_err(Error::Stdout)?;
            if let Some(e) = failed.into_inner() {
                return Err(e);
            }
        }
    }
    Ok(true)
}
