//! The case explorer lists each option once. Two terms of a vocabulary it
//! filters by (risk flags, use classes with their sub-types, techniques)
//! may not read the same in a language: a reader could not tell them
//! apart, and the filter would show the label twice. (Two vocabularies
//! naming one technique differently — NLP and Natural language
//! processing — is what one technique vocabulary avoids; two terms with
//! the same name is what this check catches.)

use super::Checker;
use crate::diagnostics::FileId;
use crate::schema::{Term, VocabularyFile, VocabularyKind as V};
use std::collections::HashMap;

/// Where a label was first seen: file, term id.
type Seen = HashMap<(String, String), (FileId, String)>;

fn check_terms(
    cx: &mut Checker,
    seen: &mut Seen,
    file: FileId,
    terms: &[Term],
    path: &str,
    what: &str,
) {
    for (i, t) in terms.iter().enumerate() {
        for e in &t.label.entries {
            let label = e
                .value
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if label.is_empty() {
                continue;
            }
            let key = (e.lang.value.clone(), label);
            match seen.get(&key) {
                Some((first_file, first)) if *first != t.id.value => {
                    let first = first.clone();
                    let same_file = *first_file == file;
                    cx.error_at(
                        file,
                        &e.lang,
                        "duplicate-label",
                        Some(format!("{path}[{i}].label.{}", e.lang.value)),
                        format!(
                            "{what} `{}` has the {} label \"{}\" of `{first}`; the case explorer's filter would list it twice",
                            t.id.value, e.lang.value, e.value.trim()
                        ),
                    )
                    .help(if same_file {
                        format!("give `{}` a label of its own, or merge the two terms into one", t.id.value)
                    } else {
                        format!("merge `{}` into `{first}` (map what uses it onto `{first}`), or give it a label of its own", t.id.value)
                    });
                }
                Some(_) => {}
                None => {
                    seen.insert(key, (file, t.id.value.clone()));
                }
            }
        }
    }
}

/// Reports every label shared by two terms of a filtered vocabulary, and
/// by two sub-types of one use class.
pub(super) fn check(cx: &mut Checker, vocabularies: &[(FileId, VocabularyFile)]) {
    for kind in [V::RiskFlags, V::UseClasses, V::Techniques] {
        let mut seen = Seen::new();
        for (file, v) in vocabularies
            .iter()
            .filter(|(_, v)| v.vocabulary.value == kind)
        {
            let noun = match kind {
                V::RiskFlags => "risk flag",
                V::UseClasses => "use class",
                _ => "technique",
            };
            check_terms(cx, &mut seen, *file, &v.terms, "terms", noun);
            for (i, t) in v.terms.iter().enumerate() {
                let mut subs = Seen::new();
                let path = format!("terms[{i}].subtypes");
                check_terms(cx, &mut subs, *file, &t.subtypes, &path, "sub-type");
            }
        }
    }
}
