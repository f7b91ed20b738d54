//! Vocabularies: the terms of every file of one kind merged, each term
//! and sub-type defined once.

use super::Checker;
use crate::diagnostics::FileId;
use crate::model::Vocabulary;
use crate::schema::{Term, VocabularyFile, VocabularyKind};
use std::collections::{BTreeMap, HashSet};

/// Merges the vocabulary files into `cx`'s vocabularies (every kind
/// present, empty when no file defines it), reporting bad and duplicate
/// term ids.
pub(super) fn merge(cx: &mut Checker, vocabularies: &[(FileId, VocabularyFile)]) {
    let map = cx.map;
    let mut merged: BTreeMap<VocabularyKind, (Option<_>, Option<_>, Vec<Term>)> = BTreeMap::new();
    for (_, v) in vocabularies {
        let entry = merged.entry(v.vocabulary.value).or_default();
        if entry.0.is_none() {
            entry.0 = v.title.clone();
        }
        if entry.1.is_none() {
            entry.1 = v.description.clone();
        }
    }
    for (file, v) in vocabularies {
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
}
