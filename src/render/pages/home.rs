//! The home page: headline figures, the flag chart, recent changes.

use super::{chart_title, push, Jobs, Shows};
use crate::analytics;
use crate::render::urls;
use crate::render::views::View;
use serde_json::{json, Value};

pub(super) fn home<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    push(
        jobs,
        v,
        "home.html",
        urls::home,
        Shows::CaseFigures,
        move || home_page(v),
    );
}

fn home_page(v: View) -> Value {
    let site = v.site;
    let overall = analytics::flags_overall(site);
    let recent: Vec<Value> = {
        let mut idx: Vec<usize> = (0..site.frameworks.len()).collect();
        idx.sort_by(|&a, &b| {
            let da = site.frameworks[a]
                .status_history
                .last()
                .map(|e| e.date.value);
            let db = site.frameworks[b]
                .status_history
                .last()
                .map(|e| e.date.value);
            db.cmp(&da).then(a.cmp(&b))
        });
        idx.into_iter()
            .take(8)
            .map(|i| v.framework_summary(i))
            .collect()
    };
    let ctx = json!({
        "headline": analytics::headline(site),
        "description": v.tx_opt(&site.config.description),
        "flags": v.flag_chart("home-flags", &chart_title(v, "flags_overall"), &overall),
        "recent": recent,
        "jurisdictions": site.jurisdictions.iter().map(|j| v.jurisdiction_link(&j.id.value)).collect::<Vec<_>>(),
    });
    ctx
}
