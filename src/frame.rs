//! Every Polars call lives here, so a Polars upgrade touches one file.
//!
//! Records become a `DataFrame` whose `value` column is `Decimal(38, s)` in base currency
//! units (USD, not USD million), with one scale `s` wide enough for every row: no value is
//! rounded on the way in. Polars then filters, groups and sums — all exact on decimals.
//! Nothing here divides or multiplies money; ratios belong to `metrics` (rust_decimal).

use polars::prelude::*;
use rust_decimal::Decimal;

use crate::codes::economy_key;
use crate::error::{Error, Result};
use crate::ingest::{Dataset, Origin};
use crate::model::{Commodity, Flow, Period};
use crate::number::Exact;

/// The records of a dataset as a Polars frame.
pub struct TradeFrame {
    frame: DataFrame,
}

/// What to keep. `None` keeps everything.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub reporter: Option<String>,
    pub partner: Option<String>,
    /// Empty keeps every period.
    pub periods: Vec<Period>,
}

impl Selection {
    /// The economies it names: what every row of a pair's figures involves.
    pub fn economies(&self) -> Vec<String> {
        self.reporter.iter().chain(&self.partner).cloned().collect()
    }

    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(r) = &self.reporter {
            parts.push(format!("--reporter {r}"));
        }
        if let Some(p) = &self.partner {
            parts.push(format!("--partner {p}"));
        }
        for p in &self.periods {
            parts.push(format!("--period {p}"));
        }
        if parts.is_empty() {
            "(everything)".to_string()
        } else {
            parts.join(" ")
        }
    }
}

/// The exact sum of the rows that share a reporter, partner, period, flow, commodity and
/// currency.
#[derive(Clone, Debug, PartialEq)]
pub struct Total {
    /// The spelling of the first row, for display.
    pub reporter: String,
    pub partner: String,
    pub period: Period,
    pub flow: Flow,
    pub commodity: Commodity,
    pub currency: String,
    /// In base units of `currency` (USD, not USD million).
    pub value: Decimal,
    /// How many records were summed.
    pub rows: u32,
    /// Months of `period` the summed records cover: all of them, unless a roll-up built
    /// this total from incomplete parts (two months of a quarter).
    pub months_covered: u8,
    /// The first record summed, for messages.
    pub origin: Origin,
}

/// A reporter–partner pair found in the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub reporter: String,
    pub partner: String,
    pub rows: u32,
}

impl TradeFrame {
    /// Builds the frame, converting every value to base currency units exactly.
    pub fn from_dataset(dataset: &Dataset) -> Result<TradeFrame> {
        let n = dataset.records.len();
        let mut values: Vec<Exact> = Vec::with_capacity(n);
        for record in &dataset.records {
            let base = record.value.shift(record.unit.scale).ok_or_else(|| {
                Error::Overflow(format!(
                    "{}: {} {}",
                    dataset.origin_text(record.origin),
                    record.value,
                    record.unit
                ))
            })?;
            values.push(base);
        }
        let scale = values.iter().map(|v| v.scale).max().unwrap_or(0);
        if scale > 38 {
            return Err(Error::Overflow(format!(
                "values need {scale} decimals; at most 38 fit"
            )));
        }
        let mut mantissas = Vec::with_capacity(n);
        for (value, record) in values.iter().zip(&dataset.records) {
            let wide = value.rescale(scale).ok_or_else(|| {
                Error::Overflow(format!(
                    "{}: {} {} needs more than 38 digits next to the other values' {scale} decimals",
                    dataset.origin_text(record.origin),
                    record.value,
                    record.unit
                ))
            })?;
            mantissas.push(wide.mantissa);
        }

        let strings = |name: &str, f: &dyn Fn(&crate::ingest::Record) -> String| {
            Column::new(
                name.into(),
                dataset.records.iter().map(f).collect::<Vec<String>>(),
            )
        };
        let ints = |name: &str, f: &dyn Fn(&crate::ingest::Record) -> i32| {
            Column::new(
                name.into(),
                dataset.records.iter().map(f).collect::<Vec<i32>>(),
            )
        };
        let value = Int128Chunked::from_vec("value".into(), mantissas)
            .into_decimal(38, scale as usize)?
            .into_series()
            .into_column();
        let columns = vec![
            strings("reporter", &|r| r.reporter.clone()),
            strings("partner", &|r| r.partner.clone()),
            strings("reporter_key", &|r| economy_key(&r.reporter)),
            strings("partner_key", &|r| economy_key(&r.partner)),
            ints("year", &|r| r.period.year),
            ints("first_month", &|r| i32::from(r.period.first_month)),
            ints("last_month", &|r| i32::from(r.period.last_month)),
            strings("flow", &|r| r.flow.as_str().to_string()),
            strings("commodity", &|r| r.commodity.code().to_string()),
            value,
            strings("currency", &|r| r.unit.currency.clone()),
            ints("file", &|r| {
                i32::try_from(r.origin.file).unwrap_or(i32::MAX)
            }),
            Column::new(
                "line".into(),
                dataset
                    .records
                    .iter()
                    .map(|r| i64::try_from(r.origin.line).unwrap_or(i64::MAX))
                    .collect::<Vec<i64>>(),
            ),
        ];
        Ok(TradeFrame {
            frame: DataFrame::new(n, columns)?,
        })
    }

