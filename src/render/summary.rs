//! Renders a `PairSummary` as a table (text or Markdown), tidy CSV or JSON.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::{Map, Value as Json, json};

use super::table::{Align, Table};
use super::{DisplayUnit, Format};
use crate::metrics::Value;
use crate::metrics::summary::{PairSummary, PeriodSummary};
use crate::model::{Commodity, Period};

/// What the reader needs besides the numbers.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub sources: Vec<String>,
    pub rejected_rows: usize,
}

pub fn display_unit(summary: &PairSummary) -> DisplayUnit {
    let values = summary
        .periods
        .iter()
        .flat_map(|p| [&p.exports, &p.imports, &p.turnover])
        .filter_map(Value::known)
        .chain(summary.parts.iter().map(|p| p.value));
    DisplayUnit::for_values(&summary.currency, values)
}

pub fn render(
    summary: &PairSummary,
    format: Format,
    unit: &DisplayUnit,
    context: &Context,
) -> String {
    match format {
        Format::Table => text(summary, unit, context, false),
        Format::Markdown => text(summary, unit, context, true),
        Format::Csv => csv(summary, unit),
        Format::Json => json(summary, unit, context),
    }
}

const MISSING: &str = "—";

fn cell_money(v: &Value, unit: &DisplayUnit, plus: bool) -> String {
    v.known()
        .map_or_else(|| MISSING.to_string(), |d| unit.money(d, plus))
}

fn cell_percent(v: &Value, unit: &DisplayUnit, plus: bool) -> String {
    v.known()
        .map_or_else(|| MISSING.to_string(), |d| unit.percent(d, plus))
}

fn title(summary: &PairSummary, unit: &DisplayUnit) -> String {
    use crate::codes::{display_name, label};
    format!(
        "Trade of {} with {} (as reported by {}), {}",
        label(&summary.reporter),
        label(&summary.partner),
        display_name(&summary.reporter),
        unit.unit
    )
}

/// The summary's tables and notes, for any renderer (text, Markdown, HTML).
pub struct Parts {
    pub title: String,
    pub flows: Table,
    pub breakdown: Option<Table>,
    /// One line per period and reason for each dash, then derivation notes.
    pub gaps: Vec<String>,
    pub notes: Vec<String>,
}

pub fn parts(summary: &PairSummary, unit: &DisplayUnit, context: &Context) -> Parts {
    let (flows, gaps) = flows_table(summary, unit);
    Parts {
        title: title(summary, unit),
        flows,
        breakdown: (!summary.parts.is_empty()).then(|| breakdown_table(summary, unit)),
        gaps: gap_lines(&gaps),
        notes: notes(summary, unit, context),
    }
}

/// The flows per period, and (period, measure, reason) for every dash in it.
fn flows_table<'a>(
    summary: &'a PairSummary,
    unit: &DisplayUnit,
) -> (Table, Vec<(String, &'static str, &'a str)>) {
    let mut flows = Table::new(&[
        ("period", Align::Left),
        ("exports", Align::Right),
        ("imports", Align::Right),
        ("turnover", Align::Right),
        ("balance", Align::Right),
        ("turnover YoY", Align::Right),
        ("exports/turnover", Align::Right),
    ]);
    let mut gaps = Vec::new();
    for p in &summary.periods {
        let label = p.period.label();
        for (name, v) in [
            ("exports", &p.exports),
            ("imports", &p.imports),
            ("turnover", &p.turnover),
            ("balance", &p.balance),
            ("turnover YoY", &p.turnover_yoy),
            ("exports/turnover", &p.exports_share_of_turnover),
        ] {
            if let Some(r) = v.reason() {
                gaps.push((label.clone(), name, r));
            }
        }
        flows.push(vec![
            label,
            cell_money(&p.exports, unit, false),
            cell_money(&p.imports, unit, false),
            cell_money(&p.turnover, unit, false),
            cell_money(&p.balance, unit, true),
            cell_percent(&p.turnover_yoy, unit, true),
            cell_percent(&p.exports_share_of_turnover, unit, false),
        ]);
    }
    (flows, gaps)
}

