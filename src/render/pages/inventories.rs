//! The inventory index, each inventory's paged case table (with the case
//! explorer over it, limited to the inventory), and one page per case
//! (its context is made in `case`).

use super::cases::{explorer, table_row};
use super::{case, pager, push, year_date, Jobs, Shows, CASES_PER_PAGE};
use crate::render::cite::cite;
use crate::render::urls;
use crate::render::views::{percent, View};
use crate::schema::VocabularyKind as V;
use serde_json::{json, Value};

pub(super) fn inventories<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    let site = v.site;
    push(
        jobs,
        v,
        "inventories.html",
        |l| urls::index(l, "inventories"),
        Shows::CaseFigures,
        move || {
            let rows: Vec<Value> = site
                .inventories
                .iter()
                .map(|i| json!({"id": i.id.value, "url": urls::inventory(v.lang, &i.id.value, 1), "title": v.tx(&i.title), "publisher": v.tx(&i.publisher), "year": i.year.as_ref().map(|y| y.value), "jurisdiction": v.jurisdiction_link(&i.jurisdiction.value), "held": i.cases.len(), "declared": i.declared_total.as_ref().map(|d| d.value), "percent": i.declared_total.as_ref().map(|d| percent(i.cases.len(), d.value as usize))}))
                .collect();
            json!({"rows": rows})
        },
    );
    // The related-cases index, made by the first case page that needs it.
    let related = std::sync::Arc::new(std::sync::OnceLock::new());
    for (n, inv) in site.inventories.iter().enumerate() {
        let id = inv.id.value.as_str();
        let pages = inv.cases.len().div_ceil(CASES_PER_PAGE).max(1);
        // The head (title, coverage, sources) is the same on every page of
        // the inventory's table: made once, by the first thread that needs
        // it. The figures are on the first page only, so that a flag edit
        // re-renders one page of a long inventory, not all of them.
        let head = std::sync::Arc::new(std::sync::OnceLock::new());
        for page in 1..=pages {
            let head = head.clone();
            push(
                jobs,
                v,
                "inventory.html",
                |l| urls::inventory(l, id, page),
                Shows::Inventory {
                    index: n,
                    rows: (page - 1) * CASES_PER_PAGE..(page * CASES_PER_PAGE).min(inv.cases.len()),
                    figures: page == 1,
                },
                move || {
                    let slice = inv
                        .cases
                        .iter()
                        .skip((page - 1) * CASES_PER_PAGE)
                        .take(CASES_PER_PAGE);
                    let mut ctx = head.get_or_init(|| inventory_head(v, n)).clone();
                    if page == 1 {
                        inventory_figures(v, n, &mut ctx);
                    }
                    ctx["cases"] = slice.map(|c| table_row(v, inv, c)).collect();
                    ctx["pager"] = pager(pages, page, |p| urls::inventory(v.lang, id, p));
                    ctx["explorer"] = explorer(v, Some(id));
                    ctx
                },
            );
        }
        for (k, c) in inv.cases.iter().enumerate() {
            let cid = c.id.value.as_str();
            let at = crate::model::CaseRef {
                inventory: n,
                case: k,
            };
            let related = related.clone();
            push(
                jobs,
                v,
                "case.html",
                |l| urls::case(l, cid),
                Shows::Case(at),
                move || {
                    let related =
                        related.get_or_init(|| crate::render::related::Related::new(v.site));
                    case::case_page(v, at, related)
                },
            );
        }
    }
}

/// What every page of an inventory's table shows above the rows.
fn inventory_head(v: View, n: usize) -> Value {
    let site = v.site;
    let inv = &site.inventories[n];
    let id = inv.id.value.as_str();
    json!({
        "id": id,
        "title": v.tx(&inv.title),
        "publisher": v.tx(&inv.publisher),
        "year": inv.year.as_ref().map(|y| y.value),
        "jurisdiction": v.jurisdiction_link(&inv.jurisdiction.value),
        "held": inv.cases.len(),
        "declared": inv.declared_total.as_ref().map(|d| d.value),
        // The same counts as a reader sees them (3,611).
        "held_text": crate::render::figures::num(inv.cases.len()),
        "declared_text": inv.declared_total.as_ref().map(|d| crate::render::figures::num(d.value as usize)),
        "percent": inv.declared_total.as_ref().map(|d| percent(inv.cases.len(), d.value as usize)),
        "description": v.tx_opt(&inv.description),
        "source_url": inv.source_url.as_ref().map(|u| u.value.trim()),
        "flag_methods": inv.flag_methods.iter().map(|m| json!({"id": m.id.value, "label": v.tx(&m.label), "description": v.tx(&m.description), "default": inv.default_flag_method.as_ref().is_some_and(|d| d.value == m.id.value)})).collect::<Vec<_>>(),
        "sources": v.sources(&inv.sources),
        "flag_headers": v.flag_headers(),
        "cite": cite(site, v.lang, id, &v.plain(&inv.title), &urls::inventory(v.lang, id, 1), inv.year.as_ref().map(|y| year_date(y.value))),
    })
}

/// Adds inventory `n`'s figures to its first page's context: the flag
/// figure (`flags`, absent when it holds no case) and the cases per use
/// class (`by_class`).
fn inventory_figures(v: View, n: usize, ctx: &mut Value) {
    let site = v.site;
    let f = &site.figures.inventories[n];
    ctx["flags"] =
        serde_json::to_value(crate::render::figures::flags::inventory(v, n)).unwrap_or_default();
    ctx["by_class"] = site
        .vocabulary(V::UseClasses)
        .terms
        .iter()
        .zip(&f.by_use_class)
        .map(|(t, c)| json!({"class": {"id": t.id.value, "label": v.tx(&t.label)}, "cases": c.cases, "percent": percent(c.cases, f.held)}))
        .collect();
}
