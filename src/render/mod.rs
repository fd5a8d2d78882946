//! Turning results into what people read: aligned text tables, CSV, JSON, Markdown.
//! Rendering never computes a metric; it only scales (exactly), rounds for display
//! (half away from zero) and lays out.

pub mod chart;
pub mod fetch;
pub mod inspect;
pub mod metrics;
pub mod mirror;
pub mod profile;
pub mod rejections;
pub mod report;
pub mod summary;
pub mod table;
pub mod verify;

use rust_decimal::Decimal;

use crate::model::Unit;
use crate::number;

/// The version of the JSON documents' layout (docs/output.md), written in each as
/// `format_version`: raised when a field changes meaning or goes away, not when one is
/// added.
pub const FORMAT_VERSION: u32 = 1;

/// The output formats every tabular command offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for a terminal, rounded for reading.
    Table,
    /// Tidy CSV with exact values (one measure per row).
    Csv,
    /// JSON with exact values as strings.
    Json,
    /// A Markdown table, rounded like `table`.
    Markdown,
}

/// The one scale ladder for money shown to people: billion, million, thousand or units —
/// the largest power of ten (9, 6 or 3) that the value reaches (`reaches(power)`).
pub fn money_scale(reaches: impl Fn(u32) -> bool) -> u32 {
    [9, 6, 3].into_iter().find(|s| reaches(*s)).unwrap_or(0)
}

/// The unit and precision numbers are shown in, chosen from the data unless forced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayUnit {
    pub unit: Unit,
    /// Decimals for money in tables.
    pub decimals: u32,
    /// Decimals for percentages in tables.
    pub percent_decimals: u32,
}

impl DisplayUnit {
    /// The largest of units/thousand/million/billion that keeps the biggest value ≥ 1.
    pub fn for_values(currency: &str, values: impl IntoIterator<Item = Decimal>) -> DisplayUnit {
        let largest = values
            .into_iter()
            .map(|v| v.abs())
            .max()
            .unwrap_or(Decimal::ZERO);
        let scale = money_scale(|s| largest >= Decimal::from(10i64.pow(s)));
        DisplayUnit {
            unit: Unit {
                currency: currency.to_string(),
                scale,
            },
            decimals: 2,
            percent_decimals: 1,
        }
    }

    /// The unit a result is written in (the output contract, docs/output.md): the scale
    /// the user fixed (`fixed`: 0, 3, 6 or 9); else, for the formats scripts read (CSV,
    /// JSON), the currency's base unit, which does not change with the data's size; else
    /// the readable scale `self` chose for people.
    pub fn for_output(mut self, format: Format, fixed: Option<u32>) -> DisplayUnit {
        match (fixed, format) {
            (Some(scale), _) => self.unit.scale = scale,
            (None, Format::Csv | Format::Json) => self.unit.scale = 0,
            (None, Format::Table | Format::Markdown) => {}
        }
        self
    }

    /// A base-unit value in this unit, exactly (dividing by a power of ten never rounds).
    pub fn scaled(&self, base_value: Decimal) -> Decimal {
        let mut v = base_value;
        // set_scale divides by 10^k exactly when the scale stays within 28.
        let wanted = v.scale() + self.unit.scale;
        if wanted <= 28 && v.set_scale(wanted).is_ok() {
            v.normalize()
        } else {
            (base_value / Decimal::from(10i64.pow(self.unit.scale))).normalize()
        }
    }

    /// A money value for a table: scaled, rounded, grouped.
    pub fn money(&self, base_value: Decimal, explicit_plus: bool) -> String {
        number::grouped(self.scaled(base_value), self.decimals, explicit_plus)
    }

    pub fn percent(&self, ratio: Decimal, explicit_plus: bool) -> String {
        number::percent(ratio, self.percent_decimals, explicit_plus)
    }

    /// The rounding policy, stated under every rounded table.
    pub fn rounding_note(&self) -> String {
        format!(
            "values in {}, rounded half away from zero to {} decimal(s); percentages to {}; \
             exact values with --format csv or json",
            self.unit, self.decimals, self.percent_decimals
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn unit_is_chosen_from_the_largest_value() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let u = DisplayUnit::for_values("USD", [d("10670000"), d("20000")]);
        assert_eq!(u.unit.to_string(), "USD million");
        assert_eq!(u.scaled(d("20000")), d("0.02"));
        assert_eq!(u.money(d("10650000"), true), "+10.65");
        assert_eq!(
            DisplayUnit::for_values("USD", [d("999")]).unit.to_string(),
            "USD"
        );
        let tiny = DisplayUnit::for_values("USD", [d("2000000000")]);
        assert_eq!(tiny.scaled(d("0.000001")), d("0.000000000000001"));
    }
}
