//! The search for the mistake behind an inconsistent claim: one detector per kind of
//! [`Diagnosis`] (direction, inverse, wrong base, points), each returning what it found as
//! data, and the comparison of periods of different lengths, checked for every claim.
//! The sentences that explain a diagnosis are `crate::render::verify`'s.

use num_traits::Zero;

use super::check::{Context, in_terms_of};
use super::claims::{Claim, Figure};
use super::expr::{Expr, Kind, Operand, evaluate};
use super::interval::{Q, Range, q_int};
use super::phrase::{Direction, Measure, Phrase};
use crate::model::Period;

/// Which mistake a [`Diagnosis`] is (its name in the JSON contract).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DiagnosisKind {
    /// An increase claimed for a fall, or the reverse.
    Direction,
    /// The ratio taken the wrong way round.
    Inverse,
    /// Another printed figure as the base reproduces the phrase.
    WrongBase,
    /// Percent confused with percentage points.
    Points,
    /// Periods of different lengths compared.
    Period,
}

impl DiagnosisKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosisKind::Direction => "direction",
            DiagnosisKind::Inverse => "inverse",
            DiagnosisKind::WrongBase => "wrong-base",
            DiagnosisKind::Points => "points",
            DiagnosisKind::Period => "period",
        }
    }
}

/// A plausible mistake found for a claim, with what shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Diagnosis {
    /// The phrase claims `claimed`, but the value moved the other way by `change_percent`
    /// (signed, in percent: −65.2 for a fall of 65.2%).
    Direction {
        claimed: Direction,
        change_percent: Q,
    },
    /// The ratio the wrong way round, `inverted` (an expression), is `value` and fits
    /// the phrase.
    Inverse {
        inverted: String,
        value: Q,
        phrase: String,
    },
    /// With `base` (a figure id or a sum of two) instead of `instead_of` as the base, the
    /// value is `value`, which fits the phrase.
    WrongBase {
        base: String,
        instead_of: String,
        value: Operand,
        phrase: String,
    },
    /// A change of shares: they differ by `points` percentage points, which the phrase
    /// reads as a percent change.
    PointsAsPercent { points: Q, phrase: String },
    /// A difference of percentages whose relative change, `percent`, the phrase calls
    /// percentage points.
    PercentAsPoints { percent: Q, phrase: String },
    /// Figure `first.0` covers `first.1`, figure `other.0` a period of another length.
    Period {
        first: (String, Period),
        other: (String, Period),
    },
}

impl Diagnosis {
    pub fn kind(&self) -> DiagnosisKind {
        match self {
            Diagnosis::Direction { .. } => DiagnosisKind::Direction,
            Diagnosis::Inverse { .. } => DiagnosisKind::Inverse,
            Diagnosis::WrongBase { .. } => DiagnosisKind::WrongBase,
            Diagnosis::PointsAsPercent { .. } | Diagnosis::PercentAsPoints { .. } => {
                DiagnosisKind::Points
            }
            Diagnosis::Period { .. } => DiagnosisKind::Period,
        }
    }
}

/// Plausible mistakes that reproduce an inconsistent phrase, in the order of [`DiagnosisKind`].
pub(super) fn diagnose(
    c: &Claim,
    phrase: &Phrase,
    op: &Operand,
    cx: &Context<'_>,
) -> Vec<Diagnosis> {
    let one = q_int(1);
    // The value as a ratio to its base (1 = no change), when it is a growth quantity.
    let ratio = match op.kind {
        Kind::Ratio => Some(op.range.clone()),
        Kind::Change => Some(op.range.map(|v| v + &one)),
        _ => None,
    };
    let mut found = Vec::new();
    if let Some(r) = &ratio {
        found.extend(direction(phrase, r));
        // A direction said with no size ("fell") is only ever the wrong way round: the
        // other mistakes would reproduce it trivially.
        if phrase.point.is_none() {
            return found;
        }
        found.extend(inverse(c, phrase, r));
    }
    found.extend(wrong_base(c, phrase, cx));
    found.extend(shares_as_percent(c, phrase, cx));
    found.extend(percent_as_points(c, phrase, cx));
    found
}

/// A rise claimed for a fall, or the reverse; `ratio` is the value over its base.
fn direction(phrase: &Phrase, ratio: &Range) -> Option<Diagnosis> {
    let claimed = phrase.direction?;
    let one = q_int(1);
    let contrary = match claimed {
        Direction::Up => ratio.high < one,
        Direction::Down => ratio.low > one,
    };
    contrary.then(|| Diagnosis::Direction {
        claimed,
        change_percent: (&ratio.point - &one) * q_int(100),
    })
}

