//! Reading without holding the records: `scan` hands each kept record to the caller as it
//! is read, so memory follows what the caller keeps (a few totals for `inspect`, a batch
//! for `convert`), not the file.
//!
//! The records are the ones `Dataset::read` keeps, refused for the same reasons. Which
//! rows repeat an earlier one is known only at the end of the read, so the files are read
//! twice: the first pass keeps the rows' refusals and 8 bytes a row (the digest of each
//! row's identity, `duplicates`); the second hands over each row that is the first of its
//! identity. The files must not change between the passes (checked by their counts). A
//! consumer that can start over (`scan_restartable`: sums, counts) takes the records
//! during the first pass, and the files are read again only when some rows may repeat.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc;

use super::duplicates::{Digests, Duplicates, Row, Seen};
use super::{Dataset, ReadOptions, Record, Share, convert, read_file, unknown_economies};
use crate::error::{Error, Result};

/// What the first pass found beside the refusals.
pub struct Scanned {
    /// Files, refusals (repeats and conflicts included) and warnings, as `Dataset::read`
    /// gives them; no records.
    pub dataset: Dataset,
    /// The most decimals of a value read (after `--rate`), a later repeat's included: a
    /// decimal column this wide holds every record handed over.
    pub value_decimals: u32,
}

/// Reads `paths` as `Dataset::read` does — the same refusals, repeats counted once,
/// conflicts refused, `--strict`, `--rate` — and hands each kept record to `each`, in
/// reading order. `each` is called only once the whole input is known to be acceptable
/// under `--strict`, and never with a row it would refuse.
pub fn scan(
    paths: &[PathBuf],
    options: &ReadOptions,
    each: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<Scanned> {
    scan_with(paths, options, &mut |_| {}, each, None)
}

/// `scan` for a consumer that can start over (sums, counts): the records are handed over
/// during the first pass already, and only when rows may repeat one another is `restart`
/// called and every kept record handed over again in a second pass. Files without repeated
/// rows are read once. On an error the consumer's state means nothing.
pub fn scan_restartable(
    paths: &[PathBuf],
    options: &ReadOptions,
    each: &mut dyn FnMut(Record) -> Result<()>,
    restart: &mut dyn FnMut(),
) -> Result<Scanned> {
    scan_with(paths, options, &mut |_| {}, each, Some(restart))
}

/// `scan`, telling `ready` the most decimals of a value once the records are known
/// acceptable, before the first is handed over (after the first pass); with `restart`,
/// as `scan_restartable`.
fn scan_with(
    paths: &[PathBuf],
    options: &ReadOptions,
    ready: &mut dyn FnMut(u32),
    each: &mut dyn FnMut(Record) -> Result<()>,
    restart: Option<&mut dyn FnMut()>,
) -> Result<Scanned> {
    let early = restart.is_some();
    let mut seen: HashSet<String> = HashSet::new();
    let mut first_seen: Vec<String> = Vec::new();
    let passes = if options.strict { 3 } else { 2 };
    let share = |pass: usize, file: usize| Share {
        done: (pass as f64 + file as f64 / paths.len() as f64) / passes as f64,
        of: 1.0 / (passes * paths.len()) as f64,
    };
    let mut dataset = Dataset::default();
    let mut digests = Digests::default();
    let mut all: Vec<u64> = Vec::new();
    let mut value_decimals = 0;
    for (i, path) in paths.iter().enumerate() {
        read_file(
            path,
            options,
            share(0, i),
            &mut dataset,
            &mut |mut record| {
                all.push(digests.of(&record));
                convert(&mut record, &options.rates)?;
                value_decimals = value_decimals.max(record.value.scale);
                if early {
                    note_economies(&record, &mut seen, &mut first_seen);
                    each(record)?;
                }
                Ok(())
            },
        )?;
    }
    let duplicates = Duplicates::new(all);
    let mut pass = 1;
    if options.strict {
        // Every refusal is listed, repeats too, before any record is handed over.
        let mut found = dataset.clone();
        if !duplicates.is_empty() {
            let mut probe = duplicates.clone();
            let share = &mut |i| share(pass, i);
            read_again(paths, options, share, &mut found, &mut probe, &mut |_| {
                Ok(())
            })?;
            pass += 1;
        }
        if !(found.rejected.is_empty() && found.repeated.is_empty()) {
            options.progress.finish();
            let mut refused = found.rejected;
            refused.append(&mut found.repeated);
            return Err(Error::Rejected(refused));
        }
    }
    ready(value_decimals);
    let finish = |mut dataset: Dataset, first_seen: &[String]| {
        options.progress.finish();
        dataset
            .warnings
            .extend(unknown_economies(first_seen.iter().map(String::as_str)));
        Ok(Scanned {
            dataset,
            value_decimals,
        })
    };
    if early && duplicates.is_empty() {
        // Every record handed over in the first pass was a first of its identity.
        return finish(dataset, &first_seen);
    }
    if let Some(restart) = restart {
        restart();
        seen.clear();
        first_seen.clear();
    }
    let mut duplicates = duplicates;
    read_again(
        paths,
        options,
        &mut |i| share(pass, i),
        &mut dataset,
        &mut duplicates,
        &mut |mut record| {
            note_economies(&record, &mut seen, &mut first_seen);
            convert(&mut record, &options.rates)?;
            each(record)
        },
    )?;
    finish(dataset, &first_seen)
}

/// Notes the economies of `record` not seen before, in the order first seen (for the
/// warning on spellings the country table does not know).
fn note_economies(record: &Record, seen: &mut HashSet<String>, first_seen: &mut Vec<String>) {
    for economy in [&record.reporter, &record.partner] {
        if !seen.contains(economy.as_str()) {
            seen.insert(economy.clone());
            first_seen.push(economy.clone());
        }
    }
}

/// Records handed over a batch at a time between the reading thread and the consumer.
const BATCH: usize = 4096;

/// The kept records of `stream`, in reading order.
pub struct Kept<'a> {
    /// As `Scanned::value_decimals`.
    pub value_decimals: u32,
    batches: &'a mpsc::Receiver<Vec<Record>>,
    batch: std::vec::IntoIter<Record>,
}

