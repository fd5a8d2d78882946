//! The command line, declared with clap. Each subcommand's arguments live with the
//! subcommand in `commands/`; this file holds what they share.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::frame::Selection;
use crate::ingest::{Rate, ReadOptions};
use crate::model::Period;
use crate::render::Format;

/// Bilateral trade statistics from CSV files: exact summaries, charts, and checks of
/// published figures.
///
/// Every number is exact: values are kept as written (never through a float), sums are
/// exact decimals, and ratios are rounded only for display, half away from zero.
///
/// Exit codes: 0 success, 1 a check found a problem, 2 bad input or usage.
#[derive(Debug, Parser)]
#[command(name = "tradestat", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Exports, imports, turnover, balance, growth and shares of one pair, per period.
    Summary(crate::commands::summary::Args),
    /// Trade indicators with their formulas: flows, growth, shares, HHI, RCA, intensity, GL.
    Metrics(crate::commands::metrics::Args),
    /// Draw a publication chart (PNG or SVG): flows, turnover, balance, composition, partners.
    Chart(crate::commands::chart::Args),
    /// Write a complete, reproducible report folder (HTML, Markdown, charts, CSV, provenance).
    Report(crate::commands::report::Args),
    /// Check published figures and claims against each other and the data.
    Verify(crate::commands::verify::Args),
    /// Draft a claims file from the text of an article.
    Extract(crate::commands::extract::Args),
}

/// The input files and how to read them.
#[derive(Debug, Args)]
pub struct Input {
    /// Trade-record CSV files in the canonical format (docs/format.md).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Stop with an error (exit 2) if any row is rejected, instead of reporting and
    /// leaving it out.
    #[arg(long)]
    pub strict: bool,

    /// Convert a currency exactly before adding: FROM:TO=RATE means 1 FROM = RATE TO
    /// (e.g. CNY:USD=0.1385). Repeatable.
    #[arg(long = "rate", value_name = "FROM:TO=RATE")]
    pub rates: Vec<Rate>,
}

impl Input {
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            strict: self.strict,
        }
    }
}

/// Which records to use.
#[derive(Debug, Args)]
pub struct Select {
    /// The economy whose trade it is (code or name as in the file, any case).
    #[arg(long, value_name = "ECONOMY")]
    pub reporter: Option<String>,

    /// The other side.
    #[arg(long, value_name = "ECONOMY")]
    pub partner: Option<String>,

    /// Only these periods: 2019, 2019-H1, 2019-Q1, 2019-03, 2019-01..2019-11.
    /// Repeatable or comma-separated.
    #[arg(long = "period", value_name = "PERIOD", value_delimiter = ',', value_parser = parse_period)]
    pub periods: Vec<Period>,
}

impl Select {
    pub fn selection(&self) -> Selection {
        Selection {
            reporter: self.reporter.clone(),
            partner: self.partner.clone(),
            periods: self.periods.clone(),
        }
    }
}

fn parse_period(text: &str) -> Result<Period, String> {
    Period::parse(text)
}

/// How to print results.
#[derive(Debug, Args)]
pub struct Output {
    /// table and markdown are rounded for reading; csv and json carry exact values.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,

    /// Decimals for money in table and markdown output.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u32).range(0..=12))]
    pub decimals: u32,
}
