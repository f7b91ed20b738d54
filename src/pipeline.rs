//! The whole pipeline in one place:
//! load → validate (→ model) → analyse and chart (inside render) → render → write.

use crate::diagnostics::{Diagnostics, SourceMap};
use crate::model::Site;
use crate::{load, output, render, validate};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why a build did not produce a site.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the content, with the files they are in.
    Content(Diagnostics, SourceMap),
    /// Anything else (templates, disk), as a message.
    Other(String),
}

/// What a command may set beside the content.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `--base-url`: where the site is published, in place of the
    /// `base_url` of `site.yaml` (a preview and a production host build the
    /// same content).
    pub base_url: Option<String>,
}

impl Settings {
    /// Applies the settings to a validated site.
    pub fn apply(&self, site: &mut Site) {
        if let Some(url) = &self.base_url {
            site.set_base_url(url);
        }
    }
}

/// Loads and validates the site at `root`.
pub fn check(root: &Path) -> Result<(Site, SourceMap), Failure> {
    check_with(root, &Settings::default())
}

/// [`check`], then applies `settings` to the site.
pub fn check_with(root: &Path, settings: &Settings) -> Result<(Site, SourceMap), Failure> {
    let (content, diags) = load::load(root);
    if std::env::var_os("GOVATLAS_MEMORY").is_some() {
        eprintln!("load: {}", memory_now());
    }
    let (mut site, sources) = validate_loaded(content, diags)?;
    settings.apply(&mut site);
    Ok((site, sources))
}

/// Validates loaded content (with the problems loading found).
pub fn validate_loaded(
    content: load::LoadedContent,
    mut diags: Diagnostics,
) -> Result<(Site, SourceMap), Failure> {
    // Keep the sources for printing diagnostics after validate consumes the content.
    let sources = content.sources.clone();
    let site = validate::validate(content, &mut diags);
    match site {
        Some(site) if diags.is_empty() => Ok((site, sources)),
        _ => Err(Failure::Content(diags, sources)),
    }
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// HTML pages in the site.
    pub pages: usize,
    /// Files in the site (pages, data, assets).
    pub files: usize,
    /// Bytes in the site.
    pub bytes: u64,
    /// Files actually written (new or changed); the others were unchanged.
    pub written: usize,
    /// Files removed because the site no longer has them.
    pub removed: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Wall time of each stage, in order.
    pub stages: Vec<(&'static str, Duration)>,
    /// Where.
    pub output: PathBuf,
    /// The site's public address, if it has one (see [`crate::model::Address`]).
    pub public_address: Option<String>,
}

/// Renders every file of the site in memory: pages, data, assets and the
/// briefings. `build` writes them; `check` checks their links.
pub fn render_all(
    root: &Path,
    site: &Site,
    sources: &SourceMap,
) -> Result<Vec<render::RenderedFile>, Failure> {
    let theme = render::Theme::load(root).map_err(Failure::Other)?;
    let mut files = render::render_site(site, &theme).map_err(Failure::Other)?;
    let version = crate::brief::content_version(sources);
    files.extend(crate::brief::site_briefs(root, site, &version).map_err(Failure::Other)?);
    Ok(files)
}

/// Something told, file by file, how a build is going (a progress bar).
pub trait Progress: Sync {
    /// The number of files the build will produce.
    fn start(&self, _files: usize) {}
    /// One more file done.
    fn tick(&self) {}
}

/// No progress shown.
pub struct Quiet;
impl Progress for Quiet {}

struct ToStaging<'a> {
    staging: &'a output::Staging,
    progress: &'a dyn Progress,
    /// The first write that failed: a failed render is a disk problem
    /// when this is set, a template problem otherwise.
    write_error: std::sync::Mutex<Option<String>>,
}

impl render::Sink for ToStaging<'_> {
    fn total(&self, files: usize) {
        self.progress.start(files);
    }
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        if let Err(e) = self.staging.put(path, bytes) {
            let msg = format!("writing {path}: {}", crate::diagnostics::io_reason(&e));
            let mut first = self.write_error.lock().unwrap_or_else(|e| e.into_inner());
            first.get_or_insert_with(|| msg.clone());
            return Err(msg);
        }
        self.progress.tick();
        Ok(())
    }
}

impl ToStaging<'_> {
    /// A failed render as a problem with a code: a write that failed, or
    /// else the templates.
    fn failure(&self, msg: String) -> Failure {
        match self
            .write_error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            Some(write) => Failure::problem("write-failed", write),
            None => Failure::problem("template-error", msg),
        }
    }
}

impl Failure {
    /// A problem that is not in any content file (templates, disk), as a
    /// diagnostic with a code, so it prints in every `--format`.
    pub fn problem(code: &'static str, message: impl Into<String>) -> Failure {
        let mut diags = Diagnostics::default();
        diags.push(crate::diagnostics::Diagnostic::new(code, message));
        Failure::Content(diags, SourceMap::default())
    }

