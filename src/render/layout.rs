//! The page chrome every page shares: the grouped primary navigation, the
//! footer (data date, how to cite the site, downloads, the pages about the
//! sources), and the breadcrumbs of record pages. Computed once per
//! language ([`common_context`]), except the breadcrumbs and the current
//! section, which [`page_chrome`] derives from a page's template and
//! context, so no page module has to build them.

use super::{cite, feed, i18n, text, urls};
use crate::model::Site;
use serde_json::{json, Map, Value};

/// A navigation group: its interface-string key and the keys of its links.
/// Kept to about a dozen links so that the bar fits one line at 1366 px in
/// either language; the vocabularies page is linked from the footer.
const GROUPS: &[(&str, &[&str])] = &[
    (
        "nav_policy",
        &[
            "jurisdictions",
            "frameworks",
            "compare_principles",
            "compare_jurisdictions",
            "changes",
        ],
    ),
    (
        "nav_use",
        &["inventories", "cases", "risks", "compare_use_classes"],
    ),
    // The site's Markdown pages (about, methodology…) come first here.
    ("nav_about", &["sources"]),
];

/// Output path of a navigation key in `lang`.
fn nav_url(lang: &str, key: &str) -> String {
    match key {
        "jurisdictions" | "frameworks" | "inventories" => urls::index(lang, key),
        "cases" => urls::case_table(lang, 1),
        "compare_principles" => urls::section(lang, "compare/principles"),
        "compare_jurisdictions" => urls::section(lang, "compare/jurisdictions"),
        "compare_use_classes" => urls::section(lang, "compare/use-classes"),
        other => urls::section(lang, other),
    }
}

/// The label a link has in the navigation (shorter than a page's title
/// where the group already says what it is about).
fn nav_label(lang: &str, key: &str) -> String {
    let short = format!("nav_{key}");
    if i18n::has(&short) {
        i18n::get(lang, &short)
    } else {
        i18n::get(lang, key)
    }
}

/// The Markdown pages, one per slug, titled in `lang` when they exist in it.
fn markdown_pages(site: &Site, lang: &str) -> Vec<Value> {
    let mut seen = std::collections::HashSet::new();
    site.pages
        .iter()
        .filter(|p| seen.insert(p.slug.as_str()))
        .map(|p| {
            let own = site
                .pages
                .iter()
                .find(|q| q.slug == p.slug && q.lang == lang)
                .unwrap_or(p);
            json!({"key": format!("page-{}", p.slug), "url": urls::page(lang, &p.slug), "label": text::cjk(&own.front.title.value, lang), "title": own.front.title.value})
        })
        .collect()
}

/// Everything about the site that pages in `lang` share: title, the
/// navigation (flat in `nav`, grouped in `nav_groups`), the footer and the
/// interface strings `t`.
pub fn common_context(site: &Site, lang: &str) -> Value {
    let pages = markdown_pages(site, lang);
    let link = |k: &&str| json!({"key": k, "url": nav_url(lang, k), "label": nav_label(lang, k)});
    let groups: Vec<Value> = GROUPS
        .iter()
        .map(|(key, links)| {
            let mut list: Vec<Value> = Vec::new();
            if *key == "nav_about" {
                list.extend(pages.iter().cloned());
            }
            let exists = |k: &&&str| **k != "sources" || !site.sources.is_empty();
            list.extend(links.iter().filter(exists).map(link));
            json!({"key": key, "label": i18n::get(lang, key), "links": list})
        })
        .collect();
    let nav: Vec<Value> = GROUPS
        .iter()
        .flat_map(|(_, links)| links.iter())
        .filter(|k| **k != "sources" || !site.sources.is_empty())
        .map(|k| json!({"key": k, "url": nav_url(lang, k), "label": i18n::get(lang, k)}))
        .collect();
    json!({
        "title": text::tx(&site.config.title, lang),
        "description": text::tx_opt(&site.config.description, lang),
        "author": text::tx_opt(&site.config.author, lang),
        "data_date": site.config.data_date_text(),
        "base_url": site.address.public(),
        "home": urls::home(lang),
        "search": urls::section(lang, "search"),
        "feed": feed::feed_if_any(site, lang),
        "nav": nav,
        "nav_groups": groups,
        "pages": pages,
        "site_cite": site_citation(site, lang),
        "downloads": downloads(lang),
        "sources": (!site.sources.is_empty()).then(|| urls::section(lang, "sources")),
        "vocabularies": urls::section(lang, "vocabularies"),
        "t": i18n::table(lang),
    })
}

/// How to cite the whole site: author, date of the data, title, address.
fn site_citation(site: &Site, lang: &str) -> String {
    let title = site.config.title.resolve(lang).0;
    let author = site
        .config
        .author
        .as_ref()
        .map_or(title, |a| a.resolve(lang).0);
    let url = cite::absolute(site, &urls::home(lang))
        .unwrap_or_else(|| i18n::get(lang, "no_public_address"));
    let date = site.config.data_date_text();
    match (date, lang.starts_with("zh")) {
        (Some(d), true) => format!("{author}（{d}）。《{title}》。{url}"),
        (None, true) => format!("{author}。《{title}》。{url}"),
        (Some(d), false) => format!("{author}. ({d}). {title}. {url}"),
        (None, false) => format!("{author}. {title}. {url}"),
    }
}

