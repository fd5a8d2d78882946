//! Reading an article: from its raw text to the claims model that `verify` checks.
//!
//! `text` splits it into sentences and clauses; `numbers` finds every number and says what
//! it is (an amount, a percentage, a multiple — or a year, a distance, a code: no trade
//! figure, and why); `resolve` reads the words around each amount (period, measure, whose
//! flow); `figures` gives each amount those, carrying the period in focus from sentence to
//! sentence; `relations` finds what the text asserts between its numbers (changes,
//! multiples, sums, balances, shares, point changes); `model` turns it all into a
//! `ClaimsFile` — the same model a claims file loads into — so `check` and `verify` run one
//! checker with one set of rounding rules and diagnoses, and `emit` writes that model as a
//! claims file a user can correct.

mod emit;
mod figures;
mod model;
mod numbers;
#[cfg(test)]
mod proptests;
mod relations;
mod resolve;
mod text;

use std::ops::Range;

use super::claims::TradeMeasure;
use super::lexicon::Lexicon;
use super::phrase::{Direction, Token, tokenize};
use crate::model::Period;

pub use emit::claims_toml;
pub use model::{ArticleClaims, Doubt, quote, to_claims, vet};
pub use numbers::{Ignored, NumberKind};
pub use relations::{RelationKind, Unchecked};
pub use resolve::same_country;

/// What the reader is told about the article beyond its text.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The pair figures are bound to in the data: the reporter ("RUS") ...
    pub reporter: Option<String>,
    /// ... and the partner.
    pub partner: Option<String>,
    /// Whether figures should be bound to data (data files were given).
    pub bind: bool,
}

/// An amount of money the article prints, with what it is about.
#[derive(Clone, Debug)]
pub struct Figure {
    /// The index of its number in `Article::numbers`.
    pub number: usize,
    pub sentence: usize,
    pub period: Option<Period>,
    /// The months the text names when it names no year ("in September"), to tell such
    /// figures apart.
    pub months_only: Option<(u8, u8)>,
    /// The economies its sentence names.
    pub named: Vec<String>,
    /// Said of a period the reader cannot place ("the previous month" with no month
    /// named): never summed with other figures.
    pub vague: bool,
    /// The fiscal year the text names ("FY2022/23"), when the period is one.
    pub fiscal: Option<String>,
    /// How the period was read, when not named in the figure's own clause.
    pub period_note: Option<PeriodNote>,
    pub measure: Option<TradeMeasure>,
    /// The economy whose exports (or imports, surplus) these are, if the text says.
    pub owner: Option<String>,
    /// The other side, if the text names it ("exports to China"); "WLD" for a global
    /// figure ("global trade surplus").
    pub other: Option<String>,
    /// Said as the new value of a change: "to $5bn", "to reach $5bn".
    pub new_value: bool,
    /// A difference, not a level: "decreased by $7.4 billion", "11 billion less than".
    pub difference: Option<Direction>,
    /// A product ("oil products") when the figure is a part of a flow, not its total.
    pub commodity: Option<String>,
    /// The figure this one is a part of ("of which").
    pub part_of: Option<usize>,
    pub currency: String,
    /// Whether the text says a deficit (a negative balance).
    pub deficit: bool,
}

/// How a figure's period was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodNote {
    /// Named elsewhere in its sentence.
    Sentence,
    /// Carried from an earlier sentence.
    Carried,
    /// The base of a comparison with no period of its own: one year before the other.
    ComparisonBase,
}

/// A relation the article asserts between its numbers.
#[derive(Clone, Debug)]
pub struct Relation {
    pub kind: RelationKind,
    pub sentence: usize,
    /// The number stating the relation ("rose 12%", "triple"), if a number does.
    pub stated: Option<usize>,
    /// The words that state it: the phrase of `stated`, or "of which", or the total's.
    pub says: Range<usize>,
    /// The figures involved, in the order of `value`.
    pub figures: Vec<usize>,
    /// Percentages used as operands (for point changes), by number index.
    pub percents: Vec<usize>,
    /// Why it cannot be checked inside the text, if so.
    pub unchecked: Option<Unchecked>,
    /// A base the text does not print but gives the parts of: the base period's trade less
    /// its other flow, or its exports plus imports ("imports grew 16% to $50.24 billion"
    /// with trade $119.5 billion and exports $76.18 billion the year before). `figures`
    /// then lists the two parts, then the new value.
    pub derived_base: Option<DerivedBase>,
    /// The text itself says which amounts it compares ("from A to B", "N times the X",
    /// "compared to X", "P% of … of W"): a large mismatch is then the text's, not a
    /// misreading (`vet`).
    pub said: bool,
}

