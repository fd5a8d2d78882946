//! Checking a claims file: figures against the data, claims against their phrases, and —
//! for inconsistent claims — a search over plausible mistakes that reproduce the phrase
//! (`super::diagnose`).
//!
//! This module owns the verdicts and the structured results: every figure's
//! [`FigureCheck`], every claim's [`ClaimOutcome`] and [`Diagnosis`] list, as values with
//! their currency, intervals and the parameters of each finding. It writes no sentences:
//! `crate::render::verify` says all of it in words, for the terminal, JSON and the report.
//!
//! Verdicts (docs/verification.md):
//! - `consistent`: the computed interval and the phrase's interval overlap, and the value
//!   computed from the numbers as printed lies in the phrase's interval;
//! - `consistent-by-rounding`: they overlap, but the printed numbers' own value does not fit;
//! - `inconsistent`: no overlap;
//! - `unverifiable`: a figure or the data is missing, or the phrase does not speak of the
//!   kind of quantity the value is.

use rust_decimal::Decimal;

use super::claims::{Assertion, Binding, Claim, ClaimsFile, Figure, TradeMeasure};
pub use super::diagnose::{Diagnosis, DiagnosisKind};
use super::diagnose::{diagnose, periods_differ};
use super::expr::{EvalError, Kind, Operand, evaluate};
use super::interval::{Interval, Q, Range, q, q_int};
use super::phrase::{Measure, Phrase, Rounding};
use crate::flows::PairFlows;
use crate::frame::{Selection, TradeFrame};
use crate::metrics::request::FlowChoice;
use crate::metrics::{Value, balance, flow_value};
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

/// An exact amount of money in base units (USD, not USD million).
#[derive(Clone, Debug, PartialEq)]
pub struct Money {
    pub amount: Decimal,
    pub currency: String,
    /// Summed from the data's shorter periods (months, quarters) inside the one asked for.
    pub rolled_up: bool,
}

/// Why a bound figure has no value in the data.
#[derive(Clone, Debug, PartialEq)]
pub enum MissingReason {
    /// No record for the binding's reporter, partner and period.
    NoRecords,
    /// The records do not cover the binding's period.
    NoPeriod,
    /// No row of the binding's commodity for this flow.
    NoCommodityRow { flow: Flow },
    /// Said by a lower layer (the data's error, or the metric's reason for a gap).
    Data(String),
    /// The metric is missing and gave no reason.
    Unexplained,
    /// The data's shorter periods cover only `covered` of the period's `months` months.
    Partial { covered: u8, months: u8 },
}

/// How a printed figure relates to the data's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// The data's value lies in the printed interval.
    Within,
    /// It does not.
    Outside,
    /// The figure is printed as another kind of quantity than an amount in the data's
    /// currency.
    OtherMeasure,
}

