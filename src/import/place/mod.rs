//! Placement: each record of the file becomes a case ([`case`]) or an
//! instrument ([`framework`]) following the mapping. What both share lives
//! here: the row filter, the jurisdiction a record belongs to, text and URL
//! fields. Every value the mapping cannot place is reported with its row,
//! column and value; nothing is dropped silently.

pub mod case;
mod case_fields;
pub mod framework;
mod framework_fields;
pub mod ids;

use super::columns::{Columns, Found};
use super::mapping::{ColumnSpec, Condition, JurisdictionSpec};
use super::read::Row;
use super::report::{ImportReport, IssueKind};
use super::template::Template;
use super::values::{match_key, url_encode, Lookup};
use super::write::OutText;

/// Whether a record meets every condition of `source.filter`.
pub fn keep(cols: &Columns, row: &Row, filter: &[Condition]) -> bool {
    filter.iter().all(|c| {
        let (items, _) = cols.items(row, &c.column, None);
        let keys: Vec<String> = items.iter().map(|i| match_key(i)).collect();
        let listed = |list: &Vec<String>| list.iter().any(|v| keys.contains(&match_key(v)));
        c.any_of.as_ref().is_none_or(listed)
            && c.not_in.as_ref().is_none_or(|l| !listed(l))
            && c.present.is_none_or(|p| p != items.is_empty())
    })
}

/// A text field from a column, in the text language; reports a value taken
/// from a fallback column or the default.
pub fn text_field(
    cols: &Columns,
    row: &Row,
    spec: &ColumnSpec,
    field: &str,
    lang: &str,
    report: &mut ImportReport,
) -> Option<OutText> {
    let (v, found) = cols.text(row, spec)?;
    note_fallback(report, row, spec, field, &found);
    Some(OutText::one(lang, &v))
}

/// Reports a value that did not come from the column itself.
pub fn note_fallback(
    report: &mut ImportReport,
    row: &Row,
    spec: &ColumnSpec,
    field: &str,
    found: &Found,
) {
    match found {
        Found::Column | Found::Constant => {}
        Found::Fallback(c) => report.issue(
            IssueKind::Fallback,
            row,
            &spec.column,
            "",
            format!("{field} from column {c:?}"),
        ),
        Found::Default => report.issue(
            IssueKind::Fallback,
            row,
            &spec.column,
            "",
            format!("{field} from the mapping's default"),
        ),
    }
}

/// A URL column, written as published: a value that is no http(s) URL is
/// reported and left out (the site would refuse it).
pub fn url_field(
    cols: &Columns,
    row: &Row,
    spec: &ColumnSpec,
    report: &mut ImportReport,
) -> Option<String> {
    let (v, found) = cols.text(row, spec)?;
    if crate::validate::is_valid_url(&v) {
        note_fallback(report, row, spec, "URL", &found);
        Some(v.trim().to_string())
    } else {
        report.issue(
            IssueKind::BadValue,
            row,
            &spec.column,
            &v,
            "not an absolute http(s) URL: left out",
        );
        None
    }
}

/// Built-in placeholders of a URL template.
pub const URL_BUILTINS: &[&str] = &["line", "row", "id"];

/// Fills a URL template: `{line}`, `{row}`, `{id}` (the publisher's id) and
/// any column, each URL-encoded.
pub fn url_from_template(t: &Template, cols: &Columns, row: &Row, id: Option<&str>) -> String {
    t.render(|name, max| {
        let v = match name {
            "line" => return row.line.to_string(),
            "row" => return row.number.to_string(),
            "id" => id.unwrap_or("").to_string(),
            col => super::values::clean_text(&cols.raw(row, col)),
        };
        let v: String = match max {
            Some(m) => v.chars().take(m).collect(),
            None => v,
        };
        url_encode(&v)
    })
}

/// A mapping's jurisdiction column, ready to look values up.
pub struct Jurisdictions<'m> {
    spec: &'m JurisdictionSpec,
    values: Lookup<String>,
    path: &'static str,
}

