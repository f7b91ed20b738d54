//! Checks of the site configuration, bibliography entries, jurisdictions
//! (with their parents) and pages; URLs everywhere. Instruments are checked
//! in `frameworks`, inventories in `inventories`.

use super::{Checker, Kind};
use crate::diagnostics::{did_you_mean, Diagnostic, FileId};
use crate::load::PageFile;
use crate::schema::{Jurisdiction, SiteConfig, Source, Spanned, VocabularyKind as V};
use std::collections::{HashMap, HashSet};

pub(super) fn check_config(cx: &mut Checker, file: FileId, c: &SiteConfig) {
    check_url(cx, file, &c.base_url, "base_url".into());
    if c.languages.is_empty() {
        cx.error(
            Diagnostic::new("no-languages", "languages is empty")
                .in_file(file)
                .field("languages")
                .help("list the site's languages, e.g. [zh-TW, en]"),
        );
    }
    let langs: Vec<&str> = c.languages.iter().map(|l| l.value.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, l) in c.languages.iter().enumerate() {
        if !seen.insert(&l.value) {
            cx.error_at(
                file,
                l,
                "duplicate-id",
                Some(format!("languages[{i}]")),
                format!("language `{}` is listed twice", l.value),
            );
        }
        if !is_language_code(&l.value) {
            cx.error_at(
                file,
                l,
                "invalid-id",
                Some(format!("languages[{i}]")),
                format!("invalid language code {:?}", l.value),
            )
            .help("use a BCP 47 code such as zh-TW or en");
        }
    }
    for (i, l) in c.source_languages.iter().enumerate() {
        let field = Some(format!("source_languages[{i}]"));
        if langs.contains(&l.value.as_str()) {
            cx.error_at(file, l, "duplicate-id", field, format!("`{}` is in both languages and source_languages", l.value))
                .help("source_languages lists languages texts may be written in that get no edition of their own; a site language needs no entry there");
        } else if !seen.insert(&l.value) {
            cx.error_at(
                file,
                l,
                "duplicate-id",
                field,
                format!("language `{}` is listed twice", l.value),
            );
        } else if !is_language_code(&l.value) {
            cx.error_at(
                file,
                l,
                "invalid-id",
                field,
                format!("invalid language code {:?}", l.value),
            )
            .help("use a BCP 47 code such as nl, fr or pt-BR");
        }
    }
    if !langs.contains(&c.default_language.value.as_str()) {
        cx.error_at(
            file,
            &c.default_language,
            "unknown-language",
            Some("default_language".into()),
            format!(
                "default language `{}` is not in languages",
                c.default_language.value
            ),
        )
        .maybe_help(
            did_you_mean(&c.default_language.value, langs.iter().copied())
                .map(|n| format!("did you mean `{n}`?")),
        );
    }
}