    fn selected(&self, selection: &Selection) -> LazyFrame {
        let mut lazy = self.frame.clone().lazy();
        if let Some(r) = &selection.reporter {
            lazy = lazy.filter(col("reporter_key").eq(lit(economy_key(r))));
        }
        if let Some(p) = &selection.partner {
            lazy = lazy.filter(col("partner_key").eq(lit(economy_key(p))));
        }
        let period_match = selection
            .periods
            .iter()
            .map(|p| {
                col("year")
                    .eq(lit(p.year))
                    .and(col("first_month").eq(lit(i32::from(p.first_month))))
                    .and(col("last_month").eq(lit(i32::from(p.last_month))))
            })
            .reduce(|a, b| a.or(b));
        if let Some(expr) = period_match {
            lazy = lazy.filter(expr);
        }
        lazy
    }

    /// The reporter–partner pairs in the selection, most rows first.
    pub fn pairs(&self, selection: &Selection) -> Result<Vec<Pair>> {
        let df = self
            .selected(selection)
            .group_by([col("reporter_key"), col("partner_key")])
            .agg([
                col("reporter").first(),
                col("partner").first(),
                len().alias("rows"),
            ])
            .sort(["reporter_key", "partner_key"], Default::default())
            .collect()?;
        let reporters = strings(&df, "reporter")?;
        let partners = strings(&df, "partner")?;
        let rows = u32s(&df, "rows")?;
        let mut pairs: Vec<Pair> = reporters
            .into_iter()
            .zip(partners)
            .zip(rows)
            .map(|((reporter, partner), rows)| Pair {
                reporter,
                partner,
                rows,
            })
            .collect();
        pairs.sort_by_key(|p| std::cmp::Reverse(p.rows));
        Ok(pairs)
    }

    /// Exact sums per reporter, partner, period, flow, commodity and currency, sorted.
    pub fn totals(&self, selection: &Selection) -> Result<Vec<Total>> {
        let keys = [
            "reporter_key",
            "partner_key",
            "year",
            "first_month",
            "last_month",
            "flow",
            "commodity",
            "currency",
        ];
        let df = self
            .selected(selection)
            .group_by(keys.map(col))
            .agg([
                col("value").sum(),
                len().alias("rows"),
                col("reporter").first(),
                col("partner").first(),
                col("file").first(),
                col("line").first(),
            ])
            .sort(keys, Default::default())
            .collect()?;
        let reporters = strings(&df, "reporter")?;
        let partners = strings(&df, "partner")?;
        let years = i32s(&df, "year")?;
        let firsts = i32s(&df, "first_month")?;
        let lasts = i32s(&df, "last_month")?;
        let flows = strings(&df, "flow")?;
        let commodities = strings(&df, "commodity")?;
        let currencies = strings(&df, "currency")?;
        let values = decimals(&df, "value")?;
        let rows = u32s(&df, "rows")?;
        let files = i32s(&df, "file")?;
        let lines = i64s(&df, "line")?;
        let mut totals = Vec::with_capacity(df.height());
        for i in 0..df.height() {
            let month = |v: i32| u8::try_from(v).unwrap_or(0);
            let period =
                Period::new(years[i], month(firsts[i]), month(lasts[i])).map_err(Error::Engine)?;
            totals.push(Total {
                reporter: reporters[i].clone(),
                partner: partners[i].clone(),
                period,
                flow: Flow::parse(&flows[i]).map_err(Error::Engine)?,
                commodity: Commodity::from_stored(&commodities[i]),
                currency: currencies[i].clone(),
                value: values[i],
                rows: rows[i],
                months_covered: period.months(),
                origin: Origin {
                    file: u32::try_from(files[i]).unwrap_or(0),
                    line: u64::try_from(lines[i]).unwrap_or(0),
                },
            });
        }
        Ok(totals)
    }
}

