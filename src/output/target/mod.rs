//! Which folder a build may write into: never one that holds what the
//! user wrote.
//!
//! A build replaces its output folder whole (see the parent module): after
//! the exchange, what was in it is the idle copy, and the next build
//! removes from that copy every file the site no longer has. So the output
//! folder must be one govatlas made, and [`check`] refuses, before
//! anything is read or written:
//!
//! * the site root, its `content/`, `templates/` or `themes/`, a folder
//!   holding one of them (`/`, the site's parent), or one inside them:
//!   never allowed, `--force` or not;
//! * a path that is not a folder (a file, a link to one, a FIFO): never;
//! * a non-empty folder govatlas did not make, or a folder it made that
//!   now holds files it did not write (a `CNAME` put there by hand):
//!   allowed with `--force` only, and then what was there is kept in a
//!   visible backup folder beside it, not in the idle copy;
//! * an idle copy or swap folder (the names govatlas keeps beside the
//!   output) that holds files govatlas did not write: never touched.
//!
//! How govatlas recognises its own output: every folder it builds holds a
//! marker file, [`MARKER`], and a manifest beside it lists every file it
//! wrote there (keyed by the folder's inode). Folders built before the
//! marker existed are recognised by that manifest alone, so an existing
//! `output/` keeps working. The marker is inside the folder, so a copied
//! or cloned output is still recognised; without a manifest beside it (a
//! copy), its files cannot be told apart and all count as the site's.
//!
//! Here: the checks themselves; [`owner`] tells whose a folder is and
//! which of its files govatlas did not write; [`paths`] resolves paths and
//! says what stands at one.

mod owner;
mod paths;

use super::manifest::sibling;
use owner::{foreign_files, owner, Owner};
pub(super) use paths::resolve;
use paths::{free_backup_name, not_a_folder};
use std::fs;
use std::path::{Path, PathBuf};

/// The marker file at the top of every folder govatlas builds.
pub const MARKER: &str = ".govatlas-output";

/// What the marker says, for whoever finds it.
pub(super) const MARKER_TEXT: &[u8] =
    b"This folder is a site built by govatlas; each build replaces it whole.\n\
Files put here by hand are not kept: govatlas refuses to build here while there are any.\n";

/// Why a folder cannot be the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The path as the user gave it.
    pub path: PathBuf,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do instead.
    pub help: String,
    /// Whether `--force` would let the build go ahead.
    pub forceable: bool,
}

/// An output folder a build may write into.
#[derive(Debug, Clone)]
pub struct Target {
    /// Absolute, with symbolic links resolved.
    pub path: PathBuf,
    /// When the build takes over a folder with files govatlas did not
    /// write (`--force`): where they are kept after the exchange.
    pub backup: Option<PathBuf>,
}

