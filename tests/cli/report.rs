//! `tradestat report`: the committed example is reproducible, the HTML is well-formed and
//! every file it references exists, and folders are replaced atomically.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::workdir::{Workdir, repo_file};

const NAME: &str = "ru-kp-far-east-2019q1";

fn files(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// Runs the report command from the repository root, as the README does.
fn report_from_repo_root(out: &Path, extra: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tradestat"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "report",
            "data/ru-kp-far-east-2019q1.csv",
            "--claims",
            "data/claims/ru-kp-far-east-2019q1.toml",
            "--out",
        ])
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn the_committed_example_report_is_up_to_date() {
    let wd = Workdir::new();
    let out = wd.path(NAME);
    // The same command line as scripts/examples.sh, which made the committed copy.
    let run = report_from_repo_root(&out, &["--force"]);
    // Exit 1: the report's verification found the "triple growth" problem.
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let committed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("reports")
        .join(NAME);
    assert_eq!(files(&committed), files(&out), "the set of files differs");
    let out_text = out.display().to_string();
    for name in files(&out) {
        let fresh = std::fs::read(out.join(&name)).unwrap();
        let mut old = std::fs::read(committed.join(&name)).unwrap();
        // The command line names the output folder; that is the one allowed difference.
        if name.ends_with(".html") || name.ends_with(".md") || name.ends_with(".json") {
            let text = String::from_utf8(old).unwrap();
            old = text
                .replace(&format!("reports/{NAME}"), &out_text)
                .into_bytes();
        }
        assert!(
            fresh == old,
            "reports/{NAME}/{name} is stale: regenerate it with\n  \
             tradestat report data/ru-kp-far-east-2019q1.csv --claims data/claims/ru-kp-far-east-2019q1.toml --out reports/{NAME} --force"
        );
    }
}

/// Checks that tags nest properly (void elements aside) and returns the local files the
/// page references (img src, a href without a scheme).
fn check_html(html: &str) -> Vec<String> {
    const VOID: [&str; 4] = ["meta", "img", "br", "!doctype"];
    let mut stack: Vec<String> = Vec::new();
    let mut refs = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let close = rest[open..].find('>').expect("an unclosed tag") + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let top = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(top, name.trim(), "</{name}> closes <{top}>");
            continue;
        }
        let name = tag
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        for attr in ["src=\"", "href=\""] {
            if let Some(at) = tag.find(attr) {
                let value = &tag[at + attr.len()..];
                let value = &value[..value.find('"').unwrap()];
                if !value.contains(':') && !value.starts_with('#') {
                    refs.push(value.to_string());
                }
            }
        }
        if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
        // Raw text elements: skip to their end tag.
        if stack.last().is_some_and(|t| t == "style" || t == "script") {
            let end = rest.find("</").unwrap();
            rest = &rest[end..];
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    refs
}

#[test]
fn the_html_is_well_formed_and_every_reference_exists() {
    let wd = Workdir::new();
    let out = wd.path("r");
    report_from_repo_root(&out, &[]);
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "the page must not need the network"
    );
    let refs = check_html(&html);
    for r in [
        "flows.png",
        "turnover.png",
        "balance.png",
        "composition.png",
        "summary.csv",
        "verification.json",
    ] {
        assert!(
            refs.contains(&r.to_string()),
            "index.html does not reference {r}"
        );
    }
    for r in &refs {
        assert!(
            out.join(r).exists(),
            "index.html references {r}, which is missing"
        );
    }
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(
        md.contains(
            "![Trade of Russian Far East with North Korea: exports and imports](flows.png)"
        )
    );
    assert!(md.contains("INCONSISTENT") && md.contains("diagnosis **inverse**"));
    let provenance: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("provenance.json")).unwrap())
            .unwrap();
    assert_eq!(provenance["inputs"][0]["rows_read"], 4);
    assert_eq!(
        provenance["inputs"][0]["sha256"].as_str().unwrap().len(),
        64
    );
    assert_eq!(provenance["rounding"], "half-unit");
    assert_eq!(provenance["command"][0], "tradestat");
    let verification: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("verification.json")).unwrap())
            .unwrap();
    assert_eq!(verification["claims"][2]["verdict"], "inconsistent");
}

#[test]
fn an_existing_folder_is_replaced_only_with_force_and_failures_leave_it_intact() {
    let wd = Workdir::new();
    let out = wd.path("r");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("keep.txt"), "old").unwrap();
    let run = report_from_repo_root(&out, &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("exists; use --force"));
    assert!(out.join("keep.txt").exists());

    // A failing run with --force (a lexicon that does not exist) leaves the old folder
    // and no temporary folder behind.
    let run = report_from_repo_root(&out, &["--force", "--lexicon", "missing.toml"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(out.join("keep.txt").exists());
    assert_eq!(
        files(out.parent().unwrap()),
        BTreeSet::from(["r".to_string()])
    );

    let run = report_from_repo_root(&out, &["--force"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(!out.join("keep.txt").exists());
    assert!(out.join("index.html").exists());
    assert_eq!(
        files(out.parent().unwrap()),
        BTreeSet::from(["r".to_string()])
    );
}

#[test]
fn a_report_without_claims() {
    let wd = Workdir::new();
    let run = wd
        .run(&[
            "report",
            &repo_file("tests/fixtures/monthly-12y.csv"),
            "--out",
            "m",
        ])
        .expect_code(0);
    assert!(run.stderr.contains("wrote m"));
    let names = files(&wd.path("m"));
    assert!(
        names.contains("index.html") && !names.contains("verification.json"),
        "{names:?}"
    );
    assert!(
        !names.contains("composition.png"),
        "no breakdown, no composition chart"
    );
}

/// The rounding rule the report states is the one it used (the HTML said "± half a unit"
/// whatever --rounding was).
#[test]
fn the_report_states_the_rounding_it_used() {
    let wd = Workdir::new();
    let out = wd.path("exact");
    let run = report_from_repo_root(&out, &["--rounding", "exact"]);
    assert!(
        run.status.code().is_some_and(|c| c == 0 || c == 1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for file in ["index.html", "report.md"] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        assert!(
            text.contains("Rounding policy: exact (a printed number stands for itself, exactly)"),
            "{file}"
        );
        assert!(!text.contains("half a unit"), "{file}");
    }
    let verify = wd
        .run(&[
            "verify",
            &repo_file("data/claims/ru-kp-far-east-2019q1.toml"),
            "--rounding",
            "truncated",
        ])
        .stdout;
    assert!(
        verify.contains("rounding: truncated (printed numbers were cut"),
        "{verify}"
    );
}
