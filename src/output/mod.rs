//! Stage 7, output: put the rendered files in `output/` so that a reader
//! (or a web server) sees the old site or the new one, never a mix, while
//! writing only the files whose bytes changed.
//!
//! # Design: two directories, exchanged atomically
//!
//! Beside `output/` lives a second, complete copy of the site,
//! `.output.govatlas-idle/`, which nobody serves. A build brings that idle
//! copy up to date *in place*: a file whose bytes are unchanged is not
//! touched, a changed file is overwritten, a new file is created and a file
//! the new site no longer has is removed. Then the two directories are
//! exchanged in one system call (`renameat2(RENAME_EXCHANGE)` on Linux):
//! `output/` is now the new site and the idle copy holds the previous one,
//! which the next build brings up to date in turn.
//!
//! * Atomic: `output/` is never written to. Until the exchange it is the old
//!   site, byte for byte, whatever happens to the build (error, SIGKILL);
//!   after it, the new one. A reader never sees a mix.
//! * Cheap: no tree is wiped or recreated. A rebuild with nothing changed
//!   writes no page, and one that changes every page overwrites each file
//!   in place, which costs about what `cp -rT` of the tree costs.
//! * No stray directory: the idle copy is the only sibling, kept on purpose
//!   (it costs one more copy of the site on disk). The small manifest file
//!   beside it is a cache, rewritten at each build; a temporary file or a
//!   swap folder left by a killed build is cleared by the next one.
//!
//! Deciding "unchanged" cheaply: a manifest per directory records each
//! file's content hash (BLAKE3) and its size, modification time and inode
//! as written. A new file whose hash matches the manifest is skipped when
//! `stat` still shows that size, time and inode; otherwise, when the sizes
//! match, the old bytes are read and compared. The manifest is a hint only
//! (deleted before the idle copy is touched, rewritten after), so a stale
//! or missing one costs time, never correctness; stale files are found by
//! listing the idle directory, not from the manifest.
//!
//! Elsewhere (not Linux, or a file system without `RENAME_EXCHANGE`) the
//! exchange falls back to three renames through `.output.govatlas-swap`; a
//! build killed between them leaves `output/` missing for a moment, and the
//! next build puts the old site back first.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// What was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteReport {
    /// Files in the new site.
    pub files: usize,
    /// Bytes in the new site.
    pub bytes: u64,
    /// Files actually written (new or changed).
    pub written: usize,
    /// Files removed because the new site no longer has them.
    pub removed: usize,
}

fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    out.with_file_name(format!(".{name}.govatlas-{suffix}"))
}

/// The idle copy of `out`, exchanged with it at each build.
pub fn idle_dir(out: &Path) -> PathBuf {
    sibling(out, "idle")
}

/// A relative path with only normal components: nothing from content can
/// make a file land outside the output folder.
fn safe_relative(p: &str) -> Option<&Path> {
    let path = Path::new(p);
    (!p.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)))).then_some(path)
}

/// [`safe_relative`], or the error every writer gives for a path that
/// would leave the output folder.
fn relative_or_refuse(rel: &str) -> io::Result<&Path> {
    safe_relative(rel).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write outside the output folder: {rel:?}"),
        )
    })
}

/// One file as written: enough to recognise it unchanged later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    hash: [u8; 16],
    len: u64,
    mtime: i64,
    mtime_ns: i64,
    ino: u64,
}

#[cfg(unix)]
fn stamp(meta: &fs::Metadata) -> (i64, i64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.mtime(), meta.mtime_nsec(), meta.ino())
}

