//! Every number of an article, and what it is: an amount of money, a percentage, a
//! percentage-point change, a multiple — or a number that is no trade figure (a year, a
//! date, a duration, a distance, a quantity, a count, a rank, a code, a name, a tariff
//! rate), with that reason.
//!
//! A number is read with the words that state it: the currency before or after, the scale
//! ("bn", "million", "crore"), "percent", "times", "-fold"; a hedge ("nearly") and a
//! direction word ("rose 12%") go into its phrase, not into what it prints.

use std::ops::Range;

use super::super::lexicon::Lexicon;
use super::super::phrase::Token;
use super::text::MONTH_WORDS;

/// Why a number is not a trade figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ignored {
    Year,
    Date,
    Duration,
    Distance,
    /// Tonnes, barrels, cars: a quantity, not money.
    Quantity,
    Count,
    Rank,
    Code,
    /// Part of a name: F-16, G20, COVID-19.
    Name,
    /// A tariff, tax or interest rate, a growth rate of something else than trade.
    Rate,
    /// A scaled number with no currency in a sentence that names no trade flow.
    NoCurrency,
    /// A round threshold passed ("crossing the $100 billion mark"), not a figure of the data.
    Threshold,
    /// A forecast, projection or target ("economists had predicted a surplus of $1.5bn").
    Forecast,
    /// Money that is not trade: investment, remittances, loans, aid ("Turkish investments
    /// in Egypt grew by 30.3%, reaching $179.9m").
    OtherMoney,
    /// The price of one unit ("the price of the commodity is currently around US$ 60"), or
    /// of one currency in another ("at $151=US$1").
    Price,
}

impl Ignored {
    pub fn name(self) -> &'static str {
        match self {
            Ignored::Year => "year",
            Ignored::Date => "date",
            Ignored::Duration => "duration",
            Ignored::Distance => "distance",
            Ignored::Quantity => "quantity",
            Ignored::Count => "count",
            Ignored::Rank => "rank",
            Ignored::Code => "code",
            Ignored::Name => "name",
            Ignored::Rate => "rate",
            Ignored::NoCurrency => "no-currency",
            Ignored::Threshold => "threshold",
            Ignored::Forecast => "forecast",
            Ignored::OtherMoney => "other-money",
            Ignored::Price => "price",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// Money; `currency` is `None` for a scaled number whose currency the article gives
    /// elsewhere ("exports of 5.2 billion").
    Amount {
        currency: Option<String>,
        scaled: bool,
    },
    Percent,
    Points,
    Multiple,
    /// "a third of", "half of".
    ShareWord,
    Ignored(Ignored),
}

/// A number of the article.
#[derive(Clone, Debug)]
pub struct Number {
    /// What the text prints: "$10.69 million", "12.3%", "triple".
    pub printed: Range<usize>,
    /// The words that state it, for reading its interval: "nearly $5 billion", "rose 12%",
    /// "a triple growth".
    pub phrase: Range<usize>,
    /// Its tokens (first..=last of `printed`).
    pub tokens: Range<usize>,
    pub kind: NumberKind,
    /// A direction word said before an amount the number is bracketed after: "decreased"
    /// in "decreased by $7.4 billion (2.5 percent)".
    pub lead: Option<Range<usize>>,
    /// The scale and currency a bare number shares with the amount it runs to: "billion
    /// dollars" in "from 6.3 to 26.7 billion dollars" (`shared_scales`).
    pub borrowed: Option<Range<usize>>,
}

impl Number {
    /// The words that state the number, for reading its interval.
    pub fn phrase_text(&self, text: &str) -> String {
        self.phrase_in(|r| &text[r.clone()])
    }

    /// The same, each span taken by `at` (the text as read, or as printed).
    pub fn phrase_in<'a>(&self, at: impl Fn(&Range<usize>) -> &'a str) -> String {
        match &self.lead {
            Some(lead) => format!("{} {}", at(lead), at(&self.phrase)),
            None => at(&self.phrase).to_string(),
        }
    }
}

const TIME: &[&str] = &[
    "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "minute",
    "minutes", "decade", "decades", "second", "seconds", "night", "nights", "quarter", "quarters",
];
const DISTANCE: &[&str] = &[
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "nautical",
    "feet",
    "foot",
    "kms",
];
/// People counted: a scaled number beside these is no money.
const PEOPLE: &[&str] = &[
    "population",
    "people",
    "inhabitants",
    "residents",
    "citizens",
    "tourists",
    "visitors",
    "migrants",
    "workers",
    "jobs",
    "students",
    "passengers",
];
const QUANTITY: &[&str] = &[
    "tonnes",
    "tons",
    "tonne",
    "ton",
    "barrels",
    "barrel",
    "bpd",
    "units",
    "cars",
    "vehicles",
    "kg",
    "kilograms",
    "litres",
    "liters",
    "bcm",
    "mt",
    "teu",
    "teus",
    "heads",
    "cubic",
    "kilowatt",
    "mw",
    "gw",
    "kwh",
    "mwh",
    "bushels",
    "containers",
    "ships",
    "vessels",
    "aircraft",
    "planes",
    "pieces",
    "pairs",
    "bags",
    "bales",
    "carats",
    "ounces",
    // es, pt, fr, it, de
    "toneladas",
    "tonelada",
    "barriles",
    "barris",
    "unidades",
    "quilos",
    "kilos",
    "tonnellate",
    "tonnen",
];
const RATE_WORDS: &[&str] = &[
    "tariff",
    "tariffs",
    "duty",
    "duties",
    "tax",
    "taxes",
    "levy",
    "levies",
    "interest",
    "inflation",
    "unemployment",
    "gdp",
    "vat",
    "stake",
    "ownership",
    "votes",
    "poll",
    "approval",
    "yield",
    "yields",
    "discount",
    "margin",
    "rates",
    "rate",
    "quota",
];
const FOLLOWING_DIRECTION: &[&str] = &[
    "more",
    "less",
    "higher",
    "lower",
    "above",
    "below",
    "increase",
    "decrease",
    "growth",
    "rise",
    "drop",
    "decline",
    "jump",
    "fall",
    "gain",
    "surge",
    "expansion",
    "contraction",
    "plunge",
    "up",
    "down",
    "year-on-year",
];
/// Directions said before a number that belong to it ("rose 12%", "fell by nearly 70%").
const BY_WORDS: &[&str] = &[
    "by",
    // "increased with 17.3%": non-native English for "by".
    "with",
    // "una crescita del 2,7 per cento", "une hausse de 0,3 %", "disminuido en un 60%",
    // "naik sebesar 45,2%"
    "del",
    "de",
    "di",
    "della",
    "du",
    "em",
    "en",
    "un",
    "una",
    "sebesar",
    // Polish "wzrost o 45,4 proc.", Dutch "met 16 procent", German "um 5,5 Prozent",
    // Russian "сократился на 72,3%"
    "o",
    "на",
    "met",
    "um",
    "of",
    // "the increase was 15.2% compared to 2017"
    "was",
    "is",
    // "a growth rate of 15.5 per cent": the rate of a growth (other rates are read as
    // not trade before: `rate_context`)
    "rate",
    "a",
    "an",
    "some",
    "nearly",
    "almost",
    "about",
    "around",
    "over",
    "more",
    "than",
    "just",
    "roughly",
    "approximately",
    // "declined by a whopping 42.9 percent", "a sharp 12% rise": a size word between.
    "whopping",
    "massive",
    "staggering",
    "sharp",
    "steep",
    "hefty",
    "huge",
    "robust",
    "strong",
    "solid",
    "healthy",
    "impressive",
    "significant",
    "substantial",
    "modest",
    "slight",
    "marginal",
    "mere",
    "record",
    "further",
    "incredible",
    "remarkable",
    "dramatic",
    "notable",
    "considerable",
    "tremendous",
    "phenomenal",
    "spectacular",
    "stunning",
    "astonishing",
    "unprecedented",
    "exceptional",
    "sizeable",
    "sizable",
    "marked",
    "moderate",
    "minor",
    "meagre",
    "meager",
    "measly",
    "paltry",
    "small",
    "smaller",
    "big",
    "bigger",
    "large",
    "larger",
    "comparatively",
    "relatively",
    "only",
    "estimated",
];

/// The numbers of the article, in order. `tokens` are the article's; `sentence_of` gives
/// each token's sentence.
pub fn scan(text: &str, tokens: &[Token], sentence_of: &[usize], lexicon: &Lexicon) -> Vec<Number> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Each token is one number's: a currency word the last number ends with is not the
        // next one's ("1,28 billion Dollars   1,27 billion Dollars" in a table).
        let floor = out.last().map_or(0, |n: &Number| n.tokens.end);
        match read_at(text, tokens, sentence_of, lexicon, i, floor) {
            Some(n) => {
                i = n.tokens.end;
                out.push(n);
            }
            None => i += 1,
        }
    }
    carry_ignored(text, tokens, sentence_of, &mut out);
    shared_scales(text, tokens, sentence_of, &mut out);
    out
}

/// Words before a range's first number, and between its two, that make the first number
/// share the second's scale and currency: "from 6.3 to 26.7 billion dollars", "de 6.371 a
/// 26.760 millones de dólares", "between 5 and 7 billion euros".
const RANGE_WORDS: &[(&[&str], &[&str])] = &[
    (
        &["from", "de", "desde", "da", "dal", "von"],
        &["to", "a", "à", "auf", "para"],
    ),
    (
        &["between", "entre", "zwischen", "tra", "fra"],
        &["and", "y", "e", "et", "und"],
    ),
];

