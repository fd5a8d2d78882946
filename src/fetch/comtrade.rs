//! The UN Comtrade+ API: which URL asks for what, how a request is split to fit the
//! endpoint's limits, and which rows of an answer are totals.
//!
//! With a subscription key the data API (`/data/v1/get/C/{A|M}/HS`), without one the public
//! preview (`/public/v1/preview/C/{A|M}/HS`, no key, at most 500 records an answer and
//! fewer requests an hour). Totals are asked for: `partner2Code=0`, `motCode=0`,
//! `customsCode=C00`; a breakdown row that still comes back is left out and counted.

use super::json::Json;
use crate::error::{Error, Result};

pub const DEFAULT_BASE: &str = "https://comtradeapi.un.org";

/// Which endpoint answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// With a subscription key.
    Data,
    /// Without a key.
    Preview,
}

impl Endpoint {
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::Data => "UN Comtrade+ data API (v1)",
            Endpoint::Preview => "UN Comtrade+ public preview (v1)",
        }
    }

    /// The most records one answer holds: an answer that many long may be cut.
    pub fn record_limit(self) -> usize {
        match self {
            Endpoint::Data => 100_000,
            Endpoint::Preview => 500,
        }
    }

    fn path(self, freq: Freq) -> String {
        let f = freq.code();
        match self {
            Endpoint::Data => format!("/data/v1/get/C/{f}/HS"),
            Endpoint::Preview => format!("/public/v1/preview/C/{f}/HS"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freq {
    Annual,
    Monthly,
}

impl Freq {
    pub fn code(self) -> &'static str {
        match self {
            Freq::Annual => "A",
            Freq::Monthly => "M",
        }
    }
}

/// What to fetch, in Comtrade's codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub reporters: Vec<i32>,
    pub partners: Vec<i32>,
    /// "2019", or "201903" for months.
    pub periods: Vec<String>,
    /// X, M, RX, RM.
    pub flows: Vec<String>,
    /// TOTAL or HS codes.
    pub commodities: Vec<String>,
    pub freq: Freq,
}

/// Most periods one request names (the API's limit).
pub const MAX_PERIODS: usize = 12;
/// Longest URL sent: proxies and the API refuse longer ones.
pub const MAX_URL: usize = 2000;

impl Query {
    /// The periods as the API wants them: years for annual data; for monthly data a year
    /// stands for its twelve months.
    pub fn normalise_periods(periods: &[String], freq: Freq) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for p in periods {
            let p = p.trim().replace('-', "");
            let ok = p.chars().all(|c| c.is_ascii_digit());
            match (freq, p.len()) {
                (Freq::Annual, 4) if ok => out.push(p),
                (Freq::Monthly, 6)
                    if ok && (1..=12).contains(&p[4..].parse::<u32>().unwrap_or(0)) =>
                {
                    out.push(p)
                }
                (Freq::Monthly, 4) if ok => out.extend((1..=12).map(|m| format!("{p}{m:02}"))),
                _ => {
                    return Err(Error::Options(format!(
                        "--period {p}: expected {}",
                        if freq == Freq::Annual {
                            "a year such as 2019"
                        } else {
                            "a year (2019) or a month (2019-03, 201903)"
                        }
                    )));
                }
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The URL asking for `self` from `endpoint` at `base`.
    pub fn url(&self, base: &str, endpoint: Endpoint) -> String {
        let list = |v: &[String]| v.join(",");
        let codes = |v: &[i32]| {
            v.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(",")
        };
        format!(
            "{}{}?reporterCode={}&period={}&partnerCode={}&partner2Code=0&cmdCode={}&flowCode={}&customsCode=C00&motCode=0&includeDesc=true",
            base.trim_end_matches('/'),
            endpoint.path(self.freq),
            codes(&self.reporters),
            list(&self.periods),
            codes(&self.partners),
            list(&self.commodities),
            list(&self.flows),
        )
    }

    /// `self` split into requests that name at most `MAX_PERIODS` periods and fit in
    /// `MAX_URL` characters.
    pub fn parts(&self, base: &str, endpoint: Endpoint) -> Vec<Query> {
        let mut out = Vec::new();
        for chunk in self.periods.chunks(MAX_PERIODS) {
            let q = Query {
                periods: chunk.to_vec(),
                ..self.clone()
            };
            out.extend(q.fit_url(base, endpoint));
        }
        out
    }

    /// Halves the longest list until the URL is short enough.
    fn fit_url(self, base: &str, endpoint: Endpoint) -> Vec<Query> {
        if self.url(base, endpoint).len() <= MAX_URL {
            return vec![self];
        }
        match self.halves() {
            Some((a, b)) => {
                let mut out = a.fit_url(base, endpoint);
                out.extend(b.fit_url(base, endpoint));
                out
            }
            None => vec![self],
        }
    }

    /// `self` in two, by its longest list of partners, commodities, reporters or periods.
    pub fn halves(&self) -> Option<(Query, Query)> {
        let lens = [
            self.partners.len(),
            self.commodities.len(),
            self.reporters.len(),
            self.periods.len(),
        ];
        let (which, &len) = lens.iter().enumerate().max_by_key(|(_, l)| **l)?;
        if len < 2 {
            return None;
        }
        let mid = len / 2;
        let (mut a, mut b) = (self.clone(), self.clone());
        match which {
            0 => {
                a.partners = self.partners[..mid].to_vec();
                b.partners = self.partners[mid..].to_vec();
            }
            1 => {
                a.commodities = self.commodities[..mid].to_vec();
                b.commodities = self.commodities[mid..].to_vec();
            }
            2 => {
                a.reporters = self.reporters[..mid].to_vec();
                b.reporters = self.reporters[mid..].to_vec();
            }
            _ => {
                a.periods = self.periods[..mid].to_vec();
                b.periods = self.periods[mid..].to_vec();
            }
        }
        Some((a, b))
    }
}

/// An answer read: its records, and how many were breakdown rows left out.
#[derive(Clone, Debug, Default)]
pub struct Answer {
    pub records: Vec<Json>,
    pub breakdown_left_out: usize,
    /// The `count` the API says, when it says one.
    pub count: Option<usize>,
}

/// Reads an answer body: `{"elapsedTime": ..., "count": n, "data": [...], "error": ""}`.
pub fn read_answer(body: &str) -> std::result::Result<Answer, String> {
    let doc = super::json::parse(body).map_err(|e| {
        let shown: String = body.chars().take(120).collect();
        format!(
            "the answer is not JSON ({} at byte {}): {shown}",
            e.message, e.offset
        )
    })?;
    if let Some(error) = doc
        .get("error")
        .and_then(Json::as_text)
        .filter(|e| !e.trim().is_empty())
    {
        return Err(format!("the API says: {error}"));
    }
    let Some(Json::Array(data)) = doc.get("data") else {
        return Err("the answer has no `data` list".to_string());
    };
    let count = doc
        .get("count")
        .and_then(Json::as_text)
        .and_then(|c| c.parse().ok());
    let mut answer = Answer {
        count,
        ..Answer::default()
    };
    for record in data {
        if !matches!(record, Json::Object(..)) {
            return Err("a `data` item is not an object".to_string());
        }
        if is_breakdown(record) {
            answer.breakdown_left_out += 1;
        } else {
            answer.records.push(record.clone());
        }
    }
    Ok(answer)
}

/// A row broken down by second partner, mode of transport or customs procedure.
fn is_breakdown(record: &Json) -> bool {
    let at = |key: &str, totals: &[&str]| {
        record
            .get(key)
            .and_then(Json::as_text)
            .is_none_or(|v| v.is_empty() || totals.iter().any(|t| v.eq_ignore_ascii_case(t)))
    };
    !(at("partner2Code", &["0"]) && at("motCode", &["0"]) && at("customsCode", &["C00"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(periods: usize, partners: usize) -> Query {
        Query {
            reporters: vec![156],
            partners: (1..=partners as i32).collect(),
            periods: (0..periods).map(|i| (2000 + i).to_string()).collect(),
            flows: vec!["X".into(), "M".into()],
            commodities: vec!["TOTAL".into()],
            freq: Freq::Annual,
        }
    }

    #[test]
    fn requests_are_split_by_twelve_periods_and_url_length() {
        let q = query(25, 2);
        let parts = q.parts(DEFAULT_BASE, Endpoint::Data);
        assert_eq!(
            parts.iter().map(|p| p.periods.len()).collect::<Vec<_>>(),
            [12, 12, 1]
        );
        let q = query(1, 600);
        let parts = q.parts(DEFAULT_BASE, Endpoint::Data);
        assert!(parts.len() > 1);
        assert!(
            parts
                .iter()
                .all(|p| p.url(DEFAULT_BASE, Endpoint::Data).len() <= MAX_URL)
        );
        assert_eq!(parts.iter().map(|p| p.partners.len()).sum::<usize>(), 600);
    }

    #[test]
    fn totals_are_asked_for_and_breakdowns_left_out() {
        let url = query(1, 1).url("http://127.0.0.1:9", Endpoint::Preview);
        assert!(url.starts_with(
            "http://127.0.0.1:9/public/v1/preview/C/A/HS?reporterCode=156&period=2000&partnerCode=1"
        ));
        assert!(
            url.contains("partner2Code=0")
                && url.contains("customsCode=C00")
                && url.contains("motCode=0")
        );
        let a = read_answer(
            r#"{"count": 2, "data": [{"primaryValue": 1.5, "partner2Code": 0, "motCode": 0, "customsCode": "C00"},
                                     {"primaryValue": 2, "partner2Code": 0, "motCode": 1000, "customsCode": "C00"}], "error": ""}"#,
        )
        .unwrap();
        assert_eq!(a.records.len(), 1);
        assert_eq!(a.breakdown_left_out, 1);
        assert!(
            read_answer(r#"{"data": [], "error": "Invalid period"}"#)
                .unwrap_err()
                .contains("Invalid period")
        );
    }

    #[test]
    fn monthly_periods_expand_a_year() {
        let p =
            Query::normalise_periods(&["2019".into(), "2020-03".into()], Freq::Monthly).unwrap();
        assert_eq!(p.len(), 13);
        assert!(Query::normalise_periods(&["2019-13".into()], Freq::Monthly).is_err());
        assert!(Query::normalise_periods(&["19".into()], Freq::Annual).is_err());
    }
}
