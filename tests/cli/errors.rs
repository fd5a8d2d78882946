//! Errors a user can act on: each names the file, and the line and column where there is
//! one. Input errors exit 2; rejected rows are reported and counted, and --strict turns
//! them into an error.

use crate::workdir::{HEADER, Workdir};

const GOOD_ROW: &str = "RU-FE,PRK,2019-Q1,export,TOTAL,10.67,USD million,,\n";

#[test]
fn missing_file_is_named() {
    let wd = Workdir::new();
    let run = wd.run(&["summary", "no-such-file.csv"]).expect_code(2);
    assert!(
        run.stderr
            .contains("no-such-file.csv: cannot read the file"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_column_is_named_with_the_columns_found() {
    let wd = Workdir::new();
    wd.write(
        "f.csv",
        "reporter,partner,period,commodity,value\nA,B,2019,TOTAL,1\n",
    );
    let run = wd.run(&["summary", "f.csv"]).expect_code(2);
    assert!(
        run.stderr
            .contains("f.csv:1: missing required column `flow`; the header has: reporter, partner, period, commodity, value")
            && run.stderr.contains("required columns: reporter, partner, period, flow, value"),
        "{}",
        run.stderr
    );
}

#[test]
fn columns_are_matched_by_name_not_position() {
    let wd = Workdir::new();
    // value before flow, partner before reporter: same data as the canonical order.
    wd.write(
        "f.csv",
        "Value,Flow,Partner,Reporter,Period\n10.67,export,PRK,RU-FE,2019-Q1\n0.02,import,PRK,RU-FE,2019-Q1\n",
    );
    let run = wd
        .run(&["summary", "f.csv", "--format", "csv"])
        .expect_code(0);
    assert!(
        run.stdout
            .contains("RU-FE,PRK,2019-Q1,turnover,,TOTAL,10.69,USD,"),
        "{}",
        run.stdout
    );
}

/// Writes one good row and one bad one (line 3), and checks both modes: by default the bad
/// row is reported on stderr and left out (exit 0, and the output says so); with --strict
/// the run stops (exit 2). Returns the default run's stderr.
fn rejected(bad_row: &str, location: &str, says: &str) -> String {
    let wd = Workdir::new();
    wd.write("f.csv", format!("{HEADER}{GOOD_ROW}{bad_row}"));
    let run = wd.run(&["summary", "f.csv"]).expect_code(0);
    assert!(run.stderr.contains("1 row(s) rejected"), "{}", run.stderr);
    assert!(
        run.stderr.contains(location),
        "wanted {location} in:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(says),
        "wanted {says:?} in:\n{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("1 rejected row(s) are NOT included"),
        "{}",
        run.stdout
    );
    // The good row is still summed, and only it.
    assert!(run.stdout.contains("10.67"), "{}", run.stdout);
    let strict = wd.run(&["summary", "f.csv", "--strict"]).expect_code(2);
    assert!(strict.stderr.contains(location), "{}", strict.stderr);
    assert!(strict.stderr.contains("--strict"), "{}", strict.stderr);
    assert!(strict.stdout.is_empty());
    run.stderr
}

#[test]
fn a_value_that_is_not_a_number() {
    rejected(
        "RU-FE,PRK,2019-Q1,import,TOTAL,0.0two,USD million,,\n",
        "f.csv:3:6 (column `value`)",
        "`0.0two` is not a number; expected a decimal like 10.69",
    );
}

#[test]
fn exponent_and_decimal_comma_are_explained() {
    rejected(
        "RU-FE,PRK,2019-Q1,import,TOTAL,2e4,USD,,\n",
        "f.csv:3:6",
        "exponent notation",
    );
    rejected(
        "RU-FE,PRK,2019-Q1,import,TOTAL,\"0,02\",USD million,,\n",
        "f.csv:3:6",
        "decimal comma",
    );
}

#[test]
fn an_unknown_flow() {
    rejected(
        "RU-FE,PRK,2019-Q1,sales,TOTAL,1,USD,,\n",
        "f.csv:3:4 (column `flow`)",
        "unknown flow `sales`; expected one of export, import, re-export, re-import, turnover",
    );
}

#[test]
fn a_bad_period() {
    rejected(
        "RU-FE,PRK,2019-13,import,TOTAL,1,USD,,\n",
        "f.csv:3:3 (column `period`)",
        "bad period `2019-13`",
    );
}

#[test]
fn a_negative_value_and_a_bad_unit() {
    rejected(
        "RU-FE,PRK,2019-Q1,import,TOTAL,-1,USD,,\n",
        "f.csv:3:6",
        "cannot be negative",
    );
    rejected(
        "RU-FE,PRK,2019-Q1,import,TOTAL,1,tons,,\n",
        "f.csv:3:7 (column `unit`)",
        "unknown unit `tons`",
    );
}

#[test]
fn a_row_with_the_wrong_number_of_fields() {
    rejected(
        "RU-FE,PRK,2019-Q1,import\n",
        "f.csv:3:",
        "the row has 4 field(s) but the header has 9",
    );
}

#[test]
fn a_conflicting_duplicate_is_refused_naming_both_lines() {
    rejected(
        "RU-FE,PRK,2019-Q1,export,TOTAL,10.5,USD million,,\n",
        "f.csv:3:",
        "duplicate record: RU-FE PRK 2019-Q1 export TOTAL conflicts with (value 10.5 here, 10.67 there) f.csv:2",
    );
}

/// Real downloads repeat rows: an exact repeat (same key, same value) is counted once and
/// said in one line, not listed as a rejection; `--strict` still refuses it.
#[test]
fn an_exact_repeat_is_counted_once_and_said_in_one_line() {
    let wd = Workdir::new();
    let repeats: String = (0..30).map(|_| GOOD_ROW).collect();
    wd.write("f.csv", format!("{HEADER}{GOOD_ROW}{repeats}"));
    let run = wd
        .run(&["summary", "f.csv", "--format", "json"])
        .expect_code(0);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines[0].contains("30 row(s) repeat an earlier row exactly")
            && lines[0].contains("counted once; the first is f.csv:3"),
        "{}",
        run.stderr
    );
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        doc["periods"][0]["exports"], "10670000",
        "counted once, not 31 times"
    );
    assert_eq!(doc["rejected_rows"], 0);
    let inspect = wd
        .run(&["inspect", "f.csv", "--format", "json"])
        .expect_code(0);
    let doc: serde_json::Value = serde_json::from_str(&inspect.stdout).unwrap();
    assert_eq!(doc["files"][0]["rows_read"], 31);
    assert_eq!(doc["files"][0]["rows_repeated"], 30);
    assert_eq!(doc["files"][0]["rows_rejected"], 0);
    assert_eq!(
        doc["repeated"].as_array().unwrap().len(),
        30,
        "inspect lists them all"
    );
    assert!(
        doc["repeated"][29]
            .as_str()
            .unwrap()
            .starts_with("f.csv:32: duplicate record")
    );
    let strict = wd.run(&["summary", "f.csv", "--strict"]).expect_code(2);
    assert!(
        strict
            .stderr
            .contains("30 row(s) rejected and --strict is set")
            && strict.stderr.contains(
                "f.csv:3: duplicate record: RU-FE PRK 2019-Q1 export TOTAL repeats f.csv:2"
            ),
        "{}",
        strict.stderr
    );
}

/// One line per kind of problem, with its first row, however many rows there are.
#[test]
fn rejected_rows_are_summarised_one_line_per_kind() {
    let wd = Workdir::new();
    let mut text = format!("{HEADER}{GOOD_ROW}");
    for i in 0..25 {
        text.push_str(&format!(
            "RU-FE,PRK,2019-Q{},import,TOTAL,x{i},USD,,\n",
            1 + i % 4
        ));
    }
    text.push_str("RU-FE,PRK,2019\n");
    wd.write("f.csv", text);
    let run = wd.run(&["summary", "f.csv"]).expect_code(0);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert!(
        lines[0].contains("26 row(s) rejected and left out"),
        "{}",
        run.stderr
    );
    assert!(
        lines[1].contains("25 × column `value`, the first: f.csv:3:6 (column `value`): `x0`"),
        "{}",
        run.stderr
    );
    assert!(
        lines[2].contains("1 × another number of fields than the header, the first: f.csv:28:"),
        "{}",
        run.stderr
    );
    // inspect lists every one.
    let all = wd
        .run(&["inspect", "f.csv", "--all-rejections"])
        .expect_code(0);
    assert_eq!(
        all.stdout.matches("(column `value`)").count(),
        25,
        "{}",
        all.stdout
    );
}

#[test]
fn mixed_currencies_are_an_error_unless_a_rate_is_given() {
    let wd = Workdir::new();
    wd.write(
        "f.csv",
        format!("{HEADER}CHN,PRK,2019,export,,448.8,CNY million,,\nCHN,PRK,2019,import,,10,USD million,,\n"),
    );
    let run = wd.run(&["summary", "f.csv"]).expect_code(2);
    assert!(
        run.stderr.contains(
            "values in different currencies cannot be added: CNY (f.csv:2) and USD (f.csv:3)"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--rate"), "{}", run.stderr);
    let converted = wd
        .run(&[
            "summary",
            "f.csv",
            "--rate",
            "CNY:USD=0.15",
            "--format",
            "json",
        ])
        .expect_code(0);
    let doc: serde_json::Value = serde_json::from_str(&converted.stdout).unwrap();
    // 448.8 million × 0.15 = 67.32 million exactly, in units in JSON.
    assert_eq!(doc["periods"][0]["exports"], "67320000");
    assert_eq!(doc["unit"], "USD");
}

#[test]
fn an_empty_file_and_a_header_only_file() {
    let wd = Workdir::new();
    wd.write("empty.csv", "");
    let run = wd.run(&["summary", "empty.csv"]).expect_code(2);
    assert!(
        run.stderr.contains("empty.csv: the file is empty"),
        "{}",
        run.stderr
    );
    wd.write("header.csv", HEADER);
    let run = wd.run(&["summary", "header.csv"]).expect_code(2);
    assert!(
        run.stderr.contains("the input has no records"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_usage_exits_2() {
    let wd = Workdir::new();
    wd.write("f.csv", format!("{HEADER}{GOOD_ROW}"));
    let run = wd
        .run(&["summary", "f.csv", "--period", "2019-Q5"])
        .expect_code(2);
    assert!(
        run.stderr.contains("bad period `2019-Q5`"),
        "{}",
        run.stderr
    );
    let run = wd
        .run(&["summary", "f.csv", "--format", "xml"])
        .expect_code(2);
    assert!(run.stderr.contains("xml"), "{}", run.stderr);
}

#[test]
fn invalid_utf8_is_rejected_with_its_column() {
    let wd = Workdir::new();
    let mut bytes = format!("{HEADER}{GOOD_ROW}").into_bytes();
    bytes.extend_from_slice(b"RU-FE,K\xd6R,2019-Q1,import,TOTAL,1,USD,,\n");
    wd.write("f.csv", bytes);
    let run = wd
        .run(&["summary", "f.csv", "--partner", "PRK"])
        .expect_code(0);
    assert!(
        run.stderr
            .contains("f.csv:3:2 (column `partner`): the text is not valid UTF-8"),
        "{}",
        run.stderr
    );
}
