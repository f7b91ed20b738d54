//! Turning content text into template values: bilingual text resolved to
//! one language with a fallback marker, Chinese text set by Chinese rules
//! ([`cjk`]), and Markdown rendered then sanitised.

use crate::schema::Text;
use serde_json::Value;
use std::borrow::Cow;

/// `{"t": text, "fb": null}`, or `{"t": text, "fb": "en"}` when the text is
/// missing in `lang` and shown in another language; templates print it
/// with the `tx` macro, which escapes it and marks a fallback visibly.
/// Chinese text is normalised by [`cjk`] (by the language of the text
/// shown, so English shown on a Chinese page is left as written).
pub fn tx(text: &Text, lang: &str) -> Value {
    let (t, fb) = text.resolve(lang);
    super::obj! { "t": cjk(t, fb.unwrap_or(lang)).into_owned(), "fb": fb }
}

/// Like [`tx`] for an optional text (`null` when absent).
pub fn tx_opt(text: &Option<Text>, lang: &str) -> Value {
    text.as_ref().map_or(Value::Null, |t| tx(t, lang))
}

/// Plain string of a text in `lang` (with fallback, no marker), for
/// attributes, chart labels and sorting.
pub fn plain(text: &Text, lang: &str) -> String {
    let (t, fb) = text.resolve(lang);
    cjk(t, fb.unwrap_or(lang)).into_owned()
}

/// Whether `c` is set as a Chinese character: Han ideographs, kana and
/// bopomofo, CJK symbols and punctuation (、。「」《》), and full-width forms
/// (，：（）).
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'     // radicals
        | '\u{3000}'..='\u{303F}'   // CJK symbols and punctuation
        | '\u{3040}'..='\u{31FF}'   // kana, bopomofo
        | '\u{3400}'..='\u{4DBF}'   // extension A
        | '\u{4E00}'..='\u{9FFF}'   // unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}'   // compatibility forms
        | '\u{FF00}'..='\u{FF60}'   // full-width forms
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFF}' // extensions B and later
    )
}

/// Full-width punctuation, which carries its own space.
fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF60}')
}

/// Whether white space between `a` and `b` is dropped in Chinese text:
/// between two Chinese characters, and next to full-width punctuation.
fn joined(a: char, b: char) -> bool {
    (is_cjk(a) && is_cjk(b)) || is_cjk_punct(a) || is_cjk_punct(b)
}

/// Text in `lang` as Chinese typesetting (W3C clreq) wants it, when `lang`
/// is Chinese; any other language is returned untouched.
///
/// YAML folding turns a line break into a space, and in Chinese, which
/// puts no spaces between words, that space shows as a gap
/// (「名稱）， 以下」, 「3,611 個案例。 本站」). So a run of white space is
/// dropped where both sides are Chinese characters, or where either side
/// is full-width punctuation, which has its own space built in. Between a
/// Han character and a Latin letter or digit the spacing stays as the
/// author wrote it (a run of white space becomes one space): clreq allows
/// either none or a small gap there, and the content uses both ("2024年",
/// "3,611 個案例", "使用 AI 技術"), so the author's choice is kept rather
/// than a second-guessed one. Runs of white space at either end are kept
/// (the templates trim where it matters).
pub fn cjk<'a>(s: &'a str, lang: &str) -> Cow<'a, str> {
    // Only ASCII white space is folding's; an ideographic space (U+3000)
    // or a no-break space was typed on purpose and stays.
    if !lang.starts_with("zh") || !s.bytes().any(|b| b.is_ascii_whitespace()) {
        return Cow::Borrowed(s);
    }
    let mut out: Option<String> = None;
    let mut prev: Option<char> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_ascii_whitespace() {
            if let Some(o) = out.as_mut() {
                o.push(c);
            }
            prev = Some(c);
            continue;
        }
        let mut end = i + 1;
        while let Some(&(j, d)) = chars.peek() {
            if !d.is_ascii_whitespace() {
                break;
            }
            end = j + 1;
            chars.next();
        }
        let run = &s[i..end];
        let keep = match (prev, chars.peek().map(|&(_, d)| d)) {
            (Some(a), Some(b)) if joined(a, b) => "",
            (Some(a), Some(b)) if is_cjk(a) || is_cjk(b) => " ",
            _ => run,
        };
        if keep != run && out.is_none() {
            out = Some(s[..i].to_string());
        }
        if let Some(o) = out.as_mut() {
            o.push_str(keep);
        }
    }
    out.map_or(Cow::Borrowed(s), Cow::Owned)
}