impl TradeFrame {
    /// Exact sums per input file, flow and currency, as `Exact` (up to 38 digits, beyond
    /// what rust_decimal holds): what `inspect` and the conformance checks report.
    pub fn totals_by_file(&self) -> Result<Vec<(u32, String, String, Exact)>> {
        let keys = ["file", "flow", "currency"];
        let df = self
            .frame
            .clone()
            .lazy()
            .group_by(keys.map(col))
            .agg([col("value").sum()])
            .sort(keys, Default::default())
            .collect()?;
        let files = i32s(&df, "file")?;
        let flows = strings(&df, "flow")?;
        let currencies = strings(&df, "currency")?;
        let decimal = column(&df, "value")?.decimal()?;
        let scale = u32::try_from(decimal.scale()).unwrap_or(0);
        let mut out = Vec::with_capacity(df.height());
        for (i, v) in decimal.physical().iter().enumerate() {
            let mantissa = v.ok_or_else(|| missing("value"))?;
            out.push((
                u32::try_from(files[i]).unwrap_or(0),
                flows[i].clone(),
                currencies[i].clone(),
                Exact { mantissa, scale }.normalize(),
            ));
        }
        Ok(out)
    }
}

fn column<'a>(df: &'a DataFrame, name: &str) -> Result<&'a Column> {
    Ok(df.column(name)?)
}

fn missing(name: &str) -> Error {
    Error::Engine(format!("unexpected null in column `{name}`"))
}

fn strings(df: &DataFrame, name: &str) -> Result<Vec<String>> {
    column(df, name)?
        .str()?
        .iter()
        .map(|v| v.map(str::to_string).ok_or_else(|| missing(name)))
        .collect()
}

fn i32s(df: &DataFrame, name: &str) -> Result<Vec<i32>> {
    column(df, name)?
        .i32()?
        .iter()
        .map(|v| v.ok_or_else(|| missing(name)))
        .collect()
}

fn i64s(df: &DataFrame, name: &str) -> Result<Vec<i64>> {
    column(df, name)?
        .i64()?
        .iter()
        .map(|v| v.ok_or_else(|| missing(name)))
        .collect()
}

fn u32s(df: &DataFrame, name: &str) -> Result<Vec<u32>> {
    column(df, name)?
        .u32()?
        .iter()
        .map(|v| v.ok_or_else(|| missing(name)))
        .collect()
}

/// Decimal column → `rust_decimal`, refusing (never rounding) values that need more than
/// 28 digits.
fn decimals(df: &DataFrame, name: &str) -> Result<Vec<Decimal>> {
    let decimal = column(df, name)?.decimal()?;
    let scale = u32::try_from(decimal.scale()).unwrap_or(u32::MAX);
    decimal
        .physical()
        .iter()
        .map(|v| {
            let mantissa = v.ok_or_else(|| missing(name))?;
            Exact { mantissa, scale }.to_decimal().ok_or_else(|| {
                Error::Overflow(format!(
                    "the sum {} needs more than the 28 digits metrics are computed with",
                    Exact { mantissa, scale }
                ))
            })
        })
        .collect()
}

/// Exact sums a bilateral profile needs, from a BACI file (values in USD thousand).
#[derive(Clone, Debug, Default)]
pub struct ProfileSums {
    /// (year, A's exports to B)
    pub exports: Vec<(i32, Exact)>,
    /// (year, A's imports from B)
    pub imports: Vec<(i32, Exact)>,
    /// (year, HS2 chapter, A's exports to B)
    pub chapters: Vec<(i32, String, Exact)>,
    /// (partner code, A's exports to it over all years)
    pub partner_exports: Vec<(i32, Exact)>,
    /// (partner code, A's imports from it over all years)
    pub partner_imports: Vec<(i32, Exact)>,
    /// (partner name, exports, imports) over all years, for layouts without numeric codes.
    pub named_partners: Vec<(String, Exact, Exact)>,
    /// Rows of the file that involve A.
    pub rows: usize,
}

