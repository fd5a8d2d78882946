//! Mirror statistics: what A reports exporting to B against what B reports importing from
//! A (and the reverse), per period. Imports are valued CIF and exports FOB, so B's imports
//! are divided by a CIF/FOB factor (1.06 by default, as the IMF uses) before the gap is
//! taken. All in rust_decimal from exact sums.

use rust_decimal::Decimal;

use super::{Value, ratio};
use crate::error::Result;
use crate::flows::PairFlows;
use crate::frame::{Selection, TradeFrame};
use crate::model::Period;

pub const DEFAULT_CIF_FOB: &str = "1.06";

/// One direction of trade in one period, seen from both sides.
#[derive(Clone, Debug, PartialEq)]
pub struct MirrorRow {
    pub period: Period,
    /// The exporter's reported exports (FOB).
    pub exports_reported: Value,
    /// The importer's reported imports (CIF).
    pub imports_mirror: Value,
    /// Imports ÷ CIF/FOB factor.
    pub imports_fob: Value,
    /// imports_fob − exports_reported.
    pub gap: Value,
    /// imports_mirror ÷ exports_reported.
    pub ratio: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mirror {
    pub a: String,
    pub b: String,
    pub currency: String,
    pub factor: Decimal,
    /// A's exports to B against B's imports from A.
    pub a_to_b: Vec<MirrorRow>,
    /// B's exports to A against A's imports from B.
    pub b_to_a: Vec<MirrorRow>,
}

fn flows(
    frame: &TradeFrame,
    reporter: &str,
    partner: &str,
    periods: &[Period],
) -> Result<Option<PairFlows>> {
    let totals = frame.totals(&Selection {
        reporter: Some(reporter.to_string()),
        partner: Some(partner.to_string()),
        periods: periods.to_vec(),
    })?;
    if totals.is_empty() {
        return Ok(None);
    }
    PairFlows::from_totals(&totals, |t| format!("line {}", t.origin.line)).map(Some)
}

fn rows(
    exporter: Option<&PairFlows>,
    importer: Option<&PairFlows>,
    who_exports: &str,
    who_imports: &str,
    factor: Decimal,
) -> Vec<MirrorRow> {
    let mut periods: Vec<Period> = exporter
        .iter()
        .chain(importer.iter())
        .flat_map(|f| f.periods.iter().map(|p| p.period))
        .collect();
    periods.sort();
    periods.dedup();
    periods
        .into_iter()
        .map(|period| {
            let exports = exporter
                .and_then(|f| f.period(period))
                .map(|p| p.exports.clone())
                .unwrap_or_else(|| {
                    Value::Missing(format!("{who_exports} reports no exports for {period}"))
                });
            let imports = importer
                .and_then(|f| f.period(period))
                .map(|p| p.imports.clone())
                .unwrap_or_else(|| {
                    Value::Missing(format!("{who_imports} reports no imports for {period}"))
                });
            let imports_fob = match &imports {
                Value::Known(m) => ratio(*m, factor),
                missing => missing.clone(),
            };
            MirrorRow {
                period,
                gap: imports_fob.zip(&exports, |m, x| Value::Known(m - x)),
                ratio: imports.zip(&exports, ratio),
                exports_reported: exports,
                imports_mirror: imports,
                imports_fob,
            }
        })
        // A period where neither side reports this direction says nothing.
        .filter(|r| r.exports_reported.known().is_some() || r.imports_mirror.known().is_some())
        .collect()
}

pub fn mirror(
    frame: &TradeFrame,
    a: &str,
    b: &str,
    periods: &[Period],
    factor: Decimal,
) -> Result<Mirror> {
    let ab = flows(frame, a, b, periods)?;
    let ba = flows(frame, b, a, periods)?;
    let currency = ab
        .as_ref()
        .or(ba.as_ref())
        .map_or_else(|| "USD".to_string(), |f| f.currency.clone());
    let name = |fallback: &str, side: Option<&PairFlows>, reporter: bool| {
        side.map_or_else(
            || fallback.to_string(),
            |f| {
                if reporter {
                    f.reporter.clone()
                } else {
                    f.partner.clone()
                }
            },
        )
    };
    let a_name = name(a, ab.as_ref(), true);
    let b_name = name(b, ba.as_ref(), true);
    Ok(Mirror {
        a_to_b: rows(ab.as_ref(), ba.as_ref(), &a_name, &b_name, factor),
        b_to_a: rows(ba.as_ref(), ab.as_ref(), &b_name, &a_name, factor),
        a: a_name,
        b: b_name,
        currency,
        factor,
    })
}
