//! The principles crosswalk: the coverage matrix (principle × instrument,
//! grouped by jurisdiction, and principle × jurisdiction) and one page per
//! crosswalk principle listing every instrument's own wording mapped to it.

use super::{push, Jobs, Shows};
use crate::analytics::FlagCount;
use crate::render::figures::{num, share, t};
use crate::render::urls;
use crate::render::views::View;
use crate::schema::VocabularyKind as V;
use crate::validate::slug;
use serde_json::{json, Value};

/// The page of one crosswalk principle.
pub fn principle_url(lang: &str, id: &str) -> String {
    urls::section(lang, &format!("compare/principles/{}", slug(id)))
}

pub(super) fn crosswalk<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    push(
        jobs,
        v,
        "compare_principles.html",
        |l| urls::section(l, "compare/principles"),
        Shows::NoCases,
        move || matrix(v),
    );
    for (k, p) in v.site.vocabulary(V::Principles).terms.iter().enumerate() {
        let id = p.id.value.as_str();
        push(
            jobs,
            v,
            "principle.html",
            |l| principle_url(l, id),
            Shows::NoCases,
            move || principle_page(v, k),
        );
    }
}

/// The crosswalk principles, each with its page.
fn principle_links(v: View) -> Vec<Value> {
    v.site
        .vocabulary(V::Principles)
        .terms
        .iter()
        .map(|p| json!({"id": p.id.value, "label": v.tx(&p.label), "url": principle_url(v.lang, &p.id.value)}))
        .collect()
}

fn matrix(v: View) -> Value {
    let site = v.site;
    let c = &site.figures.crosswalk;
    let principles = &site.vocabulary(V::Principles).terms;
    // Jurisdictions with instruments naming principles: the column groups.
    let mut groups = Vec::new();
    let mut at = 0;
    for (jk, j) in site.jurisdictions.iter().enumerate() {
        let n = c.naming[jk];
        if n > 0 {
            groups.push(json!({"link": v.jurisdiction_link(&j.id.value), "span": n, "first": at}));
        }
        at += n;
    }
    let firsts: Vec<usize> = {
        let mut f = Vec::new();
        let mut at = 0;
        for &n in &c.naming {
            if n > 0 {
                f.push(at);
            }
            at += n;
        }
        f
    };
    let instruments: Vec<Value> = c
        .instruments
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let mut s = v.framework_summary(i);
            s["group_start"] = json!(firsts.contains(&k));
            s
        })
        .collect();
    let rows: Vec<Value> = principles
        .iter()
        .zip(&c.cells)
        .map(|(p, cells)| {
            let url = principle_url(v.lang, &p.id.value);
            let covered = cells.iter().filter(|&&n| n > 0).count();
            let cells: Vec<Value> = cells
                .iter()
                .zip(&c.instruments)
                .enumerate()
                .map(|(k, (&n, &i))| {
                    json!({
                        "n": n,
                        "url": format!("{url}#fw-{}", site.frameworks[i].id.value),
                        "group_start": firsts.contains(&k),
                    })
                })
                .collect();
            let covered_text = t(
                v,
                "covered_by_n_of_m",
                &[("n", &num(covered)), ("m", &num(c.instruments.len()))],
            );
            json!({"principle": {"id": p.id.value, "label": v.tx(&p.label), "url": url}, "covered": covered, "covered_text": covered_text, "cells": cells})
        })
        .collect();
    // Principle × jurisdiction.
    let columns: Vec<usize> = (0..site.jurisdictions.len())
        .filter(|&jk| c.naming[jk] > 0)
        .collect();
    let by_jurisdiction: Vec<Value> = principles
        .iter()
        .zip(&c.by_jurisdiction)
        .map(|(p, counts)| {
            let cells: Vec<Value> = columns
                .iter()
                .map(|&jk| {
                    let x = FlagCount {
                        assessed: c.naming[jk],
                        flagged: counts[jk],
                    };
                    json!({
                        "n": x.flagged,
                        "m": x.assessed,
                        "text": t(v, "n_of_m", &[("n", &num(x.flagged)), ("m", &num(x.assessed))]),
                        "share": share(v, &x),
                        "step": step(x.fraction(), x.flagged),
                        "jurisdiction": site.jurisdictions[jk].id.value,
                    })
                })
                .collect();
            json!({"principle": {"id": p.id.value, "label": v.tx(&p.label), "url": principle_url(v.lang, &p.id.value)}, "cells": cells})
        })
        .collect();
    let without: Vec<Value> = site
        .frameworks
        .iter()
        .enumerate()
        .filter(|(_, f)| f.principles.is_empty())
        .map(|(i, _)| v.framework_summary(i))
        .collect();
    let silent: Vec<Value> = (0..site.jurisdictions.len())
        .filter(|&jk| c.naming[jk] == 0)
        .map(|jk| v.jurisdiction_link(&site.jurisdictions[jk].id.value))
        .collect();
    json!({
        "groups": groups,
        "instruments": instruments,
        "rows": rows,
        "jurisdiction_columns": columns.iter().map(|&jk| {
            let key = if c.naming[jk] == 1 { "naming_one" } else { "naming_many" };
            json!({"link": v.jurisdiction_link(&site.jurisdictions[jk].id.value), "naming": c.naming[jk], "naming_text": t(v, key, &[("n", &num(c.naming[jk]))])})
        }).collect::<Vec<_>>(),
        "by_jurisdiction": by_jurisdiction,
        "naming_text": t(v, "naming_no_principles", &[("n", &num(without_count(site))), ("m", &num(site.frameworks.len()))]),
        "without_principles": without,
        "silent_jurisdictions": silent,
        "principles": principle_links(v),
    })
}

