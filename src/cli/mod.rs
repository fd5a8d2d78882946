//! The command line: the only place that knows flags. Each subcommand's arguments live
//! with the subcommand in `commands/`; this file holds what they share (the input files
//! and how to read them, the selection, the output) and turns them into the library's
//! plain options. `values` holds the flags' value enums.

pub mod commands;
pub mod progress;
pub mod values;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use tradestat::diag::Rejection;
use tradestat::frame::Selection;
use tradestat::ingest::mapped::{Assignment, Mapping};
use tradestat::ingest::{Dataset, Rate, ReadOptions};
use tradestat::model::{Period, Unit};

use values::{Encoding, Format, Layout, Wide};

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
    /// Say nothing on stderr but errors: no warnings, no summaries of rejected rows, no
    /// "wrote" lines, no progress bar. (Nothing tradestat prints is coloured, so NO_COLOR
    /// holds as it is.)
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// Set once from `--quiet` before a command runs.
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, std::sync::atomic::Ordering::Relaxed);
}

pub fn quiet() -> bool {
    QUIET.load(std::sync::atomic::Ordering::Relaxed)
}

/// A line on stderr for the user (a warning, what was written), unless `--quiet`.
pub fn say(line: &str) {
    if !quiet() {
        eprintln!("{line}");
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// What tradestat reads from files: layout, rows, rejections, exact totals.
    Inspect(commands::inspect::Args),
    /// Write what was read from any layout as canonical records (CSV, Parquet or Arrow).
    Convert(commands::convert::Args),
    /// Exports, imports, turnover, balance, growth and shares of one pair, per period.
    Summary(commands::summary::Args),
    /// Trade indicators with their formulas: flows, growth, shares, HHI, RCA, intensity, GL.
    Metrics(commands::metrics::Args),
    /// Mirror statistics: what A reports exporting to B against what B reports importing.
    Mirror(commands::mirror::Args),
    /// Profile one pair in a large BACI file, fast: yearly flows, top chapters, top partners.
    Profile(commands::profile::Args),
    /// Draw a publication chart (PNG or SVG): flows, turnover, balance, composition, partners.
    Chart(commands::chart::Args),
    /// Write a complete, reproducible report folder (HTML, Markdown, charts, CSV, provenance).
    Report(commands::report::Args),
    /// Check published figures and claims against each other and the data.
    Verify(commands::verify::Args),
    /// Check an article's raw text: every relation between its numbers, with verdicts.
    Check(commands::check::Args),
    /// Draft a claims file from the text of an article (what `check --emit-claims` writes).
    Extract(commands::extract::Args),
    /// Download official data: UN Comtrade+ into a file every command reads.
    #[command(subcommand)]
    Fetch(commands::fetch::Source),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(commands::shell::CompletionsArgs),
    /// Print the manual page (roff).
    Man(commands::shell::ManArgs),
    /// Start, inspect or stop a Ballista cluster on this machine (`distributed` builds).
    #[cfg(feature = "distributed")]
    Cluster(commands::cluster::Args),
}

/// Where the rows are read and summed.
#[derive(Debug, Args)]
pub struct Engine {
    /// Where the rows are read and summed: `local` (this process) or a Ballista cluster,
    /// `ballista://HOST:PORT` (a build with the `distributed` feature; BACI files, readable
    /// at the same path by every executor; see docs/distributed.md). The output is the same
    /// byte for byte.
    #[arg(long, value_name = "ENGINE", default_value = "local")]
    pub engine: String,
}

impl Engine {
    pub fn choice(&self) -> tradestat::Result<tradestat::engine::EngineChoice> {
        tradestat::engine::EngineChoice::parse(&self.engine)
    }
}

/// The input files and how to read them.
#[derive(Debug, Args)]
pub struct Input {
    /// Trade files: tradestat's format (docs/format.md), UN Comtrade, CEPII BACI, IMF DOTS,
    /// or any table through --map (docs/importers.md). Gzip is read as is; Parquet and
    /// Arrow IPC files are recognised by their first bytes.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub read: ReadArgs,
}

impl std::ops::Deref for Input {
    type Target = ReadArgs;

    fn deref(&self) -> &ReadArgs {
        &self.read
    }
}

/// How to read trade files (shared by every command that reads them).
#[derive(Clone, Debug, Args)]
pub struct ReadArgs {
    /// Stop with an error (exit 2) if any row is rejected or repeats an earlier row,
    /// instead of reporting it and leaving it out (or counting it once).
    #[arg(long)]
    pub strict: bool,

    /// Convert a currency exactly before adding: FROM:TO=RATE means 1 FROM = RATE TO
    /// (e.g. CNY:USD=0.1385). Repeatable.
    #[arg(long = "rate", value_name = "FROM:TO=RATE")]
    pub rates: Vec<Rate>,

    /// The layout of the files, instead of detecting it from the header.
    #[arg(long = "input-format", value_enum, value_name = "LAYOUT")]
    pub layout: Option<Layout>,

    /// For other tables: which column holds a field, FIELD=COLUMN (reporter, partner,
    /// period, flow, commodity, value, unit, source, note). Repeatable or comma-separated.
    #[arg(long, value_name = "FIELD=COLUMN", value_delimiter = ',')]
    pub map: Vec<Assignment>,

    /// For other tables: a field the table does not hold, FIELD=VALUE (e.g. reporter=KOR).
    #[arg(long, value_name = "FIELD=VALUE")]
    pub set: Vec<Assignment>,

    /// A wide table: its remaining columns are flows, partners or periods, melted into rows.
    #[arg(long, value_enum)]
    pub wide: Option<Wide>,

    /// A mapping file (TOML with [map], [set], wide, unit) instead of --map/--set/--wide.
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,

    /// The unit of a mapped table's values (e.g. "USD thousand").
    #[arg(long, value_parser = parse_unit)]
    pub unit: Option<Unit>,

    /// The field delimiter (default: detected from the header line).
    #[arg(long, value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,

    /// Numbers are written with a decimal comma (1.234,5).
    #[arg(long)]
    pub decimal_comma: bool,

    /// The text encoding of the files.
    #[arg(long, value_enum, default_value = "utf8")]
    pub encoding: Encoding,

    /// Read float columns of Parquet or Arrow files, each value as the shortest decimal
    /// that prints it (0.1, not 0.1000000000000000055...). Without it they are refused:
    /// a float may not be the number that was published.
    #[arg(long)]
    pub allow_float: bool,
}

fn parse_unit(text: &str) -> Result<Unit, String> {
    Unit::parse(text)
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        t if t.len() == 1 && t.is_ascii() => Ok(t.as_bytes()[0]),
        t => Err(format!("`{t}`: a delimiter is one character (or `tab`)")),
    }
}

