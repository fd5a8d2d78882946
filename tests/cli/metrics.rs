//! `tradestat metrics`: the same numbers as `summary`, roll-ups with completeness, and the
//! indicators on small hand-checkable fixtures.

use rust_decimal::Decimal;
use serde_json::Value as Json;

use crate::workdir::{HEADER, Workdir, repo_file};

fn json(run: &crate::workdir::Run) -> Json {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.stdout))
}

/// The section with `metric` id in a JSON report.
fn section<'a>(doc: &'a Json, metric: &str) -> &'a Json {
    doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["metric"] == metric)
        .unwrap_or_else(|| panic!("no {metric} section"))
}

/// The exact value of `column` in the row whose keys match all of `keys`.
fn value(section: &Json, keys: &[(&str, &str)], column: &str) -> Option<Decimal> {
    let row = section["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| keys.iter().all(|(k, v)| r["keys"][k] == *v))
        .unwrap_or_else(|| panic!("no row {keys:?} in {section}"));
    row["values"][column]["value"]
        .as_str()
        .map(|s| s.parse().unwrap())
}

fn missing(section: &Json, keys: &[(&str, &str)], column: &str) -> String {
    let row = section["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| keys.iter().all(|(k, v)| r["keys"][k] == *v))
        .unwrap();
    row["values"][column]["missing"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn growth_and_shares_match_the_summary() {
    let wd = Workdir::new();
    let data = repo_file("data/ru-kp-far-east-2019q1.csv");
    let run = wd
        .run(&["metrics", &data, "--metric", "growth,shares"])
        .expect_code(0);
    let yoy_line = run
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Growth on the same months"))
        .find(|l| l.starts_with("2019-Q1"))
        .unwrap();
    assert!(yoy_line.trim_end().ends_with("-65.2%"), "{}", run.stdout);
    let oil = run
        .stdout
        .lines()
        .find(|l| l.contains("oil products"))
        .unwrap();
    assert!(oil.contains("85.1%"), "{oil}");

    // Same code path: the exact values agree with the summary's.
    let metrics = json(
        &wd.run(&[
            "metrics",
            &data,
            "--metric",
            "yoy,shares",
            "--format",
            "json",
        ])
        .expect_code(0),
    );
    let summary = json(
        &wd.run(&["summary", &data, "--format", "json"])
            .expect_code(0),
    );
    let yoy = value(
        section(&metrics, "yoy"),
        &[("period", "2019-Q1")],
        "turnover",
    )
    .unwrap();
    assert_eq!(
        yoy.to_string(),
        summary["periods"][1]["turnover_yoy"].as_str().unwrap()
    );
    let oil = value(
        section(&metrics, "commodity-shares"),
        &[("commodity", "oil products")],
        "share",
    )
    .unwrap();
    assert_eq!(
        oil.to_string(),
        summary["parts"][0]["share_of_flow"].as_str().unwrap()
    );
}

#[test]
fn flows_with_coverage_and_relative_balance() {
    let wd = Workdir::new();
    let data = repo_file("data/ru-kp-far-east-2019q1.csv");
    let doc = json(
        &wd.run(&["metrics", &data, "--metric", "flows", "--format", "json"])
            .expect_code(0),
    );
    let flows = section(&doc, "flows");
    let q = [("period", "2019-Q1")];
    assert_eq!(value(flows, &q, "coverage"), Some(d("533.5"))); // 10.67 / 0.02
    // (10.67 − 0.02) / 10.69
    assert_eq!(
        value(flows, &q, "relative balance"),
        Some(d("10.65") / d("10.69"))
    );
    assert!(missing(flows, &[("period", "2018-Q1")], "coverage").contains("only the turnover"));
}

/// Sum of the fixture's monthly exports (USD thousand, in cents) for `year`, months a..=b,
/// recomputed from the formula that generated it.
fn fixture_exports_cents(year: i64, a: i64, b: i64) -> i64 {
    (a..=b)
        .map(|m| {
            let k = (year - 2008) * 12 + m;
            (100_000 + 1000 * (year - 2008) + 10 * m) * 100 + (k % 4) * 25
        })
        .sum()
}

fn thousands(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

#[test]
fn monthly_fixture_rolls_up_to_quarters_with_a_partial_last_quarter() {
    let wd = Workdir::new();
    let data = repo_file("tests/fixtures/monthly-12y.csv");
    let run = wd
        .run(&[
            "metrics",
            &data,
            "--metric",
            "flows,yoy",
            "--by",
            "quarter",
            "--format",
            "json",
        ])
        .expect_code(0);
    let doc = json(&run);
    assert_eq!(doc["unit"], "USD");
    let flows = section(&doc, "flows");
    let q3 = value(flows, &[("period", "2019-Q3")], "exports").unwrap();
    assert_eq!(q3 / d("1000"), thousands(fixture_exports_cents(2019, 7, 9)));
    // Only October and November 2019 exist: the quarter is partial and not compared.
    let yoy = section(&doc, "yoy");
    assert!(
        missing(yoy, &[("period", "2019-Q4 (partial 2/3)")], "exports")
            .contains("partial (2 of 3 months)")
    );
    let expected = thousands(fixture_exports_cents(2019, 7, 9))
        / thousands(fixture_exports_cents(2018, 7, 9))
        - Decimal::ONE;
    let got = value(yoy, &[("period", "2019-Q3")], "exports").unwrap();
    assert_eq!(crate::round20(got), crate::round20(expected));
    // 48 quarters, the last partial.
    assert_eq!(flows["rows"].as_array().unwrap().len(), 48);

    let allowed = json(
        &wd.run(&[
            "metrics",
            &data,
            "--metric",
            "yoy",
            "--by",
            "quarter",
            "--allow-partial",
            "--format",
            "json",
        ])
        .expect_code(0),
    );
    assert!(
        value(
            section(&allowed, "yoy"),
            &[("period", "2019-Q4 (partial 2/3)")],
            "exports"
        )
        .is_some()
    );
}

#[test]
fn monthly_fixture_by_year_cagr_and_index() {
    let wd = Workdir::new();
    let data = repo_file("tests/fixtures/monthly-12y.csv");
    let doc = json(
        &wd.run(&[
            "metrics",
            &data,
            "--metric",
            "cagr,index,pop",
            "--by",
            "year",
            "--format",
            "json",
        ])
        .expect_code(0),
    );
    let cagr = section(&doc, "cagr");
    // 2019 is partial (11 months): the span is 2008 → 2018, 10 years.
    let row = &cagr["rows"][0]["keys"];
    assert_eq!(
        (
            row["from"].as_str(),
            row["to"].as_str(),
            row["years"].as_str()
        ),
        (Some("2008"), Some("2018"), Some("10"))
    );
    let rate = value(cagr, &[("from", "2008")], "exports").unwrap();
    // (1 + rate)^10 × V_2008 reproduces V_2018 to 15 significant digits.
    let v2008 = thousands(fixture_exports_cents(2008, 1, 12));
    let v2018 = thousands(fixture_exports_cents(2018, 1, 12));
    let mut grown = v2008;
    for _ in 0..10 {
        grown *= Decimal::ONE + rate;
    }
    assert!(
        (grown - v2018).abs() / v2018 < d("0.000000000000001"),
        "{grown} vs {v2018}"
    );
    let index = section(&doc, "index");
    assert_eq!(
        value(index, &[("period", "2008")], "exports"),
        Some(d("100"))
    );
    let i2018 = value(index, &[("period", "2018")], "exports").unwrap();
    assert_eq!(
        crate::round20(i2018),
        crate::round20(v2018 / v2008 * d("100"))
    );
    // Year-on-previous-year is defined for 2009 but not for the first year.
    let pop = section(&doc, "pop");
    assert!(value(pop, &[("period", "2009")], "imports").is_some());
    assert!(missing(pop, &[("period", "2008")], "imports").contains("no 2007"));
}

#[test]
fn monthly_fixture_by_month_keeps_every_month() {
    let wd = Workdir::new();
    let data = repo_file("tests/fixtures/monthly-12y.csv");
    let doc = json(
        &wd.run(&[
            "metrics", &data, "--metric", "pop", "--by", "month", "--period", "2019-01",
            "--format", "json",
        ])
        .expect_code(0),
    );
    let pop = section(&doc, "pop");
    // Only the month asked for is shown, but its base, December 2018, is still used.
    assert_eq!(pop["rows"].as_array().unwrap().len(), 1);
    let expected = thousands(fixture_exports_cents(2019, 1, 1))
        / thousands(fixture_exports_cents(2018, 12, 12))
        - Decimal::ONE;
    let got = value(pop, &[("period", "2019-01")], "exports").unwrap();
    assert_eq!(crate::round20(got), crate::round20(expected));
    // The first month of the data has no base.
    let first = json(
        &wd.run(&[
            "metrics", &data, "--metric", "pop", "--period", "2008-01", "--format", "json",
        ])
        .expect_code(0),
    );
    assert!(
        missing(section(&first, "pop"), &[("period", "2008-01")], "exports").contains("no 2007-12")
    );
}

const PARTNERS: &str = "\
CHN,PRK,2019,export,,50,USD,,
CHN,RUS,2019,export,,30,USD,,
CHN,KOR,2019,export,,20,USD,,
CHN,Euro Area,2019,export,,400,USD,,
";

#[test]
fn partner_shares_and_hhi_leave_aggregates_out() {
    let wd = Workdir::new();
    wd.write("p.csv", format!("{HEADER}{PARTNERS}"));
    let doc = json(
        &wd.run(&[
            "metrics",
            "p.csv",
            "--metric",
            "partners,hhi",
            "--flow",
            "exports",
            "--format",
            "json",
        ])
        .expect_code(0),
    );
    let partners = section(&doc, "partners");
    assert_eq!(
        value(partners, &[("partner", "PRK")], "share"),
        Some(d("0.5"))
    );
    assert_eq!(
        value(partners, &[("partner", "KOR")], "share"),
        Some(d("0.2"))
    );
    assert_eq!(partners["rows"].as_array().unwrap().len(), 3);
    assert!(
        partners["notes"][0]
            .as_str()
            .unwrap()
            .contains("aggregates left out: Euro Area")
    );
    let hhi = section(&doc, "hhi");
    let y = [("period", "2019")];
    assert_eq!(value(hhi, &y, "HHI (0–1)"), Some(d("0.38")));
    assert_eq!(value(hhi, &y, "HHI (0–10,000)"), Some(d("3800")));
    assert_eq!(value(hhi, &y, "N"), Some(d("3")));

    // With a World row, shares are of the World total.
    wd.write(
        "w.csv",
        format!("{HEADER}{PARTNERS}CHN,World,2019,export,,200,USD,,\n"),
    );
    let doc = json(
        &wd.run(&[
            "metrics", "w.csv", "--metric", "partners", "--flow", "exports", "--format", "json",
        ])
        .expect_code(0),
    );
    assert_eq!(
        value(section(&doc, "partners"), &[("partner", "PRK")], "share"),
        Some(d("0.25"))
    );
}

#[test]
fn top_n_with_others() {
    let wd = Workdir::new();
    wd.write("p.csv", format!("{HEADER}{PARTNERS}"));
    let run = wd
        .run(&[
            "metrics", "p.csv", "--metric", "partners", "--flow", "exports", "--top", "1",
        ])
        .expect_code(0);
    let others = run
        .stdout
        .lines()
        .find(|l| l.contains("others (2)"))
        .unwrap();
    assert!(others.contains("50.0%"), "{}", run.stdout);
}

const WORLD: &str = "\
AAA,WLD,2019,export,TOTAL,100,USD,,
AAA,WLD,2019,export,27,30,USD,,
AAA,WLD,2019,export,84,70,USD,,
BBB,WLD,2019,export,TOTAL,900,USD,,
BBB,WLD,2019,export,27,20,USD,,
BBB,WLD,2019,export,84,880,USD,,
AAA,BBB,2019,export,TOTAL,60,USD,,
AAA,BBB,2019,export,27,30,USD,,
AAA,BBB,2019,export,84,30,USD,,
AAA,BBB,2019,import,TOTAL,40,USD,,
AAA,BBB,2019,import,27,10,USD,,
AAA,BBB,2019,import,84,30,USD,,
";

#[test]
fn rca_by_hand() {
    let wd = Workdir::new();
    wd.write("w.csv", format!("{HEADER}{WORLD}"));
    let doc = json(
        &wd.run(&[
            "metrics",
            "w.csv",
            "--reporter",
            "AAA",
            "--metric",
            "rca",
            "--format",
            "json",
        ])
        .expect_code(0),
    );
    let rca = section(&doc, "rca");
    // AAA: 30 of 100 in HS 27; world (AAA + BBB): 50 of 1,000. RCA = 0.3 / 0.05 = 6.
    assert_eq!(value(rca, &[("product", "27")], "RCA"), Some(d("6")));
    // HS 84: 0.7 / 0.95
    assert_eq!(
        value(rca, &[("product", "84")], "RCA"),
        Some(d("0.7") / d("0.95"))
    );
    assert!(
        rca["notes"][0]
            .as_str()
            .unwrap()
            .contains("sum of the 2 reporters")
    );
}

#[test]
fn rca_without_world_data_says_what_is_missing() {
    let wd = Workdir::new();
    wd.write(
        "one.csv",
        format!("{HEADER}AAA,BBB,2019,export,27,1,USD,,\n"),
    );
    let run = wd
        .run(&["metrics", "one.csv", "--metric", "rca"])
        .expect_code(2);
    assert!(
        run.stderr.contains("RCA needs world totals"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("reporter WLD"), "{}", run.stderr);
}

#[test]
fn trade_intensity_by_hand() {
    let wd = Workdir::new();
    wd.write(
        "t.csv",
        format!(
            "{HEADER}AAA,BBB,2019,export,,20,USD,,\nAAA,CCC,2019,export,,80,USD,,\n\
             DDD,BBB,2019,export,,30,USD,,\nDDD,CCC,2019,export,,870,USD,,\n"
        ),
    );
    let doc = json(
        &wd.run(&[
            "metrics",
            "t.csv",
            "--reporter",
            "AAA",
            "--partner",
            "BBB",
            "--metric",
            "intensity",
            "--format",
            "json",
        ])
        .expect_code(0),
    );
    // 20% of AAA's exports go to BBB, which takes 50 of 1,000 world exports: TII = 0.2/0.05 = 4.
    assert_eq!(
        value(section(&doc, "intensity"), &[("period", "2019")], "TII"),
        Some(d("4"))
    );
}

#[test]
fn grubel_lloyd_per_product_and_weighted() {
    let wd = Workdir::new();
    wd.write("w.csv", format!("{HEADER}{WORLD}"));
    let doc = json(
        &wd.run(&[
            "metrics",
            "w.csv",
            "--reporter",
            "AAA",
            "--partner",
            "BBB",
            "--metric",
            "gl,hhi",
            "--over",
            "products",
            "--flow",
            "exports",
            "--format",
            "json",
        ])
        .expect_code(0),
    );
    let gl = section(&doc, "gl");
    // HS 27: X 30, M 10 → 1 − 20/40 = 0.5; HS 84: 30/30 → 1; all: (40 − 20 + 60 − 0) / 100 = 0.8
    assert_eq!(value(gl, &[("product", "27")], "GL"), Some(d("0.5")));
    assert_eq!(value(gl, &[("product", "84")], "GL"), Some(d("1")));
    assert_eq!(
        value(gl, &[("product", "all products (trade-weighted)")], "GL"),
        Some(d("0.8"))
    );
    // Exports over products: 30 and 30 → HHI 0.5, normalised 0.
    let hhi = section(&doc, "hhi");
    assert_eq!(
        value(hhi, &[("period", "2019")], "HHI (0–1)"),
        Some(d("0.5"))
    );
    assert_eq!(
        value(hhi, &[("period", "2019")], "normalised HHI (0–1)"),
        Some(d("0"))
    );
}

#[test]
fn the_formula_and_rounding_are_printed() {
    let wd = Workdir::new();
    let run = wd
        .run(&[
            "metrics",
            &repo_file("data/ru-kp-far-east-2019q1.csv"),
            "--metric",
            "yoy",
        ])
        .expect_code(0);
    assert!(run.stdout.contains("V_t / V_(t−1y) − 1"), "{}", run.stdout);
    assert!(
        run.stdout.contains("rounded half away from zero"),
        "{}",
        run.stdout
    );
}

/// The world indices sum only export rows, rolled up to the level asked, when periods are
/// not rolled up; with `--by year` (on yearly rows: the same periods) they go the general
/// way, every total of every flow. Both must agree, on data whose pairs differ in what they
/// hold: a World partner with import rows only (its reporter's exports are then unknown,
/// not the sum over partners), a TOTAL row beside HS4 rows, HS2 beside HS6, a pair with
/// imports only, and a reporter with a World row.
#[test]
fn world_indices_agree_between_the_export_path_and_the_general_one() {
    let wd = Workdir::new();
    let rows = [
        "AAA,BBB,2019,export,27,40",
        "AAA,BBB,2019,export,270900,25",
        "AAA,BBB,2019,export,84,10",
        "AAA,CCC,2019,export,TOTAL,100",
        "AAA,CCC,2019,export,2709,30",
        "AAA,CCC,2019,export,8471,20",
        "AAA,DDD,2019,import,27,5",
        "BBB,World,2019,import,27,70",
        "BBB,AAA,2019,export,271000,12",
        "BBB,CCC,2019,export,840000,8",
        "CCC,World,2019,export,27,50",
        "CCC,World,2019,export,84,25",
        "CCC,AAA,2019,export,84,30",
        "DDD,AAA,2019,export,27,9",
        "DDD,CCC,2019,export,030617,3",
    ];
    let mut csv = String::from(HEADER);
    for r in rows {
        csv.push_str(&format!("{r},USD million,,\n"));
    }
    wd.write("w.csv", csv);
    let run = |extra: &[&str]| {
        let mut args = vec![
            "metrics",
            "w.csv",
            "--reporter",
            "AAA",
            "--partner",
            "CCC",
            "--metric",
            "rca,intensity",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let doc = json(&wd.run(&args).expect_code(0));
        (
            section(&doc, "rca").clone(),
            section(&doc, "intensity").clone(),
        )
    };
    for level in ["2", "4"] {
        let fast = run(&["--level", level]);
        let general = run(&["--level", level, "--by", "year"]);
        assert_eq!(fast, general, "level {level}");
        assert!(
            !fast.0["rows"].as_array().unwrap().is_empty(),
            "{:?}",
            fast.0
        );
    }
}

/// A BACI file (thousands of dollars) with RCA computable by hand, in BACI's order.
const BACI_WORLD: &str = "t,i,j,k,v,q\n\
    2019,156,643,270900,20,1.5\n\
    2019,156,643,840000,880,\n\
    2019,490,643,840000,40,\n\
    2019,643,156,270900,30,\n\
    2019,643,156,847130,70,\n\
    2019,643,899,270900,1000,\n";

#[test]
fn rca_of_a_baci_file_by_hand() {
    let wd = Workdir::new();
    wd.write("baci.csv", BACI_WORLD);
    let run = wd
        .run(&[
            "metrics",
            "baci.csv",
            "--reporter",
            "RUS",
            "--metric",
            "rca",
            "--level",
            "2",
            "--format",
            "json",
        ])
        .expect_code(0);
    let doc = json(&run);
    let rca = section(&doc, "rca");
    // Russia: 30 of 100 in HS 27 (its 1,000 to "areas nes" are not exports to the world).
    // World (the countries 156 and 643; 490 is "Other Asia, nes"): 50 of 1,000. RCA = 6.
    assert_eq!(value(rca, &[("product", "27")], "RCA"), Some(d("6")));
    assert_eq!(
        value(rca, &[("product", "84")], "RCA"),
        Some(d("0.7") / d("0.95"))
    );
    assert_eq!(
        value(rca, &[("product", "27")], "exports"),
        Some(d("30000"))
    );
    assert!(
        rca["notes"][0]
            .as_str()
            .unwrap()
            .contains("sum of the 2 reporters"),
        "{}",
        rca["notes"]
    );
}

/// The one-pass world read of plain BACI files and the general reader give the same
/// report: the same rows in another order (which the general reader alone reads) or with
/// a repeat.
#[test]
fn rca_of_plain_baci_equals_the_general_reader() {
    let wd = Workdir::new();
    let mut rows = String::new();
    for t in [2018, 2019, 2020] {
        for i in [4, 156, 276, 490, 643, 842] {
            for j in [4, 156, 276, 408, 643, 842, 899] {
                if i == j {
                    continue;
                }
                for (n, k) in ["010121", "10290", "270900", "271000", "847130", "870323"]
                    .iter()
                    .enumerate()
                {
                    let v = (t - 2000) * 7 + i * 3 + j + n as i32 * 11;
                    if v % 5 != 0 {
                        rows.push_str(&format!("{t},{i},{j},{k},{v}.{:03},\n", v % 997));
                    }
                }
            }
        }
    }
    wd.write("sorted.csv", format!("t,i,j,k,v,q\n{rows}"));
    let mut lines: Vec<&str> = rows.lines().collect();
    lines.reverse();
    wd.write(
        "reversed.csv",
        format!("t,i,j,k,v,q\n{}\n", lines.join("\n")),
    );
    let first = rows.lines().next().unwrap();
    wd.write("repeated.csv", format!("t,i,j,k,v,q\n{first}\n{rows}"));
    for args in [
        &[
            "--reporter",
            "643",
            "--metric",
            "rca,hhi,partners",
            "--level",
            "2",
        ][..],
        &[
            "--reporter",
            "DEU",
            "--partner",
            "CHN",
            "--metric",
            "rca,flows",
            "--level",
            "4",
        ],
        &["--reporter", "490", "--metric", "rca"],
    ] {
        for format in ["json", "table"] {
            let run = |file: &str| {
                let mut all = vec!["metrics", file];
                all.extend_from_slice(args);
                all.extend_from_slice(&["--format", format]);
                wd.run(&all).expect_code(0)
            };
            let sorted = run("sorted.csv");
            assert!(sorted.stdout.contains("Revealed comparative advantage"));
            assert_eq!(
                sorted.stdout,
                run("reversed.csv").stdout,
                "{args:?} {format}"
            );
            let repeated = run("repeated.csv");
            assert_eq!(sorted.stdout, repeated.stdout, "{args:?} {format}");
            assert!(repeated.stderr.contains("repeat"), "{}", repeated.stderr);
        }
    }
}

/// `inspect` of plain BACI files (one pass, no row kept) and of the same rows in another
/// order or with a repeat (the general reader) agree, totals and warnings included.
#[test]
fn inspect_of_plain_baci_equals_the_general_reader() {
    let wd = Workdir::new();
    wd.write("sorted.csv", BACI_WORLD);
    let mut lines: Vec<&str> = BACI_WORLD.lines().collect();
    let header = lines.remove(0);
    lines.reverse();
    wd.write("reversed.csv", format!("{header}\n{}\n", lines.join("\n")));
    for format in ["table", "json"] {
        let sorted = wd
            .run(&["inspect", "sorted.csv", "--format", format])
            .expect_code(0);
        let reversed = wd
            .run(&["inspect", "reversed.csv", "--format", format])
            .expect_code(0);
        assert_eq!(
            sorted.stdout.replace("sorted.csv", "F"),
            reversed.stdout.replace("reversed.csv", "F")
        );
    }
    // 20 + 880 + 40 + 30 + 70 + 1,000 thousand dollars, each row an export and an import.
    let table = wd.run(&["inspect", "sorted.csv"]).expect_code(0);
    assert!(table.stdout.contains("records     12"), "{}", table.stdout);
    assert!(
        table.stdout.contains("export      2040000 USD (exact)"),
        "{}",
        table.stdout
    );
    assert!(
        table.stdout.contains("import      2040000 USD (exact)"),
        "{}",
        table.stdout
    );
}

/// `convert` of plain BACI files (written row by row) and of the same rows with a repeat
/// (the general reader, which counts the repeat once) give the same records.
#[test]
fn convert_of_plain_baci_equals_the_general_reader() {
    let wd = Workdir::new();
    wd.write("sorted.csv", BACI_WORLD);
    let first = BACI_WORLD.lines().nth(1).unwrap();
    wd.write("repeated.csv", format!("{BACI_WORLD}{first}\n"));
    let plain = wd.run(&["convert", "sorted.csv"]).expect_code(0);
    let general = wd.run(&["convert", "repeated.csv"]).expect_code(0);
    assert!(general.stderr.contains("repeat"), "{}", general.stderr);
    assert_eq!(
        plain.stdout.replace("sorted.csv", "F"),
        general.stdout.replace("repeated.csv", "F")
    );
    // Each row twice: the exporter's export and the importer's import.
    assert_eq!(plain.stdout.lines().count(), 1 + 12);
    assert!(
        plain
            .stdout
            .contains("643,899,2019,export,270900,1000,USD thousand,")
    );
    assert!(
        plain
            .stdout
            .contains("899,643,2019,import,270900,1000,USD thousand,")
    );
    wd.run(&["convert", "sorted.csv", "--out", "out.csv"])
        .expect_code(0);
    let written = std::fs::read_to_string(wd.path("out.csv")).unwrap();
    assert_eq!(written, plain.stdout);
}

#[test]
fn metrics_of_one_reporter_read_only_the_rows_involving_it() {
    let wd = Workdir::new();
    let own = "\
CHN,PRK,2018,export,,40,USD,,
CHN,PRK,2019,export,,50,USD,,
CHN,RUS,2019,export,,30,USD,,
RUS,CHN,2019,export,,25,USD,,
CHN,KOR,2019,import,,20,USD,,
";
    // Rows of other economies, one of them broken (a negative value).
    let others = "\
RUS,KOR,2019,export,,70,USD,,
KOR,PRK,2019,export,,-5,USD,,
USA,RUS,2018,import,,9,USD,,
";
    wd.write("own.csv", format!("{HEADER}{own}"));
    wd.write("all.csv", format!("{HEADER}{others}{own}"));
    let asks: [&[&str]; 3] = [
        &["--partner", "PRK", "--metric", "flows,growth"],
        &["--metric", "partners,hhi"],
        &["--partner", "RUS", "--metric", "shares,gl,multiple"],
    ];
    for ask in asks {
        let run = |file: &str| {
            let mut args = vec!["metrics", file, "--reporter", "CHN", "--format", "json"];
            args.extend_from_slice(ask);
            wd.run(&args).expect_code(0)
        };
        let (all, own) = (run("all.csv"), run("own.csv"));
        assert_eq!(all.stdout, own.stdout, "{ask:?}");
        assert!(
            all.stderr
                .contains("3 row(s) that do not involve CHN were skipped unread"),
            "{}",
            all.stderr
        );
        assert!(!all.stderr.contains("cannot be negative"), "{}", all.stderr);
    }
    // RCA compares the reporter with the world: every row is read, and the broken one is
    // reported.
    let rca = wd
        .run(&[
            "metrics",
            "all.csv",
            "--reporter",
            "CHN",
            "--partner",
            "PRK",
            "--metric",
            "rca",
        ])
        .expect_code(0);
    assert!(rca.stderr.contains("cannot be negative"), "{}", rca.stderr);
    assert!(!rca.stderr.contains("skipped unread"), "{}", rca.stderr);
}

/// `convert` of plain BACI files to Parquet and Arrow (written ~260,000 records at a time,
/// the value column at the most decimals of the files) and of the same rows with a repeat
/// (the general reader, every record at once) read back as the same records; more than
/// one batch.
#[test]
fn columnar_convert_of_plain_baci_equals_the_general_reader() {
    let wd = Workdir::new();
    let mut text = String::from("t,i,j,k,v,q\n");
    for i in [4, 8, 12, 156, 643] {
        for j in [20, 31, 40, 408, 804] {
            for n in 0..6_000 {
                let k = 10_000 + n * 7;
                let v = match n % 3 {
                    0 => format!("{n}"),
                    1 => format!("{n}.5"),
                    _ => format!("0.{:03}", n % 1000),
                };
                text.push_str(&format!("2019,{i},{j},{k},{v},NA\n"));
            }
        }
    }
    wd.write("plain.csv", &text);
    let first = text.lines().nth(1).unwrap();
    wd.write("repeated.csv", format!("{text}{first}\n"));
    for out in [
        "plain.parquet",
        "plain.arrow",
        "repeated.parquet",
        "repeated.arrow",
    ] {
        let input = format!("{}.csv", out.split('.').next().unwrap());
        wd.run(&["convert", &input, "--out", out]).expect_code(0);
    }
    for format in ["parquet", "arrow"] {
        let read = |name: &str| {
            let run = wd
                .run(&["convert", &format!("{name}.{format}")])
                .expect_code(0);
            run.stdout.replace(&format!("({name}.csv)"), "(F)")
        };
        let (plain, general) = (read("plain"), read("repeated"));
        assert_eq!(plain.lines().count(), 1 + 2 * 150_000, "{format}");
        assert!(plain == general, "{format}: the records differ");
        assert!(plain.contains("4,20,2019,export,010007,1.5,"), "{format}");
        assert!(plain.contains(",0.002,"), "{format}");
    }
}
