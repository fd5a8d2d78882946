//! A reporter's partners: each partner's value of a flow and share of the reporter's total
//! (its World row when present, else the sum over country partners), and the HHI over them.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::pair_tables::{hhi_columns, hhi_row};
use super::request::Request;
use super::section::{Quantity, Section};
use super::shares::{Slice, slices, top_n};
use super::{Value, flow_value, share};
use crate::codes::{is_aggregate, is_world};
use crate::flows::PairFlows;
use crate::model::Period;

/// Per period: each partner's value of the chosen flow (countries only unless asked), and
/// the reporter's total (its World row when present, else the sum over partners).
struct PartnerValues {
    period: Period,
    partners: Vec<(String, Decimal)>,
    world_row: Option<Decimal>,
    excluded: Vec<String>,
}

fn partner_values(pairs: &[PairFlows], request: &Request) -> Vec<PartnerValues> {
    let mut periods: BTreeSet<Period> = BTreeSet::new();
    for pair in pairs {
        periods.extend(pair.periods.iter().map(|p| p.period));
    }
    periods
        .into_iter()
        .map(|period| {
            let mut partners = Vec::new();
            let mut world_row = None;
            let mut excluded = Vec::new();
            for pair in pairs {
                let Some(v) = pair
                    .period(period)
                    .and_then(|p| flow_value(p, request.flow).known())
                else {
                    continue;
                };
                if is_world(&pair.partner) {
                    world_row = Some(v);
                } else if is_aggregate(&pair.partner) && !request.include_aggregates {
                    excluded.push(pair.partner.clone());
                } else {
                    partners.push((pair.partner.clone(), v));
                }
            }
            PartnerValues {
                period,
                partners,
                world_row,
                excluded,
            }
        })
        .collect()
}

/// One period of a reporter's partners: those listed (the top N then the rest as one
/// slice when asked, else all, largest first) with their shares of `whole`.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodPartners {
    pub period: Period,
    pub listed: Vec<Slice>,
    /// The reporter's World row, when the data has one: shares are of it.
    pub world_row: Option<Decimal>,
    /// The sum over the country partners.
    pub sum: Decimal,
    /// Aggregates left out (regions, "areas nes").
    pub excluded: Vec<String>,
}

/// Each period's partners of the reporter whose pairs are `pairs`.
pub fn partner_shares(pairs: &[PairFlows], request: &Request) -> Vec<PeriodPartners> {
    partner_values(pairs, request)
        .into_iter()
        .map(|pv| {
            let sum: Decimal = pv.partners.iter().map(|p| p.1).sum();
            let whole = pv.world_row.unwrap_or(sum);
            let listed = match (request.top, pv.world_row) {
                (Some(n), _) => top_n(&pv.partners, whole, n),
                // Shares of the sum over partners are a partition: they add up to exactly 1.
                (None, None) => top_n(&pv.partners, whole, pv.partners.len()),
                (None, Some(_)) => {
                    let mut all = slices(&pv.partners, whole);
                    all.sort_by(|a, b| b.value.cmp(&a.value).then_with(|| a.name.cmp(&b.name)));
                    all
                }
            };
            PeriodPartners {
                period: pv.period,
                listed,
                world_row: pv.world_row,
                sum,
                excluded: pv.excluded,
            }
        })
        .collect()
}

pub(super) fn partner_shares_section(pairs: &[PairFlows], request: &Request) -> Section {
    let mut s = Section::new(
        "partners",
        &format!("Partners' shares of the reporter's {}", request.flow.name()),
        "x_j / X, X = the reporter's World row when present, else the sum over country partners",
        &["period", "partner"],
        &[("value", Quantity::Money), ("share", Quantity::Percent)],
    );
    for pp in partner_shares(pairs, request) {
        if let Some(world) = pp.world_row {
            s.notes.push(format!(
                "{}: shares are of the World row; the listed partners add up to {} of it",
                pp.period,
                share(pp.sum, world)
                    .known()
                    .map_or("?".to_string(), |r| crate::number::percent(r, 1, false))
            ));
        }
        if !pp.excluded.is_empty() {
            s.notes.push(format!(
                "{}: aggregates left out: {} (--include-aggregates to keep them)",
                pp.period,
                pp.excluded.join(", ")
            ));
        }
        for slice in pp.listed {
            s.push_period(
                pp.period,
                pp.period.label(),
                vec![slice.name],
                vec![Value::Known(slice.value), slice.share],
            );
        }
    }
    s
}

pub(super) fn hhi_partners_section(pairs: &[PairFlows], request: &Request) -> Section {
    let mut s = Section::new(
        "hhi",
        &format!("Concentration of {} over partners", request.flow.name()),
        "HHI = Σ s_j², s_j = x_j / Σx over country partners; normalised = (HHI − 1/N) / (1 − 1/N)",
        &["period"],
        &hhi_columns(),
    );
    for pv in partner_values(pairs, request) {
        let values: Vec<Decimal> = pv.partners.iter().map(|p| p.1).collect();
        s.push_period(pv.period, pv.period.label(), vec![], hhi_row(&values));
    }
    s
}
