//! `tradestat profile FILE --reporter A --partner B [--out DIR]`
//!
//! The bilateral profile of a BACI-size file, read with Polars' streaming engine (only the
//! needed columns, only the rows involving A): yearly.csv, chapters.csv, partners.csv as
//! the benchmark job defines them (../shared/bench/README.md), exact values in USD
//! thousand. A columnar cache makes the next profile of the same file fast.

use std::io::Write;
use std::path::PathBuf;

use tradestat::atomic::write_file;
use tradestat::codes::m49_code;
use tradestat::engine::{BaciFile, EngineChoice, LocalPolars};
use tradestat::error::{Error, Result};
use tradestat::metrics::profile::{profile, sums_from_frame};
use tradestat::render::profile as render;

use crate::cli::commands::{Outcome, emit};
use crate::cli::values::ProfileFormat;

/// Profile one pair in a large BACI file: yearly flows, top chapters, top partners.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A CEPII BACI file (t,i,j,k,v,q), plain or gzip (any other layout is read by the
    /// general reader, slower).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The economy profiled (M49 code, ISO code or name).
    #[arg(long, value_name = "ECONOMY")]
    pub reporter: String,

    /// Its partner for the yearly and chapter tables.
    #[arg(long, value_name = "ECONOMY")]
    pub partner: String,

    /// Write yearly.csv, chapters.csv and partners.csv into this folder.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Keep a columnar copy of the file (Arrow IPC, in ~/.cache/tradestat) so the next
    /// profile of any pair in it skips the CSV; the first run writes it.
    #[arg(long, overrides_with = "no_cache")]
    pub cache: bool,

    /// Read the CSV directly (the default).
    #[arg(long, overrides_with = "cache")]
    pub no_cache: bool,

    /// Where the group-by sums run: `local` (Polars in this process) or a Ballista
    /// cluster, `ballista://HOST:PORT` (a build with the `distributed` feature; BACI files
    /// only; the file must be readable at the same path by every executor).
    #[arg(long, value_name = "ENGINE", default_value = "local")]
    pub engine: String,

    /// How to print the tables when --out is not given.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ProfileFormat,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    let header = tradestat::ingest::table::open_header(&args.file)?;
    let engine = EngineChoice::parse(&args.engine)?;
    if engine != EngineChoice::Local && args.cache {
        return Err(Error::Options(
            "--cache keeps a local columnar copy; it does not apply to a cluster engine".into(),
        ));
    }
    let (sums, a, b, unit) = if tradestat::ingest::baci::matches(&header) {
        let a = m49_code(&args.reporter)?;
        let b = m49_code(&args.partner)?;
        let local = LocalPolars {
            cache: args.cache,
            progress: crate::cli::progress::on_terminal(),
        };
        let aggregator = engine.aggregator(local)?;
        let file = BaciFile::new(&args.file, header)?;
        let involving = aggregator.involving_sums(&file, a)?;
        let sums = tradestat::frame::profile_sums(&involving, a, b)?;
        let unit = tradestat::ingest::baci::UNIT.to_string();
        (sums, a.to_string(), b.to_string(), unit)
    } else {
        // Any other layout: through the general reader (no fast path, no cache).
        if engine != EngineChoice::Local {
            return Err(Error::Options(format!(
                "{}: --engine {} works on BACI files (t,i,j,k,v,q); this file is another \
                 layout, so profile it with the local engine",
                args.file.display(),
                args.engine
            )));
        }
        let files = std::slice::from_ref(&args.file);
        let dataset = tradestat::ingest::Dataset::read(files, &Default::default())?;
        crate::cli::report_rejections(&dataset.warnings, &dataset.rejected, &dataset.repeated);
        let frame = tradestat::frame::TradeFrame::from_dataset(&dataset)?;
        let sums = sums_from_frame(&frame, &args.reporter, &args.partner)?;
        let currency = dataset.currency().unwrap_or("USD").to_string();
        (sums, args.reporter.clone(), args.partner.clone(), currency)
    };
    let p = profile(&sums)?;
    match &args.out {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|source| Error::Write {
                path: dir.clone(),
                source,
            })?;
            for (name, text) in render::csv_files(&p) {
                write_file(&dir.join(name), text.as_bytes())?;
            }
            let summed_on = (engine != EngineChoice::Local).then(|| args.engine.trim());
            crate::cli::say(&format!(
                "tradestat: {}",
                render::written(dir, sums.rows as u64, &a, &unit, summed_on)
            ));
        }
        None => emit(
            out,
            &match args.format {
                ProfileFormat::Csv => render::csv(&p),
                ProfileFormat::Table => render::text(&p, false, &a, &b, &unit),
                ProfileFormat::Markdown => render::text(&p, true, &a, &b, &unit),
            },
        )?,
    }
    Ok(Outcome::Done)
}
