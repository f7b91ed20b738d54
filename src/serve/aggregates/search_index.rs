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

use super::parts::Part;
use crate::model::Site;
use crate::render::search::{self, decimal, Labels};
use crate::render::views::View;
use crate::schema::{Case, Inventory};
use rayon::prelude::*;
use std::collections::HashMap;

/// One term of a search index.
struct Term {
    token: Box<str>,
    /// `doc * 4 + field bits`, sorted.
    postings: Vec<u32>,
    /// `"token":[postings]`, empty when there is no posting.
    member: Vec<u8>,
}

impl Term {
    fn remake(&mut self) {
        self.member.clear();
        if !self.postings.is_empty() {
            search::write_term(&mut self.member, &self.token, &self.postings);
        }
    }

    /// Sets posting `at` (`here`: there is one at `at` to replace or remove)
    /// to `value` (`None`: removed), and patches `member` in place: the
    /// postings are sorted, so their decimal lengths never decrease and the
    /// byte offset of a posting follows from a few binary searches. Only
    /// the bytes after the change move; a common term's member is not
    /// written again.
    fn put(&mut self, at: usize, here: bool, value: Option<u32>) {
        let len = self.postings.len();
        if len == 0 || (here && len == 1 && value.is_none()) {
            match (here, value) {
                (true, None) => {
                    self.postings.remove(at);
                }
                (true, Some(v)) => self.postings[at] = v,
                (false, Some(v)) => self.postings.insert(at, v),
                (false, None) => {}
            }
            return self.remake();
        }
        // `"token":[` + postings joined by `,` + `]`
        let key = self.member.len() - digits_before(&self.postings, len) - len;
        let start = key + digits_before(&self.postings, at) + at;
        let mut buf = [0u8; 10];
        match (here, value) {
            (true, None) => {
                let end = start + decimal(self.postings[at], &mut buf).len();
                if at + 1 < len {
                    self.member.drain(start..=end);
                } else {
                    self.member.drain(start - 1..end);
                }
                self.postings.remove(at);
            }
            (true, Some(v)) => {
                let end = start + decimal(self.postings[at], &mut buf).len();
                self.member
                    .splice(start..end, decimal(v, &mut buf).iter().copied());
                self.postings[at] = v;
            }
            (false, Some(v)) => {
                let digits = decimal(v, &mut buf);
                if at < len {
                    let bytes = digits.iter().copied().chain([b',']);
                    self.member.splice(start..start, bytes);
                } else {
                    let end = self.member.len() - 1;
                    let bytes = [b','].into_iter().chain(digits.iter().copied());
                    self.member.splice(end..end, bytes);
                }
                self.postings.insert(at, v);
            }
            (false, None) => {}
        }
    }
}

/// The number of decimal digits of the first `k` of the sorted `postings`.
fn digits_before(postings: &[u32], k: usize) -> usize {
    let head = &postings[..k];
    let mut digits = k;
    let mut power = 10u32;
    loop {
        // Those at or above `power` have one digit more.
        let below = head.partition_point(|&p| p < power);
        if below == k {
            return digits;
        }
        digits += k - below;
        match power.checked_mul(10) {
            Some(p) => power = p,
            None => return digits,
        }
    }
}

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

    /// Notes that the term at place `at` of `order` changed. Places only
    /// grow when a new token is put in before them, and the new token is
    /// noted then, so the first place noted stays at or before every change.
    fn term_changed(&mut self, at: usize) {
        self.dirty_term = Some(self.dirty_term.map_or(at, |d| d.min(at)));
    }

    /// The term number of `token`, made (and put in order) if it is new.
    fn intern(&mut self, token: String) -> u32 {
        if let Some(&id) = self.ids.get(token.as_str()) {
            return id;
        }
        let id = self.terms.len() as u32;
        let at = self
            .order
            .binary_search_by(|o| (*self.terms[*o as usize].token).cmp(&token))
            .expect_err("a new token");
        self.order.insert(at, id);
        self.term_changed(at);
        let token: Box<str> = token.into();
        self.ids.insert(token.clone(), id);
        self.terms.push(Term {
            token,
            postings: Vec::new(),
            member: Vec::new(),
        });
        id
    }

    /// Sets the field bits of document `doc` in the postings of term `id`
    /// (0: not there).
    fn set(&mut self, id: u32, doc: u32, bits: u8) {
        let t = &mut self.terms[id as usize];
        let (was_live, was_len) = (!t.postings.is_empty(), t.member.len());
        let at = t.postings.partition_point(|p| p >> 2 < doc);
        let here = t.postings.get(at).is_some_and(|p| p >> 2 == doc);
        if !here && bits == 0 {
            return;
        }
        t.put(at, here, (bits != 0).then_some(doc * 4 + bits as u32));
        debug_assert!({
            let mut again = Vec::new();
            if !t.postings.is_empty() {
                search::write_term(&mut again, &t.token, &t.postings);
            }
            again == t.member
        });
        self.terms_len = self.terms_len + t.member.len() - was_len;
        match (was_live, t.postings.is_empty()) {
            (false, false) => self.live += 1,
            (true, true) => self.live -= 1,
            _ => {}
        }
        let token = &self.terms[id as usize].token;
        let place = self
            .order
            .binary_search_by(|o| self.terms[*o as usize].token.cmp(token))
            .expect("a known token");
        self.term_changed(place);
    }

    /// Puts case `n`'s (flat index) new text in: re-makes its document and
    /// the terms whose postings it changes.
    pub(super) fn update_case(&mut self, v: View, n: usize, inv: &Inventory, c: &Case) {
        let doc = self.case_docs[n];
        let d = search::case_doc(v, inv, c);
        let mut entry = Vec::new();
        search::write_doc(&mut entry, &d);
        if entry != self.docs[doc as usize] {
            self.dirty_doc = Some(self.dirty_doc.map_or(doc, |d| d.min(doc)));
            self.docs_len = self.docs_len + entry.len() - self.docs[doc as usize].len();
            self.docs[doc as usize] = entry;
        }
        let mut new: Vec<(u32, u8)> = doc_tokens(&d)
            .into_iter()
            .map(|(t, bits)| (self.intern(t), bits))
            .collect();
        new.sort_unstable();
        let old = std::mem::take(&mut self.case_terms[n]);
        // Walk both sorted lists; touch only terms whose bits differ.
        let (mut i, mut j) = (0, 0);
        while i < old.len() || j < new.len() {
            let (o, w) = (old.get(i), new.get(j));
            match (o, w) {
                (Some(&(a, ab)), Some(&(b, bb))) if a == b => {
                    if ab != bb {
                        self.set(a, doc, bb);
                    }
                    i += 1;
                    j += 1;
                }
                (Some(&(a, _)), Some(&(b, _))) if a < b => {
                    self.set(a, doc, 0);
                    i += 1;
                }
                (Some(&(a, _)), None) => {
                    self.set(a, doc, 0);
                    i += 1;
                }
                (_, Some(&(b, bb))) => {
                    self.set(b, doc, bb);
                    j += 1;
                }
                (None, None) => unreachable!(),
            }
        }
        self.case_terms[n] = new.into_boxed_slice();
    }
}

