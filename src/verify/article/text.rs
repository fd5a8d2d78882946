//! An article's sentences and clauses, as byte ranges of its text.
//!
//! A sentence ends at . ! ? before a capital, a digit or a quote — not after "U.S." in
//! "U.S. dollars", "No." or an initial — and at a paragraph break or a line without final
//! punctuation (a headline). A clause is the part of a sentence between commas,
//! semicolons, dashes and the words that open a comparison or a contrast ("from",
//! "compared with", "while"): what one amount's own words are.

use std::ops::Range;

use crate::verify::lexicon::Lexicon;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "inc", "co", "corp", "ltd", "st", "vs", "approx", "est", "govt",
    "dept", "rs", "fig", "gen", "col", "lt", "sen", "rep", "gov", "prof",
];

/// Words that start a sentence after an abbreviation that can also end one ("... trade
/// with the U.S. The figure ...").
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "in",
    "but",
    "however",
    "according",
    "meanwhile",
    "exports",
    "imports",
    "trade",
    "a",
    "an",
    "last",
    "such",
    "he",
    "she",
    "they",
    "we",
    "on",
    "at",
    "by",
    "for",
    "bilateral",
];

/// The sentences of `text`, trimmed, in order.
pub fn sentences(text: &str, lexicon: &Lexicon) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // In a text whose paragraphs are each one long line, no line is hard-wrapped.
    let unwrapped = text.lines().any(|l| l.chars().count() > 160);
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let end_here = match c {
            '.' | '!' | '?' => {
                // Closing quotes and brackets belong to the sentence they close.
                let mut close = k + 1;
                while chars
                    .get(close)
                    .is_some_and(|(_, n)| matches!(n, '"' | '\'' | '”' | '’' | ')' | ']'))
                {
                    close += 1;
                }
                let after = chars.get(close).map(|c| c.1);
                if (after.is_none_or(char::is_whitespace) || unspaced_end(&chars, k, close))
                    && ends_sentence(text, at, &chars, close, lexicon)
                {
                    let end = chars.get(close).map_or(text.len(), |c| c.0);
                    Some((end, close))
                } else {
                    None
                }
            }
            '\n' if line_break_ends(text, at, unwrapped) => Some((at, k + 1)),
            _ => None,
        };
        if let Some((end, next)) = end_here {
            push_trimmed(&mut out, text, start..end);
            start = chars.get(next).map_or(text.len(), |c| c.0);
            k = next;
        } else {
            k += 1;
        }
    }
    push_trimmed(&mut out, text, start..text.len());
    out
}

/// "down 19.9%.The trade deficit", "up 2.7%.China was", "per GAC.Among them", "in
/// 2022.The": a full stop with the space after it lost, between a percent sign, a word of
/// three letters or more or a year and a capitalised word ("U.S.Treasury",
/// "St.Petersburg" and "Trade.gov" stay whole).
fn unspaced_end(chars: &[(usize, char)], stop: usize, next: usize) -> bool {
    if chars[stop].1 != '.' || next != stop + 1 {
        return false;
    }
    let capitalised = chars.get(next).is_some_and(|c| c.1.is_uppercase())
        && chars.get(next + 1).is_some_and(|c| c.1.is_lowercase());
    let word_before = chars[..stop]
        .iter()
        .rev()
        .take_while(|c| c.1.is_alphabetic())
        .count();
    let digits_before = chars[..stop]
        .iter()
        .rev()
        .take_while(|c| c.1.is_ascii_digit())
        .count();
    let before = stop.checked_sub(1).map(|b| chars[b].1);
    capitalised && (before == Some('%') || word_before >= 3 || digits_before == 4)
}

/// The byte of the bracket still open at `at` (opened since `from`, not closed before
/// `at`): "ISK 267 billion (USD 2.2 billion, EUR 1.9 billion)" at "EUR".
pub fn open_bracket(text: &str, from: usize, at: usize) -> Option<usize> {
    let before = &text[from..at];
    before
        .rfind('(')
        .filter(|&o| !before[o..].contains(')'))
        .map(|o| from + o)
}

