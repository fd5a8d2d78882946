//! Exact interval arithmetic for verification.
//!
//! A printed number stands for an interval (10.69 → [10.685, 10.695]). Figures combine
//! into computed `Range`s — closed, finite, with the point value computed from the numbers
//! as printed — using exact rationals (big integers), so that a value exactly on a
//! rounding boundary is judged exactly. A phrase's meaning is an `Interval`, which may be
//! open or unbounded on a side ("more than 10", "nearly 170 percent").

use std::fmt;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use rust_decimal::Decimal;

pub type Q = BigRational;

pub fn q(d: Decimal) -> Q {
    let numer = BigInt::from(d.mantissa());
    let denom = BigInt::from(10u8).pow(d.scale());
    Q::new(numer, denom)
}

pub fn q_int(i: i64) -> Q {
    Q::from_integer(BigInt::from(i))
}

/// `p / 10^s` from a decimal's digits.
pub fn q_ratio(numer: i64, denom: i64) -> Q {
    Q::new(BigInt::from(numer), BigInt::from(denom))
}

/// Rounds half away from zero to `dp` decimals.
pub fn round(value: &Q, dp: u32) -> Q {
    let scale = BigInt::from(10u8).pow(dp);
    let scaled = value * Q::from_integer(scale.clone());
    let half = q_ratio(1, 2);
    let rounded = if scaled.is_negative() {
        -((-scaled) + half).floor()
    } else {
        (scaled + half).floor()
    };
    rounded / Q::from_integer(scale)
}

/// A decimal string of `value`: exact when it terminates within `dp` decimals, else
/// rounded half away from zero to `dp`.
pub fn decimal_string(value: &Q, dp: u32) -> String {
    let r = round(value, dp);
    let negative = r.is_negative();
    let scale = BigInt::from(10u8).pow(dp);
    let scaled = (r.abs() * Q::from_integer(scale)).to_integer();
    let digits = scaled.to_string();
    let dp = dp as usize;
    let padded = format!("{digits:0>width$}", width = dp + 1);
    let (int, frac) = padded.split_at(padded.len() - dp);
    let frac = frac.trim_end_matches('0');
    let sign = if negative && !scaled.is_zero() {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// To `rust_decimal` for display (28 digits), `None` if out of range.
pub fn to_decimal(value: &Q) -> Option<Decimal> {
    decimal_string(value, 20).parse().ok()
}

/// A closed computed range with its point value (from the numbers as printed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    pub low: Q,
    pub point: Q,
    pub high: Q,
}

/// Why a division has no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZeroDivisor {
    /// The divisor is zero.
    Zero,
    /// The divisor is not zero, but its rounding interval contains zero.
    RoundsToZero,
}

impl Range {
    pub fn exact(value: Q) -> Range {
        Range {
            low: value.clone(),
            point: value.clone(),
            high: value,
        }
    }

    pub fn new(low: Q, point: Q, high: Q) -> Range {
        Range { low, point, high }
    }

    pub fn add(&self, other: &Range) -> Range {
        Range::new(
            &self.low + &other.low,
            &self.point + &other.point,
            &self.high + &other.high,
        )
    }

    pub fn neg(&self) -> Range {
        Range::new(-&self.high, -&self.point, -&self.low)
    }

    pub fn sub(&self, other: &Range) -> Range {
        self.add(&other.neg())
    }

    pub fn mul(&self, other: &Range) -> Range {
        let products = [
            &self.low * &other.low,
            &self.low * &other.high,
            &self.high * &other.low,
            &self.high * &other.high,
        ];
        let (low, high) = min_max(&products);
        Range::new(low, &self.point * &other.point, high)
    }

    /// Division; an error when the divisor's range contains zero.
    pub fn div(&self, other: &Range) -> Result<Range, ZeroDivisor> {
        if other.contains(&Q::zero()) {
            return Err(if other.point.is_zero() {
                ZeroDivisor::Zero
            } else {
                ZeroDivisor::RoundsToZero
            });
        }
        let recip = Range::new(other.high.recip(), other.point.recip(), other.low.recip());
        Ok(self.mul(&recip))
    }

    pub fn contains(&self, value: &Q) -> bool {
        &self.low <= value && value <= &self.high
    }

    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }

    /// Applies an increasing function to every bound (a shift, a positive scale).
    pub fn map(&self, f: impl Fn(&Q) -> Q) -> Range {
        Range::new(f(&self.low), f(&self.point), f(&self.high))
    }

    /// 1 / x, for a range not containing zero.
    pub fn recip(&self) -> Result<Range, ZeroDivisor> {
        Range::exact(Q::one()).div(self)
    }
}

fn min_max(values: &[Q]) -> (Q, Q) {
    let mut low = values[0].clone();
    let mut high = values[0].clone();
    for v in &values[1..] {
        if v < &low {
            low = v.clone();
        }
        if v > &high {
            high = v.clone();
        }
    }
    (low, high)
}

/// One end of a phrase's interval.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bound {
    Unbounded,
    Closed(Q),
    Open(Q),
}

/// What a phrase allows: e.g. [2.5, 3.5] for "triple", [153, 170) for "nearly 170".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interval {
    pub low: Bound,
    pub high: Bound,
}

impl Interval {
    pub fn closed(low: Q, high: Q) -> Interval {
        Interval {
            low: Bound::Closed(low),
            high: Bound::Closed(high),
        }
    }

