//! Exact decimal numbers: parsing text as written (never through a float), rescaling, the
//! bridge to `rust_decimal`, and display with thousands separators.
//!
//! Rounding policy (one place, stated in every output that rounds): values are kept exact
//! internally; display rounds half away from zero (10.685 → 10.69, −0.05 → −0.1).

use rust_decimal::{Decimal, RoundingStrategy};

/// A decimal number exactly as written: `mantissa × 10^-scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exact {
    pub mantissa: i128,
    pub scale: u32,
}

/// Decimal(38, s) holds at most 38 significant digits.
pub const MAX_DIGITS: usize = 38;

impl Exact {
    /// Parses `-1234.5`, `+0.02`, `10,690,000` (commas only in groups of three), `.5`.
    /// Rejects exponents, NaN/Infinity, decimal commas and more than 38 digits, each with
    /// a message saying what to write instead.
    pub fn parse(text: &str) -> Result<Exact, String> {
        Exact::plain(text.trim()).map_or_else(|| Exact::parse_full(text), Ok)
    }

    /// `parse` for every form, with its messages.
    fn parse_full(text: &str) -> Result<Exact, String> {
        let t = text.trim();
        if t.is_empty() {
            return Err(
                "the value is empty; write 0 for zero trade, or leave the row out \
                        when the figure is not known"
                    .to_string(),
            );
        }
        let lower = t.to_ascii_lowercase();
        if matches!(
            lower.trim_start_matches(['+', '-']),
            "nan" | "inf" | "infinity" | "na" | "n/a" | "null"
        ) {
            return Err(format!(
                "`{t}` is not a number; expected a decimal like 10.69"
            ));
        }
        let (negative, body) = match t.as_bytes()[0] {
            b'-' => (true, &t[1..]),
            b'+' => (false, &t[1..]),
            _ => (false, t),
        };
        if body.contains(['e', 'E']) && body.bytes().any(|b| b.is_ascii_digit()) {
            return Err(format!(
                "`{t}` uses exponent notation; write the number in full (e.g. 1500000)"
            ));
        }
        let (int_part, frac_part) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        let int_digits = strip_thousands(int_part).ok_or_else(|| {
            if int_part.contains(',') && !frac_part.is_empty() || looks_like_decimal_comma(body) {
                format!("`{t}` looks like a decimal comma; write decimals with a point (10.69)")
            } else {
                format!("`{t}` is not a number; expected a decimal like 10.69")
            }
        })?;
        if !frac_part.bytes().all(|b| b.is_ascii_digit())
            || (int_digits.is_empty() && frac_part.is_empty())
        {
            return Err(format!(
                "`{t}` is not a number; expected a decimal like 10.69"
            ));
        }
        let digits = format!("{int_digits}{frac_part}");
        let significant = digits.trim_start_matches('0');
        if significant.len() > MAX_DIGITS {
            return Err(format!(
                "`{}` has {} significant digits; at most {MAX_DIGITS} can be kept exactly",
                abbreviate(t),
                significant.len()
            ));
        }
        let magnitude: i128 = if significant.is_empty() {
            0
        } else {
            significant
                .parse()
                .map_err(|_| format!("`{}` is too large", abbreviate(t)))?
        };
        let scale = u32::try_from(frac_part.len())
            .map_err(|_| format!("`{}` has too many decimals", abbreviate(t)))?;
        if scale > 38 {
            return Err(format!(
                "`{}` has {scale} decimals; at most 38 are supported",
                abbreviate(t)
            ));
        }
        Ok(Exact {
            mantissa: if negative { -magnitude } else { magnitude },
            scale,
        })
    }

    /// The common case read without allocating: an optional sign, at most 38 digits, at
    /// most one decimal point, nothing else (`parse` gives the same value, and reads or
    /// refuses everything else).
    fn plain(t: &str) -> Option<Exact> {
        let (negative, body) = match t.as_bytes().first()? {
            b'-' => (true, &t[1..]),
            b'+' => (false, &t[1..]),
            _ => (false, t),
        };
        let mut mantissa: i128 = 0;
        let mut digits = 0usize;
        let mut scale: Option<u32> = None;
        for b in body.bytes() {
            match b {
                b'0'..=b'9' => {
                    digits += 1;
                    if digits > MAX_DIGITS {
                        return None;
                    }
                    mantissa = mantissa * 10 + i128::from(b - b'0');
                    if let Some(s) = scale.as_mut() {
                        *s += 1;
                    }
                }
                b'.' if scale.is_none() => scale = Some(0),
                _ => return None,
            }
        }
        (digits > 0).then_some(Exact {
            mantissa: if negative { -mantissa } else { mantissa },
            scale: scale.unwrap_or(0),
        })
    }