/// `text` without what it holds in closed brackets: "total trade (imports + exports)
/// increased" → "total trade  increased".
pub fn outside_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' if text[i..].contains(')') => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, r: Range<usize>) {
    let piece = &text[r.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// Whether the full stop at byte `at` ends a sentence, given what follows from char
/// index `next`.
fn ends_sentence(
    text: &str,
    at: usize,
    chars: &[(usize, char)],
    next: usize,
    lexicon: &Lexicon,
) -> bool {
    let next_word: String = chars[next..]
        .iter()
        .map(|c| c.1)
        .skip_while(|c| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '(' | '\''))
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect();
    let Some(first) = next_word.chars().next() else {
        return true;
    };
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    if text[at..].starts_with('.') {
        let before: String = text[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '.')
            .collect::<String>()
            .chars()
            .rev()
            .collect();
        let word = before.to_lowercase();
        let starter = SENTENCE_STARTERS.contains(&next_word.to_lowercase().trim_end_matches('.'));
        // "U.S.", "U.K.", initials: end a sentence only before a word that starts one.
        let dotted = word.contains('.')
            || (word.chars().count() == 1 && before.chars().all(char::is_uppercase));
        if dotted {
            return starter;
        }
        if ABBREVIATIONS.contains(&word.as_str()) {
            return false;
        }
        // "1.876 Mrd. Euro", "434 Mio. Euro", "5 bn. USD": a scale's short form before the
        // currency it scales.
        let currency = next_word.to_lowercase();
        // ("... worth NZD$3.62 billion. NZD$2.17 billion of that": a currency that opens
        // the next amount starts a sentence)
        let after_word: String = chars[next..]
            .iter()
            .map(|c| c.1)
            .skip_while(|c| c.is_whitespace())
            .skip_while(|c| c.is_alphanumeric() || *c == '.')
            .take(2)
            .collect();
        let opens_amount = after_word.starts_with('$')
            || after_word
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
        if word.chars().count() > 1
            && !opens_amount
            && lexicon.scales.contains_key(&word)
            && before.len() < text[..at].len()
            && text[..at - before.len()]
                .ends_with(|c: char| c.is_whitespace() || c.is_ascii_digit())
            && lexicon.starts_currency(currency.trim_end_matches('.'))
        {
            return false;
        }
    }
    true
}

/// Whether the line break at byte `at` ends a sentence: a blank line follows, or the line
/// has no final punctuation and the next starts with a capital (a headline, a list item;
/// in an `unwrapped` text, any line).
fn line_break_ends(text: &str, at: usize, unwrapped: bool) -> bool {
    let rest = &text[at + 1..];
    if rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n') {
        return true;
    }
    let line_end = text[..at].trim_end();
    let next = rest.trim_start().chars().next();
    // A list item starts a sentence of its own.
    if next.is_some_and(|c| matches!(c, '•' | '·' | '*' | '-' | '–' | '—' | '▪' | '●')) {
        return true;
    }
    let continues = line_end.ends_with([',', ';', ':', '-', '–']) || line_end.is_empty();
    // The line itself: a headline is short or in title case; a hard-wrapped line of prose
    // is neither, and goes on in the next line.
    let line = line_end.rsplit('\n').next().unwrap_or(line_end);
    let words: Vec<&str> = line.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    // (In a text of unwrapped paragraphs, "La Unión Europea dejó de comprarle a Argentina
    // por US$ 300 millones" is a headline.)
    let headline = line.chars().count() < 50 || capitalised * 2 >= words.len() || unwrapped;
    let starts_sentence =
        next.is_some_and(|c| c.is_uppercase() || c == '"' || c == '“' || c.is_ascii_digit());
    (!continues && starts_sentence && (headline || !line_end.ends_with(|c: char| c.is_lowercase())))
        || line_end.ends_with(['.', '!', '?'])
}

/// Words that open a clause of their own: a comparison's base or a contrast.
const CLAUSE_WORDS: &[&str] = &[
    "from", "compared", "against", "versus", "while", "whereas", "but", "than",
];

