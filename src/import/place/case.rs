//! Placing each record of the file as a case: name, agency, jurisdiction,
//! texts, use class, techniques, risk flags by rule, stage, URL and id.

use super::ids::{candidate, settle, Candidate};
use super::{keep, note_fallback, text_field, url_field, url_from_template, Jurisdictions};
use crate::import::columns::Columns;
use crate::import::mapping::cases::{CaseMapping, ClassTarget};
use crate::import::read::Row;
use crate::import::report::{ImportReport, IssueKind};
use crate::import::template::Template;
use crate::import::values::Lookup;
use crate::import::write::inventory::OutCase;
use crate::import::write::OutText;

/// The case mapping, compiled against the file's columns.
pub struct CasePlacer<'m> {
    pub(super) m: &'m CaseMapping,
    pub(super) stages: Option<Lookup<OutText>>,
    agencies: Option<Lookup<OutText>>,
    pub(super) classes: Lookup<ClassTarget>,
    pub(super) techniques: Option<Lookup<Vec<String>>>,
    pub(super) rules: Vec<Lookup<bool>>,
    jurisdictions: Option<Jurisdictions<'m>>,
    id_template: Option<Template>,
    url_template: Option<Template>,
}

impl<'m> CasePlacer<'m> {
    /// Compiles `m`, checking every column and placeholder it names against the file.
    pub fn new(m: &'m CaseMapping, cols: &Columns) -> Result<Self, String> {
        for (path, spec) in m.columns() {
            cols.require_spec(&path, spec)?;
        }
        let id = &m.case_id;
        if let Some(c) = &id.column {
            cols.require_spec("case_id.column", c)?;
        }
        if let Some(c) = &id.scope_column {
            cols.require("case_id.scope_column", c)?;
        }
        for (i, c) in id.fallback_columns.iter().enumerate() {
            cols.require(&format!("case_id.fallback_columns[{i}]"), c)?;
        }
        for (i, c) in m.source.filter.iter().enumerate() {
            cols.require_spec(&format!("source.filter[{i}].column"), &c.column)?;
        }
        let id_template = match &id.template {
            Some(t) => {
                let t = Template::parse(t).map_err(|e| format!("case_id.template: {e}"))?;
                t.check("case_id.template", cols, &[])?;
                Some(t)
            }
            None => None,
        };
        let url_template = match &m.source.case_url {
            Some(t) => {
                let t = Template::parse(t).map_err(|e| format!("source.case_url: {e}"))?;
                t.check("source.case_url", cols, super::URL_BUILTINS)?;
                Some(t)
            }
            None => None,
        };
        let labels = |v: &[crate::import::mapping::LabelValue], at: &str| {
            Lookup::new(
                v.iter()
                    .map(|v| (v.matches.as_slice(), OutText::from_lang(&v.label))),
            )
            .map_err(|e| format!("{at}: {e}"))
        };
        let mut rules = Vec::new();
        for r in &m.flag_rules {
            rules.push(
                Lookup::new([
                    (r.flag_when.as_slice(), true),
                    (r.no_flag_when.as_slice(), false),
                ])
                .map_err(|e| format!("flag rule {}: {e}", r.id))?,
            );
        }
        Ok(CasePlacer {
            m,
            stages: m
                .fields
                .stage
                .as_ref()
                .map(|s| labels(&s.values, "fields.stage"))
                .transpose()?,
            agencies: m
                .fields
                .agency_labels
                .as_deref()
                .map(|a| labels(a, "fields.agency_labels"))
                .transpose()?,
            classes: Lookup::new(m.use_class.values.iter().map(|v| {
                (
                    v.matches.as_slice(),
                    ClassTarget {
                        class: v.class.clone(),
                        subtype: v.subtype.clone(),
                    },
                )
            }))
            .map_err(|e| format!("use_class: {e}"))?,
            techniques: m
                .techniques
                .as_ref()
                .map(|t| {
                    Lookup::new(
                        t.values
                            .iter()
                            .map(|v| (v.matches.as_slice(), v.terms.clone())),
                    )
                })
                .transpose()
                .map_err(|e| format!("techniques: {e}"))?,
            rules,
            jurisdictions: m
                .fields
                .jurisdiction
                .as_ref()
                .map(|j| Jurisdictions::new(j, "fields.jurisdiction"))
                .transpose()?,
            id_template,
            url_template,
        })
    }

    /// The jurisdiction ids the mapping itself names, with where.
    pub fn named_jurisdictions(&self) -> Vec<(String, &'m str)> {
        let mut v = vec![(
            "inventory.jurisdiction".to_string(),
            self.m.inventory.jurisdiction.as_str(),
        )];
        if let Some(j) = &self.jurisdictions {
            v.extend(j.named());
        }
        v
    }

