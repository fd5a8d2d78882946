//! Verification of published figures (docs/verification.md).
//!
//! The stage returns structured results only: `claims` reads a claims file, `article`
//! reads an article's raw text into the same claims model, `phrase` and
//! `lexicon` turn printed words into exact intervals (`interval`), `expr` evaluates claim
//! expressions, `check` gives each figure and claim its verdict as data, and `diagnose`
//! finds the mistakes behind inconsistent claims. Every sentence about a result is made by
//! `crate::render::verify`; the only text here is error messages, and the claims file
//! `article` writes from an article's text (`check --emit-claims`, `extract`).

pub mod article;
pub mod check;
pub mod claims;
mod diagnose;
pub mod expr;
pub mod interval;
pub mod lexicon;
pub mod phrase;
