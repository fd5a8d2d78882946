//! Mirror statistics as people and scripts read them: a table per direction (or
//! Markdown), tidy CSV, JSON; values scaled exactly to the display unit.

use rust_decimal::Decimal;
use serde_json::json;

use crate::codes::label;
use crate::metrics::Value;
use crate::metrics::mirror::{Mirror, MirrorRow};
use crate::render::table::{Align, Table};
use crate::render::{DisplayUnit, Format};

fn cell(v: &Value, unit: &DisplayUnit, plus: bool) -> String {
    v.known()
        .map_or_else(|| "—".to_string(), |d| unit.money(d, plus))
}

fn table(
    rows: &[MirrorRow],
    unit: &DisplayUnit,
    exporter: &str,
    importer: &str,
    factor: Decimal,
) -> Table {
    let h1 = format!("exports reported by {exporter}");
    let h2 = format!("imports reported by {importer}");
    let h3 = format!("imports ÷ {factor}");
    let mut t = Table::new(&[
        ("period", Align::Left),
        (&h1, Align::Right),
        (&h2, Align::Right),
        (&h3, Align::Right),
        ("gap", Align::Right),
        ("ratio", Align::Right),
    ]);
    for r in rows {
        t.push(vec![
            r.period.label(),
            cell(&r.exports_reported, unit, false),
            cell(&r.imports_mirror, unit, false),
            cell(&r.imports_fob, unit, false),
            cell(&r.gap, unit, true),
            r.ratio
                .known()
                .map_or_else(|| "—".to_string(), |d| crate::number::grouped(d, 3, false)),
        ]);
    }
    t
}

/// Both directions: a table each (or Markdown), tidy CSV, or JSON; money scaled exactly
/// to `unit`.
pub fn render(m: &Mirror, unit: &DisplayUnit, format: Format) -> String {
    match format {
        Format::Json => json(m, unit),
        Format::Csv => csv(m, unit),
        Format::Table => text(m, unit, false),
        Format::Markdown => text(m, unit, true),
    }
}

/// The two directions with their exporter and importer as labelled.
fn directions(m: &Mirror) -> [(&[MirrorRow], String, String); 2] {
    let (a, b) = (label(&m.a), label(&m.b));
    [(&m.a_to_b, a.clone(), b.clone()), (&m.b_to_a, b, a)]
}

/// A value exactly, money in the display unit.
fn exact(v: &Value, money: bool, unit: &DisplayUnit) -> Option<String> {
    v.known().map(|d| {
        if money { unit.scaled(d) } else { d }
            .normalize()
            .to_string()
    })
}

fn json(m: &Mirror, unit: &DisplayUnit) -> String {
    let exact = |v: &Value, money: bool| exact(v, money, unit);
    let side = |rows: &[MirrorRow]| -> Vec<serde_json::Value> {
        rows.iter()
            .map(|r| {
                json!({
                    "period": r.period.label(),
                    "exports_reported": exact(&r.exports_reported, true),
                    "imports_mirror": exact(&r.imports_mirror, true),
                    "imports_fob": exact(&r.imports_fob, true),
                    "gap": exact(&r.gap, true),
                    "ratio": exact(&r.ratio, false),
                })
            })
            .collect()
    };
    let doc = json!({
        "format_version": super::FORMAT_VERSION,
        "a": m.a, "b": m.b, "unit": unit.unit.to_string(), "cif_fob": m.factor.to_string(),
        "a_to_b": side(&m.a_to_b), "b_to_a": side(&m.b_to_a),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

fn csv(m: &Mirror, unit: &DisplayUnit) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "exporter",
        "importer",
        "period",
        "exports_reported",
        "imports_mirror",
        "imports_fob",
        "gap",
        "ratio",
        "unit",
    ]);
    for (rows, x, y) in directions(m) {
        for r in rows.iter() {
            let e = |v: &Value, money: bool| exact(v, money, unit).unwrap_or_default();
            let _ = w.write_record([
                x.clone(),
                y.clone(),
                r.period.label(),
                e(&r.exports_reported, true),
                e(&r.imports_mirror, true),
                e(&r.imports_fob, true),
                e(&r.gap, true),
                e(&r.ratio, false),
                unit.unit.to_string(),
            ]);
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn text(m: &Mirror, unit: &DisplayUnit, md: bool) -> String {
    let mut out = String::new();
    for (rows, x, y) in directions(m) {
        let title = format!("{x} → {y}, {}", unit.unit);
        out.push_str(&if md {
            format!("### {title}\n\n")
        } else {
            format!("{title}\n")
        });
        let t = table(rows, unit, &x, &y, m.factor);
        out.push_str(&if md { t.to_markdown() } else { t.to_text() });
        out.push('\n');
    }
    out.push_str(&format!(
        "gap = imports ÷ {} (CIF → FOB) − exports; ratio = imports (CIF) ÷ exports (FOB); {}\n",
        m.factor,
        unit.rounding_note()
    ));
    out
}
