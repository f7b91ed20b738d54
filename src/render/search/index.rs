//! The index of one language as JSON, written straight from the postings:
//! `{"case_url": "zh-TW/cases/", "docs": [[url, title, kind, excerpt]],
//! "kinds": {kind: label}, "labels": {key: [label, ...]}, "lang": "zh-TW",
//! "stop": [word] (the words bodies leave out, `tokens::STOP_WORDS`),
//! "terms": {token: [doc * 4 + field bits]}, "v": 2}`. Field bit 1: the
//! token is in the title; 2: in the body. A key of `labels` (`#f:personal_data`)
//! is also a term: its postings are the cases carrying that value, and the
//! script finds them through its labels (the label in the page's language
//! first, then the other languages', then the aliases).

use super::docs::Doc;
use crate::model::Site;
use crate::render::facets::FreeFacet;
use crate::render::i18n;
use crate::schema::{Text, VocabularyKind as V};
use serde::Serialize;
use std::collections::BTreeMap;

/// The kinds of document, in the order of the `kinds` object.
const KINDS: [&str; 6] = [
    "jurisdiction",
    "framework",
    "provision",
    "inventory",
    "case",
    "page",
];

/// The labels of every key, per language (see [`labels`]).
pub type Labels = BTreeMap<String, Vec<String>>;

/// The agencies labelled in each of the site's languages: what the
/// agency keys' labels are made of.
pub struct AgencyNames(Vec<(String, FreeFacet)>);

impl AgencyNames {
    /// Reads every case's agency.
    pub fn new(site: &Site) -> AgencyNames {
        AgencyNames(
            site.languages
                .iter()
                .map(|l| (l.clone(), FreeFacet::agencies(site, l)))
                .collect(),
        )
    }
}

/// The labels of every key a case may carry, for the index of `lang`.
pub fn labels(site: &Site, lang: &str, agencies: &AgencyNames) -> Labels {
    // The page's language first, then the others in site order.
    let langs: Vec<&str> = std::iter::once(lang)
        .chain(
            site.languages
                .iter()
                .map(String::as_str)
                .filter(|l| *l != lang),
        )
        .collect();
    let mut out = Labels::new();
    let mut put = |key: String, label: &str| {
        let list = out.entry(key).or_default();
        let label = label.trim();
        if !label.is_empty() && !list.iter().any(|l| l == label) {
            list.push(label.to_string());
        }
    };
    let texts = |t: &Text| -> Vec<String> {
        langs
            .iter()
            .filter_map(|l| t.get(l))
            .map(str::to_string)
            .collect()
    };
    for (kind, prefix) in [
        (V::RiskFlags, "f"),
        (V::Techniques, "t"),
        (V::UseClasses, "u"),
    ] {
        for t in &site.vocabulary(kind).terms {
            let key = format!("#{prefix}:{}", t.id.value);
            for l in texts(&t.label).iter().chain(&t.aliases) {
                put(key.clone(), l);
            }
            for s in &t.subtypes {
                let key = format!("#{prefix}:{}/{}", t.id.value, s.id.value);
                for l in texts(&s.label).iter().chain(&s.aliases) {
                    put(key.clone(), l);
                }
            }
        }
    }
    for inv in &site.inventories {
        for m in &inv.flag_methods {
            let key = format!("#m:{}/{}", inv.id.value, m.id.value);
            for l in texts(&m.label) {
                put(key.clone(), &l);
            }
        }
    }
    for l in &langs {
        let Some((_, names)) = agencies.0.iter().find(|(x, _)| x == l) else {
            continue;
        };
        for o in &names.options {
            for k in &o.keys {
                put(format!("#a:{k}"), &o.label);
            }
        }
    }
    out
}

/// The fixed parts of the index JSON of `lang` around its documents and its
/// terms, `[head, mid, tail]`: the index is `head`, the documents joined by
/// `,`, `mid`, the terms joined by `,`, `tail`. They are cut out of the index
/// serialized with no document and no term, so that they are the bytes serde
/// writes.
pub(crate) fn frame(lang: &str, labels: &Labels) -> [Vec<u8>; 3] {
    #[derive(Serialize)]
    struct Index<'a> {
        case_url: String,
        docs: [(); 0],
        kinds: BTreeMap<String, String>,
        labels: &'a Labels,
        lang: &'a str,
        stop: &'static [&'static str],
        terms: BTreeMap<String, ()>,
        v: u32,
    }
    let empty = serde_json::to_vec(&Index {
        case_url: format!("{lang}/cases/"),
        docs: [],
        kinds: KINDS
            .iter()
            .map(|k| (k.to_string(), i18n::get(lang, &format!("kind_doc_{k}"))))
            .collect(),
        labels,
        lang,
        stop: super::tokens::STOP_WORDS,
        terms: BTreeMap::new(),
        v: 2,
    })
    .expect("json");
    // A `"` inside a JSON string is escaped, so these can only be keys;
    // `docs` is written before any string that could hold the text.
    const DOCS: &[u8] = br#","docs":["#;
    const TERMS: &[u8] = br#","terms":{"#;
    let docs = empty
        .windows(DOCS.len())
        .position(|w| w == DOCS)
        .expect("docs key")
        + DOCS.len();
    let terms = empty
        .windows(TERMS.len() + 1)
        .rposition(|w| w.starts_with(TERMS) && w[TERMS.len()] == b'}')
        .expect("terms key")
        + TERMS.len();
    [
        empty[..docs].to_vec(),
        empty[docs..terms].to_vec(),
        empty[terms..].to_vec(),
    ]
}

/// Appends one document's entry of the `docs` list: `[url, title, kind, excerpt]`.
pub(crate) fn write_doc(out: &mut Vec<u8>, d: &Doc) {
    serde_json::to_writer(out, &d.row()).expect("json");
}

/// Appends one entry of the `terms` object: `"token":[posting*]`, each
/// posting `doc * 4 + field bits` in order of document.
pub(crate) fn write_term(out: &mut Vec<u8>, token: &str, postings: &[u32]) {
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
pub(crate) fn decimal(mut n: u32, buf: &mut [u8; 10]) -> &[u8] {
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

/// Appends the index of the documents `docs` of `lang` as JSON to `out`,
/// serialized straight from the postings: turning every posting into a
/// `serde_json::Value` first cost ~120 MiB at 10k cases.
pub(crate) fn write_index(mut docs: Vec<Doc>, lang: &str, labels: &Labels, out: &mut Vec<u8>) {
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
        d.drop_text();
    }
    let mut terms: Vec<(String, Vec<u32>)> = terms.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let [head, mid, tail] = frame(lang, labels);
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
