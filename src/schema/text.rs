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
                let mut entries = Vec::new();
                while let Some(lang) = map.next_key::<Spanned<String>>()? {
                    let value: String = map.next_value()?;
                    LANGUAGE_KEYS.with(|k| {
                        if let Some(keys) = k.borrow_mut().as_mut() {
                            keys.push(lang.clone());
                        }
                    });
                    entries.push(TextEntry { lang, value });
                }
                Ok(Text { entries })
            }
        }
        deserializer.deserialize_map(TextVisitor)
    }
}

/// A map of language code to string. The language codes a site accepts are
/// in its `site.yaml`, so the schema takes any key (as the parser does) and
/// `validate` checks each against the site's languages.
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Text in each language of the site, by language code: {zh-TW: 資料治理, en: Data governance}.",
            "type": "object",
            "additionalProperties": {"type": "string"},
            "examples": [{"zh-TW": "資料治理", "en": "Data governance"}]
        })
    }
}
