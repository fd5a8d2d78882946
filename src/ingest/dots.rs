//! IMF Direction of Trade Statistics in long form: `reporter, flow, partner, year (or
//! period), value_musd, flag` — exports FOB (`X`) and imports CIF (`M`) in millions of US
//! dollars, with `e` for estimates (kept in the record's note).

use std::borrow::Cow;
use std::path::Path;

use super::table::{FieldError, Header, Importer, missing_value, raw, source_of, trade_value};
use super::{Origin, Record};
use crate::error::Result;
use crate::model::{Commodity, Flow, Period, Unit};

pub const LAYOUT: &str = "IMF DOTS";

pub fn matches(header: &Header) -> bool {
    header.has("reporter")
        && header.has("partner")
        && header.has("flow")
        && (header.has("valuemusd") || header.has("valueusdmillions") || header.has("value"))
        && (header.has("year") || header.has("period"))
}

pub struct Dots {
    reporter: usize,
    partner: usize,
    flow: usize,
    year: usize,
    value: usize,
    flag: Option<usize>,
    decimal_comma: bool,
    source: String,
}

impl Dots {
    pub fn new(path: &Path, h: &Header, decimal_comma: bool) -> Result<Dots> {
        let col = |keys: &[&str], what: &str| h.require(path, LAYOUT, what, keys);
        Ok(Dots {
            reporter: col(&["reporter"], "reporter")?,
            partner: col(&["partner"], "partner")?,
            flow: col(&["flow"], "flow")?,
            year: col(&["year", "period"], "year")?,
            value: col(&["valuemusd", "valueusdmillions", "value"], "value_musd")?,
            flag: h.find(&["flag"]),
            decimal_comma,
            source: source_of(LAYOUT, path),
        })
    }
}

/// `2019`, `2019M03`, `2019Q1`, or any canonical period.
fn period(text: &str) -> std::result::Result<Period, String> {
    let t = text.trim().to_ascii_uppercase();
    if let Some((y, m)) = t.split_once('M')
        && let (Ok(y), Ok(m)) = (y.parse::<i32>(), m.parse::<u8>())
    {
        return Period::new(y, m, m);
    }
    if let Some((y, q)) = t.split_once('Q')
        && let (Ok(y), Ok(q)) = (y.parse::<i32>(), q.parse::<u8>())
        && (1..=4).contains(&q)
    {
        return Period::new(y, q * 3 - 2, q * 3);
    }
    Period::parse(&t)
}

impl Importer for Dots {
    fn layout(&self) -> &'static str {
        LAYOUT
    }

    fn economies<'a>(&'a self, row: &'a csv::ByteRecord) -> Option<[&'a [u8]; 2]> {
        Some([raw(row, self.reporter)?, raw(row, self.partner)?])
    }

    fn row(
        &self,
        f: &[Cow<'_, str>],
        origin: Origin,
    ) -> std::result::Result<Vec<Record>, FieldError> {
        let get = |i: usize| f.get(i).map(|x| x.trim()).unwrap_or_default();
        let flow = match get(self.flow).to_ascii_uppercase().as_str() {
            "X" | "EXPORTS" | "EXPORT" | "TXG_FOB_USD" => Flow::Export,
            "M" | "IMPORTS" | "IMPORT" | "TMG_CIF_USD" => Flow::Import,
            other => {
                return Err((
                    Some(self.flow),
                    format!(
                        "unknown DOTS flow `{other}`; expected X (exports FOB) or M (imports CIF)"
                    ),
                ));
            }
        };
        let period = period(get(self.year)).map_err(|e| (Some(self.year), e))?;
        let (value, glued) = trade_value(get(self.value), self.decimal_comma, self.value)?
            .ok_or_else(|| missing_value(self.value))?;
        let flag = self
            .flag
            .map(get)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .or(glued);
        let note = match (flow, flag.as_deref()) {
            (_, Some("e")) => "estimate (IMF flag e)".to_string(),
            (_, Some(other)) => format!("flag {other}"),
            _ => String::new(),
        };
        Ok(vec![Record {
            reporter: get(self.reporter).to_string(),
            partner: get(self.partner).to_string(),
            period,
            flow,
            commodity: Commodity::Total,
            value,
            unit: Unit {
                currency: "USD".to_string(),
                scale: 6,
            },
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
    fn dots_periods() {
        assert_eq!(period("2019").unwrap().label(), "2019");
        assert_eq!(period("2019M03").unwrap().label(), "2019-03");
        assert_eq!(period("2019Q2").unwrap().label(), "2019-Q2");
    }
}
