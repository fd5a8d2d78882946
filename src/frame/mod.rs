//! Every Polars call lives here, so a Polars upgrade touches one folder: the records'
//! frame and its exact group-bys (this file), the BACI sums of the profile (`baci`) and
//! the columnar cache (`cache`).
//!
//! Records become a `DataFrame` whose `value` column is `Decimal(38, s)` in base currency
//! units (USD, not USD million), with one scale `s` wide enough for every row: no value is
//! rounded on the way in. Polars then filters, groups and sums — all exact on decimals.
//! Nothing here divides or multiplies money; ratios belong to `metrics` (rust_decimal).

pub mod baci;
pub mod cache;
pub mod columnar;

pub use baci::{INVOLVING_COLUMNS, InvolvingSums, ProfileSums, involving_sums_local, profile_sums};

use polars::prelude::*;
use rust_decimal::Decimal;

use crate::codes::economy_key;
use crate::error::{Error, Result};
use crate::ingest::{Dataset, Origin};
use crate::model::{Commodity, Flow, Period};
use crate::number::Exact;

/// The records of a dataset as a Polars frame. Texts are numbers in the frame: an
/// economy's spelling is its index in `spellings`; keys, flows, commodities and currencies
/// are ranks in their sorted lists, so sorting by rank sorts by the text.
pub struct TradeFrame {
    frame: DataFrame,
    spellings: Vec<String>,
    keys: Ranked<String>,
    flows: Ranked<&'static str>,
    commodities: Ranked<String>,
    currencies: Ranked<String>,
}

/// The distinct values of a text column, sorted by their text.
struct Ranked<T> {
    values: Vec<T>,
}

impl<T: Clone + Ord> Ranked<T> {
    /// The distinct values of `all`, sorted, and the function that gives a value's rank.
    fn new(all: impl IntoIterator<Item = T>) -> (Ranked<T>, impl Fn(&T) -> u32) {
        let mut values: Vec<T> = all.into_iter().collect();
        values.sort();
        values.dedup();
        let ranks = values.clone();
        // Every value asked for is among `all`; 0 is never reached.
        let rank = move |v: &T| ranks.binary_search(v).map_or(0, |i| i as u32);
        (Ranked { values }, rank)
    }

    fn rank(&self, v: &T) -> Option<u32> {
        self.values.binary_search(v).ok().map(|i| i as u32)
    }

    fn get(&self, rank: u32) -> Result<&T> {
        self.values
            .get(rank as usize)
            .ok_or_else(|| Error::Engine(format!("rank {rank} out of range")))
    }
}

