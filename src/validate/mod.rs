//! Stage 2, validate: check what one file cannot check alone (ids unique
//! across files, every reference resolves, dates in order, no relation
//! cycles) and assemble the [`Site`] model when nothing is wrong.
//!
//! Checks never stop at the first problem: each is reported with the
//! position of the offending value and the field path, and the run goes on.

mod address;
mod ids;
mod labels;
mod parents;
mod records;

use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, FileId, SourceMap};
use crate::load::{ContentKind, LoadedContent};
use crate::model::{self, Site, Vocabulary};
use crate::schema::{Ref, Spanned, Term, VocabularyKind};
use std::collections::{BTreeMap, HashMap, HashSet};

pub use address::address_warning;
pub use ids::{check_id_syntax, slug};
pub use records::is_valid_url;

/// Validates loaded content. Returns the site when there are no problems.
pub fn validate(content: LoadedContent, diags: &mut Diagnostics) -> Option<Site> {
    let LoadedContent {
        sources: map,
        config,
        vocabularies,
        bibliography,
        jurisdictions,
        frameworks,
        inventories,
        pages,
        text_languages,
        failed,
    } = content;
    let config_failed = failed.iter().any(|(_, k)| *k == ContentKind::Config);
    if config.is_none() && !config_failed {
        diags.push(
            Diagnostic::new("no-config", "content/site.yaml is missing").help(
                "run `govatlas init` to start a site, or create content/site.yaml with title, languages and default_language",
            ),
        );
    }
    let mut cx = Checker {
        diags,
        vocab: BTreeMap::new(),
        known: HashMap::new(),
        unsure: Unsure::from_failed(&map, &failed),
        map: &map,
    };

    // Without a usable site.yaml the other files are still checked (so one
    // run shows every problem), except for their language keys.
    if let Some((config_file, config)) = &config {
        records::check_config(&mut cx, *config_file, config);
    }
    let languages: Vec<String> = config
        .as_ref()
        .map(|(_, c)| c.languages.iter().map(|l| l.value.clone()).collect())
        .unwrap_or_default();
    let source_languages: Vec<String> = config
        .as_ref()
        .map(|(_, c)| c.source_languages.iter().map(|l| l.value.clone()).collect())
        .unwrap_or_default();
    for (file, keys) in text_languages.iter().filter(|_| config.is_some()) {
        check_language_keys(&mut cx, *file, keys, &languages, &source_languages);
    }

    // Vocabularies first: every other record refers to them.
    let mut merged: BTreeMap<VocabularyKind, (Option<_>, Option<_>, Vec<Term>)> = BTreeMap::new();
    for (_, v) in &vocabularies {
        let entry = merged.entry(v.vocabulary.value).or_default();
        if entry.0.is_none() {
            entry.0 = v.title.clone();
        }
        if entry.1.is_none() {
            entry.1 = v.description.clone();
        }
    }
    for (file, v) in &vocabularies {
        let kind = v.vocabulary.value;
        let mut seen: HashSet<String> =
            merged[&kind].2.iter().map(|t| t.id.value.clone()).collect();
        // The first definition of a term: files in order, terms in order.
        let first_of = |id: &str| -> Option<String> {
            vocabularies
                .iter()
                .filter(|(_, v)| v.vocabulary.value == kind)
                .flat_map(|(f, v)| v.terms.iter().map(move |t| (f, t)))
                .find(|(_, t)| t.id.value == id)
                .map(|(f, t)| {
                    format!(
                        "first defined at {}:{}",
                        map.path(*f),
                        t.id.referenced.line()
                    )
                })
        };
        for (i, term) in v.terms.iter().enumerate() {
            let path = format!("terms[{i}]");
            cx.id(*file, &term.id, &format!("{path}.id"));
            if !seen.insert(term.id.value.clone()) {
                let first = first_of(&term.id.value);
                cx.error_at(
                    *file,
                    &term.id,
                    "duplicate-id",
                    Some(format!("{path}.id")),
                    format!("{} term `{}` is defined twice", kind.name(), term.id.value),
                )
                .maybe_help(first);
            }
            let mut sub_seen = HashSet::new();
            for (j, sub) in term.subtypes.iter().enumerate() {
                cx.id(*file, &sub.id, &format!("{path}.subtypes[{j}].id"));
                if !sub_seen.insert(sub.id.value.clone()) {
                    cx.error_at(
                        *file,
                        &sub.id,
                        "duplicate-id",
                        Some(format!("{path}.subtypes[{j}].id")),
                        format!("sub-type `{}` is defined twice", sub.id.value),
                    );
                }
            }
        }
        merged
            .get_mut(&kind)
            .unwrap()
            .2
            .extend(v.terms.iter().cloned());
    }
    for (kind, (title, description, terms)) in merged {
        cx.vocab
            .insert(kind, Vocabulary::new(title, description, terms));
    }
    for kind in VocabularyKind::ALL {
        cx.vocab.entry(kind).or_default();
    }
    labels::check(&mut cx, &vocabularies);

    // Then every record id, so references can be checked in any order.
    let bib: Vec<_> = bibliography
        .iter()
        .flat_map(|(f, s)| {
            s.sources
                .iter()
                .enumerate()
                .map(move |(i, src)| (*f, i, src))
        })
        .collect();
    cx.register(
        Kind::Source,
        bib.iter()
            .map(|(f, i, s)| (*f, &s.id, format!("sources[{i}].id"))),
    );
    cx.register(
        Kind::Jurisdiction,
        jurisdictions
            .iter()
            .map(|(f, j)| (*f, &j.id, "id".to_string())),
    );
    cx.register(
        Kind::Framework,
        frameworks
            .iter()
            .map(|(f, j)| (*f, &j.id, "id".to_string())),
    );
    cx.register(
        Kind::Inventory,
        inventories
            .iter()
            .map(|(f, j)| (*f, &j.id, "id".to_string())),
    );
    cx.register(
        Kind::Case,
        inventories.iter().flat_map(|(f, inv)| {
            inv.cases
                .iter()
                .enumerate()
                .map(move |(i, c)| (*f, &c.id, format!("cases[{i}].id")))
        }),
    );

    for (f, i, s) in &bib {
        records::check_source(&mut cx, *f, *i, s);
    }
    for (f, j) in &jurisdictions {
        records::check_jurisdiction(&mut cx, *f, j);
    }
    parents::check_parent_cycles(&mut cx, &jurisdictions);
    for (f, fw) in &frameworks {
        records::check_framework(&mut cx, *f, fw);
    }
    records::check_relation_cycles(&mut cx, &frameworks);
    for (f, inv) in &inventories {
        records::check_inventory(&mut cx, *f, inv);
    }
    records::check_pages(&mut cx, &pages, config.is_some().then_some(&languages[..]));

    let (_, config) = config?;
    if !cx.diags.is_empty() {
        return None;
    }
    let vocab = std::mem::take(&mut cx.vocab);
    Some(model::assemble(
        config,
        vocab,
        bibliography
            .into_iter()
            .flat_map(|(_, s)| s.sources)
            .collect(),
        jurisdictions.into_iter().map(|(_, j)| j).collect(),
        frameworks.into_iter().map(|(_, f)| f).collect(),
        inventories.into_iter().map(|(_, i)| i).collect(),
        pages.into_iter().map(|(_, p)| p).collect(),
    ))
}

