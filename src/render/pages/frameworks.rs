//! The framework index and one page per framework (instrument).

use super::{push, Jobs, Shows};
use crate::charts::{heatmap, Heatmap};
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
            .map(|m| {
                let rows: Vec<String> = m.rows.iter().map(|r| v.plain(r)).collect();
                let columns: Vec<String> = m.columns.iter().map(|c| v.plain(c)).collect();
                let n = m.levels.len().max(2) - 1;
                let level_of = |id: &str| m.levels.iter().position(|l| l.id.value == id).unwrap_or(0);
                let shade: Vec<Vec<f64>> = m.cells.iter().map(|r| r.iter().map(|c| level_of(&c.value) as f64 / n as f64).collect()).collect();
                let cells: Vec<Vec<String>> = m.cells.iter().map(|r| r.iter().map(|c| m.levels.get(level_of(&c.value)).map(|l| v.plain(&l.label)).unwrap_or_default()).collect()).collect();
                let title = v.plain(&m.title);
                let desc = format!("{} × {}", v.plain(&m.row_axis), v.plain(&m.column_axis));
                let svg = heatmap(&Heatmap { id: &format!("matrix-{}", m.id.value), title: &title, desc: &desc, rows: &rows, columns: &columns, shade: &shade, cells: &cells });
                json!({"id": m.id.value, "title": v.tx(&m.title), "description": v.tx_opt(&m.description), "row_axis": v.tx(&m.row_axis), "column_axis": v.tx(&m.column_axis), "rows": m.rows.iter().map(|r| v.tx(r)).collect::<Vec<_>>(), "columns": m.columns.iter().map(|c| v.tx(c)).collect::<Vec<_>>(), "cells": cells, "svg": svg})
            })
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
