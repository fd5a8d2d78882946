//! `tradestat profile`: the benchmark job's three tables from a BACI file, exact, the same
//! through the fast reader and through the columnar cache, and the cache never stale.

use std::process::Command;

use crate::workdir::{Workdir, repo_file};

fn profile(wd: &Workdir, file: &str, out: &str, extra: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tradestat"))
        .current_dir(wd.path(""))
        .env("TRADESTAT_CACHE_DIR", wd.path("cache"))
        .args([
            "profile",
            file,
            "--reporter",
            "643",
            "--partner",
            "408",
            "--out",
            out,
        ])
        .args(extra)
        .output()
        .unwrap()
}

fn read(wd: &Workdir, out: &str, name: &str) -> String {
    std::fs::read_to_string(wd.path(out).join(name)).unwrap()
}

#[test]
fn the_three_tables_by_hand() {
    let wd = Workdir::new();
    let run = profile(&wd, &repo_file("tests/fixtures/formats/baci.csv"), "o", &[]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        read(&wd, "o", "yearly.csv"),
        "year,exports,imports,turnover,balance,turnover_growth_pct\n\
         2018,25000,5720,30720,19280,\n\
         2019,10670.125,20.5,10690.625,10649.625,-65.199788411458333\n"
    );
    assert_eq!(
        read(&wd, "o", "chapters.csv"),
        "year,rank,hs2,value,share_pct\n2018,1,27,25000,100\n2019,1,27,9080.125,85.098581319337871\n2019,2,10,1590,14.901418680662129\n"
    );
    assert_eq!(
        read(&wd, "o", "partners.csv"),
        "rank,partner,exports,imports,turnover,share_pct\n1,408,35670.125,5740.5,41410.625,100\n"
    );
}

