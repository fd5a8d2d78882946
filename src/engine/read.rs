//! The reads `summary`, `metrics`, `mirror` and `chart` make, on the engine chosen: the
//! rows that involve the economies asked (`involving`) and the world's exports with a
//! reporter's rows (`world`). Locally they are `Dataset::read` and `baci_world::read`; on a
//! Ballista cluster the group-bys run there (`engine::tables`) and this process makes the
//! same dataset of what comes back, so every output after it is the same code.

use std::path::PathBuf;

use super::EngineChoice;
use crate::error::Result;
use crate::ingest::baci_world::{self, Keep, NotPlain, WorldRead};
use crate::ingest::{Dataset, ReadOptions};

/// The rows of `paths` that involve every economy of `options.involving`.
pub fn involving(
    engine: &EngineChoice,
    paths: &[PathBuf],
    options: &ReadOptions,
) -> Result<Dataset> {
    match engine {
        EngineChoice::Local => Dataset::read(paths, options),
        #[cfg(feature = "distributed")]
        EngineChoice::Ballista { host, port } => {
            cluster::involving(&super::ballista::Ballista::new(host, *port), paths, options)
        }
        #[cfg(not(feature = "distributed"))]
        EngineChoice::Ballista { .. } => Err(super::not_built()),
    }
}

/// The world's exports at `level` and `reporter`'s rows as `keep` says (see
/// `baci_world::read`); `Err(NotPlain)` inside `Ok` when the local engine must read the
/// files in general (a cluster answers or fails: it never falls back).
pub fn world(
    engine: &EngineChoice,
    paths: &[PathBuf],
    options: &ReadOptions,
    reporter: &str,
    level: Option<usize>,
    keep: Keep,
) -> Result<std::result::Result<WorldRead, NotPlain>> {
    match engine {
        EngineChoice::Local => baci_world::read(paths, options, Some(reporter), level, keep),
        #[cfg(feature = "distributed")]
        EngineChoice::Ballista { host, port } => cluster::world(
            &super::ballista::Ballista::new(host, *port),
            paths,
            options,
            reporter,
            level,
            keep,
        )
        .map(Ok),
        #[cfg(not(feature = "distributed"))]
        EngineChoice::Ballista { .. } => Err(super::not_built()),
    }
}

#[cfg(feature = "distributed")]
mod cluster {
    use std::path::PathBuf;

    use crate::codes::{economy_key, is_aggregate, is_world};
    use crate::engine::ballista::Ballista;
    use crate::engine::{Aggregator, BaciFile};
    use crate::error::{Error, Result};
    use crate::ingest::baci_world::{self, ExporterSum, Keep, RowFields, Total, WorldRead};
    use crate::ingest::table::open_header;
    use crate::ingest::{Dataset, Layout, ReadOptions, detect};
    use crate::model::{Flow, Period};
    use crate::number::Exact;

    /// Economy codes are looked for below this (BACI's are ISO 3166 numeric, 3 digits).
    const CODES: i32 = 1000;

    /// The files as the cluster reads them: BACI, with no reading option changed.
    fn baci_files(
        engine: &Ballista,
        paths: &[PathBuf],
        options: &ReadOptions,
    ) -> Result<Vec<BaciFile>> {
        let defaults = matches!(options.layout, None | Some(Layout::Baci))
            && matches!(options.delimiter, None | Some(b','))
            && !options.decimal_comma
            && !options.mapping.is_given()
            && options.rates.is_empty();
        if !defaults {
            return Err(Error::Options(format!(
                "--engine {}: the cluster reads BACI files as CEPII ships them; reading \
                 options (--map, --rate, --delimiter, ...) need the local engine",
                engine.name()
            )));
        }
        let mut files = Vec::new();
        for path in paths {
            let header = open_header(path)?;
            if detect(&header) != Some(Layout::Baci) {
                return Err(Error::Options(format!(
                    "{}: --engine {} works on BACI files (t,i,j,k,v,q); this file is \
                     another layout: use the local engine",
                    path.display(),
                    engine.name()
                )));
            }
            files.push(BaciFile::new(path, header)?);
        }
        Ok(files)
    }

    /// The codes that stand for `economy` (as the country table resolves a code).
    fn codes_of(economy: &str) -> Vec<i32> {
        let key = economy_key(economy);
        let mut codes: Vec<i32> = (0..CODES)
            .filter(|c| economy_key(&c.to_string()) == key)
            .collect();
        if let Ok(code) = economy.trim().parse::<i32>()
            && !codes.contains(&code)
        {
            codes.push(code);
        }
        codes
    }

