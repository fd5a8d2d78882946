//! Reading any delimited file the way real downloads come: gzip or not, UTF-8 (with or
//! without a byte-order mark) or Latin-1, `,` or `;` or tab delimited, with or without a
//! trailing newline — streamed, and gzip inflated on a thread ahead of the parser. A
//! Parquet or Arrow file comes in as the same rows of text cells (`frame::columnar`).
//! Each layout module turns a row's fields into records; this module owns lines, columns,
//! the row filter (`involving`) and rejections.

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::involving::Involving;
use super::{Dataset, Origin, ReadOptions, Record, SourceFile};
use crate::diag::{Problem, Rejection};
use crate::error::{Error, Result};
use crate::frame::columnar::{Batches, Format, Table};
use crate::number::Exact;

/// Text encodings of input files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    #[default]
    Utf8,
    /// ISO-8859-1, as older spreadsheets and some statistics offices write.
    Latin1,
}

/// A header: the names as written and their normalised keys (lower case, letters and
/// digits only), so `TradeFlow Code`, `Trade.Flow.Code` and `trade_flow_code` match.
#[derive(Clone, Debug)]
pub struct Header {
    pub names: Vec<String>,
    pub keys: Vec<String>,
}

pub fn key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Header {
    pub fn new(names: Vec<String>) -> Header {
        let keys = names.iter().map(|n| key(n)).collect();
        Header { names, keys }
    }

    /// The first column whose key is one of `candidates` (already normalised).
    pub fn find(&self, candidates: &[&str]) -> Option<usize> {
        candidates
            .iter()
            .find_map(|c| self.keys.iter().position(|k| k == c))
    }

    pub fn has(&self, candidate: &str) -> bool {
        self.keys.iter().any(|k| k == candidate)
    }

    /// The first column named by one of `keys`, or an error naming what is missing.
    /// The position of a column the `layout` cannot do without; `what` names it when
    /// several header spellings are accepted.
    pub fn require(&self, path: &Path, layout: &str, what: &str, keys: &[&str]) -> Result<usize> {
        self.find(keys).ok_or_else(|| Error::MissingColumn {
            path: path.to_path_buf(),
            line: 1,
            column: if keys.len() == 1 {
                keys[0].to_string()
            } else {
                format!("{what} (one of {})", keys.join(", "))
            },
            found: self.listing(),
            hint: format!(
                "read as {layout}; docs/importers.md lists each layout's columns, \
                 and --input-format chooses another layout"
            ),
        })
    }

    pub fn listing(&self) -> String {
        if self.names.iter().all(String::is_empty) {
            "(nothing)".to_string()
        } else {
            self.names.join(", ")
        }
    }
}

/// What a layout does with one row: records, or the column to blame and why.
pub type FieldError = (Option<usize>, String);

pub trait Importer {
    /// The layout's name, for provenance ("UN Comtrade+ v1", "CEPII BACI", ...).
    fn layout(&self) -> &'static str;
    fn row(
        &self,
        fields: &[Cow<'_, str>],
        origin: Origin,
    ) -> std::result::Result<Vec<Record>, FieldError>;
    /// Things to tell the user about the file as a whole (ignored columns, ...).
    fn warnings(&self) -> Vec<String> {
        Vec::new()
    }
    /// Things to tell the user once every row is read (empty cells of a wide table, ...).
    fn after(&self, _path: &Path) -> Vec<String> {
        Vec::new()
    }
    /// The row's two economies (reporter and partner, or exporter and importer) as
    /// written, when the layout can name them from the raw fields: rows that do not
    /// involve the economies asked for are then skipped unparsed (`involving`). `None`
    /// reads the row in full.
    fn economies<'a>(&'a self, _row: &'a csv::ByteRecord) -> Option<[&'a [u8]; 2]> {
        None
    }
}

/// Field `i` of a raw row, trimmed of spaces (what `economies` returns).
pub fn raw(row: &csv::ByteRecord, i: usize) -> Option<&[u8]> {
    row.get(i).map(<[u8]>::trim_ascii)
}

/// Counts the bytes read from the file (before decompression), for progress.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Turns a failure inside a gzip stream into a message that says so.
struct Gzip<R>(flate2::read::MultiGzDecoder<R>);

impl<R: std::io::BufRead> Read for Gzip<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0
            .read(buf)
            .map_err(|e| std::io::Error::new(e.kind(), format!("not a readable gzip file: {e}")))
    }
}

