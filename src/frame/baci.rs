//! The profile's sums of a BACI file in Polars: the rows involving one economy (from the
//! exact pre-filter, Polars' streaming reader or the columnar cache), their partial sums as
//! Arrow IPC for the cluster engine, and the profile's group-bys.

use polars::prelude::*;

use super::{column, i32s, missing, strings};
use crate::error::{Error, Result};
use crate::number::Exact;

/// Exact sums a bilateral profile needs, from a BACI file (values in USD thousand).
#[derive(Clone, Debug, Default)]
pub struct ProfileSums {
    /// (year, A's exports to B)
    pub exports: Vec<(i32, Exact)>,
    /// (year, A's imports from B)
    pub imports: Vec<(i32, Exact)>,
    /// (year, HS2 chapter, A's exports to B)
    pub chapters: Vec<(i32, String, Exact)>,
    /// (partner code, A's exports to it over all years)
    pub partner_exports: Vec<(i32, Exact)>,
    /// (partner code, A's imports from it over all years)
    pub partner_imports: Vec<(i32, Exact)>,
    /// (partner name, exports, imports) over all years, for layouts without numeric codes.
    pub named_partners: Vec<(String, Exact, Exact)>,
    /// Rows of the file that involve A.
    pub rows: usize,
}

/// Additive aggregates of the BACI rows that involve one economy: partial sums of `v`
/// and row counts keyed by year, exporter, importer and HS2 chapter. A key may appear more
/// than once (the local engine keeps each row as its own partial sum, a cluster sends one
/// per key); only their sums mean anything.
///
/// This is the seam between engines (`crate::engine`): the local Polars reader and a
/// Ballista cluster both produce this frame, and everything after it (`profile_sums`, the
/// metrics, the rendering) is shared, so the rest of the program cannot tell which engine
/// ran. Sums of these sums are exact, so nothing is lost by aggregating in two steps.
#[derive(Clone, Debug)]
pub struct InvolvingSums {
    pub(super) frame: DataFrame,
}

/// The columns of `InvolvingSums`, in order, and the Arrow type each must have.
pub const INVOLVING_COLUMNS: [(&str, &str); 6] = [
    ("t", "Int32"),
    ("i", "Int32"),
    ("j", "Int32"),
    ("hs2", "Utf8"),
    ("v", "Decimal128(38, 9)"),
    ("rows", "Int64"),
];

impl InvolvingSums {
    /// How many rows of the file the sums cover.
    pub fn rows(&self) -> Result<u64> {
        let total: i64 = column(&self.frame, "rows")?
            .i64()?
            .iter()
            .map(|v| v.ok_or_else(|| missing("rows")))
            .sum::<Result<i64>>()?;
        u64::try_from(total).map_err(|_| Error::Engine(format!("negative row count {total}")))
    }

    /// The sums another engine computed, sent as Arrow IPC (file format). Names, order and
    /// types are checked; a decimal of another scale is refused, never rescaled.
    pub fn from_arrow_ipc(bytes: &[u8]) -> Result<InvolvingSums> {
        let frame = IpcReader::new(std::io::Cursor::new(bytes)).finish()?;
        let names: Vec<String> = frame
            .get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        let expected: Vec<&str> = INVOLVING_COLUMNS.iter().map(|c| c.0).collect();
        if names != expected {
            return Err(Error::Engine(format!(
                "the engine returned columns {names:?}, expected {expected:?}"
            )));
        }
        let scale = crate::ingest::baci_scan::SCALE as usize;
        for (name, want) in INVOLVING_COLUMNS {
            let dtype = column(&frame, name)?.dtype().clone();
            let ok = match name {
                "t" | "i" | "j" => dtype == DataType::Int32,
                "hs2" => dtype == DataType::String,
                "v" => matches!(dtype, DataType::Decimal(_, s) if s == scale),
                _ => dtype == DataType::Int64,
            };
            if !ok {
                return Err(Error::Engine(format!(
                    "the engine returned `{name}` as {dtype}, expected {want}"
                )));
            }
        }
        Ok(InvolvingSums { frame })
    }

    /// The frame as Arrow IPC (file format), sorted by key: the form a cluster sends it in
    /// (tests check that it reads back unchanged).
    pub fn to_arrow_ipc(&self) -> Result<Vec<u8>> {
        let mut frame = self
            .frame
            .clone()
            .sort(["t", "i", "j", "hs2"], SortMultipleOptions::default())?;
        let mut bytes = Vec::new();
        IpcWriter::new(&mut bytes).finish(&mut frame)?;
        Ok(bytes)
    }
}

