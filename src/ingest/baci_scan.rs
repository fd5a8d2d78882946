//! The fast, exact readers of plain BACI files: threads scan ranges of the raw bytes and
//! hand each line to a visitor (`Visit`). The profile's visitor parses only the exporter
//! and importer codes of every row and fully parses (exactly, as integers) only the rows
//! that involve the profiled economy; those rows go to Polars for the group-by sums. The
//! world read (`super::baci_world`) sums every row. Memory is bounded by the buffers and
//! what the visitor keeps, whatever the file's size.
//!
//! Values are read as written: a value with more than 9 decimals, a quoted field or a
//! malformed number stops the profile's scan with the line and column, never a rounded
//! number.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use crate::diag::Progress;
use crate::error::{Error, Result};
use crate::ingest::table::Header;

/// Decimals kept for BACI values (thousands of dollars; BACI publishes 3).
pub const SCALE: u32 = 9;

/// The rows that involve the profiled economy, column by column.
#[derive(Clone, Debug, Default)]
pub struct Matches {
    pub t: Vec<i32>,
    pub i: Vec<i32>,
    pub j: Vec<i32>,
    /// The HS chapter: the first two characters of the product code `k`.
    pub hs2: Vec<String>,
    /// Value × 10^SCALE.
    pub v: Vec<i128>,
    pub rows_scanned: u64,
}

pub(crate) struct Layout {
    pub t: usize,
    pub i: usize,
    pub j: usize,
    pub k: usize,
    pub v: usize,
    pub width: usize,
}

const BUFFER: usize = 4 << 20;

pub(crate) fn layout(path: &Path, header: &Header) -> Result<Layout> {
    let super::baci::Columns { t, i, j, k, v } = super::baci::Columns::find(path, header)?;
    Ok(Layout {
        t,
        i,
        j,
        k,
        v,
        width: header.names.len(),
    })
}

pub(crate) fn int(field: &[u8]) -> Option<i32> {
    if field.is_empty() || field.len() > 9 {
        return None;
    }
    let mut n: i32 = 0;
    for b in field {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i32::from(b - b'0');
    }
    Some(n)
}

/// An exact decimal at SCALE decimals, or why not. (The cluster engine checks values with
/// the same rule: `engine::ballista::VALUE_PATTERN`.)
pub(crate) fn value(field: &[u8]) -> std::result::Result<i128, String> {
    let (negative, body) = match field.first() {
        Some(b'-') => (true, &field[1..]),
        _ => (false, field),
    };
    let mut mantissa: i128 = 0;
    let mut decimals: Option<u32> = None;
    for b in body {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa
                    .checked_mul(10)
                    .and_then(|m| m.checked_add(i128::from(b - b'0')))
                    .ok_or("the value is too large")?;
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            }
            b'.' if decimals.is_none() => decimals = Some(0),
            _ => {
                return Err(format!(
                    "`{}` is not a plain decimal",
                    String::from_utf8_lossy(field)
                ));
            }
        }
    }
    if body.is_empty() {
        return Err("the value is empty".into());
    }
    if !body.iter().any(u8::is_ascii_digit) {
        return Err(format!(
            "`{}` is not a plain decimal",
            String::from_utf8_lossy(field)
        ));
    }
    let d = decimals.unwrap_or(0);
    if d > SCALE {
        return Err(format!(
            "`{}` has more than {SCALE} decimals",
            String::from_utf8_lossy(field)
        ));
    }
    let scaled = mantissa
        .checked_mul(10i128.pow(SCALE - d))
        .ok_or("the value is too large")?;
    Ok(if negative { -scaled } else { scaled })
}

/// Scans `path` (plain CSV in the BACI layout) for rows where exporter or importer is `a`.
pub fn scan(
    path: &Path,
    header: &Header,
    a: i32,
    progress: Option<&dyn Progress>,
) -> Result<Matches> {
    let layout = layout(path, header)?;
    let ranges = scan_ranges(path, &layout, progress, || Involving::new(a))?;
    let mut all = Matches::default();
    for r in ranges {
        let m = r.visit.matches;
        all.t.extend(m.t);
        all.i.extend(m.i);
        all.j.extend(m.j);
        all.hs2.extend(m.hs2);
        all.v.extend(m.v);
        all.rows_scanned += r.rows;
    }
    Ok(all)
}

/// Scans a gzip-compressed BACI file for rows where exporter or importer is `a`.
pub fn scan_gzip(path: &Path, header: &Header, a: i32) -> Result<Matches> {
    let layout = layout(path, header)?;
    let r = scan_gzip_with(path, &layout, Involving::new(a))?;
    let mut m = r.visit.matches;
    m.rows_scanned = r.rows;
    Ok(m)
}

