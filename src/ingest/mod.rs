//! Reading trade records from files into the canonical model.
//!
//! Every importer produces `Records` (one entry per accepted row) and a list of
//! `Rejection`s (one per refused row, with file, line, column and the reason). Nothing is
//! dropped or altered silently: a row is either kept exactly or reported.

pub mod baci;
pub mod baci_scan;
pub mod canonical;
pub mod comtrade;
pub mod dots;
pub mod involving;
pub mod mapped;
#[cfg(test)]
mod proptests;
pub mod table;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::codes::economy_key;
use crate::diag::{Problem, Rejection};
use crate::error::{Error, Result};
use crate::model::{Commodity, Flow, Period, Unit};
use crate::number::Exact;

/// Where a record came from: index into `Dataset::files` and the line in that file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: u32,
    pub line: u64,
}

/// One accepted row of the canonical format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub reporter: String,
    pub partner: String,
    pub period: Period,
    pub flow: Flow,
    pub commodity: Commodity,
    /// The value exactly as written, in `unit`.
    pub value: Exact,
    pub unit: Unit,
    pub source: String,
    pub note: String,
    pub origin: Origin,
}

/// What was read from one input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    pub path: PathBuf,
    /// The layout it was read as ("canonical", ...).
    pub layout: String,
    /// Data rows read (the header not counted).
    pub rows_read: u64,
    pub rows_rejected: u64,
    /// Rows that repeat an earlier row exactly, counted once.
    pub rows_repeated: u64,
}

/// Everything read from the inputs of one command.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub files: Vec<SourceFile>,
    pub records: Vec<Record>,
    pub rejected: Vec<Rejection>,
    /// Rows that repeat an earlier row exactly (same key and value): counted once, kept
    /// apart from the rejected rows (`Problem::Repeat`).
    pub repeated: Vec<Rejection>,
    /// Things worth telling the user that do not refuse a row (an ignored column, ...).
    pub warnings: Vec<String>,
}

/// The layouts tradestat reads (docs/format.md and docs/importers.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// tradestat's own record format.
    Canonical,
    /// UN Comtrade+ API v1 CSV (camelCase or snake_case columns).
    Comtrade,
    /// UN Comtrade legacy CSV (API or bulk layout, any header spelling).
    ComtradeLegacy,
    /// CEPII BACI (t,i,j,k,v,q).
    Baci,
    /// IMF Direction of Trade Statistics in long form.
    Dots,
    /// Any table, through --map/--set/--wide.
    Mapped,
}

/// How to read the inputs.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Turn any rejected row into an error.
    pub strict: bool,
    /// Force a layout instead of detecting it from the header.
    pub layout: Option<Layout>,
    pub delimiter: Option<u8>,
    pub encoding: table::Encoding,
    pub decimal_comma: bool,
    /// How to read a table that is not in a known layout.
    pub mapping: mapped::Mapping,
    /// Exchange rates applied exactly to every record after reading.
    pub rates: Vec<Rate>,
    /// Told how far the read has come (the binary draws a bar on a terminal).
    pub progress: crate::diag::ProgressSink,
    /// Economies every kept row must involve (as reporter or partner, exporter or
    /// importer). Rows that do not are skipped before they are parsed — a pair's summary
    /// of a 10-million-row file then holds only the pair's rows — and counted in a note
    /// (`involving`). Empty keeps every row.
    pub involving: Vec<String>,
}

impl Dataset {
    /// The one loader: reads each file in its layout, refuses duplicates, applies the
    /// strictness policy, then converts currencies by `options.rates`.
    pub fn read(paths: &[PathBuf], options: &ReadOptions) -> Result<Dataset> {
        let mut dataset = Dataset::default();
        for (i, path) in paths.iter().enumerate() {
            let share = Share {
                done: i as f64 / paths.len() as f64,
                of: 1.0 / paths.len() as f64,
            };
            read_file(path, options, share, &mut dataset)?;
        }
        options.progress.finish();
        dataset.reject_duplicates();
        dataset.warn_unknown_economies();
        if options.strict && !(dataset.rejected.is_empty() && dataset.repeated.is_empty()) {
            let mut refused = dataset.rejected;
            refused.append(&mut dataset.repeated);
            return Err(Error::Rejected(refused));
        }
        dataset.apply_rates(&options.rates)?;
        Ok(dataset)
    }

