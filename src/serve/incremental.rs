//! Incremental rebuilds for `serve`: an edit to cases of an inventory
//! re-renders only what shows those cases.
//!
//! The session keeps the valid site in memory after a full build. When only
//! inventory files changed, and only inside existing cases (same ids, same
//! order, nothing else in the file), it
//! 1. re-parses just the edited cases ([`load::edit`]),
//! 2. checks them against the rest of the site
//!    ([`validate::check_inventory_edit`]) and patches them into the model
//!    and into the data files' per-case fragments ([`CaseAggregates`]),
//! 3. asks the dependency map which pages show them: every page declares
//!    what it shows ([`Shows`]), and a page is re-rendered when it shows one
//!    of the cases, their inventory, their jurisdiction, the table page
//!    listing them, or figures over all cases;
//! 4. re-renders those pages, the briefings of the cases' inventory and
//!    jurisdiction, and the data files made from every case (search index,
//!    case rows, downloads), and
//! 5. overwrites each changed file in `output/`, while `serve`'s HTTP
//!    server holds back its readers ([`super::PUBLISHING`]).
//!
//! Anything else (a framework, a vocabulary, a template, a case added or
//! removed) takes a full build, which is always correct. The test suite
//! checks that an incremental rebuild gives the same bytes as a full one.

use super::aggregates::CaseAggregates;
use crate::brief::{self, BriefTheme, Subject};
use crate::diagnostics::{Diagnostics, FileId, SourceMap};
use crate::model::{CaseRef, Site};
use crate::pipeline::{self, BuildReport, Failure};
use crate::render::pages::{self, Shows};
use crate::render::related::Related;
use crate::render::{self, facets, Theme};
use crate::{analytics, load, output, validate};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Stands for the content version in cached briefings: every edit changes
/// the version printed in every briefing, and substituting it is much
/// cheaper than rendering them all again.
const VERSION_MARK: &str = "GOVATLASCONTENTVERSIONMARK";

/// What a full build leaves for the incremental ones that follow.
pub struct Session {
    root: PathBuf,
    site: Site,
    /// The text each record of `site` was parsed from.
    sources: SourceMap,
    /// Each content file's hash, for the content version.
    hashes: Vec<[u8; 32]>,
    /// Inventory files by absolute path: their file and inventory index.
    inventories: HashMap<PathBuf, (FileId, usize)>,
    theme: Theme,
    brief_theme: BriefTheme,
    /// Every briefing, rendered with [`VERSION_MARK`] for the version.
    /// (Each is replaced when an edit renders it again.)
    briefs: Vec<(String, Subject, std::sync::Mutex<String>)>,
    /// The data files made from every case, as per-case fragments.
    aggregates: CaseAggregates,
    /// Which case pages list which cases as related.
    related: Related,
    /// The stamp of each data file as last written, so that an edit writes
    /// only the stretch that changed (see [`output::patch_tail`]).
    stamps: std::sync::Mutex<HashMap<String, Option<output::Stamp>>>,
}

/// The outcome of [`Session::apply`].
pub enum Applied {
    /// Rebuilt incrementally (or found nothing to do).
    Done(Result<BuildReport, Failure>),
    /// Not an edit the session can apply: build in full.
    NeedsFullBuild,
}

impl Session {
    /// Builds the site in full (as `govatlas build` does, atomically) and
    /// keeps what incremental rebuilds need. The session is None when the
    /// build failed.
    pub fn start(root: &Path, out: &Path) -> (Option<Session>, Result<BuildReport, Failure>) {
        Self::start_with(root, out, &pipeline::Settings::default())
    }

