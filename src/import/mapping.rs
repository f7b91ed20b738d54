//! The mapping file: how the columns of one published CSV become a case
//! inventory. Mapping files live in `content/imports/` (the site loader skips
//! that folder) and are documented, with an example, in the README section "Importing a published inventory".
//!
//! A mapping never holds data: it names columns, lists the values it knows
//! for each mapped column, and states rules. Every value the importer meets
//! that the mapping does not list is reported with its row, column and value.

use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Text in every language, as written in the mapping (`{zh-TW: ..., en: ...}`).
pub type LangText = BTreeMap<String, String>;

/// A whole mapping file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The inventory the import writes: its own fields, written as given.
    pub inventory: InventoryMeta,
    /// How to read the CSV.
    #[serde(default)]
    pub source: SourceSpec,
    /// How each case gets its stable id.
    pub case_id: CaseIdSpec,
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InventoryMeta {
    /// Inventory id; the file is `content/inventories/<id>.yaml`.
    pub id: String,
    /// Jurisdiction id (must exist in `content/jurisdictions/`).
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

/// How to read the CSV.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    /// Where the CSV usually is, relative to the repository (documentation
    /// only: the command takes the file as an argument).
    #[serde(default)]
    pub default_csv: Option<String>,
    /// Encoding label (encoding_rs) used when `--encoding` is not given.
    /// Without either, the file must be UTF-8 (with or without a BOM).
    #[serde(default)]
    pub encoding: Option<String>,
    /// Field delimiter (one byte); default `,`.
    #[serde(default)]
    pub delimiter: Option<char>,
    /// Values that mean "missing" besides blank (compared ignoring case and
    /// surrounding whitespace). Default: `N/A`, `NA`, `n.a.`, `null`, `-`.
    #[serde(default)]
    pub missing_values: Option<Vec<String>>,
    /// Template of each case's `source_url`: `{line}` is the line the row
    /// starts on in the CSV, `{row}` its row number (header = 1), `{id}` the
    /// source id as published (URL-encoded).
    #[serde(default)]
    pub case_url: Option<String>,
}

/// How each case gets its stable id.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseIdSpec {
    /// Column holding the publisher's use-case id.
    pub column: String,
    /// Prefix making ids unique across inventories (`us25-`).
    pub prefix: String,
    /// Column the publisher's ids are unique within (the agency); its value is
    /// put in front of the id unless the id already starts with it.
    #[serde(default)]
    pub scope_column: Option<String>,
    /// Columns hashed into the id when the publisher's id is blank, a
    /// placeholder or duplicated (agency, bureau, name).
    pub fallback_columns: Vec<String>,
    /// Ids that mean "no id yet" (`TBD`).
    #[serde(default)]
    pub placeholders: Vec<String>,
}

/// Which column gives each plain case field.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldsSpec {
    /// Case name (required; a row without one is reported and skipped).
    pub name: String,
    /// Name given to a row whose name is blank, in both languages; `{id}` is
    /// the publisher's id and `{row}` the row number. Without it such a row
    /// is skipped. Either way it is reported.
    #[serde(default)]
    pub name_missing: Option<LangText>,
    /// Language the name and other published text are in (`en`).
    pub text_language: String,
    /// Agency (required; a row without one is reported and skipped).
    pub agency: String,
    /// Bureau / sub-agency.
    #[serde(default)]
    pub bureau: Option<String>,
    /// Agency values → labels in both languages. Without it the agency is
    /// written as published, in `text_language` only. With it, an agency not
    /// listed is still written that way, and reported.
    #[serde(default)]
    pub agency_labels: Option<Vec<LabelValue>>,
    /// Development stage, mapped onto labels in both languages.
    #[serde(default)]
    pub stage: Option<StageSpec>,
    /// A column copied as the case description, in `text_language` only.
    /// The shipped mappings leave it out: agencies' free text is not shipped.
    #[serde(default)]
    pub description: Option<String>,
}

/// Development stage values.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StageSpec {
    /// The column.
    pub column: String,
    /// Known values and the label each becomes.
    pub values: Vec<StageValue>,
}

/// One stage label and the spellings that mean it.
pub type StageValue = LabelValue;

/// One label in both languages and the spellings that mean it (a stage, an
/// agency).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LabelValue {
    /// Spellings (matched ignoring case and surrounding/repeated whitespace).
    #[serde(rename = "match")]
    pub matches: Vec<String>,
    /// The label written to the case.
    pub label: LangText,
}

/// Column value → use class.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UseClassSpec {
    /// The column (absent: every case takes `missing`).
    #[serde(default)]
    pub column: Option<String>,
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassTarget {
    /// Term of `use_classes`.
    pub class: String,
    /// Sub-type of that class.
    #[serde(default)]
    pub subtype: Option<String>,
}

/// One use-class mapping.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
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

/// Column value → technique terms.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TechniquesSpec {
    /// The column.
    pub column: String,
    /// Separator between several techniques in one cell, when the cell is not
    /// a bracketed list (`,` for "Machine Learning, Big Data").
    #[serde(default)]
    pub separator: Option<String>,
    /// Known values.
    pub values: Vec<TermValue>,
}

/// Spellings → terms (an empty `terms` means "known, maps to nothing").
#[derive(Debug, Clone, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
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
    pub column: String,
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

impl Mapping {
    /// Every column the mapping reads, with the mapping path that names it.
    pub fn columns(&self) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = Vec::new();
        out.push(("case_id.column".into(), &self.case_id.column));
        if let Some(c) = &self.case_id.scope_column {
            out.push(("case_id.scope_column".into(), c));
        }
        for (i, c) in self.case_id.fallback_columns.iter().enumerate() {
            out.push((format!("case_id.fallback_columns[{i}]"), c));
        }
        out.push(("fields.name".into(), &self.fields.name));
        out.push(("fields.agency".into(), &self.fields.agency));
        if let Some(c) = &self.fields.bureau {
            out.push(("fields.bureau".into(), c));
        }
        if let Some(c) = &self.fields.description {
            out.push(("fields.description".into(), c));
        }
        if let Some(s) = &self.fields.stage {
            out.push(("fields.stage.column".into(), &s.column));
        }
        if let Some(c) = &self.use_class.column {
            out.push(("use_class.column".into(), c));
        }
        if let Some(t) = &self.techniques {
            out.push(("techniques.column".into(), &t.column));
        }
        for (i, r) in self.flag_rules.iter().enumerate() {
            out.push((format!("flag_rules[{i}].column"), &r.column));
        }
        out
    }
}
