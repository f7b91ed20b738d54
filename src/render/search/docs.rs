//! The documents of the search index, in their fixed order: jurisdictions,
//! frameworks each followed by its provisions, inventories each followed by
//! its cases, pages. A case is found by its name in every language, its
//! bureau and description, and through the labels (in every language, and
//! their aliases) of what it carries: agency, use class and sub-type,
//! techniques, risk flags and the methods that set them. Those are written
//! once per site (`labels`), and the case holds one key per value
//! (`#f:personal_data`), never the label's words.

use super::tokens::tokens;
use crate::model::Site;
use crate::render::facets;
use crate::render::urls;
use crate::render::views::View;
use crate::schema::{Case, Inventory, Provision, Text};
use std::collections::BTreeSet;

/// One search document: a page the index points to and the text it is found by.
pub(crate) struct Doc {
    /// The page; for a case, its lower-cased id (the index's `case_url`
    /// leads there), so thousands of cases do not repeat the path.
    url: String,
    title: String,
    kind: &'static str,
    excerpt: String,
    /// The record's names in the site's other languages: found as a title,
    /// never shown.
    also: String,
    body: String,
    /// Keys of the labelled values the record carries (`#f:personal_data`).
    keys: Vec<String>,
}

impl Doc {
    /// The document's entry in the index's `docs` list.
    pub(crate) fn row(&self) -> (&str, &str, &str, &str) {
        (&self.url, &self.title, self.kind, &self.excerpt)
    }

    /// Whether the document is a case.
    pub(crate) fn is_case(&self) -> bool {
        self.kind == "case"
    }

    /// Hands every token of the document to `f` with its field bit (1: title,
    /// 2: body), in order, with repeats; a labelled value's key counts as body.
    pub(crate) fn each_token(&self, mut f: impl FnMut(String, u32)) {
        for (field, text) in [(1u32, &self.title), (1, &self.also), (2, &self.body)] {
            for t in tokens(text) {
                // Words in nearly every English text are left out of
                // bodies (a tenth of the index); titles keep them.
                if field == 2 && super::tokens::STOP_WORDS.contains(&t.as_str()) {
                    continue;
                }
                f(t, field);
            }
        }
        for k in &self.keys {
            f(k.clone(), 2);
        }
    }

    /// Drops the text the index does not show (once its tokens are taken).
    pub(crate) fn drop_text(&mut self) {
        self.also = String::new();
        self.body = String::new();
        self.keys = Vec::new();
    }
}

/// The keys of what a case carries (see the module comment).
pub(crate) fn case_keys(site: &Site, inv: &Inventory, c: &Case) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(a) = facets::text_key(site, &c.agency) {
        keys.push(format!("#a:{a}"));
    }
    keys.push(format!("#u:{}", c.use_class.value));
    if let Some(s) = facets::subtype_key(c) {
        keys.push(format!("#u:{s}"));
    }
    keys.extend(c.techniques.iter().map(|t| format!("#t:{}", t.value)));
    for f in &c.risk_flags {
        keys.push(format!("#f:{}", f.value));
        if let Some(m) = Site::flag_method(inv, c, &f.value) {
            keys.push(format!("#m:{}/{m}", inv.id.value));
        }
    }
    keys
}

/// The search document of one case of `inv`.
pub(crate) fn case_doc(v: View, inv: &Inventory, c: &Case) -> Doc {
    let title = v.plain(&c.name);
    let also: BTreeSet<&str> = v
        .site
        .languages
        .iter()
        .filter_map(|l| c.name.get(l))
        .filter(|n| *n != title)
        .collect();
    Doc {
        url: crate::validate::slug(&c.id.value),
        excerpt: excerpt(&v.plain(&c.agency)),
        title,
        kind: "case",
        also: also.into_iter().collect::<Vec<_>>().join(" "),
        // The problem a case addresses and its description, not its
        // benefits and outputs: those would put the index over its budget
        // (docs/reader-features.md); the explorer's text filter reads them.
        body: join(&[
            opt(v, &c.bureau),
            opt(v, &c.purpose),
            opt(v, &c.description),
        ]),
        keys: case_keys(v.site, inv, c),
    }
}

