//! Stage 3, model: the validated site, indexed for the stages after it.
//!
//! Records keep their schema types (no copying); the model adds what the
//! YAML does not say directly: id indexes, merged vocabularies, and
//! relations seen from both ends. Every collection is in a stable order so
//! output is deterministic.

mod address;

pub use address::Address;

use crate::load::PageFile;
use crate::schema::{
    Case, Framework, Inventory, Jurisdiction, RelationKind, SiteConfig, Source, Term, Text,
    VocabularyKind,
};
use std::collections::{BTreeMap, HashMap};

/// A vocabulary merged from all its files.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// Heading.
    pub title: Option<Text>,
    /// Explanation.
    pub description: Option<Text>,
    /// Terms in display order.
    pub terms: Vec<Term>,
    index: HashMap<String, usize>,
}

impl Vocabulary {
    pub(crate) fn new(title: Option<Text>, description: Option<Text>, terms: Vec<Term>) -> Self {
        let index = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.value.clone(), i))
            .collect();
        Vocabulary {
            title,
            description,
            terms,
            index,
        }
    }

    /// The term with this id.
    pub fn get(&self, id: &str) -> Option<&Term> {
        self.index.get(id).map(|&i| &self.terms[i])
    }

    /// Position of the term in display order (for sorting and chart order).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
}

/// A relation seen from its target: `from` declares `kind` towards this one.
#[derive(Debug, Clone, Copy)]
pub struct IncomingRelation {
    /// Index of the declaring framework.
    pub from: usize,
    /// Relation kind.
    pub kind: RelationKind,
    /// Index of the relation in the declaring framework's list.
    pub relation: usize,
}

/// Where a case lives: inventory index and case index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CaseRef {
    /// Inventory index.
    pub inventory: usize,
    /// Case index within the inventory.
    pub case: usize,
}

/// The whole validated site.
#[derive(Debug)]
pub struct Site {
    /// Configuration.
    pub config: SiteConfig,
    /// Where the site is published: `config.base_url`, unless a command's
    /// `--base-url` replaced it ([`Site::set_base_url`]).
    pub address: Address,
    /// Language codes in menu order.
    pub languages: Vec<String>,
    /// Every vocabulary (an absent one is empty).
    pub vocab: BTreeMap<VocabularyKind, Vocabulary>,
    /// Bibliography, in file order.
    pub sources: Vec<Source>,
    /// Jurisdictions, sorted by id.
    pub jurisdictions: Vec<Jurisdiction>,
    /// Frameworks, sorted by id.
    pub frameworks: Vec<Framework>,
    /// Inventories, sorted by id; cases in file order.
    pub inventories: Vec<Inventory>,
    /// Markdown pages, sorted by (order, slug, language).
    pub pages: Vec<PageFile>,
    /// For each framework, the relations other frameworks declare towards it.
    pub incoming: Vec<Vec<IncomingRelation>>,
    pub(crate) source_index: HashMap<String, usize>,
    pub(crate) jurisdiction_index: HashMap<String, usize>,
    pub(crate) framework_index: HashMap<String, usize>,
    pub(crate) inventory_index: HashMap<String, usize>,
    pub(crate) case_index: HashMap<String, CaseRef>,
    /// Figures over every case, computed on first use.
    pub(crate) figures: crate::analytics::Figures,
}

impl Site {
    /// Publishes the site at `url` (an absolute http(s) URL) instead of the
    /// `base_url` of `site.yaml`.
    pub fn set_base_url(&mut self, url: &str) {
        self.address = Address::of(Some(url));
    }

    /// A vocabulary (empty if the content defines none of that kind).
    pub fn vocabulary(&self, kind: VocabularyKind) -> &Vocabulary {
        &self.vocab[&kind]
    }

    /// Index of a jurisdiction.
    pub fn jurisdiction(&self, id: &str) -> Option<usize> {
        self.jurisdiction_index.get(id).copied()
    }

    /// Index of a framework.
    pub fn framework(&self, id: &str) -> Option<usize> {
        self.framework_index.get(id).copied()
    }

    /// Index of an inventory.
    pub fn inventory(&self, id: &str) -> Option<usize> {
        self.inventory_index.get(id).copied()
    }

    /// Index of a bibliography entry.
    pub fn source(&self, id: &str) -> Option<usize> {
        self.source_index.get(id).copied()
    }

    /// Where a case lives.
    pub fn case(&self, id: &str) -> Option<CaseRef> {
        self.case_index.get(id).copied()
    }

    /// Every case with its inventory index, in inventory then file order.
    pub fn cases(&self) -> impl Iterator<Item = (usize, &Case)> {
        self.inventories
            .iter()
            .enumerate()
            .flat_map(|(i, inv)| inv.cases.iter().map(move |c| (i, c)))
    }

    /// Puts `case` in place of the case at `at` (an edit while serving that
    /// keeps the case's id), returning the old one. The figures counted
    /// so far are adjusted to it.
    pub fn replace_case(&mut self, at: CaseRef, case: Case) -> Case {
        let old = std::mem::replace(&mut self.inventories[at.inventory].cases[at.case], case);
        let new = &self.inventories[at.inventory].cases[at.case];
        self.figures.replace(
            &self.vocab[&VocabularyKind::RiskFlags],
            &self.vocab[&VocabularyKind::UseClasses],
            at.inventory,
            &old,
            new,
        );
        old
    }

