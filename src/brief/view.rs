//! What each kind of briefing shows, as template values in one language.
//! Everything is computed from the model (and `analytics`); nothing here
//! reads the clock or the disk, so the same content gives the same bytes.

use super::strings::{get, is_zh};
use super::summary::{self, CaseFigures};
use crate::analytics::{self, FlagRow};
use crate::model::Site;
use crate::render::views::{percent, View};
use crate::schema::{Case, Inventory, Ref, Text, VocabularyKind as V};
use serde_json::{json, Value};
use std::collections::HashMap;

/// Cases listed in a "notable cases" table.
pub const NOTABLE_CASES: usize = 5;
/// An inventory briefing lists every case when it holds at most this many.
pub const FULL_CASE_LIST: usize = 40;

/// Numbered citations in the order they are first cited.
struct Cites<'a> {
    site: &'a Site,
    order: Vec<Entry>,
    by_source: HashMap<usize, usize>,
}

/// A numbered entry: a bibliography entry, or a record's own published URL.
enum Entry {
    Source(usize),
    Link {
        title: Value,
        url: String,
        publisher: Option<Value>,
        year: Option<u16>,
    },
}

impl<'a> Cites<'a> {
    fn new(site: &'a Site) -> Self {
        Cites {
            site,
            order: Vec::new(),
            by_source: HashMap::new(),
        }
    }

