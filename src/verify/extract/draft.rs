//! What the draft says of each mention: an amount becomes a `DraftFigure` (its id, flow,
//! period and clause), a percentage or multiple a `DraftClaim` with the value expression
//! the sentence suggests, or the reason none is proposed.

use super::super::phrase::Measure;
use super::mentions::Mention;
use super::periods::{clause_around, clause_names_period, period_of, says_earlier};
use crate::model::Period;

#[derive(Clone, Debug)]
pub(super) struct DraftFigure {
    pub(super) id: String,
    pub(super) printed: String,
    pub(super) measure: Option<&'static str>,
    pub(super) period: Option<Period>,
    pub(super) sentence: usize,
    /// Offset in its sentence.
    pub(super) start: usize,
    /// Its clause says it is from an earlier period ("this figure was X last year").
    pub(super) earlier: bool,
    /// Its clause opens with "from" (the base of a change).
    pub(super) from: bool,
    pub(super) guess_note: Vec<String>,
}

#[derive(Clone, Debug)]
pub(super) struct DraftClaim {
    pub(super) quote: String,
    pub(super) says: String,
    pub(super) value: Option<String>,
    pub(super) why: String,
}

/// A proposed value expression (if any) and why it was, or was not, proposed.
type Proposal = (Option<String>, String);

/// Every amount mentioned, as a figure, in the order of the text.
pub(super) fn draft_figures(
    mentions: &[Mention],
    sentences: &[String],
    main_period: Option<Period>,
) -> Vec<DraftFigure> {
    let mut figures: Vec<DraftFigure> = Vec::new();
    let mut last_measure: Option<&'static str> = None;
    for m in mentions
        .iter()
        .filter(|m| matches!(m.measure, Measure::Amount { .. }))
    {
        let figure = draft_figure(
            m,
            &sentences[m.sentence],
            main_period,
            last_measure,
            &figures,
        );
        last_measure = figure.measure;
        figures.push(figure);
    }
    figures
}

/// The figure of one amount; `last_measure` is the previous figure's, `figures` those
/// drafted so far (its id must differ from theirs).
fn draft_figure(
    m: &Mention,
    sentence: &str,
    main_period: Option<Period>,
    last_measure: Option<&'static str>,
    figures: &[DraftFigure],
) -> DraftFigure {
    // The amount's own clause first, then the sentence (its years and months, not
    // another clause's "last year"), then the article's main period.
    let clause = clause_around(sentence, m.start);
    let (period, how) = match period_of(clause, main_period, true) {
        (p, how) if clause_names_period(clause) => (p, how),
        _ => period_of(sentence, main_period, false),
    };
    let lower = sentence.to_lowercase();
    // "this figure was ..." continues the previous figure's measure.
    let measure = if lower.contains("this figure") || lower.contains("the figure") {
        last_measure
    } else {
        measure_of(sentence, m.start).or(last_measure)
    };
    DraftFigure {
        id: unique_id(measure.unwrap_or("figure"), period, figures),
        printed: m.text.clone(),
        measure,
        period,
        sentence: m.sentence,
        start: m.start,
        earlier: says_earlier(clause),
        from: clause.trim_start().to_lowercase().starts_with("from "),
        guess_note: how.into_iter().collect(),
    }
}

/// `base` and the period's label ("exports_2019q1"), numbered from 2 if already taken.
fn unique_id(base: &str, period: Option<Period>, figures: &[DraftFigure]) -> String {
    let stem = match period {
        Some(p) => format!(
            "{base}_{}",
            p.label().to_lowercase().replace(['-', '.'], "")
        ),
        None => base.to_string(),
    };
    let mut id = stem.clone();
    let mut n = 2;
    while figures.iter().any(|f| f.id == id) {
        id = format!("{stem}_{n}");
        n += 1;
    }
    id
}

/// Flow words and the measure each names; the one nearest before the amount counts.
const FLOW_WORDS: [(&str, &str); 8] = [
    ("export", "exports"),
    ("import", "imports"),
    ("trade between", "turnover"),
    ("turnover", "turnover"),
    ("trade", "turnover"),
    ("balance", "balance"),
    ("surplus", "balance"),
    ("deficit", "balance"),
];

