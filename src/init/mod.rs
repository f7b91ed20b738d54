//! `govatlas init`: a new site that builds at once.
//!
//! Writes the starter ([`starter::files`]): the vocabularies a study of
//! government AI use needs, one example jurisdiction, framework and
//! inventory of two cases, an About page in both languages, a `.gitignore`,
//! a GitHub Actions workflow that checks pull requests and publishes `main`
//! on GitHub Pages, and the JSON Schemas the YAML files name in their first
//! line. Never overwrites a file: it refuses a folder that already holds
//! something unless told to add beside it, and then keeps every existing file.

pub mod install;
pub mod starter;

use crate::schema::json;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `init` did.
#[derive(Debug, Default)]
pub struct Report {
    /// Files written, relative to the site root.
    pub written: Vec<String>,
    /// Files that were there already and were left as they were.
    pub kept: Vec<String>,
    /// Where CI installs govatlas from.
    pub install: Option<install::Install>,
}

/// Why `init` wrote nothing.
#[derive(Debug)]
pub enum Refused {
    /// The folder holds these entries (and `force` was not given).
    NotEmpty(Vec<String>),
    /// The folder could not be read or written.
    Io(String),
}

/// Writes a new site into `dir` (created if missing). `dir` must be empty
/// (a `.git` folder aside) unless `force`; with `force`, files already there
/// are kept, never overwritten.
pub fn init(dir: &Path, force: bool, install: install::Install) -> Result<Report, Refused> {
    let io = |what: &str, e: std::io::Error| Refused::Io(format!("{what}: {e}"));
    std::fs::create_dir_all(dir).map_err(|e| io(&dir.display().to_string(), e))?;
    if !force {
        let mut present: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| io(&dir.display().to_string(), e))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name != ".git")
            .collect();
        if !present.is_empty() {
            present.sort();
            return Err(Refused::NotEmpty(present));
        }
    }
    let mut report = Report::default();
    let mut files = starter::files(&install);
    for s in json::all() {
        files.push((
            format!("{}/{}", json::DEFAULT_DIR, s.file),
            json::to_text(&s.schema),
        ));
    }
    for (rel, text) in files {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(&rel, e))?;
        }
        // create_new: an existing file (or one made meanwhile) is never replaced.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(text.as_bytes()).map_err(|e| io(&rel, e))?;
                report.written.push(rel);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => report.kept.push(rel),
            Err(e) => return Err(io(&rel, e)),
        }
    }
    report.install = Some(install);
    Ok(report)
}

/// Writes every schema of [`json::all`] into `dir`, replacing older
/// versions (they are generated, not written by hand); returns the names
/// of the files whose bytes changed.
pub fn write_schemas(dir: &Path) -> std::io::Result<Vec<&'static str>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for s in json::all() {
        let path: PathBuf = dir.join(s.file);
        let text = json::to_text(&s.schema);
        if std::fs::read(&path).ok().as_deref() != Some(text.as_bytes()) {
            std::fs::write(&path, text)?;
            written.push(s.file);
        }
    }
    Ok(written)
}
