//! Reading periods from words: the year, months, quarter or half a sentence (or a clause
//! of it) speaks of, "last year" and its kin, and the clause an amount belongs to.

use super::super::phrase::{Token, find_words, tokenize};
use crate::model::Period;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(word: &str) -> Option<u8> {
    MONTHS.iter().position(|m| *m == word).map(|i| i as u8 + 1)
}

/// The year a token is, if it is a four-digit number from 1900 to 2100.
pub(super) fn year_of(t: &Token) -> Option<i32> {
    if !(t.is_number && t.text.len() == 4) {
        return None;
    }
    t.text
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
}

/// The months and year a sentence speaks of, if it says.
pub(super) fn sentence_period(
    sentence: &str,
    main: Option<Period>,
) -> (Option<Period>, Option<String>) {
    period_of(sentence, main, true)
}

/// Words saying a figure is from the year before the one in focus.
const LAST_YEAR: [&str; 5] = [
    "last year",
    "a year earlier",
    "previous year",
    "year before",
    "a year ago",
];

/// Words saying a figure is from a year before the one in focus: `LAST_YEAR`'s, and
/// "same period".
pub(super) fn says_earlier(text: &str) -> bool {
    let tokens = tokenize(text);
    LAST_YEAR
        .iter()
        .chain(&["same period"])
        .any(|w| find_words(&tokens, w).is_some())
}

/// Where a clause ends or a comparison starts ("from", "compared with", ...).
const CLAUSE_CUTS: [&str; 9] = [
    ",",
    ";",
    " from ",
    " compared with ",
    " compared to ",
    " against ",
    " versus ",
    " while ",
    " whereas ",
];

/// The part of a sentence an amount belongs to: between commas, semicolons and the words
/// that start a comparison ("from", "compared with", ...).
pub(super) fn clause_around(sentence: &str, at: usize) -> &str {
    // ASCII lower-casing keeps every byte offset (the cuts are ASCII): Unicode lower-casing
    // can change lengths ("Ⱥ" → "ⱥ"), and the offsets then cut the sentence mid-character.
    let lower = sentence.to_ascii_lowercase();
    let mut start = 0;
    let mut end = sentence.len();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for sep in CLAUSE_CUTS {
        for (i, _) in lower.match_indices(sep) {
            cuts.push((i, i + sep.len()));
        }
    }
    for (cut_start, cut_end) in cuts {
        if cut_end <= at && cut_start >= start {
            // A comparison word belongs to the clause it opens.
            start = if sentence[cut_start..cut_end].trim().len() > 1 {
                cut_start
            } else {
                cut_end
            };
        } else if cut_start > at && cut_start < end {
            end = cut_start;
        }
    }
    sentence.get(start..end).unwrap_or(sentence)
}

/// Quarters and halves named in words, with their months; the first one said counts.
const NAMED_SPANS: [(&str, (u8, u8)); 6] = [
    ("first quarter", (1, 3)),
    ("second quarter", (4, 6)),
    ("third quarter", (7, 9)),
    ("fourth quarter", (10, 12)),
    ("first half", (1, 6)),
    ("second half", (7, 12)),
];

/// The months a text names: "January to March", "January-March", a quarter or half named
/// in words.
fn month_span(tokens: &[Token]) -> Option<(u8, u8)> {
    let months: Vec<u8> = tokens.iter().filter_map(|t| month_of(&t.text)).collect();
    NAMED_SPANS
        .iter()
        .find(|(words, _)| find_words(tokens, words).is_some())
        .map(|(_, span)| *span)
        .or_else(|| Some((*months.first()?, *months.last()?)))
}

/// The period a text speaks of; `relative` lets "last year" shift the year.
pub(super) fn period_of(
    sentence: &str,
    main: Option<Period>,
    relative: bool,
) -> (Option<Period>, Option<String>) {
    let tokens = tokenize(sentence);
    let has = |w: &str| find_words(&tokens, w).is_some();
    let year = tokens.iter().find_map(year_of);
    let last_year = relative && LAST_YEAR.iter().any(|w| has(w));
    let span = month_span(&tokens);
    let (first, last) = match (span, main) {
        (Some(s), _) => s,
        (None, Some(m)) if last_year || (relative && has("same period")) || year.is_none() => {
            (m.first_month, m.last_month)
        }
        (None, _) => (1, 12),
    };
    let year = match (year, main, last_year) {
        (Some(y), _, false) => Some(y),
        (Some(y), _, true) => Some(y - 1),
        (None, Some(m), true) => Some(m.year - 1),
        (None, Some(m), false) => Some(m.year),
        (None, None, _) => None,
    };
    let period = year.and_then(|y| Period::new(y, first, last).ok());
    (period, how_read(last_year, year, span))
}

/// The note on how a period was read, when it was not named outright.
fn how_read(last_year: bool, year: Option<i32>, span: Option<(u8, u8)>) -> Option<String> {
    if last_year && year.is_none() {
        Some(
            "\"last year\" / \"a year earlier\" read as the same months one year before"
                .to_string(),
        )
    } else if last_year {
        Some(
            "\"last year\" / \"a year earlier\" read as one year before the year named".to_string(),
        )
    } else if span.is_none() && year.is_none() {
        Some("the sentence names no period; the article's main period assumed".to_string())
    } else {
        None
    }
}

/// Whether a text names a year, a month, a quarter or half, or a relative year.
pub(super) fn clause_names_period(text: &str) -> bool {
    let tokens = tokenize(text);
    tokens.iter().any(|t| {
        year_of(t).is_some()
            || month_of(&t.text).is_some()
            || matches!(t.text.as_str(), "quarter" | "half")
    }) || says_earlier(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_from_words() {
        let (p, _) = sentence_period("trade from January to March 2019 was", None);
        assert_eq!(p.unwrap().label(), "2019-Q1");
        let main = p;
        let (p, how) = sentence_period(
            "this figure was $30.72 million in the same period last year",
            main,
        );
        assert_eq!(p.unwrap().label(), "2018-Q1");
        assert!(how.unwrap().contains("last year"));
        let (p, _) = sentence_period("in the first half of 2020", None);
        assert_eq!(p.unwrap().label(), "2020-H1");
        let (p, _) = sentence_period("from January to November 2019", None);
        assert_eq!(p.unwrap().label(), "2019-01..2019-11");
    }
}
