//! The phrase lexicon: hedges, direction words, multiples, share words, number words,
//! currencies and scales, read from a TOML file (data/lexicon.toml is built in; users can
//! read it and pass their own with --lexicon).

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::interval::{Bound, Interval, Q, q};
use crate::error::{Error, Result};

pub const BUILT_IN: &str = include_str!("../../data/lexicon.toml");

#[derive(Clone, Debug, Deserialize)]
struct Factor {
    low: String,
    high: String,
    #[serde(default)]
    low_open: bool,
    #[serde(default)]
    high_open: bool,
}

#[derive(Clone, Debug, Deserialize)]
struct MultipleEntry {
    value: Option<String>,
    low: Option<String>,
    high: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct Directions {
    up: Vec<String>,
    down: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct File {
    version: String,
    hedges: BTreeMap<String, Factor>,
    directions: Directions,
    multiples: BTreeMap<String, MultipleEntry>,
    shares: BTreeMap<String, Factor>,
    numbers: BTreeMap<String, u32>,
    currencies: BTreeMap<String, String>,
    #[serde(default)]
    shared_currencies: BTreeMap<String, Vec<String>>,
    scales: BTreeMap<String, u32>,
}

/// A hedge's interval as factors of the printed number.
#[derive(Clone, Debug, PartialEq)]
pub struct Hedge {
    pub word: String,
    low: Option<Decimal>,
    high: Option<Decimal>,
    low_open: bool,
    high_open: bool,
}

impl Hedge {
    /// The interval this hedge allows around a printed `x` (x ≥ 0).
    pub fn interval(&self, x: &Q) -> Interval {
        let bound = |f: Option<Decimal>, open: bool| match f {
            None => Bound::Unbounded,
            Some(f) if open => Bound::Open(x * q(f)),
            Some(f) => Bound::Closed(x * q(f)),
        };
        Interval {
            low: bound(self.low, self.low_open),
            high: bound(self.high, self.high_open),
        }
    }
}

/// A multiple word: its number as written (for the precision rule) or an explicit range.
#[derive(Clone, Debug, PartialEq)]
pub enum MultipleMeaning {
    Number(String),
    Range(Decimal, Decimal),
}

#[derive(Clone, Debug)]
pub struct Lexicon {
    pub version: String,
    /// Longest phrases first, so "nearly all" wins over "nearly".
    pub hedges: Vec<Hedge>,
    pub up: Vec<String>,
    pub down: Vec<String>,
    pub multiples: BTreeMap<String, MultipleMeaning>,
    pub shares: Vec<(String, Interval)>,
    pub numbers: BTreeMap<String, u32>,
    pub currencies: BTreeMap<String, String>,
    /// Currency words several countries use ("dirhams": AED, MAD), their default first.
    pub shared_currencies: BTreeMap<String, Vec<String>>,
    /// The currency names as token sequences, longest first ("u.s. dollars" → u s dollars),
    /// with the codes the name may mean when countries share it (empty when it is one).
    currency_words: Vec<(Vec<String>, String, Vec<String>)>,
    pub scales: BTreeMap<String, u32>,
}

fn factor(text: &str, what: &str) -> std::result::Result<Option<Decimal>, String> {
    match text.trim() {
        "inf" | "+inf" | "-inf" => Ok(None),
        t => t
            .parse::<Decimal>()
            .map(Some)
            .map_err(|_| format!("{what}: `{t}` is not a decimal or inf")),
    }
}

impl Lexicon {
    /// The currency named by the tokens starting at `at`, and how many tokens name it
    /// ("canadian dollars" is CAD in two tokens, "dollars" alone USD).
    pub fn currency_at(
        &self,
        tokens: &[crate::verify::phrase::Token],
        at: usize,
    ) -> Option<(String, usize)> {
        self.currency_word_at(tokens, at)
            .map(|(code, _, n)| (code.to_string(), n))
    }

    /// Whether a currency name of the lexicon starts with `word` ("euro", "us" of "us
    /// dollars").
    pub fn starts_currency(&self, word: &str) -> bool {
        self.currency_words
            .iter()
            .any(|(words, _, _)| words.first().is_some_and(|w| w == word))
    }

    /// Whether `word` is a scale of a billion or more ("mrd", "milliards", "bn").
    pub fn billions(&self, word: &str) -> bool {
        self.scales.get(word).is_some_and(|&e| e >= 9)
    }

    /// Whether `word` says a direction of change, up ("rose") or down ("fell").
    pub fn moves(&self, word: &str) -> bool {
        self.up.iter().chain(&self.down).any(|d| d == word)
    }

    /// The codes a currency name at `at` may mean when several countries use it ("dirhams":
    /// AED, MAD), with how many tokens name it; `None` for a name of one currency.
    pub fn shared_currency_at(
        &self,
        tokens: &[crate::verify::phrase::Token],
        at: usize,
    ) -> Option<(&[String], usize)> {
        self.currency_word_at(tokens, at)
            .filter(|(_, choices, _)| !choices.is_empty())
            .map(|(_, choices, n)| (choices, n))
    }

    fn currency_word_at(
        &self,
        tokens: &[crate::verify::phrase::Token],
        at: usize,
    ) -> Option<(&str, &[String], usize)> {
        self.currency_words
            .iter()
            .find_map(|(words, code, choices)| {
                let fits = words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| tokens.get(at + k).is_some_and(|t| t.text == *w));
                fits.then_some((code.as_str(), choices.as_slice(), words.len()))
            })
    }

    /// The built-in lexicon, parsed once and lent: the reader asks for it for every amount
    /// it compares (a copy each time cost more than the comparison).
    pub fn built_in() -> &'static Lexicon {
        static BUILT: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        BUILT.get_or_init(|| {
            // The built-in file is tested to parse; a failure here is a build defect.
            Lexicon::parse(BUILT_IN, "data/lexicon.toml").unwrap_or_else(|e| panic!("{e}"))
        })
    }

