//! Putting an edited case into the index: re-making its document, and
//! touching only the terms whose postings it changes.

use super::term::Term;
use super::{doc_tokens, SearchIndex};
use crate::render::search;
use crate::render::views::View;
use crate::schema::{Case, Inventory};

impl SearchIndex {
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
    pub(in crate::serve::aggregates) fn update_case(
        &mut self,
        v: View,
        n: usize,
        inv: &Inventory,
        c: &Case,
    ) {
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
