//! Whose a folder is: govatlas's (marked, or listed in a manifest), empty,
//! or someone else's; and the files in a folder of govatlas's that its
//! manifest does not list.

use super::MARKER;
use crate::output::manifest;
use std::fs;
use std::path::Path;

/// Whose a folder is.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Owner {
    /// Marked, or with a manifest of an earlier version beside it.
    Govatlas,
    /// Nothing in it.
    Empty,
    /// Anything else.
    Foreign,
}

/// Whose `dir` is (the output folder `out` or one of its siblings).
pub(super) fn owner(out: &Path, dir: &Path) -> Owner {
    let marked = fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file());
    if marked || manifest::of_dir(out, dir).is_some() {
        return Owner::Govatlas;
    }
    if fs::read_dir(dir).is_ok_and(|mut rd| rd.next().is_none()) {
        Owner::Empty
    } else {
        Owner::Foreign
    }
}

/// Files under `dir` that its manifest does not list: files someone put
/// into a folder govatlas built. None when there is no manifest to tell
/// (a copied folder): then every file counts as the site's. (Only the
/// manifest's paths are read, borrowed from its text: this runs before
/// every build, over every file of the site.)
pub(super) fn foreign_files(out: &Path, dir: &Path) -> Vec<String> {
    let Some(key) = manifest::dir_key(dir) else {
        return Vec::new();
    };
    let Ok(text) = fs::read_to_string(manifest::path(out, &key)) else {
        return Vec::new();
    };
    let known: std::collections::HashSet<&str> = text
        .lines()
        .filter_map(|l| l.splitn(6, ' ').nth(5))
        .collect();
    let mut found = Vec::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let Ok(e) = e else { continue };
        if e.file_type().is_dir() {
            continue;
        }
        let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
        let rel = rel.to_string_lossy();
        #[cfg(windows)]
        let rel = std::borrow::Cow::<str>::Owned(rel.replace('\\', "/"));
        if rel != MARKER && !known.contains(rel.as_ref()) {
            found.push(rel.into_owned());
        }
    }
    found.sort();
    found
}
