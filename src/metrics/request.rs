//! What `metrics` is asked (`Request`) and the dispatch that answers it: picks the data
//! each requested metric needs (one pair, one reporter and its partners, or the whole world
//! in the file), rolls periods up, computes every period (growth needs its bases) and keeps
//! the periods asked for.

use std::collections::{BTreeMap, BTreeSet};

use super::pair_tables;
use super::partners;
use super::periods::{By, rollup};
use super::section::Section;
use super::world::{World, WorldExports};
use crate::codes::economy_key;
use crate::error::{Error, Result};
use crate::flows::{PairFlows, one_pair};
use crate::frame::{Selection, Total, TradeFrame};
use crate::model::{Flow, Period};

/// What a metric can be asked for by name (`--metric`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Metric {
    /// exports, imports, turnover, balance, coverage, relative balance
    Flows,
    /// year-over-year growth, growth multiple, and CAGR
    Growth,
    /// V_t / V_{t−1y} − 1
    Yoy,
    /// V_t / V_{t−1} − 1 (previous period of the same length)
    Pop,
    /// V_t / V_{t−1y}
    Multiple,
    /// (V_end / V_start)^(1/years) − 1
    Cagr,
    /// 100 × V_t / V_base
    Index,
    /// flows' shares of turnover, commodity shares of their flow, with changes in points
    Shares,
    /// each partner's share of the reporter's total (countries only)
    Partners,
    /// Herfindahl-Hirschman index over partners or products
    Hhi,
    /// revealed comparative advantage (Balassa)
    Rca,
    /// trade intensity index
    Intensity,
    /// Grubel-Lloyd intra-industry trade index
    Gl,
}

/// What the HHI is computed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Over {
    Partners,
    Products,
}

/// Which flow partner and product metrics measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowChoice {
    Exports,
    Imports,
    Turnover,
}

