//! The instrument fields read through the mapping's value lists: type,
//! yes/no fields, dated status events and key provisions.

use super::framework::{date, FrameworkPlacer};
use super::note_fallback;
use crate::import::columns::Columns;
use crate::import::mapping::frameworks::{EventSpec, TermSpec, YesNoSpec};
use crate::import::read::Row;
use crate::import::report::{ImportReport, IssueKind};
use crate::import::values::Lookup;
use crate::import::write::framework::OutProvision;
use crate::import::write::OutText;
use crate::schema::PartialDate;

impl FrameworkPlacer<'_> {
    /// A term from a column: None when the record is to be skipped.
    pub(super) fn term(
        &self,
        cols: &Columns,
        row: &Row,
        spec: &TermSpec,
        look: &Lookup<String>,
        field: &str,
        report: &mut ImportReport,
    ) -> Option<String> {
        let column = spec
            .column
            .as_ref()
            .map(|c| c.column.clone())
            .unwrap_or_else(|| "(none)".into());
        let value = spec.column.as_ref().and_then(|c| {
            let (v, found) = cols.text(row, c)?;
            note_fallback(report, row, c, field, &found);
            Some(v)
        });
        let Some(value) = value else {
            return match &spec.missing {
                Some(t) => {
                    if spec.column.is_some() {
                        report.issue(
                            IssueKind::Fallback,
                            row,
                            &column,
                            "",
                            format!("{field} {t}"),
                        );
                    }
                    Some(t.clone())
                }
                None => {
                    report.issue(
                        IssueKind::Skipped,
                        row,
                        &column,
                        "",
                        format!("no {field}: row skipped"),
                    );
                    None
                }
            };
        };
        match look.get(&value) {
            Some(t) => Some(t.clone()),
            None => {
                let note = match &spec.unknown {
                    Some(t) => format!("{field} {t} by fallback"),
                    None => format!("unknown {field}: row skipped"),
                };
                report.issue(IssueKind::UnknownValue, row, &column, &value, note);
                spec.unknown.clone()
            }
        }
    }

    pub(super) fn yes_no(
        &self,
        cols: &Columns,
        row: &Row,
        spec: &YesNoSpec,
        look: &Lookup<bool>,
        field: &str,
        report: &mut ImportReport,
    ) -> Option<bool> {
        let column = spec
            .column
            .as_ref()
            .map(|c| c.column.clone())
            .unwrap_or_else(|| "(none)".into());
        let value = spec
            .column
            .as_ref()
            .and_then(|c| cols.text(row, c).map(|(v, _)| v));
        let Some(value) = value else {
            if spec.missing.is_none() {
                report.issue(
                    IssueKind::Skipped,
                    row,
                    &column,
                    "",
                    format!("no {field}: row skipped"),
                );
            } else if spec.column.is_some() {
                report.issue(
                    IssueKind::Fallback,
                    row,
                    &column,
                    "",
                    format!("{field}: {}", spec.missing.unwrap_or_default()),
                );
            }
            return spec.missing;
        };
        match look.get(&value) {
            Some(b) => Some(*b),
            None => {
                report.issue(
                    IssueKind::UnknownValue,
                    row,
                    &column,
                    &value,
                    format!("neither yes nor no for {field}: row skipped"),
                );
                None
            }
        }
    }

    /// The dated status events, oldest first (same dates in mapping order).
    pub(super) fn events(
        &self,
        cols: &Columns,
        row: &Row,
        report: &mut ImportReport,
    ) -> Vec<(String, String)> {
        let mut events: Vec<(PartialDate, usize, String)> = Vec::new();
        for (i, (e, look)) in self
            .m
            .fields
            .status_history
            .iter()
            .zip(&self.statuses)
            .enumerate()
        {
            let Some((raw_date, _)) = cols.text(row, &e.date) else {
                continue;
            };
            let Some(date) = date(&raw_date) else {
                report.issue(
                    IssueKind::BadValue,
                    row,
                    &e.date.column,
                    &raw_date,
                    "not a date (YYYY, YYYY-MM or YYYY-MM-DD): event left out",
                );
                continue;
            };
            let Some(status) = self.status(cols, row, e, look, report) else {
                continue;
            };
            events.push((date, i, status));
        }
        events.sort();
        events
            .into_iter()
            .map(|(d, _, s)| (d.to_string(), s))
            .collect()
    }

    pub(super) fn status(
        &self,
        cols: &Columns,
        row: &Row,
        e: &EventSpec,
        look: &Lookup<String>,
        report: &mut ImportReport,
    ) -> Option<String> {
        if let Some(s) = &e.status {
            return Some(s.clone());
        }
        let spec = e.column.as_ref()?;
        let (v, _) = cols.text(row, spec)?;
        match look.get(&v) {
            Some(s) => Some(s.clone()),
            None => {
                let note = match &e.unknown {
                    Some(s) => format!("status {s} by fallback"),
                    None => "unknown status: event left out".into(),
                };
                report.issue(IssueKind::UnknownValue, row, &spec.column, &v, note);
                e.unknown.clone()
            }
        }
    }

    pub(super) fn provisions(&self, cols: &Columns, row: &Row, lang: &str) -> Vec<OutProvision> {
        let Some(p) = &self.m.fields.provisions else {
            return Vec::new();
        };
        let (items, _) = cols.items(row, &p.column, None);
        let titles = p
            .titles
            .as_ref()
            .map(|t| cols.items(row, t, None).0)
            .unwrap_or_default();
        items
            .iter()
            .enumerate()
            .map(|(i, text)| OutProvision {
                id: format!("p{}", i + 1),
                label: OutText::one(lang, &(i + 1).to_string()),
                title: titles.get(i).map(|t| OutText::one(lang, t)),
                summary: OutText::one(lang, text),
            })
            .collect()
    }
}
