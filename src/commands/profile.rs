//! `tradestat profile FILE --reporter A --partner B [--out DIR]`
//!
//! The bilateral profile of a BACI-size file, read with Polars' streaming engine (only the
//! needed columns, only the rows involving A): yearly.csv, chapters.csv, partners.csv as
//! the benchmark job defines them (../shared/bench/README.md), exact values in USD
//! thousand. A columnar cache makes the next profile of the same file fast.

use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::commands::Outcome;
use crate::engine::{BaciFile, EngineChoice, LocalPolars};
use crate::error::{Error, Result};
use crate::metrics::Value;
use crate::metrics::profile::{Profile, profile};
use crate::render::Format;
use crate::render::table::{Align, Table};

/// Profile one pair in a large BACI file: yearly flows, top chapters, top partners.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A CEPII BACI file (t,i,j,k,v,q), plain or gzip (any other layout is read by the
    /// general reader, slower).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The economy profiled (M49 code, ISO code or name).
    #[arg(long, value_name = "ECONOMY")]
    pub reporter: String,

    /// Its partner for the yearly and chapter tables.
    #[arg(long, value_name = "ECONOMY")]
    pub partner: String,

    /// Write yearly.csv, chapters.csv and partners.csv into this folder.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Keep a columnar copy of the file (Arrow IPC, in ~/.cache/tradestat) so the next
    /// profile of any pair in it skips the CSV; the first run writes it.
    #[arg(long, overrides_with = "no_cache")]
    pub cache: bool,

    /// Read the CSV directly (the default).
    #[arg(long, overrides_with = "cache")]
    pub no_cache: bool,

    /// Where the group-by sums run: `local` (Polars in this process) or a Ballista
    /// cluster, `ballista://HOST:PORT` (a build with the `distributed` feature; BACI files
    /// only; the file must be readable at the same path by every executor).
    #[arg(long, value_name = "ENGINE", default_value = "local")]
    pub engine: String,

    /// How to print the tables when --out is not given.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// BACI identifies countries by numeric code.
fn numeric_code(text: &str) -> Result<i32> {
    if let Ok(n) = text.trim().parse::<i32>() {
        return Ok(n);
    }
    crate::codes::lookup(text)
        .and_then(|e| e.m49.parse::<i32>().ok())
        .ok_or_else(|| {
            Error::Usage(format!(
                "`{text}` has no numeric (M49) code in the country table; give the code BACI uses"
            ))
        })
}

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

pub fn run(args: &Args) -> Result<Outcome> {
    let header = crate::ingest::table::open_header(&args.file)?;
    let engine = EngineChoice::parse(&args.engine)?;
    if engine != EngineChoice::Local && args.cache {
        return Err(Error::Usage(
            "--cache keeps a local columnar copy; it does not apply to a cluster engine".into(),
        ));
    }
    let (sums, a, b, unit) = if crate::ingest::baci::matches(&header) {
        let a = numeric_code(&args.reporter)?;
        let b = numeric_code(&args.partner)?;
        use std::io::IsTerminal;
        let local = LocalPolars {
            cache: args.cache,
            progress: std::io::stderr().is_terminal(),
        };
        let aggregator = engine.aggregator(local)?;
        let file = BaciFile::new(&args.file, header)?;
        let involving = aggregator.involving_sums(&file, a)?;
        let sums = crate::frame::profile_sums(&involving, a, b)?;
        (
            sums,
            a.to_string(),
            b.to_string(),
            "USD thousand".to_string(),
        )
    } else {
        // Any other layout: through the general reader (no fast path, no cache).
        if engine != EngineChoice::Local {
            return Err(Error::Usage(format!(
                "{}: --engine {} works on BACI files (t,i,j,k,v,q); this file is another \
                 layout, so profile it with the local engine",
                args.file.display(),
                args.engine
            )));
        }
        let dataset =
            crate::ingest::Dataset::read(std::slice::from_ref(&args.file), &Default::default())?;
        crate::commands::report_rejections(&dataset);
        let frame = crate::frame::TradeFrame::from_dataset(&dataset)?;
        let sums = crate::metrics::profile::sums_from_frame(&frame, &args.reporter, &args.partner)?;
        let currency = dataset
            .records
            .first()
            .map_or("USD".to_string(), |r| r.unit.currency.clone());
        (sums, args.reporter.clone(), args.partner.clone(), currency)
    };
    let p = profile(&sums)?;
    match &args.out {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|source| Error::Write {
                path: dir.clone(),
                source,
            })?;
            for (name, text) in csv_files(&p) {
                crate::render::write_atomically(&dir.join(name), text.as_bytes())?;
            }
            let engine = match engine {
                EngineChoice::Local => String::new(),
                _ => format!("; summed on {}", args.engine.trim()),
            };
            eprintln!(
                "tradestat: wrote {} ({} rows involve {a}; values in {unit}{engine})",
                dir.display(),
                sums.rows
            );
        }
        None => print!("{}", render(&p, args.format, &a, &b, &unit)),
    }
    Ok(Outcome::Done)
}

fn render(p: &Profile, format: Format, a: &str, b: &str, unit: &str) -> String {
    if format == Format::Csv {
        return csv_files(p)
            .into_iter()
            .map(|(n, t)| format!("# {n}\n{t}"))
            .collect();
    }
    let money = |d: Decimal| crate::number::grouped(d, 3, false);
    let pct = |v: &Value| {
        v.known().map_or("—".to_string(), |d| {
            format!("{}%", crate::number::grouped(d, 1, true))
        })
    };
    let mut out = format!(
        "Profile of {} with {}, values in {unit}\n\n",
        crate::codes::label(a),
        crate::codes::label(b)
    );
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
            pct(&r.growth_pct),
        ]);
    }
    out.push_str(&if format == Format::Markdown {
        t.to_markdown()
    } else {
        t.to_text()
    });
    let mut c = Table::new(&[
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
        c.push(vec![
            r.year.to_string(),
            r.rank.to_string(),
            title,
            money(r.value),
            pct(&r.share_pct).trim_start_matches('+').to_string(),
        ]);
    }
    out.push_str("\nTop chapters of exports to the partner\n");
    out.push_str(&if format == Format::Markdown {
        c.to_markdown()
    } else {
        c.to_text()
    });
    let mut q = Table::new(&[
        ("rank", Align::Right),
        ("partner", Align::Left),
        ("exports", Align::Right),
        ("imports", Align::Right),
        ("turnover", Align::Right),
        ("share", Align::Right),
    ]);
    for r in &p.partners {
        q.push(vec![
            r.rank.to_string(),
            crate::codes::label(&r.partner),
            money(r.exports),
            money(r.imports),
            money(r.turnover),
            pct(&r.share_pct).trim_start_matches('+').to_string(),
        ]);
    }
    out.push_str("\nTop partners over all years\n");
    out.push_str(&if format == Format::Markdown {
        q.to_markdown()
    } else {
        q.to_text()
    });
    out.push_str("\nsums exact; growth and shares rounded half away from zero for display\n");
    out
}
