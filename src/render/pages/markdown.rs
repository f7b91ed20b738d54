//! The Markdown pages of `content/pages/`.

use super::{push, Jobs, Shows};
use crate::render::urls;
use crate::render::views::View;
use serde_json::json;

pub(super) fn markdown_pages<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    let site = v.site;
    let mut seen = std::collections::HashSet::new();
    for p in &site.pages {
        if !seen.insert(p.slug.as_str()) {
            continue;
        }
        // The page in this language, or another language's with a marker.
        let (page, fb) = match site
            .pages
            .iter()
            .find(|q| q.slug == p.slug && q.lang == v.lang)
        {
            Some(q) => (q, None),
            None => (p, Some(p.lang.clone())),
        };
        let slug = p.slug.clone();
        push(
            jobs,
            v,
            "page.html",
            |l| urls::page(l, &slug),
            Shows::NoCases,
            move || json!({"title": {"t": page.front.title.value, "fb": fb}, "body": crate::render::text::markdown(&page.body, &page.lang), "fallback": fb}),
        );
    }
}
