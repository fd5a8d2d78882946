//! UN Comtrade downloads: the Comtrade+ API v1 CSV (camelCase columns, and the snake_case
//! renaming R users have) and the legacy CSV (the 35-column API layout and the 22-column
//! bulk layout, with the header spellings seen in the wild: `TradeFlow Code`,
//! `Trade.Value..US..`). Values are US dollars.
//!
//! Only total rows are read: a row broken down by customs procedure, mode of transport or
//! second partner would be counted twice, so it is refused with the reason (and counted).

use std::borrow::Cow;
use std::path::Path;

use super::table::{FieldError, Header, Importer, missing_value, raw, source_of, trade_value};
use super::{Origin, Record};
use crate::error::Result;
use crate::model::{Commodity, Flow, Period, Unit};

pub fn matches_plus(header: &Header) -> bool {
    (header.has("primaryvalue") || header.has("primaryvalueformated"))
        && (header.has("flowcode") || header.has("flowdesc"))
}

pub fn matches_legacy(header: &Header) -> bool {
    header.has("tradeflowcode") || (header.has("tradeflow") && header.find(VALUE_LEGACY).is_some())
}

const VALUE_LEGACY: &[&str] = &["tradevalueus", "tradevalueusd", "tradevalue"];

/// Comtrade flow codes and descriptions; unknown ones are kept as `other`.
fn flow(text: &str) -> (Flow, Option<String>) {
    let t = text.trim();
    match t.to_ascii_lowercase().replace([' ', '_'], "-").as_str() {
        "m" | "1" | "import" | "imports" => (Flow::Import, None),
        "x" | "2" | "export" | "exports" => (Flow::Export, None),
        "rx" | "3" | "re-export" | "re-exports" => (Flow::ReExport, None),
        "rm" | "4" | "re-import" | "re-imports" => (Flow::ReImport, None),
        _ => (Flow::Other, Some(format!("Comtrade flow {t}"))),
    }
}

/// A commodity code under its classification: HS codes as HS, others (SITC, BEC) as
/// labels that say so.
fn commodity(code: &str, classification: &str) -> std::result::Result<Commodity, String> {
    let c = code.trim();
    let class = classification.trim().to_ascii_uppercase();
    if c.eq_ignore_ascii_case("total") || c.eq_ignore_ascii_case("tot") {
        return Ok(Commodity::Total);
    }
    if class.starts_with('S') && class.len() <= 3 {
        return Ok(Commodity::Label(format!("SITC {c}")));
    }
    if class.starts_with("BEC") || class.starts_with("EB") {
        return Ok(Commodity::Label(format!("BEC {c}")));
    }
    Commodity::parse(c)
}

/// A year, or a month (`201903`, or year + month 1–12; Comtrade's month 52 is the year).
fn period(
    year: Option<&str>,
    month: Option<&str>,
    period: Option<&str>,
) -> std::result::Result<Period, String> {
    let parse_year = |y: &str| -> std::result::Result<i32, String> {
        let y = y.trim().trim_end_matches(".0");
        y.parse().map_err(|_| format!("`{y}` is not a year"))
    };
    if let (Some(y), Some(m)) = (
        year.filter(|y| !y.trim().is_empty()),
        month.filter(|m| !m.trim().is_empty()),
    ) {
        let year = parse_year(y)?;
        let m: u32 = m
            .trim()
            .parse()
            .map_err(|_| format!("`{m}` is not a month"))?;
        return match m {
            1..=12 => Period::new(year, m as u8, m as u8),
            52 => Period::year(year),
            _ => Err(format!("month {m} does not exist (52 marks annual data)")),
        };
    }
    if let Some(p) = period.map(str::trim).filter(|p| !p.is_empty()) {
        if p.len() == 6 && p.bytes().all(|b| b.is_ascii_digit()) {
            let y: i32 = p[..4].parse().map_err(|_| format!("bad period `{p}`"))?;
            let m: u8 = p[4..].parse().map_err(|_| format!("bad period `{p}`"))?;
            return Period::new(y, m, m);
        }
        if p.len() == 4 {
            return Period::year(parse_year(p)?);
        }
        return Period::parse(p);
    }
    match year {
        Some(y) if !y.trim().is_empty() => Period::year(parse_year(y)?),
        _ => Err("no year or period".to_string()),
    }
}

