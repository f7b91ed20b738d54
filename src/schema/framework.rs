//! An instrument's file under `content/frameworks/`: the law, bill, order,
//! plan, standard or treaty, its status history, provisions, the principles
//! it names and its relations to other instruments.

use super::{PartialDate, Ref, SourceRefs, Spanned, Supplement, Text};
use schemars::JsonSchema;
use serde::Deserialize;

/// A file under `content/frameworks/`: one instrument (law, bill, order, ...).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Stable id (`tw-ai-basic-act`).
    pub id: Ref,
    /// The jurisdiction that issued it.
    pub jurisdiction: Ref,
    /// Term of `instrument_types`.
    #[serde(rename = "type")]
    pub kind: Ref,
    /// Title in every language (original-language title kept).
    pub title: Text,
    /// Short name for tables (`EO 14110`, `AI Act`).
    #[serde(default)]
    pub short_title: Option<Text>,
    /// Who issued it.
    #[serde(default)]
    pub issuer: Option<Text>,
    /// The instrument's own page or text; http(s).
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    /// Whether it binds those it addresses.
    pub binding: bool,
    /// Whether it sorts obligations by risk tier.
    #[serde(default)]
    pub risk_based: bool,
    /// A paragraph on what it does.
    #[serde(default)]
    pub summary: Option<Text>,
    /// Dated status events, oldest first; the last one is the current status.
    /// May be empty when the sources state no date or status.
    #[serde(default)]
    pub status_history: Vec<StatusEvent>,
    /// Articles, pillars, strategies, duties... nested where the source nests.
    #[serde(default)]
    pub provisions: Vec<Provision>,
    /// Principles it addresses, mapped onto the crosswalk, own wording kept.
    #[serde(default)]
    pub principles: Vec<PrincipleRef>,
    /// Relations to other instruments (shown from both ends).
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// Structured matrices (Australia's likelihood × consequence), shown as heatmaps.
    #[serde(default)]
    pub matrices: Vec<Matrix>,
    /// Other tables the source gives (the UN's risk categories).
    #[serde(default)]
    pub tables: Vec<DataTable>,
    /// Sources for what the record says.
    #[serde(default)]
    pub sources: SourceRefs,
    /// Facts it gives that the research documents do not, each with its
    /// source (an order's number, a date from the official record).
    #[serde(default)]
    pub not_in_documents: Vec<Supplement>,
    /// Fields a researcher edited by hand in an imported record;
    /// `govatlas import` leaves them alone (see [`OVERRIDABLE_FRAMEWORK_FIELDS`]).
    #[serde(default)]
    #[schemars(schema_with = "overridable_framework_fields")]
    pub overrides: Vec<Ref>,
}

/// Framework fields that `overrides` may name: the ones `govatlas import`
/// writes. Fields it does not write are never touched by a re-import.
pub const OVERRIDABLE_FRAMEWORK_FIELDS: &[&str] = &[
    "jurisdiction",
    "type",
    "title",
    "short_title",
    "issuer",
    "url",
    "binding",
    "risk_based",
    "summary",
    "status_history",
    "provisions",
    "sources",
];

/// One dated status change.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusEvent {
    /// When (year, year-month or full date).
    pub date: Spanned<PartialDate>,
    /// Term of `statuses`.
    pub status: Ref,
    /// What happened.
    #[serde(default)]
    pub note: Option<Text>,
}

/// An article, pillar, strategy, duty or recommendation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// Unique within the instrument; the page anchor (`art-3`, `p1-s4`).
    pub id: Ref,
    /// The instrument's own numbering (第三條 / Article 3).
    pub label: Text,
    /// Heading, where the source gives one.
    #[serde(default)]
    pub title: Option<Text>,
    /// What it says. Required unless `reproduced: false`.
    #[serde(default)]
    pub summary: Option<Text>,
    /// Summary of its legislative explanation (立法說明), for bills.
    #[serde(default)]
    pub explanation: Option<Text>,
    /// False when the source names the item but does not reproduce its text;
    /// the site then says so instead of inventing it.
    #[serde(default = "yes")]
    pub reproduced: bool,
    /// Nested provisions (a pillar's strategies).
    #[serde(default)]
    pub provisions: Vec<Provision>,
}

fn yes() -> bool {
    true
}

/// A principle an instrument names, mapped onto the crosswalk.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrincipleRef {
    /// Crosswalk term(s) of `principles` it maps onto.
    pub maps_to: Vec<Ref>,
    /// The instrument's own wording.
    pub wording: Text,
    /// The provision that states it, if any.
    #[serde(default)]
    pub provision: Option<Ref>,
}

/// How one instrument relates to another.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Replaces the target entirely (M-25-21 supersedes M-24-10).
    Supersedes,
    /// Cancels the target's measures (EO 14179 revokes EO 14110).
    Revokes,
    /// Names the target as a source (Taiwan's draft cites the EU AI Act).
    Cites,
    /// Puts the target into effect (guidance implementing an order).
    Implements,
    /// Changes part of the target.
    Amends,
}

impl RelationKind {
    /// The snake_case name used in YAML and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Self::Supersedes => "supersedes",
            Self::Revokes => "revokes",
            Self::Cites => "cites",
            Self::Implements => "implements",
            Self::Amends => "amends",
        }
    }
}

/// A relation from the instrument that declares it to a target instrument.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// supersedes, revokes, cites, implements or amends.
    #[serde(rename = "type")]
    pub kind: Spanned<RelationKind>,
    /// The other instrument's id.
    pub target: Ref,
    /// Which part, or why.
    #[serde(default)]
    pub note: Option<Text>,
}

/// A rows × columns matrix of levels, drawn as a heatmap.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    /// Anchor on the framework page.
    pub id: Ref,
    /// Heading.
    pub title: Text,
    /// What it shows.
    #[serde(default)]
    pub description: Option<Text>,
    /// Name of the row axis (likelihood).
    pub row_axis: Text,
    /// Name of the column axis (consequence).
    pub column_axis: Text,
    /// Row labels, top to bottom.
    pub rows: Vec<Text>,
    /// Column labels, left to right.
    pub columns: Vec<Text>,
    /// The levels cells may take, lowest first.
    pub levels: Vec<MatrixLevel>,
    /// One row of level ids per row label.
    pub cells: Vec<Vec<Ref>>,
}

/// A level a matrix cell may take.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MatrixLevel {
    /// Id used in `cells`.
    pub id: Ref,
    /// Label.
    pub label: Text,
}

/// A plain table of text.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataTable {
    /// Anchor on the page.
    pub id: Ref,
    /// Caption.
    pub title: Text,
    /// Column headings.
    pub columns: Vec<Text>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Spanned<Vec<Text>>>,
}

/// The schema of a framework's `overrides`: names of
/// [`OVERRIDABLE_FRAMEWORK_FIELDS`].
fn overridable_framework_fields(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "array",
        "items": {"enum": OVERRIDABLE_FRAMEWORK_FIELDS},
    })
}
