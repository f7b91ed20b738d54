//! Every output path claimed before anything is rendered, so that `check`
//! catches what would make `build` write two files to one path.
//!
//! The paths come from the functions render uses (`render::urls`, the
//! paging of `render::pages`, `brief::site_path`), so a change of the URL
//! scheme changes the claims with it. Paths are compared without case:
//! `Index.html` and `index.html` are one file on Windows and macOS.
//!
//! Two kinds of claim:
//! - what the site has now: the index pages, each page of the list of all
//!   cases and of each inventory's list, each record's page and briefing;
//!   a record whose page is already claimed is reported at its id;
//! - what paging would make later: a case id `page-7` is page 7 of the
//!   list of all cases once the site has 1,201 cases, and an inventory id
//!   `x-p3` is page 3 of inventory `x`'s list once `x` has 401. Each run
//!   of digits in an id is tried as such a page number, so these ids are
//!   refused before the lists grow into them.

use super::{Checker, Kind};
use crate::brief::{site_path, Subject};
use crate::diagnostics::FileId;
use crate::render::pages::CASES_PER_PAGE;
use crate::render::urls;
use crate::schema::{Framework, Inventory, Jurisdiction, Ref};
use std::collections::HashMap;

/// The language segment of the paths shown in messages: every language
/// has the same pages, so one stands for all.
const LANG: &str = "{lang}";

/// Who claimed a path.
struct Owner {
    /// `the page of case \`x\``, `page 2 of the list of all cases`.
    what: String,
    /// A record's own page (not an index or a page of a list), by kind:
    /// two of one kind are reported by the id checks already.
    record: Option<Kind>,
    /// Where its id is written, for the help line.
    at: Option<(FileId, u64)>,
}

/// Output paths claimed so far, by their lower-case form.
#[derive(Default)]
struct Claims(HashMap<String, Owner>);

impl Claims {
    /// Claims a page of the site itself (no record to blame).
    fn site(&mut self, path: String, what: String) {
        self.0.entry(path.to_lowercase()).or_insert(Owner {
            what,
            record: None,
            at: None,
        });
    }

    /// The owner of `path`, if claimed.
    fn get(&self, path: &str) -> Option<&Owner> {
        self.0.get(&path.to_lowercase())
    }
}

/// The site's records, as validation holds them.
pub(super) struct Records<'a> {
    pub jurisdictions: &'a [(FileId, Jurisdiction)],
    pub frameworks: &'a [(FileId, Framework)],
    pub inventories: &'a [(FileId, Inventory)],
}

/// Claims every page and briefing path of the site and reports each
/// record whose path is already taken.
pub(super) fn claim(cx: &mut Checker, records: &Records) {
    let mut claims = Claims::default();
    for kind in ["jurisdictions", "frameworks", "inventories"] {
        claims.site(urls::index(LANG, kind), format!("the index of {kind}"));
    }
    let cases: usize = records.inventories.iter().map(|(_, i)| i.cases.len()).sum();
    for page in 1..=pages(cases) {
        claims.site(urls::case_table(LANG, page), case_table_page(page));
    }
    for (_, inv) in records.inventories {
        for page in 2..=pages(inv.cases.len()) {
            let path = urls::inventory(LANG, &inv.id.value, page);
            claims.site(path, inventory_page(&inv.id.value, page));
        }
    }
    let top = |file: FileId, id: &Ref, kind: Kind| Claim {
        file,
        id: id.clone(),
        kind,
        field: "id".into(),
    };
    for (file, j) in records.jurisdictions {
        let c = top(*file, &j.id, Kind::Jurisdiction);
        c.take(cx, &mut claims, urls::jurisdiction(LANG, &j.id.value));
        let brief = site_path(LANG, &Subject::Jurisdiction(j.id.value.clone()));
        c.take(cx, &mut claims, brief);
    }
    for (file, f) in records.frameworks {
        let c = top(*file, &f.id, Kind::Framework);
        c.take(cx, &mut claims, urls::framework(LANG, &f.id.value));
    }
    for (file, inv) in records.inventories {
        let c = top(*file, &inv.id, Kind::Inventory);
        let own = urls::inventory(LANG, &inv.id.value, 1);
        if !c.take(cx, &mut claims, own.clone()) {
            // Page n of another inventory's list, once that list is long.
            let later = records.inventories.iter().find_map(|(_, other)| {
                page_numbers(&inv.id.value)
                    .filter(|&n| n >= 2)
                    .find(|&n| same(&urls::inventory(LANG, &other.id.value, n), &own))
                    .map(|n| inventory_page(&other.id.value, n))
            });
            if let Some(what) = later {
                c.report(cx, &own, &what, Later);
            }
        }
        let brief = site_path(LANG, &Subject::Inventory(inv.id.value.clone()));
        c.take(cx, &mut claims, brief);
        for (i, case) in inv.cases.iter().enumerate() {
            let c = Claim {
                file: *file,
                id: case.id.clone(),
                kind: Kind::Case,
                field: format!("cases[{i}].id"),
            };
            let own = urls::case(LANG, &case.id.value);
            if c.take(cx, &mut claims, own.clone()) {
                continue;
            }
            let later =
                page_numbers(&case.id.value).find(|&n| same(&urls::case_table(LANG, n), &own));
            if let Some(n) = later {
                c.report(cx, &own, &case_table_page(n), Later);
            }
        }
    }
}