impl Iterator for Kept<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(record) = self.batch.next() {
                return Some(record);
            }
            self.batch = self.batches.recv().ok()?.into_iter();
        }
    }
}

/// `scan` for a consumer that pulls: the files are read on another thread while
/// `consume` takes the kept records on this one. `consume` is not called when the read
/// fails before the first record (a file refused, `--strict`); when it fails later,
/// `consume` sees the records end early and the read's error is returned, not its result.
pub fn stream<T>(
    paths: &[PathBuf],
    options: &ReadOptions,
    consume: impl FnOnce(Kept<'_>) -> Result<T>,
) -> Result<(Dataset, T)> {
    let (start_tx, start_rx) = mpsc::sync_channel::<u32>(1);
    let (batch_tx, batch_rx) = mpsc::sync_channel::<Vec<Record>>(4);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let mut ready = |decimals| {
                let _ = start_tx.send(decimals);
            };
            let scanned = scan_with(
                paths,
                options,
                &mut ready,
                &mut |record| {
                    batch.push(record);
                    if batch.len() == BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        // The consumer stopped (its error is the one returned).
                        batch_tx.send(full).map_err(|_| stopped())?;
                    }
                    Ok(())
                },
                None,
            )?;
            if !batch.is_empty() {
                batch_tx.send(batch).map_err(|_| stopped())?;
            }
            Ok(scanned)
        });
        let consumed = match start_rx.recv() {
            Ok(value_decimals) => Some(consume(Kept {
                value_decimals,
                batches: &batch_rx,
                batch: Vec::new().into_iter(),
            })),
            Err(_) => None,
        };
        // Unblocks a reader still sending when `consume` returned early.
        drop(batch_rx);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(Error::Engine("the reading thread panicked".into())));
        match (read, consumed) {
            (_, Some(Err(e))) => Err(e),
            (Err(e), _) => Err(e),
            (Ok(scanned), Some(Ok(value))) => Ok((scanned.dataset, value)),
            (Ok(_), None) => Err(Error::Engine("the read ended without its records".into())),
        }
    })
}

