//! What the files that failed to load might have defined, so that
//! references into them are not reported as unknown.

use super::Kind;
use crate::diagnostics::{FileId, SourceMap};
use crate::load::ContentKind;
use crate::schema::VocabularyKind;
use std::collections::HashSet;

/// What files that failed to load might have defined. A reference that
/// could point into such a file is not reported as unknown: the file's own
/// error is reported instead, and one fix then shows any real ones, rather
/// than one syntax error burying the output under dozens of bogus
/// "unknown reference" errors.
#[derive(Debug, Default)]
pub(super) struct Unsure {
    /// Kinds of record whose ids are all unknown (no `id:` line salvaged).
    pub(super) kinds: HashSet<Kind>,
    /// Ids salvaged from the top-level `id:` line of a failed file.
    pub(super) ids: HashSet<(Kind, String)>,
    /// Vocabularies a failed file may have added terms to.
    pub(super) vocabularies: HashSet<VocabularyKind>,
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

    pub(super) fn id(&self, kind: Kind, id: &str) -> bool {
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