    pub fn involving(
        engine: &Ballista,
        paths: &[PathBuf],
        options: &ReadOptions,
    ) -> Result<Dataset> {
        let files = baci_files(engine, paths, options)?;
        if options.involving.is_empty() {
            return Err(Error::Options(format!(
                "--engine {}: the cluster sends back the rows of the economies asked; \
                 name them with --reporter (and --partner)",
                engine.name()
            )));
        }
        let economies: Vec<Vec<i32>> = options.involving.iter().map(|e| codes_of(e)).collect();
        let rows = engine.rows_involving(&files, &economies)?;
        let fields = rows.iter().map(|r| RowFields {
            file: r.file,
            fields: [0, 1, 2, 3, 4].map(|n| r.fields[n].as_str()),
        });
        match baci_world::dataset_from_rows(paths, fields)? {
            Some(mut dataset) => {
                dataset.warnings.push(format!(
                    "{} row(s) that involve {} read on {} (the others were not sent back)",
                    rows.len(),
                    options.involving.join(" and "),
                    engine.name()
                ));
                Ok(dataset)
            }
            // A row refused or repeated: read here, where each is named by its line.
            None => {
                let mut dataset = Dataset::read(paths, options)?;
                dataset.warnings.push(format!(
                    "the rows {} sent back hold rows that are refused or repeat others; \
                     the files were read again here to name their lines",
                    engine.name()
                ));
                Ok(dataset)
            }
        }
    }

    pub fn world(
        engine: &Ballista,
        paths: &[PathBuf],
        options: &ReadOptions,
        reporter: &str,
        level: Option<usize>,
        keep: Keep,
    ) -> Result<WorldRead> {
        let level = level.unwrap_or(6);
        if ![2, 4, 6].contains(&level) {
            return Err(Error::Options(format!(
                "--engine {}: world shares on the cluster are at HS level 2, 4 or 6",
                engine.name()
            )));
        }
        let files = baci_files(engine, paths, options)?;
        let aggregates: Vec<i32> = (0..CODES)
            .filter(|c| is_aggregate(&c.to_string()))
            .collect();
        let sums = engine.world_sums(&files, level, &aggregates)?;
        if let Some(code) = sums.economies.iter().find(|c| **c < 0 || **c >= CODES) {
            return Err(Error::Options(format!(
                "--engine {}: economy code {code} is not a 3-digit BACI code; use the local engine",
                engine.name()
            )));
        }
        if let Some(code) = sums.economies.iter().find(|c| is_world(&c.to_string())) {
            return Err(Error::Options(format!(
                "--engine {}: the files hold the World code {code}; BACI has none (its \
                 world is the sum of its countries): use the local engine",
                engine.name()
            )));
        }
        let codes = codes_of(reporter);
        let dataset = match keep {
            Keep::Totals => {
                // The reporter's totals per partner, from the same scan as the world's.
                let totals = sums
                    .pairs
                    .iter()
                    .filter(|t| codes.contains(&t.i) || codes.contains(&t.j));
                let mut records = Vec::new();
                for t in totals {
                    for (reporter, partner, flow) in
                        [(t.i, t.j, Flow::Export), (t.j, t.i, Flow::Import)]
                    {
                        if codes.contains(&reporter) {
                            records.push(Total {
                                year: t.t,
                                reporter,
                                partner,
                                flow,
                                value: t.v,
                                file: t.file,
                            });
                        }
                    }
                }
                baci_world::dataset_from_totals(paths, records.into_iter())?
            }
            Keep::Rows => {
                let mut asked = options.clone();
                asked.involving = vec![reporter.to_string()];
                Some(involving(engine, paths, &asked)?)
            }
        };
        let Some(mut dataset) = dataset else {
            return Err(Error::Options(format!(
                "--engine {}: a year of the files is outside the years tradestat reads",
                engine.name()
            )));
        };
        let economies: Vec<String> = sums.economies.iter().map(i32::to_string).collect();
        dataset.warnings.extend(crate::ingest::unknown_economies(
            economies.iter().map(String::as_str),
        ));
        dataset.warnings.push(format!(
            "the world's exports summed on {} ({} files)",
            engine.name(),
            paths.len()
        ));
        Ok(WorldRead {
            dataset,
            exports: exporter_sums(sums.exports)?,
            level,
            economies,
            // Neither is asked of a cluster (`inspect` and `convert` read locally): the
            // empty list, and the most decimals a checked value may have.
            file_totals: Vec::new(),
            value_decimals: crate::ingest::baci_scan::SCALE,
        })
    }

    /// The cluster's sums as `baci_world` gives them: one per year and exporter, its
    /// products in order, in dollars (BACI writes thousands).
    fn exporter_sums(sums: Vec<crate::engine::tables::ExportSum>) -> Result<Vec<ExporterSum>> {
        let mut out: Vec<ExporterSum> = Vec::new();
        let mut last = None;
        for s in sums {
            let period = Period::year(s.t).map_err(Error::Options)?;
            if last != Some((s.t, s.i)) {
                out.push(ExporterSum {
                    period,
                    exporter: s.i.to_string(),
                    products: Vec::new(),
                });
                last = Some((s.t, s.i));
            }
            let value = Exact {
                mantissa: s.v,
                scale: crate::ingest::baci_scan::SCALE - 3,
            }
            .normalize();
            if let Some(group) = out.last_mut() {
                group.products.push((s.product, value));
            }
        }
        Ok(out)
    }
}
