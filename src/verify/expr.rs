//! Claim expressions: figure ids, decimal numbers, `+ - * /`, parentheses,
//! `change(from, to)` (= to / from − 1) and `annual_change(from, to, years)` (the average
//! yearly rate, compounded: (to / from)^(1/years) − 1). Parsed here, evaluated on exact
//! intervals; no code is ever executed, and size and depth are bounded.

use std::fmt;

use rust_decimal::Decimal;

use super::interval::{Range, ZeroDivisor, q, q_int};
use Kind::{Money, Number, Ratio};

pub const MAX_LENGTH: usize = 1000;
pub const MAX_DEPTH: usize = 32;
/// The most years an average yearly rate is taken over.
pub const MAX_YEARS: u32 = 100;

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Number(Decimal),
    Figure(String),
    Neg(Box<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Sub(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Div(Box<Expr>, Box<Expr>),
    /// change(from, to) = to / from − 1
    Change(Box<Expr>, Box<Expr>),
    /// annual_change(from, to, years) = (to / from)^(1/years) − 1
    AnnualChange(Box<Expr>, Box<Expr>, u32),
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(Decimal),
    Ident(String),
    Op(char),
}

fn lex(text: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() || c == '.' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let t: String = chars[start..i].iter().collect();
            let d = t
                .parse::<Decimal>()
                .map_err(|_| format!("`{t}` is not a number"))?;
            out.push(Tok::Num(d));
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Tok::Ident(chars[start..i].iter().collect()));
        } else if "+-*/(),".contains(c) {
            out.push(Tok::Op(c));
            i += 1;
        } else {
            return Err(format!("unexpected character `{c}`"));
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Tok>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        match self.next() {
            Some(Tok::Op(x)) if x == c => Ok(()),
            other => Err(format!(
                "expected `{c}`, found {}",
                describe(other.as_ref())
            )),
        }
    }

    fn enter(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(format!(
                "the expression nests deeper than {MAX_DEPTH} levels"
            ))
        } else {
            Ok(())
        }
    }

    fn expr(&mut self) -> Result<Expr, String> {
        self.enter()?;
        let mut left = self.term()?;
        while let Some(Tok::Op(c @ ('+' | '-'))) = self.peek().cloned() {
            self.at += 1;
            let right = self.term()?;
            left = if c == '+' {
                Expr::Add(Box::new(left), Box::new(right))
            } else {
                Expr::Sub(Box::new(left), Box::new(right))
            };
        }
        self.depth -= 1;
        Ok(left)
    }

    fn term(&mut self) -> Result<Expr, String> {
        let mut left = self.factor()?;
        while let Some(Tok::Op(c @ ('*' | '/'))) = self.peek().cloned() {
            self.at += 1;
            let right = self.factor()?;
            left = if c == '*' {
                Expr::Mul(Box::new(left), Box::new(right))
            } else {
                Expr::Div(Box::new(left), Box::new(right))
            };
        }
        Ok(left)
    }

    fn factor(&mut self) -> Result<Expr, String> {
        self.enter()?;
        let result = match self.next() {
            Some(Tok::Num(d)) => Ok(Expr::Number(d)),
            Some(Tok::Op('-')) => Ok(Expr::Neg(Box::new(self.factor()?))),
            Some(Tok::Op('(')) => {
                let e = self.expr()?;
                self.expect(')')?;
                Ok(e)
            }
            Some(Tok::Ident(name)) if name == "change" && self.peek() == Some(&Tok::Op('(')) => {
                self.at += 1;
                let from = self.expr()?;
                self.expect(',')?;
                let to = self.expr()?;
                self.expect(')')?;
                Ok(Expr::Change(Box::new(from), Box::new(to)))
            }
            Some(Tok::Ident(name))
                if name == "annual_change" && self.peek() == Some(&Tok::Op('(')) =>
            {
                self.at += 1;
                let from = self.expr()?;
                self.expect(',')?;
                let to = self.expr()?;
                self.expect(',')?;
                let years = match self.next() {
                    Some(Tok::Num(d)) => u32::try_from(d.normalize().mantissa())
                        .ok()
                        .filter(|y| d.normalize().scale() == 0 && (1..=MAX_YEARS).contains(y)),
                    _ => None,
                }
                .ok_or_else(|| {
                    format!("annual_change() takes a whole number of years, 1 to {MAX_YEARS}")
                })?;
                self.expect(')')?;
                Ok(Expr::AnnualChange(Box::new(from), Box::new(to), years))
            }
            Some(Tok::Ident(name)) => Ok(Expr::Figure(name)),
            other => Err(format!(
                "expected a figure id, a number or `(`, found {}",
                describe(other.as_ref())
            )),
        };
        self.depth -= 1;
        result
    }
}