/// The first non-empty, meaningful field among `columns` (ISO code, numeric code, name).
fn economy(fields: &[Cow<'_, str>], columns: &[Option<usize>]) -> Option<String> {
    columns.iter().flatten().find_map(|i| {
        let t = fields.get(*i)?.trim();
        (!t.is_empty() && !matches!(t, "N/A" | "NA" | "-1")).then(|| t.to_string())
    })
}

/// `economy` on the raw fields, for `Importer::economies`.
fn economy_raw<'a>(row: &'a csv::ByteRecord, columns: &[Option<usize>]) -> Option<&'a [u8]> {
    columns.iter().flatten().find_map(|i| {
        let t = raw(row, *i)?;
        (!t.is_empty() && !matches!(t, b"N/A" | b"NA" | b"-1")).then_some(t)
    })
}

/// A breakdown dimension must be at its total: `0`, `C00`, `TOTAL`, empty or `NA`.
fn at_total(
    fields: &[Cow<'_, str>],
    column: Option<usize>,
    totals: &[&str],
) -> Option<(usize, String)> {
    let i = column?;
    let t = fields.get(i)?.trim();
    let total = t.is_empty()
        || matches!(t, "NA" | "N/A")
        || totals.iter().any(|x| t.eq_ignore_ascii_case(x));
    (!total).then(|| (i, t.to_string()))
}

fn field<'a>(fields: &'a [Cow<'_, str>], i: Option<usize>) -> Option<&'a str> {
    i.and_then(|i| fields.get(i)).map(|f| f.trim())
}

/// Column names of the two Comtrade layouts, normalised (see `table::key`).
struct Names {
    layout: &'static str,
    reporter: [&'static str; 3],
    partner: [&'static str; 3],
    flow: &'static [&'static str],
    year: &'static [&'static str],
    month: &'static [&'static str],
    period: &'static [&'static str],
    cmd: &'static [&'static str],
    classification: &'static [&'static str],
    value: &'static [&'static str],
    customs: &'static [&'static str],
    mot: &'static [&'static str],
    partner2: &'static [&'static str],
}

const PLUS: Names = Names {
    layout: "UN Comtrade+ v1",
    reporter: ["reporteriso", "reportercode", "reporterdesc"],
    partner: ["partneriso", "partnercode", "partnerdesc"],
    flow: &["flowcode", "flowdesc"],
    year: &["refyear"],
    month: &["refmonth"],
    period: &["period"],
    cmd: &["cmdcode"],
    classification: &["classificationcode"],
    value: &["primaryvalue", "primaryvalueformated"],
    customs: &["customscode"],
    mot: &["motcode"],
    partner2: &["partner2code"],
};

const LEGACY: Names = Names {
    layout: "UN Comtrade legacy",
    reporter: ["reporteriso", "reportercode", "reporter"],
    partner: ["partneriso", "partnercode", "partner"],
    flow: &["tradeflowcode", "tradeflow"],
    year: &["year"],
    month: &[],
    period: &["period"],
    cmd: &["commoditycode"],
    classification: &["classification"],
    value: VALUE_LEGACY,
    customs: &["customsproccode"],
    mot: &["modeoftransportcode"],
    partner2: &["2ndpartnercode", "x2ndpartnercode"],
};

/// A Comtrade download (either layout), with its columns found by name.
pub struct Comtrade {
    layout: &'static str,
    reporter: [Option<usize>; 3],
    partner: [Option<usize>; 3],
    flow: usize,
    year: Option<usize>,
    month: Option<usize>,
    period: Option<usize>,
    cmd: Option<usize>,
    classification: Option<usize>,
    value: usize,
    customs: Option<usize>,
    mot: Option<usize>,
    partner2: Option<usize>,
    decimal_comma: bool,
    source: String,
}

impl Comtrade {
    /// The Comtrade+ API v1 layout.
    pub fn plus(path: &Path, h: &Header, decimal_comma: bool) -> Result<Comtrade> {
        Comtrade::new(path, h, decimal_comma, &PLUS)
    }

    /// The legacy layout (API and bulk).
    pub fn legacy(path: &Path, h: &Header, decimal_comma: bool) -> Result<Comtrade> {
        Comtrade::new(path, h, decimal_comma, &LEGACY)
    }

