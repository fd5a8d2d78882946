//! What each chart kind shows: a `Chart` (title, subtitle, unit, source, body) built
//! from the same flows and metrics as `summary` and `metrics` — the words of a chart.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{Body, Chart, Series, palette};
use crate::codes::display_name;
use crate::error::{Error, Result};
use crate::flows::{PairFlows, pair_flows};
use crate::frame::{Selection, TradeFrame};
use crate::ingest::Dataset;
use crate::metrics::Value;
use crate::metrics::composition::{Composition, Gap};
use crate::metrics::periods::By;
use crate::metrics::request::{FlowChoice, Metric, Over, Request, partners};
use crate::metrics::shares::Slice;
use crate::metrics::summary::{PairSummary, PeriodSummary};
use crate::model::{Flow, Period};
use crate::render::DisplayUnit;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Exports and imports per period, grouped bars.
    Flows,
    /// Turnover over time as a line, with year-over-year growth labels.
    Turnover,
    /// The balance per period, bars diverging from zero.
    Balance,
    /// Commodity shares of a flow per period, 100% stacked bars (top N + others).
    Composition,
    /// A reporter's top partners, horizontal bars with shares.
    Partners,
    /// The reporter's exports against the partner's reported imports (÷ 1.06, CIF → FOB).
    Mirror,
}

/// The economies every row a chart of `kind` draws from involves: the pair's, or for the
/// partners chart the reporter's (what a BACI file may be filtered to as it is read).
pub fn involving(kind: ChartKind, selection: &Selection) -> Vec<String> {
    match kind {
        ChartKind::Partners => selection.reporter.iter().cloned().collect(),
        _ => selection.economies(),
    }
}

/// What shapes a chart besides its data and kind.
#[derive(Clone, Debug, Default)]
pub struct ChartOptions {
    pub source: Option<String>,
    pub by: Option<By>,
    pub flow: Option<FlowChoice>,
    pub top: usize,
    pub allow_partial: bool,
    /// Roll HS codes up to this level before charting composition.
    pub level: Option<usize>,
}

