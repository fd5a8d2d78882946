//! The sentences of verification: what a figure's check found, how a claim was computed
//! and why it is unverifiable, and what each diagnosis shows. Made here from the
//! structured results of `crate::verify::check`, once, for the terminal, the JSON contract
//! and the report alike.

use num_traits::{One, Signed};

use crate::verify::check::{
    ClaimOutcome, ClaimResult, Diagnosis, FigureCheck, Fit, Mismatch, MissingReason, Money,
    OperandError, Verdict,
};
use crate::verify::claims::Binding;
use crate::verify::expr::{Arithmetic, EvalError, Kind, Operand, Operation};
use crate::verify::interval::{Interval, Q, Range, ZeroDivisor, decimal_string, q, q_int};
use crate::verify::phrase::{Direction, Measure, Rounding};

/// An amount with its currency and a scale word: "10.69 USD million".
/// The rounding rule, named and said: how a printed number becomes an interval.
pub fn rounding_policy(rounding: Rounding) -> String {
    let meaning = match rounding {
        Rounding::HalfUnit => {
            "a printed number stands for ± half a unit of its last significant digit"
        }
        Rounding::Exact => "a printed number stands for itself, exactly",
        Rounding::Truncated => {
            "printed numbers were cut, not rounded: each stands for up to one unit of its last digit above it"
        }
    };
    format!("{} ({meaning})", rounding.name())
}

pub fn show_money(value: &Q, currency: &str) -> String {
    let abs = value.abs();
    let scale = crate::render::money_scale(|s| abs >= q_int(10i64.pow(s)));
    let unit = crate::model::Unit {
        currency: currency.to_string(),
        scale,
    };
    let shown = value / q_int(10i64.pow(scale));
    format!("{} {unit}", decimal_string(&shown, 4))
}

/// The data's exact value of a figure.
pub fn money(m: &Money) -> String {
    let shown = show_money(&q(m.amount), &m.currency);
    if m.rolled_up {
        format!("{shown} (summed from the shorter periods the data holds)")
    } else {
        shown
    }
}

/// A value in the terms of its kind: an amount, a ratio "0.348 (×0.35)", a change "+12.2%".
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

/// A phrase's interval in its own unit: "[4.5, 5.5] %", "[10685000, 10695000] USD".
fn describe_allowed(interval: &Interval, measure: &Measure) -> String {
    match measure {
        Measure::Change | Measure::Share => format!("{} %", interval.describe(&q_int(100), 2)),
        Measure::Amount { currency } => format!("{} {currency}", interval.describe(&Q::one(), 2)),
        _ => interval.describe(&Q::one(), 4),
    }
}

/// Where a figure sits in the data: "turnover RU-FE → PRK 2019-Q1 (oil products)".
fn binding(b: &Binding) -> String {
    let commodity = if b.commodity == crate::model::Commodity::Total {
        String::new()
    } else {
        format!(" ({})", b.commodity)
    };
    format!(
        "{} {} → {} {}{commodity}",
        b.measure.name(),
        b.reporter,
        b.partner,
        b.period
    )
}

fn missing(b: &Binding, reason: &MissingReason) -> String {
    match reason {
        MissingReason::NoRecords => {
            format!(
                "no records for {} → {} in {}",
                b.reporter, b.partner, b.period
            )
        }
        MissingReason::NoPeriod => format!("no {} in the data", b.period),
        MissingReason::NoCommodityRow { flow } => {
            format!(
                "no {} row for {} in {}",
                b.commodity,
                flow.plural(),
                b.period
            )
        }
        MissingReason::Data(reason) => reason.clone(),
        MissingReason::Unexplained => "missing".to_string(),
        MissingReason::Partial { covered, months } => format!(
            "the data covers only {covered} of the {months} months of {} (partial: not compared)",
            b.period
        ),
    }
}

/// What checking a figure found, in a sentence.
pub fn figure_explanation(check: &FigureCheck) -> String {
    match check {
        FigureCheck::NotBound => {
            "not bound to the data; checked only against the other figures".into()
        }
        FigureCheck::NoData => "no data file given (add `data` under [source] or --data)".into(),
        FigureCheck::NotFound { binding: b, reason } => {
            format!("{}: {}", binding(b), missing(b, reason))
        }
        FigureCheck::FromData { binding: b, value } => {
            format!("{} = {} (taken from the data)", binding(b), money(value))
        }
        FigureCheck::Compared {
            binding: b,
            value,
            printed,
            fit,
        } => {
            let what = format!("{} = {} in the data", binding(b), money(value));
            match fit {
                Fit::Within | Fit::Outside => format!(
                    "{what}, {} \"{}\" {}",
                    if *fit == Fit::Within {
                        "within"
                    } else {
                        "outside"
                    },
                    printed.text,
                    describe_allowed(&printed.interval, &printed.measure)
                ),
                Fit::OtherMeasure => format!(
                    "{what}, but \"{}\" is a {}",
                    printed.text,
                    printed.measure.name()
                ),
            }
        }
    }
}

