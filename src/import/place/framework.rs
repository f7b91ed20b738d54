//! Placing each record of a list of instruments as a framework record:
//! title and texts, jurisdiction, type, binding, dated status events, key
//! provisions, URL and id.

use super::ids::{candidate, settle, Candidate};
use super::{keep, text_field, url_field, Jurisdictions};
use crate::import::columns::Columns;
use crate::import::mapping::frameworks::{FrameworkMapping, TermMatch, YesNoSpec};
use crate::import::read::Row;
use crate::import::report::{ImportReport, IssueKind};
use crate::import::template::Template;
use crate::import::values::Lookup;
use crate::import::write::framework::OutFramework;
use crate::schema::PartialDate;

/// The framework mapping, compiled against the file's columns.
pub struct FrameworkPlacer<'m> {
    pub(super) m: &'m FrameworkMapping,
    jurisdictions: Jurisdictions<'m>,
    types: Lookup<String>,
    binding: Lookup<bool>,
    risk_based: Option<Lookup<bool>>,
    pub(super) statuses: Vec<Lookup<String>>,
    id_template: Option<Template>,
}

fn terms(values: &[TermMatch], at: &str) -> Result<Lookup<String>, String> {
    Lookup::new(
        values
            .iter()
            .map(|v| (v.matches.as_slice(), v.term.clone())),
    )
    .map_err(|e| format!("{at}: {e}"))
}

fn yes_no(s: &YesNoSpec, at: &str) -> Result<Lookup<bool>, String> {
    Lookup::new([(s.yes.as_slice(), true), (s.no.as_slice(), false)])
        .map_err(|e| format!("{at}: {e}"))
}

impl<'m> FrameworkPlacer<'m> {
    /// Compiles `m`, checking every column and placeholder it names against the file.
    pub fn new(m: &'m FrameworkMapping, cols: &Columns) -> Result<Self, String> {
        for (path, spec) in m.columns() {
            cols.require_spec(&path, spec)?;
        }
        if let Some(c) = &m.id.column {
            cols.require_spec("id.column", c)?;
        }
        if let Some(c) = &m.id.scope_column {
            cols.require("id.scope_column", c)?;
        }
        for (i, c) in m.id.fallback_columns.iter().enumerate() {
            cols.require(&format!("id.fallback_columns[{i}]"), c)?;
        }
        for (i, c) in m.source.filter.iter().enumerate() {
            cols.require_spec(&format!("source.filter[{i}].column"), &c.column)?;
        }
        if m.source.case_url.is_some() {
            return Err("source.case_url: an instrument's URL comes from fields.url".into());
        }
        let id_template = match &m.id.template {
            Some(t) => {
                let t = Template::parse(t).map_err(|e| format!("id.template: {e}"))?;
                t.check("id.template", cols, &[])?;
                Some(t)
            }
            None => None,
        };
        let f = &m.fields;
        Ok(FrameworkPlacer {
            m,
            jurisdictions: Jurisdictions::new(&f.jurisdiction, "fields.jurisdiction")?,
            types: terms(&f.kind.values, "fields.type")?,
            binding: yes_no(&f.binding, "fields.binding")?,
            risk_based: f
                .risk_based
                .as_ref()
                .map(|r| yes_no(r, "fields.risk_based"))
                .transpose()?,
            statuses: f
                .status_history
                .iter()
                .enumerate()
                .map(|(i, e)| terms(&e.values, &format!("fields.status_history[{i}]")))
                .collect::<Result<_, _>>()?,
            id_template,
        })
    }

    /// The jurisdiction ids the mapping itself names, with where.
    pub fn named_jurisdictions(&self) -> Vec<(String, &'m str)> {
        self.jurisdictions.named()
    }

