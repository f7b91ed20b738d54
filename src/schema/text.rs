//! Text a reader sees, in every language of the site.

use super::Spanned;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::cell::RefCell;
use std::fmt;

thread_local! {
    /// Language keys of every [`Text`] deserialized on this thread while a
    /// [`collect_language_keys`] call is running: lets `validate` check each
    /// key against the site's languages without walking every record type.
    static LANGUAGE_KEYS: RefCell<Option<Vec<Spanned<String>>>> = const { RefCell::new(None) };
}

/// Runs `parse` and returns, beside its result, the language keys of every
/// `Text` it deserialized, with their positions.
pub fn collect_language_keys<R>(parse: impl FnOnce() -> R) -> (R, Vec<Spanned<String>>) {
    LANGUAGE_KEYS.with(|k| *k.borrow_mut() = Some(Vec::new()));
    let result = parse();
    let keys = LANGUAGE_KEYS
        .with(|k| k.borrow_mut().take())
        .unwrap_or_default();
    (result, keys)
}

/// The error of a text with nothing in any language.
pub const EMPTY_TEXT: &str = "empty text";

/// The error of a text holding a character XML forbids; where it is,
/// [`take_forbidden_char`] tells.
pub const FORBIDDEN_CHAR: &str = "text holds a character XML forbids";

thread_local! {
    /// The line and column of the value, and the character, of the last
    /// text refused with [`FORBIDDEN_CHAR`] on this thread.
    static FORBIDDEN: std::cell::Cell<Option<(u64, u64, char)>> = const { std::cell::Cell::new(None) };
}

/// Where the text just refused with [`FORBIDDEN_CHAR`] holds the
/// character: its value's line and column, and the character.
pub fn take_forbidden_char() -> Option<(u64, u64, char)> {
    FORBIDDEN.with(|f| f.take())
}

/// Characters no text may hold: those XML 1.0 forbids (controls other than
/// tab, line feed and carriage return; U+FFFE and U+FFFF), which would
/// make the feed and the SVG charts ill-formed, and the C1 controls and
/// DEL, which XML only tolerates and no reader can see.
pub fn forbidden_in_text(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// One language's value of a [`Text`].
#[derive(Debug, Clone)]
pub struct TextEntry {
    /// Language code as written (`zh-TW`, `en`); validated against the config.
    pub lang: Spanned<String>,
    /// The text itself (plain text, never HTML).
    pub value: String,
}

/// A map from language code to text: `{zh-TW: 資料治理, en: Data governance}`.
///
/// Entries keep the position of their language key so `validate` can point
/// at an unknown language code. Order is as written; lookups are linear
/// because a site has two or three languages.
#[derive(Debug, Clone, Default)]
pub struct Text {
    /// The entries, in the order written.
    pub entries: Vec<TextEntry>,
}

impl Text {
    /// Builds a text from `(language, value)` pairs (tests, importers).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let entries = pairs
            .into_iter()
            .map(|(lang, value)| TextEntry {
                lang: Spanned::new(
                    lang.to_string(),
                    serde_saphyr::Location::UNKNOWN,
                    serde_saphyr::Location::UNKNOWN,
                ),
                value: value.to_string(),
            })
            .collect();
        Text { entries }
    }

    /// The value in `lang`, if written and not blank.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.lang.value == lang && !e.value.trim().is_empty())
            .map(|e| e.value.as_str())
    }

    /// The value in `lang`, or else the first other language that has one.
    /// The second field names the language used when it is a fallback, so
    /// the page can mark it.
    pub fn resolve(&self, lang: &str) -> (&str, Option<&str>) {
        if let Some(v) = self.get(lang) {
            return (v, None);
        }
        for e in &self.entries {
            if !e.value.trim().is_empty() {
                return (e.value.as_str(), Some(e.lang.value.as_str()));
            }
        }
        ("", None)
    }

    /// True when no language has a non-blank value.
    pub fn is_blank(&self) -> bool {
        self.entries.iter().all(|e| e.value.trim().is_empty())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a map of language code to text, e.g. {zh-TW: 資料治理, en: Data governance}",
                )
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                use serde::de::Error;
                let mut entries = Vec::new();
                while let Some(lang) = map.next_key::<Spanned<String>>()? {
                    let value: Spanned<String> = map.next_value()?;
                    if let Some(c) = value.value.chars().find(|c| forbidden_in_text(*c)) {
                        let at = &value.referenced;
                        FORBIDDEN.with(|f| f.set(Some((at.line(), at.column(), c))));
                        return Err(A::Error::custom(FORBIDDEN_CHAR));
                    }
                    LANGUAGE_KEYS.with(|k| {
                        if let Some(keys) = k.borrow_mut().as_mut() {
                            keys.push(lang.clone());
                        }
                    });
                    entries.push(TextEntry {
                        lang,
                        value: value.value,
                    });
                }
                // `name: {}` or only blanks: a page would get an empty
                // heading. A text that says nothing is left out instead.
                if entries.iter().all(|e| e.value.trim().is_empty()) {
                    return Err(A::Error::custom(EMPTY_TEXT));
                }
                Ok(Text { entries })
            }
        }
        deserializer.deserialize_map(TextVisitor)
    }
}

/// A map of language code to string. The language codes a site accepts are
/// in its `site.yaml`, so the schema takes any key (as the parser does) and
/// `validate` checks each against the site's languages. As the parser, it
/// refuses a text with nothing in any language and a character XML forbids
/// ([`forbidden_in_text`]: controls other than tab and line breaks,
/// U+FFFE, U+FFFF).
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Text in each language of the site, by language code: {zh-TW: 資料治理, en: Data governance}. At least one language must say something; no control characters other than tab and line breaks.",
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "string",
                "pattern": XML_ALLOWED_PATTERN
            },
            "not": {
                "description": "blank in every language",
                "additionalProperties": {"pattern": "^\\s*$"}
            },
            "examples": [{"zh-TW": "資料治理", "en": "Data governance"}]
        })
    }
}

/// [`forbidden_in_text`] as a JSON Schema pattern (ECMA-262, as the
/// `regex` crate also reads it).
const XML_ALLOWED_PATTERN: &str =
    "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFFFE\\uFFFF]*$";

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern's ranges are exactly the characters the parser refuses.
    #[test]
    fn the_schema_pattern_matches_forbidden_in_text() {
        let class = XML_ALLOWED_PATTERN
            .trim_start_matches("^[^")
            .trim_end_matches("]*$");
        let mut ranges = Vec::new();
        let mut it = class.split("\\u").skip(1).peekable();
        while let Some(a) = it.next() {
            let start = u32::from_str_radix(&a[..4], 16).unwrap();
            if a.ends_with('-') {
                let b = it.next().unwrap();
                ranges.push(start..=u32::from_str_radix(&b[..4], 16).unwrap());
            } else {
                ranges.push(start..=start);
            }
        }
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let in_pattern = ranges.iter().any(|r| r.contains(&(c as u32)));
            assert_eq!(in_pattern, forbidden_in_text(c), "{:?}", c);
        }
    }
}
