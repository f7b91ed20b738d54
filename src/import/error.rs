//! Why an import failed, and the exit code each reason gives.

use super::report::ImportReport;
use std::fmt;

/// Why an import failed. Nothing is written in any of these cases.
#[derive(Debug)]
pub enum ImportError {
    /// A file given on the command line cannot be read, or an option is
    /// wrong (exit 2).
    Usage(String),
    /// The mapping is wrong (exit 1).
    Mapping(String),
    /// The file cannot be decoded or parsed (exit 1).
    Data(String),
    /// A file in `content/` the import would rewrite cannot be read or merged (exit 1).
    Existing(String),
    /// `--strict` and values the mapping cannot place (exit 1).
    Strict(Box<ImportReport>),
    /// What the import would write would not build (exit 1): the problems,
    /// each with its row, column and value, and how to fix them.
    WouldNotBuild(Box<ImportReport>, String),
    /// Writing failed (exit 1).
    Io(String),
}

impl ImportError {
    /// The process exit code.
    pub fn exit_code(&self) -> i32 {
        match self {
            ImportError::Usage(_) => 2,
            _ => 1,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Usage(m) => write!(f, "error: {m}"),
            ImportError::Mapping(m) => write!(f, "error: mapping: {m}"),
            ImportError::Data(m) => write!(f, "error: {m}"),
            ImportError::Existing(m) => write!(f, "error: existing content: {m}"),
            ImportError::Strict(r) => write!(
                f,
                "{}error: --strict: {} reported values could not be placed by the mapping; nothing written",
                r.summary(),
                r.unplaced()
            ),
            ImportError::WouldNotBuild(r, problems) => write!(f, "{}{problems}", r.summary()),
            ImportError::Io(m) => write!(f, "error: {m}"),
        }
    }
}
