//! `tradestat summary` on the bundled data and on exactness fixtures.

use crate::workdir::{HEADER, Workdir, repo_file};

/// The cells of the main table's row for `period`, split on runs of spaces.
fn table_row(stdout: &str, period: &str) -> Vec<String> {
    let line = stdout
        .lines()
        .find(|l| l.split_whitespace().next() == Some(period))
        .unwrap_or_else(|| panic!("no row for {period} in:\n{stdout}"));
    line.split_whitespace().map(str::to_string).collect()
}

#[test]
fn bundled_data_gives_the_published_figures_and_the_fall() {
    let wd = Workdir::new();
    let run = wd
        .run(&["summary", &repo_file("data/ru-kp-far-east-2019q1.csv")])
        .expect_code(0);
    let out = &run.stdout;
    assert!(out.contains("USD million"), "{out}");
    // period, exports, imports, turnover, balance, turnover YoY, exports/turnover
    assert_eq!(
        table_row(out, "2019-Q1")[..7],
        [
            "2019-Q1", "10.67", "0.02", "10.69", "+10.65", "-65.2%", "99.8%"
        ]
    );
    assert_eq!(
        table_row(out, "2018-Q1")[..7],
        ["2018-Q1", "—", "—", "30.72", "—", "—", "—"]
    );
    let oil = out
        .lines()
        .find(|l| l.contains("oil products"))
        .expect("breakdown row");
    assert!(
        oil.contains("9.08") && oil.trim_end().ends_with("85.1%"),
        "{oil}"
    );
    // Missing is explained, not shown as zero.
    assert!(
        out.contains("only the turnover was published for 2018-Q1"),
        "{out}"
    );
    assert!(out.contains("rounded half away from zero"), "{out}");
}

#[test]
fn json_carries_exact_values_and_reasons() {
    let wd = Workdir::new();
    let run = wd
        .run(&[
            "summary",
            &repo_file("data/ru-kp-far-east-2019q1.csv"),
            "--format",
            "json",
        ])
        .expect_code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    // Money in units of the currency, whatever the data's size (docs/output.md).
    assert_eq!(doc["unit"], "USD");
    let q1_2019 = &doc["periods"][1];
    assert_eq!(q1_2019["period"], "2019-Q1");
    assert_eq!(q1_2019["turnover"], "10690000");
    assert_eq!(q1_2019["balance"], "10650000");
    // 10.69 / 30.72 − 1, exactly to 28 digits.
    assert_eq!(q1_2019["turnover_yoy"], "-0.6520182291666666666666666667");
    let q1_2018 = &doc["periods"][0];
    assert_eq!(q1_2018["exports"], serde_json::Value::Null);
    assert!(
        q1_2018["missing"]["exports"]
            .as_str()
            .unwrap()
            .contains("only the turnover")
    );
    assert_eq!(doc["parts"][0]["commodity"], "oil products");
}

#[test]
fn csv_and_markdown_formats() {
    let wd = Workdir::new();
    let data = repo_file("data/ru-kp-far-east-2019q1.csv");
    let csv = wd
        .run(&["summary", &data, "--format", "csv"])
        .expect_code(0)
        .stdout;
    assert!(csv.starts_with("reporter,partner,period,measure,flow,commodity,value,unit,note\n"));
    assert!(
        csv.contains("RU-FE,PRK,2019-Q1,turnover,,TOTAL,10690000,USD,\n"),
        "{csv}"
    );
    assert!(csv.contains("RU-FE,PRK,2019-Q1,part,export,oil products,9080000,USD,\n"));
    // Or in the unit asked for.
    let millions = wd
        .run(&[
            "summary",
            &data,
            "--format",
            "csv",
            "--money-unit",
            "million",
        ])
        .expect_code(0)
        .stdout;
    assert!(
        millions.contains("RU-FE,PRK,2019-Q1,turnover,,TOTAL,10.69,USD million,\n"),
        "{millions}"
    );
    let md = wd
        .run(&["summary", &data, "--format", "markdown"])
        .expect_code(0)
        .stdout;
    assert!(
        md.contains("| 2019-Q1 | 10.67 | 0.02 | 10.69 | +10.65 | -65.2% | 99.8% |"),
        "{md}"
    );
}

