//! The home page: headline figures, every inventory's flag shares (one
//! grid, inventory by inventory), what the site holds, recent changes.

use super::{push, Jobs, Shows};
use crate::analytics;
use crate::render::figures::{flags, held_text, num, t};
use crate::render::urls;
use crate::render::views::View;
use serde_json::{json, Value};

pub(super) fn home<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    push(
        jobs,
        v,
        "home.html",
        urls::home,
        Shows::CaseFigures,
        move || home_page(v),
    );
}

/// One line per inventory: what it is, how much of it the site holds, and
/// how its flags were set.
pub(super) fn inventory_lines(v: View) -> Vec<Value> {
    let site = v.site;
    site.inventories
        .iter()
        .zip(&site.figures.inventories)
        .map(|(inv, f)| {
            let default = inv.default_flag_method.as_ref().map(|d| d.value.as_str());
            let method = inv
                .flag_methods
                .iter()
                .find(|m| Some(m.id.value.as_str()) == default)
                .map(|m| v.tx(&m.label));
            json!({
                "id": inv.id.value,
                "url": urls::inventory(v.lang, &inv.id.value, 1),
                "title": v.tx(&inv.title),
                "jurisdiction": v.jurisdiction_link(&inv.jurisdiction.value),
                "held": f.held,
                "declared": f.declared,
                "coverage": held_text(v, f.held, f.declared),
                "method": method,
            })
        })
        .collect()
}

fn home_page(v: View) -> Value {
    let site = v.site;
    let recent: Vec<Value> = {
        let mut idx: Vec<usize> = (0..site.frameworks.len()).collect();
        idx.sort_by(|&a, &b| {
            let da = site.frameworks[a]
                .status_history
                .last()
                .map(|e| e.date.value);
            let db = site.frameworks[b]
                .status_history
                .last()
                .map(|e| e.date.value);
            db.cmp(&da).then(a.cmp(&b))
        });
        idx.into_iter()
            .take(8)
            .map(|i| v.framework_summary(i))
            .collect()
    };
    let h = analytics::headline(site);
    // The same numbers, written with thousands grouped (3,622).
    let shown = json!({
        "jurisdictions": num(h.jurisdictions),
        "frameworks": num(h.frameworks),
        "current": num(h.current),
        "binding_current": num(h.binding_current),
        "provisions": num(h.provisions),
        "inventories": num(h.inventories),
        "cases": num(h.cases),
    });
    let date = site.config.data_date_text().unwrap_or_default();
    let current_note = t(
        v,
        "headline_current_note",
        &[
            ("current", &num(h.current)),
            ("date", &date),
            ("binding", &num(h.binding_current)),
        ],
    );
    json!({
        "headline": h,
        "current_note": current_note,
        "shown": shown,
        "description": v.tx_opt(&site.config.description),
        "flags": flags::overview(v),
        "inventories": inventory_lines(v),
        "recent": recent,
        "jurisdictions": site.jurisdictions.iter().map(|j| v.jurisdiction_link(&j.id.value)).collect::<Vec<_>>(),
    })
}
