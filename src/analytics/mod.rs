//! Stage 4, analytics: the numbers the tables and charts show, computed
//! from the model. Pure functions, unit-tested on small hand-made sites.

use crate::model::{Site, Vocabulary};
use crate::schema::{Case, VocabularyKind as V};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Cases counted by risk flag, for one group of cases.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FlagRow {
    /// Group id (use class, inventory, jurisdiction, or `all`).
    pub id: String,
    /// Cases in the group.
    pub cases: usize,
    /// Cases ticked for each flag, in the risk-flag vocabulary's order.
    pub counts: Vec<usize>,
    /// Cases with no flag ticked.
    pub unflagged: usize,
}

/// The figures over every case, each computed once per site: a full build
/// asks for them on many pages, and `serve` on every edit. When a case
/// changes ([`Site::replace_case`]), those already counted are adjusted by
/// the difference instead of counted again over every case.
#[derive(Debug, Default)]
pub struct Figures {
    overall: OnceLock<FlagRow>,
    by_use_class: OnceLock<Vec<FlagRow>>,
    by_inventory: OnceLock<Vec<FlagRow>>,
    cooccurrence: OnceLock<Vec<Vec<usize>>>,
}

impl Figures {
    /// Takes the case `old` out of the figures and puts `new` in its place,
    /// in inventory `inventory`. `flags` and `classes` are the site's risk
    /// flag and use class vocabularies.
    pub fn replace(
        &mut self,
        flags: &Vocabulary,
        classes: &Vocabulary,
        inventory: usize,
        old: &Case,
        new: &Case,
    ) {
        let rows = |row: &mut FlagRow, case: &Case, add: bool| {
            let step = |n: &mut usize| {
                if add {
                    *n += 1
                } else {
                    *n -= 1
                }
            };
            step(&mut row.cases);
            if case.risk_flags.is_empty() {
                step(&mut row.unflagged);
            }
            for f in &case.risk_flags {
                if let Some(i) = flags.position(&f.value) {
                    step(&mut row.counts[i]);
                }
            }
        };
        for (case, add) in [(old, false), (new, true)] {
            if let Some(row) = self.overall.get_mut() {
                rows(row, case, add);
            }
            if let Some(by_class) = self.by_use_class.get_mut() {
                if let Some(i) = classes.position(&case.use_class.value) {
                    rows(&mut by_class[i], case, add);
                }
            }
            if let Some(by_inventory) = self.by_inventory.get_mut() {
                rows(&mut by_inventory[inventory], case, add);
            }
            if let Some(m) = self.cooccurrence.get_mut() {
                let idx = flag_positions(flags, case);
                for &a in &idx {
                    for &b in &idx {
                        if add {
                            m[a][b] += 1
                        } else {
                            m[a][b] -= 1
                        }
                    }
                }
            }
        }
    }
}

/// The vocabulary positions of a case's risk flags.
fn flag_positions(flags: &Vocabulary, case: &Case) -> Vec<usize> {
    case.risk_flags
        .iter()
        .filter_map(|f| flags.position(&f.value))
        .collect()
}

fn count_flags<'a>(site: &Site, id: String, cases: impl Iterator<Item = &'a Case>) -> FlagRow {
    let vocab = site.vocabulary(V::RiskFlags);
    let mut counts = vec![0; vocab.terms.len()];
    let mut n = 0;
    let mut unflagged = 0;
    for case in cases {
        n += 1;
        if case.risk_flags.is_empty() {
            unflagged += 1;
        }
        for f in &case.risk_flags {
            if let Some(i) = vocab.position(&f.value) {
                counts[i] += 1;
            }
        }
    }
    FlagRow {
        id,
        cases: n,
        counts,
        unflagged,
    }
}

