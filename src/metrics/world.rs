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
    /// Indices into `pairs` by reporter key, in `pairs` order: each reporter's rows are
    /// found once, not by a scan of every pair per question.
    by_reporter: BTreeMap<String, Vec<usize>>,
    /// The World reporter's key, when the data has one.
    world_reporter: Option<String>,
}

/// A reporter's exports to the world in one period: in total and per product code at one
/// HS level. Its World-partner row when present; otherwise the sum over country partners
/// (a product is present when any partner has it).
#[derive(Default)]
struct Exports {
    total: Option<Decimal>,
    products: BTreeMap<String, Decimal>,
}

impl World {
    pub(super) fn new(pairs: Vec<PairFlows>) -> Result<World> {
        let mut by_reporter: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, pair) in pairs.iter().enumerate() {
            by_reporter
                .entry(economy_key(&pair.reporter))
                .or_default()
                .push(i);
        }
        let world_reporter = pairs
            .iter()
            .find(|p| is_world(&p.reporter))
            .map(|p| economy_key(&p.reporter));
        Ok(World {
            pairs,
            by_reporter,
            world_reporter,
        })
    }

    fn reporters(&self) -> impl Iterator<Item = &String> {
        self.by_reporter.keys().filter(|r| !is_aggregate(r))
    }

    fn pairs_of<'a>(&'a self, reporter: &str) -> impl Iterator<Item = &'a PairFlows> + 'a {
        self.by_reporter
            .get(reporter)
            .into_iter()
            .flatten()
            .filter_map(|i| self.pairs.get(*i))
    }

    /// Every reporter's exports to the world in `period`, with products at `level`.
    fn exports_in(&self, period: Period, level: Option<usize>) -> BTreeMap<&str, Exports> {
        let products = |pair: &PairFlows| -> BTreeMap<String, Decimal> {
            match (pair.period(period), level) {
                (Some(p), Some(level)) => p.products(Flow::Export, level),
                _ => BTreeMap::new(),
            }
        };
        let total = |pair: &PairFlows| pair.period(period).and_then(|p| p.exports.known());
        let mut out = BTreeMap::new();
        for reporter in self.by_reporter.keys() {
            let exports = match self.pairs_of(reporter).find(|p| is_world(&p.partner)) {
                Some(world) => Exports {
                    total: total(world),
                    products: products(world),
                },
                None => {
                    let mut sum = Exports::default();
                    for pair in self
                        .pairs_of(reporter)
                        .filter(|p| !is_aggregate(&p.partner))
                    {
                        if let Some(x) = total(pair) {
                            *sum.total.get_or_insert(Decimal::ZERO) += x;
                        }
                        for (code, x) in products(pair) {
                            *sum.products.entry(code).or_insert(Decimal::ZERO) += x;
                        }
                    }
                    sum
                }
            };
            out.insert(reporter.as_str(), exports);
        }
        out
    }

    /// World exports from every reporter's (`exports_in`): the World reporter's when
    /// present, else the sum over reporters.
    fn world_exports(&self, every: &BTreeMap<&str, Exports>) -> Exports {
        if let Some(w) = &self.world_reporter {
            let world = every.get(w.as_str());
            return Exports {
                total: world.and_then(|w| w.total),
                products: world.map(|w| w.products.clone()).unwrap_or_default(),
            };
        }
        let mut sum = Exports::default();
        for reporter in self.reporters() {
            let Some(exports) = every.get(reporter.as_str()) else {
                continue;
            };
            if let Some(x) = exports.total {
                *sum.total.get_or_insert(Decimal::ZERO) += x;
            }
            for (code, x) in &exports.products {
                *sum.products.entry(code.clone()).or_insert(Decimal::ZERO) += x;
            }
        }
        sum
    }

    fn require_world(&self, what: &str) -> Result<()> {
        if self.world_reporter.is_none() && self.reporters().count() < 2 {
            return Err(Error::NeedsWorldTotals {
                what: what.to_string(),
                reporters: self.reporters().count(),
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
        if self.world_reporter.is_none() {
            s.notes.push(format!(
                "world = the sum of the {} reporters in the data",
                self.reporters().count()
            ));
        }
        for period in self.periods() {
            let every = self.exports_in(period, Some(level));
            let Some(own) = every.get(reporter) else {
                continue;
            };
            let Some(total) = own.total else {
                continue;
            };
            let world = self.world_exports(&every);
            let Some(world_total) = world.total else {
                continue;
            };
            // The products any of the reporter's pairs has (aggregate partners too); those
            // its exports to the world do not hold are left out.
            let codes: BTreeSet<String> = self
                .pairs_of(reporter)
                .filter_map(|p| p.period(period))
                .flat_map(|p| p.products(Flow::Export, level).into_keys())
                .collect();
            for code in codes {
                let Some(&x) = own.products.get(&code) else {
                    continue;
                };
                let wx = world.products.get(&code).copied().unwrap_or(Decimal::ZERO);
                s.push_period(
                    period,
                    period.label(),
                    vec![code],
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
                .pairs_of(reporter)
                .find(|p| economy_key(&p.partner) == partner)
                .and_then(|p| p.period(period))
                .and_then(|p| p.exports.known());
            let every = self.exports_in(period, None);
            let (Some(x_ij), Some(x_i), Some(x_w)) = (
                to_partner,
                every.get(reporter).and_then(|e| e.total),
                self.world_exports(&every).total,
            ) else {
                continue;
            };
            let x_wj: Decimal = match &self.world_reporter {
                Some(w) => self
                    .pairs_of(w)
                    .find(|p| economy_key(&p.partner) == partner)
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
