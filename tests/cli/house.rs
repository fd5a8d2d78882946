//! How the binary behaves as a Unix tool and how every command reads its inputs: a closed
//! pipe is a normal end; every command loads data the same way (rates, rejections).

use std::io::Read;
use std::process::{Command, Stdio};

use serde_json::Value as Json;

use crate::workdir::{HEADER, Workdir};

/// A canonical file of `rows` distinct records (about 60 bytes each).
fn many_records(rows: usize) -> String {
    let mut text = String::from(HEADER);
    for i in 0..rows {
        text.push_str(&format!(
            "AAA,BBB,{},export,{:06},{}.5,USD,,\n",
            2000 + i % 20,
            100000 + i / 20,
            i
        ));
    }
    text
}

/// Runs `tradestat ARGS`, reads one byte of its output and closes the pipe.
fn read_one_byte_then_close(wd: &Workdir, args: &[&str]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tradestat"))
        .args(args)
        .current_dir(wd.path(""))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tradestat");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).expect("one byte of output");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_is_a_normal_end_for_output_larger_than_a_pipe_buffer() {
    let wd = Workdir::new();
    // 20,000 records: ~800 KB of canonical output, far over a 64 KiB pipe buffer.
    wd.write("big.csv", many_records(20_000));
    let full = wd.run(&["convert", "big.csv"]).expect_code(0);
    assert!(full.stdout.len() > 500_000, "{}", full.stdout.len());
    let (code, stderr) = read_one_byte_then_close(&wd, &["convert", "big.csv"]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(
        !stderr.contains("error") && !stderr.contains("panic"),
        "{stderr}"
    );

    // inspect listing 20,000 rejected rows, closed after one byte.
    let mut bad = String::from(HEADER);
    for i in 0..20_000 {
        bad.push_str(&format!("AAA,BBB,2019,export,{i:06},x{i},USD,,\n"));
    }
    wd.write("bad.csv", bad);
    let (code, stderr) = read_one_byte_then_close(&wd, &["inspect", "bad.csv", "--all-rejections"]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(
        !stderr.contains("error") && !stderr.contains("panic"),
        "{stderr}"
    );
}

/// Regression (issue 14): `report --rate` checked the figures of a claims file that names
/// extra data against unconverted values, and left that file's rejected rows unsaid.
#[test]
fn report_reads_the_claims_data_like_summary_does_with_rates_and_rejections() {
    let wd = Workdir::new();
    wd.write(
        "pair.csv",
        format!("{HEADER}AAA,BBB,2019,export,TOTAL,50,CNY million,,\n"),
    );
    wd.write(
        "extra.csv",
        format!(
            "{HEADER}CCC,DDD,2019,export,TOTAL,100,CNY million,,\n\
             CCC,DDD,2019,import,TOTAL,abc,CNY million,,\n"
        ),
    );
    wd.write(
        "claims.toml",
        "[source]\ndata = [\"extra.csv\"]\n\n\
         [[figure]]\nid = \"x\"\nprinted = \"$13.85 million\"\nmeasure = \"exports\"\n\
         reporter = \"CCC\"\npartner = \"DDD\"\nperiod = \"2019\"\n",
    );
    let rate = "CNY:USD=0.1385";
    let summary = wd
        .run(&["summary", "extra.csv", "--rate", rate, "--format", "json"])
        .expect_code(0);
    let summary: Json = serde_json::from_str(&summary.stdout).unwrap();
    assert_eq!(summary["unit"], "USD");
    assert_eq!(summary["periods"][0]["exports"], "13850000");

    let report = wd
        .run(&[
            "report",
            "pair.csv",
            "--claims",
            "claims.toml",
            "--rate",
            rate,
            "--out",
            "r",
        ])
        .expect_code(0);
    let v: Json =
        serde_json::from_str(&std::fs::read_to_string(wd.path("r/verification.json")).unwrap())
            .unwrap();
    let figure = &v["figures"][0];
    assert_eq!(figure["status"], "confirmed", "{figure}");
    assert_eq!(figure["currency"], "USD", "{figure}");
    // The same exact value as summary's 13.85 USD million, in base units.
    assert_eq!(figure["data_value"], "13850000", "{figure}");
    // The extra file's refused row is reported as every command reports it.
    assert!(
        report.stderr.contains("1 row(s) rejected")
            && report.stderr.contains("extra.csv:3:6 (column `value`)"),
        "{}",
        report.stderr
    );
    // And it is listed among the report's inputs.
    let provenance = std::fs::read_to_string(wd.path("r/provenance.json")).unwrap();
    assert!(provenance.contains("extra.csv"), "{provenance}");
}

/// Growth is computed on every period and the asked ones are shown: a turnover chart of
/// one year still labels its change on the year before (summary and chart agree).
#[test]
fn a_chart_of_one_period_labels_growth_on_the_period_before_it() {
    let wd = Workdir::new();
    wd.write(
        "t.csv",
        format!(
            "{HEADER}AAA,BBB,2018,export,TOTAL,60,USD million,,\n\
             AAA,BBB,2018,import,TOTAL,40,USD million,,\n\
             AAA,BBB,2019,export,TOTAL,90,USD million,,\n\
             AAA,BBB,2019,import,TOTAL,60,USD million,,\n"
        ),
    );
    let summary = wd
        .run(&["summary", "t.csv", "--period", "2019", "--format", "json"])
        .expect_code(0);
    let summary: Json = serde_json::from_str(&summary.stdout).unwrap();
    assert_eq!(summary["periods"].as_array().unwrap().len(), 1);
    assert_eq!(summary["periods"][0]["turnover_yoy"], "0.5");
    wd.run(&[
        "chart", "t.csv", "--kind", "turnover", "--period", "2019", "--out", "t.svg",
    ])
    .expect_code(0);
    let svg = std::fs::read_to_string(wd.path("t.svg")).unwrap();
    // The words of the chart, as its <text> elements keep them beside the outlines.
    let words: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split("</text>").next())
        .collect();
    assert!(words.iter().any(|t| t.contains("+50.0% YoY")), "{svg}");
    assert!(words.iter().any(|t| t.contains("2019")), "{svg}");
    assert!(
        !words.iter().any(|t| t.contains("2018")),
        "only 2019 is drawn"
    );
}

/// Completions and the manual page come from the same definitions as the command line.
#[test]
fn completions_for_every_shell_and_a_manual_page() {
    let wd = Workdir::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = wd.run(&["completions", shell]).expect_code(0);
        for word in ["summary", "verify", "reporter", "rounding"] {
            assert!(run.stdout.contains(word), "{shell} lacks {word}");
        }
    }
    wd.run(&["completions", "tcsh"]).expect_code(2);
    let man = wd.run(&["man"]).expect_code(0).stdout;
    assert!(man.contains(".TH tradestat 1"), "{man}");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH SUBCOMMANDS",
        "tradestat\\-summary(1)",
    ] {
        assert!(man.contains(section), "the page lacks {section}:\n{man}");
    }
    let page = wd.run(&["man", "summary"]).expect_code(0).stdout;
    assert!(page.contains(".TH tradestat-summary 1"), "{page}");
    assert!(page.contains("\\-\\-reporter"), "{page}");
    let unknown = wd.run(&["man", "sumary"]).expect_code(2);
    assert!(
        unknown.stderr.contains("no subcommand `sumary`"),
        "{}",
        unknown.stderr
    );
}