/// A bare number at the start of a range whose end is an amount ("from 6.3 to 26.7 billion
/// dollars") is an amount in the same scale and currency.
fn shared_scales(text: &str, tokens: &[Token], sentence_of: &[usize], numbers: &mut [Number]) {
    for k in 0..numbers.len().saturating_sub(1) {
        let (a, b) = (&numbers[k], &numbers[k + 1]);
        let bare = matches!(
            a.kind,
            NumberKind::Ignored(Ignored::Count | Ignored::NoCurrency)
        );
        let NumberKind::Amount {
            currency: Some(currency),
            scaled: true,
        } = &b.kind
        else {
            continue;
        };
        let first = a.tokens.start;
        if !bare
            || first == 0
            || sentence_of.get(first) != sentence_of.get(b.tokens.start)
            || b.tokens.start != a.tokens.end + 1
        {
            continue;
        }
        let before = tokens[first - 1].text.as_str();
        let between = tokens[a.tokens.end].text.as_str();
        let range = RANGE_WORDS
            .iter()
            .any(|(opens, joins)| opens.contains(&before) && joins.contains(&between));
        // The second amount starts with its digits ("26.7 billion dollars", not "$26.7
        // billion": that one's currency sign is its own).
        let digits_first = tokens[b.tokens.start].is_number;
        let last_digit = (b.tokens.start..b.tokens.end)
            .take_while(|&j| tokens[j].is_number)
            .last();
        let (true, true, Some(last_digit)) = (range, digits_first, last_digit) else {
            continue;
        };
        let words = tokens[last_digit].end..b.printed.end;
        if text[words.clone()].trim().is_empty() {
            continue;
        }
        let currency = currency.clone();
        let a = &mut numbers[k];
        a.kind = NumberKind::Amount {
            currency: Some(currency),
            scaled: true,
        };
        a.borrowed = Some(words);
    }
}

/// A rate said of the number just before it is no trade rate when that number is none:
/// "16.832 toneladas (241,3%)" is the quantity's change; "the potential of boosting the
/// economy by $1.7 billion in addition to increasing exports by 32 per cent" is a goal too.
/// Nor is an amount in brackets right after money that is not trade (its conversion).
fn carry_ignored(text: &str, tokens: &[Token], sentence_of: &[usize], numbers: &mut [Number]) {
    for k in 1..numbers.len() {
        let (before, rest) = numbers.split_at_mut(k);
        let (prev, n) = (&before[k - 1], &mut rest[0]);
        let rate = matches!(
            n.kind,
            NumberKind::Percent | NumberKind::Points | NumberKind::Multiple
        );
        let money = matches!(n.kind, NumberKind::Amount { .. });
        let same = sentence_of.get(prev.tokens.start) == sentence_of.get(n.tokens.start);
        if !(rate || money) || !same {
            continue;
        }
        let gap = &text[prev.printed.end..n.printed.start];
        // "an annual hike of 98.70% from $37.10 million", "Remittances ... reached $8.4
        // million during the fiscal year 2018-2019, compared to $7.1 million": the base of
        // money that is not trade (past its dates) is none either.
        let owner = before[..k]
            .iter()
            .rev()
            .take_while(|m| sentence_of.get(m.tokens.start) == sentence_of.get(n.tokens.start))
            .find(|m| !matches!(m.kind, NumberKind::Ignored(Ignored::Year | Ignored::Date)));
        if money
            && let Some(owner) = owner
            && owner.kind == NumberKind::Ignored(Ignored::OtherMoney)
        {
            let between = text[owner.printed.end..n.printed.start].to_lowercase();
            let cue = [
                "from",
                "compared to",
                "compared with",
                "against",
                "over",
                "up from",
                "down from",
            ]
            .iter()
            .any(|c| between.trim_end().ends_with(c));
            let trade_word = between
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with("export") || w.starts_with("import") || w == "trade");
            if cue && !trade_word && !between.contains([';', '.']) {
                n.kind = NumberKind::Ignored(Ignored::OtherMoney);
                n.phrase = n.printed.clone();
                continue;
            }
        }
        // "pumped investments valued at $73.70 million in Egypt during fiscal year (FY)
        // 2021/2022, an annual hike of 98.70%": a rate after such money in its sentence,
        // past dates and years and no trade word, is that money's.
        if rate
            && let Some(owner) = before[..k]
                .iter()
                .rev()
                .take_while(|m| sentence_of.get(m.tokens.start) == sentence_of.get(n.tokens.start))
                .find(|m| !matches!(m.kind, NumberKind::Ignored(Ignored::Year | Ignored::Date)))
            && owner.kind == NumberKind::Ignored(Ignored::OtherMoney)
        {
            let between = text[owner.printed.end..n.printed.start].to_lowercase();
            let trade_word = between
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with("export") || w.starts_with("import") || w == "trade");
            if !trade_word && !between.contains([';', '.']) {
                n.kind = NumberKind::Ignored(Ignored::OtherMoney);
                n.phrase = n.printed.clone();
                n.lead = None;
                continue;
            }
        }
        // "invested about 16 bln rubles ($245mln)": the same money converted.
        if money {
            if let NumberKind::Ignored(
                why @ (Ignored::OtherMoney | Ignored::Forecast | Ignored::Threshold),
            ) = prev.kind
                && gap.trim() == "("
            {
                n.kind = NumberKind::Ignored(why);
                n.phrase = n.printed.clone();
            }
            continue;
        }
        let why = match prev.kind {
            // Its unit between: "16.832 toneladas (".
            NumberKind::Ignored(Ignored::Quantity)
                if gap.trim_end().ends_with('(')
                    && !gap.contains([',', ';', '.', ')'])
                    && gap.split_whitespace().count() <= 3 =>
            {
                Ignored::Quantity
            }
            NumberKind::Ignored(Ignored::Forecast)
                if !gap.contains([',', ';', '.', '(', ')'])
                    && tokens[prev.tokens.end..n.tokens.start].len() <= 12 =>
            {
                Ignored::Forecast
            }
            _ => continue,
        };
        n.kind = NumberKind::Ignored(why);
        n.phrase = n.printed.clone();
        n.lead = None;
    }
}

/// Whether only `allowed` characters (and spaces) lie between two tokens.
fn gap_is(text: &str, a: &Token, b: &Token, allowed: &[char]) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || allowed.contains(&c)))
}

/// The currency right before token `i`, one to three tokens.
fn currency_before(lexicon: &Lexicon, tokens: &[Token], i: usize) -> Option<String> {
    (1..=3).find_map(|len| {
        let start = i.checked_sub(len)?;
        lexicon
            .currency_at(tokens, start)
            .filter(|&(_, n)| n == len)
            .map(|(code, _)| code)
    })
}

fn glued(a: &Token, b: &Token) -> bool {
    a.end == b.start
}

