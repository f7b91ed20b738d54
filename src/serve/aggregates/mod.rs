//! The data files made from every case — the search indexes
//! (`search/<lang>.js`), the explorer's rows and descriptions
//! (`data/case-rows.<lang>.js`, `data/case-text.<lang>.js`),
//! `data/cases.json`, `data/cases.csv` and `data/inventories.json` — kept as
//! one fragment per record, so that `govatlas serve` patches an edited case
//! in without rebuilding the rest.
//!
//! The fragments are made by the same functions as a full build
//! (`search::case_doc`, `case_rows::Coder`, `data::case_json_item`,
//! `data::csv::line`) and the fixed parts around them are cut out of what
//! those generators write with no record, so the files are the bytes a full
//! build writes. A one-off build does not use this module: it streams each
//! file and keeps nothing.
//!
//! The agencies and stages are the one thing an edit to a case can change
//! for every other: their lists (the explorer's codes, the search labels)
//! are read from every case. They are made again only when an edited case's
//! agency or stage text changed, and a file whose list changed is re-made
//! whole.

mod parts;
mod search_index;

use crate::model::{CaseRef, Site};
use crate::render::case_rows::{self, Coder};
use crate::render::data::{self, csv};
use crate::render::search::{labels, AgencyNames};
use crate::render::views::View;
use crate::render::RenderedFile;
use crate::schema::Case;
use parts::{Fixed, Joined, Part};
use rayon::prelude::*;
use search_index::SearchIndex;
use std::hash::{Hash, Hasher};

/// The data files made from every case, kept as per-record fragments so an
/// edited case is patched in without rebuilding the rest (for `serve`; a
/// one-off build streams them instead and keeps nothing).
pub struct CaseAggregates {
    /// Flat index (in `site.cases()` order) of each inventory's first case.
    starts: Vec<usize>,
    /// Each case's agency and stage, as a fingerprint: an edit that keeps
    /// them cannot change the lists made from every case.
    free_text: Vec<u64>,
    /// One search index per language, in `site.languages` order.
    search: Vec<SearchIndex>,
    /// Per language: the explorer's codes, its rows, its descriptions.
    coders: Vec<Coder>,
    rows: Vec<Joined>,
    texts: Vec<Joined>,
    /// `data/cases.json`.
    cases_json: Joined,
    /// `data/cases.csv`.
    cases_csv: Joined,
    /// `data/inventories.json`.
    inventories: Fixed,
}

/// A data file that the last [`CaseAggregates::update`] changed, and where.
pub struct ChangedFile<'a> {
    part: &'a (dyn Part + Sync),
    /// Every byte before this one is as it was before the update.
    pub from: usize,
}

impl ChangedFile<'_> {
    /// Path of the file in the output.
    pub fn path(&self) -> &str {
        self.part.path()
    }

    /// Its length now.
    pub fn len(&self) -> usize {
        self.part.len()
    }

    /// Whether it is now empty.
    pub fn is_empty(&self) -> bool {
        self.part.len() == 0
    }

    /// Writes its bytes from byte `at` to the end into `w`, piece by piece
    /// (the file is never joined in memory).
    pub fn write_from(&self, at: usize, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        let (mut pos, mut result) = (0usize, Ok(()));
        self.part.pieces(&mut |bytes, _| {
            let end = pos + bytes.len();
            if end > at && result.is_ok() {
                result = w.write_all(&bytes[at.saturating_sub(pos)..]);
            }
            pos = end;
        });
        result
    }
}

/// The fingerprint of a case's agency and stage texts.
fn free_text(c: &Case) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for t in [Some(&c.agency), c.stage.as_ref()] {
        for e in t.map(|t| t.entries.as_slice()).unwrap_or_default() {
            (&e.lang.value, &e.value).hash(&mut h);
        }
        0xffu8.hash(&mut h);
    }
    h.finish()
}

/// A language's rows script, made whole.
fn rows_file(site: &Site, coder: &Coder, lang: &str) -> Joined {
    let (head, tail) = coder.frame(site);
    let items = site
        .cases()
        .map(|(i, c)| {
            let mut out = Vec::new();
            coder.write_row(site, &mut out, i, c);
            out
        })
        .collect();
    Joined::new(case_rows::path(lang), head, b",", items, tail)
}

