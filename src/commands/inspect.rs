//! `tradestat inspect FILE...`: what was read — the layout detected, rows read, rows
//! rejected and why, records kept, and the exact totals per flow and currency. The first
//! command to run on a new download, and what the conformance script checks.

use std::collections::BTreeMap;

use serde_json::json;

use crate::cli::Input;
use crate::commands::Outcome;
use crate::error::Result;
use crate::ingest::Dataset;
use crate::number::Exact;
use crate::render::Format;

/// Show what tradestat reads from files: layout, rows, rejections, exact totals.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,

    /// table or json (csv and markdown print the table).
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,

    /// List every rejected row (by default the first 20).
    #[arg(long)]
    pub all_rejections: bool,
}

pub fn run(args: &Args) -> Result<Outcome> {
    let mut dataset = Dataset::read(&args.input.files, &args.input.read_options()?)?;
    dataset.apply_rates(&args.input.rates)?;
    // Totals per file, flow and currency, in base units, summed exactly by Polars.
    let frame = crate::frame::TradeFrame::from_dataset(&dataset)?;
    let mut totals: BTreeMap<(u32, String, String), Exact> = BTreeMap::new();
    for (file, flow, currency, sum) in frame.totals_by_file()? {
        totals.insert((file, flow, currency), sum);
    }
    let mut records: BTreeMap<u32, u64> = BTreeMap::new();
    for r in &dataset.records {
        *records.entry(r.origin.file).or_default() += 1;
    }
    match args.format {
        Format::Json => {
            let files: Vec<serde_json::Value> = dataset
                .files
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let i = i as u32;
                    let flows: serde_json::Map<String, serde_json::Value> = totals
                        .iter()
                        .filter(|((file, _, _), _)| *file == i)
                        .map(|((_, flow, currency), v)| {
                            (
                                format!("{flow} {currency}"),
                                json!(v.normalize().to_string()),
                            )
                        })
                        .collect();
                    json!({
                        "path": f.path.display().to_string(),
                        "layout": f.layout,
                        "rows_read": f.rows_read,
                        "rows_rejected": f.rows_rejected,
                        "records": records.get(&i).copied().unwrap_or(0),
                        "totals": flows,
                    })
                })
                .collect();
            let rejected: Vec<String> = dataset.rejected.iter().map(|r| r.to_string()).collect();
            let doc = json!({ "files": files, "rejected": rejected, "warnings": dataset.warnings });
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        _ => {
            for (i, f) in dataset.files.iter().enumerate() {
                let i = i as u32;
                println!("{}", f.path.display());
                println!("  layout      {}", f.layout);
                println!("  rows read   {}", f.rows_read);
                println!("  rejected    {}", f.rows_rejected);
                println!("  records     {}", records.get(&i).copied().unwrap_or(0));
                for ((_, flow, currency), v) in totals.iter().filter(|((file, _, _), _)| *file == i)
                {
                    println!("  {flow:<11} {v} {currency} (exact)");
                }
            }
            for w in &dataset.warnings {
                println!("warning: {w}");
            }
            let shown = if args.all_rejections {
                dataset.rejected.len()
            } else {
                20
            };
            if !dataset.rejected.is_empty() {
                println!("rejected rows ({}):", dataset.rejected.len());
                for r in dataset.rejected.iter().take(shown) {
                    println!("  {r}");
                }
                if dataset.rejected.len() > shown {
                    println!(
                        "  ... and {} more (--all-rejections lists them)",
                        dataset.rejected.len() - shown
                    );
                }
            }
        }
    }
    Ok(Outcome::Done)
}
