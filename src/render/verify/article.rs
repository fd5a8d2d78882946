//! Renders `check`: each relation an article asserts with its quote, arithmetic and
//! verdict (table, Markdown), the JSON contract, or the article itself as HTML with each
//! number marked by its verdict.

use std::fmt::Write as _;

use serde_json::json;

use super::explain::{claim_explanation, diagnosis_detail, figure_explanation};
use super::{diagnosis_names, figures_tally};
use crate::render::table::{Align, Table};
use crate::verify::article::{Article, ArticleClaims, Doubt, NumberKind, RelationKind, Unchecked};
use crate::verify::check::{ClaimResult, FigureStatus, Verification};

/// One relation, as shown: its verdict, claim result and figures.
struct Row<'a> {
    index: usize,
    kind: RelationKind,
    says: String,
    quote: String,
    claim: Option<&'a ClaimResult>,
    unchecked: Option<Unchecked>,
    figures: Vec<usize>,
    line: usize,
}

impl Row<'_> {
    fn verdict(&self) -> &'static str {
        self.claim.map_or("unverifiable", |c| c.verdict.as_str())
    }

    fn explanation(&self, article: &Article, model: &ArticleClaims) -> String {
        match self.claim {
            Some(c) if model.doubted.contains(&(self.index, Doubt::FarOff)) => format!(
                "not judged: the amounts read are far from what the text says and no known \
                 slip explains it — perhaps not the amounts it compares ({})",
                claim_explanation(c)
            ),
            Some(c) if model.doubted.contains(&(self.index, Doubt::OrderUnknown)) => format!(
                "not judged: both amounts are read as of one period, so which is the base is \
                 not known, and the other way round reproduces what the text says ({})",
                claim_explanation(c)
            ),
            Some(c) => {
                let mut text = claim_explanation(c);
                if let Some((_, id)) = model.from_data.iter().find(|(r, _)| *r == self.index) {
                    let _ = write!(text, " ({id}: the base, from the data)");
                }
                text
            }
            None => match self.unchecked {
                Some(Unchecked::NoBase) => format!(
                    "the text prints no base for \"{}\": nothing in it to check against{}",
                    self.says,
                    if article.options.bind {
                        "; the data has no value for the base"
                    } else {
                        "; give --data to check it against the records"
                    }
                ),
                Some(Unchecked::NoWhole) => {
                    format!("the text prints no whole for the share \"{}\"", self.says)
                }
                Some(Unchecked::NoPart) => format!(
                    "the text prints the whole of the share \"{}\" but not its part",
                    self.says
                ),
                Some(Unchecked::NoAmount) => format!("no amount printed beside \"{}\"", self.says),
                Some(Unchecked::NoNewValue) => format!(
                    "the text prints the base of \"{}\" but not the new value: nothing in it \
                     to check against",
                    self.says
                ),
                None => "the relation could not be put as a claim".to_string(),
            },
        }
    }
}

fn rows<'a>(article: &'a Article, model: &'a ArticleClaims, v: &'a Verification) -> Vec<Row<'a>> {
    article
        .relations
        .iter()
        .enumerate()
        .map(|(i, r)| Row {
            index: i,
            kind: r.kind,
            says: article.says(r),
            quote: crate::verify::article::quote(article, r),
            claim: model.claim_of[i].and_then(|c| v.claims.get(c)),
            unchecked: r.unchecked,
            figures: r.figures.clone(),
            line: model.claim_of[i].and_then(|c| v.claims.get(c)).map_or_else(
                || crate::verify::article::line_at(article, r.says.start),
                |c| c.line,
            ),
        })
        .collect()
}

/// Whether anything is wrong (exit code 1): as `verify`.
pub fn found_problem(_article: &Article, _model: &ArticleClaims, v: &Verification) -> bool {
    v.found_problem()
}

fn why_name(kind: &NumberKind) -> &'static str {
    match kind {
        NumberKind::Amount { .. } => "amount",
        NumberKind::Percent => "percentage",
        NumberKind::Points => "percentage points",
        NumberKind::Multiple => "multiple",
        NumberKind::ShareWord => "share",
        NumberKind::Ignored(i) => i.name(),
    }
}