/// Checks that `out` may be the output folder of the site at `root`;
/// `force` allows a folder holding files govatlas did not write. Reads
/// metadata and directory listings only.
pub fn check(root: &Path, out: &Path, force: bool) -> Result<Target, Refusal> {
    let refuse = |message: String, help: &str, forceable: bool| Refusal {
        path: out.to_path_buf(),
        message,
        help: help.to_string(),
        forceable,
    };
    let path = resolve(out);
    if let Some(kind) = not_a_folder(&path) {
        return Err(refuse(
            format!(
                "the output folder {} is {kind}, not a folder",
                out.display()
            ),
            "a build makes the output folder; give --output-dir a folder's path",
            false,
        ));
    }
    if let Some(file) = path
        .ancestors()
        .skip(1)
        .find(|a| fs::symlink_metadata(a).is_ok())
        .filter(|a| !a.is_dir())
    {
        return Err(refuse(
            format!(
                "the output folder {} would be inside {}, which is a file",
                out.display(),
                file.display()
            ),
            "give --output-dir a path whose folders are folders",
            false,
        ));
    }
    let root = resolve(root);
    let keep_out = "a build replaces its output folder whole; choose another --output-dir (the default is output/ in the site root)";
    if path == root || root.starts_with(&path) {
        let how = if path == root { "is" } else { "contains" };
        return Err(refuse(
            format!(
                "the output folder {} {how} the site root {}",
                out.display(),
                root.display()
            ),
            keep_out,
            false,
        ));
    }
    for name in ["content", "templates", "themes"] {
        let dir = resolve(&root.join(name));
        let how = if path == dir {
            "is"
        } else if dir.starts_with(&path) {
            "contains"
        } else if path.starts_with(&dir) {
            "lies inside"
        } else {
            continue;
        };
        return Err(refuse(
            format!(
                "the output folder {} {how} the site's {name}/ folder",
                out.display()
            ),
            keep_out,
            false,
        ));
    }
    let mut backup = None;
    if path.is_dir() {
        let foreign = match owner(&path, &path) {
            Owner::Govatlas => foreign_files(&path, &path),
            Owner::Empty => Vec::new(),
            Owner::Foreign => vec![String::new()],
        };
        if !foreign.is_empty() {
            if !force {
                let message = if foreign[0].is_empty() {
                    format!(
                        "the output folder {} is not empty and was not made by govatlas",
                        out.display()
                    )
                } else {
                    format!(
                        "the output folder {} holds {} not written by govatlas: {}",
                        out.display(),
                        plural(foreign.len(), "file"),
                        listed(&foreign)
                    )
                };
                return Err(refuse(
                    message,
                    "a build replaces its output folder whole; choose an empty or new folder, move those files elsewhere, or build there anyway with `govatlas build --force` (what is there now is then kept in a folder beside it)",
                    true,
                ));
            }
            backup = Some(free_backup_name(&path));
        }
    }
    for (suffix, role) in [("idle", "idle copy"), ("swap", "swap folder")] {
        let p = sibling(&path, suffix);
        if let Some(kind) = not_a_folder(&p) {
            return Err(refuse(
                format!(
                    "{} is {kind}; govatlas keeps its {role} under that name",
                    p.display()
                ),
                "move it away",
                false,
            ));
        }
        if p.is_dir()
            && (owner(&path, &p) == Owner::Foreign || !foreign_files(&path, &p).is_empty())
        {
            return Err(refuse(
                format!(
                    "{} holds files govatlas did not write; govatlas keeps its {role} under that name and never deletes what it did not write",
                    p.display()
                ),
                "look through it (a build with --force leaves what it replaced there if it is stopped half-way), keep what you need elsewhere, and delete it",
                false,
            ));
        }
    }
    Ok(Target { path, backup })
}

/// Checks that a single file written by a command (a briefing's `--out`)
/// lands outside the site's sources: it would replace the file there.
pub fn check_file(root: &Path, file: &Path) -> Result<(), Refusal> {
    let path = resolve(file);
    let root = resolve(root);
    for name in ["content", "templates", "themes"] {
        if path.starts_with(resolve(&root.join(name))) {
            return Err(Refusal {
                path: file.to_path_buf(),
                message: format!("{} lies inside the site's {name}/ folder", file.display()),
                help: "write it elsewhere: the site's sources are never written by this command"
                    .into(),
                forceable: false,
            });
        }
    }
    Ok(())
}

fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// The first few paths, and how many more.
fn listed(paths: &[String]) -> String {
    let mut s = paths.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
    if paths.len() > 3 {
        s.push_str(&format!(" and {} more", paths.len() - 3));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_and_its_sources_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        for d in ["content/pages", "templates", "themes"] {
            fs::create_dir_all(root.join(d)).unwrap();
        }
        fs::write(root.join("content/site.yaml"), "x").unwrap();
        for (out, forceable) in [
            (root.clone(), false),
            (tmp.path().to_path_buf(), false),
            (root.join("content"), false),
            (root.join("content/pages"), false),
            (root.join("content/new"), false),
            (root.join("templates"), false),
            (root.join("themes/x"), false),
            (root.join("content/site.yaml"), false),
        ] {
            for force in [false, true] {
                let r = check(&root, &out, force).expect_err(&out.display().to_string());
                assert_eq!(r.forceable, forceable, "{}", out.display());
            }
        }
        assert!(check(&root, &root.join("output"), false).is_ok());
        assert!(check(&root, &tmp.path().join("elsewhere"), false).is_ok());
    }

    #[test]
    fn a_folder_of_someone_elses_is_refused_unless_forced() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        let out = tmp.path().join("public");
        fs::create_dir(&out).unwrap();
        assert!(check(&root, &out, false).is_ok(), "an empty folder is fine");
        fs::write(out.join("notes.txt"), "mine").unwrap();
        let r = check(&root, &out, false).unwrap_err();
        assert!(
            r.forceable && r.message.contains("not made by govatlas"),
            "{r:?}"
        );
        let t = check(&root, &out, true).unwrap();
        assert_eq!(
            t.backup,
            Some(resolve(&tmp.path().join("public.before-govatlas")))
        );
        fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        assert!(
            check(&root, &out, false).is_ok(),
            "a marked folder is govatlas's"
        );
    }
}
