//! The risk-flag figures: per inventory (bars), inventory by inventory
//! (small multiples of bars, and an overview heatmap), by use class and by
//! pair of flags (heatmaps per inventory), and the use classes of each
//! inventory. Every share is of the cases assessed, within one inventory.

use super::{
    held_text, list, num, of_assessed, share, steps, t, ticks, Cell, Figure, Link, Note, Panel,
    Row, Table,
};
use crate::analytics::{FlagCount, InventoryFigures};
use crate::charts::{
    bars, heatmap, BarRow, HeatCell, HeatRow, Heatmap, Legend, Responsive, ShareBars,
};
use crate::render::urls;
use crate::render::views::View;
use crate::schema::VocabularyKind as V;

/// The inventories that hold cases, of those listed.
fn with_cases(v: View, list: &[usize], scope: Scope) -> Vec<usize> {
    list.iter()
        .copied()
        .filter(|&n| figures(v, n, scope).held > 0)
        .collect()
}

/// Whose cases a figure counts: every case of its inventories (`None`), or
/// only those of one jurisdiction (a jurisdiction's page, where an
/// inventory of several countries shows only that one's cases).
type Scope<'a> = Option<&'a str>;

fn flag_labels(v: View) -> Vec<String> {
    v.site
        .vocabulary(V::RiskFlags)
        .terms
        .iter()
        .map(|f| v.plain(&f.label))
        .collect()
}

fn title_of(v: View, n: usize) -> String {
    v.plain(&v.site.inventories[n].title)
}

fn figures<'a>(v: View<'a>, n: usize, scope: Scope) -> &'a InventoryFigures {
    v.site
        .figures
        .scoped(n, scope)
        .unwrap_or(&v.site.figures.inventories[n])
}

/// The labels of the methods that assessed anything in inventory `n`, its
/// default method first.
fn method_labels(v: View, n: usize, flag: Option<usize>, scope: Scope) -> Vec<String> {
    let inv = &v.site.inventories[n];
    let f = figures(v, n, scope);
    let default = inv.default_flag_method.as_ref().map(|d| d.value.as_str());
    let mut used: Vec<(bool, String)> = f
        .methods
        .iter()
        .zip(&inv.flag_methods)
        .filter(|(m, _)| match flag {
            Some(i) => m.assessed[i] > 0,
            None => m.cases > 0,
        })
        .map(|(m, spec)| (Some(m.id.as_str()) != default, v.plain(&spec.label)))
        .collect();
    used.sort_by_key(|(not_default, _)| *not_default);
    used.into_iter().map(|(_, l)| l).collect()
}

/// Groups `items` (key, member) by key, keys in first-seen order.
fn grouped(items: Vec<(String, String)>) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (k, m) in items {
        match out.iter_mut().find(|(x, _)| *x == k) {
            Some((_, members)) => members.push(m),
            None => out.push((k, vec![m])),
        }
    }
    out
}

/// The caption lines of figures over the inventories `list` (of `all`,
/// the inventories the figure is about, some holding no case).
fn notes(v: View, list: &[usize], all: &[usize], scope: Scope) -> Vec<Note> {
    let flags = flag_labels(v);
    let many = list.len() > 1;
    // "Titles: text" when the figure shows several inventories.
    let with = |titles: &[String], text: String| {
        if many {
            t(
                v,
                "labelled",
                &[("label", &list_of(v, titles)), ("text", &text)],
            )
        } else {
            text
        }
    };
    let mut population: Vec<String> = list
        .iter()
        .map(|&n| {
            let f = figures(v, n, scope);
            with(&[title_of(v, n)], held_text(v, f.held, f.declared))
        })
        .collect();
    let empty: Vec<String> = all
        .iter()
        .filter(|n| !list.contains(n))
        .map(|&n| title_of(v, n))
        .collect();
    if !empty.is_empty() {
        population.push(t(v, "no_cases_here", &[("list", &list_of(v, &empty))]));
    }
    let methods = grouped(
        list.iter()
            .map(|&n| {
                (
                    method_labels(v, n, None, scope).join(&t(v, "method_sep", &[])),
                    title_of(v, n),
                )
            })
            .collect(),
    );
    let methods: Vec<String> = methods
        .into_iter()
        .map(|(m, titles)| with(&titles, m))
        .collect();
    let mut reading = Vec::new();
    let by_method = grouped(
        list.iter()
            .filter_map(|&n| {
                let f = figures(v, n, scope);
                let flags: Vec<String> = (0..flags.len())
                    .filter(|&i| f.flags[i].assessed == 0 && f.unanswered[i] == 0)
                    .map(|i| flags[i].clone())
                    .collect();
                if flags.is_empty() {
                    return None;
                }
                let default = method_labels(v, n, None, scope)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                let note = t(
                    v,
                    "note_not_assessed_method",
                    &[("flags", &list_of(v, &flags)), ("methods", &default)],
                );
                Some((note, title_of(v, n)))
            })
            .collect(),
    );
    reading.extend(
        by_method
            .into_iter()
            .map(|(note, titles)| with(&titles, note)),
    );
    for &n in list {
        let f = figures(v, n, scope);
        let each: Vec<String> = f
            .unanswered
            .iter()
            .enumerate()
            .filter(|(_, &k)| k > 0)
            .map(|(i, &k)| {
                t(
                    v,
                    "unanswered_item",
                    &[("flag", &super::mid_sentence(v, &flags[i])), ("n", &num(k))],
                )
            })
            .collect();
        if !each.is_empty() {
            let note = t(
                v,
                "note_unanswered",
                &[("list", &list_of(v, &each)), ("of", &num(f.held))],
            );
            reading.push(with(&[title_of(v, n)], note));
        }
    }
    let samples: Vec<String> = list
        .iter()
        .filter_map(|&n| {
            let f = figures(v, n, scope);
            let d = f.declared.filter(|&d| (d as usize) > f.held)?;
            let counts = t(v, "n_of_m", &[("n", &num(f.held)), ("m", &num(d as usize))]);
            Some(if many {
                t(v, "paren", &[("a", &title_of(v, n)), ("b", &counts)])
            } else {
                counts
            })
        })
        .collect();
    if !samples.is_empty() {
        reading.push(t(v, "note_sample", &[("list", &list_of(v, &samples))]));
    }
    reading.push(t(v, "note_shares", &[]));
    let mut out = vec![
        Note {
            label: t(v, "population", &[]),
            text: population.join(" · "),
        },
        Note {
            label: t(v, "method", &[]),
            text: methods.join(" · "),
        },
    ];
    out.extend(reading.into_iter().map(|r| Note {
        label: t(v, "reading", &[]),
        text: r,
    }));
    let mut sources: Vec<String> = Vec::new();
    for &n in list {
        for r in &v.site.inventories[n].sources {
            if let Some(i) = v.site.source(&r.value) {
                let s = v.plain(&v.site.sources[i].title);
                if !sources.contains(&s) {
                    sources.push(s);
                }
            }
        }
    }
    if !sources.is_empty() {
        out.push(Note {
            label: t(v, "source", &[]),
            text: sources.join(" · "),
        });
    }
    out
}