/// Verbs that give a flow its value ("imports from the country stood at ...").
const VALUE_VERBS: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "stood",
    "standing",
    "amounted",
    "amounting",
    "reached",
    "reaching",
    "totaled",
    "totalled",
    "totaling",
    "totalling",
    "valued",
    "worth",
    "hit",
    "rose",
    "fell",
    "grew",
    "increased",
    "decreased",
];

/// Words that compare with the months just before, not a year before (`Period::span_before`).
pub const SEQUENTIAL: &[&str] = &["half-on-half", "quarter-on-quarter", "month-on-month"];

/// Words that say a base after "from": its period or level ("from a year earlier", "from
/// the same period", "from its previous level").
const BASE_WORDS: &[&str] = &[
    "year",
    "years",
    "year's",
    "period",
    "month",
    "months",
    "quarter",
    "half",
    "last",
    "previous",
    "preceding",
    "earlier",
    "ago",
    "before",
    "level",
    "levels",
    "figure",
    "high",
    "low",
    "peak",
    "record",
    "fy",
    "fiscal",
    "value",
    "total",
    "amount",
    "sum",
    "mark",
    "around",
    "about",
    "nearly",
    "almost",
    "roughly",
    "some",
    "just",
    "only",
    "over",
    "under",
    "million",
    "billion",
    "trillion",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "a",
];

/// What opens the base of a comparison in es, pt, fr, it and de, at the start of a clause
/// ("frente a los 802 millones de dólares correspondientes a 2016"): a clause cut too.
pub const FOREIGN_BASE_CUES: &[&str] = &[
    "frente a",
    "en comparación",
    "en relación",
    "con relación",
    "con respecto",
    "respecto",
    "comparado",
    "em relação",
    "com relação",
    "em comparação",
    "par rapport",
    "en comparaison",
    "rispetto",
    "in confronto",
    "gegenüber",
    "im vergleich",
];

/// Whether the bracket at `i` holds only a year or a fiscal year ("July-June (2020-21)",
/// "(FY22)"): the period of its clause, not a clause of its own.
fn year_in_brackets(sentence: &str, i: usize, c: char) -> bool {
    let inner = match c {
        '(' => sentence[i + 1..]
            .split(')')
            .next()
            .filter(|_| sentence[i + 1..].contains(')')),
        ')' => sentence[..i]
            .rsplit('(')
            .next()
            .filter(|_| sentence[..i].contains('(')),
        _ => None,
    };
    inner.is_some_and(|t| {
        let t = t.trim();
        let t = t
            .strip_prefix("FY")
            .or_else(|| t.strip_prefix("fiscal "))
            .unwrap_or(t)
            .trim();
        let digits = t.chars().filter(|ch| ch.is_ascii_digit()).count();
        (2..=9).contains(&digits)
            && t.starts_with(|ch: char| ch.is_ascii_digit())
            && t.chars()
                .all(|ch| ch.is_ascii_digit() || matches!(ch, '-' | '/' | '–'))
    })
}

/// Whether the bracket at `i` encloses an amount restating the amount just before it in
/// another currency ("18.33 billion dirhams ($1.87 billion) in 2020"): no cut, so the
/// period after the bracket is in the first amount's clause.
fn conversion_in_brackets(sentence: &str, i: usize, c: char) -> bool {
    let (before, inner) = match c {
        '(' => (
            &sentence[..i],
            sentence[i + 1..]
                .split(')')
                .next()
                .filter(|_| sentence[i + 1..].contains(')')),
        ),
        ')' => match sentence[..i].rfind('(') {
            Some(open) => (&sentence[..open], Some(&sentence[open + 1..i])),
            None => ("", None),
        },
        _ => ("", None),
    };
    let Some(inner) = inner.map(str::trim) else {
        return false;
    };
    let lower = inner.to_lowercase();
    let amount = inner.chars().any(|ch| ch.is_ascii_digit())
        && inner.split_whitespace().count() <= 4
        && !inner
            .chars()
            .all(|ch| ch.is_ascii_digit() || ch == ',' || ch == '.')
        && !["%", "percent", "per cent", "pct", ":", ";", ","]
            .iter()
            .any(|w| lower.contains(w) && !(*w == "," && digit_comma(inner)));
    // The amount it restates ends just before the bracket.
    let last_word = before.trim_end().rsplit(' ').take(3).collect::<String>();
    amount && last_word.chars().any(|ch| ch.is_ascii_digit())
}

