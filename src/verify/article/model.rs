//! The article as a claims model: each amount a `[[figure]]` (bound to the data when the
//! pair, measure and period are known and data was given), each relation a `[[claim]]`.
//! `verify` checks this model exactly as it checks a claims file.

use std::collections::BTreeSet;
use std::path::Path;

use super::relations::{RelationKind, Unchecked};
use super::resolve::same_country;
use super::{Article, Relation};
use crate::model::Commodity;
use crate::verify::check::{ClaimResult, Verdict, Verification};
use crate::verify::claims::{
    Assertion, Binding, Claim, ClaimsFile, Figure, SourceInfo, TradeMeasure,
};
use crate::verify::diagnose::DiagnosisKind;
use crate::verify::expr;
use crate::verify::interval::{Bound, Interval, Q, q_int};
use crate::verify::lexicon::Lexicon;
use crate::verify::phrase::{self, Measure, Rounding};

/// The claims model of an article, and which claim each relation became.
#[derive(Clone, Debug)]
pub struct ArticleClaims {
    pub claims: ClaimsFile,
    /// The claim of each relation (by index), when it has one.
    pub claim_of: Vec<Option<usize>>,
    /// The figure id of each article figure.
    pub figure_ids: Vec<String>,
    /// Figures taken from the data for relations whose base the text does not print:
    /// (relation, figure id).
    pub from_data: Vec<(usize, String)>,
    /// Relations not judged after checking (`vet`), and why.
    pub doubted: Vec<(usize, Doubt)>,
}

/// Why a relation the checker found inconsistent is left unjudged (`vet`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doubt {
    /// The amounts the reader paired are far from what the text says and no known slip
    /// explains it: perhaps not the amounts it compares.
    FarOff,
    /// The two amounts are read as of one period, so which is the base is the reader's
    /// guess — and the other way round reproduces the text.
    OrderUnknown,
}