fn list_of(v: View, items: &[String]) -> String {
    list(v, items)
}

/// Downloads of a figure computed from `dataset` (a file under
/// `data/figures/`, without extension).
fn downloads(v: View, id: &str, dataset: &str) -> Vec<Link> {
    vec![
        Link {
            label: "CSV".into(),
            url: format!("data/figures/{dataset}.csv"),
        },
        Link {
            label: "JSON".into(),
            url: format!("data/figures/{dataset}.json"),
        },
        Link {
            label: "SVG".into(),
            url: format!("data/figures/{}/{id}.svg", v.lang),
        },
    ]
}

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

/// A heatmap cell of a flag count.
fn cell(v: View, c: &FlagCount) -> HeatCell {
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
fn table_cell(v: View, c: &FlagCount, flag: &str) -> Cell {
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
pub(super) struct HeatData {
    pub title: String,
    pub desc: String,
    pub rows: Vec<HeatRow>,
    pub columns: Vec<String>,
    pub cells: Vec<Vec<HeatCell>>,
    pub legend_title: String,
    pub legend: Vec<(Option<u8>, String)>,
}

fn heat(
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

pub(super) fn chart_spec(d: &HeatData) -> Heatmap<'_> {
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
fn share_legend(v: View) -> Vec<(Option<u8>, String)> {
    let mut items: Vec<(Option<u8>, String)> = steps(v)
        .into_iter()
        .enumerate()
        .map(|(k, s)| (Some(k as u8), s))
        .collect();
    items.push((None, t(v, "not_assessed", &[])));
    items
}

/// The step of a share on the colour scale.
fn share_step(c: &FlagCount) -> u8 {
    match crate::charts::paint::Paint::for_share(c.fraction()) {
        crate::charts::paint::Paint::Seq(k) => k,
        _ => 0,
    }
}

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

/// Every figure of the site in `v.lang`, for the SVG downloads; with
/// `only`, the figures over every inventory and those of the listed
/// inventories and their jurisdictions.
pub fn all(v: View, only: Option<&std::collections::BTreeSet<usize>>) -> Vec<Figure> {
    let all: Vec<usize> = (0..v.site.inventories.len()).collect();
    let mut out: Vec<Figure> = [
        overview(v),
        multiples(
            v,
            "risk-flags-by-inventory",
            t(v, "fig_multiples_title", &[]),
            &all,
            None,
        ),
        by_use_class(v),
        class_shares(v),
        pairs(v),
    ]
    .into_iter()
    .flatten()
    .collect();
    let wanted = |n: usize| only.is_none_or(|set| set.contains(&n));
    out.extend(
        (0..v.site.inventories.len())
            .filter(|&n| wanted(n))
            .filter_map(|n| inventory(v, n)),
    );
    out.extend(
        v.site
            .jurisdictions
            .iter()
            .filter(|j| {
                only.is_none_or(|set| {
                    v.site
                        .figures
                        .inventories_of(&j.id.value)
                        .any(|n| set.contains(&n))
                })
            })
            .filter_map(|j| jurisdiction(v, &j.id.value)),
    );
    out
}
