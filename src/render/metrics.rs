//! Renders a `MetricsReport`: one table per section with its formula (text or Markdown),
//! or tidy CSV / JSON with exact values.

use rust_decimal::Decimal;
use serde_json::json;

use super::table::{Align, Table};
use super::{DisplayUnit, Format};
use crate::metrics::Value;
use crate::metrics::request::MetricsReport;
use crate::metrics::section::{Quantity, Section};
use crate::number;

pub fn display_unit(report: &MetricsReport) -> DisplayUnit {
    let money = report.sections.iter().flat_map(|s| {
        s.rows.iter().flat_map(move |r| {
            r.values
                .iter()
                .zip(&s.columns)
                .filter(|(_, c)| matches!(c.quantity, Quantity::Money | Quantity::SignedMoney))
                .filter_map(|(v, _)| v.known())
        })
    });
    DisplayUnit::for_values(&report.currency, money)
}

pub fn render(report: &MetricsReport, format: Format, unit: &DisplayUnit) -> String {
    match format {
        Format::Table => text(report, unit, false),
        Format::Markdown => text(report, unit, true),
        Format::Csv => csv(report, unit),
        Format::Json => json(report, unit),
    }
}

const MISSING: &str = "—";

/// A value for reading: rounded per its quantity.
fn cell(v: &Value, q: Quantity, unit: &DisplayUnit) -> String {
    let Some(d) = v.known() else {
        return MISSING.to_string();
    };
    match q {
        Quantity::Money => unit.money(d, false),
        Quantity::SignedMoney => unit.money(d, true),
        Quantity::Percent => unit.percent(d, false),
        Quantity::Change => unit.percent(d, true),
        Quantity::Points => format!("{} pp", number::grouped(d, unit.percent_decimals, true)),
        Quantity::Ratio => number::grouped(d, 3, false),
        Quantity::Index => number::grouped(d, 1, false),
        Quantity::Unit => number::grouped(d, 4, false),
        Quantity::Ten000 => number::grouped(d, 0, false),
        Quantity::Count => number::grouped(d, 0, false),
    }
}

/// The exact value for machines, in the display unit for money.
fn exact(v: &Value, q: Quantity, unit: &DisplayUnit) -> Option<String> {
    v.known().map(|d| {
        let d: Decimal = match q {
            Quantity::Money | Quantity::SignedMoney => unit.scaled(d),
            _ => d,
        };
        d.normalize().to_string()
    })
}

fn unit_name(q: Quantity, unit: &DisplayUnit) -> String {
    match q {
        Quantity::Money | Quantity::SignedMoney => unit.unit.to_string(),
        Quantity::Percent | Quantity::Change | Quantity::Ratio | Quantity::Unit => "ratio".into(),
        Quantity::Points => "percentage points".into(),
        Quantity::Index => "index".into(),
        Quantity::Ten000 => "HHI 0-10000".into(),
        Quantity::Count => "count".into(),
    }
}

fn heading(report: &MetricsReport, unit: &DisplayUnit) -> String {
    match &report.partner {
        Some(p) => format!(
            "Trade of {} with {}, {}",
            crate::codes::label(&report.reporter),
            crate::codes::label(p),
            unit.unit
        ),
        None => format!(
            "Trade of {}, {}",
            crate::codes::label(&report.reporter),
            unit.unit
        ),
    }
}

fn section_table(s: &Section, unit: &DisplayUnit) -> Table {
    let mut headers: Vec<(&str, Align)> =
        s.keys.iter().map(|k| (k.as_str(), Align::Left)).collect();
    headers.extend(s.columns.iter().map(|c| (c.name.as_str(), Align::Right)));
    let mut t = Table::new(&headers);
    for r in &s.rows {
        let mut cells = r.keys.clone();
        cells.extend(
            r.values
                .iter()
                .zip(&s.columns)
                .map(|(v, c)| cell(v, c.quantity, unit)),
        );
        t.push(cells);
    }
    t
}