pub fn to_claims(
    article: &Article,
    lexicon: &Lexicon,
    rounding: Rounding,
    path: &Path,
) -> ArticleClaims {
    let mut used: BTreeSet<String> = BTreeSet::new();
    let mut figures: Vec<Figure> = Vec::new();
    let mut figure_ids = Vec::new();
    for (i, f) in article.figures.iter().enumerate() {
        let id = unique(
            &mut used,
            &figure_id(
                f.measure,
                f.commodity.as_deref().or(f.owner.as_deref()),
                f.period,
            ),
        );
        // With its hedge: "about 448.8 million yuan" stands for ±5%.
        let printed_text = article.at(&article.numbers[f.number].phrase);
        let phrase_text = if f.deficit {
            format!("deficit of {printed_text}")
        } else {
            printed_text.to_string()
        };
        let phrase_text = article.with_borrowed(f.number, phrase_text);
        let phrase_text = match (
            &article.numbers[f.number].kind,
            phrase::parse(&phrase_text, lexicon, rounding),
        ) {
            // A scaled number whose currency the article gives elsewhere.
            (super::NumberKind::Amount { currency: None, .. }, _) => {
                format!("{phrase_text} {}", f.currency)
            }
            // A currency word countries share, read as the text's country's ("Dh" in a
            // text about the UAE): its code said after it.
            (
                _,
                Ok(phrase::Phrase {
                    measure: Measure::Amount { currency },
                    ..
                }),
            ) if currency != f.currency => format!("{phrase_text} {}", f.currency),
            _ => phrase_text,
        };
        // "USD 58.04" among "USD 45.91 billion"s: the scale every other amount in that
        // currency prints (a careful reader's reading; said in the figure's note).
        let phrase_text = match assumed_scale(article, i) {
            Some(scale) => format!("{phrase_text} {scale}"),
            None => phrase_text,
        };
        // A text that pads its figures to two decimals prints them to one.
        let phrase_text = if article.padded {
            super::text::unpad(&phrase_text)
        } else {
            phrase_text
        };
        let phrase_text = article.readable(&phrase_text);
        let printed = phrase::parse(&phrase_text, lexicon, rounding).ok();
        let binding = binding(article, i);
        // A figure with neither a readable number nor a binding has nothing to check.
        if printed.is_some() || binding.is_some() {
            figures.push(Figure {
                id: id.clone(),
                line: article.line_of(f.number),
                printed,
                binding,
                period: f.period,
                note: None,
            });
        }
        figure_ids.push(id);
    }
    let mut claims = Vec::new();
    let mut claim_of = Vec::new();
    let mut from_data = Vec::new();
    for (r, relation) in article.relations.iter().enumerate() {
        let mut ids: Vec<String> = relation
            .figures
            .iter()
            .map(|&f| figure_ids[f].clone())
            .collect();
        if !ids.iter().all(|id| figures.iter().any(|f| f.id == *id)) {
            claim_of.push(None);
            continue;
        }
        // A change with no base printed: its base from the data, when the data is there.
        if relation.unchecked == Some(Unchecked::NoBase) {
            let anchor = relation.figures.first().copied();
            let base = anchor.and_then(|a| binding(article, a)).and_then(|b| {
                let period = b.period.year_before()?;
                Some(Binding { period, ..b })
            });
            match base {
                Some(b) => {
                    let id = unique(
                        &mut used,
                        &format!("{}_data", figure_id(Some(b.measure), None, Some(b.period))),
                    );
                    figures.push(Figure {
                        id: id.clone(),
                        line: anchor.map_or(1, |a| article.line_of(article.figures[a].number)),
                        printed: None,
                        period: Some(b.period),
                        binding: Some(b),
                        note: None,
                    });
                    from_data.push((r, id.clone()));
                    ids.insert(0, id);
                }
                None => {
                    claim_of.push(None);
                    continue;
                }
            }
        } else if relation.unchecked.is_some() {
            claim_of.push(None);
            continue;
        }
        let mut percent_ids = Vec::new();
        let readable = relation
            .percents
            .iter()
            .all(|&p| phrase::parse(article.printed(p), lexicon, rounding).is_ok());
        if !readable {
            claim_of.push(None);
            continue;
        }
        for &p in &relation.percents {
            let id = unique(&mut used, "share");
            let printed = phrase::parse(article.printed(p), lexicon, rounding).ok();
            figures.push(Figure {
                id: id.clone(),
                line: article.line_of(p),
                printed,
                binding: None,
                period: None,
                note: None,
            });
            percent_ids.push(id);
        }
        let down = |f: usize| {
            article.figures[f].difference == Some(crate::verify::phrase::Direction::Down)
        };
        let value_text = match (relation.kind, relation.derived_base) {
            (RelationKind::Share, Some(super::DerivedBase::Together)) => match ids.split_last() {
                Some((whole, parts)) => format!("({}) / {whole}", parts.join(" + ")),
                None => {
                    claim_of.push(None);
                    continue;
                }
            },
            // A share of a breakdown whose total is not printed: of the parts' sum.
            (RelationKind::Share, Some(_)) => format!("{} / ({})", ids[0], ids.join(" + ")),
            (RelationKind::Change, Some(how)) => {
                let op = if how == super::DerivedBase::Sum {
                    "+"
                } else {
                    "-"
                };
                format!("change({} {op} {}, {})", ids[0], ids[1], ids[2])
            }
            (RelationKind::Multiple, Some(how)) => {
                let op = if how == super::DerivedBase::Sum {
                    "+"
                } else {
                    "-"
                };
                format!("{} / ({} {op} {})", ids[2], ids[0], ids[1])
            }
            _ => match relation.kind {
                // By a difference: the base is the new value less it (or plus it, for a fall).
                RelationKind::Change
                    if article.figures[relation.figures[0]].difference.is_some()
                        && ids.len() == 2 =>
                {
                    let sign = if down(relation.figures[0]) { "+" } else { "-" };
                    format!("change({} {sign} {}, {})", ids[1], ids[0], ids[1])
                }
                RelationKind::Difference => {
                    if down(relation.figures[0]) {
                        format!("{} - {}", ids[1], ids[2])
                    } else {
                        format!("{} - {}", ids[2], ids[1])
                    }
                }
                // A change of a share: between two percentages.
                RelationKind::Change if percent_ids.len() == 2 => {
                    format!("change({}, {})", percent_ids[0], percent_ids[1])
                }
                RelationKind::Multiple if percent_ids.len() == 2 => {
                    format!("{} / {}", percent_ids[1], percent_ids[0])
                }
                RelationKind::Change => format!("change({}, {})", ids[0], ids[1]),
                RelationKind::AverageChange { years } => {
                    format!("annual_change({}, {}, {years})", ids[0], ids[1])
                }
                RelationKind::Multiple => format!("{} / {}", ids[1], ids[0]),
                RelationKind::Share => format!("{} / {}", ids[0], ids[1]),
                RelationKind::Sum => ids[1..].join(" + "),
                RelationKind::Balance => format!("{} - {}", ids[1], ids[2]),
                RelationKind::Points => format!("{} - {}", percent_ids[1], percent_ids[0]),
            },
        };
        let mut says = article.says(relation);
        if article.padded {
            says = super::text::unpad(&says);
        }
        // "up $16.43 billion or 16.1 percent": the percentage says no direction; the
        // difference does.
        if relation.kind == RelationKind::Change
            && phrase::parse(&says, lexicon, rounding)
                .is_ok_and(|p| p.measure == crate::verify::phrase::Measure::Share)
            && let Some(d) = relation
                .figures
                .iter()
                .find_map(|&f| article.figures[f].difference)
        {
            says = format!(
                "{} {says}",
                if d == crate::verify::phrase::Direction::Down {
                    "down"
                } else {
                    "up"
                }
            );
        }
        // "an annual average growth rate of about five percent": the growth is the words'
        // before the rate's phrase.
        if matches!(relation.kind, RelationKind::AverageChange { .. })
            && phrase::parse(&says, lexicon, rounding)
                .is_ok_and(|p| p.measure == crate::verify::phrase::Measure::Share)
        {
            says = format!("growth of {says}");
        }
        let assertion = match relation.kind {
            RelationKind::Sum | RelationKind::Balance | RelationKind::Difference => {
                Some(Assertion::Equals(ids[0].clone()))
            }
            _ => phrase::parse(&says, lexicon, rounding)
                .ok()
                .map(Assertion::Says),
        };
        let (Some(assertion), Ok(value)) = (assertion, expr::parse(&value_text)) else {
            claim_of.push(None);
            continue;
        };
        let line = match relation.stated {
            Some(n) => article.line_of(n),
            None => super::text::line_of(&article.text, relation.says.start),
        };
        claim_of.push(Some(claims.len()));
        claims.push(Claim {
            id: None,
            line,
            quote: quote(article, relation),
            assertion,
            value,
            value_text,
            note: None,
        });
    }
    ArticleClaims {
        claims: ClaimsFile {
            path: path.to_path_buf(),
            source: SourceInfo::default(),
            figures,
            claims,
        },
        claim_of,
        figure_ids,
        from_data,
        doubted: Vec::new(),
    }
}

