//! `tradestat fetch comtrade --reporter R --partner P --period Y[,Y...] --out FILE.csv`
//!
//! Downloads UN Comtrade+ data into one file in the Comtrade+ CSV layout, with a provenance
//! file beside it (docs/fetch.md). The key comes from COMTRADE_API_KEY only.

use std::path::PathBuf;
use std::time::Duration;

use tradestat::error::{Error, Result};
use tradestat::fetch::comtrade::{Freq, Query};
use tradestat::fetch::{self, Options, http::Limits};
use tradestat::render::fetch::report;

use crate::cli::commands::Outcome;

/// Where to fetch from.
#[derive(Debug, clap::Subcommand)]
pub enum Source {
    /// UN Comtrade+ (comtradeapi.un.org): goods by HS, totals by default. With a key in
    /// COMTRADE_API_KEY the data API, without one the public preview (at most 500 records
    /// an answer).
    Comtrade(ComtradeArgs),
}

#[derive(Debug, clap::Args)]
pub struct ComtradeArgs {
    /// Reporters: ISO codes, names or Comtrade codes, comma-separated (CHN,USA).
    #[arg(long, value_delimiter = ',', required = true)]
    pub reporter: Vec<String>,

    /// Partners, comma-separated; WLD (or World, 0) for the world.
    #[arg(long, value_delimiter = ',', required = true)]
    pub partner: Vec<String>,

    /// Years (2019) or, with --freq monthly, months (2019-03) or years (all their months);
    /// comma-separated.
    #[arg(long, value_delimiter = ',', required = true)]
    pub period: Vec<String>,

    /// The file to write (Comtrade+ CSV); FILE.provenance.json is written beside it.
    #[arg(long, value_name = "FILE.csv")]
    pub out: PathBuf,

    /// Flows: exports, imports, re-exports, re-imports.
    #[arg(long, value_delimiter = ',', default_value = "exports,imports")]
    pub flow: Vec<String>,

    /// TOTAL, or HS codes (comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "TOTAL")]
    pub commodity: Vec<String>,

    /// Annual or monthly data.
    #[arg(long, value_enum, default_value = "annual")]
    pub freq: FreqArg,

    /// The API's address (tests point it at a local server).
    #[arg(long, value_name = "URL", default_value = tradestat::fetch::comtrade::DEFAULT_BASE)]
    pub base_url: String,

    /// Ask the API again even if the cache holds an answer.
    #[arg(long)]
    pub refresh: bool,

    /// Seconds to wait for a connection, and for each read of an answer.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub timeout: u64,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum FreqArg {
    Annual,
    Monthly,
}

fn codes(list: &[String], what: &str) -> Result<Vec<i32>> {
    list.iter()
        .map(|e| {
            tradestat::codes::comtrade_code(e).map_err(|_| {
                Error::Options(format!("--{what} {e}: not an economy tradestat knows (give an ISO code, a name or a Comtrade code)"))
            })
        })
        .collect()
}

fn flow_code(f: &str) -> Result<String> {
    Ok(match f.trim().to_ascii_lowercase().as_str() {
        "exports" | "export" | "x" => "X",
        "imports" | "import" | "m" => "M",
        "re-exports" | "re-export" | "rx" => "RX",
        "re-imports" | "re-import" | "rm" => "RM",
        other => {
            return Err(Error::Options(format!(
                "--flow {other}: expected exports, imports, re-exports or re-imports"
            )));
        }
    }
    .to_string())
}

pub fn run(source: &Source) -> Result<Outcome> {
    let Source::Comtrade(args) = source;
    let freq = match args.freq {
        FreqArg::Annual => Freq::Annual,
        FreqArg::Monthly => Freq::Monthly,
    };
    let query = Query {
        reporters: codes(&args.reporter, "reporter")?,
        partners: codes(&args.partner, "partner")?,
        periods: Query::normalise_periods(&args.period, freq)?,
        flows: args
            .flow
            .iter()
            .map(|f| flow_code(f))
            .collect::<Result<_>>()?,
        commodities: args
            .commodity
            .iter()
            .map(|c| c.trim().to_ascii_uppercase())
            .collect(),
        freq,
    };
    // The key is read here and handed to the client; it is printed and written nowhere.
    let key = std::env::var("COMTRADE_API_KEY")
        .ok()
        .filter(|k| !k.trim().is_empty())
        .map(|k| k.trim().to_string());
    let timeout = Duration::from_secs(args.timeout.max(1));
    let options = Options {
        base_url: args.base_url.clone(),
        key,
        refresh: args.refresh,
        limits: Limits {
            connect_timeout: timeout,
            read_timeout: timeout,
            ..Limits::default()
        },
        cache: tradestat::frame::cache::folder(),
    };
    if options.key.is_none() {
        crate::cli::say(
            "tradestat: no COMTRADE_API_KEY: using the public preview (at most 500 records an answer, a few requests a minute; docs/fetch.md)",
        );
    }
    let done = fetch::comtrade(
        &query,
        &args.out,
        &options,
        &crate::cli::progress::labelled("fetching"),
    )?;
    for line in report(&done) {
        crate::cli::say(&line);
    }
    Ok(Outcome::Done)
}
