//! Reading what a printed phrase asserts: "$10.69 million", "nearly 170 percent",
//! "a triple growth", "fell 65%", "3.9 times", "a deficit of $2 billion", "most".
//!
//! The result is a `Phrase`: what kind of quantity it speaks of (`Measure`), the number as
//! printed, and the interval it allows — from the printed precision (10.69 → ±0.005) or
//! from a hedge in the lexicon ("nearly X" → [0.9·X, X)); a hedge that loosens both ways
//! ("around 1 billion": ±5%) never allows less than the printed precision alone (±0.5
//! billion), so it takes the wider of the two.
//!
//! This module holds the types and `parse`; `tokens` splits text into words and numbers,
//! and `reading` finds a phrase's number, hedge and direction and reads each kind of
//! phrase.

mod reading;
mod tokens;

use std::fmt;

use num_traits::Zero;
use rust_decimal::Decimal;

use super::interval::{Bound, Interval, Q, q, q_int};
use super::lexicon::Lexicon;
use reading::{Reading, Stated};
pub use tokens::{Token, find_words, multiplied_by, percent_words, spoken_decimal, tokenize};

/// What quantity a phrase speaks of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Money, in base units of the currency (USD, not USD million).
    Amount { currency: String },
    /// A fraction of a whole: "85%" of exports, "most".
    Share,
    /// A relative change as a fraction: "fell 65%" is −0.65.
    Change,
    /// A ratio of a value to its base: "triple" is 3, "halved" 0.5.
    Multiple,
    /// A change in percentage points, in points.
    Points,
    /// A bare number.
    Number,
}