    /// A figure appears once: a later row with the same reporter, partner, period, flow and
    /// commodity (in any input file) is not added. With the same value it repeats the
    /// first (real downloads do) and is counted once; with another value it conflicts and
    /// is refused, naming both lines.
    fn reject_duplicates(&mut self) {
        type Identity = (String, String, Period, Flow, Commodity);
        let mut seen: HashMap<Identity, (Origin, Exact)> = HashMap::new();
        let mut kept = Vec::with_capacity(self.records.len());
        for record in std::mem::take(&mut self.records) {
            let key = (
                economy_key(&record.reporter),
                economy_key(&record.partner),
                record.period,
                record.flow,
                record.commodity.clone(),
            );
            let Some((first, first_value)) = seen.get(&key) else {
                seen.insert(key, (record.origin, record.value));
                kept.push(record);
                continue;
            };
            let first_at = self.origin_text(*first);
            let repeats = first_value.normalize() == record.value.normalize();
            let (kind, how) = if repeats {
                (Problem::Repeat, "repeats".to_string())
            } else {
                let how = format!(
                    "conflicts with (value {} here, {} there)",
                    record.value, first_value
                );
                (Problem::Conflict, how)
            };
            let file = self.files.get_mut(record.origin.file as usize);
            let path = file.as_ref().map(|f| f.path.clone()).unwrap_or_default();
            if let Some(file) = file {
                match kind {
                    Problem::Repeat => file.rows_repeated += 1,
                    _ => file.rows_rejected += 1,
                }
            }
            let row = Rejection {
                path,
                line: record.origin.line,
                column: None,
                kind,
                reason: format!(
                    "duplicate record: {} {} {} {} {} {how} {first_at} (the same reporter, partner, period, flow and commodity)",
                    record.reporter, record.partner, record.period, record.flow, record.commodity
                ),
            };
            match kind {
                Problem::Repeat => self.repeated.push(row),
                _ => self.rejected.push(row),
            }
        }
        self.records = kept;
    }

    /// Spellings the country table does not know are kept as written; say which.
    fn warn_unknown_economies(&mut self) {
        let mut unknown: Vec<&str> = Vec::new();
        for r in &self.records {
            for name in [r.reporter.as_str(), r.partner.as_str()] {
                if !unknown.contains(&name) && !crate::codes::is_known(name) {
                    unknown.push(name);
                }
            }
        }
        if !unknown.is_empty() {
            let shown: Vec<String> = unknown.iter().take(12).map(|u| format!("`{u}`")).collect();
            self.warnings.push(format!(
                "{} economy name(s) or code(s) are not in the country table and are kept as written: {}{} (add them as aliases in data/countries.csv)",
                unknown.len(),
                shown.join(", "),
                if unknown.len() > 12 { ", ..." } else { "" }
            ));
        }
    }

    /// The distinct `source` texts of the records, in file order, of `reporter`'s trade
    /// with `partner` (either may be left open).
    pub fn sources(&self, reporter: Option<&str>, partner: Option<&str>) -> Vec<String> {
        let (reporter, partner) = (reporter.map(economy_key), partner.map(economy_key));
        let mut list: Vec<String> = Vec::new();
        for r in &self.records {
            let reporter_ok = reporter
                .as_ref()
                .is_none_or(|k| *k == economy_key(&r.reporter));
            let partner_ok = partner
                .as_ref()
                .is_none_or(|k| *k == economy_key(&r.partner));
            if reporter_ok && partner_ok && !r.source.is_empty() && !list.contains(&r.source) {
                list.push(r.source.clone());
            }
        }
        list
    }

    /// The currency of the first record, if any.
    pub fn currency(&self) -> Option<&str> {
        self.records.first().map(|r| r.unit.currency.as_str())
    }

    /// How many records were kept from each file, in `files` order.
    pub fn records_per_file(&self) -> Vec<u64> {
        let mut counts = vec![0; self.files.len()];
        for r in &self.records {
            if let Some(c) = counts.get_mut(r.origin.file as usize) {
                *c += 1;
            }
        }
        counts
    }

    pub fn origin_text(&self, origin: Origin) -> String {
        let path = self
            .files
            .get(origin.file as usize)
            .map(|f| f.path.display().to_string())
            .unwrap_or_else(|| "?".to_string());
        format!("{path}:{}", origin.line)
    }
}

/// Reads one file: detects (or takes) its layout and runs that layout's importer.
/// A file's part of a read of several: the fraction done before it, and its own.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Share {
    pub done: f64,
    pub of: f64,
}