/// Reasons behind the dashes of a section, one line per distinct reason.
fn gaps(s: &Section) -> Vec<String> {
    let mut reasons: Vec<(String, Vec<String>)> = Vec::new();
    for r in &s.rows {
        for (v, c) in r.values.iter().zip(&s.columns) {
            if let Some(reason) = v.reason() {
                if reason.is_empty() {
                    continue;
                }
                let at = format!("{} {}", r.keys.join(" "), c.name);
                match reasons.iter_mut().find(|(text, _)| text == reason) {
                    Some((_, places)) => places.push(at),
                    None => reasons.push((reason.to_string(), vec![at])),
                }
            }
        }
    }
    reasons
        .into_iter()
        .take(12)
        .map(|(reason, places)| {
            let shown: Vec<String> = places.iter().take(4).cloned().collect();
            let more = if places.len() > 4 {
                format!(" and {} more", places.len() - 4)
            } else {
                String::new()
            };
            format!("{MISSING} {}{more}: {reason}", shown.join(", "))
        })
        .collect()
}

fn text(report: &MetricsReport, unit: &DisplayUnit, markdown: bool) -> String {
    let mut out = String::new();
    if markdown {
        out.push_str(&format!("## {}\n\n", heading(report, unit)));
    } else {
        out.push_str(&format!("{}\n", heading(report, unit)));
    }
    for s in &report.sections {
        if markdown {
            out.push_str(&format!("### {}\n\n`{}`\n\n", s.title, s.formula));
            out.push_str(&section_table(s, unit).to_markdown());
            out.push('\n');
            for n in s.notes.iter().chain(gaps(s).iter()) {
                out.push_str(&format!("- {n}\n"));
            }
        } else {
            out.push_str(&format!("\n{}\n  {}\n", s.title, s.formula));
            if s.rows.is_empty() {
                out.push_str("  (no rows)\n");
            } else {
                out.push_str(&section_table(s, unit).to_text());
            }
            for n in s.notes.iter().chain(gaps(s).iter()) {
                out.push_str(&format!("  {n}\n"));
            }
        }
    }
    out.push('\n');
    for n in notes(report) {
        out.push_str(&format!("{n}\n"));
    }
    out.push_str(&format!(
        "{}; ratios to 3 decimals, indices to 1, HHI (0–1) to 4\n",
        unit.rounding_note()
    ));
    out
}

fn csv(report: &MetricsReport, unit: &DisplayUnit) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["metric", "keys", "column", "value", "unit", "note"]);
    for s in &report.sections {
        for r in &s.rows {
            for (v, c) in r.values.iter().zip(&s.columns) {
                let keys = s
                    .keys
                    .iter()
                    .zip(&r.keys)
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(";");
                let _ = w.write_record([
                    s.metric.to_string(),
                    keys,
                    c.name.clone(),
                    exact(v, c.quantity, unit).unwrap_or_default(),
                    unit_name(c.quantity, unit),
                    v.reason().unwrap_or_default().to_string(),
                ]);
            }
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn json(report: &MetricsReport, unit: &DisplayUnit) -> String {
    let sections: Vec<serde_json::Value> = report
        .sections
        .iter()
        .map(|s| {
            let rows: Vec<serde_json::Value> = s
                .rows
                .iter()
                .map(|r| {
                    let keys: serde_json::Map<String, serde_json::Value> = s
                        .keys
                        .iter()
                        .zip(&r.keys)
                        .map(|(k, v)| (k.clone(), json!(v)))
                        .collect();
                    let values: serde_json::Map<String, serde_json::Value> = s
                        .columns
                        .iter()
                        .zip(&r.values)
                        .map(|(c, v)| {
                            (
                                c.name.clone(),
                                json!({
                                    "value": exact(v, c.quantity, unit),
                                    "unit": unit_name(c.quantity, unit),
                                    "missing": v.reason(),
                                }),
                            )
                        })
                        .collect();
                    json!({ "keys": keys, "values": values })
                })
                .collect();
            json!({
                "metric": s.metric,
                "title": s.title,
                "formula": s.formula,
                "rows": rows,
                "notes": s.notes,
            })
        })
        .collect();
    let doc = json!({
        "format_version": super::FORMAT_VERSION,
        "reporter": report.reporter,
        "partner": report.partner,
        "unit": unit.unit.to_string(),
        "sections": sections,
        "notes": notes(report),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// The report's notes, and what was left out of it.
fn notes(report: &MetricsReport) -> Vec<String> {
    let mut notes = report.notes.clone();
    if report.rejected_rows > 0 {
        notes.push(format!(
            "{} rejected row(s) are NOT included (listed on stderr; --strict makes them an error)",
            report.rejected_rows
        ));
    }
    notes
}
