//! From exact sums to the flows of one pair per period: which number *is* the exports total
//! when a file holds a TOTAL row, HS rows at several levels, or only "of which" labels.
//!
//! Rules (docs/format.md):
//! - a `TOTAL` row is the total; every other row is a breakdown;
//! - with no `TOTAL` row, the total is the sum of the rows of one HS level (the coarsest
//!   present), never a mix of levels;
//! - labels alone ("oil products") are a partial breakdown and never stand for a total;
//! - no row at all means *missing*, never zero.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::frame::Total;
use crate::metrics::Value;
use crate::metrics::periods::{By, rollup};
use crate::model::{Commodity, Flow, Period};

/// One part of a flow: a commodity row beside the total.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub flow: Flow,
    pub commodity: Commodity,
    pub value: Decimal,
    /// Whether the part lies within the flow's total (false for an HS code of a chapter
    /// that the HS rows making a derived total do not cover): its share is not computed.
    pub within_total: bool,
}

/// The flows of one pair in one period, with how each total was obtained.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodFlows {
    pub period: Period,
    pub exports: Value,
    pub imports: Value,
    /// A published turnover row, if any (kept apart from exports + imports).
    pub published_turnover: Option<Decimal>,
    pub re_exports: Option<Decimal>,
    pub re_imports: Option<Decimal>,
    /// Commodity rows, in file order of their codes.
    pub parts: Vec<Part>,
    /// How totals were derived when it was not from a TOTAL row.
    pub notes: Vec<String>,
    /// The fewest months any of this period's figures cover (less than `period.months()`
    /// when a roll-up found parts missing).
    pub months_covered: u8,
}

impl PeriodFlows {
    pub fn is_partial(&self) -> bool {
        self.months_covered < self.period.months()
    }
}

/// The totals of a single reporter–partner pair, one currency, by period.
#[derive(Clone, Debug, PartialEq)]
pub struct PairFlows {
    pub reporter: String,
    pub partner: String,
    pub currency: String,
    pub periods: Vec<PeriodFlows>,
}

impl PairFlows {
    /// Groups `totals` (already selected down to one pair) by period. Mixed currencies are
    /// an error: they cannot be added.
    pub fn from_totals(
        totals: &[Total],
        describe_origin: impl Fn(&Total) -> String,
    ) -> Result<PairFlows> {
        let first = totals.first().ok_or_else(|| Error::EmptySelection {
            selection: String::new(),
            hint: String::new(),
        })?;
        if let Some(other) = totals.iter().find(|t| t.currency != first.currency) {
            return Err(Error::MixedCurrencies {
                first: first.currency.clone(),
                first_at: describe_origin(first),
                second: other.currency.clone(),
                second_at: describe_origin(other),
            });
        }
        let mut by_period: BTreeMap<Period, Vec<&Total>> = BTreeMap::new();
        for t in totals {
            by_period.entry(t.period).or_default().push(t);
        }
        let periods = by_period
            .into_iter()
            .map(|(period, rows)| period_flows(period, &rows))
            .collect();
        Ok(PairFlows {
            reporter: first.reporter.clone(),
            partner: first.partner.clone(),
            currency: first.currency.clone(),
            periods,
        })
    }

    pub fn period(&self, period: Period) -> Option<&PeriodFlows> {
        self.periods.iter().find(|p| p.period == period)
    }

    /// Rolls the HS parts of every period up to `level` digits (by code prefix), summing
    /// exactly; parts of one level only are used per flow (the finest at or below the
    /// level is not mixed with coarser ones). Labels and totals are untouched.
    pub fn at_level(mut self, level: usize) -> PairFlows {
        for p in &mut self.periods {
            let mut rolled: Vec<Part> = Vec::new();
            let mut flows: Vec<Flow> = p.parts.iter().map(|x| x.flow).collect();
            flows.dedup();
            for flow in flows {
                let of_flow: Vec<&Part> = p.parts.iter().filter(|x| x.flow == flow).collect();
                let source = hs_source_level(of_flow.iter().copied(), level);
                for part in &of_flow {
                    match (&part.commodity, source) {
                        (Commodity::Hs(code), Some(s)) if code.len() == s => {
                            let target = Commodity::Hs(code[..level].to_string());
                            match rolled
                                .iter_mut()
                                .find(|r| r.flow == flow && r.commodity == target)
                            {
                                Some(r) => r.value += part.value,
                                None => rolled.push(Part {
                                    flow,
                                    commodity: target,
                                    value: part.value,
                                    within_total: part.within_total,
                                }),
                            }
                        }
                        (Commodity::Hs(_), _) => {} // other HS levels are not mixed in
                        _ => rolled.push((*part).clone()),
                    }
                }
            }
            p.parts = rolled;
        }
        self
    }
}

