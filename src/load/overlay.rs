//! Loading the content as it would be after some files are written: the
//! files on disk, with the given texts in place of (or beside) them. This is
//! how `govatlas import` checks what it would write with the same loader and
//! validator as `check` and `build`, before writing anything.

use super::files::{ContentKind, Found, MAX_FILE_BYTES};
use super::{load, parse_file, Parsed};
use crate::diagnostics::{Diagnostic, Diagnostics, FileId};
use crate::load::LoadedContent;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file that would be written: its path relative to the site root
/// (`content/inventories/x.yaml`), what it holds, and its text.
#[derive(Debug, Clone)]
pub struct Planned {
    /// Path relative to the root, with `/` separators.
    pub rel: PathBuf,
    /// What the file holds.
    pub kind: ContentKind,
    /// Its text.
    pub text: String,
}

/// Loads `root/content` as [`load`] does, then puts each planned file in
/// place: a file already there is parsed from the planned text instead
/// (its earlier problems dropped), a new one is added. Returns, beside the
/// content and problems, the id each planned file got.
pub fn load_with(root: &Path, planned: &[Planned]) -> (LoadedContent, Diagnostics, Vec<FileId>) {
    let (mut content, mut diags) = load(root);
    let mut ids = Vec::with_capacity(planned.len());
    for p in planned {
        let display = p.rel.to_string_lossy().replace('\\', "/");
        let existing = content
            .sources
            .ids()
            .find(|&id| content.sources.path(id) == display);
        let id = match existing {
            Some(id) => {
                forget(&mut content, &mut diags, id);
                content.sources.set_text(id, Arc::from(p.text.as_str()));
                id
            }
            None => content
                .sources
                .add(display, &root.join(&p.rel), Arc::from(p.text.as_str())),
        };
        ids.push(id);
        if p.text.len() as u64 > MAX_FILE_BYTES {
            diags.push(
                Diagnostic::new(
                    "file-too-large",
                    format!(
                        "file is {} bytes, over the limit of {MAX_FILE_BYTES} bytes",
                        p.text.len()
                    ),
                )
                .in_file(id)
                .help("split it into several files"),
            );
            content.failed.push((id, p.kind.clone()));
            continue;
        }
        let found = Found {
            id,
            kind: p.kind.clone(),
        };
        let text = content.sources.text(id).to_string();
        let (parsed, langs) = crate::schema::collect_language_keys(|| parse_file(&found, &text));
        match parsed {
            Ok(parsed) => {
                content.text_languages.push((id, langs));
                match parsed {
                    Parsed::Inventory(i) => content.inventories.push((id, i)),
                    Parsed::Framework(f) => content.frameworks.push((id, f)),
                    Parsed::Jurisdiction(j) => content.jurisdictions.push((id, j)),
                    Parsed::Config(_)
                    | Parsed::Vocabulary(_)
                    | Parsed::Sources(_)
                    | Parsed::Page(_) => {}
                }
            }
            Err(d) => {
                diags.push(*d);
                content.failed.push((id, p.kind.clone()));
            }
        }
    }
    (content, diags, ids)
}

/// Drops what the content holds from file `id`, and its problems.
fn forget(content: &mut LoadedContent, diags: &mut Diagnostics, id: FileId) {
    content.inventories.retain(|(f, _)| *f != id);
    content.frameworks.retain(|(f, _)| *f != id);
    content.jurisdictions.retain(|(f, _)| *f != id);
    content.text_languages.retain(|(f, _)| *f != id);
    content.failed.retain(|(f, _)| *f != id);
    diags.retain(|d| d.file != Some(id));
}

/// The kind of a planned file under `content/` (inventories, frameworks and
/// jurisdictions are what imports write).
pub fn kind_of(rel: &Path) -> Option<ContentKind> {
    let mut parts = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    if parts.next().as_deref() != Some("content") {
        return None;
    }
    match parts.next().as_deref() {
        Some("inventories") => Some(ContentKind::Inventory),
        Some("frameworks") => Some(ContentKind::Framework),
        Some("jurisdictions") => Some(ContentKind::Jurisdiction),
        _ => None,
    }
}

/// A planned file path, for messages.
pub fn display(rel: &Path) -> PathBuf {
    PathBuf::from(rel.to_string_lossy().replace('\\', "/"))
}
