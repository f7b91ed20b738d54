//! The data downloads under `output/data/`: the same numbers the pages
//! show, for reuse. Text is always an object keyed by language code in the
//! JSON files; `cases.csv` is made for spreadsheets ([`csv`]); every
//! column of every file is described in the data dictionary
//! ([`dictionary`]).

pub mod csv;
pub mod dictionary;
mod dictionary_figures;

use super::RenderedFile;
use crate::model::Site;
use crate::schema::{Case, Provision, Text, VocabularyKind as V};
use serde_json::{json, Map, Value};

fn text(t: &Text) -> Value {
    let mut m = Map::new();
    for e in &t.entries {
        if !e.value.trim().is_empty() {
            m.insert(e.lang.value.clone(), Value::String(e.value.clone()));
        }
    }
    Value::Object(m)
}

fn opt(t: &Option<Text>) -> Value {
    t.as_ref().map_or(Value::Null, text)
}

fn provisions(list: &[Provision]) -> Value {
    list.iter()
        .map(|p| json!({"id": p.id.value, "label": text(&p.label), "title": opt(&p.title), "summary": opt(&p.summary), "explanation": opt(&p.explanation), "reproduced": p.reproduced, "provisions": provisions(&p.provisions)}))
        .collect()
}

fn pretty(v: &Value) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(v).expect("json");
    out.push(b'\n');
    out
}

/// A pretty-printed JSON array of the items, each built and serialized in
/// turn so the whole array is never held as a `Value` (same bytes as
/// [`pretty`] of the collected array).
fn pretty_array(items: impl Iterator<Item = Value>) -> Vec<u8> {
    use serde::Serializer as _;
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::pretty(&mut out);
    ser.collect_seq(items).expect("json");
    out.push(b'\n');
    out
}

/// The downloads.
pub fn downloads(site: &Site) -> Vec<RenderedFile> {
    let mut files = Vec::new();
    downloads_to(site, &mut |path, bytes| {
        files.push((path.to_string(), bytes));
        Ok(())
    })
    .expect("collecting cannot fail");
    files
}

/// Receives one download: its path and bytes.
pub type Put<'a> = dyn FnMut(&str, Vec<u8>) -> Result<(), String> + 'a;

/// The downloads, each handed to `put` as soon as it is made, so that only
/// one is in memory at a time.
pub fn downloads_to(site: &Site, put: &mut Put<'_>) -> Result<(), String> {
    put("data/cases.json", cases_json(site))?;
    put("data/cases.csv", csv::cases_csv(site))?;
    put("data/frameworks.json", frameworks_json(site))?;
    put("data/inventories.json", inventories_json(site))?;
    put("data/taxonomies.json", taxonomies_json(site))?;
    put("data/dictionary.csv", dictionary::dictionary_csv(site))?;
    Ok(())
}

/// One case's record of `cases.json`; `i` is the index of its inventory.
pub(crate) fn case_record(site: &Site, i: usize, c: &Case) -> Value {
    let inv = &site.inventories[i];
    let flags = &site.vocabulary(V::RiskFlags).terms;
    json!({
        "id": c.id.value,
        "name": text(&c.name),
        "agency": text(&c.agency),
        "bureau": opt(&c.bureau),
        "inventory": inv.id.value,
        "jurisdiction": super::facets::jurisdiction(inv, c),
        "use_class": c.use_class.value,
        "use_subtype": c.use_subtype.as_ref().map(|s| &s.value),
        "techniques": c.techniques.iter().map(|t| &t.value).collect::<Vec<_>>(),
        "risk_flags": c.risk_flags.iter().map(|t| &t.value).collect::<Vec<_>>(),
        "not_assessed": super::facets::flags_not_assessed(site, inv, c).into_iter().map(|n| &flags[n].id.value).collect::<Vec<_>>(),
        "flag_methods": c.risk_flags.iter().map(|f| json!({"flag": f.value, "method": Site::flag_method(inv, c, &f.value)})).collect::<Vec<_>>(),
        "stage": opt(&c.stage),
        "purpose": opt(&c.purpose),
        "benefits": opt(&c.benefits),
        "outputs": opt(&c.outputs),
        "description": opt(&c.description),
        "source_url": c.source_url.as_ref().map(|u| &u.value),
    })
}

