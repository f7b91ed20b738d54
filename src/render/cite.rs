//! "Cite this": a plain-text reference and a BibTeX entry for a record's
//! page, with its stable absolute URL (`base_url` + the page's path) and the
//! content's own date (`data_date`, or the record's latest date). Never the
//! wall clock, so the same content gives the same citation.

use crate::model::Site;
use crate::schema::PartialDate;
use serde_json::{json, Value};

/// `base_url` joined with an output path (`en/frameworks/x.html`).
pub fn absolute(site: &Site, path: &str) -> String {
    let base = site.config.base_url.value.trim();
    if base.ends_with('/') {
        format!("{base}{path}")
    } else {
        format!("{base}/{path}")
    }
}

/// The date a citation gives: the site's `data_date`, else `record_date`.
pub fn content_date(site: &Site, record_date: Option<PartialDate>) -> Option<PartialDate> {
    site.config
        .data_date
        .as_ref()
        .map(|d| d.value)
        .or(record_date)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Escapes text for a BibTeX field in braces.
pub fn bibtex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The citation of one page: `{"url", "date", "text", "bibtex"}`.
pub fn cite(
    site: &Site,
    lang: &str,
    key: &str,
    title: &str,
    path: &str,
    record_date: Option<PartialDate>,
) -> Value {
    let url = absolute(site, path);
    let site_title = site.config.title.resolve(lang).0.to_string();
    let author = site
        .config
        .author
        .as_ref()
        .map(|a| a.resolve(lang).0.to_string())
        .unwrap_or_else(|| site_title.clone());
    let date = content_date(site, record_date);
    let zh = lang.starts_with("zh");
    let date_s = date.map(|d| d.to_string());
    let text = match (&date_s, zh) {
        (Some(d), true) => {
            format!("{author}（{d}）。〈{title}〉。《{site_title}》。{url}（資料截至 {d}）")
        }
        (None, true) => format!("{author}。〈{title}〉。《{site_title}》。{url}"),
        (Some(d), false) => format!(
            "{author}. ({d}). \u{201c}{title}.\u{201d} {site_title}. {url} (data as of {d})"
        ),
        (None, false) => format!("{author}. \u{201c}{title}.\u{201d} {site_title}. {url}"),
    };
    let mut bib = format!(
        "@misc{{govatlas-{key}-{lang},\n  author = {{{{{}}}}},\n  title = {{{{{}}}}},\n  howpublished = {{\\url{{{url}}}}},\n",
        bibtex_escape(&author),
        bibtex_escape(title),
        key = key.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "-"),
        lang = lang.to_ascii_lowercase(),
    );
    if let Some(d) = date {
        bib.push_str(&format!("  year = {{{}}},\n", d.year));
        if let Some(m) = d.month {
            bib.push_str(&format!("  month = {},\n", MONTHS[m as usize - 1]));
        }
        bib.push_str(&format!("  urldate = {{{d}}},\n"));
    }
    bib.push_str(&format!(
        "  note = {{{}}},\n  language = {{{lang}}}\n}}",
        bibtex_escape(&site_title)
    ));
    json!({"url": url, "date": date_s, "text": text, "bibtex": bib})
}
