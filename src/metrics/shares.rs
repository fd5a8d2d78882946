//! Shares of a whole: a flow's share of turnover, a commodity's share of its flow, a
//! partner's share of the reporter's total, and the top N with "others".

use rust_decimal::Decimal;

use super::{Value, share};

/// A named part of a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Slice {
    pub name: String,
    pub value: Decimal,
    pub share: Value,
    /// The rest of the whole beyond the parts listed ("others (N)"), not a part itself.
    pub remainder: bool,
}

/// Each part's share of `whole` (the parts need not exhaust it: "of which" rows).
pub fn slices(parts: &[(String, Decimal)], whole: Decimal) -> Vec<Slice> {
    parts
        .iter()
        .map(|(name, value)| Slice {
            remainder: false,
            name: name.clone(),
            value: *value,
            share: share(*value, whole),
        })
        .collect()
}

/// Decimals of shares in an exhaustive partition (see `partition`).
pub const PARTITION_DECIMALS: u32 = 24;

/// The shares of parts that make up their whole exactly (Σ parts = whole), such that the
/// shares sum to exactly 1: each share is cut to `PARTITION_DECIMALS` decimals and the few
/// units of the last decimal left over go to the largest remainders (Hamilton's method).
/// Every share is within 10^-24 of the true quotient.
pub fn partition(parts: &[Decimal]) -> Vec<Value> {
    let whole: Decimal = parts.iter().sum();
    if whole.is_zero() {
        return parts
            .iter()
            .map(|_| Value::Missing("the total is zero, so shares are undefined".to_string()))
            .collect();
    }
    if parts.iter().any(|p| p.is_sign_negative() && !p.is_zero()) {
        return parts.iter().map(|p| share(*p, whole)).collect();
    }
    let ulp = Decimal::new(1, PARTITION_DECIMALS);
    let mut cut = Vec::with_capacity(parts.len());
    let mut remainders = Vec::with_capacity(parts.len());
    for part in parts {
        let Some(q) = part.checked_div(whole) else {
            return parts.iter().map(|p| share(*p, whole)).collect();
        };
        let t = q.trunc_with_scale(PARTITION_DECIMALS);
        remainders.push(q - t);
        cut.push(t);
    }
    // How many units of the last decimal the cut shares are short of 1 (or over, when the
    // 28-digit division rounded a quotient up across a cut).
    let short = (Decimal::ONE - cut.iter().sum::<Decimal>()) / ulp;
    let steps = short.abs().trunc().mantissa().unsigned_abs() as usize;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    if short.is_sign_positive() {
        order.sort_by(|a, b| remainders[*b].cmp(&remainders[*a]).then(a.cmp(b)));
    } else {
        order.sort_by(|a, b| remainders[*a].cmp(&remainders[*b]).then(a.cmp(b)));
    }
    for i in order.into_iter().cycle().take(steps) {
        if short.is_sign_positive() {
            cut[i] += ulp;
        } else {
            cut[i] -= ulp;
        }
    }
    cut.into_iter().map(Value::Known).collect()
}

/// The `n` largest parts (ties broken by name, so the result is deterministic), then one
/// "others" slice holding the rest of `whole` when anything is left.
pub fn top_n(parts: &[(String, Decimal)], whole: Decimal, n: usize) -> Vec<Slice> {
    let mut sorted: Vec<&(String, Decimal)> = parts.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut listed: Vec<(String, Decimal)> = sorted.iter().take(n).map(|p| (*p).clone()).collect();
    let shown: Decimal = listed.iter().map(|p| p.1).sum();
    let rest = whole - shown;
    if sorted.len() > n || rest != Decimal::ZERO {
        let hidden = sorted.len().saturating_sub(n);
        let name = if hidden == 0 {
            // Everything is listed; the rest is what the total holds beyond its parts.
            "rest of the total".to_string()
        } else {
            format!("others ({hidden})")
        };
        listed.push((name, rest));
    }
    // The listed slices make up the whole, so their shares are a partition.
    let values: Vec<Decimal> = listed.iter().map(|p| p.1).collect();
    let parts_listed = n.min(sorted.len());
    listed
        .into_iter()
        .zip(partition(&values))
        .enumerate()
        .map(|(i, ((name, value), share))| Slice {
            name,
            value,
            share,
            remainder: i >= parts_listed,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(values: &[(&str, i64)]) -> Vec<(String, Decimal)> {
        values
            .iter()
            .map(|(n, v)| (n.to_string(), Decimal::from(*v)))
            .collect()
    }

    #[test]
    fn top_n_adds_others_so_shares_sum_to_one() {
        let p = parts(&[("CHN", 50), ("RUS", 30), ("KOR", 15), ("JPN", 5)]);
        let whole = Decimal::from(100);
        let top = top_n(&p, whole, 2);
        assert_eq!(top.len(), 3);
        assert_eq!(top[0].name, "CHN");
        assert_eq!(top[2].name, "others (2)");
        assert_eq!(top[2].value, Decimal::from(20));
        let total: Decimal = top.iter().filter_map(|s| s.share.known()).sum();
        assert_eq!(total, Decimal::ONE);
    }

    #[test]
    fn a_partition_of_thirds_sums_to_exactly_one() {
        let thirds = partition(&[Decimal::ONE, Decimal::ONE, Decimal::ONE]);
        let sum: Decimal = thirds.iter().filter_map(Value::known).sum();
        assert_eq!(sum, Decimal::ONE);
        assert_eq!(
            thirds[0].known().unwrap().to_string(),
            "0.333333333333333333333334"
        );
        assert!(partition(&[Decimal::ZERO])[0].known().is_none());
    }

    #[test]
    fn no_others_when_everything_is_shown() {
        let p = parts(&[("A", 1), ("B", 1)]);
        assert_eq!(top_n(&p, Decimal::from(2), 5).len(), 2);
        // Ties are broken by name.
        assert_eq!(top_n(&p, Decimal::from(2), 1)[0].name, "A");
    }
}
