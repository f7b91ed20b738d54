//! The dependency map read from the other end (step 3): given the edited
//! cases, which pages and briefings show any of them.

use crate::brief::Subject;
use crate::model::{CaseRef, Site};
use crate::render::pages::Shows;
use std::collections::{BTreeSet, HashSet};

/// The dependency map, read from the other end: which pages and briefings
/// show any of a set of edited cases.
pub(super) struct Dependents {
    cases: HashSet<CaseRef>,
    /// Whether any edit changes a figure (a use class or a risk flag).
    pub(super) figures: bool,
    pub(super) inventories: BTreeSet<usize>,
    inventory_ids: BTreeSet<String>,
    jurisdictions: BTreeSet<String>,
    /// Positions in the site-wide case table.
    rows: Vec<usize>,
    /// Other case pages that show an edited case (neighbours, related).
    pub(super) case_pages: HashSet<CaseRef>,
}

impl Dependents {
    /// `edits`: where each edited case is, and whether its figures changed.
    pub(super) fn of(site: &Site, edits: &[(CaseRef, bool)]) -> Dependents {
        let offsets: Vec<usize> = site
            .inventories
            .iter()
            .scan(0, |at, inv| {
                let first = *at;
                *at += inv.cases.len();
                Some(first)
            })
            .collect();
        let changed = || edits.iter().map(|(c, _)| *c);
        Dependents {
            cases: changed().collect(),
            figures: edits.iter().any(|(_, figures)| *figures),
            inventories: changed().map(|c| c.inventory).collect(),
            inventory_ids: changed()
                .map(|c| site.inventories[c.inventory].id.value.clone())
                .collect(),
            // The inventory's jurisdiction, and, for an inventory whose
            // cases name their own, each of theirs (a case may have moved).
            jurisdictions: changed()
                .flat_map(|c| {
                    let inv = &site.inventories[c.inventory];
                    std::iter::once(inv.jurisdiction.value.clone()).chain(
                        site.figures
                            .parts
                            .iter()
                            .filter(move |p| p.inventory == c.inventory)
                            .map(|p| p.figures.jurisdiction.clone()),
                    )
                })
                .collect(),
            rows: changed().map(|c| offsets[c.inventory] + c.case).collect(),
            case_pages: HashSet::new(),
        }
    }

    pub(super) fn shows_any(&self, shows: &Shows) -> bool {
        match shows {
            Shows::NoCases => false,
            Shows::Case(c) => self.cases.contains(c) || self.case_pages.contains(c),
            Shows::Inventory {
                index,
                rows,
                figures,
            } => {
                (self.figures && *figures && self.inventories.contains(index))
                    || self
                        .cases
                        .iter()
                        .any(|c| c.inventory == *index && rows.contains(&c.case))
            }
            Shows::Jurisdiction(j) => self.figures && self.jurisdictions.contains(j),
            Shows::CaseTable(range) => self.rows.iter().any(|r| range.contains(r)),
            Shows::CaseFigures => self.figures,
        }
    }

    /// A jurisdiction's briefing shows its inventories' cases; an
    /// inventory's, its own.
    pub(super) fn shows_brief(&self, subject: &Subject) -> bool {
        match subject {
            Subject::Jurisdiction(j) => self.jurisdictions.contains(j),
            Subject::Inventory(i) => self.inventory_ids.contains(i),
            Subject::Compare(ids) => ids.iter().any(|j| self.jurisdictions.contains(j)),
        }
    }
}
