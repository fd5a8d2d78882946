//! The canonical record format (docs/format.md): one row per figure, with the columns
//! reporter, partner, period, flow, [commodity], value, [unit], [source], [note].
//!
//! Columns are matched by header name (any order, any case), never by position. Values are
//! kept exactly as written. A bad field refuses its row with file, line and column; a bad
//! header refuses the file.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use super::table::{FieldError, Header, Importer, raw};
use super::{Origin, Record};
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

/// Whether a header is the canonical layout's.
pub fn matches(header: &Header) -> bool {
    REQUIRED.iter().all(|c| {
        header
            .names
            .iter()
            .any(|n| n.trim().eq_ignore_ascii_case(c))
    })
}

/// Whether a header has most of the canonical columns (so an error can name the rest).
pub fn resembles(header: &Header) -> bool {
    REQUIRED
        .iter()
        .filter(|c| {
            header
                .names
                .iter()
                .any(|n| n.trim().eq_ignore_ascii_case(c))
        })
        .count()
        >= 3
}

/// The canonical layout, with its columns found by name.
pub struct Canonical {
    columns: Columns,
    path: std::path::PathBuf,
}

impl Canonical {
    pub fn new(path: &Path, header: &Header) -> Result<Canonical> {
        Ok(Canonical {
            columns: find_columns(path, header)?,
            path: path.to_path_buf(),
        })
    }
}

impl Importer for Canonical {
    fn layout(&self) -> &'static str {
        "canonical"
    }

    fn row(
        &self,
        fields: &[Cow<'_, str>],
        origin: Origin,
    ) -> std::result::Result<Vec<Record>, FieldError> {
        parse_row(fields, &self.columns, origin).map(|r| vec![r])
    }

    fn economies<'a>(&'a self, row: &'a csv::ByteRecord) -> Option<[&'a [u8]; 2]> {
        Some([
            raw(row, self.columns.reporter)?,
            raw(row, self.columns.partner)?,
        ])
    }

    fn warnings(&self) -> Vec<String> {
        self.columns
            .names
            .iter()
            .enumerate()
            .filter(|(_, name)| {
                !name.is_empty()
                    && !REQUIRED.contains(&name.as_str())
                    && !OPTIONAL.contains(&name.as_str())
            })
            .map(|(i, name)| {
                format!(
                    "{}:1:{}: column `{name}` is not part of the canonical format and is ignored",
                    self.path.display(),
                    i + 1
                )
            })
            .collect()
    }
}

fn find_columns(path: &Path, header: &Header) -> Result<Columns> {
    let names: Vec<String> = header
        .names
        .iter()
        .map(|n| n.trim().to_ascii_lowercase())
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
    let required = |name: &str| {
        positions
            .get(name)
            .copied()
            .ok_or_else(|| Error::MissingColumn {
                path: path.to_path_buf(),
                line: 1,
                column: name.to_string(),
                found: header.listing(),
                hint:
                    "required columns: reporter, partner, period, flow, value; see docs/format.md"
                        .to_string(),
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

fn parse_row(
    row: &[Cow<'_, str>],
    columns: &Columns,
    origin: Origin,
) -> std::result::Result<Record, FieldError> {
    let text = |i: usize| -> std::result::Result<&str, FieldError> {
        Ok(row.get(i).map(|f| f.trim()).unwrap_or_default())
    };
    let optional = |i: Option<usize>| -> std::result::Result<&str, FieldError> {
        match i {
            Some(i) => text(i),
            None => Ok(""),
        }
    };
    let economy = |i: usize, what: &str| -> std::result::Result<String, FieldError> {
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

/// Writes records in the canonical format, values exactly (trailing zeros dropped), so
/// that reading the text back gives the same records.
pub fn write(records: &[Record]) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_to(records.iter().cloned(), &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// `write`, one row at a time into `out`: memory does not grow with the records.
pub fn write_to(
    records: impl Iterator<Item = Record>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    // The writer's I/O error as it was (a closed pipe stays a closed pipe).
    let io = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    };
    w.write_record(HEADER_EXAMPLE.split(',')).map_err(io)?;
    for r in records {
        w.write_record([
            r.reporter.as_str(),
            r.partner.as_str(),
            &r.period.label(),
            r.flow.as_str(),
            r.commodity.code(),
            &r.value.to_string(),
            &r.unit.to_string(),
            r.source.as_str(),
            r.note.as_str(),
        ])
        .map_err(io)?;
    }
    w.flush()
}