    /// Like `parse`, but also reads decimal exponent notation exactly as written
    /// (`9.1e-05` is 0.000091, `1.5E3` is 1500): files written by programs use it. The
    /// canonical format, typed by people, does not accept it.
    pub fn parse_with_exponent(text: &str) -> Result<Exact, String> {
        let t = text.trim();
        let Some(at) = t
            .find(['e', 'E'])
            .filter(|_| t.bytes().any(|b| b.is_ascii_digit()))
        else {
            return Exact::parse(t);
        };
        let (mantissa, exponent) = (&t[..at], &t[at + 1..]);
        let exp: i32 = exponent
            .parse()
            .map_err(|_| format!("`{t}` is not a number; expected a decimal like 10.69"))?;
        if exp.unsigned_abs() > 38 {
            return Err(format!("`{t}`: the exponent is out of range"));
        }
        let m = Exact::parse(mantissa)?;
        let shifted = if exp >= 0 {
            m.shift(exp.unsigned_abs())
        } else {
            let scale = m.scale + exp.unsigned_abs();
            (scale <= 38).then_some(Exact {
                mantissa: m.mantissa,
                scale,
            })
        };
        shifted.ok_or_else(|| format!("`{t}` is too large to keep exactly"))
    }

    /// The same number with `scale` decimals; `None` if it would lose digits or overflow.
    pub fn rescale(self, scale: u32) -> Option<Exact> {
        if scale >= self.scale {
            let factor = 10i128.checked_pow(scale - self.scale)?;
            Some(Exact {
                mantissa: self.mantissa.checked_mul(factor)?,
                scale,
            })
        } else {
            let factor = 10i128.checked_pow(self.scale - scale)?;
            (self.mantissa % factor == 0).then_some(Exact {
                mantissa: self.mantissa / factor,
                scale,
            })
        }
    }

    /// Multiplies by 10^exp exactly (a unit conversion such as million → thousand).
    pub fn shift(self, exp: u32) -> Option<Exact> {
        if self.scale >= exp {
            Some(Exact {
                mantissa: self.mantissa,
                scale: self.scale - exp,
            })
        } else {
            let factor = 10i128.checked_pow(exp - self.scale)?;
            Some(Exact {
                mantissa: self.mantissa.checked_mul(factor)?,
                scale: 0,
            })
        }
    }

    /// The exact sum, at the larger of the two scales; `None` if it would overflow.
    pub fn checked_add(self, other: Exact) -> Option<Exact> {
        let scale = self.scale.max(other.scale);
        let (a, b) = (self.rescale(scale)?, other.rescale(scale)?);
        Some(Exact {
            mantissa: a.mantissa.checked_add(b.mantissa)?,
            scale,
        })
    }

