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