#[test]
fn ten_thousand_small_values_sum_exactly() {
    // 10,000 HS6 rows with values 0.10, 0.20, ... 0.90 and no TOTAL row: the exports total
    // is their exact sum, which a float accumulator would miss in the last digits.
    let wd = Workdir::new();
    let mut csv = String::from(HEADER);
    let mut expected_cents: i64 = 0;
    for i in 0..10_000 {
        let tenths = i % 9 + 1;
        expected_cents += tenths * 10;
        csv.push_str(&format!(
            "AAA,BBB,2020,export,{:06},0.{tenths}0,USD,,\n",
            100_000 + i
        ));
    }
    let path = wd.write("many.csv", csv);
    let run = wd
        .run(&["summary", path.to_str().unwrap(), "--format", "json"])
        .expect_code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let expected = format!("{}.{:02}", expected_cents / 100, expected_cents % 100);
    let expected = expected.trim_end_matches('0').trim_end_matches('.');
    // In units of the currency, whatever the total's size.
    assert_eq!(doc["unit"], "USD");
    let exports: rust_decimal::Decimal = doc["periods"][0]["exports"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let expected: rust_decimal::Decimal = expected.parse().unwrap();
    assert_eq!(exports, expected);
    assert_eq!(doc["parts"].as_array().unwrap().len(), 10_000);
}

#[test]
fn values_with_many_decimals_are_kept_exact() {
    let wd = Workdir::new();
    let path = wd.write(
        "precise.csv",
        format!(
            "{HEADER}AAA,BBB,2020,export,,0.123456789012345678,USD,,\n\
             AAA,BBB,2020,import,,1,USD,,\n"
        ),
    );
    let run = wd
        .run(&["summary", path.to_str().unwrap(), "--format", "json"])
        .expect_code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["periods"][0]["exports"], "0.123456789012345678");
    assert_eq!(doc["periods"][0]["turnover"], "1.123456789012345678");
    assert_eq!(doc["periods"][0]["balance"], "-0.876543210987654322");
}

#[test]
fn units_of_one_currency_are_converted_exactly() {
    let wd = Workdir::new();
    let path = wd.write(
        "units.csv",
        format!(
            "{HEADER}AAA,BBB,2020,export,,1.5,USD million,,\n\
             AAA,BBB,2020,import,,250,USD thousand,,\n"
        ),
    );
    let run = wd.run(&["summary", path.to_str().unwrap()]).expect_code(0);
    let row = table_row(&run.stdout, "2020");
    assert_eq!(
        row[1..5],
        ["1.50", "0.25", "1.75", "+1.25"],
        "{}",
        run.stdout
    );
}

#[test]
fn growth_never_compares_periods_of_different_length() {
    let wd = Workdir::new();
    let path = wd.write(
        "ytd.csv",
        format!(
            "{HEADER}AAA,BBB,2018,turnover,,100,USD,,\n\
             AAA,BBB,2019-01..2019-11,turnover,,90,USD,,\n\
             AAA,BBB,2018-01..2018-11,turnover,,80,USD,,\n"
        ),
    );
    let run = wd
        .run(&["summary", path.to_str().unwrap(), "--format", "json"])
        .expect_code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let periods = doc["periods"].as_array().unwrap();
    let ytd = periods
        .iter()
        .find(|p| p["period"] == "2019-01..2019-11")
        .unwrap();
    assert_eq!(ytd["turnover_yoy"], "0.125"); // 90 / 80 − 1, not 90 / 100 − 1
    let year = periods.iter().find(|p| p["period"] == "2018").unwrap();
    assert!(
        year["missing"]["turnover_yoy"]
            .as_str()
            .unwrap()
            .contains("no 2017")
    );
}

#[test]
fn the_single_pair_is_chosen_and_several_are_listed() {
    let wd = Workdir::new();
    let path = wd.write(
        "pairs.csv",
        format!(
            "{HEADER}CHN,PRK,2019,export,,1,USD,,\n\
             RUS,PRK,2019,export,,2,USD,,\n"
        ),
    );
    let file = path.to_str().unwrap();
    let run = wd.run(&["summary", file]).expect_code(2);
    assert!(
        run.stderr.contains("2 reporter–partner pairs"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--reporter CHN --partner PRK"));
    assert!(run.stderr.contains("--reporter RUS --partner PRK"));
    let chosen = wd
        .run(&["summary", file, "--reporter", "rus"])
        .expect_code(0);
    assert_eq!(table_row(&chosen.stdout, "2019")[1], "2.00");
    let flipped = wd
        .run(&["summary", file, "--reporter", "PRK", "--partner", "CHN"])
        .expect_code(2);
    assert!(
        flipped.stderr.contains("swap --reporter and --partner"),
        "{}",
        flipped.stderr
    );
}

#[test]
fn many_pairs_are_listed_largest_first_and_cut_after_twenty() {
    let wd = Workdir::new();
    let mut rows = String::new();
    // 25 partners of CHN, partner n with n rows (one per year).
    for n in 1..=25 {
        for year in 0..n {
            rows.push_str(&format!("CHN,P{n:02},{},export,,1,USD,,\n", 1990 + year));
        }
    }
    let path = wd.write("many.csv", format!("{HEADER}{rows}"));
    let run = wd.run(&["summary", path.to_str().unwrap()]).expect_code(2);
    assert!(
        run.stderr.contains("25 reporter–partner pairs"),
        "{}",
        run.stderr
    );
    let listed = run.stderr.matches("--reporter CHN --partner").count();
    assert_eq!(listed, 20, "{}", run.stderr);
    assert!(
        run.stderr.contains("--partner P25  (25 rows)"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("--partner P01 "), "{}", run.stderr);
    assert!(
        run.stderr.contains("... and 5 more with fewer rows"),
        "{}",
        run.stderr
    );
}
