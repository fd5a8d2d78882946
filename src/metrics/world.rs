//! Every pair in the data, for the indices that compare a reporter with the world:
//! revealed comparative advantage and trade intensity. World exports are the World
//! reporter's rows when present, else the sum over reporters.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::indices::{rca, trade_intensity};
use super::request::Request;
use super::section::{Quantity, Section};
use super::{Value, share};
use crate::codes::{economy_key, is_aggregate, is_world};
use crate::error::{Error, Result};
use crate::flows::{PairFlows, default_level};
use crate::model::{Flow, Period};

/// Every pair in the data, for indices that compare a reporter with the world.
pub(super) struct World {
    pairs: Vec<PairFlows>,
}

impl World {
    pub(super) fn new(pairs: Vec<PairFlows>) -> Result<World> {
        Ok(World { pairs })
    }

    fn reporters(&self) -> BTreeSet<String> {
        self.pairs
            .iter()
            .map(|p| economy_key(&p.reporter))
            .filter(|r| !is_aggregate(r))
            .collect()
    }

    fn world_reporter(&self) -> Option<String> {
        self.pairs
            .iter()
            .find(|p| is_world(&p.reporter))
            .map(|p| economy_key(&p.reporter))
    }

    /// A reporter's exports to the world in `period`: of `product` at `level`, or in total.
    /// Its World-partner row when present; otherwise the sum over country partners.
    fn exports(
        &self,
        reporter: &str,
        period: Period,
        product: Option<(&str, usize)>,
    ) -> Option<Decimal> {
        let of = |pair: &PairFlows| -> Option<Decimal> {
            let p = pair.period(period)?;
            match product {
                Some((code, level)) => p.products(Flow::Export, level).get(code).copied(),
                None => p.exports.known(),
            }
        };
        let rows: Vec<&PairFlows> = self
            .pairs
            .iter()
            .filter(|p| economy_key(&p.reporter) == reporter)
            .collect();
        if let Some(world) = rows.iter().find(|p| is_world(&p.partner)) {
            return of(world);
        }
        let values: Vec<Decimal> = rows
            .iter()
            .filter(|p| !is_aggregate(&p.partner))
            .filter_map(|p| of(p))
            .collect();
        (!values.is_empty()).then(|| values.iter().sum())
    }

    /// World exports: the World reporter's rows when present, else the sum over reporters.
    fn world_exports(&self, period: Period, product: Option<(&str, usize)>) -> Option<Decimal> {
        if let Some(w) = self.world_reporter() {
            return self.exports(&w, period, product);
        }
        let values: Vec<Decimal> = self
            .reporters()
            .iter()
            .filter_map(|r| self.exports(r, period, product))
            .collect();
        (!values.is_empty()).then(|| values.iter().sum())
    }

    fn require_world(&self, what: &str) -> Result<()> {
        if self.world_reporter().is_none() && self.reporters().len() < 2 {
            return Err(Error::NeedsWorldTotals {
                what: what.to_string(),
                reporters: self.reporters().len(),
            });
        }
        Ok(())
    }

    fn periods(&self) -> BTreeSet<Period> {
        self.pairs
            .iter()
            .flat_map(|p| p.periods.iter().map(|q| q.period))
            .collect()
    }

    pub(super) fn rca_section(&self, reporter: &str, request: &Request) -> Result<Section> {
        self.require_world("RCA")?;
        let level = request.level.unwrap_or_else(|| default_level(&self.pairs));
        let mut s = Section::new(
            "rca",
            &format!("Revealed comparative advantage (Balassa), HS{level}"),
            "RCA_k = (x_k / X) / (x_wk / X_w); > 1 means a revealed advantage",
            &["period", "product"],
            &[
                ("exports", Quantity::Money),
                ("share of exports", Quantity::Percent),
                ("world share", Quantity::Percent),
                ("RCA", Quantity::Ratio),
            ],
        );
        if self.world_reporter().is_none() {
            s.notes.push(format!(
                "world = the sum of the {} reporters in the data",
                self.reporters().len()
            ));
        }
        for period in self.periods() {
            let Some(total) = self.exports(reporter, period, None) else {
                continue;
            };
            let Some(world_total) = self.world_exports(period, None) else {
                continue;
            };
            let own: BTreeMap<String, Decimal> = self
                .pairs
                .iter()
                .filter(|p| economy_key(&p.reporter) == reporter)
                .filter_map(|p| p.period(period))
                .flat_map(|p| p.products(Flow::Export, level).into_keys())
                .map(|code| (code, Decimal::ZERO))
                .collect();
            for code in own.keys() {
                let Some(x) = self.exports(reporter, period, Some((code, level))) else {
                    continue;
                };
                let wx = self
                    .world_exports(period, Some((code, level)))
                    .unwrap_or(Decimal::ZERO);
                s.push_period(
                    period,
                    period.label(),
                    vec![code.clone()],
                    vec![
                        Value::Known(x),
                        share(x, total),
                        share(wx, world_total),
                        rca(x, total, wx, world_total),
                    ],
                );
            }
        }
        Ok(s)
    }

    pub(super) fn intensity_section(&self, reporter: &str, partner: &str) -> Result<Section> {
        self.require_world("The trade intensity index")?;
        let mut s = Section::new(
            "intensity",
            "Trade intensity",
            "TII = (x_ij / X_i) / (x_wj / X_w); > 1 means more trade with the partner than its \
             weight in world trade",
            &["period"],
            &[
                ("exports to partner", Quantity::Money),
                ("share of exports", Quantity::Percent),
                ("partner's share of world imports", Quantity::Percent),
                ("TII", Quantity::Ratio),
            ],
        );
        for period in self.periods() {
            let to_partner = self
                .pairs
                .iter()
                .find(|p| {
                    economy_key(&p.reporter) == reporter && economy_key(&p.partner) == partner
                })
                .and_then(|p| p.period(period))
                .and_then(|p| p.exports.known());
            let (Some(x_ij), Some(x_i), Some(x_w)) = (
                to_partner,
                self.exports(reporter, period, None),
                self.world_exports(period, None),
            ) else {
                continue;
            };
            let x_wj: Decimal = match self.world_reporter() {
                Some(w) => self
                    .pairs
                    .iter()
                    .find(|p| economy_key(&p.reporter) == w && economy_key(&p.partner) == partner)
                    .and_then(|p| p.period(period))
                    .and_then(|p| p.exports.known())
                    .unwrap_or(Decimal::ZERO),
                None => self
                    .pairs
                    .iter()
                    .filter(|p| economy_key(&p.partner) == partner && !is_aggregate(&p.reporter))
                    .filter_map(|p| p.period(period).and_then(|q| q.exports.known()))
                    .sum(),
            };
            s.push_period(
                period,
                period.label(),
                vec![],
                vec![
                    Value::Known(x_ij),
                    share(x_ij, x_i),
                    share(x_wj, x_w),
                    trade_intensity(x_ij, x_i, x_wj, x_w),
                ],
            );
        }
        Ok(s)
    }
}
