//! The two moves of a build's end: clearing from the idle copy what the
//! new site no longer has, and exchanging the idle copy with the output
//! folder in one step.

use super::manifest::sibling;
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::Path;

/// Removes every file under `root` not in `keep`, then folders left empty.
pub(super) fn remove_stale(root: &Path, keep: &HashSet<&str>) -> io::Result<usize> {
    let mut removed = 0;
    let mut dirs = Vec::new();
    let mut stack = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = stack.pop() {
        for e in fs::read_dir(&dir)? {
            let e = e?;
            let name = e.file_name().to_string_lossy().into_owned();
            let rel = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            if e.file_type()?.is_dir() {
                dirs.push(e.path());
                stack.push((e.path(), rel));
            } else if !keep.contains(rel.as_str()) {
                fs::remove_file(e.path())?;
                removed += 1;
            }
        }
    }
    // Deepest first; a folder still holding files stays.
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for d in dirs {
        let _ = fs::remove_dir(&d);
    }
    Ok(removed)
}

/// Makes `idle` the new `out` atomically; the old `out` becomes `idle`.
pub(super) fn exchange(idle: &Path, out: &Path) -> io::Result<()> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(idle, out);
    }
    #[cfg(target_os = "linux")]
    {
        match rename_exchange(idle, out) {
            Ok(()) => return Ok(()),
            Err(e)
                if matches!(
                    e.raw_os_error(),
                    Some(libc::EINVAL) | Some(libc::ENOSYS) | Some(libc::EOPNOTSUPP)
                ) => {}
            Err(e) => return Err(e),
        }
    }
    // Portable fallback: three renames; `begin` repairs a kill between them.
    let swap = sibling(out, "swap");
    fs::rename(out, &swap)?;
    fs::rename(idle, out)?;
    fs::rename(&swap, idle)
}

#[cfg(target_os = "linux")]
fn rename_exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths; AT_FDCWD resolves them
    // like every other path this program opens.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}
