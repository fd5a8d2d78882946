//! Reading what a printed phrase asserts: "$10.69 million", "nearly 170 percent",
//! "a triple growth", "fell 65%", "3.9 times", "a deficit of $2 billion", "most".
//!
//! The result is a `Phrase`: what kind of quantity it speaks of (`Measure`), the number as
//! printed, and the interval it allows — from the printed precision (10.69 → ±0.005) or
//! from a hedge in the lexicon ("nearly X" → [0.9·X, X)), never both.

use std::fmt;

use num_traits::{One, Zero};
use rust_decimal::Decimal;

use super::interval::{Bound, Interval, Q, q, q_int};
use super::lexicon::{Lexicon, MultipleMeaning};

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

/// A word or number of a text, with its byte span (used by extraction too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub is_number: bool,
}

/// Splits lower-cased text into words, numbers ("1,028.5") and symbols ($ € ¥ %), keeping
/// spans. Letters glued to digits are split ("cny1.42" → cny 1.42, "1.53bn" → 1.53 bn).
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len() {
                let ch = chars[j].1;
                let next_digit = chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit());
                if ch.is_ascii_digit() || ((ch == ',' || ch == '.') && next_digit) {
                    j += 1;
                } else {
                    break;
                }
            }
            tokens.push(Token {
                text: text[start..end_of(j)].to_string(),
                start,
                end: end_of(j),
                is_number: true,
            });
            i = j;
        } else if c.is_alphabetic() || c == '\'' {
            let mut j = i;
            while j < chars.len() && (chars[j].1.is_alphabetic() || chars[j].1 == '\'') {
                j += 1;
            }
            tokens.push(Token {
                text: text[start..end_of(j)].to_lowercase(),
                start,
                end: end_of(j),
                is_number: false,
            });
            i = j;
        } else if matches!(c, '$' | '€' | '¥' | '%' | '£') {
            tokens.push(Token {
                text: c.to_string(),
                start,
                end: end_of(i + 1),
                is_number: false,
            });
            i += 1;
        } else {
            i += 1;
        }
    }
    tokens
}

