//! What an article asserts between its numbers.
//!
//! - a change ("rose 12%") or a multiple ("a triple growth", "3.9 times") between two
//!   amounts of one measure in two periods — the later over the earlier; when the periods
//!   are the same, the one said as the base ("from", "compared with") is the base;
//! - a direction said with no rate ("widened to $4.19 billion from $3.6 billion"): a
//!   change of that sign;
//! - a share ("18% of total exports", "of which"): a part over its whole — or over the sum
//!   of a breakdown's parts ("£2.6bn (63.8 percent) were goods and £1.5bn ... services");
//! - a point change between two percentages;
//! - a sum: exports and imports of one period adding up to the printed trade;
//! - a balance: a surplus or deficit equal to exports minus imports.
//!
//! A change with no base printed ("up 12% to $45 billion") is kept, marked unchecked:
//! nothing in the text can check it (the data can, when given); so is a base with no new
//! value ("up 22% from last year ($2.77 billion)"), and every other rate of a sentence about
//! trade, with no amount: no rate is dropped silently.

use super::numbers::NumberKind;
use super::{Article, DerivedBase, Figure, Relation};
use crate::model::Period;
use crate::verify::claims::TradeMeasure;
use crate::verify::lexicon::Lexicon;
use crate::verify::phrase::{self, Measure, Rounding};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelationKind {
    Change,
    Multiple,
    Sum,
    Balance,
    Share,
    Points,
    /// A printed difference between two printed amounts ("up $2.1 billion to $X from $Y").
    Difference,
    /// An average yearly rate over so many years between two printed amounts ("rose from
    /// CHF28 billion in 2000 to CHF44 billion in 2018 ... average annual growth of 2.5%").
    AverageChange {
        years: u32,
    },
}

impl RelationKind {
    pub fn name(self) -> &'static str {
        match self {
            RelationKind::Change => "change",
            RelationKind::Multiple => "multiple",
            RelationKind::Sum => "sum",
            RelationKind::Balance => "balance",
            RelationKind::Share => "share",
            RelationKind::Points => "points",
            RelationKind::Difference => "difference",
            RelationKind::AverageChange { .. } => "change",
        }
    }
}

/// Why a relation cannot be checked inside the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unchecked {
    /// A change or multiple of one printed amount: its base is not printed.
    NoBase,
    /// A share of a printed part whose whole is not printed.
    NoWhole,
    /// A share of a printed whole whose part is not printed ("US$6 billion, 98.5 percent
    /// of which was oil").
    NoPart,
    /// A change or share stated with no amount printed beside it.
    NoAmount,
    /// A change from a printed base whose new value is not printed ("up 22 per cent from
    /// last year ($2.77 billion)").
    NoNewValue,
}

impl Unchecked {
    pub fn name(self) -> &'static str {
        match self {
            Unchecked::NoBase => "no-base",
            Unchecked::NoWhole => "no-whole",
            Unchecked::NoPart => "no-part",
            Unchecked::NoAmount => "no-amount",
            Unchecked::NoNewValue => "no-new-value",
        }
    }
}

impl Relation {
    /// A relation said by total `t` (a sum or a balance) between `figures`, the total
    /// first.
    fn of_total(
        article: &Article,
        kind: RelationKind,
        t: usize,
        figures: Vec<usize>,
        said: bool,
    ) -> Relation {
        let total = &article.figures[t];
        Relation {
            said,
            kind,
            sentence: total.sentence,
            stated: None,
            says: article.numbers[total.number].printed.clone(),
            figures,
            percents: Vec::new(),
            derived_base: None,
            unchecked: None,
        }
    }

    /// A relation stated by number `n` of sentence `s` (its phrase the words that say it),
    /// between `figures`; not said outright, no percentages, no derived base.
    fn stated(
        article: &Article,
        kind: RelationKind,
        n: usize,
        s: usize,
        figures: Vec<usize>,
        unchecked: Option<Unchecked>,
    ) -> Relation {
        Relation {
            said: false,
            kind,
            sentence: s,
            stated: Some(n),
            says: article.numbers[n].phrase.clone(),
            figures,
            percents: Vec::new(),
            derived_base: None,
            unchecked,
        }
    }
}

/// Words that mark the base of a comparison, at the start of its clause.
const BASE_CUES: &[&str] = &["from", "compared", "against", "versus", "than", "over"];

pub(super) fn find(article: &Article, lexicon: &Lexicon) -> Vec<Relation> {
    let mut out = Vec::new();
    for (n, number) in article.numbers.iter().enumerate() {
        let stated_kind = match number.kind {
            NumberKind::Percent
            | NumberKind::Multiple
            | NumberKind::Points
            | NumberKind::ShareWord => number.kind.clone(),
            _ => continue,
        };
        let Some(p) = rate_said(article, lexicon, n) else {
            continue;
        };
        let Some(s) = sentence_of(article, number.printed.start) else {
            continue;
        };
        // (read once: the guard below and its arm)
        let mut coverage = (p.measure == Measure::Share)
            .then(|| coverage_ratio(article, n, s))
            .flatten();
        let difference = article
            .english
            .then(|| beside_difference(article, n, s))
            .flatten();
        let relation = match (p.measure, stated_kind) {
            // "average annual growth of around 2.5%": over the years between two amounts,
            // compounded — or, with no such amounts, not paired at all.
            (Measure::Change, _) if average_rate(article, n, s) => {
                average_change(article, n, s).or_else(|| average_unpaired(article, n, s))
            }
            // "an annual average growth rate of about five percent", "has grown at a rate of
            // 15 per cent on average": the words of growth stand before the rate's own.
            (Measure::Share, _) if average_rate(article, n, s) && growth_before(article, n, s) => {
                average_change(article, n, s).or_else(|| average_unpaired(article, n, s))
            }
            // "£5.6 billion, or 40.7 per cent, plunge", "increased by €973 million (+5%) to
            // €22,268 million": the percentage of a difference is a change by it.
            (measure @ (Measure::Share | Measure::Change), _)
                if let Some(d) = difference
                    && (measure == Measure::Share || signed_in_brackets(article, n)) =>
            {
                Some(change_by_difference(article, n, s, d))
            }
            (Measure::Change, _) => change(article, n, s, RelationKind::Change),
            (Measure::Multiple, _) => change(article, n, s, RelationKind::Multiple),
            // "an export-to-import coverage ratio of 229.8 percent", "le taux de couverture
            // ... 42,1%": exports over imports, in any language.
            (Measure::Share, _) if coverage.is_some() => coverage.take(),
            // Not paired in a language whose words for "of" and "total" are not read.
            (Measure::Share, _) if !article.english && said_by(article, n) => None,
            (Measure::Share, _) if !article.english => {
                anchor_only(article, n, s, RelationKind::Share).map(|r| Relation {
                    unchecked: Some(Unchecked::NoWhole),
                    ..r
                })
            }
            (Measure::Share, _) => share(article, n, s),
            (Measure::Points, _) => points(article, n, s),
            _ => None,
        };
        out.extend(relation);
    }
    out.extend(of_which(article));
    let differences = differences(article);
    // "fell by $49.25 billion or 16 per cent": a rate said with a difference compares the
    // difference's two amounts (the difference kept last, for its direction).
    for r in &mut out {
        if matches!(r.kind, RelationKind::Change)
            && r.unchecked == Some(Unchecked::NoBase)
            && let [d] = r.figures[..]
            && article.figures[d].difference.is_some()
            && let Some(pair) = differences.iter().find(|x| x.figures[0] == d)
        {
            r.figures = vec![pair.figures[1], pair.figures[2], d];
            r.unchecked = None;
        }
    }
    out.extend(differences);
    let directions = directions_said(article, &out);
    out.extend(directions);
    // A part of a share ("25% of exports, or ¥1.14 trillion") is no flow's total — unless
    // it is a flow of the trade it is "of which" ("trade reached $36.3 billion, of which
    // Viet Nam exported $30.6 billion … its imports were $5.7 billion"): a breakdown.
    let breakdowns = breakdowns(article);
    let mut parts: Vec<usize> = out
        .iter()
        .filter(|r| {
            r.kind == RelationKind::Share
                && r.figures.len() == 2
                && !flow_of_trade(article, r)
                && !coverage(article, r)
        })
        .map(|r| r.figures[0])
        .collect();
    // A breakdown's total and parts are no other sum's.
    parts.extend(breakdowns.iter().flat_map(|r| r.figures.iter().copied()));
    let mut sums = sums_and_balances(article, &parts);
    // A partner's share of an economy's trade ("USD17.62 billion or 9.7 percent of the total
    // trade") is the pair's own total all the same: a sum when its flows add up to it.
    let partner_totals: Vec<usize> = out
        .iter()
        .filter(|r| r.kind == RelationKind::Share && r.figures.len() == 2)
        .filter(|r| {
            let (part, whole) = (
                &article.figures[r.figures[0]],
                &article.figures[r.figures[1]],
            );
            part.measure == Some(TradeMeasure::Turnover) && partner_share(part, whole)
        })
        .map(|r| r.figures[0])
        .collect();
    if !partner_totals.is_empty() {
        let others: Vec<usize> = parts
            .iter()
            .copied()
            .filter(|f| !partner_totals.contains(f))
            .collect();
        for r in sums_and_balances(article, &others) {
            if r.kind == RelationKind::Sum
                && partner_totals.contains(&r.figures[0])
                && parts_add_up(article, r.figures[0], &r.figures[1..])
                && !sums.iter().any(|x| x.figures == r.figures)
            {
                sums.push(r);
            }
        }
    }
    sums.extend(breakdowns);
    // The breakdown's sum says more than the share of one of its flows (a rate printed
    // with it is a relation of its own).
    out.retain(|r| {
        !(flow_of_trade(article, r)
            && r.stated.is_none()
            && sums.iter().any(|s| {
                s.kind == RelationKind::Sum
                    && s.figures[0] == r.figures[1]
                    && s.figures.contains(&r.figures[0])
            }))
    });
    out.extend(sums);
    // A change between an amount and the same amount printed again ("a new export record
    // of $717.6 million ... reaching a record-high of $717.6 million") is one figure said
    // twice, not a base and a new value: the base is not printed.
    // So is a share whose part and whole are one amount ("£1,158 million" and the
    // headline's "£ 1,158mn").
    let same_amount = |x: usize, y: usize| {
        article.figures[x].currency == article.figures[y].currency
            && amount(article, x).is_some()
            && amount(article, x) == amount(article, y)
    };
    for r in &mut out {
        if matches!(
            r.kind,
            RelationKind::Change | RelationKind::Multiple | RelationKind::Share
        ) && r.stated.is_some()
            && r.derived_base.is_none()
            && let [x, y] = r.figures[..]
            && same_amount(x, y)
        {
            (r.figures, r.unchecked) = if r.kind == RelationKind::Share {
                (vec![x], Some(Unchecked::NoWhole))
            } else {
                (vec![y], Some(Unchecked::NoBase))
            };
            r.said = false;
        }
    }
    list_shares(article, &mut out);
    // A change said with no amount beside it: the pair of its measure printed around it;
    // with its new value only, the base of that flow a year before printed around it.
    for k in 0..out.len() {
        let r = &out[k];
        let changes = matches!(r.kind, RelationKind::Change | RelationKind::Multiple);
        let Some(n) = r.stated else { continue };
        if changes
            && r.unchecked == Some(Unchecked::NoAmount)
            && let Some((base, new)) = pair_beside(article, n, r.sentence, &out)
        {
            out[k].figures = vec![base, new];
            out[k].unchecked = None;
        } else if r.kind == RelationKind::Share
            && matches!(r.unchecked, Some(Unchecked::NoAmount | Unchecked::NoWhole))
            && let Some((part, whole)) = share_beside(article, n, r.sentence, &r.figures)
        {
            out[k].figures = vec![part, whole];
            out[k].unchecked = None;
        } else if r.unchecked == Some(Unchecked::NoAmount)
            && r.figures.is_empty()
            && let Some((total, unchecked)) = of_flow_total(article, r.kind, n, r.sentence)
        {
            out[k].figures = vec![total];
            out[k].unchecked = Some(unchecked);
        } else if changes
            && r.unchecked == Some(Unchecked::NoBase)
            && r.derived_base.is_none()
            && let [new] = r.figures[..]
            && let Some(base) = base_beside(article, n, r.sentence, new, &out)
        {
            out[k].figures = vec![base, new];
            out[k].unchecked = None;
        }
    }
    let unpaired = unpaired_rates(article, lexicon, &out);
    out.extend(unpaired);
    out.sort_by_key(|r| (r.sentence, r.says.start));
    out
}

/// "1. Norway: US$14.1 billion (10.1% of total Sweden exports) 2. Germany: $14 billion (10%)
/// 3. ...": in a list of amounts each with its share in brackets, the whole the first names
/// is every item's — not the item before.
fn list_shares(article: &Article, out: &mut [Relation]) {
    let bracketed = |r: &Relation| {
        r.kind == RelationKind::Share
            && r.stated.is_some_and(|n| {
                r.figures.first().is_some_and(|&p| {
                    let end = article.numbers[article.figures[p].number].printed.end;
                    let start = article.numbers[n].printed.start;
                    end <= start && article.text[end..start].trim() == "("
                })
            })
    };
    let items: Vec<usize> = (0..out.len()).filter(|&i| bracketed(&out[i])).collect();
    let parts: Vec<usize> = items.iter().map(|&i| out[i].figures[0]).collect();
    let mut whole: Option<(usize, usize)> = None; // (whole figure, sentence of the last item)
    for &i in &items {
        let r = &out[i];
        let part = r.figures[0];
        // A whole that is no other item of the list starts (or restarts) the list's whole.
        if let Some(&w) = r.figures.get(1).filter(|w| !parts.contains(w)) {
            whole = Some((w, r.sentence));
            continue;
        }
        let Some((w, last)) = whole else { continue };
        let same_kind = article.figures[w].currency == article.figures[part].currency;
        if r.sentence > last + 2 || !same_kind {
            whole = None;
            continue;
        }
        whole = Some((w, r.sentence));
        let r = &mut out[i];
        r.figures = vec![part, w];
        r.unchecked = None;
        r.said = false;
    }
}

/// What rate `n` says, read from its phrase ("rose by nearly 12%"), if it reads.
fn rate_said(article: &Article, lexicon: &Lexicon, n: usize) -> Option<phrase::Phrase> {
    phrase::parse(
        &article.numbers[n].phrase_text(&article.text),
        lexicon,
        Rounding::HalfUnit,
    )
    .ok()
}

/// Word stems that make a sentence speak of trade, in the languages read.
const TRADE_STEMS: &[&str] = &[
    "export",
    "import",
    "trade",
    "turnover",
    "shipment",
    "surplus",
    "deficit",
    "balance",
    "share",
    "partner",
    "sales",
    "exporta",
    "importa",
    "comerc",
    "commerc",
    "échange",
    "intercambi",
    "interscambi",
    "esporta",
    "handel",
    "ausfuhr",
    "einfuhr",
    "déficit",
    "excédent",
    "superávit",
    "saldo",
    "ventes",
    "ventas",
    "vendas",
    // pl, nl, tr, sv, da
    "eksport",
    "obrot",
    "wymian",
    "invoer",
    "uitvoer",
    "ihracat",
    "ithalat",
    "ticaret",
];

/// Words after "of" that say a rate is of trade ("of the total", "des exportations").
const OF_TRADE_STEMS: &[&str] = &[
    "export",
    "import",
    "trade",
    "turnover",
    "shipment",
    "total",
    "volume",
    "value",
    "sales",
    "purchas",
    "suppl",
    "deliver",
    "exchange",
    "échange",
    "comerc",
    "commerc",
    "intercambi",
    "interscambi",
    "exporta",
    "importa",
    "esporta",
    "bilateral",
    "surplus",
    "deficit",
    "balance",
    "déficit",
];

/// Whether rate `n` is said "of" something that is not trade: "57.4% of global steel
/// production", "95 percent of the Kuwait bus market".
fn of_something_else(article: &Article, n: usize) -> bool {
    let after = article.text[article.numbers[n].printed.end..].to_lowercase();
    let mut words = after
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    let of = matches!(
        first,
        "of" | "de" | "des" | "du" | "del" | "di" | "da" | "do" | "della" | "dos" | "das"
    ) || (matches!(first, "per" | "percent") && words.next() == Some("of"));
    of && !words
        .take(6)
        .any(|w| OF_TRADE_STEMS.iter().any(|t| w.starts_with(t)))
}

/// Rates of a sentence about trade that no relation took ("Exports declined by 15% compared
/// to the previous year", "Japan came second with a share of just over 15 percent"): each
/// is said, with no amount the text prints beside it — unverifiable, never silently dropped.
fn unpaired_rates(article: &Article, lexicon: &Lexicon, found: &[Relation]) -> Vec<Relation> {
    let taken = |n: usize| {
        let at = &article.numbers[n].printed;
        found.iter().any(|r| {
            r.stated == Some(n)
                || r.percents.contains(&n)
                || (r.says.start <= at.start && at.end <= r.says.end)
        })
    };
    let mut out = Vec::new();
    for (n, number) in article.numbers.iter().enumerate() {
        if !matches!(
            number.kind,
            NumberKind::Percent | NumberKind::Multiple | NumberKind::Points | NumberKind::ShareWord
        ) || taken(n)
        {
            continue;
        }
        let Some(s) = sentence_of(article, number.printed.start) else {
            continue;
        };
        let about_trade = article
            .sentence(s)
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .any(|w| TRADE_STEMS.iter().any(|t| w.starts_with(t)));
        if !about_trade || of_something_else(article, n) {
            continue;
        }
        let Some(p) = rate_said(article, lexicon, n) else {
            continue;
        };
        let kind = match p.measure {
            Measure::Change => RelationKind::Change,
            Measure::Multiple => RelationKind::Multiple,
            Measure::Share => RelationKind::Share,
            Measure::Points => RelationKind::Points,
            _ => continue,
        };
        let beside = match kind {
            RelationKind::Change | RelationKind::Multiple => pair_beside(article, n, s, found),
            RelationKind::Share => share_beside(article, n, s, &[]),
            _ => None,
        };
        let total = beside
            .is_none()
            .then(|| of_flow_total(article, kind, n, s))
            .flatten();
        out.push(match (beside, total) {
            (Some((base, new)), _) => Relation::stated(article, kind, n, s, vec![base, new], None),
            (None, Some((w, unchecked))) => {
                Relation::stated(article, kind, n, s, vec![w], Some(unchecked))
            }
            (None, None) => {
                Relation::stated(article, kind, n, s, Vec::new(), Some(Unchecked::NoAmount))
            }
        });
    }
    out
}

/// How many sentences either side of a rate with no amount of its own `pair_beside` looks.
const BESIDE_REACH: usize = 3;

/// The amounts a rate printed with none of its own compares, from the sentences around it:
/// "Die Einfuhren ... beliefen sich auf 1.442 Mrd. Euro (1.002 Mrd. Euro im Vorjahr). ...
/// Für Otto Hauser sind die Einfuhren um 43,8 Prozent ... gestiegen", "Colombian exports to
/// this destination decreased by 41.4%. ... exports went from US $9,230 million to US $5,439
/// million". The rate's sentence must name the measure; the one pair of that measure
/// within `BESIDE_REACH` sentences, a year apart (or from the base year the rate names),
/// of the periods the rate names, and not already compared by another rate, is its pair.
fn pair_beside(
    article: &Article,
    n: usize,
    s: usize,
    found: &[Relation],
) -> Option<(usize, usize)> {
    let measure = rate_measure(article, n, s)?;
    let new_period = lead_period(article, n, s);
    let base_period = named_base_period(article, n, s);
    // ("Since 1996, Polish exports to Britain have increased tenfold": not between 2010 and
    // 2011's amounts) every year the rate's sentence names is one of the pair's.
    let years_named = years_in(article, s);
    let span = years_span(article, n, s);
    let near = |f: &Figure| f.sentence != s && f.sentence.abs_diff(s) <= BESIDE_REACH;
    let of_measure = |f: usize| {
        let g = &article.figures[f];
        near(g)
            && level(article, f)
            && g.part_of.is_none()
            && g.period.is_some()
            && !g.vague
            && (g.measure == Some(measure)
                || (g.measure.is_none()
                    && figures_in(article, g.sentence)
                        .iter()
                        .any(|&h| h != f && article.figures[h].measure == Some(measure))))
    };
    let candidates: Vec<usize> = (0..article.figures.len())
        .filter(|&f| of_measure(f))
        .collect();
    let compared = |x: usize, y: usize| {
        found.iter().any(|r| {
            matches!(r.kind, RelationKind::Change | RelationKind::Multiple)
                && r.figures.contains(&x)
                && r.figures.contains(&y)
        })
    };
    let mut pairs = Vec::new();
    for &base in &candidates {
        for &new in &candidates {
            let (b, w) = (&article.figures[base], &article.figures[new]);
            let (Some(p), Some(q)) = (b.period, w.period) else {
                continue;
            };
            let apart = match (base_period, span) {
                (Some(named), _) => p == named && later(q, p),
                (None, Some(years)) => {
                    p.year + years == q.year
                        && (p.first_month, p.last_month) == (q.first_month, q.last_month)
                }
                (None, None) => q.year_before() == Some(p),
            };
            if base != new
                && apart
                && new_period.is_none_or(|np| np == q)
                && years_named.iter().all(|&y| y == p.year || y == q.year)
                && compatible(b, w)
                && !bracketed_together(article, base, new)
            {
                pairs.push((base, new));
            }
        }
    }
    match pairs[..] {
        [(base, new)] if !compared(base, new) => Some((base, new)),
        _ => None,
    }
}

/// The base of a change whose new value `new` its sentence prints but whose base it does
/// not: "Iran's exports to India experienced a 38 percent drop and reached $641 million.
/// ... In 2022 they were $1.038 billion": the one amount of the same flow, of the period a
/// year before (or the base period the rate names), within `BESIDE_REACH` sentences, not
/// already some change's base or new value.
fn base_beside(
    article: &Article,
    n: usize,
    s: usize,
    new: usize,
    found: &[Relation],
) -> Option<usize> {
    let w = &article.figures[new];
    let measure = w.measure?;
    let q = w.period?;
    let base_period = named_base_period(article, n, s)
        .or_else(|| q.year_before())
        .filter(|&p| later(q, p))?;
    let years_named = years_in(article, s);
    if !years_named
        .iter()
        .all(|&y| y == q.year || y == base_period.year)
    {
        return None;
    }
    let used = |f: usize| {
        found.iter().any(|r| {
            matches!(r.kind, RelationKind::Change | RelationKind::Multiple)
                && r.unchecked.is_none()
                && r.figures.contains(&f)
        })
    };
    let candidates: Vec<usize> = (0..article.figures.len())
        .filter(|&f| {
            let b = &article.figures[f];
            f != new
                && b.sentence.abs_diff(s) <= BESIDE_REACH
                && b.sentence.abs_diff(w.sentence) <= BESIDE_REACH
                && level(article, f)
                && b.part_of.is_none()
                && !b.vague
                && b.measure == Some(measure)
                && b.period == Some(base_period)
                && compatible(b, w)
                && !bracketed_together(article, f, new)
                && !restated(article, f)
        })
        .collect();
    match candidates[..] {
        [b] if !used(b) => Some(b),
        _ => None,
    }
}

/// A rate with no amount (and no pair) around it, with the flow total it is of: a share of
/// the economy's total of the flow it names (its part not printed), a change of that flow's
/// latest amount ("exports ... totalled LTL 25.6 billion ... exports decreased by 32.3 per
/// cent": its base not printed).
fn of_flow_total(
    article: &Article,
    kind: RelationKind,
    n: usize,
    s: usize,
) -> Option<(usize, Unchecked)> {
    match kind {
        RelationKind::Share => {
            flow_total_named_before(article, n, s, true).map(|w| (w, Unchecked::NoPart))
        }
        RelationKind::Change => {
            flow_total_named_before(article, n, s, false).map(|w| (w, Unchecked::NoBase))
        }
        _ => None,
    }
}

