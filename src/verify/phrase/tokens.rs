//! Tokens of a text: words, numbers and symbols with their byte spans, and finding words
//! among them (used by extraction too).

/// A word or number of a text, with its byte span (used by extraction too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub is_number: bool,
}

/// French and Italian words elided before a vowel: "d'", "l'", "qu'", "dell'".
const ELISIONS: &[&str] = &[
    "d", "l", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "dell", "all",
    "nell", "sull", "dall", "un", "quell", "dov", "po",
];

/// Splits lower-cased text into words, numbers ("1,028.5") and symbols ($ € ¥ £ %, and
/// every sign of Unicode's currency block: ₩ ₹ ₦ ₱ ₺ ₽ ...),
/// keeping spans. Letters glued to digits are split ("cny1.42" → cny 1.42, "1.53bn" → 1.53
/// bn); up to three letters glued to a dollar or cedi sign stay one word ("us$", "c$",
/// "nz$", "gh¢").
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_ascii_digit() {
            let mut j = i;
            // Digits since the last separator, and whether a decimal point or comma was seen.
            let mut group = 0;
            let mut separated = false;
            while j < chars.len() {
                let ch = chars[j].1;
                let digit = |k: usize| chars.get(k).is_some_and(|n| n.1.is_ascii_digit());
                let next_digit = digit(j + 1);
                if ch.is_ascii_digit() {
                    group += 1;
                    j += 1;
                } else if (ch == ',' || ch == '.') && next_digit {
                    group = 0;
                    separated = true;
                    j += 1;
                } else if (ch == ' ' || ch == '\u{202f}')
                    && !separated
                    && (1..=3).contains(&group)
                    && digit(j + 1)
                    && digit(j + 2)
                    && digit(j + 3)
                    && !digit(j + 4)
                {
                    // "$ 1 246.7 million", "1 700.0 mln": thousands grouped by spaces (one
                    // to three digits, then groups of three).
                    group = 0;
                    j += 1;
                } else {
                    break;
                }
            }
            tokens.push(Token {
                text: text[start..end_of(j)].to_string(),
                start,
                end: end_of(j),
                is_number: true,
            });
            i = j;
        } else if c.is_alphabetic() || c == '\'' {
            let mut j = i;
            let mut elided = false;
            while j < chars.len() && (chars[j].1.is_alphabetic() || chars[j].1 == '\'') {
                // "d'euros", "l'Espagne", "dell'Italia": a French or Italian elision is a
                // word of its own, as with a typographic apostrophe ("d’euros").
                if chars[j].1 == '\''
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic())
                    && ELISIONS.contains(&text[start..chars[j].0].to_lowercase().as_str())
                {
                    elided = true;
                    break;
                }
                j += 1;
            }
            // A dollar sign glued to letters names the dollar: "US$", "C$", "NZ$"; so do
            // the cedi's signs: "GH¢", "GH₵".
            if j - i <= 3 && chars.get(j).is_some_and(|n| matches!(n.1, '$' | '¢' | '₵')) {
                j += 1;
            }
            tokens.push(Token {
                text: text[start..end_of(j)].to_lowercase(),
                start,
                end: end_of(j),
                is_number: false,
            });
            i = j + usize::from(elided);
        } else if c == '&'
            && i > 0
            && chars[i - 1].1.is_whitespace()
            && chars.get(i + 1).is_some_and(|n| n.1.is_whitespace())
        {
            // "imports & exports", "Trinidad & Tobago": a spaced ampersand is "and".
            tokens.push(Token {
                text: "and".to_string(),
                start,
                end: end_of(i + 1),
                is_number: false,
            });
            i += 1;
        } else if matches!(
            c,
            '$' | '€' | '¥' | '%' | '£' | '฿' | '৳' | '\u{20A0}'..='\u{20CF}'
        ) {
            tokens.push(Token {
                text: c.to_string(),
                start,
                end: end_of(i + 1),
                is_number: false,
            });
            i += 1;
        } else {
            i += 1;
        }
    }
    tokens
}

/// Whether `words` occurs in `tokens` as consecutive tokens; returns the first index.
pub fn find_words(tokens: &[Token], words: &str) -> Option<usize> {
    let wanted: Vec<&str> = words.split_whitespace().collect();
    if wanted.is_empty() {
        return None;
    }
    (0..tokens.len()).find(|&i| {
        wanted
            .iter()
            .enumerate()
            .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.text == *w))
    })
}

/// "nine-point-nine", "41-point-six": a decimal said in words, its last word at token `i`
/// (the text's hyphens between): the token of its whole part and the number it says ("9.9",
/// "41.6"), the words read by `value`.
pub fn spoken_decimal(
    tokens: &[Token],
    i: usize,
    value: impl Fn(&str) -> Option<u32>,
) -> Option<(usize, String)> {
    let (whole, point) = (tokens.get(i.checked_sub(2)?)?, &tokens[i - 1]);
    let joined = |a: &Token, b: &Token| b.start == a.end + 1;
    if point.text != "point" || !joined(whole, point) || !joined(point, &tokens[i]) {
        return None;
    }
    let fraction = value(&tokens[i].text)?;
    let int = if whole.is_number && whole.text.chars().all(|c| c.is_ascii_digit()) {
        whole.text.clone()
    } else {
        value(&whole.text)?.to_string()
    };
    (fraction < 10).then(|| (i - 2, format!("{int}.{fraction}")))
}

/// How many tokens from `i` say "percent": "%", "percent", "per cent", "pc", "pct", and
/// the same in the languages read ("Prozent", "pour cent", "por ciento", "per cento",
/// "persen", "procent", "proc."); 0 when they do not.
pub fn percent_words(tokens: &[Token], i: usize) -> usize {
    let w = |k: usize| tokens.get(k).map_or("", |t| t.text.as_str());
    match (w(i), w(i + 1)) {
        ("per", "cent" | "cento") | ("por", "ciento" | "cento") | ("pour", "cent") => 2,
        ("%" | "percent" | "pc" | "pct" | "persen" | "prozent", _) => 1,
        // nl, pl, sv, da, cs: "procent", "proc.", "procento"
        ("procent" | "proc" | "procento", _) => 1,
        _ => 0,
    }
}

/// Whether token `i` follows "multiplied by" ("multiplié par", "multiplicado por",
/// "moltiplicato per"): a multiple.
pub fn multiplied_by(tokens: &[Token], i: usize) -> bool {
    i >= 2
        && matches!(tokens[i - 1].text.as_str(), "by" | "par" | "por" | "per")
        && ["multipl", "moltiplic"]
            .iter()
            .any(|w| tokens[i - 2].text.starts_with(w))
}
