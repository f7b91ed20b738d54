//! The comparison pages: the principles crosswalk (see [`super::crosswalk`]),
//! jurisdictions side by side (instruments counted by their status on the
//! data date), and use classes × flags (per inventory).

use super::{push, Jobs, Shows};
use crate::analytics::{instruments::status_event, Phase};
use crate::render::figures::{flags, t};
use crate::render::urls;
use crate::render::views::View;
use crate::schema::VocabularyKind as V;
use serde_json::{json, Value};

pub(super) fn compare<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    super::crosswalk::crosswalk(v, jobs);
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
            json!({
                "shares": flags::class_shares(v),
                "by_class": flags::by_use_class(v),
                "risks_url": urls::section(v.lang, "risks"),
            })
        },
    );
}

/// An instrument with its status on the data date and that status's date.
fn instrument(v: View, i: usize) -> Value {
    let site = v.site;
    let fw = &site.frameworks[i];
    let event = status_event(fw, site.figures.data_date);
    let mut s = v.framework_summary(i);
    s["status"] = v.term(V::Statuses, event.map_or("", |e| e.status.value.as_str()));
    s["status_date"] = json!(event.map(|e| e.date.value.to_string()));
    s
}

/// Jurisdictions side by side.
fn compare_jurisdictions(v: View) -> Value {
    let site = v.site;
    let date = site.figures.data_date;
    let rows: Vec<Value> = site
        .jurisdictions
        .iter()
        .zip(&site.figures.jurisdictions)
        .map(|(j, counts)| {
            let phases: Vec<Value> = Phase::ALL
                .iter()
                .map(|&p| {
                    let list = counts.of_phase(p);
                    json!({"phase": p.id(), "n": list.len(), "instruments": list.iter().map(|&i| instrument(v, i)).collect::<Vec<_>>()})
                })
                .collect();
            let current = counts.of_phase(Phase::Current);
            let approach = j
                .approaches
                .iter()
                .rev()
                .find(|a| date.is_none_or(|d| crate::analytics::instruments::on_or_before(a.from.value, d)));
            let latest = counts
                .instruments
                .iter()
                .filter_map(|&i| status_event(&site.frameworks[i], date).map(|e| (e.date.value, i)))
                .max_by_key(|(d, i)| (*d, std::cmp::Reverse(*i)));
            json!({
                "link": v.jurisdiction_link(&j.id.value),
                "approach": approach.map(|a| json!({"term": v.term(V::Approaches, &a.approach.value), "from": a.from.value.to_string()})),
                "instruments": counts.instruments.len(),
                "phases": phases,
                "binding_current": current.iter().filter(|&&i| site.frameworks[i].binding).map(|&i| instrument(v, i)).collect::<Vec<_>>(),
                "risk_based_current": current.iter().filter(|&&i| site.frameworks[i].risk_based).map(|&i| instrument(v, i)).collect::<Vec<_>>(),
                "dedicated_body": v.tx_opt(&j.dedicated_body),
                "latest": latest.map(|(_, i)| instrument(v, i)),
            })
        })
        .collect();
    let date_text = date.map(|d| d.to_string()).unwrap_or_default();
    json!({
        "rows": rows,
        "phases": Phase::ALL.iter().map(|p| json!({"id": p.id(), "label": t(v, &format!("phase_{}", p.id()), &[])})).collect::<Vec<_>>(),
        "intro": t(v, "side_by_side_intro", &[("date", &date_text)]),
        "data_date": date_text,
    })
}
