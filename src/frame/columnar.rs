//! Parquet and Arrow IPC files, in and out. A columnar input is read a batch at a time
//! (`Batches`: a row group, a record batch) as a table of text cells for the general
//! reader (`ingest`), so every layout and every rule applies to it as to a CSV: decimals are written out exactly from their mantissa and scale, integers and
//! text as they are; float columns are refused unless the caller allows them (a float is
//! not the number a statistics office published). Output is the canonical record layout
//! with `value` as one `Decimal(38, s)` column, `s` the most decimals any row needs.

use std::path::Path;

use polars::prelude::*;

use crate::error::{Error, Result};
use crate::ingest::Records;
use crate::number::Exact;

/// The columnar formats tradestat reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Parquet,
    /// Arrow IPC file format ("Feather v2").
    Arrow,
}

impl Format {
    /// The format a file is in, from its first bytes (`PAR1`, `ARROW1`).
    pub fn sniff(path: &Path) -> Option<Format> {
        use std::io::Read;
        let mut magic = [0u8; 6];
        let mut file = std::fs::File::open(path).ok()?;
        let n = file.read(&mut magic).ok()?;
        if n >= 4 && &magic[..4] == b"PAR1" {
            Some(Format::Parquet)
        } else if n == 6 && &magic == b"ARROW1" {
            Some(Format::Arrow)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Parquet => "Parquet",
            Format::Arrow => "Arrow IPC",
        }
    }
}

/// One column's cells, typed as stored.
enum Cells {
    Text(StringChunked),
    Decimal(Int128Chunked, u32),
    Float(Float64Chunked),
}

/// A columnar file's columns as text cells, row by row.
pub struct Table {
    pub names: Vec<String>,
    cells: Vec<Cells>,
    pub height: usize,
}

impl Table {
    /// The cells of `frame`, a batch of the file at `path` (named in messages). Float
    /// columns are an error naming them unless `allow_float`.
    fn from_frame(
        frame: DataFrame,
        path: &Path,
        format: Format,
        allow_float: bool,
    ) -> Result<Table> {
        let fail = |e: PolarsError| unreadable(path, format, e);
        let mut names = Vec::new();
        let mut cells = Vec::new();
        for column in frame.columns() {
            let name = column.name().to_string();
            let typed = match column.dtype() {
                DataType::Decimal(..) => {
                    let decimal = column.decimal().map_err(fail)?;
                    let scale = u32::try_from(decimal.scale()).unwrap_or(u32::MAX);
                    Cells::Decimal(decimal.physical().clone(), scale)
                }
                DataType::Float32 | DataType::Float64 if !allow_float => {
                    return Err(Error::file(
                        path,
                        format!(
                            "{}: column `{name}` holds floating-point numbers ({}), which cannot be \
                             read exactly; store it as a decimal (or as text), or give --allow-float \
                             to read each float as the shortest decimal that prints it",
                            path.display(),
                            column.dtype()
                        ),
                    ));
                }
                DataType::Float32 | DataType::Float64 => Cells::Float(
                    column
                        .cast(&DataType::Float64)
                        .map_err(fail)?
                        .f64()
                        .map_err(fail)?
                        .clone(),
                ),
                _ => Cells::Text(
                    column
                        .cast(&DataType::String)
                        .map_err(fail)?
                        .str()
                        .map_err(fail)?
                        .clone(),
                ),
            };
            names.push(name);
            cells.push(typed);
        }
        Ok(Table {
            names,
            cells,
            height: frame.height(),
        })
    }

    /// Row `i` as text fields in `out` (an empty field for a null).
    pub fn row(&self, i: usize, out: &mut csv::ByteRecord) {
        out.clear();
        for cells in &self.cells {
            match cells {
                Cells::Text(c) => out.push_field(c.get(i).unwrap_or_default().as_bytes()),
                Cells::Decimal(c, scale) => match c.get(i) {
                    Some(mantissa) => out.push_field(
                        Exact {
                            mantissa,
                            scale: *scale,
                        }
                        .to_string()
                        .as_bytes(),
                    ),
                    None => out.push_field(b""),
                },
                Cells::Float(c) => match c.get(i) {
                    // Rust prints the shortest decimal that reads back as the same float
                    // (NaN and infinities as words, which the value reader refuses).
                    Some(v) => out.push_field(format!("{v}").as_bytes()),
                    None => out.push_field(b""),
                },
            }
        }
    }
}

/// Writes `records` in the canonical layout as `format`, into `out`.
pub fn write(records: &Records, format: Format, out: &mut dyn std::io::Write) -> Result<()> {
    let mut frame = canonical_frame(records)?;
    match format {
        Format::Parquet => {
            ParquetWriter::new(out).finish(&mut frame)?;
        }
        Format::Arrow => {
            IpcWriter::new(out).finish(&mut frame)?;
        }
    }
    Ok(())
}

