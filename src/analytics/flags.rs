//! Risk-flag figures of one inventory: for each flag, on how many cases it
//! was assessed and on how many it was ticked, overall, by use class and by
//! pair of flags, and which flag method answers for each.
//!
//! A flag is assessed on a case when the method answerable for it can
//! assess it and the case does not list it as `not_assessed`
//! ([`Site::assessed`]). Shares are always of the cases assessed: a flag
//! assessed on no case has no share at all ("not assessed"), never 0.
//! Every figure is a sum over cases, so replacing one case adjusts them by
//! the difference ([`InventoryFigures::add`] with `-1` then `+1`).

use crate::model::{Site, Vocabulary};
use crate::schema::{Case, Inventory};

/// One flag over a set of cases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct FlagCount {
    /// Cases on which the flag was assessed.
    pub assessed: usize,
    /// Cases on which it was ticked (a subset of those assessed).
    pub flagged: usize,
}

/// A flag's share of the cases assessed, as a reader should see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Share {
    /// Assessed on no case: there is no share to give.
    NotAssessed,
    /// Ticked on none of the cases assessed.
    Zero,
    /// Above 0 but under 1 % (shown "<1 %", never "0 %").
    UnderOne,
    /// A whole percentage from 1 to 99.
    Percent(u32),
    /// Above 99 % but not every case (shown ">99 %", never "100 %").
    OverNinetyNine,
    /// Every case assessed.
    All,
}

impl FlagCount {
    /// The share of the cases assessed that carry the flag.
    pub fn share(&self) -> Share {
        let (n, d) = (self.flagged, self.assessed);
        if d == 0 {
            return Share::NotAssessed;
        }
        if n == 0 {
            return Share::Zero;
        }
        if n == d {
            return Share::All;
        }
        // Under 1 % and over 99 % are said so, whatever the rounding;
        // between them, whole percent rounded half up, in integers.
        if n * 100 < d {
            return Share::UnderOne;
        }
        if n * 100 > d * 99 {
            return Share::OverNinetyNine;
        }
        Share::Percent(((n * 200 + d) / (2 * d)) as u32)
    }

    /// The share as a fraction from 0.0 to 1.0 (0.0 when not assessed).
    pub fn fraction(&self) -> f64 {
        if self.assessed == 0 {
            0.0
        } else {
            self.flagged as f64 / self.assessed as f64
        }
    }

    fn step(&mut self, assessed: bool, flagged: bool, by: isize) {
        if assessed {
            self.assessed = self.assessed.wrapping_add_signed(by);
            if flagged {
                self.flagged = self.flagged.wrapping_add_signed(by);
            }
        }
    }
}

/// The cases of one use class within an inventory.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ClassFigures {
    /// Cases of the class.
    pub cases: usize,
    /// Per flag, in vocabulary order.
    pub flags: Vec<FlagCount>,
}

/// How much one flag method answers for, within an inventory.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct MethodFigures {
    /// The method's id (of the inventory's `flag_methods`).
    pub id: String,
    /// Per flag: cases on which this method assessed it.
    pub assessed: Vec<usize>,
    /// Cases on which it assessed at least one flag.
    pub cases: usize,
}

/// Every flag figure of one inventory.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InventoryFigures {
    /// The inventory's id.
    pub id: String,
    /// Its jurisdiction's id.
    pub jurisdiction: String,
    /// Cases the site holds.
    pub held: usize,
    /// Cases the publisher lists, where known.
    pub declared: Option<u32>,
    /// Per flag, in vocabulary order.
    pub flags: Vec<FlagCount>,
    /// Cases with no flag ticked.
    pub unflagged: usize,
    /// Cases on which no flag at all was assessed.
    pub unassessed: usize,
    /// Per flag: cases that list it as `not_assessed` (the source gave no
    /// answer); the rest of those not assessed, its method cannot assess.
    pub unanswered: Vec<usize>,
    /// Per use class, in vocabulary order (classes with no case included).
    pub by_use_class: Vec<ClassFigures>,
    /// Per pair of flags `[a][b]`: cases on which both were assessed, and
    /// on which both were ticked; the diagonal is [`Self::flags`].
    pub pairs: Vec<Vec<FlagCount>>,
    /// The inventory's flag methods, in its order, and what each assessed.
    pub methods: Vec<MethodFigures>,
}

impl InventoryFigures {
    /// The figures of inventory `inv` (zero cases counted yet).
    fn empty(inv: &Inventory, flags: usize, classes: usize) -> Self {
        InventoryFigures {
            id: inv.id.value.clone(),
            jurisdiction: inv.jurisdiction.value.clone(),
            held: 0,
            declared: inv.declared_total.as_ref().map(|d| d.value),
            flags: vec![FlagCount::default(); flags],
            unflagged: 0,
            unassessed: 0,
            unanswered: vec![0; flags],
            by_use_class: vec![
                ClassFigures {
                    cases: 0,
                    flags: vec![FlagCount::default(); flags],
                };
                classes
            ],
            pairs: vec![vec![FlagCount::default(); flags]; flags],
            methods: inv
                .flag_methods
                .iter()
                .map(|m| MethodFigures {
                    id: m.id.value.clone(),
                    assessed: vec![0; flags],
                    cases: 0,
                })
                .collect(),
        }
    }

