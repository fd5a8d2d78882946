//! Renders a `Verification`: a table of figures and claims with details (text, Markdown),
//! or the JSON contract for scripts (docs/verification.md). The sentences themselves are
//! `explain`'s, shared with the report (`super::report`).

pub mod article;
pub mod explain;

use num_traits::Signed;
use serde_json::json;

use super::table::{Align, Table};
use crate::verify::check::{ClaimResult, FigureStatus, Verdict, Verification};
use crate::verify::interval::{Q, Range, decimal_string, q_int};
use crate::verify::phrase::Measure;
use explain::{asserts, claim_explanation, diagnosis_detail, figure_explanation, show_money};

/// Decimals of the exact values in JSON (exact when the decimal expansion ends sooner).
pub const JSON_DECIMALS: u32 = 12;

pub struct Heading<'a> {
    pub title: Option<&'a str>,
    pub claims_file: &'a str,
}

fn computed_cell(c: &ClaimResult) -> String {
    let Some(r) = &c.computed else {
        return "—".to_string();
    };
    in_measure(&r.point, c)
}

fn in_measure(value: &Q, c: &ClaimResult) -> String {
    match c.measure() {
        Some(Measure::Change) => format!("{}%", decimal_string(&(value * q_int(100)), 1)),
        Some(Measure::Share) => format!("{}%", decimal_string(&(value * q_int(100)), 1)),
        Some(Measure::Multiple) | Some(Measure::Number) => format!("×{}", decimal_string(value, 3)),
        Some(Measure::Points) => format!("{} pp", decimal_string(value, 2)),
        Some(Measure::Amount { currency }) => show_money(value, currency),
        // `equals` claims: in the currency of the value (none for plain numbers).
        None => show_money(value, c.currency().unwrap_or("")),
    }
}

fn allowed_cell(c: &ClaimResult) -> String {
    let Some(a) = &c.allowed else {
        return "—".to_string();
    };
    match c.measure() {
        Some(Measure::Change | Measure::Share) => format!("{} %", a.describe(&q_int(100), 2)),
        Some(Measure::Amount { .. }) | None => {
            let scale = match a.high_value().or(a.low_value()) {
                Some(v) if v.abs() >= q_int(1_000_000_000) => (q_int(1_000_000_000), " billion"),
                Some(v) if v.abs() >= q_int(1_000_000) => (q_int(1_000_000), " million"),
                Some(v) if v.abs() >= q_int(1_000) => (q_int(1_000), " thousand"),
                _ => (q_int(1), ""),
            };
            format!("{}{}", a.describe(&(q_int(1) / scale.0), 4), scale.1)
        }
        _ => a.describe(&q_int(1), 4),
    }
}

fn verdict_cell(v: Verdict, markdown: bool) -> String {
    let text = v.as_str();
    match (v, markdown) {
        (Verdict::Inconsistent, true) => format!("**{}**", text.to_uppercase()),
        (Verdict::Inconsistent, false) => text.to_uppercase(),
        _ => text.to_string(),
    }
}

/// Figures with their status and the data's value.
pub fn figures_table(v: &Verification) -> Table {
    let mut t = Table::new(&[
        ("figure", Align::Left),
        ("printed", Align::Left),
        ("status", Align::Left),
        ("in the data", Align::Right),
    ]);
    for f in &v.figures {
        t.push(vec![
            f.id.clone(),
            f.printed.clone().unwrap_or_else(|| "—".into()),
            f.status().as_str().to_string(),
            f.data_value().map_or("—".to_string(), explain::money),
        ]);
    }
    t
}

/// One row per claim: verdict, what it asserts, computed and allowed values, diagnoses.
pub fn claims_table(v: &Verification, emphasise: bool) -> Table {
    let mut t = Table::new(&[
        ("#", Align::Right),
        ("line", Align::Right),
        ("verdict", Align::Left),
        ("asserts", Align::Left),
        ("computed", Align::Right),
        ("allowed", Align::Left),
        ("diagnoses", Align::Left),
    ]);
    for (i, c) in v.claims.iter().enumerate() {
        t.push(vec![
            (i + 1).to_string(),
            c.line.to_string(),
            verdict_cell(c.verdict, emphasise),
            asserts(c),
            computed_cell(c),
            allowed_cell(c),
            diagnosis_names(c).join(", "),
        ]);
    }
    t
}

/// The verdict tables and details, for a terminal or (`markdown`) as Markdown.
pub fn text(v: &Verification, heading: &Heading<'_>, markdown: bool) -> String {
    let render = |t: &Table| {
        if markdown {
            t.to_markdown()
        } else {
            t.to_text()
        }
    };
    let mut out = String::new();
    let title = match heading.title {
        Some(t) => format!("Verification of \"{t}\" ({})", heading.claims_file),
        None => format!("Verification of {}", heading.claims_file),
    };
    let h = |level: usize, text: &str| {
        if markdown {
            format!("{} {text}\n\n", "#".repeat(level))
        } else {
            format!("{text}\n")
        }
    };
    out.push_str(&h(2, &title));
    out.push_str(&format!(
        "rounding: {}; lexicon {}\n\n",
        explain::rounding_policy(v.rounding),
        v.lexicon_version
    ));

    if !v.figures.is_empty() {
        out.push_str(&h(3, "Figures"));
        let t = figures_table(v);
        out.push_str(&render(&t));
        out.push('\n');
    }

    if !v.claims.is_empty() {
        out.push_str(&h(3, "Claims"));
        let t = claims_table(v, markdown);
        out.push_str(&render(&t));
        out.push('\n');
        out.push_str(&h(3, "Details"));
        for (i, c) in v.claims.iter().enumerate() {
            let bullet = if markdown { "- " } else { "    " };
            out.push_str(&format!("[{}] \"{}\"\n", i + 1, c.quote));
            if markdown {
                out.push('\n');
            }
            out.push_str(&format!(
                "{bullet}{}: {}\n",
                c.verdict.as_str(),
                claim_explanation(c)
            ));
            for d in &c.diagnoses {
                out.push_str(&format!(
                    "{bullet}diagnosis {}: {}\n",
                    d.kind().as_str(),
                    diagnosis_detail(d)
                ));
            }
            out.push('\n');
        }
    }
    out.push_str(&tally(v));
    out.push('\n');
    out
}

