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
use crate::schema::{Provision, Text, VocabularyKind as V};
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

struct Doc {
    url: String,
    title: String,
    kind: &'static str,
    excerpt: String,
    body: String,
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

fn documents(v: View) -> Vec<Doc> {
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
            docs.push(Doc {
                url: urls::case(v.lang, &c.id.value),
                title: v.plain(&c.name),
                kind: "case",
                excerpt: excerpt(&agency),
                body: join(&body),
            });
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
        for (field, text) in [(1u32, &d.title), (2u32, &d.body)] {
            for t in tokens(text) {
                *terms.entry(t).or_default().entry(n as u32).or_default() |= field;
            }
        }
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
    let kinds = [
        "jurisdiction",
        "framework",
        "provision",
        "inventory",
        "case",
        "page",
    ];
    json!({
        "v": 1,
        "lang": lang,
        "kinds": kinds.iter().map(|k| (k.to_string(), Value::String(i18n::get(lang, &format!("kind_doc_{k}"))))).collect::<serde_json::Map<_, _>>(),
        "docs": docs.iter().map(|d| json!([d.url, d.title, d.kind, d.excerpt])).collect::<Vec<_>>(),
        "terms": terms,
    })
}

/// The same index as [`index`], serialized straight from the postings
/// (same bytes as `serde_json::to_string(&index(..))`, whose maps are
/// sorted by key): turning every posting into a `serde_json::Value` first
/// cost ~120 MiB at 10k cases.
pub fn index_json(site: &Site, lang: &str) -> String {
    use serde::ser::{SerializeMap, Serializer};
    let v = View { site, lang };
    let mut docs = documents(v);
    // Documents are taken in order, so each token's postings come sorted
    // by document: a vector per token, merged with its last entry.
    let mut terms: std::collections::HashMap<String, Vec<(u32, u32)>> =
        std::collections::HashMap::new();
    for (n, d) in docs.iter_mut().enumerate() {
        let n = n as u32;
        for (field, text) in [(1u32, &d.title), (2u32, &d.body)] {
            for t in tokens(text) {
                let p = terms.entry(t).or_default();
                match p.last_mut() {
                    Some((doc, f)) if *doc == n => *f |= field,
                    _ => p.push((n, field)),
                }
            }
        }
        d.body = String::new();
    }
    let mut terms: Vec<(String, Vec<(u32, u32)>)> = terms.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    struct Postings<'a>(&'a [(u32, u32)]);
    impl serde::Serialize for Postings<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|(d, f)| d * 4 + f))
        }
    }
    struct Terms<'a>(&'a [(String, Vec<(u32, u32)>)]);
    impl serde::Serialize for Terms<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(self.0.len()))?;
            for (t, p) in self.0 {
                m.serialize_entry(t, &Postings(p))?;
            }
            m.end()
        }
    }
    #[derive(serde::Serialize)]
    struct Index<'a> {
        docs: Vec<(&'a str, &'a str, &'a str, &'a str)>,
        kinds: BTreeMap<String, String>,
        lang: &'a str,
        terms: Terms<'a>,
        v: u32,
    }
    let kinds = [
        "jurisdiction",
        "framework",
        "provision",
        "inventory",
        "case",
        "page",
    ];
    let index = Index {
        docs: docs
            .iter()
            .map(|d| (d.url.as_str(), d.title.as_str(), d.kind, d.excerpt.as_str()))
            .collect(),
        kinds: kinds
            .iter()
            .map(|k| (k.to_string(), i18n::get(lang, &format!("kind_doc_{k}"))))
            .collect(),
        lang,
        terms: Terms(&terms),
        v: 1,
    };
    serde_json::to_string(&index).expect("json")
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
            let body = index_json(site, lang);
            let js = format!(
                "(window.govatlasSearch=window.govatlasSearch||{{}})[{}]={body};\n",
                serde_json::to_string(lang).expect("json")
            );
            (index_path(lang), js.into_bytes())
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
