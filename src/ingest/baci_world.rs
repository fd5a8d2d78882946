//! The world's exports from BACI files in one pass, for the indices that compare a
//! reporter with the world (RCA): every row is summed by year, exporter and product at the
//! HS level asked, and of the reporter's rows what its other tables need is kept as
//! records (`Keep`): every row, exactly as the general reader makes it, or only its
//! totals per partner, year and direction. Every other table is computed from them as
//! before.
//!
//! Used only when the files are what CEPII ships: plain or gzip CSV with the header on
//! the first line, every field plain (no quotes, no spaces, ASCII), codes and years as
//! digits, values as unsigned decimals, rows strictly in order of year, exporter,
//! importer and product, no World code. Then no row can repeat another and none would be
//! refused, so the sums equal the general reader's. Anything else, `read` answers
//! `NotPlain` with the reason, and the caller reads the files in general.
//!
//! As in the general path (`metrics::world`), an exporter's exports to the world are the
//! sum over its country partners: rows to a region or "areas nes" (BACI's 490, 899) are
//! not summed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use super::baci_scan::{Layout, Place, Scanned, Visit, layout, scan_gzip_with, scan_ranges};
use super::involving::Involving;
use super::table::{Importer, is_gzip, open_header};
use super::{Dataset, Layout as FileLayout, Origin, ReadOptions, SourceFile, detect};
use crate::error::Result;
use crate::model::{Commodity, Flow, Period};
use crate::number::Exact;

/// One exporter's exports in one year, by product at the level asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExporterSum {
    pub period: Period,
    /// The exporter as the file writes it (its code).
    pub exporter: String,
    /// (product code at the level asked, "27" at HS2; value in US dollars — BACI writes
    /// thousands — exact), by code.
    pub products: Vec<(String, Exact)>,
}

/// What one pass over the files gives.
pub struct WorldRead {
    /// The rows that involve the reporter, as `Dataset::read` holds them (warnings about
    /// unknown economies cover every row of the files).
    pub dataset: Dataset,
    /// Every exporter's exports per year and product at `level`.
    pub exports: Vec<ExporterSum>,
    /// The HS level of `exports`' products.
    pub level: usize,
    /// Every economy of the files (exporters and importers), as written, in the order
    /// they first appear.
    pub economies: Vec<String>,
    /// The sum of every row's value, per file, in US dollars (exact): each file's exports
    /// and, BACI being reconciled, its imports.
    pub file_totals: Vec<Exact>,
    /// The most decimals any value is written with (what a decimal column of the records
    /// needs: `frame::columnar::write_stream`).
    pub value_decimals: u32,
}

/// What `read` keeps of the reporter's rows, as records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Every row where it is the exporter or the importer, as the general reader makes
    /// them (what every table can be computed from).
    Rows,
    /// Its exports and imports summed per partner and year, one TOTAL record each: all
    /// that RCA, partner shares and HHI over partners read of its rows.
    Totals,
}

/// Why the files are left to the general reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotPlain(pub String);

