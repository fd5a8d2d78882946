//! The parser's reading of a phrase's tokens: where its number is, its hedge and its
//! direction (`Reading::new`), then what it states, by the first kind of phrase that
//! applies (`Reading::stated`): percentage points, a percentage, "N times", a multiple
//! word, an amount, a share word, a bare number.

use num_traits::One;

use super::super::interval::{Bound, Interval, Q, q, q_int};
use super::super::lexicon::{Hedge, Lexicon, MultipleMeaning};
use super::tokens::{Token, find_words};
use super::{Direction, Measure, Rounding, negate, printed_interval, reciprocal};

/// What a phrase states: its measure, the number as printed (in the measure's terms) and
/// the interval it allows.
pub(super) struct Stated {
    pub(super) measure: Measure,
    pub(super) point: Option<Q>,
    pub(super) interval: Interval,
}

impl Stated {
    fn new(measure: Measure, point: Option<Q>, interval: Interval) -> Stated {
        Stated {
            measure,
            point,
            interval,
        }
    }
}

/// What the reader of one kind of phrase gives: `None` if the phrase is not of its kind,
/// else what it states or why that cannot be read.
pub(super) type Found = Option<Result<Stated, String>>;

pub(super) struct Reading<'a> {
    tokens: &'a [Token],
    lexicon: &'a Lexicon,
    rounding: Rounding,
    /// The token of the number: digits, or a number word before "times"/"fold"/"percent".
    number_at: Option<usize>,
    /// The number's digits, as printed or as the number word's value.
    pub(super) number_text: Option<String>,
    pub(super) hedge: Option<Hedge>,
    pub(super) direction: Option<Direction>,
}

impl<'a> Reading<'a> {
    pub(super) fn new(tokens: &'a [Token], lexicon: &'a Lexicon, rounding: Rounding) -> Self {
        let (number_at, number_text) = find_number(tokens, lexicon);
        // With no number, a share word takes its place: "decreased by more than half" is
        // hedged, not "more".
        let anchor = number_at.or_else(|| {
            lexicon
                .shares
                .iter()
                .filter_map(|(w, _)| find_words(tokens, w))
                .min()
        });
        let hedge_at = find_hedge(tokens, lexicon, anchor);
        let direction = find_direction(tokens, lexicon, hedge_at.as_ref().map(|(_, r)| r));
        Reading {
            tokens,
            lexicon,
            rounding,
            number_at,
            number_text,
            hedge: hedge_at.map(|(h, _)| h),
            direction,
        }
    }

    /// What the phrase states, by the first kind that applies; `None` if none does.
    pub(super) fn stated(&self) -> Found {
        let kinds: [fn(&Self) -> Found; 8] = [
            Self::points,
            Self::percentage,
            Self::times,
            Self::multiple_word,
            Self::amount,
            Self::share_word,
            Self::bare_number,
            Self::direction_only,
        ];
        kinds.iter().find_map(|kind| kind(self))
    }

    fn has(&self, w: &str) -> bool {
        find_words(self.tokens, w).is_some()
    }

    /// The word right after token `i`.
    fn after(&self, i: usize) -> Option<&str> {
        self.tokens.get(i + 1).map(|t| t.text.as_str())
    }

    /// Whether the word after the number is one of `words`.
    fn number_followed_by(&self, words: &[&str]) -> bool {
        self.number_at
            .is_some_and(|i| self.after(i).is_some_and(|w| words.contains(&w)))
    }

    /// The currency the phrase names; a code of one currency wins over a name several
    /// countries share ("Dh19.5 billion AED": AED, the reader's choice for the text's pair).
    fn currency(&self) -> Option<String> {
        let named = |i: usize| self.lexicon.currency_at(self.tokens, i).map(|c| c.0);
        let shared = |i: usize| self.lexicon.shared_currency_at(self.tokens, i).is_some();
        (0..self.tokens.len())
            .find(|&i| named(i).is_some() && !shared(i))
            .or_else(|| (0..self.tokens.len()).find(|&i| named(i).is_some()))
            .and_then(named)
    }

    /// The number and its interval (from the hedge if there is one, else from the printed
    /// precision), both times `measure_scale`.
    /// The second number of a range ("$10–12 billion", "between $74 billion and $78
    /// billion"): a number right after the first, with only a currency, a scale, "and" or
    /// "to" between.
    fn range_end(&self) -> Option<usize> {
        let first = self.number_at?;
        if !self.tokens[first].is_number {
            return None;
        }
        (first + 1..(first + 4).min(self.tokens.len())).find(|&j| {
            self.tokens[j].is_number
                && self.tokens[first + 1..j].iter().all(|t| {
                    matches!(t.text.as_str(), "and" | "to")
                        || self.lexicon.currencies.contains_key(&t.text)
                        || self.lexicon.scales.contains_key(&t.text)
                })
        })
    }