    /// The top-level keys this mapping writes (a re-import replaces them
    /// unless a record overrides them; it never touches the others).
    pub fn managed(&self) -> Vec<&'static str> {
        let f = &self.m.fields;
        let mut keys = vec!["id", "jurisdiction", "type", "title", "binding"];
        for (k, on) in [
            ("short_title", f.short_title.is_some()),
            ("issuer", f.issuer.is_some()),
            ("url", f.url.is_some()),
            ("risk_based", f.risk_based.is_some()),
            ("summary", f.summary.is_some()),
            ("status_history", !f.status_history.is_empty()),
            ("provisions", f.provisions.is_some()),
            ("sources", !self.m.frameworks.sources.is_empty()),
        ] {
            if on {
                keys.push(k);
            }
        }
        keys
    }

    /// Places every record: instruments in file order with their row index.
    pub fn place_all(
        &self,
        cols: &Columns,
        report: &mut ImportReport,
    ) -> Vec<(OutFramework, usize)> {
        let rows = &cols.table().rows;
        let mut placed: Vec<(OutFramework, Candidate, usize)> = Vec::new();
        for (index, row) in rows.iter().enumerate() {
            if !keep(cols, row, &self.m.source.filter) {
                report.rows_filtered += 1;
                continue;
            }
            match self.place(cols, row, report) {
                Some((fw, cand)) => placed.push((fw, cand, index)),
                None => report.rows_skipped += 1,
            }
        }
        let cands: Vec<Candidate> = placed.iter().map(|(_, c, _)| c.clone()).collect();
        let column = match (&self.m.id.column, &self.m.id.template) {
            (Some(c), _) => c.column.clone(),
            (None, Some(t)) => format!("(template {t})"),
            (None, None) => "(id)".into(),
        };
        placed
            .into_iter()
            .zip(settle(&cands))
            .map(|((mut fw, _, index), (id, note))| {
                if let Some(note) = note {
                    let row = &rows[index];
                    let value = self
                        .m
                        .id
                        .column
                        .as_ref()
                        .map(|c| cols.raw(row, &c.column))
                        .unwrap_or_default();
                    report.issue(IssueKind::DerivedId, row, &column, &value, note);
                }
                fw.id = id;
                (fw, index)
            })
            .collect()
    }

    fn place(
        &self,
        cols: &Columns,
        row: &Row,
        report: &mut ImportReport,
    ) -> Option<(OutFramework, Candidate)> {
        let (m, f) = (self.m, &self.m.fields);
        let lang = m.frameworks.text_language.as_str();
        if row.extra_fields > 0 {
            report.issue(
                IssueKind::ExtraFields,
                row,
                "(row)",
                &format!("{} extra fields", row.extra_fields),
                "extra fields ignored",
            );
        }
        let cand = candidate(&m.id, self.id_template.as_ref(), cols, row);
        let title = text_field(cols, row, &f.title, "title", lang, report);
        if title.is_none() {
            report.issue(
                IssueKind::Skipped,
                row,
                &f.title.column,
                "",
                "no title: row skipped",
            );
        }
        let jurisdiction = self.jurisdictions.place(cols, row, None, report);
        let kind = self.term(cols, row, &f.kind, &self.types, "type", report);
        let binding = self.yes_no(cols, row, &f.binding, &self.binding, "binding", report);
        let risk_based = match (&f.risk_based, &self.risk_based) {
            (Some(spec), Some(look)) => {
                Some(self.yes_no(cols, row, spec, look, "risk_based", report)?)
            }
            _ => None,
        };
        let status_history = self.events(cols, row, report);
        let provisions = self.provisions(cols, row, lang);
        let text = |spec: &Option<crate::import::mapping::ColumnSpec>,
                    field: &str,
                    report: &mut ImportReport| {
            spec.as_ref()
                .and_then(|s| text_field(cols, row, s, field, lang, report))
        };
        let fw = OutFramework {
            id: String::new(),
            jurisdiction: jurisdiction?,
            kind: kind?,
            title: title?,
            short_title: text(&f.short_title, "short title", report),
            issuer: text(&f.issuer, "issuer", report),
            url: f.url.as_ref().and_then(|u| url_field(cols, row, u, report)),
            binding: binding?,
            risk_based,
            summary: text(&f.summary, "summary", report),
            status_history,
            provisions,
            sources: m.frameworks.sources.clone(),
        };
        Some((fw, cand))
    }
}

/// A date as a register writes it: `2023`, `2023-05`, `2023-05-17`, a date
/// and time (`2023-05-17T10:00:00`, `2023-05-17 10:00`), or a year that a
/// sheet stored as a number.
pub fn date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    let day = s.split(['T', ' ']).next().unwrap_or(s);
    PartialDate::parse(day).ok()
}