fn read_at(
    text: &str,
    tokens: &[Token],
    sentence_of: &[usize],
    lexicon: &Lexicon,
    i: usize,
    floor: usize,
) -> Option<Number> {
    let t = &tokens[i];
    let same_sentence = |j: usize| sentence_of.get(j) == sentence_of.get(i);
    // A currency before the number is its own only if no number read before ends with it.
    let own = |j: usize| j >= floor && same_sentence(j);
    let word = |j: usize| -> &str {
        if same_sentence(j) {
            tokens.get(j).map_or("", |t| t.text.as_str())
        } else {
            ""
        }
    };
    if !t.is_number {
        return read_word(text, tokens, sentence_of, lexicon, i);
    }
    // "41-point-six billion dollars": the whole part of a decimal said in words, read with
    // its last word.
    if i + 2 < tokens.len()
        && same_sentence(i + 2)
        && crate::verify::phrase::spoken_decimal(tokens, i + 2, |w| lexicon.numbers.get(w).copied())
            .is_some()
    {
        return None;
    }
    // "the first eight months (8M) of 2022", "during 8M-22": months of a year, in the
    // business press's short form — a period, not an amount.
    if currency_before(lexicon, tokens, i).is_none()
        && t.text.len() <= 2
        && t.text.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
        && tokens
            .get(i + 1)
            .is_some_and(|m| m.text == "m" && glued(t, m) && same_sentence(i + 1))
        && (text[tokens[i + 1].end..].starts_with('-')
            || text[..t.start].trim_end().ends_with('(')
                && text[tokens[i + 1].end..].starts_with(')'))
    {
        return Some(ignored(tokens, i, i + 1, Ignored::Duration));
    }
    let mut first = i;
    let mut last = i;
    // A currency directly before: "$", "US$", "USD", "Rs.", "€".
    let mut currency: Option<String> = None;
    for len in 1..=3 {
        let Some(start) = i.checked_sub(len) else {
            break;
        };
        if !own(start) {
            break;
        }
        // ("(CZK-0.6 bn)": a code's signed amount, a fall, not a name like "F-16")
        let signed_code = len == 1
            && tokens[start].text.len() == 3
            && text[tokens[start].start..tokens[start].end]
                .chars()
                .all(|c| c.is_ascii_uppercase());
        if let Some((code, n)) = lexicon.currency_at(tokens, start)
            && n == len
            && (gap_is(text, &tokens[i - 1], t, &['.'])
                || (signed_code && text[tokens[i - 1].end..t.start] == *"-"))
        {
            currency = Some(code);
            first = start;
            break;
        }
    }
    // A range: "$10–12 billion", "$10-$12 billion".
    let scale_at = |j: usize| -> Option<u32> {
        let s = tokens.get(j)?;
        if !same_sentence(j) {
            return None;
        }
        let scale = *lexicon.scales.get(&s.text)?;
        // One-letter scales ("m", "b", "k") only glued to the number, after a currency, or
        // right before one ("315 M€", "968 M EUR").
        let single = s.text.len() == 1;
        let currency_next = same_sentence(j + 1)
            && lexicon.currency_at(tokens, j + 1).is_some()
            && tokens
                .get(j + 1)
                .is_some_and(|c| text[s.end..c.start].chars().all(|ch| ch == ' '));
        (!single || glued(&tokens[j - 1], s) || currency.is_some() || currency_next)
            .then_some(scale)
    };
    if scale_at(last + 1).is_none()
        && let Some(next) = tokens.get(last + 1).filter(|_| same_sentence(last + 1))
    {
        let next_number = if next.is_number {
            Some(last + 1)
        } else if lexicon
            .currency_at(tokens, last + 1)
            .is_some_and(|(_, n)| n == 1)
            && tokens.get(last + 2).is_some_and(|n| n.is_number)
        {
            Some(last + 2)
        } else {
            None
        };
        // (Not a dash standing for a pause: "a 24 percent drop in 2009 -- $528 million";
        // nor a year before an amount: no range starts at a bare year.)
        let year_before = currency.is_none()
            && tokens[last].text.len() == 4
            && tokens[last]
                .text
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y));
        if let Some(j) = next_number
            && gap_is(text, &tokens[last], next, &['–', '-', '—'])
            && text[tokens[last].end..next.start].contains(['–', '-', '—'])
            && !text[tokens[last].end..next.start].contains("--")
            && !year_before
        {
            last = j;
        }
    }
    // "between $74 billion and $78 billion": one range.
    if i > 0 && (tokens[first.saturating_sub(1)].text == "between") {
        let mut j = last + 1;
        if scale_at(j).is_some() {
            j += 1;
        }
        if tokens
            .get(j)
            .is_some_and(|t| t.text == "and" && same_sentence(j))
        {
            let mut k = j + 1;
            if lexicon.currency_at(tokens, k).is_some_and(|(_, n)| n == 1) {
                k += 1;
            }
            if tokens
                .get(k)
                .is_some_and(|t| t.is_number && same_sentence(k))
            {
                last = k;
            }
        }
    }
    let mut scaled = false;
    if let Some(big) = scale_at(last + 1) {
        last += 1;
        scaled = true;
        // "1 billion 496 million USD", "3 billion and 638 million dollars": one amount in
        // two parts, the second under a thousand of the next smaller scale (read as
        // "1.496 billion").
        let and = usize::from(tokens.get(last + 1).is_some_and(|t| t.text == "and"));
        if last == i + 1
            && tokens[i].text.chars().all(|c| c.is_ascii_digit())
            && let Some(part) = tokens.get(last + 1 + and).filter(|t| {
                t.is_number
                    && t.text.len() <= 3
                    && t.text.chars().all(|c| c.is_ascii_digit())
                    && same_sentence(last + 1 + and)
                    && text[tokens[last].end..t.start] == *(if and == 1 { " and " } else { " " })
            })
            && scale_at(last + 2 + and).is_some_and(|small| small + 3 == big)
            && text[part.end..tokens[last + 2 + and].start] == *" "
        {
            last += 2 + and;
        }
    } else if broken_scale(text, tokens, last + 1) {
        // "$68 mil-lion": a scale word broken over a line end.
        last += 2;
        scaled = true;
    }
    // "US 69.38 billion": "US" before a scaled number is the dollar.
    if currency.is_none()
        && scaled
        && i > 0
        && own(i - 1)
        && tokens[i - 1].text == "us"
        && &text[tokens[i - 1].start..tokens[i - 1].end] == "US"
    {
        currency = Some("USD".to_string());
        first = i - 1;
    }
    // A currency after: "27.5 billion U.S. dollars", "3.2 trillion won" — with nothing but
    // space between ("Shs1.1 trillion (Ksh30.21b)": the Ksh is the next amount's).
    // (A one-letter currency after an unscaled number is no currency: "w 2021 r." is
    // Polish for "in the year 2021"; "500 €" stays euros.)
    let one_letter =
        |t: &Token| t.text.chars().count() == 1 && t.text.chars().all(char::is_alphabetic);
    if let Some((code, n)) = lexicon
        .currency_at(tokens, last + 1)
        .filter(|_| same_sentence(last + 1))
        .filter(|_| scaled || !one_letter(&tokens[last + 1]))
        // ("1.876 Mrd. Euro": a scale's short form, its full stop between)
        .filter(|_| {
            gap_is(
                text,
                &tokens[last],
                &tokens[last + 1],
                if scaled { &['.'] } else { &[] },
            )
        })
        && currency.is_none()
    {
        currency = Some(code);
        last += n;
        // "875.47 US$ Mn": the scale after the currency.
        if !scaled
            && same_sentence(last + 1)
            && tokens
                .get(last + 1)
                .is_some_and(|t| lexicon.scales.contains_key(&t.text))
            && gap_is(text, &tokens[last], &tokens[last + 1], &[])
        {
            last += 1;
            scaled = true;
        }
    } else if scaled
        && currency.is_none()
        && matches!(word(last + 1), "di" | "de" | "d")
        && same_sentence(last + 2)
        && let Some((code, n)) = lexicon.currency_at(tokens, last + 2)
    {
        // "14 miliardi di euro", "2.651 millones de dólares", "milliards d'euros".
        currency = Some(code);
        last += n + 1;
    } else if currency.is_none()
        && same_sentence(last + 2)
        && let Some((code, n)) = national_currency(lexicon, tokens, last + 1)
    {
        // "35.377 million Jordanian dinars": the named country's of a shared name.
        currency = Some(code);
        last += n;
    }
    let next = word(last + 1).to_string();
    let next2 = word(last + 2).to_string();
    if currency.is_none() {
        // "41.28pc", "5 pct": the press's short forms of "percent".
        // "per cento", "por ciento", "pour cent", "persen", "Prozent": the same in the languages of
        // the corpus.
        let percent = crate::verify::phrase::percent_words(tokens, last + 1);
        // (not across the end of the sentence: "1,28\n\n% ...")
        let percent = if (1..=percent).all(|k| same_sentence(last + k)) {
            percent
        } else {
            0
        };
        // "%28,8 artış": the sign before the number, as Turkish prints it.
        let sign_before = percent == 0
            && first == i
            && i > 0
            && tokens[i - 1].text == "%"
            && tokens[i - 1].end == tokens[i].start
            && same_sentence(i - 1)
            // (not the sign of the amount before: "1,28 %1,28", "1,28 billion %1,28")
            && (i < 2 || {
                let w = &tokens[i - 2];
                !w.is_number
                    && w.text.chars().all(|c| c.is_alphabetic() || c == '\'')
                    && !lexicon.scales.contains_key(&w.text)
                    && lexicon.currency_at(tokens, i - 2).is_none()
            });
        if sign_before {
            first = i - 1;
        }
        if percent > 0 || sign_before {
            last += percent;
            let after = word(last + 1);
            let points = matches!(after, "points" | "point" | "pp");
            if points {
                last += 1;
            }
            if rate_context(tokens, i, last, &same_sentence)
                || tax_changed(text, tokens, i, &same_sentence)
                || of_people(tokens, last, &same_sentence)
            {
                return Some(ignored(tokens, first, last, Ignored::Rate));
            }
            if other_money(text, tokens, sentence_of, first, &same_sentence) {
                return Some(ignored(tokens, first, last, Ignored::OtherMoney));
            }
            // "has targeted a 15% growth for Thai-Vietnamese trade in 2012": a goal.
            if forecast(text, tokens, first, &same_sentence) {
                return Some(ignored(tokens, first, last, Ignored::Forecast));
            }
            // "by 54% in value terms and by 24% in volume terms": a rate of quantities;
            // "while volume was up 14.5%", too.
            if quantity_rate(tokens, last, &same_sentence)
                || said_of_before(tokens, first, &same_sentence, QUANTITY_WORDS)
            {
                return Some(ignored(tokens, first, last, Ignored::Quantity));
            }
            // "boosted by a 4.2% increase in the average price": the rate of a price.
            if price_rate(tokens, last, &same_sentence)
                || said_of_before(tokens, first, &same_sentence, &["price", "prices"])
            {
                return Some(ignored(tokens, first, last, Ignored::Price));
            }
            let kind = if points {
                NumberKind::Points
            } else {
                NumberKind::Percent
            };
            return Some(stated(
                text,
                tokens,
                sentence_of,
                lexicon,
                first,
                last,
                kind,
            ));
        }
        if (next == "percentage" && matches!(next2.as_str(), "points" | "point")) || next == "pp" {
            last += if next == "pp" { 1 } else { 2 };
            return Some(stated(
                text,
                tokens,
                sentence_of,
                lexicon,
                first,
                last,
                NumberKind::Points,
            ));
        }
        // "multiplied by 4", "multipliées par 30", "multiplicado por 3": a multiple.
        if multiplied_before(tokens, i, &same_sentence) {
            return Some(stated(
                text,
                tokens,
                sentence_of,
                lexicon,
                i - 2,
                last,
                NumberKind::Multiple,
            ));
        }
        // ("4,8 veces más", "3 vezes", "deux fois", "cinque volte")
        if matches!(
            next.as_str(),
            "times" | "fold" | "veces" | "vezes" | "fois" | "volte"
        ) {
            last += 1;
            if other_money(text, tokens, sentence_of, first, &same_sentence) {
                return Some(ignored(tokens, first, last, Ignored::OtherMoney));
            }
            return Some(stated(
                text,
                tokens,
                sentence_of,
                lexicon,
                first,
                last,
                NumberKind::Multiple,
            ));
        }
    }
    if let Some(why) = not_money(text, tokens, i, last, &next, currency.is_some()) {
        return Some(ignored(tokens, first, last, why));
    }
    if currency.is_none() && !scaled {
        return Some(ignored(tokens, first, last, bare_reason(text, tokens, i)));
    }
    // A one-letter currency ("N2.56 trillion" in naira, "R37bn") counts with a scale
    // only: "the N2 highway" is a name.
    if !scaled
        && first < i
        && tokens[first].text.chars().count() == 1
        && glued(&tokens[first], t)
        && tokens[first].text.chars().all(char::is_alphabetic)
    {
        return Some(ignored(tokens, first, last, Ignored::Name));
    }
    if !scaled
        && (price_said(tokens, first, last, &same_sentence)
            || exchange_rate(text, tokens, first, last, &same_sentence))
    {
        return Some(ignored(tokens, first, last, Ignored::Price));
    }
    if matches!(
        next.as_str(),
        "mark" | "threshold" | "barrier" | "milestone" | "level" | "record"
    ) || threshold_before(tokens, first, &same_sentence)
    {
        return Some(ignored(tokens, first, last, Ignored::Threshold));
    }
    // "narrower than the $6.05 billion forecast in a Reuters poll": a forecast said after
    // the amount, by whom or where.
    let forecast_after = matches!(
        next.as_str(),
        "forecast" | "forecasted" | "predicted" | "expected" | "projected"
    ) && matches!(next2.as_str(), "in" | "by");
    if forecast_after || forecast(text, tokens, first, &same_sentence) {
        return Some(ignored(tokens, first, last, Ignored::Forecast));
    }
    if other_money(text, tokens, sentence_of, first, &same_sentence) {
        return Some(ignored(tokens, first, last, Ignored::OtherMoney));
    }
    Some(Number {
        printed: tokens[first].start..tokens[last].end,
        phrase: tokens[hedge_start(tokens, lexicon, first, &same_sentence)].start..tokens[last].end,
        tokens: first..last + 1,
        kind: NumberKind::Amount { currency, scaled },
        lead: None,
        borrowed: None,
    })
}

