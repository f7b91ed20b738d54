//! Checking the links of a rendered site, in memory, before anything is
//! written: every internal `href`/`src` (and a `<meta http-equiv=refresh>`
//! target) must name a file of the site, and every `#fragment` an `id` in
//! the page it points at. External links are collected, never fetched.
//!
//! The pages are the site's own output, so a small tag scanner is enough:
//! it reads tags and their attributes, skips comments and the text inside
//! `<script>`/`<style>`, and decodes the character references that an HTML
//! escaper writes in attribute values.

mod scan;

use crate::render::RenderedFile;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A link found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The page it is in (`en/index.html`).
    pub page: String,
    /// The link as written, after character references are decoded.
    pub url: String,
    /// 1-based line and column of the attribute value in the page.
    pub line: u64,
    /// Column, in characters.
    pub column: u64,
}

/// A link that does not resolve, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// Where it is.
    pub link: Link,
    /// Why it is broken, in a few words.
    pub reason: String,
}

/// What [`check`] found.
#[derive(Debug, Default)]
pub struct Report {
    /// Internal links checked (each occurrence counts).
    pub internal: usize,
    /// Links that do not resolve, sorted by page and position.
    pub broken: Vec<BrokenLink>,
    /// External links: each URL with the pages that use it, sorted.
    pub external: BTreeMap<String, BTreeSet<String>>,
}

/// Checks every link of the site `files` (paths relative to the site root).
/// Absolute links under `base_url` (the site's own canonical URLs, as in
/// citations) are checked as internal links, not listed as external.
pub fn check(files: &[RenderedFile], base_url: Option<&str>) -> Report {
    let mut ids: HashMap<&str, HashSet<String>> = HashMap::new();
    let mut links = Vec::new();
    let paths: HashSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    for (path, bytes) in files {
        if !path.ends_with(".html") {
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        let page = scan::scan(&text);
        ids.insert(path.as_str(), page.ids);
        for (url, line, column) in page.links {
            links.push(Link {
                page: path.clone(),
                url,
                line,
                column,
            });
        }
    }
    let mut report = Report::default();
    for link in links {
        let own = base_url
            .map(|b| b.trim_end_matches('/'))
            .filter(|b| !b.is_empty())
            .and_then(|b| link.url.strip_prefix(b))
            .and_then(|rest| rest.strip_prefix('/'))
            .map(|rest| format!("{}{rest}", "../".repeat(link.page.matches('/').count())));
        match classify(own.as_deref().unwrap_or(&link.url)) {
            Target::External => {
                report
                    .external
                    .entry(link.url.clone())
                    .or_default()
                    .insert(link.page.clone());
            }
            Target::Ignored => {}
            Target::Unsafe => report.broken.push(BrokenLink {
                link,
                reason: "a script or data URL; only http(s), mailto and relative links are allowed"
                    .into(),
            }),
            Target::Internal { path, fragment } => {
                report.internal += 1;
                if let Some(reason) = resolve(&link.page, &path, fragment.as_deref(), &paths, &ids)
                {
                    report.broken.push(BrokenLink { link, reason });
                }
            }
        }
    }
    report.broken.sort_by(|a, b| {
        (&a.link.page, a.link.line, a.link.column).cmp(&(&b.link.page, b.link.line, b.link.column))
    });
    report
}

enum Target {
    External,
    Ignored,
    Unsafe,
    Internal {
        path: String,
        fragment: Option<String>,
    },
}

fn classify(url: &str) -> Target {
    let u = url.trim();
    let lower: String = u
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//") {
        return Target::External;
    }
    if lower.starts_with("mailto:") || lower.starts_with("tel:") {
        return Target::Ignored;
    }
    if lower.starts_with("javascript:")
        || lower.starts_with("data:")
        || lower.starts_with("vbscript:")
    {
        return Target::Unsafe;
    }
    // Any other scheme (`ftp:`): not ours to check.
    if let Some(colon) = u.find(':') {
        if u[..colon]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            && !u[..colon].contains('/')
        {
            return Target::External;
        }
    }
    let (rest, fragment) = match u.split_once('#') {
        Some((r, f)) => (r, Some(f.to_string())),
        None => (u, None),
    };
    let path = rest.split('?').next().unwrap_or("").to_string();
    Target::Internal { path, fragment }
}