    /// Numbers for `refs`, adding those not yet cited.
    fn cite(&mut self, refs: &[Ref]) -> Vec<usize> {
        let mut out = Vec::new();
        for r in refs {
            let Some(i) = self.site.source(&r.value) else {
                continue;
            };
            let n = *self.by_source.entry(i).or_insert_with(|| {
                self.order.push(Entry::Source(i));
                self.order.len()
            });
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }

    fn link(&mut self, entry: Entry) -> usize {
        self.order.push(entry);
        self.order.len()
    }

    fn list(&self, v: View) -> Value {
        self.order
            .iter()
            .enumerate()
            .map(|(n, e)| match e {
                Entry::Source(i) => {
                    let s = &v.site.sources[*i];
                    json!({
                        "n": n + 1,
                        "title": v.tx(&s.title),
                        "url": s.url.as_ref().map(|u| u.value.trim()),
                        "publisher": v.tx_opt(&s.publisher),
                        "published": s.published.as_ref().map(|d| d.value.to_string()),
                        "accessed": s.accessed.as_ref().map(|d| d.value.to_string()),
                    })
                }
                Entry::Link {
                    title,
                    url,
                    publisher,
                    year,
                } => json!({
                    "n": n + 1,
                    "title": title,
                    "url": url,
                    "publisher": publisher,
                    "published": year.map(|y| y.to_string()),
                    "accessed": null,
                }),
            })
            .collect()
    }
}

fn lit(s: impl Into<String>) -> Value {
    json!({"t": s.into(), "fb": null})
}

fn short_title(v: View, i: usize) -> Value {
    let fw = &v.site.frameworks[i];
    match &fw.short_title {
        Some(t) if !t.is_blank() => v.tx(t),
        _ => v.tx(&fw.title),
    }
}

fn short_plain(v: View, i: usize) -> String {
    short_title(v, i)["t"].as_str().unwrap_or("").to_string()
}

/// One row of the key-instruments table.
fn instrument(v: View, i: usize, cites: &mut Cites) -> Value {
    let fw = &v.site.frameworks[i];
    let status = Site::current_status(fw);
    json!({
        "id": fw.id.value,
        "title": v.tx(&fw.title),
        "short_title": short_title(v, i),
        "type": v.term(V::InstrumentTypes, &fw.kind.value),
        "status": v.term(V::Statuses, status),
        "binding": fw.binding,
        "risk_based": fw.risk_based,
        "dates": fw.status_history.iter().map(|e| json!({"date": e.date.value.to_string(), "status": v.term(V::Statuses, &e.status.value)})).collect::<Vec<_>>(),
        "cites": cites.cite(&fw.sources),
    })
}

/// The latest dated status change among `fws`: (date, instrument, status).
fn latest(v: View, fws: &[usize]) -> Option<(String, String, String)> {
    fws.iter()
        .flat_map(|&i| {
            v.site.frameworks[i]
                .status_history
                .iter()
                .map(move |e| (e.date.value, i, e))
        })
        .max_by_key(|(d, i, _)| (*d, std::cmp::Reverse(*i)))
        .map(|(d, i, e)| {
            (
                d.to_string(),
                short_plain(v, i),
                v.term_plain(V::Statuses, &e.status.value),
            )
        })
}

fn addresses(site: &Site, fw: usize, principle: &str) -> bool {
    site.frameworks[fw]
        .principles
        .iter()
        .any(|p| p.maps_to.iter().any(|m| m.value == principle))
}

fn case_figures(v: View, row: &FlagRow, inventories: usize) -> CaseFigures {
    let flags = &v.site.vocabulary(V::RiskFlags).terms;
    // The first flag with the highest count (vocabulary order breaks ties).
    let top = row.counts.iter().enumerate().filter(|(_, &n)| n > 0).fold(
        None,
        |best: Option<(usize, usize)>, (i, &n)| match best {
            Some((_, bn)) if bn >= n => best,
            _ => Some((i, n)),
        },
    );
    CaseFigures {
        cases: row.cases,
        inventories,
        flagged: row.cases - row.unflagged,
        top_flag: top.map(|(i, n)| (v.plain(&flags[i].label), n)),
    }
}

/// The most-flagged cases among `cases`, most flags first, ties in order.
fn notable(v: View, cases: &[(usize, &Case)]) -> Vec<Value> {
    let mut ranked: Vec<(usize, usize)> = cases
        .iter()
        .enumerate()
        .filter(|(_, (_, c))| !c.risk_flags.is_empty())
        .map(|(k, (_, c))| (k, c.risk_flags.len()))
        .collect();
    ranked.sort_by_key(|&(k, n)| (std::cmp::Reverse(n), k));
    ranked
        .into_iter()
        .take(NOTABLE_CASES)
        .map(|(k, _)| {
            let (inv, case) = cases[k];
            case_row(v, &v.site.inventories[inv], case)
        })
        .collect()
}

fn case_row(v: View, inv: &Inventory, case: &Case) -> Value {
    let vocab = v.site.vocabulary(V::RiskFlags);
    let mut flags: Vec<usize> = case
        .risk_flags
        .iter()
        .filter_map(|f| vocab.position(&f.value))
        .collect();
    flags.sort_unstable();
    json!({
        "id": case.id.value,
        "name": v.tx(&case.name),
        "agency": v.tx(&case.agency),
        "inventory": v.tx(&inv.title),
        "use_class": v.term(V::UseClasses, &case.use_class.value),
        "flags": flags.iter().map(|&i| v.tx(&vocab.terms[i].label)).collect::<Vec<_>>(),
        "ticks": vocab.terms.iter().map(|t| case.risk_flags.iter().any(|f| f.value == t.id.value)).collect::<Vec<_>>(),
        "n_flags": flags.len(),
    })
}

fn kind_label(v: View, kind: crate::schema::JurisdictionKind) -> String {
    let k = format!("{kind:?}").to_lowercase();
    crate::render::i18n::get(v.lang, &format!("kind_{k}"))
}

fn tx_plain(v: View, t: &Text) -> String {
    v.plain(t)
}

/// Title, subtitle and cover facts shared by every kind.
fn doc(v: View, kind: &str, title: String, subtitle: Vec<String>, version: &str) -> Value {
    let site = v.site;
    let t = |k: &str| get(v.lang, k);
    let data_date = site
        .config
        .data_date
        .as_ref()
        .map(|d| d.value.to_string())
        .unwrap_or_else(|| t("data_date_missing"));
    let mut cover = vec![
        json!({"label": t("data_date"), "value": data_date, "key": "data-date"}),
        json!({"label": t("content_version"), "value": version, "key": "version"}),
        json!({"label": t("language"), "value": crate::render::i18n::language_name(v.lang), "key": "language"}),
        json!({"label": t("generated_by"), "value": format!("govatlas {}", env!("CARGO_PKG_VERSION")), "key": "generator"}),
    ];
    // The site's public address (`base_url` or `--base-url`), where it has one.
    if let Some(url) = site.address.public() {
        cover.push(json!({"label": t("site_url"), "value": url, "key": "site-url"}));
    }
    json!({
        "kind": kind,
        "lang": v.lang,
        "site_title": tx_plain(v, &site.config.title),
        "author": v.tx_opt(&site.config.author),
        "title": title,
        "subtitle": subtitle.join(" · "),
        "data_date": data_date,
        "version": version,
        "generator": format!("govatlas {}", env!("CARGO_PKG_VERSION")),
        "language_name": crate::render::i18n::language_name(v.lang),
        "cover": cover,
    })
}

/// The cover's list of sections: those of `ids` the document has.
fn contents(lang: &str, d: &Value, parts: &[(&str, &str, &str)]) -> Value {
    parts
        .iter()
        .filter(|(_, _, key)| key.is_empty() || !is_empty(&d[*key]))
        .map(|(id, label, _)| json!({"id": id, "label": get(lang, label)}))
        .collect()
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

fn figure(n: impl ToString, label: &str) -> Value {
    json!({"n": summary::grouped(&n.to_string()), "label": label})
}

fn approach_now(v: View, j: &crate::schema::Jurisdiction) -> Option<(String, String)> {
    j.approaches.last().map(|a| {
        (
            v.term_plain(V::Approaches, &a.approach.value),
            a.from.value.to_string(),
        )
    })
}

/// A briefing on one jurisdiction.
pub fn jurisdiction(v: View, j: usize, version: &str) -> Value {
    let site = v.site;
    let jur = &site.jurisdictions[j];
    let id = jur.id.value.as_str();
    let name = v.plain(&jur.name);
    let lang = v.lang;
    let t = |k: &str| get(lang, k);
    let mut cites = Cites::new(site);
    let jur_cites = cites.cite(&jur.sources);

    let fws = site.frameworks_of(id);
    let instruments: Vec<Value> = fws.iter().map(|&i| instrument(v, i, &mut cites)).collect();
    let principles = &site.vocabulary(V::Principles).terms;
    let coverage: Vec<Value> = principles
        .iter()
        .map(|p| {
            let by: Vec<Value> = fws
                .iter()
                .filter(|&&i| addresses(site, i, &p.id.value))
                .map(|&i| short_title(v, i))
                .collect();
            json!({"id": p.id.value, "label": v.tx(&p.label), "by": by})
        })
        .collect();
    let covered = coverage
        .iter()
        .filter(|c| !c["by"].as_array().is_some_and(|a| a.is_empty()))
        .count();

    let invs: Vec<usize> = (0..site.inventories.len())
        .filter(|&i| site.inventories[i].jurisdiction.value == id)
        .collect();
    for &i in &invs {
        cites.cite(&site.inventories[i].sources);
    }
    let row = analytics::flags_for_jurisdiction(site, id);
    let cases: Vec<(usize, &Case)> = invs
        .iter()
        .flat_map(|&i| site.inventories[i].cases.iter().map(move |c| (i, c)))
        .collect();
    let figures_cases = case_figures(v, &row, invs.len());
    let binding: Vec<String> = fws
        .iter()
        .filter(|&&i| site.frameworks[i].binding)
        .map(|&i| short_plain(v, i))
        .collect();
    let risk_based = fws
        .iter()
        .filter(|&&i| site.frameworks[i].risk_based)
        .count();
    let approach = approach_now(v, jur);
    let summary = summary::jurisdiction(
        lang,
        &summary::JurisdictionFigures {
            name: name.clone(),
            instruments: fws.len(),
            binding: binding.clone(),
            risk_based,
            approach: approach.clone(),
            latest: latest(v, &fws),
            principles: (covered, principles.len()),
            cases: figures_cases,
        },
    );
    let mut subtitle = vec![kind_label(v, jur.kind.value)];
    if let Some((a, _)) = &approach {
        subtitle.push(a.clone());
    }
    let mut d = doc(
        v,
        "jurisdiction",
        t("jurisdiction_title").replace("{name}", &name),
        subtitle,
        version,
    );
    d["name"] = v.tx(&jur.name);
    d["summary"] = json!(summary);
    d["figures"] = json!([
        figure(fws.len(), &t("instruments")),
        figure(binding.len(), &t("binding_instruments")),
        figure(risk_based, &t("risk_instruments")),
        figure(
            format!("{covered}/{}", principles.len()),
            &t("principles_covered")
        ),
        figure(row.cases, &t("cases_held")),
    ]);
    d["background"] = json!({
        "text": v.tx_opt(&jur.summary),
        "cites": jur_cites,
        "dedicated_body": v.tx_opt(&jur.dedicated_body),
        "approaches": jur.approaches.iter().map(|a| json!({
            "approach": v.term(V::Approaches, &a.approach.value),
            "from": a.from.value.to_string(),
            "to": a.to.as_ref().map(|d| d.value.to_string()),
            "summary": v.tx(&a.summary),
        })).collect::<Vec<_>>(),
    });
    d["instruments"] = json!(instruments);
    d["coverage"] = json!(coverage);
    d["covered"] = json!(covered);
    d["flags"] = if row.cases > 0 {
        v.flag_chart(&format!("brief-flags-{id}"), &t("risk_flag_chart"), &row)
    } else {
        Value::Null
    };
    d["notable"] = json!(notable(v, &cases));
    d["sources"] = cites.list(v);
    d["contents"] = contents(
        lang,
        &d,
        &[
            ("background", "background", ""),
            ("instruments", "key_instruments", ""),
            ("principles", "principles_covered", ""),
            ("risk-flags", "risk_flags", ""),
            ("notable-cases", "notable_cases", "notable"),
            ("sources", "sources", "sources"),
        ],
    );
    d
}

/// A briefing comparing several jurisdictions (`js`: indexes, in the order asked).
pub fn compare(v: View, js: &[usize], version: &str) -> Value {
    let site = v.site;
    let lang = v.lang;
    let t = |k: &str| get(lang, k);
    let mut cites = Cites::new(site);
    let names: Vec<String> = js
        .iter()
        .map(|&j| v.plain(&site.jurisdictions[j].name))
        .collect();
    let fws: Vec<Vec<usize>> = js
        .iter()
        .map(|&j| site.frameworks_of(&site.jurisdictions[j].id.value))
        .collect();
    for &j in js {
        cites.cite(&site.jurisdictions[j].sources);
    }
    let groups: Vec<Value> = js
        .iter()
        .zip(&fws)
        .map(|(&j, list)| {
            json!({
                "name": v.tx(&site.jurisdictions[j].name),
                "id": site.jurisdictions[j].id.value,
                "instruments": list.iter().map(|&i| instrument(v, i, &mut cites)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let rows_for =
        |j: usize| analytics::flags_for_jurisdiction(site, &site.jurisdictions[j].id.value);
    let flag_rows: Vec<FlagRow> = js.iter().map(|&j| rows_for(j)).collect();
    let inv_count = |j: usize| {
        site.inventories
            .iter()
            .filter(|i| i.jurisdiction.value == site.jurisdictions[j].id.value)
            .count()
    };

    // Side by side.
    let jname = |j: usize| v.tx(&site.jurisdictions[j].name);
    let cell_list = |items: Vec<String>| {
        if items.is_empty() {
            lit(t("none"))
        } else {
            lit(summary::list(lang, &items))
        }
    };
    let mut side = Vec::new();
    side.push(json!({"label": t("kind"), "cells": js.iter().map(|&j| lit(kind_label(v, site.jurisdictions[j].kind.value))).collect::<Vec<_>>()}));
    side.push(json!({"label": t("approach"), "cells": js.iter().map(|&j| match approach_now(v, &site.jurisdictions[j]) {
        Some((a, from)) => lit(if is_zh(lang) { format!("{a}（自 {from} 起）") } else { format!("{a} (since {from})") }),
        None => lit("—"),
    }).collect::<Vec<_>>()}));
    side.push(json!({"label": t("instruments"), "num": true, "cells": fws.iter().map(|l| lit(l.len().to_string())).collect::<Vec<_>>()}));
    side.push(json!({"label": t("binding_instruments"), "cells": fws.iter().map(|l| cell_list(l.iter().filter(|&&i| site.frameworks[i].binding).map(|&i| short_plain(v, i)).collect())).collect::<Vec<_>>()}));
    side.push(json!({"label": t("risk_instruments"), "cells": fws.iter().map(|l| cell_list(l.iter().filter(|&&i| site.frameworks[i].risk_based).map(|&i| short_plain(v, i)).collect())).collect::<Vec<_>>()}));
    side.push(json!({"label": t("dedicated_body"), "cells": js.iter().map(|&j| match &site.jurisdictions[j].dedicated_body {
        Some(b) => v.tx(b),
        None => lit(t("none")),
    }).collect::<Vec<_>>()}));
    side.push(
        json!({"label": t("latest_change"), "cells": fws.iter().map(|l| match latest(v, l) {
        Some((d, f, s)) => lit(format!("{d} {f} · {s}")),
        None => lit("—"),
    }).collect::<Vec<_>>()}),
    );
    side.push(json!({"label": t("cases_held"), "num": true, "cells": flag_rows.iter().map(|r| lit(r.cases.to_string())).collect::<Vec<_>>()}));

    // Principles matrix: instruments of each jurisdiction addressing each principle.
    let principles = &site.vocabulary(V::Principles).terms;
    let mut shared = Vec::new();
    let matrix: Vec<Value> = principles
        .iter()
        .map(|p| {
            let counts: Vec<usize> = fws
                .iter()
                .map(|l| {
                    l.iter()
                        .filter(|&&i| addresses(site, i, &p.id.value))
                        .count()
                })
                .collect();
            if counts.iter().all(|&n| n > 0) {
                shared.push(v.plain(&p.label));
            }
            json!({"id": p.id.value, "label": v.tx(&p.label), "counts": counts})
        })
        .collect();

    // Risk flags: one bar chart per jurisdiction that has cases (small
    // multiples read better than a heatmap of a few rows), one table.
    let flags = &site.vocabulary(V::RiskFlags).terms;
    let with_cases: Vec<usize> = (0..js.len()).filter(|&k| flag_rows[k].cases > 0).collect();
    let flag_view = if with_cases.is_empty() {
        Value::Null
    } else {
        let charts: Vec<Value> = with_cases
            .iter()
            .map(|&k| {
                let caption = format!(
                    "{} ({} {})",
                    names[k],
                    summary::grouped(&flag_rows[k].cases.to_string()),
                    t("cases_label")
                );
                let mut c = v.flag_chart(
                    &format!("brief-flags-{}", site.jurisdictions[js[k]].id.value),
                    &caption,
                    &flag_rows[k],
                );
                c["caption"] = json!(caption);
                c["id"] = json!(site.jurisdictions[js[k]].id.value);
                c
            })
            .collect();
        json!({
            "charts": charts,
            "headers": flags.iter().map(|f| json!({"id": f.id.value, "label": v.tx(&f.label)})).collect::<Vec<_>>(),
            "rows": with_cases.iter().map(|&k| json!({"id": site.jurisdictions[js[k]].id.value, "name": jname(js[k]), "cases": flag_rows[k].cases, "unflagged": flag_rows[k].unflagged, "counts": flag_rows[k].counts})).collect::<Vec<_>>(),
        })
    };
    let mut cases: Vec<(usize, &Case)> = Vec::new();
    for &j in js {
        for (i, inv) in site.inventories.iter().enumerate() {
            if inv.jurisdiction.value == site.jurisdictions[j].id.value {
                cites.cite(&inv.sources);
                cases.extend(inv.cases.iter().map(|c| (i, c)));
            }
        }
    }
    // Case figures over all compared jurisdictions together.
    let mut total = FlagRow {
        id: "compare".into(),
        cases: 0,
        counts: vec![0; flags.len()],
        unflagged: 0,
    };
    for r in &flag_rows {
        total.cases += r.cases;
        total.unflagged += r.unflagged;
        for (a, b) in total.counts.iter_mut().zip(&r.counts) {
            *a += b;
        }
    }
    let inventories: usize = js.iter().map(|&j| inv_count(j)).sum();
    let entries: Vec<summary::CompareEntry> = js
        .iter()
        .zip(&fws)
        .zip(&names)
        .map(|((&j, l), n)| summary::CompareEntry {
            name: n.clone(),
            instruments: l.len(),
            binding: l.iter().filter(|&&i| site.frameworks[i].binding).count(),
            approach: approach_now(v, &site.jurisdictions[j]).map(|a| a.0),
        })
        .collect();
    let summary = summary::compare(
        lang,
        &entries,
        &shared,
        principles.len(),
        &case_figures(v, &total, inventories),
    );
    let mut d = doc(
        v,
        "compare",
        t("compare_title").replace("{names}", &summary::list(lang, &names)),
        vec![],
        version,
    );
    d["summary"] = json!(summary);
    d["figures"] = json!(js
        .iter()
        .zip(&fws)
        .map(|(&j, l)| json!({"n": l.len().to_string(), "label": format!("{} · {}", v.plain(&site.jurisdictions[j].name), t("instruments"))}))
        .collect::<Vec<_>>());
    d["columns"] = json!(js.iter().map(|&j| jname(j)).collect::<Vec<_>>());
    d["side_by_side"] = json!(side);
    d["matrix"] = json!(matrix);
    d["shared"] = json!(shared.len());
    d["groups"] = json!(groups);
    d["flag_compare"] = flag_view;
    d["notable"] = json!(notable(v, &cases));
    d["sources"] = cites.list(v);
    d["contents"] = contents(
        lang,
        &d,
        &[
            ("side-by-side", "side_by_side", ""),
            ("principles", "principles_side_by_side", ""),
            ("risk-flags", "risk_flags", ""),
            ("instruments", "key_instruments", ""),
            ("notable-cases", "notable_cases", "notable"),
            ("sources", "sources", "sources"),
        ],
    );
    d
}

/// A briefing on one case inventory.
pub fn inventory(v: View, n: usize, version: &str) -> Value {
    let site = v.site;
    let lang = v.lang;
    let t = |k: &str| get(lang, k);
    let inv = &site.inventories[n];
    let mut cites = Cites::new(site);
    let title = v.plain(&inv.title);
    let published = inv.source_url.as_ref().map(|u| {
        cites.link(Entry::Link {
            title: v.tx(&inv.title),
            url: u.value.trim().to_string(),
            publisher: Some(v.tx(&inv.publisher)),
            year: inv.year.as_ref().map(|y| y.value),
        })
    });
    let inv_cites = cites.cite(&inv.sources);
    let row = analytics::flags_for_inventory(site, n);
    let held = inv.cases.len();
    let declared = inv.declared_total.as_ref().map(|d| d.value);
    let pct = declared.map(|d| percent(held, d as usize));
    let classes = &site.vocabulary(V::UseClasses).terms;
    let by_class: Vec<(usize, usize)> = classes
        .iter()
        .enumerate()
        .map(|(k, c)| {
            (
                k,
                inv.cases
                    .iter()
                    .filter(|x| x.use_class.value == c.id.value)
                    .count(),
            )
        })
        .collect();
    let top_class = by_class
        .iter()
        .filter(|(_, n)| *n > 0)
        .fold(None, |best: Option<(usize, usize)>, &(k, n)| match best {
            Some((_, bn)) if bn >= n => best,
            _ => Some((k, n)),
        })
        .map(|(k, n)| (v.plain(&classes[k].label), n));
    let jur_name = site
        .jurisdiction(&inv.jurisdiction.value)
        .map(|j| v.plain(&site.jurisdictions[j].name))
        .unwrap_or_else(|| inv.jurisdiction.value.clone());
    let method = inv
        .default_flag_method
        .as_ref()
        .and_then(|d| inv.flag_methods.iter().find(|m| m.id.value == d.value))
        .map(|m| v.plain(&m.label));
    let summary = summary::inventory(
        lang,
        &summary::InventoryFigures {
            title: title.clone(),
            publisher: v.plain(&inv.publisher),
            year: inv.year.as_ref().map(|y| y.value),
            jurisdiction: jur_name.clone(),
            declared,
            held,
            percent: pct,
            top_class,
            cases: case_figures(v, &row, 1),
            method,
        },
    );
    let fws = site.frameworks_of(&inv.jurisdiction.value);
    let instruments: Vec<Value> = fws.iter().map(|&i| instrument(v, i, &mut cites)).collect();
    let cases: Vec<(usize, &Case)> = inv.cases.iter().map(|c| (n, c)).collect();
    // A long inventory is not listed in full: its notable cases stand for
    // it, and the site and data downloads hold the rest.
    let all_cases: Vec<Value> = if held <= FULL_CASE_LIST {
        inv.cases.iter().map(|c| case_row(v, inv, c)).collect()
    } else {
        Vec::new()
    };
    let mut d = doc(
        v,
        "inventory",
        t("inventory_title").replace("{title}", &title),
        [
            Some(jur_name.clone()),
            inv.year.as_ref().map(|y| y.value.to_string()),
        ]
        .into_iter()
        .flatten()
        .collect(),
        version,
    );
    d["summary"] = json!(summary);
    d["figures"] = json!([
        figure(held, &t("cases_held")),
        figure(
            declared.map_or("—".to_string(), |d| d.to_string()),
            &t("declared")
        ),
        figure(
            pct.map_or("—".to_string(), |p| format!("{p}%")),
            &t("coverage")
        ),
        figure(row.cases - row.unflagged, &t("flagged_cases")),
    ]);
    d["facts"] = json!([
        {"label": t("jurisdiction"), "value": lit(jur_name.clone())},
        {"label": t("publisher"), "value": v.tx(&inv.publisher)},
        {"label": t("year"), "value": lit(inv.year.as_ref().map_or_else(|| "—".to_string(), |y| y.value.to_string()))},
        {"label": t("coverage"), "value": lit(match (declared, pct) {
            (Some(d), Some(p)) => if is_zh(lang) { format!("本站收錄 {held} 案，原清冊共 {d} 案（{p}%）") } else { format!("{held} of {d} cases held ({p}%)") },
            _ => held.to_string(),
        })},
    ]);
    d["published_cite"] = json!(published);
    d["background"] = json!({"text": v.tx_opt(&inv.description), "cites": inv_cites});
    d["flag_methods"] = json!(inv
        .flag_methods
        .iter()
        .map(|m| json!({
            "id": m.id.value,
            "label": v.tx(&m.label),
            "description": v.tx(&m.description),
            "default": inv.default_flag_method.as_ref().is_some_and(|d| d.value == m.id.value),
        }))
        .collect::<Vec<_>>());
    d["flags"] = if row.cases > 0 {
        v.flag_chart(
            &format!("brief-flags-{}", inv.id.value),
            &t("risk_flag_chart"),
            &row,
        )
    } else {
        Value::Null
    };
    d["use_classes"] = json!(by_class
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|&(k, n)| json!({"label": v.tx(&classes[k].label), "count": n, "percent": percent(n, held)}))
        .collect::<Vec<_>>());
    let notable = notable(v, &cases);
    let all_cases = if notable.len() == held {
        Vec::new()
    } else {
        all_cases
    };
    d["notable"] = json!(notable);
    d["all_cases"] = json!(all_cases);
    d["long_list"] = json!(held > FULL_CASE_LIST);
    d["held"] = json!(held);
    d["flag_headers"] = json!(site
        .vocabulary(V::RiskFlags)
        .terms
        .iter()
        .map(|f| json!({"id": f.id.value, "label": v.tx(&f.label)}))
        .collect::<Vec<_>>());
    d["jurisdiction_instruments"] =
        json!(t("jurisdiction_instruments").replace("{name}", &jur_name));
    d["instruments"] = json!(instruments);
    d["sources"] = cites.list(v);
    d["contents"] = contents(
        lang,
        &d,
        &[
            ("background", "background", ""),
            ("risk-flags", "risk_flags", ""),
            ("use-classes", "use_classes", "use_classes"),
            ("notable-cases", "notable_cases", "notable"),
            ("all-cases", "all_cases", "all_cases"),
            ("instruments", "key_instruments", ""),
            ("sources", "sources", "sources"),
        ],
    );
    d
}
