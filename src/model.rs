//! The canonical trade-record model: who trades (`reporter`, `partner`), when (`Period`),
//! which way (`Flow`), what (`Commodity`), and in what money (`Unit`).
//!
//! Parsing here is strict and total: every function returns an explanation of what was
//! expected instead of guessing, and nothing here ever touches a float.

use std::fmt;

/// The direction of a trade value, from the reporter's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flow {
    Export,
    Import,
    /// Re-exports are part of exports in the general trade system; kept apart, never added.
    ReExport,
    ReImport,
    /// A published total (exports + imports) whose split is unknown.
    Turnover,
    /// Any other flow a source reports (Comtrade's processing flows, DX, FM, ...): kept with
    /// its code in the record's note, never added to exports or imports.
    Other,
}

impl Flow {
    pub const ALL: [Flow; 5] = [
        Flow::Export,
        Flow::Import,
        Flow::ReExport,
        Flow::ReImport,
        Flow::Turnover,
    ];

    /// The spelling used in the canonical format.
    pub fn as_str(self) -> &'static str {
        match self {
            Flow::Export => "export",
            Flow::Import => "import",
            Flow::ReExport => "re-export",
            Flow::ReImport => "re-import",
            Flow::Turnover => "turnover",
            Flow::Other => "other",
        }
    }

    /// The plural a reader expects in a table ("exports", "imports").
    pub fn plural(self) -> &'static str {
        match self {
            Flow::Export => "exports",
            Flow::Import => "imports",
            Flow::ReExport => "re-exports",
            Flow::ReImport => "re-imports",
            Flow::Turnover => "turnover",
            Flow::Other => "other flows",
        }
    }

    /// Accepts the canonical spelling, its plural, any letter case and `reexport`.
    pub fn parse(text: &str) -> Result<Flow, String> {
        let t = text.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        let t = t.strip_suffix('s').unwrap_or(&t);
        match t {
            "export" => Ok(Flow::Export),
            "import" => Ok(Flow::Import),
            "re-export" | "reexport" => Ok(Flow::ReExport),
            "re-import" | "reimport" => Ok(Flow::ReImport),
            "turnover" | "total-trade" => Ok(Flow::Turnover),
            "other" => Ok(Flow::Other),
            _ => Err(format!(
                "unknown flow `{text}`; expected one of export, import, re-export, re-import, turnover"
            )),
        }
    }
}

impl fmt::Display for Flow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span of whole months within one calendar year: a year, a half, a quarter, a month, or
/// a year-to-date range such as January–November.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    /// 1..=12
    pub first_month: u8,
    /// first_month..=12
    pub last_month: u8,
}

/// What shape a period has, for roll-ups and labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodKind {
    Year,
    Half,
    Quarter,
    Month,
    /// Any other run of months, e.g. January–November.
    Range,
}

