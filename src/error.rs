//! The library's errors. Every message says what was wrong, where (file, line, column when
//! there is one) and what was expected, so a user can fix the input without reading code.

use std::path::PathBuf;

use crate::diag::Rejection;

/// Everything that can stop a command. All of these are "input or usage" problems (exit 2);
/// a check that *finds* a problem is not an error but a result (exit 1, decided by the caller).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{path}: the file is empty; expected a header line such as `{expected}`")]
    EmptyFile { path: PathBuf, expected: String },

    #[error(
        "{path}:{line}: missing required column `{column}`; the header has: {found}\n  ({hint})"
    )]
    MissingColumn {
        path: PathBuf,
        line: u64,
        column: String,
        found: String,
        /// Which layout the file was read as and where its columns are documented.
        hint: String,
    },

    #[error("{path}:{line}:{column_number}: column `{column}` appears twice in the header")]
    DuplicateColumn {
        path: PathBuf,
        line: u64,
        column_number: usize,
        column: String,
    },

    #[error("{path}:{line}: the CSV is malformed: {message}")]
    Csv {
        path: PathBuf,
        line: u64,
        message: String,
    },

    /// `--strict` turns rejected rows into this error.
    #[error("{} row(s) rejected and --strict is set:\n{}", .0.len(), list_rejections(.0))]
    Rejected(Vec<Rejection>),

    #[error(
        "values in different currencies cannot be added: {first} ({first_at}) and {second} \
         ({second_at}); give an exchange rate with --rate {second}={first}:RATE"
    )]
    MixedCurrencies {
        first: String,
        first_at: String,
        second: String,
        second_at: String,
    },

    #[error("no records match the selection {selection}{hint}")]
    EmptySelection { selection: String, hint: String },

    /// The pairs as choices, most rows first; a long list is cut after the first 20.
    #[error(
        "the data holds {} reporter–partner pairs; choose one with --reporter and --partner:\n{}{}",
        .0.len(),
        .0.iter().take(20).map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"),
        if .0.len() > 20 { format!("\n  ... and {} more with fewer rows", .0.len() - 20) } else { String::new() }
    )]
    AmbiguousPair(Vec<String>),

    /// A file tradestat reads whose content is not what it expects (a header it cannot
    /// place, a bad mapping, claims or lexicon file, a broken gzip stream, a bad BACI
    /// value). The message names the file, line and column where there is one.
    #[error("{message}")]
    File { path: PathBuf, message: String },

    /// Options that do not go together or do not apply here; the message says what to do.
    #[error("{0}")]
    Options(String),

    /// What was asked has nothing to show (no partners, no commodity rows, no trade).
    #[error("{0}")]
    NothingToShow(String),

    #[error(
        "{what} needs world totals: add rows with reporter WLD (World), or data for all \
         reporters (as in BACI); this selection has only {reporters} reporter(s)"
    )]
    NeedsWorldTotals { what: String, reporters: usize },

    #[error(
        "the data holds {} reporters ({}); choose one with --reporter",
        .0.len(), .0.iter().take(10).cloned().collect::<Vec<_>>().join(", ")
    )]
    AmbiguousReporter(Vec<String>),

    /// Drawing or encoding a chart failed.
    #[error("{0}")]
    Chart(String),

    /// The cluster cannot be started, found or stopped as asked.
    #[error("{0}")]
    ClusterState(String),

    #[error("{}: not a folder name", .0.display())]
    NotAFolderName(PathBuf),

    #[error("{} exists; use --force to replace it", .0.display())]
    OutputExists(PathBuf),

    #[error("`{0}` has no numeric (M49) code in the country table; give the code BACI uses")]
    NoNumericCode(String),

    #[error("{}: the text is not valid UTF-8 (byte {byte})", path.display())]
    NotUtf8 { path: PathBuf, byte: usize },

    /// An article that cannot be drafted from (too long, ...).
    #[error("{}: {message}", path.display())]
    Article { path: PathBuf, message: String },

    /// A request of `fetch` that failed; `url` never holds the subscription key.
    #[error("fetching {url}: {message}")]
    Fetch { url: String, message: String },

    #[error("a number is too large to handle exactly: {0}")]
    Overflow(String),

    #[error("{path}: cannot write the output: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Standard output could not take the result (a closed pipe is a normal end for the
    /// binary, not a failure).
    #[error("cannot write to standard output: {0}")]
    Stdout(#[source] std::io::Error),

    #[error("{engine}: {message}")]
    Cluster { engine: String, message: String },

    #[error("internal error in the data engine (please report it): {0}")]
    Engine(String),
}

impl Error {
    /// A problem with the content of the file at `path`.
    pub fn file(path: &std::path::Path, message: impl Into<String>) -> Error {
        Error::File {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }
}

fn list_rejections(rejections: &[Rejection]) -> String {
    crate::diag::first_lines(rejections, 20, "").join("\n")
}

impl From<polars::error::PolarsError> for Error {
    fn from(e: polars::error::PolarsError) -> Self {
        Error::Engine(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