#[cfg(not(unix))]
fn stamp(meta: &fs::Metadata) -> (i64, i64, u64) {
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
fn dir_key(dir: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let m = fs::symlink_metadata(dir).ok()?;
    m.is_dir().then(|| format!("{}-{}", m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn dir_key(dir: &Path) -> Option<String> {
    fs::symlink_metadata(dir)
        .ok()?
        .is_dir()
        .then(|| "dir".to_string())
}

type Manifest = HashMap<String, Entry>;

fn manifest_path(out: &Path, key: &str) -> PathBuf {
    sibling(out, &format!("manifest.{key}"))
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

fn read_manifest(path: &Path) -> Manifest {
    let Ok(text) = fs::read_to_string(path) else {
        return Manifest::new();
    };
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

fn write_manifest(out: &Path, key: &str, entries: &[(String, Entry)]) -> io::Result<()> {
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
    fs::rename(&tmp, manifest_path(out, key))
}

fn hash(bytes: &[u8]) -> [u8; 16] {
    let h = blake3::hash(bytes);
    let mut out = [0u8; 16];
    out.copy_from_slice(&h.as_bytes()[..16]);
    out
}

/// Fault injection for the SIGKILL test (`tests/testsuite/atomic.rs`):
/// `GOVATLAS_TEST_STALL=<n>` stops the build for good, mid-write, once `n`
/// files are in the idle copy; `GOVATLAS_TEST_STALL=commit` stops it just
/// before the exchange. It prints `stalled` on stderr so the test knows
/// when to kill it. Unset (always, outside that test), it costs one load.
fn stall_point() -> Option<&'static str> {
    static AT: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    AT.get_or_init(|| std::env::var("GOVATLAS_TEST_STALL").ok())
        .as_deref()
}

fn stall() -> ! {
    eprintln!("stalled");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(3600));
    }
}

/// A build in progress: files are put into the idle copy from any thread,
/// then [`Staging::commit`] exchanges it with `output/`.
pub struct Staging {
    out: PathBuf,
    idle: PathBuf,
    idle_key: String,
    hint: Manifest,
    entries: Mutex<Vec<(String, Entry)>>,
    bytes: AtomicU64,
    written: AtomicU64,
}

impl Staging {
    /// Prepares the idle copy of `out` for a new build: clears what a
    /// killed build left, and creates the idle directory if there is none.
    /// `out` itself is not touched.
    pub fn begin(out: &Path) -> io::Result<Staging> {
        if let Some(parent) = out.parent() {
            if !parent.as_os_str().is_empty() {
                fs::create_dir_all(parent)?;
            }
        }
        // A fallback exchange killed half-way: put the old site back.
        let swap = sibling(out, "swap");
        if fs::symlink_metadata(&swap).is_ok() {
            if fs::symlink_metadata(out).is_err() {
                fs::rename(&swap, out)?;
            } else {
                fs::remove_dir_all(&swap)?;
            }
        }
        // Leftovers of earlier designs and of killed builds.
        for name in ["new", "old", "manifest-tmp"] {
            let p = sibling(out, name);
            match fs::symlink_metadata(&p) {
                Ok(m) if m.is_dir() => fs::remove_dir_all(&p)?,
                Ok(_) => fs::remove_file(&p)?,
                Err(_) => {}
            }
        }
        let idle = idle_dir(out);
        match fs::symlink_metadata(&idle) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                fs::remove_file(&idle)?;
                fs::create_dir(&idle)?;
            }
            Err(_) => fs::create_dir(&idle)?,
        }
        let idle_key = dir_key(&idle).unwrap_or_default();
        let out_key = dir_key(out);
        // The idle copy is about to change: its manifest stops being true.
        // Manifests of directories that no longer exist go too.
        let hint_path = manifest_path(out, &idle_key);
        let hint = read_manifest(&hint_path);
        let prefix = sibling(out, "manifest.")
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if let Ok(rd) = fs::read_dir(&parent) {
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if let Some(key) = name.strip_prefix(&prefix) {
                    if key == idle_key || Some(key) != out_key.as_deref() {
                        let _ = fs::remove_file(e.path());
                    }
                }
            }
        }
        Ok(Staging {
            out: out.to_path_buf(),
            idle,
            idle_key,
            hint,
            entries: Mutex::new(Vec::new()),
            bytes: AtomicU64::new(0),
            written: AtomicU64::new(0),
        })
    }

    /// Puts one file of the new site (path relative to the output root).
    /// Writes it only if the idle copy does not already hold these bytes.
    /// Safe to call from many threads at once.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let rel_path = relative_or_refuse(rel)?;
        let path = self.idle.join(rel_path);
        let h = hash(bytes);
        let len = bytes.len() as u64;
        let current = fs::symlink_metadata(&path).ok();
        let mut same = false;
        if let Some(meta) = current.as_ref().filter(|m| m.is_file() && m.len() == len) {
            let (mtime, mtime_ns, ino) = stamp(meta);
            // The manifest entry, if the file is still the one it describes.
            let known = self
                .hint
                .get(rel)
                .filter(|e| (e.len, e.mtime, e.mtime_ns, e.ino) == (len, mtime, mtime_ns, ino));
            same = match known {
                Some(e) => e.hash == h,
                // Unknown file of the right size: compare the bytes.
                None => same_bytes(&path, bytes),
            };
        }
        let entry = if same {
            let (mtime, mtime_ns, ino) = stamp(current.as_ref().expect("checked"));
            Entry {
                hash: h,
                len,
                mtime,
                mtime_ns,
                ino,
            }
        } else {
            if current.as_ref().is_some_and(|m| m.is_dir()) {
                fs::remove_dir_all(&path)?;
            }
            let meta = write_file(&self.idle, rel_path, &path, bytes)?;
            self.written.fetch_add(1, Ordering::Relaxed);
            let (mtime, mtime_ns, ino) = stamp(&meta);
            Entry {
                hash: h,
                len,
                mtime,
                mtime_ns,
                ino,
            }
        };
        self.bytes.fetch_add(len, Ordering::Relaxed);
        let n = {
            let mut entries = self.entries.lock().expect("entries");
            entries.push((rel.to_string(), entry));
            entries.len()
        };
        if let Some(at) = stall_point() {
            if at.parse() == Ok(n) {
                stall();
            }
        }
        Ok(())
    }

    /// Removes what the new site no longer has from the idle copy, records
    /// its manifest, and exchanges it with `output/`.
    pub fn commit(self) -> io::Result<WriteReport> {
        let mut entries = self.entries.into_inner().expect("entries");
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        if let Some(w) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("two files for one path: {}", w[0].0),
            ));
        }
        let keep: HashSet<&str> = entries.iter().map(|(p, _)| p.as_str()).collect();
        let removed = remove_stale(&self.idle, &keep)?;
        write_manifest(&self.out, &self.idle_key, &entries)?;
        if stall_point() == Some("commit") {
            stall();
        }
        exchange(&self.idle, &self.out)?;
        Ok(WriteReport {
            files: entries.len(),
            bytes: self.bytes.into_inner(),
            written: self.written.into_inner() as usize,
            removed,
        })
    }
}

fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
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
fn write_file(root: &Path, rel: &Path, path: &Path, bytes: &[u8]) -> io::Result<fs::Metadata> {
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

/// Removes every file under `root` not in `keep`, then folders left empty.
fn remove_stale(root: &Path, keep: &HashSet<&str>) -> io::Result<usize> {
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
fn exchange(idle: &Path, out: &Path) -> io::Result<()> {
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

/// Writes `files` as the new contents of `out`, atomically (see the module
/// documentation).
pub fn write_site(out: &Path, files: &[(String, Vec<u8>)]) -> io::Result<WriteReport> {
    let staging = Staging::begin(out)?;
    for (rel, bytes) in files {
        staging.put(rel, bytes)?;
    }
    staging.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
        list.iter()
            .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let e = e.unwrap();
            if e.file_type().is_file() {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((rel, fs::read_to_string(e.path()).unwrap()));
            }
        }
        out
    }

    #[test]
    fn writes_only_changes_and_removes_stale() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let v1 = files(&[("a.html", "1"), ("d/b.html", "2"), ("d/e/c.html", "3")]);
        let r = write_site(&out, &v1).unwrap();
        assert_eq!((r.files, r.written), (3, 3));
        let r = write_site(&out, &v1).unwrap();
        assert_eq!(
            (r.written, r.removed),
            (3, 0),
            "fresh idle copy is filled once"
        );
        let r = write_site(&out, &v1).unwrap();
        assert_eq!(
            (r.written, r.removed),
            (0, 0),
            "steady state writes nothing"
        );
        let v2 = files(&[("a.html", "1!"), ("d/b.html", "2"), ("x/y.html", "4")]);
        let r = write_site(&out, &v2).unwrap();
        assert_eq!((r.written, r.removed), (2, 1));
        assert_eq!(tree(&out), tree_of(&v2));
        let r = write_site(&out, &v2).unwrap();
        assert_eq!(r.written, 2, "the idle copy catches up on the last change");
        assert_eq!(tree(&out), tree_of(&v2));
        assert!(!idle_dir(&out).join("d/e").exists(), "empty folder removed");
        // A file changed by hand in output/ is repaired when it comes round.
        fs::write(out.join("d/b.html"), "hand").unwrap();
        write_site(&out, &v2).unwrap();
        write_site(&out, &v2).unwrap();
        assert_eq!(tree(&out), tree_of(&v2));
    }

    #[test]
    fn file_and_folder_swap_places() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let v1 = files(&[("a", "file"), ("b/c", "x")]);
        let v2 = files(&[("a/z", "now a folder"), ("b", "now a file")]);
        for v in [&v1, &v2, &v1, &v2, &v2] {
            write_site(&out, v).unwrap();
            assert_eq!(tree(&out), tree_of(v));
        }
    }

    fn tree_of(v: &[(String, Vec<u8>)]) -> Vec<(String, String)> {
        let mut t: Vec<_> = v
            .iter()
            .map(|(p, b)| (p.clone(), String::from_utf8(b.clone()).unwrap()))
            .collect();
        t.sort();
        t
    }
}