    /// [`Session::start`] with `settings` (`--base-url`), which the edits
    /// that follow keep.
    pub fn start_with(
        root: &Path,
        out: &Path,
        settings: &pipeline::Settings,
    ) -> (Option<Session>, Result<BuildReport, Failure>) {
        let (content, diags) = load::load(root);
        let files: HashMap<String, FileId> = content
            .inventories
            .iter()
            .map(|(id, inv)| (inv.id.value.clone(), *id))
            .collect();
        let (mut site, sources) = match pipeline::validate_loaded(content, diags) {
            Ok(ok) => ok,
            Err(f) => return (None, Err(f)),
        };
        settings.apply(&mut site);
        let hashes: Vec<[u8; 32]> = sources
            .ids()
            .map(|id| brief::file_hash(sources.text(id)))
            .collect();
        let version = version(&sources, &hashes);
        let report = pipeline::build_site(root, out, &site, &version, &pipeline::Quiet);
        if report.is_err() {
            return (None, report);
        }
        let session = (|| {
            let theme = Theme::load(root).ok()?;
            let brief_theme = BriefTheme::load(root).ok()?;
            let briefs = brief::site_subjects(&site)
                .into_par_iter()
                .map(|(lang, subject)| {
                    let html = brief::render(&site, &brief_theme, &subject, &lang, VERSION_MARK)?;
                    Ok((lang, subject, html.into()))
                })
                .collect::<Result<Vec<_>, String>>()
                .ok()?;
            let inventories = site
                .inventories
                .iter()
                .enumerate()
                .filter_map(|(n, inv)| {
                    let file = *files.get(&inv.id.value)?;
                    Some((canonical(sources.abs_path(file)), (file, n)))
                })
                .collect();
            let aggregates = CaseAggregates::new(&site);
            // The data files as the build left them: the first edit can
            // then patch them too, instead of writing ~40 MB whole.
            let mut stamps = HashMap::new();
            aggregates.write_to(&mut |path, bytes| {
                stamps.insert(path.to_string(), output::stamp_if_holds(out, path, bytes));
            });
            Some(Session {
                aggregates,
                related: Related::new(&site),
                stamps: stamps.into(),
                root: root.to_path_buf(),
                site,
                sources,
                hashes,
                inventories,
                theme,
                brief_theme,
                briefs,
            })
        })();
        (session, report)
    }

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
        let _publishing = super::PUBLISHING.write().unwrap_or_else(|e| e.into_inner());
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

    /// Renders and writes what shows `changed`: (pages, files, files
    /// written), and how long each part took (they run side by side).
    #[allow(clippy::type_complexity)]
    fn render_changes(
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

fn version(sources: &SourceMap, hashes: &[[u8; 32]]) -> String {
    brief::version_of_files(
        sources
            .ids()
            .map(|id| (sources.path(id).to_string(), hashes[id.0 as usize])),
    )
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
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

/// The dependency map, read from the other end: which pages and briefings
/// show any of a set of edited cases.
struct Dependents {
    cases: HashSet<CaseRef>,
    /// Whether any edit changes a figure (a use class or a risk flag).
    figures: bool,
    inventories: BTreeSet<usize>,
    inventory_ids: BTreeSet<String>,
    jurisdictions: BTreeSet<String>,
    /// Positions in the site-wide case table.
    rows: Vec<usize>,
    /// Other case pages that show an edited case (neighbours, related).
    case_pages: HashSet<CaseRef>,
}

impl Dependents {
    /// `edits`: where each edited case is, and whether its figures changed.
    fn of(site: &Site, edits: &[(CaseRef, bool)]) -> Dependents {
        let offsets: Vec<usize> = site
            .inventories
            .iter()
            .scan(0, |at, inv| {
                let first = *at;
                *at += inv.cases.len();
                Some(first)
            })
            .collect();
        let changed = || edits.iter().map(|(c, _)| *c);
        Dependents {
            cases: changed().collect(),
            figures: edits.iter().any(|(_, figures)| *figures),
            inventories: changed().map(|c| c.inventory).collect(),
            inventory_ids: changed()
                .map(|c| site.inventories[c.inventory].id.value.clone())
                .collect(),
            // The inventory's jurisdiction, and, for an inventory whose
            // cases name their own, each of theirs (a case may have moved).
            jurisdictions: changed()
                .flat_map(|c| {
                    let inv = &site.inventories[c.inventory];
                    std::iter::once(inv.jurisdiction.value.clone()).chain(
                        site.figures
                            .parts
                            .iter()
                            .filter(move |p| p.inventory == c.inventory)
                            .map(|p| p.figures.jurisdiction.clone()),
                    )
                })
                .collect(),
            rows: changed().map(|c| offsets[c.inventory] + c.case).collect(),
            case_pages: HashSet::new(),
        }
    }

    fn shows_any(&self, shows: &Shows) -> bool {
        match shows {
            Shows::NoCases => false,
            Shows::Case(c) => self.cases.contains(c) || self.case_pages.contains(c),
            Shows::Inventory {
                index,
                rows,
                figures,
            } => {
                (self.figures && *figures && self.inventories.contains(index))
                    || self
                        .cases
                        .iter()
                        .any(|c| c.inventory == *index && rows.contains(&c.case))
            }
            Shows::Jurisdiction(j) => self.figures && self.jurisdictions.contains(j),
            Shows::CaseTable(range) => self.rows.iter().any(|r| range.contains(r)),
            Shows::CaseFigures => self.figures,
        }
    }

    /// A jurisdiction's briefing shows its inventories' cases; an
    /// inventory's, its own.
    fn shows_brief(&self, subject: &Subject) -> bool {
        match subject {
            Subject::Jurisdiction(j) => self.jurisdictions.contains(j),
            Subject::Inventory(i) => self.inventory_ids.contains(i),
            Subject::Compare(ids) => ids.iter().any(|j| self.jurisdictions.contains(j)),
        }
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
