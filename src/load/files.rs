//! Finding content files and decoding them.

use crate::diagnostics::{Diagnostic, Diagnostics, FileId, SourceMap};
use std::path::Path;
use std::sync::Arc;

/// Files over this size are refused before they are read: a content file
/// this big is a mistake (an inventory of 100k cases is ~40 MiB, so split it).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What a content file holds, decided by the folder it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentKind {
    /// `content/site.yaml`.
    Config,
    /// `content/vocabularies/*.yaml`.
    Vocabulary,
    /// `content/sources/*.yaml`.
    Sources,
    /// `content/jurisdictions/*.yaml`.
    Jurisdiction,
    /// `content/frameworks/**/*.yaml`.
    Framework,
    /// `content/inventories/**/*.yaml`.
    Inventory,
    /// `content/pages/<slug>.<lang>.md`.
    Page {
        /// Page slug.
        slug: String,
        /// Language code.
        lang: String,
    },
}

/// A content file found and decoded.
pub(super) struct Found {
    pub id: FileId,
    pub kind: ContentKind,
}

const FOLDERS: &str = "site.yaml, vocabularies/, sources/, jurisdictions/, frameworks/, inventories/, pages/ (Markdown) and imports/ (import mappings, not read by the build)";

/// Walks `root/content` in a stable order, registers every content file's
/// text in `sources`, and reports files it cannot use.
pub(super) fn discover(
    root: &Path,
    max_bytes: u64,
    sources: &mut SourceMap,
    diags: &mut Diagnostics,
    failed: &mut Vec<(FileId, ContentKind)>,
) -> Vec<Found> {
    let content = root.join("content");
    if !content.is_dir() {
        diags.push(
            Diagnostic::new(
                "no-content",
                format!("no content folder at {}", content.display()),
            )
            .help("run govatlas in a site root (a folder with content/), or pass --root DIR"),
        );
        return Vec::new();
    }
    let mut found = Vec::new();
    // Links are followed (authors symlink shared files) and walkdir detects loops.
    let walker = walkdir::WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name();
    let mut it = walker.into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e.path().map(|p| display_path(root, p)).unwrap_or_default();
                let msg = if e.loop_ancestor().is_some() {
                    format!("symbolic link loop at {at}")
                } else {
                    format!("cannot read {at}: {e}")
                };
                diags.push(Diagnostic::new("unreadable", msg));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && name.starts_with('.') {
            if entry.file_type().is_dir() {
                it.skip_current_dir();
            }
            continue;
        }
        let rel = entry.path().strip_prefix(&content).unwrap_or(entry.path());
        let top = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        if entry.file_type().is_dir() {
            if entry.depth() == 1 && top.as_deref() == Some("imports") {
                it.skip_current_dir();
            }
            continue;
        }
        let ext = entry
            .path()
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        let display = display_path(root, entry.path());
        let kind = match (top.as_deref(), ext, entry.depth()) {
            (Some("site.yaml"), _, 1) => ContentKind::Config,
            (Some("vocabularies"), "yaml" | "yml", _) => ContentKind::Vocabulary,
            (Some("sources"), "yaml" | "yml", _) => ContentKind::Sources,
            (Some("jurisdictions"), "yaml" | "yml", _) => ContentKind::Jurisdiction,
            (Some("frameworks"), "yaml" | "yml", _) => ContentKind::Framework,
            (Some("inventories"), "yaml" | "yml", _) => ContentKind::Inventory,
            (Some("pages"), "md", _) => match page_name(&name) {
                Some((slug, lang)) => ContentKind::Page { slug, lang },
                None => {
                    let id = sources.add(display, entry.path(), Arc::from(""));
                    diags.push(
                        Diagnostic::new("page-name", "page file is not named <slug>.<language>.md")
                            .in_file(id)
                            .help("name pages like about.en.md and about.zh-TW.md"),
                    );
                    continue;
                }
            },
            (_, "yaml" | "yml", _) => {
                let id = sources.add(display, entry.path(), Arc::from(""));
                diags.push(
                    Diagnostic::new(
                        "unknown-file",
                        "file is not in a content folder govatlas knows",
                    )
                    .in_file(id)
                    .help(format!("content files go in {FOLDERS}")),
                );
                continue;
            }
            // Anything else (images, notes) is not content; leave it alone.
            _ => continue,
        };
        match read_text(entry.path(), max_bytes) {
            Ok(text) => {
                let id = sources.add(display, entry.path(), text.into());
                found.push(Found { id, kind });
            }
            Err((problem, shown)) => {
                // The text as far as it can be shown (bad bytes as U+FFFD), so
                // the diagnostic can quote the line.
                let id = sources.add(display, entry.path(), Arc::from(shown));
                diags.push(problem.into_diagnostic(id, max_bytes));
                failed.push((id, kind));
            }
        }
    }
    found
}

fn display_path(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

/// `about.zh-TW.md` → (`about`, `zh-TW`).
fn page_name(name: &str) -> Option<(String, String)> {
    let stem = name.strip_suffix(".md")?;
    let (slug, lang) = stem.rsplit_once('.')?;
    (!slug.is_empty() && !lang.is_empty()).then(|| (slug.to_string(), lang.to_string()))
}

/// Why a file could not be decoded.
pub(super) enum ReadProblem {
    Io(String),
    TooLarge(u64),
    NotUtf8 {
        line: u64,
        column: u64,
        offset: usize,
    },
}

impl ReadProblem {
    fn into_diagnostic(self, id: FileId, max_bytes: u64) -> Diagnostic {
        match self {
            ReadProblem::Io(e) => {
                Diagnostic::new("unreadable", format!("cannot read file: {e}")).in_file(id)
            }
            ReadProblem::TooLarge(n) => Diagnostic::new(
                "file-too-large",
                format!("file is {n} bytes, over the limit of {max_bytes} bytes"),
            )
            .in_file(id)
            .help("split it into several files"),
            ReadProblem::NotUtf8 {
                line,
                column,
                offset,
            } => Diagnostic::new(
                "not-utf8",
                format!("file is not valid UTF-8 (first bad byte at offset {offset})"),
            )
            .in_file(id)
            .at_line(line, column)
            .help("save the file as UTF-8"),
        }
    }
}

/// Reads a file as UTF-8 text, dropping a byte-order mark. CRLF line ends
/// are left as they are: the YAML parser accepts them.
pub(super) fn read_text(path: &Path, max_bytes: u64) -> Result<String, (ReadProblem, String)> {
    let io = |e: std::io::Error| (ReadProblem::Io(e.to_string()), String::new());
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > max_bytes {
        return Err((ReadProblem::TooLarge(meta.len()), String::new()));
    }
    let mut bytes = std::fs::read(path).map_err(io)?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let good = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or("");
        let line = good.matches('\n').count() as u64 + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
        (
            ReadProblem::NotUtf8 {
                line,
                column,
                offset,
            },
            String::from_utf8_lossy(e.as_bytes()).into_owned(),
        )
    })
}