    fn number(&self, measure_scale: Q) -> Result<(Q, Interval), String> {
        let digits = self.number_text.clone().ok_or("no number")?;
        let (x, printed) = printed_interval(&digits, self.rounding)
            .ok_or_else(|| format!("`{digits}` is not a number"))?;
        // A range: from the first number's low end to the second's high end, the middle as
        // the number printed.
        let (x, printed) = match self
            .range_end()
            .and_then(|j| printed_interval(&self.tokens[j].text, self.rounding))
        {
            Some((y, high)) => {
                let mid = (&x + &y) / q_int(2);
                let low = printed.low_value().cloned().unwrap_or(x.clone());
                let top = high.high_value().cloned().unwrap_or(y.clone());
                (mid, Interval::closed(low, top))
            }
            None => (x, printed),
        };
        let interval = match &self.hedge {
            // "around 1 billion" allows at least what "1 billion" does: a hedge that only
            // loosens both ways ("about", "around", "roughly") never narrows the printed
            // precision; one that bounds a side ("nearly", "more than") stands alone.
            Some(h) => {
                let hedged = h.interval(&x);
                match (&hedged.low, &hedged.high, &printed.low, &printed.high) {
                    (Bound::Closed(a), Bound::Closed(b), Bound::Closed(c), Bound::Closed(d))
                        if a < &x && &x < b =>
                    {
                        Interval::closed(a.min(c).clone(), b.max(d).clone())
                    }
                    _ => hedged,
                }
            }
            None => printed,
        };
        Ok((&x * &measure_scale, interval.map(|v| v * &measure_scale)))
    }

    /// A number made negative when the phrase says it went down.
    fn signed(&self, point: Q, interval: Interval) -> (Q, Interval) {
        match self.direction {
            Some(Direction::Down) => (-point, negate(&interval)),
            _ => (point, interval),
        }
    }

    /// "up 2.5 percentage points", "2 points", "3 pp".
    fn points(&self) -> Found {
        let is_points = self.has("percentage point")
            || self.has("percentage points")
            || self.has("pp")
            || self.number_followed_by(&["points", "point"]);
        if !is_points || self.number_at.is_none() {
            return None;
        }
        Some(self.number(Q::one()).map(|(x, i)| {
            let (x, i) = self.signed(x, i);
            Stated::new(Measure::Points, Some(x), i)
        }))
    }

    /// "85% of exports" (a share), "rose 42 percent" (a change).
    fn percentage(&self) -> Found {
        if !self.number_followed_by(&["percent", "%"]) {
            return None;
        }
        let (x, i) = match self.number(Q::new(1.into(), 100.into())) {
            Ok(n) => n,
            Err(e) => return Some(Err(e)),
        };
        // "85% of exports" is a share even beside a direction word.
        // ("a 57.85% of growth" is a change: a direction right after the "of")
        let of_follows = self.number_at.is_some_and(|i| {
            self.tokens.get(i + 2).is_some_and(|t| t.text == "of")
                && self
                    .tokens
                    .get(i + 3)
                    .is_none_or(|t| !self.lexicon.moves(&t.text))
        });
        let is_change = self.direction.is_some() && !of_follows && !self.has("share");
        if is_change {
            let (x, i) = self.signed(x, i);
            Some(Ok(Stated::new(Measure::Change, Some(x), i)))
        } else {
            Some(Ok(Stated::new(Measure::Share, Some(x), i)))
        }
    }

    /// "3.9 times", "a 5-fold increase"; "fell three times" is a fall to a third.
    fn times(&self) -> Found {
        let multiplied = self
            .number_at
            .is_some_and(|i| super::tokens::multiplied_by(self.tokens, i));
        if !self.number_followed_by(&["times", "fold"]) && !multiplied {
            return None;
        }
        Some(self.number(Q::one()).map(|(x, i)| {
            if self.direction == Some(Direction::Down) {
                Stated::new(Measure::Multiple, Some(x.recip()), reciprocal(&i))
            } else {
                Stated::new(Measure::Multiple, Some(x), i)
            }
        }))
    }

