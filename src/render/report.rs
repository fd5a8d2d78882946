//! The report folder's documents: `index.html` (one self-contained page: inline CSS, no
//! network, charts beside it), `report.md` (the same content for forges) and
//! `provenance.json` (enough to reproduce the report).
//!
//! The verification section uses `super::verify`'s tables and `super::verify::explain`'s
//! sentences, the same as `tradestat verify` prints.
//!
//! Nothing here is time-dependent: the same inputs give the same bytes, so a committed
//! report can be checked for staleness by regenerating it.

use serde_json::json;

use super::summary::Parts;
use super::table::{Table, html_escape};
use super::verify::explain::{claim_explanation, diagnosis_detail, rounding_policy};
use crate::verify::check::{Verdict, Verification};
use crate::verify::phrase::Rounding;

/// One input file as the report saw it.
#[derive(Clone, Debug)]
pub struct InputFile {
    pub path: String,
    pub sha256: String,
    pub layout: String,
    pub rows_read: u64,
    pub rows_rejected: u64,
    /// Exact repeats of earlier rows, counted once.
    pub rows_repeated: u64,
}

#[derive(Clone, Debug)]
pub struct Provenance {
    pub tool_version: String,
    /// The command line as given (program name first).
    pub command: Vec<String>,
    pub inputs: Vec<InputFile>,
    pub claims: Option<InputFile>,
    pub rejected: Vec<String>,
    pub rounding: Rounding,
    pub lexicon_version: String,
}

pub struct Chart {
    pub file: String,
    pub alt: String,
}

pub struct Report<'a> {
    pub title: String,
    pub summary: Parts,
    pub charts: Vec<Chart>,
    pub verification: Option<&'a Verification>,
    pub tables: Vec<String>,
    pub provenance: Provenance,
}

