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
//! * Only its own folders: since the exchange moves whatever is in the
//!   output folder into the idle copy, and the next build removes from it
//!   what the site no longer has, [`target::check`] first makes sure the
//!   output folder (and the idle copy, and a swap folder) hold nothing but
//!   files govatlas wrote. Each copy carries a marker file, [`MARKER`].
//!
//! Deciding "unchanged" cheaply: a manifest per directory records each
//! file's content hash (BLAKE3) and its size, modification time and inode
//! as written. A new file whose hash matches the manifest is skipped when
//! `stat` still shows that size, time and inode; otherwise, when the sizes
//! match, the old bytes are read and compared. For deciding "unchanged"
//! the manifest is a hint only (deleted before the idle copy is touched,
//! rewritten after), so a stale or missing one costs time, never
//! correctness; stale files are found by listing the idle directory, not
//! from the manifest. The output folder's manifest also tells which of its
//! files govatlas wrote (see [`target`]).
//!
//! Elsewhere (not Linux, or a file system without `RENAME_EXCHANGE`) the
//! exchange falls back to three renames through `.output.govatlas-swap`; a
//! build killed between them leaves `output/` missing for a moment, and the
//! next build puts the old site back first.

mod exchange;
mod files;
mod manifest;
pub mod target;

pub use files::{overwrite_file, patch_tail, stamp_if_holds, write_over, Stamp};
pub use target::{check, Refusal, Target, MARKER};

use exchange::{exchange, remove_stale};
use files::{relative_or_refuse, same_bytes, write_file};
use manifest::{dir_key, hash, sibling, stamp, Entry, Manifest};
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
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

/// The idle copy of `out`, exchanged with it at each build.
pub fn idle_dir(out: &Path) -> PathBuf {
    sibling(out, "idle")
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

/// Paths that name one file twice, also without regard to case (one file
/// on Windows and macOS), each as a sentence.
pub fn collisions<'a>(paths: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut folded: Vec<(String, &str)> = paths.map(|p| (p.to_lowercase(), p)).collect();
    folded.sort();
    folded
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| {
            if w[0].1 == w[1].1 {
                format!("two files for one path: {}", w[0].1)
            } else {
                format!(
                    "two files for one path on a case-insensitive disk: {} and {}",
                    w[0].1, w[1].1
                )
            }
        })
        .collect()
}

/// A build in progress: files are put into the idle copy from any thread,
/// then [`Staging::commit`] exchanges it with `output/`.
pub struct Staging {
    out: PathBuf,
    backup: Option<PathBuf>,
    idle: PathBuf,
    idle_key: String,
    hint: Manifest,
    entries: Mutex<Vec<(String, Entry)>>,
    bytes: AtomicU64,
    written: AtomicU64,
}

impl Staging {
    /// Prepares the idle copy of the checked output folder for a new
    /// build: finishes what a killed build left, and creates the idle
    /// directory (with its marker) if there is none. The output folder
    /// itself is not touched. [`target::check`] has made sure that nothing
    /// here holds a file govatlas did not write.
    pub fn begin(target: &Target) -> io::Result<Staging> {
        let out = target.path.as_path();
        if let Some(parent) = out.parent() {
            fs::create_dir_all(parent)?;
        }
        let idle = idle_dir(out);
        // A fallback exchange killed half-way: put the old site back.
        let swap = sibling(out, "swap");
        if fs::symlink_metadata(&swap).is_ok() {
            if fs::symlink_metadata(out).is_err() {
                fs::rename(&swap, out)?;
            } else if fs::symlink_metadata(&idle).is_err() {
                fs::rename(&swap, &idle)?;
            } else {
                fs::remove_dir_all(&swap)?;
            }
        }
        let tmp = sibling(out, "manifest-tmp");
        if fs::symlink_metadata(&tmp).is_ok_and(|m| m.is_file()) {
            fs::remove_file(&tmp)?;
        }
        if fs::symlink_metadata(&idle).is_err() {
            fs::create_dir(&idle)?;
        }
        let marker = idle.join(target::MARKER);
        if fs::read(&marker).ok().as_deref() != Some(target::MARKER_TEXT) {
            fs::write(&marker, target::MARKER_TEXT)?;
        }
        let idle_key = dir_key(&idle).unwrap_or_default();
        let out_key = dir_key(out);
        // The idle copy is about to change: its manifest stops being true.
        // Manifests of directories that no longer exist go too.
        let hint = manifest::read(&manifest::path(out, &idle_key));
        let prefix = sibling(out, "manifest.")
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(Ok(rd)) = out.parent().map(fs::read_dir) {
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
            backup: target.backup.clone(),
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
    /// its manifest, and exchanges it with `output/`. When the build took
    /// over a folder with files govatlas did not write, that folder goes to
    /// its backup name instead of becoming the idle copy.
    pub fn commit(self) -> io::Result<WriteReport> {
        let mut entries = self.entries.into_inner().expect("entries");
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        // Validation claims every output path, so this is a last guard.
        if let Some(what) = collisions(entries.iter().map(|(p, _)| p.as_str())).first() {
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, what.clone()));
        }
        let mut keep: HashSet<&str> = entries.iter().map(|(p, _)| p.as_str()).collect();
        keep.insert(target::MARKER);
        let removed = remove_stale(&self.idle, &keep)?;
        manifest::write(&self.out, &self.idle_key, &entries)?;
        if stall_point() == Some("commit") {
            stall();
        }
        exchange(&self.idle, &self.out)?;
        if let Some(backup) = &self.backup {
            fs::rename(&self.idle, backup)?;
        }
        Ok(WriteReport {
            files: entries.len(),
            bytes: self.bytes.into_inner(),
            written: self.written.into_inner() as usize,
            removed,
        })
    }
}

/// Writes `files` as the new contents of `out`, atomically (see the module
/// documentation); for the tests of this module.
#[cfg(test)]
fn write_site(out: &Path, files: &[(String, Vec<u8>)]) -> io::Result<WriteReport> {
    let target = Target {
        path: target::resolve(out),
        backup: None,
    };
    let staging = Staging::begin(&target)?;
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
            if e.file_type().is_file() && e.file_name() != MARKER {
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