/// "exports ... totalled LTL 25.6 billion ... the most important partners in exports were
/// Russia (12.8 per cent)": a share with no amount, after a flow word in its sentence, of
/// the economy's total of that flow printed before — the latest such amount naming no
/// partner (or the world) in the rate's sentence or the three before, else the only one the
/// text prints. The part is not printed. (`flows_only`: exports or imports, as a share's
/// whole; else any measure, as a change's new value, said in the rate's sentence or the
/// one before.)
fn flow_total_named_before(
    article: &Article,
    n: usize,
    s: usize,
    flows_only: bool,
) -> Option<usize> {
    let at = article.numbers[n].printed.start;
    let before = article.text[article.sentences[s].start..at].to_lowercase();
    let measure = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter_map(flow_word)
        .next_back()
        .filter(|m| !flows_only || matches!(m, TradeMeasure::Exports | TradeMeasure::Imports))?;
    let totals: Vec<usize> = (0..article.figures.len())
        .filter(|&f| {
            let g = &article.figures[f];
            level(article, f)
                && pos(article, f) < at
                && g.measure == Some(measure)
                && g.commodity.is_none()
                // (a partner its sentence does not name is the text's default, not said)
                && g.other.as_deref().is_none_or(|o| {
                    o == "WLD" || !g.named.iter().any(|x| super::resolve::same_country(x, o))
                })
                && !g.vague
                && !restated(article, f)
        })
        .collect();
    // (further back, only the one such total the text prints; a change's new value is
    // said in its sentence or the one before)
    let reach = if flows_only { BESIDE_REACH } else { 1 };
    let near = totals
        .iter()
        .copied()
        .filter(|&f| article.figures[f].sentence + reach >= s)
        .max_by_key(|&f| pos(article, f));
    match totals[..] {
        [only] if flows_only => Some(only),
        _ => near,
    }
}

/// The part and whole of a share of a world total printed with no whole (or no amount) of
/// its own: "China had 15.4 per cent share in India's total imports", "0.64 percent of
/// Iran's total amount of export" — the one world total of that measure within
/// `BESIDE_REACH` sentences, and (unless printed beside the share) the one flow of that
/// measure with a partner, of the same period.
fn share_beside(
    article: &Article,
    n: usize,
    s: usize,
    printed: &[usize],
) -> Option<(usize, usize)> {
    let words = share_words(article, n, s, 8);
    let total = words
        .iter()
        .position(|w| matches!(w.as_str(), "total" | "all" | "overall" | "global"))?;
    let measure = words[total + 1..]
        .iter()
        .take(4)
        .find_map(|w| flow_word(w))?;
    if !matches!(measure, TradeMeasure::Exports | TradeMeasure::Imports) {
        return None;
    }
    let near = |f: usize| {
        let g = &article.figures[f];
        g.sentence.abs_diff(s) <= BESIDE_REACH
            && level(article, f)
            // ("goods worth $94.2 billion": all goods, no product)
            && g.commodity.as_deref().is_none_or(|c| c == "goods")
            && !g.vague
            && g.measure == Some(measure)
            && !restated(article, f)
    };
    let unique = |list: Vec<usize>| match list[..] {
        [f] => Some(f),
        _ => None,
    };
    let world = |f: usize| article.figures[f].other.as_deref() == Some("WLD");
    let alike = |a: usize, b: usize| {
        let (x, y) = (&article.figures[a], &article.figures[b]);
        x.currency == y.currency && x.period == y.period && x.months_only == y.months_only
    };
    let wholes = |part: Option<usize>| {
        unique(
            (0..article.figures.len())
                .filter(|&f| {
                    near(f)
                        && world(f)
                        && article.figures[f].part_of.is_none()
                        && part.is_none_or(|p| alike(f, p))
                })
                .collect(),
        )
    };
    let (part, whole) = match printed {
        [p] => (*p, wholes(Some(*p))?),
        // The part of that period: said with the whole ("India imported goods worth $613.2
        // billion from the world, including goods worth $94.2 billion from China"), else
        // the one around.
        [] => {
            let whole = wholes(None)?;
            let parts = |here: bool| {
                unique(
                    (0..article.figures.len())
                        .filter(|&f| {
                            near(f)
                                && !world(f)
                                && article.figures[f].part_of.is_none_or(|w| w == whole)
                                && alike(f, whole)
                                && (!here
                                    || article.figures[f].sentence
                                        == article.figures[whole].sentence)
                        })
                        .collect(),
                )
            };
            (parts(true).or_else(|| parts(false))?, whole)
        }
        _ => return None,
    };
    (article.figures[part].measure == Some(measure) && !world(part)).then_some((part, whole))
}

/// The years sentence `s` prints ("in 2018", "since 1996", "January-May 2023").
fn years_in(article: &Article, s: usize) -> Vec<i32> {
    article
        .numbers
        .iter()
        .filter(|m| {
            m.kind == NumberKind::Ignored(super::numbers::Ignored::Year)
                && sentence_of(article, m.printed.start) == Some(s)
        })
        .filter_map(|m| article.at(&m.printed).parse().ok())
        .collect()
}

/// The years a rate is said over, after it in its sentence: "a 70% fall in trade ... in
/// only two years", "over the past three years", "in 5 years".
fn years_span(article: &Article, n: usize, s: usize) -> Option<i32> {
    let rest =
        article.text[article.numbers[n].printed.end..article.sentences[s].end].to_lowercase();
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let count = |w: &str| -> Option<i32> {
        const WORDS: [&str; 9] = [
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        ];
        WORDS
            .iter()
            .position(|x| *x == w)
            .and_then(|k| i32::try_from(k + 2).ok())
            .or_else(|| w.parse().ok().filter(|n| (2..=30).contains(n)))
    };
    words.windows(2).enumerate().find_map(|(k, pair)| {
        let years = count(pair[0])?;
        if !matches!(pair[1], "years" | "year") {
            return None;
        }
        // "in", "over", "within", "during", then "the", "last", "past", "only", "just"
        let opener = words[..k]
            .iter()
            .rev()
            .take_while(|w| matches!(**w, "the" | "last" | "past" | "only" | "just"))
            .count();
        let before = k.checked_sub(opener + 1).map(|j| words[j]);
        matches!(before, Some("in" | "over" | "within" | "during")).then_some(years)
    })
}

/// The measure a rate speaks of: the nearest measure word before it in its sentence
/// ("die Einfuhren um 43,8 Prozent", "UAE exports to the UK rose by 18 percent").
fn rate_measure(article: &Article, n: usize, s: usize) -> Option<TradeMeasure> {
    let sentence = &article.sentences[s];
    let at = article.numbers[n].printed.start;
    let first = article
        .tokens
        .iter()
        .position(|t| t.start >= sentence.start)?;
    let last = article.tokens.iter().position(|t| t.start >= at)?;
    super::resolve::measure_words(&article.tokens[first..last])
        .last()
        .map(|w| w.measure)
}

/// The change rate `n` of sentence `s` states by difference `d` printed beside it: "It
/// stood at $118.62 billion, up $16.43 billion or 16.1 percent": the level of the sentence
/// is the new value, the difference makes the base.
fn change_by_difference(article: &Article, n: usize, s: usize, d: usize) -> Relation {
    let number = &article.numbers[n];
    let fd = &article.figures[d];
    // ("This indicates a substantial increase of $154.6 million, or 26.2%":
    // the level is the last sentence's)
    let mut near = figures_in(article, s);
    if s > 0 && back_reference(article, s) && near.iter().all(|&f| f == d || !level(article, f)) {
        near = figures_in(article, s - 1);
    }
    let level_of = near.into_iter().filter(|&f| {
        let g = &article.figures[f];
        level(article, f)
            && g.currency == fd.currency
            && (g.measure == fd.measure || g.measure.is_none() || fd.measure.is_none())
            && g.commodity == fd.commodity
    });
    // The new value said after the difference ("climbed Sh2.25 billion, or
    // 10.12 percent, to Sh24.43 billion"), else the level before it ("...
    // 3.8 billion US dollars, up 833 million US dollars or 28 percent from
    // 2.967 billion": the one after "from" is the base), else the nearest.
    let levels: Vec<usize> = level_of.collect();
    let after = |f: usize| pos(article, f) > pos(article, d);
    let anchor = levels
        .iter()
        .copied()
        .filter(|&f| after(f) && article.figures[f].new_value)
        .min_by_key(|&f| pos(article, f))
        .or_else(|| {
            levels
                .iter()
                .copied()
                .filter(|&f| !after(f))
                .max_by_key(|&f| pos(article, f))
        })
        .or_else(|| {
            levels
                .iter()
                .copied()
                .min_by_key(|&f| pos(article, f).abs_diff(pos(article, d)))
        });
    Relation {
        said: false,
        kind: RelationKind::Change,
        sentence: s,
        stated: Some(n),
        says: number.phrase.clone(),
        figures: anchor.map_or(vec![d], |a| vec![d, a]),
        percents: Vec::new(),
        derived_base: None,
        unchecked: anchor.is_none().then_some(Unchecked::NoBase),
    }
}

/// Whether rate `n` is printed with its sign in brackets: "(+5%)", "(-2%)".
fn signed_in_brackets(article: &Article, n: usize) -> bool {
    let before = article.text[..article.numbers[n].printed.start].trim_end();
    before
        .strip_suffix(['+', '-'])
        .is_some_and(|b| b.trim_end().ends_with('('))
}

/// A difference printed right beside number `n` (before it, or after it), with only
/// punctuation, "or" and "by" between.
fn beside_difference(article: &Article, n: usize, s: usize) -> Option<usize> {
    let number = &article.numbers[n];
    figures_in(article, s).into_iter().find(|&f| {
        let fig = &article.figures[f];
        if fig.difference.is_none() {
            return false;
        }
        let other = &article.numbers[fig.number].printed;
        let gap = if other.end <= number.printed.start {
            &article.text[other.end..number.printed.start]
        } else {
            &article.text[number.printed.end..other.start]
        };
        gap.len() < 12
            && gap.split_whitespace().all(|w| {
                matches!(
                    w.trim_matches(|c: char| !c.is_alphanumeric()),
                    "" | "or" | "by"
                )
            })
    })
}

/// The rate whose bracket figure `f` is printed in ("up 18.2% ($321 million)"), if any.
fn rate_bracketing(article: &Article, f: usize) -> Option<usize> {
    let start = article.numbers[article.figures[f].number].printed.start;
    let before = article.text[..start]
        .trim_end()
        .strip_suffix('(')?
        .trim_end();
    article.numbers.iter().position(|m| {
        matches!(m.kind, NumberKind::Percent) && {
            let end = m.phrase.end.max(m.printed.end);
            end <= before.len() && article.text[end..before.len()].split_whitespace().count() <= 2
        }
    })
}

fn sentence_of(article: &Article, at: usize) -> Option<usize> {
    article.sentences.iter().position(|s| s.contains(&at))
}

/// The clause (byte range) of the sentence `s` that holds byte `at`.
fn clause_at(article: &Article, s: usize, at: usize) -> std::ops::Range<usize> {
    super::text::clauses(&article.text, &article.sentences[s])
        .into_iter()
        .find(|c| c.contains(&at))
        .unwrap_or_else(|| article.sentences[s].clone())
}

/// Whether the figure's clause says it is the base of a comparison.
fn is_base(article: &Article, f: &Figure) -> bool {
    if f.new_value {
        return false;
    }
    let at = article.numbers[f.number].printed.start;
    let clause = clause_at(article, f.sentence, at);
    let words = article.text[clause.start..at].to_lowercase();
    let first = words.split_whitespace().next().unwrap_or("");
    // "reaching $636 million from $330 million": the word right before the amount.
    let right_before = {
        // ("from the $747 million in 2011": an article between)
        let mut back = words.split_whitespace().rev();
        match back.next().unwrap_or("") {
            "the" | "a" | "its" => back.next().unwrap_or(""),
            w => w,
        }
    };
    // "compared to the same period in 2022 ($12.418 million)": the bracket's amount is
    // the base the clause before it names.
    let bracket_of_base = article.text[..at].trim_end().ends_with('(') && {
        let s = &article.sentences[f.sentence];
        let open = article.text[..at].trim_end().len() - 1;
        let before = clause_at(article, f.sentence, open.saturating_sub(1).max(s.start));
        // (a bracket opened before the sentence, across a paragraph break, is none of it)
        let words = article
            .text
            .get(before.start..open)
            .unwrap_or_default()
            .to_lowercase();
        let first = words.split_whitespace().next().unwrap_or("");
        BASE_CUES.contains(&first) || words.contains("compared") || words.contains("contrast")
    };
    // "stood at $741 million in the same time in the preceding year but grew by 41
    // percent": a period said right after it that can only be a comparison's base.
    let end = article.numbers[f.number].printed.end;
    let after = article.text[end..clause.end.max(end)].to_lowercase();
    let after: String = after
        .split_whitespace()
        .take(9)
        .collect::<Vec<_>>()
        .join(" ");
    let base_period_after = [
        "the preceding year",
        "the previous year",
        "a year earlier",
        "a year ago",
        "a year before",
        "the year before",
        "the same period last year",
        "the same time last year",
        "the corresponding period",
    ]
    .iter()
    .any(|w| after.contains(w));
    // "de 6.371 a 26.760 millones": "from ... to" in es, pt, it, de.
    let foreign_from = matches!(right_before, "de" | "da" | "desde" | "dal" | "von")
        && article.text[end..]
            .split_whitespace()
            .take(5)
            .any(|w| matches!(w, "a" | "à" | "para" | "auf"));
    bracket_of_base
        || foreign_from
        || base_period_after
        || BASE_CUES.contains(&first)
        || matches!(right_before, "from" | "against" | "versus")
        || words.contains("a year earlier")
        || words.contains("last year")
        || words.contains("a year ago")
        || words.contains("previous")
        || f.period_note == Some(super::PeriodNote::ComparisonBase)
}

/// The amount in brackets right after rate `n` and the base period it names: "56 per cent
/// from 2015 ($1.17 billion)", "22 per cent from last year ($2.77 billion)".
fn base_in_brackets(article: &Article, n: usize, s: usize) -> Option<usize> {
    let end = article.numbers[n].phrase.end;
    let rest = &article.text[end..article.sentences[s].end];
    let open = rest.find('(')?;
    let words: Vec<String> = rest[..open]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let cue = matches!(
        words.first().map(String::as_str),
        Some("from" | "over" | "against" | "compared" | "than" | "on")
    );
    // Only the base's period between: "from 2015", "from last year", "over the same period".
    let period_only = words.len() <= 5
        && words.iter().skip(1).all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w.as_str(),
                    "to" | "with"
                        | "the"
                        | "last"
                        | "previous"
                        | "prior"
                        | "year"
                        | "a"
                        | "earlier"
                        | "same"
                        | "period"
                        | "in"
                        | "of"
                )
        });
    if !cue || !period_only || rest[..open].contains([',', ';', ')']) {
        return None;
    }
    let at = end + open + 1;
    let b = (0..article.figures.len()).find(|&f| {
        let p = &article.numbers[article.figures[f].number].printed;
        p.start >= at && article.text[at..p.start].trim().is_empty()
    })?;
    // Two dated amounts in the bracket are a base and a new value (`dated_pair_in_brackets`).
    if dated_pair_in_brackets(article, n, s).is_some() {
        return None;
    }
    level(article, b).then_some(b)
}

/// Whether figure `f` is bracketed after an economy outside the article's pair ("Mexico
/// overtook Brazil ($2.3 billion)"): that economy's flow.
fn third_party(article: &Article, f: usize) -> bool {
    let fig = &article.figures[f];
    if !article.text[..pos(article, f)].trim_end().ends_with('(') {
        return false;
    }
    let pair = [&article.reporter, &article.partner];
    let outside = |e: &String| {
        e != "WLD"
            && !crate::codes::is_aggregate(e)
            && !pair
                .iter()
                .copied()
                .flatten()
                .any(|p| super::resolve::same_country(p, e))
    };
    pair.iter().all(|p| p.is_some()) && fig.owner.iter().chain(&fig.other).any(outside)
}

/// A partner's share of an economy's flow or trade ("Latvia's exports [to China] USD 100
/// million ... 1.0% of Latvia's total exports", "valued at USD17.62 billion or 9.7 percent
/// of the total trade"): the part is the pair's own flow of that measure.
fn partner_share(part: &Figure, whole: &Figure) -> bool {
    part.measure.is_some()
        && whole.measure == part.measure
        && part.commodity.is_none()
        && whole.commodity.is_none()
        && part.period == whole.period
        && whole.other.as_deref().is_none_or(|o| o == "WLD")
}

/// Whether sentence `s` prints a rate or a multiple other than number `n` (not one that
/// says it again): a change of its own.
fn states_another_rate(article: &Article, s: usize, n: usize) -> bool {
    let digits = |m: &super::numbers::Number| -> String {
        article.text[m.printed.clone()]
            .chars()
            .filter(char::is_ascii_digit)
            .collect()
    };
    let own = digits(&article.numbers[n]);
    let sentence = &article.sentences[s];
    article.numbers.iter().any(|m| {
        matches!(m.kind, NumberKind::Percent | NumberKind::Multiple)
            && sentence.contains(&m.printed.start)
            && digits(m) != own
    })
}

fn figures_in(article: &Article, s: usize) -> Vec<usize> {
    (0..article.figures.len())
        .filter(|&f| article.figures[f].sentence == s)
        .collect()
}

fn pos(article: &Article, f: usize) -> usize {
    article.numbers[article.figures[f].number].printed.start
}

/// The measure a stated number speaks of: the nearest measure word before it in its
/// sentence, through the figures' measures (the figure nearest before or after it).
fn compatible(a: &Figure, b: &Figure) -> bool {
    let same = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let measure = match (a.measure, b.measure) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    measure
        && a.months_only == b.months_only
        && a.commodity == b.commodity
        && a.currency == b.currency
        && same(&a.owner, &b.owner)
        && same(&a.other, &b.other)
        && a.difference.is_none()
        && b.difference.is_none()
        && a.deficit == b.deficit
}

/// Whether two figures with no year speak of the same months: the same months, or months
/// named (or carried) for one and none for the other, a few sentences apart ("Between
/// January and February, trade totalled $2.2 billion. Cambodia exported goods worth ...").
fn same_months_carried(a: &Figure, b: &Figure) -> bool {
    a.months_only == b.months_only
        || (a.period.is_none()
            && b.period.is_none()
            && (a.months_only.is_none() || b.months_only.is_none())
            && a.sentence.abs_diff(b.sentence) <= 4)
}

/// Whether one of two figures has no period and the other one, and what months the undated
/// one names, if any, are the dated one's ("US$1.4 billion trade surplus ... in first
/// quarter" and "In the first quarter of 2009, Thai exports ...").
fn undated_of(a: &Figure, b: &Figure) -> bool {
    let fits = |undated: &Figure, p: Period| {
        undated.period.is_none()
            && undated
                .months_only
                .is_none_or(|m| m == (p.first_month, p.last_month))
    };
    match (a.period, b.period) {
        (None, Some(p)) => fits(a, p),
        (Some(p), None) => fits(b, p),
        _ => false,
    }
}

/// "1,858 billion", "2.458 millones": one to three digits, a comma in English (a point in
/// other languages), three digits and a scale word — a thousands separator or a decimal
/// one, the text alone cannot tell. ("$1.234 billion" and "6,345 miliardi" are decimal.)
pub(super) fn separator_in_doubt(printed: &str, english: bool) -> bool {
    let digits: String = printed
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    // A scale of a million or more, in any language the lexicon has ("million", "bn",
    // "millones", "miliardi").
    let lexicon = Lexicon::built_in();
    let scaled = printed
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.chars().count() > 1 && lexicon.scales.get(w).is_some_and(|&e| e >= 6));
    // ("2.458 millones de dólares" in a text that also prints "580.2 millones": a
    // thousands point or a decimal one; a comma there is a decimal comma)
    let separator = if english { ',' } else { '.' };
    match digits.split_once(separator) {
        Some((head, tail)) => {
            scaled && (1..=3).contains(&head.len()) && tail.len() == 3 && !tail.contains([',', '.'])
        }
        None => false,
    }
}

/// `f` without the months it names with no year, to compare it with a dated figure.
fn without_months(f: &Figure) -> Figure {
    Figure {
        months_only: None,
        ..f.clone()
    }
}

/// Whether `a` names months without a year ("in the first quarter") and `b` is those
/// months of a year ("in the first quarter of 2021"), both otherwise of one flow.
fn same_months_dated(a: &Figure, b: &Figure) -> bool {
    a.period.is_none()
        && b.period
            .is_some_and(|p| a.months_only == Some((p.first_month, p.last_month)))
        && compatible(&without_months(a), &without_months(b))
}

/// The amount of `here` printed nearest before byte `at` (or, with `after`, nearest after
/// it) among those `keep` allows.
fn nearest(
    article: &Article,
    here: &[usize],
    at: usize,
    after: bool,
    keep: impl Fn(usize) -> bool,
) -> Option<usize> {
    let candidates = here
        .iter()
        .copied()
        .filter(|&f| (pos(article, f) > at) == after && pos(article, f) != at && keep(f));
    if after {
        candidates.min_by_key(|&f| pos(article, f))
    } else {
        candidates.max_by_key(|&f| pos(article, f))
    }
}

/// Whether a figure is a level (not a difference).
fn level(article: &Article, f: usize) -> bool {
    article.figures[f].difference.is_none()
}

/// A change or multiple stated by number `n` in sentence `s`.
fn change(article: &Article, n: usize, s: usize, kind: RelationKind) -> Option<Relation> {
    let found = change_between(article, n, s, kind);
    // "increased by 56 per cent from 2015 ($1.17 billion)" with the new value nowhere (or
    // read with that base as a new value): the base alone, unchecked.
    match base_in_brackets(article, n, s) {
        Some(b)
            if found.as_ref().is_none_or(|r| {
                r.unchecked.is_some() || (r.derived_base.is_none() && r.figures.first() != Some(&b))
            }) =>
        {
            Some(Relation::stated(
                article,
                kind,
                n,
                s,
                vec![b],
                Some(Unchecked::NoNewValue),
            ))
        }
        _ => found,
    }
}

/// A change (or multiple) stated by number `n` of sentence `s`: the amounts it is between.
/// "10 percent increases recorded in both 2013 and 2014", "5% a year on average": a rate of
/// each of several periods, not one change between two printed amounts; "the increase in
/// imports by 22.4% annually" is one only between amounts a year apart (year on year).
fn change_between(article: &Article, n: usize, s: usize, kind: RelationKind) -> Option<Relation> {
    let at = article.numbers[n].printed.start;
    let clause = clause_at(article, s, at);
    let rest =
        article.text[article.numbers[n].phrase.end.min(clause.end)..clause.end].to_lowercase();
    if ["in both", "in each of", "on average"]
        .iter()
        .any(|w| rest.contains(w))
    {
        return None;
    }
    let yearly = [
        "each year",
        "every year",
        "per year",
        "per annum",
        "annually",
    ]
    .iter()
    .any(|w| rest.contains(w));
    let found = pair_of_change(article, n, s, kind)?;
    let a_year_apart = match found.figures.as_slice() {
        &[base, new] => match (article.figures[base].period, article.figures[new].period) {
            (Some(p), Some(q)) => q.year_before() == Some(p),
            _ => false,
        },
        _ => false,
    };
    if !yearly || a_year_apart || found.unchecked.is_some() {
        return Some(found);
    }
    // ("clocking a growth rate of 25.6% annually since CEPA took effect": the amount it
    // leads to, its base not printed)
    let new = *found.figures.last()?;
    Some(Relation::stated(
        article,
        kind,
        n,
        s,
        vec![new],
        Some(Unchecked::NoBase),
    ))
}

