//! The manifest of an output copy: per file, a hash of its bytes and the
//! size, modification time and inode it had when written. It lets a build
//! skip unchanged files without reading them, and it is the record of
//! which files in a folder govatlas wrote (see [`super::target`]).
//!
//! It lives beside the output folder, `.output.govatlas-manifest.<key>`,
//! keyed by the folder's device and inode so that it follows its folder
//! through the exchange of the two copies.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One file as written: enough to recognise it unchanged later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Entry {
    pub hash: [u8; 16],
    pub len: u64,
    pub mtime: i64,
    pub mtime_ns: i64,
    pub ino: u64,
}

/// Path (relative, `/`-separated) → entry.
pub(super) type Manifest = HashMap<String, Entry>;

/// `.{name}.govatlas-{suffix}` beside `out`: every name govatlas gives
/// the things it keeps next to an output folder.
pub(super) fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    out.with_file_name(format!(".{name}.govatlas-{suffix}"))
}

#[cfg(unix)]
pub(super) fn stamp(meta: &fs::Metadata) -> (i64, i64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.mtime(), meta.mtime_nsec(), meta.ino())
}

#[cfg(not(unix))]
pub(super) fn stamp(meta: &fs::Metadata) -> (i64, i64, u64) {
    let t = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .unwrap_or_default();
    (t.as_secs() as i64, t.subsec_nanos() as i64, 0)
}

/// Identity of a directory, so a manifest follows its directory across
/// exchanges (the exchange swaps names, not inodes).
#[cfg(unix)]
pub(super) fn dir_key(dir: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let m = fs::symlink_metadata(dir).ok()?;
    m.is_dir().then(|| format!("{}-{}", m.dev(), m.ino()))
}

#[cfg(not(unix))]
pub(super) fn dir_key(dir: &Path) -> Option<String> {
    fs::symlink_metadata(dir)
        .ok()?
        .is_dir()
        .then(|| "dir".to_string())
}

/// Where the manifest of the directory with `key` beside `out` lives.
pub(super) fn path(out: &Path, key: &str) -> PathBuf {
    sibling(out, &format!("manifest.{key}"))
}

/// The manifest of `dir` (an output folder or its idle copy, both named
/// after `out`), if there is one.
pub(super) fn of_dir(out: &Path, dir: &Path) -> Option<Manifest> {
    let key = dir_key(dir)?;
    let text = fs::read_to_string(path(out, &key)).ok()?;
    Some(parse(&text))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<[u8; 16]> {
    let mut out = [0u8; 16];
    if s.len() != 32 {
        return None;
    }
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// Reads a manifest file; a missing or unreadable one is empty.
pub(super) fn read(path: &Path) -> Manifest {
    fs::read_to_string(path)
        .map(|t| parse(&t))
        .unwrap_or_default()
}

fn parse(text: &str) -> Manifest {
    let mut m = Manifest::new();
    for line in text.lines() {
        let mut it = line.splitn(6, ' ');
        let (Some(h), Some(len), Some(t), Some(tn), Some(ino), Some(p)) = (
            it.next(),
            it.next(),
            it.next(),
            it.next(),
            it.next(),
            it.next(),
        ) else {
            continue;
        };
        let (Some(hash), Ok(len), Ok(mtime), Ok(mtime_ns), Ok(ino)) =
            (unhex(h), len.parse(), t.parse(), tn.parse(), ino.parse())
        else {
            continue;
        };
        m.insert(
            p.to_string(),
            Entry {
                hash,
                len,
                mtime,
                mtime_ns,
                ino,
            },
        );
    }
    m
}

/// Records `entries` as the manifest of the directory with `key`, through
/// a temporary file and a rename.
pub(super) fn write(out: &Path, key: &str, entries: &[(String, Entry)]) -> io::Result<()> {
    let mut text = String::with_capacity(entries.len() * 96);
    for (p, e) in entries {
        use std::fmt::Write as _;
        let _ = writeln!(
            text,
            "{} {} {} {} {} {}",
            hex(&e.hash),
            e.len,
            e.mtime,
            e.mtime_ns,
            e.ino,
            p
        );
    }
    let tmp = sibling(out, "manifest-tmp");
    fs::write(&tmp, text)?;
    fs::rename(&tmp, path(out, key))
}

/// The first 16 bytes of the BLAKE3 hash of `bytes`.
pub(super) fn hash(bytes: &[u8]) -> [u8; 16] {
    let h = blake3::hash(bytes);
    let mut out = [0u8; 16];
    out.copy_from_slice(&h.as_bytes()[..16]);
    out
}