/// A file's text as it is read.
type TextStream = BufReader<Box<dyn Read>>;

/// The text of a file, in 1 MiB pieces: memory does not grow with the file. A gzip file
/// is decompressed on a thread of its own while the rows of the previous pieces are
/// parsed (`Inflating`). Returns the reader and the counter of file bytes read.
pub(crate) fn text_stream(path: &Path) -> Result<(TextStream, Arc<AtomicU64>)> {
    let io = |source: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let gzip = is_gzip(path);
    let read = Arc::new(AtomicU64::new(0));
    let file = Counted {
        inner: std::fs::File::open(path).map_err(io)?,
        read: Arc::clone(&read),
    };
    let text: Box<dyn Read> = if gzip {
        Box::new(Inflating::start(file))
    } else {
        Box::new(file)
    };
    Ok((BufReader::with_capacity(1 << 20, text), read))
}

/// A gzip stream decompressed ahead on its own thread, a few 1 MiB pieces at most: on
/// two cores, reading a compressed download takes as long as the slower of inflating
/// and parsing, not their sum. The end is an empty piece, so a thread that stopped
/// without one is an error, never a short file.
struct Inflating {
    pieces: std::sync::mpsc::Receiver<std::io::Result<Vec<u8>>>,
    piece: Vec<u8>,
    at: usize,
    done: bool,
}

impl Inflating {
    fn start<R: Read + Send + 'static>(file: R) -> Inflating {
        let (send, pieces) = std::sync::mpsc::sync_channel(4);
        std::thread::spawn(move || {
            let mut gzip = Gzip(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(
                1 << 16,
                file,
            )));
            loop {
                let mut piece = vec![0u8; 1 << 20];
                let mut filled = 0;
                while filled < piece.len() {
                    match gzip.read(&mut piece[filled..]) {
                        Ok(0) => break,
                        Ok(n) => filled += n,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(e) => {
                            let _ = send.send(Err(e));
                            return;
                        }
                    }
                }
                piece.truncate(filled);
                let end = filled == 0;
                // The reader may have stopped early (an error in a row): then stop too.
                if send.send(Ok(piece)).is_err() || end {
                    return;
                }
            }
        });
        Inflating {
            pieces,
            piece: Vec::new(),
            at: 0,
            done: false,
        }
    }
}

