//! The offline search index, one per language (`search/<lang>.js`).
//!
//! Text is cut into tokens the same way here and in `static/search.js`:
//! lower-cased, full-width ASCII folded to ASCII; runs of Han, kana and
//! Hangul become overlapping character bigrams (a one-character run stays a
//! unigram), so 車牌辨識 is found through 車牌 · 牌辨 · 辨識 without a
//! dictionary; runs of other letters and digits become words. A query
//! matches a record when every query token does (a Latin token also matches
//! as a word prefix). The index is a JavaScript file that sets a global, so
//! the search page loads it with a `<script>` element: that works on any
//! static host *and* from `file://`, where `fetch` of a local file is
//! refused.

use super::views::View;
use super::{i18n, urls, RenderedFile};
use crate::model::Site;
use crate::schema::{Case, Provision, Text, VocabularyKind as V};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Whether `c` is written without spaces between words (Han, kana, Hangul).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x20000..=0x2FFFF)
}

fn fold(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_lowercase().next().unwrap_or(c)
}

/// The tokens of `text` (see the module comment), in order, with repeats.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut run_cjk = false;
    let flush = |run: &mut Vec<char>, cjk: bool, out: &mut Vec<String>| {
        if run.is_empty() {
            return;
        }
        if cjk {
            if run.len() == 1 {
                out.push(run[0].to_string());
            } else {
                for w in run.windows(2) {
                    out.push(w.iter().collect());
                }
            }
        } else {
            out.push(run.iter().collect());
        }
        run.clear();
    };
    for c in text.chars().map(fold) {
        if is_cjk(c) {
            if !run_cjk {
                flush(&mut run, false, &mut out);
            }
            run_cjk = true;
            run.push(c);
        } else if c.is_alphanumeric() {
            if run_cjk {
                flush(&mut run, true, &mut out);
            }
            run_cjk = false;
            run.push(c);
        } else {
            flush(&mut run, run_cjk, &mut out);
        }
    }
    flush(&mut run, run_cjk, &mut out);
    out
}

/// One search document: a page the index points to and the text it is found by.
pub(super) struct Doc {
    url: String,
    title: String,
    kind: &'static str,
    excerpt: String,
    body: String,
}

impl Doc {
    /// The document's entry in the index's `docs` list.
    pub(super) fn row(&self) -> (&str, &str, &str, &str) {
        (&self.url, &self.title, self.kind, &self.excerpt)
    }

    /// Hands every token of the document to `f` with its field bit (1: title,
    /// 2: body), in order, with repeats.
    pub(super) fn each_token(&self, mut f: impl FnMut(String, u32)) {
        for (field, text) in [(1u32, &self.title), (2u32, &self.body)] {
            for t in tokens(text) {
                f(t, field);
            }
        }
    }
}

/// The search document of one case.
pub(super) fn case_doc(v: View, c: &Case) -> Doc {
    let agency = v.plain(&c.agency);
    let mut body = vec![
        agency.clone(),
        opt(v, &c.bureau),
        opt(v, &c.description),
        v.term_plain(V::UseClasses, &c.use_class.value),
    ];
    body.extend(
        c.techniques
            .iter()
            .map(|t| v.term_plain(V::Techniques, &t.value)),
    );
    Doc {
        url: urls::case(v.lang, &c.id.value),
        title: v.plain(&c.name),
        kind: "case",
        excerpt: excerpt(&agency),
        body: join(&body),
    }
}