/// The consumer of `stream` stopped taking records (its own error is the one returned).
fn stopped() -> Error {
    Error::Engine("the records' consumer stopped".into())
}

/// The second pass: reads `paths` again, notes each later row of an identity in `dataset`
/// (which holds the first pass's counts) and hands every first row to `each`.
fn read_again(
    paths: &[PathBuf],
    options: &ReadOptions,
    share: &mut dyn FnMut(usize) -> Share,
    dataset: &mut Dataset,
    duplicates: &mut Duplicates,
    each: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<()> {
    let mut digests = Digests::default();
    // The refusals found again are the first pass's: counted here only to check that.
    let mut again = Dataset::default();
    for (i, path) in paths.iter().enumerate() {
        read_file(path, options, share(i), &mut again, &mut |record| {
            let digest = digests.of(&record);
            if duplicates.may_repeat(digest) {
                let row = Row::of(&record);
                if let Seen::Again { value, origin } = duplicates.check(digest, &row) {
                    dataset.note_duplicate(&row, value, origin);
                    return Ok(());
                }
            }
            each(record)
        })?;
        if dataset.files[i].rows_read != again.files[i].rows_read {
            return Err(Error::file(
                path,
                format!(
                    "{}: the file changed while it was read (read twice to keep memory small)",
                    path.display()
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROWS: &str = "reporter,partner,period,flow,commodity,value,unit,source,note
RUS,PRK,2019,export,TOTAL,10.5,USD million,x,
Russia,PRK,2019,export,TOTAL,10.50,USD million,x,
RUS,PRK,2019,export,TOTAL,11,USD million,x,
RUS,PRK,2019,import,TOTAL,abc,USD million,x,
RUS,PRK,2018,import,TOTAL,3.25,CNY million,x,
Atlantis,PRK,2018,import,TOTAL,3.257,CNY million,x,
";

    fn files(dir: &tempfile::TempDir) -> Vec<PathBuf> {
        let a = dir.path().join("a.csv");
        let b = dir.path().join("b.csv");
        std::fs::write(&a, ROWS).unwrap();
        // The second file repeats one row of the first and adds one.
        let second = "reporter,partner,period,flow,commodity,value,unit,source,note
RUS,PRK,2018,import,TOTAL,3.25,CNY million,x,
CHN,PRK,2018,import,TOTAL,7,USD million,y,
";
        std::fs::write(&b, second).unwrap();
        vec![a, b]
    }

    fn options() -> ReadOptions {
        ReadOptions {
            rates: vec!["CNY:USD=0.14".parse().unwrap()],
            ..ReadOptions::default()
        }
    }

    #[test]
    fn scan_hands_over_what_read_keeps_and_refuses_the_same_rows() {
        let dir = tempfile::tempdir().unwrap();
        let paths = files(&dir);
        let held = Dataset::read(&paths, &options()).unwrap();
        let mut handed = Vec::new();
        let scanned = scan(&paths, &options(), &mut |r| {
            handed.push(r);
            Ok(())
        })
        .unwrap();
        assert_eq!(handed, held.records.iter().collect::<Vec<_>>());
        assert_eq!(handed.len(), 4);
        let got = scanned.dataset;
        assert_eq!(got.files, held.files);
        assert_eq!(got.rejected, held.rejected);
        assert_eq!(got.repeated, held.repeated);
        assert_eq!(got.warnings, held.warnings);
        assert_eq!((got.rejected.len(), got.repeated.len()), (2, 2));
        // 3.257 × 0.14 = 0.45598: five decimals after the rate.
        assert_eq!(scanned.value_decimals, 5);
    }

    #[test]
    fn a_restartable_consumer_reads_a_file_without_repeats_once() {
        let dir = tempfile::tempdir().unwrap();
        let paths = files(&dir);
        let held = Dataset::read(&paths, &options()).unwrap();
        // With repeats: started over once, then the same records as `read` keeps.
        let handed = std::cell::RefCell::new(Vec::new());
        let mut restarts = 0;
        let scanned = scan_restartable(
            &paths,
            &options(),
            &mut |r| {
                handed.borrow_mut().push(r);
                Ok(())
            },
            &mut || {
                restarts += 1;
                handed.borrow_mut().clear();
            },
        )
        .unwrap();
        assert_eq!(restarts, 1);
        assert_eq!(handed.into_inner(), held.records.iter().collect::<Vec<_>>());
        assert_eq!(scanned.dataset.repeated, held.repeated);
        // Without: never started over, every record once.
        let single = vec![paths[0].clone()];
        std::fs::write(
            &single[0],
            "reporter,partner,period,flow,commodity,value,unit,source,note
RUS,PRK,2019,export,TOTAL,10.5,USD million,x,
Atlantis,PRK,2018,import,TOTAL,3,USD million,x,
",
        )
        .unwrap();
        let held = Dataset::read(&single, &ReadOptions::default()).unwrap();
        let mut handed = Vec::new();
        let mut restarts = 0;
        let scanned = scan_restartable(
            &single,
            &ReadOptions::default(),
            &mut |r| {
                handed.push(r);
                Ok(())
            },
            &mut || restarts += 1,
        )
        .unwrap();
        assert_eq!(restarts, 0);
        assert_eq!(handed, held.records.iter().collect::<Vec<_>>());
        assert_eq!(scanned.dataset.warnings, held.warnings);
    }

    #[test]
    fn strict_refuses_every_row_before_handing_any() {
        let dir = tempfile::tempdir().unwrap();
        let paths = files(&dir);
        let strict = ReadOptions {
            strict: true,
            ..options()
        };
        let mut handed = 0;
        let Err(Error::Rejected(refused)) = scan(&paths, &strict, &mut |_| {
            handed += 1;
            Ok(())
        }) else {
            panic!("--strict must refuse")
        };
        assert_eq!(handed, 0);
        // The bad value, the conflict, then the two repeats.
        assert_eq!(refused.len(), 4);
        assert!(refused[1].reason.contains("conflicts with"));
    }

    #[test]
    fn stream_gives_the_records_in_order_and_the_consumers_error_wins() {
        let dir = tempfile::tempdir().unwrap();
        let paths = files(&dir);
        let (dataset, lines) = stream(&paths, &options(), |kept| {
            Ok(kept
                .map(|r| (r.origin.file, r.origin.line))
                .collect::<Vec<_>>())
        })
        .unwrap();
        assert_eq!(lines, [(0, 2), (0, 6), (0, 7), (1, 3)]);
        assert_eq!(dataset.repeated.len(), 2);
        let stopped = stream(&paths, &options(), |mut kept| {
            kept.next();
            Err::<(), _>(Error::Options("the consumer's own".into()))
        });
        assert!(matches!(stopped, Err(Error::Options(m)) if m == "the consumer's own"));
    }

    #[test]
    fn stream_does_not_start_the_consumer_when_the_read_fails_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-layout.csv");
        std::fs::write(&path, "a,b\n1,2\n").unwrap();
        let mut started = false;
        let result = stream(&[path], &ReadOptions::default(), |_| {
            started = true;
            Ok(())
        });
        assert!(result.is_err());
        assert!(!started);
    }
}
