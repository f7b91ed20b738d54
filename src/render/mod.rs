//! Stage 6, render: every page of the site as HTML bytes, plus the data
//! downloads. Templates come from the theme compiled into the binary
//! (`themes/default/templates`), and a site overrides any of them by putting
//! a file of the same name in its own `templates/` folder.

/// A JSON object built by moving each value in (`Value::from`), unlike
/// `serde_json::json!`, which serializes every value again (a deep copy of
/// any nested `Value`): `obj!{"id": id, "label": label}`.
macro_rules! obj {
    ($($k:literal : $v:expr),* $(,)?) => {{
        let mut m = serde_json::Map::new();
        $( m.insert(String::from($k), serde_json::Value::from($v)); )*
        serde_json::Value::Object(m)
    }};
}
pub(crate) use obj;

pub mod case_rows;
pub mod cite;
pub mod data;
pub mod facets;
pub mod feed;
mod figure_strings;
pub mod figures;
pub mod i18n;
pub mod layout;
pub mod pages;
pub mod related;
mod root;
pub mod search;
pub mod sitemap;
pub mod text;
pub mod urls;
pub mod views;

use crate::model::Site;
use rayon::prelude::*;
use serde_json::{json, Value};
use std::path::Path;
use tera::Tera;

/// The default theme's templates, compiled in so the binary works anywhere.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "macros.html",
        include_str!("../../themes/default/templates/macros.html"),
    ),
    (
        "explorer.html",
        include_str!("../../themes/default/templates/explorer.html"),
    ),
    (
        "figures.html",
        include_str!("../../themes/default/templates/figures.html"),
    ),
    (
        "home.html",
        include_str!("../../themes/default/templates/home.html"),
    ),
    (
        "jurisdictions.html",
        include_str!("../../themes/default/templates/jurisdictions.html"),
    ),
    (
        "jurisdiction.html",
        include_str!("../../themes/default/templates/jurisdiction.html"),
    ),
    (
        "frameworks.html",
        include_str!("../../themes/default/templates/frameworks.html"),
    ),
    (
        "framework.html",
        include_str!("../../themes/default/templates/framework.html"),
    ),
    (
        "inventories.html",
        include_str!("../../themes/default/templates/inventories.html"),
    ),
    (
        "inventory.html",
        include_str!("../../themes/default/templates/inventory.html"),
    ),
    (
        "cases.html",
        include_str!("../../themes/default/templates/cases.html"),
    ),
    (
        "case.html",
        include_str!("../../themes/default/templates/case.html"),
    ),
    (
        "compare_principles.html",
        include_str!("../../themes/default/templates/compare_principles.html"),
    ),
    (
        "compare_jurisdictions.html",
        include_str!("../../themes/default/templates/compare_jurisdictions.html"),
    ),
    (
        "compare_use_classes.html",
        include_str!("../../themes/default/templates/compare_use_classes.html"),
    ),
    (
        "risks.html",
        include_str!("../../themes/default/templates/risks.html"),
    ),
    (
        "principle.html",
        include_str!("../../themes/default/templates/principle.html"),
    ),
    (
        "vocabularies.html",
        include_str!("../../themes/default/templates/vocabularies.html"),
    ),
    (
        "sources.html",
        include_str!("../../themes/default/templates/sources.html"),
    ),
    (
        "page.html",
        include_str!("../../themes/default/templates/page.html"),
    ),
    (
        "search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    (
        "data.html",
        include_str!("../../themes/default/templates/data.html"),
    ),
    (
        "changes.html",
        include_str!("../../themes/default/templates/changes.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "redirect.html",
        include_str!("../../themes/default/templates/redirect.html"),
    ),
];

/// The default theme's static files.
pub const STATIC_FILES: &[(&str, &[u8])] = &[
    (
        "static/style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "static/figures.css",
        include_bytes!("../../themes/default/static/figures.css"),
    ),
    (
        "static/explorer.css",
        include_bytes!("../../themes/default/static/explorer.css"),
    ),
    (
        "static/favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
    (
        "static/search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
    (
        "static/case-engine.js",
        include_bytes!("../../themes/default/static/case-engine.js"),
    ),
    (
        "static/cases.js",
        include_bytes!("../../themes/default/static/cases.js"),
    ),
    (
        "static/cite.js",
        include_bytes!("../../themes/default/static/cite.js"),
    ),
];

/// One rendered file: path relative to the output root, and its bytes.
pub type RenderedFile = (String, Vec<u8>);

/// Compiled templates.
pub struct Theme {
    tera: Tera,
    statics: Vec<RenderedFile>,
}

impl Theme {
    /// Compiles the default templates, then, by file name, those of a
    /// `root/themes/default/templates/` folder on disk (so `govatlas serve`
    /// run in a checkout shows theme edits without recompiling), then the
    /// site's own overrides from `root/templates/*.html`. Static files are
    /// layered the same way from `root/themes/default/static/`. Template
    /// errors are reported as text.
    pub fn load(root: &Path) -> Result<Theme, String> {
        let mut tera = Tera::default();
        let mut templates: Vec<(String, String)> = TEMPLATES
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect();
        for dir in [
            root.join("themes/default/templates"),
            root.join("templates"),
        ] {
            for (name, bytes) in files_in(&dir, ".html")? {
                let text = String::from_utf8(bytes)
                    .map_err(|_| format!("{}: not UTF-8", dir.join(&name).display()))?;
                templates.retain(|(n, _)| *n != name);
                templates.push((name, text));
            }
        }
        tera.add_raw_templates(templates)
            .map_err(|e| template_error(&e))?;
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        let mut statics: Vec<RenderedFile> = STATIC_FILES
            .iter()
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        for (name, bytes) in files_in(&root.join("themes/default/static"), "")? {
            let path = format!("static/{name}");
            statics.retain(|(p, _)| *p != path);
            statics.push((path, bytes));
        }
        Ok(Theme { tera, statics })
    }
}

/// The files directly in `dir` whose names end with `suffix`, sorted by
/// name (none when `dir` does not exist).
fn files_in(dir: &Path, suffix: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    let mut out = Vec::new();
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(suffix) && !name.starts_with('.') {
            let bytes =
                std::fs::read(e.path()).map_err(|err| format!("{}: {err}", e.path().display()))?;
            out.push((name, bytes));
        }
    }
    Ok(out)
}

/// Escapes the five characters that matter in HTML text and quoted
/// attributes. (Tera's default also escapes `/`, which only bloats URLs.)
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A Tera error with its chain of causes, on one line.
pub(crate) fn template_error(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

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