/// The sentence saying why a number is no trade figure.
fn ignored_reason(kind: &NumberKind) -> &'static str {
    use crate::verify::article::Ignored::*;
    match kind {
        NumberKind::Ignored(i) => match i {
            Year => "a year",
            Date => "a day of a date",
            Duration => "a duration",
            Distance => "a distance",
            Quantity => "a quantity, not money",
            Count => "a count, with no currency or unit of trade",
            Rank => "a rank",
            Code => "a code or reference number",
            Name => "part of a name (F-16, G20)",
            Rate => "a tariff, tax or other rate, not a trade value",
            NoCurrency => "no currency, in a sentence that names no trade flow",
            Threshold => "a round threshold passed, not a figure of the data",
            Forecast => "a forecast, projection or target, not a figure of the data",
            OtherMoney => "money other than trade (investment, remittances, loans, aid)",
            Price => "a price (of a barrel, a tonne, a currency), not a trade value",
        },
        _ => "",
    }
}

fn figure_cells(article: &Article, f: usize) -> (String, String, String) {
    let fig = &article.figures[f];
    let period = article.period_label(f);
    let measure = fig
        .measure
        .map_or("?".to_string(), |m| m.name().to_string());
    let mut measure = match &fig.commodity {
        Some(c) => format!("{measure} ({c})"),
        None => measure,
    };
    if let Some(o) = &fig.owner {
        let _ = write!(measure, " of {o}");
    }
    (
        article.shown_printed(fig.number).to_string(),
        period,
        measure,
    )
}

/// The table (or Markdown) of relations, figures against the data, and ignored numbers.
pub fn text(
    article: &Article,
    model: &ArticleClaims,
    v: &Verification,
    name: &str,
    markdown: bool,
) -> String {
    let rows = rows(article, model, v);
    let mut out = String::new();
    let heading = |out: &mut String, t: &str| {
        if markdown {
            let _ = writeln!(out, "\n## {t}\n");
        } else {
            let _ = writeln!(out, "\n{t}");
        }
    };
    if markdown {
        let _ = writeln!(out, "# Check of {name}");
    } else {
        let _ = writeln!(out, "Check of {name}");
    }
    let pair = match (&article.reporter, &article.partner) {
        (Some(r), Some(p)) => format!("{r} and {p}"),
        _ => "not found".to_string(),
    };
    let figures_n = article.figures.len();
    let ignored_n = article
        .numbers
        .iter()
        .filter(|n| matches!(n.kind, NumberKind::Ignored(_)))
        .count();
    let _ = writeln!(
        out,
        "{} relation(s) found between {} trade figure(s); {} number(s) are not trade figures; the pair: {pair}.",
        rows.len(),
        article.numbers.len() - ignored_n,
        ignored_n,
    );
    if article.padded {
        let _ = writeln!(
            out,
            "Every number printed with two decimals ends in 0: the text pads its figures, so \
             they are read to one decimal (\"3.30%\" as 3.3%)."
        );
    }
    let _ = figures_n;
    heading(&mut out, "Relations");
    let mut t = Table::new(&[
        ("#", Align::Right),
        ("line", Align::Right),
        ("verdict", Align::Left),
        ("kind", Align::Left),
        ("says", Align::Left),
        ("figures", Align::Left),
        ("diagnoses", Align::Left),
    ]);
    for (k, r) in rows.iter().enumerate() {
        let verdict = r.verdict();
        let verdict = if verdict == "inconsistent" {
            if markdown {
                "**INCONSISTENT**".to_string()
            } else {
                "INCONSISTENT".to_string()
            }
        } else {
            verdict.to_string()
        };
        let figs: Vec<String> = r
            .figures
            .iter()
            .map(|&f| {
                let (printed, period, _) = figure_cells(article, f);
                format!("{printed} ({period})")
            })
            .collect();
        let diagnoses = r.claim.map(diagnosis_names).unwrap_or_default().join(", ");
        t.push(vec![
            (k + 1).to_string(),
            r.line.to_string(),
            verdict,
            r.kind.name().to_string(),
            r.says.clone(),
            figs.join(", "),
            diagnoses,
        ]);
    }
    out.push_str(&if markdown {
        t.to_markdown()
    } else {
        t.to_text()
    });
    heading(&mut out, "Details");
    for (k, r) in rows.iter().enumerate() {
        let _ = writeln!(out, "[{}] \"{}\"", k + 1, r.quote);
        for &f in &r.figures {
            let (printed, period, measure) = figure_cells(article, f);
            let _ = writeln!(
                out,
                "    {printed}: {measure}, {period}{}",
                period_note(article, f)
            );
        }
        let _ = writeln!(
            out,
            "    {}: {}",
            r.verdict(),
            r.explanation(article, model)
        );
        if let Some(c) = r.claim {
            for d in &c.diagnoses {
                let _ = writeln!(
                    out,
                    "    diagnosis {}: {}",
                    d.kind().as_str(),
                    diagnosis_detail(d)
                );
            }
        }
    }
    if article.options.bind {
        heading(&mut out, "Figures against the data");
        let mut t = Table::new(&[
            ("figure", Align::Left),
            ("printed", Align::Left),
            ("status", Align::Left),
            ("explanation", Align::Left),
        ]);
        for f in &v.figures {
            if f.printed.is_none() && f.status() == FigureStatus::Unchecked {
                continue;
            }
            t.push(vec![
                f.id.clone(),
                f.printed.clone().unwrap_or_default(),
                f.status().as_str().to_string(),
                figure_explanation(&f.check),
            ]);
        }
        out.push_str(&if markdown {
            t.to_markdown()
        } else {
            t.to_text()
        });
    }
    heading(&mut out, "Numbers that are not trade figures");
    let mut t = Table::new(&[
        ("line", Align::Right),
        ("number", Align::Left),
        ("why", Align::Left),
    ]);
    for (i, n) in article.numbers.iter().enumerate() {
        if matches!(n.kind, NumberKind::Ignored(_)) {
            t.push(vec![
                article.line_of(i).to_string(),
                article.shown_printed(i).to_string(),
                ignored_reason(&n.kind).to_string(),
            ]);
        }
    }
    out.push_str(&if markdown {
        t.to_markdown()
    } else {
        t.to_text()
    });
    let _ = writeln!(out, "\n{}", relations_tally(&rows, v));
    out
}

