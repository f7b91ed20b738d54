//! The case explorer's data, one pair of scripts per language (scripts, not
//! JSON, so they load from `file://` too, where `fetch` is refused):
//!
//! * `data/case-rows.<lang>.js`: the facet dictionaries and one short array
//!   per case of integer codes into them — what a facet click needs. The
//!   explorer turns the codes into typed columns once, so a click is a pass
//!   over integers, not over strings.
//! * `data/case-text.<lang>.js`: each case's description, loaded only when
//!   a reader first types in the text filter (it is most of the bytes).
//!
//! Both are a fixed head, one item per case joined by `,`, and a fixed
//! tail, so `serve` patches an edited case in (`serve::aggregates`).
//!
//! A row is `[id, name, name_lang, jurisdiction, inventory, use, sub,
//! [techniques], [flags ticked], [flags not assessed], agency, stage]`:
//! `name_lang` is the language of the name when it is not the page's
//! (else `""`); `sub`, `agency` and `stage` are `-1` when not stated; the
//! others index the head's lists (`use` and `sub` both index `uses`).

use super::facets::{self, FreeFacet};
use super::pages::CASES_PER_PAGE;
use super::RenderedFile;
use crate::model::Site;
use crate::schema::{Case, VocabularyKind as V};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// Path of the rows script of `lang`.
pub fn path(lang: &str) -> String {
    format!("data/case-rows.{lang}.js")
}

/// Path of the descriptions script of `lang`.
pub fn text_path(lang: &str) -> String {
    format!("data/case-text.{lang}.js")
}

/// `[key, label, label_lang]`, with `""` for a label in the page's language.
type Opt = (String, String, String);

/// The head of the rows script (everything but the rows), in the order
/// serde writes it.
#[derive(Serialize, PartialEq)]
struct Head {
    v: u32,
    lang: String,
    /// A case's page is `case_url + lower-cased id + ".html"`.
    case_url: String,
    page_size: usize,
    jurisdictions: Vec<Opt>,
    /// `[id, title, title_lang, jurisdiction, url]`.
    inventories: Vec<(String, String, String, usize, String)>,
    /// Use classes, each followed by its sub-types: `[key, label,
    /// label_lang, parent]` (`parent` -1 for a class).
    uses: Vec<(String, String, String, i64)>,
    techniques: Vec<Opt>,
    flags: Vec<Opt>,
    /// `[[keys], label, label_lang]`.
    agencies: Vec<(Vec<String>, String, String)>,
    stages: Vec<(Vec<String>, String, String)>,
    rows: [(); 0],
}

/// What a language's rows need besides the case: the codes of every
/// facet value. Made once per language (it reads every case, for the
/// agencies and stages).
pub struct Coder {
    lang: String,
    juris: HashMap<String, usize>,
    uses: HashMap<String, usize>,
    agencies: FreeFacet,
    stages: FreeFacet,
}

fn fb_of(fb: Option<&str>) -> String {
    fb.unwrap_or("").to_string()
}

impl Coder {
    /// The coder of `lang`.
    pub fn new(site: &Site, lang: &str) -> Coder {
        let juris = jurisdictions(site)
            .into_iter()
            .enumerate()
            .map(|(n, j)| (j.to_string(), n))
            .collect();
        let uses = facets::use_keys(site)
            .into_iter()
            .enumerate()
            .map(|(n, (k, _))| (k, n))
            .collect();
        Coder {
            lang: lang.to_string(),
            juris,
            uses,
            agencies: FreeFacet::agencies(site, lang),
            stages: FreeFacet::stages(site, lang),
        }
    }

    /// Whether the agencies and stages read the same as in `other` (then
    /// every row's codes do too).
    pub fn same_codes(&self, other: &Coder) -> bool {
        self.agencies == other.agencies && self.stages == other.stages
    }

    fn head(&self, site: &Site) -> Head {
        let lang = self.lang.as_str();
        let opt = |id: &str, t: &crate::schema::Text| {
            let (label, fb) = t.resolve(lang);
            (id.to_string(), label.to_string(), fb_of(fb))
        };
        let terms = |kind: V| -> Vec<Opt> {
            site.vocabulary(kind)
                .terms
                .iter()
                .map(|t| opt(&t.id.value, &t.label))
                .collect()
        };
        let mut uses = Vec::new();
        for t in &site.vocabulary(V::UseClasses).terms {
            let parent = uses.len() as i64;
            let (id, label, fb) = opt(&t.id.value, &t.label);
            uses.push((id, label, fb, -1));
            for s in &t.subtypes {
                let (id, label, fb) = opt(&s.id.value, &s.label);
                uses.push((format!("{}/{id}", t.id.value), label, fb, parent));
            }
        }
        let free = |f: &FreeFacet| {
            f.options
                .iter()
                .map(|o| (o.keys.clone(), o.label.clone(), fb_of(o.fb.as_deref())))
                .collect()
        };
        Head {
            v: 2,
            lang: lang.to_string(),
            case_url: format!("{lang}/cases/"),
            page_size: CASES_PER_PAGE,
            jurisdictions: jurisdictions(site)
                .into_iter()
                .map(|id| match site.jurisdiction(id) {
                    Some(j) => opt(id, &site.jurisdictions[j].name),
                    None => (id.to_string(), id.to_string(), String::new()),
                })
                .collect(),
            inventories: site
                .inventories
                .iter()
                .map(|i| {
                    let (id, label, fb) = opt(&i.id.value, &i.title);
                    let j = self.juris.get(&i.jurisdiction.value).copied().unwrap_or(0);
                    (
                        id,
                        label,
                        fb,
                        j,
                        super::urls::inventory(lang, &i.id.value, 1),
                    )
                })
                .collect(),
            uses,
            techniques: terms(V::Techniques),
            flags: terms(V::RiskFlags),
            agencies: free(&self.agencies),
            stages: free(&self.stages),
            rows: [],
        }
    }