/// How a base is made of two printed figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DerivedBase {
    /// `figures[0] + figures[1]` (for a share: the whole is the sum of every figure)
    Sum,
    /// `figures[0] - figures[1]`
    Difference,
    /// For a share of parts said together ("gas oil GH¢7.3 billion, and motor spirit
    /// GH¢7.2 billion, which together account for 24.7 percent of ... GH₵58.8 billion"):
    /// the part is the sum of every figure but the last, the whole the last.
    Together,
}

/// An article read: its numbers, its amounts and the relations it asserts.
#[derive(Clone, Debug)]
pub struct Article {
    /// The text as read: non-breaking spaces and minus signs as their ASCII kin (every span
    /// refers to it).
    pub text: String,
    /// The text as given, for what is shown (`shown`).
    pub original: String,
    /// Where `text` is shorter than `original`: from each position on, by so many bytes.
    shifts: Vec<(usize, usize)>,
    pub sentences: Vec<Range<usize>>,
    pub tokens: Vec<Token>,
    pub numbers: Vec<numbers::Number>,
    pub figures: Vec<Figure>,
    pub relations: Vec<Relation>,
    /// The pair the article is about: given, or the two economies it names most.
    pub reporter: Option<String>,
    pub partner: Option<String>,
    pub options: Options,
    /// Written in English (`text::in_english`): elsewhere comparison words are not read.
    pub english: bool,
    /// Every figure printed with two decimals ends in 0 ("2.70%", "$646.10 million"): the
    /// text pads its figures to two decimals, and they are read to one (`text::padded`).
    pub padded: bool,
    /// The text groups thousands with dots ("1.413 millones"), and they are read so
    /// (`text::dot_groups`).
    pub dot_groups: bool,
    /// The lexicon's scales of a billion or more: one dot before them is a decimal point.
    pub billions: std::collections::BTreeSet<String>,
}

impl Article {
    /// The words that state a relation: its number's phrase ("decreased 2.5 percent"), or
    /// the words it stands on ("of which", the total).
    /// (As the text prints them: the phrase reader takes minus signs as they come.)
    pub fn says(&self, r: &Relation) -> String {
        match r.stated {
            Some(n) => self.numbers[n].phrase_in(|r| self.shown(r)),
            None => self.shown(&r.says).to_string(),
        }
    }

    /// The text of a byte range.
    pub fn at(&self, r: &Range<usize>) -> &str {
        &self.text[r.clone()]
    }

    /// The text of a byte range as the article prints it (with its minus signs and
    /// non-breaking spaces): what output shows.
    pub fn shown(&self, r: &Range<usize>) -> &str {
        let original_at = |pos: usize| {
            pos + self
                .shifts
                .iter()
                .take_while(|(from, _)| *from <= pos)
                .last()
                .map_or(0, |(_, more)| *more)
        };
        &self.original[original_at(r.start)..original_at(r.end)]
    }

    /// What a number prints, as the article prints it.
    pub fn shown_printed(&self, number: usize) -> &str {
        self.shown(&self.numbers[number].printed)
    }

    /// What a number prints.
    pub fn printed(&self, number: usize) -> &str {
        self.at(&self.numbers[number].printed)
    }

    /// `phrase` of number `n` with the scale and currency it shares with the end of its
    /// range ("6.3" in "from 6.3 to 26.7 billion dollars" reads "6.3 billion dollars").
    pub fn with_borrowed(&self, n: usize, phrase: String) -> String {
        match &self.numbers[n].borrowed {
            Some(words) => format!("{phrase}{}", self.at(words)),
            None => phrase,
        }
    }

    /// Number `n` as it is read: its printed text with the scale it borrows, grouping dots
    /// dropped (`with_borrowed`, `readable`).
    pub fn reading(&self, n: usize) -> String {
        self.readable(&self.with_borrowed(n, self.printed(n).to_string()))
    }

    /// A number's text as it is read: grouping dots dropped in a text that groups so.
    pub fn readable(&self, printed: &str) -> String {
        if self.dot_groups {
            text::ungroup_dots(printed, &|w: &str| self.billions.contains(w))
        } else {
            printed.to_string()
        }
    }

    /// The sentence at index `s`.
    pub fn sentence(&self, s: usize) -> &str {
        self.at(&self.sentences[s])
    }

    /// The period of figure `f` as shown: "2019-Q1", "FY2022/23", "?".
    pub fn period_label(&self, f: usize) -> String {
        let fig = &self.figures[f];
        match (&fig.fiscal, fig.period) {
            (Some(label), _) => label.clone(),
            (None, Some(p)) => p.label(),
            (None, None) => "?".to_string(),
        }
    }

    /// The 1-based line of the article a number is on.
    pub fn line_of(&self, number: usize) -> usize {
        text::line_of(&self.text, self.numbers[number].printed.start)
    }

    /// The figure a number is, if it is an amount.
    pub fn figure_of(&self, number: usize) -> Option<usize> {
        self.figures.iter().position(|f| f.number == number)
    }