/// Reads `paths` in one pass when they are plain BACI files (see the module's doc);
/// `Err(NotPlain)` inside `Ok` says why not. `reporter` is the economy whose rows are kept
/// (`keep` says which; none with `None`); `level` the HS level (2, 4 or 6; 6 when not given: BACI's
/// products are HS6).
pub fn read(
    paths: &[PathBuf],
    options: &ReadOptions,
    reporter: Option<&str>,
    level: Option<usize>,
    keep: Keep,
) -> Result<std::result::Result<WorldRead, NotPlain>> {
    let not = |why: &str| Ok(Err(NotPlain(why.to_string())));
    let level = level.unwrap_or(6);
    if ![2, 4, 6].contains(&level) {
        return not("the HS level is not 2, 4 or 6");
    }
    if !matches!(options.layout, None | Some(FileLayout::Baci))
        || !matches!(options.delimiter, None | Some(b','))
        || options.decimal_comma
        || options.mapping.is_given()
        || !options.rates.is_empty()
        || !options.involving.is_empty()
    {
        return not("reading options other than the defaults are given");
    }
    let mut dataset = Dataset::default();
    let mut ranges: Vec<(usize, Scanned<WorldVisit>)> = Vec::new();
    let mut headers = Vec::new();
    for (n, path) in paths.iter().enumerate() {
        if crate::frame::columnar::Format::sniff(path).is_some() {
            return not("a file is Parquet or Arrow");
        }
        // A file that cannot be opened is left to the general reader, which says why.
        let Ok(header) = open_header(path) else {
            return not("a file cannot be read");
        };
        if detect(&header) != Some(FileLayout::Baci) {
            return not("a file is not in the BACI layout");
        }
        let layout = layout(path, &header)?;
        let visitor = || WorldVisit::new(reporter, level, keep);
        if is_gzip(path) {
            ranges.push((n, scan_gzip_with(path, &layout, visitor())?));
        } else {
            let progress = options.progress.as_deref();
            for r in scan_ranges(path, &layout, progress, visitor)? {
                ranges.push((n, r));
            }
        }
        headers.push(header);
    }
    if let Some(why) = ranges.iter().find_map(|(_, r)| r.visit.unfit.clone()) {
        return not(&why);
    }
    // Each range is strictly increasing; ranges that do not overlap hold no key twice.
    let mut spans: Vec<(Key, Key)> = ranges
        .iter()
        .filter_map(|(_, r)| Some((r.visit.first?, r.visit.last?)))
        .collect();
    spans.sort_unstable();
    if spans.windows(2).any(|w| w[0].1 >= w[1].0) {
        return not("the rows are not in one order of year, exporter, importer and product");
    }
    let mut economies: Vec<i32> = Vec::new();
    let mut listed = std::collections::HashSet::new();
    for (_, r) in &ranges {
        for &e in &r.visit.economies {
            if listed.insert(e) {
                economies.push(e);
            }
        }
    }
    let economies: Vec<String> = economies.iter().map(i32::to_string).collect();
    let exports = exporter_sums(&ranges, level)?;
    // The reporter's rows, through the general importer, with their line numbers.
    let mut line_base = vec![1u64; paths.len()];
    let mut file_totals = vec![0i128; paths.len()];
    // (value, (file, line) of the first row) per `TotalKey`.
    let mut totals: HashMap<TotalKey, (i128, (usize, u64))> = HashMap::new();
    let mut importers = Vec::new();
    for (n, path) in paths.iter().enumerate() {
        let importer = super::baci::Baci::new(path, &headers[n])?;
        dataset.warnings.extend(importer.warnings());
        let mut rows_read = 0;
        for (_, r) in ranges.iter_mut().filter(|(f, _)| *f == n) {
            // Each range's text is let go once its records are made.
            let kept = std::mem::take(&mut r.visit.kept);
            let all_text = std::mem::take(&mut r.visit.text);
            for (line, span) in kept {
                let text = &all_text[span];
                // Plain ASCII fields (the scan checked): the text as it is.
                let fields: Vec<Cow<'_, str>> = text
                    .split(|b| *b == b',')
                    .map(|f| Cow::Borrowed(std::str::from_utf8(f).unwrap_or_default()))
                    .collect();
                let origin = Origin {
                    file: n as u32,
                    line: line_base[n] + line + 1,
                };
                let Ok(records) = importer.row(&fields, origin) else {
                    return not("a row of the reporter would be refused");
                };
                for record in records {
                    if dataset.records.push(record).is_none() {
                        return not("too many distinct texts");
                    }
                }
            }
            for (key, (sum, line)) in std::mem::take(&mut r.visit.totals) {
                let total = totals
                    .entry(key)
                    .or_insert((0, (n, line_base[n] + line + 1)));
                total.0 += sum;
            }
            file_totals[n] += r.visit.all;
            line_base[n] += r.lines;
            rows_read += r.rows;
        }
        dataset.warnings.extend(importer.after(path));
        dataset.files.push(SourceFile {
            path: path.to_path_buf(),
            layout: importer.layout().to_string(),
            rows_read,
            rows_rejected: 0,
            rows_repeated: 0,
        });
        importers.push(importer);
    }
    // The reporter's totals, in the order of their first rows.
    let mut totals: Vec<_> = totals.into_iter().collect();
    totals.sort_unstable_by_key(|(_, (_, first))| *first);
    for ((t, reporter, partner, flow), (sum, (file, line))) in totals {
        let Ok(period) = Period::year(t) else {
            return not("a year is outside the years tradestat reads");
        };
        let value = Exact {
            mantissa: sum,
            scale: super::baci_scan::SCALE,
        }
        .normalize();
        let origin = Origin {
            file: file as u32,
            line,
        };
        let record = importers[file].record(
            &reporter.to_string(),
            &partner.to_string(),
            period,
            flow,
            Commodity::Total,
            value,
            origin,
        );
        if dataset.records.push(record).is_none() {
            return not("too many distinct texts");
        }
    }
    dataset.warnings.extend(super::unknown_economies(
        economies.iter().map(String::as_str),
    ));
    let Ok(exports) = exports else {
        return not("a year is outside the years tradestat reads");
    };
    Ok(Ok(WorldRead {
        dataset,
        exports,
        level,
        economies,
        value_decimals: ranges
            .iter()
            .map(|(_, r)| r.visit.decimals as u32)
            .max()
            .unwrap_or(0),
        // Thousands of dollars at 9 decimals are dollars at 6.
        file_totals: file_totals
            .into_iter()
            .map(|mantissa| {
                Exact {
                    mantissa,
                    scale: super::baci_scan::SCALE - 3,
                }
                .normalize()
            })
            .collect(),
    }))
}

