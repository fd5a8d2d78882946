//! Any other table, read through a mapping: which column holds each canonical field
//! (`--map partner=Country`), constants for fields the table does not hold
//! (`--set reporter=KOR`), and wide tables — one column per flow, partner or period —
//! melted into rows (`--wide flow`).
//!
//! Example, a customs table `"Country","Date",Exports,Imports` in thousands of dollars:
//! `--map partner=Country,period=Date --set reporter=KOR --wide flow --unit "USD thousand"`.

use std::borrow::Cow;
use std::cell::Cell;
use std::path::Path;

use serde::Deserialize;

use super::table::{FieldError, Header, Importer, key, missing_value, raw, source_of, trade_value};
use super::{Origin, Record};
use crate::error::{Error, Result};
use crate::model::{Commodity, Flow, Period, Unit};

/// A canonical field a mapping can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Reporter,
    Partner,
    Period,
    Flow,
    Commodity,
    Value,
    Unit,
    Source,
    Note,
}

impl Field {
    pub fn parse(text: &str) -> std::result::Result<Field, String> {
        Ok(match text.trim().to_ascii_lowercase().as_str() {
            "reporter" => Field::Reporter,
            "partner" => Field::Partner,
            "period" => Field::Period,
            "flow" => Field::Flow,
            "commodity" => Field::Commodity,
            "value" => Field::Value,
            "unit" => Field::Unit,
            "source" => Field::Source,
            "note" => Field::Note,
            other => {
                return Err(format!(
                    "unknown field `{other}`; expected reporter, partner, period, flow, commodity, value, unit, source or note"
                ));
            }
        })
    }
}

/// What the columns of a wide table stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Wide {
    Flow,
    Partner,
    Period,
}

/// `FIELD=TEXT`, as --map and --set take it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    pub field: Field,
    pub text: String,
}

impl std::str::FromStr for Assignment {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Assignment, String> {
        let (field, text) = s
            .split_once('=')
            .ok_or_else(|| format!("`{s}`: expected FIELD=TEXT, e.g. partner=Country"))?;
        Ok(Assignment {
            field: Field::parse(field)?,
            text: text.trim().to_string(),
        })
    }
}

/// How to read a table of unknown layout.
#[derive(Clone, Debug, Default)]
pub struct Mapping {
    /// Field ← column name.
    pub map: Vec<Assignment>,
    /// Field ← constant.
    pub set: Vec<Assignment>,
    pub wide: Option<Wide>,
    /// The unit of every value (unless a unit column is mapped).
    pub unit: Option<Unit>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    #[serde(default)]
    map: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    set: std::collections::BTreeMap<String, String>,
    wide: Option<Wide>,
    unit: Option<String>,
}

impl Mapping {
    pub fn is_given(&self) -> bool {
        !self.map.is_empty() || !self.set.is_empty() || self.wide.is_some()
    }

    /// Reads a mapping file (TOML: `[map]`, `[set]`, `wide`, `unit`); command-line
    /// options are added after it.
    pub fn load(path: &Path) -> Result<Mapping> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let file: MappingFile = toml::from_str(&text).map_err(|e| {
            Error::file(
                path,
                format!(
                    "{}: not a valid mapping file: {}",
                    path.display(),
                    e.message()
                ),
            )
        })?;
        let bad = |e: String| Error::file(path, format!("{}: {e}", path.display()));
        let assign = |m: std::collections::BTreeMap<String, String>| -> Result<Vec<Assignment>> {
            m.into_iter()
                .map(|(f, t)| {
                    Ok(Assignment {
                        field: Field::parse(&f).map_err(bad)?,
                        text: t,
                    })
                })
                .collect()
        };
        Ok(Mapping {
            map: assign(file.map)?,
            set: assign(file.set)?,
            wide: file.wide,
            unit: match file.unit {
                Some(u) => Some(Unit::parse(&u).map_err(bad)?),
                None => None,
            },
        })
    }
}

