//! The `distributed` engine: group-by sums as SQL queries on a Ballista cluster
//! (DataFusion) — the profile's sums of one file, and for `summary`, `metrics`, `mirror`
//! and `chart` the rows of several files that involve the economies asked, their totals
//! per partner, and the world's exports by year, exporter and product (`cluster_rows`). Values travel as decimals end to end: the CSV is read with `v` as
//! text, checked against the same rule as the local reader, cast to `Decimal128(38, 9)`
//! and summed exactly; the result comes back as Arrow IPC into Polars. No float anywhere.
//!
//! The file must be readable at the same path by the scheduler and every executor (same
//! machine, a shared disk); the client itself only reads the header line.

use std::sync::Arc;

use ballista::prelude::{SessionConfigExt, SessionContextExt};
use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::arrow::ipc::writer::FileWriter;
use datafusion::execution::SessionStateBuilder;
use datafusion::prelude::{CsvReadOptions, SessionConfig, SessionContext};

use crate::engine::{Aggregator, BaciFile};
use crate::error::{Error, Result};
use crate::frame::{INVOLVING_COLUMNS, InvolvingSums};
use crate::ingest::baci_scan::SCALE;

/// What a BACI value may look like: the rule of `ingest::baci_scan` (digits, at most one
/// point, at most 9 decimals, an optional minus), so both engines accept the same files.
pub const VALUE_PATTERN: &str = r"^-?([0-9]+(\.[0-9]{0,9})?|\.[0-9]{1,9})$";

/// The same without a sign: what the one-pass world read takes (`ingest::baci_world`); a
/// negative value is a row the general reader refuses, never summed.
pub const UNSIGNED_VALUE_PATTERN: &str = r"^([0-9]+(\.[0-9]{0,9})?|\.[0-9]{1,9})$";

/// A Ballista scheduler, reached over gRPC.
#[derive(Clone, Debug)]
pub struct Ballista {
    host: String,
    port: u16,
}

impl Ballista {
    pub fn new(host: &str, port: u16) -> Ballista {
        Ballista {
            host: host.to_string(),
            port,
        }
    }

    pub(super) fn fail(&self, message: impl std::fmt::Display) -> Error {
        let message = message.to_string();
        let unreachable = [
            "Connection refused",
            "tcp connect",
            "dns error",
            "ConnectError",
        ]
        .iter()
        .any(|m| message.contains(m));
        Error::Cluster {
            engine: self.name(),
            message: if unreachable {
                format!(
                    "cannot reach the scheduler ({message}); is the cluster running? \
                     (`tradestat cluster start` prints its address)"
                )
            } else {
                message
            },
        }
    }
}

impl Aggregator for Ballista {
    fn name(&self) -> String {
        format!("ballista://{}:{}", self.host, self.port)
    }

    fn involving_sums(&self, file: &BaciFile, a: i32) -> Result<InvolvingSums> {
        refuse_gzip(&file.path)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|e| self.fail(format!("cannot start the client runtime: {e}")))?;
        let (bytes, malformed) = runtime.block_on(self.query(file, a))?;
        if malformed > 0 {
            // The cluster cannot say where; the local reader can, if it sees the file.
            let first = crate::ingest::baci_scan::scan(&file.path, &file.header, a, None)
                .err()
                .map(|e| format!("; the first, found locally: {e}"))
                .unwrap_or_default();
            return Err(Error::Options(format!(
                "{}: {malformed} row(s) involving {a} have a value `v` that is not a plain \
                 decimal with at most {SCALE} decimals (checked on {}){first}",
                file.path.display(),
                self.name()
            )));
        }
        InvolvingSums::from_arrow_ipc(&bytes)
    }
}

/// Refuses a gzip file: Ballista 55 sends a CSV scan to its executors without its
/// compression (datafusion-proto 55's `CsvScanExecNode` has no field for it), so they would
/// read the compressed bytes as text (tried: "incorrect number of fields for line 1").
pub(super) fn refuse_gzip(path: &std::path::Path) -> Result<()> {
    if crate::ingest::table::is_gzip(path) {
        return Err(Error::Options(format!(
            "{}: a Ballista 55 cluster reads plain CSV only (its executors are not told a \
             file is compressed); decompress it first (gunzip -k) where every executor can \
             read it, or use the local engine",
            path.display()
        )));
    }
    Ok(())
}

/// The file's columns in file order, typed by name: t, i, j as Int32, everything else as
/// text. Built from the header the client read, so a position never stands for a name.
fn schema(file: &BaciFile) -> Schema {
    let named = file.columns.named();
    let fields = (0..file.header.names.len())
        .map(|p| match named.iter().find(|(_, q)| *q == p) {
            Some((name @ ("t" | "i" | "j"), _)) => Field::new(*name, DataType::Int32, true),
            Some((name, _)) => Field::new(*name, DataType::Utf8, true),
            None => Field::new(format!("_c{p}"), DataType::Utf8, true),
        })
        .collect::<Vec<_>>();
    Schema::new(fields)
}