fn describe(t: Option<&Tok>) -> String {
    match t {
        None => "the end".to_string(),
        Some(Tok::Num(d)) => format!("`{d}`"),
        Some(Tok::Ident(s)) => format!("`{s}`"),
        Some(Tok::Op(c)) => format!("`{c}`"),
    }
}

pub fn parse(text: &str) -> Result<Expr, String> {
    if text.len() > MAX_LENGTH {
        return Err(format!(
            "the expression is {} characters long; at most {MAX_LENGTH}",
            text.len()
        ));
    }
    let tokens = lex(text)?;
    if tokens.is_empty() {
        return Err("the expression is empty".to_string());
    }
    let mut p = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    let e = p.expr()?;
    if p.at < p.tokens.len() {
        return Err(format!(
            "unexpected {} after the expression",
            describe(p.peek())
        ));
    }
    Ok(e)
}

impl Expr {
    /// Every figure id the expression uses, in order of appearance.
    pub fn figures(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.walk(&mut |e| {
            if let Expr::Figure(id) = e
                && !out.contains(id)
            {
                out.push(id.clone());
            }
        });
        out
    }

    fn walk(&self, f: &mut impl FnMut(&Expr)) {
        f(self);
        match self {
            Expr::Number(_) | Expr::Figure(_) => {}
            Expr::Neg(a) => a.walk(f),
            Expr::Add(a, b)
            | Expr::Sub(a, b)
            | Expr::Mul(a, b)
            | Expr::Div(a, b)
            | Expr::Change(a, b)
            | Expr::AnnualChange(a, b, _) => {
                a.walk(f);
                b.walk(f);
            }
        }
    }

    /// The base of a growth or ratio expression (`b` in `a / b` and `change(b, a)`).
    pub fn base(&self) -> Option<(&Expr, &Expr)> {
        match self {
            Expr::Div(top, base) => Some((top, base)),
            Expr::Change(base, top) => Some((top, base)),
            _ => None,
        }
    }

    /// Replaces one sub-expression (the base) with another, for diagnoses.
    pub fn with_base(&self, base: Expr) -> Option<Expr> {
        match self {
            Expr::Div(top, _) => Some(Expr::Div(top.clone(), Box::new(base))),
            Expr::Change(_, top) => Some(Expr::Change(Box::new(base), top.clone())),
            _ => None,
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Number(d) => write!(f, "{d}"),
            Expr::Figure(id) => f.write_str(id),
            Expr::Neg(a) => write!(f, "-({a})"),
            Expr::Add(a, b) => write!(f, "{a} + {b}"),
            Expr::Sub(a, b) => write!(f, "{a} - ({b})"),
            Expr::Mul(a, b) => write!(f, "({a}) * ({b})"),
            Expr::Div(a, b) => write!(f, "({a}) / ({b})"),
            Expr::Change(a, b) => write!(f, "change({a}, {b})"),
            Expr::AnnualChange(a, b, years) => write!(f, "annual_change({a}, {b}, {years})"),
        }
    }
}

/// What kind of quantity a value is, so a phrase is compared with the right thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Money(String),
    /// A quotient of two amounts (a multiple or a share).
    Ratio,
    /// A relative change (to / from − 1).
    Change,
    /// A plain number (a percentage figure as a fraction, a constant).
    Number,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Operand {
    pub range: Range,
    pub kind: Kind,
}

/// Why an expression has no value: a figure has none (`lookup`'s own error), or the
/// arithmetic is impossible.
#[derive(Clone, Debug, PartialEq)]
pub enum EvalError<E> {
    Figure(E),
    Arithmetic(Arithmetic),
}

