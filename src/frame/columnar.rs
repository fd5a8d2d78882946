//! Parquet and Arrow IPC files, in and out. A columnar input is read as a table of text
//! cells for the general reader (`ingest`), so every layout and every rule applies to it as
//! to a CSV: decimals are written out exactly from their mantissa and scale, integers and
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
    /// Reads `path` whole. Float columns are an error naming them unless `allow_float`.
    pub fn read(path: &Path, format: Format, allow_float: bool) -> Result<Table> {
        let fail = |e: PolarsError| {
            Error::file(
                path,
                format!(
                    "{}: not a readable {} file: {e}",
                    path.display(),
                    format.name()
                ),
            )
        };
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let frame = match format {
            Format::Parquet => ParquetReader::new(file).finish(),
            Format::Arrow => IpcReader::new(file).finish(),
        }
        .map_err(fail)?;
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

/// The records in the canonical layout as a Polars frame: text columns and the value as
/// an exact Decimal(38, s) (what `convert` writes and the Python package hands over).
pub fn canonical_frame(records: &Records) -> Result<DataFrame> {
    let n = records.len();
    let value = super::decimal_column(
        "value",
        n,
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
