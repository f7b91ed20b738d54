//! The briefing comparing several jurisdictions: side by side, the
//! principles matrix, risk flags per jurisdiction, instruments and notable
//! cases.

use super::cases::notable;
use super::cites::Cites;
use super::cover::{contents, doc, lit};
use super::instruments::{addresses, approach_now, instrument, kind_label, latest, short_plain};
use crate::analytics::{self, FlagRow};
use crate::brief::strings::{get, is_zh};
use crate::brief::summary;
use crate::model::Site;
use crate::render::views::View;
use crate::schema::{Case, VocabularyKind as V};
use serde_json::{json, Value};

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
        site.figures
            .inventories_of(&site.jurisdictions[j].id.value)
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
    // Binding instruments current on the data date (a revoked order binds no one).
    side.push(json!({"label": t("binding_instruments"), "cells": js.iter().map(|&j| cell_list(site.figures.jurisdictions[j].of_phase(analytics::Phase::Current).iter().filter(|&&i| site.frameworks[i].binding).map(|&i| short_plain(v, i)).collect())).collect::<Vec<_>>()}));
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
        let id = site.jurisdictions[j].id.value.as_str();
        for i in site.figures.inventories_of(id) {
            let inv = &site.inventories[i];
            cites.cite(&inv.sources);
            cases.extend(
                inv.cases
                    .iter()
                    .filter(|c| Site::case_jurisdiction(inv, c) == id)
                    .map(|c| (i, c)),
            );
        }
    }
    let entries: Vec<summary::CompareEntry> = js
        .iter()
        .zip(&fws)
        .zip(&names)
        .map(|((&j, l), n)| {
            let phases = &site.figures.jurisdictions[j];
            let current = phases.of_phase(analytics::Phase::Current);
            summary::CompareEntry {
                name: n.clone(),
                instruments: l.len(),
                current: current.len(),
                binding_current: current
                    .iter()
                    .filter(|&&i| site.frameworks[i].binding)
                    .count(),
                ended: phases.of_phase(analytics::Phase::Ended).len(),
                approach: approach_now(v, &site.jurisdictions[j]).map(|a| a.0),
                cases: (
                    site.figures
                        .inventories_of(&site.jurisdictions[j].id.value)
                        .filter_map(|k| {
                            site.figures
                                .scoped(k, Some(&site.jurisdictions[j].id.value))
                        })
                        .map(|f| f.held)
                        .sum(),
                    inv_count(j),
                ),
            }
        })
        .collect();
    let date = site.config.data_date_text().unwrap_or_default();
    let summary = summary::compare(lang, &entries, &shared, principles.len(), &date);
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
