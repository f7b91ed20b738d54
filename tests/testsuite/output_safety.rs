//! Nothing a user wrote is ever moved or removed by a build: an output
//! folder that is, holds or lies inside the site (its root, `content/`,
//! `templates/`, `themes/`), a file, or a folder govatlas did not make is
//! refused with exit code 2 before anything is written, and every file
//! of the user's is still there byte for byte, after two tries (the first
//! build used to move them, the second to delete them).

use crate::common::{copy_dir, fixture, govatlas, snapshot};
use std::collections::BTreeMap;
use std::path::Path;

/// A site with the user's own files around it: the basic fixture, a
/// template override, a theme file, notes in the root, and a `docs/`
/// folder of someone else's beside it.
fn user_site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("basic"), &root);
    let write = |rel: &str, text: &str| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write("templates/404.html", "{% extends \"base.html\" %}");
    write("themes/default/static/extra.css", "body { color: red }");
    write("notes.txt", "my notes");
    write("docs/index.html", "<p>my docs</p>");
    write("docs/img/logo.svg", "<svg/>");
    tmp
}

/// Every file under `dir`, following no links.
fn everything(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(dir)
}

fn build(root: &Path, out: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output-dir",
        out,
    ];
    args.extend_from_slice(extra);
    govatlas(&args)
}

/// Builds `out` twice (with `extra` arguments), expecting a refusal with
/// exit code 2 whose message contains `says`, and nothing changed.
fn refused_twice(tmp: &Path, out: &str, extra: &[&str], says: &str) {
    let root = tmp.join("site");
    let before = everything(tmp);
    for _ in 0..2 {
        let o = build(&root, out, extra);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{out} {extra:?}: {stderr}");
        assert!(
            stderr.starts_with("error[output-refused]: ") && stderr.contains(says),
            "{out}: {stderr}"
        );
        assert!(o.stdout.is_empty());
    }
    let after = everything(tmp);
    assert!(
        before == after,
        "{out} {extra:?}: files changed: {:?}",
        diff_names(&before, &after)
    );
}

fn diff_names(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut names: Vec<String> = a
        .iter()
        .filter(|(k, v)| b.get(*k) != Some(v))
        .map(|(k, _)| format!("-{k}"))
        .collect();
    names.extend(
        b.keys()
            .filter(|k| !a.contains_key(*k))
            .map(|k| format!("+{k}")),
    );
    names
}

#[test]
fn the_site_and_its_sources_are_never_an_output_folder() {
    let tmp = user_site();
    let root = tmp.path().join("site");
    let at = |rel: &str| root.join(rel).to_string_lossy().into_owned();
    for force in [&[][..], &["--force"][..]] {
        refused_twice(tmp.path(), &at("."), force, "is the site root");
        refused_twice(
            tmp.path(),
            &at("content"),
            force,
            "is the site's content/ folder",
        );
        refused_twice(
            tmp.path(),
            &at("content/jurisdictions"),
            force,
            "lies inside the site's content/ folder",
        );
        refused_twice(
            tmp.path(),
            &at("content/new"),
            force,
            "lies inside the site's content/ folder",
        );
        refused_twice(
            tmp.path(),
            &at("templates"),
            force,
            "is the site's templates/ folder",
        );
        refused_twice(
            tmp.path(),
            &at("themes/default"),
            force,
            "lies inside the site's themes/ folder",
        );
        refused_twice(
            tmp.path(),
            &at("themes/../content"),
            force,
            "is the site's content/ folder",
        );
        refused_twice(
            tmp.path(),
            &tmp.path().to_string_lossy(),
            force,
            "contains the site root",
        );
        refused_twice(tmp.path(), "/", force, "contains the site root");
        refused_twice(
            tmp.path(),
            &at("content/site.yaml"),
            force,
            "is a file, not a folder",
        );
        refused_twice(
            tmp.path(),
            &at("notes.txt"),
            force,
            "is a file, not a folder",
        );
    }
    // A relative path is the same folder as its absolute spelling.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_govatlas"))
        .current_dir(&root)
        .args(["build", "--output-dir", "."])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!tmp.path().join(".site.govatlas-idle").exists());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_link_to_the_content_is_not_an_output_folder() {
    let tmp = user_site();
    let root = tmp.path().join("site");
    let fifo = tmp.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    refused_twice(
        tmp.path(),
        &fifo.to_string_lossy(),
        &[],
        "is a FIFO, not a folder",
    );
    let link = tmp.path().join("link");
    std::os::unix::fs::symlink(root.join("content"), &link).unwrap();
    refused_twice(
        tmp.path(),
        &link.to_string_lossy(),
        &["--force"],
        "is the site's content/ folder",
    );
}