/// Whether every comma of `t` sits between digits ("1,028").
fn digit_comma(t: &str) -> bool {
    let b = t.as_bytes();
    t.char_indices().filter(|&(_, ch)| ch == ',').all(|(k, _)| {
        k > 0 && k + 1 < b.len() && b[k - 1].is_ascii_digit() && b[k + 1].is_ascii_digit()
    })
}

/// The clauses of the sentence `s` of `text`, as byte ranges.
pub fn clauses(text: &str, s: &Range<usize>) -> Vec<Range<usize>> {
    let sentence = &text[s.clone()];
    let mut cuts: Vec<usize> = Vec::new();
    for (i, c) in sentence.char_indices() {
        match c {
            ',' | ';' | ':' | '(' | ')' | '—' => {
                // A comma inside a number ("10,69") is not a cut.
                let digit_around = c == ','
                    && sentence[..i].ends_with(|p: char| p.is_ascii_digit())
                    && sentence[i + 1..].starts_with(|n: char| n.is_ascii_digit());
                // "(2020: €19 billion)": the year labels the amount after it.
                let year_label = c == ':' && {
                    let before = sentence[..i].trim_end();
                    let digits = before
                        .chars()
                        .rev()
                        .take_while(char::is_ascii_digit)
                        .count();
                    digits == 4 && before[..before.len() - 4].trim_end().ends_with('(')
                };
                if !digit_around
                    && !year_label
                    && !year_in_brackets(sentence, i, c)
                    && !conversion_in_brackets(sentence, i, c)
                {
                    cuts.push(i);
                    cuts.push(i + c.len_utf8());
                }
            }
            '–' | '-'
                if sentence[..i].ends_with(' ')
                    && sentence[i + c.len_utf8()..].starts_with(' ') =>
            {
                cuts.push(i);
                cuts.push(i + c.len_utf8());
            }
            _ => {}
        }
    }
    let lower = sentence.to_ascii_lowercase();
    for word in CLAUSE_WORDS.iter().chain(FOREIGN_BASE_CUES) {
        for (i, _) in lower.match_indices(word) {
            let before_ok = i == 0 || !lower.as_bytes()[i - 1].is_ascii_alphanumeric();
            let after = i + word.len();
            let after_ok = after >= lower.len() || !lower.as_bytes()[after].is_ascii_alphanumeric();
            if !(before_ok && after_ok) {
                continue;
            }
            let rest = lower[after..].trim_start();
            // "from January to March", "made up", "up to": no comparison.
            let period_follows = MONTH_WORDS.iter().any(|m| rest.starts_with(m))
                || rest.starts_with("the first")
                || rest.starts_with("the start")
                || rest.starts_with("the beginning")
                || rest.starts_with(|c: char| c.is_ascii_digit())
                    && *word == "from"
                    && year_follows(rest);
            // "imports from South Korea", "exports from the United States": a place, not
            // a comparison's base.
            let place_follows = {
                let original = sentence[after..].trim_start();
                let next = original.split_whitespace().next().unwrap_or("");
                let then = original.split_whitespace().nth(1).unwrap_or("");
                // A place is a word: "US$54m", "R59bn" are amounts.
                // ("from RM 4.85 billion", "from USD 1.2 billion": a currency and its number)
                (next.starts_with(|c: char| c.is_uppercase())
                    && !next.contains(|c: char| c.is_ascii_digit() || c == '$')
                    && !then.starts_with(|c: char| c.is_ascii_digit())
                    && !MONTH_WORDS.contains(
                        &next
                            .to_lowercase()
                            .trim_end_matches("'s")
                            .trim_end_matches("’s"),
                    ))
                    || (next == "the"
                        && then.starts_with(|c: char| c.is_uppercase())
                        // ("from the RM20.23 billion recorded in 2016": an amount)
                        && !then.contains(|c: char| c.is_ascii_digit() || c == '$'))
            };
            // "Data from the annual foreign trade report reveals that ...": a source, not a
            // comparison's base.
            let source_follows = *word == "from"
                && rest
                    .split_whitespace()
                    .take(5)
                    .take_while(|w| !w.contains(|c: char| c.is_ascii_digit()))
                    .any(|w| {
                        matches!(
                            w.trim_matches(|c: char| !c.is_alphanumeric()),
                            "data"
                                | "report"
                                | "reports"
                                | "statistics"
                                | "ministry"
                                | "customs"
                                | "sources"
                                | "agency"
                                | "bureau"
                                | "office"
                                | "department"
                                | "survey"
                                | "database"
                        )
                    });
            // "imports from the world's third largest economy amounted to ...": no amount,
            // period or level within the next words — not a base.
            // ("imports from the country standing at $196 million": the amount is the
            // flow's, four words on.)
            let nothing_compared = *word == "from"
                && !rest
                    .split_whitespace()
                    .take(6)
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .any(|w| {
                        // (a year may come later: "from exports to ASEAN in 2006")
                        BASE_WORDS.contains(&w)
                            || MONTH_WORDS.contains(&w)
                            || (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
                    })
                && !rest
                    .split_whitespace()
                    .take(4)
                    .any(|w| w.contains(|c: char| c.is_ascii_digit() || "$€£¥₹₩".contains(c)));
            // "imports from the country standing at $196 million": a verb that gives the
            // flow its value comes before any amount, period or level — not a base.
            let valued_first = *word == "from"
                // ("up from what it was a year earlier": a base)
                && !rest.starts_with("what")
                && rest
                    .split_whitespace()
                    .take(6)
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .take_while(|w| {
                        !(BASE_WORDS.contains(w)
                            || MONTH_WORDS.contains(w)
                            || w.contains(|c: char| c.is_ascii_digit()))
                    })
                    .any(|w| VALUE_VERBS.contains(&w));
            if period_follows
                || source_follows
                || nothing_compared
                || valued_first
                || (place_follows && matches!(*word, "from" | "against" | "versus"))
            {
                continue;
            }
            cuts.push(i);
        }
    }
    // "exports rose 9% to 63 bn and imports 7% to 53 bn": " and " between two numbers'
    // clauses (not "between 10 and 12").
    for (i, _) in lower.match_indices(" and ") {
        let before = &lower[..i];
        let after = &lower[i + 5..];
        let number_before = before.trim_end().ends_with(|c: char| c.is_ascii_digit());
        let number_after = after
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥'));
        let digits_before = before
            .rsplit([',', ';'])
            .next()
            .is_some_and(|b| b.chars().any(|c| c.is_ascii_digit()));
        let digits_after = after
            .split([',', ';'])
            .next()
            .is_some_and(|a| a.chars().any(|c| c.is_ascii_digit()));
        if digits_before
            && digits_after
            && !(number_before && number_after)
            && !before.ends_with("between")
        {
            cuts.push(i + 1);
        }
    }
    cuts.push(0);
    cuts.push(sentence.len());
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| s.start + w[0]..s.start + w[1])
        .filter(|r| text[r.clone()].chars().any(char::is_alphanumeric))
        .collect()
}

