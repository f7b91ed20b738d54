//! Stable ids for imported records. The publisher's id (or an id built from
//! columns by a template) with the mapping's prefix, and the scope column in
//! front where ids are unique only within it (`us25-dhs-2705`). Where there
//! is none, or it is a placeholder or used twice, a short hash of the
//! fallback columns is added, which stays the same while they do.

use crate::import::columns::Columns;
use crate::import::mapping::IdSpec;
use crate::import::read::Row;
use crate::import::template::Template;
use crate::import::values::{clean_text, match_key, slug, truncate_slug};
use std::collections::HashMap;

/// What one record says about its id.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The publisher's id (or the template's), cleaned; None when blank or a placeholder.
    pub published: Option<String>,
    /// The id it gives, when there is one.
    pub key: Option<String>,
    /// Prefix and scope, for a derived id.
    pub base: String,
    /// Hash of the fallback columns.
    pub hash: String,
}

/// Reads a record's id candidate.
pub fn candidate(
    spec: &IdSpec,
    template: Option<&Template>,
    cols: &Columns,
    row: &Row,
) -> Candidate {
    let missing = cols.missing();
    let get = |c: &str| -> Option<String> {
        let v = cols.raw(row, c);
        (!crate::import::values::is_missing(&v, missing)).then(|| clean_text(&v))
    };
    let published = match (&spec.column, template) {
        (Some(c), _) => cols.text(row, c).map(|(v, _)| v),
        (None, Some(t)) => {
            let s = slug(&t.render(|name, max| {
                let v = slug(&get(name).unwrap_or_default());
                match max {
                    Some(m) => truncate_slug(&v, m),
                    None => v,
                }
            }));
            (!s.is_empty()).then_some(s)
        }
        (None, None) => None,
    };
    // A placeholder, or an id with no letter or digit, counts as no id.
    let published = published.filter(|v| {
        !slug(v).is_empty()
            && !spec
                .placeholders
                .iter()
                .any(|p| match_key(p) == match_key(v))
    });
    let scope = spec
        .scope_column
        .as_deref()
        .and_then(get)
        .unwrap_or_default();
    let key = published.as_ref().map(|id| {
        let (s, i) = (slug(&scope), slug(id));
        if s.is_empty() || i == s || i.starts_with(&format!("{s}-")) {
            format!("{}{}", spec.prefix, i)
        } else {
            format!("{}{}-{}", spec.prefix, s, i)
        }
    });
    let hashed: Vec<String> = if spec.fallback_columns.is_empty() {
        row.values.iter().map(|c| match_key(&c.text())).collect()
    } else {
        spec.fallback_columns
            .iter()
            .map(|c| match_key(&cols.raw(row, c)))
            .collect()
    };
    let hash = blake3::hash(hashed.join("\u{1f}").as_bytes()).to_hex()[..8].to_string();
    Candidate {
        published,
        key,
        base: format!("{}{}", spec.prefix, slug(&scope)),
        hash,
    }
}

/// Settles the ids of all records, in file order: the publisher's where it
/// is present and unique; derived otherwise. Each id comes with a note when
/// it was derived (for the report).
pub fn settle(cands: &[Candidate]) -> Vec<(String, Option<&'static str>)> {
    let mut key_count: HashMap<&str, usize> = HashMap::new();
    for c in cands {
        if let Some(k) = &c.key {
            *key_count.entry(k.as_str()).or_default() += 1;
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    cands
        .iter()
        .map(|c| {
            let (id, derived) = match &c.key {
                Some(k) if key_count[k.as_str()] == 1 => (k.clone(), None),
                Some(k) => (
                    format!("{k}-x{}", c.hash),
                    Some("duplicated id: hash of other columns added"),
                ),
                None => {
                    let sep = if c.base.ends_with('-') { "" } else { "-" };
                    (
                        format!("{}{sep}x{}", c.base, c.hash),
                        Some("id from a hash of other columns"),
                    )
                }
            };
            let n = seen.entry(id.clone()).or_default();
            *n += 1;
            if *n > 1 {
                (
                    format!("{id}-{n}"),
                    Some("identical rows: numbered in file order"),
                )
            } else {
                (id, derived)
            }
        })
        .collect()
}
