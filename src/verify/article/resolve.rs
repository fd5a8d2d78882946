//! What each amount of an article is about: its period, its measure (exports, imports,
//! turnover, balance), whose flow it is, and whether it is a part (a product) of a total —
//! from the words of its clause, then its sentence, then the sentences before.

use std::ops::Range;

use super::super::claims::TradeMeasure;
use super::super::phrase::Token;
use super::text::{MONTH_WORDS, index_of};
use crate::model::Period;

/// An economy named in the text.
#[derive(Clone, Debug)]
pub struct Mention {
    pub economy: String,
    pub tokens: Range<usize>,
}

const ECONOMY_WORDS: &str = include_str!("../../../data/economy-words.csv");

/// The rows of `data/economy-words.csv`: a word (its tokens), the economy it names, and
/// whether it is short (three letters or fewer: counted only in capitals).
fn economy_words() -> &'static [(Vec<String>, String, bool)] {
    static WORDS: std::sync::OnceLock<Vec<(Vec<String>, String, bool)>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        ECONOMY_WORDS
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(','))
            .map(|(w, e)| {
                let short = w.len() <= 3;
                let parts = super::super::phrase::tokenize(w)
                    .into_iter()
                    .map(|t| t.text)
                    .collect();
                (parts, e.to_string(), short)
            })
            .collect()
    })
}

/// The economy a single word names by `data/economy-words.csv` ("jordanian": JOR).
pub fn economy_word(word: &str) -> Option<String> {
    let word = word.to_lowercase();
    economy_words()
        .iter()
        .find(|(w, _, short)| !short && w.len() == 1 && w[0] == word)
        .map(|(_, e, _)| e.clone())
}