impl CaseAggregates {
    /// Builds every fragment (in parallel where it helps).
    pub fn new(site: &Site) -> CaseAggregates {
        let mut starts = Vec::with_capacity(site.inventories.len());
        let mut n = 0;
        for inv in &site.inventories {
            starts.push(n);
            n += inv.cases.len();
        }
        let cases: Vec<(usize, &Case)> = site.cases().collect();
        let agencies = AgencyNames::new(site);
        let search = || {
            site.languages
                .par_iter()
                .map(|lang| SearchIndex::new(site, lang, &labels(site, lang, &agencies)))
                .collect()
        };
        let explorer = || {
            site.languages
                .par_iter()
                .map(|lang| {
                    let coder = Coder::new(site, lang);
                    let rows = rows_file(site, &coder, lang);
                    let (head, tail) = case_rows::text_frame(lang);
                    let items = cases
                        .iter()
                        .map(|&(_, c)| {
                            let mut out = Vec::new();
                            coder.write_text(&mut out, c);
                            out
                        })
                        .collect();
                    let text = Joined::new(case_rows::text_path(lang), head, b",", items, tail);
                    (coder, rows, text)
                })
                .collect::<Vec<_>>()
        };
        let json = || {
            let mut j = Joined::new(
                "data/cases.json".into(),
                b"[\n".to_vec(),
                b",\n",
                cases
                    .par_iter()
                    .map(|&(i, c)| data::case_json_item(site, i, c))
                    .collect(),
                b"\n]\n".to_vec(),
            );
            j.empty = Some(b"[]\n".to_vec());
            j
        };
        let table = || {
            let cols = csv::columns(site);
            Joined::new(
                "data/cases.csv".into(),
                csv::header(&cols),
                b"",
                cases
                    .par_iter()
                    .map(|&(i, c)| csv::line(site, &cols, i, c))
                    .collect(),
                Vec::new(),
            )
        };
        let (search, (explorer, (cases_json, cases_csv))) = rayon::join(search, || {
            rayon::join(explorer, || rayon::join(json, table))
        });
        let (mut coders, mut rows, mut texts) = (Vec::new(), Vec::new(), Vec::new());
        for (c, r, t) in explorer {
            coders.push(c);
            rows.push(r);
            texts.push(t);
        }
        CaseAggregates {
            starts,
            free_text: cases.iter().map(|(_, c)| free_text(c)).collect(),
            search,
            coders,
            rows,
            texts,
            cases_json,
            cases_csv,
            inventories: Fixed {
                path: "data/inventories.json".into(),
                bytes: data::inventories_json(site),
                changed: false,
            },
        }
    }

