//! Where the heavy step runs: the group-by sums over the raw records of a large file.
//!
//! One interface, [`Aggregator`], with two implementations: [`LocalPolars`] (the default,
//! in this process) and, in a build with the cargo feature `distributed`, `Ballista` (a
//! cluster reached at `ballista://HOST:PORT`). Only additive aggregates go to an engine
//! (sums and row counts, which can be summed again exactly); both return the same
//! [`InvolvingSums`] frame, and everything after it — metrics in `rust_decimal`, tables,
//! files — is the same code whichever engine ran. No engine ever sees a float.

#[cfg(feature = "distributed")]
pub mod ballista;
#[cfg(feature = "distributed")]
pub mod cluster;
pub mod read;
#[cfg(feature = "distributed")]
pub mod tables;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::frame::InvolvingSums;

/// A BACI file (t,i,j,k,v,q) whose header has been read and checked.
#[derive(Clone, Debug)]
pub struct BaciFile {
    pub path: PathBuf,
    pub header: crate::ingest::table::Header,
    /// Where t, i, j, k and v are, by header name.
    pub columns: crate::ingest::baci::Columns,
}

impl BaciFile {
    /// Checks that the header (read from `path`) is the BACI layout.
    pub fn new(path: &Path, header: crate::ingest::table::Header) -> Result<BaciFile> {
        let columns = crate::ingest::baci::Columns::find(path, &header)?;
        Ok(BaciFile {
            path: path.to_path_buf(),
            header,
            columns,
        })
    }
}

/// Computes the additive aggregates of the rows of a BACI file that involve economy `a`.
pub trait Aggregator {
    /// How the engine is named in messages: `local` or `ballista://127.0.0.1:50050`.
    fn name(&self) -> String;

    /// Exact partial sums and row counts, keyed by year, exporter, importer and HS2
    /// chapter, of the rows where `a` is exporter or importer.
    fn involving_sums(&self, file: &BaciFile, a: i32) -> Result<InvolvingSums>;
}

/// Polars in this process: streaming, exact, optionally through the columnar cache.
#[derive(Clone, Default)]
pub struct LocalPolars {
    pub cache: bool,
    /// Told how far a long scan has come.
    pub progress: crate::diag::ProgressSink,
}

impl Aggregator for LocalPolars {
    fn name(&self) -> String {
        "local".to_string()
    }

    fn involving_sums(&self, file: &BaciFile, a: i32) -> Result<InvolvingSums> {
        crate::frame::involving_sums_local(
            &file.path,
            &file.header,
            a,
            self.cache,
            self.progress.as_deref(),
        )
    }
}

/// What `--engine` names: `local`, or a Ballista scheduler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EngineChoice {
    Local,
    /// A Ballista scheduler's host and port.
    Ballista {
        host: String,
        port: u16,
    },
}

impl EngineChoice {
    /// Parses `local` or `ballista://HOST[:PORT]` (port 50050 when not given, as Ballista).
    pub fn parse(text: &str) -> Result<EngineChoice> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("local") {
            return Ok(EngineChoice::Local);
        }
        let Some(rest) = text.strip_prefix("ballista://") else {
            return Err(Error::Options(format!(
                "--engine `{text}`: expected `local` or `ballista://HOST:PORT`"
            )));
        };
        let rest = rest.trim_end_matches('/');
        let (host, port) = match rest.rsplit_once(':') {
            Some((host, port)) => {
                let port = port.parse::<u16>().ok().filter(|p| *p > 0).ok_or_else(|| {
                    Error::Options(format!(
                        "--engine `{text}`: `{port}` is not a port number (1–65535)"
                    ))
                })?;
                (host, port)
            }
            None => (rest, 50050),
        };
        if host.is_empty() || host.contains('/') {
            return Err(Error::Options(format!(
                "--engine `{text}`: expected `ballista://HOST:PORT`, e.g. ballista://127.0.0.1:50050"
            )));
        }
        Ok(EngineChoice::Ballista {
            host: host.to_string(),
            port,
        })
    }

    /// The engine itself. A Ballista choice needs a build with the `distributed` feature.
    pub fn aggregator(&self, local: LocalPolars) -> Result<Box<dyn Aggregator>> {
        match self {
            EngineChoice::Local => Ok(Box::new(local)),
            #[cfg(feature = "distributed")]
            EngineChoice::Ballista { host, port } => {
                Ok(Box::new(ballista::Ballista::new(host, *port)))
            }
            #[cfg(not(feature = "distributed"))]
            EngineChoice::Ballista { .. } => Err(not_built()),
        }
    }
}

/// Why a Ballista engine cannot be used in this build.
#[cfg(not(feature = "distributed"))]
fn not_built() -> Error {
    Error::Options(
        "this tradestat was built without the `distributed` feature, so it cannot use a \
         Ballista cluster; build it with `cargo build --release --features distributed` \
         (see docs/distributed.md)"
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_flags() {
        assert_eq!(EngineChoice::parse("local").unwrap(), EngineChoice::Local);
        assert_eq!(
            EngineChoice::parse("ballista://127.0.0.1:50123").unwrap(),
            EngineChoice::Ballista {
                host: "127.0.0.1".into(),
                port: 50123
            }
        );
        assert_eq!(
            EngineChoice::parse("ballista://cluster.example/").unwrap(),
            EngineChoice::Ballista {
                host: "cluster.example".into(),
                port: 50050
            }
        );
        for bad in [
            "polars",
            "df://127.0.0.1:50050",
            "ballista://",
            "ballista://h:0",
            "ballista://h:99999",
            "ballista://h:port",
        ] {
            let e = EngineChoice::parse(bad).unwrap_err().to_string();
            assert!(e.contains("--engine"), "{bad}: {e}");
        }
    }
}
