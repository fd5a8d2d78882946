//! The canonical record format (docs/format.md): one row per figure, with the columns
//! reporter, partner, period, flow, [commodity], value, [unit], [source], [note].
//!
//! Columns are matched by header name (any order, any case), never by position. Values are
//! kept exactly as written. A bad field refuses its row with file, line and column; a bad
//! header refuses the file.

use std::collections::HashMap;
use std::path::Path;

use super::{Dataset, Origin, Record, Rejection, SourceFile, read_file_bytes};
use crate::error::{Error, Result};
use crate::model::{Commodity, Flow, Period, Unit};
use crate::number::Exact;

pub const HEADER_EXAMPLE: &str = "reporter,partner,period,flow,commodity,value,unit,source,note";

const REQUIRED: [&str; 5] = ["reporter", "partner", "period", "flow", "value"];
const OPTIONAL: [&str; 4] = ["commodity", "unit", "source", "note"];

/// Column positions, found by name.
struct Columns {
    reporter: usize,
    partner: usize,
    period: usize,
    flow: usize,
    value: usize,
    commodity: Option<usize>,
    unit: Option<usize>,
    source: Option<usize>,
    note: Option<usize>,
    names: Vec<String>,
}

/// Reads one canonical CSV file, appending its records and rejections to `dataset`.
pub fn read_into(path: &Path, dataset: &mut Dataset) -> Result<()> {
    let bytes = read_file_bytes(path)?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::EmptyFile {
            path: path.to_path_buf(),
            expected: HEADER_EXAMPLE.to_string(),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(body);
    let header = reader
        .byte_headers()
        .map_err(|e| csv_error(path, &e))?
        .clone();
    let columns = find_columns(path, &header)?;
    for (i, name) in columns.names.iter().enumerate() {
        if !name.is_empty()
            && !REQUIRED.contains(&name.as_str())
            && !OPTIONAL.contains(&name.as_str())
        {
            dataset.warnings.push(format!(
                "{}:1:{}: column `{name}` is not part of the canonical format and is ignored",
                path.display(),
                i + 1
            ));
        }
    }

    let file_index = u32::try_from(dataset.files.len())
        .map_err(|_| Error::Usage("too many input files".to_string()))?;
    let mut file = SourceFile {
        path: path.to_path_buf(),
        layout: "canonical".to_string(),
        rows_read: 0,
        rows_rejected: 0,
    };
    let mut row = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                // The csv crate only fails on I/O or broken quoting; the rest of the file
                // cannot be trusted to split into rows, so stop with the position.
                return Err(csv_error(path, &e));
            }
        }
        let line = row.position().map(|p| p.line()).unwrap_or(0);
        if row.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue; // a blank line is not a row
        }
        file.rows_read += 1;
        let origin = Origin {
            file: file_index,
            line,
        };
        match parse_row(&row, &columns, origin) {
            Ok(record) => dataset.records.push(record),
            Err((column, reason)) => {
                file.rows_rejected += 1;
                dataset.rejected.push(Rejection {
                    path: path.to_path_buf(),
                    line,
                    column: column.map(|c| (c + 1, columns.names[c].clone())),
                    reason,
                });
            }
        }
    }
    dataset.files.push(file);
    Ok(())
}

fn csv_error(path: &Path, e: &csv::Error) -> Error {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    let message = match e.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        other => format!("{other:?}"),
    };
    Error::Csv {
        path: path.to_path_buf(),
        line,
        message,
    }
}

fn find_columns(path: &Path, header: &csv::ByteRecord) -> Result<Columns> {
    let names: Vec<String> = header
        .iter()
        .map(|f| String::from_utf8_lossy(f).trim().to_ascii_lowercase())
        .collect();
    let mut positions: HashMap<&str, usize> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        if positions.insert(name.as_str(), i).is_some() {
            return Err(Error::DuplicateColumn {
                path: path.to_path_buf(),
                line: 1,
                column_number: i + 1,
                column: name.clone(),
            });
        }
    }
    let found = || {
        if names.iter().all(String::is_empty) {
            "(nothing)".to_string()
        } else {
            names.join(", ")
        }
    };
    let required = |name: &str| {
        positions
            .get(name)
            .copied()
            .ok_or_else(|| Error::MissingColumn {
                path: path.to_path_buf(),
                line: 1,
                column: name.to_string(),
                found: found(),
            })
    };
    Ok(Columns {
        reporter: required("reporter")?,
        partner: required("partner")?,
        period: required("period")?,
        flow: required("flow")?,
        value: required("value")?,
        commodity: positions.get("commodity").copied(),
        unit: positions.get("unit").copied(),
        source: positions.get("source").copied(),
        note: positions.get("note").copied(),
        names,
    })
}

type FieldError = (Option<usize>, String);

fn parse_row(
    row: &csv::ByteRecord,
    columns: &Columns,
    origin: Origin,
) -> Result<Record, FieldError> {
    if row.len() != columns.names.len() {
        return Err((
            None,
            format!(
                "the row has {} field(s) but the header has {}",
                row.len(),
                columns.names.len()
            ),
        ));
    }
    let text = |i: usize| -> Result<&str, FieldError> {
        let bytes = row.get(i).unwrap_or_default();
        std::str::from_utf8(bytes).map(str::trim).map_err(|_| {
            (
                Some(i),
                "the text is not valid UTF-8 (save the file as UTF-8)".to_string(),
            )
        })
    };
    let optional = |i: Option<usize>| -> Result<&str, FieldError> {
        match i {
            Some(i) => text(i),
            None => Ok(""),
        }
    };
    let economy = |i: usize, what: &str| -> Result<String, FieldError> {
        let t = text(i)?;
        if t.is_empty() {
            Err((Some(i), format!("the {what} is empty")))
        } else {
            Ok(t.to_string())
        }
    };
    let reporter = economy(columns.reporter, "reporter")?;
    let partner = economy(columns.partner, "partner")?;
    let period = Period::parse(text(columns.period)?).map_err(|e| (Some(columns.period), e))?;
    let flow = Flow::parse(text(columns.flow)?).map_err(|e| (Some(columns.flow), e))?;
    let commodity =
        Commodity::parse(optional(columns.commodity)?).map_err(|e| (columns.commodity, e))?;
    let value = Exact::parse(text(columns.value)?).map_err(|e| (Some(columns.value), e))?;
    if value.mantissa < 0 {
        return Err((
            Some(columns.value),
            format!(
                "a trade value cannot be negative (`{}`); write balances as exports and imports",
                text(columns.value)?
            ),
        ));
    }
    let unit = Unit::parse(optional(columns.unit)?).map_err(|e| (columns.unit, e))?;
    Ok(Record {
        reporter,
        partner,
        period,
        flow,
        commodity,
        value,
        unit,
        source: optional(columns.source)?.to_string(),
        note: optional(columns.note)?.to_string(),
        origin,
    })
}