fn read_file(
    path: &Path,
    options: &ReadOptions,
    share: Share,
    dataset: &mut Dataset,
) -> Result<()> {
    let parsed = table::open(
        path,
        options.delimiter,
        options.encoding,
        canonical::HEADER_EXAMPLE,
    )?;
    let header = &parsed.header;
    let layout = match options.layout {
        Some(l) => l,
        None if options.mapping.is_given() => Layout::Mapped,
        None => detect(header).ok_or_else(|| {
            Error::file(
                path,
                format!(
                    "{}: cannot tell the layout from the header ({}); expected tradestat's \
                 columns ({}) or a UN Comtrade, BACI or IMF DOTS download; for other tables \
                 give --map (docs/importers.md)",
                    path.display(),
                    header.listing(),
                    canonical::HEADER_EXAMPLE
                ),
            )
        })?,
    };
    let importer: Box<dyn table::Importer> = match layout {
        Layout::Canonical => Box::new(canonical::Canonical::new(path, header)?),
        Layout::Comtrade => Box::new(comtrade::Comtrade::plus(
            path,
            header,
            options.decimal_comma,
        )?),
        Layout::ComtradeLegacy => Box::new(comtrade::Comtrade::legacy(
            path,
            header,
            options.decimal_comma,
        )?),
        Layout::Baci => Box::new(baci::Baci::new(path, header)?),
        Layout::Dots => Box::new(dots::Dots::new(path, header, options.decimal_comma)?),
        Layout::Mapped => Box::new(mapped::Mapped::new(
            path,
            header,
            &options.mapping,
            options.decimal_comma,
        )?),
    };
    let progress = |fraction: f64| options.progress.advance(share.done + share.of * fraction);
    table::read_rows(path, parsed, importer.as_ref(), options, &progress, dataset)
}

/// The layout a header belongs to, if it is one tradestat knows.
pub fn detect(header: &table::Header) -> Option<Layout> {
    if canonical::matches(header) {
        Some(Layout::Canonical)
    } else if baci::matches(header) {
        Some(Layout::Baci)
    } else if dots::matches(header) {
        Some(Layout::Dots)
    } else if comtrade::matches_plus(header) {
        Some(Layout::Comtrade)
    } else if comtrade::matches_legacy(header) {
        Some(Layout::ComtradeLegacy)
    } else if canonical::resembles(header) {
        // Close enough to say which canonical column is missing.
        Some(Layout::Canonical)
    } else {
        None
    }
}

/// An exchange rate given on the command line: 1 `from` = `rate` `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rate {
    pub from: String,
    pub to: String,
    pub rate: Exact,
}

impl std::str::FromStr for Rate {
    type Err = String;

    /// `CNY:USD=0.1385`
    fn from_str(text: &str) -> Result<Rate, String> {
        let expected = "expected FROM:TO=RATE, e.g. CNY:USD=0.1385 (1 CNY = 0.1385 USD)";
        let (pair, rate) = text
            .split_once('=')
            .ok_or_else(|| format!("bad rate `{text}`; {expected}"))?;
        let (from, to) = pair
            .split_once(':')
            .ok_or_else(|| format!("bad rate `{text}`; {expected}"))?;
        let currency = |c: &str| {
            Unit::parse(c)
                .ok()
                .filter(|u| u.scale == 0)
                .map(|u| u.currency)
                .ok_or_else(|| format!("bad currency `{c}` in `{text}`; {expected}"))
        };
        let rate = Exact::parse(rate).map_err(|e| format!("bad rate `{text}`: {e}"))?;
        if rate.mantissa <= 0 {
            return Err(format!("bad rate `{text}`: a rate must be positive"));
        }
        Ok(Rate {
            from: currency(from)?,
            to: currency(to)?,
            rate,
        })
    }
}

impl Dataset {
    /// Converts every record in a `from` currency exactly (value × rate, no rounding), and
    /// says so in the record's note.
    fn apply_rates(&mut self, rates: &[Rate]) -> Result<()> {
        for rate in rates {
            for record in self
                .records
                .iter_mut()
                .filter(|r| r.unit.currency == rate.from)
            {
                let converted = record
                    .value
                    .mantissa
                    .checked_mul(rate.rate.mantissa)
                    .map(|mantissa| Exact {
                        mantissa,
                        scale: record.value.scale + rate.rate.scale,
                    })
                    .filter(|e| e.scale <= 38)
                    .ok_or_else(|| Error::Overflow(format!("{} × {}", record.value, rate.rate)))?;
                record.value = converted.normalize();
                record.unit.currency = rate.to.clone();
                let memo = format!("converted from {} at {}", rate.from, rate.rate);
                record.note = if record.note.is_empty() {
                    memo
                } else {
                    format!("{}; {memo}", record.note)
                };
            }
        }
        Ok(())
    }
}