/// The records of plain BACI files, one row at a time, as the general reader makes them
/// (each row the exporter's export and the importer's import), in file order: `convert`
/// writes them as they come, so memory does not grow with the files. Only for files
/// `read` found plain (it proves no row repeats, so none is left out); a row the importer
/// refuses anyway ends the records with an error.
pub fn records(paths: &[PathBuf]) -> impl Iterator<Item = Result<super::Record>> + '_ {
    paths.iter().enumerate().flat_map(|(n, path)| {
        let file: Box<dyn Iterator<Item = Result<super::Record>>> = match file_records(n, path) {
            Ok(records) => Box::new(records),
            Err(e) => Box::new(std::iter::once(Err(e))),
        };
        file
    })
}

fn file_records(
    n: usize,
    path: &std::path::Path,
) -> Result<impl Iterator<Item = Result<super::Record>> + '_> {
    use std::io::BufRead;
    let header = open_header(path)?;
    let importer = super::baci::Baci::new(path, &header)?;
    let (mut text, _) = super::table::text_stream(path)?;
    let io = move |source| crate::error::Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut line = Vec::new();
    let mut number = 0u64;
    let mut pending: Vec<super::Record> = Vec::new();
    Ok(std::iter::from_fn(move || {
        loop {
            if let Some(record) = pending.pop() {
                return Some(Ok(record));
            }
            line.clear();
            match text.read_until(b'\n', &mut line) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(io(e))),
            }
            number += 1;
            let mut row = line.as_slice();
            while let Some((b'\n' | b'\r', rest)) = row.split_last() {
                row = rest;
            }
            // The header, and blank lines (the general reader skips them too).
            if number == 1 || row.is_empty() {
                continue;
            }
            let fields: Vec<Cow<'_, str>> = row
                .split(|b| *b == b',')
                .map(|f| String::from_utf8_lossy(f))
                .collect();
            let origin = Origin {
                file: n as u32,
                line: number,
            };
            match importer.row(&fields, origin) {
                // Popped from the end: the importer's record last.
                Ok(mut records) => {
                    records.reverse();
                    pending = records;
                }
                Err((_, why)) => {
                    return Some(Err(crate::error::Error::file(
                        path,
                        format!("{}:{number}: {why}", path.display()),
                    )));
                }
            }
        }
    }))
}

/// The ranges' partial sums merged: one per year, exporter and product.
fn exporter_sums(
    ranges: &[(usize, Scanned<WorldVisit>)],
    level: usize,
) -> Result<std::result::Result<Vec<ExporterSum>, ()>> {
    let mut all: Vec<(i32, i32, u32, i128)> = ranges
        .iter()
        .flat_map(|(_, r)| r.visit.sums.iter().copied())
        .collect();
    all.sort_unstable_by_key(|s| (s.0, s.1, s.2));
    let mut out: Vec<ExporterSum> = Vec::new();
    let mut last: Option<(i32, i32, u32)> = None;
    for (t, i, product, v) in all {
        // Thousands of dollars at 9 decimals are dollars at 6.
        let value = Exact {
            mantissa: v,
            scale: super::baci_scan::SCALE - 3,
        };
        let group = match out.last_mut() {
            Some(group) if last.is_some_and(|(lt, li, _)| (lt, li) == (t, i)) => group,
            _ => {
                let Ok(period) = Period::year(t) else {
                    return Ok(Err(()));
                };
                out.push(ExporterSum {
                    period,
                    exporter: i.to_string(),
                    products: Vec::new(),
                });
                out.last_mut()
                    .ok_or(crate::error::Error::Engine("no group".into()))?
            }
        };
        match group.products.last_mut() {
            // The same product from another range of the file.
            Some((_, sum)) if last == Some((t, i, product)) => sum.mantissa += value.mantissa,
            _ => group.products.push((format!("{product:0level$}"), value)),
        }
        last = Some((t, i, product));
    }
    for group in &mut out {
        for (_, value) in &mut group.products {
            *value = value.normalize();
        }
    }
    Ok(Ok(out))
}

