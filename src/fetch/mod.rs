//! Fetching official data: UN Comtrade+ (docs/fetch.md).
//!
//! `comtrade` splits a query into requests the endpoint accepts (`comtrade::Query::parts`),
//! asks for each (`http`: timeouts, retries, clear errors, the key in a header only), keeps
//! every answer in a cache keyed by its URL, records finished parts in a manifest beside the
//! output so an interrupted run resumes where it stopped, and writes one file in the
//! Comtrade+ CSV layout every command reads — atomically, with a provenance file beside it
//! (URLs, times, row counts, SHA-256 of each answer; never the key). Numbers are copied as
//! the API wrote them (`json`), so values stay exact.

pub mod comtrade;
pub mod http;
pub mod json;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::diag::ProgressSink;
use crate::error::{Error, Result};
use comtrade::{Endpoint, Query};
use json::Json;

/// How to fetch.
#[derive(Clone, Debug)]
pub struct Options {
    /// Replaces https://comtradeapi.un.org (tests point it at 127.0.0.1).
    pub base_url: String,
    /// The subscription key (from COMTRADE_API_KEY); `None` uses the public preview.
    pub key: Option<String>,
    /// Ask the API again even when the cache holds an answer.
    pub refresh: bool,
    pub limits: http::Limits,
    /// Where answers are kept; `None`: no cache.
    pub cache: Option<PathBuf>,
}

/// Where a part's answer came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Fetched,
    /// From the cache, fetched earlier at that time.
    Cached,
    /// Finished by an earlier run that stopped before the end.
    Resumed,
}

impl Source {
    pub fn name(&self) -> &'static str {
        match self {
            Source::Fetched => "fetched",
            Source::Cached => "cached",
            Source::Resumed => "resumed",
        }
    }
}

/// One request and its answer.
#[derive(Clone, Debug)]
pub struct Part {
    pub url: String,
    pub source: Source,
    /// When the answer was fetched (RFC 3339, UTC).
    pub fetched_at: String,
    pub sha256: String,
    pub records: usize,
    pub breakdown_left_out: usize,
    /// Statuses retried (0: no answer) and the wait before the next try, in seconds.
    pub retried: Vec<(u16, u64)>,
}

/// What a fetch did.
#[derive(Clone, Debug)]
pub struct Report {
    pub endpoint: Endpoint,
    pub parts: Vec<Part>,
    /// Requests split in two because an answer reached the endpoint's record limit.
    pub splits: usize,
    pub rows: usize,
    pub breakdown_left_out: usize,
    pub out: PathBuf,
    pub provenance: PathBuf,
    pub started_at: String,
}

/// A file beside `out` named after it: `FILE.csv` + `.parts.json`.
fn beside(out: &Path, suffix: &str) -> PathBuf {
    let mut name = out
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    out.with_file_name(name)
}

/// The manifest of finished parts: beside the output, removed when the output is written.
fn manifest_path(out: &Path) -> PathBuf {
    beside(out, ".parts.json")
}

pub fn provenance_path(out: &Path) -> PathBuf {
    beside(out, ".provenance.json")
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Now, as RFC 3339 UTC ("2026-12-06T07:59:21Z").
pub fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// A cached answer: its body and when it was fetched.
struct Cached {
    body: String,
    fetched_at: String,
}

fn cache_files(folder: &Path, url: &str) -> (PathBuf, PathBuf) {
    let key = sha256(url.as_bytes());
    (
        folder.join(format!("{key}.json")),
        folder.join(format!("{key}.meta.json")),
    )
}

fn cache_read(folder: &Path, url: &str) -> Option<Cached> {
    let (body_path, meta_path) = cache_files(folder, url);
    let body = std::fs::read_to_string(body_path).ok()?;
    let meta = json::parse(&std::fs::read_to_string(meta_path).ok()?).ok()?;
    // A cache file is trusted only whole: its digest must match.
    if meta.get("sha256").and_then(Json::as_text)? != sha256(body.as_bytes()) {
        return None;
    }
    if meta.get("url").and_then(Json::as_text)? != url {
        return None;
    }
    Some(Cached {
        body,
        fetched_at: meta.get("fetched_at").and_then(Json::as_text)?,
    })
}

fn cache_write(folder: &Path, url: &str, body: &str, fetched_at: &str) -> Result<()> {
    std::fs::create_dir_all(folder).map_err(|source| Error::Write {
        path: folder.to_path_buf(),
        source,
    })?;
    let (body_path, meta_path) = cache_files(folder, url);
    crate::atomic::write_file(&body_path, body.as_bytes())?;
    let meta = serde_json::json!({ "url": url, "fetched_at": fetched_at, "sha256": sha256(body.as_bytes()) });
    crate::atomic::write_file(&meta_path, meta.to_string().as_bytes())
}

/// The finished parts an earlier run of the same request left: URL → digest.
fn manifest_read(path: &Path, request: &str) -> BTreeMap<String, String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return BTreeMap::new();
    };
    let Ok(doc) = json::parse(&text) else {
        return BTreeMap::new();
    };
    if doc.get("request").and_then(Json::as_text).as_deref() != Some(request) {
        return BTreeMap::new();
    }
    let mut done = BTreeMap::new();
    if let Some(Json::Array(parts)) = doc.get("finished") {
        for p in parts {
            if let (Some(url), Some(digest)) = (
                p.get("url").and_then(Json::as_text),
                p.get("sha256").and_then(Json::as_text),
            ) {
                done.insert(url, digest);
            }
        }
    }
    done
}

