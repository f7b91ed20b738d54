//! The content format: what authors write in `content/`, as serde types.
//!
//! These types mirror the YAML one-to-one and stay dumb: they carry source
//! positions ([`Spanned`]) on every value a diagnostic may need to point at,
//! and nothing else. Cross-record checks live in `validate`; indexes and
//! back-references live in `model`.
//!
//! Every struct denies unknown fields, so a misspelt key is an error with the
//! nearest valid name rather than a silently ignored value.

mod date;
pub mod json;
mod spanned;
mod text;

pub use date::PartialDate;
pub use spanned::Spanned;
pub use text::{
    collect_language_keys, forbidden_in_text, take_forbidden_char, Text, TextEntry, EMPTY_TEXT,
    FORBIDDEN_CHAR,
};

use schemars::JsonSchema;
use serde::Deserialize;

/// A reference to another record by id, with the place it was written.
pub type Ref = Spanned<String>;

/// `content/site.yaml`: the site's configuration.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title in every language.
    pub title: Text,
    /// One-paragraph description shown on the home page and in feeds.
    #[serde(default)]
    pub description: Option<Text>,
    /// Absolute URL the site is published at (used only in citations, the
    /// sitemap and the feeds; every link inside the site is relative so it
    /// opens from disk). Leave it out until the site has a public address:
    /// citations then say so. `--base-url` overrides it.
    #[serde(default)]
    pub base_url: Option<Spanned<String>>,
    /// Language codes, in menu order. govatlas ships zh-TW and en.
    pub languages: Vec<Spanned<String>>,
    /// The language `index.html` at the root redirects to.
    pub default_language: Spanned<String>,
    /// The date the research data was last checked; shown in citations and
    /// briefings. Never taken from the clock, so builds are reproducible.
    #[serde(default)]
    pub data_date: Option<Spanned<PartialDate>>,
    /// Who maintains the site (shown in the footer and citations).
    #[serde(default)]
    pub author: Option<Text>,
    /// Languages texts may be written in without the site publishing an
    /// edition in them (`[nl]` for an imported Dutch register): such a text
    /// is shown as the original, marked with its language, on every edition.
    /// A code in neither list is an error, so a typo is still caught.
    #[serde(default)]
    pub source_languages: Vec<Spanned<String>>,
}

/// Which vocabulary a file under `content/vocabularies/` defines.
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
pub enum VocabularyKind {
    /// The risk flags cases are ticked against.
    RiskFlags,
    /// Use classes (Engstrom et al. 2020) with their sub-types.
    UseClasses,
    /// AI techniques a case uses.
    Techniques,
    /// Kinds of instrument: law, draft bill, executive order, ...
    InstrumentTypes,
    /// Lifecycle statuses of an instrument: draft, adopted, in force, ...
    Statuses,
    /// The shared principles crosswalk.
    Principles,
    /// Regulatory approaches a jurisdiction takes (strict, light-touch, ...).
    Approaches,
    /// Functions of AI in government, with their listed uses.
    GovFunctions,
}

impl VocabularyKind {
    /// Every kind, in the order pages list them.
    pub const ALL: [VocabularyKind; 8] = [
        Self::RiskFlags,
        Self::UseClasses,
        Self::Techniques,
        Self::InstrumentTypes,
        Self::Statuses,
        Self::Principles,
        Self::Approaches,
        Self::GovFunctions,
    ];

    /// The snake_case name used in YAML and in `taxonomies.json`.
    pub fn name(self) -> &'static str {
        match self {
            Self::RiskFlags => "risk_flags",
            Self::UseClasses => "use_classes",
            Self::Techniques => "techniques",
            Self::InstrumentTypes => "instrument_types",
            Self::Statuses => "statuses",
            Self::Principles => "principles",
            Self::Approaches => "approaches",
            Self::GovFunctions => "gov_functions",
        }
    }
}

/// A file under `content/vocabularies/`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VocabularyFile {
    /// Which vocabulary this is; each may be defined once.
    pub vocabulary: Spanned<VocabularyKind>,
    /// Heading for the vocabulary on the site.
    #[serde(default)]
    pub title: Option<Text>,
    /// What the vocabulary is and where it comes from.
    #[serde(default)]
    pub description: Option<Text>,
    /// The terms, in display order.
    pub terms: Vec<Term>,
}

