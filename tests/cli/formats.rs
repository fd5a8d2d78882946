//! Real layouts, through the CLI, on small fixtures of our own in tests/fixtures/formats/:
//! UN Comtrade+ v1 (camelCase and snake_case), Comtrade legacy (bulk and R-mangled),
//! CEPII BACI (plain and gzip), IMF DOTS, a customs table through a mapping, a Latin-1
//! wide pivot, and a canonical file with a BOM, CRLF and no final newline.

use serde_json::Value as Json;

use crate::workdir::{Workdir, repo_file};

fn fixture(name: &str) -> String {
    repo_file(&format!("tests/fixtures/formats/{name}"))
}

fn inspect(wd: &Workdir, args: &[&str]) -> Json {
    let mut all = vec!["inspect"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = wd.run(&all).expect_code(0);
    serde_json::from_str(&run.stdout).unwrap()
}

fn summary(wd: &Workdir, args: &[&str]) -> Json {
    let mut all = vec!["summary"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = wd.run(&all).expect_code(0);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn period<'a>(doc: &'a Json, label: &str) -> &'a Json {
    doc["periods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["period"] == label)
        .unwrap()
}

#[test]
fn comtrade_plus_reads_totals_and_refuses_breakdowns() {
    let wd = Workdir::new();
    let doc = inspect(&wd, &[&fixture("comtrade-plus.csv")]);
    let f = &doc["files"][0];
    assert_eq!(f["layout"], "UN Comtrade+ v1");
    assert_eq!(
        (f["rows_read"].as_u64(), f["rows_rejected"].as_u64()),
        (Some(7), Some(1))
    );
    assert_eq!(f["totals"]["export USD"], "4914400000");
    assert_eq!(f["totals"]["import USD"], "428200000.5");
    // The domestic-export flow is kept apart, never added to exports.
    assert_eq!(f["totals"]["other USD"], "2500000000");
    assert!(
        doc["rejected"][0]
            .as_str()
            .unwrap()
            .contains("breakdown by mode of transport (1000)")
    );

    let s = summary(&wd, &[&fixture("comtrade-plus.csv")]);
    assert_eq!(s["unit"], "USD");
    assert_eq!(period(&s, "2019")["exports"], "2573000000");
    assert_eq!(period(&s, "2019")["imports"], "215200000.5");
    assert_eq!(s["parts"][0]["commodity"], "27");
}

#[test]
fn comtrade_snake_case_without_a_total_row() {
    let wd = Workdir::new();
    let run = wd
        .run(&["summary", &fixture("comtrade-snake.csv")])
        .expect_code(0);
    assert!(
        run.stderr
            .contains("comtrade-snake.csv:4:8 (column `primary_value`): no value"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains("no TOTAL row; the total is the sum of the HS4 rows"),
        "{}",
        run.stdout
    );
    let s = summary(&wd, &[&fixture("comtrade-snake.csv")]);
    assert_eq!(period(&s, "2019")["exports"], "34000000.25");
}

#[test]
fn comtrade_legacy_bulk_and_r_headers() {
    let wd = Workdir::new();
    let f = &inspect(&wd, &[&fixture("comtrade-legacy-bulk.csv")])["files"][0];
    assert_eq!(f["layout"], "UN Comtrade legacy");
    assert_eq!(f["totals"]["re-export USD"], "1000");
    let doc = inspect(&wd, &[&fixture("comtrade-legacy-r.csv")]);
    assert_eq!(doc["files"][0]["totals"]["export USD"], "17006731");
    assert!(
        doc["rejected"][0]
            .as_str()
            .unwrap()
            .contains("comtrade-legacy-r.csv:4:32")
    );
    // SITC codes are labels that say so, not HS codes.
    let s = summary(
        &wd,
        &[&fixture("comtrade-legacy-r.csv"), "--partner", "PRK"],
    );
    assert_eq!(s["parts"][0]["commodity"], "SITC 27861");
    assert_eq!(s["partner"], "PRK");
}

#[test]
fn baci_gives_both_directions_plain_or_gzip() {
    let wd = Workdir::new();
    for file in ["baci.csv", "baci.csv.gz"] {
        let s = summary(
            &wd,
            &[&fixture(file), "--reporter", "643", "--partner", "408"],
        );
        let y2019 = period(&s, "2019");
        assert_eq!(y2019["exports"], "10670125", "{file}");
        assert_eq!(y2019["imports"], "20500", "{file}");
        // (10,690,625 / 30,720,000) − 1
        assert_eq!(
            y2019["turnover_yoy"].as_str().unwrap().get(..10),
            Some("-0.6519978"),
            "{file}"
        );
    }
    let by_name = summary(
        &wd,
        &[
            &fixture("baci.csv"),
            "--reporter",
            "Russia",
            "--partner",
            "North Korea",
        ],
    );
    let by_code = summary(
        &wd,
        &[
            &fixture("baci.csv"),
            "--reporter",
            "RUS",
            "--partner",
            "PRK",
        ],
    );
    assert_eq!(by_name["periods"], by_code["periods"]);
}

/// Every layout skips the rows of other economies before parsing them, spellings resolved
/// through the country table (an IMF name matches `CHN`), gzip too: the same figures as
/// the file with only the pair's rows, a broken row of another pair not read, and a note.
#[test]
fn a_dots_summary_of_a_pair_reads_only_its_rows_plain_or_gzip() {
    use std::io::Write;
    let wd = Workdir::new();
    let header = "reporter,flow,partner,year,value_musd,flag\n";
    let pair = "\"China, P.R.: Mainland\",X,\"Korea, Dem. People's Rep. of\",2019,2573.6,\n\
                \"China, P.R.: Mainland\",M,\"Korea, Dem. People's Rep. of\",2019,215.2,e\n";
    let others = "Japan,X,\"Korea, Dem. People's Rep. of\",2019,not a number,\n\
                  \"China, P.R.: Mainland\",X,Japan,2019,1500,\n\
                  Japan,M,\"China, P.R.: Mainland\",2019,1700.5,\n";
    wd.write("pair.csv", format!("{header}{pair}"));
    let many = format!("{header}{others}{pair}{others}");
    wd.write("many.csv", &many);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(many.as_bytes()).unwrap();
    wd.write("many.csv.gz", gz.finish().unwrap());
    let run = |file: &str| {
        wd.run(&[
            "summary",
            file,
            "--reporter",
            "CHN",
            "--partner",
            "PRK",
            "--format",
            "csv",
        ])
        .expect_code(0)
    };
    let alone = run("pair.csv");
    assert!(
        alone
            .stdout
            .contains("exports,export,TOTAL,2573600000,USD,"),
        "{}",
        alone.stdout
    );
    for file in ["many.csv", "many.csv.gz"] {
        let among = run(file);
        assert_eq!(alone.stdout, among.stdout, "{file}");
        assert!(
            among.stderr.contains(&format!(
                "{file}: 6 row(s) that do not involve CHN and PRK were skipped unread"
            )),
            "{file}: {}",
            among.stderr
        );
        // The broken row of another pair was not read, so nothing was refused.
        assert!(!among.stderr.contains("not a number"), "{}", among.stderr);
    }
    // Reading everything finds it.
    let all = wd.run(&["inspect", "many.csv"]).expect_code(0);
    assert!(all.stdout.contains("not a number"), "{}", all.stdout);
}

/// A pair's summary (or chart) of a BACI file reads only the pair's rows (a 10-million-row file
/// would otherwise become 20 million records in memory): the same figures as a file of
/// the pair's rows alone, rows of other pairs skipped unread and counted.
#[test]
fn a_baci_summary_or_chart_reads_only_the_rows_it_needs() {
    let wd = Workdir::new();
    let pair = std::fs::read_to_string(fixture("baci.csv")).unwrap();
    let mut many = pair.clone();
    // Other pairs, one of them with a value that would be refused, and Russia's trade
    // with China, which involves one of the two but not both.
    many.push_str("2019,156,410,271019,1.5,1\n2019,156,410,271019,oops,1\n");
    many.push_str("2019,643,156,271019,7.25,1\n2018,156,643,620520,3,1\n");
    wd.write("pair.csv", &pair);
    wd.write("many.csv", &many);
    let run = |file: &str| {
        wd.run(&[
            "summary",
            file,
            "--reporter",
            "RUS",
            "--partner",
            "408",
            "--format",
            "json",
        ])
        .expect_code(0)
    };
    let alone = run("pair.csv");
    let among = run("many.csv");
    // The same document but for the file named as the source.
    assert_eq!(alone.stdout, among.stdout.replace("many.csv", "pair.csv"));
    assert!(
        among
            .stderr
            .contains("many.csv: 4 row(s) that do not involve RUS and PRK were skipped unread"),
        "{}",
        among.stderr
    );
    assert!(!alone.stderr.contains("skipped"), "{}", alone.stderr);
    // With one economy named, its rows with every partner are read: China's appear.
    let listing = wd
        .run(&["summary", "many.csv", "--reporter", "643"])
        .expect_code(2);
    assert!(
        listing.stderr.contains("--partner 156"),
        "{}",
        listing.stderr
    );
    assert!(
        listing.stderr.contains("2 row(s) that do not involve RUS"),
        "{}",
        listing.stderr
    );
    // Charts read the same way: the pair's rows for a pair chart, all of the reporter's
    // rows for the partners chart; each must draw what a file of just those rows draws.
    for (kind, partner) in [("flows", Some("408")), ("partners", None)] {
        let chart = |file: &str, out: &str| {
            let mut a = vec!["chart", file, "--kind", kind, "--reporter", "643"];
            if let Some(p) = partner {
                a.extend(["--partner", p]);
            }
            a.extend(["--source", "BACI", "--out", out]);
            wd.run(&a)
        };
        let full = chart("many.csv", "full.png");
        assert_eq!(full.code, 0, "{kind}: {}", full.stderr);
        assert!(
            full.stderr.contains("skipped unread"),
            "{kind}: {}",
            full.stderr
        );
        // The same chart from a file of exactly the rows it needs.
        let needed: String = many
            .lines()
            .filter(|l| {
                let f: Vec<&str> = l.split(',').collect();
                f[0] == "t"
                    || match partner {
                        Some(p) => (f[1] == "643" && f[2] == p) || (f[1] == p && f[2] == "643"),
                        None => f[1] == "643" || f[2] == "643",
                    }
            })
            .map(|l| format!("{l}\n"))
            .collect();
        wd.write("needed.csv", &needed);
        chart("needed.csv", "needed.png").expect_code(0);
        assert_eq!(
            std::fs::read(wd.path("full.png")).unwrap(),
            std::fs::read(wd.path("needed.png")).unwrap(),
            "{kind}"
        );
    }
    // `inspect` reads every row, and finds the bad one.
    let all = wd.run(&["inspect", "many.csv"]);
    assert!(
        all.stdout.contains("oops") || all.stderr.contains("oops"),
        "{}",
        all.stdout
    );
}

#[test]
fn dots_names_estimates_aggregates_and_unknown_economies() {
    let wd = Workdir::new();
    let run = wd.run(&["inspect", &fixture("dots.csv")]).expect_code(0);
    assert!(run.stdout.contains("`Narnia`"), "{}", run.stdout);
    let doc = inspect(&wd, &[&fixture("dots.csv")]);
    // 1.5e-05 million is exactly 15 dollars.
    assert_eq!(doc["files"][0]["totals"]["export USD"], "2903362000015");
    // The 2018 import row appears twice with the same value: counted once.
    assert_eq!(doc["files"][0]["rows_repeated"], 1);
    assert!(
        doc["repeated"][0]
            .as_str()
            .unwrap()
            .contains("duplicate record")
    );
    let s = summary(
        &wd,
        &[
            &fixture("dots.csv"),
            "--reporter",
            "CHN",
            "--partner",
            "PRK",
        ],
    );
    assert_eq!(period(&s, "2019")["exports"], "2573600000");
    let m = wd
        .run(&[
            "metrics",
            &fixture("dots.csv"),
            "--reporter",
            "CHN",
            "--metric",
            "partners",
            "--flow",
            "exports",
            "--period",
            "2019",
        ])
        .expect_code(0);
    assert!(
        m.stdout.contains("aggregates left out: Euro Area"),
        "{}",
        m.stdout
    );
}

#[test]
fn a_customs_table_through_a_mapping() {
    let wd = Workdir::new();
    let args = [
        fixture("customs-semicolon.csv"),
        "--map".into(),
        "period=Month".into(),
        "--set".into(),
        "reporter=USA".into(),
        "--set".into(),
        "partner=CHN".into(),
        "--wide".into(),
        "flow".into(),
        "--unit".into(),
        "USD million".into(),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut with_summary = vec!["summary"];
    with_summary.extend_from_slice(&args);
    let run = wd.run(&with_summary).expect_code(0);
    assert!(
        run.stderr
            .contains("column `Balance` is not a flow and is ignored"),
        "{}",
        run.stderr
    );
    let doc = inspect(&wd, &args);
    assert_eq!(doc["files"][0]["totals"]["export USD"], "25959600000");
    assert_eq!(doc["files"][0]["totals"]["import USD"], "105690200000");
    // Without a mapping, the error says what to do.
    let run = wd
        .run(&["summary", &fixture("customs-semicolon.csv")])
        .expect_code(2);
    assert!(
        run.stderr.contains("cannot tell the layout") && run.stderr.contains("--map"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_latin1_wide_pivot() {
    let wd = Workdir::new();
    let file = fixture("wide-latin1.csv");
    let run = wd.run(&["inspect", &file]).expect_code(2);
    assert!(
        run.stderr.contains("try --encoding latin1"),
        "{}",
        run.stderr
    );
    let args = [
        file.as_str(),
        "--encoding",
        "latin1",
        "--wide",
        "partner",
        "--map",
        "commodity=Product,note=Commodity",
        "--set",
        "reporter=IND",
        "--set",
        "flow=export",
        "--set",
        "period=2018",
    ];
    let doc = inspect(&wd, &args);
    assert_eq!(doc["files"][0]["records"], 4);
    assert_eq!(doc["files"][0]["totals"]["export USD"], "79692");
    assert!(doc["warnings"].to_string().contains("2 empty cell(s)"));
    let mut s = vec!["summary"];
    s.extend_from_slice(&args);
    s.extend_from_slice(&["--partner", "Côte d'Ivoire", "--format", "json"]);
    let out: Json = serde_json::from_str(&wd.run(&s).expect_code(0).stdout).unwrap();
    assert_eq!(out["partner"], "Côte d'Ivoire");
}

#[test]
fn a_canonical_file_with_bom_crlf_and_no_final_newline() {
    let wd = Workdir::new();
    let s = summary(&wd, &[&fixture("canonical-bom-crlf.csv")]);
    assert_eq!(period(&s, "2019-Q1")["turnover"], "10690000");
}

#[test]
fn a_forced_layout_and_a_bad_one() {
    let wd = Workdir::new();
    let f = &inspect(&wd, &[&fixture("baci.csv"), "--input-format", "baci"])["files"][0];
    assert_eq!(f["layout"], "CEPII BACI");
    let run = wd
        .run(&["inspect", &fixture("baci.csv"), "--input-format", "dots"])
        .expect_code(2);
    // The hint names the layout the file was read as, not the canonical columns.
    assert!(
        run.stderr.contains("missing required column `reporter`")
            && run.stderr.contains("read as IMF DOTS")
            && !run.stderr.contains("docs/format.md"),
        "{}",
        run.stderr
    );
}

#[test]
fn mirror_statistics_with_the_cif_fob_factor() {
    let wd = Workdir::new();
    let file = fixture("mirror.csv");
    let run = wd
        .run(&[
            "mirror",
            &file,
            "--reporter",
            "AAA",
            "--partner",
            "BBB",
            "--format",
            "json",
        ])
        .expect_code(0);
    let doc: Json = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["unit"], "USD");
    let y2019 = &doc["a_to_b"][0];
    // 106 CIF ÷ 1.06 = 100 FOB (million, here in units): no gap; the ratio is 1.06.
    assert_eq!(
        (
            y2019["imports_fob"].as_str(),
            y2019["gap"].as_str(),
            y2019["ratio"].as_str()
        ),
        (Some("100000000"), Some("0"), Some("1.06"))
    );
    let y2020 = &doc["a_to_b"][1];
    assert_eq!(y2020["gap"], "20000000");
    // The reverse direction: BBB reports exports, AAA reports no imports.
    assert_eq!(doc["b_to_a"][0]["exports_reported"], "5000000");
    assert_eq!(doc["b_to_a"][0]["imports_mirror"], serde_json::Value::Null);
    let table = wd
        .run(&[
            "mirror",
            &file,
            "--reporter",
            "AAA",
            "--partner",
            "BBB",
            "--cif-fob",
            "1",
        ])
        .expect_code(0)
        .stdout;
    assert!(table.contains("imports ÷ 1"), "{table}");
    let run = wd
        .run(&[
            "mirror",
            &file,
            "--reporter",
            "AAA",
            "--partner",
            "BBB",
            "--cif-fob",
            "0",
        ])
        .expect_code(2);
    assert!(run.stderr.contains("positive decimal"));
    // And as a chart, with the mirror colour.
    wd.run(&[
        "chart",
        &file,
        "--reporter",
        "AAA",
        "--partner",
        "BBB",
        "--kind",
        "mirror",
        "--out",
        "m.png",
    ])
    .expect_code(0);
    let img = image::open(wd.path("m.png")).unwrap().to_rgb8();
    assert!(img.pixels().filter(|p| p.0 == [0xCC, 0x79, 0xA7]).count() > 1000);
}

#[test]
fn hs_codes_roll_up_to_chapters_with_titles() {
    let wd = Workdir::new();
    let run = wd
        .run(&["summary", &fixture("comtrade-snake.csv"), "--level", "2"])
        .expect_code(0);
    let row = run
        .stdout
        .lines()
        .find(|l| l.contains("27 Mineral fuels, oils"))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(
        row.contains("31.50") && row.trim_end().ends_with("92.6%"),
        "{row}"
    );
    let run = wd
        .run(&["summary", &fixture("comtrade-snake.csv"), "--level", "3"])
        .expect_code(2);
    assert!(run.stderr.contains("expected 2, 4 or 6"));
}

#[test]
fn finer_codes_outside_the_coarse_rows_get_no_share() {
    let wd = Workdir::new();
    wd.write(
        "h.csv",
        "reporter,partner,period,flow,commodity,value\nAAA,BBB,2019,import,48,100\nAAA,BBB,2019,import,4801,60\nAAA,BBB,2019,import,9401,30\n",
    );
    let s = summary(&wd, &["h.csv"]);
    assert_eq!(period(&s, "2019")["imports"], "100");
    let part = |code: &str| {
        s["parts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["commodity"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(part("4801")["share_of_flow"], "0.6");
    assert_eq!(part("9401")["share_of_flow"], Json::Null);
    assert!(
        s["notes"][0]
            .as_str()
            .unwrap()
            .contains("finer rows under 94 are outside it"),
        "{}",
        s["notes"]
    );
}
