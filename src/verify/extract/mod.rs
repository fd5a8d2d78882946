//! Drafting a claims file from an article's text: every amount becomes a `[[figure]]`,
//! every percentage and multiple a `[[claim]]`, each with its sentence as the quote.
//! Flow and period are filled in where the sentence says them; a claim's `value` is
//! proposed where the sentence makes the link clear, and marked as a guess.
//!
//! The draft is meant to be read and corrected; what the extractor could not decide is
//! left commented out, so the draft always loads.
//!
//! This module holds the entry points (`extract`, `read_article`); `mentions` finds the
//! sentences and the numbers in them, `periods` reads periods and clauses, `draft` turns
//! mentions into figures and claims, and `write` writes the TOML.

mod draft;
mod mentions;
mod periods;
mod write;

use super::lexicon::Lexicon;
use super::phrase::tokenize;
use draft::{draft_claims, draft_figures};
use mentions::find_mentions;
pub use mentions::sentences;
use periods::sentence_period;

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub reporter: Option<String>,
    pub partner: Option<String>,
    pub title: Option<String>,
    pub data: Vec<String>,
}

const MAX_TEXT: usize = 1024 * 1024;

/// Reads an article as UTF-8 text.
pub fn read_article(path: &std::path::Path) -> crate::Result<String> {
    let bytes = std::fs::read(path).map_err(|source| crate::Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| crate::Error::NotUtf8 {
        path: path.to_path_buf(),
        byte: e.utf8_error().valid_up_to(),
    })
}

/// Builds the draft claims file for `text`.
pub fn extract(text: &str, lexicon: &Lexicon, options: &Options) -> Result<String, String> {
    if text.len() > MAX_TEXT {
        return Err(format!(
            "the article is {} bytes; at most {MAX_TEXT}",
            text.len()
        ));
    }
    let sentences = sentences(text);
    let mentions = find_mentions(&sentences, lexicon);
    let main_period = sentences.iter().find_map(|s| {
        sentence_period(s, None)
            .0
            .filter(|_| tokenize(s).iter().any(|t| t.is_number && t.text.len() == 4))
    });
    let figures = draft_figures(&mentions, &sentences, main_period);
    let claims = draft_claims(&mentions, &sentences, &figures);
    Ok(write::write(&figures, &claims, options))
}
