//! Checking a claims file: figures against the data, claims against their phrases, and —
//! for inconsistent claims — a search over plausible mistakes that reproduce the phrase.
//!
//! Verdicts (docs/verification.md):
//! - `consistent`: the computed interval and the phrase's interval overlap, and the value
//!   computed from the numbers as printed lies in the phrase's interval;
//! - `consistent-by-rounding`: they overlap, but the printed numbers' own value does not fit;
//! - `inconsistent`: no overlap;
//! - `unverifiable`: a figure or the data is missing, or the phrase does not speak of the
//!   kind of quantity the value is.

use num_traits::{One, Signed, Zero};

use rust_decimal::Decimal;

use super::claims::{Assertion, Binding, Claim, ClaimsFile, Figure, Measure as DataMeasure};
use super::expr::{Expr, Kind, Operand, evaluate};
use super::interval::{Interval, Q, Range, decimal_string, q, q_int};
use super::phrase::{Direction, Measure, Phrase, Rounding};
use crate::flows::PairFlows;
use crate::frame::{Selection, TradeFrame};
use crate::metrics::summary::turnover_value;
use crate::model::{Commodity, Flow};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Consistent,
    ConsistentByRounding,
    Inconsistent,
    Unverifiable,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::ConsistentByRounding => "consistent-by-rounding",
            Verdict::Inconsistent => "inconsistent",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Diagnosis {
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

impl Diagnosis {
    pub fn as_str(self) -> &'static str {
        match self {
            Diagnosis::Direction => "direction",
            Diagnosis::Inverse => "inverse",
            Diagnosis::WrongBase => "wrong-base",
            Diagnosis::Points => "points",
            Diagnosis::Period => "period",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureStatus {
    Confirmed,
    Contradicted,
    NotInData,
    Unchecked,
}

impl FigureStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            FigureStatus::Confirmed => "confirmed",
            FigureStatus::Contradicted => "contradicted",
            FigureStatus::NotInData => "not-in-data",
            FigureStatus::Unchecked => "unchecked",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FigureResult {
    pub id: String,
    pub line: usize,
    pub printed: Option<String>,
    pub status: FigureStatus,
    /// The data's value, in base currency units, when the figure is bound and found.
    pub data_value: Option<(Decimal, String)>,
    pub explanation: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimResult {
    pub id: Option<String>,
    pub line: usize,
    pub quote: String,
    /// What the claim asserts ("triple growth", "= trade_2019q1").
    pub asserts: String,
    pub value_text: String,
    pub verdict: Verdict,
    /// The computed value in the terms of the comparison (fractions for changes and
    /// shares, base currency units for money).
    pub computed: Option<Range>,
    /// What the phrase or the equal figure allows, in the same terms.
    pub allowed: Option<Interval>,
    pub measure: Option<Measure>,
    pub diagnoses: Vec<(Diagnosis, String)>,
    pub explanation: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Verification {
    pub figures: Vec<FigureResult>,
    pub claims: Vec<ClaimResult>,
    pub rounding: Rounding,
    pub lexicon_version: String,
}

impl Verification {
    /// Whether anything is wrong: an inconsistent claim, a contradicted figure, or a
    /// comparison of periods of different lengths.
    pub fn found_problem(&self) -> bool {
        self.claims.iter().any(|c| {
            c.verdict == Verdict::Inconsistent
                || c.diagnoses.iter().any(|(d, _)| *d == Diagnosis::Period)
        }) || self
            .figures
            .iter()
            .any(|f| f.status == FigureStatus::Contradicted)
    }
}

/// Looks a binding up in the data: (exact value in base units, currency), or why not.
pub fn data_value(frame: &TradeFrame, b: &Binding) -> Result<(Decimal, String), String> {
    let selection = Selection {
        reporter: Some(b.reporter.clone()),
        partner: Some(b.partner.clone()),
        periods: vec![b.period],
    };
    let totals = frame.totals(&selection).map_err(|e| e.to_string())?;
    if totals.is_empty() {
        return Err(format!(
            "no records for {} → {} in {}",
            b.reporter, b.partner, b.period
        ));
    }
    let flows = PairFlows::from_totals(&totals, |t| format!("line {}", t.origin.line))
        .map_err(|e| e.to_string())?;
    let p = flows
        .period(b.period)
        .ok_or_else(|| format!("no {} in the data", b.period))?;
    let value = if b.commodity != Commodity::Total {
        let flow = match b.measure {
            DataMeasure::Imports => Flow::Import,
            _ => Flow::Export,
        };
        p.parts
            .iter()
            .find(|part| part.flow == flow && part.commodity == b.commodity)
            .map(|part| part.value)
            .ok_or_else(|| {
                format!(
                    "no {} row for {} in {}",
                    b.commodity,
                    flow.plural(),
                    b.period
                )
            })?
    } else {
        let v = match b.measure {
            DataMeasure::Exports => p.exports.clone(),
            DataMeasure::Imports => p.imports.clone(),
            DataMeasure::Turnover => turnover_value(p),
            DataMeasure::Balance => p
                .exports
                .zip(&p.imports, |x, m| crate::metrics::Value::Known(x - m)),
        };
        v.known()
            .ok_or_else(|| v.reason().unwrap_or("missing").to_string())?
    };
    Ok((value, flows.currency))
}

/// Human-readable value of a range's point in the terms of `kind`.
fn show(range: &Range, kind: &Kind) -> String {
    match kind {
        Kind::Money(currency) => show_money(&range.point, currency),
        Kind::Ratio => format!(
            "{} (×{})",
            decimal_string(&range.point, 4),
            decimal_string(&range.point, 2)
        ),
        Kind::Change => format!(
            "{}%",
            signed(&decimal_string(&(&range.point * q_int(100)), 1))
        ),
        Kind::Number => decimal_string(&range.point, 4),
    }
}

fn signed(text: &str) -> String {
    if text.starts_with('-') || text == "0" {
        text.to_string()
    } else {
        format!("+{text}")
    }
}

pub fn show_money(value: &Q, currency: &str) -> String {
    let abs = value.abs();
    let (scale, name) = if abs >= q_int(1_000_000_000) {
        (1_000_000_000, " billion")
    } else if abs >= q_int(1_000_000) {
        (1_000_000, " million")
    } else if abs >= q_int(1_000) {
        (1_000, " thousand")
    } else {
        (1, "")
    };
    format!(
        "{} {currency}{name}",
        decimal_string(&(value / q_int(scale)), 4)
    )
}

fn describe_allowed(interval: &Interval, measure: &Measure) -> String {
    match measure {
        Measure::Change | Measure::Share => format!("{} %", interval.describe(&q_int(100), 2)),
        Measure::Amount { currency } => format!("{} {currency}", interval.describe(&Q::one(), 2)),
        _ => interval.describe(&Q::one(), 4),
    }
}

/// The value in the phrase's terms, or why the phrase cannot speak of it.
fn in_terms_of(op: &Operand, measure: &Measure) -> Result<Range, String> {
    let one = q_int(1);
    match (measure, &op.kind) {
        (Measure::Amount { currency }, Kind::Money(c)) if c == currency => Ok(op.range.clone()),
        (Measure::Amount { currency }, Kind::Money(c)) => {
            Err(format!("the phrase is in {currency}, the value in {c}"))
        }
        (Measure::Amount { .. }, _) => {
            Err("the phrase states an amount; the value is a ratio".into())
        }
        (_, Kind::Money(_)) => {
            Err("the phrase states a ratio or a change; the value is an amount".into())
        }
        (Measure::Multiple | Measure::Share | Measure::Number, Kind::Change) => {
            Ok(op.range.map(|v| v + &one))
        }
        (Measure::Multiple | Measure::Share | Measure::Number, _) => Ok(op.range.clone()),
        (Measure::Change, Kind::Ratio) => Ok(op.range.map(|v| v - &one)),
        (Measure::Change, _) => Ok(op.range.clone()),
        (Measure::Points, Kind::Number) => Ok(op.range.map(|v| v * q_int(100))),
        (Measure::Points, _) => Err(
            "the phrase states percentage points; the value is not a difference of percentages"
                .into(),
        ),
    }
}

fn judge(allowed: &Interval, computed: &Range) -> Verdict {
    if !allowed.overlaps(computed) {
        Verdict::Inconsistent
    } else if allowed.contains(&computed.point) {
        Verdict::Consistent
    } else {
        Verdict::ConsistentByRounding
    }
}

struct Context<'a> {
    file: &'a ClaimsFile,
    figures: &'a [FigureResult],
}

impl Context<'_> {
    fn figure(&self, id: &str) -> Option<&Figure> {
        self.file.figures.iter().find(|f| f.id == id)
    }

    /// A figure as an operand: its printed interval, else its data value.
    fn operand(&self, id: &str) -> Result<Operand, String> {
        let f = self
            .figure(id)
            .ok_or_else(|| format!("unknown figure `{id}`"))?;
        if let Some(p) = &f.printed {
            let (Some(low), Some(high), Some(point)) =
                (p.interval.low_value(), p.interval.high_value(), &p.point)
            else {
                return Err(format!(
                    "figure `{id}` (\"{}\") is only bounded on one side",
                    p.text
                ));
            };
            let kind = match &p.measure {
                Measure::Amount { currency } => Kind::Money(currency.clone()),
                Measure::Change => Kind::Change,
                _ => Kind::Number,
            };
            return Ok(Operand {
                range: Range::new(low.clone(), point.clone(), high.clone()),
                kind,
            });
        }
        let result = self.figures.iter().find(|r| r.id == id);
        match result.and_then(|r| r.data_value.clone()) {
            Some((v, currency)) => Ok(Operand {
                range: Range::exact(q(v)),
                kind: Kind::Money(currency),
            }),
            None => Err(format!(
                "figure `{id}` has no printed value and {}",
                result.map_or("no data".to_string(), |r| r.explanation.clone())
            )),
        }
    }
}

/// Checks every figure and claim of `file` against each other and, where bound, `frame`.
pub fn verify(
    file: &ClaimsFile,
    frame: Option<&TradeFrame>,
    rounding: Rounding,
    lexicon_version: &str,
) -> Verification {
    let figures: Vec<FigureResult> = file
        .figures
        .iter()
        .map(|f| check_figure(f, frame))
        .collect();
    let context = Context {
        file,
        figures: &figures,
    };
    let claims = file
        .claims
        .iter()
        .map(|c| check_claim(c, &context))
        .collect();
    Verification {
        figures,
        claims,
        rounding,
        lexicon_version: lexicon_version.to_string(),
    }
}

fn check_figure(f: &Figure, frame: Option<&TradeFrame>) -> FigureResult {
    let printed = f.printed.as_ref().map(|p| p.text.clone());
    let mut result = FigureResult {
        id: f.id.clone(),
        line: f.line,
        printed: printed.clone(),
        status: FigureStatus::Unchecked,
        data_value: None,
        explanation: String::new(),
    };
    let Some(binding) = &f.binding else {
        result.explanation = "not bound to the data; checked only against the other figures".into();
        return result;
    };
    let Some(frame) = frame else {
        result.status = FigureStatus::NotInData;
        result.explanation = "no data file given (add `data` under [source] or --data)".into();
        return result;
    };
    let what = format!(
        "{} {} → {} {}{}",
        binding.measure.name(),
        binding.reporter,
        binding.partner,
        binding.period,
        if binding.commodity == Commodity::Total {
            String::new()
        } else {
            format!(" ({})", binding.commodity)
        }
    );
    match data_value(frame, binding) {
        Err(reason) => {
            result.status = FigureStatus::NotInData;
            result.explanation = format!("{what}: {reason}");
        }
        Ok((value, currency)) => {
            result.data_value = Some((value, currency.clone()));
            let shown = show_money(&q(value), &currency);
            match &f.printed {
                None => {
                    result.explanation = format!("{what} = {shown} (taken from the data)");
                }
                Some(p) => match &p.measure {
                    Measure::Amount { currency: c } if *c == currency => {
                        if p.interval.contains(&q(value)) {
                            result.status = FigureStatus::Confirmed;
                            result.explanation = format!(
                                "{what} = {shown} in the data, within \"{}\" {}",
                                p.text,
                                describe_allowed(&p.interval, &p.measure)
                            );
                        } else {
                            result.status = FigureStatus::Contradicted;
                            result.explanation = format!(
                                "{what} = {shown} in the data, outside \"{}\" {}",
                                p.text,
                                describe_allowed(&p.interval, &p.measure)
                            );
                        }
                    }
                    other => {
                        result.status = FigureStatus::Contradicted;
                        result.explanation = format!(
                            "{what} = {shown} in the data, but \"{}\" is a {}",
                            p.text,
                            other.name()
                        );
                    }
                },
            }
        }
    }
    result
}

fn check_claim(c: &Claim, cx: &Context<'_>) -> ClaimResult {
    let (asserts, measure, allowed) = match &c.assertion {
        Assertion::Says(p) => (
            p.text.clone(),
            Some(p.measure.clone()),
            Some(p.interval.clone()),
        ),
        Assertion::Equals(id) => (format!("= {id}"), None, None),
    };
    let mut result = ClaimResult {
        id: c.id.clone(),
        line: c.line,
        quote: c.quote.clone(),
        asserts,
        value_text: c.value_text.clone(),
        verdict: Verdict::Unverifiable,
        computed: None,
        allowed,
        measure,
        diagnoses: Vec::new(),
        explanation: String::new(),
    };
    let lookup = |id: &str| cx.operand(id);
    let op = match evaluate(&c.value, &lookup) {
        Ok(op) => op,
        Err(reason) => {
            result.explanation = format!("{}: {reason}", c.value_text);
            return result;
        }
    };
    let period_note = periods_differ(c, cx);
    match &c.assertion {
        Assertion::Says(phrase) => {
            let computed = match in_terms_of(&op, &phrase.measure) {
                Ok(r) => r,
                Err(reason) => {
                    result.explanation = reason;
                    return result;
                }
            };
            result.verdict = judge(&phrase.interval, &computed);
            result.explanation = format!(
                "{} = {}, in [{}, {}]; \"{}\" allows {}",
                c.value_text,
                show(&op.range, &op.kind),
                decimal_string(&computed.low, 4),
                decimal_string(&computed.high, 4),
                phrase.text,
                describe_allowed(&phrase.interval, &phrase.measure)
            );
            if result.verdict == Verdict::ConsistentByRounding {
                result
                    .explanation
                    .push_str("; only the rounding of the printed numbers makes them agree");
            }
            if result.verdict == Verdict::Inconsistent {
                result.diagnoses = diagnose(c, phrase, &op, cx);
            }
            result.computed = Some(computed);
        }
        Assertion::Equals(id) => {
            let target = match cx.operand(id) {
                Ok(t) => t,
                Err(reason) => {
                    result.explanation = reason;
                    return result;
                }
            };
            if target.kind != op.kind {
                result.explanation = format!(
                    "{} is {:?} but {id} is {:?}: they cannot be equal",
                    c.value_text, op.kind, target.kind
                );
                return result;
            }
            let allowed = Interval::closed(target.range.low.clone(), target.range.high.clone());
            // The point that must fit is the target's as printed, against the computed range,
            // and the computed point against the target's interval.
            result.verdict = judge(&allowed, &op.range);
            let bound = |v: &Q| match &op.kind {
                Kind::Money(currency) => show_money(v, currency),
                _ => decimal_string(v, 4),
            };
            result.explanation = format!(
                "{} = {}, in [{}, {}]; {id} = {}, in [{}, {}]",
                c.value_text,
                show(&op.range, &op.kind),
                bound(&op.range.low),
                bound(&op.range.high),
                show(&target.range, &target.kind),
                bound(&target.range.low),
                bound(&target.range.high),
            );
            result.allowed = Some(allowed);
            result.computed = Some(op.range.clone());
        }
    }
    if let Some(note) = period_note {
        result.diagnoses.push((Diagnosis::Period, note));
    }
    result
}

/// A note when the claim's figures cover periods of different lengths.
fn periods_differ(c: &Claim, cx: &Context<'_>) -> Option<String> {
    let periods: Vec<(String, crate::model::Period)> = c
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
    Some(format!(
        "compares {} ({}, {} months) with {} ({}, {} months)",
        first.0,
        first.1.describe(),
        first.1.months(),
        other.0,
        other.1.describe(),
        other.1.months()
    ))
}

/// Plausible mistakes that reproduce an inconsistent phrase.
fn diagnose(
    c: &Claim,
    phrase: &Phrase,
    op: &Operand,
    cx: &Context<'_>,
) -> Vec<(Diagnosis, String)> {
    let mut found = Vec::new();
    let one = q_int(1);
    // The value as a ratio to its base (1 = no change), when it is a growth quantity.
    let ratio = match op.kind {
        Kind::Ratio => Some(op.range.clone()),
        Kind::Change => Some(op.range.map(|v| v + &one)),
        _ => None,
    };

    if let (Some(direction), Some(r)) = (phrase.direction, &ratio) {
        let fell = r.high < one;
        let rose = r.low > one;
        let change = decimal_string(&((&r.point - &one) * q_int(100)), 1);
        if direction == Direction::Up && fell {
            found.push((
                Diagnosis::Direction,
                format!(
                    "the text says an increase, but the value fell by {}%",
                    change.trim_start_matches('-')
                ),
            ));
        } else if direction == Direction::Down && rose {
            found.push((
                Diagnosis::Direction,
                format!("the text says a fall, but the value rose by {change}%"),
            ));
        }
    }

    if let Some(r) = &ratio
        && let Ok(inverse) = r.recip()
    {
        let as_op = Operand {
            range: inverse,
            kind: Kind::Ratio,
        };
        if let Ok(inv) = in_terms_of(&as_op, &phrase.measure)
            && phrase.interval.overlaps(&inv)
        {
            let shown = match c.value.base() {
                Some((top, base)) => format!("{base} / {top}"),
                None => format!("1 / ({})", c.value_text),
            };
            found.push((
                Diagnosis::Inverse,
                format!(
                    "the ratio the wrong way round, {shown} = {}, reproduces \"{}\"",
                    decimal_string(&as_op.range.point, 2),
                    phrase.text
                ),
            ));
        }
    }

    if let Some((_, base)) = c.value.base() {
        // Other printed figures, and sums of two, as the base (bounded: 40 figures).
        let candidates: Vec<(String, Expr)> = {
            let others: Vec<&Figure> = cx
                .file
                .figures
                .iter()
                .filter(|f| Some(f.id.as_str()) != figure_id(base))
                .take(40)
                .collect();
            let mut list: Vec<(String, Expr)> = others
                .iter()
                .map(|f| (f.id.clone(), Expr::Figure(f.id.clone())))
                .collect();
            for (i, a) in others.iter().enumerate() {
                for b in others.iter().skip(i + 1) {
                    list.push((
                        format!("{} + {}", a.id, b.id),
                        Expr::Add(
                            Box::new(Expr::Figure(a.id.clone())),
                            Box::new(Expr::Figure(b.id.clone())),
                        ),
                    ));
                }
            }
            list
        };
        let lookup = |id: &str| cx.operand(id);
        for (label, candidate) in candidates {
            let Some(e) = c.value.with_base(candidate) else {
                continue;
            };
            let Ok(v) = evaluate(&e, &lookup) else {
                continue;
            };
            let Ok(r) = in_terms_of(&v, &phrase.measure) else {
                continue;
            };
            if phrase.interval.contains(&r.point) {
                found.push((
                    Diagnosis::WrongBase,
                    format!(
                        "with {label} as the base instead of {base}, the value is {}, which reproduces \"{}\"",
                        show(&v.range, &v.kind),
                        phrase.text
                    ),
                ));
                break;
            }
        }
    }

    // Percent and percentage points: a change of shares read the other way.
    if let Expr::Change(from, to) = &c.value {
        let lookup = |id: &str| cx.operand(id);
        if let (Ok(a), Ok(b)) = (evaluate(from, &lookup), evaluate(to, &lookup))
            && a.kind == Kind::Number
            && b.kind == Kind::Number
            && phrase.measure == Measure::Change
        {
            let points = b.range.sub(&a.range);
            if phrase.interval.overlaps(&points) {
                found.push((
                        Diagnosis::Points,
                        format!(
                            "the shares differ by {} percentage points; \"{}\" reads that difference as a percent change",
                            decimal_string(&(&points.point * q_int(100)), 2),
                            phrase.text
                        ),
                    ));
            }
        }
    }
    if let Expr::Sub(to, from) = &c.value {
        let lookup = |id: &str| cx.operand(id);
        if let (Ok(a), Ok(b)) = (evaluate(from, &lookup), evaluate(to, &lookup))
            && phrase.measure == Measure::Points
            && !a.range.point.is_zero()
            && let Ok(rel) = b.range.div(&a.range)
        {
            let rel = rel.map(|v| (v - q_int(1)) * q_int(100));
            if phrase.interval.overlaps(&rel) {
                found.push((
                    Diagnosis::Points,
                    format!(
                        "the relative change is {}%; \"{}\" calls it percentage points",
                        decimal_string(&rel.point, 2),
                        phrase.text
                    ),
                ));
            }
        }
    }
    found
}

fn figure_id(e: &Expr) -> Option<&str> {
    match e {
        Expr::Figure(id) => Some(id),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::lexicon::Lexicon;
    use std::path::Path;

    fn run(toml: &str) -> Verification {
        let file = ClaimsFile::parse(
            toml,
            Path::new("t.toml"),
            &Lexicon::built_in(),
            Rounding::HalfUnit,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        verify(&file, None, Rounding::HalfUnit, "test")
    }

    fn figure(id: &str, printed: &str) -> String {
        format!("[[figure]]\nid = \"{id}\"\nprinted = \"{printed}\"\n\n")
    }

    fn says(value: &str, phrase: &str) -> String {
        format!("[[claim]]\nquote = \"q\"\nsays = \"{phrase}\"\nvalue = \"{value}\"\n\n")
    }

    fn only(v: &Verification) -> &ClaimResult {
        assert_eq!(v.claims.len(), 1);
        &v.claims[0]
    }

    fn diagnoses(c: &ClaimResult) -> Vec<Diagnosis> {
        c.diagnoses.iter().map(|(d, _)| *d).collect()
    }

    #[test]
    fn parts_that_add_up_are_consistent() {
        let v = run(&format!(
            "{}{}{}[[claim]]\nquote = \"q\"\nequals = \"t\"\nvalue = \"x + m\"\n",
            figure("t", "$10.69 million"),
            figure("x", "$10.67 million"),
            figure("m", "$20,000")
        ));
        assert_eq!(only(&v).verdict, Verdict::Consistent);
        assert!(!v.found_problem());
    }

    #[test]
    fn a_triple_growth_that_is_a_fall() {
        let v = run(&format!(
            "{}{}{}",
            figure("a", "$10.69 million"),
            figure("b", "$30.72 million"),
            says("a / b", "a triple growth")
        ));
        let c = only(&v);
        assert_eq!(c.verdict, Verdict::Inconsistent);
        assert_eq!(diagnoses(c), [Diagnosis::Direction, Diagnosis::Inverse]);
        assert!(
            c.diagnoses[1].1.contains("b / a = 2.87"),
            "{:?}",
            c.diagnoses
        );
        assert!(v.found_problem());
    }

    #[test]
    fn consistent_only_by_rounding() {
        // 10.7 / 3.3 = 3.24 as printed, but with their rounding the ratio can reach 3.31.
        let v = run(&format!(
            "{}{}{}",
            figure("a", "$10.7 million"),
            figure("b", "$3.3 million"),
            says("a / b", "3.3 times")
        ));
        assert_eq!(only(&v).verdict, Verdict::ConsistentByRounding);
    }

    #[test]
    fn a_value_exactly_on_the_rounding_boundary() {
        // 10.6 + 0.03 reaches exactly 10.685, the low end of "10.69": closed intervals meet.
        let on = run(&format!(
            "{}{}{}[[claim]]\nquote = \"q\"\nequals = \"t\"\nvalue = \"x + m\"\n",
            figure("t", "$10.69 million"),
            figure("x", "$10.6 million"),
            figure("m", "$0.03 million")
        ));
        assert_eq!(only(&on).verdict, Verdict::ConsistentByRounding);
        // A hair lower and they no longer meet.
        let off = run(&format!(
            "{}{}{}[[claim]]\nquote = \"q\"\nequals = \"t\"\nvalue = \"x + m\"\n",
            figure("t", "$10.69 million"),
            figure("x", "$10.6 million"),
            figure("m", "$0.029 million")
        ));
        assert_eq!(only(&off).verdict, Verdict::Inconsistent);
    }

    #[test]
    fn unverifiable_says_why() {
        let v = run(&format!(
            "{}{}",
            figure("a", "$5 million"),
            says("a", "rose 5%")
        ));
        let c = only(&v);
        assert_eq!(c.verdict, Verdict::Unverifiable);
        assert!(
            c.explanation.contains("the value is an amount"),
            "{}",
            c.explanation
        );
        let v = run(&format!(
            "[[figure]]\nid = \"a\"\nmeasure = \"exports\"\nreporter = \"A\"\npartner = \"B\"\nperiod = \"2019\"\n\n{}{}",
            figure("b", "$5 million"),
            says("a / b", "doubled")
        ));
        assert_eq!(v.figures[0].status, FigureStatus::NotInData);
        let c = only(&v);
        assert_eq!(c.verdict, Verdict::Unverifiable);
        assert!(
            c.explanation.contains("figure `a` has no printed value"),
            "{}",
            c.explanation
        );
        assert!(!v.found_problem());
    }

    #[test]
    fn a_rise_claimed_for_a_fall() {
        let v = run(&format!(
            "{}{}{}",
            figure("y2018", "$30.72 million"),
            figure("y2019", "$10.69 million"),
            says("change(y2018, y2019)", "rose 65.2%")
        ));
        let c = only(&v);
        assert_eq!(c.verdict, Verdict::Inconsistent);
        assert_eq!(diagnoses(c), [Diagnosis::Direction]);
        // The honest phrase is consistent.
        let v = run(&format!(
            "{}{}{}",
            figure("y2018", "$30.72 million"),
            figure("y2019", "$10.69 million"),
            says("change(y2018, y2019)", "fell 65.2%")
        ));
        assert_eq!(only(&v).verdict, Verdict::Consistent);
    }

    #[test]
    fn a_wrong_base() {
        // Up 40% to $140 million from $120 million? 140/120 − 1 = 16.7%; the 40% comes from
        // the $100 million of two years before.
        let v = run(&format!(
            "{}{}{}{}",
            figure("y2017", "$100 million"),
            figure("y2018", "$120 million"),
            figure("y2019", "$140 million"),
            says("change(y2018, y2019)", "rose 40%")
        ));
        let c = only(&v);
        assert_eq!(c.verdict, Verdict::Inconsistent);
        assert_eq!(diagnoses(c), [Diagnosis::WrongBase]);
        assert!(
            c.diagnoses[0].1.contains("with y2017 as the base"),
            "{:?}",
            c.diagnoses
        );
    }

    #[test]
    fn percent_for_percentage_points() {
        // A share going from 41% to 46% is +5 points, or +12.2%: not "rose 5%".
        let v = run(&format!(
            "{}{}{}",
            figure("s2018", "41%"),
            figure("s2019", "46%"),
            says("change(s2018, s2019)", "rose 5%")
        ));
        let c = only(&v);
        assert_eq!(c.verdict, Verdict::Inconsistent);
        assert!(
            diagnoses(c).contains(&Diagnosis::Points),
            "{:?}",
            c.diagnoses
        );
        // And the reverse: "up 12.2 percentage points" for a 12.2% relative change.
        let v = run(&format!(
            "{}{}{}",
            figure("s2018", "41%"),
            figure("s2019", "46%"),
            says("s2019 - s2018", "up 12.2 percentage points")
        ));
        assert!(
            diagnoses(only(&v)).contains(&Diagnosis::Points),
            "{:?}",
            only(&v)
        );
    }

    #[test]
    fn periods_of_different_length() {
        let v = run(
            "[[figure]]\nid = \"ytd\"\nprinted = \"$11 million\"\nperiod = \"2019-01..2019-11\"\n\n\
             [[figure]]\nid = \"year\"\nprinted = \"$10 million\"\nperiod = \"2018\"\n\n\
             [[claim]]\nquote = \"q\"\nsays = \"rose 10%\"\nvalue = \"change(year, ytd)\"\n",
        );
        let c = only(&v);
        assert_eq!(c.verdict, Verdict::Consistent);
        assert_eq!(diagnoses(c), [Diagnosis::Period]);
        assert!(c.diagnoses[0].1.contains("11 months"), "{:?}", c.diagnoses);
        assert!(v.found_problem());
    }

    #[test]
    fn hedged_phrases() {
        let two = |phrase: &str| {
            let v = run(&format!(
                "{}{}{}",
                figure("a", "$100.0 million"),
                figure("b", "$269.0 million"),
                says("change(a, b)", phrase)
            ));
            only(&v).verdict
        };
        // +169%: "nearly 170 percent" allows [153%, 170%).
        assert_eq!(two("rose nearly 170 percent"), Verdict::Consistent);
        assert_eq!(two("rose more than 150 percent"), Verdict::Consistent);
        assert_eq!(two("rose less than 150 percent"), Verdict::Inconsistent);
        assert_eq!(two("rose about 100 percent"), Verdict::Inconsistent);
    }

    use proptest::prelude::*;

    fn q_of(m: i64) -> Q {
        crate::verify::interval::q_ratio(m, 1000)
    }

    proptest! {
        /// No value is ever called both consistent and inconsistent: the verdict follows
        /// from overlap and containment, exactly.
        #[test]
        fn verdicts_are_exclusive_and_follow_their_definitions(
            a in -5000i64..5000, b in -5000i64..5000,
            c in -5000i64..5000, d in -5000i64..5000, p in 0i64..1000,
        ) {
            let (lo, hi) = (a.min(b), a.max(b));
            let (clo, chi) = (c.min(d), c.max(d));
            let point = clo + (chi - clo) * p / 1000;
            let allowed = Interval::closed(q_of(lo), q_of(hi));
            let computed = Range::new(q_of(clo), q_of(point), q_of(chi));
            let overlap = clo <= hi && lo <= chi;
            let contains = lo <= point && point <= hi;
            let verdict = judge(&allowed, &computed);
            match verdict {
                Verdict::Consistent => prop_assert!(overlap && contains),
                Verdict::ConsistentByRounding => prop_assert!(overlap && !contains),
                Verdict::Inconsistent => prop_assert!(!overlap),
                Verdict::Unverifiable => prop_assert!(false, "judge never returns unverifiable"),
            }
            prop_assert_eq!(verdict == Verdict::Inconsistent, !overlap);
        }
    }
}
