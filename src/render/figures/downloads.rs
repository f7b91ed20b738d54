//! The figures' downloads under `data/figures/`: the numbers each chart is
//! computed from, as CSV and JSON (one file per dataset, in every
//! language's labels), and each chart as an SVG with its title, what it
//! counts and its source (one per figure and language).
//!
//! Datasets:
//! * `risk-flags`: inventory × flag: cases held, assessed, flagged, share.
//! * `risk-flags-by-use-class`: inventory × use class × flag.
//! * `risk-flag-pairs`: inventory × flag × flag (both assessed, both flagged).
//!
//! A share is flagged ÷ assessed, to four decimals, and empty when the flag
//! was assessed on no case ("not assessed" is not 0).

use super::{flags, Figure};
use crate::analytics::FlagCount;
use crate::charts::standalone::standalone;
use crate::model::Site;
use crate::render::views::View;
use crate::render::RenderedFile;
use crate::schema::{Text, VocabularyKind as V};
use rayon::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// Every download of the figures, in a stable order.
pub fn files(site: &Site) -> Vec<RenderedFile> {
    made(site, None)
}

/// The downloads an edit to cases of `inventories` can change: the
/// datasets, the figures over every inventory, and those of the edited
/// inventories and of their jurisdictions (`serve` writes these after a
/// case edit; an instrument's matrix cannot change then).
pub fn files_after_case_edit(site: &Site, inventories: &BTreeSet<usize>) -> Vec<RenderedFile> {
    made(site, Some(inventories))
}

fn made(site: &Site, only: Option<&BTreeSet<usize>>) -> Vec<RenderedFile> {
    let mut out = datasets(site);
    let per_language: Vec<Vec<RenderedFile>> = site
        .languages
        .par_iter()
        .map(|lang| {
            let v = View { site, lang };
            let matrices = site
                .frameworks
                .iter()
                .filter(|_| only.is_none())
                .flat_map(|fw| {
                    fw.matrices
                        .iter()
                        .map(move |m| super::matrix::figure(v, fw, m))
                });
            flags::all(v, only)
                .into_iter()
                .chain(matrices)
                .map(|f| {
                    (
                        format!("data/figures/{lang}/{}.svg", f.id),
                        svg(v, &f).into_bytes(),
                    )
                })
                .collect()
        })
        .collect();
    out.extend(per_language.into_iter().flatten());
    out
}

/// The SVG download of one figure: its panels stacked, under its title.
fn svg(v: View, f: &Figure) -> String {
    let mut notes: Vec<String> = f
        .notes
        .iter()
        .map(|n| format!("{}: {}", n.label, n.text))
        .collect();
    let data = crate::render::i18n::get(v.lang, "data_as_of");
    if let Some(d) = &v.site.config.data_date {
        notes.push(format!(
            "{} {} · {}",
            data,
            d.value,
            v.plain(&v.site.config.title)
        ));
    }
    let panels: Vec<String> = f
        .panels
        .iter()
        .map(|p| {
            let w = p.chart.widest();
            match &p.heading {
                Some(h) => {
                    let sub = p.note.clone().unwrap_or_default();
                    standalone(&w.svg, w.width, h, &sub, &[])
                }
                None => w.svg.clone(),
            }
        })
        .collect();
    let width = f.panels.first().map_or(800, |p| p.chart.widest().width);
    let stacked = stack(&panels, width);
    standalone(&stacked, width, &f.title, &f.subtitle, &notes)
}

/// SVGs one above the other, as one.
fn stack(parts: &[String], width: u32) -> String {
    let mut y = 0.0;
    let mut body = String::new();
    for p in parts {
        let h = height(p);
        let inner = p.trim().strip_prefix("<svg").unwrap_or(p);
        body.push_str(&format!("<svg x=\"0\" y=\"{y}\"{inner}"));
        y += h + 12.0;
    }
    format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{y}\" viewBox=\"0 0 {width} {y}\">{body}</svg>")
}

