//! Giving each amount of an article its period, measure, owner and product.
//!
//! The period comes from the amount's clause, else its sentence, else the period in focus
//! (the last one named outright in an earlier sentence); "the same period last year" and
//! "a year earlier" are one year before the period in focus, "the following year" one year
//! after it. The measure comes from the nearest measure word in the clause, else the
//! sentence, else — for "this figure" — from the figure before. The owner is the economy
//! named with the measure word ("Russian exports", "exports from China", "imports from
//! Russia" are the other side's); a flow that names none keeps the side the text last
//! spoke from.

use std::collections::BTreeMap;
use std::ops::Range;

use super::numbers::NumberKind;
use super::resolve::{self, MeasureWord, Mention, PeriodWords, period_of, same_country};
use super::text;
use super::{Article, Figure, PeriodNote};
use crate::model::Period;
use crate::verify::claims::TradeMeasure;
use crate::verify::phrase::Token;

/// Words before a measure word that do not name a product ("total exports").
const NOT_PRODUCTS: &[&str] = &[
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "total",
    "overall",
    "annual",
    "monthly",
    "bilateral",
    "two",
    "way",
    "merchandise",
    "goods",
    "country's",
    "nation's",
    "overseas",
    "foreign",
    "quarterly",
    "combined",
    "all",
    "and",
    "of",
    "in",
    "to",
    "from",
    "with",
    "whose",
    "which",
    "that",
    "a",
    "an",
    "year's",
    "month's",
    "record",
    "net",
    "gross",
    "s",
    "country",
    "nation",
    "world",
    "global",
    "outbound",
    "inbound",
    "these",
    "those",
    "this",
    "such",
    "mutual",
    "direct",
    "official",
    "registered",
    "recorded",
    "visible",
    "commodity",
    "trade",
    "cross",
    "border",
    "border's",
    "china's",
    "total's",
    "as",
    "for",
    "by",
    "on",
    "at",
    "were",
    "was",
    "is",
    "are",
    "said",
    "while",
    "where",
    "whereas",
    "but",
    "also",
    "only",
    "same",
    "period",
    "year",
    "first",
    "half",
    "quarter",
    "months",
    "whole",
    "entire",
    "other",
    "main",
    "major",
    "key",
    "top",
    "largest",
    "rising",
    "falling",
    "growing",
    "declining",
    "higher",
    "lower",
    "strong",
    "weak",
    "new",
    "increased",
    "reduced",
    "its",
    "s",
    "u",
    "bilateral",
    "two-way",
    "nominal",
    "real",
];

/// Currency names that read as nouns ("in rand terms", "dollar exports").
const CURRENCY_WORDS: &[&str] = &[
    "rand", "dollar", "dollars", "yuan", "euro", "euros", "yen", "won", "rupee", "rupees", "pound",
    "pounds", "sterling", "ruble", "rouble", "lira", "renminbi", "value", "terms", "volume",
    "volumes",
];

/// Verbs that end the product words of an "of which" clause.
const PART_VERBS: &[&str] = &[
    "accounted",
    "account",
    "accounting",
    "were",
    "was",
    "made",
    "came",
    "amounted",
    "totalled",
    "totaled",
    "reached",
    "stood",
    "comprised",
    "worth",
    "represented",
    "is",
    "are",
    "at",
];

/// Whether the words at `span` are part of a name given its abbreviation in brackets: "the
/// International Merchandise Trade (IMT) Statistical Bulletin", "the Department of Trade
/// and Industry (DTI)" — no measure of a figure.
fn in_a_name(text: &str, tokens: &[crate::verify::phrase::Token], span: Range<usize>) -> bool {
    let capital = |k: usize| text[tokens[k].start..].starts_with(|c: char| c.is_uppercase());
    if !capital(span.start) || span.start == 0 || !capital(span.start - 1) {
        return false;
    }
    let abbreviated = |k: usize| {
        text[tokens[k].end..]
            .trim_start()
            .strip_prefix('(')
            .and_then(|r| r.split_once(')'))
            .is_some_and(|(abbr, _)| {
                (2..=6).contains(&abbr.len()) && abbr.chars().all(|c| c.is_ascii_uppercase())
            })
    };
    // The name runs on in capitals (and "and") to its bracket.
    let mut k = span.end - 1;
    loop {
        if abbreviated(k) {
            return true;
        }
        k += 1;
        if k >= tokens.len() || k > span.end + 2 || !(capital(k) || tokens[k].text == "and") {
            return false;
        }
    }
}