/// The amounts change `n` of sentence `s` is between (see `change_between`).
fn pair_of_change(article: &Article, n: usize, s: usize, kind: RelationKind) -> Option<Relation> {
    let flows = (kind == RelationKind::Multiple)
        .then(|| flows_compared(article, n, s))
        .flatten();
    if let Some((base, new)) = flows.or_else(|| over_years(article, n, s)) {
        return Some(Relation {
            said: true,
            ..Relation::stated(article, kind, n, s, vec![base, new], None)
        });
    }
    let at = article.numbers[n].printed.start;
    let clause = clause_at(article, s, at);
    let rest =
        article.text[article.numbers[n].phrase.end.min(clause.end)..clause.end].to_lowercase();
    // The measure the change is said of: "merchandise imports grew by 18.1%".
    let subject = listed_measure(article, n, s).or_else(|| {
        article.text[clause.start..at]
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(measure_word)
            .next_back()
    });
    let here: Vec<usize> = figures_in(article, s)
        .into_iter()
        .filter(|&f| level(article, f))
        .filter(|&f| {
            subject.is_none()
                || article.figures[f].measure.is_none()
                || article.figures[f].measure == subject
        })
        // "exports to Mexico have increased by 22 per cent ... Mexico overtook Brazil ($2.3
        // billion)": another pair's amount, outside the rate's clause, is not what it is of.
        .filter(|&f| clause.contains(&pos(article, f)) || !third_party(article, f))
        .collect();
    // "skyrocketed by 168.6% and 165% with $3.6 million and $3.1 million respectively": each
    // rate's own amount; their bases are not printed.
    if let Some(a) = listed_amount(article, n, s) {
        return Some(Relation::stated(
            article,
            kind,
            n,
            s,
            vec![a],
            Some(Unchecked::NoBase),
        ));
    }
    // "rose 12% to $5bn", "up 5% at $2bn": the amount right after the number ("rose by
    // $33.8m (62%) to $88.7m": past the bracket it closes).
    let follows = {
        let after = article.text[article.numbers[n].phrase.end.min(article.text.len())..]
            .trim_start()
            .trim_start_matches(')')
            .trim_start()
            .to_lowercase();
        ["to ", "at ", "reaching ", "to reach "]
            .iter()
            .any(|w| after.starts_with(w))
    };
    // The amount the change is about: in the stated number's clause, else the one it
    // leads to ("rose 12% to $5bn"), else the nearest before ("$5bn, up 12%"), else after.
    let anchor = here
        .iter()
        .copied()
        .filter(|&f| clause.contains(&pos(article, f)))
        // "a 7% rise in imports to 53 bn": the new value after the number first.
        .min_by_key(|&f| {
            (
                !(pos(article, f) > at && article.figures[f].new_value),
                pos(article, f).abs_diff(at),
            )
        })
        .or_else(|| {
            here.iter()
                .copied()
                .filter(|&f| {
                    follows && pos(article, f) > at && !is_base(article, &article.figures[f])
                })
                .min_by_key(|&f| pos(article, f))
        })
        // "$158.58 million, up 4.29 per cent from $152.05 million in December 2021 and up
        // 16.34 per cent from $136.31 million": not another rate's base.
        .or_else(|| {
            nearest(article, &here, at, false, |f| {
                !is_base(article, &article.figures[f])
            })
        })
        .or_else(|| nearest(article, &here, at, false, |_| true))
        .or_else(|| {
            nearest(article, &here, at, true, |f| {
                !is_base(article, &article.figures[f])
            })
        })
        // "indicates a 2.3 times increase compared to the same period in 2022 ($12.418
        // million)": only the base is printed here; the new value is found from it.
        .or_else(|| nearest(article, &here, at, true, |_| true))
        // "This represent a 289% growth ..., while imports went up by 537% thus reaching
        // US$145,000": a sentence that points back speaks of the amount before it, not of
        // one past a contrast.
        .filter(|&f| {
            pos(article, f) < at
                || !back_reference(article, s)
                || !words_in(article, at, pos(article, f))
                    .iter()
                    .any(|w| matches!(w.as_str(), "while" | "whereas" | "but"))
        });
    // "US$3.1 billion (SGD4.05 billion) worth of commodities, up 22.4%": the amount in the
    // text's own currency, not its bracketed other.
    let anchor = anchor.map(|a| main_currency(article, a));
    let relation =
        |figures: Vec<usize>, unchecked| Relation::stated(article, kind, n, s, figures, unchecked);
    // "56,8 milliards de DH (+17,9%)": a signed rate in brackets right after an amount is
    // that amount's change; its base is not printed.
    let phrase_start = article.numbers[n].phrase.start;
    let signed = matches!(
        article.text[phrase_start..].chars().next(),
        Some('+' | '-' | '\u{2212}')
    );
    if signed {
        let bracketed_after = figures_in(article, s).into_iter().find(|&f| {
            let end = article.numbers[article.figures[f].number].printed.end;
            // Only the amount's own words between ("56,8 milliards de DH (").
            let gap = article.text.get(end..phrase_start).unwrap_or(",");
            end <= phrase_start
                && gap.trim_end().ends_with('(')
                && gap.len() <= 12
                && !gap.contains([',', ';', '.', ')'])
        });
        if let Some(f) = bracketed_after {
            return Some(relation(vec![f], Some(Unchecked::NoBase)));
        }
    }
    // "increased by 56 per cent from 2015 ($1.17 billion)": the base in brackets after its
    // period; the new value is the amount of the rate's clause, if it prints one.
    // (With none, the base alone: `change`.)
    if let Some(b) = base_in_brackets(article, n, s)
        && let Some(a) = anchor.filter(|&a| {
            a != b
                && clause.contains(&pos(article, a))
                && compatible(&article.figures[a], &article.figures[b])
        })
    {
        return Some(Relation {
            said: true,
            ..relation(vec![b, a], None)
        });
    }
    // "more than halved, from 7.9pct in 2002 to 3.4pct in 2013": a change of a share,
    // between the two percentages said right after it.
    if let Some((old, new)) = percents_from_to(article, n, s) {
        return Some(Relation {
            said: true,
            percents: vec![old, new],
            ..relation(Vec::new(), None)
        });
    }
    // "shot up 520% from USD 18.55 billion in 1991 to USD 95.902 billion", "jumped ninefold
    // from A to B": the text says which is the base and which the new value.
    if let Some((base, new)) = from_to(article, n, s) {
        return Some(Relation {
            said: true,
            ..relation(vec![base, new], None)
        });
    }
    // "baisse de -16,7% (8,1 Md€ en 2023 à 6,9 Md€ en 2024)": two amounts in the bracket
    // after the rate, each of its own period: the earlier is the base, in any language.
    if let Some((base, new)) = dated_pair_in_brackets(article, n, s) {
        return Some(Relation {
            said: true,
            ..relation(vec![base, new], None)
        });
    }
    // In a language whose comparison words are not read (Spanish, French, ...), a change
    // is reported with its amount, its base not paired: no base is better than a wrong one.
    if !article.english {
        if let Some((base, new)) = from_to_before(article, n, s) {
            return Some(Relation {
                said: true,
                ..relation(vec![base, new], None)
            });
        }
        return anchor_only(article, n, s, kind);
    }
    // "hit USD 162.91 billion, 162.4 times the USD 1.003 billion achieved in 1991", "triple
    // the US$770m recorded in 2003": the base right after the multiple, the subject before.
    if kind == RelationKind::Multiple
        && let Some(base) = printed_after(article, n, s, &["the", "that", "its", "of", "level"])
        && let Some(subject) = amount_before(article, s, at, base)
    {
        return Some(Relation {
            said: true,
            ..relation(vec![base, subject], None)
        });
    }
    if kind == RelationKind::Multiple
        && let Some((base, subject)) = times_that_of(article, n, s)
    {
        return Some(Relation {
            said: true,
            ..relation(vec![base, subject], None)
        });
    }
    // "That's down more than 23 percent from the same period last year": a sentence with no
    // amount of its own speaks of the last amount before it.
    let back_reference = back_reference(article, s);
    let anchor = anchor.or_else(|| {
        if !back_reference || s == 0 {
            return None;
        }
        figures_in(article, s - 1)
            .into_iter()
            .rfind(|&f| level(article, f) && !restated(article, f))
    });
    let Some(anchor) = anchor else {
        return lead(article, n, s, kind);
    };
    // "This is a jump of about 177 per cent compared to a trade figure of $188.9 million
    // recorded throughout all 2020": the base said right after the rate, whatever its
    // period; the new value the amount the sentence is about.
    let said_base = printed_after(
        article,
        n,
        s,
        // ("up by 1.83 percent from the previous year's $60.11 million")
        &[
            "compared", "to", "with", "a", "the", "trade", "figure", "of", "level", "against",
            "from", "previous", "last", "year's",
        ],
    )
    .filter(|&b| {
        // "up 143 per cent from $94.2 million in all 2020": the base said right after.
        let gap = article.text[article.numbers[n].phrase.end..pos(article, b)].to_lowercase();
        let gap = gap.trim_start();
        gap.starts_with("compared") || gap.starts_with("against") || gap.starts_with("from")
    })
    .or_else(|| compared_after(article, n, s))
    .or_else(|| than_after(article, n, s));
    if let Some(base) = said_base {
        let new = if anchor != base {
            Some(anchor)
        } else {
            here.iter()
                .copied()
                .filter(|&f| f != base && pos(article, f) < at)
                .max_by_key(|&f| pos(article, f))
                // (the base's currency: not the bracketed restatement printed last)
                .or_else(|| {
                    (back_reference && s > 0)
                        .then(|| {
                            figures_in(article, s - 1).into_iter().rfind(|&f| {
                                level(article, f)
                                    && article.figures[f].currency == article.figures[base].currency
                            })
                        })
                        .flatten()
                })
        };
        if let Some(new) =
            new.filter(|&f| article.figures[f].currency == article.figures[base].currency)
        {
            return Some(Relation {
                said: true,
                ..relation(vec![base, new], None)
            });
        }
    }
    // "243.03 billion yuan ($38.18 billion)": the amount in another currency in brackets
    // is the same figure; either may have its base printed (the anchor may be a sentence
    // back: "This means trade has grown by about 28 percent").
    let mut anchors = vec![anchor];
    anchors.extend(
        figures_in(article, article.figures[anchor].sentence)
            .into_iter()
            .filter(|&f| f != anchor && bracketed_together(article, anchor, f)),
    );
    // The amount the text prints first (its own currency) before its bracketed other.
    anchors.sort_by_key(|&f| article.text[..pos(article, f)].trim_end().ends_with('('));
    // "down by 68.9% compared to 2021": the base is that year's.
    let named_base_year = {
        let end = article.numbers[n].phrase.end.min(article.text.len());
        let after: Vec<String> = article.text[end..article.sentences[s].end]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(8)
            .map(str::to_lowercase)
            .collect();
        let cue = after.iter().position(|w| {
            matches!(
                w.as_str(),
                "compared" | "from" | "over" | "than" | "against" | "versus"
            )
        });
        cue.and_then(|k| {
            after[k + 1..]
                .iter()
                .take(6)
                .take_while(|w| {
                    matches!(
                        w.as_str(),
                        "to" | "with"
                            | "the"
                            | "same"
                            | "period"
                            | "of"
                            | "in"
                            | "levels"
                            | "level"
                    ) || w.len() == 4
                })
                .find_map(|w| w.parse::<i32>().ok().filter(|y| (1900..=2100).contains(y)))
        })
    };
    let year_on_year = {
        let t = article.sentence(s).to_lowercase();
        [
            "a year earlier",
            "a year ago",
            "year-on-year",
            "year on year",
            "from a year",
            "last year",
            "previous year",
            "y/y",
        ]
        .iter()
        .any(|w| t.contains(w))
    };
    let said_year_on_year = [
        "previous year",
        "a year earlier",
        "a year ago",
        "year-on-year",
        "year on year",
        "from a year",
        "last year",
    ]
    .iter()
    .any(|w| rest.contains(w));
    // (past the clause: "higher than that in the previous year")
    let previous_year_after = {
        let end = article.numbers[n].phrase.end.min(article.sentences[s].end);
        let after = article.text[end..article.sentences[s].end].to_lowercase();
        let near: String = after
            .split_whitespace()
            .take(8)
            .collect::<Vec<_>>()
            .join(" ");
        [
            "previous year",
            "a year earlier",
            "a year ago",
            "last year",
            "year before",
        ]
        .iter()
        .any(|w| near.contains(w))
    };
    // For an amount of another sentence, the rate's phrase counts too ("down 29.6%
    // year-on-year" holds "year-on" in its phrase).
    let phrase_says = |words: &[&str]| {
        let from = article.numbers[n].printed.start;
        let said = article.text[from..clause.end.max(from)].to_lowercase();
        words.iter().any(|w| said.contains(w))
    };
    let phrase_year_on_year = phrase_says(&["year-on-year", "year on year", "y/y"]);
    // "up 8.0 per cent half-on-half from $215.39 million": the base is the months just
    // before the new value's, not a year before.
    let phrase_sequential = phrase_says(super::text::SEQUENTIAL);
    let mut best: Option<(usize, usize, bool)> = None; // (anchor, base or new, anchor is the later)
    'search: for &anchor in &anchors {
        let a = &article.figures[anchor];
        // The other amount: in this sentence, else in the three before, else the three after.
        let candidates = here
            .iter()
            .copied()
            .chain(
                (s.saturating_sub(3)..s)
                    .rev()
                    .flat_map(|p| figures_in(article, p).into_iter().rev()),
            )
            .chain(
                // After it only a figure of the very same flow: the same economies (or, in a
                // sentence naming none, "In 2022, imports totaled $1.6 billion", the same
                // measure).
                // ("... at $62 million. ..., having decreased by 57.4% from last year's
                // $122.5mln": not from a sentence that states another rate of its own.)
                (s + 1..(s + 4).min(article.sentences.len()))
                    .filter(|&p| !states_another_rate(article, p, n))
                    .flat_map(|p| figures_in(article, p))
                    .filter(|&f| {
                        let b = &article.figures[f];
                        // (its side may be carried: `figures::carried_owners`)
                        (b.owner == a.owner && b.other == a.other)
                            || ((b.owner.is_none() || b.owner == a.owner)
                                && b.other.is_none()
                                && b.named.is_empty()
                                && b.measure.is_some()
                                && b.measure == a.measure)
                    }),
            )
            .filter(|&f| f != anchor && !anchors.contains(&f) && level(article, f))
            // ("Belgium ranked second, contributing D6.8 billion—a 50% increase": not the
            // base of another sentence that does not name Belgium.)
            .filter(|&f| {
                let b = &article.figures[f];
                b.sentence == a.sentence || !names_another_economy(article, a, b)
            });
        // "In 2023, trade stood at 3.45 billion USD, down 29.6% year-on-year" after "to 4.88
        // billion USD from 378 million USD" (2022 and 2007): of the other sentences' amounts,
        // the year before first.
        let mut candidates: Vec<usize> = candidates.collect();
        if phrase_year_on_year {
            let year_before = |f: usize| match (a.period, article.figures[f].period) {
                (Some(x), Some(y)) => x.year == y.year + 1,
                _ => false,
            };
            candidates.sort_by_key(|&f| article.figures[f].sentence != s && !year_before(f));
        }
        for f in candidates {
            let b = &article.figures[f];
            let same_months_earlier = year_on_year && same_months_dated(a, b);
            if !compatible(a, b) && !same_months_earlier {
                continue;
            }
            if let Some(y) = named_base_year
                && b.period.is_some_and(|p| p.year != y)
                && a.period.is_some_and(|p| p.year != y)
            {
                continue;
            }
            if phrase_sequential
                && !matches!((a.period, b.period), (Some(x), Some(y))
                    if Some(y) == x.span_before() || Some(x) == y.span_before())
            {
                continue;
            }
            // "up 19 per cent on the previous year": the base is a year before, no other.
            if let (Some(x), Some(y)) = (a.period, b.period)
                && said_year_on_year
                && x.year.abs_diff(y.year) != 1
            {
                continue;
            }
            // "exports in 2000 were worth $10.3 million, which is more than 4 times higher
            // than that in the previous year": the rate's own amount is the new value, never
            // the base of a later one printed elsewhere (unless printed after the rate: "15.3
            // percent lower compared to the same period last year ($1.3 billion ...)").
            if let (Some(x), Some(y)) = (a.period, b.period)
                && previous_year_after
                && a.sentence == s
                && pos(article, anchor) < at
                && b.sentence != s
                && later(y, x)
            {
                continue;
            }
            let order = match (a.period, b.period) {
                // Periods of one length; the new value ("to $5bn") is the later one.
                (Some(x), Some(y)) if x != y && x.months() == y.months() => {
                    let anchor_later = later(x, y);
                    (anchor_later || !a.new_value).then_some(anchor_later)
                }
                (Some(x), Some(y)) if x != y => None,
                // "rose to 243.03 billion yuan in January-March ..., up 27.8% from a year
                // earlier" and "190.12 billion yuan in January-March 2021": the months named
                // without a year are the later ones.
                (None, Some(_)) if same_months_earlier => Some(true),
                _ if b.sentence == s => match (is_base(article, a), is_base(article, b)) {
                    (false, true) => Some(true),
                    (true, false) => Some(false),
                    // "imports in 2018 were $13,076,000 but also dropped to $3,458,000": the
                    // amount it went to is the later of the two.
                    // (its period borrowed from the other's words)
                    (false, false) if went_to(article, anchor) != went_to(article, f) => {
                        let anchor_later = went_to(article, anchor);
                        let (new, old) = if anchor_later {
                            (anchor, f)
                        } else {
                            (f, anchor)
                        };
                        let borrowed = |g: usize| {
                            article.figures[g].period_note == Some(super::PeriodNote::Sentence)
                        };
                        (pos(article, old) < pos(article, new) && borrowed(new) && !borrowed(old))
                            .then_some(anchor_later)
                    }
                    _ => None,
                },
                _ => None,
            };
            if let Some(anchor_later) = order {
                best = Some((anchor, f, anchor_later));
                break 'search;
            }
        }
    }
    let a = &article.figures[anchor];
    let best = best.map(|(chosen, f, later)| (f, later, chosen));
    // "earned US$6.3 billion from exports in 2006, up nearly six times over 1995": a growth,
    // said with a direction or a base period, is no ratio of two flows.
    let growth = {
        let lexicon = Lexicon::built_in();
        let number = &article.numbers[n];
        let said = article.text[number.phrase.clone()].to_lowercase();
        let after = article.text[number.phrase.end..article.sentences[s].end]
            .trim_start()
            .to_lowercase();
        said.split(|c: char| !c.is_alphanumeric())
            .any(|w| lexicon.moves(w))
            || ["over ", "since ", "from ", "compared "]
                .iter()
                .any(|w| after.starts_with(w))
    };
    if best.is_none() && kind == RelationKind::Multiple {
        // "exports were 3.9 times imports": two amounts of one period, the first over the
        // second.
        // Of one product, and of two flows or two partners.
        let fits = |f: usize| {
            let b = &article.figures[f];
            f != anchor
                && b.period == a.period
                && b.currency == a.currency
                && b.commodity == a.commodity
                && (b.measure != a.measure
                    || (b.other.is_some() && a.other.is_some() && b.other != a.other))
        };
        // "... is almost ten times more than that registered with Germany (127 million
        // dollars)": the base is the amount after "than", the subject the amount before.
        let end = article.numbers[n].phrase.end;
        let than = here
            .iter()
            .copied()
            .filter(|&f| pos(article, f) > end)
            .min_by_key(|&f| pos(article, f))
            .filter(|&f| {
                article.text[end..pos(article, f)]
                    .to_lowercase()
                    .split_whitespace()
                    .any(|w| w == "than")
            });
        if let Some(base) = than {
            // Not an amount in brackets: that is another comparison's base ("almost
            // quadruples the deficit with Brazil (308 million dollars)").
            let bracketed = |f: usize| article.text[..pos(article, f)].trim_end().ends_with('(');
            let subject = here
                .iter()
                .copied()
                .filter(|&f| pos(article, f) < at && f != base && !bracketed(f))
                .max_by_key(|&f| pos(article, f));
            if let Some(x) = subject.filter(|&x| {
                let (p, q) = (&article.figures[x], &article.figures[base]);
                p.period == q.period && p.currency == q.currency && p.commodity == q.commodity
            }) {
                return Some(relation(vec![base, x], None));
            }
        }
        let other = here.iter().copied().find(|&f| fits(f) && !growth);
        if let Some(f) = other {
            let (x, y) = if pos(article, anchor) < pos(article, f) {
                (anchor, f)
            } else {
                (f, anchor)
            };
            return Some(relation(vec![y, x], None));
        }
    }
    // "increased by 46.9% ..., amounting to $890 million, compared to $286.6 million during
    // the same period in 2020": the text itself names the base and the new value.
    let named = |base: usize, new: usize| Relation {
        said: named_pair(article, s, base, new),
        ..relation(vec![base, new], None)
    };
    match best {
        Some((f, true, chosen)) => Some(named(f, chosen)),
        Some((f, false, chosen)) => Some(named(chosen, f)),
        // "which increased by 21% compared to the $3.55 billion exported during the same
        // period last year", the new value printed paragraphs before: the text said which
        // amount is the base; the new value is the one amount of that flow a year later.
        None if said_base == Some(anchor) => Some(match new_value_of(article, anchor) {
            Some(new) => Relation {
                said: true,
                ..relation(vec![anchor, new], None)
            },
            None => relation(vec![anchor], Some(Unchecked::NoNewValue)),
        }),
        None => {
            // "bringing bilateral trade to $1.98 billion, 52.3 per cent higher than 2014" with
            // 2014's trade printed paragraphs later: the base the text names by its period.
            // The only amount of that flow and period: the text said which it compares.
            // Every amount of that period and flow; of them, those of the measure said, with
            // the period the text names for them (not one read as a year before another
            // amount's or carried from a sentence before: "declined from €74 million in
            // 2023" of a product). The text said which when it prints one only.
            let of_period: Vec<usize> = named_base_period(article, n, s)
                .map(|p| {
                    (0..article.figures.len())
                        .filter(|&f| {
                            let b = &article.figures[f];
                            f != anchor
                                && level(article, f)
                                && b.period == Some(p)
                                && a.period.is_some_and(|q| later(q, p))
                                && compatible(b, a)
                                && !names_another_economy(article, a, b)
                        })
                        .collect()
                })
                .unwrap_or_default();
            let named = of_period.iter().copied().filter(|&f| {
                let b = &article.figures[f];
                b.measure.is_some()
                    && matches!(b.period_note, None | Some(super::PeriodNote::Sentence))
            });
            if let Some(b) = named.min_by_key(|&f| article.figures[f].sentence.abs_diff(s)) {
                return Some(Relation {
                    said: of_period.len() == 1,
                    ..relation(vec![b, anchor], None)
                });
            }
            // "decreased by $7.4 billion (2.5 percent) to $292.4 billion": the base is the
            // new value less the difference.
            // ("up 18.2% ($321 million) from 2012, and up 324% from 2003": a difference in
            // brackets after a rate is that rate's only.)
            // ("... £4.3 billion, an increase of 31.6 per cent or £1 billion, ... £3.3
            // billion, an increase of 78.1 per cent or £1.4 billion": the one beside it first.)
            let diffs: Vec<usize> = figures_in(article, s)
                .into_iter()
                .filter(|&f| {
                    let d = &article.figures[f];
                    d.difference.is_some()
                        && d.currency == a.currency
                        && (d.measure == a.measure || d.measure.is_none())
                        && rate_bracketing(article, f).is_none_or(|r| r == n)
                })
                .collect();
            let diff = beside_difference(article, n, s)
                .filter(|d| diffs.contains(d))
                .or(diffs.first().copied());
            match (diff, derived(article, anchor)) {
                (Some(d), _) if kind == RelationKind::Change => {
                    Some(relation(vec![d, anchor], None))
                }
                (_, Some((x, y, how))) => Some(Relation {
                    said: false,
                    derived_base: Some(how),
                    ..relation(vec![x, y, anchor], None)
                }),
                _ => Some(relation(vec![anchor], Some(Unchecked::NoBase))),
            }
        }
    }
}

/// Whether rate `n` of sentence `s` is an average yearly rate: "average annual growth",
/// "an annual average growth rate", "grown at a rate of 15 per cent on average" in a
/// sentence on annual trade, "CAGR".
fn average_rate(article: &Article, n: usize, s: usize) -> bool {
    let sentence = article.sentence(s).to_lowercase();
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let number = &article.numbers[n];
    let start = article.sentences[s].start;
    let before = words(&article.text[start..number.phrase.start]);
    let clause = clause_at(article, s, number.printed.start);
    let after = words(&article.text[number.phrase.end.min(clause.end)..clause.end]);
    // ("on an annualized basis": year on year, no average)
    let year_on_year =
        sentence.contains("annualized basis") || sentence.contains("annualised basis");
    let average = before.iter().rev().take(8).chain(after.iter()).any(|w| {
        matches!(w.as_str(), "annualized" | "annualised") && !year_on_year
            || matches!(
                w.as_str(),
                "average" | "averaged" | "averaging" | "compound" | "compounded" | "cagr"
            )
    });
    let annual = words(&sentence).iter().any(|w| {
        matches!(
            w.as_str(),
            "annual"
                | "annually"
                | "yearly"
                | "annum"
                | "cagr"
                | "compound"
                | "compounded"
                | "annualized"
                | "annualised"
        )
    }) || ["a year", "per year", "each year", "every year"]
        .iter()
        .any(|w| sentence.contains(w));
    average && annual
}

