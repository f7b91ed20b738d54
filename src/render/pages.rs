//! Which pages the site has, and what each shows. One function per page
//! type returns its jobs; `render` adds the layout context and runs Tera.

use super::cite::cite;
use super::urls;
use super::views::{percent, View};
use crate::analytics;
use crate::charts::{heatmap, Heatmap};
use crate::model::Site;
use crate::schema::VocabularyKind as V;
use serde_json::{json, Value};

/// Cases per page of a case table: keeps list pages light at any size.
pub const CASES_PER_PAGE: usize = 200;

/// One page to render.
pub struct PageJob<'a> {
    /// Output path relative to the output root.
    pub path: String,
    /// Template name.
    pub template: &'static str,
    /// The page-specific context, built by the thread that renders the page:
    /// listing the pages stays cheap (`serve` lists them all to pick the few
    /// an edit touches), contexts are made in parallel, and each is dropped
    /// as soon as its page is written.
    pub ctx: Box<dyn Fn() -> Value + Send + Sync + 'a>,
    /// Output path of the same record in each language.
    pub alternates: Vec<(String, String)>,
    /// Which cases the page shows, for the dependency map.
    pub shows: Shows,
}

/// The case data a page shows. Incremental rebuilds invert this into a map
/// from each case to the pages showing it (see [`super::deps`]); a test
/// checks that a page re-rendered from the map equals a full build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shows {
    /// Nothing taken from cases.
    NoCases,
    /// One case (its own page).
    Case(crate::model::CaseRef),
    /// A page of one inventory's table: the rows of its cases in `rows`,
    /// and on the first page its figures.
    Inventory {
        /// Index of the inventory.
        index: usize,
        /// Indexes of the cases listed, within the inventory.
        rows: std::ops::Range<usize>,
        /// Whether the page shows the inventory's figures.
        figures: bool,
    },
    /// The figures of the cases of one jurisdiction (by id): its page's
    /// chart and counts.
    Jurisdiction(String),
    /// The rows of a range of the site-wide case table, in `Site::cases`
    /// order.
    CaseTable(std::ops::Range<usize>),
    /// Figures over every case (home, indexes, risks, comparisons).
    ///
    /// "Figures" are counts computed from each case's use class and risk
    /// flags only ([`analytics::same_figures`]), so an edit to a case's
    /// name or description leaves them as they were.
    CaseFigures,
}

/// The pages being listed, and which of them are wanted.
pub struct Jobs<'a> {
    list: Vec<PageJob<'a>>,
    wanted: Option<&'a (dyn Fn(&Shows) -> bool + Sync)>,
}

/// Every page of the site in every language.
pub fn all_pages(site: &Site) -> Vec<PageJob<'_>> {
    listed(site, None)
}

/// The pages whose [`Shows`] passes `wanted`, in the same order as
/// [`all_pages`]; the others cost a comparison, not a path or a context.
pub fn pages_where<'a>(
    site: &'a Site,
    wanted: &'a (dyn Fn(&Shows) -> bool + Sync),
) -> Vec<PageJob<'a>> {
    listed(site, Some(wanted))
}

fn listed<'a>(
    site: &'a Site,
    wanted: Option<&'a (dyn Fn(&Shows) -> bool + Sync)>,
) -> Vec<PageJob<'a>> {
    let mut jobs = Jobs {
        list: Vec::new(),
        wanted,
    };
    for lang in &site.languages {
        let v = View { site, lang };
        home(v, &mut jobs);
        jurisdictions(v, &mut jobs);
        frameworks(v, &mut jobs);
        inventories(v, &mut jobs);
        cases(v, &mut jobs);
        compare(v, &mut jobs);
        risks(v, &mut jobs);
        vocabularies(v, &mut jobs);
        markdown_pages(v, &mut jobs);
        super::feed::changes_page(v, &mut jobs);
        super::search::search_page(v, &mut jobs);
    }
    jobs.list
}

fn alternates(site: &Site, f: impl Fn(&str) -> String) -> Vec<(String, String)> {
    site.languages.iter().map(|l| (l.clone(), f(l))).collect()
}

