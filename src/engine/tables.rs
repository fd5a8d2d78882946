//! The queries `summary`, `metrics`, `mirror` and `chart` send to a Ballista cluster:
//! several BACI files (one per year, as CEPII ships them) read as one table, and two
//! queries over it — the rows that involve the economies asked (BACI's key is the row:
//! year, exporter, importer, product), and in one scan the world's exports by year,
//! exporter and product at an HS level with every pair's totals per year (grouping sets).
//! Each comes back as a small table; the
//! records, the checks that name a file's line, and every metric are made in this
//! process by the same code as a local read (`engine::read`).
//!
//! Values travel as text (the rows: the importer reads them as it reads a file) or as
//! `Decimal128(38, 9)` sums of values the cluster checked against the local reader's rule
//! (`UNSIGNED_VALUE_PATTERN`): no float anywhere.

use datafusion::arrow::array::{Array, ArrayRef, Decimal128Array, Int64Array};
use datafusion::arrow::array::{RecordBatch, StringArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::DataType;

use super::BaciFile;
use super::ballista::{Ballista, UNSIGNED_VALUE_PATTERN};
use crate::error::{Error, Result};
use crate::ingest::baci_scan::SCALE;

/// One row of a file as the cluster read it: which file, then t, i, j (read as numbers,
/// written back as text), k and v as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowText {
    pub file: usize,
    pub fields: [String; 5],
}

/// The sum of the rows of one year, exporter and importer (×10^9, thousands of dollars),
/// and the file of the first of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairTotal {
    pub file: usize,
    pub t: i32,
    pub i: i32,
    pub j: i32,
    pub v: i128,
}

/// An exporter's exports in one year and one product at the level asked (×10^9,
/// thousands of dollars), rows to aggregates left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportSum {
    pub t: i32,
    pub i: i32,
    pub product: String,
    pub v: i128,
}

/// The world's exports, every economy of the files and every pair's totals.
#[derive(Clone, Debug, Default)]
pub struct WorldSums {
    pub exports: Vec<ExportSum>,
    /// Every exporter and importer code, ascending.
    pub economies: Vec<i32>,
    /// Every exporter and importer's total per year, in order of year, exporter, importer.
    pub pairs: Vec<PairTotal>,
}