/// The closing count of `check`: every relation listed (those with nothing to check them
/// against are unverifiable), then the figures bound to data.
fn relations_tally(rows: &[Row], v: &Verification) -> String {
    let count = |verdict: &str| rows.iter().filter(|r| r.verdict() == verdict).count();
    format!(
        "{} relation(s) — {} consistent, {} consistent only by rounding, {} inconsistent, \
         {} unverifiable; {}",
        rows.len(),
        count("consistent"),
        count("consistent-by-rounding"),
        count("inconsistent"),
        count("unverifiable"),
        figures_tally(v)
    )
}

fn period_note(article: &Article, f: usize) -> &'static str {
    use crate::verify::article::PeriodNote::*;
    match article.figures[f].period_note {
        Some(Sentence) => " (period named elsewhere in the sentence)",
        Some(Carried) => " (period carried from an earlier sentence)",
        Some(ComparisonBase) => " (period: one year before the compared figure)",
        None => "",
    }
}

/// A figure as the JSON shows it: printed, and how its period, measure and sides were read.
fn figure_json(article: &Article, f: usize) -> serde_json::Value {
    let fig = &article.figures[f];
    let (reporter, partner) = sides(article, f);
    json!({
        "printed": article.shown_printed(fig.number),
        "period": fig.period.map(|_| article.period_label(f)),
        // Months named with no year ("in the first quarter"): "01..03".
        "months": fig.months_only.map(|(a, b)| format!("{a:02}..{b:02}")),
        "measure": fig.measure.map(|m| m.name()),
        "commodity": fig.commodity,
        "reporter": reporter,
        "partner": partner,
        "line": article.line_of(fig.number),
    })
}

