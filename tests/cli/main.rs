//! The one integration-test binary: the CLI as a user runs it. One module per subcommand
//! or concern; `workdir` gives each test a fresh folder and a way to run `tradestat`.

mod errors;
mod metrics;
mod summary;
mod workdir;

/// Rounds to 20 decimals: comparisons of quotients computed along different paths.
pub fn round20(d: rust_decimal::Decimal) -> rust_decimal::Decimal {
    d.round_dp(20)
}
mod bad_input;
mod charts;
mod check;
mod columnar;
#[cfg(feature = "distributed")]
mod distributed;
mod extract;
mod fetch;
mod formats;
mod house;
mod profile;
mod report;
mod verify;
