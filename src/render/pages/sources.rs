//! The sources page: the site's whole bibliography, each entry with the
//! records that cite it (the footer's link to "the source documents").

use super::{push, Jobs, Shows};
use crate::render::urls;
use crate::render::views::View;
use serde_json::{json, Value};

pub(super) fn sources<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    if v.site.sources.is_empty() {
        return;
    }
    push(
        jobs,
        v,
        "sources.html",
        |l| urls::section(l, "sources"),
        Shows::NoCases,
        move || sources_page(v),
    );
}

fn sources_page(v: View) -> Value {
    let site = v.site;
    // Who cites each source, in the order of the indexes: jurisdictions,
    // frameworks, inventories.
    let mut cited: Vec<Vec<Value>> = vec![Vec::new(); site.sources.len()];
    let mut cite = |refs: &[crate::schema::Ref], link: Value| {
        for r in refs {
            if let Some(i) = site.source(&r.value) {
                if !cited[i].contains(&link) {
                    cited[i].push(link.clone());
                }
            }
        }
    };
    for j in &site.jurisdictions {
        let link = json!({"url": urls::jurisdiction(v.lang, &j.id.value), "title": v.tx(&j.name)});
        cite(&j.sources, link);
    }
    for f in &site.frameworks {
        let title = f.short_title.as_ref().unwrap_or(&f.title);
        let link = json!({"url": urls::framework(v.lang, &f.id.value), "title": v.tx(title)});
        cite(&f.sources, link);
    }
    for i in &site.inventories {
        let link = json!({"url": urls::inventory(v.lang, &i.id.value, 1), "title": v.tx(&i.title)});
        cite(&i.sources, link);
    }
    let list: Vec<Value> = site
        .sources
        .iter()
        .zip(cited)
        .map(|(s, by)| {
            json!({
                "id": s.id.value,
                "title": v.tx(&s.title),
                "url": s.url.as_ref().map(|u| u.value.trim()),
                "publisher": v.tx_opt(&s.publisher),
                "published": s.published.as_ref().map(|d| d.value.to_string()),
                "accessed": s.accessed.as_ref().map(|d| d.value.to_string()),
                "cited_by": by,
            })
        })
        .collect();
    json!({"sources": list})
}