/// A total of the reporter's: year, reporter, partner, flow.
type TotalKey = (i32, i32, i32, Flow);

/// A row's identity, in the order BACI sorts its rows: year, exporter, importer, product.
type Key = (i32, i32, i32, u32);

const KNOWN: u8 = 1;
const REPORTER: u8 = 2;
const AGGREGATE: u8 = 4;
const WORLD: u8 = 8;

/// Economy codes are kept in tables indexed by code up to this.
const MOST_CODE: i32 = 1 << 20;

/// Sums every row by year, exporter and product at the level asked, and keeps the rows
/// that involve the reporter.
struct WorldVisit {
    /// 10^(6 − level): a product's code at the level is its HS6 code divided by this.
    divisor: u32,
    reporter: Option<Involving>,
    /// By code: 0 not yet asked, else `KNOWN` with `REPORTER`, `AGGREGATE`, `WORLD`.
    class: Vec<u8>,
    /// By code: seen in the range.
    seen: Vec<bool>,
    /// Codes in the order they first appear (exporter before importer in a row).
    economies: Vec<i32>,
    /// The (year, exporter) being summed: BACI's order keeps its rows together.
    group: Option<(i32, i32)>,
    /// The group's sums by product, and which products it has.
    sum: Vec<i128>,
    has: Vec<bool>,
    touched: Vec<u32>,
    /// (year, exporter, product, value × 10^9 in thousands of dollars)
    sums: Vec<(i32, i32, u32, i128)>,
    first: Option<Key>,
    last: Option<Key>,
    /// The reporter's rows: (line in the range, bytes in `text`).
    kept: Vec<(u64, std::ops::Range<usize>)>,
    text: Vec<u8>,
    /// Or its totals: (year, reporter, partner, flow) → (value × 10^9, the first line).
    totals: HashMap<TotalKey, (i128, u64)>,
    keep: Keep,
    /// Every row's value summed, × 10^9 (thousands of dollars).
    all: i128,
    /// The most decimals a value is written with.
    decimals: usize,
    /// Why this range cannot be read this way.
    unfit: Option<String>,
}

impl WorldVisit {
    fn new(reporter: Option<&str>, level: usize, keep: Keep) -> WorldVisit {
        let products = 10usize.pow(level as u32);
        WorldVisit {
            divisor: 10u32.pow(6 - level as u32),
            reporter: reporter
                .and_then(|r| Involving::new(&[r.to_string()], Default::default()).ok())
                .flatten(),
            class: Vec::new(),
            seen: Vec::new(),
            economies: Vec::new(),
            group: None,
            sum: vec![0; products],
            has: vec![false; products],
            touched: Vec::new(),
            sums: Vec::new(),
            first: None,
            last: None,
            kept: Vec::new(),
            text: Vec::new(),
            totals: HashMap::new(),
            all: 0,
            decimals: 0,
            keep,
            unfit: None,
        }
    }

    fn flush(&mut self) {
        if let Some((t, i)) = self.group {
            for &p in &self.touched {
                let p = p as usize;
                self.sums.push((t, i, p as u32, self.sum[p]));
                self.sum[p] = 0;
                self.has[p] = false;
            }
        }
        self.touched.clear();
    }

    fn unfit(&mut self, why: String) -> Result<bool> {
        self.unfit = Some(why);
        Ok(false)
    }

