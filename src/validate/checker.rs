//! [`Checker`]: the state of one validation run (the vocabularies, every
//! id seen, the records of files that could not be read) and the ways
//! checks report a problem at a value.

use super::ids::{self, check_id_syntax, shown, slug};
use super::unsure::Unsure;
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, FileId, SourceMap};
use crate::model::Vocabulary;
use crate::schema::{Ref, VocabularyKind};
use std::collections::{BTreeMap, HashMap};

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
    pub(super) fn noun(self) -> &'static str {
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

    /// Checks an id's syntax; the caret points at a character it may not
    /// hold, where it can tell.
    pub(crate) fn id(&mut self, file: FileId, id: &Ref, field: &str) {
        if let Err(why) = check_id_syntax(&id.value) {
            let ascii = crate::diagnostics::chars::ascii_lookalike(&id.value)
                .filter(|a| check_id_syntax(a).is_ok());
            let help = if ids::is_windows_device(&id.value) {
                format!(
                    "add to it, e.g. `{}-1`",
                    id.value.split('.').next().unwrap_or("")
                )
            } else if let Some(ascii) = ascii {
                format!("did you mean `{ascii}`? (type it again in ASCII)")
            } else {
                "ids are letters, digits, `-`, `_` and `.`, starting with a letter or digit, e.g. `tw-ai-basic-act`".to_string()
            };
            let mut d = Diagnostic::at(
                file,
                &id.referenced,
                "invalid-id",
                match id.value.is_empty() {
                    true => "invalid id: it is empty".to_string(),
                    false => format!("invalid id {}: {why}", shown(&id.value)),
                },
            );
            d.field = Some(field.to_string());
            if let Some((at, _)) = crate::diagnostics::chars::first_unusual(&id.value) {
                self.point_into(&mut d, &id.value, at);
            }
            self.diags.push(d.help(help));
        }
    }

    /// Reports an unknown reference `r` to a `noun`, naming (and pointing
    /// at) any character in it that is not ASCII.
    fn unknown_at(&mut self, file: FileId, r: &Ref, field: String, noun: &str) -> HelpSetter<'_> {
        let mut d = Diagnostic::at(
            file,
            &r.referenced,
            "unknown-reference",
            unknown(noun, &r.value),
        );
        d.field = Some(field);
        if let Some((at, _)) = crate::diagnostics::chars::first_unusual(&r.value) {
            self.point_into(&mut d, &r.value, at);
        }
        self.diags.push(d);
        HelpSetter(self.diags)
    }

    /// Moves `d`'s caret from the start of `value` to its character `at`,
    /// when the file has the value as written there (plain or quoted,
    /// without escapes).
    fn point_into(&self, d: &mut Diagnostic, value: &str, at: usize) {
        let Some(file) = d.file else { return };
        let Some(line) = self.map.line(file, d.line) else {
            return;
        };
        let rest: String = line
            .chars()
            .skip(d.column.saturating_sub(1) as usize)
            .collect();
        let quote = rest.starts_with(['"', '\'']) as u64;
        let written: String = rest
            .chars()
            .skip(quote as usize)
            .take(value.chars().count())
            .collect();
        if written == value {
            d.column += quote + at as u64;
            d.len = 1;
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
            } else {
                by_slug.insert(s, id.value.clone());
            }
            // Known either way: references to it are not unknown, the
            // collision is the one problem.
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
        self.unknown_at(file, r, field, kind.noun()).set(help);
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
        self.unknown_at(file, r, field, noun).set(help);
        false
    }

    /// The merged vocabulary of a kind.
    pub(crate) fn vocabulary(&self, kind: VocabularyKind) -> &Vocabulary {
        &self.vocab[&kind]
    }
}

/// "unknown framework `ОECD`", naming any character in it that is not
/// ASCII: a look-alike is why a reference that reads right is unknown.
pub(super) fn unknown(noun: &str, value: &str) -> String {
    match crate::diagnostics::chars::explain_unusual(value) {
        Some(why) => format!("unknown {noun} {}: {why}", shown(value)),
        None => format!("unknown {noun} `{value}`"),
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