/// Builds the chart of `kind` for the selection (the library entry point reports use too).
pub fn build(
    dataset: &Dataset,
    frame: &TradeFrame,
    selection: &Selection,
    kind: ChartKind,
    opts: &ChartOptions,
) -> Result<Chart> {
    match kind {
        ChartKind::Partners => partners_chart(dataset, frame, selection, opts),
        ChartKind::Mirror => mirror_chart(dataset, frame, selection, opts),
        kind => pair_chart(dataset, frame, selection, kind, opts),
    }
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// The source line under a chart: the one given, or the data's sources of `reporter`'s
/// trade with `partner` (either may be open).
fn sources(
    dataset: &Dataset,
    reporter: Option<&str>,
    partner: Option<&str>,
    given: &Option<String>,
) -> String {
    if let Some(s) = given {
        return format!("Source: {s}. Chart: tradestat");
    }
    let list = dataset.sources(reporter, partner);
    if list.is_empty() {
        "Source: not stated in the data (give --source). Chart: tradestat".to_string()
    } else {
        format!("Source: {}. Chart: tradestat", list.join("; "))
    }
}

fn span(periods: &[Period]) -> String {
    match (periods.first(), periods.last()) {
        (Some(a), Some(b)) if a == b => a.describe(),
        (Some(a), Some(b)) => format!("{} to {}", a.describe(), b.describe()),
        _ => String::new(),
    }
}

/// A pair's flows and summary for the periods a chart shows, with what every pair chart
/// says around its body.
struct PairView {
    flows: PairFlows,
    summary: PairSummary,
    unit: DisplayUnit,
    categories: Vec<String>,
    /// Reporter and partner as people name them.
    reporter: String,
    partner: String,
    /// The span of the periods shown ("2018 to 2019").
    when: String,
    source: String,
}

impl PairView {
    fn new(
        dataset: &Dataset,
        frame: &TradeFrame,
        selection: &Selection,
        args: &ChartOptions,
    ) -> Result<PairView> {
        let mut flows = pair_flows(dataset, frame, selection, args.by, args.level)?;
        // A partial period would look like a collapse: leave it out unless asked, and say so.
        let mut left_out = Vec::new();
        if !args.allow_partial {
            flows.periods.retain(|p| {
                if p.is_partial() && shown(&selection.periods, p.period) {
                    left_out.push(format!(
                        "{} ({} of {} months in the data)",
                        p.period,
                        p.months_covered,
                        p.period.months()
                    ));
                }
                !p.is_partial()
            });
        }
        // Growth is computed on every period, then the periods asked for are shown.
        let mut summary = PairSummary::from_flows(&flows);
        summary.show_only(&selection.periods);
        flows
            .periods
            .retain(|p| shown(&selection.periods, p.period));
        let periods: Vec<Period> = summary.periods.iter().map(|p| p.period).collect();
        let categories = (flows.periods.iter())
            .map(|fl| {
                if fl.is_partial() {
                    format!("{} (partial)", fl.period)
                } else {
                    fl.period.label()
                }
            })
            .collect();
        let mut source = sources(
            dataset,
            Some(&flows.reporter),
            Some(&flows.partner),
            &args.source,
        );
        if !left_out.is_empty() {
            source = format!("Left out as partial: {}. {source}", left_out.join(", "));
        }
        Ok(PairView {
            unit: crate::render::summary::display_unit(&summary),
            reporter: display_name(&summary.reporter),
            partner: display_name(&summary.partner),
            when: span(&periods),
            categories,
            source,
            flows,
            summary,
        })
    }

    /// Bar heights in the display unit (floats only place pixels).
    fn heights(&self, value: impl Fn(&PeriodSummary) -> &Value) -> Vec<Option<f64>> {
        (self.summary.periods.iter())
            .map(|s| value(s).known().map(|d| f(self.unit.scaled(d))))
            .collect()
    }

    /// Labels from the exact values.
    fn labels(&self, value: impl Fn(&PeriodSummary) -> &Value, plus: bool) -> Vec<Option<String>> {
        (self.summary.periods.iter())
            .map(|s| value(s).known().map(|d| self.unit.money(d, plus)))
            .collect()
    }

    /// A note under each period whose `value` is missing, saying why.
    fn gaps(&self, missing: impl Fn(&PeriodSummary) -> bool) -> Vec<Option<String>> {
        (self.summary.periods.iter().zip(&self.flows.periods))
            .map(|(s, fl)| missing(s).then(|| gap_note(fl, &self.unit)))
            .collect()
    }
}

fn pair_chart(
    dataset: &Dataset,
    frame: &TradeFrame,
    selection: &Selection,
    kind: ChartKind,
    args: &ChartOptions,
) -> Result<Chart> {
    let view = PairView::new(dataset, frame, selection, args)?;
    match kind {
        ChartKind::Flows => Ok(flows_chart(view)),
        ChartKind::Turnover => Ok(turnover_chart(view)),
        ChartKind::Balance => Ok(balance_chart(view)),
        ChartKind::Composition => {
            composition(&view.flows, args, view.categories, view.source, &view.when)
        }
        ChartKind::Partners | ChartKind::Mirror => unreachable_partners(),
    }
}

fn flows_chart(v: PairView) -> Chart {
    let (r, p) = (&v.reporter, &v.partner);
    let series = vec![
        Series {
            name: format!("Exports to {p}"),
            color: palette::EXPORTS,
            values: v.heights(|s| &s.exports),
            labels: v.labels(|s| &s.exports, false),
        },
        Series {
            name: format!("Imports from {p}"),
            color: palette::IMPORTS,
            values: v.heights(|s| &s.imports),
            labels: v.labels(|s| &s.imports, false),
        },
    ];
    let gaps = v.gaps(|s| s.exports.known().is_none() && s.imports.known().is_none());
    Chart {
        title: format!("Trade of {r} with {p}: exports and imports"),
        subtitle: format!("As reported by {r}, {}, {}", v.when, v.unit.unit),
        value_axis: v.unit.unit.to_string(),
        category_axis: "Period".into(),
        source: v.source,
        body: Body::Bars {
            categories: v.categories,
            series,
            gaps,
        },
    }
}

fn turnover_chart(v: PairView) -> Chart {
    let series = Series {
        name: "Turnover".into(),
        color: palette::TURNOVER,
        values: v.heights(|s| &s.turnover),
        labels: v.labels(|s| &s.turnover, false),
    };
    let secondary = (v.summary.periods.iter())
        .map(|s| (s.turnover_yoy.known()).map(|g| format!("{} YoY", v.unit.percent(g, true))))
        .collect();
    Chart {
        title: format!("Trade turnover of {} with {}", v.reporter, v.partner),
        subtitle: format!(
            "Exports + imports, {}, {}; under the points, where they fit: change on a year earlier",
            v.when, v.unit.unit
        ),
        value_axis: v.unit.unit.to_string(),
        category_axis: "Period".into(),
        source: v.source,
        body: Body::Line {
            categories: v.categories,
            series,
            secondary,
        },
    }
}

fn balance_chart(v: PairView) -> Chart {
    let values = v.heights(|s| &s.balance);
    let labels = v.labels(|s| &s.balance, true);
    let gaps = v.gaps(|s| s.balance.known().is_none());
    Chart {
        title: format!("Trade balance of {} with {}", v.reporter, v.partner),
        subtitle: format!(
            "Exports − imports (above zero: {}'s surplus), {}, {}",
            v.reporter, v.when, v.unit.unit
        ),
        value_axis: v.unit.unit.to_string(),
        category_axis: "Period".into(),
        source: v.source,
        body: Body::Diverging {
            categories: v.categories,
            values,
            labels,
            gaps,
        },
    }
}

/// Whether `period` is among those asked for (all are when none is named).
fn shown(asked: &[Period], period: Period) -> bool {
    asked.is_empty() || asked.contains(&period)
}

/// Why a period has no bar.
fn gap_note(p: &crate::flows::PeriodFlows, unit: &DisplayUnit) -> String {
    match p.published_turnover {
        Some(t) if p.exports.known().is_none() || p.imports.known().is_none() => {
            format!("split not published (total {})", unit.money(t, false))
        }
        _ => "not published".to_string(),
    }
}

fn unreachable_partners() -> Result<Chart> {
    Err(Error::Options(
        "the partners chart is drawn per reporter".into(),
    ))
}

fn composition(
    flows: &PairFlows,
    args: &ChartOptions,
    categories: Vec<String>,
    source: String,
    when: &str,
) -> Result<Chart> {
    let flow = match args.flow {
        Some(FlowChoice::Imports) => Flow::Import,
        Some(FlowChoice::Turnover) => {
            return Err(Error::Options(
                "a composition chart is of exports or imports (--flow exports|imports)".into(),
            ));
        }
        _ => Flow::Export,
    };
    let Some(c) = Composition::of(flows, flow, args.top) else {
        return Err(Error::NothingToShow(format!(
            "no commodity rows for {} of {} with {}: a composition chart needs rows other than TOTAL",
            flow.plural(),
            flows.reporter,
            flows.partner
        )));
    };
    let mut parts: Vec<(String, plotters::style::RGBColor, Vec<Decimal>)> = (c.shown.iter())
        .enumerate()
        .map(|(i, commodity)| {
            (
                crate::codes::product_label(commodity),
                palette::CYCLE[i % palette::CYCLE.len()],
                c.shares.iter().map(|period| period[i]).collect(),
            )
        })
        .collect();
    if c.other.iter().any(|o| *o > Decimal::ZERO) {
        parts.push(("other".to_string(), palette::OTHERS, c.other.clone()));
    }
    let gaps = (c.gaps.iter())
        .map(|g| {
            g.map(|g| match g {
                Gap::NoTotal => format!("no {} total", flow.plural()),
                Gap::NoBreakdown => "no breakdown".to_string(),
            })
        })
        .collect();
    let (r, p) = (
        &display_name(&flows.reporter),
        &display_name(&flows.partner),
    );
    let what = if flow == Flow::Import {
        format!("What {r} imports from {p}")
    } else {
        format!("What {r} exports to {p}")
    };
    Ok(Chart {
        title: what,
        subtitle: format!("Share of each commodity in {}, {when}", flow.plural()),
        value_axis: format!("Share of {}", flow.plural()),
        category_axis: "Period".into(),
        source,
        body: Body::Stacked {
            categories,
            parts,
            gaps,
        },
    })
}

fn partners_chart(
    dataset: &Dataset,
    frame: &TradeFrame,
    selection: &Selection,
    args: &ChartOptions,
) -> Result<Chart> {
    let flow = args.flow.unwrap_or(FlowChoice::Turnover);
    let selection = selection.clone();
    let mut periods = selection.periods.clone();
    if periods.is_empty() {
        let reporter = Selection {
            partner: None,
            ..selection.clone()
        };
        periods = crate::flows::latest_year(frame, &reporter)?
            .into_iter()
            .collect();
    }
    let request = Request {
        metrics: vec![Metric::Partners],
        by: args.by,
        allow_partial: false,
        flow,
        top: Some(args.top.max(1)),
        over: Over::Partners,
        base: None,
        include_aggregates: false,
        level: None,
    };
    let select = Selection {
        partner: None,
        periods: periods.clone(),
        ..selection
    };
    let found = partners(frame, &select, &request)?;
    // One period is charted; its listed partners, largest first.
    let (listed, rest): (Vec<&Slice>, Vec<&Slice>) = (found.periods.iter())
        .flat_map(|p| &p.listed)
        .partition(|s| !s.remainder);
    // The scale fits the partners drawn; the rest is stated, not drawn.
    let unit = DisplayUnit::for_values(&found.currency, listed.iter().map(|s| s.value));
    let label = |slice: &Slice| {
        let share = (slice.share.known())
            .map(|s| format!(" ({})", unit.percent(s, false)))
            .unwrap_or_default();
        format!("{}{share}", unit.money(slice.value, false))
    };
    let mut names = Vec::new();
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for slice in &listed {
        names.push(display_name(&slice.name));
        bars.push(f(unit.scaled(slice.value)));
        labels.push(label(slice));
    }
    let remainder = (rest.first()).map(|s| (s.name.clone(), format!("{} — not drawn", label(s))));
    if names.is_empty() {
        return Err(Error::NothingToShow(format!(
            "no partners with {} in {}",
            flow.name(),
            span(&periods)
        )));
    }
    let r = &display_name(&found.reporter);
    Ok(Chart {
        title: format!("{r}'s main trading partners"),
        subtitle: format!(
            "{} by partner, {}, {}; in brackets: share of {r}'s total",
            capitalise(flow.name()),
            span(&periods),
            unit.unit
        ),
        value_axis: unit.unit.to_string(),
        category_axis: "Partner".into(),
        source: sources(dataset, Some(&found.reporter), None, &args.source),
        body: Body::Horizontal {
            names,
            values: bars,
            labels,
            color: match flow {
                FlowChoice::Exports => palette::EXPORTS,
                FlowChoice::Imports => palette::IMPORTS,
                FlowChoice::Turnover => palette::TURNOVER,
            },
            remainder,
        },
    })
}

fn mirror_chart(
    dataset: &Dataset,
    frame: &TradeFrame,
    selection: &Selection,
    opts: &ChartOptions,
) -> Result<Chart> {
    let (Some(a), Some(b)) = (&selection.reporter, &selection.partner) else {
        return Err(Error::Options(
            "a mirror chart needs --reporter and --partner".into(),
        ));
    };
    let factor: Decimal = crate::metrics::mirror::DEFAULT_CIF_FOB
        .parse()
        .unwrap_or(Decimal::ONE);
    let m = crate::metrics::mirror::mirror(frame, a, b, &selection.periods, factor)?;
    if m.a_to_b.is_empty() {
        return Err(Error::NothingToShow(format!(
            "no trade from {a} to {b} reported by either side"
        )));
    }
    let unit = DisplayUnit::for_values(
        &m.currency,
        m.a_to_b
            .iter()
            .flat_map(|r| [r.exports_reported.known(), r.imports_fob.known()])
            .flatten(),
    );
    let (an, bn) = (display_name(&m.a), display_name(&m.b));
    let periods: Vec<Period> = m.a_to_b.iter().map(|r| r.period).collect();
    let money = |v: &Value| v.known().map(|d| f(unit.scaled(d)));
    let label = |v: &Value| v.known().map(|d| unit.money(d, false));
    Ok(Chart {
        title: format!("Trade from {an} to {bn}, as each side reports it"),
        subtitle: format!(
            "{an}'s exports (FOB) and {bn}'s imports ÷ {factor} (CIF → FOB), {}, {}",
            span(&periods),
            unit.unit
        ),
        value_axis: unit.unit.to_string(),
        category_axis: "Period".into(),
        source: sources(dataset, None, None, &opts.source),
        body: Body::Bars {
            categories: periods.iter().map(Period::label).collect(),
            series: vec![
                Series {
                    name: format!("Exports reported by {an}"),
                    color: palette::REPORTED,
                    values: m
                        .a_to_b
                        .iter()
                        .map(|r| money(&r.exports_reported))
                        .collect(),
                    labels: m
                        .a_to_b
                        .iter()
                        .map(|r| label(&r.exports_reported))
                        .collect(),
                },
                Series {
                    name: format!("Imports reported by {bn} (FOB)"),
                    color: palette::MIRROR,
                    values: m.a_to_b.iter().map(|r| money(&r.imports_fob)).collect(),
                    labels: m.a_to_b.iter().map(|r| label(&r.imports_fob)).collect(),
                },
            ],
            gaps: vec![None; periods.len()],
        },
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |first| {
        first.to_uppercase().collect::<String>() + c.as_str()
    })
}