/// Where a field's text comes from for each row.
#[derive(Clone, Debug)]
enum Source {
    Column(usize),
    Constant(String),
    /// The header of the wide value column.
    Wide,
    Default(&'static str),
}

pub struct Mapped {
    reporter: Source,
    partner: Source,
    period: Source,
    flow: Source,
    commodity: Source,
    unit: Source,
    note: Source,
    value: Option<usize>,
    /// (column, header) of each value column of a wide table.
    wide: Vec<(usize, String)>,
    default_unit: Unit,
    decimal_comma: bool,
    source: String,
    warnings: Vec<String>,
    empty_cells: Cell<u64>,
}

/// Where each field of a mapped table comes from, and the columns used so far.
struct FieldSources<'a> {
    path: &'a Path,
    header: &'a Header,
    mapping: &'a Mapping,
    used: Vec<usize>,
}

impl FieldSources<'_> {
    /// The column `name` names (any case, or its normalised key), now counted as used.
    fn column(&mut self, name: &str) -> Result<usize> {
        let (path, header) = (self.path, self.header);
        let c = header
            .names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(name))
            .or_else(|| header.find(&[key(name).as_str()]))
            .ok_or_else(|| Error::file(path, format!(
                "{}: --map names column `{name}`, which the header does not have; the header has: {}",
                path.display(),
                header.listing()
            )))?;
        self.used.push(c);
        Ok(c)
    }

    /// A field from --map, --set, --wide or its default; an error names what to give.
    fn source(&mut self, field: Field, default: Option<&'static str>) -> Result<Source> {
        let mapping = self.mapping;
        if let Some(a) = mapping.map.iter().find(|a| a.field == field) {
            return Ok(Source::Column(self.column(&a.text)?));
        }
        if let Some(a) = mapping.set.iter().find(|a| a.field == field) {
            return Ok(Source::Constant(a.text.clone()));
        }
        let wide_field = match mapping.wide {
            Some(Wide::Flow) => Field::Flow,
            Some(Wide::Partner) => Field::Partner,
            Some(Wide::Period) => Field::Period,
            None => Field::Note, // never matches a required field below
        };
        if mapping.wide.is_some() && wide_field == field {
            return Ok(Source::Wide);
        }
        let (path, header) = (self.path, self.header);
        match default {
            Some(d) => Ok(Source::Default(d)),
            None => Err(Error::file(
                path,
                format!(
                    "{}: the mapping gives no {field:?} (use --map {f}=COLUMN, --set {f}=VALUE{wide}); the header has: {}",
                    path.display(),
                    header.listing(),
                    f = format!("{field:?}").to_lowercase(),
                    wide = if matches!(field, Field::Flow | Field::Partner | Field::Period) {
                        " or --wide"
                    } else {
                        ""
                    },
                ),
            )),
        }
    }
}

/// The columns of a wide table that hold values: every column not mapped to a field whose
/// name is a `kind` (a flow, a period; any name for partners); the others are ignored, with
/// a warning each.
fn wide_columns(
    path: &Path,
    header: &Header,
    kind: Wide,
    used: &[usize],
    warnings: &mut Vec<String>,
) -> Result<Vec<(usize, String)>> {
    let mut wide = Vec::new();
    for (i, name) in header.names.iter().enumerate() {
        if used.contains(&i) || name.trim().is_empty() {
            continue;
        }
        let fits = match kind {
            Wide::Flow => Flow::parse(name).is_ok(),
            Wide::Period => flexible_period(name).is_ok(),
            Wide::Partner => true,
        };
        if fits {
            wide.push((i, name.clone()));
        } else {
            warnings.push(format!(
                "{}:1:{}: column `{name}` is not a {} and is ignored",
                path.display(),
                i + 1,
                format!("{kind:?}").to_lowercase()
            ));
        }
    }
    if wide.is_empty() {
        return Err(Error::file(
            path,
            format!("{}: --wide found no value columns", path.display()),
        ));
    }
    Ok(wide)
}