fn operand_error(e: &OperandError) -> String {
    match e {
        OperandError::UnknownFigure(id) => format!("unknown figure `{id}`"),
        OperandError::OneSided { id, printed } => {
            format!("figure `{id}` (\"{printed}\") is only bounded on one side")
        }
        OperandError::NoValue { id, figure } => format!(
            "figure `{id}` has no printed value and {}",
            figure
                .as_deref()
                .map_or("no data".to_string(), figure_explanation)
        ),
    }
}

fn arithmetic(a: &Arithmetic) -> String {
    match a {
        Arithmetic::Currencies { operation, a, b } => {
            let verb = match operation {
                Operation::Add => format!("adds {a} and {b}"),
                Operation::Divide => format!("divides {a} by {b}"),
                Operation::Change => format!("compares {a} with {b}"),
            };
            format!("{verb}: convert one currency first")
        }
        Arithmetic::AmountAndRatio(Operation::Change) => "change() of an amount and a ratio".into(),
        Arithmetic::AmountAndRatio(_) => "adds an amount and a ratio".into(),
        Arithmetic::TwoAmounts => "multiplies two amounts".into(),
        Arithmetic::RatioByAmount => "divides a ratio by an amount".into(),
        Arithmetic::NotPositive => {
            "an average yearly rate between amounts that are not both positive".into()
        }
        Arithmetic::Division(ZeroDivisor::Zero) => "division by zero".into(),
        Arithmetic::Division(ZeroDivisor::RoundsToZero) => {
            "division by a figure whose rounding interval contains zero".into()
        }
    }
}

fn mismatch(m: &Mismatch) -> String {
    match m {
        Mismatch::Currency { phrase, value } => {
            format!("the phrase is in {phrase}, the value in {value}")
        }
        Mismatch::AmountForRatio => "the phrase states an amount; the value is a ratio".into(),
        Mismatch::RatioForAmount => {
            "the phrase states a ratio or a change; the value is an amount".into()
        }
        Mismatch::PointsForNonDifference => {
            "the phrase states percentage points; the value is not a difference of percentages"
                .into()
        }
    }
}

/// A value and its range: "x + m = 10.69 USD million, in [10.68 USD million, …]".
fn equal_side(name: &str, op: &Operand) -> String {
    let bound = |v: &Q| match &op.kind {
        Kind::Money(currency) => show_money(v, currency),
        _ => decimal_string(v, 4),
    };
    format!(
        "{name} = {}, in [{}, {}]",
        show(&op.range, &op.kind),
        bound(&op.range.low),
        bound(&op.range.high)
    )
}

/// How a claim was computed and compared, or why it could not be, in a sentence.
pub fn claim_explanation(c: &ClaimResult) -> String {
    match &c.outcome {
        ClaimOutcome::NotEvaluated(EvalError::Figure(e)) => {
            format!("{}: {}", c.value_text, operand_error(e))
        }
        ClaimOutcome::NotEvaluated(EvalError::Arithmetic(a)) => {
            format!("{}: {}", c.value_text, arithmetic(a))
        }
        ClaimOutcome::Incomparable(m) => mismatch(m),
        ClaimOutcome::Says {
            value,
            computed,
            phrase,
            allowed,
            measure,
        } => {
            let bound = |v: &Q| match measure {
                Measure::Amount { currency } => show_money(v, currency),
                _ => decimal_string(v, 4),
            };
            let mut text = format!(
                "{} = {}, in [{}, {}]; \"{phrase}\" allows {}",
                c.value_text,
                show(&value.range, &value.kind),
                bound(&computed.low),
                bound(&computed.high),
                describe_allowed(allowed, measure)
            );
            if c.verdict == Verdict::ConsistentByRounding {
                text.push_str("; only the rounding of the printed numbers makes them agree");
            }
            text
        }
        ClaimOutcome::NoTarget(e) => operand_error(e),
        ClaimOutcome::KindsDiffer {
            value,
            target,
            target_kind,
        } => format!(
            "{} is {value:?} but {target} is {target_kind:?}: they cannot be equal",
            c.value_text
        ),
        ClaimOutcome::Equals {
            value,
            target,
            target_value,
        } => format!(
            "{}; {}",
            equal_side(&c.value_text, value),
            equal_side(target, target_value)
        ),
    }
}

