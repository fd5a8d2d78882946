//! Derived metrics — growth, shares, ratios — computed in `rust_decimal` from exact sums.
//!
//! A float never touches these numbers. Division carries rust_decimal's 28 significant
//! digits; results are kept at that precision and rounded only for display (half away
//! from zero, see `number::round`). A metric that cannot be computed is `Value::Missing`
//! with the reason, never a zero.

pub mod composition;
pub mod concentration;
pub mod growth;
pub mod indices;
pub mod mirror;
mod pair_tables;
pub mod partners;
pub mod periods;
pub mod profile;
#[cfg(test)]
mod proptests;
pub mod request;
pub mod section;
pub mod shares;
pub mod summary;
pub mod world;

use rust_decimal::Decimal;

/// A computed number, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Known(Decimal),
    Missing(String),
}

impl Value {
    pub fn known(&self) -> Option<Decimal> {
        match self {
            Value::Known(d) => Some(*d),
            Value::Missing(_) => None,
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            Value::Known(_) => None,
            Value::Missing(r) => Some(r),
        }
    }

    /// Combines two known values; the first missing one's reason wins.
    pub fn zip(&self, other: &Value, f: impl FnOnce(Decimal, Decimal) -> Value) -> Value {
        match (self, other) {
            (Value::Known(a), Value::Known(b)) => f(*a, *b),
            (Value::Missing(r), _) | (_, Value::Missing(r)) => Value::Missing(r.clone()),
        }
    }
}

/// `numerator / denominator`, refusing a zero denominator.
pub fn ratio(numerator: Decimal, denominator: Decimal) -> Value {
    if denominator.is_zero() {
        return Value::Missing("the denominator is zero".to_string());
    }
    numerator
        .checked_div(denominator)
        .map(Value::Known)
        .unwrap_or_else(|| Value::Missing("the ratio overflows 28 digits".to_string()))
}

/// Growth from `base` to `current`: current / base − 1 (0.25 = +25%).
pub fn growth_rate(base: Decimal, current: Decimal) -> Value {
    if base.is_zero() {
        return Value::Missing("the base is zero, so growth is undefined".to_string());
    }
    match ratio(current, base) {
        Value::Known(r) => Value::Known(r - Decimal::ONE),
        missing => missing,
    }
}

/// The share of `part` in `whole` (0.851 = 85.1%).
pub fn share(part: Decimal, whole: Decimal) -> Value {
    if whole.is_zero() {
        return Value::Missing("the total is zero, so shares are undefined".to_string());
    }
    ratio(part, whole)
}

/// Exports + imports.
pub fn turnover(exports: Decimal, imports: Decimal) -> Decimal {
    exports + imports
}

/// Exports − imports: positive is a surplus for the reporter.
pub fn balance(exports: Decimal, imports: Decimal) -> Decimal {
    exports - imports
}

/// Exports ÷ imports (the coverage ratio).
pub fn coverage(exports: Decimal, imports: Decimal) -> Value {
    ratio(exports, imports)
}

/// (Exports − imports) ÷ (exports + imports), from −1 (imports only) to +1.
pub fn relative_balance(exports: Decimal, imports: Decimal) -> Value {
    ratio(balance(exports, imports), turnover(exports, imports))
}

/// The value of `flow` in a period: exports, imports, or turnover (exports + imports, or
/// the published total when the split is unknown) — the one accessor every metric uses.
pub fn flow_value(p: &crate::flows::PeriodFlows, flow: request::FlowChoice) -> Value {
    match flow {
        request::FlowChoice::Exports => p.exports.clone(),
        request::FlowChoice::Imports => p.imports.clone(),
        request::FlowChoice::Turnover => summary::turnover_value(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn growth_of_the_motivating_example() {
        // 30.72 → 10.69 is a fall of 65.2%, not a "triple growth".
        let g = growth_rate(d("30.72"), d("10.69")).known().unwrap();
        assert_eq!(crate::number::round(g, 4), d("-0.6520"));
        assert!(g < Decimal::ZERO);
        // The inverse ratio is where "triple" came from: 30.72 / 10.69 = 2.8737...
        let inverse = ratio(d("30.72"), d("10.69")).known().unwrap();
        assert_eq!(crate::number::round(inverse, 2), d("2.87"));
    }

    #[test]
    fn a_fall_close_to_minus_100_percent_keeps_28_digits_after_the_point() {
        // Found by the there-and-back property: 1 + g of a near-total fall is tiny, so its
        // relative precision is that of 28 digits after the point.
        let (a, b) = (d("801991131020266"), d("1"));
        let there = growth_rate(a, b).known().unwrap();
        let back = growth_rate(b, a).known().unwrap();
        let product = (Decimal::ONE + there) * (Decimal::ONE + back);
        let error = (product - Decimal::ONE).abs();
        assert!(
            error > Decimal::new(1, 20),
            "{error}: the property's old bound was wrong"
        );
        assert!(error < Decimal::new(1, 26) * a, "{error}");
    }

    #[test]
    fn zero_bases_are_missing_not_zero() {
        assert!(
            growth_rate(Decimal::ZERO, d("5"))
                .reason()
                .unwrap()
                .contains("base is zero")
        );
        assert!(share(d("1"), Decimal::ZERO).known().is_none());
        assert_eq!(growth_rate(d("5"), Decimal::ZERO).known(), Some(d("-1")));
    }

    #[test]
    fn shares_and_flows() {
        assert_eq!(
            crate::number::round(share(d("9.08"), d("10.67")).known().unwrap(), 3),
            d("0.851")
        );
        assert_eq!(turnover(d("10.67"), d("0.02")), d("10.69"));
        assert_eq!(balance(d("10.67"), d("0.02")), d("10.65"));
        assert_eq!(balance(d("1"), d("3")), d("-2"));
    }
}