    /// What `code` is (`REPORTER`, ...); notes it as seen.
    #[inline(always)]
    fn economy(&mut self, code: i32) -> u8 {
        let c = code as usize;
        if c >= self.seen.len() {
            self.seen.resize(c + 1, false);
            self.class.resize(c + 1, 0);
        }
        if !self.seen[c] {
            self.seen[c] = true;
            self.economies.push(code);
        }
        if self.class[c] == 0 {
            let text = code.to_string();
            let reporter = self
                .reporter
                .as_mut()
                .is_some_and(|r| r.wanted(text.as_bytes(), b""));
            self.class[c] = KNOWN
                | if reporter { REPORTER } else { 0 }
                | if crate::codes::is_aggregate(&text) {
                    AGGREGATE
                } else {
                    0
                }
                | if crate::codes::is_world(&text) {
                    WORLD
                } else {
                    0
                };
        }
        self.class[c]
    }
}

/// The fields of one line, read left to right in one pass (the hot loop of the world
/// read: every byte is looked at once).
struct Fields<'a> {
    text: &'a [u8],
    at: usize,
    /// The last field has been read.
    done: bool,
    /// The decimals the value was written with.
    decimals: usize,
}

/// 10^n for n ≤ 18.
const POW10: [u64; 19] = {
    let mut p = [1u64; 19];
    let mut n = 1;
    while n < 19 {
        p[n] = p[n - 1] * 10;
        n += 1;
    }
    p
};

impl Fields<'_> {
    /// Moves past the comma (or the end) that closes a field.
    #[inline(always)]
    fn close(&mut self) {
        if self.at >= self.text.len() {
            self.done = true;
        }
        self.at += 1;
    }

    /// A field of digits only, at most 18: (the number, how many digits).
    #[inline(always)]
    fn number(&mut self) -> Option<(u64, usize)> {
        let (n, digits) = self.digits(false)?;
        self.close();
        Some((n, digits))
    }

    /// The digits from here to a comma or the end (or a point, when `to_point`; it is not
    /// consumed), at most 18: (the number, how many digits). None on any other byte.
    #[inline(always)]
    fn digits(&mut self, to_point: bool) -> Option<(u64, usize)> {
        if self.done {
            return None;
        }
        let (mut n, start) = (0u64, self.at);
        while let Some(&b) = self.text.get(self.at) {
            match b {
                b'0'..=b'9' if self.at - start < 18 => n = n * 10 + u64::from(b - b'0'),
                b',' => break,
                b'.' if to_point => break,
                _ => return None,
            }
            self.at += 1;
        }
        Some((n, self.at - start))
    }

    /// A code as BACI writes it: 1 to 9 digits, no leading zero (so the text is the
    /// number's), below `MOST_CODE`.
    #[inline(always)]
    fn code(&mut self) -> Option<i32> {
        let (n, digits) = self.number()?;
        let plain = (1..=9).contains(&digits) && (digits == 1 || n >= POW10[digits - 1]);
        (plain && n < MOST_CODE as u64).then_some(n as i32)
    }

    /// An unsigned decimal written plainly (`12.345`, `7`), at most 18 digits and 9
    /// decimals, × 10^9.
    #[inline(always)]
    fn value(&mut self) -> Option<i128> {
        let (whole, whole_digits) = self.digits(true)?;
        if whole_digits == 0 {
            return None;
        }
        if self.text.get(self.at) != Some(&b'.') {
            self.close();
            return Some(i128::from(whole) * POW10[9] as i128);
        }
        self.at += 1;
        let (fraction, decimals) = self.number()?;
        if decimals == 0 || decimals > 9 || whole_digits + decimals > 18 {
            return None;
        }
        let mantissa = whole * POW10[decimals] + fraction;
        self.decimals = decimals;
        Some(i128::from(mantissa) * i128::from(POW10[9 - decimals]))
    }

    /// A field tradestat does not read (the quantity): plain text, no quote.
    #[inline(always)]
    fn other(&mut self) -> Option<()> {
        if self.done {
            return None;
        }
        while let Some(&b) = self.text.get(self.at) {
            match b {
                b',' => break,
                b'"' | 0x80.. => return None,
                _ => self.at += 1,
            }
        }
        self.close();
        Some(())
    }
}

