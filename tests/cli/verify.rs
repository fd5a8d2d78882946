//! `tradestat verify`: the motivating article, the JSON contract, figures against data,
//! exit codes and claims-file errors.

use serde_json::Value as Json;

use crate::workdir::{HEADER, Workdir, repo_file};

fn verify_json(wd: &Workdir, args: &[&str]) -> (i32, Json) {
    let mut all = vec!["verify"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = wd.run(&all);
    let doc = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}\n{}\n{}", run.stdout, run.stderr));
    (run.code, doc)
}

#[test]
fn the_motivating_article() {
    let wd = Workdir::new();
    let claims = repo_file("data/claims/ru-kp-far-east-2019q1.toml");
    let run = wd.run(&["verify", &claims]).expect_code(1);
    let out = &run.stdout;
    let row = |n: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(n))
            .unwrap_or_else(|| panic!("no claim {n} in\n{out}"))
            .to_string()
    };
    assert!(
        row("1 ").contains("consistent") && row("1 ").contains("10.69 USD million"),
        "{out}"
    );
    assert!(row("2 ").contains("85.1%"), "{out}");
    assert!(
        row("3 ").contains("INCONSISTENT") && row("3 ").contains("direction, inverse"),
        "{out}"
    );
    assert!(
        out.contains("trade_2018q1 / trade_2019q1 = 2.87, reproduces \"triple growth\""),
        "{out}"
    );
    assert!(out.contains("fell by 65.2%"), "{out}");

    let (code, doc) = verify_json(&wd, &[&claims]);
    assert_eq!(code, 1);
    let claims = doc["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 3);
    assert_eq!(claims[0]["verdict"], "consistent");
    assert_eq!(claims[0]["computed"]["point"], "10690000");
    assert_eq!(claims[0]["computed"]["low"], "10680000");
    assert_eq!(claims[1]["verdict"], "consistent");
    assert_eq!(claims[2]["verdict"], "inconsistent");
    assert_eq!(
        claims[2]["diagnoses"],
        serde_json::json!(["direction", "inverse"])
    );
    // 10.69 / 30.72 as a decimal string, 12 decimals.
    assert_eq!(claims[2]["computed"]["point"], "0.347981770833");
    assert!(
        claims[2]["explanation"]
            .as_str()
            .unwrap()
            .contains("triple growth")
    );
    for c in claims {
        assert!(c["quote"].is_string());
    }
    let figures = doc["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 5);
    assert!(
        figures.iter().all(|f| f["status"] == "confirmed"),
        "{figures:?}"
    );
    assert_eq!(figures[0]["id"], "trade_2019q1");
}

#[test]
fn a_figure_contradicted_by_the_data() {
    let wd = Workdir::new();
    wd.write(
        "d.csv",
        format!("{HEADER}AAA,BBB,2019,export,,12.5,USD million,,\n"),
    );
    wd.write(
        "c.toml",
        "[source]\ndata = [\"d.csv\"]\n\n[[figure]]\nid = \"x\"\nprinted = \"$12.3 million\"\n\
         measure = \"exports\"\nreporter = \"AAA\"\npartner = \"BBB\"\nperiod = \"2019\"\n\n\
         [[figure]]\nid = \"y\"\nmeasure = \"imports\"\nreporter = \"AAA\"\npartner = \"BBB\"\nperiod = \"2019\"\n",
    );
    let (code, doc) = verify_json(&wd, &["c.toml"]);
    assert_eq!(code, 1);
    assert_eq!(doc["figures"][0]["status"], "contradicted");
    assert_eq!(doc["figures"][0]["data_value"], "12500000");
    assert_eq!(doc["figures"][1]["status"], "not-in-data");
    let table = wd.run(&["verify", "c.toml"]).expect_code(1).stdout;
    assert!(table.contains("12.5 USD million"), "{table}");
    assert!(
        table.contains(
            "0 claim(s) — 0 consistent, 0 consistent only by rounding, 0 inconsistent, \
             0 unverifiable; 2 figure(s), 1 contradicted by the data"
        ),
        "{table}"
    );
}

#[test]
fn data_added_on_the_command_line() {
    let wd = Workdir::new();
    wd.write(
        "d.csv",
        format!("{HEADER}AAA,BBB,2019,export,,12.3,USD million,,\n"),
    );
    wd.write(
        "c.toml",
        "[[figure]]\nid = \"x\"\nprinted = \"$12.3 million\"\nmeasure = \"exports\"\n\
         reporter = \"AAA\"\npartner = \"BBB\"\nperiod = \"2019\"\n",
    );
    let (code, doc) = verify_json(&wd, &["c.toml"]);
    assert_eq!(
        (code, doc["figures"][0]["status"].as_str()),
        (0, Some("not-in-data"))
    );
    let (code, doc) = verify_json(&wd, &["c.toml", "--data", "d.csv"]);
    assert_eq!(
        (code, doc["figures"][0]["status"].as_str()),
        (0, Some("confirmed"))
    );
}

#[test]
fn the_rounding_policy_is_selectable_and_printed() {
    let wd = Workdir::new();
    // 10.7 / 3.3 = 3.24: "3.3 times" only by rounding; with exact numbers, inconsistent.
    wd.write(
        "c.toml",
        "[[figure]]\nid = \"a\"\nprinted = \"$10.7 million\"\n\n[[figure]]\nid = \"b\"\nprinted = \"$3.3 million\"\n\n\
         [[claim]]\nquote = \"q\"\nsays = \"3.3 times\"\nvalue = \"a / b\"\n",
    );
    let (code, doc) = verify_json(&wd, &["c.toml"]);
    assert_eq!(
        (code, doc["claims"][0]["verdict"].as_str()),
        (0, Some("consistent-by-rounding"))
    );
    assert_eq!(doc["rounding"], "half-unit");
    let (code, doc) = verify_json(&wd, &["c.toml", "--rounding", "exact"]);
    assert_eq!(
        (code, doc["claims"][0]["verdict"].as_str()),
        (1, Some("inconsistent"))
    );
    let table = wd.run(&["verify", "c.toml"]).stdout;
    assert!(table.contains("rounding: half-unit"), "{table}");
}

#[test]
fn claims_file_errors_name_line_and_key_and_exit_2() {
    let wd = Workdir::new();
    wd.write(
        "c.toml",
        "[[figure]]\nid = \"a\"\nprinted = \"$1 million\"\n\n[[claim]]\nquote = \"q\"\nsays = \"doubled\"\nvalue = \"a / zz\"\n",
    );
    let run = wd.run(&["verify", "c.toml"]).expect_code(2);
    assert!(
        run.stderr
            .contains("c.toml:8: `value`: unknown figure `zz`; the figures are: a"),
        "{}",
        run.stderr
    );
    let run = wd.run(&["verify", "missing.toml"]).expect_code(2);
    assert!(
        run.stderr.contains("missing.toml: cannot read the file"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_user_lexicon_replaces_the_built_in_one() {
    let wd = Workdir::new();
    let lexicon = std::fs::read_to_string(repo_file("data/lexicon.toml")).unwrap();
    // Make "triple" mean exactly 3 ± 0.1 in this user's lexicon.
    let custom = lexicon
        .replace("version = \"", "version = \"custom-")
        .replace(
            "\"triple\"    = { value = \"3\" }",
            "\"triple\"    = { low = \"2.9\", high = \"3.1\" }",
        );
    wd.write("lex.toml", custom);
    wd.write(
        "c.toml",
        "[[figure]]\nid = \"a\"\nprinted = \"$10.69 million\"\n\n[[figure]]\nid = \"b\"\nprinted = \"$3.8 million\"\n\n\
         [[claim]]\nquote = \"q\"\nsays = \"triple\"\nvalue = \"a / b\"\n",
    );
    // 10.69 / 3.8 = 2.81: within the built-in [2.5, 3.5], not within the custom [2.9, 3.1].
    let (code, _) = verify_json(&wd, &["c.toml"]);
    assert_eq!(code, 0);
    let (code, doc) = verify_json(&wd, &["c.toml", "--lexicon", "lex.toml"]);
    assert_eq!(code, 1);
    assert!(doc["lexicon"].as_str().unwrap().starts_with("custom-"));
}
