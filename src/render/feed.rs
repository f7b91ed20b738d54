//! What changed: every framework's dated status events, newest first, as
//! an Atom feed per language (`<lang>/feed.xml`) and a "what changed" page
//! (`<lang>/changes.html`). Built only from content dates: deterministic.
//! Atom requires absolute ids and links, so the feeds are written only when
//! the site has a public address; the page is always there.

use super::pages::{Jobs, Shows};
use super::views::View;
use super::{i18n, urls, RenderedFile};
use crate::model::Site;
use crate::schema::{PartialDate, VocabularyKind as V};
use serde_json::{json, Value};

/// One status event: (date, framework index, event index), newest first;
/// ties by framework id then event order, so the order never varies.
pub fn events(site: &Site) -> Vec<(PartialDate, usize, usize)> {
    let mut ev: Vec<(PartialDate, usize, usize)> = site
        .frameworks
        .iter()
        .enumerate()
        .flat_map(|(i, f)| {
            f.status_history
                .iter()
                .enumerate()
                .map(move |(k, e)| (e.date.value, i, k))
        })
        .collect();
    ev.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
    ev
}

/// Path of the feed in `lang`.
pub fn feed_path(lang: &str) -> String {
    format!("{lang}/feed.xml")
}

/// Path of the feed in `lang`, if the site has one (it has a public address).
pub fn feed_if_any(site: &Site, lang: &str) -> Option<String> {
    site.address.public().map(|_| feed_path(lang))
}

/// RFC 3339 timestamp of the first day a partial date covers.
pub fn rfc3339(d: PartialDate) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        d.year,
        d.month.unwrap_or(1),
        d.day.unwrap_or(1)
    )
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The "what changed" page job for `v.lang`.
pub fn changes_page<'a>(v: View<'a>, jobs: &mut Jobs<'a>) {
    super::pages::push(
        jobs,
        v,
        "changes.html",
        |l| urls::section(l, "changes"),
        Shows::NoCases,
        move || {
            let site = v.site;
            let rows: Vec<Value> = events(site)
                .into_iter()
                .map(|(date, i, k)| {
                    let e = &site.frameworks[i].status_history[k];
                    json!({
                        "date": date.to_string(),
                        "framework": v.framework_summary(i),
                        "anchor": format!("status-{k}"),
                        "status": v.term(V::Statuses, &e.status.value),
                        "note": v.tx_opt(&e.note),
                    })
                })
                .collect();
            json!({"events": rows, "feed": feed_if_any(site, v.lang)})
        },
    );
}

/// The Atom feed of every language; none without a public address.
pub fn feeds(site: &Site) -> Vec<RenderedFile> {
    let Some(base) = site.address.public() else {
        return Vec::new();
    };
    let absolute = |path: &str| format!("{base}{path}");
    let ev = events(site);
    let mut updated = ev.iter().map(|e| e.0).max();
    if let Some(d) = site.config.data_date.as_ref().map(|d| d.value) {
        updated = Some(updated.map_or(d, |u| u.max(d)));
    }
    let updated = updated.map_or_else(|| "1970-01-01T00:00:00Z".to_string(), rfc3339);
    site.languages
        .iter()
        .map(|lang| {
            let v = View { site, lang };
            let title = v.plain(&site.config.title);
            let author = site
                .config
                .author
                .as_ref()
                .map_or_else(|| title.clone(), |a| v.plain(a));
            let self_url = absolute(&feed_path(lang));
            let mut x = format!(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n<title>{} — {}</title>\n<id>{}</id>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{updated}</updated>\n<author><name>{}</name></author>\n",
                esc(&title),
                esc(&i18n::get(lang, "changes")),
                esc(&self_url),
                esc(&self_url),
                esc(&absolute(&urls::section(lang, "changes"))),
                esc(&author),
            );
            for (date, i, k) in &ev {
                let fw = &site.frameworks[*i];
                let e = &fw.status_history[*k];
                let url = format!(
                    "{}#status-{k}",
                    absolute(&urls::framework(lang, &fw.id.value))
                );
                let status = v.term_plain(V::Statuses, &e.status.value);
                let fw_title = v.plain(&fw.title);
                let juris = site
                    .jurisdiction(&fw.jurisdiction.value)
                    .map(|j| v.plain(&site.jurisdictions[j].name))
                    .unwrap_or_default();
                let note = e.note.as_ref().map(|n| v.plain(n));
                let summary = match note {
                    Some(n) => format!("{juris} · {date} · {status} — {n}"),
                    None => format!("{juris} · {date} · {status}"),
                };
                x.push_str(&format!(
                    "<entry>\n<title>{}</title>\n<id>{}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{}</updated>\n<summary>{}</summary>\n</entry>\n",
                    esc(&format!("{fw_title} — {status}")),
                    esc(&url),
                    esc(&url),
                    rfc3339(*date),
                    esc(&summary),
                ));
            }
            x.push_str("</feed>\n");
            (feed_path(lang), x.into_bytes())
        })
        .collect()
}
