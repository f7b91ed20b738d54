//! Related cases, shown on each case's page: a handful run by the same
//! agency, and a handful of the same use class with the most risk flags in
//! common. Computed at build time without comparing every pair of cases:
//! cases are grouped by agency, and within a use class bucketed by their
//! set of flags (a bit mask), so a case's list is read from its own group
//! and from at most one bucket per distinct mask of its class.
//!
//! The lists are also what `serve` asks when a case is edited: which other
//! case pages list it ([`Related::showing`]), before and after the edit.

use super::facets;
use crate::model::{CaseRef, Site};
use crate::schema::VocabularyKind as V;
use std::collections::{BTreeMap, HashMap};

/// How many cases each list shows at most.
pub const LIST: usize = 5;

/// The related-cases index of a site (see the module comment).
pub struct Related {
    refs: Vec<CaseRef>,
    /// The place of each inventory's first case.
    starts: Vec<u32>,
    /// Each case's agency group, and the cases of each group in site order.
    agency: Vec<u32>,
    groups: Vec<Vec<u32>>,
    /// Each case's use class (vocabulary position) and flag mask.
    class: Vec<u32>,
    mask: Vec<u64>,
    /// The cases of each (class, mask), in site order.
    buckets: HashMap<(u32, u64), Vec<u32>>,
    /// The distinct masks of each class.
    masks: HashMap<u32, Vec<u64>>,
}

/// The `k` cases of `list` (sorted) nearest to `me` in site order, nearer
/// first, earlier first on a tie, without `me` and anything in `skip`.
fn nearest(list: &[u32], me: u32, k: usize, skip: &[u32], out: &mut Vec<u32>) {
    let at = list.partition_point(|&x| x < me);
    let (mut lo, mut hi) = (at, at);
    let start = out.len();
    while out.len() - start < k && (lo > 0 || hi < list.len()) {
        let before = (lo > 0).then(|| list[lo - 1]);
        let after = list.get(hi).copied();
        let take_before = match (before, after) {
            (Some(b), Some(a)) => me - b <= a - me,
            (Some(_), None) => true,
            _ => false,
        };
        let x = if take_before {
            lo -= 1;
            list[lo]
        } else {
            hi += 1;
            list[hi - 1]
        };
        if x != me && !skip.contains(&x) && !out.contains(&x) {
            out.push(x);
        }
    }
}

impl Related {
    /// Reads every case's agency, use class and flags.
    pub fn new(site: &Site) -> Related {
        let flags = site.vocabulary(V::RiskFlags);
        let classes = site.vocabulary(V::UseClasses);
        let mut keys: HashMap<String, u32> = HashMap::new();
        let mut r = Related {
            refs: Vec::new(),
            starts: Vec::new(),
            agency: Vec::new(),
            groups: Vec::new(),
            class: Vec::new(),
            mask: Vec::new(),
            buckets: HashMap::new(),
            masks: HashMap::new(),
        };
        for (i, inv) in site.inventories.iter().enumerate() {
            r.starts.push(r.refs.len() as u32);
            for (k, c) in inv.cases.iter().enumerate() {
                let n = r.refs.len() as u32;
                r.refs.push(CaseRef {
                    inventory: i,
                    case: k,
                });
                let key = facets::text_key(site, &c.agency).unwrap_or_default();
                let next = keys.len() as u32;
                let g = *keys.entry(key).or_insert(next);
                if g as usize == r.groups.len() {
                    r.groups.push(Vec::new());
                }
                r.groups[g as usize].push(n);
                r.agency.push(g);
                let class = classes.position(&c.use_class.value).unwrap_or(usize::MAX) as u32;
                let mask = c
                    .risk_flags
                    .iter()
                    .filter_map(|f| flags.position(&f.value))
                    .filter(|&p| p < 64)
                    .fold(0u64, |m, p| m | 1 << p);
                r.class.push(class);
                r.mask.push(mask);
                r.buckets.entry((class, mask)).or_default().push(n);
            }
        }
        let mut masks: BTreeMap<u32, Vec<u64>> = BTreeMap::new();
        for &(class, mask) in r.buckets.keys() {
            masks.entry(class).or_default().push(mask);
        }
        for (class, mut list) in masks {
            list.sort_unstable();
            r.masks.insert(class, list);
        }
        r
    }

    /// The place of a case in site order.
    pub fn flat(&self, at: CaseRef) -> u32 {
        self.starts[at.inventory] + at.case as u32
    }

    /// The case at a place in site order.
    pub fn case_at(&self, n: u32) -> CaseRef {
        self.refs[n as usize]
    }

    /// Up to [`LIST`] other cases of the same agency, nearest in site order.
    pub fn same_agency(&self, n: u32) -> Vec<u32> {
        let mut out = Vec::new();
        nearest(
            &self.groups[self.agency[n as usize] as usize],
            n,
            LIST,
            &[],
            &mut out,
        );
        out
    }

    /// Up to [`LIST`] other cases of the same use class, with the most flags
    /// in common (then the fewest differing, then nearest in site order),
    /// leaving out those in `skip`.
    pub fn same_use(&self, n: u32, skip: &[u32]) -> Vec<u32> {
        let (class, mine) = (self.class[n as usize], self.mask[n as usize]);
        let mut masks = self.masks.get(&class).cloned().unwrap_or_default();
        masks.sort_by_key(|m| {
            (
                std::cmp::Reverse((m & mine).count_ones()),
                (m ^ mine).count_ones(),
                *m,
            )
        });
        let mut out = Vec::new();
        for m in masks {
            if out.len() == LIST {
                break;
            }
            let left = LIST - out.len();
            nearest(&self.buckets[&(class, m)], n, left, skip, &mut out);
        }
        out
    }

    /// Both lists of case `n`: same agency, then same use class (without
    /// those already in the first).
    pub fn lists(&self, n: u32) -> (Vec<u32>, Vec<u32>) {
        let agency = self.same_agency(n);
        let class = self.same_use(n, &agency);
        (agency, class)
    }

    /// The cases whose lists hold case `n`. Only cases near it in its agency
    /// group or its bucket, or in a bucket too small to fill a list, can.
    pub fn showing(&self, n: u32) -> Vec<CaseRef> {
        let mut candidates: Vec<u32> = Vec::new();
        let around = |list: &[u32], out: &mut Vec<u32>| {
            let at = list.partition_point(|&x| x < n);
            let lo = at.saturating_sub(2 * LIST + 1);
            out.extend(&list[lo..(at + 2 * LIST + 2).min(list.len())]);
        };
        around(
            &self.groups[self.agency[n as usize] as usize],
            &mut candidates,
        );
        let class = self.class[n as usize];
        around(
            &self.buckets[&(class, self.mask[n as usize])],
            &mut candidates,
        );
        for m in self.masks.get(&class).into_iter().flatten() {
            let b = &self.buckets[&(class, *m)];
            // Its own bucket fills a list unless the agency list took
            // (and so skips) up to LIST of its cases.
            if b.len() <= 2 * LIST + 1 {
                candidates.extend(b);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter(|&y| {
                y != n && {
                    let (a, c) = self.lists(y);
                    a.contains(&n) || c.contains(&n)
                }
            })
            .map(|y| self.refs[y as usize])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn nearest_takes_the_closest_first_and_skips() {
        let mut out = Vec::new();
        nearest(&[1, 4, 6, 7, 20], 6, 3, &[], &mut out);
        assert_eq!(out, [7, 4, 1]);
        let mut out = Vec::new();
        nearest(&[1, 4, 6, 7, 20], 6, 3, &[4], &mut out);
        assert_eq!(out, [7, 1, 20]);
    }
}
