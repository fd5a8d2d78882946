//! Printed phrases ("nearly $10.7 million", "a triple growth"): parsed or refused.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradestat::verify::lexicon::Lexicon;
use tradestat::verify::phrase::{Rounding, parse};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let lexicon = Lexicon::built_in();
    for rounding in [Rounding::HalfUnit, Rounding::Exact, Rounding::Truncated] {
        let _ = parse(text, lexicon, rounding);
    }
    let _ = tradestat::number::Exact::parse(text);
    let _ = tradestat::number::Exact::parse_with_exponent(text);
    let _ = tradestat::model::Period::parse(text);
    let _ = tradestat::ingest::mapped::flexible_period(text);
    let _ = tradestat::model::Unit::parse(text);
    let _ = tradestat::codes::economy_key(text);
});