/// An average yearly rate with no two amounts it spans ("grown by an average of six
/// percent each year since 2006"): the amount it leads to, its base not printed — never a
/// plain change between two amounts.
fn average_unpaired(article: &Article, n: usize, s: usize) -> Option<Relation> {
    let at = article.numbers[n].printed.start;
    let nearest = figures_in(article, s)
        .into_iter()
        .filter(|&f| level(article, f))
        .min_by_key(|&f| pos(article, f).abs_diff(at));
    let new: Vec<usize> = match change(article, n, s, RelationKind::Change) {
        Some(r) if r.unchecked.is_some() => return Some(r),
        Some(r) => r.figures.last().copied().into_iter().collect(),
        None => nearest.into_iter().collect(),
    };
    Some(Relation::stated(
        article,
        RelationKind::Change,
        n,
        s,
        new,
        Some(Unchecked::NoBase),
    ))
}

/// Whether a word of growth (or of any change) stands among the eight words before rate
/// `n` of sentence `s`.
fn growth_before(article: &Article, n: usize, s: usize) -> bool {
    let lexicon = Lexicon::built_in();
    let start = article.sentences[s].start;
    article.text[start..article.numbers[n].phrase.start]
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(8)
        .any(|w| {
            // ("surged at an average rate of 22.2% annually": any verb of change)
            matches!(w, "growth" | "grown" | "grew" | "growing") || lexicon.moves(w)
        })
}

/// The average yearly rate `n` of sentence `s` between the two amounts of one flow it spans:
/// in its sentence, the two before or the one after, the earliest and the latest of the same
/// months at least two years apart ("from US$4.6 billion in 2012 to US$5.6 billion in 2016").
fn average_change(article: &Article, n: usize, s: usize) -> Option<Relation> {
    let last = article.sentences.len().saturating_sub(1);
    let candidates: Vec<usize> = (s.saturating_sub(2)..=(s + 1).min(last))
        .flat_map(|p| figures_in(article, p))
        .filter(|&f| {
            let g = &article.figures[f];
            level(article, f) && !g.vague && g.period.is_some() && g.measure.is_some()
        })
        .collect();
    // (years apart, base, new)
    let mut spans: Vec<(u32, usize, usize)> = Vec::new();
    for &b in &candidates {
        for &e in &candidates {
            let (x, y) = (&article.figures[b], &article.figures[e]);
            let (Some(p), Some(q)) = (x.period, y.period) else {
                continue;
            };
            let same_months = (p.first_month, p.last_month) == (q.first_month, q.last_month);
            if same_months
                && q.year >= p.year + 2
                && x.measure.is_some()
                && compatible(x, y)
                && let Ok(years) = u32::try_from(q.year - p.year)
            {
                spans.push((years, b, e));
            }
        }
    }
    // Those of the rate's own sentence first, then those said before it ("rose from A in
    // 2000 to B in 2018. This corresponds to ...").
    let at = article.numbers[n].printed.start;
    let own = |&&(_, b, e): &&(u32, usize, usize)| {
        article.figures[b].sentence == s && article.figures[e].sentence == s
    };
    let before = |&&(_, b, e): &&(u32, usize, usize)| pos(article, b) < at && pos(article, e) < at;
    if spans.iter().any(|t| own(&t)) {
        spans.retain(|t| own(&t));
    } else if spans.iter().any(|t| before(&t)) {
        spans.retain(|t| before(&t));
        // The nearest such pair.
        let nearest = spans
            .iter()
            .map(|&(_, b, e)| pos(article, b).max(pos(article, e)))
            .max()?;
        spans.retain(|&(_, b, e)| pos(article, b).max(pos(article, e)) == nearest);
    }
    let widest = spans.iter().map(|&(y, _, _)| y).max()?;
    let widest: Vec<&(u32, usize, usize)> = spans.iter().filter(|t| t.0 == widest).collect();
    let &&(years, base, new) = widest.first()?;
    // The same two amounts, however often printed.
    let one = widest.iter().all(|&&(_, b, e)| {
        amount(article, b) == amount(article, base) && amount(article, e) == amount(article, new)
    });
    one.then(|| Relation {
        said: true,
        ..Relation::stated(
            article,
            RelationKind::AverageChange { years },
            n,
            s,
            vec![base, new],
            None,
        )
    })
}

/// The new value of base `b` printed anywhere in the text: the one amount of the very same
/// flow (measure, economies, product, currency) a year later — or, with neither period
/// placed, of the same months — that is no base itself. `None` unless exactly one amount
/// (printed once or more) fits.
fn new_value_of(article: &Article, b: usize) -> Option<usize> {
    let base = &article.figures[b];
    let fits = |f: usize| {
        let x = &article.figures[f];
        let a_year_later = match (base.period, x.period) {
            (Some(p), Some(q)) => q.year_before() == Some(p),
            (None, None) => {
                base.months_only.is_none()
                    || x.months_only.is_none()
                    || base.months_only == x.months_only
            }
            _ => false,
        };
        f != b
            && level(article, f)
            && !is_base(article, x)
            && x.measure.is_some()
            && x.measure == base.measure
            // (a side named by one and not the other: the text's pair, carried)
            && (x.owner.is_none() || base.owner.is_none() || x.owner == base.owner)
            && (x.other.is_none() || base.other.is_none() || x.other == base.other)
            && x.currency == base.currency
            && x.commodity == base.commodity
            && x.deficit == base.deficit
            && a_year_later
    };
    let found: Vec<usize> = (0..article.figures.len()).filter(|&f| fits(f)).collect();
    one_amount(article, &found)
}

/// The first of `found` when they all print one amount (a figure said again), else `None`.
fn one_amount(article: &Article, found: &[usize]) -> Option<usize> {
    let first = *found.first()?;
    let value = amount(article, first);
    (value.is_some() && found.iter().all(|&f| amount(article, f) == value)).then_some(first)
}

/// The last level amount of sentence `s` before byte `at` in the currency of figure
/// `other` (and not it): the subject of "hit X, 162.4 times the Y", the part of "X,
/// accounting for 4.5% of … of W".
fn amount_before(article: &Article, s: usize, at: usize, other: usize) -> Option<usize> {
    figures_in(article, s)
        .into_iter()
        .filter(|&f| {
            f != other
                && pos(article, f) < at
                && level(article, f)
                && article.figures[f].currency == article.figures[other].currency
        })
        .max_by_key(|&f| pos(article, f))
}

/// The first amount of sentence `s` from byte `end` on, if it is a level (not a
/// difference), and whether another number stands between.
fn amount_right_after(article: &Article, s: usize, end: usize) -> Option<(usize, bool)> {
    let next = figures_in(article, s)
        .into_iter()
        .filter(|&f| pos(article, f) >= end)
        .min_by_key(|&f| pos(article, f))
        .filter(|&f| level(article, f))?;
    let number_between = article
        .numbers
        .iter()
        .any(|m| m.printed.start >= end && m.printed.start < pos(article, next));
    Some((next, number_between))
}

/// "Bhutan imported over Nu 30bn ... the import figure is three times that of the
/// country's export, which stands at about Nu 10bn": a multiple "that of" the one amount its
/// sentence prints after it, of a flow the words before it name whose amount the sentence
/// before prints (the last of that flow, currency and period there). (base, subject)
fn times_that_of(article: &Article, n: usize, s: usize) -> Option<(usize, usize)> {
    let number = &article.numbers[n];
    let after = article.text[number.phrase.end..article.sentences[s].end]
        .trim_start()
        .to_lowercase();
    if !(after.starts_with("that of") || after.starts_with("those of")) || s == 0 {
        return None;
    }
    let here: Vec<usize> = figures_in(article, s)
        .into_iter()
        .filter(|&f| level(article, f))
        .collect();
    let [base] = here[..] else {
        return None;
    };
    if pos(article, base) < number.printed.start {
        return None;
    }
    let before = article.text[article.sentences[s].start..number.printed.start].to_lowercase();
    let measure = before
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .take(6)
        .find_map(flow_word)?;
    let b = &article.figures[base];
    let subject = figures_in(article, s - 1).into_iter().rfind(|&f| {
        let g = &article.figures[f];
        level(article, f)
            && g.measure == Some(measure)
            && g.currency == b.currency
            && g.period == b.period
            && !restated(article, f)
    })?;
    (b.measure != Some(measure)).then_some((base, subject))
}

/// The amount printed right after the stated number `n` (its phrase), with at least one
/// and at most eight words between (no more than `gap` has), each one of `gap`: "162.4
/// times the USD 1.003 billion".
fn printed_after(article: &Article, n: usize, s: usize, gap: &[&str]) -> Option<usize> {
    let end = article.numbers[n].phrase.end;
    let (next, other_number) = amount_right_after(article, s, end)?;
    let between = &article.text[end..pos(article, next)];
    let words: Vec<String> = between
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (!words.is_empty()
        && words.len() <= gap.len().min(8)
        && words.iter().all(|w| gap.contains(&w.as_str()))
        && !other_number)
        .then_some(next)
}

/// Whether sentence `s` opens by pointing back at the one before ("That's down more than
/// 23 percent", "This indicates an increase of $154.6 million, or 26.2%").
fn back_reference(article: &Article, s: usize) -> bool {
    let sentence = article.sentence(s).trim_start().to_lowercase();
    // "The figure increased by 34.5 percent"
    [
        "that",
        "this",
        "it ",
        "it'",
        "it’",
        "which",
        "the figure",
        "the amount",
        "the value",
        // "As a result, the two countries' trade turnover surged by 88.31 percent"
        "as a result",
        "consequently",
        "thus",
        "hence",
    ]
    .iter()
    .any(|w| sentence.starts_with(w))
}

/// The base a comparative names right after rate `n` (in its phrase or the words after it):
/// "11.4% more than last year's $23.8 million", "5% lower than the $2.1 billion of 2019" —
/// the amount after "than", with only a period's words between.
fn than_after(article: &Article, n: usize, s: usize) -> Option<usize> {
    let end = article.numbers[n].phrase.end;
    let (next, other_number) = amount_right_after(article, s, end)?;
    let words: Vec<String> = article.text[end..pos(article, next)]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // (the comparative is often part of the rate's phrase: "11.4% more")
    let comparative = words.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "more" | "less" | "higher" | "lower" | "greater" | "above" | "below" | "up" | "down"
        )
    });
    let words = &words[usize::from(comparative)..];
    let period_words = words.iter().skip(1).all(|w| {
        matches!(
            w.as_str(),
            "the"
                | "last"
                | "previous"
                | "year"
                | "s"
                | "of"
                | "in"
                | "same"
                | "period"
                | "that"
                | "a"
                | "its"
                | "their"
                | "figure"
                | "level"
                | "value"
        ) || (w.len() == 4 && w.parse::<i32>().is_ok_and(|y| (1900..=2100).contains(&y)))
    });
    (words.first().is_some_and(|w| w == "than")
        && words.len() <= 7
        && period_words
        && !other_number)
        .then_some(next)
}

/// "widened to $4.19 billion from $3.6 billion", "fell, from 11.6 billion in 2017 to 4.3
/// billion in 2021", "achieved a remarkable growth ..., reaching $24.2 million, compared to
/// $986 million": a direction said with no rate, between a new value and a base printed
/// after it in its sentence (the next two amounts, of one currency and flow, one said as
/// the base and the other not, no rate or other direction word between). The text asserts
/// the sign of the change: checked as such. Not when a relation found already pairs the
/// two amounts.
fn directions_said(article: &Article, found: &[Relation]) -> Vec<Relation> {
    let lexicon = Lexicon::built_in();
    // Verbs and nouns of a change; not the comparatives ("more", "higher", "up") that
    // say other things as often.
    let is_direction = |w: &str| {
        lexicon.moves(w)
            && !matches!(
                w,
                "more"
                    | "less"
                    | "higher"
                    | "lower"
                    | "up"
                    | "down"
                    | "over"
                    | "under"
                    | "above"
                    | "below"
            )
            && w.len() > 3
    };
    let mut out = Vec::new();
    for (t, token) in article.tokens.iter().enumerate() {
        if !is_direction(&token.text) {
            continue;
        }
        let Some(s) = sentence_of(article, token.start) else {
            continue;
        };
        let end = article.sentences[s].end;
        // The next two amounts after the word, in its sentence.
        let after: Vec<usize> = figures_in(article, s)
            .into_iter()
            .filter(|&f| pos(article, f) > token.end)
            .take(2)
            .collect();
        let [x, y] = after[..] else {
            continue;
        };
        let gap_end = pos(article, y);
        // No rate, multiple or other number stated between, no other direction word, and
        // the first amount within a few words of the direction.
        let stated_between = article.numbers.iter().any(|m| {
            m.printed.start > token.end
                && m.printed.start < gap_end
                && !matches!(
                    m.kind,
                    NumberKind::Amount { .. } | NumberKind::Ignored(super::Ignored::Year)
                )
        });
        let other_direction = article.tokens[t + 1..]
            .iter()
            .take_while(|k| k.start < gap_end)
            .any(|k| is_direction(&k.text));
        let words_to_first = article.text[token.end..pos(article, x)]
            .split_whitespace()
            .count();
        if stated_between || other_direction || words_to_first > 14 || gap_end > end {
            continue;
        }
        let (a, b) = (&article.figures[x], &article.figures[y]);
        if a.currency != b.currency
            || !compatible(&without_months(a), &without_months(b))
            || a.commodity != b.commodity
        {
            continue;
        }
        let (base, new) = match (is_base(article, a), is_base(article, b)) {
            (false, true) => (y, x),
            (true, false) => (x, y),
            _ => continue,
        };
        // Of two periods when both are known: the base the earlier.
        if let (Some(p), Some(q)) = (article.figures[base].period, article.figures[new].period)
            && !later(q, p)
        {
            continue;
        }
        if found
            .iter()
            .chain(out.iter())
            .any(|r| r.figures.contains(&base) && r.figures.contains(&new))
        {
            continue;
        }
        out.push(Relation {
            said: true,
            kind: RelationKind::Change,
            sentence: s,
            stated: None,
            says: token.start..token.end,
            figures: vec![base, new],
            percents: Vec::new(),
            derived_base: None,
            unchecked: None,
        });
    }
    out
}

/// Whether the sentence of a rate names its base and new value itself: the only two
/// amounts of their flow in it, the new value said as where the change went ("to",
/// "amounting to", "reaching"), the base after it with a comparison word ("compared to",
/// "from", "against", "versus") and nothing but its period words between.
fn named_pair(article: &Article, s: usize, base: usize, new: usize) -> bool {
    let (b, a) = (&article.figures[base], &article.figures[new]);
    let of_flow = figures_in(article, s)
        .into_iter()
        .filter(|&f| {
            let g = &article.figures[f];
            g.measure == a.measure && g.commodity == a.commodity && g.currency == a.currency
        })
        .count();
    if b.sentence != s || a.sentence != s || of_flow != 2 || !a.new_value {
        return false;
    }
    let (end, start) = (article.numbers[a.number].printed.end, pos(article, base));
    if start <= end {
        return false;
    }
    let between = article.text[end..start].to_lowercase();
    let words: Vec<&str> = between
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 8
        && matches!(
            words.first().copied(),
            Some("compared" | "from" | "against" | "versus" | "vs")
        )
        && words.iter().all(|w| {
            matches!(
                *w,
                "compared"
                    | "to"
                    | "with"
                    | "from"
                    | "against"
                    | "versus"
                    | "vs"
                    | "the"
                    | "a"
                    | "of"
                    | "in"
                    | "during"
                    | "same"
                    | "period"
                    | "last"
                    | "previous"
                    | "year"
                    | "months"
                    | "month"
                    | "first"
            ) || (w.len() == 4 && w.parse::<i32>().is_ok())
        })
}

/// "a 13% decrease compared to the results recorded in the same period last year, of US$
/// 4.988 billion", "an increase of 24.54% in comparison to $1,355.14 million recorded in
/// 2021": the base printed after a comparison word and words naming only its period (a
/// dozen at most, no other number between).
fn compared_after(article: &Article, n: usize, s: usize) -> Option<usize> {
    let end = article.numbers[n].phrase.end;
    let (next, _) = amount_right_after(article, s, end)?;
    // Years may stand between; no other number may.
    let other_number = article.numbers.iter().any(|m| {
        m.printed.start >= end
            && m.printed.start < pos(article, next)
            && !matches!(m.kind, NumberKind::Ignored(super::Ignored::Year))
    });
    let words: Vec<String> = article.text[end..pos(article, next)]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let opens = match words.first().map(String::as_str) {
        Some("compared" | "against") => true,
        Some("in") => words.get(1).is_some_and(|w| w == "comparison"),
        _ => false,
    };
    let period_words = |w: &str| {
        matches!(
            w,
            "compared"
                | "comparison"
                | "in"
                | "to"
                | "with"
                | "the"
                | "a"
                | "of"
                | "same"
                | "period"
                | "last"
                | "previous"
                | "year"
                | "results"
                | "numbers"
                | "figures"
                | "figure"
                | "level"
                | "levels"
                | "value"
                | "recorded"
                | "registered"
                | "reported"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "quarter"
                | "half"
                | "months"
                | "month"
                | "against"
                // "compared to the corresponding months of 2022, when it was 471.21 million
                // euros"
                | "corresponding"
                | "when"
                | "it"
                | "was"
                | "were"
                | "they"
                | "amounted"
                | "stood"
                | "at"
        ) || (w.len() == 4 && w.parse::<i32>().is_ok_and(|y| (1900..=2100).contains(&y)))
            || super::text::MONTH_WORDS.contains(&w)
    };
    (opens && !other_number && words.len() <= 14 && words.iter().all(|w| period_words(w)))
        .then_some(next)
}

/// The base and new value printed right after the stated number `n`, in either order:
/// "RATE from A to B" (only "from" and a few words before A, "to" right before B), or
/// "RATE (in 2016) to B from A" / "to B ... compared to A" (B the new value). One
/// currency, no other rate between.
fn from_to(article: &Article, n: usize, s: usize) -> Option<(usize, usize)> {
    let end = article.numbers[n].phrase.end;
    // "to RM 5.76 billion (USD 1.34 billion) from RM 5.56 billion": not the conversions.
    let after = without_conversions(
        article,
        figures_in(article, s)
            .into_iter()
            .filter(|&f| pos(article, f) >= end)
            .collect(),
    );
    let (&a, &b) = (after.first()?, after.get(1)?);
    if !(level(article, a) && level(article, b)) {
        return None;
    }
    let words = |from: usize, to: usize| words_in(article, from, to);
    // Up to each amount's hedge: "to around $2.043 billion ..., from $1.51 billion".
    let hedged = |f: usize| article.numbers[article.figures[f].number].phrase.start;
    // "from its previous $365 million to the present $236 million": the words that only
    // point at an amount, dropped from the end.
    let pointing = |mut w: Vec<String>| {
        while w.last().is_some_and(|x| {
            matches!(
                x.as_str(),
                "its"
                    | "their"
                    | "the"
                    | "a"
                    | "an"
                    | "previous"
                    | "earlier"
                    | "prior"
                    | "present"
                    | "current"
                    | "level"
                    | "levels"
                    | "of"
                    // "from US $43.036b to US $59.799b": the currency's country, spaced
                    | "us"
            )
        }) {
            w.pop();
        }
        w
    };
    let lead_said = words(end, hedged(a).max(end));
    let lead = pointing(lead_said.clone());
    // "dropped 41% between 2013 and 2017, from US $ 9,230 million to ...": the years the
    // rate is said of, before "from".
    let is_year =
        |w: &str| w.len() == 4 && w.parse::<i32>().is_ok_and(|y| (1900..=2100).contains(&y));
    let lead: Vec<String> = match lead.as_slice() {
        [between, y1, and, y2, rest @ ..]
            if between == "between" && and == "and" && is_year(y1) && is_year(y2) =>
        {
            rest.to_vec()
        }
        _ => lead,
    };
    let a_end = article.numbers[article.figures[a].number].printed.end;
    let between_said = words(a_end, hedged(b).max(a_end));
    let between = pointing(between_said.clone());
    let stated_between = article.numbers.iter().any(|m| {
        m.printed.start > end
            && m.printed.start < pos(article, b)
            && matches!(m.kind, NumberKind::Percent | NumberKind::Multiple)
    });
    if stated_between || article.figures[a].currency != article.figures[b].currency {
        return None;
    }
    fn last(w: &[String]) -> &str {
        w.last().map_or("", String::as_str)
    }
    let ends_with = |w: &[String], tail: &[&str]| {
        w.len() >= tail.len()
            && w[w.len() - tail.len()..]
                .iter()
                .zip(tail)
                .all(|(x, y)| x == y)
    };
    // "a 10.6 percent reduction in Brazil's trade surplus with its European partner,
    // falling from US$926 million to US$827.6 million": a verb of movement before "from".
    let moving = lead.len() >= 2
        && lead.len() <= 12
        && matches!(
            lead[lead.len() - 2].as_str(),
            "falling"
                | "rising"
                | "dropping"
                | "declining"
                | "increasing"
                | "growing"
                | "climbing"
                | "jumping"
                | "shrinking"
                | "going"
                | "up"
                | "down"
        );
    if (lead.len() <= 3 || moving)
        && last(&lead) == "from"
        && between.len() <= 6
        && last(&between) == "to"
    {
        return Some((a, b));
    }
    // "passando de 9.679 para 10.100,6 milhões de euros", "pasó de 6.371 a 26.760
    // millones", "von 5,2 auf 6,1 Milliarden": "from ... to" in es, pt, fr, it, de.
    // ("multiplié par trente les expéditions de graines d'arachide (de 1,177 milliards à
    // 31,155 milliards)": the pair in a bracket after the rate's words)
    let bracket_lead = article.text[end..hedged(a).max(end)]
        .rfind('(')
        .map(|k| words(end + k, hedged(a).max(end)))
        .filter(|_| lead.len() <= 12);
    // (the Spanish "a" is "to", not an article: "de US$531 millones a US$429 millones")
    if (lead.len() <= 3 || bracket_lead.as_ref().is_some_and(|w| w.len() == 1))
        && foreign_from_to(bracket_lead.as_deref().unwrap_or(&lead), &between_said)
    {
        return Some((a, b));
    }
    // "increased 93 percent year-on-year from January to August – reaching a total of
    // $636 million from $330 million": the new value after "reaching (a total of)".
    let to_b = (lead.len() <= 4 && matches!(last(&lead), "to" | "reaching" | "reach"))
        || (lead.len() <= 12
            && (ends_with(&lead_said, &["reaching", "a", "total", "of"])
                || ends_with(&lead, &["reaching"])
                || ends_with(&lead, &["to", "reach"])));
    let from_a = between.len() <= 12
        && (matches!(last(&between), "from" | "against" | "versus")
            || ends_with(&between, &["compared", "to"])
            || ends_with(&between, &["compared", "with"]));
    (to_b && from_a).then_some((b, a))
}

/// "de 18,763 milliards en 2014 à 70,042 milliards", "pasó de 6.371 a 26.760 millones",
/// "passate da 2,85 a 3,36 miliardi", "von 5,2 auf 6,1 Milliarden": the words before the
/// first amount end in "from", those between the two (a period at most) in "to" — in es,
/// pt, fr, it, de.
fn foreign_from_to(lead: &[String], between: &[String]) -> bool {
    fn dated(w: &[String]) -> Option<&String> {
        match w {
            [to] => Some(to),
            [at, year, to] if matches!(at.as_str(), "en" | "em" | "in" | "im" | "nel") => {
                year.parse::<u16>().ok().map(|_| to)
            }
            [year, to] => year.parse::<u16>().ok().map(|_| to),
            _ => None,
        }
    }
    // (the scale and currency words of the first amount, when the second shares them,
    // are printed with it: "de 6.371 a 26.760 millones")
    let to = dated(between).or_else(|| (between.len() == 2).then(|| &between[1]));
    lead.last()
        .is_some_and(|w| matches!(w.as_str(), "de" | "desde" | "da" | "dal" | "dai" | "von"))
        && to.is_some_and(|w| matches!(w.as_str(), "a" | "para" | "à" | "al" | "auf"))
}

