//! The framework mapping: how a published list of policy instruments (an
//! OECD-style table, a hand-kept tracker) becomes one framework file per
//! instrument under `content/frameworks/`.

use super::{ColumnSpec, IdSpec, JurisdictionSpec, SourceSpec};
use serde::Deserialize;

/// A framework mapping file.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameworkMapping {
    /// Where the records go and what they share.
    pub frameworks: FrameworksMeta,
    /// How to read the file.
    #[serde(default)]
    pub source: SourceSpec,
    /// How each instrument gets its stable id (also its file name).
    pub id: IdSpec,
    /// Which column gives each field.
    pub fields: FrameworkFields,
}

/// What every record of the import shares.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameworksMeta {
    /// Folder under `content/frameworks/` new files go to; by default the
    /// instrument's jurisdiction (`content/frameworks/nl/<id>.yaml`). A
    /// re-import rewrites a record where it is, wherever that is.
    #[serde(default)]
    pub folder: Option<String>,
    /// Language the published text is in.
    pub text_language: String,
    /// Source ids (of `content/sources/`) given to every record.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Which column gives each field of an instrument.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameworkFields {
    /// Title (required; a record without one is reported and skipped).
    pub title: ColumnSpec,
    /// Short title for tables.
    #[serde(default)]
    pub short_title: Option<ColumnSpec>,
    /// Who issued it.
    #[serde(default)]
    pub issuer: Option<ColumnSpec>,
    /// What it does.
    #[serde(default)]
    pub summary: Option<ColumnSpec>,
    /// Its own page or text (http(s); anything else is reported, left out).
    #[serde(default)]
    pub url: Option<ColumnSpec>,
    /// The jurisdiction that issued it.
    pub jurisdiction: JurisdictionSpec,
    /// Its instrument type.
    #[serde(rename = "type")]
    pub kind: TermSpec,
    /// Whether it binds.
    pub binding: YesNoSpec,
    /// Whether it sorts obligations by risk tier.
    #[serde(default)]
    pub risk_based: Option<YesNoSpec>,
    /// Dated status events, each from a date column.
    #[serde(default)]
    pub status_history: Vec<EventSpec>,
    /// Its key provisions: each item of the column becomes one provision.
    #[serde(default)]
    pub provisions: Option<ProvisionsSpec>,
}

/// A column value → a vocabulary term (`type`, a status).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermSpec {
    /// The column (absent: every record takes `missing`).
    #[serde(default)]
    pub column: Option<ColumnSpec>,
    /// Known spellings.
    #[serde(default)]
    pub values: Vec<TermMatch>,
    /// Term of a blank value; without it the record is skipped (type) or
    /// the event left out (status).
    #[serde(default)]
    pub missing: Option<String>,
    /// Term of a value not listed (reported either way); without it the
    /// record is skipped (type) or the event left out (status).
    #[serde(default)]
    pub unknown: Option<String>,
}

/// Spellings → a term.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermMatch {
    /// Spellings that mean it.
    #[serde(rename = "match")]
    pub matches: Vec<String>,
    /// The term's id.
    pub term: String,
}

/// A yes/no field from a column.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YesNoSpec {
    /// The column (absent: every record takes `missing`).
    #[serde(default)]
    pub column: Option<ColumnSpec>,
    /// Spellings of yes.
    #[serde(default)]
    pub yes: Vec<String>,
    /// Spellings of no.
    #[serde(default)]
    pub no: Vec<String>,
    /// The value of a blank cell (or of every record, without a column);
    /// without it such a record is skipped.
    #[serde(default)]
    pub missing: Option<bool>,
}

/// One dated status event: a fixed status, or one read from a column.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    /// A fixed status term (`adopted` for an "adopted on" column).
    #[serde(default)]
    pub status: Option<String>,
    /// Or the status from a column.
    #[serde(default)]
    pub column: Option<ColumnSpec>,
    /// Spellings of the column's statuses.
    #[serde(default)]
    pub values: Vec<TermMatch>,
    /// Status of a value not listed (reported either way); without it the
    /// event is left out.
    #[serde(default)]
    pub unknown: Option<String>,
    /// The date column: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a sheet's date
    /// cells too). A blank date leaves the event out; another shape is
    /// reported and leaves it out.
    pub date: ColumnSpec,
}

/// Key provisions: the items of one column (a list, or text split on its
/// separator), each with an optional title from a second column.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvisionsSpec {
    /// The provisions' text.
    pub column: ColumnSpec,
    /// Their titles, item for item.
    #[serde(default)]
    pub titles: Option<ColumnSpec>,
}

impl FrameworkMapping {
    /// Every column the mapping reads, with the mapping path that names it.
    pub fn columns(&self) -> Vec<(String, &ColumnSpec)> {
        let f = &self.fields;
        let mut out: Vec<(String, &ColumnSpec)> = vec![
            ("fields.title".into(), &f.title),
            ("fields.jurisdiction.column".into(), &f.jurisdiction.column),
        ];
        for (path, c) in [
            ("fields.short_title", &f.short_title),
            ("fields.issuer", &f.issuer),
            ("fields.summary", &f.summary),
            ("fields.url", &f.url),
            ("fields.type.column", &f.kind.column),
            ("fields.binding.column", &f.binding.column),
        ] {
            if let Some(c) = c {
                out.push((path.into(), c));
            }
        }
        if let Some(c) = f.risk_based.as_ref().and_then(|r| r.column.as_ref()) {
            out.push(("fields.risk_based.column".into(), c));
        }
        for (i, e) in f.status_history.iter().enumerate() {
            out.push((format!("fields.status_history[{i}].date"), &e.date));
            if let Some(c) = &e.column {
                out.push((format!("fields.status_history[{i}].column"), c));
            }
        }
        if let Some(p) = &f.provisions {
            out.push(("fields.provisions.column".into(), &p.column));
            if let Some(t) = &p.titles {
                out.push(("fields.provisions.titles".into(), t));
            }
        }
        out
    }
}