    /// "a triple growth", "halved": a multiple word of the lexicon, unless the phrase is
    /// an amount with a number.
    fn multiple_word(&self) -> Found {
        if self.number_at.is_some() && self.currency().is_some() {
            return None;
        }
        let (at, word, meaning) = self.tokens.iter().enumerate().find_map(|(k, t)| {
            self.lexicon
                .multiples
                .get(&t.text)
                .map(|m| (k, t.text.clone(), m.clone()))
        })?;
        let (x, i) = match meaning {
            MultipleMeaning::Number(n) => match printed_interval(&n, Rounding::HalfUnit) {
                Some(read) => read,
                None => return Some(Err(format!("lexicon: `{word}` has a bad value `{n}`"))),
            },
            MultipleMeaning::Range(l, h) => {
                let mid = (q(l) + q(h)) / q_int(2);
                (mid, Interval::closed(q(l), q(h)))
            }
        };
        // "more than doubled", "nearly tripled": the hedge bounds the multiple.
        let hedge = self
            .hedge
            .clone()
            .or_else(|| find_hedge(self.tokens, self.lexicon, Some(at)).map(|(h, _)| h));
        let i = match &hedge {
            // "more than halved": a fall of more than half — hedge the divisor (2), then
            // turn it back into a ratio, (0, 0.5).
            Some(h) if x < Q::one() && x > q_int(0) => reciprocal(&h.interval(&(Q::one() / &x))),
            Some(h) => h.interval(&x),
            None => i,
        };
        Some(Ok(Stated::new(Measure::Multiple, Some(x), i)))
    }

    /// "$10.69 million", "448.8 million yuan", "a deficit of $2 billion" (negative): a
    /// number with a currency or a scale.
    fn amount(&self) -> Found {
        let scale: u32 = self
            .range_end()
            .or(self.number_at)
            .and_then(|i| self.after(i))
            .and_then(|w| self.lexicon.scales.get(w).copied())
            .unwrap_or(0);
        let currency = self.currency();
        if self.number_at.is_none() || (currency.is_none() && scale == 0) {
            return None;
        }
        let factor = Q::from_integer(num_bigint::BigInt::from(10u8).pow(scale));
        Some(self.number(factor).map(|(x, i)| {
            let (x, i) = if self.has("deficit") {
                (-x, negate(&i))
            } else {
                (x, i)
            };
            let currency = currency.unwrap_or_else(|| "USD".to_string());
            Stated::new(Measure::Amount { currency }, Some(x), i)
        }))
    }

    /// "most", "a third": a share word of the lexicon, with no number of its own.
    fn share_word(&self) -> Found {
        let (word, interval) = self.lexicon.shares.iter().find(|(w, _)| self.has(w))?;
        // "grew by a third", "jumped by more than a fifth": a change of that fraction (also
        // with the direction said first and the share word after: "wuchsen ein Fünftel",
        // from "wuchsen ... um ein Fünftel").
        // (not a hedge: "more than half", "less than a third")
        let led = self
            .tokens
            .first()
            .is_some_and(|t| self.lexicon.moves(&t.text))
            && self.tokens.get(1).is_none_or(|t| t.text != "than")
            && !self.has("of");
        let by = find_words(self.tokens, "by").is_some() || led;
        if by && self.direction.is_some() && word != "of which" {
            // The hedge moves the bounds as for a share ("by more than half": over 50%, "by
            // nearly a third": a little under a third); a rise may pass the whole.
            let hedged = self.hedged_share(word, interval);
            let interval =
                match find_words(self.tokens, "more than").or(find_words(self.tokens, "over")) {
                    Some(_) => Interval {
                        low: hedged.low,
                        high: super::super::interval::Bound::Unbounded,
                    },
                    None => hedged,
                };
            let (_, interval) = self.signed(q_int(0), interval);
            return Some(Ok(Stated::new(Measure::Change, None, interval)));
        }
        Some(Ok(Stated::new(
            Measure::Share,
            None,
            self.hedged_share(word, interval),
        )))
    }

    /// "more than half", "nearly a third", "less than a quarter": a hedge before a share
    /// word moves the bounds from the word's middle (½ for "half"); "of which", "most"
    /// and unhedged words keep the lexicon's interval.
    fn hedged_share(&self, word: &str, interval: &Interval) -> Interval {
        use super::super::interval::Bound;
        let value = |b: &Bound| match b {
            Bound::Closed(x) | Bound::Open(x) => Some(x.clone()),
            Bound::Unbounded => None,
        };
        let Some(at) = find_words(self.tokens, word) else {
            return interval.clone();
        };
        let (Some(low), Some(high)) = (value(&interval.low), value(&interval.high)) else {
            return interval.clone();
        };
        let middle = (low + high) / q_int(2);
        let before = |words: &[&str]| {
            words.iter().any(|w| {
                find_words(self.tokens, w)
                    .is_some_and(|i| i < at && at - i <= w.split_whitespace().count() + 1)
            })
        };
        if before(&["more than", "over", "above", "at least"]) {
            Interval {
                low: Bound::Open(middle),
                high: Bound::Closed(Q::one()),
            }
        } else if before(&["less than", "under", "below"]) {
            Interval {
                low: Bound::Closed(q_int(0)),
                high: Bound::Open(middle),
            }
        } else if before(&["nearly", "almost", "just under"]) {
            Interval {
                low: Bound::Closed(&middle * q(rust_decimal::Decimal::new(9, 1))),
                high: Bound::Open(middle),
            }
        } else {
            interval.clone()
        }
    }

