//! The jurisdiction index and one page per jurisdiction.

use super::{chart_title, push, Jobs, Shows};
use crate::analytics;
use crate::render::urls;
use crate::render::views::View;
use crate::schema::VocabularyKind as V;
use serde_json::{json, Value};

pub(super) fn jurisdictions<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    let site = v.site;
    push(
        jobs,
        v,
        "jurisdictions.html",
        |l| urls::index(l, "jurisdictions"),
        Shows::CaseFigures,
        move || jurisdiction_index(v),
    );
    for j in &site.jurisdictions {
        let id = j.id.value.as_str();
        push(
            jobs,
            v,
            "jurisdiction.html",
            |l| urls::jurisdiction(l, id),
            Shows::Jurisdiction(id.to_string()),
            move || jurisdiction_page(v, j),
        );
    }
}

fn jurisdiction_index(v: View) -> Value {
    let site = v.site;
    let rows: Vec<Value> = site
        .jurisdictions
        .iter()
        .map(|j| {
            let fws = site
                .frameworks
                .iter()
                .filter(|f| f.jurisdiction.value == j.id.value)
                .count();
            let cases: usize = site
                .inventories
                .iter()
                .filter(|i| i.jurisdiction.value == j.id.value)
                .map(|i| i.cases.len())
                .sum();
            json!({
                "link": v.jurisdiction_link(&j.id.value),
                "kind": j.kind.value.name(),
                "approach": j.approaches.last().map(|a| v.term(V::Approaches, &a.approach.value)),
                "frameworks": fws,
                "cases": cases,
            })
        })
        .collect();
    json!({"rows": rows})
}

/// The context of one jurisdiction's page.
fn jurisdiction_page(v: View, j: &crate::schema::Jurisdiction) -> Value {
    let site = v.site;
    let id = j.id.value.as_str();
    let fws = site.frameworks_of(id);
    let mut events: Vec<_> = fws
        .iter()
        .flat_map(|&i| {
            site.frameworks[i]
                .status_history
                .iter()
                .enumerate()
                .map(move |(k, e)| (e.date.value, i, k, e))
        })
        .collect();
    events.sort_by_key(|(d, i, k, _)| (*d, *i, *k));
    let timeline: Vec<Value> = events
            .into_iter()
            .map(|(date, i, _, e)| json!({"date": date.to_string(), "framework": v.framework_summary(i), "status": v.term(V::Statuses, &e.status.value), "note": v.tx_opt(&e.note)}))
            .collect();
    let coverage: Vec<Value> = site
        .vocabulary(V::Principles)
        .terms
        .iter()
        .map(|t| {
            let by: Vec<Value> = fws
                .iter()
                .filter(|&&i| {
                    site.frameworks[i]
                        .principles
                        .iter()
                        .any(|p| p.maps_to.iter().any(|m| m.value == t.id.value))
                })
                .map(|&i| v.framework_summary(i))
                .collect();
            json!({"principle": {"id": t.id.value, "label": v.tx(&t.label)}, "frameworks": by})
        })
        .collect();
    let inventories: Vec<Value> = site
            .inventories
            .iter()
            .filter(|i| i.jurisdiction.value == id)
            .map(|i| json!({"id": i.id.value, "url": urls::inventory(v.lang, &i.id.value, 1), "title": v.tx(&i.title), "held": i.cases.len(), "declared": i.declared_total.as_ref().map(|d| d.value)}))
            .collect();
    let row = analytics::flags_for_jurisdiction(site, id);
    let ctx = json!({
        "id": id,
        "name": v.tx(&j.name),
        "kind": j.kind.value.name(),
        "parent": j.parent.as_ref().map(|p| v.jurisdiction_link(&p.value)),
        "summary": v.tx_opt(&j.summary),
        "dedicated_body": v.tx_opt(&j.dedicated_body),
        "approaches": j.approaches.iter().map(|a| json!({"approach": v.term(V::Approaches, &a.approach.value), "from": a.from.value.to_string(), "to": a.to.as_ref().map(|d| d.value.to_string()), "summary": v.tx(&a.summary)})).collect::<Vec<_>>(),
        "frameworks": fws.iter().map(|&i| v.framework_summary(i)).collect::<Vec<_>>(),
        "timeline": timeline,
        "coverage": coverage,
        "inventories": inventories,
        "flags": (row.cases > 0).then(|| v.flag_chart(&format!("flags-{id}"), &chart_title(v, "flags_of_cases"), &row)),
        "sources": v.sources(&j.sources),
    });
    ctx
}
