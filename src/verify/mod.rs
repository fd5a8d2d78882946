//! Verification of published figures (docs/verification.md).

pub mod check;
pub mod claims;
pub mod expr;
pub mod extract;
pub mod interval;
pub mod lexicon;
pub mod phrase;