    /// Any other number.
    /// "fell", "widened": a direction word alone says a change of that sign, of any size
    /// (a fall is never more than the whole).
    fn direction_only(&self) -> Found {
        if self.number_at.is_some() {
            return None;
        }
        use super::super::interval::Bound;
        let interval = match self.direction? {
            Direction::Up => Interval {
                low: Bound::Open(q_int(0)),
                high: Bound::Unbounded,
            },
            Direction::Down => Interval {
                low: Bound::Closed(-Q::one()),
                high: Bound::Open(q_int(0)),
            },
        };
        Some(Ok(Stated::new(Measure::Change, None, interval)))
    }

    fn bare_number(&self) -> Found {
        self.number_at?;
        Some(
            self.number(Q::one())
                .map(|(x, i)| Stated::new(Measure::Number, Some(x), i)),
        )
    }
}

/// The number's token and digits: the first number, else a number word before
/// "times"/"fold"/"percent".
fn find_number(tokens: &[Token], lexicon: &Lexicon) -> (Option<usize>, Option<String>) {
    // "nine-point-nine billion dollars", "24-point-four percent": the decimal said in words.
    let spoken = (0..tokens.len()).find_map(|i| {
        super::tokens::spoken_decimal(tokens, i, |w| lexicon.numbers.get(w).copied())
            .map(|(_, n)| (i, n))
    });
    if let Some((i, n)) = spoken {
        return (Some(i), Some(n));
    }
    let number_index = tokens.iter().position(|t| t.is_number);
    let word_number = tokens.iter().enumerate().find_map(|(i, t)| {
        let n = lexicon.numbers.get(&t.text)?;
        let next = tokens.get(i + 1).map(|t| t.text.as_str());
        // ("six billion dollars": a number word before a scale)
        let scale = next.is_some_and(|w| w.chars().count() > 1 && lexicon.scales.contains_key(w));
        (matches!(next, Some("times" | "fold"))
            || super::tokens::percent_words(tokens, i + 1) > 0
            || super::tokens::multiplied_by(tokens, i)
            || scale)
            .then(|| (i, n.to_string()))
    });
    match (number_index, word_number) {
        (Some(i), _) => (Some(i), Some(tokens[i].text.clone())),
        (None, Some((i, n))) => (Some(i), Some(n)),
        (None, None) => (None, None),
    }
}

/// The hedge right before the number (a currency symbol may sit between), and its tokens.
fn find_hedge(
    tokens: &[Token],
    lexicon: &Lexicon,
    number_at: Option<usize>,
) -> Option<(Hedge, std::ops::Range<usize>)> {
    let n = number_at?;
    let mut end = n;
    while end > 0 && lexicon.currencies.contains_key(&tokens[end - 1].text) {
        end -= 1;
    }
    lexicon.hedges.iter().find_map(|h| {
        let len = h.word.split_whitespace().count();
        let start = end.checked_sub(len)?;
        (find_words(&tokens[start..end], &h.word) == Some(0)).then(|| (h.clone(), start..end))
    })
}

/// The way the phrase says the quantity moved, from direction words not counting the
/// hedge's own ("less than", "more than"); up wins when both are said.
fn find_direction(
    tokens: &[Token],
    lexicon: &Lexicon,
    hedge: Option<&std::ops::Range<usize>>,
) -> Option<Direction> {
    let outside: Vec<Token> = tokens
        .iter()
        .enumerate()
        .filter(|(i, _)| !hedge.is_some_and(|r| r.contains(i)))
        .map(|(_, t)| t.clone())
        .collect();
    let said = |words: &[String]| words.iter().any(|w| find_words(&outside, w).is_some());
    // "an average annual negative growth rate of 8.1%", "negative 14.78%": a fall.
    if outside.iter().any(|t| t.text == "negative") {
        return Some(Direction::Down);
    }
    match (said(&lexicon.up), said(&lexicon.down)) {
        (false, true) => Some(Direction::Down),
        (true, _) => Some(Direction::Up),
        _ => None,
    }
}
