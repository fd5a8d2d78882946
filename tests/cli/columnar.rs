//! Parquet and Arrow IPC, in and out (issue 17): `convert --to parquet|arrow` keeps the
//! value exact as a decimal column; either file is read back by every command, detected
//! by its first bytes, with the same results as the CSV; float columns are refused unless
//! `--allow-float`.

use polars::prelude::*;

use crate::workdir::{Workdir, repo_file};

#[test]
fn a_parquet_or_arrow_copy_gives_the_same_results_as_the_csv() {
    let wd = Workdir::new();
    let data = repo_file("data/ru-kp-far-east-2019q1.csv");
    for (name, to) in [
        ("copy.parquet", None),
        ("copy.arrow", None),
        ("copy.bin", Some("parquet")),
    ] {
        let mut args = vec!["convert", data.as_str(), "--out", name];
        if let Some(to) = to {
            args.extend(["--to", to]);
        }
        wd.run(&args).expect_code(0);
        // Not CSV text: the magic bytes of the format.
        let bytes = std::fs::read(wd.path(name)).unwrap();
        assert!(
            bytes.starts_with(b"PAR1") || bytes.starts_with(b"ARROW1"),
            "{name}"
        );
        for format in ["table", "json", "csv"] {
            let from_csv = wd
                .run(&["summary", &data, "--format", format])
                .expect_code(0);
            let from_copy = wd
                .run(&["summary", name, "--format", format])
                .expect_code(0);
            // The source file's name is part of a JSON document's provenance.
            assert_eq!(
                from_csv.stdout.replace(&data, "F"),
                from_copy
                    .stdout
                    .replace(&wd.path(name).display().to_string(), "F")
                    .replace(name, "F"),
                "{name} {format}"
            );
        }
        // And back to CSV: the same records.
        let a = wd.run(&["convert", &data]).expect_code(0);
        let b = wd.run(&["convert", name]).expect_code(0);
        assert_eq!(a.stdout, b.stdout, "{name}");
    }
    // The value column is a decimal, as Polars (and pyarrow) read it.
    let file = std::fs::File::open(wd.path("copy.parquet")).unwrap();
    let frame = ParquetReader::new(file).finish().unwrap();
    assert!(
        matches!(
            frame.column("value").unwrap().dtype(),
            DataType::Decimal(..)
        ),
        "{frame}"
    );
    // A binary format needs a file.
    let run = wd.run(&["convert", &data, "--to", "arrow"]).expect_code(2);
    assert!(run.stderr.contains("give --out"), "{}", run.stderr);
}

/// A BACI table stored as Parquet with float values: refused, naming the column, unless
/// --allow-float, which reads each float as the shortest decimal that prints it.
#[test]
fn float_columns_are_refused_unless_allowed() {
    let wd = Workdir::new();
    let mut frame = df!(
        "t" => [2019i32, 2019],
        "i" => [643i32, 408],
        "j" => [408i32, 643],
        "k" => ["270900", "030617"],
        "v" => [0.1f64, 2.25],
        "q" => [1.0f64, 2.0],
    )
    .unwrap();
    let path = wd.path("baci.parquet");
    ParquetWriter::new(std::fs::File::create(&path).unwrap())
        .finish(&mut frame)
        .unwrap();
    let refused = wd.run(&["summary", "baci.parquet"]).expect_code(2);
    assert!(
        refused.stderr.contains("baci.parquet")
            && refused.stderr.contains("column `v`")
            && refused.stderr.contains("--allow-float"),
        "{}",
        refused.stderr
    );
    let read = wd
        .run(&[
            "summary",
            "baci.parquet",
            "--reporter",
            "643",
            "--partner",
            "408",
            "--allow-float",
            "--format",
            "csv",
        ])
        .expect_code(0);
    // 0.1 thousand USD is read as exactly 100 USD, not 100.0000000000000055...
    assert!(
        read.stdout.contains(",exports,export,TOTAL,100,USD,"),
        "{}",
        read.stdout
    );
}

/// Not a readable Parquet file behind the magic bytes: an error naming the file.
#[test]
fn a_broken_parquet_file_is_refused_with_its_name() {
    let wd = Workdir::new();
    wd.write(
        "broken.parquet",
        b"PAR1 this is not parquet at all".as_slice(),
    );
    let run = wd.run(&["inspect", "broken.parquet"]).expect_code(2);
    assert!(
        run.stderr.contains("broken.parquet") && run.stderr.contains("not a readable Parquet file"),
        "{}",
        run.stderr
    );
}
