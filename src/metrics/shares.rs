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
}

/// Each part's share of `whole` (the parts need not exhaust it: "of which" rows).
pub fn slices(parts: &[(String, Decimal)], whole: Decimal) -> Vec<Slice> {
    parts
        .iter()
        .map(|(name, value)| Slice {
            name: name.clone(),
            value: *value,
            share: share(*value, whole),
        })
        .collect()
}

/// The `n` largest parts (ties broken by name, so the result is deterministic), then one
/// "others" slice holding the rest of `whole` when anything is left.
pub fn top_n(parts: &[(String, Decimal)], whole: Decimal, n: usize) -> Vec<Slice> {
    let mut sorted: Vec<&(String, Decimal)> = parts.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let top: Vec<(String, Decimal)> = sorted.iter().take(n).map(|p| (*p).clone()).collect();
    let mut out = slices(&top, whole);
    let shown: Decimal = top.iter().map(|p| p.1).sum();
    let rest = whole - shown;
    if sorted.len() > n || rest != Decimal::ZERO {
        out.push(Slice {
            name: format!("others ({})", sorted.len().saturating_sub(n)),
            value: rest,
            share: share(rest, whole),
        });
    }
    out
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
    fn no_others_when_everything_is_shown() {
        let p = parts(&[("A", 1), ("B", 1)]);
        assert_eq!(top_n(&p, Decimal::from(2), 5).len(), 2);
        // Ties are broken by name.
        assert_eq!(top_n(&p, Decimal::from(2), 1)[0].name, "A");
    }
}
