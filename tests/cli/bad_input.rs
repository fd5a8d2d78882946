//! Malformed inputs of every kind: each gets a clear outcome — a rejected row with its
//! reason, or an error naming the file (and line, column or key) — and never a panic.

use crate::workdir::{HEADER, Workdir};

/// Runs `summary FILE` and returns (exit code, stderr).
fn summary(wd: &Workdir, name: &str, contents: impl AsRef<[u8]>) -> (i32, String) {
    wd.write(name, contents);
    let run = wd.run(&["summary", name]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    (run.code, run.stderr)
}

#[test]
fn binary_garbage_is_refused_with_the_file_named() {
    let wd = Workdir::new();
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 37 % 251) as u8).collect();
    let (code, err) = summary(&wd, "g.csv", garbage);
    assert_eq!(code, 2);
    assert!(err.contains("g.csv"), "{err}");
}

/// A gzip download cut short is an error naming the file, never the rows read so far.
#[test]
fn a_truncated_gzip_file_is_refused_whole() {
    use std::io::Write;
    let wd = Workdir::new();
    let mut rows = String::from(HEADER);
    for i in 0..50_000 {
        rows.push_str(&format!(
            "AAA,BBB,{},export,TOTAL,{i},USD,,\n",
            1900 + i % 100
        ));
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(rows.as_bytes()).unwrap();
    let whole = gz.finish().unwrap();
    wd.write("cut.csv.gz", &whole[..whole.len() / 2]);
    let run = wd.run(&["convert", "cut.csv.gz", "--out", "out.csv"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cut.csv.gz: cannot read the file: not a readable gzip file"),
        "{}",
        run.stderr
    );
    assert!(!wd.path("out.csv").exists());
    wd.write("whole.csv.gz", &whole);
    wd.run(&["convert", "whole.csv.gz", "--out", "out.csv"])
        .expect_code(0);
}

#[test]
fn a_duplicate_header_column() {
    let wd = Workdir::new();
    let (code, err) = summary(
        &wd,
        "d.csv",
        "reporter,partner,period,flow,value,value\nA,B,2019,export,1,2\n",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("d.csv:1:6: column `value` appears twice"),
        "{err}"
    );
}

#[test]
fn an_unbalanced_quote_swallows_the_rest_and_is_reported() {
    let wd = Workdir::new();
    let (code, err) = summary(
        &wd,
        "q.csv",
        format!("{HEADER}A,B,2019,export,,1,USD,\"unclosed,\nA,B,2019,import,,2,USD,,\n"),
    );
    // The quote runs to the end of the file: that row has too few fields and is refused;
    // with nothing left, the summary says the input has no records.
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("q.csv:2:") && err.contains("field(s) but the header has 9"),
        "{err}"
    );
}

#[test]
fn dates_out_of_range_and_impossible_months() {
    let wd = Workdir::new();
    for (period, says) in [
        ("1700", "out of range"),
        ("2019-00", "bad period"),
        ("2019-Q0", "bad period"),
        ("2019-12..2019-01", "starts after it ends"),
    ] {
        let (code, err) = summary(
            &wd,
            "p.csv",
            format!("{HEADER}A,B,{period},export,,1,USD,,\nA,B,2019,import,,1,USD,,\n"),
        );
        assert_eq!(code, 0, "{err}");
        assert!(
            err.contains("p.csv:2:3 (column `period`)") && err.contains(says),
            "{period}: {err}"
        );
    }
}

#[test]
fn huge_and_odd_numbers() {
    let wd = Workdir::new();
    let long = "9".repeat(10_000);
    for (value, says) in [
        (long.as_str(), "10000 significant digits"),
        ("1e400", "exponent notation"),
        ("Infinity", "not a number"),
        ("NaN", "not a number"),
        ("0x10", "not a number"),
        ("\"1,00\"", "decimal comma"),
        ("--1", "not a number"),
    ] {
        let (code, err) = summary(
            &wd,
            "n.csv",
            format!("{HEADER}A,B,2019,export,,1,USD,,\nA,B,2019,import,,{value},USD,,\n"),
        );
        assert_eq!(code, 0);
        assert!(
            err.contains("n.csv:3:6") && err.contains(says),
            "{value:.20}: {err}"
        );
        assert!(
            err.len() < 2000,
            "the message quotes a 10,000-digit number in full"
        );
    }
}

#[test]
fn zero_is_legal_negative_is_not() {
    let wd = Workdir::new();
    wd.write(
        "z.csv",
        format!("{HEADER}A,B,2019,export,,0,USD,,\nA,B,2019,import,,0,USD,,\n"),
    );
    let run = wd
        .run(&["summary", "z.csv", "--format", "json"])
        .expect_code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    // Zero trade is data: turnover 0, and growth or shares of zero are missing with a reason.
    assert_eq!(doc["periods"][0]["turnover"], "0");
    assert!(
        doc["periods"][0]["missing"]["exports_share_of_turnover"]
            .as_str()
            .unwrap()
            .contains("zero")
    );
}

#[test]
fn a_world_row_among_countries_never_enters_partner_sums() {
    let wd = Workdir::new();
    wd.write("w.csv", format!("{HEADER}A,WLD,2019,export,,100,USD,,\nA,BBB,2019,export,,30,USD,,\nA,CCC,2019,export,,10,USD,,\n"));
    let run = wd
        .run(&[
            "metrics",
            "w.csv",
            "--reporter",
            "A",
            "--metric",
            "hhi",
            "--flow",
            "exports",
            "--format",
            "json",
        ])
        .expect_code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    // Over BBB and CCC only: (30² + 10²) / 40² = 0.625.
    assert_eq!(
        doc["sections"][0]["rows"][0]["values"]["HHI (0–1)"]["value"],
        "0.625"
    );
}

#[test]
fn claims_files_that_try_to_break_the_checker() {
    let wd = Workdir::new();
    let deep = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
    let long_phrase = "x".repeat(1_000_000);
    let cases = [
        (format!("[[figure]]\nid = \"a\"\nprinted = \"$1 million\"\n\n[[claim]]\nquote = \"q\"\nsays = \"doubled\"\nvalue = \"{deep}\"\n"), "c.toml:8: `value`: the expression is 20001 characters long"),
        (format!("[[figure]]\nid = \"a\"\nprinted = \"$1 million\"\n\n[[claim]]\nquote = \"q\"\nsays = \"{long_phrase}\"\nvalue = \"a\"\n"), "c.toml:7: `says`: the phrase is 1000000 bytes long"),
        ("[[figure]]\nid = \"a\"\nprinted = \"$1 million\"\n\n[[claim]]\nquote = \"q\"\nequals = \"b\"\nvalue = \"a\"\n".to_string(), "c.toml:7: `equals`: unknown figure `b`"),
        ("[[figure]]\nid = \"../../etc\"\nprinted = \"$1 million\"\n".to_string(), "c.toml:2: `id`: `../../etc`: ids are letters"),
        ("[[figure]]\nprinted = \"$1 million\"\n".to_string(), "c.toml:1: `id`: every [[figure]] needs an id"),
        ("\u{0}\u{1}binary".to_string(), "c.toml:1: not a valid claims file"),
    ];
    for (text, wanted) in cases {
        wd.write("c.toml", &text);
        let run = wd.run(&["verify", "c.toml"]);
        assert_eq!(run.code, 2, "{wanted}: {}", run.stderr);
        assert!(
            run.stderr.contains(wanted),
            "wanted {wanted:?} in {:.300}",
            run.stderr
        );
        assert!(run.stderr.len() < 3000);
    }
    // Division by zero is a verdict (unverifiable), not a crash.
    wd.write("z.toml", "[[figure]]\nid = \"a\"\nprinted = \"$1 million\"\n\n[[figure]]\nid = \"z\"\nprinted = \"0\"\n\n[[claim]]\nquote = \"q\"\nsays = \"doubled\"\nvalue = \"a / z\"\n");
    let run = wd
        .run(&["verify", "z.toml", "--format", "json"])
        .expect_code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["claims"][0]["verdict"], "unverifiable");
    assert!(
        doc["claims"][0]["explanation"]
            .as_str()
            .unwrap()
            .contains("zero")
    );
}

#[test]
fn a_report_folder_is_written_only_where_asked() {
    let wd = Workdir::new();
    wd.write(
        "d.csv",
        format!("{HEADER}A,B,2019,export,,1,USD,,\nA,B,2019,import,,1,USD,,\n"),
    );
    wd.run(&["report", "d.csv", "--out", "sub/r"])
        .expect_code(0);
    let names: Vec<String> = std::fs::read_dir(wd.path("sub"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["r"],
        "only the report folder, no temporary leftovers"
    );
}
