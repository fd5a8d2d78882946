//! CEPII BACI: `t,i,j,k,v,q` — year, exporter and importer (numeric codes), HS6 product,
//! value in thousands of US dollars, quantity in tons.
//!
//! BACI is reconciled: each row is both the exporter's export and the importer's import.
//! Each row therefore becomes two records — i's export to j and j's import from i — so a
//! pair's summary has both directions.

use std::borrow::Cow;
use std::path::Path;

use super::table::{FieldError, Header, Importer, missing_value, raw, source_of, trade_value};
use super::{Origin, Record};
use crate::error::Result;
use crate::model::{Commodity, Flow, Period, Unit};
use crate::number::Exact;

pub const LAYOUT: &str = "CEPII BACI";

/// The unit of BACI values.
pub const UNIT: &str = "USD thousand";

pub fn matches(header: &Header) -> bool {
    ["t", "i", "j", "k", "v"].iter().all(|c| header.has(c))
}

/// Where a BACI file keeps the columns tradestat reads, found by header name (the one
/// finder every BACI reader uses: the general importer, the fast scanner, the cluster).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    pub t: usize,
    pub i: usize,
    pub j: usize,
    pub k: usize,
    pub v: usize,
}

impl Columns {
    pub fn find(path: &Path, h: &Header) -> Result<Columns> {
        let col = |name: &str| h.require(path, LAYOUT, name, &[name]);
        Ok(Columns {
            t: col("t")?,
            i: col("i")?,
            j: col("j")?,
            k: col("k")?,
            v: col("v")?,
        })
    }

    /// (name, position) of each column, in the order t, i, j, k, v.
    pub fn named(&self) -> [(&'static str, usize); 5] {
        [
            ("t", self.t),
            ("i", self.i),
            ("j", self.j),
            ("k", self.k),
            ("v", self.v),
        ]
    }
}

pub struct Baci {
    t: usize,
    i: usize,
    j: usize,
    k: usize,
    v: usize,
    source: String,
}

impl Baci {
    pub fn new(path: &Path, h: &Header) -> Result<Baci> {
        let Columns { t, i, j, k, v } = Columns::find(path, h)?;
        Ok(Baci {
            t,
            i,
            j,
            k,
            v,
            source: source_of(LAYOUT, path),
        })
    }
}

impl Importer for Baci {
    fn layout(&self) -> &'static str {
        LAYOUT
    }

    fn economies<'a>(&'a self, row: &'a csv::ByteRecord) -> Option<[&'a [u8]; 2]> {
        Some([raw(row, self.i)?, raw(row, self.j)?])
    }

    fn row(
        &self,
        f: &[Cow<'_, str>],
        origin: Origin,
    ) -> std::result::Result<Vec<Record>, FieldError> {
        let get = |i: usize| f.get(i).map(|x| x.trim()).unwrap_or_default();
        let year: i32 = get(self.t)
            .parse()
            .map_err(|_| (Some(self.t), format!("`{}` is not a year", get(self.t))))?;
        let period = Period::year(year).map_err(|e| (Some(self.t), e))?;
        let exporter = get(self.i);
        let importer = get(self.j);
        for (c, v) in [(self.i, exporter), (self.j, importer)] {
            if v.is_empty() {
                return Err((Some(c), "no country code".to_string()));
            }
        }
        // HS6 codes lose their leading zero in some exports of the file: restore it.
        let mut code = get(self.k).to_string();
        if code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()) {
            code.insert(0, '0');
        }
        let commodity = Commodity::parse(&code).map_err(|e| (Some(self.k), e))?;
        let (value, _) =
            trade_value(get(self.v), false, self.v)?.ok_or_else(|| missing_value(self.v))?;
        let record = |reporter: &str, partner: &str, flow: Flow| {
            self.record(
                reporter,
                partner,
                period,
                flow,
                commodity.clone(),
                value,
                origin,
            )
        };
        Ok(vec![
            record(exporter, importer, Flow::Export),
            record(importer, exporter, Flow::Import),
        ])
    }
}

impl Baci {
    /// Where t, i, j, k and v are in a row, in that order.
    pub(crate) fn places(&self) -> [usize; 5] {
        [self.t, self.i, self.j, self.k, self.v]
    }

    /// Fields a row needs to have every column read.
    pub(crate) fn width(&self) -> usize {
        self.places().into_iter().max().unwrap_or(0) + 1
    }

    /// One record of this file: `value` in thousands of US dollars, as BACI writes it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn record(
        &self,
        reporter: &str,
        partner: &str,
        period: Period,
        flow: Flow,
        commodity: Commodity,
        value: Exact,
        origin: Origin,
    ) -> Record {
        Record {
            reporter: reporter.to_string(),
            partner: partner.to_string(),
            period,
            flow,
            commodity,
            value,
            unit: Unit {
                currency: "USD".to_string(),
                scale: 3,
            },
            source: self.source.clone(),
            note: String::new(),
            origin,
        }
    }
}
