//! Finding the numbers of an article: splitting it into sentences, and taking each number
//! with the words that state it ("nearly 170 percent more", "$27.23 million", "doubled")
//! as a `Mention` whose phrase parses.

use super::super::lexicon::Lexicon;
use super::super::phrase::{self, Measure, Rounding, Token, find_words, tokenize};
use super::periods::year_of;

/// A number found in the text.
#[derive(Clone, Debug)]
pub(super) struct Mention {
    pub(super) text: String,
    pub(super) measure: Measure,
    pub(super) sentence: usize,
    pub(super) start: usize,
}

/// Splits text into sentences at . ! ? followed by whitespace (not inside "10.69").
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        current.push(*c);
        let next_is_space = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if matches!(c, '.' | '!' | '?') && next_is_space {
            push_sentence(&mut out, &current);
            current.clear();
        }
    }
    push_sentence(&mut out, &current);
    out
}

/// Adds a sentence with its runs of whitespace made single spaces, unless it is empty.
fn push_sentence(out: &mut Vec<String>, text: &str) {
    let s = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !s.is_empty() {
        out.push(s);
    }
}

const EXTEND_BEFORE: &[&str] = &["$", "us", "usd", "cny", "rmb", "eur", "€", "¥", "£"];

/// Whether only spaces separate two tokens (no comma or full stop between them).
fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|gap| gap.chars().all(char::is_whitespace))
}
const EXTEND_AFTER: &[&str] = &[
    "million",
    "billion",
    "trillion",
    "thousand",
    "mln",
    "mn",
    "bn",
    "m",
    "b",
    "k",
    "percent",
    "%",
    "times",
    "fold",
    "percentage",
    "points",
    "point",
    "pp",
    "dollars",
    "yuan",
    "rubles",
    "roubles",
    "euros",
    "won",
    "yen",
    "growth",
    "increase",
    "decrease",
    "higher",
    "lower",
    "less",
    "more",
];

/// The span of text around a number that states it: hedge and currency before, scale,
/// unit, "percent", "times" after, and a direction verb just before.
fn mention_span(text: &str, tokens: &[Token], at: usize, lexicon: &Lexicon) -> (usize, usize) {
    let first = direction_before(
        tokens,
        at,
        hedge_and_currency_before(text, tokens, at, lexicon),
        lexicon,
    );
    let mut last = at;
    while let Some(t) = tokens.get(last + 1) {
        if EXTEND_AFTER.contains(&t.text.as_str()) || lexicon.currencies.contains_key(&t.text) {
            last += 1;
        } else {
            break;
        }
    }
    (first, last)
}

/// The first token of the hedges and currency symbols directly before the number at `at`.
fn hedge_and_currency_before(text: &str, tokens: &[Token], at: usize, lexicon: &Lexicon) -> usize {
    let mut first = at;
    loop {
        if first == 0 {
            break;
        }
        let prev = &tokens[first - 1].text;
        let hedge = lexicon.hedges.iter().find_map(|h| {
            let n = h.word.split_whitespace().count();
            let s = first.checked_sub(n)?;
            (find_words(&tokens[s..first], &h.word) == Some(0)).then_some(s)
        });
        if let Some(s) = hedge {
            first = s;
        } else if EXTEND_BEFORE.contains(&prev.as_str())
            && adjacent(text, &tokens[first - 1], &tokens[first])
        {
            first -= 1;
        } else {
            break;
        }
    }
    first
}

/// `first`, moved back to a direction word up to three words before it ("rose 40 percent",
/// "fell by nearly 70%") when the number at `at` is a percentage or a multiple (an
/// amount's verb is not part of it).
fn direction_before(tokens: &[Token], at: usize, first: usize, lexicon: &Lexicon) -> usize {
    let after = tokens.get(at + 1).map(|t| t.text.as_str());
    let relative = matches!(
        after,
        Some("percent" | "%" | "times" | "fold" | "percentage" | "points" | "pp")
    );
    for back in (1..=3).filter(|_| relative) {
        let Some(i) = first.checked_sub(back) else {
            break;
        };
        let w = &tokens[i].text;
        // "made up 56%" is a share, not a rise.
        let idiom = w == "up"
            && i > 0
            && matches!(
                tokens[i - 1].text.as_str(),
                "made" | "make" | "makes" | "making" | "took" | "takes"
            );
        if (lexicon.up.contains(w) || lexicon.down.contains(w)) && !idiom {
            return i;
        }
    }
    first
}

pub(super) fn find_mentions(sentences: &[String], lexicon: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let tokens = tokenize(sentence);
        let mut i = 0;
        while i < tokens.len() {
            let Some((first, last)) = mention_at(sentence, &tokens, i, lexicon) else {
                i += 1;
                continue;
            };
            let text = sentence[tokens[first].start..tokens[last].end].to_string();
            if let Ok(p) = phrase::parse(&text, lexicon, Rounding::HalfUnit) {
                out.push(Mention {
                    text,
                    measure: p.measure,
                    sentence: si,
                    start: tokens[first].start,
                });
            }
            i = last + 1;
        }
    }
    out
}

/// The tokens (first and last) of the mention of the number at token `i`, if one is there.
fn mention_at(
    sentence: &str,
    tokens: &[Token],
    i: usize,
    lexicon: &Lexicon,
) -> Option<(usize, usize)> {
    let t = &tokens[i];
    let next = tokens.get(i + 1).map(|t| t.text.as_str());
    let is_number = t.is_number
        || (lexicon.numbers.contains_key(&t.text)
            && matches!(next, Some("times" | "fold" | "percent" | "%")));
    let is_multiple = lexicon.multiples.contains_key(&t.text);
    if !is_number && !is_multiple {
        return None;
    }
    // Years are dates, not figures.
    if year_of(t).is_some()
        && !matches!(next, Some(n) if EXTEND_AFTER.contains(&n))
        && i.checked_sub(1).is_none_or(|p| tokens[p].text != "$")
    {
        return None;
    }
    if is_multiple && !is_number {
        // "a triple growth", "trade doubled"
        let last = if tokens
            .get(i + 1)
            .is_some_and(|n| lexicon.up.contains(&n.text))
        {
            i + 1
        } else {
            i
        };
        return Some((i, last));
    }
    Some(mention_span(sentence, tokens, i, lexicon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_do_not_split_decimals() {
        let s = sentences("Trade was $10.69 million. It fell! Next?");
        assert_eq!(s, ["Trade was $10.69 million.", "It fell!", "Next?"]);
    }

    #[test]
    fn every_number_is_found() {
        let l = Lexicon::built_in();
        let text = "Exports rose 40 percent to $27.23 million in 2019, nearly 170 percent more than in 2015. \
                    Imports were 448.8 million yuan, or 56% of the total, and trade doubled.";
        let found: Vec<String> = find_mentions(&sentences(text), &l)
            .into_iter()
            .map(|m| m.text)
            .collect();
        assert_eq!(
            found,
            [
                "rose 40 percent",
                "$27.23 million",
                "nearly 170 percent more",
                "448.8 million yuan",
                "56%",
                "doubled"
            ]
        );
    }
}
