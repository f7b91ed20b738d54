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
//!
//! Here: the session a full build leaves ([`Session::start`]); in
//! [`apply`], steps 1–2 and which changes can be applied at all; in
//! [`dependents`], the dependency map of step 3; in [`rerender`], steps 4–5.
//!
//! [`validate::check_inventory_edit`]: crate::validate::check_inventory_edit
//! [`Shows`]: crate::render::pages::Shows

mod apply;
mod dependents;
mod rerender;

use crate::brief::{self, BriefTheme, Subject};
use crate::diagnostics::{FileId, SourceMap};
use crate::model::Site;
use crate::pipeline::{self, BuildReport, Failure};
use crate::render::related::Related;
use crate::render::Theme;
use crate::serve::aggregates::CaseAggregates;
use crate::{load, output};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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
