//! Unit tests of the frame: exact sums, selections, the BACI sums and their Arrow IPC
//! round trip.

use super::*;
use crate::ingest::Record;
use crate::ingest::Records;
use crate::model::Unit;

fn record(period: &str, flow: Flow, value: &str, unit: &str, line: u64) -> Record {
    Record {
        reporter: "RU-FE".into(),
        partner: "PRK".into(),
        period: Period::parse(period).unwrap(),
        flow,
        commodity: Commodity::Total,
        value: Exact::parse(value).unwrap(),
        unit: Unit::parse(unit).unwrap(),
        source: String::new(),
        note: String::new(),
        origin: Origin { file: 0, line },
    }
}

#[test]
fn units_are_converted_exactly_before_summing() {
    let dataset = Dataset {
        records: Records::from_iter(vec![
            record("2019-01", Flow::Export, "10.67", "USD million", 2),
            record("2019-01", Flow::Import, "20", "USD thousand", 3),
            record("2019-02", Flow::Import, "0.000001", "USD", 4),
        ]),
        ..Default::default()
    };
    let frame = TradeFrame::from_dataset(&dataset).unwrap();
    let totals = frame.totals(&Selection::default()).unwrap();
    let values: Vec<String> = totals
        .iter()
        .map(|t| t.value.normalize().to_string())
        .collect();
    assert_eq!(values, ["10670000", "20000", "0.000001"]);
    assert_eq!(totals[2].origin.line, 4);
}

#[test]
fn selection_matches_keys_not_spelling() {
    let dataset = Dataset {
        records: Records::from_iter(vec![record("2019", Flow::Export, "1", "USD", 2)]),
        ..Default::default()
    };
    let frame = TradeFrame::from_dataset(&dataset).unwrap();
    let sel = Selection {
        reporter: Some("ru-fe".into()),
        partner: Some(" prk".into()),
        periods: vec![Period::parse("2019").unwrap()],
    };
    assert_eq!(frame.totals(&sel).unwrap().len(), 1);
    let other_year = Selection {
        periods: vec![Period::parse("2018").unwrap()],
        ..sel
    };
    assert!(frame.totals(&other_year).unwrap().is_empty());
}

#[test]
fn involving_sums_travel_as_arrow_ipc_and_wrong_shapes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.csv");
    std::fs::write(
        &path,
        "t,i,j,k,v,q\n2019,643,408,271019,9080.125,1\n2019,643,408,271011,0.5,1\n\
         2019,408,643,620520,20.5,\n2019,156,410,100199,7,\n",
    )
    .unwrap();
    let header = crate::ingest::table::open_header(&path).unwrap();
    let sums = involving_sums_local(&path, &header, 643, false, None).unwrap();
    assert_eq!(sums.rows().unwrap(), 3);
    let bytes = sums.to_arrow_ipc().unwrap();
    let back = InvolvingSums::from_arrow_ipc(&bytes).unwrap();
    assert_eq!(back.to_arrow_ipc().unwrap(), bytes);
    let profile = profile_sums(&back, 643, 408).unwrap();
    assert_eq!(profile.exports[0].1.to_string(), "9080.625");
    assert_eq!(profile.chapters.len(), 1, "27 once: 271019 and 271011");

    let ipc = |mut df: DataFrame| {
        let mut bytes = Vec::new();
        IpcWriter::new(&mut bytes).finish(&mut df).unwrap();
        InvolvingSums::from_arrow_ipc(&bytes)
            .unwrap_err()
            .to_string()
    };
    let mut renamed = sums.frame.clone();
    renamed.rename("hs2", "chapter".into()).unwrap();
    assert!(ipc(renamed).contains("expected [\"t\", \"i\""));
    let mut rescaled = sums.frame.clone();
    let v = rescaled
        .column("v")
        .unwrap()
        .cast(&DataType::Decimal(38, 3))
        .unwrap();
    rescaled.with_column(v).unwrap();
    assert!(ipc(rescaled).contains("`v` as decimal[38,3]"));
}