/// "passées de 18,763 milliards en 2014 à 70,042 milliards de F CFA en 2015, soit une
/// hausse de 273,28%", "passate da 2,85 a 3,36 miliardi di euro, con una crescita del
/// 17,7%": in a language whose comparison words are not read, the from-to pair printed
/// right before the rate, in its sentence, with no other amount or rate between.
fn from_to_before(article: &Article, n: usize, s: usize) -> Option<(usize, usize)> {
    let at = article.numbers[n].phrase.start;
    let before = without_conversions(
        article,
        figures_in(article, s)
            .into_iter()
            .filter(|&f| pos(article, f) < at && level(article, f))
            .collect(),
    );
    let (&b, &a) = (before.last()?, before.get(before.len().checked_sub(2)?)?);
    let words = |from: usize, to: usize| words_in(article, from, to);
    let end_of = |f: usize| article.numbers[article.figures[f].number].printed.end;
    let start_of = |f: usize| article.numbers[article.figures[f].number].phrase.start;
    let lead = words(article.sentences[s].start, start_of(a));
    let between = words(end_of(a), start_of(b).max(end_of(a)));
    let gap = words(end_of(b), at.max(end_of(b)));
    let rate_between = article.numbers.iter().any(|m| {
        m.printed.start > end_of(a)
            && m.printed.start < at
            && matches!(m.kind, NumberKind::Percent | NumberKind::Multiple)
    });
    (foreign_from_to(&lead, &between)
        && gap.len() <= 8
        && !rate_between
        && article.figures[a].currency == article.figures[b].currency)
        .then_some((a, b))
}

/// Figures `figs` in the order printed, without the bracketed conversions of the one before
/// ("to RM 5.76 billion (USD 1.34 billion)").
fn without_conversions(article: &Article, mut figs: Vec<usize>) -> Vec<usize> {
    figs.sort_by_key(|&f| pos(article, f));
    let restated: Vec<usize> = figs
        .windows(2)
        .filter(|w| bracketed_together(article, w[0], w[1]))
        .map(|w| w[1])
        .collect();
    figs.retain(|f| !restated.contains(f));
    figs
}

/// The lower-cased words of the text between bytes `from` and `to`.
fn words_in(article: &Article, from: usize, to: usize) -> Vec<String> {
    article.text[from..to]
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether figure `f` is where a change went: "dropped to $3,458,000", "rose to just
/// $2m" (not "amounted to").
fn went_to(article: &Article, f: usize) -> bool {
    let start = article.sentences[article.figures[f].sentence].start;
    let words = words_in(article, start, pos(article, f));
    let mut back = words.iter().rev().skip_while(|w| {
        matches!(
            w.as_str(),
            "just" | "about" | "around" | "nearly" | "almost" | "some" | "a" | "mere" | "only"
        )
    });
    back.next().is_some_and(|w| w == "to")
        && back.next().is_some_and(|w| Lexicon::built_in().moves(w))
}

/// Whether the sentence of `a` names an economy outside the article's pair that the
/// sentence of `b` does not name.
fn names_another_economy(article: &Article, a: &Figure, b: &Figure) -> bool {
    let in_pair = |e: &String| {
        [&article.reporter, &article.partner].iter().any(|p| {
            p.as_ref()
                .is_some_and(|p| super::resolve::same_country(e, p))
        })
    };
    a.named
        .iter()
        .any(|e| e != "WLD" && !in_pair(e) && !b.named.contains(e))
}

/// Whether two figures name the same economies, in either order (a part owned by the
/// partner names the reporter as its other side): the fewer within the more.
fn economies_agree(a: &Figure, b: &Figure) -> bool {
    let names = |g: &Figure| -> Vec<String> { g.owner.iter().chain(&g.other).cloned().collect() };
    let (x, y) = (names(a), names(b));
    let (few, many) = if x.len() <= y.len() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    few.iter()
        .all(|e| many.iter().any(|m| super::resolve::same_country(e, m)))
}

/// The base of a change of `anchor` made of two printed figures of the period a year
/// before, of the same pair and currency: trade less the other flow (for exports or
/// imports), or exports plus imports (for trade).
fn derived(article: &Article, anchor: usize) -> Option<(usize, usize, DerivedBase)> {
    let a = &article.figures[anchor];
    let base_period = a.period?.year_before()?;
    let view = reporter_view(article, a)?;
    let agree = |g: &Figure| economies_agree(g, a);
    let of = |want: TradeMeasure| {
        (0..article.figures.len()).find(|&f| {
            let g = &article.figures[f];
            f != anchor
                && level(article, f)
                && !g.vague
                && g.period == Some(base_period)
                && g.fiscal.is_some() == a.fiscal.is_some()
                && g.commodity.is_none()
                && g.part_of.is_none()
                && g.currency == a.currency
                && agree(g)
                && reporter_view(article, g) == Some(want)
        })
    };
    match view {
        TradeMeasure::Exports => Some((
            of(TradeMeasure::Turnover)?,
            of(TradeMeasure::Imports)?,
            DerivedBase::Difference,
        )),
        TradeMeasure::Imports => Some((
            of(TradeMeasure::Turnover)?,
            of(TradeMeasure::Exports)?,
            DerivedBase::Difference,
        )),
        TradeMeasure::Turnover => Some((
            of(TradeMeasure::Exports)?,
            of(TradeMeasure::Imports)?,
            DerivedBase::Sum,
        )),
        TradeMeasure::Balance => None,
    }
}

/// A change said in a sentence with no amount (a lead: "trade nearly tripled in the first
/// quarter"), about two amounts of its measure in two periods printed in the next two
/// sentences.
fn lead(article: &Article, n: usize, s: usize, kind: RelationKind) -> Option<Relation> {
    let at = article.numbers[n].printed.start;
    let sentence = &article.sentences[s];
    // ("total trade (imports + exports) increased by 5.3%": not a flow named in brackets)
    let before = super::text::outside_brackets(&article.text[sentence.start..at]).to_lowercase();
    // ("Turkey almost tripled its exports to Libya last year": the measure after it.)
    let after =
        article.text[article.numbers[n].phrase.end.min(sentence.end)..sentence.end].to_lowercase();
    let subject = listed_measure(article, n, s)
        .or_else(|| {
            before
                .split(|c: char| !c.is_alphanumeric())
                .filter_map(measure_word)
                .next_back()
        })
        .or_else(|| {
            after
                .split(|c: char| !c.is_alphanumeric())
                .filter_map(measure_word)
                .next()
        })?;
    // "non-traditional shipments expanded 3.89%": a product's flow, not the total's.
    let product = before
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .collect::<Vec<_>>()
        .windows(2)
        .rev()
        .find(|w| measure_word(w[1]).is_some())
        .map(|w| w[0].to_string())
        .filter(|w| super::figures::names_product(w));
    // "Still, Bahrain's exports dropped by 10 per cent": the flow of the economy it names,
    // not the other side's exports printed next (not one it names as the other side:
    // "exports to China").
    let named = owners_named(article, n, s);
    let whose = |f: usize| {
        let g = &article.figures[f];
        !matches!(subject, TradeMeasure::Exports | TradeMeasure::Imports)
            || named.is_empty()
            || g.owner
                .as_ref()
                .is_none_or(|o| named.iter().any(|e| super::resolve::same_country(e, o)))
    };
    let next: Vec<usize> = (s + 1..(s + 5).min(article.sentences.len()))
        .flat_map(|p| figures_in(article, p))
        .filter(|&f| {
            level(article, f)
                && article.figures[f].measure == Some(subject)
                && of_product(product.as_deref(), &article.figures[f].commodity)
                && whose(f)
                && !restated(article, f)
        })
        .collect();
    // "jumped by 40 percent in the first quarter of 2021 compared to the last quarter of
    // 2020": a base period named after the rate; only an amount of it is the base.
    let named_base = named_base_period(article, n, s);
    let base_fits = |old: usize| named_base.is_none_or(|p| article.figures[old].period == Some(p));
    // "Bilateral trade ... increase by a third in the first eight months of 2021": a lead
    // that names the months it speaks of leads to an amount of those months only (not to
    // 2019's, paragraphs later).
    let own = lead_period(article, n, s).filter(|p| p.months() < 12);
    let new_fits =
        |new: usize| own.is_none_or(|p| article.figures[new].period.is_none_or(|q| q == p));
    // "a 70% fall in trade ... in only two years": amounts that many years apart.
    let span = years_span(article, n, s);
    // ("widened by 16 per cent in the last five years ... in FY22 from $63 billion in
    // FY18": counted with both ends, when no pair is that many years apart)
    let apart = |old: usize, new: usize, slack: i32| {
        span.is_none_or(
            |years| match (article.figures[old].period, article.figures[new].period) {
                (Some(p), Some(q)) => p.year + years - slack == q.year,
                _ => false,
            },
        )
    };
    // The change between two of those amounts: the base, then the new value.
    let between =
        |old: usize, new: usize| Relation::stated(article, kind, n, s, vec![old, new], None);
    let pair_with = |slack: i32| -> Option<Relation> {
        for (k, &x) in next.iter().enumerate() {
            for &y in &next[k + 1..] {
                let (a, b) = (&article.figures[x], &article.figures[y]);
                // "stood at 243 billion yuan in the first quarter" and "about 190 billion yuan
                // in the first quarter of 2021": months named without a year are the later.
                let dated = if same_months_dated(a, b) {
                    Some((y, x))
                } else if same_months_dated(b, a) {
                    Some((x, y))
                } else {
                    None
                };
                if let Some((old, new)) = dated
                    .filter(|&(old, new)| base_fits(old) && new_fits(new) && apart(old, new, slack))
                {
                    return Some(between(old, new));
                }
                // "reaching $636 million from $330 million in the same period last year": one
                // period read for both (the months of one named, the other's "the same
                // period"), one said as the base.
                if a.period == b.period
                    && a.sentence == b.sentence
                    && compatible(&without_months(a), &without_months(b))
                {
                    let order = match (is_base(article, a), is_base(article, b)) {
                        (false, true) => Some((y, x)),
                        (true, false) => Some((x, y)),
                        _ => None,
                    };
                    if let Some((old, new)) = order.filter(|&(old, new)| {
                        base_fits(old) && new_fits(new) && apart(old, new, slack)
                    }) {
                        return Some(between(old, new));
                    }
                }
                if !compatible(a, b) {
                    continue;
                }
                if let (Some(px), Some(py)) = (a.period, b.period)
                    && px != py
                    && px.months() == py.months()
                {
                    let (old, new) = if later(px, py) { (y, x) } else { (x, y) };
                    if base_fits(old) && new_fits(new) && apart(old, new, slack) {
                        return Some(between(old, new));
                    }
                }
            }
        }
        None
    };
    let slacks = if span.is_some() {
        &[0, 1][..]
    } else {
        &[0][..]
    };
    if let Some(relation) = slacks.iter().find_map(|&slack| pair_with(slack)) {
        return Some(relation);
    }
    // One amount of the measure after it: the change's new value, its base not printed
    // ("Exports to China plunged 28 percent ... Korean exports to China fell to US$38.2
    // billion"); else the amount of the measure printed just before ("Turkish imports
    // from China amounted to $20.7 billion ... Turkish imports from China decreased
    // 11.3%"); none: a change said with no amount at all.
    // (not an amount said as a base: "from 12.7 billion kroner to ...")
    let anchor = next
        .iter()
        .copied()
        .find(|&f| !is_base(article, &article.figures[f]) && new_fits(f))
        .or_else(|| {
            // (with months of its own, only an amount that names them too: not a headline
            // that borrows them from the lead)
            amount_said_before(article, s, subject, product.as_deref()).filter(|&f| {
                own.is_none()
                    || (new_fits(f)
                        && article.figures[f].period_note == Some(super::PeriodNote::Sentence))
            })
        });
    Some(Relation::stated(
        article,
        kind,
        n,
        s,
        anchor.map(|f| vec![f]).unwrap_or_default(),
        Some(if anchor.is_none() {
            Unchecked::NoAmount
        } else {
            Unchecked::NoBase
        }),
    ))
}

/// Whether a figure of `commodity` is of `product` (a word its commodity holds), or of no
/// product when none is said.
fn of_product(product: Option<&str>, commodity: &Option<String>) -> bool {
    match (product, commodity) {
        (Some(p), Some(c)) => c.split(' ').any(|w| w == p),
        (None, None) => true,
        _ => false,
    }
}

/// The level amount of `measure` printed last in the two sentences before `s` — a flow's
/// total, not a base, and of a year sentence `s` names if it names any: what a change said
/// without an amount of its own is about.
fn amount_said_before(
    article: &Article,
    s: usize,
    measure: TradeMeasure,
    product: Option<&str>,
) -> Option<usize> {
    let years: Vec<i32> = article
        .sentence(s)
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1900..=2100).contains(y))
        .collect();
    let fits = |f: usize| {
        let a = &article.figures[f];
        level(article, f)
            && a.measure == Some(measure)
            && of_product(product, &a.commodity)
            && a.part_of.is_none()
            && a.other.as_deref() != Some("WLD")
            && !is_base(article, a)
            && !third_party(article, f)
            && (years.is_empty() || a.period.is_some_and(|p| years.contains(&p.year)))
    };
    // "Exports amounted to €479.8 million ... Serbia was the top export destination,
    // accounting for €138.9 million ... Exports declined by 15%": a sentence that says no
    // partner ("to", "from", "with") speaks of the flow printed in a sentence that names no
    // economy, if there is one.
    let words: Vec<&str> = article.sentence(s).split_whitespace().collect();
    let names_none = !words.windows(3).any(|w| {
        let named = |x: &str| x.starts_with(|c: char| c.is_uppercase());
        matches!(w[0], "to" | "from" | "with") && (named(w[1]) || (w[1] == "the" && named(w[2])))
    });
    let before = |keep: &dyn Fn(usize) -> bool| {
        (s.saturating_sub(3)..s).rev().find_map(|p| {
            figures_in(article, p)
                .into_iter()
                .rfind(|&f| fits(f) && keep(f))
        })
    };
    let plain = |f: usize| {
        let g = &article.figures[f];
        g.other.is_none() && g.named.is_empty()
    };
    names_none
        .then(|| before(&plain))
        .flatten()
        .or_else(|| before(&|_| true))
}

/// The period named as a comparison's base after rate `n` in its sentence: "compared to
/// the last quarter of 2020", "from January 2023" (a year and months, or a year).
/// The period a lead sentence names for its rate `n`, said with a year: right after it, else
/// the nearest before it ("in 2021 the trade started to recover and in 2022 exports
/// increased by 50%": 2022), else the first after it — not the base it names, not a span,
/// not a fiscal year's months ("the first half of 2024-25" is July–December).
fn lead_period(article: &Article, n: usize, s: usize) -> Option<Period> {
    let sentence = &article.sentences[s];
    let first = article
        .tokens
        .iter()
        .position(|t| t.start >= sentence.start)?;
    let last = article
        .tokens
        .iter()
        .rposition(|t| t.end <= sentence.end)
        .map_or(first, |k| k + 1);
    let base = named_base_period(article, n, s);
    let at = article.numbers[n].printed.start;
    let dated: Vec<(usize, Period)> =
        super::resolve::periods(&article.text, &article.tokens, first..last)
            .into_iter()
            .filter(|p| p.fiscal.is_none())
            .filter(|p| {
                // (nor a span: "in 2017-2021", "between 2019 and 2021")
                let end = article.tokens[p.tokens.end - 1].end;
                !article.text[end..].starts_with(['-', '–', '/'])
                    && !article.text[end..].trim_start().starts_with("and ")
            })
            .filter_map(|p| match p.words {
                super::resolve::PeriodWords::Absolute { year: Some(_), .. } => {
                    super::resolve::period_of(&p.words, None)
                        .map(|q| (article.tokens[p.tokens.start].start, q))
                }
                _ => None,
            })
            .filter(|&(_, q)| Some(q) != base)
            .collect();
    // Right after the rate first ("and by 50% in 2013 as compared to 2012" after "by 42% in
    // the first six months of 2014"), then the nearest before, then any after.
    let end = article.numbers[n].phrase.end;
    let right_after = dated.iter().find(|&&(start, _)| {
        start >= end && article.text[end..start].split_whitespace().count() <= 3
    });
    right_after
        .or_else(|| dated.iter().rev().find(|&&(start, _)| start < at))
        .or_else(|| dated.iter().find(|&&(start, _)| start > at))
        .map(|&(_, q)| q)
}

fn named_base_period(article: &Article, n: usize, s: usize) -> Option<Period> {
    let end = article.numbers[n].printed.end;
    let sentence = &article.sentences[s];
    let first = article.tokens.iter().position(|t| t.start >= end)?;
    let last = article
        .tokens
        .iter()
        .rposition(|t| t.end <= sentence.end)
        .map_or(first, |k| k + 1);
    super::resolve::periods(&article.text, &article.tokens, first..last)
        .into_iter()
        .find(|p| {
            (p.tokens.start.saturating_sub(5).max(first)..p.tokens.start).any(|j| {
                // ("increased by almost 60 percent between 2020 and 2021": the first)
                matches!(
                    article.tokens[j].text.as_str(),
                    "compared"
                        | "against"
                        | "from"
                        | "over"
                        | "versus"
                        | "than"
                        | "between"
                        | "since"
                )
            })
        })
        .and_then(|p| match p.words {
            super::resolve::PeriodWords::Absolute { year: Some(_), .. } => {
                super::resolve::period_of(&p.words, None)
            }
            _ => None,
        })
}

/// Whether two figures are printed as one in two currencies: "243.03 billion yuan ($38.18
/// billion)".
fn bracketed_together(article: &Article, x: usize, y: usize) -> bool {
    let (a, b) = (
        &article.numbers[article.figures[x].number].printed,
        &article.numbers[article.figures[y].number].printed,
    );
    let (first, second) = if a.start < b.start { (a, b) } else { (b, a) };
    let gap = article.text[first.end..second.start].trim();
    gap == "(" && article.text[second.end..].trim_start().starts_with(')')
}

/// The amount a bracketed amount restates ("US$3.1 billion (SGD4.05 billion)": the first;
/// "ISK 267 billion (USD 2.2 billion, EUR 1.9 billion)": the ISK amount for either), else
/// the amount itself.
fn main_currency(article: &Article, f: usize) -> usize {
    let in_brackets = article.text[..pos(article, f)].trim_end().ends_with('(');
    if in_brackets
        && let Some(g) = figures_in(article, article.figures[f].sentence)
            .into_iter()
            .find(|&g| {
                g != f && pos(article, g) < pos(article, f) && bracketed_together(article, f, g)
            })
    {
        return g;
    }
    // A bracket still open, opened right after an amount of another currency.
    let s = article.figures[f].sentence;
    let Some(open) =
        super::text::open_bracket(&article.text, article.sentences[s].start, pos(article, f))
    else {
        return f;
    };
    figures_in(article, s)
        .into_iter()
        .find(|&g| {
            let end = article.numbers[article.figures[g].number].printed.end;
            end <= open
                && article.text[end..open].trim().is_empty()
                && article.figures[g].currency != article.figures[f].currency
        })
        .unwrap_or(f)
}

/// Whether amount `f` restates the amount before it in another currency: "382 billion yen,
/// or around four-point-one trillion won", "US$3.1 billion (SGD4.05 billion)".
fn restated(article: &Article, f: usize) -> bool {
    let fig = &article.figures[f];
    let start = article.numbers[fig.number].phrase.start;
    figures_in(article, fig.sentence).into_iter().any(|g| {
        let other = &article.figures[g];
        let end = article.numbers[other.number].printed.end;
        end <= start
            && other.currency != fig.currency
            && matches!(
                article.text[end..start].trim(),
                "(" | ", or" | ",or" | "or" | "(or"
            )
    })
}

/// Whether amount `f` opens a bracket right after another amount ("$253.43 billion
/// (US$1.68 billion at $151=US$1)"): it restates that one.
fn opens_bracket_after_amount(article: &Article, f: usize) -> bool {
    let start = pos(article, f);
    figures_in(article, article.figures[f].sentence)
        .into_iter()
        .any(|g| {
            let end = article.numbers[article.figures[g].number].printed.end;
            end <= start && article.text[end..start].trim() == "("
        })
}

/// Whether period `x` is later than `y`.
fn later(x: Period, y: Period) -> bool {
    (x.year, x.last_month) > (y.year, y.last_month)
}

/// Words that name the export-to-import coverage ratio ("a coverage rate of 35.6 per
/// cent", "le taux de couverture", "la tasa de cobertura", "karşılama oranı"). Exports over
/// imports, whichever order the words name them in: "le taux de couverture des
/// importations par les exportations" and "des exportations par les importations" both
/// mean it.
pub(super) const COVERAGE_WORDS: &[&str] = &[
    "coverage",
    "couverture",
    "cobertura",
    "copertura",
    "karşılama",
    "deckungsquote",
];

/// Verbs of the same ratio, with the imports named after the rate: "exports covered 45% of
/// imports", "couvrent 78,36% des importations" (not "covered 62 per cent of the total
/// trade").
const COVER_VERBS: &[&str] = &[
    "covered", "cover", "covers", "couvrent", "couvre", "cubren", "cubre",
];

/// Whether share `r` is a coverage ratio: exports over imports (neither is a part of the
/// other).
fn coverage(article: &Article, r: &Relation) -> bool {
    let measure = |k: usize| r.figures.get(k).and_then(|&f| article.figures[f].measure);
    measure(0) == Some(TradeMeasure::Exports) && measure(1) == Some(TradeMeasure::Imports)
}

/// A coverage ratio stated by number `n` of sentence `s` (`COVERAGE_WORDS` among the ten
/// words before it): the exports over the imports of one period and pair, printed in its
/// sentence or the five before — a pair printed in one sentence before one printed in two
/// (the imports in the next sentence at most), then the latest, then the nearest to it.
fn coverage_ratio(article: &Article, n: usize, s: usize) -> Option<Relation> {
    let at = article.numbers[n].printed.start;
    let words = words_in(article, article.sentences[s].start, at);
    let end = article.numbers[n].printed.end;
    let after = words_in(article, end, article.sentences[s].end);
    let said = |list: &[&str]| {
        words
            .iter()
            .rev()
            .take(10)
            .any(|w| list.contains(&w.as_str()))
    };
    let of_imports = after
        .iter()
        .take(4)
        .any(|w| super::resolve::measure_of_word(w) == Some(TradeMeasure::Imports));
    // "The export to import ratio in 2020 was 51.7 percent", "the ratio of exports to
    // imports"
    let near: Vec<&str> = words
        .iter()
        .rev()
        .take(10)
        .flat_map(|w| w.split('-'))
        .collect();
    let flows_ratio = near.contains(&"ratio")
        && [TradeMeasure::Exports, TradeMeasure::Imports]
            .iter()
            .all(|&m| {
                near.iter()
                    .any(|w| super::resolve::measure_of_word(w) == Some(m))
            });
    if !(said(COVERAGE_WORDS) || flows_ratio || said(COVER_VERBS) && of_imports) {
        return None;
    }
    let of = |m: TradeMeasure| -> Vec<usize> {
        (0..article.figures.len())
            .filter(|&f| {
                let g = &article.figures[f];
                g.measure == Some(m)
                    && g.sentence <= s
                    && g.sentence + 5 >= s
                    && level(article, f)
                    && g.commodity.is_none()
                    && !restated(article, f)
                    && !opens_bracket_after_amount(article, f)
            })
            .collect()
    };
    // "dropped to 14.1% from 17.6% in the same period last year": the ratio after "from"
    // is of another period than the amounts printed.
    if words
        .iter()
        .rev()
        .take(2)
        .any(|w| BASE_CUES.contains(&w.as_str()) || w == "against")
    {
        return None;
    }
    // "fue del 119 por ciento en 2014 y del 67 por ciento en 2013": the year said right
    // after the ratio is its amounts'.
    let year = after
        .iter()
        .take(3)
        .find_map(|w| w.parse::<i32>().ok().filter(|y| (1900..=2100).contains(y)));
    let (exports, imports) = (of(TradeMeasure::Exports), of(TradeMeasure::Imports));
    let (e, m) = exports
        .iter()
        .flat_map(|&e| imports.iter().map(move |&m| (e, m)))
        .filter(|&(e, m)| {
            let (x, y) = (&article.figures[e], &article.figures[m]);
            x.period == y.period
                && year.is_none_or(|year| x.period.is_some_and(|p| p.year == year))
                && x.months_only == y.months_only
                && x.currency == y.currency
                && x.sentence.abs_diff(y.sentence) <= 1
                && economies_agree(x, y)
        })
        .min_by_key(|&(e, m)| {
            let (x, y) = (&article.figures[e], &article.figures[m]);
            (
                x.sentence != y.sentence,
                s - x.sentence.max(y.sentence),
                pos(article, e).abs_diff(at) + pos(article, m).abs_diff(at),
            )
        })?;
    Some(Relation::stated(
        article,
        RelationKind::Share,
        n,
        s,
        vec![e, m],
        None,
    ))
}

