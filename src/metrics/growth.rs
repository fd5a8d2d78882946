//! Growth over time: year-over-year, period-over-period, growth multiple, index, CAGR, and
//! change in percentage points — on a series of (period, value) points.
//!
//! Comparisons are only between periods of equal length and position (2019-Q1 with
//! 2018-Q1; January–November with January–November). A comparison that cannot be made is
//! `Value::Missing` with the reason. Partial periods (from a roll-up) are skipped unless
//! `allow_partial`.

use rust_decimal::Decimal;

use super::{Value, growth_rate, ratio};
use crate::model::{Period, PeriodKind};

/// One observation of a measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub period: Period,
    pub value: Value,
    /// Months of the period the value covers (less than `period.months()` = partial).
    pub months_covered: u8,
}

impl Point {
    pub fn is_partial(&self) -> bool {
        self.months_covered < self.period.months()
    }
}

fn find(series: &[Point], period: Period) -> Option<&Point> {
    series.iter().find(|p| p.period == period)
}

/// The two values to compare, or why they cannot be.
fn pair(
    series: &[Point],
    current: &Point,
    base_period: Option<Period>,
    allow_partial: bool,
) -> Result<(Decimal, Decimal), String> {
    let base_period = base_period
        .ok_or_else(|| format!("{} has no earlier period of the same kind", current.period))?;
    let base = find(series, base_period)
        .ok_or_else(|| format!("no {base_period} in the data to compare with"))?;
    for p in [base, current] {
        if p.is_partial() && !allow_partial {
            return Err(format!(
                "{} is partial ({} of {} months); use --allow-partial to compare anyway",
                p.period,
                p.months_covered,
                p.period.months()
            ));
        }
    }
    let b = base
        .value
        .known()
        .ok_or_else(|| format!("{base_period}: {}", base.value.reason().unwrap_or("")))?;
    let c = current
        .value
        .known()
        .ok_or_else(|| current.value.reason().unwrap_or("").to_string())?;
    Ok((b, c))
}

/// The period just before `p` of the same kind (2019-Q1 → 2018-Q4, 2019-03 → 2019-02).
pub fn previous(p: Period) -> Option<Period> {
    match p.kind() {
        PeriodKind::Range => None,
        PeriodKind::Year => p.year_before(),
        _ => {
            let len = p.months();
            if p.first_month > len {
                Period::new(p.year, p.first_month - len, p.last_month - len).ok()
            } else {
                Period::new(p.year - 1, 12 - len + 1, 12).ok()
            }
        }
    }
}

fn each(series: &[Point], f: impl Fn(&Point) -> Value) -> Vec<Value> {
    series.iter().map(f).collect()
}

/// V_t / V_{t−1 year} − 1, for the same months a year earlier.
pub fn year_over_year(series: &[Point], allow_partial: bool) -> Vec<Value> {
    each(series, |p| {
        match pair(series, p, p.period.year_before(), allow_partial) {
            Ok((b, c)) => growth_rate(b, c),
            Err(r) => Value::Missing(r),
        }
    })
}

/// V_t / V_{t−1} − 1, against the immediately preceding period of the same length.
pub fn period_over_period(series: &[Point], allow_partial: bool) -> Vec<Value> {
    each(series, |p| {
        match pair(series, p, previous(p.period), allow_partial) {
            Ok((b, c)) => growth_rate(b, c),
            Err(r) => Value::Missing(r),
        }
    })
}

/// V_t / V_{t−1 year}: "×0.35" is a fall to about a third; "×3" is tripling.
pub fn multiple(series: &[Point], allow_partial: bool) -> Vec<Value> {
    each(series, |p| {
        match pair(series, p, p.period.year_before(), allow_partial) {
            Ok((b, c)) => ratio(c, b),
            Err(r) => Value::Missing(r),
        }
    })
}