/// The economies named in the text, by country name, alias, demonym or capital.
pub fn economies(text: &str, tokens: &[Token]) -> Vec<Mention> {
    let words = economy_words();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut found: Option<(String, usize)> = None;
        for n in (1..=5).rev() {
            if i + n > tokens.len() {
                continue;
            }
            let span = tokens[i].start..tokens[i + n - 1].end;
            let original = &text[span.clone()];
            let original = original.trim_end_matches("'s").trim_end_matches('\'');
            // (Russian adjectives of countries are written small: "узбекских")
            let cyrillic = n == 1 && !russian_nominatives(&tokens[i].text).is_empty();
            if !(original.starts_with(|c: char| c.is_uppercase()) || cyrillic)
                || tokens[i..i + n]
                    .iter()
                    .any(|t| t.is_number || t.text.contains('$'))
            {
                continue;
            }
            // "C&SD", "AT&T": letters glued to an ampersand are an abbreviation's, not a
            // country code.
            if text[..span.start].ends_with('&') || text[span.end..].starts_with('&') {
                continue;
            }
            // Gaps inside a name are spaces, dots, hyphens: not commas.
            if tokens[i..i + n]
                .windows(2)
                .any(|w| text[w[0].end..w[1].start].contains([',', ';', '(', ')']))
            {
                continue;
            }
            let stripped: Vec<String> = tokens[i..i + n]
                .iter()
                .map(|t| {
                    t.text
                        .trim_end_matches("'s")
                        .trim_end_matches('\'')
                        .to_string()
                })
                .collect();
            let all_caps = original
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            // "Mexicans", "Russians": a demonym in the plural.
            let singular: Vec<String> = stripped
                .iter()
                .enumerate()
                .map(|(k, w)| {
                    if k + 1 == stripped.len() && w.len() > 4 {
                        w.strip_suffix('s').unwrap_or(w).to_string()
                    } else {
                        w.clone()
                    }
                })
                .collect();
            // "the Americas" is a region, not American; "the American country" (Canada, in
            // a text about it) is of the continent.
            let region = crate::codes::lookup(original).is_some();
            let continental = stripped.len() == 1
                && ((stripped[0] == "american"
                    && tokens.get(i + 1).is_some_and(|t| {
                        matches!(t.text.as_str(), "country" | "nation" | "state")
                    }))
                    // "South America", "Latin American": the continent's part, not the US.
                    || (matches!(stripped[0].as_str(), "america" | "american")
                        && i > 0
                        && matches!(
                            tokens[i - 1].text.as_str(),
                            "south" | "north" | "latin" | "central"
                        )));
            // "Молдовой", "Узбекистана", "Германии": a Russian name in another case.
            let russian = if n == 1 {
                russian_nominatives(&stripped[0])
            } else {
                Vec::new()
            };
            if let Some((_, e, short)) = words.iter().find(|(w, _, short)| {
                *w == stripped
                    || (*w == singular && !*short && !region)
                    || (w.len() == 1 && russian.contains(&w[0]))
            }) && (!*short || all_caps)
                && !continental
            {
                found = Some((e.clone(), n));
                break;
            }
            let letters = original.chars().filter(|c| c.is_alphabetic()).count();
            if letters <= 3 && !all_caps {
                continue;
            }
            if n == 1
                && matches!(
                    stripped[0].as_str(),
                    "the"
                        | "a"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "of"
                        | "it"
                        | "as"
                        | "is"
                        | "be"
                        | "we"
                        | "he"
                        | "me"
                        | "an"
                        | "or"
                        | "by"
                        | "no"
                        | "so"
                        | "do"
                        | "go"
                        | "up"
                )
            {
                continue;
            }
            // "At the", "In the": a short word and an article are no country ("AT", "IN").
            const GLUE: &[&str] = &[
                "the", "a", "an", "at", "in", "on", "of", "to", "and", "as", "by", "for", "from",
                "with", "is", "it", "or", "be", "we", "us", "no", "so", "do", "go", "up", "me",
                "he",
            ];
            if n > 1
                && (GLUE.contains(&stripped[0].as_str())
                    || GLUE.contains(&stripped[n - 1].as_str()))
            {
                continue;
            }
            // Groups named as a partner: the EU, the Middle East (not "Asia" or "Europe",
            // said of places as often as of partners).
            if let Some(e) = crate::codes::lookup(original)
                && (!e.aggregate || matches!(e.id.as_str(), "EUN" | "_MIDDLE_EAST"))
            {
                found = Some((e.id.clone(), n));
                break;
            }
        }
        // "573 million US dollars", "Singapore dollars", "Hong Kong dollar": the name of a
        // currency, not its country.
        let currency_name = found.as_ref().and_then(|(_, n)| {
            crate::verify::lexicon::Lexicon::built_in()
                .currency_at(tokens, i)
                .filter(|&(_, len)| len > *n)
        });
        if let Some((_, len)) = currency_name {
            i += len;
            continue;
        }
        match found {
            // "US 69.38 billion": a currency, not the country.
            // "US $17.68 million" too.
            Some((_, 1))
                if tokens[i].text.len() <= 3
                    && (tokens.get(i + 1).is_some_and(|t| t.is_number)
                        || (tokens.get(i + 1).is_some_and(|t| t.text == "$")
                            && tokens.get(i + 2).is_some_and(|t| t.is_number))) =>
            {
                i += 1
            }
            Some((economy, n)) => {
                out.push(Mention {
                    economy,
                    tokens: i..i + n,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    // "SA" in a text that names South Africa in full is South Africa, not Saudi Arabia
    // (whose ISO code it is): two capitals are the initials of a country named in full.
    let initials: Vec<(String, String)> = out
        .iter()
        .filter(|m| m.tokens.len() >= 2)
        .map(|m| {
            let letters: String = tokens[m.tokens.clone()]
                .iter()
                .filter_map(|t| t.text.chars().next())
                .map(|c| c.to_ascii_uppercase())
                .collect();
            (letters, m.economy.clone())
        })
        .collect();
    for m in &mut out {
        let t = &tokens[m.tokens.start];
        let code = &text[t.start..t.end];
        if m.tokens.len() == 1
            && code.len() == 2
            && code.chars().all(|c| c.is_ascii_uppercase())
            && let Some((_, e)) = initials.iter().find(|(i, _)| i == code)
        {
            m.economy = e.clone();
        }
    }
    out
}

/// The nominative forms a Russian word may be of, by the endings of the cases country
/// names and their adjectives take ("Германии" → "германия", "Молдовой" → "молдова",
/// "Узбекистаном" → "узбекистан", "Китая" → "китай", "украинской" → "украинский"); none
/// for a word not in Cyrillic.
fn russian_nominatives(word: &str) -> Vec<String> {
    if !word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        return Vec::new();
    }
    // (ending, what replaces it), longest endings first.
    const ENDINGS: &[(&str, &str)] = &[
        // adjectives: "российского", "китайской", "узбекских", "американскому"
        ("ого", "ий"),
        ("его", "ий"),
        ("ому", "ий"),
        ("ыми", "ий"),
        ("ими", "ий"),
        ("ая", "ий"),
        ("ое", "ий"),
        ("ие", "ий"),
        ("ых", "ий"),
        ("их", "ий"),
        ("ым", "ий"),
        ("им", "ий"),
        ("ую", "ий"),
        // nouns in -ия: "Германии", "Германией", "Германию"
        ("ией", "ия"),
        ("ии", "ия"),
        ("ию", "ия"),
        // nouns in -а: "Молдовой", "Молдовы", "Молдове", "Молдову"
        ("ой", "а"),
        ("ы", "а"),
        ("у", "а"),
        ("е", "а"),
        // nouns in -й: "Китая", "Китаю", "Китаем", "Китае"
        ("ем", "й"),
        ("я", "й"),
        ("ю", "й"),
        ("е", "й"),
        // nouns in a consonant: "Узбекистана", "Узбекистану", "Узбекистаном", "Узбекистане"
        ("ом", ""),
        ("а", ""),
        ("у", ""),
        ("е", ""),
        // in -ь: "Беларуси", "Беларусью"
        ("ью", "ь"),
        ("и", "ь"),
    ];
    let mut out = vec![word.to_string()];
    for (ending, nominative) in ENDINGS {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.chars().count() >= 3
        {
            out.push(format!("{stem}{nominative}"));
        }
    }
    out
}

/// Whether two economies are one country (a country and one of its regions: RUS, RU-FE).
pub fn same_country(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let iso2 = |x: &str| {
        crate::codes::lookup(x)
            .map(|e| e.iso2.clone())
            .unwrap_or_default()
    };
    let region_of = |region: &str, country: &str| {
        let i2 = iso2(country);
        !i2.is_empty() && region.starts_with(&format!("{i2}-"))
    };
    region_of(a, b) || region_of(b, a)
}

/// Words naming each measure, longest first where one contains another.
const MEASURE_WORDS: &[(&str, TradeMeasure)] = &[
    // "a significant excess of exports over imports ... is $217.1 million": a surplus (of
    // imports over exports: a deficit).
    ("excess of exports over imports", TradeMeasure::Balance),
    ("excess of imports over exports", TradeMeasure::Balance),
    ("trade surplus", TradeMeasure::Balance),
    ("trade deficit", TradeMeasure::Balance),
    ("trade balance", TradeMeasure::Balance),
    ("trade gap", TradeMeasure::Balance),
    ("trade imbalance", TradeMeasure::Balance),
    ("imbalance", TradeMeasure::Balance),
    ("surplus", TradeMeasure::Balance),
    ("deficit", TradeMeasure::Balance),
    ("surpluses", TradeMeasure::Balance),
    ("balance of trade", TradeMeasure::Balance),
    ("balance", TradeMeasure::Balance),
    ("deficits", TradeMeasure::Balance),
    ("exports", TradeMeasure::Exports),
    ("export", TradeMeasure::Exports),
    ("exported", TradeMeasure::Exports),
    ("exporting", TradeMeasure::Exports),
    ("shipments", TradeMeasure::Exports),
    ("shipped", TradeMeasure::Exports),
    ("supplies", TradeMeasure::Exports),
    ("supplied", TradeMeasure::Exports),
    ("deliveries", TradeMeasure::Exports),
    ("outbound", TradeMeasure::Exports),
    ("sales", TradeMeasure::Exports),
    ("sold", TradeMeasure::Exports),
    ("imports", TradeMeasure::Imports),
    ("import", TradeMeasure::Imports),
    ("imported", TradeMeasure::Imports),
    ("importing", TradeMeasure::Imports),
    ("purchases", TradeMeasure::Imports),
    ("purchased", TradeMeasure::Imports),
    ("bought", TradeMeasure::Imports),
    ("inbound", TradeMeasure::Imports),
    ("bilateral business", TradeMeasure::Turnover),
    // "a strong bilateral trading relationship, valued in 2023 at $3.8 billion"
    ("trading relationship", TradeMeasure::Turnover),
    ("trading between", TradeMeasure::Turnover),
    ("commercial exchange", TradeMeasure::Turnover),
    ("commercial exchanges", TradeMeasure::Turnover),
    ("trade exchange", TradeMeasure::Turnover),
    ("trade exchanges", TradeMeasure::Turnover),
    // "The economic exchanges between Iran and the United Kingdom (UK) decreased by 18
    // percent ... to stand at 18 million pounds"
    ("economic exchanges", TradeMeasure::Turnover),
    ("intercambio comercial", TradeMeasure::Turnover),
    ("échanges commerciaux", TradeMeasure::Turnover),
    ("interscambio", TradeMeasure::Turnover),
    ("trade", TradeMeasure::Turnover),
    ("turnover", TradeMeasure::Turnover),
    ("commerce", TradeMeasure::Turnover),
    ("traded", TradeMeasure::Turnover),
    // Spanish, Portuguese, French, Italian, Indonesian, German: the press of the pairs
    // the corpus covers.
    ("balanza comercial", TradeMeasure::Balance),
    ("balança comercial", TradeMeasure::Balance),
    ("bilancia commerciale", TradeMeasure::Balance),
    ("solde commercial", TradeMeasure::Balance),
    ("neraca perdagangan", TradeMeasure::Balance),
    ("superávit", TradeMeasure::Balance),
    ("superavit", TradeMeasure::Balance),
    ("déficit", TradeMeasure::Balance),
    ("défécit", TradeMeasure::Balance),
    ("excédent", TradeMeasure::Balance),
    ("saldo", TradeMeasure::Balance),
    ("avanzo", TradeMeasure::Balance),
    ("disavanzo", TradeMeasure::Balance),
    ("defisit", TradeMeasure::Balance),
    ("handelsbilanz", TradeMeasure::Balance),
    // re-exports (goods imported and sent on): a part of the exports in some reckonings
    ("reexportaciones", TradeMeasure::Exports),
    ("reexportações", TradeMeasure::Exports),
    ("réexportations", TradeMeasure::Exports),
    ("riesportazioni", TradeMeasure::Exports),
    ("reexports", TradeMeasure::Exports),
    ("exportaciones", TradeMeasure::Exports),
    ("exportación", TradeMeasure::Exports),
    ("exportações", TradeMeasure::Exports),
    ("exportação", TradeMeasure::Exports),
    ("exportations", TradeMeasure::Exports),
    ("esportazioni", TradeMeasure::Exports),
    ("ekspor", TradeMeasure::Exports),
    ("ausfuhren", TradeMeasure::Exports),
    ("ausfuhr", TradeMeasure::Exports),
    ("exporte", TradeMeasure::Exports),
    ("importaciones", TradeMeasure::Imports),
    ("importación", TradeMeasure::Imports),
    ("importações", TradeMeasure::Imports),
    ("importação", TradeMeasure::Imports),
    ("importations", TradeMeasure::Imports),
    ("importazioni", TradeMeasure::Imports),
    ("impor", TradeMeasure::Imports),
    ("einfuhren", TradeMeasure::Imports),
    ("einfuhr", TradeMeasure::Imports),
    ("importe", TradeMeasure::Imports),
    ("comercio bilateral", TradeMeasure::Turnover),
    ("intercambio", TradeMeasure::Turnover),
    ("intercambios comerciales", TradeMeasure::Turnover),
    ("intercambios", TradeMeasure::Turnover),
    ("comercio", TradeMeasure::Turnover),
    ("comércio", TradeMeasure::Turnover),
    ("commercio", TradeMeasure::Turnover),
    ("ventas", TradeMeasure::Exports),
    ("vendas", TradeMeasure::Exports),
    ("ventes", TradeMeasure::Exports),
    ("compras", TradeMeasure::Imports),
    ("achats", TradeMeasure::Imports),
    // the verbs ("Honduras vendió 133.7 millones ..., en cambio, erogó en comprar 611.8
    // millones")
    ("exportó", TradeMeasure::Exports),
    ("exportaron", TradeMeasure::Exports),
    ("exportou", TradeMeasure::Exports),
    ("exportaram", TradeMeasure::Exports),
    ("esportato", TradeMeasure::Exports),
    ("exporté", TradeMeasure::Exports),
    ("exportés", TradeMeasure::Exports),
    ("exportées", TradeMeasure::Exports),
    ("importé", TradeMeasure::Imports),
    ("importés", TradeMeasure::Imports),
    ("importées", TradeMeasure::Imports),
    ("vendió", TradeMeasure::Exports),
    ("vendieron", TradeMeasure::Exports),
    ("vendeu", TradeMeasure::Exports),
    ("importó", TradeMeasure::Imports),
    ("importaron", TradeMeasure::Imports),
    ("importou", TradeMeasure::Imports),
    ("importaram", TradeMeasure::Imports),
    ("importato", TradeMeasure::Imports),
    ("compró", TradeMeasure::Imports),
    ("compraron", TradeMeasure::Imports),
    ("comprar", TradeMeasure::Imports),
    ("comprou", TradeMeasure::Imports),
    ("adquirió", TradeMeasure::Imports),
    ("corrente de comércio", TradeMeasure::Turnover),
    ("comércio bilateral", TradeMeasure::Turnover),
    ("échanges", TradeMeasure::Turnover),
    ("nilai perdagangan", TradeMeasure::Turnover),
    ("perdagangan", TradeMeasure::Turnover),
    // Polish, Dutch, Turkish, Swedish, Danish (longer phrases first)
    ("wymiana handlowa", TradeMeasure::Turnover),
    ("wymiany handlowej", TradeMeasure::Turnover),
    ("obroty handlowe", TradeMeasure::Turnover),
    ("obrotów handlowych", TradeMeasure::Turnover),
    ("obroty", TradeMeasure::Turnover),
    ("eksport", TradeMeasure::Exports),
    ("eksportu", TradeMeasure::Exports),
    ("eksporcie", TradeMeasure::Exports),
    ("eksporten", TradeMeasure::Exports),
    ("importu", TradeMeasure::Imports),
    ("imporcie", TradeMeasure::Imports),
    ("invoer", TradeMeasure::Imports),
    ("ingevoerd", TradeMeasure::Imports),
    ("uitvoer", TradeMeasure::Exports),
    ("uitgevoerd", TradeMeasure::Exports),
    ("handelsoverschot", TradeMeasure::Balance),
    ("handelstekort", TradeMeasure::Balance),
    ("handelsbalans", TradeMeasure::Balance),
    ("handelsöverskott", TradeMeasure::Balance),
    ("handelsunderskott", TradeMeasure::Balance),
    ("handelsbalance", TradeMeasure::Balance),
    ("handelsoverskud", TradeMeasure::Balance),
    ("handelsunderskud", TradeMeasure::Balance),
    ("dış ticaret hacmi", TradeMeasure::Turnover),
    ("ticaret hacmi", TradeMeasure::Turnover),
    ("ticaret hacmiyse", TradeMeasure::Turnover),
    ("ihracat", TradeMeasure::Exports),
    ("ihracatı", TradeMeasure::Exports),
    ("ithalat", TradeMeasure::Imports),
    ("ithalatı", TradeMeasure::Imports),
    ("dış ticaret açığı", TradeMeasure::Balance),
    ("ticaret açığı", TradeMeasure::Balance),
    ("samhandel", TradeMeasure::Turnover),
    ("samhandelen", TradeMeasure::Turnover),
    ("handeln", TradeMeasure::Turnover),
    ("handelen", TradeMeasure::Turnover),
    ("handelsvolumen", TradeMeasure::Turnover),
    ("handelsumsatz", TradeMeasure::Turnover),
    // de, nl, pl, da: "der bilaterale Handel"
    ("handel", TradeMeasure::Turnover),
    ("warenaustausch", TradeMeasure::Turnover),
    ("außenhandelsumsatz", TradeMeasure::Turnover),
    ("warenverkehr", TradeMeasure::Turnover),
    // Russian, in the cases news text uses (the words inflect)
    ("внешнеторговый оборот", TradeMeasure::Turnover),
    ("внешнеторгового оборота", TradeMeasure::Turnover),
    ("товарооборот", TradeMeasure::Turnover),
    ("товарооборота", TradeMeasure::Turnover),
    ("товарооборотом", TradeMeasure::Turnover),
    ("товарообороту", TradeMeasure::Turnover),
    ("товарообороте", TradeMeasure::Turnover),
    ("торговля", TradeMeasure::Turnover),
    ("торговли", TradeMeasure::Turnover),
    ("оборот", TradeMeasure::Turnover),
    ("оборота", TradeMeasure::Turnover),
    ("экспорт", TradeMeasure::Exports),
    ("экспорта", TradeMeasure::Exports),
    ("экспортом", TradeMeasure::Exports),
    ("экспорту", TradeMeasure::Exports),
    ("экспорте", TradeMeasure::Exports),
    ("поставки", TradeMeasure::Exports),
    ("импорт", TradeMeasure::Imports),
    ("импорта", TradeMeasure::Imports),
    ("импортом", TradeMeasure::Imports),
    ("импорту", TradeMeasure::Imports),
    ("импорте", TradeMeasure::Imports),
    ("сальдо", TradeMeasure::Balance),
    ("профицит", TradeMeasure::Balance),
    ("профицита", TradeMeasure::Balance),
    ("дефицит", TradeMeasure::Balance),
    ("дефицита", TradeMeasure::Balance),
];

/// The measure a single word names, in any language the text is read in ("imports",
/// "importations", "importaciones").
pub fn measure_of_word(w: &str) -> Option<TradeMeasure> {
    MEASURE_WORDS
        .iter()
        .find(|(word, _)| *word == w)
        .map(|&(_, m)| m)
}

/// A measure word found in the text.
#[derive(Clone, Debug)]
pub struct MeasureWord {
    pub measure: TradeMeasure,
    pub tokens: Range<usize>,
}

/// The measure words of the text. "exports and imports" together, "two-way trade",
/// "trade surplus" are one word each.
pub fn measure_words(tokens: &[Token]) -> Vec<MeasureWord> {
    let mut out: Vec<MeasureWord> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // "re-exports" (a hyphen between, which is no token): one word, read as exports;
        // `figures` tells it apart by its "re".
        if tokens[i].text == "re"
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.text.starts_with("export") && t.start == tokens[i].end + 1)
        {
            out.push(MeasureWord {
                measure: TradeMeasure::Exports,
                tokens: i..i + 2,
            });
            i += 2;
            continue;
        }
        let found = MEASURE_WORDS.iter().find_map(|(w, m)| {
            let words: Vec<&str> = w.split_whitespace().collect();
            let fits = words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.text == *w));
            fits.then_some((*m, words.len()))
        });
        let Some((mut measure, mut n)) = found else {
            i += 1;
            continue;
        };
        // "exports and imports", "imports and exports": the turnover (one space apart:
        // "(1.4% of all services imports) and exported £8.2 billion" is two flows).
        let spaced = |j: usize| {
            tokens
                .get(j + 1)
                .is_some_and(|t| t.start <= tokens[j].end + 1)
        };
        let pair = |a: &str, b: &str| {
            spaced(i)
                && spaced(i + 1)
                && tokens.get(i).is_some_and(|t| t.text.starts_with(a))
                && tokens
                    .get(i + 1)
                    .is_some_and(|t| t.text == "and" || t.text == "plus")
                && tokens.get(i + 2).is_some_and(|t| t.text.starts_with(b))
        };
        if pair("export", "import") || pair("import", "export") {
            measure = TradeMeasure::Turnover;
            n = 3;
        }
        // "deficit in trade in goods", "balance of trade": the balance word said it.
        // ("an excess of exports over imports in trade with Switzerland")
        if measure == TradeMeasure::Turnover
            && i >= 2
            && matches!(tokens[i - 1].text.as_str(), "in" | "of")
            && (matches!(
                tokens[i - 2].text.as_str(),
                "deficit" | "surplus" | "balance" | "deficits" | "surpluses"
            ) || out
                .last()
                .is_some_and(|w| w.measure == TradeMeasure::Balance && w.tokens.end == i - 1))
        {
            i += n;
            continue;
        }
        // "trade surplus of", "surplus in trade": balance wins over trade.
        if measure == TradeMeasure::Turnover
            && tokens.get(i + 1).is_some_and(|t| {
                matches!(
                    t.text.as_str(),
                    "surplus" | "deficit" | "balance" | "gap" | "imbalance"
                )
            })
        {
            measure = TradeMeasure::Balance;
            n = 2;
        }
        // "trade in goods", "trade with": still trade; "trade war", "trade deal": no measure.
        if measure == TradeMeasure::Turnover
            && tokens.get(i + 1).is_some_and(|t| {
                matches!(
                    t.text.as_str(),
                    "war"
                        | "wars"
                        | "deal"
                        | "deals"
                        | "talks"
                        | "agreement"
                        | "agreements"
                        | "tensions"
                        | "dispute"
                        | "disputes"
                        | "policy"
                        | "minister"
                        | "ministry"
                        | "representative"
                        | "barriers"
                        | "pact"
                        | "partner"
                        | "partners"
                        | "partnership"
                        | "fair"
                        | "mission"
                        | "body"
                        | "office"
                        | "restrictions"
                        | "sanctions"
                        | "route"
                        | "routes"
                )
            })
        {
            i += n;
            continue;
        }
        out.push(MeasureWord {
            measure,
            tokens: i..i + n,
        });
        i += n;
    }
    out
}

