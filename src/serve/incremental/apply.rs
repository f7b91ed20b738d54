//! Applying a burst of changed paths to the session: which changes an
//! incremental rebuild can take at all, re-parsing and checking the edited
//! cases (steps 1 and 2), and the report of what was done.

use super::{canonical, Applied, Session};
use crate::brief;
use crate::diagnostics::Diagnostics;
use crate::model::CaseRef;
use crate::pipeline::{BuildReport, Failure};
use crate::render::facets;
use crate::render::related::Related;
use crate::serve::PUBLISHING;
use crate::{analytics, load, validate};
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

impl Session {
    /// Applies a burst of changed paths (relative to the root, or absolute).
    pub fn apply(&mut self, out: &Path, changed: &[String]) -> Applied {
        let start = Instant::now();
        let mut edits = Vec::new();
        for path in changed {
            let abs = canonical(&self.root.join(path));
            match self.inventories.get(&abs) {
                Some(&(file, n)) => edits.push((file, n, abs)),
                None if affects_build(path) => return Applied::NeedsFullBuild,
                None => {}
            }
        }
        // 1. Re-parse the edited cases only.
        let mut diags = Diagnostics::default();
        let mut patches = Vec::new();
        for (file, n, abs) in &edits {
            let Some(text) = load::read_text(abs) else {
                return Applied::NeedsFullBuild;
            };
            let old_text = self.sources.text(*file);
            if old_text == text {
                continue;
            }
            match load::edit::edited_cases(*file, old_text, &text, &self.site.inventories[*n]) {
                Ok(Some(edit)) => patches.push((*file, *n, text, edit)),
                Ok(None) => return Applied::NeedsFullBuild,
                Err(d) => {
                    diags.push(*d);
                    patches.push((*file, *n, text, Default::default()));
                }
            }
        }
        if patches.is_empty() {
            return Applied::Done(Ok(self.report(out, start, (0, 0, 0), Vec::new())));
        }
        let parsed = start.elapsed();
        // 2. Patch the cases in, check them, and put the old ones back if
        // anything is wrong (the site stays the last valid one).
        let mut undo = Vec::new();
        for (file, n, _, edit) in &mut patches {
            for (k, case) in edit.changed.drain(..) {
                let at = CaseRef {
                    inventory: *n,
                    case: k,
                };
                undo.push((at, self.site.replace_case(at, case)));
            }
            validate::check_inventory_edit(
                &self.site,
                &self.sources,
                *file,
                &self.site.inventories[*n],
                &edit.language_keys,
                &mut diags,
            );
        }
        if !diags.is_empty() {
            for (at, old) in undo {
                self.site.replace_case(at, old);
            }
            let mut shown = self.sources.clone();
            for (file, _, text, _) in patches {
                shown.set_text(file, Arc::from(text));
            }
            return Applied::Done(Err(Failure::Content(diags, shown)));
        }
        for (file, _, text, _) in patches {
            self.hashes[file.0 as usize] = brief::file_hash(&text);
            self.sources.set_text(file, Arc::from(text));
        }
        let changed_cases: Vec<CaseRef> = undo.iter().map(|(at, _)| *at).collect();
        let edits: Vec<(CaseRef, bool)> = undo
            .iter()
            .map(|(at, old)| {
                let new = &self.site.inventories[at.inventory].cases[at.case];
                (*at, !analytics::same_figures(old, new))
            })
            .collect();
        let case_pages = self.case_pages_showing(&undo);
        self.aggregates.update(&self.site, &changed_cases);
        let checked = start.elapsed();
        // 3–5. Re-render what shows the changed cases, and write it.
        let _publishing = PUBLISHING.write().unwrap_or_else(|e| e.into_inner());
        match self.render_changes(out, &edits, case_pages) {
            Ok((counts, mut stages)) => {
                stages.insert(0, ("parse", parsed));
                stages.insert(1, ("check+patch", checked - parsed));
                Applied::Done(Ok(self.report(out, start, counts, stages)))
            }
            // Writing failed (`output/` deleted or replaced under us, the
            // disk full): a full build starts over, and reports it if it
            // fails too.
            Err(_) => Applied::NeedsFullBuild,
        }
    }

    /// The other case pages that show the edited cases (`undo`: where each
    /// is, and its version before the edit): the pages before and after it
    /// in its inventory (their previous/next links), and those listing it
    /// as related before or after the edit. Keeps the related-cases index
    /// up to date.
    fn case_pages_showing(&mut self, undo: &[(CaseRef, crate::schema::Case)]) -> HashSet<CaseRef> {
        let site = &self.site;
        let mut pages = HashSet::new();
        let relates = |c: &crate::schema::Case| {
            (
                facets::text_key(site, &c.agency),
                c.use_class.value.clone(),
                facets::flags_ticked(site, c),
            )
        };
        let mut moved = false;
        for (at, old) in undo {
            let new = &site.inventories[at.inventory].cases[at.case];
            moved |= relates(old) != relates(new);
            if at.case > 0 {
                pages.insert(CaseRef {
                    case: at.case - 1,
                    ..*at
                });
            }
            if at.case + 1 < site.inventories[at.inventory].cases.len() {
                pages.insert(CaseRef {
                    case: at.case + 1,
                    ..*at
                });
            }
            pages.extend(self.related.showing(self.related.flat(*at)));
        }
        if moved {
            self.related = Related::new(site);
            for (at, _) in undo {
                pages.extend(self.related.showing(self.related.flat(*at)));
            }
        }
        pages
    }

    fn report(
        &self,
        out: &Path,
        start: Instant,
        (pages, files, written): (usize, usize, usize),
        stages: Vec<(&'static str, Duration)>,
    ) -> BuildReport {
        let mut all = vec![("incremental", start.elapsed())];
        all.extend(stages);
        BuildReport {
            pages,
            files,
            bytes: 0,
            written,
            removed: 0,
            public_address: self.site.address.public().map(str::to_string),
            elapsed: start.elapsed(),
            stages: all,
            output: out.to_path_buf(),
        }
    }
}

/// Whether a change at `path` can change the built site: anything under
/// `templates/` or `themes/`, and content files (`.yaml`, `.yml`, `.md`);
/// an editor's swap or backup file under `content/` cannot.
fn affects_build(path: &str) -> bool {
    let p = Path::new(path);
    let under_content = p.components().any(|c| c.as_os_str() == "content");
    if !under_content {
        return true;
    }
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let ext = p
        .extension()
        .map(|e| e.to_string_lossy())
        .unwrap_or_default();
    !name.starts_with('.') && matches!(ext.as_ref(), "yaml" | "yml" | "md")
}
