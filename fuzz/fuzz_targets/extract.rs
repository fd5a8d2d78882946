//! Article text → the claims `check` reads, as a claims file; it must always load.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tradestat::verify::claims::ClaimsFile;
use tradestat::verify::article::{Options, draft};
use tradestat::verify::lexicon::Lexicon;
use tradestat::verify::phrase::Rounding;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let lexicon = Lexicon::built_in();
    if let Ok(draft) = draft(text, lexicon, &Options::default(), None, &[]) {
        if let Err(e) = ClaimsFile::parse(&draft, Path::new("draft.toml"), lexicon, Rounding::HalfUnit) {
            panic!("the draft does not load: {e}\n{draft}");
        }
    }
});
