//! What `fetch` says when it is done: the parts, where each answer came from, what was
//! left out and where the files are.

use crate::fetch::{Report, Source};

/// One line per fact, for stderr.
pub fn report(r: &Report) -> Vec<String> {
    let count = |s: Source| r.parts.iter().filter(|p| p.source == s).count();
    let mut lines = vec![format!(
        "tradestat: {} request(s) to the {}: {} fetched, {} from the cache, {} resumed from an interrupted run",
        r.parts.len(),
        r.endpoint.name(),
        count(Source::Fetched),
        count(Source::Cached),
        count(Source::Resumed)
    )];
    if r.splits > 0 {
        lines.push(format!(
            "tradestat: {} request(s) reached the endpoint's record limit and were asked for in halves",
            r.splits
        ));
    }
    let retried: usize = r.parts.iter().map(|p| p.retried.len()).sum();
    if retried > 0 {
        lines.push(format!(
            "tradestat: {retried} answer(s) were retried (rate limit or server error)"
        ));
    }
    if r.breakdown_left_out > 0 {
        lines.push(format!(
            "tradestat: {} breakdown row(s) (by second partner, mode of transport or customs procedure) left out: never added to totals",
            r.breakdown_left_out
        ));
    }
    if r.rows == 0 {
        lines.push(
            "tradestat: the API returned no records for this request (no data for this combination of reporter, partner, period, flow and commodity)"
                .to_string(),
        );
    }
    lines.push(format!(
        "tradestat: wrote {} row(s) to {} and the provenance to {}",
        r.rows,
        r.out.display(),
        r.provenance.display()
    ));
    lines
}
