//! The case mapping: how one published register becomes one case inventory
//! (`content/inventories/<inventory.id>.yaml`). Every value the importer
//! meets that the mapping does not list is reported with its row, column
//! and value.

use super::{ColumnSpec, IdSpec, JurisdictionSpec, LabelValue, LangText, SourceSpec};
use serde::Deserialize;

/// A case mapping file.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseMapping {
    /// The inventory the import writes: its own fields, written as given.
    pub inventory: InventoryMeta,
    /// How to read the file.
    #[serde(default)]
    pub source: SourceSpec,
    /// How each case gets its stable id.
    pub case_id: IdSpec,
    /// Which column gives each plain case field.
    pub fields: FieldsSpec,
    /// Column value → use class (and sub-type).
    pub use_class: UseClassSpec,
    /// Column value → technique terms.
    #[serde(default)]
    pub techniques: Option<TechniquesSpec>,
    /// Flag methods that are not rules (a researcher's review), written to the
    /// inventory so a case a researcher re-flags by hand can name its method.
    #[serde(default)]
    pub flag_methods: Vec<MethodSpec>,
    /// Rules that derive risk flags from columns; each becomes a flag method.
    #[serde(default)]
    pub flag_rules: Vec<FlagRule>,
}

/// The inventory record's own fields.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InventoryMeta {
    /// Inventory id; the file is `content/inventories/<id>.yaml`.
    pub id: String,
    /// Jurisdiction id (must exist in `content/jurisdictions/`); a case
    /// whose own jurisdiction is another names it (`fields.jurisdiction`).
    pub jurisdiction: String,
    /// Title in both languages.
    pub title: LangText,
    /// Publisher in both languages.
    pub publisher: LangText,
    /// Year of the inventory.
    pub year: u16,
    /// Cases the publisher lists.
    #[serde(default)]
    pub declared_total: Option<u32>,
    /// What the inventory is, in both languages.
    #[serde(default)]
    pub description: Option<LangText>,
    /// The published inventory.
    #[serde(default)]
    pub source_url: Option<String>,
    /// Source ids (of `content/sources/`) for the inventory record.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Flag method (id of a rule or of `flag_methods`) that applies when a
    /// case names none.
    #[serde(default)]
    pub default_flag_method: Option<String>,
}

/// Which column gives each plain case field.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldsSpec {
    /// Case name (required; a row without one is reported and skipped).
    pub name: ColumnSpec,
    /// Name given to a row whose name is blank, in both languages; `{id}` is
    /// the publisher's id and `{row}` the row number. Without it such a row
    /// is skipped. Either way it is reported.
    #[serde(default)]
    pub name_missing: Option<LangText>,
    /// Language the published text is in (`en`, `nl`). A language the site
    /// does not publish in must be among its `source_languages`.
    pub text_language: String,
    /// Agency (required; a row without one is reported and skipped).
    pub agency: ColumnSpec,
    /// Bureau / sub-agency.
    #[serde(default)]
    pub bureau: Option<ColumnSpec>,
    /// Agency values → labels in both languages. Without it the agency is
    /// written as published, in `text_language` only. With it, an agency not
    /// listed is still written that way, and reported.
    #[serde(default)]
    pub agency_labels: Option<Vec<LabelValue>>,
    /// The case's own jurisdiction, when the file holds several.
    #[serde(default)]
    pub jurisdiction: Option<JurisdictionSpec>,
    /// Development stage, mapped onto labels in both languages.
    #[serde(default)]
    pub stage: Option<StageSpec>,
    /// What the case is (a summary), in `text_language`.
    #[serde(default)]
    pub description: Option<ColumnSpec>,
    /// The problem it is meant to solve, in `text_language`.
    #[serde(default)]
    pub purpose: Option<ColumnSpec>,
    /// The benefits expected of it, in `text_language`.
    #[serde(default)]
    pub benefits: Option<ColumnSpec>,
    /// What the system puts out, in `text_language`.
    #[serde(default)]
    pub outputs: Option<ColumnSpec>,
    /// The case's own page, written as published (not encoded); a value
    /// that is no http(s) URL is reported and left out. Where it is blank,
    /// `source.case_url` applies.
    #[serde(default)]
    pub url: Option<ColumnSpec>,
}

/// Development stage values.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StageSpec {
    /// The column.
    pub column: ColumnSpec,
    /// Known values and the label each becomes.
    pub values: Vec<LabelValue>,
}

/// Column value → use class.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UseClassSpec {
    /// The column (absent: every case takes `missing`).
    #[serde(default)]
    pub column: Option<ColumnSpec>,
    /// Separator between several values in one cell; the first value the
    /// mapping knows gives the class (a case has one), and a cell whose
    /// values mean different classes is reported.
    #[serde(default)]
    pub separator: Option<String>,
    /// Known values.
    #[serde(default)]
    pub values: Vec<UseClassValue>,
    /// Class for a blank value. Without it a row with a blank value is
    /// reported and skipped (a case must have a use class).
    #[serde(default)]
    pub missing: Option<ClassTarget>,
    /// Class for a value not listed; the row is reported either way (and is an
    /// error with `--strict`). Without it the row is skipped.
    #[serde(default)]
    pub unknown: Option<ClassTarget>,
}

