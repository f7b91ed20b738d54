//! Writing single files in place: the building block of the idle copy's
//! update, and `serve`'s direct overwrites of the published site.

use super::manifest::stamp;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Component, Path};

/// A relative path with only normal components: nothing from content can
/// make a file land outside the output folder.
pub(super) fn safe_relative(p: &str) -> Option<&Path> {
    let path = Path::new(p);
    (!p.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)))).then_some(path)
}

/// [`safe_relative`], or the error every writer gives for a path that
/// would leave the output folder.
pub(super) fn relative_or_refuse(rel: &str) -> io::Result<&Path> {
    safe_relative(rel).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write outside the output folder: {rel:?}"),
        )
    })
}

pub(super) fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    let Ok(mut f) = fs::File::open(path) else {
        return false;
    };
    if f.metadata().map_or(true, |m| m.len() != bytes.len() as u64) {
        return false;
    }
    let mut buf = vec![0u8; 64 * 1024];
    let mut at = 0;
    loop {
        match f.read(&mut buf) {
            Ok(0) => return at == bytes.len(),
            Ok(n) => {
                if at + n > bytes.len() || buf[..n] != bytes[at..at + n] {
                    return false;
                }
                at += n;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// Writes `bytes` at `path` in place, creating parent folders as needed
/// (and removing a file that stands where a folder must be). An existing
/// file is overwritten over its own blocks and then cut to
/// length, rather than truncated to nothing first: the file system then
/// reuses its blocks instead of freeing and allocating them again.
pub(super) fn write_file(
    root: &Path,
    rel: &Path,
    path: &Path,
    bytes: &[u8],
) -> io::Result<fs::Metadata> {
    let open = || {
        fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
    };
    let mut f = match open() {
        Ok(f) => f,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            // Clear any file standing where a parent folder must be.
            let mut dir = root.to_path_buf();
            if let Some(parent) = rel.parent() {
                for c in parent.components() {
                    dir.push(c);
                    if fs::symlink_metadata(&dir).is_ok_and(|m| !m.is_dir()) {
                        fs::remove_file(&dir)?;
                    }
                }
            }
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            open()?
        }
        Err(e) => return Err(e),
    };
    f.write_all(bytes)?;
    let meta = f.metadata()?;
    if meta.len() > bytes.len() as u64 {
        f.set_len(bytes.len() as u64)?;
        return f.metadata();
    }
    Ok(meta)
}

/// Overwrites one file of the published site in place, for `serve`'s
/// incremental rebuild, unless it already holds these bytes (then false).
///
/// Not atomic per file, on purpose: writing a temporary file and renaming
/// it costs ~0.35 ms per file on this kind of disk against ~0.02 ms for an
/// overwrite, and an edit rewrites a few hundred files. `serve` gives its
/// own readers whole files instead: its HTTP server does not read a file
/// while a rebuild is writing (see `serve::PUBLISHING`). `govatlas build`
/// keeps the whole-site exchange of [`Staging`].
pub fn overwrite_file(out: &Path, rel: &str, bytes: &[u8]) -> io::Result<bool> {
    let relative = relative_or_refuse(rel)?;
    let path = out.join(relative);
    if same_bytes(&path, bytes) {
        return Ok(false);
    }
    write_file(out, relative, &path, bytes)?;
    Ok(true)
}

/// [`overwrite_file`] for a file known to have changed: not read first.
pub fn write_over(out: &Path, rel: &str, bytes: &[u8]) -> io::Result<()> {
    let relative = relative_or_refuse(rel)?;
    write_file(out, relative, &out.join(relative), bytes).map(|_| ())
}

/// The size, modification time and inode a file had when `serve` last
/// wrote it: while it still has them, it still holds what was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp(u64, i64, i64, u64);

fn stamp_of(path: &Path) -> Option<Stamp> {
    fs::metadata(path).ok().map(|m| stamp_of_meta(&m))
}

fn stamp_of_meta(meta: &fs::Metadata) -> Stamp {
    let (t, ns, ino) = stamp(meta);
    Stamp(meta.len(), t, ns, ino)
}

/// The stamp of the file at `rel` if it holds exactly `bytes`.
pub fn stamp_if_holds(out: &Path, rel: &str, bytes: &[u8]) -> Option<Stamp> {
    let path = out.join(safe_relative(rel)?);
    let before = stamp_of(&path)?;
    (same_bytes(&path, bytes) && stamp_of(&path) == Some(before)).then_some(before)
}

/// Makes the file at `rel` hold its new `len` bytes, which
/// `write_from(at, w)` writes into `w` from byte `at` on, knowing that the
/// bytes before `from` are the same as when `serve` last wrote the file
/// and gave it the stamp `last`. While the file still has that stamp, only
/// the bytes from `from` on are written: an edit to one case changes a few
/// places in ~40 MB of data files at 10k cases. When it does not (another
/// build replaced the folder, someone deleted the file), it is written
/// whole. `last` becomes the new stamp. Like [`overwrite_file`], not atomic
/// on its own.
pub fn patch_tail(
    out: &Path,
    rel: &str,
    last: &mut Option<Stamp>,
    len: usize,
    from: usize,
    write_from: &dyn Fn(usize, &mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    use std::io::Seek;
    let relative = relative_or_refuse(rel)?;
    let path = out.join(relative);
    let meta = match *last {
        Some(was) if stamp_of(&path) == Some(was) && from as u64 <= was.0 => {
            let mut f = fs::OpenOptions::new().write(true).open(&path)?;
            f.seek(io::SeekFrom::Start(from as u64))?;
            let mut w = io::BufWriter::with_capacity(1 << 18, &f);
            write_from(from, &mut w)?;
            w.flush()?;
            drop(w);
            if was.0 != len as u64 {
                f.set_len(len as u64)?;
            }
            f.metadata()?
        }
        _ => {
            let mut bytes = Vec::with_capacity(len);
            write_from(0, &mut bytes)?;
            write_file(out, relative, &path, &bytes)?
        }
    };
    *last = Some(stamp_of_meta(&meta));
    Ok(())
}
