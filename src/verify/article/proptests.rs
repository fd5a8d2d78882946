//! Any text made of the pieces trade articles are made of — amounts with the currency
//! before or after, scales, rates, periods, tables of runs of spaces, dashes and brackets —
//! is read without a panic, and its draft claims always load.

use std::path::Path;

use proptest::prelude::*;

use super::{Options, draft};
use crate::verify::claims::ClaimsFile;
use crate::verify::lexicon::Lexicon;
use crate::verify::phrase::Rounding;

const PIECES: &[&str] = &[
    "1,28",
    "2.14",
    "622",
    "12.5",
    "0.3",
    "2,3",
    "104.6",
    "2013",
    "2014",
    "2021-22",
    "FY23",
    "FY 2020/21",
    "%",
    "percent",
    "per cent",
    "Prozent",
    "times",
    "fold",
    "Dollars",
    "USD",
    "$",
    "US",
    "US$",
    "euros",
    "€",
    "Rs.",
    "NZ$",
    "billion",
    "million",
    "bn",
    "mln",
    "M",
    "exports",
    "imports",
    "trade",
    "turnover",
    "balance",
    "deficit",
    "surplus",
    "to",
    "from",
    "rose",
    "fell",
    "by",
    "more",
    "than",
    "or",
    "of",
    "the",
    "total",
    "share",
    "doubled",
    "half",
    "a third",
    "Turkey",
    "Canada",
    "EU",
    "Spain",
    "South America",
    "Turkish",
    "January",
    "July-December",
    "first",
    "six months",
    "same period last year",
    "this",
    "year",
    "price",
    "per barrel",
    "—",
    "–",
    "-",
    ",",
    ".",
    ";",
    "(",
    ")",
    ":",
    "\n\n",
    "   ",
    "\n",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((0..PIECES.len(), prop::bool::ANY), 0..60).prop_map(|parts| {
        let mut out = String::new();
        for (k, glued) in parts {
            if !glued && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(PIECES[k]);
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_of_trade_pieces_is_read_and_its_draft_loads(text in text()) {
        let lexicon = Lexicon::built_in();
        if let Ok(claims) = draft(&text, lexicon, &Options::default(), None, &[]) {
            let loaded = ClaimsFile::parse(&claims, Path::new("draft.toml"), lexicon, Rounding::HalfUnit);
            prop_assert!(loaded.is_ok(), "{:?}\n{}", loaded.err(), claims);
        }
    }
}
