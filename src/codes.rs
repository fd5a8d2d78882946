//! Country and region identities. Two spellings of the same economy must select the same
//! rows: `PRK`, `KP`, `408`, "Korea, Dem. People's Rep. of" and "North Korea" are one
//! economy. The table is data/countries.csv (built in); a spelling not in it is kept as
//! written (upper-cased, spaces collapsed) and the caller may warn.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/countries.csv");

/// One economy (or group) of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Economy {
    /// The canonical id: ISO alpha-3, or a region/group code (RU-FE, WLD, _NES).
    pub id: String,
    pub iso2: String,
    pub m49: String,
    /// UN Comtrade's own numeric code where it differs from M49 (842 for the United States).
    pub comtrade: String,
    pub name: String,
    pub aggregate: bool,
}

struct Table {
    economies: Vec<Economy>,
    by_key: HashMap<String, usize>,
}

/// Lower case, accents folded, `&` → and, punctuation dropped, spaces collapsed: the form
/// spellings are compared in.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Lower case first, so that capitals with accents (Í, É, Ô) fold like the rest.
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '&' => {
                out.push_str(" and ");
                continue;
            }
            '…' => '.',
            c => c,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c == '-' || c == '_' || c.is_whitespace() || c == ',' || c == '(' || c == ')' {
            out.push(' ');
        }
        // other punctuation (. ' ") is dropped
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Numeric codes compare without leading zeros ("004" = "4").
fn numeric(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())).then(|| {
        let s = t.trim_start_matches('0');
        if s.is_empty() {
            "0".to_string()
        } else {
            s.to_string()
        }
    })
}

fn table() -> &'static Table {
    static TABLE_CELL: OnceLock<Table> = OnceLock::new();
    TABLE_CELL.get_or_init(|| {
        let mut economies = Vec::new();
        let mut by_key = HashMap::new();
        let mut reader = csv::Reader::from_reader(TABLE.as_bytes());
        for row in reader.records().flatten() {
            let field = |i: usize| row.get(i).unwrap_or("").to_string();
            let index = economies.len();
            let economy = Economy {
                id: field(0),
                iso2: field(1),
                m49: field(2),
                comtrade: field(3),
                name: field(4),
                aggregate: field(5) == "1",
            };
            let mut keys = vec![normalise(&economy.id), normalise(&economy.name)];
            if !economy.iso2.is_empty() {
                keys.push(normalise(&economy.iso2));
            }
            for code in [field(2), field(3)] {
                if let Some(n) = numeric(&code) {
                    keys.push(format!("#{n}"));
                }
            }
            keys.extend(
                field(6)
                    .split(';')
                    .filter(|a| !a.trim().is_empty())
                    .map(normalise),
            );
            for key in keys {
                // The first entry keeps a key: codes are listed before aliases that reuse them.
                by_key.entry(key).or_insert(index);
            }
            economies.push(economy);
        }
        Table { economies, by_key }
    })
}

/// Qualifiers the IMF and others append to names ("Armenia, Rep. of"); tried off when a
/// spelling is not in the table as written.
const QUALIFIERS: [&str; 14] = [
    " kingdom of the netherlands",
    " the federal dem rep of",
    " rep bolivariana de",
    " federated states of",
    " islamic rep of",
    " united rep of",
    " the state of",
    " union of the",
    " arab rep of",
    " republic of",
    " kingdom of",
    " rep of the",
    " rep of",
    " the",
];

/// The code UN Comtrade identifies an economy by: its own code where it has one (842 for
/// the United States), else M49; 0 for the world.
pub fn comtrade_code(text: &str) -> crate::Result<i32> {
    let t = text.trim();
    if let Ok(n) = t.parse::<i32>() {
        return Ok(n);
    }
    if is_world(t) || t.eq_ignore_ascii_case("WLD") {
        return Ok(0);
    }
    lookup(t)
        .and_then(|e| {
            if e.comtrade.is_empty() {
                e.m49.parse().ok()
            } else {
                e.comtrade.parse().ok()
            }
        })
        .ok_or_else(|| crate::Error::NoNumericCode(t.to_string()))
}

/// The economy a spelling stands for, if the table knows it.
/// The numeric (M49) code of an economy given by code or name, as BACI identifies them.
pub fn m49_code(text: &str) -> crate::Result<i32> {
    if let Ok(n) = text.trim().parse::<i32>() {
        return Ok(n);
    }
    lookup(text)
        .and_then(|e| e.m49.parse::<i32>().ok())
        .ok_or_else(|| crate::Error::NoNumericCode(text.to_string()))
}