fn ignored(tokens: &[Token], first: usize, last: usize, why: Ignored) -> Number {
    let printed = tokens[first].start..tokens[last].end;
    Number {
        printed: printed.clone(),
        phrase: printed,
        tokens: first..last + 1,
        kind: NumberKind::Ignored(why),
        lead: None,
        borrowed: None,
    }
}

/// Why a number with a currency or a scale is still no money: "1.2 million tonnes",
/// "F-16", "2019" (a year), "48 hours".
fn not_money(
    text: &str,
    tokens: &[Token],
    i: usize,
    last: usize,
    next: &str,
    has_currency: bool,
) -> Option<Ignored> {
    let t = &tokens[i];
    if QUANTITY.contains(&next) {
        return Some(Ignored::Quantity);
    }
    if has_currency {
        return None;
    }
    if name_before(text, t) {
        return Some(Ignored::Name);
    }
    // "a population of 1.2 million (12 lakh)", "1.5 million people": people, not money.
    let people = |w: &str| PEOPLE.contains(&w);
    let in_sentence = |j: usize| {
        (j..i).all(|k| !text[tokens[k].end..tokens[k + 1].start].contains(['.', ';', '!', '?']))
    };
    // ("423 thousand Romanian tourists": one word may stand between)
    let after_next = tokens.get(last + 2).map_or("", |t| t.text.as_str());
    if people(next)
        || people(after_next)
        || (i.saturating_sub(5)..i).any(|j| people(tokens[j].text.as_str()) && in_sentence(j))
    {
        return Some(Ignored::Count);
    }
    if last == i {
        return Some(bare_reason(text, tokens, i));
    }
    None
}

/// Words that make an amount a forecast or target, said before it in its clause.
const FORECAST_WORDS: &[&str] = &[
    "predict",
    "predicted",
    "predicting",
    "predicts",
    "forecast",
    "forecasts",
    "forecasting",
    "expected",
    "expects",
    "expecting",
    "projected",
    "projects",
    "projecting",
    "projection",
    "target",
    "targets",
    "targeted",
    "targeting",
    "aims",
    "aiming",
    "goal",
    "should",
    "will",
    "would",
    "could",
    "may",
    "might",
    "hope",
    "hopes",
    "hoping",
    "aim",
    "aimed",
    "intend",
    "intends",
    "seek",
    "seeks",
    "ambition",
    "plan",
    "plans",
    "planned",
    "envisages",
    "envisaged",
    "envisioned",
    "potential",
    "optimistic",
    "eyeing",
    "eye",
    "eyes",
    "pledged",
    // it, es, pt, fr, de: "obiettivo superamento 4 mld euro"
    "obiettivo",
    "objetivo",
    "objectif",
    "meta",
    "ziel",
    // a future: "supondrá a final de año ... más de 70.000 millones", "deverá atingir",
    // "atteindra"
    "supondrá",
    "alcanzará",
    "superará",
    "llegará",
    "prevé",
    "previsto",
    "prevista",
    "atingirá",
    "deverá",
    "prevê",
    "atteindra",
    "prévoit",
    "raggiungerà",
];

/// Money that is not trade, named as the subject of an amount or a rate.
const OTHER_MONEY: &[&str] = &[
    "investment",
    "investments",
    "invested",
    "investor",
    "investors",
    "fdi",
    "remittances",
    "remittance",
    "transfers",
    "loan",
    "loans",
    "lending",
    "aid",
    "grant",
    "grants",
    "debt",
    "reserves",
    "budget",
    "gdp",
    // "FDI from Israel to Cyprus, in 2023 stocks, reached €6.75 billion" (not "rolling
    // stock")
    "stocks",
    "capitalisation",
    "capitalization",
    "tourism",
    "salary",
    "salaries",
    "wages",
    // "tariff free, representing savings of around 78.4 million NZ dollars"
    "savings",
    // it, es, pt, fr
    "investimenti",
    "investiti",
    "capitali",
    "fatturato",
    "inversión",
    "inversiones",
    "investimentos",
    "investimento",
    "investissements",
    "remesas",
    "préstamos",
];

/// Words that say an amount is trade after all ("exports of the investment goods").
const TRADE_WORDS: &[&str] = &[
    "trade",
    "export",
    "exports",
    "exported",
    "import",
    "imports",
    "imported",
    "turnover",
    "shipments",
    "surplus",
    "deficit",
    "balance",
];

/// Whether an amount or rate is said of money other than trade: an `OTHER_MONEY` word before
/// it in its clause (up to twelve words, not past a comma but the one before "reaching",
/// "amounting to": "investments grew by 30.3%, reaching $179.9m"), with no trade word
/// between.
fn other_money(
    text: &str,
    tokens: &[Token],
    sentence_of: &[usize],
    first: usize,
    same: &dyn Fn(usize) -> bool,
) -> bool {
    let said_of = |words: &mut dyn Iterator<Item = String>| {
        for w in words {
            if TRADE_WORDS.contains(&w.as_str()) {
                return false;
            }
            if OTHER_MONEY.contains(&w.as_str()) {
                return true;
            }
        }
        false
    };
    // "Outward stock of FDI (2019): £26.1 billion": a label before a colon on its line.
    let before = text[..tokens[first].start].trim_end();
    if let Some(label) = before.strip_suffix(':') {
        let line = &label[label.rfind('\n').map_or(0, |i| i + 1)..];
        if said_of(
            &mut line
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase),
        ) {
            return true;
        }
    }
    // "43 per cent of Thailand's total FDI applications": what the share is of.
    let mut j = first;
    while j < tokens.len() && j < first + 3 && !tokens[j].text.eq("of") {
        j += 1;
    }
    if j < tokens.len() && tokens[j].text == "of" && same(j) {
        let mut of = tokens[j + 1..]
            .iter()
            .enumerate()
            .take_while(|(k, _)| same(j + 1 + k))
            .take(6)
            .map(|(_, t)| t.text.clone());
        if said_of(&mut of) {
            return true;
        }
    }
    // "foreign direct investment (FDI) to Tanzania", "in Tanzania (stock) was": brackets
    // round one word are no cut.
    let one_word = |j: usize| {
        let t = &tokens[j];
        text[..t.start].ends_with('(') && text[t.end..].starts_with(')')
    };
    let mut k = first;
    while k > 0 && first - k < 16 && same(k - 1) {
        let gap = &text[tokens[k - 1].end..tokens[k].start];
        let bracket = gap.contains(['(', ')']) && !one_word(k - 1) && !one_word(k);
        // "net investor behind United States, 2.295 billion Euros and Netherlands, 1.393
        // billion Euros": a list of names each with its amount is no cut.
        let named_item = gap.trim() == ","
            && tokens[k].is_number
            && text[tokens[k - 1].start..].starts_with(char::is_uppercase);
        if (gap.contains([',', ';', '.']) || bracket) && !named_item {
            let leads_to_it = first - k <= 3
                && matches!(
                    tokens[k].text.as_str(),
                    "reaching"
                        | "reached"
                        | "amounting"
                        | "totalling"
                        | "totaling"
                        | "standing"
                        | "hitting"
                        | "with"
                        // "... was $1.4 billion in 2022, a 3.5 percent increase": a rate
                        // set beside the amount speaks of it.
                        | "a"
                        | "an"
                );
            if !leads_to_it || text[tokens[k - 1].end..tokens[k].start].contains([';', '.']) {
                // ("That is an almost 15-fold increase over 2002 (up from $4.1 million)":
                // an aside in brackets speaks of the sentence's subject.)
                let mut start = k;
                while start > 0 && same(start - 1) {
                    start -= 1;
                }
                return gap.contains('(')
                    && !gap.contains([',', ';', '.'])
                    && pronoun_of_other_money(tokens, sentence_of, start, 2);
            }
        }
        k -= 1;
        let w = tokens[k].text.as_str();
        if TRADE_WORDS.contains(&w) {
            return false;
        }
        // Sales at home ("Sales in Ecuador grow by 13%", "domestic sales"); "sales to
        // Japan" are exports.
        let domestic = k > 0 && matches!(tokens[k - 1].text.as_str(), "domestic" | "retail");
        if w == "sales" && (tokens.get(k + 1).is_some_and(|t| t.text == "in") || domestic) {
            return true;
        }
        if OTHER_MONEY.contains(&w) {
            return true;
        }
    }
    // "A major increase is also observed in Polish investments in Belarus. These went up
    // from $32.7 million ...": a sentence whose subject is a pronoun speaks of what the
    // sentence before it spoke of.
    first - k < 16 && (k == 0 || !same(k - 1)) && pronoun_of_other_money(tokens, sentence_of, k, 2)
}