/// The interval a printed number stands for, with the unit of its last significant digit.
pub fn printed_interval(digits: &str, rounding: Rounding) -> Option<(Q, Interval)> {
    let clean: String = digits.chars().filter(|c| *c != ',').collect();
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

/// Whether `words` occurs in `tokens` as consecutive tokens; returns the first index.
pub fn find_words(tokens: &[Token], words: &str) -> Option<usize> {
    let wanted: Vec<&str> = words.split_whitespace().collect();
    if wanted.is_empty() {
        return None;
    }
    (0..tokens.len()).find(|&i| {
        wanted
            .iter()
            .enumerate()
            .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.text == *w))
    })
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
        .replace("per cent", "percent");
    let tokens = tokenize(&normalized);
    let has = |w: &str| find_words(&tokens, w).is_some();

    // The number: digits, or a number word before "times"/"fold"/"percent".
    let number_index = tokens.iter().position(|t| t.is_number);
    let word_number = tokens.iter().enumerate().find_map(|(i, t)| {
        let n = lexicon.numbers.get(&t.text)?;
        let next = tokens.get(i + 1).map(|t| t.text.as_str());
        matches!(next, Some("times" | "fold" | "percent" | "%")).then(|| (i, n.to_string()))
    });
    let (number_at, number_text) = match (number_index, word_number) {
        (Some(i), _) => (Some(i), Some(tokens[i].text.clone())),
        (None, Some((i, n))) => (Some(i), Some(n)),
        (None, None) => (None, None),
    };
    // A hedge stands right before the number (a currency symbol may sit between).
    let hedge_at = number_at.and_then(|n| {
        let mut end = n;
        while end > 0 && lexicon.currencies.contains_key(&tokens[end - 1].text) {
            end -= 1;
        }
        lexicon.hedges.iter().find_map(|h| {
            let len = h.word.split_whitespace().count();
            let start = end.checked_sub(len)?;
            (find_words(&tokens[start..end], &h.word) == Some(0)).then(|| (h.clone(), start..end))
        })
    });
    let hedge = hedge_at.as_ref().map(|(h, _)| h.clone());
    // Direction words, not counting the hedge's own ("less than", "more than").
    let outside: Vec<Token> = tokens
        .iter()
        .enumerate()
        .filter(|(i, _)| !hedge_at.as_ref().is_some_and(|(_, r)| r.contains(i)))
        .map(|(_, t)| t.clone())
        .collect();
    let said = |words: &[String]| words.iter().any(|w| find_words(&outside, w).is_some());
    let direction = match (said(&lexicon.up), said(&lexicon.down)) {
        (false, true) => Some(Direction::Down),
        (true, _) => Some(Direction::Up),
        _ => None,
    };
    let after = |i: usize| tokens.get(i + 1).map(|t| t.text.as_str());
    let is_percent = number_at.is_some_and(|i| matches!(after(i), Some("percent" | "%")));
    let is_points = has("percentage point")
        || has("percentage points")
        || has("pp")
        || number_at.is_some_and(|i| matches!(after(i), Some("points" | "point")));
    let is_times = number_at.is_some_and(|i| matches!(after(i), Some("times" | "fold")));
    let multiple_word = tokens.iter().find_map(|t| {
        lexicon
            .multiples
            .get(&t.text)
            .map(|m| (t.text.clone(), m.clone()))
    });
    let share_word = lexicon.shares.iter().find(|(w, _)| has(w)).cloned();
    let scale: u32 = number_at
        .and_then(after)
        .and_then(|w| lexicon.scales.get(w).copied())
        .unwrap_or(0);
    let currency = tokens
        .iter()
        .find_map(|t| lexicon.currencies.get(&t.text).cloned());

    let number = |measure_scale: Q| -> Result<(Q, Interval), String> {
        let digits = number_text.clone().ok_or("no number")?;
        let (x, printed) = printed_interval(&digits, rounding)
            .ok_or_else(|| format!("`{digits}` is not a number"))?;
        let interval = match &hedge {
            Some(h) => h.interval(&x),
            None => printed,
        };
        Ok((&x * &measure_scale, interval.map(|v| v * &measure_scale)))
    };
    let signed = |point: Q, interval: Interval| match direction {
        Some(Direction::Down) => (-point, negate(&interval)),
        _ => (point, interval),
    };

    let (measure, point, interval) = if is_points && number_at.is_some() {
        let (x, i) = number(Q::one())?;
        let (x, i) = signed(x, i);
        (Measure::Points, Some(x), i)
    } else if is_percent {
        let (x, i) = number(Q::new(1.into(), 100.into()))?;
        // "85% of exports" is a share even beside a direction word.
        let of_follows = number_at
            .and_then(|i| tokens.get(i + 2))
            .is_some_and(|t| t.text == "of");
        let is_change = direction.is_some() && !of_follows && !has("share");
        if is_change {
            let (x, i) = signed(x, i);
            (Measure::Change, Some(x), i)
        } else {
            (Measure::Share, Some(x), i)
        }
    } else if is_times {
        let (x, i) = number(Q::one())?;
        if direction == Some(Direction::Down) {
            (Measure::Multiple, Some(x.recip()), reciprocal(&i))
        } else {
            (Measure::Multiple, Some(x), i)
        }
    } else if let Some((word, meaning)) =
        multiple_word.filter(|_| number_at.is_none() || currency.is_none())
    {
        let (x, i) = match meaning {
            MultipleMeaning::Number(n) => printed_interval(&n, Rounding::HalfUnit)
                .ok_or_else(|| format!("lexicon: `{word}` has a bad value `{n}`"))?,
            MultipleMeaning::Range(l, h) => {
                let mid = (q(l) + q(h)) / q_int(2);
                (mid, Interval::closed(q(l), q(h)))
            }
        };
        (Measure::Multiple, Some(x), i)
    } else if number_at.is_some() && (currency.is_some() || scale > 0) {
        let factor = Q::from_integer(num_bigint::BigInt::from(10u8).pow(scale));
        let (x, i) = number(factor)?;
        let (x, i) = if has("deficit") {
            (-x, negate(&i))
        } else {
            (x, i)
        };
        (
            Measure::Amount {
                currency: currency.unwrap_or_else(|| "USD".to_string()),
            },
            Some(x),
            i,
        )
    } else if let Some((_, interval)) = share_word {
        (Measure::Share, None, interval)
    } else if number_at.is_some() {
        let (x, i) = number(Q::one())?;
        (Measure::Number, Some(x), i)
    } else {
        return Err(format!(
            "no number, multiple or share word found in `{}`",
            abbreviate(text)
        ));
    };
    Ok(Phrase {
        text: text.to_string(),
        measure,
        point,
        interval,
        hedge: hedge.map(|h| h.word),
        direction,
        number_text,
    })
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
mod tests {
    use super::*;
    use crate::verify::interval::decimal_string;

