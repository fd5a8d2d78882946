//! tradestat: bilateral trade statistics — exact summaries, charts and verification of
//! published figures.
//!
//! The data's way through the library, one module per stage (docs/architecture.md is
//! the map). The library knows nothing of the command line and prints nothing: it returns
//! results and errors, and the binary writes them.
//!
//! ```text
//! file(s) ─ ingest (the one loader: layouts, codes, rates) ─► Dataset (records as written)
//!         ─ frame (every Polars call: Decimal, filter, group, exact sums) ─► Totals
//!         ─ flows (which row is the total, a pair over every period) ─► PairFlows
//!         ─ metrics (rust_decimal: growth, shares, HHI, RCA, ...) ─► summaries, sections
//!         ─ render (all wording and drawing) ─► text / CSV / JSON / Markdown / charts
//! claims.toml ─ verify (phrases, lexicon, exact intervals, verdicts, diagnoses) ─► render
//! article.txt ─ verify::article (numbers, periods, relations) ─► claims ─ verify
//! UN Comtrade+ API ─ fetch (split, retry, cache, resume) ─► a Comtrade+ CSV file ─ ingest
//! BACI file ─ engine (local: ingest::baci_scan + frame; or a Ballista cluster)
//!           ─ frame::InvolvingSums ─ metrics::profile
//! report: a folder from all of the above
//! ```
//!
//! Rounding policy: sums are exact (Polars decimals); ratios carry rust_decimal's 28
//! significant digits; display rounds half away from zero, and says so.

// No panics on data: the library never unwraps (tests may).
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod atomic;
pub mod codes;
pub mod diag;
pub mod engine;
pub mod error;
pub mod fetch;
pub mod flows;
pub mod frame;
pub mod ingest;
pub mod metrics;
pub mod model;
pub mod number;
pub mod render;
pub mod report;

pub use error::{Error, Result};
pub mod verify;
