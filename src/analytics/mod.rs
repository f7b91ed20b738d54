//! Stage 4, analytics: every number the pages, charts, downloads and
//! briefings show, computed once from the model into [`Figures`] before
//! anything is rendered. Later stages only read it.
//!
//! What it counts, and what it refuses to count:
//! * Risk flags are counted per inventory ([`InventoryFigures`]): the
//!   inventories set their flags by different methods (the study's
//!   human–AI workflow, import rules reading an agency's answers), so no
//!   figure adds one inventory's cases to another's.
//! * A flag a method cannot assess, or that a case's source left
//!   unanswered, is "not assessed" on that case: left out of the share's
//!   denominator, and shown as such when no case was assessed.
//! * Instruments are counted by their status as of the site's data date.
//!
//! `serve` keeps the figures up to date after a case edit by taking the old
//! case out and putting the new one in ([`Figures::replace`]): every figure
//! of cases is a sum over cases.

pub mod flags;
pub mod instruments;

pub use flags::{ClassFigures, FlagCount, InventoryFigures, MethodFigures, Share};
pub use instruments::{Crosswalk, JurisdictionInstruments, Phase};

use crate::model::{Site, Vocabulary};
use crate::schema::{Case, Inventory, PartialDate, VocabularyKind as V};

/// The cases of one inventory that belong to one jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The inventory's index.
    pub inventory: usize,
    /// Their figures (`jurisdiction` says whose).
    pub figures: InventoryFigures,
}

/// The parts of inventory `n` by jurisdiction, when any of its cases names
/// a jurisdiction other than the inventory's (else none).
fn parts_of(n: usize, inv: &Inventory, flags: &Vocabulary, classes: &Vocabulary) -> Vec<Part> {
    let own: std::collections::BTreeSet<&str> = inv
        .cases
        .iter()
        .map(|c| Site::case_jurisdiction(inv, c))
        .collect();
    if own.iter().all(|j| *j == inv.jurisdiction.value) {
        return Vec::new();
    }
    own.into_iter()
        .map(|j| Part {
            inventory: n,
            figures: InventoryFigures::part(inv, flags, classes, j),
        })
        .collect()
}

/// Every figure of the site.
#[derive(Debug, Default)]
pub struct Figures {
    /// Flag figures per inventory, in model order.
    pub inventories: Vec<InventoryFigures>,
    /// Each jurisdiction's instruments by phase, in model order.
    pub jurisdictions: Vec<JurisdictionInstruments>,
    /// The inventories whose cases name jurisdictions of their own, split
    /// by the jurisdiction each case belongs to (a jurisdiction's page
    /// counts only its cases); in model order of inventory, then by id.
    pub parts: Vec<Part>,
    /// The principles crosswalk.
    pub crosswalk: Crosswalk,
    /// The date statuses are given as of (the site's `data_date`).
    pub data_date: Option<PartialDate>,
}

impl Figures {
    /// Computes every figure of `site`.
    pub fn of(site: &Site) -> Figures {
        let flags = site.vocabulary(V::RiskFlags);
        let classes = site.vocabulary(V::UseClasses);
        let data_date = site.config.data_date.as_ref().map(|d| d.value);
        Figures {
            inventories: site
                .inventories
                .iter()
                .map(|inv| InventoryFigures::of(inv, flags, classes))
                .collect(),
            parts: site
                .inventories
                .iter()
                .enumerate()
                .flat_map(|(n, inv)| parts_of(n, inv, flags, classes))
                .collect(),
            jurisdictions: instruments::jurisdictions(site, data_date),
            crosswalk: instruments::crosswalk(site),
            data_date,
        }
    }

    /// Takes case `old` out of inventory `n`'s figures and puts `new` (now
    /// in `inv`, the inventory) in its place.
    pub fn replace(
        &mut self,
        flags: &Vocabulary,
        classes: &Vocabulary,
        n: usize,
        inv: &Inventory,
        old: &Case,
        new: &Case,
    ) {
        if let Some(f) = self.inventories.get_mut(n) {
            f.add(inv, flags, classes, old, -1);
            f.add(inv, flags, classes, new, 1);
        }
        // The parts are counted anew: the edit may move a case from one
        // jurisdiction to another (rare, and one inventory's cases).
        if !self.parts.iter().any(|p| p.inventory == n)
            && old.jurisdiction.is_none()
            && new.jurisdiction.is_none()
        {
            return;
        }
        let at = self
            .parts
            .iter()
            .position(|p| p.inventory >= n)
            .unwrap_or(self.parts.len());
        self.parts.retain(|p| p.inventory != n);
        let fresh = parts_of(n, inv, flags, classes);
        self.parts.splice(at..at, fresh);
    }

