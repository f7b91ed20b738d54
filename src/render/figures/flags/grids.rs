//! Heatmaps of flag shares: every inventory's in one grid (home, risks), and
//! flags ticked together per inventory; the cells, legend and chart spec
//! the use-class heatmaps and the risk matrices share.

use super::*;

/// A heatmap cell of a flag count.
pub(super) fn cell(v: View, c: &FlagCount) -> HeatCell {
    HeatCell {
        step: (c.assessed > 0).then(|| share_step(c)),
        text: if c.assessed > 0 {
            share(v, c)
        } else {
            t(v, "na_cell", &[])
        },
        sub: (c.assessed > 0).then(|| format!("{}/{}", num(c.flagged), num(c.assessed))),
    }
}

/// A table cell of a flag count: the share, and the counts under it.
pub(super) fn table_cell(v: View, c: &FlagCount, flag: &str) -> Cell {
    if c.assessed == 0 {
        return Cell {
            muted: true,
            ..Cell::num(t(v, "not_assessed", &[]))
        }
        .data("flag", flag)
        .data("assessed", 0);
    }
    Cell {
        sub: Some(of_assessed(v, c)),
        ..Cell::num(share(v, c))
    }
    .data("flag", flag)
    .data("flagged", c.flagged)
    .data("assessed", c.assessed)
}

/// Every inventory's flag shares in one grid (home, risks).
pub fn overview(v: View) -> Option<Figure> {
    let all: Vec<usize> = (0..v.site.inventories.len()).collect();
    let list = with_cases(v, &all, None);
    if list.is_empty() {
        return None;
    }
    let id = "risk-flags-overview";
    let title = t(v, "fig_overview_title", &[]);
    let flags = &v.site.vocabulary(V::RiskFlags).terms;
    let columns = flag_labels(v);
    let rows: Vec<HeatRow> = list
        .iter()
        .map(|&n| HeatRow {
            label: title_of(v, n),
            note: t(v, "n_cases", &[("n", &num(figures(v, n, None).held))]),
        })
        .collect();
    let cells: Vec<Vec<HeatCell>> = list
        .iter()
        .map(|&n| {
            figures(v, n, None)
                .flags
                .iter()
                .map(|c| cell(v, c))
                .collect()
        })
        .collect();
    let chart = heat(v, &title, &rows, &columns, &cells, "share_legend");
    let mut head = vec![
        Cell::text(t(v, "inventory", &[])),
        Cell::num(t(v, "cases_held", &[])),
    ];
    head.extend(columns.iter().map(|c| Cell::num(c.clone())));
    let table_rows = list
        .iter()
        .map(|&n| {
            let f = figures(v, n, None);
            let mut cells = vec![Cell::num(num(f.held)).data("total", f.held)];
            cells.extend(
                f.flags
                    .iter()
                    .zip(flags)
                    .map(|(c, fl)| table_cell(v, c, &fl.id.value)),
            );
            Row {
                data: vec![("inventory".into(), f.id.clone())],
                head: Cell {
                    url: Some(urls::inventory(v.lang, &f.id, 1)),
                    ..Cell::text(title_of(v, n))
                },
                cells,
            }
        })
        .collect();
    Some(Figure {
        id: id.into(),
        subtitle: t(v, "fig_overview_sub", &[]),
        panels: vec![Panel {
            heading: None,
            url: None,
            note: None,
            chart: Responsive::draw(id, |w, lid| heatmap::heatmap(&chart_spec(&chart), w, lid)),
        }],
        table: Table {
            caption: format!("{title} — {}", t(v, "data_table", &[])),
            head,
            rows: table_rows,
            foot: vec![],
        },
        notes: notes(v, &list, &all, None),
        downloads: downloads(v, id, "risk-flags"),
        title,
    })
}

/// What a heatmap is drawn from, owned (the chart borrows it).
pub struct HeatData {
    pub title: String,
    pub desc: String,
    pub rows: Vec<HeatRow>,
    pub columns: Vec<String>,
    pub cells: Vec<Vec<HeatCell>>,
    pub legend_title: String,
    pub legend: Vec<(Option<u8>, String)>,
}

