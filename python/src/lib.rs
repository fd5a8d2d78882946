//! tradestat for Python: the library's stages behind a few functions. `read` hands the
//! records over as Arrow through the PyCapsule interface (`__arrow_c_stream__`: polars,
//! pyarrow and pandas take it without a copy where they can); `summary`, `check` and
//! `verify` return the JSON contract (docs/output.md) that the Python side turns into
//! dicts with `decimal.Decimal` values. Errors are `tradestat.TradestatError` with the file,
//! line and column when the error names them.

use std::ffi::CString;
use std::path::PathBuf;

use polars::prelude::{CompatLevel, DataFrame};
use polars_arrow::array::{Array, StructArray};
use polars_arrow::datatypes::{ArrowDataType, Field};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use tradestat::frame::TradeFrame;
use tradestat::ingest::{Dataset, ReadOptions};

create_exception!(
    _tradestat,
    TradestatError,
    PyException,
    "An error of tradestat: bad input, a file that cannot be read, a selection with no records. `path`, `line` and `column` say where, when the error names them."
);

/// The library's error as a Python exception, with where it happened.
fn to_py(e: tradestat::Error) -> PyErr {
    let message = e.to_string();
    let (path, line, column) = location(&e, &message);
    Python::with_gil(|py| {
        let err = TradestatError::new_err(message);
        let value = err.value(py);
        let _ = value.setattr("path", path);
        let _ = value.setattr("line", line);
        let _ = value.setattr("column", column);
        err
    })
}

/// The file, line and column an error names: from its fields, else from the
/// `path:line:column:` its message starts with.
fn location(e: &tradestat::Error, message: &str) -> (Option<String>, Option<u64>, Option<u64>) {
    use tradestat::Error as E;
    match e {
        E::DuplicateColumn {
            path,
            line,
            column_number,
            ..
        } => (
            Some(path.display().to_string()),
            Some(*line),
            Some(*column_number as u64),
        ),
        E::Csv { path, line, .. } => (Some(path.display().to_string()), Some(*line), None),
        // --strict: the first rejected row.
        E::Rejected(rows) if !rows.is_empty() => {
            let r = &rows[0];
            (
                Some(r.path.display().to_string()),
                Some(r.line),
                r.column.as_ref().map(|c| c.0 as u64),
            )
        }
        E::Io { path, .. }
        | E::Write { path, .. }
        | E::EmptyFile { path, .. }
        | E::NotUtf8 { path, .. }
        | E::Article { path, .. } => (Some(path.display().to_string()), None, None),
        _ => {
            // "data.csv:3:14: ..." or "data.csv:3: ..."
            let mut parts = message.splitn(4, ':');
            let path = parts
                .next()
                .filter(|p| !p.contains(' ') && p.contains('.'))
                .map(str::to_string);
            let line = parts.next().and_then(|l| l.trim().parse().ok());
            let column = parts.next().and_then(|c| c.trim().parse().ok());
            match (path, line) {
                (Some(p), Some(l)) => (Some(p), Some(l), column),
                _ => (None, None, None),
            }
        }
    }
}

fn options(strict: bool, involving: Vec<String>) -> ReadOptions {
    ReadOptions {
        strict,
        involving,
        ..ReadOptions::default()
    }
}

/// The records read from trade files, in tradestat's canonical columns (reporter, partner,
/// period, flow, commodity, value as an exact decimal, unit, source, note). An Arrow
/// stream: `polars.from_arrow(t)`, `pyarrow.table(t)`.
#[pyclass(module = "tradestat")]
struct Records {
    frame: DataFrame,
    rejected: usize,
}