/// Whether two versions of a case count the same in every figure: figures
/// are computed from a case's use class and risk flags, nothing else.
/// (`serve` re-renders the pages of figures only when this is false.)
pub fn same_figures(a: &Case, b: &Case) -> bool {
    a.use_class.value == b.use_class.value
        && a.risk_flags.len() == b.risk_flags.len()
        && a.risk_flags
            .iter()
            .zip(&b.risk_flags)
            .all(|(x, y)| x.value == y.value)
}

/// Flag counts over every case.
pub fn flags_overall(site: &Site) -> FlagRow {
    site.figures
        .overall
        .get_or_init(|| count_flags(site, "all".into(), site.cases().map(|(_, c)| c)))
        .clone()
}

/// Flag counts per use class, in vocabulary order (classes with no case included).
pub fn flags_by_use_class(site: &Site) -> Vec<FlagRow> {
    site.figures
        .by_use_class
        .get_or_init(|| by_use_class(site))
        .clone()
}

fn by_use_class(site: &Site) -> Vec<FlagRow> {
    // One pass sorts the cases into their classes (not one pass per class:
    // every edit while serving recounts this over all cases).
    let classes = site.vocabulary(V::UseClasses);
    let mut groups: Vec<Vec<&Case>> = vec![Vec::new(); classes.terms.len()];
    for (_, case) in site.cases() {
        if let Some(i) = classes.position(&case.use_class.value) {
            groups[i].push(case);
        }
    }
    classes
        .terms
        .iter()
        .zip(groups)
        .map(|(t, cases)| count_flags(site, t.id.value.clone(), cases.into_iter()))
        .collect()
}

/// Flag counts per inventory.
pub fn flags_by_inventory(site: &Site) -> Vec<FlagRow> {
    site.figures
        .by_inventory
        .get_or_init(|| {
            site.inventories
                .iter()
                .map(|inv| count_flags(site, inv.id.value.clone(), inv.cases.iter()))
                .collect()
        })
        .clone()
}

/// Flag counts over the cases of one jurisdiction: its inventories' cases
/// and cases of other inventories that name it as their own jurisdiction.
pub fn flags_for_jurisdiction(site: &Site, jurisdiction: &str) -> FlagRow {
    count_flags(
        site,
        jurisdiction.to_string(),
        site.inventories.iter().flat_map(|i| {
            i.cases
                .iter()
                .filter(move |c| Site::case_jurisdiction(i, c) == jurisdiction)
        }),
    )
}

/// Flag counts over one inventory.
pub fn flags_for_inventory(site: &Site, inventory: usize) -> FlagRow {
    let inv = &site.inventories[inventory];
    count_flags(site, inv.id.value.clone(), inv.cases.iter())
}

/// How often each pair of flags is ticked on the same case; the diagonal
/// holds each flag's own count.
pub fn flag_cooccurrence(site: &Site) -> Vec<Vec<usize>> {
    site.figures
        .cooccurrence
        .get_or_init(|| cooccurrence(site))
        .clone()
}

fn cooccurrence(site: &Site) -> Vec<Vec<usize>> {
    let vocab = site.vocabulary(V::RiskFlags);
    let n = vocab.terms.len();
    let mut m = vec![vec![0; n]; n];
    for (_, case) in site.cases() {
        let idx = flag_positions(vocab, case);
        for &a in &idx {
            for &b in &idx {
                m[a][b] += 1;
            }
        }
    }
    m
}

/// Which crosswalk principles each framework addresses: for each framework
/// (in model order), the instrument's own wordings keyed by crosswalk id.
pub fn principle_matrix(site: &Site) -> Vec<BTreeMap<String, Vec<usize>>> {
    site.frameworks
        .iter()
        .map(|fw| {
            let mut m: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            for (i, p) in fw.principles.iter().enumerate() {
                for t in &p.maps_to {
                    m.entry(t.value.clone()).or_default().push(i);
                }
            }
            m
        })
        .collect()
}