/// `data/cases.json`: the records of [`case_record`] in a pretty array.
pub(crate) fn cases_json(site: &Site) -> Vec<u8> {
    pretty_array(site.cases().map(|(i, c)| case_record(site, i, c)))
}

/// One case's record as it stands in the pretty array of `cases.json`,
/// indented one level and without the separators around it: the file is
/// `[\n`, the records joined by `,\n`, `\n]\n` (`[]\n` when there is none).
pub(crate) fn case_json_item(site: &Site, i: usize, c: &Case) -> Vec<u8> {
    let mut out = pretty_array(std::iter::once(case_record(site, i, c)));
    // `[\n` + item + `\n]\n`
    out.truncate(out.len() - 3);
    out.drain(..2);
    out
}

/// `data/frameworks.json`.
fn frameworks_json(site: &Site) -> Vec<u8> {
    let frameworks = site.frameworks.iter().map(|f| {
            let mut dates = Map::new();
            for e in &f.status_history {
                dates.entry(e.status.value.clone()).or_insert_with(|| Value::String(e.date.value.to_string()));
            }
            json!({
                "id": f.id.value,
                "jurisdiction": f.jurisdiction.value,
                "title": text(&f.title),
                "short_title": opt(&f.short_title),
                "type": f.kind.value,
                "status": Site::current_status(f),
                "binding": f.binding,
                "risk_based": f.risk_based,
                "issuer": opt(&f.issuer),
                "url": f.url.as_ref().map(|u| u.value.trim()),
                "dates": dates,
                "status_history": f.status_history.iter().map(|e| json!({"date": e.date.value.to_string(), "status": e.status.value, "note": opt(&e.note)})).collect::<Vec<_>>(),
                "provisions": provisions(&f.provisions),
                "principles": f.principles.iter().map(|p| json!({"maps_to": p.maps_to.iter().map(|m| &m.value).collect::<Vec<_>>(), "wording": text(&p.wording), "provision": p.provision.as_ref().map(|r| &r.value)})).collect::<Vec<_>>(),
                "relations": f.relations.iter().map(|r| json!({"type": r.kind.value.name(), "target": r.target.value})).collect::<Vec<_>>(),
                "sources": f.sources.iter().map(|s| &s.value).collect::<Vec<_>>(),
            })
        });
    pretty_array(frameworks)
}

/// `data/inventories.json` (it holds each inventory's number of cases,
/// not their contents).
pub(crate) fn inventories_json(site: &Site) -> Vec<u8> {
    let inventories: Vec<Value> = site
        .inventories
        .iter()
        .map(|i| {
            json!({
                "id": i.id.value,
                "title": text(&i.title),
                "jurisdiction": i.jurisdiction.value,
                "publisher": text(&i.publisher),
                "year": i.year.as_ref().map(|y| y.value),
                "declared_total": i.declared_total.as_ref().map(|d| d.value),
                "cases_held": i.cases.len(),
                "source_url": i.source_url.as_ref().map(|u| &u.value),
                "flag_methods": i.flag_methods.iter().map(|m| json!({"id": m.id.value, "label": text(&m.label), "description": text(&m.description)})).collect::<Vec<_>>(),
            })
        })
        .collect();

    pretty(&Value::Array(inventories))
}

/// `data/taxonomies.json`.
fn taxonomies_json(site: &Site) -> Vec<u8> {
    let mut taxonomies = Map::new();
    for kind in V::ALL {
        let voc = site.vocabulary(kind);
        let term = |t: &crate::schema::Term| json!({"id": t.id.value, "label": text(&t.label), "description": opt(&t.description)});
        taxonomies.insert(
            kind.name().to_string(),
            json!({
                "title": opt(&voc.title),
                "terms": voc.terms.iter().map(|t| {
                    let mut v = term(t);
                    v["subtypes"] = t.subtypes.iter().map(term).collect();
                    v["uses"] = t.uses.iter().map(text).collect();
                    v
                }).collect::<Vec<_>>(),
            }),
        );
    }

    pretty(&Value::Object(taxonomies))
}