impl Mapped {
    pub fn new(
        path: &Path,
        header: &Header,
        mapping: &Mapping,
        decimal_comma: bool,
    ) -> Result<Mapped> {
        let mut fields = FieldSources {
            path,
            header,
            mapping,
            used: Vec::new(),
        };
        let reporter = fields.source(Field::Reporter, None)?;
        let partner = fields.source(Field::Partner, None)?;
        let period = fields.source(Field::Period, None)?;
        let flow = fields.source(Field::Flow, None)?;
        let commodity = fields.source(Field::Commodity, Some("TOTAL"))?;
        let unit = fields.source(Field::Unit, Some(""))?;
        let note = fields.source(Field::Note, Some(""))?;
        let mut warnings = Vec::new();
        let value = match mapping.map.iter().find(|a| a.field == Field::Value) {
            Some(a) => Some(fields.column(&a.text)?),
            None => None,
        };
        let used = fields.used;
        let mut wide = Vec::new();
        match (mapping.wide, value) {
            (Some(kind), None) => {
                wide = wide_columns(path, header, kind, &used, &mut warnings)?;
            }
            (Some(_), Some(_)) => return Err(Error::Options("--wide and --map value=... exclude each other: in a wide table the values are the remaining columns".to_string())),
            (None, None) => return Err(Error::file(path, format!("{}: the mapping gives no value column (use --map value=COLUMN, or --wide)", path.display()))),
            (None, Some(_)) => {}
        }
        Ok(Mapped {
            reporter,
            partner,
            period,
            flow,
            commodity,
            unit,
            note,
            value,
            wide,
            default_unit: mapping.unit.clone().unwrap_or_else(Unit::usd),
            decimal_comma,
            source: source_of("", path),
            warnings,
            empty_cells: Cell::new(0),
        })
    }
}

/// Periods as tables write them: canonical forms, `2019.03`, `2019/03`, `201903`,
/// `2019M03`, `2019Q1`, `March 2019`, `Mar 2019`, `2019-03-31`.
pub fn flexible_period(text: &str) -> std::result::Result<Period, String> {
    let t = text.trim();
    if let Ok(p) = Period::parse(t) {
        return Ok(p);
    }
    let month_named = |w: &str| -> Option<u8> {
        const NAMES: [&str; 12] = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ];
        let w = w.to_ascii_lowercase();
        NAMES
            .iter()
            .position(|n| w.starts_with(n))
            .map(|i| i as u8 + 1)
    };
    let ym = |y: &str, m: &str| -> Option<Period> {
        let y: i32 = y.parse().ok()?;
        let m: u8 = m.parse().ok()?;
        Period::new(y, m, m).ok()
    };
    let bad = || {
        format!(
            "bad period `{t}`; expected e.g. 2019, 2019-03, 2019.03, 2019/03, 201903, 2019M03, 2019Q1 or March 2019"
        )
    };
    if let Some((a, b)) = t.split_once(['.', '/']) {
        if a.len() == 4 {
            return ym(a, b).ok_or_else(bad);
        }
        if b.len() == 4 {
            return ym(b, a).ok_or_else(bad);
        }
    }
    if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        return ym(&t[..4], &t[4..]).ok_or_else(bad);
    }
    let upper = t.to_ascii_uppercase();
    if let Some((y, m)) = upper.split_once('M')
        && y.len() == 4
        && y.bytes().all(|b| b.is_ascii_digit())
    {
        return ym(y, m).ok_or_else(bad);
    }
    if let Some((y, q)) = upper.split_once('Q')
        && let (Ok(y), Ok(q)) = (y.parse::<i32>(), q.parse::<u8>())
        && (1..=4).contains(&q)
    {
        return Period::new(y, q * 3 - 2, q * 3);
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if let [month, year] = words.as_slice()
        && let (Some(m), Ok(y)) = (month_named(month), year.parse::<i32>())
    {
        return Period::new(y, m, m);
    }
    if t.len() == 10 && t.as_bytes().get(4) == Some(&b'-') && t.as_bytes().get(7) == Some(&b'-') {
        return ym(&t[..4], &t[5..7]).ok_or_else(bad);
    }
    Err(bad())
}

impl Mapped {
    fn text<'a>(&'a self, source: &'a Source, f: &'a [Cow<'_, str>], wide: &'a str) -> &'a str {
        match source {
            Source::Column(i) => f.get(*i).map(|x| x.trim()).unwrap_or_default(),
            Source::Constant(c) => c,
            Source::Wide => wide,
            Source::Default(d) => d,
        }
    }

    /// A field's raw text when it does not depend on the value column (not `Wide`).
    fn raw<'a>(source: &'a Source, row: &'a csv::ByteRecord) -> Option<&'a [u8]> {
        match source {
            Source::Column(i) => raw(row, *i),
            Source::Constant(c) => Some(c.as_bytes()),
            Source::Default(d) => Some(d.as_bytes()),
            Source::Wide => None,
        }
    }

    fn column(source: &Source) -> Option<usize> {
        match source {
            Source::Column(i) => Some(*i),
            _ => None,
        }
    }
}