/// Lists one page of `v.lang`: its path (`f` gives the path in any
/// language), template, what it shows and how to build its context.
pub(crate) fn push<'a>(
    jobs: &mut Jobs<'a>,
    v: View<'a>,
    template: &'static str,
    f: impl Fn(&str) -> String,
    shows: Shows,
    ctx: impl Fn() -> Value + Send + Sync + 'a,
) {
    if jobs.wanted.is_some_and(|wanted| !wanted(&shows)) {
        return;
    }
    jobs.list.push(PageJob {
        path: f(v.lang),
        template,
        ctx: Box::new(ctx),
        alternates: alternates(v.site, f),
        shows,
    });
}

fn home<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
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

fn year_date(year: u16) -> crate::schema::PartialDate {
    crate::schema::PartialDate {
        year,
        month: None,
        day: None,
    }
}

fn chart_title(v: View, key: &str) -> String {
    super::i18n::get(v.lang, key)
}

fn jurisdictions<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    let site = v.site;
    push(
        jobs,
        v,
        "jurisdictions.html",
        |l| urls::index(l, "jurisdictions"),
        Shows::CaseFigures,
        move || jurisdiction_index(v),
    );
    for j in &site.jurisdictions {
        let id = j.id.value.as_str();
        push(
            jobs,
            v,
            "jurisdiction.html",
            |l| urls::jurisdiction(l, id),
            Shows::Jurisdiction(id.to_string()),
            move || jurisdiction_page(v, j),
        );
    }
}

fn jurisdiction_index(v: View) -> Value {
    let site = v.site;
    let rows: Vec<Value> = site
        .jurisdictions
        .iter()
        .map(|j| {
            let fws = site
                .frameworks
                .iter()
                .filter(|f| f.jurisdiction.value == j.id.value)
                .count();
            let cases: usize = site
                .inventories
                .iter()
                .filter(|i| i.jurisdiction.value == j.id.value)
                .map(|i| i.cases.len())
                .sum();
            json!({
                "link": v.jurisdiction_link(&j.id.value),
                "kind": j.kind.value.name(),
                "approach": j.approaches.last().map(|a| v.term(V::Approaches, &a.approach.value)),
                "frameworks": fws,
                "cases": cases,
            })
        })
        .collect();
    json!({"rows": rows})
}

/// The context of one jurisdiction's page.
fn jurisdiction_page(v: View, j: &crate::schema::Jurisdiction) -> Value {
    let site = v.site;
    let id = j.id.value.as_str();
    let fws = site.frameworks_of(id);
    let mut events: Vec<_> = fws
        .iter()
        .flat_map(|&i| {
            site.frameworks[i]
                .status_history
                .iter()
                .enumerate()
                .map(move |(k, e)| (e.date.value, i, k, e))
        })
        .collect();
    events.sort_by_key(|(d, i, k, _)| (*d, *i, *k));
    let timeline: Vec<Value> = events
            .into_iter()
            .map(|(date, i, _, e)| json!({"date": date.to_string(), "framework": v.framework_summary(i), "status": v.term(V::Statuses, &e.status.value), "note": v.tx_opt(&e.note)}))
            .collect();
    let coverage: Vec<Value> = site
        .vocabulary(V::Principles)
        .terms
        .iter()
        .map(|t| {
            let by: Vec<Value> = fws
                .iter()
                .filter(|&&i| {
                    site.frameworks[i]
                        .principles
                        .iter()
                        .any(|p| p.maps_to.iter().any(|m| m.value == t.id.value))
                })
                .map(|&i| v.framework_summary(i))
                .collect();
            json!({"principle": {"id": t.id.value, "label": v.tx(&t.label)}, "frameworks": by})
        })
        .collect();
    let inventories: Vec<Value> = site
            .inventories
            .iter()
            .filter(|i| i.jurisdiction.value == id)
            .map(|i| json!({"id": i.id.value, "url": urls::inventory(v.lang, &i.id.value, 1), "title": v.tx(&i.title), "held": i.cases.len(), "declared": i.declared_total.as_ref().map(|d| d.value)}))
            .collect();
    let row = analytics::flags_for_jurisdiction(site, id);
    let ctx = json!({
        "id": id,
        "name": v.tx(&j.name),
        "kind": j.kind.value.name(),
        "parent": j.parent.as_ref().map(|p| v.jurisdiction_link(&p.value)),
        "summary": v.tx_opt(&j.summary),
        "dedicated_body": v.tx_opt(&j.dedicated_body),
        "approaches": j.approaches.iter().map(|a| json!({"approach": v.term(V::Approaches, &a.approach.value), "from": a.from.value.to_string(), "to": a.to.as_ref().map(|d| d.value.to_string()), "summary": v.tx(&a.summary)})).collect::<Vec<_>>(),
        "frameworks": fws.iter().map(|&i| v.framework_summary(i)).collect::<Vec<_>>(),
        "timeline": timeline,
        "coverage": coverage,
        "inventories": inventories,
        "flags": (row.cases > 0).then(|| v.flag_chart(&format!("flags-{id}"), &chart_title(v, "flags_of_cases"), &row)),
        "sources": v.sources(&j.sources),
    });
    ctx
}