/// The HS level that parts are rolled up to `level` from: the level itself if present,
/// else the next finer one (levels are never mixed: a chapter row and the headings under
/// it would count twice).
fn hs_source_level<'a>(
    parts: impl Iterator<Item = &'a Part> + Clone,
    level: usize,
) -> Option<usize> {
    let levels = parts.filter_map(|x| x.commodity.hs_level());
    if levels.clone().any(|l| l == level) {
        Some(level)
    } else {
        levels.filter(|l| *l > level).min()
    }
}

impl PeriodFlows {
    /// The HS products of `flow` at `level` digits, rolled up by code prefix from one
    /// source level (see `hs_source_level`), summed exactly.
    pub fn products(&self, flow: Flow, level: usize) -> BTreeMap<String, Decimal> {
        let of_flow = self.parts.iter().filter(|part| part.flow == flow);
        let mut out = BTreeMap::new();
        if let Some(source) = hs_source_level(of_flow.clone(), level) {
            for part in of_flow {
                if let Commodity::Hs(code) = &part.commodity
                    && code.len() == source
                {
                    *out.entry(code[..level].to_string())
                        .or_insert(Decimal::ZERO) += part.value;
                }
            }
        }
        out
    }
}

/// The coarsest HS level among the pairs' parts (2 when there are none).
pub fn default_level<'a>(pairs: impl IntoIterator<Item = &'a PairFlows>) -> usize {
    pairs
        .into_iter()
        .flat_map(|pair| pair.periods.iter())
        .flat_map(|p| p.parts.iter())
        .filter_map(|part| part.commodity.hs_level())
        .min()
        .unwrap_or(2)
}

fn period_flows(period: Period, rows: &[&Total]) -> PeriodFlows {
    let mut notes = Vec::new();
    let mut parts = Vec::new();
    let mut flow_total = |flow: Flow| -> Value {
        let of_flow: Vec<&Total> = rows.iter().copied().filter(|t| t.flow == flow).collect();
        let (total, breakdown) = total_of(flow, period, &of_flow, &mut notes);
        parts.extend(breakdown.into_iter().map(|(t, within_total)| Part {
            flow,
            commodity: t.commodity.clone(),
            value: t.value,
            within_total,
        }));
        total
    };
    let mut exports = flow_total(Flow::Export);
    let mut imports = flow_total(Flow::Import);
    // Say why when the split is missing because only a total was published.
    let turnover_only = rows.iter().any(|t| t.flow == Flow::Turnover);
    for (value, flow) in [(&mut exports, Flow::Export), (&mut imports, Flow::Import)] {
        if turnover_only && !rows.iter().any(|t| t.flow == flow) {
            *value = Value::Missing(format!(
                "only the turnover was published for {period}, not its split into exports and imports"
            ));
        }
    }
    let known = |v: Value| v.known();
    let published_turnover = known(flow_total(Flow::Turnover));
    let re_exports = known(flow_total(Flow::ReExport));
    let re_imports = known(flow_total(Flow::ReImport));
    PeriodFlows {
        period,
        exports,
        imports,
        published_turnover,
        re_exports,
        re_imports,
        parts,
        notes,
        months_covered: rows.iter().map(|t| t.months_covered).min().unwrap_or(0),
    }
}

