//! Diagnostics: rows refused while reading, the one way a long list of them is shortened
//! for people ("... and N more"), and how a long read tells how far it has come. The
//! library never prints: the binary shows these.

use std::fmt;
use std::path::PathBuf;

/// A row that was read but refused, or (`Problem::Repeat`) counted once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    pub path: PathBuf,
    pub line: u64,
    /// 1-based column number and header name, when one field is to blame.
    pub column: Option<(usize, String)>,
    pub kind: Problem,
    pub reason: String,
}

/// What kind of problem a row has: rows are reported one line per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Problem {
    /// A field is not what its column holds (or the row is not one the layout reads).
    Field,
    /// Another number of fields than the header has.
    FieldCount,
    /// Text that is not valid in the file's encoding.
    Encoding,
    /// The same key as an earlier row (reporter, partner, period, flow, commodity) with
    /// another value: which one is right cannot be told, so the later one is refused.
    Conflict,
    /// The same key and value as an earlier row: real downloads repeat rows, so it is
    /// counted once, not refused (`--strict` refuses it too).
    Repeat,
}

/// Rows of one kind of problem (and, for field problems, one column), in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemGroup<'a> {
    pub kind: Problem,
    /// The column's header name, for field problems.
    pub column: Option<&'a str>,
    pub rows: Vec<&'a Rejection>,
}

/// `rows` grouped by kind of problem and column, in the order each group first occurs.
pub fn group(rows: &[Rejection]) -> Vec<ProblemGroup<'_>> {
    let mut groups: Vec<ProblemGroup<'_>> = Vec::new();
    for r in rows {
        let column = r.column.as_ref().map(|(_, name)| name.as_str());
        match groups
            .iter_mut()
            .find(|g| g.kind == r.kind && g.column == column)
        {
            Some(g) => g.rows.push(r),
            None => groups.push(ProblemGroup {
                kind: r.kind,
                column,
                rows: vec![r],
            }),
        }
    }
    groups
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

/// Where a long read reports how far it has come: nowhere, or a `Progress`.
#[derive(Clone, Default)]
pub struct ProgressSink(pub Option<std::sync::Arc<dyn Progress>>);

impl ProgressSink {
    pub fn advance(&self, fraction: f64) {
        if let Some(p) = &self.0 {
            p.advance(fraction);
        }
    }

    pub fn finish(&self) {
        if let Some(p) = &self.0 {
            p.finish();
        }
    }

    pub fn as_deref(&self) -> Option<&dyn Progress> {
        self.0.as_deref()
    }
}

impl fmt::Debug for ProgressSink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "ProgressSink(on)"
        } else {
            "ProgressSink(off)"
        })
    }
}
