//! The claims file (TOML): `[source]`, `[[figure]]` (published numbers, optionally bound to
//! the data) and `[[claim]]` (phrases about quantities computed from figures).
//!
//! Everything is checked on load — phrases parse, expressions parse and name known
//! figures, bindings are complete — and each error names the file, the line and the key.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::expr::{self, Expr};
use super::lexicon::Lexicon;
use super::phrase::{self, Phrase, Rounding};
use crate::error::{Error, Result};
use crate::model::{Commodity, Period};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    source: Option<Spanned<RawSource>>,
    #[serde(default)]
    figure: Vec<Spanned<RawFigure>>,
    #[serde(default)]
    claim: Vec<Spanned<RawClaim>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    #[serde(default)]
    data: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    id: Option<Spanned<String>>,
    printed: Option<Spanned<String>>,
    measure: Option<Spanned<String>>,
    reporter: Option<Spanned<String>>,
    partner: Option<Spanned<String>>,
    period: Option<Spanned<String>>,
    commodity: Option<Spanned<String>>,
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: Option<String>,
    quote: Option<Spanned<String>>,
    says: Option<Spanned<String>>,
    equals: Option<Spanned<String>>,
    value: Option<Spanned<String>>,
    note: Option<String>,
}

/// What a figure measures in the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TradeMeasure {
    Exports,
    Imports,
    Turnover,
    Balance,
}

impl TradeMeasure {
    fn parse(text: &str) -> Option<TradeMeasure> {
        match text.trim().to_ascii_lowercase().as_str() {
            "exports" | "export" => Some(TradeMeasure::Exports),
            "imports" | "import" => Some(TradeMeasure::Imports),
            "turnover" | "trade" => Some(TradeMeasure::Turnover),
            "balance" => Some(TradeMeasure::Balance),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            TradeMeasure::Exports => "exports",
            TradeMeasure::Imports => "imports",
            TradeMeasure::Turnover => "turnover",
            TradeMeasure::Balance => "balance",
        }
    }
}

/// Where a figure sits in the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    pub measure: TradeMeasure,
    pub reporter: String,
    pub partner: String,
    pub period: Period,
    pub commodity: Commodity,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: String,
    pub line: usize,
    pub printed: Option<Phrase>,
    pub binding: Option<Binding>,
    /// The period the figure is about: from the binding, or given alone to let the
    /// checker notice comparisons of periods of different lengths.
    pub period: Option<Period>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
// Says is much larger than Equals; claims are few, so the size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Assertion {
    /// A phrase about the value.
    Says(Phrase),
    /// The value must equal this figure.
    Equals(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub id: Option<String>,
    pub line: usize,
    pub quote: String,
    pub assertion: Assertion,
    pub value: Expr,
    pub value_text: String,
    pub note: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceInfo {
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Data files, resolved against the claims file's folder.
    pub data: Vec<PathBuf>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimsFile {
    pub path: PathBuf,
    pub source: SourceInfo,
    pub figures: Vec<Figure>,
    pub claims: Vec<Claim>,
}

/// Line number (1-based) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |t| t.matches('\n').count() + 1)
}

pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

impl ClaimsFile {
    pub fn load(path: &Path, lexicon: &Lexicon, rounding: Rounding) -> Result<ClaimsFile> {
        let text = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if text.len() > MAX_FILE_BYTES {
            return Err(Error::file(
                path,
                format!(
                    "{}: the claims file is {} bytes; at most {MAX_FILE_BYTES}",
                    path.display(),
                    text.len()
                ),
            ));
        }
        let text = String::from_utf8(text).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            Error::file(
                path,
                format!(
                    "{}:{}: the claims file is not valid UTF-8",
                    path.display(),
                    line_of(&String::from_utf8_lossy(e.as_bytes()), at)
                ),
            )
        })?;
        ClaimsFile::parse(&text, path, lexicon, rounding)
    }

    pub fn parse(
        text: &str,
        path: &Path,
        lexicon: &Lexicon,
        rounding: Rounding,
    ) -> Result<ClaimsFile> {
        let reader = Reader {
            text,
            path,
            lexicon,
            rounding,
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            Error::file(
                path,
                format!(
                    "{}:{line}: not a valid claims file: {}",
                    path.display(),
                    e.message()
                ),
            )
        })?;
        let folder = path.parent().unwrap_or(Path::new("."));
        let source = source_info(raw.source, folder);
        let mut figures: Vec<Figure> = Vec::new();
        for spanned in raw.figure {
            let figure = reader.figure(spanned, &figures)?;
            figures.push(figure);
        }
        let known: BTreeSet<&str> = figures.iter().map(|f| f.id.as_str()).collect();
        let claims = raw
            .claim
            .into_iter()
            .map(|spanned| reader.claim(spanned, &known))
            .collect::<Result<Vec<Claim>>>()?;
        Ok(ClaimsFile {
            path: path.to_path_buf(),
            source,
            figures,
            claims,
        })
    }
}

