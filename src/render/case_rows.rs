//! The compact case rows the case table's filter script loads lazily
//! (`data/case-rows.<lang>.js`): one short array per case plus label
//! dictionaries, so thousands of cases stay a small download and the server-
//! rendered pages stay paginated. A script (not JSON) so it loads from
//! `file://` too.

use super::views::View;
use super::{urls, RenderedFile};
use crate::model::Site;
use crate::schema::{Case, VocabularyKind as V};
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
    let mut m = labels(v);
    let rows: Vec<Value> = site
        .cases()
        .map(|(i, c)| row(v, &site.inventories[i].id.value, c))
        .collect();
    m.insert("rows".into(), Value::Array(rows));
    Value::Object(m)
}

/// Everything of [`rows`] but the rows.
fn labels(v: View) -> Map<String, Value> {
    let (site, lang) = (v.site, v.lang);
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
    match json!({"flags": flags, "inv": inv, "juris": juris, "uc": uc, "sub": sub, "tech": tech}) {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

/// One case's row: `[url, name, agency, inventory, use_class, subtype, [techniques], [flags]]`.
pub(super) fn row(v: View, inventory: &str, c: &Case) -> Value {
    json!([
        urls::case(v.lang, &c.id.value),
        v.plain(&c.name),
        v.plain(&c.agency),
        inventory,
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
}

/// Appends one case's row as JSON.
pub(super) fn write_row(out: &mut Vec<u8>, v: View, inventory: &str, c: &Case) {
    serde_json::to_writer(out, &row(v, inventory, c)).expect("json");
}

/// The rows script of `lang` around its rows, `(head, tail)`: the script is
/// `head`, the rows joined by `,`, `tail`. Cut out of the script of [`rows`]
/// with no row, so they are the bytes serde writes.
pub(super) fn frame(site: &Site, lang: &str) -> (Vec<u8>, Vec<u8>) {
    let mut m = labels(View { site, lang });
    m.insert("rows".into(), Value::Array(Vec::new()));
    let mut js = format!(
        "(window.govatlasCases=window.govatlasCases||{{}})[{}]=",
        serde_json::to_string(lang).expect("json")
    )
    .into_bytes();
    serde_json::to_writer(&mut js, &m).expect("json");
    js.extend_from_slice(b";\n");
    // A `"` inside a JSON string is escaped, and no other member holds an
    // empty array under the key `rows`, so this is the key of the rows.
    const ROWS: &[u8] = br#""rows":[]"#;
    let at = js
        .windows(ROWS.len())
        .position(|w| w == ROWS)
        .expect("rows key")
        + ROWS.len()
        - 1;
    let tail = js.split_off(at);
    (js, tail)
}

/// Every language's rows script.
pub fn files(site: &Site) -> Vec<RenderedFile> {
    site.languages
        .par_iter()
        .map(|lang| {
            let v = View { site, lang };
            let (mut js, tail) = frame(site, lang);
            for (n, (i, c)) in site.cases().enumerate() {
                if n > 0 {
                    js.push(b',');
                }
                write_row(&mut js, v, &site.inventories[i].id.value, c);
            }
            js.extend_from_slice(&tail);
            (path(lang), js)
        })
        .collect()
}
