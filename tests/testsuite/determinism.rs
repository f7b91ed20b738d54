//! Same content, same bytes: two builds of a site, from different folders,
//! with different thread counts, time zones and locales, write identical
//! file trees. (Nothing in the output may come from the clock, the machine
//! or hash-map order; a build date comes only from the content.)

use crate::common::{build_into as build, copy_dir, fixture, repo_root, snapshot as tree};
use std::path::Path;

/// Builds the site at `root` twice under different conditions and
/// compares every file. `first` is a build already made (the shared build
/// of the default site), to save one.
fn assert_reproducible(root: &Path, first: Option<&Path>) {
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join("elsewhere/site");
    copy_dir(root, &copy);
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let a = match first {
        Some(done) => done.to_path_buf(),
        None => {
            build(
                root,
                &a,
                &[("RAYON_NUM_THREADS", "4"), ("TZ", "UTC"), ("LC_ALL", "C")],
            );
            a
        }
    };
    build(
        &copy,
        &b,
        &[
            ("RAYON_NUM_THREADS", "1"),
            ("TZ", "Asia/Taipei"),
            ("LC_ALL", "zh_TW.UTF-8"),
        ],
    );
    let (ta, tb) = (tree(&a), tree(&b));
    assert!(ta.len() > 10, "only {} files", ta.len());
    let names_a: Vec<_> = ta.keys().collect();
    let names_b: Vec<_> = tb.keys().collect();
    assert_eq!(names_a, names_b, "the two builds wrote different files");
    let differing: Vec<_> = ta
        .iter()
        .filter(|(p, bytes)| tb[*p] != **bytes)
        .map(|(p, _)| p.clone())
        .collect();
    assert!(
        differing.is_empty(),
        "{} files differ between two builds: {}",
        differing.len(),
        differing.join(", ")
    );
    // No trace of where the site was built.
    let root_text = copy.to_string_lossy();
    let leaked: Vec<_> = tb
        .iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains(&*root_text))
        .map(|(p, _)| p.clone())
        .collect();
    assert!(leaked.is_empty(), "the build folder leaks into {leaked:?}");
}

#[test]
fn two_builds_of_the_basic_site_are_byte_identical() {
    assert_reproducible(&fixture("basic"), None);
}

#[test]
fn two_builds_of_the_default_site_are_byte_identical() {
    let root = repo_root();
    if !root.join("content/site.yaml").exists() {
        return; // no default content in this checkout yet
    }
    assert_reproducible(&root, Some(&crate::common::BuiltSite::default_site().out));
}