/// The data downloads the footer lists: path, what it holds, its format.
fn downloads(lang: &str) -> Vec<Value> {
    let data_page = urls::section(lang, "data");
    let files: [(&str, &[(&str, &str)]); 5] = [
        (
            "dl_cases",
            &[("data/cases.csv", "CSV"), ("data/cases.json", "JSON")],
        ),
        ("dl_frameworks", &[("data/frameworks.json", "JSON")]),
        ("dl_inventories", &[("data/inventories.json", "JSON")]),
        ("dl_taxonomies", &[("data/taxonomies.json", "JSON")]),
        ("data_page", &[("", "HTML"), ("data/dictionary.csv", "CSV")]),
    ];
    files
        .iter()
        .map(|(key, list)| {
            json!({
                "label": i18n::get(lang, key),
                "files": list.iter().map(|(url, format)| json!({"url": if url.is_empty() { data_page.as_str() } else { url }, "format": format})).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// The chrome that depends on the page: its breadcrumbs (`crumbs`, the
/// pages above it, home first; empty on pages that are not records) and
/// the navigation key of the section it belongs to (`section`), derived
/// from the template and the page's own context.
pub fn page_chrome(lang: &str, template: &str, ctx: &Map<String, Value>) -> (Value, Value) {
    let crumb = |url: String, label: Value| json!({"url": url, "label": label});
    let plain = |key: &str| json!({"t": i18n::get(lang, key), "fb": null});
    let home = crumb(urls::home(lang), plain("home"));
    let index = |key: &str| crumb(nav_url(lang, key), plain(key));
    let (crumbs, section) = match template {
        "jurisdiction.html" => (vec![home, index("jurisdictions")], "jurisdictions"),
        "framework.html" => (vec![home, index("frameworks")], "frameworks"),
        "inventory.html" => {
            let mut c = vec![home, index("inventories")];
            let page = ctx.get("pager").and_then(|p| p.get("current"));
            if page.and_then(Value::as_u64).is_some_and(|n| n > 1) {
                if let (Some(Value::String(id)), Some(title)) = (ctx.get("id"), ctx.get("title")) {
                    c.push(crumb(urls::inventory(lang, id, 1), title.clone()));
                }
            }
            (c, "inventories")
        }
        "case.html" => {
            let mut c = vec![home, index("inventories")];
            let inv = ctx.get("case").and_then(|c| c.get("inventory"));
            if let Some(inv) = inv {
                if let (Some(url), Some(title)) = (inv.get("url"), inv.get("title")) {
                    c.push(json!({"url": url, "label": title}));
                }
            }
            (c, "inventories")
        }
        "cases.html" => (Vec::new(), "cases"),
        "jurisdictions.html" => (Vec::new(), "jurisdictions"),
        "frameworks.html" => (Vec::new(), "frameworks"),
        "inventories.html" => (Vec::new(), "inventories"),
        _ => (Vec::new(), ""),
    };
    (Value::Array(crumbs), Value::String(section.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_sits_under_its_inventory() {
        let ctx = json!({"case": {"inventory": {"url": "en/inventories/x.html", "title": {"t": "X", "fb": null}}}});
        let (crumbs, section) = page_chrome("en", "case.html", ctx.as_object().unwrap());
        assert_eq!(
            crumbs,
            json!([
                {"url": "en/index.html", "label": {"t": "Home", "fb": null}},
                {"url": "en/inventories/index.html", "label": {"t": "Inventories", "fb": null}},
                {"url": "en/inventories/x.html", "label": {"t": "X", "fb": null}},
            ])
        );
        assert_eq!(section, "inventories");
    }

    #[test]
    fn later_inventory_pages_lead_back_to_the_first() {
        let ctx = json!({"id": "x", "title": {"t": "X", "fb": null}, "pager": {"current": 2}});
        let (crumbs, _) = page_chrome("zh-TW", "inventory.html", ctx.as_object().unwrap());
        let urls: Vec<&str> = crumbs
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["url"].as_str().unwrap())
            .collect();
        assert_eq!(
            urls,
            [
                "zh-TW/index.html",
                "zh-TW/inventories/index.html",
                "zh-TW/inventories/x.html"
            ]
        );
        let first = json!({"id": "x", "title": {"t": "X", "fb": null}, "pager": {"current": 1}});
        let (crumbs, _) = page_chrome("zh-TW", "inventory.html", first.as_object().unwrap());
        assert_eq!(crumbs.as_array().unwrap().len(), 2);
    }

    #[test]
    fn every_navigation_link_has_a_page() {
        for (_, links) in GROUPS {
            for k in *links {
                assert!(nav_url("en", k).ends_with(".html"), "{k}");
                assert_ne!(nav_label("en", k), *k, "{k} has no interface string");
            }
        }
        assert_eq!(
            nav_url("en", "compare_use_classes"),
            "en/compare/use-classes.html"
        );
    }
}