const CSS: &str = "
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Helvetica, Arial, sans-serif; color: #222; background: #fff; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05rem; margin: 22px 0 8px; }
p.lede { color: #555; margin: 0 0 16px; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 8px 0 12px; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.92rem; min-width: 100%; }
th, td { padding: 6px 10px; border-bottom: 1px solid #e6e6e6; white-space: nowrap; }
th { background: #f6f6f6; font-weight: 600; }
td.l, th.l { text-align: left; } td.r, th.r { text-align: right; }
figure { margin: 16px 0 24px; }
figure img { width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #666; font-size: 0.85rem; }
ul.notes { color: #555; font-size: 0.9rem; padding-left: 20px; }
.verdict { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: 0.85rem; }
.v-consistent { background: #d9f2e9; color: #00573f; }
.v-consistent-by-rounding { background: #fff2cc; color: #6b4e00; }
.v-inconsistent { background: #fbe0d2; color: #8a2f00; }
.v-unverifiable { background: #e8e8e8; color: #444; }
.claim { border-left: 4px solid #ccc; padding: 6px 12px; margin: 12px 0; background: #fafafa; }
.claim.inconsistent { border-color: #D55E00; } .claim.consistent { border-color: #009E73; }
.claim.consistent-by-rounding { border-color: #E69F00; }
.claim q { font-style: italic; }
.claim p { margin: 4px 0; overflow-wrap: anywhere; }
code, .mono { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.85rem; overflow-wrap: anywhere; }
@media (max-width: 600px) { main { padding: 16px 12px 32px; } h1 { font-size: 1.35rem; } body { font-size: 15px; } }
";

fn verdict_badge(v: Verdict) -> String {
    format!("<span class=\"verdict v-{0}\">{0}</span>", v.as_str())
}

pub fn html(r: &Report<'_>) -> String {
    let mut o = String::new();
    o.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str(&format!(
        "<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        html_escape(&r.title)
    ));
    o.push_str(&format!("<h1>{}</h1>\n", html_escape(&r.title)));
    o.push_str(&format!(
        "<p class=\"lede\">{}</p>\n",
        html_escape(&r.summary.title)
    ));

    if let Some(v) = r.verification {
        o.push_str(&verification_html(v, &r.provenance));
    }
    o.push_str(&summary_html(&r.summary));
    o.push_str(&files_html(r));
    o.push_str(&provenance_html(&r.provenance));
    o.push_str("</main>\n</body>\n</html>\n");
    o
}

/// The verdicts, one block per claim with its diagnoses, then the claims and figures.
fn verification_html(v: &Verification, provenance: &Provenance) -> String {
    let mut o = String::new();
    o.push_str("<h2>Verification of the published figures</h2>\n");
    let problems = v.found_problem();
    o.push_str(&format!(
        "<p>{}</p>\n",
        html_escape(&if problems {
            format!("Problems found: {}.", super::verify::tally(v))
        } else {
            format!("No problem found: {}.", super::verify::tally(v))
        })
    ));
    for (i, c) in v.claims.iter().enumerate() {
        o.push_str(&format!("<div class=\"claim {}\">\n", c.verdict.as_str()));
        o.push_str(&format!(
            "<p>[{}] <q>{}</q></p>\n",
            i + 1,
            html_escape(&c.quote)
        ));
        o.push_str(&format!(
            "<p>{} — {}</p>\n",
            verdict_badge(c.verdict),
            html_escape(&claim_explanation(c))
        ));
        for d in &c.diagnoses {
            o.push_str(&format!(
                "<p><strong>Diagnosis: {}</strong> — {}</p>\n",
                d.kind().as_str(),
                html_escape(&diagnosis_detail(d))
            ));
        }
        o.push_str("</div>\n");
    }
    o.push_str("<h3>Claims</h3>\n");
    o.push_str(&super::verify::claims_table(v, false).to_html());
    o.push_str("<h3>Figures against the data</h3>\n");
    o.push_str(&super::verify::figures_table(v).to_html());
    o.push_str(&format!(
        "<ul class=\"notes\"><li>Rounding policy: {}; lexicon {}.</li></ul>\n",
        html_escape(&rounding_policy(provenance.rounding)),
        html_escape(&provenance.lexicon_version)
    ));
    o
}

fn summary_html(summary: &Parts) -> String {
    let mut o = String::new();
    o.push_str("<h2>Summary</h2>\n");
    o.push_str(&summary.flows.to_html());
    if let Some(b) = &summary.breakdown {
        o.push_str("<h3>Breakdown (each part's share of its flow)</h3>\n");
        o.push_str(&b.to_html());
    }
    o.push_str("<ul class=\"notes\">\n");
    for g in &summary.gaps {
        o.push_str(&format!("<li>— not available: {}</li>\n", html_escape(g)));
    }
    for n in &summary.notes {
        o.push_str(&format!("<li>{}</li>\n", html_escape(n)));
    }
    o.push_str("</ul>\n");

    o
}

/// The charts and the data tables beside the page.
fn files_html(r: &Report<'_>) -> String {
    let mut o = String::new();
    if !r.charts.is_empty() {
        o.push_str("<h2>Charts</h2>\n");
        for c in &r.charts {
            o.push_str(&format!(
                "<figure><img src=\"{0}\" alt=\"{1}\" width=\"1200\" height=\"675\"><figcaption>{1} — <a href=\"{0}\">{0}</a></figcaption></figure>\n",
                html_escape(&c.file),
                html_escape(&c.alt)
            ));
        }
    }

    o.push_str("<h2>Data tables</h2>\n<ul>\n");
    for t in &r.tables {
        o.push_str(&format!(
            "<li><a href=\"{0}\">{0}</a></li>\n",
            html_escape(t)
        ));
    }
    o.push_str("</ul>\n");

    o
}

fn provenance_html(provenance: &Provenance) -> String {
    let mut o = String::new();
    o.push_str("<h2>Provenance</h2>\n");
    o.push_str(&provenance_table(provenance).to_html());
    o.push_str(&format!(
        "<p>Made with tradestat {} by:</p>\n<p class=\"mono\">{}</p>\n",
        html_escape(&provenance.tool_version),
        html_escape(&shell_words(&provenance.command))
    ));
    if !provenance.rejected.is_empty() {
        o.push_str("<h3>Rejected rows (not included)</h3>\n<ul class=\"notes\">\n");
        for line in &provenance.rejected {
            o.push_str(&format!("<li class=\"mono\">{}</li>\n", html_escape(line)));
        }
        o.push_str("</ul>\n");
    }
    o
}

fn provenance_table(p: &Provenance) -> Table {
    use super::table::Align;
    let mut t = Table::new(&[
        ("input", Align::Left),
        ("layout", Align::Left),
        ("rows read", Align::Right),
        ("rejected", Align::Right),
        ("repeated", Align::Right),
        ("SHA-256", Align::Left),
    ]);
    for f in p.inputs.iter().chain(p.claims.iter()) {
        t.push(vec![
            f.path.clone(),
            f.layout.clone(),
            f.rows_read.to_string(),
            f.rows_rejected.to_string(),
            f.rows_repeated.to_string(),
            f.sha256.clone(),
        ]);
    }
    t
}

/// The command line, quoted so it can be pasted into a shell.
pub fn shell_words(args: &[String]) -> String {
    args.iter()
        .map(|a| {
            if !a.is_empty()
                && a.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+".contains(c))
            {
                a.clone()
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn markdown(r: &Report<'_>) -> String {
    let mut o = String::new();
    o.push_str(&format!("# {}\n\n{}\n\n", r.title, r.summary.title));
    if let Some(v) = r.verification {
        o.push_str("## Verification of the published figures\n\n");
        o.push_str(&format!(
            "{}\n\n",
            if v.found_problem() {
                format!("**Problems found:** {}.", super::verify::tally(v))
            } else {
                format!("No problem found: {}.", super::verify::tally(v))
            }
        ));
        for (i, c) in v.claims.iter().enumerate() {
            let verdict = if c.verdict == Verdict::Inconsistent {
                format!("**{}**", c.verdict.as_str().to_uppercase())
            } else {
                format!("**{}**", c.verdict.as_str())
            };
            o.push_str(&format!(
                "{}. \"{}\"\n\n   {verdict} — {}\n",
                i + 1,
                c.quote,
                claim_explanation(c)
            ));
            for d in &c.diagnoses {
                o.push_str(&format!(
                    "\n   - diagnosis **{}**: {}\n",
                    d.kind().as_str(),
                    diagnosis_detail(d)
                ));
            }
            o.push('\n');
        }
        o.push_str("### Claims\n\n");
        o.push_str(&super::verify::claims_table(v, true).to_markdown());
        o.push_str("\n### Figures against the data\n\n");
        o.push_str(&super::verify::figures_table(v).to_markdown());
        o.push_str(&format!(
            "\nRounding policy: {}; lexicon {}.\n\n",
            rounding_policy(r.provenance.rounding),
            r.provenance.lexicon_version
        ));
    }
    o.push_str("## Summary\n\n");
    o.push_str(&r.summary.flows.to_markdown());
    if let Some(b) = &r.summary.breakdown {
        o.push_str("\n### Breakdown (each part's share of its flow)\n\n");
        o.push_str(&b.to_markdown());
    }
    o.push('\n');
    for g in &r.summary.gaps {
        o.push_str(&format!("- — not available: {g}\n"));
    }
    for n in &r.summary.notes {
        o.push_str(&format!("- {n}\n"));
    }
    if !r.charts.is_empty() {
        o.push_str("\n## Charts\n\n");
        for c in &r.charts {
            o.push_str(&format!("![{}]({})\n\n", c.alt, c.file));
        }
    }
    o.push_str("## Data tables\n\n");
    for t in &r.tables {
        o.push_str(&format!("- [{t}]({t})\n"));
    }
    o.push_str("\n## Provenance\n\n");
    o.push_str(&provenance_table(&r.provenance).to_markdown());
    o.push_str(&format!(
        "\nMade with tradestat {} by:\n\n```sh\n{}\n```\n",
        r.provenance.tool_version,
        shell_words(&r.provenance.command)
    ));
    if !r.provenance.rejected.is_empty() {
        o.push_str("\nRejected rows (not included):\n\n");
        for line in &r.provenance.rejected {
            o.push_str(&format!("- `{line}`\n"));
        }
    }
    o
}

pub fn provenance_json(p: &Provenance) -> String {
    let file = |f: &InputFile| {
        json!({
            "path": f.path,
            "sha256": f.sha256,
            "layout": f.layout,
            "rows_read": f.rows_read,
            "rows_rejected": f.rows_rejected,
            "rows_repeated": f.rows_repeated,
        })
    };
    let doc = json!({
        "format_version": super::FORMAT_VERSION,
        "tool": "tradestat",
        "version": p.tool_version,
        "command": p.command,
        "inputs": p.inputs.iter().map(file).collect::<Vec<_>>(),
        "claims": p.claims.as_ref().map(file),
        "rejected_rows": p.rejected,
        "rounding": p.rounding.name(),
        "lexicon": p.lexicon_version,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
