//! `sitemap.xml` with hreflang alternates, and `robots.txt`. Both use the
//! absolute `base_url`; every link inside pages stays relative.

use super::cite::absolute;
use super::pages::PageJob;
use super::RenderedFile;
use crate::model::Site;

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The sitemap of every page job (each language version is one `<url>`
/// listing all versions, as search engines ask), and robots.txt.
pub fn files(site: &Site, jobs: &[PageJob]) -> Vec<RenderedFile> {
    let default = &site.config.default_language.value;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut paths: Vec<&PageJob> = jobs.iter().collect();
    paths.sort_by(|a, b| a.path.cmp(&b.path));
    for job in paths {
        out.push_str(&format!(
            "<url><loc>{}</loc>",
            xml_escape(&absolute(site, &job.path))
        ));
        for (lang, path) in &job.alternates {
            out.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                xml_escape(lang),
                xml_escape(&absolute(site, path))
            ));
        }
        if let Some((_, p)) = job.alternates.iter().find(|(l, _)| l == default) {
            out.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                xml_escape(&absolute(site, p))
            ));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    let robots = format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        absolute(site, "sitemap.xml")
    );
    vec![
        ("sitemap.xml".into(), out.into_bytes()),
        ("robots.txt".into(), robots.into_bytes()),
    ]
}
