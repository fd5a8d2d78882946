//! Country and region identities. Two spellings of the same economy must select the same
//! rows; this module decides what "the same" means.

/// The key under which an economy's rows are grouped and selected: the code or name as
/// written, trimmed, with inner spaces collapsed and letters in upper case, so that `prk`,
/// `PRK` and ` PRK ` are one economy.
pub fn economy_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_spacing() {
        assert_eq!(economy_key(" prk "), "PRK");
        assert_eq!(economy_key("North   Korea"), economy_key("north korea"));
        assert_ne!(economy_key("RU-FE"), economy_key("RUS"));
    }
}

/// Partner or reporter codes and names that stand for a group, not one economy: the world,
/// continents and unions, "areas not elsewhere specified". They are never added to country
/// figures, and shares over partners leave them out unless asked.
const AGGREGATES: &[&str] = &[
    "WLD",
    "W00",
    "WORLD",
    "0",
    "000",
    "ALL",
    "ALL PARTNERS",
    "EU",
    "EU27",
    "EU28",
    "EUN",
    "EUROPEAN UNION",
    "EURO AREA",
    "EMU",
    "AFRICA",
    "ASIA",
    "EUROPE",
    "AMERICAS",
    "OCEANIA",
    "AREAS NES",
    "OTHER ASIA, NES",
    "OTHER ASIA NES",
    "_X",
    "X1",
    "XX",
    "ZZ",
    "NES",
];

pub fn is_aggregate(name: &str) -> bool {
    let key = economy_key(name);
    AGGREGATES.contains(&key.as_str()) || key.ends_with(" NES") || key.contains("AREAS NES")
}

/// The world as a partner or reporter: all economies together.
pub fn is_world(name: &str) -> bool {
    matches!(
        economy_key(name).as_str(),
        "WLD" | "W00" | "WORLD" | "0" | "000" | "ALL" | "ALL PARTNERS"
    )
}

#[cfg(test)]
mod aggregate_tests {
    use super::*;

    #[test]
    fn aggregates_are_recognised() {
        assert!(is_world("World") && is_world("wld") && is_world("0"));
        assert!(is_aggregate("Euro Area") && is_aggregate("Other Asia, nes"));
        assert!(!is_aggregate("PRK") && !is_aggregate("Korea, Dem. People's Rep."));
    }
}