fn breakdown_table(summary: &PairSummary, unit: &DisplayUnit) -> Table {
    let mut parts = Table::new(&[
        ("period", Align::Left),
        ("flow", Align::Left),
        ("commodity", Align::Left),
        ("value", Align::Right),
        ("share of flow", Align::Right),
    ]);
    for part in &summary.parts {
        let what = match &part.commodity {
            Commodity::Total => part.flow.plural().to_string(),
            c => crate::codes::product_label(c),
        };
        let of = match part.flow {
            crate::model::Flow::ReExport => "exports",
            crate::model::Flow::ReImport => "imports",
            f => f.plural(),
        };
        parts.push(vec![
            part.period.label(),
            of.to_string(),
            what,
            unit.money(part.value, false),
            cell_percent(&part.share_of_flow, unit, false),
        ]);
    }
    parts
}

/// One line per period and reason, listing the measures it blanks.
fn gap_lines(gaps: &[(String, &str, &str)]) -> Vec<String> {
    let mut grouped: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    let mut order: Vec<(&str, &str)> = Vec::new();
    for (period, measure, reason) in gaps {
        let key = (period.as_str(), *reason);
        if !grouped.contains_key(&key) {
            order.push(key);
        }
        grouped.entry(key).or_default().push(measure);
    }
    const SHOWN: usize = 24;
    let mut lines: Vec<String> = order
        .iter()
        .take(SHOWN)
        .map(|key| {
            let measures = grouped.get(key).map(|m| m.join(", ")).unwrap_or_default();
            format!("{} {measures}: {}", key.0, key.1)
        })
        .collect();
    if order.len() > SHOWN {
        lines.push(format!(
            "... and {} more (all reasons are in --format json)",
            order.len() - SHOWN
        ));
    }
    lines
}

fn notes(summary: &PairSummary, unit: &DisplayUnit, context: &Context) -> Vec<String> {
    let mut notes: Vec<String> = summary.notes.clone();
    notes.push(unit.rounding_note());
    if !context.sources.is_empty() {
        notes.push(format!("source: {}", context.sources.join("; ")));
    }
    if context.rejected_rows > 0 {
        notes.push(format!(
            "{} rejected row(s) are NOT included (listed on stderr; --strict makes them an error)",
            context.rejected_rows
        ));
    }
    notes
}

fn text(summary: &PairSummary, unit: &DisplayUnit, context: &Context, markdown: bool) -> String {
    let parts = parts(summary, unit, context);
    let render = |t: &Table| {
        if markdown {
            t.to_markdown()
        } else {
            t.to_text()
        }
    };
    let mut out = String::new();
    if markdown {
        out.push_str(&format!("## {}\n\n", parts.title));
    } else {
        out.push_str(&format!("{}\n\n", parts.title));
    }
    out.push_str(&render(&parts.flows));
    if let Some(b) = &parts.breakdown {
        out.push_str(if markdown {
            "\n### Breakdown (each part's share of its flow)\n\n"
        } else {
            "\nBreakdown (each part's share of its flow)\n"
        });
        out.push_str(&render(b));
    }
    out.push('\n');
    let mut lines = Vec::new();
    if !parts.gaps.is_empty() {
        lines.push(format!("{MISSING} not available:"));
        lines.extend(parts.gaps.iter().map(|g| format!("  {g}")));
    }
    lines.extend(parts.notes.iter().cloned());
    for n in lines {
        if markdown {
            out.push_str(&format!("{}\n\n", n.trim_start().replace('\n', " ")));
        } else {
            out.push_str(&n);
            out.push('\n');
        }
    }
    out
}

fn exact(v: Decimal) -> String {
    v.normalize().to_string()
}

/// The measures of each period in the tidy CSV: name, flow, whether it is money (scaled
/// to the display unit) or a ratio, and where it is.
type PeriodMeasure = (
    &'static str,
    &'static str,
    bool,
    fn(&PeriodSummary) -> &Value,
);
const PERIOD_MEASURES: [PeriodMeasure; 6] = [
    ("exports", "export", true, |p| &p.exports),
    ("imports", "import", true, |p| &p.imports),
    ("turnover", "", true, |p| &p.turnover),
    ("balance", "", true, |p| &p.balance),
    ("turnover_yoy", "", false, |p| &p.turnover_yoy),
    ("exports_share_of_turnover", "export", false, |p| {
        &p.exports_share_of_turnover
    }),
];