/// What a `Total` sums over, in the order totals are sorted.
const TOTAL_KEYS: [&str; 8] = [
    "reporter_key",
    "partner_key",
    "year",
    "first_month",
    "last_month",
    "flow",
    "commodity",
    "currency",
];

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

    /// The selection to find who trades in it: when periods are rolled up, the periods
    /// asked for name roll-up targets (2019 for monthly rows), so every period is searched.
    pub fn finding_who(&self, rolled_up: bool) -> Selection {
        Selection {
            periods: if rolled_up {
                Vec::new()
            } else {
                self.periods.clone()
            },
            ..self.clone()
        }
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
        let records = &dataset.records;
        let n = records.len();
        let described = |i: usize| {
            format!(
                "{}: {} {}",
                dataset.origin_text(records.origin(i)),
                records.value(i),
                records.unit(i)
            )
        };
        let base = |i: usize| {
            records
                .value(i)
                .shift(records.unit(i).scale)
                .ok_or_else(|| Error::Overflow(described(i)))
        };
        let value = decimal_column("value", n, None, base, described)?;

        // Each dictionary entry ranked once; rows map through small tables.
        let spellings = records.economies.values().to_vec();
        let key_of: Vec<String> = spellings.iter().map(|e| economy_key(e)).collect();
        let (keys, key_rank) = Ranked::new(key_of.iter().cloned());
        let key_ranks: Vec<u32> = key_of.iter().map(&key_rank).collect();
        let (flows, flow_rank) = Ranked::new(records.flow.iter().map(|f| f.as_str()));
        let codes: Vec<String> = records
            .commodities
            .values()
            .iter()
            .map(|c| c.code().to_string())
            .collect();
        let (commodities, commodity_rank) = Ranked::new(codes.iter().cloned());
        let commodity_ranks: Vec<u32> = codes.iter().map(&commodity_rank).collect();
        let currency_of: Vec<String> = records
            .units
            .values()
            .iter()
            .map(|u| u.currency.clone())
            .collect();
        let (currencies, currency_rank) = Ranked::new(currency_of.iter().cloned());
        let currency_ranks: Vec<u32> = currency_of.iter().map(&currency_rank).collect();

        let u32s = |name: &str, codes: &[u32], table: Option<&[u32]>| {
            let values: Vec<u32> = match table {
                Some(t) => codes.iter().map(|c| t[*c as usize]).collect(),
                None => codes.to_vec(),
            };
            Column::new(name.into(), values)
        };
        let ints = |name: &str, f: &dyn Fn(&Period) -> i32| {
            Column::new(
                name.into(),
                records.period.iter().map(f).collect::<Vec<i32>>(),
            )
        };
        let columns = vec![
            u32s("reporter", &records.reporter, None),
            u32s("partner", &records.partner, None),
            u32s("reporter_key", &records.reporter, Some(&key_ranks)),
            u32s("partner_key", &records.partner, Some(&key_ranks)),
            ints("year", &|p| p.year),
            ints("first_month", &|p| i32::from(p.first_month)),
            ints("last_month", &|p| i32::from(p.last_month)),
            Column::new(
                "flow".into(),
                records
                    .flow
                    .iter()
                    .map(|f| flow_rank(&f.as_str()))
                    .collect::<Vec<u32>>(),
            ),
            u32s("commodity", &records.commodity, Some(&commodity_ranks)),
            value,
            u32s("currency", &records.unit, Some(&currency_ranks)),
            Column::new(
                "file".into(),
                records
                    .file
                    .iter()
                    .map(|f| i32::try_from(*f).unwrap_or(i32::MAX))
                    .collect::<Vec<i32>>(),
            ),
            Column::new(
                "line".into(),
                records
                    .line
                    .iter()
                    .map(|l| i64::try_from(*l).unwrap_or(i64::MAX))
                    .collect::<Vec<i64>>(),
            ),
        ];
        Ok(TradeFrame {
            frame: DataFrame::new(n, columns)?,
            spellings,
            keys,
            flows,
            commodities,
            currencies,
        })
    }

    fn selected(&self, selection: &Selection) -> LazyFrame {
        self.select(self.frame.clone(), selection)
    }

    fn select(&self, frame: DataFrame, selection: &Selection) -> LazyFrame {
        let mut lazy = frame.lazy();
        // An economy the data does not hold selects nothing.
        let is = |column: &str, economy: &str| match self.keys.rank(&economy_key(economy)) {
            Some(rank) => col(column).eq(lit(rank)),
            None => lit(false),
        };
        if let Some(r) = &selection.reporter {
            lazy = lazy.filter(is("reporter_key", r));
        }
        if let Some(p) = &selection.partner {
            lazy = lazy.filter(is("partner_key", p));
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

    /// The text of spelling code `code`.
    fn spelling(&self, code: u32) -> Result<String> {
        self.spellings
            .get(code as usize)
            .cloned()
            .ok_or_else(|| Error::Engine(format!("economy {code} out of range")))
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
        let reporters = u32s(&df, "reporter")?;
        let partners = u32s(&df, "partner")?;
        let rows = u32s(&df, "rows")?;
        let mut pairs = Vec::with_capacity(df.height());
        for ((reporter, partner), rows) in reporters.into_iter().zip(partners).zip(rows) {
            pairs.push(Pair {
                reporter: self.spelling(reporter)?,
                partner: self.spelling(partner)?,
                rows,
            });
        }
        pairs.sort_by_key(|p| std::cmp::Reverse(p.rows));
        Ok(pairs)
    }

    /// Exact sums per reporter, partner, period, flow, commodity and currency, sorted.
    pub fn totals(&self, selection: &Selection) -> Result<Vec<Total>> {
        self.totals_of(self.selected(selection), &self.commodities)
    }

    /// `totals` with the HS rows of each length rolled up to `level` digits: a code of
    /// more digits stands for every code of its length under the same `level`-digit
    /// prefix (`270000` for the HS6 codes of chapter 27). What a flow's total and its
    /// products at `level` are computed from is kept — the TOTAL rows, the HS lengths
    /// present, the sum at each length and the sums per prefix — in far fewer rows: what
    /// the world indices need from every pair (`metrics::world`). With `flow`, only that
    /// flow's rows.
    pub fn totals_at_level(
        &self,
        selection: &Selection,
        level: usize,
        flow: Option<Flow>,
    ) -> Result<Vec<Total>> {
        let rolled: Vec<String> = self
            .commodities
            .values
            .iter()
            .map(|code| match Commodity::from_stored(code) {
                Commodity::Hs(c) if c.len() > level => {
                    format!("{}{}", &c[..level], "0".repeat(c.len() - level))
                }
                _ => code.clone(),
            })
            .collect();
        let (commodities, rank) = Ranked::new(rolled.iter().cloned());
        let table: Vec<u32> = rolled.iter().map(&rank).collect();
        let column = self
            .frame
            .column("commodity")?
            .u32()?
            .apply_values(|r| table.get(r as usize).copied().unwrap_or(r));
        let mut frame = self.frame.clone();
        frame.with_column(column.into_series().into_column())?;
        let mut lazy = self.select(frame, selection);
        if let Some(flow) = flow {
            lazy = match self.flows.rank(&flow.as_str()) {
                Some(rank) => lazy.filter(col("flow").eq(lit(rank))),
                None => lazy.filter(lit(false)),
            };
        }
        self.totals_of(lazy, &commodities)
    }

    /// How many currencies the records are in.
    pub fn currencies(&self) -> Result<usize> {
        let df = self
            .frame
            .clone()
            .lazy()
            .select([col("currency").n_unique()])
            .collect()?;
        Ok(column(&df, "currency")?
            .cast(&DataType::UInt64)?
            .u64()?
            .get(0)
            .unwrap_or(0) as usize)
    }

    /// The fewest digits of any HS code in the data, if it has HS codes.
    pub fn coarsest_hs_level(&self) -> Result<Option<usize>> {
        let present = self
            .frame
            .column("commodity")?
            .as_materialized_series()
            .unique()?;
        let mut coarsest = None;
        for rank in present.u32()?.iter().flatten() {
            if let Some(level) = Commodity::from_stored(self.commodities.get(rank)?).hs_level() {
                coarsest = Some(coarsest.map_or(level, |c: usize| c.min(level)));
            }
        }
        Ok(coarsest)
    }

    /// The currency of the first of `totals(selection)`, without summing anything.
    pub fn first_currency(&self, selection: &Selection) -> Result<Option<String>> {
        let df = self
            .selected(selection)
            .select(TOTAL_KEYS.map(col))
            .sort(TOTAL_KEYS, Default::default())
            .limit(1)
            .collect()?;
        let first = column(&df, "currency")?.u32()?.get(0);
        first
            .map(|rank| Ok(self.currencies.get(rank)?.clone()))
            .transpose()
    }

    fn totals_of(&self, lazy: LazyFrame, commodities: &Ranked<String>) -> Result<Vec<Total>> {
        let df = lazy
            .group_by(TOTAL_KEYS.map(col))
            .agg([
                col("value").sum(),
                len().alias("rows"),
                col("reporter").first(),
                col("partner").first(),
                col("file").first(),
                col("line").first(),
            ])
            .sort(TOTAL_KEYS, Default::default())
            .collect()?;
        let reporters = u32s(&df, "reporter")?;
        let partners = u32s(&df, "partner")?;
        let years = i32s(&df, "year")?;
        let firsts = i32s(&df, "first_month")?;
        let lasts = i32s(&df, "last_month")?;
        let flows = u32s(&df, "flow")?;
        let codes = u32s(&df, "commodity")?;
        let currencies = u32s(&df, "currency")?;
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
                reporter: self.spelling(reporters[i])?,
                partner: self.spelling(partners[i])?,
                period,
                flow: Flow::parse(self.flows.get(flows[i])?).map_err(Error::Engine)?,
                commodity: Commodity::from_stored(commodities.get(codes[i])?),
                currency: self.currencies.get(currencies[i])?.clone(),
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

/// A `Decimal(38, s)` column of `n` exact values, `s` the most decimals any of them has:
/// no value is rounded. `described(i)` says which value it is when one needs more than 38
/// digits at that scale.
fn decimal_column(
    name: &str,
    n: usize,
    fixed_scale: Option<u32>,
    value: impl Fn(usize) -> Result<Exact>,
    described: impl Fn(usize) -> String,
) -> Result<Column> {
    let mut scale = 0;
    for i in 0..n {
        scale = scale.max(value(i)?.scale);
    }
    if let Some(fixed) = fixed_scale {
        if scale > fixed {
            return Err(Error::Engine(format!(
                "a value has {scale} decimals; the column was given {fixed}"
            )));
        }
        scale = fixed;
    }
    if scale > 38 {
        return Err(Error::Overflow(format!(
            "values need {scale} decimals; at most 38 fit"
        )));
    }
    let mut mantissas = Vec::with_capacity(n);
    for i in 0..n {
        let wide = value(i)?.rescale(scale).ok_or_else(|| {
            Error::Overflow(format!(
                "{} needs more than 38 digits next to the other values' {scale} decimals",
                described(i)
            ))
        })?;
        mantissas.push(wide.mantissa);
    }
    Ok(Int128Chunked::from_vec(name.into(), mantissas)
        .into_decimal(38, scale as usize)?
        .into_series()
        .into_column())
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

#[cfg(test)]
mod tests;
