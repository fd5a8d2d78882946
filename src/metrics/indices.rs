//! Specialisation and intensity indices (WITS definitions):
//! - revealed comparative advantage (Balassa): RCA = (x_ik / X_i) / (x_wk / X_w);
//! - trade intensity: TII = (x_ij / X_i) / (x_wj / X_w);
//! - Grubel-Lloyd intra-industry trade: GL_k = 1 − |X_k − M_k| / (X_k + M_k), and the
//!   trade-weighted aggregate Σ(X_k + M_k − |X_k − M_k|) / Σ(X_k + M_k).

use rust_decimal::Decimal;

use super::{Value, ratio};

/// (part / whole) / (world_part / world_whole), computed as one ratio of products so the
/// result carries 28 digits.
pub fn relative_share(
    part: Decimal,
    whole: Decimal,
    world_part: Decimal,
    world_whole: Decimal,
) -> Value {
    if whole.is_zero() || world_part.is_zero() || world_whole.is_zero() {
        return Value::Missing("a total in the denominator is zero".to_string());
    }
    match (part.checked_mul(world_whole), whole.checked_mul(world_part)) {
        (Some(n), Some(d)) => ratio(n, d),
        _ => match (ratio(part, whole), ratio(world_part, world_whole)) {
            (Value::Known(a), Value::Known(b)) => ratio(a, b),
            (Value::Missing(r), _) | (_, Value::Missing(r)) => Value::Missing(r),
        },
    }
}

/// Balassa's revealed comparative advantage of a reporter in product k.
pub fn rca(
    exports_k: Decimal,
    exports: Decimal,
    world_exports_k: Decimal,
    world_exports: Decimal,
) -> Value {
    relative_share(exports_k, exports, world_exports_k, world_exports)
}

/// Trade intensity of a reporter's exports to partner j.
pub fn trade_intensity(
    exports_to_j: Decimal,
    exports: Decimal,
    world_exports_to_j: Decimal,
    world_exports: Decimal,
) -> Value {
    relative_share(exports_to_j, exports, world_exports_to_j, world_exports)
}

/// Grubel-Lloyd index of one product: 1 for perfectly balanced two-way trade, 0 for
/// one-way trade.
pub fn grubel_lloyd(exports: Decimal, imports: Decimal) -> Value {
    let total = exports + imports;
    if total.is_zero() {
        return Value::Missing("no trade in this product".to_string());
    }
    match ratio((exports - imports).abs(), total) {
        Value::Known(r) => Value::Known(Decimal::ONE - r),
        m => m,
    }
}

/// The trade-weighted Grubel-Lloyd index over products: Σ(X+M−|X−M|) / Σ(X+M).
pub fn grubel_lloyd_aggregate(products: &[(Decimal, Decimal)]) -> Value {
    let total: Decimal = products.iter().map(|(x, m)| x + m).sum();
    if total.is_zero() {
        return Value::Missing("no trade in these products".to_string());
    }
    let overlap: Decimal = products.iter().map(|(x, m)| x + m - (x - m).abs()).sum();
    ratio(overlap, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rca_by_hand() {
        // A country's exports: 30 of 100 in product k; the world's: 50 of 1,000.
        // RCA = 0.3 / 0.05 = 6 (a revealed advantage: > 1).
        assert_eq!(
            rca(d("30"), d("100"), d("50"), d("1000")).known(),
            Some(d("6"))
        );
        assert_eq!(
            rca(d("1"), d("100"), d("50"), d("1000")).known(),
            Some(d("0.2"))
        );
        assert!(rca(d("1"), d("0"), d("50"), d("1000")).known().is_none());
    }

    #[test]
    fn intensity_by_hand() {
        // 20% of i's exports go to j, which takes 5% of world exports: TII = 4.
        assert_eq!(
            trade_intensity(d("20"), d("100"), d("5"), d("100")).known(),
            Some(d("4"))
        );
    }

    #[test]
    fn grubel_lloyd_by_hand() {
        assert_eq!(grubel_lloyd(d("50"), d("50")).known(), Some(d("1")));
        assert_eq!(grubel_lloyd(d("100"), d("0")).known(), Some(d("0")));
        assert_eq!(grubel_lloyd(d("75"), d("25")).known(), Some(d("0.5")));
        // Weighted: (100 − 50 + 100 − 0) / 200 = 0.75 — here (75,25) and (50,50).
        assert_eq!(
            grubel_lloyd_aggregate(&[(d("75"), d("25")), (d("50"), d("50"))]).known(),
            Some(d("0.75"))
        );
        assert!(grubel_lloyd(d("0"), d("0")).known().is_none());
    }
}