/// `mentions`: the economies the text names (`resolve::economies`).
pub(super) fn resolve(article: &mut Article, mentions: &[Mention], sentence_of: &[usize]) {
    let text = article.text.clone();
    let tokens = &article.tokens;
    let mut measures = resolve::measure_words(tokens);
    measures.retain(|m| !in_a_name(&text, tokens, m.tokens.clone()));
    choose_pair(article, mentions);
    let pair: Vec<String> = article
        .reporter
        .iter()
        .chain(&article.partner)
        .cloned()
        .collect();
    let tokens = &article.tokens;
    let home = home_economy(&text, tokens, mentions, &pair);

    let mut focus: Option<Period> = None;
    let mut focus_fiscal: Option<String> = None;
    // The first period the text names: what "the period under review" is.
    let mut reviewed: Option<(Period, Option<String>)> = None;
    // Months named without a year ("Between January and February, ..."): they hold for
    // the amounts of the next sentences that name no period, as a period in focus does.
    let mut focus_months: Option<(u8, u8)> = None;
    // The months of every part-year period named so far, while they are all the same:
    // `Some(None)` once two differ.
    let mut part_year: Option<Option<(u8, u8)>> = None;
    // The last sentence that named such a run of months.
    let mut part_year_said: Option<usize> = None;
    let mut last_measure: Option<TradeMeasure> = None;
    let mut figures: Vec<Figure> = Vec::new();
    for (s, sentence) in article.sentences.iter().enumerate() {
        let mut sentence_months: Option<(u8, u8)> = None;
        let range = token_range(sentence_of, s);
        let clauses = text::clauses(&text, sentence);
        let mut periods = resolve::periods(&text, tokens, range.clone());
        // "In 2022, these exports were valued at $17.5mn. The following year, exports
        // increased to $22.6mn": the year after the one in focus, as if named.
        for p in &mut periods {
            if let PeriodWords::YearAfter { years } = p.words
                && let Some(f) = focus.filter(|f| f.months() == 12)
            {
                p.words = PeriodWords::Absolute {
                    year: Some(f.year + i32::from(years)),
                    months: None,
                };
            }
        }
        // "in the first 10 months of 2005 and 2006": the year joined to months of a year
        // is those months of it.
        for k in 1..periods.len() {
            let (before, rest) = periods.split_at_mut(k);
            let (prev, p) = (&before[k - 1], &mut rest[0]);
            if let (
                PeriodWords::Absolute {
                    year: Some(_),
                    months: Some(months),
                },
                PeriodWords::Absolute {
                    year: Some(y),
                    months: None,
                },
            ) = (&prev.words, &p.words)
                && prev.fiscal.is_none()
                && p.fiscal.is_none()
                && matches!(
                    text[tokens[prev.tokens.end - 1].end..tokens[p.tokens.start].start].trim(),
                    "and" | "," | "y" | "et" | "e" | "und"
                )
            {
                p.words = PeriodWords::Absolute {
                    year: Some(*y),
                    months: Some(*months),
                };
            }
        }
        // "In the first half of 2022, exports were $364.4mn. By the first half of 2023 ...
        // The upward trajectory continued into 2024, with exports reaching $448.3mn": in a
        // text that has named only one run of months from January, a bare year is those
        // months of it — unless the sentence says the whole year, or opens with the year
        // ("In 2016, trade grew by 2.2 percent to $69.5 billion" after a quarter's figures:
        // a new subject).
        let whole_year = says_whole_year(&text[sentence.clone()].to_lowercase());
        let names_months = periods.iter().any(|p| {
            matches!(
                p.words,
                PeriodWords::Absolute {
                    months: Some(_),
                    ..
                }
            )
        });
        // Said in the sentence just before, in the same paragraph ("from 1 billion US
        // dollars in 2014" in a quote a paragraph after "in Q1 2021" is the year).
        let just_said = part_year_said.is_some_and(|p| {
            p + 1 == s && !text[article.sentences[p].end..sentence.start].contains('\n')
        });
        if let Some(Some(months)) = part_year
            && just_said
            && !whole_year
            && !names_months
        {
            for p in &mut periods {
                if let PeriodWords::Absolute {
                    year: Some(y),
                    months: None,
                } = p.words
                    && p.fiscal.is_none()
                    && p.tokens.start > range.start + 1
                {
                    p.words = PeriodWords::Absolute {
                        year: Some(y),
                        months: Some(months),
                    };
                }
            }
        }
        for p in &periods {
            if let PeriodWords::Absolute {
                months: Some(m), ..
            } = p.words
                && p.fiscal.is_none()
            {
                // Only a run from January ("the first eight months", "H1"): after "In June
                // 2024 ...", "in 2023" is the year.
                let year_to_date = m.0 == 1 && m.1 > 1 && m.1 < 12;
                if year_to_date {
                    part_year_said = Some(s);
                }
                part_year = match part_year {
                    _ if !year_to_date && m != (1, 12) => Some(None),
                    _ if !year_to_date => part_year,
                    None => Some(Some(m)),
                    Some(Some(k)) if k == m => Some(Some(m)),
                    _ => Some(None),
                };
            }
        }
        // "In the first half of this year, trade rose ... compared with the same period in
        // 2021": a base that names its year says which year "this year" is.
        let words = text[sentence.clone()].to_lowercase();
        if words.contains("this year") || words.contains("current year") {
            // ("... compared to the first semester of 2021 of 1.16 billion US dollars": a
            // base named outright too)
            let named_base = periods.iter().find_map(|p| match p.words {
                PeriodWords::SamePeriod { year: Some(y) } => Some(y),
                PeriodWords::Absolute { year: Some(y), .. }
                    if said_as_base(tokens, p, range.start) =>
                {
                    Some(y)
                }
                _ => None,
            });
            if let Some(this_year) = named_base.and_then(|y| Period::new(y + 1, 1, 12).ok()) {
                focus = Some(this_year);
                focus_fiscal = None;
            }
        }
        // A period in a clause opened by "from", "compared with", "than" is a base's.
        // "half-on-half", "quarter-on-quarter", "month-on-month" said since the amount
        // before `t`: a comparison with the months just before, not a year before.
        let sequential = |t: usize| {
            let from = article
                .numbers
                .iter()
                .map(|m| tokens[m.tokens.end - 1].end)
                .filter(|&e| e <= tokens[t].start)
                .filter(|&e| e < tokens[t].start.saturating_sub(1))
                .max()
                .unwrap_or(0)
                .max(sentence.start);
            let said = text[from..tokens[t].start].to_lowercase();
            super::text::SEQUENTIAL.iter().any(|w| said.contains(w))
                || said
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| matches!(w, "qoq" | "mom" | "hoh"))
        };
        let base_clause = |t: usize| {
            resolve::clause_of(&clauses, tokens, t).is_some_and(|c| {
                let words = text[clauses[c].clone()].trim_start().to_lowercase();
                // "From January through March 2020": a period, not a base ("a decrease of 8%
                // from January 2023" is one).
                let rest = words.strip_prefix("from").unwrap_or("").trim_start();
                let first_word = rest.split_whitespace().next().unwrap_or("");
                let run_of_months = super::text::MONTH_WORDS.iter().any(|m| rest.starts_with(m))
                    && (first_word.contains(['-', '–'])
                        || rest
                            .split(|c: char| !c.is_alphanumeric())
                            .filter(|w| !w.is_empty())
                            .skip(1)
                            .take(3)
                            .any(|w| matches!(w, "to" | "through" | "till" | "until" | "and")));
                if run_of_months || rest.starts_with("the first") {
                    return false;
                }
                // "earned US$6.3 billion from exports to ASEAN in 2006": where the money came
                // from, not a base.
                let source = rest
                    .split_whitespace()
                    .find(|w| !matches!(*w, "the" | "its" | "their" | "his" | "her"))
                    .is_some_and(|w| {
                        ["export", "import", "sale", "shipment", "trade"]
                            .iter()
                            .any(|f| w.starts_with(f))
                    });
                if words.starts_with("from") && source {
                    return false;
                }
                // The word just before the clause.
                let word_before = text[..clauses[c].start]
                    .trim_end()
                    .rsplit(|ch: char| !ch.is_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                // "imported more than 9 billion euro in 2003": a hedge, not a comparison
                // ("41 percent more than in 2021" is one).
                let hedge = matches!(word_before.as_str(), "more" | "less" | "fewer")
                    && !words
                        .strip_prefix("than")
                        .is_some_and(|rest| rest.trim_start().starts_with("in "));
                if words.starts_with("than") && hedge {
                    return false;
                }
                // "Imports from the US were valued at ...": where the goods came from (not
                // "a report from the Cambodian embassy").
                let after_flow = matches!(
                    word_before.as_str(),
                    "imports"
                        | "import"
                        | "imported"
                        | "purchases"
                        | "goods"
                        | "products"
                        | "shipments"
                        | "supplies"
                        | "deliveries"
                );
                if words.starts_with("from") && after_flow {
                    let from = clauses[c].start
                        + (text[clauses[c].clone()].len()
                            - text[clauses[c].clone()].trim_start().len());
                    let named_next = mentions.iter().any(|m| {
                        let at = tokens[m.tokens.start].start;
                        at > from && text[from..at].split_whitespace().count() <= 2
                    });
                    if named_next {
                        return false;
                    }
                }
                [
                    "from",
                    "compared",
                    "against",
                    "versus",
                    "than",
                    "over",
                    "as against",
                ]
                .iter()
                .chain(super::text::FOREIGN_BASE_CUES)
                .any(|w| words.starts_with(w))
            })
        };
        // "Trade grew to N$67.1 billion last year, an increase from N$59.1 billion recorded
        // in 2021": a base's year says which year "last year" is.
        // "... to SGD 29.8 billion last year from 35.43 billion Singaporean dollar (SGD) in
        // 2011": the year of an amount said with "from" is the base's too.
        let mut base_year_said = false;
        // (a focus of some months does not say which year "last year" is: "reached 4.61
        // billion euros last year, which is 41 percent more than in 2021" after a text on
        // January–July 2023)
        if focus.is_none_or(|f| f.months() < 12)
            && (words.contains("last year")
                || periods.iter().any(|p| p.words == PeriodWords::LastYear))
        {
            let base_year = periods.iter().find_map(|p| match p.words {
                PeriodWords::Absolute {
                    year: Some(y),
                    months: None,
                } if base_clause(p.tokens.start) || after_from_amount(tokens, p, range.start) => {
                    Some(y)
                }
                _ => None,
            });
            if let Some(last_year) = base_year.and_then(|y| Period::new(y + 1, 1, 12).ok()) {
                focus = Some(last_year);
                focus_fiscal = None;
                base_year_said = true;
            }
        }
        // The sentence's own period: the first said outright, read against the focus; not
        // a base's ("from N$59.1 billion recorded in 2021").
        let sentence_mention = periods.iter().find(|p| {
            matches!(p.words, PeriodWords::Absolute { .. })
                && period_of(&p.words, focus).is_some()
                && !said_as_base(tokens, p, range.start)
                // ("declined from $2,162.5 million for the first half of 2006 to $2,060.2
                // million for Jan-June 2007": the new value's, after "to")
                && (!base_clause(p.tokens.start) || after_to_amount(tokens, p, range.start))
                // ("between 2020 and 2021": the later)
                && !(p.tokens.start > 0
                    && tokens[p.tokens.start - 1].text == "between"
                    && tokens.get(p.tokens.end).is_some_and(|t| t.text == "and"))
                && !after_from(tokens, p)
                && !after_from_amount(tokens, p, range.start)
        });
        let sentence_period = sentence_mention.and_then(|p| period_of(&p.words, focus));
        // "... compared to a trade figure of $188.9 million recorded throughout all 2020":
        // a period said as the base of a comparison is not the one the text goes on with.
        let comparing_words = |words: &str| {
            [
                "compared",
                " than ",
                "against",
                "versus",
                "year-on-year",
                "last year",
            ]
            .iter()
            .any(|w| words.contains(w))
        };
        // "($1 billion in January–May 2023)": a period in brackets is the bracket's amount's.
        let mention_bracketed = sentence_mention.is_some_and(|p| {
            let before = &text[sentence.start..tokens[p.tokens.start].start];
            // "in July-June (2021-22)": a bracket holding only the period is no amount's.
            let only_period = before.trim_end().ends_with('(')
                && text[tokens[p.tokens.end - 1].end..]
                    .trim_start()
                    .starts_with(')');
            before.matches('(').count() > before.matches(')').count() && !only_period
        });
        let mention_compared = sentence_mention.is_some_and(|p| {
            let c = resolve::clause_of(&clauses, tokens, p.tokens.start)
                .map_or(sentence.start, |c| clauses[c].start);
            let before = text[sentence.start..tokens[p.tokens.start].start].to_lowercase();
            let clause = text[c.max(sentence.start)..tokens[p.tokens.start].start].to_lowercase();
            // "... lower compared to the same period last year ($1.3 billion in
            // January–May 2023)": the bracket after a comparison is its base too.
            // ("rose 11% year-on-year in 2017": the year after "year-on-year" is the new
            // value's, not a base's)
            let clause = clause.replace("year-on-year", "");
            comparing_words(&clause) || (mention_bracketed && comparing_words(&before))
        });
        let mention_at = sentence_mention.map(|p| p.tokens.start);
        let mention_after_base =
            sentence_mention.is_some_and(|p| said_after_base_word(tokens, p, range.start));
        // Every period the sentence names outright is one, and nothing in it is compared
        // with something else ("surpassing the 2021 figure of $69 billion").
        let sentence_one_period = {
            let mut named = periods
                .iter()
                .filter(|p| matches!(p.words, PeriodWords::Absolute { .. }))
                .map(|p| period_of(&p.words, focus));
            let first = named.next().flatten();
            first.is_some() && named.all(|p| p == first)
        };
        let comparing = [
            "surpass", "exceed", " than ", "compared", "against", "versus", " vs", "from ", "up ",
            "down ", "rose", "fell", "increase", "decrease", "grew", "declin",
        ]
        .iter()
        .any(|w| words.contains(w));
        // The period is the sentence's first words ("In 2016 ...", "During fiscal 2017 ...").
        let sentence_leads = sentence_mention.is_some_and(|p| p.tokens.start <= range.start + 2);
        let sentence_fiscal = sentence_mention.and_then(|p| p.fiscal.clone());
        // What "this period", "the same period" are read against: not a base's period.
        // "against $3743.813 million during same period of last year" in a sentence about
        // "the period under review": read against the period reviewed.
        let review_here = periods
            .iter()
            .any(|p| p.words == PeriodWords::UnderReview)
            .then(|| reviewed.clone())
            .flatten();
        let (anchor, anchor_fiscal) =
            match sentence_period.filter(|_| !(mention_bracketed || mention_compared)) {
                Some(p) => (Some(p), sentence_fiscal.clone()),
                None => review_here.map_or((focus, focus_fiscal.clone()), |(r, f)| (Some(r), f)),
            };
        let amounts: Vec<usize> = article
            .numbers
            .iter()
            .enumerate()
            .filter(|(_, n)| {
                matches!(n.kind, NumberKind::Amount { .. }) && range.contains(&n.tokens.start)
            })
            .map(|(i, _)| i)
            .collect();
        let periods: Vec<resolve::PeriodMention> = periods;
        // Which clauses hold an amount: a period there is that amount's.
        let clause_has_amount = |c: Option<usize>| {
            amounts.iter().any(|&a| {
                resolve::clause_of(&clauses, tokens, article.numbers[a].tokens.start) == c
            })
        };
        // "stood at $888.50 million ..., down 11.60% YoY from $1 billion": the base of a
        // change said year on year is a year before, whatever words bring the new value.
        let year_on_year_said = {
            let w = format!(" {} ", words.replace(['(', ')', ','], " "));
            [
                " yoy ",
                "year-on-year",
                "year on year",
                " y/y ",
                "a year earlier",
                "a year ago",
            ]
            .iter()
            .any(|k| w.contains(k))
        };
        let mut sentence_figures: Vec<usize> = Vec::new();
        for &n in &amounts {
            let number = &article.numbers[n];
            let at = number.tokens.start;
            let clause = resolve::clause_of(&clauses, tokens, at);
            let in_clause =
                |t: usize| clause.is_some_and(|c| clauses[c].contains(&tokens[t].start));
            // "down 55.1% from the same time span in 2022 at $62 million": an amount right
            // after a base's period said with "from" is the new value.
            let base_just_before = |p: &resolve::PeriodMention| {
                let k = p.tokens.start;
                let skip = usize::from(k > 0 && tokens[k - 1].text == "the");
                k > skip
                    && tokens[k - 1 - skip].text == "from"
                    && !from_a_range(tokens, p)
                    && p.tokens.end <= at
                    && (p.tokens.end..at).all(|j| matches!(tokens[j].text.as_str(), "at" | "to"))
            };
            // "rose 12% from a year earlier to $5bn": the amount after "to" is the new
            // value; the year before belongs to the base.
            let new_value = introduced_as_new(tokens, number.tokens.start, &range)
                || periods.iter().any(base_just_before);
            // "down 48.8 per cent from 2017 to US$2.84 billion": the year said before the
            // new value in a "from" clause is the base's ("from $43.3 billion in FY21 to
            // $83.7 billion in FY24" keeps FY24, said after it).
            let bases_year =
                |p: &&resolve::PeriodMention| new_value && base_clause(at) && p.tokens.start < at;
            // "exports totalled €4.6bn in 2024, compared with €4.4bn in imports": a
            // comparison with another measure of the sentence sets two measures side by
            // side in one period, not one measure against a year before.
            // "against the export of $337.81 million": the measure just before, too.
            let own_measure = right_after(&text, &measures, tokens, number.tokens.end, range.end)
                .or_else(|| {
                    measures
                        .iter()
                        .find(|w| {
                            w.tokens.end <= at
                                && at - w.tokens.end <= 3
                                && (w.tokens.end..at).all(|j| {
                                    // (es, pt, fr, it, de: "importaciones por $ 3.015
                                    // millones"; "a trade volume of $980 million")
                                    matches!(
                                        tokens[j].text.as_str(),
                                        "of" | "worth"
                                            | "at"
                                            | "por"
                                            | "de"
                                            | "di"
                                            | "von"
                                            | "volume"
                                            | "value"
                                    )
                                })
                                && in_clause(w.tokens.start)
                        })
                        .cloned()
                })
                .map(|w| w.measure);
            let measures_compared = own_measure.is_some_and(|m| {
                sentence_figures
                    .iter()
                    .any(|&f| figures[f].measure.is_some_and(|x| x != m))
            });
            // "increased by 98 percent if to compare with January 2016 and reached $155.1
            // million": a period right after a comparison word is the base's, not the new
            // value's.
            // ("exceeded $2.1 billion, up 17 percent over the same period in 2020": after
            // the amount and a rate, the base's too.)
            let rate_between = |p: &resolve::PeriodMention| {
                article.numbers.iter().any(|m| {
                    matches!(m.kind, NumberKind::Percent)
                        && m.tokens.start >= number.tokens.end
                        && m.tokens.end <= p.tokens.start
                })
            };
            let compared = |p: &&resolve::PeriodMention| {
                (new_value
                    && (said_as_base(tokens, p, range.start)
                        || after_from(tokens, p)
                        || (base_year_said && after_from_amount(tokens, p, range.start))))
                    || (rate_between(p)
                        && (said_as_base(tokens, p, range.start) || {
                            let k = p.tokens.start;
                            let skip = usize::from(k > 0 && tokens[k - 1].text == "the");
                            k > skip
                                && matches!(
                                    tokens[k - 1 - skip].text.as_str(),
                                    "over" | "on" | "from"
                                )
                        }))
            };
            // "at $35 million in 2010 also tripled to $112 million in 2016": a new value's
            // period is the one said after it.
            // "(8,1 Md€ en 2023 à 6,9 Md€ en 2024)": a period said right after another
            // amount is that amount's, when one follows this amount too.
            // ("18.33 billion dirhams ($1.87 billion) in 2020": past its restatement.)
            let own_end = restated_until(article, n);
            let others_period = |p: &&resolve::PeriodMention| {
                let right_after_other = amounts.iter().any(|&a| {
                    let end = article.numbers[a].tokens.end;
                    a != n && end <= p.tokens.start && p.tokens.start <= end + 2
                });
                // ("US$2,128.7 million in exports in 2022": a flow's name may stand between.)
                let own_words = |q: &resolve::PeriodMention| {
                    (own_end..q.tokens.start).all(|j| {
                        matches!(
                            tokens[j].text.as_str(),
                            "in" | "of"
                                | "worth"
                                | "exports"
                                | "imports"
                                | "export"
                                | "import"
                                | "trade"
                                | "goods"
                        )
                    })
                };
                p.tokens.start < at
                    && right_after_other
                    && periods.iter().any(|q| {
                        q.tokens.start > own_end
                            && (q.tokens.start <= own_end + 2
                                || (q.tokens.start <= own_end + 4 && own_words(q)))
                            && in_clause(q.tokens.start)
                    })
            };
            let clause_period = periods
                .iter()
                .filter(|p| in_clause(p.tokens.start))
                .filter(|p| !bases_year(p) && !compared(p) && !others_period(p))
                .min_by_key(|p| {
                    (
                        new_value && p.tokens.start < at,
                        p.tokens.start.abs_diff(at),
                    )
                });
            // A new value keeps only a period that names its year ("amounted to $933.4
            // million in the same period of 2022" is 2022's).
            // So is "last year" when a base's year says which year that is ("to SGD 29.8
            // billion last year from 35.43 billion ... in 2011").
            let clause_period = clause_period.filter(|p| {
                !new_value
                    || matches!(
                        p.words,
                        PeriodWords::Absolute { .. }
                            | PeriodWords::SamePeriod { year: Some(_) }
                            | PeriodWords::UnderReview
                    )
                    || (base_year_said && p.words == PeriodWords::LastYear)
            });
            // "imports stood at $9.44 billion and $9.0 billion, respectively": the periods the
            // sentence names elsewhere, in order.
            let trailing = &text[tokens[at].start..sentence.end];
            let listed = trailing
                .to_lowercase()
                .contains("respectively")
                .then(|| {
                    // "N$45.6 billion and N$50.3 billion in 2021 and 2022 respectively": as
                    // many periods listed right after a list of amounts (joined by "and"),
                    // in order.
                    let joined = |a: usize, b: usize| {
                        let gap =
                            &text[article.numbers[a].printed.end..article.numbers[b].printed.start];
                        gap.split(|c: char| !c.is_alphanumeric())
                            .filter(|w| !w.is_empty())
                            .all(|w| w.eq_ignore_ascii_case("and"))
                    };
                    let i = amounts.iter().position(|&a| a == n)?;
                    let (mut first, mut last) = (i, i);
                    while first > 0 && joined(amounts[first - 1], amounts[first]) {
                        first -= 1;
                    }
                    while last + 1 < amounts.len() && joined(amounts[last], amounts[last + 1]) {
                        last += 1;
                    }
                    let end = article.numbers[amounts[last]].tokens.end;
                    let listed_after: Vec<&resolve::PeriodMention> = periods
                        .iter()
                        .filter(|p| p.tokens.start >= end && p.tokens.start <= end + 8)
                        .filter(|p| matches!(p.words, PeriodWords::Absolute { .. }))
                        .collect();
                    // ("in the first 10 months of 2005 and 2006 amounted to USD 34.5
                    // million and 49.8 million respectively": the periods listed before)
                    let begin = article.numbers[amounts[first]].tokens.start;
                    let listed_before: Vec<&resolve::PeriodMention> = periods
                        .iter()
                        .filter(|p| p.tokens.end <= begin)
                        .filter(|p| matches!(p.words, PeriodWords::Absolute { .. }))
                        .collect();
                    let count = last - first + 1;
                    let before_joined = listed_before.len() >= count
                        && listed_before[listed_before.len() - count..]
                            .windows(2)
                            .all(|w| {
                                matches!(
                                    text[tokens[w[0].tokens.end - 1].end
                                        ..tokens[w[1].tokens.start].start]
                                        .trim(),
                                    "and" | ","
                                )
                            });
                    if last > first && listed_after.len() == count {
                        Some(listed_after[i - first])
                    } else if last > first && listed_after.is_empty() && before_joined {
                        Some(listed_before[listed_before.len() - count + i - first])
                    } else {
                        None
                    }
                })
                .flatten();
            let respective = clause
                .filter(|_| trailing.to_lowercase().contains("respectively"))
                .and_then(|c| {
                    let here: Vec<usize> = amounts
                        .iter()
                        .copied()
                        .filter(|&a| {
                            resolve::clause_of(&clauses, tokens, article.numbers[a].tokens.start)
                                == Some(c)
                        })
                        .collect();
                    let k = here.iter().position(|&a| a == n)?;
                    let named: Vec<&resolve::PeriodMention> = periods
                        .iter()
                        .filter(|p| matches!(p.words, PeriodWords::Absolute { .. }))
                        .filter(|p| resolve::clause_of(&clauses, tokens, p.tokens.start) != Some(c))
                        // "... versus $453.116 million in 2021": a base's.
                        .filter(|p| !said_as_base(tokens, p, range.start))
                        .collect();
                    (named.len() >= here.len()).then(|| named[k])
                });
            // "compared with the same period in 2021, when it was $12.55 billion": a clause
            // opened by "when" or "which" speaks of the period named just before it.
            let relative = clause
                .filter(|_| !new_value)
                .filter(|&c| {
                    let words = text[clauses[c].clone()].trim_start().to_lowercase();
                    [
                        "when ",
                        "which was",
                        "which were",
                        "which stood",
                        "which had been",
                    ]
                    .iter()
                    .any(|w| words.starts_with(w))
                })
                .and_then(|_| {
                    periods
                        .iter()
                        .filter(|p| p.tokens.end <= at && !in_clause(p.tokens.start))
                        .max_by_key(|p| p.tokens.start)
                });
            // "compared to the same period in 2022 ($12.418 million)", "compared to January
            // 2020 ($913.3 million)": the amount in brackets is the period's said just before.
            let bracketed = {
                let before = text[sentence.start..tokens[at].start].trim_end();
                let before = before
                    .strip_suffix('(')
                    .map(str::trim_end)
                    .filter(|_| clause_period.is_none());
                // "compared to the 2022 figures ($770.215 million)": a noun for the
                // amount may stand between.
                let b = before.map(|b| {
                    let lower = b.to_lowercase();
                    let noun = ["figures", "figure", "levels", "level", "value", "values"]
                        .iter()
                        .find(|n| lower.ends_with(&format!(" {n}")));
                    noun.map_or(b, |n| b[..b.len() - n.len()].trim_end())
                });
                b.and_then(|b| {
                    periods.iter().find(|p| {
                        tokens[p.tokens.end - 1].end == b.len() + sentence.start
                            && !matches!(p.words, PeriodWords::Span)
                    })
                })
            };
            let clause_period = listed
                .or(clause_period)
                .or(respective)
                .or(relative)
                .or(bracketed);
            // "the previous year's sales of 590 million baht": the clause says its period
            // relative to another, even when it was not read as one.
            let clause_relative = clause.is_some_and(|c| {
                let words = text[clauses[c].clone()].to_lowercase();
                [
                    "previous year",
                    "last year",
                    "a year earlier",
                    "a year ago",
                    "year before",
                ]
                .iter()
                .any(|w| words.contains(w))
            });

            let under_review = clause_period
                .filter(|p| p.words == PeriodWords::UnderReview)
                .and(reviewed.clone());
            let (period, note, fiscal) = if let Some((r, f)) = under_review {
                (Some(r), Some(PeriodNote::Carried), f)
            } else {
                match clause_period {
                    Some(p) => {
                        // "from US$2,487.5 million in January-June 2006 to US$2,802.6
                        // million in the same period in 2007": with no period of the
                        // sentence's own, the same months as the one named before it.
                        let named_before = || {
                            periods
                                .iter()
                                .filter(|q| q.tokens.end <= p.tokens.start)
                                .filter(|q| matches!(q.words, PeriodWords::Absolute { .. }))
                                .filter_map(|q| period_of(&q.words, focus))
                                .next_back()
                        };
                        let against = match p.words {
                            PeriodWords::Absolute { .. } => focus,
                            PeriodWords::SamePeriod { year: Some(_) } => {
                                anchor.or_else(named_before)
                            }
                            _ => anchor,
                        };
                        // "Between January and February, trade ... totalled $2.2 billion,
                        // up by 29% compared to $1.7 million in the same period of 2023":
                        // with no dated period to read it against, the months named
                        // without a year, of that year.
                        let period = period_of(&p.words, against).or_else(|| match p.words {
                            PeriodWords::SamePeriod { year: Some(y) } => sentence_months
                                .or(focus_months)
                                .and_then(|(a, b)| Period::new(y, a, b).ok()),
                            _ => None,
                        });
                        // A fiscal year read against a fiscal year is named as one.
                        let fiscal = match (p.words.clone(), period, anchor) {
                            (PeriodWords::Absolute { .. }, _, _) => p.fiscal.clone(),
                            (_, Some(x), Some(a)) if x == a => anchor_fiscal.clone(),
                            (_, Some(x), Some(a)) if Some(x) == a.year_before() => {
                                anchor_fiscal.as_deref().map(fiscal_year_before)
                            }
                            _ => None,
                        };
                        (period, None, fiscal)
                    }
                    None => {
                        // A period of the sentence not owned by another amount's clause.
                        // ("During the corresponding period of 2021, trade amounted to
                        // $4.6 billion": the months in focus, of that year.)
                        let free = periods
                            .iter()
                            .filter(|p| {
                                matches!(
                                    p.words,
                                    PeriodWords::Absolute { .. }
                                        | PeriodWords::SamePeriod { year: Some(_) }
                                        | PeriodWords::MonthsYearBefore { .. }
                                )
                            })
                            .filter(|p| {
                                !clause_has_amount(resolve::clause_of(
                                    &clauses,
                                    tokens,
                                    p.tokens.start,
                                ))
                            })
                            .filter(|p| !base_clause(p.tokens.start) && !compared(p))
                            // Not in this amount's clause: a base's period is never its own
                            // ("a decrease of 8% from January 2023").
                            .filter(|p| {
                                !said_as_base(tokens, p, range.start) && !after_from(tokens, p)
                            })
                            // "to RM 5.04 billion ... from RM 4.85 billion ... in 2016": the
                            // base's year, not the new value's.
                            .filter(|p| !(new_value && after_from_amount(tokens, p, range.start)))
                            .filter(|p| period_of(&p.words, focus.or(sentence_period)).is_some())
                            // One that names its year first ("In fiscal 2017, which ended in March").
                            .min_by_key(|p| {
                                (
                                    !matches!(p.words, PeriodWords::Absolute { year: Some(_), .. }),
                                    p.tokens.start > at,
                                    p.tokens.start.abs_diff(at),
                                )
                            });
                        // "exports rose from 238 bn in 2000 to 261 bn in 2007, and imports fell
                        // (from 206 bn to 181 bn)": a "from ... to ..." with no years of its own
                        // takes the sentence's first year for its base and its last for its
                        // new value.
                        let mut years: Vec<Period> = periods
                            .iter()
                            .filter(|p| {
                                matches!(p.words, PeriodWords::Absolute { year: Some(_), .. })
                            })
                            .filter_map(|p| period_of(&p.words, focus))
                            .collect();
                        years.sort_by_key(|p| (p.year, p.first_month));
                        years.dedup();
                        let span = (years.len() >= 2 && base_clause(at))
                            .then(|| {
                                if new_value {
                                    years.last().copied()
                                } else {
                                    years.first().copied()
                                }
                            })
                            .flatten();
                        match (free, sentence_period) {
                            _ if span.is_some() => (span, Some(PeriodNote::Sentence), None),
                            (_, Some(p)) if base_clause(at) && !new_value && measures_compared => {
                                (Some(p), Some(PeriodNote::Sentence), sentence_fiscal.clone())
                            }
                            // "rose 12% to ¥4.56 trillion in 2019 from ¥4.06 trillion": the
                            // base of a comparison is a year before ("up 8.0 per cent
                            // half-on-half from $215.39 million": the half before).
                            (_, Some(p))
                                if base_clause(at) && !new_value && p.year_before().is_some() =>
                            {
                                (
                                    if sequential(at) {
                                        p.span_before()
                                    } else {
                                        p.year_before()
                                    },
                                    Some(PeriodNote::ComparisonBase),
                                    sentence_fiscal.as_deref().map(fiscal_year_before),
                                )
                            }
                            (Some(p), _) => (
                                period_of(&p.words, focus.or(sentence_period)),
                                Some(PeriodNote::Sentence),
                                p.fiscal.clone(),
                            ),
                            // Every period of the sentence belongs to another amount's clause: a
                            // new value ("..., while imports grew 16% to $50.24 billion") shares
                            // the period of the sentence's other new value; any other amount
                            // ("The deficit stood at $101 billion, surpassing the 2021 figure
                            // of $69 billion") keeps the period in focus.
                            // "In 2016 the balance was $12.9 billion, with exports of $10.2
                            // billion and imports of $2.1 billion": a period that opens the
                            // sentence holds for every amount in it.
                            (None, Some(p)) if sentence_leads && !base_clause(at) => {
                                (Some(p), Some(PeriodNote::Sentence), sentence_fiscal.clone())
                            }
                            (None, Some(p)) => {
                                let other_new =
                                    amounts.iter().filter(|&&a| a != n).find_map(|&a| {
                                        let k = &article.numbers[a];
                                        if !introduced_as_new(tokens, k.tokens.start, &range) {
                                            return None;
                                        }
                                        let c =
                                            resolve::clause_of(&clauses, tokens, k.tokens.start);
                                        periods
                                            .iter()
                                            .filter(|q| {
                                                resolve::clause_of(&clauses, tokens, q.tokens.start)
                                                    == c
                                            })
                                            .find_map(|q| match q.words {
                                                PeriodWords::Absolute { .. } => {
                                                    period_of(&q.words, focus)
                                                        .map(|v| (v, q.fiscal.clone()))
                                                }
                                                _ => None,
                                            })
                                    });
                                match other_new {
                                    Some((v, f)) if new_value => {
                                        (Some(v), Some(PeriodNote::Sentence), f)
                                    }
                                    // "amounted to $493.7 million, which is 16.8 percent less
                                    // compared to the same period last year ($593.1 million in
                                    // January–May 2023)": not the base's period.
                                    _ if new_value && (mention_bracketed || mention_compared) => (
                                        focus,
                                        focus.map(|_| PeriodNote::Carried),
                                        focus_fiscal.clone(),
                                    ),
                                    _ if new_value => (
                                        Some(p),
                                        Some(PeriodNote::Sentence),
                                        sentence_fiscal.clone(),
                                    ),
                                    // "Trade stood at US$ 2.8 billion in 2022, out of which
                                    // exports US$ 2.72 billion and imports were US$ 80 million in
                                    // 2022": with no period in focus yet, a sentence that names
                                    // one period and compares nothing speaks of it throughout.
                                    _ if focus.is_none() && sentence_one_period && !comparing => (
                                        Some(p),
                                        Some(PeriodNote::Sentence),
                                        sentence_fiscal.clone(),
                                    ),
                                    // "Both imports and exports have decreased in 2009 with
                                    // exports being X (...) and imports being Y": the one
                                    // period the sentence names, not as a base, is every
                                    // amount's, over one carried from earlier sentences.
                                    _ if sentence_one_period
                                        && mention_at.is_some_and(|m| !base_clause(m))
                                        && !mention_after_base
                                        && !mention_bracketed
                                        && !clause_relative =>
                                    {
                                        (
                                            Some(p),
                                            Some(PeriodNote::Sentence),
                                            sentence_fiscal.clone(),
                                        )
                                    }
                                    _ => (
                                        focus,
                                        focus.map(|_| PeriodNote::Carried),
                                        focus_fiscal.clone(),
                                    ),
                                }
                            }
                            // A relative period of another clause ("last year's exports")
                            // is that clause's own.
                            // "increased by 75 percent, which rose from US$483.37 million to
                            // US$846.45 million": the base of a "from ... to ..." is a year
                            // before the period in focus.
                            // "imports from Germany reached $2bn, compared to $1.9bn": the
                            // new value may stand in the clause before.
                            (None, None)
                                if base_clause(at)
                                    && !new_value
                                    && amounts.iter().any(|&a| {
                                        a != n
                                            && resolve::clause_of(
                                                &clauses,
                                                tokens,
                                                article.numbers[a].tokens.start,
                                            )
                                            .zip(clause)
                                            .is_some_and(|(x, c)| {
                                                ((x == c || x + 1 == c)
                                                    && introduced_as_new(
                                                        tokens,
                                                        article.numbers[a].tokens.start,
                                                        &range,
                                                    ))
                                                    || (x < c && year_on_year_said)
                                            })
                                    })
                                    && focus.and_then(|f| f.year_before()).is_some() =>
                            {
                                (
                                    focus.and_then(|f| {
                                        if sequential(at) {
                                            f.span_before()
                                        } else {
                                            f.year_before()
                                        }
                                    }),
                                    Some(PeriodNote::ComparisonBase),
                                    None,
                                )
                            }
                            // "This, compared to imports in 2019 of $302.68 billion (US$2
                            // billion) versus exports ... of $79.97 billion": a sentence whose
                            // every amount is a base has the one period it names for each.
                            (None, None) if base_clause(at) && !new_value => {
                                let named: Vec<&resolve::PeriodMention> = periods
                                    .iter()
                                    .filter(|p| matches!(p.words, PeriodWords::Absolute { .. }))
                                    .collect();
                                let all_bases = amounts.iter().all(|&a| {
                                    let t = article.numbers[a].tokens.start;
                                    base_clause(t) || restates_in_brackets(&text, tokens, t)
                                });
                                match named[..] {
                                    [p] if all_bases && base_clause(p.tokens.start) => (
                                        period_of(&p.words, focus),
                                        Some(PeriodNote::Sentence),
                                        p.fiscal.clone(),
                                    ),
                                    _ => (
                                        focus,
                                        focus.map(|_| PeriodNote::Carried),
                                        focus_fiscal.clone(),
                                    ),
                                }
                            }
                            (None, None) => (
                                focus,
                                focus.map(|_| PeriodNote::Carried),
                                focus_fiscal.clone(),
                            ),
                        }
                    }
                }
            };
            // "the previous month", "a month earlier", "the last decade": a period that
            // cannot be placed.
            let vague = {
                let c = clause
                    .map(|c| text[clauses[c].clone()].to_lowercase())
                    .unwrap_or_default();
                [
                    "previous month",
                    "preceding month",
                    "month earlier",
                    "month before",
                    "prior month",
                    "last month",
                    "decade",
                    "past years",
                    "last years",
                ]
                .iter()
                .any(|w| c.contains(w))
                    // ("double trade from the current $9.2 billion within the next decade":
                    // the horizon of an aim, not the figure's period)
                    && !["next decade", "coming decade"].iter().any(|w| c.contains(w))
                    || matches!(clause_period.map(|p| &p.words), Some(PeriodWords::Span))
                    // ("$803.6 million in the 5-year period — 2013-2017 –": the run of years
                    // said right after the amount, no other amount between)
                    || periods.iter().any(|p| {
                        p.words == PeriodWords::Span
                            && p.tokens.start >= number.tokens.end
                            && p.tokens.start <= number.tokens.end + 8
                            && !amounts.iter().any(|&a| {
                                let t = article.numbers[a].tokens.start;
                                t >= number.tokens.end && t < p.tokens.start
                            })
                    })
            };
            // "in September" with no year anywhere: the months, to keep September apart.
            let months_only = if period.is_none() {
                clause_period
                    .or_else(|| {
                        periods.iter().find(|p| {
                            // "up by 40.55 per cent from July": the base's month.
                            !base_clause(p.tokens.start)
                                && (!said_after_base_word(tokens, p, range.start)
                                    || from_a_range(tokens, p))
                                && !clause_has_amount(resolve::clause_of(
                                    &clauses,
                                    tokens,
                                    p.tokens.start,
                                ))
                        })
                    })
                    .and_then(|p| match p.words {
                        PeriodWords::Absolute { year: None, months } => months,
                        _ => None,
                    })
            } else {
                None
            };
            // "in the first six months of the year ... from $35.7 billion in 2017 to $42.36
            // billion in 2018": a year named alone in a sentence that names months without a
            // year (or says "the same period" of such months) is those months of the year.
            // (A run of months: "Last October, AmCham forecast ... $34.9 billion in 2014"
            // names a month of a statement, not of the figure.)
            let months_named = periods.iter().find_map(|p| match p.words {
                PeriodWords::Absolute {
                    year: None,
                    months: Some((a, b)),
                } if b > a => Some((a, b)),
                _ => None,
            });
            let months_named = months_named.or_else(|| {
                periods
                    .iter()
                    .any(|p| matches!(p.words, PeriodWords::SamePeriod { year: None }))
                    .then_some(focus_months)
                    .flatten()
            });
            let dated_months = periods.iter().any(|p| {
                matches!(
                    p.words,
                    PeriodWords::Absolute {
                        year: Some(_),
                        months: Some(_)
                    }
                )
            });
            let whole_year = says_whole_year(&words);
            let period = match (period, months_named) {
                (Some(p), Some((a, b)))
                    if p.months() == 12
                        && (a, b) != (1, 12)
                        && !dated_months
                        && !whole_year
                        && fiscal.is_none() =>
                {
                    Period::new(p.year, a, b).ok().or(Some(p))
                }
                (p, _) => p,
            };
            // "accounting for 7.2% of the import bill in January 2017 — rising 8.7% to $533.77
            // million in January": the months the sentence dates elsewhere, of one year only.
            let dated: Vec<Period> = months_only
                .map(|(a, b)| {
                    let mut years: Vec<Period> = periods
                        .iter()
                        .filter_map(|p| match p.words {
                            PeriodWords::Absolute {
                                year: Some(y),
                                months: Some(m),
                            } if m == (a, b) => Period::new(y, a, b).ok(),
                            _ => None,
                        })
                        .collect();
                    years.dedup();
                    years
                })
                .unwrap_or_default();
            let (period, months_only) = match dated[..] {
                [p] => (Some(p), None),
                _ => (period, months_only),
            };
            if months_only.is_some() {
                sentence_months = months_only;
            }
            let months_only = months_only.or(if period.is_none() { focus_months } else { None });
            // "goods exports to and imports from the US comprised £58bn and £56bn
            // respectively": the flows named before a list of amounts, in order.
            let respective_measure =
                trailing
                    .to_lowercase()
                    .find("respectively")
                    .and_then(|offset| {
                        let resp = tokens[at].start + offset;
                        // The list: amounts joined only by "and" or commas, ending before it.
                        let before: Vec<usize> = amounts
                            .iter()
                            .copied()
                            .filter(|&a| tokens[article.numbers[a].tokens.start].start < resp)
                            .collect();
                        let mut here = vec![*before.last()?];
                        for pair in before.windows(2).rev() {
                            let gap = &text[tokens[article.numbers[pair[0]].tokens.end - 1].end
                                ..tokens[article.numbers[pair[1]].tokens.start].start];
                            let joined = gap
                                .trim()
                                .trim_matches(',')
                                .trim()
                                .trim_start_matches("and")
                                .trim()
                                .is_empty();
                            if !joined {
                                break;
                            }
                            here.insert(0, pair[0]);
                        }
                        let k = here.iter().position(|&a| a == n)?;
                        let first = article.numbers[here[0]].tokens.start;
                        // Named after any amount before the list ("imports stood at $9.44
                        // billion and $9.0 billion, respectively" names one flow: two periods).
                        let since = amounts
                            .iter()
                            .map(|&a| article.numbers[a].tokens.end)
                            .filter(|&end| end <= first)
                            .max()
                            .unwrap_or(range.start);
                        let named: Vec<&resolve::MeasureWord> = measures
                            .iter()
                            .filter(|w| w.tokens.start >= since && w.tokens.end <= first)
                            .filter(|w| {
                                matches!(w.measure, TradeMeasure::Exports | TradeMeasure::Imports)
                            })
                            .collect();
                        let from = named.len().checked_sub(here.len())?;
                        let listed = &named[from..];
                        let distinct = listed.windows(2).all(|p| p[0].measure != p[1].measure);
                        (here.len() >= 2 && distinct).then(|| listed[k].clone())
                    });
            let (measure, word) = match respective_measure
                .or_else(|| right_after(&text, &measures, tokens, number.tokens.end, range.end))
            {
                Some(w) => (Some(w.measure), Some(w)),
                None => measure_of(
                    &measures,
                    &clauses,
                    tokens,
                    range.clone(),
                    at,
                    &text,
                    s,
                    last_measure,
                ),
            };
            let (owner, other) = match &word {
                Some(w) => owner_of(&text, mentions, tokens, w),
                None => (None, None),
            };
            // "a balance of $3.521 billion in favor of Iran": Iran's surplus; so is "a
            // surplus in favour of India of R40.5bn", said before the amount.
            let favoured = if measure == Some(TradeMeasure::Balance) {
                let e = number.tokens.end;
                let after = (e..(e + 6).min(range.end))
                    .find(|&j| matches!(tokens[j].text.as_str(), "favour" | "favor"));
                let before = (number.tokens.start.saturating_sub(6).max(range.start)
                    ..number.tokens.start)
                    .rev()
                    .find(|&j| matches!(tokens[j].text.as_str(), "favour" | "favor"))
                    .filter(|&j| {
                        // (no other amount between: "in favour of India of R40.5bn")
                        !tokens[j..number.tokens.start].iter().any(|t| t.is_number)
                    });
                // ("in favour of China worth R179bn, in favour of India of R40.5bn": the
                // phrase before the amount is its own when it leads right to it)
                let leads = before.is_some_and(|j| number.tokens.start - j <= 5);
                (if leads { before } else { after.or(before) }).and_then(|j| {
                    mentions
                        .iter()
                        .find(|m| m.tokens.start > j && m.tokens.start <= j + 3)
                        .map(|m| m.economy.clone())
                })
            } else {
                None
            };
            // "South Africa imported R367.4bn from China, R130.6bn from India and R26.1bn
            // from Brazil": a partner named right after each amount of a list is its own.
            let partner_after =
                if matches!(measure, Some(TradeMeasure::Exports | TradeMeasure::Imports)) {
                    let e = number.tokens.end;
                    let cue = tokens
                        .get(e)
                        .filter(|_| range.contains(&e))
                        .is_some_and(|t| matches!(t.text.as_str(), "from" | "to"));
                    let listed = amounts
                        .iter()
                        .filter(|&&a| article.numbers[a].tokens.start >= range.start)
                        .filter(|&&a| article.numbers[a].tokens.end <= range.end)
                        .filter(|&&a| {
                            let t = article.numbers[a].tokens.end;
                            tokens
                                .get(t)
                                .is_some_and(|t| matches!(t.text.as_str(), "from" | "to"))
                        })
                        .count()
                        >= 2;
                    (cue && listed)
                        .then(|| {
                            mentions
                                .iter()
                                .find(|m| m.tokens.start == e + 1 || m.tokens.start == e + 2)
                                .map(|m| m.economy.clone())
                        })
                        .flatten()
                } else {
                    None
                };
            let (owner, other) = match partner_after {
                Some(p) => (owner.filter(|o| !same_country(o, &p)), Some(p)),
                None => (owner, other),
            };
            // (a surplus in favour of another economy than the one the text is written from
            // is with that one — "resulting in a trade surplus in favour of China worth
            // R179bn" in a South African text — not with one another item of a list favours)
            let (owner, other) = match (&favoured, &home) {
                (Some(f), Some(h)) if !same_country(f, h) => (Some(f.clone()), Some(h.clone())),
                (Some(f), _) => (
                    Some(f.clone()),
                    other
                        .filter(|o| !same_country(o, f))
                        .or_else(|| owner.filter(|o| !same_country(o, f))),
                ),
                (None, _) => (owner, other),
            };
            let owner = settle_owner(owner, other.clone(), &pair, home.as_ref());
            let other = other.or_else(|| {
                word.as_ref()
                    .and_then(|w| global(&text, tokens, w, number.tokens.start, number.tokens.end))
            });
            let difference = difference_of(&text, tokens, number.tokens.clone(), range.clone());
            let part = part_of(
                &text,
                tokens,
                &clauses,
                clause,
                &figures,
                &sentence_figures,
                &article.numbers,
            );
            // "$250,000 worth of cars", "£2.5 billion of services": a product after the
            // amount.
            let worth_of = {
                let e = number.tokens.end;
                let w = |j: usize| {
                    tokens
                        .get(j)
                        .filter(|_| range.contains(&j))
                        .map_or("", |t| t.text.as_str())
                };
                // "$970 million worth of goods" is the whole flow, not a product.
                let product = |j: usize| {
                    let generic = matches!(
                        w(j),
                        "goods" | "merchandise" | "products" | "items" | "commodities"
                    );
                    (is_product_word(w(j)) && !generic).then(|| w(j).to_string())
                };
                match (w(e), w(e + 1)) {
                    ("worth", "of") => product(e + 2),
                    ("of", _) => product(e + 1),
                    _ => None,
                }
            };
            // "AED17.3 billion in re-exports": goods imported and sent on — a part of the
            // exports (of the total trade, in Dubai's reckoning), not the exports.
            let re_exports = word.as_ref().is_some_and(|w| {
                let first = tokens[w.tokens.start].text.as_str();
                w.measure == TradeMeasure::Exports
                    && (first == "re"
                        || ["reexport", "réexport", "riesport"]
                            .iter()
                            .any(|r| first.starts_with(r)))
            });
            let commodity = match &part {
                _ if re_exports => Some(RE_EXPORTS.to_string()),
                // "of which Viet Nam exported $30.6 billion": a flow of the whole, no product.
                Some((_, words)) if !names_a_flow(words) => Some(words.clone()),
                _ if worth_of.is_some() => worth_of,
                _ => word
                    .as_ref()
                    .and_then(|w| product_of(&text, tokens, mentions, w, range.clone())),
            };
            // A scaled number without currency: the nearest currency the article prints,
            // before it, else after it — not a conversion in brackets ("from 61 million
            // dollars (40.4 million euros) in 2005 to 81 million": dollars).
            let currency = match &number.kind {
                NumberKind::Amount {
                    currency: Some(c), ..
                } => c.clone(),
                _ => {
                    let printed = |k: &super::numbers::Number| match &k.kind {
                        NumberKind::Amount {
                            currency: Some(c), ..
                        } => Some(c.clone()),
                        _ => None,
                    };
                    let bracketed = |k: &super::numbers::Number| {
                        text[..k.printed.start].trim_end().ends_with('(')
                    };
                    article.numbers[..n]
                        .iter()
                        .rev()
                        .filter(|k| !bracketed(k))
                        .find_map(printed)
                        .or_else(|| article.numbers[..n].iter().rev().find_map(printed))
                        .or_else(|| article.numbers[n..].iter().find_map(printed))
                        .unwrap_or_else(|| "USD".to_string())
                }
            };
            // "a deficit of", "a negative balance of", "a trade gap of": below zero.
            let deficit = measure == Some(TradeMeasure::Balance)
                && favoured.is_none()
                && (word.as_ref().is_some_and(|w| {
                    // ("an excess of imports over exports")
                    tokens[w.tokens.clone()]
                        .iter()
                        .map(|t| t.text.as_str())
                        .eq("excess of imports over exports".split(' '))
                }) || word.as_ref().is_some_and(|w| {
                    // ("The positive trade gap with Libya": a surplus)
                    let positive = (w.tokens.start.saturating_sub(2)..w.tokens.start)
                        .any(|j| tokens[j].text == "positive");
                    tokens[w.tokens.clone()].iter().any(|t| {
                        // ("a trade imbalance of $543 million": the subject's deficit,
                        // unless said "in favour of" another)
                        t.text.starts_with("deficit")
                            || t.text.starts_with("дефицит")
                            || (!positive && (t.text == "gap" || t.text == "imbalance"))
                    })
                }) || word.as_ref().is_some_and(|w| {
                    // "a negative balance", "a deficit trade balance"
                    (w.tokens.start.saturating_sub(2)..w.tokens.start).any(|j| {
                        matches!(tokens[j].text.as_str(), "negative" | "adverse" | "deficit")
                            || tokens[j].text.starts_with("отрицательн")
                    })
                }) || {
                    // "a negative $620.99 million trade balance", "a trade balance of -US$
                    // 620.99 million" (not the second end of a range, "10-12 billion").
                    let first = number.tokens.start;
                    let head = text[..tokens[first].start].trim_end();
                    // Past a currency code written before the sign's amount: "-US $".
                    let code = head
                        .chars()
                        .rev()
                        .take_while(char::is_ascii_uppercase)
                        .count();
                    let head = if code <= 3 {
                        &head[..head.len() - code]
                    } else {
                        head
                    };
                    let minus = head.strip_suffix(['-', '−']).is_some_and(|h| {
                        h.ends_with(|c: char| c.is_whitespace() || matches!(c, ':' | '('))
                            || h.rsplit(|c: char| !c.is_alphabetic())
                                .next()
                                .is_some_and(|w| {
                                    matches!(w, "of" | "at" | "was" | "were" | "is" | "to" | "by")
                                })
                    });
                    // "the trade balance was in the red by US$14.2 billion"
                    let in_the_red = (first.saturating_sub(6)..first).any(|j| {
                        tokens[j].text == "red"
                            && j >= 2
                            && tokens[j - 1].text == "the"
                            && tokens[j - 2].text == "in"
                    });
                    minus
                        || in_the_red
                        || (first > 0
                            && matches!(tokens[first - 1].text.as_str(), "negative" | "adverse"))
                });
            if measure.is_some() {
                last_measure = measure;
            }
            sentence_figures.push(figures.len());
            figures.push(Figure {
                number: n,
                sentence: s,
                period,
                months_only,
                vague,
                named: mentions
                    .iter()
                    .filter(|m| range.contains(&m.tokens.start))
                    .map(|m| m.economy.clone())
                    .collect(),
                fiscal,
                period_note: note,
                measure,
                owner,
                other,
                new_value,
                difference,
                commodity,
                part_of: part.map(|(f, _)| f),
                currency,
                deficit,
            });
        }
        if let Some(p) = sentence_period
            && !mention_compared
        {
            reviewed = reviewed.or(Some((p, sentence_fiscal.clone())));
            focus = Some(p);
            focus_fiscal = sentence_fiscal;
            focus_months = None;
        }
        if sentence_months.is_some() {
            focus_months = sentence_months;
        }
    }
    parts_of_the_whole_period(&text, &article.numbers, &mut figures);
    // "Exports to China dipped 28%, while imports rose 4.16%": a flow that names no
    // economy is with the one the other flows of its sentence name.
    for f in 0..figures.len() {
        let g = &figures[f];
        if g.owner.is_some()
            || g.other.is_some()
            || !matches!(
                g.measure,
                Some(TradeMeasure::Exports | TradeMeasure::Imports)
            )
        {
            continue;
        }
        let named: std::collections::BTreeSet<(Option<String>, String)> = figures
            .iter()
            .filter(|h| {
                h.sentence == g.sentence
                    && matches!(
                        h.measure,
                        Some(TradeMeasure::Exports | TradeMeasure::Imports)
                    )
            })
            .filter_map(|h| h.other.clone().map(|o| (h.owner.clone(), o)))
            .collect();
        if named.len() == 1 {
            let (owner, other) = named.into_iter().next().unwrap_or_default();
            figures[f].owner = owner;
            figures[f].other = Some(other);
        }
    }
    // A lead sentence names no period yet: the first period named after it.
    for figure in &mut figures {
        // Not over months the figure names ("in September"), nor over a period its clause
        // says relative to another the text never dates ("down 24.8 percent from $566.92
        // million a year earlier" after "the first four months of this year"; "last year"
        // is the data's year, which a later sentence may date), and from the next three
        // sentences only.
        let relative = || {
            let range = token_range(sentence_of, figure.sentence);
            let clauses = text::clauses(&text, &article.sentences[figure.sentence]);
            let said = &article.numbers[figure.number].tokens;
            let own = resolve::clause_of(&clauses, tokens, said.start);
            // (said right after the amount: "grown by 44.8% from last year amounting to
            // US$239million" dates the base, not the amount)
            resolve::periods(&text, tokens, range).iter().any(|p| {
                matches!(
                    p.words,
                    PeriodWords::YearBefore
                        | PeriodWords::YearAfter { .. }
                        | PeriodWords::SamePeriod { .. }
                        | PeriodWords::MonthsYearBefore { .. }
                ) && resolve::clause_of(&clauses, tokens, p.tokens.start) == own
                    && (said.end..said.end + 4).contains(&p.tokens.start)
            })
        };
        if figure.period.is_none() && figure.months_only.is_none() && !relative() {
            let later = (figure.sentence + 1..(figure.sentence + 4).min(article.sentences.len()))
                .find_map(|s| {
                    let range = token_range(sentence_of, s);
                    let clauses = text::clauses(&text, &article.sentences[s]);
                    resolve::periods(&text, tokens, range).iter().find_map(|p| {
                        let in_base = resolve::clause_of(&clauses, tokens, p.tokens.start)
                            .is_some_and(|c| {
                                let words = text[clauses[c].clone()].trim_start().to_lowercase();
                                ["from", "compared", "against", "versus", "than", "over"]
                                    .iter()
                                    .any(|w| words.starts_with(w))
                            });
                        match p.words {
                            PeriodWords::Absolute { .. } if !in_base => period_of(&p.words, None),
                            _ => None,
                        }
                    })
                });
            if later.is_some() {
                figure.period = later;
                figure.period_note = Some(PeriodNote::Carried);
            }
        }
    }
    elided_owners(&mut figures);
    third_party_carried(article, &mut figures);
    parts_of_the_total_before(article, &mut figures);
    since_year_bases(article, &mut figures);
    bracketed_year_before(article, &mut figures);
    year_bases_of_months(article, &mut figures);
    year_news_of_months(article, &mut figures);
    services_balances(&mut figures);
    when_clauses(article, &mut figures);
    same_span(article, &mut figures);
    carried_owners(article, &mut figures);
    conversions(article, &mut figures);
    bracketed_breakdowns(article, &mut figures);
    named_in_brackets(article, mentions, &mut figures);
    article.figures = figures;
}