    /// The lexicon at `path`, or the built-in one.
    pub fn load_or_built_in(path: Option<&Path>) -> Result<Lexicon> {
        path.map_or_else(|| Ok(Lexicon::built_in().clone()), Lexicon::load)
    }

    pub fn load(path: &Path) -> Result<Lexicon> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Lexicon::parse(&text, &path.display().to_string())
    }

    pub fn parse(text: &str, name: &str) -> Result<Lexicon> {
        let file: File = toml::from_str(text).map_err(|e| {
            Error::file(Path::new(name), format!("{name}: not a valid lexicon: {e}"))
        })?;
        let bad = |e: String| Error::file(Path::new(name), format!("{name}: {e}"));
        let mut hedges = Vec::new();
        for (word, f) in &file.hedges {
            hedges.push(Hedge {
                word: word.to_lowercase(),
                low: factor(&f.low, word).map_err(bad)?,
                high: factor(&f.high, word).map_err(bad)?,
                low_open: f.low_open,
                high_open: f.high_open,
            });
        }
        hedges.sort_by_key(|h| std::cmp::Reverse(h.word.len()));
        let mut shares = Vec::new();
        for (word, f) in &file.shares {
            let low = factor(&f.low, word).map_err(bad)?;
            let high = factor(&f.high, word).map_err(bad)?;
            let hedge = Hedge {
                word: word.clone(),
                low,
                high,
                low_open: f.low_open,
                high_open: f.high_open,
            };
            shares.push((
                word.to_lowercase(),
                hedge.interval(&Q::from_integer(1.into())),
            ));
        }
        shares.sort_by_key(|s| std::cmp::Reverse(s.0.len()));
        let mut multiples = BTreeMap::new();
        for (word, m) in &file.multiples {
            let meaning = match (&m.value, &m.low, &m.high) {
                (Some(v), _, _) => MultipleMeaning::Number(v.clone()),
                (None, Some(l), Some(h)) => MultipleMeaning::Range(
                    factor(l, word).map_err(bad)?.unwrap_or_default(),
                    factor(h, word).map_err(bad)?.unwrap_or_default(),
                ),
                _ => {
                    return Err(bad(format!(
                        "multiple `{word}` needs value or low and high"
                    )));
                }
            };
            multiples.insert(word.to_lowercase(), meaning);
        }
        let mut currencies: BTreeMap<String, String> = file
            .currencies
            .into_iter()
            .map(|(k, v)| (k.to_lowercase(), v.to_uppercase()))
            .collect();
        let mut shared_currencies = BTreeMap::new();
        for (word, codes) in file.shared_currencies {
            let word = word.to_lowercase();
            let codes: Vec<String> = codes.iter().map(|c| c.to_uppercase()).collect();
            let Some(default) = codes.first() else {
                return Err(bad(format!("shared currency `{word}` names no currency")));
            };
            if currencies.get(&word).is_some_and(|c| c != default) {
                return Err(bad(format!(
                    "`{word}` is {} in [currencies] but {default} first in [shared_currencies]",
                    currencies[&word]
                )));
            }
            currencies.insert(word.clone(), default.clone());
            shared_currencies.insert(word, codes);
        }
        let mut currency_words: Vec<(Vec<String>, String, Vec<String>)> = currencies
            .iter()
            .map(|(k, v)| {
                let words: Vec<String> = crate::verify::phrase::tokenize(k)
                    .into_iter()
                    .map(|t| t.text)
                    .collect();
                let choices = shared_currencies.get(k).cloned().unwrap_or_default();
                (words, v.clone(), choices)
            })
            .filter(|(w, _, _)| !w.is_empty())
            .collect();
        currency_words.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
        Ok(Lexicon {
            version: file.version,
            hedges,
            up: file
                .directions
                .up
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            down: file
                .directions
                .down
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            multiples,
            shares,
            numbers: file.numbers,
            currencies,
            shared_currencies,
            currency_words,
            scales: file.scales,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_lexicon_parses() {
        let l = Lexicon::built_in();
        assert!(!l.version.is_empty());
        assert!(l.up.contains(&"surged".to_string()));
        assert!(l.down.contains(&"dove".to_string()));
        // Longer hedges are tried first: "no more than" before "more than".
        let at = |w: &str| l.hedges.iter().position(|h| h.word == w).unwrap();
        assert!(at("no more than") < at("more than"));
        assert_eq!(l.currencies["yuan"], "CNY");
    }

    #[test]
    fn nearly_is_half_open_below_the_number() {
        let l = Lexicon::built_in();
        let nearly = l.hedges.iter().find(|h| h.word == "nearly").unwrap();
        let i = nearly.interval(&Q::from_integer(170.into()));
        assert!(i.contains(&Q::from_integer(153.into())));
        assert!(!i.contains(&Q::from_integer(170.into())));
    }
}