pub fn lookup(text: &str) -> Option<&'static Economy> {
    let t = table();
    let key = match numeric(text) {
        Some(n) => format!("#{n}"),
        None => normalise(text),
    };
    if let Some(i) = t.by_key.get(&key) {
        return t.economies.get(*i);
    }
    QUALIFIERS.iter().find_map(|q| {
        key.strip_suffix(q)
            .and_then(|base| t.by_key.get(base))
            .and_then(|i| t.economies.get(*i))
    })
}

/// The key under which an economy's rows are grouped and selected: the table's id when
/// the spelling is known, else the text upper-cased with spaces collapsed.
pub fn economy_key(text: &str) -> String {
    match lookup(text) {
        Some(e) => e.id.clone(),
        None => text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_uppercase(),
    }
}

/// The name to print: the table's, or the text as written.
pub fn display_name(text: &str) -> String {
    lookup(text).map_or_else(|| text.trim().to_string(), |e| e.name.clone())
}

/// "North Korea (PRK)" for tables; just the text when the table does not know it.
pub fn label(text: &str) -> String {
    match lookup(text) {
        Some(e) if !e.id.starts_with('_') => format!("{} ({})", e.name, e.id),
        Some(e) => e.name.clone(),
        None => text.trim().to_string(),
    }
}

/// Whether the spelling is known to the table.
pub fn is_known(text: &str) -> bool {
    lookup(text).is_some()
}

/// Groups — the world, continents, unions, "areas nes" — that are never added to
/// countries, and shares over partners leave them out unless asked.
pub fn is_aggregate(name: &str) -> bool {
    match lookup(name) {
        Some(e) => e.aggregate,
        None => {
            let n = normalise(name);
            n.ends_with(" nes") || n.contains("not specified") || n.contains("not elsewhere")
        }
    }
}

/// The European Union's 27 members (ISO 3166 alpha-3).
const EU_MEMBERS: &[&str] = &[
    "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
    "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP",
    "SWE",
];

/// Whether `member` is a member of group `group` (the European Union, the world): a pair of
/// a group and one of its members trades with itself.
pub fn is_member(member: &str, group: &str) -> bool {
    let (Some(m), Some(g)) = (lookup(member), lookup(group)) else {
        return false;
    };
    match g.id.as_str() {
        "EUN" => EU_MEMBERS.contains(&m.id.as_str()),
        "WLD" => m.id != "WLD",
        _ => false,
    }
}