/// What checking a figure found.
#[derive(Clone, Debug, PartialEq)]
pub enum FigureCheck {
    /// Not bound to the data: checked only against the other figures.
    NotBound,
    /// Bound, but no data file was given.
    NoData,
    /// Bound, and the data has no value for it.
    NotFound {
        binding: Binding,
        reason: MissingReason,
    },
    /// Bound, no printed number: the value is taken from the data.
    FromData { binding: Binding, value: Money },
    /// Bound and printed: the data's value against the printed phrase.
    Compared {
        binding: Binding,
        value: Money,
        printed: Box<Phrase>,
        fit: Fit,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct FigureResult {
    pub id: String,
    pub line: usize,
    pub printed: Option<String>,
    pub check: FigureCheck,
}

impl FigureResult {
    pub fn status(&self) -> FigureStatus {
        match &self.check {
            FigureCheck::NotBound | FigureCheck::FromData { .. } => FigureStatus::Unchecked,
            FigureCheck::NoData | FigureCheck::NotFound { .. } => FigureStatus::NotInData,
            FigureCheck::Compared { fit, .. } => match fit {
                Fit::Within => FigureStatus::Confirmed,
                Fit::Outside | Fit::OtherMeasure => FigureStatus::Contradicted,
            },
        }
    }

    /// The data's value, when the figure is bound and found.
    pub fn data_value(&self) -> Option<&Money> {
        match &self.check {
            FigureCheck::FromData { value, .. } | FigureCheck::Compared { value, .. } => {
                Some(value)
            }
            _ => None,
        }
    }
}

/// Why a figure cannot be an operand of a claim's expression.
#[derive(Clone, Debug, PartialEq)]
pub enum OperandError {
    UnknownFigure(String),
    /// The printed phrase ("more than $5 million") is bounded on one side only.
    OneSided {
        id: String,
        printed: String,
    },
    /// No printed value and no value from the data; `figure` says what its check found.
    NoValue {
        id: String,
        figure: Option<Box<FigureCheck>>,
    },
}

/// Why a phrase cannot speak of a value of this kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// An amount in `phrase`'s currency, a value in `value`'s.
    Currency { phrase: String, value: String },
    /// The phrase states an amount; the value is a ratio.
    AmountForRatio,
    /// The phrase states a ratio or a change; the value is an amount.
    RatioForAmount,
    /// The phrase states percentage points; the value is not a difference of percentages.
    PointsForNonDifference,
}

/// What evaluating a claim came to.
#[derive(Clone, Debug, PartialEq)]
pub enum ClaimOutcome {
    /// The claim's expression has no value.
    NotEvaluated(EvalError<OperandError>),
    /// `says`: the phrase does not speak of the value's kind.
    Incomparable(Mismatch),
    /// `says`: the value (`value`, in its own kind; `computed`, in the phrase's terms)
    /// against what the phrase allows.
    Says {
        value: Operand,
        computed: Range,
        phrase: String,
        allowed: Interval,
        measure: Measure,
    },
    /// `equals`: the target figure has no value.
    NoTarget(OperandError),
    /// `equals`: the value and the target are different kinds of quantity.
    KindsDiffer {
        value: Kind,
        target: String,
        target_kind: Kind,
    },
    /// `equals`: the value against the target figure's interval.
    Equals {
        value: Operand,
        target: String,
        target_value: Operand,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimResult {
    pub id: Option<String>,
    pub line: usize,
    pub quote: String,
    /// What the claim asserts: a phrase, or a figure it must equal.
    pub assertion: Assertion,
    pub value_text: String,
    pub verdict: Verdict,
    /// The computed value in the terms of the comparison (fractions for changes and
    /// shares, base currency units for money).
    pub computed: Option<Range>,
    /// What the phrase or the equal figure allows, in the same terms.
    pub allowed: Option<Interval>,
    pub outcome: ClaimOutcome,
    pub diagnoses: Vec<Diagnosis>,
}

impl ClaimResult {
    /// The phrase's measure (`None` for `equals` claims).
    pub fn measure(&self) -> Option<&Measure> {
        match &self.assertion {
            Assertion::Says(p) => Some(&p.measure),
            Assertion::Equals(_) => None,
        }
    }

    /// The currency of the compared value, when it is an amount.
    pub fn currency(&self) -> Option<&str> {
        let kind = match &self.outcome {
            ClaimOutcome::Says { value, .. } | ClaimOutcome::Equals { value, .. } => &value.kind,
            _ => return None,
        };
        match kind {
            Kind::Money(c) => Some(c),
            _ => None,
        }
    }
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
                || c.diagnoses
                    .iter()
                    .any(|d| d.kind() == DiagnosisKind::Period)
        }) || self
            .figures
            .iter()
            .any(|f| f.status() == FigureStatus::Contradicted)
    }
}

/// Looks a binding up in the data: its exact value in base units, or why not.
pub fn data_value(frame: &TradeFrame, b: &Binding) -> Result<Money, MissingReason> {
    // Every period of the pair: a year or a quarter asked for is rolled up from the months
    // (or quarters) the data holds.
    let selection = Selection {
        reporter: Some(b.reporter.clone()),
        partner: Some(b.partner.clone()),
        periods: Vec::new(),
    };
    let lower = |e: crate::Error| MissingReason::Data(e.to_string());
    let totals = frame.totals(&selection).map_err(lower)?;
    if totals.is_empty() {
        return Err(MissingReason::NoRecords);
    }
    let rolled_up = !totals.iter().any(|t| t.period == b.period);
    let totals = crate::metrics::periods::rollup_to(&totals, b.period);
    if totals.is_empty() {
        return Err(MissingReason::NoPeriod);
    }
    let flows =
        PairFlows::from_totals(&totals, |t| format!("line {}", t.origin.line)).map_err(lower)?;
    let p = flows.period(b.period).ok_or(MissingReason::NoPeriod)?;
    if p.is_partial() {
        return Err(MissingReason::Partial {
            covered: p.months_covered,
            months: b.period.months(),
        });
    }
    let amount = if b.commodity != Commodity::Total {
        let flow = match b.measure {
            TradeMeasure::Imports => Flow::Import,
            _ => Flow::Export,
        };
        p.parts
            .iter()
            .find(|part| part.flow == flow && part.commodity == b.commodity)
            .map(|part| part.value)
            .ok_or(MissingReason::NoCommodityRow { flow })?
    } else {
        let v = match b.measure {
            TradeMeasure::Exports => flow_value(p, FlowChoice::Exports),
            TradeMeasure::Imports => flow_value(p, FlowChoice::Imports),
            TradeMeasure::Turnover => flow_value(p, FlowChoice::Turnover),
            TradeMeasure::Balance => {
                (p.exports).zip(&p.imports, |x, m| Value::Known(balance(x, m)))
            }
        };
        v.known().ok_or_else(|| match v.reason() {
            Some(reason) => MissingReason::Data(reason.to_string()),
            None => MissingReason::Unexplained,
        })?
    };
    Ok(Money {
        amount,
        currency: flows.currency,
        rolled_up,
    })
}