/// An operation of an expression, for saying which one failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    Add,
    Divide,
    Change,
}

/// Arithmetic an expression cannot do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arithmetic {
    /// Amounts in two currencies, `a` and `b`.
    Currencies {
        operation: Operation,
        a: String,
        b: String,
    },
    /// An amount with a ratio (added, or in `change()`).
    AmountAndRatio(Operation),
    /// A product of two amounts.
    TwoAmounts,
    /// A ratio divided by an amount.
    RatioByAmount,
    /// A divisor that is, or may be, zero.
    Division(ZeroDivisor),
    /// An average yearly rate between amounts of two signs, or one that may be zero.
    NotPositive,
}

impl<E> From<ZeroDivisor> for EvalError<E> {
    fn from(z: ZeroDivisor) -> Self {
        EvalError::Arithmetic(Arithmetic::Division(z))
    }
}

/// Evaluates with exact intervals; `lookup` gives each figure's operand or why it has none.
pub fn evaluate<E>(
    e: &Expr,
    lookup: &dyn Fn(&str) -> Result<Operand, E>,
) -> Result<Operand, EvalError<E>> {
    match e {
        Expr::Number(d) => Ok(Operand {
            range: Range::exact(q(*d)),
            kind: Kind::Number,
        }),
        Expr::Figure(id) => lookup(id).map_err(EvalError::Figure),
        Expr::Neg(a) => {
            let a = evaluate(a, lookup)?;
            Ok(Operand {
                range: a.range.neg(),
                kind: a.kind,
            })
        }
        Expr::Add(a, b) | Expr::Sub(a, b) => {
            let (a, b) = (evaluate(a, lookup)?, evaluate(b, lookup)?);
            let kind = sum_kind(&a.kind, &b.kind)?;
            let range = if matches!(e, Expr::Add(..)) {
                a.range.add(&b.range)
            } else {
                a.range.sub(&b.range)
            };
            Ok(Operand { range, kind })
        }
        Expr::Mul(a, b) => {
            let (a, b) = (evaluate(a, lookup)?, evaluate(b, lookup)?);
            let kind = product_kind(&a.kind, &b.kind)?;
            Ok(Operand {
                range: a.range.mul(&b.range),
                kind,
            })
        }
        Expr::Div(a, b) => {
            let (a, b) = (evaluate(a, lookup)?, evaluate(b, lookup)?);
            let kind = quotient_kind(&a.kind, &b.kind)?;
            Ok(Operand {
                range: a.range.div(&b.range)?,
                kind,
            })
        }
        Expr::Change(from, to) => {
            let (from, to) = (evaluate(from, lookup)?, evaluate(to, lookup)?);
            check_change_kinds(&from.kind, &to.kind)?;
            let ratio = to.range.div(&from.range)?;
            Ok(Operand {
                range: ratio.map(|v| v - q_int(1)),
                kind: Kind::Change,
            })
        }
        Expr::AnnualChange(from, to, years) => {
            let (from, to) = (evaluate(from, lookup)?, evaluate(to, lookup)?);
            check_change_kinds(&from.kind, &to.kind)?;
            let ratio = to.range.div(&from.range)?;
            if ratio.low <= q_int(0) {
                return Err(EvalError::Arithmetic(Arithmetic::NotPositive));
            }
            // The root is irrational: bracketed outward, so the true range lies within.
            let root = Range::new(
                nth_root(&ratio.low, *years, false),
                nth_root(&ratio.point, *years, false),
                nth_root(&ratio.high, *years, true),
            );
            Ok(Operand {
                range: root.map(|v| v - q_int(1)),
                kind: Kind::Change,
            })
        }
    }
}

/// The `n`-th root of a positive `x`, by bisection on exact rationals to within 2^-64 of
/// the root (relative to its size): a value at or below the root, or (`above`) at or above
/// it.
fn nth_root(x: &super::interval::Q, n: u32, above: bool) -> super::interval::Q {
    use super::interval::Q;
    let one = q_int(1);
    let pow = |r: &Q| -> Q {
        let mut out = q_int(1);
        for _ in 0..n {
            out *= r;
        }
        out
    };
    let (mut low, mut high) = if x >= &one {
        (one.clone(), x.clone())
    } else {
        (x.clone(), one.clone())
    };
    for _ in 0..64 {
        let mid = (&low + &high) / q_int(2);
        if &pow(&mid) <= x {
            low = mid;
        } else {
            high = mid;
        }
    }
    if above { high } else { low }
}