/// "Mexico overtook Brazil ($2.3 billion) as the largest market for India's exports": an
/// amount in brackets right after an economy outside the pair is that economy's — the
/// flow with it, not the pair's.
fn named_in_brackets(article: &Article, mentions: &[Mention], figures: &mut [Figure]) {
    let pair: Vec<&String> = [&article.reporter, &article.partner]
        .into_iter()
        .flatten()
        .collect();
    for f in figures.iter_mut() {
        let at = article.numbers[f.number].printed.start;
        let before = article.text[..at].trim_end();
        let Some(open) = before.strip_suffix('(') else {
            continue;
        };
        let open = open.trim_end();
        // The name may run on past the words read as the economy ("Bosnia and Herzegovina").
        let Some(m) = mentions
            .iter()
            .filter(|m| article.tokens[m.tokens.end - 1].end <= open.len())
            .find(|m| {
                let rest = &article.text[article.tokens[m.tokens.end - 1].end..open.len()];
                rest.split_whitespace().count() <= 3
                    && rest
                        .split_whitespace()
                        .all(|w| w == "and" || w.starts_with(|c: char| c.is_uppercase()))
            })
        else {
            continue;
        };
        if pair.iter().any(|p| same_country(p, &m.economy))
            || crate::codes::is_aggregate(&m.economy)
        {
            continue;
        }
        if f.owner
            .as_ref()
            .is_none_or(|o| !same_country(o, &m.economy))
        {
            f.other = Some(m.economy.clone());
        }
    }
}