fn unreadable(path: &Path, format: Format, e: impl std::fmt::Display) -> Error {
    Error::file(
        path,
        format!(
            "{}: not a readable {} file: {e}",
            path.display(),
            format.name()
        ),
    )
}

/// A Parquet or Arrow file read a batch at a time — a Parquet row group, an Arrow record
/// batch — so memory holds one batch of cells, not the file.
pub struct Batches {
    path: std::path::PathBuf,
    format: Format,
    allow_float: bool,
    /// The column names (from the schema, before any batch is read).
    pub names: Vec<String>,
    /// Rows in the file.
    pub rows: usize,
    source: Source,
}

enum Source {
    /// Row groups as (first row, rows), and the next to read.
    Parquet {
        groups: Vec<(usize, usize)>,
        next: usize,
    },
    Arrow(Box<polars_arrow::io::ipc::read::FileReader<std::fs::File>>),
}

impl Batches {
    pub fn open(path: &Path, format: Format, allow_float: bool) -> Result<Batches> {
        let file = || {
            std::fs::File::open(path).map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })
        };
        let fail = |e: PolarsError| unreadable(path, format, e);
        let (names, rows, source) = match format {
            Format::Parquet => {
                let mut reader = ParquetReader::new(file()?);
                let names = reader
                    .schema()
                    .map_err(fail)?
                    .iter_names()
                    .map(|n| n.to_string())
                    .collect();
                let metadata = reader.get_metadata().map_err(fail)?;
                let mut groups = Vec::new();
                let mut first = 0;
                for group in &metadata.row_groups {
                    groups.push((first, group.num_rows()));
                    first += group.num_rows();
                }
                (names, first, Source::Parquet { groups, next: 0 })
            }
            Format::Arrow => {
                use polars_arrow::io::ipc::read::{FileReader, read_file_metadata};
                let mut f = file()?;
                let metadata = read_file_metadata(&mut f).map_err(fail)?;
                let names = metadata
                    .schema
                    .iter_names()
                    .map(|n| n.to_string())
                    .collect();
                // The rows, for the progress bar: a pass over the batches' headers.
                let rows = FileReader::new(f, metadata.clone(), None, None)
                    .map(|batch| batch.map(|b| b.len()))
                    .sum::<PolarsResult<usize>>()
                    .map_err(fail)?;
                let reader = FileReader::new(file()?, metadata, None, None);
                (names, rows, Source::Arrow(Box::new(reader)))
            }
        };
        Ok(Batches {
            path: path.to_path_buf(),
            format,
            allow_float,
            names,
            rows,
            source,
        })
    }

    /// The next batch's cells; `None` after the last.
    pub fn next_table(&mut self) -> Result<Option<Table>> {
        let path = self.path.as_path();
        let format = self.format;
        let fail = |e: PolarsError| unreadable(path, format, e);
        let frame = match &mut self.source {
            Source::Parquet { groups, next } => {
                let Some(&(first, rows)) = groups.get(*next) else {
                    return Ok(None);
                };
                *next += 1;
                let file = std::fs::File::open(path).map_err(|source| Error::Io {
                    path: path.to_path_buf(),
                    source,
                })?;
                ParquetReader::new(file)
                    .with_slice(Some((first, rows)))
                    .finish()
                    .map_err(fail)?
            }
            Source::Arrow(reader) => match reader.next() {
                None => return Ok(None),
                Some(batch) => DataFrame::from(batch.map_err(fail)?),
            },
        };
        Table::from_frame(frame, path, format, self.allow_float).map(Some)
    }
}

/// Records this many at a time (~260,000) are one batch of `write_stream` (a row group of
/// Parquet, a record batch of Arrow): memory holds one batch (~100 MiB), whatever the
/// number of records.
const BATCH: usize = 1 << 18;

