//! The results of `metrics` as tables: a `Section` is one table of exact values with its
//! key columns, its value columns (each with the `Quantity` that says how it reads), its
//! formula and its notes — what any renderer prints.

use super::Value;
use crate::model::Period;

/// How a column's numbers read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    Money,
    /// Money with an explicit sign (balances).
    SignedMoney,
    /// A fraction shown as a percentage.
    Percent,
    /// A change shown as a signed percentage.
    Change,
    /// Percentage points (already × 100).
    Points,
    /// A plain ratio (coverage, RCA, multiples).
    Ratio,
    /// Base = 100.
    Index,
    /// An HHI on the 0–1 scale.
    Unit,
    /// An HHI on the 0–10,000 scale.
    Ten000,
    Count,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    pub quantity: Quantity,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The period the row is of, for rows keyed by period (filtering never reads labels).
    pub period: Option<Period>,
    pub keys: Vec<String>,
    pub values: Vec<Value>,
}

/// One table of results with its formula.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub metric: &'static str,
    pub title: String,
    pub formula: String,
    pub keys: Vec<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

impl Section {
    pub(super) fn new(
        metric: &'static str,
        title: &str,
        formula: &str,
        keys: &[&str],
        columns: &[(&str, Quantity)],
    ) -> Section {
        Section {
            metric,
            title: title.to_string(),
            formula: formula.to_string(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            columns: columns
                .iter()
                .map(|(n, q)| Column {
                    name: n.to_string(),
                    quantity: *q,
                })
                .collect(),
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Keeps only the rows of `periods` (all when empty); rows not of a period stay.
    pub fn show_only(&mut self, periods: &[Period]) {
        if !periods.is_empty() {
            self.rows
                .retain(|r| r.period.is_none_or(|p| periods.contains(&p)));
        }
    }

    pub(super) fn push(&mut self, keys: Vec<String>, values: Vec<Value>) {
        self.rows.push(Row {
            period: None,
            keys,
            values,
        });
    }

    /// A row of `period`, keyed by its label (`key`, which may say it is partial).
    pub(super) fn push_period(
        &mut self,
        period: Period,
        key: String,
        mut keys: Vec<String>,
        values: Vec<Value>,
    ) {
        keys.insert(0, key);
        self.rows.push(Row {
            period: Some(period),
            keys,
            values,
        });
    }

    /// The value in `column` of the first row whose keys start with `keys` (for tests and
    /// for callers that need one number).
    pub fn value(&self, keys: &[&str], column: &str) -> Option<&Value> {
        let c = self.columns.iter().position(|c| c.name == column)?;
        self.rows
            .iter()
            .find(|r| r.keys.iter().zip(keys).all(|(a, b)| a == b))
            .and_then(|r| r.values.get(c))
    }
}
