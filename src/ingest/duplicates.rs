//! A figure appears once: a later row with the same reporter, partner, period, flow and
//! commodity (in any input file) is not kept. With the same value it repeats the first
//! (real downloads do) and is counted once; with another value it conflicts and is
//! refused, naming both lines.
//!
//! Rows are found by a 64-bit digest of their identity (economies by their country-table
//! key, so `RUS` and `Russian Federation` are one): the digests of every row, sorted, show
//! which digests more than one row has — usually none or a few. Only rows with such a
//! digest are compared in full, in reading order, against the first row of each identity.
//! The same resolver serves rows held in memory (`Dataset::read`) and rows read again in a
//! second pass (`ingest::stream`), so both refuse exactly the same rows.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::{Dataset, Origin, Record, Records};
use crate::codes::economy_key;
use crate::diag::{Problem, Rejection};
use crate::model::{Commodity, Flow, Period};
use crate::number::Exact;

/// The digest of an economy as written: of its country-table key.
pub(crate) fn economy_digest(spelling: &str) -> u64 {
    text_digest(&economy_key(spelling))
}

pub(crate) fn commodity_digest(commodity: &Commodity) -> u64 {
    let mut h = DefaultHasher::new();
    commodity.hash(&mut h);
    h.finish()
}

fn text_digest(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// A row's identity digest, from the digests of its economies and commodity.
pub(crate) fn row_digest(
    reporter: u64,
    partner: u64,
    period: Period,
    flow: Flow,
    commodity: u64,
) -> u64 {
    let when = u64::from(period.year as u32) << 32
        | u64::from(period.first_month) << 24
        | u64::from(period.last_month) << 16
        | u64::from(flow as u8) << 8;
    mix(mix(reporter) ^ mix(partner ^ mix(when ^ mix(commodity))))
}

/// Digests of records read one at a time: each spelling and commodity is digested once.
#[derive(Default)]
pub(crate) struct Digests {
    economies: HashMap<String, u64, rustc_hash::FxBuildHasher>,
    commodities: HashMap<Commodity, u64, rustc_hash::FxBuildHasher>,
}

impl Digests {
    pub fn of(&mut self, record: &Record) -> u64 {
        let mut economy = |spelling: &str| match self.economies.get(spelling) {
            Some(&d) => d,
            None => {
                let d = economy_digest(spelling);
                self.economies.insert(spelling.to_string(), d);
                d
            }
        };
        let (reporter, partner) = (economy(&record.reporter), economy(&record.partner));
        let commodity = match self.commodities.get(&record.commodity) {
            Some(&d) => d,
            None => {
                let d = commodity_digest(&record.commodity);
                self.commodities.insert(record.commodity.clone(), d);
                d
            }
        };
        row_digest(reporter, partner, record.period, record.flow, commodity)
    }
}

/// A row as the resolver compares it.
pub(crate) struct Row<'a> {
    pub reporter: &'a str,
    pub partner: &'a str,
    pub period: Period,
    pub flow: Flow,
    pub commodity: &'a Commodity,
    pub value: Exact,
    pub origin: Origin,
}

impl<'a> Row<'a> {
    pub fn of(record: &'a Record) -> Row<'a> {
        Row {
            reporter: &record.reporter,
            partner: &record.partner,
            period: record.period,
            flow: record.flow,
            commodity: &record.commodity,
            value: record.value,
            origin: record.origin,
        }
    }
}

/// The first row of an identity, as far as a later row needs it.
#[derive(Clone)]
struct First {
    identity: (String, String, Period, Flow, Commodity),
    value: Exact,
    origin: Origin,
}

/// What a row is, against the rows before it.
pub(crate) enum Seen {
    /// The first row of its identity: keep it.
    First,
    /// The same identity as an earlier row: its value and line.
    Again { value: Exact, origin: Origin },
}

/// Finds the later rows of an identity, given every row's digest first.
#[derive(Clone)]
pub(crate) struct Duplicates {
    /// Digests more than one row has, sorted.
    shared: Vec<u64>,
    firsts: HashMap<u64, Vec<First>>,
}

impl Duplicates {
    /// From the digest of every row (in any order).
    pub fn new(mut digests: Vec<u64>) -> Duplicates {
        digests.sort_unstable();
        let mut shared: Vec<u64> = digests
            .chunk_by(|a, b| a == b)
            .filter(|run| run.len() > 1)
            .map(|run| run[0])
            .collect();
        shared.shrink_to_fit();
        Duplicates {
            shared,
            firsts: HashMap::new(),
        }
    }