/// What a diagnosis shows, in a sentence.
pub fn diagnosis_detail(d: &Diagnosis) -> String {
    match d {
        Diagnosis::Direction {
            claimed,
            change_percent,
        } => {
            let change = decimal_string(change_percent, 1);
            match claimed {
                Direction::Up => format!(
                    "the text says an increase, but the value fell by {}%",
                    change.trim_start_matches('-')
                ),
                Direction::Down => {
                    format!("the text says a fall, but the value rose by {change}%")
                }
            }
        }
        Diagnosis::Inverse {
            inverted,
            value,
            phrase,
        } => format!(
            "the ratio the wrong way round, {inverted} = {}, reproduces \"{phrase}\"",
            decimal_string(value, 2)
        ),
        Diagnosis::WrongBase {
            base,
            instead_of,
            value,
            phrase,
        } => format!(
            "with {base} as the base instead of {instead_of}, the value is {}, which reproduces \"{phrase}\"",
            show(&value.range, &value.kind)
        ),
        Diagnosis::PointsAsPercent { points, phrase } => format!(
            "the shares differ by {} percentage points; \"{phrase}\" reads that difference as a percent change",
            decimal_string(points, 2)
        ),
        Diagnosis::PercentAsPoints { percent, phrase } => format!(
            "the relative change is {}%; \"{phrase}\" calls it percentage points",
            decimal_string(percent, 2)
        ),
        Diagnosis::Period { first, other } => format!(
            "compares {} ({}, {} months) with {} ({}, {} months)",
            first.0,
            first.1.describe(),
            first.1.months(),
            other.0,
            other.1.describe(),
            other.1.months()
        ),
    }
}

/// What a claim asserts, for tables: the phrase, or "= figure".
pub fn asserts(c: &ClaimResult) -> String {
    match &c.assertion {
        crate::verify::claims::Assertion::Says(p) => p.text.clone(),
        crate::verify::claims::Assertion::Equals(id) => format!("= {id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Commodity, Flow, Period};
    use crate::verify::claims::TradeMeasure;
    use crate::verify::lexicon::Lexicon;
    use crate::verify::phrase::Rounding;

    use crate::verify::check::testing::{figure, run};

    #[test]
    fn a_claim_and_its_diagnoses_in_words() {
        let v = run(&format!(
            "{}{}[[claim]]\nquote = \"q\"\nsays = \"a triple growth\"\nvalue = \"a / b\"\n",
            figure("a", "$10.69 million"),
            figure("b", "$30.72 million"),
        ));
        let c = &v.claims[0];
        assert_eq!(
            claim_explanation(c),
            "a / b = 0.348 (×0.35), in [0.3478, 0.3482]; \"a triple growth\" allows [2.5, 3.5]"
        );
        let details: Vec<String> = c.diagnoses.iter().map(diagnosis_detail).collect();
        assert_eq!(
            details,
            [
                "the text says an increase, but the value fell by 65.2%",
                "the ratio the wrong way round, b / a = 2.87, reproduces \"a triple growth\"",
            ]
        );
        assert_eq!(asserts(c), "a triple growth");
        assert_eq!(
            figure_explanation(&v.figures[0].check),
            "not bound to the data; checked only against the other figures"
        );
    }

    #[test]
    fn unverifiable_claims_say_why() {
        let v = run(&(format!(
            "{}{}[[claim]]\nquote = \"q\"\nsays = \"rose 5%\"\nvalue = \"a\"\n\n\
             [[claim]]\nquote = \"q\"\nsays = \"doubled\"\nvalue = \"a / zero\"\n\n\
             [[claim]]\nquote = \"q\"\nequals = \"a\"\nvalue = \"0.5\"\n\n\
             [[claim]]\nquote = \"q\"\nsays = \"doubled\"\nvalue = \"change(a, yuan)\"\n",
            figure("a", "$5 million"),
            figure("zero", "$0"),
        ) + &figure("yuan", "448.8 million yuan")));
        let said: Vec<String> = v.claims.iter().map(claim_explanation).collect();
        assert_eq!(
            said,
            [
                "the phrase states a ratio or a change; the value is an amount",
                "a / zero: division by zero",
                "0.5 is Number but a is Money(\"USD\"): they cannot be equal",
                "change(a, yuan): compares USD with CNY: convert one currency first",
            ]
        );
    }

    #[test]
    fn figures_against_the_data_in_words() {
        let b = Binding {
            measure: TradeMeasure::Exports,
            reporter: "RU-FE".into(),
            partner: "PRK".into(),
            period: Period::parse("2019-Q1").unwrap(),
            commodity: Commodity::Total,
        };
        let coal = Binding {
            commodity: Commodity::parse("coal").unwrap(),
            ..b.clone()
        };
        let value = Money {
            amount: "10670000".parse().unwrap(),
            currency: "USD".into(),
            rolled_up: false,
        };
        assert_eq!(
            figure_explanation(&FigureCheck::NotFound {
                binding: coal,
                reason: MissingReason::NoCommodityRow { flow: Flow::Export },
            }),
            "exports RU-FE → PRK 2019-Q1 (coal): no coal row for exports in 2019-Q1"
        );
        assert_eq!(
            figure_explanation(&FigureCheck::FromData {
                binding: b.clone(),
                value: value.clone(),
            }),
            "exports RU-FE → PRK 2019-Q1 = 10.67 USD million (taken from the data)"
        );
        let printed =
            crate::verify::phrase::parse("40%", Lexicon::built_in(), Rounding::HalfUnit).unwrap();
        assert_eq!(
            figure_explanation(&FigureCheck::Compared {
                binding: b,
                value,
                printed: Box::new(printed),
                fit: Fit::OtherMeasure,
            }),
            "exports RU-FE → PRK 2019-Q1 = 10.67 USD million in the data, but \"40%\" is a share"
        );
    }
}
