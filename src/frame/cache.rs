//! The repeat-query cache: a columnar (Arrow IPC) copy of a large CSV, so the next profile
//! of another pair in the same file does not parse the CSV again.
//!
//! The key is the file's canonical path, size and modification time (to the nanosecond):
//! a changed file gets a new key, so the cache never returns stale data. The folder is
//! `$TRADESTAT_CACHE_DIR`, else `$XDG_CACHE_HOME/tradestat`, else `~/.cache/tradestat`.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::error::{Error, Result};

pub fn folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TRADESTAT_CACHE_DIR") {
        return Some(PathBuf::from(dir));
    }
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME") {
        return Some(PathBuf::from(dir).join("tradestat"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("tradestat"))
}

/// Where the columnar copy of `source` lives; `None` when there is no cache folder or the
/// file cannot be examined.
pub fn path_for(source: &Path) -> Option<PathBuf> {
    let meta = std::fs::metadata(source).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let canonical = source.canonicalize().ok()?;
    // A stable hash (FNV-1a): the same key across runs and builds.
    let mut h = Fnv(0xcbf29ce484222325);
    canonical.hash(&mut h);
    meta.len().hash(&mut h);
    modified.as_nanos().hash(&mut h);
    // The layout of the cached columns is part of the key too.
    crate::ingest::baci_scan::SCALE.hash(&mut h);
    let name = canonical.file_name()?.to_string_lossy().into_owned();
    Some(folder()?.join(format!("{name}.{:016x}.arrow", h.0)))
}

struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
    }
}

/// Streams `lazy` into `target` through a temporary file and a rename, so a half-written
/// copy is never read.
pub fn fill(target: &Path, lazy: impl FnOnce() -> Result<LazyFrame>) -> Result<()> {
    let fail = |source: std::io::Error| Error::Write {
        path: target.to_path_buf(),
        source,
    };
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    crate::atomic::replace_file(target, |temp| {
        lazy()?
            .sink(
                SinkDestination::File {
                    target: SinkTarget::Path(PlRefPath::new(temp.to_string_lossy().as_ref())),
                },
                FileWriteFormat::Ipc(IpcWriterOptions::default()),
                UnifiedSinkArgs::default(),
            )
            .and_then(|l| l.collect_with_engine(Engine::Streaming))?;
        Ok(())
    })
}
