//! Diagnostics: rows refused while reading, the one way a long list of them is shortened
//! for people ("... and N more"), and how a long read tells how far it has come. The
//! library never prints: the binary shows these.

use std::fmt;
use std::path::PathBuf;

/// A row that was read but refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    pub path: PathBuf,
    pub line: u64,
    /// 1-based column number and header name, when one field is to blame.
    pub column: Option<(usize, String)>,
    pub reason: String,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some((number, name)) => write!(
                f,
                "{}:{}:{} (column `{}`): {}",
                self.path.display(),
                self.line,
                number,
                name,
                self.reason
            ),
            None => write!(f, "{}:{}: {}", self.path.display(), self.line, self.reason),
        }
    }
}

/// The first `shown` items as lines, then "... and N more{more}" when some are left out.
pub fn first_lines<T: fmt::Display>(items: &[T], shown: usize, more: &str) -> Vec<String> {
    let mut lines: Vec<String> = items.iter().take(shown).map(|r| format!("  {r}")).collect();
    if items.len() > shown {
        lines.push(format!("  ... and {} more{more}", items.len() - shown));
    }
    lines
}

/// Told how far a long read has come. The binary draws it on a terminal; the library only
/// reports.
pub trait Progress: Sync + Send {
    /// `fraction` of the input read so far, 0 to 1.
    fn advance(&self, fraction: f64);
    /// The read is over (clear the line).
    fn finish(&self);
}
