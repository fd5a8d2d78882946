//! `tradestat inspect FILE...`: what was read — the layout detected, rows read, rows
//! rejected and why, records kept, and the exact totals per flow and currency. The first
//! command to run on a new download, and what the conformance script checks.

use std::io::Write;

use tradestat::Result;
use tradestat::ingest::Dataset;
use tradestat::ingest::baci_world::{self, Keep};
use tradestat::ingest::stream;
use tradestat::ingest::tally::Tally;
use tradestat::model::Flow;
use tradestat::render::inspect::{self, FileTotals};

use crate::cli::Input;
use crate::cli::commands::{Outcome, emit};
use crate::cli::values::InspectFormat;

/// Show what tradestat reads from files: layout, rows, rejections, exact totals.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,

    /// How to print what was read.
    #[arg(long, value_enum, default_value = "table")]
    pub format: InspectFormat,

    /// List every rejected row (by default the first 20).
    #[arg(long)]
    pub all_rejections: bool,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    // Warnings and rejections are the result here: printed on stdout, not stderr.
    let (dataset, records, totals) = match plain_baci(args)? {
        Some(read) => read,
        None => {
            // Summed as read: no record is held, and a file without repeated rows is read
            // once (`ingest::stream`).
            let files = &args.input.files;
            let tally = std::cell::RefCell::new(Tally::new(files));
            let options = args.input.read_options()?;
            let scanned = stream::scan_restartable(
                files,
                &options,
                &mut |r| tally.borrow_mut().add(&r),
                &mut || *tally.borrow_mut() = Tally::new(files),
            )?;
            let (records, totals) = tally.into_inner().finish()?;
            (scanned.dataset, records, totals)
        }
    };
    let text = match args.format {
        InspectFormat::Json => inspect::json(&dataset, &records, &totals),
        InspectFormat::Table => inspect::text(
            &dataset,
            &records,
            &totals,
            (!args.all_rejections).then_some(20),
        ),
    };
    emit(out, &text)?;
    Ok(Outcome::Done)
}

/// BACI files as CEPII ships them, read in one pass that keeps no row
/// (`ingest::baci_world`): each row is two records (exporter's and importer's) of its value.
fn plain_baci(args: &Args) -> Result<Option<(Dataset, Vec<u64>, FileTotals)>> {
    let options = args.input.read_options()?;
    let Ok(read) = baci_world::read(&args.input.files, &options, None, Some(2), Keep::Totals)?
    else {
        return Ok(None);
    };
    let dataset = read.dataset;
    let records = dataset.files.iter().map(|f| 2 * f.rows_read).collect();
    let mut totals = FileTotals::new();
    for (n, (file, total)) in dataset.files.iter().zip(read.file_totals).enumerate() {
        if file.rows_read > 0 {
            for flow in [Flow::Export, Flow::Import] {
                let key = (n as u32, flow.as_str().to_string(), "USD".to_string());
                totals.insert(key, total);
            }
        }
    }
    Ok(Some((dataset, records, totals)))
}
