//! Use classes: each inventory's flags by use class, and the share of its
//! cases in each class.

use super::*;

use super::grids::{cell, chart_spec, heat, table_cell};

/// Use class × flag, one heatmap per inventory with cases.
pub fn by_use_class(v: View) -> Option<Figure> {
    let all: Vec<usize> = (0..v.site.inventories.len()).collect();
    let list = with_cases(v, &all, None);
    if list.is_empty() {
        return None;
    }
    let id = "risk-flags-by-use-class";
    let title = t(v, "fig_classes_title", &[]);
    let classes = &v.site.vocabulary(V::UseClasses).terms;
    let flags = &v.site.vocabulary(V::RiskFlags).terms;
    let columns = flag_labels(v);
    let mut table_rows = Vec::new();
    let panels = list
        .iter()
        .map(|&n| {
            let f = figures(v, n, None);
            let present: Vec<usize> = (0..classes.len())
                .filter(|&c| f.by_use_class[c].cases > 0)
                .collect();
            let rows: Vec<HeatRow> = present
                .iter()
                .map(|&c| HeatRow {
                    label: v.plain(&classes[c].label),
                    note: t(v, "n_cases", &[("n", &num(f.by_use_class[c].cases))]),
                })
                .collect();
            let cells: Vec<Vec<HeatCell>> = present
                .iter()
                .map(|&c| f.by_use_class[c].flags.iter().map(|x| cell(v, x)).collect())
                .collect();
            for &c in &present {
                let class = &f.by_use_class[c];
                let mut cs = vec![
                    Cell::text(v.plain(&classes[c].label)),
                    Cell::num(num(class.cases)).data("total", class.cases),
                ];
                cs.extend(
                    class
                        .flags
                        .iter()
                        .zip(flags)
                        .map(|(x, fl)| table_cell(v, x, &fl.id.value)),
                );
                table_rows.push(Row {
                    data: vec![
                        ("inventory".into(), f.id.clone()),
                        ("use-class".into(), classes[c].id.value.clone()),
                    ],
                    head: Cell {
                        url: Some(urls::inventory(v.lang, &f.id, 1)),
                        ..Cell::text(title_of(v, n))
                    },
                    cells: cs,
                });
            }
            let heading = title_of(v, n);
            let data = heat(v, &heading, &rows, &columns, &cells, "share_legend");
            Panel {
                note: Some(held_text(v, f.held, f.declared)),
                url: Some(urls::inventory(v.lang, &f.id, 1)),
                chart: Responsive::draw(&format!("{id}-{}", f.id), |w, lid| {
                    heatmap::heatmap(&chart_spec(&data), w, lid)
                }),
                heading: Some(heading),
            }
        })
        .collect();
    let mut head = vec![
        Cell::text(t(v, "inventory", &[])),
        Cell::text(t(v, "use_class", &[])),
        Cell::num(t(v, "count", &[])),
    ];
    head.extend(columns.iter().map(|c| Cell::num(c.clone())));
    Some(Figure {
        id: id.into(),
        subtitle: t(v, "fig_classes_sub", &[]),
        panels,
        table: Table {
            caption: format!("{title} — {}", t(v, "data_table", &[])),
            head,
            rows: table_rows,
            foot: vec![],
        },
        notes: notes(v, &list, &all, None),
        downloads: downloads(v, id, "risk-flags-by-use-class"),
        title,
    })
}

/// The use classes of each inventory's cases (shares of the cases held).
pub fn class_shares(v: View) -> Option<Figure> {
    let all: Vec<usize> = (0..v.site.inventories.len()).collect();
    let list = with_cases(v, &all, None);
    if list.is_empty() {
        return None;
    }
    let id = "use-classes";
    let title = t(v, "fig_class_shares_title", &[]);
    let classes = &v.site.vocabulary(V::UseClasses).terms;
    let columns: Vec<String> = classes.iter().map(|c| v.plain(&c.label)).collect();
    let counts = |n: usize, c: usize| FlagCount {
        assessed: figures(v, n, None).held,
        flagged: figures(v, n, None).by_use_class[c].cases,
    };
    let rows: Vec<HeatRow> = list
        .iter()
        .map(|&n| HeatRow {
            label: title_of(v, n),
            note: t(v, "n_cases", &[("n", &num(figures(v, n, None).held))]),
        })
        .collect();
    let cells: Vec<Vec<HeatCell>> = list
        .iter()
        .map(|&n| (0..classes.len()).map(|c| cell(v, &counts(n, c))).collect())
        .collect();
    let mut data = heat(v, &title, &rows, &columns, &cells, "share_of_held");
    // Every case has a use class: no cell is "not assessed".
    data.legend.retain(|(step, _)| step.is_some());
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
            cells.extend((0..classes.len()).map(|c| {
                let x = counts(n, c);
                Cell {
                    sub: Some(of_assessed(v, &x)),
                    ..Cell::num(share(v, &x))
                }
                .data("use-class", &classes[c].id.value)
                .data("cases", x.flagged)
            }));
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
    let mut notes = notes(v, &list, &all, None);
    // Use classes, not flags: how flags were set is not what this counts.
    notes.retain(|n| {
        n.label != t(v, "method", &[])
            && (n.label != t(v, "reading", &[]) || !n.text.contains(&t(v, "not_assessed", &[])))
    });
    Some(Figure {
        id: id.into(),
        subtitle: t(v, "fig_class_shares_sub", &[]),
        panels: vec![Panel {
            heading: None,
            url: None,
            note: None,
            chart: Responsive::draw(id, |w, lid| heatmap::heatmap(&chart_spec(&data), w, lid)),
        }],
        table: Table {
            caption: format!("{title} — {}", t(v, "data_table", &[])),
            head,
            rows: table_rows,
            foot: vec![],
        },
        notes,
        downloads: downloads(v, id, "risk-flags-by-use-class"),
        title,
    })
}
