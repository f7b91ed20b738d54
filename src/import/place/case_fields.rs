//! The case fields read through the mapping's value lists: use class,
//! techniques, risk flags by rule, and stage. Every value a list does not
//! hold is reported with its row, column and value.

use super::case::CasePlacer;
use super::note_fallback;
use crate::import::columns::{Columns, Found};
use crate::import::mapping::cases::ClassTarget;
use crate::import::read::Row;
use crate::import::report::{ImportReport, IssueKind};
use crate::import::values::{clean_text, is_missing};
use crate::import::write::OutText;

impl CasePlacer<'_> {
    pub(super) fn use_class(
        &self,
        cols: &Columns,
        row: &Row,
        report: &mut ImportReport,
    ) -> Option<ClassTarget> {
        let u = &self.m.use_class;
        let column = u
            .column
            .as_ref()
            .map(|c| c.column.clone())
            .unwrap_or_else(|| "(none)".into());
        let (items, raw) = match &u.column {
            Some(spec) => {
                let (items, found) = cols.items(row, spec, u.separator.as_deref());
                note_fallback(report, row, spec, "use class", &found);
                (items, cols.raw(row, &spec.column))
            }
            None => (Vec::new(), String::new()),
        };
        if items.is_empty() {
            return match &u.missing {
                Some(t) => {
                    report.issue(
                        IssueKind::Fallback,
                        row,
                        &column,
                        &raw,
                        format!("use class {}", t.class),
                    );
                    Some(t.clone())
                }
                None => {
                    report.issue(
                        IssueKind::Skipped,
                        row,
                        &column,
                        &raw,
                        "no use class: row skipped",
                    );
                    None
                }
            };
        }
        let mut found: Vec<ClassTarget> = Vec::new();
        for item in &items {
            match self.classes.get(item) {
                Some(t) => {
                    if !found.contains(t) {
                        found.push(t.clone());
                    }
                }
                None => {
                    let note = match (&u.unknown, found.is_empty() && items.len() == 1) {
                        (Some(t), _) => format!("use class {} by fallback", t.class),
                        (None, true) => "unknown use class: row skipped".into(),
                        (None, false) => "left out".into(),
                    };
                    report.issue(IssueKind::UnknownValue, row, &column, item, note);
                }
            }
        }
        if found.len() > 1 {
            report.issue(
                IssueKind::Several,
                row,
                &column,
                &items.join("; "),
                format!("several use classes: the first, {}", found[0].class),
            );
        }
        found.into_iter().next().or_else(|| u.unknown.clone())
    }

    pub(super) fn techniques(
        &self,
        cols: &Columns,
        row: &Row,
        report: &mut ImportReport,
    ) -> Vec<String> {
        let mut techs: Vec<String> = Vec::new();
        if let (Some(spec), Some(look)) = (&self.m.techniques, &self.techniques) {
            let (items, found) = cols.items(row, &spec.column, spec.separator.as_deref());
            note_fallback(report, row, &spec.column, "techniques", &found);
            for item in items {
                match look.get(&item) {
                    Some(terms) => {
                        for t in terms {
                            if !techs.contains(t) {
                                techs.push(t.clone());
                            }
                        }
                    }
                    None => report.issue(
                        IssueKind::UnknownValue,
                        row,
                        &spec.column.column,
                        &item,
                        "technique left out",
                    ),
                }
            }
        }
        techs
    }

    pub(super) fn flags(
        &self,
        cols: &Columns,
        row: &Row,
        report: &mut ImportReport,
    ) -> (Vec<String>, Vec<(String, String)>) {
        let mut flags: Vec<String> = Vec::new();
        let mut prov: Vec<(String, String)> = Vec::new();
        for (rule, look) in self.m.flag_rules.iter().zip(&self.rules) {
            let (items, _) = cols.items(row, &rule.column, rule.separator.as_deref());
            let mut hit = false;
            for item in items {
                match look.get(&item) {
                    Some(true) => hit = true,
                    Some(false) => {}
                    None => report.issue(
                        IssueKind::UnknownValue,
                        row,
                        &rule.column.column,
                        &item,
                        format!("rule {} does not know it: no flag from this value", rule.id),
                    ),
                }
            }
            if hit && !flags.contains(&rule.flag) {
                flags.push(rule.flag.clone());
                prov.push((rule.flag.clone(), rule.id.clone()));
            }
        }
        (flags, prov)
    }

    pub(super) fn stage(
        &self,
        cols: &Columns,
        row: &Row,
        lang: &str,
        report: &mut ImportReport,
    ) -> Option<OutText> {
        let (spec, look) = (self.m.fields.stage.as_ref()?, self.stages.as_ref()?);
        let raw = cols.raw(row, &spec.column.column);
        let (value, found) = if is_missing(&raw, cols.missing_of(&spec.column)) {
            let (v, found) = cols.text(row, &spec.column)?;
            (v, found)
        } else {
            (raw, Found::Column)
        };
        note_fallback(report, row, &spec.column, "stage", &found);
        match look.get(&value) {
            Some(t) => Some(t.clone()),
            None => {
                report.issue(
                    IssueKind::UnknownValue,
                    row,
                    &spec.column.column,
                    &value,
                    "stage written as published",
                );
                Some(OutText::one(lang, &clean_text(&value)))
            }
        }
    }
}