/// A record claiming paths: its id, and where that is written.
struct Claim {
    file: FileId,
    id: Ref,
    kind: Kind,
    field: String,
}

/// Marks a collision with a page the site does not have yet.
struct Later;

/// Where the other claimant of a path is, for the help line.
enum Other {
    /// A record's id, at this file and line.
    At(FileId, u64),
    /// A page of the site itself.
    Site,
    /// A page of a list, once the list grows that long.
    Later,
}

impl From<Later> for Other {
    fn from(_: Later) -> Other {
        Other::Later
    }
}

impl Claim {
    /// Claims `path`; reports it when taken. True when taken.
    fn take(&self, cx: &mut Checker, claims: &mut Claims, path: String) -> bool {
        match claims.get(&path) {
            // Two records of one kind: the id checks report that already
            // (duplicate ids, or ids differing only in case).
            Some(owner) if owner.record == Some(self.kind) => true,
            Some(owner) => {
                let other = match owner.at {
                    Some((f, line)) => Other::At(f, line),
                    None => Other::Site,
                };
                let what = owner.what.clone();
                self.report(cx, &path, &what, other);
                true
            }
            None => {
                let owner = Owner {
                    what: format!("the page of {} `{}`", self.kind.noun(), self.id.value),
                    record: Some(self.kind),
                    at: Some((self.file, self.id.referenced.line())),
                };
                claims.0.insert(path.to_lowercase(), owner);
                false
            }
        }
    }

    /// Reports that this record's page `path` is also `what`.
    fn report(&self, cx: &mut Checker, path: &str, what: &str, other: impl Into<Other>) {
        let noun = self.kind.noun();
        let help = match other.into() {
            Other::At(f, line) => {
                format!(
                    "that one is at {}:{line}; rename one of them",
                    cx.map.path(f)
                )
            }
            Other::Site => format!("the site makes that page itself; rename the {noun}"),
            Other::Later => {
                format!("the site makes that page once the list is that long; rename the {noun}")
            }
        };
        cx.error_at(
            self.file,
            &self.id,
            "output-collision",
            Some(self.field.clone()),
            format!(
                "{noun} id `{}` gives the page {path}, which is also {what}",
                self.id.value
            ),
        )
        .help(help);
    }
}

/// Pages of a list of `n` cases (one at least, as render makes).
fn pages(n: usize) -> usize {
    n.div_ceil(CASES_PER_PAGE).max(1)
}

fn case_table_page(page: usize) -> String {
    if page == 1 {
        "the list of all cases".into()
    } else {
        format!("page {page} of the list of all cases")
    }
}

fn inventory_page(id: &str, page: usize) -> String {
    format!("page {page} of inventory `{id}`'s list of cases")
}

/// 1, then each run of digits in `id`: the page numbers a paged path
/// could give it.
fn page_numbers(id: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(1).chain(
        id.split(|c: char| !c.is_ascii_digit())
            .filter(|run| !run.is_empty() && run.len() < 10)
            .filter_map(|run| run.parse().ok()),
    )
}

fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}
