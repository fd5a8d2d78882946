//! The metrics command's engine: picks the data each requested metric needs (one pair, one
//! reporter and its partners, or the whole world in the file), rolls periods up, and lays
//! the results out as `Section`s — tables of exact values that any renderer can print.
//!
//! Every number comes from the functions of the sibling modules; this file only gathers
//! inputs and labels outputs.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::concentration::hhi;
use super::growth::{self, Point};
use super::indices::{grubel_lloyd, grubel_lloyd_aggregate, rca, trade_intensity};
use super::periods::{By, rollup};
use super::shares::{slices, top_n};
use super::summary::turnover_value;
use super::{Value, ratio, share};
use crate::codes::{economy_key, is_aggregate, is_world};
use crate::error::{Error, Result};
use crate::flows::{PairFlows, PeriodFlows, one_pair};
use crate::frame::{Selection, Total, TradeFrame};
use crate::model::{Commodity, Flow, Period};

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

/// How a column's numbers read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    Money,
    /// Money with an explicit sign (balances).
    SignedMoney,
    /// A fraction shown as a percentage.
    Percent,
    /// A change shown as a signed percentage.
    Change,
    /// Percentage points (already × 100).
    Points,
    /// A plain ratio (coverage, RCA, multiples).
    Ratio,
    /// Base = 100.
    Index,
    /// An HHI on the 0–1 scale.
    Unit,
    /// An HHI on the 0–10,000 scale.
    Ten000,
    Count,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    pub quantity: Quantity,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub keys: Vec<String>,
    pub values: Vec<Value>,
}

/// One table of results with its formula.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub metric: &'static str,
    pub title: String,
    pub formula: String,
    pub keys: Vec<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