    fn new(path: &Path, h: &Header, decimal_comma: bool, names: &Names) -> Result<Comtrade> {
        let three = |keys: [&str; 3]| [h.find(&[keys[0]]), h.find(&[keys[1]]), h.find(&[keys[2]])];
        let reporter = three(names.reporter);
        let partner = three(names.partner);
        if reporter.iter().all(Option::is_none) {
            h.require(path, names.layout, "reporter", &names.reporter)?;
        }
        if partner.iter().all(Option::is_none) {
            h.require(path, names.layout, "partner", &names.partner)?;
        }
        Ok(Comtrade {
            layout: names.layout,
            reporter,
            partner,
            flow: h.require(path, names.layout, "flow", names.flow)?,
            year: h.find(names.year),
            month: h.find(names.month),
            period: h.find(names.period),
            cmd: h.find(names.cmd),
            classification: h.find(names.classification),
            value: h.require(path, names.layout, "trade value", names.value)?,
            customs: h.find(names.customs),
            mot: h.find(names.mot),
            partner2: h.find(names.partner2),
            decimal_comma,
            source: source_of("UN Comtrade", path),
        })
    }
}

impl Importer for Comtrade {
    fn layout(&self) -> &'static str {
        self.layout
    }

    fn economies<'a>(&'a self, row: &'a csv::ByteRecord) -> Option<[&'a [u8]; 2]> {
        Some([
            economy_raw(row, &self.reporter)?,
            economy_raw(row, &self.partner)?,
        ])
    }

    fn row(
        &self,
        f: &[Cow<'_, str>],
        origin: Origin,
    ) -> std::result::Result<Vec<Record>, FieldError> {
        for (column, totals, what) in [
            (self.customs, &["C00", "0"][..], "customs procedure"),
            (self.mot, &["0"][..], "mode of transport"),
            (self.partner2, &["0"][..], "second partner"),
        ] {
            if let Some((i, code)) = at_total(f, column, totals) {
                return Err((
                    Some(i),
                    format!(
                        "a breakdown by {what} ({code}); only the total rows are read, so nothing is counted twice"
                    ),
                ));
            }
        }
        let reporter =
            economy(f, &self.reporter).ok_or((self.reporter[0], "no reporter".to_string()))?;
        let partner =
            economy(f, &self.partner).ok_or((self.partner[0], "no partner".to_string()))?;
        let (flow, flow_note) = flow(field(f, Some(self.flow)).unwrap_or_default());
        let period = period(
            field(f, self.year),
            field(f, self.month),
            field(f, self.period),
        )
        .map_err(|e| (self.year.or(self.period), e))?;
        let commodity = match field(f, self.cmd) {
            Some(code) if !code.is_empty() => {
                commodity(code, field(f, self.classification).unwrap_or("H"))
                    .map_err(|e| (self.cmd, e))?
            }
            _ => Commodity::Total,
        };
        let (value, flag) = trade_value(
            field(f, Some(self.value)).unwrap_or_default(),
            self.decimal_comma,
            self.value,
        )?
        .ok_or_else(|| missing_value(self.value))?;
        let note = [flow_note, flag.map(|f| format!("flag {f}"))]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; ");
        Ok(vec![Record {
            reporter,
            partner,
            period,
            flow,
            commodity,
            value,
            unit: Unit::usd(),
            source: self.source.clone(),
            note,
            origin,
        }])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_flows() {
        assert_eq!(
            period(Some("2010"), Some("52"), None).unwrap().label(),
            "2010"
        );
        assert_eq!(
            period(Some("2019"), Some("3"), None).unwrap().label(),
            "2019-03"
        );
        assert_eq!(
            period(None, None, Some("201903")).unwrap().label(),
            "2019-03"
        );
        assert_eq!(
            period(Some("2016"), None, Some("2016")).unwrap().label(),
            "2016"
        );
        assert!(period(Some("2019"), Some("13"), None).is_err());
        assert_eq!(flow("M").0, Flow::Import);
        assert_eq!(flow("Re-Export").0, Flow::ReExport);
        assert_eq!(flow("4").0, Flow::ReImport);
        let (f, note) = flow("DX");
        assert_eq!(
            (f, note.as_deref()),
            (Flow::Other, Some("Comtrade flow DX"))
        );
        assert_eq!(
            commodity("27861", "S4").unwrap(),
            Commodity::Label("SITC 27861".into())
        );
        assert_eq!(commodity("TOTAL", "H3").unwrap(), Commodity::Total);
        assert_eq!(
            commodity("0101", "H4").unwrap(),
            Commodity::Hs("0101".into())
        );
    }
}
