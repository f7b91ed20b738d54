//! The framework import: places the rows, then plans one file per
//! instrument, rewriting an imported record where it is and keeping what a
//! researcher wrote (see [`super::merge::frameworks`]).

use super::columns::Columns;
use super::mapping::frameworks::FrameworkMapping;
use super::merge::frameworks::{compose, existing};
use super::place::framework::FrameworkPlacer;
use super::report::{GoneRecord, ImportReport};
use super::verify::Rows;
use super::write::framework::blocks;
use super::write::{comments, header};
use super::{ImportError, Names, PlannedFile};
use crate::load::overlay::Planned;
use crate::load::ContentKind;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Plans the framework files of an import.
pub(super) fn plan(
    m: &FrameworkMapping,
    cols: &Columns,
    root: &Path,
    names: &Names,
    report: &mut ImportReport,
) -> Result<Vec<PlannedFile>, ImportError> {
    let placer = FrameworkPlacer::new(m, cols).map_err(ImportError::Mapping)?;
    let fresh = placer.place_all(cols, report);
    let managed = placer.managed();
    let on_disk = existing(root, &names.mapping);
    let mut head = String::new();
    comments(&mut head, &header(&names.file, &names.mapping));
    let mut planned = Vec::new();
    let mut conflicts = Vec::new();
    for (fw, row) in &fresh {
        let (rel, old) = match on_disk.get(&fw.id) {
            Some(e) if !e.ours => {
                conflicts.push(format!(
                    "id {:?} ({} {}) is already used by {}, which this mapping did not write",
                    fw.id,
                    cols.table().unit,
                    cols.table().rows[*row].number,
                    e.rel.display()
                ));
                continue;
            }
            Some(e) => (e.rel.clone(), Some(e.text.as_str())),
            None => {
                let folder = m
                    .frameworks
                    .folder
                    .clone()
                    .filter(|f| crate::validate::check_id_syntax(f).is_ok())
                    .or_else(|| {
                        Some(fw.jurisdiction.clone())
                            .filter(|j| crate::validate::check_id_syntax(j).is_ok())
                    })
                    .unwrap_or_else(|| "imported".into());
                (
                    PathBuf::from("content/frameworks")
                        .join(folder)
                        .join(format!("{}.yaml", fw.id)),
                    None,
                )
            }
        };
        let merged = compose(&head, &blocks(fw, &managed), old)
            .map_err(|e| ImportError::Existing(format!("{}: {e}", rel.display())))?;
        let changed = old != Some(merged.text.as_str());
        match old {
            None => report.merge.added += 1,
            Some(_) if changed => report.merge.updated += 1,
            Some(_) => report.merge.unchanged += 1,
        }
        report.merge.overrides_kept += merged.overrides_kept;
        report.bytes += merged.text.len();
        report.changed |= changed;
        report.files.push(rel.clone());
        planned.push(PlannedFile {
            changed,
            rows: Rows::Record(Some(*row)),
            planned: Planned {
                rel,
                kind: ContentKind::Framework,
                text: merged.text,
            },
        });
    }
    if !conflicts.is_empty() {
        return Err(ImportError::Existing(format!(
            "{}; give the mapping an id prefix (id.prefix) that keeps imported ids apart",
            conflicts.join("; ")
        )));
    }
    let ids: HashSet<&str> = fresh.iter().map(|(f, _)| f.id.as_str()).collect();
    let mut gone: Vec<_> = on_disk
        .iter()
        .filter(|(id, e)| e.ours && !ids.contains(id.as_str()))
        .map(|(id, e)| GoneRecord {
            id: id.clone(),
            kept: true,
            note: format!(
                "kept in {} (delete it by hand if the instrument is withdrawn)",
                e.rel.display()
            ),
        })
        .collect();
    gone.sort_by(|a, b| a.id.cmp(&b.id));
    report.merge.gone = gone;
    report.cases_written = fresh.len();
    report.noun = "instruments";
    report.target = format!(
        "{} file{} under content/frameworks/",
        planned.len(),
        if planned.len() == 1 { "" } else { "s" }
    );
    Ok(planned)
}

/// The column a framework field was read from, for messages.
pub(super) fn column_of(m: &FrameworkMapping, field: &str) -> Option<String> {
    let f = &m.fields;
    let col = |c: &Option<super::mapping::ColumnSpec>| c.as_ref().map(|c| c.column.clone());
    match field {
        "id" => {
            m.id.column
                .as_ref()
                .map(|c| c.column.clone())
                .or_else(|| m.id.template.as_ref().map(|t| format!("(template {t})")))
        }
        "title" => Some(f.title.column.clone()),
        "short_title" => col(&f.short_title),
        "issuer" => col(&f.issuer),
        "summary" => col(&f.summary),
        "url" => col(&f.url),
        "jurisdiction" => Some(f.jurisdiction.column.column.clone()),
        "type" => col(&f.kind.column),
        "binding" => col(&f.binding.column),
        "provisions" => f.provisions.as_ref().map(|p| p.column.column.clone()),
        _ => None,
    }
}