/// Additive aggregates of the BACI rows that involve one economy: partial sums of `v`
/// and row counts keyed by year, exporter, importer and HS2 chapter. A key may appear more
/// than once (the local engine keeps each row as its own partial sum, a cluster sends one
/// per key); only their sums mean anything.
///
/// This is the seam between engines (`crate::engine`): the local Polars reader and a
/// Ballista cluster both produce this frame, and everything after it (`profile_sums`, the
/// metrics, the rendering) is shared, so the rest of the program cannot tell which engine
/// ran. Sums of these sums are exact, so nothing is lost by aggregating in two steps.
#[derive(Clone, Debug)]
pub struct InvolvingSums {
    frame: DataFrame,
}

/// The columns of `InvolvingSums`, in order, and the Arrow type each must have.
pub const INVOLVING_COLUMNS: [(&str, &str); 6] = [
    ("t", "Int32"),
    ("i", "Int32"),
    ("j", "Int32"),
    ("hs2", "Utf8"),
    ("v", "Decimal128(38, 9)"),
    ("rows", "Int64"),
];

impl InvolvingSums {
    /// How many rows of the file the sums cover.
    pub fn rows(&self) -> Result<u64> {
        let total: i64 = column(&self.frame, "rows")?
            .i64()?
            .iter()
            .map(|v| v.ok_or_else(|| missing("rows")))
            .sum::<Result<i64>>()?;
        u64::try_from(total).map_err(|_| Error::Engine(format!("negative row count {total}")))
    }

    /// The sums another engine computed, sent as Arrow IPC (file format). Names, order and
    /// types are checked; a decimal of another scale is refused, never rescaled.
    pub fn from_arrow_ipc(bytes: &[u8]) -> Result<InvolvingSums> {
        let frame = IpcReader::new(std::io::Cursor::new(bytes)).finish()?;
        let names: Vec<String> = frame
            .get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        let expected: Vec<&str> = INVOLVING_COLUMNS.iter().map(|c| c.0).collect();
        if names != expected {
            return Err(Error::Engine(format!(
                "the engine returned columns {names:?}, expected {expected:?}"
            )));
        }
        let scale = crate::ingest::baci_scan::SCALE as usize;
        for (name, want) in INVOLVING_COLUMNS {
            let dtype = column(&frame, name)?.dtype().clone();
            let ok = match name {
                "t" | "i" | "j" => dtype == DataType::Int32,
                "hs2" => dtype == DataType::String,
                "v" => matches!(dtype, DataType::Decimal(_, s) if s == scale),
                _ => dtype == DataType::Int64,
            };
            if !ok {
                return Err(Error::Engine(format!(
                    "the engine returned `{name}` as {dtype}, expected {want}"
                )));
            }
        }
        Ok(InvolvingSums { frame })
    }

    /// The frame as Arrow IPC (file format), sorted by key: the form a cluster sends it in
    /// (tests check that it reads back unchanged).
    pub fn to_arrow_ipc(&self) -> Result<Vec<u8>> {
        let mut frame = self
            .frame
            .clone()
            .sort(["t", "i", "j", "hs2"], SortMultipleOptions::default())?;
        let mut bytes = Vec::new();
        IpcWriter::new(&mut bytes).finish(&mut frame)?;
        Ok(bytes)
    }
}

/// The local engine: reads the BACI layout (the exact two-thread pre-filter for a plain
/// file, Polars' streaming CSV reader or the columnar cache otherwise), keeps the rows
/// where A is exporter or importer, and sums them with Polars.
pub fn involving_sums_local(
    path: &std::path::Path,
    header: &crate::ingest::table::Header,
    a: i32,
    use_cache: bool,
    progress: Option<&dyn crate::diag::Progress>,
) -> Result<InvolvingSums> {
    let cached = use_cache.then(|| crate::cache::path_for(path)).flatten();
    let gz = crate::ingest::table::is_gzip(path);
    if gz && use_cache {
        return Err(Error::Usage(format!(
            "{}: --cache keeps a columnar copy of a plain CSV file; this one is gzip: \
             decompress it first (gunzip -k) or leave out --cache",
            path.display()
        )));
    }
    let involving = match cached {
        // No cache wanted (or possible): the fast exact pre-filter, two threads on a plain
        // file, one stream through a gzip file.
        None => {
            let m = if gz {
                crate::ingest::baci_scan::scan_gzip(path, header, a)?
            } else {
                crate::ingest::baci_scan::scan(path, header, a, progress)?
            };
            let n = m.t.len();
            let value = Int128Chunked::from_vec("v".into(), m.v)
                .into_decimal(38, crate::ingest::baci_scan::SCALE as usize)?
                .into_series()
                .into_column();
            DataFrame::new(
                n,
                vec![
                    Column::new("t".into(), m.t),
                    Column::new("i".into(), m.i),
                    Column::new("j".into(), m.j),
                    Column::new("hs2".into(), m.hs2),
                    value,
                ],
            )?
        }
        Some(cached) => {
            let lazy = cached_baci(path, &cached)?;
            // One query, one sink: the result is a single frame by construction.
            lazy.filter(col("i").eq(lit(a)).or(col("j").eq(lit(a))))
                .select([
                    col("t"),
                    col("i"),
                    col("j"),
                    col("k").str().slice(lit(0), lit(2)).alias("hs2"),
                    col("v"),
                ])
                .collect_with_engine(Engine::Streaming)?
                .unwrap_single()
        }
    };
    // Each row is its own partial sum (rows = 1): summing them again in `profile_sums` is
    // exact, and on one machine cheaper than a group-by by all four keys first.
    let frame = involving
        .lazy()
        .with_column(lit(1i64).cast(DataType::Int64).alias("rows"))
        .select([
            col("t"),
            col("i"),
            col("j"),
            col("hs2"),
            col("v"),
            col("rows"),
        ])
        .collect()?;
    Ok(InvolvingSums { frame })
}

