//! What `inspect` reports of the records kept, summed as they are read (`stream::scan`):
//! records per file, and exact totals per file, flow and currency in base units of the
//! currency (a value in USD thousand counts a thousand times).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use super::Record;
use crate::error::{Error, Result};
use crate::model::{Flow, Unit};
use crate::number::Exact;

/// Exact totals keyed by (file index, flow, currency).
pub type FileTotals = BTreeMap<(u32, String, String), Exact>;

pub struct Tally {
    paths: Vec<PathBuf>,
    records: Vec<u64>,
    /// Per file, flow and unit as written: a few keys, each summed in place.
    sums: HashMap<(u32, Flow, Unit), Exact>,
}

impl Tally {
    pub fn new(paths: &[PathBuf]) -> Tally {
        Tally {
            paths: paths.to_vec(),
            records: vec![0; paths.len()],
            sums: HashMap::new(),
        }
    }

    pub fn add(&mut self, record: &Record) -> Result<()> {
        let file = record.origin.file;
        if let Some(count) = self.records.get_mut(file as usize) {
            *count += 1;
        }
        let value = record.value.shift(record.unit.scale);
        let sum = self
            .sums
            .entry((file, record.flow, record.unit.clone()))
            .or_insert(Exact {
                mantissa: 0,
                scale: 0,
            });
        *sum = value.and_then(|v| sum.checked_add(v)).ok_or_else(|| {
            let path = self.paths.get(file as usize).cloned().unwrap_or_default();
            Error::Overflow(format!(
                "{}:{}: the sum of {} values in {} is too large to keep exactly",
                path.display(),
                record.origin.line,
                record.flow,
                record.unit
            ))
        })?;
        Ok(())
    }

    /// Records kept per file (in input order) and the totals.
    pub fn finish(self) -> Result<(Vec<u64>, FileTotals)> {
        let mut totals = FileTotals::new();
        for ((file, flow, unit), sum) in self.sums {
            let key = (file, flow.as_str().to_string(), unit.currency);
            let total = totals.entry(key).or_insert(Exact {
                mantissa: 0,
                scale: 0,
            });
            *total = total.checked_add(sum).ok_or_else(|| {
                Error::Overflow("a total per file is too large to keep exactly".to_string())
            })?;
        }
        let totals = totals
            .into_iter()
            .map(|(key, total)| (key, total.normalize()))
            .collect();
        Ok((self.records, totals))
    }
}