fn measure_of(sentence: &str, start: usize) -> Option<&'static str> {
    // The flow word nearest before the amount, else anywhere in the sentence.
    let before = &sentence[..start.min(sentence.len())].to_lowercase();
    let whole = sentence.to_lowercase();
    let pick = |text: &str| -> Option<(usize, &'static str)> {
        FLOW_WORDS
            .iter()
            .filter_map(|(w, m)| text.rfind(w).map(|i| (i, *m)))
            .max_by_key(|(i, _)| *i)
    };
    pick(before).or_else(|| pick(&whole)).map(|(_, m)| m)
}

/// Every percentage and multiple mentioned, as a claim; after all figures, so a claim can
/// link to an amount later in its sentence.
pub(super) fn draft_claims(
    mentions: &[Mention],
    sentences: &[String],
    figures: &[DraftFigure],
) -> Vec<DraftClaim> {
    mentions
        .iter()
        .filter(|m| !matches!(m.measure, Measure::Amount { .. }))
        .map(|m| {
            let (value, why) = link(m, sentences, figures);
            DraftClaim {
                quote: sentences[m.sentence].clone(),
                says: m.text.clone(),
                value,
                why,
            }
        })
        .collect()
}

/// Proposes a value expression for a change or multiple phrase: the first of the readings
/// below that applies.
fn link(m: &Mention, sentences: &[String], figures: &[DraftFigure]) -> Proposal {
    if !matches!(m.measure, Measure::Multiple | Measure::Change) {
        return (
            None,
            "a share: write the part / whole it speaks of".to_string(),
        );
    }
    let here: Vec<&DraftFigure> = figures
        .iter()
        .filter(|f| f.sentence == m.sentence)
        .collect();
    from_base(m, &here)
        .or_else(|| earlier_base(m, &here, figures))
        .or_else(|| year_before_base(m, sentences, &here, figures))
        .unwrap_or_else(|| {
            (
                None,
                "the sentence does not say which two figures are compared".to_string(),
            )
        })
}

/// The expression comparing `current` with `base`, as a multiple or a change.
fn ratio(m: &Mention, current: &str, base: &str) -> String {
    match m.measure {
        Measure::Multiple => format!("{current} / {base}"),
        _ => format!("change({base}, {current})"),
    }
}

/// "to $Y ... from $X": the amount after "from" is the base.
fn from_base(m: &Mention, here: &[&DraftFigure]) -> Option<Proposal> {
    let base = here.iter().find(|f| f.from)?;
    let current = here.iter().find(|f| !f.from)?;
    Some((
        Some(ratio(m, &current.id, &base.id)),
        "\"from X\" is the base, the other amount the current value".to_string(),
    ))
}

/// "this figure was $X in the same period last year, showing ...": X is the base and the
/// figure spoken of before is the current value.
fn earlier_base(m: &Mention, here: &[&DraftFigure], figures: &[DraftFigure]) -> Option<Proposal> {
    let base = here.iter().find(|f| f.earlier)?;
    let current = figures.iter().rfind(|f| {
        !f.earlier
            && (f.sentence < base.sentence || (f.sentence == base.sentence && f.start < base.start))
    })?;
    Some((
        Some(ratio(m, &current.id, &base.id)),
        format!(
            "{} is said to be from the earlier period; {} is taken as the current value",
            base.id, current.id
        ),
    ))
}

/// "$Y, nearly 170 percent more than a year earlier": the base is the same measure a year
/// before, if the text printed it.
fn year_before_base(
    m: &Mention,
    sentences: &[String],
    here: &[&DraftFigure],
    figures: &[DraftFigure],
) -> Option<Proposal> {
    let clause = clause_around(&sentences[m.sentence], m.start);
    if !says_earlier(clause) {
        return None;
    }
    let before = figures
        .iter()
        .rfind(|f| f.sentence < m.sentence || (f.sentence == m.sentence && f.start < m.start));
    let current = here
        .iter()
        .copied()
        .rfind(|f| f.start < m.start)
        .or(before)?;
    let base = figures.iter().find(|f| {
        f.id != current.id
            && f.measure == current.measure
            && matches!((f.period, current.period), (Some(a), Some(b)) if Some(a) == b.year_before())
    });
    Some(match base {
        Some(base) => (
            Some(ratio(m, &current.id, &base.id)),
            format!("{} is the same measure a year before", base.id),
        ),
        None => (
            None,
            format!(
                "the base of the change ({} a year earlier) is not printed",
                current.id
            ),
        ),
    })
}