    /// `site` has been patched in place: the cases at `changed` have new
    /// field values; no case was added, removed or moved, and nothing else in
    /// the site changed. Re-makes only what those cases contribute.
    ///
    /// Panics if a `CaseRef` points past the cases the aggregates were made from.
    pub fn update(&mut self, site: &Site, changed: &[CaseRef]) {
        let mut at: Vec<(usize, CaseRef)> = changed
            .iter()
            .map(|r| {
                assert!(
                    r.inventory < self.starts.len()
                        && r.case < site.inventories[r.inventory].cases.len(),
                    "no case at {r:?}"
                );
                (self.starts[r.inventory] + r.case, *r)
            })
            .collect();
        at.sort_unstable_by_key(|(n, _)| *n);
        at.dedup_by_key(|(n, _)| *n);
        self.search.iter_mut().for_each(SearchIndex::clean);
        for j in self.joined_mut() {
            j.clean();
        }
        self.inventories.changed = false;
        if at.is_empty() {
            return;
        }
        let case = |r: &CaseRef| &site.inventories[r.inventory].cases[r.case];
        // Did an agency or a stage change? Then the lists made from every
        // case are made again.
        let mut lists_changed = false;
        for (n, r) in &at {
            let f = free_text(case(r));
            lists_changed |= f != self.free_text[*n];
            self.free_text[*n] = f;
        }
        let at = &at;
        let agencies = lists_changed.then(|| AgencyNames::new(site));
        let (search, explorer) = (
            &mut self.search,
            (&mut self.coders, &mut self.rows, &mut self.texts),
        );
        let (cases_json, cases_csv) = (&mut self.cases_json, &mut self.cases_csv);
        rayon::join(
            || {
                search
                    .par_iter_mut()
                    .zip(&site.languages)
                    .for_each(|(s, lang)| {
                        if let Some(agencies) = &agencies {
                            s.set_labels(lang, &labels(site, lang, agencies));
                        }
                        let v = View { site, lang };
                        for (n, r) in at {
                            s.update_case(v, *n, &site.inventories[r.inventory], case(r));
                        }
                    })
            },
            || {
                let (coders, rows, texts) = explorer;
                for (((coder, rows), texts), lang) in
                    coders.iter_mut().zip(rows).zip(texts).zip(&site.languages)
                {
                    if lists_changed {
                        let new = Coder::new(site, lang);
                        if !new.same_codes(coder) {
                            let whole = rows_file(site, &new, lang);
                            rows.replace_all(whole.head, whole.items, whole.tail);
                        }
                        *coder = new;
                    }
                    for (n, r) in at {
                        let mut row = Vec::new();
                        coder.write_row(site, &mut row, r.inventory, case(r));
                        rows.put(*n, row);
                        let mut text = Vec::new();
                        coder.write_text(&mut text, case(r));
                        texts.put(*n, text);
                    }
                }
                let cols = csv::columns(site);
                for (n, r) in at {
                    cases_json.put(*n, data::case_json_item(site, r.inventory, case(r)));
                    cases_csv.put(*n, csv::line(site, &cols, r.inventory, case(r)));
                }
            },
        );
        // It counts cases, which an edit leaves as they were; remade anyway
        // (it is small) so that it can never go stale.
        self.inventories.set(data::inventories_json(site));
    }

    /// The files the last [`update`](Self::update) changed, each with the
    /// first byte that may differ: `serve` rewrites only from there on (an
    /// edit to one case changes a few places in ~40 MB of data files at 10k
    /// cases).
    pub fn changed_files(&self) -> Vec<ChangedFile<'_>> {
        self.parts()
            .into_iter()
            .filter_map(|part| {
                let mut pos = 0;
                let mut from = None;
                part.pieces(&mut |bytes, changed| {
                    if changed && from.is_none() {
                        from = Some(pos);
                    }
                    pos += bytes.len();
                });
                Some(ChangedFile { part, from: from? })
            })
            .collect()
    }

    /// The files, byte-identical to what a full build writes for the same
    /// site: (path, bytes). Search indexes first, then per language the
    /// rows and the descriptions, then `data/cases.json`, `data/cases.csv`,
    /// `data/inventories.json`.
    pub fn files(&self) -> Vec<RenderedFile> {
        self.parts()
            .par_iter()
            .map(|p| {
                let mut out = Vec::with_capacity(p.len());
                p.write(&mut out);
                debug_assert_eq!(out.len(), p.len());
                (p.path().to_string(), out)
            })
            .collect()
    }

    /// The same files as [`files`](Self::files), in the same order, each
    /// handed to `put` in turn from one reused buffer (no file is kept).
    pub fn write_to(&self, put: &mut dyn FnMut(&str, &[u8])) {
        let parts = self.parts();
        let mut out = Vec::with_capacity(parts.iter().map(|p| p.len()).max().unwrap_or(0));
        for p in parts {
            out.clear();
            p.write(&mut out);
            put(p.path(), &out);
        }
    }

    /// Total size of the files in bytes.
    pub fn total_bytes(&self) -> usize {
        self.parts().iter().map(|p| p.len()).sum()
    }

    fn joined_mut(&mut self) -> impl Iterator<Item = &mut Joined> {
        self.rows
            .iter_mut()
            .chain(self.texts.iter_mut())
            .chain([&mut self.cases_json, &mut self.cases_csv])
    }

    fn parts(&self) -> Vec<&(dyn Part + Sync)> {
        let mut parts: Vec<&(dyn Part + Sync)> = Vec::new();
        parts.extend(self.search.iter().map(|s| s as &(dyn Part + Sync)));
        for (r, t) in self.rows.iter().zip(&self.texts) {
            parts.push(r);
            parts.push(t);
        }
        parts.push(&self.cases_json);
        parts.push(&self.cases_csv);
        parts.push(&self.inventories);
        parts
    }
}