pub const MIN_YEAR: i32 = 1800;
pub const MAX_YEAR: i32 = 2200;

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Period {
    pub fn new(year: i32, first_month: u8, last_month: u8) -> Result<Period, String> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(format!(
                "year {year} is out of range; expected {MIN_YEAR}–{MAX_YEAR}"
            ));
        }
        if !(1..=12).contains(&first_month) || !(1..=12).contains(&last_month) {
            return Err("months must be 01–12".to_string());
        }
        if first_month > last_month {
            return Err(format!(
                "the range starts after it ends ({first_month:02} > {last_month:02})"
            ));
        }
        Ok(Period {
            year,
            first_month,
            last_month,
        })
    }

    pub fn year(year: i32) -> Result<Period, String> {
        Period::new(year, 1, 12)
    }

    /// Parses `2019`, `2019-H1`, `2019-Q1`, `2019-03`, or `2019-01..2019-11`.
    pub fn parse(text: &str) -> Result<Period, String> {
        let t = text.trim();
        let expected = "expected 2019, 2019-H1, 2019-Q1, 2019-03 or 2019-01..2019-11";
        let bad = |why: &str| {
            if why.is_empty() {
                format!("bad period `{text}`; {expected}")
            } else {
                format!("bad period `{text}`: {why}; {expected}")
            }
        };
        if let Some((from, to)) = t.split_once("..") {
            let (y1, m1) = parse_year_month(from).ok_or_else(|| bad(""))?;
            let (y2, m2) = parse_year_month(to).ok_or_else(|| bad(""))?;
            if y1 != y2 {
                return Err(bad("a range must lie within one calendar year"));
            }
            return Period::new(y1, m1, m2).map_err(|e| bad(&e));
        }
        let (year_text, rest) = match t.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (t, None),
        };
        let year = parse_year(year_text).ok_or_else(|| bad(""))?;
        let (first, last) = match rest {
            None => (1, 12),
            Some(r) => {
                let upper = r.to_ascii_uppercase();
                match upper.as_str() {
                    "H1" => (1, 6),
                    "H2" => (7, 12),
                    "Q1" => (1, 3),
                    "Q2" => (4, 6),
                    "Q3" => (7, 9),
                    "Q4" => (10, 12),
                    m if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                        let month: u8 = m.parse().map_err(|_| bad(""))?;
                        if !(1..=12).contains(&month) {
                            return Err(bad(&format!("month {m} does not exist")));
                        }
                        (month, month)
                    }
                    _ => return Err(bad("")),
                }
            }
        };
        Period::new(year, first, last).map_err(|e| bad(&e))
    }

    pub fn months(&self) -> u8 {
        self.last_month - self.first_month + 1
    }

    pub fn kind(&self) -> PeriodKind {
        match (self.first_month, self.last_month) {
            (1, 12) => PeriodKind::Year,
            (1, 6) | (7, 12) => PeriodKind::Half,
            (f, l) if l == f + 2 && f % 3 == 1 => PeriodKind::Quarter,
            (f, l) if f == l => PeriodKind::Month,
            _ => PeriodKind::Range,
        }
    }

    /// The same months one year earlier: the base of a year-over-year comparison.
    pub fn year_before(&self) -> Option<Period> {
        Period::new(self.year - 1, self.first_month, self.last_month).ok()
    }

    /// The months just before, as many as this period has: the base of a "half-on-half",
    /// "quarter-on-quarter" or "month-on-month" comparison (2023-H1 → 2022-H2).
    pub fn span_before(&self) -> Option<Period> {
        let n = self.months();
        if self.first_month > n {
            Period::new(self.year, self.first_month - n, self.first_month - 1).ok()
        } else {
            Period::new(
                self.year - 1,
                12 - n + self.first_month,
                12 - n + self.last_month,
            )
            .ok()
        }
    }

    /// The canonical label, which `parse` reads back to the same period.
    pub fn label(&self) -> String {
        match self.kind() {
            PeriodKind::Year => format!("{}", self.year),
            PeriodKind::Half => format!("{}-H{}", self.year, self.first_month.div_ceil(6)),
            PeriodKind::Quarter => format!("{}-Q{}", self.year, self.first_month.div_ceil(3)),
            PeriodKind::Month => format!("{}-{:02}", self.year, self.first_month),
            PeriodKind::Range => format!(
                "{y}-{:02}..{y}-{:02}",
                self.first_month,
                self.last_month,
                y = self.year
            ),
        }
    }

    /// Words for titles: "January–March 2019".
    pub fn describe(&self) -> String {
        let name = |m: u8| MONTH_NAMES[usize::from(m.clamp(1, 12)) - 1];
        match self.kind() {
            PeriodKind::Year => format!("{}", self.year),
            PeriodKind::Month => format!("{} {}", name(self.first_month), self.year),
            _ => format!(
                "{}–{} {}",
                name(self.first_month),
                name(self.last_month),
                self.year
            ),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

fn parse_year(text: &str) -> Option<i32> {
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn parse_year_month(text: &str) -> Option<(i32, u8)> {
    let (y, m) = text.trim().split_once('-')?;
    let year = parse_year(y)?;
    if m.len() != 2 || !m.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month: u8 = m.parse().ok()?;
    (1..=12).contains(&month).then_some((year, month))
}

/// What a row is about: the total, an HS code, or a free label ("oil products").
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Commodity {
    Total,
    /// Harmonized System code of 2, 4 or 6 digits.
    Hs(String),
    Label(String),
}

impl Commodity {
    /// Empty or `TOTAL` (any case) is the total; 2, 4 or 6 digits an HS code; other digit
    /// strings are rejected (a spreadsheet that dropped a leading zero); anything else a label.
    pub fn parse(text: &str) -> Result<Commodity, String> {
        let t = text.trim();
        if t.is_empty() || t.eq_ignore_ascii_case("total") || t.eq_ignore_ascii_case("tot") {
            return Ok(Commodity::Total);
        }
        if t.bytes().all(|b| b.is_ascii_digit()) {
            return match t.len() {
                2 | 4 | 6 => Ok(Commodity::Hs(t.to_string())),
                n => Err(format!(
                    "HS code `{t}` has {n} digit(s); HS codes have 2, 4 or 6 digits \
                     (was a leading zero lost by a spreadsheet?)"
                )),
            };
        }
        Ok(Commodity::Label(t.to_string()))
    }

    /// Reads back what `code` stored: like `parse`, but a digit string of another length
    /// is the label it was (a SITC or national code), not an error.
    pub fn from_stored(code: &str) -> Commodity {
        Commodity::parse(code).unwrap_or_else(|_| Commodity::Label(code.to_string()))
    }

    /// The spelling stored in frames and written back to CSV.
    pub fn code(&self) -> &str {
        match self {
            Commodity::Total => "TOTAL",
            Commodity::Hs(c) | Commodity::Label(c) => c,
        }
    }

    pub fn hs_level(&self) -> Option<usize> {
        match self {
            Commodity::Hs(c) => Some(c.len()),
            _ => None,
        }
    }
}

impl fmt::Display for Commodity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A currency and a power-of-ten scale: `USD million` is (USD, 6).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Unit {
    /// ISO 4217 code, upper case.
    pub currency: String,
    /// 0 (units), 3 (thousand), 6 (million), 9 (billion).
    pub scale: u32,
}

impl Unit {
    pub fn usd() -> Unit {
        Unit {
            currency: "USD".to_string(),
            scale: 0,
        }
    }

    pub fn with_scale(&self, scale: u32) -> Unit {
        Unit {
            currency: self.currency.clone(),
            scale,
        }
    }

    /// Accepts `USD`, `USD thousand`, `thousand USD`, `US$ million`, `CNY mn`, `USD bn`, ...
    /// Empty means USD.
    pub fn parse(text: &str) -> Result<Unit, String> {
        let t = text.trim();
        if t.is_empty() {
            return Ok(Unit::usd());
        }
        let mut currency: Option<String> = None;
        let mut scale: Option<u32> = None;
        for word in t.split_whitespace() {
            if let Some(s) = scale_word(word) {
                if scale.replace(s).is_some() {
                    return Err(format!("unit `{text}` names two scales"));
                }
            } else if let Some(c) = currency_word(word) {
                if currency.replace(c).is_some() {
                    return Err(format!("unit `{text}` names two currencies"));
                }
            } else {
                return Err(format!(
                    "unknown unit `{text}`; expected a currency code with an optional scale, \
                     such as USD, USD thousand, USD million, CNY billion"
                ));
            }
        }
        match currency {
            Some(currency) => Ok(Unit {
                currency,
                scale: scale.unwrap_or(0),
            }),
            None => Err(format!(
                "unit `{text}` has no currency; write e.g. `USD {}`",
                t.to_ascii_lowercase()
            )),
        }
    }

    pub fn scale_name(scale: u32) -> &'static str {
        match scale {
            0 => "",
            3 => "thousand",
            6 => "million",
            9 => "billion",
            12 => "trillion",
            _ => "?",
        }
    }
}

/// The scale a word names, in any case (read once per row: no allocation).
fn scale_word(word: &str) -> Option<u32> {
    const SCALES: &[(&str, u32)] = &[
        ("thousand", 3),
        ("thousands", 3),
        ("th", 3),
        ("k", 3),
        ("'000", 3),
        ("million", 6),
        ("millions", 6),
        ("mn", 6),
        ("mln", 6),
        ("m", 6),
        ("billion", 9),
        ("billions", 9),
        ("bn", 9),
        ("b", 9),
        ("trillion", 12),
        ("trillions", 12),
        ("tn", 12),
    ];
    SCALES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, s)| s)
}

