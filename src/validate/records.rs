//! Checks of each record type's references, dates and shape.

use super::{Checker, Kind};
use crate::diagnostics::{did_you_mean, Diagnostic, FileId};
use crate::schema::{
    Framework, Jurisdiction, Provision, RelationKind, Source, Spanned, VocabularyKind as V,
};
use std::collections::{HashMap, HashSet};

use crate::schema::OVERRIDABLE_FRAMEWORK_FIELDS;

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
