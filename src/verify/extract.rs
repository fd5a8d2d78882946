//! Drafting a claims file from an article's text: every amount becomes a `[[figure]]`,
//! every percentage and multiple a `[[claim]]`, each with its sentence as the quote.
//! Flow and period are filled in where the sentence says them; a claim's `value` is
//! proposed where the sentence makes the link clear, and marked as a guess.
//!
//! The draft is meant to be read and corrected; what the extractor could not decide is
//! left commented out, so the draft always loads.

use std::fmt::Write as _;

use super::lexicon::Lexicon;
use super::phrase::{self, Measure, Rounding, Token, find_words, tokenize};
use crate::model::Period;

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub reporter: Option<String>,
    pub partner: Option<String>,
    pub title: Option<String>,
    pub data: Vec<String>,
}

/// A number found in the text.
#[derive(Clone, Debug)]
struct Mention {
    text: String,
    measure: Measure,
    sentence: usize,
    start: usize,
}

#[derive(Clone, Debug)]
struct DraftFigure {
    id: String,
    printed: String,
    measure: Option<&'static str>,
    period: Option<Period>,
    sentence: usize,
    /// Offset in its sentence.
    start: usize,
    /// Its clause says it is from an earlier period ("this figure was X last year").
    earlier: bool,
    /// Its clause opens with "from" (the base of a change).
    from: bool,
    guess_note: Vec<String>,
}

#[derive(Clone, Debug)]
struct DraftClaim {
    quote: String,
    says: String,
    value: Option<String>,
    why: String,
}

const MAX_TEXT: usize = 1024 * 1024;

/// Splits text into sentences at . ! ? followed by whitespace (not inside "10.69").
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        current.push(*c);
        let next_is_space = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if matches!(c, '.' | '!' | '?') && next_is_space {
            let s = current.split_whitespace().collect::<Vec<_>>().join(" ");
            if !s.is_empty() {
                out.push(s);
            }
            current.clear();
        }
    }
    let s = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !s.is_empty() {
        out.push(s);
    }
    out
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
    let mut first = at;
    // Hedges and currency symbols directly before the number.
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
    // A direction word up to three words before ("rose 40 percent", "fell by nearly 70%"),
    // when the number is a percentage or a multiple (an amount's verb is not part of it).
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
            first = i;
            break;
        }
    }
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

