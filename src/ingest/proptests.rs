//! Properties of reading: the canonical format round-trips, and the order of rows never
//! changes a sum.

use proptest::prelude::*;

use super::{Dataset, Origin, ReadOptions, Record};
use crate::frame::{Selection, TradeFrame};
use crate::model::{Commodity, Flow, Period, Unit};
use crate::number::Exact;

fn record() -> impl Strategy<Value = Record> {
    let economy = prop::sample::select(vec![
        "PRK",
        "RU-FE",
        "China",
        "Korea, Rep. of",
        "Côte d'Ivoire",
        "A \"quoted\" place",
        "Atlantis",
    ]);
    let period = (
        1990i32..2030,
        prop::sample::select(vec![(1u8, 12u8), (1, 3), (4, 6), (7, 12), (5, 5), (1, 11)]),
    )
        .prop_map(|(y, (f, l))| {
            Period::new(y, f, l).unwrap_or(Period {
                year: 2000,
                first_month: 1,
                last_month: 12,
            })
        });
    let flow = prop::sample::select(Flow::ALL.to_vec());
    let commodity = prop::sample::select(vec![
        Commodity::Total,
        Commodity::Hs("27".into()),
        Commodity::Hs("2709".into()),
        Commodity::Hs("270900".into()),
        Commodity::Label("oil products".into()),
        Commodity::Label("fish, frozen".into()),
    ]);
    let value = (0i128..1_000_000_000_000_000, 0u32..12).prop_map(|(m, s)| {
        Exact {
            mantissa: m,
            scale: s,
        }
        .normalize()
    });
    let unit = prop::sample::select(vec!["USD", "USD thousand", "USD million", "CNY billion"]);
    let text = prop::sample::select(vec!["", "customs, 2019", "a \"note\"", "ünïcode"]);
    (
        economy.clone(),
        economy,
        period,
        flow,
        commodity,
        value,
        unit,
        text.clone(),
        text,
    )
        .prop_map(
            |(reporter, partner, period, flow, commodity, value, unit, source, note)| Record {
                reporter: reporter.to_string(),
                partner: partner.to_string(),
                period,
                flow,
                commodity,
                value,
                unit: Unit::parse(unit).unwrap_or_else(|_| Unit::usd()),
                source: source.to_string(),
                note: note.to_string(),
                origin: Origin { file: 0, line: 0 },
            },
        )
}

/// Records with distinct identities (a repeated identity is refused on reading).
fn distinct(records: Vec<Record>) -> Vec<Record> {
    let mut seen = std::collections::HashSet::new();
    records
        .into_iter()
        .filter(|r| {
            seen.insert((
                crate::codes::economy_key(&r.reporter),
                crate::codes::economy_key(&r.partner),
                r.period,
                r.flow,
                r.commodity.clone(),
            ))
        })
        .collect()
}

fn read_back(text: &str) -> Dataset {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("r.csv");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    Dataset::read(&[path], &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn writing_and_reading_the_canonical_format_is_the_identity(records in prop::collection::vec(record(), 0..40)) {
        let records = distinct(records);
        let text = super::canonical::write(&records);
        let back = read_back(&text);
        prop_assert!(back.rejected.is_empty(), "{:?}", back.rejected);
        prop_assert_eq!(back.records.len(), records.len());
        for (a, b) in records.iter().zip(back.records.iter()) {
            let mut b = b;
            b.origin = a.origin;
            prop_assert_eq!(a, &b);
        }
    }

    #[test]
    fn the_order_of_rows_never_changes_a_sum(records in prop::collection::vec(record(), 1..40), seed in any::<u64>()) {
        let records: Vec<Record> = distinct(records).into_iter().filter(|r| r.unit.currency == "USD").collect();
        let mut shuffled = records.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let totals = |rs: Vec<Record>| -> Vec<(String, String, String)> {
            let d = Dataset { records: rs.into_iter().collect(), ..Default::default() };
            let frame = TradeFrame::from_dataset(&d).unwrap_or_else(|e| panic!("{e}"));
            let mut t: Vec<(String, String, String)> = frame
                .totals(&Selection::default())
                .unwrap_or_else(|e| panic!("{e}"))
                .into_iter()
                .map(|t| (format!("{} {} {}", t.reporter, t.partner, t.period), format!("{} {}", t.flow, t.commodity), t.value.normalize().to_string()))
                .collect();
            t.sort();
            t
        };
        let a = totals(records);
        let b = totals(shuffled);
        // Display names may come from either spelling; compare the sums per identity.
        prop_assert_eq!(a.iter().map(|x| (&x.1, &x.2)).collect::<Vec<_>>().len(), b.len());
        let sums = |v: &Vec<(String, String, String)>| { let mut s: Vec<String> = v.iter().map(|x| x.2.clone()).collect(); s.sort(); s };
        prop_assert_eq!(sums(&a), sums(&b));
    }
}
