//! A case inventory's file under `content/inventories/`: the published
//! register, how its flags were set (flag methods) and its cases.

use super::{Ref, SourceRefs, Spanned, Text};
use schemars::JsonSchema;
use serde::Deserialize;

/// A file under `content/inventories/`: one published case inventory.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inventory {
    /// Stable id (`tw-digi-2023`).
    pub id: Ref,
    /// Jurisdiction whose government published it.
    pub jurisdiction: Ref,
    /// Title in every language.
    pub title: Text,
    /// Who published it.
    pub publisher: Text,
    /// Year of the inventory, where the source gives it.
    #[serde(default)]
    pub year: Option<Spanned<u16>>,
    /// How many cases the publisher lists (the site shows held / declared).
    #[serde(default)]
    pub declared_total: Option<Spanned<u32>>,
    /// What it is and what share of it the site holds.
    #[serde(default)]
    pub description: Option<Text>,
    /// The published inventory itself; http(s).
    #[serde(default)]
    pub source_url: Option<Spanned<String>>,
    /// How its cases' risk flags were assigned: each method a reader can look up.
    #[serde(default)]
    pub flag_methods: Vec<FlagMethod>,
    /// The method that assigned a case's flags unless the case says otherwise.
    #[serde(default)]
    pub default_flag_method: Option<Ref>,
    /// Sources for what the record says.
    #[serde(default)]
    pub sources: SourceRefs,
    /// The cases.
    #[serde(default)]
    pub cases: Vec<Case>,
}

/// A way risk flags were assigned: a researcher's review, an import rule, ...
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FlagMethod {
    /// Id cases refer to.
    pub id: Ref,
    /// Short label.
    pub label: Text,
    /// Who did what, and the reasoning.
    pub description: Text,
    /// The risk flags this method can assess (terms of `risk_flags`). A flag
    /// outside this list is "not assessed" on the cases the method covers:
    /// shown as such, never as an unticked 0, and left out of shares. Absent:
    /// every flag (a researcher who reads each case weighs all of them). An
    /// import rule that can only ever set `personal_data` lists just that.
    #[serde(default)]
    pub assesses: Option<Vec<Ref>>,
}

/// One government AI use.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Stable id, unique across inventories (it is the page's URL).
    pub id: Ref,
    /// Name in every language.
    pub name: Text,
    /// Agency that runs it.
    pub agency: Text,
    /// Sub-agency or bureau.
    #[serde(default)]
    pub bureau: Option<Text>,
    /// The jurisdiction whose government runs it, when it is not the
    /// inventory's (an inventory of several countries' cases).
    #[serde(default)]
    pub jurisdiction: Option<Ref>,
    /// What it does.
    #[serde(default)]
    pub description: Option<Text>,
    /// The problem it is meant to solve, as the publisher describes it.
    #[serde(default)]
    pub purpose: Option<Text>,
    /// The benefits the publisher expects of it.
    #[serde(default)]
    pub benefits: Option<Text>,
    /// What the system puts out (predictions, drafts, alerts...).
    #[serde(default)]
    pub outputs: Option<Text>,
    /// Term of `use_classes`.
    pub use_class: Ref,
    /// A sub-type of that use class.
    #[serde(default)]
    pub use_subtype: Option<Ref>,
    /// Terms of `techniques`.
    #[serde(default)]
    pub techniques: Vec<Ref>,
    /// Terms of `risk_flags` ticked for this case.
    #[serde(default)]
    pub risk_flags: Vec<Ref>,
    /// Method (of the inventory's `flag_methods`) that assigned the flags,
    /// when it is not the inventory's default.
    #[serde(default)]
    pub flag_method: Option<Ref>,
    /// Per-flag methods where flags came from different methods (import rules).
    #[serde(default)]
    pub flag_provenance: Vec<FlagProvenance>,
    /// Terms of `risk_flags` that were not assessed on this case although its
    /// method can assess them: the source gave no answer to the question the
    /// method reads (an import rule met a blank cell). Shown as "not
    /// assessed", never as an unticked 0, and left out of shares.
    #[serde(default)]
    pub not_assessed: Vec<Ref>,
    /// Development stage as published.
    #[serde(default)]
    pub stage: Option<Text>,
    /// This case's entry in the published source; http(s).
    #[serde(default)]
    pub source_url: Option<Spanned<String>>,
    /// Fields a researcher edited by hand; `govatlas import` leaves them alone.
    #[serde(default)]
    #[schemars(schema_with = "overridable_fields")]
    pub overrides: Vec<Ref>,
}

/// Case fields that `overrides` may name. Overriding `risk_flags` also keeps
/// the case's `flag_method`, `flag_provenance` and `not_assessed`, which go
/// with it.
pub const OVERRIDABLE_CASE_FIELDS: &[&str] = &[
    "name",
    "agency",
    "bureau",
    "jurisdiction",
    "description",
    "purpose",
    "benefits",
    "outputs",
    "use_class",
    "use_subtype",
    "techniques",
    "risk_flags",
    "stage",
    "source_url",
];

/// The schema of `overrides`: names of [`OVERRIDABLE_CASE_FIELDS`], so an
/// editor completes them (validation rejects any other).
fn overridable_fields(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "array",
        "items": {"enum": OVERRIDABLE_CASE_FIELDS},
    })
}

/// Which method assigned one flag of a case.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FlagProvenance {
    /// The flag (must be among the case's `risk_flags`).
    pub flag: Ref,
    /// The inventory's flag method that set it.
    pub method: Ref,
}
