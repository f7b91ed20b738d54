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

/// Loads and validates the site at `root`.
pub fn check(root: &Path) -> Result<(Site, SourceMap), Failure> {
    let (content, mut diags) = load::load(root);
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
    /// HTML pages written.
    pub pages: usize,
    /// Files written (pages, data, assets).
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// Where.
    pub output: PathBuf,
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
    files.extend(crate::brief::site_briefs(root, site, sources).map_err(Failure::Other)?);
    Ok(files)
}

/// Builds the site at `root` into `out`. Nothing in `out` changes unless
/// every stage succeeds.
pub fn build(root: &Path, out: &Path) -> Result<BuildReport, Failure> {
    let start = Instant::now();
    let (site, sources) = check(root)?;
    let files = render_all(root, &site, &sources)?;
    let pages = files.iter().filter(|(p, _)| p.ends_with(".html")).count();
    let written = output::write_site(out, &files)
        .map_err(|e| Failure::Other(format!("writing {}: {e}", out.display())))?;
    Ok(BuildReport {
        pages,
        files: written.files,
        bytes: written.bytes,
        elapsed: start.elapsed(),
        output: out.to_path_buf(),
    })
}
