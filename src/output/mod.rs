//! Stage 7, output: put the rendered files in `output/` so that a reader
//! (or a web server) sees the old site or the new one, never a mix.
//!
//! The new site is written in full into a staging folder beside the output
//! folder, then swapped in with renames; only then is the old one removed.
//! Leftovers of a build that was killed are cleared at the next build.

use crate::render::RenderedFile;
use std::io;
use std::path::{Component, Path, PathBuf};

/// What was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteReport {
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
}

fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    out.with_file_name(format!(".{name}.govatlas-{suffix}"))
}

/// A relative path with only normal components: nothing from content can
/// make a file land outside the output folder.
fn safe_relative(p: &str) -> Option<&Path> {
    let path = Path::new(p);
    (!p.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)))).then_some(path)
}

/// Writes `files` as the new contents of `out`, atomically.
pub fn write_site(out: &Path, files: &[RenderedFile]) -> io::Result<WriteReport> {
    let staging = sibling(out, "new");
    let old = sibling(out, "old");
    for leftover in [&staging, &old] {
        if leftover.exists() {
            std::fs::remove_dir_all(leftover)?;
        }
    }
    if let Some(parent) = out.parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)?;
        }
    }
    std::fs::create_dir_all(&staging)?;
    let mut report = WriteReport::default();
    for (rel, bytes) in files {
        let rel = safe_relative(rel).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the output folder: {rel:?}"),
            )
        })?;
        let path = staging.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, bytes)?;
        report.files += 1;
        report.bytes += bytes.len() as u64;
    }
    if out.exists() {
        std::fs::rename(out, &old)?;
    }
    std::fs::rename(&staging, out)?;
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    Ok(report)
}