    /// No two rows share a digest: every row is a first.
    pub fn is_empty(&self) -> bool {
        self.shared.is_empty()
    }

    /// Whether a row with `digest` may repeat another (rows must come in reading order).
    pub fn may_repeat(&self, digest: u64) -> bool {
        self.shared.binary_search(&digest).is_ok()
    }

    /// `row` (whose digest is `digest` and `may_repeat`) against the rows before it.
    pub fn check(&mut self, digest: u64, row: &Row<'_>) -> Seen {
        let identity = (
            economy_key(row.reporter),
            economy_key(row.partner),
            row.period,
            row.flow,
            row.commodity.clone(),
        );
        let firsts = self.firsts.entry(digest).or_default();
        match firsts.iter().find(|f| f.identity == identity) {
            Some(first) => Seen::Again {
                value: first.value,
                origin: first.origin,
            },
            None => {
                firsts.push(First {
                    identity,
                    value: row.value,
                    origin: row.origin,
                });
                Seen::First
            }
        }
    }
}

impl Dataset {
    /// Counts `row`, a later row of the identity whose first row has `first_value` at
    /// `first_origin`: a repeat (same value) or a conflict (another), in its file's counts
    /// and in `repeated` or `rejected`.
    pub(crate) fn note_duplicate(
        &mut self,
        row: &Row<'_>,
        first_value: Exact,
        first_origin: Origin,
    ) {
        let first_at = self.origin_text(first_origin);
        let repeats = first_value.normalize() == row.value.normalize();
        let (kind, how) = if repeats {
            (Problem::Repeat, "repeats".to_string())
        } else {
            let how = format!(
                "conflicts with (value {} here, {first_value} there)",
                row.value
            );
            (Problem::Conflict, how)
        };
        let file = self.files.get_mut(row.origin.file as usize);
        let path = file.as_ref().map(|f| f.path.clone()).unwrap_or_default();
        if let Some(file) = file {
            match kind {
                Problem::Repeat => file.rows_repeated += 1,
                _ => file.rows_rejected += 1,
            }
        }
        let rejection = Rejection {
            path,
            line: row.origin.line,
            column: None,
            kind,
            reason: format!(
                "duplicate record: {} {} {} {} {} {how} {first_at} (the same reporter, partner, period, flow and commodity)",
                row.reporter, row.partner, row.period, row.flow, row.commodity
            ),
        };
        match kind {
            Problem::Repeat => self.repeated.push(rejection),
            _ => self.rejected.push(rejection),
        }
    }

    /// Removes the later rows of an identity from the records held (see the module).
    pub(crate) fn reject_duplicates(&mut self) {
        let records = &self.records;
        let economies: Vec<u64> = records
            .economies
            .values()
            .iter()
            .map(|e| economy_digest(e))
            .collect();
        let commodities: Vec<u64> = records
            .commodities
            .values()
            .iter()
            .map(commodity_digest)
            .collect();
        let digest = |i: usize| {
            row_digest(
                economies[records.reporter[i] as usize],
                economies[records.partner[i] as usize],
                records.period[i],
                records.flow[i],
                commodities[records.commodity[i] as usize],
            )
        };
        let mut duplicates = Duplicates::new((0..records.len()).map(digest).collect());
        if duplicates.is_empty() {
            return;
        }
        let mut later: Vec<(usize, Exact, Origin)> = Vec::new();
        for i in 0..records.len() {
            let d = digest(i);
            if duplicates.may_repeat(d)
                && let Seen::Again { value, origin } = duplicates.check(d, &row_at(records, i))
            {
                later.push((i, value, origin));
            }
        }
        let mut keep = vec![true; records.len()];
        // `note_duplicate` changes the dataset's counts, not its records: lend them out.
        let records = std::mem::take(&mut self.records);
        for (i, first_value, first_origin) in later {
            keep[i] = false;
            self.note_duplicate(&row_at(&records, i), first_value, first_origin);
        }
        self.records = records;
        self.records.retain(&keep);
    }
}

/// Row `i` of records held in memory.
fn row_at(records: &Records, i: usize) -> Row<'_> {
    Row {
        reporter: records.reporter(i),
        partner: records.partner(i),
        period: records.period[i],
        flow: records.flow[i],
        commodity: records.commodity(i),
        value: records.value(i),
        origin: records.origin(i),
    }
}

/// A 64-bit mixer (splitmix64's finaliser): spreads an identity's bits.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}
