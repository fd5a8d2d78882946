//! The records read, as columns: each text (an economy's spelling, a commodity, a unit, a
//! source or a note) is stored once in a `Dictionary` and rows hold its index; the value is
//! an exact mantissa with its scale. A row costs ~60 bytes, not the ~250 of a `Record`
//! with its own strings, and the frame is built from the indices without reading text.

use std::collections::HashMap;
use std::hash::Hash;

use rustc_hash::FxBuildHasher;

use super::{Origin, Record};
use crate::model::{Commodity, Flow, Period, Unit};
use crate::number::Exact;

/// Distinct values in the order first seen; rows refer to them by index.
#[derive(Clone, Debug)]
pub struct Dictionary<T> {
    values: Vec<T>,
    index: HashMap<T, u32, FxBuildHasher>,
}

impl<T> Default for Dictionary<T> {
    fn default() -> Self {
        Dictionary {
            values: Vec::new(),
            index: HashMap::default(),
        }
    }
}

impl<T: Clone + Eq + Hash> Dictionary<T> {
    /// The index of `value`, added if new; `None` once 2^32 values are held.
    pub fn intern(&mut self, value: T) -> Option<u32> {
        if let Some(&i) = self.index.get(&value) {
            return Some(i);
        }
        let i = u32::try_from(self.values.len()).ok()?;
        self.values.push(value.clone());
        self.index.insert(value, i);
        Some(i)
    }

    pub fn get(&self, i: u32) -> &T {
        &self.values[i as usize]
    }

    /// Every distinct value, by index.
    pub fn values(&self) -> &[T] {
        &self.values
    }
}

/// The accepted rows of a dataset, column by column, in reading order.
#[derive(Clone, Debug, Default)]
pub struct Records {
    /// Economies as written (reporters and partners share one dictionary).
    pub economies: Dictionary<String>,
    pub commodities: Dictionary<Commodity>,
    pub units: Dictionary<Unit>,
    /// Sources and notes.
    pub texts: Dictionary<String>,
    pub reporter: Vec<u32>,
    pub partner: Vec<u32>,
    pub period: Vec<Period>,
    pub flow: Vec<Flow>,
    pub commodity: Vec<u32>,
    /// The value as written: `mantissa × 10^-scale`, in `unit`.
    pub mantissa: Vec<i128>,
    pub scale: Vec<u8>,
    pub unit: Vec<u32>,
    pub source: Vec<u32>,
    pub note: Vec<u32>,
    pub file: Vec<u32>,
    pub line: Vec<u64>,
}

impl Records {
    pub fn len(&self) -> usize {
        self.reporter.len()
    }

    pub fn is_empty(&self) -> bool {
        self.reporter.is_empty()
    }

    /// Adds a row; `None` (nothing added) when a dictionary is full, 2^32 distinct texts.
    pub fn push(&mut self, record: Record) -> Option<()> {
        let reporter = self.economies.intern(record.reporter)?;
        let partner = self.economies.intern(record.partner)?;
        let commodity = self.commodities.intern(record.commodity)?;
        let unit = self.units.intern(record.unit)?;
        let source = self.texts.intern(record.source)?;
        let note = self.texts.intern(record.note)?;
        self.reporter.push(reporter);
        self.partner.push(partner);
        self.period.push(record.period);
        self.flow.push(record.flow);
        self.commodity.push(commodity);
        self.mantissa.push(record.value.mantissa);
        // `Exact` scales stay ≤ 38 (its parser refuses more), so they fit a byte.
        self.scale
            .push(u8::try_from(record.value.scale).unwrap_or(u8::MAX));
        self.unit.push(unit);
        self.source.push(source);
        self.note.push(note);
        self.file.push(record.origin.file);
        self.line.push(record.origin.line);
        Some(())
    }

    pub fn reporter(&self, i: usize) -> &str {
        self.economies.get(self.reporter[i])
    }

    pub fn partner(&self, i: usize) -> &str {
        self.economies.get(self.partner[i])
    }