impl Visit for WorldVisit {
    fn line(&mut self, text: &[u8], line: u64, _at: u64, place: &Place) -> Result<bool> {
        let l: &Layout = place.layout;
        let mut fields = Fields {
            text,
            at: 0,
            done: false,
            decimals: 0,
        };
        let (mut t, mut i, mut j, mut k, mut v) = (None, None, None, None, None);
        for n in 0..l.width {
            let read = if n == l.t {
                fields.number().map(|(n, digits)| {
                    t = (digits == 4).then_some(n as i32);
                })
            } else if n == l.i {
                fields.code().map(|c| i = Some(c))
            } else if n == l.j {
                fields.code().map(|c| j = Some(c))
            } else if n == l.k {
                fields.number().map(|(n, digits)| {
                    k = (5..=6).contains(&digits).then_some(n as u32);
                })
            } else if n == l.v {
                fields.value().map(|x| v = Some(x))
            } else {
                fields.other()
            };
            if read.is_none() {
                return self.unfit(format!("line {} is not plain fields", line + 1));
            }
        }
        self.decimals = self.decimals.max(fields.decimals);
        if !fields.done {
            return self.unfit("a row has more fields than the header".into());
        }
        let (Some(t), Some(i), Some(j), Some(product), Some(v)) = (t, i, j, k, v) else {
            return self.unfit(format!("line {} is not plain fields", line + 1));
        };
        let key = (t, i, j, product);
        if self.last.is_some_and(|last| key <= last) {
            return self.unfit("the rows are not in order (or a row repeats)".into());
        }
        self.first.get_or_insert(key);
        self.last = Some(key);
        let (exporter, importer) = (self.economy(i), self.economy(j));
        if (exporter | importer) & WORLD != 0 {
            return self.unfit("a row has the World code".into());
        }
        match self.keep {
            Keep::Rows if (exporter | importer) & REPORTER != 0 => {
                let start = self.text.len();
                self.text.extend_from_slice(text);
                self.kept.push((line, start..self.text.len()));
            }
            Keep::Totals => {
                for (is_reporter, reporter, partner, flow) in [
                    (exporter, i, j, Flow::Export),
                    (importer, j, i, Flow::Import),
                ] {
                    if is_reporter & REPORTER != 0 {
                        let total = self
                            .totals
                            .entry((t, reporter, partner, flow))
                            .or_insert((0, line));
                        match total.0.checked_add(v) {
                            Some(sum) => total.0 = sum,
                            None => return self.unfit("a sum is too large".into()),
                        }
                    }
                }
            }
            Keep::Rows => {}
        }
        if self.group != Some((t, i)) {
            self.flush();
            self.group = Some((t, i));
        }
        match self.all.checked_add(v) {
            Some(all) => self.all = all,
            None => return self.unfit("a sum is too large".into()),
        }
        if importer & AGGREGATE != 0 {
            // Not exports to the world (see the module's doc).
            return Ok(true);
        }
        let p = (product / self.divisor) as usize;
        if !self.has[p] {
            self.has[p] = true;
            self.touched.push(p as u32);
        }
        match self.sum[p].checked_add(v) {
            Some(sum) => self.sum[p] = sum,
            None => return self.unfit("a sum is too large".into()),
        }
        Ok(true)
    }

    fn end(&mut self) {
        self.flush();
    }
}

/// Rows of BACI files another engine found (`engine::tables`): the file's index, then t,
/// i, j, k and v as written.
pub struct RowFields<'a> {
    pub file: usize,
    pub fields: [&'a str; 5],
}

/// The dataset the general reader makes of `paths` with `ReadOptions::involving`, from the
/// rows that involve the economies asked, found elsewhere (a cluster): each row through the
/// general importer, duplicates among them found as in a local read. `None` when a row
/// would be refused or repeats another: a local read then names their lines. Records
/// hold line 0 (the cluster does not know lines; nothing that names one is kept).
pub fn dataset_from_rows<'a>(
    paths: &[PathBuf],
    rows: impl Iterator<Item = RowFields<'a>>,
) -> Result<Option<Dataset>> {
    let (mut dataset, importers) = cluster_dataset(paths)?;
    for row in rows {
        let Some(importer) = importers.get(row.file) else {
            return Ok(None);
        };
        // The importer reads fields by the header's positions: t, i, j, k, v put there.
        let mut fields = vec![Cow::Borrowed(""); importer.width()];
        for (at, text) in importer.places().into_iter().zip(row.fields) {
            if let Some(field) = fields.get_mut(at) {
                *field = Cow::Borrowed(text);
            }
        }
        let origin = Origin {
            file: row.file as u32,
            line: 0,
        };
        let Ok(records) = importer.row(&fields, origin) else {
            return Ok(None);
        };
        dataset.files[row.file].rows_read += 1;
        for record in records {
            if dataset.records.push(record).is_none() {
                return Ok(None);
            }
        }
    }
    dataset.reject_duplicates();
    if !(dataset.rejected.is_empty() && dataset.repeated.is_empty()) {
        return Ok(None);
    }
    dataset.warn_unknown_economies();
    Ok(Some(dataset))
}

