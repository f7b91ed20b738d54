//! Watching the site's sources (notify) with a debounce: an editor's save
//! is often several events; one rebuild follows the last of them.

use notify::{EventKind, RecursiveMode, Watcher};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

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
        let relevant = |res: &notify::Result<notify::Event>| match res {
            Ok(ev) => !matches!(ev.kind, EventKind::Access(_)),
            Err(_) => false,
        };
        let mut paths: Vec<String> = Vec::new();
        let note = |res: notify::Result<notify::Event>, paths: &mut Vec<String>| {
            if let Ok(ev) = res {
                for p in ev.paths {
                    let shown = p.strip_prefix(&root).unwrap_or(&p).display().to_string();
                    if !paths.contains(&shown) {
                        paths.push(shown);
                    }
                }
            }
        };
        while let Ok(first) = raw_rx.recv() {
            if !relevant(&first) {
                continue;
            }
            note(first, &mut paths);
            // Debounce: wait until nothing has happened for `debounce`.
            loop {
                match raw_rx.recv_timeout(debounce) {
                    Ok(res) => {
                        if relevant(&res) {
                            note(res, &mut paths);
                        }
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => break,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            }
            if tx.send(std::mem::take(&mut paths)).is_err() {
                return;
            }
        }
    });
    Ok(rx)
}
