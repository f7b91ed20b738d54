//! Checks of the site as a whole: `site.yaml` and the Markdown pages.

use super::records::check_url;
use super::Checker;
use crate::diagnostics::{did_you_mean, Diagnostic, FileId};
use crate::load::PageFile;
use crate::schema::SiteConfig;
use std::collections::{HashMap, HashSet};

pub(super) fn check_config(cx: &mut Checker, file: FileId, c: &SiteConfig) {
    if let Some(url) = &c.base_url {
        check_url(cx, file, url, "base_url".into());
    }
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
                    format!("invalid page name {}: {why}", super::shown(&p.slug)),
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