/// The kind of a sum or difference: amounts in one currency stay amounts; an amount with
/// anything else cannot be added.
fn sum_kind<E>(a: &Kind, b: &Kind) -> Result<Kind, EvalError<E>> {
    match (a, b) {
        (Money(x), Money(y)) if x == y => Ok(Money(x.clone())),
        (Money(x), Money(y)) => Err(currencies(Operation::Add, x, y)),
        (Money(_), _) | (_, Money(_)) => Err(EvalError::Arithmetic(Arithmetic::AmountAndRatio(
            Operation::Add,
        ))),
        _ => Ok(Number),
    }
}

/// The kind of a product: an amount times a number is an amount; two amounts cannot be
/// multiplied.
fn product_kind<E>(a: &Kind, b: &Kind) -> Result<Kind, EvalError<E>> {
    match (a, b) {
        (Money(_), Money(_)) => Err(EvalError::Arithmetic(Arithmetic::TwoAmounts)),
        (Money(x), _) | (_, Money(x)) => Ok(Money(x.clone())),
        _ => Ok(Number),
    }
}

/// The kind of a quotient: two amounts in one currency make a ratio, an amount by a number
/// an amount; nothing but an amount is divided by an amount.
fn quotient_kind<E>(a: &Kind, b: &Kind) -> Result<Kind, EvalError<E>> {
    match (a, b) {
        (Money(x), Money(y)) if x == y => Ok(Ratio),
        (Money(x), Money(y)) => Err(currencies(Operation::Divide, x, y)),
        (Money(x), _) => Ok(Money(x.clone())),
        (_, Money(_)) => Err(EvalError::Arithmetic(Arithmetic::RatioByAmount)),
        _ => Ok(Number),
    }
}

/// Whether `change(from, to)` can compare these kinds: two amounts in one currency, or two
/// values that are not amounts.
fn check_change_kinds<E>(from: &Kind, to: &Kind) -> Result<(), EvalError<E>> {
    match (from, to) {
        (Money(x), Money(y)) if x != y => Err(currencies(Operation::Change, x, y)),
        (Money(_), Money(_)) => Ok(()),
        (Money(_), _) | (_, Money(_)) => Err(EvalError::Arithmetic(Arithmetic::AmountAndRatio(
            Operation::Change,
        ))),
        _ => Ok(()),
    }
}