/// A period said in the text, absolute ("January to March 2019") or relative ("the same
/// period last year").
#[derive(Clone, Debug, PartialEq)]
pub enum PeriodWords {
    /// Months, with the year if said.
    Absolute {
        year: Option<i32>,
        months: Option<(u8, u8)>,
    },
    /// One year before the period in focus ("a year earlier", "the same period of 2018"
    /// keeps the months and names the year).
    YearBefore,
    /// Years after the period in focus ("the following year", "a year later": one; "ten
    /// years later": ten): read as that year named outright.
    YearAfter { years: u8 },
    /// "the same period" as a comparison's base ("up 5% from the same period"): a year
    /// before, or the year named.
    SamePeriod { year: Option<i32> },
    /// "in / during / over the same period" not after a percentage or a comparison word:
    /// the period in focus itself ("imports totaling 11.7 billion euros over the same
    /// period").
    ThatPeriod,
    /// A run of months across two years ("October 2017 to June 2019"), a decade: no one
    /// period.
    Span,
    /// "the period under review", "the review period": the period the text reports on,
    /// the first it names (read as the period in focus when none is known).
    UnderReview,
    /// "last year" said plainly (not as a comparison's base): the year of the data when the
    /// period in focus is a whole year (a text published the next year), else a year before.
    LastYear,
    /// Months of the year before the one in focus: "the first quarter of the preceding
    /// year", "January-May of last year".
    MonthsYearBefore { months: (u8, u8) },
}

