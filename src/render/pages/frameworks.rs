//! The framework index and one page per framework (instrument).

use super::{push, Jobs, Shows};
use crate::render::cite::cite;
use crate::render::urls;
use crate::render::views::View;
use crate::schema::{Provision, VocabularyKind as V};
use serde_json::{json, Value};

pub(super) fn frameworks<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    let site = v.site;
    push(
        jobs,
        v,
        "frameworks.html",
        |l| urls::index(l, "frameworks"),
        Shows::NoCases,
        move || {
            let rows: Vec<Value> = (0..site.frameworks.len())
                .map(|i| v.framework_summary(i))
                .collect();
            json!({"rows": rows})
        },
    );
    for (i, fw) in site.frameworks.iter().enumerate() {
        let id = fw.id.value.as_str();
        push(
            jobs,
            v,
            "framework.html",
            |l| urls::framework(l, id),
            Shows::NoCases,
            move || framework_page(v, i),
        );
    }
}

/// The context of one framework's page.
fn framework_page(v: View, i: usize) -> Value {
    let site = v.site;
    let fw = &site.frameworks[i];
    let principles: Vec<Value> = fw
            .principles
            .iter()
            .map(|p| {
                let provision = p.provision.as_ref().map(|r| r.value.as_str());
                json!({
                    "wording": v.tx(&p.wording),
                    "maps_to": p.maps_to.iter().map(|m| v.term(V::Principles, &m.value)).collect::<Vec<_>>(),
                    "provision": provision,
                    "provision_label": provision.and_then(|id| find_provision(&fw.provisions, id)).map(|p| v.tx(&p.label)),
                })
            })
            .collect();
    let matrices: Vec<Value> = fw
            .matrices
            .iter()
            .map(|m| json!({"id": m.id.value, "title": v.tx(&m.title), "description": v.tx_opt(&m.description), "figure": crate::render::figures::matrix::figure(v, fw, m)}))
            .collect();
    let tables: Vec<Value> = fw
            .tables
            .iter()
            .map(|t| json!({"id": t.id.value, "title": v.tx(&t.title), "columns": t.columns.iter().map(|c| v.tx(c)).collect::<Vec<_>>(), "rows": t.rows.iter().map(|r| r.value.iter().map(|c| v.tx(c)).collect::<Vec<_>>()).collect::<Vec<_>>()}))
            .collect();
    let ctx = json!({
        "fw": v.framework_summary(i),
        "issuer": v.tx_opt(&fw.issuer),
        "summary": v.tx_opt(&fw.summary),
        "history": fw.status_history.iter().map(|e| json!({"date": e.date.value.to_string(), "status": v.term(V::Statuses, &e.status.value), "note": v.tx_opt(&e.note)})).collect::<Vec<_>>(),
        "provisions": v.provisions(&fw.provisions),
        "provision_count": count_provisions(&fw.provisions),
        "principles": principles,
        "relations": v.relations(i),
        "matrices": matrices,
        "tables": tables,
        "sources": v.sources(&fw.sources),
        // Facts not from the research documents, each with the number of
        // its source in the list below (added to the list if not there).
        "not_in_documents": fw.not_in_documents.iter().map(|s| json!({"what": v.tx(&s.what), "source": v.sources(std::slice::from_ref(&s.source)).get(0).cloned()})).collect::<Vec<_>>(),
        "cite": cite(site, v.lang, &fw.id.value, &v.plain(&fw.title), &urls::framework(v.lang, &fw.id.value), fw.status_history.last().map(|e| e.date.value)),
    });
    ctx
}

/// A provision by id, at any depth.
fn find_provision<'a>(list: &'a [Provision], id: &str) -> Option<&'a Provision> {
    list.iter().find_map(|p| {
        if p.id.value == id {
            Some(p)
        } else {
            find_provision(&p.provisions, id)
        }
    })
}

/// Provisions at every depth (a long document gets a table of contents).
fn count_provisions(list: &[Provision]) -> usize {
    list.iter()
        .map(|p| 1 + count_provisions(&p.provisions))
        .sum()
}
