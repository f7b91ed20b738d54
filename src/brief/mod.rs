//! Briefings: a short, print-ready document on one jurisdiction, on a
//! comparison of several, or on one case inventory, made from the same
//! validated model as the site.
//!
//! A briefing is one self-contained HTML file: its style sheet and SVG
//! charts are inline and it requests nothing (the only outside addresses
//! are the URLs in its numbered source list). It is laid out for A4 with a
//! print style sheet, and [`pdf`] prints it with headless Chromium.
//!
//! Officials who adapt a briefing into their own memo get it as an
//! OpenDocument text ([`odt`]) or a Word document ([`docx`]): both are
//! written from [`doc::Document`], which [`doc::build`] makes from the same
//! view model ([`model`]) the HTML template renders.
//!
//! Output is a function of the content alone: the cover shows the data
//! date from `site.yaml` and a content version, a hash of the content files
//! ([`content_version`]), never the time it was made.

pub mod chart_png;
pub mod doc;
pub mod docx;
pub mod odt;
mod package;
pub mod pdf;
mod strings;
mod summary;
mod theme;
mod view;

pub use theme::BriefTheme;

use crate::diagnostics::{did_you_mean, SourceMap};
use crate::model::Site;
use crate::render::views::View;
use crate::render::RenderedFile;
use std::path::Path;

/// What a briefing is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// One jurisdiction, by id.
    Jurisdiction(String),
    /// Several jurisdictions side by side, by id, in the order given.
    Compare(Vec<String>),
    /// One case inventory, by id.
    Inventory(String),
}

impl Subject {
    /// `jurisdiction-tw`, `compare-tw-eu`, `inventory-tw-digi-2023`: the
    /// file name a briefing gets, without extension.
    pub fn file_stem(&self) -> String {
        match self {
            Subject::Jurisdiction(id) => format!("jurisdiction-{}", crate::validate::slug(id)),
            Subject::Compare(ids) => format!(
                "compare-{}",
                ids.iter()
                    .map(|i| crate::validate::slug(i))
                    .collect::<Vec<_>>()
                    .join("-")
            ),
            Subject::Inventory(id) => format!("inventory-{}", crate::validate::slug(id)),
        }
    }
}

/// A short hash of the content: BLAKE3 over every content file's path
/// (relative to the site root, `/`-separated) and text, in path order.
/// The same content gives the same version on any machine and at any time.
pub fn content_version(sources: &SourceMap) -> String {
    version_of_files(
        sources
            .ids()
            .map(|id| (sources.path(id).to_string(), file_hash(sources.text(id)))),
    )
}

/// The hash of one file's text that [`content_version`] combines.
pub fn file_hash(text: &str) -> [u8; 32] {
    *blake3::hash(text.as_bytes()).as_bytes()
}

/// [`content_version`] from each file's path and [`file_hash`]: a hash of
/// the hashes, so `serve` rehashes only the file that changed.
pub fn version_of_files(files: impl Iterator<Item = (String, [u8; 32])>) -> String {
    let mut files: Vec<(String, [u8; 32])> = files
        .map(|(path, hash)| (path.replace('\\', "/"), hash))
        .collect();
    files.sort();
    let mut h = blake3::Hasher::new();
    for (path, hash) in files {
        h.update(&(path.len() as u64).to_le_bytes());
        h.update(path.as_bytes());
        h.update(&hash);
    }
    h.finalize().to_hex()[..12].to_string()
}

fn unknown(what: &str, id: &str, known: Vec<&str>) -> String {
    let mut msg = format!("unknown {what} \"{id}\"");
    if let Some(s) = did_you_mean(id, known.iter().copied()) {
        msg.push_str(&format!(" (did you mean \"{s}\"?)"));
    }
    if known.is_empty() {
        msg.push_str(&format!("; the content defines no {what}"));
    } else {
        msg.push_str(&format!("; known: {}", known.join(", ")));
    }
    msg
}

fn find_jurisdiction(site: &Site, id: &str) -> Result<usize, String> {
    site.jurisdiction(id).ok_or_else(|| {
        unknown(
            "jurisdiction",
            id,
            site.jurisdictions
                .iter()
                .map(|j| j.id.value.as_str())
                .collect(),
        )
    })
}

/// The file formats a briefing is edited in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditableFormat {
    /// OpenDocument text (`.odt`).
    Odt,
    /// Word (`.docx`).
    Docx,
}

/// An editable briefing: the file's bytes, and a warning for the user when
/// the machine lacked fonts for the PNG copies of its charts.
pub struct Editable {
    /// The file.
    pub bytes: Vec<u8>,
    /// What the user should know (see [`chart_png::ChartFonts::warning`]).
    pub warning: Option<String>,
}

