//! Reading the view model's values into runs of text.
//!
//! Bilingual values in the model are `{t, fb}`: `fb` names the language the
//! text is shown in when the briefing's own is missing.

use super::{Inline, Look};
use serde_json::Value;

/// A string or number of the model as text ("" for anything else).
pub fn s(v: &Value) -> String {
    match v {
        Value::String(s) => clean(s),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// Whitespace runs (line breaks of YAML block text included) become one
/// space, as a browser shows them.
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A run of plain text.
pub fn plain_run(s: impl Into<String>) -> Inline {
    Inline::Run(Look::Plain, s.into())
}

/// A run in `look`.
pub fn run(look: Look, s: impl Into<String>) -> Inline {
    Inline::Run(look, s.into())
}

/// A bilingual value `{t, fb}` as runs: nothing when absent, italics with a
/// marker when it is a fallback.
pub fn tx(v: &Value) -> Vec<Inline> {
    tx_look(v, Look::Plain)
}

/// [`tx`] in `look` (a fallback stays italic whatever the look).
pub fn tx_look(v: &Value, look: Look) -> Vec<Inline> {
    let text = s(&v["t"]);
    if text.is_empty() {
        return Vec::new();
    }
    match v["fb"].as_str() {
        Some(lang) => vec![Inline::Fallback {
            text,
            lang: lang.to_string(),
        }],
        None => vec![Inline::Run(look, text)],
    }
}

/// The plain text of a bilingual value.
pub fn tx_plain(v: &Value) -> String {
    s(&v["t"])
}

/// Citation numbers (`[1, 2]`) from an array, or nothing.
pub fn cites(v: &Value) -> Vec<Inline> {
    let ns: Vec<u64> = v
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    if ns.is_empty() {
        Vec::new()
    } else {
        vec![Inline::Cites(ns)]
    }
}

/// The bookmark of source `n`. Word allows letters, digits and `_` only.
pub fn source_anchor(n: u64) -> String {
    format!("src_{n}")
}

/// The bookmark of a section whose HTML id is `id` (`risk-flags`).
pub fn section_anchor(id: &str) -> String {
    format!("sec_{}", id.replace('-', "_"))
}

/// What a reader sees of an inline, as plain text.
pub fn plain(i: &Inline) -> String {
    match i {
        Inline::Run(_, t) => t.clone(),
        Inline::Fallback { text, lang } => format!("{text}[{lang}]"),
        Inline::Link { text, .. } | Inline::Internal { text, .. } => text.clone(),
        Inline::Cites(ns) => cite_text(ns),
        Inline::Bookmark(_) => String::new(),
        Inline::Break => "\n".into(),
    }
}

/// `[1, 2]`.
pub fn cite_text(ns: &[u64]) -> String {
    let list: Vec<String> = ns.iter().map(u64::to_string).collect();
    format!("[{}]", list.join(", "))
}

/// True for an outside address a document may link to.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fallbacks_keep_their_language() {
        assert_eq!(
            tx(&json!({"t": "Only  in\nEnglish", "fb": "en"})),
            [Inline::Fallback {
                text: "Only in English".into(),
                lang: "en".into()
            }]
        );
        assert!(tx(&Value::Null).is_empty());
        assert_eq!(plain(&Inline::Cites(vec![1, 3])), "[1, 3]");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_url("https://example.org/a"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("file:///etc/passwd"));
    }
}