    /// The script around the rows, `(head, tail)`: the script is `head`,
    /// the rows joined by `,`, `tail`. Cut out of the script written with
    /// no row, so they are the bytes serde writes.
    pub fn frame(&self, site: &Site) -> (Vec<u8>, Vec<u8>) {
        let mut js = script_start("govatlasCases", &self.lang);
        serde_json::to_writer(&mut js, &self.head(site)).expect("json");
        js.extend_from_slice(b";\n");
        // `rows` is the last member, and an empty array.
        let at = js.len() - b"]};\n".len();
        let tail = js.split_off(at);
        (js, tail)
    }

    /// Appends one case's row; `i` is its inventory's index.
    pub fn write_row(&self, site: &Site, out: &mut Vec<u8>, i: usize, c: &Case) {
        let inv = &site.inventories[i];
        let (name, fb) = c.name.resolve(&self.lang);
        let code = |x: Option<u32>| x.map_or(-1, i64::from);
        let tech = site.vocabulary(V::Techniques);
        let row = (
            &c.id.value,
            name,
            fb.unwrap_or(""),
            self.juris
                .get(facets::jurisdiction(inv, c))
                .copied()
                .unwrap_or(0),
            i,
            self.uses.get(&c.use_class.value).copied().unwrap_or(0),
            facets::subtype_key(c)
                .and_then(|k| self.uses.get(&k).copied())
                .map_or(-1, |n| n as i64),
            c.techniques
                .iter()
                .filter_map(|t| tech.position(&t.value))
                .collect::<Vec<_>>(),
            facets::flags_ticked(site, c),
            facets::flags_not_assessed(site, inv, c),
            code(self.agencies.code(site, facets::agency(c))),
            code(self.stages.code(site, facets::stage(c))),
        );
        serde_json::to_writer(out, &row).expect("json");
    }

    /// Appends one case's entry of the descriptions script: what the
    /// case says it does ([`facets::described`]) in this language (or
    /// another, when a text has none here), the texts joined by a newline.
    pub fn write_text(&self, out: &mut Vec<u8>, c: &Case) {
        let text: Vec<&str> = facets::described(c)
            .into_iter()
            .filter_map(|(_, t)| t.map(|t| t.resolve(&self.lang).0))
            .collect();
        serde_json::to_writer(out, &text.join("\n")).expect("json");
    }
}

/// `(window.NAME=window.NAME||{})["lang"]=`
fn script_start(name: &str, lang: &str) -> Vec<u8> {
    format!(
        "(window.{name}=window.{name}||{{}})[{}]=",
        serde_json::to_string(lang).expect("json")
    )
    .into_bytes()
}

/// The jurisdictions the explorer lists: those some case belongs to (its
/// own or its inventory's), in site order.
fn jurisdictions(site: &Site) -> Vec<&str> {
    let used: std::collections::HashSet<&str> = site
        .cases()
        .map(|(i, c)| facets::jurisdiction(&site.inventories[i], c))
        .collect();
    site.jurisdictions
        .iter()
        .map(|j| j.id.value.as_str())
        .filter(|j| used.contains(j))
        .collect()
}

/// The descriptions script around its entries, `(head, tail)`.
pub fn text_frame(lang: &str) -> (Vec<u8>, Vec<u8>) {
    let mut head = script_start("govatlasCaseText", lang);
    head.extend_from_slice(br#"{"v":1,"text":["#);
    (head, b"]};\n".to_vec())
}

/// Every language's rows script and descriptions script.
pub fn files(site: &Site) -> Vec<RenderedFile> {
    site.languages
        .par_iter()
        .flat_map_iter(|lang| {
            let coder = Coder::new(site, lang);
            let (mut js, tail) = coder.frame(site);
            let (mut text, text_tail) = text_frame(lang);
            for (n, (i, c)) in site.cases().enumerate() {
                if n > 0 {
                    js.push(b',');
                    text.push(b',');
                }
                coder.write_row(site, &mut js, i, c);
                coder.write_text(&mut text, c);
            }
            js.extend_from_slice(&tail);
            text.extend_from_slice(&text_tail);
            [(path(lang), js), (text_path(lang), text)]
        })
        .collect()
}
