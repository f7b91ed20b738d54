//! The numbered source list of a briefing: each bibliography entry or
//! published URL gets a number the first time it is cited, and the list at
//! the end gives them in that order.

use crate::model::Site;
use crate::render::views::View;
use crate::schema::Ref;
use serde_json::{json, Value};
use std::collections::HashMap;

/// Numbered citations in the order they are first cited.
pub(super) struct Cites<'a> {
    site: &'a Site,
    order: Vec<Entry>,
    by_source: HashMap<usize, usize>,
}

/// A numbered entry: a bibliography entry, or a record's own published URL.
pub(super) enum Entry {
    Source(usize),
    Link {
        title: Value,
        url: String,
        publisher: Option<Value>,
        year: Option<u16>,
    },
}

impl<'a> Cites<'a> {
    pub(super) fn new(site: &'a Site) -> Self {
        Cites {
            site,
            order: Vec::new(),
            by_source: HashMap::new(),
        }
    }

    /// Numbers for `refs`, adding those not yet cited.
    pub(super) fn cite(&mut self, refs: &[Ref]) -> Vec<usize> {
        let mut out = Vec::new();
        for r in refs {
            let Some(i) = self.site.source(&r.value) else {
                continue;
            };
            let n = *self.by_source.entry(i).or_insert_with(|| {
                self.order.push(Entry::Source(i));
                self.order.len()
            });
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }

    pub(super) fn link(&mut self, entry: Entry) -> usize {
        self.order.push(entry);
        self.order.len()
    }

    pub(super) fn list(&self, v: View) -> Value {
        self.order
            .iter()
            .enumerate()
            .map(|(n, e)| match e {
                Entry::Source(i) => {
                    let s = &v.site.sources[*i];
                    json!({
                        "n": n + 1,
                        "title": v.tx(&s.title),
                        "url": s.url.as_ref().map(|u| u.value.trim()),
                        "publisher": v.tx_opt(&s.publisher),
                        "published": s.published.as_ref().map(|d| d.value.to_string()),
                        "accessed": s.accessed.as_ref().map(|d| d.value.to_string()),
                    })
                }
                Entry::Link {
                    title,
                    url,
                    publisher,
                    year,
                } => json!({
                    "n": n + 1,
                    "title": title,
                    "url": url,
                    "publisher": publisher,
                    "published": year.map(|y| y.to_string()),
                    "accessed": null,
                }),
            })
            .collect()
    }
}