/// `--out` through a symbolic link replaces the file it names, not the link; a pipe (or a
/// device such as /dev/stdout on a pipe) is written directly, never renamed over.
#[test]
fn output_through_a_link_or_into_a_pipe() {
    let wd = Workdir::new();
    let data = crate::workdir::repo_file("data/ru-kp-far-east-2019q1.csv");
    std::os::unix::fs::symlink("real.csv", wd.path("link.csv")).unwrap();
    wd.run(&["convert", &data, "--out", "link.csv"])
        .expect_code(0);
    let link = std::fs::symlink_metadata(wd.path("link.csv")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let expected = wd.run(&["convert", &data]).expect_code(0).stdout;
    assert_eq!(
        std::fs::read_to_string(wd.path("real.csv")).unwrap(),
        expected
    );

    let fifo = wd.path("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    wd.run(&["convert", &data, "--out", "fifo"]).expect_code(0);
    assert_eq!(reader.join().unwrap(), expected);
    let still = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&still),
        "the pipe was replaced"
    );
}

/// `--quiet` (anywhere on the line) leaves stderr to errors: no warnings, no rejection
/// summaries, no "wrote" lines; the result and the exit code are the same.
#[test]
fn quiet_says_only_errors() {
    let wd = Workdir::new();
    wd.write(
        "t.csv",
        format!(
            "{HEADER}AAA,BBB,2019,export,TOTAL,90,USD million,,\n\
             AAA,BBB,2019,export,TOTAL,90,USD million,,\n\
             AAA,BBB,2019,import,TOTAL,oops,USD million,,\n"
        ),
    );
    let loud = wd.run(&["summary", "t.csv"]).expect_code(0);
    assert!(loud.stderr.contains("warning"), "{}", loud.stderr);
    for args in [
        vec!["summary", "t.csv", "--quiet"],
        vec!["-q", "summary", "t.csv"],
    ] {
        let quiet = wd.run(&args).expect_code(0);
        assert_eq!(quiet.stdout, loud.stdout);
        assert_eq!(quiet.stderr, "", "{args:?}");
    }
    let chart = wd
        .run(&["chart", "t.csv", "--kind", "flows", "--out", "c.png", "-q"])
        .expect_code(0);
    assert_eq!(chart.stderr, "");
    assert!(wd.path("c.png").exists());
    let error = wd.run(&["summary", "missing.csv", "-q"]).expect_code(2);
    assert!(error.stderr.contains("missing.csv"), "{}", error.stderr);
}
