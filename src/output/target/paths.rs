//! Paths as the checks compare them: resolved to one spelling per folder;
//! what stands at a path that is not a folder; a free name for the backup
//! of a folder taken over with `--force`.

use std::fs;
use std::path::{Component, Path, PathBuf};

/// What stands at `p` if it exists and is not a folder.
pub(super) fn not_a_folder(p: &Path) -> Option<&'static str> {
    let meta = fs::symlink_metadata(p).ok()?;
    let t = meta.file_type();
    if t.is_dir() {
        return None;
    }
    Some(if t.is_file() {
        "a file"
    } else if t.is_symlink() {
        "a symbolic link that leads nowhere"
    } else {
        special_kind(&t)
    })
}

#[cfg(unix)]
fn special_kind(t: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &fs::FileType) -> &'static str {
    "not a regular file"
}

/// `output.before-govatlas` beside `out`, or `-2`, `-3`, … if taken.
pub(super) fn free_backup_name(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    (1..)
        .map(|n| match n {
            1 => out.with_file_name(format!("{name}.before-govatlas")),
            n => out.with_file_name(format!("{name}.before-govatlas-{n}")),
        })
        .find(|p| fs::symlink_metadata(p).is_err())
        .expect("a free name")
}

/// `p` made absolute, with the symbolic links of the part that exists
/// resolved and `.`/`..` of the rest applied, so that two spellings of one
/// folder compare equal.
pub(in crate::output) fn resolve(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    // The longest prefix that exists, resolved; the rest appended.
    let parts: Vec<Component> = abs.components().collect();
    for cut in (0..=parts.len()).rev() {
        let head: PathBuf = parts[..cut].iter().collect();
        if let Ok(mut real) = fs::canonicalize(&head) {
            for c in &parts[cut..] {
                match c {
                    Component::ParentDir => {
                        real.pop();
                    }
                    Component::CurDir => {}
                    other => real.push(other),
                }
            }
            return real;
        }
    }
    abs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_folder_resolve_alike() {
        let tmp = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(tmp.path()).unwrap();
        fs::create_dir(real.join("a")).unwrap();
        assert_eq!(resolve(&real.join("a/./../a")), real.join("a"));
        assert_eq!(resolve(&real.join("new/../b")), real.join("b"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(real.join("a"), real.join("link")).unwrap();
            assert_eq!(resolve(&real.join("link/x")), real.join("a/x"));
        }
    }
}