/// A use class with an optional sub-type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassTarget {
    /// Term of `use_classes`.
    pub class: String,
    /// Sub-type of that class.
    #[serde(default)]
    pub subtype: Option<String>,
}

/// One use-class mapping.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UseClassValue {
    /// Spellings that mean it.
    #[serde(rename = "match")]
    pub matches: Vec<String>,
    /// Term of `use_classes`.
    pub class: String,
    /// Sub-type, where the value determines one.
    #[serde(default)]
    pub subtype: Option<String>,
}

/// Column value → technique terms of the site's one technique vocabulary.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TechniquesSpec {
    /// The column.
    pub column: ColumnSpec,
    /// Separator between several techniques in one cell, when the cell is not
    /// a bracketed list (`,` for "Machine Learning, Big Data").
    #[serde(default)]
    pub separator: Option<String>,
    /// Known values.
    pub values: Vec<TermValue>,
    /// Terms the column cannot give, set when a case's own text names them
    /// ("facial recognition" in its name or outputs). Every case a phrase
    /// tags is listed in the import report, to be reviewed.
    #[serde(default)]
    pub phrases: Vec<PhraseRule>,
}

/// Technique terms set by phrases in a case's text.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhraseRule {
    /// The text columns it reads.
    pub columns: Vec<ColumnSpec>,
    /// Phrases that set the terms: matched as whole words, ignoring case
    /// ("facial recognition" finds "Facial Recognition Technology", not
    /// "superfacial recognitions").
    pub contains: Vec<String>,
    /// Terms of `techniques`.
    pub terms: Vec<String>,
}

/// Spellings → terms (an empty `terms` means "known, maps to nothing").
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermValue {
    /// Spellings that mean it.
    #[serde(rename = "match")]
    pub matches: Vec<String>,
    /// Terms of `techniques`.
    #[serde(default)]
    pub terms: Vec<String>,
}

/// A flag method that is not a rule.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MethodSpec {
    /// Id cases refer to.
    pub id: String,
    /// Short label in both languages.
    pub label: LangText,
    /// Who does what, in both languages.
    pub description: LangText,
    /// The risk flags it can assess (written into the inventory's method);
    /// absent: every flag. An umbrella method for cases no rule flagged
    /// assesses the flags the rules read.
    #[serde(default)]
    pub assesses: Option<Vec<String>>,
}

/// A rule deriving one risk flag from one column.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FlagRule {
    /// Rule id; becomes the flag method id on the inventory.
    pub id: String,
    /// The risk flag it sets.
    pub flag: String,
    /// Short label in both languages.
    pub label: LangText,
    /// The reasoning, in both languages (shown on the inventory page).
    pub description: LangText,
    /// The column it reads.
    pub column: ColumnSpec,
    /// Separator between several values in one cell (bracketed lists such as
    /// `['a', 'b']` are always split).
    #[serde(default)]
    pub separator: Option<String>,
    /// Values that set the flag (any one of a list's items is enough).
    pub flag_when: Vec<String>,
    /// Values known not to set it. A value in neither list is reported.
    #[serde(default)]
    pub no_flag_when: Vec<String>,
}

/// Field names a case's `overrides` may list (one list, in the schema).
pub use crate::schema::OVERRIDABLE_CASE_FIELDS as OVERRIDABLE;

impl CaseMapping {
    /// Every column the mapping reads, with the mapping path that names it.
    pub fn columns(&self) -> Vec<(String, &ColumnSpec)> {
        let mut out: Vec<(String, &ColumnSpec)> = Vec::new();
        let f = &self.fields;
        out.push(("fields.name".into(), &f.name));
        out.push(("fields.agency".into(), &f.agency));
        for (path, c) in [
            ("fields.bureau", &f.bureau),
            ("fields.description", &f.description),
            ("fields.purpose", &f.purpose),
            ("fields.benefits", &f.benefits),
            ("fields.outputs", &f.outputs),
            ("fields.url", &f.url),
        ] {
            if let Some(c) = c {
                out.push((path.into(), c));
            }
        }
        if let Some(j) = &f.jurisdiction {
            out.push(("fields.jurisdiction.column".into(), &j.column));
        }
        if let Some(s) = &f.stage {
            out.push(("fields.stage.column".into(), &s.column));
        }
        if let Some(c) = &self.use_class.column {
            out.push(("use_class.column".into(), c));
        }
        if let Some(t) = &self.techniques {
            out.push(("techniques.column".into(), &t.column));
            for (i, p) in t.phrases.iter().enumerate() {
                for (k, c) in p.columns.iter().enumerate() {
                    out.push((format!("techniques.phrases[{i}].columns[{k}]"), c));
                }
            }
        }
        for (i, r) in self.flag_rules.iter().enumerate() {
            out.push((format!("flag_rules[{i}].column"), &r.column));
        }
        out
    }
}