/// "Russian export fell by 2.1% to $6.7 bln, while import lost 2.5% to $5.7 bln": a flow
/// whose sentence names no economy for it is the owner's of the other flow said there.
fn elided_owners(figures: &mut [Figure]) {
    for i in 0..figures.len() {
        let f = &figures[i];
        let flow = matches!(
            f.measure,
            Some(TradeMeasure::Exports | TradeMeasure::Imports)
        );
        if !flow || f.owner.is_some() || f.other.is_some() || f.commodity.is_some() {
            continue;
        }
        let owned = figures.iter().find(|g| {
            g.sentence == f.sentence
                && g.measure.is_some_and(|m| Some(m) != f.measure)
                && matches!(
                    g.measure,
                    Some(TradeMeasure::Exports | TradeMeasure::Imports)
                )
                && g.owner.is_some()
        });
        if let Some(g) = owned {
            let (owner, other) = (g.owner.clone(), g.other.clone());
            figures[i].owner = owner;
            figures[i].other = other;
        }
    }
}

/// Whether lower-cased `words` say a whole year ("for the full year", "the whole of 2019").
fn says_whole_year(words: &str) -> bool {
    [
        "full year",
        "full-year",
        "whole year",
        "whole of",
        "entire year",
        "as a whole",
        "calendar year",
        "annual",
    ]
    .iter()
    .any(|w| words.contains(w))
}

/// The token where amount `n` ends, past the bracket restating it right after ("18.33
/// billion dirhams ($1.87 billion)"): the restatement's end.
fn restated_until(article: &Article, n: usize) -> usize {
    let number = &article.numbers[n];
    let Some(next) = article.numbers.get(n + 1) else {
        return number.tokens.end;
    };
    let text = &article.text;
    let opens = text[number.printed.end..next.printed.start].trim() == "(";
    let closes = text[next.printed.end..].trim_start().starts_with(')');
    if opens && closes && matches!(next.kind, NumberKind::Amount { .. }) {
        next.tokens.end
    } else {
        number.tokens.end
    }
}

/// "to US$17.98 billion (RM72.60 billion) from US$15.76 billion (RM67.71 billion) in 2017":
/// an amount in brackets right after another, in another currency, is the same figure
/// restated — its period, flow, economies and product are that amount's.
fn conversions(article: &Article, figures: &mut [Figure]) {
    for i in 1..figures.len() {
        let (before, rest) = figures.split_at_mut(i);
        let (main, f) = (&before[i - 1], &mut rest[0]);
        let gap_start = article.numbers[main.number].printed.end;
        let gap_end = article.numbers[f.number].printed.start;
        let closed = article.text[article.numbers[f.number].printed.end..]
            .trim_start()
            .starts_with(')');
        if main.sentence != f.sentence
            || gap_start > gap_end
            || article.text[gap_start..gap_end].trim() != "("
            || !closed
            || main.currency == f.currency
        {
            continue;
        }
        f.period = main.period;
        f.period_note = main.period_note;
        f.fiscal = main.fiscal.clone();
        f.months_only = main.months_only;
        f.measure = main.measure;
        f.owner = main.owner.clone();
        f.other = main.other.clone();
        f.commodity = main.commodity.clone();
        f.new_value = main.new_value;
    }
}

/// "compared to 2012 with total US$ 11.1 billion with minus balance (US$4.3 bln exports and
/// 6.7 bln imports)": amounts in a bracket opened right after an amount (three words
/// between at most), with no period of their own, are of that amount's period (when its
/// sentence names it).
fn bracketed_breakdowns(article: &Article, figures: &mut [Figure]) {
    for i in 0..figures.len() {
        let f = &figures[i];
        if !matches!(
            f.period_note,
            Some(PeriodNote::Sentence | PeriodNote::Carried)
        ) {
            continue;
        }
        let at = article.numbers[f.number].printed.start;
        let from = article.sentences[f.sentence].start;
        let Some(open) = super::text::open_bracket(&article.text, from, at) else {
            continue;
        };
        let main = (0..i).rev().find(|&g| {
            let m = &figures[g];
            let end = article.numbers[m.number].printed.end;
            if m.sentence != f.sentence || end > open {
                return false;
            }
            // (a few words may stand between: "US$ 11.1 billion with minus balance (")
            let gap = &article.text[end..open];
            gap.split_whitespace().count() <= 3
                && !gap.contains(|c: char| c.is_ascii_digit() || ",;:.()".contains(c))
                && m.period.is_some()
                && m.period != f.period
                && !matches!(m.period_note, Some(PeriodNote::Carried))
        });
        if let Some(g) = main {
            let (period, fiscal, months_only) = (
                figures[g].period,
                figures[g].fiscal.clone(),
                figures[g].months_only,
            );
            let f = &mut figures[i];
            f.period = period;
            f.fiscal = fiscal;
            f.months_only = months_only;
            f.period_note = Some(PeriodNote::Sentence);
        }
    }
}