fn frameworks<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    let site = v.site;
    push(
        jobs,
        v,
        "frameworks.html",
        |l| urls::index(l, "frameworks"),
        Shows::NoCases,
        move || {
            let rows: Vec<Value> = (0..site.frameworks.len())
                .map(|i| v.framework_summary(i))
                .collect();
            json!({"rows": rows})
        },
    );
    for (i, fw) in site.frameworks.iter().enumerate() {
        let id = fw.id.value.as_str();
        push(
            jobs,
            v,
            "framework.html",
            |l| urls::framework(l, id),
            Shows::NoCases,
            move || framework_page(v, i),
        );
    }
}

/// The context of one framework's page.
fn framework_page(v: View, i: usize) -> Value {
    let site = v.site;
    let fw = &site.frameworks[i];
    let principles: Vec<Value> = fw
            .principles
            .iter()
            .map(|p| {
                json!({
                    "wording": v.tx(&p.wording),
                    "maps_to": p.maps_to.iter().map(|m| v.term(V::Principles, &m.value)).collect::<Vec<_>>(),
                    "provision": p.provision.as_ref().map(|r| r.value.clone()),
                })
            })
            .collect();
    let matrices: Vec<Value> = fw
            .matrices
            .iter()
            .map(|m| {
                let rows: Vec<String> = m.rows.iter().map(|r| v.plain(r)).collect();
                let columns: Vec<String> = m.columns.iter().map(|c| v.plain(c)).collect();
                let n = m.levels.len().max(2) - 1;
                let level_of = |id: &str| m.levels.iter().position(|l| l.id.value == id).unwrap_or(0);
                let shade: Vec<Vec<f64>> = m.cells.iter().map(|r| r.iter().map(|c| level_of(&c.value) as f64 / n as f64).collect()).collect();
                let cells: Vec<Vec<String>> = m.cells.iter().map(|r| r.iter().map(|c| m.levels.get(level_of(&c.value)).map(|l| v.plain(&l.label)).unwrap_or_default()).collect()).collect();
                let title = v.plain(&m.title);
                let desc = format!("{} × {}", v.plain(&m.row_axis), v.plain(&m.column_axis));
                let svg = heatmap(&Heatmap { id: &format!("matrix-{}", m.id.value), title: &title, desc: &desc, rows: &rows, columns: &columns, shade: &shade, cells: &cells });
                json!({"id": m.id.value, "title": v.tx(&m.title), "description": v.tx_opt(&m.description), "row_axis": v.tx(&m.row_axis), "column_axis": v.tx(&m.column_axis), "rows": m.rows.iter().map(|r| v.tx(r)).collect::<Vec<_>>(), "columns": m.columns.iter().map(|c| v.tx(c)).collect::<Vec<_>>(), "cells": cells, "svg": svg})
            })
            .collect();
    let tables: Vec<Value> = fw
            .tables
            .iter()
            .map(|t| json!({"id": t.id.value, "title": v.tx(&t.title), "columns": t.columns.iter().map(|c| v.tx(c)).collect::<Vec<_>>(), "rows": t.rows.iter().map(|r| r.value.iter().map(|c| v.tx(c)).collect::<Vec<_>>()).collect::<Vec<_>>()}))
            .collect();
    let ctx = json!({
        "fw": v.framework_summary(i),
        "issuer": v.tx_opt(&fw.issuer),
        "summary": v.tx_opt(&fw.summary),
        "history": fw.status_history.iter().map(|e| json!({"date": e.date.value.to_string(), "status": v.term(V::Statuses, &e.status.value), "note": v.tx_opt(&e.note)})).collect::<Vec<_>>(),
        "provisions": v.provisions(&fw.provisions),
        "principles": principles,
        "relations": v.relations(i),
        "matrices": matrices,
        "tables": tables,
        "sources": v.sources(&fw.sources),
        "cite": cite(site, v.lang, &fw.id.value, &v.plain(&fw.title), &urls::framework(v.lang, &fw.id.value), fw.status_history.last().map(|e| e.date.value)),
    });
    ctx
}