/// A BCP 47-like code: letters, digits and `-`, not empty.
fn is_language_code(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Only http(s) URLs may reach the pages: `javascript:` and `data:` URLs
/// would run in the reader's browser.
pub(super) fn check_url(cx: &mut Checker, file: FileId, url: &Spanned<String>, field: String) {
    if !is_valid_url(&url.value) {
        cx.error_at(
            file,
            url,
            "invalid-url",
            Some(field),
            format!("invalid URL {:?}", url.value),
        )
        .help("URLs must be absolute http:// or https:// addresses without spaces");
    }
}

/// Whether `url` may be written to a page: an absolute http(s) address
/// without spaces, control characters, quotes or angle brackets.
pub fn is_valid_url(url: &str) -> bool {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && u.len() > "https://".len()
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

pub(super) fn check_sources(
    cx: &mut Checker,
    file: FileId,
    refs: &[Spanned<String>],
    prefix: &str,
) {
    for (i, s) in refs.iter().enumerate() {
        cx.reference(file, s, Kind::Source, format!("{prefix}sources[{i}]"));
    }
}

pub(super) fn check_source(cx: &mut Checker, file: FileId, i: usize, s: &Source) {
    if let Some(url) = &s.url {
        check_url(cx, file, url, format!("sources[{i}].url"));
    }
}

pub(super) fn check_jurisdiction(cx: &mut Checker, file: FileId, j: &Jurisdiction) {
    for (i, a) in j.approaches.iter().enumerate() {
        cx.term(
            file,
            &a.approach,
            V::Approaches,
            format!("approaches[{i}].approach"),
        );
        if let Some(to) = &a.to {
            if to.value < a.from.value {
                cx.error_at(
                    file,
                    to,
                    "date-order",
                    Some(format!("approaches[{i}].to")),
                    format!(
                        "period ends ({}) before it starts ({})",
                        to.value, a.from.value
                    ),
                );
            }
        }
        if i > 0 && a.from.value < j.approaches[i - 1].from.value {
            cx.error_at(
                file,
                &a.from,
                "date-order",
                Some(format!("approaches[{i}].from")),
                "approaches are not in date order (oldest first)".into(),
            );
        }
    }
    match &j.parent {
        Some(p) if p.value == j.id.value => {
            cx.error_at(
                file,
                p,
                "jurisdiction-cycle",
                Some("parent".into()),
                "a jurisdiction cannot be its own parent".into(),
            );
        }
        Some(p) => {
            cx.reference(file, p, Kind::Jurisdiction, "parent".into());
        }
        None if j.kind.value.is_subnational() => {
            cx.error_at(
                file,
                &j.kind,
                "missing-field",
                Some("parent".into()),
                format!(
                    "a jurisdiction of kind `{}` has no parent",
                    j.kind.value.name()
                ),
            )
            .help("name the jurisdiction it is part of, e.g. `parent: us` for a US state");
        }
        None => {}
    }
    check_sources(cx, file, &j.sources, "");
}

/// Parents must not loop (a state whose parent is a city whose parent is
/// that state): every chain of parents ends at a jurisdiction without one.
/// Each loop is reported once, at the parent of its smallest id.
pub(super) fn check_parent_cycles(cx: &mut Checker, jurisdictions: &[(FileId, Jurisdiction)]) {
    let index: HashMap<&str, usize> = jurisdictions
        .iter()
        .enumerate()
        .map(|(i, (_, j))| (j.id.value.as_str(), i))
        .collect();
    let parent = |i: usize| -> Option<usize> {
        let j = &jurisdictions[i].1;
        let p = j.parent.as_ref()?;
        // A parent of itself is reported by check_jurisdiction.
        (p.value != j.id.value)
            .then(|| index.get(p.value.as_str()).copied())
            .flatten()
    };
    let mut reported: HashSet<usize> = HashSet::new();
    for start in 0..jurisdictions.len() {
        let mut path = vec![start];
        let mut at = start;
        while let Some(next) = parent(at) {
            if let Some(pos) = path.iter().position(|&p| p == next) {
                let ring = &path[pos..];
                let first = *ring
                    .iter()
                    .min_by_key(|&&i| &jurisdictions[i].1.id.value)
                    .unwrap_or(&next);
                if reported.insert(first) {
                    let k = ring.iter().position(|&i| i == first).unwrap_or(0);
                    let names: Vec<&str> = ring[k..]
                        .iter()
                        .chain(&ring[..k])
                        .chain(std::iter::once(&first))
                        .map(|&i| jurisdictions[i].1.id.value.as_str())
                        .collect();
                    let (file, j) = &jurisdictions[first];
                    if let Some(p) = &j.parent {
                        cx.error_at(
                            *file,
                            p,
                            "jurisdiction-cycle",
                            Some("parent".into()),
                            format!("parent cycle: {}", names.join(" → ")),
                        )
                        .help(
                            "a jurisdiction cannot be part of itself, directly or through others",
                        );
                    }
                }
                break;
            }
            path.push(next);
            at = next;
        }
    }
}

/// `languages` is `None` when site.yaml could not be read.
pub(super) fn check_pages(
    cx: &mut Checker,
    pages: &[(FileId, PageFile)],
    languages: Option<&[String]>,
) {
    let mut seen = HashMap::new();
    for (file, p) in pages {
        if let Some(languages) = languages.filter(|l| !l.contains(&p.lang)) {
            cx.error(
                Diagnostic::new(
                    "unknown-language",
                    format!(
                        "page language `{}` is not one of the site's languages",
                        p.lang
                    ),
                )
                .in_file(*file)
                .help(
                    match did_you_mean(&p.lang, languages.iter().map(String::as_str)) {
                        Some(n) => {
                            format!("did you mean `{n}`? rename the file to {}.{n}.md", p.slug)
                        }
                        None => format!("site.yaml lists {}", languages.join(", ")),
                    },
                ),
            );
        }
        if let Err(why) = super::check_id_syntax(&p.slug) {
            cx.error(
                Diagnostic::new(
                    "invalid-id",
                    format!("invalid page name {:?}: {why}", p.slug),
                )
                .in_file(*file),
            );
        }
        let key = (super::slug(&p.slug), p.lang.clone());
        if let Some(first) = seen.get(&key) {
            let first = cx.map.path(*first).to_string();
            cx.error(
                Diagnostic::new(
                    "slug-collision",
                    format!("page `{}` in `{}` has the same page name as {first}", p.slug, p.lang),
                )
                .help("page file names that differ only in letter case give the same page; rename one or merge them")
                .in_file(*file),
            );
        } else {
            seen.insert(key, *file);
        }
    }
}