fn csv(summary: &PairSummary, unit: &DisplayUnit) -> String {
    let money = unit.unit.to_string();
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail; an error here would be a bug in the csv crate.
    let _ = w.write_record([
        "reporter",
        "partner",
        "period",
        "measure",
        "flow",
        "commodity",
        "value",
        "unit",
        "note",
    ]);
    let mut push = |period: &Period,
                    measure: &str,
                    flow: &str,
                    commodity: &str,
                    v: Value,
                    money_unit: bool| {
        let (value, note) = match v {
            Value::Known(d) => (exact(d), String::new()),
            Value::Missing(r) => (String::new(), r),
        };
        let unit_name = if money_unit { money.as_str() } else { "ratio" };
        let _ = w.write_record([
            summary.reporter.as_str(),
            summary.partner.as_str(),
            &period.label(),
            measure,
            flow,
            commodity,
            &value,
            unit_name,
            &note,
        ]);
    };
    let scaled = |v: &Value| match v {
        Value::Known(d) => Value::Known(unit.scaled(*d)),
        m => m.clone(),
    };
    for p in &summary.periods {
        for (measure, flow, is_money, of) in PERIOD_MEASURES {
            let v = if is_money {
                scaled(of(p))
            } else {
                of(p).clone()
            };
            push(&p.period, measure, flow, "TOTAL", v, is_money);
        }
    }
    for part in &summary.parts {
        let (flow, commodity) = (part.flow.as_str(), part.commodity.code());
        let value = Value::Known(unit.scaled(part.value));
        push(&part.period, "part", flow, commodity, value, true);
        let share = part.share_of_flow.clone();
        push(
            &part.period,
            "part_share_of_flow",
            flow,
            commodity,
            share,
            false,
        );
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn json(summary: &PairSummary, unit: &DisplayUnit, context: &Context) -> String {
    let money = |v: &Value| {
        v.known()
            .map(|d| Json::String(exact(unit.scaled(d))))
            .unwrap_or(Json::Null)
    };
    let ratio = |v: &Value| {
        v.known()
            .map(|d| Json::String(exact(d)))
            .unwrap_or(Json::Null)
    };
    let periods: Vec<Json> = summary
        .periods
        .iter()
        .map(|p| {
            let mut missing = Map::new();
            for (name, v) in [
                ("exports", &p.exports),
                ("imports", &p.imports),
                ("turnover", &p.turnover),
                ("balance", &p.balance),
                ("turnover_yoy", &p.turnover_yoy),
                ("exports_share_of_turnover", &p.exports_share_of_turnover),
            ] {
                if let Some(r) = v.reason() {
                    missing.insert(name.to_string(), Json::String(r.to_string()));
                }
            }
            json!({
                "period": p.period.label(),
                "months": p.period.months(),
                "exports": money(&p.exports),
                "imports": money(&p.imports),
                "turnover": money(&p.turnover),
                "balance": money(&p.balance),
                "turnover_yoy": ratio(&p.turnover_yoy),
                "exports_share_of_turnover": ratio(&p.exports_share_of_turnover),
                "missing": missing,
            })
        })
        .collect();
    let parts: Vec<Json> = summary
        .parts
        .iter()
        .map(|p| {
            json!({
                "period": p.period.label(),
                "flow": p.flow.as_str(),
                "commodity": p.commodity.code(),
                "value": exact(unit.scaled(p.value)),
                "share_of_flow": ratio(&p.share_of_flow),
                "missing": p.share_of_flow.reason(),
            })
        })
        .collect();
    let doc = json!({
        "format_version": super::FORMAT_VERSION,
        "reporter": summary.reporter,
        "partner": summary.partner,
        "unit": unit.unit.to_string(),
        "ratios": "fractions (0.5 = 50%), 28 significant digits, not rounded",
        "periods": periods,
        "parts": parts,
        "notes": summary.notes,
        "sources": context.sources,
        "rejected_rows": context.rejected_rows,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