/// Each bilingual text's language keys are among the site's languages or
/// its source languages (texts kept in their own language, with no edition).
fn check_language_keys(
    cx: &mut Checker,
    file: FileId,
    keys: &[Spanned<String>],
    languages: &[String],
    source_languages: &[String],
) {
    let listed = if source_languages.is_empty() {
        languages.join(", ")
    } else {
        format!(
            "{}, and as source languages {}",
            languages.join(", "),
            source_languages.join(", ")
        )
    };
    for key in keys {
        if !languages.contains(&key.value) && !source_languages.contains(&key.value) {
            cx.error_at(
                file,
                key,
                "unknown-language",
                None,
                format!("unknown language `{}`", key.value),
            )
            .help(
                match did_you_mean(
                    &key.value,
                    languages.iter().chain(source_languages).map(String::as_str),
                ) {
                    Some(n) => format!("did you mean `{n}`? (site.yaml lists {listed})"),
                    None => format!(
                        "site.yaml lists {listed}; a language texts are written in without an edition of its own goes in its source_languages"
                    ),
                },
            );
        }
    }
}

/// Checks an inventory file edited while serving against the valid site it
/// belonged to: the checks [`validate`] runs on one inventory and its
/// language keys, with the rest of the site as it was.
///
/// Only for an edit that keeps every id where it was (the caller checks),
/// so no id can collide and every other record's references still hold.
pub fn check_inventory_edit(
    site: &Site,
    map: &SourceMap,
    file: FileId,
    inventory: &crate::schema::Inventory,
    language_keys: &[Spanned<String>],
    diags: &mut Diagnostics,
) {
    let known = |ids: &mut dyn Iterator<Item = &String>| -> HashMap<String, (FileId, u64)> {
        ids.map(|id| (id.clone(), (file, 0))).collect()
    };
    let mut cx = Checker {
        diags,
        vocab: site.vocab.clone(),
        known: HashMap::from([
            (
                Kind::Source,
                known(&mut site.sources.iter().map(|s| &s.id.value)),
            ),
            (
                Kind::Jurisdiction,
                known(&mut site.jurisdictions.iter().map(|j| &j.id.value)),
            ),
            (
                Kind::Framework,
                known(&mut site.frameworks.iter().map(|f| &f.id.value)),
            ),
            (
                Kind::Inventory,
                known(&mut site.inventories.iter().map(|i| &i.id.value)),
            ),
            (
                Kind::Case,
                known(&mut site.cases().map(|(_, c)| &c.id.value)),
            ),
        ]),
        unsure: Unsure::default(),
        map,
    };
    let source_languages: Vec<String> = site
        .config
        .source_languages
        .iter()
        .map(|l| l.value.clone())
        .collect();
    check_language_keys(
        &mut cx,
        file,
        language_keys,
        &site.languages,
        &source_languages,
    );
    records::check_inventory(&mut cx, file, inventory);
}

