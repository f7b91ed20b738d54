//! "Cite this": a plain-text reference and a BibTeX entry for a record's
//! page, with its stable absolute URL (the site's public address + the
//! page's path) and the content's own date (`data_date`, or the record's
//! latest date). Never the wall clock, so the same content gives the same
//! citation. A site without a public address (see [`crate::model::Address`])
//! is cited without a URL, with words that say so, never with a dead one.

use super::i18n;
use crate::model::Site;
use crate::schema::PartialDate;
use serde_json::{json, Value};

/// The public address joined with an output path (`en/frameworks/x.html`);
/// None when the site has no public address.
pub fn absolute(site: &Site, path: &str) -> Option<String> {
    site.address.absolute(path)
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
    // Where the page is: its URL, or words saying it has none yet.
    let at = url
        .clone()
        .unwrap_or_else(|| i18n::get(lang, "no_public_address"));
    let text = match (&date_s, zh) {
        (Some(d), true) => {
            format!("{author}（{d}）。〈{title}〉。《{site_title}》。{at}（資料截至 {d}）")
        }
        (None, true) => format!("{author}。〈{title}〉。《{site_title}》。{at}"),
        (Some(d), false) => {
            format!("{author}. ({d}). \u{201c}{title}.\u{201d} {site_title}. {at} (data as of {d})")
        }
        (None, false) => format!("{author}. \u{201c}{title}.\u{201d} {site_title}. {at}"),
    };
    let mut bib = format!(
        "@misc{{govatlas-{key}-{lang},\n  author = {{{{{}}}}},\n  title = {{{{{}}}}},\n",
        bibtex_escape(&author),
        bibtex_escape(title),
        key = key.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "-"),
        lang = lang.to_ascii_lowercase(),
    );
    if let Some(u) = &url {
        bib.push_str(&format!("  howpublished = {{\\url{{{u}}}}},\n"));
    }
    if let Some(d) = date {
        bib.push_str(&format!("  year = {{{}}},\n", d.year));
        if let Some(m) = d.month {
            bib.push_str(&format!("  month = {},\n", MONTHS[m as usize - 1]));
        }
        if url.is_some() {
            bib.push_str(&format!("  urldate = {{{d}}},\n"));
        }
    }
    let note = match &url {
        Some(_) => site_title.clone(),
        None => format!("{site_title}; {at}"),
    };
    bib.push_str(&format!(
        "  note = {{{}}},\n  language = {{{lang}}}\n}}",
        bibtex_escape(&note)
    ));
    json!({"url": url, "date": date_s, "text": text, "bibtex": bib})
}
