//! Selection pushdown: rows that do not involve the economies a command asks for are
//! skipped before they are parsed (`ReadOptions::involving`). A layout names a row's two
//! economies from its raw fields (`Importer::economies`); each distinct spelling is
//! resolved through the country table once, so a skipped row costs two map lookups.
//!
//! Skipped rows are counted and said in one note per file: they are not checked, so a
//! broken row among them is not reported.

use std::collections::HashMap;
use std::path::Path;

use super::table::{Encoding, decode};
use crate::codes::economy_key;
use crate::error::{Error, Result};

/// More economies than this cannot be asked for at once (they are bits of a `u32`).
const MOST: usize = 16;

/// The economies every kept row must involve, and the spellings seen so far.
pub struct Involving {
    /// Country-table keys, as asked (`CHN`, `PRK`).
    keys: Vec<String>,
    encoding: Encoding,
    /// For each spelling seen (a file has a few hundred), which of `keys` it is, as bits.
    seen: HashMap<Vec<u8>, u32>,
    /// Rows skipped unread.
    pub skipped: u64,
}

impl Involving {
    /// `None` when nothing is asked: every row is read.
    pub fn new(economies: &[String], encoding: Encoding) -> Result<Option<Involving>> {
        if economies.is_empty() {
            return Ok(None);
        }
        if economies.len() > MOST {
            return Err(Error::Engine(format!(
                "more than {MOST} economies to filter rows by"
            )));
        }
        Ok(Some(Involving {
            keys: economies.iter().map(|e| economy_key(e)).collect(),
            encoding,
            seen: HashMap::new(),
            skipped: 0,
        }))
    }

    /// True if a row between `a` and `b` (as written) involves every economy asked for.
    /// A spelling that is not valid text counts as a match: the full read reports it.
    pub fn wanted(&mut self, a: &[u8], b: &[u8]) -> bool {
        let all = (1u32 << self.keys.len()) - 1;
        (self.bits(a) | self.bits(b)) & all == all
    }

    fn bits(&mut self, spelling: &[u8]) -> u32 {
        if let Some(bits) = self.seen.get(spelling) {
            return *bits;
        }
        let bits = match decode(spelling, self.encoding) {
            Some(text) => {
                let key = economy_key(text.trim());
                self.keys
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| **k == key)
                    .fold(0, |bits, (n, _)| bits | 1 << n)
            }
            None => u32::MAX,
        };
        self.seen.insert(spelling.to_vec(), bits);
        bits
    }

    /// The note for `path` once its rows are read, if any were skipped.
    pub fn note(&self, path: &Path) -> Option<String> {
        (self.skipped > 0).then(|| {
            format!(
                "{}: {} row(s) that do not involve {} were skipped unread (not checked)",
                path.display(),
                self.skipped,
                self.keys.join(" and ")
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_resolve_once_and_both_economies_must_appear() {
        let asked = ["CHN".to_string(), "PRK".to_string()];
        let mut f = Involving::new(&asked, Encoding::Utf8).unwrap().unwrap();
        assert!(f.wanted(b"China, P.R.: Mainland", b"Korea, Dem. People's Rep. of"));
        assert!(f.wanted(b"408", b"156"));
        assert!(!f.wanted(b"China, P.R.: Mainland", b"Japan"));
        assert!(!f.wanted(b"Japan", b"Korea, Dem. People's Rep. of"));
        // Not valid UTF-8: kept, so the full read can refuse it with its line.
        assert!(f.wanted(b"\xff", b"Japan"));
        assert!(Involving::new(&[], Encoding::Utf8).unwrap().is_none());
    }
}