/// "Since 2017 imports have almost doubled from 12.7 billion kroner to 21.8 billion kroner
/// last year": the amount said with "from" in a sentence that starts from a year is that
/// year's, when it has no period of its own (or only the new value's).
fn since_year_bases(article: &Article, figures: &mut [Figure]) {
    let tokens = &article.tokens;
    for i in 0..figures.len() {
        let f = &figures[i];
        let start = article.numbers[f.number].tokens.start;
        let from = said_from(article, f);
        let sentence = &article.sentences[f.sentence];
        let new_value = figures.iter().find(|g| {
            g.sentence == f.sentence
                && g.new_value
                && article.numbers[g.number].tokens.start > start
        });
        let (true, Some(new_value)) = (from, new_value) else {
            continue;
        };
        let since = (0..start).rev().find_map(|j| {
            let t = &tokens[j];
            if t.start < sentence.start || t.text != "since" {
                return None;
            }
            let year = tokens
                .get(j + 1)
                .filter(|y| y.is_number && y.text.len() == 4)?;
            let y: i32 = year
                .text
                .parse()
                .ok()
                .filter(|y| (1900..=2100).contains(y))?;
            // ("since 2001, when trade was $252 million": that year's amount, read already)
            let when = article.text[year.end..]
                .trim_start_matches([',', ' '])
                .starts_with("when");
            (!when).then_some(y)
        });
        let inherited = f.period.is_none() || f.period == new_value.period;
        if let Some(y) = since
            && inherited
            && f.fiscal.is_none()
            && new_value.period.is_none_or(|p| p.year > y)
        {
            figures[i].period = Period::new(y, 1, 12).ok();
        }
    }
}

/// "$710.3 million during January through October 2023 ($377.2 million year on year)":
/// an amount in brackets said with "year on year", "a year earlier" or "a year ago" is the
/// same months a year before the amount it follows.
fn bracketed_year_before(article: &Article, figures: &mut [Figure]) {
    for i in 1..figures.len() {
        let (before, rest) = figures.split_at_mut(i);
        let (prev, f) = (&before[i - 1], &mut rest[0]);
        let printed = &article.numbers[f.number].printed;
        let opened = article.text[..printed.start].trim_end().ends_with('(');
        let inside = article.text[printed.end..]
            .split(')')
            .next()
            .unwrap_or("")
            .trim()
            .to_lowercase();
        let said = matches!(
            inside.as_str(),
            "year on year" | "year-on-year" | "a year earlier" | "a year ago" | "y/y"
        );
        if opened
            && said
            && prev.sentence == f.sentence
            && f.period.is_none_or(|p| Some(p) == prev.period)
            && let Some(base) = prev.period.and_then(|p| p.year_before())
        {
            f.period = Some(base);
            f.period_note = Some(PeriodNote::ComparisonBase);
        }
    }
}

/// "Egypt's imports from Britain hit about £300 million during the first quarter of 2021,
/// compared to £258 recorded in 2020": a base said "compared to/with" a bare earlier year,
/// after an amount of some months of a later year in its sentence, is of those months.
fn year_bases_of_months(article: &Article, figures: &mut [Figure]) {
    for i in 1..figures.len() {
        let (before, rest) = figures.split_at_mut(i);
        let f = &mut rest[0];
        let Some(p) = f.period else { continue };
        let printed = &article.numbers[f.number].printed;
        let sentence = &article.sentences[f.sentence];
        let lead = article.text[sentence.start..printed.start].to_lowercase();
        let Some(cue) = ["compared to ", "compared with ", "against ", "versus "]
            .iter()
            .filter_map(|c| lead.rfind(c).map(|k| k + c.len()))
            .max()
        else {
            continue;
        };
        // Only the amount's hedge between the cue and it ("compared to about £258").
        if lead[cue..].split_whitespace().count() > 2 {
            continue;
        }
        let new = before.iter().rev().find(|g| {
            g.sentence == f.sentence
                && g.measure.is_some()
                && (f.measure.is_none() || f.measure == g.measure)
                && g.commodity == f.commodity
                && g.difference.is_none()
        });
        let Some(q) = new.and_then(|g| g.period) else {
            continue;
        };
        let whole_year = p.first_month == 1 && p.last_month == 12 && f.fiscal.is_none();
        if whole_year
            && q.months() < 12
            && q.year > p.year
            && let Ok(months) = Period::new(p.year, q.first_month, q.last_month)
        {
            f.period = Some(months);
        }
    }
}

/// "U.S. services exports to Israel amounted to $8.8 billion, but services imports reached
/// $9.2 billion, resulting in a $457 million deficit": a balance said after the two flows
/// of services in its sentence, naming no product, is the balance of services.
fn services_balances(figures: &mut [Figure]) {
    for i in 0..figures.len() {
        let f = &figures[i];
        if f.measure != Some(TradeMeasure::Balance) || f.commodity.is_some() {
            continue;
        }
        let flows: Vec<&Figure> = figures[..i]
            .iter()
            .filter(|g| {
                g.sentence == f.sentence
                    && matches!(
                        g.measure,
                        Some(TradeMeasure::Exports | TradeMeasure::Imports)
                    )
            })
            .collect();
        let of_services = flows.len() >= 2
            && flows
                .iter()
                .all(|g| g.commodity.as_deref() == Some("services"))
            && flows
                .iter()
                .any(|g| g.measure == Some(TradeMeasure::Exports))
            && flows
                .iter()
                .any(|g| g.measure == Some(TradeMeasure::Imports));
        if of_services {
            figures[i].commodity = Some("services".to_string());
        }
    }
}

/// "from 36.12 million Euros in the January-May 2014 period to 59.04 million Euros in
/// 2015": the new value of a change from an amount of some months, said with a bare later
/// year, is of the same months of that year.
fn year_news_of_months(article: &Article, figures: &mut [Figure]) {
    for i in 1..figures.len() {
        let (before, rest) = figures.split_at_mut(i);
        let f = &mut rest[0];
        let Some(p) = f.period else { continue };
        let whole_year = p.first_month == 1 && p.last_month == 12 && f.fiscal.is_none();
        if !whole_year || !f.new_value {
            continue;
        }
        let printed = &article.numbers[f.number].printed;
        let base = before.iter().rev().find(|g| {
            let at = &article.numbers[g.number].printed;
            g.sentence == f.sentence
                && g.difference.is_none()
                && g.commodity == f.commodity
                && (g.measure.is_none() || f.measure.is_none() || g.measure == f.measure)
                && article.text[..at.start]
                    .trim_end()
                    .to_lowercase()
                    .ends_with("from")
                && article.text[at.end..printed.start].contains(" to ")
        });
        let Some(q) = base.and_then(|g| g.period) else {
            continue;
        };
        if q.months() < 12
            && q.year < p.year
            && let Ok(months) = Period::new(p.year, q.first_month, q.last_month)
        {
            f.period = Some(months);
        }
    }
}