fn currency_word(word: &str) -> Option<String> {
    match word {
        "$" | "US$" | "us$" => return Some("USD".to_string()),
        _ => {}
    }
    (word.len() == 3 && word.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| word.to_ascii_uppercase())
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.scale {
            0 => f.write_str(&self.currency),
            s => write!(f, "{} {}", self.currency, Unit::scale_name(s)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_and_print_back() {
        for text in [
            "2019",
            "2019-H1",
            "2019-H2",
            "2019-Q1",
            "2019-Q4",
            "2019-03",
            "2019-01..2019-11",
        ] {
            let p = Period::parse(text).unwrap();
            assert_eq!(p.label(), text);
        }
        assert_eq!(Period::parse("2019-Q3").unwrap().months(), 3);
        assert_eq!(Period::parse("2019-01..2019-11").unwrap().months(), 11);
        // A range that is really a quarter prints as the quarter.
        assert_eq!(
            Period::parse("2019-01..2019-03").unwrap().label(),
            "2019-Q1"
        );
    }

    #[test]
    fn bad_periods_say_what_was_expected() {
        for text in [
            "2019-13",
            "2019-Q5",
            "19",
            "2019-1",
            "2019-05..2019-02",
            "2018-11..2019-02",
            "1700",
            "",
            "2019/03",
        ] {
            let e = Period::parse(text).unwrap_err();
            assert!(e.contains("expected 2019"), "{text}: {e}");
        }
    }

    #[test]
    fn year_before_keeps_the_months() {
        let p = Period::parse("2019-01..2019-11").unwrap();
        assert_eq!(p.year_before().unwrap().label(), "2018-01..2018-11");
        assert_eq!(
            Period::parse("2019-Q1").unwrap().describe(),
            "January–March 2019"
        );
    }

    #[test]
    fn flows_accept_plurals_and_case() {
        assert_eq!(Flow::parse("Exports").unwrap(), Flow::Export);
        assert_eq!(Flow::parse("re-import").unwrap(), Flow::ReImport);
        assert_eq!(Flow::parse("Re-Exports").unwrap(), Flow::ReExport);
        assert!(
            Flow::parse("sales")
                .unwrap_err()
                .contains("expected one of")
        );
    }

    #[test]
    fn commodities() {
        assert_eq!(Commodity::parse("").unwrap(), Commodity::Total);
        assert_eq!(Commodity::parse("total").unwrap(), Commodity::Total);
        assert_eq!(Commodity::parse("2709").unwrap().hs_level(), Some(4));
        assert_eq!(
            Commodity::parse("oil products").unwrap(),
            Commodity::Label("oil products".into())
        );
        assert!(Commodity::parse("271").is_err());
    }

    #[test]
    fn units() {
        assert_eq!(Unit::parse("").unwrap(), Unit::usd());
        let m = Unit::parse("USD million").unwrap();
        assert_eq!((m.currency.as_str(), m.scale), ("USD", 6));
        assert_eq!(Unit::parse("thousand usd").unwrap().scale, 3);
        assert_eq!(Unit::parse("US$ bn").unwrap().to_string(), "USD billion");
        assert_eq!(Unit::parse("CNY million").unwrap().currency, "CNY");
        assert!(Unit::parse("tons").is_err());
        assert!(Unit::parse("million").is_err());
        assert!(Unit::parse("USD EUR").is_err());
    }
}
