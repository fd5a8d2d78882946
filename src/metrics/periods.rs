//! Roll-ups month → quarter → half → year, with completeness.
//!
//! Polars has already summed the raw records per original period exactly; a roll-up adds
//! those few exact sums (rust_decimal addition, exact) into the target period. Rules:
//! - a record whose period equals the target is used as is;
//! - otherwise the target is built from the sub-periods of one length (months, or quarters,
//!   ...): the length that covers the most months, the coarser on a tie — never a mix, so
//!   a quarter row and its three month rows are not added twice;
//! - a target covered by fewer months than it has is *partial* (`months_covered`), and
//!   comparisons skip it unless asked;
//! - records coarser than the target, or straddling two targets, are left out and listed.

use std::collections::BTreeMap;

use crate::frame::Total;
use crate::model::{Commodity, Flow, Period};

/// The period length results are shown by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    Year,
    Half,
    Quarter,
    Month,
}

impl By {
    pub fn months(self) -> u8 {
        match self {
            By::Year => 12,
            By::Half => 6,
            By::Quarter => 3,
            By::Month => 1,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            By::Year => "year",
            By::Half => "half",
            By::Quarter => "quarter",
            By::Month => "month",
        }
    }

    /// The period of this length that contains `p`, if `p` fits inside one.
    pub fn target(self, p: Period) -> Option<Period> {
        let len = self.months();
        let first = (p.first_month - 1) / len * len + 1;
        let last = first + len - 1;
        (p.last_month <= last).then(|| Period::new(p.year, first, last).ok())?
    }
}

/// Totals re-expressed by period length, with what was left out and why.
#[derive(Clone, Debug, Default)]
pub struct Rollup {
    pub totals: Vec<Total>,
    pub notes: Vec<String>,
}

type SeriesKey = (String, String, Flow, Commodity, String);

/// The series a total belongs to: pair, flow, commodity, currency.
fn series_key(t: &Total) -> SeriesKey {
    (
        crate::codes::economy_key(&t.reporter),
        crate::codes::economy_key(&t.partner),
        t.flow,
        t.commodity.clone(),
        t.currency.clone(),
    )
}

pub fn rollup(totals: &[Total], by: By) -> Rollup {
    let mut notes = Vec::new();
    // (series, target) → source totals
    let mut groups: BTreeMap<(SeriesKey, Period), Vec<&Total>> = BTreeMap::new();
    let mut coarser: BTreeMap<Period, usize> = BTreeMap::new();
    let mut straddling: BTreeMap<Period, usize> = BTreeMap::new();
    for t in totals {
        if t.period.months() > by.months() {
            *coarser.entry(t.period).or_default() += 1;
            continue;
        }
        let Some(target) = by.target(t.period) else {
            *straddling.entry(t.period).or_default() += 1;
            continue;
        };
        let key = series_key(t);
        groups.entry((key, target)).or_default().push(t);
    }
    for (period, n) in coarser {
        notes.push(format!(
            "{period}: {n} figure(s) cover more than a {} and are left out of the by-{} view",
            by.name(),
            by.name()
        ));
    }
    for (period, n) in straddling {
        notes.push(format!(
            "{period}: {n} figure(s) straddle two {}s and are left out",
            by.name()
        ));
    }

    let mut out = Vec::new();
    for ((_, target), sources) in groups {
        if let Some(t) = combine(target, &sources, &mut notes) {
            out.push(t);
        }
    }
    out.sort_by(|a, b| {
        (&a.reporter, &a.partner, a.period, a.flow, &a.commodity).cmp(&(
            &b.reporter,
            &b.partner,
            b.period,
            b.flow,
            &b.commodity,
        ))
    });
    Rollup { totals: out, notes }
}

/// The totals of one period `target` (a year, a quarter, January–November ...) from the
/// totals inside it, one per series, by the rules above: a total of the target itself is
/// used as is, else the sub-periods of one length covering the most months
/// (`months_covered` says how many). Totals outside the target are not used.
pub fn rollup_to(totals: &[Total], target: Period) -> Vec<Total> {
    let mut groups: BTreeMap<SeriesKey, Vec<&Total>> = BTreeMap::new();
    for t in totals {
        let inside = t.period.year == target.year
            && t.period.first_month >= target.first_month
            && t.period.last_month <= target.last_month;
        if inside {
            groups.entry(series_key(t)).or_default().push(t);
        }
    }
    let mut notes = Vec::new();
    groups
        .values()
        .filter_map(|sources| combine(target, sources, &mut notes))
        .collect()
}