/// "... 41 percent more than in 2021, when it amounted to 2.77 billion euros", "compared to
/// the corresponding months of 2022, when it was 471.21 million euros": an amount in a
/// clause opened by ", when" is of the period named right before it.
fn when_clauses(article: &Article, figures: &mut [Figure]) {
    let tokens = &article.tokens;
    for i in 0..figures.len() {
        // The months in focus: those of the amount before it in its sentence.
        let focus = figures[..i]
            .iter()
            .rev()
            .find(|g| g.sentence == figures[i].sentence)
            .and_then(|g| g.period);
        let f = &mut figures[i];
        let printed = &article.numbers[f.number].printed;
        let sentence = &article.sentences[f.sentence];
        let before = &article.text[sentence.start..printed.start];
        let Some(cut) = before.rfind(", when ") else {
            continue;
        };
        // Only verbs and hedges between "when" and the amount ("when it was", "when it
        // amounted to", "when they stood at nearly").
        let between = &before[cut + ", when ".len()..];
        if between.split_whitespace().count() > 5 || between.contains(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let end = sentence.start + cut;
        let first = tokens.iter().position(|t| t.start >= sentence.start);
        let last = tokens.iter().rposition(|t| t.end <= end);
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        let named = resolve::periods(&article.text, tokens, first..last + 1)
            .into_iter()
            .rfind(|p| p.tokens.end == last + 1)
            .and_then(|p| period_of(&p.words, f.period));
        // ("the corresponding months of 2022, when ...": the months in focus, that year)
        let same_months = ["corresponding", "same period", "same months"]
            .iter()
            .any(|w| before[before[..cut].rfind(',').unwrap_or(0)..cut].contains(w));
        let named = match (named, focus) {
            (Some(p), Some(q)) if same_months && p.months() == 12 && q.months() < 12 => {
                Period::new(p.year, q.first_month, q.last_month).ok()
            }
            (p, _) => p,
        };
        if let Some(p) = named {
            f.period = Some(p);
            f.period_note = Some(PeriodNote::Sentence);
        }
    }
}

/// Whether figure `f` is said with "from" right before it: "from 12.7 billion", "from
/// $12.7 billion", "from US$ 12.7 billion".
fn said_from(article: &Article, f: &Figure) -> bool {
    let tokens = &article.tokens;
    let start = article.numbers[f.number].tokens.start;
    (start.saturating_sub(2)..start)
        .any(|j| tokens[j].text == "from" && (j + 1 == start || !tokens[j + 1].is_number))
}

/// "The total trade ... increased from GBP139.8m in 2010 to GBP143.4m in 2015. During the
/// same period, exports ... increased from GBP21.6m to GBP23.1m": a from–to pair in a
/// sentence opened by "during the same period" spans the periods of the pair before it.
fn same_span(article: &Article, figures: &mut [Figure]) {
    // The from–to pairs (base, new value) of a sentence, in order.
    let pairs_in = |figures: &[Figure], s: usize| -> Vec<(usize, usize)> {
        (0..figures.len())
            .filter(|&b| figures[b].sentence == s && said_from(article, &figures[b]))
            .filter_map(|b| {
                let new = (b + 1..figures.len())
                    .find(|&g| figures[g].sentence == s && figures[g].new_value)?;
                Some((b, new))
            })
            .collect()
    };
    let mut last_span: Option<(Period, Period)> = None;
    for s in 0..article.sentences.len() {
        let pairs = pairs_in(figures, s);
        let opening = article.sentence(s).trim_start().to_lowercase();
        let same = [
            "during the same period",
            "over the same period",
            "in the same period",
        ]
        .iter()
        .any(|w| opening.starts_with(w));
        if same && let Some((from, to)) = last_span {
            for (base, new) in pairs {
                figures[base].period = Some(from);
                figures[new].period = Some(to);
            }
            continue;
        }
        for (base, new) in pairs {
            if let (Some(a), Some(b)) = (figures[base].period, figures[new].period)
                && a != b
            {
                last_span = Some((a, b));
            }
        }
    }
}

/// "... trade with EU member countries was valued at USD17.62 billion. Of this value,
/// USD8.29 billion were exported goods and USD9.34 billion were imported goods": the flows
/// of a sentence that opens by pointing at the total before are that total's economies'.
fn parts_of_the_total_before(article: &Article, figures: &mut [Figure]) {
    // ("Of this value,", "Of this amount", "Of that, ...": the word after "of this" may
    // vary)
    const OPENINGS: &[&str] = &["of this", "of that", "of these", "of the total", "of which"];
    for i in 0..figures.len() {
        let f = &figures[i];
        let opening = article.text[article.sentences[f.sentence].clone()]
            .trim_start()
            .to_lowercase();
        if f.sentence == 0
            || f.owner.is_some()
            || f.other.is_some()
            || !f.named.is_empty()
            || !OPENINGS.iter().any(|o| {
                opening
                    .strip_prefix(o)
                    .is_some_and(|rest| rest.starts_with([',', ' ']))
            })
        {
            continue;
        }
        let total = figures[..i].iter().rev().find(|g| {
            g.sentence + 1 == f.sentence
                && g.measure == Some(TradeMeasure::Turnover)
                && g.commodity.is_none()
                && g.period == f.period
        });
        if let Some(g) = total {
            let (owner, other) = (g.owner.clone(), g.other.clone());
            figures[i].owner = owner;
            figures[i].other = other;
        }
    }
}

/// "Japan had a trade deficit of ¥3.36 trillion with China, down 20.3 percent, after imports
/// rose 8.8 percent to ¥18.55 trillion while exports jumped ...": in a text about another
/// pair (Japan–US), flows naming no economy in a sentence whose earlier figure is with a
/// third economy are with that economy too.
fn third_party_carried(article: &Article, figures: &mut [Figure]) {
    let (Some(reporter), Some(partner)) = (&article.reporter, &article.partner) else {
        return;
    };
    let in_pair = |e: &String| same_country(e, reporter) || same_country(e, partner);
    for i in 0..figures.len() {
        let f = &figures[i];
        let flow = matches!(
            f.measure,
            Some(TradeMeasure::Exports | TradeMeasure::Imports)
        );
        if !flow
            || f.other.is_some()
            || f.owner.as_ref().is_some_and(|o| !in_pair(o))
            || f.commodity.is_some()
        {
            continue;
        }
        let third = figures[..i].iter().rev().find(|g| {
            g.sentence == f.sentence
                && g.commodity.is_none()
                && g.other
                    .as_ref()
                    .is_some_and(|x| !in_pair(x) && x.as_str() != "WLD")
        });
        if let Some(g) = third {
            let (owner, other) = (g.owner.clone(), g.other.clone());
            if figures[i].owner.is_none() || figures[i].owner == owner {
                figures[i].owner = owner;
                figures[i].other = other;
            }
        }
    }
}

/// "Exports to Indonesia increased by 21.79 percent ... Imports also increased by 9.05
/// percent": a flow whose sentence names no economy keeps the side of the pair the text last
/// spoke from (the Philippines' imports, not Indonesia's).
fn carried_owners(article: &Article, figures: &mut [Figure]) {
    let (Some(reporter), Some(partner)) = (&article.reporter, &article.partner) else {
        return;
    };
    let in_pair = |e: &String| same_country(e, reporter) || same_country(e, partner);
    let flow = |f: &Figure| {
        matches!(
            f.measure,
            Some(TradeMeasure::Exports | TradeMeasure::Imports)
        )
    };
    for i in 0..figures.len() {
        let f = &figures[i];
        if !flow(f)
            || f.owner.is_some()
            || f.other.is_some()
            || !f.named.is_empty()
            || f.commodity.is_some()
        {
            continue;
        }
        // The owner of the last flow before it that says which side of the pair it is.
        let side = figures[..i].iter().rev().find_map(|g| {
            if !flow(g) || g.commodity.is_some() {
                return None;
            }
            match (&g.owner, &g.other) {
                (Some(o), _) if in_pair(o) => Some(o.clone()),
                (None, Some(x)) if in_pair(x) => Some(
                    if same_country(x, reporter) {
                        partner
                    } else {
                        reporter
                    }
                    .clone(),
                ),
                _ => None,
            }
        });
        if let Some(o) = side {
            figures[i].owner = Some(o);
        }
    }
}

/// A period said as a comparison's base ("compared to 2017", "than in 2020"): never the
/// period of its sentence or of an amount outside its clause.
fn said_as_base(tokens: &[Token], p: &resolve::PeriodMention, from: usize) -> bool {
    // Polish "w porównaniu z analogicznym okresem 2020 r.": four words back; Turkish
    // "2005 yılına göre": the postposition after the year.
    let foreign_before = (p.tokens.start.saturating_sub(4).max(from)..p.tokens.start)
        .any(|j| FOREIGN_BASE_WORDS.contains(&tokens[j].text.as_str()));
    let postposition = (p.tokens.end..(p.tokens.end + 2).min(tokens.len()))
        .any(|j| matches!(tokens[j].text.as_str(), "göre" | "kıyasla"));
    if foreign_before || postposition {
        return true;
    }
    (p.tokens.start.saturating_sub(3).max(from)..p.tokens.start).any(|j| {
        let w = tokens[j].text.as_str();
        matches!(
            w,
            "compare" | "compared" | "comparison" | "against" | "versus" | "vs" | "than" | "contrast"
        ) || FOREIGN_BASE_WORDS.contains(&w)
            // "up nearly six times over 1995", "up more than four percent on 2009"
            || (w == "over" && j + 1 == p.tokens.start && tokens[j + 1].is_number)
            || (w == "on"
                && j + 1 == p.tokens.start
                && tokens[j + 1].is_number
                && j > 0
                && matches!(tokens[j - 1].text.as_str(), "%" | "percent" | "cent" | "pc"))
    }) || amount_said_as_base(tokens, p, from)
}

/// "to $398.041 million versus $453.116 million in 2021": the period of an amount said
/// after a comparison word is the base's too.
fn amount_said_as_base(tokens: &[Token], p: &resolve::PeriodMention, from: usize) -> bool {
    let mut j = p.tokens.start;
    let mut amount = false;
    while j > from && p.tokens.start - j < 8 {
        j -= 1;
        let t = &tokens[j];
        if t.is_number {
            amount = true;
            continue;
        }
        let w = t.text.as_str();
        if matches!(w, "in" | "of" | "during" | "recorded" | "registered")
            || !w.chars().any(char::is_alphanumeric)
            || matches!(
                w,
                "million" | "billion" | "trillion" | "mn" | "bn" | "m" | "b" | "us" | "usd"
            )
        {
            continue;
        }
        return amount && matches!(w, "versus" | "vs" | "against" | "than");
    }
    false
}

/// Words right before a period that make it a comparison's base in es, pt, fr, it and de
/// ("en relación con el 2019", "par rapport à 2021").
const FOREIGN_BASE_WORDS: &[&str] = &[
    "frente",
    "relación",
    "comparación",
    "respecto",
    "comparado",
    "relação",
    "comparação",
    "rapport",
    "comparé",
    "rispetto",
    "confronto",
    "gegenüber",
    "vergleich",
    // pl, nl, sv, da
    "porównaniu",
    "wobec",
    "vergeleken",
    "jämfört",
    "sammenlignet",
];

/// "down by 48.8 per cent from 2017 to US$2.84 billion": a year right after "from" is the
/// base's (not a run of months, "From January to July").
fn after_from(tokens: &[Token], p: &resolve::PeriodMention) -> bool {
    p.tokens.start > 0 && tokens[p.tokens.start - 1].text == "from" && !from_a_range(tokens, p)
}

/// "from 35.43 billion Singaporean dollar (SGD) in 2011": a period after an amount said
/// with "from" (ten words back at most, no "to" between).
fn after_from_amount(tokens: &[Token], p: &resolve::PeriodMention, from: usize) -> bool {
    after_amount_said_with(tokens, p, from, "from", &["to", "and", "while"])
}

/// A period said after "to <amount>" (ten words back at most, not past a "from"): the new
/// value's, in "from $X in 2006 to $Y in 2007".
fn after_to_amount(tokens: &[Token], p: &resolve::PeriodMention, from: usize) -> bool {
    after_amount_said_with(tokens, p, from, "to", &["from"])
}

/// Whether period `p` follows "`word` <amount>" within ten words (from token `from` on), no
/// word of `stop` between ("from RM 4.85 billion (USD 1.17 billion) in 2016": a currency
/// word may come first).
fn after_amount_said_with(
    tokens: &[Token],
    p: &resolve::PeriodMention,
    from: usize,
    word: &str,
    stop: &[&str],
) -> bool {
    let start = p.tokens.start.saturating_sub(10).max(from);
    (start..p.tokens.start)
        .rev()
        .take_while(|&j| !stop.contains(&tokens[j].text.as_str()))
        .any(|j| {
            tokens[j].text == word
                && (tokens
                    .get(j + 1)
                    .is_some_and(|t| t.is_number || !t.text.chars().all(char::is_alphanumeric))
                    || (tokens.get(j + 2).is_some_and(|t| t.is_number)
                        && tokens[j + 1].text.len() <= 3))
        })
}

/// "From January to July": a run of months said with "from", not a base.
fn from_a_range(tokens: &[Token], p: &resolve::PeriodMention) -> bool {
    // ("up 53.2% from January to May 2023": after a rate, "from" opens the base)
    let after_rate = p.tokens.start >= 2
        && matches!(
            tokens[p.tokens.start - 2].text.as_str(),
            "%" | "percent" | "cent" | "pc" | "pct"
        )
        // (one space between: not "... down 35.2%.\n\nFrom January to October")
        && tokens[p.tokens.start - 1].start <= tokens[p.tokens.start - 2].end + 1;
    matches!(
        p.words,
        PeriodWords::Absolute {
            months: Some((a, b)),
            ..
        } if a != b
    ) && p.tokens.start > 0
        && tokens[p.tokens.start - 1].text == "from"
        && !after_rate
}

/// A period after a word that makes it a base, four words back at most: "surpassing the
/// 2021 figure", "up from 2020", "over 2019".
fn said_after_base_word(tokens: &[Token], p: &resolve::PeriodMention, from: usize) -> bool {
    (p.tokens.start.saturating_sub(4).max(from)..p.tokens.start).any(|j| {
        let w = tokens[j].text.as_str();
        w.starts_with("surpass")
            || w.starts_with("exceed")
            || matches!(
                w,
                "compare"
                    | "compared"
                    | "comparison"
                    | "against"
                    | "versus"
                    | "vs"
                    | "than"
                    | "from"
                    | "over"
                    | "since"
            )
    })
}

/// A measure word right after an amount: "a $107 million deficit", "$3bn in exports",
/// "$2bn worth of imports", "reaped $126.1 million from exported goods".
fn right_after(
    text: &str,
    measures: &[MeasureWord],
    tokens: &[crate::verify::phrase::Token],
    after: usize,
    end: usize,
) -> Option<MeasureWord> {
    // "Exports totaled $354 billion; Imports totaled ...": not past a clause's end.
    let end = (after..end)
        .find(|&j| j > 0 && text[tokens[j - 1].end..tokens[j].start].contains([';', ',', '(', ')']))
        .unwrap_or(end);
    let mut j = after;
    while j < end
        && j < after + 3
        && matches!(
            tokens[j].text.as_str(),
            "in" | "of" | "worth" | "trade" | "goods" | "from" | "is" | "are" | "was" | "were"
        )
    {
        if let Some(w) = measures.iter().find(|m| m.tokens.start == j) {
            return Some(w.clone());
        }
        j += 1;
        // "$676 million of Israeli exports": a capitalised name (a demonym) before the flow.
        if tokens[j - 1].text == "of"
            && j + 1 < end
            && text[tokens[j].start..].starts_with(|c: char| c.is_uppercase())
            && let Some(w) = measures.iter().find(|m| m.tokens.start == j + 1)
        {
            return Some(w.clone());
        }
    }
    measures
        .iter()
        .find(|m| m.tokens.start == j && j < end)
        .cloned()
}

/// Words before an amount that make it the new value of a change: "to $5bn", "to reach
/// $5bn", "to a record $5bn".
fn introduced_as_new(
    tokens: &[crate::verify::phrase::Token],
    first: usize,
    sentence: &std::ops::Range<usize>,
) -> bool {
    let floor = sentence.start;
    let mut j = first;
    while j > floor {
        j -= 1;
        match tokens[j].text.as_str() {
            // "de 6.371 a 26.760 millones", "de US$ 2 bilhões para US$ 3 bilhões", "von 5
            // auf 7 Milliarden": "to" after an amount said with "from" in es, pt, fr, it, de.
            "a" | "à" | "para" | "auf"
                if (j.saturating_sub(5).max(floor)..j)
                    .rev()
                    .find(|&k| tokens[k].is_number)
                    .is_some_and(|k| {
                        k > floor
                            && matches!(
                                tokens[k - 1].text.as_str(),
                                "de" | "da" | "desde" | "dal" | "von"
                            )
                    }) =>
            {
                return true;
            }
            "a" | "an" | "record" | "high" | "new" | "all" | "time" | "nearly" | "almost"
            | "about" | "around" | "some" | "over" | "more" | "than" | "roughly" | "just"
            | "under" => continue,
            // "compared to $33.5 billion", "relative to", "equal to": a base or a level,
            // not where a change went.
            "to" if j > floor
                && matches!(
                    tokens[j - 1].text.as_str(),
                    "compared" | "comparison" | "relative" | "equal" | "equivalent" | "close"
                ) =>
            {
                return false;
            }
            // "amounted to 22 million pounds in the same period last year": in a sentence
            // that says no change, a level, not where a change went.
            "to" if j > floor
                && matches!(
                    tokens[j - 1].text.as_str(),
                    "amounted" | "amounting" | "amount" | "amounts"
                )
                && !tokens[sentence.clone()]
                    .iter()
                    .any(|t| crate::verify::lexicon::Lexicon::built_in().moves(&t.text)) =>
            {
                return false;
            }
            "to" | "reach" | "reached" | "reaching" | "hit" | "hitting" | "touched"
            | "touching" => return true,
            // "decreased by 18 percent ... to stand at 18 million pounds"
            "at" if j > floor + 1
                && tokens[j - 1].text == "stand"
                && tokens[j - 2].text == "to" =>
            {
                return true;
            }
            _ => return false,
        }
    }
    false
}

/// Whether the amount at token `t` opens a bracket right after another amount ("$302.68
/// billion (US$2 billion)"): the same amount in another currency.
fn restates_in_brackets(text: &str, tokens: &[crate::verify::phrase::Token], t: usize) -> bool {
    t >= 2
        && text[tokens[t - 1].end..tokens[t].start].trim() == "("
        && (tokens[t - 1].is_number
            || crate::verify::lexicon::Lexicon::built_in()
                .scales
                .contains_key(&tokens[t - 1].text))
}

/// "decreased by $7.4 billion", "an increase of $2 billion", "11 billion less than": the
/// amount is a difference, and which way it goes.
fn difference_of(
    text: &str,
    tokens: &[crate::verify::phrase::Token],
    printed: Range<usize>,
    sentence: Range<usize>,
) -> Option<crate::verify::phrase::Direction> {
    use crate::verify::phrase::Direction::{Down, Up};
    const UP: &[&str] = &[
        "increased",
        "increase",
        "rose",
        "rise",
        "grew",
        "growth",
        "gained",
        "gain",
        "widened",
        "jumped",
        "climbed",
        "expanded",
        "up",
        "more",
        "higher",
        "surged",
        "soared",
        "added",
        // "imports climbing $35.4 million, or 32.9 percent to $143 million"
        "climbing",
        "rising",
        "growing",
        "increasing",
        "jumping",
        "surging",
        "gaining",
    ];
    const DOWN: &[&str] = &[
        "decreased",
        "decrease",
        "fell",
        "fall",
        "dropped",
        "drop",
        "declined",
        "decline",
        "narrowed",
        "shrank",
        "contracted",
        "down",
        "less",
        "lower",
        "slumped",
        "plunged",
        "lost",
        "reduced",
        "reduction",
        "falling",
        "dropping",
        "declining",
        "decreasing",
        "plunging",
        "slumping",
        "shrinking",
    ];
    let word = |j: usize| {
        if sentence.contains(&j) {
            tokens[j].text.as_str()
        } else {
            ""
        }
    };
    let dir = |w: &str| {
        if UP.contains(&w) {
            Some(Up)
        } else if DOWN.contains(&w) {
            Some(Down)
        } else {
            None
        }
    };
    let first = printed.start;
    // "up 18.2% ($321 million) from 2012", "a 3.6% increase ($41 million)": an amount in
    // brackets right after a rate and its direction is the change in money.
    let bracketed = first > 0 && text[tokens[first - 1].end..tokens[first].start].trim() == "(";
    // (Not after a period: "a 2% increase from 2023 (€2.89 billion)" is the base.)
    if bracketed {
        let percent = |j: usize| matches!(word(j), "%" | "percent" | "cent" | "pct");
        let rate_right_before = percent(first - 1)
            || (first >= 2 && percent(first - 2) && dir(word(first - 1)).is_some());
        if rate_right_before
            && let Some(d) = (first.saturating_sub(4)..first)
                .rev()
                .find_map(|j| dir(word(j)))
        {
            return Some(d);
        }
    }
    // "fell by $5.6 billion", "decreased by $7.4 billion", "has increased the trade
    // turnover with Italy by $6.4 billion" (the verb's object between, no number or
    // punctuation).
    // (Spanish and Portuguese: "una reducción en las ventas por 300 millones", "aumentaron
    // en 300 millones", "cresceu em 61,2 milhões": the lexicon's verbs.)
    let lexicon = crate::verify::lexicon::Lexicon::built_in();
    // A verb of change in any language the lexicon has.
    let lexicon_dir = |w: &str| {
        if lexicon.up.iter().any(|x| x == w) {
            Some(Up)
        } else if lexicon.down.iter().any(|x| x == w) {
            Some(Down)
        } else {
            None
        }
    };
    let by_foreign = first >= 2 && matches!(word(first - 1), "por" | "en" | "em");
    if first >= 2
        && (word(first - 1) == "by" || by_foreign)
        && let Some((j, d)) = (first.saturating_sub(8)..first - 1).rev().find_map(|j| {
            let w = word(j);
            dir(w)
                .or_else(|| lexicon_dir(w).filter(|_| by_foreign))
                .map(|d| (j, d))
        })
        && (j + 4 >= first
            || ((j + 1..first - 1).all(|k| !tokens[k].is_number)
                && !text[tokens[j].end..tokens[first - 1].start]
                    .contains([',', ';', '.', '(', ')'])))
    {
        return Some(d);
    }
    // Polish "zwiększyło się o 4,9 mld dol." ("increased by"): "o" after a verb of change
    // (the lexicon's, which has the Polish ones).
    if first >= 2
        && word(first - 1) == "o"
        && let Some(d) = (first.saturating_sub(4)..first - 1)
            .rev()
            .map(word)
            .find_map(lexicon_dir)
    {
        return Some(d);
    }
    // "increased a measly Sh901.3 million, or 1.95 percent, to Sh47.02 billion", "rose $2
    // billion to $10 billion": a verb right before the amount, the new value after "to".
    let verb_before = (first.saturating_sub(4)..first).rev().find_map(|j| {
        let between_ok = (j + 1..first).all(|k| {
            matches!(
                word(k),
                "a" | "an"
                    | "some"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "measly"
                    | "mere"
                    | "further"
                    | "additional"
                    | "another"
                    | "just"
            )
        });
        let w = word(j);
        let participle = w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"));
        (between_ok && (participle || matches!(w, "rose" | "grew" | "fell")))
            .then(|| dir(w))
            .flatten()
    });
    if let Some(d) = verb_before {
        let last = printed.end;
        let to_amount = (last..(last + 12).min(sentence.end)).any(|j| {
            word(j) == "to"
                && tokens
                    .get(j + 1..(j + 3).min(sentence.end))
                    .is_some_and(|ts| ts.iter().any(|t| t.is_number))
        });
        if to_amount {
            return Some(d);
        }
    }
    // "an increase of 31.6 per cent or £1 billion", "decreased by 19.7 per cent or £346
    // million": the amount of the change said after its rate.
    if first >= 3
        && word(first - 1) == "or"
        && matches!(word(first - 2), "%" | "percent" | "cent" | "pc" | "pct")
        && let Some(d) = (first.saturating_sub(10)..first - 2)
            .rev()
            .find_map(|j| dir(word(j)))
    {
        return Some(d);
    }
    // "an increase of $2 billion", "a decline of $1.2 billion"
    if first >= 2
        && word(first - 1) == "of"
        && matches!(
            word(first - 2),
            "increase"
                | "decrease"
                | "rise"
                | "fall"
                | "drop"
                | "decline"
                | "growth"
                | "gain"
                | "reduction"
        )
    {
        return dir(word(first - 2));
    }
    // "imports from the EU dropped £6.6 billion": a verb of change right before the amount.
    const VERBS: &[&str] = &[
        "increased",
        "rose",
        "grew",
        "gained",
        "widened",
        "jumped",
        "climbed",
        "expanded",
        "surged",
        "soared",
        "added",
        "decreased",
        "fell",
        "dropped",
        "declined",
        "narrowed",
        "shrank",
        "contracted",
        "slumped",
        "plunged",
        "lost",
        "dipped",
        "slipped",
        "up",
        "down",
    ];
    // Not "made up $10.67 million", "took up": a share of a whole.
    let idiom = first >= 2
        && word(first - 1) == "up"
        && matches!(
            word(first - 2),
            "made"
                | "make"
                | "makes"
                | "making"
                | "took"
                | "take"
                | "takes"
                | "taking"
                | "add"
                | "adds"
                | "added"
                | "sum"
                | "sums"
                | "summed"
        );
    if first >= 1 && VERBS.contains(&word(first - 1)) && !idiom {
        return dir(word(first - 1)).or_else(|| {
            let w = word(first - 1);
            if ["dipped", "slipped"].contains(&w) {
                Some(Down)
            } else {
                None
            }
        });
    }
    // "a £5.6 billion, or 40.7 per cent, plunge", "a £200 million – 1.7 per cent – increase":
    // a noun of change after the amount, past only a bracketed percentage.
    // "decrease of 8.0% or £1.6 billion": the amount of a percentage change.
    if first >= 3
        && word(first - 1) == "or"
        && matches!(word(first - 2), "%" | "percent" | "cent")
        && let Some(d) = (first.saturating_sub(8)..first - 2)
            .rev()
            .find_map(|j| dir(word(j)))
    {
        return Some(d);
    }
    let mut j = printed.end;
    // "amounted to $26.6 million – 11.4% more than last year's": past a dash, a rate
    // compared with another amount is the level's (as past a comma); "a £200 million – 1.7
    // per cent – increase" is still a difference.
    let mut dashed = false;
    while j < sentence.end && j < printed.end + 5 {
        if j > 0 && {
            let gap = &text[tokens[j - 1].end..tokens[j].start];
            gap.contains(['–', '—']) || gap.contains(" - ")
        } {
            dashed = true;
        }
        // Not past a bracket ("£20.9 billion (decrease of 8.0% ...)" is a level), except a
        // bracketed percentage: "USD$369 million (6.9%) lower than".
        if j > 0 && text[tokens[j - 1].end..tokens[j].start].contains(['(', ')']) {
            let closing = text[tokens[j - 1].end..tokens[j].start].contains(')')
                && matches!(word(j - 1), "%" | "percent");
            let bracketed_percent = closing
                || text[tokens[j - 1].end..tokens[j].start].contains('(')
                    && tokens[j].is_number
                    && matches!(word(j + 1), "%" | "percent")
                    && tokens
                        .get(j + 2)
                        .is_some_and(|t| text[tokens[j + 1].end..t.start].contains(')'));
            if !bracketed_percent {
                break;
            }
        }
        // "$3.71 billion, 34.33 per cent higher than $2.76 billion": past a comma the rate
        // is the level's, compared with another amount.
        if j > 0 && text[tokens[j - 1].end..tokens[j].start].contains(',') {
            break;
        }
        let w = word(j);
        if tokens[j].is_number || matches!(w, "or" | "per" | "cent" | "percent" | "%") {
            j += 1;
            continue;
        }
        if matches!(
            w,
            "plunge"
                | "increase"
                | "rise"
                | "fall"
                | "drop"
                | "decline"
                | "jump"
                | "gain"
                | "surge"
                | "decrease"
                | "slump"
                | "reduction"
                | "growth"
        ) || (matches!(w, "lower" | "higher" | "less" | "more")
            && word(j + 1) == "than"
            && !dashed)
        {
            return dir(w).or(Some(if matches!(w, "plunge" | "slump") {
                Down
            } else {
                Up
            }));
        }
        break;
    }
    // "$11 billion less than", "$2 billion more than"; "($80 millions more)": a
    // difference in brackets after a change.
    let after = printed.end;
    let closed = tokens.get(after).is_some_and(|t| {
        matches!(t.text.as_str(), "more" | "less")
            && text[t.end..].trim_start().starts_with(')')
            && text[..tokens[first].start].trim_end().ends_with('(')
    });
    if (word(after + 1) == "than" || closed)
        && let Some(d) = dir(word(after))
    {
        return Some(d);
    }
    None
}

/// "global trade surplus", "overall exports", "with the world", "Ireland's total imports",
/// "exported $422.2 billion to the world": a figure with the world. The amount's tokens
/// are `amount_start..after`.
fn global(
    text: &str,
    tokens: &[crate::verify::phrase::Token],
    word: &MeasureWord,
    amount_start: usize,
    after: usize,
) -> Option<String> {
    let before = word.tokens.start.saturating_sub(2)..word.tokens.start;
    // ("imports from the world's most populous nation": a country said so, not the world)
    let world_after = |from: usize| {
        tokens.get(from..from + 3).is_some_and(|ts| {
            matches!(ts[0].text.as_str(), "with" | "to" | "from")
                && ts[1].text == "the"
                && ts[2].text == "world"
                && !["'s", "’s"]
                    .iter()
                    .any(|s| text[ts[2].end..].starts_with(s))
        })
    };
    // "the country's total imports [were] 104.07 billion euros", "its total exports": an
    // economy's own total, said before its amount ("£93.0 billion (7.3%) of the UK's total
    // trade" is a part). (A total of one partner's trade names the partner: "total exports
    // to China", which the caller reads first.)
    let owners_total = word.tokens.start > 0
        && word.tokens.end <= amount_start
        // No other number between: "its total import bill in March 2021, rising 4% to
        // $210.5 million" is not the total.
        && !tokens[word.tokens.end..amount_start].iter().any(|t| t.is_number)
        && {
        let t = &tokens[word.tokens.start - 1];
        t.text == "total" && {
            let head = text[..t.start].trim_end();
            head.ends_with("'s")
                || head.ends_with("’s")
                || head.ends_with("s'")
                || head.ends_with(" its")
                || head.ends_with(" their")
        }
    };
    let said = tokens[before].iter().any(|t| {
        matches!(
            t.text.as_str(),
            "global" | "overall" | "worldwide" | "world"
        )
    }) || world_after(word.tokens.end)
        || world_after(after)
        // "Japan's trade surplus worldwide"
        || tokens.get(word.tokens.end).is_some_and(|t| t.text == "worldwide")
        || owners_total;
    said.then(|| "WLD".to_string())
}

/// The tokens of sentence `s`.
fn token_range(sentence_of: &[usize], s: usize) -> Range<usize> {
    let start = sentence_of
        .iter()
        .position(|&x| x == s)
        .unwrap_or(sentence_of.len());
    let end = sentence_of[start..]
        .iter()
        .position(|&x| x != s)
        .map_or(sentence_of.len(), |e| start + e);
    start..end
}

/// The pair: as given, else the two economies named most (first named first).
fn choose_pair(article: &mut Article, mentions: &[Mention]) {
    if article.reporter.is_some() && article.partner.is_some() {
        return;
    }
    // "HANOI, Vietnam — President Marcos wants ...": a dateline names where the story was
    // written, not the pair it reports on.
    let dateline_end = {
        let head: String = article.text.chars().take(80).collect();
        let dash = ["—", " -- ", " – ", " - "]
            .iter()
            .filter_map(|d| head.find(d))
            .min();
        dash.filter(|&d| {
            head[..d]
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.len() >= 3 && w.chars().all(|c| c.is_uppercase()))
        })
        .unwrap_or(0)
    };
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if article.tokens[m.tokens.start].start < dateline_end {
            continue;
        }
        let e = counts.entry(m.economy.as_str()).or_insert((0, i));
        e.0 += 1;
    }
    // An economy named as the owner of a flow ("Nepal's exports", "imports of Nepal") is
    // the one the text reports on: it counts twice more.
    let measures = resolve::measure_words(&article.tokens);
    for w in &measures {
        if let (Some(owner), _) = owner_of(&article.text, mentions, &article.tokens, w)
            && let Some(e) = counts.get_mut(owner.as_str())
        {
            e.0 += 2;
        }
    }
    // A country and its region count as one: the region names the pair (RU-FE over RUS).
    let names: Vec<&str> = counts.keys().copied().collect();
    for a in &names {
        for b in &names {
            if a != b && same_country(a, b) && a.contains('-') {
                let (n, _) = counts[b];
                if let Some(e) = counts.get_mut(a) {
                    e.0 += n;
                }
                counts.remove(b);
            }
        }
    }
    let mut ranked: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
    // A region ("the Middle East") is the pair's side only when too few countries are named.
    ranked.sort_by_key(|(e, (n, first))| (e.starts_with('_'), std::cmp::Reverse(*n), *first));
    // ("Cambodia's trade with the EU ... Spain imported $953 million; Germany imported ..."):
    // a group and one of its members are no pair.
    let mut top: Vec<(&str, usize)> = Vec::new();
    for (e, (_, f)) in &ranked {
        let kin =
            |t: &&(&str, usize)| crate::codes::is_member(e, t.0) || crate::codes::is_member(t.0, e);
        if top.len() < 2 && !top.iter().any(|t| kin(&t)) {
            top.push((e, *f));
        }
    }
    top.sort_by_key(|(_, f)| *f);
    let given = article.reporter.clone().or(article.partner.clone());
    match (given, top.as_slice()) {
        (Some(g), _) => {
            let other = top
                .iter()
                .find(|(e, _)| !same_country(e, &g))
                .map(|(e, _)| e.to_string());
            if article.reporter.is_some() {
                article.partner = other;
            } else {
                article.reporter = other;
            }
        }
        (None, [(a, _), (b, _)]) => {
            article.reporter = Some(a.to_string());
            article.partner = Some(b.to_string());
        }
        _ => {}
    }
}