/// One total of a reporter's found elsewhere (a cluster): year, reporter, partner, flow,
/// value (× 10^9, thousands of dollars), and the file of its first row.
pub struct Total {
    pub year: i32,
    pub reporter: i32,
    pub partner: i32,
    pub flow: Flow,
    pub value: i128,
    pub file: usize,
}

/// The dataset `read` makes with `Keep::Totals` (one TOTAL record per reporter, partner,
/// year and direction), from totals found elsewhere. `None` when a year is outside the
/// years tradestat reads.
pub fn dataset_from_totals(
    paths: &[PathBuf],
    totals: impl Iterator<Item = Total>,
) -> Result<Option<Dataset>> {
    let (mut dataset, importers) = cluster_dataset(paths)?;
    for total in totals {
        let (Ok(period), Some(importer)) = (Period::year(total.year), importers.get(total.file))
        else {
            return Ok(None);
        };
        let value = Exact {
            mantissa: total.value,
            scale: super::baci_scan::SCALE,
        }
        .normalize();
        let origin = Origin {
            file: total.file as u32,
            line: 0,
        };
        let record = importer.record(
            &total.reporter.to_string(),
            &total.partner.to_string(),
            period,
            total.flow,
            Commodity::Total,
            value,
            origin,
        );
        if dataset.records.push(record).is_none() {
            return Ok(None);
        }
    }
    dataset.warn_unknown_economies();
    Ok(Some(dataset))
}

