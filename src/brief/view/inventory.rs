//! The briefing on one case inventory: its coverage, flag methods, risk
//! flags, use classes, cases and the instruments of its jurisdiction.

use super::cases::{case_figures, case_row, notable};
use super::cites::{Cites, Entry};
use super::cover::{contents, doc, figure, lit};
use super::instruments::instrument;
use super::FULL_CASE_LIST;
use crate::analytics;
use crate::brief::strings::{get, is_zh};
use crate::brief::summary;
use crate::render::views::{percent, View};
use crate::schema::{Case, VocabularyKind as V};
use serde_json::{json, Value};

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
