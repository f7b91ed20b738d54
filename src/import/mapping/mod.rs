//! Mapping files: how the columns of one published register become content.
//! A mapping says what the file is and how to read it ([`SourceSpec`]), how
//! each record gets its stable id ([`IdSpec`]), and which column gives each
//! field; it lists the values it knows and states rules. It never holds
//! data. Two kinds: [`cases::CaseMapping`] writes one case inventory,
//! [`frameworks::FrameworkMapping`] one framework file per instrument.
//! Mapping files live in `content/imports/` (the site loader skips that
//! folder) and are documented in `docs/import.md`.

pub mod cases;
pub mod check;
pub mod frameworks;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// Text in every language, as written in the mapping (`{zh-TW: ..., en: ...}`).
pub type LangText = BTreeMap<String, String>;

/// A mapping file of either kind.
#[derive(Debug, Clone)]
pub enum MappingFile {
    /// Writes one case inventory.
    Cases(Box<cases::CaseMapping>),
    /// Writes one framework record per instrument.
    Frameworks(Box<frameworks::FrameworkMapping>),
}

impl MappingFile {
    /// Reads and parses a mapping file: a framework mapping when it has a
    /// top-level `frameworks:` key, a case mapping otherwise.
    pub fn read(path: &Path) -> Result<MappingFile, super::ImportError> {
        use super::ImportError;
        let text = std::fs::read_to_string(path).map_err(|e| {
            ImportError::Usage(format!("cannot read mapping {}: {e}", path.display()))
        })?;
        let at = |e: serde_saphyr::Error| ImportError::Mapping(format!("{}: {e}", path.display()));
        let frameworks = text.lines().any(|l| {
            l.strip_prefix("frameworks")
                .is_some_and(|r| r.trim_start().starts_with(':'))
        });
        let m = if frameworks {
            MappingFile::Frameworks(Box::new(serde_saphyr::from_str(&text).map_err(at)?))
        } else {
            MappingFile::Cases(Box::new(serde_saphyr::from_str(&text).map_err(at)?))
        };
        check::check(&m).map_err(|e| ImportError::Mapping(format!("{}: {e}", path.display())))?;
        Ok(m)
    }

    /// How to read the file.
    pub fn source(&self) -> &SourceSpec {
        match self {
            MappingFile::Cases(m) => &m.source,
            MappingFile::Frameworks(m) => &m.source,
        }
    }
}

/// A column as the mapping names it: its name (for JSON, the path of a
/// nested value, `organisation.name`), or a map that adds how to read it.
///
/// ```yaml
/// agency: agency_name
/// agency: {column: agency_name, fallback: [agency_bureau], missing_values: [Unknown]}
/// agency: {default: Ministry of Finance}     # no column: every record takes it
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnSpec {
    /// Column name or JSON path.
    pub column: String,
    /// Values meaning "missing" in this column (besides blank), replacing
    /// `source.missing_values` for it.
    pub missing_values: Option<Vec<String>>,
    /// Columns tried in order when this one is blank (a blank agency takes
    /// the bureau).
    pub fallback: Vec<String>,
    /// Value used when the column and its fallbacks are all blank.
    pub default: Option<String>,
    /// Splits a cell holding several values (`;`). Bracketed lists
    /// (`['a', 'b']`) and JSON arrays are always split.
    pub separator: Option<String>,
}

impl ColumnSpec {
    /// A plain column.
    pub fn named(column: &str) -> ColumnSpec {
        ColumnSpec {
            column: column.to_string(),
            ..Default::default()
        }
    }

    /// Every column it reads: its own, then its fallbacks.
    pub fn columns(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.column.as_str())
            .filter(|c| !c.is_empty())
            .chain(self.fallback.iter().map(String::as_str))
    }

    /// A value every record takes: no column, only a default.
    pub fn is_constant(&self) -> bool {
        self.column.is_empty() && self.fallback.is_empty()
    }
}

#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct ColumnFull {
    #[serde(default)]
    column: Option<String>,
    #[serde(default)]
    missing_values: Option<Vec<String>>,
    #[serde(default)]
    fallback: Vec<String>,
    #[serde(default)]
    default: Option<String>,
    #[serde(default)]
    separator: Option<String>,
}

/// A column is written as a plain name (or number) or as the full map; the
/// schema says both, as the hand-written `Deserialize` below accepts them.
impl schemars::JsonSchema for ColumnSpec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ColumnSpec".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let full = generator.subschema_for::<ColumnFull>();
        schemars::json_schema!({
            "description": "A column name (for JSON, the path of a nested value), or a map: {column, fallback, missing_values, default, separator}.",
            "anyOf": [{"type": ["string", "integer", "boolean"]}, full]
        })
    }
}

/// Either kind of mapping: the schema accepts a case mapping or a framework
/// mapping, as [`MappingFile::read`] does.
impl schemars::JsonSchema for MappingFile {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MappingFile".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let cases = generator.subschema_for::<cases::CaseMapping>();
        let frameworks = generator.subschema_for::<frameworks::FrameworkMapping>();
        schemars::json_schema!({"anyOf": [cases, frameworks]})
    }
}

