//! The case import: places the rows, merges them into the inventory in
//! `content/`, and writes the inventory text that [`super::verify`] checks.

use super::columns::Columns;
use super::mapping::cases::CaseMapping;
use super::merge::cases::{merge, read_existing};
use super::place::case::CasePlacer;
use super::report::ImportReport;
use super::verify::Rows;
use super::write::inventory::{write_inventory, OutInventory, OutMethod};
use super::write::{header, OutText};
use super::{ImportError, Names, PlannedFile};
use crate::load::overlay::Planned;
use crate::load::ContentKind;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Plans the inventory file of a case import.
pub(super) fn plan(
    m: &CaseMapping,
    cols: &Columns,
    root: &Path,
    names: &Names,
    report: &mut ImportReport,
) -> Result<Vec<PlannedFile>, ImportError> {
    let placer = CasePlacer::new(m, cols).map_err(ImportError::Mapping)?;
    if crate::validate::check_id_syntax(&m.inventory.id).is_err() {
        return Err(ImportError::Mapping(format!(
            "inventory.id {:?}: ids are letters, digits, `-`, `_` and `.`, starting with a letter or digit",
            m.inventory.id
        )));
    }
    let fresh = placer.place_all(cols, report);
    let row_of: HashMap<String, usize> = fresh.iter().map(|(c, i)| (c.id.clone(), *i)).collect();
    let fresh: Vec<_> = fresh.into_iter().map(|(c, _)| c).collect();

    let rel = PathBuf::from("content/inventories").join(format!("{}.yaml", m.inventory.id));
    let out_path = root.join(&rel);
    let previous = match std::fs::read_to_string(&out_path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(ImportError::Io(format!(
                "cannot read {}: {e}",
                out_path.display()
            )))
        }
    };
    let existing = match &previous {
        Some(t) => Some(
            read_existing(t)
                .map_err(|e| ImportError::Existing(format!("{}: {e}", out_path.display())))?,
        ),
        None => None,
    };
    let (cases, outcome) = merge(fresh, existing.as_ref())
        .map_err(|e| ImportError::Existing(format!("{}:{}", out_path.display(), e.0)))?;
    report.merge = outcome;
    report.cases_written = cases.len();
    report.noun = "cases";
    for c in &cases {
        for f in &c.risk_flags {
            *report.flag_counts.entry(f.clone()).or_default() += 1;
        }
    }
    let rows: Vec<Option<usize>> = cases.iter().map(|c| row_of.get(&c.id).copied()).collect();
    let written = write_inventory(&inventory(m, names, cases));
    report.bytes = written.text.len();
    report.changed = previous.as_deref() != Some(written.text.as_str());
    report.target = rel.to_string_lossy().replace('\\', "/");
    report.output = rel.clone();
    report.files = vec![rel.clone()];
    Ok(vec![PlannedFile {
        changed: report.changed,
        rows: Rows::Inventory {
            case_lines: written.case_lines,
            rows,
        },
        planned: Planned {
            rel,
            kind: ContentKind::Inventory,
            text: written.text,
        },
    }])
}

/// The inventory record with its cases.
fn inventory(
    m: &CaseMapping,
    names: &Names,
    cases: Vec<super::write::inventory::OutCase>,
) -> OutInventory {
    let inv = &m.inventory;
    let method = |id: &str,
                  label: &super::mapping::LangText,
                  description: &super::mapping::LangText| OutMethod {
        id: id.to_string(),
        label: OutText::from_lang(label),
        description: OutText::from_lang(description),
    };
    let mut flag_methods: Vec<OutMethod> = m
        .flag_rules
        .iter()
        .map(|r| method(&r.id, &r.label, &r.description))
        .collect();
    flag_methods.extend(
        m.flag_methods
            .iter()
            .map(|f| method(&f.id, &f.label, &f.description)),
    );
    OutInventory {
        header: header(&names.file, &names.mapping),
        id: inv.id.clone(),
        jurisdiction: inv.jurisdiction.clone(),
        title: OutText::from_lang(&inv.title),
        publisher: OutText::from_lang(&inv.publisher),
        year: inv.year,
        declared_total: inv.declared_total,
        description: inv.description.as_ref().map(OutText::from_lang),
        source_url: inv.source_url.clone(),
        flag_methods,
        default_flag_method: inv.default_flag_method.clone(),
        sources: inv.sources.clone(),
        cases,
    }
}

/// The column a case field was read from, for messages.
pub(super) fn column_of(m: &CaseMapping, field: &str) -> Option<String> {
    let f = &m.fields;
    let col = |c: &Option<super::mapping::ColumnSpec>| c.as_ref().map(|c| c.column.clone());
    match field {
        "id" => m
            .case_id
            .column
            .as_ref()
            .map(|c| c.column.clone())
            .or_else(|| {
                m.case_id
                    .template
                    .as_ref()
                    .map(|t| format!("(template {t})"))
            }),
        "name" => Some(f.name.column.clone()),
        "agency" => Some(f.agency.column.clone()),
        "bureau" => col(&f.bureau),
        "jurisdiction" => f.jurisdiction.as_ref().map(|j| j.column.column.clone()),
        "description" => col(&f.description),
        "purpose" => col(&f.purpose),
        "benefits" => col(&f.benefits),
        "outputs" => col(&f.outputs),
        "use_class" | "use_subtype" => m.use_class.column.as_ref().map(|c| c.column.clone()),
        "techniques" => m.techniques.as_ref().map(|t| t.column.column.clone()),
        "stage" => f.stage.as_ref().map(|s| s.column.column.clone()),
        "source_url" => col(&f.url).or_else(|| {
            m.source
                .case_url
                .as_ref()
                .map(|t| format!("(source.case_url {t})"))
        }),
        _ => None,
    }
}