impl Section {
    fn new(
        metric: &'static str,
        title: &str,
        formula: &str,
        keys: &[&str],
        columns: &[(&str, Quantity)],
    ) -> Section {
        Section {
            metric,
            title: title.to_string(),
            formula: formula.to_string(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            columns: columns
                .iter()
                .map(|(n, q)| Column {
                    name: n.to_string(),
                    quantity: *q,
                })
                .collect(),
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn push(&mut self, keys: Vec<String>, values: Vec<Value>) {
        self.rows.push(Row { keys, values });
    }

    /// The value in `column` of the first row whose keys start with `keys` (for tests and
    /// for callers that need one number).
    pub fn value(&self, keys: &[&str], column: &str) -> Option<&Value> {
        let c = self.columns.iter().position(|c| c.name == column)?;
        self.rows
            .iter()
            .find(|r| r.keys.iter().zip(keys).all(|(a, b)| a == b))
            .and_then(|r| r.values.get(c))
    }
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

const FLOW_COLUMNS: [&str; 3] = ["exports", "imports", "turnover"];

/// Computes the requested metrics over the selection.
pub fn compute(
    frame: &TradeFrame,
    selection: &Selection,
    request: &Request,
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

    // Under --by the periods name rolled-up targets: find who trades on all periods.
    let finder = if request.by.is_some() {
        Selection {
            periods: Vec::new(),
            ..selection.clone()
        }
    } else {
        selection.clone()
    };
    let mut reporter_selection = if needs_pair {
        one_pair(frame, &finder)?
    } else {
        one_reporter(frame, &finder)?
    };
    reporter_selection.periods = selection.periods.clone();
    let pair = if needs_pair {
        let totals = load(frame, &reporter_selection, request, &mut notes)?;
        Some(PairFlows::from_totals(&totals, |t| {
            format!("line {}", t.origin.line)
        })?)
    } else {
        None
    };
    let reporter_name = reporter_selection.reporter.clone().unwrap_or_default();

    if let Some(pair) = &pair {
        for metric in &metrics {
            match metric {
                Metric::Flows => sections.push(flows_section(pair)),
                Metric::Growth => {
                    sections.push(growth_section(pair, request, Metric::Yoy));
                    sections.push(growth_section(pair, request, Metric::Multiple));
                    sections.push(cagr_section(pair, request));
                }
                Metric::Yoy | Metric::Pop | Metric::Multiple | Metric::Index => {
                    sections.push(growth_section(pair, request, *metric))
                }
                Metric::Cagr => sections.push(cagr_section(pair, request)),
                Metric::Shares => {
                    sections.push(flow_shares_section(pair, request));
                    sections.push(commodity_shares_section(pair, request));
                }
                Metric::Gl => sections.push(gl_section(pair, request)),
                _ => {}
            }
        }
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
        let partners = by_pair(&totals)?;
        if metrics.contains(&Metric::Partners) {
            sections.push(partner_shares_section(&partners, request));
        }
        if metrics.contains(&Metric::Hhi) && request.over == Over::Partners {
            sections.push(hhi_partners_section(&partners, request));
        }
    }
    if metrics.contains(&Metric::Hhi)
        && request.over == Over::Products
        && let Some(pair) = &pair
    {
        sections.push(hhi_products_section(pair, request));
    }
    if metrics.contains(&Metric::Rca) || metrics.contains(&Metric::Intensity) {
        let everything = Selection {
            reporter: None,
            partner: None,
            periods: selection.periods.clone(),
        };
        let totals = load(frame, &everything, request, &mut notes)?;
        let world = World::new(by_pair(&totals)?)?;
        let reporter_key = economy_key(&reporter_name);
        if metrics.contains(&Metric::Rca) {
            sections.push(world.rca_section(&reporter_key, request)?);
        }
        if metrics.contains(&Metric::Intensity) {
            let partner = reporter_selection.partner.clone().unwrap_or_default();
            sections.push(world.intensity_section(&reporter_key, &economy_key(&partner))?);
        }
    }
    // Show only the periods asked for (computed with all of them, for their bases).
    if !selection.periods.is_empty() {
        let labels: Vec<String> = selection.periods.iter().map(|p| p.label()).collect();
        for section in &mut sections {
            if section.keys.first().map(String::as_str) == Some("period") {
                section.rows.retain(|r| {
                    r.keys.first().is_some_and(|k| {
                        labels
                            .iter()
                            .any(|l| k == l || k.starts_with(&format!("{l} (")))
                    })
                });
            }
        }
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

fn frame_currency(frame: &TradeFrame, selection: &Selection) -> String {
    frame
        .totals(selection)
        .ok()
        .and_then(|t| t.first().map(|t| t.currency.clone()))
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
        _ => Err(Error::Usage(format!(
            "the data holds {} reporters ({}); choose one with --reporter",
            reporters.len(),
            reporters
                .into_iter()
                .take(10)
                .collect::<Vec<_>>()
                .join(", ")
        ))),
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

/// Totals grouped into one `PairFlows` per reporter–partner pair.
fn by_pair(totals: &[Total]) -> Result<Vec<PairFlows>> {
    let mut groups: BTreeMap<(String, String), Vec<Total>> = BTreeMap::new();
    for t in totals {
        groups
            .entry((economy_key(&t.reporter), economy_key(&t.partner)))
            .or_default()
            .push(t.clone());
    }
    groups
        .into_values()
        .map(|g| PairFlows::from_totals(&g, |t| format!("line {}", t.origin.line)))
        .collect()
}

fn flow_value(p: &PeriodFlows, flow: FlowChoice) -> Value {
    match flow {
        FlowChoice::Exports => p.exports.clone(),
        FlowChoice::Imports => p.imports.clone(),
        FlowChoice::Turnover => turnover_value(p),
    }
}

fn flow_name(flow: FlowChoice) -> &'static str {
    match flow {
        FlowChoice::Exports => "exports",
        FlowChoice::Imports => "imports",
        FlowChoice::Turnover => "turnover",
    }
}

fn series(pair: &PairFlows, f: impl Fn(&PeriodFlows) -> Value) -> Vec<Point> {
    pair.periods
        .iter()
        .map(|p| Point {
            period: p.period,
            value: f(p),
            months_covered: p.months_covered,
        })
        .collect()
}

fn period_key(p: &PeriodFlows) -> String {
    if p.is_partial() {
        format!(
            "{} (partial {}/{})",
            p.period,
            p.months_covered,
            p.period.months()
        )
    } else {
        p.period.label()
    }
}

fn flows_section(pair: &PairFlows) -> Section {
    let mut s = Section::new(
        "flows",
        "Flows",
        "turnover = X + M; balance = X − M; coverage = X / M; relative balance = (X − M) / (X + M)",
        &["period"],
        &[
            ("exports", Quantity::Money),
            ("imports", Quantity::Money),
            ("turnover", Quantity::Money),
            ("balance", Quantity::SignedMoney),
            ("coverage", Quantity::Ratio),
            ("relative balance", Quantity::Change),
        ],
    );
    for p in &pair.periods {
        let turnover = turnover_value(p);
        let balance = p.exports.zip(&p.imports, |x, m| Value::Known(x - m));
        let coverage = p.exports.zip(&p.imports, ratio);
        let relative = p.exports.zip(&p.imports, |x, m| ratio(x - m, x + m));
        s.push(
            vec![period_key(p)],
            vec![
                p.exports.clone(),
                p.imports.clone(),
                turnover,
                balance,
                coverage,
                relative,
            ],
        );
    }
    s
}

fn growth_section(pair: &PairFlows, request: &Request, metric: Metric) -> Section {
    let flows: [Vec<Point>; 3] = [
        series(pair, |p| p.exports.clone()),
        series(pair, |p| p.imports.clone()),
        series(pair, turnover_value),
    ];
    let allow = request.allow_partial;
    let (id, title, formula, quantity, columns): (
        &'static str,
        String,
        &str,
        Quantity,
        Vec<Vec<Value>>,
    ) = match metric {
        Metric::Pop => (
            "pop",
            "Growth on the previous period".to_string(),
            "V_t / V_(t−1) − 1, previous period of the same length",
            Quantity::Change,
            flows
                .iter()
                .map(|s| growth::period_over_period(s, allow))
                .collect(),
        ),
        Metric::Multiple => (
            "multiple",
            "Growth multiple on the same months a year earlier".to_string(),
            "V_t / V_(t−1y): ×3 is tripling, ×0.33 a fall to a third",
            Quantity::Ratio,
            flows.iter().map(|s| growth::multiple(s, allow)).collect(),
        ),
        Metric::Index => {
            let results: Vec<(Option<Period>, Vec<Value>)> = flows
                .iter()
                .map(|s| growth::index(s, request.base, allow))
                .collect();
            let base = results.first().and_then(|r| r.0);
            (
                "index",
                format!(
                    "Index, {} = 100",
                    base.map_or_else(|| "first period".to_string(), |b| b.label())
                ),
                "100 × V_t / V_base, for periods with the base's months",
                Quantity::Index,
                results.into_iter().map(|r| r.1).collect(),
            )
        }
        _ => (
            "yoy",
            "Growth on the same months a year earlier".to_string(),
            "V_t / V_(t−1y) − 1; only periods of equal length and position are compared",
            Quantity::Change,
            flows
                .iter()
                .map(|s| growth::year_over_year(s, allow))
                .collect(),
        ),
    };
    let mut s = Section::new(
        id,
        &title,
        formula,
        &["period"],
        &FLOW_COLUMNS.map(|c| (c, quantity)),
    );
    for (i, p) in pair.periods.iter().enumerate() {
        let values = columns
            .iter()
            .map(|c| c.get(i).cloned().unwrap_or(Value::Missing(String::new())))
            .collect();
        s.push(vec![period_key(p)], values);
    }
    s
}

fn cagr_section(pair: &PairFlows, request: &Request) -> Section {
    let mut s = Section::new(
        "cagr",
        "Compound annual growth rate",
        &format!(
            "(V_end / V_start)^(1 / years) − 1, between the first and last complete periods of \
             each kind; roots by Newton's method to {} decimals",
            growth::CAGR_DECIMALS
        ),
        &["from", "to", "years"],
        &FLOW_COLUMNS.map(|c| (c, Quantity::Change)),
    );
    let results: Vec<Vec<growth::Cagr>> = [
        series(pair, |p| p.exports.clone()),
        series(pair, |p| p.imports.clone()),
        series(pair, turnover_value),
    ]
    .iter()
    .map(|s| growth::cagr(s, request.allow_partial))
    .collect();
    let mut spans: Vec<(Period, Period, u32)> = results
        .iter()
        .flatten()
        .map(|c| (c.start, c.end, c.years))
        .collect();
    spans.sort();
    spans.dedup();
    for (start, end, years) in spans {
        let values = results
            .iter()
            .map(|r| {
                r.iter()
                    .find(|c| c.start == start && c.end == end)
                    .map_or_else(
                        || Value::Missing("not known at both ends".to_string()),
                        |c| c.value.clone(),
                    )
            })
            .collect();
        s.push(vec![start.label(), end.label(), years.to_string()], values);
    }
    if s.rows.is_empty() {
        s.notes
            .push("no span: CAGR needs the same months known in two different years".to_string());
    }
    s
}

fn flow_shares_section(pair: &PairFlows, request: &Request) -> Section {
    let mut s = Section::new(
        "shares",
        "Shares of turnover",
        "X / (X + M) and M / (X + M); change in percentage points on the same months a year earlier",
        &["period"],
        &[
            ("exports' share", Quantity::Percent),
            ("imports' share", Quantity::Percent),
            ("exports' share change", Quantity::Points),
        ],
    );
    let export_share = series(pair, |p| p.exports.zip(&turnover_value(p), share));
    let import_share = series(pair, |p| p.imports.zip(&turnover_value(p), share));
    let change = growth::points_change(&export_share, request.allow_partial);
    for (i, p) in pair.periods.iter().enumerate() {
        s.push(
            vec![period_key(p)],
            vec![
                export_share[i].value.clone(),
                import_share[i].value.clone(),
                change[i].clone(),
            ],
        );
    }
    s
}

fn commodity_shares_section(pair: &PairFlows, request: &Request) -> Section {
    let mut s = Section::new(
        "commodity-shares",
        "Commodity shares of their flow",
        "x_k / X (the flow's TOTAL); change in percentage points on the same months a year earlier",
        &["period", "flow", "commodity"],
        &[
            ("value", Quantity::Money),
            ("share", Quantity::Percent),
            ("share change", Quantity::Points),
        ],
    );
    // Shares per (flow, commodity) across periods, for the change in points.
    let mut shares: BTreeMap<(Flow, Commodity), Vec<Point>> = BTreeMap::new();
    for p in &pair.periods {
        for flow in [Flow::Export, Flow::Import] {
            let whole = if flow == Flow::Export {
                &p.exports
            } else {
                &p.imports
            };
            // Only parts within the total have a share of it.
            let parts: Vec<(String, Decimal)> = p
                .parts
                .iter()
                .filter(|part| part.flow == flow && part.within_total)
                .map(|part| (part.commodity.code().to_string(), part.value))
                .collect();
            for part in p.parts.iter().filter(|part| part.flow == flow) {
                shares
                    .entry((flow, part.commodity.clone()))
                    .or_default()
                    .push(Point {
                        period: p.period,
                        value: whole.known().map_or_else(
                            || Value::Missing("no total".into()),
                            |w| share(part.value, w),
                        ),
                        months_covered: p.months_covered,
                    });
            }
            let Some(total) = whole.known() else {
                if !parts.is_empty() {
                    s.notes.push(format!(
                        "{} {}: shares need the flow's total, which is missing",
                        p.period,
                        flow.plural()
                    ));
                }
                continue;
            };
            let listed = match request.top {
                Some(n) => top_n(&parts, total, n),
                None => slices(&parts, total),
            };
            for slice in listed {
                let change = Commodity::parse(&slice.name)
                    .ok()
                    .and_then(|c| shares.get(&(flow, c)))
                    .map(|points| {
                        let changes = growth::points_change(points, request.allow_partial);
                        points
                            .iter()
                            .position(|pt| pt.period == p.period)
                            .and_then(|i| changes.get(i).cloned())
                            .unwrap_or(Value::Missing(String::new()))
                    })
                    .unwrap_or(Value::Missing("not a single commodity".into()));
                s.push(
                    vec![period_key(p), flow.plural().to_string(), slice.name.clone()],
                    vec![Value::Known(slice.value), slice.share, change],
                );
            }
        }
    }
    if s.rows.is_empty() {
        s.notes
            .push("no commodity rows beside the totals".to_string());
    }
    s
}

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

fn partner_shares_section(pairs: &[PairFlows], request: &Request) -> Section {
    let mut s = Section::new(
        "partners",
        &format!(
            "Partners' shares of the reporter's {}",
            flow_name(request.flow)
        ),
        "x_j / X, X = the reporter's World row when present, else the sum over country partners",
        &["period", "partner"],
        &[("value", Quantity::Money), ("share", Quantity::Percent)],
    );
    for pv in partner_values(pairs, request) {
        let sum: Decimal = pv.partners.iter().map(|p| p.1).sum();
        let whole = pv.world_row.unwrap_or(sum);
        if pv.world_row.is_some() {
            s.notes.push(format!(
                "{}: shares are of the World row; the listed partners add up to {} of it",
                pv.period,
                share(sum, whole)
                    .known()
                    .map_or("?".to_string(), |r| crate::number::percent(r, 1, false))
            ));
        }
        if !pv.excluded.is_empty() {
            s.notes.push(format!(
                "{}: aggregates left out: {} (--include-aggregates to keep them)",
                pv.period,
                pv.excluded.join(", ")
            ));
        }
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
        for slice in listed {
            s.push(
                vec![pv.period.label(), slice.name],
                vec![Value::Known(slice.value), slice.share],
            );
        }
    }
    s
}

fn hhi_columns() -> [(&'static str, Quantity); 4] {
    [
        ("N", Quantity::Count),
        ("HHI (0–1)", Quantity::Unit),
        ("HHI (0–10,000)", Quantity::Ten000),
        ("normalised HHI (0–1)", Quantity::Unit),
    ]
}

fn hhi_row(values: &[Decimal]) -> Vec<Value> {
    let h = hhi(values);
    vec![
        Value::Known(Decimal::from(h.parts as u64)),
        h.hhi,
        h.hhi_10000,
        h.normalised,
    ]
}

fn hhi_partners_section(pairs: &[PairFlows], request: &Request) -> Section {
    let mut s = Section::new(
        "hhi",
        &format!("Concentration of {} over partners", flow_name(request.flow)),
        "HHI = Σ s_j², s_j = x_j / Σx over country partners; normalised = (HHI − 1/N) / (1 − 1/N)",
        &["period"],
        &hhi_columns(),
    );
    for pv in partner_values(pairs, request) {
        let values: Vec<Decimal> = pv.partners.iter().map(|p| p.1).collect();
        s.push(vec![pv.period.label()], hhi_row(&values));
    }
    s
}

/// HS products of one level in a period's parts of `flow`; rows of a finer level are
/// rolled up by code prefix when the level itself is absent.
fn products(p: &PeriodFlows, flow: Flow, level: usize) -> BTreeMap<String, Decimal> {
    let hs: Vec<(&str, Decimal)> = p
        .parts
        .iter()
        .filter(|part| part.flow == flow)
        .filter_map(|part| match &part.commodity {
            Commodity::Hs(code) => Some((code.as_str(), part.value)),
            _ => None,
        })
        .collect();
    let source_level = if hs.iter().any(|(c, _)| c.len() == level) {
        Some(level)
    } else {
        hs.iter().map(|(c, _)| c.len()).filter(|l| *l > level).min()
    };
    let mut out = BTreeMap::new();
    if let Some(source) = source_level {
        for (code, value) in hs.into_iter().filter(|(c, _)| c.len() == source) {
            *out.entry(code[..level].to_string())
                .or_insert(Decimal::ZERO) += value;
        }
    }
    out
}

fn default_level<'a>(pairs: impl IntoIterator<Item = &'a PairFlows>) -> usize {
    pairs
        .into_iter()
        .flat_map(|pair| pair.periods.iter())
        .flat_map(|p| p.parts.iter())
        .filter_map(|part| part.commodity.hs_level())
        .min()
        .unwrap_or(2)
}

fn hhi_products_section(pair: &PairFlows, request: &Request) -> Section {
    let level = request.level.unwrap_or_else(|| default_level([pair]));
    let flow = match request.flow {
        FlowChoice::Imports => Flow::Import,
        _ => Flow::Export,
    };
    let mut s = Section::new(
        "hhi",
        &format!("Concentration of {} over HS{level} products", flow.plural()),
        "HHI = Σ s_k², s_k = x_k / Σx over the products; normalised = (HHI − 1/N) / (1 − 1/N)",
        &["period"],
        &hhi_columns(),
    );
    for p in &pair.periods {
        let values: Vec<Decimal> = products(p, flow, level).into_values().collect();
        if values.is_empty() {
            s.notes
                .push(format!("{}: no HS rows for {}", p.period, flow.plural()));
            continue;
        }
        s.push(vec![period_key(p)], hhi_row(&values));
    }
    s
}

fn gl_section(pair: &PairFlows, request: &Request) -> Section {
    let level = request.level.unwrap_or_else(|| default_level([pair]));
    let mut s = Section::new(
        "gl",
        &format!("Grubel-Lloyd intra-industry trade, HS{level}"),
        "GL_k = 1 − |X_k − M_k| / (X_k + M_k); all products: Σ(X_k + M_k − |X_k − M_k|) / Σ(X_k + M_k)",
        &["period", "product"],
        &[
            ("exports", Quantity::Money),
            ("imports", Quantity::Money),
            ("GL", Quantity::Ratio),
        ],
    );
    for p in &pair.periods {
        let x = products(p, Flow::Export, level);
        let m = products(p, Flow::Import, level);
        let codes: BTreeSet<&String> = x.keys().chain(m.keys()).collect();
        if codes.is_empty() {
            s.notes
                .push(format!("{}: no HS rows for exports or imports", p.period));
            continue;
        }
        let mut both = Vec::new();
        for code in codes {
            let xv = x.get(code).copied().unwrap_or(Decimal::ZERO);
            let mv = m.get(code).copied().unwrap_or(Decimal::ZERO);
            both.push((xv, mv));
            s.push(
                vec![period_key(p), code.clone()],
                vec![Value::Known(xv), Value::Known(mv), grubel_lloyd(xv, mv)],
            );
        }
        let xs: Decimal = both.iter().map(|b| b.0).sum();
        let ms: Decimal = both.iter().map(|b| b.1).sum();
        s.push(
            vec![period_key(p), "all products (trade-weighted)".to_string()],
            vec![
                Value::Known(xs),
                Value::Known(ms),
                grubel_lloyd_aggregate(&both),
            ],
        );
    }
    s.notes.push(
        "a product absent on one side counts as zero trade in that direction (GL = 0)".to_string(),
    );
    s
}

/// Every pair in the data, for indices that compare a reporter with the world.
struct World {
    pairs: Vec<PairFlows>,
}

impl World {
    fn new(pairs: Vec<PairFlows>) -> Result<World> {
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
                Some((code, level)) => products(p, Flow::Export, level).get(code).copied(),
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
            return Err(Error::Usage(format!(
                "{what} needs world totals: add rows with reporter WLD (World), or data for all \
                 reporters (as in BACI); this selection has only {} reporter(s)",
                self.reporters().len()
            )));
        }
        Ok(())
    }

    fn periods(&self) -> BTreeSet<Period> {
        self.pairs
            .iter()
            .flat_map(|p| p.periods.iter().map(|q| q.period))
            .collect()
    }

    fn rca_section(&self, reporter: &str, request: &Request) -> Result<Section> {
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
                .flat_map(|p| products(p, Flow::Export, level).into_keys())
                .map(|code| (code, Decimal::ZERO))
                .collect();
            for code in own.keys() {
                let Some(x) = self.exports(reporter, period, Some((code, level))) else {
                    continue;
                };
                let wx = self
                    .world_exports(period, Some((code, level)))
                    .unwrap_or(Decimal::ZERO);
                s.push(
                    vec![period.label(), code.clone()],
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

    fn intensity_section(&self, reporter: &str, partner: &str) -> Result<Section> {
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
            s.push(
                vec![period.label()],
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
