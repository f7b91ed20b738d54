//! Which pages the site has, and what each shows. One module per page
//! kind lists its jobs; `render` adds the layout context and runs Tera.

mod case;
mod cases;
mod compare;
mod crosswalk;
mod frameworks;
mod home;
mod inventories;
mod jurisdictions;
mod markdown;
mod risks;
mod sources;
mod vocabularies;

use super::views::View;
use crate::model::Site;
use serde_json::Value;

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
    /// One case (its own page). The page also shows the names of the cases
    /// before and after it in its inventory and of its related cases;
    /// `serve` finds the pages that show an edited case that way itself
    /// (`render::related::Related::showing`).
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
    /// Figures over every inventory (home, indexes, risks, comparisons).
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
        home::home(v, &mut jobs);
        jurisdictions::jurisdictions(v, &mut jobs);
        frameworks::frameworks(v, &mut jobs);
        inventories::inventories(v, &mut jobs);
        cases::cases(v, &mut jobs);
        compare::compare(v, &mut jobs);
        risks::risks(v, &mut jobs);
        vocabularies::vocabularies(v, &mut jobs);
        sources::sources(v, &mut jobs);
        markdown::markdown_pages(v, &mut jobs);
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

fn year_date(year: u16) -> crate::schema::PartialDate {
    crate::schema::PartialDate {
        year,
        month: None,
        day: None,
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