/// The scale word an unscaled amount is read with: the one word every other amount of its
/// currency in its sentence — else in the article — prints after its number ("billion"),
/// when the amount is small and printed with decimals ("USD 58.04"); `None` otherwise.
pub fn assumed_scale(article: &Article, f: usize) -> Option<String> {
    let fig = &article.figures[f];
    let number = &article.numbers[fig.number];
    if !matches!(
        number.kind,
        super::NumberKind::Amount {
            scaled: false,
            currency: Some(_)
        }
    ) {
        return None;
    }
    let digits: String = article.tokens[number.tokens.clone()]
        .iter()
        .filter(|t| t.is_number)
        .map(|t| t.text.replace(',', ""))
        .collect();
    if !digits.contains('.') || digits.parse::<f64>().map_or(true, |v| v >= 1000.0) {
        return None;
    }
    // The scale of the amounts in that currency in its sentence ("JOD 11.4 from JOD 4.46
    // million"), else in the whole text — when they print one scale.
    let scales_of = |same_sentence: bool| {
        let mut scales = std::collections::BTreeSet::new();
        for (g, other) in article.figures.iter().enumerate() {
            if g == f
                || other.currency != fig.currency
                || (same_sentence && other.sentence != fig.sentence)
            {
                continue;
            }
            let n = &article.numbers[other.number];
            if let super::NumberKind::Amount { scaled: true, .. } = n.kind {
                let last = &article.tokens[n.tokens.end - 1].text;
                scales.insert(last.clone());
            }
        }
        scales
    };
    [true, false].into_iter().find_map(|same_sentence| {
        let scales = scales_of(same_sentence);
        (scales.len() == 1).then(|| scales.into_iter().next().unwrap_or_default())
    })
}