pub(super) fn heat(
    v: View,
    title: &str,
    rows: &[HeatRow],
    columns: &[String],
    cells: &[Vec<HeatCell>],
    legend_key: &str,
) -> HeatData {
    let desc = rows
        .iter()
        .zip(cells)
        .map(|(r, cs)| {
            format!(
                "{} ({}): {}",
                r.label,
                r.note,
                columns
                    .iter()
                    .zip(cs)
                    .map(|(c, x)| format!("{c} {}", x.text))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    HeatData {
        title: title.to_string(),
        desc,
        rows: rows.to_vec(),
        columns: columns.to_vec(),
        cells: cells.to_vec(),
        legend_title: t(v, legend_key, &[]),
        legend: share_legend(v),
    }
}

pub fn chart_spec(d: &HeatData) -> Heatmap<'_> {
    Heatmap {
        title: &d.title,
        desc: &d.desc,
        rows: &d.rows,
        columns: &d.columns,
        cells: &d.cells,
        legend: Legend {
            title: &d.legend_title,
            items: &d.legend,
        },
    }
}

/// The legend of shares: the six steps, then "not assessed".
pub(super) fn share_legend(v: View) -> Vec<(Option<u8>, String)> {
    let mut items: Vec<(Option<u8>, String)> = steps(v)
        .into_iter()
        .enumerate()
        .map(|(k, s)| (Some(k as u8), s))
        .collect();
    items.push((None, t(v, "not_assessed", &[])));
    items
}

/// The step of a share on the colour scale.
pub(super) fn share_step(c: &FlagCount) -> u8 {
    match crate::charts::paint::Paint::for_share(c.fraction()) {
        crate::charts::paint::Paint::Seq(k) => k,
        _ => 0,
    }
}

/// Flags ticked together, one heatmap per inventory with cases, over the
/// flags it assessed.
pub fn pairs(v: View) -> Option<Figure> {
    let all: Vec<usize> = (0..v.site.inventories.len()).collect();
    let list = with_cases(v, &all, None);
    if list.is_empty() {
        return None;
    }
    let id = "risk-flag-pairs";
    let title = t(v, "fig_pairs_title", &[]);
    let flags = &v.site.vocabulary(V::RiskFlags).terms;
    let labels = flag_labels(v);
    let mut table_rows = Vec::new();
    let panels: Vec<Panel> = list
        .iter()
        .filter_map(|&n| {
            let f = figures(v, n, None);
            let shown: Vec<usize> = (0..flags.len())
                .filter(|&i| f.flags[i].assessed > 0)
                .collect();
            if shown.is_empty() {
                return None;
            }
            let columns: Vec<String> = shown.iter().map(|&i| labels[i].clone()).collect();
            let rows: Vec<HeatRow> = shown
                .iter()
                .map(|&i| HeatRow {
                    label: labels[i].clone(),
                    note: t(v, "n_cases", &[("n", &num(f.flags[i].assessed))]),
                })
                .collect();
            let cells: Vec<Vec<HeatCell>> = shown
                .iter()
                .map(|&a| shown.iter().map(|&b| cell(v, &f.pairs[a][b])).collect())
                .collect();
            for &a in &shown {
                for &b in &shown {
                    let c = &f.pairs[a][b];
                    table_rows.push(Row {
                        data: vec![
                            ("inventory".into(), f.id.clone()),
                            ("flag".into(), flags[a].id.value.clone()),
                            ("with".into(), flags[b].id.value.clone()),
                        ],
                        head: Cell {
                            url: Some(urls::inventory(v.lang, &f.id, 1)),
                            ..Cell::text(title_of(v, n))
                        },
                        cells: vec![
                            Cell::text(labels[a].clone()),
                            Cell::text(labels[b].clone()),
                            Cell::num(num(c.assessed)),
                            Cell::num(num(c.flagged)),
                            Cell::num(share(v, c)),
                        ],
                    });
                }
            }
            let heading = title_of(v, n);
            let data = heat(v, &heading, &rows, &columns, &cells, "share_legend");
            Some(Panel {
                note: Some(held_text(v, f.held, f.declared)),
                url: Some(urls::inventory(v.lang, &f.id, 1)),
                chart: Responsive::draw(&format!("{id}-{}", f.id), |w, lid| {
                    heatmap::heatmap(&chart_spec(&data), w, lid)
                }),
                heading: Some(heading),
            })
        })
        .collect();
    let head = vec![
        Cell::text(t(v, "inventory", &[])),
        Cell::text(t(v, "flag", &[])),
        Cell::text(t(v, "with_flag", &[])),
        Cell::num(t(v, "both_assessed", &[])),
        Cell::num(t(v, "both_flagged", &[])),
        Cell::num(t(v, "percent", &[])),
    ];
    Some(Figure {
        id: id.into(),
        subtitle: t(v, "fig_pairs_sub", &[]),
        panels,
        table: Table {
            caption: format!("{title} — {}", t(v, "data_table", &[])),
            head,
            rows: table_rows,
            foot: vec![],
        },
        notes: notes(v, &list, &all, None),
        downloads: downloads(v, id, "risk-flag-pairs"),
        title,
    })
}