impl Measure {
    pub fn name(&self) -> String {
        match self {
            Measure::Amount { currency } => format!("amount in {currency}"),
            Measure::Share => "share".into(),
            Measure::Change => "change".into(),
            Measure::Multiple => "multiple".into(),
            Measure::Points => "percentage points".into(),
            Measure::Number => "number".into(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// How a printed number's precision becomes an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// ± half a unit of the last significant digit: 10.69 → [10.685, 10.695].
    HalfUnit,
    /// The number exactly as printed.
    Exact,
    /// Printed numbers were cut, not rounded: 10.69 → [10.69, 10.70].
    Truncated,
}

impl Rounding {
    pub fn name(self) -> &'static str {
        match self {
            Rounding::HalfUnit => "half-unit",
            Rounding::Exact => "exact",
            Rounding::Truncated => "truncated",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub text: String,
    pub measure: Measure,
    /// The number as printed, in the measure's terms (0.65 for "65%", 10690000 for
    /// "$10.69 million", 3 for "triple"); `None` for words like "most".
    pub point: Option<Q>,
    pub interval: Interval,
    pub hedge: Option<String>,
    pub direction: Option<Direction>,
    /// The digits as printed ("10.69"), for messages.
    pub number_text: Option<String>,
}

/// The interval a printed number stands for, with the unit of its last significant digit.
pub fn printed_interval(digits: &str, rounding: Rounding) -> Option<(Q, Interval)> {
    // One comma before one or two digits is a decimal comma ("27,9%"); commas before three
    // digits group thousands ("1,028").
    let decimal_comma = digits.matches(',').count() == 1
        && !digits.contains('.')
        && digits
            .split(',')
            .nth(1)
            .is_some_and(|d| (1..=2).contains(&d.len()));
    // Spaces group thousands too ("1 246.7").
    let digits: String = digits
        .chars()
        .filter(|c| *c != ' ' && *c != '\u{202f}')
        .collect();
    let clean: String = if decimal_comma {
        digits.replace(',', ".")
    } else {
        digits.chars().filter(|c| *c != ',').collect()
    };
    let value: Decimal = clean.parse().ok()?;
    let x = q(value);
    // The unit of the last significant digit: 0.01 for "10.69"; for integers the trailing
    // zeros are not significant ("20,000" → 10,000).
    let unit = match clean.split_once('.') {
        Some((_, frac)) => Q::new(
            1.into(),
            num_bigint::BigInt::from(10u8).pow(frac.len() as u32),
        ),
        None => {
            let zeros = clean.len() - clean.trim_end_matches('0').len();
            let zeros = if zeros == clean.len() { 0 } else { zeros };
            Q::from_integer(num_bigint::BigInt::from(10u8).pow(zeros as u32))
        }
    };
    let half = &unit / q_int(2);
    let interval = match rounding {
        Rounding::HalfUnit => Interval::closed(&x - &half, &x + &half),
        Rounding::Exact => Interval::closed(x.clone(), x.clone()),
        Rounding::Truncated => Interval::closed(x.clone(), &x + &unit),
    };
    Some((x, interval))
}

fn negate(i: &Interval) -> Interval {
    let flip = |b: &Bound| match b {
        Bound::Unbounded => Bound::Unbounded,
        Bound::Closed(v) => Bound::Closed(-v),
        Bound::Open(v) => Bound::Open(-v),
    };
    Interval {
        low: flip(&i.high),
        high: flip(&i.low),
    }
}

/// 1/x of a positive interval (bounds swap; an unbounded high becomes an open 0).
fn reciprocal(i: &Interval) -> Interval {
    let inv = |b: &Bound, none: Bound| match b {
        Bound::Unbounded => none,
        Bound::Closed(v) if v.is_zero() => Bound::Unbounded,
        Bound::Open(v) if v.is_zero() => Bound::Unbounded,
        Bound::Closed(v) => Bound::Closed(v.recip()),
        Bound::Open(v) => Bound::Open(v.recip()),
    };
    Interval {
        low: inv(&i.high, Bound::Open(Q::zero())),
        high: inv(&i.low, Bound::Unbounded),
    }
}

pub fn parse(text: &str, lexicon: &Lexicon, rounding: Rounding) -> Result<Phrase, String> {
    const MAX_LEN: usize = 2000;
    if text.len() > MAX_LEN {
        return Err(format!(
            "the phrase is {} bytes long; a phrase is at most {MAX_LEN} (quote the sentence \
             in `quote` and put only the words that state the number in `says`)",
            text.len()
        ));
    }
    let normalized = text
        .replace('\u{a0}', " ")
        .replace('\u{2212}', "-")
        .replace("per cento", "percent")
        .replace("por ciento", "percent")
        .replace("por cento", "percent")
        .replace("pour cent", "percent")
        .replace(" persen", " percent")
        .replace(" Prozent", " percent")
        .replace(" prozent", " percent")
        .replace("per cent", "percent")
        // "4,8 veces más", "3 vezes", "deux fois", "cinque volte": "times".
        .replace(" veces", " times")
        .replace(" vezes", " times")
        .replace(" fois", " times")
        .replace(" volte", " times")
        // A scale word hyphenated where a line broke ("$68 mil-lion").
        .replace("mil-lion", "million")
        .replace("bil-lion", "billion")
        .replace("tril-lion", "trillion");
    let normalized = compound_amounts(&normalized, lexicon);
    let mut normalized = percent_short_forms(&sign_before_number(&normalized));
    // "+12.3%", "-2,5%": a signed percentage says its direction with the sign.
    let signed = normalized.trim_start();
    if (normalized.contains('%') || normalized.contains("percent"))
        && signed.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
    {
        let word = match signed.chars().next() {
            Some('+') => Some("up "),
            Some('-') => Some("down "),
            _ => None,
        };
        if let Some(word) = word {
            normalized = format!("{word}{}", &signed[1..]);
        }
    }
    let tokens = tokenize(&normalized);
    let reading = Reading::new(&tokens, lexicon, rounding);
    let Some(stated) = reading.stated() else {
        return Err(format!(
            "no number, multiple or share word found in `{}`",
            abbreviate(text)
        ));
    };
    let Stated {
        measure,
        point,
        interval,
    } = stated?;
    Ok(Phrase {
        text: text.to_string(),
        measure,
        point,
        interval,
        hedge: reading.hedge.map(|h| h.word),
        direction: reading.direction,
        number_text: reading.number_text,
    })
}

/// "1 billion 496 million", "3 billion and 638 million" → "1.496 billion", "3.638 billion"
/// (the precision that of the second part):
/// an amount printed in two parts, the second under a thousand of the next smaller scale.
fn compound_amounts(text: &str, lexicon: &Lexicon) -> String {
    // (the scales the article's reader joins the two parts by: `numbers::read_at`)
    let scale = |w: &str| lexicon.scales.get(&w.to_lowercase()).copied();
    let words: Vec<&str> = text.split(' ').collect();
    let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut k = 0;
    while k < words.len() {
        // ("3 billion and 638 million")
        let and = usize::from(words.get(k + 2) == Some(&"and"));
        let compound = k + 3 + and < words.len()
            && digits(words[k])
            && digits(words[k + 2 + and])
            && words[k + 2 + and].len() <= 3
            && scale(words[k + 1])
                .zip(scale(words[k + 3 + and]))
                .is_some_and(|(big, small)| small + 3 == big);
        if compound {
            out.push(format!("{}.{:0>3}", words[k], words[k + 2 + and]));
            out.push(words[k + 1].to_string());
            k += 4 + and;
        } else {
            out.push(words[k].to_string());
            k += 1;
        }
    }
    out.join(" ")
}

/// "%28,8" → "28,8 percent": the sign before the number, as Turkish prints it.
fn sign_before_number(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let before_digit = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        if c != '%' || !before_digit || out.ends_with(|p: char| p.is_ascii_digit()) {
            out.push(c);
            continue;
        }
        while let Some(&(at, d)) = chars.peek() {
            let decimal =
                matches!(d, ',' | '.') && text[at + 1..].starts_with(|n: char| n.is_ascii_digit());
            if d.is_ascii_digit() || decimal {
                out.push(d);
                chars.next();
            } else {
                break;
            }
        }
        out.push_str(" percent");
    }
    out
}

/// "41.28pc", "5 pct", "18,5 proc.", "16 procent" → "... percent": the press's short forms
/// and the word of Dutch, Polish, the Nordic languages and Czech — only right after a number
/// (the same words `tokens::percent_words` reads in an article).
fn percent_short_forms(text: &str) -> String {
    // Longest first where one begins another.
    const FORMS: [&str; 5] = ["procento", "procent", "proc", "pct", "pc"];
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some((i, form)) = FORMS
        .iter()
        .filter_map(|f| rest.find(f).map(|i| (i, *f)))
        .min_by_key(|&(i, f)| (i, std::cmp::Reverse(f.len())))
    {
        let (before, after) = rest.split_at(i);
        let tail = &after[form.len()..];
        let word_ends = !tail.starts_with(|c: char| c.is_alphanumeric());
        let number_before = before.trim_end().ends_with(|c: char| c.is_ascii_digit());
        out.push_str(before);
        if word_ends && number_before {
            out.push_str(" percent");
            // ("proc.": the abbreviation's full stop goes with it)
            rest = if form == "proc" {
                tail.strip_prefix('.').unwrap_or(tail)
            } else {
                tail
            };
        } else {
            out.push_str(form);
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

fn abbreviate(text: &str) -> String {
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text.to_string()
    }
}

impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.text, self.measure.name())
    }
}

#[cfg(test)]
mod tests;