fn height(svg: &str) -> f64 {
    let open = &svg[..svg.find('>').unwrap_or(0)];
    open.split(" height=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.0)
}

/// The datasets, CSV and JSON.
fn datasets(site: &Site) -> Vec<RenderedFile> {
    let flags = &site.vocabulary(V::RiskFlags).terms;
    let classes = &site.vocabulary(V::UseClasses).terms;
    let mut flag_rows = Vec::new();
    let mut class_rows = Vec::new();
    let mut pair_rows = Vec::new();
    for (n, f) in site.figures.inventories.iter().enumerate() {
        let inv = &site.inventories[n];
        let base = || {
            let mut m = Map::new();
            m.insert("inventory".into(), json!(f.id));
            m.insert("inventory_title".into(), labels(&inv.title));
            m.insert("jurisdiction".into(), json!(f.jurisdiction));
            m.insert("cases_held".into(), json!(f.held));
            m.insert("cases_declared".into(), json!(f.declared));
            m
        };
        for (i, c) in f.flags.iter().enumerate() {
            let mut m = base();
            m.insert("flag".into(), json!(flags[i].id.value));
            m.insert("flag_label".into(), labels(&flags[i].label));
            counts(&mut m, c);
            m.insert("not_assessed_no_answer".into(), json!(f.unanswered[i]));
            let methods: Vec<&str> = f
                .methods
                .iter()
                .filter(|m| m.assessed[i] > 0)
                .map(|m| m.id.as_str())
                .collect();
            m.insert("assessed_by".into(), json!(methods.join(" ")));
            flag_rows.push(Value::Object(m));
        }
        for (k, class) in f.by_use_class.iter().enumerate() {
            for (i, c) in class.flags.iter().enumerate() {
                let mut m = base();
                m.insert("use_class".into(), json!(classes[k].id.value));
                m.insert("use_class_label".into(), labels(&classes[k].label));
                m.insert("cases".into(), json!(class.cases));
                m.insert("flag".into(), json!(flags[i].id.value));
                counts(&mut m, c);
                class_rows.push(Value::Object(m));
            }
        }
        for (a, row) in f.pairs.iter().enumerate() {
            for (b, c) in row.iter().enumerate() {
                let mut m = base();
                m.insert("flag".into(), json!(flags[a].id.value));
                m.insert("with_flag".into(), json!(flags[b].id.value));
                counts(&mut m, c);
                pair_rows.push(Value::Object(m));
            }
        }
    }
    let mut out = Vec::new();
    for (name, rows) in [
        ("risk-flags", flag_rows),
        ("risk-flags-by-use-class", class_rows),
        ("risk-flag-pairs", pair_rows),
    ] {
        out.push((format!("data/figures/{name}.csv"), csv(site, &rows)));
        let mut json = serde_json::to_vec_pretty(&json!({
            "data_date": site.config.data_date_text(),
            "note": "share = cases_flagged / cases_assessed; null when the flag was assessed on no case (not assessed, which is not 0). Counts are per inventory and never added across inventories: their flags were set by different methods.",
            "rows": rows,
        }))
        .expect("json");
        json.push(b'\n');
        out.push((format!("data/figures/{name}.json"), json));
    }
    out
}

fn counts(m: &mut Map<String, Value>, c: &FlagCount) {
    m.insert("cases_assessed".into(), json!(c.assessed));
    m.insert("cases_flagged".into(), json!(c.flagged));
    m.insert(
        "share".into(),
        if c.assessed == 0 {
            Value::Null
        } else {
            json!((c.flagged as f64 / c.assessed as f64 * 10_000.0).round() / 10_000.0)
        },
    );
}

/// A text in every language, keyed by language code.
fn labels(t: &Text) -> Value {
    let mut m = Map::new();
    for e in &t.entries {
        m.insert(e.lang.value.clone(), json!(e.value));
    }
    Value::Object(m)
}

/// The rows as CSV: one column per key, a text's languages each in a
/// column of its own (`flag_label_en`), and no cell a spreadsheet would
/// take for a formula.
fn csv(site: &Site, rows: &[Value]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let Some(Value::Object(first)) = rows.first() else {
        return Vec::new();
    };
    let mut header = Vec::new();
    for (k, v) in first {
        if v.is_object() {
            header.extend(site.languages.iter().map(|l| format!("{k}_{l}")));
        } else {
            header.push(k.clone());
        }
    }
    w.write_record(&header).expect("csv");
    for row in rows {
        let Value::Object(m) = row else { continue };
        let mut record = Vec::new();
        for (k, v) in m {
            match v {
                Value::Object(t) => record.extend(
                    site.languages
                        .iter()
                        .map(|l| defuse(t.get(l).and_then(Value::as_str).unwrap_or(""))),
                ),
                Value::Null => record.push(String::new()),
                Value::String(s) => record.push(defuse(s)),
                other => record.push(other.to_string()),
            }
            let _ = k;
        }
        w.write_record(&record).expect("csv");
    }
    w.into_inner().expect("csv")
}

/// A cell that would start a spreadsheet formula gets a leading `'`.
fn defuse(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}