/// What a scan does with each data line: the profile keeps the rows that involve one
/// economy (`Involving`), the world read sums every row (`super::baci_world`).
pub(crate) trait Visit: Send {
    /// One non-empty data line without its line end; `line` counts the lines of the range
    /// before it (0 for its first), `at` is its byte offset in the text. `Ok(false)` stops
    /// the scan of this range.
    fn line(&mut self, text: &[u8], line: u64, at: u64, place: &Place) -> Result<bool>;

    /// The range is over (a visitor that sums by group closes its last group).
    fn end(&mut self) {}
}

/// Where a scan is, for messages: the file, its columns.
pub(crate) struct Place<'a> {
    pub path: &'a Path,
    pub layout: &'a Layout,
}

impl Place<'_> {
    /// A refusal naming the file, the row's byte offset and the column.
    pub fn bad(&self, at: u64, column: usize, what: String) -> Error {
        Error::file(
            self.path,
            format!(
                "{}: row at byte {at}, column {} (`{}`): {what}",
                self.path.display(),
                column + 1,
                ["t", "i", "j", "k", "v"]
                    .get(column)
                    .copied()
                    .unwrap_or("?")
            ),
        )
    }
}

/// One range of a scan, done: what the visitor kept, the rows it saw and the lines the
/// range holds (empty ones too: line numbers count them).
pub(crate) struct Scanned<V> {
    pub visit: V,
    pub rows: u64,
    pub lines: u64,
}

/// Scans a plain file in ranges, one thread each (at most 8), a fresh visitor per range;
/// the ranges come back in file order.
pub(crate) fn scan_ranges<V: Visit>(
    path: &Path,
    layout: &Layout,
    progress: Option<&dyn Progress>,
    visitor: impl Fn() -> V + Sync,
) -> Result<Vec<Scanned<V>>> {
    let io = io(path);
    let size = std::fs::metadata(path).map_err(&io)?.len();
    // The data starts after the header line.
    let mut first = [0u8; 65536];
    let n = std::fs::File::open(path)
        .map_err(&io)?
        .read(&mut first)
        .map_err(&io)?;
    let start = first[..n]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(size, |p| p as u64 + 1);
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8) as u64;
    let span = (size.saturating_sub(start)).div_ceil(threads).max(1);
    let bounds: Vec<(u64, u64)> = (0..threads)
        .map(|t| (start + t * span, (start + (t + 1) * span).min(size)))
        .filter(|(s, e)| s < e)
        .collect();
    let results: Vec<Result<Scanned<V>>> = std::thread::scope(|s| {
        let handles: Vec<_> = bounds
            .iter()
            .enumerate()
            .map(|(n, (from, to))| {
                let progress = progress.filter(|_| n == 0).map(|p| (p, size));
                let visitor = &visitor;
                s.spawn(move || scan_range(path, layout, *from, *to, progress, visitor()))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Error::Engine("a scan thread failed".into())))
            })
            .collect()
    });
    if let Some(p) = progress {
        p.finish();
    }
    results.into_iter().collect()
}

/// Scans the lines that start in [from, to): a line belongs to the range its first byte
/// is in, so ranges split anywhere and still see every line once.
fn scan_range<V: Visit>(
    path: &Path,
    layout: &Layout,
    from: u64,
    to: u64,
    progress: Option<(&dyn Progress, u64)>,
    visit: V,
) -> Result<Scanned<V>> {
    let mut file = std::fs::File::open(path).map_err(io(path))?;
    // Start one byte early: if that byte is a newline, `from` begins a line.
    let seek = from.saturating_sub(1);
    file.seek(SeekFrom::Start(seek)).map_err(io(path))?;
    let span = Span {
        first_byte: seek,
        skip_first_line: from > 1,
        end: to,
    };
    scan_stream(path, file, layout, span, progress, visit)
}

/// Scans a gzip-compressed BACI file, one stream from the start (a gzip stream cannot be
/// split into ranges). Positions in messages are bytes of the decompressed text.
pub(crate) fn scan_gzip_with<V: Visit>(
    path: &Path,
    layout: &Layout,
    visit: V,
) -> Result<Scanned<V>> {
    let file = std::fs::File::open(path).map_err(io(path))?;
    let stream = flate2::read::MultiGzDecoder::new(std::io::BufReader::new(file));
    // Skipping the first line skips the header.
    let span = Span {
        first_byte: 0,
        skip_first_line: true,
        end: u64::MAX,
    };
    scan_stream(path, stream, layout, span, None, visit)
}