fn inventories<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    let site = v.site;
    push(
        jobs,
        v,
        "inventories.html",
        |l| urls::index(l, "inventories"),
        Shows::CaseFigures,
        move || {
            let rows: Vec<Value> = site
                .inventories
                .iter()
                .map(|i| json!({"id": i.id.value, "url": urls::inventory(v.lang, &i.id.value, 1), "title": v.tx(&i.title), "publisher": v.tx(&i.publisher), "year": i.year.as_ref().map(|y| y.value), "jurisdiction": v.jurisdiction_link(&i.jurisdiction.value), "held": i.cases.len(), "declared": i.declared_total.as_ref().map(|d| d.value), "percent": i.declared_total.as_ref().map(|d| percent(i.cases.len(), d.value as usize))}))
                .collect();
            json!({"rows": rows})
        },
    );
    for (n, inv) in site.inventories.iter().enumerate() {
        let id = inv.id.value.as_str();
        let pages = inv.cases.len().div_ceil(CASES_PER_PAGE).max(1);
        // The head (title, coverage, sources) is the same on every page of
        // the inventory's table: made once, by the first thread that needs
        // it. The figures are on the first page only, so that a flag edit
        // re-renders one page of a long inventory, not all of them.
        let head = std::sync::Arc::new(std::sync::OnceLock::new());
        for page in 1..=pages {
            let head = head.clone();
            push(
                jobs,
                v,
                "inventory.html",
                |l| urls::inventory(l, id, page),
                Shows::Inventory {
                    index: n,
                    rows: (page - 1) * CASES_PER_PAGE..(page * CASES_PER_PAGE).min(inv.cases.len()),
                    figures: page == 1,
                },
                move || {
                    let slice = inv
                        .cases
                        .iter()
                        .skip((page - 1) * CASES_PER_PAGE)
                        .take(CASES_PER_PAGE);
                    let mut ctx = head.get_or_init(|| inventory_head(v, n)).clone();
                    if page == 1 {
                        inventory_figures(v, n, &mut ctx);
                    }
                    ctx["cases"] = slice.map(|c| v.case_row(inv, c)).collect();
                    ctx["pager"] = pager(pages, page, |p| urls::inventory(v.lang, id, p));
                    ctx
                },
            );
        }
        for (k, case) in inv.cases.iter().enumerate() {
            let cid = case.id.value.as_str();
            let at = crate::model::CaseRef {
                inventory: n,
                case: k,
            };
            push(
                jobs,
                v,
                "case.html",
                |l| urls::case(l, cid),
                Shows::Case(at),
                move || case_page(v, inv, case),
            );
        }
    }
}

/// What every page of an inventory's table shows above the rows.
fn inventory_head(v: View, n: usize) -> Value {
    let site = v.site;
    let inv = &site.inventories[n];
    let id = inv.id.value.as_str();
    json!({
        "id": id,
        "title": v.tx(&inv.title),
        "publisher": v.tx(&inv.publisher),
        "year": inv.year.as_ref().map(|y| y.value),
        "jurisdiction": v.jurisdiction_link(&inv.jurisdiction.value),
        "held": inv.cases.len(),
        "declared": inv.declared_total.as_ref().map(|d| d.value),
        "percent": inv.declared_total.as_ref().map(|d| percent(inv.cases.len(), d.value as usize)),
        "description": v.tx_opt(&inv.description),
        "source_url": inv.source_url.as_ref().map(|u| u.value.trim()),
        "flag_methods": inv.flag_methods.iter().map(|m| json!({"id": m.id.value, "label": v.tx(&m.label), "description": v.tx(&m.description), "default": inv.default_flag_method.as_ref().is_some_and(|d| d.value == m.id.value)})).collect::<Vec<_>>(),
        "sources": v.sources(&inv.sources),
        "flag_headers": v.flag_headers(),
        "cite": cite(site, v.lang, id, &v.plain(&inv.title), &urls::inventory(v.lang, id, 1), inv.year.as_ref().map(|y| year_date(y.value))),
    })
}

