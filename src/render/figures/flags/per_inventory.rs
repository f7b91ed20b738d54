//! Bars of flag shares: an inventory's (its page), and small multiples of
//! several inventories on one scale (the risk page, a jurisdiction's page).

use super::*;

/// The bars of inventory `n`'s flags.
fn bar_rows(v: View, n: usize, scope: Scope) -> Vec<BarRow> {
    let f = figures(v, n, scope);
    flag_labels(v)
        .iter()
        .zip(&f.flags)
        .map(|(l, c)| BarRow {
            label: l.clone(),
            fraction: (c.assessed > 0).then(|| c.fraction()),
            value: share(v, c),
            detail: if c.assessed > 0 {
                of_assessed(v, c)
            } else {
                String::new()
            },
        })
        .collect()
}

/// The bar chart of inventory `n`'s flags; `room` shared by small multiples.
fn bar_chart(
    v: View,
    n: usize,
    scope: Scope,
    id: &str,
    title: &str,
    room: Option<(f64, f64)>,
) -> Responsive {
    let rows = bar_rows(v, n, scope);
    let desc = rows
        .iter()
        .map(|r| format!("{}: {} {}", r.label, r.value, r.detail))
        .collect::<Vec<_>>()
        .join("; ");
    let ticks = ticks(v);
    let chart = ShareBars {
        title,
        desc: &desc,
        rows: &rows,
        ticks: &ticks,
        room,
    };
    Responsive::draw(id, |w, lid| bars::share_bars(&chart, w, lid))
}

/// The table of flag counts of the inventories `list`: one row per
/// inventory and flag.
fn flag_table(v: View, list: &[usize], scope: Scope, caption: String) -> Table {
    let labels = flag_labels(v);
    let flags = &v.site.vocabulary(V::RiskFlags).terms;
    let many = list.len() > 1;
    let mut head = vec![Cell::text(t(v, "flag", &[]))];
    if many {
        head.insert(0, Cell::text(t(v, "inventory", &[])));
    }
    head.extend([
        Cell::num(t(v, "cases_assessed", &[])),
        Cell::num(t(v, "cases_flagged", &[])),
        Cell::num(t(v, "percent", &[])),
        Cell::text(t(v, "assessed_by", &[])),
    ]);
    let mut rows = Vec::new();
    let mut foot = Vec::new();
    for &n in list {
        let f = figures(v, n, scope);
        let inv = &v.site.inventories[n];
        for (i, c) in f.flags.iter().enumerate() {
            let mut cells = vec![];
            if many {
                cells.push(Cell::text(labels[i].clone()));
            }
            let assessed = if c.assessed > 0 {
                Cell::num(num(c.assessed))
            } else {
                Cell {
                    muted: true,
                    ..Cell::num(t(v, "not_assessed", &[]))
                }
            };
            cells.push(assessed.data("assessed", c.assessed));
            cells.push(if c.assessed > 0 {
                Cell::num(num(c.flagged))
                    .data("flag", &flags[i].id.value)
                    .data("flagged", c.flagged)
            } else {
                Cell {
                    muted: true,
                    ..Cell::num("—")
                }
            });
            cells.push(Cell::num(if c.assessed > 0 {
                share(v, c)
            } else {
                "—".into()
            }));
            cells.push(Cell::text(method_labels(v, n, Some(i), scope).join(&t(
                v,
                "method_sep",
                &[],
            ))));
            let head = if many {
                Cell {
                    url: Some(urls::inventory(v.lang, &inv.id.value, 1)),
                    ..Cell::text(title_of(v, n))
                }
            } else {
                Cell::text(labels[i].clone())
            };
            rows.push(Row {
                data: vec![
                    ("inventory".into(), inv.id.value.clone()),
                    ("flag".into(), flags[i].id.value.clone()),
                ],
                head,
                cells,
            });
        }
        let span = if many { 1 } else { 0 };
        let total = |label: String, value: usize, attr: &str| Row {
            data: vec![("inventory".into(), inv.id.value.clone())],
            head: Cell::text(if many {
                format!("{} — {label}", title_of(v, n))
            } else {
                label
            }),
            cells: std::iter::repeat_n(Cell::default(), span)
                .chain([Cell::num(num(value)).data(attr, value)])
                .chain(std::iter::repeat_n(Cell::default(), 3))
                .collect(),
        };
        foot.push(total(t(v, "cases_held", &[]), f.held, "total"));
        foot.push(total(t(v, "no_flag_ticked", &[]), f.unflagged, "unflagged"));
    }
    Table {
        caption,
        head,
        rows,
        foot,
    }
}

/// Inventory `n`'s flag figure (its page), or None when it holds no case.
pub fn inventory(v: View, n: usize) -> Option<Figure> {
    let f = figures(v, n, None);
    if f.held == 0 {
        return None;
    }
    let id = format!("flags-{}", f.id);
    let title = t(v, "fig_inventory_title", &[("inventory", &title_of(v, n))]);
    Some(Figure {
        panels: vec![Panel {
            heading: None,
            url: None,
            note: None,
            chart: bar_chart(v, n, None, &id, &title, None),
        }],
        table: flag_table(
            v,
            &[n],
            None,
            format!("{title} — {}", t(v, "data_table", &[])),
        ),
        notes: notes(v, &[n], &[n], None),
        downloads: downloads(v, &id, "risk-flags"),
        subtitle: t(v, "fig_inventory_sub", &[]),
        title,
        id,
    })
}

/// Bars of each inventory of `all` that holds cases, side by side on one
/// scale (small multiples); None when none holds any.
pub fn multiples(v: View, id: &str, title: String, all: &[usize], scope: Scope) -> Option<Figure> {
    let list = with_cases(v, all, scope);
    if list.is_empty() {
        return None;
    }
    // One scale for every panel: the same room for labels and values.
    let room = list
        .iter()
        .map(|&n| bars::room(&bar_rows(v, n, scope)))
        .fold((0.0, 0.0), |a, b| (f64::max(a.0, b.0), f64::max(a.1, b.1)));
    let panels = list
        .iter()
        .map(|&n| {
            let f = figures(v, n, scope);
            let heading = title_of(v, n);
            Panel {
                note: Some(format!(
                    "{} · {}",
                    held_text(v, f.held, f.declared),
                    method_labels(v, n, None, scope)
                        .into_iter()
                        .next()
                        .unwrap_or_default()
                )),
                url: Some(urls::inventory(v.lang, &f.id, 1)),
                chart: bar_chart(v, n, scope, &format!("{id}-{}", f.id), &heading, Some(room)),
                heading: Some(heading),
            }
        })
        .collect();
    Some(Figure {
        panels,
        table: flag_table(
            v,
            &list,
            scope,
            format!("{title} — {}", t(v, "data_table", &[])),
        ),
        notes: notes(v, &list, all, scope),
        downloads: downloads(v, id, "risk-flags"),
        subtitle: t(v, "fig_multiples_sub", &[]),
        title,
        id: id.to_string(),
    })
}

/// The figure of a jurisdiction's inventories (its page).
pub fn jurisdiction(v: View, id: &str) -> Option<Figure> {
    let all: Vec<usize> = v.site.figures.inventories_of(id).collect();
    let name = v
        .site
        .jurisdiction(id)
        .map(|j| v.plain(&v.site.jurisdictions[j].name))
        .unwrap_or_else(|| id.to_string());
    multiples(
        v,
        &format!("flags-{id}"),
        t(v, "fig_jurisdiction_title", &[("jurisdiction", &name)]),
        &all,
        Some(id),
    )
}