/// Kinds of record with site-wide ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    Source,
    Jurisdiction,
    Framework,
    Inventory,
    Case,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Jurisdiction => "jurisdiction",
            Kind::Framework => "framework",
            Kind::Inventory => "inventory",
            Kind::Case => "case",
        }
    }
}

/// Shared state of one validation run.
pub(crate) struct Checker<'a> {
    diags: &'a mut Diagnostics,
    vocab: BTreeMap<VocabularyKind, Vocabulary>,
    known: HashMap<Kind, HashMap<String, (FileId, u64)>>,
    unsure: Unsure,
    map: &'a SourceMap,
}

/// What files that failed to load might have defined. A reference that
/// could point into such a file is not reported as unknown: the file's own
/// error is reported instead, and one fix then shows any real ones, rather
/// than one syntax error burying the output under dozens of bogus
/// "unknown reference" errors.
#[derive(Debug, Default)]
struct Unsure {
    /// Kinds of record whose ids are all unknown (no `id:` line salvaged).
    kinds: HashSet<Kind>,
    /// Ids salvaged from the top-level `id:` line of a failed file.
    ids: HashSet<(Kind, String)>,
    /// Vocabularies a failed file may have added terms to.
    vocabularies: HashSet<VocabularyKind>,
}

impl Unsure {
    fn from_failed(map: &SourceMap, failed: &[(FileId, ContentKind)]) -> Unsure {
        let mut u = Unsure::default();
        for (file, kind) in failed {
            let text = map.text(*file);
            let kind = match kind {
                ContentKind::Jurisdiction => Kind::Jurisdiction,
                ContentKind::Framework => Kind::Framework,
                ContentKind::Inventory => Kind::Inventory,
                ContentKind::Sources => {
                    u.kinds.insert(Kind::Source);
                    continue;
                }
                ContentKind::Vocabulary => {
                    let named = top_level_value(text, "vocabulary")
                        .and_then(|v| VocabularyKind::ALL.into_iter().find(|k| k.name() == v));
                    match named {
                        Some(k) => {
                            u.vocabularies.insert(k);
                        }
                        None => u.vocabularies.extend(VocabularyKind::ALL),
                    }
                    continue;
                }
                ContentKind::Config | ContentKind::Page { .. } => continue,
            };
            match top_level_value(text, "id") {
                Some(id) => {
                    u.ids.insert((kind, id));
                }
                None => {
                    u.kinds.insert(kind);
                }
            }
        }
        u
    }

    fn id(&self, kind: Kind, id: &str) -> bool {
        self.kinds.contains(&kind) || self.ids.contains(&(kind, id.to_string()))
    }
}

/// The plain value of a top-level `key: value` line, read without a YAML
/// parser (the file is one that failed to parse).
fn top_level_value(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let rest = l.strip_prefix(key)?.trim_start().strip_prefix(':')?;
        let v = rest.split(" #").next()?.trim().trim_matches(['"', '\'']);
        (!v.is_empty()).then(|| v.to_string())
    })
}

