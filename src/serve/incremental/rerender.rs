//! Re-rendering what shows the edited cases and writing it straight into
//! `output/` (steps 4 and 5): pages, briefings and data files, side by side.

use super::dependents::Dependents;
use super::{version, Session, VERSION_MARK};
use crate::brief;
use crate::model::CaseRef;
use crate::output;
use crate::render;
use crate::render::pages::{self, Shows};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

impl Session {
    /// Renders and writes what shows `changed`: (pages, files, files
    /// written), and how long each part took (they run side by side).
    #[allow(clippy::type_complexity)]
    pub(super) fn render_changes(
        &self,
        out: &Path,
        edits: &[(CaseRef, bool)],
        case_pages: HashSet<CaseRef>,
    ) -> Result<((usize, usize, usize), Vec<(&'static str, Duration)>), String> {
        let site = &self.site;
        let mut deps = Dependents::of(site, edits);
        deps.case_pages = case_pages;
        let wanted = |shows: &Shows| deps.shows_any(shows);
        let jobs = pages::pages_where(site, &wanted);
        let pages = jobs.len();
        let sink = InPlace {
            out,
            files: AtomicUsize::new(0),
            written: AtomicUsize::new(0),
        };
        let version = version(&self.sources, &self.hashes);
        let briefs = || -> Result<(), String> {
            self.briefs
                .par_iter()
                .try_for_each(|(lang, subject, cached)| {
                    let mut cached = cached.lock().unwrap_or_else(|e| e.into_inner());
                    if deps.shows_brief(subject) {
                        *cached =
                            brief::render(site, &self.brief_theme, subject, lang, VERSION_MARK)?;
                    }
                    // The version is in every briefing, and it changed.
                    let html = cached.replace(VERSION_MARK, &version);
                    sink.put_changed(&brief::site_path(lang, subject), html.as_bytes())
                })
        };
        let data = || -> Result<(), String> {
            // The figures' downloads (small), when a figure changed.
            if deps.figures {
                let touched =
                    render::figures::downloads::files_after_case_edit(site, &deps.inventories);
                for (path, bytes) in touched {
                    render::Sink::put(&sink, &path, &bytes)?;
                }
            }
            // One file at a time: side by side they were slower (they
            // compete with the pages for 2 cores and memory bandwidth).
            let mut stamps = self.stamps.lock().unwrap_or_else(|e| e.into_inner());
            for file in self.aggregates.changed_files() {
                let path = file.path();
                output::patch_tail(
                    out,
                    path,
                    stamps.entry(path.to_string()).or_default(),
                    file.len(),
                    file.from,
                    &|at, w| file.write_from(at, w),
                )
                .map_err(|e| format!("writing {path}: {e}"))?;
                sink.files.fetch_add(1, Ordering::Relaxed);
                sink.written.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        };
        fn timed(f: impl FnOnce() -> Result<(), String>) -> Result<Duration, String> {
            let t = Instant::now();
            f().map(|()| t.elapsed())
        }
        let (a, (b, c)) = rayon::join(
            || timed(|| render::render_jobs(site, &self.theme, jobs, &sink)),
            || rayon::join(|| timed(briefs), || timed(data)),
        );
        let stages = vec![("pages", a?), ("briefings", b?), ("data files", c?)];
        Ok((
            (
                pages,
                sink.files.load(Ordering::Relaxed),
                sink.written.load(Ordering::Relaxed),
            ),
            stages,
        ))
    }
}

/// Writes each file straight into `output/` (see [`output::overwrite_file`]).
struct InPlace<'a> {
    out: &'a Path,
    files: AtomicUsize,
    written: AtomicUsize,
}

impl InPlace<'_> {
    /// Writes a file known to have changed, without reading it first.
    fn put_changed(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.written.fetch_add(1, Ordering::Relaxed);
        output::write_over(self.out, path, bytes).map_err(|e| format!("writing {path}: {e}"))
    }
}

impl render::Sink for InPlace<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.files.fetch_add(1, Ordering::Relaxed);
        if output::overwrite_file(self.out, path, bytes)
            .map_err(|e| format!("writing {path}: {e}"))?
        {
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }
}