/// A period said at tokens `tokens`.
#[derive(Clone, Debug)]
pub struct PeriodMention {
    pub words: PeriodWords,
    pub tokens: Range<usize>,
    /// A fiscal year as the text names it ("2022-23", "fiscal 2017"): its year stands for
    /// the fiscal year in comparisons, and it is not looked up in calendar data.
    pub fiscal: Option<String>,
}

const PUBLICATION_VERBS: &[&str] = &[
    "provided",
    "published",
    "released",
    "reported",
    "announced",
    "said",
    "issued",
    "posted",
    "updated",
    "disclosed",
    "unveiled",
    "showed",
    "shown",
    "dated",
];

fn month_of(w: &str) -> Option<u8> {
    let w = w.trim_end_matches('.');
    MONTH_WORDS
        .iter()
        .position(|m| {
            *m == w
                || (w.len() >= 3 && m.starts_with(w) && w != "mar" || w == "mar" && *m == "march")
                    && w.len() >= 3
        })
        .map(|i| i as u8 + 1)
        .or_else(|| {
            FOREIGN_MONTHS
                .iter()
                .position(|names| names.contains(&w))
                .map(|i| i as u8 + 1)
        })
        .or_else(|| {
            // Russian months decline: "январь", "января", "январе".
            RUSSIAN_MONTH_STEMS
                .iter()
                .position(|stem| {
                    w.starts_with(stem) && w.chars().count() <= stem.chars().count() + 2
                })
                .map(|i| i as u8 + 1)
        })
}

/// The months in the other languages of the press the corpus holds (Spanish, Portuguese,
/// French, Italian, German, Dutch, Indonesian), whole words only.
const FOREIGN_MONTHS: [&[&str]; 12] = [
    &[
        "enero", "janeiro", "janvier", "gennaio", "januar", "januari",
    ],
    &[
        "febrero",
        "fevereiro",
        "février",
        "febbraio",
        "februar",
        "februari",
    ],
    &["marzo", "março", "mars", "märz", "maart", "maret"],
    &["abril", "avril", "aprile"],
    &["mayo", "maio", "mai", "maggio", "mei"],
    &["junio", "junho", "juin", "giugno", "juni"],
    &["julio", "julho", "juillet", "luglio", "juli"],
    &["agosto", "août", "augustus", "agustus"],
    &[
        "septiembre",
        "setiembre",
        "setembro",
        "septembre",
        "settembre",
    ],
    &["octubre", "outubro", "octobre", "ottobre", "oktober"],
    &["noviembre", "novembro", "novembre"],
    &[
        "diciembre",
        "dezembro",
        "décembre",
        "dicembre",
        "dezember",
        "desember",
    ],
];

/// Russian month stems, each followed by at most two letters of its case ending.
const RUSSIAN_MONTH_STEMS: [&str; 12] = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
];

/// A count of months or years in words or digits, one to twelve ("two", "11").
pub(super) fn number_word(w: &str) -> Option<u8> {
    Some(match w {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        // es, pt, fr, it, de, nl ("los primeros siete meses", "sept premiers mois")
        "dos" | "dois" | "deux" | "due" | "zwei" | "twee" => 2,
        "tres" | "três" | "trois" | "tre" | "drei" | "drie" => 3,
        "cuatro" | "quatro" | "quatre" | "quattro" | "vier" => 4,
        "cinco" | "cinq" | "cinque" | "fünf" | "vijf" => 5,
        "seis" | "sei" | "sechs" | "zes" => 6,
        "siete" | "sete" | "sept" | "sette" | "sieben" | "zeven" => 7,
        "ocho" | "oito" | "huit" | "otto" | "acht" => 8,
        "nueve" | "nove" | "neuf" | "neun" | "negen" => 9,
        "diez" | "dez" | "dix" | "dieci" | "zehn" | "tien" => 10,
        "onze" | "undici" | "elf" => 11,
        _ => w.parse().ok().filter(|n| (1..=12).contains(n))?,
    })
}

fn ordinal(w: &str) -> Option<u8> {
    Some(match w {
        "first" | "1st" | "initial" | "opening" | "primer" | "primero" | "primeros" | "primera"
        | "primeras" | "primeiro" | "primeiros" | "primeira" | "premier" | "premiers"
        | "première" | "premières" | "primo" | "primi" | "erste" | "ersten" | "eerste" => 1,
        "second" | "2nd" | "segundo" | "segunda" | "seconde" | "secondo" | "zweite" | "zweiten"
        | "tweede" => 2,
        "third" | "3rd" | "tercer" | "tercero" | "terceiro" | "troisième" | "terzo" | "dritte"
        | "dritten" | "derde" => 3,
        "fourth" | "4th" | "cuarto" | "quarto" | "quatrième" | "vierte" | "vierten" | "vierde" => {
            4
        }
        _ => return None,
    })
}

/// "months" in the languages of `number_word`.
fn months_word(w: &str) -> bool {
    matches!(
        w,
        "months" | "month" | "meses" | "mois" | "mesi" | "monate" | "monaten" | "maanden"
    )
}

/// "8M-22" at token `i`: (8, 2022) — the first eight months of 2022.
fn months_code(text: &str, tokens: &[Token], i: usize) -> Option<(u8, i32)> {
    let (n, m, y) = (tokens.get(i)?, tokens.get(i + 1)?, tokens.get(i + 2)?);
    let months: u8 = n.text.parse().ok().filter(|m| (1..=12).contains(m))?;
    let glued_dash = text.get(m.end..y.start) == Some("-");
    (n.is_number
        && m.text == "m"
        && n.end == m.start
        && glued_dash
        && y.is_number
        && y.text.len() == 2)
        .then(|| y.text.parse::<i32>().ok().map(|y| (months, 2000 + y)))
        .flatten()
}