#[test]
fn other_layouts_are_profiled_through_the_general_reader() {
    let wd = Workdir::new();
    let out = Command::new(env!("CARGO_BIN_EXE_tradestat"))
        .current_dir(wd.path(""))
        .args([
            "profile",
            &repo_file("tests/fixtures/formats/dots.csv"),
            "--reporter",
            "CHN",
            "--partner",
            "PRK",
            "--out",
            "o",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let yearly = read(&wd, "o", "yearly.csv");
    assert!(
        yearly.contains("2019,2573600000,215200000,2788800000,2358400000,"),
        "{yearly}"
    );
    // Partners: the World row and the Euro Area are aggregates, not partners.
    let partners = read(&wd, "o", "partners.csv");
    assert!(
        !partners.contains("World") && !partners.contains("Euro"),
        "{partners}"
    );
}

#[test]
fn the_cache_gives_the_same_tables_and_is_never_stale() {
    let wd = Workdir::new();
    let data = wd.path("b.csv");
    std::fs::copy(repo_file("tests/fixtures/formats/baci.csv"), &data).unwrap();
    let data = data.to_str().unwrap().to_string();
    assert!(profile(&wd, &data, "plain", &[]).status.success());
    assert!(profile(&wd, &data, "filled", &["--cache"]).status.success());
    let cached: Vec<_> = std::fs::read_dir(wd.path("cache")).unwrap().collect();
    assert_eq!(cached.len(), 1, "one columnar copy");
    assert!(profile(&wd, &data, "warm", &["--cache"]).status.success());
    for name in ["yearly.csv", "chapters.csv", "partners.csv"] {
        assert_eq!(
            read(&wd, "plain", name),
            read(&wd, "filled", name),
            "{name}"
        );
        assert_eq!(read(&wd, "plain", name), read(&wd, "warm", name), "{name}");
    }
    // Change the file: the cache key changes, the new numbers are read.
    std::fs::write(&data, "t,i,j,k,v,q\n2019,643,408,271019,1.5,1\n").unwrap();
    assert!(
        profile(&wd, &data, "changed", &["--cache"])
            .status
            .success()
    );
    assert_eq!(
        read(&wd, "changed", "yearly.csv"),
        "year,exports,imports,turnover,balance,turnover_growth_pct\n2019,1.5,0,1.5,1.5,\n"
    );
}

#[test]
fn bad_rows_and_other_layouts_are_refused_clearly() {
    let wd = Workdir::new();
    wd.write(
        "bad.csv",
        "t,i,j,k,v,q\n2019,643,408,271019,1.0000000001,1\n",
    );
    let run = profile(&wd, "bad.csv", "o", &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("more than 9 decimals"));
    // Other layouts go through the general reader: here no record has reporter 643.
    let run = profile(&wd, &repo_file("data/ru-kp-far-east-2019q1.csv"), "o", &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("no records match"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // Rows that do not involve the reporter are not parsed beyond their codes.
    wd.write(
        "other.csv",
        "t,i,j,k,v,q\n2019,156,410,xx,not-a-number,\n2019,643,408,271019,2,\n",
    );
    let run = profile(&wd, "other.csv", "o2", &[]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn engine_choices_are_checked_before_any_work() {
    let wd = Workdir::new();
    wd.write("baci.csv", "t,i,j,k,v,q\n2019,643,408,271019,2.5,1\n");
    let stderr = |extra: &[&str]| {
        let run = profile(&wd, "baci.csv", "o", extra);
        assert_eq!(run.status.code(), Some(2), "{extra:?}");
        String::from_utf8_lossy(&run.stderr).into_owned()
    };
    assert!(
        stderr(&["--engine", "spark://x"]).contains("expected `local` or `ballista://HOST:PORT`")
    );
    assert!(stderr(&["--engine", "ballista://h:x"]).contains("not a port number"));
    assert!(
        stderr(&["--engine", "ballista://127.0.0.1:50050", "--cache"])
            .contains("--cache keeps a local columnar copy")
    );
    // Only BACI files go to a cluster.
    let run = profile(
        &wd,
        &repo_file("data/ru-kp-far-east-2019q1.csv"),
        "o",
        &["--engine", "ballista://127.0.0.1:50050"],
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("works on BACI files"));
    // `local` is the default, named or not.
    let named = profile(&wd, "baci.csv", "named", &["--engine", "local"]);
    assert!(named.status.success());
    assert_eq!(read(&wd, "named", "yearly.csv"), {
        assert!(profile(&wd, "baci.csv", "default", &[]).status.success());
        read(&wd, "default", "yearly.csv")
    });
    assert!(!wd.path("o").exists());
}

/// The default build has no cluster engine, and says how to get one.
#[cfg(not(feature = "distributed"))]
#[test]
fn a_build_without_the_distributed_feature_says_how_to_get_it() {
    let wd = Workdir::new();
    wd.write("baci.csv", "t,i,j,k,v,q\n2019,643,408,271019,2.5,1\n");
    let run = profile(
        &wd,
        "baci.csv",
        "o",
        &["--engine", "ballista://127.0.0.1:50050"],
    );
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("--features distributed"), "{stderr}");
    assert!(!wd.path("o").exists());
}

/// A gzip BACI file went to Polars' CSV reader, which panicked without its `decompress`
/// feature; now it is one stream through the exact scanner.
#[test]
fn a_gzip_file_gives_the_plain_files_profile() {
    use std::io::Write;
    let wd = Workdir::new();
    let mut text = String::from("t,i,j,k,v,q\n");
    for n in 0..3000 {
        let (i, j) = [(643, 408), (408, 643), (643, 156), (156, 410)][n % 4];
        text.push_str(&format!(
            "{},{i},{j},{:06},{}.{:03},\n",
            2015 + n % 5,
            10000 + n * 7,
            n,
            n % 1000
        ));
    }
    wd.write("baci.csv", &text);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    wd.write("baci.csv.gz", gz.finish().unwrap());
    assert!(profile(&wd, "baci.csv", "plain", &[]).status.success());
    let run = profile(&wd, "baci.csv.gz", "gz", &[]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for name in ["yearly.csv", "chapters.csv", "partners.csv"] {
        assert_eq!(read(&wd, "plain", name), read(&wd, "gz", name), "{name}");
    }
    assert!(read(&wd, "gz", "yearly.csv").lines().count() == 6);
    // The cache copies plain CSV only: a clear error, not a panic.
    let run = profile(&wd, "baci.csv.gz", "cached", &["--cache"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("decompress it first"));
}
