//! Finding content files: which are content, of what kind, and which are
//! not the site's to read (links leading out of it, FIFOs, loops).

use super::read;
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
        let id = sources.add("content".into(), &content, Arc::from(""));
        diags.push(
            Diagnostic::new(
                "no-content",
                format!("no content folder at {}", content.display()),
            )
            .in_file(id)
            .help("run govatlas in a site root (a folder with content/), or pass --root DIR"),
        );
        // No content, so no site.yaml either: one problem, not two.
        failed.push((id, ContentKind::Config));
        return Vec::new();
    }
    let mut found = Vec::new();
    // Where the site really is: a link may lead anywhere under it, never
    // out of it.
    // (The content folder itself may be a link: the site is what it
    // leads to.)
    let real_roots: Vec<_> = [root, content.as_path()]
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    // Links are followed (authors symlink shared files) and walkdir detects loops.
    let walker = walkdir::WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name();
    let mut it = walker.into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let Some(path) = e.path() else { continue };
                let id = sources.add(display_path(root, path), path, Arc::from(""));
                let d = match (e.loop_ancestor(), e.io_error()) {
                    (Some(up), _) => Diagnostic::new(
                        "unreadable",
                        format!(
                            "symbolic link loop: this leads back to {}, which holds it",
                            display_path(root, up)
                        ),
                    )
                    .help("remove the link, or point it at a folder that does not hold it"),
                    (None, Some(io)) => Diagnostic::new(
                        "unreadable",
                        format!("cannot read this: {}", read::reason(io)),
                    )
                    .help("check its permissions"),
                    (None, None) => Diagnostic::new("unreadable", "cannot read this"),
                };
                diags.push(d.in_file(id));
                // What the folder or file would have held is unknown, so
                // references into it are not reported as unknown.
                let rel = path.strip_prefix(&content).unwrap_or(path);
                if let Some(kind) = kind_of_folder(rel) {
                    failed.push((id, kind));
                }
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
        if entry.depth() > 0 && entry.path_is_symlink() && leads_out(entry.path(), &real_roots) {
            // Reported by its path alone: what it leads to is not the
            // site's, and is never read or quoted.
            let id = sources.add(
                display_path(root, entry.path()),
                entry.path(),
                Arc::from(""),
            );
            diags.push(
                Diagnostic::new(
                    "outside-root",
                    "symbolic link leads outside the site root; it was not read",
                )
                .in_file(id)
                .help("copy the file into the site, or link to one inside it"),
            );
            if entry.file_type().is_dir() {
                it.skip_current_dir();
            }
            if let Some(kind) = kind_of_folder(rel) {
                failed.push((id, kind));
            }
            continue;
        }
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
        // `de.YAML` and `about.en.MD` are content too.
        let ext = entry
            .path()
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let display = display_path(root, entry.path());
        let kind = match (top.as_deref(), ext.as_str(), entry.depth()) {
            (Some("site.yaml"), _, 1) => ContentKind::Config,
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
            (_, "yaml" | "yml", _) => match kind_of_folder(rel) {
                Some(kind) if entry.depth() > 1 => kind,
                _ => {
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
            },
            // Anything else (images, notes) is not content; leave it alone.
            _ => continue,
        };
        match read::read_text(entry.path(), max_bytes) {
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
    let config_seen = found.iter().any(|f| f.kind == ContentKind::Config)
        || failed.iter().any(|(_, k)| *k == ContentKind::Config);
    if !config_seen {
        // Reported at the path it should have, so every format can name it.
        let path = content.join("site.yaml");
        let id = sources.add("content/site.yaml".into(), &path, Arc::from(""));
        diags.push(
            Diagnostic::new("no-config", "content/site.yaml is missing")
                .in_file(id)
                .help("run `govatlas init` to start a site, or create content/site.yaml with title, languages and default_language"),
        );
        failed.push((id, ContentKind::Config));
    }
    found
}

/// What the YAML files under `rel` (a path inside `content/`) hold, by
/// the folder they are in; None for pages and unknown folders.
fn kind_of_folder(rel: &Path) -> Option<ContentKind> {
    let top = rel.components().next()?.as_os_str().to_str()?;
    Some(match top {
        "vocabularies" => ContentKind::Vocabulary,
        "sources" => ContentKind::Sources,
        "jurisdictions" => ContentKind::Jurisdiction,
        "frameworks" => ContentKind::Framework,
        "inventories" => ContentKind::Inventory,
        _ => return None,
    })
}

/// Whether the link at `path` leads out of every one of `real_roots`.
fn leads_out(path: &Path, real_roots: &[std::path::PathBuf]) -> bool {
    std::fs::canonicalize(path).map_or(true, |real| !real_roots.iter().any(|r| real.starts_with(r)))
}

fn display_path(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

/// `about.zh-TW.md` → (`about`, `zh-TW`); the extension in any case.
fn page_name(name: &str) -> Option<(String, String)> {
    let (stem, ext) = name.rsplit_once('.')?;
    if !ext.eq_ignore_ascii_case("md") {
        return None;
    }
    let (slug, lang) = stem.rsplit_once('.')?;
    (!slug.is_empty() && !lang.is_empty()).then(|| (slug.to_string(), lang.to_string()))
}