impl FlowChoice {
    pub fn name(self) -> &'static str {
        match self {
            FlowChoice::Exports => "exports",
            FlowChoice::Imports => "imports",
            FlowChoice::Turnover => "turnover",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Request {
    pub metrics: Vec<Metric>,
    pub by: Option<By>,
    pub allow_partial: bool,
    pub flow: FlowChoice,
    pub top: Option<usize>,
    pub over: Over,
    pub base: Option<Period>,
    pub include_aggregates: bool,
    /// HS level (2, 4, 6) for product metrics; default: the coarsest in the data.
    pub level: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MetricsReport {
    pub reporter: String,
    pub partner: Option<String>,
    pub currency: String,
    pub sections: Vec<Section>,
    pub notes: Vec<String>,
    /// Rows the loader refused (left out of every figure).
    pub rejected_rows: usize,
}

/// Computes the requested metrics over the selection.
pub fn compute(
    frame: &TradeFrame,
    selection: &Selection,
    request: &Request,
) -> Result<MetricsReport> {
    compute_with_world(frame, selection, request, None)
}

impl Request {
    /// True when the world's exports are all the request needs beyond the reporter's own
    /// rows: RCA (not trade intensity, which needs every partner's imports), periods as
    /// they are. Such a request can be answered from `WorldExports` summed while the file
    /// is read plus a frame of the rows that involve the reporter
    /// (`ingest::baci_world::read`).
    pub fn needs_only_world_exports(&self) -> bool {
        self.metrics.contains(&Metric::Rca)
            && !self.metrics.contains(&Metric::Intensity)
            && self.by.is_none()
    }

    /// True when a metric asked compares the reporter with the world (RCA, trade
    /// intensity): it needs every row of the data, not only the reporter's.
    pub fn needs_world(&self) -> bool {
        self.metrics
            .iter()
            .any(|m| matches!(m, Metric::Rca | Metric::Intensity))
    }

    /// True when what is asked reads the reporter's rows only through its totals per
    /// partner and period (RCA, partner shares, HHI over partners), not their products.
    pub fn needs_only_partner_totals(&self) -> bool {
        self.metrics.iter().all(|m| match m {
            Metric::Rca | Metric::Partners => true,
            Metric::Hhi => self.over == Over::Partners,
            _ => false,
        })
    }
}

/// `compute`, with the world's exports given (`world`) instead of summed from `frame`,
/// which then need only hold the rows that involve the reporter.
pub fn compute_with_world(
    frame: &TradeFrame,
    selection: &Selection,
    request: &Request,
    world: Option<&WorldExports>,
) -> Result<MetricsReport> {
    let mut metrics = request.metrics.clone();
    metrics.sort();
    metrics.dedup();
    let pair_metrics = [
        Metric::Flows,
        Metric::Growth,
        Metric::Yoy,
        Metric::Pop,
        Metric::Multiple,
        Metric::Cagr,
        Metric::Index,
        Metric::Shares,
        Metric::Gl,
        Metric::Intensity,
    ];
    let needs_pair = metrics.iter().any(|m| pair_metrics.contains(m))
        || (metrics.contains(&Metric::Hhi) && request.over == Over::Products);
    let mut notes = Vec::new();
    let mut sections = Vec::new();

    let (reporter_selection, pair) = subject(frame, selection, request, needs_pair, &mut notes)?;
    let reporter_name = reporter_selection.reporter.clone().unwrap_or_default();

    if let Some(pair) = &pair {
        sections.extend(pair_sections(pair, &metrics, request));
    }
    let wants_partners = metrics.contains(&Metric::Partners)
        || (metrics.contains(&Metric::Hhi) && request.over == Over::Partners);
    if wants_partners {
        let reporter_only = Selection {
            reporter: reporter_selection.reporter.clone(),
            partner: None,
            periods: selection.periods.clone(),
        };
        let totals = load(frame, &reporter_only, request, &mut notes)?;
        let partners = by_pair(totals)?;
        if metrics.contains(&Metric::Partners) {
            sections.push(partners::partner_shares_section(&partners, request));
        }
        if metrics.contains(&Metric::Hhi) && request.over == Over::Partners {
            sections.push(partners::hhi_partners_section(&partners, request));
        }
    }
    if metrics.contains(&Metric::Hhi)
        && request.over == Over::Products
        && let Some(pair) = &pair
    {
        sections.push(pair_tables::hhi_products_section(pair, request));
    }
    if metrics.contains(&Metric::Rca) || metrics.contains(&Metric::Intensity) {
        let partner = reporter_selection.partner.as_deref().unwrap_or_default();
        let world = match world {
            Some(world) if request.needs_only_world_exports() => {
                given_world_sections(request, world, &reporter_name)
            }
            _ => world_sections(frame, request, &reporter_name, partner, &mut notes),
        };
        sections.extend(world?);
    }
    // Show only the periods asked for (computed with all of them, for their bases).
    for section in &mut sections {
        section.show_only(&selection.periods);
    }
    let currency = pair
        .as_ref()
        .map(|p| p.currency.clone())
        .unwrap_or_else(|| frame_currency(frame, &reporter_selection));
    Ok(MetricsReport {
        reporter: pair.as_ref().map_or(reporter_name, |p| p.reporter.clone()),
        partner: pair.as_ref().map(|p| p.partner.clone()),
        currency,
        sections,
        notes,
        rejected_rows: 0,
    })
}

/// Whose metrics they are: the one pair (when a metric needs one, with its flows) or the
/// one reporter the selection names or the data holds.
fn subject(
    frame: &TradeFrame,
    selection: &Selection,
    request: &Request,
    needs_pair: bool,
    notes: &mut Vec<String>,
) -> Result<(Selection, Option<PairFlows>)> {
    let finder = selection.finding_who(request.by.is_some());
    let mut found = if needs_pair {
        one_pair(frame, &finder)?
    } else {
        one_reporter(frame, &finder)?
    };
    found.periods = selection.periods.clone();
    let pair = if needs_pair {
        let totals = load(frame, &found, request, notes)?;
        Some(PairFlows::from_totals(&totals, |t| {
            format!("line {}", t.origin.line)
        })?)
    } else {
        None
    };
    Ok((found, pair))
}

/// RCA and trade intensity of `reporter` (with `partner`): they need every pair in the
/// data, for world totals.
fn world_sections(
    frame: &TradeFrame,
    request: &Request,
    reporter: &str,
    partner: &str,
    notes: &mut Vec<String>,
) -> Result<Vec<Section>> {
    let everything = Selection {
        reporter: None,
        partner: None,
        periods: Vec::new(),
    };
    // The level of products: asked, else the coarsest in the data (of any flow).
    let level = match request.level {
        Some(level) => level,
        None => frame.coarsest_hs_level()?.unwrap_or(2),
    };
    let request = &Request {
        level: Some(level),
        ..request.clone()
    };
    // The world indices use each pair's exports (its total and its products at `level`),
    // and which pairs exist. Without a roll-up of periods and in one currency (mixed
    // currencies must stop on the full totals, which say where), only export rows are
    // summed, HS rows rolled up to `level` in the frame first (`totals_at_level`); the
    // pairs with no exports are kept, empty, for who is a reporter and who has a World
    // partner. A BACI file then does not become a total per HS6 row and direction.
    let pairs = if request.by.is_none() && frame.currencies()? <= 1 {
        let exports = frame.totals_at_level(&everything, level, Some(Flow::Export))?;
        with_every_pair(frame, by_pair(exports)?)?
    } else {
        by_pair(load(frame, &everything, request, notes)?)?
    };
    let world = World::new(pairs)?;
    let reporter_key = economy_key(reporter);
    let mut sections = Vec::new();
    if request.metrics.contains(&Metric::Rca) {
        sections.push(world.exports(level).rca_section(&reporter_key)?);
    }
    if request.metrics.contains(&Metric::Intensity) {
        sections.push(world.intensity_section(&reporter_key, &economy_key(partner))?);
    }
    Ok(sections)
}

/// RCA from the world's exports summed as the file was read.
fn given_world_sections(
    request: &Request,
    world: &WorldExports,
    reporter: &str,
) -> Result<Vec<Section>> {
    // The level the sums were made at is the one asked, or the coarsest in the files.
    let level = request.level.unwrap_or(world.level());
    if level != world.level() {
        return Err(Error::Engine(format!(
            "the world's exports were summed at HS{}, the reporter's rows are at HS{level}",
            world.level()
        )));
    }
    Ok(vec![world.rca_section(&economy_key(reporter))?])
}

/// The tables of one pair's metrics, in the order of `metrics`.
fn pair_sections(pair: &PairFlows, metrics: &[Metric], request: &Request) -> Vec<Section> {
    let mut sections = Vec::new();
    for metric in metrics {
        match metric {
            Metric::Flows => sections.push(pair_tables::flows_section(pair)),
            Metric::Growth => {
                sections.push(pair_tables::growth_section(pair, request, Metric::Yoy));
                sections.push(pair_tables::growth_section(pair, request, Metric::Multiple));
                sections.push(pair_tables::cagr_section(pair, request));
            }
            Metric::Yoy | Metric::Pop | Metric::Multiple | Metric::Index => {
                sections.push(pair_tables::growth_section(pair, request, *metric))
            }
            Metric::Cagr => sections.push(pair_tables::cagr_section(pair, request)),
            Metric::Shares => {
                sections.push(pair_tables::flow_shares_section(pair, request));
                sections.push(pair_tables::commodity_shares_section(pair, request));
            }
            Metric::Gl => sections.push(pair_tables::gl_section(pair, request)),
            _ => {}
        }
    }
    sections
}

/// A reporter's partners per period, as the partners metric computes them.
#[derive(Clone, Debug, PartialEq)]
pub struct Partners {
    pub reporter: String,
    pub currency: String,
    pub periods: Vec<partners::PeriodPartners>,
}

/// The partners of the one reporter `selection` names (or the only one in the data), in
/// the periods it names (all when none), rolled up by `request.by`.
pub fn partners(frame: &TradeFrame, selection: &Selection, request: &Request) -> Result<Partners> {
    let finder = selection.finding_who(request.by.is_some());
    let reporter = one_reporter(frame, &finder)?.reporter;
    let reporter_only = Selection {
        reporter: reporter.clone(),
        partner: None,
        periods: selection.periods.clone(),
    };
    let totals = load(frame, &reporter_only, request, &mut Vec::new())?;
    let mut periods = partners::partner_shares(&by_pair(totals)?, request);
    if !selection.periods.is_empty() {
        periods.retain(|p| selection.periods.contains(&p.period));
    }
    Ok(Partners {
        reporter: reporter.unwrap_or_default(),
        currency: frame_currency(frame, &reporter_only),
        periods,
    })
}

fn frame_currency(frame: &TradeFrame, selection: &Selection) -> String {
    frame
        .first_currency(selection)
        .ok()
        .flatten()
        .unwrap_or_else(|| "USD".to_string())
}

/// The selection narrowed to one reporter (any partners).
fn one_reporter(frame: &TradeFrame, selection: &Selection) -> Result<Selection> {
    let pairs = frame.pairs(selection)?;
    let reporters: BTreeSet<String> = pairs.iter().map(|p| p.reporter.clone()).collect();
    match reporters.len() {
        1 => Ok(Selection {
            reporter: reporters.into_iter().next(),
            partner: selection.partner.clone(),
            periods: selection.periods.clone(),
        }),
        0 => Err(Error::EmptySelection {
            selection: selection.describe(),
            hint: String::new(),
        }),
        _ => Err(Error::AmbiguousReporter(reporters.into_iter().collect())),
    }
}

/// Totals for a selection, rolled up when `--by` asks.
fn load(
    frame: &TradeFrame,
    selection: &Selection,
    request: &Request,
    notes: &mut Vec<String>,
) -> Result<Vec<Total>> {
    let mut sel = selection.clone();
    // Every period is loaded: growth needs the bases of the periods asked for. The period
    // filter applies to the rows shown (see `compute`).
    sel.periods.clear();
    let totals = frame.totals(&sel)?;
    let totals = match request.by {
        None => totals,
        Some(by) => {
            let r = rollup(&totals, by);
            for n in r.notes {
                if !notes.contains(&n) {
                    notes.push(n);
                }
            }
            r.totals
        }
    };
    Ok(totals)
}

/// `pairs` with an empty `PairFlows` added for each other pair in the frame, in the order
/// `by_pair` gives (reporter, then partner, by key).
fn with_every_pair(frame: &TradeFrame, mut pairs: Vec<PairFlows>) -> Result<Vec<PairFlows>> {
    let key = |r: &str, p: &str| (economy_key(r), economy_key(p));
    let known: BTreeSet<(String, String)> =
        pairs.iter().map(|p| key(&p.reporter, &p.partner)).collect();
    let currency = pairs
        .first()
        .map(|p| p.currency.clone())
        .unwrap_or_default();
    for pair in frame.pairs(&Selection::default())? {
        if !known.contains(&key(&pair.reporter, &pair.partner)) {
            pairs.push(PairFlows {
                reporter: pair.reporter,
                partner: pair.partner,
                currency: currency.clone(),
                periods: Vec::new(),
            });
        }
    }
    pairs.sort_by_cached_key(|p| key(&p.reporter, &p.partner));
    Ok(pairs)
}

/// Totals grouped into one `PairFlows` per reporter–partner pair.
fn by_pair(totals: Vec<Total>) -> Result<Vec<PairFlows>> {
    let mut groups: BTreeMap<(String, String), Vec<Total>> = BTreeMap::new();
    for t in totals {
        groups
            .entry((economy_key(&t.reporter), economy_key(&t.partner)))
            .or_default()
            .push(t);
    }
    groups
        .into_values()
        .map(|g| PairFlows::from_totals(&g, |t| format!("line {}", t.origin.line)))
        .collect()
}