    /// Indexes of a jurisdiction's frameworks, oldest first (by their first
    /// status date, then model order).
    pub fn frameworks_of(&self, jurisdiction: &str) -> Vec<usize> {
        let mut fws: Vec<usize> = (0..self.frameworks.len())
            .filter(|&i| self.frameworks[i].jurisdiction.value == jurisdiction)
            .collect();
        fws.sort_by_key(|&i| {
            (
                self.frameworks[i]
                    .status_history
                    .first()
                    .map(|e| e.date.value),
                i,
            )
        });
        fws
    }

    /// Total number of cases.
    pub fn case_count(&self) -> usize {
        self.inventories.iter().map(|i| i.cases.len()).sum()
    }

    /// The current status of a framework (its last status event).
    pub fn current_status(fw: &Framework) -> &str {
        fw.status_history
            .last()
            .map_or("", |e| e.status.value.as_str())
    }

    /// Whether `flag` was assessed on `case` of `inv`: the method answerable
    /// for that flag on that case (the one that set it, or for an unticked
    /// flag the case's or the inventory's method) can assess it. A case with
    /// no method at all counts as assessed on every flag, as before methods
    /// could say what they assess.
    pub fn assessed(inv: &Inventory, case: &Case, flag: &str) -> bool {
        let Some(method) = Self::flag_method(inv, case, flag) else {
            return true;
        };
        inv.flag_methods
            .iter()
            .find(|m| m.id.value == method)
            .and_then(|m| m.assesses.as_ref())
            .is_none_or(|list| list.iter().any(|f| f.value == flag))
    }

    /// The jurisdiction a case belongs to: its own, or else its inventory's.
    pub fn case_jurisdiction<'a>(inv: &'a Inventory, case: &'a Case) -> &'a str {
        case.jurisdiction
            .as_ref()
            .unwrap_or(&inv.jurisdiction)
            .value
            .as_str()
    }

    /// The method that assigned `flag` on `case` of `inv`.
    pub fn flag_method<'a>(inv: &'a Inventory, case: &'a Case, flag: &str) -> Option<&'a str> {
        case.flag_provenance
            .iter()
            .find(|p| p.flag.value == flag)
            .map(|p| p.method.value.as_str())
            .or(case.flag_method.as_ref().map(|m| m.value.as_str()))
            .or(inv.default_flag_method.as_ref().map(|m| m.value.as_str()))
    }
}

/// Builds the index maps and incoming relations of a site whose records
/// were already validated (unknown ids have been reported, so lookups that
/// fail here are simply skipped).
#[allow(clippy::too_many_arguments)]
pub(crate) fn assemble(
    config: SiteConfig,
    vocab: BTreeMap<VocabularyKind, Vocabulary>,
    sources: Vec<Source>,
    mut jurisdictions: Vec<Jurisdiction>,
    mut frameworks: Vec<Framework>,
    mut inventories: Vec<Inventory>,
    mut pages: Vec<PageFile>,
) -> Site {
    jurisdictions.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    frameworks.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    inventories.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    pages.sort_by(|a, b| (a.front.order, &a.slug, &a.lang).cmp(&(b.front.order, &b.slug, &b.lang)));
    let languages = config.languages.iter().map(|l| l.value.clone()).collect();
    let ids = |v: Vec<&str>| {
        v.into_iter()
            .enumerate()
            .map(|(i, s)| (s.to_string(), i))
            .collect::<HashMap<_, _>>()
    };
    let source_index = ids(sources.iter().map(|s| s.id.value.as_str()).collect());
    let jurisdiction_index = ids(jurisdictions.iter().map(|s| s.id.value.as_str()).collect());
    let framework_index: HashMap<String, usize> =
        ids(frameworks.iter().map(|s| s.id.value.as_str()).collect());
    let inventory_index = ids(inventories.iter().map(|s| s.id.value.as_str()).collect());
    let mut case_index = HashMap::new();
    for (i, inv) in inventories.iter().enumerate() {
        for (c, case) in inv.cases.iter().enumerate() {
            case_index.insert(
                case.id.value.clone(),
                CaseRef {
                    inventory: i,
                    case: c,
                },
            );
        }
    }
    let mut incoming = vec![Vec::new(); frameworks.len()];
    for (from, fw) in frameworks.iter().enumerate() {
        for (r, rel) in fw.relations.iter().enumerate() {
            if let Some(&to) = framework_index.get(&rel.target.value) {
                incoming[to].push(IncomingRelation {
                    from,
                    kind: rel.kind.value,
                    relation: r,
                });
            }
        }
    }
    let mut vocab = vocab;
    for kind in VocabularyKind::ALL {
        vocab.entry(kind).or_default();
    }
    let address = Address::of(config.base_url.as_ref().map(|u| u.value.as_str()));
    Site {
        config,
        address,
        languages,
        vocab,
        sources,
        jurisdictions,
        frameworks,
        inventories,
        pages,
        incoming,
        source_index,
        jurisdiction_index,
        framework_index,
        inventory_index,
        case_index,
        figures: Default::default(),
    }
}
