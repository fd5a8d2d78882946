//! What people are told about rows that were refused or counted once: one line per kind
//! of problem (with its first row), and the full listing `inspect` prints.

use crate::diag::{Problem, ProblemGroup, Rejection, first_lines, group};

/// How a kind of problem is named in the one-line summaries.
fn label(g: &ProblemGroup<'_>) -> String {
    match (g.kind, g.column) {
        (Problem::Field, Some(column)) => format!("column `{column}`"),
        (Problem::Field, None) => "rows the layout cannot read".to_string(),
        (Problem::FieldCount, _) => "another number of fields than the header".to_string(),
        (Problem::Encoding, Some(column)) => format!("text not valid in column `{column}`"),
        (Problem::Encoding, None) => "text not valid in the encoding".to_string(),
        (Problem::Conflict, _) => "conflicting duplicates".to_string(),
        (Problem::Repeat, _) => "exact repeats".to_string(),
    }
}

/// A warning about rows: its headline and the lines under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub headline: String,
    pub details: Vec<String>,
}

/// The summary of repeated and refused rows, for stderr: one warning for the repeats, one
/// for the refused rows with a line per kind of problem and its first row.
pub fn summary(rejected: &[Rejection], repeated: &[Rejection]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if let Some(first) = repeated.first() {
        warnings.push(Warning {
            headline: format!(
                "{} row(s) repeat an earlier row exactly (the same reporter, partner, period, \
                 flow, commodity and value) and are counted once; the first is {}:{} \
                 (`tradestat inspect` lists them)",
                repeated.len(),
                first.path.display(),
                first.line
            ),
            details: Vec::new(),
        });
    }
    if !rejected.is_empty() {
        warnings.push(Warning {
            headline: format!(
                "{} row(s) rejected and left out (use --strict to stop instead; `tradestat \
                 inspect` lists them all):",
                rejected.len()
            ),
            details: (group(rejected).iter())
                .filter_map(|g| {
                    let first = g.rows.first()?;
                    Some(format!(
                        "  {} × {}, the first: {first}",
                        g.rows.len(),
                        label(g)
                    ))
                })
                .collect(),
        });
    }
    warnings
}

/// Every refused row, then every repeated one, `shown` at most of each (all with `None`).
pub fn listing(rejected: &[Rejection], repeated: &[Rejection], shown: Option<usize>) -> String {
    let mut out = String::new();
    let more = " (--all-rejections lists them)";
    for (rows, heading) in [
        (rejected, "rejected rows"),
        (repeated, "repeated rows, each counted once"),
    ] {
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!("{heading} ({}):\n", rows.len()));
        for line in first_lines(rows, shown.unwrap_or(rows.len()), more) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