/// The local engine: reads the BACI layout (the exact two-thread pre-filter for a plain
/// file, Polars' streaming CSV reader or the columnar cache otherwise), keeps the rows
/// where A is exporter or importer, and sums them with Polars.
pub fn involving_sums_local(
    path: &std::path::Path,
    header: &crate::ingest::table::Header,
    a: i32,
    use_cache: bool,
    progress: Option<&dyn crate::diag::Progress>,
) -> Result<InvolvingSums> {
    let cached = use_cache.then(|| super::cache::path_for(path)).flatten();
    let gz = crate::ingest::table::is_gzip(path);
    if gz && use_cache {
        return Err(Error::Options(format!(
            "{}: --cache keeps a columnar copy of a plain CSV file; this one is gzip: \
             decompress it first (gunzip -k) or leave out --cache",
            path.display()
        )));
    }
    let involving = match cached {
        // No cache wanted (or possible): the fast exact pre-filter, two threads on a plain
        // file, one stream through a gzip file.
        None => {
            let m = if gz {
                crate::ingest::baci_scan::scan_gzip(path, header, a)?
            } else {
                crate::ingest::baci_scan::scan(path, header, a, progress)?
            };
            let n = m.t.len();
            let value = Int128Chunked::from_vec("v".into(), m.v)
                .into_decimal(38, crate::ingest::baci_scan::SCALE as usize)?
                .into_series()
                .into_column();
            DataFrame::new(
                n,
                vec![
                    Column::new("t".into(), m.t),
                    Column::new("i".into(), m.i),
                    Column::new("j".into(), m.j),
                    Column::new("hs2".into(), m.hs2),
                    value,
                ],
            )?
        }
        Some(cached) => {
            let lazy = cached_baci(path, &cached)?;
            // One query, one sink: the result is a single frame by construction.
            lazy.filter(col("i").eq(lit(a)).or(col("j").eq(lit(a))))
                .select([
                    col("t"),
                    col("i"),
                    col("j"),
                    col("k").str().slice(lit(0), lit(2)).alias("hs2"),
                    col("v"),
                ])
                .collect_with_engine(Engine::Streaming)?
                .unwrap_single()
        }
    };
    // Each row is its own partial sum (rows = 1): summing them again in `profile_sums` is
    // exact, and on one machine cheaper than a group-by by all four keys first.
    let frame = involving
        .lazy()
        .with_column(lit(1i64).cast(DataType::Int64).alias("rows"))
        .select([
            col("t"),
            col("i"),
            col("j"),
            col("hs2"),
            col("v"),
            col("rows"),
        ])
        .collect()?;
    Ok(InvolvingSums { frame })
}

/// The sums a bilateral profile of A with B needs, from the involving sums of A.
pub fn profile_sums(sums: &InvolvingSums, a: i32, b: i32) -> Result<ProfileSums> {
    let small = sums.frame.clone().lazy();
    let sum_by = |filter: Expr, keys: Vec<Expr>| -> Result<DataFrame> {
        Ok(small
            .clone()
            .filter(filter)
            .group_by(keys.clone())
            .agg([col("v").sum()])
            .collect()?)
    };
    let pairs = |df: &DataFrame, key: &str| -> Result<Vec<(i32, Exact)>> {
        let keys = i32s(df, key)?;
        let values = exacts(df, "v")?;
        let mut out: Vec<(i32, Exact)> = keys.into_iter().zip(values).collect();
        out.sort_by_key(|p| p.0);
        Ok(out)
    };
    let a_to_b = col("i").eq(lit(a)).and(col("j").eq(lit(b)));
    let exports = pairs(&sum_by(a_to_b.clone(), vec![col("t")])?, "t")?;
    let imports = pairs(
        &sum_by(col("i").eq(lit(b)).and(col("j").eq(lit(a))), vec![col("t")])?,
        "t",
    )?;
    let chapters_df = sum_by(a_to_b, vec![col("t"), col("hs2")])?;
    let years = i32s(&chapters_df, "t")?;
    let hs2 = strings(&chapters_df, "hs2")?;
    let values = exacts(&chapters_df, "v")?;
    let chapters = years
        .into_iter()
        .zip(hs2)
        .zip(values)
        .map(|((y, h), v)| (y, h, v))
        .collect();
    let partner_exports = pairs(&sum_by(col("i").eq(lit(a)), vec![col("j")])?, "j")?;
    let partner_imports = pairs(&sum_by(col("j").eq(lit(a)), vec![col("i")])?, "i")?;
    Ok(ProfileSums {
        exports,
        imports,
        chapters,
        partner_exports,
        partner_imports,
        named_partners: Vec::new(),
        rows: usize::try_from(sums.rows()?).unwrap_or(usize::MAX),
    })
}

/// The file through its columnar cache: an Arrow IPC copy keyed by the file's path, size
/// and modification time, written on first use (from a plain CSV file) and read after.
fn cached_baci(path: &std::path::Path, cached: &std::path::Path) -> Result<LazyFrame> {
    let schema = Schema::from_iter([
        Field::new("t".into(), DataType::Int32),
        Field::new("i".into(), DataType::Int32),
        Field::new("j".into(), DataType::Int32),
        Field::new("k".into(), DataType::String),
        Field::new(
            "v".into(),
            DataType::Decimal(38, crate::ingest::baci_scan::SCALE as usize),
        ),
    ]);
    let csv = || -> Result<LazyFrame> {
        Ok(
            LazyCsvReader::new(PlRefPath::new(path.to_string_lossy().as_ref()))
                .with_has_header(true)
                .with_dtype_overwrite(Some(std::sync::Arc::new(schema.clone())))
                .finish()?,
        )
    };
    if !cached.exists() {
        super::cache::fill(cached, || {
            Ok(csv()?.select([col("t"), col("i"), col("j"), col("k"), col("v")]))
        })?;
    }
    Ok(LazyFrame::scan_ipc(
        PlRefPath::new(cached.to_string_lossy().as_ref()),
        Default::default(),
        Default::default(),
    )?)
}

/// A Decimal column as exact numbers (no 28-digit limit).
fn exacts(df: &DataFrame, name: &str) -> Result<Vec<Exact>> {
    let decimal = column(df, name)?.decimal()?;
    let scale = u32::try_from(decimal.scale()).unwrap_or(0);
    decimal
        .physical()
        .iter()
        .map(|v| {
            v.map(|mantissa| Exact { mantissa, scale }.normalize())
                .ok_or_else(|| missing(name))
        })
        .collect()
}
