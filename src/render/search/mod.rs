//! The offline search index, one per language (`search/<lang>.js`).
//!
//! Text is cut into tokens the same way here and in `static/search.js`
//! ([`tokens`]). A query matches a record when every query token does —
//! in the record's own text (a Latin token also as a word prefix), or in
//! the label of a value the record carries (a case's flags, techniques,
//! use class, agency: their labels in every language, so 個資 finds cases
//! named in English through the personal-data flag). The index is a
//! JavaScript file that sets a global, so the search page loads it with a
//! `<script>` element: that works on any static host *and* from `file://`,
//! where `fetch` of a local file is refused.

mod docs;
mod index;
mod tokens;

pub(crate) use docs::{case_doc, documents, Doc};
pub(crate) use index::{decimal, frame, write_doc, write_term};
pub use index::{labels, AgencyNames, Labels};
pub use tokens::{is_cjk, tokens};

use super::views::View;
use super::{urls, RenderedFile};
use crate::model::Site;
use serde_json::json;

/// What the index script of `lang` has before and after the index JSON.
pub(crate) fn script_wrap(lang: &str) -> (Vec<u8>, &'static [u8]) {
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
        move || json!({"index": index_path(v.lang), "explorer": urls::case_table(v.lang, 1)}),
    );
}

/// Path of the index script of `lang`.
pub fn index_path(lang: &str) -> String {
    format!("search/{lang}.js")
}

/// The index script of `lang`.
pub fn script(site: &Site, lang: &str, agencies: &AgencyNames) -> Vec<u8> {
    let labels = labels(site, lang, agencies);
    let (mut js, tail) = script_wrap(lang);
    index::write_index(documents(View { site, lang }), lang, &labels, &mut js);
    js.extend_from_slice(tail);
    js
}

/// Every language's index as a script that registers it in
/// `window.govatlasSearch[lang]`.
pub fn files(site: &Site) -> Vec<RenderedFile> {
    let agencies = AgencyNames::new(site);
    // One language at a time: side by side they doubled the peak memory.
    site.languages
        .iter()
        .map(|lang| (index_path(lang), script(site, lang, &agencies)))
        .collect()
}