impl Read for Inflating {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.piece.len() {
            if self.done {
                return Ok(0);
            }
            self.piece = match self.pieces.recv() {
                Ok(piece) => piece?,
                Err(_) => {
                    return Err(std::io::Error::other(
                        "the decompression stopped before the end of the file",
                    ));
                }
            };
            self.at = 0;
            self.done = self.piece.is_empty();
        }
        let n = buf.len().min(self.piece.len() - self.at);
        buf[..n].copy_from_slice(&self.piece[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// The delimiter of the header line: the most frequent of `,` `;` tab `|` outside quotes.
pub fn sniff_delimiter(body: &[u8]) -> u8 {
    let line_end = body.iter().position(|b| *b == b'\n').unwrap_or(body.len());
    let line = &body[..line_end];
    let mut counts = [0usize; 4];
    let mut quoted = false;
    for b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            b'|' if !quoted => counts[3] += 1,
            _ => {}
        }
    }
    let best = (0..4)
        .max_by_key(|i| (counts[*i], std::cmp::Reverse(*i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t', b'|'][best]
    }
}

/// The text of a field, or `None` when it is not valid in `encoding`.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Option<Cow<'_, str>> {
    match encoding {
        Encoding::Utf8 => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
        Encoding::Latin1 => Some(match std::str::from_utf8(bytes) {
            Ok(text) if bytes.is_ascii() => Cow::Borrowed(text),
            _ => Cow::Owned(bytes.iter().map(|b| char::from(*b)).collect()),
        }),
    }
}

/// A file opened for its rows: the header read, the rows not yet.
pub struct Parsed {
    pub delimiter: u8,
    pub header: Header,
    rows: Rows,
}

/// Where the rows come from.
enum Rows {
    /// Delimited text. File bytes read so far, and the file's size: how far the read has
    /// come.
    Text {
        reader: csv::Reader<TextStream>,
        read: Arc<AtomicU64>,
        size: u64,
    },
    /// A Parquet or Arrow file, a batch at a time; its cells as text (`frame::columnar`).
    /// `next` is the next row of `table`, `before` the rows of the batches before it.
    Columns {
        batches: Batches,
        table: Option<Table>,
        next: usize,
        before: usize,
    },
}

impl Parsed {
    /// The next row into `row`, with its line (a columnar file's row `i` is line `i + 2`,
    /// as in the CSV `convert` would write); `None` at the end.
    fn next(&mut self, path: &Path, row: &mut csv::ByteRecord) -> Result<Option<u64>> {
        match &mut self.rows {
            Rows::Text { reader, .. } => match reader.read_byte_record(row) {
                Ok(false) => Ok(None),
                Ok(true) => Ok(Some(row.position().map(|p| p.line()).unwrap_or(0))),
                // Only I/O or broken quoting: the rest of the file cannot be split into rows.
                Err(e) => Err(csv_error(path, &e)),
            },
            Rows::Columns {
                batches,
                table,
                next,
                before,
            } => loop {
                if let Some(t) = table.as_ref().filter(|t| *next < t.height) {
                    t.row(*next, row);
                    *next += 1;
                    return Ok(Some((*before + *next) as u64 + 1));
                }
                // The next batch (one batch of cells held at a time).
                if let Some(t) = table.take() {
                    *before += t.height;
                }
                *next = 0;
                match batches.next_table()? {
                    Some(t) => *table = Some(t),
                    None => return Ok(None),
                }
            },
        }
    }

    /// How far the read has come, 0 to 1.
    fn done(&self) -> f64 {
        match &self.rows {
            Rows::Text { read, size, .. } => {
                read.load(Ordering::Relaxed) as f64 / (*size).max(1) as f64
            }
            Rows::Columns {
                batches,
                next,
                before,
                ..
            } => (*before + *next) as f64 / batches.rows.max(1) as f64,
        }
    }
}

/// Opens `path` and reads its header (after gzip, BOM and delimiter detection); a
/// Parquet or Arrow file is read as a table of text cells (`allow_float`: see
/// `frame::columnar`).
pub fn open(
    path: &Path,
    delimiter: Option<u8>,
    encoding: Encoding,
    expected: &str,
    allow_float: bool,
) -> Result<Parsed> {
    let io = |source: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(format) = Format::sniff(path) {
        let batches = Batches::open(path, format, allow_float)?;
        return Ok(Parsed {
            delimiter: b',',
            header: Header::new(batches.names.clone()),
            rows: Rows::Columns {
                batches,
                table: None,
                next: 0,
                before: 0,
            },
        });
    }
    let size = std::fs::metadata(path).map_err(io)?.len();
    let (mut text, read) = text_stream(path)?;
    let start = text.fill_buf().map_err(io)?;
    if start.starts_with(b"\xEF\xBB\xBF") {
        text.consume(3);
    }
    // Blank text before the header is skipped; only blank text is an empty file.
    loop {
        let start = text.fill_buf().map_err(io)?;
        if start.is_empty() {
            return Err(Error::EmptyFile {
                path: path.to_path_buf(),
                expected: expected.to_string(),
            });
        }
        if !start.iter().all(u8::is_ascii_whitespace) {
            break;
        }
        let blank = start.len();
        text.consume(blank);
    }
    let start = text.fill_buf().map_err(io)?;
    let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(start));
    let mut rows = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .delimiter(delimiter)
        .buffer_capacity(1 << 16)
        .from_reader(text);
    let raw = rows
        .byte_headers()
        .map_err(|e| csv_error(path, &e))?
        .clone();
    let mut names = Vec::with_capacity(raw.len());
    for (i, field) in raw.iter().enumerate() {
        let text = decode(field, encoding).ok_or_else(|| {
            Error::file(path, format!(
                "{}:1:{}: the header is not valid UTF-8 (is the file Latin-1? try --encoding latin1)",
                path.display(),
                i + 1
            ))
        })?;
        names.push(text.trim().to_string());
    }
    Ok(Parsed {
        delimiter,
        header: Header::new(names),
        rows: Rows::Text {
            reader: rows,
            read,
            size,
        },
    })
}

/// True if the file starts with the gzip magic bytes (false if it cannot be read: the
/// reader that opens it next reports why).
pub fn is_gzip(path: &Path) -> bool {
    let mut magic = [0u8; 2];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .map(|_| magic == [0x1f, 0x8b])
        .unwrap_or(false)
}

/// The header line of a file, plain or gzip, reading (and decompressing) no more than the
/// first 64 KiB: for large files whose rows are read by a scanner of their own. Fields
/// are split at commas; a file with another delimiter then has one column, and is not
/// taken for a BACI file.
pub fn open_header(path: &Path) -> Result<Header> {
    let io = |source: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let gzip = is_gzip(path);
    let file = std::fs::File::open(path).map_err(io)?;
    let mut input: Box<dyn Read> = if gzip {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut first = Vec::with_capacity(65536);
    input
        .by_ref()
        .take(65536)
        .read_to_end(&mut first)
        .map_err(io)?;
    let line_end = first
        .iter()
        .position(|b| *b == b'\n')
        .unwrap_or(first.len());
    let line = first[..line_end]
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&first[..line_end]);
    let text = String::from_utf8_lossy(line);
    Ok(Header::new(
        text.trim_end_matches('\r')
            .split(',')
            .map(|s| s.trim().trim_matches('"').to_string())
            .collect(),
    ))
}

pub fn csv_error(path: &Path, e: &csv::Error) -> Error {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    let message = match e.kind() {
        // The file itself failed (a truncated gzip stream, a disk error), not its rows.
        csv::ErrorKind::Io(io) => {
            return Error::Io {
                path: path.to_path_buf(),
                source: std::io::Error::new(io.kind(), io.to_string()),
            };
        }
        other => format!("{other:?}"),
    };
    Error::Csv {
        path: path.to_path_buf(),
        line,
        message,
    }
}

/// Runs `importer` over every data row of `parsed`, appending to `dataset`.
/// The fields of a row as text, or the index of the first field that is not valid text.
fn decode_row(
    row: &csv::ByteRecord,
    encoding: Encoding,
) -> std::result::Result<Vec<Cow<'_, str>>, usize> {
    row.iter()
        .enumerate()
        .map(|(i, f)| decode(f, encoding).ok_or(i))
        .collect()
}

