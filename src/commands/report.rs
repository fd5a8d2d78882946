//! `tradestat report FILE... [--claims CLAIMS.toml] [selection] --out reports/NAME/`
//!
//! One folder from data (and claims) to a complete, reproducible report: index.html,
//! report.md, charts (PNG), tables (CSV), verification.json and provenance.json. Written
//! into a temporary folder and renamed into place, so a failed run leaves no half report.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::aggregate::{PairFlows, one_pair};
use crate::cli::{Input, Select};
use crate::commands::chart::{ChartOptions, Kind, build};
use crate::commands::{Outcome, load};
use crate::error::{Error, Result};
use crate::frame::TradeFrame;
use crate::ingest::Dataset;
use crate::metrics::summary::PairSummary;
use crate::render::report::{self, InputFile, Provenance, Report};
use crate::render::summary::{Context, display_unit, parts};
use crate::render::{Format, chart};
use crate::verify::check::verify;
use crate::verify::claims::ClaimsFile;
use crate::verify::lexicon::Lexicon;
use crate::verify::phrase::Rounding;

/// Write a complete report folder: summary, charts, verification and provenance.
///
/// An existing folder is replaced only with --force. The report holds no timestamps: the
/// same inputs give the same files.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,
    #[command(flatten)]
    pub select: Select,

    /// A claims file to verify against the data (docs/verification.md).
    #[arg(long, value_name = "CLAIMS.toml")]
    pub claims: Option<PathBuf>,

    /// The report folder to write.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Replace the folder if it exists.
    #[arg(long)]
    pub force: bool,

    #[arg(long, value_enum, default_value = "half-unit")]
    pub rounding: Rounding,

    /// A lexicon file replacing the built-in one.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
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

fn input_files(dataset: &Dataset) -> Result<Vec<InputFile>> {
    dataset
        .files
        .iter()
        .map(|f| {
            Ok(InputFile {
                path: f.path.display().to_string(),
                sha256: sha256_hex(&f.path)?,
                layout: f.layout.clone(),
                rows_read: f.rows_read,
                rows_rejected: f.rows_rejected,
            })
        })
        .collect()
}

/// The command line, with the program as `tradestat` (not where it was installed).
fn command_line() -> Vec<String> {
    let mut args: Vec<String> = std::env::args().collect();
    if let Some(first) = args.first_mut() {
        *first = "tradestat".to_string();
    }
    args
}

pub fn run(args: &Args) -> Result<Outcome> {
    let out = args.out.clone();
    if out.file_name().is_none() {
        return Err(Error::Usage(format!(
            "{}: not a folder name",
            out.display()
        )));
    }
    if out.exists() && !args.force {
        return Err(Error::Usage(format!(
            "{} exists; use --force to replace it",
            out.display()
        )));
    }
    let dataset = load(&args.input)?;
    let frame = TradeFrame::from_dataset(&dataset)?;
    let selection = one_pair(&frame, &args.select.selection())?;
    let totals = frame.totals(&selection)?;
    let mut flows = PairFlows::from_totals(&totals, |t| dataset.origin_text(t.origin))?;
    if let Some(level) = args.select.level {
        flows = flows.at_level(level);
    }
    let summary = PairSummary::from_flows(&flows);
    let unit = display_unit(&summary);

    let lexicon = match &args.lexicon {
        Some(path) => Lexicon::load(path)?,
        None => Lexicon::built_in(),
    };
    let claims = match &args.claims {
        Some(path) => Some(ClaimsFile::load(path, &lexicon, args.rounding)?),
        None => None,
    };
    let verification = match &claims {
        None => None,
        Some(c) => {
            // Check against the report's data, plus any other file the claims name.
            let known: Vec<PathBuf> = dataset
                .files
                .iter()
                .filter_map(|f| f.path.canonicalize().ok())
                .collect();
            let extra: Vec<PathBuf> = c
                .source
                .data
                .iter()
                .filter(|p| p.canonicalize().map_or(true, |p| !known.contains(&p)))
                .cloned()
                .collect();
            let frame_for_claims = if extra.is_empty() {
                None
            } else {
                let mut files: Vec<PathBuf> =
                    dataset.files.iter().map(|f| f.path.clone()).collect();
                files.extend(extra);
                let more = Dataset::read(&files, &args.input.read_options()?)?;
                Some(TradeFrame::from_dataset(&more)?)
            };
            Some(verify(
                c,
                Some(frame_for_claims.as_ref().unwrap_or(&frame)),
                args.rounding,
                &lexicon.version,
            ))
        }
    };

    // Build everything in a temporary folder beside the target.
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|source| Error::Write {
        path: parent.clone(),
        source,
    })?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&temp);
    std::fs::create_dir(&temp).map_err(|source| Error::Write {
        path: temp.clone(),
        source,
    })?;
    let result = write_report(
        &temp,
        &dataset,
        &frame,
        &selection,
        &summary,
        &unit,
        claims.as_ref(),
        verification.as_ref(),
        args,
    );
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&temp);
        return Err(e);
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if out.exists() {
        std::fs::rename(&out, &old).map_err(|source| Error::Write {
            path: out.clone(),
            source,
        })?;
    }
    if let Err(source) = std::fs::rename(&temp, &out) {
        let _ = std::fs::rename(&old, &out);
        let _ = std::fs::remove_dir_all(&temp);
        return Err(Error::Write {
            path: out.clone(),
            source,
        });
    }
    let _ = std::fs::remove_dir_all(&old);
    eprintln!("tradestat: wrote {}", out.display());
    Ok(match &verification {
        Some(v) if v.found_problem() => Outcome::ProblemFound,
        _ => Outcome::Done,
    })
}