/// Whether rate `n` comes right after "by" (Russian "на": "уменьшившись на 24,5%"): a
/// change whose direction word was not read, never a share.
fn said_by(article: &Article, n: usize) -> bool {
    article.text[..article.numbers[n].printed.start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("by") || w == "на")
}

/// A share stated by number `n`: the part beside it over the whole it names.
fn share(article: &Article, n: usize, s: usize) -> Option<Relation> {
    let number = &article.numbers[n];
    let at = number.printed.start;
    // "Last month, by 49.8% at 272.88 billion yen": "by" says a change whose direction the
    // text lost, never a share.
    if said_by(article, n) {
        return None;
    }
    // "worth US$6 billion, 98.5 percent of which was oil": the amount before is the whole;
    // the part is not printed.
    let rest = article.text[number.phrase.end..]
        .trim_start()
        .to_lowercase();
    let clause = clause_at(article, s, at);
    let part_after = figures_in(article, s).into_iter().any(|f| {
        let p = pos(article, f);
        p > at
            && (p < clause.end
                || article.text[number.phrase.end..p]
                    .split_whitespace()
                    .count()
                    <= 3)
    });
    if rest.starts_with("of which") && !part_after {
        let whole = figures_in(article, s)
            .into_iter()
            .filter(|&f| level(article, f) && pos(article, f) < at)
            .filter(|&f| {
                let gap = &article.text[article.numbers[article.figures[f].number].printed.end..at];
                gap.trim()
                    .trim_end_matches(|c: char| c == ',' || c.is_whitespace())
                    .is_empty()
                    || clause.start > pos(article, f) && gap.split_whitespace().count() <= 1
            })
            .max_by_key(|&f| pos(article, f));
        return Some(Relation::stated(
            article,
            RelationKind::Share,
            n,
            s,
            whole.into_iter().collect(),
            Some(if whole.is_some() {
                Unchecked::NoPart
            } else {
                Unchecked::NoAmount
            }),
        ));
    }
    // "around £2.6bn (63.8 percent) were goods and £1.5bn (36.2 percent) were services":
    // a breakdown, each part's share of their sum (or of the total printed before that
    // the parts add up to).
    if let Some(relation) = breakdown_share(article, n, s) {
        return Some(relation);
    }
    if let Some(relation) = share_together(article, n, s) {
        return Some(relation);
    }
    let here: Vec<usize> = figures_in(article, s)
        .into_iter()
        .filter(|&f| level(article, f))
        .collect();
    let clause = clause_at(article, s, at);
    let theirs = of_those_named(article, n, &clause);
    let part = here
        .iter()
        .copied()
        .filter(|&f| clause.contains(&pos(article, f)))
        .min_by_key(|&f| pos(article, f).abs_diff(at))
        .or_else(|| part_in_brackets(article, n, s))
        .or_else(|| nearest(article, &here, at, false, |_| true).filter(|&f| theirs(f)))
        .or_else(|| nearest(article, &here, at, true, |_| true).filter(|&f| theirs(f)))
        // "43.72 billion ringgit (US$14 billion) in 2012, accounting for 3.3 per cent":
        // the amount the bracket restates.
        .map(|f| main_currency(article, f));
    let relation = |figures: Vec<usize>, unchecked| {
        Relation::stated(article, RelationKind::Share, n, s, figures, unchecked)
    };
    // "China accounted for 9.4% of South Africa's exports. ... exports to China totalled
    // R188.4 billion": the part in the next sentence, of the measure the share names.
    let of_measure = {
        let words = share_words(article, n, s, 7);
        // "of Australia's total goods exports": past the owner's name.
        if words.first().is_some_and(|w| w == "of") {
            words.iter().skip(1).take(5).find_map(|w| flow_word(w))
        } else {
            None
        }
    };
    // "Korea accounted for 6.2 percent of China's overall imports", its amounts in the
    // sentences around: the whole is the global figure of that measure, the part the
    // other amount of that period.
    // "accounted for 11.11 percent of the country's total imports, which were valued at
    // 104.07 billion euros": the amount beside the share is the world total it is of.
    // (Not when the whole is printed after the share: "of Sri Lanka's total exports of
    // $12.5 billion", read below.)
    let world_whole = part.filter(|&f| {
        let w = &article.figures[f];
        w.other.as_deref() == Some("WLD")
            && of_measure.is_some()
            && w.measure == of_measure
            && whole_after(article, n, s).is_none()
    });
    let part = part.filter(|_| world_whole.is_none());
    if part.is_none() {
        if let Some(m) = of_measure {
            let around: Vec<usize> = (s.saturating_sub(1)
                ..=(s + 1).min(article.sentences.len() - 1))
                .flat_map(|p| figures_in(article, p))
                .filter(|&f| level(article, f) && article.figures[f].commodity.is_none())
                .collect();
            // The world total of the measure: around the share, else the nearest a few
            // sentences before ("Peru exported goods worth $63.3 billion to the world ...").
            let world_total = |f: usize| {
                let w = &article.figures[f];
                level(article, f)
                    && w.commodity.is_none()
                    && w.measure == Some(m)
                    && w.other.as_deref() == Some("WLD")
            };
            let whole = world_whole
                .or_else(|| around.iter().copied().find(|&f| world_total(f)))
                .or_else(|| {
                    (0..article.figures.len())
                        .filter(|&f| world_total(f))
                        .filter(|&f| {
                            let t = article.figures[f].sentence;
                            t < s && t + 3 >= s
                        })
                        .max_by_key(|&f| pos(article, f))
                });
            let subject = subject_economies(article, n, s);
            let part = whole.and_then(|w| {
                around
                    .iter()
                    .copied()
                    .find(|&f| {
                        let (a, b) = (&article.figures[f], &article.figures[w]);
                        f != w
                            && a.other.as_deref() != Some("WLD")
                            && a.currency == b.currency
                            && a.period == b.period
                            && matches!(
                                a.measure,
                                Some(TradeMeasure::Exports | TradeMeasure::Imports)
                            )
                    })
                    .or_else(|| part_before(article, w, s, &subject))
            });
            if let (Some(p), Some(w)) = (part, whole) {
                return Some(relation(vec![p, w], None));
            }
            // "Australia exported a total $517.0b ..., with $23.8b of this going to the USA.
            // Goods exports to the USA made up 5% of Australia's total goods exports": two
            // amounts of the measure, of one period, in the sentence before — the larger
            // the whole, the smaller the part.
            if whole.is_none()
                && !subject.is_empty()
                && let Some((p, w)) = part_and_whole_before(article, m, s)
            {
                return Some(relation(vec![p, w], None));
            }
            let flow_of = |f: usize| {
                level(article, f)
                    && article.figures[f].measure == Some(m)
                    && article.figures[f].commodity.is_none()
                    && article.figures[f].other.as_deref() != Some("WLD")
            };
            // "China accounted for 9.4% of South Africa's exports ... exports to China
            // totalled R188.4 billion": the flow to the economy the share is said of,
            // wherever the text prints it.
            // "New Zealand exported $792.85 million ... This represented 1.0% of all exports":
            // a sentence that starts by pointing back speaks of the flow just printed.
            let points_back = {
                let opening = article.sentence(s).trim_start().to_lowercase();
                ["this ", "that ", "it ", "which "]
                    .iter()
                    .any(|w| opening.starts_with(w))
            };
            let before = (points_back && s > 0)
                .then(|| {
                    figures_in(article, s - 1)
                        .into_iter()
                        .rfind(|&f| flow_of(f))
                })
                .flatten();
            let part = before
                .or_else(|| figures_in(article, s + 1).into_iter().find(|&f| flow_of(f)))
                .or_else(|| {
                    (0..article.figures.len())
                        .filter(|&f| flow_of(f) && !subject.is_empty())
                        .filter(|&f| {
                            article.figures[f].other.as_ref().is_some_and(|o| {
                                subject.iter().any(|x| super::resolve::same_country(x, o))
                            })
                        })
                        .min_by_key(|&f| article.figures[f].sentence.abs_diff(s))
                });
            // "Latvia's exports ... USD 10.04 billion ... Latvia's exports [to China] USD 100
            // million. It accounted for 1.0% of Latvia's total exports": the whole is the
            // economy's total of the flow and period printed before.
            let of_all = share_words(article, n, s, 7)
                .iter()
                .any(|w| matches!(w.as_str(), "total" | "all" | "overall" | "global"));
            // (Only for the flow pointed back to: a part found further off is a guess.)
            if of_all
                && let Some(p) = before
                && let Some(w) = economy_total_before(article, p, s)
            {
                return Some(relation(vec![p, w], None));
            }
            // "27% of all goods imported were from China": a share of a flow with no
            // amount printed — said, and nothing in the text to check it against.
            return Some(match part {
                Some(p) => relation(vec![p], Some(Unchecked::NoWhole)),
                None => relation(Vec::new(), Some(Unchecked::NoAmount)),
            });
        }
        return None;
    }
    // "reached USD 150.52 billion, accounting for 4.5% of China's overall exports of USD
    // 3.36 trillion": the whole printed after "of ... of", the part before the share.
    if let Some(w) = whole_after(article, n, s) {
        // "India ... accounting for 3 per cent of Singapore's total trade of SGD 984.9
        // billion": the part in this sentence, else the pair's amount printed before.
        let world = article.figures[w].other.as_deref() == Some("WLD");
        let b = amount_before(article, s, at, w).or_else(|| {
            world
                .then(|| part_before(article, w, s, &subject_economies(article, n, s)))
                .flatten()
        });
        if let Some(b) = b {
            return Some(Relation {
                said: true,
                ..relation(vec![b, w], None)
            });
        }
    }
    let part = part?;
    let p = &article.figures[part];
    // The whole: "of total exports", "of the total", "of its trade".
    let of_words = share_words(article, n, s, 6);
    let of_words: Vec<&str> = of_words.iter().map(String::as_str).collect();
    // "of total imports", "share of the total imports"
    let of_words: Vec<&str> = match of_words.first() {
        Some(&"share") => of_words[1..].to_vec(),
        _ => of_words,
    };
    // "Of the total import dollars spent in the first quarter, 29.2 percent or US$93.8M
    // went to the United States": the whole named as the sentence opens.
    let opening = opening_of_words(article, s);
    let of_words: Vec<&str> = if of_words.first() != Some(&"of") && !opening.is_empty() {
        opening.iter().map(String::as_str).collect()
    } else {
        of_words
    };
    let said_of = of_words.first() == Some(&"of");
    let of_phrase: Vec<&str> = of_words.iter().skip(1).take(5).copied().collect();
    // "of all imports and exports" is trade; "of total exports", "of all trade" the whole
    // of the economy's trade (not with one partner).
    let whole_measure = if !said_of {
        None
    } else if of_phrase.iter().any(|w| w.starts_with("export"))
        && of_phrase.iter().any(|w| w.starts_with("import"))
    {
        Some(TradeMeasure::Turnover)
    } else {
        of_phrase.iter().find_map(|w| measure_word(w))
    };
    let of_everything = said_of
        && of_phrase
            .iter()
            .any(|w| matches!(*w, "all" | "total" | "overall" | "global" | "world"));
    // "..., while trade with the UAE was $7.5 billion or 15.7 percent": a share with no
    // "of" after another share of the sentence has that share's whole.
    if !said_of {
        let lexicon = Lexicon::built_in();
        // In this sentence or the one before.
        let from = article.sentences[s.saturating_sub(1)].start;
        let earlier = article.numbers[..n]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, k)| {
                matches!(k.kind, NumberKind::Percent)
                    && (from..article.sentences[s].end).contains(&k.printed.start)
                    && phrase::parse(&k.phrase_text(&article.text), lexicon, Rounding::HalfUnit)
                        .is_ok_and(|p| p.measure == Measure::Share)
            });
        if let Some((e, _)) = earlier {
            let es = sentence_of(article, article.numbers[e].printed.start).unwrap_or(s);
            if let Some(Relation {
                said: false,
                figures,
                unchecked,
                ..
            }) = share(article, e, es)
                .filter(|r| r.figures.first() != Some(&part) || r.figures.len() > 1)
            {
                // "R2.8bn for a 13.5% share, but in 2022 ... R26.8 billion for a 20.5%
                // share": the other share's whole only when of the same period.
                // (or of no period read: "in the first quarter of this year" when the year is
                // not known)
                let same_period = |w: usize| {
                    article.figures[w].period == p.period || article.figures[w].period.is_none()
                };
                return match (unchecked, figures.get(1)) {
                    (None, Some(&w)) if w != part && same_period(w) => {
                        Some(relation(vec![part, w], None))
                    }
                    _ => Some(relation(vec![part], Some(Unchecked::NoWhole))),
                };
            }
        }
    }
    // "of the total exports" (with "the") may be the total the text is about, the pair's:
    // when no world total fits.
    let the_total = of_phrase.first() == Some(&"the");
    let whole = p.part_of.filter(|_| whole_measure.is_none()).or_else(|| {
        let fits = |f: usize, strict: bool| {
            let w = &article.figures[f];
            // ("total apparel exports were valued at $ 4.3 billion, with exports to Italy
            // accounting for 9% or $ 408 million": a product's total said just before)
            // ("... accounting for nearly 12% of Sri Lanka's total apparel exports": the
            // product the share names)
            let product_named = w.commodity.as_ref().is_some_and(|c| {
                of_everything
                    && c.split_whitespace()
                        .all(|x| of_phrase.iter().any(|y| y.eq_ignore_ascii_case(x)))
            });
            let product_total = w.sentence == s
                && pos(article, f) < at
                && p.commodity.is_none()
                && (total_said_before(article, f) || product_named);
            (w.commodity.is_none() || product_total)
                    && w.currency == p.currency
                    && !(strict && of_everything && w.other.is_some() && w.other.as_deref() != Some("WLD") && !product_total)
                    // A part the text says nothing about is no part of one partner's trade.
                    && !(p.measure.is_none() && p.other.is_none() && w.other.as_deref().is_some_and(|o| o != "WLD"))
                    && (w.period == p.period || w.period.is_none() || p.period.is_none())
                    && match whole_measure {
                        Some(m) => w.measure == Some(m) || w.measure.is_none(),
                        None => {
                            w.measure == p.measure || p.measure.is_none() || w.measure.is_none()
                        }
                    }
                    // "accounted for 37pct (19.8 billion euro) of EU exports to Japan": a
                    // whole the share names may be printed a paragraph earlier.
                    && w.sentence + if whole_measure.is_some() { SUM_REACH } else { 3 } >= s
                    && w.sentence <= s + 1
        };
        let pick = |strict: bool| -> Vec<usize> {
            (0..article.figures.len())
                .filter(|&f| f != part && level(article, f) && fits(f, strict))
                .collect()
        };
        let mut candidates = pick(true);
        if candidates.is_empty() && of_everything && the_total {
            candidates = pick(false);
        }
        // The whole is larger than the part: the largest candidate (a total), the
        // nearest before on a tie.
        candidates.sort_by_key(|&f| (pos(article, f) > at, pos(article, f).abs_diff(at)));
        let size = |f: usize| amount(article, f).unwrap_or_default();
        let largest = candidates.iter().copied().max_by(|&a, &b| size(a).cmp(&size(b)).then(pos(article, b).abs_diff(at).cmp(&pos(article, a).abs_diff(at))));
        // ("... 8.7 bln imports ... [a paragraph on exports] ... the main import partners of
        // Mongolia are China 35.2% (US$3.07 bln)": farther back, the economy's total)
        largest
            .filter(|&f| size(f) >= size(part))
            .or_else(|| economy_total_before(article, part, s))
    });
    match whole {
        Some(w) if w != part => Some(relation(vec![part, w], None)),
        _ => Some(relation(vec![part], Some(Unchecked::NoWhole))),
    }
}

/// Whether "total" (or "overall", "all") is among the six words before amount `f` in its
/// sentence: "total apparel exports were valued at $ 4.3 billion".
fn total_said_before(article: &Article, f: usize) -> bool {
    let start = article.sentences[article.figures[f].sentence].start;
    words_in(article, start, pos(article, f))
        .iter()
        .rev()
        .take(6)
        .any(|w| matches!(w.as_str(), "total" | "overall" | "all"))
}

/// The economy's total of part `p`'s flow and period, printed before sentence `s`: the one
/// amount of that flow, period and currency naming no partner (or the world) that is larger
/// than the part — and the largest amount of that flow and period the text prints.
fn economy_total_before(article: &Article, p: usize, s: usize) -> Option<usize> {
    let part = &article.figures[p];
    let size = |f: usize| amount(article, f).unwrap_or_default();
    let of_flow = |f: usize| {
        let w = &article.figures[f];
        w.measure == part.measure && w.period == part.period && w.currency == part.currency
    };
    if part.measure.is_none() || part.period.is_none() {
        return None;
    }
    let totals: Vec<usize> = (0..article.figures.len())
        .filter(|&f| {
            let w = &article.figures[f];
            f != p
                && of_flow(f)
                && level(article, f)
                && w.commodity.is_none()
                && w.other.as_deref().is_none_or(|o| o == "WLD")
                && w.sentence < s
                && size(f) > size(p)
        })
        .collect();
    match totals[..] {
        [w] if (0..article.figures.len()).all(|g| !of_flow(g) || size(g) <= size(w)) => Some(w),
        _ => None,
    }
}

/// "gas oil GH¢7.3 billion, and motor spirit super GH¢7.2 billion, which together account
/// for 24.7 percent of the total import value of GH₵58.8 billion": the amounts listed
/// before a share said "together" (or "combined", "jointly") make its part; the whole is
/// printed after it.
fn share_together(article: &Article, n: usize, s: usize) -> Option<Relation> {
    let at = article.numbers[n].printed.start;
    let from = article.sentences[s].start;
    let before: Vec<String> = article.text[from..at]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let said_together = before
        .iter()
        .rev()
        .take(4)
        .any(|w| matches!(w.as_str(), "together" | "combined" | "jointly"));
    if !said_together {
        return None;
    }
    let whole = whole_after(article, n, s)?;
    let parts: Vec<usize> = figures_in(article, s)
        .into_iter()
        .filter(|&f| {
            pos(article, f) < at
                && level(article, f)
                && article.figures[f].currency == article.figures[whole].currency
        })
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let mut figures = parts;
    figures.push(whole);
    Some(Relation {
        said: true,
        derived_base: Some(DerivedBase::Together),
        ..Relation::stated(article, RelationKind::Share, n, s, figures, None)
    })
}

/// The amount a percentage in brackets right after it is a share of: "£2.6bn (63.8
/// percent)".
fn bracketed_before(article: &Article, n: usize, s: usize) -> Option<usize> {
    let at = article.numbers[n].printed.start;
    figures_in(article, s).into_iter().find(|&f| {
        let end = article.numbers[article.figures[f].number].printed.end;
        end <= at && article.text[end..at].trim() == "("
    })
}

/// A share listed with the others of a breakdown, each in brackets after its part, the
/// percentages adding up to a hundred (within their rounding): of the total printed in the
/// sentence or the one before that the parts add up to (within 1%), else of the parts'
/// sum (`DerivedBase::Sum`: figures are the part, then every part of the breakdown).
fn breakdown_share(article: &Article, n: usize, s: usize) -> Option<Relation> {
    let part = bracketed_before(article, n, s)?;
    let listed: Vec<(usize, usize)> = (0..article.numbers.len())
        .filter(|&k| {
            matches!(article.numbers[k].kind, NumberKind::Percent)
                && sentence_of(article, article.numbers[k].printed.start) == Some(s)
        })
        .filter_map(|k| bracketed_before(article, k, s).map(|f| (k, f)))
        .filter(|&(_, f)| article.figures[f].currency == article.figures[part].currency)
        .collect();
    let lexicon = Lexicon::built_in();
    let percent = |k: usize| {
        phrase::parse(article.printed(k), lexicon, Rounding::HalfUnit)
            .ok()
            .and_then(|p| p.point)
    };
    // Percentages of a whole (a fraction each, here) make a hundred percent, within half
    // a percentage point each.
    let whole_of = |run: &[(usize, usize)]| {
        let mut total = crate::verify::interval::q_int(0);
        for &(k, _) in run {
            total += percent(k)?;
        }
        let slack = crate::verify::interval::Q::new(run.len().into(), 200.into());
        let one = crate::verify::interval::q_int(1);
        Some((&total - &one) <= slack && (&one - &total) <= slack)
    };
    // The longest run of the listed shares around this one that does ("... were goods
    // and ... were services, while of the imports, ... were goods and ... services": two
    // runs, the four make two hundred percent; "crude oil - $1.7 billion (89.8% share),
    // uranium - ... (7.6%), ... (0.07%)": all six, not the first three).
    let i = listed.iter().position(|&(k, _)| k == n)?;
    let run = (2..=listed.len()).rev().find_map(|len| {
        (i.saturating_sub(len - 1)..=i)
            .filter(|&start| start + len <= listed.len())
            .map(|start| &listed[start..start + len])
            .find(|run| whole_of(run) == Some(true))
    })?;
    let parts: Vec<usize> = run.iter().map(|&(_, f)| f).collect();
    let sum: rust_decimal::Decimal = parts.iter().filter_map(|&f| amount(article, f)).sum();
    let first = pos(article, parts[0]);
    let printed_total = (s.saturating_sub(1)..=s)
        .flat_map(|p| figures_in(article, p))
        .filter(|&f| {
            !parts.contains(&f)
                && pos(article, f) < first
                && level(article, f)
                && article.figures[f].currency == article.figures[part].currency
        })
        .filter(|&f| {
            amount(article, f).is_some_and(|w| {
                w > rust_decimal::Decimal::ZERO
                    && ((w - sum).abs() * rust_decimal::Decimal::from(100)) <= w
            })
        })
        // ("USD182.52 billion [2019], up 0.2 percent from USD182.15 billion [2018]": of the
        // parts' period, the nearest to their sum, the latest.)
        .min_by_key(|&f| {
            (
                article.figures[f].period != article.figures[part].period,
                amount(article, f).map(|w| (w - sum).abs()),
                std::cmp::Reverse(pos(article, f)),
            )
        });
    let relation = |figures: Vec<usize>, derived_base| Relation {
        said: true,
        derived_base,
        ..Relation::stated(article, RelationKind::Share, n, s, figures, None)
    };
    Some(match printed_total {
        Some(w) => relation(vec![part, w], None),
        None => {
            let mut figures = vec![part];
            figures.extend(parts.iter().copied().filter(|&f| f != part));
            relation(figures, Some(DerivedBase::Sum))
        }
    })
}

/// The part of whole `w` a share in sentence `s` is of, printed in the sentences before
/// (a paragraph at most): an amount of the whole's flow (exports or imports for either,
/// trade for trade) with one partner, not the world, of the same period and currency and
/// smaller — of an economy the share's clause names when it names one; the nearest.
fn part_before(article: &Article, w: usize, s: usize, subject: &[String]) -> Option<usize> {
    let whole = &article.figures[w];
    let size = |f: usize| amount(article, f).unwrap_or_default();
    let same_flow = |m: Option<TradeMeasure>| match whole.measure {
        Some(TradeMeasure::Exports | TradeMeasure::Imports) => {
            matches!(m, Some(TradeMeasure::Exports | TradeMeasure::Imports))
        }
        Some(t) => m == Some(t),
        None => false,
    };
    let of_subject = |f: usize| {
        article.figures[f]
            .other
            .as_ref()
            .is_some_and(|o| subject.iter().any(|x| super::resolve::same_country(x, o)))
    };
    let candidates: Vec<usize> = (0..article.figures.len())
        .filter(|&f| {
            let a = &article.figures[f];
            f != w
                && level(article, f)
                && a.sentence <= s
                && a.sentence + SUM_REACH >= s
                && pos(article, f) < pos(article, w).max(article.sentences[s].start)
                && a.commodity.is_none()
                && a.other.as_deref() != Some("WLD")
                && a.currency == whole.currency
                && a.period == whole.period
                && a.period.is_some()
                && same_flow(a.measure)
                && !is_base(article, a)
                && size(f) < size(w)
        })
        .collect();
    let pick = |keep: &dyn Fn(usize) -> bool| {
        candidates
            .iter()
            .copied()
            .filter(|&f| keep(f))
            .max_by_key(|&f| pos(article, f))
    };
    if subject.is_empty() {
        pick(&|_| true)
    } else {
        pick(&of_subject).or_else(|| pick(&|f| article.figures[f].other.is_none()))
    }
}