fn manifest_write(path: &Path, request: &str, done: &BTreeMap<String, String>) -> Result<()> {
    let finished: Vec<serde_json::Value> = done
        .iter()
        .map(|(u, d)| serde_json::json!({ "url": u, "sha256": d }))
        .collect();
    let doc = serde_json::json!({ "format_version": 1, "request": request, "finished": finished });
    crate::atomic::write_file(
        path,
        serde_json::to_string_pretty(&doc)
            .unwrap_or_default()
            .as_bytes(),
    )
}

/// Fetches `query` into `out` (Comtrade+ CSV) with `provenance_path(out)` beside it.
pub fn comtrade(
    query: &Query,
    out: &Path,
    options: &Options,
    progress: &ProgressSink,
) -> Result<Report> {
    let started_at = now();
    let endpoint = if options.key.is_some() {
        Endpoint::Data
    } else {
        Endpoint::Preview
    };
    let client = http::Client::new(options.key.clone(), options.limits.clone())?;
    let mut queue: std::collections::VecDeque<Query> =
        query.parts(&options.base_url, endpoint).into();
    let request: String = queue
        .iter()
        .map(|q| q.url(&options.base_url, endpoint))
        .collect::<Vec<_>>()
        .join(" ");
    let manifest = manifest_path(out);
    let mut done = manifest_read(&manifest, &request);
    let cache_folder = options.cache.as_ref().map(|c| c.join("comtrade"));
    // Resuming needs the finished parts' answers: kept in the cache, or beside the output.
    let store = cache_folder
        .clone()
        .unwrap_or_else(|| beside(out, ".parts"));
    let mut parts = Vec::new();
    let mut records: Vec<Json> = Vec::new();
    let mut splits = 0;
    let mut total = queue.len();
    while let Some(q) = queue.pop_front() {
        let url = q.url(&options.base_url, endpoint);
        let resumed = done.get(&url).and_then(|digest| {
            cache_read(&store, &url).filter(|c| sha256(c.body.as_bytes()) == *digest)
        });
        let cached = if options.refresh {
            None
        } else {
            cache_read(&store, &url)
        };
        let (body, source, fetched_at, retried) = match (resumed, cached) {
            (Some(c), _) => (c.body, Source::Resumed, c.fetched_at, Vec::new()),
            (None, Some(c)) => (c.body, Source::Cached, c.fetched_at, Vec::new()),
            (None, None) => {
                let (body, attempts) = client.get(&url)?;
                let at = now();
                let retried = attempts
                    .retried
                    .iter()
                    .map(|(s, w)| (*s, w.as_secs()))
                    .collect();
                (body, Source::Fetched, at, retried)
            }
        };
        let answer = comtrade::read_answer(&body).map_err(|message| Error::Fetch {
            url: url.clone(),
            message,
        })?;
        // Kept only once read whole: a bad answer is never cached nor counted as finished.
        if source == Source::Fetched {
            cache_write(&store, &url, &body, &fetched_at)?;
        }
        let digest = sha256(body.as_bytes());
        done.insert(url.clone(), digest.clone());
        manifest_write(&manifest, &request, &done)?;
        let returned = answer.records.len() + answer.breakdown_left_out;
        if returned >= endpoint.record_limit() || answer.count.is_some_and(|c| c > returned) {
            // The answer may be cut at the limit: ask for each half.
            let Some((a, b)) = q.halves() else {
                return Err(Error::Fetch {
                    url,
                    message: format!(
                        "the answer holds {returned} records, the {} limit, and the request cannot be split further: ask for fewer periods, partners or commodities",
                        endpoint.name()
                    ),
                });
            };
            splits += 1;
            total += 1;
            queue.push_front(b);
            queue.push_front(a);
            continue;
        }
        parts.push(Part {
            url,
            source,
            fetched_at,
            sha256: digest,
            records: answer.records.len(),
            breakdown_left_out: answer.breakdown_left_out,
            retried,
        });
        records.extend(answer.records);
        progress.advance(parts.len() as f64 / total.max(1) as f64);
    }
    progress.finish();
    let rows = records.len();
    write_csv(out, &records)?;
    let report = Report {
        endpoint,
        breakdown_left_out: parts.iter().map(|p| p.breakdown_left_out).sum(),
        parts,
        splits,
        rows,
        out: out.to_path_buf(),
        provenance: provenance_path(out),
        started_at,
    };
    write_provenance(&report, query, options)?;
    let _ = std::fs::remove_file(&manifest);
    Ok(report)
}