    /// Places every record: the cases in file order, each with the index of
    /// its row; problems go to `report`.
    pub fn place_all(&self, cols: &Columns, report: &mut ImportReport) -> Vec<(OutCase, usize)> {
        let rows = &cols.table().rows;
        let mut placed: Vec<(OutCase, Candidate, usize)> = Vec::new();
        for (index, row) in rows.iter().enumerate() {
            if !keep(cols, row, &self.m.source.filter) {
                report.rows_filtered += 1;
                continue;
            }
            match self.place(cols, row, report) {
                Some((case, cand)) => placed.push((case, cand, index)),
                None => report.rows_skipped += 1,
            }
        }
        let cands: Vec<Candidate> = placed.iter().map(|(_, c, _)| c.clone()).collect();
        let id_column = self.id_column();
        placed
            .into_iter()
            .zip(settle(&cands))
            .map(|((mut case, _, index), (id, note))| {
                if let Some(note) = note {
                    let row = &rows[index];
                    let value = self
                        .m
                        .case_id
                        .column
                        .as_ref()
                        .map(|c| cols.raw(row, &c.column))
                        .unwrap_or_default();
                    report.issue(IssueKind::DerivedId, row, &id_column, &value, note);
                }
                case.id = id;
                (case, index)
            })
            .collect()
    }

    /// What the report calls the id's column.
    pub fn id_column(&self) -> String {
        match (&self.m.case_id.column, &self.m.case_id.template) {
            (Some(c), _) => c.column.clone(),
            (None, Some(t)) => format!("(template {t})"),
            (None, None) => "(id)".into(),
        }
    }

    /// One record; None when it is skipped (reported).
    fn place(
        &self,
        cols: &Columns,
        row: &Row,
        report: &mut ImportReport,
    ) -> Option<(OutCase, Candidate)> {
        let m = self.m;
        let f = &m.fields;
        let lang = f.text_language.as_str();
        if row.extra_fields > 0 {
            report.issue(
                IssueKind::ExtraFields,
                row,
                "(row)",
                &format!("{} extra fields", row.extra_fields),
                "extra fields ignored",
            );
        }
        let cand = candidate(&m.case_id, self.id_template.as_ref(), cols, row);
        let mut skip = false;
        let name = match (cols.text(row, &f.name), &f.name_missing) {
            (Some((n, found)), _) => {
                note_fallback(report, row, &f.name, "name", &found);
                Some(OutText::one(lang, &n))
            }
            (None, Some(t)) => {
                report.issue(
                    IssueKind::Fallback,
                    row,
                    &f.name.column,
                    "",
                    "name from fields.name_missing",
                );
                let id = cand.published.clone().unwrap_or_default();
                Some(OutText::new(t.iter().map(|(k, v)| {
                    (
                        k.clone(),
                        v.replace("{id}", &id)
                            .replace("{row}", &row.number.to_string()),
                    )
                })))
            }
            (None, None) => {
                report.issue(
                    IssueKind::Skipped,
                    row,
                    &f.name.column,
                    "",
                    "no name: row skipped",
                );
                return None;
            }
        };
        let Some((agency, found)) = cols.text(row, &f.agency) else {
            report.issue(
                IssueKind::Skipped,
                row,
                &f.agency.column,
                "",
                "no agency: row skipped",
            );
            return None;
        };
        note_fallback(report, row, &f.agency, "agency", &found);
        let agency = match &self.agencies {
            None => OutText::one(lang, &agency),
            Some(look) => match look.get(&agency) {
                Some(t) => t.clone(),
                None => {
                    report.issue(
                        IssueKind::UnknownValue,
                        row,
                        &f.agency.column,
                        &agency,
                        "agency written as published",
                    );
                    OutText::one(lang, &agency)
                }
            },
        };
        let jurisdiction = match &self.jurisdictions {
            Some(j) => match j.place(cols, row, Some(&m.inventory.jurisdiction), report) {
                Some(id) => Some(id).filter(|id| *id != m.inventory.jurisdiction),
                None => {
                    skip = true;
                    None
                }
            },
            None => None,
        };
        let target = self.use_class(cols, row, report);
        let techniques = self.techniques(cols, row, report);
        let (risk_flags, flag_provenance) = self.flags(cols, row, report);
        let stage = self.stage(cols, row, lang, report);
        // Every column was read (and its problems reported) before skipping.
        let target = target?;
        if skip {
            return None;
        }
        let text = |spec: &Option<crate::import::mapping::ColumnSpec>,
                    field: &str,
                    report: &mut ImportReport| {
            spec.as_ref()
                .and_then(|s| text_field(cols, row, s, field, lang, report))
        };
        let source_url = f
            .url
            .as_ref()
            .and_then(|u| url_field(cols, row, u, report))
            .or_else(|| {
                self.url_template
                    .as_ref()
                    .map(|t| url_from_template(t, cols, row, cand.published.as_deref()))
            });
        let case = OutCase {
            id: String::new(), // settled once every row is read
            name: name.unwrap_or_default(),
            agency,
            bureau: text(&f.bureau, "bureau", report),
            jurisdiction,
            description: text(&f.description, "description", report),
            purpose: text(&f.purpose, "purpose", report),
            benefits: text(&f.benefits, "benefits", report),
            outputs: text(&f.outputs, "outputs", report),
            use_class: target.class,
            use_subtype: target.subtype,
            techniques,
            risk_flags,
            flag_method: None,
            flag_provenance,
            stage,
            source_url,
            overrides: Vec::new(),
        };
        Some((case, cand))
    }
}