/// `None` when the link resolves; otherwise why not.
fn resolve(
    page: &str,
    path: &str,
    fragment: Option<&str>,
    paths: &HashSet<&str>,
    ids: &HashMap<&str, HashSet<String>>,
) -> Option<String> {
    if path.starts_with('/') {
        return Some(
            "an absolute path; links inside the site must be relative so it works from any folder"
                .into(),
        );
    }
    let target = if path.is_empty() {
        page.to_string()
    } else {
        let mut parts: Vec<&str> = page.split('/').collect();
        parts.pop(); // the page's own file name
        let decoded = percent_decode(path);
        for seg in decoded.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    if parts.pop().is_none() {
                        return Some("points above the site's root folder".into());
                    }
                }
                s => parts.push(s),
            }
        }
        let mut t = parts.join("/");
        if path.ends_with('/') || t.is_empty() {
            if !t.is_empty() {
                t.push('/');
            }
            t.push_str("index.html");
        }
        t
    };
    let target = if paths.contains(target.as_str()) {
        target
    } else if paths.contains(format!("{target}/index.html").as_str()) {
        format!("{target}/index.html")
    } else {
        return Some(format!("no file {target} in the site"));
    };
    // `#key=value` fragments are page state (the case table's filters in
    // the URL), read by script, not anchors.
    if let Some(f) = fragment.filter(|f| !f.is_empty() && !f.contains('=')) {
        if let Some(page_ids) = ids.get(target.as_str()) {
            let f = percent_decode(f);
            if !page_ids.contains(&f) {
                return Some(format!("{target} has no element with id \"{f}\""));
            }
        }
    }
    None
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("");
            if let Ok(v) = u8::from_str_radix(hex, 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(pages: &[(&str, &str)]) -> Vec<RenderedFile> {
        pages
            .iter()
            .map(|(p, h)| (p.to_string(), h.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn finds_missing_pages_and_fragments() {
        let files = site(&[
            (
                "en/index.html",
                "<a href=\"a.html\">ok</a>\n<a href=\"b.html\">x</a> <a href='a.html#top'>t</a>\n\
                 <a href=\"a.html#nope\">n</a><a href=\"../static/s.css\">s</a>\
                 <a href=\"https://example.org/\">e</a><a href=\"#here\" id=here>h</a>\
                 <img src=\"../../up.png\"><a href=\"JaVaScRiPt:alert(1)\">j</a>",
            ),
            ("en/a.html", "<h1 id=\"top\">A</h1>"),
            ("static/s.css", "body{}"),
        ]);
        let r = check(&files, None);
        let got: Vec<(&str, u64, &str)> = r
            .broken
            .iter()
            .map(|b| (b.link.url.as_str(), b.link.line, b.reason.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("b.html", 2, "no file en/b.html in the site"),
                (
                    "a.html#nope",
                    3,
                    "en/a.html has no element with id \"nope\""
                ),
                ("../../up.png", 3, "points above the site's root folder"),
                (
                    "JaVaScRiPt:alert(1)",
                    3,
                    "a script or data URL; only http(s), mailto and relative links are allowed"
                ),
            ]
        );
        assert_eq!(r.internal, 7);
        assert_eq!(r.external.len(), 1);
    }

    #[test]
    fn directories_resolve_to_their_index() {
        let files = site(&[
            (
                "en/index.html",
                "<a href=\"frameworks/\">f</a><a href=\"../en/\">h</a>",
            ),
            ("en/frameworks/index.html", "<p>"),
        ]);
        assert!(check(&files, None).broken.is_empty());
    }
}

#[cfg(test)]
mod base_url_tests {
    use super::*;

    #[test]
    fn own_canonical_urls_are_checked_as_internal() {
        let files = vec![
            ("en/a.html".to_string(), b"<a href=\"https://x.org/site/en/b.html\">b</a><a href=\"https://x.org/site/en/gone.html\">g</a>".to_vec()),
            ("en/b.html".to_string(), b"<p>b</p>".to_vec()),
        ];
        let r = check(&files, Some("https://x.org/site/"));
        assert!(r.external.is_empty());
        assert_eq!(r.internal, 2);
        assert_eq!(r.broken.len(), 1);
        assert_eq!(r.broken[0].link.url, "https://x.org/site/en/gone.html");
    }
}
