//! tradestat: bilateral trade statistics — exact summaries, charts and verification of
//! published figures.
//!
//! The data's way through the library, one module per stage:
//!
//! ```text
//! file(s) ─ ingest (layouts, codes) ─► Dataset (records as written)
//!         ─ frame (Polars, Decimal: filter, group, exact sums) ─► Totals
//!         ─ aggregate (which row is the total) ─► PairFlows
//!         ─ metrics (rust_decimal: growth, shares, HHI, RCA, ...) ─► summaries, sections
//!         ─ render ─► text / CSV / JSON / Markdown / charts / report folders
//! claims.toml ─ verify (phrases, lexicon, exact intervals, verdicts, diagnoses) ─► render
//! BACI file ─ engine (local: ingest::baci_scan + frame; or a Ballista cluster)
//!           ─ frame::InvolvingSums ─ metrics::profile
//! ```
//!
//! Rounding policy: sums are exact (Polars decimals); ratios carry rust_decimal's 28
//! significant digits; display rounds half away from zero, and says so.

// No panics on data: the library never unwraps (tests may).
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod codes;
pub mod diag;
pub mod engine;
pub mod error;
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
