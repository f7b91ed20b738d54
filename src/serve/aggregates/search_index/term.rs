//! One term of a search index: its postings, and its serialized
//! `"token":[postings]` member, patched in place when a posting changes.

use crate::render::search::{self, decimal};

/// One term of a search index.
pub(super) struct Term {
    pub(super) token: Box<str>,
    /// `doc * 4 + field bits`, sorted.
    pub(super) postings: Vec<u32>,
    /// `"token":[postings]`, empty when there is no posting.
    pub(super) member: Vec<u8>,
}

impl Term {
    pub(super) fn remake(&mut self) {
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
    pub(super) fn put(&mut self, at: usize, here: bool, value: Option<u32>) {
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
