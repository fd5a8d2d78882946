//! Bytes → records through every layout (detected from the header, as users' files are):
//! the importers must refuse or read, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradestat::ingest::{Dataset, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("tradestat-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("input.csv");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let options = ReadOptions::default();
    if let Ok(dataset) = Dataset::read(&[path.clone()], &options) {
        // What was read must be writable and readable again.
        let text = tradestat::ingest::canonical::write(&dataset.records);
        let _ = std::fs::write(&path, text);
        let _ = Dataset::read(&[path], &options);
    }
});