    /// Counts every case of `inv`.
    pub fn of(inv: &Inventory, flags: &Vocabulary, classes: &Vocabulary) -> Self {
        let mut f = Self::empty(inv, flags.terms.len(), classes.terms.len());
        for case in &inv.cases {
            f.add(inv, flags, classes, case, 1);
        }
        f
    }

    /// Counts the cases of `inv` that belong to `jurisdiction` (their own,
    /// or else the inventory's). The publisher's total is of the whole
    /// inventory, so a part has none.
    pub fn part(
        inv: &Inventory,
        flags: &Vocabulary,
        classes: &Vocabulary,
        jurisdiction: &str,
    ) -> Self {
        let mut f = Self::empty(inv, flags.terms.len(), classes.terms.len());
        f.jurisdiction = jurisdiction.to_string();
        f.declared = None;
        for case in &inv.cases {
            if Site::case_jurisdiction(inv, case) == jurisdiction {
                f.add(inv, flags, classes, case, 1);
            }
        }
        f
    }

    /// Adds `case` to the figures (`by` = 1) or takes it out (`by` = -1).
    pub fn add(
        &mut self,
        inv: &Inventory,
        flags: &Vocabulary,
        classes: &Vocabulary,
        case: &Case,
        by: isize,
    ) {
        let step = |n: &mut usize| *n = n.wrapping_add_signed(by);
        // What the case says of each flag: (assessed, ticked, method index).
        let each: Vec<(bool, bool, Option<usize>)> = flags
            .terms
            .iter()
            .map(|t| {
                let flag = t.id.value.as_str();
                let assessed = Site::assessed(inv, case, flag);
                let ticked = case.risk_flags.iter().any(|f| f.value == flag);
                let method = Site::flag_method(inv, case, flag)
                    .and_then(|m| inv.flag_methods.iter().position(|x| x.id.value == m));
                (assessed, ticked && assessed, method)
            })
            .collect();
        step(&mut self.held);
        if case.risk_flags.is_empty() {
            step(&mut self.unflagged);
        }
        if !each.iter().any(|e| e.0) {
            step(&mut self.unassessed);
        }
        let class = classes.position(&case.use_class.value);
        if let Some(c) = class {
            step(&mut self.by_use_class[c].cases);
        }
        for (i, &(assessed, ticked, _)) in each.iter().enumerate() {
            self.flags[i].step(assessed, ticked, by);
            if case
                .not_assessed
                .iter()
                .any(|f| f.value == flags.terms[i].id.value)
            {
                step(&mut self.unanswered[i]);
            }
            if let Some(c) = class {
                self.by_use_class[c].flags[i].step(assessed, ticked, by);
            }
            for (j, &(assessed_j, ticked_j, _)) in each.iter().enumerate() {
                self.pairs[i][j].step(assessed && assessed_j, ticked && ticked_j, by);
            }
        }
        for (k, m) in self.methods.iter_mut().enumerate() {
            let mut any = false;
            for (i, &(assessed, _, method)) in each.iter().enumerate() {
                if assessed && method == Some(k) {
                    step(&mut m.assessed[i]);
                    any = true;
                }
            }
            if any {
                step(&mut m.cases);
            }
        }
    }

    /// Whether the same flags were assessed on every case that counts:
    /// then one denominator (the cases held) serves every flag.
    pub fn uniformly_assessed(&self) -> bool {
        self.flags
            .iter()
            .all(|f| f.assessed == 0 || f.assessed == self.held)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(flagged: usize, assessed: usize) -> Share {
        FlagCount { assessed, flagged }.share()
    }

    #[test]
    fn shares_never_round_to_zero_or_to_all() {
        assert_eq!(share(0, 0), Share::NotAssessed);
        assert_eq!(share(0, 5), Share::Zero);
        assert_eq!(share(5, 5), Share::All);
        // 11 of 3,611 is 0.30 %: not "0 %".
        assert_eq!(share(11, 3611), Share::UnderOne);
        // 36 of 3,611 is 0.997 %: under one, though it would round to 1 %;
        // 37 of 3,611 is 1.02 %.
        assert_eq!(share(36, 3611), Share::UnderOne);
        assert_eq!(share(37, 3611), Share::Percent(1));
        assert_eq!(share(1, 110), Share::UnderOne);
        assert_eq!(share(107, 1104), Share::Percent(10));
        assert_eq!(share(1, 3), Share::Percent(33));
        assert_eq!(share(2, 3), Share::Percent(67));
        // 3,600 of 3,611 is 99.7 %: not "100 %"; 99 of 100 is 99 %.
        assert_eq!(share(3600, 3611), Share::OverNinetyNine);
        assert_eq!(share(99, 100), Share::Percent(99));
    }
}