/// Builds one target total from the sub-period totals inside it.
fn combine(target: Period, sources: &[&Total], notes: &mut Vec<String>) -> Option<Total> {
    if let Some(exact) = sources.iter().find(|t| t.period == target) {
        return Some((*exact).clone());
    }
    // Group by sub-period length; keep the length covering the most months.
    let mut by_length: BTreeMap<u8, Vec<&Total>> = BTreeMap::new();
    for t in sources {
        by_length.entry(t.period.months()).or_default().push(t);
    }
    let mut best: Option<(u8, u32, Vec<&Total>)> = None; // (length, months mask, parts)
    for (length, parts) in by_length {
        let mut mask: u32 = 0;
        let mut overlap = false;
        for t in &parts {
            let bits = month_bits(t.period);
            overlap |= mask & bits != 0;
            mask |= bits;
        }
        if overlap {
            notes.push(format!(
                "{target}: overlapping {length}-month figures for {} {} are not added",
                parts[0].flow.plural(),
                parts[0].commodity
            ));
            continue;
        }
        let covered = mask.count_ones();
        let better = match &best {
            None => true,
            // Ties go to the longer length (fewer, coarser published figures).
            Some((_, best_mask, _)) => covered >= best_mask.count_ones(),
        };
        if better {
            best = Some((length, mask, parts));
        }
    }
    let (_, mask, parts) = best?;
    let first = parts[0];
    Some(Total {
        reporter: first.reporter.clone(),
        partner: first.partner.clone(),
        period: target,
        flow: first.flow,
        commodity: first.commodity.clone(),
        currency: first.currency.clone(),
        value: parts.iter().map(|t| t.value).sum(),
        rows: parts.iter().map(|t| t.rows).sum(),
        months_covered: u8::try_from(mask.count_ones()).unwrap_or(0),
        origin: first.origin,
    })
}

fn month_bits(p: Period) -> u32 {
    (p.first_month..=p.last_month).fold(0, |m, month| m | 1 << month)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Origin;
    use rust_decimal::Decimal;

    fn total(period: &str, flow: Flow, value: i64) -> Total {
        Total {
            reporter: "A".into(),
            partner: "B".into(),
            period: Period::parse(period).unwrap(),
            flow,
            commodity: Commodity::Total,
            currency: "USD".into(),
            value: Decimal::from(value),
            rows: 1,
            months_covered: Period::parse(period).unwrap().months(),
            origin: Origin { file: 0, line: 1 },
        }
    }

    #[test]
    fn months_roll_up_to_quarters_with_completeness() {
        let totals = vec![
            total("2019-01", Flow::Export, 1),
            total("2019-02", Flow::Export, 2),
            total("2019-03", Flow::Export, 3),
            total("2019-04", Flow::Export, 4),
            total("2019-05", Flow::Export, 5),
        ];
        let r = rollup(&totals, By::Quarter);
        assert_eq!(r.totals.len(), 2);
        assert_eq!(r.totals[0].period.label(), "2019-Q1");
        assert_eq!(r.totals[0].value, Decimal::from(6));
        assert_eq!(r.totals[0].months_covered, 3);
        assert_eq!(r.totals[1].period.label(), "2019-Q2");
        assert_eq!(r.totals[1].months_covered, 2); // partial
    }

    #[test]
    fn a_published_quarter_is_not_added_to_its_months() {
        let totals = vec![
            total("2019-Q1", Flow::Export, 100),
            total("2019-01", Flow::Export, 30),
            total("2019-02", Flow::Export, 30),
            total("2019-03", Flow::Export, 40),
        ];
        let by_quarter = rollup(&totals, By::Quarter);
        assert_eq!(by_quarter.totals.len(), 1);
        assert_eq!(by_quarter.totals[0].value, Decimal::from(100));
        // To a half-year: quarters and months both cover 3 months; the quarter wins.
        let by_half = rollup(&totals, By::Half);
        assert_eq!(by_half.totals[0].value, Decimal::from(100));
        assert_eq!(by_half.totals[0].months_covered, 3);
        // By month, the quarter row is coarser and left out, with a note.
        let by_month = rollup(&totals, By::Month);
        assert_eq!(by_month.totals.len(), 3);
        assert!(by_month.notes[0].contains("2019-Q1"));
    }

    #[test]
    fn a_year_to_date_range_is_a_partial_year() {
        let totals = vec![total("2019-01..2019-11", Flow::Import, 11)];
        let r = rollup(&totals, By::Year);
        assert_eq!(r.totals[0].period.label(), "2019");
        assert_eq!(r.totals[0].months_covered, 11);
        let q = rollup(&totals, By::Quarter);
        assert!(q.totals.is_empty());
        assert!(q.notes[0].contains("cover more than a quarter"));
    }

    #[test]
    fn targets() {
        let p = |s: &str| Period::parse(s).unwrap();
        assert_eq!(By::Quarter.target(p("2019-05")), Some(p("2019-Q2")));
        assert_eq!(By::Half.target(p("2019-Q3")), Some(p("2019-H2")));
        assert_eq!(By::Quarter.target(p("2019-03..2019-04")), None);
        assert_eq!(By::Year.target(p("2019-03..2019-04")), Some(p("2019")));
    }
}
