//! The risk-flag figures: per inventory (bars), inventory by inventory
//! (small multiples of bars, and an overview heatmap), by use class and by
//! pair of flags (heatmaps per inventory), and the use classes of each
//! inventory. Every share is of the cases assessed, within one inventory.

mod classes;
mod grids;
mod per_inventory;

pub use classes::{by_use_class, class_shares};
pub(super) use grids::{chart_spec, HeatData};
pub use grids::{overview, pairs};
pub use per_inventory::{inventory, jurisdiction, multiples};

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