/// Two amounts of measure `m` in the sentence before `s` (or in `s` itself), of one
/// period and currency, with no other amount of that measure beside them: (the smaller,
/// the larger).
fn part_and_whole_before(article: &Article, m: TradeMeasure, s: usize) -> Option<(usize, usize)> {
    let of_measure: Vec<usize> = (s.saturating_sub(1)..=s)
        .flat_map(|p| figures_in(article, p))
        .filter(|&f| {
            let a = &article.figures[f];
            level(article, f)
                && a.commodity.is_none()
                && a.measure == Some(m)
                && a.period.is_some()
                && !is_base(article, a)
        })
        .collect();
    let [x, y] = of_measure[..] else {
        return None;
    };
    let (a, b) = (&article.figures[x], &article.figures[y]);
    if a.period != b.period || a.currency != b.currency {
        return None;
    }
    let size = |f: usize| amount(article, f).unwrap_or_default();
    match size(x).cmp(&size(y)) {
        std::cmp::Ordering::Less => Some((x, y)),
        std::cmp::Ordering::Greater => Some((y, x)),
        std::cmp::Ordering::Equal => None,
    }
}

/// Whether a figure outside `clause` can be what share `n` in it is said of: when the
/// clause names economies beyond the pair ("24% went to China" in an Ecuador–Colombia
/// text), only a figure of one of them (its owner or other side) — not the pair's amount
/// printed before.
fn of_those_named<'a>(
    article: &'a Article,
    n: usize,
    clause: &std::ops::Range<usize>,
) -> impl Fn(usize) -> bool + 'a {
    // Not the economies of what it is a share of ("32% of Vietnam's total exports").
    let end = article.numbers[n].printed.end;
    let named: Vec<String> = super::resolve::economies(&article.text, &article.tokens)
        .into_iter()
        .filter(|m| {
            let at = article.tokens[m.tokens.start].start;
            clause.contains(&at)
                && (at < end
                    || !article.text[end..at]
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case("of")))
        })
        .map(|m| m.economy)
        // The pair's own economies: its figures often name neither side.
        .filter(|e| {
            ![&article.reporter, &article.partner]
                .into_iter()
                .flatten()
                .any(|p| super::resolve::same_country(p, e))
        })
        .collect();
    move |f: usize| {
        let fig = &article.figures[f];
        named.is_empty()
            || fig
                .owner
                .iter()
                .chain(&fig.other)
                .any(|e| named.iter().any(|x| super::resolve::same_country(x, e)))
    }
}

/// The economies named in the clause of share `n` before it ("China accounted for",
/// "Sales to Japan represented"): what the share is said of.
fn subject_economies(article: &Article, n: usize, s: usize) -> Vec<String> {
    subject_mentions(article, n, s)
        .into_iter()
        .map(|m| m.economy)
        .collect()
}

/// The economies named before rate `n` in its clause, as mentions.
fn subject_mentions(article: &Article, n: usize, s: usize) -> Vec<super::resolve::Mention> {
    let at = article.numbers[n].printed.start;
    let clause = clause_at(article, s, at);
    super::resolve::economies(&article.text, &article.tokens)
        .into_iter()
        .filter(|m| {
            let p = article.tokens[m.tokens.start].start;
            p >= clause.start && p < at
        })
        .collect()
}

/// The economies rate `n` says the flow is of: those named before it in its clause, not
/// as the other side ("exports to China", "imports of Turkish goods").
fn owners_named(article: &Article, n: usize, s: usize) -> Vec<String> {
    subject_mentions(article, n, s)
        .into_iter()
        .filter(|m| {
            let mut k = m.tokens.start;
            if k > 0 && article.tokens[k - 1].text == "the" {
                k -= 1;
            }
            let goods = article.tokens.get(m.tokens.end).is_some_and(|t| {
                matches!(
                    t.text.as_str(),
                    "goods" | "products" | "origin" | "items" | "commodities"
                )
            });
            let other_side = goods
                || k > 0
                    && matches!(
                        article.tokens[k - 1].text.as_str(),
                        "to" | "from" | "with" | "between" | "and" | "into" | "for" | "against"
                    );
            !other_side
        })
        .map(|m| m.economy)
        .collect()
}

/// "for 66pct of EU imports from Japan (37.1 billion euro)": the amount in brackets right
/// after the words a share is of — its part, unless those words say a total ("of total
/// goods imports (nearly 460 billion euros)" is the whole).
fn part_in_brackets(article: &Article, n: usize, s: usize) -> Option<usize> {
    let end = article.numbers[n].printed.end;
    let (next, other_number) = amount_right_after(article, s, end)?;
    let gap = article.text[end..pos(article, next)].to_lowercase();
    let words: Vec<&str> = gap
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    (gap.trim_end().ends_with('(')
        && gap.matches('(').count() == 1
        && !gap.contains(')')
        && words.first() == Some(&"of")
        && words.len() <= 8
        && !words
            .iter()
            .any(|w| matches!(*w, "total" | "all" | "overall" | "global" | "world"))
        && !other_number)
        .then_some(next)
}

/// The first `k` words after share `n` (past a bracket right after it).
fn share_words(article: &Article, n: usize, s: usize, k: usize) -> Vec<String> {
    words_after_share(article, n, s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(k)
        .map(str::to_string)
        .collect()
}

/// The words of an "of the total ..." that opens sentence `s`, up to its comma ("Of total
/// exports, ..."): lower case, the "of" first; none when the sentence opens otherwise.
fn opening_of_words(article: &Article, s: usize) -> Vec<String> {
    let sentence = &article.sentences[s];
    let Some(comma) = article.text[sentence.clone()].find(',') else {
        return Vec::new();
    };
    let words = words_in(article, sentence.start, sentence.start + comma);
    let names_a_total = words
        .iter()
        .skip(1)
        .take(3)
        .any(|w| matches!(w.as_str(), "total" | "all" | "overall"));
    if words.first().is_some_and(|w| w == "of") && names_a_total && words.len() <= 10 {
        words
    } else {
        Vec::new()
    }
}

/// A measure word, or "exported"/"imported", for the flow a share is of.
fn flow_word(w: &str) -> Option<TradeMeasure> {
    measure_word(w).or(match w {
        "exported" => Some(TradeMeasure::Exports),
        "imported" => Some(TradeMeasure::Imports),
        _ => None,
    })
}

/// The rest of the sentence after share `n`, lowercase, past an amount in brackets right
/// after it ("37pct (19.8 billion euro) of EU exports": "of eu exports"); for a share in
/// brackets, up to its closing one ("(1.4% of all services imports) and exported ...").
fn words_after_share(article: &Article, n: usize, s: usize) -> String {
    let start = article.numbers[n].printed.start;
    let before = &article.text[article.sentences[s].start..start];
    let open = before.matches('(').count() > before.matches(')').count();
    let rest = &article.text[article.numbers[n].printed.end..article.sentences[s].end];
    let rest = match rest.find(')') {
        Some(close) if open => &rest[..close],
        _ => rest,
    };
    let skipped = rest
        .trim_start()
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .map_or(rest, |(_, tail)| tail);
    skipped.to_lowercase()
}

/// The whole printed after a share "P% of ... of W" (or "... worth W", "... valued at
/// W"): the first amount after the share, its words starting with "of" and ending with one
/// of those, eight words at most, no other number between.
fn whole_after(article: &Article, n: usize, s: usize) -> Option<usize> {
    let end = article.numbers[n].printed.end;
    let (next, other_number) = amount_right_after(article, s, end)?;
    // "(20.9% of total imports), followed by the UAE at GH¢9.1 billion": a bracket closed
    // or a semicolon ends the share's words.
    if article.text[end..pos(article, next)].contains([')', ';']) {
        return None;
    }
    let words: Vec<String> = article.text[end..pos(article, next)]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (words.len() >= 2
        && words.len() <= 8
        && words[0] == "of"
        && matches!(
            words.last().map(String::as_str),
            Some("of" | "worth" | "at" | "totalling" | "totaling")
        )
        && !other_number)
        .then_some(next)
}

/// The printed amount of a figure, roughly (for telling a whole from a part).
fn amount(article: &Article, f: usize) -> Option<rust_decimal::Decimal> {
    let lexicon = Lexicon::built_in();
    let n = article.figures[f].number;
    let p = phrase::parse(&article.reading(n), lexicon, Rounding::HalfUnit).ok()?;
    let point = p.point?;
    let (n, d) = (point.numer().to_string(), point.denom().to_string());
    let n: rust_decimal::Decimal = n.parse().ok()?;
    let d: rust_decimal::Decimal = d.parse().ok()?;
    n.checked_div(d)
}

/// "Our imports and exports increased by 1.6% and 5.3%, respectively": the measure the
/// k-th rate of a list said "respectively" is of — the k-th of as many measure words said
/// before the list.
fn listed_measure(article: &Article, n: usize, s: usize) -> Option<TradeMeasure> {
    let (rates, i) = rate_list(article, n, s)?;
    if !respectively_after(article, s, article.numbers[*rates.last()?].printed.end) {
        return None;
    }
    let count = rates.len();
    let before = article.text[article.sentences[s].start..article.numbers[rates[0]].printed.start]
        .to_lowercase();
    let measures: Vec<TradeMeasure> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(measure_word)
        .collect();
    let listed = measures.get(measures.len().checked_sub(count)?..)?;
    let distinct = listed.windows(2).all(|p| p[0] != p[1]);
    distinct.then(|| listed[i])
}

/// "paper products and favorite food skyrocketed by 168.6% and 165% with $3.6 million and
/// $3.1 million respectively": the amount the k-th rate of a list said "respectively" leads
/// to — the k-th of as many amounts listed right after the rates.
fn listed_amount(article: &Article, n: usize, s: usize) -> Option<usize> {
    let (rates, i) = rate_list(article, n, s)?;
    let end = article.numbers[*rates.last()?].printed.end;
    let mut after: Vec<usize> = figures_in(article, s)
        .into_iter()
        .filter(|&f| pos(article, f) > end && level(article, f))
        .collect();
    after.sort_by_key(|&f| pos(article, f));
    let amounts = after.get(..rates.len())?;
    let joined = amounts.windows(2).all(|w| {
        let gap = &article.text
            [article.numbers[article.figures[w[0]].number].printed.end..pos(article, w[1])];
        gap.split(|c: char| !c.is_alphanumeric())
            .filter(|x| !x.is_empty())
            .all(|x| x.eq_ignore_ascii_case("and"))
    });
    let last_end = article.numbers[article.figures[*amounts.last()?].number]
        .printed
        .end;
    (joined && respectively_after(article, s, last_end)).then(|| amounts[i])
}

/// The list of rates of sentence `s` that rate `n` stands in ("1.6% and 5.3%": only "and",
/// commas and percent words between), and `n`'s place in it; `None` for a rate alone.
fn rate_list(article: &Article, n: usize, s: usize) -> Option<(Vec<usize>, usize)> {
    let in_sentence: Vec<usize> = (0..article.numbers.len())
        .filter(|&k| {
            matches!(article.numbers[k].kind, NumberKind::Percent)
                && sentence_of(article, article.numbers[k].printed.start) == Some(s)
        })
        .collect();
    let i = in_sentence.iter().position(|&k| k == n)?;
    // Only "and", commas and the percent words between two rates of the list.
    let joined = |a: usize, b: usize| {
        let gap = article.text[article.numbers[a].printed.end..article.numbers[b].printed.start]
            .to_lowercase();
        gap.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| matches!(w, "and" | "percent" | "per" | "cent"))
    };
    let mut first = i;
    while first > 0 && joined(in_sentence[first - 1], in_sentence[first]) {
        first -= 1;
    }
    let mut last = i;
    while last + 1 < in_sentence.len() && joined(in_sentence[last], in_sentence[last + 1]) {
        last += 1;
    }
    (last > first).then(|| (in_sentence[first..=last].to_vec(), i - first))
}

/// Whether "respectively" is among the two words after byte `end` of sentence `s`.
fn respectively_after(article: &Article, s: usize, end: usize) -> bool {
    article.text[end..article.sentences[s].end]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|x| !x.is_empty())
        .take(3)
        .any(|x| x.eq_ignore_ascii_case("respectively"))
}

fn measure_word(w: &str) -> Option<TradeMeasure> {
    Some(match w {
        "surplus" | "deficit" | "surpluses" | "deficits" | "balance" | "gap" | "imbalance" => {
            TradeMeasure::Balance
        }
        "exports" | "export" | "shipments" | "sales" => TradeMeasure::Exports,
        "imports" | "import" | "purchases" => TradeMeasure::Imports,
        "trade" | "turnover" | "commerce" => TradeMeasure::Turnover,
        _ => return None,
    })
}

/// "Bilateral trade in 2008 was $737 million, which indicates that in two years the overall
/// trade volume has expanded by almost 25 percent": a change over a stated number of years,
/// from an amount of sentence `s` to the one printed that many years later (anywhere).
fn over_years(article: &Article, n: usize, s: usize) -> Option<(usize, usize)> {
    let words: Vec<String> = article
        .sentence(s)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let count = |w: &str| {
        super::resolve::number_word(w)
            .filter(|&k| k >= 2)
            .map(i32::from)
    };
    // "in two years", "over the past five years", "within 3 years"
    let years = (0..words.len()).find_map(|i| {
        if !matches!(words[i].as_str(), "in" | "over" | "within") {
            return None;
        }
        let mut j = i + 1;
        while words
            .get(j)
            .is_some_and(|w| matches!(w.as_str(), "the" | "past" | "last" | "previous"))
        {
            j += 1;
        }
        let k = count(words.get(j)?)?;
        (words.get(j + 1)? == "years").then_some(k)
    })?;
    let at = article.numbers[n].printed.start;
    // The flow it is said of: the last named before it ("and imports growing, up 42% over
    // the same period" after exports "in the five years").
    let subject = article.text[article.sentences[s].start..at]
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(measure_word)
        .next_back();
    let mut bases = figures_in(article, s);
    bases.retain(|&f| {
        let x = &article.figures[f];
        level(article, f) && x.period.is_some() && subject.is_none_or(|m| x.measure == Some(m))
    });
    bases.sort_by_key(|&f| pos(article, f).abs_diff(at));
    bases.into_iter().find_map(|b| {
        let base = &article.figures[b];
        let p = base.period?;
        let later = Period::new(p.year + years, p.first_month, p.last_month).ok()?;
        let found: Vec<usize> = (0..article.figures.len())
            .filter(|&f| {
                let x = &article.figures[f];
                f != b
                    && level(article, f)
                    && x.period == Some(later)
                    && x.measure.is_some()
                    && compatible(x, base)
            })
            .collect();
        one_amount(article, &found).map(|new| (b, new))
    })
}

/// "it imported around six times more goods than it exported": a multiple of one flow over
/// another — the last amounts of each printed up to here, of one period and currency (the
/// second flow's is the base).
fn flows_compared(article: &Article, n: usize, s: usize) -> Option<(usize, usize)> {
    let end = article.numbers[n].phrase.end.min(article.sentences[s].end);
    let rest = article.text[end..article.sentences[s].end].to_lowercase();
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let flow = |w: &str| match w {
        "imported" => Some(TradeMeasure::Imports),
        "exported" => Some(TradeMeasure::Exports),
        _ => measure_word(w).filter(|m| matches!(m, TradeMeasure::Exports | TradeMeasure::Imports)),
    };
    let than = words.iter().take(6).position(|w| *w == "than")?;
    let compared = words[than + 1..].iter().take(4).find_map(|w| flow(w))?;
    // The flow said before "than", or the verb before the number ("it imported six times
    // more goods than").
    let before =
        article.text[article.sentences[s].start..article.numbers[n].printed.start].to_lowercase();
    let said = words[..than].iter().find_map(|w| flow(w)).or_else(|| {
        before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev()
            .take(3)
            .find_map(flow)
    })?;
    if said == compared {
        return None;
    }
    let at = article.numbers[n].printed.start;
    let latest = |m: TradeMeasure| {
        (0..article.figures.len())
            .filter(|&f| {
                let g = &article.figures[f];
                pos(article, f) < at
                    && level(article, f)
                    && g.measure == Some(m)
                    && g.commodity.is_none()
                    && !is_base(article, g)
            })
            .max_by_key(|&f| pos(article, f))
    };
    let (new, base) = (latest(said)?, latest(compared)?);
    let (a, b) = (&article.figures[new], &article.figures[base]);
    (a.period == b.period && a.currency == b.currency && economies_agree(a, b))
        .then_some((base, new))
}

/// A change reported with the amount it is said of (in its clause, or the nearest before),
/// its base not printed.
fn anchor_only(article: &Article, n: usize, s: usize, kind: RelationKind) -> Option<Relation> {
    let at = article.numbers[n].printed.start;
    let clause = clause_at(article, s, at);
    let here: Vec<usize> = figures_in(article, s)
        .into_iter()
        .filter(|&f| level(article, f))
        .collect();
    // "уменьшился на 31,7% - до $108 млн.", "augmenté de 5 % à 3 milliards": the amount
    // the rate runs to, right after it.
    let end = article.numbers[n]
        .phrase
        .end
        .max(article.numbers[n].printed.end);
    let runs_to = amount_right_after(article, s, end).and_then(|(f, number_between)| {
        let gap = words_in(article, end, pos(article, f));
        (!number_between
            && gap.len() <= 1
            && gap
                .iter()
                .all(|w| matches!(w.as_str(), "до" | "to" | "à" | "a" | "auf" | "para")))
        .then_some(f)
    });
    let anchor = runs_to
        .or_else(|| {
            here.iter()
                .copied()
                .filter(|&f| clause.contains(&pos(article, f)))
                .min_by_key(|&f| pos(article, f).abs_diff(at))
        })
        .or_else(|| nearest(article, &here, at, false, |_| true))
        .or_else(|| nearest(article, &here, at, true, |_| true))
        .map(|f| main_currency(article, f))?;
    Some(Relation::stated(
        article,
        kind,
        n,
        s,
        vec![anchor],
        Some(Unchecked::NoBase),
    ))
}

/// The two amounts of the first bracket after rate `n` (a few words between at most), of
/// one currency and flow and of two periods the text names: (the earlier, the later).
fn dated_pair_in_brackets(article: &Article, n: usize, s: usize) -> Option<(usize, usize)> {
    let end = article.numbers[n].phrase.end;
    let sentence_end = article.sentences[s].end;
    let rest = &article.text[end..sentence_end];
    let open = rest.find('(')?;
    // ("rose by 53% compared to the same period in 2023 (€29.6 million in 2024 vs €19.3
    // million in 2023)")
    if rest[..open].split_whitespace().count() > 8 || rest[..open].contains([',', ';']) {
        return None;
    }
    let open = end + open;
    let close = open + article.text[open..sentence_end].find(')')?;
    let inside: Vec<usize> = figures_in(article, s)
        .into_iter()
        .filter(|&f| (open..close).contains(&pos(article, f)) && level(article, f))
        .collect();
    let [x, y] = inside[..] else {
        return None;
    };
    // No other rate in the bracket.
    if article.numbers.iter().any(|m| {
        (open..close).contains(&m.printed.start)
            && matches!(m.kind, NumberKind::Percent | NumberKind::Multiple)
    }) {
        return None;
    }
    let (a, b) = (&article.figures[x], &article.figures[y]);
    if a.currency != b.currency || !compatible(&without_months(a), &without_months(b)) {
        return None;
    }
    match (a.period, b.period) {
        (Some(p), Some(q)) if later(q, p) => Some((x, y)),
        (Some(p), Some(q)) if later(p, q) => Some((y, x)),
        _ => None,
    }
}

/// "halved, from 7.9pct in 2002 to 3.4pct in 2013": the two percentages right after the
/// stated number `n`, said "from" one "to" the other (a year may follow each).
fn percents_from_to(article: &Article, n: usize, s: usize) -> Option<(usize, usize)> {
    let end = article.numbers[n].phrase.end;
    let sentence_end = article.sentences[s].end;
    let mut after = article
        .numbers
        .iter()
        .enumerate()
        .filter(|(_, x)| x.printed.start >= end && x.printed.start < sentence_end)
        .filter(|(_, x)| !matches!(x.kind, NumberKind::Ignored(_)));
    let (old, a) = after.next()?;
    let (new, b) = after.next()?;
    if a.kind != NumberKind::Percent || b.kind != NumberKind::Percent {
        return None;
    }
    let words = |r: std::ops::Range<usize>| -> Vec<String> {
        article.text[r]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_lowercase)
            .collect()
    };
    let lead = words(end..a.printed.start);
    let between = words(a.printed.end..b.printed.start);
    // "almost double since February, rising from 4.3 per cent to 7.7 per cent"
    (lead.last().map(String::as_str) == Some("from")
        && lead.len() <= 5
        && between.last().map(String::as_str) == Some("to")
        && between.len() <= 3)
        .then_some((old, new))
}

/// A change in percentage points stated by `n` between two percentages of its sentence.
fn points(article: &Article, n: usize, s: usize) -> Option<Relation> {
    let percents: Vec<usize> = article
        .numbers
        .iter()
        .enumerate()
        .filter(|(i, x)| {
            *i != n
                && x.kind == NumberKind::Percent
                && article.sentences[s].contains(&x.printed.start)
        })
        .map(|(i, _)| i)
        .collect();
    // "accounted for 42.3 per cent, up 3.6 percentage points": the earlier share is not
    // printed.
    if percents.len() == 1 {
        return Some(Relation {
            said: false,
            kind: RelationKind::Points,
            sentence: s,
            stated: Some(n),
            says: article.numbers[n].phrase.clone(),
            figures: Vec::new(),
            percents,
            derived_base: None,
            unchecked: Some(Unchecked::NoBase),
        });
    }
    if percents.len() != 2 {
        return None;
    }
    let base_cue = |i: usize| {
        let at = article.numbers[i].printed.start;
        let clause = clause_at(article, s, at);
        let first = article.text[clause.start..at].to_lowercase();
        BASE_CUES.contains(&first.split_whitespace().next().unwrap_or(""))
    };
    let (old, new) = match (base_cue(percents[0]), base_cue(percents[1])) {
        (true, false) => (percents[0], percents[1]),
        (false, true) => (percents[1], percents[0]),
        _ => return None,
    };
    Some(Relation {
        said: false,
        kind: RelationKind::Points,
        sentence: s,
        stated: Some(n),
        says: article.numbers[n].phrase.clone(),
        figures: Vec::new(),
        percents: vec![old, new],
        derived_base: None,
        unchecked: None,
    })
}

/// "of which": each part said after it, over the whole before it.
fn of_which(article: &Article) -> Vec<Relation> {
    let mut out = Vec::new();
    for (f, fig) in article.figures.iter().enumerate() {
        let Some(whole) = fig.part_of else { continue };
        let at = pos(article, f);
        let before = article.text[article.sentences[fig.sentence].start..at].to_lowercase();
        let Some(k) = before.rfind("of which") else {
            continue;
        };
        let start = article.sentences[fig.sentence].start + k;
        out.push(Relation {
            said: false,
            kind: RelationKind::Share,
            sentence: fig.sentence,
            stated: None,
            says: start..start + "of which".len(),
            figures: vec![f, whole],
            percents: Vec::new(),
            derived_base: None,
            unchecked: None,
        });
    }
    out
}

/// Whether `r` is a share of a flow (exports or imports) in the trade it is part of: "of
/// which" with no rate, or a rate of the whole flow in the same economies' trade of the
/// same period ("the value of export amounted to $9.8 billion or 59.6 percent of the total
/// turnover").
fn flow_of_trade(article: &Article, r: &Relation) -> bool {
    if r.kind != RelationKind::Share || r.figures.len() != 2 {
        return false;
    }
    let (part, whole) = (
        &article.figures[r.figures[0]],
        &article.figures[r.figures[1]],
    );
    let flows = matches!(
        part.measure,
        Some(TradeMeasure::Exports | TradeMeasure::Imports)
    ) && whole.measure == Some(TradeMeasure::Turnover);
    let whole_flow = part.commodity.is_none()
        && whole.commodity.is_none()
        && part.period == whole.period
        && economies_agree(part, whole);
    // A partner's share of the economy's flow: the part is still a flow of the pair's trade.
    let partner_flow = matches!(
        part.measure,
        Some(TradeMeasure::Exports | TradeMeasure::Imports)
    ) && partner_share(part, whole);
    flows && (r.stated.is_none() || whole_flow) || partner_flow
}

