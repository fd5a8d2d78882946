//! `tradestat extract`: a draft that finds every number and, unedited, verifies to the
//! same verdict as the hand-written claims file.

use serde_json::Value as Json;

use crate::workdir::{Workdir, repo_file};

#[test]
fn the_draft_finds_every_amount_and_verifies_unedited() {
    let wd = Workdir::new();
    let article = repo_file("tests/fixtures/article-ru-kp.txt");
    let run = wd.run(&["extract", &article]).expect_code(0);
    let draft = run.stdout;
    let printed: Vec<&str> = draft
        .lines()
        .filter_map(|l| l.strip_prefix("printed = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert_eq!(
        printed,
        [
            "$10.69 million",
            "$30.72 million",
            "$10.67 million",
            "$9.08 million",
            "$20,000"
        ]
    );
    assert!(draft.contains("says = \"triple growth\""), "{draft}");
    // The sum and the "of which" share are drafted too: the draft is what `check` checks.
    assert!(draft.contains("equals = \"turnover_2019q1\""), "{draft}");
    assert!(draft.contains("says = \"of which\""), "{draft}");
    assert!(draft.contains("period = \"2018-Q1\""), "{draft}");
    wd.write("draft.toml", &draft);
    let run = wd
        .run(&["verify", "draft.toml", "--format", "json"])
        .expect_code(1);
    let doc: Json = serde_json::from_str(&run.stdout).unwrap();
    let growth = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["asserts"].as_str().is_some_and(|a| a.contains("triple")))
        .unwrap();
    assert_eq!(growth["verdict"], "inconsistent");
    assert_eq!(
        growth["diagnoses"],
        serde_json::json!(["direction", "inverse"])
    );

    // The hand-written claims file reaches the same verdict on the growth claim.
    let run = wd
        .run(&[
            "verify",
            &repo_file("data/claims/ru-kp-far-east-2019q1.toml"),
            "--format",
            "json",
        ])
        .expect_code(1);
    let doc: Json = serde_json::from_str(&run.stdout).unwrap();
    let hand = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["diagnoses"].as_array().is_some_and(|d| !d.is_empty()))
        .unwrap();
    assert_eq!(hand["verdict"], growth["verdict"]);
    assert_eq!(hand["computed"], growth["computed"]);
}

#[test]
fn percentages_and_multiples_become_claims() {
    let wd = Workdir::new();
    wd.write(
        "a.txt",
        "China's exports to North Korea rose 40.6 percent to $2.43 billion in 2019 from $1.73 billion in 2018. \
         Imports were about 448.8 million yuan, nearly 170 percent more than a year earlier. \
         Fuel made up 56% of the total.",
    );
    let draft = wd
        .run(&["extract", "a.txt", "--reporter", "CHN", "--partner", "PRK"])
        .expect_code(0)
        .stdout;
    for phrase in [
        "rose 40.6 percent",
        "$2.43 billion",
        "$1.73 billion",
        "about 448.8 million yuan",
        "nearly 170 percent more",
    ] {
        assert!(
            draft.contains(&format!("\"{phrase}\"")),
            "{phrase} missing from\n{draft}"
        );
    }
    // "from $X to $Y": the link is proposed.
    assert!(
        draft.contains("value = \"change(exports_chn_2018, exports_chn_2019)\""),
        "{draft}"
    );
    // With --reporter and --partner, figures are bound.
    assert!(draft.contains("\nreporter = \"CHN\""), "{draft}");
    wd.write("draft.toml", &draft);
    // The draft loads as it is (bound figures without data are not-in-data).
    let run = wd.run(&["verify", "draft.toml", "--format", "json"]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let doc: Json = serde_json::from_str(&run.stdout).unwrap();
    // 2.43 / 1.73 − 1 = 40.5%: consistent with "rose 40.6 percent" only through rounding.
    assert_eq!(doc["claims"][0]["verdict"], "consistent-by-rounding");
}

/// Regression: a capital whose lower case has another length in UTF-8 ("Ⱥ" is 2 bytes,
/// "ⱥ" 3) before a clause cut made `extract` panic (exit 101) slicing mid-character.
#[test]
fn letters_whose_lower_case_changes_length_do_not_break_the_draft() {
    let wd = Workdir::new();
    wd.write(
        "a.txt",
        "Ⱥ,é exports were $4 million. ȺȺȺȺȺȺ, Exports were $5 million from $4 million, up 25%.\n",
    );
    let run = wd.run(&["extract", "a.txt"]).expect_code(0);
    assert!(
        run.stdout.contains("printed = \"$4 million\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("printed = \"$5 million\""),
        "{}",
        run.stdout
    );
}