#[pymethods]
impl Records {
    /// The records as an Arrow C stream (the Arrow PyCapsule interface).
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<PyObject>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema; // the columns are given as they are
        let frame = self.frame.clone();
        let fields: Vec<Field> = frame
            .columns()
            .iter()
            .map(|c| c.field().to_arrow(CompatLevel::newest()))
            .collect();
        let dtype = ArrowDataType::Struct(fields.clone());
        let batches: Vec<Box<dyn Array>> = frame
            .iter_chunks(CompatLevel::newest(), false)
            .map(|batch| {
                let len = batch.len();
                Box::new(StructArray::new(
                    dtype.clone(),
                    len,
                    batch.into_arrays(),
                    None,
                )) as Box<dyn Array>
            })
            .collect();
        let iter = Box::new(batches.into_iter().map(Ok));
        let stream = polars_arrow::ffi::export_iterator(iter, Field::new("".into(), dtype, false));
        let name =
            CString::new("arrow_array_stream").map_err(|e| PyException::new_err(e.to_string()))?;
        PyCapsule::new(py, stream, Some(name))
    }

    /// How many records.
    fn __len__(&self) -> usize {
        self.frame.height()
    }

    /// The column names.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.frame
            .get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect()
    }

    /// How many rows were rejected (and reported) while reading.
    #[getter]
    fn rejected(&self) -> usize {
        self.rejected
    }

    fn __repr__(&self) -> String {
        format!(
            "<tradestat.Records: {} records, {} rejected>",
            self.frame.height(),
            self.rejected
        )
    }
}

/// Reads trade files (any layout tradestat reads) into records; with `involving`, only
/// the rows that involve every one of those economies (the others are skipped unread).
#[pyfunction]
#[pyo3(signature = (paths, *, strict=false, involving=Vec::new()))]
fn read(paths: Vec<PathBuf>, strict: bool, involving: Vec<String>) -> PyResult<Records> {
    let dataset = Dataset::read(&paths, &options(strict, involving)).map_err(to_py)?;
    let frame = tradestat::frame::columnar::canonical_frame(&dataset.records).map_err(to_py)?;
    Ok(Records {
        frame,
        rejected: dataset.rejected.len(),
    })
}

/// The summary of one pair (exports, imports, turnover, balance, growth, shares) as the
/// JSON contract of `tradestat summary --format json`.
#[pyfunction]
#[pyo3(signature = (paths, *, reporter=None, partner=None, strict=false))]
fn summary_json(
    paths: Vec<PathBuf>,
    reporter: Option<String>,
    partner: Option<String>,
    strict: bool,
) -> PyResult<String> {
    use tradestat::render::Format;
    use tradestat::render::summary::{Context, display_unit, render};
    let asked = tradestat::frame::Selection {
        reporter,
        partner,
        periods: Vec::new(),
    };
    let dataset = Dataset::read(&paths, &options(strict, asked.economies())).map_err(to_py)?;
    let frame = TradeFrame::from_dataset(&dataset).map_err(to_py)?;
    let flows =
        tradestat::flows::pair_flows(&dataset, &frame, &asked, None, None).map_err(to_py)?;
    let summary = tradestat::metrics::summary::PairSummary::from_flows(&flows);
    let unit = display_unit(&summary).for_output(Format::Json, None);
    let context = Context {
        sources: dataset.sources(Some(&flows.reporter), Some(&flows.partner)),
        rejected_rows: dataset.rejected.len(),
    };
    Ok(render(&summary, Format::Json, &unit, &context))
}

/// A metric's name as the command line spells it.
fn metric(name: &str) -> PyResult<tradestat::metrics::request::Metric> {
    use tradestat::metrics::request::Metric as M;
    Ok(match name.trim().to_ascii_lowercase().as_str() {
        "flows" => M::Flows,
        "growth" => M::Growth,
        "yoy" => M::Yoy,
        "pop" => M::Pop,
        "multiple" => M::Multiple,
        "cagr" => M::Cagr,
        "index" => M::Index,
        "shares" => M::Shares,
        "partners" => M::Partners,
        "hhi" => M::Hhi,
        "rca" => M::Rca,
        "intensity" => M::Intensity,
        "gl" => M::Gl,
        other => {
            return Err(TradestatError::new_err(format!(
                "metric `{other}`: expected flows, growth, yoy, pop, multiple, cagr, index, shares, partners, hhi, rca, intensity or gl"
            )));
        }
    })
}