/// Renders Markdown written in `lang` to HTML and sanitises it: raw HTML in
/// content can never become live script, event handlers, iframes or
/// `javascript:` links, while tables, footnotes and heading anchors still
/// work. Chinese text is set by [`cjk`], and a line break inside a Chinese
/// paragraph joins its lines without the space it would show as.
pub fn markdown(src: &str, lang: &str) -> String {
    use pulldown_cmark::{html, CowStr, Event, Options, Parser};
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    let mut events: Vec<Event> = Parser::new_ext(src, opts).collect();
    if lang.starts_with("zh") {
        let last_char = |e: &Event| match e {
            Event::Text(t) => t.chars().last(),
            _ => None,
        };
        let first_char = |e: &Event| match e {
            Event::Text(t) => t.chars().next(),
            _ => None,
        };
        for i in 0..events.len() {
            match &events[i] {
                Event::Text(t) => {
                    if let Cow::Owned(o) = cjk(t, lang) {
                        events[i] = Event::Text(CowStr::from(o));
                    }
                }
                Event::SoftBreak => {
                    let before = i.checked_sub(1).and_then(|j| last_char(&events[j]));
                    let after = events.get(i + 1).and_then(first_char);
                    if let (Some(a), Some(b)) = (before, after) {
                        if joined(a, b) {
                            events[i] = Event::Text(CowStr::Borrowed(""));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
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
        let html = markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>", "en");
        assert!(html.contains("<table>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("onerror"));
    }

    #[test]
    fn folded_spaces_between_chinese_characters_are_dropped() {
        // As folding leaves them in the default site's content.
        assert_eq!(
            cjk("（研究未載明模型名稱）， 以下", "zh-TW"),
            "（研究未載明模型名稱），以下"
        );
        assert_eq!(
            cjk("共 3,611 個案例。 本站收錄", "zh-TW"),
            "共 3,611 個案例。本站收錄"
        );
        assert_eq!(cjk("人工智慧\n基本法", "zh-TW"), "人工智慧基本法");
        assert_eq!(cjk("人工智慧  \t基本法", "zh-TW"), "人工智慧基本法");
    }

    #[test]
    fn han_and_latin_keep_the_spacing_as_written() {
        assert_eq!(cjk("使用 AI 技術", "zh-TW"), "使用 AI 技術");
        assert_eq!(cjk("2024年之新加坡", "zh-TW"), "2024年之新加坡");
        assert_eq!(cjk("使用\nAI  技術", "zh-TW"), "使用 AI 技術");
        // Next to full-width punctuation, which has its own space, none.
        assert_eq!(
            cjk("說明， AI 系統（ OECD ）", "zh-TW"),
            "說明，AI 系統（OECD）"
        );
        assert!(matches!(cjk("使用 AI 技術", "zh-TW"), Cow::Borrowed(_)));
    }

    #[test]
    fn other_languages_and_deliberate_spaces_are_untouched() {
        let en = "Data  governance,\n and  privacy";
        assert_eq!(cjk(en, "en"), en);
        assert_eq!(cjk("Latin words  stay", "zh-TW"), "Latin words  stay");
        assert_eq!(
            cjk("第一條\u{3000}立法目的", "zh-TW"),
            "第一條\u{3000}立法目的"
        );
        assert_eq!(cjk("  開頭與結尾  ", "zh-TW"), "  開頭與結尾  ");
        // English shown on a Chinese page as a fallback is English.
        let t = Text::from_pairs([("en", "Two  spaces")]);
        assert_eq!(tx(&t, "zh-TW")["t"], "Two  spaces");
        let t = Text::from_pairs([("zh-TW", "中文 斷行")]);
        assert_eq!(tx(&t, "en")["t"], "中文斷行");
    }

    #[test]
    fn markdown_joins_chinese_lines() {
        assert_eq!(
            markdown("第一行\n第二行，\nAI 與\n資料", "zh-TW"),
            "<p>第一行第二行，AI 與資料</p>\n"
        );
        assert_eq!(markdown("one\ntwo", "en"), "<p>one\ntwo</p>\n");
        // A line ending in Chinese next to one starting in Latin keeps its space.
        assert_eq!(markdown("使用\nAI", "zh-TW"), "<p>使用\nAI</p>\n");
    }

    #[test]
    fn fallback_is_marked() {
        let t = Text::from_pairs([("en", "Only English")]);
        assert_eq!(tx(&t, "zh-TW"), json!({"t": "Only English", "fb": "en"}));
        assert_eq!(tx(&t, "en"), json!({"t": "Only English", "fb": null}));
    }
}