/// Whether the sentence starting at token `start` opens with a pronoun ("These went up",
/// "That is an almost 15-fold increase") and the sentence before it is about money other
/// than trade (an `OTHER_MONEY` word and no trade word), following such pronouns back
/// `depth` sentences.
fn pronoun_of_other_money(
    tokens: &[Token],
    sentence_of: &[usize],
    start: usize,
    depth: usize,
) -> bool {
    let opening = tokens.get(start).map_or("", |t| t.text.as_str());
    if depth == 0 || start == 0 || !matches!(opening, "these" | "they" | "this" | "that" | "it") {
        return false;
    }
    // The tokens of the sentence before.
    let before = sentence_of.get(start - 1);
    let from = (0..start)
        .rev()
        .take_while(|&j| sentence_of.get(j) == before)
        .last()
        .unwrap_or(start);
    let words = &tokens[from..start];
    if words.iter().any(|t| TRADE_WORDS.contains(&t.text.as_str())) {
        return false;
    }
    words.iter().any(|t| OTHER_MONEY.contains(&t.text.as_str()))
        || pronoun_of_other_money(tokens, sentence_of, from, depth - 1)
}

/// Verbs whose infinitive says a goal: "to expand that to $10 billion", "to raise trade
/// to $5bn" ("rose 12% to reach $5bn" is what happened: "reach" is not one).
const GOAL_VERBS: &[&str] = &[
    "increase", "expand", "raise", "boost", "double", "triple", "bring", "lift", "push", "grow",
    "take",
];

/// The same verbs said of a goal as a noun's complement: "commitment to increasing trade to
/// $5 billion", "the possibility of increasing the trade volume to $5 billion".
const GOAL_GERUNDS: &[&str] = &[
    "increasing",
    "expanding",
    "raising",
    "boosting",
    "doubling",
    "tripling",
    "bringing",
    "lifting",
    "pushing",
    "growing",
    "taking",
];

/// Whether an amount is a forecast: a forecast word before it in its clause, or a goal
/// verb's infinitive ("to expand that to $10 billion"), up to twelve words back, not past
/// a comma.
fn forecast(text: &str, tokens: &[Token], first: usize, same: &dyn Fn(usize) -> bool) -> bool {
    // The goal's amount is the one it goes "to" ("... stands at $7 billion today to expand
    // that to $10 billion": $7 billion is no goal).
    let mut t = first;
    while t > 0
        && same(t - 1)
        && matches!(
            tokens[t - 1].text.as_str(),
            "about" | "nearly" | "almost" | "around" | "over" | "some" | "just" | "roughly"
        )
    {
        t -= 1;
    }
    let goes_to = t > 0 && same(t - 1) && tokens[t - 1].text == "to";
    // "to double annual bilateral trade from the current $9.2 billion": the goal's
    // starting point is what is, not a forecast.
    let mut b = t;
    while b > 0
        && same(b - 1)
        && matches!(tokens[b - 1].text.as_str(), "the" | "current" | "present")
    {
        b -= 1;
    }
    let from_now = b > 0
        && same(b - 1)
        && tokens[b - 1].text == "from"
        && (t > b
            || matches!(
                tokens.get(b).map(|t| t.text.as_str()),
                Some("current" | "present")
            ));
    if from_now
        || (t > 0 && same(t - 1) && matches!(tokens[t - 1].text.as_str(), "current" | "currently"))
    {
        return false;
    }
    let mut k = first;
    // "... would likely reach $34.9 billion in 2014, including $29.4 billion from exports":
    // a part of a forecast is forecast too (past one comma, after "including", "of which").
    let mut past_comma = false;
    while k > 0 && first - k < 16 && same(k - 1) {
        if text[tokens[k - 1].end..tokens[k].start].contains([',', ';', '(', ')', '.']) {
            let part_words = tokens[k..first]
                .iter()
                .all(|t| matches!(t.text.as_str(), "including" | "of" | "which"));
            let comma = text[tokens[k - 1].end..tokens[k].start].trim() == ",";
            if past_comma || !comma || !part_words || k == first {
                return false;
            }
            past_comma = true;
        }
        k -= 1;
        let w = tokens[k].text.as_str();
        // "the trend is expected to continue as the first three months of the year saw Nu
        // 22bn in trade deficit": a clause of its own, past the conjunction.
        let next = tokens.get(k + 1).map_or("", |t| t.text.as_str());
        if matches!(w, "because" | "while" | "whereas" | "but")
            || (w == "as" && matches!(next, "the" | "a" | "an" | "its" | "their"))
        {
            return false;
        }
        // "January to May 2024": the month, not the verb.
        let month = w == "may" && text[tokens[k].start..tokens[k].end].starts_with('M');
        // "It should be noted that the trade turnover amounted to $667.8": a remark, no
        // forecast.
        let remark = matches!(w, "should" | "must")
            && tokens.get(k + 1).is_some_and(|t| t.text == "be")
            && tokens.get(k + 2).is_some_and(|t| {
                matches!(
                    t.text.as_str(),
                    "noted" | "mentioned" | "recalled" | "stressed" | "emphasized" | "added"
                )
            });
        if FORECAST_WORDS.contains(&w) && !month && !remark {
            return true;
        }
        if goes_to && GOAL_VERBS.contains(&w) && k > 0 && tokens[k - 1].text == "to" && same(k - 1)
        {
            return true;
        }
        if goes_to
            && GOAL_GERUNDS.contains(&w)
            && k > 0
            && matches!(tokens[k - 1].text.as_str(), "to" | "of")
            && same(k - 1)
        {
            return true;
        }
    }
    false
}

/// Letters glued to the number, or joined by a hyphen: F-16, G20, COVID-19, Su-35.
fn name_before(text: &str, t: &Token) -> bool {
    let before = &text[..t.start];
    before.ends_with(|c: char| c.is_alphabetic())
        || (before.ends_with('-')
            && before[..before.len() - 1].ends_with(|c: char| c.is_alphabetic()))
        || before.ends_with('#')
}

/// Why a plain number (no currency, no scale) is no trade figure.
fn bare_reason(text: &str, tokens: &[Token], i: usize) -> Ignored {
    let t = &tokens[i];
    let digits: String = t.text.chars().filter(char::is_ascii_digit).collect();
    let after = &text[t.end..];
    let next = tokens.get(i + 1).map_or("", |n| n.text.as_str());
    let prev = i.checked_sub(1).map_or("", |p| tokens[p].text.as_str());
    if name_before(text, t) {
        return Ignored::Name;
    }
    if ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| after.starts_with(s))
    {
        return Ignored::Rank;
    }
    // "48-hour", "12-year", "130-kilometre"
    if let Some(rest) = after.strip_prefix('-') {
        let w: String = rest
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if TIME.contains(&w.as_str()) || TIME.contains(&format!("{w}s").as_str()) {
            return Ignored::Duration;
        }
        if DISTANCE.contains(&w.as_str()) || DISTANCE.contains(&format!("{w}s").as_str()) {
            return Ignored::Distance;
        }
    }
    let is_year = digits.len() == 4
        && !t.text.contains([',', '.'])
        && digits
            .parse::<i32>()
            .is_ok_and(|y| (1800..=2100).contains(&y));
    if is_year {
        return Ignored::Year;
    }
    let small = digits.len() <= 2 && !t.text.contains('.');
    if small
        && (MONTH_WORDS.contains(&prev)
            || MONTH_WORDS.contains(&next)
            || month_abbr(prev)
            || month_abbr(next))
    {
        return Ignored::Date;
    }
    if TIME.contains(&next) {
        return Ignored::Duration;
    }
    if DISTANCE.contains(&next) {
        return Ignored::Distance;
    }
    if QUANTITY.contains(&next) {
        return Ignored::Quantity;
    }
    if matches!(prev, "no" | "number" | "code" | "id" | "ref")
        || (digits.len() >= 5 && !t.text.contains([',', '.']))
    {
        return Ignored::Code;
    }
    if matches!(prev, "ranked" | "rank" | "top" | "place") {
        return Ignored::Rank;
    }
    Ignored::Count
}