/// The sums a bilateral profile of A with B needs, from the involving sums of A.
pub fn profile_sums(sums: &InvolvingSums, a: i32, b: i32) -> Result<ProfileSums> {
    let small = sums.frame.clone().lazy();
    let sum_by = |filter: Expr, keys: Vec<Expr>| -> Result<DataFrame> {
        Ok(small
            .clone()
            .filter(filter)
            .group_by(keys.clone())
            .agg([col("v").sum()])
            .collect()?)
    };
    let pairs = |df: &DataFrame, key: &str| -> Result<Vec<(i32, Exact)>> {
        let keys = i32s(df, key)?;
        let values = exacts(df, "v")?;
        let mut out: Vec<(i32, Exact)> = keys.into_iter().zip(values).collect();
        out.sort_by_key(|p| p.0);
        Ok(out)
    };
    let a_to_b = col("i").eq(lit(a)).and(col("j").eq(lit(b)));
    let exports = pairs(&sum_by(a_to_b.clone(), vec![col("t")])?, "t")?;
    let imports = pairs(
        &sum_by(col("i").eq(lit(b)).and(col("j").eq(lit(a))), vec![col("t")])?,
        "t",
    )?;
    let chapters_df = sum_by(a_to_b, vec![col("t"), col("hs2")])?;
    let years = i32s(&chapters_df, "t")?;
    let hs2 = strings(&chapters_df, "hs2")?;
    let values = exacts(&chapters_df, "v")?;
    let chapters = years
        .into_iter()
        .zip(hs2)
        .zip(values)
        .map(|((y, h), v)| (y, h, v))
        .collect();
    let partner_exports = pairs(&sum_by(col("i").eq(lit(a)), vec![col("j")])?, "j")?;
    let partner_imports = pairs(&sum_by(col("j").eq(lit(a)), vec![col("i")])?, "i")?;
    Ok(ProfileSums {
        exports,
        imports,
        chapters,
        partner_exports,
        partner_imports,
        named_partners: Vec::new(),
        rows: usize::try_from(sums.rows()?).unwrap_or(usize::MAX),
    })
}

/// The file through its columnar cache: an Arrow IPC copy keyed by the file's path, size
/// and modification time, written on first use (from a plain CSV file) and read after.
fn cached_baci(path: &std::path::Path, cached: &std::path::Path) -> Result<LazyFrame> {
    let schema = Schema::from_iter([
        Field::new("t".into(), DataType::Int32),
        Field::new("i".into(), DataType::Int32),
        Field::new("j".into(), DataType::Int32),
        Field::new("k".into(), DataType::String),
        Field::new(
            "v".into(),
            DataType::Decimal(38, crate::ingest::baci_scan::SCALE as usize),
        ),
    ]);
    let csv = || -> Result<LazyFrame> {
        Ok(
            LazyCsvReader::new(PlRefPath::new(path.to_string_lossy().as_ref()))
                .with_has_header(true)
                .with_dtype_overwrite(Some(std::sync::Arc::new(schema.clone())))
                .finish()?,
        )
    };
    if !cached.exists() {
        crate::cache::fill(cached, || {
            Ok(csv()?.select([col("t"), col("i"), col("j"), col("k"), col("v")]))
        })?;
    }
    Ok(LazyFrame::scan_ipc(
        PlRefPath::new(cached.to_string_lossy().as_ref()),
        Default::default(),
        Default::default(),
    )?)
}

