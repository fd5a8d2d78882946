//! A report folder from data and claims: the pair's summary, its charts, the verification
//! of the claims, and the provenance to reproduce it — computed by the other stages and
//! written by `render::report` (documents) and `render::chart` (images). The folder is
//! filled in a temporary place and moved in whole (`atomic::write_folder`).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::atomic::write_file;
use crate::error::{Error, Result};
use crate::flows::PairFlows;
use crate::frame::TradeFrame;
use crate::ingest::{Dataset, SourceFile};
use crate::metrics::summary::PairSummary;
use crate::model::{Flow, Period};
use crate::render::Format;
use crate::render::chart::{self, spec};
use crate::render::report::{Chart, InputFile, Provenance, Report};
use crate::render::summary::{Context, display_unit, parts};
use crate::verify::check::Verification;
use crate::verify::claims::ClaimsFile;
use crate::verify::phrase::Rounding;

/// Everything a report is made of, computed.
pub struct Contents<'a> {
    pub dataset: &'a Dataset,
    pub frame: &'a TradeFrame,
    pub flows: &'a PairFlows,
    /// The periods to show (all when empty).
    pub periods: &'a [Period],
    /// The claims file with its path, and their verification.
    pub claims: Option<(&'a ClaimsFile, &'a Path, &'a Verification)>,
    /// Files the claims name besides the report's data (read to verify them).
    pub claims_data: &'a [SourceFile],
    pub rounding: Rounding,
    pub level: Option<usize>,
    /// The command line, program name first.
    pub command: Vec<String>,
}

/// The files the claims name that are not among `data`'s (compared by canonical path).
pub fn extra_files(claims: &ClaimsFile, data: &Dataset) -> Vec<PathBuf> {
    let known: Vec<PathBuf> = data
        .files
        .iter()
        .filter_map(|f| f.path.canonicalize().ok())
        .collect();
    claims
        .source
        .data
        .iter()
        .filter(|p| p.canonicalize().map_or(true, |p| !known.contains(&p)))
        .cloned()
        .collect()
}

/// Writes the report's files into `dir`.
pub fn fill(dir: &Path, c: &Contents<'_>) -> Result<()> {
    let write = |file: &str, bytes: &[u8]| write_file(&dir.join(file), bytes);
    let mut summary = PairSummary::from_flows(c.flows);
    summary.show_only(c.periods);
    let unit = display_unit(&summary);
    let context = Context {
        sources: c
            .dataset
            .sources(Some(&c.flows.reporter), Some(&c.flows.partner)),
        rejected_rows: c.dataset.rejected.len(),
    };
    let charts = charts(dir, c, &summary)?;

    let mut tables = vec!["summary.csv".to_string()];
    // The data file for scripts follows the output contract (docs/output.md): money in
    // units of the currency; the pages keep the readable unit.
    let csv_unit = unit.clone().for_output(Format::Csv, None);
    let csv = crate::render::summary::render(&summary, Format::Csv, &csv_unit, &context);
    write("summary.csv", csv.as_bytes())?;
    let verification = c.claims.map(|(_, _, v)| v);
    if let Some(v) = verification {
        write(
            "verification.json",
            crate::render::verify::json(v).as_bytes(),
        )?;
        tables.push("verification.json".to_string());
    }
    let provenance = provenance(c)?;
    let doc = Report {
        title: title(c, &summary),
        summary: parts(&summary, &unit, &context),
        charts,
        verification,
        tables,
        provenance: provenance.clone(),
    };
    write("index.html", crate::render::report::html(&doc).as_bytes())?;
    write(
        "report.md",
        crate::render::report::markdown(&doc).as_bytes(),
    )?;
    let json = crate::render::report::provenance_json(&provenance);
    write("provenance.json", json.as_bytes())
}

/// The pair's flows, turnover and balance; composition when exports have parts.
fn charts(dir: &Path, c: &Contents<'_>, summary: &PairSummary) -> Result<Vec<Chart>> {
    let opts = spec::ChartOptions {
        top: 6,
        level: c.level,
        ..Default::default()
    };
    let mut kinds = vec![
        (spec::ChartKind::Flows, "flows"),
        (spec::ChartKind::Turnover, "turnover"),
        (spec::ChartKind::Balance, "balance"),
    ];
    if summary.parts.iter().any(|p| p.flow == Flow::Export) {
        kinds.push((spec::ChartKind::Composition, "composition"));
    }
    let selection = crate::frame::Selection {
        reporter: Some(c.flows.reporter.clone()),
        partner: Some(c.flows.partner.clone()),
        periods: c.periods.to_vec(),
    };
    let mut charts = Vec::new();
    for (kind, file_stem) in kinds {
        let drawn = spec::build(c.dataset, c.frame, &selection, kind, &opts)?;
        let file = format!("{file_stem}.png");
        chart::write(&drawn, &dir.join(&file), chart::DEFAULT_SIZE)?;
        charts.push(Chart {
            file,
            alt: drawn.title.clone(),
        });
    }
    Ok(charts)
}

fn title(c: &Contents<'_>, summary: &PairSummary) -> String {
    c.claims
        .and_then(|(claims, _, _)| claims.source.title.clone())
        .map(|t| format!("Fact-check: {t}"))
        .unwrap_or_else(|| {
            format!(
                "Trade of {} with {}",
                crate::codes::display_name(&summary.reporter),
                crate::codes::display_name(&summary.partner)
            )
        })
}

fn provenance(c: &Contents<'_>) -> Result<Provenance> {
    let inputs = c
        .dataset
        .files
        .iter()
        .chain(c.claims_data)
        .map(input_file)
        .collect::<Result<Vec<_>>>()?;
    let claims = match c.claims {
        Some((claims, path, _)) => Some(InputFile {
            path: path.display().to_string(),
            sha256: sha256_hex(path)?,
            layout: "claims".to_string(),
            rows_read: (claims.figures.len() + claims.claims.len()) as u64,
            rows_rejected: 0,
            rows_repeated: 0,
        }),
        None => None,
    };
    Ok(Provenance {
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        command: c.command.clone(),
        inputs,
        claims,
        rejected: c.dataset.rejected.iter().map(|r| r.to_string()).collect(),
        rounding: c.rounding,
        lexicon_version: c.claims.map_or_else(
            || "(no claims)".to_string(),
            |(_, _, v)| v.lexicon_version.clone(),
        ),
    })
}

fn input_file(f: &SourceFile) -> Result<InputFile> {
    Ok(InputFile {
        path: f.path.display().to_string(),
        sha256: sha256_hex(&f.path)?,
        layout: f.layout.clone(),
        rows_read: f.rows_read,
        rows_rejected: f.rows_rejected,
        rows_repeated: f.rows_repeated,
    })
}

fn sha256_hex(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}