fn month_abbr(w: &str) -> bool {
    matches!(
        w,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Whether a percentage is a tariff, tax or other rate rather than a statement about trade
/// values: a rate word just before or after it.
/// Whether the words right after a rate say it counts quantities, not money: "24% in volume
/// terms", "108,1% en cuanto a cantidad", "by volume", "in terms of quantity" (up to the
/// next number; "46 percent of the total volume" and "in trade volume" are money).
/// Words of a quantity traded, not its value.
const QUANTITY_WORDS: &[&str] = &[
    "volume",
    "volumes",
    "quantity",
    "quantities",
    "tonnage",
    "cantidad",
    "volumen",
    "quantité",
    "volumi",
    "quantidade",
    "menge",
];

/// Whether the rate starting at token `first` is said of one of `nouns` just before it,
/// only a verb between: "while volume was up 14.5%", "prices rose 3%".
fn said_of_before(
    tokens: &[Token],
    first: usize,
    same: &dyn Fn(usize) -> bool,
    nouns: &[&str],
) -> bool {
    const BETWEEN: &[&str] = &[
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "been",
        "also",
        "up",
        "down",
        "rose",
        "fell",
        "grew",
        "increased",
        "decreased",
        "declined",
        "jumped",
        "dropped",
        "by",
    ];
    let mut j = first;
    while j > 0 && first - j < 5 && same(j - 1) {
        j -= 1;
        let w = tokens[j].text.as_str();
        if nouns.contains(&w) {
            // ("the trade volume increased by 12%": the value of trade)
            let of_trade = j > 0 && matches!(tokens[j - 1].text.as_str(), "trade" | "trading");
            return j + 1 < first && !of_trade;
        }
        if !BETWEEN.contains(&w) {
            return false;
        }
    }
    false
}

/// "a 4.2% increase in the average price", "a rise in prices of 3%": the rate of a price.
fn price_rate(tokens: &[Token], last: usize, same: &dyn Fn(usize) -> bool) -> bool {
    let word = |j: usize| tokens.get(j).map_or("", |t| t.text.as_str());
    (last + 1..last + 6)
        .take_while(|&j| j < tokens.len() && same(j) && !tokens[j].is_number)
        .any(|j| {
            matches!(word(j), "price" | "prices")
                && (matches!(word(j - 1), "in" | "average" | "unit")
                    || (word(j - 1) == "the" && word(j - 2) == "in"))
        })
}

fn quantity_rate(tokens: &[Token], last: usize, same: &dyn Fn(usize) -> bool) -> bool {
    let word = |j: usize| tokens.get(j).map_or("", |t| t.text.as_str());
    (last + 1..last + 7)
        .take_while(|&j| j < tokens.len() && same(j) && !tokens[j].is_number)
        .any(|j| {
            let quantity = QUANTITY_WORDS.contains(&word(j));
            let said_as_measure = match word(j - 1) {
                "in" | "by" | "en" | "em" | "a" => true,
                "of" => word(j - 2) == "terms",
                _ => false,
            };
            quantity && said_as_measure
        })
}

fn rate_context(tokens: &[Token], first: usize, last: usize, same: &dyn Fn(usize) -> bool) -> bool {
    let before = (first.saturating_sub(3)..first).filter(|&j| same(j));
    let after = (last + 1..last + 3).filter(|&j| same(j) && j < tokens.len());
    // "a growth rate of 5%", "has grown at a rate of 15 per cent": the rate of a growth.
    let of_growth = |j: usize| {
        let w = |k: Option<usize>| {
            k.filter(|&k| same(k))
                .map_or("", |k| tokens[k].text.as_str())
        };
        // ("surged at an average rate of 22.2% annually", "declined at a rate of 3%": any
        // verb of change the lexicon knows)
        let lexicon = Lexicon::built_in();
        let growth = |x: &str| {
            matches!(x, "growth" | "grown" | "grew" | "growing" | "risen") || lexicon.moves(x)
        };
        // ("increased at an annualized rate of 13.7 percent", "an average annual growth
        // rate of 5%": the words of an average between)
        let mut k = j;
        while k > 0
            && j - k < 4
            && matches!(
                w(Some(k - 1)),
                "annual"
                    | "annualized"
                    | "annualised"
                    | "average"
                    | "compound"
                    | "compounded"
                    | "yearly"
                    | "cumulative"
            )
        {
            k -= 1;
        }
        growth(w(k.checked_sub(1)))
            || (matches!(w(k.checked_sub(1)), "a" | "an")
                && w(k.checked_sub(2)) == "at"
                && growth(w(k.checked_sub(3))))
            || (w(Some(j + 1)) == "of" && matches!(w(Some(j + 2)), "growth" | "increase"))
    };
    // "a coverage rate of 35.6 per cent": exports over imports, a trade ratio.
    let of_coverage = |j: usize| {
        j > 0
            && same(j - 1)
            && super::relations::COVERAGE_WORDS.contains(&tokens[j - 1].text.as_str())
    };
    before.chain(after).any(|j| {
        let word = tokens[j].text.as_str();
        RATE_WORDS.contains(&word)
            && !(matches!(word, "rate" | "rates") && (of_growth(j) || of_coverage(j)))
    })
}

/// "some 40 percent of its 2.9 million population live in poverty": a share of people.
fn of_people(tokens: &[Token], last: usize, same: &dyn Fn(usize) -> bool) -> bool {
    let word = |j: usize| {
        tokens
            .get(j)
            .filter(|_| same(j))
            .map_or("", |t| t.text.as_str())
    };
    word(last + 1) == "of"
        && (last + 2..last + 7)
            .take_while(|&j| !matches!(word(j), "" | "and" | "or"))
            .any(|j| PEOPLE.contains(&word(j)))
}

/// "cut import duty on wheat imports from 35 per cent to 10 per cent": a rate a tax word
/// further back in its clause is changed from or to (past other rates, not past a comma;
/// not "duty-free").
fn tax_changed(text: &str, tokens: &[Token], first: usize, same: &dyn Fn(usize) -> bool) -> bool {
    const TAXES: &[&str] = &[
        "tariff", "tariffs", "duty", "duties", "tax", "taxes", "levy", "levies", "vat",
    ];
    let mut j = first;
    while j > 0 && first - j < 10 && same(j - 1) {
        if text[tokens[j - 1].end..tokens[j].start].contains([',', ';', '(', ')']) {
            return false;
        }
        j -= 1;
        let w = tokens[j].text.as_str();
        if TAXES.contains(&w) {
            let next = tokens.get(j + 1).map_or("", |t| t.text.as_str());
            return !matches!(next, "free" | "exemption" | "exemptions" | "exempt");
        }
    }
    false
}

/// The first token of a hedge directly before `first` ("nearly", "more than").
fn hedge_start(
    tokens: &[Token],
    lexicon: &Lexicon,
    first: usize,
    same: &dyn Fn(usize) -> bool,
) -> usize {
    lexicon
        .hedges
        .iter()
        .find_map(|h| {
            let n = h.word.split_whitespace().count();
            let s = first.checked_sub(n)?;
            let fits = (0..n).all(|k| {
                same(s + k) && Some(tokens[s + k].text.as_str()) == h.word.split_whitespace().nth(k)
            });
            // "increased by 11.1 percent – up to $3.4 million": after a rate or a verb of
            // change, "up to" says the new value, not a bound.
            let new_value = h.word == "up to"
                && s > 0
                && same(s - 1)
                && (matches!(
                    tokens[s - 1].text.as_str(),
                    "%" | "percent" | "cent" | "pct"
                ) || lexicon.moves(&tokens[s - 1].text));
            // "stood at MVR 216 million in November 2023 over MVR 165 million": after an
            // amount or its period, "over" sets a base against it, no bound.
            let compared = h.word == "over"
                && s > 0
                && same(s - 1)
                && (tokens[s - 1].is_number
                    || lexicon.scales.contains_key(&tokens[s - 1].text)
                    || matches!(
                        tokens[s - 1].text.as_str(),
                        "year" | "period" | "quarter" | "month" | "months" | "half"
                    ));
            (fits && !new_value && !compared).then_some(s)
        })
        .unwrap_or(first)
}

/// A percentage, point change or multiple with the words that state it: a direction word
/// up to five words before ("rose by nearly 12%"), a hedge, and a direction word after
/// ("12% higher", "a threefold increase").
fn stated(
    text: &str,
    tokens: &[Token],
    sentence_of: &[usize],
    lexicon: &Lexicon,
    first: usize,
    last: usize,
    kind: NumberKind,
) -> Number {
    let same = |j: usize| sentence_of.get(j) == sentence_of.get(first);
    let mut start = hedge_start(tokens, lexicon, first, &same);
    let mut lead = None;
    let mut j = start;
    while j > 0 && start - j < 5 && same(j - 1) {
        j -= 1;
        let w = tokens[j].text.as_str();
        if tokens[j].is_number || lexicon.currency_at(tokens, j).is_some() {
            break;
        }
        let idiom = w == "up"
            && j > 0
            && matches!(
                tokens[j - 1].text.as_str(),
                "made" | "make" | "makes" | "making" | "took" | "takes" | "broken" | "break"
            );
        if lexicon.moves(w) && !idiom {
            // "a recovery from the previous year's downturn by 2.9%": a direction word of
            // another period's ("year's") is not the number's; the one said before "from"
            // is.
            if let Some(k) = possessed_direction(text, tokens, lexicon, j) {
                lead = Some(tokens[k].start..tokens[k].end);
                break;
            }
            // No comma between the direction word and the number.
            if !text[tokens[j].end..tokens[start].start].contains([',', ';', '.']) {
                start = j;
                // "a negative growth rate of 8.1%": a fall.
                if j > 0 && same(j - 1) && tokens[j - 1].text == "negative" {
                    start = j - 1;
                }
            }
            break;
        }
        if !BY_WORDS.contains(&w) {
            break;
        }
    }
    let mut end = last;
    // "21.8 per cent year-on-year growth": past the year-on-year, the direction after it.
    let said = |k: usize, w: &str| tokens.get(k).is_some_and(|t| same(k) && t.text == w);
    let year_on_year = (said(last + 1, "year") && said(last + 2, "on") && said(last + 3, "year"))
        || (said(last + 1, "y") && said(last + 2, "o") && said(last + 3, "y"));
    let from = if year_on_year
        && tokens
            .get(last + 4)
            .is_some_and(|t| same(last + 4) && lexicon.moves(&t.text))
    {
        end = last + 3;
        end
    } else {
        last
    };
    while end + 1 < tokens.len()
        && same(end + 1)
        && end - from < 2
        && gap_is(text, &tokens[end], &tokens[end + 1], &['-'])
    {
        let w = tokens[end + 1].text.as_str();
        if FOLLOWING_DIRECTION.contains(&w) || lexicon.moves(w) && end == from {
            end += 1;
        } else if w == "of"
            && end == from
            && tokens
                .get(end + 2)
                .is_some_and(|t| same(end + 2) && lexicon.moves(&t.text))
        {
            // "showing a 57.85% of growth"
            end += 2;
            break;
        } else if matches!(w, "year" | "on" | "y") && end - last < 3 {
            // "12% year-on-year"
            end += 1;
        } else if matches!(w, "annual" | "yearly")
            && tokens
                .get(end + 2)
                .is_some_and(|t| same(end + 2) && lexicon.moves(&t.text))
        {
            // "a 36 percent annual growth"
            end += 2;
        } else {
            break;
        }
    }
    // "a decline of the trade deficit in 2019 by 1.88%": a direction noun further back,
    // when "by" is right before the number.
    // (German too, the verb second: "die Importe wuchsen im ersten Halbjahr 2024 um ein
    // Fünftel")
    if lead.is_none()
        && start == first
        && first > 0
        && matches!(tokens[first - 1].text.as_str(), "by" | "um" | "на")
    {
        let mut k = first - 1;
        while k > 0 && first - k < 10 && same(k - 1) {
            k -= 1;
            let w = tokens[k].text.as_str();
            if text[tokens[k].end..tokens[k + 1].start].contains([',', ';', '(', ')']) {
                break;
            }
            if lexicon.moves(w) {
                lead = Some(tokens[k].start..tokens[k].end);
                break;
            }
        }
    }
    // "USD$369 million (6.9%) lower than": the comparison after the bracket.
    if lead.is_none()
        && start == first
        && text[..tokens[first].start].trim_end().ends_with('(')
        && let Some(next) = tokens
            .get(last + 1)
            .filter(|t| same(last + 1) && text[tokens[last].end..t.start].contains(')'))
        && matches!(
            next.text.as_str(),
            "lower" | "higher" | "less" | "more" | "up" | "down"
        )
    {
        lead = Some(next.start..next.end);
    }
    // "and Belarussian ones by 21.9 per cent (up to $1 billion)": a verb left out, the
    // direction said in the bracket after the rate.
    if lead.is_none()
        && start == first
        && first > 0
        && tokens[first - 1].text == "by"
        && let Some(next) = tokens
            .get(last + 1)
            .filter(|t| same(last + 1) && text[tokens[last].end..t.start].trim() == "(")
        && matches!(next.text.as_str(), "up" | "down")
    {
        lead = Some(next.start..next.end);
    }
    // German puts the verb last: "die Importe um 6,7 Prozent auf 20,06 Milliarden Dollar
    // gesunken" — "um" before the rate, the direction at the end of its clause.
    if lead.is_none()
        && start == first
        && end == last
        && first > 0
        && tokens[first - 1].text == "um"
    {
        lead = (last + 1..(last + 10).min(tokens.len()))
            .take_while(|&k| {
                same(k) && !text[tokens[k - 1].end..tokens[k].start].contains([',', ';'])
            })
            .find(|&k| {
                let w = tokens[k].text.as_str();
                lexicon.moves(w)
            })
            .map(|k| tokens[k].start..tokens[k].end);
    }
    // "imports and exports increased by 1.6% and 5.3%, respectively": a rate listed after
    // another takes the direction said before the list.
    if lead.is_none() && start == first && kind == NumberKind::Percent {
        let mut k = first;
        let mut listed = false;
        while k > 0 && first - k < 12 && same(k - 1) {
            k -= 1;
            let w = tokens[k].text.as_str();
            if w == "and" {
                listed = true;
            } else if tokens[k].is_number
                || matches!(w, "%" | "percent" | "per" | "cent" | "by" | "of")
            {
            } else if listed && lexicon.moves(w) {
                lead = Some(tokens[k].start..tokens[k].end);
                break;
            } else {
                break;
            }
        }
    }
    // "decreased by $7.4 billion (2.5 percent)": the direction before the bracketed amount
    // (also when the rate has its sign: "increased by €973 million (+5%)").
    let bracket_opens = text[..tokens[first].start]
        .trim_end()
        .trim_end_matches(['+', '-'])
        .ends_with('(');
    if start == first && bracket_opens {
        let mut saw_by = false;
        let mut k = first;
        while k > 0 && first - k < 8 && same(k - 1) {
            k -= 1;
            let w = tokens[k].text.as_str();
            if w == "by" {
                saw_by = true;
            } else if saw_by && lexicon.moves(w) {
                lead = Some(tokens[k].start..tokens[k].end);
                break;
            }
        }
    }
    // "(-2,5% para US$ 25,19 bilhões)", "+12.3%": a signed percentage is a change.
    let before = &text[..tokens[first].start];
    let sign = before
        .char_indices()
        .next_back()
        .filter(|&(_, c)| matches!(c, '+' | '-' | '\u{2212}'))
        .filter(|&(i, _)| {
            before[..i]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || c == '(')
        })
        .map(|(i, _)| i)
        .filter(|_| start == first && kind == NumberKind::Percent);
    Number {
        printed: tokens[first].start..tokens[last].end,
        phrase: sign.unwrap_or(tokens[start].start)..tokens[end].end,
        tokens: first..last + 1,
        kind,
        lead,
        borrowed: None,
    }
}

/// The direction word said before "from" when the one at `j` belongs to another period
/// ("recovery from the previous year's downturn"): its token.
fn possessed_direction(text: &str, tokens: &[Token], lexicon: &Lexicon, j: usize) -> Option<usize> {
    let possessive = j > 0 && {
        let head = text[..tokens[j].start].trim_end();
        head.ends_with("'s") || head.ends_with("’s")
    };
    if !possessive {
        return None;
    }
    let direction = |w: &str| lexicon.moves(w);
    (j.saturating_sub(7)..j)
        .rev()
        .find(|&k| k > 0 && tokens[k].text == "from" && direction(&tokens[k - 1].text))
        .map(|k| k - 1)
}

/// A number in words: "five-fold", "two times", "doubled", "a triple growth", "a third of".
fn read_word(
    text: &str,
    tokens: &[Token],
    sentence_of: &[usize],
    lexicon: &Lexicon,
    i: usize,
) -> Option<Number> {
    let t = &tokens[i];
    let same = |j: usize| sentence_of.get(j) == sentence_of.get(i) && j < tokens.len();
    let next = if same(i + 1) {
        tokens[i + 1].text.as_str()
    } else {
        ""
    };
    if lexicon.numbers.contains_key(&t.text) && matches!(next, "times" | "fold") {
        return Some(stated(
            text,
            tokens,
            sentence_of,
            lexicon,
            i,
            i + 1,
            NumberKind::Multiple,
        ));
    }
    // "six billion dollars", "more than six billion euro", "eine Milliarde Euro", "un
    // miliardo di euro": a number word, a scale and a currency after.
    // ("nine-point-nine billion dollars": from its whole part)
    let spoken =
        crate::verify::phrase::spoken_decimal(tokens, i, |w| lexicon.numbers.get(w).copied())
            .map(|(first, _)| first)
            .filter(|&first| same(first));
    // (not the whole part of a decimal said in words: its last word reads it)
    if same(i + 2)
        && crate::verify::phrase::spoken_decimal(tokens, i + 2, |w| lexicon.numbers.get(w).copied())
            .is_some()
    {
        return None;
    }
    let i0 = spoken.unwrap_or(i);
    if lexicon.numbers.contains_key(&t.text)
        && same(i + 1)
        && tokens[i + 1].text.chars().count() > 1
        && lexicon.scales.contains_key(&tokens[i + 1].text)
        && !text[t.end..tokens[i + 1].start].contains(['-', '–'])
    {
        let at = |j: usize| {
            same(j)
                .then(|| lexicon.currency_at(tokens, j))
                .flatten()
                .filter(|_| gap_is(text, &tokens[j - 1], &tokens[j], &['.']))
        };
        let currency = at(i + 2).map(|(code, n)| (code, i + 1 + n)).or_else(|| {
            (same(i + 2) && matches!(tokens[i + 2].text.as_str(), "di" | "de" | "d"))
                .then(|| at(i + 3).map(|(code, n)| (code, i + 2 + n)))
                .flatten()
        });
        if let Some((code, last)) = currency {
            if let Some(why) =
                not_money(text, tokens, i, last, next_word(tokens, last, &same), true)
            {
                return Some(ignored(tokens, i0, last, why));
            }
            if threshold_before(tokens, i0, &same) {
                return Some(ignored(tokens, i0, last, Ignored::Threshold));
            }
            if forecast(text, tokens, i0, &same) {
                return Some(ignored(tokens, i0, last, Ignored::Forecast));
            }
            if other_money(text, tokens, sentence_of, i0, &same) {
                return Some(ignored(tokens, i0, last, Ignored::OtherMoney));
            }
            return Some(Number {
                printed: tokens[i0].start..tokens[last].end,
                phrase: tokens[hedge_start(tokens, lexicon, i0, &same)].start..tokens[last].end,
                tokens: i0..last + 1,
                kind: NumberKind::Amount {
                    currency: Some(code),
                    scaled: true,
                },
                lead: None,
                borrowed: None,
            });
        }
    }
    // "multipliées par quatre", "multiplied by three"
    if lexicon.numbers.contains_key(&t.text) && multiplied_before(tokens, i, &same) {
        return Some(stated(
            text,
            tokens,
            sentence_of,
            lexicon,
            i - 2,
            i,
            NumberKind::Multiple,
        ));
    }
    let percent = crate::verify::phrase::percent_words(tokens, i + 1);
    if lexicon.numbers.contains_key(&t.text) && percent > 0 && (1..=percent).all(|k| same(i + k)) {
        return Some(stated(
            text,
            tokens,
            sentence_of,
            lexicon,
            i0,
            i + percent,
            NumberKind::Percent,
        ));
    }
    if lexicon.multiples.contains_key(&t.text) {
        // "double-digit", "triple-A": not a multiple.
        if text[t.end..].starts_with('-') && !text[t.end..].starts_with("-fold") {
            return None;
        }
        // "double negative rates of growth", "double digits", "double taxation": an
        // adjective of something else ("triple growth" stays a multiple).
        if tokens.get(i + 1).is_some_and(|n| {
            same(i + 1)
                && matches!(
                    n.text.as_str(),
                    "negative"
                        | "positive"
                        | "digit"
                        | "digits"
                        | "taxation"
                        | "tax"
                        | "standard"
                        | "standards"
                        | "whammy"
                        | "burden"
                        | "crown"
                )
        }) {
            return None;
        }
        return Some(stated(
            text,
            tokens,
            sentence_of,
            lexicon,
            i,
            i,
            NumberKind::Multiple,
        ));
    }
    // "a third of", "half of", "two-thirds of"; not "the first half".
    for (word, _) in &lexicon.shares {
        let words: Vec<&str> = word.split_whitespace().collect();
        if words.len() < 2 && !matches!(words.first(), Some(&"half")) {
            continue;
        }
        let fits = words
            .iter()
            .enumerate()
            .all(|(k, w)| same(i + k) && tokens[i + k].text == *w);
        // ("la mitad de", "die Hälfte der", "un terzo delle": "of" in es, pt, fr, de, it)
        let of_follows = same(i + words.len())
            && matches!(
                tokens[i + words.len()].text.as_str(),
                "of" | "de" | "das" | "dos" | "des" | "der" | "di" | "del" | "della" | "delle"
            );
        let prev = i.checked_sub(1).map_or("", |p| tokens[p].text.as_str());
        // "grew by nearly a third", "by more than a fifth", "um ein Fünftel", "di un terzo":
        // a change.
        let by_before = (i.saturating_sub(3)..i)
            .any(|j| same(j) && matches!(tokens[j].text.as_str(), "by" | "um" | "di" | "em"));
        if fits && (of_follows || by_before) && !matches!(prev, "first" | "second" | "last") {
            let last = i + words.len() - 1;
            if by_before && !of_follows {
                return Some(stated(
                    text,
                    tokens,
                    sentence_of,
                    lexicon,
                    i,
                    last,
                    NumberKind::ShareWord,
                ));
            }
            // "more than half of shipments": the hedge is part of what is said.
            let from = tokens[hedge_start(tokens, lexicon, i, &same)].start;
            return Some(Number {
                printed: t.start..tokens[last].end,
                phrase: from..tokens[last].end,
                tokens: i..last + 1,
                kind: NumberKind::ShareWord,
                lead: None,
                borrowed: None,
            });
        }
    }
    None
}

/// "exceeded the symbolic threshold of one billion euros", "the $10 billion mark of": a
/// threshold named right before the amount (its hedge aside).
fn threshold_before(tokens: &[Token], first: usize, same: &dyn Fn(usize) -> bool) -> bool {
    let word = |k: usize| {
        first
            .checked_sub(k)
            .filter(|&j| same(j))
            .map_or("", |j| tokens[j].text.as_str())
    };
    word(1) == "of" && matches!(word(2), "threshold" | "mark" | "milestone" | "barrier")
}

/// Whether an amount with no scale, tokens `first..=last`, is a unit's price: "price"
/// before it in its sentence ("the price of oil is around US$ 60, against US$ 145"),
/// or "per barrel", "a tonne" right after it.
fn price_said(tokens: &[Token], first: usize, last: usize, same: &dyn Fn(usize) -> bool) -> bool {
    let word = |j: usize| {
        tokens
            .get(j)
            .filter(|_| same(j))
            .map_or("", |t| t.text.as_str())
    };
    let before = (1..=first)
        .map(|k| first - k)
        .take_while(|&j| same(j))
        .any(|j| matches!(word(j), "price" | "prices" | "priced"));
    let per_unit = matches!(word(last + 1), "per" | "a" | "/")
        && matches!(
            word(last + 2),
            "barrel" | "bbl" | "tonne" | "ton" | "tons" | "tonnes" | "kg" | "kilogram" | "ounce"
        );
    before || per_unit
}

/// "(US$1.68 billion at $151=US$1)", "at Rs 83 to the dollar": the price of a currency.
fn exchange_rate(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    same: &dyn Fn(usize) -> bool,
) -> bool {
    let word = |j: usize| {
        tokens
            .get(j)
            .filter(|_| same(j))
            .map_or("", |t| t.text.as_str())
    };
    let equals_after =
        same(last + 1) && text[tokens[last].end..tokens[last + 1].start].trim() == "=";
    let equals_before = first > 0
        && same(first - 1)
        && text[tokens[first - 1].end..tokens[first].start].trim() == "=";
    let to_the_currency = matches!(word(last + 1), "to" | "per" | "a")
        && (2..=3).any(|k| matches!(word(last + k), "dollar" | "euro" | "pound" | "yen"));
    equals_after || equals_before || to_the_currency
}

/// The word after token `last` in its sentence, or "".
fn next_word<'a>(tokens: &'a [Token], last: usize, same: &dyn Fn(usize) -> bool) -> &'a str {
    if same(last + 1) {
        tokens.get(last + 1).map_or("", |t| t.text.as_str())
    } else {
        ""
    }
}

