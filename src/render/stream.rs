//! Rendering into a [`Sink`]: the whole site ([`render_site_to`]), or some
//! pages ([`render_jobs`], for `serve`'s incremental rebuilds), in
//! parallel, each file handed on as soon as it is made so that the site is
//! never held in memory at once.

use super::theme::template_error;
use super::{
    case_rows, data, feed, figures, i18n, layout, pages, root, search, sitemap, urls, RenderedFile,
    Theme,
};
use crate::model::Site;
use rayon::prelude::*;
use serde_json::{json, Value};

/// Where rendered files go, as they are rendered (from many threads at once).
pub trait Sink: Sync {
    /// Called once, before any file, with the number of files to come.
    fn total(&self, _files: usize) {}
    /// One rendered file: path relative to the output root, and its bytes.
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), String>;
}

/// What [`render_site_to`] produced.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderStats {
    /// HTML pages.
    pub pages: usize,
    /// Files (pages, data, assets).
    pub files: usize,
}

/// Renders every page, the data downloads and the static files into
/// `sink`. Pages are rendered in parallel, each page's context built by the
/// thread that renders it, and each file handed to the sink as soon as it
/// is made, so the site is never held in memory at once.
pub fn render_site_to(site: &Site, theme: &Theme, sink: &dyn Sink) -> Result<RenderStats, String> {
    let jobs = pages::all_pages(site);
    // Files other than pages, each handed to the sink as soon as it is
    // made, and the big ones (search indexes, case rows) only after the
    // pages: made while the pages render, or all kept until the end, they
    // added ~200 MiB to the peak at 10k cases. The sitemap lists the jobs,
    // so it is made before the pages consume them.
    let languages = site.languages.len();
    let maps = sitemap::files(site, &jobs);
    let feeds = if site.address.public().is_some() {
        languages
    } else {
        0
    };
    // The figures' downloads are small (a few hundred KB in all): made
    // first, so the progress total counts them.
    let figure_files = figures::downloads::files(site);
    let extra =
        maps.len() + 6 + 2 + 3 * languages + feeds + theme.statics.len() + figure_files.len();
    sink.total(jobs.len() + extra);
    let mut others = 0usize;
    for (path, bytes) in figure_files {
        sink.put(&path, &bytes)?;
        others += 1;
    }
    for (path, bytes) in maps {
        sink.put(&path, &bytes)?;
        others += 1;
    }
    let pages = jobs.len();
    let render_pages = || render_jobs(site, theme, jobs, sink);
    let downloads = || data::downloads_to(site, &mut |path, bytes| sink.put(path, &bytes));
    let (a, b) = rayon::join(render_pages, downloads);
    a?;
    b?;
    let later: [&dyn Fn() -> Vec<RenderedFile>; 3] =
        [&|| feed::feeds(site), &|| search::files(site), &|| {
            case_rows::files(site)
        }];
    for make in later {
        for (path, bytes) in make() {
            sink.put(&path, &bytes)?;
            others += 1;
        }
    }
    for (path, bytes) in &theme.statics {
        sink.put(path, bytes)?;
        others += 1;
    }

    let root = root::root_pages(site, theme, sink)?;
    Ok(RenderStats {
        pages: pages + root,
        files: pages + root + 6 + others,
    })
}

/// Renders `jobs` in parallel into `sink`: each page's context is built by
/// the thread that renders it, given the layout context of its language.
pub fn render_jobs(
    site: &Site,
    theme: &Theme,
    jobs: Vec<pages::PageJob>,
    sink: &dyn Sink,
) -> Result<(), String> {
    // Per language: the layout context (without the interface strings) and
    // the interface strings, cloned into each page's context.
    let common: Vec<(String, Value, Value)> = site
        .languages
        .iter()
        .map(|l| {
            let mut base = layout::common_context(site, l);
            let t = base
                .as_object_mut()
                .and_then(|m| m.remove("t"))
                .unwrap_or(Value::Null);
            (l.clone(), base, t)
        })
        .collect();
    jobs.into_par_iter().with_max_len(16).try_for_each(|job| {
        let lang = job.path.split('/').next().unwrap_or("");
        let (_, base, t) = common.iter().find(|(l, _, _)| l == lang).expect("language");
        let mut value = (job.ctx)();
        let map = value
            .as_object_mut()
            .ok_or_else(|| format!("context of {} is not an object", job.path))?;
        map.insert("lang".into(), Value::String(lang.to_string()));
        map.insert("site".into(), base.clone());
        map.insert("t".into(), t.clone());
        map.insert("root".into(), Value::String(urls::root_of(&job.path)));
        map.insert("path".into(), Value::String(job.path.clone()));
        let (crumbs, section) = layout::page_chrome(lang, job.template, map);
        map.insert("crumbs".into(), crumbs);
        map.insert("section".into(), section);
        map.insert(
            "alternates".into(),
            job.alternates
                .iter()
                .map(|(l, p)| json!({"lang": l, "url": p, "name": i18n::language_name(l)}))
                .collect(),
        );
        let ctx = tera::Context::from_value(value).map_err(|e| e.to_string())?;
        let html = theme
            .tera
            .render(job.template, &ctx)
            .map_err(|e| format!("rendering {}: {}", job.path, template_error(&e)))?;
        sink.put(&job.path, html.as_bytes())
    })
}

/// Renders the whole site into memory, sorted by path (tests and tools;
/// builds stream with [`render_site_to`]).
pub fn render_site(site: &Site, theme: &Theme) -> Result<Vec<RenderedFile>, String> {
    struct Collect(std::sync::Mutex<Vec<RenderedFile>>);
    impl Sink for Collect {
        fn put(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
            self.0
                .lock()
                .expect("files")
                .push((path.to_string(), bytes.to_vec()));
            Ok(())
        }
    }
    let sink = Collect(Default::default());
    render_site_to(site, theme, &sink)?;
    let mut files = sink.0.into_inner().expect("files");
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}
