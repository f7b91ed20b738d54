//! The comparison pages: principles crosswalk, jurisdictions side by side, use classes × flags.

use super::{push, Jobs, Shows};
use crate::analytics;
use crate::render::urls;
use crate::render::views::View;
use crate::schema::VocabularyKind as V;
use serde_json::{json, Value};

pub(super) fn compare<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    push(
        jobs,
        v,
        "compare_principles.html",
        |l| urls::section(l, "compare/principles"),
        Shows::NoCases,
        move || compare_principles(v),
    );
    push(
        jobs,
        v,
        "compare_jurisdictions.html",
        |l| urls::section(l, "compare/jurisdictions"),
        Shows::NoCases,
        move || compare_jurisdictions(v),
    );
    push(
        jobs,
        v,
        "compare_use_classes.html",
        |l| urls::section(l, "compare/use-classes"),
        Shows::CaseFigures,
        move || {
            super::risks::class_flag_view(v, "uc-flags", &analytics::flags_by_use_class(v.site))
        },
    );
}

fn compare_principles(v: View) -> Value {
    let site = v.site;
    // Principles × frameworks: only frameworks that name principles.
    let matrix = analytics::principle_matrix(site);
    let fws: Vec<usize> = (0..site.frameworks.len())
        .filter(|&i| !site.frameworks[i].principles.is_empty())
        .collect();
    let coverage = analytics::principle_coverage(site);
    let rows: Vec<Value> = site
        .vocabulary(V::Principles)
        .terms
        .iter()
        .zip(&coverage)
        .map(|(t, &n)| {
            let cells: Vec<Value> = fws
                .iter()
                .map(|&i| {
                    let wordings: Vec<Value> = matrix[i].get(&t.id.value).map(|ps| ps.iter().map(|&p| v.tx(&site.frameworks[i].principles[p].wording)).collect()).unwrap_or_default();
                    json!({"wordings": wordings})
                })
                .collect();
            json!({"principle": {"id": t.id.value, "label": v.tx(&t.label), "description": v.tx_opt(&t.description)}, "count": n, "cells": cells})
        })
        .collect();
    json!({"frameworks": fws.iter().map(|&i| v.framework_summary(i)).collect::<Vec<_>>(), "rows": rows})
}

/// Jurisdictions side by side.
fn compare_jurisdictions(v: View) -> Value {
    let site = v.site;
    let cols: Vec<Value> = site
        .jurisdictions
        .iter()
        .map(|j| {
            let id = &j.id.value;
            let own: Vec<usize> = (0..site.frameworks.len()).filter(|&i| &site.frameworks[i].jurisdiction.value == id).collect();
            let latest = own.iter().flat_map(|&i| site.frameworks[i].status_history.iter().map(move |e| (e.date.value, i, e))).max_by_key(|(d, i, _)| (*d, std::cmp::Reverse(*i)));
            json!({
                "link": v.jurisdiction_link(id),
                "approach": j.approaches.last().map(|a| json!({"term": v.term(V::Approaches, &a.approach.value), "from": a.from.value.to_string()})),
                "binding": own.iter().filter(|&&i| site.frameworks[i].binding).map(|&i| v.framework_summary(i)).collect::<Vec<_>>(),
                "risk_based": own.iter().filter(|&&i| site.frameworks[i].risk_based).map(|&i| v.framework_summary(i)).collect::<Vec<_>>(),
                "dedicated_body": v.tx_opt(&j.dedicated_body),
                "latest": latest.map(|(d, i, e)| json!({"date": d.to_string(), "framework": v.framework_summary(i), "status": v.term(V::Statuses, &e.status.value)})),
                "instruments": own.len(),
            })
        })
        .collect();
    json!({"columns": cols})
}