fn find_mentions(sentences: &[String], lexicon: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let tokens = tokenize(sentence);
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            let next = tokens.get(i + 1).map(|t| t.text.as_str());
            let is_number = t.is_number
                || (lexicon.numbers.contains_key(&t.text)
                    && matches!(next, Some("times" | "fold" | "percent" | "%")));
            let is_multiple = lexicon.multiples.contains_key(&t.text);
            if !is_number && !is_multiple {
                i += 1;
                continue;
            }
            // Years are dates, not figures.
            if t.is_number && t.text.len() == 4 && !t.text.contains([',', '.']) {
                let year: i32 = t.text.parse().unwrap_or(0);
                if (1900..=2100).contains(&year)
                    && !matches!(next, Some(n) if EXTEND_AFTER.contains(&n))
                    && i.checked_sub(1).is_none_or(|p| tokens[p].text != "$")
                {
                    i += 1;
                    continue;
                }
            }
            let (first, last) = if is_multiple && !is_number {
                // "a triple growth", "trade doubled"
                let last = if tokens
                    .get(i + 1)
                    .is_some_and(|n| lexicon.up.contains(&n.text))
                {
                    i + 1
                } else {
                    i
                };
                (i, last)
            } else {
                mention_span(sentence, &tokens, i, lexicon)
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

/// The months and year a sentence speaks of, if it says.
fn sentence_period(sentence: &str, main: Option<Period>) -> (Option<Period>, Option<String>) {
    period_of(sentence, main, true)
}

/// Words saying a figure is from a year before the one in focus.
const EARLIER: [&str; 6] = [
    "last year",
    "a year earlier",
    "previous year",
    "year before",
    "a year ago",
    "same period",
];

fn says_earlier(text: &str) -> bool {
    let tokens = tokenize(text);
    EARLIER.iter().any(|w| find_words(&tokens, w).is_some())
}

/// The part of a sentence an amount belongs to: between commas, semicolons and the words
/// that start a comparison ("from", "compared with", ...).
fn clause_around(sentence: &str, at: usize) -> &str {
    let lower = sentence.to_lowercase();
    let mut start = 0;
    let mut end = sentence.len();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for sep in [
        ",",
        ";",
        " from ",
        " compared with ",
        " compared to ",
        " against ",
        " versus ",
        " while ",
        " whereas ",
    ] {
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

/// The period a text speaks of; `relative` lets "last year" shift the year.
fn period_of(
    sentence: &str,
    main: Option<Period>,
    relative: bool,
) -> (Option<Period>, Option<String>) {
    let tokens = tokenize(sentence);
    let has = |w: &str| find_words(&tokens, w).is_some();
    let year = tokens
        .iter()
        .filter(|t| t.is_number && t.text.len() == 4)
        .filter_map(|t| t.text.parse::<i32>().ok())
        .find(|y| (1900..=2100).contains(y));
    let last_year = relative
        && (has("last year")
            || has("a year earlier")
            || has("previous year")
            || has("year before")
            || has("a year ago"));
    // Months: "January to March", "January-March", a quarter or half named in words.
    let months: Vec<u8> = tokens.iter().filter_map(|t| month_of(&t.text)).collect();
    let span = if has("first quarter") {
        Some((1, 3))
    } else if has("second quarter") {
        Some((4, 6))
    } else if has("third quarter") {
        Some((7, 9))
    } else if has("fourth quarter") {
        Some((10, 12))
    } else if has("first half") {
        Some((1, 6))
    } else if has("second half") {
        Some((7, 12))
    } else if months.len() >= 2 {
        Some((months[0], months[months.len() - 1]))
    } else if months.len() == 1 {
        Some((months[0], months[0]))
    } else {
        None
    };
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
    let how = if last_year && year.is_none() {
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
    };
    (period, how)
}

/// Whether a text names a year, a month, a quarter or half, or a relative year.
fn clause_names_period(text: &str) -> bool {
    let tokens = tokenize(text);
    tokens.iter().any(|t| {
        (t.is_number
            && t.text.len() == 4
            && t.text
                .parse::<i32>()
                .is_ok_and(|y| (1900..=2100).contains(&y)))
            || month_of(&t.text).is_some()
            || matches!(t.text.as_str(), "quarter" | "half")
    }) || says_earlier(text)
}

fn measure_of(sentence: &str, start: usize) -> Option<&'static str> {
    // The flow word nearest before the amount, else anywhere in the sentence.
    let before = &sentence[..start.min(sentence.len())].to_lowercase();
    let whole = sentence.to_lowercase();
    let pick = |text: &str| -> Option<(usize, &'static str)> {
        [
            ("export", "exports"),
            ("import", "imports"),
            ("trade between", "turnover"),
            ("turnover", "turnover"),
            ("trade", "turnover"),
            ("balance", "balance"),
            ("surplus", "balance"),
            ("deficit", "balance"),
        ]
        .iter()
        .filter_map(|(w, m)| text.rfind(w).map(|i| (i, *m)))
        .max_by_key(|(i, _)| *i)
    };
    pick(before).or_else(|| pick(&whole)).map(|(_, m)| m)
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Reads an article as UTF-8 text.
pub fn read_article(path: &std::path::Path) -> crate::Result<String> {
    let bytes = std::fs::read(path).map_err(|source| crate::Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| crate::Error::NotUtf8 {
        path: path.to_path_buf(),
        byte: e.utf8_error().valid_up_to(),
    })
}

/// Builds the draft claims file for `text`.
pub fn extract(text: &str, lexicon: &Lexicon, options: &Options) -> Result<String, String> {
    if text.len() > MAX_TEXT {
        return Err(format!(
            "the article is {} bytes; at most {MAX_TEXT}",
            text.len()
        ));
    }
    let sentences = sentences(text);
    let mentions = find_mentions(&sentences, lexicon);
    let main_period = sentences.iter().find_map(|s| {
        sentence_period(s, None)
            .0
            .filter(|_| tokenize(s).iter().any(|t| t.is_number && t.text.len() == 4))
    });

    let mut figures: Vec<DraftFigure> = Vec::new();
    let mut claims: Vec<DraftClaim> = Vec::new();
    let mut last_measure: Option<&'static str> = None;
    for m in &mentions {
        let sentence = &sentences[m.sentence];
        if let Measure::Amount { .. } = &m.measure {
            // The amount's own clause first, then the sentence (its years and months,
            // not another clause's "last year"), then the article's main period.
            let clause = clause_around(sentence, m.start);
            let (period, how) = match period_of(clause, main_period, true) {
                (p, how) if clause_names_period(clause) => (p, how),
                _ => period_of(sentence, main_period, false),
            };
            let earlier = says_earlier(clause);
            let from = clause.trim_start().to_lowercase().starts_with("from ");
            let lower = sentence.to_lowercase();
            // "this figure was ..." continues the previous figure's measure.
            let measure = if lower.contains("this figure") || lower.contains("the figure") {
                last_measure
            } else {
                measure_of(sentence, m.start).or(last_measure)
            };
            last_measure = measure;
            let base = measure.unwrap_or("figure");
            let stem = match period {
                Some(p) => format!(
                    "{base}_{}",
                    p.label().to_lowercase().replace(['-', '.'], "")
                ),
                None => base.to_string(),
            };
            let mut id = stem.clone();
            let mut n = 2;
            while figures.iter().any(|f| f.id == id) {
                id = format!("{stem}_{n}");
                n += 1;
            }
            let mut notes = Vec::new();
            if let Some(h) = how {
                notes.push(h);
            }
            figures.push(DraftFigure {
                id,
                printed: m.text.clone(),
                measure,
                period,
                sentence: m.sentence,
                start: m.start,
                earlier,
                from,
                guess_note: notes,
            });
        }
    }
    // Claims after all figures, so a claim can link to an amount later in its sentence.
    for m in mentions
        .iter()
        .filter(|m| !matches!(m.measure, Measure::Amount { .. }))
    {
        let (value, why) = link(m, &sentences, &figures);
        claims.push(DraftClaim {
            quote: sentences[m.sentence].clone(),
            says: m.text.clone(),
            value,
            why,
        });
    }
    Ok(write(&figures, &claims, options))
}

/// Proposes a value expression for a change or multiple phrase.
fn link(m: &Mention, sentences: &[String], figures: &[DraftFigure]) -> (Option<String>, String) {
    let ratio = |current: &str, base: &str| match m.measure {
        Measure::Multiple => format!("{current} / {base}"),
        _ => format!("change({base}, {current})"),
    };
    if !matches!(m.measure, Measure::Multiple | Measure::Change) {
        return (
            None,
            "a share: write the part / whole it speaks of".to_string(),
        );
    }
    let here: Vec<&DraftFigure> = figures
        .iter()
        .filter(|f| f.sentence == m.sentence)
        .collect();
    let before: Vec<&DraftFigure> = figures
        .iter()
        .filter(|f| f.sentence < m.sentence || (f.sentence == m.sentence && f.start < m.start))
        .collect();
    // "to $Y ... from $X": the amount after "from" is the base.
    if let Some(base) = here.iter().find(|f| f.from)
        && let Some(current) = here.iter().find(|f| !f.from)
    {
        return (
            Some(ratio(&current.id, &base.id)),
            "\"from X\" is the base, the other amount the current value".to_string(),
        );
    }
    // "this figure was $X in the same period last year, showing ...": X is the base and
    // the figure spoken of before is the current value.
    if let Some(base) = here.iter().find(|f| f.earlier) {
        let current = figures.iter().rfind(|f| {
            !f.earlier
                && (f.sentence < base.sentence
                    || (f.sentence == base.sentence && f.start < base.start))
        });
        if let Some(current) = current {
            return (
                Some(ratio(&current.id, &base.id)),
                format!(
                    "{} is said to be from the earlier period; {} is taken as the current value",
                    base.id, current.id
                ),
            );
        }
    }
    // "$Y, nearly 170 percent more than a year earlier": the base is the same measure a
    // year before, if the text printed it.
    let clause = clause_around(&sentences[m.sentence], m.start);
    if says_earlier(clause)
        && let Some(current) = here.iter().rfind(|f| f.start < m.start).or(before.last())
    {
        let base = figures.iter().find(|f| {
                f.id != current.id
                    && f.measure == current.measure
                    && matches!((f.period, current.period), (Some(a), Some(b)) if Some(a) == b.year_before())
            });
        if let Some(base) = base {
            return (
                Some(ratio(&current.id, &base.id)),
                format!("{} is the same measure a year before", base.id),
            );
        }
        return (
            None,
            format!(
                "the base of the change ({} a year earlier) is not printed",
                current.id
            ),
        );
    }
    (
        None,
        "the sentence does not say which two figures are compared".to_string(),
    )
}

fn write(figures: &[DraftFigure], claims: &[DraftClaim], options: &Options) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Draft claims file written by `tradestat extract`. Read it against the article:"
    );
    let _ = writeln!(
        out,
        "# lines marked GUESS are the extractor's reading; commented-out parts need you."
    );
    let _ = writeln!(out, "# Check it with: tradestat verify THIS_FILE");
    let _ = writeln!(out);
    let _ = writeln!(out, "[source]");
    if let Some(t) = &options.title {
        let _ = writeln!(out, "title = {}", toml_string(t));
    }
    if options.data.is_empty() {
        let _ = writeln!(
            out,
            "# data = [\"trade.csv\"]   # data files to check bound figures against"
        );
    } else {
        let list: Vec<String> = options.data.iter().map(|d| toml_string(d)).collect();
        let _ = writeln!(out, "data = [{}]", list.join(", "));
    }
    let bindable = options.reporter.is_some() && options.partner.is_some();
    for f in figures {
        let _ = writeln!(out);
        let _ = writeln!(out, "[[figure]]");
        let _ = writeln!(out, "id = {}", toml_string(&f.id));
        let _ = writeln!(out, "printed = {}", toml_string(&f.printed));
        let comment = if bindable { "" } else { "# " };
        if let Some(m) = f.measure {
            let _ = writeln!(
                out,
                "{comment}measure = {}   # GUESS from the sentence",
                toml_string(m)
            );
        } else {
            let _ = writeln!(
                out,
                "# measure = \"exports\"   # the sentence names no flow"
            );
        }
        if let (Some(r), Some(p)) = (&options.reporter, &options.partner) {
            let _ = writeln!(out, "{comment}reporter = {}", toml_string(r));
            let _ = writeln!(out, "{comment}partner = {}", toml_string(p));
        } else {
            let _ = writeln!(
                out,
                "# reporter = \"...\"   # give --reporter and --partner to bind figures to data"
            );
            let _ = writeln!(out, "# partner = \"...\"");
        }
        if let Some(p) = f.period {
            // The period helps the checker notice comparisons of unequal periods even
            // without a data binding.
            let _ = writeln!(out, "period = {}   # GUESS", toml_string(&p.label()));
        }
        for n in &f.guess_note {
            let _ = writeln!(out, "# {n}");
        }
    }
    for c in claims {
        let _ = writeln!(out);
        match &c.value {
            Some(value) => {
                let _ = writeln!(out, "[[claim]]");
                let _ = writeln!(out, "quote = {}", toml_string(&c.quote));
                let _ = writeln!(out, "says = {}", toml_string(&c.says));
                let _ = writeln!(out, "value = {}   # GUESS: {}", toml_string(value), c.why);
            }
            None => {
                let _ = writeln!(out, "# {} — complete `value` and uncomment:", c.why);
                let _ = writeln!(out, "# [[claim]]");
                let _ = writeln!(out, "# quote = {}", toml_string(&c.quote));
                let _ = writeln!(out, "# says = {}", toml_string(&c.says));
                let _ = writeln!(out, "# value = \"\"");
            }
        }
    }
    out
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