    /// The kind of a number.
    pub fn kind(&self, number: usize) -> &NumberKind {
        &self.numbers[number].kind
    }

    /// Every number, its span and kind, in order.
    pub fn numbers(&self) -> impl Iterator<Item = (&Range<usize>, &NumberKind)> {
        self.numbers.iter().map(|n| (&n.printed, &n.kind))
    }
}

pub const MAX_TEXT: usize = 1024 * 1024;

/// `text` with non-breaking spaces and minus signs as their ASCII kin, and where it is
/// shorter than `text` from each position on (`Article::shown`).
fn ascii_kin(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(text.len());
    let mut shifts = Vec::new();
    let mut more = 0;
    for c in text.chars() {
        let kin = match c {
            '\u{a0}' => ' ',
            '\u{2212}' => '-',
            c => {
                out.push(c);
                continue;
            }
        };
        out.push(kin);
        more += c.len_utf8() - 1;
        shifts.push((out.len(), more));
    }
    (out, shifts)
}

/// Reads an article.
pub fn read(text: &str, lexicon: &Lexicon, options: &Options) -> Result<Article, String> {
    if text.len() > MAX_TEXT {
        return Err(format!(
            "the article is {} bytes; at most {MAX_TEXT}",
            text.len()
        ));
    }
    // Non-breaking spaces and minus signs read as their ASCII kin; spans refer to this text.
    let original = text.to_string();
    let (text, shifts) = ascii_kin(text);
    let sentences = text::sentences(&text, lexicon);
    let tokens = tokenize(&text);
    let sentence_of: Vec<usize> = tokens
        .iter()
        .map(|t| text::index_of(&sentences, t.start).unwrap_or(usize::MAX))
        .collect();
    let mut numbers = numbers::scan(&text, &tokens, &sentence_of, lexicon);
    let mentions = resolve::economies(&text, &tokens);
    let countries: Vec<String> = mentions
        .iter()
        .map(|m| m.economy.as_str())
        .chain(
            options
                .reporter
                .iter()
                .chain(&options.partner)
                .map(String::as_str),
        )
        .filter_map(|e| crate::codes::lookup(e).map(|e| e.iso2.clone()))
        .filter(|iso2| iso2.len() == 2)
        .collect();
    numbers::localise_shared_currencies(&mut numbers, &tokens, lexicon, &countries);
    let english = text::in_english(&tokens);
    let padded = text::padded(numbers.iter().map(|n| &text[n.printed.clone()]));
    let billions: std::collections::BTreeSet<String> = lexicon
        .scales
        .keys()
        .filter(|w| lexicon.billions(w))
        .cloned()
        .collect();
    let dot_groups = text::dot_groups(
        english,
        numbers.iter().map(|n| &text[n.printed.clone()]),
        &|w: &str| billions.contains(w),
    );
    let mut article = Article {
        english,
        padded,
        dot_groups,
        billions,
        text,
        original,
        shifts,
        sentences,
        tokens,
        numbers,
        figures: Vec::new(),
        relations: Vec::new(),
        reporter: options.reporter.clone(),
        partner: options.partner.clone(),
        options: options.clone(),
    };
    figures::resolve(&mut article, &mentions, &sentence_of);
    article.relations = relations::find(&article, lexicon);
    Ok(article)
}

/// The claims file `check --emit-claims` writes, from an article's text: what `extract`
/// prints. `data` are the data files it names (and binds figures for), `title` its title.
pub fn draft(
    text: &str,
    lexicon: &Lexicon,
    options: &Options,
    title: Option<&str>,
    data: &[String],
) -> Result<String, String> {
    let article = read(text, lexicon, options)?;
    let model = to_claims(
        &article,
        lexicon,
        super::phrase::Rounding::HalfUnit,
        std::path::Path::new("draft.toml"),
    );
    Ok(claims_toml(&article, &model, title, data))
}

/// The other side of a figure when it is neither economy of the pair the text is bound to:
/// "WLD" for a world total, or a third economy.
pub fn other_than_pair(article: &Article, fig: &Figure) -> Option<String> {
    let other = fig.other.as_ref()?;
    let of_pair = [&article.reporter, &article.partner]
        .into_iter()
        .flatten()
        .any(|e| same_country(e, other));
    (!of_pair && (article.reporter.is_some() || other == "WLD")).then(|| other.clone())
}

/// The 1-based line of byte `at` of the article.
pub fn line_at(article: &Article, at: usize) -> usize {
    text::line_of(&article.text, at)
}

/// Reads an article file as UTF-8 text.
pub fn read_file(path: &std::path::Path) -> crate::Result<String> {
    let bytes = std::fs::read(path).map_err(|source| crate::Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| crate::Error::NotUtf8 {
        path: path.to_path_buf(),
        byte: e.utf8_error().valid_up_to(),
    })
}