fn year_follows(rest: &str) -> bool {
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.len() == 4 && rest[4..].trim_start().starts_with("to")
}

pub const MONTH_WORDS: [&str; 12] = [
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

/// The index of the range in `ranges` that holds byte `at`.
pub fn index_of(ranges: &[Range<usize>], at: usize) -> Option<usize> {
    ranges.iter().position(|r| r.contains(&at))
}

/// The 1-based line of byte `at` of `text`.
pub fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// Whether a text is in English: its function words outnumber those of the other
/// languages the press of the corpus writes in.
pub fn in_english(tokens: &[crate::verify::phrase::Token]) -> bool {
    let (mut en, mut other) = (0usize, 0usize);
    for t in tokens {
        match t.text.as_str() {
            "the" | "of" | "and" | "to" | "in" | "was" | "were" | "with" | "from" => en += 1,
            "de" | "la" | "el" | "los" | "las" | "del" | "les" | "des" | "du" | "et" | "di"
            | "della" | "il" | "che" | "e" | "dan" | "yang" | "und" | "der" | "die" | "das"
            | "em" | "do" | "os" | "para" | "con" | "por" | "que" | "une" | "un" | "una"
            // pl, nl, tr, sv, da
            | "w" | "z" | "się" | "na" | "że" | "oraz" | "jest" | "het" | "een" | "van"
            | "voor" | "ve" | "bir" | "ile" | "için" | "bu" | "och" | "att" | "av" | "på"
            | "för" | "är" | "og" | "af" | "til" | "ikke" => {
                other += 1
            }
            _ => {}
        }
    }
    en >= other
}

/// The two decimals after a point at the end of a number's digits: "3.30" in "3.30%".
fn two_decimals(printed: &str) -> Vec<(usize, &str)> {
    let bytes = printed.as_bytes();
    let mut out = Vec::new();
    for (i, _) in printed.match_indices('.') {
        let digits = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
        if i > 0 && digits(i - 1) && digits(i + 1) && digits(i + 2) && !digits(i + 3) {
            out.push((i + 2, &printed[i + 1..i + 3]));
        }
    }
    out
}

/// Digit runs split by dots: (the dot's index, the digits after it).
fn dotted(printed: &str, billions: &dyn Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let bytes = printed.as_bytes();
    let digit = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    let dots: Vec<(usize, usize)> = printed
        .match_indices('.')
        .filter(|&(i, _)| i > 0 && digit(i - 1) && digit(i + 1))
        .map(|(i, _)| (i, (i + 1..).take_while(|&k| digit(k)).count()))
        .collect();
    // "1.876 Mrd. Euro", "3.556 bilhões": one dot before a scale of billions is a decimal
    // point (1,876 billion euros would be a trade of trillions), whatever the text's habit.
    let billions = printed
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(billions);
    if billions && dots.len() == 1 {
        return Vec::new();
    }
    dots
}

/// Whether a text not in English groups thousands with dots ("1.413 millones de dólares",
/// "2.351 millones"): some number has a dot before exactly three digits and none a dot
/// before any other count of digits (a decimal point: "3.5 millones" in Mexico).
pub fn dot_groups<'a>(
    english: bool,
    printed: impl Iterator<Item = &'a str>,
    billions: &dyn Fn(&str) -> bool,
) -> bool {
    let runs: Vec<usize> = printed
        .flat_map(|p| dotted(p, billions).into_iter().map(|(_, n)| n))
        .collect();
    !english && !runs.is_empty() && runs.iter().all(|&n| n == 3)
}