/// The sentences a relation spans, with runs of whitespace made single spaces.
pub fn quote(article: &Article, relation: &Relation) -> String {
    let first = relation
        .figures
        .iter()
        .map(|&f| article.figures[f].sentence)
        .chain(std::iter::once(relation.sentence))
        .min()
        .unwrap_or(relation.sentence);
    let last = relation
        .figures
        .iter()
        .map(|&f| article.figures[f].sentence)
        .chain(std::iter::once(relation.sentence))
        .max()
        .unwrap_or(relation.sentence);
    let span = article.sentences[first].start..article.sentences[last].end;
    article
        .shown(&span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where figure `f` sits in the data, when the pair, measure and period are known, it is a
/// total (not a product) and data was given.
fn binding(article: &Article, f: usize) -> Option<Binding> {
    let fig = &article.figures[f];
    // A fiscal year is not a calendar period of the data.
    if !article.options.bind
        || fig.commodity.is_some()
        || fig.part_of.is_some()
        || fig.fiscal.is_some()
        || fig.difference.is_some()
        // The pair's records hold no world total and no third economy's flow.
        || super::other_than_pair(article, fig).is_some()
    {
        return None;
    }
    let reporter = article.reporter.clone()?;
    let partner = article.partner.clone()?;
    let partner_owns = fig
        .owner
        .as_deref()
        .is_some_and(|o| same_country(o, &partner) && !same_country(o, &reporter));
    let measure = match (fig.measure?, partner_owns) {
        (TradeMeasure::Exports, true) => TradeMeasure::Imports,
        (TradeMeasure::Imports, true) => TradeMeasure::Exports,
        (m, _) => m,
    };
    if measure == TradeMeasure::Balance && partner_owns {
        // The partner's surplus is the reporter's deficit: not one binding.
        return None;
    }
    Some(Binding {
        measure,
        reporter,
        partner,
        period: fig.period?,
        commodity: Commodity::Total,
    })
}

/// An id from what a figure is: "turnover_2019q1", "exports_rus_2019q1" (whose),
/// "exports_oil_products_2019q1" (a product).
fn figure_id(
    measure: Option<TradeMeasure>,
    what: Option<&str>,
    period: Option<crate::model::Period>,
) -> String {
    let mut parts = vec![measure.map_or("amount", TradeMeasure::name).to_string()];
    if let Some(c) = what {
        parts.push(c.to_string());
    }
    if let Some(p) = period {
        parts.push(p.label().replace(['-', '.'], ""));
    }
    parts
        .join("_")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect::<String>()
        .split('_')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

fn unique(used: &mut BTreeSet<String>, base: &str) -> String {
    let mut id = base.to_string();
    let mut k = 2;
    while used.contains(&id) {
        id = format!("{base}_{k}");
        k += 1;
    }
    used.insert(id.clone());
    id
}

/// After checking: a relation the reader paired itself (not one whose amounts the text
/// names, `Relation::said`) found inconsistent by far — a change off by more than its own
/// size (and a quarter), a share or multiple off by more than three times, a sum or balance
/// of the other sign or off by more than a quarter (not a slip of a thousand) — with no
/// diagnosis to explain it (or only "wrong-base": another printed amount as the base,
/// which doubts the reader's own choice of base) is more likely amounts misread than a
/// text in error. It is not
/// judged: unverifiable, and listed in `doubted` so the output says why. Exact rational
/// arithmetic; the thresholds only decide between "inconsistent" and "not judged".
pub fn vet(article: &Article, model: &mut ArticleClaims, v: &mut Verification) {
    for (r, relation) in article.relations.iter().enumerate() {
        let Some(c) = model.claim_of[r].and_then(|c| v.claims.get_mut(c)) else {
            continue;
        };
        if c.verdict != Verdict::Inconsistent {
            continue;
        }
        // "1,193 billion US dollars ... 20.85% more than last year (987,6 million)": a
        // comma before three digits and a scale may be a decimal comma; far off, the text
        // may mean the other reading, said or not.
        let comma_in_doubt = relation.figures.iter().any(|&f| {
            super::relations::separator_in_doubt(
                article.printed(article.figures[f].number),
                article.english,
            )
        });
        if comma_in_doubt && far_from_text(c) {
            c.verdict = Verdict::Unverifiable;
            model.doubted.push((r, Doubt::FarOff));
            continue;
        }
        if relation.said {
            continue;
        }
        // "The value moved the other way" alone does not explain a size that is far off too
        // (a rise of 216.9% for "down 4.7%"); a wrong base, an inverse ratio, points or
        // periods do.
        let direction_only = c
            .diagnoses
            .iter()
            .all(|d| d.kind() == DiagnosisKind::Direction);
        // "Another printed amount would make the base" says as much about the base the
        // reader chose itself as about the text: judged by size alone, as with none.
        let base_doubted = !c.diagnoses.is_empty()
            && c.diagnoses.iter().all(|d| {
                matches!(
                    d.kind(),
                    DiagnosisKind::Direction | DiagnosisKind::WrongBase
                )
            })
            && c.diagnoses
                .iter()
                .any(|d| d.kind() == DiagnosisKind::WrongBase);
        // Two amounts read as of one period ("11 times higher than in 1995 (990.1 million
        // dollars)" with 87.6 million of 1995): which is the base the reader guessed, and
        // the other way round reproduces the text — no contradiction the text makes.
        let one_period = matches!(relation.figures[..], [a, b]
            if article.figures[a].period == article.figures[b].period)
            && matches!(relation.kind, RelationKind::Change | RelationKind::Multiple);
        let order_guessed = one_period
            && c.diagnoses
                .iter()
                .any(|d| d.kind() == DiagnosisKind::Inverse);
        if order_guessed {
            c.verdict = Verdict::Unverifiable;
            model.doubted.push((r, Doubt::OrderUnknown));
            continue;
        }
        if !direction_only && !base_doubted {
            continue;
        }
        let far = if c.diagnoses.is_empty() || base_doubted {
            far_from_text(c)
        } else {
            far_in_size(c)
        };
        if far {
            c.verdict = Verdict::Unverifiable;
            model.doubted.push((r, Doubt::FarOff));
        }
    }
}

/// The middle of what a phrase allows (its one bound when it is open-ended).
fn stated_value(allowed: &Interval) -> Option<Q> {
    let value = |b: &Bound| match b {
        Bound::Closed(x) | Bound::Open(x) => Some(x.clone()),
        Bound::Unbounded => None,
    };
    match (value(&allowed.low), value(&allowed.high)) {
        (Some(a), Some(b)) => Some((a + b) / q_int(2)),
        (Some(a), None) | (None, Some(a)) => Some(a),
        (None, None) => None,
    }
}

fn abs(q: &Q) -> Q {
    if q < &q_int(0) { -q.clone() } else { q.clone() }
}

/// A change `x` far from the `said` one: off by more than the said change's own size, and
/// by more than a quarter.
fn change_far(x: &Q, said: &Q) -> bool {
    abs(&(x - said)) > std::cmp::max(abs(said), Q::new(1.into(), 4.into()))
}

/// Whether a change's size (a multiple's ratio, or its inverse) is far from the size its
/// phrase says, whichever way it moved.
fn far_in_size(c: &ClaimResult) -> bool {
    match (
        c.measure(),
        &c.computed,
        c.allowed.as_ref().and_then(stated_value),
    ) {
        (Some(Measure::Change), Some(computed), Some(said)) => {
            change_far(&abs(&computed.point), &abs(&said))
        }
        // "doubled" for a ratio of 0.15: neither the ratio nor its inverse is near what the
        // text says.
        (Some(Measure::Multiple), Some(computed), Some(said)) if computed.point > q_int(0) => {
            let x = &computed.point;
            let near = |y: &Q| y <= &(&said * q_int(3)) && (y * q_int(3)) >= said;
            !near(x) && !near(&(q_int(1) / x))
        }
        _ => false,
    }
}

/// Whether a claim's value is far from what its phrase allows (see `vet`).
fn far_from_text(c: &ClaimResult) -> bool {
    let (Some(computed), Some(said)) = (&c.computed, c.allowed.as_ref().and_then(stated_value))
    else {
        return false;
    };
    // An `equals` claim (a sum, a balance) compares amounts.
    let amount = Measure::Amount {
        currency: String::new(),
    };
    let x = computed.point.clone();
    match c.measure().unwrap_or(&amount) {
        Measure::Change => change_far(&x, &said),
        Measure::Share | Measure::Multiple => {
            said > q_int(0) && (x <= q_int(0) || x > &said * q_int(3) || &x * q_int(3) < said)
        }
        // A sum or balance: of the other sign, or off by more than a quarter — but not a
        // slip of a thousand ("billion" for "million"), which is the text's.
        Measure::Amount { .. } => {
            let zero = q_int(0);
            if said == zero || x == zero {
                return false;
            }
            let (a, t) = (abs(&x), abs(&said));
            let within = |x: &Q, y: &Q| *x >= y * q_int(500) && *x <= y * q_int(2000);
            let slip = within(&a, &t) || within(&t, &a);
            let other_sign = (x < zero) != (said < zero);
            !slip && (other_sign || abs(&(x - said)) * q_int(4) > t)
        }
        _ => false,
    }
}
