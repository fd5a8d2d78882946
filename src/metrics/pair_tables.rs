//! The tables of one pair's metrics: flows (with coverage and relative balance), growth
//! (year over year, period over period, multiple, index, CAGR), shares, HHI over products
//! and Grubel-Lloyd. Every number comes from the sibling modules' functions.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::concentration::hhi;
use super::growth::{self, Point};
use super::indices::{grubel_lloyd, grubel_lloyd_aggregate};
use super::request::{FlowChoice, Metric, Request};
use super::section::{Quantity, Section};
use super::shares::{slices, top_n};
use super::summary::turnover_value;
use super::{Value, balance, coverage, relative_balance, share};
use crate::flows::{PairFlows, PeriodFlows, default_level};
use crate::model::{Commodity, Flow, Period};

pub(super) const FLOW_COLUMNS: [&str; 3] = ["exports", "imports", "turnover"];

pub(super) fn series(pair: &PairFlows, f: impl Fn(&PeriodFlows) -> Value) -> Vec<Point> {
    pair.periods
        .iter()
        .map(|p| Point {
            period: p.period,
            value: f(p),
            months_covered: p.months_covered,
        })
        .collect()
}

pub(super) fn period_key(p: &PeriodFlows) -> String {
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

pub(super) fn flows_section(pair: &PairFlows) -> Section {
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
        let balance = p
            .exports
            .zip(&p.imports, |x, m| Value::Known(balance(x, m)));
        let coverage = p.exports.zip(&p.imports, coverage);
        let relative = p.exports.zip(&p.imports, relative_balance);
        s.push_period(
            p.period,
            period_key(p),
            vec![],
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

pub(super) fn growth_section(pair: &PairFlows, request: &Request, metric: Metric) -> Section {
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
        s.push_period(p.period, period_key(p), vec![], values);
    }
    s
}

pub(super) fn cagr_section(pair: &PairFlows, request: &Request) -> Section {
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

pub(super) fn flow_shares_section(pair: &PairFlows, request: &Request) -> Section {
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
        s.push_period(
            p.period,
            period_key(p),
            vec![],
            vec![
                export_share[i].value.clone(),
                import_share[i].value.clone(),
                change[i].clone(),
            ],
        );
    }
    s
}

pub(super) fn commodity_shares_section(pair: &PairFlows, request: &Request) -> Section {
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
                s.push_period(
                    p.period,
                    period_key(p),
                    vec![flow.plural().to_string(), slice.name.clone()],
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

pub(super) fn hhi_columns() -> [(&'static str, Quantity); 4] {
    [
        ("N", Quantity::Count),
        ("HHI (0–1)", Quantity::Unit),
        ("HHI (0–10,000)", Quantity::Ten000),
        ("normalised HHI (0–1)", Quantity::Unit),
    ]
}

pub(super) fn hhi_row(values: &[Decimal]) -> Vec<Value> {
    let h = hhi(values);
    vec![
        Value::Known(Decimal::from(h.parts as u64)),
        h.hhi,
        h.hhi_10000,
        h.normalised,
    ]
}

pub(super) fn hhi_products_section(pair: &PairFlows, request: &Request) -> Section {
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
        let values: Vec<Decimal> = p.products(flow, level).into_values().collect();
        if values.is_empty() {
            s.notes
                .push(format!("{}: no HS rows for {}", p.period, flow.plural()));
            continue;
        }
        s.push_period(p.period, period_key(p), vec![], hhi_row(&values));
    }
    s
}

pub(super) fn gl_section(pair: &PairFlows, request: &Request) -> Section {
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
        let x = p.products(Flow::Export, level);
        let m = p.products(Flow::Import, level);
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
            s.push_period(
                p.period,
                period_key(p),
                vec![code.clone()],
                vec![Value::Known(xv), Value::Known(mv), grubel_lloyd(xv, mv)],
            );
        }
        let xs: Decimal = both.iter().map(|b| b.0).sum();
        let ms: Decimal = both.iter().map(|b| b.1).sum();
        s.push_period(
            p.period,
            period_key(p),
            vec!["all products (trade-weighted)".to_string()],
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
