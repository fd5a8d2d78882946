//! The bilateral profile as files and tables: yearly.csv, chapters.csv and partners.csv
//! exactly as the benchmark job defines them (../shared/bench/README.md), or tables for
//! people (rounded for display).

use rust_decimal::Decimal;

use crate::metrics::Value;
use crate::metrics::profile::Profile;
use crate::render::table::{Align, Table};

/// Exact decimal text; ratios rounded to 15 decimals (half away from zero).
fn exact(d: Decimal) -> String {
    d.normalize().to_string()
}

fn ratio_text(v: &Value) -> String {
    v.known()
        .map(|d| crate::number::round(d, 15).normalize().to_string())
        .unwrap_or_default()
}

pub fn csv_files(p: &Profile) -> [(String, String); 3] {
    let mut yearly = String::from("year,exports,imports,turnover,balance,turnover_growth_pct\n");
    for r in &p.yearly {
        yearly.push_str(&format!(
            "{},{},{},{},{},{}\n",
            r.year,
            exact(r.exports),
            exact(r.imports),
            exact(r.turnover),
            exact(r.balance),
            ratio_text(&r.growth_pct)
        ));
    }
    let mut chapters = String::from("year,rank,hs2,value,share_pct\n");
    for r in &p.chapters {
        chapters.push_str(&format!(
            "{},{},{},{},{}\n",
            r.year,
            r.rank,
            r.hs2,
            exact(r.value),
            ratio_text(&r.share_pct)
        ));
    }
    let mut partners = String::from("rank,partner,exports,imports,turnover,share_pct\n");
    for r in &p.partners {
        partners.push_str(&format!(
            "{},{},{},{},{},{}\n",
            r.rank,
            r.partner,
            exact(r.exports),
            exact(r.imports),
            exact(r.turnover),
            ratio_text(&r.share_pct)
        ));
    }
    [
        ("yearly.csv".to_string(), yearly),
        ("chapters.csv".to_string(), chapters),
        ("partners.csv".to_string(), partners),
    ]
}

/// The line saying where the files went, how many rows involve `a`, in what unit, and on
/// which engine when it was not the local one.
pub fn written(
    dir: &std::path::Path,
    rows: u64,
    a: &str,
    unit: &str,
    summed_on: Option<&str>,
) -> String {
    let engine = summed_on.map_or(String::new(), |e| format!("; summed on {e}"));
    format!(
        "wrote {} ({rows} rows involve {a}; values in {unit}{engine})",
        dir.display()
    )
}

/// The three CSV files one after the other, each under a `# NAME` line.
pub fn csv(p: &Profile) -> String {
    csv_files(p)
        .into_iter()
        .map(|(n, t)| format!("# {n}\n{t}"))
        .collect()
}

/// The yearly, chapter and partner tables, for a terminal or (`markdown`) as Markdown.
pub fn text(p: &Profile, markdown: bool, a: &str, b: &str, unit: &str) -> String {
    let layout = |t: Table| {
        if markdown {
            t.to_markdown()
        } else {
            t.to_text()
        }
    };
    let mut out = format!(
        "Profile of {} with {}, values in {unit}\n\n",
        crate::codes::label(a),
        crate::codes::label(b)
    );
    out.push_str(&layout(yearly_table(p)));
    out.push_str("\nTop chapters of exports to the partner\n");
    out.push_str(&layout(chapters_table(p)));
    out.push_str("\nTop partners over all years\n");
    out.push_str(&layout(partners_table(p)));
    out.push_str("\nsums exact; growth and shares rounded half away from zero for display\n");
    out
}

/// Money in the profile's unit (USD thousand for BACI), to BACI's 3 decimals.
fn money(d: Decimal) -> String {
    crate::number::grouped(d, 3, false)
}

/// A percentage to one decimal, signed when `signed`.
fn percent(v: &Value, signed: bool) -> String {
    v.known().map_or("—".to_string(), |d| {
        format!("{}%", crate::number::grouped(d, 1, signed))
    })
}

fn yearly_table(p: &Profile) -> Table {
    let mut t = Table::new(&[
        ("year", Align::Left),
        ("exports", Align::Right),
        ("imports", Align::Right),
        ("turnover", Align::Right),
        ("balance", Align::Right),
        ("growth", Align::Right),
    ]);
    for r in &p.yearly {
        t.push(vec![
            r.year.to_string(),
            money(r.exports),
            money(r.imports),
            money(r.turnover),
            crate::number::grouped(r.balance, 3, true),
            percent(&r.growth_pct, true),
        ]);
    }
    t
}

fn chapters_table(p: &Profile) -> Table {
    let mut t = Table::new(&[
        ("year", Align::Left),
        ("rank", Align::Right),
        ("chapter", Align::Left),
        ("exports", Align::Right),
        ("share", Align::Right),
    ]);
    for r in &p.chapters {
        let title = crate::codes::hs2_title(&r.hs2)
            .map(|t| format!("{} {t}", r.hs2))
            .unwrap_or_else(|| r.hs2.clone());
        t.push(vec![
            r.year.to_string(),
            r.rank.to_string(),
            title,
            money(r.value),
            percent(&r.share_pct, false),
        ]);
    }
    t
}

fn partners_table(p: &Profile) -> Table {
    let mut t = Table::new(&[
        ("rank", Align::Right),
        ("partner", Align::Left),
        ("exports", Align::Right),
        ("imports", Align::Right),
        ("turnover", Align::Right),
        ("share", Align::Right),
    ]);
    for r in &p.partners {
        t.push(vec![
            r.rank.to_string(),
            crate::codes::label(&r.partner),
            money(r.exports),
            money(r.imports),
            money(r.turnover),
            percent(&r.share_pct, false),
        ]);
    }
    t
}
