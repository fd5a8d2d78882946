//! What a flow is made of, period by period: each of the top commodities' share of the
//! flow's total and the rest as "other" — the numbers of a 100% stacked chart. Shares are
//! exact quotients (rust_decimal); the parts shown plus "other" make the whole.

use rust_decimal::Decimal;

use crate::flows::PairFlows;
use crate::model::{Commodity, Flow};

/// Why a period has no shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// The flow's total is missing or zero.
    NoTotal,
    /// The total is known but no commodity rows break it down.
    NoBreakdown,
}

/// The shares of `flow` in each period of a pair, for the commodities shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Composition {
    pub flow: Flow,
    /// The commodities shown, largest total over all periods first.
    pub shown: Vec<Commodity>,
    /// Per period (in `PairFlows::periods` order): each shown commodity's share of the
    /// flow, in `shown` order; zero where there is a gap.
    pub shares: Vec<Vec<Decimal>>,
    /// Per period: the share of everything else (never below zero).
    pub other: Vec<Decimal>,
    pub gaps: Vec<Option<Gap>>,
}

impl Composition {
    /// The `top` commodities of `flow` by their total over all periods (ties by code),
    /// or `None` when the flow has no commodity rows at all.
    pub fn of(flows: &PairFlows, flow: Flow, top: usize) -> Option<Composition> {
        let mut totals: Vec<(Commodity, Decimal)> = Vec::new();
        for p in &flows.periods {
            for part in p.parts.iter().filter(|x| x.flow == flow) {
                match totals.iter_mut().find(|(c, _)| *c == part.commodity) {
                    Some(entry) => entry.1 += part.value,
                    None => totals.push((part.commodity.clone(), part.value)),
                }
            }
        }
        if totals.is_empty() {
            return None;
        }
        totals.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let shown: Vec<Commodity> = totals.into_iter().take(top).map(|(c, _)| c).collect();
        let mut composition = Composition {
            flow,
            shares: Vec::new(),
            other: Vec::new(),
            gaps: Vec::new(),
            shown,
        };
        for p in &flows.periods {
            let whole = match flow {
                Flow::Import => p.imports.known(),
                _ => p.exports.known(),
            };
            let of_flow: Vec<_> = p.parts.iter().filter(|x| x.flow == flow).collect();
            let gap = match whole.filter(|w| !w.is_zero()) {
                None => Some(Gap::NoTotal),
                Some(_) if of_flow.is_empty() => Some(Gap::NoBreakdown),
                Some(_) => None,
            };
            let (Some(whole), None) = (whole, gap) else {
                composition
                    .shares
                    .push(vec![Decimal::ZERO; composition.shown.len()]);
                composition.other.push(Decimal::ZERO);
                composition.gaps.push(gap);
                continue;
            };
            let values: Vec<Decimal> = (composition.shown.iter())
                .map(|c| {
                    of_flow
                        .iter()
                        .find(|x| x.commodity == *c)
                        .map_or(Decimal::ZERO, |x| x.value)
                })
                .collect();
            let rest = whole - values.iter().copied().sum::<Decimal>();
            composition
                .shares
                .push(values.iter().map(|v| v / whole).collect());
            composition.other.push(rest.max(Decimal::ZERO) / whole);
            composition.gaps.push(None);
        }
        Some(composition)
    }
}
