//! A JSON reader that keeps numbers as the text the server wrote.
//!
//! serde_json turns `1234567.89` into a float; trade values must stay exact, and its
//! arbitrary-precision mode is a feature that would rebuild polars. JSON's grammar is small:
//! this reads it whole (RFC 8259), numbers as their digits, and says where a body is
//! malformed or cut short.

use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number exactly as printed.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(BTreeMap<String, Json>, Vec<String>),
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(map, _) => map.get(key),
            _ => None,
        }
    }

    /// The keys of an object in the order written.
    pub fn keys(&self) -> &[String] {
        match self {
            Json::Object(_, order) => order,
            _ => &[],
        }
    }

    /// A scalar as CSV text: numbers and strings as written, `true`/`false`, empty for null.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Json::Null => Some(String::new()),
            Json::Bool(b) => Some(b.to_string()),
            Json::Number(n) => Some(n.clone()),
            Json::String(s) => Some(s.clone()),
            _ => None,
        }
    }
}

/// Where and why a body is not JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub offset: usize,
    pub message: String,
}

const MAX_DEPTH: usize = 64;

pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser {
        s: text.as_bytes(),
        at: 0,
    };
    p.space();
    let v = p.value(0)?;
    p.space();
    if p.at != p.s.len() {
        return Err(p.err("text after the end of the JSON value"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn err(&self, message: &str) -> JsonError {
        JsonError {
            offset: self.at,
            message: message.to_string(),
        }
    }

    fn space(&mut self) {
        while self
            .s
            .get(self.at)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.s.get(self.at) == Some(&b) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.err("nested too deep"));
        }
        match self.s.get(self.at) {
            None => Err(self.err("the body ends where a value was expected (cut short?)")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("not a JSON value")),
        }
    }

    fn word(&mut self, w: &str, v: Json) -> Result<Json, JsonError> {
        if self.s[self.at..].starts_with(w.as_bytes()) {
            self.at += w.len();
            Ok(v)
        } else {
            Err(self.err("not a JSON value"))
        }
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        self.eat(b'-');
        let digits = |p: &mut Self| {
            let s = p.at;
            while p.s.get(p.at).is_some_and(u8::is_ascii_digit) {
                p.at += 1;
            }
            p.at > s
        };
        if !digits(self) {
            return Err(self.err("a number without digits"));
        }
        if self.eat(b'.') && !digits(self) {
            return Err(self.err("a number without digits after its point"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if !digits(self) {
                return Err(self.err("a number without an exponent"));
            }
        }
        Ok(Json::Number(
            String::from_utf8_lossy(&self.s[start..self.at]).into_owned(),
        ))
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1; // the opening quote
        let mut out: Vec<u8> = Vec::new();
        loop {
            match self.s.get(self.at) {
                None => return Err(self.err("the body ends inside a string (cut short?)")),
                Some(b'"') => {
                    self.at += 1;
                    return String::from_utf8(out)
                        .map_err(|_| self.err("a string that is not UTF-8"));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = *self
                        .s
                        .get(self.at)
                        .ok_or_else(|| self.err("the body ends inside a string"))?;
                    self.at += 1;
                    match c {
                        b'"' | b'\\' | b'/' => out.push(c),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code)
                                && self.s[self.at..].starts_with(b"\\u")
                            {
                                self.at += 2;
                                let low = self.hex4()?;
                                if (0xDC00..0xE000).contains(&low) {
                                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                                }
                            }
                            let ch = char::from_u32(code).unwrap_or('\u{FFFD}');
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        }
                        _ => return Err(self.err("an unknown escape in a string")),
                    }
                }
                Some(&b) if b < 0x20 => return Err(self.err("a control character in a string")),
                Some(&b) => {
                    out.push(b);
                    self.at += 1;
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let h = self
            .s
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.err("a short \\u escape"))?;
        let t = std::str::from_utf8(h).map_err(|_| self.err("a bad \\u escape"))?;
        let v = u32::from_str_radix(t, 16).map_err(|_| self.err("a bad \\u escape"))?;
        self.at += 4;
        Ok(v)
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            self.space();
            items.push(self.value(depth + 1)?);
            self.space();
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.err(if self.at >= self.s.len() {
                    "the body ends inside an array (cut short?)"
                } else {
                    "expected `,` or `]`"
                }));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut map = BTreeMap::new();
        let mut order = Vec::new();
        self.space();
        if self.eat(b'}') {
            return Ok(Json::Object(map, order));
        }
        loop {
            self.space();
            if self.s.get(self.at) != Some(&b'"') {
                return Err(self.err(if self.at >= self.s.len() {
                    "the body ends inside an object (cut short?)"
                } else {
                    "expected a member name"
                }));
            }
            let key = self.string()?;
            self.space();
            if !self.eat(b':') {
                return Err(self.err("expected `:`"));
            }
            self.space();
            let v = self.value(depth + 1)?;
            if !map.contains_key(&key) {
                order.push(key.clone());
            }
            map.insert(key, v);
            self.space();
            if self.eat(b'}') {
                return Ok(Json::Object(map, order));
            }
            if !self.eat(b',') {
                return Err(self.err(if self.at >= self.s.len() {
                    "the body ends inside an object (cut short?)"
                } else {
                    "expected `,` or `}`"
                }));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_digits_and_strings_their_escapes() {
        let v = parse(r#"{"primaryValue": 1234567.8912345678901, "d": "a\u00e9\n\ud83d\ude00", "x": [1, -2e3, null, true]}"#).unwrap();
        assert_eq!(
            v.get("primaryValue"),
            Some(&Json::Number("1234567.8912345678901".into()))
        );
        assert_eq!(v.get("d"), Some(&Json::String("aé\n😀".into())));
        assert_eq!(v.keys(), ["primaryValue", "d", "x"]);
    }

    #[test]
    fn a_body_cut_short_is_an_error_that_says_so() {
        let e = parse(r#"{"data": [{"a": 1}, {"a": 2"#).unwrap_err();
        assert!(e.message.contains("cut short"), "{e:?}");
        assert!(parse("<html>502</html>").is_err());
        assert!(parse("{} x").is_err());
    }
}
