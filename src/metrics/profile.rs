//! The bilateral profile (the benchmark job, ../shared/bench/README.md): per year A's
//! exports to and imports from B with turnover, balance and growth; A's exports to B by
//! HS chapter (top 5 a year); A's top 10 partners over all years. Polars sums exactly;
//! growth and shares are computed here in rust_decimal.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{Value, balance, growth_rate, share, turnover};
use crate::error::{Error, Result};
use crate::frame::ProfileSums;
use crate::number::Exact;

pub const TOP_CHAPTERS: usize = 5;
pub const TOP_PARTNERS: usize = 10;

#[derive(Clone, Debug, PartialEq)]
pub struct YearRow {
    pub year: i32,
    pub exports: Decimal,
    pub imports: Decimal,
    pub turnover: Decimal,
    pub balance: Decimal,
    /// (T_t / T_(t−1) − 1) × 100; missing when t−1 is absent or zero.
    pub growth_pct: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChapterRow {
    pub year: i32,
    pub rank: usize,
    pub hs2: String,
    pub value: Decimal,
    pub share_pct: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PartnerRow {
    pub rank: usize,
    /// The partner as the data names it (BACI: the numeric code).
    pub partner: String,
    pub exports: Decimal,
    pub imports: Decimal,
    pub turnover: Decimal,
    pub share_pct: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub yearly: Vec<YearRow>,
    pub chapters: Vec<ChapterRow>,
    pub partners: Vec<PartnerRow>,
}

fn dec(e: Exact) -> Result<Decimal> {
    e.to_decimal()
        .ok_or_else(|| Error::Overflow(format!("{e} needs more than 28 digits")))
}

fn pct(v: Value) -> Value {
    match v {
        Value::Known(d) => Value::Known(d * Decimal::ONE_HUNDRED),
        m => m,
    }
}

pub fn profile(sums: &ProfileSums) -> Result<Profile> {
    let mut years: BTreeMap<i32, (Decimal, Decimal)> = BTreeMap::new();
    for (y, v) in &sums.exports {
        years.entry(*y).or_default().0 += dec(*v)?;
    }
    for (y, v) in &sums.imports {
        years.entry(*y).or_default().1 += dec(*v)?;
    }
    let turnover_of: BTreeMap<i32, Decimal> = years.iter().map(|(y, (x, m))| (*y, x + m)).collect();
    let yearly = years
        .iter()
        .map(|(year, (x, m))| {
            let t = turnover(*x, *m);
            let growth_pct = match turnover_of.get(&(year - 1)) {
                Some(prev) if !prev.is_zero() => pct(growth_rate(*prev, t)),
                Some(_) => Value::Missing(format!("{} turnover is zero", year - 1)),
                None => Value::Missing(format!("no {} in the data", year - 1)),
            };
            YearRow {
                year: *year,
                exports: *x,
                imports: *m,
                turnover: t,
                balance: balance(*x, *m),
                growth_pct,
            }
        })
        .collect();

    let mut by_year: BTreeMap<i32, Vec<(String, Decimal)>> = BTreeMap::new();
    for (y, hs2, v) in &sums.chapters {
        by_year.entry(*y).or_default().push((hs2.clone(), dec(*v)?));
    }
    let mut chapters = Vec::new();
    for (year, mut list) in by_year {
        let total: Decimal = list.iter().map(|c| c.1).sum();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for (i, (hs2, value)) in list.into_iter().take(TOP_CHAPTERS).enumerate() {
            chapters.push(ChapterRow {
                year,
                rank: i + 1,
                hs2,
                value,
                share_pct: pct(share(value, total)),
            });
        }
    }

    let mut partners_map: BTreeMap<String, (Decimal, Decimal)> = BTreeMap::new();
    for (p, v) in &sums.partner_exports {
        partners_map.entry(p.to_string()).or_default().0 += dec(*v)?;
    }
    for (p, v) in &sums.partner_imports {
        partners_map.entry(p.to_string()).or_default().1 += dec(*v)?;
    }
    for (p, x, m) in &sums.named_partners {
        let e = partners_map.entry(p.clone()).or_default();
        e.0 += dec(*x)?;
        e.1 += dec(*m)?;
    }
    let all: Decimal = partners_map.values().map(|(x, m)| x + m).sum();
    let mut list: Vec<(String, Decimal, Decimal)> = partners_map
        .into_iter()
        .map(|(p, (x, m))| (p, x, m))
        .collect();
    // Ties by partner: numerically for codes, alphabetically for names.
    let order = |a: &str, b: &str| match (a.parse::<i64>(), b.parse::<i64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        _ => a.cmp(b),
    };
    list.sort_by(|a, b| {
        (b.1 + b.2)
            .cmp(&(a.1 + a.2))
            .then_with(|| order(&a.0, &b.0))
    });
    let partners = list
        .into_iter()
        .take(TOP_PARTNERS)
        .enumerate()
        .map(|(i, (partner, x, m))| PartnerRow {
            rank: i + 1,
            partner,
            exports: x,
            imports: m,
            turnover: x + m,
            share_pct: pct(share(x + m, all)),
        })
        .collect();
    Ok(Profile {
        yearly,
        chapters,
        partners,
    })
}

/// The same sums from any layout tradestat reads (values in base currency units, e.g.
/// USD): years only; a missing direction counts as zero, as the benchmark job defines.
pub fn sums_from_frame(
    frame: &crate::frame::TradeFrame,
    reporter: &str,
    partner: &str,
) -> Result<ProfileSums> {
    use crate::codes::{economy_key, is_aggregate};
    use crate::flows::PairFlows;
    use crate::frame::Selection;
    use crate::model::{Commodity, Flow, PeriodKind};

    let totals = frame.totals(&Selection {
        reporter: Some(reporter.to_string()),
        partner: None,
        periods: Vec::new(),
    })?;
    if totals.is_empty() {
        return Err(Error::EmptySelection {
            selection: format!("--reporter {reporter}"),
            hint: String::new(),
        });
    }
    let mut groups: BTreeMap<String, Vec<crate::frame::Total>> = BTreeMap::new();
    for t in totals
        .into_iter()
        .filter(|t| t.period.kind() == PeriodKind::Year)
    {
        groups.entry(economy_key(&t.partner)).or_default().push(t);
    }
    let exact = |d: Decimal| Exact::from_decimal(d);
    let mut sums = ProfileSums::default();
    let b = economy_key(partner);
    for (key, rows) in groups {
        sums.rows += rows.len();
        let flows = PairFlows::from_totals(&rows, |t| format!("line {}", t.origin.line))?;
        if key == b {
            for p in &flows.periods {
                sums.exports
                    .push((p.period.year, exact(p.exports.known().unwrap_or_default())));
                sums.imports
                    .push((p.period.year, exact(p.imports.known().unwrap_or_default())));
            }
            let by_chapter = flows.clone().at_level(2);
            for p in &by_chapter.periods {
                for part in p.parts.iter().filter(|x| x.flow == Flow::Export) {
                    if let Commodity::Hs(code) = &part.commodity {
                        sums.chapters
                            .push((p.period.year, code.clone(), exact(part.value)));
                    }
                }
            }
        }
        if is_aggregate(&flows.partner) {
            continue;
        }
        let x: Decimal = flows.periods.iter().filter_map(|p| p.exports.known()).sum();
        let m: Decimal = flows.periods.iter().filter_map(|p| p.imports.known()).sum();
        sums.named_partners
            .push((flows.partner.clone(), exact(x), exact(m)));
    }
    Ok(sums)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(s: &str) -> Exact {
        Exact::parse(s).unwrap()
    }

    #[test]
    fn the_three_tables_by_hand() {
        let sums = ProfileSums {
            exports: vec![(2018, e("25000")), (2019, e("10670.125"))],
            imports: vec![(2018, e("5720")), (2019, e("20.5"))],
            chapters: vec![
                (2019, "27".into(), e("9080.125")),
                (2019, "10".into(), e("1590")),
                (2019, "62".into(), e("1590")),
            ],
            partner_exports: vec![(408, e("35670.125")), (156, e("100000"))],
            partner_imports: vec![(408, e("5740.5"))],
            named_partners: Vec::new(),
            rows: 7,
        };
        let p = profile(&sums).unwrap();
        assert_eq!(p.yearly[0].growth_pct.known(), None);
        assert_eq!(
            p.yearly[1].turnover,
            "10690.625".parse::<Decimal>().unwrap()
        );
        let g = p.yearly[1].growth_pct.known().unwrap();
        assert_eq!(
            crate::number::round(g, 6),
            "-65.199788".parse::<Decimal>().unwrap()
        );
        // Ties on value go to the lower chapter code.
        assert_eq!(
            p.chapters
                .iter()
                .map(|c| c.hs2.as_str())
                .collect::<Vec<_>>(),
            ["27", "10", "62"]
        );
        assert_eq!(p.partners[0].partner, "156");
        let shares: Decimal = p.partners.iter().filter_map(|r| r.share_pct.known()).sum();
        assert_eq!(crate::number::round(shares, 20), Decimal::ONE_HUNDRED);
    }
}