impl Part for SearchIndex {
    fn path(&self) -> &str {
        &self.path
    }
    fn len(&self) -> usize {
        self.head.len()
            + self.docs_len
            + self.docs.len().saturating_sub(1)
            + self.mid.len()
            + self.terms_len
            + self.live.saturating_sub(1)
            + self.tail.len()
    }
    fn pieces(&self, f: &mut dyn FnMut(&[u8], bool)) {
        let dirty_doc = self.dirty_doc.map_or(usize::MAX, |d| d as usize);
        let mid_dirty = self.dirty_doc.is_some() || self.mid_changed;
        let any = mid_dirty || self.dirty_term.is_some();
        // Every term is after the documents and the labels.
        let dirty_term = match (mid_dirty, self.dirty_term) {
            (true, _) => 0,
            (false, Some(t)) => t,
            (false, None) => usize::MAX,
        };
        f(&self.head, false);
        for (n, d) in self.docs.iter().enumerate() {
            if n > 0 {
                f(b",", n >= dirty_doc);
            }
            f(d, n >= dirty_doc);
        }
        f(&self.mid, mid_dirty);
        let mut first = true;
        for (place, &id) in self.order.iter().enumerate() {
            let m = &self.terms[id as usize].member;
            if m.is_empty() {
                continue;
            }
            // A term that lost its last posting writes nothing, so the
            // next one written carries the change.
            if !first {
                f(b",", place >= dirty_term);
            }
            first = false;
            f(m, place >= dirty_term);
        }
        f(&self.tail, any);
    }
}

#[cfg(test)]
mod tests {
    use super::Term;

    /// Patching a member in place gives the bytes of writing it again,
    /// across every digit-count boundary and at both ends.
    #[test]
    fn a_patched_term_member_equals_a_rewritten_one() {
        let mut t = Term {
            token: "詞\"x".into(),
            postings: Vec::new(),
            member: Vec::new(),
        };
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for step in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Documents around 2, 25, 250, 2500 (values around 10, 100, ...).
            let doc =
                [2u32, 25, 250, 2500, 25_000][(seed % 5) as usize] + (seed >> 8) as u32 % 4 - 2;
            let bits = (seed >> 16) as u32 % 4;
            let at = t.postings.partition_point(|p| p >> 2 < doc);
            let here = t.postings.get(at).is_some_and(|p| p >> 2 == doc);
            t.put(at, here, (bits != 0).then_some(doc * 4 + bits));
            let mut again = Vec::new();
            if !t.postings.is_empty() {
                crate::render::search::write_term(&mut again, &t.token, &t.postings);
            }
            assert_eq!(
                String::from_utf8_lossy(&t.member),
                String::from_utf8_lossy(&again),
                "step {step}"
            );
        }
    }
}
