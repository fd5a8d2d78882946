//! Unit tests of the checker: verdicts, figures, unverifiable claims and diagnoses.
use super::*;
use crate::verify::interval::{Q, decimal_string};
use crate::verify::phrase::Direction;

use super::testing::{figure, run};

fn says(value: &str, phrase: &str) -> String {
    format!("[[claim]]\nquote = \"q\"\nsays = \"{phrase}\"\nvalue = \"{value}\"\n\n")
}

fn only(v: &Verification) -> &ClaimResult {
    assert_eq!(v.claims.len(), 1);
    &v.claims[0]
}

fn diagnoses(c: &ClaimResult) -> Vec<DiagnosisKind> {
    c.diagnoses.iter().map(Diagnosis::kind).collect()
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
    assert_eq!(
        diagnoses(c),
        [DiagnosisKind::Direction, DiagnosisKind::Inverse]
    );
    let Diagnosis::Direction {
        claimed,
        change_percent,
    } = &c.diagnoses[0]
    else {
        panic!("{:?}", c.diagnoses)
    };
    assert_eq!(*claimed, Direction::Up);
    assert_eq!(decimal_string(change_percent, 1), "-65.2");
    let Diagnosis::Inverse {
        inverted,
        value,
        phrase,
    } = &c.diagnoses[1]
    else {
        panic!("{:?}", c.diagnoses)
    };
    assert_eq!(inverted, "b / a");
    assert_eq!(decimal_string(value, 2), "2.87");
    assert_eq!(phrase, "a triple growth");
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
    assert_eq!(
        c.outcome,
        ClaimOutcome::Incomparable(Mismatch::RatioForAmount)
    );
    assert_eq!(c.computed, None);
    let v = run(&format!(
        "[[figure]]\nid = \"a\"\nmeasure = \"exports\"\nreporter = \"A\"\npartner = \"B\"\nperiod = \"2019\"\n\n{}{}",
        figure("b", "$5 million"),
        says("a / b", "doubled")
    ));
    assert_eq!(v.figures[0].status(), FigureStatus::NotInData);
    assert_eq!(v.figures[0].check, FigureCheck::NoData);
    let c = only(&v);
    assert_eq!(c.verdict, Verdict::Unverifiable);
    assert_eq!(
        c.outcome,
        ClaimOutcome::NotEvaluated(EvalError::Figure(OperandError::NoValue {
            id: "a".into(),
            figure: Some(Box::new(FigureCheck::NoData)),
        }))
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
    assert_eq!(diagnoses(c), [DiagnosisKind::Direction]);
    assert!(
        matches!(
            &c.diagnoses[0],
            Diagnosis::Direction { claimed: Direction::Up, change_percent }
                if decimal_string(change_percent, 1) == "-65.2"
        ),
        "{:?}",
        c.diagnoses
    );
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
    assert_eq!(diagnoses(c), [DiagnosisKind::WrongBase]);
    let Diagnosis::WrongBase {
        base,
        instead_of,
        value,
        phrase,
    } = &c.diagnoses[0]
    else {
        panic!("{:?}", c.diagnoses)
    };
    assert_eq!((base.as_str(), instead_of.as_str()), ("y2017", "y2018"));
    assert_eq!(value.kind, Kind::Change);
    assert_eq!(decimal_string(&value.range.point, 4), "0.4");
    assert_eq!(phrase, "rose 40%");
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
        c.diagnoses.iter().any(|d| matches!(
            d,
            Diagnosis::PointsAsPercent { points, .. } if decimal_string(points, 2) == "5"
        )),
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
        only(&v).diagnoses.iter().any(|d| matches!(
            d,
            Diagnosis::PercentAsPoints { percent, .. } if decimal_string(percent, 2) == "12.2"
        )),
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
    assert_eq!(diagnoses(c), [DiagnosisKind::Period]);
    let Diagnosis::Period { first, other } = &c.diagnoses[0] else {
        panic!("{:?}", c.diagnoses)
    };
    assert_eq!((first.0.as_str(), first.1.months()), ("year", 12));
    assert_eq!((other.0.as_str(), other.1.months()), ("ytd", 11));
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
