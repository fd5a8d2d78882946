//! Concentration: the Herfindahl-Hirschman index over partners or products.
//!
//! HHI = Σ sᵢ² with sᵢ = xᵢ / Σx, on the 0–1 scale (WITS) and the 0–10,000 scale (shares in
//! percent, as competition authorities use). The normalised HHI, (HHI − 1/N) / (1 − 1/N),
//! runs from 0 (equal shares) to 1 (one partner). Computed as Σx² / (Σx)² — one division,
//! so the 0–1 value is exact to 28 digits.

use rust_decimal::Decimal;

use super::{Value, ratio};

#[derive(Clone, Debug, PartialEq)]
pub struct Hhi {
    /// Number of parts with a non-zero value.
    pub parts: usize,
    /// 0–1 scale.
    pub hhi: Value,
    /// 0–10,000 scale.
    pub hhi_10000: Value,
    pub normalised: Value,
}

pub fn hhi(values: &[Decimal]) -> Hhi {
    let missing = |r: &str| Hhi {
        parts: values.iter().filter(|v| !v.is_zero()).count(),
        hhi: Value::Missing(r.to_string()),
        hhi_10000: Value::Missing(r.to_string()),
        normalised: Value::Missing(r.to_string()),
    };
    if values.iter().any(|v| v.is_sign_negative() && !v.is_zero()) {
        return missing("negative values have no share");
    }
    let n = values.iter().filter(|v| !v.is_zero()).count();
    let total: Decimal = values.iter().sum();
    if n == 0 || total.is_zero() {
        return missing("no trade to measure");
    }
    // Σx² / (Σx)² when it fits in 28 digits; otherwise Σ(x/Σx)².
    let exact = values
        .iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v.checked_mul(*v)?))
        .and_then(|squares| Some((squares, total.checked_mul(total)?)));
    let h = match exact {
        Some((squares, total_sq)) => ratio(squares, total_sq),
        None => Value::Known(values.iter().map(|v| (v / total) * (v / total)).sum()),
    };
    let Value::Known(h) = h else {
        return missing("overflow");
    };
    let nd = Decimal::from(n as u64);
    let normalised = if n == 1 {
        Value::Missing("one part only: the normalised HHI is undefined (0/0)".to_string())
    } else {
        let inv = Decimal::ONE / nd;
        ratio(h - inv, Decimal::ONE - inv)
    };
    Hhi {
        parts: n,
        hhi: Value::Known(h),
        hhi_10000: Value::Known(h * Decimal::from(10_000)),
        normalised,
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
    fn hand_computed() {
        // Shares 0.5, 0.3, 0.2: 0.25 + 0.09 + 0.04 = 0.38; normalised (0.38 − 1/3)/(2/3) = 0.07
        let h = hhi(&[d("50"), d("30"), d("20")]);
        assert_eq!(h.parts, 3);
        assert_eq!(h.hhi.known(), Some(d("0.38")));
        assert_eq!(h.hhi_10000.known(), Some(d("3800")));
        assert_eq!(
            crate::number::round(h.normalised.known().unwrap(), 20),
            d("0.07")
        );
    }

    #[test]
    fn extremes() {
        let equal = hhi(&[d("1"), d("1"), d("1"), d("1")]);
        assert_eq!(equal.hhi.known(), Some(d("0.25")));
        assert_eq!(equal.normalised.known(), Some(d("0")));
        let one = hhi(&[d("7"), d("0")]);
        assert_eq!(one.hhi.known(), Some(Decimal::ONE));
        assert!(one.normalised.known().is_none());
        assert!(hhi(&[]).hhi.known().is_none());
        assert!(hhi(&[d("0")]).hhi.known().is_none());
    }
}