/// 100 × V_t / V_base, for periods with the base's months (base: `base` or the first
/// period in the series).
pub fn index(
    series: &[Point],
    base: Option<Period>,
    allow_partial: bool,
) -> (Option<Period>, Vec<Value>) {
    let base = base.or_else(|| series.first().map(|p| p.period));
    let values = each(series, |p| {
        let Some(base) = base else {
            return Value::Missing("no base period".to_string());
        };
        if (p.period.first_month, p.period.last_month) != (base.first_month, base.last_month) {
            return Value::Missing(format!(
                "{} has other months than the base {base}",
                p.period
            ));
        }
        match pair(series, p, Some(base), allow_partial) {
            Ok((b, c)) => match ratio(c, b) {
                Value::Known(r) => Value::Known(r * Decimal::ONE_HUNDRED),
                m => m,
            },
            Err(r) => Value::Missing(r),
        }
    });
    (base, values)
}

/// (s_t − s_{t−1 year}) × 100: the change of a share in percentage points.
pub fn points_change(series: &[Point], allow_partial: bool) -> Vec<Value> {
    each(series, |p| {
        match pair(series, p, p.period.year_before(), allow_partial) {
            Ok((b, c)) => Value::Known((c - b) * Decimal::ONE_HUNDRED),
            Err(r) => Value::Missing(r),
        }
    })
}

/// A compound annual growth rate over a span of years.
#[derive(Clone, Debug, PartialEq)]
pub struct Cagr {
    pub start: Period,
    pub end: Period,
    pub years: u32,
    pub value: Value,
}

/// Digits CAGR roots are computed to (Newton's method in rust_decimal).
pub const CAGR_DECIMALS: u32 = 20;

/// (V_end / V_start)^(1/years) − 1 between the first and last complete, known points of
/// each kind of period (years with years, Q1s with Q1s), `years` = the difference of years.
pub fn cagr(series: &[Point], allow_partial: bool) -> Vec<Cagr> {
    let mut positions: Vec<(u8, u8)> = series
        .iter()
        .map(|p| (p.period.first_month, p.period.last_month))
        .collect();
    positions.sort();
    positions.dedup();
    let mut out = Vec::new();
    for (first, last) in positions {
        let usable: Vec<&Point> = series
            .iter()
            .filter(|p| (p.period.first_month, p.period.last_month) == (first, last))
            .filter(|p| allow_partial || !p.is_partial())
            .filter(|p| p.value.known().is_some())
            .collect();
        let (Some(start), Some(end)) = (usable.first(), usable.last()) else {
            continue;
        };
        if start.period == end.period {
            continue;
        }
        let years = u32::try_from(end.period.year - start.period.year).unwrap_or(0);
        let (Some(v0), Some(v1)) = (start.value.known(), end.value.known()) else {
            continue;
        };
        let value = if v0 <= Decimal::ZERO || v1 < Decimal::ZERO {
            Value::Missing("CAGR needs a positive start value".to_string())
        } else {
            match ratio(v1, v0) {
                Value::Known(r) => nth_root(r, years)
                    .map(|x| Value::Known(x - Decimal::ONE))
                    .unwrap_or_else(|| Value::Missing("the root did not converge".to_string())),
                m => m,
            }
        };
        out.push(Cagr {
            start: start.period,
            end: end.period,
            years,
            value,
        });
    }
    out
}

/// The positive n-th root of `x ≥ 0` by Newton's method, to `CAGR_DECIMALS` decimals.
pub fn nth_root(x: Decimal, n: u32) -> Option<Decimal> {
    if n == 0 || x < Decimal::ZERO {
        return None;
    }
    if x.is_zero() || n == 1 {
        return Some(x);
    }
    let nd = Decimal::from(n);
    let tolerance = Decimal::new(1, CAGR_DECIMALS + 2);
    // Start above the root so Newton descends monotonically.
    let mut guess = if x > Decimal::ONE { x } else { Decimal::ONE };
    for _ in 0..500 {
        let power = pow(guess, n - 1)?;
        if power.is_zero() {
            return None;
        }
        let next = ((nd - Decimal::ONE) * guess + x.checked_div(power)?) / nd;
        if (next - guess).abs() <= tolerance {
            return Some(crate::number::round(next, CAGR_DECIMALS));
        }
        guess = next;
    }
    None
}

