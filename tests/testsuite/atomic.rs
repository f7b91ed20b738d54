//! Atomic output: a build that fails or is killed (SIGKILL) at any point
//! leaves the previous `output/` byte for byte, and the next build leaves
//! no stray temporary directory beside it.

use crate::common::{build_into, govatlas, snapshot};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

#[path = "../../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

fn build(root: &Path, out: &Path) {
    build_into(root, out, &[]);
}

/// Starts a build that stops at `stall` (see `output::stall_point`), waits
/// until it has stopped there, and kills it with SIGKILL.
fn kill_build_at(root: &Path, out: &Path, stall: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_govatlas"))
        .args([
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output-dir",
            out.to_str().unwrap(),
        ])
        .env("GOVATLAS_TEST_STALL", stall)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let stalled = lines.any(|l| l.map(|l| l == "stalled").unwrap_or(false));
    assert!(stalled, "build at {stall} did not reach its stall point");
    child.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix.
    child.wait().expect("wait");
}

/// Names beside `out` that belong to govatlas.
fn siblings(out: &Path) -> Vec<String> {
    let name = out.file_name().unwrap().to_string_lossy().into_owned();
    let mut v: Vec<String> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{name}.govatlas-")))
        .collect();
    v.sort();
    v
}

#[test]
fn killed_or_failed_builds_leave_the_previous_site_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let out = tmp.path().join("output");
    synth::write_site_with(&root, 300, 40, 0);
    // Twice, so the idle copy exists and the next build updates it in place.
    build(&root, &out);
    build(&root, &out);
    let old = snapshot(&out);
    assert!(old.len() > 800, "{} files", old.len());

    // The next version changes every page (the site title is on each).
    synth::write_site_with(&root, 300, 40, 1);
    for stall in ["1", "300", "700", &(old.len() - 1).to_string(), "commit"] {
        kill_build_at(&root, &out, stall);
        assert!(
            snapshot(&out) == old,
            "output changed after a build killed at {stall}"
        );
    }

    // A build that fails on bad content changes nothing either.
    let bad = root.join("content/jurisdictions/bad.yaml");
    std::fs::write(&bad, "id: [unclosed\n").unwrap();
    let o = govatlas(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output-dir",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(snapshot(&out) == old, "output changed after a failed build");
    std::fs::remove_file(&bad).unwrap();

    // The next build completes: the new site, whole, and nothing stray.
    build(&root, &out);
    let fresh = tmp.path().join("fresh");
    build(&root, &fresh);
    let new = snapshot(&out);
    assert!(new != old);
    assert!(
        new == snapshot(&fresh),
        "incremental output differs from a clean build"
    );
    let left: Vec<String> = siblings(&out)
        .into_iter()
        .filter(|n| !n.ends_with("-idle") && !n.contains("-manifest."))
        .collect();
    assert!(left.is_empty(), "stray entries beside output/: {left:?}");
    // The idle copy is a whole site too (the previous one), not a leftover.
    assert!(snapshot(&out.with_file_name(".output.govatlas-idle")) == old);
}

#[test]
fn a_kill_between_the_fallback_renames_is_repaired() {
    // The portable fallback moves output/ aside to `.output.govatlas-swap`
    // for a moment; the next build must put it back before anything else.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let out = tmp.path().join("output");
    synth::write_site_with(&root, 20, 10, 0);
    build(&root, &out);
    let old = snapshot(&out);
    std::fs::rename(&out, out.with_file_name(".output.govatlas-swap")).unwrap();
    synth::write_site_with(&root, 20, 10, 1);
    kill_build_at(&root, &out, "commit");
    assert!(snapshot(&out) == old, "the old site was not put back");
}
