//! tradestat: bilateral trade statistics — exact summaries, charts and verification of
//! published figures.
//!
//! The data's way through the library, one module per stage:
//!
//! ```text
//! file(s) ─ ingest ─► Dataset (records as written) ─ frame (Polars, Decimal) ─► Totals
//!         ─ aggregate (which row is the total) ─► PairFlows
//!         ─ metrics (rust_decimal: growth, shares) ─► PairSummary ─ render ─► text/CSV/JSON
//! ```
//!
//! Rounding policy: sums are exact (Polars decimals); ratios carry rust_decimal's 28
//! significant digits; display rounds half away from zero, and says so.

pub mod aggregate;
pub mod cache;
pub mod cli;
pub mod codes;
pub mod commands;
pub mod error;
pub mod frame;
pub mod ingest;
pub mod metrics;
pub mod model;
pub mod number;
pub mod render;

pub use error::{Error, Result};
pub mod verify;