#[allow(clippy::too_many_arguments)]
fn write_report(
    dir: &Path,
    dataset: &Dataset,
    frame: &TradeFrame,
    selection: &crate::frame::Selection,
    summary: &PairSummary,
    unit: &crate::render::DisplayUnit,
    claims: Option<&ClaimsFile>,
    verification: Option<&crate::verify::check::Verification>,
    args: &Args,
) -> Result<()> {
    let write = |file: &str, bytes: &[u8]| crate::render::write_atomically(&dir.join(file), bytes);
    let mut sources: Vec<String> = Vec::new();
    for r in &dataset.records {
        if !r.source.is_empty() && !sources.contains(&r.source) {
            sources.push(r.source.clone());
        }
    }
    let context = Context {
        sources,
        rejected_rows: dataset.rejected.len(),
    };

    // Charts: the pair's flows, turnover and balance; composition when there are parts.
    let mut charts = Vec::new();
    let opts = ChartOptions {
        top: 6,
        level: args.select.level,
        ..Default::default()
    };
    let mut kinds = vec![
        (Kind::Flows, "flows"),
        (Kind::Turnover, "turnover"),
        (Kind::Balance, "balance"),
    ];
    if summary
        .parts
        .iter()
        .any(|p| p.flow == crate::model::Flow::Export)
    {
        kinds.push((Kind::Composition, "composition"));
    }
    for (kind, file_stem) in kinds {
        let c = build(dataset, frame, selection, kind, &opts)?;
        let file = format!("{file_stem}.png");
        chart::write(&c, &dir.join(&file), chart::DEFAULT_SIZE)?;
        charts.push(report::Chart {
            file,
            alt: c.title.clone(),
        });
    }

    let mut tables = vec!["summary.csv".to_string()];
    write(
        "summary.csv",
        crate::render::summary::render(summary, Format::Csv, unit, &context).as_bytes(),
    )?;
    if let Some(v) = verification {
        write(
            "verification.json",
            crate::render::verify::render(
                v,
                &crate::render::verify::Heading {
                    title: None,
                    claims_file: "",
                },
                Format::Json,
            )
            .as_bytes(),
        )?;
        tables.push("verification.json".to_string());
    }

    let mut provenance = Provenance {
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        command: command_line(),
        inputs: input_files(dataset)?,
        claims: None,
        rejected: dataset.rejected.iter().map(|r| r.to_string()).collect(),
        rounding: args.rounding.name().to_string(),
        lexicon_version: verification
            .map_or_else(|| "(no claims)".to_string(), |v| v.lexicon_version.clone()),
    };
    if let (Some(c), Some(path)) = (claims, &args.claims) {
        provenance.claims = Some(InputFile {
            path: path.display().to_string(),
            sha256: sha256_hex(path)?,
            layout: "claims".to_string(),
            rows_read: (c.figures.len() + c.claims.len()) as u64,
            rows_rejected: 0,
        });
    }
    let title = claims
        .and_then(|c| c.source.title.clone())
        .map(|t| format!("Fact-check: {t}"))
        .unwrap_or_else(|| {
            format!(
                "Trade of {} with {}",
                crate::codes::display_name(&summary.reporter),
                crate::codes::display_name(&summary.partner)
            )
        });
    let doc = Report {
        title,
        summary: parts(summary, unit, &context),
        charts,
        verification,
        tables,
        provenance: provenance.clone(),
    };
    write("index.html", report::html(&doc).as_bytes())?;
    write("report.md", report::markdown(&doc).as_bytes())?;
    write(
        "provenance.json",
        report::provenance_json(&provenance).as_bytes(),
    )?;
    Ok(())
}
