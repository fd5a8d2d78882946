//! What `inspect` prints: per file its layout, rows read and rejected, records kept and
//! exact totals per flow and currency; then warnings and rejected rows.

use serde_json::json;

use crate::ingest::Dataset;
use crate::number::Exact;
use crate::render::rejections;

pub use crate::ingest::tally::FileTotals;

/// The terminal listing; `records` kept per file; `shown`
/// rejected rows at most (all with `None`).
pub fn text(
    dataset: &Dataset,
    records: &[u64],
    totals: &FileTotals,
    shown: Option<usize>,
) -> String {
    let mut out = String::new();
    for (i, f) in dataset.files.iter().enumerate() {
        out.push_str(&format!("{}\n", f.path.display()));
        out.push_str(&format!("  layout      {}\n", f.layout));
        out.push_str(&format!("  rows read   {}\n", f.rows_read));
        out.push_str(&format!("  rejected    {}\n", f.rows_rejected));
        if f.rows_repeated > 0 {
            out.push_str(&format!(
                "  repeated    {} (counted once)\n",
                f.rows_repeated
            ));
        }
        out.push_str(&format!("  records     {}\n", records[i]));
        for ((_, flow, currency), v) in of_file(totals, i) {
            out.push_str(&format!("  {flow:<11} {v} {currency} (exact)\n"));
        }
    }
    for w in &dataset.warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    out.push_str(&rejections::listing(
        &dataset.rejected,
        &dataset.repeated,
        shown,
    ));
    out
}

/// The same as JSON (every rejected row).
pub fn json(dataset: &Dataset, records: &[u64], totals: &FileTotals) -> String {
    let files: Vec<serde_json::Value> = dataset
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let flows: serde_json::Map<String, serde_json::Value> = of_file(totals, i)
                .map(|((_, flow, currency), v)| {
                    (
                        format!("{flow} {currency}"),
                        json!(v.normalize().to_string()),
                    )
                })
                .collect();
            json!({
                "path": f.path.display().to_string(),
                "layout": f.layout,
                "rows_read": f.rows_read,
                "rows_rejected": f.rows_rejected,
                "rows_repeated": f.rows_repeated,
                "records": records[i],
                "totals": flows,
            })
        })
        .collect();
    let listed = |rows: &[crate::diag::Rejection]| -> Vec<String> {
        rows.iter().map(|r| r.to_string()).collect()
    };
    let doc = json!({
        "format_version": super::FORMAT_VERSION,
        "files": files,
        "rejected": listed(&dataset.rejected),
        "repeated": listed(&dataset.repeated),
        "warnings": dataset.warnings,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

fn of_file(
    totals: &FileTotals,
    file: usize,
) -> impl Iterator<Item = (&(u32, String, String), &Exact)> {
    totals
        .iter()
        .filter(move |((f, _, _), _)| *f as usize == file)
}