/// A Decimal column as exact numbers (no 28-digit limit).
fn exacts(df: &DataFrame, name: &str) -> Result<Vec<Exact>> {
    let decimal = column(df, name)?.decimal()?;
    let scale = u32::try_from(decimal.scale()).unwrap_or(0);
    decimal
        .physical()
        .iter()
        .map(|v| {
            v.map(|mantissa| Exact { mantissa, scale }.normalize())
                .ok_or_else(|| missing(name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Record;
    use crate::model::Unit;

    fn record(period: &str, flow: Flow, value: &str, unit: &str, line: u64) -> Record {
        Record {
            reporter: "RU-FE".into(),
            partner: "PRK".into(),
            period: Period::parse(period).unwrap(),
            flow,
            commodity: Commodity::Total,
            value: Exact::parse(value).unwrap(),
            unit: Unit::parse(unit).unwrap(),
            source: String::new(),
            note: String::new(),
            origin: Origin { file: 0, line },
        }
    }

    #[test]
    fn units_are_converted_exactly_before_summing() {
        let dataset = Dataset {
            records: vec![
                record("2019-01", Flow::Export, "10.67", "USD million", 2),
                record("2019-01", Flow::Import, "20", "USD thousand", 3),
                record("2019-02", Flow::Import, "0.000001", "USD", 4),
            ],
            ..Default::default()
        };
        let frame = TradeFrame::from_dataset(&dataset).unwrap();
        let totals = frame.totals(&Selection::default()).unwrap();
        let values: Vec<String> = totals
            .iter()
            .map(|t| t.value.normalize().to_string())
            .collect();
        assert_eq!(values, ["10670000", "20000", "0.000001"]);
        assert_eq!(totals[2].origin.line, 4);
    }

    #[test]
    fn selection_matches_keys_not_spelling() {
        let dataset = Dataset {
            records: vec![record("2019", Flow::Export, "1", "USD", 2)],
            ..Default::default()
        };
        let frame = TradeFrame::from_dataset(&dataset).unwrap();
        let sel = Selection {
            reporter: Some("ru-fe".into()),
            partner: Some(" prk".into()),
            periods: vec![Period::parse("2019").unwrap()],
        };
        assert_eq!(frame.totals(&sel).unwrap().len(), 1);
        let other_year = Selection {
            periods: vec![Period::parse("2018").unwrap()],
            ..sel
        };
        assert!(frame.totals(&other_year).unwrap().is_empty());
    }

    #[test]
    fn involving_sums_travel_as_arrow_ipc_and_wrong_shapes_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.csv");
        std::fs::write(
            &path,
            "t,i,j,k,v,q\n2019,643,408,271019,9080.125,1\n2019,643,408,271011,0.5,1\n\
             2019,408,643,620520,20.5,\n2019,156,410,100199,7,\n",
        )
        .unwrap();
        let header = crate::ingest::table::open_header(&path).unwrap();
        let sums = involving_sums_local(&path, &header, 643, false, None).unwrap();
        assert_eq!(sums.rows().unwrap(), 3);
        let bytes = sums.to_arrow_ipc().unwrap();
        let back = InvolvingSums::from_arrow_ipc(&bytes).unwrap();
        assert_eq!(back.to_arrow_ipc().unwrap(), bytes);
        let profile = profile_sums(&back, 643, 408).unwrap();
        assert_eq!(profile.exports[0].1.to_string(), "9080.625");
        assert_eq!(profile.chapters.len(), 1, "27 once: 271019 and 271011");

        let ipc = |mut df: DataFrame| {
            let mut bytes = Vec::new();
            IpcWriter::new(&mut bytes).finish(&mut df).unwrap();
            InvolvingSums::from_arrow_ipc(&bytes)
                .unwrap_err()
                .to_string()
        };
        let mut renamed = sums.frame.clone();
        renamed.rename("hs2", "chapter".into()).unwrap();
        assert!(ipc(renamed).contains("expected [\"t\", \"i\""));
        let mut rescaled = sums.frame.clone();
        let v = rescaled
            .column("v")
            .unwrap()
            .cast(&DataType::Decimal(38, 3))
            .unwrap();
        rescaled.with_column(v).unwrap();
        assert!(ipc(rescaled).contains("`v` as decimal[38,3]"));
    }
}