#[test]
fn a_folder_govatlas_did_not_make_is_refused_and_kept_whole_when_forced() {
    let tmp = user_site();
    let root = tmp.path().join("site");
    let docs = root.join("docs");
    let theirs = everything(&docs);
    refused_twice(
        tmp.path(),
        &docs.to_string_lossy(),
        &[],
        "is not empty and was not made by govatlas",
    );
    // Forced: the build goes ahead, and what was there is kept, visibly.
    let o = build(&root, &docs.to_string_lossy(), &["--force"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let backup = root.join("docs.before-govatlas");
    assert!(String::from_utf8_lossy(&o.stdout).contains("docs.before-govatlas"));
    assert!(docs.join("en/index.html").is_file());
    for _ in 0..2 {
        let o = build(&root, &docs.to_string_lossy(), &[]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(everything(&backup) == theirs, "the backup changed");
    }
    assert!(!docs.join("img/logo.svg").exists());
}

#[test]
fn a_file_put_into_a_built_site_stops_the_next_build() {
    let tmp = user_site();
    let root = tmp.path().join("site");
    let out = tmp.path().join("output");
    let out_s = out.to_string_lossy().into_owned();
    assert!(build(&root, &out_s, &[]).status.success());
    std::fs::write(out.join("CNAME"), "example.org").unwrap();
    std::fs::create_dir_all(out.join("en/extra")).unwrap();
    std::fs::write(out.join("en/extra/note.txt"), "mine").unwrap();
    refused_twice(
        tmp.path(),
        &out_s,
        &[],
        "holds 2 files not written by govatlas: CNAME, en/extra/note.txt",
    );
    // Taken out again, the folder builds as before.
    std::fs::remove_file(out.join("CNAME")).unwrap();
    std::fs::remove_dir_all(out.join("en/extra")).unwrap();
    assert!(build(&root, &out_s, &[]).status.success());
}

#[test]
fn an_output_folder_of_an_earlier_version_keeps_working() {
    // Earlier versions wrote no marker; their manifest beside the folder
    // says the folder is govatlas's.
    let tmp = user_site();
    let root = tmp.path().join("site");
    let out = tmp.path().join("output");
    let out_s = out.to_string_lossy().into_owned();
    for _ in 0..2 {
        assert!(build(&root, &out_s, &[]).status.success());
    }
    for dir in [out.clone(), tmp.path().join(".output.govatlas-idle")] {
        std::fs::remove_file(dir.join(govatlas::output::MARKER)).unwrap();
    }
    let before = everything(&out);
    let o = build(&root, &out_s, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut after = everything(&out);
    assert!(
        after.remove(govatlas::output::MARKER).is_some(),
        "marked now"
    );
    assert!(before == after);
    // Without its manifest, an unmarked folder is someone else's.
    let o = build(&root, &out_s, &[]);
    assert!(o.status.success());
    for e in std::fs::read_dir(tmp.path()).unwrap() {
        let e = e.unwrap();
        if e.file_name()
            .to_string_lossy()
            .contains("govatlas-manifest")
        {
            std::fs::remove_file(e.path()).unwrap();
        }
    }
    std::fs::remove_file(out.join(govatlas::output::MARKER)).unwrap();
    refused_twice(tmp.path(), &out_s, &[], "not made by govatlas");
}

#[test]
fn an_idle_copy_holding_someone_elses_files_is_left_alone() {
    let tmp = user_site();
    let idle = tmp.path().join(".output.govatlas-idle");
    std::fs::create_dir(&idle).unwrap();
    std::fs::write(idle.join("keep.txt"), "mine").unwrap();
    let out = tmp.path().join("output").to_string_lossy().into_owned();
    refused_twice(
        tmp.path(),
        &out,
        &["--force"],
        "holds files govatlas did not write",
    );
    std::fs::remove_dir_all(&idle).unwrap();
    std::fs::write(&idle, "a file in the way").unwrap();
    refused_twice(
        tmp.path(),
        &out,
        &[],
        "is a file; govatlas keeps its idle copy under that name",
    );
}