    /// [`Failure::problem`] about the file or folder at `path`.
    pub fn problem_at(code: &'static str, path: &Path, message: impl Into<String>) -> Failure {
        let mut sources = SourceMap::default();
        let file = sources.add(path.to_string_lossy().replace('\\', "/"), path, "".into());
        let mut diags = Diagnostics::default();
        diags.push(crate::diagnostics::Diagnostic::new(code, message).in_file(file));
        Failure::Content(diags, sources)
    }
}

impl From<output::Refusal> for Failure {
    fn from(r: output::Refusal) -> Failure {
        let mut sources = SourceMap::default();
        let shown = r.path.to_string_lossy().replace('\\', "/");
        let file = sources.add(shown, &r.path, "".into());
        let mut diags = Diagnostics::default();
        diags.push(
            crate::diagnostics::Diagnostic::new(OUTPUT_REFUSED, r.message)
                .in_file(file)
                .help(r.help),
        );
        Failure::Content(diags, sources)
    }
}

/// The code of a refused output folder.
pub const OUTPUT_REFUSED: &str = "output-refused";

/// Builds the site at `root` into `out`, which must be a folder govatlas
/// may write (see [`output::target`]). Nothing in `out` changes unless
/// every stage succeeds (see [`output`]).
pub fn build(root: &Path, out: &Path) -> Result<BuildReport, Failure> {
    let target = output::check(root, out, false)?;
    build_with(root, &target, &Settings::default(), &Quiet)
}

/// [`build`] into a checked output folder with `settings`, telling
/// `progress` about each file.
pub fn build_with(
    root: &Path,
    target: &output::Target,
    settings: &Settings,
    progress: &dyn Progress,
) -> Result<BuildReport, Failure> {
    let start = Instant::now();
    let (site, sources) = check_with(root, settings)?;
    // The sources' text (~20 MiB at 10k cases) is kept only for reporting
    // problems; once the content is valid, the briefings need just its hash.
    let version = crate::brief::content_version(&sources);
    drop(sources);
    let checked = start.elapsed();
    build_site_into(root, target, &site, &version, progress).map(|mut report| {
        report.stages.insert(0, ("load+validate", checked));
        report.elapsed += checked;
        report
    })
}

/// The stages of [`build`] after validation: renders the valid `site`
/// (its content at `version`, see [`crate::brief::content_version`]) and
/// writes it into `out`, once [`output::check`] allows it.
pub fn build_site(
    root: &Path,
    out: &Path,
    site: &Site,
    version: &str,
    progress: &dyn Progress,
) -> Result<BuildReport, Failure> {
    let target = output::check(root, out, false)?;
    build_site_into(root, &target, site, version, progress)
}

/// [`build_site`] into a checked output folder.
pub fn build_site_into(
    root: &Path,
    target: &output::Target,
    site: &Site,
    version: &str,
    progress: &dyn Progress,
) -> Result<BuildReport, Failure> {
    let start = Instant::now();
    let mut stages = Vec::new();
    let mut lap = Instant::now();
    let mut stage = |name: &'static str| {
        stages.push((name, lap.elapsed()));
        if std::env::var_os("GOVATLAS_MEMORY").is_some() {
            eprintln!("{name}: {}", memory_now());
        }
        lap = Instant::now();
    };
    let out = target.path.as_path();
    let theme = render::Theme::load(root).map_err(|e| Failure::problem("template-error", e))?;
    stage("templates");
    let staging = output::Staging::begin(target).map_err(|e| {
        let e = crate::diagnostics::io_reason(&e);
        Failure::problem_at(
            "write-failed",
            out,
            format!("cannot prepare the output folder: {e}"),
        )
    })?;
    let sink = ToStaging {
        staging: &staging,
        progress,
        write_error: Default::default(),
    };
    let mut rendered = render::render_site_to(site, &theme, &sink).map_err(|e| sink.failure(e))?;
    // Briefings (one per jurisdiction and inventory, per language) go into the same staging.
    let briefs = crate::brief::site_briefs(root, site, version)
        .map_err(|e| Failure::problem("template-error", e))?;
    for (path, bytes) in briefs {
        render::Sink::put(&sink, &path, &bytes).map_err(|e| sink.failure(e))?;
        rendered.pages += 1;
    }
    stage("render+write");
    let written = staging.commit().map_err(|e| {
        let code = if e.kind() == std::io::ErrorKind::AlreadyExists {
            "output-collision"
        } else {
            "write-failed"
        };
        let e = crate::diagnostics::io_reason(&e);
        Failure::problem_at(code, out, format!("cannot finish the output folder: {e}"))
    })?;
    stage("commit");
    Ok(BuildReport {
        pages: rendered.pages,
        files: written.files,
        bytes: written.bytes,
        written: written.written,
        removed: written.removed,
        elapsed: start.elapsed(),
        stages,
        output: out.to_path_buf(),
        public_address: site.address.public().map(str::to_string),
    })
}

/// Current and peak resident memory, from `/proc/self/status` (Linux; for
/// `GOVATLAS_MEMORY=1` when profiling memory by stage).
fn memory_now() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(", ")
}