/// `[source]`, its data files resolved against `folder`.
fn source_info(raw: Option<Spanned<RawSource>>, folder: &Path) -> SourceInfo {
    match raw {
        Some(s) => {
            let s = s.into_inner();
            SourceInfo {
                title: s.title,
                url: s.url,
                published: s.published,
                data: s
                    .data
                    .into_iter()
                    .map(|d| folder.join(d.into_inner()))
                    .collect(),
            }
        }
        None => SourceInfo::default(),
    }
}

/// The message for a figure id that is not defined; `known` are those that are.
fn unknown(known: &BTreeSet<&str>, id: &str) -> String {
    format!(
        "unknown figure `{id}`; the figures are: {}",
        if known.is_empty() {
            "(none)".to_string()
        } else {
            known.iter().copied().collect::<Vec<_>>().join(", ")
        }
    )
}

/// Reads the parts of one claims file: its text (for line numbers), its path (for
/// messages), and the lexicon and rounding its phrases are read with.
struct Reader<'a> {
    text: &'a str,
    path: &'a Path,
    lexicon: &'a Lexicon,
    rounding: Rounding,
}

impl Reader<'_> {
    /// An error at a byte offset of the file, about one key.
    fn err(&self, offset: usize, key: &str, message: String) -> Error {
        Error::file(
            self.path,
            format!(
                "{}:{}: `{key}`: {message}",
                self.path.display(),
                line_of(self.text, offset)
            ),
        )
    }

    /// The phrase a key gives (`printed`, `says`).
    fn phrase(&self, value: &Spanned<String>, key: &str) -> Result<Phrase> {
        phrase::parse(value.get_ref(), self.lexicon, self.rounding)
            .map_err(|e| self.err(value.span().start, key, e))
    }

    /// One `[[figure]]`; `figures` are those before it.
    fn figure(&self, spanned: Spanned<RawFigure>, figures: &[Figure]) -> Result<Figure> {
        let at = spanned.span().start;
        let line = line_of(self.text, at);
        let RawFigure {
            id,
            printed,
            measure,
            reporter,
            partner,
            period,
            commodity,
            note,
        } = spanned.into_inner();
        let id = self.figure_id(id, at, figures)?;
        let printed = match printed {
            Some(p) => Some(self.phrase(&p, "printed")?),
            None => None,
        };
        let lone_period = match (&measure, &period) {
            (None, Some(p)) => Some(
                Period::parse(p.get_ref()).map_err(|e| self.err(p.span().start, "period", e))?,
            ),
            _ => None,
        };
        let binding = match measure {
            None => {
                for (key, v) in [("reporter", &reporter), ("partner", &partner)] {
                    if let Some(v) = v {
                        return Err(self.err(
                            v.span().start,
                            key,
                            "has no effect without `measure`".to_string(),
                        ));
                    }
                }
                None
            }
            Some(m) => Some(self.binding(m, reporter, partner, period, commodity)?),
        };
        if printed.is_none() && binding.is_none() {
            return Err(self.err(
                at,
                "printed",
                format!(
                    "figure `{id}` has neither `printed` nor a data binding (`measure`, `reporter`, ...)"
                ),
            ));
        }
        Ok(Figure {
            id,
            line,
            printed,
            period: binding.as_ref().map(|b| b.period).or(lone_period),
            binding,
            note,
        })
    }

    /// A figure's id: given, well-formed and not taken by one of `figures`.
    fn figure_id(
        &self,
        id: Option<Spanned<String>>,
        at: usize,
        figures: &[Figure],
    ) -> Result<String> {
        let id =
            id.ok_or_else(|| self.err(at, "id", "every [[figure]] needs an id".to_string()))?;
        let (id_at, id) = (id.span().start, id.into_inner());
        if id.is_empty()
            || !id.chars().all(|c| c.is_alphanumeric() || c == '_')
            || id.starts_with(|c: char| c.is_ascii_digit())
        {
            return Err(self.err(
                id_at,
                "id",
                format!("`{id}`: ids are letters, digits and _ (not starting with a digit)"),
            ));
        }
        if figures.iter().any(|g| g.id == id) {
            return Err(self.err(id_at, "id", format!("figure `{id}` is defined twice")));
        }
        Ok(id)
    }

    /// The binding of a figure that gives `measure`: it needs reporter, partner and period
    /// (a missing one is reported at `measure`); the commodity is the total unless given.
    fn binding(
        &self,
        measure: Spanned<String>,
        reporter: Option<Spanned<String>>,
        partner: Option<Spanned<String>>,
        period: Option<Spanned<String>>,
        commodity: Option<Spanned<String>>,
    ) -> Result<Binding> {
        let m_at = measure.span().start;
        let trade_measure = TradeMeasure::parse(measure.get_ref()).ok_or_else(|| {
            self.err(
                m_at,
                "measure",
                format!(
                    "`{}`: expected exports, imports, turnover or balance",
                    measure.get_ref()
                ),
            )
        })?;
        let need = |v: Option<Spanned<String>>, key: &str| {
            v.map(Spanned::into_inner).ok_or_else(|| {
                self.err(
                    m_at,
                    key,
                    format!("a figure bound to the data needs `{key}`"),
                )
            })
        };
        let period_at = period.as_ref().map_or(m_at, |p| p.span().start);
        let period_text = need(period, "period")?;
        let period = Period::parse(&period_text).map_err(|e| self.err(period_at, "period", e))?;
        let commodity = match commodity {
            Some(c) => Commodity::parse(c.get_ref())
                .map_err(|e| self.err(c.span().start, "commodity", e))?,
            None => Commodity::Total,
        };
        Ok(Binding {
            measure: trade_measure,
            reporter: need(reporter, "reporter")?,
            partner: need(partner, "partner")?,
            period,
            commodity,
        })
    }

    /// One `[[claim]]`; `known` are the figure ids.
    fn claim(&self, spanned: Spanned<RawClaim>, known: &BTreeSet<&str>) -> Result<Claim> {
        let at = spanned.span().start;
        let line = line_of(self.text, at);
        let c = spanned.into_inner();
        let quote = c
            .quote
            .ok_or_else(|| {
                self.err(
                    at,
                    "quote",
                    "every [[claim]] needs the quote it checks".to_string(),
                )
            })?
            .into_inner();
        let value = c.value.ok_or_else(|| {
            self.err(
                at,
                "value",
                "every [[claim]] needs a value expression over figure ids".to_string(),
            )
        })?;
        let value_at = value.span().start;
        let value_text = value.into_inner();
        let expression = expr::parse(&value_text).map_err(|e| self.err(value_at, "value", e))?;
        for id in expression.figures() {
            if !known.contains(id.as_str()) {
                return Err(self.err(value_at, "value", unknown(known, &id)));
            }
        }
        let assertion = self.assertion(c.says, c.equals, at, known)?;
        Ok(Claim {
            id: c.id,
            line,
            quote,
            assertion,
            value: expression,
            value_text,
            note: c.note,
        })
    }

    /// What a claim asserts: `says` a phrase, or `equals` a known figure; not both.
    fn assertion(
        &self,
        says: Option<Spanned<String>>,
        equals: Option<Spanned<String>>,
        at: usize,
        known: &BTreeSet<&str>,
    ) -> Result<Assertion> {
        match (says, equals) {
            (Some(s), None) => Ok(Assertion::Says(self.phrase(&s, "says")?)),
            (None, Some(e)) => {
                let e_at = e.span().start;
                let id = e.into_inner();
                if !known.contains(id.as_str()) {
                    return Err(self.err(e_at, "equals", unknown(known, &id)));
                }
                Ok(Assertion::Equals(id))
            }
            (Some(s), Some(_)) => Err(self.err(
                s.span().start,
                "says",
                "a claim has either `says` or `equals`, not both".to_string(),
            )),
            (None, None) => Err(self.err(
                at,
                "says",
                "a claim needs `says` (a phrase) or `equals` (a figure id)".to_string(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ClaimsFile> {
        ClaimsFile::parse(
            text,
            Path::new("c.toml"),
            Lexicon::built_in(),
            Rounding::HalfUnit,
        )
    }

    const GOOD: &str = r#"
[source]
title = "t"
data = ["../data/x.csv"]

[[figure]]
id = "a"
printed = "$10.69 million"
measure = "turnover"
reporter = "RU-FE"
partner = "PRK"
period = "2019-Q1"

[[figure]]
id = "b"
printed = "$30.72 million"

[[claim]]
quote = "showing a triple growth"
says = "triple growth"
value = "a / b"
"#;

    #[test]
    fn a_good_file_loads() {
        let f = parse(GOOD).unwrap();
        assert_eq!(f.figures.len(), 2);
        assert_eq!(
            f.figures[0].binding.as_ref().unwrap().period.label(),
            "2019-Q1"
        );
        assert_eq!(f.claims[0].line, 18);
        assert_eq!(f.source.data[0], Path::new("../data/x.csv"));
    }

    #[test]
    fn errors_name_the_line_and_the_key() {
        let cases = [
            (
                GOOD.replace("value = \"a / b\"", "value = \"a / c\""),
                "c.toml:21: `value`: unknown figure `c`; the figures are: a, b",
            ),
            (
                GOOD.replace("period = \"2019-Q1\"", "period = \"2019-Q5\""),
                "c.toml:12: `period`: bad period",
            ),
            (
                GOOD.replace("measure = \"turnover\"", "measure = \"sales\""),
                "c.toml:9: `measure`: `sales`",
            ),
            (
                GOOD.replace("says = \"triple growth\"", "says = \"no number here\""),
                "c.toml:20: `says`: no number",
            ),
            (
                GOOD.replace("printed = \"$30.72 million\"", "printed = \"thirty\""),
                "c.toml:16: `printed`",
            ),
            (
                GOOD.replace("id = \"b\"", "id = \"a\""),
                "c.toml:15: `id`: figure `a` is defined twice",
            ),
            (
                GOOD.replace("says = \"triple growth\"", "sayz = \"x\""),
                "c.toml:20: not a valid claims file: unknown field `sayz`",
            ),
            (
                GOOD.replace("value = \"a / b\"", "value = \"a / (b\""),
                "c.toml:21: `value`: expected `)`",
            ),
            (
                format!("{GOOD}\n[[claim]]\nquote = \"q\"\nvalue = \"a\"\n"),
                "c.toml:23: `says`: a claim needs",
            ),
            (
                GOOD.replace("[source]", "[source"),
                "c.toml:2: not a valid claims file",
            ),
        ];
        for (text, wanted) in cases {
            let e = parse(&text).unwrap_err().to_string();
            assert!(e.starts_with(wanted), "wanted {wanted:?}, got {e:?}");
        }
    }
}
