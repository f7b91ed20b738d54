//! The briefing on one jurisdiction: its background, instruments,
//! principles covered, risk flags and notable cases.

use super::cases::{case_figures, notable};
use super::cites::Cites;
use super::cover::{contents, doc, figure};
use super::instruments::{
    addresses, approach_now, instrument, kind_label, latest, short_plain, short_title,
};
use crate::analytics;
use crate::brief::strings::get;
use crate::brief::summary;
use crate::model::Site;
use crate::render::views::View;
use crate::schema::{Case, VocabularyKind as V};
use serde_json::{json, Value};

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

    // Its inventories, and other inventories with cases that name it.
    let invs: Vec<usize> = site.figures.inventories_of(id).collect();
    for &i in &invs {
        cites.cite(&site.inventories[i].sources);
    }
    let row = analytics::flags_for_jurisdiction(site, id);
    let cases: Vec<(usize, &Case)> = invs
        .iter()
        .flat_map(|&i| {
            let inv = &site.inventories[i];
            inv.cases
                .iter()
                .filter(move |c| Site::case_jurisdiction(inv, c) == id)
                .map(move |c| (i, c))
        })
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