fn excerpt(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut it = s.chars();
    let head: String = it.by_ref().take(100).collect();
    if it.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

fn join(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

fn opt(v: View, t: &Option<Text>) -> String {
    t.as_ref().map(|t| v.plain(t)).unwrap_or_default()
}

/// A document found by its title and body only.
fn plain_doc(
    url: String,
    title: String,
    kind: &'static str,
    excerpt_of: &str,
    body: String,
) -> Doc {
    Doc {
        url,
        title,
        kind,
        excerpt: excerpt(excerpt_of),
        also: String::new(),
        body,
        keys: Vec::new(),
    }
}

fn provision_docs(v: View, fw_url: &str, fw_name: &str, list: &[Provision], docs: &mut Vec<Doc>) {
    for p in list {
        let label = v.plain(&p.label);
        let title = match &p.title {
            Some(t) => format!("{fw_name} · {label} {}", v.plain(t)),
            None => format!("{fw_name} · {label}"),
        };
        let summary = opt(v, &p.summary);
        let body = join(&[summary.clone(), opt(v, &p.explanation)]);
        docs.push(plain_doc(
            format!("{fw_url}#{}", p.id.value),
            title,
            "provision",
            &summary,
            body,
        ));
        provision_docs(v, fw_url, fw_name, &p.provisions, docs);
    }
}

/// Every document of the index in its fixed order: jurisdictions,
/// frameworks each followed by its provisions, inventories each followed by
/// its cases, pages.
pub(crate) fn documents(v: View) -> Vec<Doc> {
    let site = v.site;
    let mut docs = Vec::new();
    for j in &site.jurisdictions {
        let mut body = vec![opt(v, &j.summary), opt(v, &j.dedicated_body)];
        body.extend(j.approaches.iter().map(|a| v.plain(&a.summary)));
        docs.push(plain_doc(
            urls::jurisdiction(v.lang, &j.id.value),
            v.plain(&j.name),
            "jurisdiction",
            &opt(v, &j.summary),
            join(&body),
        ));
    }
    for fw in &site.frameworks {
        let url = urls::framework(v.lang, &fw.id.value);
        let summary = opt(v, &fw.summary);
        let short = opt(v, &fw.short_title);
        let body = join(&[
            short.clone(),
            summary.clone(),
            opt(v, &fw.issuer),
            fw.id.value.clone(),
        ]);
        docs.push(plain_doc(
            url.clone(),
            v.plain(&fw.title),
            "framework",
            &summary,
            body,
        ));
        let name = if short.is_empty() {
            v.plain(&fw.title)
        } else {
            short
        };
        provision_docs(v, &url, &name, &fw.provisions, &mut docs);
    }
    for inv in &site.inventories {
        let publisher = v.plain(&inv.publisher);
        let body = join(&[publisher.clone(), opt(v, &inv.description)]);
        docs.push(plain_doc(
            urls::inventory(v.lang, &inv.id.value, 1),
            v.plain(&inv.title),
            "inventory",
            &publisher,
            body,
        ));
        for c in &inv.cases {
            docs.push(case_doc(v, inv, c));
        }
    }
    let mut seen = BTreeSet::new();
    for p in &site.pages {
        if !seen.insert(p.slug.clone()) {
            continue;
        }
        let own = site
            .pages
            .iter()
            .find(|q| q.slug == p.slug && q.lang == v.lang)
            .unwrap_or(p);
        docs.push(plain_doc(
            urls::page(v.lang, &p.slug),
            own.front.title.value.clone(),
            "page",
            &own.body,
            own.body.clone(),
        ));
    }
    docs
}
