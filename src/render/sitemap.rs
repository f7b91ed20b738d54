//! `sitemap.xml` with hreflang alternates, and `robots.txt`.
//!
//! Sitemaps hold absolute URLs, so they are written only when the site has
//! a public address ([`crate::model::Address`]); `robots.txt` is always
//! written and names the sitemap when there is one. `sitemap.xml` is a
//! sitemap index pointing at `sitemap-1.xml`, `sitemap-2.xml`, ..., each of
//! at most 50,000 URLs and 50 MB, the limits of the sitemaps.org protocol
//! (a 100k-case site has ~200k pages). Every link inside pages stays relative.

use super::cite::absolute;
use super::pages::PageJob;
use super::RenderedFile;
use crate::model::Site;

/// Most `<url>` entries in one sitemap file (sitemaps.org).
pub const MAX_URLS: usize = 50_000;
/// Most bytes in one sitemap file, uncompressed (sitemaps.org: 50 MB).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_CLOSE: &str = "</urlset>\n";

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One `<url>` entry: the page and every language version of it (as
/// search engines ask), with the default language as `x-default`.
fn entry(site: &Site, base: &str, job: &PageJob) -> String {
    let abs = |p: &str| xml_escape(&format!("{base}{p}"));
    let mut out = format!("<url><loc>{}</loc>", abs(&job.path));
    for (lang, path) in &job.alternates {
        out.push_str(&format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
            xml_escape(lang),
            abs(path)
        ));
    }
    let default = &site.config.default_language.value;
    if let Some((_, p)) = job.alternates.iter().find(|(l, _)| l == default) {
        out.push_str(&format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
            abs(p)
        ));
    }
    out.push_str("</url>\n");
    out
}

/// The sitemap index and its sitemaps over every page job, and robots.txt.
pub fn files(site: &Site, jobs: &[PageJob]) -> Vec<RenderedFile> {
    let mut out = Vec::new();
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = site.address.public() {
        let mut pages: Vec<&PageJob> = jobs.iter().collect();
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        let entries = pages.into_iter().map(|job| entry(site, base, job));
        let maps = split(entries, MAX_URLS, MAX_BYTES);
        let mut index = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for (n, map) in maps.into_iter().enumerate() {
            let name = format!("sitemap-{}.xml", n + 1);
            index.push_str(&format!(
                "<sitemap><loc>{}</loc></sitemap>\n",
                xml_escape(&format!("{base}{name}"))
            ));
            out.push((name, map.into_bytes()));
        }
        index.push_str("</sitemapindex>\n");
        out.push(("sitemap.xml".into(), index.into_bytes()));
        if let Some(url) = absolute(site, "sitemap.xml") {
            robots.push_str(&format!("Sitemap: {url}\n"));
        }
    }
    out.push(("robots.txt".into(), robots.into_bytes()));
    out
}

/// Packs `<url>` entries into whole sitemap files of at most `max_urls`
/// entries and `max_bytes` bytes each (always at least one file, so the
/// index is never empty).
fn split(entries: impl Iterator<Item = String>, max_urls: usize, max_bytes: usize) -> Vec<String> {
    let frame = URLSET_OPEN.len() + URLSET_CLOSE.len();
    let mut maps = Vec::new();
    let mut current = String::from(URLSET_OPEN);
    let mut count = 0;
    for e in entries {
        if count > 0
            && (count == max_urls || current.len() + e.len() + URLSET_CLOSE.len() > max_bytes)
        {
            current.push_str(URLSET_CLOSE);
            maps.push(std::mem::replace(&mut current, String::from(URLSET_OPEN)));
            count = 0;
        }
        debug_assert!(
            frame + e.len() <= max_bytes,
            "one entry over the size limit"
        );
        current.push_str(&e);
        count += 1;
    }
    current.push_str(URLSET_CLOSE);
    maps.push(current);
    maps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(n: usize) -> impl Iterator<Item = String> {
        (0..n).map(|i| format!("<url><loc>https://a.dev/{i:05}.html</loc></url>\n"))
    }

    #[test]
    fn splits_at_the_url_limit() {
        let maps = split(urls(7), 3, MAX_BYTES);
        let counts: Vec<usize> = maps.iter().map(|m| m.matches("<url>").count()).collect();
        assert_eq!(counts, [3, 3, 1]);
        assert!(maps
            .iter()
            .all(|m| m.starts_with(URLSET_OPEN) && m.ends_with(URLSET_CLOSE)));
        assert!(maps[2].contains("00006.html"));
    }

    #[test]
    fn splits_at_the_byte_limit() {
        let one = urls(1).next().unwrap().len();
        let frame = URLSET_OPEN.len() + URLSET_CLOSE.len();
        let maps = split(urls(5), 100, frame + 2 * one);
        let counts: Vec<usize> = maps.iter().map(|m| m.matches("<url>").count()).collect();
        assert_eq!(counts, [2, 2, 1]);
        assert!(maps.iter().all(|m| m.len() <= frame + 2 * one));
    }

    #[test]
    fn exactly_the_limit_is_one_file() {
        assert_eq!(split(urls(3), 3, MAX_BYTES).len(), 1);
        assert_eq!(split(urls(0), 3, MAX_BYTES).len(), 1);
    }
}