/// Writes `records` in the canonical layout as `format`, into `out`, a batch at a time:
/// the value column is `Decimal(38, scale)` — `scale` must be at least the decimals of
/// every value (else an error) — so every batch has the same schema. The same columns and
/// values as `write` of the same records when `scale` is their most decimals.
pub fn write_stream(
    records: impl Iterator<Item = crate::ingest::Record>,
    scale: u32,
    format: Format,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    enum Writer<'a> {
        Parquet(Box<polars::io::parquet::write::BatchedWriter<&'a mut dyn std::io::Write>>),
        Arrow(Box<polars::io::ipc::BatchedWriter<&'a mut dyn std::io::Write>>),
    }
    let mut records = records.peekable();
    let mut writer: Option<Writer<'_>> = None;
    let mut out = Some(out);
    loop {
        let mut batch = Records::default();
        for record in records.by_ref().take(BATCH) {
            batch.push(record).ok_or_else(|| {
                Error::Engine("a batch of records has too many distinct texts".into())
            })?;
        }
        let frame = frame_at(&batch, Some(scale))?;
        if writer.is_none() {
            let out = out
                .take()
                .ok_or_else(|| Error::Engine("the output was taken twice".into()))?;
            let schema = frame.schema();
            writer = Some(match format {
                Format::Parquet => {
                    Writer::Parquet(Box::new(ParquetWriter::new(out).batched(schema)?))
                }
                Format::Arrow => {
                    // No dictionaries, nothing nested: one plain IPC field per column.
                    let fields = (0..frame.width())
                        .map(|_| polars_arrow::io::ipc::IpcField {
                            fields: Vec::new(),
                            dictionary_id: None,
                        })
                        .collect();
                    Writer::Arrow(Box::new(IpcWriter::new(out).batched(schema, fields)?))
                }
            });
        }
        match writer.as_mut() {
            Some(Writer::Parquet(w)) if frame.height() > 0 => w.write_batch(&frame)?,
            Some(Writer::Arrow(w)) if frame.height() > 0 => w.write_batch(&frame)?,
            _ => {}
        }
        if records.peek().is_none() {
            break;
        }
    }
    match writer {
        Some(Writer::Parquet(w)) => {
            w.finish()?;
        }
        Some(Writer::Arrow(mut w)) => w.finish()?,
        None => {}
    }
    Ok(())
}

/// The records in the canonical layout as a Polars frame: text columns and the value as
/// an exact Decimal(38, s) (what `convert` writes and the Python package hands over).
pub fn canonical_frame(records: &Records) -> Result<DataFrame> {
    frame_at(records, None)
}

/// `canonical_frame` with the value column at `scale` decimals when given, else at the
/// most decimals of its values.
fn frame_at(records: &Records, scale: Option<u32>) -> Result<DataFrame> {
    let n = records.len();
    let value = super::decimal_column(
        "value",
        n,
        scale,
        |i| Ok(records.value(i)),
        |i| {
            format!(
                "line {}: {} {}",
                records.line[i],
                records.value(i),
                records.unit(i)
            )
        },
    )?;
    let text = |name: &str, f: &dyn Fn(usize) -> String| {
        Column::new(name.into(), (0..n).map(f).collect::<Vec<String>>())
    };
    let columns = vec![
        text("reporter", &|i| records.reporter(i).to_string()),
        text("partner", &|i| records.partner(i).to_string()),
        text("period", &|i| records.period[i].label()),
        text("flow", &|i| records.flow[i].as_str().to_string()),
        text("commodity", &|i| records.commodity(i).code().to_string()),
        value,
        text("unit", &|i| records.unit(i).to_string()),
        text("source", &|i| records.source(i).to_string()),
        text("note", &|i| records.note(i).to_string()),
    ];
    Ok(DataFrame::new(n, columns)?)
}

#[cfg(test)]
mod batch_tests {
    use super::*;
    use crate::ingest::{Dataset, ReadOptions};

    /// A canonical table of five rows, the fourth with a bad value, written with row groups
    /// of two rows.
    fn written(dir: &tempfile::TempDir) -> std::path::PathBuf {
        let col = |name: &str, v: &[&str]| Column::new(name.into(), v.to_vec());
        let mut frame = DataFrame::new(
            5,
            vec![
                col("reporter", &["RUS"; 5]),
                col("partner", &["PRK", "CHN", "KOR", "JPN", "IND"]),
                col("period", &["2019"; 5]),
                col("flow", &["export"; 5]),
                col("commodity", &["TOTAL"; 5]),
                col("value", &["1.5", "2", "3.25", "x", "5"]),
                col("unit", &["USD million"; 5]),
                col("source", &["test"; 5]),
                col("note", &[""; 5]),
            ],
        )
        .unwrap();
        let path = dir.path().join("batches.parquet");
        let file = std::fs::File::create(&path).unwrap();
        ParquetWriter::new(file)
            .with_row_group_size(Some(2))
            .finish(&mut frame)
            .unwrap();
        path
    }

    #[test]
    fn a_parquet_file_is_read_a_row_group_at_a_time_with_its_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(&dir);
        let mut batches = Batches::open(&path, Format::Parquet, false).unwrap();
        assert_eq!(batches.rows, 5);
        let mut heights = Vec::new();
        while let Some(t) = batches.next_table().unwrap() {
            heights.push(t.height);
        }
        // Polars folds a short last group into the one before: two or three groups.
        assert!(heights.len() >= 2, "{heights:?}");
        assert_eq!(heights.iter().sum::<usize>(), 5);
        let dataset = Dataset::read(&[path], &ReadOptions::default()).unwrap();
        assert_eq!(dataset.records.len(), 4);
        // The bad value is the fourth row: line 5, as in the CSV `convert` would write.
        assert_eq!(dataset.rejected.len(), 1);
        assert_eq!(dataset.rejected[0].line, 5);
        let lines: Vec<u64> = dataset.records.iter().map(|r| r.origin.line).collect();
        assert_eq!(lines, [2, 3, 4, 6]);
    }
}