/// `(a OR b) AND ...`: rows that involve every economy, each given by its codes.
fn involving(economies: &[Vec<i32>]) -> String {
    if economies.is_empty() {
        return "TRUE".to_string();
    }
    economies
        .iter()
        .map(|codes| {
            let list = in_list(codes);
            format!("(i IN ({list}) OR j IN ({list}))")
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

fn in_list(codes: &[i32]) -> String {
    if codes.is_empty() {
        // No code stands for this economy: nothing matches (-1 is no BACI code).
        return "-1".to_string();
    }
    codes
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The query for the rows that involve every one of `economies`.
pub fn rows_sql(economies: &[Vec<i32>]) -> String {
    format!(
        "SELECT file, t, i, j, k, v FROM baci WHERE {} ",
        involving(economies)
    )
}

/// The one scan world shares need: every exporter's exports per year and product at
/// `level` (2, 4 or 6), rows to an importer among `aggregates` left out (grouping set
/// `t, i, product`: `j` is null), and every pair's total per year (grouping set `t, i, j`:
/// `product` is null) — which gives the reporter's totals per partner and every economy.
pub fn world_sql(level: usize, aggregates: &[i32]) -> String {
    format!(
        "SELECT min(file) AS file, t, i, j, product, \
           sum(CASE WHEN fit AND j NOT IN ({}) THEN CAST(v AS DECIMAL(38, {SCALE})) END) AS exports, \
           sum(CASE WHEN fit THEN CAST(v AS DECIMAL(38, {SCALE})) END) AS v, \
           sum(CASE WHEN fit THEN 0 ELSE 1 END) AS unfit \
         FROM (SELECT file, t, i, j, v, substr(lpad(k, 6, '0'), 1, {level}) AS product, \
                 (v ~ '{UNSIGNED_VALUE_PATTERN}' AND k ~ '^[0-9]{{5,6}}$' \
                  AND t IS NOT NULL AND i IS NOT NULL AND j IS NOT NULL) AS fit \
               FROM baci) \
         GROUP BY GROUPING SETS ((t, i, product), (t, i, j))",
        in_list(aggregates)
    )
}

impl Ballista {
    /// The rows of `files` that involve every one of `economies` (each given by the codes
    /// that stand for it), in file order.
    pub fn rows_involving(
        &self,
        files: &[BaciFile],
        economies: &[Vec<i32>],
    ) -> Result<Vec<RowText>> {
        let batches = self.run(files, &[rows_sql(economies)], "rows")?;
        let mut rows = Vec::new();
        for batch in batches.iter().flatten() {
            let file = self.ints(batch, 0)?;
            let mut columns = (1..6)
                .map(|at| self.texts(batch, at).map(Vec::into_iter))
                .collect::<Result<Vec<_>>>()?;
            for file in file {
                let mut fields = columns.iter_mut().map(|c| c.next().unwrap_or_default());
                rows.push(RowText {
                    file: file as usize,
                    fields: std::array::from_fn(|_| fields.next().unwrap_or_default()),
                });
            }
        }
        // In the files' order (BACI's: year, exporter, importer, product). Sorted here: an
        // ORDER BY trips an assertion of DataFusion 55's top-k on the cluster.
        rows.sort_by_cached_key(|r| {
            let number = |n: usize| r.fields[n].parse::<i64>().unwrap_or(i64::MAX);
            (r.file, number(0), number(1), number(2), r.fields[3].clone())
        });
        Ok(rows)
    }

    /// Every exporter's exports per year and product at `level`, rows to `aggregates` left
    /// out, every economy of the files, and every pair's totals per year: one scan.
    pub fn world_sums(
        &self,
        files: &[BaciFile],
        level: usize,
        aggregates: &[i32],
    ) -> Result<WorldSums> {
        let batches = self.run(files, &[world_sql(level, aggregates)], "world exports")?;
        let mut world = WorldSums::default();
        let mut economies = std::collections::BTreeSet::new();
        for batch in batches.iter().flatten() {
            self.refuse_unfit(files, batch, 7)?;
            let file = self.ints(batch, 0)?;
            let (t, i) = (self.ints(batch, 1)?, self.ints(batch, 2)?);
            let j = self.column(batch, 3, &DataType::Int64)?;
            let product = self.column(batch, 4, &DataType::Utf8)?;
            let product = product
                .as_any()
                .downcast_ref::<StringArray>()
                .ok_or_else(|| self.fail("column 4 is not text"))?;
            let (exports, v) = (self.decimals(batch, 5)?, self.sums(batch, 6)?);
            let j = j
                .as_any()
                .downcast_ref::<Int64Array>()
                .ok_or_else(|| self.fail("column 3 is not whole numbers"))?;
            for n in 0..batch.num_rows() {
                let (t, i) = (t[n] as i32, i[n] as i32);
                if j.is_null(n) {
                    // An exporter's product. No row to a country: no exports of it (not
                    // exports of 0).
                    let Some(v) = exports[n] else { continue };
                    world.exports.push(ExportSum {
                        t,
                        i,
                        product: product.value(n).to_string(),
                        v,
                    });
                } else if product.is_null(n) {
                    let j = j.value(n) as i32;
                    economies.extend([i, j]);
                    world.pairs.push(PairTotal {
                        file: file[n] as usize,
                        t,
                        i,
                        j,
                        v: v[n],
                    });
                }
            }
        }
        world
            .exports
            .sort_unstable_by(|a, b| (a.t, a.i, &a.product).cmp(&(b.t, b.i, &b.product)));
        world.pairs.sort_unstable_by_key(|p| (p.t, p.i, p.j));
        world.economies = economies.into_iter().collect();
        Ok(world)
    }

    /// Runs each query on one session where `baci` is every file's rows, with the file's
    /// index as `file`; returns each query's batches.
    fn run(
        &self,
        files: &[BaciFile],
        queries: &[String],
        what: &str,
    ) -> Result<Vec<Vec<RecordBatch>>> {
        for file in files {
            super::ballista::refuse_gzip(&file.path)?;
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|e| self.fail(format!("cannot start the client runtime: {e}")))?;
        runtime.block_on(async {
            let ctx = self.session(&format!("tradestat {what}")).await?;
            let mut selects = Vec::new();
            for (n, file) in files.iter().enumerate() {
                self.register(&ctx, &format!("f{n}"), file).await?;
                selects.push(format!("SELECT {n} AS file, t, i, j, k, v FROM f{n}"));
            }
            let names = files
                .iter()
                .map(|f| f.path.display().to_string())
                .collect::<Vec<_>>()
                .join(", ");
            let about_files =
                |e: datafusion::error::DataFusionError| self.fail(format!("{names}: {e}"));
            let union = selects.join(" UNION ALL ");
            let mut out = Vec::new();
            for query in queries {
                let sql = format!("WITH baci AS ({union}) {query}");
                let frame = ctx.sql(&sql).await.map_err(about_files)?;
                out.push(frame.collect().await.map_err(about_files)?);
            }
            Ok(out)
        })
    }

    /// Refuses a result that summed rows the local reader would not take (column `at`
    /// counts them), naming the first such row when this process can read the files.
    fn refuse_unfit(&self, files: &[BaciFile], batch: &RecordBatch, at: usize) -> Result<()> {
        let unfit: i64 = self.ints(batch, at)?.iter().sum();
        if unfit == 0 {
            return Ok(());
        }
        let first = files
            .iter()
            .find_map(|f| crate::ingest::baci_scan::scan(&f.path, &f.header, 0, None).err())
            .map(|e| format!("; the first, found locally: {e}"))
            .unwrap_or_default();
        Err(Error::Options(format!(
            "{unfit} row(s) have a value `v` that is not an unsigned decimal with at most \
             {SCALE} decimals, or a product `k` that is not an HS6 code (checked on {}); \
             read them with the local engine, which names each line{first}",
            crate::engine::Aggregator::name(self)
        )))
    }

    fn column(&self, batch: &RecordBatch, at: usize, to: &DataType) -> Result<ArrayRef> {
        cast(batch.column(at), to).map_err(|e| self.fail(format!("column {at}: {e}")))
    }

    /// Whole numbers (a null is 0: a count or a sum over no row).
    fn ints(&self, batch: &RecordBatch, at: usize) -> Result<Vec<i64>> {
        let column = self.column(batch, at, &DataType::Int64)?;
        let array = column
            .as_any()
            .downcast_ref::<Int64Array>()
            .ok_or_else(|| self.fail(format!("column {at} is not whole numbers")))?;
        Ok(array.iter().map(|v| v.unwrap_or(0)).collect())
    }

    fn texts(&self, batch: &RecordBatch, at: usize) -> Result<Vec<String>> {
        let column = self.column(batch, at, &DataType::Utf8)?;
        let array = column
            .as_any()
            .downcast_ref::<StringArray>()
            .ok_or_else(|| self.fail(format!("column {at} is not text")))?;
        Ok(array
            .iter()
            .map(|v| v.unwrap_or_default().to_string())
            .collect())
    }

    /// Exact sums as mantissas at scale `SCALE` (a sum over no row is 0).
    fn sums(&self, batch: &RecordBatch, at: usize) -> Result<Vec<i128>> {
        Ok(self
            .decimals(batch, at)?
            .into_iter()
            .map(|v| v.unwrap_or(0))
            .collect())
    }

    /// Exact sums as mantissas at scale `SCALE`; `None` for a sum over no row.
    fn decimals(&self, batch: &RecordBatch, at: usize) -> Result<Vec<Option<i128>>> {
        let column = self.column(batch, at, &DataType::Decimal128(38, SCALE as i8))?;
        let array = column
            .as_any()
            .downcast_ref::<Decimal128Array>()
            .ok_or_else(|| self.fail(format!("column {at} is not decimals")))?;
        Ok(array.iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queries_filter_sum_decimals_and_leave_aggregates_out() {
        let rows = rows_sql(&[vec![643], vec![156, 157]]);
        assert!(
            rows.contains("(i IN (643) OR j IN (643)) AND (i IN (156, 157) OR j IN (156, 157))"),
            "{rows}"
        );
        let world = world_sql(2, &[490, 899]);
        assert!(world.contains("j NOT IN (490, 899)"), "{world}");
        assert!(world.contains("CAST(v AS DECIMAL(38, 9))"), "{world}");
        assert!(world.contains("substr(lpad(k, 6, '0'), 1, 2)"), "{world}");
        assert!(
            world.contains("GROUPING SETS ((t, i, product), (t, i, j))"),
            "{world}"
        );
        for q in [rows, world] {
            assert!(!q.to_lowercase().contains("double"), "{q}");
            assert!(!q.to_lowercase().contains("float"), "{q}");
        }
        // An economy no code stands for matches nothing.
        assert!(rows_sql(&[vec![]]).contains("i IN (-1)"));
    }
}
