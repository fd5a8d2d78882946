//! Verification of published figures (docs/verification.md).

pub mod interval;
pub mod lexicon;
pub mod phrase;
