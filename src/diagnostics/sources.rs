//! The text of every content file read, so diagnostics can quote it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// Paths (as shown to the user, relative to the site root) and texts.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<(String, Arc<str>, PathBuf)>,
}

impl SourceMap {
    /// Registers a file; `display` is the path shown in messages
    /// (`content/site.yaml`), `text` its decoded text (may be empty when
    /// the file could not be decoded).
    pub fn add(&mut self, display: String, abs: &Path, text: Arc<str>) -> FileId {
        self.files.push((display, text, abs.to_path_buf()));
        FileId(self.files.len() as u32 - 1)
    }

    /// Replaces a file's text (after `serve` re-read it).
    pub fn set_text(&mut self, id: FileId, text: Arc<str>) {
        self.files[id.0 as usize].1 = text;
    }

    /// The path shown to the user.
    pub fn path(&self, id: FileId) -> &str {
        &self.files[id.0 as usize].0
    }

    /// The absolute path on disk.
    pub fn abs_path(&self, id: FileId) -> &Path {
        &self.files[id.0 as usize].2
    }

    /// The file's text.
    pub fn text(&self, id: FileId) -> &str {
        &self.files[id.0 as usize].1
    }

    /// Line `line` (1-based) of the file, without its line break.
    pub fn line(&self, id: FileId, line: u64) -> Option<&str> {
        if line == 0 {
            return None;
        }
        self.text(id)
            .split('\n')
            .nth(line as usize - 1)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }

    /// All registered files.
    pub fn ids(&self) -> impl Iterator<Item = FileId> {
        (0..self.files.len() as u32).map(FileId)
    }
}