impl ReadArgs {
    pub fn read_options(&self) -> tradestat::Result<ReadOptions> {
        let mut mapping = match &self.mapping {
            Some(path) => Mapping::load(path)?,
            None => Mapping::default(),
        };
        mapping.map.extend(self.map.iter().cloned());
        mapping.set.extend(self.set.iter().cloned());
        if let Some(wide) = self.wide {
            mapping.wide = Some(wide.into());
        }
        if self.unit.is_some() {
            mapping.unit = self.unit.clone();
        }
        Ok(ReadOptions {
            strict: self.strict,
            layout: self.layout.map(Into::into),
            delimiter: self.delimiter,
            encoding: self.encoding.into(),
            decimal_comma: self.decimal_comma,
            mapping,
            rates: self.rates.clone(),
            progress: progress::on_terminal(),
            involving: Vec::new(),
            allow_float: self.allow_float,
        })
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

    /// Roll HS codes up to this level (2 = chapters, 4, 6) in breakdowns and product metrics.
    #[arg(long, value_parser = parse_level)]
    pub level: Option<usize>,
}

fn parse_level(text: &str) -> Result<usize, String> {
    match text {
        "2" => Ok(2),
        "4" => Ok(4),
        "6" => Ok(6),
        _ => Err(format!("HS level `{text}`: expected 2, 4 or 6")),
    }
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

/// A period on the command line (clap value parser).
pub(crate) fn parse_period(text: &str) -> Result<Period, String> {
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

    /// Money in this unit in every format. Default: csv and json in units of the currency
    /// (USD, not USD million), so scripts read every file alike; table and markdown in
    /// the largest unit that keeps the biggest value at 1 or more.
    #[arg(long, value_enum, value_name = "UNIT")]
    pub money_unit: Option<values::MoneyUnit>,
}

impl Output {
    /// The unit to write money in, from the readable one `chosen` for the data.
    pub fn unit(&self, chosen: tradestat::render::DisplayUnit) -> tradestat::render::DisplayUnit {
        let mut unit = chosen.for_output(self.format.into(), self.money_unit.map(|u| u.scale()));
        unit.decimals = self.decimals;
        unit
    }
}

/// Reads the inputs with the one loader, keeping only rows that involve every one of
/// `involving` (rows of other economies are skipped unread; see `ReadOptions::involving`),
/// and reports warnings and rejected rows on stderr, so stdout stays the result.
pub fn load(input: &Input, involving: &[String]) -> tradestat::Result<Dataset> {
    load_on(&tradestat::engine::EngineChoice::Local, input, involving)
}

/// `load`, on the engine chosen (a cluster needs `involving`: it sends back only those
/// rows).
pub fn load_on(
    engine: &tradestat::engine::EngineChoice,
    input: &Input,
    involving: &[String],
) -> tradestat::Result<Dataset> {
    let mut options = input.read_options()?;
    options.involving = involving.to_vec();
    let dataset = tradestat::engine::read::involving(engine, &input.files, &options)?;
    report_rejections(&dataset.warnings, &dataset.rejected, &dataset.repeated);
    Ok(dataset)
}

/// Warnings, then one line per kind of refused row and one for repeated rows, on stderr.
pub fn report_rejections(warnings: &[String], rejected: &[Rejection], repeated: &[Rejection]) {
    for warning in warnings {
        say(&format!("tradestat: warning: {warning}"));
    }
    for warning in tradestat::render::rejections::summary(rejected, repeated) {
        say(&format!("tradestat: warning: {}", warning.headline));
        for line in warning.details {
            say(&line);
        }
    }
}