fn excerpt(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut it = s.chars();
    let head: String = it.by_ref().take(100).collect();
    if it.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

fn join(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

fn provision_docs(v: View, fw_url: &str, fw_name: &str, list: &[Provision], docs: &mut Vec<Doc>) {
    for p in list {
        let label = v.plain(&p.label);
        let title = match &p.title {
            Some(t) => format!("{fw_name} · {label} {}", v.plain(t)),
            None => format!("{fw_name} · {label}"),
        };
        let summary = opt(v, &p.summary);
        docs.push(Doc {
            url: format!("{fw_url}#{}", p.id.value),
            title,
            kind: "provision",
            excerpt: excerpt(&summary),
            body: join(&[summary, opt(v, &p.explanation)]),
        });
        provision_docs(v, fw_url, fw_name, &p.provisions, docs);
    }
}

fn opt(v: View, t: &Option<Text>) -> String {
    t.as_ref().map(|t| v.plain(t)).unwrap_or_default()
}

/// Every document of the index in its fixed order: jurisdictions,
/// frameworks each followed by its provisions, inventories each followed by
/// its cases, pages.
pub(super) fn documents(v: View) -> Vec<Doc> {
    let site = v.site;
    let mut docs = Vec::new();
    for j in &site.jurisdictions {
        let mut body = vec![opt(v, &j.summary), opt(v, &j.dedicated_body)];
        body.extend(j.approaches.iter().map(|a| v.plain(&a.summary)));
        docs.push(Doc {
            url: urls::jurisdiction(v.lang, &j.id.value),
            title: v.plain(&j.name),
            kind: "jurisdiction",
            excerpt: excerpt(&opt(v, &j.summary)),
            body: join(&body),
        });
    }
    for fw in &site.frameworks {
        let url = urls::framework(v.lang, &fw.id.value);
        let summary = opt(v, &fw.summary);
        let short = opt(v, &fw.short_title);
        docs.push(Doc {
            url: url.clone(),
            title: v.plain(&fw.title),
            kind: "framework",
            excerpt: excerpt(&summary),
            body: join(&[
                short.clone(),
                summary,
                opt(v, &fw.issuer),
                fw.id.value.clone(),
            ]),
        });
        let name = if short.is_empty() {
            v.plain(&fw.title)
        } else {
            short
        };
        provision_docs(v, &url, &name, &fw.provisions, &mut docs);
    }
    for inv in &site.inventories {
        let desc = opt(v, &inv.description);
        docs.push(Doc {
            url: urls::inventory(v.lang, &inv.id.value, 1),
            title: v.plain(&inv.title),
            kind: "inventory",
            excerpt: excerpt(&v.plain(&inv.publisher)),
            body: join(&[v.plain(&inv.publisher), desc]),
        });
        for c in &inv.cases {
            docs.push(case_doc(v, c));
        }
    }
    let mut seen = BTreeSet::new();
    for p in &site.pages {
        if !seen.insert(p.slug.clone()) {
            continue;
        }
        let own = site
            .pages
            .iter()
            .find(|q| q.slug == p.slug && q.lang == v.lang)
            .unwrap_or(p);
        docs.push(Doc {
            url: urls::page(v.lang, &p.slug),
            title: own.front.title.value.clone(),
            kind: "page",
            excerpt: excerpt(&own.body),
            body: own.body.clone(),
        });
    }
    docs
}

/// The index of one language as a JSON value:
/// `{"docs": [[url, title, kind, excerpt]], "terms": {token: [doc*4 + field]}, "kinds": {kind: label}}`
/// where field bit 1 means the token is in the title, bit 2 in the body.
pub fn index(site: &Site, lang: &str) -> Value {
    let v = View { site, lang };
    let docs = documents(v);
    let mut terms: BTreeMap<String, BTreeMap<u32, u32>> = BTreeMap::new();
    for (n, d) in docs.iter().enumerate() {
        d.each_token(|t, field| {
            *terms.entry(t).or_default().entry(n as u32).or_default() |= field;
        });
    }
    let terms: serde_json::Map<String, Value> = terms
        .into_iter()
        .map(|(t, p)| {
            (
                t,
                Value::Array(p.into_iter().map(|(d, f)| json!(d * 4 + f)).collect()),
            )
        })
        .collect();
    json!({
        "v": 1,
        "lang": lang,
        "kinds": KINDS.iter().map(|k| (k.to_string(), Value::String(i18n::get(lang, &format!("kind_doc_{k}"))))).collect::<serde_json::Map<_, _>>(),
        "docs": docs.iter().map(|d| json!([d.url, d.title, d.kind, d.excerpt])).collect::<Vec<_>>(),
        "terms": terms,
    })
}

/// The kinds of document, in the order of the `kinds` object.
const KINDS: [&str; 6] = [
    "jurisdiction",
    "framework",
    "provision",
    "inventory",
    "case",
    "page",
];

/// The fixed parts of the index JSON of `lang` around its documents and its
/// terms, `[head, mid, tail]`: the index is `head`, the documents joined by
/// `,`, `mid`, the terms joined by `,`, `tail`. They are cut out of the index
/// serialized with no document and no term, so that they are the bytes serde
/// writes (the object's keys in sorted order, as `serde_json::Map` keeps them).
pub(super) fn frame(lang: &str) -> [Vec<u8>; 3] {
    #[derive(serde::Serialize)]
    struct Index<'a> {
        docs: Vec<()>,
        kinds: BTreeMap<String, String>,
        lang: &'a str,
        terms: BTreeMap<String, ()>,
        v: u32,
    }
    let empty = serde_json::to_vec(&Index {
        docs: Vec::new(),
        kinds: KINDS
            .iter()
            .map(|k| (k.to_string(), i18n::get(lang, &format!("kind_doc_{k}"))))
            .collect(),
        lang,
        terms: BTreeMap::new(),
        v: 1,
    })
    .expect("json");
    const DOCS: &[u8] = br#"{"docs":["#;
    const TERMS: &[u8] = br#""terms":{"#;
    assert!(empty.starts_with(DOCS) && empty[DOCS.len()] == b']');
    // A `"` inside a JSON string is escaped, so `"terms":{}` can only be the key.
    let at = empty
        .windows(TERMS.len() + 1)
        .rposition(|w| w.starts_with(TERMS) && w[TERMS.len()] == b'}')
        .expect("terms key")
        + TERMS.len();
    [
        DOCS.to_vec(),
        empty[DOCS.len()..at].to_vec(),
        empty[at..].to_vec(),
    ]
}

/// Appends one document's entry of the `docs` list: `[url, title, kind, excerpt]`.
pub(super) fn write_doc(out: &mut Vec<u8>, d: &Doc) {
    serde_json::to_writer(out, &d.row()).expect("json");
}

/// Appends one entry of the `terms` object: `"token":[posting*]`, each
/// posting `doc * 4 + field bits` in order of document.
pub(super) fn write_term(out: &mut Vec<u8>, token: &str, postings: &[u32]) {
    serde_json::to_writer(&mut *out, token).expect("json");
    // The numbers by hand (serde_json writes the same decimal digits, but
    // with two small writes per number, which made this the cost of a
    // `serve` update of a case sharing many common words).
    out.reserve(2 + postings.len() * 7);
    out.extend_from_slice(b":[");
    for (k, &p) in postings.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(decimal(p, &mut [0u8; 10]));
    }
    out.push(b']');
}