/// Number of frameworks addressing each crosswalk principle, in vocabulary order.
pub fn principle_coverage(site: &Site) -> Vec<usize> {
    let matrix = principle_matrix(site);
    site.vocabulary(V::Principles)
        .terms
        .iter()
        .map(|t| {
            matrix
                .iter()
                .filter(|m| m.contains_key(&t.id.value))
                .count()
        })
        .collect()
}

/// Headline figures for the home page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Headline {
    /// Jurisdictions.
    pub jurisdictions: usize,
    /// Frameworks.
    pub frameworks: usize,
    /// Binding frameworks.
    pub binding: usize,
    /// Provisions, nested ones included.
    pub provisions: usize,
    /// Inventories.
    pub inventories: usize,
    /// Cases held.
    pub cases: usize,
    /// Cases with at least one flag.
    pub flagged_cases: usize,
}

/// Computes the headline figures.
pub fn headline(site: &Site) -> Headline {
    fn count(p: &[crate::schema::Provision]) -> usize {
        p.iter().map(|x| 1 + count(&x.provisions)).sum()
    }
    Headline {
        jurisdictions: site.jurisdictions.len(),
        frameworks: site.frameworks.len(),
        binding: site.frameworks.iter().filter(|f| f.binding).count(),
        provisions: site.frameworks.iter().map(|f| count(&f.provisions)).sum(),
        inventories: site.inventories.len(),
        cases: site.case_count(),
        flagged_cases: site
            .cases()
            .filter(|(_, c)| !c.risk_flags.is_empty())
            .count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{assemble, Vocabulary};
    use crate::schema::{Framework, Inventory, SiteConfig, VocabularyFile};
    use std::collections::BTreeMap;

    /// A small site made by hand: three flags, two use classes, two
    /// inventories with four cases, two frameworks.
    fn site() -> Site {
        let config: SiteConfig = serde_saphyr::from_str(
            "title: {en: T}\nbase_url: https://x.org/\nlanguages: [en]\ndefault_language: en\n",
        )
        .unwrap();
        let mut vocab = BTreeMap::new();
        for src in [
            "vocabulary: risk_flags\nterms: [{id: a, label: {en: A}}, {id: b, label: {en: B}}, {id: c, label: {en: C}}]",
            "vocabulary: use_classes\nterms: [{id: x, label: {en: X}}, {id: y, label: {en: Y}}]",
            "vocabulary: principles\nterms: [{id: p, label: {en: P}}, {id: q, label: {en: Q}}]",
        ] {
            let f: VocabularyFile = serde_saphyr::from_str(src).unwrap();
            vocab.insert(f.vocabulary.value, Vocabulary::new(None, None, f.terms));
        }
        let inv = |id: &str, j: &str, cases: &str| -> Inventory {
            serde_saphyr::from_str(&format!("id: {id}\njurisdiction: {j}\ntitle: {{en: {id}}}\npublisher: {{en: P}}\nyear: 2024\ncases:\n{cases}")).unwrap()
        };
        let i1 = inv(
            "i1",
            "tw",
            "  - {id: c1, name: {en: c1}, agency: {en: g}, use_class: x, risk_flags: [a, b]}\n  - {id: c2, name: {en: c2}, agency: {en: g}, use_class: x, risk_flags: [a]}\n  - {id: c3, name: {en: c3}, agency: {en: g}, use_class: y, risk_flags: []}\n",
        );
        let i2 = inv(
            "i2",
            "us",
            "  - {id: c4, name: {en: c4}, agency: {en: g}, use_class: y, risk_flags: [a, b, c]}\n",
        );
        let fw = |id: &str, principles: &str| -> Framework {
            serde_saphyr::from_str(&format!("id: {id}\njurisdiction: tw\ntype: law\ntitle: {{en: {id}}}\nbinding: true\nprinciples: {principles}\n")).unwrap()
        };
        let f1 = fw(
            "f1",
            "[{maps_to: [p], wording: {en: w1}}, {maps_to: [p, q], wording: {en: w2}}]",
        );
        let f2 = fw("f2", "[]");
        assemble(
            config,
            vocab,
            vec![],
            vec![],
            vec![f1, f2],
            vec![i1, i2],
            vec![],
        )
    }

    #[test]
    fn counts_flags_overall_and_by_group() {
        let s = site();
        let all = flags_overall(&s);
        assert_eq!(
            (all.cases, all.counts.clone(), all.unflagged),
            (4, vec![3, 2, 1], 1)
        );
        let by_class = flags_by_use_class(&s);
        assert_eq!(
            by_class
                .iter()
                .map(|r| (r.id.as_str(), r.cases, r.counts.clone()))
                .collect::<Vec<_>>(),
            [("x", 2, vec![2, 1, 0]), ("y", 2, vec![1, 1, 1])]
        );
        let by_inv = flags_by_inventory(&s);
        assert_eq!(
            by_inv.iter().map(|r| r.counts.clone()).collect::<Vec<_>>(),
            [vec![2, 1, 0], vec![1, 1, 1]]
        );
        assert_eq!(flags_for_jurisdiction(&s, "us").counts, vec![1, 1, 1]);
        assert_eq!(flags_for_jurisdiction(&s, "jp").cases, 0);
    }

    /// Every figure over all cases, freshly counted or as memoized.
    fn all_figures(s: &Site) -> (FlagRow, Vec<FlagRow>, Vec<FlagRow>, Vec<Vec<usize>>) {
        (
            flags_overall(s),
            flags_by_use_class(s),
            flags_by_inventory(s),
            flag_cooccurrence(s),
        )
    }

    #[test]
    fn a_replaced_case_adjusts_the_figures_as_a_recount_would() {
        let mut s = site();
        all_figures(&s); // counted, then adjusted by each edit below
        let at = |inventory, case| crate::model::CaseRef { inventory, case };
        let edited = |s: &Site, r: crate::model::CaseRef, yaml: &str| -> Case {
            let mut c: Case = serde_saphyr::from_str(yaml).unwrap();
            c.id = s.inventories[r.inventory].cases[r.case].id.clone();
            c
        };
        for (r, yaml) in [
            // Flags changed, class kept.
            (
                at(0, 0),
                "{id: c1, name: {en: c1}, agency: {en: g}, use_class: x, risk_flags: [c]}",
            ),
            // Class changed, and a flagged case left with no flag.
            (
                at(1, 0),
                "{id: c4, name: {en: c4}, agency: {en: g}, use_class: x, risk_flags: []}",
            ),
            // An unflagged case flagged, in another class.
            (
                at(0, 2),
                "{id: c3, name: {en: c3}, agency: {en: g}, use_class: x, risk_flags: [a, b, c]}",
            ),
        ] {
            let case = edited(&s, r, yaml);
            s.replace_case(r, case);
            let adjusted = all_figures(&s);
            s.figures = Figures::default();
            assert_eq!(adjusted, all_figures(&s), "after editing {r:?}");
        }
        let all = flags_overall(&s);
        assert_eq!(
            (all.cases, all.counts.clone(), all.unflagged),
            (4, vec![2, 1, 2], 1)
        );
    }

    #[test]
    fn cooccurrence_is_symmetric_with_counts_on_the_diagonal() {
        let m = flag_cooccurrence(&site());
        assert_eq!(m, vec![vec![3, 2, 1], vec![2, 2, 1], vec![1, 1, 1]]);
    }

    #[test]
    fn principle_coverage_counts_frameworks_not_wordings() {
        let s = site();
        assert_eq!(principle_coverage(&s), vec![1, 1]);
        let m = principle_matrix(&s);
        assert_eq!(m[0].get("p"), Some(&vec![0, 1]));
        assert!(m[1].is_empty());
    }

    #[test]
    fn headline_figures() {
        let h = headline(&site());
        assert_eq!(
            (
                h.frameworks,
                h.binding,
                h.inventories,
                h.cases,
                h.flagged_cases
            ),
            (2, 2, 2, 4, 3)
        );
    }
}