fn year_of(t: &Token) -> Option<i32> {
    (t.is_number && t.text.len() == 4)
        .then(|| t.text.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// The periods said in `tokens[range]`, in order. Dates of publication ("provided in April
/// 2019", "said on March 5") and days ("April 5") are not periods of figures.
pub fn periods(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<PeriodMention> {
    let mut out = Vec::new();
    let w = |j: usize| -> &str {
        if range.contains(&j) {
            tokens[j].text.as_str()
        } else {
            ""
        }
    };
    // The year token `j` names, if any, inside the range.
    let year_at = |j: usize| {
        tokens
            .get(j)
            .filter(|_| range.contains(&j))
            .and_then(year_of)
    };
    // Whether the text says "this year" or "the current year" anywhere: months of "last
    // year" are then the year before the one in focus.
    let says_this_year = tokens
        .windows(2)
        .any(|p| matches!(p[0].text.as_str(), "this" | "current") && p[1].text == "year");
    let mut i = range.start;
    while i < range.end {
        let start = i;
        let mut months: Option<(u8, u8)> = None;
        // Whether `months` are named by month words ("July-December"), not counted ("the
        // first six months").
        let mut month_names = false;
        let mut year: Option<i32> = None;
        let mut end = i;
        let mut fiscal = None;
        // "in the previous year's same three months", "last year's same period": a year
        // before the months in focus.
        if matches!(w(i), "previous" | "last" | "past") {
            let same = match (w(i + 1), w(i + 2)) {
                ("year's", _) => Some(i + 2),
                ("year", "s") => Some(i + 3),
                _ => None,
            }
            .filter(|&j| w(j) == "same");
            if let Some(j) = same {
                let k = j + 1 + usize::from(number_word(w(j + 1)).is_some());
                if matches!(w(k), "period" | "months" | "quarter" | "month" | "time") {
                    out.push(PeriodMention {
                        words: PeriodWords::YearBefore,
                        tokens: start..k + 1,
                        fiscal: None,
                    });
                    i = k + 1;
                    continue;
                }
            }
        }
        // "the same period last year", "the same period of 2018", "a year earlier"
        // ("the similar period last year", "the comparative period last year")
        if (w(i) == "same"
            && matches!(w(i + 1), "period" | "months" | "quarter" | "time" | "month"))
            // ("the corresponding months of 2021-22")
            || (matches!(
                w(i),
                "corresponding" | "similar" | "comparative" | "comparable"
            ) && matches!(w(i + 1), "period" | "months"))
            // ("la même période en 2022", "el mismo período del año anterior", "o mesmo
            // período de 2022", "lo stesso periodo del 2021", "im gleichen Zeitraum")
            || (matches!(
                w(i),
                "même" | "mismo" | "misma" | "mesmo" | "mesma" | "stesso" | "stessa" | "gleichen"
            ) && matches!(
                w(i + 1),
                "période" | "período" | "periodo" | "lapso" | "zeitraum" | "trimestre" | "semestre"
            ))
        {
            // ("the same time span of 2022", "the same time frame")
            let mut j = if w(i + 1) == "time" && matches!(w(i + 2), "span" | "frame" | "period") {
                i + 3
            } else {
                i + 2
            };
            while matches!(
                w(j),
                "of" | "in"
                    | "a"
                    | "de"
                    | "del"
                    | "do"
                    | "da"
                    | "en"
                    | "em"
                    | "di"
                    | "des"
                    | "l"
                    | "année"
                    | "año"
                    | "ano"
                    | "anno"
            ) {
                j += 1;
            }
            if let Some(y) = tokens
                .get(j)
                .filter(|_| range.contains(&j))
                .and_then(year_of)
            {
                out.push(PeriodMention {
                    words: PeriodWords::SamePeriod { year: Some(y) },
                    tokens: start..j + 1,
                    fiscal: None,
                });
                i = j + 1;
                continue;
            }
            let (k, before) = relative_year(&w, j);
            out.push(PeriodMention {
                words: if before {
                    PeriodWords::YearBefore
                } else if during_the_period(tokens, range.start, start) {
                    PeriodWords::ThatPeriod
                } else {
                    PeriodWords::SamePeriod { year: None }
                },
                tokens: start..k,
                fiscal: None,
            });
            i = k;
            continue;
        }
        // "during the aforementioned period of 2021", "in the said period", "in the
        // observed period": the period in focus (of the year named).
        if matches!(
            w(i),
            "aforementioned" | "aforesaid" | "abovementioned" | "said" | "mentioned" | "observed"
        ) && w(i + 1) == "period"
        {
            let mut j = i + 2;
            while matches!(w(j), "of" | "in") {
                j += 1;
            }
            let year = tokens
                .get(j)
                .filter(|_| range.contains(&j))
                .and_then(year_of);
            out.push(PeriodMention {
                words: match year {
                    Some(y) => PeriodWords::SamePeriod { year: Some(y) },
                    None => PeriodWords::ThatPeriod,
                },
                tokens: start..if year.is_some() { j + 1 } else { i + 2 },
                fiscal: None,
            });
            i = if year.is_some() { j + 1 } else { i + 2 };
            continue;
        }
        // "during the period under review", "in the review period"
        let review = match (w(i), w(i + 1), w(i + 2)) {
            ("period", "under", "review" | "consideration") => Some(3),
            ("review" | "reporting", "period", _) => Some(2),
            _ => None,
        };
        if let Some(len) = review {
            // "over the reporting period of 2022": the year says which reviewed period.
            let of_year = w(i + len) == "of"
                && tokens
                    .get(i + len + 1)
                    .filter(|_| range.contains(&(i + len + 1)))
                    .and_then(year_of)
                    .is_some();
            let len = if of_year { len + 2 } else { len };
            out.push(PeriodMention {
                words: PeriodWords::UnderReview,
                tokens: start..i + len,
                fiscal: None,
            });
            i += len;
            continue;
        }
        if let Some((k, years)) = following_year(&w, i) {
            out.push(PeriodMention {
                words: PeriodWords::YearAfter { years },
                tokens: start..k,
                fiscal: None,
            });
            i = k;
            continue;
        }
        let (k, before) = relative_year(&w, i);
        if before {
            // "el año pasado", "l'an dernier", "o ano passado": "last year" in other words.
            let last = w(i) == "last"
                || matches!(
                    w(k - 1),
                    "pasado" | "passado" | "dernière" | "dernier" | "scorso"
                );
            let plain_last = last
                && !(i > range.start
                    && matches!(
                        tokens[i - 1].text.as_str(),
                        "from"
                            | "than"
                            | "with"
                            | "against"
                            | "over"
                            | "to"
                            | "versus"
                            | "con"
                            | "com"
                            | "a"
                            | "à"
                            | "frente"
                            | "contra"
                            | "contre"
                    ));
            out.push(PeriodMention {
                words: if plain_last {
                    PeriodWords::LastYear
                } else {
                    PeriodWords::YearBefore
                },
                tokens: start..k,
                fiscal: None,
            });
            i = k;
            continue;
        }
        // "during the last decade", "over the past ten years": many years.
        // ("within the next decade": the horizon of an aim, no period of the figures)
        if (matches!(w(i), "decade" | "decades")
            && !(i > 0 && matches!(w(i - 1), "next" | "coming")))
            || (matches!(w(i), "last" | "past")
                && number_word(w(i + 1)).is_some()
                && w(i + 2) == "years")
        {
            out.push(PeriodMention {
                words: PeriodWords::Span,
                tokens: start..i + 1,
                fiscal: None,
            });
            i += 1;
            continue;
        }
        // "first quarter", "Q1", "first half", "H1", "first 11 months", "January-March"
        if let Some(n) = ordinal(w(i)) {
            match w(i + 1) {
                "quarter" | "trimestre" | "trimester" | "quartal" if n <= 4 => {
                    months = Some((3 * n - 2, 3 * n));
                    end = i + 2;
                }
                // ("the first semester": the first half)
                "half" | "semester" | "semestre" | "moitié" | "mitad" | "metade" | "metà"
                | "hälfte" | "halbjahr"
                    if n <= 2 =>
                {
                    months = Some((6 * n - 5, 6 * n));
                    end = i + 2;
                }
                // ("el primer cuatrimestre": January to April)
                "cuatrimestre" | "quadrimestre" if n <= 3 => {
                    months = Some((4 * n - 3, 4 * n));
                    end = i + 2;
                }
                _ => {
                    if n == 1
                        && let Some(m) = number_word(w(i + 1)).filter(|_| months_word(w(i + 2)))
                    {
                        months = Some((1, m));
                        end = i + 3;
                    } else if n == 1
                        && let Some(q) = number_word(w(i + 1))
                            .filter(|q| (2..=3).contains(q) && w(i + 2) == "quarters")
                    {
                        // "the first three quarters": January to September.
                        months = Some((1, 3 * q));
                        end = i + 3;
                    }
                }
            }
        } else if let Some(m) = number_word(w(i)).filter(|m| (2..=11).contains(m))
            && ordinal(w(i + 1)) == Some(1)
            && months_word(w(i + 2))
        {
            // "los dos primeros meses del año", "les sept premiers mois de 2023"
            months = Some((1, m));
            end = i + 3;
        } else if matches!(w(i), "past" | "last")
            && let Some(m) = number_word(w(i + 1)).filter(|_| w(i + 2) == "months")
            && w(i + 3) == "of"
            && year_at(i + 4).is_some()
        {
            // "over the past seven months of 2018": the year's first seven months.
            months = Some((1, m));
            end = i + 3;
        } else if let Some(m) = number_word(w(i)).filter(|m| (2..=12).contains(m))
            && w(i + 1) == "months"
            && w(i + 2) == "of"
            && i > range.start
            && w(i - 1) == "the"
            && year_at(i + 3).is_some()
        {
            // "in the ten months of 2006": the year's first ten months.
            months = Some((1, m));
            end = i + 2;
        } else if let Some(m) = number_word(w(i)).filter(|m| (2..=11).contains(m))
            && matches!(
                w(i + 1),
                "miesięcy"
                    | "miesiącach"
                    | "maanden"
                    | "månader"
                    | "måneder"
                    | "ayında"
                    | "ay"
                    | "meses"
                    | "mois"
                    | "monaten"
                    | "mesi"
            )
            && (year_at(i + 2).is_some()
                || (matches!(w(i + 2), "of" | "de" | "del" | "do" | "van" | "z" | "des")
                    && year_at(i + 3).is_some()))
        {
            // "w okresie 10 miesięcy 2021 r.", "8 maanden van 2019", "los 7 meses de 2018":
            // the first months of the year named after the count.
            months = Some((1, m));
            end = i + 2;
        } else if matches!(w(i), "last" | "final")
            && matches!(w(i + 1), "quarter" | "half")
            && w(i + 2) == "of"
            && year_at(i + 3).is_some()
        {
            // "in the last quarter of 2020": the fourth quarter (with its year only; "last
            // quarter" alone is the one before).
            months = Some(if w(i + 1) == "quarter" {
                (10, 12)
            } else {
                (7, 12)
            });
            end = i + 2;
        } else if let Some((m, y)) =
            months_code(text, tokens, i).filter(|_| range.contains(&(i + 2)))
        {
            // "during 8M-22": the first eight months of 2022.
            months = Some((1, m));
            year = Some(y);
            end = i + 3;
        } else if matches!(w(i), "q1" | "q2" | "q3" | "q4")
            || (w(i) == "q"
                && tokens
                    .get(i + 1)
                    .is_some_and(|t| t.is_number && t.text.len() == 1 && t.start == tokens[i].end))
        {
            let n: u8 = if w(i).len() == 2 {
                w(i)[1..].parse().unwrap_or(1)
            } else {
                w(i + 1).parse().unwrap_or(1)
            };
            months = Some((3 * n - 2, 3 * n));
            end = if w(i).len() == 2 { i + 1 } else { i + 2 };
        } else if w(i) == "fy"
            && tokens.get(i + 1).is_some_and(|t| {
                range.contains(&(i + 1)) && t.is_number && matches!(t.text.len(), 2 | 4)
            })
            && !(tokens[i + 1].text.len() == 4 && year_of(&tokens[i + 1]).is_none())
            // ("FY 2020/21" is read with its two years below)
            && !tokens.get(i + 2).is_some_and(|t| {
                range.contains(&(i + 2))
                    && t.is_number
                    && text[tokens[i + 1].end..t.start].trim().len() == 1
                    && text[tokens[i + 1].end..t.start].contains(['-', '/', '–'])
            })
        {
            // "FY25", "FY 2025": a fiscal year named by the year it ends in — held, as
            // "FY2024/25" and "2024-25" are, under the year it starts in, so that "FY17"
            // and "FY2016/17" are one period.
            let t = &tokens[i + 1].text;
            let y: i32 = t.parse().unwrap_or(0);
            let y = if t.len() == 2 { 2000 + y } else { y };
            out.push(PeriodMention {
                words: PeriodWords::Absolute {
                    year: Some(y - 1),
                    months: None,
                },
                tokens: i..i + 2,
                fiscal: Some(format!("FY{t}")),
            });
            i += 2;
            continue;
        } else if matches!(w(i), "h1" | "h2")
            || (w(i) == "h"
                && tokens.get(i + 1).is_some_and(|t| {
                    matches!(t.text.as_str(), "1" | "2") && t.start == tokens[i].end
                }))
        {
            // "H1", also when read as "H" and "1" ("in H1 2024").
            let (n, len): (u8, usize) = if w(i).len() == 2 {
                (w(i)[1..].parse().unwrap_or(1), 1)
            } else {
                (w(i + 1).parse().unwrap_or(1), 2)
            };
            months = Some((6 * n - 5, 6 * n));
            end = i + len;
        } else if let Some(m) = month_of(w(i)).filter(|_| w(i).len() >= 3) {
            // A day next to a month is a date: "April 5", "5 April".
            let day_after = tokens
                .get(i + 1)
                .is_some_and(|t| range.contains(&(i + 1)) && t.is_number && t.text.len() <= 2);
            let day_before =
                i > range.start && tokens[i - 1].is_number && tokens[i - 1].text.len() <= 2;
            let mut last = m;
            let mut j = i + 1;
            // ("enero y abril", "janvier à mars", "Januar bis März", "с января по март")
            let to_word = |x: &str| {
                matches!(
                    x,
                    "to" | "through"
                        | "till"
                        | "until"
                        | "and"
                        | "y"
                        | "e"
                        | "et"
                        | "a"
                        | "al"
                        | "à"
                        | "au"
                        | "hasta"
                        | "até"
                        | "bis"
                        | "und"
                        | "por"
                        | "по"
                )
            };
            if to_word(w(j))
                || text[tokens[i].end..tokens.get(j).map_or(tokens[i].end, |t| t.start)]
                    .contains(['-', '–', '—'])
            {
                let k = if to_word(w(j)) { j + 1 } else { j };
                if let Some(m2) = month_of(w(k)).filter(|_| w(k).len() >= 3) {
                    last = m2;
                    j = k + 1;
                }
            }
            // "October 2017 to June 2019": across two years.
            let year_then = |k: usize| {
                tokens
                    .get(k)
                    .filter(|_| range.contains(&k))
                    .and_then(year_of)
            };
            if let (Some(y1), true) = (year_then(i + 1), to_word(w(i + 2)))
                && let (Some(m2), Some(y2)) = (
                    month_of(w(i + 3)).filter(|_| w(i + 3).len() >= 3),
                    year_then(i + 4),
                )
            {
                let _ = m2;
                if y2 != y1 {
                    out.push(PeriodMention {
                        words: PeriodWords::Span,
                        tokens: start..i + 5,
                        fiscal: None,
                    });
                    i += 5;
                    continue;
                }
            }
            // "July-June (2021-22)": a fiscal year, named by the years that follow.
            if last < m {
                i = j;
                continue;
            }
            // "Until September 30, 2022", "through June 2023", "up to May": the year to
            // that month (a date's day aside).
            let to_date = last == m
                && !day_before
                && i > range.start
                && (matches!(w(i - 1), "until" | "till" | "through")
                    || (i > range.start + 1 && w(i - 2) == "up" && w(i - 1) == "to"));
            if to_date {
                let k = if day_after { i + 2 } else { i + 1 };
                if let Some(y) = tokens
                    .get(k)
                    .filter(|_| range.contains(&k))
                    .and_then(year_of)
                {
                    out.push(PeriodMention {
                        words: PeriodWords::Absolute {
                            year: Some(y),
                            months: Some((1, m)),
                        },
                        tokens: start..k + 1,
                        fiscal: None,
                    });
                    i = k + 1;
                    continue;
                }
            }
            if (day_after && last == m) || day_before {
                // skip the date with its year
                let mut k = i + 1;
                while k < range.end && (tokens[k].is_number) {
                    k += 1;
                }
                i = k.max(i + 1);
                continue;
            }
            if last >= m {
                months = Some((m, last));
                month_names = true;
            }
            // "as of November 2021": the year to date; so is "at the end of February", "as
            // of mid-February", "a finales de febrero".
            let end_word = |x: &str| {
                matches!(
                    x,
                    "end" | "close" | "finales" | "fines" | "fin" | "final" | "fim" | "mid"
                )
            };
            let year_to_date = (i >= range.start + 2 && w(i - 2) == "as" && w(i - 1) == "of")
                // (not "year-end June 2022": the twelve months to June)
                || (i > range.start
                    && end_word(w(i - 1))
                    && !(i >= range.start + 2 && w(i - 2) == "year"))
                || (i >= range.start + 2 && matches!(w(i - 1), "of" | "de") && end_word(w(i - 2)));
            if last == m && year_to_date {
                months = Some((1, m));
            }
            end = j;
        }
        // a year after the months ("January to March of 2019", "first quarter of 2019")
        if months.is_some() {
            let mut j = end;
            // "the first half (H1) of 2017": the abbreviation in brackets says it again.
            if matches!(w(j), "h1" | "h2" | "q1" | "q2" | "q3" | "q4") {
                j += 1;
            } else if matches!(w(j), "h" | "q")
                && tokens
                    .get(j + 1)
                    .is_some_and(|t| t.is_number && t.text.len() == 1)
            {
                j += 2;
            }
            // "the first quarter of the preceding year", "January-May of last year": those
            // months a year before.
            let year_before = {
                let k = if w(j) == "of" { j + 1 } else { j };
                // "the first six months of the past year" reads as "of last year".
                let past = w(k) == "the" && w(k + 1) == "past" && w(k + 2) == "year";
                let (after, said) = if past {
                    (k + 3, true)
                } else {
                    relative_year(&w, k)
                };
                // Not "a year earlier" (a base's); nor "last year" in a text that never says
                // "this year": it is then said from the day of writing ("the third quarter of
                // last year" is 2019's in a text naming 2019-Q3).
                let from_writing = (w(k) == "last" || past) && !says_this_year;
                said.then_some(after)
                    .filter(|_| !matches!(w(k), "a" | "one") && !from_writing)
            };
            if let (Some(after), Some(m)) = (year_before, months) {
                out.push(PeriodMention {
                    words: PeriodWords::MonthsYearBefore { months: m },
                    tokens: start..after,
                    fiscal: None,
                });
                i = after.max(i + 1);
                continue;
            }
            // ("del año 2021", "de l'année 2021", "do ano de 2021")
            while matches!(
                w(j),
                "of" | "in"
                    | "this"
                    | "last"
                    | "de"
                    | "del"
                    | "do"
                    | "da"
                    | "di"
                    | "des"
                    | "du"
                    | "l"
                    | "année"
                    | "l'année"
                    | "dell'anno"
                    | "año"
                    | "ano"
                    | "anno"
                    | "jahres"
            ) {
                j += 1;
            }
            let fiscal_end = (w(j) == "fy")
                .then(|| {
                    tokens
                        .get(j + 1)
                        .filter(|t| range.contains(&(j + 1)) && t.is_number)
                })
                .flatten()
                .and_then(|t| match t.text.len() {
                    2 => t.text.parse::<i32>().ok().map(|y| 2000 + y),
                    4 => year_of(t),
                    _ => None,
                });
            if let Some(y) = tokens
                .get(j)
                .filter(|_| range.contains(&j))
                .and_then(year_of)
            {
                year = Some(y);
                end = j + 1;
            } else if let (Some(fy), Some((first, _)), true) = (fiscal_end, months, month_names) {
                // "July-December FY22": months of the fiscal year that ends in 2022 — July
                // to December of 2021 (a fiscal year named by its end, ending by June);
                // "January-March FY23" of 2023.
                year = Some(if first >= 7 { fy - 1 } else { fy });
                end = j + 2;
            } else if w(j) == "'"
                && let Some(t) = tokens.get(j + 1).filter(|t| {
                    range.contains(&(j + 1))
                        && t.is_number
                        && t.text.len() == 2
                        && t.start == tokens[j].end
                        && tokens[j].start == tokens[j - 1].end
                })
            {
                // "Q1'24": the year's last two digits after an apostrophe, glued.
                year = t.text.parse::<i32>().ok().map(|y| 2000 + y);
                end = j + 2;
            }
        } else if let Some(y) = tokens.get(i).and_then(year_of) {
            // "in the 5-year period — 2013-2017": a run of years, no one period (two years
            // in a row, "2016-2017", may be a fiscal year: below).
            let run_to = tokens
                .get(i + 1)
                .filter(|t| {
                    range.contains(&(i + 1))
                        && matches!(text[tokens[i].end..t.start].trim(), "-" | "–" | "—" | "/")
                })
                .and_then(year_of)
                .filter(|&y2| y2 > y + 1);
            if run_to.is_some() {
                out.push(PeriodMention {
                    words: PeriodWords::Span,
                    tokens: start..i + 2,
                    fiscal: None,
                });
                i += 2;
                continue;
            }
            // "2019", "FY2019"; not "$2019", not "2019 prices"
            year = Some(y);
            end = i + 1;
            // "2022-23", "2020/21", "FY2019", "fiscal 2017": a fiscal year.
            let next_year = tokens.get(i + 1).filter(|t| {
                range.contains(&(i + 1))
                    && t.is_number
                    && text[tokens[i].end..t.start].trim().len() == 1
                    && text[tokens[i].end..t.start].contains(['-', '/', '–'])
                    && (t.text.parse::<i32>().ok() == Some((y + 1) % 100)
                        || t.text.parse::<i32>().ok() == Some(y + 1))
            });
            let named_fiscal = (i > range.start
                && matches!(tokens[i - 1].text.as_str(), "fiscal" | "fy"))
                || (i > range.start + 1
                    && tokens[i - 1].text == "year"
                    && tokens[i - 2].text == "fiscal");
            if next_year.is_some() {
                fiscal = Some(format!("FY{y}/{:02}", (y + 1) % 100));
                end = i + 2;
            } else if named_fiscal {
                fiscal = Some(format!("FY{y}"));
            }
            // "2023H1", "2022H2's", "2024Q3": the half or quarter glued to its year.
            let glued = |k: usize| {
                tokens
                    .get(k)
                    .is_some_and(|t| range.contains(&k) && t.start == tokens[k - 1].end)
            };
            if glued(i + 1) && glued(i + 2) && matches!(w(i + 1), "h" | "q") {
                let n: u8 = w(i + 2).parse().unwrap_or(0);
                match (w(i + 1), n) {
                    ("h", 1..=2) => {
                        months = Some((6 * n - 5, 6 * n));
                        end = i + 3;
                    }
                    ("q", 1..=4) => {
                        months = Some((3 * n - 2, 3 * n));
                        end = i + 3;
                    }
                    _ => {}
                }
            }
            // "the 2019 first quarter"
            if let Some(n) = ordinal(w(i + 1)) {
                if w(i + 2) == "quarter" && n <= 4 {
                    months = Some((3 * n - 2, 3 * n));
                    end = i + 3;
                } else if w(i + 2) == "half" && n <= 2 {
                    months = Some((6 * n - 5, 6 * n));
                    end = i + 3;
                }
            }
        }
        if months.is_none() && year.is_none() {
            i += 1;
            continue;
        }
        // "for the first time since 2005", "since 2015": no period of a figure.
        // ("since 2001, when the total trade was a meager $252 million": that year's.)
        // ("desde 2019, año en que ... un superávit de 328 millones")
        let when_follows = {
            let rest = text[tokens[end.max(start + 1) - 1].end..]
                .trim_start()
                .trim_start_matches(',')
                .trim_start()
                .to_lowercase();
            [
                "when ",
                "cuando ",
                "año en que",
                "quand ",
                "lorsque ",
                "année où",
                "quando ",
                "ano em que",
                "anno in cui",
                "als ",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
        };
        // ("depuis le début 2009", "desde 2015", "seit 2010")
        // (not the "since" of a reason: "since in 2017 Central American exports ...")
        let since = !when_follows
            && (start.saturating_sub(4).max(range.start)..start).any(|j| {
                matches!(
                    tokens[j].text.as_str(),
                    "since" | "depuis" | "desde" | "seit"
                ) && !matches!(
                    tokens.get(j + 1).map(|t| t.text.as_str()),
                    Some("in" | "during" | "on" | "for")
                )
            });
        // "by 2030" is a deadline — but "to just SR3.5 billion ($933 million) by 2005" is
        // when the amount right before it was reached.
        // (Not in a sentence about the future: "to increase trade to €20 billion by 2012".)
        let future = range.clone().any(|j| {
            matches!(
                tokens[j].text.as_str(),
                "will"
                    | "would"
                    | "should"
                    | "could"
                    | "target"
                    | "targets"
                    | "aim"
                    | "aims"
                    | "goal"
                    | "plan"
                    | "plans"
                    | "commitment"
                    | "expected"
                    | "hope"
                    | "increase"
                    | "double"
                    | "boost"
                    | "reach"
            )
        });
        let after_amount = start > range.start + 1
            && !future
            && (tokens[start - 2].is_number
                || matches!(
                    tokens[start - 2].text.as_str(),
                    "million" | "billion" | "trillion" | "bn" | "mn" | "m" | "b"
                ));
        if since
            || (start > range.start
                && matches!(tokens[start - 1].text.as_str(), "until" | "by")
                && !(tokens[start - 1].text == "by" && after_amount))
        {
            i = end.max(i + 1);
            continue;
        }
        // ("TURKSTAT data showed in 2012, Bangladesh exported ...": a year that opens the
        // clause after it dates that clause.)
        let opens_clause =
            months.is_none() && text[tokens[end.max(start + 1) - 1].end..].starts_with(',');
        if publication_date(tokens, range.start, start) && !opens_clause {
            i = end.max(i + 1);
            continue;
        }
        out.push(PeriodMention {
            words: PeriodWords::Absolute { year, months },
            tokens: start..end,
            fiscal,
        });
        i = end.max(i + 1);
    }
    out
}

/// "last year", "a year earlier", "the previous year", "a year ago", "the year before":
/// the token after them and whether they were there.
fn relative_year<'a>(w: &dyn Fn(usize) -> &'a str, i: usize) -> (usize, bool) {
    let seqs: [&[&str]; 31] = [
        // es, pt, fr, it: "el año pasado", "del año anterior", "o ano passado",
        // "l'année dernière", "l'an dernier", "l'année précédente", "l'anno scorso".
        &["el", "año", "pasado"],
        &["año", "pasado"],
        &["el", "año", "anterior"],
        &["año", "anterior"],
        &["o", "ano", "passado"],
        &["ano", "passado"],
        &["ano", "anterior"],
        &["l'année", "dernière"],
        &["l'an", "dernier"],
        &["l'année", "précédente"],
        &["l'anno", "scorso"],
        // de: "im Vorjahr", "des Vorjahres", "im Vorjahreszeitraum"
        &["vorjahr"],
        &["vorjahres"],
        &["vorjahreszeitraum"],
        &["vorjahreszeitraums"],
        &["last", "year"],
        &["last", "fiscal"],
        &["last", "financial", "year"],
        &["a", "year", "earlier"],
        &["a", "year", "ago"],
        &["a", "year", "before"],
        &["the", "previous", "year"],
        &["previous", "year"],
        &["the", "year", "before"],
        &["prior", "year"],
        &["the", "prior", "year"],
        &["one", "year", "earlier"],
        &["the", "preceding", "year"],
        &["preceding", "year"],
        // "the initial 7 months of the year prior"
        &["the", "year", "prior"],
        &["year", "prior"],
    ];
    match words_at(w, i, &seqs) {
        Some(k) => (k, true),
        None => (i, false),
    }
}

/// The token after the first of `seqs` said at token `i`, if one is.
fn words_at<'a>(w: &dyn Fn(usize) -> &'a str, i: usize, seqs: &[&[&str]]) -> Option<usize> {
    seqs.iter()
        .find(|s| s.iter().enumerate().all(|(k, x)| w(i + k) == *x))
        .map(|s| i + s.len())
}

/// "the following year", "a year later", "the year after": the token after them, and one
/// year; "ten years later", "a decade later": so many years. ("next year" is left out: in
/// news it is the year to come.)
fn following_year<'a>(w: &dyn Fn(usize) -> &'a str, i: usize) -> Option<(usize, u8)> {
    if w(i + 1) == "years"
        && w(i + 2) == "later"
        && let Some(n) = number_word(w(i)).filter(|&n| n >= 2)
    {
        return Some((i + 3, n));
    }
    if let Some(k) = words_at(w, i, &[&["a", "decade", "later"]]) {
        return Some((k, 10));
    }
    let seqs: [&[&str]; 9] = [
        &["the", "following", "year"],
        &["the", "subsequent", "year"],
        &["a", "year", "later"],
        &["one", "year", "later"],
        &["the", "year", "after"],
        &["el", "año", "siguiente"],
        &["l'année", "suivante"],
        &["o", "ano", "seguinte"],
        &["l'anno", "successivo"],
    ];
    words_at(w, i, &seqs).map(|k| (k, 1))
}

/// Whether the period at `at` is a date of publication: a publication verb shortly before
/// it ("provided in April 2019", "data released on").
fn publication_date(tokens: &[Token], floor: usize, at: usize) -> bool {
    // "She said trade in August accounted for …": a measure between the verb and the
    // date makes it the measure's period, not when it was said.
    (at.saturating_sub(3).max(floor)..at).any(|j| {
        PUBLICATION_VERBS.contains(&tokens[j].text.as_str())
            && !tokens[j + 1..at]
                .iter()
                .any(|t| MEASURE_WORDS.iter().any(|(w, _)| *w == t.text))
    }) && at > 0
        && matches!(tokens[at - 1].text.as_str(), "in" | "on" | "since")
}

/// The period `words` name, given the period in focus.
pub fn period_of(words: &PeriodWords, focus: Option<Period>) -> Option<Period> {
    match words {
        PeriodWords::Absolute { year, months } => {
            let year = year.or(focus.map(|f| f.year))?;
            let (a, b) = months.unwrap_or((1, 12));
            Period::new(year, a, b).ok()
        }
        PeriodWords::YearBefore => focus?.year_before(),
        PeriodWords::YearAfter { years } => {
            let f = focus?;
            Period::new(f.year + i32::from(*years), f.first_month, f.last_month).ok()
        }
        PeriodWords::Span => None,
        PeriodWords::LastYear => {
            let f = focus?;
            if f.months() == 12 {
                Some(f)
            } else {
                f.year_before()
            }
        }
        PeriodWords::ThatPeriod | PeriodWords::UnderReview => focus,
        PeriodWords::MonthsYearBefore { months: (a, b) } => {
            Period::new(focus?.year - 1, *a, *b).ok()
        }
        PeriodWords::SamePeriod { year } => {
            let f = focus?;
            match year {
                Some(y) => Period::new(*y, f.first_month, f.last_month).ok(),
                None => f.year_before(),
            }
        }
    }
}

/// True when "the same period" starting at token `same` is when something happened ("in
/// the same period", "imports totaling 11.7 billion euros over the same period"), not what
/// it is compared with ("from the same period", "than in the same period", "against $3
/// billion in the same period", "10% over the same period").
fn during_the_period(tokens: &[Token], first: usize, same: usize) -> bool {
    let before = |n: usize| {
        same.checked_sub(n)
            .filter(|j| *j >= first)
            .map_or("", |j| tokens[j].text.as_str())
    };
    let skip = usize::from(matches!(
        before(1),
        "the" | "that" | "this" | "la" | "el" | "o" | "lo" | "le" | "il" | "im"
    ));
    let (lead, ahead) = (before(1 + skip), before(2 + skip));
    let percent = matches!(ahead, "percent" | "cent" | "pct" | "points")
        || ahead.ends_with('%')
        || ahead.starts_with(|c: char| c.is_ascii_digit());
    // ("Polish imports from India were $394 million in the same period": "from" a place is
    // no comparison; "from $3 billion in the same period" is.)
    let from_amount = |n: usize| {
        let next = before(n - 1);
        next.starts_with(|c: char| !c.is_alphabetic()) || next.len() <= 3
    };
    let compared = (2 + skip..8 + skip).any(|n| match before(n) {
        "from" => from_amount(n),
        w => matches!(w, "than" | "against" | "compared" | "versus" | "vs" | "vs."),
    });
    // ("importou no mesmo período", "sur la même période", "durante el mismo período")
    let during = matches!(
        lead,
        "in" | "during"
            | "within"
            | "over"
            | "no"
            | "na"
            | "en"
            | "em"
            | "durante"
            | "sur"
            | "dans"
            | "pendant"
            | "nello"
            | "nel"
            | "im"
    );
    during && !percent && !compared
}

/// Which clause of `clauses` holds token `t`.
pub fn clause_of(clauses: &[Range<usize>], tokens: &[Token], t: usize) -> Option<usize> {
    index_of(clauses, tokens[t].start)
}