/// The total of one flow and the rows that are its breakdown.
fn total_of<'a>(
    flow: Flow,
    period: Period,
    rows: &[&'a Total],
    notes: &mut Vec<String>,
) -> (Value, Vec<(&'a Total, bool)>) {
    if rows.is_empty() {
        return (
            Value::Missing(format!("no {} figure for {period}", flow.plural())),
            Vec::new(),
        );
    }
    if let Some(total) = rows.iter().find(|t| t.commodity == Commodity::Total) {
        let parts = rows
            .iter()
            .copied()
            .filter(|t| t.commodity != Commodity::Total)
            .map(|t| (t, true))
            .collect();
        return (Value::Known(total.value), parts);
    }
    let coarsest = rows.iter().filter_map(|t| t.commodity.hs_level()).min();
    match coarsest {
        Some(level) => {
            let sum = rows
                .iter()
                .filter(|t| t.commodity.hs_level() == Some(level))
                .map(|t| t.value)
                .sum();
            let levels: std::collections::BTreeSet<usize> =
                rows.iter().filter_map(|t| t.commodity.hs_level()).collect();
            let mut note = format!(
                "{period} {}: no TOTAL row; the total is the sum of the HS{level} rows",
                flow.plural()
            );
            // Finer codes are parts of the total only under a chapter (or heading) that
            // the coarse rows cover.
            let covered: std::collections::BTreeSet<&str> = rows
                .iter()
                .filter_map(|t| match &t.commodity {
                    Commodity::Hs(c) if c.len() == level => Some(c.as_str()),
                    _ => None,
                })
                .collect();
            let within = |t: &Total| match &t.commodity {
                Commodity::Hs(c) => c.get(..level).is_some_and(|p| covered.contains(p)),
                _ => false,
            };
            let outside: std::collections::BTreeSet<String> = rows
                .iter()
                .filter(|t| !within(t))
                .filter_map(|t| {
                    t.commodity
                        .hs_level()
                        .map(|_| t.commodity.code()[..level].to_string())
                })
                .collect();
            if levels.len() > 1 && outside.is_empty() {
                note.push_str(" (finer HS levels are breakdowns, not added)");
            } else if !outside.is_empty() {
                note.push_str(&format!(
                    "; finer rows under {} are outside it (no HS{level} row for them), so no level is complete and their shares are not computed",
                    outside.into_iter().collect::<Vec<_>>().join(", ")
                ));
            }
            notes.push(note);
            let parts = rows.iter().map(|t| (*t, within(t))).collect();
            (Value::Known(sum), parts)
        }
        None => (
            Value::Missing(format!(
                "{period} {}: only a partial breakdown ({}) and no TOTAL row",
                flow.plural(),
                rows.iter()
                    .map(|t| t.commodity.code())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            rows.iter().map(|t| (*t, false)).collect(),
        ),
    }
}

/// The flows of the one pair `asked` names (or the only one in the data), over every
/// period the data holds — growth needs the year before even when fewer periods are
/// shown (`PairSummary::show_only` keeps the asked ones) — rolled up `by` a period length
/// and with HS codes rolled up to `level` when given.
pub fn pair_flows(
    dataset: &crate::ingest::Dataset,
    frame: &crate::frame::TradeFrame,
    asked: &crate::frame::Selection,
    by: Option<By>,
    level: Option<usize>,
) -> Result<PairFlows> {
    let pair = one_pair(frame, &asked.finding_who(by.is_some()))?;
    let mut totals = frame.totals(&crate::frame::Selection {
        periods: Vec::new(),
        ..pair
    })?;
    if let Some(by) = by {
        totals = rollup(&totals, by).totals;
    }
    let flows = PairFlows::from_totals(&totals, |t| dataset.origin_text(t.origin))?;
    Ok(match level {
        Some(level) => flows.at_level(level),
        None => flows,
    })
}

/// The latest full year in the selection, or its latest period when it has no year.
pub fn latest_year(
    frame: &crate::frame::TradeFrame,
    selection: &crate::frame::Selection,
) -> Result<Option<Period>> {
    let all = frame.totals(selection)?;
    let periods = || all.iter().map(|t| t.period);
    Ok(periods()
        .filter(|p| p.months() == 12)
        .max()
        .or_else(|| periods().max()))
}

/// Narrows `selection` to exactly one reporter–partner pair: the one it names, or the only
/// one in the data. Several candidates are an error that lists them; none is an error that
/// says what the data does hold.
pub fn one_pair(
    frame: &crate::frame::TradeFrame,
    selection: &crate::frame::Selection,
) -> Result<crate::frame::Selection> {
    let pairs = frame.pairs(selection)?;
    match pairs.as_slice() {
        [pair] => Ok(crate::frame::Selection {
            reporter: Some(pair.reporter.clone()),
            partner: Some(pair.partner.clone()),
            periods: selection.periods.clone(),
        }),
        [] => {
            let everything = frame.pairs(&crate::frame::Selection::default())?;
            let hint = if everything.is_empty() {
                "; the input has no records".to_string()
            } else {
                let flipped = everything.iter().any(|p| {
                    selection.reporter.as_deref().map(crate::codes::economy_key)
                        == Some(crate::codes::economy_key(&p.partner))
                        && selection.partner.as_deref().map(crate::codes::economy_key)
                            == Some(crate::codes::economy_key(&p.reporter))
                });
                let listed: Vec<String> = everything
                    .iter()
                    .take(10)
                    .map(|p| format!("{} → {}", p.reporter, p.partner))
                    .collect();
                format!(
                    "{}; the input holds: {}{}",
                    if flipped {
                        "; the data is reported by the other side (swap --reporter and --partner)"
                    } else {
                        ""
                    },
                    listed.join(", "),
                    if everything.len() > 10 { ", ..." } else { "" }
                )
            };
            Err(Error::EmptySelection {
                selection: selection.describe(),
                hint,
            })
        }
        many => Err(Error::AmbiguousPair(
            many.iter()
                .map(|p| {
                    format!(
                        "--reporter {} --partner {}  ({} rows)",
                        quote(&p.reporter),
                        quote(&p.partner),
                        p.rows
                    )
                })
                .collect(),
        )),
    }
}

fn quote(name: &str) -> String {
    if name.contains(|c: char| c.is_whitespace() || c == '\'' || c == ',') {
        format!("\"{name}\"")
    } else {
        name.to_string()
    }
}
