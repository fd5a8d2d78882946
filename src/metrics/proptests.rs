//! Properties of the metrics that must hold for any data.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::concentration::hhi;
use super::periods::By;
use super::request::{FlowChoice, Metric, Over, Request, compute};
use super::shares::partition;
use super::summary::PairSummary;
use super::{Value, growth};
use crate::flows::PairFlows;
use crate::frame::{Selection, TradeFrame};
use crate::ingest::{Dataset, Origin, Record};
use crate::model::{Commodity, Flow, Period, Unit};
use crate::number::Exact;

/// Non-negative money with up to 6 decimals and 12 integer digits.
fn money() -> impl Strategy<Value = Decimal> {
    (0i64..1_000_000_000_000_000, 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s))
}

fn positive() -> impl Strategy<Value = Decimal> {
    (1i64..1_000_000_000_000_000, 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s))
}

fn record(
    period: Period,
    flow: Flow,
    commodity: &str,
    value: Decimal,
    unit: &str,
    line: u64,
) -> Record {
    Record {
        reporter: "AAA".into(),
        partner: "BBB".into(),
        period,
        flow,
        commodity: Commodity::parse(commodity).unwrap_or(Commodity::Total),
        value: Exact::from_decimal(value),
        unit: Unit::parse(unit).unwrap_or_else(|_| Unit::usd()),
        source: String::new(),
        note: String::new(),
        origin: Origin { file: 0, line },
    }
}

/// Random small datasets: up to 4 years × 2 flows, optional HS rows, zeros allowed.
fn dataset() -> impl Strategy<Value = Vec<(i32, bool, Option<u8>, Decimal)>> {
    prop::collection::vec(
        (
            2015i32..2019,
            any::<bool>(),
            prop::option::of(1u8..4),
            money(),
        ),
        0..12,
    )
}

fn build(rows: &[(i32, bool, Option<u8>, Decimal)], unit: &str, factor: Decimal) -> Dataset {
    let mut seen = std::collections::HashSet::new();
    let mut records = Vec::new();
    for (i, (year, export, hs, value)) in rows.iter().enumerate() {
        let commodity = hs.map_or("TOTAL".to_string(), |h| format!("{:02}", h));
        if !seen.insert((*year, *export, commodity.clone())) {
            continue;
        }
        let flow = if *export { Flow::Export } else { Flow::Import };
        let period = Period::year(*year).unwrap_or(Period {
            year: 2015,
            first_month: 1,
            last_month: 12,
        });
        records.push(record(
            period,
            flow,
            &commodity,
            *value * factor,
            unit,
            i as u64 + 2,
        ));
    }
    Dataset {
        records: records.into_iter().collect(),
        ..Default::default()
    }
}

proptest! {
    #[test]
    fn shares_of_a_partition_sum_to_exactly_one(parts in prop::collection::vec(money(), 1..40)) {
        let shares = partition(&parts);
        let whole: Decimal = parts.iter().sum();
        if whole.is_zero() {
            prop_assert!(shares.iter().all(|s| s.known().is_none()));
        } else {
            let sum: Decimal = shares.iter().filter_map(Value::known).sum();
            prop_assert_eq!(sum, Decimal::ONE);
            for (s, p) in shares.iter().zip(&parts) {
                let exact = p / whole;
                prop_assert!((s.known().unwrap() - exact).abs() <= Decimal::new(1, 23));
            }
        }
    }

    #[test]
    fn growth_there_and_back_is_consistent(a in positive(), b in positive()) {
        let there = super::growth_rate(a, b).known().unwrap();
        let back = super::growth_rate(b, a).known().unwrap();
        // (1 + g_ab)(1 + g_ba) = 1, to the 28 digits divisions carry. A fall close to −100%
        // keeps 28 digits after the point, not 28 significant ones, so 1 + g has a relative
        // error of about 1e-28 × the larger of a/b and b/a, and so has the product.
        let product = (Decimal::ONE + there) * (Decimal::ONE + back);
        let spread = (a / b).max(b / a);
        let tolerance = Decimal::new(1, 26) * (Decimal::ONE + spread);
        prop_assert!((product - Decimal::ONE).abs() < tolerance, "{product} (a {a}, b {b})");
        prop_assert_eq!(there.is_sign_positive() && !there.is_zero(), b > a);
    }

    #[test]
    fn hhi_lies_between_one_over_n_and_one(parts in prop::collection::vec(money(), 1..30)) {
        let h = hhi(&parts);
        if let Some(v) = h.hhi.known() {
            let n = Decimal::from(h.parts as u64);
            prop_assert!(v <= Decimal::ONE);
            prop_assert!(v >= Decimal::ONE / n - Decimal::new(1, 26), "{v} < 1/{n}");
        } else {
            prop_assert!(parts.iter().all(|p| p.is_zero()));
        }
    }

    #[test]
    fn usd_and_usd_thousand_give_the_same_results(rows in dataset()) {
        let in_usd = build(&rows, "USD", Decimal::from(1000));
        let in_thousands = build(&rows, "USD thousand", Decimal::ONE);
        let summarise = |d: &Dataset| -> Option<PairSummary> {
            let frame = TradeFrame::from_dataset(d).ok()?;
            let totals = frame.totals(&Selection::default()).ok()?;
            let flows = PairFlows::from_totals(&totals, |_| String::new()).ok()?;
            Some(PairSummary::from_flows(&flows))
        };
        let (a, b) = (summarise(&in_usd), summarise(&in_thousands));
        prop_assert_eq!(a.is_some(), b.is_some());
        if let (Some(a), Some(b)) = (a, b) {
            let round = |v: &Value| v.known().map(|d| crate::number::round(d, 20));
            for (p, q) in a.periods.iter().zip(&b.periods) {
                // Base units: identical sums.
                prop_assert_eq!(p.turnover.known(), q.turnover.known());
                prop_assert_eq!(p.balance.known(), q.balance.known());
                prop_assert_eq!(round(&p.turnover_yoy), round(&q.turnover_yoy));
                prop_assert_eq!(round(&p.exports_share_of_turnover), round(&q.exports_share_of_turnover));
            }
        }
    }

    #[test]
    fn no_metric_panics_on_any_small_dataset(rows in dataset(), by in prop::option::of(0usize..4)) {
        let data = build(&rows, "USD", Decimal::ONE);
        let Ok(frame) = TradeFrame::from_dataset(&data) else { return Ok(()); };
        let by = by.map(|i| [By::Year, By::Half, By::Quarter, By::Month][i]);
        for over in [Over::Partners, Over::Products] {
            let request = Request {
                metrics: vec![
                    Metric::Flows, Metric::Growth, Metric::Pop, Metric::Index, Metric::Shares,
                    Metric::Partners, Metric::Hhi, Metric::Rca, Metric::Intensity, Metric::Gl,
                ],
                by,
                allow_partial: false,
                flow: FlowChoice::Exports,
                top: Some(2),
                over,
                base: None,
                include_aggregates: false,
                level: None,
            };
            // Errors (an empty selection, no world data) are fine; panics are not.
            let _ = compute(&frame, &Selection::default(), &request);
        }
        let series: Vec<growth::Point> = Vec::new();
        let _ = growth::cagr(&series, false);
    }
}