/// The flow a figure is, seen from the reporter: an exporter's partner imports.
/// The measure of flow `f` seen from the side of `total`: the reporter's view, or for a
/// total of a third economy with one of the pair ("a trade surplus in favour of India of
/// R40.5bn" in a South African text) that economy's — South Africa's exports to India are
/// India's imports.
fn view_of(article: &Article, f: &Figure, total: &Figure) -> Option<TradeMeasure> {
    let same = super::resolve::same_country;
    let in_pair = |e: &String| {
        [&article.reporter, &article.partner]
            .iter()
            .filter_map(|p| p.as_ref())
            .any(|p| same(p, e))
    };
    match (&total.owner, &total.other) {
        (Some(viewer), Some(other)) if !in_pair(viewer) && viewer != "WLD" && in_pair(other) => {
            let m = f.measure?;
            let owner = f.owner.as_ref()?;
            if same(owner, viewer) {
                Some(m)
            } else if same(owner, other) {
                Some(match m {
                    TradeMeasure::Exports => TradeMeasure::Imports,
                    TradeMeasure::Imports => TradeMeasure::Exports,
                    m => m,
                })
            } else {
                None
            }
        }
        _ => reporter_view(article, f),
    }
}

fn reporter_view(article: &Article, f: &Figure) -> Option<TradeMeasure> {
    let m = f.measure?;
    let partner_owns = match (&f.owner, &article.partner) {
        (Some(o), Some(p)) => super::resolve::same_country(o, p),
        _ => false,
    };
    Some(match (m, partner_owns) {
        (TradeMeasure::Exports, true) => TradeMeasure::Imports,
        (TradeMeasure::Imports, true) => TradeMeasure::Exports,
        (m, _) => m,
    })
}

/// How many sentences apart a total and its parts may be: a lead paragraph's total is often
/// broken down a paragraph later, after a paragraph of context.
const SUM_REACH: usize = 8;

/// Sums (trade = exports + imports) and balances (surplus = exports − imports) whose
/// three amounts are printed for one period within a few sentences.
fn sums_and_balances(article: &Article, parts: &[usize]) -> Vec<Relation> {
    let mut out = Vec::new();
    for (t, total) in article.figures.iter().enumerate() {
        let kind = match total.measure {
            Some(TradeMeasure::Turnover) => RelationKind::Sum,
            Some(TradeMeasure::Balance) => RelationKind::Balance,
            _ => continue,
        };
        // (services trade is made of services exports and imports, as goods trade is of
        // goods flows; other products' totals are seldom split so)
        let services = total.commodity.as_deref() == Some("services");
        if (total.commodity.is_some() && !services) || total.part_of.is_some() {
            continue;
        }
        if total.difference.is_some() {
            continue;
        }
        // A total that names no economy is the pair's: its parts are the pair's flows, not
        // a third country's ("Chinese exports to the U.S." in a Mexico–US text).
        let pair = [&article.reporter, &article.partner];
        let in_pair = |e: &String| {
            pair.iter()
                .copied()
                .flatten()
                .any(|p| super::resolve::same_country(p, e))
        };
        let unnamed =
            total.owner.is_none() && total.other.is_none() && pair.iter().all(|p| p.is_some());
        // A total with an economy or group outside the pair ("mutual trade with EU member
        // states ... US$26 billion", "two-way trade with China was valued at $26.9 billion"
        // in a New Zealand–EU text) is made of flows that name it too, not of the pair's.
        let outside = total
            .other
            .as_ref()
            .filter(|o| !in_pair(o) && o.as_str() != "WLD");
        // Trade is the pair's, whichever of the two the text names with it ("India and
        // Chile had bilateral trade of $3.8 billion ... exports from India totalled"): its
        // parts may name the other.
        let names_in_pair = |g: &Figure| g.owner.iter().chain(&g.other).all(in_pair);
        let near = |f: &Figure, reach: usize, undated: bool| {
            let others_agree = (economies_agree(f, total)
                || (kind == RelationKind::Sum && names_in_pair(total) && names_in_pair(f)))
                && !(unnamed && f.owner.as_ref().is_some_and(|o| !in_pair(o)))
                && outside
                    .is_none_or(|o| f.other.as_ref() == Some(o) || f.owner.as_ref() == Some(o));
            others_agree
                && !f.vague
                && f.difference.is_none()
                && ((same_months_carried(f, total) && f.period == total.period)
                    || (undated && undated_of(f, total)))
                && f.commodity == total.commodity
                && f.part_of.is_none_or(|w| {
                    w == t || article.figures[w].measure == Some(TradeMeasure::Turnover)
                })
                && f.currency == total.currency
                && f.sentence + reach >= total.sentence
                && f.sentence <= total.sentence + reach
        };
        if parts.contains(&t) || total.vague {
            continue;
        }
        let find = |want: TradeMeasure, reach: usize, undated: bool| -> Vec<usize> {
            (0..article.figures.len())
                .filter(|&f| {
                    f != t
                        && !parts.contains(&f)
                        && near(&article.figures[f], reach, undated)
                        && view_of(article, &article.figures[f], total) == Some(want)
                })
                .collect()
        };
        // The two flows printed closest to the total and to each other that can be its
        // parts (the closest pair may be another period's or another flow's).
        let d = |a: usize, b: usize| pos(article, a).abs_diff(pos(article, b));
        let pairs = |reach: usize, undated: bool| {
            let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
            for e in find(TradeMeasure::Exports, reach, undated) {
                for m in find(TradeMeasure::Imports, reach, undated) {
                    // (of the three, those with a period have one period)
                    let mut dated = [t, e, m]
                        .map(|f| article.figures[f].period)
                        .into_iter()
                        .flatten();
                    let first = dated.next();
                    if undated && !dated.all(|p| Some(p) == first) {
                        continue;
                    }
                    // (a part under a thousandth of the total — "US$ 145" beside "US$ 19.75
                    // billion" — adds up within any rounding: no sign it is a part)
                    let slight = |f: usize| match (amount(article, f), amount(article, t)) {
                        (Some(x), Some(total)) => {
                            x.abs() * rust_decimal::Decimal::from(1000) < total.abs()
                        }
                        _ => true,
                    };
                    if undated && (slight(e) || slight(m)) {
                        continue;
                    }
                    pairs.push((d(e, t) + d(m, t) + d(e, m), e, m));
                }
            }
            pairs.sort_unstable();
            pairs
        };
        let fits = |&&(_, e, m): &&(usize, usize, usize)| parts_fit(article, t, e, m, kind);
        let adds = |&&(_, e, m): &&(usize, usize, usize)| adds_up(article, t, e, m, kind);
        // Of the pairs that can be its parts, one that adds up within the rounding of the
        // printed numbers is the text's ("US$987 million" of telephones is no flow's total
        // beside the US$3.1 billion the sum is made of); else the closest. Farther off
        // ("In 2022, the total trade volume was $1.3bn" ... paragraphs later "Uzbekistan
        // imported $1.28bn ... exports were valued at $17.5mn"), only flows of its period
        // that add up to it.
        // A headline's total with no period of its own ("Thailand enjoys US$1.4 billion
        // trade surplus with Australia"), or a flow whose period is not said, is the total
        // of the flows of one period only when they add up to it.
        let near_pairs = pairs(SUM_REACH, false);
        let far_pairs = pairs(usize::MAX / 2, false);
        let undated_pairs = pairs(usize::MAX / 2, true);
        let Some(&(_, e, m)) = near_pairs
            .iter()
            .filter(fits)
            .find(adds)
            .or_else(|| near_pairs.iter().find(fits))
            .or_else(|| far_pairs.iter().filter(fits).find(adds))
            .or_else(|| undated_pairs.iter().filter(fits).find(adds))
        else {
            continue;
        };
        // A balance is its owner's exports minus imports.
        let partner_owns = match (&total.owner, &article.partner) {
            (Some(o), Some(p)) => super::resolve::same_country(o, p),
            _ => false,
        };
        // "... compared with imports of Shs965b, resulting in a trade deficit of Shs153b":
        // a balance no economy is said to own is the deficit (or surplus) of the side
        // whose flows make one — its size is what the text says.
        let unowned_flip = kind == RelationKind::Balance
            && total.owner.is_none()
            && total.other.is_none()
            && match (amount(article, e), amount(article, m)) {
                (Some(ev), Some(mv)) => (ev > mv) == total.deficit && ev != mv,
                _ => false,
            };
        let mut figures = if kind == RelationKind::Balance && (partner_owns != unowned_flip) {
            vec![t, m, e]
        } else {
            vec![t, e, m]
        };
        // "The UK imported £63.6 billion of goods ... exported £18.8 billion ... imported
        // £2.5 billion of services ... exported £8.2 billion of services ... £93.0 billion
        // of the UK's total trade": a total the goods flows fall short of, with the
        // services flows of its period printed beside, is the sum of all four.
        // So is one the re-exports printed beside it make up ("importações ... AED 8,34
        // bilhões, exportações ... 8,08 bilhões e reexportações ... AED 7,25 bilhões").
        if kind == RelationKind::Sum && !services && !adds_up(article, t, e, m, kind) {
            if let Some(extra) = services_flows(article, t, e, m) {
                figures.extend(extra);
            } else if let Some(re) = re_exports_beside(article, t, e, m) {
                figures.push(re);
            }
        }
        // "... was only $12.9 billion with total exports of $10.2 billion and imports of
        // $2.1 billion": the total and its parts in one sentence are the text's.
        let said = [e, m]
            .iter()
            .all(|&f| article.figures[f].sentence == total.sentence);
        out.push(Relation::of_total(article, kind, t, figures, said));
    }
    // Flows that add up to a total printed apart from them are no other total's parts
    // when they miss that one, printed in their sentence ("AED 23,67 bilhões" of trade in
    // the lead; then "importações ... exportações ..., enquanto os produtos minerais ... AED
    // 5,25 bilhões" in a text whose product words are not read).
    let sums_up = |r: &Relation| {
        r.kind == RelationKind::Sum && parts_add_up(article, r.figures[0], &r.figures[1..])
    };
    let one_sentence = |r: &Relation| {
        r.figures[1..]
            .iter()
            .all(|&f| article.figures[f].sentence == article.figures[r.figures[0]].sentence)
    };
    let adding: Vec<Vec<usize>> = out
        .iter()
        .filter(|r| sums_up(r) && !one_sentence(r))
        .map(|r| r.figures.clone())
        .collect();
    out.retain(|r| {
        r.kind != RelationKind::Sum
            || sums_up(r)
            || !one_sentence(r)
            || !adding
                .iter()
                .any(|a| r.figures[1..].iter().all(|f| a[1..].contains(f)))
    });
    out
}

/// Whether amounts `parts` add up to total `t` within the rounding of the printed numbers.
fn parts_add_up(article: &Article, t: usize, parts: &[usize]) -> bool {
    let Some(tr) = interval_of(article, t) else {
        return false;
    };
    let (mut lo, mut hi) = (
        crate::verify::interval::q_int(0),
        crate::verify::interval::q_int(0),
    );
    for &f in parts {
        let Some((a, b)) = interval_of(article, f) else {
            return false;
        };
        lo = &lo + &a;
        hi = &hi + &b;
    }
    lo <= tr.1 && tr.0 <= hi
}

/// "the value of Dubai external trade with Saudi Arabia in the first half of 2020 reached
/// AED24 billion, including AED4 billion in imports, AED2.8 billion in exports and AED17.3
/// billion in re-exports": a total followed by a list of three or more flows (exports,
/// imports, re-exports) it is said to be made of, joined by commas and "and": the sum of
/// them all.
fn breakdowns(article: &Article) -> Vec<Relation> {
    const OPENERS: &[&str] = &[
        "including",
        "of which",
        "comprising",
        "consisting of",
        "made up of",
        "divided into",
        "split into",
    ];
    let mut out = Vec::new();
    for (t, total) in article.figures.iter().enumerate() {
        if total.measure != Some(TradeMeasure::Turnover)
            || total.commodity.is_some()
            || total.part_of.is_some()
            || total.difference.is_some()
            || total.vague
        {
            continue;
        }
        let mut after: Vec<usize> = figures_in(article, total.sentence)
            .into_iter()
            .filter(|&f| pos(article, f) > pos(article, t))
            .collect();
        after.sort_by_key(|&f| pos(article, f));
        let gap = |a: usize, b: usize| {
            let end = article.numbers[article.figures[a].number].printed.end;
            let start = article.numbers[article.figures[b].number].phrase.start;
            article.text[end..start.max(end)].to_lowercase()
        };
        let Some(&first) = after.first() else {
            continue;
        };
        let opening = gap(t, first);
        if !OPENERS.iter().any(|o| opening.contains(o))
            || opening.contains([';', '.'])
            || opening.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        let mut parts = vec![first];
        for &f in &after[1..] {
            let between = gap(*parts.last().unwrap_or(&first), f);
            let joined = (between.contains(',') || between.split_whitespace().any(|w| w == "and"))
                && !between.contains([';', '.', '('])
                && !between.chars().any(|c| c.is_ascii_digit());
            if !joined {
                break;
            }
            parts.push(f);
        }
        let flow = |f: usize| {
            let p = &article.figures[f];
            level(article, f)
                && p.currency == total.currency
                && matches!(
                    p.measure,
                    Some(TradeMeasure::Exports | TradeMeasure::Imports)
                )
                && (p.commodity.is_none()
                    || p.commodity.as_deref() == Some(super::figures::RE_EXPORTS))
                && (p.period.is_none() || p.period == total.period)
        };
        // "It hit €104 billion, comprising €53.3 billion in goods trade and €51.1 billion in
        // services trade": the trade of its kinds, said with a word that lists them all
        // (not "including", "of which": some of them).
        let every = [
            "comprising",
            "consisting of",
            "made up of",
            "divided into",
            "split into",
        ]
        .iter()
        .any(|o| opening.contains(o));
        let kind_of_trade = |f: usize| {
            let p = &article.figures[f];
            level(article, f)
                && p.currency == total.currency
                && matches!(p.measure, None | Some(TradeMeasure::Turnover))
                && (p.period.is_none() || p.period == total.period)
        };
        let kinds = every && parts.len() >= 2 && parts.iter().all(|&f| kind_of_trade(f));
        if !kinds && (parts.len() < 3 || !parts.iter().all(|&f| flow(f))) {
            continue;
        }
        let mut figures = vec![t];
        figures.extend(parts);
        out.push(Relation::of_total(
            article,
            RelationKind::Sum,
            t,
            figures,
            true,
        ));
    }
    out
}

/// The services exports and imports that, with goods flows `e` and `m`, add up to trade
/// total `t`: the one pair of services flows of its period, currency and economies within
/// `SUM_REACH` sentences.
fn services_flows(article: &Article, t: usize, e: usize, m: usize) -> Option<[usize; 2]> {
    let total = &article.figures[t];
    let of = |want: TradeMeasure| {
        let found: Vec<usize> = (0..article.figures.len())
            .filter(|&f| {
                let g = &article.figures[f];
                level(article, f)
                    && !g.vague
                    && g.commodity.as_deref() == Some("services")
                    && g.period == total.period
                    && g.currency == total.currency
                    && g.part_of.is_none()
                    && g.difference.is_none()
                    && economies_agree(g, total)
                    && g.sentence.abs_diff(total.sentence) <= SUM_REACH
                    && reporter_view(article, g) == Some(want)
            })
            .collect();
        match found[..] {
            [f] => Some(f),
            _ => None,
        }
    };
    let (se, sm) = (of(TradeMeasure::Exports)?, of(TradeMeasure::Imports)?);
    parts_add_up(article, t, &[e, m, se, sm]).then_some([se, sm])
}

/// The re-exports that, with exports `e` and imports `m`, add up to trade total `t`: the
/// one re-exports amount of its period, currency and economies within `SUM_REACH`
/// sentences that makes them add up.
fn re_exports_beside(article: &Article, t: usize, e: usize, m: usize) -> Option<usize> {
    let total = &article.figures[t];
    let found: Vec<usize> = (0..article.figures.len())
        .filter(|&f| {
            let g = &article.figures[f];
            f != e
                && !g.vague
                && g.commodity.as_deref() == Some(super::figures::RE_EXPORTS)
                && g.period == total.period
                && g.currency == total.currency
                && g.difference.is_none()
                && economies_agree(g, total)
                && g.sentence.abs_diff(total.sentence) <= SUM_REACH
        })
        .collect();
    match found
        .into_iter()
        .filter(|&re| parts_add_up(article, t, &[e, m, re]))
        .collect::<Vec<_>>()[..]
    {
        [re] => Some(re),
        _ => None,
    }
}

/// The range a figure's printed amount stands for (half a unit of its last digit).
fn interval_of(
    article: &Article,
    f: usize,
) -> Option<(crate::verify::interval::Q, crate::verify::interval::Q)> {
    let n = article.figures[f].number;
    let p = phrase::parse(&article.reading(n), Lexicon::built_in(), Rounding::HalfUnit).ok()?;
    Some((
        p.interval.low_value()?.clone(),
        p.interval.high_value()?.clone(),
    ))
}

/// Whether exports `e` and imports `m` make total `t` (their sum, or the size of their
/// difference) within the rounding of the printed numbers.
fn adds_up(article: &Article, t: usize, e: usize, m: usize, kind: RelationKind) -> bool {
    use crate::verify::interval::{Q, q_int};
    let range = |f: usize| interval_of(article, f);
    let magnitude = |(lo, hi): (Q, Q)| -> (Q, Q) {
        let zero = q_int(0);
        if lo >= zero {
            (lo, hi)
        } else if hi <= zero {
            (-hi, -lo)
        } else {
            let top = if -lo.clone() > hi { -lo } else { hi };
            (zero, top)
        }
    };
    if kind == RelationKind::Sum {
        return parts_add_up(article, t, &[e, m]);
    }
    let (Some(tr), Some((e_lo, e_hi)), Some((m_lo, m_hi))) = (range(t), range(e), range(m)) else {
        return false;
    };
    let parts = magnitude((&e_lo - &m_hi, &e_hi - &m_lo));
    let total = magnitude(tr);
    parts.0 <= total.1 && total.0 <= parts.1
}

/// Whether exports `e` and imports `m` can be the parts of total `t` (a sum, or a balance).
fn parts_fit(article: &Article, t: usize, e: usize, m: usize, kind: RelationKind) -> bool {
    let total = &article.figures[t];
    // A total whose sentence names an economy its parts do not ("Russia is the second
    // partner, worth $8.86bn") is another pair's.
    let part_names: Vec<String> = [e, m]
        .iter()
        .flat_map(|&f| {
            article.figures[f]
                .owner
                .iter()
                .chain(&article.figures[f].other)
                .cloned()
        })
        .chain(article.reporter.iter().cloned())
        .chain(article.partner.iter().cloned())
        .collect();
    // A group named beside it ("India's 5th largest partner in the EU") is no
    // other pair.
    let stranger = total.named.iter().any(|x| {
        !crate::codes::is_aggregate(x)
            && !part_names
                .iter()
                .any(|y| super::resolve::same_country(x, y))
    });
    // (the world, "overall exports", names no pair)
    let parts_named = [e, m].iter().any(|&f| {
        article.figures[f]
            .other
            .as_deref()
            .is_some_and(|o| o != "WLD")
    });
    // ("... resulting in a trade surplus in favour of China worth R179bn, in favour of India
    // of R40.5bn": a total whose two economies are said, and are its parts' two, is theirs
    // whatever else its sentence names)
    let both = |f: &Figure| f.owner.iter().chain(&f.other).cloned().collect::<Vec<_>>();
    let said_pair = both(total).len() == 2
        && [e, m].iter().all(|&f| {
            let names = both(&article.figures[f]);
            names.len() == 2
                && both(total)
                    .iter()
                    .all(|x| names.iter().any(|y| super::resolve::same_country(x, y)))
        });
    if stranger && parts_named && !said_pair {
        return false;
    }
    // Parts that miss the total by half or more, other than by a slip of a thousand
    // ("billion" for "trillion"), are not its parts: a text's sums are off by a little.
    if let (Some(tv), Some(ev), Some(mv)) =
        (amount(article, t), amount(article, e), amount(article, m))
    {
        let parts = if kind == RelationKind::Sum {
            ev + mv
        } else {
            (ev - mv).abs()
        };
        let tv = tv.abs();
        let thousand = rust_decimal::Decimal::from(1000);
        let near_by = |a: rust_decimal::Decimal, b: rust_decimal::Decimal| {
            b > rust_decimal::Decimal::ZERO
                && a * rust_decimal::Decimal::from(2) >= b
                && a <= b * rust_decimal::Decimal::from(2)
        };
        let slip = near_by(parts * thousand, tv) || near_by(parts, tv * thousand);
        // "trade amounted to $2.6 billion, with India exporting goods worth $4.75
        // billion and importing goods amounting to $2.15 billion": one sentence says
        // they are its parts, however far off.
        let one_sentence = [e, m]
            .iter()
            .all(|&f| article.figures[f].sentence == total.sentence);
        if !near_by(parts, tv) && !slip && !one_sentence {
            return false;
        }
        // "$1,858 billion against exports worth $1,273 billion, a deficit of $585,76
        // million": a thousand apart because "1,858" is a decimal comma, not a slip.
        if slip
            && !near_by(parts, tv)
            && [t, e, m].iter().any(|&f| {
                separator_in_doubt(article.printed(article.figures[f].number), article.english)
            })
        {
            return false;
        }
    }
    true
}

/// A printed difference between a new and a base amount printed beside it: "rose by $2.1
/// billion to $14.6 billion from $12.5 billion".
fn differences(article: &Article) -> Vec<Relation> {
    let mut out = Vec::new();
    for (d, fig) in article.figures.iter().enumerate() {
        if fig.difference.is_none() {
            continue;
        }
        let here: Vec<usize> = figures_in(article, fig.sentence)
            .into_iter()
            .filter(|&f| {
                let g = &article.figures[f];
                level(article, f)
                    && g.currency == fig.currency
                    && (g.measure == fig.measure || g.measure.is_none() || fig.measure.is_none())
                    && g.commodity == fig.commodity
            })
            .collect();
        let mut pair = None;
        for (k, &x) in here.iter().enumerate() {
            for &y in &here[k + 1..] {
                let (a, b) = (&article.figures[x], &article.figures[y]);
                let order = match (a.period, b.period) {
                    (Some(p), Some(q)) if p != q => Some(if later(p, q) { (y, x) } else { (x, y) }),
                    _ => match (is_base(article, a), is_base(article, b)) {
                        (true, false) => Some((x, y)),
                        (false, true) => Some((y, x)),
                        _ => None,
                    },
                };
                if order.is_some() && pair.is_none() {
                    pair = order;
                }
            }
        }
        // "Azerbaijan has increased the trade turnover with Italy by $6.4 billion in the
        // first seven months of 2022" with the two turnovers printed paragraphs later: the
        // one amount of that flow in the difference's period, and the one a year before.
        // (Not when its own sentence prints an amount of the flow: then the difference's
        // amounts are those, or it is no difference.)
        let pair = pair.or_else(|| {
            let p = fig.period?;
            if here.iter().any(|&f| article.figures[f].period != Some(p)) {
                return None;
            }
            let before = Period::new(p.year - 1, p.first_month, p.last_month).ok()?;
            let of = |q: Period| -> Option<usize> {
                let found: Vec<usize> = (0..article.figures.len())
                    .filter(|&f| {
                        let g = &article.figures[f];
                        level(article, f)
                            && g.period == Some(q)
                            && !g.vague
                            && g.currency == fig.currency
                            && g.measure.is_some()
                            && g.measure == fig.measure
                            && g.commodity == fig.commodity
                            && g.part_of.is_none()
                            && economies_agree(g, fig)
                    })
                    .collect();
                // ("imports ... were $253.43 billion (US$1.68 billion) ... Imports coming
                // from Trinidad and Tobago ... $137.89 billion": a restated amount is the
                // same one; of several, the one naming the difference's own economies.)
                let found: Vec<usize> = without_conversions(article, found)
                    .into_iter()
                    .filter(|&f| !restated(article, f) && !opens_bracket_after_amount(article, f))
                    .collect();
                let exact: Vec<usize> = found
                    .iter()
                    .copied()
                    .filter(|&f| {
                        let g = &article.figures[f];
                        g.owner == fig.owner && g.other == fig.other
                    })
                    .collect();
                one_amount(article, &found).or_else(|| one_amount(article, &exact))
            };
            let new = match here[..] {
                [f] => f,
                _ => of(p)?,
            };
            Some((of(before)?, new))
        });
        if let Some((old, new)) = pair {
            out.push(Relation {
                said: false,
                kind: RelationKind::Difference,
                sentence: fig.sentence,
                stated: None,
                says: article.numbers[fig.number].printed.clone(),
                figures: vec![d, old, new],
                percents: Vec::new(),
                derived_base: None,
                unchecked: None,
            });
        }
    }
    out
}