/// `n` in decimal (the digits serde_json writes), in `buf`.
pub(super) fn decimal(mut n: u32, buf: &mut [u8; 10]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[at..]
}

/// Appends the index of `lang` as JSON to `out` (the same bytes as
/// `serde_json::to_string(&index(..))`, whose maps are sorted by key),
/// serialized straight from the postings: turning every posting into a
/// `serde_json::Value` first cost ~120 MiB at 10k cases.
pub fn index_into(site: &Site, lang: &str, out: &mut Vec<u8>) {
    let v = View { site, lang };
    let mut docs = documents(v);
    // Documents are taken in order, so each token's postings come sorted
    // by document: a vector per token, merged with its last entry.
    let mut terms: std::collections::HashMap<String, Vec<u32>> = std::collections::HashMap::new();
    for (n, d) in docs.iter_mut().enumerate() {
        let n = n as u32;
        d.each_token(|t, field| {
            let p = terms.entry(t).or_default();
            match p.last_mut() {
                Some(last) if *last >> 2 == n => *last |= field,
                _ => p.push(n * 4 + field),
            }
        });
        d.body = String::new();
    }
    let mut terms: Vec<(String, Vec<u32>)> = terms.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let [head, mid, tail] = frame(lang);
    out.extend_from_slice(&head);
    for (n, d) in docs.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        write_doc(out, d);
    }
    drop(docs);
    out.extend_from_slice(&mid);
    for (n, (t, p)) in terms.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        write_term(out, t, p);
    }
    out.extend_from_slice(&tail);
}

/// The index of `lang` as a JSON string (see [`index_into`]).
pub fn index_json(site: &Site, lang: &str) -> String {
    let mut out = Vec::new();
    index_into(site, lang, &mut out);
    String::from_utf8(out).expect("utf-8")
}

/// What the index script of `lang` has before and after the index JSON.
pub(super) fn script_wrap(lang: &str) -> (Vec<u8>, &'static [u8]) {
    let head = format!(
        "(window.govatlasSearch=window.govatlasSearch||{{}})[{}]=",
        serde_json::to_string(lang).expect("json")
    );
    (head.into_bytes(), b";\n")
}

/// The search page job of `v.lang` (the index itself is a separate file).
pub fn search_page<'a>(v: View<'a>, jobs: &mut super::pages::Jobs<'a>) {
    super::pages::push(
        jobs,
        v,
        "search.html",
        |l| urls::section(l, "search"),
        super::pages::Shows::NoCases,
        move || json!({"index": index_path(v.lang)}),
    );
}

/// Path of the index script of `lang`.
pub fn index_path(lang: &str) -> String {
    format!("search/{lang}.js")
}

/// Every language's index as a script that registers it in
/// `window.govatlasSearch[lang]`.
pub fn files(site: &Site) -> Vec<RenderedFile> {
    site.languages
        .iter()
        .map(|lang| {
            let (mut js, tail) = script_wrap(lang);
            index_into(site, lang, &mut js);
            js.extend_from_slice(tail);
            (index_path(lang), js)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::tokens;

    #[test]
    fn chinese_is_cut_into_bigrams_and_words_kept() {
        assert_eq!(tokens("車牌辨識"), ["車牌", "牌辨", "辨識"]);
        assert_eq!(
            tokens("AI應用 High-Impact"),
            ["ai", "應用", "high", "impact"]
        );
        assert_eq!(tokens("智"), ["智"]);
        assert_eq!(tokens("ＡＢＣ１"), ["abc1"]);
    }
}
