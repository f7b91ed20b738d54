//! Where each page lives in `output/`. Every link inside the site is
//! relative (pages carry a `root` prefix such as `../../`), so the site
//! opens from disk and from any sub-path of a static host.

use crate::validate::slug;

/// Output path of the home page in `lang`.
pub fn home(lang: &str) -> String {
    format!("{lang}/index.html")
}
/// Index of a record kind (`jurisdictions`, `frameworks`, ...).
pub fn index(lang: &str, kind: &str) -> String {
    format!("{lang}/{kind}/index.html")
}
/// A jurisdiction's page.
pub fn jurisdiction(lang: &str, id: &str) -> String {
    format!("{lang}/jurisdictions/{}.html", slug(id))
}
/// A framework's page.
pub fn framework(lang: &str, id: &str) -> String {
    format!("{lang}/frameworks/{}.html", slug(id))
}
/// An inventory's page (`page` > 1 for later pages of its case list).
pub fn inventory(lang: &str, id: &str, page: usize) -> String {
    if page <= 1 {
        format!("{lang}/inventories/{}.html", slug(id))
    } else {
        format!("{lang}/inventories/{}-p{page}.html", slug(id))
    }
}
/// A case's page.
pub fn case(lang: &str, id: &str) -> String {
    format!("{lang}/cases/{}.html", slug(id))
}
/// Page `page` of the all-cases table.
pub fn case_table(lang: &str, page: usize) -> String {
    if page <= 1 {
        format!("{lang}/cases/index.html")
    } else {
        format!("{lang}/cases/page-{page}.html")
    }
}
/// A top-level page of the site in `lang` (`risks`, `compare/principles`).
pub fn section(lang: &str, name: &str) -> String {
    format!("{lang}/{name}.html")
}
/// A Markdown page.
pub fn page(lang: &str, slug_: &str) -> String {
    format!("{lang}/pages/{}.html", slug(slug_))
}

/// The prefix that leads from `path` back to the output root.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}
