//! Problems found in the content, with the place they were written.
//!
//! Every stage reports into a [`Diagnostics`] list instead of stopping, so a
//! run shows all problems at once. Each diagnostic carries the file, line,
//! column and byte span of the value it is about, and renders like rustc:
//!
//! ```text
//! error[unknown-reference]: cases[3].risk_flags[1]: unknown risk flag "personal-data"
//!   --> content/inventories/tw-digi-2023.yaml:41:9
//!    |
//! 41 |       - personal-data
//!    |         ^^^^^^^^^^^^^
//!    |
//!    = help: did you mean "personal_data"?
//! ```

pub mod chars;
mod render;
mod sources;
mod suggest;

pub use render::{render_github, render_human, render_json, Format};
pub use sources::{FileId, SourceMap};
pub use suggest::did_you_mean;

use serde_saphyr::Location;

/// An I/O error in words, without the system's error number (`permission
/// denied`, not `Permission denied (os error 13)`).
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    /// The content cannot be built; nothing is written.
    #[default]
    Error,
    /// Builds, but something a reader sees is worse for it (no public
    /// address for citations); printed, never fails a run.
    Warning,
}

/// One problem in the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable kebab-case code (`unknown-reference`, `yaml-syntax`), for tools.
    pub code: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The file it is in, if any.
    pub file: Option<FileId>,
    /// 1-based line (0 when unknown).
    pub line: u64,
    /// 1-based column in characters (0 when unknown).
    pub column: u64,
    /// Length in characters of the value to underline (at least 1).
    pub len: u64,
    /// Path of the field in the record (`cases[3].risk_flags[1]`).
    pub field: Option<String>,
    /// How to fix it, where there is a likely fix.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem with a whole file (or no file), with no position.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            file: None,
            line: 0,
            column: 0,
            len: 1,
            field: None,
            help: None,
        }
    }

    /// A problem with the value written at `loc` in `file`.
    pub fn at(
        file: FileId,
        loc: &Location,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        let mut d = Self::new(code, message);
        d.file = Some(file);
        if *loc != Location::UNKNOWN {
            d.line = loc.line();
            d.column = loc.column();
            d.len = loc.span().len().max(1);
        }
        d
    }

    /// Makes it a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Sets the file (for problems with a whole file).
    pub fn in_file(mut self, file: FileId) -> Self {
        self.file = Some(file);
        self
    }

    /// Sets the line and column.
    pub fn at_line(mut self, line: u64, column: u64) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// Sets the field path.
    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Sets the help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the help line when there is one.
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
}

/// The problems of one run, in the order found; [`Diagnostics::sorted`]
/// orders them by file, line and column for printing.
#[derive(Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds a problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.list.push(d);
    }

    /// Adds many problems.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.list.extend(ds);
    }

    /// Sets the help line of the last problem added.
    pub fn set_last_help(&mut self, help: Option<String>) {
        if let Some(d) = self.list.last_mut() {
            d.help = help;
        }
    }

    /// Keeps only the problems `keep` says yes to.
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.list.retain(keep);
    }

    /// True when no problem was found.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// How many problems.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The problems sorted by file path, line and column, duplicates removed.
    pub fn sorted(&self, sources: &SourceMap) -> Vec<Diagnostic> {
        let mut v = self.list.clone();
        v.sort_by(|a, b| {
            let pa = a.file.map(|f| sources.path(f));
            let pb = b.file.map(|f| sources.path(f));
            (pa, a.line, a.column, &a.message).cmp(&(pb, b.line, b.column, &b.message))
        });
        v.dedup();
        v
    }
}
