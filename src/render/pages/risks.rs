//! The risk analysis page, and the group × flag heatmaps it shares with the comparisons.

use super::{chart_title, push, Jobs, Shows};
use crate::analytics;
use crate::charts::{heatmap, Heatmap};
use crate::render::urls;
use crate::render::views::View;
use crate::schema::VocabularyKind as V;
use serde_json::{json, Value};

/// A group × risk-flag heatmap with its numbers, for groups of cases
/// (use classes, inventories) labelled by `label`.
fn flag_heatmap(
    v: View,
    chart_id: &str,
    title_key: &str,
    rows: &[analytics::FlagRow],
    label: impl Fn(&str) -> String,
) -> (String, Vec<String>) {
    let flags = &v.site.vocabulary(V::RiskFlags).terms;
    let row_labels: Vec<String> = rows.iter().map(|r| label(&r.id)).collect();
    let col_labels: Vec<String> = flags.iter().map(|f| v.plain(&f.label)).collect();
    let max = rows
        .iter()
        .flat_map(|r| r.counts.iter())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let shade: Vec<Vec<f64>> = rows
        .iter()
        .map(|r| r.counts.iter().map(|&n| n as f64 / max).collect())
        .collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.counts.iter().map(|n| n.to_string()).collect())
        .collect();
    let title = chart_title(v, title_key);
    let desc = rows
        .iter()
        .zip(&row_labels)
        .map(|(r, l)| {
            format!(
                "{l}: {} ({})",
                r.cases,
                r.counts
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let svg = heatmap(&Heatmap {
        id: chart_id,
        title: &title,
        desc: &desc,
        rows: &row_labels,
        columns: &col_labels,
        shade: &shade,
        cells: &cells,
    });
    (svg, row_labels)
}

pub(super) fn class_flag_view(v: View, chart_id: &str, rows: &[analytics::FlagRow]) -> Value {
    let (svg, _) = flag_heatmap(v, chart_id, "use_class_by_flag", rows, |id| {
        v.term_plain(V::UseClasses, id)
    });
    json!({
        "svg": svg,
        "flag_headers": v.flag_headers(),
        "rows": rows.iter().map(|r| json!({"class": v.term(V::UseClasses, &r.id), "cases": r.cases, "counts": r.counts})).collect::<Vec<_>>(),
    })
}

pub(super) fn risks<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    push(
        jobs,
        v,
        "risks.html",
        |l| urls::section(l, "risks"),
        Shows::CaseFigures,
        move || risks_page(v),
    );
}

fn risks_page(v: View) -> Value {
    let site = v.site;
    let overall = analytics::flags_overall(site);
    let flags = &site.vocabulary(V::RiskFlags).terms;
    let inventory_rows = analytics::flags_by_inventory(site);
    let (by_inventory_svg, _) = flag_heatmap(
        v,
        "risk-by-inventory",
        "by_inventory",
        &inventory_rows,
        |id| {
            site.inventory(id)
                .map(|i| v.plain(&site.inventories[i].title))
                .unwrap_or_default()
        },
    );
    let by_inventory: Vec<Value> = inventory_rows
        .iter()
        .zip(&site.inventories)
        .map(|(r, inv)| json!({"inventory": {"id": inv.id.value, "url": urls::inventory(v.lang, &inv.id.value, 1), "title": v.tx(&inv.title)}, "cases": r.cases, "counts": r.counts}))
        .collect();
    let co = analytics::flag_cooccurrence(site);
    let labels: Vec<String> = flags.iter().map(|f| v.plain(&f.label)).collect();
    let max = co.iter().flatten().copied().max().unwrap_or(0).max(1) as f64;
    let co_svg = heatmap(&Heatmap {
        id: "flag-cooccurrence",
        title: &chart_title(v, "flag_cooccurrence"),
        desc: &co
            .iter()
            .zip(&labels)
            .map(|(r, l)| {
                format!(
                    "{l}: {}",
                    r.iter()
                        .map(|n| n.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        rows: &labels,
        columns: &labels,
        shade: &co
            .iter()
            .map(|r| r.iter().map(|&n| n as f64 / max).collect())
            .collect::<Vec<_>>(),
        cells: &co
            .iter()
            .map(|r| r.iter().map(|n| n.to_string()).collect())
            .collect::<Vec<_>>(),
    });
    let ctx = json!({
        "overall": v.flag_chart("risk-overall", &chart_title(v, "flags_overall"), &overall),
        "by_class": class_flag_view(v, "risk-by-class", &analytics::flags_by_use_class(site)),
        "by_inventory": by_inventory,
        "by_inventory_svg": by_inventory_svg,
        "flag_headers": v.flag_headers(),
        "cooccurrence": {"svg": co_svg, "rows": co.iter().zip(flags).map(|(r, f)| json!({"flag": {"id": f.id.value, "label": v.tx(&f.label)}, "counts": r})).collect::<Vec<_>>()},
    });
    ctx
}