/// Trade indicators, as `tradestat metrics --format json`.
#[pyfunction]
#[pyo3(signature = (paths, metrics, *, reporter=None, partner=None, flow="exports".to_string(), top=None, level=None, strict=false))]
#[allow(clippy::too_many_arguments)]
fn metrics_json(
    paths: Vec<PathBuf>,
    metrics: Vec<String>,
    reporter: Option<String>,
    partner: Option<String>,
    flow: String,
    top: Option<usize>,
    level: Option<usize>,
    strict: bool,
) -> PyResult<String> {
    use tradestat::metrics::request::{FlowChoice, Over, Request, compute};
    use tradestat::render::Format;
    use tradestat::render::metrics::{display_unit, render};
    let flow = match flow.to_ascii_lowercase().as_str() {
        "exports" => FlowChoice::Exports,
        "imports" => FlowChoice::Imports,
        "turnover" => FlowChoice::Turnover,
        other => {
            return Err(TradestatError::new_err(format!(
                "flow `{other}`: expected exports, imports or turnover"
            )));
        }
    };
    let request = Request {
        metrics: metrics.iter().map(|m| metric(m)).collect::<PyResult<_>>()?,
        by: None,
        allow_partial: false,
        flow,
        top,
        over: Over::Partners,
        base: None,
        include_aggregates: false,
        level,
    };
    let dataset = Dataset::read(&paths, &options(strict, Vec::new())).map_err(to_py)?;
    let frame = TradeFrame::from_dataset(&dataset).map_err(to_py)?;
    let selection = tradestat::frame::Selection {
        reporter,
        partner,
        periods: Vec::new(),
    };
    let mut report = compute(&frame, &selection, &request).map_err(to_py)?;
    report.rejected_rows = dataset.rejected.len();
    let unit = display_unit(&report).for_output(Format::Json, None);
    Ok(render(&report, Format::Json, &unit))
}

/// Checks an article's text, as `tradestat check --format json`.
#[pyfunction]
#[pyo3(signature = (text, *, data=Vec::new(), reporter=None, partner=None))]
fn check_json(
    text: String,
    data: Vec<PathBuf>,
    reporter: Option<String>,
    partner: Option<String>,
) -> PyResult<String> {
    use tradestat::verify::article::{self, Options};
    use tradestat::verify::lexicon::Lexicon;
    use tradestat::verify::phrase::Rounding;
    let lexicon = Lexicon::built_in();
    let options = Options {
        reporter,
        partner,
        bind: !data.is_empty(),
    };
    let read = article::read(&text, lexicon, &options).map_err(|message| {
        to_py(tradestat::Error::Article {
            path: PathBuf::from("<text>"),
            message,
        })
    })?;
    let model = article::to_claims(
        &read,
        lexicon,
        Rounding::HalfUnit,
        std::path::Path::new("<text>"),
    );
    let frame = if data.is_empty() {
        None
    } else {
        let dataset = Dataset::read(&data, &ReadOptions::default()).map_err(to_py)?;
        Some(TradeFrame::from_dataset(&dataset).map_err(to_py)?)
    };
    let verification = tradestat::verify::check::verify(
        &model.claims,
        frame.as_ref(),
        Rounding::HalfUnit,
        &lexicon.version,
    );
    Ok(tradestat::render::verify::article::json(
        &read,
        &model,
        &verification,
    ))
}

/// Verifies a claims file, as `tradestat verify --format json`.
#[pyfunction]
#[pyo3(signature = (claims, *, data=Vec::new()))]
fn verify_json(claims: PathBuf, data: Vec<PathBuf>) -> PyResult<String> {
    use tradestat::verify::claims::ClaimsFile;
    use tradestat::verify::lexicon::Lexicon;
    use tradestat::verify::phrase::Rounding;
    let lexicon = Lexicon::built_in();
    let file = ClaimsFile::load(&claims, lexicon, Rounding::HalfUnit).map_err(to_py)?;
    let mut files = file.source.data.clone();
    files.extend(data);
    let frame = if files.is_empty() {
        None
    } else {
        let dataset = Dataset::read(&files, &ReadOptions::default()).map_err(to_py)?;
        Some(TradeFrame::from_dataset(&dataset).map_err(to_py)?)
    };
    let verification = tradestat::verify::check::verify(
        &file,
        frame.as_ref(),
        Rounding::HalfUnit,
        &lexicon.version,
    );
    Ok(tradestat::render::verify::json(&verification))
}

#[pymodule]
fn _tradestat(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("TradestatError", m.py().get_type::<TradestatError>())?;
    m.add_class::<Records>()?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(summary_json, m)?)?;
    m.add_function(wrap_pyfunction!(metrics_json, m)?)?;
    m.add_function(wrap_pyfunction!(check_json, m)?)?;
    m.add_function(wrap_pyfunction!(verify_json, m)?)?;
    Ok(())
}
