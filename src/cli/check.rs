//! `govatlas check`: validate the content, render the site in memory and
//! check its links; write nothing.

use crate::diagnostics::{Diagnostic, Diagnostics, Format, SourceMap};
use crate::pipeline::Failure;
use std::path::{Path, PathBuf};

/// Arguments of `govatlas check`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Site root (the folder holding content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// How to print problems in the content.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// List every external link with the pages that use it (they are
    /// never fetched).
    #[arg(long)]
    pub external: bool,
    /// The address the site will be published at, in place of `base_url`
    /// in site.yaml (as `build --base-url` takes it).
    #[arg(long, value_parser = super::parse_base_url)]
    pub base_url: Option<String>,
}

/// Validates, renders in memory, checks links, and prints a summary (and
/// the warnings, which never fail the check).
pub fn execute(args: Args) -> i32 {
    let settings = crate::pipeline::Settings {
        base_url: args.base_url.clone(),
    };
    match run(&args.root, &settings) {
        Ok(summary) => {
            super::report::warnings(&summary.warnings, &summary.sources, args.format);
            println!("{}", summary.line);
            if args.external {
                for (url, pages) in &summary.links.external {
                    let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
                    println!("external {url} ({})", pages.join(", "));
                }
            }
            0
        }
        Err(f) => super::report::failure(&f, args.format),
    }
}

/// What a successful check found.
pub struct Summary {
    /// The one line printed.
    pub line: String,
    /// The link report.
    pub links: crate::linkcheck::Report,
    /// Problems that do not stop a build (a site without a public address).
    pub warnings: Diagnostics,
    /// The content files, for printing the warnings.
    pub sources: SourceMap,
}

/// Checks the site at `root` as built with `settings`: content, then the
/// links of the rendered pages.
pub fn run(root: &Path, settings: &crate::pipeline::Settings) -> Result<Summary, Failure> {
    let (site, sources) = crate::pipeline::check_with(root, settings)?;
    let mut warnings = Diagnostics::default();
    let flag = settings.base_url.is_some();
    warnings.extend(crate::validate::address_warning(&site, &sources, flag));
    let files = crate::pipeline::render_all(root, &site, &sources)?;
    // Validation claims every path it knows; this catches any other page
    // the renderer would write twice, so `check` fails where `build` would.
    let twice = crate::output::collisions(files.iter().map(|(p, _)| p.as_str()));
    if !twice.is_empty() {
        let mut diags = Diagnostics::default();
        for what in twice {
            diags.push(Diagnostic::new("output-collision", what));
        }
        return Err(Failure::Content(diags, SourceMap::default()));
    }
    let links = crate::linkcheck::check(&files, site.address.public());
    if !links.broken.is_empty() {
        return Err(broken_links(&files, &links));
    }
    let line = format!(
        "content is valid: {} jurisdictions, {} frameworks, {} inventories, {} cases; \
         {} pages, {} internal links checked, 0 broken, {} external links not fetched{}",
        site.jurisdictions.len(),
        site.frameworks.len(),
        site.inventories.len(),
        site.case_count(),
        files.iter().filter(|(p, _)| p.ends_with(".html")).count(),
        links.internal,
        links.external.len(),
        if links.external.is_empty() {
            ""
        } else {
            " (--external lists them)"
        },
    );
    Ok(Summary {
        line,
        links,
        warnings,
        sources,
    })
}

/// Broken links as diagnostics pointing into the rendered page, so they
/// print like content errors (with the page's line and a caret).
fn broken_links(files: &[crate::render::RenderedFile], r: &crate::linkcheck::Report) -> Failure {
    let mut sources = SourceMap::default();
    let mut diags = Diagnostics::default();
    let mut ids = std::collections::HashMap::new();
    for b in &r.broken {
        let page = b.link.page.as_str();
        let id = *ids.entry(page).or_insert_with(|| {
            let text = files
                .iter()
                .find(|(p, _)| p == page)
                .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
                .unwrap_or_default();
            sources.add(format!("(rendered) {page}"), Path::new(page), text.into())
        });
        let mut d = Diagnostic::new(
            "broken-link",
            format!("link \"{}\" in {page}: {}", b.link.url, b.reason),
        )
        .in_file(id)
        .at_line(b.link.line, b.link.column)
        .help("fix the link in the content's Markdown, or in the site's templates/ override");
        d.len = b.link.url.chars().count().max(1) as u64;
        diags.push(d);
    }
    Failure::Content(diags, sources)
}