    /// Drops trailing zero decimals (10.690 → 10.69).
    pub fn normalize(mut self) -> Exact {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    /// Into `rust_decimal` (28 digits); `None` when the number needs more.
    pub fn to_decimal(self) -> Option<Decimal> {
        let n = self.normalize();
        Decimal::try_from_i128_with_scale(n.mantissa, n.scale).ok()
    }

    pub fn from_decimal(d: Decimal) -> Exact {
        Exact {
            mantissa: d.mantissa(),
            scale: d.scale(),
        }
    }
}

impl std::fmt::Display for Exact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.normalize();
        let digits = n.mantissa.unsigned_abs().to_string();
        let sign = if n.mantissa < 0 { "-" } else { "" };
        let scale = n.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

/// `1,234,567` → `1234567`; `None` if the commas are not in groups of three.
fn strip_thousands(int_part: &str) -> Option<String> {
    if !int_part.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    if !int_part.contains(',') {
        return Some(int_part.to_string());
    }
    let groups: Vec<&str> = int_part.split(',').collect();
    let first_ok = matches!(groups.first(), Some(g) if (1..=3).contains(&g.len()));
    let rest_ok = groups.iter().skip(1).all(|g| g.len() == 3);
    (first_ok && rest_ok).then(|| groups.concat())
}

fn looks_like_decimal_comma(body: &str) -> bool {
    !body.contains('.')
        && body.matches(',').count() == 1
        && body
            .rsplit(',')
            .next()
            .is_some_and(|tail| tail.len() != 3 && tail.bytes().all(|b| b.is_ascii_digit()))
}

fn abbreviate(text: &str) -> String {
    if text.chars().count() > 40 {
        let head: String = text.chars().take(20).collect();
        format!("{head}… ({} characters)", text.chars().count())
    } else {
        text.to_string()
    }
}

/// Rounds half away from zero to `dp` decimals: the one display rounding rule.
pub fn round(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// `1234567.891` with dp 2 → `1,234,567.89`. A minus sign is kept; `explicit_plus` adds `+`.
pub fn grouped(value: Decimal, dp: u32, explicit_plus: bool) -> String {
    let rounded = round(value, dp);
    let text = format!("{:.*}", dp as usize, rounded.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else if explicit_plus && !rounded.is_zero() {
        "+"
    } else {
        ""
    };
    format!("{sign}{out}")
}

/// A ratio as a percentage with `dp` decimals: 0.65202 → `65.2%`.
pub fn percent(ratio: Decimal, dp: u32, explicit_plus: bool) -> String {
    format!(
        "{}%",
        grouped(ratio * Decimal::ONE_HUNDRED, dp, explicit_plus)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    proptest::proptest! {
        /// The allocation-free reading of plain numbers gives what the full parser gives.
        #[test]
        fn plain_numbers_read_as_the_full_parser_reads_them(
            t in "[+-]?[0-9]{0,40}(\\.[0-9]{0,40})?"
        ) {
            if let Some(fast) = Exact::plain(&t) {
                proptest::prop_assert_eq!(Ok(fast), Exact::parse_full(&t));
            }
        }
    }

    fn ex(t: &str) -> Exact {
        Exact::parse(t).unwrap()
    }

    #[test]
    fn parses_exactly_as_written() {
        assert_eq!(
            ex("10.69"),
            Exact {
                mantissa: 1069,
                scale: 2
            }
        );
        assert_eq!(
            ex("-0.02"),
            Exact {
                mantissa: -2,
                scale: 2
            }
        );
        assert_eq!(
            ex("10,690,000"),
            Exact {
                mantissa: 10_690_000,
                scale: 0
            }
        );
        assert_eq!(
            ex("1,234.5"),
            Exact {
                mantissa: 12345,
                scale: 1
            }
        );
        assert_eq!(
            ex(".5"),
            Exact {
                mantissa: 5,
                scale: 1
            }
        );
        assert_eq!(
            ex("+7"),
            Exact {
                mantissa: 7,
                scale: 0
            }
        );
        let long = ex("0.12345678901234567890123456789");
        assert_eq!(long.scale, 29);
        assert_eq!(long.to_string(), "0.12345678901234567890123456789");
    }

    #[test]
    fn rejects_what_is_not_a_plain_decimal() {
        for (text, says) in [
            ("", "empty"),
            ("1e6", "exponent"),
            ("NaN", "not a number"),
            ("-Infinity", "not a number"),
            ("10,69", "decimal comma"),
            ("1,23,456", "not a number"),
            ("12a", "not a number"),
            ("-", "not a number"),
            ("1.2.3", "not a number"),
        ] {
            let e = Exact::parse(text).unwrap_err();
            assert!(e.contains(says), "{text:?}: {e}");
        }
        let huge = "9".repeat(10_000);
        let e = Exact::parse(&huge).unwrap_err();
        assert!(
            e.contains("10000 significant digits") && e.len() < 200,
            "{e}"
        );
    }

    #[test]
    fn exponent_notation_is_exact_where_accepted() {
        let e = |t: &str| Exact::parse_with_exponent(t).unwrap().to_string();
        assert_eq!(e("9.1e-05"), "0.000091");
        assert_eq!(e("1.5E3"), "1500");
        assert_eq!(e("6e-05"), "0.00006");
        assert_eq!(e("12.5"), "12.5");
        assert!(Exact::parse_with_exponent("1e99").is_err());
        assert!(Exact::parse_with_exponent("1eX").is_err());
    }

    #[test]
    fn sums_align_scales_and_refuse_overflow() {
        let a = Exact {
            mantissa: 15,
            scale: 1,
        };
        let b = Exact {
            mantissa: 225,
            scale: 2,
        };
        let sum = a.checked_add(b).unwrap();
        assert_eq!((sum.mantissa, sum.scale), (375, 2));
        let big = Exact {
            mantissa: i128::MAX,
            scale: 0,
        };
        assert!(big.checked_add(a).is_none());
    }

    #[test]
    fn rescale_and_shift_are_exact_or_refuse() {
        assert_eq!(ex("10.67").shift(6).unwrap().to_string(), "10670000");
        assert_eq!(ex("0.0000001").shift(6).unwrap().to_string(), "0.1");
        assert_eq!(
            ex("1.5").rescale(3).unwrap(),
            Exact {
                mantissa: 1500,
                scale: 3
            }
        );
        assert_eq!(ex("1.25").rescale(1), None);
        assert_eq!(ex("1.20").rescale(1).unwrap().to_string(), "1.2");
    }

    #[test]
    fn display_rounding_is_half_away_from_zero() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(grouped(d("10.685"), 2, false), "10.69");
        assert_eq!(grouped(d("-10.685"), 2, false), "-10.69");
        assert_eq!(grouped(d("1234567.891"), 2, false), "1,234,567.89");
        assert_eq!(grouped(d("10.65"), 2, true), "+10.65");
        assert_eq!(grouped(d("-0.004"), 2, false), "0.00");
        assert_eq!(percent(d("-0.652018"), 1, false), "-65.2%");
        assert_eq!(grouped(d("999.995"), 2, false), "1,000.00");
    }
}