/// Whether token `i` follows "multiplied by" (`phrase::multiplied_by`) in its sentence.
fn multiplied_before(tokens: &[Token], i: usize, same: &dyn Fn(usize) -> bool) -> bool {
    i >= 2 && same(i - 2) && crate::verify::phrase::multiplied_by(tokens, i)
}

/// Reads each amount in a currency word several countries share ("Dh", "dirhams", "rupees")
/// as the currency of the one such country the text names (`countries`: ISO 3166 alpha-2
/// codes of the economies it names); the lexicon's default when it names none or several.
pub fn localise_shared_currencies(
    numbers: &mut [Number],
    tokens: &[Token],
    lexicon: &Lexicon,
    countries: &[String],
) {
    // The currency sits within the printed number or up to three tokens before it; said
    // with a country's adjective ("Jordanian dinars"), it is that country's already.
    let near = |number: &Number| {
        number.tokens.start.saturating_sub(3)..(number.tokens.end + 1).min(tokens.len())
    };
    let national = |number: &Number| {
        near(number)
            .any(|k| national_currency(lexicon, tokens, k).is_some() && number.tokens.contains(&k))
    };
    // "35.377 million Jordanian dinars ..., compared to 6.077 million dinars": the dinars
    // the text names outright are its other dinars too.
    let said: Vec<String> = numbers
        .iter()
        .filter(|number| national(number))
        .filter_map(|number| match &number.kind {
            NumberKind::Amount {
                currency: Some(code),
                ..
            } => Some(code.clone()),
            _ => None,
        })
        .collect();
    for number in numbers.iter_mut() {
        if national(number) {
            continue;
        }
        let range = near(number);
        let NumberKind::Amount {
            currency: Some(code),
            ..
        } = &mut number.kind
        else {
            continue;
        };
        let Some(choices) = range
            .filter_map(|k| lexicon.shared_currency_at(tokens, k))
            .map(|(choices, _)| choices)
            .find(|choices| choices.contains(code))
        else {
            continue;
        };
        let outright: Vec<&String> = choices.iter().filter(|c| said.contains(c)).collect();
        let named: Vec<&String> = choices
            .iter()
            .filter(|c| countries.iter().any(|iso2| c.starts_with(iso2.as_str())))
            .collect();
        if let [only] = outright.as_slice() {
            *code = (*only).clone();
        } else if let [only] = named.as_slice() {
            *code = (*only).clone();
        }
    }
}

/// A country's adjective and a currency name several countries share, at token `at`:
/// "Jordanian dinars", "Kuwaiti dinar", "Omani rials" — the code of that country, and how
/// many tokens name it.
fn national_currency(lexicon: &Lexicon, tokens: &[Token], at: usize) -> Option<(String, usize)> {
    let economy = super::resolve::economy_word(&tokens.get(at)?.text)?;
    let iso2 = crate::codes::lookup(&economy)?.iso2.clone();
    let (choices, n) = lexicon.shared_currency_at(tokens, at + 1)?;
    let code = choices.iter().find(|c| c.starts_with(iso2.as_str()))?;
    Some((code.clone(), n + 1))
}

/// "mil-lion", "bil-lion", "tril-lion" at token `j`: a scale word hyphenated where a line
/// broke (copied from print).
fn broken_scale(text: &str, tokens: &[Token], j: usize) -> bool {
    let (Some(head), Some(tail)) = (tokens.get(j), tokens.get(j + 1)) else {
        return false;
    };
    matches!(head.text.as_str(), "mil" | "bil" | "tril")
        && tail.text == "lion"
        && &text[head.end..tail.start] == "-"
}
