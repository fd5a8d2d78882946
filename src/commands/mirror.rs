//! `tradestat mirror FILE... --reporter A --partner B [--cif-fob 1.06]`
//!
//! A's reported exports to B against B's reported imports from A (and the reverse), per
//! period: the gap after the CIF/FOB adjustment and the ratio.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::json;

use crate::cli::{Input, Output};
use crate::codes::label;
use crate::commands::{Outcome, load};
use crate::error::{Error, Result};
use crate::frame::TradeFrame;
use crate::metrics::Value;
use crate::metrics::mirror::{DEFAULT_CIF_FOB, Mirror, MirrorRow, mirror};
use crate::model::Period;
use crate::render::table::{Align, Table};
use crate::render::{DisplayUnit, Format};

/// Compare what two economies report about their trade with each other (mirror statistics).
///
/// Imports are valued CIF and exports FOB: imports are divided by the CIF/FOB factor before
/// the gap is taken. A large gap points at misreporting, re-exports through third
/// countries, or timing.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,

    /// One economy (A).
    #[arg(long, value_name = "ECONOMY")]
    pub reporter: String,

    /// The other economy (B).
    #[arg(long, value_name = "ECONOMY")]
    pub partner: String,

    /// Only these periods (repeatable or comma-separated).
    #[arg(long = "period", value_name = "PERIOD", value_delimiter = ',', value_parser = crate::cli::parse_period)]
    pub periods: Vec<Period>,

    /// Imports CIF ÷ this factor = imports FOB.
    #[arg(long = "cif-fob", default_value = DEFAULT_CIF_FOB, value_name = "FACTOR")]
    pub cif_fob: String,

    #[command(flatten)]
    pub output: Output,
}

pub fn run(args: &Args) -> Result<Outcome> {
    let factor = Decimal::from_str(args.cif_fob.trim())
        .ok()
        .filter(|f| *f > Decimal::ZERO)
        .ok_or_else(|| {
            Error::Usage(format!(
                "--cif-fob `{}`: expected a positive decimal such as 1.06",
                args.cif_fob
            ))
        })?;
    let dataset = load(&args.input)?;
    let frame = TradeFrame::from_dataset(&dataset)?;
    let m = mirror(&frame, &args.reporter, &args.partner, &args.periods, factor)?;
    if m.a_to_b.is_empty() && m.b_to_a.is_empty() {
        return Err(Error::EmptySelection {
            selection: format!("--reporter {} --partner {}", args.reporter, args.partner),
            hint: "; neither side reports trade with the other".to_string(),
        });
    }
    let values = m
        .a_to_b
        .iter()
        .chain(&m.b_to_a)
        .flat_map(|r| [r.exports_reported.known(), r.imports_mirror.known()])
        .flatten();
    let mut unit = DisplayUnit::for_values(&m.currency, values);
    unit.decimals = args.output.decimals;
    print!("{}", render(&m, &unit, args.output.format));
    Ok(Outcome::Done)
}

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

fn render(m: &Mirror, unit: &DisplayUnit, format: Format) -> String {
    let (a, b) = (label(&m.a), label(&m.b));
    let directions = [(&m.a_to_b, &a, &b), (&m.b_to_a, &b, &a)];
    match format {
        Format::Json => {
            let exact = |v: &Value, money: bool| {
                v.known().map(|d| {
                    if money { unit.scaled(d) } else { d }
                        .normalize()
                        .to_string()
                })
            };
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
                "a": m.a, "b": m.b, "unit": unit.unit.to_string(), "cif_fob": m.factor.to_string(),
                "a_to_b": side(&m.a_to_b), "b_to_a": side(&m.b_to_a),
            });
            serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
        }
        Format::Csv => {
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
            for (rows, x, y) in directions {
                for r in rows.iter() {
                    let e = |v: &Value, money: bool| {
                        v.known()
                            .map(|d| {
                                if money { unit.scaled(d) } else { d }
                                    .normalize()
                                    .to_string()
                            })
                            .unwrap_or_default()
                    };
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
        Format::Table | Format::Markdown => {
            let md = format == Format::Markdown;
            let mut out = String::new();
            for (rows, x, y) in directions {
                let title = format!("{x} → {y}, {}", unit.unit);
                out.push_str(&if md {
                    format!("### {title}\n\n")
                } else {
                    format!("{title}\n")
                });
                let t = table(rows, unit, x, y, m.factor);
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
    }
}