    fn p(text: &str) -> Phrase {
        parse(text, &Lexicon::built_in(), Rounding::HalfUnit).unwrap()
    }

    fn bounds(ph: &Phrase) -> String {
        ph.interval.describe(&Q::one(), 6)
    }

    #[test]
    fn amounts_with_currencies_and_scales() {
        let cases = [
            ("$10.69 million", "USD", "10690000", "[10685000, 10695000]"),
            (
                "US$27.23 million",
                "USD",
                "27230000",
                "[27225000, 27235000]",
            ),
            (
                "USD 1,028M",
                "USD",
                "1028000000",
                "[1027500000, 1028500000]",
            ),
            (
                "$2.43 billion",
                "USD",
                "2430000000",
                "[2425000000, 2435000000]",
            ),
            (
                "448.8 million yuan",
                "CNY",
                "448800000",
                "[448750000, 448850000]",
            ),
            ("$930,000", "USD", "930000", "[925000, 935000]"),
            (
                "10.69 mln dollars",
                "USD",
                "10690000",
                "[10685000, 10695000]",
            ),
            ("$20,000", "USD", "20000", "[15000, 25000]"),
            ("$34 million", "USD", "34000000", "[33500000, 34500000]"),
            (
                "CNY1.42 billion",
                "CNY",
                "1420000000",
                "[1415000000, 1425000000]",
            ),
            (
                "$221,864,000,000",
                "USD",
                "221864000000",
                "[221863500000, 221864500000]",
            ),
            (
                "1.53 bn dollars",
                "USD",
                "1530000000",
                "[1525000000, 1535000000]",
            ),
        ];
        for (text, currency, point, interval) in cases {
            let ph = p(text);
            assert_eq!(
                ph.measure,
                Measure::Amount {
                    currency: currency.into()
                },
                "{text}"
            );
            assert_eq!(
                decimal_string(ph.point.as_ref().unwrap(), 6),
                point,
                "{text}"
            );
            assert_eq!(bounds(&ph), interval, "{text}");
        }
    }

    #[test]
    fn percentages_changes_and_points() {
        let share = p("85.1% of exports");
        assert_eq!(share.measure, Measure::Share);
        assert_eq!(bounds(&share), "[0.8505, 0.8515]");
        let rose = p("rose 42 percent");
        assert_eq!(rose.measure, Measure::Change);
        assert_eq!(bounds(&rose), "[0.415, 0.425]");
        // Trailing zeros of an integer are not significant: "40" is 40 ± 5.
        assert_eq!(bounds(&p("grew 40%")), "[0.35, 0.45]");
        assert_eq!(bounds(&p("an increase of 5%")), "[0.045, 0.055]");
        assert_eq!(p("an increase of 5%").measure, Measure::Change);
        let fell = p("fell 65.2 per cent");
        assert_eq!(fell.measure, Measure::Change);
        assert_eq!(bounds(&fell), "[-0.6525, -0.6515]");
        let less = p("12% less");
        assert_eq!(decimal_string(less.point.as_ref().unwrap(), 3), "-0.12");
        let points = p("up 2.5 percentage points");
        assert_eq!(points.measure, Measure::Points);
        assert_eq!(bounds(&points), "[2.45, 2.55]");
        assert_eq!(p("56%").measure, Measure::Share);
    }

    #[test]
    fn multiples_words_and_numbers() {
        let triple = p("showing a triple growth");
        assert_eq!(triple.measure, Measure::Multiple);
        assert_eq!(bounds(&triple), "[2.5, 3.5]");
        assert_eq!(triple.direction, Some(Direction::Up));
        assert_eq!(bounds(&p("trade doubled")), "[1.5, 2.5]");
        assert_eq!(bounds(&p("treble")), "[2.5, 3.5]");
        assert_eq!(bounds(&p("quadrupled")), "[3.5, 4.5]");
        assert_eq!(bounds(&p("halved")), "[0.45, 0.55]");
        assert_eq!(bounds(&p("3.9 times")), "[3.85, 3.95]");
        assert_eq!(bounds(&p("nine times higher")), "[8.5, 9.5]");
        assert_eq!(bounds(&p("a 5-fold increase")), "[4.5, 5.5]");
        // "fell threefold": a fall to a third.
        let fell = p("fell three times");
        assert_eq!(fell.interval.describe(&Q::one(), 4), "[0.2857, 0.4]");
        assert_eq!(p("a third").measure, Measure::Share);
    }

