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