    pub fn commodity(&self, i: usize) -> &Commodity {
        self.commodities.get(self.commodity[i])
    }

    pub fn value(&self, i: usize) -> Exact {
        Exact {
            mantissa: self.mantissa[i],
            scale: u32::from(self.scale[i]),
        }
    }

    pub fn unit(&self, i: usize) -> &Unit {
        self.units.get(self.unit[i])
    }

    pub fn source(&self, i: usize) -> &str {
        self.texts.get(self.source[i])
    }

    pub fn note(&self, i: usize) -> &str {
        self.texts.get(self.note[i])
    }

    pub fn origin(&self, i: usize) -> Origin {
        Origin {
            file: self.file[i],
            line: self.line[i],
        }
    }

    /// Row `i` as a `Record` of its own.
    pub fn get(&self, i: usize) -> Record {
        Record {
            reporter: self.reporter(i).to_string(),
            partner: self.partner(i).to_string(),
            period: self.period[i],
            flow: self.flow[i],
            commodity: self.commodity(i).clone(),
            value: self.value(i),
            unit: self.unit(i).clone(),
            source: self.source(i).to_string(),
            note: self.note(i).to_string(),
            origin: self.origin(i),
        }
    }

    /// Every row as a `Record`, one at a time.
    pub fn iter(&self) -> impl Iterator<Item = Record> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Keeps the rows whose `keep` is true, in order.
    pub fn retain(&mut self, keep: &[bool]) {
        fn column<T: Copy>(values: &mut Vec<T>, keep: &[bool]) {
            let mut k = keep.iter();
            values.retain(|_| k.next().copied().unwrap_or(true));
        }
        column(&mut self.reporter, keep);
        column(&mut self.partner, keep);
        column(&mut self.period, keep);
        column(&mut self.flow, keep);
        column(&mut self.commodity, keep);
        column(&mut self.mantissa, keep);
        column(&mut self.scale, keep);
        column(&mut self.unit, keep);
        column(&mut self.source, keep);
        column(&mut self.note, keep);
        column(&mut self.file, keep);
        column(&mut self.line, keep);
    }
}

/// For tests: a few rows never fill a dictionary.
#[cfg(test)]
impl FromIterator<Record> for Records {
    fn from_iter<I: IntoIterator<Item = Record>>(rows: I) -> Records {
        let mut records = Records::default();
        for row in rows {
            records.push(row).expect("a small test dataset");
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(reporter: &str, line: u64) -> Record {
        Record {
            reporter: reporter.to_string(),
            partner: "PRK".to_string(),
            period: Period::new(2019, 1, 3).unwrap(),
            flow: Flow::Export,
            commodity: Commodity::Hs("27".to_string()),
            value: Exact::parse("10.670").unwrap(),
            unit: Unit::parse("USD million").unwrap(),
            source: "consulate".to_string(),
            note: String::new(),
            origin: Origin { file: 0, line },
        }
    }

    #[test]
    fn rows_come_back_as_they_went_in_and_texts_are_stored_once() {
        let rows = vec![record("RUS", 2), record("CHN", 3), record("RUS", 4)];
        let records: Records = rows.clone().into_iter().collect();
        assert_eq!(records.iter().collect::<Vec<_>>(), rows);
        // RUS, PRK, CHN; one unit; "consulate" and the empty note.
        assert_eq!(records.economies.values().len(), 3);
        assert_eq!(records.units.values().len(), 1);
        assert_eq!(records.texts.values().len(), 2);
        assert_eq!(records.value(0), rows[0].value);
    }

    #[test]
    fn retain_keeps_the_marked_rows_in_order() {
        let mut records: Records = (2..7).map(|line| record("RUS", line)).collect();
        records.retain(&[true, false, true, false, true]);
        let lines: Vec<u64> = records.iter().map(|r| r.origin.line).collect();
        assert_eq!(lines, [2, 4, 6]);
    }
}
