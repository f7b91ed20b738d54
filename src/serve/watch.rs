//! Watching the site's sources (notify) with a debounce: an editor's save
//! is often several events; one rebuild follows the last of them.
//!
//! Where the system says when a write is finished (Linux reports each file
//! closed after writing), a save is known to be over as soon as every file
//! written is closed again or renamed into place, so the rebuild starts
//! after a short [`SETTLE`] instead of the whole debounce. Elsewhere (no
//! close events), or while a file is still open for writing, the burst
//! ends after the debounce of quiet.

use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Quiet time after a save is known to be over: it still catches what an
/// editor does right after (removing its backup file, say), which comes
/// within microseconds.
pub const SETTLE: Duration = Duration::from_millis(2);

/// What one event says about the save in progress.
#[derive(Debug, PartialEq)]
enum Step {
    /// Not a change (a file opened or read).
    Ignore,
    /// These paths are being written: more is to come.
    Writing,
    /// These paths are done: closed after writing, renamed, removed.
    Done,
}

fn step(kind: &EventKind) -> Step {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => Step::Done,
        EventKind::Access(_) => Step::Ignore,
        EventKind::Create(_) | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any) => {
            Step::Writing
        }
        EventKind::Modify(ModifyKind::Name(
            RenameMode::To | RenameMode::Both | RenameMode::From | RenameMode::Any,
        )) => Step::Done,
        // Metadata, removals, and whatever a platform reports otherwise.
        _ => Step::Done,
    }
}

/// Folders under the root that feed a build.
pub const WATCHED: &[&str] = &["content", "templates", "themes"];

/// Starts watching and returns a channel that yields, per burst of changes,
/// the changed paths (relative to `root` where possible). The watcher lives
/// as long as the receiver's thread.
pub fn start(root: &Path, debounce: Duration) -> Result<mpsc::Receiver<Vec<String>>, String> {
    let (raw_tx, raw_rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let _ = raw_tx.send(res);
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    let mut any = false;
    for dir in WATCHED {
        let p = root.join(dir);
        if p.is_dir() {
            watcher
                .watch(&p, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", p.display()))?;
            any = true;
        }
    }
    if !any {
        return Err(format!(
            "nothing to watch: {} has none of {}",
            root.display(),
            WATCHED.join(", ")
        ));
    }
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _watcher = watcher; // keep it alive
        let mut paths: Vec<String> = Vec::new();
        // Files written to and not yet closed (or renamed, or removed).
        let mut open: HashSet<PathBuf> = HashSet::new();
        // Notes an event; returns whether it was a change.
        let note = |res: notify::Result<notify::Event>,
                    paths: &mut Vec<String>,
                    open: &mut HashSet<PathBuf>| {
            let Ok(ev) = res else { return false };
            let step = step(&ev.kind);
            if step == Step::Ignore {
                return false;
            }
            for p in ev.paths {
                let shown = p.strip_prefix(&root).unwrap_or(&p).display().to_string();
                if !paths.contains(&shown) {
                    paths.push(shown);
                }
                match step {
                    Step::Writing => open.insert(p),
                    _ => open.remove(&p),
                };
            }
            true
        };
        while let Ok(first) = raw_rx.recv() {
            if !note(first, &mut paths, &mut open) {
                continue;
            }
            // Wait until nothing has happened for `debounce`, or for
            // `SETTLE` once every file written is closed.
            loop {
                let quiet = if open.is_empty() { SETTLE } else { debounce };
                match raw_rx.recv_timeout(quiet.min(debounce)) {
                    Ok(res) => {
                        note(res, &mut paths, &mut open);
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => break,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            }
            open.clear();
            if tx.send(std::mem::take(&mut paths)).is_err() {
                return;
            }
        }
    });
    Ok(rx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::time::Instant;

    #[test]
    fn closes_and_renames_end_a_write() {
        use notify::event::{CreateKind, DataChange, RemoveKind};
        let writing = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        assert_eq!(step(&writing), Step::Writing);
        assert_eq!(step(&EventKind::Create(CreateKind::File)), Step::Writing);
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert_eq!(step(&closed), Step::Done);
        let renamed = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        assert_eq!(step(&renamed), Step::Done);
        assert_eq!(step(&EventKind::Remove(RemoveKind::File)), Step::Done);
        let read = EventKind::Access(AccessKind::Close(AccessMode::Read));
        assert_eq!(step(&read), Step::Ignore);
    }

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir(&content).unwrap();
        std::fs::write(content.join("site.yaml"), "a: 1\n").unwrap();
        (dir, content.join("site.yaml"))
    }

    /// On Linux a save is over when its file is closed: the burst comes
    /// long before a (deliberately huge) debounce would end it.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_closed_save_does_not_wait_for_the_debounce() {
        let (dir, file) = site();
        let rx = start(dir.path(), Duration::from_secs(30)).unwrap();
        let t = Instant::now();
        std::fs::write(&file, "a: 2\n").unwrap();
        let burst = rx.recv_timeout(Duration::from_secs(10)).expect("a burst");
        assert!(t.elapsed() < Duration::from_secs(10));
        assert_eq!(burst, ["content/site.yaml"]);
    }

    /// A file still open for writing holds the burst back (the content is
    /// not built half-written) until it is closed.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_save_still_open_is_not_built() {
        let (dir, file) = site();
        let rx = start(dir.path(), Duration::from_secs(30)).unwrap();
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&file)
            .unwrap();
        f.write_all(b"a: ").unwrap();
        f.flush().unwrap();
        assert!(
            rx.recv_timeout(Duration::from_millis(500)).is_err(),
            "built while the file was open"
        );
        f.write_all(b"3\n").unwrap();
        drop(f);
        let burst = rx.recv_timeout(Duration::from_secs(10)).expect("a burst");
        assert_eq!(burst, ["content/site.yaml"]);
    }
}
