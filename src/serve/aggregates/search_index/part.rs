//! The index written out as a [`Part`] of the data files: its length, and
//! its pieces in order, each marked when the last update changed it (so
//! that only the stretch from the first change on is written again).

use super::SearchIndex;
use crate::serve::aggregates::parts::Part;

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