/// Rows of several pairs mixing HS lengths, TOTAL rows and labels, as real files do.
fn mixed_levels() -> Dataset {
    let rows = [
        // A–B: HS2 and finer rows in 2019 (HS2 is the total), only HS6 in 2020.
        ("A", "B", "2019", Flow::Export, "27", "10"),
        ("A", "B", "2019", Flow::Export, "2709", "4"),
        ("A", "B", "2019", Flow::Export, "270900", "4"),
        ("A", "B", "2019", Flow::Export, "84", "5"),
        ("A", "B", "2020", Flow::Export, "270900", "1.5"),
        ("A", "B", "2020", Flow::Export, "271000", "2.25"),
        ("A", "B", "2020", Flow::Export, "847130", "3"),
        ("A", "B", "2020", Flow::Import, "030617", "7"),
        // A–C: a TOTAL row beside HS4 rows, and a label.
        ("A", "C", "2019", Flow::Export, "TOTAL", "100"),
        ("A", "C", "2019", Flow::Export, "2709", "30"),
        ("A", "C", "2019", Flow::Export, "2710", "20"),
        ("A", "C", "2019", Flow::Export, "oil products", "50"),
        // D–B: labels only (no total can be derived).
        ("D", "B", "2019", Flow::Export, "machinery", "9"),
        // D–C: HS4 and HS6 under chapters HS4 does not cover.
        ("D", "C", "2020", Flow::Export, "8471", "6"),
        ("D", "C", "2020", Flow::Export, "030617", "0.125"),
    ];
    let records = rows
        .iter()
        .enumerate()
        .map(|(i, (r, p, period, flow, code, value))| Record {
            reporter: r.to_string(),
            partner: p.to_string(),
            commodity: Commodity::parse(code).unwrap(),
            ..record(period, *flow, value, "USD", i as u64 + 2)
        })
        .collect::<Records>();
    Dataset {
        records,
        ..Default::default()
    }
}

#[test]
fn totals_at_a_level_keep_every_flow_total_and_product_sum() {
    use crate::flows::PairFlows;
    let frame = TradeFrame::from_dataset(&mixed_levels()).unwrap();
    assert_eq!(frame.coarsest_hs_level().unwrap(), Some(2));
    let by_pair = |totals: Vec<Total>| -> Vec<PairFlows> {
        let mut pairs: Vec<Vec<Total>> = Vec::new();
        for t in totals {
            match pairs.last_mut() {
                Some(last) if last[0].reporter == t.reporter && last[0].partner == t.partner => {
                    last.push(t)
                }
                _ => pairs.push(vec![t]),
            }
        }
        pairs
            .iter()
            .map(|p| PairFlows::from_totals(p, |_| String::new()).unwrap())
            .collect()
    };
    let all = Selection::default();
    let full = by_pair(frame.totals(&all).unwrap());
    for level in [2, 4, 6] {
        let rolled = frame.totals_at_level(&all, level, None).unwrap();
        assert!(rolled.len() <= frame.totals(&all).unwrap().len());
        let rolled = by_pair(rolled);
        assert_eq!(rolled.len(), full.len());
        for (a, b) in full.iter().zip(&rolled) {
            assert_eq!((&a.reporter, &a.partner), (&b.reporter, &b.partner));
            let periods = |p: &PairFlows| p.periods.iter().map(|q| q.period).collect::<Vec<_>>();
            assert_eq!(periods(a), periods(b));
            for (x, y) in a.periods.iter().zip(&b.periods) {
                for flow in [Flow::Export, Flow::Import] {
                    assert_eq!(x.products(flow, level), y.products(flow, level), "{level}");
                }
                assert_eq!(x.exports.known(), y.exports.known(), "{} {level}", x.period);
                assert_eq!(x.imports.known(), y.imports.known());
            }
        }
    }
    // HS6 rows of one chapter become one row at level 2: A–B 2020 has 27 and 84 exports.
    let rolled = frame.totals_at_level(&all, 2, None).unwrap();
    let ab_2020: Vec<&str> = rolled
        .iter()
        .filter(|t| t.partner == "B" && t.period.year == 2020 && t.flow == Flow::Export)
        .map(|t| t.commodity.code())
        .collect();
    assert_eq!(ab_2020, ["270000", "840000"]);
}