    pub fn contains(&self, v: &Q) -> bool {
        let above = match &self.low {
            Bound::Unbounded => true,
            Bound::Closed(l) => v >= l,
            Bound::Open(l) => v > l,
        };
        let below = match &self.high {
            Bound::Unbounded => true,
            Bound::Closed(h) => v <= h,
            Bound::Open(h) => v < h,
        };
        above && below
    }

    /// Whether some value lies in both this interval and the closed `range`.
    pub fn overlaps(&self, range: &Range) -> bool {
        let low_ok = match &self.low {
            Bound::Unbounded => true,
            Bound::Closed(l) => &range.high >= l,
            Bound::Open(l) => &range.high > l,
        };
        let high_ok = match &self.high {
            Bound::Unbounded => true,
            Bound::Closed(h) => &range.low <= h,
            Bound::Open(h) => &range.low < h,
        };
        low_ok && high_ok && range.low <= range.high
    }

    /// Applies an increasing function to the bounds.
    pub fn map(&self, f: impl Fn(&Q) -> Q) -> Interval {
        let m = |b: &Bound| match b {
            Bound::Unbounded => Bound::Unbounded,
            Bound::Closed(v) => Bound::Closed(f(v)),
            Bound::Open(v) => Bound::Open(f(v)),
        };
        Interval {
            low: m(&self.low),
            high: m(&self.high),
        }
    }

    pub fn low_value(&self) -> Option<&Q> {
        match &self.low {
            Bound::Closed(v) | Bound::Open(v) => Some(v),
            Bound::Unbounded => None,
        }
    }

    pub fn high_value(&self) -> Option<&Q> {
        match &self.high {
            Bound::Closed(v) | Bound::Open(v) => Some(v),
            Bound::Unbounded => None,
        }
    }

    /// Shown with `scale` applied (×100 for percentages) and `dp` decimals.
    pub fn describe(&self, scale: &Q, dp: u32) -> String {
        let show = |v: &Q| decimal_string(&(v * scale), dp);
        let low = match &self.low {
            Bound::Unbounded => "(−∞".to_string(),
            Bound::Closed(v) => format!("[{}", show(v)),
            Bound::Open(v) => format!("({}", show(v)),
        };
        let high = match &self.high {
            Bound::Unbounded => "∞)".to_string(),
            Bound::Closed(v) => format!("{}]", show(v)),
            Bound::Open(v) => format!("{})", show(v)),
        };
        format!("{low}, {high}")
    }
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}, {}]",
            decimal_string(&self.point, 6),
            decimal_string(&self.low, 6),
            decimal_string(&self.high, 6)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn qd(s: &str) -> Q {
        q(Decimal::from_str(s).unwrap())
    }

    fn printed(low: &str, point: &str, high: &str) -> Range {
        Range::new(qd(low), qd(point), qd(high))
    }

    #[test]
    fn sums_of_printed_figures() {
        // 10.67 + 0.02 with their rounding intervals: [10.68, 10.70], point 10.69.
        let x = printed("10.665", "10.67", "10.675");
        let m = printed("0.015", "0.02", "0.025");
        let t = x.add(&m);
        assert_eq!(t, printed("10.68", "10.69", "10.70"));
        assert_eq!(x.sub(&m), printed("10.64", "10.65", "10.66"));
    }

    #[test]
    fn division_is_exact_and_refuses_zero() {
        let a = printed("1", "1", "1");
        let b = printed("3", "3", "3");
        let third = a.div(&b).unwrap();
        assert_eq!(third.point, q_ratio(1, 3));
        assert_eq!(decimal_string(&third.point, 4), "0.3333");
        assert_eq!(a.div(&printed("-0.5", "0", "0.5")), Err(ZeroDivisor::Zero));
        assert_eq!(
            a.div(&printed("-0.5", "0.1", "0.5")),
            Err(ZeroDivisor::RoundsToZero)
        );
        assert_eq!(a.div(&printed("0", "0", "0")), Err(ZeroDivisor::Zero));
    }

    #[test]
    fn boundaries_are_closed_and_exact() {
        let phrase = Interval::closed(qd("10.685"), qd("10.695"));
        // A computed value exactly on the boundary is inside.
        assert!(phrase.contains(&qd("10.695")));
        let just_above = qd("10.695") + Q::new(1.into(), BigInt::from(10u8).pow(40));
        assert!(!phrase.contains(&just_above));
        assert!(phrase.overlaps(&printed("10.695", "10.7", "10.705")));
        assert!(!phrase.overlaps(&printed("10.6951", "10.7", "10.705")));
        let nearly = Interval {
            low: Bound::Closed(qd("153")),
            high: Bound::Open(qd("170")),
        };
        assert!(!nearly.contains(&qd("170")));
        assert!(!nearly.overlaps(&printed("170", "170", "171")));
        assert!(nearly.overlaps(&printed("169", "170", "171")));
    }

    #[test]
    fn rounding_and_strings() {
        assert_eq!(decimal_string(&qd("-0.6520182"), 3), "-0.652");
        assert_eq!(decimal_string(&qd("2.5"), 0), "3");
        assert_eq!(decimal_string(&qd("-2.5"), 0), "-3");
        assert_eq!(decimal_string(&qd("10.690"), 6), "10.69");
        assert_eq!(decimal_string(&qd("-0.0000001"), 3), "0");
    }
}