/// The value in the phrase's terms, or why the phrase cannot speak of it.
pub(super) fn in_terms_of(op: &Operand, measure: &Measure) -> Result<Range, Mismatch> {
    let one = q_int(1);
    match (measure, &op.kind) {
        (Measure::Amount { currency }, Kind::Money(c)) if c == currency => Ok(op.range.clone()),
        (Measure::Amount { currency }, Kind::Money(c)) => Err(Mismatch::Currency {
            phrase: currency.clone(),
            value: c.clone(),
        }),
        (Measure::Amount { .. }, _) => Err(Mismatch::AmountForRatio),
        (_, Kind::Money(_)) => Err(Mismatch::RatioForAmount),
        (Measure::Multiple | Measure::Share | Measure::Number, Kind::Change) => {
            Ok(op.range.map(|v| v + &one))
        }
        (Measure::Multiple | Measure::Share | Measure::Number, _) => Ok(op.range.clone()),
        (Measure::Change, Kind::Ratio) => Ok(op.range.map(|v| v - &one)),
        (Measure::Change, _) => Ok(op.range.clone()),
        (Measure::Points, Kind::Number) => Ok(op.range.map(|v| v * q_int(100))),
        (Measure::Points, _) => Err(Mismatch::PointsForNonDifference),
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

/// The claims file and its figures' results, for evaluating claims.
pub(super) struct Context<'a> {
    pub(super) file: &'a ClaimsFile,
    figures: &'a [FigureResult],
}

impl Context<'_> {
    pub(super) fn figure(&self, id: &str) -> Option<&Figure> {
        self.file.figures.iter().find(|f| f.id == id)
    }

    /// A figure as an operand: its printed interval, else its data value.
    pub(super) fn operand(&self, id: &str) -> Result<Operand, OperandError> {
        let f = self
            .figure(id)
            .ok_or_else(|| OperandError::UnknownFigure(id.to_string()))?;
        if let Some(p) = &f.printed {
            let one_sided = || OperandError::OneSided {
                id: id.to_string(),
                printed: p.text.clone(),
            };
            let point = p.point.as_ref().ok_or_else(one_sided)?;
            let zero = q_int(0);
            // "more than $281 mln" as a term of a sum or a ratio: a little more, at most 10%
            // (the width the lexicon gives "nearly" below its number), as a careful reader
            // takes it; left unbounded, nothing could be said of any sum that uses it.
            let (low, high) = match (p.interval.low_value(), p.interval.high_value()) {
                (Some(low), Some(high)) => (low.clone(), high.clone()),
                (Some(low), None) if *low > zero => {
                    (low.clone(), low * Q::new(11.into(), 10.into()))
                }
                (None, Some(high)) if *high > zero => {
                    (high * Q::new(9.into(), 10.into()), high.clone())
                }
                _ => return Err(one_sided()),
            };
            let (low, high) = (&low, &high);
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
        match result.and_then(|r| r.data_value()) {
            Some(m) => Ok(Operand {
                range: Range::exact(q(m.amount)),
                kind: Kind::Money(m.currency.clone()),
            }),
            None => Err(OperandError::NoValue {
                id: id.to_string(),
                figure: result.map(|r| Box::new(r.check.clone())),
            }),
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
    FigureResult {
        id: f.id.clone(),
        line: f.line,
        printed: f.printed.as_ref().map(|p| p.text.clone()),
        check: figure_check(f, frame),
    }
}

fn figure_check(f: &Figure, frame: Option<&TradeFrame>) -> FigureCheck {
    let Some(binding) = &f.binding else {
        return FigureCheck::NotBound;
    };
    let Some(frame) = frame else {
        return FigureCheck::NoData;
    };
    let binding = binding.clone();
    let value = match data_value(frame, &binding) {
        Err(reason) => return FigureCheck::NotFound { binding, reason },
        Ok(value) => value,
    };
    let Some(printed) = &f.printed else {
        return FigureCheck::FromData { binding, value };
    };
    let fit = match &printed.measure {
        Measure::Amount { currency } if *currency == value.currency => {
            if printed.interval.contains(&q(value.amount)) {
                Fit::Within
            } else {
                Fit::Outside
            }
        }
        _ => Fit::OtherMeasure,
    };
    FigureCheck::Compared {
        binding,
        value,
        printed: Box::new(printed.clone()),
        fit,
    }
}

fn check_claim(c: &Claim, cx: &Context<'_>) -> ClaimResult {
    let lookup = |id: &str| cx.operand(id);
    let outcome = match evaluate(&c.value, &lookup) {
        Err(e) => ClaimOutcome::NotEvaluated(e),
        Ok(op) => match &c.assertion {
            Assertion::Says(phrase) => says(phrase, op),
            Assertion::Equals(id) => equals(id, op, cx),
        },
    };
    let (verdict, computed, allowed) = match &outcome {
        ClaimOutcome::Says {
            computed, allowed, ..
        } => (
            judge(allowed, computed),
            Some(computed.clone()),
            Some(allowed.clone()),
        ),
        ClaimOutcome::Equals {
            value,
            target_value,
            ..
        } => {
            let target = &target_value.range;
            let allowed = Interval::closed(target.low.clone(), target.high.clone());
            // The point that must fit is the target's as printed, against the computed
            // range, and the computed point against the target's interval.
            (
                judge(&allowed, &value.range),
                Some(value.range.clone()),
                Some(allowed),
            )
        }
        _ => (Verdict::Unverifiable, None, None),
    };
    let mut diagnoses = Vec::new();
    if let (ClaimOutcome::Says { value, .. }, Assertion::Says(phrase)) = (&outcome, &c.assertion)
        && verdict == Verdict::Inconsistent
    {
        diagnoses = diagnose(c, phrase, value, cx);
    }
    if matches!(
        outcome,
        ClaimOutcome::Says { .. } | ClaimOutcome::Equals { .. }
    ) && let Some(d) = periods_differ(c, cx)
    {
        diagnoses.push(d);
    }
    ClaimResult {
        id: c.id.clone(),
        line: c.line,
        quote: c.quote.clone(),
        assertion: c.assertion.clone(),
        value_text: c.value_text.clone(),
        verdict,
        computed,
        // A phrase allows its interval even when the value cannot be compared with it.
        allowed: match &c.assertion {
            Assertion::Says(p) => Some(p.interval.clone()),
            Assertion::Equals(_) => allowed,
        },
        outcome,
        diagnoses,
    }
}

/// A `says` claim's value in the phrase's terms, or why the phrase cannot speak of it.
fn says(phrase: &Phrase, op: Operand) -> ClaimOutcome {
    match in_terms_of(&op, &phrase.measure) {
        Err(mismatch) => ClaimOutcome::Incomparable(mismatch),
        Ok(computed) => ClaimOutcome::Says {
            value: op,
            computed,
            phrase: phrase.text.clone(),
            allowed: phrase.interval.clone(),
            measure: phrase.measure.clone(),
        },
    }
}

/// An `equals` claim's value beside its target figure's.
fn equals(id: &str, op: Operand, cx: &Context<'_>) -> ClaimOutcome {
    match cx.operand(id) {
        // "over US$133 billion" as the total: the sum must lie in what the words allow.
        Err(OperandError::OneSided { .. }) => {
            match cx.figure(id).and_then(|f| f.printed.as_ref()) {
                Some(printed) => says(printed, op),
                None => ClaimOutcome::NoTarget(OperandError::UnknownFigure(id.to_string())),
            }
        }
        Err(e) => ClaimOutcome::NoTarget(e),
        Ok(target) if target.kind != op.kind => ClaimOutcome::KindsDiffer {
            value: op.kind,
            target: id.to_string(),
            target_kind: target.kind,
        },
        Ok(target) => ClaimOutcome::Equals {
            value: op,
            target: id.to_string(),
            target_value: target,
        },
    }
}

#[cfg(test)]
mod tests;

/// For unit tests here and in `render`: a claims file's text, checked without data.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Verification, verify};
    use crate::verify::claims::ClaimsFile;
    use crate::verify::lexicon::Lexicon;
    use crate::verify::phrase::Rounding;

    pub(crate) fn run(toml: &str) -> Verification {
        let file = ClaimsFile::parse(
            toml,
            std::path::Path::new("t.toml"),
            Lexicon::built_in(),
            Rounding::HalfUnit,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        verify(&file, None, Rounding::HalfUnit, "test")
    }

    /// A `[[figure]]` with an id and a printed number.
    pub(crate) fn figure(id: &str, printed: &str) -> String {
        format!("[[figure]]\nid = \"{id}\"\nprinted = \"{printed}\"\n\n")
    }
}