impl<'m> Jurisdictions<'m> {
    /// Builds the lookup (`path` names the spec in messages).
    pub fn new(spec: &'m JurisdictionSpec, path: &'static str) -> Result<Self, String> {
        let values = Lookup::new(
            spec.values
                .iter()
                .map(|v| (v.matches.as_slice(), v.jurisdiction.clone())),
        )
        .map_err(|e| format!("{path}: {e}"))?;
        Ok(Jurisdictions { spec, values, path })
    }

    /// The jurisdiction ids the mapping writes itself (to check they exist).
    pub fn named(&self) -> Vec<(String, &'m str)> {
        let s = self.spec;
        let mut v: Vec<(String, &str)> = s
            .values
            .iter()
            .enumerate()
            .map(|(i, x)| {
                (
                    format!("{}.values[{i}]", self.path),
                    x.jurisdiction.as_str(),
                )
            })
            .collect();
        for (k, j) in [
            ("missing", &s.missing),
            ("unknown", &s.unknown),
            ("several", &s.several),
        ] {
            if let Some(j) = j {
                v.push((format!("{}.{k}", self.path), j.as_str()));
            }
        }
        v
    }

    /// One value's jurisdiction id, if the mapping knows it.
    fn one(&self, value: &str) -> Option<String> {
        if let Some(j) = self.values.get(value) {
            return Some(j.clone());
        }
        let id = value.trim().to_lowercase();
        (self.spec.ids && crate::validate::check_id_syntax(&id).is_ok()).then_some(id)
    }

    /// The jurisdiction of a record: None when it is to be skipped.
    /// `default` applies to a blank value when the mapping gives no `missing`.
    pub fn place(
        &self,
        cols: &Columns,
        row: &Row,
        default: Option<&str>,
        report: &mut ImportReport,
    ) -> Option<String> {
        let s = self.spec;
        let column = &s.column.column;
        let (items, found) = cols.items(row, &s.column, None);
        if items.is_empty() {
            return match s.missing.as_deref().or(default) {
                Some(j) => {
                    report.issue(
                        IssueKind::Fallback,
                        row,
                        column,
                        "",
                        format!("jurisdiction {j}"),
                    );
                    Some(j.to_string())
                }
                None => {
                    report.issue(
                        IssueKind::Skipped,
                        row,
                        column,
                        "",
                        "no jurisdiction: row skipped",
                    );
                    None
                }
            };
        }
        note_fallback(report, row, &s.column, "jurisdiction", &found);
        let mut known: Vec<String> = Vec::new();
        let mut unknown = false;
        for item in &items {
            match self.one(item) {
                Some(j) => {
                    if !known.contains(&j) {
                        known.push(j);
                    }
                }
                None => {
                    unknown = true;
                    let note = match (&s.unknown, known.is_empty() && items.len() == 1) {
                        (Some(j), _) => format!("jurisdiction {j} by fallback"),
                        (None, true) => "unknown jurisdiction: row skipped".into(),
                        (None, false) => "left out".into(),
                    };
                    report.issue(IssueKind::UnknownValue, row, column, item, note);
                }
            }
        }
        match known.len() {
            0 => {
                let j = s.unknown.clone();
                if j.is_none() && unknown && items.len() > 1 {
                    report.issue(
                        IssueKind::Skipped,
                        row,
                        column,
                        "",
                        "no known jurisdiction: row skipped",
                    );
                }
                j
            }
            1 => Some(known.remove(0)),
            _ => {
                let value = items.join("; ");
                match &s.several {
                    Some(j) => {
                        report.issue(
                            IssueKind::Several,
                            row,
                            column,
                            &value,
                            format!("several jurisdictions: {j}"),
                        );
                        Some(j.clone())
                    }
                    None => {
                        report.issue(
                            IssueKind::Several,
                            row,
                            column,
                            &value,
                            format!("several jurisdictions: the first, {}", known[0]),
                        );
                        Some(known.remove(0))
                    }
                }
            }
        }
    }
}
