//! Turning content text into template values: bilingual text resolved to
//! one language with a fallback marker, and Markdown rendered then sanitised.

use crate::schema::Text;
use serde_json::Value;

/// `{"t": text, "fb": null}`, or `{"t": text, "fb": "en"}` when the text is
/// missing in `lang` and shown in another language; templates print it
/// with the `tx` macro, which escapes it and marks a fallback visibly.
pub fn tx(text: &Text, lang: &str) -> Value {
    let (t, fb) = text.resolve(lang);
    super::obj! { "t": t, "fb": fb }
}

/// Like [`tx`] for an optional text (`null` when absent).
pub fn tx_opt(text: &Option<Text>, lang: &str) -> Value {
    text.as_ref().map_or(Value::Null, |t| tx(t, lang))
}

/// Plain string of a text in `lang` (with fallback, no marker), for
/// attributes, chart labels and sorting.
pub fn plain(text: &Text, lang: &str) -> String {
    text.resolve(lang).0.to_string()
}

/// Renders Markdown to HTML and sanitises it: raw HTML in content can never
/// become live script, event handlers, iframes or `javascript:` links,
/// while tables, footnotes and heading anchors still work.
pub fn markdown(src: &str) -> String {
    use pulldown_cmark::{html, Options, Parser};
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(src, opts));
    sanitizer().clean(&out).to_string()
}

fn sanitizer() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .add_generic_attributes(["id"])
        .add_tag_attributes("a", ["href", "title", "id"])
        .add_tag_attributes("sup", ["id", "class"])
        .add_tag_attributes("div", ["class", "id"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"]);
    b.id_prefix(None);
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn markdown_keeps_tables_drops_script() {
        let html = markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>");
        assert!(html.contains("<table>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("onerror"));
    }

    #[test]
    fn fallback_is_marked() {
        let t = Text::from_pairs([("en", "Only English")]);
        assert_eq!(tx(&t, "zh-TW"), json!({"t": "Only English", "fb": "en"}));
        assert_eq!(tx(&t, "en"), json!({"t": "Only English", "fb": null}));
    }
}
