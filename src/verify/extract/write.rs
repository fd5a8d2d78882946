//! Writing the draft as a claims file (TOML): a header on how to read it, `[source]`, then
//! each `[[figure]]` and each `[[claim]]`, with guesses marked and what needs the reader
//! commented out, so the draft always loads.

use std::fmt::Write as _;

use super::Options;
use super::draft::{DraftClaim, DraftFigure};

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

pub(super) fn write(figures: &[DraftFigure], claims: &[DraftClaim], options: &Options) -> String {
    let mut out = String::new();
    write_source(&mut out, options);
    for f in figures {
        write_figure(&mut out, f, options);
    }
    for c in claims {
        write_claim(&mut out, c);
    }
    out
}

/// The header and `[source]`.
fn write_source(out: &mut String, options: &Options) {
    let _ = writeln!(
        out,
        "# Draft claims file written by `tradestat extract`. Read it against the article:"
    );
    let _ = writeln!(
        out,
        "# lines marked GUESS are the extractor's reading; commented-out parts need you."
    );
    let _ = writeln!(out, "# Check it with: tradestat verify THIS_FILE");
    let _ = writeln!(out);
    let _ = writeln!(out, "[source]");
    if let Some(t) = &options.title {
        let _ = writeln!(out, "title = {}", toml_string(t));
    }
    if options.data.is_empty() {
        let _ = writeln!(
            out,
            "# data = [\"trade.csv\"]   # data files to check bound figures against"
        );
    } else {
        let list: Vec<String> = options.data.iter().map(|d| toml_string(d)).collect();
        let _ = writeln!(out, "data = [{}]", list.join(", "));
    }
}

/// One `[[figure]]`; its binding is commented out unless both --reporter and --partner
/// were given.
fn write_figure(out: &mut String, f: &DraftFigure, options: &Options) {
    let bindable = options.reporter.is_some() && options.partner.is_some();
    let _ = writeln!(out);
    let _ = writeln!(out, "[[figure]]");
    let _ = writeln!(out, "id = {}", toml_string(&f.id));
    let _ = writeln!(out, "printed = {}", toml_string(&f.printed));
    let comment = if bindable { "" } else { "# " };
    if let Some(m) = f.measure {
        let _ = writeln!(
            out,
            "{comment}measure = {}   # GUESS from the sentence",
            toml_string(m)
        );
    } else {
        let _ = writeln!(
            out,
            "# measure = \"exports\"   # the sentence names no flow"
        );
    }
    if let (Some(r), Some(p)) = (&options.reporter, &options.partner) {
        let _ = writeln!(out, "{comment}reporter = {}", toml_string(r));
        let _ = writeln!(out, "{comment}partner = {}", toml_string(p));
    } else {
        let _ = writeln!(
            out,
            "# reporter = \"...\"   # give --reporter and --partner to bind figures to data"
        );
        let _ = writeln!(out, "# partner = \"...\"");
    }
    if let Some(p) = f.period {
        // The period helps the checker notice comparisons of unequal periods even
        // without a data binding.
        let _ = writeln!(out, "period = {}   # GUESS", toml_string(&p.label()));
    }
    for n in &f.guess_note {
        let _ = writeln!(out, "# {n}");
    }
}

/// One `[[claim]]`, commented out with what is missing when no value was proposed.
fn write_claim(out: &mut String, c: &DraftClaim) {
    let _ = writeln!(out);
    match &c.value {
        Some(value) => {
            let _ = writeln!(out, "[[claim]]");
            let _ = writeln!(out, "quote = {}", toml_string(&c.quote));
            let _ = writeln!(out, "says = {}", toml_string(&c.says));
            let _ = writeln!(out, "value = {}   # GUESS: {}", toml_string(value), c.why);
        }
        None => {
            let _ = writeln!(out, "# {} — complete `value` and uncomment:", c.why);
            let _ = writeln!(out, "# [[claim]]");
            let _ = writeln!(out, "# quote = {}", toml_string(&c.quote));
            let _ = writeln!(out, "# says = {}", toml_string(&c.says));
            let _ = writeln!(out, "# value = \"\"");
        }
    }
}
