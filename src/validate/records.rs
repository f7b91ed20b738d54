//! Checks of each record type's references, dates and shape.

use super::{Checker, Kind};
use crate::diagnostics::{did_you_mean, Diagnostic, FileId};
use crate::load::PageFile;
use crate::schema::{
    Framework, Inventory, Jurisdiction, Provision, RelationKind, SiteConfig, Source, Spanned,
    VocabularyKind as V,
};
use std::collections::{HashMap, HashSet};

/// Fields of a case that `overrides` may name.
use crate::schema::OVERRIDABLE_CASE_FIELDS as CASE_FIELDS;
use crate::schema::OVERRIDABLE_FRAMEWORK_FIELDS;

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

fn check_sources(cx: &mut Checker, file: FileId, refs: &[Spanned<String>], prefix: &str) {
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
    super::parents::check_parent(cx, file, j);
    check_sources(cx, file, &j.sources, "");
}

pub(super) fn check_framework(cx: &mut Checker, file: FileId, fw: &Framework) {
    cx.reference(
        file,
        &fw.jurisdiction,
        Kind::Jurisdiction,
        "jurisdiction".into(),
    );
    cx.term(file, &fw.kind, V::InstrumentTypes, "type".into());
    if let Some(url) = &fw.url {
        check_url(cx, file, url, "url".into());
    }
    check_override_names(
        cx,
        file,
        &fw.overrides,
        OVERRIDABLE_FRAMEWORK_FIELDS,
        "",
        "framework field an import writes",
    );
    // An empty history is allowed: cited instruments whose source gives no
    // date or status are shown as "not stated" rather than given invented ones.
    for (i, e) in fw.status_history.iter().enumerate() {
        cx.term(
            file,
            &e.status,
            V::Statuses,
            format!("status_history[{i}].status"),
        );
        if i > 0 && e.date.value < fw.status_history[i - 1].date.value {
            cx.error_at(
                file,
                &e.date,
                "date-order",
                Some(format!("status_history[{i}].date")),
                format!(
                    "{} is earlier than the event before it ({})",
                    e.date.value,
                    fw.status_history[i - 1].date.value
                ),
            )
            .help("list status events oldest first");
        }
    }
    let mut provision_ids = HashSet::new();
    check_provisions(cx, file, &fw.provisions, "provisions", &mut provision_ids);
    for (i, p) in fw.principles.iter().enumerate() {
        if p.maps_to.is_empty() {
            cx.error(
                Diagnostic::new("missing-field", "principle maps to no crosswalk term")
                    .in_file(file)
                    .field(format!("principles[{i}].maps_to")),
            );
        }
        for (k, m) in p.maps_to.iter().enumerate() {
            cx.term(
                file,
                m,
                V::Principles,
                format!("principles[{i}].maps_to[{k}]"),
            );
        }
        if let Some(prov) = &p.provision {
            if !provision_ids.contains(&prov.value) {
                let help = did_you_mean(&prov.value, provision_ids.iter().map(String::as_str))
                    .map(|n| format!("did you mean `{n}`?"));
                cx.error_at(
                    file,
                    prov,
                    "unknown-reference",
                    Some(format!("principles[{i}].provision")),
                    format!("unknown provision `{}` in this framework", prov.value),
                )
                .maybe_help(help);
            }
        }
    }
    for (i, r) in fw.relations.iter().enumerate() {
        if r.target.value == fw.id.value {
            cx.error_at(
                file,
                &r.target,
                "relation-cycle",
                Some(format!("relations[{i}].target")),
                "a framework cannot relate to itself".into(),
            );
        } else {
            cx.reference(
                file,
                &r.target,
                Kind::Framework,
                format!("relations[{i}].target"),
            );
        }
    }
    for (i, m) in fw.matrices.iter().enumerate() {
        cx.id(file, &m.id, &format!("matrices[{i}].id"));
        let levels: HashSet<&str> = m.levels.iter().map(|l| l.id.value.as_str()).collect();
        if m.cells.len() != m.rows.len() {
            cx.error_at(
                file,
                &m.id,
                "matrix-shape",
                Some(format!("matrices[{i}].cells")),
                format!(
                    "matrix has {} rows but {} rows of cells",
                    m.rows.len(),
                    m.cells.len()
                ),
            );
        }
        for (r, row) in m.cells.iter().enumerate() {
            if row.len() != m.columns.len() {
                let at = row.first().unwrap_or(&m.id);
                cx.error_at(
                    file,
                    at,
                    "matrix-shape",
                    Some(format!("matrices[{i}].cells[{r}]")),
                    format!(
                        "row has {} cell(s) but the matrix has {} columns",
                        row.len(),
                        m.columns.len()
                    ),
                );
            }
            for (c, cell) in row.iter().enumerate() {
                if !levels.contains(cell.value.as_str()) {
                    let help = did_you_mean(&cell.value, levels.iter().copied())
                        .map(|n| format!("did you mean `{n}`?"));
                    cx.error_at(
                        file,
                        cell,
                        "unknown-reference",
                        Some(format!("matrices[{i}].cells[{r}][{c}]")),
                        format!("unknown level `{}`", cell.value),
                    )
                    .maybe_help(help);
                }
            }
        }
    }
    for (i, t) in fw.tables.iter().enumerate() {
        cx.id(file, &t.id, &format!("tables[{i}].id"));
        for (r, row) in t.rows.iter().enumerate() {
            if row.value.len() != t.columns.len() {
                cx.error_at(
                    file,
                    row,
                    "table-shape",
                    Some(format!("tables[{i}].rows[{r}]")),
                    format!(
                        "row has {} cell(s) but the table has {} columns",
                        row.value.len(),
                        t.columns.len()
                    ),
                );
            }
        }
    }
    check_sources(cx, file, &fw.sources, "");
}