/// The world as a partner or reporter: all economies together.
pub fn is_world(name: &str) -> bool {
    lookup(name).is_some_and(|e| e.id == "WLD")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_north_korea_is_one_economy() {
        for s in [
            "PRK",
            "prk",
            " KP ",
            "408",
            "North Korea",
            "DPRK",
            "Korea, Dem. People's Rep. of",
            "Korea, Dem. People's Rep.",
            "Dem. People's Rep. of Korea",
            "Korea, Democratic People's Republic of",
        ] {
            assert_eq!(economy_key(s), "PRK", "{s}");
        }
        assert_eq!(economy_key("Korea, Rep. of"), "KOR");
        assert_eq!(display_name("408"), "North Korea");
        assert_eq!(label("kp"), "North Korea (PRK)");
    }

    /// Names seen in a Comtrade+ extract of China's trade with Portuguese-speaking
    /// countries, and French ones, with capitals and accents in any case.
    #[test]
    fn portuguese_and_french_names() {
        for (name, id) in [
            ("Moçambique", "MOZ"),
            ("Guiné-Bissau", "GNB"),
            ("Guiné Equatorial", "GNQ"),
            ("São Tomé e Príncipe", "STP"),
            ("Brasil", "BRA"),
            ("Guinée équatoriale", "GNQ"),
            ("GUINÉE ÉQUATORIALE", "GNQ"),
            ("Índia", "IND"),
            ("Côte d'Ivoire", "CIV"),
            ("République démocratique du Congo", "COD"),
            ("Sénégal", "SEN"),
            ("États-Unis", "USA"),
        ] {
            assert_eq!(economy_key(name), id, "{name}");
        }
        // Guinea, Guinea-Bissau and Equatorial Guinea stay three economies.
        assert_eq!(economy_key("Guinée"), "GIN");
        assert_eq!(economy_key("Guinée-Bissau"), "GNB");
    }

    #[test]
    fn comtrade_codes_and_imf_names() {
        assert_eq!(economy_key("842"), "USA");
        assert_eq!(economy_key("840"), "USA");
        assert_eq!(economy_key("251"), "FRA");
        assert_eq!(economy_key("699"), "IND");
        assert_eq!(economy_key("004"), "AFG");
        assert_eq!(economy_key("4"), "AFG");
        assert_eq!(economy_key("China, P.R.: Mainland"), "CHN");
        assert_eq!(economy_key("Armenia, Rep. of"), "ARM");
        assert_eq!(economy_key("Bahamas, The"), "BHS");
        assert_eq!(economy_key("Côte d'Ivoire"), "CIV");
        assert_eq!(economy_key("Cote d'Ivoire"), "CIV");
        assert_eq!(economy_key("Congo, Dem. Rep. of the"), "COD");
        assert_eq!(economy_key("Congo, Rep. of"), "COG");
        assert_eq!(economy_key("Fed. Rep. of Germany (...1990)"), "DEU-W");
        assert_eq!(economy_key("280"), "DEU-W");
        assert_eq!(economy_key("810"), "SUN");
    }

    #[test]
    fn unknown_spellings_are_kept() {
        assert_eq!(economy_key(" Atlantis  Isles "), "ATLANTIS ISLES");
        assert!(!is_known("Atlantis"));
        assert_eq!(display_name("Atlantis"), "Atlantis");
        assert_eq!(economy_key("RU-FE"), "RU-FE");
        assert_eq!(display_name("ru-fe"), "Russian Far East");
    }

    #[test]
    fn aggregates_are_recognised() {
        assert!(is_world("World") && is_world("wld") && is_world("0") && is_world("W00"));
        for a in [
            "Euro Area",
            "Other Asia, nes",
            "European Union",
            "Areas, nes",
            "Africa not specified",
            "Advanced Economies",
        ] {
            assert!(is_aggregate(a), "{a}");
        }
        assert!(!is_aggregate("PRK") && !is_aggregate("Korea, Dem. People's Rep."));
        assert!(!is_aggregate("Taiwan Province of China"));
    }
}

const HS2: &str = include_str!("../data/hs2.csv");

/// The short title of an HS chapter ("27" → "Mineral fuels, oils"), written for tradestat.
pub fn hs2_title(chapter: &str) -> Option<&'static str> {
    static TITLES: OnceLock<HashMap<String, String>> = OnceLock::new();
    let titles = TITLES.get_or_init(|| {
        let mut reader = csv::Reader::from_reader(HS2.as_bytes());
        reader
            .records()
            .flatten()
            .filter_map(|r| Some((r.get(0)?.to_string(), r.get(1)?.to_string())))
            .collect()
    });
    titles.get(chapter.get(..2)?).map(String::as_str)
}

/// A commodity for a legend or table: "27 Mineral fuels, oils", "2709 (27 Mineral fuels,
/// oils)", or the label as written.
pub fn product_label(c: &crate::model::Commodity) -> String {
    use crate::model::Commodity;
    match c {
        Commodity::Hs(code) if code.len() == 2 => match hs2_title(code) {
            Some(t) => format!("{code} {t}"),
            None => code.clone(),
        },
        Commodity::Hs(code) => match hs2_title(code) {
            Some(t) => format!("{code} (ch. {} {t})", &code[..2]),
            None => code.clone(),
        },
        other => other.code().to_string(),
    }
}

#[cfg(test)]
mod product_tests {
    use super::*;
    use crate::model::Commodity;

    #[test]
    fn chapter_titles() {
        assert_eq!(hs2_title("27"), Some("Mineral fuels, oils"));
        assert_eq!(hs2_title("77"), None);
        assert_eq!(
            product_label(&Commodity::Hs("27".into())),
            "27 Mineral fuels, oils"
        );
        assert_eq!(
            product_label(&Commodity::Hs("270900".into())),
            "270900 (ch. 27 Mineral fuels, oils)"
        );
        assert_eq!(
            product_label(&Commodity::Label("oil products".into())),
            "oil products"
        );
        let count = HS2.lines().count() - 1;
        assert_eq!(count, 97, "97 chapters: 01–97 without 77, and 99");
    }
}
