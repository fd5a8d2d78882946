//! Every pair in the data, for the indices that compare a reporter with the world:
//! revealed comparative advantage and trade intensity. World exports are the World
//! reporter's rows when present, else the sum over reporters.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::indices::{rca, trade_intensity};
use super::section::{Quantity, Section};
use super::{Value, share};
use crate::codes::{economy_key, is_aggregate, is_world};
use crate::error::{Error, Result};
use crate::flows::PairFlows;
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
#[derive(Clone, Debug, Default)]
pub(super) struct Exports {
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
            return every.get(w.as_str()).cloned().unwrap_or_default();
        }
        sum_over_countries(self.reporters().filter_map(|r| every.get(r.as_str())))
    }

    fn require_world(&self, what: &str) -> Result<()> {
        require_world(
            what,
            self.world_reporter.is_some(),
            self.reporters().count(),
        )
    }

    fn periods(&self) -> BTreeSet<Period> {
        self.pairs
            .iter()
            .flat_map(|p| p.periods.iter().map(|q| q.period))
            .collect()
    }

    /// Every reporter's exports to the world, per period, with products at `level`.
    pub(super) fn exports(&self, level: usize) -> WorldExports {
        let periods = self
            .periods()
            .into_iter()
            .map(|period| {
                let every = self
                    .exports_in(period, Some(level))
                    .into_iter()
                    .map(|(r, e)| (r.to_string(), e))
                    .collect();
                (period, every)
            })
            .collect();
        WorldExports {
            level,
            periods,
            reporters: self.reporters().count(),
            world_reporter: self.world_reporter.clone(),
        }
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

fn require_world(what: &str, world_reporter: bool, reporters: usize) -> Result<()> {
    if !world_reporter && reporters < 2 {
        return Err(Error::NeedsWorldTotals {
            what: what.to_string(),
            reporters,
        });
    }
    Ok(())
}

/// The sum of reporters' exports: totals and products.
fn sum_over_countries<'a>(reporters: impl Iterator<Item = &'a Exports>) -> Exports {
    let mut sum = Exports::default();
    for exports in reporters {
        if let Some(x) = exports.total {
            *sum.total.get_or_insert(Decimal::ZERO) += x;
        }
        for (code, x) in &exports.products {
            *sum.products.entry(code.clone()).or_insert(Decimal::ZERO) += x;
        }
    }
    sum
}

/// Every reporter's exports to the world per period, with products at one HS level: what
/// RCA compares. Built from every pair in the data (`World::exports`) or summed while a
/// BACI file is read (`from_exporter_sums`); the same RCA table follows from either.
#[derive(Clone, Debug)]
pub struct WorldExports {
    level: usize,
    /// Reporter key → its exports, per period.
    periods: BTreeMap<Period, BTreeMap<String, Exports>>,
    /// Countries among the reporters (World and regions left out).
    reporters: usize,
    /// The World reporter's key, when the data has one.
    world_reporter: Option<String>,
}

impl WorldExports {
    /// From exports summed per period, exporter and product at `level` (every exporter a
    /// country, no World rows: what a BACI file holds); `economies` are every economy of
    /// the data, exporters and importers, as written.
    pub fn from_exporter_sums(
        level: usize,
        sums: &[crate::ingest::baci_world::ExporterSum],
        economies: &[String],
    ) -> Result<WorldExports> {
        let mut keys: BTreeMap<&str, String> = BTreeMap::new();
        let mut periods: BTreeMap<Period, BTreeMap<String, Exports>> = BTreeMap::new();
        for s in sums {
            let key = keys
                .entry(s.exporter.as_str())
                .or_insert_with(|| economy_key(&s.exporter))
                .clone();
            let exports = periods.entry(s.period).or_default().entry(key).or_default();
            for (product, value) in &s.products {
                let value = value.to_decimal().ok_or_else(|| {
                    Error::Overflow(format!(
                        "{}'s exports of {product} in {} do not fit a decimal",
                        s.exporter, s.period
                    ))
                })?;
                *exports.total.get_or_insert(Decimal::ZERO) += value;
                *exports
                    .products
                    .entry(product.clone())
                    .or_insert(Decimal::ZERO) += value;
            }
        }
        let reporters: BTreeSet<String> = economies
            .iter()
            .map(|e| economy_key(e))
            .filter(|k| !is_aggregate(k))
            .collect();
        Ok(WorldExports {
            level,
            periods,
            reporters: reporters.len(),
            world_reporter: None,
        })
    }

    pub fn level(&self) -> usize {
        self.level
    }

    /// The world's exports in one period: the World reporter's, else the sum over the
    /// country reporters.
    fn world_in(&self, every: &BTreeMap<String, Exports>) -> Exports {
        if let Some(w) = &self.world_reporter {
            return every.get(w).cloned().unwrap_or_default();
        }
        sum_over_countries(
            every
                .iter()
                .filter(|(r, _)| !is_aggregate(r))
                .map(|(_, e)| e),
        )
    }

    /// Revealed comparative advantage of `reporter` (a key) in every period and product
    /// it exports.
    pub(super) fn rca_section(&self, reporter: &str) -> Result<Section> {
        require_world("RCA", self.world_reporter.is_some(), self.reporters)?;
        let level = self.level;
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
                self.reporters
            ));
        }
        for (period, every) in &self.periods {
            let Some(own) = every.get(reporter) else {
                continue;
            };
            let Some(total) = own.total else {
                continue;
            };
            let world = self.world_in(every);
            let Some(world_total) = world.total else {
                continue;
            };
            // Every product of the reporter's exports to the world (the products its
            // pairs have, aggregate partners too, that those exports hold).
            for (code, &x) in &own.products {
                let wx = world.products.get(code).copied().unwrap_or(Decimal::ZERO);
                s.push_period(
                    *period,
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
}
