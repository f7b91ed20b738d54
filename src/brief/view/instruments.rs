//! A jurisdiction's instruments as a briefing shows them: their rows in the
//! key-instruments table, short titles, the latest status change, which
//! principles they address, and the jurisdiction's kind and approach.

use super::cites::Cites;
use crate::model::Site;
use crate::render::views::View;
use crate::schema::VocabularyKind as V;
use serde_json::{json, Value};

pub(super) fn short_title(v: View, i: usize) -> Value {
    let fw = &v.site.frameworks[i];
    match &fw.short_title {
        Some(t) if !t.is_blank() => v.tx(t),
        _ => v.tx(&fw.title),
    }
}

pub(super) fn short_plain(v: View, i: usize) -> String {
    short_title(v, i)["t"].as_str().unwrap_or("").to_string()
}

/// One row of the key-instruments table.
pub(super) fn instrument(v: View, i: usize, cites: &mut Cites) -> Value {
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
pub(super) fn latest(v: View, fws: &[usize]) -> Option<(String, String, String)> {
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

pub(super) fn addresses(site: &Site, fw: usize, principle: &str) -> bool {
    site.frameworks[fw]
        .principles
        .iter()
        .any(|p| p.maps_to.iter().any(|m| m.value == principle))
}

pub(super) fn kind_label(v: View, kind: crate::schema::JurisdictionKind) -> String {
    let k = format!("{kind:?}").to_lowercase();
    crate::render::i18n::get(v.lang, &format!("kind_{k}"))
}

pub(super) fn approach_now(v: View, j: &crate::schema::Jurisdiction) -> Option<(String, String)> {
    j.approaches.last().map(|a| {
        (
            v.term_plain(V::Approaches, &a.approach.value),
            a.from.value.to_string(),
        )
    })
}
