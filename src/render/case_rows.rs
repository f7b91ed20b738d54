//! The compact case rows the case table's filter script loads lazily
//! (`data/case-rows.<lang>.js`): one short array per case plus label
//! dictionaries, so thousands of cases stay a small download and the server-
//! rendered pages stay paginated. A script (not JSON) so it loads from
//! `file://` too.

use super::views::View;
use super::{urls, RenderedFile};
use crate::model::Site;
use crate::schema::VocabularyKind as V;
use rayon::prelude::*;
use serde_json::{json, Map, Value};

/// Path of the rows script of `lang`.
pub fn path(lang: &str) -> String {
    format!("data/case-rows.{lang}.js")
}

/// `{"flags": [id], "inv": {id: [title, url, jurisdiction]}, "juris": {id: name},
/// "uc": {id: label}, "sub": {"class/sub": label}, "tech": {id: label},
/// "rows": [[url, name, agency, inventory, use_class, subtype, [techniques], [flags]]]}`
pub fn rows(site: &Site, lang: &str) -> Value {
    let v = View { site, lang };
    let mut inv = Map::new();
    for i in &site.inventories {
        inv.insert(
            i.id.value.clone(),
            json!([
                v.plain(&i.title),
                urls::inventory(lang, &i.id.value, 1),
                i.jurisdiction.value
            ]),
        );
    }
    let juris: Map<String, Value> = site
        .jurisdictions
        .iter()
        .map(|j| (j.id.value.clone(), json!(v.plain(&j.name))))
        .collect();
    let mut uc = Map::new();
    let mut sub = Map::new();
    for t in &site.vocabulary(V::UseClasses).terms {
        uc.insert(t.id.value.clone(), json!(v.plain(&t.label)));
        for s in &t.subtypes {
            sub.insert(
                format!("{}/{}", t.id.value, s.id.value),
                json!(v.plain(&s.label)),
            );
        }
    }
    let tech: Map<String, Value> = site
        .vocabulary(V::Techniques)
        .terms
        .iter()
        .map(|t| (t.id.value.clone(), json!(v.plain(&t.label))))
        .collect();
    let flags: Vec<&str> = site
        .vocabulary(V::RiskFlags)
        .terms
        .iter()
        .map(|t| t.id.value.as_str())
        .collect();
    let rows: Vec<Value> = site
        .cases()
        .map(|(i, c)| {
            json!([
                urls::case(lang, &c.id.value),
                v.plain(&c.name),
                v.plain(&c.agency),
                site.inventories[i].id.value,
                c.use_class.value,
                c.use_subtype
                    .as_ref()
                    .map(|s| s.value.as_str())
                    .unwrap_or(""),
                c.techniques
                    .iter()
                    .map(|t| t.value.as_str())
                    .collect::<Vec<_>>(),
                c.risk_flags
                    .iter()
                    .map(|t| t.value.as_str())
                    .collect::<Vec<_>>(),
            ])
        })
        .collect();
    json!({"flags": flags, "inv": inv, "juris": juris, "uc": uc, "sub": sub, "tech": tech, "rows": rows})
}

/// Every language's rows script.
pub fn files(site: &Site) -> Vec<RenderedFile> {
    site.languages
        .par_iter()
        .map(|lang| {
            let body = serde_json::to_string(&rows(site, lang)).expect("json");
            let js = format!(
                "(window.govatlasCases=window.govatlasCases||{{}})[{}]={body};\n",
                serde_json::to_string(lang).expect("json")
            );
            (path(lang), js.into_bytes())
        })
        .collect()
}