/// Instruments that name no principles (and so have no column).
fn without_count(site: &crate::model::Site) -> usize {
    site.frameworks
        .iter()
        .filter(|f| f.principles.is_empty())
        .count()
}

/// The step (0–5) of the sequential scale for a share; 0 only when none.
fn step(fraction: f64, n: usize) -> u8 {
    if n == 0 {
        0
    } else {
        1 + ((fraction * 5.0).floor() as u8).min(4)
    }
}

fn principle_page(v: View, k: usize) -> Value {
    let site = v.site;
    let p = &site.vocabulary(V::Principles).terms[k];
    let c = &site.figures.crosswalk;
    let mut groups: Vec<Value> = Vec::new();
    let mut elsewhere: Vec<Value> = Vec::new();
    let mut current: Option<(String, Vec<Value>)> = None;
    for (col, &i) in c.instruments.iter().enumerate() {
        let fw = &site.frameworks[i];
        if c.cells[k][col] == 0 {
            elsewhere.push(v.framework_summary(i));
            continue;
        }
        let wordings: Vec<Value> = fw
            .principles
            .iter()
            .filter(|own| own.maps_to.iter().any(|m| m.value == p.id.value))
            .map(|own| {
                let others: Vec<Value> = own
                    .maps_to
                    .iter()
                    .filter(|m| m.value != p.id.value)
                    .map(|m| json!({"label": v.term(V::Principles, &m.value)["label"].clone(), "url": principle_url(v.lang, &m.value)}))
                    .collect();
                json!({
                    "wording": v.tx(&own.wording),
                    "provision": own.provision.as_ref().map(|r| format!("{}#{}", urls::framework(v.lang, &fw.id.value), r.value)),
                    "also": others,
                })
            })
            .collect();
        let entry =
            json!({"id": fw.id.value, "framework": v.framework_summary(i), "wordings": wordings});
        let j = fw.jurisdiction.value.clone();
        match &mut current {
            Some((cj, list)) if *cj == j => list.push(entry),
            _ => {
                if let Some((cj, list)) = current.take() {
                    groups.push(
                        json!({"jurisdiction": v.jurisdiction_link(&cj), "instruments": list}),
                    );
                }
                current = Some((j, vec![entry]));
            }
        }
    }
    if let Some((cj, list)) = current {
        groups.push(json!({"jurisdiction": v.jurisdiction_link(&cj), "instruments": list}));
    }
    let label = v.plain(&p.label);
    json!({
        "principle": {"id": p.id.value, "label": v.tx(&p.label), "description": v.tx_opt(&p.description)},
        "intro": t(v, "principle_page_intro", &[("principle", &label)]),
        "groups": groups,
        "elsewhere": elsewhere,
        "principles": principle_links(v),
        "matrix_url": urls::section(v.lang, "compare/principles"),
    })
}
