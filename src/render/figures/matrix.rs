//! An instrument's risk matrix (Australia's likelihood × consequence) as a
//! figure: cells coloured by level, a legend of the levels, the same cells
//! as a table.

use super::flags::{chart_spec, HeatData};
use super::{t, Cell, Figure, Link, Note, Panel, Row, Table};
use crate::charts::{heatmap, HeatCell, HeatRow, Responsive};
use crate::render::views::View;
use crate::schema::{Framework, Matrix};

/// The step of level `k` of `n` on the colour scale: spread from 1 to 5
/// (step 0, near white, is kept for "none").
fn step(k: usize, n: usize) -> u8 {
    if n <= 1 {
        return 3;
    }
    (1.0 + 4.0 * k as f64 / (n - 1) as f64).round() as u8
}

/// The figure of matrix `m` of instrument `fw`.
pub fn figure(v: View, fw: &Framework, m: &Matrix) -> Figure {
    let id = format!("matrix-{}-{}", fw.id.value, m.id.value);
    let title = v.plain(&m.title);
    let n = m.levels.len();
    let level_of = |r: &str| m.levels.iter().position(|l| l.id.value == r).unwrap_or(0);
    let rows: Vec<HeatRow> = m
        .rows
        .iter()
        .map(|r| HeatRow {
            label: v.plain(r),
            note: String::new(),
        })
        .collect();
    let columns: Vec<String> = m.columns.iter().map(|c| v.plain(c)).collect();
    let label = |k: usize| {
        m.levels
            .get(k)
            .map(|l| v.plain(&l.label))
            .unwrap_or_default()
    };
    let cells: Vec<Vec<HeatCell>> = m
        .cells
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| {
                    let k = level_of(&c.value);
                    HeatCell {
                        step: Some(step(k, n)),
                        text: label(k),
                        sub: None,
                    }
                })
                .collect()
        })
        .collect();
    let axes = format!("{} × {}", v.plain(&m.row_axis), v.plain(&m.column_axis));
    let data = HeatData {
        desc: rows
            .iter()
            .zip(&cells)
            .map(|(r, cs)| {
                let row: Vec<String> = columns
                    .iter()
                    .zip(cs)
                    .map(|(c, x)| format!("{c} {}", x.text))
                    .collect();
                format!("{}: {}", r.label, row.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; "),
        title: title.clone(),
        rows,
        columns: columns.clone(),
        cells,
        legend_title: format!("{}:", t(v, "matrix_levels", &[])),
        legend: (0..n).map(|k| (Some(step(k, n)), label(k))).collect(),
    };
    let mut head = vec![Cell::text(format!(
        "{} \\ {}",
        v.plain(&m.row_axis),
        v.plain(&m.column_axis)
    ))];
    head.extend(columns.iter().map(|c| Cell::text(c.clone())));
    let table_rows = m
        .rows
        .iter()
        .zip(&m.cells)
        .map(|(r, row)| Row {
            data: vec![],
            head: Cell::text(v.plain(r)),
            cells: row
                .iter()
                .map(|c| Cell::text(label(level_of(&c.value))))
                .collect(),
        })
        .collect();
    let sources: Vec<String> = fw
        .sources
        .iter()
        .filter_map(|r| v.site.source(&r.value))
        .map(|i| v.plain(&v.site.sources[i].title))
        .collect();
    let mut notes = vec![Note {
        label: t(v, "instrument", &[]),
        text: v.plain(&fw.title),
    }];
    if !sources.is_empty() {
        notes.push(Note {
            label: t(v, "source", &[]),
            text: sources.join(" · "),
        });
    }
    Figure {
        panels: vec![Panel {
            heading: None,
            url: None,
            note: None,
            chart: Responsive::draw(&id, |w, lid| heatmap::heatmap(&chart_spec(&data), w, lid)),
        }],
        table: Table {
            caption: format!("{title} — {} ({axes})", t(v, "data_table", &[])),
            head,
            rows: table_rows,
            foot: vec![],
        },
        notes,
        downloads: vec![
            Link {
                label: "JSON".into(),
                url: "data/frameworks.json".into(),
            },
            Link {
                label: "SVG".into(),
                url: format!("data/figures/{}/{id}.svg", v.lang),
            },
        ],
        subtitle: t(
            v,
            "matrix_axes",
            &[
                ("rows", &v.plain(&m.row_axis)),
                ("columns", &v.plain(&m.column_axis)),
            ],
        ),
        title,
        id,
    }
}