fn currencies<E>(operation: Operation, a: &str, b: &str) -> EvalError<E> {
    EvalError::Arithmetic(Arithmetic::Currencies {
        operation,
        a: a.to_string(),
        b: b.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::interval::decimal_string;

    fn money(low: &str, point: &str, high: &str) -> Operand {
        let d = |s: &str| q(s.parse::<Decimal>().unwrap());
        Operand {
            range: Range::new(d(low), d(point), d(high)),
            kind: Kind::Money("USD".into()),
        }
    }

    fn lookup(id: &str) -> Result<Operand, String> {
        match id {
            "trade_2019q1" => Ok(money("10685000", "10690000", "10695000")),
            "trade_2018q1" => Ok(money("30715000", "30720000", "30725000")),
            "exports" => Ok(money("10665000", "10670000", "10675000")),
            "imports" => Ok(money("15000", "20000", "25000")),
            "yuan" => Ok(Operand {
                kind: Kind::Money("CNY".into()),
                ..money("1", "1", "1")
            }),
            other => Err(format!("unknown figure `{other}`")),
        }
    }

    #[test]
    fn the_motivating_ratio() {
        let e = parse("trade_2019q1 / trade_2018q1").unwrap();
        let v = evaluate(&e, &lookup).unwrap();
        assert_eq!(v.kind, Kind::Ratio);
        assert_eq!(decimal_string(&v.range.point, 4), "0.348");
        assert_eq!(decimal_string(&v.range.low, 6), "0.347762");
        assert_eq!(decimal_string(&v.range.high, 6), "0.348201");
        let c = evaluate(
            &parse("change(trade_2018q1, trade_2019q1)").unwrap(),
            &lookup,
        )
        .unwrap();
        assert_eq!(c.kind, Kind::Change);
        assert_eq!(decimal_string(&c.range.point, 4), "-0.652");
    }

    /// (44 / 28)^(1/18) − 1 = 2.5428...%; the bracket holds the true root, and one year
    /// is the plain change.
    #[test]
    fn an_average_yearly_rate_is_bracketed_exactly() {
        let e = parse("annual_change(28, 44, 18)").unwrap();
        assert_eq!(e.to_string(), "annual_change(28, 44, 18)");
        let v = evaluate(&e, &lookup).unwrap();
        assert_eq!(v.kind, Kind::Change);
        assert_eq!(decimal_string(&v.range.point, 6), "0.025428");
        // (1 + low)^18 ≤ 44/28 ≤ (1 + high)^18, and the bracket is narrow.
        let pow =
            |r: &crate::verify::interval::Q| (0..18).fold(q_int(1), |acc, _| acc * (r + q_int(1)));
        let ratio = q_int(44) / q_int(28);
        assert!(pow(&v.range.low) <= ratio && ratio <= pow(&v.range.high));
        assert!(&v.range.high - &v.range.low < q(Decimal::new(1, 12)));
        let one = evaluate(
            &parse("annual_change(trade_2018q1, trade_2019q1, 1)").unwrap(),
            &lookup,
        )
        .unwrap();
        let plain = evaluate(
            &parse("change(trade_2018q1, trade_2019q1)").unwrap(),
            &lookup,
        )
        .unwrap();
        assert!(one.range.low <= plain.range.low && plain.range.high <= one.range.high);
        assert_eq!(
            decimal_string(&one.range.point, 6),
            decimal_string(&plain.range.point, 6)
        );
        assert!(
            parse("annual_change(a, b, 0)")
                .unwrap_err()
                .contains("whole number")
        );
        assert!(
            parse("annual_change(a, b, 2.5)")
                .unwrap_err()
                .contains("whole number")
        );
        assert_eq!(
            evaluate(
                &parse("annual_change(exports, -1 * exports, 2)").unwrap(),
                &lookup
            ),
            Err(EvalError::Arithmetic(Arithmetic::NotPositive))
        );
    }

    #[test]
    fn parts_add_up() {
        let v = evaluate(&parse("exports + imports").unwrap(), &lookup).unwrap();
        assert_eq!(v.kind, Kind::Money("USD".into()));
        assert_eq!(decimal_string(&v.range.point, 0), "10690000");
        assert_eq!(decimal_string(&v.range.low, 0), "10680000");
        assert_eq!(decimal_string(&v.range.high, 0), "10700000");
    }

    #[test]
    fn precedence_parentheses_and_negation() {
        let v = evaluate(&parse("(2 + 3) * 4 - -1 / 2").unwrap(), &lookup).unwrap();
        assert_eq!(decimal_string(&v.range.point, 2), "20.5");
        assert_eq!(parse("a / b").unwrap().figures(), ["a", "b"]);
    }

    #[test]
    fn errors_are_clear_and_bounded() {
        assert!(parse("").unwrap_err().contains("empty"));
        assert!(parse("a +").unwrap_err().contains("found the end"));
        assert!(parse("a ; b").unwrap_err().contains("unexpected character"));
        assert!(parse("(a").unwrap_err().contains("expected `)`"));
        let deep = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(parse(&deep).unwrap_err().contains("at most 1000"));
        let deep = format!("{}a{}", "(".repeat(100), ")".repeat(100));
        assert!(parse(&deep).unwrap_err().contains("deeper than 32"));
        assert_eq!(
            evaluate(&parse("exports / 0").unwrap(), &lookup),
            Err(EvalError::Arithmetic(Arithmetic::Division(
                ZeroDivisor::Zero
            )))
        );
        assert_eq!(
            evaluate(&parse("exports + yuan").unwrap(), &lookup),
            Err(currencies(Operation::Add, "USD", "CNY"))
        );
        assert_eq!(
            evaluate(&parse("nope").unwrap(), &lookup).unwrap_err(),
            EvalError::Figure("unknown figure `nope`".to_string())
        );
    }
}
