//! The site-wide case table (paged, with the case explorer over it), the
//! data page (every download and its dictionary), and what both case
//! tables (this one and each inventory's) show: the rows and the
//! explorer's settings.

use super::{pager, push, Jobs, Shows, CASES_PER_PAGE};
use crate::render::data::dictionary;
use crate::render::facets::FlagState;
use crate::render::views::View;
use crate::render::{case_rows, facets, i18n, urls};
use crate::schema::{Case, Inventory, VocabularyKind as V};
use serde_json::Value;

pub(super) fn cases<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    let site = v.site;
    let all: std::sync::Arc<Vec<_>> = std::sync::Arc::new(site.cases().collect());
    let pages = all.len().div_ceil(CASES_PER_PAGE).max(1);
    for page in 1..=pages {
        let all = all.clone();
        let first = (page - 1) * CASES_PER_PAGE;
        push(
            jobs,
            v,
            "cases.html",
            |l| urls::case_table(l, page),
            Shows::CaseTable(first..(first + CASES_PER_PAGE).min(all.len())),
            move || {
                let rows: Vec<Value> = all
                    .iter()
                    .skip((page - 1) * CASES_PER_PAGE)
                    .take(CASES_PER_PAGE)
                    .map(|(i, c)| table_row(v, &site.inventories[*i], c))
                    .collect();
                obj! {
                    "rows": rows,
                    "total": all.len(),
                    "total_text": crate::render::figures::num(all.len()),
                    "flag_headers": v.flag_headers(),
                    "pager": pager(pages, page, |p| urls::case_table(v.lang, p)),
                    "explorer": explorer(v, None),
                }
            },
        );
    }
    push(
        jobs,
        v,
        "data.html",
        |l| urls::section(l, "data"),
        Shows::NoCases,
        move || data_page(v),
    );
}

/// The strings the explorer's script shows, from `render/i18n.rs`.
const SCRIPT_STRINGS: &[&str] = &[
    "ex_filters",
    "ex_filters_hint",
    "ex_clear",
    "ex_text",
    "ex_showing",
    "ex_none",
    "ex_use",
    "ex_no_flag",
    "ex_not_assessed",
    "ex_not_assessed_group",
    "ex_show_all",
    "ex_show_fewer",
    "ex_find",
    "ex_sort",
    "ex_sort_default",
    "ex_sort_flags",
    "ex_desc",
    "ex_download",
    "ex_remove",
    "ex_active",
    "ex_loading",
    "ex_loading_text",
    "ex_legend",
    "not_assessed",
    "not_stated",
    "ticked",
    "not_ticked",
    "jurisdiction",
    "inventory",
    "technique",
    "techniques",
    "risk_flag",
    "agency",
    "stage",
    "case",
    "use_class",
    "previous",
    "next",
    "pages_top",
    "pages_bottom",
    "list_sep",
    "fallback",
];

/// The explorer's settings on a case table: its data scripts, the
/// inventory it is limited to (none: every case), and its strings.
pub(super) fn explorer(v: View, scope: Option<&str>) -> Value {
    let strings: serde_json::Map<String, Value> = SCRIPT_STRINGS
        .iter()
        .map(|k| (k.to_string(), Value::String(i18n::get(v.lang, k))))
        .collect();
    obj! {
        "rows": case_rows::path(v.lang),
        "text": case_rows::text_path(v.lang),
        "scope": scope.unwrap_or(""),
        "page_size": CASES_PER_PAGE,
        "table": urls::case_table(v.lang, 1),
        "strings": Value::Object(strings).to_string(),
    }
}

/// One row of a case table (the explorer's script draws the same markup).
pub(super) fn table_row(v: View, inv: &Inventory, c: &Case) -> Value {
    let flags = &v.site.vocabulary(V::RiskFlags).terms;
    let states = FlagState::all(v.site, inv, c);
    let jurisdiction = facets::jurisdiction(inv, c);
    obj! {
        "id": c.id.value.as_str(),
        "url": urls::case(v.lang, &c.id.value),
        "name": v.tx(&c.name),
        "agency": v.tx(&c.agency),
        "jurisdiction": v.jurisdiction_link(jurisdiction)["name"].clone(),
        "inventory": v.tx(&inv.title),
        "use_class": v.term(V::UseClasses, &c.use_class.value)["label"].clone(),
        "use_subtype": c.use_subtype.as_ref().map(|s| v.subtype(&c.use_class.value, &s.value)["label"].clone()),
        "techniques": c.techniques.iter().map(|t| v.term(V::Techniques, &t.value)["label"].clone()).collect::<Vec<_>>(),
        "stage": v.tx_opt(&c.stage),
        "flags": flags.iter().zip(states).map(|(f, s)| obj! {"s": s.name(), "label": v.tx(&f.label)}).collect::<Vec<_>>(),
    }
}

/// The data page: every download, what it is, and each of its columns.
fn data_page(v: View) -> Value {
    let files: Vec<Value> = dictionary::files(v.site)
        .into_iter()
        .map(|f| {
            obj! {
                "path": f.path.as_str(),
                "name": f.path.rsplit('/').next().unwrap_or(""),
                "about": f.about.get(v.lang),
                "columns": f.columns.iter().map(|(c, d)| obj! {"name": c.as_str(), "doc": d.get(v.lang)}).collect::<Vec<_>>(),
            }
        })
        .collect();
    obj! {"files": files, "table": urls::case_table(v.lang, 1)}
}