/// Reads every row of `parsed` through `importer`: each record to `sink`, each refusal
/// to `dataset`; `progress` is told the
/// fraction of the file read every 64 Ki rows. One loop on purpose: it is the general
/// reader's per-row path, and every refusal must be counted where the row is read.
pub fn read_rows(
    path: &Path,
    parsed: Parsed,
    importer: &dyn Importer,
    options: &ReadOptions,
    progress: &dyn Fn(f64),
    dataset: &mut Dataset,
    sink: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<()> {
    let encoding = options.encoding;
    let mut involving = Involving::new(&options.involving, encoding)?;
    let file_index = u32::try_from(dataset.files.len())
        .map_err(|_| Error::Options("too many input files".to_string()))?;
    let mut file = SourceFile {
        path: path.to_path_buf(),
        layout: importer.layout().to_string(),
        rows_read: 0,
        rows_rejected: 0,
        rows_repeated: 0,
    };
    dataset.warnings.extend(importer.warnings());
    let width = parsed.header.names.len();
    let header = parsed.header.clone();
    let mut parsed = parsed;
    let mut row = csv::ByteRecord::new();
    let reject = |file: &mut SourceFile,
                  dataset: &mut Dataset,
                  line: u64,
                  column: Option<usize>,
                  kind: Problem,
                  reason: String| {
        file.rows_rejected += 1;
        dataset.rejected.push(Rejection {
            path: path.to_path_buf(),
            line,
            column: column.map(|c| (c + 1, header.names.get(c).cloned().unwrap_or_default())),
            kind,
            reason,
        });
    };
    while let Some(line) = parsed.next(path, &mut row)? {
        if row.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        file.rows_read += 1;
        if file.rows_read.is_multiple_of(65_536) {
            progress(parsed.done());
        }
        if let Some(filter) = involving.as_mut()
            && let Some([a, b]) = importer.economies(&row)
            && !filter.wanted(a, b)
        {
            filter.skipped += 1;
            continue;
        }
        if row.len() != width {
            reject(
                &mut file,
                dataset,
                line,
                None,
                Problem::FieldCount,
                format!(
                    "the row has {} field(s) but the header has {width}",
                    row.len()
                ),
            );
            continue;
        }
        let fields = match decode_row(&row, encoding) {
            Ok(fields) => fields,
            Err(i) => {
                let reason = "the text is not valid UTF-8 (save the file as UTF-8, or read it \
                              with --encoding latin1)";
                reject(
                    &mut file,
                    dataset,
                    line,
                    Some(i),
                    Problem::Encoding,
                    reason.to_string(),
                );
                continue;
            }
        };
        let origin = Origin {
            file: file_index,
            line,
        };
        match importer.row(&fields, origin) {
            Ok(records) => {
                for record in records {
                    sink(record)?;
                }
            }
            Err((column, reason)) => {
                reject(&mut file, dataset, line, column, Problem::Field, reason)
            }
        }
    }
    dataset.warnings.extend(importer.after(path));
    dataset
        .warnings
        .extend(involving.and_then(|filter| filter.note(path)));
    dataset.files.push(file);
    Ok(())
}

/// A value as real files write it, read exactly: thousands separators (`23,837,402,142.0`,
/// `"8,427.5"`), an estimate flag glued on (`1,120.62 e`), a decimal comma when asked.
/// `Ok(None)` is a missing value (empty, `NA`, `..`); the flag is returned beside it.
pub fn value(
    text: &str,
    decimal_comma: bool,
) -> std::result::Result<Option<(Exact, Option<String>)>, String> {
    let t = text.trim();
    if t.is_empty()
        || matches!(
            t.to_ascii_lowercase().as_str(),
            "na" | "n/a" | ".." | "..." | "-" | "x" | "null" | "nan"
        )
    {
        return Ok(None);
    }
    // A short alphabetic flag after the number: "1,120.62 e", "45.3p".
    let (number, flag) = match t.rfind(|c: char| c.is_ascii_digit()) {
        Some(end) if end + 1 < t.len() => {
            let tail = t[end + 1..].trim();
            if (1..=3).contains(&tail.len()) && tail.chars().all(|c| c.is_ascii_alphabetic()) {
                (t[..=end].trim(), Some(tail.to_string()))
            } else {
                (t, None)
            }
        }
        _ => (t, None),
    };
    let number: Cow<'_, str> = if decimal_comma {
        Cow::Owned(number.replace(['.', ' ', '\u{a0}'], "").replace(',', "."))
    } else {
        Cow::Borrowed(number)
    };
    Exact::parse_with_exponent(&number).map(|e| Some((e, flag)))
}

