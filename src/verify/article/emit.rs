//! The claims model of an article written as a claims file (TOML) that loads back into
//! the same model: the user corrects it and runs `verify` on it.

use super::model::ArticleClaims;
use super::{Article, NumberKind};
use crate::verify::claims::Assertion;

/// A TOML basic string.
fn s(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The claims file of `model`; `data` are the data files to name under [source] (as the
/// file should refer to them), `title` its title.
pub fn claims_toml(
    article: &Article,
    model: &ArticleClaims,
    title: Option<&str>,
    data: &[String],
) -> String {
    let mut out = String::new();
    out.push_str(
        "# Claims read from the article by `tradestat check`. Correct what it misread, then\n",
    );
    out.push_str("# run `tradestat verify` on this file (docs/verification.md).\n\n[source]\n");
    if let Some(t) = title {
        out.push_str(&format!("title = {}\n", s(t)));
    }
    if !data.is_empty() {
        let list: Vec<String> = data.iter().map(|d| s(d)).collect();
        out.push_str(&format!("data = [{}]\n", list.join(", ")));
    }
    for figure in &model.claims.figures {
        out.push_str("\n[[figure]]\n");
        out.push_str(&format!("id = {}\n", s(&figure.id)));
        if let Some(p) = &figure.printed {
            out.push_str(&format!("printed = {}\n", s(&p.text)));
        }
        match &figure.binding {
            Some(b) => {
                out.push_str(&format!("measure = {}\n", s(b.measure.name())));
                out.push_str(&format!("reporter = {}\n", s(&b.reporter)));
                out.push_str(&format!("partner = {}\n", s(&b.partner)));
                out.push_str(&format!("period = {}\n", s(&b.period.label())));
            }
            None => {
                if let Some(p) = figure.period {
                    out.push_str(&format!("period = {}\n", s(&p.label())));
                }
            }
        }
        if let Some(i) = model.figure_ids.iter().position(|id| *id == figure.id) {
            let f = &article.figures[i];
            let mut notes = Vec::new();
            if let Some(m) = f.measure {
                notes.push(format!("read as {}", m.name()));
            }
            if let Some(o) = &f.owner {
                notes.push(format!("of {o}"));
            }
            if let Some(o) = &f.other {
                notes.push(format!("with {o}"));
            }
            if let Some(c) = &f.commodity {
                notes.push(format!("product: {c}"));
            }
            if let Some(scale) = super::model::assumed_scale(article, i) {
                notes.push(format!(
                    "read as {scale}: the scale of the article's other amounts"
                ));
            }
            if matches!(
                article.numbers[f.number].kind,
                NumberKind::Amount { currency: None, .. }
            ) {
                notes.push(format!(
                    "currency {} taken from the amounts before",
                    f.currency
                ));
            }
            if !notes.is_empty() {
                out.push_str(&format!("note = {}\n", s(&notes.join("; "))));
            }
        }
    }
    for claim in &model.claims.claims {
        out.push_str("\n[[claim]]\n");
        out.push_str(&format!("quote = {}\n", s(&claim.quote)));
        match &claim.assertion {
            Assertion::Says(p) => out.push_str(&format!("says = {}\n", s(&p.text))),
            Assertion::Equals(id) => out.push_str(&format!("equals = {}\n", s(id))),
        }
        out.push_str(&format!("value = {}\n", s(&claim.value_text)));
    }
    out
}
