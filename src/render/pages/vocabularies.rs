//! The vocabularies page: every term of every vocabulary.

use super::{push, Jobs, Shows};
use crate::render::urls;
use crate::render::views::View;
use crate::schema::VocabularyKind as V;
use serde_json::{json, Value};

pub(super) fn vocabularies<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    push(
        jobs,
        v,
        "vocabularies.html",
        |l| urls::section(l, "vocabularies"),
        Shows::NoCases,
        move || vocabularies_page(v),
    );
}

fn vocabularies_page(v: View) -> Value {
    let site = v.site;
    let vocabs: Vec<Value> = V::ALL
        .iter()
        .filter(|k| !site.vocabulary(**k).terms.is_empty())
        .map(|k| {
            let voc = site.vocabulary(*k);
            json!({
                "kind": k.name(),
                "title": voc.title.as_ref().map(|t| v.tx(t)),
                "description": v.tx_opt(&voc.description),
                "terms": voc.terms.iter().map(|t| json!({
                    "id": t.id.value, "label": v.tx(&t.label), "description": v.tx_opt(&t.description),
                    "subtypes": t.subtypes.iter().map(|s| json!({"id": s.id.value, "label": v.tx(&s.label), "description": v.tx_opt(&s.description)})).collect::<Vec<_>>(),
                    "uses": t.uses.iter().map(|u| v.tx(u)).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"vocabularies": vocabs})
}