/// A trade value in `column`, by the rules every layout shares: read exactly (`value`),
/// and a negative value is refused. `Ok(None)` is a missing value: the caller refuses the
/// row with `missing_value` (or, in a wide table, skips the empty cell) — never zero.
pub fn trade_value(
    text: &str,
    decimal_comma: bool,
    column: usize,
) -> std::result::Result<Option<(Exact, Option<String>)>, FieldError> {
    let read = value(text, decimal_comma).map_err(|e| (Some(column), e))?;
    if read.as_ref().is_some_and(|(v, _)| v.mantissa < 0) {
        return Err((
            Some(column),
            format!(
                "a trade value cannot be negative (`{}`; a balance or a correction?)",
                text.trim()
            ),
        ));
    }
    Ok(read)
}

/// The `source` text of records read from `path`: "UN Comtrade (file.csv)".
pub fn source_of(publisher: &str, path: &Path) -> String {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if publisher.is_empty() {
        file
    } else {
        format!("{publisher} ({file})")
    }
}

/// The refusal of a row whose value is missing in the source.
pub fn missing_value(column: usize) -> FieldError {
    (Some(column), "no value (missing in the source)".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(t: &str) -> String {
        match value(t, false) {
            Ok(Some((e, flag))) => {
                format!("{e}{}", flag.map(|f| format!(" [{f}]")).unwrap_or_default())
            }
            Ok(None) => "missing".to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn values_as_real_files_write_them() {
        assert_eq!(v("23,837,402,142.0"), "23837402142");
        assert_eq!(v("8,427.5"), "8427.5");
        assert_eq!(v("1,120.62 e"), "1120.62 [e]");
        assert_eq!(v("491.2534600000005"), "491.2534600000005");
        assert_eq!(v("NA"), "missing");
        assert_eq!(v(""), "missing");
        assert_eq!(v("-7,240.0"), "-7240");
        assert!(v("12abc3").starts_with("error"));
        assert_eq!(
            value("1.234,5", true).unwrap().unwrap().0.to_string(),
            "1234.5"
        );
    }

    #[test]
    fn delimiters_and_keys() {
        assert_eq!(sniff_delimiter(b"a;b;c\n1;2;3"), b';');
        assert_eq!(sniff_delimiter(b"\"x,y\";b;c\n"), b';');
        assert_eq!(sniff_delimiter(b"a,b\n"), b',');
        assert_eq!(key("TradeFlow Code"), "tradeflowcode");
        assert_eq!(key("Trade.Flow.Code"), "tradeflowcode");
        assert_eq!(key("trade_value_us"), "tradevalueus");
    }
}