fn pow(base: Decimal, exp: u32) -> Option<Decimal> {
    let mut result = Decimal::ONE;
    for _ in 0..exp {
        result = result.checked_mul(base)?;
    }
    Some(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn point(period: &str, value: &str) -> Point {
        let period = Period::parse(period).unwrap();
        Point {
            period,
            value: Value::Known(d(value)),
            months_covered: period.months(),
        }
    }

    #[test]
    fn year_over_year_matches_same_months_only() {
        let s = vec![
            point("2018-Q1", "30.72"),
            point("2018-Q2", "50"),
            point("2019-Q1", "10.69"),
        ];
        let yoy = year_over_year(&s, false);
        assert!(yoy[0].reason().unwrap().contains("no 2017-Q1"));
        assert_eq!(
            crate::number::round(yoy[2].known().unwrap(), 3),
            d("-0.652")
        );
        let m = multiple(&s, false);
        assert_eq!(crate::number::round(m[2].known().unwrap(), 4), d("0.3480"));
    }

    #[test]
    fn period_over_period_crosses_year_ends() {
        let s = vec![point("2018-Q4", "100"), point("2019-Q1", "80")];
        let pop = period_over_period(&s, false);
        assert_eq!(pop[1].known(), Some(d("-0.2")));
        assert_eq!(
            previous(Period::parse("2019-01").unwrap()).unwrap().label(),
            "2018-12"
        );
        assert_eq!(
            previous(Period::parse("2019-H2").unwrap()).unwrap().label(),
            "2019-H1"
        );
        assert_eq!(previous(Period::parse("2019-01..2019-11").unwrap()), None);
    }

    #[test]
    fn partial_periods_are_not_compared_unless_allowed() {
        let mut partial = point("2019-Q1", "20");
        partial.months_covered = 2;
        let s = vec![point("2018-Q1", "30"), partial];
        assert!(
            year_over_year(&s, false)[1]
                .reason()
                .unwrap()
                .contains("partial (2 of 3 months)")
        );
        assert!(year_over_year(&s, true)[1].known().is_some());
    }

    #[test]
    fn index_uses_the_base_and_its_months() {
        let s = vec![
            point("2018", "80"),
            point("2019", "100"),
            point("2019-Q1", "5"),
        ];
        let (base, idx) = index(&s, None, false);
        assert_eq!(base.unwrap().label(), "2018");
        assert_eq!(idx[0].known(), Some(d("100")));
        assert_eq!(idx[1].known(), Some(d("125")));
        assert!(idx[2].known().is_none());
    }

    #[test]
    fn cagr_over_a_span_of_years() {
        // 100 → 121 over 2 years is 10% a year, exactly.
        let s = vec![
            point("2010", "100"),
            point("2011", "150"),
            point("2012", "121"),
        ];
        let c = cagr(&s, false);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].years, 2);
        assert_eq!(c[0].value.known(), Some(d("0.1")));
        // World Bank style check: 1 → 2 over 10 years is 7.177346...%
        let s = vec![point("2000", "1"), point("2010", "2")];
        let v = cagr(&s, false)[0].value.known().unwrap();
        assert_eq!(crate::number::round(v, 8), d("0.07177346"));
    }

    #[test]
    fn nth_roots() {
        assert_eq!(nth_root(d("27"), 3), Some(d("3")));
        assert_eq!(nth_root(d("0.25"), 2), Some(d("0.5")));
        assert_eq!(nth_root(d("0"), 5), Some(d("0")));
        let r = nth_root(d("2"), 2).unwrap();
        assert_eq!(crate::number::round(r, 12), d("1.414213562373"));
    }

    #[test]
    fn points_change_in_percentage_points() {
        let s = vec![point("2018", "0.40"), point("2019", "0.456")];
        assert_eq!(points_change(&s, false)[1].known(), Some(d("5.6")));
    }
}
