//! The state of one validation run: the ids registered so far, the merged
//! vocabularies, what failed files might have defined, and the helpers every
//! record check uses to report a problem, an unknown reference or a bad id.

use super::{check_id_syntax, slug};
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, FileId, SourceMap};
use crate::load::ContentKind;
use crate::model::Vocabulary;
use crate::schema::{Ref, VocabularyKind};
use std::collections::{BTreeMap, HashMap, HashSet};

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
    pub(super) diags: &'a mut Diagnostics,
    pub(super) vocab: BTreeMap<VocabularyKind, Vocabulary>,
    pub(super) known: HashMap<Kind, HashMap<String, (FileId, u64)>>,
    pub(super) unsure: Unsure,
    pub(super) map: &'a SourceMap,
}

/// What files that failed to load might have defined. A reference that
/// could point into such a file is not reported as unknown: the file's own
/// error is reported instead, and one fix then shows any real ones, rather
/// than one syntax error burying the output under dozens of bogus
/// "unknown reference" errors.
#[derive(Debug, Default)]
pub(super) struct Unsure {
    /// Kinds of record whose ids are all unknown (no `id:` line salvaged).
    kinds: HashSet<Kind>,
    /// Ids salvaged from the top-level `id:` line of a failed file.
    ids: HashSet<(Kind, String)>,
    /// Vocabularies a failed file may have added terms to.
    vocabularies: HashSet<VocabularyKind>,
}

impl Unsure {
    pub(super) fn from_failed(map: &SourceMap, failed: &[(FileId, ContentKind)]) -> Unsure {
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
    pub(super) fn register<'r>(
        &mut self,
        kind: Kind,
        ids: impl Iterator<Item = (FileId, &'r Ref, String)>,
    ) {
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