impl Checker<'_> {
    /// Reports a problem at a spanned value; returns it for a help line.
    pub(crate) fn error_at<T>(
        &mut self,
        file: FileId,
        at: &crate::schema::Spanned<T>,
        code: &'static str,
        field: Option<String>,
        message: String,
    ) -> HelpSetter<'_> {
        let mut d = Diagnostic::at(file, &at.referenced, code, message);
        d.field = field;
        self.diags.push(d);
        HelpSetter(self.diags)
    }

    /// Reports a problem with no spanned value (the whole file, or a line).
    pub(crate) fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Checks an id's syntax.
    pub(crate) fn id(&mut self, file: FileId, id: &Ref, field: &str) {
        if let Err(why) = check_id_syntax(&id.value) {
            self.error_at(file, id, "invalid-id", Some(field.to_string()), format!("invalid id {:?}: {why}", id.value))
                .help("ids are letters, digits, `-`, `_` and `.`, starting with a letter or digit, e.g. `tw-ai-basic-act`");
        }
    }

    /// Registers ids of one kind, reporting bad syntax, duplicates and ids
    /// whose URL slugs collide (`EO-14110` and `eo-14110`).
    fn register<'r>(&mut self, kind: Kind, ids: impl Iterator<Item = (FileId, &'r Ref, String)>) {
        let mut by_id: HashMap<String, (FileId, u64)> = HashMap::new();
        let mut by_slug: HashMap<String, String> = HashMap::new();
        for (file, id, field) in ids {
            self.id(file, id, &field);
            if let Some((first_file, first_line)) = by_id.get(&id.value) {
                let first = format!("{}:{}", self.map.path(*first_file), first_line);
                self.error_at(
                    file,
                    id,
                    "duplicate-id",
                    Some(field),
                    format!("{} id `{}` is already used", kind.noun(), id.value),
                )
                .help(format!(
                    "first defined at {first}; ids must be unique across the site"
                ));
                continue;
            }
            let s = slug(&id.value);
            if let Some(other) = by_slug.get(&s) {
                let other = other.clone();
                self.error_at(file, id, "slug-collision", Some(field), format!("{} id `{}` and `{other}` give the same page name `{s}`", kind.noun(), id.value))
                    .help("ids that differ only in letter case would overwrite each other's page; rename one");
                continue;
            }
            by_slug.insert(s, id.value.clone());
            by_id.insert(id.value.clone(), (file, id.referenced.line()));
        }
        self.known.insert(kind, by_id);
    }

    /// Checks a reference to a record of `kind`.
    pub(crate) fn reference(&mut self, file: FileId, r: &Ref, kind: Kind, field: String) -> bool {
        let known = &self.known[&kind];
        if known.contains_key(&r.value) {
            return true;
        }
        if self.unsure.id(kind, &r.value) {
            return false;
        }
        let help = did_you_mean(&r.value, known.keys().map(String::as_str))
            .map(|n| format!("did you mean `{n}`?"));
        self.error_at(
            file,
            r,
            "unknown-reference",
            Some(field),
            format!("unknown {} `{}`", kind.noun(), r.value),
        )
        .set(help);
        false
    }

    /// Checks a reference to a term of a vocabulary.
    pub(crate) fn term(
        &mut self,
        file: FileId,
        r: &Ref,
        kind: VocabularyKind,
        field: String,
    ) -> bool {
        let vocab = &self.vocab[&kind];
        if vocab.get(&r.value).is_some() {
            return true;
        }
        if self.unsure.vocabularies.contains(&kind) {
            return false;
        }
        let noun = match kind {
            VocabularyKind::RiskFlags => "risk flag",
            VocabularyKind::UseClasses => "use class",
            VocabularyKind::Techniques => "technique",
            VocabularyKind::InstrumentTypes => "instrument type",
            VocabularyKind::Statuses => "status",
            VocabularyKind::Principles => "principle",
            VocabularyKind::Approaches => "approach",
            VocabularyKind::GovFunctions => "government function",
        };
        let help = did_you_mean(&r.value, vocab.terms.iter().map(|t| t.id.value.as_str()))
            .map(|n| format!("did you mean `{n}`?"));
        let help = help.or_else(|| {
            (vocab.terms.len() <= 12 && !vocab.terms.is_empty()).then(|| {
                format!(
                    "known {}: {}",
                    kind.name(),
                    vocab
                        .terms
                        .iter()
                        .map(|t| t.id.value.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
        });
        let help = help.or_else(|| {
            vocab.terms.is_empty().then(|| {
                format!(
                    "define it in content/vocabularies/ (vocabulary: {})",
                    kind.name()
                )
            })
        });
        self.error_at(
            file,
            r,
            "unknown-reference",
            Some(field),
            format!("unknown {noun} `{}`", r.value),
        )
        .set(help);
        false
    }

    /// The merged vocabulary of a kind.
    pub(crate) fn vocabulary(&self, kind: VocabularyKind) -> &Vocabulary {
        &self.vocab[&kind]
    }
}

/// Lets a caller add a help line to the diagnostic just reported.
pub(crate) struct HelpSetter<'a>(&'a mut Diagnostics);

impl HelpSetter<'_> {
    pub(crate) fn help(self, help: impl Into<String>) {
        self.set(Some(help.into()));
    }

    pub(crate) fn maybe_help(self, help: Option<String>) {
        self.set(help);
    }

    fn set(self, help: Option<String>) {
        self.0.set_last_help(help);
    }
}