/// Which lines of a stream to scan.
struct Span {
    /// The offset in the text of the stream's first byte.
    first_byte: u64,
    /// Start just after the first newline (the line before belongs to another range).
    skip_first_line: bool,
    /// Lines starting at or after this offset belong to another range.
    end: u64,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Hands the lines of `input` in `span` to `visit`; `progress` (with the file's size) is
/// told how far the scan has come.
///
/// One piece on purpose: this is the per-row hot loop of the fast readers, and the buffer
/// refill and the line position share their state at every step.
fn scan_stream<V: Visit>(
    path: &Path,
    mut input: impl Read,
    layout: &Layout,
    span: Span,
    progress: Option<(&dyn Progress, u64)>,
    mut visit: V,
) -> Result<Scanned<V>> {
    let place = Place { path, layout };
    let to = span.end;
    let mut pos = span.first_byte;
    let (mut rows, mut lines) = (0u64, 0u64);
    // One buffer for the whole scan: a line cut by the end of a read is moved to the
    // front and the next read fills in after it (no copy of the rest, no new buffer).
    let mut chunk = vec![0u8; BUFFER];
    let mut kept = 0usize;
    let mut skip_partial = span.skip_first_line;
    let done = |mut visit: V, rows, lines| {
        visit.end();
        Ok(Scanned { visit, rows, lines })
    };
    loop {
        if chunk.len() - kept < BUFFER / 2 {
            // A line longer than half the buffer: make room.
            chunk.resize(kept + BUFFER, 0);
        }
        let n = input.read(&mut chunk[kept..]).map_err(io(path))?;
        if n == 0 && kept == 0 {
            break;
        }
        let filled = kept + n;
        let chunk_offset = pos - kept as u64;
        pos += n as u64;
        let eof = n == 0;
        let data = &chunk[..filled];
        let mut at = 0usize;
        if skip_partial {
            // Skip to just after the first newline (the previous range owns that line).
            match memchr::memchr(b'\n', data) {
                Some(p) => at = p + 1,
                None => {
                    kept = 0;
                    if eof {
                        break;
                    }
                    continue;
                }
            }
            skip_partial = false;
        }
        // Where an unfinished line starts, to keep for the next read.
        let mut unfinished = None;
        loop {
            let line_start_offset = chunk_offset + at as u64;
            if line_start_offset >= to {
                return done(visit, rows, lines);
            }
            let rest = &data[at..];
            let end = match memchr::memchr(b'\n', rest) {
                Some(p) => p,
                // The text ends with its last line end: no line after it.
                None if eof && rest.is_empty() => break,
                None if eof => rest.len(),
                None => {
                    unfinished = Some(at);
                    break;
                }
            };
            let mut line = &rest[..end];
            if line.last() == Some(&b'\r') {
                line = &line[..line.len() - 1];
            }
            at += end + 1;
            lines += 1;
            if line.is_empty() {
                if at > data.len() {
                    break;
                }
                continue;
            }
            rows += 1;
            if let Some((p, size)) = progress
                && rows % 2_000_000 == 0
            {
                // The first of two ranges: half the file.
                p.advance(2.0 * line_start_offset as f64 / size as f64);
            }
            if !visit.line(line, lines - 1, line_start_offset, &place)? {
                return done(visit, rows, lines);
            }
            if at > data.len() {
                break;
            }
        }
        if eof {
            break;
        }
        kept = match unfinished {
            Some(from) => {
                chunk.copy_within(from..filled, 0);
                filled - from
            }
            None => 0,
        };
    }
    done(visit, rows, lines)
}

/// The profile's visitor: keeps the rows where exporter or importer is one economy.
struct Involving {
    a: i32,
    matches: Matches,
}

impl Involving {
    fn new(a: i32) -> Involving {
        Involving {
            a,
            matches: Matches::default(),
        }
    }
}

impl Visit for Involving {
    fn line(&mut self, line: &[u8], _: u64, at: u64, place: &Place) -> Result<bool> {
        let layout = place.layout;
        let bad = |column: usize, what: String| place.bad(at, column, what);
        if layout.width > 16 {
            return Err(bad(0, "too many columns for the fast reader".into()));
        }
        // Only the fields up to the exporter and importer, for most rows: one walk over
        // their bytes (fields are short; a search call per field costs more).
        let (mut fi, mut fj): (Option<&[u8]>, Option<&[u8]>) = (None, None);
        let last = layout.i.max(layout.j);
        let (mut field, mut start) = (0usize, 0usize);
        for (p, &b) in line.iter().enumerate() {
            if b == b',' {
                if field == layout.i {
                    fi = Some(&line[start..p]);
                }
                if field == layout.j {
                    fj = Some(&line[start..p]);
                }
                field += 1;
                start = p + 1;
                if field > last {
                    break;
                }
            }
        }
        // The last field of the line has no comma after it.
        if field == layout.i && fi.is_none() {
            fi = Some(&line[start..]);
        }
        if field == layout.j && fj.is_none() {
            fj = Some(&line[start..]);
        }
        let fi = fi.ok_or_else(|| bad(1, format!("expected {} fields", layout.width)))?;
        let i = int(fi).ok_or_else(|| {
            bad(
                1,
                format!("`{}` is not a country code", String::from_utf8_lossy(fi)),
            )
        })?;
        let fj = fj.ok_or_else(|| bad(2, format!("expected {} fields", layout.width)))?;
        let j = int(fj).ok_or_else(|| {
            bad(
                2,
                format!("`{}` is not a country code", String::from_utf8_lossy(fj)),
            )
        })?;
        if i != self.a && j != self.a {
            return Ok(true);
        }
        // A matching row is read whole and checked.
        let fields: Vec<&[u8]> = line.split(|b| *b == b',').collect();
        if fields.len() != layout.width || line.contains(&b'"') {
            return Err(bad(
                0,
                format!(
                    "expected {} plain fields (quoted or ragged rows need `tradestat summary`)",
                    layout.width
                ),
            ));
        }
        let t = int(fields[layout.t]).ok_or_else(|| bad(0, "not a year".into()))?;
        let v = value(fields[layout.v]).map_err(|e| bad(4, e))?;
        let k = std::str::from_utf8(fields[layout.k]).map_err(|_| bad(3, "not UTF-8".into()))?;
        let m = &mut self.matches;
        m.t.push(t);
        m.i.push(i);
        m.j.push(j);
        m.hs2.push(k.chars().take(2).collect());
        m.v.push(v);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_exact_at_nine_decimals() {
        assert_eq!(value(b"9080.125").unwrap(), 9_080_125_000_000);
        assert_eq!(value(b"20").unwrap(), 20_000_000_000);
        assert_eq!(value(b"-1.5").unwrap(), -1_500_000_000);
        assert!(
            value(b"1.0000000001")
                .unwrap_err()
                .contains("more than 9 decimals")
        );
        assert!(value(b"1e5").is_err());
        assert!(value(b"").is_err());
        // A point or a sign alone is not a number (it once read as zero).
        assert!(value(b".").is_err());
        assert!(value(b"-.").is_err());
        assert_eq!(value(b".5").unwrap(), 500_000_000);
        assert_eq!(value(b"5.").unwrap(), 5_000_000_000);
        assert_eq!(int(b"643"), Some(643));
        assert_eq!(int(b"64a"), None);
    }

    #[test]
    fn ranges_split_anywhere_see_every_line_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.csv");
        let mut text = String::from("t,i,j,k,v,q\n");
        for n in 0..5000 {
            let (i, j) = if n % 3 == 0 { (643, 408) } else { (156, 410) };
            text.push_str(&format!(
                "{},{i},{j},{:06},{}.{:03},\n",
                2000 + n % 20,
                100000 + n,
                n,
                n % 1000
            ));
        }
        std::fs::write(&path, &text).unwrap();
        let header = Header::new(
            ["t", "i", "j", "k", "v", "q"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        );
        let m = scan(&path, &header, 643, None).unwrap();
        assert_eq!(m.rows_scanned, 5000);
        assert_eq!(m.i.len(), 1667);
        // The same sums whatever the split: compare with a direct computation.
        let expected: i128 = (0..5000)
            .filter(|n| n % 3 == 0)
            .map(|n| (n as i128) * 1_000_000_000 + (n % 1000) as i128 * 1_000_000)
            .sum();
        assert_eq!(m.v.iter().sum::<i128>(), expected);
        for cut in [0u64, 1, 7, 12, 13, 100] {
            let size = std::fs::metadata(&path).unwrap().len();
            let layout = Layout {
                t: 0,
                i: 1,
                j: 2,
                k: 3,
                v: 4,
                width: 6,
            };
            let a = scan_range(&path, &layout, 12, 12 + cut, None, Involving::new(643)).unwrap();
            let b = scan_range(&path, &layout, 12 + cut, size, None, Involving::new(643)).unwrap();
            assert_eq!(a.rows + b.rows, 5000, "cut {cut}");
            assert_eq!(a.lines + b.lines, 5000, "cut {cut}");
        }
    }
}