impl Importer for Mapped {
    fn layout(&self) -> &'static str {
        "mapped"
    }

    fn economies<'a>(&'a self, row: &'a csv::ByteRecord) -> Option<[&'a [u8]; 2]> {
        Some([
            Mapped::raw(&self.reporter, row)?,
            Mapped::raw(&self.partner, row)?,
        ])
    }

    fn warnings(&self) -> Vec<String> {
        self.warnings.clone()
    }

    fn after(&self, path: &Path) -> Vec<String> {
        match self.empty_cells.get() {
            0 => Vec::new(),
            n => vec![format!(
                "{}: {n} empty cell(s) of the wide table are missing values and gave no record",
                path.display()
            )],
        }
    }

    fn row(
        &self,
        f: &[Cow<'_, str>],
        origin: Origin,
    ) -> std::result::Result<Vec<Record>, FieldError> {
        let cells: Vec<(usize, &str)> = match self.value {
            Some(v) => vec![(v, "")],
            None => self.wide.iter().map(|(i, h)| (*i, h.as_str())).collect(),
        };
        let mut out = Vec::with_capacity(cells.len());
        for (column, header) in cells {
            let Some((value, flag)) = trade_value(
                f.get(column).map(|x| x.as_ref()).unwrap_or_default(),
                self.decimal_comma,
                column,
            )?
            else {
                // An empty cell of a wide table is missing trade, not zero: no record.
                if self.value.is_none() {
                    self.empty_cells.set(self.empty_cells.get() + 1);
                    continue;
                }
                return Err(missing_value(column));
            };
            let reporter = self.text(&self.reporter, f, header);
            let partner = self.text(&self.partner, f, header);
            if reporter.is_empty() || partner.is_empty() {
                let c = Mapped::column(if reporter.is_empty() {
                    &self.reporter
                } else {
                    &self.partner
                });
                return Err((c, "the reporter or partner is empty".to_string()));
            }
            let period = flexible_period(self.text(&self.period, f, header))
                .map_err(|e| (Mapped::column(&self.period).or(Some(column)), e))?;
            let flow = Flow::parse(self.text(&self.flow, f, header))
                .map_err(|e| (Mapped::column(&self.flow), e))?;
            // A mapped table may use any classification: codes that are not HS are labels.
            let code = self.text(&self.commodity, f, header);
            let commodity =
                Commodity::parse(code).unwrap_or_else(|_| Commodity::Label(code.to_string()));
            let unit_text = self.text(&self.unit, f, header);
            let unit = if unit_text.is_empty() {
                self.default_unit.clone()
            } else {
                Unit::parse(unit_text).map_err(|e| (Mapped::column(&self.unit), e))?
            };
            let mut note = self.text(&self.note, f, header).to_string();
            if let Some(flag) = flag {
                note = if note.is_empty() {
                    format!("flag {flag}")
                } else {
                    format!("{note}; flag {flag}")
                };
            }
            out.push(Record {
                reporter: reporter.to_string(),
                partner: partner.to_string(),
                period,
                flow,
                commodity,
                value,
                unit,
                source: self.source.clone(),
                note,
                origin,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_as_tables_write_them() {
        for (text, label) in [
            ("2019.10", "2019-10"),
            ("2019/01", "2019-01"),
            ("201903", "2019-03"),
            ("2019M03", "2019-03"),
            ("2019Q2", "2019-Q2"),
            ("January 2001", "2001-01"),
            ("November 2001", "2001-11"),
            ("December 2002", "2002-12"),
            ("Sep 2019", "2019-09"),
            ("2019-03-31", "2019-03"),
            ("2019", "2019"),
            ("03/2019", "2019-03"),
        ] {
            assert_eq!(flexible_period(text).unwrap().label(), label, "{text}");
        }
        assert!(flexible_period("2019.13").is_err());
        assert!(flexible_period("soon").is_err());
    }

    #[test]
    fn assignments() {
        let a: Assignment = "partner=Country".parse().unwrap();
        assert_eq!((a.field, a.text.as_str()), (Field::Partner, "Country"));
        assert!("colour=red".parse::<Assignment>().is_err());
        assert!("partner".parse::<Assignment>().is_err());
    }
}
