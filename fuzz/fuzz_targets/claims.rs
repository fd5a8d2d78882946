//! Claims files: any text is either a claims file or an error naming line and key.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tradestat::verify::check::verify;
use tradestat::verify::claims::ClaimsFile;
use tradestat::verify::lexicon::Lexicon;
use tradestat::verify::phrase::Rounding;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let lexicon = Lexicon::built_in();
    if let Ok(file) = ClaimsFile::parse(text, Path::new("fuzz.toml"), lexicon, Rounding::HalfUnit) {
        let _ = verify(&file, None, Rounding::HalfUnit, "fuzz");
    }
});