/// The measure of the amount at token `at`, and the word that says it.
#[allow(clippy::too_many_arguments)]
fn measure_of(
    measures: &[MeasureWord],
    clauses: &[Range<usize>],
    tokens: &[crate::verify::phrase::Token],
    sentence: Range<usize>,
    at: usize,
    text: &str,
    _s: usize,
    last: Option<TradeMeasure>,
) -> (Option<TradeMeasure>, Option<MeasureWord>) {
    let clause = resolve::clause_of(clauses, tokens, at);
    let in_sentence: Vec<&MeasureWord> = measures
        .iter()
        .filter(|m| sentence.contains(&m.tokens.start))
        .collect();
    let in_clause: Vec<&&MeasureWord> = in_sentence
        .iter()
        .filter(|m| clause.is_some_and(|c| clauses[c].contains(&tokens[m.tokens.start].start)))
        .collect();
    // "Overall Exports (including export and re-export) fell by 0.3% to USD284.32
    // billion": a word in a bracket closed before the amount is not the amount's, when a
    // word stands before the bracket.
    let bracketed_off = |m: &MeasureWord| {
        let gap = &text[tokens[m.tokens.end - 1].end..tokens[at].start];
        gap.find(')').is_some_and(|c| !gap[..c].contains('('))
    };
    let before = |list: &[&MeasureWord]| {
        let earlier = || list.iter().filter(|m| m.tokens.start < at);
        earlier()
            .filter(|m| !bracketed_off(m))
            .max_by_key(|m| m.tokens.start)
            .or_else(|| earlier().max_by_key(|m| m.tokens.start))
            .map(|m| (*m).clone())
    };
    let after = |list: &[&MeasureWord]| {
        list.iter()
            .filter(|m| m.tokens.start > at)
            .min_by_key(|m| m.tokens.start)
            .map(|m| (*m).clone())
    };
    let clause_list: Vec<&MeasureWord> = in_clause.iter().map(|m| **m).collect();
    // "..., and NZD$1.45 billion goods and services imported from the Pacific": a flow's
    // participle a few words after the amount in its clause says more than a word of
    // another clause before.
    // ("USD70.93 billion (38.9%) were exported goods": past its share in brackets.)
    let past_bracket = || {
        let list: Vec<&MeasureWord> = in_sentence
            .iter()
            .copied()
            .filter(|m| {
                m.tokens.start > at
                    && !text[tokens[at].start..tokens[m.tokens.start].start].contains([',', ';'])
            })
            .collect();
        after(&list)
    };
    let participle_after = || {
        after(&clause_list).or_else(past_bracket).filter(|m| {
            m.tokens.start <= at + 7
                && matches!(
                    tokens[m.tokens.start].text.as_str(),
                    "exported" | "imported" | "shipped" | "purchased" | "bought" | "sold"
                )
        })
    };
    // "over US$28.5 million worth of its imports": the flow named right after "worth of"
    // is the amount's, whatever the clause named before it.
    let flow_worth_of = || {
        let list: Vec<&MeasureWord> = in_sentence
            .iter()
            .copied()
            .filter(|m| {
                m.tokens.start > at
                    && m.tokens.start <= at + 9
                    && !text[tokens[at].start..tokens[m.tokens.start].start].contains([',', ';'])
                    && (at..m.tokens.start).any(|j| {
                        tokens[j].text == "worth"
                            && tokens.get(j + 1).is_some_and(|t| t.text == "of")
                            && m.tokens.start - j <= 3
                            && !tokens[j + 2..m.tokens.start]
                                .iter()
                                .any(|t| matches!(t.text.as_str(), "and" | "or" | "goods"))
                    })
            })
            .collect();
        after(&list)
    };
    let found = flow_worth_of()
        .or_else(|| before(&clause_list))
        .or_else(participle_after)
        .or_else(|| before(&in_sentence))
        .or_else(|| after(&clause_list))
        .or_else(|| after(&in_sentence));
    if let Some(w) = found {
        return (Some(w.measure), Some(w));
    }
    // "this figure was $30.72 million": the measure of the figure before.
    let sentence_text =
        text[tokens[sentence.start].start..tokens[sentence.end - 1].end].to_lowercase();
    let refers = [
        "this figure",
        "the figure",
        "that figure",
        "this amount",
        "the amount",
        "this number",
        "the value",
        "it was",
        "it stood",
        "it amounted",
        "it hit",
        "it reached",
        "it totalled",
        "it totaled",
    ]
    .iter()
    .any(|w| sentence_text.contains(w));
    (if refers { last } else { None }, None)
}

/// The economy whose flow a measure word names, and the other side if named: "Russian
/// exports" (RUS, –), "exports from China to the US" (CHN, USA), "imports from Russia"
/// (–, RUS).
fn owner_of(
    text: &str,
    mentions: &[Mention],
    tokens: &[crate::verify::phrase::Token],
    word: &MeasureWord,
) -> (Option<String>, Option<String>) {
    let start = word.tokens.start;
    let reach = if word.measure == TradeMeasure::Balance {
        4
    } else {
        3
    };
    let before = mentions
        .iter()
        .filter(|m| m.tokens.end <= start && start - m.tokens.end < reach)
        // Not across the end of a sentence, nor a comma or a bracket ("the United Arab
        // Emirates (UAE), the trade volume of the two nations").
        .filter(|m| {
            !text[tokens[m.tokens.end - 1].end..tokens[start].start]
                .contains(['.', '!', '?', ';', ',', '(', ')'])
        })
        .filter(|m| {
            // nothing but "'s", adjectives and articles between: no "to", "from", "with";
            // no "while its" ("exported $6.3 billion to Peru while its imports": its =
            // the subject's, not Peru's)
            !tokens[m.tokens.end..start].iter().any(|t| {
                matches!(
                    t.text.as_str(),
                    "to" | "from"
                        | "with"
                        | "and"
                        | "between"
                        | "by"
                        | "in"
                        | "while"
                        | "whereas"
                        | "its"
                        | "their"
                        // "imported ... from Malaysia against the export of $337.81 million"
                        | "against"
                        | "versus"
                        | "than"
                )
            })
        })
        // Not the object of a preposition: "Angola's balance of trade with the United
        // States showed a surplus" (the surplus is Angola's) — unless it owns the flow
        // ("with Iran's exports at $377 million", "with Russian imports").
        .filter(|m| {
            let last = &tokens[m.tokens.end - 1];
            let after = &text[last.end..];
            let possessive =
                last.text.ends_with("'s") || after.starts_with("'s") || after.starts_with("’s");
            // (nor said right before the flow: "with Russian imports to India")
            if possessive || m.tokens.end == start {
                return true;
            }
            let mut k = m.tokens.start;
            if k > 0 && tokens[k - 1].text == "the" {
                k -= 1;
            }
            k == 0
                || !matches!(
                    tokens[k - 1].text.as_str(),
                    "with" | "to" | "from" | "against" | "versus" | "towards" | "toward"
                )
        })
        .max_by_key(|m| m.tokens.end);
    // "Chile-Peru trade", "Russia–China trade": two economies joined by a dash name the
    // pair, the second no more the owner than the first.
    let joined = before.and_then(|b| {
        mentions.iter().find(|m| {
            m.tokens.end == b.tokens.start
                && text[tokens[m.tokens.end - 1].end..tokens[b.tokens.start].start]
                    .trim()
                    .chars()
                    .all(|c| matches!(c, '-' | '–' | '—' | '/'))
                && !text[tokens[m.tokens.end - 1].end..tokens[b.tokens.start].start]
                    .trim()
                    .is_empty()
        })
    });
    let joined_other = joined.map(|m| m.economy.clone());
    let before = before.map(|m| m.economy.clone());
    // "U.S.-bound exports": the economy is where they go.
    let bound = mentions
        .iter()
        .find(|m| {
            m.tokens.end < start
                && tokens[m.tokens.end].text == "bound"
                && m.tokens.end + 1 == start
        })
        .map(|m| m.economy.clone());
    // "in favor of the Philippines, which exported 4 billion euros": the economy the
    // relative pronoun stands for.
    let relative = (start > 0 && matches!(tokens[start - 1].text.as_str(), "which" | "who"))
        .then(|| {
            mentions.iter().find(|m| {
                m.tokens.end == start - 1
                    && text[tokens[m.tokens.end - 1].end..tokens[start - 1].start].trim() == ","
            })
        })
        .flatten()
        .map(|m| m.economy.clone());
    let before = before.or(relative);
    let mut owner = before.filter(|_| bound.is_none());
    let mut other = bound.or(joined_other);
    // "Germany is Australia's fifth-largest source of imports", "China is Peru's main
    // market for exports": the possessor's flow, with the subject.
    if let Some((possessor, subject)) = role_of_subject(text, mentions, tokens, start) {
        return (Some(possessor), subject);
    }
    let mut j = word.tokens.end;
    // up to eight words after, past the amount: "exports of goods from China to the US",
    // "a trade deficit of ¥3.36 trillion with China"
    while j < tokens.len() && j < word.tokens.end + 8 {
        let w = tokens[j].text.as_str();
        if matches!(
            w,
            "were" | "was" | "rose" | "fell" | "while" | "and" | "as" | "but"
        ) {
            break;
        }
        // Not past the end of its sentence ("... a $9.73 billion trade deficit in that
        // period. Latest figures released by the US Census Bureau").
        if j > word.tokens.end
            && text[tokens[j - 1].end..tokens[j].start].contains(['.', '!', '?', ';'])
        {
            break;
        }
        // "to China", "to the United States", "with the entire Middle East"
        let mut skip = usize::from(tokens.get(j + 1).is_some_and(|t| t.text == "the"));
        if skip == 1
            && tokens.get(j + 2).is_some_and(|t| {
                matches!(
                    t.text.as_str(),
                    "entire" | "whole" | "wider" | "broader" | "rest"
                )
            })
        {
            skip = 2;
        }
        let next = mentions.iter().find(|m| m.tokens.start == j + 1 + skip);
        // Russian: "экспорт в Украину", "импорт в Молдову из Украины", "торговля с Китаем".
        let w = match w {
            "в" | "во" => "into",
            "из" => "from",
            "с" | "со" => "with",
            _ => w,
        };
        match (w, next) {
            // "a deficit from the Chinese market", "a surplus with China": the other side.
            ("from" | "against", Some(m)) if word.measure == TradeMeasure::Balance => {
                other = Some(m.economy.clone());
            }
            ("from" | "of" | "by", Some(m)) => {
                // "importing $14.8 billion worth of German products": where they come from.
                let goods_of = w == "of"
                    && tokens.get(m.tokens.end).is_some_and(|t| {
                        matches!(
                            t.text.as_str(),
                            "products" | "goods" | "items" | "origin" | "commodities"
                        )
                    });
                if word.measure == TradeMeasure::Imports && (w == "from" || goods_of) {
                    other = Some(m.economy.clone());
                } else if owner.is_none() {
                    owner = Some(m.economy.clone());
                }
            }
            ("to" | "with" | "into", Some(m)) => {
                // "imports into Kenya", "imports from China to Tanzania": the importer;
                // one named before "into" is where they come from ("EU imports into
                // Cambodia"; "Pakistan imports to the UK" is said of either side).
                if word.measure == TradeMeasure::Imports && w == "into" {
                    if let Some(source) = owner.take().filter(|o| *o != m.economy) {
                        other = other.or(Some(source));
                    }
                    owner = Some(m.economy.clone());
                } else if word.measure == TradeMeasure::Imports && w == "to" {
                    owner = owner.or(Some(m.economy.clone()));
                } else {
                    other = Some(m.economy.clone());
                }
            }
            ("for", Some(m)) if word.measure == TradeMeasure::Balance => {
                owner = owner.or(Some(m.economy.clone()))
            }
            _ => {}
        }
        j += 1;
    }
    (owner, other)
}