/// `phrase` with its grouping dots dropped: "1.413 millones" → "1413 millones".
pub fn ungroup_dots(phrase: &str, billions: &dyn Fn(&str) -> bool) -> String {
    let mut out = phrase.to_string();
    for (i, _) in dotted(phrase, billions).into_iter().rev() {
        out.remove(i);
    }
    out
}

/// Whether a text pads its figures to two decimals: three or more printed with two
/// decimals ("2.70%", "$646.10 million"), every one of them ending in 0.
pub fn padded<'a>(printed: impl Iterator<Item = &'a str>) -> bool {
    let decimals: Vec<&str> = printed
        .flat_map(|p| two_decimals(p).into_iter().map(|(_, d)| d))
        .collect();
    decimals.len() >= 3 && decimals.iter().all(|d| d.ends_with('0'))
}

/// `phrase` with the padding zero of its two-decimal numbers dropped: "3.30%" → "3.3%".
pub fn unpad(phrase: &str) -> String {
    let mut out = phrase.to_string();
    for (last, digits) in two_decimals(phrase).into_iter().rev() {
        if digits.ends_with('0') {
            out.remove(last);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, Lexicon::built_in())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn sentences_keep_decimals_abbreviations_and_headlines_apart() {
        assert_eq!(
            split("Trade was $10.69 million. It fell! Next?"),
            ["Trade was $10.69 million.", "It fell!", "Next?"]
        );
        assert_eq!(
            split("Exports to the U.S. rose. The U.S. dollar fell. Trade with the U.S. The end."),
            [
                "Exports to the U.S. rose.",
                "The U.S. dollar fell.",
                "Trade with the U.S.",
                "The end."
            ]
        );
        assert_eq!(
            split(
                "A Controversial Visit\nTrade rose 5% to $2 billion, officials said.\n\nNo. 5 was next."
            ),
            [
                "A Controversial Visit",
                "Trade rose 5% to $2 billion, officials said.",
                "No. 5 was next."
            ]
        );
        assert_eq!(
            split("Imports were $1.27 billion, down 19.9%.The deficit fell.China was fifth."),
            [
                "Imports were $1.27 billion, down 19.9%.",
                "The deficit fell.",
                "China was fifth."
            ]
        );
        assert_eq!(
            split("Trade with ASEAN.The total rose, per GAC.Among them, in 2022.Exports fell."),
            [
                "Trade with ASEAN.",
                "The total rose, per GAC.",
                "Among them, in 2022.",
                "Exports fell."
            ]
        );
        assert_eq!(
            split("The U.S.Treasury said St.Petersburg and trade.gov agree."),
            ["The U.S.Treasury said St.Petersburg and trade.gov agree."]
        );
        assert_eq!(
            split("Trade between the two\ncountries rose."),
            ["Trade between the two\ncountries rose."]
        );
    }

    #[test]
    fn clauses_cut_at_commas_and_comparisons_not_inside_numbers() {
        let text = "Exports rose 12% to $1,234 million from $1,100 million, while imports fell.";
        let s = sentences(text, Lexicon::built_in());
        let c: Vec<&str> = clauses(text, &s[0])
            .into_iter()
            .map(|r| text[r].trim())
            .collect();
        assert_eq!(
            c,
            [
                "Exports rose 12% to $1,234 million",
                "from $1,100 million",
                "while imports fell."
            ]
        );
        let text = "Trade from January to March 2019 made up $5 million.";
        let s = sentences(text, Lexicon::built_in());
        assert_eq!(clauses(text, &s[0]).len(), 1);
    }

    #[test]
    fn padding_zeros_are_a_text_wide_habit() {
        assert!(padded(["2.70%", "$646.10 million", "3.30%"].into_iter()));
        // One two-decimal figure not ending in 0: no padding.
        assert!(!padded(["2.70%", "$646.15 million", "3.30%"].into_iter()));
        // Fewer than three: not enough to tell.
        assert!(!padded(["2.70%", "3.30%"].into_iter()));
        // Thousands separators and three decimals are not two decimals.
        assert!(!padded(["1,000", "2.500", "10.250"].into_iter()));
        let billions = |w: &str| Lexicon::built_in().billions(w);
        assert!(dot_groups(
            false,
            ["2.351 millones", "1.413 millones", "25 por ciento"].into_iter(),
            &billions
        ));
        assert!(!dot_groups(true, ["2.351 million"].into_iter(), &billions));
        assert!(!dot_groups(
            false,
            ["1.413 millones", "3.5 millones"].into_iter(),
            &billions
        ));
        assert!(!dot_groups(false, ["27,9%"].into_iter(), &billions));
        assert_eq!(
            ungroup_dots("1.413.200 dólares", &billions),
            "1413200 dólares"
        );
        // One dot before a scale of billions is a decimal point: "1.876 Mrd. Euro".
        assert!(!dot_groups(
            false,
            ["1.876 mrd", "1.345 mrd"].into_iter(),
            &billions
        ));
        assert_eq!(
            ungroup_dots("1.876 Mrd. Euro", &billions),
            "1.876 Mrd. Euro"
        );
        // "Mrd." before a currency ends no sentence; before another word it may.
        assert_eq!(split("Sie lag bei 1.876 Mrd. Euro im Jahr 2018.").len(), 1);
        assert_eq!(unpad("down 3.30%"), "down 3.3%");
        assert_eq!(
            unpad("$646.10 million and 2.75%"),
            "$646.1 million and 2.75%"
        );
    }
}