/// One term of a vocabulary.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable id, used in references and URLs (`personal_data`).
    pub id: Ref,
    /// Label in every language.
    pub label: Text,
    /// Longer explanation.
    #[serde(default)]
    pub description: Option<Text>,
    /// Sub-types (use classes have them: enforcement → intelligent recognition).
    #[serde(default)]
    pub subtypes: Vec<Term>,
    /// Listed uses (government AI functions have them).
    #[serde(default)]
    pub uses: Vec<Text>,
    /// Other names readers search for, in any language (`個資`, `PII` for
    /// personal data): the search finds the term's cases by them too.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A record's sources: ids of entries in `content/sources/`.
pub type SourceRefs = Vec<Ref>;

/// A file under `content/sources/`: bibliography entries records cite by id.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    /// The entries.
    pub sources: Vec<Source>,
}

/// One bibliography entry.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id records cite (`seed-004-study`).
    pub id: Ref,
    /// Title in every language (a title in one language is fine: the other
    /// falls back with a marker).
    pub title: Text,
    /// Where it is published; http(s) only.
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    /// Who published it.
    #[serde(default)]
    pub publisher: Option<Text>,
    /// When it was published.
    #[serde(default)]
    pub published: Option<Spanned<PartialDate>>,
    /// When the URL was last checked.
    #[serde(default)]
    pub accessed: Option<Spanned<PartialDate>>,
    /// What this entry gives that the research documents do not (a
    /// publisher, a date, a full title), taken from the work itself at its
    /// `url`. Shown as "not from the documents".
    #[serde(default)]
    pub not_in_documents: Option<Text>,
}

/// A fact a record gives that the research documents do not, with the
/// source it comes from. Pages mark it "not from the documents".
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Supplement {
    /// What the fact is ("the order's number, 14091").
    pub what: Text,
    /// Where it comes from: a bibliography entry.
    pub source: Ref,
}

/// Kind of jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JurisdictionKind {
    /// A state (ISO 3166-1 alpha-2 id).
    Country,
    /// A supranational union (the EU).
    Union,
    /// An international body (CoE, UN, G7, OECD).
    International,
    /// A constituent part of a country: a US state, a province, a Land. Has a `parent`.
    State,
    /// A city, county or other local government. Has a `parent`.
    City,
}

impl JurisdictionKind {
    /// The snake_case name used in YAML and in page data.
    pub fn name(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Union => "union",
            Self::International => "international",
            Self::State => "state",
            Self::City => "city",
        }
    }

    /// Whether the kind is part of another jurisdiction (and must name it as `parent`).
    pub fn is_subnational(self) -> bool {
        matches!(self, Self::State | Self::City)
    }
}

/// A file under `content/jurisdictions/`: one jurisdiction.
// The `if`/`then` says in the schema what validate/parents.rs checks: a state
// or city names its parent, so an editor flags the missing key as you type.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "if" = {"properties": {"kind": {"enum": ["state", "city"]}}, "required": ["kind"]},
    "then" = {"required": ["parent"]}
))]
pub struct Jurisdiction {
    /// Short lowercase code, stable in URLs (`tw`, `us`, `eu`, `coe`).
    pub id: Ref,
    /// Country, union, international body, state or city.
    pub kind: Spanned<JurisdictionKind>,
    /// The jurisdiction it is part of (a state's country, a city's state or
    /// country). Required for states and cities.
    #[serde(default)]
    pub parent: Option<Ref>,
    /// Name in every language.
    pub name: Text,
    /// A paragraph on how it governs AI.
    #[serde(default)]
    pub summary: Option<Text>,
    /// The dedicated AI body, if it has one (Japan's AISI).
    #[serde(default)]
    pub dedicated_body: Option<Text>,
    /// Its regulatory approach over time, oldest first.
    #[serde(default)]
    pub approaches: Vec<ApproachPeriod>,
    /// Sources for what the record says.
    #[serde(default)]
    pub sources: SourceRefs,
}

/// A period during which a jurisdiction took one regulatory approach.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproachPeriod {
    /// Term of the `approaches` vocabulary.
    pub approach: Ref,
    /// When it began.
    pub from: Spanned<PartialDate>,
    /// When it ended (absent: still current).
    #[serde(default)]
    pub to: Option<Spanned<PartialDate>>,
    /// What the approach meant in practice.
    pub summary: Text,
}

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

/// The schema of a framework's `overrides`: names of
/// [`OVERRIDABLE_FRAMEWORK_FIELDS`].
fn overridable_framework_fields(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "array",
        "items": {"enum": OVERRIDABLE_FRAMEWORK_FIELDS},
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

/// Front matter of a Markdown page under `content/pages/` (`about.en.md`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    /// Page title in this file's language.
    pub title: Spanned<String>,
    /// Position in the menu (lower first).
    #[serde(default)]
    pub order: i32,
}
