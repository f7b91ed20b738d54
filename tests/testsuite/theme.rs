//! The default theme's page chrome and long-document features, read from built pages:
//! every page reachable by links, breadcrumbs on record pages, a table of contents on
//! long frameworks only, provision labels, the 404 page in every language, and a
//! jurisdiction's place among its parent and parts. (How pages lay out in a browser is
//! the layout test's job: tests/browser/layout.mjs, run by browser.rs.)

use crate::common::{fixture, texts, BuiltSite};
use scraper::{Html, Selector};
use std::collections::{BTreeSet, VecDeque};
use std::path::Path;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

/// Every `.html` file of the output, relative to it, with `/` separators.
fn html_files(out: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap();
            rel.to_string_lossy().replace('\\', "/")
        })
        .collect()
}

/// Resolves `href` found on page `from` (both relative to the output) to a file path,
/// or None for external links, fragments of the same page and non-HTML files.
fn resolve(from: &str, href: &str) -> Option<String> {
    if href.contains("://") || href.starts_with("mailto:") || href.starts_with('#') {
        return None;
    }
    let path = href.split(['#', '?']).next().unwrap_or("");
    if !path.ends_with(".html") {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[test]
fn every_page_is_reachable_by_links_from_the_home_pages() {
    let site = BuiltSite::build(&fixture("basic"));
    let all = html_files(&site.out);
    // Links, and the search form in the header (the only way to the search page).
    let a = sel("a[href], form[action]");
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut queue: VecDeque<String> = ["en/index.html", "zh-TW/index.html"]
        .map(String::from)
        .into();
    while let Some(page) = queue.pop_front() {
        if !seen.insert(page.clone()) || !all.contains(&page) {
            continue;
        }
        let doc = site.html(&page);
        for link in doc.select(&a) {
            let v = link.value();
            let href = v.attr("href").or(v.attr("action")).unwrap();
            if let Some(target) = resolve(&page, href) {
                if !seen.contains(&target) {
                    queue.push_back(target);
                }
            }
        }
    }
    // The root redirect and the 404 page are reached by the host, not by links.
    let unreached: Vec<&String> = all
        .iter()
        .filter(|p| !seen.contains(*p) && *p != "index.html" && *p != "404.html")
        .collect();
    assert!(
        unreached.is_empty(),
        "pages no link leads to: {unreached:?}"
    );
    // Pages that no link reached in the first round of this test on the default site.
    for p in [
        "en/compare/use-classes.html",
        "en/sources.html",
        "en/vocabularies.html",
    ] {
        assert!(seen.contains(p), "{p} not reached");
    }
}

#[test]
fn record_pages_have_breadcrumbs_back_to_their_index() {
    let site = BuiltSite::build(&fixture("basic"));
    let crumbs = |page: &str| texts(&site.html(page), "nav.crumbs li");
    assert_eq!(
        crumbs("en/jurisdictions/us.html"),
        ["Home", "Jurisdictions"]
    );
    assert_eq!(crumbs("en/frameworks/tw-act.html"), ["Home", "Frameworks"]);
    assert_eq!(crumbs("zh-TW/frameworks/tw-act.html"), ["首頁", "治理框架"]);
    // Index pages are reached from the navigation and carry none.
    assert!(crumbs("en/frameworks/index.html").is_empty());
}

#[test]
fn long_frameworks_get_contents_and_labels_short_ones_do_not() {
    let site = BuiltSite::default_site();
    // The draft basic act has 17 articles (seed: 人工智慧基本法草案, 第一條 to 第十七條).
    let doc = site.html("zh-TW/frameworks/tw-ai-basic-act-draft.html");
    let toc: Vec<String> = doc
        .select(&sel("details.toc a[href^='#']"))
        .map(|a| a.value().attr("href").unwrap()[1..].to_string())
        .collect();
    let articles: Vec<&String> = toc.iter().filter(|id| id.starts_with("art")).collect();
    assert_eq!(articles.len(), 17, "contents: {toc:?}");
    for id in &toc {
        assert_eq!(
            doc.select(&sel(&format!("[id='{id}']"))).count(),
            1,
            "contents link #{id} has no single target"
        );
    }
    // Headings carry the act's own labels; the list draws no numbers of its own.
    let names = texts(&doc, "ol.provisions > li > .prov-name");
    assert_eq!(names.len(), 17);
    assert_eq!(names[0], "第一條 立法目的");
    assert_eq!(names[16], "第十七條 施行日期");
    assert_eq!(doc.select(&sel("ol.provisions[role=list]")).count(), 1);
    assert_eq!(doc.select(&sel("a.to-top[href='#top']")).count(), 2);
    assert_eq!(doc.select(&sel("body#top")).count(), 1);

    // A framework of two provisions reads without contents or back-to-top links.
    let small = BuiltSite::build(&fixture("basic"));
    let doc = small.html("en/frameworks/tw-act.html");
    assert_eq!(texts(&doc, "ol.provisions > li > .prov-name").len(), 2);
    assert_eq!(doc.select(&sel(".toc")).count(), 0);
    assert_eq!(doc.select(&sel("a.to-top")).count(), 0);
}

#[test]
fn the_404_page_tells_readers_of_every_language_where_to_go() {
    let site = BuiltSite::build(&fixture("basic"));
    let doc = site.html("404.html");
    // In the default language, with the search form and the main pages…
    assert_eq!(texts(&doc, "h1"), ["找不到此頁面"]);
    assert_eq!(
        doc.select(&sel("main form[role=search] input[name=q]"))
            .count(),
        1
    );
    // …and in English, marked as English, with the way to the English home.
    let other: Vec<Html> = doc
        .select(&sel("section.not-found-other[lang=en]"))
        .map(|s| Html::parse_fragment(&s.html()))
        .collect();
    assert_eq!(other.len(), 1);
    assert_eq!(texts(&other[0], "h2"), ["Page not found"]);
    let home: Vec<&str> = other[0]
        .select(&sel("a"))
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(home, ["en/index.html"]);
}

#[test]
fn a_jurisdiction_names_its_parent_and_the_parts_under_it() {
    // In the import fixture, California (state) and Amsterdam (city) name the US and the
    // Netherlands as parents.
    let site = BuiltSite::build(&fixture("import-site"));
    let facts = |page: &str| -> Vec<(String, String)> {
        let doc = site.html(page);
        doc.select(&sel("dl.facts > div"))
            .map(|d| {
                let f = Html::parse_fragment(&d.html());
                (texts(&f, "dt").join(""), texts(&f, "dd").join(""))
            })
            .collect()
    };
    let ca = facts("en/jurisdictions/us-ca.html");
    assert!(
        ca.contains(&("Kind".into(), "State or province".into())),
        "{ca:?}"
    );
    assert!(
        ca.contains(&("Part of".into(), "United States".into())),
        "{ca:?}"
    );
    let us = facts("en/jurisdictions/us.html");
    assert!(
        us.contains(&("Includes".into(), "California".into())),
        "{us:?}"
    );
    assert!(!us.iter().any(|(k, _)| k == "Part of"), "{us:?}");
    let ams = facts("zh-TW/jurisdictions/nl-ams.html");
    assert!(ams.iter().any(|(k, _)| k == "隸屬於"), "{ams:?}");
    // The parent link leads to the parent's page.
    let doc = site.html("en/jurisdictions/us-ca.html");
    let hrefs: Vec<&str> = doc
        .select(&sel("dl.facts a"))
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert!(
        hrefs.contains(&"../../en/jurisdictions/us.html"),
        "{hrefs:?}"
    );
}
