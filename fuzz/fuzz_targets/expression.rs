//! Claim expressions: parsed within their bounds and evaluated on intervals, never a panic
//! (division by zero, deep nesting, huge numbers are errors).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradestat::verify::expr::{Kind, Operand, evaluate, parse};
use tradestat::verify::interval::{Range, q_ratio};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(e) = parse(text) else { return };
    let lookup = |id: &str| -> Result<Operand, String> {
        let n = id.len() as i64;
        Ok(Operand {
            range: Range::new(q_ratio(n - 1, 2), q_ratio(n, 2), q_ratio(n + 1, 2)),
            kind: if n % 2 == 0 { Kind::Money("USD".into()) } else { Kind::Number },
        })
    };
    let _ = evaluate(&e, &lookup);
});
