//! The site-wide case table, paged.

use super::{pager, push, Jobs, Shows, CASES_PER_PAGE};
use crate::render::urls;
use crate::render::views::View;
use crate::schema::VocabularyKind as V;
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
                    .map(|(i, c)| v.case_row(&site.inventories[*i], c))
                    .collect();
                let ctx = obj! {
                    "rows": rows,
                    "total": all.len(),
                    "flag_headers": v.flag_headers(),
                    "pager": pager(pages, page, |p| urls::case_table(v.lang, p)),
                    "use_classes": site.vocabulary(V::UseClasses).terms.iter().map(|t| obj! {"id": t.id.value.as_str(), "label": v.tx(&t.label)}).collect::<Vec<_>>(),
                    "inventories": site.inventories.iter().map(|i| obj! {"id": i.id.value.as_str(), "title": v.tx(&i.title)}).collect::<Vec<_>>(),
                    "jurisdictions": site.jurisdictions.iter().filter(|j| site.inventories.iter().any(|i| i.jurisdiction.value == j.id.value)).map(|j| v.jurisdiction_link(&j.id.value)).collect::<Vec<_>>(),
                    "techniques": site.vocabulary(V::Techniques).terms.iter().map(|t| obj! {"id": t.id.value.as_str(), "label": v.tx(&t.label)}).collect::<Vec<_>>(),
                    "rows_script": crate::render::case_rows::path(v.lang),
                    "page": page,
                };
                ctx
            },
        );
    }
}