/// Adds inventory `n`'s figures to its first page's context: the flag
/// chart (`flags`) and the cases per use class (`by_class`).
fn inventory_figures(v: View, n: usize, ctx: &mut Value) {
    let site = v.site;
    let inv = &site.inventories[n];
    let row = analytics::flags_for_inventory(site, n);
    let chart_id = format!("flags-{}", inv.id.value);
    ctx["flags"] = v.flag_chart(&chart_id, &chart_title(v, "flags_of_cases"), &row);
    ctx["by_class"] = site
        .vocabulary(V::UseClasses)
        .terms
        .iter()
        .map(|t| json!({"class": {"id": t.id.value, "label": v.tx(&t.label)}, "cases": inv.cases.iter().filter(|c| c.use_class.value == t.id.value).count()}))
        .collect();
}

/// The context of one case's page.
fn case_page(v: View, inv: &crate::schema::Inventory, case: &crate::schema::Case) -> Value {
    {
        {
            let site = v.site;
            let flags = &site.vocabulary(V::RiskFlags).terms;
            let flag_rows: Vec<Value> = flags
                .iter()
                .map(|f| {
                    let on = case.risk_flags.iter().any(|c| c.value == f.id.value);
                    let method = on
                        .then(|| Site::flag_method(inv, case, &f.id.value))
                        .flatten();
                    let method = method
                        .and_then(|m| inv.flag_methods.iter().find(|x| x.id.value == m))
                        .map(|m| obj! {"id": m.id.value.as_str(), "label": v.tx(&m.label)});
                    obj! {"id": f.id.value.as_str(), "label": v.tx(&f.label), "on": on, "method": method}
                })
                .collect();
            obj! {
                "case": v.case_row(inv, case),
                "bureau": v.tx_opt(&case.bureau),
                "description": v.tx_opt(&case.description),
                "stage": v.tx_opt(&case.stage),
                "source_url": case.source_url.as_ref().map(|u| u.value.trim()),
                "flag_rows": flag_rows,
                "jurisdiction": v.jurisdiction_link(&inv.jurisdiction.value),
                // Shown only when the case names a jurisdiction other than its inventory's.
                "case_jurisdiction": case.jurisdiction.as_ref().filter(|j| j.value != inv.jurisdiction.value).map(|j| v.jurisdiction_link(&j.value)),
                "sources": v.sources(&inv.sources),
                "overrides": case.overrides.iter().map(|o| o.value.clone()).collect::<Vec<_>>(),
                "cite": cite(site, v.lang, &case.id.value, &v.plain(&case.name), &urls::case(v.lang, &case.id.value), inv.year.as_ref().map(|y| year_date(y.value))),
            }
        }
    }
}

fn pager(pages: usize, current: usize, url: impl Fn(usize) -> String) -> Value {
    obj! {
        "pages": pages,
        "current": current,
        "prev": (current > 1).then(|| url(current - 1)),
        "next": (current < pages).then(|| url(current + 1)),
        "links": (1..=pages).map(|p| obj! {"n": p, "url": url(p), "current": p == current}).collect::<Vec<_>>(),
    }
}

fn cases<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
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
                    "rows_script": super::case_rows::path(v.lang),
                    "page": page,
                };
                ctx
            },
        );
    }
}

fn compare<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    push(
        jobs,
        v,
        "compare_principles.html",
        |l| urls::section(l, "compare/principles"),
        Shows::NoCases,
        move || compare_principles(v),
    );
    push(
        jobs,
        v,
        "compare_jurisdictions.html",
        |l| urls::section(l, "compare/jurisdictions"),
        Shows::NoCases,
        move || compare_jurisdictions(v),
    );
    push(
        jobs,
        v,
        "compare_use_classes.html",
        |l| urls::section(l, "compare/use-classes"),
        Shows::CaseFigures,
        move || class_flag_view(v, "uc-flags", &analytics::flags_by_use_class(v.site)),
    );
}

fn compare_principles(v: View) -> Value {
    let site = v.site;
    // Principles × frameworks: only frameworks that name principles.
    let matrix = analytics::principle_matrix(site);
    let fws: Vec<usize> = (0..site.frameworks.len())
        .filter(|&i| !site.frameworks[i].principles.is_empty())
        .collect();
    let coverage = analytics::principle_coverage(site);
    let rows: Vec<Value> = site
        .vocabulary(V::Principles)
        .terms
        .iter()
        .zip(&coverage)
        .map(|(t, &n)| {
            let cells: Vec<Value> = fws
                .iter()
                .map(|&i| {
                    let wordings: Vec<Value> = matrix[i].get(&t.id.value).map(|ps| ps.iter().map(|&p| v.tx(&site.frameworks[i].principles[p].wording)).collect()).unwrap_or_default();
                    json!({"wordings": wordings})
                })
                .collect();
            json!({"principle": {"id": t.id.value, "label": v.tx(&t.label), "description": v.tx_opt(&t.description)}, "count": n, "cells": cells})
        })
        .collect();
    json!({"frameworks": fws.iter().map(|&i| v.framework_summary(i)).collect::<Vec<_>>(), "rows": rows})
}

