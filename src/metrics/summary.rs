//! The summary of one reporter–partner pair: per period exports, imports, turnover, balance,
//! year-over-year growth of turnover, exports' share of turnover, and each commodity part's
//! share of its flow. Used by `tradestat summary` and every later view of a pair.

use rust_decimal::Decimal;

use super::{Value, balance, growth_rate, share, turnover};
use crate::flows::{PairFlows, PeriodFlows};
use crate::model::{Commodity, Flow, Period};

#[derive(Clone, Debug, PartialEq)]
pub struct PeriodSummary {
    pub period: Period,
    pub exports: Value,
    pub imports: Value,
    pub turnover: Value,
    pub balance: Value,
    /// Turnover growth against the same months a year earlier.
    pub turnover_yoy: Value,
    pub exports_share_of_turnover: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PartSummary {
    pub period: Period,
    pub flow: Flow,
    pub commodity: Commodity,
    pub value: Decimal,
    pub share_of_flow: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PairSummary {
    pub reporter: String,
    pub partner: String,
    pub currency: String,
    pub periods: Vec<PeriodSummary>,
    pub parts: Vec<PartSummary>,
    /// How totals were derived, and disagreements worth a reader's attention.
    pub notes: Vec<String>,
}

impl PairSummary {
    pub fn from_flows(flows: &PairFlows) -> PairSummary {
        let mut notes = Vec::new();
        let turnover_of = |p: &PeriodFlows| -> Value { turnover_value(p) };
        let mut periods = Vec::new();
        let mut parts = Vec::new();
        for p in &flows.periods {
            notes.extend(p.notes.iter().cloned());
            let computed = p
                .exports
                .zip(&p.imports, |x, m| Value::Known(turnover(x, m)));
            if let (Value::Known(sum), Some(published)) = (&computed, p.published_turnover)
                && *sum != published
            {
                notes.push(format!(
                    "{}: the published turnover {} differs from exports + imports {}; \
                         exports + imports is used",
                    p.period,
                    published.normalize(),
                    sum.normalize()
                ));
            }
            let turnover = turnover_of(p);
            let turnover_yoy = yoy(flows, p.period, &turnover);
            let exports_share_of_turnover = p.exports.zip(&turnover, share);
            periods.push(PeriodSummary {
                period: p.period,
                exports: p.exports.clone(),
                imports: p.imports.clone(),
                turnover,
                balance: p
                    .exports
                    .zip(&p.imports, |x, m| Value::Known(balance(x, m))),
                turnover_yoy,
                exports_share_of_turnover,
            });
            let mut period_parts: Vec<PartSummary> = Vec::new();
            for (flow, value) in [
                (Flow::ReExport, p.re_exports),
                (Flow::ReImport, p.re_imports),
            ] {
                if let Some(v) = value {
                    let whole = if flow == Flow::ReExport {
                        &p.exports
                    } else {
                        &p.imports
                    };
                    period_parts.push(PartSummary {
                        period: p.period,
                        flow,
                        commodity: Commodity::Total,
                        value: v,
                        share_of_flow: whole.known().map_or_else(
                            || Value::Missing(whole.reason().unwrap_or_default().to_string()),
                            |w| share(v, w),
                        ),
                    });
                }
            }
            for part in &p.parts {
                let whole = match part.flow {
                    Flow::Export | Flow::ReExport => p.exports.clone(),
                    Flow::Import | Flow::ReImport => p.imports.clone(),
                    Flow::Turnover | Flow::Other => turnover_of(p),
                };
                period_parts.push(PartSummary {
                    period: p.period,
                    flow: part.flow,
                    commodity: part.commodity.clone(),
                    value: part.value,
                    share_of_flow: match whole {
                        _ if !part.within_total => {
                            Value::Missing("not within the rows that make the total".to_string())
                        }
                        Value::Known(w) => share(part.value, w),
                        Value::Missing(r) => Value::Missing(r),
                    },
                });
            }
            // Largest parts first within a period and flow, so the table reads top-down.
            period_parts.sort_by(|a, b| a.flow.cmp(&b.flow).then(b.value.cmp(&a.value)));
            parts.extend(period_parts);
        }
        PairSummary {
            reporter: flows.reporter.clone(),
            partner: flows.partner.clone(),
            currency: flows.currency.clone(),
            periods,
            parts,
            notes,
        }
    }

    /// Keeps only `periods` (all when empty): the one rule for "compute on every period,
    /// show the periods asked for".
    pub fn show_only(&mut self, periods: &[Period]) {
        if !periods.is_empty() {
            self.periods.retain(|p| periods.contains(&p.period));
            self.parts.retain(|p| periods.contains(&p.period));
        }
    }

    pub fn period(&self, period: Period) -> Option<&PeriodSummary> {
        self.periods.iter().find(|p| p.period == period)
    }
}

/// Exports + imports when both are known, else the published turnover.
pub fn turnover_value(p: &PeriodFlows) -> Value {
    match p
        .exports
        .zip(&p.imports, |x, m| Value::Known(turnover(x, m)))
    {
        Value::Known(t) => Value::Known(t),
        Value::Missing(reason) => match p.published_turnover {
            Some(t) => Value::Known(t),
            None => Value::Missing(reason),
        },
    }
}

/// Growth against the same months one year earlier; only equal-length periods compare.
fn yoy(flows: &PairFlows, period: Period, current: &Value) -> Value {
    let Some(base_period) = period.year_before() else {
        return Value::Missing("no earlier year".to_string());
    };
    let Some(base) = flows.period(base_period) else {
        return Value::Missing(format!("no {base_period} in the data to compare with"));
    };
    match (turnover_value(base), current) {
        (Value::Known(b), Value::Known(c)) => growth_rate(b, *c),
        (Value::Missing(r), _) => Value::Missing(format!("{base_period}: {r}")),
        (_, Value::Missing(r)) => Value::Missing(r.clone()),
    }
}