    #[test]
    fn hedges_apply_to_the_number_as_printed() {
        assert_eq!(bounds(&p("nearly 170 percent")), "[1.53, 1.7)");
        assert_eq!(bounds(&p("almost $10 million")), "[9000000, 10000000)");
        assert_eq!(bounds(&p("about 40%")), "[0.38, 0.42]");
        assert_eq!(bounds(&p("around 40%")), "[0.38, 0.42]");
        assert_eq!(bounds(&p("roughly 40%")), "[0.38, 0.42]");
        assert_eq!(bounds(&p("more than $5 million")), "(5000000, ∞)");
        assert_eq!(bounds(&p("over $5 million")), "(5000000, ∞)");
        assert_eq!(bounds(&p("less than 10%")), "(−∞, 0.1)");
        assert_eq!(bounds(&p("at least 3 times")), "[3, ∞)");
        // A hedge with a direction: "fell nearly 70%" is a change in (−0.70, −0.63].
        assert_eq!(bounds(&p("fell nearly 70 percent")), "(-0.7, -0.63]");
    }

    #[test]
    fn every_hedge_in_the_lexicon() {
        // Each hedge before "$200.0 million" gives its documented interval (in millions).
        let cases = [
            ("nearly", "[180, 200)"),
            ("almost", "[180, 200)"),
            ("just under", "[190, 200)"),
            ("about", "[190, 210]"),
            ("around", "[190, 210]"),
            ("roughly", "[190, 210]"),
            ("approximately", "[190, 210]"),
            ("some", "[190, 210]"),
            ("close to", "[190, 210]"),
            ("more than", "(200, ∞)"),
            ("over", "(200, ∞)"),
            ("above", "(200, ∞)"),
            ("exceeding", "(200, ∞)"),
            ("just over", "(200, 210]"),
            ("at least", "[200, ∞)"),
            ("less than", "(−∞, 200)"),
            ("under", "(−∞, 200)"),
            ("below", "(−∞, 200)"),
            ("at most", "(−∞, 200]"),
            ("up to", "(−∞, 200]"),
            ("no more than", "(−∞, 200]"),
        ];
        let lexicon = Lexicon::built_in();
        assert_eq!(
            cases.len(),
            lexicon.hedges.len(),
            "a hedge of the lexicon is untested"
        );
        for (hedge, wanted) in cases {
            let ph = p(&format!("{hedge} $200.0 million"));
            assert_eq!(ph.hedge.as_deref(), Some(hedge));
            let million = Q::new(1.into(), 1_000_000.into());
            assert_eq!(ph.interval.describe(&million, 2), wanted, "{hedge}");
        }
        // A hedge counts only right before its number.
        assert_eq!(p("rose 5.0% over the year").hedge, None);
    }

    #[test]
    fn directions_surplus_and_deficit() {
        for up in [
            "jumped 5%",
            "surged 5%",
            "inched up 5%",
            "grew 5%",
            "5% growth",
            "an increase of 5%",
        ] {
            assert_eq!(p(up).direction, Some(Direction::Up), "{up}");
        }
        for down in [
            "dropped 5%",
            "plunged 5%",
            "shrank 5%",
            "declined 5%",
            "a decrease of 5%",
            "dove 5%",
            "slid 5%",
            "5% lower",
        ] {
            assert_eq!(p(down).direction, Some(Direction::Down), "{down}");
            assert!(p(down).point.unwrap() < Q::zero(), "{down}");
        }
        let deficit = p("a deficit of $2.5 billion");
        assert_eq!(bounds(&deficit), "[-2550000000, -2450000000]");
        let surplus = p("a surplus of $2.5 billion");
        assert_eq!(bounds(&surplus), "[2450000000, 2550000000]");
    }

    #[test]
    fn rounding_policies() {
        let l = Lexicon::built_in();
        let exact = parse("$10.69 million", &l, Rounding::Exact).unwrap();
        assert_eq!(bounds(&exact), "[10690000, 10690000]");
        let cut = parse("$10.69 million", &l, Rounding::Truncated).unwrap();
        assert_eq!(bounds(&cut), "[10690000, 10700000]");
    }

    #[test]
    fn share_words_and_errors() {
        let most = p("most of the exports");
        assert_eq!(most.measure, Measure::Share);
        assert_eq!(bounds(&most), "(0.5, 1]");
        assert!(parse("no numbers here", &Lexicon::built_in(), Rounding::HalfUnit).is_err());
        let long = "x".repeat(1_000_000);
        let e = parse(&long, &Lexicon::built_in(), Rounding::HalfUnit).unwrap_err();
        assert!(e.contains("at most 2000"));
    }
}
