//! What every kind of briefing shares around its content: the title and
//! cover facts, the list of sections, the headline figures, and literal
//! text in the shape of a translated one.

use crate::brief::strings::get;
use crate::brief::summary;
use crate::render::views::View;
use crate::schema::Text;
use serde_json::{json, Value};

pub(super) fn lit(s: impl Into<String>) -> Value {
    json!({"t": s.into(), "fb": null})
}

fn tx_plain(v: View, t: &Text) -> String {
    v.plain(t)
}

/// Title, subtitle and cover facts shared by every kind.
pub(super) fn doc(
    v: View,
    kind: &str,
    title: String,
    subtitle: Vec<String>,
    version: &str,
) -> Value {
    let site = v.site;
    let t = |k: &str| get(v.lang, k);
    let data_date = site
        .config
        .data_date_text()
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
pub(super) fn contents(lang: &str, d: &Value, parts: &[(&str, &str, &str)]) -> Value {
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

pub(super) fn figure(n: impl ToString, label: &str) -> Value {
    json!({"n": summary::grouped(&n.to_string()), "label": label})
}