/// Jurisdictions side by side.
fn compare_jurisdictions(v: View) -> Value {
    let site = v.site;
    let cols: Vec<Value> = site
        .jurisdictions
        .iter()
        .map(|j| {
            let id = &j.id.value;
            let own: Vec<usize> = (0..site.frameworks.len()).filter(|&i| &site.frameworks[i].jurisdiction.value == id).collect();
            let latest = own.iter().flat_map(|&i| site.frameworks[i].status_history.iter().map(move |e| (e.date.value, i, e))).max_by_key(|(d, i, _)| (*d, std::cmp::Reverse(*i)));
            json!({
                "link": v.jurisdiction_link(id),
                "approach": j.approaches.last().map(|a| json!({"term": v.term(V::Approaches, &a.approach.value), "from": a.from.value.to_string()})),
                "binding": own.iter().filter(|&&i| site.frameworks[i].binding).map(|&i| v.framework_summary(i)).collect::<Vec<_>>(),
                "risk_based": own.iter().filter(|&&i| site.frameworks[i].risk_based).map(|&i| v.framework_summary(i)).collect::<Vec<_>>(),
                "dedicated_body": v.tx_opt(&j.dedicated_body),
                "latest": latest.map(|(d, i, e)| json!({"date": d.to_string(), "framework": v.framework_summary(i), "status": v.term(V::Statuses, &e.status.value)})),
                "instruments": own.len(),
            })
        })
        .collect();
    json!({"columns": cols})
}

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

fn class_flag_view(v: View, chart_id: &str, rows: &[analytics::FlagRow]) -> Value {
    let (svg, _) = flag_heatmap(v, chart_id, "use_class_by_flag", rows, |id| {
        v.term_plain(V::UseClasses, id)
    });
    json!({
        "svg": svg,
        "flag_headers": v.flag_headers(),
        "rows": rows.iter().map(|r| json!({"class": v.term(V::UseClasses, &r.id), "cases": r.cases, "counts": r.counts})).collect::<Vec<_>>(),
    })
}

fn risks<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
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

fn vocabularies<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    push(
        jobs,
        v,
        "vocabularies.html",
        |l| urls::section(l, "vocabularies"),
        Shows::NoCases,
        move || vocabularies_page(v),
    );
}

fn vocabularies_page(v: View) -> Value {
    let site = v.site;
    let vocabs: Vec<Value> = V::ALL
        .iter()
        .filter(|k| !site.vocabulary(**k).terms.is_empty())
        .map(|k| {
            let voc = site.vocabulary(*k);
            json!({
                "kind": k.name(),
                "title": voc.title.as_ref().map(|t| v.tx(t)),
                "description": v.tx_opt(&voc.description),
                "terms": voc.terms.iter().map(|t| json!({
                    "id": t.id.value, "label": v.tx(&t.label), "description": v.tx_opt(&t.description),
                    "subtypes": t.subtypes.iter().map(|s| json!({"id": s.id.value, "label": v.tx(&s.label), "description": v.tx_opt(&s.description)})).collect::<Vec<_>>(),
                    "uses": t.uses.iter().map(|u| v.tx(u)).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"vocabularies": vocabs})
}

fn markdown_pages<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    let site = v.site;
    let mut seen = std::collections::HashSet::new();
    for p in &site.pages {
        if !seen.insert(p.slug.as_str()) {
            continue;
        }
        // The page in this language, or another language's with a marker.
        let (page, fb) = match site
            .pages
            .iter()
            .find(|q| q.slug == p.slug && q.lang == v.lang)
        {
            Some(q) => (q, None),
            None => (p, Some(p.lang.clone())),
        };
        let slug = p.slug.clone();
        push(
            jobs,
            v,
            "page.html",
            |l| urls::page(l, &slug),
            Shows::NoCases,
            move || json!({"title": {"t": page.front.title.value, "fb": fb}, "body": super::text::markdown(&page.body), "fallback": fb}),
        );
    }
}