impl<'de> Deserialize<'de> for ColumnSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ColumnSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a column name, or a map such as {column: agency_name, fallback: [bureau]}",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ColumnSpec, E> {
                Ok(ColumnSpec::named(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ColumnSpec, E> {
                Ok(ColumnSpec::named(&v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ColumnSpec, E> {
                Ok(ColumnSpec::named(&v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<ColumnSpec, E> {
                Ok(ColumnSpec::named(&v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ColumnSpec, A::Error> {
                let f = ColumnFull::deserialize(de::value::MapAccessDeserializer::new(map))?;
                if f.column.is_none() && f.default.is_none() {
                    return Err(de::Error::custom(
                        "give the column, or a default (a value every record takes: {default: Ministry of Finance})",
                    ));
                }
                Ok(ColumnSpec {
                    column: f.column.unwrap_or_default(),
                    missing_values: f.missing_values,
                    fallback: f.fallback,
                    default: f.default,
                    separator: f.separator,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// How to read the file.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    /// Where the file usually is, relative to the repository (documentation
    /// only: the command takes the file as an argument).
    #[serde(default, alias = "default_csv")]
    pub default_file: Option<String>,
    /// `csv`, `json`, `jsonl`, `xlsx`, `xls` or `ods`; `--format` wins.
    /// Without either, the file name says (and the bytes must agree).
    #[serde(default)]
    pub format: Option<String>,
    /// Encoding label (encoding_rs) of a text file when `--encoding` is not
    /// given. Without either, it must be UTF-8 (with or without a BOM).
    #[serde(default)]
    pub encoding: Option<String>,
    /// CSV field delimiter (one ASCII character); default `,`.
    #[serde(default)]
    pub delimiter: Option<char>,
    /// JSON: the path of the list of records (`data`, `result.items`).
    #[serde(default)]
    pub records: Option<String>,
    /// Spreadsheets: the sheet to read (default the first).
    #[serde(default)]
    pub sheet: Option<String>,
    /// CSV and spreadsheets: the row holding the column names (default 1).
    #[serde(default)]
    pub header_row: Option<usize>,
    /// Values that mean "missing" besides blank (compared ignoring case and
    /// surrounding whitespace). Default: `N/A`, `NA`, `n.a.`, `null`, `-`, `#N/A`.
    #[serde(default)]
    pub missing_values: Option<Vec<String>>,
    /// Only records meeting every condition are imported.
    #[serde(default)]
    pub filter: Vec<Condition>,
    /// Template of each record's source URL (see `docs/import.md`): `{line}`
    /// is the line the record starts on, `{row}` its row number, `{id}` the
    /// publisher's id and `{column}` any column, each URL-encoded.
    #[serde(default)]
    pub case_url: Option<String>,
}

/// A condition on one column (values compared ignoring case and spacing;
/// a cell of several values meets `in` when one of them is listed).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The column.
    pub column: ColumnSpec,
    /// The record is kept when the value is one of these.
    #[serde(default, rename = "in")]
    pub any_of: Option<Vec<String>>,
    /// The record is kept when the value is none of these.
    #[serde(default)]
    pub not_in: Option<Vec<String>>,
    /// The record is kept when the value is present (true) or blank (false).
    #[serde(default)]
    pub present: Option<bool>,
}

/// How each record gets its stable id.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdSpec {
    /// Column holding the publisher's id.
    #[serde(default)]
    pub column: Option<ColumnSpec>,
    /// Id built from columns when the file has no id column:
    /// `"{agency}-{name:40}"` (each value made a slug, cut to the length
    /// after the colon). Checked: a placeholder must name a column.
    #[serde(default)]
    pub template: Option<String>,
    /// Prefix making ids unique across the site (`us25-`).
    pub prefix: String,
    /// Column the publisher's ids are unique within (the agency); its value
    /// is put in front of the id unless the id already starts with it.
    #[serde(default)]
    pub scope_column: Option<String>,
    /// Columns hashed into the id when the publisher's id is blank, a
    /// placeholder or duplicated (agency, bureau, name).
    #[serde(default)]
    pub fallback_columns: Vec<String>,
    /// Ids that mean "no id yet" (`TBD`).
    #[serde(default)]
    pub placeholders: Vec<String>,
}

/// One label in both languages and the spellings that mean it (a stage, an
/// agency).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LabelValue {
    /// Spellings (matched ignoring case and surrounding/repeated whitespace).
    #[serde(rename = "match")]
    pub matches: Vec<String>,
    /// The label written to the record.
    pub label: LangText,
}

/// Where a record belongs: a jurisdiction from a column, through a map of
/// values, or the value itself taken as an id.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JurisdictionSpec {
    /// The column (a country name, an ISO code, a list of countries).
    pub column: ColumnSpec,
    /// Known spellings and the jurisdiction id each means.
    #[serde(default)]
    pub values: Vec<JurisdictionValue>,
    /// A value not in `values` is taken as a jurisdiction id, lowercased
    /// (for columns of ISO codes).
    #[serde(default)]
    pub ids: bool,
    /// Jurisdiction of a record whose value is blank (case mappings: the
    /// inventory's, by default).
    #[serde(default)]
    pub missing: Option<String>,
    /// Jurisdiction of a record whose value the mapping does not know;
    /// without it such a record is skipped. Reported either way.
    #[serde(default)]
    pub unknown: Option<String>,
    /// Jurisdiction of a record whose values name several (a cross-border
    /// project); without it the first is taken. Reported either way.
    #[serde(default)]
    pub several: Option<String>,
}

/// Spellings → a jurisdiction id.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JurisdictionValue {
    /// Spellings that mean it.
    #[serde(rename = "match")]
    pub matches: Vec<String>,
    /// Its id in `content/jurisdictions/`.
    pub jurisdiction: String,
}