/// For a measure word at token `start` after "source of", "market for" ("Germany is
/// Australia's largest source of imports"): the possessor before the role noun (whose flow
/// it is) and the subject said before "is" (the other side), when the text says them so.
fn role_of_subject(
    text: &str,
    mentions: &[Mention],
    tokens: &[crate::verify::phrase::Token],
    start: usize,
) -> Option<(String, Option<String>)> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text.as_str());
    if start < 2
        || !matches!(word(start - 1), "of" | "for")
        || !matches!(
            word(start - 2),
            "source" | "supplier" | "market" | "destination" | "partner"
        )
    {
        return None;
    }
    let noun = start - 2;
    // The possessor: a name with "'s" a few words (adjectives, ranks) before the noun.
    let possessor = mentions.iter().rev().find(|m| {
        let last = &tokens[m.tokens.end - 1];
        let after = &text[last.end..];
        let possessive =
            last.text.ends_with("'s") || after.starts_with("'s") || after.starts_with("’s");
        m.tokens.end <= noun && noun - m.tokens.end <= 4 && possessive
    })?;
    let subject = mentions
        .iter()
        .filter(|m| m.tokens.end <= possessor.tokens.start)
        .filter(|m| {
            (m.tokens.end..possessor.tokens.start).all(|k| {
                matches!(
                    word(k),
                    "is" | "was"
                        | "remains"
                        | "remained"
                        | "became"
                        | "has"
                        | "been"
                        | "the"
                        | "now"
                        | "still"
                        | "also"
                )
            }) && m.tokens.end < possessor.tokens.start
        })
        .max_by_key(|m| m.tokens.end)
        .map(|m| m.economy.clone());
    Some((possessor.economy.clone(), subject))
}

/// The owner within the pair: a region's country is the region ("Russian" exports of the
/// Russian Far East), and the side that is not `other` when only `other` is said.
fn settle_owner(
    owner: Option<String>,
    other: Option<String>,
    pair: &[String],
    home: Option<&String>,
) -> Option<String> {
    let in_pair = |e: &str| pair.iter().find(|p| same_country(p, e)).cloned();
    match (owner, other) {
        (Some(o), _) => in_pair(&o).or(Some(o)),
        // "exports to China" in a text about South Africa and Brazil: the text's home
        // economy's, when it has one.
        (None, Some(x)) if in_pair(&x).is_none() && home.is_some() => home.cloned(),
        (None, Some(x)) => {
            let x = in_pair(&x).unwrap_or(x);
            pair.iter().find(|p| **p != x).cloned()
        }
        (None, None) => None,
    }
}

/// The economy of the pair a text is written from: the one it names with "'s" ("South
/// Africa's exports") more often than the other, at least twice.
fn home_economy(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    pair: &[String],
) -> Option<String> {
    let possessed = |e: &String| {
        mentions
            .iter()
            .filter(|m| same_country(&m.economy, e))
            .filter(|m| {
                let end = tokens[m.tokens.end - 1].end;
                // (the tokens may hold the "'s" or leave it after)
                let (before, after) = text.split_at(end);
                ["'s", "’s"]
                    .iter()
                    .any(|s| before.ends_with(s) || after.starts_with(s))
            })
            .count()
    };
    let counts: Vec<(usize, &String)> = pair.iter().map(|e| (possessed(e), e)).collect();
    match counts.as_slice() {
        [(a, x), (b, y)] if a > b && *a >= 2 => Some((*x).clone()),
        [(a, _), (b, y)] if b > a && *b >= 2 => Some((*y).clone()),
        _ => None,
    }
}

/// "of which oil products accounted for $9.08 million": the figure this amount is a part
/// of (the amount before "of which" in the sentence) and the product words.
fn part_of(
    text: &str,
    tokens: &[crate::verify::phrase::Token],
    clauses: &[Range<usize>],
    clause: Option<usize>,
    figures: &[Figure],
    sentence_figures: &[usize],
    numbers: &[super::numbers::Number],
) -> Option<(usize, String)> {
    let c = &clauses[clause?];
    // "(including India's exports to Morocco at US$ 587.2 million ...)"
    let clause_text = text[c.clone()]
        .trim_start()
        .trim_start_matches('(')
        .to_lowercase();
    let rest = clause_text
        .strip_prefix("of which")
        .or_else(|| clause_text.strip_prefix("including"))
        .or_else(|| clause_text.strip_prefix("among which"))?;
    let whole = *sentence_figures.last()?;
    let _ = (tokens, numbers);
    let words: Vec<&str> = rest
        .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
        .filter(|w| !w.is_empty())
        .take_while(|w| !PART_VERBS.contains(w) && !w.chars().any(|ch| ch.is_ascii_digit()))
        .filter(|w| {
            !matches!(
                *w,
                "more"
                    | "less"
                    | "than"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "some"
                    | "around"
                    | "over"
                    | "r"
                    | "us"
                    | "usd"
                    | "rs"
            )
        })
        .collect();
    // "of which $22 million is exports from Kyrgyzstan": the flow named after the amount.
    let flow_after = || {
        let after: Vec<&str> = rest
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .skip_while(|w| !w.chars().any(|ch| ch.is_ascii_digit()))
            .skip(1)
            .skip_while(|w| {
                w.chars().any(|ch| ch.is_ascii_digit())
                    || matches!(
                        *w,
                        "million"
                            | "billion"
                            | "trillion"
                            | "bn"
                            | "mn"
                            | "mln"
                            | "bln"
                            | "m"
                            | "b"
                            | "dollars"
                            | "euros"
                            | "usd"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "in"
                            | "for"
                            | "worth"
                            | "of"
                    )
            })
            // ("$676 million of Israeli exports": a demonym may stand before the flow)
            .take(2)
            .collect();
        Some(after.join(" ")).filter(|w| names_a_flow(w))
    };
    let product = if !words.is_empty() {
        words.join(" ")
    } else if let Some(flow) = flow_after() {
        flow
    } else {
        "part".to_string()
    };
    let _ = figures;
    Some((whole, product))
}

/// The commodity of a re-exports figure.
pub(super) const RE_EXPORTS: &str = "re-exports";

/// "$68 million in January-June 2025, of which $22 million is exports and $46 million
/// imports": the parts of a whole, and the flows listed with them ("and ..."), are of the
/// whole's period when their own clause names none.
fn parts_of_the_whole_period(
    text: &str,
    numbers: &[super::numbers::Number],
    figures: &mut [Figure],
) {
    for f in 0..figures.len() {
        let Some(w) = figures[f].part_of else {
            continue;
        };
        let whole = figures[w].clone();
        let mut listed = vec![f];
        // The flows that follow the part in its sentence, joined by "and", no other amount
        // between.
        for g in f + 1..figures.len() {
            let prev = *listed.last().unwrap_or(&f);
            let gap = &text[numbers[figures[prev].number].printed.end
                ..numbers[figures[g].number].printed.start];
            // (A rate of the part may stand between: "$676 million of Israeli exports, an
            // increase of 1.2 percent compared to 2006, and $1.8b. of imports".)
            let joined = gap
                .split(|c: char| !c.is_alphanumeric())
                .any(|x| x == "and")
                && !gap.contains([';', ')']);
            if figures[g].sentence != figures[f].sentence
                || !joined
                || !matches!(
                    figures[g].measure,
                    Some(TradeMeasure::Exports | TradeMeasure::Imports)
                )
            {
                break;
            }
            listed.push(g);
        }
        for &p in &listed {
            let part = &mut figures[p];
            let not_its_own =
                part.period_note.is_some() || (part.period.is_none() && part.months_only.is_none());
            if not_its_own && part.period != whole.period {
                part.period = whole.period;
                part.months_only = whole.months_only;
                part.fiscal = whole.fiscal.clone();
                part.period_note = Some(PeriodNote::Sentence);
            }
        }
    }
}

/// The fiscal year before one, named as it is: "FY2021/22" → "FY2020/21", "FY25" → "FY24",
/// "FY2019" → "FY2018".
fn fiscal_year_before(label: &str) -> String {
    let shift = |y: &str| match y.parse::<u32>() {
        Ok(v) if v > 0 => format!("{:0width$}", v - 1, width = y.len()),
        _ => y.to_string(),
    };
    match label.strip_prefix("FY") {
        Some(years) => match years.split_once('/') {
            Some((a, b)) => format!("FY{}/{}", shift(a), shift(b)),
            None => format!("FY{}", shift(years)),
        },
        None => label.to_string(),
    }
}

/// Whether the words naming a part ("Viet Nam exported", "imports") name a flow.
fn names_a_flow(words: &str) -> bool {
    words.split(' ').any(|w| {
        w.starts_with("export")
            || w.starts_with("import")
            || matches!(
                w,
                "shipped" | "sold" | "bought" | "purchased" | "reaped" | "earned" | "spent"
            )
    })
}

/// Words naming products: those of the HS chapter titles (data/hs2.csv) and the words the
/// press uses for goods ("oil", "chips", "soybeans", "cars").
/// Whether `word` before a flow names a product ("oil exports", "non-traditional
/// shipments"), not the whole flow ("goods exports", "total exports").
pub(super) fn names_product(word: &str) -> bool {
    let last = word.rsplit('-').next().unwrap_or(word);
    !NOT_PRODUCTS.contains(&word) && (is_product_word(word) || is_product_word(last))
}

fn is_product_word(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::BTreeSet<String>> =
        std::sync::OnceLock::new();
    const PRESS: &[&str] = &[
        "oil",
        "gas",
        "lng",
        "crude",
        "fuel",
        "fuels",
        "petroleum",
        "coal",
        "energy",
        "chips",
        "semiconductors",
        "semiconductor",
        "soybeans",
        "soybean",
        "soy",
        "wheat",
        "corn",
        "maize",
        "rice",
        "grain",
        "grains",
        "steel",
        "iron",
        "copper",
        "gold",
        "silver",
        "aluminium",
        "aluminum",
        "nickel",
        "lithium",
        "cars",
        "car",
        "auto",
        "autos",
        "vehicle",
        "vehicles",
        "trucks",
        "aircraft",
        "arms",
        "weapons",
        "defence",
        "defense",
        "food",
        "agricultural",
        "farm",
        "beef",
        "pork",
        "poultry",
        "chicken",
        "seafood",
        "fish",
        "dairy",
        "wine",
        "textiles",
        "textile",
        "garments",
        "apparel",
        "clothing",
        "shoes",
        "footwear",
        "electronics",
        "electronic",
        "machinery",
        "machines",
        "equipment",
        "pharmaceuticals",
        "pharmaceutical",
        "medicines",
        "medical",
        "drugs",
        "chemicals",
        "chemical",
        "fertilisers",
        "fertilizers",
        "fertiliser",
        "fertilizer",
        "timber",
        "wood",
        "lumber",
        "paper",
        "plastics",
        "rubber",
        "diamonds",
        "gems",
        "jewellery",
        "jewelry",
        "minerals",
        "mineral",
        "ore",
        "ores",
        "metals",
        "metal",
        "smartphones",
        "phones",
        "computers",
        "batteries",
        "solar",
        "panels",
        "tea",
        "coffee",
        "cocoa",
        "sugar",
        "cotton",
        "wool",
        "tobacco",
        "fruit",
        "fruits",
        "vegetables",
        "nuts",
        "meat",
        "services",
        // Peru's, Colombia's, Ecuador's statistics split exports so.
        "traditional",
        "non-traditional",
        "nontraditional",
        "tourism",
        "cement",
        "glass",
        "ships",
        "vessels",
        "uranium",
        "potash",
        "non-oil",
        "oil-related",
        "commodity",
        "commodities",
        "manufactured",
        "goods-related",
    ];
    let words = WORDS.get_or_init(|| {
        let mut set: std::collections::BTreeSet<String> =
            PRESS.iter().map(|w| w.to_string()).collect();
        for line in include_str!("../../../data/hs2.csv").lines().skip(1) {
            let title = line.split_once(',').map_or("", |(_, t)| t);
            for w in title
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.len() >= 3)
            {
                let w = w.to_lowercase();
                if !matches!(
                    w.as_str(),
                    "and"
                        | "the"
                        | "other"
                        | "their"
                        | "thereof"
                        | "parts"
                        | "articles"
                        | "not"
                        | "nes"
                        | "for"
                        | "with"
                        | "products"
                        | "prepared"
                        | "similar"
                        | "kind"
                        | "used"
                        | "made"
                ) {
                    set.insert(w);
                }
            }
        }
        set
    });
    let w = word.to_lowercase();
    words.contains(&w)
        || words.contains(w.trim_end_matches('s'))
        || w.strip_prefix("non-")
            .is_some_and(|rest| words.contains(rest))
}

/// A product named with the measure word: "oil exports", "exports of crude oil".
fn product_of(
    text: &str,
    tokens: &[crate::verify::phrase::Token],
    mentions: &[Mention],
    word: &MeasureWord,
    sentence: Range<usize>,
) -> Option<String> {
    // ("services trade", "turnover in services": a product's turnover too; "a £5.7
    // billion surplus in services": a product's balance)
    let turnover = word.measure == TradeMeasure::Turnover;
    let balance = word.measure == TradeMeasure::Balance;
    if !matches!(word.measure, TradeMeasure::Exports | TradeMeasure::Imports)
        && !turnover
        && !balance
    {
        return None;
    }
    let is_economy = |j: usize| mentions.iter().any(|m| m.tokens.contains(&j));
    let plain = |j: usize| {
        if !sentence.contains(&j) {
            return false;
        }
        let t = &tokens[j];
        // A word before a number is its currency ("exports of USD 28 billion").
        let before_number = tokens.get(j + 1).is_some_and(|n| n.is_number);
        !t.is_number
            && !before_number
            && !CURRENCY_WORDS.contains(&t.text.as_str())
            && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && !is_economy(j)
            && names_product(&t.text)
    };
    let start = word.tokens.start;
    let spaced = |a: usize, b: usize| {
        let gap = &text[tokens[a].end..tokens[b].start];
        gap.chars().all(char::is_whitespace)
    };
    // "goods and services exports", "goods and private services trade": the whole flow,
    // not services alone.
    let whole = start >= 3
        && tokens[start - 1].text == "services"
        && tokens[start.saturating_sub(5)..start - 1]
            .windows(2)
            .any(|w| w[0].text == "goods" && w[1].text == "and");
    if whole {
        return None;
    }
    // "India's export to the U.S. in the services sector", "turnover in services": the
    // goods/services split said after the flow, before its amount.
    let end = word.tokens.end;
    let in_services = (end..(end + 6).min(tokens.len()))
        .take_while(|&j| sentence.contains(&j) && !tokens[j].is_number)
        .any(|j| {
            tokens[j].text == "in"
                && match tokens.get(j + 1).map(|t| t.text.as_str()) {
                    Some("services") => true,
                    Some("the") => tokens.get(j + 2).is_some_and(|t| t.text == "services"),
                    _ => false,
                }
        });
    if in_services {
        return Some("services".to_string());
    }
    if balance {
        return None;
    }
    if turnover {
        // ("services trade": not "non-oil trade", whose parts are seldom said so)
        let before = start.checked_sub(1).map(|j| tokens[j].text.as_str());
        return (before == Some("services") && start > 0 && plain(start - 1))
            .then(|| "services".to_string());
    }
    if start > 0 && plain(start - 1) && spaced(start - 1, start) {
        let mut first = start - 1;
        if first > 0 && plain(first - 1) && spaced(first - 1, first) {
            first -= 1;
        }
        let words: Vec<&str> = tokens[first..start]
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        // "non-traditional shipments", "agri-food exports": a hyphenated word whole.
        let prefix = if first > 0 && text[tokens[first - 1].end..tokens[first].start] == *"-" {
            format!("{}-", tokens[first - 1].text)
        } else {
            String::new()
        };
        return Some(format!("{prefix}{}", words.join(" ")));
    }
    // "Imports were led by machinery and transport equipment, amounting to €823 million":
    // the product leading the flow.
    let led = (end..end + 3).find(|&j| {
        sentence.contains(&(j + 2))
            && matches!(
                tokens.get(j).map(|t| t.text.as_str()),
                Some("led" | "dominated" | "headed")
            )
            && tokens.get(j + 1).is_some_and(|t| t.text == "by")
    });
    if let Some(j) = led
        && plain(j + 2)
    {
        let mut last = j + 2;
        if last + 1 < tokens.len() && plain(last + 1) && spaced(last, last + 1) {
            last += 1;
        }
        let words: Vec<&str> = tokens[j + 2..=last]
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        return Some(words.join(" "));
    }
    if tokens.get(end).is_some_and(|t| t.text == "of") && end + 1 < tokens.len() && plain(end + 1) {
        let mut last = end + 1;
        if last + 1 < tokens.len() && plain(last + 1) {
            last += 1;
        }
        let words: Vec<&str> = tokens[end + 1..=last]
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        return Some(words.join(" "));
    }
    None
}