/// The briefing on `subject` in `lang` as an ODT or DOCX file, its charts'
/// PNG copies drawn with `fonts`.
pub fn render_editable(
    site: &Site,
    subject: &Subject,
    lang: &str,
    version: &str,
    format: EditableFormat,
    fonts: &chart_png::ChartFonts,
) -> Result<Editable, String> {
    let document = doc::build(&model(site, subject, lang, version)?);
    let bytes = match format {
        EditableFormat::Odt => odt::write(&document, fonts)?,
        EditableFormat::Docx => docx::write(&document, fonts)?,
    };
    Ok(Editable {
        bytes,
        warning: fonts.warning(&document),
    })
}

/// Renders the briefing on `subject` in `lang` as HTML. Unknown ids and
/// languages are errors that name the nearest known one.
pub fn render(
    site: &Site,
    theme: &BriefTheme,
    subject: &Subject,
    lang: &str,
    version: &str,
) -> Result<String, String> {
    let mut ctx = model(site, subject, lang, version)?;
    ctx["header_css"] =
        serde_json::Value::String(css_string(ctx["title"].as_str().unwrap_or_default()));
    ctx["site_css"] =
        serde_json::Value::String(css_string(ctx["site_title"].as_str().unwrap_or_default()));
    theme.render(ctx)
}

/// The view model of the briefing on `subject` in `lang`: what each kind
/// shows (`view`), with the interface strings as `t`. The HTML template and
/// the ODT/DOCX documents are all made from it.
pub fn model(
    site: &Site,
    subject: &Subject,
    lang: &str,
    version: &str,
) -> Result<serde_json::Value, String> {
    if !site.languages.iter().any(|l| l == lang) {
        return Err(unknown(
            "language",
            lang,
            site.languages.iter().map(String::as_str).collect(),
        ));
    }
    let v = View { site, lang };
    let mut ctx = match subject {
        Subject::Jurisdiction(id) => view::jurisdiction(v, find_jurisdiction(site, id)?, version),
        Subject::Compare(ids) => {
            let mut js = Vec::new();
            let mut errors = Vec::new();
            for id in ids {
                match find_jurisdiction(site, id) {
                    Ok(j) if !js.contains(&j) => js.push(j),
                    Ok(_) => {}
                    Err(e) => errors.push(e),
                }
            }
            if !errors.is_empty() {
                return Err(errors.join("\n"));
            }
            if js.len() < 2 {
                return Err("a comparison needs at least two different jurisdictions".into());
            }
            view::compare(v, &js, version)
        }
        Subject::Inventory(id) => {
            let n = site.inventory(id).ok_or_else(|| {
                unknown(
                    "inventory",
                    id,
                    site.inventories
                        .iter()
                        .map(|i| i.id.value.as_str())
                        .collect(),
                )
            })?;
            view::inventory(v, n, version)
        }
    };
    ctx["t"] = strings::table(lang);
    Ok(ctx)
}

/// `s` as the inside of a CSS string: quotes and backslashes escaped, and
/// `<` escaped so it can never close the `<style>` element.
fn css_string(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", c as u32)),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Output path of a briefing inside the built site.
pub fn site_path(lang: &str, subject: &Subject) -> String {
    format!("{lang}/briefs/{}.html", subject.file_stem())
}

/// The briefings the site links to: one per jurisdiction and per inventory,
/// in every language, at [`site_path`].
///
/// `version` is the [`content_version`] of the content the site was built from.
pub fn site_briefs(root: &Path, site: &Site, version: &str) -> Result<Vec<RenderedFile>, String> {
    use rayon::prelude::*;
    let theme = BriefTheme::load(root)?;
    site_subjects(site)
        .par_iter()
        .map(|(lang, subject)| {
            render(site, &theme, subject, lang, version)
                .map(|html| (site_path(lang, subject), html.into_bytes()))
        })
        .collect()
}

/// (language, subject) of each briefing the site links to.
pub fn site_subjects(site: &Site) -> Vec<(String, Subject)> {
    let mut jobs = Vec::new();
    for lang in &site.languages {
        for j in &site.jurisdictions {
            jobs.push((lang.clone(), Subject::Jurisdiction(j.id.value.clone())));
        }
        for i in &site.inventories {
            jobs.push((lang.clone(), Subject::Inventory(i.id.value.clone())));
        }
    }
    jobs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_escape() {
        assert_eq!(css_string(r#"a"b</style>"#), "a\\22 b\\3c /style\\3e ");
        assert_eq!(css_string("臺灣 AI"), "臺灣 AI");
    }

    #[test]
    fn file_stems() {
        assert_eq!(
            Subject::Compare(vec!["tw".into(), "EU".into()]).file_stem(),
            "compare-tw-eu"
        );
    }
}