/// The one-line count of verdicts, shared by `verify` and `report`.
pub fn tally(v: &Verification) -> String {
    let count = |verdict: Verdict| v.claims.iter().filter(|c| c.verdict == verdict).count();
    format!(
        "{} claim(s) — {} consistent, {} consistent only by rounding, {} inconsistent, \
         {} unverifiable; {}",
        v.claims.len(),
        count(Verdict::Consistent),
        count(Verdict::ConsistentByRounding),
        count(Verdict::Inconsistent),
        count(Verdict::Unverifiable),
        figures_tally(v)
    )
}

/// "3 figure(s), 1 contradicted by the data".
pub fn figures_tally(v: &Verification) -> String {
    let contradicted = v
        .figures
        .iter()
        .filter(|f| f.status() == FigureStatus::Contradicted)
        .count();
    format!(
        "{} figure(s), {} contradicted by the data",
        v.figures.len(),
        contradicted
    )
}

/// The names of a claim's diagnoses, in order.
pub fn diagnosis_names(c: &ClaimResult) -> Vec<&'static str> {
    c.diagnoses.iter().map(|d| d.kind().as_str()).collect()
}

fn range_json(r: &Range) -> serde_json::Value {
    json!({
        "low": decimal_string(&r.low, JSON_DECIMALS),
        "point": decimal_string(&r.point, JSON_DECIMALS),
        "high": decimal_string(&r.high, JSON_DECIMALS),
    })
}

/// The JSON contract (docs/verification.md).
pub fn json(v: &Verification) -> String {
    let claims: Vec<serde_json::Value> = v
        .claims
        .iter()
        .map(|c| {
            json!({
                "quote": c.quote,
                "verdict": c.verdict.as_str(),
                "diagnoses": diagnosis_names(c),
                "computed": c.computed.as_ref().map(range_json),
                "explanation": claim_explanation(c),
                "id": c.id,
                "line": c.line,
                "asserts": asserts(c),
                "value": c.value_text,
                "allowed": c.allowed.as_ref().map(|a| a.describe(&q_int(1), JSON_DECIMALS)),
                "diagnosis_details": c.diagnoses.iter().map(|d| json!({"diagnosis": d.kind().as_str(), "detail": diagnosis_detail(d)})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let figures: Vec<serde_json::Value> = v
        .figures
        .iter()
        .map(|f| {
            json!({
                "id": f.id,
                "status": f.status().as_str(),
                "printed": f.printed,
                "data_value": f.data_value().map(|m| m.amount.normalize().to_string()),
                "currency": f.data_value().map(|m| &m.currency),
                "explanation": figure_explanation(&f.check),
                "line": f.line,
            })
        })
        .collect();
    let doc = json!({
        "format_version": crate::render::FORMAT_VERSION,
        "claims": claims,
        "figures": figures,
        "rounding": v.rounding.name(),
        "lexicon": v.lexicon_version,
        "problem_found": v.found_problem(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::verify::check::testing::run;

    /// The currency of an `equals` claim is the value's, not a word of its explanation: a
    /// figure id of three capitals is no currency.
    #[test]
    fn an_equals_claim_is_shown_in_its_values_currency() {
        let v = run("[[figure]]\nid = \"ABC\"\nprinted = \"$10 million\"\n\n\
             [[figure]]\nid = \"x\"\nprinted = \"$1 million\"\n\n\
             [[figure]]\nid = \"t\"\nprinted = \"$11 million\"\n\n\
             [[figure]]\nid = \"EXP\"\nprinted = \"41%\"\n\n\
             [[figure]]\nid = \"s\"\nprinted = \"46%\"\n\n\
             [[claim]]\nquote = \"q\"\nequals = \"t\"\nvalue = \"ABC + x\"\n\n\
             [[claim]]\nquote = \"q\"\nequals = \"s\"\nvalue = \"EXP + 0.05\"\n");
        assert_eq!(computed_cell(&v.claims[0]), "11 USD million");
        assert_eq!(computed_cell(&v.claims[1]), "0.46 ");
        let out = text(
            &v,
            &Heading {
                title: None,
                claims_file: "t.toml",
            },
            false,
        );
        assert!(
            out.contains("consistent: ABC + x = 11 USD million, in [5.5 USD million, 16.5 USD million]; t = 11 USD million, in [10.5 USD million, 11.5 USD million]"),
            "{out}"
        );
    }
}