/// The ratio the wrong way round fits the phrase.
fn inverse(c: &Claim, phrase: &Phrase, ratio: &Range) -> Option<Diagnosis> {
    let as_op = Operand {
        range: ratio.recip().ok()?,
        kind: Kind::Ratio,
    };
    let inv = in_terms_of(&as_op, &phrase.measure).ok()?;
    if !phrase.interval.overlaps(&inv) {
        return None;
    }
    let inverted = match c.value.base() {
        Some((top, base)) => format!("{base} / {top}"),
        None => format!("1 / ({})", c.value_text),
    };
    Some(Diagnosis::Inverse {
        inverted,
        value: as_op.range.point,
        phrase: phrase.text.clone(),
    })
}

/// Another printed figure, or the sum of two, as the base reproduces the phrase
/// (bounded: 40 figures).
fn wrong_base(c: &Claim, phrase: &Phrase, cx: &Context<'_>) -> Option<Diagnosis> {
    let (_, base) = c.value.base()?;
    let others: Vec<&Figure> = cx
        .file
        .figures
        .iter()
        .filter(|f| Some(f.id.as_str()) != figure_id(base))
        .take(40)
        .collect();
    let mut candidates: Vec<(String, Expr)> = others
        .iter()
        .map(|f| (f.id.clone(), Expr::Figure(f.id.clone())))
        .collect();
    for (i, a) in others.iter().enumerate() {
        for b in others.iter().skip(i + 1) {
            candidates.push((
                format!("{} + {}", a.id, b.id),
                Expr::Add(
                    Box::new(Expr::Figure(a.id.clone())),
                    Box::new(Expr::Figure(b.id.clone())),
                ),
            ));
        }
    }
    let lookup = |id: &str| cx.operand(id);
    candidates.into_iter().find_map(|(label, candidate)| {
        let e = c.value.with_base(candidate)?;
        let v = evaluate(&e, &lookup).ok()?;
        let r = in_terms_of(&v, &phrase.measure).ok()?;
        phrase
            .interval
            .contains(&r.point)
            .then(|| Diagnosis::WrongBase {
                base: label,
                instead_of: base.to_string(),
                value: v,
                phrase: phrase.text.clone(),
            })
    })
}

/// A percent change of two shares whose difference in points is what the phrase says.
fn shares_as_percent(c: &Claim, phrase: &Phrase, cx: &Context<'_>) -> Option<Diagnosis> {
    let Expr::Change(from, to) = &c.value else {
        return None;
    };
    let lookup = |id: &str| cx.operand(id);
    let (a, b) = (evaluate(from, &lookup).ok()?, evaluate(to, &lookup).ok()?);
    if a.kind != Kind::Number || b.kind != Kind::Number || phrase.measure != Measure::Change {
        return None;
    }
    let points = b.range.sub(&a.range);
    phrase
        .interval
        .overlaps(&points)
        .then(|| Diagnosis::PointsAsPercent {
            points: &points.point * q_int(100),
            phrase: phrase.text.clone(),
        })
}

/// A difference of percentages whose relative change is what the phrase calls points.
fn percent_as_points(c: &Claim, phrase: &Phrase, cx: &Context<'_>) -> Option<Diagnosis> {
    let Expr::Sub(to, from) = &c.value else {
        return None;
    };
    let lookup = |id: &str| cx.operand(id);
    let (a, b) = (evaluate(from, &lookup).ok()?, evaluate(to, &lookup).ok()?);
    if phrase.measure != Measure::Points || a.range.point.is_zero() {
        return None;
    }
    let rel = b.range.div(&a.range).ok()?;
    let rel = rel.map(|v| (v - q_int(1)) * q_int(100));
    phrase
        .interval
        .overlaps(&rel)
        .then(|| Diagnosis::PercentAsPoints {
            percent: rel.point,
            phrase: phrase.text.clone(),
        })
}

/// The claim's figures cover periods of different lengths: the first figure with a
/// period, and the first whose period has another number of months.
pub(super) fn periods_differ(c: &Claim, cx: &Context<'_>) -> Option<Diagnosis> {
    let periods: Vec<(String, Period)> = c
        .value
        .figures()
        .iter()
        .filter_map(|id| {
            cx.figure(id)
                .and_then(|f| f.period.map(|p| (id.clone(), p)))
        })
        .collect();
    let first = periods.first()?;
    let other = periods
        .iter()
        .find(|(_, p)| p.months() != first.1.months())?;
    Some(Diagnosis::Period {
        first: first.clone(),
        other: other.clone(),
    })
}

fn figure_id(e: &Expr) -> Option<&str> {
    match e {
        Expr::Figure(id) => Some(id),
        _ => None,
    }
}
