//! One case's page: what it is and does, in the source's own words; every
//! facet value a link to the case explorer filtered on it; where its
//! inventory lists it; the cases before and after it there; and related
//! cases ([`Related`]).
//!
//! Besides its case, the page shows the names of its neighbours and of its
//! related cases, so `serve` re-renders it when one of those is edited
//! (it asks [`Related::showing`]).

use super::year_date;
use super::CASES_PER_PAGE;
use crate::model::{CaseRef, Site};
use crate::render::cite::cite;
use crate::render::facets::{self, FlagState};
use crate::render::related::Related;
use crate::render::urls;
use crate::render::views::View;
use crate::schema::{Text, VocabularyKind as V};
use serde_json::Value;

/// The case explorer's address filtered on one value.
fn explorer_link(v: View, facet: &str, key: &str) -> String {
    format!(
        "{}#{}",
        urls::case_table(v.lang, 1),
        facets::filter_fragment(facet, key)
    )
}

/// A link to another case: its page, name and agency.
fn case_link(v: View, at: CaseRef) -> Value {
    let c = &v.site.inventories[at.inventory].cases[at.case];
    obj! {"url": urls::case(v.lang, &c.id.value), "name": v.tx(&c.name), "agency": v.tx(&c.agency)}
}

/// The context of the page of the case at `at`.
pub(super) fn case_page(v: View, at: CaseRef, related: &Related) -> Value {
    let site = v.site;
    let inv = &site.inventories[at.inventory];
    let case = &inv.cases[at.case];
    let flags = &site.vocabulary(V::RiskFlags).terms;
    let states = FlagState::all(site, inv, case);
    let flag_rows: Vec<Value> = flags
        .iter()
        .zip(&states)
        .map(|(f, state)| {
            let method = Site::flag_method(inv, case, &f.id.value)
                .and_then(|m| inv.flag_methods.iter().find(|x| x.id.value == m))
                .map(|m| obj! {"id": m.id.value.as_str(), "label": v.tx(&m.label)});
            obj! {
                "id": f.id.value.as_str(),
                "label": v.tx(&f.label),
                "state": state.name(),
                "method": method,
                "explorer": explorer_link(v, "flag", &f.id.value),
            }
        })
        .collect();
    let term = |kind: V, facet: &str, key: &str, id: &str| {
        let mut t = v.term(kind, id);
        t["explorer"] = Value::from(explorer_link(v, facet, key));
        t
    };
    let subtype = facets::subtype_key(case).map(|key| {
        let mut t = v.subtype(
            &case.use_class.value,
            &case.use_subtype.as_ref().expect("sub").value,
        );
        t["explorer"] = Value::from(explorer_link(v, "use", &key));
        t
    });
    let free = |t: Option<&Text>, facet: &str| {
        let t = t?;
        let key = facets::text_key(site, t)?;
        Some(obj! {"text": v.tx(t), "explorer": explorer_link(v, facet, &key)})
    };
    let page = at.case / CASES_PER_PAGE + 1;
    let jurisdiction = facets::jurisdiction(inv, case);
    let n = related.flat(at);
    let (same_agency, same_use) = related.lists(n);
    let mine = facets::flags_ticked(site, case);
    let same_use: Vec<Value> = same_use
        .into_iter()
        .map(|m| {
            let other = related.case_at(m);
            let c = &site.inventories[other.inventory].cases[other.case];
            let common: Vec<Value> = facets::flags_ticked(site, c)
                .into_iter()
                .filter(|p| mine.contains(p))
                .map(|p| v.tx(&flags[p].label))
                .collect();
            let mut link = case_link(v, other);
            link["common"] = Value::from(common);
            link
        })
        .collect();
    let neighbour = |k: Option<usize>| {
        k.filter(|&k| k < inv.cases.len())
            .map(|k| case_link(v, CaseRef { case: k, ..at }))
    };
    obj! {
        "id": case.id.value.as_str(),
        // What the breadcrumbs read (`render::layout::page_chrome`).
        "case": obj! {"inventory": obj! {"url": urls::inventory(v.lang, &inv.id.value, 1), "title": v.tx(&inv.title)}},
        "name": v.tx(&case.name),
        "agency": free(Some(&case.agency), "agency"),
        "bureau": v.tx_opt(&case.bureau),
        "stage": free(case.stage.as_ref(), "stage"),
        "jurisdiction": {
            let mut j = v.jurisdiction_link(jurisdiction);
            j["explorer"] = Value::from(explorer_link(v, "jurisdiction", jurisdiction));
            j
        },
        "inventory": obj! {
            "title": v.tx(&inv.title),
            "url": format!("{}#case-{}", urls::inventory(v.lang, &inv.id.value, page), case.id.value),
            "page": page,
        },
        "use_class": term(V::UseClasses, "use", &case.use_class.value, &case.use_class.value),
        "use_subtype": subtype,
        "techniques": case.techniques.iter().map(|t| term(V::Techniques, "technique", &t.value, &t.value)).collect::<Vec<_>>(),
        "described": facets::described(case)
            .into_iter()
            .filter_map(|(k, t)| t.map(|t| obj! {"heading": k, "text": v.tx(t)}))
            .collect::<Vec<_>>(),
        "source_url": case.source_url.as_ref().map(|u| u.value.trim()),
        "flag_rows": flag_rows,
        "prev": neighbour(at.case.checked_sub(1)),
        "next": neighbour(Some(at.case + 1)),
        "same_agency": same_agency.into_iter().map(|m| case_link(v, related.case_at(m))).collect::<Vec<_>>(),
        "same_use": same_use,
        "sources": v.sources(&inv.sources),
        "overrides": case.overrides.iter().map(|o| o.value.clone()).collect::<Vec<_>>(),
        "cite": cite(site, v.lang, &case.id.value, &v.plain(&case.name), &urls::case(v.lang, &case.id.value), inv.year.as_ref().map(|y| year_date(y.value))),
    }
}