/// The JSON contract of `check` (docs/verification.md).
pub fn json(article: &Article, model: &ArticleClaims, v: &Verification) -> String {
    let rows = rows(article, model, v);
    let claims: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let rel = &article.relations[r.index];
            let percents = rel.percents.iter().map(|&p| {
                json!({
                    "printed": article.shown_printed(p),
                    "period": null,
                    "measure": "share",
                    "commodity": null,
                    "reporter": null,
                    "partner": null,
                    "line": article.line_of(p),
                })
            });
            let figures: Vec<serde_json::Value> = r
                .figures
                .iter()
                .map(|&f| figure_json(article, f))
                .chain(percents)
                .collect();
            json!({
                "quote": r.quote,
                "says": r.says,
                "kind": r.kind.name(),
                "figures": figures,
                "verdict": r.verdict(),
                "diagnoses": r.claim.map(diagnosis_names).unwrap_or_default(),
                "explanation": r.explanation(article, model),
                "value": r.claim.map(|c| c.value_text.clone()),
                "unchecked": r.unchecked.map(|u| u.name()),
                "line": r.line,
            })
        })
        .collect();
    let numbers: Vec<serde_json::Value> = article
        .numbers
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let ignored = matches!(n.kind, NumberKind::Ignored(_));
            // How a trade figure was read, whether or not a relation uses it.
            let read = article
                .figures
                .iter()
                .position(|f| f.number == i)
                .map(|f| figure_json(article, f));
            json!({
                "printed": article.shown_printed(i),
                "role": if ignored { "ignored" } else { "figure" },
                "why": if ignored { ignored_reason(&n.kind) } else { why_name(&n.kind) },
                "line": article.line_of(i),
                "read_as": read,
            })
        })
        .collect();
    let data: Vec<serde_json::Value> = v
        .figures
        .iter()
        .filter(|f| f.status() != FigureStatus::Unchecked)
        .map(|f| {
            json!({
                "id": f.id,
                "printed": f.printed,
                "status": f.status().as_str(),
                "data_value": f.data_value().map(|m| m.amount.normalize().to_string()),
                "explanation": figure_explanation(&f.check),
            })
        })
        .collect();
    let doc = json!({
        "format_version": crate::render::FORMAT_VERSION,
        "claims": claims,
        "numbers": numbers,
        "figures_against_data": data,
        "reporter": article.reporter,
        "partner": article.partner,
        "rounding": v.rounding.name(),
        "lexicon": v.lexicon_version,
        "problem_found": v.found_problem(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// Whose flow a figure is, and with whom: the owner first when the text says.
fn sides(article: &Article, f: usize) -> (Option<String>, Option<String>) {
    let fig = &article.figures[f];
    // A world total ("Peru's total exports") or a flow with a third economy: its own sides.
    if let Some(other) = crate::verify::article::other_than_pair(article, fig) {
        return (
            fig.owner.clone().or_else(|| article.reporter.clone()),
            Some(other),
        );
    }
    match (&fig.owner, &article.reporter, &article.partner) {
        (Some(o), Some(r), Some(p)) => {
            if crate::verify::article::same_country(o, p)
                && !crate::verify::article::same_country(o, r)
            {
                (Some(p.clone()), Some(r.clone()))
            } else {
                (Some(r.clone()), Some(p.clone()))
            }
        }
        (_, r, p) => (r.clone(), p.clone()),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The worst verdict of the relations a number takes part in.
fn number_verdict(article: &Article, rows: &[Row], n: usize) -> Option<(&'static str, Vec<usize>)> {
    let figure = article.figure_of(n);
    let involved: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            let rel = &article.relations[r.index];
            rel.stated == Some(n)
                || figure.is_some_and(|f| r.figures.contains(&f))
                || rel.percents.contains(&n)
        })
        .map(|(k, _)| k)
        .collect();
    if involved.is_empty() {
        return None;
    }
    let rank = |v: &str| match v {
        "inconsistent" => 3,
        "unverifiable" => 1,
        _ => 2,
    };
    let worst = involved
        .iter()
        .map(|&k| rows[k].verdict())
        .max_by_key(|v| rank(v))?;
    Some((worst, involved))
}

const STYLE: &str = r#"
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:48rem;margin:1.5rem auto;padding:0 1rem;line-height:1.7;color:#1a1a1a;background:#fff}
h1{font-size:1.4rem;line-height:1.3}h2{font-size:1.1rem;margin-top:2rem}
.article{font-size:1.05rem;white-space:pre-wrap;overflow-wrap:anywhere}
.n{position:relative;border-radius:3px;padding:0 .15em;cursor:help;outline-offset:2px}
.n:focus{outline:2px solid #1a1a1a}
.n .sym{font-weight:700;margin-right:.1em}
.consistent,.consistent-by-rounding{background:#dcefdc;border-bottom:2px solid #2e7d32}
.inconsistent{background:#fbdada;border-bottom:2px solid #c62828}
.unverifiable{background:#fff1c7;border-bottom:2px dashed #8a6d00}
.figure{border-bottom:1px solid #777}
.ignored{color:#555;border-bottom:1px dotted #999}
.tip{display:none;position:absolute;left:0;top:1.6em;z-index:2;width:min(26rem,80vw);background:#222;color:#fff;font-size:.85rem;line-height:1.45;padding:.5rem .65rem;border-radius:4px;white-space:normal;font-weight:400}
.n:hover .tip,.n:focus .tip,.n:focus-within .tip{display:block}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem}.legend span{white-space:nowrap}
.badge{white-space:nowrap}
table{border-collapse:collapse;width:100%;font-size:.9rem}
td,th{border-bottom:1px solid #ddd;padding:.35rem .4rem;text-align:left;vertical-align:top}
td:nth-child(3){white-space:nowrap}td:last-child{overflow-wrap:anywhere}
.scroll{overflow-x:auto}
@media (max-width:560px){body{margin:.75rem auto}.article{font-size:1rem}thead{display:none}tr{display:block;border-bottom:1px solid #ddd;padding:.4rem 0}td{display:inline-block;border:0;padding:.1rem .3rem}td:last-child{display:block}}
"#;

fn symbol(verdict: &str) -> &'static str {
    match verdict {
        "consistent" | "consistent-by-rounding" => "✓",
        "inconsistent" => "✗",
        "unverifiable" => "?",
        _ => "",
    }
}

/// The article as a page: each number marked by the verdict of its relations (colour and
/// a symbol), the arithmetic on hover and on focus; then the relations as a table. No
/// script, no network.
pub fn html(article: &Article, model: &ArticleClaims, v: &Verification, name: &str) -> String {
    let rows = rows(article, model, v);
    let mut body = String::new();
    let mut at = 0;
    for (i, n) in article.numbers.iter().enumerate() {
        let span = n.printed.clone();
        if span.start < at {
            continue;
        }
        body.push_str(&escape(article.shown(&(at..span.start))));
        let printed = escape(article.shown_printed(i));
        let (class, sym, tip) = match (&n.kind, number_verdict(article, &rows, i)) {
            (NumberKind::Ignored(_), _) => (
                "ignored",
                "",
                format!("Not a trade figure: {}.", ignored_reason(&n.kind)),
            ),
            (_, Some((verdict, involved))) => {
                let mut tip = String::new();
                for k in involved {
                    let r = &rows[k];
                    let _ = write!(
                        tip,
                        "[{}] {} — {}: {}. ",
                        k + 1,
                        r.kind.name(),
                        r.verdict(),
                        r.explanation(article, model)
                    );
                }
                (verdict, symbol(verdict), tip)
            }
            (_, None) => {
                let tip = match article.figure_of(i) {
                    Some(f) => {
                        let (_, period, measure) = figure_cells(article, f);
                        format!(
                            "A trade figure ({measure}, {period}) in no relation the text asserts."
                        )
                    }
                    None => "A trade figure in no relation the text asserts.".to_string(),
                };
                ("figure", "", tip)
            }
        };
        let label = match sym {
            "" => format!("{printed}: {}", escape(&tip)),
            _ => format!("{printed}: {class}. {}", escape(&tip)),
        };
        let _ = write!(
            body,
            "<span class=\"n {class}\" tabindex=\"0\" aria-label=\"{label}\">{}{printed}<span class=\"tip\" role=\"tooltip\">{}</span></span>",
            if sym.is_empty() {
                String::new()
            } else {
                format!("<span class=\"sym\" aria-hidden=\"true\">{sym}</span>")
            },
            escape(&tip)
        );
        at = span.end;
    }
    body.push_str(&escape(article.shown(&(at..article.text.len()))));
    let mut table = String::from(
        "<div class=\"scroll\"><table><thead><tr><th>#</th><th>verdict</th><th>kind</th><th>says</th><th>arithmetic</th></tr></thead><tbody>",
    );
    for (k, r) in rows.iter().enumerate() {
        let verdict = r.verdict();
        let _ = write!(
            table,
            "<tr><td>{}</td><td><span class=\"n badge {verdict}\">{} {verdict}</span></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            k + 1,
            symbol(verdict),
            r.kind.name(),
            escape(&r.says),
            escape(&r.explanation(article, model))
        );
    }
    table.push_str("</tbody></table></div>");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Check of {title}</title><style>{STYLE}</style></head><body>\n<h1>Check of {title}</h1>\n<p class=\"legend\"><span class=\"n consistent\"><span class=\"sym\">✓</span> consistent</span><span class=\"n inconsistent\"><span class=\"sym\">✗</span> inconsistent</span><span class=\"n unverifiable\"><span class=\"sym\">?</span> unverifiable</span><span class=\"n ignored\">not a trade figure</span></p>\n<p>Hover over or tab to a number to see its arithmetic. {tally}</p>\n<div class=\"article\">{body}</div>\n<h2>Relations</h2>\n{table}\n</body></html>\n",
        title = escape(name),
        tally = escape(&relations_tally(&rows, v)),
    )
}
