//! The search index of one language kept in pieces, for `serve`.
//!
//! Its documents are numbered in a fixed order (jurisdictions, frameworks
//! and their provisions, inventories and their cases, pages), and editing a
//! case keeps its number. Kept: each document's serialized entry; each
//! case's set of (term, field bits); each term's postings (`doc * 4 +
//! bits`, sorted) and its serialized `"term":[...]` member; the terms in
//! sorted order; the labels of the values cases carry (in the part between
//! documents and terms). An edit re-makes the case's document, and touches
//! only the terms of its old and new text whose bits changed. A term left
//! with no posting stays known (so its number and place in the order are
//! kept) but is not written.
//!
//! Here: the index and how it is first made; [`term`] holds one term and
//! patches its serialized member in place; [`update`] puts an edited case
//! in; [`part`] writes the pieces out in order, marking what changed.

mod part;
mod term;
mod update;

use crate::model::Site;
use crate::render::search::{self, Labels};
use crate::render::views::View;
use rayon::prelude::*;
use std::collections::HashMap;
use term::Term;

/// The search index of one language in pieces (see the module comment).
pub(super) struct SearchIndex {
    path: String,
    /// Script head up to the first document, between documents and terms,
    /// after the terms.
    head: Vec<u8>,
    mid: Vec<u8>,
    /// Whether the last update changed `mid` (the labels).
    mid_changed: bool,
    tail: Vec<u8>,
    /// Each document's serialized entry.
    docs: Vec<Vec<u8>>,
    /// Total length of `docs`.
    docs_len: usize,
    /// Document number of each case, in `site.cases()` order.
    case_docs: Vec<u32>,
    /// Each case's terms: (term number, field bits), sorted by term number.
    case_terms: Vec<Box<[(u32, u8)]>>,
    /// Term number of each token ever seen.
    ids: HashMap<Box<str>, u32>,
    terms: Vec<Term>,
    /// Term numbers in order of token.
    order: Vec<u32>,
    /// Total length of the members, and how many terms have postings.
    terms_len: usize,
    live: usize,
    /// The first document, and the first term (by place in `order`), that
    /// the last update changed.
    dirty_doc: Option<u32>,
    dirty_term: Option<usize>,
}

/// The distinct tokens of a document with their field bits, sorted by token.
fn doc_tokens(d: &search::Doc) -> Vec<(String, u8)> {
    let mut all: Vec<(String, u8)> = Vec::new();
    d.each_token(|t, field| all.push((t, field as u8)));
    all.sort_unstable();
    let mut out: Vec<(String, u8)> = Vec::with_capacity(all.len());
    for (t, f) in all {
        match out.last_mut() {
            Some((last, bits)) if *last == t => *bits |= f,
            _ => out.push((t, f)),
        }
    }
    out
}

impl SearchIndex {
    pub(super) fn new(site: &Site, lang: &str, labels: &Labels) -> SearchIndex {
        let v = View { site, lang };
        let docs = search::documents(v);
        let tokens: Vec<Vec<(String, u8)>> = docs.par_iter().map(doc_tokens).collect();
        let mut ids: HashMap<Box<str>, u32> = HashMap::new();
        let mut terms: Vec<Term> = Vec::new();
        let mut case_docs = Vec::new();
        let mut case_terms = Vec::new();
        for (n, (d, toks)) in docs.iter().zip(tokens).enumerate() {
            let is_case = d.is_case();
            let mut mine = Vec::new();
            for (t, bits) in toks {
                let id = match ids.get(t.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = terms.len() as u32;
                        let token: Box<str> = t.into();
                        ids.insert(token.clone(), id);
                        terms.push(Term {
                            token,
                            postings: Vec::new(),
                            member: Vec::new(),
                        });
                        id
                    }
                };
                terms[id as usize].postings.push(n as u32 * 4 + bits as u32);
                if is_case {
                    mine.push((id, bits));
                }
            }
            if is_case {
                mine.sort_unstable();
                case_docs.push(n as u32);
                case_terms.push(mine.into_boxed_slice());
            }
        }
        terms.par_iter_mut().for_each(Term::remake);
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        order.par_sort_unstable_by(|a, b| terms[*a as usize].token.cmp(&terms[*b as usize].token));
        let docs: Vec<Vec<u8>> = docs
            .par_iter()
            .map(|d| {
                let mut out = Vec::new();
                search::write_doc(&mut out, d);
                out
            })
            .collect();
        let [head, mid, tail] = search::frame(lang, labels);
        let (mut script, end) = search::script_wrap(lang);
        script.extend_from_slice(&head);
        let mut tail = tail;
        tail.extend_from_slice(end);
        SearchIndex {
            path: search::index_path(lang),
            head: script,
            mid,
            mid_changed: false,
            tail,
            docs_len: docs.iter().map(Vec::len).sum(),
            docs,
            case_docs,
            case_terms,
            ids,
            terms_len: terms.iter().map(|t| t.member.len()).sum(),
            live: terms.iter().filter(|t| !t.postings.is_empty()).count(),
            terms,
            order,
            dirty_doc: None,
            dirty_term: None,
        }
    }

    /// Forgets what the last update changed.
    pub(super) fn clean(&mut self) {
        self.dirty_doc = None;
        self.dirty_term = None;
        self.mid_changed = false;
    }

    /// Puts in the labels of `labels` (when an agency's name changed).
    pub(super) fn set_labels(&mut self, lang: &str, labels: &Labels) {
        let [_, mid, _] = search::frame(lang, labels);
        if mid != self.mid {
            self.mid = mid;
            self.mid_changed = true;
        }
    }
}