/// The records as CSV: the columns of the API's answer (its CSV download has the same
/// names), in the order of the first record, values as the API wrote them.
fn write_csv(out: &Path, records: &[Json]) -> Result<()> {
    let mut columns: Vec<String> = Vec::new();
    for r in records {
        for k in r.keys() {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
        }
    }
    if columns.is_empty() {
        columns = [
            "typeCode",
            "freqCode",
            "refYear",
            "refMonth",
            "period",
            "reporterCode",
            "reporterISO",
            "reporterDesc",
            "flowCode",
            "flowDesc",
            "partnerCode",
            "partnerISO",
            "partnerDesc",
            "partner2Code",
            "classificationCode",
            "cmdCode",
            "customsCode",
            "motCode",
            "primaryValue",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
    }
    crate::atomic::write_streamed(out, |file| {
        let mut w = csv::Writer::from_writer(file);
        w.write_record(&columns).map_err(std::io::Error::other)?;
        for r in records {
            let row: Vec<String> = columns
                .iter()
                .map(|c| r.get(c).and_then(Json::as_text).unwrap_or_default())
                .collect();
            w.write_record(&row).map_err(std::io::Error::other)?;
        }
        w.flush()
    })
}

fn write_provenance(report: &Report, query: &Query, options: &Options) -> Result<()> {
    let parts: Vec<serde_json::Value> = report
        .parts
        .iter()
        .map(|p| {
            serde_json::json!({
                "url": p.url,
                "answer": p.source.name(),
                "fetched_at": p.fetched_at,
                "sha256": p.sha256,
                "records": p.records,
                "breakdown_rows_left_out": p.breakdown_left_out,
                "retried": p.retried.iter().map(|(s, w)| serde_json::json!({"status": s, "waited_seconds": w})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = serde_json::json!({
        "format_version": crate::render::FORMAT_VERSION,
        "source": report.endpoint.name(),
        "base_url": options.base_url,
        "subscription_key_used": options.key.is_some(),
        "started_at": report.started_at,
        "written_at": now(),
        "request": {
            "reporter_codes": query.reporters,
            "partner_codes": query.partners,
            "periods": query.periods,
            "flows": query.flows,
            "commodities": query.commodities,
            "frequency": query.freq.code(),
            "totals_only": "partner2Code=0, motCode=0, customsCode=C00",
        },
        "parts": parts,
        "splits_at_the_record_limit": report.splits,
        "rows_written": report.rows,
        "breakdown_rows_left_out": report.breakdown_left_out,
        "output": report.out.file_name().map(|n| n.to_string_lossy().into_owned()),
    });
    crate::atomic::write_file(
        &report.provenance,
        (serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n").as_bytes(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn now_is_rfc3339() {
        let t = super::now();
        assert_eq!(t.len(), 20, "{t}");
        assert!(t.ends_with('Z') && t.as_bytes()[10] == b'T', "{t}");
        assert!(t.starts_with("20"), "{t}");
    }
}