/// An empty dataset of `paths` (each a BACI file) and their importers.
fn cluster_dataset(paths: &[PathBuf]) -> Result<(Dataset, Vec<super::baci::Baci>)> {
    let mut dataset = Dataset::default();
    let mut importers = Vec::new();
    for path in paths {
        let header = open_header(path)?;
        let importer = super::baci::Baci::new(path, &header)?;
        dataset.warnings.extend(importer.warnings());
        dataset.files.push(SourceFile {
            path: path.to_path_buf(),
            layout: importer.layout().to_string(),
            rows_read: 0,
            rows_rejected: 0,
            rows_repeated: 0,
        });
        importers.push(importer);
    }
    Ok((dataset, importers))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    const SORTED: &str = "t,i,j,k,v,q\n\
        2019,156,643,270900,20,\n\
        2019,156,643,840000,880.5,1\n\
        \n\
        2019,643,156,84000,69.75,\n\
        2019,643,156,270900,30.25,\n\
        2019,643,408,270900,0,\n\
        2020,156,408,270900,7,\n\
        2020,156,899,270900,5,\n\
        2020,899,156,270900,3,\n";

    #[test]
    fn sums_by_year_exporter_and_product_and_keeps_the_reporters_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "b.csv", SORTED);
        let read = read(
            &[path],
            &ReadOptions::default(),
            Some("RUS"),
            Some(2),
            Keep::Rows,
        )
        .unwrap()
        .unwrap();
        let sums: Vec<(String, String, String, String)> = read
            .exports
            .iter()
            .flat_map(|s| {
                s.products.iter().map(|(product, value)| {
                    (
                        s.period.label(),
                        s.exporter.clone(),
                        product.clone(),
                        value.to_string(),
                    )
                })
            })
            .collect();
        let row = |t: &str, i: &str, k: &str, v: &str| {
            (t.to_string(), i.to_string(), k.to_string(), v.to_string())
        };
        // Thousands of dollars become dollars; a 5-digit code is HS6 with its zero lost.
        assert_eq!(
            sums,
            vec![
                row("2019", "156", "27", "20000"),
                row("2019", "156", "84", "880500"),
                row("2019", "643", "08", "69750"),
                row("2019", "643", "27", "30250"),
                row("2020", "156", "27", "7000"),
                row("2020", "899", "27", "3000"),
            ]
        );
        assert_eq!(read.economies, vec!["156", "643", "408", "899"]);
        // The reporter's five rows, two records each, on their lines (the blank one counts).
        let records = &read.dataset.records;
        let lines: Vec<u64> = (0..records.len()).map(|n| records.origin(n).line).collect();
        assert_eq!(lines, vec![2, 2, 3, 3, 5, 5, 6, 6, 7, 7]);
        assert_eq!(read.dataset.files[0].rows_read, 8);
        // Only its totals per partner, year and direction, when they are all that is asked:
        // one TOTAL record each, at the line of its first row, in thousands of dollars.
        let path = dir.path().join("b.csv");
        let totals = super::read(
            &[path],
            &ReadOptions::default(),
            Some("RUS"),
            Some(2),
            Keep::Totals,
        )
        .unwrap()
        .unwrap();
        let records = &totals.dataset.records;
        let got: Vec<(String, String, Flow, String, u64)> = (0..records.len())
            .map(|n| {
                let r = records.get(n);
                assert_eq!(r.commodity, Commodity::Total);
                assert_eq!(r.period.label(), "2019");
                (
                    r.reporter,
                    r.partner,
                    r.flow,
                    r.value.to_string(),
                    r.origin.line,
                )
            })
            .collect();
        let row = |p: &str, f: Flow, v: &str, line: u64| {
            ("643".to_string(), p.to_string(), f, v.to_string(), line)
        };
        assert_eq!(
            got,
            vec![
                row("156", Flow::Import, "900.5", 2),
                row("156", Flow::Export, "100", 5),
                row("408", Flow::Export, "0", 7),
            ]
        );
        assert_eq!(totals.exports, read.exports);
    }

    #[test]
    fn line_numbers_hold_across_the_ranges_of_a_large_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::from("t,i,j,k,v,q\n");
        for n in 0..40_000u32 {
            let (i, j) = (100 + n / 1000, 200 + n % 1000);
            text.push_str(&format!("2019,{i},{j},{:06},1.5,\n", 100_000 + n % 7));
        }
        let path = write(&dir, "big.csv", &text);
        let read = read(
            &[path],
            &ReadOptions::default(),
            Some("105"),
            Some(2),
            Keep::Rows,
        )
        .unwrap()
        .unwrap();
        let records = &read.dataset.records;
        // Rows 5000..6000 have exporter 105: lines 5002..6001.
        assert_eq!(records.len(), 2000);
        assert_eq!(records.origin(0).line, 5002);
        assert_eq!(records.origin(1999).line, 6001);
    }

    #[test]
    fn anything_but_plain_sorted_rows_goes_to_the_general_reader() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            (
                "repeat",
                "2019,643,156,270900,30,\n2019,643,156,270900,30,\n",
            ),
            (
                "order",
                "2019,643,156,270900,30,\n2019,156,643,270900,30,\n2019,643,408,270900,1,\n",
            ),
            ("quoted", "2019,643,156,\"270900\",30,\n"),
            ("spaced", "2019, 643,156,270900,30,\n"),
            ("signed", "2019,643,156,270900,-30,\n"),
            ("ragged", "2019,643,156,270900,30\n"),
            ("code", "2019,643,156,TOTAL,30,\n"),
            ("zero-led code", "2019,0643,156,270900,30,\n"),
            ("world", "2019,643,0,270900,30,\n"),
        ];
        // A region is read (its rows are not exports to the world: the test above).
        for (what, rows) in cases {
            let path = write(&dir, "x.csv", &format!("t,i,j,k,v,q\n{rows}"));
            let answer = read(
                &[path],
                &ReadOptions::default(),
                Some("643"),
                Some(2),
                Keep::Rows,
            )
            .unwrap();
            assert!(answer.is_err(), "{what} was read as plain");
        }
        // Two files whose rows overlap (the same year twice).
        let a = write(&dir, "a.csv", SORTED);
        let b = write(&dir, "b.csv", SORTED);
        let answer = read(
            &[a.clone(), b],
            &ReadOptions::default(),
            Some("643"),
            Some(2),
            Keep::Rows,
        )
        .unwrap();
        assert!(answer.is_err());
        // One file per year, in any order, is plain.
        let y2021 = write(&dir, "2021.csv", "t,i,j,k,v,q\n2021,643,156,270900,1,\n");
        let answer = read(
            &[y2021, a],
            &ReadOptions::default(),
            Some("643"),
            Some(2),
            Keep::Rows,
        )
        .unwrap();
        assert!(answer.is_ok());
    }
}
