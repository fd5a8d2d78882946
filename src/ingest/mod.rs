//! Reading trade records from files into the canonical model.
//!
//! Every importer produces records (one per accepted row) and a list of `Rejection`s (one
//! per refused row, with file, line, column and the reason). Nothing is dropped or altered
//! silently: a row is either kept exactly or reported. `Dataset::read` holds the records
//! (`Records`, as columns); `stream` hands them over one at a time, for commands whose
//! memory must not grow with the file (`inspect`, `convert`).

pub mod baci;
pub mod baci_scan;
pub mod baci_world;
pub mod canonical;
pub mod comtrade;
pub mod dots;
mod duplicates;
pub mod involving;
pub mod mapped;
#[cfg(test)]
mod proptests;
pub mod records;
pub mod stream;
pub mod table;
pub mod tally;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::codes::economy_key;
use crate::diag::Rejection;
use crate::error::{Error, Result};
use crate::model::{Commodity, Flow, Period, Unit};
use crate::number::Exact;
pub use records::Records;

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
    /// The accepted rows, as columns.
    pub records: Records,
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
    /// Read float columns of Parquet or Arrow files (as the shortest decimal that prints
    /// each value) instead of refusing them.
    pub allow_float: bool,
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
            let mut records = std::mem::take(&mut dataset.records);
            read_file(path, options, share, &mut dataset, &mut |record| {
                let line = record.origin.line;
                records.push(record).ok_or_else(|| {
                    Error::Options(format!(
                        "{}:{line}: more than 2^32 distinct texts (economies, commodities, sources or notes) in one read",
                        path.display()
                    ))
                })
            })?;
            dataset.records = records;
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

    /// Spellings the country table does not know are kept as written; say which.
    pub(crate) fn warn_unknown_economies(&mut self) {
        let records = &self.records;
        let mut seen = vec![false; records.economies.values().len()];
        let mut first_seen: Vec<&str> = Vec::new();
        for (&r, &p) in records.reporter.iter().zip(&records.partner) {
            for code in [r, p] {
                if !std::mem::replace(&mut seen[code as usize], true) {
                    first_seen.push(records.economies.get(code).as_str());
                }
            }
        }
        let warning = unknown_economies(first_seen.into_iter());
        self.warnings.extend(warning);
    }

    /// The distinct `source` texts of the records, in file order, of `reporter`'s trade
    /// with `partner` (either may be left open).
    pub fn sources(&self, reporter: Option<&str>, partner: Option<&str>) -> Vec<String> {
        let (reporter, partner) = (reporter.map(economy_key), partner.map(economy_key));
        let records = &self.records;
        let keys: Vec<String> = records
            .economies
            .values()
            .iter()
            .map(|e| economy_key(e))
            .collect();
        let mut list: Vec<String> = Vec::new();
        for i in 0..records.len() {
            let reporter_ok = reporter
                .as_ref()
                .is_none_or(|k| *k == keys[records.reporter[i] as usize]);
            let partner_ok = partner
                .as_ref()
                .is_none_or(|k| *k == keys[records.partner[i] as usize]);
            let source = records.source(i);
            if reporter_ok && partner_ok && !source.is_empty() && !list.iter().any(|s| s == source)
            {
                list.push(source.to_string());
            }
        }
        list
    }

    /// The currency of the first record, if any.
    pub fn currency(&self) -> Option<&str> {
        (!self.records.is_empty()).then(|| self.records.unit(0).currency.as_str())
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

/// A file's part of a read of several: the fraction done before it, and its own.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Share {
    pub done: f64,
    pub of: f64,
}

/// Reads one file: detects (or takes) its layout and runs that layout's importer; the
/// refusals go to `dataset`, each record read to `sink`.
fn read_file(
    path: &Path,
    options: &ReadOptions,
    share: Share,
    dataset: &mut Dataset,
    sink: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<()> {
    let parsed = table::open(
        path,
        options.delimiter,
        options.encoding,
        canonical::HEADER_EXAMPLE,
        options.allow_float,
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
    table::read_rows(
        path,
        parsed,
        importer.as_ref(),
        options,
        &progress,
        dataset,
        sink,
    )
}

/// The warning that names the economies (spellings, in the order they first appear) the
/// country table does not know, if any.
pub(crate) fn unknown_economies<'a>(spellings: impl Iterator<Item = &'a str>) -> Option<String> {
    let unknown: Vec<&str> = spellings.filter(|s| !crate::codes::is_known(s)).collect();
    if unknown.is_empty() {
        return None;
    }
    let shown: Vec<String> = unknown.iter().take(12).map(|u| format!("`{u}`")).collect();
    Some(format!(
        "{} economy name(s) or code(s) are not in the country table and are kept as written: {}{} (add them as aliases in data/countries.csv)",
        unknown.len(),
        shown.join(", "),
        if unknown.len() > 12 { ", ..." } else { "" }
    ))
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

impl Rate {
    /// `value` (in `from`) in `to`: value × rate, exactly.
    fn value(&self, value: Exact) -> Result<Exact> {
        value
            .mantissa
            .checked_mul(self.rate.mantissa)
            .map(|mantissa| Exact {
                mantissa,
                scale: value.scale + self.rate.scale,
            })
            .filter(|e| e.scale <= 38)
            .map(Exact::normalize)
            .ok_or_else(|| Error::Overflow(format!("{value} × {}", self.rate)))
    }

    /// A converted record's note: what it was, and the conversion.
    fn note(&self, old: &str) -> String {
        let memo = format!("converted from {} at {}", self.from, self.rate);
        if old.is_empty() {
            memo
        } else {
            format!("{old}; {memo}")
        }
    }
}

/// Converts `record` by each of `rates` in turn (as `Dataset::apply_rates` does).
fn convert(record: &mut Record, rates: &[Rate]) -> Result<()> {
    for rate in rates {
        if record.unit.currency == rate.from {
            record.value = rate.value(record.value)?;
            record.unit.currency = rate.to.clone();
            record.note = rate.note(&record.note);
        }
    }
    Ok(())
}

impl Dataset {
    /// Converts every record in a `from` currency exactly (value × rate, no rounding), and
    /// says so in the record's note.
    fn apply_rates(&mut self, rates: &[Rate]) -> Result<()> {
        let records = &mut self.records;
        for rate in rates {
            // Per unit and per note, what it becomes: each is worked out once.
            let mut units: HashMap<u32, u32> = HashMap::new();
            let mut notes: HashMap<u32, u32> = HashMap::new();
            for i in 0..records.len() {
                if records.unit(i).currency != rate.from {
                    continue;
                }
                let converted = rate.value(records.value(i))?;
                records.mantissa[i] = converted.mantissa;
                records.scale[i] = u8::try_from(converted.scale).unwrap_or(u8::MAX);
                let full = || Error::Options("more than 2^32 distinct units or notes".into());
                let unit = records.unit[i];
                records.unit[i] = match units.get(&unit) {
                    Some(&to) => to,
                    None => {
                        let mut to = records.units.get(unit).clone();
                        to.currency = rate.to.clone();
                        let to = records.units.intern(to).ok_or_else(full)?;
                        units.insert(unit, to);
                        to
                    }
                };
                let note = records.note[i];
                records.note[i] = match notes.get(&note) {
                    Some(&to) => to,
                    None => {
                        let new = rate.note(records.texts.get(note));
                        let to = records.texts.intern(new).ok_or_else(full)?;
                        notes.insert(note, to);
                        to
                    }
                };
            }
        }
        Ok(())
    }
}
