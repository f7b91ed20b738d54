//! Sub-national jurisdictions: a state or city names the jurisdiction it is
//! part of (`parent`), which must exist, and parents must not loop.

use super::{Checker, Kind};
use crate::diagnostics::FileId;
use crate::schema::Jurisdiction;
use std::collections::{HashMap, HashSet};

/// A jurisdiction's own parent: it exists, it is not itself, and a state
/// or city has one.
pub(super) fn check_parent(cx: &mut Checker, file: FileId, j: &Jurisdiction) {
    match &j.parent {
        Some(p) if p.value == j.id.value => {
            cx.error_at(
                file,
                p,
                "jurisdiction-cycle",
                Some("parent".into()),
                "a jurisdiction cannot be its own parent".into(),
            );
        }
        Some(p) => {
            cx.reference(file, p, Kind::Jurisdiction, "parent".into());
        }
        None if j.kind.value.is_subnational() => {
            cx.error_at(
                file,
                &j.kind,
                "missing-field",
                Some("parent".into()),
                format!(
                    "a jurisdiction of kind `{}` has no parent",
                    j.kind.value.name()
                ),
            )
            .help("name the jurisdiction it is part of, e.g. `parent: us` for a US state");
        }
        None => {}
    }
}

/// Parents must not loop (a state whose parent is a city whose parent is
/// that state): every chain of parents ends at a jurisdiction without one.
/// Each loop is reported once, at the parent of its smallest id.
pub(super) fn check_parent_cycles(cx: &mut Checker, jurisdictions: &[(FileId, Jurisdiction)]) {
    let index: HashMap<&str, usize> = jurisdictions
        .iter()
        .enumerate()
        .map(|(i, (_, j))| (j.id.value.as_str(), i))
        .collect();
    let parent = |i: usize| -> Option<usize> {
        let j = &jurisdictions[i].1;
        let p = j.parent.as_ref()?;
        // A parent of itself is reported by check_parent.
        (p.value != j.id.value)
            .then(|| index.get(p.value.as_str()).copied())
            .flatten()
    };
    let mut reported: HashSet<usize> = HashSet::new();
    for start in 0..jurisdictions.len() {
        let mut path = vec![start];
        let mut at = start;
        while let Some(next) = parent(at) {
            if let Some(pos) = path.iter().position(|&p| p == next) {
                let ring = &path[pos..];
                let first = *ring
                    .iter()
                    .min_by_key(|&&i| &jurisdictions[i].1.id.value)
                    .unwrap_or(&next);
                if reported.insert(first) {
                    let k = ring.iter().position(|&i| i == first).unwrap_or(0);
                    let names: Vec<&str> = ring[k..]
                        .iter()
                        .chain(&ring[..k])
                        .chain(std::iter::once(&first))
                        .map(|&i| jurisdictions[i].1.id.value.as_str())
                        .collect();
                    let (file, j) = &jurisdictions[first];
                    if let Some(p) = &j.parent {
                        cx.error_at(
                            *file,
                            p,
                            "jurisdiction-cycle",
                            Some("parent".into()),
                            format!("parent cycle: {}", names.join(" → ")),
                        )
                        .help(
                            "a jurisdiction cannot be part of itself, directly or through others",
                        );
                    }
                }
                break;
            }
            path.push(next);
            at = next;
        }
    }
}