/// The one query: sums and row counts of the rows involving `a`, and how many of them
/// have a value the local reader would refuse.
pub fn sql(a: i32) -> String {
    format!(
        "SELECT t, i, j, coalesce(substr(k, 1, 2), '') AS hs2, \
           sum(CASE WHEN v ~ '{VALUE_PATTERN}' THEN CAST(v AS DECIMAL(38, {SCALE})) END) AS v, \
           count(*) AS \"rows\", \
           sum(CASE WHEN v ~ '{VALUE_PATTERN}' THEN 0 ELSE 1 END) AS malformed \
         FROM baci WHERE i = {a} OR j = {a} \
         GROUP BY t, i, j, coalesce(substr(k, 1, 2), '')"
    )
}

impl Ballista {
    /// A session on the cluster, its jobs named `job`.
    pub(super) async fn session(&self, job: &str) -> Result<SessionContext> {
        let config = SessionConfig::new_with_ballista().with_ballista_job_name(job);
        let state = SessionStateBuilder::new()
            .with_default_features()
            .with_config(config)
            .build();
        SessionContext::remote_with_state(&format!("df://{}:{}", self.host, self.port), state)
            .await
            .map_err(|e| self.fail(e))
    }

    /// Registers `file` as table `table`, its columns typed by header name.
    pub(super) async fn register(
        &self,
        ctx: &SessionContext,
        table: &str,
        file: &BaciFile,
    ) -> Result<()> {
        // Executors open the path themselves: it must be absolute.
        let path = std::fs::canonicalize(&file.path).map_err(|source| Error::Io {
            path: file.path.clone(),
            source,
        })?;
        let path_text = path.to_string_lossy().to_string();
        let schema = schema(file);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        // A single file is listed whatever its name, but its extension must match.
        let extension = name
            .find('.')
            .map_or(String::new(), |p| name[p..].to_string());
        let options = CsvReadOptions::new()
            .has_header(true)
            .schema(&schema)
            .file_extension(&extension);
        ctx.register_csv(table, &path_text, options)
            .await
            .map_err(|e| self.fail(format!("{}: {e}", file.path.display())))
    }

    /// Runs the query; returns the sums as Arrow IPC bytes and the malformed-row count.
    async fn query(&self, file: &BaciFile, a: i32) -> Result<(Vec<u8>, i64)> {
        let name = file
            .path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let ctx = self.session(&format!("tradestat profile {name}")).await?;
        self.register(&ctx, "baci", file).await?;
        // What the cluster says about the file (a parse error names its line) names it.
        let about_file = |e: datafusion::error::DataFusionError| {
            self.fail(format!("{}: {e}", file.path.display()))
        };
        let frame = ctx.sql(&sql(a)).await.map_err(about_file)?;
        let result_schema = Arc::new(frame.schema().as_arrow().clone());
        let batches = frame.collect().await.map_err(about_file)?;

        let width = INVOLVING_COLUMNS.len();
        let keep: Vec<usize> = (0..width).collect();
        let mut malformed: i64 = 0;
        let mut bytes = Vec::new();
        {
            let kept = Arc::new(result_schema.project(&keep).map_err(|e| self.fail(e))?);
            let mut writer = FileWriter::try_new(&mut bytes, &kept).map_err(|e| self.fail(e))?;
            for batch in &batches {
                let bad = batch
                    .column(width)
                    .as_any()
                    .downcast_ref::<datafusion::arrow::array::Int64Array>()
                    .ok_or_else(|| self.fail("the malformed-row count is not Int64"))?;
                malformed += bad.iter().map(|v| v.unwrap_or(0)).sum::<i64>();
                let batch = batch.project(&keep).map_err(|e| self.fail(e))?;
                writer.write(&batch).map_err(|e| self.fail(e))?;
            }
            writer.finish().map_err(|e| self.fail(e))?;
        }
        Ok((bytes, malformed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_rule_is_the_local_readers() {
        let pattern = regex::Regex::new(VALUE_PATTERN).unwrap();
        for text in [
            "1234.567",
            "0",
            "5.",
            ".5",
            "-2.25",
            "1.123456789",
            "1.1234567890",
            "",
            ".",
            "-",
            "-.",
            "1e3",
            "+1",
            " 1",
            "1,5",
            "1.2.3",
            "0x10",
        ] {
            let local = crate::ingest::baci_scan::value(text.as_bytes()).is_ok();
            assert_eq!(pattern.is_match(text), local, "{text:?}");
        }
    }

    #[test]
    fn the_query_sums_decimals_and_counts_rows() {
        let q = sql(643);
        assert!(q.contains("CAST(v AS DECIMAL(38, 9))"), "{q}");
        assert!(q.contains("WHERE i = 643 OR j = 643"), "{q}");
        assert!(!q.to_lowercase().contains("double"), "{q}");
    }
}