    /// Indexes of the inventories with cases of jurisdiction `id` (those
    /// of the jurisdiction, and those of others whose cases name it), in
    /// model order.
    pub fn inventories_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..self.inventories.len()).filter(move |&n| self.scoped(n, Some(id)).is_some())
    }

    /// The figures of inventory `n`: all of them, or with `jurisdiction`
    /// those of its cases that belong to it (none when it has no such case).
    pub fn scoped(&self, n: usize, jurisdiction: Option<&str>) -> Option<&InventoryFigures> {
        let whole = self.inventories.get(n)?;
        let Some(j) = jurisdiction else {
            return Some(whole);
        };
        let mut parts = self.parts.iter().filter(|p| p.inventory == n).peekable();
        if parts.peek().is_none() {
            return (whole.jurisdiction == j).then_some(whole);
        }
        parts
            .find(|p| p.figures.jurisdiction == j)
            .map(|p| &p.figures)
    }
}

/// Computes the figures of `site` (the pipeline's analytics stage).
pub fn analyse(site: &mut Site) {
    site.figures = Figures::of(site);
}

/// Whether two versions of a case count the same in every figure: figures
/// are computed from a case's use class, risk flags and how they were
/// assessed, nothing else. (`serve` re-renders the pages of figures only
/// when this is false.)
pub fn same_figures(a: &Case, b: &Case) -> bool {
    let refs = |x: &[crate::schema::Ref], y: &[crate::schema::Ref]| {
        x.len() == y.len() && x.iter().zip(y).all(|(p, q)| p.value == q.value)
    };
    a.use_class.value == b.use_class.value
        && a.jurisdiction.as_ref().map(|j| &j.value) == b.jurisdiction.as_ref().map(|j| &j.value)
        && refs(&a.risk_flags, &b.risk_flags)
        && refs(&a.not_assessed, &b.not_assessed)
        && a.flag_method.as_ref().map(|m| &m.value) == b.flag_method.as_ref().map(|m| &m.value)
        && a.flag_provenance.len() == b.flag_provenance.len()
        && a.flag_provenance
            .iter()
            .zip(&b.flag_provenance)
            .all(|(x, y)| x.flag.value == y.flag.value && x.method.value == y.method.value)
}

/// Flags ticked over a group of cases, as the briefings count them: cases,
/// ticks and cases assessed per flag. (Pages show [`InventoryFigures`].)
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FlagRow {
    /// Group id (inventory or jurisdiction).
    pub id: String,
    /// Cases in the group.
    pub cases: usize,
    /// Cases ticked for each flag, in the risk-flag vocabulary's order.
    pub counts: Vec<usize>,
    /// Cases on which each flag was assessed.
    pub assessed: Vec<usize>,
    /// Cases with no flag ticked.
    pub unflagged: usize,
}

fn row_of(id: String, list: &[&InventoryFigures], flags: usize) -> FlagRow {
    let mut row = FlagRow {
        id,
        cases: 0,
        counts: vec![0; flags],
        assessed: vec![0; flags],
        unflagged: 0,
    };
    for f in list {
        row.cases += f.held;
        row.unflagged += f.unflagged;
        for (i, c) in f.flags.iter().enumerate() {
            row.counts[i] += c.flagged;
            row.assessed[i] += c.assessed;
        }
    }
    row
}

/// Flag counts over one inventory.
pub fn flags_for_inventory(site: &Site, inventory: usize) -> FlagRow {
    let f = &site.figures.inventories[inventory];
    row_of(
        f.id.clone(),
        &[f],
        site.vocabulary(V::RiskFlags).terms.len(),
    )
}

/// Flag counts over the cases of one jurisdiction (its inventories' and
/// those of other inventories that name it as their own), summed across
/// inventories: the briefings' figure.
pub fn flags_for_jurisdiction(site: &Site, jurisdiction: &str) -> FlagRow {
    let list: Vec<&InventoryFigures> = site
        .figures
        .inventories_of(jurisdiction)
        .filter_map(|n| site.figures.scoped(n, Some(jurisdiction)))
        .collect();
    row_of(
        jurisdiction.to_string(),
        &list,
        site.vocabulary(V::RiskFlags).terms.len(),
    )
}

/// Headline figures for the home page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Headline {
    /// Jurisdictions.
    pub jurisdictions: usize,
    /// Instruments.
    pub frameworks: usize,
    /// Instruments current as of the data date (in force, adopted, ...).
    pub current: usize,
    /// Binding instruments among the current ones.
    pub binding_current: usize,
    /// Provisions, nested ones included.
    pub provisions: usize,
    /// Inventories.
    pub inventories: usize,
    /// Cases held.
    pub cases: usize,
}

/// Computes the headline figures.
pub fn headline(site: &Site) -> Headline {
    fn count(p: &[crate::schema::Provision]) -> usize {
        p.iter().map(|x| 1 + count(&x.provisions)).sum()
    }
    let current: Vec<usize> = site
        .figures
        .jurisdictions
        .iter()
        .flat_map(|j| j.of_phase(Phase::Current).iter().copied())
        .collect();
    Headline {
        jurisdictions: site.jurisdictions.len(),
        frameworks: site.frameworks.len(),
        current: current.len(),
        binding_current: current
            .iter()
            .filter(|&&i| site.frameworks[i].binding)
            .count(),
        provisions: site.frameworks.iter().map(|f| count(&f.provisions)).sum(),
        inventories: site.inventories.len(),
        cases: site.case_count(),
    }
}

#[cfg(test)]
mod tests;
