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

pub use baci::{INVOLVING_COLUMNS, InvolvingSums, ProfileSums, involving_sums_local, profile_sums};

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

#[cfg(test)]
mod tests;