fn check_provisions(
    cx: &mut Checker,
    file: FileId,
    list: &[Provision],
    path: &str,
    ids: &mut HashSet<String>,
) {
    for (i, p) in list.iter().enumerate() {
        let here = format!("{path}[{i}]");
        cx.id(file, &p.id, &format!("{here}.id"));
        if !ids.insert(p.id.value.clone()) {
            cx.error_at(
                file,
                &p.id,
                "duplicate-id",
                Some(format!("{here}.id")),
                format!(
                    "provision id `{}` is used twice in this framework",
                    p.id.value
                ),
            );
        }
        if p.reproduced
            && p.summary.as_ref().is_none_or(|s| s.is_blank())
            && p.provisions.is_empty()
        {
            cx.error_at(file, &p.id, "missing-field", Some(format!("{here}.summary")), "provision has no summary".into())
                .help("write a summary, or set `reproduced: false` if the source names it without its text");
        }
        check_provisions(cx, file, &p.provisions, &format!("{here}.provisions"), ids);
    }
}

/// Supersedes and revokes must not loop (A supersedes B supersedes A):
/// a timeline of replacements has a first and a last instrument.
pub(super) fn check_relation_cycles(cx: &mut Checker, frameworks: &[(FileId, Framework)]) {
    let index: HashMap<&str, usize> = frameworks
        .iter()
        .enumerate()
        .map(|(i, (_, f))| (f.id.value.as_str(), i))
        .collect();
    let edges: Vec<Vec<(usize, usize)>> = frameworks
        .iter()
        .map(|(_, f)| {
            f.relations
                .iter()
                .enumerate()
                // A relation to itself is reported by check_framework.
                .filter(|(_, r)| r.target.value != f.id.value)
                .filter(|(_, r)| {
                    matches!(
                        r.kind.value,
                        RelationKind::Supersedes | RelationKind::Revokes
                    )
                })
                .filter_map(|(ri, r)| index.get(r.target.value.as_str()).map(|&t| (t, ri)))
                .collect()
        })
        .collect();
    // Iterative DFS with colours; report each cycle once, at the relation that closes it.
    let mut colour = vec![0u8; frameworks.len()];
    for start in 0..frameworks.len() {
        if colour[start] != 0 {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        let mut path = vec![start];
        colour[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if *next < edges[node].len() {
                let (to, ri) = edges[node][*next];
                *next += 1;
                match colour[to] {
                    0 => {
                        colour[to] = 1;
                        stack.push((to, 0));
                        path.push(to);
                    }
                    1 => {
                        let pos = path.iter().position(|&p| p == to).unwrap_or(0);
                        let names: Vec<&str> = path[pos..]
                            .iter()
                            .chain(std::iter::once(&to))
                            .map(|&i| frameworks[i].1.id.value.as_str())
                            .collect();
                        let (file, fw) = &frameworks[node];
                        let rel = &fw.relations[ri];
                        cx.error_at(*file, &rel.target, "relation-cycle", Some(format!("relations[{ri}].target")), format!("relation cycle: {}", names.join(" → ")))
                            .help("an instrument cannot (directly or through others) supersede or revoke itself");
                    }
                    _ => {}
                }
            } else {
                colour[node] = 2;
                stack.pop();
                path.pop();
            }
        }
    }
}

pub(super) fn check_inventory(cx: &mut Checker, file: FileId, inv: &Inventory) {
    cx.reference(
        file,
        &inv.jurisdiction,
        Kind::Jurisdiction,
        "jurisdiction".into(),
    );
    if let Some(url) = &inv.source_url {
        check_url(cx, file, url, "source_url".into());
    }
    if let Some(total) = &inv.declared_total {
        if (inv.cases.len() as u64) > total.value as u64 {
            cx.error_at(
                file,
                total,
                "count-mismatch",
                Some("declared_total".into()),
                format!(
                    "inventory holds {} case{} but declares only {}",
                    inv.cases.len(),
                    if inv.cases.len() == 1 { "" } else { "s" },
                    total.value
                ),
            );
        }
    }
    let mut methods = HashSet::new();
    for (i, m) in inv.flag_methods.iter().enumerate() {
        cx.id(file, &m.id, &format!("flag_methods[{i}].id"));
        for (k, f) in m.assesses.iter().flatten().enumerate() {
            cx.term(
                file,
                f,
                V::RiskFlags,
                format!("flag_methods[{i}].assesses[{k}]"),
            );
        }
        if !methods.insert(m.id.value.as_str()) {
            cx.error_at(
                file,
                &m.id,
                "duplicate-id",
                Some(format!("flag_methods[{i}].id")),
                format!("flag method `{}` is defined twice", m.id.value),
            );
        }
    }
    let method_ref = |cx: &mut Checker, r: &Spanned<String>, field: String| {
        if !methods.contains(r.value.as_str()) {
            let help = did_you_mean(&r.value, methods.iter().copied())
                .map(|n| format!("did you mean `{n}`?"))
                .or_else(|| Some("define it under the inventory's flag_methods".to_string()));
            cx.error_at(
                file,
                r,
                "unknown-reference",
                Some(field),
                format!("unknown flag method `{}`", r.value),
            )
            .maybe_help(help);
        }
    };
    if let Some(d) = &inv.default_flag_method {
        method_ref(cx, d, "default_flag_method".into());
    }
    for (i, case) in inv.cases.iter().enumerate() {
        let p = format!("cases[{i}]");
        if cx.term(
            file,
            &case.use_class,
            V::UseClasses,
            format!("{p}.use_class"),
        ) {
            if let Some(sub) = &case.use_subtype {
                let class = cx
                    .vocabulary(V::UseClasses)
                    .get(&case.use_class.value)
                    .expect("checked");
                if !class.subtypes.iter().any(|s| s.id.value == sub.value) {
                    let names: Vec<String> =
                        class.subtypes.iter().map(|s| s.id.value.clone()).collect();
                    let help = did_you_mean(&sub.value, names.iter().map(String::as_str))
                        .map(|n| format!("did you mean `{n}`?"))
                        .unwrap_or_else(|| {
                            format!(
                                "sub-types of {}: {}",
                                case.use_class.value,
                                names.join(", ")
                            )
                        });
                    cx.error_at(
                        file,
                        sub,
                        "unknown-reference",
                        Some(format!("{p}.use_subtype")),
                        format!(
                            "`{}` is not a sub-type of use class `{}`",
                            sub.value, case.use_class.value
                        ),
                    )
                    .help(help);
                }
            }
        }
        for (k, t) in case.techniques.iter().enumerate() {
            cx.term(file, t, V::Techniques, format!("{p}.techniques[{k}]"));
        }
        let mut flags = HashSet::new();
        for (k, f) in case.risk_flags.iter().enumerate() {
            cx.term(file, f, V::RiskFlags, format!("{p}.risk_flags[{k}]"));
            if !flags.insert(f.value.as_str()) {
                cx.error_at(
                    file,
                    f,
                    "duplicate-id",
                    Some(format!("{p}.risk_flags[{k}]")),
                    format!("risk flag `{}` is ticked twice", f.value),
                );
            }
        }
        if let Some(m) = &case.flag_method {
            method_ref(cx, m, format!("{p}.flag_method"));
        }
        for (k, prov) in case.flag_provenance.iter().enumerate() {
            if !flags.contains(prov.flag.value.as_str()) {
                cx.error_at(
                    file,
                    &prov.flag,
                    "unknown-reference",
                    Some(format!("{p}.flag_provenance[{k}].flag")),
                    format!("`{}` is not among this case's risk_flags", prov.flag.value),
                );
            }
            method_ref(cx, &prov.method, format!("{p}.flag_provenance[{k}].method"));
        }
        for (k, f) in case.risk_flags.iter().enumerate() {
            if !crate::model::Site::assessed(inv, case, &f.value) {
                let method = crate::model::Site::flag_method(inv, case, &f.value).unwrap_or("");
                cx.error_at(
                    file,
                    f,
                    "flag-not-assessed",
                    Some(format!("{p}.risk_flags[{k}]")),
                    format!(
                        "risk flag `{}` is ticked, but flag method `{method}` does not assess it",
                        f.value
                    ),
                )
                .help(format!(
                    "add `{}` to that method's `assesses`, or name in flag_provenance the method that set it",
                    f.value
                ));
            }
        }
        if let Some(j) = &case.jurisdiction {
            cx.reference(file, j, Kind::Jurisdiction, format!("{p}.jurisdiction"));
        }
        if let Some(url) = &case.source_url {
            check_url(cx, file, url, format!("{p}.source_url"));
        }
        for (k, o) in case.overrides.iter().enumerate() {
            if !CASE_FIELDS.contains(&o.value.as_str()) {
                let help = did_you_mean(&o.value, CASE_FIELDS.iter().copied())
                    .map(|n| format!("did you mean `{n}`?"));
                cx.error_at(
                    file,
                    o,
                    "unknown-field",
                    Some(format!("{p}.overrides[{k}]")),
                    format!("`{}` is not a case field", o.value),
                )
                .maybe_help(help);
            }
        }
    }
    check_sources(cx, file, &inv.sources, "");
}

/// Each name in a framework's `overrides` is a field an import writes.
fn check_override_names(
    cx: &mut Checker,
    file: FileId,
    overrides: &[Spanned<String>],
    fields: &[&str],
    prefix: &str,
    noun: &str,
) {
    for (k, o) in overrides.iter().enumerate() {
        if !fields.contains(&o.value.as_str()) {
            let help = did_you_mean(&o.value, fields.iter().copied())
                .map(|n| format!("did you mean `{n}`?"))
                .unwrap_or_else(|| format!("fields: {}", fields.join(", ")));
            cx.error_at(
                file,
                o,
                "unknown-field",
                Some(format!("{prefix}overrides[{k}]")),
                format!("`{}` is not a {noun}", o.value),
            )
            .help(help);
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
